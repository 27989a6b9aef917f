//! GetLocaleInfo: what en-US (and the invariant locale) say about names, numbers, currency,
//! dates and code pages. Values as Windows 10 gives them for en-US.

use super::locale::{self, INVARIANT};
use super::put_wide;
use dllcore::{export, teb};
use windows_sys::Win32::Foundation::{ERROR_INSUFFICIENT_BUFFER, ERROR_INVALID_FLAGS, ERROR_INVALID_PARAMETER};
use windows_sys::core::PCWSTR;

/// LOCALE_NOUSEROVERRIDE, LOCALE_USE_CP_ACP, LOCALE_RETURN_NUMBER, LOCALE_RETURN_GENITIVE_NAMES,
/// LOCALE_ALLOW_NEUTRAL_NAMES.
const NOUSEROVERRIDE: u32 = 0x8000_0000;
const USE_CP_ACP: u32 = 0x4000_0000;
const RETURN_NUMBER: u32 = 0x2000_0000;
const RETURN_GENITIVE_NAMES: u32 = 0x1000_0000;
const ALLOW_NEUTRAL_NAMES: u32 = 0x0800_0000;
const MODIFIERS: u32 = NOUSEROVERRIDE | USE_CP_ACP | RETURN_NUMBER | RETURN_GENITIVE_NAMES | ALLOW_NEUTRAL_NAMES;

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

