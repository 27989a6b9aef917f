//! stdlib.h and signal.h odds and ends: signals, rand, abs, number parsing, getenv, qsort.

use crate::errno::{EINVAL, ERANGE, set_errno};
use crate::{MSVCRT, UCRT};
use dllcore::export;
use std::cell::Cell;
use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};

// ---- signals -------------------------------------------------------------------------------

pub const SIGINT: i32 = 2;
pub const SIGILL: i32 = 4;
pub const SIGABRT_COMPAT: i32 = 6;
pub const SIGFPE: i32 = 8;
pub const SIGSEGV: i32 = 11;
pub const SIGTERM: i32 = 15;
pub const SIGBREAK: i32 = 21;
pub const SIGABRT: i32 = 22;

pub const SIG_DFL: usize = 0;
pub const SIG_IGN: usize = 1;
pub const SIG_ERR: usize = usize::MAX;
/// `_FPE_EXPLICITGEN`: the sub-code of a raised SIGFPE.
const FPE_EXPLICITGEN: i32 = 0x8c;

/// The handlers of SIGINT, SIGILL, SIGFPE, SIGSEGV, SIGTERM, SIGBREAK, SIGABRT.
static HANDLERS: [AtomicUsize; 7] = [const { AtomicUsize::new(SIG_DFL) }; 7];

fn handler_slot(sig: i32) -> Option<&'static AtomicUsize> {
    let i = match sig {
        SIGINT => 0,
        SIGILL => 1,
        SIGFPE => 2,
        SIGSEGV => 3,
        SIGTERM => 4,
        SIGBREAK => 5,
        SIGABRT | SIGABRT_COMPAT => 6,
        _ => return None,
    };
    Some(&HANDLERS[i])
}

/// The handler the program set for `sig` (SIG_DFL when none).
pub fn signal_handler(sig: i32) -> usize {
    handler_slot(sig).map_or(SIG_DFL, |s| s.load(Ordering::Acquire))
}

/// signal: install a handler; returns the previous one (SIG_ERR and EINVAL for an unknown
/// signal). Handlers are called by `raise` (and by the exception dispatcher, later).
#[export]
pub extern "win64" fn signal(sig: i32, handler: usize) -> usize {
    match handler_slot(sig) {
        Some(s) if handler != SIG_ERR => s.swap(handler, Ordering::AcqRel),
        _ => {
            set_errno(EINVAL);
            SIG_ERR
        }
    }
}

/// Deliver `sig` in-process: SIG_DFL ends the process with code 3, SIG_IGN does nothing, a
/// handler is reset to SIG_DFL and called. Returns -1 for an unknown signal.
pub fn raise_signal(sig: i32) -> i32 {
    let Some(s) = handler_slot(sig) else {
        return -1;
    };
    match s.swap(SIG_DFL, Ordering::AcqRel) {
        SIG_DFL => dllcore::process::exit_process(3),
        SIG_IGN => {
            s.store(SIG_IGN, Ordering::Release);
        }
        h if sig == SIGFPE => {
            // SAFETY: the program's handler, void (*)(int, int) for SIGFPE.
            let f: unsafe extern "win64" fn(i32, i32) = unsafe { std::mem::transmute(h) };
            unsafe { f(sig, FPE_EXPLICITGEN) }
        }
        h => {
            // SAFETY: the program's handler, void (*)(int).
            let f: unsafe extern "win64" fn(i32) = unsafe { std::mem::transmute(h) };
            unsafe { f(sig) }
        }
    }
    0
}

/// raise.
#[export]
pub extern "win64" fn raise(sig: i32) -> i32 {
    raise_signal(sig)
}

// ---- process -------------------------------------------------------------------------------

/// _getpid.
#[export]
pub extern "win64" fn _getpid() -> i32 {
    // SAFETY: getpid has no preconditions.
    unsafe { libc::getpid() }
}

// ---- rand ----------------------------------------------------------------------------------

thread_local! {
    static SEED: Cell<u32> = const { Cell::new(1) };
}

/// rand: msvcrt's per-thread LCG (seed * 214013 + 2531011), bits 16..30.
#[export]
pub extern "win64" fn rand() -> i32 {
    SEED.with(|s| {
        let v = s.get().wrapping_mul(214013).wrapping_add(2531011);
        s.set(v);
        ((v >> 16) & 0x7fff) as i32
    })
}

