//! Small blocks: size classes with a per-thread cache, so that malloc and free of a small
//! block call no host (System V) code.
//!
//! Why: every export is an `extern "win64"` function, and a call from one into System V code
//! (glibc's malloc) makes it save and restore XMM6-15, which are callee-saved on Windows and
//! not on Linux: twenty 16-byte moves, as long as glibc's whole fast path. Requests of up to
//! [`SMALL_MAX`] bytes are served here instead, from a free list per size class (16-byte
//! steps) kept by each thread; only refilling or draining a list (a batch of blocks at a time,
//! under a lock) and carving new spans are calls, made through `extern "win64"` functions that
//! the exports do not have to save anything for.
//!
//! Blocks keep the CRT heap's 16-byte header (requested size, tag), so `_msize`, `realloc`
//! and the double-free check work alike for both kinds. Small-block memory is not returned
//! to the host: freed blocks go back to the lists (like the low-fragmentation heap's buckets).
//! A thread's cache goes back to the pool when the thread ends, however it ends (returning,
//! ExitThread, _endthreadex).

use std::ffi::c_void;
use std::sync::Mutex;

/// Bytes before each block's data: the requested size, then a tag.
pub const HEADER: usize = 16;
/// Largest request served from the size classes.
pub const SMALL_MAX: usize = 1024;
/// Tag of a live small block (word 1 of the header), ORed with its size class.
pub const SMALL_LIVE: usize = 0x736d_616c_6c21_2100;
/// The bits of a live small block's tag that hold its class.
pub const CLASS_MASK: usize = 0xff;
/// Tag of a small block sitting on a free list.
pub const SMALL_FREE: usize = 0x736d_6672_6565_2121;

/// Class `c` holds requests of `16 * (c - 1) + 1 ..= 16 * c` bytes; class 0 holds size 0.
const NCLASS: usize = SMALL_MAX / 16 + 1;
const _: () = assert!(NCLASS <= CLASS_MASK + 1);
/// Bytes a thread takes from (or gives back to) the shared pool at a time, per class.
const BATCH_BYTES: usize = 4096;
/// Bytes of host memory carved into blocks at a time.
const SPAN_BYTES: usize = 64 * 1024;

/// The size class of a request of at most [`SMALL_MAX`] bytes.
#[inline(always)]
pub const fn class_of(size: usize) -> usize {
    (size + 15) >> 4
}

/// Bytes of data a block of class `c` holds.
#[inline(always)]
pub const fn payload(c: usize) -> usize {
    if c == 0 { 16 } else { c * 16 }
}

/// Blocks moved between a thread and the pool at a time.
const fn batch(c: usize) -> usize {
    let n = BATCH_BYTES / (HEADER + payload(c));
    if n < 4 { 4 } else { n }
}

/// Most blocks of class `c` a thread keeps; beyond, a batch goes back to the pool.
pub const fn limit(c: usize) -> usize {
    2 * batch(c)
}

const LIMITS: [u32; NCLASS] = {
    let mut l = [0u32; NCLASS];
    let mut c = 0;
    while c < NCLASS {
        l[c] = limit(c) as u32;
        c += 1;
    }
    l
};

/// One thread's free lists. The link to the next free block is the first data word.
struct Cache {
    head: [*mut u8; NCLASS],
    count: [u32; NCLASS],
}

dllcore::fast_thread_local!(
    /// This thread's cache (all lists empty in a new thread), reached without a call.
    fn cache() -> *mut Cache = "wine_rs_crt_small_cache";
);

thread_local! {
    /// Returns the thread's lists to the pool when the thread's Rust side ends (registered by
    /// the first refill, on the slow path).
    static FLUSH_AT_EXIT: FlushGuard = const { FlushGuard };
}

struct FlushGuard;

impl Drop for FlushGuard {
    fn drop(&mut self) {
        flush_thread_cache();
    }
}

/// Give every block on the calling thread's lists back to the pool. Runs when the thread's
/// TEB is released (every thread that ran PE code, ExitThread and _endthreadex included: their
/// host threads leave without running Rust thread-local destructors) and again, finding the
/// lists empty, from [`FlushGuard`] on a thread that returns normally.
fn flush_thread_cache() {
    let cache = cache();
    for c in 0..NCLASS {
        // SAFETY: this thread's cache; the thread runs no more PE code, so no malloc or free
        // races with this on it.
        unsafe {
            let n = (*cache).count[c] as usize;
            if n > 0 {
                let (first, last) = take((*cache).head[c], n);
                (*cache).head[c] = std::ptr::null_mut();
                (*cache).count[c] = 0;
                give_back(c, first, last, n);
            }
        }
    }
}

/// Register the flush with the threads' end, once (first refill of any thread).
fn register_flush() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| dllcore::thread::before_teb_release(flush_thread_cache));
    FLUSH_AT_EXIT.with(|_| ());
}

/// Data pointer → header words.
#[inline(always)]
unsafe fn words(p: *mut u8) -> *mut usize {
    unsafe { p.sub(HEADER) as *mut usize }
}

