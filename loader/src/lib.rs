//! The PE loader: parsing, mapping, relocation, import/export resolution, TLS, the module list.
pub mod pe;
