//! msvcrt.dll, ucrtbase.dll and the api-ms-win-crt-* sets: one C runtime in Rust.
pub mod printf;