/// srand.
#[export]
pub extern "win64" fn srand(seed: u32) {
    SEED.with(|s| s.set(seed));
}

// ---- abs -----------------------------------------------------------------------------------

/// abs.
#[export]
pub extern "win64" fn abs(v: i32) -> i32 {
    v.wrapping_abs()
}

/// labs (long is 32-bit on Windows).
#[export]
pub extern "win64" fn labs(v: i32) -> i32 {
    v.wrapping_abs()
}

/// llabs.
#[export]
pub extern "win64" fn llabs(v: i64) -> i64 {
    v.wrapping_abs()
}

/// _abs64.
#[export]
pub extern "win64" fn _abs64(v: i64) -> i64 {
    v.wrapping_abs()
}

// ---- number parsing ------------------------------------------------------------------------

#[inline]
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Parsed integer text: the magnitude (saturated at u64::MAX), its sign, and where it ended.
struct Parsed {
    value: u64,
    negative: bool,
    overflow: bool,
    /// Bytes consumed; 0 when there were no digits (then the end pointer is the start).
    used: usize,
}

/// The digits of `s` by the CRT's strtol rules: spaces, sign, `0x` for base 16 or 0, octal
/// for a leading 0 in base 0.
fn parse_int(s: &[u8], base: i32) -> Option<Parsed> {
    if base != 0 && !(2..=36).contains(&base) {
        return None;
    }
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut negative = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        negative = s[i] == b'-';
        i += 1;
    }
    let mut base = base as u64;
    let hex_prefix = i + 1 < s.len() && s[i] == b'0' && (s[i + 1] | 0x20) == b'x';
    if base == 0 {
        base = if hex_prefix {
            16
        } else if i < s.len() && s[i] == b'0' {
            8
        } else {
            10
        };
    }
    if base == 16 && hex_prefix {
        i += 2;
    }
    let (mut value, mut overflow, mut any) = (0u64, false, false);
    while i < s.len() {
        let d = match s[i] {
            c @ b'0'..=b'9' => (c - b'0') as u64,
            c @ (b'a'..=b'z' | b'A'..=b'Z') => ((c | 0x20) - b'a') as u64 + 10,
            _ => break,
        };
        if d >= base {
            break;
        }
        any = true;
        match value.checked_mul(base).and_then(|v| v.checked_add(d)) {
            Some(v) => value = v,
            None => {
                overflow = true;
                value = u64::MAX;
            }
        }
        i += 1;
    }
    Some(Parsed {
        value,
        negative,
        overflow,
        used: if any { i } else { 0 },
    })
}

/// strtol-family work: parse, clamp to [min, max] of a signed type of `bits` bits (or the
/// unsigned range), set errno on overflow, store the end pointer.
unsafe fn strto(s: *const u8, end: *mut *mut u8, base: i32, bits: u32, signed: bool) -> u64 {
    let text = unsafe { dllcore::strings::cstr(s) }.unwrap_or(&[]);
    let Some(p) = parse_int(text, base) else {
        set_errno(EINVAL);
        if !end.is_null() {
            unsafe { *end = s as *mut u8 };
        }
        return 0;
    };
    if !end.is_null() {
        unsafe { *end = s.add(p.used) as *mut u8 };
    }
    let umax = if bits == 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    };
    if signed {
        let max = umax >> 1;
        let limit = if p.negative { max + 1 } else { max };
        if p.overflow || p.value > limit {
            set_errno(ERANGE);
            return if p.negative {
                (max + 1).wrapping_neg()
            } else {
                max
            };
        }
        if p.negative {
            p.value.wrapping_neg()
        } else {
            p.value
        }
    } else {
        if p.overflow || p.value > umax {
            set_errno(ERANGE);
            return umax;
        }
        let v = if p.negative {
            p.value.wrapping_neg()
        } else {
            p.value
        };
        v & umax
    }
}

/// strtol (32-bit long).
#[export]
pub unsafe extern "win64" fn strtol(s: *const u8, end: *mut *mut u8, base: i32) -> i32 {
    unsafe { strto(s, end, base, 32, true) as i32 }
}

/// strtoul (32-bit unsigned long; "-1" gives 0xffffffff).
#[export]
pub unsafe extern "win64" fn strtoul(s: *const u8, end: *mut *mut u8, base: i32) -> u32 {
    unsafe { strto(s, end, base, 32, false) as u32 }
}

