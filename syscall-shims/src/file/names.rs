//! Files by DOS name: CreateFile (dispositions, access, devices, delete-on-close), attributes,
//! deleting, directories. Names become Unix paths through `crate::path`.

use std::ffi::CString;
use std::sync::Arc;

use super::{DELETE_ON_CLOSE, FileObject, errno};
use crate::handles::{self, Object};
use crate::path::{self, Device, Target};
use windows_sys::Win32::Foundation::{
    ERROR_ACCESS_DENIED, ERROR_DIRECTORY, ERROR_FILE_EXISTS, ERROR_FILE_NOT_FOUND, ERROR_INVALID_NAME,
    ERROR_INVALID_PARAMETER, ERROR_PATH_NOT_FOUND, GENERIC_ALL, GENERIC_READ, GENERIC_WRITE, HANDLE,
};
use windows_sys::Win32::Storage::FileSystem::{
    CREATE_ALWAYS, CREATE_NEW, FILE_APPEND_DATA, FILE_ATTRIBUTE_ARCHIVE, FILE_ATTRIBUTE_DIRECTORY,
    FILE_ATTRIBUTE_HIDDEN, FILE_ATTRIBUTE_READONLY, FILE_FLAG_BACKUP_SEMANTICS, FILE_FLAG_DELETE_ON_CLOSE,
    FILE_READ_DATA, FILE_WRITE_DATA, OPEN_ALWAYS, OPEN_EXISTING, TRUNCATE_EXISTING,
};
use windows_sys::Win32::System::SystemServices::MAXIMUM_ALLOWED;

/// CreateFile's parameters.
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

fn cpath(p: &str) -> Result<CString, u32> {
    CString::new(p).map_err(|_| ERROR_INVALID_NAME)
}

fn stat(p: &CString) -> Result<libc::stat, i32> {
    // SAFETY: a NUL-terminated path and a zeroed stat buffer.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::stat(p.as_ptr(), &mut st) } == 0 { Ok(st) } else { Err(errno()) }
}

/// The Win32 error for a failed lookup of `p`: ENOENT is ERROR_FILE_NOT_FOUND when the
/// directory exists and ERROR_PATH_NOT_FOUND when it does not; ENOTDIR (a file used as a
/// directory) is ERROR_PATH_NOT_FOUND, or ERROR_INVALID_NAME for a trailing separator.
fn lookup_error(p: &str, e: i32) -> u32 {
    match e {
        libc::ENOENT => {
            let trimmed = p.trim_end_matches('/');
            let parent = match trimmed.rfind('/') {
                None => return ERROR_FILE_NOT_FOUND,
                Some(0) => "/",
                Some(i) => &trimmed[..i],
            };
            match cpath(parent).ok().map(|c| stat(&c)) {
                Some(Ok(st)) if st.st_mode & libc::S_IFMT == libc::S_IFDIR => ERROR_FILE_NOT_FOUND,
                _ => ERROR_PATH_NOT_FOUND,
            }
        }
        libc::ENOTDIR if p.ends_with('/') => ERROR_INVALID_NAME,
        libc::ENOTDIR => ERROR_PATH_NOT_FOUND,
        e => crate::errno::to_win32(e),
    }
}

fn open(p: &CString, flags: i32, mode: libc::mode_t) -> Result<i32, i32> {
    loop {
        // SAFETY: a NUL-terminated path.
        let fd = unsafe { libc::open(p.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) };
        if fd >= 0 {
            return Ok(fd);
        }
        if errno() != libc::EINTR {
            return Err(errno());
        }
    }
}

/// The open(2) access mode for Windows access rights: reading and writing as asked (none at
/// all still opens for reading), FILE_APPEND_DATA alone appends.
fn access_flags(access: u32) -> i32 {
    let all = GENERIC_ALL | MAXIMUM_ALLOWED;
    let read = access & (GENERIC_READ | FILE_READ_DATA | all) != 0;
    let write = access & (GENERIC_WRITE | FILE_WRITE_DATA | all) != 0;
    let append = access & FILE_APPEND_DATA != 0;
    let mode = match (read, write || append) {
        (_, false) => libc::O_RDONLY,
        (false, true) => libc::O_WRONLY,
        (true, true) => libc::O_RDWR,
    };
    mode | if append && !write { libc::O_APPEND } else { 0 }
}

