//! time.h: the current time, conversions between `time_t` and `struct tm`, the time zone
//! (`_tzset` and the `_timezone`/`_daylight`/`_dstbias`/`_tzname` globals), `clock`, `_ftime`.
//! Text forms (`strftime`, `asctime`, `ctime`, `_strdate`) are in `strftime`.
//!
//! The zone: `_tzset` reads TZ from the CRT's environment. A Windows-style value,
//! `tzn[+|-]hh[:mm[:ss]][dzn]` ("PST8PDT", "EST5", "CET-1CEST", "IST-5:30"), gives a fixed
//! offset and, with a daylight name, the CRT's US daylight-saving rules: since 2007 from the
//! second Sunday of March, 2:00, to the first Sunday of November, 2:00; before that from the
//! first Sunday of April to the last Sunday of October. (Windows applies these rules to any
//! TZ string; so do Wine 8 and we.) Without TZ (or with a value Windows would not parse, such
//! as "Europe/Paris"), the host's zone applies, as the host's libc reports it (Windows asks
//! GetTimeZoneInformation; wine-rs' kernel32 takes it from the host too). Names are the
//! host's abbreviations ("CET", "UTC") where Windows shows "W. Europe Standard Time".
//!
//! Ranges: `time_t` values from 0 (1970) to 32535215999 (3000-12-31 23:59:59 UTC) for the
//! 64-bit functions, 0 to 0x7fffffff for the 32-bit ones; outside them the conversions fail
//! (NULL, or EINVAL for the `_s` forms). `localtime` and `gmtime` share one per-thread
//! `struct tm`, as on Windows.

#![allow(non_upper_case_globals)] // the CRT's own names for its data exports

use crate::errno::{EINVAL, set_errno};
use crate::invalid::fail;
use crate::{MSVCRT, UCRT};
use dllcore::export;
use std::cell::RefCell;
use std::sync::{Mutex, OnceLock};

/// _timezone: seconds west of UTC of standard time.
#[export(only = MSVCRT)]
pub static mut _timezone: i32 = 0;
/// _daylight: non-zero if the zone has daylight saving time.
#[export(only = MSVCRT)]
pub static mut _daylight: i32 = 0;
/// _dstbias: the daylight offset in seconds (negative: clocks go forward).
#[export(only = MSVCRT)]
pub static mut _dstbias: i32 = -3600;
/// _tzname: the names of standard and daylight time.
#[export(only = MSVCRT)]
pub static mut _tzname: [*mut u8; 2] = [std::ptr::null_mut(); 2];

/// The largest `__time64_t` the CRT converts (3000-12-31 23:59:59 UTC).
pub const MAX_TIME64: i64 = 32_535_215_999;

/// `struct tm`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tm {
    pub sec: i32,
    pub min: i32,
    pub hour: i32,
    pub mday: i32,
    pub mon: i32,
    pub year: i32,
    pub wday: i32,
    pub yday: i32,
    pub isdst: i32,
}

/// The zone `_tzset` chose.
#[derive(Clone, Debug, PartialEq)]
pub enum Zone {
    /// The host's zone rules.
    Host,
    /// A TZ string: standard offset (seconds west of UTC), names, US daylight rules.
    Fixed {
        west: i64,
        std_name: String,
        dst_name: Option<String>,
    },
}

static ZONE: Mutex<Option<Zone>> = Mutex::new(None);

// ---- calendar arithmetic ----------------------------------------------------------------------

pub use syscall_shims::time::{civil_from_days, days_from_civil, is_leap};

/// The broken-down UTC time of `t` (seconds since the epoch), `isdst` 0.
pub fn utc_tm(t: i64) -> Tm {
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    Tm {
        sec: (secs % 60) as i32,
        min: (secs / 60 % 60) as i32,
        hour: (secs / 3600) as i32,
        mday: d as i32,
        mon: m as i32 - 1,
        year: (y - 1900) as i32,
        wday: (days + 4).rem_euclid(7) as i32,
        yday: (days - days_from_civil(y, 1, 1)) as i32,
        isdst: 0,
    }
}

