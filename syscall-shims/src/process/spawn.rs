//! Starting a child: fork, put the inherited fds where the child expects them, wait at the
//! suspend gate if asked, exec. Between fork and exec the child only makes system calls on
//! data prepared before the fork (a multi-threaded parent's child may not allocate or lock).

use std::ffi::CString;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex};
use windows_sys::Win32::Foundation::{
    ERROR_ACCESS_DENIED, ERROR_BAD_EXE_FORMAT, ERROR_DIRECTORY, ERROR_FILE_NOT_FOUND, ERROR_NOT_ENOUGH_MEMORY, HANDLE,
};

use super::handoff::{self, Control};
use super::{Child, reap, register};
use crate::handles::{self, Object};
use crate::waitable;

/// What kind of program a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgramKind {
    /// A PE image ("MZ"): runs in a new wine-rs.
    Pe,
    /// An ELF executable or a `#!` script: executed directly.
    Native,
}

/// What a file is, by its first bytes: ERROR_FILE_NOT_FOUND if it does not exist,
/// ERROR_ACCESS_DENIED for a directory or an unreadable file, ERROR_BAD_EXE_FORMAT for
/// anything that is neither PE, ELF nor a script.
pub fn program_kind(unix_path: &str) -> Result<ProgramKind, u32> {
    use std::io::Read;
    let meta = std::fs::metadata(unix_path).map_err(|_| ERROR_FILE_NOT_FOUND)?;
    if meta.is_dir() {
        return Err(ERROR_ACCESS_DENIED);
    }
    let mut head = [0u8; 4];
    let mut f = std::fs::File::open(unix_path).map_err(|_| ERROR_ACCESS_DENIED)?;
    let n = f.read(&mut head).map_err(|_| ERROR_ACCESS_DENIED)?;
    match &head[..n] {
        [b'M', b'Z', ..] => Ok(ProgramKind::Pe),
        [0x7f, b'E', b'L', b'F'] | [b'#', b'!', ..] => Ok(ProgramKind::Native),
        _ => Err(ERROR_BAD_EXE_FORMAT),
    }
}

/// What CreateProcess decided; see [`spawn`].
#[derive(Debug)]
pub struct Spawn<'a> {
    /// The program file (Unix path).
    pub program: &'a str,
    /// Its Windows path (what the child's GetModuleFileName and QueryFullProcessImageName say).
    pub image: &'a str,
    pub kind: ProgramKind,
    /// The exact Windows command line.
    pub command_line: &'a str,
    /// The child's current directory (Unix path); None keeps ours.
    pub cwd: Option<&'a str>,
    /// The child's environment: `NAME=VALUE` strings of a Windows environment block.
    pub env: &'a [String],
    /// The handles the child inherits (bInheritHandles and the handle list already applied):
    /// file-like ones (files, pipes, sockets) keep their values in a wine-rs child.
    pub inherit: &'a [HANDLE],
    /// Its standard input, output and error (NULL: none; the child's fd gets /dev/null).
    pub std: [HANDLE; 3],
    /// CREATE_SUSPENDED: hold the child until its thread object is resumed.
    pub suspended: bool,
    /// CREATE_NEW_PROCESS_GROUP: a new Unix process group, SIGINT ignored (Ctrl+C disabled).
    pub new_group: bool,
    /// STARTUPINFO `lpReserved2` (`cbReserved2` bytes; empty: none): what a wine-rs child's
    /// GetStartupInfo returns. Not passed to native programs.
    pub reserved2: &'a [u8],
}


/// A started child: its process and main thread objects (not yet in the handle table).
#[derive(Debug)]
pub struct Spawned {
    pub process: Arc<Object>,
    pub thread: Arc<Object>,
    pub pid: u32,
}

/// An fd to open in the parent and hand over, closed in the parent after the fork.
struct Fd(i32);

impl Drop for Fd {
    fn drop(&mut self) {
        if self.0 >= 0 {
            // SAFETY: an fd this module opened.
            unsafe { libc::close(self.0) };
        }
    }
}

impl Fd {
    fn take(&mut self) -> i32 {
        std::mem::replace(&mut self.0, -1)
    }
}

