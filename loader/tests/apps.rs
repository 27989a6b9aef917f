//! End-to-end tests: the self-checking Windows programs of `test-apps/`, run
//! under `wine-rs`, in both C runtime flavours (msvcrt.dll and UCRT).
//!
//! `test-apps/build.sh` builds them (once per test process) with the mingw-w64
//! cross compiler; without it every test prints "SKIPPED" and passes. The same
//! checks are made against real Wine by `test-apps/run-wine.sh` (the oracle).
//!
//! Expectations, per app (see test-apps/README.md):
//! * hello: stdout and stderr byte-for-byte equal to `test-apps/expected/`,
//!   exit code 3;
//! * every other app: exit code 0 and a final stdout line "N passed, 0 failed"
//!   (args.exe gets the arguments of `test-apps/args.list`; for dllapp.exe the
//!   result line is followed by one line that testdll.dll's DllMain prints at
//!   process exit).

use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::os::unix::ffi::OsStringExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const VARIANTS: [&str; 2] = ["msvcrt", "ucrt"];
const TIMEOUT: Duration = Duration::from_secs(60);
const DLLAPP_LAST_LINE: &str = "testdll: DLL_PROCESS_DETACH (process exit)";

fn test_apps_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-apps")
}

/// Ok(true): built; Ok(false): no cross compiler (skip); Err: build failed.
fn build() -> &'static Result<bool, String> {
    static BUILT: OnceLock<Result<bool, String>> = OnceLock::new();
    BUILT.get_or_init(|| {
        // same variable as build.sh
        let cc = std::env::var("MINGW_CC").unwrap_or_else(|_| "x86_64-w64-mingw32-gcc".to_string());
        let found = Command::new(&cc)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !found {
            return Ok(false);
        }
        let script = test_apps_dir().join("build.sh");
        let out = Command::new("bash")
            .arg(&script)
            .output()
            .map_err(|e| format!("cannot run {}: {e}", script.display()))?;
        if !out.status.success() {
            return Err(format!(
                "{} failed ({}):\n{}{}",
                script.display(),
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(true)
    })
}

/// Builds the apps, or returns false (after a loud message) when they cannot
/// be built on this machine.
fn ensure_built(app: &str) -> bool {
    match build() {
        Ok(true) => true,
        Ok(false) => {
            // Straight to stderr, not eprintln!: libtest would capture it.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: x86_64-w64-mingw32-gcc not found; install gcc-mingw-w64-x86-64 (test {app})"
            );
            false
        }
        Err(e) => panic!("building the test apps failed: {e}"),
    }
}

struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Run {
    fn describe(&self) -> String {
        fn clip(b: &[u8]) -> String {
            let s = String::from_utf8_lossy(b);
            if s.len() > 6000 {
                let mut cut = s.len() - 6000;
                while !s.is_char_boundary(cut) {
                    cut += 1;
                }
                format!("[... {cut} bytes cut ...]{}", &s[cut..])
            } else {
                s.into_owned()
            }
        }
        format!(
            "exit code: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code
                .map_or("none (killed by a signal or timed out)".into(), |c| c
                    .to_string()),
            clip(&self.stdout),
            clip(&self.stderr)
        )
    }
}

/// Runs `wine-rs NAME.exe ARGS...` in test-apps/build/VARIANT, with output
/// to files (not pipes, so that nothing can block) and a timeout.
fn run_app(variant: &str, app: &str, args: &[OsString]) -> Run {
    let dir = test_apps_dir().join("build").join(variant);
    let exe = format!("{app}.exe");
    assert!(
        dir.join(&exe).is_file(),
        "{} was not built",
        dir.join(&exe).display()
    );
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("test-apps");
    fs::create_dir_all(&out_dir).unwrap();
    let out_path = out_dir.join(format!("{variant}-{app}.stdout"));
    let err_path = out_dir.join(format!("{variant}-{app}.stderr"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_wine-rs"))
        .arg(&exe)
        .args(args)
        .current_dir(&dir)
        // as in run-wine.sh, where Wine needs it to decode UTF-8 arguments
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).unwrap())
        .stderr(fs::File::create(&err_path).unwrap())
        // A process group of its own: GenerateConsoleCtrlEvent(…, 0) (ctrlc.exe) signals the
        // whole group, which must not include cargo test.
        .process_group(0)
        .spawn()
        .expect("cannot start wine-rs");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut run = Run {
        code: status.and_then(|s| s.code()),
        stdout: fs::read(&out_path).unwrap_or_default(),
        stderr: fs::read(&err_path).unwrap_or_default(),
    };
    if status.is_none() {
        run.stderr
            .extend_from_slice(format!("\n[test harness: killed after {TIMEOUT:?}]\n").as_bytes());
    }
    run
}

/// The lines of `out`, without "\r\n" / "\n".
fn lines(out: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(out)
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .skip_while(|l| l.is_empty())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect()
}

/// "N passed, M failed" -> (N, M)
fn parse_result(line: &str) -> Option<(u32, u32)> {
    let (p, f) = line.split_once(" passed, ")?;
    let f = f.strip_suffix(" failed")?;
    Some((p.parse().ok()?, f.parse().ok()?))
}

/// Checks a self-checking app's run; returns a problem description or None.
fn check_self_checking(app: &str, run: &Run) -> Option<String> {
    let lines = lines(&run.stdout);
    let mut problems = Vec::new();
    if run.code != Some(0) {
        problems.push(format!("exit code {:?}, expected 0", run.code));
    }
    // index of the last "N passed, M failed" line
    let found = lines
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, l)| parse_result(l).map(|r| (i, l, r)));
    match found {
        Some((_, _, (n, 0))) if n > 0 => {}
        Some((_, l, _)) => problems.push(format!("result line {l:?}")),
        None => problems.push("no \"N passed, N failed\" line".into()),
    }
    // what must follow the result line
    let trailer: &[&str] = if app == "dllapp" {
        &[DLLAPP_LAST_LINE]
    } else {
        &[]
    };
    if let Some((i, _, _)) = found {
        let after: Vec<&str> = lines[i + 1..].iter().map(String::as_str).collect();
        if after != trailer {
            problems.push(format!(
                "lines after the result line: {after:?}, expected {trailer:?}"
            ));
        }
    }
    (!problems.is_empty()).then(|| problems.join("; "))
}

