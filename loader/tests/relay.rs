//! The relay trace (`WINEDEBUG=+relay`), end to end: `test-apps/hello.exe` (both CRTs) under
//! `wine-rs`, checking the trace lines on stderr and that the program's own output is intact.
//!
//! Line format (dlls/dllcore/src/relay.rs, as in Wine, without Wine's `ret=` caller):
//! ```text
//! 0123:Call KERNEL32.GetStdHandle(fffffff5)
//! 0123:Ret  KERNEL32.GetStdHandle() retval=00000010 err=0
//! 0123:Call msvcrt.puts(0x140004000 "hello, world")
//! 0123:Ret  msvcrt.puts() retval=00000000
//! ```
//! The thread id is at least 4 hex digits; integers are `{:08x}`; string arguments are the
//! pointer followed by the text in double quotes (escaped: `\n`, `\"`, ...); ` err=N` is
//! optional. Both msvcrt.dll and ucrtbase.dll are served by one crate, traced as `msvcrt`.
//!
//! The calls expected are ones mingw-w64's start-up code and hello.c make directly (the
//! exe's own calls: calls inside a builtin DLL are plain Rust calls and are not traced):
//! `KERNEL32.SetUnhandledExceptionFilter` (crtexe.c), `msvcrt.__getmainargs` (msvcrt build)
//! or `_configure_narrow_argv` (UCRT build), `msvcrt.puts` with its text (gcc turns
//! `printf("hello, world\n")` into `puts`), and `msvcrt.exit(00000003)`. (mingw's start-up
//! imports `GetStartupInfoA` but only calls it for GUI programs.)
//!
//! Without WINEDEBUG, or with relay switched off, no relay line may appear.
//!
//! Like `apps.rs`, the tests print "SKIPPED" and pass without the mingw-w64 cross compiler.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const WINE_RS: &str = env!("CARGO_BIN_EXE_wine-rs");
const VARIANTS: [&str; 2] = ["msvcrt", "ucrt"];
const TIMEOUT: Duration = Duration::from_secs(60);

// ---- building the test apps (as in apps.rs) ---------------------------------------------------

fn test_apps_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-apps");
    dir.canonicalize().unwrap_or(dir)
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

/// Builds the apps, or returns false (after a loud message) when they cannot be built here.
fn ensure_built(test: &str) -> bool {
    match build() {
        Ok(true) => true,
        Ok(false) => {
            // Straight to stderr, not eprintln!: libtest would capture it.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: x86_64-w64-mingw32-gcc not found; install gcc-mingw-w64-x86-64 (test {test})"
            );
            false
        }
        Err(e) => panic!("building the test apps failed: {e}"),
    }
}

// ---- running hello.exe --------------------------------------------------------------------------

