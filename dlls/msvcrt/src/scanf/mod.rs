//! The scanf engine, shared by every scanf-family export (narrow and wide, strings and
//! streams, msvcrt and UCRT conventions). The exports are in `exports`.
//!
//! The rules are msvcrt's, as Wine 8 implements them (the test oracle):
//! - `%[*][width][size]type`, sizes `h` (short), `hh` (char, UCRT only: msvcrt stores an
//!   int), `l` (32-bit long; a double for floats), `ll`/`I64` (64-bit), `I32`, `I`/`z`
//!   (pointer-sized), `L` (double), `w` (wide strings). Width digits may also appear between
//!   the size letters.
//! - integers: white space, a sign, `0x` for `%x`/`%i`, a leading 0 for octal `%i`; the value
//!   wraps modulo 2^64 and is stored truncated; a sign is allowed on unsigned conversions
//!   (the value is negated). `%p` reads hex without a `0x` prefix.
//! - floats (`%e %E %f %g %G`): digits, a point, an exponent (`e`, `E`, `d`, `D`), and in the
//!   UCRT also "inf", "infinity", "nan" and hexadecimal ("0x1.8p1"); correctly rounded (then
//!   rounded again to float for `%f`). The reader can push back only one character: text
//!   such as "1e+" that needs more is a failure (EOF if nothing was assigned yet).
//! - `%s` reads up to white space, `%c` exactly `width` (default 1) characters, `%[set]` /
//!   `%[^set]` (ranges `a-z`, a leading `]` is a member); `%n` stores the characters read so
//!   far and does not count; `%S`/`%C` (and `h`/`l`/`w`) switch between narrow and wide.
//! - a white-space character in the format skips any white space; other characters must
//!   match; `%` followed by an unknown letter matches that letter (after white space).
//! - the result is the number of assignments, or EOF when the input ends before the first
//!   one: at the very start, in a `%s` that read nothing, or in a failed float.
//! - the `_s` functions take a buffer size (an `unsigned`) after each `%s`, `%c`, `%[`
//!   pointer; text that does not fit empties the buffer and ends the scan.

pub mod exports;

use crate::conv::Digit;

/// Which DLL's conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    Msvcrt,
    Ucrt,
}

/// What a scan reads from: a string or a stream, narrow or wide. `None` is the end of the
/// input (a NUL in a string).
pub trait Input {
    fn get(&mut self) -> Option<u32>;
    /// Give back the character just read (at most once in a row).
    fn unget(&mut self, c: u32);
}

/// A NUL-terminated string, optionally limited to `limit` units (`_snscanf`).
pub struct StrInput<'a, T: Digit> {
    s: &'a [T],
    pos: usize,
    limit: usize,
}

impl<'a, T: Digit> StrInput<'a, T> {
    /// `s` is the text without its NUL (the end reads as the end of input).
    pub fn new(s: &'a [T], limit: usize) -> Self {
        StrInput { s, pos: 0, limit }
    }
}

impl<T: Digit> Input for StrInput<'_, T> {
    fn get(&mut self) -> Option<u32> {
        if self.pos >= self.limit || self.pos >= self.s.len() {
            self.pos += 1;
            return None;
        }
        let c = self.s[self.pos].code();
        self.pos += 1;
        Some(c)
    }
    fn unget(&mut self, _c: u32) {
        self.pos -= 1;
    }
}

/// Where assigned values go: the pointers (and `_s` sizes) of a `va_list`.
pub trait Args {
    fn ptr(&mut self) -> *mut u8;
    fn size(&mut self) -> u32;
}

/// Arguments from a Windows `va_list`.
pub struct VaArgs(pub dllcore::VaList);

impl Args for VaArgs {
    fn ptr(&mut self) -> *mut u8 {
        // SAFETY: the format asks for this argument; the program passed it.
        unsafe { self.0.next_u64() as *mut u8 }
    }
    fn size(&mut self) -> u32 {
        // SAFETY: as above.
        unsafe { self.0.next_u64() as u32 }
    }
}

/// The options of one scan.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// A wide function (`%s` is wide by default).
    pub wide: bool,
    /// An `_s` function (sizes follow string pointers).
    pub secure: bool,
    pub flavor: Flavor,
}

pub const EOF: i32 = -1;

