//! locale.h: the C runtime only knows the "C" locale.
//!
//! The code page reported is 65001 (UTF-8), the ANSI code page kernel32's GetACP reports in
//! wine-rs, so that narrow text is UTF-8 throughout. (Wine's msvcrt reports 0, "use the ANSI
//! code page", for the C locale: programs end up in the same place through GetACP.)
//! MB_CUR_MAX stays 1, as msvcrt's C locale has it.

#![allow(non_upper_case_globals)] // the CRT's own names for its data exports

use dllcore::export;
use std::ffi::c_void;

/// The code page narrow strings are in.
pub const CODEPAGE: u32 = 65001;

/// __mb_cur_max: the longest multibyte character of the locale.
#[export(only = crate::MSVCRT)]
pub static mut __mb_cur_max: i32 = 1;

/// ___lc_codepage_func: the locale's code page.
#[export]
pub extern "win64" fn ___lc_codepage_func() -> u32 {
    CODEPAGE
}

/// ___mb_cur_max_func: MB_CUR_MAX.
#[export]
pub extern "win64" fn ___mb_cur_max_func() -> i32 {
    unsafe { __mb_cur_max }
}

/// __p___mb_cur_max.
#[export]
pub extern "win64" fn __p___mb_cur_max() -> *mut i32 {
    &raw mut __mb_cur_max
}

/// The LCIDs of the six categories (all 0: the C locale).
static mut LC_HANDLE: [u32; 6] = [0; 6];

/// ___lc_handle_func: the locale's LCID per category.
#[export]
pub extern "win64" fn ___lc_handle_func() -> *mut u32 {
    &raw mut LC_HANDLE as *mut u32
}

/// `struct lconv` (the UCRT appends the wide strings; msvcrt readers stop before them).
#[repr(C)]
pub struct Lconv {
    pub decimal_point: *const u8,
    pub thousands_sep: *const u8,
    pub grouping: *const u8,
    pub int_curr_symbol: *const u8,
    pub currency_symbol: *const u8,
    pub mon_decimal_point: *const u8,
    pub mon_thousands_sep: *const u8,
    pub mon_grouping: *const u8,
    pub positive_sign: *const u8,
    pub negative_sign: *const u8,
    pub int_frac_digits: i8,
    pub frac_digits: i8,
    pub p_cs_precedes: i8,
    pub p_sep_by_space: i8,
    pub n_cs_precedes: i8,
    pub n_sep_by_space: i8,
    pub p_sign_posn: i8,
    pub n_sign_posn: i8,
    pub w_decimal_point: *const u16,
    pub w_thousands_sep: *const u16,
    pub w_int_curr_symbol: *const u16,
    pub w_currency_symbol: *const u16,
    pub w_mon_decimal_point: *const u16,
    pub w_mon_thousands_sep: *const u16,
    pub w_positive_sign: *const u16,
    pub w_negative_sign: *const u16,
}

const EMPTY: *const u8 = c"".as_ptr() as *const u8;
const WDOT: &[u16] = &[b'.' as u16, 0];
const WEMPTY: &[u16] = &[0];

/// The C locale's conventions (CHAR_MAX = 127 for "not available").
static mut C_LCONV: Lconv = Lconv {
    decimal_point: c".".as_ptr() as *const u8,
    thousands_sep: EMPTY,
    grouping: EMPTY,
    int_curr_symbol: EMPTY,
    currency_symbol: EMPTY,
    mon_decimal_point: EMPTY,
    mon_thousands_sep: EMPTY,
    mon_grouping: EMPTY,
    positive_sign: EMPTY,
    negative_sign: EMPTY,
    int_frac_digits: 127,
    frac_digits: 127,
    p_cs_precedes: 127,
    p_sep_by_space: 127,
    n_cs_precedes: 127,
    n_sep_by_space: 127,
    p_sign_posn: 127,
    n_sign_posn: 127,
    w_decimal_point: WDOT.as_ptr(),
    w_thousands_sep: WEMPTY.as_ptr(),
    w_int_curr_symbol: WEMPTY.as_ptr(),
    w_currency_symbol: WEMPTY.as_ptr(),
    w_mon_decimal_point: WEMPTY.as_ptr(),
    w_mon_thousands_sep: WEMPTY.as_ptr(),
    w_positive_sign: WEMPTY.as_ptr(),
    w_negative_sign: WEMPTY.as_ptr(),
};

/// localeconv: the C locale's numeric and monetary conventions.
#[export]
pub extern "win64" fn localeconv() -> *mut Lconv {
    &raw mut C_LCONV
}

const LC_MAX: i32 = 5;
static C_NAME: &[u8] = b"C\0";
static C_WNAME: &[u16] = &[b'C' as u16, 0];

/// setlocale: queries and "C" (or "", the user default, which is "C" here) give "C"; other
/// locales are not available (NULL).
#[export]
pub unsafe extern "win64" fn setlocale(category: i32, locale: *const u8) -> *const u8 {
    if !(0..=LC_MAX).contains(&category) {
        return std::ptr::null();
    }
    match unsafe { dllcore::strings::cstr(locale) } {
        None | Some(b"") | Some(b"C") => C_NAME.as_ptr(),
        Some(other) => {
            log::warn!(
                "setlocale({category}, {:?}): only the C locale is available",
                String::from_utf8_lossy(other)
            );
            std::ptr::null()
        }
    }
}

/// _wsetlocale.
#[export]
pub unsafe extern "win64" fn _wsetlocale(category: i32, locale: *const u16) -> *const u16 {
    if !(0..=LC_MAX).contains(&category) {
        return std::ptr::null();
    }
    match unsafe { dllcore::strings::wstr(locale) } {
        None | Some([]) | Some([0x43]) => C_WNAME.as_ptr(),
        Some(_) => std::ptr::null(),
    }
}

/// _configthreadlocale: per-thread locales are not kept apart; report "global" (2).
#[export]
pub extern "win64" fn _configthreadlocale(_mode: i32) -> i32 {
    2
}

/// ___lc_locale_name_func (UCRT and newer msvcrt): the locale names (all NULL: "C").
#[export]
pub extern "win64" fn ___lc_locale_name_func() -> *mut c_void {
    static mut NAMES: [usize; 6] = [0; 6];
    &raw mut NAMES as *mut c_void
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_locale() {
        assert_eq!(___lc_codepage_func(), 65001);
        assert_eq!(___mb_cur_max_func(), 1);
        assert_eq!(unsafe { *__p___mb_cur_max() }, 1);
        let l = unsafe { &*localeconv() };
        assert_eq!(
            unsafe { dllcore::strings::cstr(l.decimal_point) }.unwrap(),
            b"."
        );
        assert_eq!(
            unsafe { dllcore::strings::cstr(l.thousands_sep) }.unwrap(),
            b""
        );
        assert_eq!(l.frac_digits, 127);
        let q = unsafe { setlocale(0, std::ptr::null()) };
        assert_eq!(unsafe { dllcore::strings::cstr(q) }.unwrap(), b"C");
        assert_eq!(
            unsafe { dllcore::strings::cstr(setlocale(0, c"".as_ptr().cast())) }.unwrap(),
            b"C"
        );
        assert!(unsafe { setlocale(0, c"French".as_ptr().cast()) }.is_null());
        assert!(unsafe { setlocale(9, std::ptr::null()) }.is_null());
        assert_eq!(std::mem::offset_of!(Lconv, int_frac_digits), 80);
        assert_eq!(std::mem::offset_of!(Lconv, w_decimal_point), 88);
    }
}
