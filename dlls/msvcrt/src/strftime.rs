//! time.h text: `strftime`/`wcsftime`, `asctime`/`ctime` and their wide and `_s` forms,
//! `_strdate`/`_strtime`. The C locale's English names, in both DLLs.
//!
//! The two DLLs differ (as Windows and Wine 8 do):
//! - msvcrt.dll knows the conversions of C89 and Microsoft (`%a %A %b %B %c %d %H %I %j %m %M
//!   %p %S %U %w %W %x %X %y %Y %z %Z %%`); `%c` is "%m/%d/%y %H:%M:%S" and `%z` is the zone's
//!   name, like `%Z`.
//! - ucrtbase adds C99's (`%C %D %e %F %g %G %h %n %r %R %t %T %u %V`, and the `E`/`O`
//!   modifiers, which change nothing in the C locale); `%c` is "%a %b %e %H:%M:%S %Y" and `%z`
//!   the offset from UTC ("-0800").
//!
//! In both, `#` removes leading zeros from numbers and selects the long forms of `%c` and `%x`
//! ("Tuesday, November 14, 2023"). An unknown conversion is an invalid parameter (EINVAL,
//! result 0); output that does not fit gives 0, an empty buffer and ERANGE.

use crate::errno::{EINVAL, ERANGE};
use crate::invalid::fail;
use crate::time::{Tm, local_tm};
use crate::{MSVCRT, UCRT};
use dllcore::export;
use std::cell::RefCell;
use std::fmt::Write;

const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// ISO 8601 week-based year and week number.
fn iso_week(tm: &Tm) -> (i32, i32) {
    let year = tm.year + 1900;
    let wday = (tm.wday + 6) % 7; // Monday = 0
    let week = (tm.yday - wday + 10) / 7;
    let days_in = |y: i32| {
        if crate::time::is_leap(y as i64) {
            366
        } else {
            365
        }
    };
    if week < 1 {
        // The last week of the previous year.
        let py = year - 1;
        let pyday = tm.yday + days_in(py);
        return (py, (pyday - wday + 10) / 7);
    }
    if week == 53 {
        // Week 53 only if Dec 31 is a Thursday or later in the week... else week 1 of next year.
        let dec31_wday = (wday + (days_in(year) - 1 - tm.yday)) % 7;
        if dec31_wday < 3 {
            return (year + 1, 1);
        }
    }
    (year, week)
}