fn cloexec_pipe() -> Result<(Fd, Fd), u32> {
    let mut p = [0; 2];
    // SAFETY: a two-int array.
    if unsafe { libc::pipe2(p.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(crate::errno::last());
    }
    Ok((Fd(p[0]), Fd(p[1])))
}

/// The host fd behind a handle's object, for objects that are host fds.
pub(crate) fn object_fd(obj: &Object) -> Option<i32> {
    match obj {
        Object::File(f) => Some(f.fd),
        Object::Pipe(p) => Some(p.fd),
        _ => None,
    }
}

/// Everything the child does between fork and exec, prepared in the parent.
struct Plan {
    /// dup2(src, dst) in order (src == dst: only clear FD_CLOEXEC).
    moves: Vec<(i32, i32)>,
    /// The fds that become the child's 0, 1, 2 (temporary copies made by `moves`).
    std_tmp: [i32; 3],
    /// Read end of the suspend gate, or -1.
    gate: i32,
    /// Write end of the exec-error pipe (CLOEXEC: closed by a successful exec).
    err: i32,
    /// The child's fds from 3 up are exactly the targets `first_target..end_target`: every
    /// other fd is made close-on-exec, whoever opened it.
    first_target: i32,
    end_target: i32,
    new_group: bool,
    cwd: Option<CString>,
    path: CString,
    argv: Vec<*const libc::c_char>,
    envp: Vec<*const libc::c_char>,
}

/// Start a child as `req` says. Errors are Win32 codes (exec failures as their errno maps).
pub fn spawn(req: &Spawn) -> Result<Spawned, u32> {
    // Objects whose fds the child inherits stay alive (and their fds open) until after fork.
    let mut keep: Vec<Arc<Object>> = Vec::new();
    struct Pass {
        value: usize,
        src: i32,
        flags: u32,
        /// The child's fd: 0-2 when it is also a standard handle, else assigned below.
        target: i32,
    }
    let mut passes: Vec<Pass> = Vec::new();
    for &h in req.inherit {
        let Ok(obj) = handles::get(h) else { continue };
        match object_fd(&obj) {
            Some(fd) => {
                if passes.iter().any(|p| p.value == h as usize) {
                    continue;
                }
                passes.push(Pass { value: h as usize, src: fd, flags: handles::flags(h).unwrap_or(0), target: -1 });
                keep.push(obj);
            }
            None => log::debug!("CreateProcess: handle {h:?} ({obj:?}) cannot cross processes; not inherited"),
        }
    }

    // Standard handles: the fd each becomes, and what the child's handle table says.
    let mut devnull = Fd(-1);
    let mut std_src = [-1; 3];
    let mut std_value: [Option<usize>; 3] = [None; 3];
    for k in 0..3 {
        let h = req.std[k];
        let fd = if h.is_null() {
            None
        } else {
            handles::resolve(h).ok().and_then(|o| {
                let fd = object_fd(&o);
                keep.push(o);
                fd
            })
        };
        std_src[k] = match fd {
            Some(fd) => fd,
            None => {
                if devnull.0 < 0 {
                    // SAFETY: a NUL-terminated path.
                    devnull = Fd(unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC) });
                }
                devnull.0
            }
        };
        if h.is_null() {
            std_value[k] = Some(0);
        } else if let Some(p) = passes.iter_mut().find(|p| p.value == h as usize) {
            if p.target < 0 {
                p.target = k as i32;
            }
            std_value[k] = Some(h as usize);
        }
        // Otherwise the handle is not inherited: the child gets the same stream as its own
        // default standard handle over fd k.
    }

    let pe = req.kind == ProgramKind::Pe;
    let (mut exit_r, exit_w) = if pe { cloexec_pipe()? } else { (Fd(-1), Fd(-1)) };
    let (control, control_child) = if pe {
        let (parent, child) = handoff::control_pair()?;
        (Some(parent), Fd(child))
    } else {
        (None, Fd(-1))
    };
    let (gate_r, mut gate_w) = if req.suspended { cloexec_pipe()? } else { (Fd(-1), Fd(-1)) };
    let (err_r, err_w) = cloexec_pipe()?;

    // Targets above every fd we read from, so no dup2 overwrites a source.
    let highest = passes
        .iter()
        .map(|p| p.src)
        .chain(std_src)
        .chain([exit_w.0, control_child.0, gate_r.0, err_w.0, err_r.0, exit_r.0, gate_w.0, devnull.0])
        .max()
        .unwrap_or(2);
    let first_target = highest.max(2) + 1;
    let mut next = first_target;
    let mut alloc = || {
        next += 1;
        next - 1
    };
    let mut moves = Vec::new();
    for p in passes.iter_mut().filter(|p| p.target < 0) {
        p.target = alloc();
        moves.push((p.src, p.target));
    }
    let std_tmp = [0, 1, 2].map(|k| {
        let t = alloc();
        moves.push((std_src[k], t));
        t
    });
    let mut extra = |fd: i32| {
        if fd < 0 {
            return -1;
        }
        let t = alloc();
        moves.push((fd, t));
        t
    };
    let exit_target = extra(exit_w.0);
    let control_target = extra(control_child.0);
    let gate_target = extra(gate_r.0);
    let end_target = next;

    // The environment and arguments.
    let mut env: Vec<String> = Vec::with_capacity(req.env.len() + 8);
    let mut args: Vec<String> = Vec::new();
    let path;
    if pe {
        env.extend(req.env.iter().filter(|e| !e.starts_with(handoff::VAR_PREFIX)).cloned());
        let handles_var: Vec<String> =
            passes.iter().map(|p| format!("{:x}:{}:{:x}", p.value, p.target, p.flags)).collect();
        let std_var: Vec<String> =
            std_value.iter().map(|v| v.map_or_else(|| "-".to_string(), |v| format!("{v:x}"))).collect();
        env.push(format!("{}={}", handoff::VAR_CMDLINE, req.command_line));
        env.push(format!("{}={}", handoff::VAR_HANDLES, handles_var.join(",")));
        env.push(format!("{}={}", handoff::VAR_STD, std_var.join(",")));
        env.push(format!("{}={}", handoff::VAR_EXIT_FD, exit_target));
        env.push(format!("{}={}", handoff::VAR_CONTROL_FD, control_target));
        env.push(format!("{}=1", handoff::VAR_WINENV));
        env.extend(handoff::reserved2_var(req.reserved2));
        path = launcher();
        args.extend(["wine-rs".to_string(), "--".to_string(), req.program.to_string()]);
    } else {
        env.extend(unix_environment(req.env));
        path = req.program.to_string();
        args = crate::cmdline::split_str(req.command_line, crate::cmdline::Rules::Crt);
        if args.first().is_none_or(|a| a.is_empty()) {
            args = vec![req.program.to_string()];
        }
    }
    let cstrings = |v: &[String]| -> Vec<CString> { v.iter().filter_map(|s| CString::new(s.as_str()).ok()).collect() };
    let env_c = cstrings(&env);
    let args_c = cstrings(&args);
    let mut envp: Vec<*const libc::c_char> = env_c.iter().map(|s| s.as_ptr()).collect();
    envp.push(std::ptr::null());
    let mut argv: Vec<*const libc::c_char> = args_c.iter().map(|s| s.as_ptr()).collect();
    argv.push(std::ptr::null());
    let cwd = match req.cwd {
        Some(d) => {
            if !std::path::Path::new(d).is_dir() {
                return Err(ERROR_DIRECTORY);
            }
            Some(CString::new(d).map_err(|_| ERROR_DIRECTORY)?)
        }
        None => None,
    };
    let plan = Plan {
        moves,
        std_tmp,
        gate: gate_target,
        err: err_w.0,
        first_target,
        end_target,
        new_group: req.new_group,
        cwd,
        path: CString::new(path).map_err(|_| ERROR_FILE_NOT_FOUND)?,
        argv,
        envp,
    };

    let pid = if req.suspended {
        // A suspended child waits (at the gate, before exec) while we go on: a real fork.
        // SAFETY: fork; the child runs only `after_fork`, which makes system calls on `plan`.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            // SAFETY: in the new child; `plan` was built before the fork.
            unsafe { after_fork(&plan) }
        }
        pid
    } else {
        // SAFETY: see `vfork_spawn`.
        unsafe { vfork_spawn(&plan) }
    };
    if pid < 0 {
        return Err(ERROR_NOT_ENOUGH_MEMORY);
    }
    drop(keep);
    // The child's ends are the child's now.
    drop((exit_w, control_child, gate_r, err_w, devnull));

    // Until exec succeeds, the exec-error pipe stays open; its EOF means success. A suspended
    // child has not reached exec, so it is not waited for.
    if !req.suspended {
        let mut e = [0u8; 4];
        let n = loop {
            // SAFETY: reading into a local buffer.
            let n = unsafe { libc::read(err_r.0, e.as_mut_ptr() as *mut _, 4) };
            if n >= 0 || !super::eintr() {
                break n;
            }
        };
        if n == 4 {
            let errno = i32::from_le_bytes(e);
            let mut status = 0;
            // SAFETY: our child, which exits right after reporting.
            unsafe { libc::waitpid(pid, &mut status, 0) };
            return Err(match errno {
                libc::ENOEXEC => ERROR_BAD_EXE_FORMAT,
                libc::ENOENT => ERROR_FILE_NOT_FOUND,
                e => crate::errno::to_win32(e),
            });
        }
    }
    drop(err_r);

    // SAFETY: pidfd_open(pid, flags = 0) on our unreaped child.
    let pidfd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0u32) } as i32;
    let process = Arc::new(Object::Process(waitable::Process::new(pid as u32)));
    let thread = Arc::new(Object::Thread(waitable::Thread::new(pid as u32, req.suspended)));
    let child = Arc::new(Child {
        pid: pid as u32,
        pidfd,
        image: req.image.to_string(),
        ours: true,
        created: crate::time::now_filetime(),
        exit: Mutex::new(None),
        terminate_code: Mutex::new(None),
        object: Arc::downgrade(&process),
        control: control.map(|fd| Control { fd, next: AtomicUsize::new(handoff::DUP_BASE) }),
    });
    register(child.clone());
    reap(child, process.clone(), thread.clone(), exit_r.take());
    if req.suspended {
        open_gate_on_resume(thread.clone(), gate_w.take());
    }
    Ok(Spawned { process, thread, pid: pid as u32 })
}

