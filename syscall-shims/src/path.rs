//! DOS ⇄ Unix paths: the one path mapper every file API goes through.
//!
//! - [`dos`]: DOS path names without the disk — GetFullPathName, device names, DOS → NT paths.
//! - [`drives`]: the prefix (`~/.wine-rs` or `$WINE_RS_PREFIX`), its drives (C: is
//!   `drive_c`, Z: is `/`, more through `dosdevices/x:` links), and Unix → DOS.
//! - [`lookup`]: case-insensitive resolution of names on the disk, cached.
//! - here: the process's current directory (a program started in a Unix directory starts
//!   in `Z:\that\directory`, or `C:\...` inside the prefix), and NT paths → what they
//!   designate ([`nt_target`]): a file under a drive's Unix root, a device, a volume.
//!
//! Names go DOS → NT (`\??\C:\dir\x`) → target → Unix path; handles remember their Unix
//! path, and GetFinalPathNameByHandle and friends go back with [`unix_to_dos`].

pub mod dos;
pub mod drives;
pub mod lookup;

pub use drives::{drive_mask, drive_root, prefix, set_prefix_dir, unix_to_dos};
pub use lookup::{Resolved, eq_fold, fold};

use std::path::{Path, PathBuf};
use std::sync::RwLock;

use crate::errno::{NtStatus, status};
use windows_sys::Win32::Foundation::ERROR_PATH_NOT_FOUND;

// ---------------------------------------------------------------------------------------------
// The current directory.

struct CurDir {
    /// As GetCurrentDirectory returns it: no trailing backslash except for a root (`C:\`).
    dos: String,
}

static CWD: RwLock<Option<CurDir>> = RwLock::new(None);

/// Is the host's current directory the Unix directory of the DOS one (so that a plain relative
/// name can go to the host as is)? 0: not known yet, 1: yes, 2: no. Set when the directory is
/// first read and by [`set_current_dir`].
static HOST_CWD_IN_SYNC: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

fn initial_cwd() -> String {
    match std::env::current_dir() {
        Ok(d) => unix_to_dos(&d.to_string_lossy()),
        Err(_) => drives::windows_dir(),
    }
}

/// The process's current directory, as GetCurrentDirectory returns it.
pub fn current_dir() -> String {
    if let Some(c) = CWD.read().unwrap_or_else(|e| e.into_inner()).as_ref() {
        return c.dos.clone();
    }
    let mut w = CWD.write().unwrap_or_else(|e| e.into_inner());
    w.get_or_insert_with(|| {
        let dos = initial_cwd();
        HOST_CWD_IN_SYNC
            .store(if std::env::current_dir().is_ok() { 1 } else { 2 }, std::sync::atomic::Ordering::Release);
        CurDir { dos }
    })
    .dos
    .clone()
}

/// Characters that keep a name off the plain relative path: controls, `:`, wildcards, `<>|"`.
static NOT_PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 0x20 {
        t[c] = true;
        c += 1;
    }
    t[b':' as usize] = true;
    t[b'*' as usize] = true;
    t[b'?' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'|' as usize] = true;
    t[b'"' as usize] = true;
    t
};

