//! stdlib.h / wchar.h / uchar.h: conversions between multibyte and wide characters, which
//! depend on LC_CTYPE (see `locale`):
//! - the C locale: each byte is the character of the same value (0x00-0xff), and a wide
//!   character above 0xff has no multibyte form (EILSEQ), as Windows and Wine 8 do;
//! - a UTF-8 locale (ucrtbase): UTF-8, with characters outside the BMP as surrogate pairs in
//!   the string functions (`mbstowcs`) and refused by the one-character ones (`mbtowc`,
//!   whose `wchar_t` cannot hold them).
//!
//! `mbrtowc` keeps a partial UTF-8 sequence in the first 4 bytes of the `mbstate_t` (msvcrt's
//! is an int, the UCRT's a struct of 8 bytes). The `char16_t`/`char32_t` functions of the UCRT
//! are always UTF-8, as Microsoft documents. Wine 8's UTF-8 conversions are incomplete (its
//! `mbstowcs` fails on valid text), so the test app checks UTF-8 only where it agrees.

use crate::errno::{EILSEQ, EINVAL, ERANGE};
use crate::invalid::fail;
use crate::locale::ctype_utf8;
use crate::safe::{STRUNCATE, TRUNCATE};
use dllcore::export;
use std::cell::Cell;

/// `(size_t)-1`, `(size_t)-2`, `(size_t)-3`.
const ERR: usize = usize::MAX;
const INCOMPLETE: usize = usize::MAX - 1;
const PENDING: usize = usize::MAX - 2;
/// WEOF.
const WEOF: u16 = 0xffff;

/// Decode one UTF-8 character from the start of `s`: Ok((code point, length)), Err(true) when
/// `s` is a valid but incomplete prefix, Err(false) when invalid.
fn utf8_decode(s: &[u8]) -> Result<(u32, usize), bool> {
    let b0 = *s.first().ok_or(true)?;
    let (len, init) = match b0 {
        0x00..=0x7f => return Ok((b0 as u32, 1)),
        0xc2..=0xdf => (2, (b0 & 0x1f) as u32),
        0xe0..=0xef => (3, (b0 & 0x0f) as u32),
        0xf0..=0xf4 => (4, (b0 & 0x07) as u32),
        _ => return Err(false),
    };
    let mut c = init;
    for i in 1..len {
        let Some(&b) = s.get(i) else {
            return Err(true);
        };
        if b & 0xc0 != 0x80 {
            return Err(false);
        }
        // The second byte's range rules out overlong forms, surrogates and > U+10FFFF.
        if i == 1 {
            let ok = match b0 {
                0xe0 => b >= 0xa0,
                0xed => b < 0xa0,
                0xf0 => b >= 0x90,
                0xf4 => b < 0x90,
                _ => true,
            };
            if !ok {
                return Err(false);
            }
        }
        c = c << 6 | (b & 0x3f) as u32;
    }
    Ok((c, len))
}

fn utf8_encode(c: u32, out: &mut Vec<u8>) {
    let mut b = [0u8; 4];
    if let Some(ch) = char::from_u32(c) {
        out.extend_from_slice(ch.encode_utf8(&mut b).as_bytes());
    }
}

/// The multibyte form of a wide string (up to its NUL), or None (EILSEQ) if some unit has none.
fn to_multibyte(w: &[u16], utf8: bool) -> Option<Vec<Vec<u8>>> {
    let mut out = Vec::with_capacity(w.len());
    if !utf8 {
        for &u in w {
            if u > 0xff {
                return None;
            }
            out.push(vec![u as u8]);
        }
        return Some(out);
    }
    for r in char::decode_utf16(w.iter().copied()) {
        let mut v = Vec::new();
        utf8_encode(r.ok()? as u32, &mut v);
        out.push(v);
    }
    Some(out)
}

/// The wide form of a multibyte string (up to its NUL), per character (1 or 2 units), or None
/// (EILSEQ) for invalid UTF-8.
fn to_wide(s: &[u8], utf8: bool) -> Option<Vec<Vec<u16>>> {
    if !utf8 {
        return Some(s.iter().map(|&b| vec![b as u16]).collect());
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let (c, n) = utf8_decode(&s[i..]).ok()?;
        let mut buf = [0u16; 2];
        out.push(char::from_u32(c)?.encode_utf16(&mut buf).to_vec());
        i += n;
    }
    Some(out)
}

unsafe fn bytes<'a>(s: *const u8) -> &'a [u8] {
    unsafe { crate::conv::text(s) }
}

