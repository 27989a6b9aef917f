//! Windows heaps on the host malloc.
//!
//! Every block carries a 16-byte header just below the pointer handed out: the exact size the
//! program asked for and a tag naming the heap that owns it (so HeapSize is exact, HeapFree can
//! refuse foreign pointers, and alignment stays 16 as Windows guarantees on x64). Blocks of
//! private heaps (HeapCreate) have 16 more bytes below that: links in the heap's block list, so
//! HeapDestroy can free everything the heap still owns. The process heap keeps no list: an
//! allocation is one malloc and one header write.

use std::ptr::null_mut;
use std::sync::Mutex;
use windows_sys::Win32::Foundation::{ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NOT_ENOUGH_MEMORY};
use windows_sys::Win32::System::Memory::{HEAP_REALLOC_IN_PLACE_ONLY, HEAP_ZERO_MEMORY};

const HEAP_MAGIC: u64 = 0x5041_4548_5352_4e57; // "WNRSHEAP"
const TAG_XOR: usize = 0x7a6b_5c4d_3e2f_1a0b;
const HDR: usize = 16;
const LINKS: usize = 16;

/// A heap. Its address is the HANDLE programs hold.
#[repr(C)]
pub struct Heap {
    magic: u64,
    /// HeapCreate options (HEAP_NO_SERIALIZE, HEAP_GENERATE_EXCEPTIONS, HEAP_ZERO_MEMORY is not one).
    pub flags: u32,
    private: bool,
    /// Private heaps: the block list and the byte count, under a lock.
    inner: Mutex<Private>,
}

struct Private {
    /// First block (user pointer) of the list, or null.
    head: usize,
    /// Bytes currently allocated (requested sizes).
    used: usize,
    /// Non-zero: HeapCreate's dwMaximumSize (a non-growable heap).
    max: usize,
}

static PROCESS_HEAP: Heap =
    Heap { magic: HEAP_MAGIC, flags: 0, private: false, inner: Mutex::new(Private { head: 0, used: 0, max: 0 }) };

/// GetProcessHeap: the process heap (also what PEB.ProcessHeap should hold).
pub fn process_heap() -> *mut Heap {
    &PROCESS_HEAP as *const Heap as *mut Heap
}

/// The heap behind a handle, if it looks like one of ours.
///
/// # Safety
/// `h` must be null or point at readable memory (Windows faults on garbage too).
pub unsafe fn from_handle<'a>(h: *mut core::ffi::c_void) -> Option<&'a Heap> {
    let h = h as *const Heap;
    if h.is_null() || !(h as usize).is_multiple_of(std::mem::align_of::<Heap>()) {
        return None;
    }
    // SAFETY: per the contract.
    let heap = unsafe { &*h };
    (heap.magic == HEAP_MAGIC).then_some(heap)
}

fn tag_of(heap: &Heap) -> usize {
    (heap as *const Heap as usize) ^ TAG_XOR
}

#[inline]
unsafe fn size_slot(p: *mut u8) -> *mut usize {
    // SAFETY: callers pass block pointers with a header.
    unsafe { p.sub(HDR) as *mut usize }
}
#[inline]
unsafe fn tag_slot(p: *mut u8) -> *mut usize {
    // SAFETY: as size_slot.
    unsafe { p.sub(HDR - 8) as *mut usize }
}
#[inline]
unsafe fn links(p: *mut u8) -> *mut [usize; 2] {
    // SAFETY: private-heap blocks have the links below the header.
    unsafe { p.sub(HDR + LINKS) as *mut [usize; 2] }
}