/// Run `f` on the Unix form of a plain relative name (`dir\file.txt` → `dir/file.txt`, as a C
/// string), to be used against the host's current directory, when nothing in it needs the DOS
/// rules: no drive, root, `.` or `..`, empty component, trailing dot or space, stream, invalid
/// character or device name. None otherwise (and when the host's directory is not the DOS
/// one): then the name takes the full path. Only the exact name is meant: a caller that does
/// not find it must try the full path (which resolves case-insensitively). No allocation for
/// names up to 511 bytes.
pub fn with_plain_relative<T>(name: &str, f: impl FnOnce(&std::ffi::CStr) -> T) -> Option<T> {
    let b = name.as_bytes();
    if b.is_empty() || dos::is_sep(b[0]) || (b.len() >= 2 && b[1] == b':') {
        return None;
    }
    match HOST_CWD_IN_SYNC.load(std::sync::atomic::Ordering::Acquire) {
        1 => {}
        0 => {
            current_dir();
            if HOST_CWD_IN_SYNC.load(std::sync::atomic::Ordering::Acquire) != 1 {
                return None;
            }
        }
        _ => return None,
    }
    let mut stack = [0u8; 512];
    let mut heap = Vec::new();
    let out: &mut [u8] = if b.len() < stack.len() {
        &mut stack[..b.len() + 1]
    } else {
        heap.resize(b.len() + 1, 0);
        &mut heap
    };
    let mut start = 0;
    for (i, &c) in b.iter().enumerate() {
        if NOT_PLAIN[c as usize] {
            return None;
        }
        if c == b'\\' || c == b'/' {
            // The component b[start..i] must be non-empty and not end with '.' or ' '.
            if i == start || matches!(b[i - 1], b'.' | b' ') {
                return None;
            }
            start = i + 1;
            out[i] = b'/';
        } else {
            out[i] = c;
        }
    }
    if start == b.len() || matches!(b[b.len() - 1], b'.' | b' ') {
        return None;
    }
    // Device names (nul, con.txt, ...) start with one of these letters.
    if matches!(b[start] | 0x20, b'n' | b'c' | b'a' | b'p' | b'l') && dos::dos_device(name).is_some() {
        return None;
    }
    out[b.len()] = 0;
    // SAFETY: no NUL inside (control characters were refused), one at the end.
    Some(f(unsafe { std::ffi::CStr::from_bytes_with_nul_unchecked(out) }))
}

/// SetCurrentDirectory: `name` must be an existing directory (STATUS_OBJECT_NAME_NOT_FOUND /
/// STATUS_OBJECT_PATH_NOT_FOUND, STATUS_NOT_A_DIRECTORY for a file). The directory is kept as
/// its full path (in the case the program wrote it); the host's current directory follows, so
/// that relative Unix paths agree.
pub fn set_current_dir(name: &str) -> Result<(), NtStatus> {
    let full = full_path(name).ok_or(status::OBJECT_NAME_INVALID)?;
    let unix = match nt_target(&nt_from_full(&full))? {
        NtTarget::File(f) => f.resolve()?,
        NtTarget::Volume(l) => {
            Resolved { path: drive_root(l).ok_or(status::OBJECT_PATH_NOT_FOUND)?.into(), exists: true }
        }
        _ => return Err(status::NOT_A_DIRECTORY),
    };
    if !unix.exists {
        return Err(status::OBJECT_NAME_NOT_FOUND);
    }
    let st = lookup::stat_path(&unix.path, true).map_err(crate::errno::to_status)?;
    if st.st_mode & libc::S_IFMT != libc::S_IFDIR {
        return Err(status::NOT_A_DIRECTORY);
    }
    let mut dos = full;
    while dos.len() > 3 && dos.ends_with('\\') {
        dos.pop();
    }
    let mut w = CWD.write().unwrap_or_else(|e| e.into_inner());
    let synced = std::env::set_current_dir(&unix.path).is_ok();
    HOST_CWD_IN_SYNC.store(if synced { 1 } else { 2 }, std::sync::atomic::Ordering::Release);
    *w = Some(CurDir { dos });
    Ok(())
}

/// The current directory of drive `letter` for drive-relative names: the `=X:` variable.
fn drive_dir(letter: u8) -> Option<String> {
    let name: Vec<u16> = format!("={}:", letter as char).encode_utf16().collect();
    crate::env::get(&name).map(|v| String::from_utf16_lossy(&v)).filter(|v| v.len() >= 2)
}

/// GetFullPathName of `name` against the process's current directory.
pub fn full_path(name: &str) -> Option<String> {
    dos::full_path(name, &current_dir(), &drive_dir, &unix_to_dos)
}

/// RtlDosPathNameToNtPathName_U of `name`.
pub fn nt_path(name: &str) -> Option<String> {
    dos::nt_path(name, &current_dir(), &drive_dir, &unix_to_dos)
}

/// The NT path of a full path (as [`full_path`] returns).
fn nt_from_full(full: &str) -> String {
    match dos::path_type(full) {
        dos::PathType::UncAbsolute => format!("\\??\\UNC\\{}", &full[2..]),
        dos::PathType::LocalDevice | dos::PathType::RootLocalDevice => format!("\\??\\{}", full.get(4..).unwrap_or("")),
        _ => format!("\\??\\{full}"),
    }
}

