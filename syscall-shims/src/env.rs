//! The process environment as Windows keeps it: `NAME=VALUE` strings in UTF-16, names compared
//! case-insensitively, sorted as RtlSetEnvironmentVariable keeps them. The host's own
//! environment (libc `environ`) is not changed.
//!
//! Initialised on first use from the host environment, plus the variables every Windows
//! program expects ([`windows_variables`]: SystemRoot, TEMP, USERPROFILE, PATH in Windows
//! form...), unless a wine-rs parent passed its Windows environment block as is
//! ([`set_windows_form`]). The hand-off variables of a wine-rs parent (`WINE_RS_CHILD_*`)
//! never appear.

use std::cmp::Ordering;
use std::sync::atomic::AtomicBool;
use std::sync::{LazyLock, Mutex};
use windows_sys::Win32::Foundation::ERROR_INVALID_PARAMETER;

/// Set when the host environment already is a Windows one (a wine-rs parent's block).
static WINDOWS_FORM: AtomicBool = AtomicBool::new(false);

/// The host environment is a Windows environment block already (a wine-rs parent passed it):
/// add nothing, convert nothing. Call before the environment is first used.
pub fn set_windows_form() {
    WINDOWS_FORM.store(true, std::sync::atomic::Ordering::Release);
}

static ENV: LazyLock<Mutex<Vec<Vec<u16>>>> = LazyLock::new(|| {
    let mut vars: Vec<(String, String)> = std::env::vars_os()
        .map(|(k, v)| (k.to_string_lossy().into_owned(), v.to_string_lossy().into_owned()))
        .filter(|(k, _)| !k.starts_with("WINE_RS_CHILD_"))
        .collect();
    if !WINDOWS_FORM.load(std::sync::atomic::Ordering::Acquire) {
        let add = windows_variables(&vars);
        for (k, v) in add {
            vars.retain(|(n, _)| !n.eq_ignore_ascii_case(&k));
            vars.push((k, v));
        }
    }
    let mut v: Vec<Vec<u16>> = vars.into_iter().map(|(k, val)| format!("{k}={val}").encode_utf16().collect()).collect();
    v.sort_by(|a, b| compare_names(name_of(a), name_of(b)));
    Mutex::new(v)
});

/// COMPUTERNAME: the host name, upper-cased, at most 15 characters (a NetBIOS name).
fn computer_name() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: a buffer of its stated size.
    let ok = unsafe { libc::gethostname(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) } == 0;
    let name = if ok {
        let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        String::from_utf8_lossy(&buf[..end]).into_owned()
    } else {
        String::new()
    };
    let name = name.split('.').next().unwrap_or("").to_uppercase();
    let name: String = name.chars().take(15).collect();
    if name.is_empty() { "WINE-RS".to_string() } else { name }
}

