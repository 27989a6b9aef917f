//! The prefix and its drives.
//!
//! The prefix is `$WINE_RS_PREFIX`, else `~/.wine-rs`. On first use it is created (a few
//! directories and two symbolic links, well under a millisecond when it exists, a few when
//! it does not):
//!
//! ```text
//! dosdevices/c: -> ../drive_c            drive_c/windows/system32
//! dosdevices/z: -> /                     drive_c/windows/system32/cmd.exe (a placeholder:
//!                                            `crate::process::builtin`)
//!                                        drive_c/users/<user>/{Desktop,Documents,Temp,
//!                                                              AppData/Roaming,AppData/Local}
//!                                        drive_c/users/Public, drive_c/ProgramData,
//!                                        drive_c/Program Files, drive_c/Program Files (x86)
//! ```
//!
//! As in Wine, a drive is a symbolic link `dosdevices/<letter>:` to its Unix root: adding one
//! (`ln -s /mnt/data ~/.wine-rs/dosdevices/d:`) adds drive D:. The drive table is read once per
//! process. `crate::env` puts the matching Windows variables (TEMP, USERPROFILE, ...) in the
//! process environment.

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One drive: its letter (upper case) and the canonical Unix directory it maps.
#[derive(Debug, Clone)]
pub struct Drive {
    pub letter: u8,
    pub root: PathBuf,
    /// The root as a string ending without '/' (empty for `/`), for prefix matching.
    root_str: String,
}

pub struct Prefix {
    pub dir: PathBuf,
    pub user: String,
    pub drives: Vec<Drive>,
}

static PREFIX: OnceLock<Prefix> = OnceLock::new();
static OVERRIDE: OnceLock<PathBuf> = OnceLock::new();

/// Use `dir` as the prefix (before anything else uses it; for tests and tools). Returns false
/// when the prefix was already chosen.
pub fn set_prefix_dir(dir: &Path) -> bool {
    OVERRIDE.set(dir.to_path_buf()).is_ok() && PREFIX.get().is_none()
}

fn user_name() -> String {
    if let Ok(u) = std::env::var("USER")
        && !u.is_empty()
        && !u.contains('/')
    {
        return u;
    }
    // SAFETY: getpwuid returns NULL or a pointer to a static record.
    unsafe {
        let pw = libc::getpwuid(libc::getuid());
        if !pw.is_null() && !(*pw).pw_name.is_null() {
            return std::ffi::CStr::from_ptr((*pw).pw_name).to_string_lossy().into_owned();
        }
    }
    "user".into()
}

fn prefix_location() -> PathBuf {
    if let Some(p) = OVERRIDE.get() {
        return p.clone();
    }
    // This crate's own tests never touch the user's prefix.
    if cfg!(test) {
        return std::env::temp_dir().join(format!("wine-rs-prefix-test-{}", unsafe { libc::getuid() }));
    }
    if let Some(p) = std::env::var_os("WINE_RS_PREFIX").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/tmp"));
    home.join(".wine-rs")
}

fn mkdir(p: &Path) {
    let _ = std::fs::create_dir(p);
}

/// Create what is missing of the prefix's skeleton.
fn create_skeleton(dir: &Path, user: &str) {
    let _ = std::fs::create_dir_all(dir);
    let dd = dir.join("dosdevices");
    mkdir(&dd);
    let c = dir.join("drive_c");
    for sub in [
        "",
        "windows",
        "windows/system32",
        "windows/temp",
        "users",
        "users/Public",
        "ProgramData",
        "Program Files",
        "Program Files (x86)",
    ] {
        mkdir(&c.join(sub));
    }
    let home = c.join("users").join(user);
    for sub in ["", "Desktop", "Documents", "Temp", "AppData", "AppData/Roaming", "AppData/Local", "AppData/Local/Temp"]
    {
        mkdir(&home.join(sub));
    }
    let _ = std::os::unix::fs::symlink("../drive_c", dd.join("c:"));
    let _ = std::os::unix::fs::symlink("/", dd.join("z:"));
}

fn read_drives(dir: &Path) -> Vec<Drive> {
    let mut drives = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir.join("dosdevices")) else { return drives };
    for e in rd.flatten() {
        let name = e.file_name();
        let b = name.as_bytes();
        if b.len() != 2 || b[1] != b':' || !b[0].is_ascii_alphabetic() {
            continue;
        }
        let Ok(root) = std::fs::canonicalize(e.path()) else { continue };
        if !root.is_dir() {
            continue;
        }
        let s = root.to_string_lossy().trim_end_matches('/').to_string();
        drives.push(Drive { letter: b[0].to_ascii_uppercase(), root, root_str: s });
    }
    drives.sort_by_key(|d| d.letter);
    drives
}

