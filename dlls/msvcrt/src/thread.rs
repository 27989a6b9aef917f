//! process.h: `_beginthreadex` and friends. As in Windows, they are CreateThread/ExitThread
//! of kernel32 (looked up through the loader, as msvcrt.dll imports them); the CRT's
//! per-thread state (errno, rand seed, strerror buffer) is thread-local and needs no set-up.

use crate::errno::{EINVAL, set_errno, set_errno_from_win32};
use dllcore::export;
use std::ffi::c_void;

type CreateThread = unsafe extern "win64" fn(
    *mut c_void,
    usize,
    *const c_void,
    *mut c_void,
    u32,
    *mut u32,
) -> usize;
type ExitThread = unsafe extern "win64" fn(u32) -> !;

use crate::process::kernel32;

unsafe fn create_thread(
    security: *mut c_void,
    stack: usize,
    start: *const c_void,
    arg: *mut c_void,
    flags: u32,
    tid: *mut u32,
) -> usize {
    let f = kernel32("CreateThread");
    if f == 0 {
        set_errno(crate::errno::EAGAIN);
        return 0;
    }
    // SAFETY: kernel32's CreateThread.
    let h = unsafe {
        std::mem::transmute::<usize, CreateThread>(f)(security, stack, start, arg, flags, tid)
    };
    if h == 0 {
        set_errno_from_win32(dllcore::teb::last_error());
    }
    h
}

/// _beginthreadex: CreateThread; 0 on failure (errno set).
#[export]
pub unsafe extern "win64" fn _beginthreadex(
    security: *mut c_void,
    stack_size: u32,
    start: *const c_void,
    arg: *mut c_void,
    flags: u32,
    thread_id: *mut u32,
) -> usize {
    if start.is_null() {
        set_errno(EINVAL);
        return 0;
    }
    unsafe { create_thread(security, stack_size as usize, start, arg, flags, thread_id) }
}

/// What `_beginthread`'s trampoline runs.
struct Start {
    func: unsafe extern "win64" fn(*mut c_void),
    arg: *mut c_void,
}

extern "win64" fn begin_thread_trampoline(param: *mut c_void) -> u32 {
    // SAFETY: the box `_beginthread` made for this thread.
    let s = unsafe { Box::from_raw(param as *mut Start) };
    unsafe { (s.func)(s.arg) };
    0
}

/// _beginthread: a thread running `start(arg)`; the handle, or -1 on failure.
#[export]
pub unsafe extern "win64" fn _beginthread(
    start: *const c_void,
    stack_size: u32,
    arg: *mut c_void,
) -> usize {
    if start.is_null() {
        set_errno(EINVAL);
        return usize::MAX;
    }
    // SAFETY: a `void (__cdecl *)(void *)` of the program.
    let func = unsafe {
        std::mem::transmute::<*const c_void, unsafe extern "win64" fn(*mut c_void)>(start)
    };
    let param = Box::into_raw(Box::new(Start { func, arg })) as *mut c_void;
    let tramp = begin_thread_trampoline as *const () as *const c_void;
    let h = unsafe {
        create_thread(
            std::ptr::null_mut(),
            stack_size as usize,
            tramp,
            param,
            0,
            std::ptr::null_mut(),
        )
    };
    if h == 0 {
        // SAFETY: the thread did not start; the box is still ours.
        drop(unsafe { Box::from_raw(param as *mut Start) });
        return usize::MAX;
    }
    h
}

/// _endthreadex: ExitThread(code).
#[export]
pub extern "win64" fn _endthreadex(code: u32) {
    let f = kernel32("ExitThread");
    if f != 0 {
        // SAFETY: kernel32's ExitThread.
        unsafe { std::mem::transmute::<usize, ExitThread>(f)(code) }
    }
    log::error!("_endthreadex: no ExitThread");
}

/// _endthread: ExitThread(0).
#[export]
pub extern "win64" fn _endthread() {
    _endthreadex(0)
}
