//! bcrypt.dll and bcryptprimitives.dll: the system's random number generator, as programs
//! reach it (Rust's standard library: `ProcessPrng`, before Windows 10 `BCryptGenRandom`).
//! Other algorithms are not provided: opening one fails with STATUS_NOT_FOUND.

use dllcore::{BuiltinDll, Export, distributed_slice};

/// Name shown in relay traces.
pub const DLL_NAME: &str = "BCRYPT";

/// Every export of this crate, filled by `#[export]`.
#[distributed_slice]
#[linkme(crate = dllcore::linkme)]
pub static BCRYPT_EXPORTS: [Export];
/// The name `#[export]` registers into.
pub use self::BCRYPT_EXPORTS as EXPORTS;

/// Mask bit: exported by bcrypt.dll.
pub const BCRYPT: u32 = 1;
/// Mask bit: exported by bcryptprimitives.dll.
pub const PRIMITIVES: u32 = 2;

pub mod rng;

/// The DLLs this crate serves.
pub static DLLS: [BuiltinDll; 2] = [
    BuiltinDll { name: "bcrypt.dll", exports: &EXPORTS, mask: BCRYPT, attach: None, detach: None },
    BuiltinDll { name: "bcryptprimitives.dll", exports: &EXPORTS, mask: PRIMITIVES, attach: None, detach: None },
];
