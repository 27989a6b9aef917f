//! Running one job of a matrix entry under wine-rs or Wine, and judging the result.
//!
//! Each job runs in a fresh working directory (unless `cwd = "program"`) populated with its
//! files; stdout and stderr go to files (not pipes: wineserver inherits them), stdin comes from
//! a file; the job is killed after its timeout.

use crate::manifest::{Expect, Job};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What runs the program.
#[derive(Debug, Clone)]
pub enum Runner {
    /// `wine-rs PROGRAM ARGS...`
    WineRs { exe: PathBuf },
    /// `wine PROGRAM ARGS...` with WINEPREFIX and WINEDEBUG=-all.
    Wine { wine: PathBuf, prefix: PathBuf },
}

impl Runner {
    pub fn name(&self) -> &'static str {
        match self {
            Runner::WineRs { .. } => "wine-rs",
            Runner::Wine { .. } => "Wine",
        }
    }
}

/// Why a job failed, most telling first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The working directory could not be prepared (or the program obtained).
    Setup(String),
    /// The loader refused the program (or a DLL).
    Load(String),
    /// The program called a function nobody implements: "DLL.Function".
    Unimplemented(String),
    /// Killed by a signal, or an unhandled exception was reported.
    Crash(String),
    Timeout(u64),
    /// It ran to its end, but the exit code or the output is not what was expected.
    Wrong(String),
}

impl Failure {
    /// A short description for the table.
    pub fn describe(&self) -> String {
        match self {
            Failure::Setup(s) => format!("setup: {s}"),
            Failure::Load(s) => format!("load: {s}"),
            Failure::Unimplemented(f) => format!("unimplemented {f}"),
            Failure::Crash(s) => format!("crash: {s}"),
            Failure::Timeout(s) => format!("timed out after {s} s"),
            Failure::Wrong(s) => s.clone(),
        }
    }
    /// The program ran to a normal end (it got past start-up and did its own thing).
    pub fn ran(&self) -> bool {
        matches!(self, Failure::Wrong(_))
    }
}