fn is_space(c: u32, wide: bool) -> bool {
    if wide && c >= 0x80 {
        return c <= 0xffff && crate::wctype::wclasses(c as u16) & crate::ctype::SPACE != 0;
    }
    matches!(c, 0x20 | 0x09..=0x0d)
}

fn digit(c: u32, base: u32) -> Option<u32> {
    let d = match c {
        0x30..=0x39 => c - 0x30,
        0x41..=0x5a => c - 0x41 + 10,
        0x61..=0x7a => c - 0x61 + 10,
        _ => return None,
    };
    (d < base).then_some(d)
}

/// The scan: reads `input` by `fmt`, stores through `args`; the count of assignments or EOF.
pub fn scan<T: Digit>(input: &mut dyn Input, fmt: &[T], args: &mut dyn Args, o: Options) -> i32 {
    let mut s = Scanner {
        input,
        consumed: 0,
        wide: o.wide,
    };
    if fmt.is_empty() {
        return 0;
    }
    let mut nch = s.get();
    if nch.is_none() {
        return EOF;
    }
    let f = |i: usize| fmt.get(i).map_or(0, |c| c.code());
    let mut rd = 0;
    let mut i = 0;
    while i < fmt.len() {
        let fc = f(i);
        if is_space(fc, o.wide) {
            nch = s.skip_space(nch);
        } else if fc == b'%' as u32 {
            i += 1;
            let suppress = f(i) == b'*' as u32;
            if suppress {
                i += 1;
            }
            let mut width: i64 = 0;
            let (mut h, mut l, mut ll, mut big_l, mut w) = (0, false, false, false, false);
            loop {
                while let Some(d) = digit(f(i), 10) {
                    width = width * 10 + d as i64;
                    i += 1;
                }
                match f(i) {
                    0x68 => h += 1, // h
                    0x6c => {
                        // l, ll
                        if f(i + 1) == b'l' as u32 {
                            ll = true;
                            i += 1;
                        }
                        l = true;
                    }
                    0x77 => w = true,     // w
                    0x4c => big_l = true, // L
                    0x49 => {
                        // I64, I32, I
                        if f(i + 1) == b'6' as u32 && f(i + 2) == b'4' as u32 {
                            ll = true;
                            i += 2;
                        } else if f(i + 1) == b'3' as u32 && f(i + 2) == b'2' as u32 {
                            i += 2;
                        } else {
                            ll = true;
                        }
                    }
                    0x7a => ll = true, // z
                    _ => break,
                }
                i += 1;
            }
            let width = if width == 0 { -1 } else { width };
            let spec = Spec {
                suppress,
                width,
                h,
                l,
                ll,
                big_l,
                w,
            };
            if i >= fmt.len() {
                break;
            }
            match s.convert(&mut nch, fmt, &mut i, spec, args, o) {
                Step::Assigned => rd += 1,
                Step::NoAssign => {}
                Step::Stop => break,
                Step::EofOrStop if rd == 0 => return EOF,
                Step::EofOrStop => break,
                Step::Abort => return rd,
            }
        } else {
            // A literal character must match.
            if nch == Some(fc) {
                nch = s.get();
            } else {
                break;
            }
        }
        i += 1;
    }
    if let Some(c) = nch {
        s.unget(c);
    }
    rd
}

#[derive(Clone, Copy, Debug)]
struct Spec {
    suppress: bool,
    /// -1: no width.
    width: i64,
    h: u32,
    l: bool,
    ll: bool,
    big_l: bool,
    w: bool,
}

enum Step {
    /// A value was stored.
    Assigned,
    /// The directive matched without storing (suppressed, `%n`, a literal).
    NoAssign,
    /// A matching failure: stop, returning the count.
    Stop,
    /// The input ended: EOF if nothing was stored yet, else stop.
    EofOrStop,
    /// A secure buffer was too small: return the count at once.
    Abort,
}

/// The result of a directive that read `st` characters.
fn outcome(st: usize, suppress: bool) -> Step {
    if st == 0 {
        Step::Stop
    } else if suppress {
        Step::NoAssign
    } else {
        Step::Assigned
    }
}

struct Scanner<'a> {
    input: &'a mut dyn Input,
    consumed: i64,
    wide: bool,
}