/// PROCESSOR_IDENTIFIER, PROCESSOR_LEVEL, PROCESSOR_REVISION from /proc/cpuinfo.
fn processor_variables() -> Vec<(String, String)> {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let field = |name: &str| {
        info.lines()
            .find(|l| l.split(':').next().is_some_and(|k| k.trim() == name))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let vendor = field("vendor_id");
    let family: u32 = field("cpu family").parse().unwrap_or(6);
    let model: u32 = field("model").parse().unwrap_or(0);
    let stepping: u32 = field("stepping").parse().unwrap_or(0);
    let arch = if vendor == "GenuineIntel" { "Intel64" } else { "AMD64" };
    let vendor = if vendor.is_empty() { "GenuineIntel".to_string() } else { vendor };
    vec![
        ("PROCESSOR_IDENTIFIER".into(), format!("{arch} Family {family} Model {model} Stepping {stepping}, {vendor}")),
        ("PROCESSOR_LEVEL".into(), family.to_string()),
        ("PROCESSOR_REVISION".into(), format!("{:04x}", (model << 8) | stepping)),
    ]
}

/// The system directories that lead PATH.
pub const SYSTEM_PATH: &str =
    "C:\\windows\\system32;C:\\windows;C:\\windows\\system32\\wbem;C:\\windows\\system32\\WindowsPowerShell\\v1.0";

/// The variables Windows sets for every process, in the prefix layout (`crate::path::drives`:
/// C:\windows, C:\users\<user>): added to (and replacing) the host's. PATH is the system
/// directories followed by the host's PATH entries as DOS paths (Z:\usr\bin).
pub fn windows_variables(host: &[(String, String)]) -> Vec<(String, String)> {
    use crate::path::drives;
    let user = drives::prefix().user.clone();
    let profile = drives::user_profile();
    let windir = drives::windows_dir();
    let computer = computer_name();
    let host_path = host.iter().find(|(k, _)| k == "PATH").map(|(_, v)| v.as_str()).unwrap_or("");
    let mut path = SYSTEM_PATH.to_string();
    for dir in host_path.split(':').filter(|d| d.starts_with('/')) {
        path.push(';');
        path.push_str(&crate::path::unix_to_dos(dir));
    }
    let s = |k: &str, v: String| (k.to_string(), v);
    let mut v = vec![
        s("ALLUSERSPROFILE", "C:\\ProgramData".into()),
        s("APPDATA", format!("{profile}\\AppData\\Roaming")),
        s("CommonProgramFiles", "C:\\Program Files\\Common Files".into()),
        s("CommonProgramFiles(x86)", "C:\\Program Files (x86)\\Common Files".into()),
        s("CommonProgramW6432", "C:\\Program Files\\Common Files".into()),
        s("COMPUTERNAME", computer.clone()),
        s("ComSpec", format!("{}\\cmd.exe", drives::system_dir())),
        s("HOMEDRIVE", "C:".into()),
        s("HOMEPATH", format!("\\users\\{user}")),
        s("LOCALAPPDATA", format!("{profile}\\AppData\\Local")),
        s("NUMBER_OF_PROCESSORS", crate::sync::processor_count().to_string()),
        s("OS", "Windows_NT".into()),
        s("PATH", path),
        s("PATHEXT", ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC".into()),
        s("PROCESSOR_ARCHITECTURE", "AMD64".into()),
        s("ProgramData", "C:\\ProgramData".into()),
        s("ProgramFiles", "C:\\Program Files".into()),
        s("ProgramFiles(x86)", "C:\\Program Files (x86)".into()),
        s("ProgramW6432", "C:\\Program Files".into()),
        s("PUBLIC", "C:\\users\\Public".into()),
        s("SystemDrive", "C:".into()),
        s("SystemRoot", windir.clone()),
        s("TEMP", drives::temp_dir()),
        s("TMP", drives::temp_dir()),
        s("USERDOMAIN", computer),
        s("USERNAME", user),
        s("USERPROFILE", profile),
        s("windir", windir),
    ];
    v.extend(processor_variables());
    v
}

fn env() -> std::sync::MutexGuard<'static, Vec<Vec<u16>>> {
    ENV.lock().unwrap_or_else(|e| e.into_inner())
}

/// The name part of a `NAME=VALUE` entry. A leading '=' belongs to the name (`=C:=C:\dir`).
fn name_of(entry: &[u16]) -> &[u16] {
    let eq = entry.iter().skip(1).position(|&c| c == b'=' as u16).map(|p| p + 1).unwrap_or(entry.len());
    &entry[..eq]
}

/// Upper-case one UTF-16 unit as RtlUpcaseUnicodeChar does (simple one-to-one mappings).
pub fn upcase_unit(c: u16) -> u16 {
    if c < 0x80 {
        return (c as u8).to_ascii_uppercase() as u16;
    }
    match char::from_u32(c as u32) {
        Some(ch) => {
            let mut up = ch.to_uppercase();
            match (up.next(), up.next()) {
                (Some(u), None) if (u as u32) < 0x10000 => u as u32 as u16,
                _ => c,
            }
        }
        None => c,
    }
}

/// Case-insensitive order of names, as RtlCompareUnicodeString(.., TRUE).
pub fn compare_names(a: &[u16], b: &[u16]) -> Ordering {
    let ai = a.iter().map(|&c| upcase_unit(c));
    let bi = b.iter().map(|&c| upcase_unit(c));
    ai.cmp(bi)
}

/// The value of `name` (without NUL), if set.
pub fn get(name: &[u16]) -> Option<Vec<u16>> {
    let e = env();
    e.iter()
        .find(|entry| compare_names(name_of(entry), name) == Ordering::Equal)
        .map(|entry| entry[name_of(entry).len() + 1..].to_vec())
}

/// Set (`Some`) or delete (`None`) a variable. Deleting a missing one succeeds. The name must be
/// non-empty and hold no '=' after its first character (ERROR_INVALID_PARAMETER otherwise).
pub fn set(name: &[u16], value: Option<&[u16]>) -> Result<(), u32> {
    if name.is_empty() || name.iter().skip(1).any(|&c| c == b'=' as u16) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let mut e = env();
    let pos = e.binary_search_by(|entry| compare_names(name_of(entry), name));
    // The host environment may hold names differing only in case; find any exact match too.
    let pos = match pos {
        Ok(p) => Ok(p),
        Err(p) => e.iter().position(|entry| compare_names(name_of(entry), name) == Ordering::Equal).ok_or(p),
    };
    match (pos, value) {
        (Ok(p), None) => {
            e.remove(p);
        }
        (Err(_), None) => {}
        (pos, Some(v)) => {
            let mut entry = Vec::with_capacity(name.len() + 1 + v.len());
            entry.extend_from_slice(name);
            entry.push(b'=' as u16);
            entry.extend_from_slice(v);
            match pos {
                Ok(p) => e[p] = entry,
                Err(p) => e.insert(p, entry),
            }
        }
    }
    Ok(())
}

/// The environment block: each `NAME=VALUE` NUL-terminated, then one more NUL.
pub fn block() -> Vec<u16> {
    let e = env();
    let mut out = Vec::with_capacity(e.iter().map(|s| s.len() + 1).sum::<usize>() + 2);
    for entry in e.iter() {
        out.extend_from_slice(entry);
        out.push(0);
    }
    if out.is_empty() {
        out.push(0);
    }
    out.push(0);
    out
}

/// Every variable as (name, value) strings (for C runtimes building `environ`).
pub fn vars() -> Vec<(String, String)> {
    env()
        .iter()
        .map(|entry| {
            let n = name_of(entry);
            (String::from_utf16_lossy(n), String::from_utf16_lossy(&entry[n.len() + 1..]))
        })
        .collect()
}

/// ExpandEnvironmentStrings: replace each `%NAME%` whose variable is set by its value (names
/// case-insensitive). A `%NAME%` of an unset variable (or `%%`) is copied as is, both `%`s
/// included, and scanning goes on after it (as Wine does: `%unset%X%` stays unchanged); a `%`
/// without a closing one is copied.
pub fn expand(src: &[u16]) -> Vec<u16> {
    let pct = b'%' as u16;
    let mut out = Vec::with_capacity(src.len());
    let mut i = 0;
    while i < src.len() {
        if src[i] == pct
            && let Some(len) = src[i + 1..].iter().position(|&c| c == pct)
        {
            let name = &src[i + 1..i + 1 + len];
            match (len > 0).then(|| get(name)).flatten() {
                Some(v) => out.extend_from_slice(&v),
                None => out.extend_from_slice(&src[i..i + len + 2]),
            }
            i += len + 2;
            continue;
        }
        out.push(src[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn set_get_delete_case_insensitive() {
        set(&w("WineRsTestVar"), Some(&w("one"))).unwrap();
        assert_eq!(get(&w("WINERSTESTVAR")), Some(w("one")));
        set(&w("winerstestvar"), Some(&w("two"))).unwrap();
        assert_eq!(get(&w("WineRsTestVar")), Some(w("two")));
        // One entry, keeping the new spelling.
        let b = String::from_utf16_lossy(&block());
        assert_eq!(b.to_uppercase().matches("WINERSTESTVAR=").count(), 1);
        set(&w("WINERSTESTVAR"), None).unwrap();
        assert_eq!(get(&w("WineRsTestVar")), None);
        set(&w("WINERSTESTVAR"), None).unwrap();
    }

    #[test]
    fn empty_value_exists() {
        set(&w("WINERS_EMPTY"), Some(&[])).unwrap();
        assert_eq!(get(&w("winers_empty")), Some(vec![]));
        set(&w("WINERS_EMPTY"), None).unwrap();
    }

    #[test]
    fn invalid_names() {
        assert_eq!(set(&[], Some(&w("x"))), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(set(&w("A=B"), Some(&w("x"))), Err(ERROR_INVALID_PARAMETER));
        // A leading '=' is allowed (per-drive current directories).
        set(&w("=Q:"), Some(&w("Q:\\dir"))).unwrap();
        assert_eq!(get(&w("=q:")), Some(w("Q:\\dir")));
        set(&w("=Q:"), None).unwrap();
    }

    #[test]
    fn block_is_double_nul_terminated_and_sorted() {
        set(&w("WINERS_B"), Some(&w("2"))).unwrap();
        set(&w("winers_a"), Some(&w("1"))).unwrap();
        let b = block();
        assert_eq!(&b[b.len() - 2..], &[0, 0]);
        let s = String::from_utf16_lossy(&b);
        let ia = s.find("winers_a=1").unwrap();
        let ib = s.find("WINERS_B=2").unwrap();
        assert!(ia < ib);
        set(&w("WINERS_B"), None).unwrap();
        set(&w("winers_a"), None).unwrap();
    }

    #[test]
    fn host_environment_is_imported_with_windows_variables() {
        let s = |n: &str| get(&w(n)).map(|v| String::from_utf16_lossy(&v));
        // HOME is a host variable any test environment has; it is kept as is.
        if let Ok(home) = std::env::var("HOME") {
            assert_eq!(s("home"), Some(home));
        }
        // PATH: the system directories, then the host's entries as DOS paths.
        let path = s("Path").unwrap();
        assert!(path.starts_with("C:\\windows\\system32;C:\\windows;"), "{path}");
        let host = std::env::var("PATH").unwrap();
        let first = host.split(':').find(|d| d.starts_with('/')).unwrap();
        assert!(path.contains(&format!(";{}", crate::path::unix_to_dos(first))), "{path}");
        for name in [
            "SystemRoot",
            "windir",
            "TEMP",
            "TMP",
            "USERPROFILE",
            "APPDATA",
            "LOCALAPPDATA",
            "ProgramData",
            "COMSPEC",
            "PATHEXT",
            "COMPUTERNAME",
            "USERNAME",
            "NUMBER_OF_PROCESSORS",
            "OS",
            "PROCESSOR_ARCHITECTURE",
        ] {
            assert!(s(name).is_some_and(|v| !v.is_empty()), "{name} is set");
        }
        assert_eq!(s("SYSTEMROOT").as_deref(), Some("C:\\windows"));
        assert_eq!(s("os").as_deref(), Some("Windows_NT"));
        assert_eq!(s("PROCESSOR_ARCHITECTURE").as_deref(), Some("AMD64"));
        assert!(s("USERPROFILE").unwrap().starts_with("C:\\users\\"));
        assert!(s("TEMP").unwrap().ends_with("\\AppData\\Local\\Temp"));
        assert!(s("COMPUTERNAME").unwrap().len() <= 15);
        let n: u32 = s("NUMBER_OF_PROCESSORS").unwrap().parse().unwrap();
        assert!(n >= 1);
    }

    #[test]
    fn expansion() {
        set(&w("WINERS_X"), Some(&w("ex"))).unwrap();
        set(&w("WINERS_EMPTYV"), Some(&[])).unwrap();
        let e = |s: &str| String::from_utf16_lossy(&expand(&w(s)));
        assert_eq!(e("a%winers_x%b"), "aexb");
        assert_eq!(e("%WINERS_X%%WINERS_X%"), "exex");
        assert_eq!(e("%WINERS_NOPE%"), "%WINERS_NOPE%");
        assert_eq!(e("%WINERS_NOPE%WINERS_X%"), "%WINERS_NOPE%WINERS_X%");
        assert_eq!(e("100%"), "100%");
        assert_eq!(e("%%"), "%%");
        assert_eq!(e("%%WINERS_X%"), "%%WINERS_X%");
        assert_eq!(e("%WINERS_X"), "%WINERS_X");
        assert_eq!(e("[%WINERS_EMPTYV%]"), "[]");
        assert_eq!(e(""), "");
        set(&w("WINERS_X"), None).unwrap();
        set(&w("WINERS_EMPTYV"), None).unwrap();
    }
}
