//! Crash reports (loader/src/crash.rs): `test-apps/crash.c` dies on purpose in each of its
//! modes, in both CRT variants, and the report on stderr must name
//! - the Windows exception code (0xc0000005 with "writing address 0x0…0", 0xc000001d, 0xc0000094);
//! - where: `crash.exe+0xOFFSET (write_null+0xN)`, checked against the exe's own COFF symbols;
//! - a backtrace through the PE frames: the faulting function, then main (recurse ×6 then
//!   main for `deep`; thread_main for a second thread);
//! - the thread's last API calls, oldest first, ending with the calls main made;
//!
//! and the process must end with 128 + the signal (139 SIGSEGV, 132 SIGILL, 136 SIGFPE).
//! An unimplemented function (test-apps/stubcall.c) gets the same backtrace and call list.
//! Wine is not the oracle here: its crash output (winedbg) is different by design.

use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use object::{Object, ObjectSymbol};

const WINE_RS: &str = env!("CARGO_BIN_EXE_wine-rs");
const VARIANTS: [&str; 2] = ["msvcrt", "ucrt"];
const TIMEOUT: Duration = Duration::from_secs(60);

fn test_apps() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-apps")
}

/// Ok(true) built, Ok(false) no cross compiler (tests skip), Err: the build failed.
fn build() -> &'static Result<bool, String> {
    static BUILT: OnceLock<Result<bool, String>> = OnceLock::new();
    BUILT.get_or_init(|| {
        let cc = std::env::var("MINGW_CC").unwrap_or_else(|_| "x86_64-w64-mingw32-gcc".into());
        let found = Command::new(&cc).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status();
        if !found.map(|s| s.success()).unwrap_or(false) {
            return Ok(false);
        }
        let out = Command::new("bash").arg(test_apps().join("build.sh")).output().map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)));
        }
        Ok(true)
    })
}

fn ensure_built(test: &str) -> bool {
    match build() {
        Ok(true) => true,
        Ok(false) => {
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "SKIPPED: x86_64-w64-mingw32-gcc not found (test {test})");
            false
        }
        Err(e) => panic!("building the test apps failed: {e}"),
    }
}

struct Run {
    what: String,
    code: Option<i32>,
    signal: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn describe(&self) -> String {
        format!(
            "$ {}\nexit code {:?}, signal {:?}\n--- stdout\n{}--- stderr\n{}---",
            self.what, self.code, self.signal, self.stdout, self.stderr
        )
    }
}

fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("crash-out");
    fs::create_dir_all(&tmp).unwrap();
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let (out_path, err_path) =
        (tmp.join(format!("{}-{n}.out", std::process::id())), tmp.join(format!("{}-{n}.err", std::process::id())));
    let mut cmd = Command::new(WINE_RS);
    cmd.args(args)
        .current_dir(dir)
        .env_remove("WINEDEBUG")
        .env_remove("WINE_RS_RELAY_INCLUDE")
        .env_remove("WINE_RS_RELAY_EXCLUDE")
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).unwrap())
        .stderr(fs::File::create(&err_path).unwrap());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("cannot start {WINE_RS}: {e}"));
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let run = Run {
        what: format!("(cd {} && wine-rs {})", dir.display(), args.join(" ")),
        code: status.and_then(|s| s.code()),
        signal: status.and_then(|s| s.signal()),
        stdout: String::from_utf8_lossy(&fs::read(&out_path).unwrap_or_default()).into_owned(),
        stderr: String::from_utf8_lossy(&fs::read(&err_path).unwrap_or_default()).into_owned(),
    };
    let _ = fs::remove_file(out_path);
    let _ = fs::remove_file(err_path);
    run
}

fn crash(variant: &str, mode: &str) -> Run {
    run_in(&test_apps().join("build").join(variant), &["crash.exe", mode], &[])
}

/// The function containing `rva` in `exe` by its COFF symbols: (name, rva of the symbol).
fn symbol_at(exe: &Path, rva: u64) -> Option<(String, u64)> {
    let data = fs::read(exe).unwrap();
    let file = object::read::pe::PeFile64::parse(&*data).unwrap();
    let base = file.relative_address_base();
    file.symbols()
        .filter(|s| s.kind() == object::SymbolKind::Text && s.is_definition())
        .filter_map(|s| Some((s.name().ok()?.to_string(), s.address() - base)))
        .filter(|(n, a)| *a <= rva && !n.starts_with('.'))
        .max_by_key(|(_, a)| *a)
}