/// Seconds since the epoch of a `struct tm` read as UTC, normalising out-of-range fields
/// (months beyond 11, day 0 or 32, negative hours...) the way `mktime` does.
pub fn tm_to_seconds(tm: &Tm) -> i64 {
    let mon = tm.mon as i64;
    let year = tm.year as i64 + 1900 + mon.div_euclid(12);
    let mon = mon.rem_euclid(12);
    let days = days_from_civil(year, mon + 1, 1) + tm.mday as i64 - 1;
    days * 86400 + tm.hour as i64 * 3600 + tm.min as i64 * 60 + tm.sec as i64
}

// ---- the zone -------------------------------------------------------------------------------

/// Parse a Windows TZ value (see the module comment); None if Windows would not take it.
pub fn parse_tz(s: &str) -> Option<Zone> {
    let b = s.as_bytes();
    let name_len = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if name_len < 3 {
        return None;
    }
    let mut i = name_len;
    let mut sign = 1i64;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        sign = if b[i] == b'-' { -1 } else { 1 };
        i += 1;
    }
    let mut parts = [0i64; 3];
    let mut n = 0;
    loop {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() && i - start < 2 {
            parts[n] = parts[n] * 10 + (b[i] - b'0') as i64;
            i += 1;
        }
        if i == start {
            if n == 0 {
                return None;
            }
            break;
        }
        n += 1;
        if n == 3 || i >= b.len() || b[i] != b':' {
            break;
        }
        i += 1;
    }
    let west = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
    let dst_len = b[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let dst_name = (dst_len >= 3).then(|| s[i..i + dst_len].to_string());
    Some(Zone::Fixed {
        west,
        std_name: s[..name_len].to_string(),
        dst_name,
    })
}

/// The host's view of the zone at `t`: (offset east of UTC, is DST, abbreviation).
fn host_at(t: i64) -> (i64, bool, String) {
    // SAFETY: localtime_r fills a zeroed tm; tm_zone points at static storage.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        let tt = t as libc::time_t;
        if libc::localtime_r(&tt, &mut tm).is_null() {
            return (0, false, "UTC".into());
        }
        let name = if tm.tm_zone.is_null() {
            String::new()
        } else {
            std::ffi::CStr::from_ptr(tm.tm_zone)
                .to_string_lossy()
                .into_owned()
        };
        (tm.tm_gmtoff as i64, tm.tm_isdst > 0, name)
    }
}

fn leak_name(s: &str) -> *mut u8 {
    let mut v = s.as_bytes().to_vec();
    v.push(0);
    v.leak().as_mut_ptr()
}

/// `_tzset`'s work: choose the zone from TZ (or the host) and fill the globals.
pub fn tzset() {
    let tz = unsafe { dllcore::strings::cstr(crate::env::getenv(c"TZ".as_ptr().cast())) }
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .filter(|s| !s.is_empty());
    let zone = tz.as_deref().and_then(parse_tz).unwrap_or(Zone::Host);
    let (west, daylight, names) = match &zone {
        Zone::Fixed {
            west,
            std_name,
            dst_name,
        } => (
            *west,
            dst_name.is_some(),
            [std_name.clone(), dst_name.clone().unwrap_or_default()],
        ),
        Zone::Host => {
            let now = now_seconds();
            let year = 365 * 86400;
            let jan = host_at(now - now.rem_euclid(year) + 15 * 86400);
            let jul = host_at(now - now.rem_euclid(year) + 196 * 86400);
            let (std, dst) = if jan.1 || (!jul.1 && jan.0 > jul.0) {
                (jul, jan)
            } else {
                (jan, jul)
            };
            let has_dst = std.0 != dst.0;
            (
                -std.0,
                has_dst,
                [std.2.clone(), if has_dst { dst.2 } else { std.2 }],
            )
        }
    };
    // SAFETY: the CRT's globals, written by _tzset as on Windows.
    unsafe {
        _timezone = west as i32;
        _daylight = daylight as i32;
        _dstbias = -3600;
        _tzname = [leak_name(&names[0]), leak_name(&names[1])];
    }
    *ZONE.lock().unwrap_or_else(|e| e.into_inner()) = Some(zone);
}

