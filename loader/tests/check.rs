//! `wine-rs check`: the import report, over every test app (both CRTs) and over small images
//! made here for what the test apps do not have (delay imports, a .NET header, stripped
//! relocations, 32-bit and ARM64 machine fields).
//!
//! What is checked:
//! * every test app: the JSON report is well-formed and self-consistent (exit status, counts,
//!   per-DLL summary), the text report's summary says the same, the CRT is served by the
//!   right builtin (msvcrt.dll, or ucrtbase.dll through the apiset table);
//! * dllapp.exe: its PE DLL (testdll.dll) is found in the app directory, exports by name and
//!   ordinal resolve there, forwarders resolve to kernel32, and a DLL named on the command
//!   line (testdll2.dll, loaded at run time) is checked too;
//! * stubcall.exe: a KERNEL32 export nobody implements is a stub, a DLL nobody provides is a
//!   missing DLL, and the exit status is 1;
//! * features: TLS callbacks (tls.exe), delay imports, .NET, 32-bit, ARM64, not a PE, no file,
//!   stripped relocations;
//! * the command line: --help, usage errors.
//!
//! The test apps are built by `test-apps/build.sh`; without the mingw-w64 cross compiler every
//! test prints "SKIPPED" and passes, as in `apps.rs`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

const WINE_RS: &str = env!("CARGO_BIN_EXE_wine-rs");
const VARIANTS: [&str; 2] = ["msvcrt", "ucrt"];
const APPS: [&str; 8] = [
    "hello", "args", "printf", "tls", "peb", "dllapp", "reloc", "stubcall",
];

// ---- building the test apps (as in apps.rs) ---------------------------------------------------

fn test_apps_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-apps");
    dir.canonicalize().unwrap_or(dir)
}

fn build_dir(variant: &str) -> PathBuf {
    test_apps_dir().join("build").join(variant)
}

fn mingw_cc() -> String {
    std::env::var("MINGW_CC").unwrap_or_else(|_| "x86_64-w64-mingw32-gcc".to_string())
}