impl Heap {
    fn overhead(&self) -> usize {
        if self.private { HDR + LINKS } else { HDR }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Private> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Does `p` belong to this heap (by its tag)?
    ///
    /// # Safety
    /// `p` must be null or a pointer with 16 readable bytes below it.
    pub unsafe fn owns(&self, p: *mut u8) -> bool {
        // SAFETY: per the contract.
        !p.is_null() && (p as usize).is_multiple_of(16) && unsafe { *tag_slot(p) } == tag_of(self)
    }

    unsafe fn link(&self, g: &mut Private, p: *mut u8) {
        // SAFETY: p is a private block of this heap; the list is guarded by g.
        unsafe {
            *links(p) = [0, g.head];
            if g.head != 0 {
                (*links(g.head as *mut u8))[0] = p as usize;
            }
        }
        g.head = p as usize;
    }

    unsafe fn unlink(&self, g: &mut Private, p: *mut u8) {
        // SAFETY: p is linked in this heap's list, guarded by g.
        unsafe {
            let [prev, next] = *links(p);
            if prev != 0 {
                (*links(prev as *mut u8))[1] = next;
            } else {
                g.head = next;
            }
            if next != 0 {
                (*links(next as *mut u8))[0] = prev;
            }
        }
    }

    /// HeapAlloc. None when out of memory (or past a fixed heap's maximum).
    pub fn alloc(&self, flags: u32, size: usize) -> Option<*mut u8> {
        let total = size.checked_add(self.overhead())?;
        if total > isize::MAX as usize {
            return None;
        }
        let zero = (flags | self.flags) & HEAP_ZERO_MEMORY != 0;
        let mut guard = if self.private {
            let g = self.lock();
            if g.max != 0 && g.used + size > g.max {
                return None;
            }
            Some(g)
        } else {
            None
        };
        // SAFETY: plain host allocation.
        let base = unsafe { if zero { libc::calloc(1, total) } else { libc::malloc(total) } } as *mut u8;
        if base.is_null() {
            return None;
        }
        // SAFETY: base has `total` bytes; the header lies inside them.
        unsafe {
            let p = base.add(self.overhead());
            *size_slot(p) = size;
            *tag_slot(p) = tag_of(self);
            if let Some(g) = guard.as_mut() {
                self.link(g, p);
                g.used += size;
            }
            Some(p)
        }
    }

    /// HeapFree. Err(ERROR_INVALID_PARAMETER) for a pointer this heap did not hand out.
    ///
    /// # Safety
    /// `p` must be null or point at least 16 bytes into readable memory.
    pub unsafe fn free(&self, p: *mut u8) -> Result<(), u32> {
        if p.is_null() {
            return Ok(());
        }
        // SAFETY: per the contract.
        if !unsafe { self.owns(p) } {
            return Err(ERROR_INVALID_PARAMETER);
        }
        // SAFETY: p is one of our blocks.
        unsafe {
            *tag_slot(p) = 0;
            if self.private {
                let mut g = self.lock();
                self.unlink(&mut g, p);
                g.used -= *size_slot(p);
            }
            libc::free(p.sub(self.overhead()) as *mut _);
        }
        Ok(())
    }

    /// HeapSize: the size requested for the block.
    ///
    /// # Safety
    /// As [`Heap::free`].
    pub unsafe fn size(&self, p: *mut u8) -> Option<usize> {
        // SAFETY: per the contract.
        unsafe { self.owns(p).then(|| *size_slot(p)) }
    }

    /// HeapReAlloc. HEAP_REALLOC_IN_PLACE_ONLY succeeds only when the host block already has
    /// room; HEAP_ZERO_MEMORY zeroes the bytes added by growth.
    ///
    /// # Safety
    /// As [`Heap::free`].
    pub unsafe fn realloc(&self, flags: u32, p: *mut u8, size: usize) -> Result<*mut u8, u32> {
        // SAFETY: per the contract.
        if !unsafe { self.owns(p) } {
            return Err(ERROR_INVALID_PARAMETER);
        }
        let oh = self.overhead();
        let total = size.checked_add(oh).filter(|&t| t <= isize::MAX as usize).ok_or(ERROR_NOT_ENOUGH_MEMORY)?;
        let zero = (flags | self.flags) & HEAP_ZERO_MEMORY != 0;
        // SAFETY: p is one of our blocks; sizes are checked against the host block.
        unsafe {
            let old = *size_slot(p);
            let base = p.sub(oh);
            let mut guard = if self.private { Some(self.lock()) } else { None };
            if let Some(g) = guard.as_ref()
                && g.max != 0
                && size > old
                && g.used + (size - old) > g.max
            {
                return Err(ERROR_NOT_ENOUGH_MEMORY);
            }
            let np = if flags & HEAP_REALLOC_IN_PLACE_ONLY != 0 {
                if libc::malloc_usable_size(base as *mut _) < total {
                    return Err(ERROR_NOT_ENOUGH_MEMORY);
                }
                p
            } else {
                if let Some(g) = guard.as_mut() {
                    self.unlink(g, p);
                }
                let nb = libc::realloc(base as *mut _, total) as *mut u8;
                if nb.is_null() {
                    if let Some(g) = guard.as_mut() {
                        self.link(g, p);
                    }
                    return Err(ERROR_NOT_ENOUGH_MEMORY);
                }
                let np = nb.add(oh);
                if let Some(g) = guard.as_mut() {
                    self.link(g, np);
                }
                np
            };
            if zero && size > old {
                std::ptr::write_bytes(np.add(old), 0, size - old);
            }
            *size_slot(np) = size;
            if let Some(g) = guard.as_mut() {
                g.used = g.used - old + size;
            }
            Ok(np)
        }
    }

    /// HeapValidate: a block of this heap, or (null) the whole heap's list.
    ///
    /// # Safety
    /// As [`Heap::free`].
    pub unsafe fn validate(&self, p: *mut u8) -> bool {
        if !p.is_null() {
            // SAFETY: per the contract.
            return unsafe { self.owns(p) };
        }
        if !self.private {
            return true;
        }
        let g = self.lock();
        let mut cur = g.head;
        let mut prev = 0;
        while cur != 0 {
            // SAFETY: list members are live blocks of this heap.
            unsafe {
                if !self.owns(cur as *mut u8) || (*links(cur as *mut u8))[0] != prev {
                    return false;
                }
                prev = cur;
                cur = (*links(cur as *mut u8))[1];
            }
        }
        true
    }
}

/// HeapCreate: a private heap. `max` = 0 makes it growable.
pub fn create(options: u32, max: usize) -> *mut Heap {
    Box::into_raw(Box::new(Heap {
        magic: HEAP_MAGIC,
        flags: options,
        private: true,
        inner: Mutex::new(Private { head: 0, used: 0, max }),
    }))
}

/// HeapDestroy: free every block the heap still owns, then the heap. The process heap cannot be
/// destroyed (ERROR_INVALID_HANDLE, as Windows).
///
/// # Safety
/// `h` must be null or readable, and no other thread may use the heap.
pub unsafe fn destroy(h: *mut core::ffi::c_void) -> Result<(), u32> {
    // SAFETY: per the contract.
    let heap = unsafe { from_handle(h) }.ok_or(ERROR_INVALID_HANDLE)?;
    if !heap.private {
        return Err(ERROR_INVALID_HANDLE);
    }
    {
        let mut g = heap.lock();
        let mut cur = g.head;
        while cur != 0 {
            // SAFETY: list members are live blocks of this heap.
            unsafe {
                let next = (*links(cur as *mut u8))[1];
                *tag_slot(cur as *mut u8) = 0;
                libc::free((cur as *mut u8).sub(HDR + LINKS) as *mut _);
                cur = next;
            }
        }
        g.head = 0;
    }
    // SAFETY: created by `create` with Box::into_raw; no one else uses it any more.
    unsafe {
        (*(h as *mut Heap)).magic = 0;
        drop(Box::from_raw(h as *mut Heap));
    }
    Ok(())
}

/// Allocate `size` bytes on the process heap (for exports that hand out heap memory).
pub fn process_alloc(size: usize, zero: bool) -> *mut u8 {
    PROCESS_HEAP.alloc(if zero { HEAP_ZERO_MEMORY } else { 0 }, size).unwrap_or(null_mut())
}

/// Free a process-heap block.
///
/// # Safety
/// As [`Heap::free`].
pub unsafe fn process_free(p: *mut u8) -> Result<(), u32> {
    // SAFETY: per the contract.
    unsafe { PROCESS_HEAP.free(p) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ph() -> &'static Heap {
        unsafe { from_handle(process_heap() as *mut _) }.unwrap()
    }

    #[test]
    fn sizes_are_exact_and_aligned() {
        let h = ph();
        for size in [0usize, 1, 15, 16, 17, 100, 4096, 1 << 20] {
            let p = h.alloc(0, size).unwrap();
            assert_eq!(p as usize % 16, 0);
            assert_eq!(unsafe { h.size(p) }, Some(size));
            assert!(unsafe { h.validate(p) });
            unsafe { h.free(p).unwrap() };
        }
    }

    #[test]
    fn zero_memory_and_realloc_zeroes_growth() {
        let h = ph();
        let p = h.alloc(HEAP_ZERO_MEMORY, 64).unwrap();
        assert!(unsafe { std::slice::from_raw_parts(p, 64) }.iter().all(|&b| b == 0));
        unsafe { std::ptr::write_bytes(p, 0xAB, 64) };
        let q = unsafe { h.realloc(HEAP_ZERO_MEMORY, p, 4000) }.unwrap();
        let s = unsafe { std::slice::from_raw_parts(q, 4000) };
        assert!(s[..64].iter().all(|&b| b == 0xAB));
        assert!(s[64..].iter().all(|&b| b == 0));
        assert_eq!(unsafe { h.size(q) }, Some(4000));
        let r = unsafe { h.realloc(0, q, 10) }.unwrap();
        assert_eq!(unsafe { h.size(r) }, Some(10));
        unsafe { h.free(r).unwrap() };
    }

    #[test]
    fn in_place_only() {
        let h = ph();
        let p = h.alloc(0, 100).unwrap();
        // Shrinking always fits in place.
        let q = unsafe { h.realloc(HEAP_REALLOC_IN_PLACE_ONLY, p, 50) }.unwrap();
        assert_eq!(p, q);
        assert_eq!(unsafe { h.size(q) }, Some(50));
        assert_eq!(unsafe { h.realloc(HEAP_REALLOC_IN_PLACE_ONLY, q, 1 << 24) }, Err(ERROR_NOT_ENOUGH_MEMORY));
        unsafe { h.free(q).unwrap() };
    }

    #[test]
    fn foreign_pointers_are_refused() {
        let h = ph();
        let private = create(0, 0);
        let ph2 = unsafe { from_handle(private as *mut _) }.unwrap();
        let p = ph2.alloc(0, 32).unwrap();
        assert!(!unsafe { h.owns(p) });
        assert_eq!(unsafe { h.free(p) }, Err(ERROR_INVALID_PARAMETER));
        assert!(unsafe { ph2.validate(p) });
        unsafe { ph2.free(p).unwrap() };
        // Double free is detected.
        assert_eq!(unsafe { ph2.free(p) }, Err(ERROR_INVALID_PARAMETER));
        unsafe { destroy(private as *mut _).unwrap() };
    }

    #[test]
    fn destroy_frees_everything() {
        let hp = create(0, 0);
        let h = unsafe { from_handle(hp as *mut _) }.unwrap();
        let mut ps: Vec<*mut u8> = (0..100).map(|i| h.alloc(0, i * 7).unwrap()).collect();
        for p in ps.iter_mut().step_by(3) {
            *p = unsafe { h.realloc(0, *p, 1000) }.unwrap();
        }
        unsafe { h.free(ps[50]).unwrap() };
        assert!(unsafe { h.validate(null_mut()) });
        unsafe { destroy(hp as *mut _).unwrap() };
        assert!(unsafe { from_handle(null_mut()) }.is_none());
    }

    #[test]
    fn fixed_heap_maximum() {
        let hp = create(0, 1000);
        let h = unsafe { from_handle(hp as *mut _) }.unwrap();
        let a = h.alloc(0, 600).unwrap();
        assert!(h.alloc(0, 600).is_none());
        assert_eq!(unsafe { h.realloc(0, a, 1200) }, Err(ERROR_NOT_ENOUGH_MEMORY));
        unsafe { h.free(a).unwrap() };
        assert!(h.alloc(0, 600).is_some());
        unsafe { destroy(hp as *mut _).unwrap() };
    }

    #[test]
    fn process_heap_cannot_be_destroyed() {
        assert_eq!(unsafe { destroy(process_heap() as *mut _) }, Err(ERROR_INVALID_HANDLE));
    }
}