/// The prefix (created and read on first use).
pub fn prefix() -> &'static Prefix {
    PREFIX.get_or_init(|| {
        let dir = prefix_location();
        let user = user_name();
        let probe = dir.join("drive_c").join("users").join(&user).join("AppData/Local/Temp");
        if !probe.is_dir() || !dir.join("dosdevices").is_dir() {
            create_skeleton(&dir, &user);
        }
        // The built-in programs' placeholders (cmd.exe): a stat each when present.
        crate::process::builtin::install(&dir.join("drive_c/windows/system32"));
        let mut drives = read_drives(&dir);
        if !drives.iter().any(|d| d.letter == b'Z') {
            drives.push(Drive { letter: b'Z', root: PathBuf::from("/"), root_str: String::new() });
        }
        Prefix { dir, user, drives }
    })
}

/// The Unix root of drive `letter` (either case).
pub fn drive_root(letter: u8) -> Option<&'static Path> {
    let l = letter.to_ascii_uppercase();
    prefix().drives.iter().find(|d| d.letter == l).map(|d| d.root.as_path())
}

/// The letters of the mapped drives, as a GetLogicalDrives bit mask.
pub fn drive_mask() -> u32 {
    prefix().drives.iter().fold(0, |m, d| m | 1 << (d.letter - b'A'))
}

/// The drive whose root holds `path` (absolute, normalised), preferring the deepest root:
/// a file inside the prefix is on C:, not Z:. Returns the drive and the rest of the path
/// (empty or starting with '/').
pub fn drive_of(path: &str) -> Option<(&'static Drive, &str)> {
    let mut best: Option<(&Drive, &str)> = None;
    for d in &prefix().drives {
        if let Some(rest) = path.strip_prefix(d.root_str.as_str())
            && (rest.is_empty() || rest.starts_with('/'))
            && best.is_none_or(|(b, _)| d.root_str.len() > b.root_str.len())
        {
            best = Some((d, rest));
        }
    }
    best
}

/// A Unix path as Windows sees it: `/home/x/app.exe` → `Z:\home\x\app.exe`, a path inside
/// drive_c → `C:\...`. Relative paths are taken from the host's current directory. Symbolic
/// links are not resolved (the path is normalised lexically).
pub fn unix_to_dos(path: &str) -> String {
    let abs = if path.starts_with('/') {
        super::dos::normalize_unix(path)
    } else {
        let cwd = std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| "/".into());
        super::dos::normalize_unix(&format!("{cwd}/{path}"))
    };
    match drive_of(&abs) {
        Some((d, rest)) => {
            let mut s = String::with_capacity(rest.len() + 3);
            s.push(d.letter as char);
            s.push(':');
            if rest.is_empty() {
                s.push('\\');
            }
            s.extend(rest.chars().map(|c| if c == '/' { '\\' } else { c }));
            s
        }
        // No drive maps it (Z: was removed): show it on a drive that does not exist.
        None => format!("\\\\?\\unix{}", abs.replace('/', "\\")),
    }
}

/// The DOS paths of the prefix's well-known folders.
pub fn windows_dir() -> String {
    "C:\\windows".into()
}

pub fn system_dir() -> String {
    "C:\\windows\\system32".into()
}

pub fn user_profile() -> String {
    format!("C:\\users\\{}", prefix().user)
}

/// The temporary directory (what TEMP and TMP hold, as `crate::env` sets them).
pub fn temp_dir() -> String {
    format!("{}\\AppData\\Local\\Temp", user_profile())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_drives_and_reverse_mapping() {
        let p = crate::path::tests::test_prefix();
        assert!(p.join("drive_c/windows/system32").is_dir());
        assert!(p.join(format!("drive_c/users/{}/AppData/Roaming", prefix().user)).is_dir());
        assert!(drive_root(b'c').is_some());
        assert_eq!(drive_root(b'Z'), Some(Path::new("/")));
        assert_eq!(drive_root(b'Q'), None);
        assert_eq!(drive_mask() & (1 << 2 | 1 << 25), 1 << 2 | 1 << 25);
        let c = drive_root(b'C').unwrap().to_string_lossy().into_owned();
        assert_eq!(unix_to_dos(&format!("{c}/windows/x.dll")), "C:\\windows\\x.dll");
        assert_eq!(unix_to_dos(&c), "C:\\");
        assert_eq!(unix_to_dos("/tmp/a b/app.exe"), "Z:\\tmp\\a b\\app.exe");
        assert_eq!(unix_to_dos("/"), "Z:\\");
        assert_eq!(unix_to_dos("/tmp/../etc//x"), "Z:\\etc\\x");
        let temp: Vec<u16> = "TEMP".encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&crate::env::get(&temp).unwrap()), temp_dir());
        assert!(p.join(format!("drive_c/users/{}/AppData/Local/Temp", prefix().user)).is_dir());
    }
}