/// `crash.exe+0x1537 (write_null+0x7)` in `line`: (offset, symbol, symbol offset).
fn parse_location(line: &str, module: &str) -> Option<(u64, String, u64)> {
    let at = line.find(&format!("{module}+0x"))? + module.len() + 3;
    let rest = &line[at..];
    let hex_end = rest.find(|c: char| !c.is_ascii_hexdigit()).unwrap_or(rest.len());
    let off = u64::from_str_radix(&rest[..hex_end], 16).ok()?;
    let sym = rest[hex_end..].strip_prefix(" (")?;
    let (name, sym_off) = sym.split_once("+0x")?;
    let sym_off_end = sym_off.find(')')?;
    Some((off, name.to_string(), u64::from_str_radix(&sym_off[..sym_off_end], 16).ok()?))
}

/// The backtrace lines of a report.
fn backtrace(stderr: &str) -> Vec<&str> {
    stderr.lines().skip_while(|l| *l != "backtrace:").skip(1).take_while(|l| l.starts_with("  #")).collect()
}

/// How many frames of the backtrace are in `func`, counting "(and the same frame N more
/// times: ...)".
fn frame_count(bt: &[&str], func: &str) -> usize {
    bt.iter()
        .filter(|l| l.contains(&format!("({func}+0x")))
        .map(|l| {
            1 + l
                .split_once("(and the same frame ")
                .and_then(|(_, r)| r.split(' ').next()?.parse::<usize>().ok())
                .unwrap_or(0)
        })
        .sum()
}

/// The last-API-call lines of a report.
fn last_calls(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .skip_while(|l| !l.starts_with("last API calls of thread"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(str::trim)
        .collect()
}

struct Problems(Vec<String>);

impl Problems {
    fn check(&mut self, ok: bool, run: &Run, what: impl Into<String>) {
        if !ok {
            self.0.push(format!("{}\n{}", what.into(), run.describe()));
        }
    }
    fn assert_none(self) {
        assert!(self.0.is_empty(), "\n{}", self.0.join("\n\n"));
    }
}

/// What a crash must look like.
struct Expect<'a> {
    code: &'a str,
    detail: &'a str,
    func: &'a str,
    callers: &'a [&'a str],
    exit: i32,
}

/// The checks shared by every crash: the header names `code`, `detail` and `func` (checked
/// against the symbols of crash.exe), the backtrace starts in `func` and reaches `callers`
/// in order, the calls main made before dying are the last ones recorded, and the exit code.
fn check_crash(p: &mut Problems, variant: &str, run: &Run, e: Expect) {
    let Expect { code, detail, func, callers, exit } = e;
    p.check(run.code == Some(exit), run, format!("exit code {:?}, expected {exit}", run.code));
    p.check(!run.stdout.contains("survived"), run, "the program went on after the fault");
    let Some(header) = run.stderr.lines().find(|l| l.starts_with("wine-rs: unhandled exception ")) else {
        p.check(false, run, "no \"wine-rs: unhandled exception\" line");
        return;
    };
    p.check(
        header.contains(&format!("exception {code} ")),
        run,
        format!("the header does not name {code}: {header:?}"),
    );
    p.check(header.contains(detail), run, format!("the header does not say {detail:?}: {header:?}"));
    match parse_location(header, "crash.exe") {
        Some((off, name, sym_off)) => {
            p.check(name == func, run, format!("the fault is placed in {name}, expected {func}"));
            let exe = test_apps().join("build").join(variant).join("crash.exe");
            match symbol_at(&exe, off) {
                Some((real, at)) => {
                    p.check(
                        real == func,
                        run,
                        format!("crash.exe+{off:#x} is in {real} by the exe's symbols, not {func}"),
                    );
                    p.check(off - at == sym_off, run, format!("{func}+{sym_off:#x} but the symbol is at {at:#x}"));
                }
                None => p.check(false, run, format!("no symbol at crash.exe+{off:#x}")),
            }
        }
        None => p.check(false, run, format!("no \"crash.exe+0x… ({func}+0x…)\" in {header:?}")),
    }
    let bt = backtrace(&run.stderr);
    p.check(
        bt.first().is_some_and(|l| l.contains(&format!("({func}+0x"))),
        run,
        format!("backtrace frame #0 is not in {func}"),
    );
    let mut at = 1;
    for c in callers {
        match bt.iter().skip(at).position(|l| l.contains("crash.exe+0x") && l.contains(&format!("({c}+0x"))) {
            Some(i) => at += i + 1,
            None => p.check(false, run, format!("the backtrace does not reach {c} (after frame {})", at - 1)),
        }
    }
    let calls = last_calls(&run.stderr);
    p.check(!calls.is_empty() && calls.len() <= 32, run, format!("{} last API calls, expected 1..=32", calls.len()));
    let want =
        ["KERNEL32.GetTickCount", "KERNEL32.GetCurrentProcessId", "KERNEL32.SetLastError", "KERNEL32.GetLastError"];
    let pos: Vec<Option<usize>> = want.iter().map(|w| calls.iter().position(|c| c == w)).collect();
    p.check(
        pos.iter().all(Option::is_some) && pos.windows(2).all(|w| w[0] < w[1]),
        run,
        format!("the last API calls do not list {want:?} in that order"),
    );
    let sig = match exit - 128 {
        11 => "SIGSEGV",
        4 => "SIGILL",
        8 => "SIGFPE",
        _ => "?",
    };
    p.check(
        run.stderr.contains(&format!("wine-rs: the process ends with exit code {exit} (128 + {sig})")),
        run,
        "no closing line with the exit code",
    );
}

