//! Byte-range locks, as LockFileEx documents them.
//!
//! - A lock belongs to the handle's open (not the process, not the thread).
//! - An exclusive lock cannot overlap any lock, the handle's own included; a shared lock can
//!   overlap only shared locks. A conflict is STATUS_LOCK_NOT_GRANTED (ERROR_LOCK_VIOLATION)
//!   when failing immediately, else the caller waits for the range to be free.
//! - Locks are mandatory for ReadFile and WriteFile: reading a range another handle locked
//!   exclusively, and writing a range locked shared (by anyone) or exclusively by another
//!   handle, fail with STATUS_FILE_LOCK_CONFLICT (ERROR_LOCK_VIOLATION).
//! - UnlockFile must name exactly a range the handle locked (else STATUS_RANGE_NOT_LOCKED);
//!   closing the handle releases its locks.
//! - Ranges may lie past the end of the file; empty ranges never conflict.
//!
//! Among this process's handles all of this holds. Other processes also take OFD locks on the
//! host, so locks between processes exclude each other (but are not mandatory for their I/O).

use std::sync::atomic::Ordering;

use super::{Node, NodeState, Opened, with_file};
use crate::errno::{NtStatus, status};
use windows_sys::Win32::Foundation::HANDLE;

/// One lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lock {
    /// The open (file object) holding it.
    pub owner: u64,
    pub offset: u64,
    pub len: u64,
    pub exclusive: bool,
    /// The fd whose OFD lock backs it (for releasing it).
    pub fd: i32,
}

impl Lock {
    fn overlaps(&self, offset: u64, len: u64) -> bool {
        len != 0
            && self.len != 0
            && offset < self.offset.saturating_add(self.len)
            && self.offset < offset.saturating_add(len)
    }
}

/// Does a new lock conflict with the node's locks?
fn conflicts(st: &NodeState, offset: u64, len: u64, exclusive: bool) -> bool {
    st.locks.iter().any(|l| l.overlaps(offset, len) && (exclusive || l.exclusive))
}

/// The host's OFD lock for a range (l_len 0 would mean "to the end": cap instead).
fn ofd(fd: i32, offset: u64, len: u64, kind: i32, wait: bool) -> bool {
    let start = offset.min(i64::MAX as u64) as i64;
    let len = len.min((i64::MAX - start) as u64) as i64;
    if len == 0 {
        return true;
    }
    // SAFETY: a zeroed flock filled in; fcntl with a valid pointer.
    let mut fl: libc::flock = unsafe { std::mem::zeroed() };
    fl.l_type = kind as i16;
    fl.l_whence = libc::SEEK_SET as i16;
    fl.l_start = start;
    fl.l_len = len;
    let cmd = if wait { libc::F_OFD_SETLKW } else { libc::F_OFD_SETLK };
    unsafe { libc::fcntl(fd, cmd, &fl) == 0 }
}

/// LockFileEx: lock `len` bytes at `offset` for the handle `h`; `wait` blocks until the range
/// is free instead of failing with STATUS_LOCK_NOT_GRANTED.
pub fn lock(h: HANDLE, offset: u64, len: u64, exclusive: bool, wait: bool) -> Result<(), NtStatus> {
    with_file(h, |f| {
        let o = f.opened()?;
        if o.is_dir {
            return Err(status::INVALID_PARAMETER);
        }
        let node = &o.node;
        let mut st = node.lock();
        loop {
            if !conflicts(&st, offset, len, exclusive) {
                // Other processes: the host's locks (not for our own overlapping shared locks,
                // which the host would merge).
                let kind = if exclusive { libc::F_WRLCK } else { libc::F_RDLCK };
                if !ofd(f.fd, offset, len, kind, false) {
                    if !wait {
                        return Err(status::LOCK_NOT_GRANTED);
                    }
                    drop(st);
                    std::thread::sleep(std::time::Duration::from_millis(10));
                    st = node.lock();
                    continue;
                }
                st.locks.push(Lock { owner: o.id, offset, len, exclusive, fd: f.fd });
                node.lock_count.store(st.locks.len(), Ordering::Release);
                return Ok(());
            }
            if !wait {
                return Err(status::LOCK_NOT_GRANTED);
            }
            st = node.unlocked.wait(st).unwrap_or_else(|e| e.into_inner());
        }
    })
}

/// Give the host locks of a released range back, keeping what the owner's other locks cover.
fn release_host(st: &NodeState, l: &Lock) {
    ofd(l.fd, l.offset, l.len, libc::F_UNLCK, false);
    for other in st.locks.iter().filter(|o| o.fd == l.fd && o.overlaps(l.offset, l.len)) {
        let kind = if other.exclusive { libc::F_WRLCK } else { libc::F_RDLCK };
        ofd(other.fd, other.offset, other.len, kind, false);
    }
}

