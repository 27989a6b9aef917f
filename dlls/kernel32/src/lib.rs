//! kernel32.dll and kernelbase.dll. Both names are served by this crate: in Windows kernel32
//! forwards most exports to kernelbase, so one implementation answers for both.

use dllcore::{BuiltinDll, Export, distributed_slice};

/// Name shown in relay traces.
pub const DLL_NAME: &str = "KERNEL32";

/// Every export of this crate, filled by `#[export]`.
#[distributed_slice]
#[linkme(crate = dllcore::linkme)]
pub static KERNEL32_EXPORTS: [Export];
/// The name `#[export]` registers into.
pub use self::KERNEL32_EXPORTS as EXPORTS;

pub mod errhandlingapi;

/// The DLLs this crate serves.
pub static DLLS: [BuiltinDll; 2] = [
    BuiltinDll { name: "kernel32.dll", exports: &EXPORTS, mask: 0, attach: None, detach: None },
    BuiltinDll { name: "kernelbase.dll", exports: &EXPORTS, mask: 0, attach: None, detach: None },
];