/// Open (creating if asked) the file at Unix path `p`; returns the fd and whether the file
/// existed.
fn open_file(p: &str, o: &CreateOptions) -> Result<(i32, bool), u32> {
    let c = cpath(p)?;
    let acc = access_flags(o.access);
    let mode = if o.flags & FILE_ATTRIBUTE_READONLY != 0 { 0o444 } else { 0o666 };
    let backup = o.flags & FILE_FLAG_BACKUP_SEMANTICS != 0;
    let fail = |e: i32| lookup_error(p, e);
    // Create if missing, else open with `existing` flags (OPEN_ALWAYS, CREATE_ALWAYS).
    let create_or_open = |existing: i32| -> Result<(i32, bool), u32> {
        loop {
            match open(&c, acc | libc::O_CREAT | libc::O_EXCL, mode) {
                Ok(fd) => return Ok((fd, false)),
                Err(libc::EEXIST) => {}
                Err(e) => return Err(fail(e)),
            }
            match open(&c, acc | existing, 0) {
                Ok(fd) => return Ok((fd, true)),
                Err(libc::ENOENT) => continue, // deleted meanwhile: create it after all
                Err(e) => return Err(fail(e)),
            }
        }
    };
    let (fd, existed) = match o.disposition {
        CREATE_NEW => match open(&c, acc | libc::O_CREAT | libc::O_EXCL, mode) {
            Ok(fd) => (fd, false),
            Err(libc::EEXIST) => return Err(ERROR_FILE_EXISTS),
            Err(e) => return Err(fail(e)),
        },
        CREATE_ALWAYS => create_or_open(libc::O_TRUNC)?,
        OPEN_ALWAYS => create_or_open(0)?,
        OPEN_EXISTING | TRUNCATE_EXISTING => {
            let trunc = if o.disposition == TRUNCATE_EXISTING { libc::O_TRUNC } else { 0 };
            match open(&c, acc | trunc, 0) {
                Ok(fd) => (fd, true),
                // A directory opened for writing: with backup semantics, open it to read.
                Err(libc::EISDIR) if backup => (open(&c, libc::O_RDONLY | libc::O_DIRECTORY, 0).map_err(fail)?, true),
                // No right to read a file opened for no access at all (attributes only).
                Err(libc::EACCES) if acc == libc::O_RDONLY && o.access & !0xff00_0000 == 0 => {
                    (open(&c, libc::O_PATH, 0).map_err(fail)?, true)
                }
                Err(e) => return Err(fail(e)),
            }
        }
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    // SAFETY: fstat of the fd just opened into a zeroed buffer.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let is_dir = unsafe { libc::fstat(fd, &mut st) } == 0 && st.st_mode & libc::S_IFMT == libc::S_IFDIR;
    if is_dir && !backup {
        // SAFETY: our fd.
        unsafe { libc::close(fd) };
        return Err(ERROR_ACCESS_DENIED);
    }
    Ok((fd, existed))
}

/// Open a device name: NUL is /dev/null; CONIN$ and CONOUT$ are the controlling terminal (or,
/// without one, the process's standard input or output).
fn open_device(d: Device, o: &CreateOptions) -> Result<i32, u32> {
    let (path, acc, std_fd) = match d {
        Device::Null => (c"/dev/null", access_flags(o.access) & libc::O_ACCMODE, -1),
        // The console layer tells input from output by the fd's access mode.
        Device::ConsoleIn => (c"/dev/tty", libc::O_RDONLY, 0),
        Device::ConsoleOut => (c"/dev/tty", libc::O_WRONLY, 1),
    };
    match open(&path.into(), acc, 0) {
        Ok(fd) => Ok(fd),
        Err(_) if std_fd >= 0 => {
            // SAFETY: F_DUPFD_CLOEXEC has no memory preconditions.
            let fd = unsafe { libc::fcntl(std_fd, libc::F_DUPFD_CLOEXEC, 0) };
            if fd < 0 { Err(crate::errno::last()) } else { Ok(fd) }
        }
        Err(e) => Err(crate::errno::to_win32(e)),
    }
}

/// CreateFile: open or create the file (or device) `name` names, as `o` says. Returns its new
/// handle and whether a file already existed there (for ERROR_ALREADY_EXISTS).
/// Share modes are not enforced yet.
pub fn create(name: &str, o: &CreateOptions) -> Result<(HANDLE, bool), u32> {
    if !(CREATE_NEW..=TRUNCATE_EXISTING).contains(&o.disposition) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (fd, existed) = match path::resolve(name)? {
        Target::Device(d) => (open_device(d, o)?, true),
        Target::File(p) => {
            let (fd, existed) = open_file(&p, o)?;
            if o.flags & FILE_FLAG_DELETE_ON_CLOSE != 0 {
                DELETE_ON_CLOSE.lock().unwrap_or_else(|e| e.into_inner()).push((fd, cpath(&p)?));
            }
            (fd, existed)
        }
    };
    Ok((handles::insert(Arc::new(Object::File(FileObject::owned(fd))), o.inherit), existed))
}

/// The file a name designates, for the calls that work on names only (devices excluded).
fn file_path(name: &str) -> Result<String, u32> {
    match path::resolve(name)? {
        Target::File(p) => Ok(p),
        Target::Device(_) => Err(ERROR_ACCESS_DENIED),
    }
}

/// GetFileAttributes: FILE_ATTRIBUTE_DIRECTORY for directories, ARCHIVE for the rest (as Wine
/// reports every file), READONLY when nobody may write it, HIDDEN for dot files.
pub fn attributes(name: &str) -> Result<u32, u32> {
    if let Target::Device(_) = path::resolve(name)? {
        return Ok(FILE_ATTRIBUTE_ARCHIVE);
    }
    let p = file_path(name)?;
    let st = stat(&cpath(&p)?).map_err(|e| lookup_error(&p, e))?;
    let mut a =
        if st.st_mode & libc::S_IFMT == libc::S_IFDIR { FILE_ATTRIBUTE_DIRECTORY } else { FILE_ATTRIBUTE_ARCHIVE };
    if st.st_mode & 0o222 == 0 {
        a |= FILE_ATTRIBUTE_READONLY;
    }
    let base = p.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    if base.starts_with('.') && base != "." && base != ".." {
        a |= FILE_ATTRIBUTE_HIDDEN;
    }
    Ok(a)
}

/// DeleteFile: remove a file. Directories and read-only files are ERROR_ACCESS_DENIED.
pub fn delete(name: &str) -> Result<(), u32> {
    let p = file_path(name)?;
    let c = cpath(&p)?;
    // SAFETY: lstat on a NUL-terminated path into a zeroed buffer.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::lstat(c.as_ptr(), &mut st) } != 0 {
        return Err(lookup_error(&p, errno()));
    }
    let kind = st.st_mode & libc::S_IFMT;
    if kind == libc::S_IFDIR || (kind != libc::S_IFLNK && st.st_mode & 0o222 == 0) {
        return Err(ERROR_ACCESS_DENIED);
    }
    // SAFETY: a NUL-terminated path.
    if unsafe { libc::unlink(c.as_ptr()) } != 0 {
        return Err(lookup_error(&p, errno()));
    }
    Ok(())
}

