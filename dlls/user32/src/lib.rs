//! user32.dll: what console programs use of it, the character functions (winuser.h).

use dllcore::{BuiltinDll, Export, distributed_slice};

/// Name shown in relay traces.
pub const DLL_NAME: &str = "USER32";

/// Every export of this crate, filled by `#[export]`.
#[distributed_slice]
#[linkme(crate = dllcore::linkme)]
pub static USER32_EXPORTS: [Export];
/// The name `#[export]` registers into.
pub use self::USER32_EXPORTS as EXPORTS;

pub mod chars;

/// The DLLs this crate serves.
pub static DLLS: [BuiltinDll; 1] =
    [BuiltinDll { name: "user32.dll", exports: &EXPORTS, mask: 0, attach: None, detach: None }];
