//! Integration tests of the `wine-rs` launcher itself: its command line, how it refuses files
//! it cannot run, and what happens when a program calls a function nothing implements.
//!
//! * Options: `--help`/`-h` (usage on stdout, exit 0), `--version`/`-V` ("wine-rs VERSION"),
//!   an unknown option or no program (usage error, exit 2), a missing file (exit 1).
//! * Files that are not x86-64 programs: each is refused with exactly one line on stderr
//!   ("wine-rs: FILE: reason"), nothing on stdout, a non-zero exit code and no crash (no
//!   signal, no panic). The images are copies of `test-apps/build/msvcrt/hello.exe` with one
//!   thing changed (truncated, machine field, ...), made in a temporary directory.
//! * `test-apps/stubcall.c`: imports `KERNEL32.dll.WineRsNoSuchExport` and
//!   `nosuchdll.dll.NoSuchFunction`, which exist nowhere. Not calling them is harmless; calling
//!   one prints `wine-rs: unimplemented function DLL.Function called from stubcall.exe+0xOFFSET`
//!   and exits with 127, after the CRT's buffered stdout has been written out.
//!
//! The tests that need the test apps build them with `test-apps/build.sh` and print
//! "SKIPPED" (and pass) when the mingw-w64 cross compiler is missing, as `apps.rs` does.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const WINE_RS: &str = env!("CARGO_BIN_EXE_wine-rs");
const VARIANTS: [&str; 2] = ["msvcrt", "ucrt"];
const TIMEOUT: Duration = Duration::from_secs(60);
/// Exit code of a program that called an unimplemented function (loader::stub).
const EXIT_UNIMPLEMENTED: i32 = 127;
/// Exit code when wine-rs cannot start the program (loader::launch).
const EXIT_LOAD_FAILED: i32 = 1;
/// Exit code of a usage error.
const EXIT_USAGE: i32 = 2;

// ---- building the test apps (as in apps.rs) ---------------------------------------------------

fn test_apps_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-apps");
    dir.canonicalize().unwrap_or(dir)
}

fn build_dir(variant: &str) -> PathBuf {
    test_apps_dir().join("build").join(variant)
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

// ---- running wine-rs ----------------------------------------------------------------------------

struct Run {
    /// Unique per run (groups the problems found in it).
    id: usize,
    /// What was run, for messages.
    what: String,
    code: Option<i32>,
    signal: Option<i32>,
    timed_out: bool,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Run {
    fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

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
        let status = match (self.code, self.signal) {
            _ if self.timed_out => format!("killed after {TIMEOUT:?} (hung)"),
            (Some(c), _) => format!("exit code {c}"),
            (None, Some(s)) => format!("killed by signal {s}"),
            (None, None) => "no exit status".into(),
        };
        format!(
            "{status}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            clip(&self.stdout),
            clip(&self.stderr)
        )
    }
}

/// Runs `wine-rs ARGS...` in `cwd` with output to files (not pipes, so nothing can block)
/// and a timeout.
fn wine_rs<S: AsRef<OsStr>>(args: &[S], cwd: &Path) -> Run {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-out");
    fs::create_dir_all(&out_dir).unwrap();
    let out_path = out_dir.join(format!("{}-{n}.stdout", std::process::id()));
    let err_path = out_dir.join(format!("{}-{n}.stderr", std::process::id()));
    let what = std::iter::once("wine-rs".to_string())
        .chain(args.iter().map(|a| format!("{:?}", a.as_ref())))
        .collect::<Vec<_>>()
        .join(" ");
    let mut child = Command::new(WINE_RS)
        .args(args)
        .current_dir(cwd)
        .env("LC_ALL", "C.UTF-8")
        .env_remove("WINEDEBUG")
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).unwrap())
        .stderr(fs::File::create(&err_path).unwrap())
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
    let run = Run {
        id: n,
        what: format!("(cd {} && {what})", cwd.display()),
        code: status.and_then(|s| s.code()),
        signal: status.and_then(|s| s.signal()),
        timed_out: status.is_none(),
        stdout: fs::read(&out_path).unwrap_or_default(),
        stderr: fs::read(&err_path).unwrap_or_default(),
    };
    let _ = fs::remove_file(&out_path);
    let _ = fs::remove_file(&err_path);
    run
}

