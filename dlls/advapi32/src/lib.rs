//! advapi32.dll: process tokens and privileges (`token.rs`), file security descriptors
//! (`filesecurity.rs`), the registry (`registry.rs`: read-only and empty for now) and
//! RtlGenRandom (`random.rs`).

use dllcore::{BuiltinDll, Export, distributed_slice};

/// Name shown in relay traces.
pub const DLL_NAME: &str = "ADVAPI32";

/// Every export of this crate, filled by `#[export]`.
#[distributed_slice]
#[linkme(crate = dllcore::linkme)]
pub static ADVAPI32_EXPORTS: [Export];
/// The name `#[export]` registers into.
pub use self::ADVAPI32_EXPORTS as EXPORTS;

pub mod filesecurity;
pub mod random;
pub mod registry;
pub mod token;

/// The DLLs this crate serves.
pub static DLLS: [BuiltinDll; 1] =
    [BuiltinDll { name: "advapi32.dll", exports: &EXPORTS, mask: 0, attach: None, detach: None }];
