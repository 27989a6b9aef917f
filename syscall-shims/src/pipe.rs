//! Pipes: anonymous pipes (CreatePipe) and named pipes on this machine (`\\.\pipe\name`).
//!
//! **Anonymous pipes** are host pipes; each end is a file handle (`Object::File`).
//!
//! **Named pipes** are Unix-domain sockets. Each server instance (`Object::Pipe`, made by
//! CreateNamedPipe) listens on its own socket file `<pid>.<n>.<b|m>` in the pipe's directory,
//! `/tmp/wine-rs-<uid>/pipe/<name>/` (the name lower-cased: pipe names are case-insensitive;
//! escaped, or hashed when long). `b` instances are byte pipes (stream sockets), `m` message
//! pipes (seqpacket sockets, which keep message boundaries). A thread per listening instance
//! accepts one client, moves the connection onto the server handle's fd (which never changes
//! its number), sends the client one byte to confirm, and replaces the socket file with a
//! `<pid>.<n>.busy` marker. A client (CreateFile, [`open_client`]) tries the listening
//! instances in turn; an instance whose listener is gone (process dead) is removed.
//! DisconnectNamedPipe breaks the connection and listens again.
//!
//! Until a client connects, the server's fd is one end of a socket pair whose other end the
//! instance keeps, so a read waits instead of seeing the end of the pipe.
//!
//! Not supported: message reads into a buffer smaller than the message (the rest of the
//! message is lost instead of ERROR_MORE_DATA), PIPE_NOWAIT reads, impersonation, a limit on
//! instances across processes (MaxInstances counts this process's instances only).

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};
use windows_sys::Win32::Foundation::{
    ERROR_ACCESS_DENIED, ERROR_BAD_PIPE, ERROR_BROKEN_PIPE, ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE,
    ERROR_INVALID_NAME, ERROR_INVALID_PARAMETER, ERROR_NO_DATA, ERROR_PIPE_BUSY, ERROR_PIPE_CONNECTED,
    ERROR_PIPE_LISTENING, ERROR_SEM_TIMEOUT, HANDLE,
};

use crate::file::FileObject;
use crate::handles::{self, Object};

// ---------------------------------------------------------------------------------------------
// Anonymous pipes.

/// CreatePipe: (read end, write end). `size` is a hint for the buffer size (0: default).
pub fn create_anonymous(size: u32, inherit: bool) -> Result<(HANDLE, HANDLE), u32> {
    let mut p = [0; 2];
    // SAFETY: a two-int array.
    if unsafe { libc::pipe2(p.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(crate::errno::last());
    }
    if size > 0 {
        // Best effort: the host may refuse sizes above its limit.
        // SAFETY: fcntl on our fd.
        unsafe { libc::fcntl(p[1], libc::F_SETPIPE_SZ, size.max(4096) as libc::c_int) };
    }
    let r = handles::insert(Arc::new(Object::File(FileObject::owned(p[0]))), inherit);
    let w = handles::insert(Arc::new(Object::File(FileObject::owned(p[1]))), inherit);
    Ok((r, w))
}

/// What PeekNamedPipe reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Peek {
    /// Bytes copied into the buffer.
    pub read: usize,
    /// Bytes available in the pipe.
    pub available: usize,
    /// For message pipes: what is left of the first message after `read` bytes.
    pub left_in_message: usize,
}