fn each_variant(test: &str, f: impl Fn(&mut Problems, &str)) {
    if !ensure_built(test) {
        return;
    }
    let mut p = Problems(Vec::new());
    for v in VARIANTS {
        f(&mut p, v);
    }
    p.assert_none();
}

#[test]
fn null_write_names_function_code_backtrace_and_calls() {
    each_variant("null_write", |p, v| {
        let run = crash(v, "write");
        check_crash(
            p,
            v,
            &run,
            Expect {
                code: "0xc0000005",
                detail: "(writing address 0x0000000000000000)",
                func: "write_null",
                callers: &["main"],
                exit: 139,
            },
        );
        let bt = backtrace(&run.stderr);
        p.check(
            bt.iter().any(|l| l.contains("(__tmainCRTStartup+0x"))
                && bt.last().is_some_and(|l| l.contains("where PE code was entered")),
            &run,
            "the backtrace does not go through the CRT start-up to where wine-rs called the entry point",
        );
        p.check(run.stdout.contains("crash: mode write"), &run, "stdout lost the flushed line");
        p.check(
            last_calls(&run.stderr).last() == Some(&"msvcrt.strcmp"),
            &run,
            "the last API call is not msvcrt.strcmp",
        );
    });
}

#[test]
fn bad_read() {
    each_variant("bad_read", |p, v| {
        let run = crash(v, "read");
        check_crash(
            p,
            v,
            &run,
            Expect {
                code: "0xc0000005",
                detail: "(reading address 0x0000000000000010)",
                func: "read_bad",
                callers: &["main"],
                exit: 139,
            },
        );
    });
}

#[test]
fn ud2_is_an_illegal_instruction() {
    each_variant("ud2", |p, v| {
        let run = crash(v, "ud2");
        check_crash(
            p,
            v,
            &run,
            Expect {
                code: "0xc000001d",
                detail: "EXCEPTION_ILLEGAL_INSTRUCTION",
                func: "illegal",
                callers: &["main"],
                exit: 132,
            },
        );
    });
}

#[test]
fn integer_divide_by_zero() {
    each_variant("divide", |p, v| {
        let run = crash(v, "div");
        check_crash(
            p,
            v,
            &run,
            Expect {
                code: "0xc0000094",
                detail: "EXCEPTION_INT_DIVIDE_BY_ZERO",
                func: "divide",
                callers: &["main"],
                exit: 136,
            },
        );
    });
}

#[test]
fn deep_backtrace_through_frames_with_saved_registers() {
    each_variant("deep", |p, v| {
        let run = crash(v, "deep");
        let callers = ["recurse", "main"];
        check_crash(
            p,
            v,
            &run,
            Expect { code: "0xc0000005", detail: "writing", func: "write_null", callers: &callers, exit: 139 },
        );
        let n = frame_count(&backtrace(&run.stderr), "recurse");
        p.check(n == 6, &run, format!("{n} recurse frames, expected 6"));
    });
}