unsafe fn units<'a>(s: *const u16) -> &'a [u16] {
    unsafe { crate::conv::text(s) }
}

// ---- one character -----------------------------------------------------------------------------

unsafe fn mbtowc_impl(pwc: *mut u16, s: *const u8, n: usize, locale: usize) -> i32 {
    if s.is_null() {
        return 0;
    }
    if n == 0 {
        return -1;
    }
    let b0 = unsafe { *s };
    let store = |w: u16| {
        if !pwc.is_null() {
            unsafe { *pwc = w };
        }
    };
    if b0 == 0 {
        store(0);
        return 0;
    }
    if !ctype_utf8(locale) {
        store(b0 as u16);
        return 1;
    }
    let avail = unsafe { std::slice::from_raw_parts(s, n.min(4)) };
    match utf8_decode(avail) {
        Ok((c, len)) if c < 0x10000 => {
            store(c as u16);
            len as i32
        }
        _ => {
            crate::errno::ret(EILSEQ);
            -1
        }
    }
}

/// mbtowc: the wide character of the multibyte character at `s` and its length.
#[export]
pub unsafe extern "win64" fn mbtowc(pwc: *mut u16, s: *const u8, n: usize) -> i32 {
    unsafe { mbtowc_impl(pwc, s, n, 0) }
}

/// _mbtowc_l.
#[export]
pub unsafe extern "win64" fn _mbtowc_l(
    pwc: *mut u16,
    s: *const u8,
    n: usize,
    locale: usize,
) -> i32 {
    unsafe { mbtowc_impl(pwc, s, n, locale) }
}

/// mblen: the length of the multibyte character at `s` (0 for NUL, -1 if invalid).
#[export]
pub unsafe extern "win64" fn mblen(s: *const u8, n: usize) -> i32 {
    unsafe { mbtowc_impl(std::ptr::null_mut(), s, n, 0) }
}

/// _mblen_l.
#[export]
pub unsafe extern "win64" fn _mblen_l(s: *const u8, n: usize, locale: usize) -> i32 {
    unsafe { mbtowc_impl(std::ptr::null_mut(), s, n, locale) }
}

/// The multibyte form of one wide character, or None (EILSEQ).
fn wc_bytes(wc: u16, utf8: bool) -> Option<Vec<u8>> {
    if !utf8 {
        return (wc <= 0xff).then(|| vec![wc as u8]);
    }
    if (0xd800..0xe000).contains(&wc) {
        return None;
    }
    let mut v = Vec::new();
    utf8_encode(wc as u32, &mut v);
    Some(v)
}

unsafe fn wctomb_impl(s: *mut u8, wc: u16, locale: usize) -> i32 {
    if s.is_null() {
        return 0;
    }
    match wc_bytes(wc, ctype_utf8(locale)) {
        Some(b) => {
            unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), s, b.len()) };
            b.len() as i32
        }
        None => {
            crate::errno::ret(EILSEQ);
            -1
        }
    }
}

/// wctomb: the multibyte form of `wc` into `s` (MB_CUR_MAX bytes); its length or -1.
#[export]
pub unsafe extern "win64" fn wctomb(s: *mut u8, wc: u16) -> i32 {
    unsafe { wctomb_impl(s, wc, 0) }
}

/// _wctomb_l.
#[export]
pub unsafe extern "win64" fn _wctomb_l(s: *mut u8, wc: u16, locale: usize) -> i32 {
    unsafe { wctomb_impl(s, wc, locale) }
}

unsafe fn wctomb_s_impl(ret: *mut i32, s: *mut u8, size: usize, wc: u16, locale: usize) -> i32 {
    if s.is_null() && size > 0 {
        return fail(EINVAL);
    }
    let set_ret = |v: i32| {
        if !ret.is_null() {
            unsafe { *ret = v };
        }
    };
    if s.is_null() {
        set_ret(0);
        return 0;
    }
    match wc_bytes(wc, ctype_utf8(locale)) {
        None => {
            set_ret(-1);
            crate::errno::ret(EILSEQ)
        }
        Some(b) if b.len() > size => {
            set_ret(-1);
            fail(ERANGE)
        }
        Some(b) => {
            unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), s, b.len()) };
            set_ret(b.len() as i32);
            0
        }
    }
}

/// wctomb_s.
#[export]
pub unsafe extern "win64" fn wctomb_s(ret: *mut i32, s: *mut u8, size: usize, wc: u16) -> i32 {
    unsafe { wctomb_s_impl(ret, s, size, wc, 0) }
}