fn fd_of_pipe(h: HANDLE) -> Result<(i32, bool), u32> {
    let obj = handles::get(h)?;
    match &*obj {
        Object::File(f) => Ok((f.fd, false)),
        Object::Pipe(p) => Ok((p.fd, p.shared.message)),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// Bytes waiting in a pipe or socket (FIONREAD).
fn available(fd: i32) -> usize {
    let mut n: libc::c_int = 0;
    // SAFETY: FIONREAD into an int.
    if unsafe { libc::ioctl(fd, libc::FIONREAD, &mut n) } != 0 {
        return 0;
    }
    n.max(0) as usize
}

/// Are all writers of the pipe gone (the read side sees its end)?
fn writers_gone(fd: i32) -> bool {
    let mut pfd = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
    // SAFETY: one valid pollfd, no wait.
    unsafe { libc::poll(&mut pfd, 1, 0) > 0 && pfd.revents & libc::POLLHUP != 0 }
}

/// PeekNamedPipe: copy up to `buf.len()` bytes without removing them, and say how many are
/// available. ERROR_BROKEN_PIPE when nothing is left and the writers are gone.
pub fn peek(h: HANDLE, buf: &mut [u8]) -> Result<Peek, u32> {
    let (fd, message) = fd_of_pipe(h)?;
    // SAFETY: fstat into a zeroed buffer.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return Err(crate::errno::last());
    }
    let kind = st.st_mode & libc::S_IFMT;
    if kind != libc::S_IFIFO && kind != libc::S_IFSOCK {
        return Err(ERROR_BAD_PIPE);
    }
    let avail = available(fd);
    if avail == 0 {
        return if writers_gone(fd) { Err(ERROR_BROKEN_PIPE) } else { Ok(Peek::default()) };
    }
    let mut out = Peek { read: 0, available: avail, left_in_message: 0 };
    if kind == libc::S_IFSOCK {
        // MSG_TRUNC gives a message's full length.
        let mut tmp = vec![0u8; buf.len().max(1)];
        // SAFETY: recv into a local buffer, without consuming.
        let n = unsafe {
            libc::recv(fd, tmp.as_mut_ptr() as *mut _, tmp.len(), libc::MSG_PEEK | libc::MSG_DONTWAIT | libc::MSG_TRUNC)
        };
        if n > 0 {
            let full = n as usize;
            out.read = full.min(buf.len());
            buf[..out.read].copy_from_slice(&tmp[..out.read]);
            if message {
                out.left_in_message = full - out.read;
            }
        }
    } else if !buf.is_empty() {
        out.read = peek_fifo(fd, buf);
    }
    Ok(out)
}

/// Copy the start of a FIFO's content without consuming it: tee(2) it into a scratch pipe.
fn peek_fifo(fd: i32, buf: &mut [u8]) -> usize {
    let mut p = [0; 2];
    // SAFETY: a two-int array.
    if unsafe { libc::pipe2(p.as_mut_ptr(), libc::O_CLOEXEC | libc::O_NONBLOCK) } != 0 {
        return 0;
    }
    // SAFETY: tee between two pipes, then a read into `buf`.
    let n = unsafe {
        let t = libc::tee(fd, p[1], buf.len(), libc::SPLICE_F_NONBLOCK);
        let n = if t > 0 { libc::read(p[0], buf.as_mut_ptr() as *mut _, t as usize) } else { 0 };
        libc::close(p[0]);
        libc::close(p[1]);
        n
    };
    n.max(0) as usize
}

// ---------------------------------------------------------------------------------------------
// Named pipes.

/// The pipe name after `\\.\pipe\` (case-insensitive prefix), or None.
pub fn pipe_name(dos: &str) -> Option<&str> {
    let b = dos.as_bytes();
    let prefix = b"\\\\.\\pipe\\";
    (b.len() > prefix.len() && b[..prefix.len()].eq_ignore_ascii_case(prefix)).then(|| &dos[prefix.len()..])
}

/// Is this DOS name a named pipe (`\\.\pipe\...`)? CreateFile hands those to [`open_client`].
pub fn is_pipe_name(dos: &str) -> bool {
    pipe_name(dos).is_some()
}

/// The directory every named pipe of this user lives under.
fn root() -> PathBuf {
    // SAFETY: getuid has no preconditions.
    let uid = unsafe { libc::getuid() };
    PathBuf::from(format!("/tmp/wine-rs-{uid}/pipe"))
}

/// The directory of pipe `name` (after the prefix): lower-cased; bytes other than ASCII
/// letters, digits, `.`, `-` and `_` escaped as `%XX`; long names hashed (socket paths are
/// limited to 107 bytes).
fn pipe_dir(name: &str) -> PathBuf {
    let lower: String = name.chars().flat_map(char::to_lowercase).collect();
    let mut key = String::new();
    for b in lower.bytes() {
        if b.is_ascii_alphanumeric() || b"._-".contains(&b) {
            key.push(b as char);
        } else {
            key.push_str(&format!("%{b:02x}"));
        }
    }
    if key.len() > 48 || key.starts_with('.') {
        // FNV-1a, 64 bits.
        let h = lower.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3));
        key = format!("#{h:016x}");
    }
    root().join(key)
}

