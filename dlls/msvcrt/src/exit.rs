//! Process exit as the CRT does it: the `atexit`/`_onexit` handlers (PE functions, run last
//! registered first), the stream flush, then ExitProcess. Also ucrtbase's onexit tables and
//! `quick_exit`.

use crate::heap;
use crate::lock::{EXIT_LOCK1, crt_lock};
use crate::{MSVCRT, UCRT};
use dllcore::export;
use std::ffi::c_void;
use std::sync::Mutex;

/// An `_onexit_t`/`_PVFV` handler (the int result of `_onexit_t` is ignored).
type Handler = unsafe extern "win64" fn();

/// The exe's `atexit` table.
static ATEXIT: Mutex<Vec<usize>> = Mutex::new(Vec::new());
/// The `at_quick_exit` table.
static AT_QUICK_EXIT: Mutex<Vec<usize>> = Mutex::new(Vec::new());
/// Guards the onexit tables programs own (`_register_onexit_function`).
static TABLES: Mutex<()> = Mutex::new(());

fn push(table: &Mutex<Vec<usize>>, f: usize) {
    table.lock().unwrap_or_else(|e| e.into_inner()).push(f);
}

/// Run a table's handlers, last first; handlers registered meanwhile run too.
fn run(table: &Mutex<Vec<usize>>) {
    loop {
        let f = table.lock().unwrap_or_else(|e| e.into_inner()).pop();
        match f {
            Some(0) => {}
            // SAFETY: a function pointer the program registered.
            Some(f) => unsafe { std::mem::transmute::<usize, Handler>(f)() },
            None => break,
        }
    }
}

/// Run the `atexit` handlers (once, serialised by the exit lock).
pub fn run_atexit() {
    let l = crt_lock(EXIT_LOCK1);
    l.inspect(|l| l.lock());
    run(&ATEXIT);
    l.inspect(|l| l.unlock());
}

/// _onexit: register a handler for `exit`; returns it (NULL on failure).
#[export]
pub extern "win64" fn _onexit(f: *mut c_void) -> *mut c_void {
    if f.is_null() {
        return std::ptr::null_mut();
    }
    push(&ATEXIT, f as usize);
    f
}

/// atexit: 0 on success.
#[export]
pub extern "win64" fn atexit(f: *mut c_void) -> i32 {
    if _onexit(f).is_null() { -1 } else { 0 }
}

/// _crt_atexit (UCRT): the exe's atexit.
#[export(only = UCRT)]
pub extern "win64" fn _crt_atexit(f: *mut c_void) -> i32 {
    if _onexit(f).is_null() { -1 } else { 0 }
}

/// _crt_at_quick_exit (UCRT).
#[export(only = UCRT)]
pub extern "win64" fn _crt_at_quick_exit(f: *mut c_void) -> i32 {
    if f.is_null() {
        return -1;
    }
    push(&AT_QUICK_EXIT, f as usize);
    0
}

/// at_quick_exit.
#[export(only = UCRT)]
pub extern "win64" fn at_quick_exit(f: *mut c_void) -> i32 {
    _crt_at_quick_exit(f)
}

/// __dllonexit (msvcrt): append to a DLL's own table `[*start, *end)` (grown on the CRT heap).
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn __dllonexit(
    f: *mut c_void,
    start: *mut *mut usize,
    end: *mut *mut usize,
) -> *mut c_void {
    if start.is_null() || end.is_null() {
        return std::ptr::null_mut();
    }
    let _g = TABLES.lock().unwrap_or_else(|e| e.into_inner());
    unsafe {
        if (*start).is_null() || (*end).is_null() {
            return std::ptr::null_mut();
        }
        let len = (*end).offset_from(*start) as usize + 1;
        let t = heap::resize(*start as *mut c_void, len * 8) as *mut usize;
        if t.is_null() {
            return std::ptr::null_mut();
        }
        *t.add(len - 1) = f as usize;
        *start = t;
        *end = t.add(len);
    }
    f
}

