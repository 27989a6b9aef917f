//! Opening and creating: NtCreateFile's semantics (dispositions, access, sharing, directories,
//! delete-on-close, devices), and CreateFile's on top of them.
//!
//! Names resolve case-insensitively; a created file keeps the case the program wrote. Every
//! check that can fail is made before anything on disk changes: a refused CREATE_NEW, a
//! sharing violation or a read-only file leaves an existing file as it was, and truncation
//! (CREATE_ALWAYS, TRUNCATE_EXISTING) comes last.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::sync::{Arc, Mutex};

use super::{FileObject, OpenRec, Opened, check_share, errno, node_for, options as opt, shares, w32};
use crate::errno::{NtStatus, status};
use crate::handles::{self, Object};
use crate::path::{self, Device, FileName, NtTarget, lookup};
use windows_sys::Win32::Foundation::{GENERIC_ALL, GENERIC_EXECUTE, GENERIC_READ, GENERIC_WRITE, HANDLE};
use windows_sys::Win32::Storage::FileSystem::{
    CREATE_ALWAYS, CREATE_NEW, DELETE, FILE_ALL_ACCESS, FILE_APPEND_DATA, FILE_ATTRIBUTE_READONLY,
    FILE_FLAG_BACKUP_SEMANTICS, FILE_FLAG_DELETE_ON_CLOSE, FILE_FLAG_NO_BUFFERING, FILE_FLAG_OPEN_REPARSE_POINT,
    FILE_FLAG_OVERLAPPED, FILE_FLAG_RANDOM_ACCESS, FILE_FLAG_SEQUENTIAL_SCAN, FILE_FLAG_WRITE_THROUGH,
    FILE_GENERIC_EXECUTE, FILE_GENERIC_READ, FILE_GENERIC_WRITE, FILE_SHARE_DELETE, FILE_SHARE_READ, FILE_SHARE_WRITE,
    FILE_WRITE_DATA, OPEN_ALWAYS, OPEN_EXISTING, SYNCHRONIZE, TRUNCATE_EXISTING,
};
use windows_sys::Win32::System::SystemServices::MAXIMUM_ALLOWED;

/// NT dispositions.
pub mod disposition {
    pub const SUPERSEDE: u32 = 0;
    pub const OPEN: u32 = 1;
    pub const CREATE: u32 = 2;
    pub const OPEN_IF: u32 = 3;
    pub const OVERWRITE: u32 = 4;
    pub const OVERWRITE_IF: u32 = 5;
}
use disposition as disp;

/// What NtCreateFile reports in IO_STATUS_BLOCK.Information.
pub mod result {
    pub const SUPERSEDED: u32 = 0;
    pub const OPENED: u32 = 1;
    pub const CREATED: u32 = 2;
    pub const OVERWRITTEN: u32 = 3;
}

/// NtCreateFile's parameters.
#[derive(Debug, Clone, Copy, Default)]
pub struct OpenRequest {
    /// Access mask (GENERIC_* allowed).
    pub access: u32,
    /// FILE_ATTRIBUTE_* for a new file.
    pub attributes: u32,
    /// FILE_SHARE_*.
    pub share: u32,
    /// disposition::*.
    pub disposition: u32,
    /// options::* (NT create options).
    pub options: u32,
    pub inherit: bool,
}

/// GENERIC_* → the file rights they stand for; MAXIMUM_ALLOWED is everything.
pub fn map_generic(access: u32) -> u32 {
    let mut a = access & !(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL | MAXIMUM_ALLOWED);
    if access & GENERIC_READ != 0 {
        a |= FILE_GENERIC_READ;
    }
    if access & GENERIC_WRITE != 0 {
        a |= FILE_GENERIC_WRITE;
    }
    if access & GENERIC_EXECUTE != 0 {
        a |= FILE_GENERIC_EXECUTE;
    }
    if access & (GENERIC_ALL | MAXIMUM_ALLOWED) != 0 {
        a |= FILE_ALL_ACCESS;
    }
    a
}

fn cpath(p: &Path) -> Result<CString, NtStatus> {
    CString::new(p.as_os_str().as_bytes()).map_err(|_| status::OBJECT_NAME_INVALID)
}