/// The value of LCTYPE `t` for a resolved locale, as text.
fn value(lcid: u32, t: u32) -> Option<String> {
    let inv = lcid == INVARIANT;
    let s = |v: &str| Some(v.to_string());
    match t {
        0x01 => s(if inv { "007f" } else { "0409" }),      // LOCALE_ILANGUAGE
        0x02 | 0x72 => s(if inv { "Invariant Language (Invariant Country)" } else { "English (United States)" }), // S(LOCALIZED|ENGLISH)DISPLAYNAME
        0x73 => s(if inv { "Invariant Language (Invariant Country)" } else { "English (United States)" }), // LOCALE_SNATIVEDISPLAYNAME
        0x03 => s(if inv { "IVL" } else { "ENU" }),        // LOCALE_SABBREVLANGNAME
        0x04 | 0x1001 => s(if inv { "Invariant Language" } else { "English" }), // S(NATIVE|ENGLISH)LANGUAGENAME
        0x05 | 0x0a => s("1"),                              // LOCALE_ICOUNTRY, LOCALE_IDEFAULTCOUNTRY
        0x06 | 0x08 | 0x1002 => s(if inv { "Invariant Country" } else { "United States" }), // S(LOCALIZED|NATIVE|ENGLISH)COUNTRYNAME
        0x07 => s(if inv { "IVC" } else { "USA" }),        // LOCALE_SABBREVCTRYNAME
        0x09 => s(if inv { "007f" } else { "0409" }),      // LOCALE_IDEFAULTLANGUAGE
        0x0b => s("437"),                                  // LOCALE_IDEFAULTCODEPAGE
        0x1004 => s("1252"),                               // LOCALE_IDEFAULTANSICODEPAGE
        0x1011 => s("10000"),                              // LOCALE_IDEFAULTMACCODEPAGE
        0x0c => s(","),                                    // LOCALE_SLIST
        0x0d => s("1"),                                    // LOCALE_IMEASURE (U.S.)
        0x0e | 0x16 => s("."),                             // LOCALE_SDECIMAL, LOCALE_SMONDECIMALSEP
        0x0f | 0x17 => s(","),                             // LOCALE_STHOUSAND, LOCALE_SMONTHOUSANDSEP
        0x10 | 0x18 => s("3;0"),                           // LOCALE_SGROUPING, LOCALE_SMONGROUPING
        0x11 => s("2"),                                    // LOCALE_IDIGITS
        0x12 => s("1"),                                    // LOCALE_ILZERO
        0x1010 => s("1"),                                  // LOCALE_INEGNUMBER
        0x13 => s("0123456789"),                           // LOCALE_SNATIVEDIGITS
        0x14 => s(if inv { "¤" } else { "$" }),            // LOCALE_SCURRENCY
        0x15 => s(if inv { "XDR" } else { "USD" }),        // LOCALE_SINTLSYMBOL
        0x19 | 0x1a => s("2"),                             // LOCALE_ICURRDIGITS, LOCALE_IINTLCURRDIGITS
        0x1b => s("0"),                                    // LOCALE_ICURRENCY
        0x1c => s("0"),                                    // LOCALE_INEGCURR
        0x1d => s("/"),                                    // LOCALE_SDATE
        0x1e => s(":"),                                    // LOCALE_STIME
        0x1f => s(if inv { "MM/dd/yyyy" } else { "M/d/yyyy" }), // LOCALE_SSHORTDATE
        0x20 => s(if inv { "dddd, dd MMMM yyyy" } else { "dddd, MMMM d, yyyy" }), // LOCALE_SLONGDATE
        0x1003 => s(if inv { "HH:mm:ss" } else { "h:mm:ss tt" }), // LOCALE_STIMEFORMAT
        0x79 => s(if inv { "HH:mm" } else { "h:mm tt" }),  // LOCALE_SSHORTTIME
        0x1006 => s(if inv { "yyyy MMMM" } else { "MMMM yyyy" }), // LOCALE_SYEARMONTH
        0x21 => s("0"),                                    // LOCALE_IDATE (M/D/Y)
        0x22 => s("0"),                                    // LOCALE_ILDATE
        0x23 => s(if inv { "1" } else { "0" }),            // LOCALE_ITIME (12-hour)
        0x24 => s("1"),                                    // LOCALE_ICENTURY
        0x25 => s(if inv { "1" } else { "0" }),            // LOCALE_ITLZERO
        0x26 | 0x27 => s(if inv { "1" } else { "0" }),     // LOCALE_IDAYLZERO, LOCALE_IMONLZERO
        0x28 => s("AM"),                                   // LOCALE_S1159
        0x29 => s("PM"),                                   // LOCALE_S2359
        0x1009 => s("1"),                                  // LOCALE_ICALENDARTYPE (Gregorian)
        0x100b => s("0"),                                  // LOCALE_IOPTIONALCALENDAR
        0x100c => s(if inv { "0" } else { "6" }),          // LOCALE_IFIRSTDAYOFWEEK (Sunday)
        0x100d => s("0"),                                  // LOCALE_IFIRSTWEEKOFYEAR
        0x2a..=0x30 => s(DAYS[(t - 0x2a) as usize]),       // LOCALE_SDAYNAME1..7
        0x31..=0x37 => s(&DAYS[(t - 0x31) as usize][..3]), // LOCALE_SABBREVDAYNAME1..7
        0x38..=0x43 => s(MONTHS[(t - 0x38) as usize]),     // LOCALE_SMONTHNAME1..12
        0x44..=0x4f => s(&MONTHS[(t - 0x44) as usize][..3]), // LOCALE_SABBREVMONTHNAME1..12
        0x100e => s(""),                                   // LOCALE_SMONTHNAME13
        0x100f => s(""),                                   // LOCALE_SABBREVMONTHNAME13
        0x50 => s(""),                                     // LOCALE_SPOSITIVESIGN
        0x51 => s("-"),                                    // LOCALE_SNEGATIVESIGN
        0x52 => s("3"),                                    // LOCALE_IPOSSIGNPOSN
        0x53 => s("0"),                                    // LOCALE_INEGSIGNPOSN
        0x54 | 0x56 => s("1"),                             // LOCALE_IPOSSYMPRECEDES, LOCALE_INEGSYMPRECEDES
        0x55 | 0x57 => s("0"),                             // LOCALE_IPOSSEPBYSPACE, LOCALE_INEGSEPBYSPACE
        0x59 => s(if inv { "iv" } else { "en" }),          // LOCALE_SISO639LANGNAME
        0x5a => s(if inv { "IV" } else { "US" }),          // LOCALE_SISO3166CTRYNAME
        0x67 => s(if inv { "ivl" } else { "eng" }),        // LOCALE_SISO639LANGNAME2
        0x68 => s(if inv { "IVC" } else { "USA" }),        // LOCALE_SISO3166CTRYNAME2
        0x5c => s(locale::name_of(lcid)),                  // LOCALE_SNAME
        0x6f => s(if inv { "" } else { "en" }),            // LOCALE_SPARENT
        0x1014 => s("2"),                                  // LOCALE_IDIGITSUBSTITUTION (none)
        0x1005 => s("037"),                                // LOCALE_IDEFAULTEBCDICCODEPAGE
        0x1007 | 0x1008 => s(if inv { "International Monetary Fund" } else { "US Dollar" }), // LOCALE_S(ENG|NATIVE)CURRNAME
        _ => None,
    }
}

/// The numeric value of a type for LOCALE_RETURN_NUMBER (the languages are hexadecimal).
fn number(t: u32, text: &str) -> Option<u32> {
    match t {
        0x01 | 0x09 => u32::from_str_radix(text, 16).ok(),
        _ => text.parse().ok(),
    }
}

