//! profileapi.h: the performance counter.

use dllcore::{export, teb};
use syscall_shims::time;
use windows_sys::Win32::Foundation::{ERROR_NOACCESS, FALSE, TRUE};
use windows_sys::core::BOOL;

/// The performance counter's frequency: 10 MHz (100-ns ticks), as on current Windows.
pub const QPC_FREQUENCY: i64 = 10_000_000;

/// QueryPerformanceCounter: a monotonic counter in units of QueryPerformanceFrequency.
/// Counts 100-ns ticks of the host's CLOCK_MONOTONIC.
#[export]
pub unsafe extern "win64" fn QueryPerformanceCounter(count: *mut i64) -> BOOL {
    if count.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes a LARGE_INTEGER to fill.
    unsafe { count.write_unaligned((time::monotonic_ns() / 100) as i64) };
    TRUE
}

/// QueryPerformanceFrequency: the counter's ticks per second (10,000,000).
#[export]
pub unsafe extern "win64" fn QueryPerformanceFrequency(freq: *mut i64) -> BOOL {
    if freq.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes a LARGE_INTEGER to fill.
    unsafe { freq.write_unaligned(QPC_FREQUENCY) };
    TRUE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counter_advances_at_frequency() {
        let (mut f, mut a, mut b) = (0, 0, 0);
        unsafe {
            assert_eq!(QueryPerformanceFrequency(&mut f), TRUE);
            assert_eq!(QueryPerformanceCounter(&mut a), TRUE);
            std::thread::sleep(std::time::Duration::from_millis(10));
            assert_eq!(QueryPerformanceCounter(&mut b), TRUE);
        }
        assert_eq!(f, 10_000_000);
        // 10 ms = 100,000 ticks.
        assert!(b - a >= 100_000 && b - a < 10_000_000, "{}", b - a);
    }
}