fn sys_open(p: &CString, flags: i32, mode: libc::mode_t) -> Result<i32, i32> {
    loop {
        // SAFETY: a NUL-terminated path.
        let fd = unsafe { libc::open(p.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) };
        if fd >= 0 {
            return Ok(fd);
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(e);
        }
    }
}

/// The open(2) access mode for file rights: reading and writing as asked, FILE_APPEND_DATA
/// without FILE_WRITE_DATA appends; no data access at all still opens for reading.
fn open_flags(access: u32) -> i32 {
    let read = access & super::READ_ACCESS != 0;
    let write = access & super::WRITE_ACCESS != 0;
    let mode = match (read, write) {
        (_, false) => libc::O_RDONLY,
        (false, true) => libc::O_WRONLY,
        (true, true) => libc::O_RDWR,
    };
    let append = access & FILE_APPEND_DATA != 0 && access & FILE_WRITE_DATA == 0;
    mode | if append { libc::O_APPEND } else { 0 }
}

fn close_fd(fd: i32) {
    // SAFETY: an fd we opened.
    unsafe { libc::close(fd) };
}

fn is_readonly(st: &libc::stat) -> bool {
    st.st_mode & libc::S_IFMT != libc::S_IFDIR && st.st_mode & 0o222 == 0
}

/// Register an open of the file `fd` on the node of its identity: checks delete-pending and
/// sharing. On failure the fd is closed.
fn register(fd: i32, path: &Path, req: &OpenRequest, access: u32, is_dir: bool) -> Result<Box<Opened>, NtStatus> {
    let st = match super::fstat_fd(fd) {
        Ok(st) => st,
        Err(e) => {
            close_fd(fd);
            return Err(e);
        }
    };
    let node = node_for(st.st_dev, st.st_ino, path, is_dir);
    let id = super::NEXT_OPEN_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    {
        let mut ns = node.lock();
        let check = if ns.delete_pending { Err(status::DELETE_PENDING) } else { check_share(&ns, access, req.share) };
        if let Err(e) = check {
            drop(ns);
            close_fd(fd);
            return Err(e);
        }
        if shares(access) {
            ns.opens.push(OpenRec { id, access, share: req.share });
        }
        ns.path = path.to_path_buf();
        ns.is_dir = is_dir;
    }
    Ok(Box::new(Opened {
        id,
        node,
        access,
        share: req.share,
        options: req.options,
        is_dir,
        listing: Mutex::new(None),
        watch: Mutex::new(None),
    }))
}

/// Open the existing file or directory at `path` (already resolved).
fn open_existing(
    path: &Path,
    req: &OpenRequest,
    access: u32,
    overwrite: bool,
    trailing_sep: bool,
) -> Result<(i32, Box<Opened>), NtStatus> {
    let follow = req.options & opt::OPEN_REPARSE_POINT == 0;
    let st = lookup::stat_path(path, follow)
        .or_else(|e| if follow { lookup::stat_path(path, false) } else { Err(e) })
        .map_err(crate::errno::to_status)?;
    let kind = st.st_mode & libc::S_IFMT;
    let is_dir = kind == libc::S_IFDIR;
    if is_dir && req.options & opt::NON_DIRECTORY_FILE != 0 {
        return Err(status::FILE_IS_A_DIRECTORY);
    }
    if !is_dir && req.options & opt::DIRECTORY_FILE != 0 {
        return Err(status::NOT_A_DIRECTORY);
    }
    if !is_dir && trailing_sep {
        return Err(status::OBJECT_NAME_INVALID);
    }
    if is_dir && overwrite {
        return Err(status::FILE_IS_A_DIRECTORY);
    }
    // The read-only attribute is the absence of write permission: refuse what would change
    // the data, even to root.
    if is_readonly(&st) {
        if access & super::WRITE_ACCESS != 0 || overwrite {
            return Err(status::ACCESS_DENIED);
        }
        if req.options & opt::DELETE_ON_CLOSE != 0 {
            return Err(status::CANNOT_DELETE);
        }
    }
    let c = cpath(path)?;
    let fd = if is_dir {
        sys_open(&c, libc::O_RDONLY | libc::O_DIRECTORY, 0)
            .or_else(|_| sys_open(&c, libc::O_PATH | libc::O_DIRECTORY, 0))
            .map_err(crate::errno::to_status)?
    } else if kind == libc::S_IFLNK {
        sys_open(&c, libc::O_PATH | libc::O_NOFOLLOW, 0).map_err(crate::errno::to_status)?
    } else {
        let flags = open_flags(access);
        match sys_open(&c, flags, 0) {
            Ok(fd) => fd,
            // No right to read a file opened for attributes only: a path fd is enough.
            Err(libc::EACCES) if access & (super::READ_ACCESS | super::WRITE_ACCESS) == 0 => {
                sys_open(&c, libc::O_PATH, 0).map_err(crate::errno::to_status)?
            }
            Err(e) => return Err(crate::errno::to_status(e)),
        }
    };
    let opened = register(fd, path, req, access, is_dir)?;
    if overwrite {
        // After every check: now the data may go.
        let r = truncate_fd(fd);
        if let Err(e) = r {
            drop(FileObject { fd, borrowed: false, opened: Some(opened), completion: Default::default(), input_wait: Default::default() });
            return Err(e);
        }
        apply_readonly(fd, req.attributes);
    }
    Ok((fd, opened))
}

