//! locale.h: the "C" locale and UTF-8 locales, per category, plus `_locale_t` objects.
//!
//! Two locales exist: "C" and a UTF-8 one (".UTF-8", ".utf8", ".65001", "en_US.UTF-8", any
//! "xx_YY.UTF-8"; named "English_United States.65001" as Wine 8 names it). What each category
//! changes:
//! - LC_CTYPE: multibyte conversions (byte = character in "C", UTF-8 otherwise), MB_CUR_MAX
//!   (1 or 4), `towupper`/`towlower` (A-Z only in "C", Unicode simple mappings otherwise),
//!   `___lc_codepage_func` (0 in "C", as on Windows where 0 means CP_ACP; 65001 otherwise).
//! - LC_NUMERIC / LC_MONETARY: `localeconv` (en_US conventions in the UTF-8 locale: the values
//!   Wine 8 gives).
//! - LC_COLLATE: nothing (collation is byte/unit order; Windows uses CompareString).
//! - LC_TIME: nothing (strftime keeps the C locale's names and formats).
//!
//! msvcrt.dll refuses UTF-8 locale names (NULL), as Windows' and Wine's msvcrt do; ucrtbase
//! accepts them. `setlocale(cat, "")`, the user's default, is the UTF-8 locale in both DLLs:
//! wine-rs' ANSI code page is 65001, as on Windows with the "UTF-8 for worldwide language
//! support" setting.

#![allow(non_upper_case_globals)] // the CRT's own names for its data exports

use dllcore::export;
use std::ffi::c_void;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

pub const LC_ALL: i32 = 0;
pub const LC_COLLATE: i32 = 1;
pub const LC_CTYPE: i32 = 2;
pub const LC_MONETARY: i32 = 3;
pub const LC_NUMERIC: i32 = 4;
pub const LC_TIME: i32 = 5;
const LC_MAX: i32 = 5;

/// The code page of the UTF-8 locale.
pub const CP_UTF8: u32 = 65001;

/// The name `setlocale` reports for the UTF-8 locale.
const UTF8_NAME: &str = "English_United States.65001";
const CATEGORY_NAMES: [&str; 5] = [
    "LC_COLLATE",
    "LC_CTYPE",
    "LC_MONETARY",
    "LC_NUMERIC",
    "LC_TIME",
];

/// The global locale: for each category (index 1..=5), whether it is the UTF-8 locale.
static GLOBAL: Mutex<[bool; 6]> = Mutex::new([false; 6]);
/// Fast copies of what other modules ask for.
static CTYPE_UTF8: AtomicBool = AtomicBool::new(false);
static NUMERIC_UTF8: AtomicBool = AtomicBool::new(false);
static MONETARY_UTF8: AtomicBool = AtomicBool::new(false);
static CODEPAGE: AtomicU32 = AtomicU32::new(0);

/// __mb_cur_max: the longest multibyte character of the locale.
#[export(only = crate::MSVCRT)]
pub static mut __mb_cur_max: i32 = 1;

/// __lc_codepage (msvcrt data): the LC_CTYPE code page.
#[export(only = crate::MSVCRT)]
pub static mut __lc_codepage: u32 = 0;

/// __lc_collate_cp (msvcrt data).
#[export(only = crate::MSVCRT)]
pub static mut __lc_collate_cp: u32 = 0;

/// What a `_locale_t` points to (`_locale_tstruct`): the locale data and the multibyte data,
/// then (our own, past what programs see) the UTF-8 flag of each category.
///
/// Programs read `locinfo` through their headers' inline code, and the two DLLs' layouts
/// differ: msvcrt's `threadlocinfo` (mingw-w64's `_isalpha_l` reads its `mb_cur_max` and
/// `pctype`) and the UCRT's `__crt_locale_data_public` (`_locale_pctype`,
/// `_locale_mb_cur_max`, `_locale_lc_codepage`). Each DLL's `_create_locale` builds its own.
#[repr(C)]
pub struct LocaleObj {
    pub locinfo: *mut c_void,
    pub mbcinfo: *mut c_void,
    /// Per category (1..=5): the UTF-8 locale.
    pub utf8: [bool; 6],
    pub ucrt: bool,
}

