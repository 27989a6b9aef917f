//! process.h: starting programs. `spawn` (the `_spawn*` and `_exec*` families and `_cwait`),
//! `system` (`system`, `_wsystem`, the command interpreter), `popen` (`_popen`, `_pclose`).
//!
//! As in Windows, every child is made by kernel32's CreateProcessW (looked up through the
//! loader, as msvcrt.dll imports it); waiting and exit codes use the process handle. What the
//! C runtime adds is here: finding the file (the CRT's own rules: `.com`, `.exe`, `.bat`,
//! `.cmd` tried in turn, PATH for the `p` forms), the command line (the arguments joined
//! with single spaces and *not* quoted: Microsoft's documentation warns that an argument
//! with a space becomes two), and the environment block of the `e` forms.
//!
//! The child gets the C runtime's file descriptors as Windows' CRT passes them: the fd table
//! in STARTUPINFO `lpReserved2` (`stdio/inherit.rs`), its handles inherited, so a C runtime
//! child finds fd 3 where the parent had it, in the same mode (not for `_popen`, as in Wine 8:
//! its command gets only its standard handles).
//!
//! Differences from Windows: a name without an extension is also tried as it is, after the
//! four extensions, so native Linux programs (`sh`) can be spawned.

pub mod popen;
pub mod spawn;
pub mod system;

use crate::errno::{EINVAL, ENOENT, set_errno, set_errno_from_win32};
use dllcore::loader_api::{ProcName, try_loader};
use std::ffi::c_void;
use syscall_shims::handles::{self, Object};
use syscall_shims::process::search;
use syscall_shims::{file, path, waitable};
use windows_sys::Win32::Foundation::{FALSE, HANDLE, TRUE};
use windows_sys::Win32::Storage::FileSystem::FILE_ATTRIBUTE_DIRECTORY;
use windows_sys::Win32::System::Threading::{
    CREATE_UNICODE_ENVIRONMENT, DETACHED_PROCESS, PROCESS_INFORMATION, STARTF_USESTDHANDLES, STARTUPINFOW,
};

/// A kernel32 export's address (0 when there is no loader or no such export).
pub(crate) fn kernel32(name: &str) -> usize {
    let Some(l) = try_loader() else { return 0 };
    let Some(base) = l.get_module_handle(Some("kernel32.dll")).or_else(|| l.load_library("kernel32.dll", 0).ok())
    else {
        return 0;
    };
    l.get_proc_address(base, ProcName::Name(name.as_bytes())).unwrap_or(0)
}

type CreateProcessW = unsafe extern "win64" fn(
    *const u16,
    *const u16,
    *const c_void,
    *const c_void,
    i32,
    u32,
    *const c_void,
    *const u16,
    *const STARTUPINFOW,
    *mut PROCESS_INFORMATION,
) -> i32;

/// Strings of a NULL-terminated array of narrow (ANSI) strings.
///
/// # Safety
/// `p` must be NULL or a NULL-terminated array of NUL-terminated strings.
pub(crate) unsafe fn array_a(p: *const *const u8) -> Option<Vec<String>> {
    if p.is_null() {
        return None;
    }
    let mut v = Vec::new();
    // SAFETY: per the contract.
    unsafe {
        let mut q = p;
        while !(*q).is_null() {
            v.push(syscall_shims::codepage::ansi_to_string(dllcore::strings::cstr(*q).unwrap_or(&[])));
            q = q.add(1);
        }
    }
    Some(v)
}

/// Strings of a NULL-terminated array of wide strings.
///
/// # Safety
/// As [`array_a`], with UTF-16 strings.
pub(crate) unsafe fn array_w(p: *const *const u16) -> Option<Vec<String>> {
    if p.is_null() {
        return None;
    }
    let mut v = Vec::new();
    // SAFETY: per the contract.
    unsafe {
        let mut q = p;
        while !(*q).is_null() {
            v.push(dllcore::strings::wstr_to_string(*q).unwrap_or_default());
            q = q.add(1);
        }
    }
    Some(v)
}

/// The command line of an argument vector: the arguments joined with single spaces, as the
/// C runtime does (no quoting: a caller wanting an argument with spaces quotes it itself).
pub fn join_args(args: &[String]) -> String {
    args.join(" ")
}

/// Does `name` (a DOS path) name an existing file that is not a directory?
fn is_file(name: &str) -> bool {
    file::attributes(name).is_ok_and(|a| a & FILE_ATTRIBUTE_DIRECTORY == 0)
}

/// The names the CRT tries for `name`: as given when it has an extension (or ends with a
/// period), else with `.com`, `.exe`, `.bat`, `.cmd` appended in turn (and, here, as given).
pub fn candidates(name: &str) -> Vec<String> {
    if search::has_extension(name) {
        return vec![name.to_string()];
    }
    let mut v: Vec<String> = [".com", ".exe", ".bat", ".cmd"].iter().map(|e| format!("{name}{e}")).collect();
    v.push(name.to_string());
    v
}

/// Find the file to run, as the `_spawn` functions do: `name` itself (relative to the current
/// directory), and for the `p` forms, when it names no directory or drive, each directory of
/// PATH. Returns a full DOS path.
pub fn find_file(name: &str, use_path: bool) -> Option<String> {
    let full = |n: &str| path::full_path(n).unwrap_or_else(|| n.to_string());
    if let Some(c) = candidates(name).into_iter().find(|c| is_file(c)) {
        return Some(full(&c));
    }
    if !use_path || search::has_path(name) {
        return None;
    }
    for dir in search::path_dirs() {
        let dir = dir.trim_end_matches('\\');
        for c in candidates(name) {
            let p = format!("{dir}\\{c}");
            if is_file(&p) {
                return Some(full(&p));
            }
        }
    }
    None
}

