//! What C++ exception handling needs from the system, found through the loader like a PE
//! CRT would import it: ntdll's RtlUnwindEx and kernel32's RaiseException. Unit tests
//! replace the unwinder with a hook.

use std::sync::OnceLock;
use windows_sys::Win32::System::Diagnostics::Debug::{CONTEXT, EXCEPTION_RECORD, UNWIND_HISTORY_TABLE};

fn resolve(dll: &str, name: &[u8]) -> usize {
    let Some(loader) = dllcore::loader_api::try_loader() else { return 0 };
    let Some(module) = loader.get_module_handle(Some(dll)).or_else(|| loader.load_library(dll, 0).ok()) else {
        return 0;
    };
    loader.get_proc_address(module, dllcore::loader_api::ProcName::Name(name)).unwrap_or(0)
}

type UnwindEx = unsafe extern "win64" fn(usize, usize, *mut EXCEPTION_RECORD, usize, *mut CONTEXT, *mut UNWIND_HISTORY_TABLE);

/// kernel32!RaiseException's address (0 when there is none).
pub fn raise_exception_addr() -> usize {
    static ADDR: OnceLock<usize> = OnceLock::new();
    *ADDR.get_or_init(|| resolve("kernel32.dll", b"RaiseException"))
}

#[cfg(test)]
thread_local! {
    /// Tests: called instead of RtlUnwindEx with the consolidate record.
    pub static UNWIND_HOOK: std::cell::RefCell<Option<Box<dyn FnMut(usize, &EXCEPTION_RECORD)>>> =
        std::cell::RefCell::new(None);
}

/// RtlUnwindEx: unwind to `frame` (calling the handlers of the frames on the way with
/// EXCEPTION_UNWINDING), then, the record being STATUS_UNWIND_CONSOLIDATE, call the callback
/// in ExceptionInformation[0] and continue where it says. Returns only if it could not.
///
/// # Safety
/// As RtlUnwindEx.
pub unsafe fn unwind_ex(frame: usize, ip: usize, rec: &mut EXCEPTION_RECORD, history: *mut UNWIND_HISTORY_TABLE) {
    #[cfg(test)]
    {
        let done = UNWIND_HOOK.with(|h| h.borrow_mut().as_mut().map(|f| f(frame, rec)).is_some());
        if done {
            return;
        }
    }
    static ADDR: OnceLock<usize> = OnceLock::new();
    let addr = *ADDR.get_or_init(|| resolve("ntdll.dll", b"RtlUnwindEx"));
    if addr == 0 {
        log::error!("C++ exception: RtlUnwindEx is not available, cannot run the catch block");
        return;
    }
    // SAFETY: the address is ntdll's RtlUnwindEx.
    let f: UnwindEx = unsafe { std::mem::transmute(addr) };
    let mut ctx: CONTEXT = unsafe { std::mem::zeroed() };
    unsafe { f(frame, ip, rec, 0, &mut ctx, history) };
}
