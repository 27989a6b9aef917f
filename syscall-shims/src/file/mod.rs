//! The file layer: files as the handle table holds them (a host file descriptor plus the
//! Windows state of the open), and everything kernel32, ntdll and the C runtime do with files.
//! The semantics live here once; the DLLs decode their arguments and call in.
//!
//! | module | what |
//! |---|---|
//! | here | [`FileObject`], the per-file [`Node`] (sharing, delete-pending, locks), I/O on handles |
//! | [`open`] | NtCreateFile / CreateFile: dispositions, access and share modes, devices |
//! | [`info`] | attributes, times, sizes, identity; NtQuery/SetInformationFile classes |
//! | [`ops`] | by name: delete, move, copy, replace, links, directories, attributes |
//! | [`dir`] | directory listings, Windows wildcards, FindFirstFile, NtQueryDirectoryFile |
//! | [`lock`] | byte-range locks (LockFileEx) |
//! | [`mapping`] | sections and views (CreateFileMapping, MapViewOfFile) |
//! | [`notify`] | change notifications on inotify |
//! | [`volume`] | volumes, drives, free space, final path names |
//!
//! Errors are NTSTATUS values (`crate::errno::NtStatus`) in the layer's own API; the
//! functions the C runtime already used (`create`, `read`, `write`, `seek`, `size`, `set_end`,
//! `flush`, `file_type`, `attributes`, `delete`, `create_dir`, `remove_dir`, `set_attributes`,
//! `fd_of`) keep their Win32 error codes and signatures.
//!
//! Sharing, delete-pending and locks are enforced among this process's handles; other
//! processes see only what the host file system does (and locks, which use OFD locks too).

pub mod dir;
pub mod info;
pub mod lock;
pub mod mapping;
pub mod notify;
pub mod open;
pub mod ops;
pub mod volume;

pub use open::{CreateOptions, OpenRequest, create, create_ex};
pub use ops::{attributes, create_dir, delete, remove_dir, set_attributes};

use std::collections::HashMap;
use std::ffi::CString;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, LazyLock, Mutex, MutexGuard, Weak};

use crate::errno::{NtStatus, status};
use crate::handles::{self, Object};
use windows_sys::Win32::Foundation::{
    ERROR_ACCESS_DENIED, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NEGATIVE_SEEK, HANDLE,
};
use windows_sys::Win32::Storage::FileSystem::{
    DELETE, FILE_APPEND_DATA, FILE_EXECUTE, FILE_READ_DATA, FILE_SHARE_DELETE, FILE_SHARE_READ, FILE_SHARE_WRITE,
    FILE_TYPE, FILE_TYPE_CHAR, FILE_TYPE_DISK, FILE_TYPE_PIPE, FILE_TYPE_UNKNOWN, FILE_WRITE_DATA,
};

/// Access rights that read data (and so conflict with a share mode lacking FILE_SHARE_READ).
pub const READ_ACCESS: u32 = FILE_READ_DATA | FILE_EXECUTE;
/// Access rights that write data.
pub const WRITE_ACCESS: u32 = FILE_WRITE_DATA | FILE_APPEND_DATA;

/// NT create options kept on the open.
pub mod options {
    pub const DIRECTORY_FILE: u32 = 0x1;
    pub const WRITE_THROUGH: u32 = 0x2;
    pub const SEQUENTIAL_ONLY: u32 = 0x4;
    pub const NO_INTERMEDIATE_BUFFERING: u32 = 0x8;
    pub const SYNCHRONOUS_IO_ALERT: u32 = 0x10;
    pub const SYNCHRONOUS_IO_NONALERT: u32 = 0x20;
    pub const NON_DIRECTORY_FILE: u32 = 0x40;
    pub const RANDOM_ACCESS: u32 = 0x800;
    pub const DELETE_ON_CLOSE: u32 = 0x1000;
    pub const OPEN_BY_FILE_ID: u32 = 0x2000;
    pub const OPEN_FOR_BACKUP_INTENT: u32 = 0x4000;
    pub const OPEN_REPARSE_POINT: u32 = 0x20_0000;
    /// Both synchronous-I/O options.
    pub const SYNCHRONOUS: u32 = SYNCHRONOUS_IO_ALERT | SYNCHRONOUS_IO_NONALERT;
}

