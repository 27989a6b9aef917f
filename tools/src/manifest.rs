//! The matrix entries: `test-apps/apps/*.toml`, one program each.
//!
//! ```toml
//! name = "ninja"                    # the row's name
//! description = "..."               # optional
//! variants = ["msvcrt", "ucrt"]     # optional: one row per variant; "{variant}" in paths
//! check_dlls = ["testdll2.dll"]     # optional: DLLs it loads at run time, for `wine-rs check`
//!
//! [source]                          # how to obtain the program: exactly one of
//! path = "test-apps/build/{variant}/hello.exe"   # a local file (relative to the repository)
//! build = ["test-apps/build.sh"]    #   optional: the command that makes it (run from the root)
//! pypi = "ninja==1.13.2"            # a file inside a PyPI wheel (`pip download`)
//! platform = "win_amd64"            #   the wheel's platform
//! npm = "7zip-bin@5.2.0"            # a file inside an npm package (`npm pack`)
//! member = "package/win/x64/7za.exe"  # downloads: the program's path inside the archive
//! archive_sha256 = "..."            # downloads: the archive's SHA-256
//! sha256 = "..."                    # the program's SHA-256 (required for downloads)
//! version = "1.13.2"                # shown in the table
//!
//! [[job]]                           # one or more; the first is the main one ("normal use")
//! name = "version"
//! args = ["--version"]              # "{program}" and "{program_dir}" are substituted
//! args_file = "test-apps/build/gen/args.nul"  # optional: more args, NUL-separated
//! stdin = "text"                    # optional (default: empty)
//! env = { LC_ALL = "C.UTF-8" }      # optional
//! timeout = 60                      # seconds (default 60)
//! cwd = "program"                   # optional: run in the program's directory, not a fresh one
//! files = { "build.ninja" = "..." } # created in the working directory first
//! files_base64 = { "a.7z" = "N3q8..." }
//! dirs = ["tree/empty"]             # empty directories to create
//! exit = 0                          # the expected exit code (default 0)
//! any_exit = true                   # or: do not check the exit code
//! stdout = { contains = ["..."], regex = "...", exact = "...", exact_file = "path" }
//! stderr = { ... }                  # same keys; every one given must hold
//! expect_files = { "out/a.txt" = "alpha\n" }   # afterwards: exact contents
//! expect_exists = [".ninja_log"]    # afterwards: these paths exist
//! workaround = "why"                # the job needs something a Windows user would not
//! wine = false                      # do not run it under Wine (with `wine_reason`)
//! compare_stdout = false            # run under Wine, but its stdout is not comparable
//! wine_reason = "why"
//! ```

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One program of the matrix.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub name: String,
    pub description: Option<String>,
    #[serde(default)]
    pub variants: Vec<String>,
    #[serde(default)]
    pub check_dlls: Vec<String>,
    pub source: Source,
    #[serde(rename = "job")]
    pub jobs: Vec<Job>,
    /// The file it was read from (set by the loader, not the TOML).
    #[serde(skip)]
    pub file: PathBuf,
}

/// Where the program comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub path: Option<String>,
    pub build: Option<Vec<String>>,
    pub pypi: Option<String>,
    pub platform: Option<String>,
    pub npm: Option<String>,
    pub member: Option<String>,
    pub archive_sha256: Option<String>,
    pub sha256: Option<String>,
    pub version: Option<String>,
}

/// The source, checked: which kind it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceKind<'a> {
    Local {
        path: &'a str,
        build: Option<&'a [String]>,
    },
    Pypi {
        spec: &'a str,
        platform: &'a str,
    },
    Npm {
        spec: &'a str,
    },
}

impl Source {
    pub fn kind(&self) -> Result<SourceKind<'_>, String> {
        let n = [self.path.is_some(), self.pypi.is_some(), self.npm.is_some()]
            .iter()
            .filter(|b| **b)
            .count();
        if n != 1 {
            return Err("[source] needs exactly one of path, pypi, npm".into());
        }
        if let Some(path) = &self.path {
            return Ok(SourceKind::Local {
                path,
                build: self.build.as_deref(),
            });
        }
        for (what, v) in [
            ("member", &self.member),
            ("archive_sha256", &self.archive_sha256),
            ("sha256", &self.sha256),
        ] {
            if v.is_none() {
                return Err(format!("[source]: a download needs {what}"));
            }
        }
        for sha in [&self.archive_sha256, &self.sha256].into_iter().flatten() {
            if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(format!(
                    "[source]: {sha:?} is not a SHA-256 (64 hex digits)"
                ));
            }
        }
        if let Some(spec) = &self.pypi {
            if !spec.contains("==") {
                return Err(format!(
                    "[source] pypi = {spec:?}: pin a version (name==version)"
                ));
            }
            let platform = self
                .platform
                .as_deref()
                .ok_or("[source]: pypi needs platform")?;
            return Ok(SourceKind::Pypi { spec, platform });
        }
        let spec = self.npm.as_deref().unwrap_or_default();
        if !spec.trim_start_matches('@').contains('@') {
            return Err(format!(
                "[source] npm = {spec:?}: pin a version (name@version)"
            ));
        }
        Ok(SourceKind::Npm { spec })
    }

    /// "test-app", "PyPI ninja==1.13.2", "npm 7zip-bin@5.2.0".
    pub fn describe(&self) -> String {
        match self.kind() {
            Ok(SourceKind::Local { .. }) => "test-app".into(),
            Ok(SourceKind::Pypi { spec, .. }) => format!("PyPI `{spec}`"),
            Ok(SourceKind::Npm { spec }) => format!("npm `{spec}`"),
            Err(_) => "?".into(),
        }
    }
}

