//! memoryapi.h: virtual memory (the semantics are in `syscall_shims::vm`).

use dllcore::{export, teb};
use syscall_shims::vm;
use windows_sys::Win32::Foundation::{ERROR_BAD_LENGTH, ERROR_INVALID_PARAMETER, ERROR_NOACCESS, FALSE, TRUE};
use windows_sys::Win32::System::Memory::{
    MEM_COMMIT, MEM_IMAGE, MEMORY_BASIC_INFORMATION, PAGE_EXECUTE_WRITECOPY, PAGE_PROTECTION_FLAGS,
    VIRTUAL_ALLOCATION_TYPE, VIRTUAL_FREE_TYPE,
};
use windows_sys::core::BOOL;

/// VirtualAlloc: reserve (MEM_RESERVE, 64 KiB aligned) and/or commit (MEM_COMMIT, zero-filled
/// pages) memory with a PAGE_* protection; returns the base of the range. MEM_COMMIT alone with
/// no address reserves too. ERROR_INVALID_ADDRESS when the range is taken or not reserved,
/// ERROR_INVALID_PARAMETER for bad sizes, types or protections.
/// MEM_TOP_DOWN, MEM_WRITE_WATCH and MEM_LARGE_PAGES are accepted and ignored.
#[export]
pub extern "win64" fn VirtualAlloc(
    addr: *mut core::ffi::c_void,
    size: usize,
    alloc_type: VIRTUAL_ALLOCATION_TYPE,
    protect: PAGE_PROTECTION_FLAGS,
) -> *mut core::ffi::c_void {
    match vm::alloc(addr as usize, size, alloc_type, protect) {
        Ok(p) => p as *mut _,
        Err(e) => teb::fail(e, std::ptr::null_mut()),
    }
}

