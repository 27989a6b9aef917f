//! errhandlingapi.h: the last error, raising exceptions, the unhandled-exception filter,
//! vectored handlers; and the Rtl unwinding functions kernel32 also exports. The exception
//! machinery is ntdll's (`ntdll::seh`): these are thin.

use dllcore::export;
use dllcore::teb;
use windows_sys::Win32::System::Diagnostics::Debug::EXCEPTION_POINTERS;

/// GetLastError: the calling thread's last-error code (TEB.LastErrorValue).
#[export]
pub extern "win64" fn GetLastError() -> u32 {
    teb::last_error()
}

/// SetLastError: set the calling thread's last-error code.
#[export]
pub extern "win64" fn SetLastError(code: u32) {
    teb::set_last_error(code)
}

/// SetUnhandledExceptionFilter: install the top-level filter, returning the previous one.
/// It is called for an exception no frame handles (see UnhandledExceptionFilter).
#[export]
pub extern "win64" fn SetUnhandledExceptionFilter(filter: usize) -> usize {
    ntdll::seh::dispatch::set_top_filter(filter)
}

/// UnhandledExceptionFilter: call the top-level filter and return its verdict; with no filter
/// EXCEPTION_CONTINUE_SEARCH (Windows would start error reporting or a debugger).
#[export]
pub extern "win64" fn UnhandledExceptionFilter(ptrs: *mut EXCEPTION_POINTERS) -> i32 {
    if ptrs.is_null() {
        return 0;
    }
    // SAFETY: the program's EXCEPTION_POINTERS.
    let p = unsafe { &*ptrs };
    ntdll::seh::dispatch::call_top_filter(p.ExceptionRecord, p.ContextRecord)
}

/// AddVectoredExceptionHandler: RtlAddVectoredExceptionHandler.
#[export]
pub extern "win64" fn AddVectoredExceptionHandler(first: u32, handler: usize) -> usize {
    ntdll::seh::dispatch::RtlAddVectoredExceptionHandler(first, handler)
}

/// RemoveVectoredExceptionHandler: RtlRemoveVectoredExceptionHandler.
#[export]
pub extern "win64" fn RemoveVectoredExceptionHandler(handle: usize) -> u32 {
    ntdll::seh::dispatch::RtlRemoveVectoredExceptionHandler(handle)
}

/// AddVectoredContinueHandler: RtlAddVectoredContinueHandler.
#[export]
pub extern "win64" fn AddVectoredContinueHandler(first: u32, handler: usize) -> usize {
    ntdll::seh::dispatch::RtlAddVectoredContinueHandler(first, handler)
}

/// RemoveVectoredContinueHandler: RtlRemoveVectoredContinueHandler.
#[export]
pub extern "win64" fn RemoveVectoredContinueHandler(handle: usize) -> u32 {
    ntdll::seh::dispatch::RtlRemoveVectoredContinueHandler(handle)
}

// RaiseException and the Rtl functions kernel32 exports are ntdll's own entry points (the
// capturing ones are naked thunks that must not be wrapped).
ntdll::forward!("RaiseException", ntdll::seh::dispatch::RaiseException);
ntdll::forward!("RtlCaptureContext", ntdll::seh::context::RtlCaptureContext);
ntdll::forward!("RtlUnwind", ntdll::seh::unwind::RtlUnwind);
ntdll::forward!("RtlUnwindEx", ntdll::seh::unwind::RtlUnwindEx);
ntdll::forward!("RtlRaiseException", ntdll::seh::dispatch::RtlRaiseException);
ntdll::forward!("RtlVirtualUnwind", ntdll::seh::unwind::RtlVirtualUnwind);
ntdll::forward!("RtlLookupFunctionEntry", ntdll::seh::lookup::RtlLookupFunctionEntry);
ntdll::forward!("RtlPcToFileHeader", ntdll::seh::lookup::RtlPcToFileHeader);
ntdll::forward!("RtlAddFunctionTable", ntdll::seh::lookup::RtlAddFunctionTable);
ntdll::forward!("RtlDeleteFunctionTable", ntdll::seh::lookup::RtlDeleteFunctionTable);
ntdll::forward!("RtlRestoreContext", ntdll::seh::RtlRestoreContext);
