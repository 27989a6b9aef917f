//! fibersapi.h: fiber-local storage (FlsAlloc and friends). Without fibers, FLS is per thread:
//! each thread's values live in an array the TEB's FlsData (0x17C8) points at, allocated when
//! the thread first stores a value. A slot's callback runs with a thread's non-NULL value when
//! that thread ends (before DLL_THREAD_DETACH; also for the thread that ends the process) and,
//! for every thread, when the slot is freed (in the thread calling FlsFree), as on Windows.
//! Fibers themselves (CreateFiber, SwitchToFiber) are not implemented.

use dllcore::{export, teb};
use std::sync::Mutex;
use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, ERROR_NOT_ENOUGH_MEMORY, ERROR_SUCCESS, FALSE, TRUE};
use windows_sys::core::BOOL;

/// FLS_MAXIMUM_AVAILABLE: indices 1..4080 (0 is never handed out, as on Windows).
pub const FLS_SLOTS: usize = 4080;
/// FLS_OUT_OF_INDEXES.
pub const FLS_OUT_OF_INDEXES: u32 = u32::MAX;
/// TEB.FlsData.
const TEB_FLS_DATA: usize = 0x17c8;

/// A PFLS_CALLBACK_FUNCTION.
type Callback = extern "win64" fn(usize);

/// One thread's values, indexed by slot.
type Values = [usize; FLS_SLOTS];

struct Fls {
    /// Per slot: None free; Some(callback or 0) allocated.
    slots: Vec<Option<usize>>,
    /// The value arrays of live threads (their TEB's FlsData).
    threads: Vec<usize>,
}

static FLS: Mutex<Fls> = Mutex::new(Fls { slots: Vec::new(), threads: Vec::new() });

fn fls() -> std::sync::MutexGuard<'static, Fls> {
    FLS.lock().unwrap_or_else(|e| e.into_inner())
}

/// The calling thread's values (None before it stored one).
fn values() -> Option<*mut Values> {
    // SAFETY: an attached thread's TEB; FlsData is inside it.
    let p = unsafe { *((teb::current_teb() as *const u8).add(TEB_FLS_DATA) as *const usize) };
    (p != 0).then_some(p as *mut Values)
}

fn valid(index: u32) -> bool {
    index != 0 && (index as usize) < FLS_SLOTS
}

/// FlsAlloc: a free FLS index (the lowest), with `callback` (or NULL) run for each thread's
/// non-NULL value when the thread ends or the index is freed. FLS_OUT_OF_INDEXES
/// (ERROR_NOT_ENOUGH_MEMORY, as Wine reports it) when all are taken.
#[export]
pub extern "win64" fn FlsAlloc(callback: usize) -> u32 {
    let mut f = fls();
    if f.slots.is_empty() {
        f.slots.resize(FLS_SLOTS, None);
        f.slots[0] = Some(0);
        dllcore::thread::on_thread_exit(thread_exit);
    }
    let Some(i) = f.slots.iter().position(Option::is_none) else {
        return teb::fail(ERROR_NOT_ENOUGH_MEMORY, FLS_OUT_OF_INDEXES);
    };
    f.slots[i] = Some(callback);
    // A slot handed out again reads NULL everywhere (FlsFree cleared it).
    i as u32
}

/// FlsFree: release an index, first running its callback (in the calling thread) for every
/// thread's non-NULL value. ERROR_INVALID_PARAMETER for an index not allocated.
#[export]
pub extern "win64" fn FlsFree(index: u32) -> BOOL {
    let mut f = fls();
    let cb = match f.slots.get(index as usize) {
        Some(Some(cb)) if valid(index) => *cb,
        _ => return teb::fail(ERROR_INVALID_PARAMETER, FALSE),
    };
    f.slots[index as usize] = None;
    // The calling thread's value first, then the others'.
    let mine = values().map(|v| v as usize);
    let mut order: Vec<usize> = mine.into_iter().collect();
    order.extend(f.threads.iter().copied().filter(|&t| Some(t) != mine));
    let mut pending = Vec::new();
    for t in order {
        // SAFETY: registered arrays belong to live threads (they unregister under this lock).
        let slot = unsafe { &mut (*(t as *mut Values))[index as usize] };
        let v = std::mem::take(slot);
        if v != 0 {
            pending.push(v);
        }
    }
    drop(f);
    if cb != 0 {
        // SAFETY: the program's PFLS_CALLBACK_FUNCTION.
        let cb: Callback = unsafe { std::mem::transmute(cb) };
        pending.into_iter().for_each(|v| cb(v));
    }
    TRUE
}

