//! DOS path names as Win32 reads them, without touching the disk: the kind of a path
//! (RtlDetermineDosPathNameType_U), device names (RtlIsDosDeviceName_U), the full path
//! (GetFullPathName) and the NT path (RtlDosPathNameToNtPathName_U).
//!
//! The rules, as Windows (and Wine, the oracle) apply them:
//! - `/` is a separator like `\`; runs of separators count as one.
//! - `.` components are dropped, `..` removes the previous one (never above the root: the
//!   drive's `X:\`, a UNC share's `\\server\share\`, or a device prefix's `\\.\`).
//! - a component followed by a separator loses one trailing dot (`a.\b` is `a\b`); the end of
//!   the path loses all its trailing dots and spaces (`b. .` is `b`).
//! - `C:foo` is relative to drive C's current directory: the process's when it is on C:,
//!   else the variable `=C:`, else `C:\`.
//! - a name whose last component is a device (NUL, CON, AUX, PRN, COM1-9, LPT1-9, CONIN$,
//!   CONOUT$, also with an extension or trailing dots, spaces or a colon) designates the device.
//! - `\\?\` paths go to NT unchanged; `\\.\` paths are normalised like the others.
//! - where wine-rs follows Wine rather than Windows: a rooted path written with a forward
//!   slash (`/tmp/x`) is a Unix path, shown on the drive that maps it (Z:\tmp\x), so that Unix
//!   paths given to a program just work.

/// RTL_PATH_TYPE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum PathType {
    Unknown = 0,
    /// `\\server\share`
    UncAbsolute = 1,
    /// `C:\x`
    DriveAbsolute = 2,
    /// `C:x`
    DriveRelative = 3,
    /// `\x`
    Rooted = 4,
    /// `x`
    Relative = 5,
    /// `\\.\x`, `\\?\x`
    LocalDevice = 6,
    /// `\\.`, `\\?`
    RootLocalDevice = 7,
}

pub fn is_sep(c: u8) -> bool {
    c == b'\\' || c == b'/'
}

/// RtlDetermineDosPathNameType_U.
pub fn path_type(p: &str) -> PathType {
    let b = p.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    if b.is_empty() {
        return PathType::Relative;
    }
    if is_sep(at(0)) {
        if !is_sep(at(1)) {
            return PathType::Rooted;
        }
        if at(2) == b'.' || at(2) == b'?' {
            if is_sep(at(3)) {
                return PathType::LocalDevice;
            }
            if at(3) == 0 {
                return PathType::RootLocalDevice;
            }
        }
        return PathType::UncAbsolute;
    }
    if at(1) == b':' {
        return if is_sep(at(2)) { PathType::DriveAbsolute } else { PathType::DriveRelative };
    }
    PathType::Relative
}

/// The device names a file name may designate.
const DEVICES: &[&str] = &["NUL", "CON", "AUX", "PRN", "CONIN$", "CONOUT$"];

/// Is `name` (no path, no extension) a device name?
fn is_device_name(name: &str) -> bool {
    if DEVICES.iter().any(|d| d.eq_ignore_ascii_case(name)) {
        return true;
    }
    let b = name.as_bytes();
    b.len() == 4
        && (name[..3].eq_ignore_ascii_case("COM") || name[..3].eq_ignore_ascii_case("LPT"))
        && (b'1'..=b'9').contains(&b[3])
}

/// RtlIsDosDeviceName_U: when `p` designates a device, the byte offset and length (in the
/// UTF-8 string) of the device name in it. Only drive, rooted and relative paths can.
pub fn dos_device(p: &str) -> Option<(usize, usize)> {
    match path_type(p) {
        PathType::DriveAbsolute | PathType::DriveRelative | PathType::Rooted | PathType::Relative => {}
        _ => return None,
    }
    let b = p.as_bytes();
    // The last component (after the last separator, or a drive's colon).
    let mut start = b.iter().rposition(|&c| is_sep(c)).map_or(0, |i| i + 1);
    if start == 0 && b.len() >= 2 && b[1] == b':' {
        start = 2;
    }
    let last = &p[start..];
    // Cut at the first '.' or ':' (an extension, a stream), then trailing spaces.
    let end = last.find(['.', ':']).unwrap_or(last.len());
    let name = last[..end].trim_end_matches(' ');
    if name.is_empty() || !is_device_name(name) {
        return None;
    }
    // What follows the name must be only an extension, dots, spaces or a colon.
    Some((start, name.len()))
}

