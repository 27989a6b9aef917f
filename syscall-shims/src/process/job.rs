//! Job objects: a set of processes ended together. A member's descendants count as members
//! (on Windows a process started by a job member joins the job; here the descendants are found
//! when the job ends them, by walking /proc, so processes it started before joining are
//! included too). Limits other than JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE are recorded, not
//! enforced.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};
use windows_sys::Win32::Foundation::{ERROR_ACCESS_DENIED, ERROR_INVALID_HANDLE};

use crate::handles::Object;
use crate::waitable::{State, Waitable};

/// JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE.
pub const KILL_ON_JOB_CLOSE: u32 = 0x2000;

/// A job object.
pub struct Job {
    /// Jobs are signaled when their end-of-job time limit passes, which is not enforced: never.
    pub waitable: Waitable,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Member process ids (the current process included if assigned).
    members: Vec<u32>,
    /// JOBOBJECT_BASIC_LIMIT_INFORMATION.LimitFlags.
    limit_flags: u32,
    /// The last extended limit information set (JOBOBJECT_EXTENDED_LIMIT_INFORMATION, 144
    /// bytes), given back by QueryInformationJobObject.
    limits: Vec<u8>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let i = self.lock();
        f.debug_struct("Job").field("members", &i.members).field("limit_flags", &i.limit_flags).finish()
    }
}

/// Live jobs, for ending kill-on-close jobs when the process exits.
static JOBS: Mutex<Vec<Weak<Object>>> = Mutex::new(Vec::new());

/// CreateJobObject: a new job object.
pub fn create() -> Arc<Object> {
    let obj = Arc::new(Object::Job(Job { waitable: Waitable::new(State::Exited(None)), inner: Mutex::default() }));
    let mut jobs = JOBS.lock().unwrap_or_else(|e| e.into_inner());
    jobs.retain(|w| w.strong_count() > 0);
    jobs.push(Arc::downgrade(&obj));
    obj
}

impl Job {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// AssignProcessToJobObject. ERROR_ACCESS_DENIED for a process that has exited.
    pub fn assign(&self, process: &Arc<Object>) -> Result<(), u32> {
        let Object::Process(p) = &**process else { return Err(ERROR_INVALID_HANDLE) };
        if p.exit_code().is_some() {
            return Err(ERROR_ACCESS_DENIED);
        }
        let mut i = self.lock();
        if !i.members.contains(&p.pid) {
            i.members.push(p.pid);
        }
        Ok(())
    }

    /// Is process `pid` (or one of its ancestors) a member?
    pub fn contains(&self, pid: u32) -> bool {
        let members = self.lock().members.clone();
        let parents = parent_map();
        let mut cur = pid;
        for _ in 0..64 {
            if members.contains(&cur) {
                return true;
            }
            match parents.get(&cur) {
                Some(&pp) if pp != 0 && pp != cur => cur = pp,
                _ => break,
            }
        }
        false
    }

    /// The members and their descendants still running.
    pub fn live_processes(&self) -> Vec<u32> {
        let members = self.lock().members.clone();
        descendants(&members)
    }

    pub fn limit_flags(&self) -> u32 {
        self.lock().limit_flags
    }

    /// SetInformationJobObject with limit information: the flags, and the structure as given.
    pub fn set_limits(&self, flags: u32, raw: &[u8]) {
        let mut i = self.lock();
        i.limit_flags = flags;
        i.limits = raw.to_vec();
    }

    /// The limit information last set (zeros if none), `len` bytes.
    pub fn limits(&self, len: usize) -> Vec<u8> {
        let mut v = self.lock().limits.clone();
        v.resize(len, 0);
        v
    }

    /// TerminateJobObject: end every member and descendant with `code`; the current process,
    /// if it is one, last.
    pub fn terminate(&self, code: u32) {
        let me = crate::sync::current_pid();
        let all = self.live_processes();
        for &pid in all.iter().filter(|&&p| p != me) {
            kill(pid, code);
        }
        if all.contains(&me) {
            super::terminate_self(code);
        }
    }
}

impl Drop for Job {
    /// The last handle is gone: a kill-on-close job ends its processes.
    fn drop(&mut self) {
        if self.lock().limit_flags & KILL_ON_JOB_CLOSE != 0 {
            self.terminate(0);
        }
    }
}

/// End the processes of the kill-on-close jobs still open (the process is exiting, which
/// closes its handles on Windows). The current process is not killed: it is exiting.
pub fn end_jobs_at_exit() {
    let jobs: Vec<Arc<Object>> =
        JOBS.lock().unwrap_or_else(|e| e.into_inner()).iter().filter_map(Weak::upgrade).collect();
    let me = crate::sync::current_pid();
    for j in jobs {
        if let Object::Job(job) = &*j
            && job.limit_flags() & KILL_ON_JOB_CLOSE != 0
        {
            for pid in job.live_processes().into_iter().filter(|&p| p != me) {
                kill(pid, 0);
            }
        }
    }
}

/// Is process `pid` in any job (IsProcessInJob with no job)?
pub fn any_contains(pid: u32) -> bool {
    let jobs: Vec<Arc<Object>> =
        JOBS.lock().unwrap_or_else(|e| e.into_inner()).iter().filter_map(Weak::upgrade).collect();
    jobs.iter().any(|j| matches!(&**j, Object::Job(job) if job.contains(pid)))
}

/// Kill process `pid` for a job: through its Child record (which records `code` as its exit
/// code) when it is ours, else with a plain SIGKILL.
fn kill(pid: u32, code: u32) {
    if let Some(c) = super::known().get(&pid).cloned() {
        let _ = c.kill(code);
    } else {
        // SAFETY: kill has no memory preconditions.
        unsafe { libc::kill(pid as i32, libc::SIGKILL) };
    }
}

/// pid → parent pid, for every process in /proc.
fn parent_map() -> HashMap<u32, u32> {
    let mut m = HashMap::new();
    let Ok(dir) = std::fs::read_dir("/proc") else { return m };
    for e in dir.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else { continue };
        let Ok(s) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
        let Some(close) = s.rfind(')') else { continue };
        // After the name: state, then ppid.
        if let Some(ppid) = s[close + 1..].split_whitespace().nth(1).and_then(|v| v.parse::<u32>().ok()) {
            m.insert(pid, ppid);
        }
    }
    m
}

/// `roots` that are alive, and all their descendants.
fn descendants(roots: &[u32]) -> Vec<u32> {
    let parents = parent_map();
    let mut out: Vec<u32> = roots.iter().copied().filter(|p| parents.contains_key(p)).collect();
    let mut i = 0;
    while i < out.len() {
        let p = out[i];
        for (&c, &pp) in &parents {
            if pp == p && !out.contains(&c) {
                out.push(c);
            }
        }
        i += 1;
    }
    out
}