/// FlsGetValue: the calling thread's value; sets the last error to ERROR_SUCCESS.
/// As Windows, the index is only range-checked (1-4079), not checked for allocation.
#[export]
pub extern "win64" fn FlsGetValue(index: u32) -> *mut core::ffi::c_void {
    if !valid(index) {
        return teb::fail(ERROR_INVALID_PARAMETER, std::ptr::null_mut());
    }
    teb::set_last_error(ERROR_SUCCESS);
    match values() {
        // SAFETY: the calling thread's own array.
        Some(v) => unsafe { (*v)[index as usize] as *mut _ },
        None => std::ptr::null_mut(),
    }
}

/// FlsSetValue: store the calling thread's value (range-checked only, as FlsGetValue).
#[export]
pub extern "win64" fn FlsSetValue(index: u32, value: *mut core::ffi::c_void) -> BOOL {
    if !valid(index) {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    let v = match values() {
        Some(v) => v,
        None => {
            let v = Box::into_raw(Box::new([0usize; FLS_SLOTS]));
            // SAFETY: the calling thread's TEB.
            unsafe { *((teb::current_teb() as *mut u8).add(TEB_FLS_DATA) as *mut usize) = v as usize };
            fls().threads.push(v as usize);
            v
        }
    };
    // SAFETY: the calling thread's own array.
    unsafe { (*v)[index as usize] = value as usize };
    TRUE
}

/// IsThreadAFiber: no thread is a fiber here.
#[export]
pub extern "win64" fn IsThreadAFiber() -> BOOL {
    FALSE
}

/// Detach the calling thread's values: unregistered, cleared from the TEB.
fn take_current() -> Option<Box<Values>> {
    let v = values()?;
    fls().threads.retain(|&t| t != v as usize);
    // SAFETY: the calling thread's TEB; the array was made by FlsSetValue.
    unsafe {
        *((teb::current_teb() as *mut u8).add(TEB_FLS_DATA) as *mut usize) = 0;
        Some(Box::from_raw(v))
    }
}

/// The calling thread ends (ExitThread, returning from its start routine, ExitProcess): run
/// the callbacks of its non-NULL values, lowest index first.
pub fn thread_exit() {
    if !teb::is_attached() {
        return;
    }
    let Some(vals) = take_current() else { return };
    let calls: Vec<(usize, usize)> = {
        let f = fls();
        vals.iter()
            .enumerate()
            .filter(|&(i, &v)| v != 0 && matches!(f.slots.get(i), Some(Some(cb)) if *cb != 0))
            .map(|(i, &v)| (f.slots[i].unwrap_or(0), v))
            .collect()
    };
    for (cb, v) in calls {
        // SAFETY: the program's PFLS_CALLBACK_FUNCTION.
        let cb: Callback = unsafe { std::mem::transmute(cb) };
        cb(v);
    }
}

/// The calling thread ends without its callbacks (TerminateThread): just forget its values.
pub fn forget_current_thread() {
    if teb::is_attached() {
        drop(take_current());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::GetLastError;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static SEEN: AtomicUsize = AtomicUsize::new(0);
    extern "win64" fn cb(v: usize) {
        SEEN.fetch_add(v, Ordering::SeqCst);
    }

    #[test]
    fn values_callbacks_on_free_and_thread_exit() {
        teb::attach_current_thread();
        let i = FlsAlloc(cb as *const () as usize);
        assert!(valid(i));
        assert!(FlsGetValue(i).is_null());
        assert_eq!(GetLastError(), ERROR_SUCCESS);
        assert_eq!(FlsSetValue(i, 5 as *mut _), TRUE);
        assert_eq!(FlsGetValue(i) as usize, 5);
        let other = std::thread::spawn(move || {
            teb::attach_current_thread();
            FlsSetValue(i, 100 as *mut _);
            thread_exit();
            FlsGetValue(i) as usize
        });
        assert_eq!(other.join().unwrap(), 0);
        assert_eq!(SEEN.load(Ordering::SeqCst), 100, "at thread exit");
        assert_eq!(FlsFree(i), TRUE);
        assert_eq!(SEEN.load(Ordering::SeqCst), 105, "at FlsFree, for the caller's value");
        assert!(FlsGetValue(i).is_null());
        assert_eq!(FlsFree(i), FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        assert!(FlsGetValue(0).is_null());
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        assert_eq!(FlsSetValue(FLS_SLOTS as u32, std::ptr::null_mut()), FALSE);
    }
}
