//! Starting native children (PE children need the wine-rs binary: test-apps/proc covers them).

use super::*;
use crate::file;
use crate::handles;
use crate::waitable::{self, WaitResult};
use std::time::Duration;
use windows_sys::Win32::Foundation::HANDLE;

fn wait(obj: &Arc<Object>, ms: u64) -> WaitResult {
    waitable::wait(std::slice::from_ref(obj), false, Some(Duration::from_millis(ms)))
}

fn exit_code(obj: &Arc<Object>) -> Option<u32> {
    match &**obj {
        Object::Process(p) => p.exit_code(),
        _ => None,
    }
}

fn read_all(h: HANDLE) -> String {
    let mut out = Vec::new();
    let mut buf = [0u8; 256];
    loop {
        match file::read(h, &mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn env() -> Vec<String> {
    vec!["PATH=Z:\\usr\\bin;Z:\\bin;C:\\windows".into(), "WINERS_TEST=é".into()]
}

fn spawn_native(cmd: &str, std: [HANDLE; 3], inherit: &[HANDLE], suspended: bool) -> Spawned {
    let env = env();
    spawn(&Spawn {
        program: "/bin/sh",
        image: "Z:\\bin\\sh",
        kind: ProgramKind::Native,
        command_line: cmd,
        cwd: Some("/"),
        env: &env,
        inherit,
        std,
        suspended,
        new_group: false,
        reserved2: &[],
    })
    .expect("spawn")
}

#[test]
fn native_child_with_redirected_std_handles() {
    let (in_r, in_w) = crate::pipe::create_anonymous(0, true).unwrap();
    let (out_r, out_w) = crate::pipe::create_anonymous(0, true).unwrap();
    let (err_r, err_w) = crate::pipe::create_anonymous(0, true).unwrap();
    let s = spawn_native(
        r#"/bin/sh -c "read x; echo got $x in $(pwd) $WINERS_TEST; echo PATH=$PATH; echo oops >&2; exit 3""#,
        [in_r, out_w, err_w],
        &[in_r, out_w, err_w],
        false,
    );
    for h in [in_r, out_w, err_w] {
        handles::close(h).unwrap();
    }
    file::write(in_w, b"hello\n").unwrap();
    handles::close(in_w).unwrap();
    let out = read_all(out_r);
    assert_eq!(out, "got hello in / é\nPATH=/usr/bin:/bin\n");
    assert_eq!(read_all(err_r), "oops\n");
    assert_eq!(wait(&s.process, 5000), WaitResult::Signaled(0));
    assert_eq!(exit_code(&s.process), Some(3));
    assert_eq!(wait(&s.thread, 1000), WaitResult::Signaled(0), "the main thread ends with the process");
    let t = times::process_times(&s.process).unwrap();
    assert!(t.creation > 0 && t.exit >= t.creation, "{t:?}");
    handles::close(out_r).unwrap();
    handles::close(err_r).unwrap();
}

#[test]
fn terminate_reports_the_code_and_open_finds_the_child() {
    let s = spawn_native("/bin/sh -c \"sleep 30\"", [std::ptr::null_mut(); 3], &[], false);
    assert_eq!(wait(&s.process, 50), WaitResult::Timeout);
    let again = open(s.pid).unwrap();
    assert!(Arc::ptr_eq(&again, &s.process), "OpenProcess gives the same object");
    assert!(times::process_times(&s.process).unwrap().exit == 0);
    terminate(&s.process, 0x1234_5678).unwrap();
    assert_eq!(wait(&again, 5000), WaitResult::Signaled(0));
    assert_eq!(exit_code(&s.process), Some(0x1234_5678));
    assert_eq!(terminate(&s.process, 1), Err(ERROR_ACCESS_DENIED), "already exited");
    assert!(Arc::ptr_eq(&open(crate::sync::current_pid()).unwrap(), &waitable::current_process()));
    assert_eq!(open(0).unwrap_err(), ERROR_INVALID_PARAMETER);
}

#[test]
fn suspended_child_waits_for_its_thread_to_resume() {
    let (out_r, out_w) = crate::pipe::create_anonymous(0, true).unwrap();
    let s = spawn_native("/bin/sh -c \"echo ran\"", [std::ptr::null_mut(), out_w, out_w], &[out_w], true);
    handles::close(out_w).unwrap();
    assert_eq!(wait(&s.process, 150), WaitResult::Timeout, "held at the gate");
    assert_eq!(crate::pipe::peek(out_r, &mut []).unwrap().available, 0);
    let Object::Thread(t) = &*s.thread else { panic!() };
    assert_eq!(t.suspend_count(), 1);
    assert_eq!(t.resume(), 1);
    assert_eq!(read_all(out_r), "ran\n");
    assert_eq!(wait(&s.process, 5000), WaitResult::Signaled(0));
    assert_eq!(exit_code(&s.process), Some(0));
    handles::close(out_r).unwrap();
}

fn pipe_name_of(h: HANDLE) -> String {
    let fd = file::fd_of(h).unwrap();
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::fstat(fd, &mut st) }, 0);
    format!("pipe:[{}]", st.st_ino)
}

#[test]
fn only_listed_handles_reach_the_child() {
    let (a_r, a_w) = crate::pipe::create_anonymous(0, true).unwrap();
    let (b_r, b_w) = crate::pipe::create_anonymous(0, true).unwrap();
    let (out_r, out_w) = crate::pipe::create_anonymous(0, true).unwrap();
    // The child lists what its open fds are.
    let s = spawn_native(
        "/bin/sh -c \"for f in /proc/$$/fd/*; do readlink $f; done\"",
        [std::ptr::null_mut(), out_w, std::ptr::null_mut()],
        &[a_w, out_w],
        false,
    );
    handles::close(out_w).unwrap();
    let listing = read_all(out_r);
    assert_eq!(wait(&s.process, 5000), WaitResult::Signaled(0));
    assert!(listing.contains(&pipe_name_of(a_w)), "{listing}");
    assert!(!listing.contains(&pipe_name_of(b_w)), "{listing}");
    for h in [a_r, a_w, b_r, b_w, out_r] {
        handles::close(h).unwrap();
    }
}

#[test]
fn jobs_end_their_processes() {
    let j = job::create();
    let s = spawn_native("/bin/sh -c \"sleep 30\"", [std::ptr::null_mut(); 3], &[], false);
    let Object::Job(job) = &*j else { panic!() };
    job.assign(&s.process).unwrap();
    assert!(job.contains(s.pid));
    assert!(!job.contains(crate::sync::current_pid()));
    job.set_limits(job::KILL_ON_JOB_CLOSE, &[0; 144]);
    assert_eq!(wait(&s.process, 50), WaitResult::Timeout);
    drop(j);
    assert_eq!(wait(&s.process, 5000), WaitResult::Signaled(0), "kill on job close");
    assert_eq!(exit_code(&s.process), Some(0));

    let j = job::create();
    let Object::Job(job) = &*j else { panic!() };
    let s = spawn_native("/bin/sh -c \"sleep 30\"", [std::ptr::null_mut(); 3], &[], false);
    job.assign(&s.process).unwrap();
    job.terminate(77);
    assert_eq!(wait(&s.process, 5000), WaitResult::Signaled(0));
    assert_eq!(exit_code(&s.process), Some(77));
    assert_eq!(job.assign(&s.process), Err(ERROR_ACCESS_DENIED));
}

#[test]
fn program_kinds() {
    assert_eq!(program_kind("/bin/sh"), Ok(ProgramKind::Native));
    assert_eq!(program_kind("/nonexistent/x"), Err(windows_sys::Win32::Foundation::ERROR_FILE_NOT_FOUND));
    assert_eq!(program_kind("/"), Err(ERROR_ACCESS_DENIED));
    assert_eq!(program_kind("/proc/self/status"), Err(windows_sys::Win32::Foundation::ERROR_BAD_EXE_FORMAT));
}

#[test]
fn missing_program_fails_at_create() {
    let env = env();
    let r = spawn(&Spawn {
        program: "/nonexistent/prog",
        image: "Z:\\nonexistent\\prog",
        kind: ProgramKind::Native,
        command_line: "prog",
        cwd: None,
        env: &env,
        inherit: &[],
        std: [std::ptr::null_mut(); 3],
        suspended: false,
        new_group: false,
        reserved2: &[],
    });
    assert_eq!(r.unwrap_err(), windows_sys::Win32::Foundation::ERROR_FILE_NOT_FOUND);
}