/// A UTF-16 environment block of `NAME=VALUE` strings.
pub fn env_block(env: &[String]) -> Vec<u16> {
    let mut b: Vec<u16> = Vec::new();
    for e in env.iter().filter(|e| !e.is_empty()) {
        b.extend(e.encode_utf16());
        b.push(0);
    }
    if b.is_empty() {
        b.push(0);
    }
    b.push(0);
    b
}

/// What to start: see [`create`].
pub struct Start<'a> {
    /// The program file (full DOS path), CreateProcess's lpApplicationName; None: the first
    /// token of the command line.
    pub app: Option<&'a str>,
    pub command_line: &'a str,
    pub env: Option<&'a [String]>,
    /// The child's standard handles (STARTF_USESTDHANDLES), if not ours.
    pub std: Option<[HANDLE; 3]>,
    pub detached: bool,
    /// The fd table passed to the child in lpReserved2.
    pub fds: Fds,
}

/// Which of the C runtime's fds a child is given (in STARTUPINFO lpReserved2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fds {
    /// Every inheritable fd (`_spawn*`, `_exec*`, `system`).
    All,
    /// Those from 3 up (`_P_DETACH`, as the UCRT does: a detached child has no console).
    NotStd,
    /// No table (`_popen`, as Wine 8 does: its child has its standard handles only).
    None,
}

/// Start a process with CreateProcessW (inheriting the inheritable handles and passing the
/// fd table in lpReserved2, as the CRT does); its process handle. On failure errno is set
/// from the Win32 error.
pub fn create(s: &Start) -> Result<HANDLE, ()> {
    let f = kernel32("CreateProcessW");
    if f == 0 {
        set_errno(ENOENT);
        return Err(());
    }
    let app: Option<Vec<u16>> = s.app.map(dllcore::strings::to_wide_nul);
    let mut cmd = dllcore::strings::to_wide_nul(s.command_line);
    let block = s.env.map(env_block);
    let fds = match s.fds {
        Fds::None => Vec::new(),
        f => crate::stdio::inherit::block_for_child(f == Fds::All),
    };
    let mut si = STARTUPINFOW { cb: std::mem::size_of::<STARTUPINFOW>() as u32, ..Default::default() };
    if !fds.is_empty() {
        si.cbReserved2 = fds.len().min(u16::MAX as usize) as u16;
        si.lpReserved2 = fds.as_ptr() as *mut u8;
    }
    if let Some([i, o, e]) = s.std {
        si.dwFlags = STARTF_USESTDHANDLES;
        si.hStdInput = i;
        si.hStdOutput = o;
        si.hStdError = e;
    }
    let mut pi = PROCESS_INFORMATION::default();
    let flags = CREATE_UNICODE_ENVIRONMENT | if s.detached { DETACHED_PROCESS } else { 0 };
    // SAFETY: kernel32's CreateProcessW with valid strings, block and structures.
    let ok = unsafe {
        std::mem::transmute::<usize, CreateProcessW>(f)(
            app.as_ref().map_or(std::ptr::null(), |a| a.as_ptr()),
            cmd.as_mut_ptr(),
            std::ptr::null(),
            std::ptr::null(),
            TRUE,
            flags,
            block.as_ref().map_or(std::ptr::null(), |b| b.as_ptr() as *const c_void),
            std::ptr::null(),
            &si,
            &mut pi,
        )
    };
    if ok == FALSE {
        set_errno_from_win32(dllcore::teb::last_error());
        return Err(());
    }
    let _ = handles::close(pi.hThread);
    Ok(pi.hProcess)
}

/// Wait for a process to end; its exit code (None: not a process handle).
pub fn wait_exit_code(h: HANDLE) -> Option<u32> {
    let obj = handles::resolve(h).ok()?;
    let Object::Process(p) = &*obj else { return None };
    waitable::wait(std::slice::from_ref(&obj), false, None);
    p.exit_code()
}

/// Set errno to EINVAL after the invalid-parameter handler; -1.
pub(crate) fn invalid() -> isize {
    crate::invalid::invalid_parameter();
    set_errno(EINVAL);
    -1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_lines_and_names() {
        let a = |v: &[&str]| join_args(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        // No quoting, as Windows: "a b" becomes two arguments for the child.
        assert_eq!(a(&["prog", "a b", "\"c d\""]), "prog a b \"c d\"");
        assert_eq!(a(&["prog"]), "prog");
        assert_eq!(candidates("x.exe"), ["x.exe"]);
        assert_eq!(candidates("dir.d\\x"), ["dir.d\\x.com", "dir.d\\x.exe", "dir.d\\x.bat", "dir.d\\x.cmd", "dir.d\\x"]);
        assert_eq!(env_block(&["A=1".into(), "B=2".into()]), "A=1\0B=2\0\0".encode_utf16().collect::<Vec<_>>());
        assert_eq!(env_block(&[]), [0, 0]);
        assert_eq!(find_file("Z:\\bin\\sh", false).as_deref(), Some("Z:\\bin\\sh"));
        assert!(find_file("sh", true).is_some(), "found through PATH");
        assert_eq!(find_file("sh", false), None, "not in the current directory");
        assert_eq!(find_file("wine-rs-no-such", true), None);
    }
}