fn mkdir_private(dir: &Path) -> Result<(), u32> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| crate::errno::to_win32(e.raw_os_error().unwrap_or(libc::EACCES)))
}

fn sockaddr(path: &Path) -> Result<(libc::sockaddr_un, libc::socklen_t), u32> {
    // SAFETY: a zeroed sockaddr_un is valid.
    let mut a: libc::sockaddr_un = unsafe { std::mem::zeroed() };
    a.sun_family = libc::AF_UNIX as libc::sa_family_t;
    let b = path.as_os_str().as_bytes();
    if b.len() >= a.sun_path.len() {
        return Err(ERROR_INVALID_NAME);
    }
    for (d, &s) in a.sun_path.iter_mut().zip(b) {
        *d = s as libc::c_char;
    }
    Ok((a, (std::mem::size_of::<libc::sa_family_t>() + b.len() + 1) as libc::socklen_t))
}

fn sock_type(message: bool) -> i32 {
    if message { libc::SOCK_SEQPACKET } else { libc::SOCK_STREAM }
}

/// A listening socket bound at `path` (replacing a stale file), accepting one pending client.
fn listen_at(path: &Path, message: bool) -> Result<i32, u32> {
    let (addr, len) = sockaddr(path)?;
    // SAFETY: socket calls on our own fd and a valid address.
    unsafe {
        let fd = libc::socket(libc::AF_UNIX, sock_type(message) | libc::SOCK_CLOEXEC, 0);
        if fd < 0 {
            return Err(crate::errno::last());
        }
        let _ = std::fs::remove_file(path);
        if libc::bind(fd, &addr as *const _ as *const libc::sockaddr, len) != 0 || libc::listen(fd, 0) != 0 {
            let e = crate::errno::last();
            libc::close(fd);
            return Err(e);
        }
        Ok(fd)
    }
}

fn socketpair(message: bool) -> Result<(i32, i32), u32> {
    let mut sv = [0; 2];
    // SAFETY: a two-int array.
    if unsafe { libc::socketpair(libc::AF_UNIX, sock_type(message) | libc::SOCK_CLOEXEC, 0, sv.as_mut_ptr()) } != 0 {
        return Err(crate::errno::last());
    }
    Ok((sv[0], sv[1]))
}