/// GetLocaleInfo's rules on a resolved locale: the text of `lctype` (or, with
/// LOCALE_RETURN_NUMBER, a DWORD in the buffer: 2 characters) into `len` units; returns the
/// length with the NUL (with `len` 0: the size needed).
///
/// # Safety
/// `buf` must have room for `len` units.
unsafe fn get(lcid: Option<u32>, lctype: u32, buf: *mut u16, len: i32) -> i32 {
    let Some(lcid) = lcid else { return teb::fail(ERROR_INVALID_PARAMETER, 0) };
    if len < 0 || (len > 0 && buf.is_null()) {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    let t = lctype & !MODIFIERS;
    let Some(text) = value(lcid, t) else { return teb::fail(ERROR_INVALID_FLAGS, 0) };
    if lctype & RETURN_NUMBER != 0 {
        let Some(n) = number(t, &text) else { return teb::fail(ERROR_INVALID_FLAGS, 0) };
        if len == 0 {
            return 2;
        }
        if len < 2 {
            return teb::fail(ERROR_INSUFFICIENT_BUFFER, 0);
        }
        // SAFETY: room for two units (a DWORD, possibly unaligned).
        unsafe { (buf as *mut u32).write_unaligned(n) };
        return 2;
    }
    let w: Vec<u16> = text.encode_utf16().collect();
    // SAFETY: per the contract.
    unsafe { put_wide(&w, true, buf, len) }.unwrap_or_else(|e| teb::fail(e, 0))
}

/// GetLocaleInfoW: information about a locale (LCTYPE `lctype`: LOCALE_SDECIMAL,
/// LOCALE_SNAME, LOCALE_IDEFAULTANSICODEPAGE, ...), as text into `len` characters; returns
/// the length with the NUL (with `len` 0: the size needed). LOCALE_RETURN_NUMBER gives a
/// DWORD for numeric types. ERROR_INSUFFICIENT_BUFFER when it does not fit,
/// ERROR_INVALID_FLAGS for an unknown type, ERROR_INVALID_PARAMETER for an unknown locale.
/// Only en-US and the invariant locale are known.
#[export]
pub unsafe extern "win64" fn GetLocaleInfoW(lcid: u32, lctype: u32, buf: crate::OutWStr, len: i32) -> i32 {
    // SAFETY: the program passes `len` units.
    unsafe { get(locale::resolve(lcid), lctype, buf, len) }
}

/// GetLocaleInfoEx: GetLocaleInfoW for a locale name (NULL: the user's locale).
#[export]
pub unsafe extern "win64" fn GetLocaleInfoEx(name: PCWSTR, lctype: u32, buf: crate::OutWStr, len: i32) -> i32 {
    // SAFETY: the program passes NULL or a NUL-terminated name, and `len` units.
    unsafe {
        let n = if name.is_null() { None } else { dllcore::strings::wstr(name) };
        get(locale::resolve_name(n), lctype, buf, len)
    }
}

/// GetLocaleInfoA: GetLocaleInfoW with the text in the ANSI code page (UTF-8); the length
/// is in bytes.
#[export]
pub unsafe extern "win64" fn GetLocaleInfoA(lcid: u32, lctype: u32, buf: crate::OutStr, len: i32) -> i32 {
    let Some(l) = locale::resolve(lcid) else { return teb::fail(ERROR_INVALID_PARAMETER, 0) };
    if len < 0 || (len > 0 && buf.is_null()) {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    let t = lctype & !MODIFIERS;
    let Some(text) = value(l, t) else { return teb::fail(ERROR_INVALID_FLAGS, 0) };
    if lctype & RETURN_NUMBER != 0 {
        // Windows refuses LOCALE_RETURN_NUMBER in the ANSI function.
        return teb::fail(ERROR_INVALID_FLAGS, 0);
    }
    let bytes = text.as_bytes();
    let need = bytes.len() + 1;
    if len == 0 {
        return need as i32;
    }
    if (len as usize) < need {
        return teb::fail(ERROR_INSUFFICIENT_BUFFER, 0);
    }
    // SAFETY: the program passes `len` bytes.
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf, bytes.len());
        *buf.add(bytes.len()) = 0;
    }
    need as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn en_us_facts() {
        dllcore::teb::attach_current_thread();
        let mut b = [0u16; 32];
        let n = unsafe { GetLocaleInfoW(0x400, 0x0e, b.as_mut_ptr(), 32) };
        assert_eq!((n, &b[..2]), (2, &[b'.' as u16, 0][..]));
        assert_eq!(unsafe { GetLocaleInfoW(0x409, 0x5c, std::ptr::null_mut(), 0) }, 6);
        let n = unsafe { GetLocaleInfoW(0x409, 0x1004 | RETURN_NUMBER, b.as_mut_ptr(), 2) };
        assert_eq!((n, b[0] as u32 | (b[1] as u32) << 16), (2, 1252));
        assert_eq!(unsafe { GetLocaleInfoW(0x409, 0xffff, b.as_mut_ptr(), 32) }, 0);
        assert_eq!(unsafe { GetLocaleInfoW(0x407, 0x0e, b.as_mut_ptr(), 32) }, 0);
    }
}