/// Store an integer of `bytes` bytes (truncating).
unsafe fn store_int(p: *mut u8, v: u64, bytes: usize) {
    unsafe {
        match bytes {
            1 => p.write(v as u8),
            2 => (p as *mut u16).write_unaligned(v as u16),
            4 => (p as *mut u32).write_unaligned(v as u32),
            _ => (p as *mut u64).write_unaligned(v),
        }
    }
}

/// Store one character into a narrow or wide string.
unsafe fn store_char(p: *mut u8, k: usize, c: u32, wide: bool) {
    unsafe {
        if wide {
            (p as *mut u16).add(k).write_unaligned(c as u16);
        } else {
            p.add(k).write(c as u8);
        }
    }
}

impl Scanner<'_> {
    fn get(&mut self) -> Option<u32> {
        self.consumed += 1;
        self.input.get()
    }

    fn unget(&mut self, c: u32) {
        self.consumed -= 1;
        self.input.unget(c);
    }

    fn skip_space(&mut self, mut nch: Option<u32>) -> Option<u32> {
        while let Some(c) = nch {
            if !is_space(c, self.wide) {
                break;
            }
            nch = self.get();
        }
        nch
    }

    fn convert<T: Digit>(
        &mut self,
        nch: &mut Option<u32>,
        fmt: &[T],
        i: &mut usize,
        sp: Spec,
        args: &mut dyn Args,
        o: Options,
    ) -> Step {
        let conv = fmt[*i].code();
        let done = |st: bool, suppress: bool| {
            if st && !suppress {
                Step::Assigned
            } else if st {
                Step::NoAssign
            } else {
                Step::Stop
            }
        };
        match conv {
            // p P x X o u d i
            0x70 | 0x50 | 0x78 | 0x58 | 0x6f | 0x75 | 0x64 | 0x69 => {
                let st = self.integer(nch, conv, sp, args, o);
                done(st, sp.suppress)
            }
            // e E f g G
            0x65 | 0x45 | 0x66 | 0x67 | 0x47 => match self.float(nch, sp, args, o) {
                Ok(st) => done(st, sp.suppress),
                Err(()) => Step::EofOrStop,
            },
            // s S c C
            0x73 | 0x53 | 0x63 | 0x43 => {
                let upper = conv == 0x53 || conv == 0x43;
                let wide = if sp.w || sp.l {
                    true
                } else if sp.h > 0 {
                    false
                } else {
                    o.wide != upper
                };
                if conv == 0x73 || conv == 0x53 {
                    self.string(nch, sp, wide, args, o)
                } else {
                    self.chars(nch, sp, wide, args, o)
                }
            }
            0x6e => {
                // n
                if !sp.suppress {
                    // SAFETY: the program's int*.
                    unsafe { store_int(args.ptr(), (self.consumed - 1) as u64, 4) };
                }
                Step::NoAssign
            }
            0x5b => self.set(nch, fmt, i, sp, args, o),
            c => {
                // Unknown: the character itself must match (after white space).
                *nch = self.skip_space(*nch);
                if *nch == Some(c) {
                    *nch = self.get();
                    Step::NoAssign
                } else {
                    Step::Stop
                }
            }
        }
    }

    fn integer(
        &mut self,
        nch: &mut Option<u32>,
        conv: u32,
        sp: Spec,
        args: &mut dyn Args,
        o: Options,
    ) -> bool {
        let pointer = conv == 0x70 || conv == 0x50;
        let mut base = match conv {
            0x78 | 0x58 | 0x70 | 0x50 => 16,
            0x6f => 8,
            0x69 => 0,
            _ => 10,
        };
        let mut width = sp.width;
        let step = |s: &mut Self, nch: &mut Option<u32>, width: &mut i64| {
            *nch = s.get();
            if *width > 0 {
                *width -= 1;
            }
        };
        *nch = self.skip_space(*nch);
        let mut negative = false;
        if *nch == Some(b'-' as u32) || *nch == Some(b'+' as u32) {
            negative = *nch == Some(b'-' as u32);
            step(self, nch, &mut width);
        }
        let mut seen = false;
        if width != 0 && *nch == Some(b'0' as u32) && !pointer {
            step(self, nch, &mut width);
            seen = true;
            if width != 0 && (*nch == Some(b'x' as u32) || *nch == Some(b'X' as u32)) {
                if base == 0 {
                    base = 16;
                }
                if base == 16 {
                    step(self, nch, &mut width);
                    seen = false;
                }
            } else if base == 0 {
                base = 8;
            }
        }
        if base == 0 {
            base = 10;
        }
        let mut cur: u64 = 0;
        while width != 0 {
            let Some(d) = nch.and_then(|c| digit(c, base)) else {
                break;
            };
            cur = cur.wrapping_mul(base as u64).wrapping_add(d as u64);
            step(self, nch, &mut width);
            seen = true;
        }
        if !seen {
            return false;
        }
        if !sp.suppress {
            let v = if negative { cur.wrapping_neg() } else { cur };
            let bytes = if sp.ll || pointer {
                8
            } else if sp.l {
                4
            } else if sp.h == 1 {
                2
            } else if sp.h == 2 && o.flavor == Flavor::Ucrt {
                1
            } else {
                4
            };
            // SAFETY: the program's pointer of that size.
            unsafe { store_int(args.ptr(), v, bytes) };
        }
        true
    }

    /// A float; Ok(assigned?) or Err(()) when the scan must return EOF.
    fn float(
        &mut self,
        nch: &mut Option<u32>,
        sp: Spec,
        args: &mut dyn Args,
        o: Options,
    ) -> Result<bool, ()> {
        *nch = self.skip_space(*nch);
        let Some(first) = *nch else { return Ok(false) };
        let mut r = FloatReader {
            s: &mut *self,
            left: sp.width,
            pending: Some(first),
            cur: None,
            read: 0,
            err: false,
            limited: false,
            text: String::new(),
        };
        r.parse(o.flavor == Flavor::Ucrt);
        let (err, read, cur, limited, text) = (r.err, r.read, r.cur, r.limited, r.text);
        // The reader counts what it takes, the first character (read before) included.
        self.consumed += read;
        if err {
            return Err(());
        }
        if read == 0 {
            return Ok(false);
        }
        // The character after the number; if the width ended the number, read it now.
        *nch = if limited && cur.is_none() {
            self.get()
        } else {
            cur
        };
        if !sp.suppress {
            let p = crate::strtod::parse(
                text.as_bytes(),
                crate::strtod::Target::F64,
                crate::strtod::Flavor::Ucrt,
            );
            let v = if text.is_empty() || p.used == 0 {
                0.0
            } else {
                p.value
            };
            // SAFETY: the program's float* or double*.
            unsafe {
                if sp.l || sp.big_l {
                    (args.ptr() as *mut f64).write_unaligned(v);
                } else {
                    (args.ptr() as *mut f32).write_unaligned(v as f32);
                }
            }
        }
        Ok(true)
    }

    fn string(
        &mut self,
        nch: &mut Option<u32>,
        sp: Spec,
        wide: bool,
        args: &mut dyn Args,
        o: Options,
    ) -> Step {
        let p = if sp.suppress {
            std::ptr::null_mut()
        } else {
            args.ptr()
        };
        let mut size = if sp.suppress || !o.secure {
            u32::MAX
        } else {
            args.size()
        };
        let mut width = sp.width;
        *nch = self.skip_space(*nch);
        let mut st = 0usize;
        while width != 0 {
            let Some(c) = *nch else { break };
            if is_space(c, self.wide) {
                break;
            }
            if !sp.suppress {
                // SAFETY: the program's buffer (its size is the program's promise).
                unsafe { store_char(p, st, c, wide) };
                if size > 1 {
                    size -= 1;
                } else {
                    unsafe { store_char(p, 0, 0, wide) };
                    return Step::Abort;
                }
            }
            st += 1;
            *nch = self.get();
            if width > 0 {
                width -= 1;
            }
        }
        // msvcrt.dll keeps this rule for narrow strings only.
        if nch.is_none() && st == 0 && (!wide || o.flavor == Flavor::Ucrt) {
            return Step::EofOrStop;
        }
        if st > 0 && !sp.suppress {
            unsafe { store_char(p, st, 0, wide) };
        }
        outcome(st, sp.suppress)
    }

    fn chars(
        &mut self,
        nch: &mut Option<u32>,
        sp: Spec,
        wide: bool,
        args: &mut dyn Args,
        o: Options,
    ) -> Step {
        let p = if sp.suppress {
            std::ptr::null_mut()
        } else {
            args.ptr()
        };
        let mut size = if sp.suppress || !o.secure {
            u32::MAX
        } else {
            args.size()
        };
        let mut width = if sp.width == -1 { 1 } else { sp.width };
        let mut n = 0usize;
        while width > 0 {
            let Some(c) = *nch else { break };
            if !sp.suppress {
                if size == 0 {
                    // SAFETY: the program's buffer.
                    unsafe { store_char(p, 0, 0, wide) };
                    return Step::Abort;
                }
                size -= 1;
                unsafe { store_char(p, n, c, wide) };
            }
            n += 1;
            width -= 1;
            *nch = self.get();
        }
        outcome(n, sp.suppress)
    }

    fn set<T: Digit>(
        &mut self,
        nch: &mut Option<u32>,
        fmt: &[T],
        i: &mut usize,
        sp: Spec,
        args: &mut dyn Args,
        o: Options,
    ) -> Step {
        let wide = if sp.w || sp.l {
            true
        } else if sp.h > 0 {
            false
        } else {
            o.wide
        };
        let p = if sp.suppress {
            std::ptr::null_mut()
        } else {
            args.ptr()
        };
        let mut size = if sp.suppress || !o.secure {
            u32::MAX
        } else {
            args.size()
        };
        let f = |k: usize| fmt.get(k).map_or(0, |c| c.code());
        *i += 1;
        let invert = f(*i) == b'^' as u32;
        if invert {
            *i += 1;
        }
        let mut members: Vec<(u32, u32)> = Vec::new();
        if f(*i) == b']' as u32 {
            members.push((0x5d, 0x5d));
            *i += 1;
        }
        while *i < fmt.len() && f(*i) != b']' as u32 {
            let a = f(*i);
            if f(*i + 1) == b'-' as u32 && *i + 2 < fmt.len() && f(*i + 2) != b']' as u32 {
                let b = f(*i + 2);
                members.push((a.min(b), a.max(b)));
                *i += 2;
            } else {
                members.push((a, a));
            }
            *i += 1;
        }
        let in_set = |c: u32| members.iter().any(|&(a, b)| (a..=b).contains(&c)) != invert;
        let mut width = sp.width;
        let mut n = 0usize;
        while width != 0 {
            let Some(c) = *nch else { break };
            if !in_set(c) {
                break;
            }
            if !sp.suppress {
                // SAFETY: the program's buffer.
                unsafe { store_char(p, n, c, wide) };
            }
            n += 1;
            *nch = self.get();
            if width > 0 {
                width -= 1;
            }
            if size > 1 {
                size -= 1;
            } else {
                unsafe { store_char(p, 0, 0, wide) };
                return Step::Abort;
            }
        }
        if !sp.suppress {
            // Terminated even when nothing matched.
            unsafe { store_char(p, n, 0, wide) };
        }
        outcome(n, sp.suppress)
    }
}