struct Run {
    what: String,
    code: Option<i32>,
    signal: Option<i32>,
    timed_out: bool,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Run {
    fn describe(&self) -> String {
        fn clip(b: &[u8]) -> String {
            let s = String::from_utf8_lossy(b);
            if s.len() > 8000 {
                let mut cut = s.len() - 8000;
                while !s.is_char_boundary(cut) {
                    cut += 1;
                }
                format!("[... {cut} bytes cut ...]{}", &s[cut..])
            } else {
                s.into_owned()
            }
        }
        let status = match (self.code, self.signal) {
            _ if self.timed_out => format!("killed after {TIMEOUT:?} (hung)"),
            (Some(c), _) => format!("exit code {c}"),
            (None, Some(s)) => format!("killed by signal {s}"),
            (None, None) => "no exit status".into(),
        };
        format!(
            "$ {}\n{status}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.what,
            clip(&self.stdout),
            clip(&self.stderr)
        )
    }
}

/// Runs `wine-rs hello.exe` in test-apps/build/VARIANT with WINEDEBUG set to `winedebug`
/// (None: unset), output to files and a timeout.
fn run_hello(variant: &str, winedebug: Option<&str>) -> Run {
    let dir = test_apps_dir().join("build").join(variant);
    assert!(
        dir.join("hello.exe").is_file(),
        "{}/hello.exe was not built",
        dir.display()
    );
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("relay-out");
    fs::create_dir_all(&out_dir).unwrap();
    let tag = winedebug.unwrap_or("unset").replace(['+', ',', '-'], "_");
    let out_path = out_dir.join(format!("{variant}-hello-{tag}.stdout"));
    let err_path = out_dir.join(format!("{variant}-hello-{tag}.stderr"));
    let mut cmd = Command::new(WINE_RS);
    cmd.arg("hello.exe")
        .current_dir(&dir)
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).unwrap())
        .stderr(fs::File::create(&err_path).unwrap());
    match winedebug {
        Some(v) => cmd.env("WINEDEBUG", v),
        None => cmd.env_remove("WINEDEBUG"),
    };
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {WINE_RS}: {e}"));
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
        std::thread::sleep(Duration::from_millis(10));
    };
    let env = winedebug.map_or("env -u WINEDEBUG".to_string(), |v| format!("WINEDEBUG={v}"));
    Run {
        what: format!("(cd {} && {env} wine-rs hello.exe)", dir.display()),
        code: status.and_then(|s| s.code()),
        signal: status.and_then(|s| s.signal()),
        timed_out: status.is_none(),
        stdout: fs::read(&out_path).unwrap_or_default(),
        stderr: fs::read(&err_path).unwrap_or_default(),
    }
}

fn expected(name: &str) -> Vec<u8> {
    let path = test_apps_dir().join("expected").join(name);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---- parsing relay lines --------------------------------------------------------------------------

#[derive(Debug, PartialEq)]
enum Kind {
    /// `Call DLL.Func(ARGS)`: the text between the parentheses.
    Call { args: String },
    /// `Ret  DLL.Func() retval=VALUE[ err=N]`.
    Ret { retval: String, err: Option<u32> },
}

#[derive(Debug, PartialEq)]
struct Relay {
    tid: u32,
    dll: String,
    func: String,
    kind: Kind,
}

/// Is this stderr line meant to be a relay line (well-formed or not)?
fn looks_like_relay(line: &str) -> bool {
    line.split_once(':').is_some_and(|(tid, rest)| {
        !tid.is_empty()
            && tid.bytes().all(|b| b.is_ascii_hexdigit())
            && (rest.starts_with("Call ") || rest.starts_with("Ret "))
    })
}

/// Parses one relay line (without its line end); Err says what is wrong with it.
fn parse_relay(line: &str) -> Result<Relay, String> {
    let (tid, rest) = line.split_once(':').ok_or("no ':' after the thread id")?;
    if tid.len() < 4 || !tid.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return Err(format!(
            "thread id {tid:?} is not 4 or more lower-case hex digits"
        ));
    }
    let tid = u32::from_str_radix(tid, 16).map_err(|e| format!("thread id {tid:?}: {e}"))?;
    let split_name = |s: &str| -> Result<(String, String), String> {
        let (dll, func) = s
            .split_once('.')
            .ok_or(format!("{s:?} is not DLL.Function"))?;
        if dll.is_empty()
            || func.is_empty()
            || !func.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return Err(format!("bad DLL.Function name {s:?}"));
        }
        Ok((dll.to_string(), func.to_string()))
    };
    if let Some(call) = rest.strip_prefix("Call ") {
        let open = call.find('(').ok_or("Call line without '('")?;
        let args = call[open + 1..]
            .strip_suffix(')')
            .ok_or("Call line does not end with ')'")?;
        let (dll, func) = split_name(&call[..open])?;
        Ok(Relay {
            tid,
            dll,
            func,
            kind: Kind::Call {
                args: args.to_string(),
            },
        })
    } else if let Some(ret) = rest.strip_prefix("Ret  ") {
        let (name, tail) = ret
            .split_once("() retval=")
            .ok_or("Ret line without \"() retval=\"")?;
        let (dll, func) = split_name(name)?;
        let (retval, err) = match tail.split_once(" err=") {
            Some((v, e)) => (
                v,
                Some(
                    e.parse::<u32>()
                        .map_err(|_| format!("err={e:?} is not a number"))?,
                ),
            ),
            None => (tail, None),
        };
        if retval.contains(' ') {
            return Err(format!("retval {retval:?} contains a space"));
        }
        Ok(Relay {
            tid,
            dll,
            func,
            kind: Kind::Ret {
                retval: retval.to_string(),
                err,
            },
        })
    } else {
        Err("neither \"Call \" nor \"Ret  \" after the thread id".into())
    }
}