/// Runs wine-rs with options only (no program to find): in the temp dir.
fn wine_rs_opts(args: &[&str]) -> Run {
    wine_rs(args, Path::new(env!("CARGO_TARGET_TMPDIR")))
}

/// The lines of `out`, without "\r\n" / "\n" (no empty last piece).
fn lines(out: &[u8]) -> Vec<String> {
    let s = String::from_utf8_lossy(out);
    let mut v: Vec<String> = s
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
        .collect();
    if v.last().is_some_and(String::is_empty) {
        v.pop();
    }
    v
}

/// Collects problems, grouped by the run they were found in, then fails once with all of
/// them, each run's output shown once.
#[derive(Default)]
struct Problems(Vec<(usize, String, Vec<String>)>, Vec<String>);

impl Problems {
    fn check(&mut self, ok: bool, run: &Run, what: impl std::fmt::Display) {
        if ok {
            return;
        }
        match self.0.iter_mut().find(|(id, _, _)| *id == run.id) {
            Some((_, _, list)) => list.push(what.to_string()),
            None => {
                self.0
                    .push((run.id, run.what.clone(), vec![what.to_string()]));
                self.1.push(run.describe());
            }
        }
    }

    fn assert_none(self) {
        let n: usize = self.0.iter().map(|(_, _, l)| l.len()).sum();
        let text: Vec<String> = self
            .0
            .iter()
            .zip(&self.1)
            .map(|((_, what, list), output)| {
                format!(
                    "==== $ {what}\n{}{output}",
                    list.iter()
                        .map(|p| format!("  - {p}\n"))
                        .collect::<String>()
                )
            })
            .collect();
        assert!(
            self.0.is_empty(),
            "\n{n} problem(s) in {} run(s):\n\n{}",
            self.0.len(),
            text.join("\n\n")
        );
    }
}

/// Common checks for every run: it ended by itself, not by a signal, and nothing panicked.
fn check_no_crash(p: &mut Problems, run: &Run) {
    p.check(!run.timed_out, run, "wine-rs hung");
    p.check(
        run.signal.is_none(),
        run,
        format!("wine-rs was killed by signal {:?}", run.signal),
    );
    p.check(!run.err().contains("panicked"), run, "wine-rs panicked");
}

// ---- options -------------------------------------------------------------------------------------

#[test]
fn help() {
    let mut p = Problems::default();
    for opt in ["--help", "-h"] {
        let run = wine_rs_opts(&[opt]);
        check_no_crash(&mut p, &run);
        p.check(
            run.code == Some(0),
            &run,
            format!("{opt}: exit code {:?}, expected 0", run.code),
        );
        let out = run.out();
        p.check(
            out.starts_with("Usage: wine-rs"),
            &run,
            format!("{opt}: stdout does not start with \"Usage: wine-rs\""),
        );
        for word in ["PROGRAM", "--help", "--version", "WINEDEBUG"] {
            p.check(
                out.contains(word),
                &run,
                format!("{opt}: the usage text does not mention {word}"),
            );
        }
        p.check(
            run.stderr.is_empty(),
            &run,
            format!("{opt}: something on stderr"),
        );
    }
    // options after the program belong to the program: --help is not ours there (the
    // program does not exist, so this must fail as "file not found", not print usage)
    let run = wine_rs_opts(&["no-such-program-for-help.exe", "--help"]);
    check_no_crash(&mut p, &run);
    p.check(
        run.code == Some(EXIT_LOAD_FAILED) && !run.out().contains("Usage"),
        &run,
        "an option after the program name was taken as wine-rs's own",
    );
    p.assert_none();
}

