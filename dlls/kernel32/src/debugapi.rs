//! debugapi.h: is a debugger attached?

use dllcore::export;
use windows_sys::core::BOOL;

/// IsDebuggerPresent: PEB.BeingDebugged, which a Windows debugger sets when it attaches.
/// No Windows debugger attaches to wine-rs (a host debugger such as gdb is not one): FALSE
/// unless the program set the flag itself.
#[export]
pub extern "win64" fn IsDebuggerPresent() -> BOOL {
    let peb = dllcore::teb::peb();
    if peb.is_null() {
        return 0;
    }
    // SAFETY: the PEB the loader made.
    unsafe { (*peb).BeingDebugged as BOOL }
}