/// Truncate the file behind `fd` to nothing, whatever access the fd has.
fn truncate_fd(fd: i32) -> Result<(), NtStatus> {
    // SAFETY: ftruncate has no memory preconditions.
    if unsafe { libc::ftruncate(fd, 0) } == 0 {
        return Ok(());
    }
    let c = CString::new(format!("/proc/self/fd/{fd}")).unwrap_or_default();
    let w = sys_open(&c, libc::O_WRONLY, 0).map_err(crate::errno::to_status)?;
    // SAFETY: as above.
    let r = unsafe { libc::ftruncate(w, 0) };
    close_fd(w);
    if r != 0 { Err(crate::errno::last_status()) } else { Ok(()) }
}

/// FILE_ATTRIBUTE_READONLY given when creating or overwriting: no write permission.
fn apply_readonly(fd: i32, attributes: u32) {
    if attributes & FILE_ATTRIBUTE_READONLY != 0
        && let Ok(st) = super::fstat_fd(fd)
    {
        // SAFETY: fchmod has no memory preconditions.
        unsafe { libc::fchmod(fd, st.st_mode & 0o7777 & !0o222) };
    }
}

/// Create the file (or directory) `path`, which does not exist.
fn create_new(path: &Path, req: &OpenRequest, access: u32, trailing_sep: bool) -> Result<(i32, Box<Opened>), NtStatus> {
    let c = cpath(path)?;
    let dir = req.options & opt::DIRECTORY_FILE != 0;
    if trailing_sep && !dir {
        return Err(status::OBJECT_NAME_INVALID);
    }
    let fd = if dir {
        // SAFETY: a NUL-terminated path.
        if unsafe { libc::mkdir(c.as_ptr(), 0o777) } != 0 {
            return Err(crate::errno::last_status());
        }
        sys_open(&c, libc::O_RDONLY | libc::O_DIRECTORY, 0).map_err(crate::errno::to_status)?
    } else {
        let mode = if req.attributes & FILE_ATTRIBUTE_READONLY != 0 { 0o444 } else { 0o666 };
        sys_open(&c, open_flags(access) | libc::O_CREAT | libc::O_EXCL, mode).map_err(crate::errno::to_status)?
    };
    lookup::note_path(path, true);
    let opened = register(fd, path, req, access, dir)?;
    Ok((fd, opened))
}