#[test]
fn version() {
    let mut p = Problems::default();
    let want = format!("wine-rs {}\n", env!("CARGO_PKG_VERSION"));
    for opt in ["--version", "-V"] {
        let run = wine_rs_opts(&[opt]);
        check_no_crash(&mut p, &run);
        p.check(
            run.code == Some(0),
            &run,
            format!("{opt}: exit code {:?}, expected 0", run.code),
        );
        p.check(
            run.out() == want,
            &run,
            format!("{opt}: stdout is not {want:?}"),
        );
        p.check(
            run.stderr.is_empty(),
            &run,
            format!("{opt}: something on stderr"),
        );
    }
    p.assert_none();
}

#[test]
fn unknown_option_is_a_usage_error() {
    let mut p = Problems::default();
    for opt in ["--no-such-option", "-q", "--help-me"] {
        let run = wine_rs_opts(&[opt, "hello.exe"]);
        check_no_crash(&mut p, &run);
        p.check(
            run.code == Some(EXIT_USAGE),
            &run,
            format!("{opt}: exit code {:?}, expected {EXIT_USAGE}", run.code),
        );
        p.check(
            run.err().contains(&format!("'{opt}'")) || run.err().contains(&format!("\"{opt}\"")),
            &run,
            format!("{opt}: the message does not name the option (quoted)"),
        );
        p.check(
            run.err().starts_with("wine-rs: "),
            &run,
            format!("{opt}: the message does not start with \"wine-rs: \""),
        );
        p.check(
            run.stdout.is_empty(),
            &run,
            format!("{opt}: something on stdout"),
        );
    }
    p.assert_none();
}

#[test]
fn no_program_is_a_usage_error() {
    let mut p = Problems::default();
    let cases: [&[&str]; 2] = [&[], &["--"]];
    for args in cases {
        let run = wine_rs_opts(args);
        check_no_crash(&mut p, &run);
        p.check(
            run.code == Some(EXIT_USAGE),
            &run,
            format!("{args:?}: exit code {:?}, expected {EXIT_USAGE}", run.code),
        );
        p.check(
            run.err().to_lowercase().contains("program"),
            &run,
            format!("{args:?}: the message does not say that the program is missing"),
        );
        p.check(
            run.err().contains("Usage"),
            &run,
            format!("{args:?}: no usage text on stderr"),
        );
        p.check(
            run.stdout.is_empty(),
            &run,
            format!("{args:?}: something on stdout"),
        );
    }
    p.assert_none();
}

#[test]
fn missing_program_file() {
    let mut p = Problems::default();
    // (the last: after "--", a name starting with '-' is the program, not an option)
    let cases: [&[&str]; 4] = [
        &["no-such-program.exe"],
        &["no-such-program"],
        &["/no/such/dir/prog.exe"],
        &["--", "-no-such-program.exe"],
    ];
    for args in cases {
        let shown = *args.last().unwrap();
        let run = wine_rs_opts(args);
        check_no_crash(&mut p, &run);
        p.check(
            run.code == Some(EXIT_LOAD_FAILED),
            &run,
            format!(
                "{args:?}: exit code {:?}, expected {EXIT_LOAD_FAILED}",
                run.code
            ),
        );
        let err = run.err();
        p.check(
            err.starts_with("wine-rs: "),
            &run,
            format!("{args:?}: no \"wine-rs: \" message"),
        );
        p.check(
            err.contains(shown),
            &run,
            format!("{args:?}: the message does not name {shown}"),
        );
        p.check(
            err.to_lowercase().contains("not found") || err.contains("No such file"),
            &run,
            format!("{args:?}: the message does not say the file is not found"),
        );
        p.check(
            lines(&run.stderr).len() == 1,
            &run,
            format!("{args:?}: not exactly one line on stderr"),
        );
        p.check(
            run.stdout.is_empty(),
            &run,
            format!("{args:?}: something on stdout"),
        );
    }
    p.assert_none();
}

// ---- files that are not x86-64 programs ----------------------------------------------------------

/// A scratch directory for this test's images.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-images")
        .join(test);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Checks that wine-rs refuses `file` (in `dir`): a non-zero exit code, no signal, nothing on
