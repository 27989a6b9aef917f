//! malloc.h / stdlib.h: the CRT heap: small blocks from per-thread size-class caches
//! ([`small`]), larger ones from the host's malloc.
//!
//! Windows' `_msize` returns exactly the size that was asked for, so each block carries a
//! 16-byte header holding it (which also keeps the 16-byte alignment of the host's malloc).
//! `_aligned_*` blocks are a separate kind, as on Windows (free them with `_aligned_free`).

use crate::errno::{EINVAL, ENOMEM, set_errno};
use dllcore::export;
use std::ffi::c_void;
use std::sync::atomic::{AtomicI32, Ordering};

mod small;

use small::{HEADER, SMALL_MAX};

/// Marks a live block from the host's malloc in the header's second word (catches some double
/// frees and foreign pointers).
const MAGIC: usize = 0x6372_7468_6561_7021;
const DEAD: usize = 0x6672_6565_6421_2121;

/// Largest request we pass on (the size must fit with the header).
const MAX_REQUEST: usize = isize::MAX as usize - 4096;

static NEW_MODE: AtomicI32 = AtomicI32::new(0);

#[inline(always)]
unsafe fn header(p: *mut c_void) -> *mut usize {
    unsafe { (p as *mut u8).sub(HEADER) as *mut usize }
}

/// Allocate `size` bytes (uninitialised); null with errno ENOMEM on failure. Small requests
/// come from this thread's cache without a call (see [`small`]).
#[inline(always)]
pub fn alloc(size: usize) -> *mut c_void {
    if size <= SMALL_MAX {
        if let Some(p) = small::pop(size) {
            return p;
        }
    }
    alloc_slow(size)
}

/// Malloc when the thread's cache has no block: refill it, or ask the host for a large block.
#[cold]
#[inline(never)]
extern "win64" fn alloc_slow(size: usize) -> *mut c_void {
    if size <= SMALL_MAX {
        let p = small::alloc_slow(size);
        if p.is_null() {
            set_errno(ENOMEM);
        }
        return p;
    }
    alloc_host(size)
}

/// A block of the host's malloc, whatever its size.
fn alloc_host(size: usize) -> *mut c_void {
    if size > MAX_REQUEST {
        set_errno(ENOMEM);
        return std::ptr::null_mut();
    }
    // SAFETY: plain host allocation; the header is inside the block.
    unsafe {
        let raw = libc::malloc(size + HEADER) as *mut usize;
        if raw.is_null() {
            set_errno(ENOMEM);
            return std::ptr::null_mut();
        }
        *raw = size;
        *raw.add(1) = MAGIC;
        (raw as *mut u8).add(HEADER) as *mut c_void
    }
}

/// Free a block from [`alloc`] (null is ignored). A small block goes onto this thread's cache
/// without a call.
///
/// # Safety
/// `p` must be null or a live block of this heap.
#[inline(always)]
pub unsafe fn dealloc(p: *mut c_void) {
    if p.is_null() {
        return;
    }
    unsafe {
        if small::is_live(*header(p).add(1)) && small::push(p as *mut u8) {
            return;
        }
        dealloc_slow(p)
    }
}

/// Free of a large block, of a small one whose class list is full, or of a bad pointer.
#[cold]
#[inline(never)]
unsafe extern "win64" fn dealloc_slow(p: *mut c_void) {
    unsafe {
        let h = header(p);
        match *h.add(1) {
            tag if small::is_live(tag) => small::free_slow(p as *mut u8),
            MAGIC => {
                *h.add(1) = DEAD;
                libc::free(h as *mut c_void);
            }
            _ => log::error!("free({p:p}): not a live CRT heap block"),
        }
    }
}

/// The requested size of a block from [`alloc`].
///
/// # Safety
/// `p` must be a live block of this heap.
pub unsafe fn block_size(p: *mut c_void) -> usize {
    unsafe { *header(p) }
}