/// Expectations on one output stream; every one given must hold.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    #[serde(default)]
    pub contains: Vec<String>,
    pub regex: Option<String>,
    pub exact: Option<String>,
    pub exact_file: Option<String>,
}

impl Expect {
    pub fn is_empty(&self) -> bool {
        self.contains.is_empty()
            && self.regex.is_none()
            && self.exact.is_none()
            && self.exact_file.is_none()
    }
}

/// One run of the program.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Job {
    pub name: String,
    #[serde(default)]
    pub args: Vec<String>,
    pub args_file: Option<String>,
    pub stdin: Option<String>,
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    pub timeout: Option<u64>,
    pub cwd: Option<String>,
    #[serde(default)]
    pub files: BTreeMap<String, String>,
    #[serde(default)]
    pub files_base64: BTreeMap<String, String>,
    #[serde(default)]
    pub dirs: Vec<String>,
    #[serde(default)]
    pub exit: i32,
    #[serde(default)]
    pub any_exit: bool,
    #[serde(default)]
    pub stdout: Expect,
    #[serde(default)]
    pub stderr: Expect,
    #[serde(default)]
    pub expect_files: BTreeMap<String, String>,
    #[serde(default)]
    pub expect_exists: Vec<String>,
    pub workaround: Option<String>,
    pub wine: Option<bool>,
    pub wine_reason: Option<String>,
    pub compare_stdout: Option<bool>,
}

impl Job {
    pub fn timeout_secs(&self) -> u64 {
        self.timeout.unwrap_or(60)
    }
    /// Run under Wine too?
    pub fn under_wine(&self) -> bool {
        self.wine.unwrap_or(true)
    }
}

/// A row of the matrix: an entry, in one variant.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub entry: &'a Entry,
    pub variant: Option<&'a str>,
}

impl Row<'_> {
    /// "hello (msvcrt)", "ninja".
    pub fn label(&self) -> String {
        match self.variant {
            Some(v) => format!("{} ({v})", self.entry.name),
            None => self.entry.name.clone(),
        }
    }
    /// `s` with "{variant}" replaced.
    pub fn subst(&self, s: &str) -> String {
        s.replace("{variant}", self.variant.unwrap_or(""))
    }
}

impl Entry {
    /// Parse one entry (`file` names it in errors) and check it.
    pub fn parse(text: &str, file: &Path) -> Result<Entry, String> {
        let mut e: Entry =
            toml::from_str(text).map_err(|err| format!("{}: {err}", file.display()))?;
        e.file = file.to_path_buf();
        e.validate()
            .map_err(|err| format!("{}: {err}", file.display()))?;
        Ok(e)
    }

    fn validate(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("empty name".into());
        }
        self.source.kind()?;
        let uses_variant = self
            .source
            .path
            .as_deref()
            .is_some_and(|p| p.contains("{variant}"));
        if uses_variant == self.variants.is_empty() {
            return Err("variants and \"{variant}\" in [source] path go together".into());
        }
        if self.jobs.is_empty() {
            return Err("no [[job]]".into());
        }
        let mut names = std::collections::HashSet::new();
        for j in &self.jobs {
            if !names.insert(j.name.as_str()) {
                return Err(format!("job name {:?} used twice", j.name));
            }
            for (what, ex) in [("stdout", &j.stdout), ("stderr", &j.stderr)] {
                if let Some(re) = &ex.regex {
                    regex::Regex::new(re)
                        .map_err(|e| format!("job {}: {what} regex: {e}", j.name))?;
                }
            }
            for (path, b64) in &j.files_base64 {
                crate::run::base64_decode(b64)
                    .map_err(|e| format!("job {}: files_base64 {path}: {e}", j.name))?;
            }
            for p in j
                .files
                .keys()
                .chain(j.files_base64.keys())
                .chain(&j.dirs)
                .chain(j.expect_files.keys())
            {
                if p.starts_with('/') || p.split('/').any(|c| c == "..") {
                    return Err(format!(
                        "job {}: path {p:?} must stay inside the working directory",
                        j.name
                    ));
                }
            }
            if let Some(c) = &j.cwd
                && c != "program"
            {
                return Err(format!(
                    "job {}: cwd = {c:?}: only \"program\" is known",
                    j.name
                ));
            }
        }
        Ok(())
    }

    /// The rows of this entry: one per variant, or one.
    pub fn rows(&self) -> Vec<Row<'_>> {
        if self.variants.is_empty() {
            vec![Row {
                entry: self,
                variant: None,
            }]
        } else {
            self.variants
                .iter()
                .map(|v| Row {
                    entry: self,
                    variant: Some(v.as_str()),
                })
                .collect()
        }
    }
}

