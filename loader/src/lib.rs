//! The PE loader: parsing, mapping, relocation, import/export resolution, TLS, the module list,
//! and starting a program.

pub mod builtin;
pub mod check;
pub mod cmdline;
pub mod crash;
pub mod image;
pub mod launch;
pub mod modules;
pub mod pe;
pub mod peb;
pub mod stub;
