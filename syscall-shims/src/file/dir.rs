//! Directory listings: Windows wildcards, FindFirstFile / FindNextFile / FindClose, and
//! NtQueryDirectoryFile (the same listing serves GetFileInformationByHandleEx's directory
//! classes).
//!
//! Wildcards are NT's (FsRtlIsNameInExpression), compared case-insensitively: `*` is any run of
//! characters, `?` any one, and the DOS forms FindFirstFile turns a pattern into (`<`, `>`,
//! `"`): `*.*` is everything, `*.` the names without an extension, a `?` also matches nothing
//! at the end of a name or before a dot, `.*` at the end also matches names without a dot,
//! trailing dots are ignored. Listings are in NTFS order (by upper-cased name); directories
//! other than a drive's root start with `.` and `..`.

use std::collections::HashMap;
use std::ffi::CString;
use std::mem::offset_of;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use super::info::{self, Stat};
use super::with_file;
use crate::errno::{NtStatus, status};
use crate::path::{self, lookup::fold};
use windows_sys::Wdk::Storage::FileSystem::*;
use windows_sys::Win32::Foundation::HANDLE;
use windows_sys::Win32::Storage::FileSystem::FILE_LIST_DIRECTORY;

/// One directory entry.
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub stat: Stat,
}

const DOS_STAR: char = '<';
const DOS_QM: char = '>';
const DOS_DOT: char = '"';

/// Does `name` match the NT expression `expr`? Both must be folded (see `lookup::fold`).
pub fn matches(expr: &[char], name: &[char]) -> bool {
    let (ne, nn) = (expr.len(), name.len());
    let last_dot = name.iter().rposition(|&c| c == '.');
    // memo[i][j]: 0 unknown, 1 false, 2 true.
    let mut memo = vec![0u8; (ne + 1) * (nn + 1)];
    fn go(e: &[char], n: &[char], i: usize, j: usize, last_dot: Option<usize>, memo: &mut [u8]) -> bool {
        let idx = i * (n.len() + 1) + j;
        if memo[idx] != 0 {
            return memo[idx] == 2;
        }
        let r = if i == e.len() {
            j == n.len()
        } else {
            match e[i] {
                '*' => (j..=n.len()).any(|k| go(e, n, i + 1, k, last_dot, memo)),
                DOS_STAR => {
                    // Up to (not past) the last dot; any run when there is none.
                    let max = match last_dot {
                        Some(d) if d >= j => d,
                        _ => n.len(),
                    };
                    (j..=max).any(|k| go(e, n, i + 1, k, last_dot, memo))
                }
                DOS_QM => {
                    if j == n.len() || n[j] == '.' {
                        let mut k = i;
                        while k < e.len() && e[k] == DOS_QM {
                            k += 1;
                        }
                        go(e, n, k, j, last_dot, memo)
                    } else {
                        go(e, n, i + 1, j + 1, last_dot, memo)
                    }
                }
                DOS_DOT => {
                    if j == n.len() {
                        go(e, n, i + 1, j, last_dot, memo)
                    } else {
                        n[j] == '.' && go(e, n, i + 1, j + 1, last_dot, memo)
                    }
                }
                '?' => j < n.len() && go(e, n, i + 1, j + 1, last_dot, memo),
                c => j < n.len() && n[j] == c && go(e, n, i + 1, j + 1, last_dot, memo),
            }
        };
        memo[idx] = if r { 2 } else { 1 };
        r
    }
    go(expr, name, 0, 0, last_dot, &mut memo)
}

/// FindFirstFile's translation of a DOS pattern into an NT expression (folded).
pub fn dos_expression(mask: &str) -> Vec<char> {
    let m: Vec<char> = fold(mask).chars().collect();
    if m == ['*', '.', '*'] {
        return vec!['*'];
    }
    let mut out = Vec::with_capacity(m.len());
    for (i, &c) in m.iter().enumerate() {
        let next = m.get(i + 1).copied();
        out.push(match c {
            '?' => DOS_QM,
            '*' if next == Some('.') => DOS_STAR,
            '.' if matches!(next, Some('?') | Some('*') | None) => DOS_DOT,
            c => c,
        });
    }
    out
}

/// An NT expression as given (folded, no translation).
pub fn nt_expression(mask: &str) -> Vec<char> {
    fold(mask).chars().collect()
}