#[test]
fn stack_overflow() {
    each_variant("stack", |p, v| {
        let run = crash(v, "stack");
        check_crash(
            p,
            v,
            &run,
            Expect {
                code: "0xc00000fd",
                detail: "EXCEPTION_STACK_OVERFLOW",
                func: "overflow",
                callers: &["overflow", "main"],
                exit: 139,
            },
        );
        let n = frame_count(&backtrace(&run.stderr), "overflow");
        p.check(n > 1000, &run, format!("only {n} overflow frames"));
        p.check(backtrace(&run.stderr).len() < 60, &run, "the repeated frames are not shown compressed");
    });
}

#[test]
fn crash_in_a_second_thread() {
    each_variant("thread", |p, v| {
        let run = crash(v, "thread");
        p.check(run.code == Some(139), &run, "exit code");
        let bt = backtrace(&run.stderr);
        p.check(bt.first().is_some_and(|l| l.contains("(write_null+0x")), &run, "frame #0 is not write_null");
        p.check(bt.get(1).is_some_and(|l| l.contains("(thread_main+0x")), &run, "frame #1 is not thread_main");
        let calls = last_calls(&run.stderr);
        p.check(
            calls.contains(&"KERNEL32.GetCurrentThreadId"),
            &run,
            "the thread's calls do not include GetCurrentThreadId",
        );
        p.check(
            !calls.contains(&"KERNEL32.GetTickCount"),
            &run,
            "the list has the main thread's calls, not the crashing thread's",
        );
    });
}

#[test]
fn fault_inside_a_builtin_names_the_api_call() {
    each_variant("crt", |p, v| {
        let run = crash(v, "crt");
        p.check(run.code == Some(139), &run, "exit code");
        p.check(
            run.stderr.contains("most likely inside msvcrt.strlen, the last API call"),
            &run,
            "the report does not say the fault is inside msvcrt.strlen",
        );
        let bt = backtrace(&run.stderr);
        p.check(
            bt.iter().any(|l| l.contains("crash.exe+0x") && l.contains("(main+0x")),
            &run,
            "the backtrace does not find main above the builtin's frames",
        );
    });
}

#[test]
fn no_crash_no_report() {
    each_variant("none", |p, v| {
        let run = crash(v, "none");
        p.check(run.code == Some(0), &run, "exit code");
        p.check(!run.stderr.contains("unhandled exception"), &run, "a report without a crash");
    });
}

#[test]
fn unimplemented_function_report_has_backtrace_and_calls() {
    each_variant("stub", |p, v| {
        let run = run_in(&test_apps().join("build").join(v), &["stubcall.exe", "call-k32"], &[]);
        p.check(run.code == Some(127), &run, "exit code");
        let bt = backtrace(&run.stderr);
        p.check(
            bt.first().is_some_and(|l| l.contains("stubcall.exe+0x") && l.contains("(main+0x")),
            &run,
            "backtrace frame #0 is not main (the caller of the unimplemented function)",
        );
        p.check(
            run.stderr.lines().any(|l| {
                l.starts_with("  exception 0x80000100 EXCEPTION_WINE_STUB at stubcall.exe+0x") && l.contains("(main+0x")
            }),
            &run,
            "no \"exception 0x80000100 EXCEPTION_WINE_STUB at stubcall.exe+0x… (main+0x…)\" line",
        );
        let calls = last_calls(&run.stderr);
        p.check(calls.last() == Some(&"msvcrt.puts"), &run, "the last API call before the stub is not msvcrt.puts");
        let n = run.stderr.lines().filter(|l| l.contains("unimplemented function")).count();
        p.check(n == 1, &run, format!("{n} lines mention \"unimplemented function\", expected 1"));
    });
}

#[test]
fn location_parsing() {
    assert_eq!(
        parse_location("... at crash.exe+0x1537 (write_null+0x7) in thread 04d2", "crash.exe"),
        Some((0x1537, "write_null".into(), 7))
    );
    assert_eq!(parse_location("at crash.exe+0x1537 in thread", "crash.exe"), None);
}
