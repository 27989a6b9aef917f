//! winbase.h / winnt.h: checking the Windows version against a program's requirements
//! (VerifyVersionInfo, VerSetConditionMask). The version compared is the one GetVersionEx
//! reports to this program ([`crate::sysinfoapi::reported_version`]).

use crate::sysinfoapi::reported_version;
use dllcore::{export, teb};
use windows_sys::Win32::Foundation::{ERROR_BAD_ARGUMENTS, ERROR_OLD_WIN_VERSION, FALSE, TRUE};
use windows_sys::Win32::System::SystemInformation::{
    OSVERSIONINFOEXA, OSVERSIONINFOEXW, VER_BUILDNUMBER, VER_MAJORVERSION, VER_MINORVERSION, VER_PLATFORMID,
    VER_PRODUCT_TYPE, VER_SERVICEPACKMAJOR, VER_SERVICEPACKMINOR, VER_SUITENAME,
};
use windows_sys::Win32::System::SystemServices::{
    VER_AND, VER_EQUAL, VER_GREATER, VER_GREATER_EQUAL, VER_LESS, VER_LESS_EQUAL, VER_NT_WORKSTATION, VER_OR,
    VER_SUITE_SINGLEUSERTS,
};
use windows_sys::core::BOOL;

/// The field of the condition mask a VER_* type bit uses: three bits at `index * 3`, the index
/// being the bit's position (VER_MINORVERSION 0 … VER_PRODUCT_TYPE 7).
fn field(type_bit: u32) -> u32 {
    type_bit.trailing_zeros() * 3
}

/// The condition recorded in `mask` for one type bit (0: none).
fn condition(mask: u64, type_bit: u32) -> u32 {
    ((mask >> field(type_bit)) & 7) as u32
}

/// VerSetConditionMask: add `cond` (VER_EQUAL … VER_OR) for one type bit to a condition mask.
/// When several bits are given only one is recorded: the most significant of product type,
/// suite, service pack major, minor, platform, build, major, minor version (in that order);
/// a zero type mask or condition leaves the mask as it was. Bits already set are kept (OR).
#[export]
pub extern "win64" fn VerSetConditionMask(mask: u64, type_mask: u32, cond: u8) -> u64 {
    let cond = (cond & 7) as u64;
    if type_mask == 0 || cond == 0 {
        return mask;
    }
    let order = [
        VER_PRODUCT_TYPE,
        VER_SUITENAME,
        VER_SERVICEPACKMAJOR,
        VER_SERVICEPACKMINOR,
        VER_PLATFORMID,
        VER_BUILDNUMBER,
        VER_MAJORVERSION,
        VER_MINORVERSION,
    ];
    match order.iter().find(|&&b| type_mask & b != 0) {
        Some(&b) => mask | cond << field(b),
        None => mask,
    }
}

/// `have` against `want` under a relational condition.
fn compare(have: u64, want: u64, cond: u32) -> Option<bool> {
    Some(match cond {
        VER_EQUAL => have == want,
        VER_GREATER => have > want,
        VER_GREATER_EQUAL => have >= want,
        VER_LESS => have < want,
        VER_LESS_EQUAL => have <= want,
        _ => return None,
    })
}

/// The fields of OSVERSIONINFOEX that VerifyVersionInfo looks at.
struct Wanted {
    major: u32,
    minor: u32,
    build: u32,
    platform: u32,
    sp_major: u16,
    sp_minor: u16,
    suite: u16,
    product: u8,
}

/// RtlVerifyVersionInfo's rules: Ok(true) when the system meets every requirement.
/// Major, minor and service-pack versions are compared together, as one number ordered
/// major > minor > SP major > SP minor, with the condition of the most significant of them
/// that is asked for; the build, platform and product type on their own; the suite mask with
/// VER_AND (all of the suites) or VER_OR (any). Err(()) for a zero type mask or a type bit
/// without a condition.
fn verify(want: &Wanted, types: u32, mask: u64) -> Result<bool, ()> {
    let all = VER_MINORVERSION
        | VER_MAJORVERSION
        | VER_BUILDNUMBER
        | VER_PLATFORMID
        | VER_SERVICEPACKMINOR
        | VER_SERVICEPACKMAJOR
        | VER_SUITENAME
        | VER_PRODUCT_TYPE;
    if types & all == 0 || mask == 0 {
        return Err(());
    }
    if (0..8).map(|i| 1u32 << i).any(|b| types & b != 0 && condition(mask, b) == 0) {
        return Ok(false);
    }
    let (major, minor, build) = reported_version();
    let (suite, product) = (VER_SUITE_SINGLEUSERTS as u16, VER_NT_WORKSTATION as u8);
    let mut ok = true;
    if types & VER_BUILDNUMBER != 0 {
        ok &= compare(build as u64, want.build as u64, condition(mask, VER_BUILDNUMBER)).ok_or(())?;
    }
    if types & VER_PLATFORMID != 0 {
        ok &= compare(2, want.platform as u64, condition(mask, VER_PLATFORMID)).ok_or(())?;
    }
    if types & VER_PRODUCT_TYPE != 0 {
        ok &= compare(product as u64, want.product as u64, condition(mask, VER_PRODUCT_TYPE)).ok_or(())?;
    }
    if types & VER_SUITENAME != 0 {
        ok &= match condition(mask, VER_SUITENAME) {
            VER_AND => suite & want.suite == want.suite,
            VER_OR => suite & want.suite != 0 || want.suite == 0,
            _ => return Err(()),
        };
    }
    // The hierarchical part: (major, minor, SP major, SP minor) as one number, restricted to
    // the fields asked for.
    let parts = [
        (VER_MAJORVERSION, major as u64, want.major as u64),
        (VER_MINORVERSION, minor as u64, want.minor as u64),
        (VER_SERVICEPACKMAJOR, 0, want.sp_major as u64),
        (VER_SERVICEPACKMINOR, 0, want.sp_minor as u64),
    ];
    if let Some(&(first, ..)) = parts.iter().find(|(b, ..)| types & b != 0) {
        let cond = condition(mask, first);
        let (mut have, mut wanted) = (0u128, 0u128);
        for &(b, h, w) in &parts {
            if types & b != 0 {
                have = have << 32 | h as u128;
                wanted = wanted << 32 | w as u128;
            }
        }
        ok &= match cond {
            VER_EQUAL => have == wanted,
            VER_GREATER => have > wanted,
            VER_GREATER_EQUAL => have >= wanted,
            VER_LESS => have < wanted,
            VER_LESS_EQUAL => have <= wanted,
            _ => return Err(()),
        };
    }
    Ok(ok)
}

