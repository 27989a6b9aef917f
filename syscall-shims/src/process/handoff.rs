//! What a parent hands to the wine-rs child it starts, and how the child takes it.
//!
//! The parent sets these environment variables for the child's launcher (which removes them
//! before the program runs; the Windows environment never shows them):
//!
//! | variable | value |
//! |---|---|
//! | `WINE_RS_CHILD_CMDLINE` | the exact Windows command line (quoting preserved) |
//! | `WINE_RS_CHILD_HANDLES` | inherited handles, `value:fd:flags` (value and HANDLE_FLAG_* bits in hex, fd in decimal), comma-separated; the fds are open in the child |
//! | `WINE_RS_CHILD_STD` | the standard handles, three comma-separated hex values (`0`: NULL), or `-` for a new handle over fd 0, 1 or 2 |
//! | `WINE_RS_CHILD_EXIT_FD` | a pipe on which the child writes its 32-bit exit code (4 bytes, little-endian) before it exits |
//! | `WINE_RS_CHILD_CONTROL_FD` | a socket on which the parent sends handles it duplicates into the child (DuplicateHandle) |
//! | `WINE_RS_CHILD_WINENV` | `1`: the environment already is a Windows one (no Windows variables to add, PATH already in Windows form) |
//! | `WINE_RS_CHILD_RESERVED2` | the bytes of CreateProcess's STARTUPINFO `cbReserved2`/`lpReserved2`, in hex (two lowercase digits a byte); absent when the parent gave none |
//!
//! The child's fds 0, 1 and 2 are its standard handles' streams in every case.
//!
//! `lpReserved2` is opaque to Windows: CreateProcess copies the bytes into the child's process
//! parameters and the child's GetStartupInfo returns them. The C runtime passes its table of
//! file descriptors that way (see msvcrt's `stdio/inherit.rs`); the child keeps a copy for its
//! whole life ([`startup_reserved2`]).

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::sync::{Arc, OnceLock};
use std::sync::atomic::{AtomicI32, AtomicUsize, Ordering};
use windows_sys::Win32::Foundation::{ERROR_ACCESS_DENIED, ERROR_INVALID_HANDLE, ERROR_NOT_SUPPORTED, HANDLE};

use crate::file::FileObject;
use crate::handles::{self, Object};

pub const VAR_PREFIX: &str = "WINE_RS_CHILD_";
pub const VAR_CMDLINE: &str = "WINE_RS_CHILD_CMDLINE";
pub const VAR_HANDLES: &str = "WINE_RS_CHILD_HANDLES";
pub const VAR_STD: &str = "WINE_RS_CHILD_STD";
pub const VAR_EXIT_FD: &str = "WINE_RS_CHILD_EXIT_FD";
pub const VAR_CONTROL_FD: &str = "WINE_RS_CHILD_CONTROL_FD";
pub const VAR_WINENV: &str = "WINE_RS_CHILD_WINENV";
pub const VAR_RESERVED2: &str = "WINE_RS_CHILD_RESERVED2";

/// Handle values the parent gives to handles it duplicates into a child start here (the
/// child's own handles are allocated from the bottom, so the two do not meet in practice).
pub const DUP_BASE: usize = 0x4000;

/// What the launcher needs from its parent.
#[derive(Debug, Default)]
pub struct Handoff {
    /// The exact Windows command line, when started by a wine-rs parent.
    pub command_line: Option<String>,
}

static EXIT_FD: AtomicI32 = AtomicI32::new(-1);
/// The parent's `lpReserved2` bytes, kept for the life of the process.
static RESERVED2: OnceLock<Vec<u8>> = OnceLock::new();
static CONTROL_FD: AtomicI32 = AtomicI32::new(-1);

fn set_cloexec(fd: i32) {
    // SAFETY: fcntl on an fd we were given.
    unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
}

