//! GetProcessTimes and GetThreadTimes: creation and exit times (FILETIME), kernel and user
//! time (100-ns units), from getrusage, wait4 and /proc.

use std::sync::{Arc, LazyLock};
use windows_sys::Win32::Foundation::ERROR_INVALID_HANDLE;

use crate::handles::Object;
use crate::time::EPOCH_DIFF_100NS;

/// What GetProcessTimes and GetThreadTimes report. `exit` is 0 while running.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Times {
    pub creation: u64,
    pub exit: u64,
    pub kernel: u64,
    pub user: u64,
}

fn clock_ticks() -> u64 {
    // SAFETY: sysconf has no preconditions.
    let t = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    if t > 0 { t as u64 } else { 100 }
}

/// 100-ns units per clock tick (/proc times are in ticks).
fn per_tick() -> u64 {
    10_000_000 / clock_ticks()
}

/// The boot time as a FILETIME (from /proc/stat's btime).
static BOOT: LazyLock<u64> = LazyLock::new(|| {
    let btime = std::fs::read_to_string("/proc/stat")
        .ok()
        .and_then(|s| s.lines().find_map(|l| l.strip_prefix("btime ").and_then(|v| v.trim().parse::<u64>().ok())))
        .unwrap_or(0);
    EPOCH_DIFF_100NS + btime * 10_000_000
});

/// (start time in ticks since boot, utime ticks, stime ticks) of a process or thread, from a
/// /proc stat file.
fn stat(path: &str) -> Option<(u64, u64, u64)> {
    let s = std::fs::read_to_string(path).ok()?;
    // The command name may hold spaces and parentheses: fields follow the last ')'.
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    // After the name: state is field 3, utime 14, stime 15, starttime 22 (1-based).
    let get = |n: usize| f.get(n - 3).and_then(|v| v.parse::<u64>().ok());
    Some((get(22)?, get(14)?, get(15)?))
}

/// The FILETIME at which process `pid` started.
pub fn start_filetime(pid: u32) -> Option<u64> {
    stat(&format!("/proc/{pid}/stat")).map(|(start, _, _)| *BOOT + start * per_tick())
}

fn rusage_times(who: i32) -> (u64, u64) {
    // SAFETY: a zeroed rusage to fill.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: valid out pointer.
    unsafe { libc::getrusage(who, &mut ru) };
    let tv = |t: libc::timeval| t.tv_sec as u64 * 10_000_000 + t.tv_usec as u64 * 10;
    (tv(ru.ru_stime), tv(ru.ru_utime))
}

/// GetProcessTimes of a process object.
pub fn process_times(obj: &Arc<Object>) -> Result<Times, u32> {
    let Object::Process(p) = &**obj else { return Err(ERROR_INVALID_HANDLE) };
    if p.pid == crate::sync::current_pid() {
        let (kernel, user) = rusage_times(libc::RUSAGE_SELF);
        return Ok(Times { creation: start_filetime(p.pid).unwrap_or(0), exit: 0, kernel, user });
    }
    let child = super::child_of(obj);
    let created = child.as_ref().map(|c| c.created).filter(|&c| c != 0);
    if let Some(e) = child.as_ref().and_then(|c| *c.exit.lock().unwrap_or_else(|e| e.into_inner())) {
        return Ok(Times { creation: created.unwrap_or(0), exit: e.time, kernel: e.kernel, user: e.user });
    }
    let (start, user, kernel) = stat(&format!("/proc/{}/stat", p.pid)).unwrap_or_default();
    Ok(Times {
        creation: created.unwrap_or(*BOOT + start * per_tick()),
        exit: 0,
        kernel: kernel * per_tick(),
        user: user * per_tick(),
    })
}

/// GetThreadTimes of host thread `tid`. The calling thread's CPU times come from getrusage
/// (microseconds); others' from /proc (clock ticks). A thread that has ended reports zeros.
pub fn thread_times(tid: u32) -> Times {
    let me = crate::sync::current_tid();
    let st = stat(&format!("/proc/self/task/{tid}/stat")).or_else(|| stat(&format!("/proc/{tid}/stat")));
    let Some((start, user, kernel)) = st else { return Times::default() };
    let creation = *BOOT + start * per_tick();
    if tid == me {
        let (kernel, user) = rusage_times(libc::RUSAGE_THREAD);
        return Times { creation, exit: 0, kernel, user };
    }
    Times { creation, exit: 0, kernel: kernel * per_tick(), user: user * per_tick() }
}
