//! What C++ exception handling needs from the system: ntdll's unwinder, as a handler
//! written in Rust calls it (`ntdll::seh::unwind::unwind_from_handler`). Unit tests replace
//! it with a hook.

use windows_sys::Win32::System::Diagnostics::Debug::{CONTEXT, EXCEPTION_RECORD, UNWIND_HISTORY_TABLE};

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
    let mut ctx: CONTEXT = unsafe { std::mem::zeroed() };
    // SAFETY: called from a language handler the dispatcher called.
    unsafe {
        ntdll::seh::unwind::unwind_from_handler(frame as u64, ip as u64, rec, 0, &mut ctx, history);
    }
}