/// A thread that waits at the child's thread object's gate (ResumeThread opens it; so does
/// the child's exit) and then lets the child go on to exec.
fn open_gate_on_resume(thread: Arc<Object>, gate_w: i32) {
    let spawned = std::thread::Builder::new().name("process-gate".into()).stack_size(64 * 1024).spawn(move || {
        if let Object::Thread(t) = &*thread {
            t.wait_gate();
        }
        // SAFETY: our pipe's write end; EPIPE (the child is gone) is ignored.
        unsafe {
            libc::write(gate_w, b"g".as_ptr() as *const _, 1);
            libc::close(gate_w);
        }
    });
    if let Err(e) = spawned {
        log::warn!("CreateProcess: cannot start the suspend gate thread: {e}");
    }
}

/// The wine-rs binary to run PE children with: `$WINE_RS_LAUNCHER` (tests running DLL code
/// outside wine-rs set it), else this process's own executable.
fn launcher() -> String {
    std::env::var("WINE_RS_LAUNCHER").unwrap_or_else(|_| "/proc/self/exe".to_string())
}

/// A Windows environment as a native program wants it: PATH back in Unix form (the entries
/// that map to Unix directories, in order, without those on C:, the prefix's drive of Windows
/// programs).
fn unix_environment(env: &[String]) -> Vec<String> {
    env.iter()
        .filter(|e| !e.starts_with(handoff::VAR_PREFIX))
        .map(|e| match e.split_once('=') {
            Some((name, value)) if name.eq_ignore_ascii_case("PATH") => {
                let dirs: Vec<String> = value
                    .split(';')
                    .filter(|d| !d.is_empty() && !d.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("c:")))
                    .filter_map(crate::path::dos_to_unix)
                    .filter(|d| d.starts_with('/'))
                    .collect();
                format!("PATH={}", dirs.join(":"))
            }
            _ => e.clone(),
        })
        .collect()
}

