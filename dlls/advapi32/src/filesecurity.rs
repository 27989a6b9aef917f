//! GetFileSecurityW / SetFileSecurityW: security descriptors of files.
//!
//! Linux files have an owner and mode bits, not ACLs. What a Wine user sees, and what wine-rs
//! gives: a self-relative descriptor synthesised from the file's mode — the owner is the
//! prefix user (S-1-5-21-0-0-0-1000, the SID Wine gives its one user), the primary group the
//! domain users group (…-513), and a DACL of two allow ACEs: the owner gets the rights of the
//! user mode bits (plus READ_CONTROL, WRITE_DAC, WRITE_OWNER, DELETE, as an owner always can),
//! Everyone (S-1-1-0) those of the "other" bits. Reading the SACL needs SeSecurityPrivilege,
//! which a standard user does not hold: ERROR_PRIVILEGE_NOT_HELD.
//!
//! SetFileSecurityW checks the file exists and accepts the descriptor without applying it
//! (the mode is not changed): unlike Wine, which maps a DACL back onto mode bits. Programs
//! that restore stored security (7-Zip's -sni) therefore succeed and leave the Unix
//! permissions as they were.

use dllcore::{export, teb};
use windows_sys::Win32::Foundation::{ERROR_INSUFFICIENT_BUFFER, ERROR_NOACCESS, ERROR_PRIVILEGE_NOT_HELD, FALSE, TRUE};
use windows_sys::Win32::Security::{
    DACL_SECURITY_INFORMATION, GROUP_SECURITY_INFORMATION, OWNER_SECURITY_INFORMATION, PSECURITY_DESCRIPTOR,
    SACL_SECURITY_INFORMATION,
};
use windows_sys::core::{BOOL, PCWSTR};

/// A SID in its binary form: revision 1, the authority, the sub-authorities.
fn sid(authority: u8, subs: &[u32]) -> Vec<u8> {
    let mut v = vec![1, subs.len() as u8, 0, 0, 0, 0, 0, authority];
    for s in subs {
        v.extend_from_slice(&s.to_le_bytes());
    }
    v
}

/// The prefix user's SID.
pub fn user_sid() -> Vec<u8> {
    sid(5, &[21, 0, 0, 0, 1000])
}

/// Rights from three mode bits (r, w, x).
fn rights(bits: u32) -> u32 {
    let mut r = 0;
    if bits & 4 != 0 {
        r |= 0x0012_0089; // FILE_GENERIC_READ
    }
    if bits & 2 != 0 {
        r |= 0x0012_0116; // FILE_GENERIC_WRITE
    }
    if bits & 1 != 0 {
        r |= 0x0012_00a0; // FILE_GENERIC_EXECUTE
    }
    r
}

/// An ACCESS_ALLOWED_ACE for `sid` with `mask`.
fn allow_ace(mask: u32, sid: &[u8]) -> Vec<u8> {
    let size = 8 + sid.len();
    let mut v = vec![0u8, 0, size as u8, (size >> 8) as u8];
    v.extend_from_slice(&mask.to_le_bytes());
    v.extend_from_slice(sid);
    v
}

/// The self-relative descriptor for a file with `mode`, holding the parts `info` asks for.
pub fn descriptor(mode: u32, info: u32) -> Vec<u8> {
    let owner = user_sid();
    let group = sid(5, &[21, 0, 0, 0, 513]);
    let mut sd = vec![0u8; 20];
    sd[0] = 1; // revision
    let mut control: u16 = 0x8000; // SE_SELF_RELATIVE
    let put = |sd: &mut Vec<u8>, at: usize, data: &[u8]| {
        let off = sd.len() as u32;
        sd[at..at + 4].copy_from_slice(&off.to_le_bytes());
        sd.extend_from_slice(data);
    };
    if info & OWNER_SECURITY_INFORMATION != 0 {
        put(&mut sd, 4, &owner);
    }
    if info & GROUP_SECURITY_INFORMATION != 0 {
        put(&mut sd, 8, &group);
    }
    if info & DACL_SECURITY_INFORMATION != 0 {
        control |= 0x0004; // SE_DACL_PRESENT
        let mut aces = allow_ace(rights(mode >> 6 & 7) | 0x000f_0000, &owner);
        aces.extend(allow_ace(rights(mode & 7), &sid(1, &[0])));
        let size = 8 + aces.len();
        let mut acl = vec![2u8, 0, size as u8, (size >> 8) as u8, 2, 0, 0, 0];
        acl.extend(aces);
        put(&mut sd, 16, &acl);
    }
    sd[2..4].copy_from_slice(&control.to_le_bytes());
    sd
}

/// The file's mode, or the Win32 error of finding it (set as the last error by kernel32).
fn file_mode(name: PCWSTR) -> Option<u32> {
    // SAFETY: the program's NUL-terminated name; GetFileAttributesW sets the last error.
    if unsafe { kernel32::fileapi::GetFileAttributesW(name) } == u32::MAX {
        return None;
    }
    // SAFETY: as above.
    let s = unsafe { dllcore::strings::wstr_to_string(name) }.unwrap_or_default();
    let mode = match syscall_shims::path::resolve(&s) {
        Ok(syscall_shims::path::Target::File(p)) => {
            syscall_shims::file::info::stat_path(std::path::Path::new(&p), true).map(|st| st.mode).unwrap_or(0o644)
        }
        _ => 0o666,
    };
    Some(mode)
}

/// GetFileSecurityW: the file's security descriptor (self-relative) with the parts `info`
/// asks for, synthesised from its mode bits (see the module notes). `*needed` gets the size;
/// ERROR_INSUFFICIENT_BUFFER when `len` is smaller.
#[export]
pub unsafe extern "win64" fn GetFileSecurityW(
    name: PCWSTR,
    info: u32,
    sd: PSECURITY_DESCRIPTOR,
    len: u32,
    needed: *mut u32,
) -> BOOL {
    if name.is_null() || needed.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    if info & SACL_SECURITY_INFORMATION != 0 {
        return teb::fail(ERROR_PRIVILEGE_NOT_HELD, FALSE);
    }
    let Some(mode) = file_mode(name) else { return FALSE };
    let d = descriptor(mode, info);
    // SAFETY: the program's out parameter and a buffer of `len` bytes.
    unsafe {
        *needed = d.len() as u32;
        if (len as usize) < d.len() || sd.is_null() {
            return teb::fail(ERROR_INSUFFICIENT_BUFFER, FALSE);
        }
        std::ptr::copy_nonoverlapping(d.as_ptr(), sd as *mut u8, d.len());
    }
    TRUE
}

/// SetFileSecurityW: accepted for an existing file without changing it (see the module
/// notes); the errors of a missing file as GetFileAttributesW gives them. Setting the SACL
/// needs SeSecurityPrivilege: ERROR_PRIVILEGE_NOT_HELD.
#[export]
pub unsafe extern "win64" fn SetFileSecurityW(name: PCWSTR, info: u32, sd: PSECURITY_DESCRIPTOR) -> BOOL {
    if name.is_null() || sd.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    if info & SACL_SECURITY_INFORMATION != 0 {
        return teb::fail(ERROR_PRIVILEGE_NOT_HELD, FALSE);
    }
    if file_mode(name).is_none() {
        return FALSE;
    }
    TRUE
}