/// _wctomb_s_l.
#[export]
pub unsafe extern "win64" fn _wctomb_s_l(
    ret: *mut i32,
    s: *mut u8,
    size: usize,
    wc: u16,
    l: usize,
) -> i32 {
    unsafe { wctomb_s_impl(ret, s, size, wc, l) }
}

/// btowc: the wide form of a single-byte character (WEOF if it is not one).
#[export]
pub extern "win64" fn btowc(c: i32) -> u16 {
    if !(0..=255).contains(&c) {
        return WEOF;
    }
    if ctype_utf8(0) && c >= 0x80 {
        WEOF
    } else {
        c as u16
    }
}

/// wctob: the single-byte form of a wide character (EOF if it has none).
#[export]
pub extern "win64" fn wctob(wc: u16) -> i32 {
    let limit = if ctype_utf8(0) { 0x80 } else { 0x100 };
    if (wc as u32) < limit { wc as i32 } else { -1 }
}

// ---- strings -----------------------------------------------------------------------------------

unsafe fn mbstowcs_impl(dst: *mut u16, src: *const u8, n: usize, locale: usize) -> usize {
    if src.is_null() {
        fail(EINVAL);
        return ERR;
    }
    let Some(chars) = to_wide(unsafe { bytes(src) }, ctype_utf8(locale)) else {
        crate::errno::ret(EILSEQ);
        return ERR;
    };
    if dst.is_null() {
        return chars.iter().map(Vec::len).sum();
    }
    let mut out = 0;
    for c in &chars {
        if out + c.len() > n {
            return out;
        }
        unsafe { std::ptr::copy_nonoverlapping(c.as_ptr(), dst.add(out), c.len()) };
        out += c.len();
    }
    if out < n {
        unsafe { *dst.add(out) = 0 };
    }
    out
}

/// mbstowcs: convert up to `n` wide units (NUL-terminated when room is left); with a NULL
/// `dst`, the number needed. (size_t)-1 and EILSEQ for invalid text.
#[export]
pub unsafe extern "win64" fn mbstowcs(dst: *mut u16, src: *const u8, n: usize) -> usize {
    unsafe { mbstowcs_impl(dst, src, n, 0) }
}

/// _mbstowcs_l.
#[export]
pub unsafe extern "win64" fn _mbstowcs_l(
    dst: *mut u16,
    src: *const u8,
    n: usize,
    l: usize,
) -> usize {
    unsafe { mbstowcs_impl(dst, src, n, l) }
}

unsafe fn wcstombs_impl(dst: *mut u8, src: *const u16, n: usize, locale: usize) -> usize {
    if src.is_null() {
        fail(EINVAL);
        return ERR;
    }
    let Some(chars) = to_multibyte(unsafe { units(src) }, ctype_utf8(locale)) else {
        crate::errno::ret(EILSEQ);
        return ERR;
    };
    if dst.is_null() {
        return chars.iter().map(Vec::len).sum();
    }
    let mut out = 0;
    for c in &chars {
        if out + c.len() > n {
            return out;
        }
        unsafe { std::ptr::copy_nonoverlapping(c.as_ptr(), dst.add(out), c.len()) };
        out += c.len();
    }
    if out < n {
        unsafe { *dst.add(out) = 0 };
    }
    out
}

/// wcstombs: convert into up to `n` bytes (whole characters only); with a NULL `dst`, the
/// number needed. (size_t)-1 and EILSEQ when a character has no multibyte form.
#[export]
pub unsafe extern "win64" fn wcstombs(dst: *mut u8, src: *const u16, n: usize) -> usize {
    unsafe { wcstombs_impl(dst, src, n, 0) }
}

/// _wcstombs_l.
#[export]
pub unsafe extern "win64" fn _wcstombs_l(
    dst: *mut u8,
    src: *const u16,
    n: usize,
    l: usize,
) -> usize {
    unsafe { wcstombs_impl(dst, src, n, l) }
}