/// Ok(true): built; Ok(false): no cross compiler (skip); Err: build failed.
fn build() -> &'static Result<bool, String> {
    static BUILT: OnceLock<Result<bool, String>> = OnceLock::new();
    BUILT.get_or_init(|| {
        let found = Command::new(mingw_cc())
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
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

// ---- running wine-rs check ---------------------------------------------------------------------

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn wine_rs(args: &[&str], cwd: &Path) -> Run {
    let out = Command::new(WINE_RS)
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .output()
        .expect("cannot start wine-rs");
    Run {
        code: out
            .status
            .code()
            .unwrap_or_else(|| panic!("wine-rs {args:?} was killed: {:?}", out.status)),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `wine-rs check --json ARGS...` in `cwd`: the exit status and the parsed report.
fn check_json(args: &[&str], cwd: &Path) -> (i32, Json) {
    let mut all = vec!["check", "--json"];
    all.extend_from_slice(args);
    let run = wine_rs(&all, cwd);
    let json = Json::parse(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "wine-rs {all:?}: bad JSON ({e}):\n{}\n{}",
            run.stdout, run.stderr
        )
    });
    (run.code, json)
}

// ---- a small JSON reader, enough to validate and query the report ------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn parse(s: &str) -> Result<Json, String> {
        let b = s.trim().as_bytes();
        let mut i = 0;
        let v = Self::value(b, &mut i)?;
        if i != b.len() {
            return Err(format!("trailing data at {i}"));
        }
        Ok(v)
    }

    fn ws(b: &[u8], i: &mut usize) {
        while *i < b.len() && b[*i].is_ascii_whitespace() {
            *i += 1;
        }
    }

    fn value(b: &[u8], i: &mut usize) -> Result<Json, String> {
        Self::ws(b, i);
        let Some(&c) = b.get(*i) else {
            return Err("unexpected end".into());
        };
        let lit = |i: &mut usize, word: &str, v: Json| {
            if b[*i..].starts_with(word.as_bytes()) {
                *i += word.len();
                Ok(v)
            } else {
                Err(format!("bad literal at {i}"))
            }
        };
        match c {
            b'n' => lit(i, "null", Json::Null),
            b't' => lit(i, "true", Json::Bool(true)),
            b'f' => lit(i, "false", Json::Bool(false)),
            b'"' => Self::string(b, i).map(Json::Str),
            b'[' => {
                *i += 1;
                let mut v = Vec::new();
                Self::ws(b, i);
                if b.get(*i) == Some(&b']') {
                    *i += 1;
                    return Ok(Json::Arr(v));
                }
                loop {
                    v.push(Self::value(b, i)?);
                    Self::ws(b, i);
                    match b.get(*i) {
                        Some(b',') => *i += 1,
                        Some(b']') => {
                            *i += 1;
                            return Ok(Json::Arr(v));
                        }
                        _ => return Err(format!("expected , or ] at {i}")),
                    }
                }
            }
            b'{' => {
                *i += 1;
                let mut v = Vec::new();
                Self::ws(b, i);
                if b.get(*i) == Some(&b'}') {
                    *i += 1;
                    return Ok(Json::Obj(v));
                }
                loop {
                    Self::ws(b, i);
                    let k = Self::string(b, i)?;
                    Self::ws(b, i);
                    if b.get(*i) != Some(&b':') {
                        return Err(format!("expected : at {i}"));
                    }
                    *i += 1;
                    v.push((k, Self::value(b, i)?));
                    Self::ws(b, i);
                    match b.get(*i) {
                        Some(b',') => *i += 1,
                        Some(b'}') => {
                            *i += 1;
                            return Ok(Json::Obj(v));
                        }
                        _ => return Err(format!("expected , or }} at {i}")),
                    }
                }
            }
            b'-' | b'0'..=b'9' => {
                let start = *i;
                while *i < b.len()
                    && matches!(b[*i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    *i += 1;
                }
                let t = std::str::from_utf8(&b[start..*i]).unwrap();
                t.parse()
                    .map(Json::Num)
                    .map_err(|e| format!("bad number {t}: {e}"))
            }
            _ => Err(format!("unexpected {:?} at {i}", c as char)),
        }
    }

    fn string(b: &[u8], i: &mut usize) -> Result<String, String> {
        if b.get(*i) != Some(&b'"') {
            return Err(format!("expected string at {i}"));
        }
        *i += 1;
        let mut out = Vec::new();
        loop {
            let Some(&c) = b.get(*i) else {
                return Err("unterminated string".into());
            };
            *i += 1;
            match c {
                b'"' => return String::from_utf8(out).map_err(|e| e.to_string()),
                b'\\' => {
                    let e = *b.get(*i).ok_or("bad escape")?;
                    *i += 1;
                    match e {
                        b'"' | b'\\' | b'/' => out.push(e),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'u' => {
                            let h =
                                std::str::from_utf8(b.get(*i..*i + 4).ok_or("bad \\u")?).unwrap();
                            let cp = u32::from_str_radix(h, 16).map_err(|e| e.to_string())?;
                            *i += 4;
                            let ch = char::from_u32(cp).ok_or("bad \\u code point")?;
                            out.extend_from_slice(ch.to_string().as_bytes());
                        }
                        _ => return Err(format!("bad escape \\{}", e as char)),
                    }
                }
                c if c < 0x20 => return Err("control character in string".into()),
                c => out.push(c),
            }
        }
    }

    fn get(&self, key: &str) -> &Json {
        match self {
            Json::Obj(v) => v
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v)
                .unwrap_or(&Json::Null),
            _ => &Json::Null,
        }
    }
    fn str(&self) -> &str {
        match self {
            Json::Str(s) => s,
            other => panic!("not a string: {other:?}"),
        }
    }
    fn num(&self) -> usize {
        match self {
            Json::Num(n) => *n as usize,
            other => panic!("not a number: {other:?}"),
        }
    }
    fn bool(&self) -> bool {
        match self {
            Json::Bool(b) => *b,
            other => panic!("not a bool: {other:?}"),
        }
    }
    fn arr(&self) -> &[Json] {
        match self {
            Json::Arr(v) => v,
            other => panic!("not an array: {other:?}"),
        }
    }
}

/// The report's modules[..].imports[..] entries as (module, import) pairs.
fn imports(r: &Json) -> Vec<(&Json, &Json)> {
    r.get("modules")
        .arr()
        .iter()
        .flat_map(|m| m.get("imports").arr().iter().map(move |i| (m, i)))
        .collect()
}

