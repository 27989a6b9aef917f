//! C++ exception handling exports: the frame handlers, the throw, the current exception, the
//! SE translator, terminate. The code is the msvcrt crate's `cxx` module.

use dllcore::{Export, export};
use msvcrt::cxx::{state, throw};
use std::ffi::c_void;
use windows_sys::Win32::System::Diagnostics::Debug::{CONTEXT, DISPATCHER_CONTEXT, EXCEPTION_RECORD};
use windows_sys::Win32::System::Kernel::EXCEPTION_DISPOSITION;

/// __CxxFrameHandler3: the language handler of functions with C++ EH tables (FuncInfo
/// v1-3); see msvcrt's `cxx::frame`.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn __CxxFrameHandler3(
    rec: *mut EXCEPTION_RECORD,
    frame: usize,
    context: *mut CONTEXT,
    dc: *mut DISPATCHER_CONTEXT,
) -> EXCEPTION_DISPOSITION {
    unsafe { msvcrt::cxx::frame_handler(rec, frame, context, dc, false) }
}

/// __CxxFrameHandler: the same handler.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn __CxxFrameHandler(
    rec: *mut EXCEPTION_RECORD,
    frame: usize,
    context: *mut CONTEXT,
    dc: *mut DISPATCHER_CONTEXT,
) -> EXCEPTION_DISPOSITION {
    unsafe { msvcrt::cxx::frame_handler(rec, frame, context, dc, false) }
}

/// __CxxFrameHandler2: the same handler.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn __CxxFrameHandler2(
    rec: *mut EXCEPTION_RECORD,
    frame: usize,
    context: *mut CONTEXT,
    dc: *mut DISPATCHER_CONTEXT,
) -> EXCEPTION_DISPOSITION {
    unsafe { msvcrt::cxx::frame_handler(rec, frame, context, dc, false) }
}

/// __CxxFrameHandler4 (vcruntime140_1.dll): the handler of the compressed FH4 tables.
#[export(only = crate::VCRUNTIME140_1)]
pub unsafe extern "win64" fn __CxxFrameHandler4(
    rec: *mut EXCEPTION_RECORD,
    frame: usize,
    context: *mut CONTEXT,
    dc: *mut DISPATCHER_CONTEXT,
) -> EXCEPTION_DISPOSITION {
    unsafe { msvcrt::cxx::frame_handler(rec, frame, context, dc, true) }
}

/// _CxxThrowException: msvcrt's naked entry point (no relay trace), raising 0xE06D7363.
#[dllcore::distributed_slice(crate::EXPORTS)]
#[linkme(crate = dllcore::linkme)]
static EXPORT_CXX_THROW: Export =
    Export::func("_CxxThrowException", throw::cxx_throw_exception as *const (), crate::VCRUNTIME140);

/// __C_specific_handler: the language handler of `__try`/`__except`/`__finally` (scope
/// tables); msvcrt's.
#[export(only = crate::VCRUNTIME140)]
pub extern "win64" fn __C_specific_handler(
    rec: *mut EXCEPTION_RECORD,
    frame: u64,
    context: *mut CONTEXT,
    dc: *mut DISPATCHER_CONTEXT,
) -> i32 {
    msvcrt::except::__C_specific_handler(rec, frame, context, dc)
}

/// __current_exception: the address of the thread's "exception being handled" record pointer
/// (NULL outside catch blocks).
#[export(only = crate::VCRUNTIME140)]
pub extern "win64" fn __current_exception() -> *mut *mut EXCEPTION_RECORD {
    state::CURRENT_RECORD.with(|c| c.as_ptr())
}

/// __current_exception_context: the address of the thread's pointer to that exception's
/// CONTEXT.
#[export(only = crate::VCRUNTIME140)]
pub extern "win64" fn __current_exception_context() -> *mut *mut CONTEXT {
    state::CURRENT_CONTEXT.with(|c| c.as_ptr())
}

/// __processing_throw: the address of the thread's count of exceptions thrown and not yet
/// caught.
#[export(only = crate::VCRUNTIME140)]
pub extern "win64" fn __processing_throw() -> *mut i32 {
    state::PROCESSING_THROW.with(|c| c.as_ptr())
}

/// __uncaught_exceptions: how many exceptions are thrown and not yet caught on this thread
/// (std::uncaught_exceptions).
#[export(only = crate::VCRUNTIME140)]
pub extern "win64" fn __uncaught_exceptions() -> i32 {
    state::PROCESSING_THROW.with(|c| c.get())
}

/// __uncaught_exception: is one in flight?
#[export(only = crate::VCRUNTIME140)]
pub extern "win64" fn __uncaught_exception() -> i32 {
    (__uncaught_exceptions() > 0) as i32
}

/// _set_se_translator: set the thread's SE translator, return the old one. Stored only: the
/// frame handler does not call it (Windows calls it for SEH exceptions reaching a C++ frame,
/// to turn them into C++ exceptions).
#[export(only = crate::VCRUNTIME140)]
pub extern "win64" fn _set_se_translator(f: usize) -> usize {
    state::SE_TRANSLATOR.with(|c| c.replace(f))
}

/// __std_terminate: what the compiler calls when an exception must end the program (leaving
/// a noexcept function, an exception in a destructor during unwinding): std::terminate.
#[export(only = crate::VCRUNTIME140)]
pub extern "win64" fn __std_terminate() {
    throw::terminate_now()
}

/// __DestructExceptionObject: run the destructor of a C++ exception's object (nothing for
/// other exceptions).
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn __DestructExceptionObject(rec: *mut EXCEPTION_RECORD) {
    if let Some(r) = unsafe { rec.as_ref() } {
        if throw::is_cxx(r) {
            throw::destroy_object(r);
        }
    }
}

/// _is_exception_typeof(type, pointers): is the C++ exception in `ep` catchable as `type`?
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn _is_exception_typeof(ti: *const c_void, ep: *const *const EXCEPTION_RECORD) -> i32 {
    let Some(rec) = (unsafe { ep.as_ref() }).and_then(|r| unsafe { r.as_ref() }) else { return 0 };
    if !throw::is_cxx(rec) || rec.ExceptionInformation[2] == 0 {
        return 0;
    }
    // SAFETY: a C++ exception's ThrowInfo.
    let thrown = unsafe { msvcrt::cxx::types::read_throw_info(rec.ExceptionInformation[2], rec.ExceptionInformation[3]) };
    let want = unsafe { msvcrt::cxx::types::type_name(ti as usize) };
    thrown.types.iter().any(|t| unsafe { msvcrt::cxx::types::type_name(t.type_desc) } == want) as i32
}

// __intrinsic_setjmp(ex) and longjmp: msvcrt's naked entry points (setjmp/longjmp unwind with
// STATUS_LONGJUMP; see msvcrt's `setjmp`).
ntdll::forward!("__intrinsic_setjmp", msvcrt::setjmp::_setjmp, crate::VCRUNTIME140);
ntdll::forward!("__intrinsic_setjmpex", msvcrt::setjmp::_setjmp, crate::VCRUNTIME140);
ntdll::forward!("longjmp", msvcrt::setjmp::longjmp, crate::VCRUNTIME140);