/// The `_s` conversions' shared rules: `count` characters at most (or `_TRUNCATE`), the
/// result NUL-terminated; `*ret` counts the NUL. A NULL `dst` with size 0 asks for the size.
unsafe fn convert_s<T: Copy + Default>(
    ret: *mut usize,
    dst: *mut T,
    size: usize,
    chars: Option<Vec<Vec<T>>>,
    count: usize,
) -> i32 {
    let set_ret = |v: usize| {
        if !ret.is_null() {
            unsafe { *ret = v };
        }
    };
    if (dst.is_null() && size > 0) || (!dst.is_null() && size == 0) {
        return fail(EINVAL);
    }
    let Some(chars) = chars else {
        if !dst.is_null() {
            unsafe { *dst = T::default() };
        }
        set_ret(0);
        return crate::errno::ret(EILSEQ);
    };
    // `count` limits the units read from the source; approximate it by characters.
    let limit = if count == TRUNCATE { usize::MAX } else { count };
    let mut units: Vec<T> = Vec::new();
    let mut taken = 0;
    for c in &chars {
        if taken >= limit {
            break;
        }
        units.extend_from_slice(c);
        taken += 1;
    }
    if dst.is_null() {
        // A size query converts the whole string, whatever `count` says (as Wine 8 does).
        set_ret(chars.iter().map(Vec::len).sum::<usize>() + 1);
        return 0;
    }
    if units.len() + 1 > size {
        if count == TRUNCATE {
            let mut n = 0;
            for c in &chars {
                if n + c.len() + 1 > size {
                    break;
                }
                n += c.len();
            }
            unsafe {
                std::ptr::copy_nonoverlapping(units.as_ptr(), dst, n);
                *dst.add(n) = T::default();
            }
            set_ret(n + 1);
            return STRUNCATE;
        }
        unsafe { *dst = T::default() };
        set_ret(0);
        return fail(ERANGE);
    }
    unsafe {
        std::ptr::copy_nonoverlapping(units.as_ptr(), dst, units.len());
        *dst.add(units.len()) = T::default();
    }
    set_ret(units.len() + 1);
    0
}

/// mbstowcs_s.
#[export]
pub unsafe extern "win64" fn mbstowcs_s(
    ret: *mut usize,
    dst: *mut u16,
    size: usize,
    src: *const u8,
    count: usize,
) -> i32 {
    unsafe { _mbstowcs_s_l(ret, dst, size, src, count, 0) }
}

/// _mbstowcs_s_l.
#[export]
pub unsafe extern "win64" fn _mbstowcs_s_l(
    ret: *mut usize,
    dst: *mut u16,
    size: usize,
    src: *const u8,
    count: usize,
    locale: usize,
) -> i32 {
    if src.is_null() {
        return fail(EINVAL);
    }
    let chars = to_wide(unsafe { bytes(src) }, ctype_utf8(locale));
    unsafe { convert_s(ret, dst, size, chars, count) }
}

/// wcstombs_s.
#[export]
pub unsafe extern "win64" fn wcstombs_s(
    ret: *mut usize,
    dst: *mut u8,
    size: usize,
    src: *const u16,
    count: usize,
) -> i32 {
    unsafe { _wcstombs_s_l(ret, dst, size, src, count, 0) }
}

/// _wcstombs_s_l.
#[export]
pub unsafe extern "win64" fn _wcstombs_s_l(
    ret: *mut usize,
    dst: *mut u8,
    size: usize,
    src: *const u16,
    count: usize,
    locale: usize,
) -> i32 {
    if src.is_null() {
        return fail(EINVAL);
    }
    let chars = to_multibyte(unsafe { units(src) }, ctype_utf8(locale));
    // wcstombs_s's count is in bytes; whole characters are taken while they fit.
    let chars = chars.map(|cs| {
        if count == TRUNCATE {
            return cs;
        }
        let mut n = 0;
        cs.into_iter()
            .take_while(|c| {
                n += c.len();
                n <= count
            })
            .collect()
    });
    let limit = if count == TRUNCATE {
        TRUNCATE
    } else {
        usize::MAX - 1
    };
    unsafe { convert_s(ret, dst, size, chars, limit) }
}

/// _mbstrlen: the number of multibyte characters of `s` ((size_t)-1 if invalid).
#[export]
pub unsafe extern "win64" fn _mbstrlen(s: *const u8) -> usize {
    unsafe { _mbstrlen_l(s, 0) }
}

/// _mbstrlen_l.
#[export]
pub unsafe extern "win64" fn _mbstrlen_l(s: *const u8, locale: usize) -> usize {
    if s.is_null() {
        fail(EINVAL);
        return ERR;
    }
    let b = unsafe { bytes(s) };
    if !ctype_utf8(locale) {
        return b.len();
    }
    match std::str::from_utf8(b) {
        Ok(t) => t.chars().count(),
        Err(_) => {
            crate::errno::ret(EILSEQ);
            ERR
        }
    }
}

