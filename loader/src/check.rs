//! `wine-rs check PROGRAM.exe [DLL...] [--json] [--summary]`: what a program needs, without
//! running it.
//!
//! The program is parsed, and so is every PE DLL the loader would map for it, found the way
//! `modules.rs` finds them: builtins first (by name, and through the apiset table of
//! [`builtin`]), then the Windows search order (the program's directory, the current
//! directory, PATH). Each import is classified:
//!
//! * **implemented**: the builtin DLL's export table has it;
//! * **stub**: the builtin DLL exists but lacks it (by name, or by an ordinal no builtin
//!   export declares), or a PE DLL does not export it: the loader binds a stub that
//!   ends the process when called;
//! * **missing DLL**: no builtin and no file provides the DLL (it loads as an empty builtin,
//!   every import a stub);
//! * **pe**: resolved in a PE DLL (forwarders are followed to their final target, which
//!   then decides the status).
//!
//! Extra `DLL` arguments (paths, or names resolved like `LoadLibrary`) are checked too: the
//! DLLs a program loads at run time. Image features that matter are reported: the parser's
//! refusals (32-bit, ARM64, .NET, malformed), TLS callbacks, delay imports (not bound by the
//! loader: the program's own helper resolves them at first call through
//! LoadLibrary/GetProcAddress) and missing relocations.
//!
//! Exit codes: 0 every import is implemented or resolved; 1 some import is not (stub or
//! missing DLL), or a DLL named on the command line was not found; 2 usage error; 3 the
//! program, or a DLL it imports, cannot be loaded at all (unsupported or malformed image,
//! file not found).

use crate::builtin;
use crate::pe::{self, ExportTarget, ImportName, PeError, PeInfo};
use dllcore::{BuiltinDll, ExportKind};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Every import is implemented or resolved.
pub const EXIT_OK: i32 = 0;
/// Something imported is not implemented (or a DLL named on the command line is missing).
pub const EXIT_UNIMPLEMENTED: i32 = 1;
/// Bad command line.
pub const EXIT_USAGE: i32 = 2;
/// The program, or a DLL it imports, cannot be loaded at all.
pub const EXIT_UNLOADABLE: i32 = 3;

/// Forwarder chains longer than this are refused (as in `modules.rs`).
const MAX_FORWARD_DEPTH: u32 = 16;

pub const USAGE: &str = "\
Usage: wine-rs check [OPTIONS] PROGRAM.exe [DLL...]

Checks, without running anything, whether wine-rs can run PROGRAM: parses it and every DLL it
would load and lists each import as implemented (the builtin DLL exports it), stub (the builtin
DLL lacks it), missing DLL (nothing provides the DLL) or pe (resolved in a PE DLL file). DLL
arguments (paths or names) are DLLs the program loads at run time; they are checked too.

Options:
  --json           machine-readable output (one JSON object)
  -s, --summary    only the image notes and the per-DLL summary, not every import
  -h, --help       show this help and exit

Exit status: 0 all imports implemented; 1 some import unimplemented or a DLL argument not
found; 2 usage error; 3 the program or a DLL it imports cannot be loaded (unsupported or
malformed image, file not found).
";

/// How one import is served.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// A builtin export.
    Implemented,
    /// Resolved in a PE DLL.
    Pe,
    /// Bound to a stub: the DLL is there but the function is not.
    Stub,
    /// Bound to a stub: no DLL of that name exists.
    MissingDll,
}

impl Status {
    /// The word used in the text and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Implemented => "implemented",
            Status::Pe => "pe",
            Status::Stub => "stub",
            Status::MissingDll => "missing DLL",
        }
    }
    fn json(self) -> &'static str {
        match self {
            Status::MissingDll => "missing-dll",
            s => s.as_str(),
        }
    }
    /// Calling it ends the process.
    pub fn is_unimplemented(self) -> bool {
        matches!(self, Status::Stub | Status::MissingDll)
    }
}

/// One imported function.
#[derive(Debug, Clone)]
pub struct Func {
    /// The name, or "#N" for an import by ordinal.
    pub name: String,
    pub status: Status,
    /// Why, where that is not obvious: "data", "forwarded to KERNEL32.GetTickCount", ...
    pub detail: Option<String>,
}

/// What provides a DLL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Provider {
    /// A builtin DLL; `apiset` when reached through the apiset table.
    Builtin { dll: &'static str, apiset: bool },
    /// A PE file.
    Pe { path: PathBuf },
    /// Nothing: the loader binds it as an empty builtin.
    Missing,
    /// A file was found but cannot be loaded (the program would not start).
    Unloadable { path: PathBuf, error: String },
}

