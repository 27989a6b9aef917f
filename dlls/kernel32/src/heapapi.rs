//! heapapi.h and the Global/Local allocators of winbase.h (the heaps are in
//! `syscall_shims::heap`).

use dllcore::{export, teb};
use syscall_shims::heap::{self, Heap};
use windows_sys::Win32::Foundation::{
    ERROR_INVALID_HANDLE, ERROR_NOT_ENOUGH_MEMORY, FALSE, HANDLE, HGLOBAL, HLOCAL, TRUE,
};
use windows_sys::Win32::System::Memory::{
    GLOBAL_ALLOC_FLAGS, GMEM_ZEROINIT, HEAP_FLAGS, HEAP_ZERO_MEMORY, LOCAL_ALLOC_FLAGS,
};
use windows_sys::core::BOOL;

/// The heap behind a handle (NULL for garbage: Windows would fault or fail).
fn heap_of<'a>(h: HANDLE) -> Option<&'a Heap> {
    // SAFETY: a heap handle points at a Heap; garbage would fault on Windows too.
    unsafe { heap::from_handle(h) }
}

/// GetProcessHeap: the process's default heap.
#[export]
pub extern "win64" fn GetProcessHeap() -> HANDLE {
    heap::process_heap() as HANDLE
}

/// HeapCreate: a private heap; `max` 0 makes it growable, otherwise allocations beyond `max`
/// bytes fail. `initial` is only a hint.
/// HEAP_CREATE_ENABLE_EXECUTE is not honoured: blocks are not executable.
#[export]
pub extern "win64" fn HeapCreate(options: HEAP_FLAGS, _initial: usize, max: usize) -> HANDLE {
    heap::create(options, max) as HANDLE
}

