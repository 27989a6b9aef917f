//! interlockedapi.h (and winnt.h): the interlocked singly linked list (SLIST_HEADER, on
//! `syscall_shims::sync::slist`) and the Interlocked* arithmetic.
//!
//! The x64 kernel32 of Windows exports only the SLIST functions; InterlockedIncrement and the
//! other arithmetic ones are compiler intrinsics there (x86 kernel32 exports them). They are
//! exported here as well, for programs that import them by name: each is one locked
//! instruction with full ordering, as the intrinsics are.

use dllcore::export;
use std::sync::atomic::{AtomicI32, AtomicI64, Ordering};
use syscall_shims::sync::slist;

/// An SLIST_HEADER (16 bytes, 16-byte aligned) as the functions see it.
type Header = *mut u64;
/// An SLIST_ENTRY (its first 8 bytes point at the next entry).
type Entry = usize;

/// InitializeSListHead: an empty list.
#[export]
pub unsafe extern "win64" fn InitializeSListHead(head: Header) {
    // SAFETY: the program passes an aligned SLIST_HEADER.
    unsafe { slist::init(head) }
}

/// InterlockedPushEntrySList: push `entry` (16-byte aligned); returns the previous first entry.
#[export]
pub unsafe extern "win64" fn InterlockedPushEntrySList(head: Header, entry: Entry) -> Entry {
    // SAFETY: the program passes its list and an entry it owns.
    unsafe { slist::push_list(head, entry as u64, entry as u64, 1) as Entry }
}

/// InterlockedPushListSListEx: push the chain `first`..`last` of `count` entries at once;
/// returns the previous first entry.
#[export]
pub unsafe extern "win64" fn InterlockedPushListSListEx(head: Header, first: Entry, last: Entry, count: u32) -> Entry {
    // SAFETY: the program passes its list and a chain it owns.
    unsafe { slist::push_list(head, first as u64, last as u64, count) as Entry }
}

/// InterlockedPopEntrySList: take the first entry (NULL when empty).
/// Windows tolerates a concurrent pop freeing the entry being read; here that is a crash.
#[export]
pub unsafe extern "win64" fn InterlockedPopEntrySList(head: Header) -> Entry {
    // SAFETY: the program passes its list.
    unsafe { slist::pop(head) as Entry }
}

/// InterlockedFlushSList: empty the list, returning its entries (their chain intact).
#[export]
pub unsafe extern "win64" fn InterlockedFlushSList(head: Header) -> Entry {
    // SAFETY: the program passes its list.
    unsafe { slist::flush(head) as Entry }
}

/// QueryDepthSList: the number of entries (modulo 65536).
#[export]
pub unsafe extern "win64" fn QueryDepthSList(head: Header) -> u16 {
    // SAFETY: the program passes its list.
    unsafe { slist::depth(head) }
}

/// # Safety
/// `p` must point at an aligned LONG.
unsafe fn long<'a>(p: *mut i32) -> &'a AtomicI32 {
    // SAFETY: per the contract.
    unsafe { AtomicI32::from_ptr(p) }
}

/// InterlockedIncrement: `++*p`, atomically; returns the new value.
#[export]
pub unsafe extern "win64" fn InterlockedIncrement(p: *mut i32) -> i32 {
    // SAFETY: the program passes an aligned LONG.
    unsafe { long(p) }.fetch_add(1, Ordering::SeqCst).wrapping_add(1)
}

/// InterlockedDecrement: `--*p`, atomically; returns the new value.
#[export]
pub unsafe extern "win64" fn InterlockedDecrement(p: *mut i32) -> i32 {
    // SAFETY: the program passes an aligned LONG.
    unsafe { long(p) }.fetch_sub(1, Ordering::SeqCst).wrapping_sub(1)
}

/// InterlockedExchange: store `v`, returning the old value.
#[export]
pub unsafe extern "win64" fn InterlockedExchange(p: *mut i32, v: i32) -> i32 {
    // SAFETY: the program passes an aligned LONG.
    unsafe { long(p) }.swap(v, Ordering::SeqCst)
}

/// InterlockedExchangeAdd: add `v`, returning the old value.
#[export]
pub unsafe extern "win64" fn InterlockedExchangeAdd(p: *mut i32, v: i32) -> i32 {
    // SAFETY: the program passes an aligned LONG.
    unsafe { long(p) }.fetch_add(v, Ordering::SeqCst)
}

/// InterlockedCompareExchange: store `exchange` if `*p == comparand`; returns the old value.
#[export]
pub unsafe extern "win64" fn InterlockedCompareExchange(p: *mut i32, exchange: i32, comparand: i32) -> i32 {
    // SAFETY: the program passes an aligned LONG.
    match unsafe { long(p) }.compare_exchange(comparand, exchange, Ordering::SeqCst, Ordering::SeqCst) {
        Ok(v) | Err(v) => v,
    }
}

/// InterlockedCompareExchange64: the same on a LONGLONG.
#[export]
pub unsafe extern "win64" fn InterlockedCompareExchange64(p: *mut i64, exchange: i64, comparand: i64) -> i64 {
    // SAFETY: the program passes an aligned LONGLONG.
    match unsafe { AtomicI64::from_ptr(p) }.compare_exchange(comparand, exchange, Ordering::SeqCst, Ordering::SeqCst) {
        Ok(v) | Err(v) => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[repr(C, align(16))]
    struct Node {
        next: usize,
        v: usize,
    }

    #[test]
    fn slist_exports_and_arithmetic() {
        #[repr(C, align(16))]
        struct H([u64; 2]);
        let mut h = H([9, 9]);
        let hp = h.0.as_mut_ptr();
        let mut a = Node { next: 0, v: 1 };
        let mut b = Node { next: 0, v: 2 };
        unsafe {
            InitializeSListHead(hp);
            assert_eq!(InterlockedPushEntrySList(hp, &mut a as *mut Node as usize), 0);
            assert_eq!(InterlockedPushEntrySList(hp, &mut b as *mut Node as usize), &mut a as *mut Node as usize);
            assert_eq!(QueryDepthSList(hp), 2);
            let p = InterlockedPopEntrySList(hp) as *const Node;
            assert_eq!((*p).v, 2);
            assert_eq!(InterlockedFlushSList(hp), &mut a as *mut Node as usize);
            assert_eq!(QueryDepthSList(hp), 0);
            b.next = &mut a as *mut Node as usize;
            InterlockedPushListSListEx(hp, &mut b as *mut Node as usize, &mut a as *mut Node as usize, 2);
            assert_eq!(QueryDepthSList(hp), 2);
            let mut x = 5i32;
            assert_eq!(InterlockedIncrement(&mut x), 6);
            assert_eq!(InterlockedDecrement(&mut x), 5);
            assert_eq!(InterlockedExchange(&mut x, 9), 5);
            assert_eq!(InterlockedExchangeAdd(&mut x, 3), 9);
            assert_eq!(InterlockedCompareExchange(&mut x, 1, 0), 12);
            assert_eq!(InterlockedCompareExchange(&mut x, 1, 12), 12);
            assert_eq!(x, 1);
            let mut y = 1i64 << 40;
            assert_eq!(InterlockedCompareExchange64(&mut y, 7, 1 << 40), 1 << 40);
            assert_eq!(y, 7);
        }
    }
}