/// msvcrt's `threadlocinfo`.
#[repr(C)]
pub struct MsvcrtLocinfo {
    pub refcount: i32,
    pub lc_codepage: u32,
    pub lc_collate_cp: u32,
    pub lc_handle: [u32; 6],
    pub lc_id: [[u16; 3]; 6],
    pub lc_category: [[usize; 4]; 6],
    pub lc_clike: i32,
    pub mb_cur_max: i32,
    pub lconv_intl_refcount: usize,
    pub lconv_num_refcount: usize,
    pub lconv_mon_refcount: usize,
    pub lconv: *mut Lconv,
    pub ctype1_refcount: usize,
    pub ctype1: *mut u16,
    pub pctype: *const u16,
    pub pclmap: *const u8,
    pub pcumap: *const u8,
    pub lc_time_curr: usize,
}

/// The UCRT's `__crt_locale_data_public` (the head of its locale data).
#[repr(C)]
pub struct UcrtLocinfo {
    pub pctype: *const u16,
    pub mb_cur_max: i32,
    pub lc_codepage: u32,
}

/// Bytes of the zeroed `threadmbcinfo` each object gets (msvcrt's is 540; no lead bytes).
const MBCINFO_SIZE: usize = 1024;

fn lock() -> std::sync::MutexGuard<'static, [bool; 6]> {
    GLOBAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn publish(cats: &[bool; 6]) {
    CTYPE_UTF8.store(cats[LC_CTYPE as usize], Ordering::Release);
    NUMERIC_UTF8.store(cats[LC_NUMERIC as usize], Ordering::Release);
    MONETARY_UTF8.store(cats[LC_MONETARY as usize], Ordering::Release);
    let cp = if cats[LC_CTYPE as usize] { CP_UTF8 } else { 0 };
    CODEPAGE.store(cp, Ordering::Release);
    // SAFETY: plain stores to the DLL's data; readers tolerate a race as on Windows.
    unsafe {
        __mb_cur_max = if cats[LC_CTYPE as usize] { 4 } else { 1 };
        __lc_codepage = cp;
        __lc_collate_cp = if cats[LC_COLLATE as usize] {
            CP_UTF8
        } else {
            0
        };
    }
}

/// Is LC_CTYPE of `locale` (a `_locale_t`, or 0 for the global locale) UTF-8?
pub fn ctype_utf8(locale: usize) -> bool {
    if locale != 0 {
        // SAFETY: a `_locale_t` the program got from `_create_locale`.
        return unsafe { (*(locale as *const LocaleObj)).utf8[LC_CTYPE as usize] };
    }
    CTYPE_UTF8.load(Ordering::Acquire)
}

/// The global locale's LC_CTYPE code page (0 for "C").
pub fn codepage() -> u32 {
    CODEPAGE.load(Ordering::Acquire)
}

/// What a locale name means: Some(false) "C", Some(true) UTF-8, None not available.
fn parse_name(name: &str, ucrt: bool) -> Option<bool> {
    if name == "C" || name == "POSIX" {
        return Some(false);
    }
    if name.is_empty() {
        return Some(true);
    }
    if name == UTF8_NAME {
        return ucrt.then_some(true);
    }
    let lower = name.to_ascii_lowercase();
    let cp = match lower.rsplit_once('.') {
        Some((_, cp)) => cp,
        None => return None,
    };
    if matches!(cp, "utf-8" | "utf8" | "65001") && ucrt {
        Some(true)
    } else {
        None
    }
}

/// `LC_ALL`'s composite name, or the one name when every category agrees.
fn all_name(cats: &[bool; 6]) -> String {
    let one = |u: bool| if u { UTF8_NAME } else { "C" };
    if cats[1..].iter().all(|&u| u == cats[1]) {
        return one(cats[1]).to_string();
    }
    CATEGORY_NAMES
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{n}={}", one(cats[i + 1])))
        .collect::<Vec<_>>()
        .join(";")
}

/// Parse a composite `LC_COLLATE=...;LC_CTYPE=...` name.
fn parse_composite(name: &str, ucrt: bool) -> Option<[bool; 6]> {
    let mut cats = *lock();
    for part in name.split(';') {
        let (k, v) = part.split_once('=')?;
        let i = CATEGORY_NAMES.iter().position(|n| *n == k)?;
        cats[i + 1] = parse_name(v, ucrt)?;
    }
    Some(cats)
}