/// Take what a wine-rs parent handed over: rebuild the inherited handles under their values,
/// set the standard handles, remember the exit and control fds, and remove the
/// `WINE_RS_CHILD_*` variables from the environment. Call first thing in the launcher, while
/// it is single-threaded and before anything uses a handle. Does nothing for a process not
/// started by wine-rs.
pub fn adopt_handoff() -> Handoff {
    let vars: Vec<(String, String)> = std::env::vars_os()
        .filter_map(|(k, v)| {
            let k = k.into_string().ok()?;
            k.starts_with(VAR_PREFIX).then(|| (k, v.into_string().unwrap_or_default()))
        })
        .collect();
    if vars.is_empty() {
        return Handoff::default();
    }
    for (k, _) in &vars {
        // SAFETY: the launcher calls this while it is the only thread.
        unsafe { std::env::remove_var(OsString::from_vec(k.clone().into_bytes())) };
    }
    let get = |name: &str| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    if get(VAR_WINENV) == Some("1") {
        crate::env::set_windows_form();
    }
    for entry in get(VAR_HANDLES).unwrap_or("").split(',').filter(|e| !e.is_empty()) {
        let mut it = entry.split(':');
        let (Some(v), Some(fd), Some(flags)) = (it.next(), it.next(), it.next()) else { continue };
        let (Ok(v), Ok(fd), Ok(flags)) =
            (usize::from_str_radix(v, 16), fd.parse::<i32>(), u32::from_str_radix(flags, 16))
        else {
            continue;
        };
        // Not passed on to our own children unless the program makes them inherit it again.
        if fd > 2 {
            set_cloexec(fd);
        }
        let obj = Arc::new(Object::File(FileObject::owned(fd)));
        if let Err(e) = handles::insert_at(v as HANDLE, obj, flags) {
            log::warn!("inherited handle {v:#x} (fd {fd}): cannot take its value ({e})");
        }
    }
    if let Some(std) = get(VAR_STD) {
        let mut values = [None; 3];
        for (k, v) in std.split(',').take(3).enumerate() {
            values[k] = usize::from_str_radix(v, 16).ok().map(|v| v as HANDLE);
        }
        handles::init_std(values);
    }
    if let Some(fd) = get(VAR_EXIT_FD).and_then(|v| v.parse::<i32>().ok()).filter(|&fd| fd >= 0) {
        set_cloexec(fd);
        EXIT_FD.store(fd, Ordering::Release);
    }
    if let Some(fd) = get(VAR_CONTROL_FD).and_then(|v| v.parse::<i32>().ok()).filter(|&fd| fd >= 0) {
        set_cloexec(fd);
        CONTROL_FD.store(fd, Ordering::Release);
        handles::set_miss_hook(receive_duplicates);
        receive_duplicates();
    }
    if let Some(bytes) = get(VAR_RESERVED2).and_then(decode_hex).filter(|b| !b.is_empty()) {
        let _ = RESERVED2.set(bytes);
    }
    Handoff { command_line: get(VAR_CMDLINE).map(str::to_string) }
}

/// What the parent passed as STARTUPINFO `lpReserved2` (`cbReserved2` is its length): None
/// when it passed nothing (or this process was not started by a wine-rs parent). The slice
/// lives as long as the process, as the copy in a Windows process's parameters does.
pub fn startup_reserved2() -> Option<&'static [u8]> {
    RESERVED2.get().map(Vec::as_slice)
}

/// `bytes` in hex, two lowercase digits a byte (the `WINE_RS_CHILD_RESERVED2` value).
pub fn encode_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// The longest `lpReserved2` that fits in one environment string (Linux limits a string to
/// 128 KiB with its NUL; hex doubles the bytes): a little less than cbReserved2's own limit.
pub const RESERVED2_FITS: usize = (128 * 1024 - 1 - VAR_RESERVED2.len() - 1) / 2;

/// The `WINE_RS_CHILD_RESERVED2=…` string passing `bytes` to a child; None for no bytes, or
/// (with a warning) for more than [`RESERVED2_FITS`].
pub fn reserved2_var(bytes: &[u8]) -> Option<String> {
    if bytes.len() > RESERVED2_FITS {
        log::warn!("CreateProcess: lpReserved2 of {} bytes is too long to pass; the child gets none", bytes.len());
        return None;
    }
    (!bytes.is_empty()).then(|| format!("{VAR_RESERVED2}={}", encode_hex(bytes)))
}

/// The bytes of [`encode_hex`]'s text (either case); None for an odd length or a non-hex digit.
pub fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    s.as_bytes()
        .chunks_exact(2)
        .map(|p| {
            let d = |c: u8| (c as char).to_digit(16);
            Some((d(p[0])? * 16 + d(p[1])?) as u8)
        })
        .collect()
}

