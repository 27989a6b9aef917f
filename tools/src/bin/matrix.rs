//! `matrix`: run the compatibility matrix (`test-apps/apps/*.toml`) under wine-rs, and with
//! `--wine` under Wine too, and write the "matrix" section of `docs/compat.md`.
//!
//! ```text
//! cargo run --release -p wine-rs-tools --bin matrix -- [--wine] [--only NAME]... [--no-write]
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;
use wine_rs_tools::manifest::{self, Job, Row};
use wine_rs_tools::run::{self, Failure, JobResult, Runner};
use wine_rs_tools::{cell, compat_md, fetch};

const USAGE: &str = "\
Usage: matrix [OPTIONS]

Runs every entry of test-apps/apps/*.toml under wine-rs (and under Wine with --wine) and writes
the matrix section of docs/compat.md.

Options:
  --wine              also run every job under Wine (a comparison column)
  --wine-rs PATH      the wine-rs binary (default: build it with cargo, next to this tool)
  --wine-prefix DIR   WINEPREFIX for --wine (default /tmp/oracle-tools)
  --only NAME         only this entry (repeatable); implies --no-write
  --apps DIR          the entries (default test-apps/apps)
  --out FILE          the document (default docs/compat.md)
  --cache DIR         download cache (default $WINE_RS_MATRIX_CACHE or ~/.cache/wine-rs-matrix)
  --no-write          print the section instead of writing it
  -v, --verbose       show each failing job's output
  -h, --help          this help
";

/// AppDB's ratings, as measured here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rating {
    Platinum,
    Gold,
    Silver,
    Bronze,
    Garbage,
}

impl Rating {
    fn as_str(self) -> &'static str {
        match self {
            Rating::Platinum => "platinum",
            Rating::Gold => "gold",
            Rating::Silver => "silver",
            Rating::Bronze => "bronze",
            Rating::Garbage => "garbage",
        }
    }
}

/// The mapping, for the document.
const RATINGS: &str = "\
| Rating | AppDB's meaning | Measured here as |
|---|---|---|
| platinum | runs flawlessly out of the box | every job passes (exit code and output as expected; the expectations are what Wine and Windows do), with no workaround, and where Wine ran the job its stdout is byte-for-byte the same as under Wine |
| gold | runs flawlessly with some workaround | every job passes, but at least one only with a workaround recorded in its entry (`workaround = \"...\"`: an environment variable, an argument or a setup step a Windows user would not need), or with a stdout that differs from Wine's |
| silver | works for normal use, some features broken | the first job (the entry's \"normal use\") passes; another job fails |
| bronze | works, with problems even in normal use | the first job fails, but the program got going: it ran to its own exit with a wrong result, or another job passes |
| garbage | does not start or is unusable | no job passes, and the program never got going: refused by the loader, stopped at an unimplemented function, crashed or timed out |
";

/// Rate one runner's results (`None` entries: jobs not run under it). `reference`: Wine's
/// results, to compare stdout with (empty: no comparison).
fn rate(
    jobs: &[Job],
    results: &[Option<JobResult>],
    reference: &[Option<JobResult>],
) -> Option<Rating> {
    let run: Vec<(&Job, &JobResult)> = jobs
        .iter()
        .zip(results)
        .filter_map(|(j, r)| r.as_ref().map(|r| (j, r)))
        .collect();
    if run.is_empty() {
        return None;
    }
    let all = run.iter().all(|(_, r)| r.passed());
    let same = jobs
        .iter()
        .enumerate()
        .all(|(i, j)| same_as(j, results.get(i), reference.get(i)) != Some(false));
    Some(
        if all && same && run.iter().all(|(j, _)| j.workaround.is_none()) {
            Rating::Platinum
        } else if all {
            Rating::Gold
        } else if results
            .first()
            .and_then(|r| r.as_ref())
            .is_some_and(JobResult::passed)
        {
            Rating::Silver
        } else if run.iter().any(|(_, r)| r.passed())
            || run
                .iter()
                .any(|(_, r)| matches!(&r.outcome, Err(f) if f.ran()))
        {
            Rating::Bronze
        } else {
            Rating::Garbage
        },
    )
}

/// Is the job's stdout the same as under the reference runner? None: not both ran (or the
/// entry says the two are not comparable).
fn same_as(
    job: &Job,
    r: Option<&Option<JobResult>>,
    reference: Option<&Option<JobResult>>,
) -> Option<bool> {
    if job.compare_stdout == Some(false) {
        return None;
    }
    match (r?, reference?) {
        (Some(a), Some(b)) => Some(a.stdout == b.stdout),
        _ => None,
    }
}

/// The first line where two outputs differ: (line number, ours, theirs).
fn first_difference(ours: &[u8], theirs: &[u8]) -> Option<(usize, String, String)> {
    let (a, b) = (
        String::from_utf8_lossy(ours),
        String::from_utf8_lossy(theirs),
    );
    let (mut la, mut lb) = (a.lines(), b.lines());
    for n in 1.. {
        match (la.next(), lb.next()) {
            (None, None) => return None,
            (x, y) if x == y => continue,
            (x, y) => {
                let show = |l: Option<&str>| {
                    l.map(|l| l.trim_end().to_string())
                        .unwrap_or_else(|| "(end)".into())
                };
                return Some((n, show(x), show(y)));
            }
        }
    }
    None
}

struct Opts {
    wine: bool,
    wine_rs: Option<PathBuf>,
    prefix: PathBuf,
    only: Vec<String>,
    apps: PathBuf,
    out: PathBuf,
    cache: PathBuf,
    write: bool,
    verbose: bool,
}

fn parse_args(repo: &Path) -> Opts {
    let mut o = Opts {
        wine: false,
        wine_rs: None,
        prefix: PathBuf::from("/tmp/oracle-tools"),
        only: Vec::new(),
        apps: repo.join("test-apps/apps"),
        out: repo.join("docs/compat.md"),
        cache: fetch::cache_dir(),
        write: true,
        verbose: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = |name: &str| {
            args.next().unwrap_or_else(|| {
                eprintln!("matrix: {name} needs a value\n\n{USAGE}");
                std::process::exit(2)
            })
        };
        match a.as_str() {
            "--wine" => o.wine = true,
            "--wine-rs" => o.wine_rs = Some(PathBuf::from(val("--wine-rs"))),
            "--wine-prefix" => o.prefix = PathBuf::from(val("--wine-prefix")),
            "--only" => {
                o.only.push(val("--only"));
                o.write = false;
            }
            "--apps" => o.apps = PathBuf::from(val("--apps")),
            "--out" => o.out = PathBuf::from(val("--out")),
            "--cache" => o.cache = PathBuf::from(val("--cache")),
            "--no-write" => o.write = false,
            "-v" | "--verbose" => o.verbose = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                std::process::exit(0)
            }
            _ => {
                eprintln!("matrix: unknown argument '{a}'\n\n{USAGE}");
                std::process::exit(2)
            }
        }
    }
    o
}

/// The wine-rs binary: given, or built by cargo into this tool's own target directory.
fn wine_rs_binary(o: &Opts, repo: &Path) -> PathBuf {
    if let Some(p) = &o.wine_rs {
        return p.clone();
    }
    let me = std::env::current_exe().expect("current_exe");
    let profile_dir = me.parent().expect("target/<profile>").to_path_buf();
    let target = profile_dir.parent().expect("target").to_path_buf();
    let release = profile_dir.file_name().is_some_and(|n| n == "release");
    eprintln!(
        "matrix: building wine-rs (cargo build{} -p loader)",
        if release { " --release" } else { "" }
    );
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.args(["build", "-q", "-p", "loader", "--bin", "wine-rs"])
        .current_dir(repo)
        .env("CARGO_TARGET_DIR", &target);
    if release {
        c.arg("--release");
    }
    match c.output() {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            eprintln!("{}", String::from_utf8_lossy(&out.stderr));
            eprintln!(
                "matrix: building wine-rs failed ({}); pass --wine-rs PATH",
                out.status
            );
            std::process::exit(1)
        }
        Err(e) => {
            eprintln!("matrix: cannot run cargo ({e}); pass --wine-rs PATH");
            std::process::exit(1)
        }
    }
    profile_dir.join("wine-rs")
}

struct RowResult<'a> {
    row: Row<'a>,
    program: Result<PathBuf, String>,
    wine_rs: Vec<Option<JobResult>>,
    wine: Vec<Option<JobResult>>,
    check: Option<loader::check::Report>,
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn total_time(rs: &[Option<JobResult>]) -> Option<Duration> {
    let v: Vec<Duration> = rs.iter().flatten().map(|r| r.time).collect();
    (!v.is_empty()).then(|| v.iter().sum())
}

fn verdict(r: &Option<JobResult>) -> String {
    match r {
        None => "—".into(),
        Some(r) => match &r.outcome {
            Ok(()) => "pass".into(),
            Err(Failure::Unimplemented(_)) => "unimplemented".into(),
            Err(Failure::Load(_)) => "load failure".into(),
            Err(Failure::Crash(_)) => "crash".into(),
            Err(Failure::Timeout(_)) => "timeout".into(),
            Err(Failure::Setup(_)) => "setup failure".into(),
            Err(Failure::Wrong(_)) => "fail".into(),
        },
    }
}

/// The first unimplemented function hit by any job, else the first failure, else the first
/// difference from Wine's stdout.
fn first_problem(rs: &[Option<JobResult>], jobs: &[Job], wine: &[Option<JobResult>]) -> String {
    let failed: Vec<(&Job, &Failure)> = jobs
        .iter()
        .zip(rs)
        .filter_map(|(j, r)| {
            r.as_ref()
                .and_then(|r| r.outcome.as_ref().err())
                .map(|f| (j, f))
        })
        .collect();
    if let Some((j, Failure::Unimplemented(f))) = failed
        .iter()
        .find(|(_, f)| matches!(f, Failure::Unimplemented(_)))
    {
        return format!("`{f}` (job {})", j.name);
    }
    if let Some((j, f)) = failed.first() {
        return format!("{} (job {})", f.describe(), j.name);
    }
    for (i, j) in jobs.iter().enumerate() {
        if same_as(j, rs.get(i), wine.get(i)) == Some(false)
            && let (Some(Some(a)), Some(Some(b))) = (rs.get(i), wine.get(i))
            && let Some((n, ours, theirs)) = first_difference(&a.stdout, &b.stdout)
        {
            return format!(
                "passes; stdout differs from Wine's (job {}, line {n}: {ours:?}, Wine: {theirs:?})",
                j.name
            );
        }
    }
    "—".into()
}

fn main() {
    let repo = wine_rs_tools::repo_root();
    let o = parse_args(&repo);
    let entries = manifest::load_dir(&o.apps).unwrap_or_else(|e| {
        eprintln!("matrix: {e}");
        std::process::exit(1)
    });
    let mut entries: Vec<_> = entries
        .into_iter()
        .filter(|e| o.only.is_empty() || o.only.contains(&e.name))
        .collect();
    // The test apps first, then the real programs.
    entries.sort_by_key(|e| !matches!(e.source.kind(), Ok(manifest::SourceKind::Local { .. })));
    if entries.is_empty() {
        eprintln!("matrix: no entries");
        std::process::exit(1);
    }
    let wine_rs = wine_rs_binary(&o, &repo);
    let wine = o.wine.then(|| {
        let prefix = o.prefix.clone();
        // Keep one wineserver up for the whole run (it exits 60 s after the last client).
        let _ = Command::new("wineserver")
            .arg("-p60")
            .env("WINEPREFIX", &prefix)
            .env("WINEDEBUG", "-all")
            .status();
        Runner::Wine {
            wine: PathBuf::from("wine"),
            prefix,
        }
    });
    let runners: Vec<Runner> = std::iter::once(Runner::WineRs {
        exe: wine_rs.clone(),
    })
    .chain(wine.clone())
    .collect();
    let scratch = std::env::temp_dir().join(format!("wine-rs-matrix-{}", std::process::id()));

    let mut results = Vec::new();
    for entry in &entries {
        for row in entry.rows() {
            let label = row.label();
            let program = fetch::obtain(&row, &repo, &o.cache);
            let mut rr = RowResult {
                row: row.clone(),
                program: program.clone(),
                wine_rs: vec![],
                wine: vec![],
                check: None,
            };
            let Ok(program) = program else {
                eprintln!(
                    "{label}: cannot obtain the program: {}",
                    rr.program.as_ref().unwrap_err()
                );
                let fail = |_: &Job| Some(JobResult::setup_failed(rr.program.clone().unwrap_err()));
                rr.wine_rs = entry.jobs.iter().map(fail).collect();
                results.push(rr);
                continue;
            };
            rr.check = Some(loader::check::check(&program, &entry.check_dlls));
            for runner in &runners {
                let mut v = Vec::new();
                for job in &entry.jobs {
                    if matches!(runner, Runner::Wine { .. }) && !job.under_wine() {
                        v.push(None);
                        continue;
                    }
                    let work = scratch
                        .join(format!(
                            "{}-{}",
                            label.replace([' ', '(', ')'], "_"),
                            job.name
                        ))
                        .join(runner.name());
                    let subst = |s: &str| row.subst(s);
                    let r = run::run_job(runner, &program, job, &work, &repo, &subst);
                    eprintln!(
                        "{label} / {}: {} {} ({}){}",
                        job.name,
                        runner.name(),
                        verdict(&Some(r.clone())),
                        secs(r.time),
                        r.outcome
                            .as_ref()
                            .err()
                            .map(|f| format!(": {}", f.describe()))
                            .unwrap_or_default()
                    );
                    if o.verbose && !r.passed() {
                        eprintln!(
                            "--- stdout ---\n{}\n--- stderr ---\n{}",
                            String::from_utf8_lossy(&r.stdout),
                            String::from_utf8_lossy(&r.stderr)
                        );
                    }
                    v.push(Some(r));
                }
                match runner {
                    Runner::WineRs { .. } => rr.wine_rs = v,
                    Runner::Wine { .. } => rr.wine = v,
                }
            }
            results.push(rr);
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);

    let md = render(&results, &repo, o.wine);
    if o.write {
        compat_md::replace_section(&o.out, "matrix", &md).unwrap_or_else(|e| {
            eprintln!("matrix: {}: {e}", o.out.display());
            std::process::exit(1)
        });
        eprintln!("matrix: wrote {}", o.out.display());
    } else {
        println!("{md}");
    }
}

fn wine_version() -> Option<String> {
    let out = Command::new("wine").arg("--version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn render(results: &[RowResult], repo: &Path, with_wine: bool) -> String {
    let mut md = String::new();
    let rev = wine_rs_tools::git_revision(repo).unwrap_or_else(|| "unknown".into());
    let wine = if with_wine {
        wine_version().unwrap_or_else(|| "Wine (version unknown)".into())
    } else {
        "not run".into()
    };
    let _ = writeln!(md, "## Program matrix\n");
    let _ = writeln!(
        md,
        "Run on {} at commit {rev}; Wine: {wine}. The entries are `test-apps/apps/*.toml` (the program, how to \
         obtain it, its jobs and their expected output); downloads are pinned and checked by SHA-256. Times are \
         wall-clock, all jobs of a row together; Wine's include its start-up.\n",
        wine_rs_tools::today()
    );
    let _ = writeln!(md, "{RATINGS}");

    let _ = writeln!(
        md,
        "| Program | Source | Rating | Jobs passed | Time | Wine | Wine time | First unimplemented function, or the failure |"
    );
    let _ = writeln!(md, "|---|---|---|---|---|---|---|---|");
    for r in results {
        let e = r.row.entry;
        let version = e
            .source
            .version
            .as_deref()
            .map(|v| format!(" {v}"))
            .unwrap_or_default();
        let rating = rate(&e.jobs, &r.wine_rs, &r.wine)
            .map(Rating::as_str)
            .unwrap_or("—");
        let passed = r.wine_rs.iter().flatten().filter(|j| j.passed()).count();
        let wine_rating = if with_wine {
            rate(&e.jobs, &r.wine, &[])
                .map(Rating::as_str)
                .unwrap_or("n/a")
        } else {
            "not run"
        };
        let _ = writeln!(
            md,
            "| {}{version} | {} | **{rating}** | {passed}/{} | {} | {wine_rating} | {} | {} |",
            r.row.label(),
            e.source.describe(),
            e.jobs.len(),
            total_time(&r.wine_rs)
                .map(secs)
                .unwrap_or_else(|| "—".into()),
            total_time(&r.wine).map(secs).unwrap_or_else(|| "—".into()),
            cell(&first_problem(&r.wine_rs, &e.jobs, &r.wine), 160),
        );
    }

    let _ = writeln!(md, "\n### Jobs\n");
    let _ = writeln!(
        md,
        "| Program | Job | Arguments | wine-rs | Time | Wine | Wine time | stdout as Wine's | wine-rs failure |"
    );
    let _ = writeln!(md, "|---|---|---|---|---|---|---|---|---|");
    for r in results {
        for (i, j) in r.row.entry.jobs.iter().enumerate() {
            let rs = r.wine_rs.get(i).cloned().flatten();
            let w = r.wine.get(i).cloned().flatten();
            let mut args = j
                .args
                .iter()
                .map(|a| {
                    if a.contains(' ') {
                        format!("\"{a}\"")
                    } else {
                        a.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            if j.args_file.is_some() {
                args.push_str(" (+ args_file)");
            }
            let wine_cell = match (&w, with_wine, j.under_wine()) {
                (_, false, _) => "not run".to_string(),
                (_, true, false) => format!(
                    "n/a: {}",
                    j.wine_reason.as_deref().unwrap_or("not run under Wine")
                ),
                (w, true, true) => verdict(w),
            };
            let fail = rs
                .as_ref()
                .and_then(|r| r.outcome.as_ref().err())
                .map(Failure::describe)
                .unwrap_or_default();
            let both_pass = rs.as_ref().is_some_and(JobResult::passed)
                && w.as_ref().is_some_and(JobResult::passed);
            let same = match same_as(j, r.wine_rs.get(i), r.wine.get(i)).filter(|_| both_pass) {
                None => "—",
                Some(true) => "same",
                Some(false) => "differs",
            };
            let args = if args.is_empty() {
                "—".to_string()
            } else {
                format!("`{}`", cell(&args, 60).replace('`', "'"))
            };
            let _ = writeln!(
                md,
                "| {} | {}{} | {args} | {} | {} | {} | {} | {same} | {} |",
                r.row.label(),
                j.name,
                if j.workaround.is_some() {
                    " (workaround)"
                } else {
                    ""
                },
                verdict(&rs),
                rs.as_ref()
                    .map(|r| secs(r.time))
                    .unwrap_or_else(|| "—".into()),
                cell(&wine_cell, 80),
                w.as_ref()
                    .map(|r| secs(r.time))
                    .unwrap_or_else(|| "—".into()),
                cell(&fail, 160),
            );
        }
    }
    let workarounds: Vec<String> = results
        .iter()
        .flat_map(|r| r.row.entry.jobs.iter().map(move |j| (r.row.entry, j)))
        .filter_map(|(e, j)| {
            j.workaround
                .as_ref()
                .map(|w| format!("- {} / {}: {w}", e.name, j.name))
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if !workarounds.is_empty() {
        let _ = writeln!(md, "\nWorkarounds:\n\n{}", workarounds.join("\n"));
    }

    // wine-rs check: the import summary of every program.
    let _ = writeln!(md, "\n### Imports (`wine-rs check`)\n");
    let _ = writeln!(
        md,
        "What `wine-rs check PROGRAM` reports without running anything: per imported DLL, how many of the \
         distinct functions imported (by the program and every DLL it loads) wine-rs implements.\n"
    );
    let _ = writeln!(
        md,
        "| Program | Implemented (n/N per DLL) | Unimplemented imports |"
    );
    let _ = writeln!(md, "|---|---|---|");
    let mut detailed = Vec::new();
    for r in results {
        let Some(c) = &r.check else {
            let _ = writeln!(md, "| {} | not obtained | |", r.row.label());
            continue;
        };
        let per_dll = if c.unloadable() {
            let why = c
                .program_module()
                .and_then(|m| m.error.clone())
                .unwrap_or_else(|| "a DLL cannot be loaded".into());
            format!("cannot be loaded: {why}")
        } else {
            let mut parts = Vec::new();
            let sum = c.summary();
            let crt: Vec<_> = sum
                .iter()
                .filter(|s| s.lname.starts_with("api-ms-win-crt-"))
                .collect();
            if !crt.is_empty() {
                let (n, t) = crt
                    .iter()
                    .fold((0, 0), |(n, t), s| (n + s.implemented, t + s.total));
                parts.push(format!("api-ms-win-crt-* ({} sets) {n}/{t}", crt.len()));
            }
            parts.extend(
                sum.iter()
                    .filter(|s| !s.lname.starts_with("api-ms-win-crt-"))
                    .map(|s| format!("{} {}/{}", s.dll, s.implemented, s.total)),
            );
            parts.join(", ")
        };
        let un = c.unimplemented();
        let names: Vec<String> = un
            .iter()
            .take(12)
            .map(|(d, f, _)| {
                format!(
                    "{}!{f}",
                    d.trim_end_matches(".dll").trim_end_matches(".DLL")
                )
            })
            .collect();
        let more = if un.len() > names.len() {
            format!(" … (+{})", un.len() - names.len())
        } else {
            String::new()
        };
        let _ = writeln!(
            md,
            "| {} | {} | {}: {}{more} |",
            r.row.label(),
            cell(&per_dll, 400),
            un.len(),
            cell(&names.join(", "), 600)
        );
        if !matches!(
            r.row.entry.source.kind(),
            Ok(manifest::SourceKind::Local { .. })
        ) {
            detailed.push((r.row.label(), r.row.entry.source.version.clone(), c));
        }
    }
    for (label, version, c) in detailed {
        let _ = writeln!(md, "\n#### {label} {}\n", version.unwrap_or_default());
        let _ = writeln!(
            md,
            "`wine-rs check --summary {}`:\n",
            c.program
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        );
        let _ = writeln!(md, "```");
        for m in &c.modules {
            for f in &m.features {
                let _ = writeln!(md, "{} {}: {}", m.name, f.level.as_str(), f.detail);
            }
        }
        let _ = write!(md, "{}", c.summary_text());
        let un = c.unimplemented();
        let _ = writeln!(
            md,
            "{} of {} imported functions not implemented",
            un.len(),
            c.total_imports()
        );
        let _ = writeln!(md, "```\n");
        let mut by_dll: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for s in c.summary() {
            for (f, _) in &s.unimplemented {
                by_dll.entry(s.dll.clone()).or_default().push(f.clone());
            }
        }
        for (dll, fs) in by_dll {
            let named: Vec<String> = fs
                .iter()
                .map(|f| {
                    c.modules
                        .iter()
                        .flat_map(|m| &m.imports)
                        .flat_map(|i| &i.funcs)
                        .find(|x| &x.name == f)
                        .and_then(|x| {
                            x.detail
                                .as_ref()
                                .filter(|_| f.starts_with('#'))
                                .map(|d| format!("{f} ({d})"))
                        })
                        .unwrap_or_else(|| f.clone())
                })
                .collect();
            let _ = writeln!(md, "- {dll} ({}): {}", named.len(), named.join(", "));
        }
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(workaround: bool) -> Job {
        let text = format!(
            "name = \"j\"\n{}",
            if workaround {
                "workaround = \"w\"\n"
            } else {
                ""
            }
        );
        toml::from_str(&text).unwrap()
    }
    fn res(outcome: Result<(), Failure>) -> Option<JobResult> {
        Some(JobResult {
            outcome,
            time: Duration::ZERO,
            exit: Some(0),
            stdout: vec![],
            stderr: vec![],
        })
    }

    #[test]
    fn differences() {
        assert_eq!(first_difference(b"a\r\nb\r\n", b"a\nb\n"), None);
        assert_eq!(
            first_difference(b"a\nb\n", b"a\nc\n"),
            Some((2, "b".into(), "c".into()))
        );
        assert_eq!(
            first_difference(b"a\n", b"a\nc\n"),
            Some((2, "(end)".into(), "c".into()))
        );
    }

    #[test]
    fn ratings() {
        let jobs = [job(false), job(false)];
        let ok = || res(Ok(()));
        let unimpl = || res(Err(Failure::Unimplemented("K.F".into())));
        let wrong = || res(Err(Failure::Wrong("exit code 1".into())));
        assert_eq!(rate(&jobs, &[ok(), ok()], &[]), Some(Rating::Platinum));
        assert_eq!(
            rate(&jobs, &[ok(), ok()], &[ok(), None]),
            Some(Rating::Platinum)
        );
        let mut other = ok();
        other.as_mut().unwrap().stdout = b"x".to_vec();
        assert_eq!(
            rate(&jobs, &[ok(), ok()], &[ok(), other]),
            Some(Rating::Gold),
            "stdout differs from Wine's"
        );
        assert_eq!(
            rate(&[job(false), job(true)], &[ok(), ok()], &[]),
            Some(Rating::Gold)
        );
        assert_eq!(rate(&jobs, &[ok(), unimpl()], &[]), Some(Rating::Silver));
        assert_eq!(rate(&jobs, &[unimpl(), ok()], &[]), Some(Rating::Bronze));
        assert_eq!(rate(&jobs, &[wrong(), unimpl()], &[]), Some(Rating::Bronze));
        assert_eq!(
            rate(&jobs, &[unimpl(), unimpl()], &[]),
            Some(Rating::Garbage)
        );
        assert_eq!(rate(&jobs, &[None, None], &[]), None);
        assert_eq!(rate(&jobs, &[ok(), None], &[]), Some(Rating::Platinum));
    }
}