/// Every `*.toml` in `dir`, by file name.
pub fn load_dir(dir: &Path) -> Result<Vec<Entry>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
            Entry::parse(&text, f)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NINJA: &str = r#"
name = "ninja"
[source]
pypi = "ninja==1.13.2"
platform = "win_amd64"
member = "ninja-1.13.2.data/scripts/ninja.exe"
archive_sha256 = "1293f4078278b70d0ee4b6cc8f3a9e030656c9b2f59909970343c4fe76070118"
sha256 = "a7f084e8ee37bff0872aa8bd3d17cc19632d2a37734f6c242dd3dee22d77c0b4"
version = "1.13.2"

[[job]]
name = "version"
args = ["--version"]
stdout = { contains = ["1.13.2"] }

[[job]]
name = "build"
files = { "build.ninja" = "rule x\n" }
files_base64 = { "a.bin" = "AAEC" }
exit = 0
stdout = { regex = '\[1/2\]' }
expect_exists = [".ninja_log"]
"#;

    fn parse(s: &str) -> Result<Entry, String> {
        Entry::parse(s, Path::new("t.toml"))
    }

    #[test]
    fn parses_a_download_entry() {
        let e = parse(NINJA).unwrap();
        assert_eq!(
            e.source.kind().unwrap(),
            SourceKind::Pypi {
                spec: "ninja==1.13.2",
                platform: "win_amd64"
            }
        );
        assert_eq!(e.jobs.len(), 2);
        assert_eq!(e.jobs[0].args, ["--version"]);
        assert_eq!(e.jobs[0].stdout.contains, ["1.13.2"]);
        assert_eq!(e.jobs[0].timeout_secs(), 60);
        assert!(e.jobs[0].under_wine());
        assert_eq!(e.jobs[1].files["build.ninja"], "rule x\n");
        assert_eq!(e.rows().len(), 1);
        assert_eq!(e.rows()[0].label(), "ninja");
        assert_eq!(e.source.describe(), "PyPI `ninja==1.13.2`");
    }

    #[test]
    fn parses_a_local_entry_with_variants() {
        let e = parse(
            r#"
name = "hello"
variants = ["msvcrt", "ucrt"]
[source]
path = "test-apps/build/{variant}/hello.exe"
build = ["test-apps/build.sh"]
[[job]]
name = "run"
exit = 3
stdout = { exact_file = "test-apps/expected/hello.stdout" }
"#,
        )
        .unwrap();
        let rows = e.rows();
        assert_eq!(
            rows.iter().map(Row::label).collect::<Vec<_>>(),
            ["hello (msvcrt)", "hello (ucrt)"]
        );
        assert_eq!(
            rows[1].subst(e.source.path.as_deref().unwrap()),
            "test-apps/build/ucrt/hello.exe"
        );
        assert_eq!(e.jobs[0].exit, 3);
        assert!(matches!(
            e.source.kind().unwrap(),
            SourceKind::Local { build: Some(_), .. }
        ));
    }

    #[test]
    fn refuses_bad_entries() {
        let bad = [
            (NINJA.replace("ninja==1.13.2", "ninja"), "pin a version"),
            (
                NINJA.replace("archive_sha256 = \"1293", "archive_sha256 = \"xyz"),
                "not a SHA-256",
            ),
            (NINJA.replace("member = ", "#member = "), "needs member"),
            (
                NINJA.replace("[source]", "[source]\npath = \"x.exe\""),
                "exactly one",
            ),
            (NINJA.replace(r"'\[1/2\]'", "'['"), "regex"),
            (NINJA.replace("\"AAEC\"", "\"A!\""), "files_base64"),
            (
                NINJA.replace("\"build.ninja\" =", "\"../x\" ="),
                "inside the working directory",
            ),
            (
                NINJA.replace("name = \"build\"", "name = \"version\""),
                "used twice",
            ),
            (
                NINJA.replace("exit = 0", "exit = 0\nbogus = 1"),
                "unknown field",
            ),
            (format!("variants = [\"a\"]\n{NINJA}"), "go together"),
        ];
        for (text, want) in bad {
            let err = parse(&text).expect_err(want);
            assert!(err.contains(want), "{err} (wanted {want})");
        }
    }

    #[test]
    fn the_repository_entries_parse() {
        let dir = crate::repo_root().join("test-apps/apps");
        let entries = load_dir(&dir).unwrap();
        assert!(entries.iter().any(|e| e.name == "ninja"));
        assert!(entries.iter().any(|e| e.name == "7za"));
        assert!(entries.iter().any(|e| e.name == "hello"));
    }
}