impl Provider {
    /// A short description: "builtin kernel32.dll", "apiset → builtin ucrtbase.dll",
    /// "pe /path/testdll.dll", "missing DLL", "unloadable /path: reason".
    pub fn describe(&self) -> String {
        match self {
            Provider::Builtin { dll, apiset: false } => format!("builtin {dll}"),
            Provider::Builtin { dll, apiset: true } => format!("apiset → builtin {dll}"),
            Provider::Pe { path } => format!("pe {}", file_name(path)),
            Provider::Missing => "missing DLL".into(),
            Provider::Unloadable { path, error } => {
                format!("unloadable {}: {error}", path.display())
            }
        }
    }
    fn json(&self) -> String {
        match self {
            Provider::Builtin { dll, apiset } => {
                format!(
                    r#"{{"kind":"builtin","dll":{},"apiset":{apiset}}}"#,
                    json_str(dll)
                )
            }
            Provider::Pe { path } => format!(
                r#"{{"kind":"pe","path":{}}}"#,
                json_str(&path.to_string_lossy())
            ),
            Provider::Missing => r#"{"kind":"missing"}"#.into(),
            Provider::Unloadable { path, error } => format!(
                r#"{{"kind":"unloadable","path":{},"error":{}}}"#,
                json_str(&path.to_string_lossy()),
                json_str(error)
            ),
        }
    }
}

/// The imports of one module from one DLL (one import descriptor).
#[derive(Debug, Clone)]
pub struct Import {
    /// The DLL name as the image writes it ("KERNEL32.dll").
    pub dll: String,
    /// Normalised ("kernel32.dll").
    pub lname: String,
    pub provider: Provider,
    /// From the delay-load directory.
    pub delay: bool,
    pub funcs: Vec<Func>,
}

/// How much a feature matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Supported; worth knowing.
    Note,
    /// May not work.
    Warning,
    /// Refused: the image cannot run (unsupported, malformed, not found).
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// Something about an image that decides whether or how it runs.
#[derive(Debug, Clone)]
pub struct Feature {
    /// A stable key: "tls-callbacks", "delay-imports", "no-relocations", "gui", "dll",
    /// "unsupported", "malformed", "not-pe", "no-entry-point", "not-found".
    pub key: &'static str,
    pub level: Level,
    pub detail: String,
}

/// Why a module is in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The program.
    Program,
    /// Loaded because something imports it (or a forwarder names it).
    Import,
    /// Named on the command line (loaded at run time by the program).
    Requested,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Program => "program",
            Role::Import => "import",
            Role::Requested => "requested",
        }
    }
}

/// One PE image: the program or a DLL.
#[derive(Debug, Clone)]
pub struct ModuleReport {
    /// File name ("testdll.dll"), or the name asked for when not found.
    pub name: String,
    pub path: PathBuf,
    pub role: Role,
    /// Why it cannot be loaded (parser refusal, not found, ...): then `imports` is empty.
    pub error: Option<String>,
    pub is_dll: bool,
    pub image_base: u64,
    pub subsystem: u16,
    pub features: Vec<Feature>,
    pub imports: Vec<Import>,
}

/// The per-DLL summary line: n of N distinct imported functions implemented.
#[derive(Debug, Clone)]
pub struct DllSummary {
    /// The DLL name as first written by an importer ("KERNEL32.dll").
    pub dll: String,
    pub lname: String,
    pub provider: Provider,
    /// Implemented or resolved in a PE DLL.
    pub implemented: usize,
    pub total: usize,
    /// Imported only through the delay-load directory.
    pub delay_only: bool,
    /// The functions that are not, sorted, with their status.
    pub unimplemented: Vec<(String, Status)>,
}

/// The result of a check.
#[derive(Debug, Clone)]
pub struct Report {
    pub program: PathBuf,
    /// In load order: the program first.
    pub modules: Vec<ModuleReport>,
}

impl Report {
    /// The program's module report.
    pub fn program_module(&self) -> Option<&ModuleReport> {
        self.modules.iter().find(|m| m.role == Role::Program)
    }

    /// Can the program not be loaded at all (it, or a DLL it needs, is refused)?
    pub fn unloadable(&self) -> bool {
        self.program_module().is_none_or(|m| m.error.is_some())
            || self
                .modules
                .iter()
                .flat_map(|m| &m.imports)
                .any(|i| !i.delay && matches!(i.provider, Provider::Unloadable { .. }))
    }

    /// Per imported DLL (by normalised name, sorted): distinct functions and how many are
    /// implemented, over every module.
    pub fn summary(&self) -> Vec<DllSummary> {
        struct Acc {
            dll: String,
            provider: Provider,
            delay_only: bool,
            funcs: BTreeMap<String, Status>,
        }
        let mut by: BTreeMap<String, Acc> = BTreeMap::new();
        for imp in self.modules.iter().flat_map(|m| &m.imports) {
            let acc = by.entry(imp.lname.clone()).or_insert_with(|| Acc {
                dll: imp.dll.clone(),
                provider: imp.provider.clone(),
                delay_only: true,
                funcs: BTreeMap::new(),
            });
            acc.delay_only &= imp.delay;
            for f in &imp.funcs {
                acc.funcs.entry(f.name.clone()).or_insert(f.status);
            }
        }
        by.into_iter()
            .map(|(lname, a)| DllSummary {
                dll: a.dll,
                lname,
                provider: a.provider,
                implemented: a.funcs.values().filter(|s| !s.is_unimplemented()).count(),
                total: a.funcs.len(),
                delay_only: a.delay_only,
                unimplemented: a
                    .funcs
                    .into_iter()
                    .filter(|(_, s)| s.is_unimplemented())
                    .collect(),
            })
            .collect()
    }