// ---------------------------------------------------------------------------------------------
// Nodes: one per file (device and inode) open in this process.

/// One open of a node, for the sharing check.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OpenRec {
    pub id: u64,
    pub access: u32,
    pub share: u32,
}

/// What the process knows of one file while it has it open: the opens (for sharing), a
/// pending delete, byte-range locks, sections mapping it. NT keeps this in its file control
/// block.
#[derive(Debug, Default)]
pub(crate) struct NodeState {
    /// The Unix path it was last opened or renamed by.
    pub path: PathBuf,
    pub opens: Vec<OpenRec>,
    pub delete_pending: bool,
    pub is_dir: bool,
    pub locks: Vec<lock::Lock>,
}

#[derive(Debug)]
pub struct Node {
    pub(crate) key: (u64, u64),
    pub(crate) state: Mutex<NodeState>,
    /// How many byte-range locks the node has (read/write check them only when non-zero).
    pub(crate) lock_count: AtomicUsize,
    /// Signaled when a lock is released (LockFileEx waiting).
    pub(crate) unlocked: Condvar,
    /// How many sections map the file (a mapped file cannot be truncated).
    pub(crate) sections: AtomicUsize,
}

impl Node {
    pub(crate) fn lock(&self) -> MutexGuard<'_, NodeState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The nodes of the files this process has open, by (device, inode).
type NodeMap = HashMap<(u64, u64), Weak<Node>>;

static NODES: LazyLock<Mutex<NodeMap>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// The node of the file with this identity, made if needed.
pub(crate) fn node_for(dev: u64, ino: u64, path: &std::path::Path, is_dir: bool) -> Arc<Node> {
    let mut nodes = NODES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(n) = nodes.get(&(dev, ino)).and_then(Weak::upgrade) {
        return n;
    }
    let n = Arc::new(Node {
        key: (dev, ino),
        state: Mutex::new(NodeState { path: path.to_path_buf(), is_dir, ..Default::default() }),
        lock_count: AtomicUsize::new(0),
        unlocked: Condvar::new(),
        sections: AtomicUsize::new(0),
    });
    if nodes.len() > 64 && nodes.len().is_power_of_two() {
        nodes.retain(|_, w| w.strong_count() > 0);
    }
    nodes.insert((dev, ino), Arc::downgrade(&n));
    n
}

/// The node of a file if this process has it open.
pub(crate) fn existing_node(dev: u64, ino: u64) -> Option<Arc<Node>> {
    NODES.lock().unwrap_or_else(|e| e.into_inner()).get(&(dev, ino)).and_then(Weak::upgrade)
}

/// Would an open with `access` and `share` conflict with `other`? Only opens that read, write
/// or delete take part.
pub(crate) fn share_conflict(other: &OpenRec, access: u32, share: u32) -> bool {
    let wants = |a: u32, mask: u32| a & mask != 0;
    (wants(access, READ_ACCESS) && other.share & FILE_SHARE_READ == 0)
        || (wants(access, WRITE_ACCESS) && other.share & FILE_SHARE_WRITE == 0)
        || (wants(access, DELETE) && other.share & FILE_SHARE_DELETE == 0)
        || (wants(other.access, READ_ACCESS) && share & FILE_SHARE_READ == 0)
        || (wants(other.access, WRITE_ACCESS) && share & FILE_SHARE_WRITE == 0)
        || (wants(other.access, DELETE) && share & FILE_SHARE_DELETE == 0)
}

/// Does an access mask take part in sharing?
pub(crate) fn shares(access: u32) -> bool {
    access & (READ_ACCESS | WRITE_ACCESS | DELETE) != 0
}

/// Check that `access`/`share` is compatible with the node's opens.
pub(crate) fn check_share(st: &NodeState, access: u32, share: u32) -> Result<(), NtStatus> {
    if shares(access) && st.opens.iter().any(|o| share_conflict(o, access, share)) {
        return Err(status::SHARING_VIOLATION);
    }
    Ok(())
}

static NEXT_OPEN_ID: AtomicU64 = AtomicU64::new(1);

// ---------------------------------------------------------------------------------------------
// File objects.

/// The Windows side of a file opened by name.
pub(crate) struct Opened {
    pub id: u64,
    pub node: Arc<Node>,
    /// The granted access (generic rights mapped to specific ones).
    pub access: u32,
    pub share: u32,
    /// NT create options (options::*).
    pub options: u32,
    pub is_dir: bool,
    /// A directory listing in progress (NtQueryDirectoryFile).
    pub listing: Mutex<Option<dir::Listing>>,
    /// A directory watch (ReadDirectoryChangesW), made on first use.
    pub watch: Mutex<Option<Arc<notify::Watch>>>,
}

/// An open file, directory, device, pipe or terminal.
pub struct FileObject {
    pub fd: i32,
    /// True for fds we must not close (the process's own 0, 1, 2).
    pub borrowed: bool,
    /// For files opened by name: their Windows state.
    pub(crate) opened: Option<Box<Opened>>,
    /// The completion port the file is associated with (CreateIoCompletionPort), once set.
    pub completion: std::sync::OnceLock<crate::waitable::Completion>,
    /// Console input's own wait state (waitable::console), made on first wait; None for others.
    pub(crate) input_wait: std::sync::OnceLock<Option<crate::waitable::Waitable>>,
}

impl std::fmt::Debug for FileObject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut d = f.debug_struct("FileObject");
        d.field("fd", &self.fd);
        if let Some(o) = &self.opened {
            d.field("access", &format_args!("{:#x}", o.access)).field("share", &o.share);
        }
        d.finish()
    }
}