/// stdout, exactly one line on stderr, starting "wine-rs: " and naming the file, and
/// containing every one of `want` (case-insensitively).
fn check_refused(p: &mut Problems, dir: &Path, file: &str, what: &str, want: &[&str]) {
    let run = wine_rs(&[file], dir);
    check_no_crash(p, &run);
    let what = format!("{file} ({what})");
    p.check(
        matches!(run.code, Some(c) if c != 0),
        &run,
        format!("{what}: exit code {:?}, expected a non-zero exit", run.code),
    );
    p.check(
        run.code != Some(EXIT_UNIMPLEMENTED),
        &run,
        format!("{what}: the program ran (exit 127)"),
    );
    p.check(
        run.stdout.is_empty(),
        &run,
        format!("{what}: something on stdout"),
    );
    let err = run.err();
    let one_line = err.ends_with('\n') && err.matches('\n').count() == 1;
    p.check(
        one_line,
        &run,
        format!("{what}: stderr is not exactly one line"),
    );
    p.check(
        err.starts_with("wine-rs: ") && err.contains(file),
        &run,
        format!("{what}: the message does not start with \"wine-rs: \" or does not name the file"),
    );
    for w in want {
        p.check(
            err.to_lowercase().contains(&w.to_lowercase()),
            &run,
            format!("{what}: the message does not contain {w:?}"),
        );
    }
}

#[test]
fn not_pe_files_are_refused() {
    let dir = scratch("not-pe");
    fs::write(
        dir.join("text.exe"),
        "This is a text file.\nIt is not a program.\n",
    )
    .unwrap();
    fs::write(dir.join("empty.exe"), b"").unwrap();
    fs::write(dir.join("mz-only.exe"), b"MZ").unwrap();
    fs::write(
        dir.join("elf.exe"),
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
    )
    .unwrap();
    let mut p = Problems::default();
    check_refused(&mut p, &dir, "text.exe", "a text file", &["not a PE image"]);
    check_refused(&mut p, &dir, "empty.exe", "an empty file", &[]);
    check_refused(&mut p, &dir, "mz-only.exe", "just \"MZ\"", &[]);
    check_refused(
        &mut p,
        &dir,
        "elf.exe",
        "an ELF header",
        &["not a PE image"],
    );
    p.assert_none();
}

/// The header fields the mutations need, read from a real PE32+ image.
struct Layout {
    /// e_lfanew: offset of "PE\0\0".
    nt: usize,
    size_of_headers: usize,
    /// End of the last section's raw data that gets loaded (not counting the padding after
    /// VirtualSize).
    raw_end: usize,
}

impl Layout {
    fn machine(&self) -> usize {
        self.nt + 4
    }

    fn characteristics(&self) -> usize {
        self.nt + 22
    }
}

fn u16_at(d: &[u8], off: usize) -> u16 {
    u16::from_le_bytes(d[off..off + 2].try_into().unwrap())
}

fn u32_at(d: &[u8], off: usize) -> u32 {
    u32::from_le_bytes(d[off..off + 4].try_into().unwrap())
}

fn layout(d: &[u8]) -> Layout {
    assert_eq!(&d[..2], b"MZ", "not an MZ file");
    let nt = u32_at(d, 0x3c) as usize;
    assert_eq!(
        &d[nt..nt + 4],
        b"PE\0\0",
        "no PE signature at e_lfanew {nt:#x}"
    );
    assert_eq!(u16_at(d, nt + 4), 0x8664, "not an x86-64 image");
    let sections = u16_at(d, nt + 6) as usize;
    let opt_size = u16_at(d, nt + 20) as usize;
    let opt = nt + 24;
    assert_eq!(u16_at(d, opt), 0x20b, "not PE32+");
    let size_of_headers = u32_at(d, opt + 60) as usize;
    let table = opt + opt_size;
    let raw_end = (0..sections)
        .map(|i| {
            let s = table + i * 40;
            let (vsize, size, off) = (
                u32_at(d, s + 8) as usize,
                u32_at(d, s + 16) as usize,
                u32_at(d, s + 20) as usize,
            );
            // only the part inside VirtualSize is loaded (the rest is file-alignment padding)
            let used = if vsize == 0 { size } else { size.min(vsize) };
            if used == 0 { 0 } else { off + used }
        })
        .max()
        .unwrap_or(0);
    Layout {
        nt,
        size_of_headers,
        raw_end,
    }
}

