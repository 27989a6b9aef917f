//! Time conversions (timezoneapi.h, fileapi.h, winbase.h): FILETIME ⇄ SYSTEMTIME, UTC ⇄ local
//! FILETIMEs in the host's zone, FILETIME ⇄ MS-DOS date and time; GetSystemTime, GetLocalTime.
//! The calendar work is in `syscall_shims::time`.

use dllcore::{export, teb};
use syscall_shims::time::{self, Fields};
use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, ERROR_NOACCESS, FALSE, FILETIME, SYSTEMTIME, TRUE};
use windows_sys::core::BOOL;

fn ft_value(ft: &FILETIME) -> u64 {
    (ft.dwHighDateTime as u64) << 32 | ft.dwLowDateTime as u64
}

fn ft_from(v: u64) -> FILETIME {
    FILETIME { dwLowDateTime: v as u32, dwHighDateTime: (v >> 32) as u32 }
}

fn st_from(f: Fields) -> SYSTEMTIME {
    SYSTEMTIME {
        wYear: f.year,
        wMonth: f.month,
        wDayOfWeek: f.day_of_week,
        wDay: f.day,
        wHour: f.hour,
        wMinute: f.minute,
        wSecond: f.second,
        wMilliseconds: f.ms,
    }
}

fn fields_from(st: &SYSTEMTIME) -> Fields {
    Fields {
        year: st.wYear,
        month: st.wMonth,
        day_of_week: st.wDayOfWeek,
        day: st.wDay,
        hour: st.wHour,
        minute: st.wMinute,
        second: st.wSecond,
        ms: st.wMilliseconds,
    }
}

/// FileTimeToSystemTime: break a FILETIME down (no zone conversion). ERROR_INVALID_PARAMETER
/// for values above 0x7fffffffffffffff.
#[export]
pub unsafe extern "win64" fn FileTimeToSystemTime(ft: *const FILETIME, st: *mut SYSTEMTIME) -> BOOL {
    if ft.is_null() || st.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program's structures.
    match time::to_fields(ft_value(&unsafe { ft.read_unaligned() })) {
        Some(f) => {
            // SAFETY: as above.
            unsafe { st.write_unaligned(st_from(f)) };
            TRUE
        }
        None => teb::fail(ERROR_INVALID_PARAMETER, FALSE),
    }
}

/// SystemTimeToFileTime: the FILETIME of a SYSTEMTIME; ERROR_INVALID_PARAMETER when a field
/// is out of range (wDayOfWeek is ignored).
#[export]
pub unsafe extern "win64" fn SystemTimeToFileTime(st: *const SYSTEMTIME, ft: *mut FILETIME) -> BOOL {
    if ft.is_null() || st.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program's structures.
    match time::from_fields(&fields_from(&unsafe { st.read_unaligned() })) {
        Some(v) => {
            // SAFETY: as above.
            unsafe { ft.write_unaligned(ft_from(v)) };
            TRUE
        }
        None => teb::fail(ERROR_INVALID_PARAMETER, FALSE),
    }
}

/// Add the current local offset (seconds) to a FILETIME value, in either direction; None when
/// the result leaves the FILETIME range.
fn shift(v: u64, offset_s: i64) -> Option<u64> {
    let r = v as i128 + offset_s as i128 * 10_000_000;
    (0..=i64::MAX as i128).contains(&r).then_some(r as u64)
}

/// FileTimeToLocalFileTime: UTC to local time by the host zone's *current* offset (daylight
/// saving included), as Windows does whatever the date converted.
#[export]
pub unsafe extern "win64" fn FileTimeToLocalFileTime(ft: *const FILETIME, local: *mut FILETIME) -> BOOL {
    if ft.is_null() || local.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program's structures.
    match shift(ft_value(&unsafe { ft.read_unaligned() }), time::local_offset_now()) {
        Some(v) => {
            // SAFETY: as above.
            unsafe { local.write_unaligned(ft_from(v)) };
            TRUE
        }
        None => teb::fail(ERROR_INVALID_PARAMETER, FALSE),
    }
}

/// LocalFileTimeToFileTime: local time to UTC by the current offset (the inverse of
/// FileTimeToLocalFileTime).
#[export]
pub unsafe extern "win64" fn LocalFileTimeToFileTime(local: *const FILETIME, ft: *mut FILETIME) -> BOOL {
    if ft.is_null() || local.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program's structures.
    match shift(ft_value(&unsafe { local.read_unaligned() }), -time::local_offset_now()) {
        Some(v) => {
            // SAFETY: as above.
            unsafe { ft.write_unaligned(ft_from(v)) };
            TRUE
        }
        None => teb::fail(ERROR_INVALID_PARAMETER, FALSE),
    }
}

/// FileTimeToDosDateTime: the MS-DOS date ((year-1980) << 9 | month << 5 | day) and time
/// (hour << 11 | minute << 5 | second / 2) of a FILETIME (no zone conversion: programs pass a
/// local FILETIME). ERROR_INVALID_PARAMETER outside 1980..=2107.
#[export]
pub unsafe extern "win64" fn FileTimeToDosDateTime(ft: *const FILETIME, date: *mut u16, tm: *mut u16) -> BOOL {
    if ft.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program's structure.
    let Some(f) = time::to_fields(ft_value(&unsafe { ft.read_unaligned() })) else {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    };
    if !(1980..=2107).contains(&f.year) {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: the program's out parameters (each may be null).
    unsafe {
        if !date.is_null() {
            *date = ((f.year - 1980) << 9) | (f.month << 5) | f.day;
        }
        if !tm.is_null() {
            *tm = (f.hour << 11) | (f.minute << 5) | (f.second / 2);
        }
    }
    TRUE
}

/// DosDateTimeToFileTime: the FILETIME of an MS-DOS date and time; ERROR_INVALID_PARAMETER
/// when a field is out of range (month 0, day 0 or past the month, hour 24+, minute 60+,
/// seconds field 30+).
#[export]
pub unsafe extern "win64" fn DosDateTimeToFileTime(date: u16, tm: u16, ft: *mut FILETIME) -> BOOL {
    if ft.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    let f = Fields {
        year: (date >> 9) + 1980,
        month: (date >> 5) & 0xf,
        day: date & 0x1f,
        hour: tm >> 11,
        minute: (tm >> 5) & 0x3f,
        second: (tm & 0x1f) * 2,
        ms: 0,
        day_of_week: 0,
    };
    match time::from_fields(&f) {
        Some(v) => {
            // SAFETY: the program's out parameter.
            unsafe { ft.write_unaligned(ft_from(v)) };
            TRUE
        }
        None => teb::fail(ERROR_INVALID_PARAMETER, FALSE),
    }
}

/// GetSystemTime: the current UTC time, broken down.
#[export]
pub unsafe extern "win64" fn GetSystemTime(st: *mut SYSTEMTIME) {
    if let (false, Some(f)) = (st.is_null(), time::to_fields(time::now_filetime())) {
        // SAFETY: the program's structure.
        unsafe { st.write_unaligned(st_from(f)) };
    }
}

/// GetLocalTime: the current local time (host zone), broken down.
#[export]
pub unsafe extern "win64" fn GetLocalTime(st: *mut SYSTEMTIME) {
    let local = shift(time::now_filetime(), time::local_offset_now()).and_then(time::to_fields);
    if let (false, Some(f)) = (st.is_null(), local) {
        // SAFETY: the program's structure.
        unsafe { st.write_unaligned(st_from(f)) };
    }
}
