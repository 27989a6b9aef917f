//! The builtin DLLs (Rust crates), the apiset table that maps api-ms-win-* names onto them,
//! and the stubs that unimplemented imports bind to.

use dllcore::{BuiltinDll, ExportKind};
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

/// Every builtin DLL, by crate.
fn all() -> impl Iterator<Item = &'static BuiltinDll> {
    kernel32::DLLS
        .iter()
        .chain(msvcrt::DLLS.iter())
        .chain(ntdll::DLLS.iter())
        .chain(shell32::DLLS.iter())
        .chain(oleaut32::DLLS.iter())
        .chain(user32::DLLS.iter())
        .chain(advapi32::DLLS.iter())
        .chain(vcruntime140::DLLS.iter())
        .chain(bcrypt::DLLS.iter())
}

/// Map an apiset name ("api-ms-win-crt-stdio-l1-1-0.dll") to the DLL implementing it.
/// `name` is lower-case. Returns None for names that are not apisets.
pub fn apiset_target(name: &str) -> Option<&'static str> {
    if name.starts_with("api-ms-win-crt-") {
        Some("ucrtbase.dll")
    } else if name.starts_with("api-ms-win-core-") || name.starts_with("ext-ms-win-") || name.starts_with("api-ms-win-") {
        Some("kernelbase.dll")
    } else {
        None
    }
}

/// Normalise a DLL name as Windows compares them: lower-case, ".dll" appended when there is
/// no extension, directory stripped.
pub fn normalize(name: &str) -> String {
    let base = name.rsplit(['\\', '/']).next().unwrap_or(name);
    let mut l = base.to_ascii_lowercase();
    if !l.contains('.') {
        l.push_str(".dll");
    } else if l.ends_with('.') {
        l.pop();
    }
    l
}

/// The builtin DLL answering to a (normalised) name, after apiset mapping.
pub fn find(lname: &str) -> Option<&'static BuiltinDll> {
    let target = apiset_target(lname).unwrap_or(lname);
    all().find(|d| d.name == target)
}

/// Is this (normalised) name an apiset?
pub fn is_apiset(lname: &str) -> bool {
    apiset_target(lname).is_some()
}

/// A builtin DLL's exports by name: (address, kind).
pub type ExportMap = HashMap<&'static str, (usize, ExportKind)>;

static MAPS: LazyLock<Mutex<HashMap<&'static str, &'static ExportMap>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The export map of a builtin DLL (built once).
pub fn exports(dll: &'static BuiltinDll) -> &'static ExportMap {
    let mut maps = MAPS.lock().unwrap_or_else(|e| e.into_inner());
    maps.entry(dll.name).or_insert_with(|| {
        let mut m = HashMap::new();
        for e in dll.iter() {
            // A later declaration of the same name is a bug; the first wins.
            m.entry(e.name).or_insert((e.addr as usize, e.kind));
        }
        if dll.name == "ntdll.dll" {
            add_ntdll_crt(&mut m);
        }
        Box::leak(Box::new(m))
    })
}

/// ntdll.dll's C runtime exports (`msvcrt::ntdllcrt`): msvcrt.dll's functions of those names.
fn add_ntdll_crt(m: &mut ExportMap) {
    let Some(crt) = all().find(|d| d.name == "msvcrt.dll") else { return };
    for e in crt.iter() {
        if msvcrt::ntdllcrt::NTDLL_CRT.contains(&e.name) {
            m.entry(e.name).or_insert((e.addr as usize, e.kind));
        }
    }
}

/// A builtin DLL's export with a fixed ordinal (`#[export(ordinal = N)]`).
pub fn export_by_ordinal(dll: &'static BuiltinDll, ordinal: u16) -> Option<(&'static str, usize, ExportKind)> {
    dll.iter().find(|e| e.ordinal == ordinal).map(|e| (e.name, e.addr as usize, e.kind))
}

/// The names of all builtin DLLs (for `check` and diagnostics).
pub fn names() -> Vec<&'static str> {
    all().map(|d| d.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two declarations of one export name in a DLL: only the first would be bound, so the
    /// second is dead code that looks alive (this happens when two branches add the same
    /// function). Every builtin DLL declares each name once.
    #[test]
    fn ntdll_serves_the_crt_functions_msvcrt_has() {
        let nt = exports(find("ntdll.dll").unwrap());
        let crt = exports(find("msvcrt.dll").unwrap());
        for name in ["_vsnprintf", "sprintf", "memcpy", "strlen", "_wcsicmp", "qsort", "towupper"] {
            assert!(nt.contains_key(name), "ntdll.dll exports {name}");
            assert_eq!(nt[name].0, crt[name].0, "{name} is msvcrt.dll's");
        }
        assert!(!nt.contains_key("fopen"), "ntdll.dll has no stdio");
        // ntdll's own functions keep their place.
        assert!(nt.contains_key("RtlNtStatusToDosError"));
    }

    #[test]
    fn export_names_are_unique_per_dll() {
        let mut dups = Vec::new();
        for dll in all() {
            let mut seen = std::collections::HashSet::new();
            for e in dll.iter() {
                if !seen.insert(e.name) {
                    dups.push(format!("{}!{}", dll.name, e.name));
                }
            }
        }
        assert!(dups.is_empty(), "exports declared twice: {dups:?}");
    }
}