fn size_of_image(d: &[u8]) -> u64 {
    u64::from(u32_at(d, layout(d).nt + 24 + 56))
}

#[test]
fn malformed_images_are_refused() {
    if !ensure_built("malformed_images_are_refused") {
        return;
    }
    let dir = scratch("malformed");
    let orig = fs::read(build_dir("msvcrt").join("hello.exe")).unwrap();
    let l = layout(&orig);
    assert!(l.raw_end > l.size_of_headers && l.raw_end <= orig.len());
    let write = |name: &str, data: &[u8]| fs::write(dir.join(name), data).unwrap();
    let mutated = |f: &dyn Fn(&mut Vec<u8>)| {
        let mut d = orig.clone();
        f(&mut d);
        d
    };
    let mut p = Problems::default();

    // truncated copies: inside the DOS header, at the PE signature, inside the file header,
    // inside the optional header, after the headers, in the middle of the sections, one byte
    // short of the last section's data
    let cuts = [
        ("dos-header", 0x20),
        ("pe-signature", l.nt + 2),
        ("file-header", l.nt + 4 + 10),
        ("optional-header", l.nt + 24 + 0x40),
        ("headers-only", l.size_of_headers),
        ("half", l.raw_end / 2),
        ("one-byte-short", l.raw_end - 1),
    ];
    for (what, len) in cuts {
        let name = format!("truncated-{what}.exe");
        write(&name, &orig[..len]);
        check_refused(
            &mut p,
            &dir,
            &name,
            &format!("hello.exe truncated to {len:#x} bytes"),
            &[],
        );
    }

    write(
        "i386.exe",
        &mutated(&|d| d[l.machine()..l.machine() + 2].copy_from_slice(&0x14cu16.to_le_bytes())),
    );
    check_refused(
        &mut p,
        &dir,
        "i386.exe",
        "machine i386 (0x14c)",
        &["32-bit programs are not supported yet"],
    );

    write(
        "arm64.exe",
        &mutated(&|d| d[l.machine()..l.machine() + 2].copy_from_slice(&0xaa64u16.to_le_bytes())),
    );
    check_refused(
        &mut p,
        &dir,
        "arm64.exe",
        "machine ARM64 (0xaa64)",
        &["ARM64", "not supported"],
    );

    write(
        "machine-1234.exe",
        &mutated(&|d| d[l.machine()..l.machine() + 2].copy_from_slice(&0x1234u16.to_le_bytes())),
    );
    check_refused(
        &mut p,
        &dir,
        "machine-1234.exe",
        "unknown machine 0x1234",
        &["0x1234", "not supported"],
    );

    write(
        "no-pe-signature.exe",
        &mutated(&|d| d[l.nt..l.nt + 4].copy_from_slice(b"XX\0\0")),
    );
    check_refused(
        &mut p,
        &dir,
        "no-pe-signature.exe",
        "PE signature broken",
        &["not a PE image"],
    );

    write(
        "bad-lfanew.exe",
        &mutated(&|d| d[0x3c..0x40].copy_from_slice(&0x7fff_fff0u32.to_le_bytes())),
    );
    check_refused(&mut p, &dir, "bad-lfanew.exe", "e_lfanew past the end", &[]);

    write(
        "dll-flag.exe",
        &mutated(&|d| {
            let c = u16_at(d, l.characteristics()) | 0x2000; // IMAGE_FILE_DLL
            d[l.characteristics()..l.characteristics() + 2].copy_from_slice(&c.to_le_bytes());
        }),
    );
    check_refused(
        &mut p,
        &dir,
        "dll-flag.exe",
        "hello.exe with IMAGE_FILE_DLL set",
        &["is a DLL"],
    );

    // a real DLL given as the program
    fs::copy(
        build_dir("msvcrt").join("testdll.dll"),
        dir.join("testdll.dll"),
    )
    .unwrap();
    check_refused(
        &mut p,
        &dir,
        "testdll.dll",
        "a DLL given as the program",
        &["is a DLL"],
    );

    p.assert_none();
}