/// Runs APP in both CRT variants and fails with every problem found.
fn test_app(app: &str) {
    if !ensure_built(app) {
        return;
    }
    let args = if app == "args" {
        args_list()
    } else {
        Vec::new()
    };
    let mut failures = Vec::new();
    for variant in VARIANTS {
        let run = run_app(variant, app, &args);
        let problem = if app == "hello" {
            check_hello(&run)
        } else {
            check_self_checking(app, &run)
        };
        match problem {
            None => eprintln!("PASS {variant}/{app}"),
            Some(p) => failures.push(format!("==== {variant}/{app}: {p}\n{}", run.describe())),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// The arguments for args.exe: test-apps/args.list, as decoded by build.sh
/// into build/gen/args.nul (NUL-terminated strings).
fn args_list() -> Vec<OsString> {
    let path = test_apps_dir().join("build/gen/args.nul");
    let data = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut args: Vec<OsString> = data
        .split(|&b| b == 0)
        .map(|a| OsString::from_vec(a.to_vec()))
        .collect();
    // the file ends with a NUL: drop the empty piece after it
    assert_eq!(
        args.pop(),
        Some(OsString::new()),
        "{} is not NUL-terminated",
        path.display()
    );
    assert!(!args.is_empty(), "{} is empty", path.display());
    args
}

fn check_hello(run: &Run) -> Option<String> {
    let expected = test_apps_dir().join("expected");
    let want_out = fs::read(expected.join("hello.stdout")).unwrap();
    let want_err = fs::read(expected.join("hello.stderr")).unwrap();
    let mut problems = Vec::new();
    if run.code != Some(3) {
        problems.push(format!("exit code {:?}, expected 3", run.code));
    }
    if run.stdout != want_out {
        problems.push(format!(
            "stdout {:?}, expected {:?}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&want_out)
        ));
    }
    if run.stderr != want_err {
        problems.push(format!(
            "stderr {:?}, expected {:?}",
            String::from_utf8_lossy(&run.stderr),
            String::from_utf8_lossy(&want_err)
        ));
    }
    (!problems.is_empty()).then(|| problems.join("; "))
}

#[test]
fn hello() {
    test_app("hello");
}

#[test]
fn args() {
    test_app("args");
}

#[test]
fn printf() {
    test_app("printf");
}

#[test]
fn tls() {
    test_app("tls");
}

#[test]
fn peb() {
    test_app("peb");
}

#[test]
fn dllapp() {
    test_app("dllapp");
}

#[test]
fn reloc() {
    test_app("reloc");
}

/// Processes: redirected pipes, inheritance, a three-level chain, jobs... (test-apps/proc/).
#[test]
fn proc() {
    test_app("proc");
}

/// Anonymous and named pipes, within a process and across processes.
#[test]
fn npipe() {
    test_app("npipe");
}

/// The Windows environment variables, ExpandEnvironmentStrings, CommandLineToArgvW.
#[test]
fn procenv() {
    test_app("procenv");
}

// The C runtime, by area (test-apps/crt/).

#[test]
fn crt_string() {
    test_app("string");
}

#[test]
fn crt_wstring() {
    test_app("wstring");
}

#[test]
fn crt_ctype() {
    test_app("ctype");
}

#[test]
fn crt_conv() {
    test_app("conv");
}

#[test]
fn crt_math() {
    test_app("math");
}

#[test]
fn crt_time() {
    test_app("time");
}

#[test]
fn crt_env() {
    test_app("env");
}

#[test]
fn crt_locale() {
    test_app("locale");
}

#[test]
fn crt_stdio() {
    test_app("stdio");
}

#[test]
fn crt_scanf() {
    test_app("scanf");
}

#[test]
fn crt_lowio() {
    test_app("lowio");
}

/// system, _spawn*, _exec, _cwait, _popen/_pclose (through the built-in cmd.exe), signal and
/// raise, atexit and at_quick_exit, _beginthreadex (test-apps/crt/process.c).
#[test]
fn crt_process() {
    test_app("process");
}

/// The C runtime's fd table crossing _spawn/_wspawn and CreateProcess in STARTUPINFO
/// lpReserved2: positions, text and append modes, _O_NOINHERIT, pipes
/// (test-apps/crt/fdinherit.c).
#[test]
fn crt_fdinherit() {
    test_app("fdinherit");
}

#[test]
fn threads_stress() {
    test_app("stress");
}

#[test]
fn threads_syncobj() {
    test_app("syncobj");
}

#[test]
fn threads_threadctl() {
    test_app("threadctl");
}

#[test]
fn threads_threadpool() {
    test_app("threadpool");
}

/// Console control events: SetConsoleCtrlHandler, GenerateConsoleCtrlEvent, signal(SIGINT)
/// (test-apps/threads/ctrlc.c; it signals its own process group).
#[test]
fn threads_ctrlc() {
    test_app("ctrlc");
}

#[test]
fn result_line_parsing() {
    assert_eq!(parse_result("37 passed, 0 failed"), Some((37, 0)));
    assert_eq!(parse_result("3 passed, 2 failed"), Some((3, 2)));
    assert_eq!(parse_result("passed, 0 failed"), None);
    assert_eq!(lines(b"a\r\nb\r\n\r\n"), vec!["a", "b"]);
    let ok = Run {
        code: Some(0),
        stdout: b"x\r\n5 passed, 0 failed\r\n".to_vec(),
        stderr: vec![],
    };
    assert_eq!(check_self_checking("printf", &ok), None);
    let bad = Run {
        code: Some(1),
        stdout: b"5 passed, 1 failed\r\n".to_vec(),
        stderr: vec![],
    };
    assert!(check_self_checking("printf", &bad).is_some());
    let dll = Run {
        code: Some(0),
        stdout: format!("5 passed, 0 failed\r\n{DLLAPP_LAST_LINE}\r\n").into_bytes(),
        stderr: vec![],
    };
    assert_eq!(check_self_checking("dllapp", &dll), None);
    assert!(check_self_checking("printf", &dll).is_some());
}

// Files, paths and the prefix (test-apps/files/).

/// GetFullPathName on 130 DOS path forms, the current directory, opening files by odd names.
#[test]
fn file_paths() {
    test_app("file-paths");
}

/// Dispositions, reading and writing, extending and truncating, OVERLAPPED offsets, appending.
#[test]
fn file_fileio() {
    test_app("file-fileio");
}

/// Wildcards, directory walks, attributes and times, volumes, final path names.
#[test]
fn file_dirs() {
    test_app("file-dirs");
}

/// Rename, replace, copy, link and delete semantics; no data lost by failing calls.
#[test]
fn file_rename() {
    test_app("file-rename");
}

/// Byte-range locks.
#[test]
fn file_locks() {
    test_app("file-locks");
}

/// File mappings: views sharing data, agreeing with ReadFile; named sections.
#[test]
fn file_mapping() {
    test_app("file-mapping");
}

/// FindFirstChangeNotification, ReadDirectoryChangesW.
#[test]
fn file_notify() {
    test_app("file-notify");
}

/// The NT file API (ntdll).
#[test]
fn file_ntfile() {
    test_app("file-ntfile");
}

/// Structured exception handling: __try/__except/__finally through __C_specific_handler,
/// hardware exceptions, vectored handlers, the unhandled filter, stack walking.
#[test]
fn seh() {
    test_app("seh");
}

/// C++ exceptions (g++, libgcc's SEH unwinder): throw/catch across frames, destructors,
/// rethrow, a second thread. Skipped when the mingw-w64 g++ is not installed.
#[test]
fn seh_cxx() {
    if !ensure_built("cxx") {
        return;
    }
    if !test_apps_dir().join("build/msvcrt/cxx.exe").exists() {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: x86_64-w64-mingw32-g++ not found; install g++-mingw-w64-x86-64 (test cxx)"
        );
        return;
    }
    test_app("cxx");
}

/// I/O completion ports and overlapped named-pipe reads, as ninja uses them (test-apps/iocp/).
#[test]
fn iocp() {
    test_app("iocp");
}

/// National language support in the en-US locale (test-apps/nls/).
#[test]
fn nls() {
    test_app("nls");
}

// Win32 DLLs beyond kernel32 (test-apps/win32/).

/// oleaut32 BSTRs and VARIANTs (imported by ordinal), user32 CharUpper/CharLower/CharNext/CharPrev.
#[test]
fn win32_oleaut() {
    test_app("oleaut");
}

/// FILETIME ⇄ SYSTEMTIME, local FILETIMEs, MS-DOS dates.
#[test]
fn win32_timeconv() {
    test_app("timeconv");
}

/// Tokens and privileges, RtlGenRandom, the registry's root keys, file security.
#[test]
fn win32_advapi() {
    test_app("advapi");
}

/// FormatMessage, IsProcessorFeaturePresent, GlobalMemoryStatusEx, DeviceIoControl, SetFileApisToOEM.
#[test]
fn win32_sysinfo() {
    test_app("sysinfo");
}

/// Pointer encoding, processor facts, system times, version checks, FormatMessage, console
/// functions on non-console handles (test-apps/sysinfo/sysmisc.c).
#[test]
fn sysmisc() {
    test_app("sysmisc");
}

/// MSVC C++ exceptions (clang for x86_64-pc-windows-msvc: _CxxThrowException,
/// __CxxFrameHandler3) against msvcrt.dll and against vcruntime140.dll + the UCRT: catch by
/// value/reference/pointer/base, catch(...), destructors, nested try, rethrow, exceptions from
/// catch blocks, a second thread, uncaught → terminate. Skipped without clang and lld-link.
#[test]
fn msvc_eh() {
    if !ensure_built("msvc-eh") {
        return;
    }
    if !test_apps_dir().join("build/msvcrt/msvc-eh.exe").exists() {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: clang, lld-link or llvm-dlltool not found; apt-get install clang lld llvm (test msvc-eh)"
        );
        return;
    }
    test_app("msvc-eh");
}

/// Batch files run by the built-in cmd.exe: through system, _popen, _spawnl and CreateProcess
/// (test-apps/proc/batch.c).
#[test]
fn batch() {
    test_app("batch");
}