/// The current directory of a drive other than the process's (the `=X:` variables).
pub type DriveDir<'a> = &'a dyn Fn(u8) -> Option<String>;

/// Where the root ends in a UNC path (`\\server\share\` → its length).
fn unc_mark(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 2;
    // server
    while i < b.len() && b[i] != b'\\' {
        i += 1;
    }
    if i >= b.len() {
        return b.len();
    }
    i += 1;
    // share
    while i < b.len() && b[i] != b'\\' {
        i += 1;
    }
    if i >= b.len() { b.len() } else { i + 1 }
}

/// Where the root ends in an absolute path made by [`full_path`]'s steps: `C:\` (3), a UNC
/// share, or a device prefix.
fn root_mark(s: &str) -> usize {
    match path_type(s) {
        PathType::UncAbsolute => unc_mark(s),
        PathType::LocalDevice => 4,
        _ => 3.min(s.len()),
    }
}

/// Drop `.` and `..` components after `mark`, one trailing dot from components followed by a
/// separator, and the trailing dots and spaces of the whole path. `s` uses `\` only.
fn collapse(s: &str, mark: usize) -> String {
    let (head, rest) = s.split_at(mark.min(s.len()));
    let ends_sep = rest.ends_with('\\');
    let comps: Vec<&str> = rest.split('\\').filter(|c| !c.is_empty()).collect();
    let n = comps.len();
    let mut out: Vec<&str> = Vec::with_capacity(n);
    for (i, c) in comps.iter().enumerate() {
        match *c {
            "." => {}
            ".." => {
                out.pop();
            }
            c => {
                let followed_by_sep = i + 1 < n || ends_sep;
                out.push(if followed_by_sep { c.strip_suffix('.').unwrap_or(c) } else { c });
            }
        }
    }
    let mut r = String::with_capacity(s.len());
    r.push_str(head);
    r.push_str(&out.join("\\"));
    if ends_sep && !out.is_empty() {
        r.push('\\');
    }
    while r.len() > mark && (r.ends_with('.') || r.ends_with(' ')) {
        r.pop();
    }
    r
}

/// Lexically normalise an absolute Unix path (`.`, `..`, repeated slashes).
pub fn normalize_unix(p: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    let mut s = String::with_capacity(p.len());
    for c in &out {
        s.push('/');
        s.push_str(c);
    }
    if s.is_empty() {
        s.push('/');
    }
    s
}

/// GetFullPathName: the absolute DOS path of `p`, given the process's current directory `cwd`
/// (`C:\dir` or `\\server\share\dir`), the other drives' directories and the Unix → DOS
/// mapping for paths written `/like/this`. None when the name is empty or only spaces.
pub fn full_path(p: &str, cwd: &str, drive_dir: DriveDir, unix_to_dos: &dyn Fn(&str) -> String) -> Option<String> {
    if p.is_empty() || p.bytes().all(|c| c == b' ') {
        return None;
    }
    let ty = path_type(p);
    if let Some((off, len)) = dos_device(p) {
        return Some(format!("\\\\.\\{}", &p[off..off + len]));
    }
    let norm = |s: &str| s.replace('/', "\\");
    let (abs, mark) = match ty {
        PathType::RootLocalDevice => return Some("\\\\.\\".into()),
        PathType::LocalDevice => (norm(p), 4),
        PathType::UncAbsolute => {
            let s = norm(p);
            let m = unc_mark(&s);
            (s, m)
        }
        PathType::DriveAbsolute => (norm(p), 3),
        PathType::DriveRelative => {
            let letter = p.as_bytes()[0];
            let rest = &p[2..];
            let cb = cwd.as_bytes();
            let base = if cb.len() >= 2 && cb[1] == b':' && cb[0].eq_ignore_ascii_case(&letter) {
                cwd.to_string()
            } else {
                drive_dir(letter.to_ascii_uppercase()).unwrap_or_else(|| format!("{}:\\", letter as char))
            };
            let sep = if base.ends_with('\\') || base.ends_with('/') { "" } else { "\\" };
            let s = norm(&format!("{base}{sep}{rest}"));
            let m = root_mark(&s);
            (s, m)
        }
        PathType::Rooted => {
            if p.starts_with('/') {
                return Some(unix_to_dos(&normalize_unix(p)));
            }
            let root = if path_type(cwd) == PathType::UncAbsolute {
                let m = unc_mark(cwd);
                cwd[..m].trim_end_matches('\\').to_string()
            } else {
                cwd.get(..2).unwrap_or("C:").to_string()
            };
            let s = norm(&format!("{root}{p}"));
            let m = root_mark(&s);
            (s, m)
        }
        PathType::Relative | PathType::Unknown => {
            let sep = if cwd.ends_with('\\') { "" } else { "\\" };
            let s = norm(&format!("{cwd}{sep}{p}"));
            let m = root_mark(&s);
            (s, m)
        }
    };
    Some(collapse(&abs, mark))
}