/// Reads a float's text with one character of push-back (as msvcrt's reader does).
struct FloatReader<'a, 'b> {
    s: &'a mut Scanner<'b>,
    /// Characters the width still allows (-1: no limit).
    left: i64,
    /// A character given back, returned by the next `get`.
    pending: Option<u32>,
    /// The last character returned (None: the end).
    cur: Option<u32>,
    /// Characters taken, minus those given back.
    read: i64,
    err: bool,
    /// The width ended the text (the next character was not read).
    limited: bool,
    /// What was taken, for the conversion ('d' exponents as 'e').
    text: String,
}

impl FloatReader<'_, '_> {
    fn get(&mut self) -> Option<u32> {
        self.cur = None;
        if self.left == 0 {
            self.limited = true;
            return None;
        }
        self.limited = false;
        let c = match self.pending.take() {
            Some(c) => c,
            None => self.s.input.get()?,
        };
        self.cur = Some(c);
        if self.left > 0 {
            self.left -= 1;
        }
        self.read += 1;
        let ch = char::from_u32(c).unwrap_or('\u{fffd}');
        self.text
            .push(if ch == 'd' || ch == 'D' { 'e' } else { ch });
        Some(c)
    }

    fn unget(&mut self) {
        if self.left >= 0 {
            self.left += 1;
        }
        self.read -= 1;
        self.text.pop();
        if self.pending.is_some() || self.cur.is_none() {
            self.err = true;
            return;
        }
        self.pending = self.cur;
    }

