//! Case-insensitive names on a case-sensitive file system.
//!
//! Callers try the exact name first (one system call: the common case costs nothing more).
//! Only when that fails do they [`resolve`] the path component by component: an exact match
//! first, then a scan of the directory for a name equal under Windows' upper-casing. Scans are
//! cached per directory and checked against the directory's modification time on each use.
//! A name found in the cache is always confirmed by the operation that uses it (a stale hit
//! fails and is looked up again); a name *not* in the cache is trusted to be absent only when
//! the directory's time is unchanged and either this process made the last change (and
//! recorded it here) or the directory had been quiet for longer than the file system's
//! timestamp granularity when it was scanned. A directory changed by another process within
//! one timestamp tick of our scan is the one case where a case variant may be missed.
//!
//! When several names in a directory differ only in case, an exact match wins; otherwise the
//! smallest name (in byte order) is taken.

use std::collections::HashMap;
use std::ffi::{CString, OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use crate::errno::{NtStatus, status};

/// Windows' case folding for names: simple one-to-one upper-casing (RtlUpcaseUnicodeChar).
pub fn fold(name: &str) -> String {
    if name.is_ascii() {
        return name.to_ascii_uppercase();
    }
    name.chars()
        .map(|c| {
            let mut up = c.to_uppercase();
            match (up.next(), up.next()) {
                (Some(u), None) if (u as u32) < 0x10000 || (c as u32) >= 0x10000 => u,
                _ => c,
            }
        })
        .collect()
}

/// Do two names match case-insensitively?
pub fn eq_fold(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    fold(a) == fold(b)
}

/// stat (following symbolic links) or lstat.
pub(crate) fn stat_path(p: &Path, follow: bool) -> Result<libc::stat, i32> {
    let c = CString::new(p.as_os_str().as_bytes()).map_err(|_| libc::EINVAL)?;
    // SAFETY: a NUL-terminated path and a zeroed stat buffer.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let r = unsafe { if follow { libc::stat(c.as_ptr(), &mut st) } else { libc::lstat(c.as_ptr(), &mut st) } };
    if r == 0 { Ok(st) } else { Err(crate::errno::errno()) }
}

fn is_dir(st: &libc::stat) -> bool {
    st.st_mode & libc::S_IFMT == libc::S_IFDIR
}

struct DirCache {
    mtime: (i64, i64),
    ino: u64,
    /// May a miss be trusted (see the module documentation)?
    settled: bool,
    /// Folded name → the name on disk.
    names: HashMap<String, OsString>,
}

const MAX_DIRS: usize = 512;
/// Longer than any file system's timestamp granularity (jiffies at HZ=100).
const SETTLE_NS: i64 = 50_000_000;

static CACHE: LazyLock<Mutex<HashMap<PathBuf, DirCache>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

fn now_ns() -> i64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a valid timespec to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut ts) };
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

fn dir_stamp(dir: &Path) -> Option<((i64, i64), u64)> {
    let st = stat_path(dir, true).ok()?;
    is_dir(&st).then_some(((st.st_mtime, st.st_mtime_nsec), st.st_ino))
}

fn scan(dir: &Path, stamp: ((i64, i64), u64)) -> Option<DirCache> {
    let rd = std::fs::read_dir(dir).ok()?;
    let mut names: HashMap<String, OsString> = HashMap::new();
    for e in rd.flatten() {
        let n = e.file_name();
        let Some(s) = n.to_str() else { continue };
        let key = fold(s);
        match names.get(&key) {
            Some(old) if old.as_bytes() <= n.as_bytes() => {}
            _ => {
                names.insert(key, n);
            }
        }
    }
    let (mtime, ino) = stamp;
    let settled = mtime.0 * 1_000_000_000 + mtime.1 + SETTLE_NS < now_ns();
    Some(DirCache { mtime, ino, settled, names })
}

/// The name in `dir` equal to `name` under case folding, if any.
pub fn find_in_dir(dir: &Path, name: &str) -> Option<OsString> {
    let stamp = dir_stamp(dir)?;
    let key = fold(name);
    let cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = cache.get(dir)
        && c.mtime == stamp.0
        && c.ino == stamp.1
    {
        if let Some(n) = c.names.get(&key) {
            return Some(n.clone());
        }
        if c.settled {
            return None;
        }
    }
    drop(cache);
    let c = scan(dir, stamp)?;
    let found = c.names.get(&key).cloned();
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if cache.len() >= MAX_DIRS {
        cache.clear();
    }
    cache.insert(dir.to_path_buf(), c);
    found
}

/// Record that this process added (`Some`) or removed (`None`) `name` in `dir`: a cache entry
/// that was current stays current.
pub fn note_change(dir: &Path, name: &OsStr, added: bool) {
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    let Some(c) = cache.get_mut(dir) else { return };
    let Some(s) = name.to_str() else {
        cache.remove(dir);
        return;
    };
    let key = fold(s);
    if added {
        c.names.entry(key).or_insert_with(|| name.to_os_string());
    } else if c.names.get(&key).is_some_and(|n| n == name) {
        c.names.remove(&key);
    }
    match dir_stamp(dir) {
        Some((mtime, ino)) if ino == c.ino => {
            c.mtime = mtime;
            c.settled = true;
        }
        _ => {
            cache.remove(dir);
        }
    }
}