/// The zone, running `_tzset` the first time.
pub fn zone() -> Zone {
    let z = ZONE.lock().unwrap_or_else(|e| e.into_inner()).clone();
    match z {
        Some(z) => z,
        None => {
            tzset();
            ZONE.lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone()
                .unwrap_or(Zone::Host)
        }
    }
}

/// The day (of the month) of the `n`th (1-based; 5 = last) `wday` of a month.
fn nth_weekday(year: i64, mon: i64, wday: i64, n: i64) -> i64 {
    let first = days_from_civil(year, mon, 1);
    let first_wday = (first + 4).rem_euclid(7);
    let mut day = 1 + (wday - first_wday).rem_euclid(7) + 7 * (n - 1);
    let len = days_from_civil(year + (mon == 12) as i64, mon % 12 + 1, 1) - first;
    while day > len {
        day -= 7;
    }
    day
}

/// US daylight saving for a local standard time (seconds, as if UTC): the CRT's rules.
fn us_dst(local_std: i64) -> bool {
    let tm = utc_tm(local_std);
    let year = tm.year as i64 + 1900;
    let (start, end) = if year >= 2007 {
        (
            (3, nth_weekday(year, 3, 0, 2)),
            (11, nth_weekday(year, 11, 0, 1)),
        )
    } else {
        (
            (4, nth_weekday(year, 4, 0, 1)),
            (10, nth_weekday(year, 10, 0, 5)),
        )
    };
    let start = days_from_civil(year, start.0, start.1) * 86400 + 2 * 3600;
    // Ends at 2:00 daylight time, 1:00 standard time.
    let end = days_from_civil(year, end.0, end.1) * 86400 + 3600;
    (start..end).contains(&local_std)
}

/// Local time of `t`: the broken-down time (with `isdst`) and the offset east of UTC.
pub fn local_tm(t: i64) -> Tm {
    match zone() {
        Zone::Fixed { west, dst_name, .. } => {
            let std = t - west;
            if dst_name.is_some() && us_dst(std) {
                let mut tm = utc_tm(std + 3600);
                tm.isdst = 1;
                tm
            } else {
                utc_tm(std)
            }
        }
        Zone::Host => {
            let (east, dst, _) = host_at(t);
            let mut tm = utc_tm(t + east);
            tm.isdst = dst as i32;
            tm
        }
    }
}

/// `mktime`'s work: the `time_t` of a local broken-down time (None when it or its UTC time
/// is before the epoch, or past the range); `tm` is normalised and completed on success.
pub fn make_time(tm: &mut Tm, max: i64) -> Option<i64> {
    let local = tm_to_seconds(tm);
    // The CRT refuses local times before 1970 as well as UTC ones (Wine 8: -1 for
    // 1969-12-31 23:00 in PST, which is 07:00 UTC).
    if local < 0 {
        return None;
    }
    let t = match zone() {
        Zone::Fixed { west, dst_name, .. } => {
            let std = local + west;
            let dst = match tm.isdst {
                d if d > 0 => dst_name.is_some(),
                0 => false,
                _ => dst_name.is_some() && us_dst(local - 3600),
            };
            if dst { std - 3600 } else { std }
        }
        Zone::Host => {
            // SAFETY: mktime reads and normalises a tm we own.
            let mut h: libc::tm = unsafe { std::mem::zeroed() };
            let n = utc_tm(local);
            h.tm_year = n.year;
            h.tm_mon = n.mon;
            h.tm_mday = n.mday;
            h.tm_hour = n.hour;
            h.tm_min = n.min;
            h.tm_sec = n.sec;
            h.tm_isdst = tm.isdst.signum();
            let r = unsafe { libc::mktime(&mut h) };
            if r == -1 {
                return None;
            }
            r as i64
        }
    };
    if !(0..=max).contains(&t) {
        return None;
    }
    *tm = local_tm(t);
    Some(t)
}

// ---- the current time ---------------------------------------------------------------------------

/// Seconds since the epoch, now.
pub fn now_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// _time64: the current time, also stored through `t` when it is not NULL.
#[export]
pub unsafe extern "win64" fn _time64(t: *mut i64) -> i64 {
    let now = now_seconds();
    if !t.is_null() {
        unsafe { *t = now };
    }
    now
}