// ---- unimplemented functions: test-apps/stubcall.c -------------------------------------------

const K32_PREFIX: &str =
    "wine-rs: unimplemented function KERNEL32.dll.WineRsNoSuchExport called from stubcall.exe+0x";
const DLL_PREFIX: &str =
    "wine-rs: unimplemented function nosuchdll.dll.NoSuchFunction called from stubcall.exe+0x";

/// Runs stubcall.exe MODE in each CRT variant and hands each run to `check`.
fn stubcall(test: &str, mode: &str, check: impl Fn(&mut Problems, &Run, &[u8])) {
    if !ensure_built(test) {
        return;
    }
    let mut p = Problems::default();
    for variant in VARIANTS {
        let dir = build_dir(variant);
        let image = fs::read(dir.join("stubcall.exe"))
            .unwrap_or_else(|e| panic!("{}/stubcall.exe: {e} (not built?)", dir.display()));
        let run = wine_rs(
            &[OsString::from("stubcall.exe"), OsString::from(mode)],
            &dir,
        );
        check_no_crash(&mut p, &run);
        check(&mut p, &run, &image);
    }
    p.assert_none();
}

/// The index of the stderr line warning that nosuchdll.dll is missing.
fn nosuchdll_warning(run: &Run) -> Option<usize> {
    lines(&run.stderr).iter().position(|l| {
        l.starts_with("wine-rs: ") && l.contains("warning") && l.contains("nosuchdll.dll")
    })
}

/// Checks the "unimplemented function" report: exactly one such line, `prefix` + hex offset,
/// the offset inside stubcall.exe's image; returns the line's index in stderr.
fn check_report(p: &mut Problems, run: &Run, image: &[u8], prefix: &str) -> Option<usize> {
    let lines = lines(&run.stderr);
    let reports: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].contains("unimplemented function"))
        .collect();
    p.check(
        reports.len() == 1,
        run,
        format!(
            "{} \"unimplemented function\" lines on stderr, expected 1",
            reports.len()
        ),
    );
    let i = *reports.first()?;
    let line = &lines[i];
    let Some(hex) = line.strip_prefix(prefix) else {
        let func = prefix
            .split(" called from")
            .next()
            .unwrap_or(prefix)
            .trim_start_matches("wine-rs: ");
        if !line.contains(&format!("{func} called from")) {
            p.check(
                false,
                run,
                format!("the program stopped before it got to the call, in another unimplemented function: {line:?}"),
            );
        } else {
            p.check(
                false,
                run,
                format!("the report {line:?} does not start with {prefix:?}"),
            );
        }
        return None;
    };
    match u64::from_str_radix(hex, 16) {
        Ok(off) => {
            let size = size_of_image(image);
            p.check(
                off > 0 && off < size,
                run,
                format!(
                    "the caller offset {off:#x} is not inside stubcall.exe (SizeOfImage {size:#x})"
                ),
            );
        }
        Err(_) => p.check(
            false,
            run,
            format!("{line:?}: {hex:?} after \"+0x\" is not a hex number"),
        ),
    }
    Some(i)
}

/// The checks common to both call-* modes; returns the report's line index in stderr.
fn check_stub_called(
    p: &mut Problems,
    run: &Run,
    image: &[u8],
    prefix: &str,
    before: &str,
) -> Option<usize> {
    p.check(
        run.code == Some(EXIT_UNIMPLEMENTED),
        run,
        format!("exit code {:?}, expected {EXIT_UNIMPLEMENTED}", run.code),
    );
    p.check(
        !run.out().contains("must not return"),
        run,
        "the unimplemented function returned to the program",
    );
    let report = check_report(p, run, image, prefix)?;
    // The line was printed with printf and not flushed: the stub must flush the CRT's buffers.
    p.check(
        lines(&run.stdout).iter().any(|l| l == before),
        run,
        format!("stdout lost the line {before:?} that the program printed (without fflush) before the call"),
    );
    Some(report)
}