/// Tell a wine-rs parent our full 32-bit exit code (an exit status keeps 8 bits). Called on
/// every way out of the process, just before it ends.
pub fn report_exit(code: u32) {
    let fd = EXIT_FD.swap(-1, Ordering::AcqRel);
    if fd >= 0 {
        // SAFETY: our pipe fd and a 4-byte buffer.
        unsafe { libc::write(fd, code.to_le_bytes().as_ptr() as *const _, 4) };
    }
}

// ---------------------------------------------------------------------------------------------
// DuplicateHandle into a child: the parent sends (value, flags) and the fd over a socket; the
// child adds them to its table when it starts and whenever a handle lookup misses.

/// The parent's end of a child's control socket, and the next handle value to give.
#[derive(Debug)]
pub(crate) struct Control {
    pub fd: i32,
    pub next: AtomicUsize,
}

impl Drop for Control {
    fn drop(&mut self) {
        // SAFETY: our socket.
        unsafe { libc::close(self.fd) };
    }
}

/// A control socket pair: (parent's end, child's end), both close-on-exec.
pub(crate) fn control_pair() -> Result<(i32, i32), u32> {
    let mut sv = [0; 2];
    // SAFETY: a two-int array.
    if unsafe { libc::socketpair(libc::AF_UNIX, libc::SOCK_SEQPACKET | libc::SOCK_CLOEXEC, 0, sv.as_mut_ptr()) } != 0 {
        return Err(crate::errno::last());
    }
    Ok((sv[0], sv[1]))
}

/// DuplicateHandle into child process `target`: the handle gets a value in the child's table
/// (returned) and refers to the same open file. Only objects that are host fds (files, pipes)
/// can cross: ERROR_NOT_SUPPORTED for others. ERROR_ACCESS_DENIED when the child has exited.
pub fn duplicate_into(target: &Arc<Object>, src: HANDLE, inherit: bool) -> Result<HANDLE, u32> {
    let child = super::child_of(target).ok_or(ERROR_INVALID_HANDLE)?;
    let control = child.control.as_ref().ok_or(ERROR_NOT_SUPPORTED)?;
    if child.has_exited() {
        return Err(ERROR_ACCESS_DENIED);
    }
    let obj = handles::resolve(src)?;
    let fd = super::spawn::object_fd(&obj).ok_or(ERROR_NOT_SUPPORTED)?;
    let value = control.next.fetch_add(4, Ordering::AcqRel);
    let flags: u32 = if inherit { windows_sys::Win32::Foundation::HANDLE_FLAG_INHERIT } else { 0 };
    let mut msg = [0u8; 12];
    msg[..8].copy_from_slice(&(value as u64).to_le_bytes());
    msg[8..].copy_from_slice(&flags.to_le_bytes());
    send_fd(control.fd, &msg, fd)?;
    Ok(value as HANDLE)
}

fn send_fd(sock: i32, data: &[u8], fd: i32) -> Result<(), u32> {
    // SAFETY: a msghdr over local buffers with one SCM_RIGHTS control message.
    unsafe {
        let mut iov = libc::iovec { iov_base: data.as_ptr() as *mut _, iov_len: data.len() };
        let space = libc::CMSG_SPACE(std::mem::size_of::<i32>() as u32) as usize;
        let mut cbuf = vec![0u8; space];
        let mut mh: libc::msghdr = std::mem::zeroed();
        mh.msg_iov = &mut iov;
        mh.msg_iovlen = 1;
        mh.msg_control = cbuf.as_mut_ptr() as *mut _;
        mh.msg_controllen = space;
        let c = libc::CMSG_FIRSTHDR(&mh);
        (*c).cmsg_level = libc::SOL_SOCKET;
        (*c).cmsg_type = libc::SCM_RIGHTS;
        (*c).cmsg_len = libc::CMSG_LEN(std::mem::size_of::<i32>() as u32) as usize;
        (libc::CMSG_DATA(c) as *mut i32).write_unaligned(fd);
        if libc::sendmsg(sock, &mh, libc::MSG_NOSIGNAL) < 0 {
            return Err(crate::errno::last());
        }
    }
    Ok(())
}

