//! time.h: the time-zone globals (`_timezone`, `_daylight`, `_dstbias`, `_tzname`) and
//! `_tzset`, from the host's zone rules. Every mingw UCRT program imports these.

#![allow(non_upper_case_globals)] // the CRT's own names for its data exports

use crate::MSVCRT;
use dllcore::export;
use std::sync::Once;

/// _timezone: seconds west of UTC of standard time.
#[export(only = MSVCRT)]
pub static mut _timezone: i32 = 0;
/// _daylight: non-zero if the zone has daylight saving time.
#[export(only = MSVCRT)]
pub static mut _daylight: i32 = 0;
/// _dstbias: the daylight offset in seconds (negative: clocks go forward).
#[export(only = MSVCRT)]
pub static mut _dstbias: i32 = 0;
/// _tzname: the names of standard and daylight time.
#[export(only = MSVCRT)]
pub static mut _tzname: [*mut u8; 2] = [std::ptr::null_mut(); 2];

static INIT: Once = Once::new();

/// The host's view of the zone at `t` (UTC seconds): (offset east of UTC, abbreviation).
fn zone_at(t: i64) -> (i64, String) {
    // SAFETY: localtime_r fills a zeroed tm; tm_zone points at static storage.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        let tt = t as libc::time_t;
        if libc::localtime_r(&tt, &mut tm).is_null() {
            return (0, "UTC".into());
        }
        let name = if tm.tm_zone.is_null() {
            String::new()
        } else {
            std::ffi::CStr::from_ptr(tm.tm_zone)
                .to_string_lossy()
                .into_owned()
        };
        (tm.tm_gmtoff as i64, name)
    }
}

/// Fill the globals (once; `_tzset` does it again on request, the zone does not change).
fn init() {
    INIT.call_once(|| {
        // (glibc's localtime_r reads TZ itself.)
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        let year = 365 * 86400;
        let jan = zone_at(now - now % year + 15 * 86400);
        let jul = zone_at(now - now % year + 196 * 86400);
        let (std, dst) = if jan.0 <= jul.0 {
            (jan, jul)
        } else {
            (jul, jan)
        };
        let leak = |s: &str| {
            let mut v = s.as_bytes().to_vec();
            v.push(0);
            v.leak().as_mut_ptr()
        };
        unsafe {
            _timezone = -(std.0 as i32);
            _daylight = (std.0 != dst.0) as i32;
            _dstbias = if std.0 != dst.0 {
                -((dst.0 - std.0) as i32)
            } else {
                -3600
            };
            _tzname = [
                leak(&std.1),
                leak(if std.0 != dst.0 { &dst.1 } else { &std.1 }),
            ];
        }
    });
}

/// _tzset.
#[export]
pub extern "win64" fn _tzset() {
    init();
}

/// __timezone (UCRT): the address of `_timezone`.
#[export]
pub extern "win64" fn __timezone() -> *mut i32 {
    init();
    &raw mut _timezone
}

/// __daylight.
#[export]
pub extern "win64" fn __daylight() -> *mut i32 {
    init();
    &raw mut _daylight
}

/// __dstbias.
#[export]
pub extern "win64" fn __dstbias() -> *mut i32 {
    init();
    &raw mut _dstbias
}

/// __tzname.
#[export]
pub extern "win64" fn __tzname() -> *mut *mut u8 {
    init();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_globals_are_filled() {
        _tzset();
        let names = unsafe { std::slice::from_raw_parts(__tzname(), 2) };
        assert!(!names[0].is_null() && !names[1].is_null());
        let tz = unsafe { *__timezone() };
        assert!((-14 * 3600..=12 * 3600).contains(&tz));
        if unsafe { *__daylight() } == 0 {
            assert_eq!(unsafe { *__dstbias() }, -3600, "the Windows default");
        }
    }
}