/// CreateNamedPipe's parameters.
#[derive(Debug, Clone, Copy, Default)]
pub struct PipeOptions {
    /// PIPE_TYPE_MESSAGE (else bytes).
    pub message: bool,
    /// PIPE_READMODE_MESSAGE.
    pub read_message: bool,
    /// PIPE_NOWAIT: ConnectNamedPipe returns at once.
    pub nowait: bool,
    /// FILE_FLAG_FIRST_PIPE_INSTANCE.
    pub first_instance: bool,
    /// nMaxInstances (255 = unlimited).
    pub max_instances: u32,
    pub out_size: u32,
    pub in_size: u32,
    /// nDefaultTimeOut in ms (0: 50 ms), for WaitNamedPipe(NMPWAIT_USE_DEFAULT_WAIT).
    pub timeout_ms: u32,
    /// FILE_FLAG_OVERLAPPED: reads with an OVERLAPPED that find no data return
    /// ERROR_IO_PENDING and complete later (`crate::overlapped`).
    pub overlapped: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conn {
    /// Waiting for a client.
    Listening,
    /// A client is connected (or was, and has closed its end).
    Connected,
    /// DisconnectNamedPipe was called; ConnectNamedPipe listens again.
    Disconnected,
}

/// What a server instance and its listener thread share.
#[derive(Debug)]
pub struct Shared {
    pub message: bool,
    read_message: AtomicBool,
    nowait: AtomicBool,
    pub options: PipeOptions,
    /// The pipe's directory and this instance's socket file and busy marker.
    dir: PathBuf,
    sock_path: PathBuf,
    busy_path: PathBuf,
    state: Mutex<State>,
    changed: Condvar,
    /// Set when the handle is closed: the listener must not touch the fd any more.
    closing: AtomicBool,
}

#[derive(Debug)]
struct State {
    conn: Conn,
    /// The listening socket, while listening.
    listen_fd: i32,
    /// The far end of the placeholder pair while no client is connected.
    placeholder_peer: i32,
}

/// The server end of a named pipe instance: its fd (whose number never changes: connections
/// are moved onto it) and the state shared with its listener.
#[derive(Debug)]
pub struct PipeServer {
    pub fd: i32,
    pub shared: Arc<Shared>,
    /// The completion port the instance is associated with (CreateIoCompletionPort).
    pub completion: std::sync::OnceLock<crate::waitable::Completion>,
}

static INSTANCE_SEQ: AtomicU32 = AtomicU32::new(0);
/// This process's instances per pipe directory (for nMaxInstances).
static LOCAL_COUNT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Is there a live instance (listening or busy) of the pipe in `dir`? Stale files of dead
/// processes are removed on the way.
fn live_instances(dir: &Path) -> (usize, usize) {
    let (mut listening, mut busy) = (0, 0);
    let Ok(rd) = std::fs::read_dir(dir) else { return (0, 0) };
    for e in rd.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let mut parts = name.split('.');
        let (Some(pid), Some(_), Some(kind)) = (parts.next(), parts.next(), parts.next()) else { continue };
        let Ok(pid) = pid.parse::<i32>() else { continue };
        // SAFETY: signal 0 only checks that the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0 || crate::errno::last() == ERROR_ACCESS_DENIED;
        if !alive {
            let _ = std::fs::remove_file(e.path());
            continue;
        }
        if kind == "busy" { busy += 1 } else { listening += 1 }
    }
    (listening, busy)
}

/// CreateNamedPipe: a new server instance of `\\.\pipe\name`, listening at once.
/// ERROR_PATH_NOT_FOUND for another prefix (as Wine reports it); ERROR_PIPE_BUSY past
/// nMaxInstances (counted in this process); ERROR_ACCESS_DENIED with first_instance when the
/// pipe exists.
pub fn create_server(dos_name: &str, opt: PipeOptions, inherit: bool) -> Result<HANDLE, u32> {
    let name = pipe_name(dos_name).ok_or(windows_sys::Win32::Foundation::ERROR_PATH_NOT_FOUND)?;
    if opt.max_instances == 0 || opt.max_instances > 255 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let dir = pipe_dir(name);
    mkdir_private(&dir)?;
    if opt.max_instances != 255 {
        let local = LOCAL_COUNT.lock().unwrap_or_else(|e| e.into_inner());
        if local.iter().filter(|d| **d == dir).count() >= opt.max_instances as usize {
            return Err(ERROR_PIPE_BUSY);
        }
    }
    let (l, b) = live_instances(&dir);
    if opt.first_instance && l + b > 0 {
        return Err(ERROR_ACCESS_DENIED);
    }
    let id = format!("{}.{}", crate::sync::current_pid(), INSTANCE_SEQ.fetch_add(1, Ordering::Relaxed));
    let sock_path = dir.join(format!("{id}.{}", if opt.message { "m" } else { "b" }));
    let busy_path = dir.join(format!("{id}.busy"));
    let (fd, peer) = socketpair(opt.message)?;
    let listen_fd = match listen_at(&sock_path, opt.message) {
        Ok(l) => l,
        Err(e) => {
            // SAFETY: our fds.
            unsafe {
                libc::close(fd);
                libc::close(peer);
            }
            return Err(e);
        }
    };
    let shared = Arc::new(Shared {
        message: opt.message,
        read_message: AtomicBool::new(opt.read_message),
        nowait: AtomicBool::new(opt.nowait),
        options: opt,
        dir: dir.clone(),
        sock_path,
        busy_path,
        state: Mutex::new(State { conn: Conn::Listening, listen_fd, placeholder_peer: peer }),
        changed: Condvar::new(),
        closing: AtomicBool::new(false),
    });
    LOCAL_COUNT.lock().unwrap_or_else(|e| e.into_inner()).push(dir);
    start_listener(&shared, fd, listen_fd);
    Ok(handles::insert(Arc::new(Object::Pipe(PipeServer { fd, shared, completion: Default::default() })), inherit))
}

