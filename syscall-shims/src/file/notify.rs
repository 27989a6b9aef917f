//! Change notifications on inotify: ReadDirectoryChangesW (a watch on a directory handle,
//! made by its first call and buffering changes from then on) and FindFirstChangeNotification
//! (a manual-reset event that a watcher thread signals).
//!
//! Filters map to inotify events: file and directory names to create/delete/move, attributes
//! and security to attribute changes, size and last write to modifications, last access to
//! accesses, creation to creates. A move within the watched tree is reported as the pair
//! RENAMED_OLD_NAME, RENAMED_NEW_NAME; a move in or out as ADDED or REMOVED. Subtree watches
//! follow directories created later.

use std::collections::{HashMap, VecDeque};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, Mutex, Weak};
use std::time::{Duration, Instant};

use crate::errno::{NtStatus, status};
use crate::handles::{self, Object};
use crate::waitable;
use windows_sys::Win32::Foundation::HANDLE;

pub const FILE_NAME: u32 = 0x1;
pub const DIR_NAME: u32 = 0x2;
pub const ATTRIBUTES: u32 = 0x4;
pub const SIZE: u32 = 0x8;
pub const LAST_WRITE: u32 = 0x10;
pub const LAST_ACCESS: u32 = 0x20;
pub const CREATION: u32 = 0x40;
pub const SECURITY: u32 = 0x100;

pub const ACTION_ADDED: u32 = 1;
pub const ACTION_REMOVED: u32 = 2;
pub const ACTION_MODIFIED: u32 = 3;
pub const ACTION_RENAMED_OLD_NAME: u32 = 4;
pub const ACTION_RENAMED_NEW_NAME: u32 = 5;

/// One change: what happened to which name (relative to the watched directory, `\`-separated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub action: u32,
    pub name: String,
}

/// An inotify instance watching a directory (and maybe its subtree).
pub struct Watch {
    fd: i32,
    root: PathBuf,
    subtree: bool,
    filter: u32,
    mask: u32,
    /// Watch descriptor → directory relative to the root.
    dirs: Mutex<HashMap<i32, PathBuf>>,
    pending: Mutex<VecDeque<Change>>,
    stopped: AtomicBool,
}

impl Drop for Watch {
    fn drop(&mut self) {
        // SAFETY: our inotify fd.
        unsafe { libc::close(self.fd) };
    }
}

fn inotify_mask(filter: u32, subtree: bool) -> u32 {
    let mut m = 0;
    if filter & (FILE_NAME | DIR_NAME) != 0 {
        m |= libc::IN_CREATE | libc::IN_DELETE | libc::IN_MOVED_FROM | libc::IN_MOVED_TO;
    }
    if filter & (ATTRIBUTES | SECURITY) != 0 {
        m |= libc::IN_ATTRIB;
    }
    if filter & (SIZE | LAST_WRITE) != 0 {
        m |= libc::IN_MODIFY;
    }
    if filter & LAST_ACCESS != 0 {
        m |= libc::IN_ACCESS;
    }
    if filter & CREATION != 0 {
        m |= libc::IN_CREATE;
    }
    if subtree {
        m |= libc::IN_CREATE | libc::IN_MOVED_TO;
    }
    m | libc::IN_ONLYDIR
}

impl Watch {
    /// Watch `root` for the FILE_NOTIFY_CHANGE_* `filter`.
    pub fn new(root: &Path, subtree: bool, filter: u32) -> Result<Arc<Watch>, NtStatus> {
        if filter == 0 || filter & !0x17f != 0 {
            return Err(status::INVALID_PARAMETER);
        }
        // SAFETY: inotify_init1 has no memory preconditions.
        let fd = unsafe { libc::inotify_init1(libc::IN_CLOEXEC | libc::IN_NONBLOCK) };
        if fd < 0 {
            return Err(crate::errno::last_status());
        }
        let w = Arc::new(Watch {
            fd,
            root: root.to_path_buf(),
            subtree,
            filter,
            mask: inotify_mask(filter, subtree),
            dirs: Mutex::new(HashMap::new()),
            pending: Mutex::new(VecDeque::new()),
            stopped: AtomicBool::new(false),
        });
        w.add(Path::new(""))?;
        Ok(w)
    }

