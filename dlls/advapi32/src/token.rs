//! Process tokens and privileges (securitybaseapi.h, processthreadsapi.h, winbase.h): what a
//! standard Windows user sees — see `syscall_shims::token` for the privileges the token holds.

use dllcore::{export, teb};
use syscall_shims::handles::{self, Object};
use syscall_shims::token;
use windows_sys::Win32::Foundation::{
    ERROR_ACCESS_DENIED, ERROR_INSUFFICIENT_BUFFER, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NOACCESS,
    ERROR_NO_SUCH_PRIVILEGE, ERROR_NO_TOKEN, ERROR_NOT_ALL_ASSIGNED, ERROR_SUCCESS, FALSE, HANDLE, LUID, TRUE,
};
use windows_sys::Win32::Security::{
    LUID_AND_ATTRIBUTES, TOKEN_ADJUST_PRIVILEGES, TOKEN_ALL_ACCESS, TOKEN_PRIVILEGES, TOKEN_QUERY,
};
use windows_sys::core::{BOOL, PCWSTR, PWSTR};

/// GENERIC_* bits mapped to token rights, as the token type's generic mapping does.
fn map_generic(access: u32) -> u32 {
    let mut a = access & 0x0fff_ffff;
    if access & 0x8000_0000 != 0 {
        a |= TOKEN_QUERY | 0x0002_0000 | 0x10; // GENERIC_READ: query, read control, query source
    }
    if access & 0x4000_0000 != 0 {
        a |= TOKEN_ADJUST_PRIVILEGES | 0x40 | 0x80 | 0x0002_0000; // GENERIC_WRITE
    }
    if access & 0x2000_0000 != 0 {
        a |= 0x0002_0000 | 0x4 | 0x1; // GENERIC_EXECUTE: impersonate, assign primary
    }
    if access & 0x1000_0000 != 0 {
        a |= TOKEN_ALL_ACCESS;
    }
    if access & 0x0200_0000 != 0 {
        a |= TOKEN_ALL_ACCESS; // MAXIMUM_ALLOWED: the owner gets everything
    }
    a
}

/// OpenProcessToken: a handle with `token_access` (TOKEN_* rights; named so that relay
/// traces do not decode it as file rights) to a process's primary token. Any process handle
/// gives the (one) token wine-rs models; ERROR_INVALID_HANDLE for other handles.
#[export]
pub unsafe extern "win64" fn OpenProcessToken(process: HANDLE, token_access: u32, out: *mut HANDLE) -> BOOL {
    if out.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    match handles::resolve(process) {
        Ok(o) if matches!(&*o, Object::Process(_)) => {}
        _ => return teb::fail(ERROR_INVALID_HANDLE, FALSE),
    }
    let h = handles::insert(token::open_process_token(map_generic(token_access)), false);
    // SAFETY: checked non-null above.
    unsafe { *out = h };
    TRUE
}

/// OpenThreadToken: the thread's impersonation token. wine-rs threads never impersonate, so
/// this fails with ERROR_NO_TOKEN, as on Windows for a thread that does not.
#[export]
pub unsafe extern "win64" fn OpenThreadToken(thread: HANDLE, _token_access: u32, _self: BOOL, out: *mut HANDLE) -> BOOL {
    if out.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    match handles::resolve(thread) {
        Ok(o) if matches!(&*o, Object::Thread(_)) => teb::fail(ERROR_NO_TOKEN, FALSE),
        _ => teb::fail(ERROR_INVALID_HANDLE, FALSE),
    }
}

/// LookupPrivilegeValueW: the LUID of a privilege name (SE_*_NAME, case-insensitive) on the
/// local system. ERROR_NO_SUCH_PRIVILEGE for other names. A non-empty `system` names a remote
/// machine, which wine-rs cannot reach: RPC_S_SERVER_UNAVAILABLE.
#[export]
pub unsafe extern "win64" fn LookupPrivilegeValueW(system: PCWSTR, name: PCWSTR, luid: *mut LUID) -> BOOL {
    // SAFETY: strings from the program, NUL-terminated.
    if !system.is_null() && unsafe { *system } != 0 {
        return teb::fail(windows_sys::Win32::System::Rpc::RPC_S_SERVER_UNAVAILABLE as u32, FALSE);
    }
    if name.is_null() || luid.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    match token::lookup_privilege(&unsafe { dllcore::strings::wstr_to_string(name) }.unwrap_or_default()) {
        Some(l) => {
            // SAFETY: checked non-null.
            unsafe { luid.write_unaligned(l) };
            TRUE
        }
        None => teb::fail(ERROR_NO_SUCH_PRIVILEGE, FALSE),
    }
}

/// LookupPrivilegeValueA: LookupPrivilegeValueW with ANSI strings.
#[export]
pub unsafe extern "win64" fn LookupPrivilegeValueA(
    system: windows_sys::core::PCSTR,
    name: windows_sys::core::PCSTR,
    luid: *mut LUID,
) -> BOOL {
    let conv = |p: windows_sys::core::PCSTR| -> Option<Vec<u16>> {
        if p.is_null() {
            return None;
        }
        // SAFETY: a NUL-terminated ANSI string.
        let b = unsafe { std::ffi::CStr::from_ptr(p as *const std::ffi::c_char) }.to_bytes();
        let mut w = syscall_shims::codepage::ansi_to_wide(b);
        w.push(0);
        Some(w)
    };
    let (s, n) = (conv(system), conv(name));
    let sp = s.as_ref().map_or(std::ptr::null(), |v| v.as_ptr());
    let np = n.as_ref().map_or(std::ptr::null(), |v| v.as_ptr());
    // SAFETY: converted copies of the program's strings.
    unsafe { LookupPrivilegeValueW(sp, np, luid) }
}

