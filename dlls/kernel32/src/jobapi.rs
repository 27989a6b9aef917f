//! jobapi.h and jobapi2.h: job objects, sets of processes ended together
//! (`syscall_shims::process::job`). JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE and TerminateJobObject
//! work; other limits are recorded and reported back, not enforced.

use crate::handleapi::inherit_of;
use dllcore::{export, teb};
use std::sync::Once;
use syscall_shims::handles::{self, Object};
use syscall_shims::process::job;
use windows_sys::Win32::Foundation::{
    ERROR_ALREADY_EXISTS, ERROR_BAD_LENGTH, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_SUCCESS, FALSE,
    HANDLE, TRUE,
};
use windows_sys::Win32::Security::SECURITY_ATTRIBUTES;
use windows_sys::core::{BOOL, PCSTR, PCWSTR};

/// JOBOBJECTINFOCLASS values.
const BASIC_ACCOUNTING: i32 = 1;
const BASIC_LIMIT: i32 = 2;
const BASIC_PROCESS_ID_LIST: i32 = 3;
const EXTENDED_LIMIT: i32 = 9;
/// sizeof(JOBOBJECT_BASIC_LIMIT_INFORMATION), sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION),
/// sizeof(JOBOBJECT_BASIC_ACCOUNTING_INFORMATION) on x64.
const BASIC_LIMIT_SIZE: usize = 64;
const EXTENDED_LIMIT_SIZE: usize = 144;
const ACCOUNTING_SIZE: usize = 48;
/// JOBOBJECT_BASIC_LIMIT_INFORMATION.LimitFlags.
const LIMIT_FLAGS_OFFSET: usize = 16;

fn is_job(o: &Object) -> bool {
    matches!(o, Object::Job(_))
}

fn create_job(name: Option<String>, inherit: bool) -> HANDLE {
    static EXIT_HOOK: Once = Once::new();
    // Kill-on-close jobs end their processes when ours exits (its handles close).
    EXIT_HOOK.call_once(|| dllcore::process::on_exit(job::end_jobs_at_exit));
    let (obj, existed) = match name {
        None => (job::create(), false),
        Some(n) => match handles::create_named(&n, is_job, || Ok(job::create())) {
            Ok(r) => r,
            Err(e) => return teb::fail(e, std::ptr::null_mut()),
        },
    };
    teb::set_last_error(if existed { ERROR_ALREADY_EXISTS } else { ERROR_SUCCESS });
    handles::insert(obj, inherit)
}

/// CreateJobObjectW: a new job (or the existing one of that name, with ERROR_ALREADY_EXISTS).
#[export]
pub unsafe extern "win64" fn CreateJobObjectW(sa: *const SECURITY_ATTRIBUTES, name: PCWSTR) -> HANDLE {
    // SAFETY: NULL or valid attributes and name.
    let (inherit, name) = unsafe { (inherit_of(sa), dllcore::strings::wstr_to_string(name)) };
    create_job(name.filter(|n| !n.is_empty()), inherit)
}

/// CreateJobObjectA: CreateJobObjectW with an ANSI name.
#[export]
pub unsafe extern "win64" fn CreateJobObjectA(sa: *const SECURITY_ATTRIBUTES, name: PCSTR) -> HANDLE {
    // SAFETY: NULL or valid attributes and name.
    let (inherit, name) =
        unsafe { (inherit_of(sa), dllcore::strings::cstr(name).map(syscall_shims::codepage::ansi_to_string)) };
    create_job(name.filter(|n| !n.is_empty()), inherit)
}

fn open_job(name: Option<String>, inherit: bool) -> HANDLE {
    let Some(name) = name else { return teb::fail(ERROR_INVALID_PARAMETER, std::ptr::null_mut()) };
    match handles::open_named(&name, is_job) {
        Ok(o) => handles::insert(o, inherit),
        Err(e) => teb::fail(e, std::ptr::null_mut()),
    }
}

/// OpenJobObjectW: the job of that name (in this process's namespace).
#[export]
pub unsafe extern "win64" fn OpenJobObjectW(_access: u32, inherit: BOOL, name: PCWSTR) -> HANDLE {
    // SAFETY: a NUL-terminated name.
    open_job(unsafe { dllcore::strings::wstr_to_string(name) }, inherit != 0)
}