impl FileObject {
    /// Wrap one of the process's standard fds.
    pub fn from_std_fd(fd: i32) -> Self {
        FileObject { fd, borrowed: true, opened: None, completion: Default::default(), input_wait: Default::default() }
    }

    /// Take ownership of an fd (closed when the last handle goes).
    pub fn owned(fd: i32) -> Self {
        FileObject { fd, borrowed: false, opened: None, completion: Default::default(), input_wait: Default::default() }
    }

    /// The access the handle was opened with (all for fds not opened by name).
    pub fn access(&self) -> u32 {
        self.opened.as_ref().map_or(u32::MAX, |o| o.access)
    }

    /// Was it opened for synchronous I/O (no FILE_FLAG_OVERLAPPED)? Fds not opened by name are.
    pub fn is_synchronous(&self) -> bool {
        self.opened.as_ref().is_none_or(|o| o.options & options::SYNCHRONOUS != 0)
    }

    pub(crate) fn opened(&self) -> Result<&Opened, NtStatus> {
        self.opened.as_deref().ok_or(status::INVALID_HANDLE)
    }
}

impl Drop for FileObject {
    fn drop(&mut self) {
        if let Some(o) = self.opened.take() {
            close_open(self.fd, &o);
        }
        if !self.borrowed {
            // SAFETY: we own this fd.
            unsafe { libc::close(self.fd) };
        }
    }
}

/// The current Unix path of an open fd (the kernel follows renames).
pub(crate) fn fd_path(fd: i32) -> Option<PathBuf> {
    std::fs::read_link(format!("/proc/self/fd/{fd}")).ok().filter(|p| p.is_absolute())
}

/// Unlink `path` if it still is the node's file.
fn unlink_node(key: (u64, u64), path: &std::path::Path, is_dir: bool) {
    let Ok(c) = CString::new(path.as_os_str().as_encoded_bytes()) else { return };
    // SAFETY: a NUL-terminated path and a zeroed stat buffer.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::lstat(c.as_ptr(), &mut st) } != 0 || (st.st_dev, st.st_ino) != key {
        return;
    }
    // SAFETY: a NUL-terminated path.
    let r = unsafe { if is_dir { libc::rmdir(c.as_ptr()) } else { libc::unlink(c.as_ptr()) } };
    if r == 0 {
        crate::path::lookup::note_path(path, false);
    }
}