/// realloc semantics of msvcrt: null → malloc, size 0 → free and return null.
///
/// # Safety
/// `p` must be null or a live block of this heap.
pub unsafe fn resize(p: *mut c_void, size: usize) -> *mut c_void {
    if p.is_null() {
        return alloc(size);
    }
    if size == 0 {
        unsafe { dealloc(p) };
        return std::ptr::null_mut();
    }
    if size > MAX_REQUEST {
        set_errno(ENOMEM);
        return std::ptr::null_mut();
    }
    unsafe {
        let h = header(p);
        match *h.add(1) {
            tag if small::is_live(tag) => {
                let old = *h;
                let room = small::capacity(tag);
                if size <= room {
                    *h = size;
                    return p;
                }
                // A small block that grows moves to the host's malloc, whose realloc can
                // often grow a block in place: blocks grown step by step (vectors, string
                // builders) are then copied about as often as natively.
                let n = alloc_host(size);
                if !n.is_null() {
                    std::ptr::copy_nonoverlapping(p as *const u8, n as *mut u8, old.min(size));
                    dealloc(p);
                }
                n
            }
            MAGIC => {
                // The host block may have room already (its usable size is past the request);
                // when it must move, it is given room for half as much again, so that a block
                // grown step by step (vectors, string builders) moves a few times, not at every
                // step. _msize still reports the requested size.
                let usable = libc::malloc_usable_size(h as *mut c_void);
                let old = *h;
                // (Shrinking by more than half gives the memory back.)
                if size + HEADER <= usable && (size >= old || 2 * (size + HEADER) >= usable) {
                    *h = size;
                    return p;
                }
                let want = if size > old { size.max(old.saturating_add(old / 2)).min(MAX_REQUEST) } else { size };
                let mut raw = libc::realloc(h as *mut c_void, want + HEADER) as *mut usize;
                if raw.is_null() && want > size {
                    raw = libc::realloc(h as *mut c_void, size + HEADER) as *mut usize;
                }
                if raw.is_null() {
                    set_errno(ENOMEM);
                    return std::ptr::null_mut();
                }
                *raw = size;
                (raw as *mut u8).add(HEADER) as *mut c_void
            }
            _ => {
                log::error!("realloc({p:p}): not a live CRT heap block");
                set_errno(EINVAL);
                std::ptr::null_mut()
            }
        }
    }
}

/// Copy a byte string into a new heap block with a terminating NUL.
pub fn dup_bytes(s: &[u8]) -> *mut u8 {
    let p = alloc(s.len() + 1) as *mut u8;
    if !p.is_null() {
        // SAFETY: the block holds len + 1 bytes.
        unsafe {
            std::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
            *p.add(s.len()) = 0;
        }
    }
    p
}

/// Copy UTF-16 units into a new heap block with a terminating NUL.
pub fn dup_units(s: &[u16]) -> *mut u16 {
    let p = alloc((s.len() + 1) * 2) as *mut u16;
    if !p.is_null() {
        // SAFETY: the block holds len + 1 units.
        unsafe {
            std::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
            *p.add(s.len()) = 0;
        }
    }
    p
}

/// malloc.
#[export]
pub extern "win64" fn malloc(size: usize) -> *mut c_void {
    alloc(size)
}

/// calloc: zeroed `count * size` bytes; null (ENOMEM) on overflow.
#[export]
pub extern "win64" fn calloc(count: usize, size: usize) -> *mut c_void {
    let Some(total) = count.checked_mul(size) else {
        set_errno(ENOMEM);
        return std::ptr::null_mut();
    };
    let p = alloc(total);
    if !p.is_null() {
        // SAFETY: the block holds `total` bytes.
        unsafe { std::ptr::write_bytes(p as *mut u8, 0, total) };
    }
    p
}

/// realloc: null → malloc; size 0 frees the block and returns null (msvcrt).
#[export]
pub unsafe extern "win64" fn realloc(p: *mut c_void, size: usize) -> *mut c_void {
    unsafe { resize(p, size) }
}

/// free.
#[export]
pub unsafe extern "win64" fn free(p: *mut c_void) {
    unsafe { dealloc(p) }
}