/// The status (and detail) of `func` imported from `dll` (normalised name) by any module.
fn status<'a>(r: &'a Json, dll: &str, func: &str) -> Option<(&'a str, &'a Json)> {
    imports(r)
        .into_iter()
        .filter(|(_, i)| i.get("lname").str() == dll)
        .find_map(|(_, i)| {
            i.get("functions")
                .arr()
                .iter()
                .find(|f| f.get("name").str() == func)
                .map(|f| (f.get("status").str(), f.get("detail")))
        })
}

fn summary<'a>(r: &'a Json, dll: &str) -> &'a Json {
    r.get("summary")
        .arr()
        .iter()
        .find(|s| s.get("lname").str() == dll)
        .unwrap_or_else(|| panic!("no summary entry for {dll}"))
}

fn feature_keys(module: &Json) -> Vec<String> {
    module
        .get("features")
        .arr()
        .iter()
        .map(|f| f.get("key").str().to_string())
        .collect()
}

// ---- the test apps -----------------------------------------------------------------------------

/// The report of one app is consistent with itself, with the text output and with its CRT.
fn check_app(variant: &str, app: &str) -> Json {
    let dir = build_dir(variant);
    let exe = format!("{app}.exe");
    let (code, r) = check_json(&[&exe], &dir);
    let ctx = format!("{variant}/{app}");
    assert_eq!(
        r.get("exit_code").num() as i32,
        code,
        "{ctx}: JSON exit_code vs exit status"
    );
    assert!(r.get("loadable").bool(), "{ctx}: not loadable");
    let m0 = &r.get("modules").arr()[0];
    assert_eq!(m0.get("role").str(), "program", "{ctx}");
    assert_eq!(m0.get("name").str(), exe, "{ctx}");
    assert_eq!(m0.get("error"), &Json::Null, "{ctx}");
    assert!(!m0.get("is_dll").bool(), "{ctx}");
    assert_eq!(m0.get("subsystem").str(), "console", "{ctx}");

    // Every function has a known status; unimplemented = stub + missing DLL.
    let mut unimpl = std::collections::BTreeSet::new();
    for (_, i) in imports(&r) {
        for f in i.get("functions").arr() {
            let st = f.get("status").str();
            assert!(
                ["implemented", "stub", "missing-dll", "pe"].contains(&st),
                "{ctx}: status {st}"
            );
            if st == "stub" || st == "missing-dll" {
                unimpl.insert((
                    i.get("lname").str().to_string(),
                    f.get("name").str().to_string(),
                ));
            }
        }
    }
    assert_eq!(r.get("unimplemented_count").num(), unimpl.len(), "{ctx}");
    assert_eq!(r.get("unimplemented").arr().len(), unimpl.len(), "{ctx}");
    assert_eq!(
        code,
        if unimpl.is_empty() { 0 } else { 1 },
        "{ctx}: exit status"
    );

    // The summary: n <= N, totals add up, unimplemented lists match.
    let sum = r.get("summary").arr();
    let total: usize = sum.iter().map(|s| s.get("total").num()).sum();
    assert_eq!(total, r.get("total_imports").num(), "{ctx}");
    let mut listed = 0;
    for s in sum {
        let (n, t) = (s.get("implemented").num(), s.get("total").num());
        assert!(n <= t && t > 0, "{ctx}: {n}/{t}");
        assert_eq!(
            t - n,
            s.get("unimplemented").arr().len(),
            "{ctx}: {}",
            s.get("dll").str()
        );
        listed += t - n;
    }
    assert_eq!(listed, unimpl.len(), "{ctx}");

    // The text report says the same.
    let text = wine_rs(&["check", &exe], &dir);
    assert_eq!(text.code, code, "{ctx}: text vs JSON exit status");
    assert!(
        text.stdout.contains("summary (n/N implemented per DLL):"),
        "{ctx}:\n{}",
        text.stdout
    );
    for s in sum {
        let frac = format!("{}/{}", s.get("implemented").num(), s.get("total").num());
        let dll = s.get("dll").str();
        assert!(
            text.stdout.lines().any(|l| l
                .split_whitespace()
                .collect::<Vec<_>>()
                .starts_with(&[&frac, dll])),
            "{ctx}: no summary line '{frac} {dll}' in:\n{}",
            text.stdout
        );
    }
    assert!(text.stdout.contains(&format!(
        "result: {} of {total} imported functions not implemented",
        unimpl.len()
    )));
    let short = wine_rs(&["check", "--summary", &exe], &dir);
    assert!(
        short.stdout.lines().count() < text.stdout.lines().count(),
        "{ctx}: --summary is not shorter"
    );
    assert_eq!(short.code, code);

    // The CRT and kernel32 are builtins.
    let k32 = summary(&r, "kernel32.dll");
    assert_eq!(k32.get("provider").get("kind").str(), "builtin", "{ctx}");
    assert_eq!(
        k32.get("provider").get("dll").str(),
        "kernel32.dll",
        "{ctx}"
    );
    match variant {
        "msvcrt" => {
            let crt = summary(&r, "msvcrt.dll");
            assert_eq!(crt.get("provider").get("dll").str(), "msvcrt.dll", "{ctx}");
            assert!(!crt.get("provider").get("apiset").bool());
            assert_eq!(
                status(&r, "msvcrt.dll", "_acmdln").map(|s| s.0),
                Some("implemented"),
                "{ctx}"
            );
        }
        _ => {
            let crt: Vec<&Json> = sum
                .iter()
                .filter(|s| s.get("lname").str().starts_with("api-ms-win-crt-"))
                .collect();
            assert!(!crt.is_empty(), "{ctx}: no api-ms-win-crt imports");
            for s in crt {
                assert_eq!(s.get("provider").get("dll").str(), "ucrtbase.dll", "{ctx}");
                assert!(s.get("provider").get("apiset").bool(), "{ctx}");
            }
            assert!(
                !r.get("summary")
                    .arr()
                    .iter()
                    .any(|s| s.get("lname").str() == "msvcrt.dll"),
                "{ctx}"
            );
        }
    }
    r
}