/// The thread that accepts the one client of a listening instance.
fn start_listener(shared: &Arc<Shared>, fd: i32, listen_fd: i32) {
    let shared = shared.clone();
    let r = std::thread::Builder::new().name("pipe-listener".into()).stack_size(64 * 1024).spawn(move || {
        let conn = loop {
            // SAFETY: accept on our listening socket (closed only by this thread or after a
            // shutdown that makes accept fail).
            let c = unsafe { libc::accept4(listen_fd, std::ptr::null_mut(), std::ptr::null_mut(), libc::SOCK_CLOEXEC) };
            if c >= 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
                break c;
            }
        };
        let mut st = shared.state.lock().unwrap_or_else(|e| e.into_inner());
        if conn < 0 || shared.closing.load(Ordering::Acquire) || st.listen_fd != listen_fd {
            if conn >= 0 {
                // SAFETY: our accepted socket.
                unsafe { libc::close(conn) };
            }
            return;
        }
        // Mark the instance busy before its socket file goes, so that it never looks absent.
        let _ = std::fs::write(&shared.busy_path, b"");
        let _ = std::fs::remove_file(&shared.sock_path);
        // SAFETY: our fds: the connection replaces the placeholder on the server's fd.
        unsafe {
            libc::close(listen_fd);
            libc::dup2(conn, fd);
            libc::close(conn);
            libc::close(st.placeholder_peer);
            // The client waits for this byte to know the instance is its own.
            libc::send(fd, b"+".as_ptr() as *const _, 1, libc::MSG_NOSIGNAL);
        }
        st.listen_fd = -1;
        st.placeholder_peer = -1;
        st.conn = Conn::Connected;
        shared.changed.notify_all();
    });
    if let Err(e) = r {
        log::warn!("CreateNamedPipe: cannot start a listener thread: {e}");
    }
}

impl Drop for PipeServer {
    fn drop(&mut self) {
        let s = &self.shared;
        s.closing.store(true, Ordering::Release);
        let st = s.state.lock().unwrap_or_else(|e| e.into_inner());
        // SAFETY: our fds; shutdown wakes the listener's accept.
        unsafe {
            if st.listen_fd >= 0 {
                libc::shutdown(st.listen_fd, libc::SHUT_RDWR);
                libc::close(st.listen_fd);
            }
            if st.placeholder_peer >= 0 {
                libc::close(st.placeholder_peer);
            }
            libc::close(self.fd);
        }
        drop(st);
        let _ = std::fs::remove_file(&s.sock_path);
        let _ = std::fs::remove_file(&s.busy_path);
        let mut local = LOCAL_COUNT.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = local.iter().position(|d| *d == s.dir) {
            local.swap_remove(i);
        }
        drop(local);
        let _ = std::fs::remove_dir(&s.dir);
    }
}