/// Start the child as posix_spawn does: `clone(CLONE_VM | CLONE_VFORK)` on a stack of its own,
/// so nothing of this (large, multi-threaded) process is copied; we are suspended until the
/// child has exec'd or exited. All signals are blocked meanwhile, and the child puts the
/// handlers it caught back to their defaults before unblocking them (it shares our memory, so
/// none of our handlers may run in it).
///
/// # Safety
/// `plan` must be fully built; the child only reads it.
unsafe fn vfork_spawn(plan: &Plan) -> libc::pid_t {
    extern "C" fn child(arg: *mut libc::c_void) -> libc::c_int {
        // SAFETY: `arg` is the parent's Plan, alive while the parent waits for us.
        unsafe {
            for sig in 1..libc::SIGRTMAX() {
                if sig == libc::SIGKILL || sig == libc::SIGSTOP {
                    continue;
                }
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(sig, std::ptr::null(), &mut old) == 0
                    && old.sa_sigaction != libc::SIG_IGN
                    && old.sa_sigaction != libc::SIG_DFL
                {
                    let mut dfl: libc::sigaction = std::mem::zeroed();
                    dfl.sa_sigaction = libc::SIG_DFL;
                    libc::sigaction(sig, &dfl, std::ptr::null_mut());
                }
            }
            after_fork(&*(arg as *const Plan))
        }
    }
    const STACK: usize = 64 * 1024;
    let mut stack = vec![0u8; STACK];
    // SAFETY: the stack outlives the child's use of it (CLONE_VFORK: we resume once it has
    // exec'd or exited); the masks are local.
    unsafe {
        let top = (stack.as_mut_ptr().add(STACK) as usize & !15) as *mut libc::c_void;
        let mut all: libc::sigset_t = std::mem::zeroed();
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut all);
        libc::pthread_sigmask(libc::SIG_SETMASK, &all, &mut old);
        let pid = libc::clone(
            child,
            top,
            libc::CLONE_VM | libc::CLONE_VFORK | libc::SIGCHLD,
            plan as *const Plan as *mut libc::c_void,
        );
        libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut());
        pid
    }
}