/// Receive one (data, fd) message without blocking.
pub(crate) fn recv_fd(sock: i32, data: &mut [u8]) -> Option<(usize, i32)> {
    // SAFETY: a msghdr over local buffers.
    unsafe {
        let mut iov = libc::iovec { iov_base: data.as_mut_ptr() as *mut _, iov_len: data.len() };
        let space = libc::CMSG_SPACE(std::mem::size_of::<i32>() as u32) as usize;
        let mut cbuf = vec![0u8; space];
        let mut mh: libc::msghdr = std::mem::zeroed();
        mh.msg_iov = &mut iov;
        mh.msg_iovlen = 1;
        mh.msg_control = cbuf.as_mut_ptr() as *mut _;
        mh.msg_controllen = space;
        let n = libc::recvmsg(sock, &mut mh, libc::MSG_DONTWAIT | libc::MSG_CMSG_CLOEXEC);
        if n <= 0 {
            return None;
        }
        let c = libc::CMSG_FIRSTHDR(&mh);
        let fd = if !c.is_null() && (*c).cmsg_type == libc::SCM_RIGHTS {
            (libc::CMSG_DATA(c) as *const i32).read_unaligned()
        } else {
            -1
        };
        Some((n as usize, fd))
    }
}

/// Add the handles the parent has duplicated into us so far; true if there were any.
fn receive_duplicates() -> bool {
    let sock = CONTROL_FD.load(Ordering::Acquire);
    if sock < 0 {
        return false;
    }
    let mut any = false;
    let mut msg = [0u8; 12];
    while let Some((n, fd)) = recv_fd(sock, &mut msg) {
        if n != 12 || fd < 0 {
            continue;
        }
        let value = u64::from_le_bytes(msg[..8].try_into().unwrap_or_default()) as usize;
        let flags = u32::from_le_bytes(msg[8..].try_into().unwrap_or_default());
        let obj = Arc::new(Object::File(FileObject::owned(fd)));
        match handles::insert_at(value as HANDLE, obj, flags) {
            Ok(()) => any = true,
            Err(e) => log::warn!("DuplicateHandle from the parent: value {value:#x} is taken ({e})"),
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved2_hex() {
        assert_eq!(encode_hex(&[]), "");
        assert_eq!(encode_hex(&[0, 1, 0x7f, 0x80, 0xff]), "00017f80ff");
        assert_eq!(decode_hex("00017f80ff").as_deref(), Some(&[0, 1, 0x7f, 0x80, 0xff][..]));
        assert_eq!(decode_hex("ABcd").as_deref(), Some(&[0xab, 0xcd][..]));
        assert_eq!(decode_hex(""), Some(vec![]));
        assert_eq!(decode_hex("abc"), None, "odd length");
        assert_eq!(decode_hex("0g"), None, "not a hex digit");
        assert_eq!(decode_hex("+1"), None, "a sign is not a digit");
        // A C runtime fd block: count 4, flags, then unaligned 64-bit handles.
        let mut block = 4u32.to_le_bytes().to_vec();
        block.extend([0x81, 0xc1, 0, 0xa1]);
        for h in [0x10u64, 0x14, u64::MAX, 0x4000] {
            block.extend(h.to_le_bytes());
        }
        let all: Vec<u8> = (0..=255).collect();
        for bytes in [&block[..], &all[..]] {
            assert_eq!(decode_hex(&encode_hex(bytes)).as_deref(), Some(bytes));
        }
    }

    #[test]
    fn reserved2_variable() {
        assert_eq!(reserved2_var(&[]), None, "nothing passed");
        assert_eq!(reserved2_var(&[1, 0, 0, 0, 0x81]).as_deref(), Some("WINE_RS_CHILD_RESERVED2=0100000081"));
        let fits = vec![0xa5; RESERVED2_FITS];
        let var = reserved2_var(&fits).expect("fits");
        assert!(var.len() < 128 * 1024, "one environment string, NUL included: {}", var.len());
        assert_eq!(reserved2_var(&vec![0; RESERVED2_FITS + 1]), None, "too long for the environment");
        assert!(RESERVED2_FITS < u16::MAX as usize && RESERVED2_FITS > 60_000);
    }
}