/// CreateDirectory: ERROR_ALREADY_EXISTS when the name is taken, ERROR_PATH_NOT_FOUND when
/// the parent is missing.
pub fn create_dir(name: &str) -> Result<(), u32> {
    let p = file_path(name)?;
    // SAFETY: a NUL-terminated path.
    if unsafe { libc::mkdir(cpath(&p)?.as_ptr(), 0o777) } != 0 {
        return Err(match errno() {
            libc::ENOENT | libc::ENOTDIR => ERROR_PATH_NOT_FOUND,
            e => crate::errno::to_win32(e),
        });
    }
    Ok(())
}

/// RemoveDirectory: ERROR_DIR_NOT_EMPTY unless empty, ERROR_DIRECTORY for a file.
pub fn remove_dir(name: &str) -> Result<(), u32> {
    let p = file_path(name)?;
    // SAFETY: a NUL-terminated path.
    if unsafe { libc::rmdir(cpath(&p)?.as_ptr()) } != 0 {
        return Err(match errno() {
            libc::ENOTDIR if !p.ends_with('/') => ERROR_DIRECTORY,
            e => lookup_error(&p, e),
        });
    }
    Ok(())
}

/// SetFileAttributes: FILE_ATTRIBUTE_READONLY takes the write permissions away, its absence
/// gives the owner's back. The other attributes have no Unix counterpart and are ignored.
pub fn set_attributes(name: &str, attrs: u32) -> Result<(), u32> {
    let p = file_path(name)?;
    let c = cpath(&p)?;
    let st = stat(&c).map_err(|e| lookup_error(&p, e))?;
    let mode = st.st_mode & 0o7777;
    let mode = if attrs & FILE_ATTRIBUTE_READONLY != 0 { mode & !0o222 } else { mode | 0o200 };
    // SAFETY: a NUL-terminated path.
    if unsafe { libc::chmod(c.as_ptr(), mode) } != 0 {
        return Err(crate::errno::last());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::{file_type, flush, read, seek, set_end, size, write};
    use windows_sys::Win32::Foundation::{ERROR_ALREADY_EXISTS, ERROR_DIR_NOT_EMPTY, ERROR_NEGATIVE_SEEK};
    use windows_sys::Win32::Storage::FileSystem::FILE_TYPE_CHAR;

    /// A scratch directory, as a DOS path on Z: and a Unix path.
    fn scratch(tag: &str) -> (String, std::path::PathBuf) {
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
        assert_eq!(create("C:\\x", &opts(GENERIC_READ, OPEN_EXISTING)).unwrap_err(), ERROR_PATH_NOT_FOUND);

        let (h, existed) = create(&f, &opts(rw, CREATE_NEW)).unwrap();
        assert!(!existed);
        assert_eq!(write(h, b"hello world"), Ok(11));
        assert_eq!(size(h), Ok(11));
        assert_eq!(seek(h, 0, 1), Ok(11));
        assert_eq!(seek(h, -20, 1), Err(ERROR_NEGATIVE_SEEK));
        assert_eq!(seek(h, -1, 0), Err(ERROR_NEGATIVE_SEEK));
        assert_eq!(seek(h, 0, 7), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(seek(h, 3, 0), Ok(3));
        let mut buf = [0u8; 32];
        let n = read(h, &mut buf).unwrap();
        assert_eq!(&buf[..n], b"lo world");
        assert_eq!(seek(h, -2, 2), Ok(9));
        assert_eq!(seek(h, 5, 0), Ok(5));
        set_end(h).unwrap();
        assert_eq!(size(h), Ok(5));
        flush(h).unwrap();
        handles::close(h).unwrap();

        assert_eq!(create(&f, &opts(GENERIC_READ, CREATE_NEW)).unwrap_err(), ERROR_FILE_EXISTS);
        let (h, existed) = create(&f, &opts(GENERIC_READ, OPEN_EXISTING)).unwrap();
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
        let (h, existed) = create(&format!("{dos}\\g.txt"), &opts(GENERIC_WRITE, CREATE_ALWAYS)).unwrap();
        assert!(!existed);
        handles::close(h).unwrap();
        let (h, existed) = create(&format!("{dos}\\h.txt"), &opts(GENERIC_WRITE, OPEN_ALWAYS)).unwrap();
        assert!(!existed);
        handles::close(h).unwrap();

        // Directories: only with backup semantics; a file used as a directory.
        assert_eq!(create(&dos, &opts(GENERIC_READ, OPEN_EXISTING)).unwrap_err(), ERROR_ACCESS_DENIED);
        let backup = CreateOptions { flags: FILE_FLAG_BACKUP_SEMANTICS, ..opts(GENERIC_READ, OPEN_EXISTING) };
        handles::close(create(&dos, &backup).unwrap().0).unwrap();
        assert_eq!(create(&dos, &opts(GENERIC_READ, CREATE_NEW)).unwrap_err(), ERROR_FILE_EXISTS);
        assert_eq!(create(&format!("{f}\\x"), &opts(GENERIC_READ, OPEN_EXISTING)).unwrap_err(), ERROR_PATH_NOT_FOUND);
        assert_eq!(create(&format!("{f}\\"), &opts(GENERIC_READ, OPEN_EXISTING)).unwrap_err(), ERROR_INVALID_NAME);

        // Relative names resolve against the current directory.
        let (h, _) = create(dir.join("g.txt").to_str().unwrap(), &opts(GENERIC_READ, OPEN_EXISTING)).unwrap();
        handles::close(h).unwrap();

        // Devices.
        let (h, _) = create("NUL", &opts(GENERIC_WRITE, OPEN_EXISTING)).unwrap();
        assert_eq!(file_type(h), Ok(FILE_TYPE_CHAR));
        assert_eq!(write(h, b"gone"), Ok(4));
        handles::close(h).unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn delete_on_close_attributes_and_delete() {
        let (dos, dir) = scratch("attr");
        let f = format!("{dos}\\doc.txt");
        let o = CreateOptions { flags: FILE_FLAG_DELETE_ON_CLOSE, ..opts(GENERIC_WRITE, CREATE_ALWAYS) };
        let (h, _) = create(&f, &o).unwrap();
        assert_eq!(attributes(&f), Ok(FILE_ATTRIBUTE_ARCHIVE));
        let d = handles::duplicate(h, false, false).unwrap();
        handles::close(h).unwrap();
        assert!(attributes(&f).is_ok(), "another handle keeps it");
        handles::close(d).unwrap();
        assert_eq!(attributes(&f), Err(ERROR_FILE_NOT_FOUND));

        assert_eq!(attributes(&dos), Ok(FILE_ATTRIBUTE_DIRECTORY));
        assert_eq!(attributes(&format!("{dos}\\nope")), Err(ERROR_FILE_NOT_FOUND));
        assert_eq!(attributes(&format!("{dos}\\nodir\\nope")), Err(ERROR_PATH_NOT_FOUND));
        let hidden = format!("{dos}\\.hidden");
        handles::close(create(&hidden, &opts(GENERIC_WRITE, CREATE_NEW)).unwrap().0).unwrap();
        assert_eq!(attributes(&hidden), Ok(FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_HIDDEN));
        let ro = format!("{dos}\\ro.txt");
        let o = CreateOptions { flags: FILE_ATTRIBUTE_READONLY, ..opts(GENERIC_WRITE, CREATE_NEW) };
        handles::close(create(&ro, &o).unwrap().0).unwrap();
        assert_eq!(attributes(&ro), Ok(FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_READONLY));

        assert_eq!(delete(&ro), Err(ERROR_ACCESS_DENIED));
        assert_eq!(delete(&dos), Err(ERROR_ACCESS_DENIED));
        assert_eq!(delete(&format!("{dos}\\nope")), Err(ERROR_FILE_NOT_FOUND));
        assert_eq!(delete(&format!("{dos}\\nodir\\nope")), Err(ERROR_PATH_NOT_FOUND));
        assert_eq!(delete(&hidden), Ok(()));
        assert_eq!(attributes(&hidden), Err(ERROR_FILE_NOT_FOUND));
        set_attributes(&ro, 0x80).unwrap();
        assert_eq!(attributes(&ro), Ok(FILE_ATTRIBUTE_ARCHIVE));
        set_attributes(&ro, FILE_ATTRIBUTE_READONLY).unwrap();
        assert_eq!(attributes(&ro), Ok(FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_READONLY));
        set_attributes(&ro, 0).unwrap();
        assert_eq!(delete(&ro), Ok(()));

        let sub = format!("{dos}\\sub");
        assert_eq!(create_dir(&sub), Ok(()));
        assert_eq!(create_dir(&sub), Err(ERROR_ALREADY_EXISTS));
        assert_eq!(create_dir(&format!("{dos}\\no\\sub")), Err(ERROR_PATH_NOT_FOUND));
        handles::close(create(&format!("{sub}\\f"), &opts(GENERIC_WRITE, CREATE_NEW)).unwrap().0).unwrap();
        assert_eq!(remove_dir(&sub), Err(ERROR_DIR_NOT_EMPTY));
        assert_eq!(remove_dir(&format!("{sub}\\f")), Err(ERROR_DIRECTORY));
        delete(&format!("{sub}\\f")).unwrap();
        assert_eq!(remove_dir(&sub), Ok(()));
        assert_eq!(remove_dir(&sub), Err(ERROR_FILE_NOT_FOUND));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