/// time (msvcrt; 64-bit on x64).
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn time(t: *mut i64) -> i64 {
    unsafe { _time64(t) }
}

/// _time32.
#[export]
pub unsafe extern "win64" fn _time32(t: *mut i32) -> i32 {
    let now = now_seconds() as i32;
    if !t.is_null() {
        unsafe { *t = now };
    }
    now
}

/// `timespec` with a 64-bit `tv_sec` (`_timespec64`).
#[repr(C)]
pub struct Timespec64 {
    pub sec: i64,
    pub nsec: i32,
}

/// `_timespec32`.
#[repr(C)]
pub struct Timespec32 {
    pub sec: i32,
    pub nsec: i32,
}

/// _timespec64_get (UCRT; `timespec_get`): TIME_UTC (1) is the only base.
#[export(only = UCRT)]
pub unsafe extern "win64" fn _timespec64_get(ts: *mut Timespec64, base: i32) -> i32 {
    if ts.is_null() || base != 1 {
        fail(EINVAL);
        return 0;
    }
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    unsafe {
        *ts = Timespec64 {
            sec: d.as_secs() as i64,
            nsec: d.subsec_nanos() as i32,
        };
    }
    base
}

/// _timespec32_get (UCRT).
#[export(only = UCRT)]
pub unsafe extern "win64" fn _timespec32_get(ts: *mut Timespec32, base: i32) -> i32 {
    if ts.is_null() || base != 1 {
        fail(EINVAL);
        return 0;
    }
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    unsafe {
        *ts = Timespec32 {
            sec: d.as_secs() as i32,
            nsec: d.subsec_nanos() as i32,
        };
    }
    base
}

static START: OnceLock<std::time::Instant> = OnceLock::new();

/// Note when the process started (for `clock`); the CRT's start-up calls it.
pub fn note_start() {
    START.get_or_init(std::time::Instant::now);
}

/// clock: milliseconds (CLOCKS_PER_SEC is 1000) since the process started, as msvcrt and the
/// UCRT count it (wall time, not CPU time).
#[export]
pub extern "win64" fn clock() -> i32 {
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_millis() as i32
}

/// difftime (msvcrt: 64-bit).
#[export(only = MSVCRT)]
pub extern "win64" fn difftime(a: i64, b: i64) -> f64 {
    (a - b) as f64
}

/// _difftime64.
#[export]
pub extern "win64" fn _difftime64(a: i64, b: i64) -> f64 {
    (a - b) as f64
}

/// _difftime32.
#[export]
pub extern "win64" fn _difftime32(a: i32, b: i32) -> f64 {
    (a as i64 - b as i64) as f64
}

// ---- conversions --------------------------------------------------------------------------------

thread_local! {
    /// The `struct tm` gmtime and localtime return (one per thread, shared, as on Windows).
    static TM_BUF: RefCell<Tm> = RefCell::new(Tm::default());
}

fn tm_buffer(tm: Tm) -> *mut Tm {
    TM_BUF.with(|b| {
        *b.borrow_mut() = tm;
        b.as_ptr()
    })
}

/// Validate and read a time pointer: None (with EINVAL) when NULL or out of range.
unsafe fn read_time(t: Option<i64>, max: i64) -> Option<i64> {
    match t {
        Some(v) if (0..=max).contains(&v) => Some(v),
        _ => {
            set_errno(EINVAL);
            None
        }
    }
}

unsafe fn rd64(t: *const i64) -> Option<i64> {
    if t.is_null() {
        None
    } else {
        Some(unsafe { *t })
    }
}

unsafe fn rd32(t: *const i32) -> Option<i64> {
    if t.is_null() {
        None
    } else {
        Some(unsafe { *t } as i64)
    }
}