#[test]
fn every_test_app() {
    if !ensure_built("every_test_app") {
        return;
    }
    for variant in VARIANTS {
        for app in APPS {
            check_app(variant, app);
        }
    }
}

#[test]
fn pe_dlls_forwarders_and_ordinals() {
    if !ensure_built("pe_dlls_forwarders_and_ordinals") {
        return;
    }
    for variant in VARIANTS {
        let dir = build_dir(variant);
        // From another directory: the DLLs are found next to the program.
        let (_, r) = check_json(
            &[dir.join("dllapp.exe").to_str().unwrap(), "testdll2.dll"],
            &dir,
        );
        let mods: Vec<(&str, &str)> = r
            .get("modules")
            .arr()
            .iter()
            .map(|m| (m.get("name").str(), m.get("role").str()))
            .collect();
        assert_eq!(
            mods,
            [
                ("dllapp.exe", "program"),
                ("testdll.dll", "import"),
                ("testdll2.dll", "requested")
            ]
        );
        let t = summary(&r, "testdll.dll");
        assert_eq!(t.get("provider").get("kind").str(), "pe");
        assert!(t.get("provider").get("path").str().ends_with("testdll.dll"));
        assert_eq!(t.get("implemented").num(), t.get("total").num(), "{t:?}");
        assert_eq!(status(&r, "testdll.dll", "testdll_add").unwrap().0, "pe");
        assert_eq!(status(&r, "testdll.dll", "testdll_data").unwrap().0, "pe");
        // testdll_ordinal_only is exported by ordinal 42 only (NONAME).
        assert_eq!(status(&r, "testdll.dll", "#42").unwrap().0, "pe");
        let (st, detail) = status(&r, "testdll.dll", "fwd_GetTickCount").unwrap();
        assert_eq!(st, "implemented");
        assert_eq!(detail.str(), "forwarded to KERNEL32.GetTickCount");
        // testdll2.dll, named on the command line, imports testdll.dll too.
        let t2 = r
            .get("modules")
            .arr()
            .iter()
            .find(|m| m.get("name").str() == "testdll2.dll")
            .unwrap();
        assert!(t2.get("is_dll").bool());
        assert!(
            t2.get("imports")
                .arr()
                .iter()
                .any(|i| i.get("lname").str() == "testdll.dll")
        );

        // A DLL named on the command line that does not exist.
        let (code, r) = check_json(&["hello.exe", "nosuch-at-all.dll"], &dir);
        assert_eq!(code, 1);
        let m = r.get("modules").arr().last().unwrap();
        assert_eq!(m.get("role").str(), "requested");
        assert!(m.get("error").str().contains("not found"), "{m:?}");
    }
}