/// GetLongPathName: `name` (which must exist) with each component written as it is on disk
/// (there are no short names to expand; the case becomes the disk's). Relative names stay
/// relative, separators stay as written.
pub fn long_path(name: &str) -> Result<String, NtStatus> {
    match dos_target(name)? {
        NtTarget::File(f) => {
            if !f.resolve()?.exists {
                return Err(status::OBJECT_NAME_NOT_FOUND);
            }
        }
        NtTarget::Volume(_) => {}
        NtTarget::Device(_) => return Err(status::OBJECT_NAME_INVALID),
    }
    let prefix_len = match dos::path_type(name) {
        dos::PathType::DriveAbsolute => 3,
        dos::PathType::DriveRelative => 2,
        dos::PathType::Rooted => 1,
        dos::PathType::LocalDevice => {
            let r = name.as_bytes();
            if r.len() >= 7 && r[5] == b':' && dos::is_sep(r[6]) { 7 } else { 4 }
        }
        dos::PathType::UncAbsolute => return Ok(name.to_string()),
        _ => 0,
    };
    let base = if prefix_len == 0 { ".".to_string() } else { name[..prefix_len].to_string() };
    let mut cur = PathBuf::from(dos_to_unix(&base).ok_or(status::OBJECT_PATH_NOT_FOUND)?);
    let mut out = name[..prefix_len].to_string();
    for piece in name[prefix_len..].split_inclusive(['\\', '/']) {
        let comp = piece.trim_end_matches(['\\', '/']);
        let sep = &piece[comp.len()..];
        match comp {
            "" | "." => {}
            ".." => {
                cur.pop();
            }
            c => {
                let actual = if lookup::stat_path(&cur.join(c), false).is_ok() {
                    c.to_string()
                } else {
                    lookup::find_in_dir(&cur, c).and_then(|n| n.into_string().ok()).unwrap_or_else(|| c.to_string())
                };
                cur.push(&actual);
                out.push_str(&actual);
                out.push_str(sep);
                continue;
            }
        }
        out.push_str(piece);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// NT paths → targets.

/// A device a file name may designate instead of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Device {
    /// NUL, `\Device\Null`: /dev/null.
    Null,
    /// CONIN$: the console's input.
    ConsoleIn,
    /// CONOUT$: the console's output.
    ConsoleOut,
    /// CON: input or output, by the access asked for.
    Console,
}

/// A file name under a directory: a drive's root or a directory handle's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileName {
    /// The Unix directory the components start from.
    pub base: PathBuf,
    /// The components (non-empty, validated).
    pub comps: Vec<String>,
    /// The name ended with a backslash (it must then be a directory).
    pub trailing_sep: bool,
}

impl FileName {
    /// The Unix path with the names as written.
    pub fn exact(&self) -> PathBuf {
        let mut p = self.base.clone();
        for c in &self.comps {
            p.push(c);
        }
        p
    }

    /// Resolve case-insensitively (see [`lookup::resolve`]).
    pub fn resolve(&self) -> Result<Resolved, NtStatus> {
        let comps: Vec<&str> = self.comps.iter().map(String::as_str).collect();
        lookup::resolve(&self.base, &comps)
    }

    /// Is this the root of its base (no components)?
    pub fn is_root(&self) -> bool {
        self.comps.is_empty()
    }
}

/// What an NT path designates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NtTarget {
    File(FileName),
    Device(Device),
    /// `\??\C:`: the volume itself.
    Volume(u8),
}

fn device_by_name(name: &str) -> Option<Device> {
    let n = name.to_ascii_uppercase();
    match n.as_str() {
        "NUL" => Some(Device::Null),
        "CONIN$" => Some(Device::ConsoleIn),
        "CONOUT$" => Some(Device::ConsoleOut),
        "CON" => Some(Device::Console),
        _ => None,
    }
}

/// Split and check the components of a name below a directory. `.` and `..` are invalid in NT
/// names, so are empty components, wildcards and `<>|"`; `name::$DATA` is the file itself
/// and other streams do not exist.
pub fn split_components(rest: &str) -> Result<(Vec<String>, bool), NtStatus> {
    let trailing_sep = rest.ends_with('\\') && !rest.is_empty();
    let body = if trailing_sep { &rest[..rest.len() - 1] } else { rest };
    if body.is_empty() {
        return Ok((Vec::new(), trailing_sep));
    }
    let mut comps = Vec::new();
    for c in body.split('\\') {
        if c.is_empty() || c == "." || c == ".." || dos::has_invalid_chars(c) || c.contains('/') {
            return Err(status::OBJECT_NAME_INVALID);
        }
        let c = match c.find(':') {
            None => c,
            Some(i) => {
                let stream = &c[i..];
                if stream.eq_ignore_ascii_case("::$DATA") && i > 0 {
                    &c[..i]
                } else {
                    return Err(status::OBJECT_NAME_NOT_FOUND);
                }
            }
        };
        if c.len() > 255 {
            return Err(status::OBJECT_NAME_INVALID);
        }
        comps.push(c.to_string());
    }
    Ok((comps, trailing_sep))
}

