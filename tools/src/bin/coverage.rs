//! `coverage`: how much of the C runtime wine-rs implements, written to the "coverage" section
//! of `docs/compat.md`.
//!
//! * The exports of msvcrt.dll and ucrtbase.dll (and of each api-ms-win-crt-* set) are read
//!   from mingw-w64's import libraries (`libmsvcrt.a`, `libucrtbase.a`, `libucrt.a`): every
//!   import member names its DLL (the `.idata$7` of the library's tail member) and its export
//!   (the `.idata$6` hint/name, which is the export's real name: `__ms_printf` imports
//!   `printf`), in dlltool's long format or the short import format.
//! * Implemented: the builtin DLL's export table (`loader::builtin::exports`).
//! * Stubbed: imported by a test app (test-apps/build) or a matrix program, not implemented.
//! * Missing: neither.
//!
//! ```text
//! cargo run --release -p wine-rs-tools --bin coverage -- [--no-write] [--mingw-lib DIR]
//! ```

use loader::check::{Provider, Status};
use object::read::archive::ArchiveFile;
use object::read::coff::{CoffFile, ImportFile, ImportName};
use object::{Object, ObjectSection, ObjectSymbol};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use wine_rs_tools::manifest;
use wine_rs_tools::{cell, compat_md, fetch};

const USAGE: &str = "\
Usage: coverage [OPTIONS]