    fn is(c: Option<u32>, a: u8) -> bool {
        c == Some(a as u32)
    }

    fn is_digit(c: Option<u32>) -> bool {
        c.is_some_and(|c| (0x30..=0x39).contains(&c))
    }

    fn parse(&mut self, ucrt: bool) {
        let mut c = self.get();
        let mut found_sign = false;
        if Self::is(c, b'-') || Self::is(c, b'+') {
            found_sign = true;
            c = self.get();
        }
        if ucrt {
            let lower = c.map(|x| {
                if (0x41..=0x5a).contains(&x) {
                    x + 32
                } else {
                    x
                }
            });
            let word: Option<&[u8]> = match lower {
                Some(0x69) => Some(b"infinity"),
                Some(0x6e) => Some(b"nan"),
                _ => None,
            };
            if let Some(word) = word {
                let mut matched = 0;
                while let Some(x) = c {
                    let x = if (0x41..=0x5a).contains(&x) {
                        x + 32
                    } else {
                        x
                    };
                    if matched >= word.len() || x != word[matched] as u32 {
                        break;
                    }
                    c = self.get();
                    matched += 1;
                }
                let keep = if matched >= 8 {
                    8
                } else if matched >= 3 {
                    3
                } else {
                    0
                };
                if c.is_some() {
                    self.unget();
                }
                while matched > keep {
                    self.unget();
                    matched -= 1;
                }
                if keep == 0 && found_sign {
                    self.unget();
                }
                return;
            }
            if Self::is(c, b'0') {
                c = self.get();
                if Self::is(c, b'x') || Self::is(c, b'X') {
                    self.parse_hex();
                    return;
                }
                self.parse_decimal(c, true, found_sign);
                return;
            }
        }
        self.parse_decimal(c, false, found_sign);
    }