/// UNC paths are not supported: say so once, clearly, and fail with STATUS_BAD_NETWORK_PATH.
fn unc_unsupported(path: &str) -> NtStatus {
    static WARNED: std::sync::Once = std::sync::Once::new();
    WARNED.call_once(|| log::warn!("UNC paths (network shares) are not supported: {path}"));
    status::BAD_NETWORK_PATH
}

/// What an absolute NT path designates: `\??\C:\x` (also `\DosDevices\`, `\GLOBAL??\`), a
/// device (`\??\NUL`, `\??\CONIN$`, `\Device\Null`), a volume (`\??\C:`). UNC paths
/// (`\??\UNC\...`) fail with STATUS_BAD_NETWORK_PATH; unmapped drives with
/// STATUS_OBJECT_PATH_NOT_FOUND.
pub fn nt_target(nt: &str) -> Result<NtTarget, NtStatus> {
    let strip = |p: &str| -> Option<usize> { nt.get(..p.len()).filter(|h| h.eq_ignore_ascii_case(p)).map(|_| p.len()) };
    if let Some(n) = strip("\\Device\\Null") {
        return if nt.len() == n { Ok(NtTarget::Device(Device::Null)) } else { Err(status::OBJECT_PATH_NOT_FOUND) };
    }
    let Some(n) = strip("\\??\\").or_else(|| strip("\\DosDevices\\")).or_else(|| strip("\\GLOBAL??\\")) else {
        return Err(if nt.starts_with('\\') { status::OBJECT_PATH_NOT_FOUND } else { status::OBJECT_PATH_SYNTAX_BAD });
    };
    let rest = &nt[n..];
    let b = rest.as_bytes();
    if b.len() >= 2 && b[1] == b':' && b[0].is_ascii_alphabetic() {
        let root = drive_root(b[0]).ok_or(status::OBJECT_PATH_NOT_FOUND)?;
        if b.len() == 2 {
            return Ok(NtTarget::Volume(b[0].to_ascii_uppercase()));
        }
        if b[2] != b'\\' {
            return Err(status::OBJECT_NAME_NOT_FOUND);
        }
        let (comps, trailing_sep) = split_components(&rest[3..])?;
        return Ok(NtTarget::File(FileName {
            base: root.to_path_buf(),
            comps,
            trailing_sep: trailing_sep || comps_empty(&rest[3..]),
        }));
    }
    if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case("UNC") && (rest.len() == 3 || b[3] == b'\\') {
        return Err(unc_unsupported(rest));
    }
    if let Some(d) = device_by_name(rest) {
        return Ok(NtTarget::Device(d));
    }
    Err(status::OBJECT_NAME_NOT_FOUND)
}

fn comps_empty(s: &str) -> bool {
    s.is_empty()
}

/// What a name relative to a directory (NtCreateFile with a RootDirectory) designates.
pub fn relative_target(dir: &Path, name: &str) -> Result<NtTarget, NtStatus> {
    if name.starts_with('\\') {
        return Err(status::INVALID_PARAMETER);
    }
    let (comps, trailing_sep) = split_components(name)?;
    Ok(NtTarget::File(FileName { base: dir.to_path_buf(), comps, trailing_sep }))
}