    /// Watch the directory `rel` (and, for subtrees, those below it).
    fn add(&self, rel: &Path) -> Result<(), NtStatus> {
        let full = self.root.join(rel);
        let c = std::ffi::CString::new(full.as_os_str().as_bytes()).map_err(|_| status::OBJECT_NAME_INVALID)?;
        // SAFETY: a NUL-terminated path.
        let wd = unsafe { libc::inotify_add_watch(self.fd, c.as_ptr(), self.mask) };
        if wd < 0 {
            return Err(crate::errno::last_status());
        }
        self.dirs.lock().unwrap_or_else(|e| e.into_inner()).insert(wd, rel.to_path_buf());
        if self.subtree
            && let Ok(rd) = std::fs::read_dir(&full)
        {
            for e in rd.flatten() {
                if e.file_type().is_ok_and(|t| t.is_dir()) {
                    let _ = self.add(&rel.join(e.file_name()));
                }
            }
        }
        Ok(())
    }

    /// Stop watching: waiters return.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::Release);
    }

    pub fn is_stopped(&self) -> bool {
        self.stopped.load(Ordering::Acquire)
    }

    /// Read what inotify has, turning events into changes.
    fn drain(&self) {
        let mut buf = vec![0u8; 65536];
        loop {
            // SAFETY: the buffer is valid for its length.
            let n = unsafe { libc::read(self.fd, buf.as_mut_ptr() as *mut _, buf.len()) };
            if n <= 0 {
                return;
            }
            let mut events = Vec::new();
            let mut off = 0usize;
            let hdr = std::mem::size_of::<libc::inotify_event>();
            while off + hdr <= n as usize {
                // SAFETY: a complete event header within the bytes read.
                let ev: libc::inotify_event = unsafe { std::ptr::read_unaligned(buf.as_ptr().add(off) as *const _) };
                let name_bytes = &buf[off + hdr..off + hdr + ev.len as usize];
                let end = name_bytes.iter().position(|&b| b == 0).unwrap_or(name_bytes.len());
                let name = String::from_utf8_lossy(&name_bytes[..end]).into_owned();
                events.push((ev.wd, ev.mask, ev.cookie, name));
                off += hdr + ev.len as usize;
            }
            self.translate(events);
        }
    }

    fn translate(&self, events: Vec<(i32, u32, u32, String)>) {
        let mut out = Vec::new();
        let mut used = vec![false; events.len()];
        for i in 0..events.len() {
            if used[i] {
                continue;
            }
            let (wd, mask, cookie, ref name) = events[i];
            let Some(rel) = self.dirs.lock().unwrap_or_else(|e| e.into_inner()).get(&wd).cloned() else { continue };
            if name.is_empty() {
                continue;
            }
            let relname = rel.join(name);
            let shown = relname.to_string_lossy().replace('/', "\\");
            let is_dir = mask & libc::IN_ISDIR != 0;
            let names_wanted = self.filter & if is_dir { DIR_NAME } else { FILE_NAME } != 0;
            if mask & (libc::IN_CREATE | libc::IN_MOVED_TO) != 0 && is_dir && self.subtree {
                let _ = self.add(&relname);
            }
            if mask & libc::IN_MOVED_FROM != 0 {
                let to = (i + 1..events.len()).find(|&j| events[j].2 == cookie && events[j].1 & libc::IN_MOVED_TO != 0);
                if names_wanted {
                    match to {
                        Some(j) => {
                            used[j] = true;
                            let r2 = self
                                .dirs
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .get(&events[j].0)
                                .cloned()
                                .unwrap_or_default();
                            let new = r2.join(&events[j].3).to_string_lossy().replace('/', "\\");
                            out.push(Change { action: ACTION_RENAMED_OLD_NAME, name: shown });
                            out.push(Change { action: ACTION_RENAMED_NEW_NAME, name: new });
                        }
                        None => out.push(Change { action: ACTION_REMOVED, name: shown }),
                    }
                }
                continue;
            }
            let action = if mask & (libc::IN_CREATE | libc::IN_MOVED_TO) != 0 {
                if !(names_wanted || (mask & libc::IN_CREATE != 0 && self.filter & CREATION != 0)) {
                    continue;
                }
                ACTION_ADDED
            } else if mask & libc::IN_DELETE != 0 {
                if !names_wanted {
                    continue;
                }
                ACTION_REMOVED
            } else if mask & (libc::IN_MODIFY | libc::IN_ATTRIB | libc::IN_ACCESS) != 0 {
                ACTION_MODIFIED
            } else {
                continue;
            };
            let ch = Change { action, name: shown };
            // Several writes in one batch are one modification.
            if action == ACTION_MODIFIED && out.last() == Some(&ch) {
                continue;
            }
            out.push(ch);
        }
        self.pending.lock().unwrap_or_else(|e| e.into_inner()).extend(out);
    }

    /// Wait (up to `timeout`, None: until there are some or the watch stops) for changes and
    /// take them.
    pub fn wait(&self, timeout: Option<Duration>) -> Vec<Change> {
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            self.drain();
            {
                let mut p = self.pending.lock().unwrap_or_else(|e| e.into_inner());
                if !p.is_empty() {
                    return p.drain(..).collect();
                }
            }
            if self.is_stopped() {
                return Vec::new();
            }
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            if left == Some(Duration::ZERO) {
                return Vec::new();
            }
            let ms = left.map_or(100, |l| l.as_millis().clamp(1, 100) as i32);
            let mut pfd = libc::pollfd { fd: self.fd, events: libc::POLLIN, revents: 0 };
            // SAFETY: one valid pollfd.
            unsafe { libc::poll(&mut pfd, 1, ms) };
        }
    }

    /// Put changes back (those that did not fit a caller's buffer).
    pub fn unread(&self, changes: Vec<Change>) {
        let mut p = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        for c in changes.into_iter().rev() {
            p.push_front(c);
        }
    }
}