/// LookupPrivilegeNameW: the name of a privilege LUID; `*len` is the buffer size in
/// characters on input, the name's length on success or the size needed (with the NUL) when
/// the buffer is too small (ERROR_INSUFFICIENT_BUFFER).
#[export]
pub unsafe extern "win64" fn LookupPrivilegeNameW(system: PCWSTR, luid: *const LUID, name: PWSTR, len: *mut u32) -> BOOL {
    // SAFETY: pointers from the program.
    unsafe {
        if !system.is_null() && *system != 0 {
            return teb::fail(windows_sys::Win32::System::Rpc::RPC_S_SERVER_UNAVAILABLE as u32, FALSE);
        }
        if luid.is_null() || len.is_null() {
            return teb::fail(ERROR_NOACCESS, FALSE);
        }
        let Some(n) = token::privilege_name(luid.read_unaligned()) else {
            return teb::fail(ERROR_NO_SUCH_PRIVILEGE, FALSE);
        };
        let w: Vec<u16> = n.encode_utf16().collect();
        if name.is_null() || (*len as usize) <= w.len() {
            *len = w.len() as u32 + 1;
            return teb::fail(ERROR_INSUFFICIENT_BUFFER, FALSE);
        }
        std::ptr::copy_nonoverlapping(w.as_ptr(), name, w.len());
        *name.add(w.len()) = 0;
        *len = w.len() as u32;
    }
    TRUE
}

fn token_of(h: HANDLE) -> Result<std::sync::Arc<Object>, u32> {
    match handles::resolve(h) {
        Ok(o) if matches!(&*o, Object::Token(_)) => Ok(o),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// AdjustTokenPrivileges: enable, disable or remove privileges the token holds (or disable
/// all). Succeeds with the last error ERROR_SUCCESS when every requested privilege was held,
/// ERROR_NOT_ALL_ASSIGNED (and TRUE) when some was not — what a standard user sees asking for
/// SeSecurityPrivilege, SeRestorePrivilege, SeLockMemoryPrivilege and the like. Needs
/// TOKEN_ADJUST_PRIVILEGES (and TOKEN_QUERY to get the previous state); the previous state of
/// the changed privileges goes to `prev` when given (ERROR_INSUFFICIENT_BUFFER, nothing
/// changed, when it does not fit).
#[export]
pub unsafe extern "win64" fn AdjustTokenPrivileges(
    h: HANDLE,
    disable_all: BOOL,
    new: *const TOKEN_PRIVILEGES,
    prev_len: u32,
    prev: *mut TOKEN_PRIVILEGES,
    ret_len: *mut u32,
) -> BOOL {
    let obj = match token_of(h) {
        Ok(o) => o,
        Err(e) => return teb::fail(e, FALSE),
    };
    let Object::Token(t) = &*obj else { unreachable!() };
    if t.access & TOKEN_ADJUST_PRIVILEGES == 0 || (!prev.is_null() && t.access & TOKEN_QUERY == 0) {
        return teb::fail(ERROR_ACCESS_DENIED, FALSE);
    }
    let changes: Option<Vec<(u32, u32)>> = if disable_all != 0 {
        None
    } else {
        if new.is_null() {
            return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
        }
        // SAFETY: a TOKEN_PRIVILEGES with PrivilegeCount entries.
        unsafe {
            let n = (*new).PrivilegeCount as usize;
            let first = (*new).Privileges.as_ptr();
            Some(
                (0..n)
                    .map(|i| {
                        let la: LUID_AND_ATTRIBUTES = first.add(i).read_unaligned();
                        // A LUID with a high part names no privilege.
                        let l = if la.Luid.HighPart != 0 { 0 } else { la.Luid.LowPart };
                        (l, la.Attributes)
                    })
                    .collect(),
            )
        }
    };
    // The previous state must fit before anything changes: size it by a dry run on a copy.
    let dry = token::Token { access: t.access, state: std::sync::Arc::new(std::sync::Mutex::new(token::privileges(t))) };
    let would = token::adjust(&dry, changes.as_deref());
    let need = 4 + 12 * would.previous.len().max(1) as u32;
    if !prev.is_null() && prev_len < need {
        if !ret_len.is_null() {
            // SAFETY: the program's out parameter.
            unsafe { *ret_len = need };
        }
        return teb::fail(ERROR_INSUFFICIENT_BUFFER, FALSE);
    }
    let done = token::adjust(t, changes.as_deref());
    if !prev.is_null() {
        // SAFETY: `prev` holds `need` bytes, as checked.
        unsafe {
            (*prev).PrivilegeCount = done.previous.len() as u32;
            let first = (*prev).Privileges.as_mut_ptr();
            for (i, (l, a)) in done.previous.iter().enumerate() {
                first.add(i).write_unaligned(LUID_AND_ATTRIBUTES { Luid: LUID { LowPart: *l, HighPart: 0 }, Attributes: *a });
            }
        }
    }
    if !ret_len.is_null() {
        // SAFETY: the program's out parameter.
        unsafe { *ret_len = need };
    }
    teb::set_last_error(if done.not_all_assigned { ERROR_NOT_ALL_ASSIGNED } else { ERROR_SUCCESS });
    TRUE
}