/// What a DOS name (as CreateFile takes it) designates. A device as the last component
/// (`C:\dir\nul.txt`) needs its directory to exist, as in Wine.
pub fn dos_target(name: &str) -> Result<NtTarget, NtStatus> {
    if name.is_empty() {
        return Err(status::OBJECT_PATH_NOT_FOUND);
    }
    if let Some((off, len)) = dos::dos_device(name) {
        let dev = device_by_name(&name[off..off + len]);
        if off > 0 {
            let dir = &name[..off];
            let full = full_path(dir).ok_or(status::OBJECT_PATH_NOT_FOUND)?;
            if let NtTarget::File(f) = nt_target(&nt_from_full(&full))? {
                let r = f.resolve().map_err(|_| status::OBJECT_PATH_NOT_FOUND)?;
                if !r.exists {
                    return Err(status::OBJECT_PATH_NOT_FOUND);
                }
            }
        }
        // AUX, PRN, COMn, LPTn: no such device here.
        return dev.map(NtTarget::Device).ok_or(status::OBJECT_NAME_NOT_FOUND);
    }
    let nt = nt_path(name).ok_or(status::OBJECT_NAME_INVALID)?;
    nt_target(&nt)
}

// ---------------------------------------------------------------------------------------------
// The older, simpler interface (the loader and tools use it).

/// A DOS path as a Unix path (resolved case-insensitively where the file exists), or None when
/// no drive maps it or it names a device.
pub fn dos_to_unix(path: &str) -> Option<String> {
    match dos_target(path).ok()? {
        NtTarget::File(f) => Some(match f.resolve() {
            Ok(r) => r.path.to_string_lossy().into_owned(),
            Err(_) => f.exact().to_string_lossy().into_owned(),
        }),
        NtTarget::Volume(l) => drive_root(l).map(|p| p.to_string_lossy().into_owned()),
        NtTarget::Device(_) => None,
    }
}

/// What a file name given to CreateFile and friends designates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    File(String),
    Device(Device),
}

/// The device a DOS name designates, if it does (`NUL`, `C:\dir\nul.txt`, `\\.\CONIN$`).
pub fn device(name: &str) -> Option<Device> {
    match dos_target(name) {
        Ok(NtTarget::Device(d)) => Some(d),
        _ => None,
    }
}