/// The watch of a directory handle for ReadDirectoryChangesW (made by the first call; later
/// calls keep its subtree and filter).
pub fn handle_watch(h: HANDLE, subtree: bool, filter: u32) -> Result<Arc<Watch>, NtStatus> {
    super::with_file(h, |f| {
        let o = f.opened()?;
        if !o.is_dir {
            return Err(status::INVALID_PARAMETER);
        }
        let mut w = o.watch.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(w) = w.as_ref() {
            return Ok(w.clone());
        }
        let dir = super::fd_path(f.fd).ok_or(status::OBJECT_PATH_NOT_FOUND)?;
        let new = Watch::new(&dir, subtree, filter)?;
        *w = Some(new.clone());
        Ok(new)
    })
}

/// FILE_NOTIFY_INFORMATION records for `changes` in `buf`: returns the bytes used and the
/// changes that did not fit.
pub fn format(changes: Vec<Change>, buf: &mut [u8]) -> (usize, Vec<Change>) {
    let mut off = 0usize;
    let mut last: Option<usize> = None;
    let mut rest = Vec::new();
    for c in changes {
        let name: Vec<u16> = c.name.encode_utf16().collect();
        let start = off.next_multiple_of(4);
        let need = 12 + name.len() * 2;
        if !rest.is_empty() || start + need > buf.len() {
            rest.push(c);
            continue;
        }
        buf[start..start + 4].copy_from_slice(&0u32.to_le_bytes());
        buf[start + 4..start + 8].copy_from_slice(&c.action.to_le_bytes());
        buf[start + 8..start + 12].copy_from_slice(&((name.len() * 2) as u32).to_le_bytes());
        for (i, u) in name.iter().enumerate() {
            buf[start + 12 + 2 * i..start + 14 + 2 * i].copy_from_slice(&u.to_le_bytes());
        }
        if let Some(p) = last {
            buf[p..p + 4].copy_from_slice(&((start - p) as u32).to_le_bytes());
        }
        last = Some(start);
        off = start + need;
    }
    (off, rest)
}

// ---------------------------------------------------------------------------------------------
// FindFirstChangeNotification.

