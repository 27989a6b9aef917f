//! processthreadsapi.h: thread-local storage slots (TlsAlloc and friends).
//!
//! Indices 0-63 are the TEB's TlsSlots (PE code reads them at gs:[0x1480 + 8*i]); indices
//! 64-1087 live in a 1024-entry array the TEB's TlsExpansionSlots (0x1780) points at, allocated
//! when the thread first stores such a value. Windows zeroes a slot in every thread when its
//! index is freed; to do the same we remember the TEBs of threads that stored a value.

use dllcore::{export, teb};
use std::cell::RefCell;
use std::sync::Mutex;
use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, ERROR_NO_MORE_ITEMS, ERROR_SUCCESS, FALSE, TRUE};
use windows_sys::Win32::System::Threading::{TEB, TLS_OUT_OF_INDEXES};
use windows_sys::core::BOOL;

/// TEB slots (TLS_MINIMUM_AVAILABLE).
pub const TLS_SLOTS: u32 = 64;
/// Expansion slots (TLS_EXPANSION_SLOTS).
pub const TLS_EXPANSION_SLOTS: u32 = 1024;
/// Every index: 0..TLS_TOTAL.
const TLS_TOTAL: u32 = TLS_SLOTS + TLS_EXPANSION_SLOTS;
const WORDS: usize = TLS_TOTAL as usize / 64;

/// Allocated indices, one bit each.
static BITMAP: Mutex<[u64; WORDS]> = Mutex::new([0; WORDS]);
/// TEBs of live threads that stored a value.
static TEBS: Mutex<Vec<usize>> = Mutex::new(Vec::new());

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A thread's entry in TEBS, removed (and its expansion array freed) when the thread exits.
struct TebRegistration(usize);

impl Drop for TebRegistration {
    fn drop(&mut self) {
        lock(&TEBS).retain(|&t| t != self.0);
        let t = self.0 as *mut TEB;
        // SAFETY: the exiting thread's own TEB; nobody else touches it once unregistered.
        unsafe {
            let exp = std::mem::replace(&mut (*t).TlsExpansionSlots, std::ptr::null_mut());
            if !exp.is_null() {
                drop(Box::from_raw(exp as *mut [usize; TLS_EXPANSION_SLOTS as usize]));
            }
        }
    }
}

thread_local! {
    static REGISTRATION: RefCell<Option<TebRegistration>> = const { RefCell::new(None) };
}

fn register_teb(teb: usize) {
    REGISTRATION.with(|r| {
        let mut r = r.borrow_mut();
        if r.as_ref().map(|x| x.0) != Some(teb) {
            // Unregistered (and the expansion slots freed) before dllcore frees the TEB.
            dllcore::thread::before_teb_release(forget_current_thread);
            lock(&TEBS).push(teb);
            *r = Some(TebRegistration(teb));
        }
    });
}

/// The calling thread ends without its thread-local destructors (ExitThread,
/// TerminateThread): unregister it now.
pub fn forget_current_thread() {
    let _ = REGISTRATION.try_with(|r| drop(r.borrow_mut().take()));
}

/// The slot of `index` in `teb`; for an expansion index, None when the thread has no array
/// (and `create` is false).
///
/// # Safety
/// `teb` must be a live thread's TEB; `index < TLS_TOTAL`.
unsafe fn slot_in(teb: *mut TEB, index: u32, create: bool) -> Option<*mut *mut core::ffi::c_void> {
    // SAFETY: per the contract; TlsSlots and TlsExpansionSlots lie inside the TEB.
    unsafe {
        if index < TLS_SLOTS {
            return Some(std::ptr::addr_of_mut!((*teb).TlsSlots[index as usize]));
        }
        let mut exp = (*teb).TlsExpansionSlots as *mut *mut core::ffi::c_void;
        if exp.is_null() {
            if !create {
                return None;
            }
            exp = Box::into_raw(Box::new([0usize; TLS_EXPANSION_SLOTS as usize])) as *mut _;
            (*teb).TlsExpansionSlots = exp as *mut _;
        }
        Some(exp.add((index - TLS_SLOTS) as usize))
    }
}

/// Zero slot `index` in every thread that stored TLS values, and in the caller.
fn zero_slot_everywhere(index: u32) {
    let tebs = lock(&TEBS);
    for &t in tebs.iter() {
        // SAFETY: registered TEBs belong to live threads (they unregister at exit).
        if let Some(s) = unsafe { slot_in(t as *mut TEB, index, false) } {
            // SAFETY: as above.
            unsafe { *s = std::ptr::null_mut() };
        }
    }
    drop(tebs);
    if teb::is_attached()
        && let Some(s) = unsafe { slot_in(teb::current_teb(), index, false) }
    {
        // SAFETY: the caller's own TEB.
        unsafe { *s = std::ptr::null_mut() };
    }
}

/// TlsAlloc: reserve a TLS index (the lowest free one, TEB slots first); its slot reads as
/// NULL in every thread. TLS_OUT_OF_INDEXES (ERROR_NO_MORE_ITEMS) when all 1088 are taken.
#[export]
pub extern "win64" fn TlsAlloc() -> u32 {
    let mut bits = lock(&BITMAP);
    let Some((w, word)) = bits.iter().enumerate().find(|(_, w)| **w != u64::MAX) else {
        return teb::fail(ERROR_NO_MORE_ITEMS, TLS_OUT_OF_INDEXES);
    };
    let index = (w * 64) as u32 + (!*word).trailing_zeros();
    bits[w] |= 1 << (index % 64);
    drop(bits);
    zero_slot_everywhere(index);
    index
}