/// Where the file part of a full path starts (None when it ends with a separator).
pub fn file_part(full: &str) -> Option<usize> {
    if full.ends_with('\\') || full.is_empty() {
        return None;
    }
    Some(full.rfind('\\').map_or(0, |i| i + 1))
}

/// RtlDosPathNameToNtPathName_U: the NT path (`\??\C:\dir\x`, `\??\UNC\server\share`,
/// `\??\NUL`) of a DOS path. `\\?\` paths pass unchanged. None where the full path fails.
pub fn nt_path(p: &str, cwd: &str, drive_dir: DriveDir, unix_to_dos: &dyn Fn(&str) -> String) -> Option<String> {
    let ty = path_type(p);
    if ty == PathType::LocalDevice && p.as_bytes()[2] == b'?' {
        return Some(format!("\\??\\{}", &p[4..]));
    }
    if let Some((off, len)) = dos_device(p) {
        return Some(format!("\\??\\{}", &p[off..off + len]));
    }
    let full = full_path(p, cwd, drive_dir, unix_to_dos)?;
    Some(match path_type(&full) {
        PathType::UncAbsolute => format!("\\??\\UNC\\{}", &full[2..]),
        PathType::LocalDevice | PathType::RootLocalDevice => format!("\\??\\{}", full.get(4..).unwrap_or("")),
        _ => format!("\\??\\{full}"),
    })
}