/// _strtoi64.
#[export]
pub unsafe extern "win64" fn _strtoi64(s: *const u8, end: *mut *mut u8, base: i32) -> i64 {
    unsafe { strto(s, end, base, 64, true) as i64 }
}

/// _strtoui64.
#[export]
pub unsafe extern "win64" fn _strtoui64(s: *const u8, end: *mut *mut u8, base: i32) -> u64 {
    unsafe { strto(s, end, base, 64, false) }
}

/// strtoll.
#[export]
pub unsafe extern "win64" fn strtoll(s: *const u8, end: *mut *mut u8, base: i32) -> i64 {
    unsafe { strto(s, end, base, 64, true) as i64 }
}

/// strtoull.
#[export]
pub unsafe extern "win64" fn strtoull(s: *const u8, end: *mut *mut u8, base: i32) -> u64 {
    unsafe { strto(s, end, base, 64, false) }
}

/// msvcrt's atoi: decimal digits with wrapping arithmetic (no overflow check).
fn atoi_wrapping(s: &[u8]) -> i64 {
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut neg = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        neg = s[i] == b'-';
        i += 1;
    }
    let mut v: i64 = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        v = v.wrapping_mul(10).wrapping_add((s[i] - b'0') as i64);
        i += 1;
    }
    if neg { v.wrapping_neg() } else { v }
}

/// atoi (msvcrt): wraps on overflow ("2147483648" gives -2147483648).
#[export(name = "atoi", only = MSVCRT)]
pub unsafe extern "win64" fn atoi_msvcrt(s: *const u8) -> i32 {
    atoi_wrapping(unsafe { dllcore::strings::cstr(s) }.unwrap_or(&[])) as i32
}

/// atol (msvcrt): as atoi.
#[export(name = "atol", only = MSVCRT)]
pub unsafe extern "win64" fn atol_msvcrt(s: *const u8) -> i32 {
    atoi_wrapping(unsafe { dllcore::strings::cstr(s) }.unwrap_or(&[])) as i32
}

/// _atoi64 (msvcrt): wraps on overflow.
#[export(name = "_atoi64", only = MSVCRT)]
pub unsafe extern "win64" fn _atoi64_msvcrt(s: *const u8) -> i64 {
    atoi_wrapping(unsafe { dllcore::strings::cstr(s) }.unwrap_or(&[]))
}

/// atoi (UCRT): strtol, so it clamps (and sets ERANGE).
#[export(name = "atoi", only = UCRT)]
pub unsafe extern "win64" fn atoi_ucrt(s: *const u8) -> i32 {
    unsafe { strto(s, std::ptr::null_mut(), 10, 32, true) as i32 }
}

/// atol (UCRT).
#[export(name = "atol", only = UCRT)]
pub unsafe extern "win64" fn atol_ucrt(s: *const u8) -> i32 {
    unsafe { strto(s, std::ptr::null_mut(), 10, 32, true) as i32 }
}

/// atoll (UCRT).
#[export(only = UCRT)]
pub unsafe extern "win64" fn atoll(s: *const u8) -> i64 {
    unsafe { strto(s, std::ptr::null_mut(), 10, 64, true) as i64 }
}

/// _atoi64 (UCRT).
#[export(name = "_atoi64", only = UCRT)]
pub unsafe extern "win64" fn _atoi64_ucrt(s: *const u8) -> i64 {
    unsafe { strto(s, std::ptr::null_mut(), 10, 64, true) as i64 }
}

// ---- environment ---------------------------------------------------------------------------

/// Find `name` (case-insensitively, as Windows compares names) in a NULL-terminated
/// `NAME=VALUE` array; returns a pointer to the value.
unsafe fn find_env<T: Copy + Into<u32>>(env: *mut *mut T, name: &[T]) -> *mut T {
    if env.is_null() || name.is_empty() {
        return std::ptr::null_mut();
    }
    let up = |c: u32| {
        if (b'a' as u32..=b'z' as u32).contains(&c) {
            c - 32
        } else {
            c
        }
    };
    let mut p = env;
    unsafe {
        while !(*p).is_null() {
            let e = *p;
            let mut i = 0;
            while i < name.len() {
                let c: u32 = (*e.add(i)).into();
                if c == 0 || up(c) != up(name[i].into()) {
                    break;
                }
                i += 1;
            }
            if i == name.len() && (*e.add(i)).into() == b'=' as u32 {
                return e.add(i + 1);
            }
            p = p.add(1);
        }
    }
    std::ptr::null_mut()
}