fn server(h: HANDLE) -> Result<Arc<Object>, u32> {
    let obj = handles::get(h)?;
    match &*obj {
        Object::Pipe(_) => Ok(obj),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

fn with_server<T>(h: HANDLE, f: impl FnOnce(&PipeServer) -> Result<T, u32>) -> Result<T, u32> {
    let obj = server(h)?;
    match &*obj {
        Object::Pipe(p) => f(p),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// ConnectNamedPipe: wait for a client. Ok(()) once one connects; ERROR_PIPE_CONNECTED if one
/// connected before the call; ERROR_NO_DATA if that client has already closed its end;
/// ERROR_PIPE_LISTENING at once in PIPE_NOWAIT mode with no client yet.
pub fn connect(h: HANDLE) -> Result<(), u32> {
    with_server(h, |p| {
        let s = &p.shared;
        let mut st = s.state.lock().unwrap_or_else(|e| e.into_inner());
        match st.conn {
            Conn::Connected => {
                drop(st);
                return if available(p.fd) == 0 && writers_gone(p.fd) {
                    Err(ERROR_NO_DATA)
                } else {
                    Err(ERROR_PIPE_CONNECTED)
                };
            }
            Conn::Disconnected => {
                relisten(p, &mut st)?;
            }
            Conn::Listening => {}
        }
        if s.nowait.load(Ordering::Relaxed) {
            return Err(ERROR_PIPE_LISTENING);
        }
        while st.conn == Conn::Listening {
            st = s.changed.wait(st).unwrap_or_else(|e| e.into_inner());
        }
        Ok(())
    })
}

/// Has a client connected to this server instance, waiting up to `timeout` (None: forever)?
/// For an overlapped ConnectNamedPipe.
pub fn wait_connected(h: HANDLE, timeout: Option<Duration>) -> Result<bool, u32> {
    with_server(h, |p| Ok(p.wait_connected(timeout)))
}

impl PipeServer {
    /// Wait up to `timeout` (None: forever) for a client; true once one is connected.
    pub fn wait_connected(&self, timeout: Option<Duration>) -> bool {
        let s = &self.shared;
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut st = s.state.lock().unwrap_or_else(|e| e.into_inner());
        while st.conn != Conn::Connected {
            if s.closing.load(Ordering::Acquire) {
                return false;
            }
            match deadline {
                None => st = s.changed.wait(st).unwrap_or_else(|e| e.into_inner()),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        return false;
                    }
                    st = s.changed.wait_timeout(st, d - now).unwrap_or_else(|e| e.into_inner()).0;
                }
            }
        }
        true
    }
}

/// Start listening again after a disconnect: a new placeholder on the fd, a new socket.
fn relisten(p: &PipeServer, st: &mut State) -> Result<(), u32> {
    let s = &p.shared;
    let (ph, peer) = socketpair(s.message)?;
    // SAFETY: our fds: the placeholder replaces whatever the server's fd held.
    unsafe {
        libc::dup2(ph, p.fd);
        libc::close(ph);
    }
    st.placeholder_peer = peer;
    let l = listen_at(&s.sock_path, s.message)?;
    let _ = std::fs::remove_file(&s.busy_path);
    st.listen_fd = l;
    st.conn = Conn::Listening;
    start_listener(s, p.fd, l);
    Ok(())
}

/// DisconnectNamedPipe: end the connection with the client (whose reads then see the end of
/// the pipe); the instance can connect again. ERROR_PIPE_LISTENING when no client ever came.
pub fn disconnect(h: HANDLE) -> Result<(), u32> {
    with_server(h, |p| {
        let s = &p.shared;
        let mut st = s.state.lock().unwrap_or_else(|e| e.into_inner());
        match st.conn {
            Conn::Listening => Err(ERROR_PIPE_LISTENING),
            Conn::Disconnected => Ok(()),
            Conn::Connected => {
                // Cut the client off: a dead placeholder on the fd until the next connect.
                let (ph, peer) = socketpair(s.message)?;
                // SAFETY: our fds.
                unsafe {
                    libc::dup2(ph, p.fd);
                    libc::close(ph);
                    libc::close(peer);
                }
                st.conn = Conn::Disconnected;
                Ok(())
            }
        }
    })
}

/// CreateFile on `\\.\pipe\name`: connect to a listening instance. ERROR_FILE_NOT_FOUND when
/// the pipe does not exist, ERROR_PIPE_BUSY when every instance is taken. The handle is a file
/// handle on the connected socket.
pub fn open_client(dos_name: &str, inherit: bool) -> Result<HANDLE, u32> {
    let fd = connect_client(dos_name)?;
    Ok(handles::insert(Arc::new(Object::File(FileObject::owned(fd))), inherit))
}

/// Connect to an instance of the pipe; returns the connected socket.
pub fn connect_client(dos_name: &str) -> Result<i32, u32> {
    let name = pipe_name(dos_name).ok_or(ERROR_FILE_NOT_FOUND)?;
    let dir = pipe_dir(name);
    let mut busy = false;
    let Ok(rd) = std::fs::read_dir(&dir) else { return Err(ERROR_FILE_NOT_FOUND) };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let Some(fname) = path.file_name().and_then(|n| n.to_str()) else { continue };
        let message = match fname.rsplit('.').next() {
            Some("b") => false,
            Some("m") => true,
            Some("busy") => {
                busy |= pid_alive(fname);
                continue;
            }
            _ => continue,
        };
        match try_connect(&path, message) {
            Ok(fd) => return Ok(fd),
            Err(Try::Busy) => busy = true,
            Err(Try::Dead) => {
                if !pid_alive(fname) {
                    let _ = std::fs::remove_file(&path);
                } else {
                    busy = true;
                }
            }
        }
    }
    Err(if busy { ERROR_PIPE_BUSY } else { ERROR_FILE_NOT_FOUND })
}

fn pid_alive(fname: &str) -> bool {
    let Some(pid) = fname.split('.').next().and_then(|p| p.parse::<i32>().ok()) else { return false };
    // SAFETY: signal 0 only checks that the process exists.
    unsafe { libc::kill(pid, 0) == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM) }
}