fn verify_result(want: Wanted, types: u32, mask: u64) -> BOOL {
    match verify(&want, types, mask) {
        Ok(true) => TRUE,
        Ok(false) => teb::fail(ERROR_OLD_WIN_VERSION, FALSE),
        Err(()) => teb::fail(ERROR_BAD_ARGUMENTS, FALSE),
    }
}

/// VerifyVersionInfoW: does the system meet the requirements in `info` for the fields in
/// `types` under the conditions in `mask` (built with VerSetConditionMask)? FALSE with
/// ERROR_OLD_WIN_VERSION when it does not (also for a field without a condition),
/// ERROR_BAD_ARGUMENTS for a zero type or condition mask. The system is Windows NT workstation, no service pack.
#[export]
pub unsafe extern "win64" fn VerifyVersionInfoW(info: *const OSVERSIONINFOEXW, types: u32, mask: u64) -> BOOL {
    if info.is_null() {
        return teb::fail(windows_sys::Win32::Foundation::ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes an OSVERSIONINFOEXW.
    let i = unsafe { &*info };
    let want = Wanted {
        major: i.dwMajorVersion,
        minor: i.dwMinorVersion,
        build: i.dwBuildNumber,
        platform: i.dwPlatformId,
        sp_major: i.wServicePackMajor,
        sp_minor: i.wServicePackMinor,
        suite: i.wSuiteMask,
        product: i.wProductType,
    };
    verify_result(want, types, mask)
}

/// VerifyVersionInfoA: VerifyVersionInfoW with an OSVERSIONINFOEXA.
#[export]
pub unsafe extern "win64" fn VerifyVersionInfoA(info: *const OSVERSIONINFOEXA, types: u32, mask: u64) -> BOOL {
    if info.is_null() {
        return teb::fail(windows_sys::Win32::Foundation::ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes an OSVERSIONINFOEXA.
    let i = unsafe { &*info };
    let want = Wanted {
        major: i.dwMajorVersion,
        minor: i.dwMinorVersion,
        build: i.dwBuildNumber,
        platform: i.dwPlatformId,
        sp_major: i.wServicePackMajor,
        sp_minor: i.wServicePackMinor,
        suite: i.wSuiteMask,
        product: i.wProductType,
    };
    verify_result(want, types, mask)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn condition_mask() {
        assert_eq!(VerSetConditionMask(0, VER_MAJORVERSION, VER_GREATER_EQUAL as u8), 3 << 3);
        assert_eq!(VerSetConditionMask(0, VER_MINORVERSION, VER_EQUAL as u8), 1);
        // Several bits: only the most significant one.
        assert_eq!(VerSetConditionMask(0, VER_MAJORVERSION | VER_MINORVERSION, 3), 3 << 3);
        assert_eq!(VerSetConditionMask(5, 0, 3), 5);
        assert_eq!(VerSetConditionMask(5, VER_MAJORVERSION, 0), 5);
        assert_eq!(VerSetConditionMask(0, VER_PRODUCT_TYPE, 1), 1 << 21);
    }

    #[test]
    fn verify_hierarchical() {
        dllcore::teb::attach_current_thread();
        // No loader in unit tests: the reported version is 6.2.9200.
        let ge = VER_GREATER_EQUAL as u8;
        let mask = VerSetConditionMask(VerSetConditionMask(0, VER_MAJORVERSION, ge), VER_MINORVERSION, ge);
        let w = |major, minor| Wanted {
            major,
            minor,
            build: 0,
            platform: 0,
            sp_major: 0,
            sp_minor: 0,
            suite: 0,
            product: 0,
        };
        assert_eq!(verify(&w(6, 1), VER_MAJORVERSION | VER_MINORVERSION, mask), Ok(true));
        assert_eq!(verify(&w(5, 9), VER_MAJORVERSION | VER_MINORVERSION, mask), Ok(true));
        assert_eq!(verify(&w(6, 3), VER_MAJORVERSION | VER_MINORVERSION, mask), Ok(false));
        assert_eq!(verify(&w(6, 3), 0, mask), Err(()));
        assert_eq!(verify(&w(6, 3), VER_BUILDNUMBER, mask), Ok(false));
        assert_eq!(verify(&w(6, 3), VER_MAJORVERSION, 0), Err(()));
    }
}