#[test]
fn stubs_and_missing_dlls() {
    if !ensure_built("stubs_and_missing_dlls") {
        return;
    }
    for variant in VARIANTS {
        let dir = build_dir(variant);
        let (code, r) = check_json(&["stubcall.exe"], &dir);
        assert_eq!(code, 1);
        assert_eq!(
            status(&r, "kernel32.dll", "WineRsNoSuchExport").unwrap().0,
            "stub"
        );
        assert_eq!(
            status(&r, "nosuchdll.dll", "NoSuchFunction").unwrap().0,
            "missing-dll"
        );
        let s = summary(&r, "nosuchdll.dll");
        assert_eq!((s.get("implemented").num(), s.get("total").num()), (0, 1));
        assert_eq!(s.get("provider").get("kind").str(), "missing");
        let un: Vec<(&str, &str)> = r
            .get("unimplemented")
            .arr()
            .iter()
            .map(|u| (u.get("dll").str(), u.get("name").str()))
            .collect();
        assert!(
            un.contains(&("KERNEL32.dll", "WineRsNoSuchExport")),
            "{un:?}"
        );
        assert!(un.contains(&("nosuchdll.dll", "NoSuchFunction")), "{un:?}");
        let text = wine_rs(&["check", "stubcall.exe"], &dir);
        assert!(
            text.stdout.lines().any(|l| l.split_whitespace().eq([
                "0/1",
                "nosuchdll.dll",
                "missing",
                "DLL"
            ])),
            "{}",
            text.stdout
        );
        assert!(
            text.stdout
                .lines()
                .any(|l| l.split_whitespace().eq(["stub", "WineRsNoSuchExport"]))
        );
        assert!(text.stdout.lines().any(|l| l.split_whitespace().eq([
            "missing",
            "DLL",
            "NoSuchFunction"
        ])));
    }
}

#[test]
fn tls_callbacks_are_noted() {
    if !ensure_built("tls_callbacks_are_noted") {
        return;
    }
    for variant in VARIANTS {
        let (_, r) = check_json(&["tls.exe"], &build_dir(variant));
        let m = &r.get("modules").arr()[0];
        let keys = feature_keys(m);
        assert!(keys.contains(&"tls-callbacks".to_string()), "{keys:?}");
        assert!(keys.contains(&"tls".to_string()), "{keys:?}");
        assert!(!keys.contains(&"no-relocations".to_string()), "{keys:?}");
    }
}

// ---- images made here --------------------------------------------------------------------------