/// _mbstrnlen: as `_mbstrlen`, looking at `max` bytes at most.
#[export]
pub unsafe extern "win64" fn _mbstrnlen(s: *const u8, max: usize) -> usize {
    if s.is_null() {
        fail(EINVAL);
        return ERR;
    }
    let b = unsafe { bytes(s) };
    let b = &b[..b.len().min(max)];
    if !ctype_utf8(0) {
        return b.len();
    }
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        match utf8_decode(&b[i..]) {
            Ok((_, l)) => i += l,
            Err(true) => break,
            Err(false) => {
                crate::errno::ret(EILSEQ);
                return ERR;
            }
        }
        n += 1;
    }
    n
}

// ---- restartable -----------------------------------------------------------------------------

thread_local! {
    static MBRLEN_STATE: Cell<u64> = const { Cell::new(0) };
    static MBRTOWC_STATE: Cell<u64> = const { Cell::new(0) };
    static WCRTOMB_STATE: Cell<u64> = const { Cell::new(0) };
    static C16_STATE: Cell<u64> = const { Cell::new(0) };
}

/// A partial UTF-8 sequence kept in a state word: up to 3 bytes and their count.
fn unpack(state: u32) -> Vec<u8> {
    let n = (state >> 24) as usize & 3;
    (0..n).map(|i| (state >> (8 * i)) as u8).collect()
}

fn pack(b: &[u8]) -> u32 {
    b.iter()
        .enumerate()
        .fold((b.len() as u32) << 24, |a, (i, &x)| {
            a | (x as u32) << (8 * i)
        })
}

/// mbrtowc's work; `state` is the first 4 bytes of the `mbstate_t`.
unsafe fn mbrtowc_impl(
    pwc: *mut u16,
    s: *const u8,
    n: usize,
    state: &mut u32,
    utf8: bool,
) -> usize {
    if s.is_null() {
        *state = 0;
        return 0;
    }
    if n == 0 {
        return INCOMPLETE;
    }
    let store = |w: u16| {
        if !pwc.is_null() {
            unsafe { *pwc = w };
        }
    };
    let input = unsafe { std::slice::from_raw_parts(s, n.min(4)) };
    if !utf8 {
        store(input[0] as u16);
        return (input[0] != 0) as usize;
    }
    let mut seq = unpack(*state);
    let had = seq.len();
    seq.extend_from_slice(input);
    match utf8_decode(&seq) {
        Ok((c, len)) if c < 0x10000 => {
            *state = 0;
            store(c as u16);
            if c == 0 { 0 } else { len - had }
        }
        Ok(_) | Err(false) => {
            *state = 0;
            crate::errno::ret(EILSEQ);
            ERR
        }
        Err(true) => {
            *state = pack(&seq[..seq.len().min(3)]);
            INCOMPLETE
        }
    }
}

unsafe fn state_of<'a>(
    ps: *mut u32,
    fallback: &'static std::thread::LocalKey<Cell<u64>>,
) -> &'a mut u32 {
    if ps.is_null() {
        let p = fallback.with(|c| c.as_ptr()) as *mut u32;
        unsafe { &mut *p }
    } else {
        unsafe { &mut *ps }
    }
}

/// mbrtowc: one character, resuming a partial one kept in `*ps` ((size_t)-2 while
/// incomplete, (size_t)-1 and EILSEQ when invalid).
#[export]
pub unsafe extern "win64" fn mbrtowc(pwc: *mut u16, s: *const u8, n: usize, ps: *mut u32) -> usize {
    let st = unsafe { state_of(ps, &MBRTOWC_STATE) };
    unsafe { mbrtowc_impl(pwc, s, n, st, ctype_utf8(0)) }
}

/// mbrlen.
#[export]
pub unsafe extern "win64" fn mbrlen(s: *const u8, n: usize, ps: *mut u32) -> usize {
    let st = unsafe { state_of(ps, &MBRLEN_STATE) };
    unsafe { mbrtowc_impl(std::ptr::null_mut(), s, n, st, ctype_utf8(0)) }
}

/// mbsinit: is the state the initial one?
#[export]
pub unsafe extern "win64" fn mbsinit(ps: *const u32) -> i32 {
    (ps.is_null() || unsafe { *ps } == 0) as i32
}

/// wcrtomb: `wctomb` with a state (NULL `s` resets it: one byte, the NUL).
#[export]
pub unsafe extern "win64" fn wcrtomb(s: *mut u8, wc: u16, ps: *mut u32) -> usize {
    let st = unsafe { state_of(ps, &WCRTOMB_STATE) };
    *st = 0;
    if s.is_null() {
        return 1;
    }
    match unsafe { wctomb_impl(s, wc, 0) } {
        -1 => ERR,
        n => n as usize,
    }
}

