//! msvcrt.dll's (and ucrtbase.dll's) C++ runtime exports: the frame handlers, the throw,
//! terminate and its handler, pure virtual calls, type_info. vcruntime140.dll exports the
//! same functions through its own crate, calling these.

use super::{state, throw, typeinfo};
use crate::{MSVCRT, UCRT};
use dllcore::{Export, export};
use std::ffi::{c_char, c_void};
use std::sync::atomic::{AtomicUsize, Ordering};
use windows_sys::Win32::System::Diagnostics::Debug::{CONTEXT, DISPATCHER_CONTEXT, EXCEPTION_RECORD};
use windows_sys::Win32::System::Kernel::EXCEPTION_DISPOSITION;

/// __CxxFrameHandler: the language handler of functions with C++ EH tables (FuncInfo v1-3 at
/// the RVA in HandlerData); see `cxx::frame`.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn __CxxFrameHandler(
    rec: *mut EXCEPTION_RECORD,
    frame: usize,
    context: *mut CONTEXT,
    dc: *mut DISPATCHER_CONTEXT,
) -> EXCEPTION_DISPOSITION {
    unsafe { super::frame_handler(rec, frame, context, dc, false) }
}

/// __CxxFrameHandler2: the same handler (the name of FuncInfo v2 compilers).
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn __CxxFrameHandler2(
    rec: *mut EXCEPTION_RECORD,
    frame: usize,
    context: *mut CONTEXT,
    dc: *mut DISPATCHER_CONTEXT,
) -> EXCEPTION_DISPOSITION {
    unsafe { super::frame_handler(rec, frame, context, dc, false) }
}

/// __CxxFrameHandler3: the same handler (FuncInfo v3, what MSVC and clang emit).
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn __CxxFrameHandler3(
    rec: *mut EXCEPTION_RECORD,
    frame: usize,
    context: *mut CONTEXT,
    dc: *mut DISPATCHER_CONTEXT,
) -> EXCEPTION_DISPOSITION {
    unsafe { super::frame_handler(rec, frame, context, dc, false) }
}

/// _CxxThrowException: see `cxx::throw::cxx_throw_exception` (a naked entry point, so it is
/// registered by hand, without a relay trace).
#[dllcore::distributed_slice(crate::EXPORTS)]
#[linkme(crate = dllcore::linkme)]
static EXPORT_CXX_THROW: Export =
    Export::func("_CxxThrowException", throw::cxx_throw_exception as *const (), MSVCRT);

/// A `void (*)(void)` handler as the C++ runtime stores them.
pub type VoidFn = unsafe extern "win64" fn();

/// Swap the thread's handler in `slot` for `new`, returning the old one.
fn swap(slot: &'static std::thread::LocalKey<std::cell::Cell<usize>>, new: usize) -> usize {
    slot.with(|c| c.replace(new))
}

/// ?terminate@@YAXXZ (std::terminate): the thread's terminate handler, then abort.
#[export(name = "?terminate@@YAXXZ", only = MSVCRT)]
pub extern "win64" fn terminate_msvcrt() {
    throw::terminate_now()
}

/// terminate (ucrtbase): as above.
#[export(name = "terminate", only = UCRT)]
pub extern "win64" fn terminate_ucrt() {
    throw::terminate_now()
}

/// ?set_terminate@@YAP6AXXZP6AXXZ@Z: set the calling thread's terminate handler (NULL:
/// none), returning the previous one. Windows keeps it per thread.
#[export(name = "?set_terminate@@YAP6AXXZP6AXXZ@Z", only = MSVCRT)]
pub extern "win64" fn set_terminate_msvcrt(f: usize) -> usize {
    swap(&state::TERMINATE, f)
}

/// set_terminate (ucrtbase): as above.
#[export(name = "set_terminate", only = UCRT)]
pub extern "win64" fn set_terminate_ucrt(f: usize) -> usize {
    swap(&state::TERMINATE, f)
}

/// _get_terminate (ucrtbase): the calling thread's terminate handler.
#[export(only = UCRT)]
pub extern "win64" fn _get_terminate() -> usize {
    state::TERMINATE.with(|c| c.get())
}

/// ?unexpected@@YAXXZ: the thread's unexpected handler, then terminate (what an exception
/// specification violation calls).
#[export(name = "?unexpected@@YAXXZ", only = MSVCRT)]
pub extern "win64" fn unexpected() {
    let h = state::UNEXPECTED.with(|c| c.get());
    if h != 0 {
        let f: VoidFn = unsafe { std::mem::transmute(h) };
        unsafe { f() };
    }
    throw::terminate_now()
}

/// ?set_unexpected@@YAP6AXXZP6AXXZ@Z: set the thread's unexpected handler, return the old.
#[export(name = "?set_unexpected@@YAP6AXXZP6AXXZ@Z", only = MSVCRT)]
pub extern "win64" fn set_unexpected(f: usize) -> usize {
    swap(&state::UNEXPECTED, f)
}

