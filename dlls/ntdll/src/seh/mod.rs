//! Structured exception handling for x64 PE code, with Windows' semantics (the documented
//! x64 exception model: RUNTIME_FUNCTION/UNWIND_INFO, EXCEPTION_RECORD, CONTEXT,
//! DISPATCHER_CONTEXT, EXCEPTION_DISPOSITION, two-phase dispatch and unwind).
//!
//! - [`context`]: RtlCaptureContext, RtlRestoreContext, and the capturing thunks.
//! - [`lookup`]: RtlLookupFunctionEntry, RtlAddFunctionTable, RtlDeleteFunctionTable,
//!   RtlPcToFileHeader.
//! - [`frames`]: the frame walk shared by both phases, and the bridges that carry it across
//!   wine-rs's own frames.
//! - [`dispatch`]: RtlRaiseException, RaiseException, vectored handlers, the unhandled
//!   filter, and the entry of hardware exceptions (the signal handler redirects the thread).
//! - [`unwind`]: RtlVirtualUnwind, RtlUnwindEx, RtlUnwind.
//!
//! API for other crates (kernel32, msvcrt, a C++ runtime):
//! - raising: an export that raises for its caller is a [`capture_thunk!`] whose body builds
//!   the EXCEPTION_RECORD and calls [`dispatch::raise`]`(&mut rec, ctx, 0)` (never returns;
//!   continues the caller if a handler says so);
//! - a language handler written in Rust (called by the dispatcher) that wants to unwind to a
//!   frame calls [`unwind::unwind_from_handler`] (RtlUnwindEx's semantics, starting at the
//!   exception); [`unwind::unwind_to`] unwinds from a given CONTEXT;
//! - [`context::restore_context`] continues with a CONTEXT;
//! - the naked exports `RtlUnwindEx`, `RtlUnwind`, `RtlRaiseException`, `RaiseException`,
//!   `RtlCaptureContext` are registered in another DLL with [`forward!`].

pub mod context;
pub mod dispatch;
pub mod frames;
pub mod lookup;
pub mod unwind;

use dllcore::export;
use windows_sys::Win32::System::Diagnostics::Debug::{CONTEXT, DISPATCHER_CONTEXT, EXCEPTION_RECORD};

/// A language handler (EXCEPTION_ROUTINE) in the Windows x64 ABI.
pub type Handler = extern "win64" fn(*mut EXCEPTION_RECORD, u64, *mut CONTEXT, *mut DISPATCHER_CONTEXT) -> i32;

/// Register a function that is not an `#[export]` (a naked thunk) in a DLL crate's export
/// table: `forward!("RtlUnwindEx", ntdll::seh::unwind::RtlUnwindEx);` inside that crate
/// (optionally with the export's DLL mask as a third argument).
#[macro_export]
macro_rules! forward {
    ($name:literal, $f:path) => {
        $crate::forward!($name, $f, 0);
    };
    ($name:literal, $f:path, $mask:expr) => {
        const _: () = {
            #[::dllcore::linkme::distributed_slice(crate::EXPORTS)]
            #[linkme(crate = ::dllcore::linkme)]
            static REG: ::dllcore::Export = ::dllcore::Export::func($name, $f as *const (), $mask);
        };
    };
}

crate::forward!("RtlCaptureContext", context::RtlCaptureContext);
crate::forward!("RtlUnwindEx", unwind::RtlUnwindEx);
crate::forward!("RtlUnwind", unwind::RtlUnwind);
crate::forward!("RtlRaiseException", dispatch::RtlRaiseException);

/// RtlRestoreContext(ContextRecord, ExceptionRecord): continue with the registers of
/// `ctx`; with a STATUS_LONGJUMP record, the non-volatile registers come from the jump
/// buffer it names; a STATUS_UNWIND_CONSOLIDATE record's callback runs first and says
/// where to continue (`unwind::consolidate`).
#[export]
pub extern "win64" fn RtlRestoreContext(ctx: *mut CONTEXT, rec: *mut EXCEPTION_RECORD) {
    if ctx.is_null() {
        return;
    }
    // SAFETY: null or the program's record.
    if let Some(r) = unsafe { rec.as_ref() }
        && r.ExceptionCode == windows_sys::Win32::Foundation::STATUS_LONGJUMP
        && r.NumberParameters >= 1
    {
        // SAFETY: the program's context and the jump buffer its record names.
        unsafe { context::apply_jump_buffer(&mut *ctx, r.ExceptionInformation[0] as u64) };
    }
    // SAFETY: the program's context and record.
    unsafe { unwind::consolidate(&mut *ctx, rec) };
    // SAFETY: the program's context to continue with.
    unsafe { context::restore_context(ctx) }
}

/// NtContinue(ContextRecord, TestAlert): continue with `ctx`.
#[export]
pub extern "win64" fn NtContinue(ctx: *mut CONTEXT, _alert: u8) -> i32 {
    if ctx.is_null() {
        return windows_sys::Win32::Foundation::STATUS_ACCESS_VIOLATION;
    }
    // SAFETY: the program's context to continue with.
    unsafe { context::restore_context(ctx) }
}