/// Is `dir` the root of a drive (where there is no `.` and `..`)?
fn is_drive_root(dir: &Path) -> bool {
    let s = dir.to_string_lossy();
    let s = s.trim_end_matches('/');
    path::drives::drive_of(if s.is_empty() { "/" } else { s }).is_some_and(|(_, rest)| rest.is_empty())
}

/// The entries of `dir` that `expr` matches (all with None), sorted as NTFS lists them.
pub fn list(dir: &Path, expr: Option<&[char]>, dirs_only: bool) -> Result<Vec<Entry>, NtStatus> {
    let c = CString::new(dir.as_os_str().as_bytes()).map_err(|_| status::OBJECT_NAME_INVALID)?;
    // SAFETY: a NUL-terminated path.
    let fd = unsafe { libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC) };
    if fd < 0 {
        return Err(match crate::errno::errno() {
            libc::ENOENT | libc::ENOTDIR => status::OBJECT_PATH_NOT_FOUND,
            e => crate::errno::to_status(e),
        });
    }
    let mut names: Vec<(String, std::ffi::OsString)> = Vec::new();
    let root = is_drive_root(dir);
    if !root {
        names.push((".".into(), ".".into()));
        names.push(("..".into(), "..".into()));
    }
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let n = e.file_name();
            // Names that are not UTF-8 cannot be written in UTF-16; they are skipped.
            if let Some(s) = n.to_str() {
                names.push((s.to_string(), n));
            }
        }
    }
    let mut out = Vec::new();
    for (s, os) in names {
        let folded = fold(&s);
        if let Some(e) = expr {
            let fc: Vec<char> = folded.chars().collect();
            if !matches(e, &fc) {
                continue;
            }
        }
        let Ok(cn) = CString::new(os.as_bytes()) else { continue };
        let Ok(st) = info::stat_at(fd, &cn) else { continue };
        if dirs_only && !st.is_dir() {
            continue;
        }
        out.push((folded, Entry { name: s, stat: st }));
    }
    // SAFETY: our fd.
    unsafe { libc::close(fd) };
    out.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    Ok(out.into_iter().map(|(_, e)| e).collect())
}

// ---------------------------------------------------------------------------------------------
// FindFirstFile.

struct Find {
    entries: Vec<Entry>,
    pos: usize,
}

static FINDS: LazyLock<Mutex<HashMap<usize, Find>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Split a FindFirstFile pattern into its directory part (None: the current directory) and
/// its mask.
fn split_pattern(pattern: &str) -> (Option<&str>, &str) {
    let b = pattern.as_bytes();
    match b.iter().rposition(|&c| c == b'\\' || c == b'/') {
        Some(i) => (Some(&pattern[..=i]), &pattern[i + 1..]),
        None if b.len() >= 2 && b[1] == b':' => (Some(&pattern[..2]), &pattern[2..]),
        None => (None, pattern),
    }
}

/// The Unix directory a directory part of a pattern designates.
fn pattern_dir(dir: Option<&str>) -> Result<PathBuf, NtStatus> {
    let name = dir.unwrap_or(".");
    let f = super::ops::file_name(name)
        .map_err(|s| if s == status::OBJECT_NAME_NOT_FOUND { status::OBJECT_PATH_NOT_FOUND } else { s })?;
    let (p, st) = super::ops::existing(&f, true).map_err(|s| match s {
        s if s == status::OBJECT_NAME_NOT_FOUND || s == status::OBJECT_NAME_INVALID => status::OBJECT_PATH_NOT_FOUND,
        s => s,
    })?;
    if !st.is_dir() {
        return Err(status::OBJECT_PATH_NOT_FOUND);
    }
    Ok(p)
}

/// FindFirstFile(Ex): the first entry matching `pattern` (`dir\mask`) and a search handle for
/// the rest. No match: STATUS_NO_SUCH_FILE (ERROR_FILE_NOT_FOUND); a missing directory:
/// STATUS_OBJECT_PATH_NOT_FOUND. `dirs_only` is FindExSearchLimitToDirectories (which Windows
/// may ignore; here it filters).
pub fn find_first(pattern: &str, dirs_only: bool) -> Result<(HANDLE, Entry), NtStatus> {
    let (dir, mask) = split_pattern(pattern);
    if mask.is_empty() {
        return Err(status::NO_SUCH_FILE);
    }
    let d = pattern_dir(dir)?;
    let expr = dos_expression(mask);
    let mut entries = list(&d, Some(&expr), dirs_only)?;
    if entries.is_empty() {
        return Err(status::NO_SUCH_FILE);
    }
    let first = entries.remove(0);
    let find = Box::new(0u8);
    let key = Box::into_raw(find) as usize;
    FINDS.lock().unwrap_or_else(|e| e.into_inner()).insert(key, Find { entries, pos: 0 });
    Ok((key as HANDLE, first))
}

