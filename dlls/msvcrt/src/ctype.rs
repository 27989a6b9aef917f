//! ctype.h: character classes of the "C" locale, and the table msvcrt's `isalpha`-style
//! macros read (`_pctype`, `__pctype_func`). A UTF-8 locale classifies single bytes the same
//! way (bytes 0x80-0xff belong to multibyte sequences and have no class), so the `_l`
//! variants ignore their locale. The wide functions are in `wctype`.

#![allow(non_upper_case_globals)] // the CRT's own names for its data exports

use dllcore::export;

pub const UPPER: u16 = 0x1;
pub const LOWER: u16 = 0x2;
pub const DIGIT: u16 = 0x4;
pub const SPACE: u16 = 0x8;
pub const PUNCT: u16 = 0x10;
pub const CONTROL: u16 = 0x20;
pub const BLANK: u16 = 0x40;
pub const HEX: u16 = 0x80;
pub const ALPHA: u16 = 0x100 | UPPER | LOWER;

/// The C locale's classes of EOF (-1) and 0..255 (nothing above 127).
const fn c_table() -> [u16; 257] {
    let mut t = [0u16; 257];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c + 1] = match b {
            b'\t' => SPACE | CONTROL | BLANK,
            0x0a..=0x0d => SPACE | CONTROL,
            0..=0x1f | 0x7f => CONTROL,
            b' ' => SPACE | BLANK,
            b'0'..=b'9' => DIGIT | HEX,
            b'A'..=b'F' => UPPER | HEX | 0x100,
            b'G'..=b'Z' => UPPER | 0x100,
            b'a'..=b'f' => LOWER | HEX | 0x100,
            b'g'..=b'z' => LOWER | 0x100,
            _ => PUNCT,
        };
        c += 1;
    }
    t
}

static mut CTYPE: [u16; 257] = c_table();

/// _pctype: pointer to the class table (indexable by -1..255).
#[export(only = crate::MSVCRT)]
pub static mut _pctype: *mut u16 = unsafe { (&raw mut CTYPE as *mut u16).add(1) };

/// _pwctype: the class table for wide characters 0..255.
#[export(only = crate::MSVCRT)]
pub static mut _pwctype: *mut u16 = unsafe { (&raw mut CTYPE as *mut u16).add(1) };

/// __pctype_func.
#[export]
pub extern "win64" fn __pctype_func() -> *mut u16 {
    unsafe { _pctype }
}

/// __p__pctype.
#[export]
pub extern "win64" fn __p__pctype() -> *mut *mut u16 {
    &raw mut _pctype
}

/// __pwctype_func.
#[export]
pub extern "win64" fn __pwctype_func() -> *mut u16 {
    unsafe { _pwctype }
}

/// The classes of a byte-range character (EOF and 0..255 only).
pub fn classes(c: i32) -> u16 {
    if (-1..=255).contains(&c) {
        c_table_get(c)
    } else {
        0
    }
}

pub(crate) fn c_table_get(c: i32) -> u16 {
    const T: [u16; 257] = c_table();
    T[(c + 1) as usize]
}

/// _isctype: does `c` have any of the classes of `mask`?
#[export]
pub extern "win64" fn _isctype(c: i32, mask: i32) -> i32 {
    (classes(c) & mask as u16) as i32
}

/// _isctype_l.
#[export]
pub extern "win64" fn _isctype_l(c: i32, mask: i32, _locale: usize) -> i32 {
    _isctype(c, mask)
}

