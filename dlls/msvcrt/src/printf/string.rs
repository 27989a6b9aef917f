//! String (`s S`) and character (`c C`) conversions.
//!
//! Which width an argument has (Wine 8, legacy wide specifiers):
//! * `l`/`w` prefix: wide; `h` prefix: narrow (`T`, UCRT only: the
//!   function's own width); `ll` is not `l` (`%lls` is a plain `%s`).
//! * otherwise `s`/`c` have the width of the function (narrow in printf, wide
//!   in wprintf) and `S`/`C` the other one.
//!
//! A NULL string prints "(null)" (in either width, truncated by the
//! precision). The precision limits how many units of the *argument* are read
//! (`strnlen`/`wcsnlen`: nothing past them is touched), and the field width is
//! computed on that count of source units even when a conversion changes the
//! number of output units (as Wine does). `%c` honours the precision too
//! (`%.0c` prints nothing), and the flags `+`, space and `#` are ignored while
//! `0` pads with zeros (`%05s` -> "000ab").
//!
//! Narrow/wide conversion: the narrow code page is taken to be UTF-8 for now.
//! Unpaired surrogates become '?', invalid UTF-8 sequences U+FFFD. These two
//! functions are the place to plug the process ANSI code page in later.

use super::spec::{Len, Spec};
use super::{Options, Unit, emit_ascii_field, emit_field};

/// Append narrow text (converted to the output width).
pub(crate) trait TextSink: Unit {
    fn push_narrow(out: &mut Vec<Self>, s: &[u8]);
    fn push_wide(out: &mut Vec<Self>, s: &[u16]);
}

impl TextSink for u8 {
    #[inline]
    fn push_narrow(out: &mut Vec<u8>, s: &[u8]) {
        out.extend_from_slice(s);
    }
    #[inline]
    fn push_wide(out: &mut Vec<u8>, s: &[u16]) {
        wide_to_narrow(out, s);
    }
}

impl TextSink for u16 {
    #[inline]
    fn push_narrow(out: &mut Vec<u16>, s: &[u8]) {
        narrow_to_wide(out, s);
    }
    #[inline]
    fn push_wide(out: &mut Vec<u16>, s: &[u16]) {
        out.extend_from_slice(s);
    }
}

/// UTF-16 -> narrow (UTF-8 for now).
pub(crate) fn wide_to_narrow(out: &mut Vec<u8>, s: &[u16]) {
    if s.iter().all(|&c| c < 0x80) {
        out.extend(s.iter().map(|&c| c as u8));
        return;
    }
    for r in char::decode_utf16(s.iter().copied()) {
        match r {
            Ok(c) => {
                let mut b = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
            }
            Err(_) => out.push(b'?'),
        }
    }
}

/// Narrow (UTF-8 for now) -> UTF-16.
pub(crate) fn narrow_to_wide(out: &mut Vec<u16>, s: &[u8]) {
    if s.is_ascii() {
        out.extend(s.iter().map(|&c| c as u16));
        return;
    }
    for chunk in s.utf8_chunks() {
        out.extend(chunk.valid().encode_utf16());
        if !chunk.invalid().is_empty() {
            out.push(0xFFFD);
        }
    }
}

/// Is the argument of this `s`/`S`/`c`/`C` conversion wide?
#[inline]
fn arg_is_wide<U: Unit>(spec: &Spec, opts: &Options) -> bool {
    if (spec.natural && U::WIDE) || spec.wide || spec.len == Len::Long {
        true
    } else if (spec.natural && !U::WIDE) || spec.len == Len::Short {
        false
    } else {
        // Legacy: 'S'/'C' are the complement of the function's width.
        // ISO: 's'/'c' narrow, 'S'/'C' wide, whatever the function.
        let complement_is_narrow = opts.legacy_wide_specifiers && U::WIDE;
        (spec.ch == b'S' || spec.ch == b'C') != complement_is_narrow
    }
}

/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string of the width selected
/// by the spec (readable up to the precision if one is given).
pub(crate) unsafe fn format_str<U: TextSink>(
    out: &mut Vec<U>,
    spec: &Spec,
    ptr: u64,
    opts: &Options,
) {
    if ptr == 0 {
        let mut body: &[u8] = b"(null)";
        if let Some(p) = spec.prec {
            body = &body[..p.min(body.len())];
        }
        emit_ascii_field(out, spec, None, body);
        return;
    }
    let limit = spec.prec.unwrap_or(usize::MAX);
    if arg_is_wide::<U>(spec, opts) {
        let p = ptr as *const u16;
        let mut len = 0;
        // SAFETY: the caller guarantees a NUL-terminated string; we stop at
        // the NUL or at the precision.
        unsafe {
            while len < limit && p.add(len).read_unaligned() != 0 {
                len += 1;
            }
        }
        if p.is_aligned() {
            // SAFETY: `len` units were just read.
            let s = unsafe { core::slice::from_raw_parts(p, len) };
            emit_field(out, spec, None, len, |o| U::push_wide(o, s));
        } else {
            let v: Vec<u16> = (0..len)
                .map(|k| unsafe { p.add(k).read_unaligned() })
                .collect();
            emit_field(out, spec, None, len, |o| U::push_wide(o, &v));
        }
    } else {
        let p = ptr as *const u8;
        // SAFETY: as above.
        let len = unsafe {
            if limit == usize::MAX {
                core::ffi::CStr::from_ptr(p as *const core::ffi::c_char).count_bytes()
            } else {
                let mut len = 0;
                while len < limit && *p.add(len) != 0 {
                    len += 1;
                }
                len
            }
        };
        // SAFETY: `len` bytes were just read.
        let s = unsafe { core::slice::from_raw_parts(p, len) };
        emit_field(out, spec, None, len, |o| U::push_narrow(o, s));
    }
}

pub(crate) fn format_char<U: TextSink>(out: &mut Vec<U>, spec: &Spec, v: u32, opts: &Options) {
    let len = if spec.prec == Some(0) { 0 } else { 1 };
    if arg_is_wide::<U>(spec, opts) {
        let s = [v as u16];
        emit_field(out, spec, None, len, |o| U::push_wide(o, &s[..len]));
    } else {
        let s = [v as u8];
        emit_field(out, spec, None, len, |o| U::push_narrow(o, &s[..len]));
    }
}