/// The Unix file or the device behind a DOS file name. ERROR_PATH_NOT_FOUND for an empty name
/// and for names on drives (or UNC shares) that are not mapped.
pub fn resolve(name: &str) -> Result<Target, u32> {
    match dos_target(name) {
        Ok(NtTarget::Device(d)) => Ok(Target::Device(d)),
        Ok(_) => dos_to_unix(name).map(Target::File).ok_or(ERROR_PATH_NOT_FOUND),
        Err(_) => Err(ERROR_PATH_NOT_FOUND),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The prefix the tests of this crate use (a fresh directory under the temp dir).
    pub(crate) fn test_prefix() -> PathBuf {
        static P: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
        P.get_or_init(|| {
            // The prefix location of tests (see drives::prefix_location).
            let dir = std::env::temp_dir().join(format!("wine-rs-prefix-test-{}", unsafe { libc::getuid() }));
            prefix();
            dir
        })
        .clone()
    }

    #[test]
    fn nt_targets() {
        test_prefix();
        let c = drive_root(b'C').unwrap().to_path_buf();
        assert_eq!(
            nt_target("\\??\\C:\\windows\\x"),
            Ok(NtTarget::File(FileName {
                base: c.clone(),
                comps: vec!["windows".into(), "x".into()],
                trailing_sep: false
            }))
        );
        assert_eq!(
            nt_target("\\??\\c:\\dir\\"),
            Ok(NtTarget::File(FileName { base: c.clone(), comps: vec!["dir".into()], trailing_sep: true }))
        );
        assert!(matches!(nt_target("\\??\\C:\\"), Ok(NtTarget::File(f)) if f.is_root()));
        assert_eq!(nt_target("\\??\\C:"), Ok(NtTarget::Volume(b'C')));
        assert_eq!(nt_target("\\??\\nul"), Ok(NtTarget::Device(Device::Null)));
        assert_eq!(nt_target("\\Device\\Null"), Ok(NtTarget::Device(Device::Null)));
        assert_eq!(nt_target("\\??\\CONOUT$"), Ok(NtTarget::Device(Device::ConsoleOut)));
        assert_eq!(nt_target("\\??\\UNC\\srv\\share"), Err(status::BAD_NETWORK_PATH));
        assert_eq!(nt_target("\\??\\Q:\\x"), Err(status::OBJECT_PATH_NOT_FOUND));
        assert_eq!(nt_target("\\??\\C:\\a\\..\\b"), Err(status::OBJECT_NAME_INVALID));
        assert_eq!(nt_target("\\??\\C:\\a\\\\b"), Err(status::OBJECT_NAME_INVALID));
        assert_eq!(nt_target("\\??\\C:\\a*"), Err(status::OBJECT_NAME_INVALID));
        assert_eq!(nt_target("\\??\\C:\\a:s"), Err(status::OBJECT_NAME_NOT_FOUND));
        assert!(matches!(nt_target("\\??\\C:\\a::$DATA"), Ok(NtTarget::File(f)) if f.comps == ["a"]));
        assert_eq!(nt_target("\\??\\PhysicalDrive0"), Err(status::OBJECT_NAME_NOT_FOUND));
        assert_eq!(nt_target("relative"), Err(status::OBJECT_PATH_SYNTAX_BAD));
        assert_eq!(dos_target("nul.txt"), Ok(NtTarget::Device(Device::Null)));
        assert_eq!(dos_target("C:\\nosuchdir\\nul"), Err(status::OBJECT_PATH_NOT_FOUND));
        assert_eq!(dos_target("C:\\windows\\nul"), Ok(NtTarget::Device(Device::Null)));
        assert_eq!(dos_target("\\\\server\\share\\x"), Err(status::BAD_NETWORK_PATH));
        assert_eq!(dos_target(""), Err(status::OBJECT_PATH_NOT_FOUND));
        assert_eq!(dos_target("com1"), Err(status::OBJECT_NAME_NOT_FOUND));
        assert_eq!(device("\\\\.\\CONIN$"), Some(Device::ConsoleIn));
        assert_eq!(device("Z:\\tmp\\nul"), Some(Device::Null));
        assert_eq!(device("null.txt"), None);
    }

    #[test]
    fn current_directory_and_unix_paths() {
        test_prefix();
        let c = drive_root(b'C').unwrap().to_path_buf();
        std::fs::create_dir_all(c.join("windows/Sub Dir")).unwrap();
        let saved = current_dir();
        set_current_dir("c:\\WINDOWS\\sub dir\\").unwrap();
        assert_eq!(current_dir(), "c:\\WINDOWS\\sub dir");
        assert_eq!(std::env::current_dir().unwrap(), c.join("windows/Sub Dir"));
        assert_eq!(full_path("x.txt").unwrap(), "c:\\WINDOWS\\sub dir\\x.txt");
        let plain = |n: &str| with_plain_relative(n, |c| c.to_str().unwrap().to_string());
        assert_eq!(plain("a\\b/c.txt").as_deref(), Some("a/b/c.txt"));
        for odd in ["\\x", "C:x", "a\\..\\b", ".\\x", "x.", "x ", "a\\\\b", "nul.txt", "a*b", "x:s", "d\\"] {
            assert_eq!(plain(odd), None, "{odd}");
        }
        assert_eq!(dos_to_unix("X.TXT"), Some(c.join("windows/Sub Dir/X.TXT").to_string_lossy().into_owned()));
        assert_eq!(set_current_dir("C:\\nosuch"), Err(status::OBJECT_NAME_NOT_FOUND));
        assert_eq!(set_current_dir("C:\\nosuch\\x"), Err(status::OBJECT_PATH_NOT_FOUND));
        set_current_dir("C:\\").unwrap();
        assert_eq!(current_dir(), "C:\\");
        assert_eq!(long_path("c:\\WINDOWS\\SUB DIR").unwrap(), "c:\\windows\\Sub Dir");
        assert_eq!(long_path("C:/windows/./sub dir/").unwrap(), "C:/windows/./Sub Dir/");
        assert_eq!(long_path("C:\\windows\\nope"), Err(status::OBJECT_NAME_NOT_FOUND));
        set_current_dir(&saved).unwrap();
        assert_eq!(dos_to_unix("Z:\\tmp\\a b\\app.exe").as_deref(), Some("/tmp/a b/app.exe"));
        assert_eq!(dos_to_unix("z:/tmp").as_deref(), Some("/tmp"));
        assert_eq!(dos_to_unix("\\\\?\\Z:\\x").as_deref(), Some("/x"));
        assert_eq!(dos_to_unix("\\\\server\\share\\x"), None);
        assert_eq!(dos_to_unix("\\\\.\\PhysicalDrive0"), None);
        assert_eq!(resolve("D:\\x"), Err(ERROR_PATH_NOT_FOUND));
        assert_eq!(resolve("NUL"), Ok(Target::Device(Device::Null)));
    }
}
