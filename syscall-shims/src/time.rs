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