/// wcrtomb_s.
#[export]
pub unsafe extern "win64" fn wcrtomb_s(
    ret: *mut usize,
    s: *mut u8,
    size: usize,
    wc: u16,
    ps: *mut u32,
) -> i32 {
    let mut r = 0i32;
    let e = unsafe { wctomb_s_impl(&mut r, s, size, wc, 0) };
    if !ps.is_null() {
        unsafe { *ps = 0 };
    }
    if !ret.is_null() {
        unsafe { *ret = if r < 0 { ERR } else { r as usize } };
    }
    e
}

/// mbsrtowcs: `mbstowcs` from `*src`, which ends NULL when the whole string was converted, or
/// at the first character not converted.
#[export]
pub unsafe extern "win64" fn mbsrtowcs(
    dst: *mut u16,
    src: *mut *const u8,
    n: usize,
    ps: *mut u32,
) -> usize {
    if src.is_null() || unsafe { (*src).is_null() } {
        fail(EINVAL);
        return ERR;
    }
    if !ps.is_null() {
        unsafe { *ps = 0 };
    }
    let s = unsafe { *src };
    let b = unsafe { bytes(s) };
    let utf8 = ctype_utf8(0);
    let (mut i, mut out) = (0usize, 0usize);
    while i < b.len() {
        let (units, len): (Vec<u16>, usize) = if utf8 {
            match utf8_decode(&b[i..]) {
                Ok((c, l)) => {
                    let mut buf = [0u16; 2];
                    (
                        char::from_u32(c).map_or(vec![], |ch| ch.encode_utf16(&mut buf).to_vec()),
                        l,
                    )
                }
                Err(_) => {
                    if !dst.is_null() {
                        unsafe { *src = s.add(i) };
                    }
                    crate::errno::ret(EILSEQ);
                    return ERR;
                }
            }
        } else {
            (vec![b[i] as u16], 1)
        };
        if !dst.is_null() {
            if out + units.len() > n {
                unsafe { *src = s.add(i) };
                return out;
            }
            unsafe { std::ptr::copy_nonoverlapping(units.as_ptr(), dst.add(out), units.len()) };
        }
        out += units.len();
        i += len;
    }
    if !dst.is_null() {
        if out < n {
            unsafe {
                *dst.add(out) = 0;
                *src = std::ptr::null();
            }
        } else {
            unsafe { *src = s.add(i) };
        }
    }
    out
}

/// wcsrtombs: `wcstombs` from `*src`, which ends NULL when the whole string was converted.
#[export]
pub unsafe extern "win64" fn wcsrtombs(
    dst: *mut u8,
    src: *mut *const u16,
    n: usize,
    ps: *mut u32,
) -> usize {
    if src.is_null() || unsafe { (*src).is_null() } {
        fail(EINVAL);
        return ERR;
    }
    if !ps.is_null() {
        unsafe { *ps = 0 };
    }
    let s = unsafe { *src };
    let w = unsafe { units(s) };
    let utf8 = ctype_utf8(0);
    let (mut i, mut out) = (0usize, 0usize);
    while i < w.len() {
        let pair = utf8
            && (0xd800..0xdc00).contains(&w[i])
            && w.get(i + 1).is_some_and(|l| (0xdc00..0xe000).contains(l));
        let len = if pair { 2 } else { 1 };
        let Some(chars) = to_multibyte(&w[i..i + len], utf8) else {
            if !dst.is_null() {
                unsafe { *src = s.add(i) };
            }
            crate::errno::ret(EILSEQ);
            return ERR;
        };
        let bytes: Vec<u8> = chars.concat();
        if !dst.is_null() {
            if out + bytes.len() > n {
                unsafe { *src = s.add(i) };
                return out;
            }
            unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst.add(out), bytes.len()) };
        }
        out += bytes.len();
        i += len;
    }
    if !dst.is_null() {
        if out < n {
            unsafe {
                *dst.add(out) = 0;
                *src = std::ptr::null();
            }
        } else {
            unsafe { *src = s.add(i) };
        }
    }
    out
}

// ---- char16_t / char32_t (UCRT, always UTF-8) ----------------------------------------------------

/// mbrtoc32: one UTF-8 character to UTF-32.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn mbrtoc32(pc: *mut u32, s: *const u8, n: usize, ps: *mut u32) -> usize {
    let st = unsafe { state_of(ps, &MBRTOWC_STATE) };
    if s.is_null() {
        *st = 0;
        return 0;
    }
    if n == 0 {
        return INCOMPLETE;
    }
    let mut seq = unpack(*st);
    let had = seq.len();
    seq.extend_from_slice(unsafe { std::slice::from_raw_parts(s, n.min(4)) });
    match utf8_decode(&seq) {
        Ok((c, len)) => {
            *st = 0;
            if !pc.is_null() {
                unsafe { *pc = c };
            }
            if c == 0 { 0 } else { len - had }
        }
        Err(true) => {
            *st = pack(&seq[..seq.len().min(3)]);
            INCOMPLETE
        }
        Err(false) => {
            *st = 0;
            crate::errno::ret(EILSEQ);
            ERR
        }
    }
}