/// Pop a block for `size` (≤ [`SMALL_MAX`]) from this thread's cache, header filled in.
#[inline(always)]
pub fn pop(size: usize) -> Option<*mut c_void> {
    let c = class_of(size);
    let cache = cache();
    // SAFETY: this thread's cache; blocks on it are ours and free.
    unsafe {
        let p = *(*cache).head.get_unchecked(c);
        if p.is_null() {
            return None;
        }
        *(*cache).head.get_unchecked_mut(c) = *(p as *mut *mut u8);
        *(*cache).count.get_unchecked_mut(c) -= 1;
        let h = words(p);
        *h = size;
        *h.add(1) = SMALL_LIVE | c;
        Some(p as *mut c_void)
    }
}

/// Push a live small block onto this thread's cache; false when the cache for its class is
/// full (then [`free_slow`] must take it).
///
/// # Safety
/// `p` must be a live small block (tag [`SMALL_LIVE`] and its class).
#[inline(always)]
pub unsafe fn push(p: *mut u8) -> bool {
    unsafe {
        let h = words(p);
        let c = *h.add(1) & CLASS_MASK;
        let cache = cache();
        let n = *(*cache).count.get_unchecked(c);
        if n >= *LIMITS.get_unchecked(c) {
            return false;
        }
        *h.add(1) = SMALL_FREE;
        *(p as *mut *mut u8) = *(*cache).head.get_unchecked(c);
        *(*cache).head.get_unchecked_mut(c) = p;
        *(*cache).count.get_unchecked_mut(c) = n + 1;
        true
    }
}

/// The pool all threads refill from: per class, a free list and the unused rest of the
/// last span carved for it.
struct Pool {
    head: *mut u8,
    count: usize,
    bump: *mut u8,
    end: *mut u8,
}

// SAFETY: the pointers are to heap memory owned by the pool, only used under its mutex.
unsafe impl Send for Pool {}

static POOLS: [Mutex<Pool>; NCLASS] = [const {
    Mutex::new(Pool {
        head: std::ptr::null_mut(),
        count: 0,
        bump: std::ptr::null_mut(),
        end: std::ptr::null_mut(),
    })
}; NCLASS];

fn pool(c: usize) -> std::sync::MutexGuard<'static, Pool> {
    POOLS[c].lock().unwrap_or_else(|e| e.into_inner())
}

/// The first `n` blocks of a list: (first, last); the caller detaches them.
unsafe fn take(head: *mut u8, n: usize) -> (*mut u8, *mut u8) {
    let mut last = head;
    for _ in 1..n {
        last = unsafe { *(last as *mut *mut u8) };
    }
    (head, last)
}

/// Put a chain of `n` free blocks of class `c` on the pool.
unsafe fn give_back(c: usize, first: *mut u8, last: *mut u8, n: usize) {
    let mut pool = pool(c);
    unsafe { *(last as *mut *mut u8) = pool.head };
    pool.head = first;
    pool.count += n;
}

/// Fresh memory for blocks, mapped from the host directly: spans live for the whole process,
/// and taken from glibc's heap they would pin it, leaving the large blocks around them a
/// fragmented heap (glibc's realloc then copies far more often).
fn new_span(bytes: usize) -> *mut u8 {
    // SAFETY: an anonymous private mapping; no existing memory is touched.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            bytes,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED { std::ptr::null_mut() } else { p as *mut u8 }
}

/// Malloc's slow path for a small request: refill this thread's list of the class from the
/// pool (carving a new span when the pool has none), then pop. Null when the host is out of
/// memory.
#[cold]
#[inline(never)]
pub extern "win64" fn alloc_slow(size: usize) -> *mut c_void {
    let c = class_of(size);
    let want = batch(c);
    let (mut first, mut last, mut got) = (std::ptr::null_mut::<u8>(), std::ptr::null_mut(), 0);
    {
        let mut pool = pool(c);
        if pool.count > 0 {
            let n = want.min(pool.count);
            // SAFETY: the pool's list holds `count` free blocks.
            unsafe {
                let (f, l) = take(pool.head, n);
                pool.head = *(l as *mut *mut u8);
                pool.count -= n;
                (first, last, got) = (f, l, n);
            }
        } else {
            let step = HEADER + payload(c);
            while got < want {
                // SAFETY: `bump..end` is unused span memory; a new span is whole blocks.
                unsafe {
                    if pool.bump.is_null() || pool.end.offset_from(pool.bump) < step as isize {
                        let bytes = SPAN_BYTES.max(step * want) / step * step;
                        let span = new_span(bytes);
                        if span.is_null() {
                            break;
                        }
                        pool.bump = span;
                        pool.end = span.add(bytes);
                    }
                    let p = pool.bump.add(HEADER);
                    pool.bump = pool.bump.add(step);
                    *(words(p).add(1)) = SMALL_FREE;
                    *(p as *mut *mut u8) = first;
                    if first.is_null() {
                        last = p;
                    }
                    first = p;
                    got += 1;
                }
            }
        }
    }
    if got == 0 {
        return std::ptr::null_mut();
    }
    register_flush();
    let cache = cache();
    // SAFETY: this thread's cache; the chain is ours now.
    unsafe {
        *(last as *mut *mut u8) = (*cache).head[c];
        (*cache).head[c] = first;
        (*cache).count[c] += got as u32;
    }
    pop(size).unwrap_or(std::ptr::null_mut())
}