    /// Every unimplemented import (DLL as written, function), distinct, in load order.
    pub fn unimplemented(&self) -> Vec<(String, String, Status)> {
        let mut seen = std::collections::HashSet::new();
        let mut v = Vec::new();
        for imp in self.modules.iter().flat_map(|m| &m.imports) {
            for f in imp.funcs.iter().filter(|f| f.status.is_unimplemented()) {
                if seen.insert((imp.lname.clone(), f.name.clone())) {
                    v.push((imp.dll.clone(), f.name.clone(), f.status));
                }
            }
        }
        v
    }

    /// Distinct (DLL, function) pairs imported, over every module.
    pub fn total_imports(&self) -> usize {
        self.summary().iter().map(|s| s.total).sum()
    }

    /// The exit status of `wine-rs check` (see the module documentation).
    pub fn exit_code(&self) -> i32 {
        if self.unloadable() {
            EXIT_UNLOADABLE
        } else if !self.unimplemented().is_empty() || self.modules.iter().any(|m| m.error.is_some())
        {
            EXIT_UNIMPLEMENTED
        } else {
            EXIT_OK
        }
    }

    /// The per-DLL summary as text lines ("   45/47  KERNEL32.dll  builtin kernel32.dll").
    pub fn summary_text(&self) -> String {
        let sum = self.summary();
        let w = sum.iter().map(|s| s.dll.len()).max().unwrap_or(3).max(3);
        let mut out = String::new();
        for s in &sum {
            let frac = format!("{}/{}", s.implemented, s.total);
            let delay = if s.delay_only { " (delay-loaded)" } else { "" };
            let _ = writeln!(
                out,
                "  {frac:>9}  {:<w$}  {}{delay}",
                s.dll,
                s.provider.describe()
            );
        }
        out
    }