Counts the msvcrt.dll and ucrtbase.dll exports (from mingw-w64's import libraries) that wine-rs
implements, and lists the CRT functions that the test apps and the matrix programs import but
wine-rs does not implement. Writes the coverage section of docs/compat.md.

Options:
  --mingw-lib DIR   where libmsvcrt.a, libucrtbase.a, libucrt.a are (default
                    /usr/x86_64-w64-mingw32/lib)
  --out FILE        the document (default docs/compat.md)
  --cache DIR       the matrix download cache
  --no-write        print the section instead of writing it
  -h, --help        this help
";

/// DLL name (lower-case) → export names, from one import library.
type Exports = BTreeMap<String, BTreeSet<String>>;

/// Read every import member of the archive at `path`.
fn import_lib_exports(path: &Path) -> Result<Exports, String> {
    let data = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let archive = ArchiveFile::parse(&*data).map_err(|e| format!("{}: {e}", path.display()))?;
    // Long format: group (from `_head_<group>`) → names; group → DLL (from the tail member).
    let mut by_group: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut group_dll: BTreeMap<String, String> = BTreeMap::new();
    let mut out = Exports::new();
    for member in archive.members() {
        let member = member.map_err(|e| format!("{}: {e}", path.display()))?;
        let Ok(bytes) = member.data(&*data) else {
            continue;
        };
        if let Ok(imp) = ImportFile::parse(bytes) {
            let dll = String::from_utf8_lossy(imp.dll()).to_ascii_lowercase();
            let name = match imp.import() {
                ImportName::Name(n) => String::from_utf8_lossy(n).into_owned(),
                ImportName::Ordinal(_) => continue,
            };
            out.entry(dll).or_default().insert(name);
            continue;
        }
        let Ok(coff) = CoffFile::<&[u8]>::parse(bytes) else {
            continue;
        };
        let head = coff.symbols().filter(|s| s.is_undefined()).find_map(|s| {
            s.name()
                .ok()
                .and_then(|n| n.strip_prefix("_head_"))
                .map(str::to_string)
        });
        if let Some(group) = head
            && let Some(sec) = coff.section_by_name(".idata$6")
            && let Ok(d) = sec.data()
            && d.len() > 2
        {
            let name: Vec<u8> = d[2..].iter().take_while(|b| **b != 0).copied().collect();
            if !name.is_empty() {
                by_group
                    .entry(group)
                    .or_default()
                    .insert(String::from_utf8_lossy(&name).into_owned());
            }
            continue;
        }
        let iname = coff.symbols().filter(|s| !s.is_undefined()).find_map(|s| {
            s.name()
                .ok()
                .and_then(|n| n.strip_prefix("__"))
                .and_then(|n| n.strip_suffix("_iname"))
                .map(str::to_string)
        });
        if let Some(group) = iname
            && let Some(sec) = coff.section_by_name(".idata$7")
            && let Ok(d) = sec.data()
        {
            let name: Vec<u8> = d.iter().take_while(|b| **b != 0).copied().collect();
            group_dll.insert(group, String::from_utf8_lossy(&name).to_ascii_lowercase());
        }
    }
    for (group, names) in by_group {
        let dll = group_dll
            .get(&group)
            .cloned()
            .unwrap_or_else(|| format!("?{group}"));
        out.entry(dll).or_default().extend(names);
    }
    Ok(out)
}

/// The names wine-rs's builtin `dll` exports.
fn implemented(dll: &str) -> BTreeSet<String> {
    loader::builtin::find(dll)
        .map(|b| {
            loader::builtin::exports(b)
                .keys()
                .map(|k| k.to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// One CRT import seen in a program.
struct Seen {
    status: Status,
    importers: BTreeSet<String>,
}

fn main() {
    let repo = wine_rs_tools::repo_root();
    let mut lib = PathBuf::from("/usr/x86_64-w64-mingw32/lib");
    let mut out = repo.join("docs/compat.md");
    let mut cache = fetch::cache_dir();
    let mut write = true;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || {
            args.next().unwrap_or_else(|| {
                eprintln!("coverage: {a} needs a value\n\n{USAGE}");
                std::process::exit(2)
            })
        };
        match a.as_str() {
            "--mingw-lib" => lib = PathBuf::from(val()),
            "--out" => out = PathBuf::from(val()),
            "--cache" => cache = PathBuf::from(val()),
            "--no-write" => write = false,
            "-h" | "--help" => {
                print!("{USAGE}");
                return;
            }
            _ => {
                eprintln!("coverage: unknown argument '{a}'\n\n{USAGE}");
                std::process::exit(2)
            }
        }
    }

    // The CRT export lists.
    let read = |f: &str| {
        import_lib_exports(&lib.join(f)).unwrap_or_else(|e| {
            eprintln!(
                "coverage: {e}\n(install mingw-w64: tools/ensure-mingw, or pass --mingw-lib)"
            );
            std::process::exit(1)
        })
    };
    let msvcrt_lib = read("libmsvcrt.a");
    let ucrtbase_lib = read("libucrtbase.a");
    let apisets_lib = read("libucrt.a");
    let crts: [(&str, &str, BTreeSet<String>); 2] = [
        (
            "msvcrt.dll",
            "libmsvcrt.a",
            msvcrt_lib.get("msvcrt.dll").cloned().unwrap_or_default(),
        ),
        (
            "ucrtbase.dll",
            "libucrtbase.a",
            ucrtbase_lib
                .get("ucrtbase.dll")
                .cloned()
                .unwrap_or_default(),
        ),
    ];

    // What the programs import from the CRTs.
    let programs = programs(&repo, &cache);
    let mut seen: BTreeMap<(&'static str, String), Seen> = BTreeMap::new();
    for (label, path, extra) in &programs {
        let report = loader::check::check(path, extra);
        for m in &report.modules {
            for imp in &m.imports {
                let Provider::Builtin { dll, .. } = imp.provider else {
                    continue;
                };
                if dll != "msvcrt.dll" && dll != "ucrtbase.dll" {
                    continue;
                }
                for f in &imp.funcs {
                    let s = seen.entry((dll, f.name.clone())).or_insert(Seen {
                        status: f.status,
                        importers: BTreeSet::new(),
                    });
                    let who = if m.name.eq_ignore_ascii_case(&file_name(path)) {
                        label.clone()
                    } else {
                        format!("{label} ({})", m.name)
                    };
                    s.importers.insert(who);
                }
            }
        }
    }

    let mut md = String::new();
    let _ = writeln!(md, "## CRT coverage\n");
    let _ = writeln!(
        md,
        "Generated on {}. Exports: the import libraries of mingw-w64 (`{}`), one member per export. Implemented: \
         present in wine-rs's builtin export table. Stubbed: imported by a program below but not implemented \
         (the loader binds a stub that reports the call). Missing: neither. Programs scanned ({}): the test apps in \
         both CRT builds (`test-apps/build/*/`, every .exe and .dll) and the matrix programs \
         (`test-apps/apps/*.toml`).\n",
        wine_rs_tools::today(),
        lib.display(),
        programs.len()
    );
    let _ = writeln!(
        md,
        "| DLL | Exports | Implemented | Stubbed | Missing | Imported by the programs | Coverage |"
    );
    let _ = writeln!(md, "|---|---|---|---|---|---|---|");
    let mut extras = Vec::new();
    for (dll, libname, exports) in &crts {
        let imp = implemented(dll);
        let imported: BTreeSet<&String> = seen
            .keys()
            .filter(|(d, _)| d == dll)
            .map(|(_, f)| f)
            .collect();
        let impl_in = imp.iter().filter(|f| exports.contains(*f)).count();
        let stubbed: BTreeSet<&&String> = imported.iter().filter(|f| !imp.contains(**f)).collect();
        let stubbed_in = stubbed.iter().filter(|f| exports.contains(***f)).count();
        let missing = exports.len() - impl_in - stubbed_in;
        let imported_impl = imported.iter().filter(|f| imp.contains(**f)).count();
        let _ = writeln!(
            md,
            "| {dll} | {} (`{libname}`) | {impl_in} | {} | {missing} | {imported_impl}/{} implemented | {:.1}% |",
            exports.len(),
            stubbed.len(),
            imported.len(),
            100.0 * impl_in as f64 / exports.len().max(1) as f64
        );
        let extra: Vec<&String> = imp.iter().filter(|f| !exports.contains(*f)).collect();
        if !extra.is_empty() {
            extras.push(format!(
                "- {dll}: {} more implemented exports are not in `{libname}` (marked * in the list \
                 below; mingw-w64 links its own code for most of them, e.g. C99 math for msvcrt.dll)",
                extra.len(),
            ));
        }
    }
    if !extras.is_empty() {
        let _ = writeln!(md, "\n{}", extras.join("\n"));
    }

    // The UCRT by apiset (what programs built against the UCRT import).
    let ucrt_impl = implemented("ucrtbase.dll");
    let _ = writeln!(md, "\n### The UCRT by api-ms-win-crt set\n");
    let _ = writeln!(
        md,
        "From `libucrt.a`; every set is served by the builtin ucrtbase.dll.\n"
    );
    let _ = writeln!(md, "| Set | Exports | Implemented | Coverage |");
    let _ = writeln!(md, "|---|---|---|---|");
    for (set, names) in apisets_lib
        .iter()
        .filter(|(d, _)| d.starts_with("api-ms-win-crt-"))
    {
        let n = names.iter().filter(|f| ucrt_impl.contains(*f)).count();
        let _ = writeln!(
            md,
            "| {set} | {} | {n} | {:.1}% |",
            names.len(),
            100.0 * n as f64 / names.len().max(1) as f64
        );
    }

    // ntdll.dll's own C runtime exports (served by the CRT's code).
    if let Ok(nt) = import_lib_exports(&lib.join("libntdllcrt.a")) {
        let names = nt.get("ntdll.dll").cloned().unwrap_or_default();
        let nt_impl = implemented("ntdll.dll");
        let missing: Vec<&String> = names.iter().filter(|f| !nt_impl.contains(*f)).collect();
        let _ = writeln!(md, "\n### ntdll.dll's C runtime part\n");
        let _ = writeln!(
            md,
            "From `libntdllcrt.a`: {} exports, {} implemented (msvcrt.dll's code, bound into ntdll.dll's \
             table), {:.1}%.{}",
            names.len(),
            names.len() - missing.len(),
            100.0 * (names.len() - missing.len()) as f64 / names.len().max(1) as f64,
            if missing.is_empty() {
                String::new()
            } else {
                format!(
                    " Not implemented: {}.",
                    missing.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
                )
            }
        );
    }

    // Every CRT function a program imports that is not implemented.
    let un: Vec<(&(&str, String), &Seen)> = seen
        .iter()
        .filter(|(_, s)| s.status.is_unimplemented())
        .collect();
    let _ = writeln!(
        md,
        "\n### CRT functions imported but not implemented ({})\n",
        un.len()
    );
    if un.is_empty() {
        let _ = writeln!(md, "None.");
    } else {
        let _ = writeln!(md, "| DLL | Function | Imported by |");
        let _ = writeln!(md, "|---|---|---|");
        for ((dll, f), s) in un {
            let who: Vec<&str> = s.importers.iter().map(String::as_str).collect();
            let _ = writeln!(md, "| {dll} | `{f}` | {} |", cell(&who.join(", "), 400));
        }
    }

    // The implemented lists.
    for (dll, _, exports) in &crts {
        let imp = implemented(dll);
        let _ = writeln!(
            md,
            "\n<details><summary>{dll}: the {} implemented exports</summary>\n",
            imp.len()
        );
        let names: Vec<String> = imp
            .iter()
            .map(|f| {
                if exports.contains(f) {
                    format!("`{f}`")
                } else {
                    format!("`{f}`*")
                }
            })
            .collect();
        let _ = writeln!(md, "{}\n", names.join(", "));
        let _ = writeln!(md, "(* not in mingw-w64's import library)\n\n</details>");
    }

    if write {
        compat_md::replace_section(&out, "coverage", &md).unwrap_or_else(|e| {
            eprintln!("coverage: {}: {e}", out.display());
            std::process::exit(1)
        });
        eprintln!("coverage: wrote {}", out.display());
    } else {
        println!("{md}");
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// (label, path, DLLs loaded at run time) of every program to scan: the built test apps (built
/// first when mingw is there) and the matrix programs (downloaded when not cached).
fn programs(repo: &Path, cache: &Path) -> Vec<(String, PathBuf, Vec<String>)> {
    let build = repo.join("test-apps/build.sh");
    match std::process::Command::new(&build).output() {
        Ok(o) if o.status.success() => {}
        _ => eprintln!(
            "coverage: {} failed; scanning what is built",
            build.display()
        ),
    }
    let mut v = Vec::new();
    let mut files = BTreeSet::new();
    for variant in ["msvcrt", "ucrt"] {
        let dir = repo.join("test-apps/build").join(variant);
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("exe") || x.eq_ignore_ascii_case("dll"))
            })
            .collect();
        paths.sort();
        for p in paths {
            files.insert(p.canonicalize().unwrap_or_else(|_| p.clone()));
            v.push((format!("{variant}/{}", file_name(&p)), p, Vec::new()));
        }
    }
    match manifest::load_dir(&repo.join("test-apps/apps")) {
        Ok(entries) => {
            for e in &entries {
                for row in e.rows() {
                    match fetch::obtain(&row, repo, cache) {
                        Ok(p) => {
                            let canon = p.canonicalize().unwrap_or_else(|_| p.clone());
                            if files.insert(canon) {
                                v.push((row.label(), p, e.check_dlls.clone()));
                            }
                        }
                        Err(err) => eprintln!("coverage: {}: {err}", row.label()),
                    }
                }
            }
        }
        Err(e) => eprintln!("coverage: {e}"),
    }
    v
}