/// Free's slow path for a small block whose class list is full: give a batch back to the
/// pool, then keep the block.
///
/// # Safety
/// `p` must be a live small block.
#[cold]
#[inline(never)]
pub unsafe extern "win64" fn free_slow(p: *mut u8) {
    unsafe {
        let c = *words(p).add(1) & CLASS_MASK;
        let cache = cache();
        let n = batch(c).min((*cache).count[c] as usize);
        if n > 0 {
            let (first, last) = take((*cache).head[c], n);
            (*cache).head[c] = *(last as *mut *mut u8);
            (*cache).count[c] -= n as u32;
            give_back(c, first, last, n);
        }
        let _ = push(p);
    }
}

/// Is `tag` (word 1 of a header) that of a live small block?
#[inline(always)]
pub fn is_live(tag: usize) -> bool {
    tag & !CLASS_MASK == SMALL_LIVE
}

/// How many bytes the live small block with header tag `tag` can hold.
#[inline]
pub fn capacity(tag: usize) -> usize {
    payload(tag & CLASS_MASK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_limits() {
        assert_eq!(class_of(0), 0);
        assert_eq!(class_of(1), 1);
        assert_eq!(class_of(16), 1);
        assert_eq!(class_of(17), 2);
        assert_eq!(class_of(SMALL_MAX), NCLASS - 1);
        for c in 0..NCLASS {
            assert!(payload(c) >= c * 16);
            assert!(limit(c) >= 8);
            assert!(limit(c) * (HEADER + payload(c)) <= 3 * BATCH_BYTES);
        }
    }

    #[test]
    fn blocks_cycle_through_cache_and_pool() {
        // Allocate more than a thread keeps, free them all, allocate again: no block is handed
        // out twice while live, and every block is 16-byte aligned.
        let n = 10 * limit(class_of(64));
        let mut live: Vec<*mut c_void> = (0..n)
            .map(|_| pop(64).unwrap_or_else(|| alloc_slow(64)))
            .collect();
        let mut sorted: Vec<usize> = live.iter().map(|&p| p as usize).collect();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), n);
        assert!(sorted.iter().all(|p| p % 16 == 0));
        for &p in &live {
            unsafe {
                if !push(p as *mut u8) {
                    free_slow(p as *mut u8);
                }
            }
        }
        live.clear();
        let again: Vec<usize> =
            (0..n).map(|_| pop(64).unwrap_or_else(|| alloc_slow(64)) as usize).collect();
        let mut s2 = again.clone();
        s2.sort();
        s2.dedup();
        assert_eq!(s2.len(), n);
        for p in again {
            unsafe {
                if !push(p as *mut u8) {
                    free_slow(p as *mut u8);
                }
            }
        }
    }

    #[test]
    fn threads_return_their_cache() {
        let _all = crate::heap::tests::ALL_CLASSES.lock().unwrap_or_else(|e| e.into_inner());
        let c = class_of(200);
        std::thread::spawn(|| {
            let p = alloc_slow(200);
            unsafe { assert!(push(p as *mut u8)) };
        })
        .join()
        .unwrap();
        assert!(pool(c).count >= 1, "the ended thread's blocks are back in the pool");
    }


    #[test]
    fn a_threads_cache_goes_back_to_the_pool_when_it_ends() {
        // A thread fills its cache for one class, then flushes it as the TEB-release hook
        // does: its lists are empty, and the blocks it held are on the pool.
        let _all = crate::heap::tests::ALL_CLASSES.lock().unwrap_or_else(|e| e.into_inner());
        std::thread::spawn(|| {
            let c = class_of(1000);
            let blocks: Vec<*mut c_void> = (0..8).map(|_| crate::heap::malloc(1000)).collect();
            for &b in &blocks {
                // SAFETY: blocks from malloc, freed once.
                unsafe { crate::heap::free(b) };
            }
            let cache = cache();
            // SAFETY: this thread's cache.
            let held = unsafe { (*cache).count[c] } as usize;
            assert!(held >= blocks.len(), "freed blocks sit on the thread's list: {held}");
            let before = pool(c).count;
            flush_thread_cache();
            // SAFETY: this thread's cache.
            assert!((0..NCLASS).all(|k| unsafe { (*cache).count[k] == 0 && (*cache).head[k].is_null() }));
            // The tests that use this class are held off: the count moved up by exactly what
            // the thread held.
            assert_eq!(pool(c).count, before + held);
        })
        .join()
        .unwrap();
    }
}