#[test]
fn uncalled_unimplemented_imports_are_harmless() {
    stubcall(
        "uncalled_unimplemented_imports_are_harmless",
        "none",
        |p, run, _| {
            p.check(
                run.code == Some(0),
                run,
                format!("exit code {:?}, expected 0", run.code),
            );
            let out = lines(&run.stdout);
            let last = out.last().map(String::as_str).unwrap_or("");
            let ok = last
                .split_once(" passed, ")
                .is_some_and(|(n, f)| f == "0 failed" && n.parse::<u32>().is_ok_and(|n| n > 0));
            p.check(
                ok,
                run,
                format!("last stdout line {last:?}, expected \"N passed, 0 failed\""),
            );
            let unimpl = lines(&run.stderr)
                .into_iter()
                .find(|l| l.contains("unimplemented"));
            p.check(
                unimpl.is_none(),
                run,
                format!("an unimplemented function was called: {unimpl:?}"),
            );
            p.check(
                nosuchdll_warning(run).is_some(),
                run,
                "no warning on stderr that nosuchdll.dll is missing",
            );
        },
    );
}

#[test]
fn unimplemented_kernel32_function() {
    stubcall(
        "unimplemented_kernel32_function",
        "call-k32",
        |p, run, image| {
            check_stub_called(
                p,
                run,
                image,
                K32_PREFIX,
                "stubcall: calling KERNEL32.dll.WineRsNoSuchExport",
            );
        },
    );
}

#[test]
fn function_of_missing_dll() {
    stubcall("function_of_missing_dll", "call-dll", |p, run, image| {
        let report = check_stub_called(
            p,
            run,
            image,
            DLL_PREFIX,
            "stubcall: calling nosuchdll.dll.NoSuchFunction",
        );
        let warning = nosuchdll_warning(run);
        p.check(
            warning.is_some(),
            run,
            "no warning on stderr that nosuchdll.dll is missing",
        );
        if let (Some(w), Some(r)) = (warning, report) {
            p.check(
                w < r,
                run,
                "the missing-DLL warning comes after the report, expected at load time",
            );
        }
    });
}

#[test]
fn pe_layout_reader() {
    // A minimal hand-made header, to check the test's own reader.
    let mut d = vec![0u8; 0x400];
    d[..2].copy_from_slice(b"MZ");
    d[0x3c..0x40].copy_from_slice(&0x80u32.to_le_bytes());
    d[0x80..0x84].copy_from_slice(b"PE\0\0");
    d[0x84..0x86].copy_from_slice(&0x8664u16.to_le_bytes());
    d[0x86..0x88].copy_from_slice(&1u16.to_le_bytes()); // one section
    d[0x94..0x96].copy_from_slice(&0xf0u16.to_le_bytes()); // SizeOfOptionalHeader
    d[0x98..0x9a].copy_from_slice(&0x20bu16.to_le_bytes());
    d[0x98 + 56..0x98 + 60].copy_from_slice(&0x3000u32.to_le_bytes()); // SizeOfImage
    d[0x98 + 60..0x98 + 64].copy_from_slice(&0x200u32.to_le_bytes()); // SizeOfHeaders
    let s = 0x98 + 0xf0;
    d[s + 8..s + 12].copy_from_slice(&0xf0u32.to_le_bytes()); // VirtualSize
    d[s + 16..s + 20].copy_from_slice(&0x100u32.to_le_bytes());
    d[s + 20..s + 24].copy_from_slice(&0x200u32.to_le_bytes());
    let l = layout(&d);
    assert_eq!((l.nt, l.size_of_headers, l.raw_end), (0x80, 0x200, 0x2f0));
    assert_eq!((l.machine(), l.characteristics()), (0x84, 0x96));
    assert_eq!(size_of_image(&d), 0x3000);
    assert_eq!(lines(b"a\r\nb\n\n"), vec!["a", "b", ""]);
    assert_eq!(lines(b"a\r\nb\r\n"), vec!["a", "b"]);
}