/// _msize: the size requested for the block.
#[export]
pub unsafe extern "win64" fn _msize(p: *mut c_void) -> usize {
    if p.is_null() {
        set_errno(EINVAL);
        return usize::MAX;
    }
    unsafe { block_size(p) }
}

/// _recalloc: realloc to `count * size` bytes, zeroing the bytes past the old size.
#[export]
pub unsafe extern "win64" fn _recalloc(p: *mut c_void, count: usize, size: usize) -> *mut c_void {
    let Some(total) = count.checked_mul(size) else {
        set_errno(ENOMEM);
        return std::ptr::null_mut();
    };
    let old = if p.is_null() {
        0
    } else {
        unsafe { block_size(p) }
    };
    let n = unsafe { resize(p, total) };
    if !n.is_null() && total > old {
        // SAFETY: the new block holds `total` bytes.
        unsafe { std::ptr::write_bytes((n as *mut u8).add(old), 0, total - old) };
    }
    n
}

/// _expand: resize in place. Shrinking always succeeds (the block keeps its memory); growing
/// fails with ENOMEM.
#[export]
pub unsafe extern "win64" fn _expand(p: *mut c_void, size: usize) -> *mut c_void {
    if p.is_null() {
        set_errno(EINVAL);
        return std::ptr::null_mut();
    }
    unsafe {
        if size <= block_size(p) {
            *header(p) = size;
            return p;
        }
    }
    set_errno(ENOMEM);
    std::ptr::null_mut()
}

/// _aligned_malloc: `size` bytes aligned to `alignment` (a power of two). The block start and
/// the requested size sit in the two words before the returned pointer.
#[export]
pub extern "win64" fn _aligned_malloc(size: usize, alignment: usize) -> *mut c_void {
    aligned_alloc(size, alignment, 0)
}

/// _aligned_offset_malloc: `ptr + offset` is aligned.
#[export]
pub extern "win64" fn _aligned_offset_malloc(
    size: usize,
    alignment: usize,
    offset: usize,
) -> *mut c_void {
    if offset >= size && size != 0 {
        set_errno(EINVAL);
        return std::ptr::null_mut();
    }
    aligned_alloc(size, alignment, offset)
}

fn aligned_alloc(size: usize, alignment: usize, offset: usize) -> *mut c_void {
    if alignment == 0 || !alignment.is_power_of_two() {
        set_errno(EINVAL);
        return std::ptr::null_mut();
    }
    let align = alignment.max(8);
    let Some(total) = size.checked_add(align + 2 * 8 + offset) else {
        set_errno(ENOMEM);
        return std::ptr::null_mut();
    };
    // SAFETY: host allocation large enough for the bookkeeping words, padding and data.
    unsafe {
        let raw = libc::malloc(total) as usize;
        if raw == 0 {
            set_errno(ENOMEM);
            return std::ptr::null_mut();
        }
        let min = raw + 16 + offset;
        let user = ((min + align - 1) & !(align - 1)) - offset;
        *((user - 8) as *mut usize) = raw;
        *((user - 16) as *mut usize) = size;
        user as *mut c_void
    }
}

/// _aligned_free.
#[export]
pub unsafe extern "win64" fn _aligned_free(p: *mut c_void) {
    if !p.is_null() {
        unsafe { libc::free(*((p as usize - 8) as *const usize) as *mut c_void) };
    }
}

/// _aligned_realloc: null → _aligned_malloc, size 0 → free.
#[export]
pub unsafe extern "win64" fn _aligned_realloc(
    p: *mut c_void,
    size: usize,
    alignment: usize,
) -> *mut c_void {
    unsafe { aligned_resize(p, size, alignment, 0) }
}

/// _aligned_offset_realloc.
#[export]
pub unsafe extern "win64" fn _aligned_offset_realloc(
    p: *mut c_void,
    size: usize,
    alignment: usize,
    offset: usize,
) -> *mut c_void {
    unsafe { aligned_resize(p, size, alignment, offset) }
}