/// HeapDestroy: free a private heap and every block in it. The process heap cannot be destroyed
/// (ERROR_INVALID_HANDLE).
#[export]
pub extern "win64" fn HeapDestroy(h: HANDLE) -> BOOL {
    // SAFETY: the program passes a heap handle nobody else uses any more.
    match unsafe { heap::destroy(h) } {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// HeapAlloc: `size` bytes, 16-byte aligned, zeroed with HEAP_ZERO_MEMORY; NULL on failure,
/// without setting the last error (documented).
/// HEAP_GENERATE_EXCEPTIONS does not raise STATUS_NO_MEMORY yet.
#[export]
pub extern "win64" fn HeapAlloc(h: HANDLE, flags: HEAP_FLAGS, size: usize) -> *mut core::ffi::c_void {
    heap_of(h).and_then(|hp| hp.alloc(flags, size)).unwrap_or(std::ptr::null_mut()) as *mut _
}

/// HeapReAlloc: resize a block, moving it unless HEAP_REALLOC_IN_PLACE_ONLY; the new bytes are
/// zeroed with HEAP_ZERO_MEMORY. NULL on failure (the block is unchanged), without setting the
/// last error (documented).
#[export]
pub unsafe extern "win64" fn HeapReAlloc(
    h: HANDLE,
    flags: HEAP_FLAGS,
    mem: *mut core::ffi::c_void,
    size: usize,
) -> *mut core::ffi::c_void {
    let Some(hp) = heap_of(h) else { return std::ptr::null_mut() };
    // SAFETY: the program passes a block of this heap.
    unsafe { hp.realloc(flags, mem as *mut u8, size) }.map_or(std::ptr::null_mut(), |p| p as *mut _)
}

/// HeapFree: free a block (NULL is accepted); FALSE with ERROR_INVALID_PARAMETER for a pointer
/// the heap did not hand out.
#[export]
pub unsafe extern "win64" fn HeapFree(h: HANDLE, _flags: HEAP_FLAGS, mem: *mut core::ffi::c_void) -> BOOL {
    let Some(hp) = heap_of(h) else { return teb::fail(ERROR_INVALID_HANDLE, FALSE) };
    // SAFETY: the program passes a block of this heap.
    match unsafe { hp.free(mem as *mut u8) } {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// HeapSize: the size requested for a block; (SIZE_T)-1 for a pointer the heap did not hand out.
#[export]
pub unsafe extern "win64" fn HeapSize(h: HANDLE, _flags: HEAP_FLAGS, mem: *const core::ffi::c_void) -> usize {
    // SAFETY: the program passes a block of this heap.
    heap_of(h).and_then(|hp| unsafe { hp.size(mem as *mut u8) }).unwrap_or(usize::MAX)
}

/// HeapValidate: is `mem` a block of this heap (or, with NULL, is the whole heap consistent)?
#[export]
pub unsafe extern "win64" fn HeapValidate(h: HANDLE, _flags: HEAP_FLAGS, mem: *const core::ffi::c_void) -> BOOL {
    // SAFETY: the program passes a block of this heap or NULL.
    heap_of(h).is_some_and(|hp| unsafe { hp.validate(mem as *mut u8) }) as BOOL
}

fn process_heap() -> &'static Heap {
    // SAFETY: the process heap is a static Heap.
    unsafe { heap::from_handle(heap::process_heap() as HANDLE) }.expect("process heap")
}

fn global_alloc(flags: u32, size: usize) -> *mut core::ffi::c_void {
    let zero = if flags & GMEM_ZEROINIT != 0 { HEAP_ZERO_MEMORY } else { 0 };
    match process_heap().alloc(zero, size) {
        Some(p) => p as *mut _,
        None => teb::fail(ERROR_NOT_ENOUGH_MEMORY, std::ptr::null_mut()),
    }
}

/// Free a Global/Local block: NULL on success, the block with ERROR_INVALID_HANDLE otherwise.
fn global_free(mem: *mut core::ffi::c_void) -> *mut core::ffi::c_void {
    // SAFETY: the program passes a block from GlobalAlloc/LocalAlloc.
    match unsafe { process_heap().free(mem as *mut u8) } {
        Ok(()) => std::ptr::null_mut(),
        Err(_) => teb::fail(ERROR_INVALID_HANDLE, mem),
    }
}

fn global_size(mem: *mut core::ffi::c_void) -> usize {
    // SAFETY: the program passes a block from GlobalAlloc/LocalAlloc.
    match unsafe { process_heap().size(mem as *mut u8) } {
        Some(n) => n,
        None => teb::fail(ERROR_INVALID_HANDLE, 0),
    }
}

/// GlobalAlloc: a block on the process heap (GMEM_ZEROINIT zeroes it).
/// Memory is always fixed: GMEM_MOVEABLE also returns a pointer, which GlobalLock returns as is.
#[export]
pub extern "win64" fn GlobalAlloc(flags: GLOBAL_ALLOC_FLAGS, size: usize) -> HGLOBAL {
    global_alloc(flags, size)
}

/// GlobalFree: free a block; NULL on success, the handle (ERROR_INVALID_HANDLE) on failure.
#[export]
pub extern "win64" fn GlobalFree(mem: HGLOBAL) -> HGLOBAL {
    global_free(mem)
}

/// GlobalSize: the block's size; 0 with ERROR_INVALID_HANDLE for a bad handle.
#[export]
pub extern "win64" fn GlobalSize(mem: HGLOBAL) -> usize {
    global_size(mem)
}

/// GlobalLock: the address of a block (fixed memory: the handle itself).
#[export]
pub extern "win64" fn GlobalLock(mem: HGLOBAL) -> *mut core::ffi::c_void {
    mem
}

/// GlobalUnlock: unlock a block (fixed memory is never locked: TRUE, as Wine answers).
#[export]
pub extern "win64" fn GlobalUnlock(_mem: HGLOBAL) -> BOOL {
    TRUE
}

/// LocalAlloc: a block on the process heap (LMEM_ZEROINIT zeroes it).
/// Memory is always fixed: LMEM_MOVEABLE also returns a pointer, which LocalLock returns as is.
#[export]
pub extern "win64" fn LocalAlloc(flags: LOCAL_ALLOC_FLAGS, size: usize) -> HLOCAL {
    global_alloc(flags, size)
}

/// LocalFree: free a block; NULL on success, the handle (ERROR_INVALID_HANDLE) on failure.
#[export]
pub extern "win64" fn LocalFree(mem: HLOCAL) -> HLOCAL {
    global_free(mem)
}

/// LocalSize: the block's size; 0 with ERROR_INVALID_HANDLE for a bad handle.
#[export]
pub extern "win64" fn LocalSize(mem: HLOCAL) -> usize {
    global_size(mem)
}

/// LocalLock: the address of a block (fixed memory: the handle itself).
#[export]
pub extern "win64" fn LocalLock(mem: HLOCAL) -> *mut core::ffi::c_void {
    mem
}

/// LocalUnlock: unlock a block (fixed memory is never locked: TRUE, as Wine answers).
#[export]
pub extern "win64" fn LocalUnlock(_mem: HLOCAL) -> BOOL {
    TRUE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::GetLastError;
    use windows_sys::Win32::Foundation::ERROR_INVALID_PARAMETER;
    use windows_sys::Win32::System::Memory::{GPTR, LPTR};

    #[test]
    fn process_heap_blocks() {
        teb::attach_current_thread();
        let h = GetProcessHeap();
        let p = HeapAlloc(h, HEAP_ZERO_MEMORY, 33);
        assert!(!p.is_null() && (p as usize).is_multiple_of(16));
        assert_eq!(unsafe { HeapSize(h, 0, p) }, 33);
        assert_eq!(unsafe { HeapValidate(h, 0, p) }, TRUE);
        let q = unsafe { HeapReAlloc(h, HEAP_ZERO_MEMORY, p, 1000) };
        assert_eq!(unsafe { HeapSize(h, 0, q) }, 1000);
        assert!(unsafe { std::slice::from_raw_parts(q as *const u8, 1000) }.iter().all(|&b| b == 0));
        assert_eq!(unsafe { HeapFree(h, 0, q) }, TRUE);
        assert_eq!(unsafe { HeapFree(h, 0, std::ptr::null_mut()) }, TRUE);
        assert_eq!(HeapDestroy(h), FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
    }

    #[test]
    fn private_heap() {
        teb::attach_current_thread();
        let h = HeapCreate(0, 0, 0);
        assert!(!h.is_null());
        let blocks: Vec<_> = (1..50).map(|i| HeapAlloc(h, 0, i * 10)).collect();
        assert!(blocks.iter().all(|p| !p.is_null()));
        assert_eq!(unsafe { HeapFree(GetProcessHeap(), 0, blocks[0]) }, FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        assert_eq!(unsafe { HeapValidate(h, 0, std::ptr::null()) }, TRUE);
        assert_eq!(HeapDestroy(h), TRUE);
    }

    #[test]
    fn global_and_local() {
        teb::attach_current_thread();
        let g = GlobalAlloc(GPTR, 100);
        assert!(!g.is_null());
        assert_eq!(GlobalSize(g), 100);
        assert_eq!(GlobalLock(g), g);
        assert!(unsafe { std::slice::from_raw_parts(g as *const u8, 100) }.iter().all(|&b| b == 0));
        assert!(GlobalFree(g).is_null());
        let l = LocalAlloc(LPTR, 7);
        assert_eq!(LocalSize(l), 7);
        assert!(LocalFree(l).is_null());
        let bogus = Box::into_raw(Box::new([0u64; 4])) as *mut u64;
        let inner = unsafe { bogus.add(2) } as *mut core::ffi::c_void;
        assert_eq!(LocalFree(inner), inner);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        drop(unsafe { Box::from_raw(bogus as *mut [u64; 4]) });
    }
}