/// The child between fork and exec. Only async-signal-safe calls.
///
/// # Safety
/// Call only in a freshly forked child.
unsafe fn after_fork(p: &Plan) -> ! {
    // SAFETY: system calls on fds and strings prepared by the parent.
    unsafe {
        let fail = |err: i32| -> ! {
            let e = (*libc::__errno_location()).to_le_bytes();
            libc::write(err, e.as_ptr() as *const _, 4);
            libc::_exit(127)
        };
        for &(src, dst) in &p.moves {
            let r = if src == dst { libc::fcntl(dst, libc::F_SETFD, 0) } else { libc::dup2(src, dst) };
            if r < 0 {
                fail(p.err);
            }
        }
        for (k, &t) in p.std_tmp.iter().enumerate() {
            if libc::dup2(t, k as i32) < 0 {
                fail(p.err);
            }
        }
        for &t in &p.std_tmp {
            libc::close(t);
        }
        // Only inherited handles cross: any other fd (the parent's own, or one another thread
        // opened without O_CLOEXEC) closes at exec. CLOSE_RANGE_CLOEXEC = 4.
        if p.first_target > 3 {
            libc::syscall(libc::SYS_close_range, 3u32, (p.first_target - 1) as u32, 4u32);
        }
        libc::syscall(libc::SYS_close_range, p.end_target as u32, u32::MAX, 4u32);
        if p.gate >= 0 {
            let mut b = 0u8;
            loop {
                let r = libc::read(p.gate, &mut b as *mut u8 as *mut _, 1);
                if r == 1 {
                    break;
                }
                if r < 0 && *libc::__errno_location() == libc::EINTR {
                    continue;
                }
                // The parent is gone without resuming us.
                libc::_exit(1);
            }
            libc::close(p.gate);
        }
        if p.new_group {
            libc::setpgid(0, 0);
            // Windows disables Ctrl+C in a new process group: the ignore flag (`ctrl`).
            libc::signal(libc::SIGINT, libc::SIG_IGN);
        }
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigprocmask(libc::SIG_SETMASK, &set, std::ptr::null_mut());
        // Rust ignores SIGPIPE; ignored signals stay ignored across exec.
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        if let Some(d) = &p.cwd
            && libc::chdir(d.as_ptr()) != 0
        {
            fail(p.err);
        }
        libc::execve(p.path.as_ptr(), p.argv.as_ptr(), p.envp.as_ptr());
        fail(p.err)
    }
}