/// FindNextFile: the next entry; STATUS_NO_MORE_FILES at the end, STATUS_INVALID_HANDLE for
/// what is not a search handle.
pub fn find_next(h: HANDLE) -> Result<Entry, NtStatus> {
    let mut finds = FINDS.lock().unwrap_or_else(|e| e.into_inner());
    let f = finds.get_mut(&(h as usize)).ok_or(status::INVALID_HANDLE)?;
    let e = f.entries.get(f.pos).cloned().ok_or(status::NO_MORE_FILES)?;
    f.pos += 1;
    Ok(e)
}

/// FindClose.
pub fn find_close(h: HANDLE) -> Result<(), NtStatus> {
    let f = FINDS.lock().unwrap_or_else(|e| e.into_inner()).remove(&(h as usize));
    match f {
        Some(_) => {
            // SAFETY: the key is the address of the Box leaked by find_first.
            drop(unsafe { Box::from_raw(h as *mut u8) });
            Ok(())
        }
        None => Err(status::INVALID_HANDLE),
    }
}

// ---------------------------------------------------------------------------------------------
// NtQueryDirectoryFile.

/// A listing in progress on a directory handle.
#[derive(Debug)]
pub struct Listing {
    entries: Vec<Entry>,
    pos: usize,
    expr: Vec<char>,
}

/// Offsets of a directory class's fields: (file name length, file name, ea size, short name
/// length and name, file id (8 or 16 bytes)).
struct Layout {
    name_len: usize,
    name: usize,
    ea: Option<usize>,
    short: Option<usize>,
    id: Option<(usize, usize)>,
    /// Has the common times/sizes/attributes part.
    common: bool,
}

fn layout(class: u32) -> Option<Layout> {
    use super::info::class as c;
    Some(match class {
        c::DIRECTORY => Layout {
            name_len: offset_of!(FILE_DIRECTORY_INFORMATION, FileNameLength),
            name: offset_of!(FILE_DIRECTORY_INFORMATION, FileName),
            ea: None,
            short: None,
            id: None,
            common: true,
        },
        c::FULL_DIRECTORY => Layout {
            name_len: offset_of!(FILE_FULL_DIR_INFORMATION, FileNameLength),
            name: offset_of!(FILE_FULL_DIR_INFORMATION, FileName),
            ea: Some(offset_of!(FILE_FULL_DIR_INFORMATION, EaSize)),
            short: None,
            id: None,
            common: true,
        },
        c::BOTH_DIRECTORY => Layout {
            name_len: offset_of!(FILE_BOTH_DIR_INFORMATION, FileNameLength),
            name: offset_of!(FILE_BOTH_DIR_INFORMATION, FileName),
            ea: Some(offset_of!(FILE_BOTH_DIR_INFORMATION, EaSize)),
            short: Some(offset_of!(FILE_BOTH_DIR_INFORMATION, ShortNameLength)),
            id: None,
            common: true,
        },
        c::NAMES => Layout {
            name_len: offset_of!(FILE_NAMES_INFORMATION, FileNameLength),
            name: offset_of!(FILE_NAMES_INFORMATION, FileName),
            ea: None,
            short: None,
            id: None,
            common: false,
        },
        c::ID_BOTH_DIRECTORY => Layout {
            name_len: offset_of!(FILE_ID_BOTH_DIR_INFORMATION, FileNameLength),
            name: offset_of!(FILE_ID_BOTH_DIR_INFORMATION, FileName),
            ea: Some(offset_of!(FILE_ID_BOTH_DIR_INFORMATION, EaSize)),
            short: Some(offset_of!(FILE_ID_BOTH_DIR_INFORMATION, ShortNameLength)),
            id: Some((offset_of!(FILE_ID_BOTH_DIR_INFORMATION, FileId), 8)),
            common: true,
        },
        c::ID_FULL_DIRECTORY => Layout {
            name_len: offset_of!(FILE_ID_FULL_DIR_INFORMATION, FileNameLength),
            name: offset_of!(FILE_ID_FULL_DIR_INFORMATION, FileName),
            ea: Some(offset_of!(FILE_ID_FULL_DIR_INFORMATION, EaSize)),
            short: None,
            id: Some((offset_of!(FILE_ID_FULL_DIR_INFORMATION, FileId), 8)),
            common: true,
        },
        c::ID_EXTD_DIRECTORY => Layout {
            name_len: offset_of!(FILE_ID_EXTD_DIR_INFORMATION, FileNameLength),
            name: offset_of!(FILE_ID_EXTD_DIR_INFORMATION, FileName),
            ea: Some(offset_of!(FILE_ID_EXTD_DIR_INFORMATION, EaSize)),
            short: None,
            id: Some((offset_of!(FILE_ID_EXTD_DIR_INFORMATION, FileId), 16)),
            common: true,
        },
        _ => return None,
    })
}

