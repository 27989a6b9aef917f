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

pub mod consoleapi;
pub mod createprocess;
pub mod errhandlingapi;
pub mod fibersapi;
pub mod fileapi;
pub mod handleapi;
pub mod heapapi;
pub mod interlockedapi;
pub mod ioapiset;
pub mod jobapi;
pub mod libloaderapi;
pub mod message;
pub mod mapping;
pub mod memoryapi;
pub mod namedpipeapi;
pub mod processenv;
pub mod processthreadsapi;
pub mod profileapi;
pub mod stringapiset;
pub mod synchapi;
pub mod sysinfoapi;
pub mod threadpool;
pub mod threadpoollegacyapiset;
pub mod threads;
pub mod timezoneapi;
pub mod tls;
pub mod winbase;
pub mod version;
pub mod utilapiset;
pub mod debugapi;
pub mod consolebuffer;
pub mod consoleinput;
pub mod consolectrl;
pub mod nls;

/// An output buffer of UTF-16 units. Exports declare output buffers with this name (not
/// PWSTR) so that the relay trace shows their address instead of reading unwritten memory.
pub type OutWStr = *mut u16;
/// An output buffer of bytes (narrow text), for the same reason.
pub type OutStr = *mut u8;
/// A counted UTF-16 string (its length is another parameter; it may lack a NUL): the relay
/// trace shows its address, since reading up to a NUL could run past its end.
pub type InWStrN = *const u16;
/// A counted narrow string, for the same reason.
pub type InStrN = *const u8;

/// Process exit, after the PE DLLs' detach: give the terminal back as the program found it.
fn detach() {
    syscall_shims::console::restore();
}

/// The DLLs this crate serves.
pub static DLLS: [BuiltinDll; 2] = [
    BuiltinDll { name: "kernel32.dll", exports: &EXPORTS, mask: 0, attach: Some(threads::attach_process), detach: Some(detach) },
    BuiltinDll { name: "kernelbase.dll", exports: &EXPORTS, mask: 0, attach: None, detach: None },
];