/// ?_set_se_translator@@YAP6AXIPEAU_EXCEPTION_POINTERS@@@ZP6AXI0@Z@Z: set the thread's SE
/// translator, return the old. Stored only: the frame handler does not call it (Windows
/// calls it for SEH exceptions reaching a C++ frame, to turn them into C++ exceptions).
#[export(name = "?_set_se_translator@@YAP6AXIPEAU_EXCEPTION_POINTERS@@@ZP6AXI0@Z@Z", only = MSVCRT)]
pub extern "win64" fn set_se_translator(f: usize) -> usize {
    swap(&state::SE_TRANSLATOR, f)
}

/// The handler _set_purecall_handler installed (0: none).
pub static PURECALL: AtomicUsize = AtomicUsize::new(0);

/// _purecall: what a call through a pure virtual slot reaches. Calls the purecall handler if
/// one is set; otherwise (or when it returns) msvcrt ends the program with runtime error
/// R6025 ("pure virtual function call", exit code 255).
#[export(only = MSVCRT)]
pub extern "win64" fn _purecall() -> i32 {
    let h = PURECALL.load(Ordering::Acquire);
    if h != 0 {
        let f: VoidFn = unsafe { std::mem::transmute(h) };
        unsafe { f() };
    }
    log::error!("pure virtual function call");
    crate::exit::_amsg_exit(25)
}

/// _set_purecall_handler: set the process's purecall handler, return the old one.
#[export(only = MSVCRT)]
pub extern "win64" fn _set_purecall_handler(f: usize) -> usize {
    PURECALL.swap(f, Ordering::AcqRel)
}

/// _get_purecall_handler: the process's purecall handler.
#[export(only = MSVCRT)]
pub extern "win64" fn _get_purecall_handler() -> usize {
    PURECALL.load(Ordering::Acquire)
}

/// __uncaught_exception: is an exception thrown and not yet caught on this thread?
#[export(only = MSVCRT)]
pub extern "win64" fn __uncaught_exception() -> i32 {
    (state::PROCESSING_THROW.with(|c| c.get()) > 0) as i32
}

/// ??1type_info@@UEAA@XZ (type_info::~type_info): frees the cached undecorated name.
#[export(name = "??1type_info@@UEAA@XZ", only = MSVCRT)]
pub unsafe extern "win64" fn type_info_dtor(this: *mut c_void) {
    if !this.is_null() {
        unsafe { typeinfo::destroy(this as usize) }
    }
}

/// ??_Gtype_info@@UEAAPEAXI@Z (the scalar deleting destructor, type_info's only virtual
/// function): destroy, and free the object when bit 0 of `flags` is set.
#[export(name = "??_Gtype_info@@UEAAPEAXI@Z", only = MSVCRT)]
pub unsafe extern "win64" fn type_info_deleting_dtor(this: *mut c_void, flags: u32) -> *mut c_void {
    unsafe {
        type_info_dtor(this);
        if flags & 1 != 0 {
            crate::heap::free(this);
        }
    }
    this
}

/// ??_7type_info@@6B@: type_info's vtable (data), which every TypeDescriptor points at.
#[export(name = "??_7type_info@@6B@", only = MSVCRT)]
pub static mut TYPE_INFO_VTABLE: [unsafe extern "win64" fn(*mut c_void, u32) -> *mut c_void; 1] =
    [type_info_deleting_dtor];

/// ?name@type_info@@QEBAPEBDXZ (type_info::name): the undecorated name (`class foo`).
#[export(name = "?name@type_info@@QEBAPEBDXZ", only = MSVCRT)]
pub unsafe extern "win64" fn type_info_name(this: *mut c_void) -> *const c_char {
    unsafe { typeinfo::name(this as usize) }
}

/// ?raw_name@type_info@@QEBAPEBDXZ (type_info::raw_name): the decorated name (`.?AVfoo@@`).
#[export(name = "?raw_name@type_info@@QEBAPEBDXZ", only = MSVCRT)]
pub extern "win64" fn type_info_raw_name(this: *mut c_void) -> *const c_char {
    (this as usize + 16) as *const c_char
}

/// ??8type_info@@QEBAHAEBV0@@Z (operator==): same decorated name.
#[export(name = "??8type_info@@QEBAHAEBV0@@Z", only = MSVCRT)]
pub unsafe extern "win64" fn type_info_eq(a: *const c_void, b: *const c_void) -> i32 {
    (unsafe { typeinfo::compare(typeinfo::decorated(a as usize), typeinfo::decorated(b as usize)) } == 0) as i32
}

/// ??9type_info@@QEBAHAEBV0@@Z (operator!=).
#[export(name = "??9type_info@@QEBAHAEBV0@@Z", only = MSVCRT)]
pub unsafe extern "win64" fn type_info_ne(a: *const c_void, b: *const c_void) -> i32 {
    (unsafe { typeinfo::compare(typeinfo::decorated(a as usize), typeinfo::decorated(b as usize)) } != 0) as i32
}

/// ?before@type_info@@QEBAHAEBV0@@Z (type_info::before): collation order of the names.
#[export(name = "?before@type_info@@QEBAHAEBV0@@Z", only = MSVCRT)]
pub unsafe extern "win64" fn type_info_before(a: *const c_void, b: *const c_void) -> i32 {
    (unsafe { typeinfo::compare(typeinfo::decorated(a as usize), typeinfo::decorated(b as usize)) } < 0) as i32
}