/// Open a file name (resolved under its base) as `req` says. Returns the fd, its Windows state
/// and what was done (result::*).
fn open_file(f: &FileName, req: &OpenRequest) -> Result<(i32, Box<Opened>, u32), NtStatus> {
    let mut access = map_generic(req.access);
    if req.options & opt::DELETE_ON_CLOSE != 0 {
        if access & DELETE == 0 {
            return Err(status::INVALID_PARAMETER);
        }
        if req.options & opt::DIRECTORY_FILE == 0 && f.is_root() {
            return Err(status::CANNOT_DELETE);
        }
    }
    if req.disposition > disp::OVERWRITE_IF {
        return Err(status::INVALID_PARAMETER);
    }
    access |= SYNCHRONIZE;
    let overwrite = matches!(req.disposition, disp::SUPERSEDE | disp::OVERWRITE | disp::OVERWRITE_IF);
    let info_existing = match req.disposition {
        disp::SUPERSEDE => result::SUPERSEDED,
        disp::OVERWRITE | disp::OVERWRITE_IF => result::OVERWRITTEN,
        _ => result::OPENED,
    };
    let exact = f.exact();
    match req.disposition {
        disp::OPEN | disp::OVERWRITE => {
            // The exact name first: one system call when the case is right.
            match open_existing(&exact, req, access, overwrite, f.trailing_sep) {
                Err(s) if s == status::OBJECT_NAME_NOT_FOUND || s == status::OBJECT_PATH_NOT_FOUND => {}
                r => return r.map(|(fd, o)| (fd, o, info_existing)),
            }
            let r = f.resolve()?;
            if !r.exists {
                return Err(status::OBJECT_NAME_NOT_FOUND);
            }
            open_existing(&r.path, req, access, overwrite, f.trailing_sep).map(|(fd, o)| (fd, o, info_existing))
        }
        _ => loop {
            let r = if lookup::stat_path(&exact, false).is_ok() {
                path::Resolved { path: exact.clone(), exists: true }
            } else {
                f.resolve()?
            };
            if r.exists {
                if req.disposition == disp::CREATE {
                    return Err(status::OBJECT_NAME_COLLISION);
                }
                match open_existing(&r.path, req, access, overwrite, f.trailing_sep) {
                    // Deleted meanwhile: create it after all.
                    Err(s) if s == status::OBJECT_NAME_NOT_FOUND => continue,
                    res => return res.map(|(fd, o)| (fd, o, info_existing)),
                }
            }
            match create_new(&r.path, req, access, f.trailing_sep) {
                Err(s) if s == status::OBJECT_NAME_COLLISION && req.disposition != disp::CREATE => continue,
                res => return res.map(|(fd, o)| (fd, o, result::CREATED)),
            }
        },
    }
}

/// Open a device: NUL is /dev/null; CONIN$ and CONOUT$ are the controlling terminal (or,
/// without one, the process's standard input or output); CON is either, by the access.
fn open_device(d: Device, req: &OpenRequest) -> Result<i32, NtStatus> {
    let access = map_generic(req.access);
    let d = match d {
        Device::Console if access & super::WRITE_ACCESS != 0 && access & super::READ_ACCESS == 0 => Device::ConsoleOut,
        Device::Console => Device::ConsoleIn,
        d => d,
    };
    let (p, acc, std_fd) = match d {
        Device::Null => (c"/dev/null", open_flags(access) & libc::O_ACCMODE, -1),
        // The console layer tells input from output by the fd's access mode.
        Device::ConsoleIn | Device::Console => (c"/dev/tty", libc::O_RDONLY, 0),
        Device::ConsoleOut => (c"/dev/tty", libc::O_WRONLY, 1),
    };
    match sys_open(&p.into(), acc, 0) {
        Ok(fd) => Ok(fd),
        Err(_) if std_fd >= 0 => {
            // SAFETY: F_DUPFD_CLOEXEC has no memory preconditions.
            let fd = unsafe { libc::fcntl(std_fd, libc::F_DUPFD_CLOEXEC, 0) };
            if fd < 0 { Err(crate::errno::last_status()) } else { Ok(fd) }
        }
        Err(e) => Err(crate::errno::to_status(e)),
    }
}