unsafe fn aligned_resize(
    p: *mut c_void,
    size: usize,
    alignment: usize,
    offset: usize,
) -> *mut c_void {
    if p.is_null() {
        return aligned_alloc(size, alignment, offset);
    }
    if size == 0 {
        unsafe { _aligned_free(p) };
        return std::ptr::null_mut();
    }
    let n = aligned_alloc(size, alignment, offset);
    if !n.is_null() {
        unsafe {
            let old = *((p as usize - 16) as *const usize);
            std::ptr::copy_nonoverlapping(p as *const u8, n as *mut u8, old.min(size));
            _aligned_free(p);
        }
    }
    n
}

/// _aligned_msize.
#[export]
pub unsafe extern "win64" fn _aligned_msize(
    p: *mut c_void,
    _alignment: usize,
    _offset: usize,
) -> usize {
    if p.is_null() {
        set_errno(EINVAL);
        return usize::MAX;
    }
    unsafe { *((p as usize - 16) as *const usize) }
}

/// Set the new mode, returning the previous one.
pub fn set_new_mode(mode: i32) -> i32 {
    NEW_MODE.swap(mode, Ordering::Relaxed)
}

/// _set_new_mode: whether malloc calls the new handler on failure; returns the previous mode.
#[export]
pub extern "win64" fn _set_new_mode(mode: i32) -> i32 {
    set_new_mode(mode)
}

/// _query_new_mode.
#[export]
pub extern "win64" fn _query_new_mode() -> i32 {
    NEW_MODE.load(Ordering::Relaxed)
}

/// _callnewh: call the new handler. None is installed in wine-rs, so report failure.
#[export]
pub extern "win64" fn _callnewh(_size: usize) -> i32 {
    0
}

/// _heapchk: _HEAPOK.
#[export]
pub extern "win64" fn _heapchk() -> i32 {
    -2
}

