//! stringapiset.h and the code page queries of winnls.h. The conversions are in
//! `syscall_shims::codepage`: the ANSI and OEM code pages are UTF-8 (65001); 1252, 437 and
//! 28591 are available by number.

use crate::{InStrN, InWStrN, OutStr, OutWStr};
use dllcore::{export, teb};
use syscall_shims::codepage;
use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, FALSE, TRUE};
use windows_sys::Win32::Globalization::CPINFO;
use windows_sys::core::{BOOL, PCSTR};

/// MultiByteToWideChar: convert `src` (`src_len` bytes, or -1: up to and including its NUL)
/// from code page `cp` to UTF-16. With `dst_len` 0, returns the units needed. Invalid input
/// becomes U+FFFD, or fails with ERROR_NO_UNICODE_TRANSLATION under MB_ERR_INVALID_CHARS;
/// ERROR_INSUFFICIENT_BUFFER when `dst` is too small; ERROR_INVALID_PARAMETER for a NULL or
/// empty source, a NULL destination with a length, a negative length, source = destination, or
/// a code page that is not available; ERROR_INVALID_FLAGS for flags the code page refuses.
/// MB_COMPOSITE and MB_USEGLYPHCHARS are accepted but do not change the result.
#[export]
pub unsafe extern "win64" fn MultiByteToWideChar(
    cp: u32,
    flags: u32,
    src: InStrN,
    src_len: i32,
    dst: OutWStr,
    dst_len: i32,
) -> i32 {
    if src.is_null()
        || src_len == 0
        || dst_len < 0
        || (dst.is_null() && dst_len != 0)
        || std::ptr::eq(src.cast::<u8>(), dst.cast::<u8>())
    {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    // SAFETY: the program passes `src_len` bytes, or a NUL-terminated string when negative.
    let src = unsafe {
        let n = if src_len < 0 { dllcore::strings::cstr_len(src) + 1 } else { src_len as usize };
        std::slice::from_raw_parts(src, n)
    };
    // SAFETY: the program passes `dst_len` writable units.
    let dst = (dst_len > 0).then(|| unsafe { std::slice::from_raw_parts_mut(dst, dst_len as usize) });
    match codepage::multi_byte_to_wide(cp, flags, src, dst) {
        Ok(n) => n as i32,
        Err(e) => teb::fail(e, 0),
    }
}

/// WideCharToMultiByte: convert UTF-16 `src` (`src_len` units, or -1: up to and including its
/// NUL) to code page `cp`. With `dst_len` 0, returns the bytes needed. For UTF-8, unpaired
/// surrogates become U+FFFD (or fail with ERROR_NO_UNICODE_TRANSLATION under
/// WC_ERR_INVALID_CHARS), and `default_char`/`used_default` must be NULL; for the single-byte
/// pages, unmappable characters become `*default_char` (default '?') and set `*used_default`.
/// Errors as MultiByteToWideChar.
/// Best-fit mappings are not implemented: every unmappable character takes the default one.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn WideCharToMultiByte(
    cp: u32,
    flags: u32,
    src: InWStrN,
    src_len: i32,
    dst: OutStr,
    dst_len: i32,
    default_char: PCSTR,
    used_default: *mut BOOL,
) -> i32 {
    if src.is_null()
        || src_len == 0
        || dst_len < 0
        || (dst.is_null() && dst_len != 0)
        || std::ptr::eq(src.cast::<u8>(), dst.cast::<u8>())
    {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    // SAFETY: the program passes `src_len` units, or a NUL-terminated string when negative.
    let src = unsafe {
        let n = if src_len < 0 { dllcore::strings::wstr(src).map_or(0, |s| s.len()) + 1 } else { src_len as usize };
        std::slice::from_raw_parts(src, n)
    };
    // SAFETY: the program passes `dst_len` writable bytes.
    let dst = (dst_len > 0).then(|| unsafe { std::slice::from_raw_parts_mut(dst, dst_len as usize) });
    // SAFETY: lpDefaultChar points at a character when given.
    let def = (!default_char.is_null()).then(|| unsafe { *default_char });
    let mut used = false;
    let used_ref = (!used_default.is_null()).then_some(&mut used);
    let r = codepage::wide_to_multi_byte(cp, flags, src, dst, def, used_ref);
    if !used_default.is_null() && r.is_ok() {
        // SAFETY: the program passes a BOOL to fill.
        unsafe { *used_default = used as BOOL };
    }
    match r {
        Ok(n) => n as i32,
        Err(e) => teb::fail(e, 0),
    }
}

/// GetACP: the ANSI code page, 65001 (UTF-8).
#[export]
pub extern "win64" fn GetACP() -> u32 {
    codepage::ANSI_CP
}

/// GetOEMCP: the OEM code page, 65001 (UTF-8).
#[export]
pub extern "win64" fn GetOEMCP() -> u32 {
    codepage::OEM_CP
}

/// IsValidCodePage: is the code page available? (The pseudo values CP_ACP etc. are not code
/// pages.)
/// Only 65001, 1252, 437 and 28591 are available.
#[export]
pub extern "win64" fn IsValidCodePage(cp: u32) -> BOOL {
    codepage::is_valid(cp) as BOOL
}

/// GetCPInfo: maximum character size, default character and lead-byte ranges of a code page;
/// ERROR_INVALID_PARAMETER for one not available.
#[export]
pub unsafe extern "win64" fn GetCPInfo(cp: u32, info: *mut CPINFO) -> BOOL {
    let Some((max, def, lead)) = codepage::info(cp) else {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    };
    if info.is_null() {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: the program passes a CPINFO to fill.
    unsafe { info.write_unaligned(CPINFO { MaxCharSize: max, DefaultChar: def, LeadByte: lead }) };
    TRUE
}

/// IsDBCSLeadByteEx: is `byte` a lead byte of a double-byte character in `cp`? Never, for the
/// code pages available (UTF-8 has no lead bytes in this sense). ERROR_INVALID_PARAMETER for a
/// code page that is not available.
#[export]
pub extern "win64" fn IsDBCSLeadByteEx(cp: u32, byte: u8) -> BOOL {
    match codepage::is_lead_byte(cp, byte) {
        Some(b) => b as BOOL,
        None => teb::fail(ERROR_INVALID_PARAMETER, FALSE),
    }
}

/// IsDBCSLeadByte: IsDBCSLeadByteEx in the ANSI code page: never.
#[export]
pub extern "win64" fn IsDBCSLeadByte(byte: u8) -> BOOL {
    IsDBCSLeadByteEx(codepage::ANSI_CP, byte)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::{GetLastError, SetLastError};
    use windows_sys::Win32::Foundation::{ERROR_INSUFFICIENT_BUFFER, ERROR_NO_UNICODE_TRANSLATION};
    use windows_sys::Win32::Globalization::{CP_ACP, CP_UTF8, MB_ERR_INVALID_CHARS};

    fn mb(cp: u32, flags: u32, src: &[u8], len: i32, dst: &mut [u16], dst_len: i32) -> (i32, u32) {
        SetLastError(0xbeaf);
        let r = unsafe {
            MultiByteToWideChar(
                cp,
                flags,
                src.as_ptr(),
                len,
                if dst.is_empty() { std::ptr::null_mut() } else { dst.as_mut_ptr() },
                dst_len,
            )
        };
        (r, GetLastError())
    }

    // Rows of ReactOS' MultiByteToWideChar apitest (Windows 10's answers).
    #[test]
    fn multi_byte_to_wide_char_like_windows_10() {
        teb::attach_current_thread();
        let none: &mut [u16] = &mut [];
        assert_eq!(mb(CP_UTF8, 0, b"a\0", 1, none, 0), (1, 0xbeaf));
        assert_eq!(mb(CP_UTF8, 0, b"a\0", 2, none, 0), (2, 0xbeaf));
        assert_eq!(mb(CP_UTF8, 0, b"a\0", -1, none, 0), (2, 0xbeaf));
        assert_eq!(mb(CP_UTF8, MB_ERR_INVALID_CHARS, b"a\0", -3, none, 0), (2, 0xbeaf));
        let mut buf = [0x7F7Fu16; 4];
        assert_eq!(mb(CP_UTF8, 0, b"a\0", 1, &mut buf, 1), (1, 0xbeaf));
        assert_eq!(buf[..2], [b'a' as u16, 0x7F7F]);
        assert_eq!(mb(CP_UTF8, 0, b"a\0", 2, &mut buf, 1), (0, ERROR_INSUFFICIENT_BUFFER));
        assert_eq!(mb(CP_UTF8, 0, b"\xC0\xC0\x80\0", 4, &mut buf, 4), (4, 0xbeaf));
        assert_eq!(buf, [0xFFFD, 0xFFFD, 0xFFFD, 0]);
        assert_eq!(mb(CP_UTF8, MB_ERR_INVALID_CHARS, b"\xE0\x20\xC0\0", 4, none, 0), (0, ERROR_NO_UNICODE_TRANSLATION));
        assert_eq!(
            mb(CP_UTF8, MB_ERR_INVALID_CHARS, b"\xE0\x20\xC0\0", 4, &mut buf, 1),
            (0, ERROR_INSUFFICIENT_BUFFER)
        );
        // Same pointer for source and destination.
        let mut same = [0u16; 2];
        let r = unsafe { MultiByteToWideChar(CP_UTF8, 0, same.as_ptr() as *const u8, 1, same.as_mut_ptr(), 1) };
        assert_eq!((r, GetLastError()), (0, ERROR_INVALID_PARAMETER));
    }

    #[test]
    fn invalid_parameters() {
        teb::attach_current_thread();
        let mut buf = [0u16; 4];
        assert_eq!(mb(CP_ACP, 0, b"abc", 0, &mut buf, 4), (0, ERROR_INVALID_PARAMETER));
        let r = unsafe { MultiByteToWideChar(CP_ACP, 0, b"abc".as_ptr(), 3, std::ptr::null_mut(), 4) };
        assert_eq!((r, GetLastError()), (0, ERROR_INVALID_PARAMETER));
        assert_eq!(mb(CP_ACP, 0, b"abc", 3, &mut buf, -1), (0, ERROR_INVALID_PARAMETER));
        assert_eq!(mb(54936, 0, b"abc", 3, &mut buf, 4), (0, ERROR_INVALID_PARAMETER));
        let w: Vec<u16> = "Hello\0".encode_utf16().collect();
        let mut out = [0u8; 8];
        let mut used = 7;
        let r = unsafe {
            WideCharToMultiByte(CP_UTF8, 0, w.as_ptr(), -1, out.as_mut_ptr(), 8, std::ptr::null(), &mut used)
        };
        assert_eq!((r, GetLastError()), (0, ERROR_INVALID_PARAMETER));
        let r = unsafe {
            WideCharToMultiByte(CP_ACP, 0, w.as_ptr(), 0, out.as_mut_ptr(), 8, std::ptr::null(), std::ptr::null_mut())
        };
        assert_eq!((r, GetLastError()), (0, ERROR_INVALID_PARAMETER));
    }

    #[test]
    fn wide_char_to_multi_byte() {
        teb::attach_current_thread();
        let w: Vec<u16> = "foobar\0".encode_utf16().collect();
        SetLastError(0xdeadbeef);
        let n = unsafe {
            WideCharToMultiByte(
                CP_ACP,
                0,
                w.as_ptr(),
                -2002,
                std::ptr::null_mut(),
                0,
                std::ptr::null(),
                std::ptr::null_mut(),
            )
        };
        assert_eq!(n, 7, "any negative length means NUL-terminated");
        let mut out = [b'x'; 10];
        let n = unsafe {
            WideCharToMultiByte(CP_ACP, 0, w.as_ptr(), -1, out.as_mut_ptr(), 6, std::ptr::null(), std::ptr::null_mut())
        };
        assert_eq!((n, GetLastError()), (0, ERROR_INSUFFICIENT_BUFFER));
        let n = unsafe {
            WideCharToMultiByte(CP_ACP, 0, w.as_ptr(), -1, out.as_mut_ptr(), 10, std::ptr::null(), std::ptr::null_mut())
        };
        assert_eq!(n, 7);
        assert_eq!(&out[..7], b"foobar\0");
        // 1252 with the default-character report.
        let ru = [b'T' as u16, 1088, 0];
        let mut used: BOOL = 5;
        let n =
            unsafe { WideCharToMultiByte(1252, 0, ru.as_ptr(), -1, out.as_mut_ptr(), 10, std::ptr::null(), &mut used) };
        assert_eq!((n, used), (3, TRUE));
        assert_eq!(&out[..3], b"T?\0");
        let n = unsafe {
            WideCharToMultiByte(1252, 0, ru.as_ptr(), -1, out.as_mut_ptr(), 10, c"#".as_ptr() as PCSTR, &mut used)
        };
        assert_eq!(n, 3);
        assert_eq!(&out[..3], b"T#\0");
    }

    #[test]
    fn code_page_queries() {
        teb::attach_current_thread();
        assert_eq!((GetACP(), GetOEMCP()), (65001, 65001));
        assert_eq!(IsValidCodePage(65001), TRUE);
        assert_eq!(IsValidCodePage(0), FALSE);
        let mut info = CPINFO::default();
        assert_eq!(unsafe { GetCPInfo(CP_ACP, &mut info) }, TRUE);
        assert_eq!((info.MaxCharSize, info.DefaultChar, info.LeadByte), (4, [b'?', 0], [0; 12]));
        assert_eq!(unsafe { GetCPInfo(932, &mut info) }, FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        assert_eq!(IsDBCSLeadByteEx(CP_ACP, 0x81), FALSE);
        assert_eq!(IsDBCSLeadByte(0xE3), FALSE);
        assert_eq!(IsDBCSLeadByteEx(932, 0x81), FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
    }
}