/// ucrtbase's `_onexit_table_t`.
#[repr(C)]
pub struct OnexitTable {
    pub first: *mut usize,
    pub last: *mut usize,
    pub end: *mut usize,
}

/// _initialize_onexit_table: an empty table.
#[export(only = UCRT)]
pub unsafe extern "win64" fn _initialize_onexit_table(t: *mut OnexitTable) -> i32 {
    if t.is_null() {
        return -1;
    }
    unsafe {
        if (*t).first == (*t).end {
            (*t).first = std::ptr::null_mut();
            (*t).last = std::ptr::null_mut();
            (*t).end = std::ptr::null_mut();
        }
    }
    0
}

/// _register_onexit_function: append a handler to a table (32 slots, doubled when full).
#[export(only = UCRT)]
pub unsafe extern "win64" fn _register_onexit_function(t: *mut OnexitTable, f: *mut c_void) -> i32 {
    if t.is_null() {
        return -1;
    }
    let _g = TABLES.lock().unwrap_or_else(|e| e.into_inner());
    unsafe {
        if (*t).first.is_null() {
            let p = heap::alloc(32 * 8) as *mut usize;
            if p.is_null() {
                return -1;
            }
            (*t).first = p;
            (*t).last = p;
            (*t).end = p.add(32);
        }
        if (*t).last == (*t).end {
            let len = (*t).end.offset_from((*t).first) as usize;
            let p = heap::resize((*t).first as *mut c_void, 2 * len * 8) as *mut usize;
            if p.is_null() {
                return -1;
            }
            (*t).first = p;
            (*t).last = p.add(len);
            (*t).end = p.add(2 * len);
        }
        *(*t).last = f as usize;
        (*t).last = (*t).last.add(1);
    }
    0
}

/// _execute_onexit_table: empty the table, then run its handlers last first.
#[export(only = UCRT)]
pub unsafe extern "win64" fn _execute_onexit_table(t: *mut OnexitTable) -> i32 {
    if t.is_null() {
        return -1;
    }
    let (first, last) = {
        let _g = TABLES.lock().unwrap_or_else(|e| e.into_inner());
        unsafe {
            let (first, last) = ((*t).first, (*t).last);
            if first.is_null() || first >= last {
                return 0;
            }
            (*t).first = std::ptr::null_mut();
            (*t).last = std::ptr::null_mut();
            (*t).end = std::ptr::null_mut();
            (first, last)
        }
    };
    unsafe {
        let mut p = last;
        while p > first {
            p = p.sub(1);
            if *p != 0 {
                std::mem::transmute::<usize, Handler>(*p)();
            }
        }
        heap::dealloc(first as *mut c_void);
    }
    0
}

/// exit: run the atexit handlers, flush the streams, then ExitProcess(code).
#[export]
pub extern "win64" fn exit(code: i32) -> ! {
    run_atexit();
    crate::stdio::flush_at_exit();
    dllcore::process::exit_process(code as u32)
}

/// _exit: ExitProcess at once (no handlers; the DLL detach still flushes, as under Wine).
#[export]
pub extern "win64" fn _exit(code: i32) -> ! {
    dllcore::process::exit_process(code as u32)
}

/// _Exit: same as `_exit`.
#[export(only = UCRT)]
pub extern "win64" fn _Exit(code: i32) -> ! {
    dllcore::process::exit_process(code as u32)
}

/// quick_exit: the `at_quick_exit` handlers, then `_exit`.
#[export(only = UCRT)]
pub extern "win64" fn quick_exit(code: i32) -> ! {
    run(&AT_QUICK_EXIT);
    dllcore::process::exit_process(code as u32)
}

/// _cexit: the exit work without exiting (handlers, flush).
#[export]
pub extern "win64" fn _cexit() {
    run_atexit();
    crate::stdio::flush_at_exit();
}

/// _c_exit: the `_exit` work without exiting (nothing to do: the flush happens at detach).
#[export]
pub extern "win64" fn _c_exit() {}

