//! Tracing beyond plain `+relay` (which tests/relay.rs covers): `--trace-file` JSON lines,
//! the relay include/exclude filters, `+timestamp`, decoded flag and handle arguments, and
//! debug channels on the `log` facade (WINEDEBUG classes per DLL and per area).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

const WINE_RS: &str = env!("CARGO_BIN_EXE_wine-rs");

fn test_apps() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-apps")
}

fn built(test: &str) -> bool {
    static BUILT: OnceLock<Result<bool, String>> = OnceLock::new();
    let r = BUILT.get_or_init(|| {
        let cc = std::env::var("MINGW_CC").unwrap_or_else(|_| "x86_64-w64-mingw32-gcc".into());
        let ok = Command::new(&cc).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status();
        if !ok.map(|s| s.success()).unwrap_or(false) {
            return Ok(false);
        }
        let out = Command::new("bash").arg(test_apps().join("build.sh")).output().map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        Ok(true)
    });
    match r {
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
    code: Option<i32>,
    stderr: String,
}

fn run(variant: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(WINE_RS);
    cmd.args(args)
        .current_dir(test_apps().join("build").join(variant))
        .env_remove("WINEDEBUG")
        .env_remove("WINE_RS_RELAY_INCLUDE")
        .env_remove("WINE_RS_RELAY_EXCLUDE")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {WINE_RS}: {e}"));
    Run { code: out.status.code(), stderr: String::from_utf8_lossy(&out.stderr).into_owned() }
}

/// A relay text line: `[timestamp:]tid:Call|Ret  DLL.Function...`; returns ("Call"/"Ret", "DLL.Function").
fn relay_line(l: &str) -> Option<(&str, &str)> {
    let (kind, rest) =
        l.split_once(":Call ").map(|(_, r)| ("Call", r)).or_else(|| l.split_once(":Ret  ").map(|(_, r)| ("Ret", r)))?;
    let name = &rest[..rest.find('(')?];
    Some((kind, name))
}

/// The value of `"key":"…"` (a string) or `"key":…` (a number) in a JSON line.
fn json_field<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let at = line.find(&format!("\"{key}\":"))? + key.len() + 3;
    let rest = &line[at..];
    if let Some(s) = rest.strip_prefix('"') {
        let mut end = 0;
        let b = s.as_bytes();
        while end < b.len() && b[end] != b'"' {
            end += if b[end] == b'\\' { 2 } else { 1 };
        }
        Some(&s[..end])
    } else {
        Some(&rest[..rest.find([',', '}'])?])
    }
}

#[test]
fn trace_file_gets_json_lines_and_stderr_stays_clean() {
    if !built("trace_file") {
        return;
    }
    for v in ["msvcrt", "ucrt"] {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("trace-{v}-{}.jsonl", std::process::id()));
        let r = run(v, &["--trace-file", path.to_str().unwrap(), "hello.exe"], &[]);
        assert_eq!(r.code, Some(3), "{v}: exit code; stderr {}", r.stderr);
        assert!(!r.stderr.lines().any(|l| relay_line(l).is_some()), "{v}: relay lines on stderr:\n{}", r.stderr);
        let text = fs::read_to_string(&path).unwrap();
        let _ = fs::remove_file(&path);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.len() > 10, "{v}: only {} JSON lines", lines.len());
        let mut depth = 0i64;
        for l in &lines {
            assert!(l.starts_with("{\"ts\":") && l.ends_with('}'), "{v}: not a JSON object line: {l}");
            for k in ["ts", "pid", "tid", "ev", "dll", "fn"] {
                assert!(json_field(l, k).is_some(), "{v}: no {k:?} in {l}");
            }
            json_field(l, "ts").unwrap().parse::<f64>().unwrap_or_else(|_| panic!("ts is not a number: {l}"));
            json_field(l, "tid").unwrap().parse::<u32>().unwrap_or_else(|_| panic!("tid is not a number: {l}"));
            match json_field(l, "ev").unwrap() {
                "call" => {
                    depth += 1;
                    assert!(l.contains(",\"args\":["), "{v}: a call without args: {l}");
                }
                "ret" => {
                    depth -= 1;
                    assert!(json_field(l, "err").is_some(), "{v}: a ret without err: {l}");
                }
                e => panic!("{v}: ev {e:?}"),
            }
        }
        assert!(depth >= 0, "{v}: more rets than calls");
        let puts = lines
            .iter()
            .find(|l| json_field(l, "fn") == Some("puts") && json_field(l, "ev") == Some("call"))
            .unwrap_or_else(|| panic!("{v}: no call to puts"));
        assert!(puts.contains(r#" \"hello, world\""]"#), "{v}: puts's argument not shown as text: {puts}");
        assert!(
            lines.iter().any(|l| json_field(l, "fn") == Some("puts") && json_field(l, "ret") == Some("00000000")),
            "{v}: no return of puts with its value"
        );
        assert!(
            lines.iter().any(|l| json_field(l, "ev") == Some("ret") && l.contains("\"ret\":null")),
            "{v}: a void function's return is not null"
        );
    }
}