    /// The human-readable report; `all` lists every import, not only the summary.
    pub fn text(&self, all: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "wine-rs check: {}", self.program.display());
        for m in &self.modules {
            out.push('\n');
            let _ = writeln!(out, "{}", module_header(m));
            for f in &m.features {
                let _ = writeln!(out, "  {}: {}", f.level.as_str(), f.detail);
            }
            for imp in &m.imports {
                let n = imp
                    .funcs
                    .iter()
                    .filter(|f| !f.status.is_unimplemented())
                    .count();
                let delay = if imp.delay { "delay-loaded " } else { "" };
                let _ = writeln!(
                    out,
                    "  {delay}imports from {} ({}): {n}/{} implemented",
                    imp.dll,
                    imp.provider.describe(),
                    imp.funcs.len()
                );
                for f in &imp.funcs {
                    if !all && !f.status.is_unimplemented() {
                        continue;
                    }
                    let detail = f
                        .detail
                        .as_deref()
                        .map(|d| format!("  ({d})"))
                        .unwrap_or_default();
                    let _ = writeln!(out, "    {:<12} {}{detail}", f.status.as_str(), f.name);
                }
            }
        }
        let _ = writeln!(out, "\nsummary (n/N implemented per DLL):");
        out.push_str(&self.summary_text());
        let un = self.unimplemented();
        let total = self.total_imports();
        let verdict = if self.unloadable() {
            let why =
                self.program_module()
                    .and_then(|m| m.error.clone())
                    .or_else(|| {
                        self.modules.iter().flat_map(|m| &m.imports).find_map(|i| {
                            match &i.provider {
                                Provider::Unloadable { path, error } if !i.delay => {
                                    Some(format!("{}: {error}", path.display()))
                                }
                                _ => None,
                            }
                        })
                    })
                    .unwrap_or_default();
            format!("the program cannot be loaded: {why}")
        } else if un.is_empty() && self.modules.iter().all(|m| m.error.is_none()) {
            "every import is implemented".to_string()
        } else if un.is_empty() {
            "a DLL named on the command line cannot be loaded".to_string()
        } else {
            let first = &un[0];
            format!("first unimplemented: {}.{}", first.0, first.1)
        };
        let _ = writeln!(
            out,
            "\nresult: {} of {total} imported functions not implemented; {verdict}",
            un.len()
        );
        out
    }

    /// The report as one JSON object (see `loader/tests/check.rs` for its shape).
    pub fn json(&self) -> String {
        let mut o = String::from("{");
        let _ = write!(
            o,
            r#""program":{},"#,
            json_str(&self.program.to_string_lossy())
        );
        let _ = write!(o, r#""exit_code":{},"#, self.exit_code());
        let _ = write!(o, r#""loadable":{},"#, !self.unloadable());
        let un = self.unimplemented();
        let _ = write!(
            o,
            r#""total_imports":{},"unimplemented_count":{},"#,
            self.total_imports(),
            un.len()
        );
        o.push_str(r#""unimplemented":["#);
        o.push_str(
            &un.iter()
                .map(|(d, f, s)| {
                    format!(
                        r#"{{"dll":{},"name":{},"status":{}}}"#,
                        json_str(d),
                        json_str(f),
                        json_str(s.json())
                    )
                })
                .collect::<Vec<_>>()
                .join(","),
        );
        o.push_str(r#"],"summary":["#);
        o.push_str(
            &self
                .summary()
                .iter()
                .map(|s| {
                    format!(
                        r#"{{"dll":{},"lname":{},"provider":{},"implemented":{},"total":{},"delay_only":{},"unimplemented":[{}]}}"#,
                        json_str(&s.dll),
                        json_str(&s.lname),
                        s.provider.json(),
                        s.implemented,
                        s.total,
                        s.delay_only,
                        s.unimplemented.iter().map(|(n, _)| json_str(n)).collect::<Vec<_>>().join(",")
                    )
                })
                .collect::<Vec<_>>()
                .join(","),
        );
        o.push_str(r#"],"modules":["#);
        o.push_str(
            &self
                .modules
                .iter()
                .map(module_json)
                .collect::<Vec<_>>()
                .join(","),
        );
        o.push_str("]}");
        o
    }
}

fn module_header(m: &ModuleReport) -> String {
    if m.error.is_some() && m.image_base == 0 {
        return format!("{} ({}): {}", m.name, m.role.as_str(), m.path.display());
    }
    let kind = if m.is_dll { "DLL" } else { "program" };
    format!(
        "{} ({}): {}\n  PE32+ x86-64 {kind}, {} subsystem, ImageBase {:#x}",
        m.name,
        m.role.as_str(),
        m.path.display(),
        subsystem_name(m.subsystem),
        m.image_base
    )
}

fn module_json(m: &ModuleReport) -> String {
    let features = m
        .features
        .iter()
        .map(|f| {
            format!(
                r#"{{"key":{},"level":{},"detail":{}}}"#,
                json_str(f.key),
                json_str(f.level.as_str()),
                json_str(&f.detail)
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    let imports = m
        .imports
        .iter()
        .map(|i| {
            let funcs = i
                .funcs
                .iter()
                .map(|f| {
                    let detail = f
                        .detail
                        .as_deref()
                        .map(json_str)
                        .unwrap_or_else(|| "null".into());
                    format!(
                        r#"{{"name":{},"status":{},"detail":{detail}}}"#,
                        json_str(&f.name),
                        json_str(f.status.json())
                    )
                })
                .collect::<Vec<_>>()
                .join(",");
            format!(
                r#"{{"dll":{},"lname":{},"delay":{},"provider":{},"functions":[{funcs}]}}"#,
                json_str(&i.dll),
                json_str(&i.lname),
                i.delay,
                i.provider.json()
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    let error = m
        .error
        .as_deref()
        .map(json_str)
        .unwrap_or_else(|| "null".into());
    format!(
        r#"{{"name":{},"path":{},"role":{},"error":{error},"is_dll":{},"image_base":{},"subsystem":{},"features":[{features}],"imports":[{imports}]}}"#,
        json_str(&m.name),
        json_str(&m.path.to_string_lossy()),
        json_str(m.role.as_str()),
        m.is_dll,
        json_str(&format!("{:#x}", m.image_base)),
        json_str(subsystem_name(m.subsystem)),
    )
}

/// A JSON string literal.
pub fn json_str(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn subsystem_name(s: u16) -> &'static str {
    match s {
        1 => "native",
        2 => "Windows GUI",
        3 => "console",
        9 => "Windows CE GUI",
        10 => "EFI application",
        _ => "other",
    }
}

/// What a DLL name resolved to, cached by loader key.
#[derive(Clone)]
enum Resolved {
    Builtin(&'static BuiltinDll, bool),
    /// Index into `Walker::pes`.
    Pe(usize),
    Missing,
    Unloadable(PathBuf, String),
}

struct PeFile {
    path: PathBuf,
    info: PeInfo,
    /// Export name → index into `info.exports.functions`.
    names: HashMap<String, u32>,
    /// Index into `Walker::modules`.
    module: usize,
}

struct Walker {
    app_dir: Option<PathBuf>,
    by_key: HashMap<String, Resolved>,
    pes: Vec<PeFile>,
    modules: Vec<ModuleReport>,
}

/// The Windows DLL search order of `modules.rs` (`search_dll`): a name with a directory is
/// taken as a path; otherwise the program's directory, the current directory, then PATH,
/// each searched case-insensitively.
fn search_dll(app_dir: Option<&Path>, name: &str) -> Option<PathBuf> {
    if name.contains(['\\', '/']) {
        let unix = syscall_shims::path::dos_to_unix(name)?;
        let p = PathBuf::from(unix);
        let dir = p
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let file = p.file_name()?.to_string_lossy().into_owned();
        return find_in_dir(&dir, &file);
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(d) = app_dir {
        dirs.push(d.to_path_buf());
    }
    if let Ok(cwd) = std::env::current_dir() {
        dirs.push(cwd);
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    dirs.iter().find_map(|d| find_in_dir(d, name))
}

fn find_in_dir(dir: &Path, name: &str) -> Option<PathBuf> {
    let exact = dir.join(name);
    if exact.is_file() {
        return Some(exact);
    }
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .find(|e| e.file_name().to_string_lossy().eq_ignore_ascii_case(name) && e.path().is_file())
        .map(|e| e.path())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn error_feature(e: &PeError) -> Feature {
    let (key, level) = match e {
        PeError::NotPe(_) => ("not-pe", Level::Error),
        PeError::Unsupported(_) => ("unsupported", Level::Error),
        PeError::Malformed(_) => ("malformed", Level::Error),
    };
    Feature {
        key,
        level,
        detail: e.to_string(),
    }
}

/// The image's notable features (for a parsed image).
fn features(info: &PeInfo, data: &[u8], role: Role) -> Vec<Feature> {
    let mut v = Vec::new();
    if role == Role::Program && info.is_dll {
        v.push(Feature {
            key: "dll",
            level: Level::Warning,
            detail: "the file is a DLL: wine-rs runs only programs (checked as a DLL)".into(),
        });
    }
    if info.subsystem == 2 {
        v.push(Feature {
            key: "gui",
            level: Level::Note,
            detail: "Windows GUI subsystem: no window system (user32, gdi32) is builtin".into(),
        });
    }
    if let Some(t) = info.tls {
        let n = tls_callback_count(info, data, t.callbacks_va);
        if n != Some(0) {
            let count = n.map(|n| n.to_string()).unwrap_or_else(|| "present".into());
            v.push(Feature {
                key: "tls-callbacks",
                level: Level::Note,
                detail: format!(
                    "TLS callbacks: {count} (supported: run before the entry point and on thread attach/detach)"
                ),
            });
        }
        v.push(Feature {
            key: "tls",
            level: Level::Note,
            detail: format!(
                "static TLS: a {}-byte template per thread (supported)",
                t.end_va.saturating_sub(t.start_va) + u64::from(t.zero_fill)
            ),
        });
    }
    if !info.delay_imports.is_empty() {
        let funcs: usize = info.delay_imports.iter().map(|d| d.entries.len()).sum();
        let dlls: Vec<&str> = info.delay_imports.iter().map(|d| d.dll.as_str()).collect();
        v.push(Feature {
            key: "delay-imports",
            level: Level::Warning,
            detail: format!(
                "delay imports: {funcs} functions from {} DLLs ({}); the loader does not bind them: the program's \
                 delay-load helper resolves each at its first call with LoadLibraryExA/GetProcAddress",
                dlls.len(),
                dlls.join(", ")
            ),
        });
    }
    if !info.has_reloc_dir || info.relocs_stripped() {
        let why = if info.relocs_stripped() {
            "relocations stripped"
        } else {
            "no base relocation directory"
        };
        let what = if info.is_dll {
            "it fails to load if another module already occupies that range"
        } else {
            "fine for a program, which is mapped first"
        };
        v.push(Feature {
            key: "no-relocations",
            level: if info.is_dll {
                Level::Warning
            } else {
                Level::Note
            },
            detail: format!(
                "{why}: must load at its ImageBase {:#x}; {what}",
                info.image_base
            ),
        });
    }
    v
}

/// Count the TLS callbacks by reading the VA array from the file (None: not file-backed).
fn tls_callback_count(info: &PeInfo, data: &[u8], callbacks_va: u64) -> Option<usize> {
    if callbacks_va == 0 {
        return Some(0);
    }
    let rva = callbacks_va.checked_sub(info.image_base)?;
    let mut n = 0;
    loop {
        let off = rva_to_offset(info, rva + 8 * n as u64)?;
        let bytes: [u8; 8] = data.get(off..off + 8)?.try_into().ok()?;
        if u64::from_le_bytes(bytes) == 0 || n >= 4096 {
            return Some(n);
        }
        n += 1;
    }
}

fn rva_to_offset(info: &PeInfo, rva: u64) -> Option<usize> {
    if rva < u64::from(info.size_of_headers) {
        return Some(rva as usize);
    }
    let s = info
        .sections
        .iter()
        .find(|s| rva >= u64::from(s.rva) && rva < u64::from(s.rva) + u64::from(s.raw_size))?;
    Some((u64::from(s.raw_offset) + rva - u64::from(s.rva)) as usize)
}

impl Walker {
    /// Parse `path` and add it (with everything it imports) to the report. Returns the new
    /// module's index in `modules`, and its `pes` index when it parsed.
    fn add_pe(&mut self, path: &Path, role: Role, key: Option<String>) -> (usize, Option<usize>) {
        let name = file_name(path);
        let mut m = ModuleReport {
            name: name.clone(),
            path: path.to_path_buf(),
            role,
            error: None,
            is_dll: false,
            image_base: 0,
            subsystem: 0,
            features: Vec::new(),
            imports: Vec::new(),
        };
        let data = match std::fs::read(path) {
            Ok(d) => d,
            Err(e) => {
                m.error = Some(format!("{}: {e}", path.display()));
                m.features.push(Feature {
                    key: "not-found",
                    level: Level::Error,
                    detail: format!("cannot read: {e}"),
                });
                self.modules.push(m);
                return (self.modules.len() - 1, None);
            }
        };
        let info = match pe::parse(&data) {
            Ok(i) => i,
            Err(e) => {
                m.error = Some(e.to_string());
                m.features.push(error_feature(&e));
                self.modules.push(m);
                return (self.modules.len() - 1, None);
            }
        };
        m.is_dll = info.is_dll;
        m.image_base = info.image_base;
        m.subsystem = info.subsystem;
        m.features = features(&info, &data, role);
        if role == Role::Program && !info.is_dll && info.entry_rva == 0 {
            m.error = Some("has no entry point".into());
            m.features.push(Feature {
                key: "no-entry-point",
                level: Level::Error,
                detail: "the program has no entry point".into(),
            });
        }
        if role != Role::Program && !info.is_dll {
            m.error = Some("is not a DLL".into());
            m.features.push(Feature {
                key: "not-dll",
                level: Level::Error,
                detail: "the file is a program, not a DLL".into(),
            });
        }
        let module = self.modules.len();
        self.modules.push(m);
        let mut names = HashMap::new();
        if let Some(ex) = &info.exports {
            for (n, idx) in &ex.names {
                names.entry(n.clone()).or_insert(*idx);
            }
        }
        let imports = info.imports.clone();
        let delay = info.delay_imports.clone();
        let pe_index = self.pes.len();
        self.pes.push(PeFile {
            path: path.to_path_buf(),
            info,
            names,
            module,
        });
        if let Some(k) = key {
            self.by_key.insert(k, Resolved::Pe(pe_index));
        }
        // The loader keys a PE module by its file name too.
        self.by_key
            .entry(name.to_ascii_lowercase())
            .or_insert(Resolved::Pe(pe_index));
        if role == Role::Program {
            let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            self.app_dir = abs.parent().map(Path::to_path_buf);
        }
        // Static imports, in order, as modules.rs binds them (dependencies load depth-first).
        let mut reports = Vec::new();
        for imp in &imports {
            let r = self.load(&imp.dll);
            let funcs = imp
                .entries
                .iter()
                .map(|e| self.resolve(&r, &imp.dll, &e.name, 0))
                .collect();
            reports.push(self.import_report(&imp.dll, &r, false, funcs));
        }
        // Delay imports are resolved the same way, at run time, by LoadLibrary/GetProcAddress.
        for imp in &delay {
            let r = self.load_fail(&imp.dll);
            let funcs = imp
                .entries
                .iter()
                .map(|e| self.resolve(&r, &imp.dll, &e.name, 0))
                .collect();
            reports.push(self.import_report(&imp.dll, &r, true, funcs));
        }
        self.modules[module].imports = reports;
        (module, Some(pe_index))
    }

    fn import_report(&self, dll: &str, r: &Resolved, delay: bool, funcs: Vec<Func>) -> Import {
        let provider = match r {
            Resolved::Builtin(d, apiset) => Provider::Builtin {
                dll: d.name,
                apiset: *apiset,
            },
            Resolved::Pe(i) => Provider::Pe {
                path: self.pes[*i].path.clone(),
            },
            Resolved::Missing => Provider::Missing,
            Resolved::Unloadable(p, e) => Provider::Unloadable {
                path: p.clone(),
                error: e.clone(),
            },
        };
        Import {
            dll: dll.to_string(),
            lname: builtin::normalize(dll),
            provider,
            delay,
            funcs,
        }
    }

    /// The loader's key for a DLL name: normalised, apisets mapped to their target.
    fn key(name: &str) -> (String, String) {
        let lname = builtin::normalize(name);
        let key = builtin::apiset_target(&lname)
            .map(str::to_string)
            .unwrap_or_else(|| lname.clone());
        (lname, key)
    }

    /// What `modules::load_dll(name, Missing::Stub)` would bind: builtin, PE file, or an
    /// empty builtin.
    fn load(&mut self, name: &str) -> Resolved {
        let (lname, key) = Self::key(name);
        if let Some(r) = self.by_key.get(&key) {
            return r.clone();
        }
        let r = if let Some(dll) = builtin::find(&lname) {
            Resolved::Builtin(dll, builtin::is_apiset(&lname))
        } else if builtin::is_apiset(&lname) {
            Resolved::Missing
        } else if let Some(path) = search_dll(self.app_dir.as_deref(), name) {
            // Registered under its key before its own imports are walked (cycles end).
            let (module, pe) = self.add_pe(&path, Role::Import, Some(key.clone()));
            match pe {
                Some(i) if self.modules[module].error.is_none() => Resolved::Pe(i),
                _ => Resolved::Unloadable(
                    path,
                    self.modules[module].error.clone().unwrap_or_default(),
                ),
            }
        } else {
            Resolved::Missing
        };
        self.by_key.insert(key, r.clone());
        r
    }

    /// `load_dll(name, Missing::Fail)`, as LoadLibrary and forwarders do: a DLL that is not
    /// found is reported missing without becoming an (empty) module.
    fn load_fail(&mut self, name: &str) -> Resolved {
        let (lname, key) = Self::key(name);
        if self.by_key.contains_key(&key) || builtin::find(&lname).is_some() {
            return self.load(name);
        }
        if builtin::is_apiset(&lname) || search_dll(self.app_dir.as_deref(), name).is_none() {
            return Resolved::Missing;
        }
        self.load(name)
    }

    /// Classify one import from a DLL that resolved to `r`.
    fn resolve(&mut self, r: &Resolved, dll: &str, name: &ImportName, depth: u32) -> Func {
        let shown = match name {
            ImportName::ByName { name, .. } => name.clone(),
            ImportName::ByOrdinal(o) => format!("#{o}"),
        };
        let known = match name {
            ImportName::ByOrdinal(o) => well_known_ordinal(&builtin::normalize(dll), *o),
            ImportName::ByName { .. } => None,
        };
        let func = |status, detail: Option<String>| {
            let detail = match (known, detail) {
                (Some(k), Some(d)) => Some(format!("{k}; {d}")),
                (Some(k), None) => Some(k.to_string()),
                (None, d) => d,
            };
            Func {
                name: shown.clone(),
                status,
                detail,
            }
        };
        match r {
            Resolved::Missing => func(Status::MissingDll, None),
            Resolved::Unloadable(_, e) => func(
                Status::MissingDll,
                Some(format!("{dll} cannot be loaded: {e}")),
            ),
            Resolved::Builtin(b, _) => match name {
                ImportName::ByName { name, .. } => match builtin::exports(b).get(name.as_str()) {
                    Some((_, ExportKind::Data)) => func(Status::Implemented, Some("data".into())),
                    Some((_, ExportKind::Func)) => func(Status::Implemented, None),
                    None => func(Status::Stub, None),
                },
                ImportName::ByOrdinal(o) => match builtin::export_by_ordinal(b, *o) {
                    Some((_, _, ExportKind::Data)) => func(Status::Implemented, Some("data".into())),
                    Some((_, _, ExportKind::Func)) => func(Status::Implemented, None),
                    None => func(Status::Stub, Some("no builtin export with this ordinal".into())),
                },
            },
            Resolved::Pe(i) => {
                let p = &self.pes[*i];
                let pe_name = file_name(&p.path);
                let Some(ex) = p.info.exports.as_ref() else {
                    return func(Status::Stub, Some(format!("{pe_name} has no exports")));
                };
                let idx = match name {
                    ImportName::ByName { name, .. } => p.names.get(name).copied(),
                    ImportName::ByOrdinal(o) => u32::from(*o).checked_sub(ex.ordinal_base),
                };
                let target = idx.and_then(|i| ex.functions.get(i as usize)).cloned();
                match target {
                    None | Some(ExportTarget::None) => {
                        func(Status::Stub, Some(format!("not exported by {pe_name}")))
                    }
                    Some(ExportTarget::Rva(_)) => func(Status::Pe, None),
                    Some(ExportTarget::Forward(fwd)) => {
                        let Some((fdll, ffunc)) = fwd.rsplit_once('.') else {
                            return func(Status::Stub, Some(format!("bad forwarder {fwd}")));
                        };
                        if depth >= MAX_FORWARD_DEPTH {
                            return func(
                                Status::Stub,
                                Some(format!("forwarder chain too long at {fwd}")),
                            );
                        }
                        let fr = self.load_fail(fdll);
                        let fname = match ffunc.strip_prefix('#') {
                            Some(n) => match n.parse() {
                                Ok(o) => ImportName::ByOrdinal(o),
                                Err(_) => {
                                    return func(
                                        Status::Stub,
                                        Some(format!("bad forwarder {fwd}")),
                                    );
                                }
                            },
                            None => ImportName::ByName {
                                name: ffunc.to_string(),
                                hint: 0,
                            },
                        };
                        let inner = self.resolve(&fr, fdll, &fname, depth + 1);
                        // A forward to a missing DLL binds a stub, like any unresolved import.
                        let status = if inner.status == Status::MissingDll {
                            Status::Stub
                        } else {
                            inner.status
                        };
                        let mut detail = format!("forwarded to {fwd}");
                        if let Some(d) = inner.detail {
                            detail = format!("{detail}: {d}");
                        } else if inner.status.is_unimplemented() {
                            detail = format!("{detail}: {}", inner.status.as_str());
                        }
                        func(status, Some(detail))
                    }
                }
            }
        }
    }
}

/// The names of ordinals that system DLLs have always kept fixed, for the report (programs
/// import these by ordinal; builtins serve those declared `#[export(ordinal = N)]`).
fn well_known_ordinal(lname: &str, ordinal: u16) -> Option<&'static str> {
    let table: &[(u16, &str)] = match lname {
        "oleaut32.dll" => &[
            (2, "SysAllocString"),
            (3, "SysReAllocString"),
            (4, "SysAllocStringLen"),
            (5, "SysReAllocStringLen"),
            (6, "SysFreeString"),
            (7, "SysStringLen"),
            (8, "VariantInit"),
            (9, "VariantClear"),
            (10, "VariantCopy"),
            (12, "VariantChangeType"),
            (149, "SysStringByteLen"),
            (150, "SysAllocStringByteLen"),
        ],
        "ws2_32.dll" | "wsock32.dll" => &[
            (1, "accept"),
            (2, "bind"),
            (3, "closesocket"),
            (4, "connect"),
            (9, "htons"),
            (13, "listen"),
            (16, "recv"),
            (19, "send"),
            (21, "setsockopt"),
            (23, "socket"),
            (111, "WSAGetLastError"),
            (115, "WSAStartup"),
            (116, "WSACleanup"),
        ],
        _ => return None,
    };
    table.iter().find(|(o, _)| *o == ordinal).map(|(_, n)| *n)
}

/// Check `program` and the extra DLLs (paths or names) it loads at run time.
pub fn check(program: &Path, extra: &[String]) -> Report {
    let mut w = Walker {
        app_dir: None,
        by_key: HashMap::new(),
        pes: Vec::new(),
        modules: Vec::new(),
    };
    w.add_pe(program, Role::Program, None);
    for dll in extra {
        let p = PathBuf::from(dll);
        if p.is_file() {
            let (_, key) = Walker::key(&file_name(&p));
            match w.by_key.get(&key) {
                None => {
                    w.add_pe(&p, Role::Requested, Some(key));
                }
                Some(Resolved::Pe(i)) => {
                    let m = w.pes[*i].module;
                    if w.modules[m].role == Role::Import {
                        w.modules[m].role = Role::Requested;
                    }
                }
                Some(_) => {}
            }
            continue;
        }
        // A name: as LoadLibrary finds it.
        match w.load_fail(dll) {
            Resolved::Missing => w.modules.push(ModuleReport {
                name: dll.clone(),
                path: PathBuf::from(dll),
                role: Role::Requested,
                error: Some(format!("{dll}: not found (no builtin, not in the app directory, the current directory or PATH)")),
                is_dll: true,
                image_base: 0,
                subsystem: 0,
                features: vec![Feature { key: "not-found", level: Level::Error, detail: format!("{dll} not found") }],
                imports: Vec::new(),
            }),
            Resolved::Pe(i) => {
                let m = w.pes[i].module;
                if w.modules[m].role == Role::Import {
                    w.modules[m].role = Role::Requested;
                }
            }
            // A builtin: nothing to parse.
            Resolved::Builtin(..) | Resolved::Unloadable(..) => {}
        }
    }
    Report {
        program: program.to_path_buf(),
        modules: w.modules,
    }
}

/// `wine-rs check ARGS...`: returns the exit status.
pub fn main(args: &[String]) -> i32 {
    let (mut json, mut all) = (false, true);
    let mut files = Vec::new();
    let mut opts_done = false;
    for a in args {
        match a.as_str() {
            _ if opts_done => files.push(a.clone()),
            "--json" => json = true,
            "-s" | "--summary" => all = false,
            "-h" | "--help" => {
                print!("{USAGE}");
                return EXIT_OK;
            }
            "--" => opts_done = true,
            o if o.starts_with('-') && o.len() > 1 => {
                eprintln!("wine-rs check: unknown option '{o}'\n\n{USAGE}");
                return EXIT_USAGE;
            }
            _ => files.push(a.clone()),
        }
    }
    let Some((program, extra)) = files.split_first() else {
        eprintln!("wine-rs check: no program given\n\n{USAGE}");
        return EXIT_USAGE;
    };
    let path = crate::launch::find_program(program).unwrap_or_else(|| PathBuf::from(program));
    let report = check(&path, extra);
    if json {
        println!("{}", report.json());
    } else {
        print!("{}", report.text(all));
    }
    report.exit_code()
}
