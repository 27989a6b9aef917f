//! The helpers behind std::exception's what() string (`__std_exception_data`: the text, and
//! whether the exception owns a copy of it).

use dllcore::export;
use std::ffi::{CStr, c_char, c_void};

/// `__std_exception_data`.
#[repr(C)]
pub struct ExceptionData {
    pub what: *const c_char,
    pub do_free: bool,
}

/// __std_exception_copy: copy `from` into `to`: an owned text is duplicated (owned by `to`);
/// a borrowed one (a literal) is shared.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn __std_exception_copy(from: *const ExceptionData, to: *mut ExceptionData) {
    unsafe {
        let f = &*from;
        if !f.do_free || f.what.is_null() {
            (*to).what = f.what;
            (*to).do_free = false;
            return;
        }
        let copy = msvcrt::heap::dup_bytes(CStr::from_ptr(f.what).to_bytes());
        (*to).what = copy as *const c_char;
        (*to).do_free = !copy.is_null();
    }
}

/// __std_exception_destroy: free an owned text; the data is left empty.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn __std_exception_destroy(d: *mut ExceptionData) {
    unsafe {
        if (*d).do_free {
            msvcrt::heap::free((*d).what as *mut c_void);
        }
        (*d).what = std::ptr::null();
        (*d).do_free = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_owned_and_borrowed() {
        let lit = b"literal\0";
        let owned = msvcrt::heap::dup_bytes(b"owned");
        let a = ExceptionData { what: lit.as_ptr() as _, do_free: false };
        let b = ExceptionData { what: owned as _, do_free: true };
        let mut c = ExceptionData { what: std::ptr::null(), do_free: false };
        unsafe {
            __std_exception_copy(&a, &mut c);
            assert_eq!(c.what, lit.as_ptr() as _);
            assert!(!c.do_free);
            __std_exception_copy(&b, &mut c);
            assert!(c.do_free);
            assert_ne!(c.what, owned as _);
            assert_eq!(CStr::from_ptr(c.what).to_bytes(), b"owned");
            __std_exception_destroy(&mut c);
            assert!(c.what.is_null() && !c.do_free);
            let mut b = b;
            __std_exception_destroy(&mut b);
        }
    }
}