/// c32rtomb: one UTF-32 character to UTF-8.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn c32rtomb(s: *mut u8, c: u32, ps: *mut u32) -> usize {
    if !ps.is_null() {
        unsafe { *ps = 0 };
    }
    if s.is_null() {
        return 1;
    }
    if char::from_u32(c).is_none() {
        crate::errno::ret(EILSEQ);
        return ERR;
    }
    let mut v = Vec::new();
    utf8_encode(c, &mut v);
    unsafe { std::ptr::copy_nonoverlapping(v.as_ptr(), s, v.len()) };
    v.len()
}

/// mbrtoc16: as mbrtoc32; a character outside the BMP gives its high surrogate, then
/// (size_t)-3 and the low one on the next call.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn mbrtoc16(pc: *mut u16, s: *const u8, n: usize, ps: *mut u32) -> usize {
    let st = unsafe { state_of(ps, &C16_STATE) };
    let store = |u: u16| {
        if !pc.is_null() {
            unsafe { *pc = u };
        }
    };
    if *st >> 31 == 1 {
        store((*st & 0xffff) as u16);
        *st = 0;
        return PENDING;
    }
    let mut c = 0u32;
    let r = unsafe { mbrtoc32(&mut c, s, n, st) };
    if r >= PENDING {
        return r;
    }
    if c >= 0x10000 {
        let v = c - 0x10000;
        store(0xd800 | (v >> 10) as u16);
        *st = 1 << 31 | (0xdc00 | (v & 0x3ff));
    } else {
        store(c as u16);
    }
    r
}