    fn parse_decimal(&mut self, mut c: Option<u32>, mut found_digit: bool, found_sign: bool) {
        while Self::is_digit(c) {
            found_digit = true;
            c = self.get();
        }
        let mut found_dp = false;
        if Self::is(c, b'.') {
            found_dp = true;
            c = self.get();
        }
        while Self::is_digit(c) {
            found_digit = true;
            c = self.get();
        }
        if !found_digit {
            if c.is_some() {
                self.unget();
            }
            if found_dp {
                self.unget();
            }
            if found_sign {
                self.unget();
            }
            return;
        }
        if c.is_some_and(|x| matches!(x, 0x65 | 0x45 | 0x64 | 0x44)) {
            self.exponent();
        } else if c.is_some() {
            self.unget();
        }
    }

    /// After an exponent letter: sign and digits, or give back what is not an exponent.
    fn exponent(&mut self) {
        let mut c = self.get();
        let mut found_sign = false;
        if Self::is(c, b'-') || Self::is(c, b'+') {
            found_sign = true;
            c = self.get();
        }
        if Self::is_digit(c) {
            while Self::is_digit(c) {
                c = self.get();
            }
            if c.is_some() {
                self.unget();
            }
        } else {
            if c.is_some() {
                self.unget();
            }
            if found_sign {
                self.unget();
            }
            self.unget();
        }
    }

    fn parse_hex(&mut self) {
        let hex = |c: Option<u32>| c.is_some_and(|x| digit(x, 16).is_some());
        let mut c = self.get();
        let mut found_digit = false;
        while hex(c) {
            found_digit = true;
            c = self.get();
        }
        let mut found_dp = false;
        if Self::is(c, b'.') {
            found_dp = true;
            c = self.get();
        } else if !found_digit {
            if c.is_some() {
                self.unget();
            }
            self.unget();
            return;
        }
        while hex(c) {
            found_digit = true;
            c = self.get();
        }
        if !found_digit {
            if c.is_some() {
                self.unget();
            }
            if found_dp {
                self.unget();
            }
            self.unget();
            return;
        }
        if Self::is(c, b'p') || Self::is(c, b'P') {
            let mut c = self.get();
            let mut found_sign = false;
            if Self::is(c, b'-') || Self::is(c, b'+') {
                found_sign = true;
                c = self.get();
            }
            if Self::is_digit(c) {
                while Self::is_digit(c) {
                    c = self.get();
                }
                if c.is_some() {
                    self.unget();
                }
            } else {
                if c.is_some() {
                    self.unget();
                }
                if found_sign {
                    self.unget();
                }
                self.unget();
            }
        } else if c.is_some() {
            self.unget();
        }
    }
}

#[cfg(test)]
mod tests;