macro_rules! is_fns {
    ($($(#[$m:meta])* $name:ident => $mask:expr;)*) => {$(
        $(#[$m])*
        #[export]
        pub extern "win64" fn $name(c: i32) -> i32 {
            (classes(c) & ($mask)) as i32
        }
    )*};
}

is_fns! {
    /// isalpha.
    isalpha => ALPHA;
    /// isupper.
    isupper => UPPER;
    /// islower.
    islower => LOWER;
    /// isdigit.
    isdigit => DIGIT;
    /// isxdigit.
    isxdigit => HEX;
    /// isspace.
    isspace => SPACE;
    /// ispunct.
    ispunct => PUNCT;
    /// isalnum.
    isalnum => ALPHA | DIGIT;
    /// isgraph.
    isgraph => PUNCT | ALPHA | DIGIT;
    /// iscntrl.
    iscntrl => CONTROL;
}

/// isprint: graphic characters and the space (the tab is a blank but a control character,
/// so not printable).
#[export]
pub extern "win64" fn isprint(c: i32) -> i32 {
    let m = classes(c);
    if m & CONTROL != 0 {
        0
    } else {
        (m & (BLANK | PUNCT | ALPHA | DIGIT)) as i32
    }
}

/// isblank: space and tab.
#[export]
pub extern "win64" fn isblank(c: i32) -> i32 {
    (c == b' ' as i32 || c == b'\t' as i32) as i32
}

/// __isascii.
#[export]
pub extern "win64" fn __isascii(c: i32) -> i32 {
    ((c as u32) < 0x80) as i32
}

/// __iscsym: alphanumeric or '_'.
#[export]
pub extern "win64" fn __iscsym(c: i32) -> i32 {
    (c == b'_' as i32 || classes(c) & (ALPHA | DIGIT) != 0) as i32
}

/// __iscsymf: a letter or '_'.
#[export]
pub extern "win64" fn __iscsymf(c: i32) -> i32 {
    (c == b'_' as i32 || classes(c) & ALPHA != 0) as i32
}

/// toupper: a-z only (in the C locale, and for the single bytes of a UTF-8 locale).
#[export]
pub extern "win64" fn toupper(c: i32) -> i32 {
    if (b'a' as i32..=b'z' as i32).contains(&c) {
        c - 32
    } else {
        c
    }
}

/// tolower.
#[export]
pub extern "win64" fn tolower(c: i32) -> i32 {
    if (b'A' as i32..=b'Z' as i32).contains(&c) {
        c + 32
    } else {
        c
    }
}

/// _toupper: unconditional (the argument must be a lower-case letter).
#[export]
pub extern "win64" fn _toupper(c: i32) -> i32 {
    c - b'a' as i32 + b'A' as i32
}

/// _tolower: unconditional.
#[export]
pub extern "win64" fn _tolower(c: i32) -> i32 {
    c - b'A' as i32 + b'a' as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_locale_table() {
        let t = unsafe { std::slice::from_raw_parts(__pctype_func().sub(1), 257) };
        assert_eq!(t[0], 0, "EOF");
        assert_eq!(t[1 + b'\t' as usize], 0x68);
        assert_eq!(t[1 + b'\n' as usize], 0x28);
        assert_eq!(t[1 + b' ' as usize], 0x48);
        assert_eq!(t[1 + b'A' as usize], 0x181);
        assert_eq!(t[1 + b'z' as usize], 0x102);
        assert_eq!(t[1 + b'5' as usize], 0x84);
        assert_eq!(t[1 + b'~' as usize], 0x10);
        assert_eq!(t[1 + 0x7f], 0x20);
        assert_eq!(t[1 + 0xe9], 0, "nothing above 127 in the C locale");
        assert_ne!(isalpha(b'q' as i32), 0);
        assert_eq!(isalpha(b'1' as i32), 0);
        assert_ne!(isprint(b' ' as i32), 0);
        assert_eq!(isgraph(b' ' as i32), 0);
        assert_eq!(isdigit(-1), 0);
        assert_eq!(isdigit(1000), 0);
        assert_eq!(toupper(b'a' as i32), b'A' as i32);
        assert_eq!(toupper(0xe9), 0xe9);
        assert_eq!(tolower(b'Q' as i32), b'q' as i32);
        assert_ne!(__iscsym(b'_' as i32), 0);
        assert_ne!(isblank(b'\t' as i32), 0);
    }
}

macro_rules! is_l_fns {
    ($($(#[$m:meta])* $name:ident => $base:ident;)*) => {$(
        $(#[$m])*
        #[export]
        pub extern "win64" fn $name(c: i32, _locale: usize) -> i32 {
            $base(c)
        }
    )*};
}

is_l_fns! {
    /// _isalpha_l.
    _isalpha_l => isalpha;
    /// _isupper_l.
    _isupper_l => isupper;
    /// _islower_l.
    _islower_l => islower;
    /// _isdigit_l.
    _isdigit_l => isdigit;
    /// _isxdigit_l.
    _isxdigit_l => isxdigit;
    /// _isspace_l.
    _isspace_l => isspace;
    /// _ispunct_l.
    _ispunct_l => ispunct;
    /// _isalnum_l.
    _isalnum_l => isalnum;
    /// _isprint_l.
    _isprint_l => isprint;
    /// _isgraph_l.
    _isgraph_l => isgraph;
    /// _iscntrl_l.
    _iscntrl_l => iscntrl;
    /// _isblank_l.
    _isblank_l => isblank;
    /// _tolower_l.
    _tolower_l => tolower;
    /// _toupper_l.
    _toupper_l => toupper;
    /// _iscsym_l.
    _iscsym_l => __iscsym;
    /// _iscsymf_l.
    _iscsymf_l => __iscsymf;
}

/// __toascii: the low 7 bits.
#[export]
pub extern "win64" fn __toascii(c: i32) -> i32 {
    c & 0x7f
}

/// isleadbyte: no lead bytes in the C locale (nor in UTF-8 for this single-byte test).
#[export]
pub extern "win64" fn isleadbyte(_c: i32) -> i32 {
    0
}

/// _isleadbyte_l.
#[export]
pub extern "win64" fn _isleadbyte_l(_c: i32, _locale: usize) -> i32 {
    0
}

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn unconditional_case_and_toascii() {
        assert_eq!(_tolower(b'a' as i32), 129, "no check, as in Wine");
        assert_eq!(_toupper(b'A' as i32), 33);
        assert_eq!(__toascii(0x1c1), 0x41);
        assert_eq!(_isalpha_l(b'x' as i32, 0), 0x102);
    }
}