/// c16rtomb: UTF-16 to UTF-8; a high surrogate is kept in the state until its low one.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn c16rtomb(s: *mut u8, c: u16, ps: *mut u32) -> usize {
    let st = unsafe { state_of(ps, &C16_STATE) };
    if s.is_null() {
        *st = 0;
        return 1;
    }
    if (0xd800..0xdc00).contains(&c) {
        *st = c as u32;
        return 0;
    }
    let cp = if (0xdc00..0xe000).contains(&c) {
        let hi = *st;
        *st = 0;
        if !(0xd800..0xdc00).contains(&hi) {
            crate::errno::ret(EILSEQ);
            return ERR;
        }
        0x10000 + ((hi - 0xd800) << 10) + (c as u32 - 0xdc00)
    } else {
        c as u32
    };
    unsafe { c32rtomb(s, cp, std::ptr::null_mut()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_locale_is_bytes() {
        let _g = crate::tests::serial();
        let mut w = [0u16; 8];
        assert_eq!(
            unsafe { mbstowcs(w.as_mut_ptr(), c"\xc3\xa9".as_ptr().cast(), 8) },
            2
        );
        assert_eq!(&w[..3], &[0xc3, 0xa9, 0], "Wine 8");
        let mut b = [0u8; 8];
        let big = [0x101u16, 0];
        assert_eq!(unsafe { wcstombs(b.as_mut_ptr(), big.as_ptr(), 8) }, ERR);
        assert_eq!(crate::errno::errno(), EILSEQ);
        let e9 = [0xe9u16, 0];
        assert_eq!(unsafe { wcstombs(b.as_mut_ptr(), e9.as_ptr(), 8) }, 1);
        assert_eq!(b[0], 0xe9);
        let mut wc = 0u16;
        assert_eq!(unsafe { mbtowc(&mut wc, c"\xe6".as_ptr().cast(), 3) }, 1);
        assert_eq!(wc, 0xe6);
        assert_eq!(btowc(0xe9), 0xe9);
        assert_eq!(unsafe { _mbstrlen(c"\xc3\xa9x".as_ptr().cast()) }, 3);
    }

    #[test]
    fn utf8_locale() {
        let _g = crate::tests::serial();
        let l =
            unsafe { crate::locale::_create_locale_ucrt(0, c".UTF-8".as_ptr().cast()) } as usize;
        let text = c"\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80";
        let mut w = [0u16; 8];
        assert_eq!(
            unsafe { _mbstowcs_l(w.as_mut_ptr(), text.as_ptr().cast(), 8, l) },
            4
        );
        assert_eq!(&w[..5], &[0xe9, 0x65e5, 0xd83d, 0xde00, 0]);
        assert_eq!(
            unsafe { _mbstowcs_l(std::ptr::null_mut(), text.as_ptr().cast(), 0, l) },
            4
        );
        assert_eq!(
            unsafe { _mbstowcs_l(w.as_mut_ptr(), c"\xc3(".as_ptr().cast(), 8, l) },
            ERR
        );
        let mut b = [0u8; 16];
        assert_eq!(unsafe { _wcstombs_l(b.as_mut_ptr(), w.as_ptr(), 16, l) }, 9);
        assert_eq!(&b[..10], text.to_bytes_with_nul());
        assert_eq!(
            unsafe { _wcstombs_l(b.as_mut_ptr(), w.as_ptr(), 3, l) },
            2,
            "whole characters"
        );
        let mut wc = 0;
        assert_eq!(
            unsafe { _mbtowc_l(&mut wc, c"\xe6\x97\xa5".as_ptr().cast(), 3, l) },
            3
        );
        assert_eq!(wc, 0x65e5);
        assert_eq!(
            unsafe { _mbtowc_l(&mut wc, c"\xe6\x97\xa5".as_ptr().cast(), 2, l) },
            -1
        );
        assert_eq!(unsafe { _wctomb_l(b.as_mut_ptr(), 0x65e5, l) }, 3);
        assert_eq!(b[0], 0xe6);
        unsafe { crate::locale::_free_locale(l as *mut _) };
    }

    #[test]
    fn restartable_utf8() {
        let mut st = 0u32;
        let mut wc = 0u16;
        unsafe {
            assert_eq!(
                mbrtowc_impl(&mut wc, c"\xe6\x97".as_ptr().cast(), 2, &mut st, true),
                INCOMPLETE
            );
            assert_eq!(mbsinit(&st), 0);
            assert_eq!(
                mbrtowc_impl(&mut wc, c"\xa5".as_ptr().cast(), 1, &mut st, true),
                1
            );
            assert_eq!(wc, 0x65e5);
            assert_eq!(mbsinit(&st), 1);
            let mut c16 = 0u16;
            let mut s16 = 0u32;
            assert_eq!(
                mbrtoc16(&mut c16, c"\xf0\x9f\x98\x80".as_ptr().cast(), 4, &mut s16),
                4
            );
            assert_eq!(c16, 0xd83d);
            assert_eq!(
                mbrtoc16(&mut c16, c"".as_ptr().cast(), 1, &mut s16),
                PENDING
            );
            assert_eq!(c16, 0xde00);
            let mut b = [0u8; 4];
            let mut s = 0u32;
            assert_eq!(c16rtomb(b.as_mut_ptr(), 0xd83d, &mut s), 0);
            assert_eq!(c16rtomb(b.as_mut_ptr(), 0xde00, &mut s), 4);
            assert_eq!(&b, b"\xf0\x9f\x98\x80");
        }
    }

    #[test]
    fn secure_forms() {
        let _g = crate::tests::serial();
        let mut ret = 0usize;
        let mut w = [0u16; 4];
        unsafe {
            assert_eq!(
                mbstowcs_s(&mut ret, std::ptr::null_mut(), 0, c"abc".as_ptr().cast(), 3),
                0
            );
            assert_eq!(ret, 4);
            assert_eq!(
                mbstowcs_s(&mut ret, w.as_mut_ptr(), 4, c"abc".as_ptr().cast(), 3),
                0
            );
            assert_eq!((ret, w), (4, [97, 98, 99, 0]));
            assert_eq!(
                mbstowcs_s(
                    &mut ret,
                    w.as_mut_ptr(),
                    3,
                    c"abc".as_ptr().cast(),
                    TRUNCATE
                ),
                STRUNCATE
            );
            assert_eq!((ret, &w[..3]), (3, &[97u16, 98, 0][..]));
            assert_eq!(
                mbstowcs_s(&mut ret, w.as_mut_ptr(), 4, c"abcdef".as_ptr().cast(), 2),
                0
            );
            assert_eq!((ret, &w[..3]), (3, &[97u16, 98, 0][..]));
            let mut b = [0u8; 4];
            let src = [97u16, 98, 99, 100, 0];
            assert_eq!(wcstombs_s(&mut ret, b.as_mut_ptr(), 4, src.as_ptr(), 2), 0);
            assert_eq!((ret, &b[..3]), (3, &b"ab\0"[..]));
        }
    }
}