/// stderr split into (relay lines, everything else byte for byte, problems with relay lines).
fn split_stderr(stderr: &[u8]) -> (Vec<Relay>, Vec<u8>, Vec<String>) {
    let mut relay = Vec::new();
    let mut rest = Vec::new();
    let mut bad = Vec::new();
    for raw in stderr.split_inclusive(|&b| b == b'\n') {
        let text = String::from_utf8_lossy(raw);
        let line = text.trim_end_matches('\n');
        if !looks_like_relay(line) {
            rest.extend_from_slice(raw);
            continue;
        }
        if line.ends_with('\r') {
            bad.push(format!("{line:?}: relay line ends with CR"));
        }
        match parse_relay(line) {
            Ok(r) => relay.push(r),
            Err(e) => bad.push(format!("{line:?}: {e}")),
        }
    }
    (relay, rest, bad)
}

/// Every Ret must close the innermost open Call of the same function on its thread (a Call
/// may stay open: exit() and longjmp-like functions never return).
fn check_nesting(relay: &[Relay]) -> Vec<String> {
    let mut stacks: HashMap<u32, Vec<(&str, &str)>> = HashMap::new();
    let mut problems = Vec::new();
    for r in relay {
        let stack = stacks.entry(r.tid).or_default();
        match r.kind {
            Kind::Call { .. } => stack.push((&r.dll, &r.func)),
            Kind::Ret { .. } => match stack.iter().rposition(|&(d, f)| d == r.dll && f == r.func) {
                Some(i) => stack.truncate(i),
                None => problems.push(format!(
                    "{:04x}:Ret {}.{} without a Call before it",
                    r.tid, r.dll, r.func
                )),
            },
        }
    }
    problems
}

fn calls<'a>(
    relay: &'a [Relay],
    dll: &'a str,
    func: &'a str,
) -> impl Iterator<Item = &'a str> + 'a {
    relay.iter().filter_map(move |r| match &r.kind {
        Kind::Call { args } if r.dll == dll && r.func == func => Some(args.as_str()),
        _ => None,
    })
}

fn rets<'a>(relay: &'a [Relay], dll: &'a str, func: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    relay.iter().filter_map(move |r| match &r.kind {
        Kind::Ret { retval, .. } if r.dll == dll && r.func == func => Some(retval.as_str()),
        _ => None,
    })
}

/// `0x140004000 "text"` (or without 0x): a string argument shown as text.
fn is_string_arg(arg: &str, text: &str) -> bool {
    arg.split_once(' ').is_some_and(|(ptr, shown)| {
        let hex = ptr.strip_prefix("0x").unwrap_or(ptr);
        !hex.is_empty()
            && hex.bytes().all(|b| b.is_ascii_hexdigit())
            && shown == format!("\"{text}\"")
    })
}

/// What a Ret line's retval must look like.
#[derive(Debug, Clone, Copy)]
enum Retval {
    /// Anything (void functions show nothing).
    Any,
    /// Something.
    NonEmpty,
    /// An integer: at least 8 lower-case hex digits (`{:08x}`).
    Hex8,
}

impl Retval {
    fn accepts(self, v: &str) -> bool {
        match self {
            Retval::Any => true,
            Retval::NonEmpty => !v.is_empty(),
            Retval::Hex8 => {
                v.len() >= 8 && v.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            }
        }
    }
}

// ---- the checks -----------------------------------------------------------------------------------

