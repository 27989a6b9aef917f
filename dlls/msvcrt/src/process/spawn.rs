//! `_spawn*`, `_exec*` (narrow and wide) and `_cwait`.
//!
//! Modes: `_P_WAIT` waits and returns the child's exit code; `_P_NOWAIT` and `_P_NOWAITO`
//! return its process handle (for `_cwait`); `_P_DETACH` returns 0 (the child has no
//! console); `_P_OVERLAY` (and the `_exec` functions) start the child and end the calling
//! process with exit code 0 — Windows has no exec: the new process runs on, and whoever
//! waited for the caller sees 0, not the new program's code. Errors return -1 with errno:
//! ENOENT when the file is not found, EINVAL for a bad mode, and EINVAL after the
//! invalid-parameter handler for a NULL name or argument vector or an empty argv[0] (as
//! Microsoft documents); others from CreateProcess's error.

use super::{Fds, Start, array_a, array_w, create, find_file, invalid, join_args, wait_exit_code};
use crate::errno::{ECHILD, ENOENT, set_errno};
use dllcore::{VaList, export};
use syscall_shims::handles;
use windows_sys::Win32::Foundation::HANDLE;

pub const P_WAIT: i32 = 0;
pub const P_NOWAIT: i32 = 1;
pub const P_OVERLAY: i32 = 2;
pub const P_NOWAITO: i32 = 3;
pub const P_DETACH: i32 = 4;

/// Narrow (ANSI, UTF-8 here) or wide strings.
pub trait CrtChar: Sized {
    /// # Safety
    /// `p` must be NULL or a NUL-terminated string.
    unsafe fn string(p: *const Self) -> Option<String>;
    /// # Safety
    /// `p` must be NULL or a NULL-terminated array of strings.
    unsafe fn strings(p: *const *const Self) -> Option<Vec<String>>;
}

impl CrtChar for u8 {
    unsafe fn string(p: *const u8) -> Option<String> {
        // SAFETY: per the contract.
        unsafe { dllcore::strings::cstr(p) }.map(syscall_shims::codepage::ansi_to_string)
    }
    unsafe fn strings(p: *const *const u8) -> Option<Vec<String>> {
        // SAFETY: per the contract.
        unsafe { array_a(p) }
    }
}

impl CrtChar for u16 {
    unsafe fn string(p: *const u16) -> Option<String> {
        // SAFETY: per the contract.
        unsafe { dllcore::strings::wstr_to_string(p) }
    }
    unsafe fn strings(p: *const *const u16) -> Option<Vec<String>> {
        // SAFETY: per the contract.
        unsafe { array_w(p) }
    }
}

/// Start `name` with `args` (and `env`, or ours) in `mode`; see the module comment.
pub fn run(mode: i32, name: Option<String>, args: Option<Vec<String>>, env: Option<Vec<String>>, use_path: bool) -> isize {
    let (Some(name), Some(args)) = (name, args) else { return invalid() };
    if name.is_empty() || args.first().is_none_or(|a| a.is_empty()) {
        return invalid();
    }
    if !(P_WAIT..=P_DETACH).contains(&mode) {
        set_errno(crate::errno::EINVAL);
        return -1;
    }
    let Some(file) = find_file(&name, use_path) else {
        set_errno(ENOENT);
        return -1;
    };
    let line = join_args(&args);
    let detached = mode == P_DETACH;
    let fds = if detached { Fds::NotStd } else { Fds::All };
    let start = Start { app: Some(&file), command_line: &line, env: env.as_deref(), std: None, detached, fds };
    let Ok(h) = create(&start) else {
        return -1;
    };
    match mode {
        P_WAIT => {
            let code = wait_exit_code(h).unwrap_or(0);
            let _ = handles::close(h);
            code as i32 as isize
        }
        P_DETACH => {
            let _ = handles::close(h);
            0
        }
        P_OVERLAY => crate::exit::_exit(0),
        _ => h as isize,
    }
}