/// Does a name hold characters no Windows file name may hold (wildcards, `<>|"`, controls)?
pub fn has_invalid_chars(name: &str) -> bool {
    name.bytes().any(|c| c < 0x20 || matches!(c, b'*' | b'?' | b'<' | b'>' | b'|' | b'"'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dd(letter: u8) -> Option<String> {
        (letter == b'E').then(|| "E:\\edir".to_string())
    }

    fn u2d(p: &str) -> String {
        match p.strip_prefix("/prefix/drive_c") {
            Some(rest) => format!("C:{}", if rest.is_empty() { "\\".into() } else { rest.replace('/', "\\") }),
            None => format!("Z:{}", p.replace('/', "\\")),
        }
    }

    fn full(p: &str) -> String {
        full_path(p, "C:\\windows\\system32", &dd, &u2d).unwrap_or_else(|| "<none>".into())
    }

    /// Every case as Wine 8 prints it (cwd C:\windows\system32, =E: set to E:\edir).
    #[test]
    fn full_path_table() {
        let cases: &[(&str, &str)] = &[
            ("foo", "C:\\windows\\system32\\foo"),
            ("foo\\bar", "C:\\windows\\system32\\foo\\bar"),
            (".\\foo", "C:\\windows\\system32\\foo"),
            ("..\\foo", "C:\\windows\\foo"),
            ("..\\..\\..\\..\\foo", "C:\\foo"),
            ("\\foo", "C:\\foo"),
            ("/foo", "Z:\\foo"),
            ("/prefix/drive_c/windows", "C:\\windows"),
            ("/tmp/./x/../y", "Z:\\tmp\\y"),
            ("C:foo", "C:\\windows\\system32\\foo"),
            ("C:", "C:\\windows\\system32\\"),
            ("c:", "C:\\windows\\system32\\"),
            ("C:\\", "C:\\"),
            ("C:\\.", "C:\\"),
            ("C:\\..", "C:\\"),
            ("C:\\a\\..\\..\\b", "C:\\b"),
            ("D:foo", "D:\\foo"),
            ("d:foo", "d:\\foo"),
            ("e:foo", "E:\\edir\\foo"),
            ("E:", "E:\\edir\\"),
            ("Z:", "Z:\\"),
            ("C:\\a\\b\\.", "C:\\a\\b"),
            ("C:\\a\\b\\..", "C:\\a"),
            ("C:\\a.\\b", "C:\\a\\b"),
            ("C:\\a \\b", "C:\\a \\b"),
            ("C:\\a\\b.", "C:\\a\\b"),
            ("C:\\a\\b. . .", "C:\\a\\b"),
            ("C:\\a\\b  ", "C:\\a\\b"),
            ("C:\\a\\.b", "C:\\a\\.b"),
            ("C:\\a\\.b.", "C:\\a\\.b"),
            ("C:\\a\\...", "C:\\a\\"),
            ("C:\\a\\....\\b", "C:\\a\\...\\b"),
            ("C:\\a\\...\\b", "C:\\a\\..\\b"),
            ("C:\\a\\b\\...\\", "C:\\a\\b\\..\\"),
            ("C:\\a\\\\b", "C:\\a\\b"),
            ("C:\\a//b", "C:\\a\\b"),
            ("C:/a/b/", "C:\\a\\b\\"),
            ("C:\\a\\..\\", "C:\\"),
            ("C:\\a\\.\\", "C:\\a\\"),
            ("C:\\a\\ ", "C:\\a\\"),
            ("C:\\a\\ \\b", "C:\\a\\ \\b"),
            ("C:\\a\\ .\\b", "C:\\a\\ \\b"),
            ("C:\\a\\. \\b", "C:\\a\\. \\b"),
            ("\\\\?\\C:\\a\\..\\b", "\\\\?\\C:\\b"),
            ("\\\\?\\C:\\a\\b.", "\\\\?\\C:\\a\\b"),
            ("\\\\?\\C:\\a\\..", "\\\\?\\C:"),
            ("\\\\?\\C:\\..\\..", "\\\\?\\"),
            ("\\\\.\\C:\\a\\..\\b", "\\\\.\\C:\\b"),
            ("\\\\.\\C:\\..", "\\\\.\\"),
            ("\\\\.\\..\\x", "\\\\.\\x"),
            ("\\\\?\\", "\\\\?\\"),
            ("\\\\?", "\\\\.\\"),
            ("\\\\.", "\\\\.\\"),
            ("\\\\?\\C:\\a//b", "\\\\?\\C:\\a\\b"),
            ("\\\\server\\share\\x\\..\\y", "\\\\server\\share\\y"),
            ("\\\\server\\share", "\\\\server\\share"),
            ("\\\\server", "\\\\server"),
            ("\\\\server\\..", "\\\\server\\.."),
            ("\\\\server\\share\\..\\..", "\\\\server\\share\\"),
            ("\\\\server\\share\\.", "\\\\server\\share\\"),
            ("//server/share/x", "\\\\server\\share\\x"),
            ("\\\\", "\\\\"),
            ("//", "\\\\"),
            ("///", "\\\\\\"),
            ("nul", "\\\\.\\nul"),
            ("NUL", "\\\\.\\NUL"),
            ("nul.txt", "\\\\.\\nul"),
            ("nul .txt", "\\\\.\\nul"),
            ("nul ", "\\\\.\\nul"),
            ("nul.", "\\\\.\\nul"),
            ("nul:", "\\\\.\\nul"),
            ("C:\\dir\\nul", "\\\\.\\nul"),
            ("C:\\dir\\NUL.tar.gz", "\\\\.\\NUL"),
            ("C:\\dir\\CONIN$.txt", "\\\\.\\CONIN$"),
            ("conout$.x", "\\\\.\\conout$"),
            ("lpt9.x", "\\\\.\\lpt9"),
            ("COM9", "\\\\.\\COM9"),
            ("com0", "C:\\windows\\system32\\com0"),
            ("com10", "C:\\windows\\system32\\com10"),
            ("xnul", "C:\\windows\\system32\\xnul"),
            ("nulx", "C:\\windows\\system32\\nulx"),
            ("a\\nul\\b", "C:\\windows\\system32\\a\\nul\\b"),
            ("C:\\nul\\x", "C:\\nul\\x"),
            ("\\\\.\\nul", "\\\\.\\nul"),
            (" foo", "C:\\windows\\system32\\ foo"),
            ("foo ", "C:\\windows\\system32\\foo"),
            (" \\x", "C:\\windows\\system32\\ \\x"),
            (" C:\\foo", "C:\\windows\\system32\\ C:\\foo"),
            (".", "C:\\windows\\system32"),
            ("..", "C:\\windows"),
            ("...", "C:\\windows\\system32\\"),
            ("\\", "C:\\"),
            ("/", "Z:\\"),
            ("\\.\\x", "C:\\x"),
            ("\\..\\x", "C:\\x"),
            ("C:..", "C:\\windows"),
            ("C:..\\x", "C:\\windows\\x"),
            ("C:.", "C:\\windows\\system32"),
            ("c:\\WINDOWS\\System32", "c:\\WINDOWS\\System32"),
            ("\\??\\C:\\x", "C:\\??\\C:\\x"),
            ("foo\\..\\..\\bar", "C:\\windows\\bar"),
            ("C:\\a\\b:stream", "C:\\a\\b:stream"),
            ("C:\\*.txt", "C:\\*.txt"),
            ("foo.bar.", "C:\\windows\\system32\\foo.bar"),
            ("=", "C:\\windows\\system32\\="),
            ("z:/tmp/../etc", "z:\\etc"),
            ("", "<none>"),
            (" ", "<none>"),
            ("  ", "<none>"),
        ];
        for (p, want) in cases {
            assert_eq!(&full(p), want, "GetFullPathName({p:?})");
        }
        // A cwd on Z: and a UNC cwd.
        let f = |p: &str, cwd: &str| full_path(p, cwd, &dd, &u2d).unwrap();
        assert_eq!(f("\\x", "Z:\\tmp"), "Z:\\x");
        assert_eq!(f("c:x", "Z:\\tmp"), "c:\\x");
        assert_eq!(f("\\x", "\\\\srv\\sh\\dir"), "\\\\srv\\sh\\x");
        assert_eq!(f("..\\..\\x", "\\\\srv\\sh\\dir"), "\\\\srv\\sh\\x");
        assert_eq!(f("x", "C:\\"), "C:\\x");
    }

    #[test]
    fn types_devices_and_nt_paths() {
        assert_eq!(path_type("\\\\?\\x"), PathType::LocalDevice);
        assert_eq!(path_type("\\\\."), PathType::RootLocalDevice);
        assert_eq!(path_type("\\\\server"), PathType::UncAbsolute);
        assert_eq!(path_type("C:x"), PathType::DriveRelative);
        assert_eq!(path_type("C:/x"), PathType::DriveAbsolute);
        assert_eq!(path_type("/x"), PathType::Rooted);
        assert_eq!(path_type("x"), PathType::Relative);
        assert_eq!(dos_device("nul"), Some((0, 3)));
        assert_eq!(dos_device("C:\\dir\\nul.txt"), Some((7, 3)));
        assert_eq!(dos_device("C:conin$"), Some((2, 6)));
        assert_eq!(dos_device("\\\\.\\nul"), None);
        assert_eq!(dos_device("nulx"), None);
        let nt = |p: &str| nt_path(p, "C:\\windows\\system32", &dd, &u2d).unwrap_or_else(|| "<none>".into());
        assert_eq!(nt("foo"), "\\??\\C:\\windows\\system32\\foo");
        assert_eq!(nt("\\\\?\\C:\\a\\..\\b"), "\\??\\C:\\a\\..\\b");
        assert_eq!(nt("\\\\?\\C:\\a\\b."), "\\??\\C:\\a\\b.");
        assert_eq!(nt("\\\\.\\C:\\a\\..\\b"), "\\??\\C:\\b");
        assert_eq!(nt("\\\\server\\share\\x"), "\\??\\UNC\\server\\share\\x");
        assert_eq!(nt("nul.txt"), "\\??\\nul");
        assert_eq!(nt("C:\\dir\\nul"), "\\??\\nul");
        assert_eq!(nt("\\\\?"), "\\??\\");
        assert_eq!(nt("\\\\.\\PhysicalDrive0"), "\\??\\PhysicalDrive0");
        assert_eq!(nt(" "), "<none>");
        assert_eq!(file_part("C:\\a\\b"), Some(5));
        assert_eq!(file_part("C:\\a\\"), None);
        assert_eq!(normalize_unix("//a/./b/../c/"), "/a/c");
        assert_eq!(normalize_unix("/.."), "/");
        assert!(has_invalid_chars("a*b") && has_invalid_chars("a\"b") && !has_invalid_chars("a b.c"));
    }
}