/// Format `fmt` for `tm`; Err(()) for an unknown conversion or a field out of range.
pub fn format(fmt: &[u32], tm: &Tm, ucrt: bool) -> Result<String, ()> {
    let mut out = String::new();
    let mut i = 0;
    let name = |v: i32, names: &'static [&'static str]| -> Result<&'static str, ()> {
        names.get(v as usize).copied().filter(|_| v >= 0).ok_or(())
    };
    while i < fmt.len() {
        let c = fmt[i];
        i += 1;
        if c != '%' as u32 {
            out.push(char::from_u32(c).unwrap_or('?'));
            continue;
        }
        let mut alt = false;
        if i < fmt.len() && fmt[i] == '#' as u32 {
            alt = true;
            i += 1;
        }
        if ucrt && !alt && i < fmt.len() && (fmt[i] == 'E' as u32 || fmt[i] == 'O' as u32) {
            let ok = if fmt[i] == 'E' as u32 {
                "cCxXyY"
            } else {
                "deHImMSuUVwWy"
            };
            i += 1;
            if i >= fmt.len() || !ok.contains(char::from_u32(fmt[i]).unwrap_or('\0')) {
                return Err(());
            }
        }
        let Some(conv) = fmt.get(i).and_then(|&c| char::from_u32(c)) else {
            return Err(());
        };
        i += 1;
        let num = |out: &mut String, v: i32, width: usize| {
            if alt {
                let _ = write!(out, "{v}");
            } else {
                let _ = write!(out, "{v:0width$}");
            }
        };
        let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
        match conv {
            'a' => out.push_str(&name(tm.wday, &DAYS)?[..3]),
            'A' => out.push_str(name(tm.wday, &DAYS)?),
            'b' => out.push_str(&name(tm.mon, &MONTHS)?[..3]),
            'h' if ucrt => out.push_str(&name(tm.mon, &MONTHS)?[..3]),
            'B' => out.push_str(name(tm.mon, &MONTHS)?),
            'c' if alt => {
                out.push_str(&format(&wide("%#x %H:%M:%S"), tm, ucrt)?);
            }
            'c' if ucrt => out.push_str(&format(&wide("%a %b %e %H:%M:%S %Y"), tm, ucrt)?),
            'c' => out.push_str(&format(&wide("%m/%d/%y %H:%M:%S"), tm, ucrt)?),
            'x' if alt => {
                let _ = write!(
                    out,
                    "{}, {} {:02}, {}",
                    name(tm.wday, &DAYS)?,
                    name(tm.mon, &MONTHS)?,
                    tm.mday,
                    tm.year + 1900
                );
            }
            'x' => out.push_str(&format(&wide("%m/%d/%y"), tm, ucrt)?),
            'X' => out.push_str(&format(&wide("%H:%M:%S"), tm, ucrt)?),
            'd' => num(&mut out, tm.mday, 2),
            'e' if ucrt => {
                let _ = write!(out, "{:2}", tm.mday);
            }
            'H' => num(&mut out, tm.hour, 2),
            'I' => num(&mut out, hour12, 2),
            'j' => num(&mut out, tm.yday + 1, 3),
            'm' => num(&mut out, tm.mon + 1, 2),
            'M' => num(&mut out, tm.min, 2),
            'S' => num(&mut out, tm.sec, 2),
            'p' => out.push_str(if tm.hour < 12 { "AM" } else { "PM" }),
            'U' => num(&mut out, (tm.yday + 7 - tm.wday) / 7, 2),
            'W' => num(&mut out, (tm.yday + 7 - (tm.wday + 6) % 7) / 7, 2),
            'w' => {
                let _ = write!(out, "{}", tm.wday);
            }
            'y' => num(&mut out, (tm.year + 1900).rem_euclid(100), 2),
            'Y' => {
                let _ = write!(out, "{}", tm.year + 1900);
            }
            'Z' => out.push_str(&zone_name(tm)),
            'z' if ucrt => {
                let _ = crate::time::zone();
                let (west, bias) = unsafe { (crate::time::_timezone, crate::time::_dstbias) };
                let west = west + if tm.isdst > 0 { bias } else { 0 };
                let east = -west / 60;
                let _ = write!(
                    out,
                    "{}{:02}{:02}",
                    if east < 0 { '-' } else { '+' },
                    east.abs() / 60,
                    east.abs() % 60
                );
            }
            'z' => out.push_str(&zone_name(tm)),
            '%' => out.push('%'),
            'C' if ucrt => num(&mut out, (tm.year + 1900) / 100, 2),
            'D' if ucrt => out.push_str(&format(&wide("%m/%d/%y"), tm, ucrt)?),
            'F' if ucrt => out.push_str(&format(&wide("%Y-%m-%d"), tm, ucrt)?),
            'g' if ucrt => num(&mut out, iso_week(tm).0.rem_euclid(100), 2),
            'G' if ucrt => {
                let _ = write!(out, "{}", iso_week(tm).0);
            }
            'V' if ucrt => num(&mut out, iso_week(tm).1, 2),
            'n' if ucrt => out.push('\n'),
            't' if ucrt => out.push('\t'),
            'r' if ucrt => out.push_str(&format(&wide("%I:%M:%S %p"), tm, ucrt)?),
            'R' if ucrt => out.push_str(&format(&wide("%H:%M"), tm, ucrt)?),
            'T' if ucrt => out.push_str(&format(&wide("%H:%M:%S"), tm, ucrt)?),
            'u' if ucrt => {
                let _ = write!(out, "{}", if tm.wday == 0 { 7 } else { tm.wday });
            }
            _ => return Err(()),
        }
    }
    Ok(out)
}

fn zone_name(tm: &Tm) -> String {
    let _ = crate::time::zone();
    let p = unsafe { crate::time::_tzname[(tm.isdst > 0) as usize] };
    unsafe { dllcore::strings::cstr_to_string(p) }.unwrap_or_default()
}