fn scratch(test: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("check")
        .join(test);
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

/// Offset of the PE32+ optional header.
fn opt_header(d: &[u8]) -> usize {
    let pe = u32::from_le_bytes(d[0x3c..0x40].try_into().unwrap()) as usize;
    assert_eq!(&d[pe..pe + 4], b"PE\0\0");
    pe + 24
}

/// Set data directory `index` to (rva, size).
fn set_dir(d: &mut [u8], index: usize, rva: u32, size: u32) {
    let at = opt_header(d) + 112 + 8 * index;
    d[at..at + 4].copy_from_slice(&rva.to_le_bytes());
    d[at + 4..at + 8].copy_from_slice(&size.to_le_bytes());
}

/// A hand-made delay-load directory (nosuchdll.dll!NoSuchFunction and KERNEL32!GetTickCount,
/// RVA-based) and an IL-only CLR header, in .rdata; the test points the data directories at
/// them (ld fills neither).
const TABLES_S: &str = r#"
    .section .rdata,"dr"
    .p2align 3
    .globl delay_table
delay_table:
    .long 1
    .rva dl_name, dl_hmod, dl_iat, dl_int
    .long 0, 0, 0
    .long 1
    .rva k32_name, k32_hmod, k32_iat, k32_int
    .long 0, 0, 0
    .fill 32, 1, 0
dl_name: .asciz "nosuchdll.dll"
k32_name: .asciz "KERNEL32.dll"
    .p2align 3
dl_int: .rva dl_hn
    .long 0
    .quad 0
k32_int: .rva k32_hn
    .long 0
    .quad 0
    .p2align 1
dl_hn: .short 0
    .asciz "NoSuchFunction"
    .p2align 1
k32_hn: .short 0
    .asciz "GetTickCount"
    .p2align 2
    .globl cor_header
cor_header:
    .long 72
    .short 2, 5
    .long 0, 0
    .long 1
    .fill 56, 1, 0
    .data
    .p2align 3
dl_hmod: .quad 0
k32_hmod: .quad 0
dl_iat: .quad 0, 0
k32_iat: .quad 0, 0
"#;

/// Build `features.exe` from TABLES_S; returns it and the RVAs of delay_table and cor_header.
fn build_tables(dir: &Path) -> (Vec<u8>, u32, u32) {
    fs::write(dir.join("tables.s"), TABLES_S).unwrap();
    fs::write(dir.join("main.c"), "int main(void) { return 0; }\n").unwrap();
    let out = Command::new(mingw_cc())
        .args(["-O2", "main.c", "tables.s", "-o", "features.exe"])
        .current_dir(dir)
        .output()
        .expect("cannot run the mingw compiler");
    assert!(
        out.status.success(),
        "building features.exe failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let nm = std::env::var("MINGW_NM").unwrap_or_else(|_| "x86_64-w64-mingw32-nm".into());
    let syms = Command::new(nm)
        .arg("features.exe")
        .current_dir(dir)
        .output()
        .expect("cannot run nm");
    let syms = String::from_utf8_lossy(&syms.stdout);
    let data = fs::read(dir.join("features.exe")).unwrap();
    let base = u64::from_le_bytes(
        data[opt_header(&data) + 24..opt_header(&data) + 32]
            .try_into()
            .unwrap(),
    );
    let rva = |name: &str| {
        let line = syms
            .lines()
            .find(|l| l.ends_with(&format!(" {name}")))
            .unwrap_or_else(|| panic!("no {name}"));
        (u64::from_str_radix(line.split_whitespace().next().unwrap(), 16).unwrap() - base) as u32
    };
    (data.clone(), rva("delay_table"), rva("cor_header"))
}

#[test]
fn delay_imports_and_dotnet() {
    if !ensure_built("delay_imports_and_dotnet") {
        return;
    }
    let dir = scratch("delay_imports_and_dotnet");
    let (data, delay_rva, cor_rva) = build_tables(&dir);

    let mut delay = data.clone();
    set_dir(&mut delay, 13, delay_rva, 64);
    fs::write(dir.join("delay.exe"), &delay).unwrap();
    let (code, r) = check_json(&["delay.exe"], &dir);
    let m = &r.get("modules").arr()[0];
    let f = m
        .get("features")
        .arr()
        .iter()
        .find(|f| f.get("key").str() == "delay-imports")
        .expect("delay-imports");
    assert_eq!(f.get("level").str(), "warning");
    assert!(
        f.get("detail")
            .str()
            .contains("nosuchdll.dll, KERNEL32.dll"),
        "{f:?}"
    );
    let delayed: Vec<&str> = imports(&r)
        .iter()
        .filter(|(_, i)| i.get("delay").bool())
        .map(|(_, i)| i.get("lname").str())
        .collect();
    assert_eq!(delayed, ["nosuchdll.dll", "kernel32.dll"]);
    assert_eq!(
        status(&r, "nosuchdll.dll", "NoSuchFunction").unwrap().0,
        "missing-dll"
    );
    let s = summary(&r, "nosuchdll.dll");
    assert!(s.get("delay_only").bool());
    assert!(!summary(&r, "kernel32.dll").get("delay_only").bool());
    // GetTickCount is both a static import (mingw's startup) and a delay import: same status.
    assert_eq!(
        status(&r, "kernel32.dll", "GetTickCount").unwrap().0,
        "implemented"
    );
    assert_eq!(code, 1, "a missing delay-loaded DLL is unimplemented");
    let text = wine_rs(&["check", "delay.exe"], &dir);
    assert!(
        text.stdout
            .contains("delay-loaded imports from nosuchdll.dll (missing DLL): 0/1"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("nosuchdll.dll  missing DLL (delay-loaded)"),
        "{}",
        text.stdout
    );

    let mut net = data.clone();
    set_dir(&mut net, 14, cor_rva, 72);
    fs::write(dir.join("dotnet.exe"), &net).unwrap();
    let (code, r) = check_json(&["dotnet.exe"], &dir);
    assert_eq!(code, 3);
    assert!(!r.get("loadable").bool());
    let m = &r.get("modules").arr()[0];
    assert!(m.get("error").str().contains(".NET"), "{m:?}");
    assert_eq!(feature_keys(m), ["unsupported"]);
    let text = wine_rs(&["check", "dotnet.exe"], &dir);
    assert_eq!(text.code, 3);
    assert!(
        text.stdout.contains("error: unsupported image: .NET"),
        "{}",
        text.stdout
    );
}

/// Patch the COFF header: machine or characteristics.
fn patch_coff(d: &mut [u8], field_off: usize, value: u16) {
    let at = opt_header(d) - 20 + field_off;
    d[at..at + 2].copy_from_slice(&value.to_le_bytes());
}

#[test]
fn unsupported_images_and_relocations() {
    if !ensure_built("unsupported_images_and_relocations") {
        return;
    }
    let dir = scratch("unsupported_images_and_relocations");
    let hello = fs::read(build_dir("msvcrt").join("hello.exe")).unwrap();
    for (file, machine, want) in [
        ("i386.exe", 0x14cu16, "32-bit"),
        ("arm64.exe", 0xaa64, "ARM64"),
    ] {
        let mut d = hello.clone();
        patch_coff(&mut d, 0, machine);
        fs::write(dir.join(file), &d).unwrap();
        let (code, r) = check_json(&[file], &dir);
        assert_eq!(code, 3, "{file}");
        let m = &r.get("modules").arr()[0];
        assert!(m.get("error").str().contains(want), "{file}: {m:?}");
        assert_eq!(feature_keys(m), ["unsupported"]);
    }
    fs::write(dir.join("text.exe"), "not a program\n").unwrap();
    let (code, r) = check_json(&["text.exe"], &dir);
    assert_eq!(code, 3);
    assert_eq!(feature_keys(&r.get("modules").arr()[0]), ["not-pe"]);
    let (code, r) = check_json(&["no-such-file.exe"], &dir);
    assert_eq!(code, 3);
    assert_eq!(feature_keys(&r.get("modules").arr()[0]), ["not-found"]);

    // Relocations stripped (IMAGE_FILE_RELOCS_STRIPPED): a note for a program, a warning for a
    // DLL. A DLL given as the program is checked as one.
    for (file, src, level) in [
        ("norel.exe", "hello.exe", "note"),
        ("norel.dll", "testdll.dll", "warning"),
    ] {
        let mut d = fs::read(build_dir("msvcrt").join(src)).unwrap();
        let at = opt_header(&d) - 20 + 18;
        let ch = u16::from_le_bytes([d[at], d[at + 1]]);
        patch_coff(&mut d, 18, ch | 1);
        fs::write(dir.join(file), &d).unwrap();
        let (_, r) = check_json(&[file], &dir);
        let m = &r.get("modules").arr()[0];
        let f = m
            .get("features")
            .arr()
            .iter()
            .find(|f| f.get("key").str() == "no-relocations")
            .expect(file);
        assert_eq!(f.get("level").str(), level, "{file}");
        assert_eq!(m.get("is_dll").bool(), file.ends_with(".dll"));
        assert_eq!(
            feature_keys(m).contains(&"dll".to_string()),
            file.ends_with(".dll")
        );
    }
}

#[test]
fn command_line() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let help = wine_rs(&["check", "--help"], here);
    assert_eq!(help.code, 0);
    assert!(
        help.stdout.starts_with("Usage: wine-rs check"),
        "{}",
        help.stdout
    );
    let main_help = wine_rs(&["--help"], here);
    assert!(
        main_help.stdout.contains("wine-rs check"),
        "{}",
        main_help.stdout
    );
    let none = wine_rs(&["check"], here);
    assert_eq!(none.code, 2);
    assert!(none.stderr.contains("no program given"), "{}", none.stderr);
    let bad = wine_rs(&["check", "--bogus", "x.exe"], here);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("unknown option '--bogus'"),
        "{}",
        bad.stderr
    );
}

#[test]
fn json_reader() {
    let j = Json::parse(r#"{"a":[1,true,null,"x\"\u00e9\n"],"b":{}}"#).unwrap();
    assert_eq!(j.get("a").arr()[3].str(), "x\"é\n");
    assert_eq!(j.get("b"), &Json::Obj(vec![]));
    assert!(Json::parse("{\"a\":1,}").is_err());
    assert!(Json::parse("[1 2]").is_err());
}