/// The `v` forms' work.
///
/// # Safety
/// The strings and arrays must be NULL or valid.
unsafe fn spawn_v<T: CrtChar>(mode: i32, name: *const T, argv: *const *const T, envp: *const *const T, p: bool) -> isize {
    // SAFETY: per the contract.
    unsafe { run(mode, T::string(name), T::strings(argv), T::strings(envp), p) }
}

/// The `l` forms' work: the arguments up to a NULL, then (with `env`) the environment array.
///
/// # Safety
/// `args` must hold NULL-terminated string pointers (and the array with `env`).
unsafe fn spawn_l<T: CrtChar>(mode: i32, name: *const T, mut args: VaList, env: bool, p: bool) -> isize {
    let mut v = Vec::new();
    // SAFETY: per the contract.
    unsafe {
        loop {
            let a = args.next_u64() as *const T;
            if a.is_null() {
                break;
            }
            v.push(T::string(a).unwrap_or_default());
        }
        let envp = if env { args.next_u64() as *const *const T } else { std::ptr::null() };
        run(mode, T::string(name), Some(v), T::strings(envp), p)
    }
}

/// _spawnv: start `name` (current directory, extensions tried) with `argv`.
#[export]
pub unsafe extern "win64" fn _spawnv(mode: i32, name: *const u8, argv: *const *const u8) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(mode, name, argv, std::ptr::null(), false) }
}

/// _spawnve: `_spawnv` with the environment `envp` (NULL: ours).
#[export]
pub unsafe extern "win64" fn _spawnve(mode: i32, name: *const u8, argv: *const *const u8, envp: *const *const u8) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(mode, name, argv, envp, false) }
}

/// _spawnvp: `_spawnv`, searching PATH.
#[export]
pub unsafe extern "win64" fn _spawnvp(mode: i32, name: *const u8, argv: *const *const u8) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(mode, name, argv, std::ptr::null(), true) }
}

/// _spawnvpe: `_spawnve`, searching PATH.
#[export]
pub unsafe extern "win64" fn _spawnvpe(mode: i32, name: *const u8, argv: *const *const u8, envp: *const *const u8) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(mode, name, argv, envp, true) }
}

/// _wspawnv: `_spawnv` with wide strings.
#[export]
pub unsafe extern "win64" fn _wspawnv(mode: i32, name: *const u16, argv: *const *const u16) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(mode, name, argv, std::ptr::null(), false) }
}

/// _wspawnve: `_spawnve` with wide strings.
#[export]
pub unsafe extern "win64" fn _wspawnve(mode: i32, name: *const u16, argv: *const *const u16, envp: *const *const u16) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(mode, name, argv, envp, false) }
}

/// _wspawnvp: `_spawnvp` with wide strings.
#[export]
pub unsafe extern "win64" fn _wspawnvp(mode: i32, name: *const u16, argv: *const *const u16) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(mode, name, argv, std::ptr::null(), true) }
}

/// _wspawnvpe: `_spawnvpe` with wide strings.
#[export]
pub unsafe extern "win64" fn _wspawnvpe(mode: i32, name: *const u16, argv: *const *const u16, envp: *const *const u16) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(mode, name, argv, envp, true) }
}

/// _execv: `_spawnv(_P_OVERLAY)`: start the program and end this process (code 0); -1 when it
/// cannot be started.
#[export]
pub unsafe extern "win64" fn _execv(name: *const u8, argv: *const *const u8) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(P_OVERLAY, name, argv, std::ptr::null(), false) }
}

/// _execve: `_spawnve(_P_OVERLAY)`.
#[export]
pub unsafe extern "win64" fn _execve(name: *const u8, argv: *const *const u8, envp: *const *const u8) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(P_OVERLAY, name, argv, envp, false) }
}

/// _execvp: `_spawnvp(_P_OVERLAY)`.
#[export]
pub unsafe extern "win64" fn _execvp(name: *const u8, argv: *const *const u8) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(P_OVERLAY, name, argv, std::ptr::null(), true) }
}