/// setlocale's work for both widths: Err(()) when refused; Ok(name) of the category.
fn set(category: i32, name: Option<&str>, ucrt: bool) -> Option<String> {
    if !(0..=LC_MAX).contains(&category) {
        return None;
    }
    let mut g = lock();
    if let Some(name) = name {
        let new = if category == LC_ALL && name.contains('=') {
            drop(g);
            let c = parse_composite(name, ucrt)?;
            g = lock();
            c
        } else {
            let utf8 = parse_name(name, ucrt)?;
            let mut c = *g;
            if category == LC_ALL {
                c[1..].iter_mut().for_each(|x| *x = utf8);
            } else {
                c[category as usize] = utf8;
            }
            c
        };
        *g = new;
        publish(&g);
    }
    Some(if category == LC_ALL {
        all_name(&g)
    } else if g[category as usize] {
        UTF8_NAME.to_string()
    } else {
        "C".to_string()
    })
}

thread_local! {
    /// The strings setlocale returns, one per category (a query of one category does not
    /// overwrite the name another call returned, as on Windows).
    static NAME_A: std::cell::RefCell<[Vec<u8>; 6]> = std::cell::RefCell::new(Default::default());
    static NAME_W: std::cell::RefCell<[Vec<u16>; 6]> = std::cell::RefCell::new(Default::default());
}

fn name_a(category: i32, s: String) -> *const u8 {
    NAME_A.with(|b| {
        let mut b = b.borrow_mut();
        let v = &mut b[category as usize];
        *v = s.into_bytes();
        v.push(0);
        v.as_ptr()
    })
}

fn name_w(category: i32, s: String) -> *const u16 {
    NAME_W.with(|b| {
        let mut b = b.borrow_mut();
        let v = &mut b[category as usize];
        *v = s.encode_utf16().collect();
        v.push(0);
        v.as_ptr()
    })
}

unsafe fn arg_a(locale: *const u8) -> Option<String> {
    unsafe { dllcore::strings::cstr(locale) }.map(|b| String::from_utf8_lossy(b).into_owned())
}

unsafe fn arg_w(locale: *const u16) -> Option<String> {
    unsafe { dllcore::strings::wstr(locale) }.map(String::from_utf16_lossy)
}

fn warn_refused(category: i32, name: &Option<String>) {
    if let Some(n) = name {
        log::warn!("setlocale({category}, {n:?}): locale not available");
    }
}

/// setlocale (msvcrt): "C" and "" (the UTF-8 user default); UTF-8 names are refused.
#[export(name = "setlocale", only = crate::MSVCRT)]
pub unsafe extern "win64" fn setlocale_msvcrt(category: i32, locale: *const u8) -> *const u8 {
    let name = unsafe { arg_a(locale) };
    match set(category, name.as_deref(), false) {
        Some(s) => name_a(category, s),
        None => {
            warn_refused(category, &name);
            std::ptr::null()
        }
    }
}

/// setlocale (UCRT): "C", "", and UTF-8 locales.
#[export(name = "setlocale", only = crate::UCRT)]
pub unsafe extern "win64" fn setlocale_ucrt(category: i32, locale: *const u8) -> *const u8 {
    let name = unsafe { arg_a(locale) };
    match set(category, name.as_deref(), true) {
        Some(s) => name_a(category, s),
        None => {
            warn_refused(category, &name);
            std::ptr::null()
        }
    }
}

/// _wsetlocale (msvcrt).
#[export(name = "_wsetlocale", only = crate::MSVCRT)]
pub unsafe extern "win64" fn _wsetlocale_msvcrt(category: i32, locale: *const u16) -> *const u16 {
    let name = unsafe { arg_w(locale) };
    set(category, name.as_deref(), false).map_or(std::ptr::null(), |s| name_w(category, s))
}

/// _wsetlocale (UCRT).
#[export(name = "_wsetlocale", only = crate::UCRT)]
pub unsafe extern "win64" fn _wsetlocale_ucrt(category: i32, locale: *const u16) -> *const u16 {
    let name = unsafe { arg_w(locale) };
    set(category, name.as_deref(), true).map_or(std::ptr::null(), |s| name_w(category, s))
}