/// getenv: the value in the CRT's environment snapshot (stable for the process), or NULL.
#[export]
pub unsafe extern "win64" fn getenv(name: *const u8) -> *mut u8 {
    let Some(n) = (unsafe { dllcore::strings::cstr(name) }) else {
        return std::ptr::null_mut();
    };
    let env = crate::startup::environ_narrow();
    unsafe { find_env(env, n) }
}

/// _wgetenv.
#[export]
pub unsafe extern "win64" fn _wgetenv(name: *const u16) -> *mut u16 {
    let Some(n) = (unsafe { dllcore::strings::wstr(name) }) else {
        return std::ptr::null_mut();
    };
    crate::startup::init();
    unsafe { find_env(*crate::startup::__p__wenviron(), n) }
}

// ---- sorting -------------------------------------------------------------------------------

/// A qsort/bsearch comparator (a PE function).
pub type Compare = unsafe extern "win64" fn(*const c_void, *const c_void) -> i32;

/// Sort `n` elements of `width` bytes: a merge sort (stable, n log n comparisons, and no
/// assumption that the comparator is consistent).
unsafe fn merge_sort(
    base: *mut u8,
    n: usize,
    width: usize,
    cmp: &mut dyn FnMut(*const u8, *const u8) -> i32,
) {
    if n < 2 || width == 0 {
        return;
    }
    let total = n * width;
    let mut tmp = vec![0u8; total];
    // Insertion-sort runs of 8, then merge runs pairwise, ping-ponging between the buffers.
    const RUN: usize = 8;
    let mut swap = vec![0u8; width];
    unsafe {
        let mut start = 0;
        while start < n {
            let end = (start + RUN).min(n);
            for i in start + 1..end {
                let mut j = i;
                while j > start && cmp(base.add((j - 1) * width), base.add(j * width)) > 0 {
                    std::ptr::copy_nonoverlapping(base.add(j * width), swap.as_mut_ptr(), width);
                    std::ptr::copy_nonoverlapping(
                        base.add((j - 1) * width),
                        base.add(j * width),
                        width,
                    );
                    std::ptr::copy_nonoverlapping(swap.as_ptr(), base.add((j - 1) * width), width);
                    j -= 1;
                }
            }
            start = end;
        }
        let (mut src, mut dst) = (base, tmp.as_mut_ptr());
        let mut size = RUN;
        while size < n {
            let mut lo = 0;
            while lo < n {
                let mid = (lo + size).min(n);
                let hi = (lo + 2 * size).min(n);
                let (mut a, mut b, mut o) = (lo, mid, lo);
                while a < mid && b < hi {
                    let take_b = cmp(src.add(a * width), src.add(b * width)) > 0;
                    let from = if take_b { &mut b } else { &mut a };
                    std::ptr::copy_nonoverlapping(
                        src.add(*from * width),
                        dst.add(o * width),
                        width,
                    );
                    *from += 1;
                    o += 1;
                }
                std::ptr::copy_nonoverlapping(
                    src.add(a * width),
                    dst.add(o * width),
                    (mid - a) * width,
                );
                o += mid - a;
                std::ptr::copy_nonoverlapping(
                    src.add(b * width),
                    dst.add(o * width),
                    (hi - b) * width,
                );
                lo = hi;
            }
            std::mem::swap(&mut src, &mut dst);
            size *= 2;
        }
        if src != base {
            std::ptr::copy_nonoverlapping(src, base, total);
        }
    }
}

/// qsort: sort with the program's comparator.
#[export]
pub unsafe extern "win64" fn qsort(
    base: *mut c_void,
    n: usize,
    width: usize,
    cmp: Option<Compare>,
) {
    let Some(cmp) = cmp else {
        set_errno(EINVAL);
        return;
    };
    if base.is_null() && n != 0 {
        set_errno(EINVAL);
        return;
    }
    // SAFETY: the comparator is the program's; the elements are where it said.
    unsafe {
        merge_sort(base as *mut u8, n, width, &mut |a, b| {
            cmp(a as *const c_void, b as *const c_void)
        })
    }
}