enum Try {
    /// Another client holds it (or won the race for it).
    Busy,
    /// Nobody listens there.
    Dead,
}

fn try_connect(path: &Path, message: bool) -> Result<i32, Try> {
    let (addr, len) = sockaddr(path).map_err(|_| Try::Dead)?;
    // SAFETY: socket calls on our own fd and a valid address.
    unsafe {
        let fd = libc::socket(libc::AF_UNIX, sock_type(message) | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK, 0);
        if fd < 0 {
            return Err(Try::Dead);
        }
        if libc::connect(fd, &addr as *const _ as *const libc::sockaddr, len) != 0 {
            let e = std::io::Error::last_os_error().raw_os_error();
            libc::close(fd);
            return Err(if e == Some(libc::EAGAIN) { Try::Busy } else { Try::Dead });
        }
        // Back to blocking; wait (a bounded time) for the listener's confirmation byte.
        let fl = libc::fcntl(fd, libc::F_GETFL);
        libc::fcntl(fd, libc::F_SETFL, fl & !libc::O_NONBLOCK);
        let mut pfd = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let left = deadline.saturating_duration_since(Instant::now()).as_millis() as i32;
            let r = libc::poll(&mut pfd, 1, left);
            if r < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            break;
        }
        let mut b = 0u8;
        let n = libc::recv(fd, &mut b as *mut u8 as *mut _, 1, libc::MSG_DONTWAIT);
        if n != 1 {
            libc::close(fd);
            return Err(Try::Busy);
        }
        Ok(fd)
    }
}