fn put_u32(buf: &mut [u8], off: usize, v: u32) {
    buf[off..off + 4].copy_from_slice(&v.to_le_bytes());
}

fn put_i64(buf: &mut [u8], off: usize, v: i64) {
    buf[off..off + 8].copy_from_slice(&v.to_le_bytes());
}

/// Write one entry at the start of `buf`; returns (bytes used, whether the whole name fit).
fn write_entry(buf: &mut [u8], l: &Layout, e: &Entry, index: u32) -> (usize, bool) {
    let name: Vec<u16> = e.name.encode_utf16().collect();
    buf[..l.name].fill(0);
    put_u32(buf, 4, index);
    if l.common {
        let s = &e.stat;
        put_i64(buf, 8, s.creation);
        put_i64(buf, 16, s.access);
        put_i64(buf, 24, s.write);
        put_i64(buf, 32, s.change);
        put_i64(buf, 40, s.size as i64);
        put_i64(buf, 48, s.allocation as i64);
        put_u32(buf, 56, s.attributes);
    }
    put_u32(buf, l.name_len, (name.len() * 2) as u32);
    let _ = (l.ea, l.short);
    if let Some((off, _)) = l.id {
        put_i64(buf, off, e.stat.ino as i64);
    }
    let (n, all) = info::put_name(buf, l.name, &name);
    (l.name + n, all)
}