static NOTIFIERS: LazyLock<Mutex<HashMap<usize, Arc<Watch>>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// FindFirstChangeNotification: a handle (an event) signaled when the directory `dir` (a Unix
/// path) changes as `filter` says.
pub fn change_notification(dir: &Path, subtree: bool, filter: u32) -> Result<HANDLE, NtStatus> {
    let w = Watch::new(dir, subtree, filter)?;
    let obj = Arc::new(Object::Event(waitable::Event::new(true, false)));
    let weak: Weak<Object> = Arc::downgrade(&obj);
    let key = Arc::as_ptr(&obj) as usize;
    NOTIFIERS.lock().unwrap_or_else(|e| e.into_inner()).insert(key, w.clone());
    let h = handles::insert(obj, false);
    std::thread::Builder::new()
        .name("wine-rs-notify".into())
        .spawn(move || {
            loop {
                let changes = w.wait(Some(Duration::from_millis(200)));
                let Some(obj) = weak.upgrade() else { break };
                if w.is_stopped() {
                    break;
                }
                if !changes.is_empty()
                    && let Object::Event(e) = &*obj
                {
                    e.set();
                }
            }
            NOTIFIERS.lock().unwrap_or_else(|e| e.into_inner()).remove(&key);
        })
        .map_err(|_| status::INSUFFICIENT_RESOURCES)?;
    Ok(h)
}

fn notifier(h: HANDLE) -> Result<(Arc<Object>, Arc<Watch>), NtStatus> {
    let obj = handles::get(h).map_err(|_| status::INVALID_HANDLE)?;
    let w = NOTIFIERS.lock().unwrap_or_else(|e| e.into_inner()).get(&(Arc::as_ptr(&obj) as usize)).cloned();
    w.map(|w| (obj, w)).ok_or(status::INVALID_HANDLE)
}

/// FindNextChangeNotification: wait for the next change (the handle is reset).
pub fn next_change_notification(h: HANDLE) -> Result<(), NtStatus> {
    let (obj, _) = notifier(h)?;
    if let Object::Event(e) = &*obj {
        e.reset();
    }
    Ok(())
}

/// FindCloseChangeNotification: stop watching and close the handle.
pub fn close_change_notification(h: HANDLE) -> Result<(), NtStatus> {
    let (_, w) = notifier(h)?;
    w.stop();
    handles::close(h).map_err(crate::errno::win32_to_status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watch_changes() {
        let dir = std::env::temp_dir().join(format!("wine-rs-notify-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        let w = Watch::new(&dir, true, FILE_NAME | DIR_NAME | LAST_WRITE).unwrap();
        std::fs::write(dir.join("a.txt"), "x").unwrap();
        std::fs::rename(dir.join("a.txt"), dir.join("b.txt")).unwrap();
        std::fs::write(dir.join("sub/c.txt"), "y").unwrap();
        std::fs::remove_file(dir.join("b.txt")).unwrap();
        let mut got = Vec::new();
        let t0 = Instant::now();
        while got.iter().all(|c: &Change| c.action != ACTION_REMOVED) && t0.elapsed() < Duration::from_secs(5) {
            got.extend(w.wait(Some(Duration::from_millis(500))));
        }
        let names: Vec<(u32, &str)> =
            got.iter().map(|c| (c.action, c.name.as_str())).filter(|c| c.0 != ACTION_MODIFIED).collect();
        assert_eq!(names, [(1, "a.txt"), (4, "a.txt"), (5, "b.txt"), (1, "sub\\c.txt"), (2, "b.txt")], "{got:?}");
        let (n, rest) = format(
            vec![Change { action: 1, name: "ab".into() }, Change { action: 2, name: "c".into() }],
            &mut [0u8; 20],
        );
        assert_eq!((n, rest.len()), (16, 1));
        // A change notification handle.
        let h = change_notification(&dir, false, FILE_NAME).unwrap();
        assert_eq!(waitable::wait_handles(&[h], false, 0).unwrap().code(), 0x102);
        std::fs::write(dir.join("d.txt"), "z").unwrap();
        assert_eq!(waitable::wait_handles(&[h], false, 5000).unwrap().code(), 0);
        next_change_notification(h).unwrap();
        assert_eq!(waitable::wait_handles(&[h], false, 0).unwrap().code(), 0x102);
        close_change_notification(h).unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }
}