/// Open what an NT target designates; returns the new handle and result::*.
pub fn open_target(t: NtTarget, req: &OpenRequest) -> Result<(HANDLE, u32), NtStatus> {
    let obj = match t {
        NtTarget::Device(d) => (FileObject::owned(open_device(d, req)?), result::OPENED),
        NtTarget::Volume(l) => {
            let root = path::drive_root(l).ok_or(status::OBJECT_PATH_NOT_FOUND)?;
            let f = FileName { base: root.to_path_buf(), comps: Vec::new(), trailing_sep: true };
            let req = OpenRequest { options: req.options & !opt::NON_DIRECTORY_FILE, ..*req };
            let (fd, o, r) = open_file(&f, &req)?;
            (FileObject { fd, borrowed: false, opened: Some(o), completion: Default::default(), input_wait: Default::default() }, r)
        }
        NtTarget::File(f) => {
            let (fd, o, r) = open_file(&f, req)?;
            (FileObject { fd, borrowed: false, opened: Some(o), completion: Default::default(), input_wait: Default::default() }, r)
        }
    };
    Ok((handles::insert(Arc::new(Object::File(obj.0)), req.inherit), obj.1))
}

/// The Unix directory a directory handle refers to (for names relative to it).
pub fn dir_path(h: HANDLE) -> Result<std::path::PathBuf, NtStatus> {
    super::with_file(h, |f| {
        let o = f.opened()?;
        if !o.is_dir {
            return Err(status::NOT_A_DIRECTORY);
        }
        super::fd_path(f.fd).ok_or(status::OBJECT_PATH_NOT_FOUND)
    })
}

/// A client of the named pipe `\\.\pipe\name` (crate::pipe).
fn open_pipe(dos: &str, req: &OpenRequest) -> Result<(HANDLE, u32), NtStatus> {
    crate::pipe::open_client(dos, req.inherit).map(|h| (h, result::OPENED)).map_err(crate::errno::win32_to_status)
}

/// NtCreateFile: `name` is an NT path, or relative to the directory handle `root`. Named pipes
/// (`\??\pipe\name`) connect a client.
pub fn open_nt(root: HANDLE, name: &str, req: &OpenRequest) -> Result<(HANDLE, u32), NtStatus> {
    if root.is_null()
        && let Some(rest) = name.get(..9).filter(|p| p.eq_ignore_ascii_case("\\??\\pipe\\")).map(|_| &name[9..])
    {
        return open_pipe(&format!("\\\\.\\pipe\\{rest}"), req);
    }
    let t = if root.is_null() { path::nt_target(name)? } else { path::relative_target(&dir_path(root)?, name)? };
    open_target(t, req)
}

/// Open a DOS name (CreateFile's view of names: devices in any directory, `\\?\`, relative,
/// named pipes `\\.\pipe\name`).
pub fn open_dos(name: &str, req: &OpenRequest) -> Result<(HANDLE, u32), NtStatus> {
    if crate::pipe::is_pipe_name(name) {
        return open_pipe(name, req);
    }
    open_target(path::dos_target(name)?, req)
}

// ---------------------------------------------------------------------------------------------
// CreateFile.

/// CreateFile's parameters (the C runtime builds these).
#[derive(Debug, Clone, Copy, Default)]
pub struct CreateOptions {
    /// GENERIC_* / FILE_*_DATA access rights.
    pub access: u32,
    /// CREATE_NEW .. TRUNCATE_EXISTING.
    pub disposition: u32,
    /// FILE_FLAG_* and FILE_ATTRIBUTE_* bits.
    pub flags: u32,
    pub inherit: bool,
}

/// CreateFile's flags and disposition as an NT open request.
pub fn request(o: &CreateOptions, share: u32) -> Result<OpenRequest, NtStatus> {
    let disposition = match o.disposition {
        CREATE_NEW => disp::CREATE,
        CREATE_ALWAYS => disp::OVERWRITE_IF,
        OPEN_EXISTING => disp::OPEN,
        OPEN_ALWAYS => disp::OPEN_IF,
        TRUNCATE_EXISTING => disp::OVERWRITE,
        _ => return Err(status::INVALID_PARAMETER),
    };
    let f = o.flags;
    let mut options = 0;
    if f & FILE_FLAG_BACKUP_SEMANTICS == 0 {
        options |= opt::NON_DIRECTORY_FILE;
    } else {
        options |= opt::OPEN_FOR_BACKUP_INTENT;
    }
    if f & FILE_FLAG_OVERLAPPED == 0 {
        options |= opt::SYNCHRONOUS_IO_NONALERT;
    }
    let mut access = o.access;
    if f & FILE_FLAG_DELETE_ON_CLOSE != 0 {
        options |= opt::DELETE_ON_CLOSE;
        access |= DELETE;
    }
    for (flag, o) in [
        (FILE_FLAG_WRITE_THROUGH, opt::WRITE_THROUGH),
        (FILE_FLAG_NO_BUFFERING, opt::NO_INTERMEDIATE_BUFFERING),
        (FILE_FLAG_RANDOM_ACCESS, opt::RANDOM_ACCESS),
        (FILE_FLAG_SEQUENTIAL_SCAN, opt::SEQUENTIAL_ONLY),
        (FILE_FLAG_OPEN_REPARSE_POINT, opt::OPEN_REPARSE_POINT),
    ] {
        if f & flag != 0 {
            options |= o;
        }
    }
    Ok(OpenRequest { access, attributes: f & 0xffff, share, disposition, options, inherit: o.inherit })
}