/// Record a change to `path` (its parent directory and file name).
pub fn note_path(path: &Path, added: bool) {
    if let (Some(dir), Some(name)) = (path.parent(), path.file_name()) {
        note_change(dir, name, added);
    }
}

/// Forget what is cached about `dir` (after changes this process did not track one by one).
pub fn forget(dir: &Path) {
    CACHE.lock().unwrap_or_else(|e| e.into_inner()).remove(dir);
}

/// A path resolved on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The Unix path: the names as they are on disk, the last one as asked when it does not
    /// exist.
    pub path: PathBuf,
    /// Does the last component exist?
    pub exists: bool,
}

/// Resolve `comps` under the directory `base`, case-insensitively. The last component need not
/// exist; a missing or non-directory intermediate one is STATUS_OBJECT_PATH_NOT_FOUND.
pub fn resolve(base: &Path, comps: &[&str]) -> Result<Resolved, NtStatus> {
    let mut cur = base.to_path_buf();
    let n = comps.len();
    if n == 0 {
        return match stat_path(&cur, true) {
            Ok(_) => Ok(Resolved { path: cur, exists: true }),
            Err(_) => Err(status::OBJECT_PATH_NOT_FOUND),
        };
    }
    for (i, c) in comps.iter().enumerate() {
        let last = i + 1 == n;
        let cand = cur.join(c);
        let st = stat_path(&cand, !last).or_else(|e| if last { Err(e) } else { stat_path(&cand, false) });
        match st {
            Ok(st) => {
                if !last && !is_dir(&st) {
                    return Err(status::OBJECT_PATH_NOT_FOUND);
                }
                cur = cand;
            }
            Err(_) => match find_in_dir(&cur, c) {
                Some(actual) => {
                    let p = cur.join(&actual);
                    match stat_path(&p, !last) {
                        Ok(st) if last || is_dir(&st) => cur = p,
                        Ok(_) => return Err(status::OBJECT_PATH_NOT_FOUND),
                        Err(_) if last => return Ok(Resolved { path: cand, exists: false }),
                        Err(_) => return Err(status::OBJECT_PATH_NOT_FOUND),
                    }
                }
                None if last => return Ok(Resolved { path: cand, exists: false }),
                None => return Err(status::OBJECT_PATH_NOT_FOUND),
            },
        }
    }
    Ok(Resolved { path: cur, exists: true })
}

/// Convert a path to an OsString (Unix paths are bytes).
pub fn os(p: &str) -> OsString {
    OsString::from_vec(p.as_bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("Readme.md"), "README.MD");
        assert_eq!(fold("élan"), "ÉLAN");
        assert_eq!(fold("straße"), "STRAßE", "ß has no one-to-one upper case");
        assert!(eq_fold("ÄbC", "äBc"));
        assert!(!eq_fold("a", "b"));
    }

    #[test]
    fn resolve_case_insensitively_with_cache() {
        let dir = std::env::temp_dir().join(format!("wine-rs-lookup-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("Sub")).unwrap();
        std::fs::write(dir.join("Sub/readme.md"), "x").unwrap();
        let r = resolve(&dir, &["SUB", "README.MD"]).unwrap();
        assert_eq!(r, Resolved { path: dir.join("Sub/readme.md"), exists: true });
        let r = resolve(&dir, &["sub", "new.TXT"]).unwrap();
        assert_eq!(r, Resolved { path: dir.join("Sub/new.TXT"), exists: false });
        assert_eq!(resolve(&dir, &["nodir", "x"]), Err(status::OBJECT_PATH_NOT_FOUND));
        assert_eq!(resolve(&dir, &["sub", "readme.md", "x"]), Err(status::OBJECT_PATH_NOT_FOUND));
        // A file created by someone else is found (the directory's time changed, or the scan
        // was not settled).
        std::fs::write(dir.join("Sub/Other.txt"), "y").unwrap();
        assert!(resolve(&dir, &["sub", "OTHER.TXT"]).unwrap().exists);
        // A change recorded by us keeps the cache current.
        std::fs::write(dir.join("Sub/Mine.txt"), "z").unwrap();
        note_change(&dir.join("Sub"), OsStr::new("Mine.txt"), true);
        assert_eq!(find_in_dir(&dir.join("Sub"), "mine.TXT"), Some(OsString::from("Mine.txt")));
        std::fs::remove_file(dir.join("Sub/Mine.txt")).unwrap();
        note_change(&dir.join("Sub"), OsStr::new("Mine.txt"), false);
        assert_eq!(find_in_dir(&dir.join("Sub"), "mine.TXT"), None);
        // Exact matches win over case variants.
        std::fs::write(dir.join("Sub/README.MD"), "X").unwrap();
        assert_eq!(resolve(&dir, &["Sub", "README.MD"]).unwrap().path, dir.join("Sub/README.MD"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