fn wide(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

/// strftime's work for both widths: format, then store with the size rules.
unsafe fn strftime_impl<T: Copy + Default + From<u8>>(
    buf: *mut T,
    size: usize,
    fmt: Vec<u32>,
    tm: *const Tm,
    ucrt: bool,
    widen: impl Fn(&str) -> Vec<T>,
) -> usize {
    if buf.is_null() || size == 0 {
        fail(EINVAL);
        return 0;
    }
    unsafe { *buf = T::default() };
    if tm.is_null() {
        fail(EINVAL);
        return 0;
    }
    let Ok(text) = format(&fmt, unsafe { &*tm }, ucrt) else {
        fail(EINVAL);
        return 0;
    };
    let units = widen(&text);
    if units.len() >= size {
        crate::errno::ret(ERANGE);
        return 0;
    }
    unsafe {
        std::ptr::copy_nonoverlapping(units.as_ptr(), buf, units.len());
        *buf.add(units.len()) = T::default();
    }
    units.len()
}

unsafe fn fmt_a(fmt: *const u8) -> Vec<u32> {
    unsafe { dllcore::strings::cstr(fmt) }
        .unwrap_or(b"")
        .iter()
        .map(|&b| b as u32)
        .collect()
}

unsafe fn fmt_w(fmt: *const u16) -> Vec<u32> {
    unsafe { dllcore::strings::wstr(fmt) }
        .unwrap_or(&[])
        .iter()
        .map(|&u| u as u32)
        .collect()
}

fn narrow(s: &str) -> Vec<u8> {
    s.as_bytes().to_vec()
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

macro_rules! strftime_fns {
    ($($(#[$m:meta])* $rust:ident = $name:literal, $mask:expr, $ucrt:expr, $unit:ty, $rd:ident, $widen:ident $(, $l:ident)?;)*) => {$(
        $(#[$m])*
        #[export(name = $name, only = $mask)]
        pub unsafe extern "win64" fn $rust(buf: *mut $unit, size: usize, fmt: *const $unit, tm: *const Tm $(, $l: usize)?) -> usize {
            if fmt.is_null() {
                fail(EINVAL);
                return 0;
            }
            unsafe { strftime_impl(buf, size, $rd(fmt), tm, $ucrt, $widen) }
        }
    )*};
}

strftime_fns! {
    /// strftime (msvcrt).
    strftime_msvcrt = "strftime", MSVCRT, false, u8, fmt_a, narrow;
    /// strftime (UCRT).
    strftime_ucrt = "strftime", UCRT, true, u8, fmt_a, narrow;
    /// wcsftime (msvcrt).
    wcsftime_msvcrt = "wcsftime", MSVCRT, false, u16, fmt_w, utf16;
    /// wcsftime (UCRT).
    wcsftime_ucrt = "wcsftime", UCRT, true, u16, fmt_w, utf16;
    /// _strftime_l (msvcrt).
    _strftime_l_msvcrt = "_strftime_l", MSVCRT, false, u8, fmt_a, narrow, _locale;
    /// _strftime_l (UCRT).
    _strftime_l_ucrt = "_strftime_l", UCRT, true, u8, fmt_a, narrow, _locale;
    /// _wcsftime_l (msvcrt).
    _wcsftime_l_msvcrt = "_wcsftime_l", MSVCRT, false, u16, fmt_w, utf16, _locale;
    /// _wcsftime_l (UCRT).
    _wcsftime_l_ucrt = "_wcsftime_l", UCRT, true, u16, fmt_w, utf16, _locale;
}

// ---- asctime / ctime --------------------------------------------------------------------------

/// "Tue Nov 14 22:13:20 2023\n" (26 bytes with the NUL); None for fields out of range.
pub fn asctime_text(tm: &Tm) -> Option<String> {
    let d = DAYS.get(usize::try_from(tm.wday).ok()?)?;
    let m = MONTHS.get(usize::try_from(tm.mon).ok()?)?;
    Some(format!(
        "{} {} {:02} {:02}:{:02}:{:02} {}\n",
        &d[..3],
        &m[..3],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year + 1900
    ))
}

thread_local! {
    static ASC_A: RefCell<[u8; 64]> = const { RefCell::new([0; 64]) };
    static ASC_W: RefCell<[u16; 64]> = const { RefCell::new([0; 64]) };
}

fn asc_buffer(s: &str) -> *mut u8 {
    ASC_A.with(|b| {
        let mut b = b.borrow_mut();
        let n = s.len().min(63);
        b[..n].copy_from_slice(&s.as_bytes()[..n]);
        b[n] = 0;
        b.as_mut_ptr()
    })
}

fn wasc_buffer(s: &str) -> *mut u16 {
    ASC_W.with(|b| {
        let mut b = b.borrow_mut();
        let mut n = 0;
        for u in s.encode_utf16().take(63) {
            b[n] = u;
            n += 1;
        }
        b[n] = 0;
        b.as_mut_ptr()
    })
}

/// asctime: in a per-thread buffer; NULL (EINVAL) for a NULL or invalid `tm`.
#[export]
pub unsafe extern "win64" fn asctime(tm: *const Tm) -> *mut u8 {
    match (!tm.is_null())
        .then(|| asctime_text(unsafe { &*tm }))
        .flatten()
    {
        Some(s) => asc_buffer(&s),
        None => {
            fail(EINVAL);
            std::ptr::null_mut()
        }
    }
}

/// _wasctime.
#[export]
pub unsafe extern "win64" fn _wasctime(tm: *const Tm) -> *mut u16 {
    match (!tm.is_null())
        .then(|| asctime_text(unsafe { &*tm }))
        .flatten()
    {
        Some(s) => wasc_buffer(&s),
        None => {
            fail(EINVAL);
            std::ptr::null_mut()
        }
    }
}

/// Store `s` into a caller's buffer of `size` units (EINVAL if it is too small: the `_s`
/// time functions need 26).
unsafe fn store_s<T: Copy + Default>(buf: *mut T, size: usize, s: Option<Vec<T>>) -> i32 {
    if buf.is_null() || size == 0 {
        return fail(EINVAL);
    }
    unsafe { *buf = T::default() };
    let Some(s) = s else {
        return fail(EINVAL);
    };
    if s.len() >= size {
        return fail(EINVAL);
    }
    unsafe {
        std::ptr::copy_nonoverlapping(s.as_ptr(), buf, s.len());
        *buf.add(s.len()) = T::default();
    }
    0
}

/// asctime_s.
#[export]
pub unsafe extern "win64" fn asctime_s(buf: *mut u8, size: usize, tm: *const Tm) -> i32 {
    let s = (!tm.is_null())
        .then(|| asctime_text(unsafe { &*tm }))
        .flatten()
        .map(|s| narrow(&s));
    unsafe { store_s(buf, size, s) }
}

/// _wasctime_s.
#[export]
pub unsafe extern "win64" fn _wasctime_s(buf: *mut u16, size: usize, tm: *const Tm) -> i32 {
    let s = (!tm.is_null())
        .then(|| asctime_text(unsafe { &*tm }))
        .flatten()
        .map(|s| utf16(&s));
    unsafe { store_s(buf, size, s) }
}

/// The `ctime` text of a time in range.
fn ctime_text(t: Option<i64>, max: i64) -> Option<String> {
    let t = t.filter(|t| (0..=max).contains(t))?;
    asctime_text(&local_tm(t))
}

unsafe fn t64(t: *const i64) -> Option<i64> {
    if t.is_null() {
        None
    } else {
        Some(unsafe { *t })
    }
}

unsafe fn t32(t: *const i32) -> Option<i64> {
    if t.is_null() {
        None
    } else {
        Some(unsafe { *t } as i64)
    }
}

macro_rules! ctime_fns {
    ($($(#[$m:meta])* $name:ident $(only $mask:ident)?: $t:ty, $rd:ident, $max:expr, $buf:ident -> $ret:ty;)*) => {$(
        $(#[$m])*
        #[export$((only = $mask))?]
        pub unsafe extern "win64" fn $name(t: *const $t) -> $ret {
            match ctime_text(unsafe { $rd(t) }, $max) {
                Some(s) => $buf(&s),
                None => {
                    crate::errno::ret(EINVAL);
                    std::ptr::null_mut()
                }
            }
        }
    )*};
}

ctime_fns! {
    /// _ctime64: `asctime(_localtime64(t))`.
    _ctime64: i64, t64, crate::time::MAX_TIME64, asc_buffer -> *mut u8;
    /// _ctime32.
    _ctime32: i32, t32, i32::MAX as i64, asc_buffer -> *mut u8;
    /// ctime (msvcrt; 64-bit).
    ctime only MSVCRT: i64, t64, crate::time::MAX_TIME64, asc_buffer -> *mut u8;
    /// _wctime64.
    _wctime64: i64, t64, crate::time::MAX_TIME64, wasc_buffer -> *mut u16;
    /// _wctime32.
    _wctime32: i32, t32, i32::MAX as i64, wasc_buffer -> *mut u16;
    /// _wctime (msvcrt; 64-bit).
    _wctime only MSVCRT: i64, t64, crate::time::MAX_TIME64, wasc_buffer -> *mut u16;
}

/// _ctime64_s.
#[export]
pub unsafe extern "win64" fn _ctime64_s(buf: *mut u8, size: usize, t: *const i64) -> i32 {
    let s = ctime_text(unsafe { t64(t) }, crate::time::MAX_TIME64).map(|s| narrow(&s));
    unsafe { store_s(buf, size, s) }
}

/// _ctime32_s.
#[export]
pub unsafe extern "win64" fn _ctime32_s(buf: *mut u8, size: usize, t: *const i32) -> i32 {
    let s = ctime_text(unsafe { t32(t) }, i32::MAX as i64).map(|s| narrow(&s));
    unsafe { store_s(buf, size, s) }
}

/// _wctime64_s.
#[export]
pub unsafe extern "win64" fn _wctime64_s(buf: *mut u16, size: usize, t: *const i64) -> i32 {
    let s = ctime_text(unsafe { t64(t) }, crate::time::MAX_TIME64).map(|s| utf16(&s));
    unsafe { store_s(buf, size, s) }
}

/// _wctime32_s.
#[export]
pub unsafe extern "win64" fn _wctime32_s(buf: *mut u16, size: usize, t: *const i32) -> i32 {
    let s = ctime_text(unsafe { t32(t) }, i32::MAX as i64).map(|s| utf16(&s));
    unsafe { store_s(buf, size, s) }
}

// ---- _strdate / _strtime ---------------------------------------------------------------------

fn now_local() -> Tm {
    local_tm(crate::time::now_seconds())
}

fn date_text() -> String {
    let t = now_local();
    format!(
        "{:02}/{:02}/{:02}",
        t.mon + 1,
        t.mday,
        (t.year + 1900) % 100
    )
}

fn time_text() -> String {
    let t = now_local();
    format!("{:02}:{:02}:{:02}", t.hour, t.min, t.sec)
}

unsafe fn put<T: Copy + Default>(buf: *mut T, s: Vec<T>) -> *mut T {
    unsafe {
        std::ptr::copy_nonoverlapping(s.as_ptr(), buf, s.len());
        *buf.add(s.len()) = T::default();
    }
    buf
}

/// _strdate: today as "MM/DD/YY" (the buffer holds 9 bytes).
#[export]
pub unsafe extern "win64" fn _strdate(buf: *mut u8) -> *mut u8 {
    unsafe { put(buf, narrow(&date_text())) }
}

/// _strtime: now as "HH:MM:SS".
#[export]
pub unsafe extern "win64" fn _strtime(buf: *mut u8) -> *mut u8 {
    unsafe { put(buf, narrow(&time_text())) }
}

/// _wstrdate.
#[export]
pub unsafe extern "win64" fn _wstrdate(buf: *mut u16) -> *mut u16 {
    unsafe { put(buf, utf16(&date_text())) }
}

/// _wstrtime.
#[export]
pub unsafe extern "win64" fn _wstrtime(buf: *mut u16) -> *mut u16 {
    unsafe { put(buf, utf16(&time_text())) }
}

/// `_strdate_s`-style storage: EINVAL for NULL, ERANGE below 9 units.
unsafe fn date_s<T: Copy + Default>(buf: *mut T, size: usize, s: Vec<T>) -> i32 {
    if buf.is_null() || size == 0 {
        return fail(EINVAL);
    }
    if size < 9 {
        unsafe { *buf = T::default() };
        return fail(ERANGE);
    }
    unsafe { put(buf, s) };
    0
}

/// _strdate_s.
#[export]
pub unsafe extern "win64" fn _strdate_s(buf: *mut u8, size: usize) -> i32 {
    unsafe { date_s(buf, size, narrow(&date_text())) }
}

/// _strtime_s.
#[export]
pub unsafe extern "win64" fn _strtime_s(buf: *mut u8, size: usize) -> i32 {
    unsafe { date_s(buf, size, narrow(&time_text())) }
}

/// _wstrdate_s.
#[export]
pub unsafe extern "win64" fn _wstrdate_s(buf: *mut u16, size: usize) -> i32 {
    unsafe { date_s(buf, size, utf16(&date_text())) }
}

/// _wstrtime_s.
#[export]
pub unsafe extern "win64" fn _wstrtime_s(buf: *mut u16, size: usize) -> i32 {
    unsafe { date_s(buf, size, utf16(&time_text())) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(fmt: &str, ucrt: bool) -> Option<String> {
        format(&wide(fmt), &crate::time::utc_tm(1700000000), ucrt).ok()
    }

    /// What Wine 8 prints for 2023-11-14 22:13:20 (gmtime of 1700000000).
    #[test]
    fn conversions() {
        for u in [false, true] {
            assert_eq!(f("%a %A %b %B", u).unwrap(), "Tue Tuesday Nov November");
            assert_eq!(
                f("%d %H %I %j %m %M %p %S", u).unwrap(),
                "14 22 10 318 11 13 PM 20"
            );
            assert_eq!(f("%U %w %W", u).unwrap(), "46 2 46");
            assert_eq!(f("%x %X", u).unwrap(), "11/14/23 22:13:20");
            assert_eq!(f("%y %Y %%", u).unwrap(), "23 2023 %");
            assert_eq!(f("%#c", u).unwrap(), "Tuesday, November 14, 2023 22:13:20");
            assert_eq!(f("%#x", u).unwrap(), "Tuesday, November 14, 2023");
            assert_eq!(f("%#d %#H %#j %#m", u).unwrap(), "14 22 318 11");
            assert_eq!(f("%k", u), None);
            assert_eq!(f("%", u), None);
        }
        assert_eq!(f("%c", false).unwrap(), "11/14/23 22:13:20");
        assert_eq!(f("%c", true).unwrap(), "Tue Nov 14 22:13:20 2023");
        assert_eq!(f("%e", false), None);
        assert_eq!(
            f("%D %T %F %R %h %n %t %C %g %G %V %u %r", true).unwrap(),
            "11/14/23 22:13:20 2023-11-14 22:13 Nov \n \t 20 23 2023 46 2 10:13:20 PM"
        );
        assert_eq!(
            f("%Ex", true).unwrap(),
            "11/14/23",
            "E is ignored in the C locale"
        );
    }

    #[test]
    fn iso_weeks() {
        let w = |t: i64| iso_week(&crate::time::utc_tm(t));
        assert_eq!(w(1104537600), (2004, 53), "2005-01-01 is in 2004's week 53");
        assert_eq!(w(1230681600), (2009, 1), "2008-12-31 is in 2009's week 1");
        assert_eq!(w(1700000000), (2023, 46));
    }

    #[test]
    fn asctime_and_sizes() {
        let tm = crate::time::utc_tm(315626635);
        assert_eq!(asctime_text(&tm).unwrap(), "Wed Jan 02 02:03:55 1980\n");
        let mut b = [0u8; 8];
        let fmt = c"%Y-%m".as_ptr().cast();
        assert_eq!(unsafe { strftime_ucrt(b.as_mut_ptr(), 5, fmt, &tm) }, 0);
        assert_eq!(crate::errno::errno(), ERANGE);
        assert_eq!(unsafe { strftime_ucrt(b.as_mut_ptr(), 8, fmt, &tm) }, 7);
        assert_eq!(&b, b"1980-01\0");
    }
}