/// The program's behaviour is unchanged: exit code 3, stdout exactly as expected, and stderr
/// with the relay lines taken out exactly as expected. Returns the problems.
fn check_output(run: &Run, rest_of_stderr: &[u8]) -> Vec<String> {
    let mut problems = Vec::new();
    if run.timed_out || run.signal.is_some() {
        problems.push("wine-rs did not exit normally".into());
    }
    if run.code != Some(3) {
        problems.push(format!("exit code {:?}, expected 3", run.code));
    }
    let want_out = expected("hello.stdout");
    if run.stdout != want_out {
        problems.push(format!(
            "stdout {:?}, expected (test-apps/expected/hello.stdout) {:?}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&want_out)
        ));
    }
    let want_err = expected("hello.stderr");
    if rest_of_stderr != want_err {
        problems.push(format!(
            "stderr without the relay lines {:?}, expected (test-apps/expected/hello.stderr) {:?}",
            String::from_utf8_lossy(rest_of_stderr),
            String::from_utf8_lossy(&want_err)
        ));
    }
    problems
}

/// Checks a run with relay on; returns the problems.
fn check_traced(variant: &str, run: &Run) -> Vec<String> {
    let (relay, rest, mut problems) = split_stderr(&run.stderr);
    problems.extend(check_output(run, &rest));
    if relay.is_empty() {
        problems.push("no relay line on stderr".into());
        return problems;
    }
    problems.extend(check_nesting(&relay));

    if let Some(l) = String::from_utf8_lossy(&rest)
        .lines()
        .find(|l| l.contains("unimplemented function"))
    {
        problems.insert(0, format!("the program stopped early: {l:?}"));
    }

    // (dll, function, what the Ret line's retval must be)
    let mut expected = vec![
        // void: "retval=" with nothing after it
        ("KERNEL32", "InitializeCriticalSection", Retval::Any),
        // a pointer (or NULL, or <fn>)
        ("KERNEL32", "SetUnhandledExceptionFilter", Retval::NonEmpty),
        // int
        ("msvcrt", "puts", Retval::Hex8),
    ];
    match variant {
        "msvcrt" => expected.push(("msvcrt", "__getmainargs", Retval::Hex8)),
        _ => expected.push(("msvcrt", "_configure_narrow_argv", Retval::Hex8)),
    }
    for (dll, func, want) in expected {
        if calls(&relay, dll, func).next().is_none() {
            problems.push(format!("no \"XXXX:Call {dll}.{func}(...)\" line"));
        }
        let rv: Vec<&str> = rets(&relay, dll, func).collect();
        if rv.is_empty() {
            problems.push(format!("no \"XXXX:Ret  {dll}.{func}() retval=...\" line"));
        } else if let Some(bad) = rv.iter().find(|v| !want.accepts(v)) {
            problems.push(format!(
                "\"Ret  {dll}.{func}() retval={bad}\": expected {want:?}"
            ));
        }
    }

    // puts: its argument shown as the text
    let puts: Vec<&str> = calls(&relay, "msvcrt", "puts").collect();
    for text in ["hello, world", "puts: line from puts"] {
        if !puts.iter().any(|a| is_string_arg(a, text)) {
            problems.push(format!(
                "no \"Call msvcrt.puts(<pointer> \\\"{text}\\\")\" line (the string argument shown as text); puts calls: {puts:?}"
            ));
        }
    }
    // exit(3): the integer argument as 8 hex digits; exit never returns
    let exits: Vec<&str> = calls(&relay, "msvcrt", "exit").collect();
    if !exits.contains(&"00000003") {
        problems.push(format!(
            "no \"Call msvcrt.exit(00000003)\" line; exit calls: {exits:?}"
        ));
    }
    problems
}

fn check_untraced(run: &Run) -> Vec<String> {
    let (relay, rest, mut problems) = split_stderr(&run.stderr);
    problems.extend(check_output(run, &rest));
    if !relay.is_empty() {
        problems.push(format!(
            "{} relay line(s) on stderr, expected none",
            relay.len()
        ));
    }
    problems
}

