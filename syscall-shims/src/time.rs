//! Clocks in Windows units.

/// 100-ns intervals between 1601-01-01 and 1970-01-01.
pub const EPOCH_DIFF_100NS: u64 = 116_444_736_000_000_000;

/// The current time as a FILETIME value (100-ns units since 1601, UTC).
pub fn now_filetime() -> u64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: valid out pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut ts) };
    EPOCH_DIFF_100NS + ts.tv_sec as u64 * 10_000_000 + ts.tv_nsec as u64 / 100
}

/// Monotonic nanoseconds (QueryPerformanceCounter, GetTickCount).
pub fn monotonic_ns() -> u64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: valid out pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// Monotonic milliseconds from a coarse clock (GetTickCount: cheap, 1–4 ms resolution, which
/// is finer than Windows' 10–16 ms tick).
pub fn monotonic_coarse_ms() -> u64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: valid out pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC_COARSE, &mut ts) };
    ts.tv_sec as u64 * 1000 + ts.tv_nsec as u64 / 1_000_000
}

/// The processors' times since boot, summed over all of them, in 100-ns units: (idle, kernel,
/// user) as GetSystemTimes reports them — kernel time includes idle time. From the host's
/// /proc/stat (user+nice, system+irq+softirq, idle+iowait).
pub fn system_times() -> Option<(u64, u64, u64)> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let line = stat.lines().find(|l| l.starts_with("cpu "))?;
    let v: Vec<u64> = line.split_whitespace().skip(1).map(|x| x.parse().unwrap_or(0)).collect();
    let get = |i: usize| v.get(i).copied().unwrap_or(0);
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    let to_100ns = |ticks: u64| ticks * (10_000_000 / hz);
    let idle = to_100ns(get(3) + get(4));
    let kernel = to_100ns(get(2) + get(5) + get(6)) + idle;
    let user = to_100ns(get(0) + get(1));
    Some((idle, kernel, user))
}

/// A broken-down time, as SYSTEMTIME holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fields {
    pub year: u16,
    pub month: u16,
    /// 0 = Sunday.
    pub day_of_week: u16,
    pub day: u16,
    pub hour: u16,
    pub minute: u16,
    pub second: u16,
    pub ms: u16,
}

/// Days from 1970-01-01 to year-month-day (proleptic Gregorian; month 1..=12). The one
/// calendar computation of wine-rs: the CRT's time functions (epoch 1970) and the FILETIME
/// conversions (epoch 1601, [`DAYS_1601_TO_1970`] earlier) both use it.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    // Shift the year to start in March so the leap day is last.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    // Days from 0000-03-01 to 1970-01-01: 719468.
    era * 146_097 + doe - 719_468
}

/// (year, month 1..=12, day) of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

/// Days from 1601-01-01 (FILETIME's epoch) to 1970-01-01.
pub const DAYS_1601_TO_1970: i64 = 134_774;

/// Is `y` a Gregorian leap year?
pub fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// The days of a month.
pub fn month_days(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A FILETIME value broken down (FileTimeToSystemTime); None above 0x7fffffffffffffff, which
/// Windows refuses.
pub fn to_fields(ft: u64) -> Option<Fields> {
    if ft > i64::MAX as u64 {
        return None;
    }
    let ms_total = ft / 10_000;
    let days = (ms_total / 86_400_000) as i64;
    let in_day = ms_total % 86_400_000;
    let (y, m, d) = civil_from_days(days - DAYS_1601_TO_1970);
    Some(Fields {
        year: y as u16,
        month: m as u16,
        // 1601-01-01 was a Monday.
        day_of_week: ((days + 1) % 7) as u16,
        day: d as u16,
        hour: (in_day / 3_600_000) as u16,
        minute: (in_day / 60_000 % 60) as u16,
        second: (in_day / 1000 % 60) as u16,
        ms: (in_day % 1000) as u16,
    })
}

/// Fields back to a FILETIME value (SystemTimeToFileTime); None when a field is out of range
/// (year 1601..=30827, a real date, hour < 24, minute/second < 60, ms < 1000). The day of
/// the week is ignored.
pub fn from_fields(f: &Fields) -> Option<u64> {
    let (y, m, d) = (f.year as i64, f.month as i64, f.day as i64);
    if !(1601..=30827).contains(&y) || !(1..=12).contains(&m) || d < 1 || d > month_days(y, m) {
        return None;
    }
    if f.hour > 23 || f.minute > 59 || f.second > 59 || f.ms > 999 {
        return None;
    }
    let days = (days_from_civil(y, m, d) + DAYS_1601_TO_1970) as u64;
    let ms = ((days * 24 + f.hour as u64) * 60 + f.minute as u64) * 60_000 + f.second as u64 * 1000 + f.ms as u64;
    Some(ms * 10_000)
}

/// The host zone's current offset from UTC in seconds (east positive), DST included: what
/// Windows' FileTimeToLocalFileTime adds (it uses the current bias, whatever the date
/// converted).
pub fn local_offset_now() -> i64 {
    // SAFETY: time(2) and localtime_r(3) with valid pointers; glibc reads TZ (or
    // /etc/localtime) on first use.
    unsafe {
        let t = libc::time(std::ptr::null_mut());
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            return 0;
        }
        tm.tm_gmtoff
    }
}

/// Is daylight saving time in effect in the host zone now?
pub fn dst_now() -> bool {
    // SAFETY: as in local_offset_now.
    unsafe {
        let t = libc::time(std::ptr::null_mut());
        let mut tm: libc::tm = std::mem::zeroed();
        !libc::localtime_r(&t, &mut tm).is_null() && tm.tm_isdst > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trips() {
        assert_eq!(days_from_civil(1601, 1, 1), -DAYS_1601_TO_1970);
        assert_eq!(civil_from_days(-DAYS_1601_TO_1970), (1601, 1, 1));
        // 1970-01-01 is 134774 days after 1601-01-01, a Thursday.
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
        let f = to_fields(EPOCH_DIFF_100NS).unwrap();
        assert_eq!((f.year, f.month, f.day, f.day_of_week), (1970, 1, 1, 4));
        for days in (0..3_000_000i64).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        let f = Fields { year: 2000, month: 2, day: 29, hour: 23, minute: 59, second: 59, ms: 999, day_of_week: 0 };
        let ft = from_fields(&f).unwrap();
        assert_eq!(to_fields(ft).unwrap(), Fields { day_of_week: 2, ..f });
        assert!(from_fields(&Fields { day: 29, month: 2, year: 1900, ..f }).is_none());
        assert!(to_fields(1 << 63).is_none());
    }
}