/// VirtualFree: MEM_RELEASE frees a whole reservation (`addr` its base, `size` 0); MEM_DECOMMIT
/// returns pages to the reserved state (`size` 0 with the base: the whole reservation).
#[export]
pub extern "win64" fn VirtualFree(addr: *mut core::ffi::c_void, size: usize, free_type: VIRTUAL_FREE_TYPE) -> BOOL {
    match vm::free(addr as usize, size, free_type) {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// VirtualProtect: change the protection of committed pages (including image pages the loader
/// mapped), storing the first page's previous protection in `*old`, which must not be NULL
/// (ERROR_NOACCESS). ERROR_INVALID_ADDRESS when part of the range is not committed.
/// PAGE_GUARD makes pages inaccessible, but their one-shot guard-page exception is not raised.
#[export]
pub unsafe extern "win64" fn VirtualProtect(
    addr: *mut core::ffi::c_void,
    size: usize,
    new: PAGE_PROTECTION_FLAGS,
    old: *mut PAGE_PROTECTION_FLAGS,
) -> BOOL {
    if old.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    match vm::protect(addr as usize, size, new) {
        Ok(prev) => {
            // SAFETY: the program passes a DWORD to fill.
            unsafe { *old = prev };
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// Memory inside a loaded module: (module base), if the loader knows the address.
fn image_base_of(addr: usize) -> Option<usize> {
    let l = dllcore::loader_api::try_loader()?;
    let (_, off) = l.describe_address(addr)?;
    Some(addr - off)
}

/// VirtualQuery: describe the region of pages sharing state and protection that contains
/// `addr`; returns the bytes written (0 with ERROR_INVALID_PARAMETER above the highest user
/// address, ERROR_BAD_LENGTH when the buffer is too small).
/// Memory we did not allocate is described from the host's mappings: committed, with the host
/// protection; pages of loaded modules are MEM_IMAGE.
#[export]
pub unsafe extern "win64" fn VirtualQuery(
    addr: *const core::ffi::c_void,
    info: *mut MEMORY_BASIC_INFORMATION,
    len: usize,
) -> usize {
    if len < std::mem::size_of::<MEMORY_BASIC_INFORMATION>() {
        return teb::fail(ERROR_BAD_LENGTH, 0);
    }
    let Some(mut r) = vm::query(addr as usize) else {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    };
    if r.state == MEM_COMMIT
        && r.kind != MEM_IMAGE
        && let Some(base) = image_base_of(r.base)
    {
        r.kind = MEM_IMAGE;
        r.allocation_base = base;
        r.allocation_protect = PAGE_EXECUTE_WRITECOPY;
    }
    let mbi = MEMORY_BASIC_INFORMATION {
        BaseAddress: r.base as *mut _,
        AllocationBase: r.allocation_base as *mut _,
        AllocationProtect: r.allocation_protect,
        PartitionId: 0,
        RegionSize: r.size,
        State: r.state,
        Protect: r.protect,
        Type: r.kind,
    };
    if info.is_null() {
        return teb::fail(ERROR_NOACCESS, 0);
    }
    // SAFETY: the program passes a buffer of at least `len` >= sizeof bytes.
    unsafe { info.write_unaligned(mbi) };
    std::mem::size_of::<MEMORY_BASIC_INFORMATION>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::GetLastError;
    use windows_sys::Win32::Foundation::{ERROR_INVALID_ADDRESS, ERROR_INVALID_PARAMETER};
    use windows_sys::Win32::System::Memory::{
        MEM_FREE, MEM_PRIVATE, MEM_RELEASE, MEM_RESERVE, PAGE_EXECUTE_READ, PAGE_EXECUTE_READWRITE, PAGE_READONLY,
        PAGE_READWRITE, PAGE_WRITECOPY,
    };

    #[test]
    fn alloc_query_protect_free() {
        teb::attach_current_thread();
        // At an address of its own, so that no other test's mapping lands there once freed.
        let at = 0x2347_0000_0000usize as *mut core::ffi::c_void;
        let p = VirtualAlloc(at, 0x3000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
        assert_eq!(p, at);
        unsafe { *(p as *mut u64) = 42 };
        let mut mbi = MEMORY_BASIC_INFORMATION::default();
        let n = unsafe { VirtualQuery(p, &mut mbi, std::mem::size_of_val(&mbi)) };
        assert_eq!(n, std::mem::size_of::<MEMORY_BASIC_INFORMATION>());
        assert_eq!((mbi.BaseAddress, mbi.AllocationBase, mbi.RegionSize), (p, p, 0x3000));
        assert_eq!((mbi.State, mbi.Protect, mbi.Type), (MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE));
        let mut old = 0;
        assert_eq!(unsafe { VirtualProtect(p, 0x1000, PAGE_READONLY, &mut old) }, TRUE);
        assert_eq!(old, PAGE_READWRITE);
        assert_eq!(unsafe { VirtualProtect(p, 0x1000, PAGE_READONLY, std::ptr::null_mut()) }, FALSE);
        assert_eq!(GetLastError(), ERROR_NOACCESS);
        assert_eq!(unsafe { VirtualQuery(p, &mut mbi, 8) }, 0);
        assert_eq!(GetLastError(), ERROR_BAD_LENGTH);
        assert_eq!(VirtualFree(p, 0x1000, MEM_RELEASE), FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        assert_eq!(VirtualFree(p, 0, MEM_RELEASE), TRUE);
        assert_eq!(VirtualFree(p, 0, MEM_RELEASE), FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_ADDRESS);
        assert_eq!(unsafe { VirtualQuery(p, &mut mbi, std::mem::size_of_val(&mbi)) }, std::mem::size_of_val(&mbi));
        assert_eq!(mbi.State, MEM_FREE);
        assert!(VirtualAlloc(std::ptr::null_mut(), 0x1000, MEM_COMMIT, PAGE_WRITECOPY).is_null());
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
    }

    #[test]
    fn query_like_pseudo_relocation_code() {
        // mingw's pseudo-relocation pass: query a code page, make it writable, restore it.
        teb::attach_current_thread();
        let code = query_like_pseudo_relocation_code as *const () as *mut core::ffi::c_void;
        let mut mbi = MEMORY_BASIC_INFORMATION::default();
        assert_ne!(unsafe { VirtualQuery(code, &mut mbi, std::mem::size_of_val(&mbi)) }, 0);
        assert_eq!((mbi.State, mbi.Protect), (MEM_COMMIT, PAGE_EXECUTE_READ));
        assert!(mbi.BaseAddress as usize <= code as usize);
        assert!(code as usize - (mbi.BaseAddress as usize) < mbi.RegionSize);
        let mut old = 0;
        assert_eq!(unsafe { VirtualProtect(mbi.BaseAddress, 0x1000, PAGE_EXECUTE_READWRITE, &mut old) }, TRUE);
        assert_eq!(old, PAGE_EXECUTE_READ);
        let mut back = 0;
        assert_eq!(unsafe { VirtualProtect(mbi.BaseAddress, 0x1000, old, &mut back) }, TRUE);
        assert_eq!(back, PAGE_EXECUTE_READWRITE);
    }
}