/// CreateFile with a share mode: returns the handle and whether a file already existed there
/// (for ERROR_ALREADY_EXISTS). CREATE_NEW on an existing file is ERROR_FILE_EXISTS.
pub fn create_ex(name: &str, o: &CreateOptions, share: u32) -> Result<(HANDLE, bool), u32> {
    let req = request(o, share).map_err(w32)?;
    match open_dos(name, &req) {
        Ok((h, r)) => Ok((h, r != result::CREATED)),
        Err(s) if s == status::OBJECT_NAME_COLLISION => Err(windows_sys::Win32::Foundation::ERROR_FILE_EXISTS),
        Err(s) => Err(w32(s)),
    }
}

/// CreateFile sharing read, write and delete (what the C runtime's fopen asks for).
pub fn create(name: &str, o: &CreateOptions) -> Result<(HANDLE, bool), u32> {
    create_ex(name, o, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::file::{file_type, flush, read, seek, set_end, size, write};
    use windows_sys::Win32::Foundation::{
        ERROR_ACCESS_DENIED, ERROR_FILE_EXISTS, ERROR_FILE_NOT_FOUND, ERROR_INVALID_NAME, ERROR_INVALID_PARAMETER,
        ERROR_NEGATIVE_SEEK, ERROR_PATH_NOT_FOUND, ERROR_SHARING_VIOLATION,
    };
    use windows_sys::Win32::Storage::FileSystem::FILE_TYPE_CHAR;

    /// A scratch directory, as a DOS path on Z: and a Unix path.
    pub(crate) fn scratch(tag: &str) -> (String, std::path::PathBuf) {
        crate::path::tests::test_prefix();
        let dir = std::env::temp_dir().join(format!("wine-rs-file-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        (crate::path::unix_to_dos(dir.to_str().unwrap()), dir)
    }

    fn opts(access: u32, disposition: u32) -> CreateOptions {
        CreateOptions { access, disposition, flags: 0, inherit: false }
    }

    #[test]
    fn create_dispositions_and_errors() {
        let (dos, dir) = scratch("disp");
        let f = format!("{dos}\\f.txt");
        let rw = GENERIC_READ | GENERIC_WRITE;
        assert_eq!(create(&f, &opts(GENERIC_READ, OPEN_EXISTING)).unwrap_err(), ERROR_FILE_NOT_FOUND);
        assert_eq!(create(&f, &opts(GENERIC_WRITE, TRUNCATE_EXISTING)).unwrap_err(), ERROR_FILE_NOT_FOUND);
        assert_eq!(
            create(&format!("{dos}\\nodir\\f.txt"), &opts(GENERIC_READ, OPEN_EXISTING)).unwrap_err(),
            ERROR_PATH_NOT_FOUND
        );
        assert_eq!(create(&f, &opts(GENERIC_READ, 0)).unwrap_err(), ERROR_INVALID_PARAMETER);
        assert_eq!(create(&f, &opts(GENERIC_READ, 6)).unwrap_err(), ERROR_INVALID_PARAMETER);
        assert_eq!(create("", &opts(GENERIC_READ, OPEN_EXISTING)).unwrap_err(), ERROR_PATH_NOT_FOUND);
        assert_eq!(create("Q:\\x", &opts(GENERIC_READ, OPEN_EXISTING)).unwrap_err(), ERROR_PATH_NOT_FOUND);

        let (h, existed) = create(&f, &opts(rw, CREATE_NEW)).unwrap();
        assert!(!existed);
        assert_eq!(write(h, b"hello world"), Ok(11));
        assert_eq!(size(h), Ok(11));
        assert_eq!(seek(h, 0, 1), Ok(11));
        assert_eq!(seek(h, -20, 1), Err(ERROR_NEGATIVE_SEEK));
        assert_eq!(seek(h, -1, 0), Err(ERROR_NEGATIVE_SEEK));
        assert_eq!(seek(h, 3, 0), Ok(3));
        let mut buf = [0u8; 32];
        let n = read(h, &mut buf).unwrap();
        assert_eq!(&buf[..n], b"lo world");
        assert_eq!(seek(h, 5, 0), Ok(5));
        set_end(h).unwrap();
        assert_eq!(size(h), Ok(5));
        flush(h).unwrap();
        handles::close(h).unwrap();

        assert_eq!(create(&f, &opts(GENERIC_READ, CREATE_NEW)).unwrap_err(), ERROR_FILE_EXISTS);
        assert_eq!(create(&f.to_uppercase(), &opts(GENERIC_READ, CREATE_NEW)).unwrap_err(), ERROR_FILE_EXISTS);
        let (h, existed) = create(&f.to_uppercase(), &opts(GENERIC_READ, OPEN_EXISTING)).unwrap();
        assert!(existed);
        assert_eq!(write(h, b"x"), Err(ERROR_ACCESS_DENIED), "read-only handle");
        handles::close(h).unwrap();
        let (h, existed) = create(&f, &opts(GENERIC_WRITE, OPEN_ALWAYS)).unwrap();
        assert!(existed);
        assert_eq!(read(h, &mut buf), Err(ERROR_ACCESS_DENIED), "write-only handle");
        assert_eq!(size(h), Ok(5), "OPEN_ALWAYS keeps the data");
        handles::close(h).unwrap();
        let (h, existed) = create(&f.replace('\\', "/"), &opts(GENERIC_WRITE, CREATE_ALWAYS)).unwrap();
        assert!(existed);
        assert_eq!(size(h), Ok(0), "CREATE_ALWAYS truncates");
        handles::close(h).unwrap();
        // A created file keeps the case asked for; opening by another case finds it.
        let (h, existed) = create(&format!("{dos}\\MiXed.TXT"), &opts(GENERIC_WRITE, CREATE_ALWAYS)).unwrap();
        assert!(!existed);
        handles::close(h).unwrap();
        assert!(dir.join("MiXed.TXT").exists());
        let (h, existed) = create(&format!("{dos}\\mixed.txt"), &opts(GENERIC_WRITE, OPEN_ALWAYS)).unwrap();
        assert!(existed);
        handles::close(h).unwrap();
        assert!(!dir.join("mixed.txt").exists());

        // Directories: only with backup semantics; a file used as a directory.
        assert_eq!(create(&dos, &opts(GENERIC_READ, OPEN_EXISTING)).unwrap_err(), ERROR_ACCESS_DENIED);
        let backup = CreateOptions { flags: FILE_FLAG_BACKUP_SEMANTICS, ..opts(GENERIC_READ, OPEN_EXISTING) };
        handles::close(create(&dos, &backup).unwrap().0).unwrap();
        assert_eq!(create(&dos, &opts(GENERIC_READ, CREATE_NEW)).unwrap_err(), ERROR_FILE_EXISTS);
        assert_eq!(create(&format!("{f}\\x"), &opts(GENERIC_READ, OPEN_EXISTING)).unwrap_err(), ERROR_PATH_NOT_FOUND);
        assert_eq!(create(&format!("{f}\\"), &opts(GENERIC_READ, OPEN_EXISTING)).unwrap_err(), ERROR_INVALID_NAME);
        assert_eq!(create(&format!("{dos}\\a*b"), &opts(GENERIC_READ, CREATE_NEW)).unwrap_err(), ERROR_INVALID_NAME);

        // Devices.
        let (h, _) = create("NUL", &opts(GENERIC_WRITE, OPEN_EXISTING)).unwrap();
        assert_eq!(file_type(h), Ok(FILE_TYPE_CHAR));
        assert_eq!(write(h, b"gone"), Ok(4));
        handles::close(h).unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn sharing_and_no_data_lost() {
        let (dos, dir) = scratch("share");
        let f = format!("{dos}\\keep.txt");
        std::fs::write(dir.join("keep.txt"), b"precious").unwrap();
        let (h, _) = create_ex(&f, &opts(GENERIC_READ, OPEN_EXISTING), FILE_SHARE_READ).unwrap();
        // Writing needs the others to share writing; truncating too.
        assert_eq!(create_ex(&f, &opts(GENERIC_WRITE, OPEN_EXISTING), 7).unwrap_err(), ERROR_SHARING_VIOLATION);
        assert_eq!(create_ex(&f, &opts(GENERIC_WRITE, CREATE_ALWAYS), 7).unwrap_err(), ERROR_SHARING_VIOLATION);
        // Reading while not sharing the existing reader's... reading is fine.
        assert_eq!(
            create_ex(&f, &opts(GENERIC_READ, OPEN_EXISTING), FILE_SHARE_WRITE).unwrap_err(),
            ERROR_SHARING_VIOLATION
        );
        let (h2, _) = create_ex(&f, &opts(GENERIC_READ, OPEN_EXISTING), FILE_SHARE_READ).unwrap();
        handles::close(h2).unwrap();
        // Attributes only: no sharing check.
        let (h3, _) = create_ex(&f, &opts(0x80, OPEN_EXISTING), 0).unwrap();
        handles::close(h3).unwrap();
        handles::close(h).unwrap();
        assert_eq!(std::fs::read(dir.join("keep.txt")).unwrap(), b"precious");
        // A read-only file.
        let mut perm = std::fs::metadata(dir.join("keep.txt")).unwrap().permissions();
        perm.set_readonly(true);
        std::fs::set_permissions(dir.join("keep.txt"), perm).unwrap();
        assert_eq!(create(&f, &opts(GENERIC_WRITE, OPEN_EXISTING)).unwrap_err(), ERROR_ACCESS_DENIED);
        assert_eq!(create(&f, &opts(GENERIC_READ, CREATE_ALWAYS)).unwrap_err(), ERROR_ACCESS_DENIED);
        assert_eq!(create(&f, &opts(GENERIC_READ, TRUNCATE_EXISTING)).unwrap_err(), ERROR_ACCESS_DENIED);
        assert_eq!(create(&f, &opts(GENERIC_READ, CREATE_NEW)).unwrap_err(), ERROR_FILE_EXISTS);
        assert_eq!(std::fs::read(dir.join("keep.txt")).unwrap(), b"precious");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn delete_on_close() {
        let (dos, dir) = scratch("doc");
        let f = format!("{dos}\\doc.txt");
        let o = CreateOptions { flags: FILE_FLAG_DELETE_ON_CLOSE, ..opts(GENERIC_WRITE, CREATE_ALWAYS) };
        let (h, _) = create(&f, &o).unwrap();
        let d = handles::duplicate(h, false, false).unwrap();
        handles::close(h).unwrap();
        assert!(crate::file::attributes(&f).is_ok(), "another handle keeps it");
        handles::close(d).unwrap();
        assert_eq!(crate::file::attributes(&f), Err(ERROR_FILE_NOT_FOUND));
        // Two opens: the file goes with the last.
        let (h, _) = create(&f, &o).unwrap();
        let (h2, _) = create(&f, &opts(GENERIC_READ, OPEN_EXISTING)).unwrap();
        handles::close(h).unwrap();
        assert!(crate::file::attributes(&f).is_ok());
        // Pending delete: a new open fails.
        assert_eq!(create(&f, &opts(GENERIC_READ, OPEN_EXISTING)).unwrap_err(), ERROR_ACCESS_DENIED);
        handles::close(h2).unwrap();
        assert_eq!(crate::file::attributes(&f), Err(ERROR_FILE_NOT_FOUND));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