/// The last reference to a node (handles, sections) is gone: a pending delete happens.
impl Drop for Node {
    fn drop(&mut self) {
        let st = self.state.get_mut().unwrap_or_else(|e| e.into_inner());
        if st.delete_pending {
            unlink_node(self.key, &st.path, st.is_dir);
        }
    }
}

/// The last part of closing a handle opened by name: its locks and its record go; with
/// FILE_DELETE_ON_CLOSE, the file is marked for deletion (done when the node goes).
fn close_open(fd: i32, o: &Opened) {
    if let Some(w) = o.watch.lock().unwrap_or_else(|e| e.into_inner()).take() {
        w.stop();
    }
    let node = &o.node;
    let mut st = node.lock();
    if st.locks.iter().any(|l| l.owner == o.id) {
        lock::release_owner(node, &mut st, o.id);
    }
    st.opens.retain(|r| r.id != o.id);
    if o.options & options::DELETE_ON_CLOSE != 0 {
        st.delete_pending = true;
    }
    if st.delete_pending
        && let Some(p) = fd_path(fd)
    {
        st.path = p;
    }
}

// ---------------------------------------------------------------------------------------------
// Handles → files.

/// The file object behind a handle.
pub fn object(h: HANDLE) -> Result<Arc<Object>, NtStatus> {
    let o = handles::get(h).map_err(|_| status::INVALID_HANDLE)?;
    match &*o {
        Object::File(_) => Ok(o),
        _ => Err(status::OBJECT_TYPE_MISMATCH),
    }
}

/// Run `f` on the file object behind `h`.
pub fn with_file<T>(h: HANDLE, f: impl FnOnce(&FileObject) -> Result<T, NtStatus>) -> Result<T, NtStatus> {
    let o = handles::get(h).map_err(|_| status::INVALID_HANDLE)?;
    match &*o {
        Object::File(file) => f(file),
        _ => Err(status::OBJECT_TYPE_MISMATCH),
    }
}

