//! oleaut32.dll: BSTRs and VARIANTs, exported by name and by the fixed ordinals programs
//! import them by (SysAllocString is #2 on every Windows).

use dllcore::{BuiltinDll, Export, distributed_slice};

/// Name shown in relay traces.
pub const DLL_NAME: &str = "OLEAUT32";

/// Every export of this crate, filled by `#[export]`.
#[distributed_slice]
#[linkme(crate = dllcore::linkme)]
pub static OLEAUT32_EXPORTS: [Export];
/// The name `#[export]` registers into.
pub use self::OLEAUT32_EXPORTS as EXPORTS;

pub mod bstr;
pub mod variant;

/// The DLLs this crate serves.
pub static DLLS: [BuiltinDll; 1] =
    [BuiltinDll { name: "oleaut32.dll", exports: &EXPORTS, mask: 0, attach: None, detach: None }];