/// _execvpe: `_spawnvpe(_P_OVERLAY)`.
#[export]
pub unsafe extern "win64" fn _execvpe(name: *const u8, argv: *const *const u8, envp: *const *const u8) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(P_OVERLAY, name, argv, envp, true) }
}

/// _wexecv: `_wspawnv(_P_OVERLAY)`.
#[export]
pub unsafe extern "win64" fn _wexecv(name: *const u16, argv: *const *const u16) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(P_OVERLAY, name, argv, std::ptr::null(), false) }
}

/// _wexecve: `_wspawnve(_P_OVERLAY)`.
#[export]
pub unsafe extern "win64" fn _wexecve(name: *const u16, argv: *const *const u16, envp: *const *const u16) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(P_OVERLAY, name, argv, envp, false) }
}

/// _wexecvp: `_wspawnvp(_P_OVERLAY)`.
#[export]
pub unsafe extern "win64" fn _wexecvp(name: *const u16, argv: *const *const u16) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(P_OVERLAY, name, argv, std::ptr::null(), true) }
}

/// _wexecvpe: `_wspawnvpe(_P_OVERLAY)`.
#[export]
pub unsafe extern "win64" fn _wexecvpe(name: *const u16, argv: *const *const u16, envp: *const *const u16) -> isize {
    // SAFETY: the program's strings and arrays.
    unsafe { spawn_v(P_OVERLAY, name, argv, envp, true) }
}

macro_rules! l_forms {
    ($($(#[$d:meta])* $f:ident, $exec:ident, $t:ty, env = $env:expr, path = $p:expr;)*) => {$(
        $(#[$d])*
        #[export(variadic)]
        pub unsafe extern "win64" fn $f(mode: i32, name: *const $t, args: VaList) -> isize {
            // SAFETY: the program's NULL-terminated argument list.
            unsafe { spawn_l(mode, name, args, $env, $p) }
        }
        $(#[$d])*
        /// (The `_exec` form: `_P_OVERLAY`.)
        #[export(variadic)]
        pub unsafe extern "win64" fn $exec(name: *const $t, args: VaList) -> isize {
            // SAFETY: as above.
            unsafe { spawn_l(P_OVERLAY, name, args, $env, $p) }
        }
    )*};
}

l_forms! {
    /// _spawnl / _execl: the arguments as a NULL-terminated list.
    _spawnl, _execl, u8, env = false, path = false;
    /// _spawnle / _execle: the list, then the environment array.
    _spawnle, _execle, u8, env = true, path = false;
    /// _spawnlp / _execlp: searching PATH.
    _spawnlp, _execlp, u8, env = false, path = true;
    /// _spawnlpe / _execlpe.
    _spawnlpe, _execlpe, u8, env = true, path = true;
    /// _wspawnl / _wexecl.
    _wspawnl, _wexecl, u16, env = false, path = false;
    /// _wspawnle / _wexecle.
    _wspawnle, _wexecle, u16, env = true, path = false;
    /// _wspawnlp / _wexeclp.
    _wspawnlp, _wexeclp, u16, env = false, path = true;
    /// _wspawnlpe / _wexeclpe.
    _wspawnlpe, _wexeclpe, u16, env = true, path = true;
}

/// _cwait: wait for the process `handle` (from `_spawn*(_P_NOWAIT)`), store its exit code in
/// `*status` (if not NULL), close the handle and return it. `action` is ignored, as on
/// Windows. An invalid handle gives -1 and ECHILD.
#[export]
pub unsafe extern "win64" fn _cwait(status: *mut i32, handle: isize, _action: i32) -> isize {
    let h = handle as HANDLE;
    let Some(code) = wait_exit_code(h) else {
        set_errno(ECHILD);
        return -1;
    };
    if !status.is_null() {
        // SAFETY: the program passes an int to fill.
        unsafe { status.write_unaligned(code as i32) };
    }
    let _ = handles::close(h);
    handle
}