/// OpenJobObjectA: OpenJobObjectW with an ANSI name.
#[export]
pub unsafe extern "win64" fn OpenJobObjectA(_access: u32, inherit: BOOL, name: PCSTR) -> HANDLE {
    // SAFETY: a NUL-terminated name.
    open_job(unsafe { dllcore::strings::cstr(name) }.map(syscall_shims::codepage::ansi_to_string), inherit != 0)
}

fn with_job<T>(h: HANDLE, f: impl FnOnce(&job::Job) -> Result<T, u32>) -> Result<T, u32> {
    match &*handles::get(h)? {
        Object::Job(j) => f(j),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

fn result(r: Result<(), u32>) -> BOOL {
    match r {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// AssignProcessToJobObject: make a process (the current one included) a member; the
/// processes it starts are members too.
/// Processes a member started before joining count as members as well.
#[export]
pub extern "win64" fn AssignProcessToJobObject(job: HANDLE, process: HANDLE) -> BOOL {
    result(handles::resolve(process).and_then(|p| with_job(job, |j| j.assign(&p))))
}

/// TerminateJobObject: end every process of the job with `code` (the calling process last,
/// if it is a member).
#[export]
pub extern "win64" fn TerminateJobObject(job: HANDLE, code: u32) -> BOOL {
    result(with_job(job, |j| {
        j.terminate(code);
        Ok(())
    }))
}

/// SetInformationJobObject: JobObjectBasicLimitInformation and JobObjectExtendedLimitInformation
/// set the limits (ERROR_BAD_LENGTH for a wrong size); JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE makes
/// closing the job's last handle end its processes. Other classes are accepted.
/// Limits other than kill-on-close are recorded, not enforced.
#[export]
pub unsafe extern "win64" fn SetInformationJobObject(
    job: HANDLE,
    class: i32,
    info: *const core::ffi::c_void,
    len: u32,
) -> BOOL {
    let want = match class {
        BASIC_LIMIT => BASIC_LIMIT_SIZE,
        EXTENDED_LIMIT => EXTENDED_LIMIT_SIZE,
        _ => return result(with_job(job, |_| Ok(()))),
    };
    if len as usize != want || info.is_null() {
        return teb::fail(ERROR_BAD_LENGTH, FALSE);
    }
    // SAFETY: the program passes `len` readable bytes.
    let raw = unsafe { std::slice::from_raw_parts(info as *const u8, want) };
    let flags = u32::from_le_bytes(raw[LIMIT_FLAGS_OFFSET..LIMIT_FLAGS_OFFSET + 4].try_into().unwrap_or_default());
    result(with_job(job, |j| {
        let mut all = j.limits(EXTENDED_LIMIT_SIZE);
        all[..want].copy_from_slice(raw);
        j.set_limits(flags, &all);
        Ok(())
    }))
}

/// QueryInformationJobObject: JobObjectBasicLimitInformation and
/// JobObjectExtendedLimitInformation (the limits as set), JobObjectBasicAccountingInformation
/// (process counts; CPU times are 0), JobObjectBasicProcessIdList. ERROR_BAD_LENGTH when the
/// buffer is too small; ERROR_INVALID_PARAMETER for other classes.
#[export]
pub unsafe extern "win64" fn QueryInformationJobObject(
    job: HANDLE,
    class: i32,
    info: *mut core::ffi::c_void,
    len: u32,
    ret_len: *mut u32,
) -> BOOL {
    let data = with_job(job, |j| {
        Ok(match class {
            BASIC_LIMIT => j.limits(BASIC_LIMIT_SIZE),
            EXTENDED_LIMIT => j.limits(EXTENDED_LIMIT_SIZE),
            BASIC_ACCOUNTING => {
                let live = j.live_processes().len() as u32;
                let mut v = vec![0u8; ACCOUNTING_SIZE];
                v[36..40].copy_from_slice(&live.to_le_bytes()); // TotalProcesses
                v[40..44].copy_from_slice(&live.to_le_bytes()); // ActiveProcesses
                v
            }
            BASIC_PROCESS_ID_LIST => {
                let pids = j.live_processes();
                let fit = (len as usize).saturating_sub(8) / 8;
                let mut v = Vec::with_capacity(8 + 8 * pids.len().min(fit));
                v.extend_from_slice(&(pids.len() as u32).to_le_bytes());
                v.extend_from_slice(&(pids.len().min(fit) as u32).to_le_bytes());
                for p in pids.iter().take(fit) {
                    v.extend_from_slice(&(*p as u64).to_le_bytes());
                }
                v
            }
            _ => return Err(ERROR_INVALID_PARAMETER),
        })
    });
    let data = match data {
        Ok(d) => d,
        Err(e) => return teb::fail(e, FALSE),
    };
    let need = if class == BASIC_PROCESS_ID_LIST { 8 } else { data.len() };
    if (len as usize) < need || info.is_null() {
        return teb::fail(ERROR_BAD_LENGTH, FALSE);
    }
    // SAFETY: the program passes `len` writable bytes (checked above) and a DWORD or NULL.
    unsafe {
        std::ptr::copy_nonoverlapping(data.as_ptr(), info as *mut u8, data.len());
        if !ret_len.is_null() {
            *ret_len = data.len() as u32;
        }
    }
    TRUE
}

/// IsProcessInJob: is the process a member of `job` (of any job when `job` is NULL)?
#[export]
pub unsafe extern "win64" fn IsProcessInJob(process: HANDLE, job: HANDLE, out: *mut BOOL) -> BOOL {
    let pid = match handles::resolve(process).as_deref() {
        Ok(Object::Process(p)) => p.pid,
        _ => return teb::fail(ERROR_INVALID_HANDLE, FALSE),
    };
    let inside = if job.is_null() {
        job::any_contains(pid)
    } else {
        match with_job(job, |j| Ok(j.contains(pid))) {
            Ok(b) => b,
            Err(e) => return teb::fail(e, FALSE),
        }
    };
    if out.is_null() {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: the program passes a BOOL to fill.
    unsafe { *out = inside as BOOL };
    TRUE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handleapi::CloseHandle;
    use crate::processthreadsapi::GetCurrentProcess;

    #[test]
    fn limits_and_membership() {
        teb::attach_current_thread();
        let j = unsafe { CreateJobObjectW(std::ptr::null(), std::ptr::null()) };
        assert!(!j.is_null());
        let mut info = [0u8; EXTENDED_LIMIT_SIZE];
        info[LIMIT_FLAGS_OFFSET..LIMIT_FLAGS_OFFSET + 4].copy_from_slice(&0x2000u32.to_le_bytes());
        assert_eq!(unsafe { SetInformationJobObject(j, EXTENDED_LIMIT, info.as_ptr() as _, 100) }, FALSE);
        assert_eq!(unsafe { SetInformationJobObject(j, EXTENDED_LIMIT, info.as_ptr() as _, 144) }, TRUE);
        let mut back = [0u8; EXTENDED_LIMIT_SIZE];
        let mut n = 0;
        assert_eq!(unsafe { QueryInformationJobObject(j, EXTENDED_LIMIT, back.as_mut_ptr() as _, 144, &mut n) }, TRUE);
        assert_eq!((n, back), (144, info));
        let mut inside = TRUE;
        assert_eq!(unsafe { IsProcessInJob(GetCurrentProcess(), j, &mut inside) }, TRUE);
        assert_eq!(inside, FALSE);
        // Clear kill-on-close before anything could make us a member.
        info[LIMIT_FLAGS_OFFSET..LIMIT_FLAGS_OFFSET + 4].copy_from_slice(&0u32.to_le_bytes());
        assert_eq!(unsafe { SetInformationJobObject(j, EXTENDED_LIMIT, info.as_ptr() as _, 144) }, TRUE);
        assert_eq!(AssignProcessToJobObject(j, GetCurrentProcess()), TRUE);
        assert_eq!(unsafe { IsProcessInJob(GetCurrentProcess(), j, &mut inside) }, TRUE);
        assert_eq!(inside, TRUE);
        let mut acct = [0u8; ACCOUNTING_SIZE];
        assert_eq!(unsafe { QueryInformationJobObject(j, BASIC_ACCOUNTING, acct.as_mut_ptr() as _, 48, &mut n) }, TRUE);
        assert!(u32::from_le_bytes(acct[40..44].try_into().unwrap()) >= 1);
        assert_eq!(CloseHandle(j), TRUE);
        assert_eq!(AssignProcessToJobObject(GetCurrentProcess(), GetCurrentProcess()), FALSE);
    }
}
