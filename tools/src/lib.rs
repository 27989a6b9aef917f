//! The tools that write `docs/compat.md`:
//!
//! * `matrix` runs the compatibility matrix (`test-apps/apps/*.toml`) under wine-rs, and
//!   optionally under Wine, and writes the program table and the `wine-rs check` summaries;
//! * `coverage` counts the CRT exports (from mingw-w64's import libraries) that wine-rs
//!   implements, and lists the CRT functions that programs import but wine-rs lacks.
//!
//! Each tool owns one section of `docs/compat.md`, between marker comments (see [`compat_md`]),
//! so either can regenerate its part without touching the other's.

pub mod compat_md;
pub mod fetch;
pub mod manifest;
pub mod run;

use std::path::{Path, PathBuf};

/// The repository root (the workspace directory above this crate).
pub fn repo_root() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    p.canonicalize().unwrap_or(p)
}

/// Today's date (UTC) as YYYY-MM-DD.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The repository's commit ("abc1234", "+ local changes" when the tree is dirty), if git works.
pub fn git_revision(repo: &Path) -> Option<String> {
    let out = std::process::Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(repo)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let rev = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let dirty = std::process::Command::new("git")
        .args(["status", "--porcelain", "--untracked-files=no"])
        .current_dir(repo)
        .output()
        .map(|o| !o.stdout.is_empty())
        .unwrap_or(false);
    Some(if dirty {
        format!("{rev} + local changes")
    } else {
        rev
    })
}

/// Escape a table cell: no pipes, no newlines, at most `max` characters.
pub fn cell(s: &str, max: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut t: String = one_line.chars().take(max).collect();
    if one_line.chars().count() > max {
        t.push('…');
    }
    t.replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    #[test]
    fn date_and_cells() {
        let d = super::today();
        assert_eq!(d.len(), 10);
        assert!(d.starts_with("20"));
        assert_eq!(super::cell("a | b\nc", 100), "a \\| b c");
        assert_eq!(super::cell("abcdef", 3), "abc…");
    }
}