#[test]
fn relay_include_and_exclude() {
    if !built("relay_filters") {
        return;
    }
    let r = run(
        "msvcrt",
        &["hello.exe"],
        &[
            ("WINEDEBUG", "+relay"),
            ("WINE_RS_RELAY_INCLUDE", "msvcrt.puts;KERNEL32.*"),
            ("WINE_RS_RELAY_EXCLUDE", "kernel32.dll.SetUnhandledExceptionFilter"),
        ],
    );
    assert_eq!(r.code, Some(3));
    let names: Vec<&str> = r.stderr.lines().filter_map(relay_line).map(|(_, n)| n).collect();
    assert!(names.contains(&"msvcrt.puts"), "no puts:\n{}", r.stderr);
    assert!(names.iter().any(|n| n.starts_with("KERNEL32.")), "no KERNEL32 call:\n{}", r.stderr);
    for n in &names {
        assert!(*n == "msvcrt.puts" || n.starts_with("KERNEL32."), "{n} is not included:\n{}", r.stderr);
        assert_ne!(*n, "KERNEL32.SetUnhandledExceptionFilter", "excluded but traced");
    }
    // Exclude alone: everything but the excluded.
    let r = run("msvcrt", &["hello.exe"], &[("WINEDEBUG", "+relay"), ("WINE_RS_RELAY_EXCLUDE", "puts;msvcrt._*")]);
    let names: Vec<&str> = r.stderr.lines().filter_map(relay_line).map(|(_, n)| n).collect();
    assert!(names.contains(&"msvcrt.printf") && names.contains(&"KERNEL32.SetUnhandledExceptionFilter"));
    assert!(!names.iter().any(|n| *n == "msvcrt.puts" || n.starts_with("msvcrt._")), "{names:?}");
}

#[test]
fn timestamps() {
    if !built("timestamps") {
        return;
    }
    let r = run("msvcrt", &["hello.exe"], &[("WINEDEBUG", "+relay,+timestamp")]);
    let lines: Vec<&str> = r.stderr.lines().filter(|l| relay_line(l).is_some()).collect();
    assert!(!lines.is_empty());
    let mut last = 0.0;
    for l in lines {
        let (ts, rest) = l.trim_start().split_once(':').unwrap();
        let (s, us) = ts.split_once('.').unwrap_or_else(|| panic!("no timestamp: {l}"));
        assert!(us.len() == 6 && s.chars().all(|c| c.is_ascii_digit()), "timestamp {ts:?} in {l}");
        let t: f64 = ts.parse().unwrap();
        assert!(t >= last, "timestamps go backwards: {l}");
        last = t;
        assert!(
            rest.split_once(':').is_some_and(|(tid, _)| tid.len() >= 4 && tid.chars().all(|c| c.is_ascii_hexdigit())),
            "{l}"
        );
    }
}

#[test]
fn flags_and_handles_are_decoded() {
    if !built("decoded") {
        return;
    }
    let r = run("msvcrt", &["peb.exe"], &[("WINEDEBUG", "+relay")]);
    assert!(r.stderr.contains("Call KERNEL32.GetStdHandle(fffffff5 STD_OUTPUT_HANDLE)"), "{}", r.stderr);
    let r = run("msvcrt", &["tls.exe"], &[("WINEDEBUG", "+relay")]);
    assert!(
        r.stderr.lines().any(|l| l.contains("Call KERNEL32.WaitForSingleObject(") && l.contains(" Thread,")),
        "WaitForSingleObject's handle is not shown as a Thread:\n{}",
        r.stderr.lines().filter(|l| l.contains("WaitForSingleObject")).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn log_channels_follow_winedebug() {
    if !built("log_channels") {
        return;
    }
    // loader/src/modules.rs: log::warn!("{name} not found: loading it as an empty builtin ...")
    let warned = |debug: Option<&str>| {
        let env: Vec<(&str, &str)> = debug.map(|d| vec![("WINEDEBUG", d)]).unwrap_or_default();
        let r = run("msvcrt", &["stubcall.exe", "none"], &env);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        r.stderr
            .lines()
            .find(|l| l.contains(":warn:modules:loader::modules nosuchdll.dll not found"))
            .map(str::to_string)
    };
    assert_eq!(warned(None), None, "warn is off by default (as in Wine)");
    let line = warned(Some("warn+loader")).expect("warn+loader (the crate's channel) shows it");
    let tid = line.split(':').next().unwrap();
    assert!(tid.len() >= 4 && tid.chars().all(|c| c.is_ascii_hexdigit()), "{line}");
    assert!(warned(Some("warn+modules")).is_some(), "warn+modules (the area's channel) shows it");
    assert!(warned(Some("warn+all")).is_some());
    assert!(warned(Some("warn+loader,-modules")).is_none(), "the most specific channel decides");
    assert!(warned(Some("-all,warn+heap")).is_none());
    assert!(warned(Some("trace+loader")).is_none(), "trace is not warn");
}

#[test]
fn trace_file_errors_are_reported() {
    let r = Command::new(WINE_RS).args(["--trace-file", "/nonexistent-dir/x.jsonl", "x.exe"]).output().unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("--trace-file /nonexistent-dir/x.jsonl"));
}
