//! Access tokens: the process token a program opens to enable privileges.
//!
//! wine-rs presents the token of a standard (non-elevated) Windows user: it holds the five
//! privileges such a user has — SeChangeNotifyPrivilege (enabled) and SeShutdown, SeUndock,
//! SeIncreaseWorkingSet, SeTimeZone (disabled). Enabling any other privilege fails the way it
//! fails for that user: the call succeeds but reports ERROR_NOT_ALL_ASSIGNED. The process has
//! one token; every OpenProcessToken handle refers to it with its own access mask.

use crate::handles::Object;
use std::sync::{Arc, Mutex};
use windows_sys::Win32::Foundation::LUID;

/// SE_PRIVILEGE_ENABLED_BY_DEFAULT
pub const ENABLED_BY_DEFAULT: u32 = 1;
/// SE_PRIVILEGE_ENABLED
pub const ENABLED: u32 = 2;
/// SE_PRIVILEGE_REMOVED
pub const REMOVED: u32 = 4;

/// The privilege names in LUID order: "SeCreateTokenPrivilege" is LUID 2, and so on, as on
/// every Windows.
pub const PRIVILEGES: [&str; 35] = [
    "SeCreateTokenPrivilege",
    "SeAssignPrimaryTokenPrivilege",
    "SeLockMemoryPrivilege",
    "SeIncreaseQuotaPrivilege",
    "SeMachineAccountPrivilege",
    "SeTcbPrivilege",
    "SeSecurityPrivilege",
    "SeTakeOwnershipPrivilege",
    "SeLoadDriverPrivilege",
    "SeSystemProfilePrivilege",
    "SeSystemtimePrivilege",
    "SeProfileSingleProcessPrivilege",
    "SeIncreaseBasePriorityPrivilege",
    "SeCreatePagefilePrivilege",
    "SeCreatePermanentPrivilege",
    "SeBackupPrivilege",
    "SeRestorePrivilege",
    "SeShutdownPrivilege",
    "SeDebugPrivilege",
    "SeAuditPrivilege",
    "SeSystemEnvironmentPrivilege",
    "SeChangeNotifyPrivilege",
    "SeRemoteShutdownPrivilege",
    "SeUndockPrivilege",
    "SeSyncAgentPrivilege",
    "SeEnableDelegationPrivilege",
    "SeManageVolumePrivilege",
    "SeImpersonatePrivilege",
    "SeCreateGlobalPrivilege",
    "SeTrustedCredManAccessPrivilege",
    "SeRelabelPrivilege",
    "SeIncreaseWorkingSetPrivilege",
    "SeTimeZonePrivilege",
    "SeCreateSymbolicLinkPrivilege",
    "SeDelegateSessionUserImpersonatePrivilege",
];

/// The LUID of a privilege name (case-insensitive), as LookupPrivilegeValue gives it.
pub fn lookup_privilege(name: &str) -> Option<LUID> {
    PRIVILEGES
        .iter()
        .position(|p| p.eq_ignore_ascii_case(name))
        .map(|i| LUID { LowPart: i as u32 + 2, HighPart: 0 })
}

/// The name of a privilege LUID.
pub fn privilege_name(luid: LUID) -> Option<&'static str> {
    if luid.HighPart != 0 {
        return None;
    }
    PRIVILEGES.get((luid.LowPart as usize).checked_sub(2)?).copied()
}

/// The privileges a token holds: (LUID low part, SE_PRIVILEGE_* attributes).
pub type Privileges = Arc<Mutex<Vec<(u32, u32)>>>;

/// A token handle's object: the shared token state and this handle's access.
#[derive(Debug)]
pub struct Token {
    pub access: u32,
    pub state: Privileges,
}

fn luid_of(name: &str) -> u32 {
    lookup_privilege(name).map(|l| l.LowPart).unwrap_or(0)
}

/// The process token's privileges: (LUID low part, attributes).
static PROCESS_TOKEN: std::sync::LazyLock<Privileges> = std::sync::LazyLock::new(|| {
    Arc::new(Mutex::new(vec![
        (luid_of("SeShutdownPrivilege"), 0),
        (luid_of("SeChangeNotifyPrivilege"), ENABLED | ENABLED_BY_DEFAULT),
        (luid_of("SeUndockPrivilege"), 0),
        (luid_of("SeIncreaseWorkingSetPrivilege"), 0),
        (luid_of("SeTimeZonePrivilege"), 0),
    ]))
});

/// A new handle object on the process token with `access`.
pub fn open_process_token(access: u32) -> Arc<Object> {
    Arc::new(Object::Token(Token { access, state: PROCESS_TOKEN.clone() }))
}

/// The outcome of adjusting privileges.
pub struct Adjusted {
    /// (LUID, previous attributes) of every privilege whose state changed.
    pub previous: Vec<(u32, u32)>,
    /// Some requested privilege is not held by the token.
    pub not_all_assigned: bool,
}

/// Adjust privileges: `None` disables all; otherwise each (LUID, attributes) pair enables
/// (SE_PRIVILEGE_ENABLED), disables (0) or removes (SE_PRIVILEGE_REMOVED) a held privilege.
pub fn adjust(token: &Token, changes: Option<&[(u32, u32)]>) -> Adjusted {
    let mut held = token.state.lock().unwrap_or_else(|e| e.into_inner());
    let mut out = Adjusted { previous: Vec::new(), not_all_assigned: false };
    match changes {
        None => {
            for (luid, attrs) in held.iter_mut() {
                if *attrs & ENABLED != 0 {
                    out.previous.push((*luid, *attrs));
                    *attrs &= !ENABLED;
                }
            }
        }
        Some(list) => {
            for &(luid, want) in list {
                let Some(i) = held.iter().position(|(l, _)| *l == luid) else {
                    out.not_all_assigned = true;
                    continue;
                };
                let old = held[i].1;
                if want & REMOVED != 0 {
                    out.previous.push((luid, old));
                    held.remove(i);
                    continue;
                }
                let new = (old & !ENABLED) | (want & ENABLED);
                if new != old {
                    out.previous.push((luid, old));
                    held[i].1 = new;
                }
            }
        }
    }
    out
}

/// The privileges a token holds now.
pub fn privileges(token: &Token) -> Vec<(u32, u32)> {
    token.state.lock().unwrap_or_else(|e| e.into_inner()).clone()
}
