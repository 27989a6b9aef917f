//! msvcrt.dll, ucrtbase.dll and the api-ms-win-crt-* sets: one C runtime in Rust.
//!
//! Exports shared by both CRTs use a plain `#[export]`; those that exist in only one, or whose
//! conventions differ, say `#[export(only = MSVCRT)]` or `#[export(only = UCRT)]`.

use dllcore::{BuiltinDll, Export, distributed_slice};

/// Name shown in relay traces.
pub const DLL_NAME: &str = "msvcrt";

/// Mask bit: exported by msvcrt.dll.
pub const MSVCRT: u32 = 1;
/// Mask bit: exported by ucrtbase.dll (and so by the api-ms-win-crt-* sets).
pub const UCRT: u32 = 2;

/// Every export of this crate, filled by `#[export]`.
#[distributed_slice]
#[linkme(crate = dllcore::linkme)]
pub static MSVCRT_EXPORTS: [Export];
/// The name `#[export]` registers into.
pub use self::MSVCRT_EXPORTS as EXPORTS;

pub mod printf;

/// The DLLs this crate serves.
pub static DLLS: [BuiltinDll; 2] = [
    BuiltinDll { name: "msvcrt.dll", exports: &EXPORTS, mask: MSVCRT, attach: None, detach: None },
    BuiltinDll { name: "ucrtbase.dll", exports: &EXPORTS, mask: UCRT, attach: None, detach: None },
];