macro_rules! conv_fns {
    ($($(#[$m:meta])* $name:ident $(only $mask:ident)?: $t:ty, $rd:ident, $max:expr, $f:ident;)*) => {$(
        $(#[$m])*
        #[export$((only = $mask))?]
        pub unsafe extern "win64" fn $name(t: *const $t) -> *mut Tm {
            match unsafe { read_time($rd(t), $max) } {
                Some(v) => tm_buffer($f(v)),
                None => std::ptr::null_mut(),
            }
        }
    )*};
}

conv_fns! {
    /// _localtime64.
    _localtime64: i64, rd64, MAX_TIME64, local_tm;
    /// _localtime32.
    _localtime32: i32, rd32, i32::MAX as i64, local_tm;
    /// localtime (msvcrt; 64-bit).
    localtime only MSVCRT: i64, rd64, MAX_TIME64, local_tm;
    /// _gmtime64.
    _gmtime64: i64, rd64, MAX_TIME64, utc_tm;
    /// _gmtime32.
    _gmtime32: i32, rd32, i32::MAX as i64, utc_tm;
    /// gmtime (msvcrt; 64-bit).
    gmtime only MSVCRT: i64, rd64, MAX_TIME64, utc_tm;
}

/// The `_s` conversions: EINVAL for a NULL argument or a time out of range (the `tm` is then
/// filled with -1).
unsafe fn conv_s(out: *mut Tm, t: Option<i64>, max: i64, f: fn(i64) -> Tm) -> i32 {
    if out.is_null() {
        return fail(EINVAL);
    }
    match t {
        Some(v) if (0..=max).contains(&v) => {
            unsafe { *out = f(v) };
            0
        }
        _ => {
            unsafe {
                *out = Tm {
                    sec: -1,
                    min: -1,
                    hour: -1,
                    mday: -1,
                    mon: -1,
                    year: -1,
                    wday: -1,
                    yday: -1,
                    isdst: -1,
                }
            };
            fail(EINVAL)
        }
    }
}

/// _localtime64_s.
#[export]
pub unsafe extern "win64" fn _localtime64_s(out: *mut Tm, t: *const i64) -> i32 {
    unsafe { conv_s(out, rd64(t), MAX_TIME64, local_tm) }
}

/// _localtime32_s.
#[export]
pub unsafe extern "win64" fn _localtime32_s(out: *mut Tm, t: *const i32) -> i32 {
    unsafe { conv_s(out, rd32(t), i32::MAX as i64, local_tm) }
}

/// _gmtime64_s.
#[export]
pub unsafe extern "win64" fn _gmtime64_s(out: *mut Tm, t: *const i64) -> i32 {
    unsafe { conv_s(out, rd64(t), MAX_TIME64, utc_tm) }
}

/// _gmtime32_s.
#[export]
pub unsafe extern "win64" fn _gmtime32_s(out: *mut Tm, t: *const i32) -> i32 {
    unsafe { conv_s(out, rd32(t), i32::MAX as i64, utc_tm) }
}

unsafe fn mktime_impl(tm: *mut Tm, max: i64) -> i64 {
    if tm.is_null() {
        fail(EINVAL);
        return -1;
    }
    match make_time(unsafe { &mut *tm }, max) {
        Some(t) => t,
        None => {
            set_errno(EINVAL);
            -1
        }
    }
}

/// _mktime64: the `time_t` of a local time; `tm` is normalised (-1 before 1970).
#[export]
pub unsafe extern "win64" fn _mktime64(tm: *mut Tm) -> i64 {
    unsafe { mktime_impl(tm, MAX_TIME64) }
}

/// _mktime32.
#[export]
pub unsafe extern "win64" fn _mktime32(tm: *mut Tm) -> i32 {
    unsafe { mktime_impl(tm, i32::MAX as i64) as i32 }
}

/// mktime (msvcrt; 64-bit).
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn mktime(tm: *mut Tm) -> i64 {
    unsafe { mktime_impl(tm, MAX_TIME64) }
}

unsafe fn mkgmtime_impl(tm: *mut Tm, max: i64) -> i64 {
    if tm.is_null() {
        fail(EINVAL);
        return -1;
    }
    let t = tm_to_seconds(unsafe { &*tm });
    if !(0..=max).contains(&t) {
        set_errno(EINVAL);
        return -1;
    }
    unsafe { *tm = utc_tm(t) };
    t
}

/// _mkgmtime64: the `time_t` of a UTC time; `tm` is normalised.
#[export]
pub unsafe extern "win64" fn _mkgmtime64(tm: *mut Tm) -> i64 {
    unsafe { mkgmtime_impl(tm, MAX_TIME64) }
}

/// _mkgmtime32.
#[export]
pub unsafe extern "win64" fn _mkgmtime32(tm: *mut Tm) -> i32 {
    unsafe { mkgmtime_impl(tm, i32::MAX as i64) as i32 }
}

/// _mkgmtime (msvcrt; 64-bit).
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn _mkgmtime(tm: *mut Tm) -> i64 {
    unsafe { mkgmtime_impl(tm, MAX_TIME64) }
}

// ---- _ftime ---------------------------------------------------------------------------------------

/// `struct __timeb64`.
#[repr(C)]
pub struct Timeb64 {
    pub time: i64,
    pub millitm: u16,
    pub timezone: i16,
    pub dstflag: i16,
}

/// `struct __timeb32`.
#[repr(C)]
pub struct Timeb32 {
    pub time: i32,
    pub millitm: u16,
    pub timezone: i16,
    pub dstflag: i16,
}

/// (seconds, milliseconds, minutes west, DST now).
fn ftime_now() -> (i64, u16, i16, i16) {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = d.as_secs() as i64;
    let _ = zone();
    let west = unsafe { _timezone } / 60;
    (
        secs,
        d.subsec_millis() as u16,
        west as i16,
        local_tm(secs).isdst as i16,
    )
}

/// _ftime64: the time, its milliseconds, the zone's offset (minutes west) and DST flag.
#[export]
pub unsafe extern "win64" fn _ftime64(tb: *mut Timeb64) {
    if tb.is_null() {
        fail(EINVAL);
        return;
    }
    let (s, ms, tz, dst) = ftime_now();
    unsafe {
        *tb = Timeb64 {
            time: s,
            millitm: ms,
            timezone: tz,
            dstflag: dst,
        }
    };
}

/// _ftime (msvcrt; 64-bit).
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn _ftime(tb: *mut Timeb64) {
    unsafe { _ftime64(tb) }
}

/// _ftime32.
#[export]
pub unsafe extern "win64" fn _ftime32(tb: *mut Timeb32) {
    if tb.is_null() {
        fail(EINVAL);
        return;
    }
    let (s, ms, tz, dst) = ftime_now();
    unsafe {
        *tb = Timeb32 {
            time: s as i32,
            millitm: ms,
            timezone: tz,
            dstflag: dst,
        }
    };
}

/// _ftime64_s.
#[export]
pub unsafe extern "win64" fn _ftime64_s(tb: *mut Timeb64) -> i32 {
    if tb.is_null() {
        return fail(EINVAL);
    }
    unsafe { _ftime64(tb) };
    0
}

/// _ftime32_s.
#[export]
pub unsafe extern "win64" fn _ftime32_s(tb: *mut Timeb32) -> i32 {
    if tb.is_null() {
        return fail(EINVAL);
    }
    unsafe { _ftime32(tb) };
    0
}

/// _ftime_s (msvcrt; 64-bit).
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn _ftime_s(tb: *mut Timeb64) -> i32 {
    unsafe { _ftime64_s(tb) }
}

// ---- the zone globals -------------------------------------------------------------------------

/// _tzset: read TZ again and refill the globals.
#[export]
pub extern "win64" fn _tzset() {
    tzset();
}

/// tzset (msvcrt's old name).
#[export(name = "tzset", only = MSVCRT)]
pub extern "win64" fn tzset_() {
    tzset();
}

fn ensure() {
    let _ = zone();
}

/// __timezone (UCRT): the address of `_timezone`.
#[export]
pub extern "win64" fn __timezone() -> *mut i32 {
    ensure();
    &raw mut _timezone
}

/// __daylight.
#[export]
pub extern "win64" fn __daylight() -> *mut i32 {
    ensure();
    &raw mut _daylight
}

/// __dstbias.
#[export]
pub extern "win64" fn __dstbias() -> *mut i32 {
    ensure();
    &raw mut _dstbias
}

/// __tzname.
#[export]
pub extern "win64" fn __tzname() -> *mut *mut u8 {
    ensure();
    &raw mut _tzname as *mut *mut u8
}

/// __p__timezone.
#[export(only = MSVCRT)]
pub extern "win64" fn __p__timezone() -> *mut i32 {
    __timezone()
}

/// __p__daylight.
#[export(only = MSVCRT)]
pub extern "win64" fn __p__daylight() -> *mut i32 {
    __daylight()
}

/// __p__dstbias.
#[export(only = MSVCRT)]
pub extern "win64" fn __p__dstbias() -> *mut i32 {
    __dstbias()
}

/// __p__tzname.
#[export(only = MSVCRT)]
pub extern "win64" fn __p__tzname() -> *mut *mut u8 {
    __tzname()
}

/// _get_timezone.
#[export]
pub unsafe extern "win64" fn _get_timezone(v: *mut i32) -> i32 {
    if v.is_null() {
        return fail(EINVAL);
    }
    ensure();
    unsafe { *v = _timezone };
    0
}

/// _get_daylight.
#[export]
pub unsafe extern "win64" fn _get_daylight(v: *mut i32) -> i32 {
    if v.is_null() {
        return fail(EINVAL);
    }
    ensure();
    unsafe { *v = _daylight };
    0
}

/// _get_dstbias.
#[export]
pub unsafe extern "win64" fn _get_dstbias(v: *mut i32) -> i32 {
    if v.is_null() {
        return fail(EINVAL);
    }
    ensure();
    unsafe { *v = _dstbias };
    0
}

/// _get_tzname: name `index` (0 standard, 1 daylight) into `buf`; `*len` gets its size with
/// the NUL. A NULL `buf` with size 0 asks only for the size.
#[export]
pub unsafe extern "win64" fn _get_tzname(
    len: *mut usize,
    buf: *mut u8,
    size: usize,
    index: i32,
) -> i32 {
    if len.is_null() || !(0..=1).contains(&index) || (buf.is_null() && size != 0) {
        return fail(EINVAL);
    }
    ensure();
    let name = unsafe { dllcore::strings::cstr(_tzname[index as usize]) }.unwrap_or(b"");
    unsafe {
        *len = name.len() + 1;
        if buf.is_null() {
            return 0;
        }
        if name.len() + 1 > size {
            *buf = 0;
            return crate::errno::ret(crate::errno::ERANGE);
        }
        std::ptr::copy_nonoverlapping(name.as_ptr(), buf, name.len());
        *buf.add(name.len()) = 0;
    }
    0
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Run `f` with TZ set in the CRT environment (serialised: the zone is process-wide).
    pub fn with_tz<R>(tz: &str, f: impl FnOnce() -> R) -> R {
        let _g = crate::tests::serial();
        let set = format!("TZ={tz}\0");
        unsafe { crate::env::_putenv(set.as_ptr()) };
        tzset();
        let r = f();
        unsafe { crate::env::_putenv(c"TZ=".as_ptr().cast()) };
        tzset();
        r
    }

    #[test]
    fn calendar() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
        assert_eq!(civil_from_days(11016), (2000, 2, 29));
        let t = utc_tm(1700000000);
        assert_eq!(
            (t.year, t.mon, t.mday, t.hour, t.min, t.sec, t.wday, t.yday),
            (123, 10, 14, 22, 13, 20, 2, 317)
        );
        let t = utc_tm(951782400);
        assert_eq!((t.mon, t.mday, t.wday, t.yday), (1, 29, 2, 59));
        let mut n = Tm {
            year: 123,
            mon: 0,
            mday: 32,
            hour: -1,
            ..Tm::default()
        };
        assert_eq!(tm_to_seconds(&n), 1675206000);
        n.mon = 13;
        assert_eq!(utc_tm(tm_to_seconds(&n)).year, 124);
    }

    #[test]
    fn tz_strings() {
        assert_eq!(
            parse_tz("PST8PDT"),
            Some(Zone::Fixed {
                west: 28800,
                std_name: "PST".into(),
                dst_name: Some("PDT".into())
            })
        );
        assert_eq!(
            parse_tz("IST-5:30"),
            Some(Zone::Fixed {
                west: -19800,
                std_name: "IST".into(),
                dst_name: None
            })
        );
        assert_eq!(
            parse_tz("CET-1CEST"),
            Some(Zone::Fixed {
                west: -3600,
                std_name: "CET".into(),
                dst_name: Some("CEST".into())
            })
        );
        assert_eq!(parse_tz("Europe/Paris"), None);
        assert_eq!(parse_tz("UTC"), None);
        assert!(matches!(
            parse_tz("UTC0"),
            Some(Zone::Fixed { west: 0, .. })
        ));
    }

    /// The transitions and values Wine 8 gives for TZ=PST8PDT.
    #[test]
    fn pacific_time() {
        with_tz("PST8PDT", || {
            assert_eq!(
                unsafe { (_timezone, _daylight, _dstbias) },
                (28800, 1, -3600)
            );
            let cases = [
                (1700000000, (2023, 11, 14, 14, 13, 20, 0)),
                (1690000000, (2023, 7, 21, 21, 26, 40, 1)),
                (0, (1969, 12, 31, 16, 0, 0, 0)),
                (1678615199, (2023, 3, 12, 1, 59, 59, 0)),
                (1678615200, (2023, 3, 12, 3, 0, 0, 1)),
                (1699174799, (2023, 11, 5, 1, 59, 59, 1)),
                (1699174800, (2023, 11, 5, 1, 0, 0, 0)),
                (1150000000, (2006, 6, 10, 21, 26, 40, 1)),
                (1143972000, (2006, 4, 2, 3, 0, 0, 1)),
                (1143971999, (2006, 4, 2, 1, 59, 59, 0)),
            ];
            for (t, want) in cases {
                let tm = local_tm(t);
                let got = (
                    tm.year + 1900,
                    tm.mon + 1,
                    tm.mday,
                    tm.hour,
                    tm.min,
                    tm.sec,
                    tm.isdst,
                );
                assert_eq!(got, want, "local time of {t}");
            }
            let mut tm = Tm {
                year: 123,
                mon: 6,
                mday: 21,
                hour: 21,
                min: 26,
                sec: 40,
                isdst: -1,
                ..Tm::default()
            };
            assert_eq!(make_time(&mut tm, MAX_TIME64), Some(1690000000));
            assert_eq!((tm.wday, tm.yday, tm.isdst), (5, 201, 1));
            let mut tm = Tm {
                year: 123,
                mon: 0,
                mday: 32,
                hour: -1,
                isdst: 0,
                ..Tm::default()
            };
            assert_eq!(make_time(&mut tm, MAX_TIME64), Some(1675234800));
            assert_eq!((tm.mon, tm.mday, tm.hour), (0, 31, 23));
            let mut tm = Tm {
                year: 123,
                mon: 6,
                mday: 1,
                isdst: 0,
                ..Tm::default()
            };
            assert_eq!(make_time(&mut tm, MAX_TIME64), Some(1688198400));
            assert_eq!((tm.hour, tm.isdst), (1, 1));
            let mut tm = Tm {
                year: 69,
                mon: 11,
                mday: 31,
                hour: 23,
                ..Tm::default()
            };
            assert_eq!(make_time(&mut tm, MAX_TIME64), None);
        });
    }

    #[test]
    fn fixed_zones_without_dst() {
        with_tz("IST-5:30", || {
            assert_eq!(unsafe { (_timezone, _daylight) }, (-19800, 0));
            let tm = local_tm(1700000000);
            assert_eq!((tm.mday, tm.hour, tm.min), (15, 3, 43));
        });
    }

    #[test]
    fn conversions_refuse_out_of_range() {
        let neg = -1i64;
        assert!(unsafe { _gmtime64(&neg) }.is_null());
        let mut tm = Tm::default();
        assert_eq!(unsafe { _gmtime64_s(&mut tm, &neg) }, EINVAL);
        assert_eq!(tm.year, -1);
        let t = 1700000000i64;
        let p = unsafe { _gmtime64(&t) };
        assert_eq!(unsafe { (*p).year }, 123);
        let mut tm = Tm {
            year: 100,
            mon: 1,
            mday: 29,
            hour: 12,
            ..Tm::default()
        };
        assert_eq!(unsafe { _mkgmtime64(&mut tm) }, 951825600);
        assert_eq!((tm.wday, tm.yday), (2, 59));
    }
}