/// WaitNamedPipe: wait until an instance of the pipe is listening. `timeout_ms`: 0 is the
/// pipe's default (50 ms here), u32::MAX forever. ERROR_FILE_NOT_FOUND at once when the pipe
/// does not exist, ERROR_SEM_TIMEOUT when no instance came free in time.
pub fn wait(dos_name: &str, timeout_ms: u32) -> Result<(), u32> {
    let name = pipe_name(dos_name).ok_or(ERROR_INVALID_NAME)?;
    let dir = pipe_dir(name);
    let timeout = match timeout_ms {
        0 => Some(Duration::from_millis(50)),
        u32::MAX => None,
        t => Some(Duration::from_millis(t as u64)),
    };
    let deadline = timeout.map(|t| Instant::now() + t);
    loop {
        let (listening, busy) = live_instances(&dir);
        if listening > 0 {
            return Ok(());
        }
        if busy == 0 {
            return Err(ERROR_FILE_NOT_FOUND);
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(ERROR_SEM_TIMEOUT);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// SetNamedPipeHandleState's mode: PIPE_READMODE_MESSAGE (2) needs a message pipe
/// (ERROR_INVALID_PARAMETER on a byte server instance); PIPE_NOWAIT (1) is recorded for
/// ConnectNamedPipe. Client handles accept both (their reads follow the pipe's type).
pub fn set_mode(h: HANDLE, mode: u32) -> Result<(), u32> {
    let obj = handles::get(h)?;
    match &*obj {
        Object::Pipe(p) => {
            if mode & 2 != 0 && !p.shared.message {
                return Err(ERROR_INVALID_PARAMETER);
            }
            p.shared.read_message.store(mode & 2 != 0, Ordering::Relaxed);
            p.shared.nowait.store(mode & 1 != 0, Ordering::Relaxed);
            Ok(())
        }
        Object::File(f) => {
            // SAFETY: fstat into a zeroed buffer.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            if unsafe { libc::fstat(f.fd, &mut st) } != 0 {
                return Err(crate::errno::last());
            }
            let kind = st.st_mode & libc::S_IFMT;
            if kind != libc::S_IFIFO && kind != libc::S_IFSOCK {
                return Err(ERROR_INVALID_PARAMETER);
            }
            Ok(())
        }
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// GetNamedPipeInfo: (flags, out size, in size, max instances). Flags: PIPE_SERVER_END (1)
/// for a server instance, PIPE_TYPE_MESSAGE (4) for a message pipe.
pub fn info(h: HANDLE) -> Result<(u32, u32, u32, u32), u32> {
    let obj = handles::get(h)?;
    match &*obj {
        Object::Pipe(p) => {
            let o = &p.shared.options;
            Ok((1 | if o.message { 4 } else { 0 }, o.out_size, o.in_size, o.max_instances))
        }
        Object::File(f) => {
            // SAFETY: getsockopt into an int; fails (ENOTSOCK) for an anonymous pipe.
            let mut ty: libc::c_int = 0;
            let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
            let r = unsafe {
                libc::getsockopt(f.fd, libc::SOL_SOCKET, libc::SO_TYPE, &mut ty as *mut _ as *mut _, &mut len)
            };
            let message = r == 0 && ty == libc::SOCK_SEQPACKET;
            Ok((if message { 4 } else { 0 }, 4096, 4096, 1))
        }
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// The process at the other end of a named pipe connection (SO_PEERCRED): for
/// GetNamedPipeClientProcessId / GetNamedPipeServerProcessId.
pub fn peer_pid(h: HANDLE) -> Result<u32, u32> {
    let (fd, _) = fd_of_pipe(h)?;
    // SAFETY: getsockopt into a ucred.
    let mut cred: libc::ucred = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
    if unsafe { libc::getsockopt(fd, libc::SOL_SOCKET, libc::SO_PEERCRED, &mut cred as *mut _ as *mut _, &mut len) }
        != 0
    {
        return Err(ERROR_INVALID_HANDLE);
    }
    Ok(cred.pid as u32)
}

/// The socket path of a server instance, for tests.
#[cfg(test)]
pub(crate) fn socket_path_of(h: HANDLE) -> Option<PathBuf> {
    let obj = handles::get(h).ok()?;
    match &*obj {
        Object::Pipe(p) => Some(p.shared.sock_path.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