/// The host fd behind a file handle.
pub fn fd_of(h: HANDLE) -> Result<i32, u32> {
    match &*handles::get(h)? {
        Object::File(f) => Ok(f.fd),
        // A named pipe's server end (crate::pipe): I/O on its connection's fd.
        Object::Pipe(p) => Ok(p.fd),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// The host errno of the last failed call.
fn errno() -> i32 {
    crate::errno::errno()
}

fn w32(s: NtStatus) -> u32 {
    crate::errno::status_to_win32(s)
}

/// EBADF on an fd that is open means it is not open for that direction: a handle without the
/// access, ERROR_ACCESS_DENIED on Windows.
fn no_access_for_direction(e: u32) -> u32 {
    if e == ERROR_INVALID_HANDLE { ERROR_ACCESS_DENIED } else { e }
}

// ---------------------------------------------------------------------------------------------
// Reading and writing.

/// Where a transfer happens: at the file position, at an offset (OVERLAPPED), or at the end
/// (the offset 0xFFFFFFFF`FFFFFFFF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    Current,
    Offset(u64),
}

/// Check a transfer of `len` bytes at the handle's position or `at` against the node's locks.
fn check_locks(f: &FileObject, at: At, len: usize, write: bool) -> Result<(), NtStatus> {
    let Some(o) = f.opened.as_deref() else { return Ok(()) };
    if o.node.lock_count.load(Ordering::Acquire) == 0 || len == 0 {
        return Ok(());
    }
    let start = match at {
        At::Offset(off) if off != u64::MAX => off,
        // SAFETY: lseek has no memory preconditions.
        _ => unsafe { libc::lseek(f.fd, 0, libc::SEEK_CUR) }.max(0) as u64,
    };
    lock::check_io(o, start, len as u64, write)
}

/// Position the fd for a transfer at `at`; returns the offset for pread/pwrite on handles
/// opened for asynchronous I/O (which have no file position).
fn place(f: &FileObject, at: At) -> Result<Option<i64>, NtStatus> {
    match at {
        At::Current => Ok(None),
        At::Offset(u64::MAX) => {
            // SAFETY: lseek has no memory preconditions.
            unsafe { libc::lseek(f.fd, 0, libc::SEEK_END) };
            Ok(None)
        }
        At::Offset(off) if off > i64::MAX as u64 => Err(status::INVALID_PARAMETER),
        At::Offset(off) if !f.is_synchronous() => Ok(Some(off as i64)),
        At::Offset(off) => {
            // SAFETY: lseek has no memory preconditions.
            if unsafe { libc::lseek(f.fd, off as libc::off_t, libc::SEEK_SET) } < 0 && errno() != libc::ESPIPE {
                return Err(crate::errno::last_status());
            }
            Ok(None)
        }
    }
}

/// Read from the file behind `h` at `at`; 0 means end of file. Handles opened without read
/// access fail with STATUS_ACCESS_DENIED, ranges another handle locked exclusively with
/// STATUS_FILE_LOCK_CONFLICT.
pub fn read_at(h: HANDLE, buf: &mut [u8], at: At) -> Result<usize, NtStatus> {
    with_file(h, |f| {
        if let Some(o) = f.opened.as_deref() {
            if o.access & READ_ACCESS == 0 {
                return Err(status::ACCESS_DENIED);
            }
            if o.is_dir {
                return Err(status::INVALID_DEVICE_REQUEST);
            }
        }
        check_locks(f, at, buf.len(), false)?;
        let off = place(f, at)?;
        loop {
            // SAFETY: the slice is valid for its length.
            let n = unsafe {
                match off {
                    Some(o) => libc::pread(f.fd, buf.as_mut_ptr() as *mut _, buf.len(), o),
                    None => libc::read(f.fd, buf.as_mut_ptr() as *mut _, buf.len()),
                }
            };
            if n >= 0 {
                return Ok(n as usize);
            }
            match errno() {
                libc::EINTR => continue,
                libc::EBADF => return Err(status::ACCESS_DENIED),
                e => return Err(crate::errno::to_status(e)),
            }
        }
    })
}

/// Write all of `buf` to the file behind `h` at `at` (short writes and EINTR retried). A
/// handle with FILE_APPEND_DATA but not FILE_WRITE_DATA always writes at the end.
pub fn write_at(h: HANDLE, buf: &[u8], at: At) -> Result<usize, NtStatus> {
    with_file(h, |f| {
        if let Some(o) = f.opened.as_deref() {
            if o.access & WRITE_ACCESS == 0 {
                return Err(status::ACCESS_DENIED);
            }
            if o.is_dir {
                return Err(status::INVALID_DEVICE_REQUEST);
            }
        }
        check_locks(f, at, buf.len(), true)?;
        let mut off = place(f, at)?;
        let mut done = 0;
        while done < buf.len() {
            let rest = &buf[done..];
            // SAFETY: the slice is valid for its length.
            let n = unsafe {
                match off {
                    Some(o) => libc::pwrite(f.fd, rest.as_ptr() as *const _, rest.len(), o),
                    None => libc::write(f.fd, rest.as_ptr() as *const _, rest.len()),
                }
            };
            if n < 0 {
                match errno() {
                    libc::EINTR => continue,
                    libc::EBADF => return Err(status::ACCESS_DENIED),
                    e => return Err(crate::errno::to_status(e)),
                }
            }
            done += n as usize;
            if let Some(o) = off.as_mut() {
                *o += n as i64;
            }
        }
        Ok(done)
    })
}

/// Write all of `buf` to the file behind `h` (retrying short writes and EINTR).
pub fn write(h: HANDLE, buf: &[u8]) -> Result<usize, u32> {
    if let Ok(Object::Pipe(_)) = handles::get(h).as_deref() {
        return write_fd(fd_of(h)?, buf).map_err(no_access_for_direction);
    }
    write_at(h, buf, At::Current).map_err(w32)
}

/// Write all of `buf` to `fd`.
pub fn write_fd(fd: i32, buf: &[u8]) -> Result<usize, u32> {
    let mut done = 0;
    while done < buf.len() {
        // SAFETY: the slice is valid for its length.
        let n = unsafe { libc::write(fd, buf[done..].as_ptr() as *const _, buf.len() - done) };
        if n < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(crate::errno::to_win32(e));
        }
        done += n as usize;
    }
    Ok(done)
}