/// qsort_s: with a context pointer passed first to the comparator.
#[export]
pub unsafe extern "win64" fn qsort_s(
    base: *mut c_void,
    n: usize,
    width: usize,
    cmp: Option<unsafe extern "win64" fn(*mut c_void, *const c_void, *const c_void) -> i32>,
    ctx: *mut c_void,
) {
    let Some(cmp) = cmp else {
        set_errno(EINVAL);
        return;
    };
    unsafe {
        merge_sort(base as *mut u8, n, width, &mut |a, b| {
            cmp(ctx, a as *const c_void, b as *const c_void)
        })
    }
}

/// bsearch: a binary search for `key` with the program's comparator.
#[export]
pub unsafe extern "win64" fn bsearch(
    key: *const c_void,
    base: *const c_void,
    n: usize,
    width: usize,
    cmp: Option<Compare>,
) -> *mut c_void {
    let Some(cmp) = cmp else {
        return std::ptr::null_mut();
    };
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let p = unsafe { (base as *const u8).add(mid * width) } as *const c_void;
        match unsafe { cmp(key, p) } {
            0 => return p as *mut c_void,
            r if r < 0 => hi = mid,
            _ => lo = mid + 1,
        }
    }
    std::ptr::null_mut()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<u8> {
        let mut v = s.as_bytes().to_vec();
        v.push(0);
        v
    }

    #[test]
    fn rand_is_msvcrt_lcg() {
        std::thread::spawn(|| {
            srand(1);
            assert_eq!([rand(), rand(), rand()], [41, 18467, 6334]);
        })
        .join()
        .unwrap();
        std::thread::spawn(|| assert_eq!(rand(), 41, "default seed 1, per thread"))
            .join()
            .unwrap();
    }

    #[test]
    fn atoi_flavours() {
        unsafe {
            assert_eq!(atoi_msvcrt(c("  -12abc").as_ptr()), -12);
            assert_eq!(atoi_msvcrt(c("2147483648").as_ptr()), -2147483648);
            assert_eq!(atoi_msvcrt(c("+7").as_ptr()), 7);
            assert_eq!(atol_msvcrt(c("99999999999").as_ptr()), 1215752191);
            assert_eq!(atoi_ucrt(c("2147483648").as_ptr()), 2147483647);
            assert_eq!(atol_ucrt(c("99999999999").as_ptr()), 2147483647);
            assert_eq!(atoi_ucrt(c("-99999999999").as_ptr()), -2147483648);
            assert_eq!(atoll(c(" 123456789012").as_ptr()), 123456789012);
        }
    }

    #[test]
    fn strtol_rules() {
        unsafe {
            let s = c("0x1fz");
            let mut end = std::ptr::null_mut();
            assert_eq!(strtol(s.as_ptr(), &mut end, 0), 31);
            assert_eq!(end as usize - s.as_ptr() as usize, 4);
            assert_eq!(strtol(c("0x10").as_ptr(), std::ptr::null_mut(), 16), 16);
            assert_eq!(strtol(c("010").as_ptr(), std::ptr::null_mut(), 0), 8);
            set_errno(0);
            assert_eq!(
                strtol(c("99999999999").as_ptr(), std::ptr::null_mut(), 10),
                i32::MAX
            );
            assert_eq!(crate::errno::errno(), ERANGE);
            assert_eq!(
                strtol(c("-2147483648").as_ptr(), std::ptr::null_mut(), 10),
                i32::MIN
            );
            set_errno(0);
            assert_eq!(
                strtoul(c("-1").as_ptr(), std::ptr::null_mut(), 10),
                u32::MAX
            );
            assert_eq!(crate::errno::errno(), 0);
            let s = c("  xyz");
            assert_eq!(strtol(s.as_ptr(), &mut end, 10), 0);
            assert_eq!(end as *const u8, s.as_ptr(), "no digits: end is the start");
            assert_eq!(
                _strtoi64(c("-9223372036854775809").as_ptr(), std::ptr::null_mut(), 10),
                i64::MIN
            );
            assert_eq!(
                _strtoui64(c("ffffffffffffffff").as_ptr(), std::ptr::null_mut(), 16),
                u64::MAX
            );
            assert_eq!(
                strtol(c("zz").as_ptr(), std::ptr::null_mut(), 36),
                35 * 36 + 35
            );
        }
    }

    #[test]
    fn signals() {
        assert_eq!(signal(SIGINT, SIG_IGN), SIG_DFL);
        assert_eq!(signal(SIGINT, SIG_DFL), SIG_IGN);
        assert_eq!(signal(99, SIG_IGN), SIG_ERR);
        assert_eq!(crate::errno::errno(), EINVAL);
        assert_eq!(raise(99), -1);
        signal(SIGTERM, SIG_IGN);
        assert_eq!(raise(SIGTERM), 0, "ignored");
        assert_eq!(signal_handler(SIGTERM), SIG_IGN, "SIG_IGN stays");
        static HIT: AtomicUsize = AtomicUsize::new(0);
        unsafe extern "win64" fn h(sig: i32) {
            HIT.store(sig as usize, Ordering::SeqCst);
        }
        signal(SIGBREAK, h as *const () as usize);
        assert_eq!(raise(SIGBREAK), 0);
        assert_eq!(HIT.load(Ordering::SeqCst), SIGBREAK as usize);
        assert_eq!(signal_handler(SIGBREAK), SIG_DFL, "reset before the call");
    }

    #[test]
    fn getenv_is_case_insensitive_and_stable() {
        crate::startup::init();
        let Some((k, v)) =
            std::env::vars().find(|(k, _)| k.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
        else {
            return;
        };
        let lower = c(&k.to_ascii_lowercase());
        let p1 = unsafe { getenv(c(&k).as_ptr()) };
        let p2 = unsafe { getenv(lower.as_ptr()) };
        assert!(!p1.is_null());
        assert_eq!(p1, p2);
        assert_eq!(unsafe { dllcore::strings::cstr_to_string(p1) }.unwrap(), v);
        assert!(unsafe { getenv(c("WINE_RS_SURELY_NOT_SET_42").as_ptr()) }.is_null());
        let w = dllcore::strings::to_wide_nul(&k.to_ascii_lowercase());
        let pw = unsafe { _wgetenv(w.as_ptr()) };
        assert_eq!(unsafe { dllcore::strings::wstr_to_string(pw) }.unwrap(), v);
    }

    unsafe extern "win64" fn cmp_i32(a: *const c_void, b: *const c_void) -> i32 {
        unsafe { (*(a as *const i32)).cmp(&*(b as *const i32)) as i32 }
    }

    #[test]
    fn qsort_and_bsearch() {
        let mut seed = 12345u32;
        for n in [0usize, 1, 2, 7, 8, 9, 16, 17, 100, 1000] {
            let mut v: Vec<i32> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
                    (seed >> 16) as i32 % 50
                })
                .collect();
            let mut want = v.clone();
            want.sort();
            unsafe { qsort(v.as_mut_ptr().cast(), n, 4, Some(cmp_i32)) };
            assert_eq!(v, want, "n = {n}");
            if n > 0 {
                let key = want[n / 2];
                let p = unsafe {
                    bsearch(
                        (&key as *const i32).cast(),
                        v.as_ptr().cast(),
                        n,
                        4,
                        Some(cmp_i32),
                    )
                };
                assert_eq!(unsafe { *(p as *const i32) }, key);
            }
            let missing = 1000;
            assert!(
                unsafe {
                    bsearch(
                        (&missing as *const i32).cast(),
                        v.as_ptr().cast(),
                        n,
                        4,
                        Some(cmp_i32),
                    )
                }
                .is_null()
            );
        }
    }

    #[test]
    fn qsort_is_stable_and_survives_bad_comparators() {
        unsafe extern "win64" fn by_key(a: *const c_void, b: *const c_void) -> i32 {
            unsafe { (*(a as *const (i32, i32))).0 - (*(b as *const (i32, i32))).0 }
        }
        let mut v: Vec<(i32, i32)> = (0..40).map(|i| (i % 3, i)).collect();
        unsafe { qsort(v.as_mut_ptr().cast(), v.len(), 8, Some(by_key)) };
        assert!(
            v.windows(2)
                .all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1))
        );
        unsafe extern "win64" fn liar(_: *const c_void, _: *const c_void) -> i32 {
            1
        }
        let mut v: Vec<i32> = (0..100).collect();
        unsafe { qsort(v.as_mut_ptr().cast(), 100, 4, Some(liar)) };
        let mut s = v.clone();
        s.sort();
        assert_eq!(s, (0..100).collect::<Vec<_>>(), "a permutation, no crash");
    }

    #[test]
    fn abs_family() {
        assert_eq!(abs(-5), 5);
        assert_eq!(abs(i32::MIN), i32::MIN);
        assert_eq!(labs(-7), 7);
        assert_eq!(llabs(-1 << 40), 1 << 40);
    }
}
