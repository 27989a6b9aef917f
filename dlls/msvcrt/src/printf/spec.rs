//! Parsing of one conversion specification: `%[flags][width][.precision][size]conv`.
//!
//! Size prefixes, as accepted by Wine 8 (checked under Wine; both flavours
//! unless noted):
//! * `h` short, `l` long (32-bit on Windows, so no effect on integers); when
//!   both appear the last one wins. `hh` is the same as `h` (there is no char
//!   size: `%hhd` of 300 prints 300).
//! * `ll`, `I64`, `j`: 64-bit integers. `I32`: ignored (32-bit).
//! * `I`, `z`, `t` directly followed by one of `diouxX`: pointer-sized (64-bit).
//!   Followed by anything else `I`/`z`/`t` is not a prefix: it becomes the
//!   (unknown) conversion character and is printed literally (`%Is` -> "Is").
//! * `L` is ignored everywhere (`%Ld` is 32-bit, `%Lf` a double).
//! * `w` selects wide strings/chars.
//! * msvcrt only (and UCRT with `LEGACY_MSVCRT_COMPATIBILITY`): `F` and `N`
//!   (far/near) are ignored, so `%F` is not a conversion there (`%Ff` is `%f`).
//! * UCRT only: `T` selects the "natural" string width of the function
//!   (`%Ts` is narrow in printf, wide in wprintf).
//! * `q` is not supported (`%qd` prints "qd").

use super::{ArgSource, Flavor, Options, Unit};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Conv {
    /// The format string ended inside the specification.
    End,
    /// Unknown conversion character (printed as literal text afterwards).
    Unknown,
    Int,
    Float,
    Char,
    Str,
    Ptr,
    N,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Len {
    Default,
    Short,
    Long,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Spec {
    pub left: bool,
    pub zero: bool,
    pub alt: bool,
    /// `+` or ` ` flag (`+` wins).
    pub sign: Option<u8>,
    pub width: usize,
    /// `None`: no precision given (or a negative `*` precision).
    pub prec: Option<usize>,
    /// Last of `h`/`l`.
    pub len: Len,
    /// `ll`, `I64` or `j`.
    pub int64: bool,
    /// `I`, `z` or `t` before an integer conversion.
    pub native: bool,
    /// `w`.
    pub wide: bool,
    /// `T` (UCRT only).
    pub natural: bool,
    pub conv: Conv,
    /// The conversion character (ASCII), 0 when `conv` is End/Unknown.
    pub ch: u8,
}

#[inline(always)]
fn at<U: Unit>(fmt: &[U], i: usize) -> u32 {
    match fmt.get(i) {
        Some(c) => c.to_u32(),
        None => 0,
    }
}

#[inline(always)]
fn is_int_conv(c: u32) -> bool {
    matches!(c, 0x64 | 0x69 | 0x6f | 0x75 | 0x78 | 0x58) // d i o u x X
}

#[inline(always)]
fn digit(c: u32) -> Option<usize> {
    if (0x30..=0x39).contains(&c) {
        Some((c - 0x30) as usize)
    } else {
        None
    }
}

/// Parse the specification starting just after the `%` at `i`. Returns the
/// spec and the index of the conversion character (not consumed).
pub(crate) fn parse<U: Unit>(
    fmt: &[U],
    mut i: usize,
    args: &mut dyn ArgSource,
    opts: &Options,
) -> (Spec, usize) {
    let ucrt = opts.flavor == Flavor::Ucrt;
    let mut s = Spec {
        left: false,
        zero: false,
        alt: false,
        sign: None,
        width: 0,
        prec: None,
        len: Len::Default,
        int64: false,
        native: false,
        wide: false,
        natural: false,
        conv: Conv::End,
        ch: 0,
    };

    // Flags.
    loop {
        match at(fmt, i) {
            0x2b => s.sign = Some(b'+'),
            0x20 => {
                if s.sign != Some(b'+') {
                    s.sign = Some(b' ');
                }
            }
            0x2d => s.left = true,
            0x30 => s.zero = true,
            0x23 => s.alt = true,
            _ => break,
        }
        i += 1;
    }

    // Width.
    if at(fmt, i) == 0x2a {
        i += 1;
        let w = args.next_u64() as i32;
        if w < 0 {
            s.left = true;
        }
        s.width = w.unsigned_abs() as usize;
        // UCRT: digits after '*' replace the '*' value; msvcrt appends them.
        if ucrt && digit(at(fmt, i)).is_some() {
            s.width = 0;
        }
    }
    while let Some(d) = digit(at(fmt, i)) {
        s.width = s
            .width
            .saturating_mul(10)
            .saturating_add(d)
            .min(i32::MAX as usize);
        i += 1;
    }

    // Precision.
    if at(fmt, i) == 0x2e {
        i += 1;
        if at(fmt, i) == 0x2a {
            i += 1;
            let p = args.next_u64() as i32;
            // Negative: as if no precision was given (Wine 8 only does this for -1).
            s.prec = if p < 0 { None } else { Some(p as usize) };
        } else {
            let mut p = 0usize;
            while let Some(d) = digit(at(fmt, i)) {
                p = p
                    .saturating_mul(10)
                    .saturating_add(d)
                    .min(i32::MAX as usize);
                i += 1;
            }
            s.prec = Some(p);
        }
    }

    // Size prefixes.
    loop {
        match at(fmt, i) {
            0x6c => {
                // l
                if at(fmt, i + 1) == 0x6c {
                    s.int64 = true;
                    i += 1;
                } else {
                    s.len = Len::Long;
                }
            }
            0x68 => s.len = Len::Short, // h
            0x49 => {
                // I
                let (a, b) = (at(fmt, i + 1), at(fmt, i + 2));
                if a == 0x36 && b == 0x34 {
                    s.int64 = true;
                    i += 2;
                } else if a == 0x33 && b == 0x32 {
                    i += 2;
                } else if is_int_conv(a) {
                    s.native = true;
                } else {
                    break;
                }
            }
            0x77 => s.wide = true, // w
            0x7a | 0x74 => {
                // z t
                if is_int_conv(at(fmt, i + 1)) {
                    s.native = true;
                } else {
                    break;
                }
            }
            0x6a => s.int64 = true,                        // j
            0x54 if ucrt => s.natural = true,              // T
            0x4c => {}                                     // L
            0x46 | 0x4e if opts.legacy_msvcrt_compat => {} // F N
            _ => break,
        }
        i += 1;
    }

    let c = at(fmt, i);
    s.conv = if i >= fmt.len() {
        Conv::End
    } else {
        match c {
            0x64 | 0x69 | 0x6f | 0x75 | 0x78 | 0x58 => Conv::Int,
            0x61 | 0x41 | 0x65 | 0x45 | 0x66 | 0x46 | 0x67 | 0x47 => Conv::Float,
            0x63 | 0x43 => Conv::Char,
            0x73 | 0x53 => Conv::Str,
            0x70 => Conv::Ptr,
            0x6e => Conv::N,
            _ => Conv::Unknown,
        }
    };
    if !matches!(s.conv, Conv::End | Conv::Unknown) {
        s.ch = c as u8;
    }
    (s, i)
}
