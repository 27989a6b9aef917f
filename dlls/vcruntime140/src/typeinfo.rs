//! type_info: its vtable and destructor, and the `__std_type_info_*` helpers the UCRT-era
//! `<typeinfo>` calls (name, compare, hash, destroy_list).

use dllcore::export;
use msvcrt::cxx::typeinfo as ti;
use std::ffi::{c_char, c_void};

/// ??_7type_info@@6B@: type_info's vtable (data), which every TypeDescriptor points at.
#[export(name = "??_7type_info@@6B@", only = crate::VCRUNTIME140)]
pub static mut TYPE_INFO_VTABLE: [unsafe extern "win64" fn(*mut c_void, u32) -> *mut c_void; 1] =
    [msvcrt::cxx::exports::type_info_deleting_dtor];

/// ??1type_info@@UEAA@XZ (type_info::~type_info): frees the cached undecorated name.
#[export(name = "??1type_info@@UEAA@XZ", only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn type_info_dtor(this: *mut c_void) {
    unsafe { msvcrt::cxx::exports::type_info_dtor(this) }
}

/// `__std_type_info_data`: type_info after its vtable (cached name, decorated name).
#[repr(C)]
pub struct TypeInfoData {
    pub undecorated: *mut c_char,
    pub decorated: [c_char; 1],
}

fn decorated<'a>(d: *const TypeInfoData) -> &'a [u8] {
    // SAFETY: the program passes a type_info's data.
    unsafe { std::ffi::CStr::from_ptr((*d).decorated.as_ptr()) }.to_bytes()
}

/// __std_type_info_compare: 0 when the two types are the same (same decorated name), else the
/// order of the names.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn __std_type_info_compare(a: *const TypeInfoData, b: *const TypeInfoData) -> i32 {
    if a == b { 0 } else { ti::compare(decorated(a), decorated(b)) }
}

/// __std_type_info_hash: FNV-1a of the decorated name (without its '.').
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn __std_type_info_hash(d: *const TypeInfoData) -> usize {
    ti::hash(decorated(d)) as usize
}

/// __std_type_info_name: the undecorated name, made on first use and cached in the
/// type_info; the block is recorded against `root` (the program's `__type_info_root_node`)
/// for __std_type_info_destroy_list.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn __std_type_info_name(d: *mut TypeInfoData, root: *mut c_void) -> *const c_char {
    let before = unsafe { (*d).undecorated };
    // The type_info starts 8 bytes before its data.
    let name = unsafe { ti::name(d as usize - 8) };
    if before.is_null() && !name.is_null() {
        ti::NAME_LISTS.lock().unwrap_or_else(|e| e.into_inner()).push((root as usize, name as usize));
    }
    name
}

/// __std_type_info_destroy_list: free the names __std_type_info_name made for `root` (at
/// module unload). The type_infos keep pointers to them, as on Windows.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn __std_type_info_destroy_list(root: *mut c_void) {
    let mut lists = ti::NAME_LISTS.lock().unwrap_or_else(|e| e.into_inner());
    lists.retain(|&(r, p)| {
        if r == root as usize {
            unsafe { msvcrt::heap::free(p as *mut c_void) };
            false
        } else {
            true
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn make(name: &[u8]) -> Vec<u8> {
        let mut v = vec![0u8; 16];
        v.extend_from_slice(name);
        v.push(0);
        v
    }

    #[test]
    fn name_compare_hash_destroy() {
        let mut a = make(b".?AVfoo@ns@@");
        let b = make(b".?AVfoo@ns@@");
        let c = make(b".H");
        let da = unsafe { a.as_mut_ptr().add(8) } as *mut TypeInfoData;
        let db = unsafe { b.as_ptr().add(8) } as *const TypeInfoData;
        let dc = unsafe { c.as_ptr().add(8) } as *const TypeInfoData;
        unsafe {
            assert_eq!(__std_type_info_compare(da, db), 0);
            assert_ne!(__std_type_info_compare(da, dc), 0);
            assert_eq!(__std_type_info_hash(da), __std_type_info_hash(db));
            assert_ne!(__std_type_info_hash(da), __std_type_info_hash(dc));
            let mut root = [0u64; 2];
            let n = __std_type_info_name(da, root.as_mut_ptr() as _);
            assert_eq!(std::ffi::CStr::from_ptr(n).to_bytes(), b"class ns::foo");
            assert_eq!(__std_type_info_name(da, root.as_mut_ptr() as _), n);
            __std_type_info_destroy_list(root.as_mut_ptr() as _);
            assert!(!ti::NAME_LISTS.lock().unwrap().iter().any(|e| e.0 == root.as_ptr() as usize));
        }
    }
}
