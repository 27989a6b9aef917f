//! wctype.h: classes and case of UTF-16 units. Below 128 the C locale's table; above it the
//! Unicode properties (Wine 8 classifies the same way in both DLLs for the letters, digits,
//! spaces and punctuation tested; a few controls and spaces differ between its msvcrt and
//! ucrtbase, e.g. U+0085 and U+00A0).
//!
//! Case mapping depends on LC_CTYPE: A-Z/a-z only in the C locale (Wine 8 and the UCRT), the
//! simple one-to-one Unicode mappings in a UTF-8 locale.

use crate::ctype::*;
use dllcore::export;

/// The classes of a UTF-16 unit: the table below 128, Unicode properties above.
pub fn wclasses(c: u16) -> u16 {
    if c < 128 {
        return c_table_get(c as i32);
    }
    let Some(ch) = char::from_u32(c as u32) else {
        return 0;
    };
    let mut m = 0;
    if ch.is_uppercase() {
        m |= UPPER;
    }
    if ch.is_lowercase() {
        m |= LOWER;
    }
    if ch.is_alphabetic() {
        m |= 0x100;
    }
    if ch.is_whitespace() {
        m |= SPACE;
    }
    if ch.is_control() {
        m |= CONTROL;
    }
    if c == 0xa0
        || c == 0x3000
        || (ch.is_whitespace() && !ch.is_control() && c != 0x2028 && c != 0x2029)
    {
        m |= BLANK;
    }
    if crate::conv::unicode_digit(c as u32).is_some() {
        m |= DIGIT;
    }
    // Full-width 0-9, A-F, a-f are hex digits, as GetStringTypeW has it.
    if matches!(c, 0xff10..=0xff19 | 0xff21..=0xff26 | 0xff41..=0xff46) {
        m |= HEX;
    }
    if m & (0x100 | SPACE | CONTROL | DIGIT) == 0 && !ch.is_numeric() {
        m |= PUNCT;
    }
    m
}

/// iswctype: does `c` have any of the classes of `mask`?
#[export]
pub extern "win64" fn iswctype(c: u16, mask: u16) -> i32 {
    (wclasses(c) & mask) as i32
}