/// _amsg_exit: a fatal CRT error (`runtime error R60nn`), exit code 255. msvcrt shows the
/// message on the console (a message box for GUI apps); it goes to the log here.
#[export(only = MSVCRT)]
pub extern "win64" fn _amsg_exit(errnum: i32) -> ! {
    log::error!("runtime error R60{errnum}");
    dllcore::process::exit_process(255)
}

/// abort: raise SIGABRT (a handler may run), then exit with code 3. msvcrt's "abnormal
/// program termination" goes to the console, not to stderr; here to the log.
#[export]
pub extern "win64" fn abort() -> ! {
    log::error!("abnormal program termination");
    crate::misc::raise_signal(crate::misc::SIGABRT);
    dllcore::process::exit_process(3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static ORDER: Mutex<Vec<u32>> = Mutex::new(Vec::new());
    static NESTED: AtomicUsize = AtomicUsize::new(0);

    unsafe extern "win64" fn h1() {
        ORDER.lock().unwrap().push(1);
    }
    unsafe extern "win64" fn h2() {
        ORDER.lock().unwrap().push(2);
    }
    unsafe extern "win64" fn h3() {
        ORDER.lock().unwrap().push(3);
    }

    #[test]
    fn onexit_table_runs_last_first_and_empties() {
        let _g = crate::tests::serial();
        ORDER.lock().unwrap().clear();
        let mut t = OnexitTable {
            first: std::ptr::null_mut(),
            last: std::ptr::null_mut(),
            end: std::ptr::null_mut(),
        };
        unsafe {
            assert_eq!(_initialize_onexit_table(&mut t), 0);
            for _ in 0..20 {
                _register_onexit_function(&mut t, h1 as *const () as *mut c_void);
                _register_onexit_function(&mut t, h2 as *const () as *mut c_void);
            }
            _register_onexit_function(&mut t, h3 as *const () as *mut c_void);
            assert_eq!(t.end.offset_from(t.first), 64, "grew from 32 to 64");
            assert_eq!(_execute_onexit_table(&mut t), 0);
            assert!(t.first.is_null());
            assert_eq!(_execute_onexit_table(&mut t), 0, "second run: nothing");
        }
        let order = ORDER.lock().unwrap().clone();
        assert_eq!(order.len(), 41);
        assert_eq!(&order[..3], &[3, 2, 1]);
    }

    unsafe extern "win64" fn registers_more() {
        NESTED.fetch_add(1, Ordering::SeqCst);
        ORDER.lock().unwrap().push(10);
        _onexit(h3 as *const () as *mut c_void);
    }

    #[test]
    fn atexit_lifo_including_handlers_added_during_exit() {
        let _g = crate::tests::serial();
        ORDER.lock().unwrap().clear();
        assert_eq!(atexit(h1 as *const () as *mut c_void), 0);
        assert_eq!(
            _onexit(registers_more as *const () as *mut c_void),
            registers_more as *const () as *mut c_void
        );
        assert_eq!(_crt_atexit(h2 as *const () as *mut c_void), 0);
        assert_eq!(atexit(std::ptr::null_mut()), -1);
        run_atexit();
        assert_eq!(*ORDER.lock().unwrap(), [2, 10, 3, 1]);
        run_atexit();
        assert_eq!(ORDER.lock().unwrap().len(), 4, "handlers run once");
    }

    #[test]
    fn dllonexit_grows_the_dll_table() {
        unsafe {
            let first = heap::alloc(8) as *mut usize;
            *first = 0x1111;
            let mut start = first;
            let mut end = first.add(1);
            let f = 0x2222 as *mut c_void;
            assert_eq!(__dllonexit(f, &mut start, &mut end), f);
            assert_eq!(end.offset_from(start), 2);
            assert_eq!(*start, 0x1111);
            assert_eq!(*start.add(1), 0x2222);
            heap::dealloc(start as *mut c_void);
        }
    }
}