/// Read up to `buf.len()` bytes from the file behind `h`; 0 means end of file.
pub fn read(h: HANDLE, buf: &mut [u8]) -> Result<usize, u32> {
    if let Ok(Object::Pipe(_)) = handles::get(h).as_deref() {
        return read_fd(fd_of(h)?, buf).map_err(no_access_for_direction);
    }
    read_at(h, buf, At::Current).map_err(w32)
}

/// Read up to `buf.len()` bytes from `fd` (retrying EINTR); 0 means end of file.
pub fn read_fd(fd: i32, buf: &mut [u8]) -> Result<usize, u32> {
    loop {
        // SAFETY: the slice is valid for its length.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut _, buf.len()) };
        if n < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(crate::errno::to_win32(e));
        }
        return Ok(n as usize);
    }
}

/// Move the file position of `h` to `offset` (for I/O at an OVERLAPPED offset on a synchronous
/// handle). Pipes and terminals have no position: a no-op.
pub fn seek_to(h: HANDLE, offset: u64) -> Result<(), u32> {
    let fd = fd_of(h)?;
    // SAFETY: lseek has no memory preconditions.
    if unsafe { libc::lseek(fd, offset as libc::off_t, libc::SEEK_SET) } < 0 {
        let e = errno();
        if e != libc::ESPIPE {
            return Err(crate::errno::to_win32(e));
        }
    }
    Ok(())
}

/// What GetFileType reports, from the host's file type.
pub fn file_type(h: HANDLE) -> Result<FILE_TYPE, u32> {
    let fd = fd_of(h)?;
    // SAFETY: fstat into a zeroed stat buffer.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return Err(crate::errno::last());
    }
    Ok(match st.st_mode & libc::S_IFMT {
        libc::S_IFCHR => FILE_TYPE_CHAR,
        libc::S_IFIFO | libc::S_IFSOCK => FILE_TYPE_PIPE,
        libc::S_IFREG | libc::S_IFDIR | libc::S_IFBLK => FILE_TYPE_DISK,
        _ => FILE_TYPE_UNKNOWN,
    })
}

// ---------------------------------------------------------------------------------------------
// Sizes and positions.

pub(crate) fn fstat_fd(fd: i32) -> Result<libc::stat, NtStatus> {
    // SAFETY: fstat into a zeroed stat buffer.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return Err(crate::errno::last_status());
    }
    Ok(st)
}

/// GetFileSize(Ex): the size in bytes.
pub fn size(h: HANDLE) -> Result<u64, u32> {
    let fd = fd_of(h)?;
    fstat_fd(fd).map(|st| st.st_size as u64).map_err(w32)
}