/// NtQueryDirectoryFile on a directory handle: as many entries as fit in `buf` (one if
/// `single`), matching `mask` (fixed by the first call or a restart). STATUS_NO_SUCH_FILE
/// when nothing matches at all, STATUS_NO_MORE_FILES at the end; a first entry whose name
/// does not fit is cut, with STATUS_BUFFER_OVERFLOW.
pub fn query_directory(
    h: HANDLE,
    class: u32,
    buf: &mut [u8],
    single: bool,
    mask: Option<&str>,
    restart: bool,
) -> Result<(usize, NtStatus), NtStatus> {
    let l = layout(class).ok_or(status::INVALID_INFO_CLASS)?;
    if buf.len() < l.name {
        return Err(status::INFO_LENGTH_MISMATCH);
    }
    with_file(h, |f| {
        let o = f.opened()?;
        if !o.is_dir {
            return Err(status::INVALID_PARAMETER);
        }
        if o.access & FILE_LIST_DIRECTORY == 0 {
            return Err(status::ACCESS_DENIED);
        }
        let mut listing = o.listing.lock().unwrap_or_else(|e| e.into_inner());
        if listing.is_none() || restart {
            let expr = match (mask, listing.as_ref()) {
                (Some(m), _) if !m.is_empty() => nt_expression(m),
                (_, Some(old)) => old.expr.clone(),
                _ => vec!['*'],
            };
            let dir = super::fd_path(f.fd).ok_or(status::OBJECT_PATH_NOT_FOUND)?;
            let entries = list(&dir, Some(&expr), false)?;
            if entries.is_empty() {
                *listing = Some(Listing { entries, pos: 0, expr });
                return Err(status::NO_SUCH_FILE);
            }
            *listing = Some(Listing { entries, pos: 0, expr });
        }
        let lst = listing.as_mut().expect("set above");
        if lst.pos >= lst.entries.len() {
            return Err(status::NO_MORE_FILES);
        }
        let mut off = 0usize;
        let mut last: Option<usize> = None;
        while lst.pos < lst.entries.len() {
            let start = off.next_multiple_of(8);
            if start + l.name > buf.len() {
                break;
            }
            let e = &lst.entries[lst.pos];
            let (used, all) = write_entry(&mut buf[start..], &l, e, lst.pos as u32);
            if !all {
                if last.is_none() {
                    lst.pos += 1;
                    return Ok((start + used, status::BUFFER_OVERFLOW));
                }
                break;
            }
            if let Some(prev) = last {
                put_u32(buf, prev, (start - prev) as u32);
            }
            last = Some(start);
            off = start + used;
            lst.pos += 1;
            if single {
                break;
            }
        }
        if last.is_none() {
            return Err(status::BUFFER_OVERFLOW);
        }
        Ok((off, status::SUCCESS))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pattern: &str, name: &str) -> bool {
        let n: Vec<char> = fold(name).chars().collect();
        matches(&dos_expression(pattern), &n)
    }

    #[test]
    fn windows_wildcards() {
        for name in ["a", "a.txt", "b.TXT", "abc", "abc.d", "a.b.c", ".dot", "ab"] {
            assert!(m("*", name) && m("*.*", name), "{name}");
        }
        assert!(m("*.txt", "a.txt") && m("*.TXT", "b.txt") && m("*.txt", "a.b.txt") && !m("*.txt", "a.txtx"));
        // *. : names without an extension.
        assert!(m("*.", "abc") && !m("*.", "abc.d") && !m("*.", "a.b.c"));
        // ? matches one character, or nothing at the end or before a dot.
        assert!(m("a?", "ab") && m("a?", "a") && !m("a?", "abc"));
        assert!(m("a??", "abc") && m("a??", "a") && !m("a??", "abcd"));
        assert!(m("a?.txt", "a.txt") && m("a?.txt", "ab.txt") && !m("a?.txt", "abc.txt"));
        assert!(m("a?c", "abc") && !m("a?c", "ac"));
        // .* at the end also matches no extension; trailing dots are ignored.
        assert!(m("a.*", "a") && m("a.*", "a.txt") && m("a.*", "a.b.c") && !m("a.*", "ab"));
        assert!(m("a.txt.", "a.txt") && m("abc.", "abc"));
        assert!(m("*c", "abc") && m("*c", "a.b.c") && !m("*c", "abc.d"));
        assert!(m("A*", "abc.d") && m("*.t?t", "a.txt") && !m("*.tx", "a.txt"));
        assert!(m("*.*.*", "a") && m("???", "abc") && m("???", "ab"));
        // NT expressions (no DOS translation).
        let n: Vec<char> = "A.TXT".chars().collect();
        assert!(matches(&nt_expression("*.txt"), &n) && !matches(&nt_expression("a?"), &n));
    }

    #[test]
    fn find_files() {
        let (dos, dir) = crate::file::open::tests::scratch("find");
        for n in ["a.txt", "b.TXT", "abc", "abc.d"] {
            std::fs::write(dir.join(n), n).unwrap();
        }
        std::fs::create_dir(dir.join("sub")).unwrap();
        let all = |pat: &str| -> Vec<String> {
            match find_first(&format!("{dos}\\{pat}"), false) {
                Ok((h, first)) => {
                    let mut v = vec![first.name];
                    while let Ok(e) = find_next(h) {
                        v.push(e.name);
                    }
                    assert_eq!(find_next(h).unwrap_err(), status::NO_MORE_FILES);
                    find_close(h).unwrap();
                    v
                }
                Err(e) => vec![format!("{e:#x}")],
            }
        };
        assert_eq!(all("*"), [".", "..", "a.txt", "abc", "abc.d", "b.TXT", "sub"]);
        assert_eq!(all("*.txt"), ["a.txt", "b.TXT"]);
        assert_eq!(all("*."), [".", "..", "abc", "sub"]);
        assert_eq!(all("SUB"), ["sub"]);
        assert_eq!(all("nomatch*"), [format!("{:#x}", status::NO_SUCH_FILE)]);
        assert_eq!(find_first(&format!("{dos}\\nodir\\*"), false).unwrap_err(), status::OBJECT_PATH_NOT_FOUND);
        assert_eq!(find_first(&format!("{dos}\\"), false).unwrap_err(), status::NO_SUCH_FILE);
        let (h, e) = find_first(&format!("{dos}\\*"), true).unwrap();
        assert_eq!(e.name, ".");
        assert_eq!(find_next(h).unwrap().name, "..");
        assert_eq!(find_next(h).unwrap().name, "sub");
        find_close(h).unwrap();
        assert_eq!(find_close(h), Err(status::INVALID_HANDLE));
        let root = path::drive_root(b'C').unwrap().to_path_buf();
        assert!(list(&root, None, false).unwrap().iter().all(|e| e.name != "." && e.name != ".."));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
