//! ntdll.dll: the NT file API and the Rtl path functions. Go, Zig and Rust's standard library
//! call these directly; kernel32 sits on the same layer (`syscall_shims::file` and
//! `syscall_shims::path`), so both see the same files, handles and rules.
//!
//! - [`file`]: NtCreateFile, NtOpenFile, NtReadFile, NtWriteFile, NtQueryInformationFile,
//!   NtSetInformationFile, NtQueryDirectoryFile(Ex), NtQueryAttributesFile,
//!   NtQueryFullAttributesFile, NtQueryVolumeInformationFile, NtFlushBuffersFile,
//!   NtDeleteFile, NtLockFile, NtUnlockFile, NtClose.
//! - [`rtl`]: RtlDosPathNameToNtPathName_U(_WithStatus), RtlGetFullPathName_U,
//!   RtlDetermineDosPathNameType_U, RtlIsDosDeviceName_U, Rtl{Get,Set}CurrentDirectory_U,
//!   RtlInitUnicodeString, RtlFreeUnicodeString, RtlNtStatusToDosError, RtlGetLastWin32Error,
//!   RtlSetLastWin32Error.

use dllcore::{BuiltinDll, Export, distributed_slice};

/// Name shown in relay traces.
pub const DLL_NAME: &str = "NTDLL";

/// Every export of this crate, filled by `#[export]`.
#[distributed_slice]
#[linkme(crate = dllcore::linkme)]
pub static NTDLL_EXPORTS: [Export];
/// The name `#[export]` registers into.
pub use self::NTDLL_EXPORTS as EXPORTS;

pub mod file;
pub mod rtl;
pub mod seh;

/// The DLLs this crate serves.
pub static DLLS: [BuiltinDll; 1] =
    [BuiltinDll { name: "ntdll.dll", exports: &EXPORTS, mask: 0, attach: None, detach: None }];