fn allocated(index: u32) -> bool {
    index < TLS_TOTAL && lock(&BITMAP)[index as usize / 64] & 1 << (index % 64) != 0
}

/// TlsFree: release a TLS index, zeroing its slot in every thread. FALSE with
/// ERROR_INVALID_PARAMETER for an index not allocated.
#[export]
pub extern "win64" fn TlsFree(index: u32) -> BOOL {
    if !allocated(index) {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    zero_slot_everywhere(index);
    lock(&BITMAP)[index as usize / 64] &= !(1 << (index % 64));
    TRUE
}

/// TlsGetValue: the calling thread's value for `index`; sets the last error to ERROR_SUCCESS
/// on success (documented, so a stored NULL can be told from failure).
/// As Windows, the index is only range-checked (0-1087), not checked for allocation.
#[export]
pub extern "win64" fn TlsGetValue(index: u32) -> *mut core::ffi::c_void {
    if index >= TLS_TOTAL {
        return teb::fail(ERROR_INVALID_PARAMETER, std::ptr::null_mut());
    }
    teb::set_last_error(ERROR_SUCCESS);
    // SAFETY: index checked; the caller's own TEB.
    match unsafe { slot_in(teb::current_teb(), index, false) } {
        // SAFETY: as above.
        Some(s) => unsafe { *s },
        None => std::ptr::null_mut(),
    }
}

/// TlsSetValue: store the calling thread's value for `index`.
#[export]
pub extern "win64" fn TlsSetValue(index: u32, value: *mut core::ffi::c_void) -> BOOL {
    if index >= TLS_TOTAL {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    let t = teb::current_teb();
    register_teb(t as usize);
    // SAFETY: index checked; the caller's own TEB.
    if let Some(s) = unsafe { slot_in(t, index, true) } {
        // SAFETY: as above.
        unsafe { *s = value };
    }
    TRUE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::{GetLastError, SetLastError};
    use std::sync::mpsc;

    /// The TLS tests share the global slots; run them one at a time.
    static TLS_TEST: Mutex<()> = Mutex::new(());

    #[test]
    fn tls_slots() {
        let _g = TLS_TEST.lock().unwrap_or_else(|e| e.into_inner());
        teb::attach_current_thread();
        let i = TlsAlloc();
        assert_ne!(i, TLS_OUT_OF_INDEXES);
        SetLastError(1234);
        assert!(TlsGetValue(i).is_null());
        assert_eq!(GetLastError(), ERROR_SUCCESS);
        assert_eq!(TlsSetValue(i, 0x55 as *mut _), TRUE);
        assert_eq!(TlsGetValue(i) as usize, 0x55);
        // The TEB holds it where PE code reads it directly.
        let teb = teb::current_teb();
        assert_eq!(unsafe { (*teb).TlsSlots[i as usize] } as usize, 0x55);

        // Another thread sees its own (zero) value, stores one, and waits.
        let (tx, rx) = mpsc::channel();
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let t = std::thread::spawn(move || {
            teb::attach_current_thread();
            assert!(TlsGetValue(i).is_null());
            TlsSetValue(i, 0x77 as *mut _);
            tx.send(()).unwrap();
            go_rx.recv().unwrap();
            // Freed and reallocated meanwhile: the slot was zeroed in this thread too.
            TlsGetValue(i) as usize
        });
        rx.recv().unwrap();
        assert_eq!(TlsFree(i), TRUE);
        assert_eq!(TlsFree(i), FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        let j = TlsAlloc();
        assert_eq!(j, i, "lowest free index is reused");
        assert!(TlsGetValue(j).is_null());
        go_tx.send(()).unwrap();
        assert_eq!(t.join().unwrap(), 0);
        TlsFree(j);

        assert!(TlsGetValue(TLS_TOTAL).is_null());
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        assert_eq!(TlsSetValue(TLS_TOTAL, std::ptr::null_mut()), FALSE);
    }

    #[test]
    fn expansion_slots_and_out_of_indexes() {
        let _g = TLS_TEST.lock().unwrap_or_else(|e| e.into_inner());
        teb::attach_current_thread();
        let mut got = Vec::new();
        loop {
            let i = TlsAlloc();
            if i == TLS_OUT_OF_INDEXES {
                break;
            }
            got.push(i);
        }
        assert_eq!(GetLastError(), ERROR_NO_MORE_ITEMS);
        assert_eq!(got.iter().max(), Some(&(TLS_TOTAL - 1)));
        let hi = TLS_TOTAL - 1;
        assert!(TlsGetValue(hi).is_null());
        assert_eq!(TlsSetValue(hi, 0x99 as *mut _), TRUE);
        assert_eq!(TlsGetValue(hi) as usize, 0x99);
        let exp = unsafe { (*teb::current_teb()).TlsExpansionSlots } as *const usize;
        assert_eq!(unsafe { *exp.add((hi - TLS_SLOTS) as usize) }, 0x99, "in TlsExpansionSlots");
        let other = std::thread::spawn(move || {
            teb::attach_current_thread();
            (TlsGetValue(hi) as usize, TlsSetValue(hi, 8 as *mut _), TlsGetValue(hi) as usize)
        });
        assert_eq!(other.join().unwrap(), (0, TRUE, 8));
        for i in got {
            assert_eq!(TlsFree(i), TRUE);
        }
        assert!(TlsGetValue(hi).is_null(), "zeroed by TlsFree");
    }
}