/// _get_heap_handle: the process heap (a token: the CRT heap is the host's).
#[export]
pub extern "win64" fn _get_heap_handle() -> usize {
    0x0001_0000
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Held by the tests that use every size class, so that small.rs's test can count a
    /// class's pool exactly.
    pub(crate) static ALL_CLASSES: std::sync::Mutex<()> = std::sync::Mutex::new(());

    #[test]
    fn msize_is_requested_size() {
        for n in [0usize, 1, 5, 15, 16, 17, 100, 4096, 100_000] {
            let p = malloc(n);
            assert!(!p.is_null());
            assert_eq!(p as usize % 16, 0, "16-byte aligned");
            assert_eq!(unsafe { _msize(p) }, n);
            unsafe { free(p) };
        }
    }

    #[test]
    fn realloc_keeps_data_and_size() {
        let p = malloc(5) as *mut u8;
        unsafe {
            std::ptr::copy_nonoverlapping(b"abcde".as_ptr(), p, 5);
            let q = realloc(p as *mut c_void, 100) as *mut u8;
            assert_eq!(_msize(q as *mut c_void), 100);
            assert_eq!(std::slice::from_raw_parts(q, 5), b"abcde");
            let r = realloc(q as *mut c_void, 3);
            assert_eq!(_msize(r), 3);
            assert!(realloc(r, 0).is_null(), "realloc(p, 0) frees");
            let s = realloc(std::ptr::null_mut(), 7);
            assert_eq!(_msize(s), 7);
            free(s);
        }
    }

    #[test]
    fn realloc_across_small_and_large_keeps_data() {
        let _all = ALL_CLASSES.lock().unwrap_or_else(|e| e.into_inner());
        // Grow one block a byte at a time from 1 to 5000 bytes (through the small classes into
        // the host's blocks), then shrink it back: the data and _msize follow every step.
        unsafe {
            let mut p = malloc(1) as *mut u8;
            *p = 0;
            for n in 2..=5000usize {
                p = realloc(p as *mut c_void, n) as *mut u8;
                assert!(!p.is_null());
                assert_eq!(p as usize % 16, 0);
                assert_eq!(_msize(p as *mut c_void), n);
                *p.add(n - 1) = (n % 251) as u8;
            }
            for n in (1..5000usize).rev().step_by(7) {
                p = realloc(p as *mut c_void, n) as *mut u8;
                assert_eq!(_msize(p as *mut c_void), n);
                for k in [1usize, n / 2, n - 1] {
                    if k >= 1 {
                        assert_eq!(*p.add(k), ((k + 1) % 251) as u8, "byte {k} at size {n}");
                    }
                }
            }
            free(p as *mut c_void);
        }
    }

    #[test]
    fn many_small_blocks_are_distinct_and_reused() {
        let _all = ALL_CLASSES.lock().unwrap_or_else(|e| e.into_inner());
        unsafe {
            let blocks: Vec<*mut u8> = (0..5000).map(|i| malloc(1 + i % 1024) as *mut u8).collect();
            for (i, &b) in blocks.iter().enumerate() {
                std::ptr::write_bytes(b, (i % 256) as u8, 1 + i % 1024);
            }
            for (i, &b) in blocks.iter().enumerate() {
                let n = 1 + i % 1024;
                assert!(std::slice::from_raw_parts(b, n).iter().all(|&x| x == (i % 256) as u8));
                assert_eq!(_msize(b as *mut c_void), n);
            }
            for &b in &blocks {
                free(b as *mut c_void);
            }
            // A double free is reported and ignored, not a corrupted list.
            let p = malloc(40);
            free(p);
            free(p);
            let a = malloc(40);
            let b = malloc(40);
            assert_ne!(a, b);
            free(a);
            free(b);
        }
    }

    #[test]
    fn calloc_zeroes_and_checks_overflow() {
        let p = calloc(10, 10) as *mut u8;
        unsafe {
            assert!(std::slice::from_raw_parts(p, 100).iter().all(|&b| b == 0));
            assert_eq!(_msize(p as *mut c_void), 100);
            free(p as *mut c_void);
        }
        assert!(calloc(usize::MAX, 2).is_null());
        assert_eq!(crate::errno::errno(), ENOMEM);
    }

    #[test]
    fn recalloc_zeroes_tail() {
        unsafe {
            let p = malloc(4) as *mut u8;
            std::ptr::write_bytes(p, 0xAA, 4);
            let q = _recalloc(p as *mut c_void, 4, 4) as *mut u8;
            assert_eq!(_msize(q as *mut c_void), 16);
            assert_eq!(std::slice::from_raw_parts(q, 4), &[0xAA; 4]);
            assert!(
                std::slice::from_raw_parts(q.add(4), 12)
                    .iter()
                    .all(|&b| b == 0)
            );
            free(q as *mut c_void);
        }
    }

    #[test]
    fn expand_shrinks_only() {
        unsafe {
            let p = malloc(10);
            assert_eq!(_expand(p, 5), p);
            assert_eq!(_msize(p), 5);
            assert!(_expand(p, 50).is_null());
            free(p);
        }
    }

    #[test]
    fn aligned() {
        for align in [1usize, 2, 8, 16, 64, 4096] {
            let p = _aligned_malloc(100, align);
            assert_eq!(p as usize % align, 0);
            unsafe {
                std::ptr::write_bytes(p as *mut u8, 7, 100);
                assert_eq!(_aligned_msize(p, align, 0), 100);
                let q = _aligned_realloc(p, 200, align);
                assert_eq!(q as usize % align, 0);
                assert_eq!(*(q as *const u8).add(99), 7);
                _aligned_free(q);
            }
        }
        assert!(_aligned_malloc(10, 3).is_null());
        let p = _aligned_offset_malloc(100, 64, 8);
        assert_eq!((p as usize + 8) % 64, 0);
        unsafe { _aligned_free(p) };
    }

    #[test]
    fn new_mode() {
        let old = _set_new_mode(1);
        assert_eq!(_query_new_mode(), 1);
        _set_new_mode(old);
    }
}