/// The result of one job under one runner.
#[derive(Debug, Clone)]
pub struct JobResult {
    pub outcome: Result<(), Failure>,
    pub time: Duration,
    pub exit: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl JobResult {
    pub fn passed(&self) -> bool {
        self.outcome.is_ok()
    }
    pub fn setup_failed(msg: String) -> JobResult {
        JobResult {
            outcome: Err(Failure::Setup(msg)),
            time: Duration::ZERO,
            exit: None,
            stdout: vec![],
            stderr: vec![],
        }
    }
}

/// Decode standard base64 (with or without padding; whitespace ignored).
pub fn base64_decode(s: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes().filter(|c| !c.is_ascii_whitespace()) {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => continue,
            _ => return Err(format!("bad base64 character {:?}", c as char)),
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
}

/// Make `work` afresh with the job's files and directories.
fn prepare(job: &Job, work: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(work);
    std::fs::create_dir_all(work).map_err(|e| format!("{}: {e}", work.display()))?;
    let write = |rel: &str, data: &[u8]| -> Result<(), String> {
        let p = work.join(rel);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
        }
        std::fs::write(&p, data).map_err(|e| format!("{}: {e}", p.display()))
    };
    for (rel, text) in &job.files {
        write(rel, text.as_bytes())?;
    }
    for (rel, b64) in &job.files_base64 {
        write(rel, &base64_decode(b64)?)?;
    }
    for d in &job.dirs {
        std::fs::create_dir_all(work.join(d)).map_err(|e| format!("{d}: {e}"))?;
    }
    Ok(())
}

/// The job's arguments: `args` (with {program}, {program_dir}) then `args_file`'s.
pub fn job_args(
    job: &Job,
    program: &Path,
    repo: &Path,
    subst: &dyn Fn(&str) -> String,
) -> Result<Vec<String>, String> {
    let dir = program
        .parent()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut args: Vec<String> = job
        .args
        .iter()
        .map(|a| {
            a.replace("{program}", &program.to_string_lossy())
                .replace("{program_dir}", &dir)
        })
        .collect();
    if let Some(f) = &job.args_file {
        let p = repo.join(subst(f));
        let data = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let mut parts: Vec<&[u8]> = data.split(|b| *b == 0).collect();
        if parts.last().is_some_and(|l| l.is_empty()) {
            parts.pop();
        }
        args.extend(
            parts
                .iter()
                .map(|a| String::from_utf8_lossy(a).into_owned()),
        );
    }
    Ok(args)
}

/// Run `job` of `program` under `runner` in `work`.
pub fn run_job(
    runner: &Runner,
    program: &Path,
    job: &Job,
    work: &Path,
    repo: &Path,
    subst: &dyn Fn(&str) -> String,
) -> JobResult {
    if let Err(e) = prepare(job, work) {
        return JobResult::setup_failed(e);
    }
    let args = match job_args(job, program, repo, subst) {
        Ok(a) => a,
        Err(e) => return JobResult::setup_failed(e),
    };
    let cwd = if job.cwd.as_deref() == Some("program") {
        program
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| work.to_path_buf())
    } else {
        work.to_path_buf()
    };
    let io = work.with_extension("io");
    let _ = std::fs::create_dir_all(&io);
    let (out_p, err_p, in_p) = (io.join("stdout"), io.join("stderr"), io.join("stdin"));
    if std::fs::write(&in_p, job.stdin.as_deref().unwrap_or("")).is_err() {
        return JobResult::setup_failed(format!("cannot write {}", in_p.display()));
    }
    let mut cmd = match runner {
        Runner::WineRs { exe } => Command::new(exe),
        Runner::Wine { wine, prefix } => {
            let mut c = Command::new(wine);
            c.env("WINEPREFIX", prefix).env("WINEDEBUG", "-all");
            c
        }
    };
    cmd.arg(program)
        .args(&args)
        .current_dir(&cwd)
        .envs(&job.env);
    let files = (|| -> std::io::Result<_> {
        Ok((
            std::fs::File::open(&in_p)?,
            std::fs::File::create(&out_p)?,
            std::fs::File::create(&err_p)?,
        ))
    })();
    let Ok((fin, fout, ferr)) = files else {
        return JobResult::setup_failed(format!(
            "cannot create the output files in {}",
            io.display()
        ));
    };
    cmd.stdin(Stdio::from(fin))
        .stdout(Stdio::from(fout))
        .stderr(Stdio::from(ferr));
    let start = Instant::now();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return JobResult::setup_failed(format!("cannot start {}: {e}", runner.name())),
    };
    let limit = Duration::from_secs(job.timeout_secs());
    let status = loop {
        if let Ok(Some(s)) = child.try_wait() {
            break Some(s);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let time = start.elapsed();
    let stdout = std::fs::read(&out_p).unwrap_or_default();
    let stderr = std::fs::read(&err_p).unwrap_or_default();
    let exit = status.and_then(|s| s.code());
    let signal = status.and_then(|s| std::os::unix::process::ExitStatusExt::signal(&s));
    let outcome = judge(
        job,
        runner,
        repo,
        subst,
        &cwd,
        exit,
        signal,
        status.is_none(),
        &stdout,
        &stderr,
    );
    JobResult {
        outcome,
        time,
        exit,
        stdout,
        stderr,
    }
}

/// Does the output meet `ex`? Err: what is wrong.
fn meets(
    ex: &Expect,
    what: &str,
    out: &[u8],
    repo: &Path,
    subst: &dyn Fn(&str) -> String,
) -> Result<(), String> {
    let text = String::from_utf8_lossy(out);
    for c in &ex.contains {
        if !text.contains(c.as_str()) {
            return Err(format!("{what} lacks {c:?}"));
        }
    }
    if let Some(re) = &ex.regex {
        let r = regex::Regex::new(re).map_err(|e| e.to_string())?;
        if !r.is_match(&text) {
            return Err(format!("{what} does not match /{re}/"));
        }
    }
    if let Some(exact) = &ex.exact
        && out != exact.as_bytes()
    {
        return Err(format!("{what} differs from the expected text"));
    }
    if let Some(f) = &ex.exact_file {
        let p = repo.join(subst(f));
        let want = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        if out != want.as_slice() {
            return Err(format!("{what} differs from {f}"));
        }
    }
    Ok(())
}

/// The first line of `text` containing `needle`.
fn line_with<'a>(text: &'a str, needle: &str) -> Option<&'a str> {
    text.lines().find(|l| l.contains(needle)).map(str::trim)
}