/// ___lc_codepage_func: the LC_CTYPE code page (0 in the C locale, as on Windows).
#[export]
pub extern "win64" fn ___lc_codepage_func() -> u32 {
    codepage()
}

/// ___lc_collate_cp_func.
#[export]
pub extern "win64" fn ___lc_collate_cp_func() -> u32 {
    unsafe { __lc_collate_cp }
}

/// ___mb_cur_max_func: MB_CUR_MAX.
#[export]
pub extern "win64" fn ___mb_cur_max_func() -> i32 {
    if ctype_utf8(0) { 4 } else { 1 }
}

/// ___mb_cur_max_l_func.
#[export]
pub extern "win64" fn ___mb_cur_max_l_func(locale: usize) -> i32 {
    if ctype_utf8(locale) { 4 } else { 1 }
}

/// __p___mb_cur_max.
#[export]
pub extern "win64" fn __p___mb_cur_max() -> *mut i32 {
    &raw mut __mb_cur_max
}

/// The LCIDs of the six categories (0: the C locale; 0x409 en-US for UTF-8 ones).
static mut LC_HANDLE: [u32; 6] = [0; 6];

/// ___lc_handle_func: the locale's LCID per category.
#[export]
pub extern "win64" fn ___lc_handle_func() -> *mut u32 {
    let g = *lock();
    unsafe {
        for (i, u) in g.iter().enumerate() {
            LC_HANDLE[i] = if i > 0 && *u { 0x409 } else { 0 };
        }
    }
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
const DOT: *const u8 = c".".as_ptr() as *const u8;
const WDOT: &[u16] = &[b'.' as u16, 0];
const WEMPTY: &[u16] = &[0];
const WCOMMA: &[u16] = &[b',' as u16, 0];
const WUSD: &[u16] = &[b'U' as u16, b'S' as u16, b'D' as u16, 0];
const WDOLLAR: &[u16] = &[b'$' as u16, 0];
const WMINUS: &[u16] = &[b'-' as u16, 0];

/// The C locale's conventions (CHAR_MAX = 127 for "not available").
const C_LCONV: Lconv = Lconv {
    decimal_point: DOT,
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

static mut LCONV: Lconv = C_LCONV;

/// localeconv: the numeric (LC_NUMERIC) and monetary (LC_MONETARY) conventions.
#[export]
pub extern "win64" fn localeconv() -> *mut Lconv {
    let mut l = C_LCONV;
    if NUMERIC_UTF8.load(Ordering::Acquire) {
        l.thousands_sep = c",".as_ptr().cast();
        l.grouping = c"\x03".as_ptr().cast();
        l.w_thousands_sep = WCOMMA.as_ptr();
    }
    if MONETARY_UTF8.load(Ordering::Acquire) {
        l.int_curr_symbol = c"USD".as_ptr().cast();
        l.currency_symbol = c"$".as_ptr().cast();
        l.mon_decimal_point = DOT;
        l.mon_thousands_sep = c",".as_ptr().cast();
        l.mon_grouping = c"\x03".as_ptr().cast();
        l.negative_sign = c"-".as_ptr().cast();
        (l.int_frac_digits, l.frac_digits) = (2, 2);
        (
            l.p_cs_precedes,
            l.p_sep_by_space,
            l.n_cs_precedes,
            l.n_sep_by_space,
        ) = (1, 0, 1, 0);
        (l.p_sign_posn, l.n_sign_posn) = (3, 0);
        l.w_int_curr_symbol = WUSD.as_ptr();
        l.w_currency_symbol = WDOLLAR.as_ptr();
        l.w_mon_decimal_point = WDOT.as_ptr();
        l.w_mon_thousands_sep = WCOMMA.as_ptr();
        l.w_negative_sign = WMINUS.as_ptr();
    }
    // SAFETY: the process-wide lconv, as Windows has it (rewritten by each call).
    unsafe {
        LCONV = l;
        &raw mut LCONV
    }
}

/// _configthreadlocale: per-thread locales are not kept apart; report "global" (2).
#[export]
pub extern "win64" fn _configthreadlocale(_mode: i32) -> i32 {
    2
}

/// ___lc_locale_name_func (UCRT and newer msvcrt): the locale names (NULL: "C").
#[export]
pub extern "win64" fn ___lc_locale_name_func() -> *mut c_void {
    static EN_US: &[u16] = &[
        b'e' as u16,
        b'n' as u16,
        b'-' as u16,
        b'U' as u16,
        b'S' as u16,
        0,
    ];
    static mut NAMES: [usize; 6] = [0; 6];
    let g = *lock();
    unsafe {
        for (i, u) in g.iter().enumerate() {
            NAMES[i] = if i > 0 && *u {
                EN_US.as_ptr() as usize
            } else {
                0
            };
        }
    }
    &raw mut NAMES as *mut c_void
}

fn make_locale(cats: [bool; 6], ucrt: bool) -> *mut LocaleObj {
    let utf8 = cats[LC_CTYPE as usize];
    let (mb_cur_max, cp) = if utf8 { (4, CP_UTF8) } else { (1, 0) };
    let pctype = crate::ctype::__pctype_func() as *const u16;
    let locinfo = if ucrt {
        Box::into_raw(Box::new(UcrtLocinfo {
            pctype,
            mb_cur_max,
            lc_codepage: cp,
        })) as *mut c_void
    } else {
        let lconv = Box::into_raw(Box::new(C_LCONV));
        Box::into_raw(Box::new(MsvcrtLocinfo {
            refcount: 1,
            lc_codepage: cp,
            lc_collate_cp: if cats[LC_COLLATE as usize] {
                CP_UTF8
            } else {
                0
            },
            lc_handle: std::array::from_fn(|i| if i > 0 && cats[i] { 0x409 } else { 0 }),
            lc_id: [[0; 3]; 6],
            lc_category: [[0; 4]; 6],
            lc_clike: 1,
            mb_cur_max,
            lconv_intl_refcount: 0,
            lconv_num_refcount: 0,
            lconv_mon_refcount: 0,
            lconv,
            ctype1_refcount: 0,
            ctype1: std::ptr::null_mut(),
            pctype,
            pclmap: std::ptr::null(),
            pcumap: std::ptr::null(),
            lc_time_curr: 0,
        })) as *mut c_void
    };
    let mbcinfo = Box::into_raw(Box::new([0u8; MBCINFO_SIZE])) as *mut c_void;
    Box::into_raw(Box::new(LocaleObj {
        locinfo,
        mbcinfo,
        utf8: cats,
        ucrt,
    }))
}

fn create(category: i32, name: Option<String>, ucrt: bool) -> *mut LocaleObj {
    let Some(name) = name else {
        return std::ptr::null_mut();
    };
    if !(0..=LC_MAX).contains(&category) {
        return std::ptr::null_mut();
    }
    let cats = if category == LC_ALL && name.contains('=') {
        parse_composite(&name, ucrt)
    } else {
        parse_name(&name, ucrt).map(|u| {
            let mut c = [false; 6];
            if category == LC_ALL {
                c[1..].iter_mut().for_each(|x| *x = u);
            } else {
                c[category as usize] = u;
            }
            c
        })
    };
    cats.map_or(std::ptr::null_mut(), |c| make_locale(c, ucrt))
}

/// _create_locale (msvcrt): a locale object ("C" or the user default "").
#[export(name = "_create_locale", only = crate::MSVCRT)]
pub unsafe extern "win64" fn _create_locale_msvcrt(
    category: i32,
    name: *const u8,
) -> *mut LocaleObj {
    create(category, unsafe { arg_a(name) }, false)
}

/// _create_locale (UCRT): "C", "" and UTF-8 locales.
#[export(name = "_create_locale", only = crate::UCRT)]
pub unsafe extern "win64" fn _create_locale_ucrt(category: i32, name: *const u8) -> *mut LocaleObj {
    create(category, unsafe { arg_a(name) }, true)
}

/// _wcreate_locale.
#[export]
pub unsafe extern "win64" fn _wcreate_locale(category: i32, name: *const u16) -> *mut LocaleObj {
    create(category, unsafe { arg_w(name) }, true)
}

/// _get_current_locale (msvcrt): a new object with the global locale's settings.
#[export(name = "_get_current_locale", only = crate::MSVCRT)]
pub extern "win64" fn _get_current_locale_msvcrt() -> *mut LocaleObj {
    make_locale(*lock(), false)
}

/// _get_current_locale (UCRT).
#[export(name = "_get_current_locale", only = crate::UCRT)]
pub extern "win64" fn _get_current_locale_ucrt() -> *mut LocaleObj {
    make_locale(*lock(), true)
}

/// _free_locale.
#[export]
pub unsafe extern "win64" fn _free_locale(locale: *mut LocaleObj) {
    if locale.is_null() {
        return;
    }
    // SAFETY: an object from make_locale.
    unsafe {
        let obj = Box::from_raw(locale);
        if obj.ucrt {
            drop(Box::from_raw(obj.locinfo as *mut UcrtLocinfo));
        } else {
            let info = Box::from_raw(obj.locinfo as *mut MsvcrtLocinfo);
            drop(Box::from_raw(info.lconv));
        }
        drop(Box::from_raw(obj.mbcinfo as *mut [u8; MBCINFO_SIZE]));
    }
}

/// __lconv_init (msvcrt): nothing to prepare.
#[export(only = crate::MSVCRT)]
pub extern "win64" fn __lconv_init() -> i32 {
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_categories() {
        let _g = crate::tests::serial();
        assert_eq!(set(LC_ALL, None, true).unwrap(), "C");
        assert_eq!(
            set(LC_ALL, Some(".UTF-8"), false),
            None,
            "msvcrt refuses UTF-8"
        );
        assert_eq!(set(LC_ALL, Some("French_France.1252"), true), None);
        assert_eq!(set(LC_CTYPE, Some("en_US.UTF-8"), true).unwrap(), UTF8_NAME);
        assert!(ctype_utf8(0));
        assert_eq!(___mb_cur_max_func(), 4);
        assert_eq!(___lc_codepage_func(), 65001);
        let mixed = set(LC_ALL, None, true).unwrap();
        assert_eq!(
            mixed,
            "LC_COLLATE=C;LC_CTYPE=English_United States.65001;LC_MONETARY=C;LC_NUMERIC=C;LC_TIME=C",
            "Wine 8's composite name"
        );
        assert_eq!(set(LC_ALL, Some("C"), true).unwrap(), "C");
        assert_eq!(set(LC_ALL, Some(&mixed), true).unwrap(), mixed);
        assert_eq!(set(LC_ALL, Some("C"), true).unwrap(), "C");
        assert_eq!(___lc_codepage_func(), 0);
        assert_eq!(___mb_cur_max_func(), 1);
        assert!(set(9, None, true).is_none());
    }

    #[test]
    fn lconv_layout_and_values() {
        let _g = crate::tests::serial();
        set(LC_ALL, Some("C"), true);
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
        set(LC_ALL, Some(".utf8"), true);
        let l = unsafe { &*localeconv() };
        assert_eq!(
            unsafe { dllcore::strings::cstr(l.currency_symbol) }.unwrap(),
            b"$"
        );
        assert_eq!(l.n_sign_posn, 0);
        set(LC_ALL, Some("C"), true);
        assert_eq!(std::mem::offset_of!(Lconv, int_frac_digits), 80);
        assert_eq!(std::mem::offset_of!(Lconv, w_decimal_point), 88);
    }

    #[test]
    fn locale_objects() {
        let l = unsafe { _create_locale_ucrt(LC_ALL, c".UTF-8".as_ptr().cast()) };
        assert!(!l.is_null());
        assert!(ctype_utf8(l as usize));
        assert_eq!(
            unsafe { (*((*l).locinfo as *const UcrtLocinfo)).mb_cur_max },
            4
        );
        unsafe { _free_locale(l) };
        let m = unsafe { _create_locale_msvcrt(LC_ALL, c"C".as_ptr().cast()) };
        let info = unsafe { &*((*m).locinfo as *const MsvcrtLocinfo) };
        assert_eq!(
            (info.mb_cur_max, info.pctype),
            (1, crate::ctype::__pctype_func() as *const u16)
        );
        assert_eq!(std::mem::offset_of!(MsvcrtLocinfo, mb_cur_max), 268);
        assert_eq!(std::mem::offset_of!(MsvcrtLocinfo, pctype), 320);
        let l = m;
        unsafe { _free_locale(l) };
        assert!(unsafe { _create_locale_msvcrt(LC_ALL, c".UTF-8".as_ptr().cast()) }.is_null());
        assert!(unsafe { _create_locale_ucrt(LC_ALL, c"xx_bogus".as_ptr().cast()) }.is_null());
    }
}