/// SetFilePointer(Ex): move the file position by `distance` from the start (0), the current
/// position (1) or the end (2); returns the new position. ERROR_NEGATIVE_SEEK before the start.
pub fn seek(h: HANDLE, distance: i64, method: u32) -> Result<u64, u32> {
    let whence = match method {
        0 => libc::SEEK_SET,
        1 => libc::SEEK_CUR,
        2 => libc::SEEK_END,
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    let fd = fd_of(h)?;
    if whence == libc::SEEK_SET && distance < 0 {
        return Err(ERROR_NEGATIVE_SEEK);
    }
    // SAFETY: lseek has no memory preconditions.
    let r = unsafe { libc::lseek(fd, distance as libc::off_t, whence) };
    if r < 0 {
        return Err(match errno() {
            libc::EINVAL => ERROR_NEGATIVE_SEEK,
            e => crate::errno::to_win32(e),
        });
    }
    Ok(r as u64)
}

/// Set the size of the file behind `h` to `size` (cutting or extending with zeros). Needs write
/// access; a file mapped by a section cannot be cut (STATUS_USER_MAPPED_FILE).
pub fn set_size(h: HANDLE, size: u64) -> Result<(), NtStatus> {
    with_file(h, |f| {
        if let Some(o) = f.opened.as_deref() {
            if o.access & WRITE_ACCESS == 0 {
                return Err(status::ACCESS_DENIED);
            }
            if o.is_dir {
                return Err(status::INVALID_PARAMETER);
            }
            if o.node.sections.load(Ordering::Acquire) > 0 && size < fstat_fd(f.fd)?.st_size as u64 {
                return Err(status::USER_MAPPED_FILE);
            }
        }
        if size > i64::MAX as u64 {
            return Err(status::INVALID_PARAMETER);
        }
        // SAFETY: ftruncate has no memory preconditions.
        if unsafe { libc::ftruncate(f.fd, size as libc::off_t) } != 0 {
            return Err(match errno() {
                libc::EBADF | libc::EINVAL => status::ACCESS_DENIED,
                e => crate::errno::to_status(e),
            });
        }
        Ok(())
    })
}

/// SetEndOfFile: cut or extend the file at the current position.
pub fn set_end(h: HANDLE) -> Result<(), u32> {
    let pos = seek(h, 0, 1)?;
    set_size(h, pos).map_err(w32)
}

/// FlushFileBuffers: write the file's data through to the disk. Pipes and terminals have
/// nothing to flush.
pub fn flush(h: HANDLE) -> Result<(), u32> {
    let fd = fd_of(h)?;
    // SAFETY: fsync has no memory preconditions.
    if unsafe { libc::fsync(fd) } != 0 && !matches!(errno(), libc::EINVAL | libc::EROFS) {
        return Err(crate::errno::last());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handles::{self, Object};
    use std::sync::Arc;
    use windows_sys::Win32::Foundation::ERROR_BROKEN_PIPE;

    fn handle(fd: i32) -> HANDLE {
        handles::insert(Arc::new(Object::File(FileObject::owned(fd))), false)
    }

    #[test]
    fn types() {
        let mut fds = [0; 2];
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        let (r, w) = (handle(fds[0]), handle(fds[1]));
        assert_eq!(file_type(r), Ok(FILE_TYPE_PIPE));
        let null = handle(unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) });
        assert_eq!(file_type(null), Ok(FILE_TYPE_CHAR));
        let path = std::env::temp_dir().join(format!("wine-rs-ft-{}", std::process::id()));
        let cpath = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        let f = handle(unsafe { libc::open(cpath.as_ptr(), libc::O_RDWR | libc::O_CREAT, 0o600) });
        assert_eq!(file_type(f), Ok(FILE_TYPE_DISK));
        assert_eq!(write(f, b"hello"), Ok(5));
        assert_eq!(file_type(4usize as HANDLE), Err(ERROR_INVALID_HANDLE));
        for h in [r, w, null, f] {
            handles::close(h).unwrap();
        }
        std::fs::remove_file(path).unwrap();
        // Writing to a pipe whose reader is gone.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        unsafe { libc::close(fds[0]) };
        // SAFETY: ignore SIGPIPE so the write reports EPIPE.
        unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
        let w = handle(fds[1]);
        assert_eq!(write(w, b"x"), Err(ERROR_BROKEN_PIPE));
        handles::close(w).unwrap();
    }

    #[test]
    fn sharing_rules() {
        use windows_sys::Win32::Storage::FileSystem::FILE_READ_ATTRIBUTES;
        let rec = |access, share| OpenRec { id: 1, access, share };
        let r = FILE_READ_DATA;
        let w = FILE_WRITE_DATA;
        assert!(!share_conflict(&rec(r, FILE_SHARE_READ), r, FILE_SHARE_READ));
        assert!(share_conflict(&rec(r, FILE_SHARE_READ), w, FILE_SHARE_READ | FILE_SHARE_WRITE));
        assert!(share_conflict(&rec(w, FILE_SHARE_READ | FILE_SHARE_WRITE), r, FILE_SHARE_READ));
        assert!(share_conflict(&rec(r, FILE_SHARE_READ), DELETE, 7));
        assert!(!share_conflict(&rec(r, 7), DELETE, 7));
        assert!(!shares(FILE_READ_ATTRIBUTES));
    }
}