/// "DLL.Function" from wine-rs's or Wine's report of a call to an unimplemented function.
pub fn unimplemented_function(stderr: &str) -> Option<String> {
    // wine-rs: "wine-rs: unimplemented function KERNEL32.dll.FlsAlloc called from ..."
    // Wine:    "wine: Call from 0x... to unimplemented function KERNEL32.dll.FlsAlloc, aborting"
    let re = regex::Regex::new(r"unimplemented function ([A-Za-z0-9_.\-#@?$]+?)(?:,| called|\s|$)")
        .ok()?;
    re.captures(stderr).map(|c| c[1].to_string())
}

#[allow(clippy::too_many_arguments)]
fn judge(
    job: &Job,
    runner: &Runner,
    repo: &Path,
    subst: &dyn Fn(&str) -> String,
    cwd: &Path,
    exit: Option<i32>,
    signal: Option<i32>,
    timed_out: bool,
    stdout: &[u8],
    stderr: &[u8],
) -> Result<(), Failure> {
    let err = String::from_utf8_lossy(stderr);
    let mut wrong = Vec::new();
    match exit {
        Some(c) if c == job.exit || job.any_exit => {}
        Some(c) => wrong.push(format!("exit code {c}, expected {}", job.exit)),
        None => wrong.push("no exit code".into()),
    }
    if let Err(e) = meets(&job.stdout, "stdout", stdout, repo, subst) {
        wrong.push(e);
    }
    if let Err(e) = meets(&job.stderr, "stderr", stderr, repo, subst) {
        wrong.push(e);
    }
    for (rel, want) in &job.expect_files {
        match std::fs::read(cwd.join(rel)) {
            Ok(d) if d == want.as_bytes() => {}
            Ok(_) => wrong.push(format!("{rel} has the wrong contents")),
            Err(_) => wrong.push(format!("{rel} was not created")),
        }
    }
    for rel in &job.expect_exists {
        if !cwd.join(rel).exists() {
            wrong.push(format!("{rel} was not created"));
        }
    }
    if wrong.is_empty() {
        return Ok(());
    }
    // Why, most telling first.
    if timed_out {
        return Err(Failure::Timeout(job.timeout_secs()));
    }
    if let Some(f) = unimplemented_function(&err) {
        return Err(Failure::Unimplemented(f));
    }
    let load = match runner {
        Runner::WineRs { .. } => err
            .lines()
            .find(|l| {
                l.starts_with("wine-rs: ")
                    && !l.starts_with("wine-rs: warning:")
                    && !l.contains("unimplemented function")
            })
            .filter(|_| exit == Some(1) && stdout.is_empty()),
        Runner::Wine { .. } => {
            line_with(&err, "err:module:").or_else(|| line_with(&err, "wine: could not load"))
        }
    };
    if let Some(l) = load {
        return Err(Failure::Load(l.trim_start_matches("wine-rs: ").to_string()));
    }
    if let Some(sig) = signal {
        return Err(Failure::Crash(format!("killed by signal {sig}")));
    }
    for needle in ["nhandled exception", "unhandled page fault", "panicked at"] {
        if let Some(l) = line_with(&err, needle) {
            return Err(Failure::Crash(l.to_string()));
        }
    }
    Err(Failure::Wrong(wrong.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64() {
        assert_eq!(base64_decode("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(base64_decode("aGVs\nbG8").unwrap(), b"hello");
        assert_eq!(base64_decode("AAEC").unwrap(), [0, 1, 2]);
        assert!(base64_decode("a!").is_err());
    }

    #[test]
    fn unimplemented_reports() {
        assert_eq!(
            unimplemented_function(
                "wine-rs: unimplemented function KERNEL32.dll.FlsAlloc called from ninja.exe+0x5a773\n"
            ),
            Some("KERNEL32.dll.FlsAlloc".into())
        );
        assert_eq!(
            unimplemented_function(
                "wine: Call from 00006FFFFFC2B3A8 to unimplemented function msvcrt.dll._foo, aborting\n"
            ),
            Some("msvcrt.dll._foo".into())
        );
        assert_eq!(
            unimplemented_function("wine-rs: warning: OLEAUT32.dll not found"),
            None
        );
    }
}