macro_rules! isw_fns {
    ($($(#[$m:meta])* $name:ident => $mask:expr;)*) => {$(
        $(#[$m])*
        #[export]
        pub extern "win64" fn $name(c: u16) -> i32 {
            (wclasses(c) & ($mask)) as i32
        }
    )*};
}

isw_fns! {
    /// iswalpha.
    iswalpha => ALPHA;
    /// iswupper.
    iswupper => UPPER;
    /// iswlower.
    iswlower => LOWER;
    /// iswdigit.
    iswdigit => DIGIT;
    /// iswxdigit.
    iswxdigit => HEX;
    /// iswspace.
    iswspace => SPACE;
    /// iswpunct.
    iswpunct => PUNCT;
    /// iswalnum.
    iswalnum => ALPHA | DIGIT;
    /// iswgraph.
    iswgraph => PUNCT | ALPHA | DIGIT;
    /// iswcntrl.
    iswcntrl => CONTROL;
}

/// The simple one-to-one case mapping of a UTF-16 unit (unchanged when there is none).
fn map_case(c: u16, up: bool) -> u16 {
    let Some(ch) = char::from_u32(c as u32) else {
        return c;
    };
    let mapped: Vec<char> = if up {
        ch.to_uppercase().collect()
    } else {
        ch.to_lowercase().collect()
    };
    match mapped[..] {
        [m] if (m as u32) < 0x10000 => m as u32 as u16,
        _ => c,
    }
}

/// Upper case of `c` in `locale` (0: the global one).
pub fn wupper_l(c: u16, locale: usize) -> u16 {
    if c < 128 || !crate::locale::ctype_utf8(locale) {
        if (b'a' as u16..=b'z' as u16).contains(&c) {
            c - 32
        } else {
            c
        }
    } else {
        map_case(c, true)
    }
}

/// Lower case of `c` in `locale` (0: the global one).
pub fn wlower_l(c: u16, locale: usize) -> u16 {
    if c < 128 || !crate::locale::ctype_utf8(locale) {
        if (b'A' as u16..=b'Z' as u16).contains(&c) {
            c + 32
        } else {
            c
        }
    } else {
        map_case(c, false)
    }
}

/// towupper: a-z only in the C locale; Unicode in a UTF-8 locale.
#[export]
pub extern "win64" fn towupper(c: u16) -> u16 {
    wupper_l(c, 0)
}

/// towlower.
#[export]
pub extern "win64" fn towlower(c: u16) -> u16 {
    wlower_l(c, 0)
}

/// _towupper_l.
#[export]
pub extern "win64" fn _towupper_l(c: u16, locale: usize) -> u16 {
    wupper_l(c, locale)
}

/// _towlower_l.
#[export]
pub extern "win64" fn _towlower_l(c: u16, locale: usize) -> u16 {
    wlower_l(c, locale)
}

macro_rules! isw_l_fns {
    ($($(#[$m:meta])* $name:ident => $base:ident;)*) => {$(
        $(#[$m])*
        #[export]
        pub extern "win64" fn $name(c: u16, _locale: usize) -> i32 {
            $base(c)
        }
    )*};
}

isw_l_fns! {
    /// _iswalpha_l.
    _iswalpha_l => iswalpha;
    /// _iswupper_l.
    _iswupper_l => iswupper;
    /// _iswlower_l.
    _iswlower_l => iswlower;
    /// _iswdigit_l.
    _iswdigit_l => iswdigit;
    /// _iswxdigit_l.
    _iswxdigit_l => iswxdigit;
    /// _iswspace_l.
    _iswspace_l => iswspace;
    /// _iswpunct_l.
    _iswpunct_l => iswpunct;
    /// _iswalnum_l.
    _iswalnum_l => iswalnum;
    /// _iswprint_l.
    _iswprint_l => iswprint;
    /// _iswgraph_l.
    _iswgraph_l => iswgraph;
    /// _iswcntrl_l.
    _iswcntrl_l => iswcntrl;
    /// _iswblank_l.
    _iswblank_l => iswblank;
    /// _iswcsym_l.
    _iswcsym_l => __iswcsym;
    /// _iswcsymf_l.
    _iswcsymf_l => __iswcsymf;
}

/// _iswctype_l.
#[export]
pub extern "win64" fn _iswctype_l(c: u16, mask: u16, _locale: usize) -> i32 {
    iswctype(c, mask)
}

/// is_wctype: the old name of `iswctype`.
#[export]
pub extern "win64" fn is_wctype(c: u16, mask: u16) -> i32 {
    iswctype(c, mask)
}

/// iswprint: graphic characters and spaces that are not control characters.
#[export]
pub extern "win64" fn iswprint(c: u16) -> i32 {
    let m = wclasses(c);
    if m & CONTROL != 0 {
        0
    } else {
        (m & (BLANK | PUNCT | ALPHA | DIGIT)) as i32
    }
}

/// iswblank: tab, or a blank (space separator).
#[export]
pub extern "win64" fn iswblank(c: u16) -> i32 {
    (c == b'\t' as u16 || wclasses(c) & BLANK != 0) as i32
}

/// iswascii.
#[export]
pub extern "win64" fn iswascii(c: u16) -> i32 {
    (c < 0x80) as i32
}

/// __iswcsym: alphanumeric or '_'.
#[export]
pub extern "win64" fn __iswcsym(c: u16) -> i32 {
    (c == b'_' as u16 || wclasses(c) & (ALPHA | DIGIT) != 0) as i32
}

/// __iswcsymf: a letter or '_'.
#[export]
pub extern "win64" fn __iswcsymf(c: u16) -> i32 {
    (c == b'_' as u16 || wclasses(c) & ALPHA != 0) as i32
}

/// wctype: the class mask of a class name ("alpha", "digit", ...), 0 if unknown.
#[export]
pub unsafe extern "win64" fn wctype(name: *const u8) -> u16 {
    match unsafe { dllcore::strings::cstr(name) }.unwrap_or(b"") {
        b"alnum" => ALPHA | DIGIT,
        b"alpha" => ALPHA,
        b"blank" => BLANK,
        b"cntrl" => CONTROL,
        b"digit" => DIGIT,
        b"graph" => PUNCT | ALPHA | DIGIT,
        b"lower" => LOWER,
        b"print" => BLANK | PUNCT | ALPHA | DIGIT,
        b"punct" => PUNCT,
        b"space" => SPACE,
        b"upper" => UPPER,
        b"xdigit" => HEX,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_classes() {
        assert_ne!(iswalpha(0xe9), 0);
        assert_ne!(iswlower(0xe9), 0);
        assert_ne!(iswspace(0x3000), 0);
        assert_ne!(iswpunct(0xbf), 0);
        assert_ne!(iswalpha(0x4e2d), 0);
        assert_eq!(iswdigit(b'x' as u16), 0);
        assert_eq!(iswalpha(0xe9), 0x102, "Wine 8: 0x102");
        assert_eq!(unsafe { wctype(c"alpha".as_ptr().cast()) }, 0x103);
    }

    #[test]
    fn case_depends_on_the_locale() {
        let _g = crate::tests::serial();
        assert_eq!(towupper(0xe9), 0xe9, "C locale: a-z only");
        assert_eq!(towlower(b'A' as u16), b'a' as u16);
        let l = unsafe { crate::locale::_create_locale_ucrt(0, c".UTF-8".as_ptr().cast()) };
        assert_eq!(_towupper_l(0xe9, l as usize), 0xc9);
        assert_eq!(
            _towupper_l(0xdf, l as usize),
            0xdf,
            "no one-to-one upper case"
        );
        assert_eq!(
            _towlower_l(0x130, l as usize),
            0x130,
            "İ lowers to two characters"
        );
        unsafe { crate::locale::_free_locale(l) };
    }
}
