//! shell32.dll. Only what console programs use: CommandLineToArgvW.

use dllcore::{BuiltinDll, Export, distributed_slice};

/// Name shown in relay traces.
pub const DLL_NAME: &str = "SHELL32";

/// Every export of this crate, filled by `#[export]`.
#[distributed_slice]
#[linkme(crate = dllcore::linkme)]
pub static SHELL32_EXPORTS: [Export];
/// The name `#[export]` registers into.
pub use self::SHELL32_EXPORTS as EXPORTS;

pub mod shellapi;

/// The DLLs this crate serves.
pub static DLLS: [BuiltinDll; 1] =
    [BuiltinDll { name: "shell32.dll", exports: &EXPORTS, mask: 0, attach: None, detach: None }];