/// Runs hello.exe in both variants with WINEDEBUG=`winedebug`, checks each run with `check`.
fn test_hello(test: &str, winedebug: Option<&str>, check: fn(&str, &Run) -> Vec<String>) {
    if !ensure_built(test) {
        return;
    }
    let mut failures = Vec::new();
    for variant in VARIANTS {
        let run = run_hello(variant, winedebug);
        let problems = check(variant, &run);
        if problems.is_empty() {
            eprintln!("PASS {variant}/hello with {}", run.what);
        } else {
            failures.push(format!(
                "==== {variant}/hello:\n  - {}\n{}",
                problems.join("\n  - "),
                run.describe()
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn relay_traces_calls() {
    test_hello("relay_traces_calls", Some("+relay"), check_traced);
}

#[test]
fn relay_after_minus_all() {
    test_hello("relay_after_minus_all", Some("-all,+relay"), check_traced);
}

#[test]
fn no_relay_without_winedebug() {
    test_hello("no_relay_without_winedebug", None, |_, run| {
        check_untraced(run)
    });
}

#[test]
fn no_relay_with_minus_all() {
    test_hello("no_relay_with_minus_all", Some("-all"), |_, run| {
        check_untraced(run)
    });
}

#[test]
fn no_relay_when_switched_off_again() {
    test_hello(
        "no_relay_when_switched_off_again",
        Some("+relay,-relay"),
        |_, run| check_untraced(run),
    );
}

#[test]
fn relay_line_parsing() {
    let call = parse_relay("0123:Call KERNEL32.GetStdHandle(fffffff5)").unwrap();
    assert_eq!(
        call,
        Relay {
            tid: 0x123,
            dll: "KERNEL32".into(),
            func: "GetStdHandle".into(),
            kind: Kind::Call {
                args: "fffffff5".into()
            }
        }
    );
    let ret = parse_relay("1a2b3:Ret  KERNEL32.GetStdHandle() retval=00000010 err=0").unwrap();
    assert_eq!(
        ret.kind,
        Kind::Ret {
            retval: "00000010".into(),
            err: Some(0)
        }
    );
    assert_eq!(ret.tid, 0x1a2b3);
    let ret = parse_relay("0123:Ret  msvcrt.puts() retval=00000000").unwrap();
    assert_eq!(
        ret.kind,
        Kind::Ret {
            retval: "00000000".into(),
            err: None
        }
    );
    let puts = parse_relay(r#"0123:Call msvcrt.puts(0x140004000 "a (b) \"c\"")"#).unwrap();
    let Kind::Call { args } = &puts.kind else {
        panic!()
    };
    assert!(is_string_arg(args, r#"a (b) \"c\""#));
    assert!(!is_string_arg("00000003", "x"));
    assert!(Retval::Hex8.accepts("00000010") && Retval::Hex8.accepts("ffffffffffffffff"));
    assert!(
        !Retval::Hex8.accepts("10")
            && !Retval::Hex8.accepts("0x00000010")
            && !Retval::Hex8.accepts("")
    );
    assert!(
        Retval::NonEmpty.accepts("NULL")
            && !Retval::NonEmpty.accepts("")
            && Retval::Any.accepts("")
    );
    assert!(parse_relay("123:Call a.b()").is_err()); // tid too short
    assert!(parse_relay("0123:Call KERNEL32GetStdHandle()").is_err());
    assert!(parse_relay("0123:Ret  KERNEL32.GetStdHandle()").is_err());
    assert!(looks_like_relay("0123:Call x"));
    assert!(!looks_like_relay(
        "stderr: hello from fprintf(stderr), argc=1\r"
    ));

    let (relay, rest, bad) =
        split_stderr(b"0001:Call k.f()\nstderr: x\r\n0001:Ret  k.f() retval=1\n");
    assert_eq!(
        (relay.len(), rest, bad.len()),
        (2, b"stderr: x\r\n".to_vec(), 0)
    );
    assert!(check_nesting(&relay).is_empty());
    let (relay, _, _) = split_stderr(b"0001:Call k.f()\n0001:Ret  k.g() retval=1\n");
    assert_eq!(check_nesting(&relay).len(), 1);
}