/// UnlockFileEx: release exactly the range `h` locked at `offset` for `len` bytes.
pub fn unlock(h: HANDLE, offset: u64, len: u64) -> Result<(), NtStatus> {
    with_file(h, |f| {
        let o = f.opened()?;
        let node = &o.node;
        let mut st = node.lock();
        let i = st
            .locks
            .iter()
            .position(|l| l.owner == o.id && l.offset == offset && l.len == len)
            .ok_or(status::RANGE_NOT_LOCKED)?;
        let l = st.locks.remove(i);
        release_host(&st, &l);
        node.lock_count.store(st.locks.len(), Ordering::Release);
        node.unlocked.notify_all();
        Ok(())
    })
}

/// Release every lock of an open (its handle closes).
pub(crate) fn release_owner(node: &Node, st: &mut NodeState, owner: u64) {
    let gone: Vec<Lock> = st.locks.iter().filter(|l| l.owner == owner).copied().collect();
    st.locks.retain(|l| l.owner != owner);
    for l in &gone {
        release_host(st, l);
    }
    node.lock_count.store(st.locks.len(), Ordering::Release);
    node.unlocked.notify_all();
}

/// May the open `o` read (or write) `len` bytes at `offset`?
pub(crate) fn check_io(o: &Opened, offset: u64, len: u64, write: bool) -> Result<(), NtStatus> {
    let st = o.node.lock();
    let blocked = st.locks.iter().any(|l| {
        l.overlaps(offset, len) && if write { !l.exclusive || l.owner != o.id } else { l.exclusive && l.owner != o.id }
    });
    if blocked { Err(status::FILE_LOCK_CONFLICT) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::open::tests::scratch;
    use crate::file::{At, CreateOptions, create, read_at, write_at};
    use crate::handles;
    use windows_sys::Win32::Foundation::{GENERIC_READ, GENERIC_WRITE};
    use windows_sys::Win32::Storage::FileSystem::OPEN_ALWAYS;

    #[test]
    fn locks() {
        let (dos, dir) = scratch("lock");
        let f = format!("{dos}\\l.bin");
        let o =
            CreateOptions { access: GENERIC_READ | GENERIC_WRITE, disposition: OPEN_ALWAYS, flags: 0, inherit: false };
        let (a, _) = create(&f, &o).unwrap();
        let (b, _) = create(&f, &o).unwrap();
        write_at(a, &[7u8; 100], At::Offset(0)).unwrap();
        lock(a, 10, 10, true, false).unwrap();
        assert_eq!(lock(a, 15, 2, false, false), Err(status::LOCK_NOT_GRANTED), "exclusive covers own handle");
        assert_eq!(lock(b, 19, 5, true, false), Err(status::LOCK_NOT_GRANTED));
        lock(b, 20, 5, true, false).unwrap();
        lock(b, 1000, 5, false, false).unwrap();
        lock(a, 1002, 1, false, false).unwrap();
        lock(b, 0, 0, true, false).unwrap();
        // Mandatory for I/O.
        let mut buf = [0u8; 4];
        assert_eq!(read_at(b, &mut buf, At::Offset(12)), Err(status::FILE_LOCK_CONFLICT));
        assert_eq!(read_at(a, &mut buf, At::Offset(12)), Ok(4));
        assert_eq!(write_at(b, b"x", At::Offset(10)), Err(status::FILE_LOCK_CONFLICT));
        assert_eq!(write_at(a, b"x", At::Offset(10)), Ok(1));
        assert_eq!(write_at(a, b"x", At::Offset(1000)), Err(status::FILE_LOCK_CONFLICT), "shared locks block writes");
        assert_eq!(unlock(a, 10, 5), Err(status::RANGE_NOT_LOCKED));
        assert_eq!(unlock(b, 10, 10), Err(status::RANGE_NOT_LOCKED));
        unlock(a, 10, 10).unwrap();
        assert_eq!(read_at(b, &mut buf, At::Offset(12)), Ok(4));
        // A waiter gets the range when the holder unlocks.
        let bb = b as usize;
        lock(a, 50, 10, true, false).unwrap();
        let t = std::thread::spawn(move || lock(bb as HANDLE, 55, 1, true, true));
        std::thread::sleep(std::time::Duration::from_millis(50));
        unlock(a, 50, 10).unwrap();
        assert_eq!(t.join().unwrap(), Ok(()));
        // Closing releases.
        handles::close(b).unwrap();
        lock(a, 20, 5, true, false).unwrap();
        lock(a, 55, 1, true, false).unwrap();
        handles::close(a).unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }
}
