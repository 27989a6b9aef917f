//! Tests of the printf engine.
//!
//! The big tables at the end (NARROW, WIDE) are NOT hand-written: every
//! expected string is the actual output of Wine 8 for the same format and
//! arguments, msvcrt.dll and ucrtbase.dll, collected by running C programs
//! built with mingw-w64 under Wine (`oracle/gen.py` builds and runs them,
//! `oracle/emit.py` writes this file from `oracle/tests_head.rs` and
//! `oracle/cases.py`). The only hand-written expectations are the
//! *_DEVIATIONS tables (deliberate differences from Wine 8, each with Wine's
//! output in a comment) and the small tests below.

use super::*;

/// One argument of a test case.
#[derive(Clone, Copy, Debug)]
enum A {
    /// `int` (slot zero-extended, as the oracle's compiler passed it).
    I(i32),
    /// `long long`.
    L(i64),
    /// `double`, as bits.
    D(u64),
    /// Pointer to a NUL-terminated narrow string.
    S(&'static [u8]),
    /// Pointer to a NUL-terminated wide string.
    W(&'static str),
    /// NULL pointer.
    N,
    /// Pointer value.
    P(u64),
}
use A::*;

/// (flavor, format, arguments, expected output)
type NarrowRow = (Flavor, &'static [u8], &'static [A], &'static [u8]);
type WideRow = (Flavor, &'static str, &'static [A], &'static str);
/// (`_CRT_INTERNAL_PRINTF_*` bits, format, arguments, expected output)
type OptsNarrowRow = (u64, &'static [u8], &'static [A], &'static [u8]);
type OptsWideRow = (u64, &'static str, &'static [A], &'static str);

const M: Flavor = Flavor::Msvcrt;
const U: Flavor = Flavor::Ucrt;

/// Argument slots for `args`; the returned storage keeps strings alive.
fn slots(args: &[A]) -> (Vec<u64>, Vec<Vec<u8>>, Vec<Vec<u16>>) {
    let mut narrow: Vec<Vec<u8>> = Vec::new();
    let mut wide: Vec<Vec<u16>> = Vec::new();
    let mut v = Vec::new();
    for a in args {
        v.push(match *a {
            I(x) => x as u32 as u64,
            L(x) => x as u64,
            D(b) => b,
            S(s) => {
                let mut b = s.to_vec();
                b.push(0);
                narrow.push(b);
                narrow.last().unwrap().as_ptr() as u64
            }
            W(s) => {
                let mut b: Vec<u16> = s.encode_utf16().collect();
                b.push(0);
                wide.push(b);
                wide.last().unwrap().as_ptr() as u64
            }
            N => 0,
            P(p) => p,
        });
    }
    (v, narrow, wide)
}

fn run_narrow(opts: impl Into<Options>, fmt: &[u8], args: &[A]) -> Vec<u8> {
    let (v, _n, _w) = slots(args);
    let mut src = SliceArgs::new(v);
    let mut out = Vec::new();
    let _ = unsafe { format_narrow_into(&mut out, fmt, &mut src, opts) };
    out
}

fn run_wide(opts: impl Into<Options>, fmt: &str, args: &[A]) -> Vec<u16> {
    let (v, _n, _w) = slots(args);
    let f: Vec<u16> = fmt.encode_utf16().collect();
    let mut src = SliceArgs::new(v);
    let mut out = Vec::new();
    let _ = unsafe { format_wide_into(&mut out, &f, &mut src, opts) };
    out
}

fn check_narrow(table: &[NarrowRow]) -> usize {
    let mut bad = 0;
    for (flavor, fmt, args, exp) in table {
        let got = run_narrow(*flavor, fmt, args);
        if got != *exp {
            bad += 1;
            eprintln!(
                "{:?} {:?} {:?}\n   got {:?}\n  want {:?}",
                flavor,
                String::from_utf8_lossy(fmt),
                args,
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(exp)
            );
        }
    }
    bad
}

fn check_wide(table: &[WideRow]) -> usize {
    let mut bad = 0;
    for (flavor, fmt, args, exp) in table {
        let got = run_wide(*flavor, fmt, args);
        let want: Vec<u16> = exp.encode_utf16().collect();
        if got != want {
            bad += 1;
            eprintln!(
                "{:?} W{:?} {:?}\n   got {:?}\n  want {:?}",
                flavor,
                fmt,
                args,
                String::from_utf16_lossy(&got),
                exp
            );
        }
    }
    bad
}

#[test]
fn wine_table_narrow() {
    assert!(NARROW.len() > 400);
    assert_eq!(check_narrow(NARROW), 0);
}

#[test]
fn wine_table_wide() {
    assert_eq!(check_wide(WIDE), 0);
}

#[test]
fn wine_table_ucrt_options() {
    let mut bad = 0;
    for (bits, fmt, args, exp) in OPTS_NARROW {
        let got = run_narrow(Options::from_ucrt_bits(*bits), fmt, args);
        if got != *exp {
            bad += 1;
            eprintln!(
                "{bits:#x} {:?}\n   got {:?}\n  want {:?}",
                String::from_utf8_lossy(fmt),
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(exp)
            );
        }
    }
    for (bits, fmt, args, exp) in OPTS_WIDE {
        let got = run_wide(Options::from_ucrt_bits(*bits), fmt, args);
        if got != exp.encode_utf16().collect::<Vec<u16>>() {
            bad += 1;
            eprintln!(
                "{bits:#x} W{fmt:?}\n   got {:?}\n  want {exp:?}",
                String::from_utf16_lossy(&got)
            );
        }
    }
    assert_eq!(bad, 0);
}

#[test]
fn flavor_defaults() {
    assert_eq!(Options::from(M), Options::new(M));
    assert_eq!(
        Options::new(U),
        Options::from_ucrt_bits(UCRT_LEGACY_WIDE_SPECIFIERS)
    );
    let m = Options::new(M);
    assert!(
        m.legacy_msvcrt_compat
            && m.three_digit_exponents
            && m.legacy_wide_specifiers
            && !m.standard_rounding
    );
}

#[test]
fn deviations_from_wine() {
    assert_eq!(
        check_narrow(NARROW_DEVIATIONS) + check_wide(WIDE_DEVIATIONS),
        0
    );
}

/// xorshift64* over raw bit patterns.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

#[test]
fn round_trip_17g() {
    for flavor in [M, U] {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut n = 0;
        while n < 100_000 {
            let bits = rng.next();
            let x = f64::from_bits(bits);
            if !x.is_finite() {
                continue;
            }
            n += 1;
            let mut src = SliceArgs::new(vec![bits]);
            let out = unsafe { format_narrow(b"%.17g", &mut src, flavor) };
            let s = core::str::from_utf8(&out).unwrap();
            let back: f64 = s.parse().unwrap_or_else(|_| panic!("unparsable {s:?}"));
            assert_eq!(back.to_bits(), bits, "{flavor:?} {s} from {x:e}");
        }
    }
}

/// Ties away from zero must agree with an independent exact computation on
/// random short decimals (values that are exactly representable).
#[test]
fn ties_away_from_zero() {
    let mut rng = Rng(12345);
    for _ in 0..20_000 {
        let r = rng.next();
        // k/2^s for small s: exact binary fractions, many of them decimal ties.
        let s = (r % 12) as i32;
        let k = ((r >> 8) % 100_000) as f64;
        let x = k / 2f64.powi(s);
        for prec in 0..6usize {
            let mut src = SliceArgs::new(vec![x.to_bits()]);
            let fmt = format!("%.{prec}f");
            let got = unsafe { format_narrow(fmt.as_bytes(), &mut src, M) };
            // Exact: x * 10^prec is k * 10^prec / 2^s; round half up in integers.
            let num = (k as u128) * 10u128.pow(prec as u32) * 2;
            let den = 1u128 << s;
            let q = (num / den).div_ceil(2); // = floor(v + 1/2) with num/den = floor(2v)
            let ip = q / 10u128.pow(prec as u32);
            let fp = q % 10u128.pow(prec as u32);
            let want = if prec == 0 {
                format!("{ip}")
            } else {
                format!("{ip}.{fp:0prec$}")
            };
            assert_eq!(String::from_utf8(got).unwrap(), want, "{x} {fmt}");
        }
    }
}

/// With `_CRT_INTERNAL_PRINTF_STANDARD_ROUNDING` every path must agree with
/// Rust's exact, ties-to-even formatting.
#[test]
fn standard_rounding_is_ties_to_even() {
    let opts = Options::from_ucrt_bits(UCRT_LEGACY_WIDE_SPECIFIERS | UCRT_STANDARD_ROUNDING);
    let mut rng = Rng(777);
    for i in 0..30_000 {
        let r = rng.next();
        let x = if i % 2 == 0 {
            ((r >> 8) % 1_000_000) as f64 / 2f64.powi((r % 40) as i32)
        } else {
            f64::from_bits(r & 0x7fff_ffff_ffff_ffff)
        };
        if !x.is_finite() {
            continue;
        }
        let prec = (r >> 59) as usize + (r >> 40) as usize % 8;
        let mut src = SliceArgs::new(vec![x.to_bits(), x.to_bits()]);
        let mut out = Vec::new();
        let fmt = format!("%.{prec}f|%.{prec}e");
        unsafe { format_narrow_into(&mut out, fmt.as_bytes(), &mut src, opts).unwrap() };
        let e = format!("{x:.prec$e}");
        let (m, ex) = e.split_once('e').unwrap();
        let ex: i32 = ex.parse().unwrap();
        let want = format!(
            "{x:.prec$}|{m}e{}{:02}",
            if ex < 0 { '-' } else { '+' },
            ex.abs()
        );
        assert_eq!(String::from_utf8(out).unwrap(), want, "{x:e} {fmt}");
    }
}

#[test]
fn int_slots_ignore_upper_bits() {
    let g = 0xDEAD_BEEF_0000_0000u64;
    let mut src = SliceArgs::new(vec![
        g | 5,
        g | 0xFFFF_FFFE,
        g | 0x41,
        g | 8,
        g | 0xFFFF_FFFF,
        g | 0x8000,
        g | 4,
        g | 0x10,
    ]);
    let out = unsafe { format_narrow(b"%d|%u|%c|%*d|%hd|%.*x", &mut src, U) };
    assert_eq!(out, b"5|4294967294|A|      -1|-32768|0010");
}

#[test]
fn precision_limits_reads() {
    // No NUL inside the first 3 units: must not read further.
    let narrow = [b'a', b'b', b'c'];
    let wide = [0x78u16, 0x79, 0x7A];
    let mut src = SliceArgs::new(vec![narrow.as_ptr() as u64, wide.as_ptr() as u64]);
    let out = unsafe { format_narrow(b"%.3s|%.2ls", &mut src, M) };
    assert_eq!(out, b"abc|xy");
}

#[test]
fn percent_n_refused() {
    let mut n: i32 = -7;
    for flavor in [M, U] {
        let mut src = SliceArgs::new(vec![&mut n as *mut i32 as u64, 5]);
        let mut out = Vec::new();
        let r = unsafe { format_narrow_into(&mut out, b"ab%n%d", &mut src, flavor) };
        assert_eq!(r, Err(PrintfError::PercentN));
        assert_eq!(out, b"ab");
        let mut src = SliceArgs::new(vec![&mut n as *mut i32 as u64, 5]);
        assert_eq!(
            unsafe { format_wide(&[0x25, 0x6E, 0x78], &mut src, flavor) },
            Vec::<u16>::new()
        );
    }
    assert_eq!(n, -7);
}

#[test]
fn va_slots_reads_successive_slots() {
    let slots = [7u64, 1.5f64.to_bits(), 0xFFFF_FFFF_FFFF_FFFF];
    let mut va = unsafe { VaSlots::new(slots.as_ptr()) };
    let out = unsafe { format_narrow(b"%d %.1f %lld", &mut va, M) };
    assert_eq!(out, b"7 1.5 -1");
    assert_eq!(va.position(), slots.as_ptr().wrapping_add(3));
}

#[test]
fn non_ascii_conversions() {
    // Narrow is UTF-8 for now.
    assert_eq!(
        run_narrow(M, b"[%ls][%3C]", &[W("h\u{e9}\u{263a}"), I(0xe9)]),
        "[h\u{e9}\u{263a}][  \u{e9}]".as_bytes()
    );
    let w = run_wide(
        U,
        "[%S][%hs]",
        &[S("\u{e9}t\u{e9}".as_bytes()), S(b"a\xffb")],
    );
    assert_eq!(
        String::from_utf16(&w).unwrap(),
        "[\u{e9}t\u{e9}][a\u{fffd}b]"
    );
}

#[test]
fn huge_width_and_precision() {
    let out = run_narrow(
        U,
        b"%600.500f|%-700e|%.1000g",
        &[
            D(1.0f64.to_bits()),
            D(2.5f64.to_bits()),
            D(0.1f64.to_bits()),
        ],
    );
    let s = String::from_utf8(out).unwrap();
    let parts: Vec<&str> = s.split('|').collect();
    assert_eq!(parts[0].len(), 600);
    assert!(parts[0].trim_start().starts_with("1.000"));
    assert_eq!(parts[1].len(), 700);
    assert!(parts[1].starts_with("2.500000e+00 "));
    assert!(parts[2].starts_with("0.1000000000000000055511151231257827"));
    assert!(parts[2].ends_with("625"));
}

/// Speed against glibc's snprintf. Run with
/// `cargo test --release -p msvcrt printf::tests::bench_vs_glibc -- --ignored --nocapture`.
#[test]
#[ignore]
fn bench_vs_glibc() {
    use std::time::Instant;
    let s = c"world";
    let long =
        c"the quick brown fox jumps over the lazy dog, the quick brown fox jumps over the lazy dog";
    let xs: Vec<f64> = {
        let mut r = Rng(7);
        (0..1024)
            .map(|_| {
                loop {
                    let x = f64::from_bits(r.next());
                    if x.is_finite() {
                        break x;
                    }
                }
            })
            .collect()
    };
    const N: usize = 200_000;
    let mut out = Vec::with_capacity(256);
    let mut cbuf = [0u8; 512];
    macro_rules! bench {
        ($name:expr, $fmt:expr, [$($slot:expr),*], [$($carg:expr),*]) => {{
            let fmt: &[u8] = $fmt;
            let cfmt = std::ffi::CString::new(fmt).unwrap();
            let t = Instant::now();
            for _ in 0..N {
                out.clear();
                let slots = [$($slot as u64),*];
                let mut a = unsafe { VaSlots::new(slots.as_ptr()) };
                unsafe { format_narrow_into(&mut out, fmt, &mut a, U).unwrap() };
                std::hint::black_box(&out);
            }
            let ours = t.elapsed();
            let t = Instant::now();
            for _ in 0..N {
                unsafe { libc::snprintf(cbuf.as_mut_ptr() as *mut libc::c_char, cbuf.len(), cfmt.as_ptr(), $($carg),*) };
                std::hint::black_box(&cbuf);
            }
            let theirs = t.elapsed();
            eprintln!("{:40} ours {:>7.1} ns  glibc {:>7.1} ns  ratio {:.2}", $name,
                ours.as_nanos() as f64 / N as f64, theirs.as_nanos() as f64 / N as f64,
                ours.as_secs_f64() / theirs.as_secs_f64());
        }};
    }
    bench!("%d", b"%d", [12345], [12345i32]);
    bench!(
        "text %s %d",
        b"Hello %s, you are %d years old\n",
        [s.as_ptr() as u64, 42],
        [s.as_ptr(), 42i32]
    );
    bench!("%f", b"%f", [1.23456f64.to_bits()], [1.23456f64]);
    bench!("%.2f", b"%.2f", [1234.5678f64.to_bits()], [1234.5678f64]);
    bench!("%e", b"%e", [1.5e-10f64.to_bits()], [1.5e-10f64]);
    bench!("%g", b"%g", [0.000123456f64.to_bits()], [0.000123456f64]);
    bench!(
        "%x %08X %p",
        b"%x %08X %p",
        [0xdead, 0xbeef, 0x12345678],
        [0xdeadi32, 0xbeefi32, 0x12345678usize]
    );
    bench!(
        "%10.3f|%-5s|%x",
        b"%10.3f|%-5s|%x",
        [1.23456f64.to_bits(), s.as_ptr() as u64, 255],
        [1.23456f64, s.as_ptr(), 255i32]
    );
    bench!("%s (long)", b"%s", [long.as_ptr() as u64], [long.as_ptr()]);
    bench!("%.17g random", b"%.17g", [xs[5].to_bits()], [xs[5]]);
    bench!("%f 1e300", b"%f", [1e300f64.to_bits()], [1e300f64]);
    bench!("%.0f tie 2.5", b"%.0f", [2.5f64.to_bits()], [2.5f64]);
    bench!("%.1f tie 0.25", b"%.1f", [0.25f64.to_bits()], [0.25f64]);
    bench!("%.3e", b"%.3e", [123456.789f64.to_bits()], [123456.789f64]);
    bench!("%.20f 0.1", b"%.20f", [0.1f64.to_bits()], [0.1f64]);
    bench!("long literal", b"The quick brown fox jumps over the lazy dog; the value of the counter is now %d and rising\n", [7], [7i32]);
    bench!(
        "many convs",
        b"%d %d %d %d %d %d %d %d",
        [1, 22, 333, 4444, 55555, 666666, 7777777, 88888888],
        [
            1i32,
            22i32,
            333i32,
            4444i32,
            55555i32,
            666666i32,
            7777777i32,
            88888888i32
        ]
    );
    bench!(
        "%lld %llu",
        b"%lld %llu",
        [(-1234567890123i64) as u64, u64::MAX],
        [-1234567890123i64, u64::MAX]
    );
}

/// Expectations: the output of Wine 8 (msvcrt.dll via mingw-w64 `_snprintf`/`_snwprintf`, ucrtbase.dll via
/// the UCRT headers' inline `_snprintf`/`_snwprintf`), generated by `oracle/emit.py`. 1270 rows.
#[rustfmt::skip]
static NARROW: &[NarrowRow] = &[
    (M, b"", &[], b""),
    (U, b"", &[], b""),
    (M, b"plain text", &[], b"plain text"),
    (U, b"plain text", &[], b"plain text"),
    (M, b"100%%", &[], b"100%"),
    (U, b"100%%", &[], b"100%"),
    (M, b"%%%d%%", &[I(5)], b"%5%"),
    (U, b"%%%d%%", &[I(5)], b"%5%"),
    (M, b"a%yb", &[I(1)], b"ayb"),
    (U, b"a%yb", &[I(1)], b"ayb"),
    (M, b"a%5yb", &[I(1)], b"ayb"),
    (U, b"a%5yb", &[I(1)], b"ayb"),
    (M, b"x%5%y", &[], b"xy"),
    (U, b"x%5%y", &[], b"xy"),
    (M, b"%", &[], b""),
    (U, b"%", &[], b""),
    (M, b"abc%", &[], b"abc"),
    (U, b"abc%", &[], b"abc"),
    (M, b"abc%-", &[], b"abc"),
    (U, b"abc%-", &[], b"abc"),
    (M, b"abc%5", &[], b"abc"),
    (U, b"abc%5", &[], b"abc"),
    (M, b"%k|%b|%r|%v|%q|%y|%B|%D", &[I(1)], b"k|b|r|v|q|y|B|D"),
    (U, b"%k|%b|%r|%v|%q|%y|%B|%D", &[I(1)], b"k|b|r|v|q|y|B|D"),
    (M, b"%hy|%ly|%lly", &[], b"y|y|y"),
    (U, b"%hy|%ly|%lly", &[], b"y|y|y"),
    (M, b"%T|%Ts|%Td", &[S(b"tee"), I(2)], b"T|Ts|Td"),
    (U, b"%T|%Ts|%Td", &[S(b"tee"), I(2)], b"|tee|2"),
    (M, b"%Z", &[N], b"Z"),
    (U, b"%Z", &[N], b"Z"),
    (M, b"%d %s %f %c|", &[I(42), S(b"str"), D(0x4004000000000000), I(122)], b"42 str 2.500000 z|"),
    (U, b"%d %s %f %c|", &[I(42), S(b"str"), D(0x4004000000000000), I(122)], b"42 str 2.500000 z|"),
    (M, b"%d|%i|%u", &[I(0), I(0), I(0)], b"0|0|0"),
    (U, b"%d|%i|%u", &[I(0), I(0), I(0)], b"0|0|0"),
    (M, b"%d|%i|%u", &[I(1), I(1), I(1)], b"1|1|1"),
    (U, b"%d|%i|%u", &[I(1), I(1), I(1)], b"1|1|1"),
    (M, b"%d|%i|%u", &[I(-1), I(-1), I(-1)], b"-1|-1|4294967295"),
    (U, b"%d|%i|%u", &[I(-1), I(-1), I(-1)], b"-1|-1|4294967295"),
    (M, b"%d|%i|%u", &[I(42), I(42), I(42)], b"42|42|42"),
    (U, b"%d|%i|%u", &[I(42), I(42), I(42)], b"42|42|42"),
    (M, b"%d|%i|%u", &[I(-42), I(-42), I(-42)], b"-42|-42|4294967254"),
    (U, b"%d|%i|%u", &[I(-42), I(-42), I(-42)], b"-42|-42|4294967254"),
    (M, b"%d|%i|%u", &[I(2147483647), I(2147483647), I(2147483647)], b"2147483647|2147483647|2147483647"),
    (U, b"%d|%i|%u", &[I(2147483647), I(2147483647), I(2147483647)], b"2147483647|2147483647|2147483647"),
    (M, b"%d|%i|%u", &[I(-2147483648), I(-2147483648), I(-2147483648)], b"-2147483648|-2147483648|2147483648"),
    (U, b"%d|%i|%u", &[I(-2147483648), I(-2147483648), I(-2147483648)], b"-2147483648|-2147483648|2147483648"),
    (M, b"%d|%i|%u", &[I(123456789), I(123456789), I(123456789)], b"123456789|123456789|123456789"),
    (U, b"%d|%i|%u", &[I(123456789), I(123456789), I(123456789)], b"123456789|123456789|123456789"),
    (M, b"%o|%x|%X", &[I(0), I(0), I(0)], b"0|0|0"),
    (U, b"%o|%x|%X", &[I(0), I(0), I(0)], b"0|0|0"),
    (M, b"%o|%x|%X", &[I(1), I(1), I(1)], b"1|1|1"),
    (U, b"%o|%x|%X", &[I(1), I(1), I(1)], b"1|1|1"),
    (M, b"%o|%x|%X", &[I(255), I(255), I(255)], b"377|ff|FF"),
    (U, b"%o|%x|%X", &[I(255), I(255), I(255)], b"377|ff|FF"),
    (M, b"%o|%x|%X", &[I(2147483647), I(2147483647), I(2147483647)], b"17777777777|7fffffff|7FFFFFFF"),
    (U, b"%o|%x|%X", &[I(2147483647), I(2147483647), I(2147483647)], b"17777777777|7fffffff|7FFFFFFF"),
    (M, b"%o|%x|%X", &[I(-1), I(-1), I(-1)], b"37777777777|ffffffff|FFFFFFFF"),
    (U, b"%o|%x|%X", &[I(-1), I(-1), I(-1)], b"37777777777|ffffffff|FFFFFFFF"),
    (M, b"%o|%x|%X", &[I(-559038737), I(-559038737), I(-559038737)], b"33653337357|deadbeef|DEADBEEF"),
    (U, b"%o|%x|%X", &[I(-559038737), I(-559038737), I(-559038737)], b"33653337357|deadbeef|DEADBEEF"),
    (M, b"[%5d][%-5d][%05d]", &[I(42), I(42), I(42)], b"[   42][42   ][00042]"),
    (U, b"[%5d][%-5d][%05d]", &[I(42), I(42), I(42)], b"[   42][42   ][00042]"),
    (M, b"[%5d][%-5d][%05d]", &[I(-42), I(-42), I(-42)], b"[  -42][-42  ][-0042]"),
    (U, b"[%5d][%-5d][%05d]", &[I(-42), I(-42), I(-42)], b"[  -42][-42  ][-0042]"),
    (M, b"[%+d][% d][%+ d][% +d]", &[I(7), I(7), I(7), I(7)], b"[+7][ 7][+7][+7]"),
    (U, b"[%+d][% d][%+ d][% +d]", &[I(7), I(7), I(7), I(7)], b"[+7][ 7][+7][+7]"),
    (M, b"[%+d][% d][%+ d][% +d]", &[I(-7), I(-7), I(-7), I(-7)], b"[-7][-7][-7][-7]"),
    (U, b"[%+d][% d][%+ d][% +d]", &[I(-7), I(-7), I(-7), I(-7)], b"[-7][-7][-7][-7]"),
    (M, b"[%+05d][%-+5d][% 05d][%- 5d]", &[I(7), I(7), I(7), I(7)], b"[+0007][+7   ][ 0007][ 7   ]"),
    (U, b"[%+05d][%-+5d][% 05d][%- 5d]", &[I(7), I(7), I(7), I(7)], b"[+0007][+7   ][ 0007][ 7   ]"),
    (M, b"[%.3d][%.0d][%5.0d][%.0d]", &[I(5), I(0), I(0), I(3)], b"[005][][     ][3]"),
    (U, b"[%.3d][%.0d][%5.0d][%.0d]", &[I(5), I(0), I(0), I(3)], b"[005][][     ][3]"),
    (M, b"[%08.3d][%-08.3d][%+.3d][%8.3d]", &[I(5), I(5), I(5), I(-5)], b"[00000005][005     ][+005][    -005]"),
    (U, b"[%08.3d][%-08.3d][%+.3d][%8.3d]", &[I(5), I(5), I(5), I(-5)], b"[00000005][005     ][+005][    -005]"),
    (M, b"[%08.3d][%+08.3d]", &[I(-5), I(5)], b"[-0000005][+0000005]"),
    (U, b"[%08.3d][%+08.3d]", &[I(-5), I(5)], b"[-0000005][+0000005]"),
    (M, b"[%-05d][%0-5d]", &[I(3), I(3)], b"[3    ][3    ]"),
    (U, b"[%-05d][%0-5d]", &[I(3), I(3)], b"[3    ][3    ]"),
    (M, b"[%+u][% u][%+x][% o]", &[I(5), I(5), I(5), I(5)], b"[5][5][5][5]"),
    (U, b"[%+u][% u][%+x][% o]", &[I(5), I(5), I(5), I(5)], b"[5][5][5][5]"),
    (M, b"[%#x][%#X][%#o][%#x][%#o]", &[I(255), I(255), I(8), I(0), I(0)], b"[0xff][0XFF][010][0][0]"),
    (U, b"[%#x][%#X][%#o][%#x][%#o]", &[I(255), I(255), I(8), I(0), I(0)], b"[0xff][0XFF][010][0][0]"),
    (M, b"[%#08x][%#8x][%#-8x][%#.4x][%#08.4x]", &[I(255), I(255), I(255), I(255), I(255)], b"[0x0000ff][    0xff][0xff    ][0x00ff][0x0000ff]"),
    (U, b"[%#08x][%#8x][%#-8x][%#.4x][%#08.4x]", &[I(255), I(255), I(255), I(255), I(255)], b"[0x0000ff][    0xff][0xff    ][0x00ff][0x0000ff]"),
    (M, b"[%#08X][%#010x][%#02x][%#03x]", &[I(1), I(0), I(1), I(1)], b"[0X000001][0000000000][0x1][0x1]"),
    (U, b"[%#08X][%#010x][%#02x][%#03x]", &[I(1), I(0), I(1), I(1)], b"[0X000001][0000000000][0x1][0x1]"),
    (M, b"[%#.0o][%.0o][%#5o][%#.3o][%#o]", &[I(0), I(0), I(8), I(8), I(-1)], b"[][][  010][010][037777777777]"),
    (U, b"[%#.0o][%.0o][%#5o][%#.3o][%#o]", &[I(0), I(0), I(8), I(8), I(-1)], b"[][][  010][010][037777777777]"),
    (M, b"[%#.0x][%.0x][%#5.0x]", &[I(0), I(0), I(0)], b"[][][     ]"),
    (U, b"[%#.0x][%.0x][%#5.0x]", &[I(0), I(0), I(0)], b"[][][     ]"),
    (M, b"[%#d][%#u][%#i]", &[I(5), I(5), I(-5)], b"[5][5][-5]"),
    (U, b"[%#d][%#u][%#i]", &[I(5), I(5), I(-5)], b"[5][5][-5]"),
    (M, b"[%hd][%hu][%hx][%ho]", &[I(74565), I(70000), I(-1), I(-1)], b"[9029][4464][ffff][177777]"),
    (U, b"[%hd][%hu][%hx][%ho]", &[I(74565), I(70000), I(-1), I(-1)], b"[9029][4464][ffff][177777]"),
    (M, b"[%hd][%hi]", &[I(32768), I(-32769)], b"[-32768][32767]"),
    (U, b"[%hd][%hi]", &[I(32768), I(-32769)], b"[-32768][32767]"),
    (M, b"[%hhd][%hhu][%hhx]", &[I(300), I(300), I(511)], b"[300][300][1ff]"),
    (U, b"[%hhd][%hhu][%hhx]", &[I(300), I(300), I(511)], b"[300][300][1ff]"),
    (M, b"[%ld][%lu][%lx][%li]", &[I(-5), I(-5), I(-5), I(-5)], b"[-5][4294967291][fffffffb][-5]"),
    (U, b"[%ld][%lu][%lx][%li]", &[I(-5), I(-5), I(-5), I(-5)], b"[-5][4294967291][fffffffb][-5]"),
    (M, b"[%lld][%llu][%llx][%llX][%llo]", &[L(-5), L(-5), L(-5), L(-5), L(-5)], b"[-5][18446744073709551611][fffffffffffffffb][FFFFFFFFFFFFFFFB][1777777777777777777773]"),
    (U, b"[%lld][%llu][%llx][%llX][%llo]", &[L(-5), L(-5), L(-5), L(-5), L(-5)], b"[-5][18446744073709551611][fffffffffffffffb][FFFFFFFFFFFFFFFB][1777777777777777777773]"),
    (M, b"[%lld][%lli]", &[L(-9223372036854775808), L(9223372036854775807)], b"[-9223372036854775808][9223372036854775807]"),
    (U, b"[%lld][%lli]", &[L(-9223372036854775808), L(9223372036854775807)], b"[-9223372036854775808][9223372036854775807]"),
    (M, b"[%llu][%lld]", &[L(-1), L(4886718345)], b"[18446744073709551615][4886718345]"),
    (U, b"[%llu][%lld]", &[L(-1), L(4886718345)], b"[18446744073709551615][4886718345]"),
    (M, b"[%I64d][%I64u][%I64x][%I64X]", &[L(-2), L(-2), L(1311768467294899695), L(1311768467294899695)], b"[-2][18446744073709551614][1234567890abcdef][1234567890ABCDEF]"),
    (U, b"[%I64d][%I64u][%I64x][%I64X]", &[L(-2), L(-2), L(1311768467294899695), L(1311768467294899695)], b"[-2][18446744073709551614][1234567890abcdef][1234567890ABCDEF]"),
    (M, b"[%I32d][%I32u][%I32x]", &[I(-2), I(-2), I(-2)], b"[-2][4294967294][fffffffe]"),
    (U, b"[%I32d][%I32u][%I32x]", &[I(-2), I(-2), I(-2)], b"[-2][4294967294][fffffffe]"),
    (M, b"[%Id][%Iu][%Ix][%IX][%Io]", &[L(-3), L(-3), L(78187493530), L(78187493530), L(8)], b"[-3][18446744073709551613][123456789a][123456789A][10]"),
    (U, b"[%Id][%Iu][%Ix][%IX][%Io]", &[L(-3), L(-3), L(78187493530), L(78187493530), L(8)], b"[-3][18446744073709551613][123456789a][123456789A][10]"),
    (M, b"[%zd][%zu][%zx][%td][%tu][%jd][%ju]", &[L(-4), L(-4), L(8589934591), L(-4), L(-4), L(-4), L(-4)], b"[-4][18446744073709551612][1ffffffff][-4][18446744073709551612][-4][18446744073709551612]"),
    (U, b"[%zd][%zu][%zx][%td][%tu][%jd][%ju]", &[L(-4), L(-4), L(8589934591), L(-4), L(-4), L(-4), L(-4)], b"[-4][18446744073709551612][1ffffffff][-4][18446744073709551612][-4][18446744073709551612]"),
    (M, b"[%Ld][%Lu][%Lx]", &[L(4294967301), L(4294967301), L(4294967301)], b"[5][5][5]"),
    (U, b"[%Ld][%Lu][%Lx]", &[L(4294967301), L(4294967301), L(4294967301)], b"[5][5][5]"),
    (M, b"[%wd][%Fd][%Nd][%Nx]", &[I(5), I(6), I(7), I(8)], b"[5][6][7][8]"),
    (U, b"[%wd][%Fd][%Nd][%Nx]", &[I(5), I(6), I(7), I(8)], b"[5][0.000000d][Nd][Nx]"),
    (M, b"[%lx][%hlx][%lhx]", &[L(78187493520), L(74565), L(74565)], b"[34567890][12345][2345]"),
    (U, b"[%lx][%hlx][%lhx]", &[L(78187493520), L(74565), L(74565)], b"[34567890][12345][2345]"),
    (M, b"[%llld]", &[L(5)], b"[5]"),
    (U, b"[%llld]", &[L(5)], b"[5]"),
    (M, b"[%I][%Is][%Ic]", &[I(1), S(b"s"), I(99)], b"[I][Is][Ic]"),
    (U, b"[%I][%Is][%Ic]", &[I(1), S(b"s"), I(99)], b"[I][Is][Ic]"),
    (M, b"[%I6d][%I3d][%I63d][%I646d]", &[I(1), I(2), I(3), I(4)], b"[I6d][I3d][I63d][6d]"),
    (U, b"[%I6d][%I3d][%I63d][%I646d]", &[I(1), I(2), I(3), I(4)], b"[I6d][I3d][I63d][6d]"),
    (M, b"[%hhhd][%hld][%qd]", &[I(65537), I(65537), L(5)], b"[1][65537][qd]"),
    (U, b"[%hhhd][%hld][%qd]", &[I(65537), I(65537), L(5)], b"[1][65537][qd]"),
    (M, b"[%*d][%-*d][%*d]", &[I(5), I(42), I(5), I(42), I(-5), I(42)], b"[   42][42   ][42   ]"),
    (U, b"[%*d][%-*d][%*d]", &[I(5), I(42), I(5), I(42), I(-5), I(42)], b"[   42][42   ][42   ]"),
    (M, b"[%.*d][%.*d][%.*d]", &[I(3), I(7), I(-1), I(7), I(0), I(0)], b"[007][7][]"),
    (U, b"[%.*d][%.*d][%.*d]", &[I(3), I(7), I(-1), I(7), I(0), I(0)], b"[007][7][]"),
    (M, b"[%*.*d][%0*d][%-0*d]", &[I(6), I(3), I(7), I(6), I(-7), I(6), I(-7)], b"[   007][-00007][-7    ]"),
    (U, b"[%*.*d][%0*d][%-0*d]", &[I(6), I(3), I(7), I(6), I(-7), I(6), I(-7)], b"[   007][-00007][-7    ]"),
    (M, b"[%*5d]", &[I(1), I(7)], b"[              7]"),
    (U, b"[%*5d]", &[I(1), I(7)], b"[    7]"),
    (M, b"[%*0d]", &[I(2), I(7)], b"[                   7]"),
    (U, b"[%*0d]", &[I(2), I(7)], b"[7]"),
    (M, b"[%5*d]", &[I(3), I(7)], b"[*d]"),
    (U, b"[%5*d]", &[I(3), I(7)], b"[*d]"),
    (M, b"[%.*5d]", &[I(1), I(7)], b"[5d]"),
    (U, b"[%.*5d]", &[I(1), I(7)], b"[5d]"),
    (M, b"[%40d][%.40d]", &[I(-123), I(-123)], b"[                                    -123][-0000000000000000000000000000000000000123]"),
    (U, b"[%40d][%.40d]", &[I(-123), I(-123)], b"[                                    -123][-0000000000000000000000000000000000000123]"),
    (M, b"[%-+08.4i]", &[I(-12)], b"[-0012   ]"),
    (U, b"[%-+08.4i]", &[I(-12)], b"[-0012   ]"),
    (M, b"[%++d][%--5d][%00d][%##x]", &[I(1), I(1), I(1), I(1)], b"[+1][1    ][1][0x1]"),
    (U, b"[%++d][%--5d][%00d][%##x]", &[I(1), I(1), I(1), I(1)], b"[+1][1    ][1][0x1]"),
    (M, b"[%x][%X][%o][%u]", &[L(-4294967280), L(-4294967280), L(-4294967280), L(-4294967280)], b"[10][10][20][16]"),
    (U, b"[%x][%X][%o][%u]", &[L(-4294967280), L(-4294967280), L(-4294967280), L(-4294967280)], b"[10][10][20][16]"),
    (M, b"[%c][%5c][%-5c][%05c][%.0c][%.1c]", &[I(65), I(65), I(65), I(65), I(65), I(65)], b"[A][    A][A    ][0000A][][A]"),
    (U, b"[%c][%5c][%-5c][%05c][%.0c][%.1c]", &[I(65), I(65), I(65), I(65), I(65), I(65)], b"[A][    A][A    ][0000A][][A]"),
    (M, b"[%c][%c]", &[I(321), I(122)], b"[A][z]"),
    (U, b"[%c][%c]", &[I(321), I(122)], b"[A][z]"),
    (M, b"[%c]", &[I(0)], b"[\x00]"),
    (U, b"[%c]", &[I(0)], b"[\x00]"),
    (M, b"a%cb", &[I(0)], b"a\x00b"),
    (U, b"a%cb", &[I(0)], b"a\x00b"),
    (M, b"[%lc][%C][%wc][%hc][%hC][%lC]", &[I(120), I(121), I(122), I(113), I(114), I(115)], b"[x][y][z][q][r][s]"),
    (U, b"[%lc][%C][%wc][%hc][%hC][%lC]", &[I(120), I(121), I(122), I(113), I(114), I(115)], b"[x][y][z][q][r][s]"),
    (M, b"[%+c][% c][%#c]", &[I(97), I(98), I(99)], b"[a][b][c]"),
    (U, b"[%+c][% c][%#c]", &[I(97), I(98), I(99)], b"[a][b][c]"),
    (M, b"[%3lc][%-3C]", &[I(120), I(121)], b"[  x][y  ]"),
    (U, b"[%3lc][%-3C]", &[I(120), I(121)], b"[  x][y  ]"),
    (M, b"[%s][%10s][%-10s][%.3s][%10.3s][%-10.3s]", &[S(b"hello"), S(b"hello"), S(b"hello"), S(b"hello"), S(b"hello"), S(b"hello")], b"[hello][     hello][hello     ][hel][       hel][hel       ]"),
    (U, b"[%s][%10s][%-10s][%.3s][%10.3s][%-10.3s]", &[S(b"hello"), S(b"hello"), S(b"hello"), S(b"hello"), S(b"hello"), S(b"hello")], b"[hello][     hello][hello     ][hel][       hel][hel       ]"),
    (M, b"[%.0s][%.10s][%.*s][%.*s]", &[S(b"hello"), S(b"hello"), I(2), S(b"hello"), I(-1), S(b"hello")], b"[][hello][he][hello]"),
    (U, b"[%.0s][%.10s][%.*s][%.*s]", &[S(b"hello"), S(b"hello"), I(2), S(b"hello"), I(-1), S(b"hello")], b"[][hello][he][hello]"),
    (M, b"[%s][%.3s][%10s][%-8s][%.10s][%.6s][%.5s]", &[N, N, N, N, N, N, N], b"[(null)][(nu][    (null)][(null)  ][(null)][(null)][(null]"),
    (U, b"[%s][%.3s][%10s][%-8s][%.10s][%.6s][%.5s]", &[N, N, N, N, N, N, N], b"[(null)][(nu][    (null)][(null)  ][(null)][(null)][(null]"),
    (M, b"[%ls][%S][%ws][%hs][%hS][%lS][%wS]", &[W("wide"), W("Wide"), W("wIde"), S(b"narrow"), S(b"Narrow"), W("lS"), W("wS")], b"[wide][Wide][wIde][narrow][Narrow][lS][wS]"),
    (U, b"[%ls][%S][%ws][%hs][%hS][%lS][%wS]", &[W("wide"), W("Wide"), W("wIde"), S(b"narrow"), S(b"Narrow"), W("lS"), W("wS")], b"[wide][Wide][wIde][narrow][Narrow][lS][wS]"),
    (M, b"[%ls][%S][%hs][%lc]", &[N, N, N, I(0)], b"[(null)][(null)][(null)][\x00]"),
    (U, b"[%ls][%S][%hs][%lc]", &[N, N, N, I(0)], b"[(null)][(null)][(null)][\x00]"),
    (M, b"[%.2ls][%6.2S][%-6ls][%06S]", &[W("abcdef"), W("abcdef"), W("ab"), W("ab")], b"[ab][    ab][ab    ][0000ab]"),
    (U, b"[%.2ls][%6.2S][%-6ls][%06S]", &[W("abcdef"), W("abcdef"), W("ab"), W("ab")], b"[ab][    ab][ab    ][0000ab]"),
    (M, b"[%010s][%+s][% s][%#s][%-010s]", &[S(b"ab"), S(b"ab"), S(b"ab"), S(b"ab"), S(b"ab")], b"[00000000ab][ab][ab][ab][ab        ]"),
    (U, b"[%010s][%+s][% s][%#s][%-010s]", &[S(b"ab"), S(b"ab"), S(b"ab"), S(b"ab"), S(b"ab")], b"[00000000ab][ab][ab][ab][ab        ]"),
    (M, b"[%*s][%-*s][%*.*s]", &[I(6), S(b"ab"), I(-6), S(b"ab"), I(6), I(1), S(b"ab")], b"[    ab][ab    ][     a]"),
    (U, b"[%*s][%-*s][%*.*s]", &[I(6), S(b"ab"), I(-6), S(b"ab"), I(6), I(1), S(b"ab")], b"[    ab][ab    ][     a]"),
    (M, b"[%s]", &[S(b"")], b"[]"),
    (U, b"[%s]", &[S(b"")], b"[]"),
    (M, b"[%5s][%.0s]", &[S(b""), S(b"")], b"[     ][]"),
    (U, b"[%5s][%.0s]", &[S(b""), S(b"")], b"[     ][]"),
    (M, b"[%llS][%lls][%Is][%I64s]", &[W("ll"), W("lls"), S(b"is"), S(b"i64")], b"[ll][l][Is][is]"),
    (U, b"[%llS][%lls][%Is][%I64s]", &[W("ll"), W("lls"), S(b"is"), S(b"i64")], b"[ll][l][Is][is]"),
    (M, b"[%hls][%lhs][%hws][%whs]", &[W("a"), S(b"b"), W("c"), W("d")], b"[a][b][c][d]"),
    (U, b"[%hls][%lhs][%hws][%whs]", &[W("a"), S(b"b"), W("c"), W("d")], b"[a][b][c][d]"),
    (M, b"[%p]", &[P(0x12ff40)], b"[000000000012FF40]"),
    (U, b"[%p]", &[P(0x12ff40)], b"[000000000012FF40]"),
    (M, b"[%p][%p]", &[N, P(0xffffffffffffffff)], b"[0000000000000000][FFFFFFFFFFFFFFFF]"),
    (U, b"[%p][%p]", &[N, P(0xffffffffffffffff)], b"[0000000000000000][FFFFFFFFFFFFFFFF]"),
    (M, b"[%#p][%20p][%-20p][%020p]", &[P(0x12ff40), P(0x12ff40), P(0x12ff40), P(0x12ff40)], b"[0X000000000012FF40][    000000000012FF40][000000000012FF40    ][    000000000012FF40]"),
    (U, b"[%#p][%20p][%-20p][%020p]", &[P(0x12ff40), P(0x12ff40), P(0x12ff40), P(0x12ff40)], b"[0X000000000012FF40][    000000000012FF40][000000000012FF40    ][    000000000012FF40]"),
    (M, b"[%.4p][%+p][% p][%.20p][%.0p]", &[P(0x12ff40), P(0x12ff40), P(0x12ff40), P(0x12ff40), P(0x12ff40)], b"[0000][000000000012FF40][000000000012FF40][000000000012FF40][]"),
    (U, b"[%.4p][%+p][% p][%.20p][%.0p]", &[P(0x12ff40), P(0x12ff40), P(0x12ff40), P(0x12ff40), P(0x12ff40)], b"[0000][000000000012FF40][000000000012FF40][000000000012FF40][]"),
    (M, b"[%lp][%hp][%llp][%Ip][%#20p][%#-20p]", &[P(0xabcdef), P(0xabcdef), P(0xabcdef), P(0xabcdef), P(0xabcdef), P(0xabcdef)], b"[0000000000ABCDEF][0000000000ABCDEF][0000000000ABCDEF][Ip][  0X0000000000ABCDEF][0X0000000000ABCDEF  ]"),
    (U, b"[%lp][%hp][%llp][%Ip][%#20p][%#-20p]", &[P(0xabcdef), P(0xabcdef), P(0xabcdef), P(0xabcdef), P(0xabcdef), P(0xabcdef)], b"[0000000000ABCDEF][0000000000ABCDEF][0000000000ABCDEF][Ip][  0X0000000000ABCDEF][0X0000000000ABCDEF  ]"),
    (M, b"[%#.3p][%#.0p][%#p][%#5.0p]", &[P(0xabcdef), P(0x0), N, P(0x1)], b"[0X0][][0000000000000000][     ]"),
    (U, b"[%#.3p][%#.0p][%#p][%#5.0p]", &[P(0xabcdef), P(0x0), N, P(0x1)], b"[0X0][][0000000000000000][     ]"),
    (M, b"[%#02x][%#01x][%#03x][%#04o][%#-04x][%#4.1x]", &[I(0), I(0), I(0), I(1), I(1), I(1)], b"[00][0][000][0001][0x1 ][ 0x1]"),
    (U, b"[%#02x][%#01x][%#03x][%#04o][%#-04x][%#4.1x]", &[I(0), I(0), I(0), I(1), I(1), I(1)], b"[00][0][000][0001][0x1 ][ 0x1]"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000)], b"0.000000|0|0.0|0.0000000000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000)], b"0.000000|0|0.0|0.0000000000"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000)], b"-0.000000|-0|-0.0|-0.0000000000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000)], b"-0.000000|-0|-0.0|-0.0000000000"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000)], b"1.000000|1|1.0|1.0000000000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000)], b"1.000000|1|1.0|1.0000000000"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0xbff0000000000000), D(0xbff0000000000000), D(0xbff0000000000000), D(0xbff0000000000000)], b"-1.000000|-1|-1.0|-1.0000000000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0xbff0000000000000), D(0xbff0000000000000), D(0xbff0000000000000), D(0xbff0000000000000)], b"-1.000000|-1|-1.0|-1.0000000000"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a)], b"0.100000|0|0.1|0.1000000000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a)], b"0.100000|0|0.1|0.1000000000"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0x405edd2f1a9fbe77), D(0x405edd2f1a9fbe77), D(0x405edd2f1a9fbe77), D(0x405edd2f1a9fbe77)], b"123.456000|123|123.5|123.4560000000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0x405edd2f1a9fbe77), D(0x405edd2f1a9fbe77), D(0x405edd2f1a9fbe77), D(0x405edd2f1a9fbe77)], b"123.456000|123|123.5|123.4560000000"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0x4415af1d78b58c40), D(0x4415af1d78b58c40), D(0x4415af1d78b58c40), D(0x4415af1d78b58c40)], b"100000000000000000000.000000|100000000000000000000|100000000000000000000.0|100000000000000000000.0000000000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0x4415af1d78b58c40), D(0x4415af1d78b58c40), D(0x4415af1d78b58c40), D(0x4415af1d78b58c40)], b"100000000000000000000.000000|100000000000000000000|100000000000000000000.0|100000000000000000000.0000000000"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0x444b1ae4d6e2ef50), D(0x444b1ae4d6e2ef50), D(0x444b1ae4d6e2ef50), D(0x444b1ae4d6e2ef50)], b"1000000000000000000000.000000|1000000000000000000000|1000000000000000000000.0|1000000000000000000000.0000000000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0x444b1ae4d6e2ef50), D(0x444b1ae4d6e2ef50), D(0x444b1ae4d6e2ef50), D(0x444b1ae4d6e2ef50)], b"1000000000000000000000.000000|1000000000000000000000|1000000000000000000000.0|1000000000000000000000.0000000000"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0x4480f0cf064dd592), D(0x4480f0cf064dd592), D(0x4480f0cf064dd592), D(0x4480f0cf064dd592)], b"10000000000000000000000.000000|10000000000000000000000|10000000000000000000000.0|10000000000000000000000.0000000000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0x4480f0cf064dd592), D(0x4480f0cf064dd592), D(0x4480f0cf064dd592), D(0x4480f0cf064dd592)], b"10000000000000000000000.000000|10000000000000000000000|10000000000000000000000.0|10000000000000000000000.0000000000"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0x44b52d02c7e14af6), D(0x44b52d02c7e14af6), D(0x44b52d02c7e14af6), D(0x44b52d02c7e14af6)], b"99999999999999991611392.000000|99999999999999991611392|99999999999999991611392.0|99999999999999991611392.0000000000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0x44b52d02c7e14af6), D(0x44b52d02c7e14af6), D(0x44b52d02c7e14af6), D(0x44b52d02c7e14af6)], b"99999999999999991611392.000000|99999999999999991611392|99999999999999991611392.0|99999999999999991611392.0000000000"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0x4340000000000000), D(0x4340000000000000), D(0x4340000000000000), D(0x4340000000000000)], b"9007199254740992.000000|9007199254740992|9007199254740992.0|9007199254740992.0000000000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0x4340000000000000), D(0x4340000000000000), D(0x4340000000000000), D(0x4340000000000000)], b"9007199254740992.000000|9007199254740992|9007199254740992.0|9007199254740992.0000000000"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1)], b"0.000010|0|0.0|0.0000100000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1)], b"0.000010|0|0.0|0.0000100000"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0x3e7ad7f29abcaf48), D(0x3e7ad7f29abcaf48), D(0x3e7ad7f29abcaf48), D(0x3e7ad7f29abcaf48)], b"0.000000|0|0.0|0.0000001000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0x3e7ad7f29abcaf48), D(0x3e7ad7f29abcaf48), D(0x3e7ad7f29abcaf48), D(0x3e7ad7f29abcaf48)], b"0.000000|0|0.0|0.0000001000"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0x3ea0c6f7a0b5ed8d), D(0x3ea0c6f7a0b5ed8d), D(0x3ea0c6f7a0b5ed8d), D(0x3ea0c6f7a0b5ed8d)], b"0.000000|0|0.0|0.0000005000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0x3ea0c6f7a0b5ed8d), D(0x3ea0c6f7a0b5ed8d), D(0x3ea0c6f7a0b5ed8d), D(0x3ea0c6f7a0b5ed8d)], b"0.000000|0|0.0|0.0000005000"),
    (M, b"%f|%.0f|%.1f|%.10f", &[D(0x3e9ad7f29abcaf48), D(0x3e9ad7f29abcaf48), D(0x3e9ad7f29abcaf48), D(0x3e9ad7f29abcaf48)], b"0.000000|0|0.0|0.0000004000"),
    (U, b"%f|%.0f|%.1f|%.10f", &[D(0x3e9ad7f29abcaf48), D(0x3e9ad7f29abcaf48), D(0x3e9ad7f29abcaf48), D(0x3e9ad7f29abcaf48)], b"0.000000|0|0.0|0.0000004000"),
    (M, b"%f", &[D(0x7e37e43c8800759c)], b"1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"),
    (U, b"%f", &[D(0x7e37e43c8800759c)], b"1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"),
    (M, b"%f", &[D(0x7fefffffffffffff)], b"179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000"),
    (U, b"%f", &[D(0x7fefffffffffffff)], b"179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000"),
    (M, b"%.3f", &[D(0xffefffffffffffff)], b"-179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000"),
    (U, b"%.3f", &[D(0xffefffffffffffff)], b"-179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000"),
    (M, b"%f|%.20f", &[D(0x0000000000000001), D(0x0000000000000001)], b"0.000000|0.00000000000000000000"),
    (U, b"%f|%.20f", &[D(0x0000000000000001), D(0x0000000000000001)], b"0.000000|0.00000000000000000000"),
    (M, b"%.400f", &[D(0x0010000000000000)], b"0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000222507385850720138309023271733240406421921598046233183055332741688720443481391819585428315901"),
    (U, b"%.400f", &[D(0x0010000000000000)], b"0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000222507385850720138309023271733240406421921598046233183055332741688720443481391819585428315901"),
    (M, b"%.1100f", &[D(0x0000000000000001)], b"0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000494065645841246544176568792868221372365059802614324764425585682500675507270208751865299836361635992379796564695445717730926656710355939796398774796010781878126300713190311404527845817167848982103688718636056998730723050006387409153564984387312473397273169615140031715385398074126238565591171026658556686768187039560310624931945271591492455329305456544401127480129709999541931989409080416563324524757147869014726780159355238611550134803526493472019379026810710749170333222684475333572083243193609238289345836806010601150616980975307834227731832924790498252473077637592724787465608477820373446969953364701797267771758512566055119913150489110145103786273816725095583738973359899366480994116420570263709027924276754456522908753868250641971826553344726562500000000000000000000000000"),
    (U, b"%.1100f", &[D(0x0000000000000001)], b"0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000494065645841246544176568792868221372365059802614324764425585682500675507270208751865299836361635992379796564695445717730926656710355939796398774796010781878126300713190311404527845817167848982103688718636056998730723050006387409153564984387312473397273169615140031715385398074126238565591171026658556686768187039560310624931945271591492455329305456544401127480129709999541931989409080416563324524757147869014726780159355238611550134803526493472019379026810710749170333222684475333572083243193609238289345836806010601150616980975307834227731832924790498252473077637592724787465608477820373446969953364701797267771758512566055119913150489110145103786273816725095583738973359899366480994116420570263709027924276754456522908753868250641971826553344726562500000000000000000000000000"),
    (M, b"%.0f|%.1f|%.2f|%.3f", &[D(0x3fe0000000000000), D(0x3fe0000000000000), D(0x3fe0000000000000), D(0x3fe0000000000000)], b"1|0.5|0.50|0.500"),
    (U, b"%.0f|%.1f|%.2f|%.3f", &[D(0x3fe0000000000000), D(0x3fe0000000000000), D(0x3fe0000000000000), D(0x3fe0000000000000)], b"1|0.5|0.50|0.500"),
    (M, b"%.0f|%.1f|%.2f|%.3f", &[D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000)], b"2|1.5|1.50|1.500"),
    (U, b"%.0f|%.1f|%.2f|%.3f", &[D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000)], b"2|1.5|1.50|1.500"),
    (M, b"%.0f|%.1f|%.2f|%.3f", &[D(0x4004000000000000), D(0x4004000000000000), D(0x4004000000000000), D(0x4004000000000000)], b"3|2.5|2.50|2.500"),
    (U, b"%.0f|%.1f|%.2f|%.3f", &[D(0x4004000000000000), D(0x4004000000000000), D(0x4004000000000000), D(0x4004000000000000)], b"3|2.5|2.50|2.500"),
    (M, b"%.0f|%.1f|%.2f|%.3f", &[D(0x400c000000000000), D(0x400c000000000000), D(0x400c000000000000), D(0x400c000000000000)], b"4|3.5|3.50|3.500"),
    (U, b"%.0f|%.1f|%.2f|%.3f", &[D(0x400c000000000000), D(0x400c000000000000), D(0x400c000000000000), D(0x400c000000000000)], b"4|3.5|3.50|3.500"),
    (M, b"%.0f|%.1f|%.2f|%.3f", &[D(0xbfe0000000000000), D(0xbfe0000000000000), D(0xbfe0000000000000), D(0xbfe0000000000000)], b"-1|-0.5|-0.50|-0.500"),
    (U, b"%.0f|%.1f|%.2f|%.3f", &[D(0xbfe0000000000000), D(0xbfe0000000000000), D(0xbfe0000000000000), D(0xbfe0000000000000)], b"-1|-0.5|-0.50|-0.500"),
    (M, b"%.0f|%.1f|%.2f|%.3f", &[D(0xc004000000000000), D(0xc004000000000000), D(0xc004000000000000), D(0xc004000000000000)], b"-3|-2.5|-2.50|-2.500"),
    (U, b"%.0f|%.1f|%.2f|%.3f", &[D(0xc004000000000000), D(0xc004000000000000), D(0xc004000000000000), D(0xc004000000000000)], b"-3|-2.5|-2.50|-2.500"),
    (M, b"%.0f|%.1f|%.2f|%.3f", &[D(0x4023000000000000), D(0x4023000000000000), D(0x4023000000000000), D(0x4023000000000000)], b"10|9.5|9.50|9.500"),
    (U, b"%.0f|%.1f|%.2f|%.3f", &[D(0x4023000000000000), D(0x4023000000000000), D(0x4023000000000000), D(0x4023000000000000)], b"10|9.5|9.50|9.500"),
    (M, b"%.0f|%.1f|%.2f|%.3f", &[D(0x4025000000000000), D(0x4025000000000000), D(0x4025000000000000), D(0x4025000000000000)], b"11|10.5|10.50|10.500"),
    (U, b"%.0f|%.1f|%.2f|%.3f", &[D(0x4025000000000000), D(0x4025000000000000), D(0x4025000000000000), D(0x4025000000000000)], b"11|10.5|10.50|10.500"),
    (M, b"%.0f|%.1f|%.2f|%.3f", &[D(0x3fc0000000000000), D(0x3fc0000000000000), D(0x3fc0000000000000), D(0x3fc0000000000000)], b"0|0.1|0.13|0.125"),
    (U, b"%.0f|%.1f|%.2f|%.3f", &[D(0x3fc0000000000000), D(0x3fc0000000000000), D(0x3fc0000000000000), D(0x3fc0000000000000)], b"0|0.1|0.13|0.125"),
    (M, b"%.0f|%.1f|%.2f|%.3f", &[D(0x3fd8000000000000), D(0x3fd8000000000000), D(0x3fd8000000000000), D(0x3fd8000000000000)], b"0|0.4|0.38|0.375"),
    (U, b"%.0f|%.1f|%.2f|%.3f", &[D(0x3fd8000000000000), D(0x3fd8000000000000), D(0x3fd8000000000000), D(0x3fd8000000000000)], b"0|0.4|0.38|0.375"),
    (M, b"%.1f|%.1f|%.1f|%.1f|%.1f", &[D(0x3fd0000000000000), D(0x3fd6666666666666), D(0x3fdccccccccccccd), D(0x3fa999999999999a), D(0xbfd0000000000000)], b"0.3|0.3|0.5|0.1|-0.3"),
    (U, b"%.1f|%.1f|%.1f|%.1f|%.1f", &[D(0x3fd0000000000000), D(0x3fd6666666666666), D(0x3fdccccccccccccd), D(0x3fa999999999999a), D(0xbfd0000000000000)], b"0.3|0.3|0.5|0.1|-0.3"),
    (M, b"%.2f|%.2f|%.2f|%.2f", &[D(0x3ff0147ae147ae14), D(0x3ff03d70a3d70a3d), D(0x3ff0666666666666), D(0x4005666666666666)], b"1.00|1.01|1.02|2.67"),
    (U, b"%.2f|%.2f|%.2f|%.2f", &[D(0x3ff0147ae147ae14), D(0x3ff03d70a3d70a3d), D(0x3ff0666666666666), D(0x4005666666666666)], b"1.00|1.01|1.02|2.67"),
    (M, b"%.3f|%.2f|%.1f|%.0f", &[D(0x4023ffbe76c8b439), D(0x408f3ff5c28f5c29), D(0x4058fccccccccccd), D(0x4058e00000000000)], b"9.999|1000.00|100.0|100"),
    (U, b"%.3f|%.2f|%.1f|%.0f", &[D(0x4023ffbe76c8b439), D(0x408f3ff5c28f5c29), D(0x4058fccccccccccd), D(0x4058e00000000000)], b"9.999|1000.00|100.0|100"),
    (M, b"%.0f|%.0f|%.0f", &[D(0x3fdfffffffffffff), D(0x4330000000000000), D(0x4340000000000001)], b"0|4503599627370496|9007199254740994"),
    (U, b"%.0f|%.0f|%.0f", &[D(0x3fdfffffffffffff), D(0x4330000000000000), D(0x4340000000000001)], b"0|4503599627370496|9007199254740994"),
    (M, b"%.20f|%.30f|%.17f", &[D(0x3fb999999999999a), D(0x3fd5555555555555), D(0x3fe5555555555555)], b"0.10000000000000000555|0.333333333333333314829616256247|0.66666666666666663"),
    (U, b"%.20f|%.30f|%.17f", &[D(0x3fb999999999999a), D(0x3fd5555555555555), D(0x3fe5555555555555)], b"0.10000000000000000555|0.333333333333333314829616256247|0.66666666666666663"),
    (M, b"%.60f", &[D(0x358dee7a4ad4b81f)], b"0.000000000000000000000000000000000000000000000000010000000000"),
    (U, b"%.60f", &[D(0x358dee7a4ad4b81f)], b"0.000000000000000000000000000000000000000000000000010000000000"),
    (M, b"[%#.0f][%#f][%#.1f][%#.0f]", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x0000000000000000)], b"[1.][1.000000][1.0][0.]"),
    (U, b"[%#.0f][%#f][%#.1f][%#.0f]", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x0000000000000000)], b"[1.][1.000000][1.0][0.]"),
    (M, b"[%+f][% f][%+f][% f][%+ f]", &[D(0x3ff8000000000000), D(0x3ff8000000000000), D(0xbff8000000000000), D(0xbff8000000000000), D(0x3ff8000000000000)], b"[+1.500000][ 1.500000][-1.500000][-1.500000][+1.500000]"),
    (U, b"[%+f][% f][%+f][% f][%+ f]", &[D(0x3ff8000000000000), D(0x3ff8000000000000), D(0xbff8000000000000), D(0xbff8000000000000), D(0x3ff8000000000000)], b"[+1.500000][ 1.500000][-1.500000][-1.500000][+1.500000]"),
    (M, b"[%010.3f][%-10.2f][%+010.2f][% 010.2f][%-+10.2f]", &[D(0xc00921f9f01b866e), D(0x400921f9f01b866e), D(0x400921f9f01b866e), D(0x400921f9f01b866e), D(0x400921f9f01b866e)], b"[-00003.142][3.14      ][+000003.14][ 000003.14][+3.14     ]"),
    (U, b"[%010.3f][%-10.2f][%+010.2f][% 010.2f][%-+10.2f]", &[D(0xc00921f9f01b866e), D(0x400921f9f01b866e), D(0x400921f9f01b866e), D(0x400921f9f01b866e), D(0x400921f9f01b866e)], b"[-00003.142][3.14      ][+000003.14][ 000003.14][+3.14     ]"),
    (M, b"[%08.2f][%-08.2f][%08f]", &[D(0x8000000000000000), D(0x8000000000000000), D(0x4202a05f20000000)], b"[-0000.00][-0.00   ][10000000000.000000]"),
    (U, b"[%08.2f][%-08.2f][%08f]", &[D(0x8000000000000000), D(0x8000000000000000), D(0x4202a05f20000000)], b"[-0000.00][-0.00   ][10000000000.000000]"),
    (M, b"[%*.*f][%.*f][%.*f]", &[I(10), I(2), D(0x400921f9f01b866e), I(-1), D(0x3ff8000000000000), I(0), D(0x3ff8000000000000)], b"[      3.14][1.500000][2]"),
    (U, b"[%*.*f][%.*f][%.*f]", &[I(10), I(2), D(0x400921f9f01b866e), I(-1), D(0x3ff8000000000000), I(0), D(0x3ff8000000000000)], b"[      3.14][1.500000][2]"),
    (M, b"[%lf][%Lf][%llf][%hf][%I64f][%wf][%zf][%jf]", &[D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000)], b"[1.500000][1.500000][1.500000][1.500000][1.500000][1.500000][zf][1.500000]"),
    (U, b"[%lf][%Lf][%llf][%hf][%I64f][%wf][%zf][%jf]", &[D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000)], b"[1.500000][1.500000][1.500000][1.500000][1.500000][1.500000][zf][1.500000]"),
    (M, b"[%F][%Ff][%.2F]", &[D(0x3ff8000000000000), D(0x4004000000000000), D(0x400c000000000000)], b"[][1.500000][]"),
    (U, b"[%F][%Ff][%.2F]", &[D(0x3ff8000000000000), D(0x4004000000000000), D(0x400c000000000000)], b"[1.500000][2.500000f][3.50]"),
    (M, b"[%.15f][%.16f][%.17f][%.18f]", &[D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a)], b"[0.100000000000000][0.1000000000000000][0.10000000000000001][0.100000000000000006]"),
    (U, b"[%.15f][%.16f][%.17f][%.18f]", &[D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a)], b"[0.100000000000000][0.1000000000000000][0.10000000000000001][0.100000000000000006]"),
    (M, b"%.0f|%.0f|%.0f", &[D(0x437b69b4ba630f35), D(0x430c6bf526340004), D(0x01956e1fc2f8f359)], b"123456789012345680|1000000000000001|0"),
    (U, b"%.0f|%.0f|%.0f", &[D(0x437b69b4ba630f35), D(0x430c6bf526340004), D(0x01956e1fc2f8f359)], b"123456789012345680|1000000000000001|0"),
    (M, b"%.14f|%.15f", &[D(0x3fefffffffffffff), D(0x3fefffffffffffff)], b"1.00000000000000|1.000000000000000"),
    (U, b"%.14f|%.15f", &[D(0x3fefffffffffffff), D(0x3fefffffffffffff)], b"1.00000000000000|1.000000000000000"),
    (M, b"%f|%f|%f", &[D(0x3ea0c6f7a0b5ed8d), D(0x3eb92a737110e454), D(0x3ec4f8b588e368f1)], b"0.000000|0.000002|0.000003"),
    (U, b"%f|%f|%f", &[D(0x3ea0c6f7a0b5ed8d), D(0x3eb92a737110e454), D(0x3ec4f8b588e368f1)], b"0.000000|0.000002|0.000003"),
    (M, b"%f|%.2f", &[D(0x412e847fffffef39), D(0xbf50624dd2f1a9fc)], b"999999.999999|-0.00"),
    (U, b"%f|%.2f", &[D(0x412e847fffffef39), D(0xbf50624dd2f1a9fc)], b"999999.999999|-0.00"),
    (M, b"%5.1f|%5.1f|%5.1f", &[D(0xbfa47ae147ae147b), D(0xbfa999999999999a), D(0xbfaeb851eb851eb8)], b" -0.0| -0.1| -0.1"),
    (U, b"%5.1f|%5.1f|%5.1f", &[D(0xbfa47ae147ae147b), D(0xbfa999999999999a), D(0xbfaeb851eb851eb8)], b" -0.0| -0.1| -0.1"),
    (M, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000)], b"0.000000e+000|0.000000E+000|0e+000|0.000e+000|0.000000000000000e+000"),
    (U, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000)], b"0.000000e+00|0.000000E+00|0e+00|0.000e+00|0.000000000000000e+00"),
    (M, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000)], b"-0.000000e+000|-0.000000E+000|-0e+000|-0.000e+000|-0.000000000000000e+000"),
    (U, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000)], b"-0.000000e+00|-0.000000E+00|-0e+00|-0.000e+00|-0.000000000000000e+00"),
    (M, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000)], b"1.000000e+000|1.000000E+000|1e+000|1.000e+000|1.000000000000000e+000"),
    (U, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000)], b"1.000000e+00|1.000000E+00|1e+00|1.000e+00|1.000000000000000e+00"),
    (M, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x4415af1d78b58c40), D(0x4415af1d78b58c40), D(0x4415af1d78b58c40), D(0x4415af1d78b58c40), D(0x4415af1d78b58c40)], b"1.000000e+020|1.000000E+020|1e+020|1.000e+020|1.000000000000000e+020"),
    (U, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x4415af1d78b58c40), D(0x4415af1d78b58c40), D(0x4415af1d78b58c40), D(0x4415af1d78b58c40), D(0x4415af1d78b58c40)], b"1.000000e+20|1.000000E+20|1e+20|1.000e+20|1.000000000000000e+20"),
    (M, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x3de49da7e361ce4c), D(0x3de49da7e361ce4c), D(0x3de49da7e361ce4c), D(0x3de49da7e361ce4c), D(0x3de49da7e361ce4c)], b"1.500000e-010|1.500000E-010|1e-010|1.500e-010|1.500000000000000e-010"),
    (U, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x3de49da7e361ce4c), D(0x3de49da7e361ce4c), D(0x3de49da7e361ce4c), D(0x3de49da7e361ce4c), D(0x3de49da7e361ce4c)], b"1.500000e-10|1.500000E-10|1e-10|1.500e-10|1.500000000000000e-10"),
    (M, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x40fe240000000000), D(0x40fe240000000000), D(0x40fe240000000000), D(0x40fe240000000000), D(0x40fe240000000000)], b"1.234560e+005|1.234560E+005|1e+005|1.235e+005|1.234560000000000e+005"),
    (U, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x40fe240000000000), D(0x40fe240000000000), D(0x40fe240000000000), D(0x40fe240000000000), D(0x40fe240000000000)], b"1.234560e+05|1.234560E+05|1e+05|1.235e+05|1.234560000000000e+05"),
    (M, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x54b249ad2594c37d), D(0x54b249ad2594c37d), D(0x54b249ad2594c37d), D(0x54b249ad2594c37d), D(0x54b249ad2594c37d)], b"1.000000e+100|1.000000E+100|1e+100|1.000e+100|1.000000000000000e+100"),
    (U, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x54b249ad2594c37d), D(0x54b249ad2594c37d), D(0x54b249ad2594c37d), D(0x54b249ad2594c37d), D(0x54b249ad2594c37d)], b"1.000000e+100|1.000000E+100|1e+100|1.000e+100|1.000000000000000e+100"),
    (M, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530)], b"1.000000e-100|1.000000E-100|1e-100|1.000e-100|1.000000000000000e-100"),
    (U, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530)], b"1.000000e-100|1.000000E-100|1e-100|1.000e-100|1.000000000000000e-100"),
    (M, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c)], b"1.000000e+300|1.000000E+300|1e+300|1.000e+300|1.000000000000000e+300"),
    (U, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c)], b"1.000000e+300|1.000000E+300|1e+300|1.000e+300|1.000000000000000e+300"),
    (M, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x01a56e1fc2f8f359), D(0x01a56e1fc2f8f359), D(0x01a56e1fc2f8f359), D(0x01a56e1fc2f8f359), D(0x01a56e1fc2f8f359)], b"1.000000e-300|1.000000E-300|1e-300|1.000e-300|1.000000000000000e-300"),
    (U, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x01a56e1fc2f8f359), D(0x01a56e1fc2f8f359), D(0x01a56e1fc2f8f359), D(0x01a56e1fc2f8f359), D(0x01a56e1fc2f8f359)], b"1.000000e-300|1.000000E-300|1e-300|1.000e-300|1.000000000000000e-300"),
    (M, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b)], b"1.000000e-310|1.000000E-310|1e-310|1.000e-310|9.999999999999969e-311"),
    (U, b"%e|%E|%.0e|%.3e|%.15e", &[D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b)], b"1.000000e-310|1.000000E-310|1e-310|1.000e-310|9.999999999999969e-311"),
    (M, b"%e|%.20e", &[D(0x0000000000000001), D(0x0000000000000001)], b"4.940656e-324|4.94065645841246544177e-324"),
    (U, b"%e|%.20e", &[D(0x0000000000000001), D(0x0000000000000001)], b"4.940656e-324|4.94065645841246544177e-324"),
    (M, b"%e|%.17e", &[D(0x7fefffffffffffff), D(0x7fefffffffffffff)], b"1.797693e+308|1.79769313486231571e+308"),
    (U, b"%e|%.17e", &[D(0x7fefffffffffffff), D(0x7fefffffffffffff)], b"1.797693e+308|1.79769313486231571e+308"),
    (M, b"%.0e|%.0e|%.0e|%.0e|%.0e", &[D(0x4004000000000000), D(0x3ff8000000000000), D(0x4039000000000000), D(0x406f400000000000), D(0x3fd0000000000000)], b"3e+000|2e+000|3e+001|3e+002|3e-001"),
    (U, b"%.0e|%.0e|%.0e|%.0e|%.0e", &[D(0x4004000000000000), D(0x3ff8000000000000), D(0x4039000000000000), D(0x406f400000000000), D(0x3fd0000000000000)], b"3e+00|2e+00|3e+01|3e+02|3e-01"),
    (M, b"%.1e|%.2e|%.2e|%.0e|%.0e", &[D(0x3fc0000000000000), D(0x3ff2000000000000), D(0x3ff1000000000000), D(0x4023000000000000), D(0xc023000000000000)], b"1.3e-001|1.13e+000|1.06e+000|1e+001|-1e+001"),
    (U, b"%.1e|%.2e|%.2e|%.0e|%.0e", &[D(0x3fc0000000000000), D(0x3ff2000000000000), D(0x3ff1000000000000), D(0x4023000000000000), D(0xc023000000000000)], b"1.3e-01|1.13e+00|1.06e+00|1e+01|-1e+01"),
    (M, b"%.3e|%.2e|%.1e|%.4e", &[D(0x4023ffbe76c8b439), D(0x4023fd70a3d70a3d), D(0x4023e66666666666), D(0x40f869f800000000)], b"9.999e+000|9.99e+000|9.9e+000|1.0000e+005"),
    (U, b"%.3e|%.2e|%.1e|%.4e", &[D(0x4023ffbe76c8b439), D(0x4023fd70a3d70a3d), D(0x4023e66666666666), D(0x40f869f800000000)], b"9.999e+00|9.99e+00|9.9e+00|1.0000e+05"),
    (M, b"%.15e|%.17e|%.25e|%.40e", &[D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a)], b"1.000000000000000e-001|1.00000000000000006e-001|1.0000000000000000555111512e-001|1.0000000000000000555111512312578270211816e-001"),
    (U, b"%.15e|%.17e|%.25e|%.40e", &[D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a)], b"1.000000000000000e-01|1.00000000000000006e-01|1.0000000000000000555111512e-01|1.0000000000000000555111512312578270211816e-01"),
    (M, b"%.0e|%.1e|%.2e", &[D(0x4052c00000000000), D(0x405f400000000000), D(0x4091940000000000)], b"8e+001|1.3e+002|1.13e+003"),
    (U, b"%.0e|%.1e|%.2e", &[D(0x4052c00000000000), D(0x405f400000000000), D(0x4091940000000000)], b"8e+01|1.3e+02|1.13e+03"),
    (M, b"%.0e|%.1e", &[D(0x44a52d02c7e14af6), D(0x432ff973cafa8000)], b"5e+022|4.5e+015"),
    (U, b"%.0e|%.1e", &[D(0x44a52d02c7e14af6), D(0x432ff973cafa8000)], b"5e+22|4.5e+15"),
    (M, b"[%#.0e][%#e][%#.0E]", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x4000000000000000)], b"[1.e+000][1.000000e+000][2.E+000]"),
    (U, b"[%#.0e][%#e][%#.0E]", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x4000000000000000)], b"[1.e+00][1.000000e+00][2.E+00]"),
    (M, b"[%+e][% e][%12.3e][%-12.3e][%012.3e][%+012.3E]", &[D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0xbff8000000000000), D(0x3ff8000000000000)], b"[+1.500000e+000][ 1.500000e+000][  1.500e+000][1.500e+000  ][-01.500e+000][+01.500E+000]"),
    (U, b"[%+e][% e][%12.3e][%-12.3e][%012.3e][%+012.3E]", &[D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0xbff8000000000000), D(0x3ff8000000000000)], b"[+1.500000e+00][ 1.500000e+00][   1.500e+00][1.500e+00   ][-001.500e+00][+001.500E+00]"),
    (M, b"[%015.4e][% 015.4e][%-015.4e]", &[D(0xa0d3a3ed8fafaf58), D(0x5f1d53cfc578e207), D(0x5f1d53cfc578e207)], b"[-0001.5000e-150][ 0001.5000e+150][1.5000e+150    ]"),
    (U, b"[%015.4e][% 015.4e][%-015.4e]", &[D(0xa0d3a3ed8fafaf58), D(0x5f1d53cfc578e207), D(0x5f1d53cfc578e207)], b"[-0001.5000e-150][ 0001.5000e+150][1.5000e+150    ]"),
    (M, b"[%*.*e]", &[I(-15), I(2), D(0x405ec00000000000)], b"[1.23e+002      ]"),
    (U, b"[%*.*e]", &[I(-15), I(2), D(0x405ec00000000000)], b"[1.23e+02       ]"),
    (M, b"[%.*e]", &[I(-1), D(0x3ff8000000000000)], b"[1.500000e+000]"),
    (U, b"[%.*e]", &[I(-1), D(0x3ff8000000000000)], b"[1.500000e+00]"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000)], b"0|0|0|0|0.00000|0"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000)], b"0|0|0|0|0.00000|0"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000)], b"-0|-0|-0|-0|-0.00000|-0"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000)], b"-0|-0|-0|-0|-0.00000|-0"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000)], b"1|1|1|1|1.00000|1"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000)], b"1|1|1|1|1.00000|1"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x3f1a36e2eb1c432d), D(0x3f1a36e2eb1c432d), D(0x3f1a36e2eb1c432d), D(0x3f1a36e2eb1c432d), D(0x3f1a36e2eb1c432d), D(0x3f1a36e2eb1c432d)], b"0.0001|0.0001|0.0001|0.0001|0.000100000|0.0001"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x3f1a36e2eb1c432d), D(0x3f1a36e2eb1c432d), D(0x3f1a36e2eb1c432d), D(0x3f1a36e2eb1c432d), D(0x3f1a36e2eb1c432d), D(0x3f1a36e2eb1c432d)], b"0.0001|0.0001|0.0001|0.0001|0.000100000|0.0001"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1)], b"1e-005|1E-005|1e-005|1e-005|1.00000e-005|1.0000000000000001e-005"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1)], b"1e-05|1E-05|1e-05|1e-05|1.00000e-05|1.0000000000000001e-05"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x40fe240000000000), D(0x40fe240000000000), D(0x40fe240000000000), D(0x40fe240000000000), D(0x40fe240000000000), D(0x40fe240000000000)], b"123456|123456|1e+005|1.23e+005|123456.|123456"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x40fe240000000000), D(0x40fe240000000000), D(0x40fe240000000000), D(0x40fe240000000000), D(0x40fe240000000000), D(0x40fe240000000000)], b"123456|123456|1e+05|1.23e+05|123456.|123456"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x4132d68700000000), D(0x4132d68700000000), D(0x4132d68700000000), D(0x4132d68700000000), D(0x4132d68700000000), D(0x4132d68700000000)], b"1.23457e+006|1.23457E+006|1e+006|1.23e+006|1.23457e+006|1234567"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x4132d68700000000), D(0x4132d68700000000), D(0x4132d68700000000), D(0x4132d68700000000), D(0x4132d68700000000), D(0x4132d68700000000)], b"1.23457e+06|1.23457E+06|1e+06|1.23e+06|1.23457e+06|1234567"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x412e848000000000), D(0x412e848000000000), D(0x412e848000000000), D(0x412e848000000000), D(0x412e848000000000), D(0x412e848000000000)], b"1e+006|1E+006|1e+006|1e+006|1.00000e+006|1000000"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x412e848000000000), D(0x412e848000000000), D(0x412e848000000000), D(0x412e848000000000), D(0x412e848000000000), D(0x412e848000000000)], b"1e+06|1E+06|1e+06|1e+06|1.00000e+06|1000000"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1)], b"1e-005|1E-005|1e-005|1e-005|1.00000e-005|1.0000000000000001e-005"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1), D(0x3ee4f8b588e368f1)], b"1e-05|1E-05|1e-05|1e-05|1.00000e-05|1.0000000000000001e-05"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x40f86a0000000000), D(0x40f86a0000000000), D(0x40f86a0000000000), D(0x40f86a0000000000), D(0x40f86a0000000000), D(0x40f86a0000000000)], b"100000|100000|1e+005|1e+005|100000.|100000"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x40f86a0000000000), D(0x40f86a0000000000), D(0x40f86a0000000000), D(0x40f86a0000000000), D(0x40f86a0000000000), D(0x40f86a0000000000)], b"100000|100000|1e+05|1e+05|100000.|100000"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x430c6bf526340000), D(0x430c6bf526340000), D(0x430c6bf526340000), D(0x430c6bf526340000), D(0x430c6bf526340000), D(0x430c6bf526340000)], b"1e+015|1E+015|1e+015|1e+015|1.00000e+015|1000000000000000"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x430c6bf526340000), D(0x430c6bf526340000), D(0x430c6bf526340000), D(0x430c6bf526340000), D(0x430c6bf526340000), D(0x430c6bf526340000)], b"1e+15|1E+15|1e+15|1e+15|1.00000e+15|1000000000000000"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a)], b"0.1|0.1|0.1|0.1|0.100000|0.10000000000000001"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a)], b"0.1|0.1|0.1|0.1|0.100000|0.10000000000000001"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555)], b"0.333333|0.333333|0.3|0.333|0.333333|0.33333333333333331"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555)], b"0.333333|0.333333|0.3|0.333|0.333333|0.33333333333333331"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x54b249ad2594c37d), D(0x54b249ad2594c37d), D(0x54b249ad2594c37d), D(0x54b249ad2594c37d), D(0x54b249ad2594c37d), D(0x54b249ad2594c37d)], b"1e+100|1E+100|1e+100|1e+100|1.00000e+100|1e+100"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x54b249ad2594c37d), D(0x54b249ad2594c37d), D(0x54b249ad2594c37d), D(0x54b249ad2594c37d), D(0x54b249ad2594c37d), D(0x54b249ad2594c37d)], b"1e+100|1E+100|1e+100|1e+100|1.00000e+100|1e+100"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530)], b"1e-100|1E-100|1e-100|1e-100|1.00000e-100|1e-100"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530), D(0x2b2bff2ee48e0530)], b"1e-100|1E-100|1e-100|1e-100|1.00000e-100|1e-100"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x4059000000000000), D(0x4059000000000000), D(0x4059000000000000), D(0x4059000000000000), D(0x4059000000000000), D(0x4059000000000000)], b"100|100|1e+002|100|100.000|100"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x4059000000000000), D(0x4059000000000000), D(0x4059000000000000), D(0x4059000000000000), D(0x4059000000000000), D(0x4059000000000000)], b"100|100|1e+02|100|100.000|100"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c)], b"1e+300|1E+300|1e+300|1e+300|1.00000e+300|1.0000000000000001e+300"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c)], b"1e+300|1E+300|1e+300|1e+300|1.00000e+300|1.0000000000000001e+300"),
    (M, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b)], b"1e-310|1E-310|1e-310|1e-310|1.00000e-310|9.9999999999999694e-311"),
    (U, b"%g|%G|%.0g|%.3g|%#g|%.17g", &[D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b)], b"1e-310|1E-310|1e-310|1e-310|1.00000e-310|9.9999999999999694e-311"),
    (M, b"%.0g|%.0g|%.0g|%.0g|%.1g|%.1g", &[D(0x3ff0000000000000), D(0x402e000000000000), D(0x3fe0000000000000), D(0x4004000000000000), D(0x3fd0000000000000), D(0x4004000000000000)], b"1|2e+001|0.5|3|0.3|3"),
    (U, b"%.0g|%.0g|%.0g|%.0g|%.1g|%.1g", &[D(0x3ff0000000000000), D(0x402e000000000000), D(0x3fe0000000000000), D(0x4004000000000000), D(0x3fd0000000000000), D(0x4004000000000000)], b"1|2e+01|0.5|3|0.3|3"),
    (M, b"%.2g|%.2g|%.3g|%.3g|%.3g", &[D(0x4002000000000000), D(0x3fc0000000000000), D(0x408f3c0000000000), D(0x408f400000000000), D(0x3f202c9dedbc309d)], b"2.3|0.13|1e+003|1e+003|0.000123"),
    (U, b"%.2g|%.2g|%.3g|%.3g|%.3g", &[D(0x4002000000000000), D(0x3fc0000000000000), D(0x408f3c0000000000), D(0x408f400000000000), D(0x3f202c9dedbc309d)], b"2.3|0.13|1e+03|1e+03|0.000123"),
    (M, b"%.10g|%.20g|%.1g|%.2g", &[D(0x3fd5555555555555), D(0x3ff0000000000000), D(0x4023000000000000), D(0x4058e00000000000)], b"0.3333333333|1|1e+001|1e+002"),
    (U, b"%.10g|%.20g|%.1g|%.2g", &[D(0x3fd5555555555555), D(0x3ff0000000000000), D(0x4023000000000000), D(0x4058e00000000000)], b"0.3333333333|1|1e+01|1e+02"),
    (M, b"[%#.3g][%#.0g][%#g][%#.10g]", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x0000000000000000), D(0x3ff8000000000000)], b"[1.00][1.][0.00000][1.500000000]"),
    (U, b"[%#.3g][%#.0g][%#g][%#.10g]", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x0000000000000000), D(0x3ff8000000000000)], b"[1.00][1.][0.00000][1.500000000]"),
    (M, b"[%+g][% g][%010g][%-10g][%-+10g][%010G]", &[D(0x3ff8000000000000), D(0x3ff8000000000000), D(0xbff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ddb7cdfd9d7bdbb)], b"[+1.5][ 1.5][-0000001.5][1.5       ][+1.5      ][00001E-010]"),
    (U, b"[%+g][% g][%010g][%-10g][%-+10g][%010G]", &[D(0x3ff8000000000000), D(0x3ff8000000000000), D(0xbff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ddb7cdfd9d7bdbb)], b"[+1.5][ 1.5][-0000001.5][1.5       ][+1.5      ][000001E-10]"),
    (M, b"%g|%g|%g|%g", &[D(0x3f1a36e2eb1c432d), D(0x3f1a36e1334e458f), D(0x3f1a36e2e6b65ccc), D(0x412e847f00000000)], b"0.0001|9.99999e-005|0.0001|1e+006"),
    (U, b"%g|%g|%g|%g", &[D(0x3f1a36e2eb1c432d), D(0x3f1a36e1334e458f), D(0x3f1a36e2e6b65ccc), D(0x412e847f00000000)], b"0.0001|9.99999e-05|0.0001|1e+06"),
    (M, b"%g|%g|%g", &[D(0x4341c37937e08000), D(0x419d6f3454000000), D(0x40c81cd6c8b43958)], b"1e+016|1.23457e+008|12345.7"),
    (U, b"%g|%g|%g", &[D(0x4341c37937e08000), D(0x419d6f3454000000), D(0x40c81cd6c8b43958)], b"1e+16|1.23457e+08|12345.7"),
    (M, b"%G|%G", &[D(0x39be6c71fe61a3ef), D(0x7fefffffffffffff)], b"1.5E-030|1.79769E+308"),
    (U, b"%G|%G", &[D(0x39be6c71fe61a3ef), D(0x7fefffffffffffff)], b"1.5E-30|1.79769E+308"),
    (M, b"[%.*g]", &[I(-1), D(0x3ff8000000000000)], b"[1.5]"),
    (U, b"[%.*g]", &[I(-1), D(0x3ff8000000000000)], b"[1.5]"),
    (M, b"%#.0g|%#.1g|%#.2g", &[D(0x3fe0000000000000), D(0x4059000000000000), D(0x3f50624dd2f1a9fc)], b"0.5|1.e+002|0.0010"),
    (U, b"%#.0g|%#.1g|%#.2g", &[D(0x3fe0000000000000), D(0x4059000000000000), D(0x3f50624dd2f1a9fc)], b"0.5|1.e+02|0.0010"),
    (M, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000)], b"0x1.0000000000000p+0|0X1.0000000000000P+0|0x1p+0|0x1.0p+0|0x1.000p+0|0x1.00000000000000000000p+0"),
    (U, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000)], b"0x1.0000000000000p+0|0X1.0000000000000P+0|0x1p+0|0x1.0p+0|0x1.000p+0|0x1.00000000000000000000p+0"),
    (M, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0xbff0000000000000), D(0xbff0000000000000), D(0xbff0000000000000), D(0xbff0000000000000), D(0xbff0000000000000), D(0xbff0000000000000)], b"-0x1.0000000000000p+0|-0X1.0000000000000P+0|-0x1p+0|-0x1.0p+0|-0x1.000p+0|-0x1.00000000000000000000p+0"),
    (U, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0xbff0000000000000), D(0xbff0000000000000), D(0xbff0000000000000), D(0xbff0000000000000), D(0xbff0000000000000), D(0xbff0000000000000)], b"-0x1.0000000000000p+0|-0X1.0000000000000P+0|-0x1p+0|-0x1.0p+0|-0x1.000p+0|-0x1.00000000000000000000p+0"),
    (M, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000)], b"0x0.0000000000000p+0|0X0.0000000000000P+0|0x0p+0|0x0.0p+0|0x0.000p+0|0x0.00000000000000000000p+0"),
    (U, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000), D(0x0000000000000000)], b"0x0.0000000000000p+0|0X0.0000000000000P+0|0x0p+0|0x0.0p+0|0x0.000p+0|0x0.00000000000000000000p+0"),
    (M, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000)], b"-0x0.0000000000000p+0|-0X0.0000000000000P+0|-0x0p+0|-0x0.0p+0|-0x0.000p+0|-0x0.00000000000000000000p+0"),
    (U, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000), D(0x8000000000000000)], b"-0x0.0000000000000p+0|-0X0.0000000000000P+0|-0x0p+0|-0x0.0p+0|-0x0.000p+0|-0x0.00000000000000000000p+0"),
    (M, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x3fe0000000000000), D(0x3fe0000000000000), D(0x3fe0000000000000), D(0x3fe0000000000000), D(0x3fe0000000000000), D(0x3fe0000000000000)], b"0x1.0000000000000p-1|0X1.0000000000000P-1|0x1p-1|0x1.0p-1|0x1.000p-1|0x1.00000000000000000000p-1"),
    (U, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x3fe0000000000000), D(0x3fe0000000000000), D(0x3fe0000000000000), D(0x3fe0000000000000), D(0x3fe0000000000000), D(0x3fe0000000000000)], b"0x1.0000000000000p-1|0X1.0000000000000P-1|0x1p-1|0x1.0p-1|0x1.000p-1|0x1.00000000000000000000p-1"),
    (M, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a)], b"0x1.999999999999ap-4|0X1.999999999999AP-4|0x2p-4|0x1.ap-4|0x1.99ap-4|0x1.999999999999a0000000p-4"),
    (U, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a), D(0x3fb999999999999a)], b"0x1.999999999999ap-4|0X1.999999999999AP-4|0x2p-4|0x1.ap-4|0x1.99ap-4|0x1.999999999999a0000000p-4"),
    (M, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000)], b"0x1.8000000000000p+0|0X1.8000000000000P+0|0x2p+0|0x1.8p+0|0x1.800p+0|0x1.80000000000000000000p+0"),
    (U, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000), D(0x3ff8000000000000)], b"0x1.8000000000000p+0|0X1.8000000000000P+0|0x2p+0|0x1.8p+0|0x1.800p+0|0x1.80000000000000000000p+0"),
    (M, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x406fe00000000000), D(0x406fe00000000000), D(0x406fe00000000000), D(0x406fe00000000000), D(0x406fe00000000000), D(0x406fe00000000000)], b"0x1.fe00000000000p+7|0X1.FE00000000000P+7|0x2p+7|0x2.0p+7|0x1.fe0p+7|0x1.fe000000000000000000p+7"),
    (U, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x406fe00000000000), D(0x406fe00000000000), D(0x406fe00000000000), D(0x406fe00000000000), D(0x406fe00000000000), D(0x406fe00000000000)], b"0x1.fe00000000000p+7|0X1.FE00000000000P+7|0x2p+7|0x2.0p+7|0x1.fe0p+7|0x1.fe000000000000000000p+7"),
    (M, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b)], b"0x0.012688b70e62bp-1022|0X0.012688B70E62BP-1022|0x0p-1022|0x0.0p-1022|0x0.012p-1022|0x0.012688b70e62b0000000p-1022"),
    (U, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b), D(0x000012688b70e62b)], b"0x0.012688b70e62bp-1022|0X0.012688B70E62BP-1022|0x0p-1022|0x0.0p-1022|0x0.012p-1022|0x0.012688b70e62b0000000p-1022"),
    (M, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c)], b"0x1.7e43c8800759cp+996|0X1.7E43C8800759CP+996|0x1p+996|0x1.8p+996|0x1.7e4p+996|0x1.7e43c8800759c0000000p+996"),
    (U, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c), D(0x7e37e43c8800759c)], b"0x1.7e43c8800759cp+996|0X1.7E43C8800759CP+996|0x1p+996|0x1.8p+996|0x1.7e4p+996|0x1.7e43c8800759c0000000p+996"),
    (M, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555)], b"0x1.5555555555555p-2|0X1.5555555555555P-2|0x1p-2|0x1.5p-2|0x1.555p-2|0x1.55555555555550000000p-2"),
    (U, b"%a|%A|%.0a|%.1a|%.3a|%.20a", &[D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555), D(0x3fd5555555555555)], b"0x1.5555555555555p-2|0X1.5555555555555P-2|0x1p-2|0x1.5p-2|0x1.555p-2|0x1.55555555555550000000p-2"),
    (M, b"%a|%a|%a", &[D(0x0000000000000001), D(0x7fefffffffffffff), D(0x0010000000000000)], b"0x0.0000000000001p-1022|0x1.fffffffffffffp+1023|0x1.0000000000000p-1022"),
    (U, b"%a|%a|%a", &[D(0x0000000000000001), D(0x7fefffffffffffff), D(0x0010000000000000)], b"0x0.0000000000001p-1022|0x1.fffffffffffffp+1023|0x1.0000000000000p-1022"),
    (M, b"%.0a|%.0a|%.0a|%.0a", &[D(0x3ff8000000000000), D(0x3ff6666666666666), D(0x3fffff972474538f), D(0x3ff0800000000000)], b"0x2p+0|0x1p+0|0x2p+0|0x1p+0"),
    (U, b"%.0a|%.0a|%.0a|%.0a", &[D(0x3ff8000000000000), D(0x3ff6666666666666), D(0x3fffff972474538f), D(0x3ff0800000000000)], b"0x2p+0|0x1p+0|0x2p+0|0x1p+0"),
    (M, b"%.1a|%.1a|%.1a|%.1a", &[D(0x3ff0800000000000), D(0x3ff1800000000000), D(0x3fff800000000000), D(0x3fffffffffffffff)], b"0x1.1p+0|0x1.2p+0|0x2.0p+0|0x2.0p+0"),
    (U, b"%.1a|%.1a|%.1a|%.1a", &[D(0x3ff0800000000000), D(0x3ff1800000000000), D(0x3fff800000000000), D(0x3fffffffffffffff)], b"0x1.1p+0|0x1.2p+0|0x2.0p+0|0x2.0p+0"),
    (M, b"%.12a|%.13a|%.14a|%.12a", &[D(0x3fffffffffffffff), D(0x3fffffffffffffff), D(0x3fffffffffffffff), D(0x3ff0000000000001)], b"0x2.000000000000p+0|0x1.fffffffffffffp+0|0x1.fffffffffffff0p+0|0x1.000000000000p+0"),
    (U, b"%.12a|%.13a|%.14a|%.12a", &[D(0x3fffffffffffffff), D(0x3fffffffffffffff), D(0x3fffffffffffffff), D(0x3ff0000000000001)], b"0x2.000000000000p+0|0x1.fffffffffffffp+0|0x1.fffffffffffff0p+0|0x1.000000000000p+0"),
    (M, b"[%20a][%025a][%+a][% a][%#.0a][%#a]", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000)], b"[0x1.0000000000000p+0][0x000001.0000000000000p+0][+0x1.0000000000000p+0][ 0x1.0000000000000p+0][0x1.p+0][0x1.0000000000000p+0]"),
    (U, b"[%20a][%025a][%+a][% a][%#.0a][%#a]", &[D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000), D(0x3ff0000000000000)], b"[0x1.0000000000000p+0][0x000001.0000000000000p+0][+0x1.0000000000000p+0][ 0x1.0000000000000p+0][0x1.p+0][0x1.0000000000000p+0]"),
    (M, b"[%+025a][% 025A][%025a][%025.2a]", &[D(0xbff0000000000000), D(0x3ff0000000000000), D(0xc000000000000000), D(0x3ff0000000000000)], b"[-0x00001.0000000000000p+0][ 0X00001.0000000000000P+0][-0x00001.0000000000000p+1][0x00000000000000001.00p+0]"),
    (U, b"[%+025a][% 025A][%025a][%025.2a]", &[D(0xbff0000000000000), D(0x3ff0000000000000), D(0xc000000000000000), D(0x3ff0000000000000)], b"[-0x00001.0000000000000p+0][ 0X00001.0000000000000P+0][-0x00001.0000000000000p+1][0x00000000000000001.00p+0]"),
    (M, b"[%20.3a][%020.3a][%+.3a]", &[D(0xbff0000000000000), D(0xbff0000000000000), D(0x3ff0000000000000)], b"[         -0x1.000p+0][-0x0000000001.000p+0][+0x1.000p+0]"),
    (U, b"[%20.3a][%020.3a][%+.3a]", &[D(0xbff0000000000000), D(0xbff0000000000000), D(0x3ff0000000000000)], b"[         -0x1.000p+0][-0x0000000001.000p+0][+0x1.000p+0]"),
    (M, b"[%la][%La][%.*a]", &[D(0x3fd0000000000000), D(0x3fd0000000000000), I(2), D(0x3fd0000000000000)], b"[0x1.0000000000000p-2][0x1.0000000000000p-2][0x1.00p-2]"),
    (U, b"[%la][%La][%.*a]", &[D(0x3fd0000000000000), D(0x3fd0000000000000), I(2), D(0x3fd0000000000000)], b"[0x1.0000000000000p-2][0x1.0000000000000p-2][0x1.00p-2]"),
    (M, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"1.#INF00|1.#INF00e+000|1.#INF|1.#INF00E+000|1.#INF|0x1.#INF000000000p+0|0X1.#INF000000000P+0|"),
    (U, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"inf|inf|inf|INF|INF|inf|INF|INF"),
    (M, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000)], b"-1.#INF00|-1.#INF00e+000|-1.#INF|-1.#INF00E+000|-1.#INF|-0x1.#INF000000000p+0|-0X1.#INF000000000P+0|"),
    (U, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000)], b"-inf|-inf|-inf|-INF|-INF|-inf|-INF|-INF"),
    (M, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000)], b"1.#QNAN0|1.#QNAN0e+000|1.#QNAN|1.#QNAN0E+000|1.#QNAN|0x1.#QNAN00000000p+0|0X1.#QNAN00000000P+0|"),
    (U, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000)], b"nan|nan|nan|NAN|NAN|nan|NAN|NAN"),
    (M, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000)], b"-1.#IND00|-1.#IND00e+000|-1.#IND|-1.#IND00E+000|-1.#IND|-0x1.#IND000000000p+0|-0X1.#IND000000000P+0|"),
    (U, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000)], b"-nan(ind)|-nan(ind)|-nan(ind)|-NAN(IND)|-NAN(IND)|-nan(ind)|-NAN(IND)|-NAN(IND)"),
    (M, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0x7ff0000000000001), D(0x7ff0000000000001), D(0x7ff0000000000001), D(0x7ff0000000000001), D(0x7ff0000000000001), D(0x7ff0000000000001), D(0x7ff0000000000001), D(0x7ff0000000000001)], b"1.#QNAN0|1.#QNAN0e+000|1.#QNAN|1.#QNAN0E+000|1.#QNAN|0x1.#QNAN00000000p+0|0X1.#QNAN00000000P+0|"),
    (U, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0x7ff0000000000001), D(0x7ff0000000000001), D(0x7ff0000000000001), D(0x7ff0000000000001), D(0x7ff0000000000001), D(0x7ff0000000000001), D(0x7ff0000000000001), D(0x7ff0000000000001)], b"nan|nan|nan|NAN|NAN|nan|NAN|NAN"),
    (M, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0xfff0000000000001), D(0xfff0000000000001), D(0xfff0000000000001), D(0xfff0000000000001), D(0xfff0000000000001), D(0xfff0000000000001), D(0xfff0000000000001), D(0xfff0000000000001)], b"-1.#IND00|-1.#IND00e+000|-1.#IND|-1.#IND00E+000|-1.#IND|-0x1.#IND000000000p+0|-0X1.#IND000000000P+0|"),
    (U, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0xfff0000000000001), D(0xfff0000000000001), D(0xfff0000000000001), D(0xfff0000000000001), D(0xfff0000000000001), D(0xfff0000000000001), D(0xfff0000000000001), D(0xfff0000000000001)], b"-nan(ind)|-nan(ind)|-nan(ind)|-NAN(IND)|-NAN(IND)|-nan(ind)|-NAN(IND)|-NAN(IND)"),
    (M, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0x7ff8000000000123), D(0x7ff8000000000123), D(0x7ff8000000000123), D(0x7ff8000000000123), D(0x7ff8000000000123), D(0x7ff8000000000123), D(0x7ff8000000000123), D(0x7ff8000000000123)], b"1.#QNAN0|1.#QNAN0e+000|1.#QNAN|1.#QNAN0E+000|1.#QNAN|0x1.#QNAN00000000p+0|0X1.#QNAN00000000P+0|"),
    (U, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0x7ff8000000000123), D(0x7ff8000000000123), D(0x7ff8000000000123), D(0x7ff8000000000123), D(0x7ff8000000000123), D(0x7ff8000000000123), D(0x7ff8000000000123), D(0x7ff8000000000123)], b"nan|nan|nan|NAN|NAN|nan|NAN|NAN"),
    (M, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0xfff8000000000123), D(0xfff8000000000123), D(0xfff8000000000123), D(0xfff8000000000123), D(0xfff8000000000123), D(0xfff8000000000123), D(0xfff8000000000123), D(0xfff8000000000123)], b"-1.#IND00|-1.#IND00e+000|-1.#IND|-1.#IND00E+000|-1.#IND|-0x1.#IND000000000p+0|-0X1.#IND000000000P+0|"),
    (U, b"%f|%e|%g|%E|%G|%a|%A|%F", &[D(0xfff8000000000123), D(0xfff8000000000123), D(0xfff8000000000123), D(0xfff8000000000123), D(0xfff8000000000123), D(0xfff8000000000123), D(0xfff8000000000123), D(0xfff8000000000123)], b"-nan(ind)|-nan(ind)|-nan(ind)|-NAN(IND)|-NAN(IND)|-nan(ind)|-NAN(IND)|-NAN(IND)"),
    (M, b"%.0f|%.1f|%.2f|%.3f|%.4f|%.5f|%.10f", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"1|1.$|1.#J|1.#IO|1.#INF|1.#INF0|1.#INF000000"),
    (U, b"%.0f|%.1f|%.2f|%.3f|%.4f|%.5f|%.10f", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"inf|inf|inf|inf|inf|inf|inf"),
    (M, b"%.0e|%.1e|%.2e|%.3e|%.4e|%.10e", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"1e+000|1.$e+000|1.#Je+000|1.#IOe+000|1.#INFe+000|1.#INF000000e+000"),
    (U, b"%.0e|%.1e|%.2e|%.3e|%.4e|%.10e", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"inf|inf|inf|inf|inf|inf"),
    (M, b"%.0g|%.1g|%.2g|%.3g|%.4g|%.5g|%.10g|%#g|%#.2g", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"1.#INF|1|1.$|1.#J|1.#IO|1.#INF|1.#INF|1.#INF|1.$"),
    (U, b"%.0g|%.1g|%.2g|%.3g|%.4g|%.5g|%.10g|%#g|%#.2g", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"inf|inf|inf|inf|inf|inf|inf|inf|inf"),
    (M, b"[%10f][%010f][%+f][% f][%#.0f][%12.1e][%+010.2e]", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"[  1.#INF00][001.#INF00][+1.#INF00][ 1.#INF00][1][       1.$e+000][+001.#Je+000]"),
    (U, b"[%10f][%010f][%+f][% f][%#.0f][%12.1e][%+010.2e]", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"[       inf][       inf][+inf][ inf][inf][         inf][      +inf]"),
    (M, b"[%.0a][%.1a][%.3a][%.14a][%#a][%20a][%020a][%+a]", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"[0x1p+0][0x1.$p+0][0x1.#IOp+0][0x1.#INF0000000000p+0][0x1.#INF000000000p+0][0x1.#INF000000000p+0][0x1.#INF000000000p+0][+0x1.#INF000000000p+0]"),
    (U, b"[%.0a][%.1a][%.3a][%.14a][%#a][%20a][%020a][%+a]", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"[inf][inf][inf][inf][inf][                 inf][                 inf][+inf]"),
    (M, b"%.0f|%.1f|%.2f|%.3f|%.4f|%.5f|%.10f", &[D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000)], b"-1|-1.$|-1.#J|-1.#IO|-1.#INF|-1.#INF0|-1.#INF000000"),
    (U, b"%.0f|%.1f|%.2f|%.3f|%.4f|%.5f|%.10f", &[D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000)], b"-inf|-inf|-inf|-inf|-inf|-inf|-inf"),
    (M, b"%.0e|%.1e|%.2e|%.3e|%.4e|%.10e", &[D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000)], b"-1e+000|-1.$e+000|-1.#Je+000|-1.#IOe+000|-1.#INFe+000|-1.#INF000000e+000"),
    (U, b"%.0e|%.1e|%.2e|%.3e|%.4e|%.10e", &[D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000)], b"-inf|-inf|-inf|-inf|-inf|-inf"),
    (M, b"%.0g|%.1g|%.2g|%.3g|%.4g|%.5g|%.10g|%#g|%#.2g", &[D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000)], b"-1.#INF|-1|-1.$|-1.#J|-1.#IO|-1.#INF|-1.#INF|-1.#INF|-1.$"),
    (U, b"%.0g|%.1g|%.2g|%.3g|%.4g|%.5g|%.10g|%#g|%#.2g", &[D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000)], b"-inf|-inf|-inf|-inf|-inf|-inf|-inf|-inf|-inf"),
    (M, b"[%10f][%010f][%+f][% f][%#.0f][%12.1e][%+010.2e]", &[D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000)], b"[ -1.#INF00][-01.#INF00][-1.#INF00][-1.#INF00][-1][      -1.$e+000][-001.#Je+000]"),
    (U, b"[%10f][%010f][%+f][% f][%#.0f][%12.1e][%+010.2e]", &[D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000)], b"[      -inf][      -inf][-inf][-inf][-inf][        -inf][      -inf]"),
    (M, b"[%.0a][%.1a][%.3a][%.14a][%#a][%20a][%020a][%+a]", &[D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000)], b"[-0x1p+0][-0x1.$p+0][-0x1.#IOp+0][-0x1.#INF0000000000p+0][-0x1.#INF000000000p+0][-0x1.#INF000000000p+0][-0x1.#INF000000000p+0][-0x1.#INF000000000p+0]"),
    (U, b"[%.0a][%.1a][%.3a][%.14a][%#a][%20a][%020a][%+a]", &[D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000), D(0xfff0000000000000)], b"[-inf][-inf][-inf][-inf][-inf][                -inf][                -inf][-inf]"),
    (M, b"%.0f|%.1f|%.2f|%.3f|%.4f|%.5f|%.10f", &[D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000)], b"1|1.$|1.#R|1.#QO|1.#QNB|1.#QNAN|1.#QNAN00000"),
    (U, b"%.0f|%.1f|%.2f|%.3f|%.4f|%.5f|%.10f", &[D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000)], b"nan|nan|nan|nan|nan|nan|nan"),
    (M, b"%.0e|%.1e|%.2e|%.3e|%.4e|%.10e", &[D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000)], b"1e+000|1.$e+000|1.#Re+000|1.#QOe+000|1.#QNBe+000|1.#QNAN00000e+000"),
    (U, b"%.0e|%.1e|%.2e|%.3e|%.4e|%.10e", &[D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000)], b"nan|nan|nan|nan|nan|nan"),
    (M, b"%.0g|%.1g|%.2g|%.3g|%.4g|%.5g|%.10g|%#g|%#.2g", &[D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000)], b"1.#QNAN|1|1.$|1.#R|1.#QO|1.#QNB|1.#QNAN|1.#QNAN|1.$"),
    (U, b"%.0g|%.1g|%.2g|%.3g|%.4g|%.5g|%.10g|%#g|%#.2g", &[D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000)], b"nan|nan|nan|nan|nan|nan|nan|nan|nan"),
    (M, b"[%10f][%010f][%+f][% f][%#.0f][%12.1e][%+010.2e]", &[D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000)], b"[  1.#QNAN0][001.#QNAN0][+1.#QNAN0][ 1.#QNAN0][1][        1.$e+000][+0001.#Re+000]"),
    (U, b"[%10f][%010f][%+f][% f][%#.0f][%12.1e][%+010.2e]", &[D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000)], b"[       nan][       nan][+nan][ nan][nan][         nan][      +nan]"),
    (M, b"[%.0a][%.1a][%.3a][%.14a][%#a][%20a][%020a][%+a]", &[D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000)], b"[0x1p+0][0x1.$p+0][0x1.#QOp+0][0x1.#QNAN000000000p+0][0x1.#QNAN00000000p+0][0x1.#QNAN00000000p+0][0x1.#QNAN00000000p+0][+0x1.#QNAN00000000p+0]"),
    (U, b"[%.0a][%.1a][%.3a][%.14a][%#a][%20a][%020a][%+a]", &[D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000), D(0x7ff8000000000000)], b"[nan][nan][nan][nan][nan][                 nan][                 nan][+nan]"),
    (M, b"%.0f|%.1f|%.2f|%.3f|%.4f|%.5f|%.10f", &[D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000)], b"-1|-1.$|-1.#J|-1.#IO|-1.#IND|-1.#IND0|-1.#IND000000"),
    (U, b"%.0f|%.1f|%.2f|%.3f|%.4f|%.5f|%.10f", &[D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000)], b"-nan(ind)|-nan(ind)|-nan(ind)|-nan(ind)|-nan(ind)|-nan(ind)|-nan(ind)"),
    (M, b"%.0e|%.1e|%.2e|%.3e|%.4e|%.10e", &[D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000)], b"-1e+000|-1.$e+000|-1.#Je+000|-1.#IOe+000|-1.#INDe+000|-1.#IND000000e+000"),
    (U, b"%.0e|%.1e|%.2e|%.3e|%.4e|%.10e", &[D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000)], b"-nan(ind)|-nan(ind)|-nan(ind)|-nan(ind)|-nan(ind)|-nan(ind)"),
    (M, b"%.0g|%.1g|%.2g|%.3g|%.4g|%.5g|%.10g|%#g|%#.2g", &[D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000)], b"-1.#IND|-1|-1.$|-1.#J|-1.#IO|-1.#IND|-1.#IND|-1.#IND|-1.$"),
    (U, b"%.0g|%.1g|%.2g|%.3g|%.4g|%.5g|%.10g|%#g|%#.2g", &[D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000)], b"-nan(ind)|-nan(ind)|-nan(ind)|-nan(ind)|-nan(ind)|-nan(ind)|-nan(ind)|-nan(ind)|-nan(ind)"),
    (M, b"[%10f][%010f][%+f][% f][%#.0f][%12.1e][%+010.2e]", &[D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000)], b"[ -1.#IND00][-01.#IND00][-1.#IND00][-1.#IND00][-1][      -1.$e+000][-001.#Je+000]"),
    (U, b"[%10f][%010f][%+f][% f][%#.0f][%12.1e][%+010.2e]", &[D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000)], b"[ -nan(ind)][ -nan(ind)][-nan(ind)][-nan(ind)][-nan(ind)][   -nan(ind)][ -nan(ind)]"),
    (M, b"[%.0a][%.1a][%.3a][%.14a][%#a][%20a][%020a][%+a]", &[D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000)], b"[-0x1p+0][-0x1.$p+0][-0x1.#IOp+0][-0x1.#IND0000000000p+0][-0x1.#IND000000000p+0][-0x1.#IND000000000p+0][-0x1.#IND000000000p+0][-0x1.#IND000000000p+0]"),
    (U, b"[%.0a][%.1a][%.3a][%.14a][%#a][%20a][%020a][%+a]", &[D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000), D(0xfff8000000000000)], b"[-nan(ind)][-nan(ind)][-nan(ind)][-nan(ind)][-nan(ind)][           -nan(ind)][           -nan(ind)][-nan(ind)]"),
    (M, b"[%-12f][%-12e][%-12g][%-20a]", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"[1.#INF      ][1.#INFe+000  ][1.#INF      ][0x1.#INFp+0         ]"),
    (U, b"[%-12f][%-12e][%-12g][%-20a]", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"[inf         ][inf         ][inf         ][inf                 ]"),
    (M, b"[%-12f][%-15e][%-12g][%-10f]", &[D(0xfff8000000000000), D(0xfff0000000000000), D(0x7ff8000000000000), D(0xfff8000000000000)], b"[-1.#IND     ][-1.#INF e+000  ][1.#QNAN     ][-1.#IND   ]"),
    (U, b"[%-12f][%-15e][%-12g][%-10f]", &[D(0xfff8000000000000), D(0xfff0000000000000), D(0x7ff8000000000000), D(0xfff8000000000000)], b"[-nan(ind)   ][-inf           ][nan         ][-nan(ind) ]"),
    (M, b"[%-14.1f][%-14.2e][%-14.3g][%-#14g][%-+14.3a][%-014f]", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"[1.$           ][1.#J       e+000][1.#J          ][1.#INF        ][+0x1.#IO    p+0][1.#INF        ]"),
    (U, b"[%-14.1f][%-14.2e][%-14.3g][%-#14g][%-+14.3a][%-014f]", &[D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000)], b"[inf           ][inf           ][inf           ][inf           ][+inf          ][inf           ]"),
    (M, b"[%-25a][%-10a][%-30A]", &[D(0x3ff0000000000000), D(0xbfe0000000000000), D(0x4008000000000000)], b"[0x1.0000000000000     p+0][-0x1.0000000000000p-1][0X1.8000000000000          P+1]"),
    (U, b"[%-25a][%-10a][%-30A]", &[D(0x3ff0000000000000), D(0xbfe0000000000000), D(0x4008000000000000)], b"[0x1.0000000000000     p+0][-0x1.0000000000000p-1][0X1.8000000000000          P+1]"),
    (M, b"[%-+25.2a][%-025a][%- 25.15a]", &[D(0x3ff0000000000000), D(0xbfe0000000000000), D(0x4008000000000000)], b"[+0x1.00               p+0][-0x1.0000000000000    p-1][ 0x1.8000000000000  p+1  ]"),
    (U, b"[%-+25.2a][%-025a][%- 25.15a]", &[D(0x3ff0000000000000), D(0xbfe0000000000000), D(0x4008000000000000)], b"[+0x1.00               p+0][-0x1.0000000000000    p-1][ 0x1.8000000000000  p+1  ]"),
    (M, b"% 11g|%-e|%+#0.16g|% .14e", &[D(0x7cd4d7838b0f2144), D(0x419362aeedf32a68), D(0x3f804278cb6dd216), D(0x41c986d71875acb4)], b" 2.07985e+293|8.130860e+007|+0.007939285000000001| 8.56534576919333e+008"),
    (U, b"% 11g|%-e|%+#0.16g|% .14e", &[D(0x7cd4d7838b0f2144), D(0x419362aeedf32a68), D(0x3f804278cb6dd216), D(0x41c986d71875acb4)], b" 2.07985e+293|8.130860e+07|+0.007939285000000001| 8.56534576919333e+08"),
    (M, b"%0e|%.8e|%-.5f|%0.18g", &[D(0x131dad12b0149b4c), D(0x4105a1ac88000000), D(0xc257270d4c34799a), D(0x403004e779207d4e)], b"1.345084e-216|1.77205566e+005|-397757722833.90002|16.0191569999999999"),
    (U, b"%0e|%.8e|%-.5f|%0.18g", &[D(0x131dad12b0149b4c), D(0x4105a1ac88000000), D(0xc257270d4c34799a), D(0x403004e779207d4e)], b"1.345084e-216|1.77205566e+05|-397757722833.90002|16.0191569999999999"),
    (M, b"% #21e|% 01.41g|% .6f|%0.14f", &[D(0xfa945f20397334ac), D(0x4053bc89374bc6a8), D(0xa88f09a1fdb11d28), D(0x9657ec10737bc2c6)], b"       -2.958290e+282| 78.945875000000000909494701772928237915039|-0.000000|-0.00000000000000"),
    (U, b"% #21e|% 01.41g|% .6f|%0.14f", &[D(0xfa945f20397334ac), D(0x4053bc89374bc6a8), D(0xa88f09a1fdb11d28), D(0x9657ec10737bc2c6)], b"       -2.958290e+282| 78.945875000000000909494701772928237915039|-0.000000|-0.00000000000000"),
    (M, b"%.47f|%#.6g|%23.7A|%+016.17E", &[D(0x43589b743a4f7e76), D(0x4b4f8004cd95dede), D(0xbea27476ca61b882), D(0x4104aa8000000000)], b"27705291751422424.00000000000000000000000000000000000000000000000|6.03422e+054|       -0X1.27476CAP-21|+1.69296000000000000E+005"),
    (U, b"%.47f|%#.6g|%23.7A|%+016.17E", &[D(0x43589b743a4f7e76), D(0x4b4f8004cd95dede), D(0xbea27476ca61b882), D(0x4104aa8000000000)], b"27705291751422424.00000000000000000000000000000000000000000000000|6.03422e+54|       -0X1.27476CAP-21|+1.69296000000000000E+05"),
    (M, b"%+.17f|%-#.11g|% f|%+.53f", &[D(0x400db9e200000000), D(0x84997872fbbdf4b5), D(0xb241384bff844ed3), D(0xd33cb0d082a351d8)], b"+3.71576309204101563|-1.6727139695e-286|-0.000000|-935103210157018123139115290818582796978012208968981356416797807391275207887883990495114821632.00000000000000000000000000000000000000000000000000000"),
    (U, b"%+.17f|%-#.11g|% f|%+.53f", &[D(0x400db9e200000000), D(0x84997872fbbdf4b5), D(0xb241384bff844ed3), D(0xd33cb0d082a351d8)], b"+3.71576309204101563|-1.6727139695e-286|-0.000000|-935103210157018123139115290818582796978012208968981356416797807391275207887883990495114821632.00000000000000000000000000000000000000000000000000000"),
    (M, b"%0.60f|%0.13f|%.14e|%+9e", &[D(0x40ddbe8a44000000), D(0xadcb094cf11b6e79), D(0x7e31ec942279d09e), D(0x0000000000000000)], b"30458.160400390625000000000000000000000000000000000000000000000000|-0.0000000000000|7.50229113672100e+299|+0.000000e+000"),
    (U, b"%0.60f|%0.13f|%.14e|%+9e", &[D(0x40ddbe8a44000000), D(0xadcb094cf11b6e79), D(0x7e31ec942279d09e), D(0x0000000000000000)], b"30458.160400390625000000000000000000000000000000000000000000000000|-0.0000000000000|7.50229113672100e+299|+0.000000e+00"),
    (M, b"%+.7g|%+#024.0e|%27.11E|% .48e", &[D(0xbfee7a28840f8328), D(0xcca4ecc6a1c4ea4f), D(0x4159a56180000000), D(0x40b7c25727ecdd94)], b"-0.9524119|-00000000000000002.e+061|         6.72295000000E+006| 6.082340452961059781955555081367492675781250000000e+003"),
    (U, b"%+.7g|%+#024.0e|%27.11E|% .48e", &[D(0xbfee7a28840f8328), D(0xcca4ecc6a1c4ea4f), D(0x4159a56180000000), D(0x40b7c25727ecdd94)], b"-0.9524119|-000000000000000002.e+61|          6.72295000000E+06| 6.082340452961059781955555081367492675781250000000e+03"),
    (M, b"%+6.11e|%+g|%15f|%.11f", &[D(0x406363e000000000), D(0xb3f86db11e17a8d1), D(0x406e11724245d8a7), D(0x2d14149e66847305)], b"+1.55121093750e+002|-2.4323e-058|     240.545198|0.00000000000"),
    (U, b"%+6.11e|%+g|%15f|%.11f", &[D(0x406363e000000000), D(0xb3f86db11e17a8d1), D(0x406e11724245d8a7), D(0x2d14149e66847305)], b"+1.55121093750e+02|-2.4323e-58|     240.545198|0.00000000000"),
    (M, b"%+f|%+.19g|%.15f|%-09.51E", &[D(0x2aa20ce51afed5e4), D(0x403f63b5c28f5c29), D(0x1b97373f190e2def), D(0xc1b4467a3ce6e979)], b"+0.000000|+31.38949218750000014|0.000000000000000|-3.401631329020000100135803222656250000000000000000000E+008"),
    (U, b"%+f|%+.19g|%.15f|%-09.51E", &[D(0x2aa20ce51afed5e4), D(0x403f63b5c28f5c29), D(0x1b97373f190e2def), D(0xc1b4467a3ce6e979)], b"+0.000000|+31.38949218750000014|0.000000000000000|-3.401631329020000100135803222656250000000000000000000E+08"),
    (M, b"%#f|%#.6G|%.3A|%#.19A", &[D(0x3f6b90f7ced91687), D(0x40d2b9a700000000), D(0x3f33a92a30553261), D(0xc0f3d4bc00000000)], b"0.003365|19174.6|0X1.3A9P-12|-0X1.3D4BC00000000000000P+16"),
    (U, b"%#f|%#.6G|%.3A|%#.19A", &[D(0x3f6b90f7ced91687), D(0x40d2b9a700000000), D(0x3f33a92a30553261), D(0xc0f3d4bc00000000)], b"0.003365|19174.6|0X1.3A9P-12|-0X1.3D4BC00000000000000P+16"),
    (M, b"%g|%+ .20f|%.2f|%21.10f", &[D(0x654cd650a652d98e), D(0xfb73360a10f5893d), D(0x795f917ca80caf2f), D(0x04e8e84538532cc0)], b"9.34846e+179|-45707547670597437996672487223785878565441738344083386655393207569875524960219216210607563993128539418059883757942877551244085603606279314608848810913785620279061303448045771493393421091980213444284531885104226565275919057093720776615555689997869483327617830224584654431301608283006042112.00000000000000000000|4371871081923473598540770201869760225957071965873973023820309313019103676685334827177063564920867129200011946048821021280904116276844687411771799309049111592239927019202136809280997943689840304923478230680390167106130355690355197418571751973688256435930047762972272546365308928.00|         0.0000000000"),
    (U, b"%g|%+ .20f|%.2f|%21.10f", &[D(0x654cd650a652d98e), D(0xfb73360a10f5893d), D(0x795f917ca80caf2f), D(0x04e8e84538532cc0)], b"9.34846e+179|-45707547670597437996672487223785878565441738344083386655393207569875524960219216210607563993128539418059883757942877551244085603606279314608848810913785620279061303448045771493393421091980213444284531885104226565275919057093720776615555689997869483327617830224584654431301608283006042112.00000000000000000000|4371871081923473598540770201869760225957071965873973023820309313019103676685334827177063564920867129200011946048821021280904116276844687411771799309049111592239927019202136809280997943689840304923478230680390167106130355690355197418571751973688256435930047762972272546365308928.00|         0.0000000000"),
    (M, b"%-#.14G|% f|%f|%-+.13g", &[D(0x3dd5fd7fe1796495), D(0x4042e18400000000), D(0xfed583c36212ad2e), D(0xc0ec59fb2366552c)], b"8.0000000000000E-011| 37.761841|-922127451790155802168689861011827187747814062195786185708413331590736732732608034081800226669104918739181166619372362323043956772525016818065780284194103297508776074750089767689779572223956959159739172717774104107934869796494382785256075777000326545827338383316791822694821293563998741179198476981895168.000000|-58063.84807126"),
    (U, b"%-#.14G|% f|%f|%-+.13g", &[D(0x3dd5fd7fe1796495), D(0x4042e18400000000), D(0xfed583c36212ad2e), D(0xc0ec59fb2366552c)], b"8.0000000000000E-11| 37.761841|-922127451790155802168689861011827187747814062195786185708413331590736732732608034081800226669104918739181166619372362323043956772525016818065780284194103297508776074750089767689779572223956959159739172717774104107934869796494382785256075777000326545827338383316791822694821293563998741179198476981895168.000000|-58063.84807126"),
    (M, b"%+ .0g|%.19E|%.8f|%e", &[D(0x808e19854537c351), D(0xc0109dae147ae148), D(0xb3ca94a7a1bc9b25), D(0xc295eb629eb13bbe)], b"-5e-306|-4.1539843750000002842E+000|-0.00000000|-6.025179e+012"),
    (U, b"%+ .0g|%.19E|%.8f|%e", &[D(0x808e19854537c351), D(0xc0109dae147ae148), D(0xb3ca94a7a1bc9b25), D(0xc295eb629eb13bbe)], b"-5e-306|-4.1539843750000002842E+00|-0.00000000|-6.025179e+12"),
    (M, b"%.8A|% 1G|%+.9e|% .13g", &[D(0x161ca6760244c0c2), D(0x9d4a8dcf30b12021), D(0x90e4ab25a7209d84), D(0xafeecd98859d155b)], b"0X1.CA676024P-670|-1.40722E-167|-2.726485241e-227|-8.313151170564e-078"),
    (U, b"%.8A|% 1G|%+.9e|% .13g", &[D(0x161ca6760244c0c2), D(0x9d4a8dcf30b12021), D(0x90e4ab25a7209d84), D(0xafeecd98859d155b)], b"0X1.CA676024P-670|-1.40722E-167|-2.726485241e-227|-8.313151170564e-78"),
    (M, b"%#0.12g|%29.6e|%-14G|%-f", &[D(0x3fe7fb9c28f5c290), D(0xc28215e250e4e000), D(0x3ec0c6f7a0b5ed8d), D(0x08e7e4efd67036c4)], b"0.749464111328|               -2.485650e+012|2E-006        |0.000000"),
    (U, b"%#0.12g|%29.6e|%-14G|%-f", &[D(0x3fe7fb9c28f5c290), D(0xc28215e250e4e000), D(0x3ec0c6f7a0b5ed8d), D(0x08e7e4efd67036c4)], b"0.749464111328|                -2.485650e+12|2E-06         |0.000000"),
    (M, b"%+.16G|%.7g|%#G|%+ 0.7f", &[D(0xb58128acd9c3392e), D(0x3fe06c8d4fdf3b64), D(0x40c35b4bc30d306a), D(0x5dd20ddeab9cedf8)], b"-5.732708618925574E-051|0.513251|9910.59|+880634482846845953770619056815068686703312926277419435757257594152087462546480409759768373976155867082546854355967953636443787494037094787973120.0000000"),
    (U, b"%+.16G|%.7g|%#G|%+ 0.7f", &[D(0xb58128acd9c3392e), D(0x3fe06c8d4fdf3b64), D(0x40c35b4bc30d306a), D(0x5dd20ddeab9cedf8)], b"-5.732708618925574E-51|0.513251|9910.59|+880634482846845953770619056815068686703312926277419435757257594152087462546480409759768373976155867082546854355967953636443787494037094787973120.0000000"),
    (M, b"%-+#.38e|%G|%+0.10e|%01g", &[D(0xc067c1dd6406fdb0), D(0x3f1fb5581a3a6c96), D(0xc0b9cb051eb851ec), D(0xc15d91921f5c28f6)], b"-1.90058275235800010705133900046348571777e+002|0.000120958|-6.6030200000e+003|-7.75124e+006"),
    (U, b"%-+#.38e|%G|%+0.10e|%01g", &[D(0xc067c1dd6406fdb0), D(0x3f1fb5581a3a6c96), D(0xc0b9cb051eb851ec), D(0xc15d91921f5c28f6)], b"-1.90058275235800010705133900046348571777e+02|0.000120958|-6.6030200000e+03|-7.75124e+06"),
    (M, b"% .14e|%8.41E|%-.12e|%.16g", &[D(0xc1a174b448000000), D(0xc09edb051eb851ec), D(0x14419b36d2f3dec9), D(0x411c9fbacccccccd)], b"-1.46430500000000e+008|-1.97475500000000010913936421275138854980469E+003|4.183899814542e-211|468974.7"),
    (U, b"% .14e|%8.41E|%-.12e|%.16g", &[D(0xc1a174b448000000), D(0xc09edb051eb851ec), D(0x14419b36d2f3dec9), D(0x411c9fbacccccccd)], b"-1.46430500000000e+08|-1.97475500000000010913936421275138854980469E+03|4.183899814542e-211|468974.7"),
    (M, b"%.0E|%+17.13f|%- .1f|%.3g", &[D(0x6d5da38668d5d18e), D(0xbfe00b28f5c28f5c), D(0xfa4f0379b135eaa3), D(0xdf0c04dab8f5e858)], b"7E+218| -0.5013623046875|-140740085901775933960974542426400195932373450483067696964981765875349301986239765424312474910998929575346114160315916680396233458586361746549805835970217931161079734687963959176727466696409644693572894544670679708909519703757490263547990919272508592330415614980281206839931069005824.0|-7.17e+149"),
    (U, b"%.0E|%+17.13f|%- .1f|%.3g", &[D(0x6d5da38668d5d18e), D(0xbfe00b28f5c28f5c), D(0xfa4f0379b135eaa3), D(0xdf0c04dab8f5e858)], b"7E+218| -0.5013623046875|-140740085901775933960974542426400195932373450483067696964981765875349301986239765424312474910998929575346114160315916680396233458586361746549805835970217931161079734687963959176727466696409644693572894544670679708909519703757490263547990919272508592330415614980281206839931069005824.0|-7.17e+149"),
    (M, b"%+ #3.5f|%.15e|%.24f|%-0.59g", &[D(0xbfe96fd21ff2e48f), D(0x40634e2d1cc87713), D(0x43050c58da0554e0), D(0xbe601b2b29a4692b)], b"-0.79490|1.544430068888983e+002|740568783170204.000000000000000000000000|-2.9999999999999997318954374691743480774164254398783668875694e-008"),
    (U, b"%+ #3.5f|%.15e|%.24f|%-0.59g", &[D(0xbfe96fd21ff2e48f), D(0x40634e2d1cc87713), D(0x43050c58da0554e0), D(0xbe601b2b29a4692b)], b"-0.79490|1.544430068888983e+02|740568783170204.000000000000000000000000|-2.9999999999999997318954374691743480774164254398783668875694e-08"),
    (M, b"% f|%.20e|%+0.5A|%.20G", &[D(0x090d6adc932c3493), D(0x800000001038ee32), D(0x4016f6b19999999a), D(0x6630d8c847ee9c3a)], b" 0.000000|-1.34468092895569335503e-315|+0X1.6F6B2P+2|1.7895957496545978492E+184"),
    (U, b"% f|%.20e|%+0.5A|%.20G", &[D(0x090d6adc932c3493), D(0x800000001038ee32), D(0x4016f6b19999999a), D(0x6630d8c847ee9c3a)], b" 0.000000|-1.34468092895569335503e-315|+0X1.6F6B2P+2|1.7895957496545978492E+184"),
    (M, b"%#0.10f|% #0g|% #0f|%0f", &[D(0x42323f7a5713bd71), D(0xf2e6798b76cf928e), D(0x410e06a900000000), D(0x40c1fbaca0000000)], b"78374393619.7400054932|-3.06918e+245| 245973.125000|9207.348633"),
    (U, b"%#0.10f|% #0g|% #0f|%0f", &[D(0x42323f7a5713bd71), D(0xf2e6798b76cf928e), D(0x410e06a900000000), D(0x40c1fbaca0000000)], b"78374393619.7400054932|-3.06918e+245| 245973.125000|9207.348633"),
    (M, b"% 0.19g|%0f|%+.8a|%014.2f", &[D(0x3f4e3158e8797b97), D(0x3914a778ebeccdb4), D(0x42197439de45cdd3), D(0x5f25cd222eb991a3)], b" 0.0009214100000000000025|0.000000|+0x1.97439de4p+34|2230130623006790285524838550107587314648456330390005420883150386096307787175746125093795498545685594110392205101855134761478160751821849751643144323072.00"),
    (U, b"% 0.19g|%0f|%+.8a|%014.2f", &[D(0x3f4e3158e8797b97), D(0x3914a778ebeccdb4), D(0x42197439de45cdd3), D(0x5f25cd222eb991a3)], b" 0.0009214100000000000025|0.000000|+0x1.97439de4p+34|2230130623006790285524838550107587314648456330390005420883150386096307787175746125093795498545685594110392205101855134761478160751821849751643144323072.00"),
    (M, b"%+#4.8f|%014.18e|%#.8g|%e", &[D(0xc1510978ee8eed4e), D(0x56964f6ccf96e389), D(0xebf2c61295b3d822), D(0xbffd8023d70a3d71)], b"-4466147.72747357|1.309914543044929828e+109|-9.8752324e+211|-1.843784e+000"),
    (U, b"%+#4.8f|%014.18e|%#.8g|%e", &[D(0xc1510978ee8eed4e), D(0x56964f6ccf96e389), D(0xebf2c61295b3d822), D(0xbffd8023d70a3d71)], b"-4466147.72747357|1.309914543044929828e+109|-9.8752324e+211|-1.843784e+00"),
    (M, b"%E|%+G|%f|%.4A", &[D(0xaef466f27f3d3ae9), D(0x20969cbb42c123f1), D(0xc0f7668d40000000), D(0x4128aa5341d79c34)], b"-1.680339E-082|+1.07936E-151|-95848.828125|0X1.8AA5P+19"),
    (U, b"%E|%+G|%f|%.4A", &[D(0xaef466f27f3d3ae9), D(0x20969cbb42c123f1), D(0xc0f7668d40000000), D(0x4128aa5341d79c34)], b"-1.680339E-82|+1.07936E-151|-95848.828125|0X1.8AA5P+19"),
    (M, b"%027g|%-.17e|%.13g|%-0.5e", &[D(0xc06818b333333334), D(0x40808524f0000000), D(0xefe2418409cafee5), D(0xbfba0f2f1a9fbe77)], b"-0000000000000000000192.772|5.28643035888671875e+002|-8.857077385807e+230|-1.01794e-001"),
    (U, b"%027g|%-.17e|%.13g|%-0.5e", &[D(0xc06818b333333334), D(0x40808524f0000000), D(0xefe2418409cafee5), D(0xbfba0f2f1a9fbe77)], b"-0000000000000000000192.772|5.28643035888671875e+02|-8.857077385807e+230|-1.01794e-01"),
    (M, b"%.15E|% .16f|%.16e|% 10.0G", &[D(0x40fe7fc9c0000000), D(0xc83954b13421a4b0), D(0x40455cba00000000), D(0xd19e739847a4bfa6)], b"1.249246093750000E+005|-8619634418564152249811072828557655801856.0000000000000000|4.2724426269531250e+001|   -1E+085"),
    (U, b"%.15E|% .16f|%.16e|% 10.0G", &[D(0x40fe7fc9c0000000), D(0xc83954b13421a4b0), D(0x40455cba00000000), D(0xd19e739847a4bfa6)], b"1.249246093750000E+05|-8619634418564152249811072828557655801856.0000000000000000|4.2724426269531250e+01|    -1E+85"),
    (M, b"%- .3e|%.4e|%0.8f|%-.17e", &[D(0x44f9877d1afe6306), D(0x412347aa2c083127), D(0xcc8d01bdf3bce9e2), D(0x4126ad0780000000)], b" 1.929e+024|6.3177e+005|-5826517249652335116868681330137922425670065488629400168562688.00000000|7.43043750000000000e+005"),
    (U, b"%- .3e|%.4e|%0.8f|%-.17e", &[D(0x44f9877d1afe6306), D(0x412347aa2c083127), D(0xcc8d01bdf3bce9e2), D(0x4126ad0780000000)], b" 1.929e+24|6.3177e+05|-5826517249652335116868681330137922425670065488629400168562688.00000000|7.43043750000000000e+05"),
    (M, b"% e|%#.18g|%.6a|%0.10f", &[D(0xc0c0a0d880000000), D(0x404207999999999a), D(0xbda5fd7fe1796495), D(0x40521dfb18f261a9)], b"-8.513691e+003|36.0593750000000028|-0x1.5fd7fep-37|72.4684507720"),
    (U, b"% e|%#.18g|%.6a|%0.10f", &[D(0xc0c0a0d880000000), D(0x404207999999999a), D(0xbda5fd7fe1796495), D(0x40521dfb18f261a9)], b"-8.513691e+03|36.0593750000000028|-0x1.5fd7fep-37|72.4684507720"),
    (M, b"%.9e|% .1e|% #0.14G|%.3f", &[D(0xc17e94ee4a60f3cb), D(0x404da3fae147ae15), D(0x41335b8354000000), D(0x2d7cd0e22fce9a33)], b"-3.206730065e+007| 5.9e+001| 1268611.3281250|0.000"),
    (U, b"%.9e|% .1e|% #0.14G|%.3f", &[D(0xc17e94ee4a60f3cb), D(0x404da3fae147ae15), D(0x41335b8354000000), D(0x2d7cd0e22fce9a33)], b"-3.206730065e+07| 5.9e+01| 1268611.3281250|0.000"),
    (M, b"%#23.4f|% .3a|%.14g|%+.16f", &[D(0x4228dc6e2f300000), D(0x42637b926d851ccd), D(0xc0ec685194046413), D(0x40849d999999999a)], b"       53388711832.0000| 0x1.37cp+39|-58178.5493185|+659.7000000000000455"),
    (U, b"%#23.4f|% .3a|%.14g|%+.16f", &[D(0x4228dc6e2f300000), D(0x42637b926d851ccd), D(0xc0ec685194046413), D(0x40849d999999999a)], b"       53388711832.0000| 0x1.37cp+39|-58178.5493185|+659.7000000000000455"),
    (M, b"%-g|% e|%-.4E|%0f", &[D(0x3f8584b851eb851f), D(0xbf1c16b01c723974), D(0xc5fc87a2f3b9c16e), D(0x412709c76fa87f10)], b"0.010507|-1.071496e-004|-1.4127E+029|754915.718082"),
    (U, b"%-g|% e|%-.4E|%0f", &[D(0x3f8584b851eb851f), D(0xbf1c16b01c723974), D(0xc5fc87a2f3b9c16e), D(0x412709c76fa87f10)], b"0.010507|-1.071496e-04|-1.4127E+29|754915.718082"),
    (M, b"%+ e|%.2f|%30e|%+ .13f", &[D(0xc119e86480000000), D(0x04a656db723d1b5a), D(0x20eea61a6302105d), D(0x3ff6238400000000)], b"-4.244731e+005|0.00|                 4.681513e-150|+1.3836708068848"),
    (U, b"%+ e|%.2f|%30e|%+ .13f", &[D(0xc119e86480000000), D(0x04a656db723d1b5a), D(0x20eea61a6302105d), D(0x3ff6238400000000)], b"-4.244731e+05|0.00|                 4.681513e-150|+1.3836708068848"),
    (M, b"%.18f|% .23G|%+29.3f|%.20g", &[D(0x3fb1eb851eb851ec), D(0x40371570a3d70a3e), D(0x3f6562999999999a), D(0x8006ad1759ae8f2c)], b"0.070000000000000007| 23.08375000000000198952|                       +0.003|-9.2843119581083138989e-309"),
    (U, b"%.18f|% .23G|%+29.3f|%.20g", &[D(0x3fb1eb851eb851ec), D(0x40371570a3d70a3e), D(0x3f6562999999999a), D(0x8006ad1759ae8f2c)], b"0.070000000000000007| 23.08375000000000198952|                       +0.003|-9.2843119581083138989e-309"),
    (M, b"%#.8A|%.34a|%+.0f|%.8g", &[D(0x40154b4a25a96203), D(0x220ff76d9b9353bb), D(0xfa9d28d752f90435), D(0x8feb69f58ab73ccf)], b"0X1.54B4A25BP+2|0x1.ff76d9b9353bb000000000000000000000p-479|-4234445552594126152495079948506327695016527817883049672935742726661177694540815537381330889067185455472355412418753768471685577491403687424697785163449088490085115487082317237461745465241557862383182181382443420857746450324667925225266058157676481636516590778702680443256670569627648|-5.5180321e-232"),
    (U, b"%#.8A|%.34a|%+.0f|%.8g", &[D(0x40154b4a25a96203), D(0x220ff76d9b9353bb), D(0xfa9d28d752f90435), D(0x8feb69f58ab73ccf)], b"0X1.54B4A25BP+2|0x1.ff76d9b9353bb000000000000000000000p-479|-4234445552594126152495079948506327695016527817883049672935742726661177694540815537381330889067185455472355412418753768471685577491403687424697785163449088490085115487082317237461745465241557862383182181382443420857746450324667925225266058157676481636516590778702680443256670569627648|-5.5180321e-232"),
    (M, b"%7.11e|%-+0.14f|%#015.20e|%22a", &[D(0x69c77699323bc589), D(0x0b4f67c97ead8112), D(0x198bfb18df89a0df), D(0x32788af9ec0688bb)], b"3.59199521082e+201|+0.00000000000000|1.28615574119589618288e-185|0x1.88af9ec0688bbp-216"),
    (U, b"%7.11e|%-+0.14f|%#015.20e|%22a", &[D(0x69c77699323bc589), D(0x0b4f67c97ead8112), D(0x198bfb18df89a0df), D(0x32788af9ec0688bb)], b"3.59199521082e+201|+0.00000000000000|1.28615574119589618288e-185|0x1.88af9ec0688bbp-216"),
    (M, b"%+ 7.17e|%.3e|%0E|% 26.10e", &[D(0xbee0697a0227b514), D(0x02330c1cf7cf37ee), D(0x34a30d25a6bf541b), D(0xc13c727880000000)], b"-7.82585999999999964e-006|4.551e-298|3.884872E-055|        -1.8643125000e+006"),
    (U, b"%+ 7.17e|%.3e|%0E|% 26.10e", &[D(0xbee0697a0227b514), D(0x02330c1cf7cf37ee), D(0x34a30d25a6bf541b), D(0xc13c727880000000)], b"-7.82585999999999964e-06|4.551e-298|3.884872E-55|         -1.8643125000e+06"),
    (M, b"%.4e|%0.17g|% #.5G|%e", &[D(0x0e90d3f1b2f4ede4), D(0x403f0c0000000000), D(0x40c5d0ff60000000), D(0x1674f041f46cb9e8)], b"1.6152e-238|31.046875| 11170.|1.709655e-200"),
    (U, b"%.4e|%0.17g|% #.5G|%e", &[D(0x0e90d3f1b2f4ede4), D(0x403f0c0000000000), D(0x40c5d0ff60000000), D(0x1674f041f46cb9e8)], b"1.6152e-238|31.046875| 11170.|1.709655e-200"),
    (M, b"%0.0a|%+#0.46g|%#13.13E|%26.43e", &[D(0x7938eb38bbf2bb70), D(0x676b131240760987), D(0x1c595bba2bea3bbc), D(0x266644ae5fae4d3f)], b"0x2p+916|+1.507883129356056733616284899092310143285416729e+190|4.1011229272693E-172|1.0526853428288624031941349367665439666649858e-123"),
    (U, b"%0.0a|%+#0.46g|%#13.13E|%26.43e", &[D(0x7938eb38bbf2bb70), D(0x676b131240760987), D(0x1c595bba2bea3bbc), D(0x266644ae5fae4d3f)], b"0x2p+916|+1.507883129356056733616284899092310143285416729e+190|4.1011229272693E-172|1.0526853428288624031941349367665439666649858e-123"),
    (M, b"%E|%.4f|%#06.15G|%6e", &[D(0xe7fc7167107e717b), D(0x4049376220000000), D(0x404b840e59ca76b1), D(0x6b7fbfed3bcddaea)], b"-8.110588E+192|50.4327|55.0316879500000|6.523743e+209"),
    (U, b"%E|%.4f|%#06.15G|%6e", &[D(0xe7fc7167107e717b), D(0x4049376220000000), D(0x404b840e59ca76b1), D(0x6b7fbfed3bcddaea)], b"-8.110588E+192|50.4327|55.0316879500000|6.523743e+209"),
    (M, b"%.20a|%.35e|% 14.4g|%14f", &[D(0x3445ae4ec067bce9), D(0x13d76ad6a53d4181), D(0x870a0a2946c353a6), D(0x41501fb200000000)], b"0x1.5ae4ec067bce90000000p-187|4.34751008431401706589354315498479498e-213|   -9.401e-275|4226760.000000"),
    (U, b"%.20a|%.35e|% 14.4g|%14f", &[D(0x3445ae4ec067bce9), D(0x13d76ad6a53d4181), D(0x870a0a2946c353a6), D(0x41501fb200000000)], b"0x1.5ae4ec067bce90000000p-187|4.34751008431401706589354315498479498e-213|   -9.401e-275|4226760.000000"),
    (M, b"%- 6.41f|%-.8a|% .14A|%29.20E", &[D(0x3f1b4bc6a7ef9db2), D(0xd9e79a0908b0ae2e), D(0x408d0bb1922031a7), D(0x40f2884b10000000)], b" 0.00010412597656249999761475522053189024518|-0x1.79a0908bp+415| 0X1.D0BB1922031A70P+9|  7.59086914062500000000E+004"),
    (U, b"%- 6.41f|%-.8a|% .14A|%29.20E", &[D(0x3f1b4bc6a7ef9db2), D(0xd9e79a0908b0ae2e), D(0x408d0bb1922031a7), D(0x40f2884b10000000)], b" 0.00010412597656249999761475522053189024518|-0x1.79a0908bp+415| 0X1.D0BB1922031A70P+9|   7.59086914062500000000E+04"),
    (M, b"%+ #9.53A|%.13e|%0a|%#.20G", &[D(0xc03140c000000000), D(0x636a813e471811ed), D(0xc0a74c5b00000000), D(0x71e8452833313823)], b"-0X1.140C0000000000000000000000000000000000000000000000000P+4|8.0022666103019e+170|-0x1.74c5b00000000p+11|5.0573023385420804262E+240"),
    (U, b"%+ #9.53A|%.13e|%0a|%#.20G", &[D(0xc03140c000000000), D(0x636a813e471811ed), D(0xc0a74c5b00000000), D(0x71e8452833313823)], b"-0X1.140C0000000000000000000000000000000000000000000000000P+4|8.0022666103019e+170|-0x1.74c5b00000000p+11|5.0573023385420804262E+240"),
    (M, b"% .18g|%+ e|%0.39E|%.1a", &[D(0x8bfe0fc185d0141f), D(0x3f643bf727136a40), D(0x4fdc203ec76e7d03), D(0x40c0961a00000000)], b"-6.56046988515357934e-251|+2.470000e-003|5.088692860537213549081437240603051705795E+076|0x1.1p+13"),
    (U, b"% .18g|%+ e|%0.39E|%.1a", &[D(0x8bfe0fc185d0141f), D(0x3f643bf727136a40), D(0x4fdc203ec76e7d03), D(0x40c0961a00000000)], b"-6.56046988515357934e-251|+2.470000e-03|5.088692860537213549081437240603051705795E+76|0x1.1p+13"),
    (M, b"%+.14E|%f|%.7f|%- 7.24A", &[D(0xebec1bc8d778f64e), D(0x3f64b91eb851eb85), D(0xd1be330d3ca56adf), D(0x7f3d99a8d4cfcf58)], b"-7.39273527096662E+211|0.002530|-58667475213563747512741985931211688458103594285646180942430476874783757146746884456448.0000000| 0X1.D99A8D4CFCF58P+1012           "),
    (U, b"%+.14E|%f|%.7f|%- 7.24A", &[D(0xebec1bc8d778f64e), D(0x3f64b91eb851eb85), D(0xd1be330d3ca56adf), D(0x7f3d99a8d4cfcf58)], b"-7.39273527096662E+211|0.002530|-58667475213563747512741985931211688458103594285646180942430476874783757146746884456448.0000000| 0X1.D99A8D4CFCF58P+1012           "),
    (M, b"%+4.15e|%+14.15g|%.16a|%0.4E", &[D(0xb19aa3af7731266b), D(0x0000000000000000), D(0xfc64daf93264145e), D(0x8ad78720983b813b)], b"-9.649512892802163e-070|            +0|-0x1.4daf93264145e000p+967|-1.9587E-256"),
    (U, b"%+4.15e|%+14.15g|%.16a|%0.4E", &[D(0xb19aa3af7731266b), D(0x0000000000000000), D(0xfc64daf93264145e), D(0x8ad78720983b813b)], b"-9.649512892802163e-70|            +0|-0x1.4daf93264145e000p+967|-1.9587E-256"),
    (M, b"% e|%25.0E|%26.18g|%.1e", &[D(0xc15cc6ce40000000), D(0x406b9260cf313c49), D(0x3fb6dd377e1b8ed2), D(0x3f101927c43f349e)], b"-7.543609e+006|                   2E+002|     0.0893130000000000035|6.1e-005"),
    (U, b"% e|%25.0E|%26.18g|%.1e", &[D(0xc15cc6ce40000000), D(0x406b9260cf313c49), D(0x3fb6dd377e1b8ed2), D(0x3f101927c43f349e)], b"-7.543609e+06|                    2E+02|     0.0893130000000000035|6.1e-05"),
    (M, b"%- 0.15e|%11g|%.5E|%+20f", &[D(0xc0c292b42b5e529c), D(0x7d1dc996878785f3), D(0xe124759a6c240d8b), D(0xc0c0bee4df8291c0)], b"-9.509407573500001e+003|4.75608e+294|-8.98877E+159|        -8573.788071"),
    (U, b"%- 0.15e|%11g|%.5E|%+20f", &[D(0xc0c292b42b5e529c), D(0x7d1dc996878785f3), D(0xe124759a6c240d8b), D(0xc0c0bee4df8291c0)], b"-9.509407573500001e+03|4.75608e+294|-8.98877E+159|        -8573.788071"),
    (M, b"%15A|%f|%-.0e|%0.0E", &[D(0xbff316ce00000000), D(0x407401fe00000000), D(0x273caa524552465a), D(0x4061480a3d70a3d7)], b"-0X1.316CE00000000P+0|320.124512|1e-119|1E+002"),
    (U, b"%15A|%f|%-.0e|%0.0E", &[D(0xbff316ce00000000), D(0x407401fe00000000), D(0x273caa524552465a), D(0x4061480a3d70a3d7)], b"-0X1.316CE00000000P+0|320.124512|1e-119|1E+02"),
    (M, b"%+E|%9.6g|%.20G|%0.1f", &[D(0xbe5d0073c7bdb948), D(0xf432b65972774872), D(0xc53942caaff0019a), D(0xc03f3e9666666667)], b"-2.701000E-008|-5.359e+251|-3.0538560598172727266E+025|-31.2"),
    (U, b"%+E|%9.6g|%.20G|%0.1f", &[D(0xbe5d0073c7bdb948), D(0xf432b65972774872), D(0xc53942caaff0019a), D(0xc03f3e9666666667)], b"-2.701000E-08|-5.359e+251|-3.0538560598172727266E+25|-31.2"),
    (M, b"%-+ 24.18g|%4e|%.20f|%-#17.35f", &[D(0x468db50606c7259d), D(0xc17bf57c0e72b021), D(0x4052c8eb851eb852), D(0xbf847ae147ae147b)], b"+7.53165051281298632e+031|-2.931706e+007|75.13937500000000113687|-0.01000000000000000020816681711721685"),
    (U, b"%-+ 24.18g|%4e|%.20f|%-#17.35f", &[D(0x468db50606c7259d), D(0xc17bf57c0e72b021), D(0x4052c8eb851eb852), D(0xbf847ae147ae147b)], b"+7.53165051281298632e+31|-2.931706e+07|75.13937500000000113687|-0.01000000000000000020816681711721685"),
    (M, b"%0e|%#.16f|%.32g|%+ #.14g", &[D(0x5ed5040cad1b8af9), D(0xc0584ed6e0000000), D(0x58bb701def7c5f60), D(0x42695a2cdb3fb000)], b"6.718065e+148|-97.2318649291992188|2.7676429901731289171931399137838e+119|+871096572413.50"),
    (U, b"%0e|%#.16f|%.32g|%+ #.14g", &[D(0x5ed5040cad1b8af9), D(0xc0584ed6e0000000), D(0x58bb701def7c5f60), D(0x42695a2cdb3fb000)], b"6.718065e+148|-97.2318649291992188|2.7676429901731289171931399137838e+119|+871096572413.50"),
    (M, b"%1.3g|% 12.6f|%+19.11f|%.13G", &[D(0x6fc8e8b315ac93ae), D(0x40cf996000000000), D(0x41b1766b93c0fcb5), D(0x40525d6a80000000)], b"3.02e+230| 16178.750000|+292973459.75385600328|73.45962524414"),
    (U, b"%1.3g|% 12.6f|%+19.11f|%.13G", &[D(0x6fc8e8b315ac93ae), D(0x40cf996000000000), D(0x41b1766b93c0fcb5), D(0x40525d6a80000000)], b"3.02e+230| 16178.750000|+292973459.75385600328|73.45962524414"),
    (M, b"%#0f|%0.10a|%+ #0.4A|%0.15E", &[D(0xac1303f66316c34e), D(0xc375312a83af4e46), D(0x400dc2d0e5604189), D(0xd3a5f74577cd5fc8)], b"-0.000000|-0x1.5312a83af5p+56|+0X1.DC2DP+1|-9.163844850847404E+094"),
    (U, b"%#0f|%0.10a|%+ #0.4A|%0.15E", &[D(0xac1303f66316c34e), D(0xc375312a83af4e46), D(0x400dc2d0e5604189), D(0xd3a5f74577cd5fc8)], b"-0.000000|-0x1.5312a83af5p+56|+0X1.DC2DP+1|-9.163844850847404E+94"),
    (M, b"%+#0.16f|%#f|%-.14e|%0.3E", &[D(0xc2d68e8ed955d540), D(0x42300c5cc85d0cda), D(0xc0ed821de4686f80), D(0x73ee9be299a11e51)], b"-99206151100245.0000000000000000|68926883933.050201|-6.04329341318300e+004|2.739E+250"),
    (U, b"%+#0.16f|%#f|%-.14e|%0.3E", &[D(0xc2d68e8ed955d540), D(0x42300c5cc85d0cda), D(0xc0ed821de4686f80), D(0x73ee9be299a11e51)], b"-99206151100245.0000000000000000|68926883933.050201|-6.04329341318300e+04|2.739E+250"),
    (M, b"%#.13e|%.15f|%.4f|%- #1g", &[D(0x4d5293bc6d19bb4b), D(0x401cde2d0e560419), D(0xb7447733352533ad), D(0x968454c460e05912)], b"3.0568692682858e+064|7.216968750000000|-0.0000|-3.32012e-200"),
    (U, b"%#.13e|%.15f|%.4f|%- #1g", &[D(0x4d5293bc6d19bb4b), D(0x401cde2d0e560419), D(0xb7447733352533ad), D(0x968454c460e05912)], b"3.0568692682858e+64|7.216968750000000|-0.0000|-3.32012e-200"),
    (M, b"%e|%#0.20e|%+A|% .2A", &[D(0xc1bd83d9b93c28f6), D(0x3dde67d487f84e86), D(0x63d25d91f728749c), D(0xc20e567f249376c9)], b"-4.951802e+008|1.10614880096260861880e-010|+0X1.25D91F728749CP+574|-0X1.E5P+33"),
    (U, b"%e|%#0.20e|%+A|% .2A", &[D(0xc1bd83d9b93c28f6), D(0x3dde67d487f84e86), D(0x63d25d91f728749c), D(0xc20e567f249376c9)], b"-4.951802e+08|1.10614880096260861880e-10|+0X1.25D91F728749CP+574|-0X1.E5P+33"),
    (M, b"%-.4f|%-G|%-+.11g|%+.56e", &[D(0x68036dfe9cb274f1), D(0x8f9f7fd60be0ba09), D(0xee8776761a6045c0), D(0x3f91db65ecc3e319)], b"11080837351961549386633728221620810598300899271545520489885876067131701362223499759822144277087411269322221175898838418051815224519562077345215555483202133630289591743350139329474649354798104576.0000|-1.98137E-233|-2.7139729066e+224|+1.74384999999999991404653343352038064040243625640869140625e-002"),
    (U, b"%-.4f|%-G|%-+.11g|%+.56e", &[D(0x68036dfe9cb274f1), D(0x8f9f7fd60be0ba09), D(0xee8776761a6045c0), D(0x3f91db65ecc3e319)], b"11080837351961549386633728221620810598300899271545520489885876067131701362223499759822144277087411269322221175898838418051815224519562077345215555483202133630289591743350139329474649354798104576.0000|-1.98137E-233|-2.7139729066e+224|+1.74384999999999991404653343352038064040243625640869140625e-02"),
    (M, b"% 16f|%#21g|%+#0.5e|%-0.7g", &[D(0xc0d093ae80000000), D(0x539ac4a20838fb1d), D(0x4141f841a0000000), D(0xb1d8849296841930)], b"   -16974.726563|         5.58362e+094|+2.35533e+006|-1.420966e-068"),
    (U, b"% 16f|%#21g|%+#0.5e|%-0.7g", &[D(0xc0d093ae80000000), D(0x539ac4a20838fb1d), D(0x4141f841a0000000), D(0xb1d8849296841930)], b"   -16974.726563|          5.58362e+94|+2.35533e+06|-1.420966e-68"),
    (M, b"%.16g|%#0.6f|%.1a|%#.10A", &[D(0xcdafab7759791255), D(0x1252ff128fc0be44), D(0x64e7a3d042c031d8), D(0x40194147ae147ae1)], b"-1.667609074404371e+066|0.000000|0x1.8p+591|0X1.94147AE148P+2"),
    (U, b"%.16g|%#0.6f|%.1a|%#.10A", &[D(0xcdafab7759791255), D(0x1252ff128fc0be44), D(0x64e7a3d042c031d8), D(0x40194147ae147ae1)], b"-1.667609074404371e+66|0.000000|0x1.8p+591|0X1.94147AE148P+2"),
    (M, b"%023.19f|%#.10G|% 22.14a|%G", &[D(0x4104101580000000), D(0x3f487f67d211d440), D(0xb5459615cbcffe52), D(0x23573ca0009a6ea7)], b"164354.6875000000000000000|0.0007476098000|-0x1.59615cbcffe520p-171|1.95128E-138"),
    (U, b"%023.19f|%#.10G|% 22.14a|%G", &[D(0x4104101580000000), D(0x3f487f67d211d440), D(0xb5459615cbcffe52), D(0x23573ca0009a6ea7)], b"164354.6875000000000000000|0.0007476098000|-0x1.59615cbcffe520p-171|1.95128E-138"),
    (M, b"% 1.6G|%+.13f|%#.15g|%-.10G", &[D(0x1f14ed114ad08c90), D(0x41b394a14636a2c2), D(0xe924213940a36035), D(0x4088147a178cfe45)], b" 5.95373E-159|+328507718.2134209871292|-3.00944343788329e+198|770.5596152"),
    (U, b"% 1.6G|%+.13f|%#.15g|%-.10G", &[D(0x1f14ed114ad08c90), D(0x41b394a14636a2c2), D(0xe924213940a36035), D(0x4088147a178cfe45)], b" 5.95373E-159|+328507718.2134209871292|-3.00944343788329e+198|770.5596152"),
    (M, b"%.3A|% 0.15e|%E|%26.2G", &[D(0xd87b3bfa7a72d400), D(0x40b8c20b10000000), D(0xc0505794083bd86c), D(0x4110145a40000000)], b"-0X1.B3CP+392| 6.338043212890625e+003|-6.536841E+001|                  2.6E+005"),
    (U, b"%.3A|% 0.15e|%E|%26.2G", &[D(0xd87b3bfa7a72d400), D(0x40b8c20b10000000), D(0xc0505794083bd86c), D(0x4110145a40000000)], b"-0X1.B3CP+392| 6.338043212890625e+03|-6.536841E+01|                   2.6E+05"),
    (M, b"%28.19e|%-27.20g|%.11A|%.3f", &[D(0x01e876cb6c58b74c), D(0xc119554b295182aa), D(0x4052184400000000), D(0x409dfebc40000000)], b"  1.8265119908931825299e-299|-415058.79035000002477     |0X1.21844000000P+6|1919.684"),
    (U, b"%28.19e|%-27.20g|%.11A|%.3f", &[D(0x01e876cb6c58b74c), D(0xc119554b295182aa), D(0x4052184400000000), D(0x409dfebc40000000)], b"  1.8265119908931825299e-299|-415058.79035000002477     |0X1.21844000000P+6|1919.684"),
    (M, b"%-.13f|% 0A|%4.4f|%.1g", &[D(0x40a59ac800000000), D(0xd33b036a77de7912), D(0x3e7a5091ff789bf5), D(0xf67a97a5038adc66)], b"2765.3906250000000|-0X1.B036A77DE7912P+308|0.0000|-5e+262"),
    (U, b"%-.13f|% 0A|%4.4f|%.1g", &[D(0x40a59ac800000000), D(0xd33b036a77de7912), D(0x3e7a5091ff789bf5), D(0xf67a97a5038adc66)], b"2765.3906250000000|-0X1.B036A77DE7912P+308|0.0000|-5e+262"),
    (M, b"%+ 9.11e|%#.4e|%.2f|%-0.19f", &[D(0x38c7c685861a5d5a), D(0xbfdafff851eb851f), D(0xdb4b3ebe0e206512), D(0x40574a2880000000)], b"+3.57733586525e-035|-4.2187e-001|-604333027663969097184250625479733200277317119201893350216940894960504780254306512625023253753027155176624752271038886299925162754048.00|93.1587219238281250000"),
    (U, b"%+ 9.11e|%#.4e|%.2f|%-0.19f", &[D(0x38c7c685861a5d5a), D(0xbfdafff851eb851f), D(0xdb4b3ebe0e206512), D(0x40574a2880000000)], b"+3.57733586525e-35|-4.2187e-01|-604333027663969097184250625479733200277317119201893350216940894960504780254306512625023253753027155176624752271038886299925162754048.00|93.1587219238281250000"),
    (M, b"% 0.1g|%#25.2e|%#.3e|%#.8g", &[D(0x31a0c089d184c7a6), D(0xc0b7a037c0000000), D(0xc0243126e978d4fe), D(0x3faad03126e978d5)], b" 1e-069|               -6.05e+003|-1.010e+001|0.052369629"),
    (U, b"% 0.1g|%#25.2e|%#.3e|%#.8g", &[D(0x31a0c089d184c7a6), D(0xc0b7a037c0000000), D(0xc0243126e978d4fe), D(0x3faad03126e978d5)], b" 1e-69|                -6.05e+03|-1.010e+01|0.052369629"),
    (M, b"% 0a|%8f|%-7.1g|%-#017.15e", &[D(0xae9e3b72f203de88), D(0xbe648a6a137c8414), D(0x3f801e2584f4c6e7), D(0x9cbc81a31d095cce)], b"-0x1.e3b72f203de88p-278|-0.000000|0.008  |-2.950562129988092e-170"),
    (U, b"% 0a|%8f|%-7.1g|%-#017.15e", &[D(0xae9e3b72f203de88), D(0xbe648a6a137c8414), D(0x3f801e2584f4c6e7), D(0x9cbc81a31d095cce)], b"-0x1.e3b72f203de88p-278|-0.000000|0.008  |-2.950562129988092e-170"),
    (M, b"%.18g|%#27.15G|%#.42A|%+ #21.15e", &[D(0xbf650ccccccccccd), D(0x42ca384583583b80), D(0x406dd6b333333334), D(0x404e40c180000000)], b"-0.00256958007812500009|           57657973452919.0|0X1.DD6B33333333400000000000000000000000000000P+7|+6.050590515136719e+001"),
    (U, b"%.18g|%#27.15G|%#.42A|%+ #21.15e", &[D(0xbf650ccccccccccd), D(0x42ca384583583b80), D(0x406dd6b333333334), D(0x404e40c180000000)], b"-0.00256958007812500009|           57657973452919.0|0X1.DD6B33333333400000000000000000000000000000P+7|+6.050590515136719e+01"),
    (M, b"%0f|%+ 012.14G|%#A|%f", &[D(0xc030e2f6c0000000), D(0x57217efa27424bb7), D(0x59bda0e0d78bf66e), D(0x24e4b7a1b70fe072)], b"-16.886578|+5.2595342955791E+111|0X1.DA0E0D78BF66EP+412|0.000000"),
    (U, b"%0f|%+ 012.14G|%#A|%f", &[D(0xc030e2f6c0000000), D(0x57217efa27424bb7), D(0x59bda0e0d78bf66e), D(0x24e4b7a1b70fe072)], b"-16.886578|+5.2595342955791E+111|0X1.DA0E0D78BF66EP+412|0.000000"),
    (M, b"%0.5E|%-.20f|%.15f|%-20f", &[D(0x420dc58c8a3d851f), D(0x4125dba900000000), D(0x6122fdeedb857b52), D(0x5326d06065149511)], b"1.59835E+010|716244.50000000000000000000|8344046634252038174162238102781476634641560083125327186576536598219752689227234154626198800891706617494534158486222545067831449451807610241196573378046117019648.000000000000000|371783035379265312463393031415019783294674566097330345657465552325645943364420888454448021504.000000"),
    (U, b"%0.5E|%-.20f|%.15f|%-20f", &[D(0x420dc58c8a3d851f), D(0x4125dba900000000), D(0x6122fdeedb857b52), D(0x5326d06065149511)], b"1.59835E+10|716244.50000000000000000000|8344046634252038174162238102781476634641560083125327186576536598219752689227234154626198800891706617494534158486222545067831449451807610241196573378046117019648.000000000000000|371783035379265312463393031415019783294674566097330345657465552325645943364420888454448021504.000000"),
    (M, b"%-+ 0.6E|%.11G|% 25g|%025.55a", &[D(0x0d851467839c23b5), D(0x3f6c804189374bc7), D(0x404093c000000000), D(0x3bd224e2685e041d)], b"+1.543612E-243|0.0034791259766|                  33.1543|0x1.224e2685e041d000000000000000000000000000000000000000000p-66"),
    (U, b"%-+ 0.6E|%.11G|% 25g|%025.55a", &[D(0x0d851467839c23b5), D(0x3f6c804189374bc7), D(0x404093c000000000), D(0x3bd224e2685e041d)], b"+1.543612E-243|0.0034791259766|                  33.1543|0x1.224e2685e041d000000000000000000000000000000000000000000p-66"),
    (M, b"%-0.14e|%-#.15E|%-#17.16f|%021.19G", &[D(0x4051d84620000000), D(0x41570b6a00000000), D(0xc24419f77cf2b18f), D(0x615ee47a665001f5)], b"7.13792800903320e+001|6.041000000000000E+006|-172669991397.3871765136718750|1.085802042370634917E+161"),
    (U, b"%-0.14e|%-#.15E|%-#17.16f|%021.19G", &[D(0x4051d84620000000), D(0x41570b6a00000000), D(0xc24419f77cf2b18f), D(0x615ee47a665001f5)], b"7.13792800903320e+01|6.041000000000000E+06|-172669991397.3871765136718750|1.085802042370634917E+161"),
    (M, b"%.19e|%-28.15E|% 0.4G|% #0.19g", &[D(0x3ddb7cdfd9d7bdbb), D(0xd04f09492223aaaa), D(0x41414ce800000000), D(0xbdf49da7e361ce4c)], b"1.0000000000000000364e-010|-7.187509594901454E+078     | 2.268E+006|-2.999999999999999980e-010"),
    (U, b"%.19e|%-28.15E|% 0.4G|% #0.19g", &[D(0x3ddb7cdfd9d7bdbb), D(0xd04f09492223aaaa), D(0x41414ce800000000), D(0xbdf49da7e361ce4c)], b"1.0000000000000000364e-10|-7.187509594901454E+78      | 2.268E+06|-2.999999999999999980e-10"),
    (M, b"%.20e|% 0.19f|%#5.3e|%.14A", &[D(0xea28eb8dceee4d33), D(0x426078e16f444000), D(0x59e75193470370e4), D(0x95cff0838337b923)], b"-2.44161643125401276518e+203| 565980133922.0000000000000000000|1.233e+125|-0X1.FF0838337B9230P-675"),
    (U, b"%.20e|% 0.19f|%#5.3e|%.14A", &[D(0xea28eb8dceee4d33), D(0x426078e16f444000), D(0x59e75193470370e4), D(0x95cff0838337b923)], b"-2.44161643125401276518e+203| 565980133922.0000000000000000000|1.233e+125|-0X1.FF0838337B9230P-675"),
    (M, b"% #.6a|%-.9g|%G|%.5G", &[D(0xcc61e193a175b38f), D(0xcac28b245eb10ae7), D(0xc0e5de2616bdaa23), D(0x3e9867866829dd0c)], b"-0x1.1e193ap+199|-1.38759118e+052|-44785.2|3.6365E-007"),
    (U, b"% #.6a|%-.9g|%G|%.5G", &[D(0xcc61e193a175b38f), D(0xcac28b245eb10ae7), D(0xc0e5de2616bdaa23), D(0x3e9867866829dd0c)], b"-0x1.1e193ap+199|-1.38759118e+52|-44785.2|3.6365E-07"),
    (M, b"%- 11.11e|%-.6e|%+4.2g|%a", &[D(0x3d2856e756d30f53), D(0x40b8fb2440000000), D(0x735dec8fe6d21ad4), D(0x34b6a4762a0d7381)], b" 4.32355794818e-014|6.395142e+003|+5.2e+247|0x1.6a4762a0d7381p-180"),
    (U, b"%- 11.11e|%-.6e|%+4.2g|%a", &[D(0x3d2856e756d30f53), D(0x40b8fb2440000000), D(0x735dec8fe6d21ad4), D(0x34b6a4762a0d7381)], b" 4.32355794818e-14|6.395142e+03|+5.2e+247|0x1.6a4762a0d7381p-180"),
    (M, b"%.8f|%+e|%-17A|%20.18a", &[D(0x40f1324478000000), D(0x4084a17200000000), D(0x3df1cc604db173cf), D(0x8000000000000000)], b"70436.27929688|+6.601807e+002|0X1.1CC604DB173CFP-32|-0x0.000000000000000000p+0"),
    (U, b"%.8f|%+e|%-17A|%20.18a", &[D(0x40f1324478000000), D(0x4084a17200000000), D(0x3df1cc604db173cf), D(0x8000000000000000)], b"70436.27929688|+6.601807e+02|0X1.1CC604DB173CFP-32|-0x0.000000000000000000p+0"),
    (M, b"%29.4f|%.11e|%18.11g|%.19g", &[D(0x40ddf3d8c0000000), D(0x53c01aa8b253ba8b), D(0xbf4c7deb851eb852), D(0x09819373bafa5a37)], b"                   30671.3867|2.68736148550e+095| -0.00086950302124|6.97707608159527137e-263"),
    (U, b"%29.4f|%.11e|%18.11g|%.19g", &[D(0x40ddf3d8c0000000), D(0x53c01aa8b253ba8b), D(0xbf4c7deb851eb852), D(0x09819373bafa5a37)], b"                   30671.3867|2.68736148550e+95| -0.00086950302124|6.97707608159527137e-263"),
    (M, b"%15.10a|%+#0.4e|%#0.10g|%E", &[D(0x50c86ada1156f338), D(0xc0b764f3e0000000), D(0x40f4b17800000000), D(0x32a0848fd1206ef3)], b"0x1.86ada1156fp+269|-5.9890e+003|84759.50000|7.842304E-065"),
    (U, b"%15.10a|%+#0.4e|%#0.10g|%E", &[D(0x50c86ada1156f338), D(0xc0b764f3e0000000), D(0x40f4b17800000000), D(0x32a0848fd1206ef3)], b"0x1.86ada1156fp+269|-5.9890e+03|84759.50000|7.842304E-65"),
    (M, b"%04.18e|%13.14E|%.6g|%.12e", &[D(0x4075905119ce075f), D(0xc288dce039e30f52), D(0x40dc89a200000000), D(0xc9669279fde8cb3f)], b"3.450197999999999752e+002|-3.41711672022592E+012|29222.5|-4.027010398268e+045"),
    (U, b"%04.18e|%13.14E|%.6g|%.12e", &[D(0x4075905119ce075f), D(0xc288dce039e30f52), D(0x40dc89a200000000), D(0xc9669279fde8cb3f)], b"3.450197999999999752e+02|-3.41711672022592E+12|29222.5|-4.027010398268e+45"),
    (M, b"%.23f|%-.16A|% .48e|%0.6g", &[D(0x3f8a657d70a3d70a), D(0xab8415cb3ce034f6), D(0x9625e37934faf1ab), D(0xc051597de0000000)], b"0.01288888931274414020867|-0X1.415CB3CE034F6P-327   |-5.585091242561280123800599884050865646215027860053e-202|-69.3983"),
    (U, b"%.23f|%-.16A|% .48e|%0.6g", &[D(0x3f8a657d70a3d70a), D(0xab8415cb3ce034f6), D(0x9625e37934faf1ab), D(0xc051597de0000000)], b"0.01288888931274414020867|-0X1.415CB3CE034F6P-327   |-5.585091242561280123800599884050865646215027860053e-202|-69.3983"),
    (M, b"%-06.7e|%.8g|%#0.2f|%G", &[D(0x0c12d4f8195ddefc), D(0x3d405ccc74493ac5), D(0xc3b7595cd3ae5019), D(0x0f29b19495ccc12e)], b"1.6439099e-250|1.1626252e-013|-1682478000031930624.00|1.26264E-235"),
    (U, b"%-06.7e|%.8g|%#0.2f|%G", &[D(0x0c12d4f8195ddefc), D(0x3d405ccc74493ac5), D(0xc3b7595cd3ae5019), D(0x0f29b19495ccc12e)], b"1.6439099e-250|1.1626252e-13|-1682478000031930624.00|1.26264E-235"),
    (M, b"% #.0g|%- 22.16e|%.15f|%+18.1e", &[D(0x419019f770000000), D(0xbfe7f91c00000000), D(0x498ba64f5ea6390d), D(0x835b1bd36a76bee4)], b" 7.e+007|-7.4915885925292969e-001|19731448574159865264505978790956577877177401344.000000000000000|         -1.7e-292"),
    (U, b"% #.0g|%- 22.16e|%.15f|%+18.1e", &[D(0x419019f770000000), D(0xbfe7f91c00000000), D(0x498ba64f5ea6390d), D(0x835b1bd36a76bee4)], b" 7.e+07|-7.4915885925292969e-01|19731448574159865264505978790956577877177401344.000000000000000|         -1.7e-292"),
    (M, b"%+.59g|%E|%-e|%0.7a", &[D(0x3f9b22d0e5604189), D(0x130652d06c2bdf57), D(0x40808cf400000000), D(0xc1f0ab82a4800000)], b"+0.0264999999999999992505994583780193352140486240386962890625|5.059123E-217|5.296191e+002|-0x1.0ab82a5p+32"),
    (U, b"%+.59g|%E|%-e|%0.7a", &[D(0x3f9b22d0e5604189), D(0x130652d06c2bdf57), D(0x40808cf400000000), D(0xc1f0ab82a4800000)], b"+0.0264999999999999992505994583780193352140486240386962890625|5.059123E-217|5.296191e+02|-0x1.0ab82a5p+32"),
    (M, b"%#6.17f|%#.14f|%8.20f|%.9g", &[D(0x4074f72100000000), D(0x9c9382ee5f09a9a2), D(0x73d12d7c96781e32), D(0x77c12fe4735a8daa)], b"335.44555664062500000|-0.00000000000000|7686718643366195243219401855096712090184425783822199357476842392616675001477293717679376899947037745690098220406428118840874989967920645992703008421499580892626493784923343886085117959456603240890916242349795217842638670054467649988344031207378386944.00000000000000000000|7.09362514e+268"),
    (U, b"%#6.17f|%#.14f|%8.20f|%.9g", &[D(0x4074f72100000000), D(0x9c9382ee5f09a9a2), D(0x73d12d7c96781e32), D(0x77c12fe4735a8daa)], b"335.44555664062500000|-0.00000000000000|7686718643366195243219401855096712090184425783822199357476842392616675001477293717679376899947037745690098220406428118840874989967920645992703008421499580892626493784923343886085117959456603240890916242349795217842638670054467649988344031207378386944.00000000000000000000|7.09362514e+268"),
    (M, b"%#7.6e|%#0.17f|%-+A|%.14f", &[D(0x2ede2ecde14e5863), D(0x6ec77bdbb21cb865), D(0xf82d87172952b9ad), D(0xc0d3a98e00000000)], b"6.214714e-083|4346258287750294201682183667412714450381444156211197166412518939544150776352714500615465058980983319414794139198235276794165080380366432047388538906705875642354558466597605790164763773909061630963095117500966199722233259098112.00000000000000000|-0X1.D87172952B9ADP+899|-20134.21875000000000"),
    (U, b"%#7.6e|%#0.17f|%-+A|%.14f", &[D(0x2ede2ecde14e5863), D(0x6ec77bdbb21cb865), D(0xf82d87172952b9ad), D(0xc0d3a98e00000000)], b"6.214714e-83|4346258287750294201682183667412714450381444156211197166412518939544150776352714500615465058980983319414794139198235276794165080380366432047388538906705875642354558466597605790164763773909061630963095117500966199722233259098112.00000000000000000|-0X1.D87172952B9ADP+899|-20134.21875000000000"),
    (M, b"%.16f|%+0.13f|%4.25f|% E", &[D(0xbdb590ecbfed434a), D(0x9100d628348790e2), D(0x411586cda0000000), D(0xc11aec9400000000)], b"-0.0000000000196143|-0.0000000000000|352691.4062500000000000000000000|-4.411250E+005"),
    (U, b"%.16f|%+0.13f|%4.25f|% E", &[D(0xbdb590ecbfed434a), D(0x9100d628348790e2), D(0x411586cda0000000), D(0xc11aec9400000000)], b"-0.0000000000196143|-0.0000000000000|352691.4062500000000000000000000|-4.411250E+05"),
    (M, b"% #e|%-0.1f|%-#.16g|%e", &[D(0xbfe5696e58a32f45), D(0x2a379169d12a5972), D(0x41791ac200000000), D(0x0c32be5eebbd8f13)], b"-6.691200e-001|0.0|26324000.00000000|6.544816e-250"),
    (U, b"% #e|%-0.1f|%-#.16g|%e", &[D(0xbfe5696e58a32f45), D(0x2a379169d12a5972), D(0x41791ac200000000), D(0x0c32be5eebbd8f13)], b"-6.691200e-01|0.0|26324000.00000000|6.544816e-250"),
    (M, b"%#29.31f|%f|%.7f|%#9g", &[D(0xc08091c0ac000000), D(0x3ff93bc2b94d9408), D(0x1d299ec447c88bb6), D(0x41516d6d00000000)], b"-530.2190780639648437500000000000000|1.577090|0.0000000|4.56850e+006"),
    (U, b"%#29.31f|%f|%.7f|%#9g", &[D(0xc08091c0ac000000), D(0x3ff93bc2b94d9408), D(0x1d299ec447c88bb6), D(0x41516d6d00000000)], b"-530.2190780639648437500000000000000|1.577090|0.0000000|4.56850e+06"),
    (M, b"% #12G|%17f|%.13g|%-.9g", &[D(0xf0133b35957de121), D(0x72bdcc3150823b1f), D(0x62aaaaf44c3076b8), D(0x26a053b9d6a4b2e5)], b"-7.46423E+231|50864898585070716253280194198039595550242151822624063210779992586816119151680709721774495163152440682005142211288771570412271921430368074236926933905890139026720293548007161571527862325821885506089362830423157161524069234495355332583097737674752.000000|1.965688244416e+167|1.23492224e-122"),
    (U, b"% #12G|%17f|%.13g|%-.9g", &[D(0xf0133b35957de121), D(0x72bdcc3150823b1f), D(0x62aaaaf44c3076b8), D(0x26a053b9d6a4b2e5)], b"-7.46423E+231|50864898585070716253280194198039595550242151822624063210779992586816119151680709721774495163152440682005142211288771570412271921430368074236926933905890139026720293548007161571527862325821885506089362830423157161524069234495355332583097737674752.000000|1.965688244416e+167|1.23492224e-122"),
    (M, b"%#0.14A|% .18g|%#0.7e|%.6f", &[D(0xc03bbf35c28f5c29), D(0x405e383380000000), D(0x860064e6013c658e), D(0x40d4ce4000000000)], b"-0X1.BBF35C28F5C290P+4| 120.878143310546875|-9.0315550e-280|21305.000000"),
    (U, b"%#0.14A|% .18g|%#0.7e|%.6f", &[D(0xc03bbf35c28f5c29), D(0x405e383380000000), D(0x860064e6013c658e), D(0x40d4ce4000000000)], b"-0X1.BBF35C28F5C290P+4| 120.878143310546875|-9.0315550e-280|21305.000000"),
    (M, b"%.47e|%23A|%.5e|%20f", &[D(0x2d6614629bbc7d8a), D(0xbfffb85000000000), D(0xaaa31ea5cbbb9662), D(0x7a502375ce2f4694)], b"5.41954828006161740896083774013794897254980733982e-090|  -0X1.FB85000000000P+0|-2.66768e-103|146473673354728186912881546164213709983700691077490311677236641881682812536036597408118556412925388981785629816153112470474716350309167400655237824822444490923919251477837647153308765281296776816441818945611293740352122031774932970899188790804894087263465776550565276328730061438976.000000"),
    (U, b"%.47e|%23A|%.5e|%20f", &[D(0x2d6614629bbc7d8a), D(0xbfffb85000000000), D(0xaaa31ea5cbbb9662), D(0x7a502375ce2f4694)], b"5.41954828006161740896083774013794897254980733982e-90|  -0X1.FB85000000000P+0|-2.66768e-103|146473673354728186912881546164213709983700691077490311677236641881682812536036597408118556412925388981785629816153112470474716350309167400655237824822444490923919251477837647153308765281296776816441818945611293740352122031774932970899188790804894087263465776550565276328730061438976.000000"),
    (M, b"%+#G|%-#.2g|%.29f|%13.19E", &[D(0x4011f2f666666667), D(0x402d675810624dd3), D(0x40aa54d1eb851eb8), D(0xc0de2382108c3f3e)], b"+4.48727|15.|3370.40999999999985448084771633148|-3.0862032259999999951E+004"),
    (U, b"%+#G|%-#.2g|%.29f|%13.19E", &[D(0x4011f2f666666667), D(0x402d675810624dd3), D(0x40aa54d1eb851eb8), D(0xc0de2382108c3f3e)], b"+4.48727|15.|3370.40999999999985448084771633148|-3.0862032259999999951E+04"),
    (M, b"%#26.10e|%#.14f|%#.51f|%g", &[D(0x55af77ebc0f1e46f), D(0x1c6eaa0a37efff6a), D(0xc568e0d75a9c3e44), D(0xbb599504375535a5)], b"         5.6385020337e+104|0.00000000000000|-240608018736414158667907072.000000000000000000000000000000000000000000000000000|-8.46441e-023"),
    (U, b"%#26.10e|%#.14f|%#.51f|%g", &[D(0x55af77ebc0f1e46f), D(0x1c6eaa0a37efff6a), D(0xc568e0d75a9c3e44), D(0xbb599504375535a5)], b"         5.6385020337e+104|0.00000000000000|-240608018736414158667907072.000000000000000000000000000000000000000000000000000|-8.46441e-23"),
    (M, b"% #21.11a|%+22.52e|%.13g|% 21.4e", &[D(0x9dbd90f8f687791c), D(0x2c49c4115ab34450), D(0x1a48da9b00d24881), D(0x41206fe0f326f892)], b"-0x1.d90f8f68779p-548|+2.4125511412069216052014498882291985255564191379548599e-095|4.679372968493e-182|          5.3861e+005"),
    (U, b"% #21.11a|%+22.52e|%.13g|% 21.4e", &[D(0x9dbd90f8f687791c), D(0x2c49c4115ab34450), D(0x1a48da9b00d24881), D(0x41206fe0f326f892)], b"-0x1.d90f8f68779p-548|+2.4125511412069216052014498882291985255564191379548599e-95|4.679372968493e-182|           5.3861e+05"),
    (M, b"%+ .14e|%20.30f|%#020.7f|%+.6f", &[D(0x40497bea76c3b5c4), D(0x64e1d524b569a20d), D(0x681b37d58a399752), D(0x599bd63aad030e84)], b"+5.09680927711120e+001|9032789985654995150034580541563654799049438920933153928459773578416534786585450896904960484046965436830016453783659614536662548017399442198091329257334037635097067128050277154816.000000000000000000000000000000|31045243651362755283206448760317995442120726411345824088509939401097973943522676642085286146999905117210138602162846554739290012092128863845896443043943223478627361633443004647894040233233088512.0000000|+4600426122313214023927978257674634796191919183284158661208297023950861871514989563319626415749024712820629241375752594653184.000000"),
    (U, b"%+ .14e|%20.30f|%#020.7f|%+.6f", &[D(0x40497bea76c3b5c4), D(0x64e1d524b569a20d), D(0x681b37d58a399752), D(0x599bd63aad030e84)], b"+5.09680927711120e+01|9032789985654995150034580541563654799049438920933153928459773578416534786585450896904960484046965436830016453783659614536662548017399442198091329257334037635097067128050277154816.000000000000000000000000000000|31045243651362755283206448760317995442120726411345824088509939401097973943522676642085286146999905117210138602162846554739290012092128863845896443043943223478627361633443004647894040233233088512.0000000|+4600426122313214023927978257674634796191919183284158661208297023950861871514989563319626415749024712820629241375752594653184.000000"),
    (M, b"%g|%f|%.5g|%#5.42f", &[D(0x15f1d13921f6b54f), D(0x400d758f5c28f5c3), D(0x4052d09500000000), D(0x3cfd40c06063e0c5)], b"5.68283e-203|3.682402|75.259|0.000000000000006495456491073649831108339311"),
    (U, b"%g|%f|%.5g|%#5.42f", &[D(0x15f1d13921f6b54f), D(0x400d758f5c28f5c3), D(0x4052d09500000000), D(0x3cfd40c06063e0c5)], b"5.68283e-203|3.682402|75.259|0.000000000000006495456491073649831108339311"),
    (M, b"%-021.18g|%#9A|%-12.1E|%27.0f", &[D(0x3b24b78eb42c31d1), D(0xbfd0f837b4a2339c), D(0xc381b4a6ef6d1b9d), D(0xc1fc1e25b2c0c4db)], b"8.5683591586193361e-024|-0X1.0F837B4A2339CP-2|-1.6E+017   |                -7547804460"),
    (U, b"%-021.18g|%#9A|%-12.1E|%27.0f", &[D(0x3b24b78eb42c31d1), D(0xbfd0f837b4a2339c), D(0xc381b4a6ef6d1b9d), D(0xc1fc1e25b2c0c4db)], b"8.5683591586193361e-24|-0X1.0F837B4A2339CP-2|-1.6E+17    |                -7547804460"),
    (M, b"%.10f|%#.6e|% .14e|%0.1f", &[D(0x3e65798ee2308c3a), D(0x85b01cb397d72ffe), D(0x74fbaecafd468001), D(0xc03891f2a3b30e65)], b"0.0000000400|-2.773809e-281| 3.24732770770423e+255|-24.6"),
    (U, b"%.10f|%#.6e|% .14e|%0.1f", &[D(0x3e65798ee2308c3a), D(0x85b01cb397d72ffe), D(0x74fbaecafd468001), D(0xc03891f2a3b30e65)], b"0.0000000400|-2.773809e-281| 3.24732770770423e+255|-24.6"),
    (M, b"% .10G|%a|% 0.21e|%8.2a", &[D(0x41a8f7487c10de7e), D(0x3f4c044284dfce31), D(0xb60204a0bb7021d5), D(0xa9b3b71b860cf900)], b" 209429566|0x1.c044284dfce31p-11|-1.541058620650286755622e-048|-0x1.3bp-356"),
    (U, b"% .10G|%a|% 0.21e|%8.2a", &[D(0x41a8f7487c10de7e), D(0x3f4c044284dfce31), D(0xb60204a0bb7021d5), D(0xa9b3b71b860cf900)], b" 209429566|0x1.c044284dfce31p-11|-1.541058620650286755622e-48|-0x1.3bp-356"),
    (M, b"% .19G|%#03.10G|%E|%9.10g", &[D(0x5ba29904df0cd083), D(0x430071dd7ea6f3f0), D(0x3e045c29bebdaa05), D(0x3f77ee320be69f23)], b" 2.640146634676346401E+133|5.785994692E+014|5.925543E-010|0.0058423953"),
    (U, b"% .19G|%#03.10G|%E|%9.10g", &[D(0x5ba29904df0cd083), D(0x430071dd7ea6f3f0), D(0x3e045c29bebdaa05), D(0x3f77ee320be69f23)], b" 2.640146634676346401E+133|5.785994692E+14|5.925543E-10|0.0058423953"),
    (M, b"%-.16e|%-+ #026.0f|%0.7e|%.20e", &[D(0x41cc1ae7de6f2e49), D(0x02ab3bf51e44737b), D(0xc053c4207843b8b0), D(0xc04c500666666667)], b"9.4305068486860001e+008|+0.                       |-7.9064482e+001|-5.66251953125000042633e+001"),
    (U, b"%-.16e|%-+ #026.0f|%0.7e|%.20e", &[D(0x41cc1ae7de6f2e49), D(0x02ab3bf51e44737b), D(0xc053c4207843b8b0), D(0xc04c500666666667)], b"9.4305068486860001e+08|+0.                       |-7.9064482e+01|-5.66251953125000042633e+01"),
    (M, b"%.47E|% 5.16e|%21.2f|%23f", &[D(0x528069fb0353bd0c), D(0x73bfc337b608150b), D(0x408a273200000000), D(0x408fb3ad48000000)], b"2.61217818912169233399544304966575369827107585466E+089| 3.5533013946154623e+249|               836.90|            1014.459610"),
    (U, b"%.47E|% 5.16e|%21.2f|%23f", &[D(0x528069fb0353bd0c), D(0x73bfc337b608150b), D(0x408a273200000000), D(0x408fb3ad48000000)], b"2.61217818912169233399544304966575369827107585466E+89| 3.5533013946154623e+249|               836.90|            1014.459610"),
    (M, b"% E|%-.1f|% #4.8f|%0.6G", &[D(0x40a9bfe400000000), D(0x403be06000000000), D(0x40331b1a9fbe76c9), D(0x4081f3deb851eb85)], b" 3.295945E+003|27.9| 19.10587500|574.484"),
    (U, b"% E|%-.1f|% #4.8f|%0.6G", &[D(0x40a9bfe400000000), D(0x403be06000000000), D(0x40331b1a9fbe76c9), D(0x4081f3deb851eb85)], b" 3.295945E+03|27.9| 19.10587500|574.484"),
    (M, b"%#0.7f|%0.3f|%#.3e|%.5g", &[D(0xeadd581dcff072bf), D(0xd16a2979f43422f8), D(0x41a6ccab00000000), D(0x4abbf6252b144222)], b"-588815710799289049809205520478485654906446967690599411576623518656523143136572308666552045336919477046247537193469167774707210984784946281539731307919566298439958302883353511292542565749804328338066748997632.0000000|-1588254275476485135520871870531754352295204377785613782308875905349628797535280693248.000|1.913e+008|1.0462e+052"),
    (U, b"%#0.7f|%0.3f|%#.3e|%.5g", &[D(0xeadd581dcff072bf), D(0xd16a2979f43422f8), D(0x41a6ccab00000000), D(0x4abbf6252b144222)], b"-588815710799289049809205520478485654906446967690599411576623518656523143136572308666552045336919477046247537193469167774707210984784946281539731307919566298439958302883353511292542565749804328338066748997632.0000000|-1588254275476485135520871870531754352295204377785613782308875905349628797535280693248.000|1.913e+08|1.0462e+52"),
    (M, b"%+#13.8a|%6.5e|% 5.20f|%#.25g", &[D(0x4066e05a90000000), D(0x404ae34831bc607a), D(0x40b6f9e800000000), D(0x3a737651fdb9dca3)], b"+0x1.6e05a900p+7|5.37756e+001| 5881.90625000000000000000|3.930357684447780723803563e-027"),
    (U, b"%+#13.8a|%6.5e|% 5.20f|%#.25g", &[D(0x4066e05a90000000), D(0x404ae34831bc607a), D(0x40b6f9e800000000), D(0x3a737651fdb9dca3)], b"+0x1.6e05a900p+7|5.37756e+01| 5881.90625000000000000000|3.930357684447780723803563e-27"),
    (M, b"%+#0.11g|%-.19e|% .6g|%.18g", &[D(0xc04097d03b165684), D(0x51fdf2d70cde50e7), D(0x1501cd77cbce1082), D(0x6361242235598bc3)], b"-33.186042200|9.3088322797410183607e+086| 1.73283e-207|5.17520356928361327e+170"),
    (U, b"%+#0.11g|%-.19e|% .6g|%.18g", &[D(0xc04097d03b165684), D(0x51fdf2d70cde50e7), D(0x1501cd77cbce1082), D(0x6361242235598bc3)], b"-33.186042200|9.3088322797410183607e+86| 1.73283e-207|5.17520356928361327e+170"),
    (M, b"%.12f|%3.5g|%0.8g|%.18g", &[D(0xbf7b659eeb3d254f), D(0x0000000000000000), D(0xbf689374bc6a7efa), D(0xc365f6a5613df382)], b"-0.006688710000|  0|-0.003|-49457317379283984"),
    (U, b"%.12f|%3.5g|%0.8g|%.18g", &[D(0xbf7b659eeb3d254f), D(0x0000000000000000), D(0xbf689374bc6a7efa), D(0xc365f6a5613df382)], b"-0.006688710000|  0|-0.003|-49457317379283984"),
    (M, b"%0f|%+26e|%24e|%27.20f", &[D(0x3f5209083281c2db), D(0x0122c49fa4a69997), D(0x3fd047ae147ae148), D(0x4014c0999999999a)], b"0.001101|            +3.421006e-303|           2.543750e-001|     5.18808593750000035527"),
    (U, b"%0f|%+26e|%24e|%27.20f", &[D(0x3f5209083281c2db), D(0x0122c49fa4a69997), D(0x3fd047ae147ae148), D(0x4014c0999999999a)], b"0.001101|            +3.421006e-303|            2.543750e-01|     5.18808593750000035527"),
    (M, b"%+#8.15e|% .11f|%0.3g|%.32g", &[D(0x42662bce1adcddcb), D(0x00c7ff433f387a4c), D(0x4066c9fc00000000), D(0xbf44df1b59a6d327)], b"+7.617936647429310e+011| 0.00000000000|182|-0.00063694797000000003949632398914105"),
    (U, b"%+#8.15e|% .11f|%0.3g|%.32g", &[D(0x42662bce1adcddcb), D(0x00c7ff433f387a4c), D(0x4066c9fc00000000), D(0xbf44df1b59a6d327)], b"+7.617936647429310e+11| 0.00000000000|182|-0.00063694797000000003949632398914105"),
    (M, b"%11g|%.31a|%+#13g|%+.7A", &[D(0x532ba15eccc4965e), D(0x7556fd7f2bf3a50f), D(0xbf062d68eed6e2d0), D(0x40e4b3ed40000000)], b"4.50272e+092|0x1.6fd7f2bf3a50f000000000000000000p+854|-4.23000e-005|+0X1.4B3ED40P+15"),
    (U, b"%11g|%.31a|%+#13g|%+.7A", &[D(0x532ba15eccc4965e), D(0x7556fd7f2bf3a50f), D(0xbf062d68eed6e2d0), D(0x40e4b3ed40000000)], b"4.50272e+92|0x1.6fd7f2bf3a50f000000000000000000p+854| -4.23000e-05|+0X1.4B3ED40P+15"),
    (M, b"% 27f|%.14e|%0.7f|%05.8e", &[D(0x2c962b7167c6429f), D(0xbf87545c28f5c28f), D(0x404d09db22d0e560), D(0x1fd924aa37af87e2)], b"                   0.000000|-1.13913726806641e-002|58.0770000|2.93010499e-155"),
    (U, b"% 27f|%.14e|%0.7f|%05.8e", &[D(0x2c962b7167c6429f), D(0xbf87545c28f5c28f), D(0x404d09db22d0e560), D(0x1fd924aa37af87e2)], b"                   0.000000|-1.13913726806641e-02|58.0770000|2.93010499e-155"),
    (M, b"%-13e|%A|%.20f|% 0.9e", &[D(0x410addcec0000000), D(0x4044f96666666667), D(0xa53c0963d20a4076), D(0xec5d467457c2974a)], b"2.200898e+005|0X1.4F96666666667P+5|-0.00000000000000000000|-9.855462247e+213"),
    (U, b"%-13e|%A|%.20f|% 0.9e", &[D(0x410addcec0000000), D(0x4044f96666666667), D(0xa53c0963d20a4076), D(0xec5d467457c2974a)], b"2.200898e+05 |0X1.4F96666666667P+5|-0.00000000000000000000|-9.855462247e+213"),
    (M, b"% 09.7f|%.36e|%#0.3f|%-6.20f", &[D(0x1080051cabbc5281), D(0x3ff0000000000000), D(0xbf3fdb4395810625), D(0x7aa01f66869c6c50)], b" 0.0000000|1.000000000000000000000000000000000000e+000|-0.000|4682551818025140296037561856949332229632885353633947892830589398096446008147571671529604018044350575788800006799469115084505845182172417501174290819894049120462308975657384374276111507261674119873836687511761976157204070684593160086775179777077437642979395268247970350460435112656896.00000000000000000000"),
    (U, b"% 09.7f|%.36e|%#0.3f|%-6.20f", &[D(0x1080051cabbc5281), D(0x3ff0000000000000), D(0xbf3fdb4395810625), D(0x7aa01f66869c6c50)], b" 0.0000000|1.000000000000000000000000000000000000e+00|-0.000|4682551818025140296037561856949332229632885353633947892830589398096446008147571671529604018044350575788800006799469115084505845182172417501174290819894049120462308975657384374276111507261674119873836687511761976157204070684593160086775179777077437642979395268247970350460435112656896.00000000000000000000"),
    (M, b"%22g|%26f|% .0G|%+ 027g", &[D(0x4142240240000000), D(0x1f1febb4b070ef6f), D(0x413dea8900000000), D(0xbe768c6fa0b2f9a3)], b"          2.37773e+006|                  0.000000| 2E+006|-0000000000000000008.4e-008"),
    (U, b"%22g|%26f|% .0G|%+ 027g", &[D(0x4142240240000000), D(0x1f1febb4b070ef6f), D(0x413dea8900000000), D(0xbe768c6fa0b2f9a3)], b"           2.37773e+06|                  0.000000| 2E+06|-00000000000000000008.4e-08"),
    (M, b"%+#.5G|% .2G|%0.51g|%26.6g", &[D(0x42007ae056280000), D(0x4064f29c20000000), D(0x61919c188835c3eb), D(0xc28daebd8dc494ac)], b"+8.8476E+009| 1.7E+002|9.90309302222230616902487799117685275436148501919888e+161|             -4.07954e+012"),
    (U, b"%+#.5G|% .2G|%0.51g|%26.6g", &[D(0x42007ae056280000), D(0x4064f29c20000000), D(0x61919c188835c3eb), D(0xc28daebd8dc494ac)], b"+8.8476E+09| 1.7E+02|9.90309302222230616902487799117685275436148501919888e+161|              -4.07954e+12"),
    (M, b"%-+#.12G|%#9.1f|%#5g|%+0f", &[D(0xf3eee87396c523f0), D(0xcbce4c29e5b5851f), D(0x3fb810624dd2f1aa), D(0x6f54a619382a794f)], b"-2.76616136257E+250|-1485785778152192054268779734525225193294301777377909276672.0|0.0940000|+1956644911656736261168460355151450678966614280081461339060895608646139621232708713108904643444472476907920072878458278027141672425802943642392855893662740116349117807669361289541365486992479404176471367226243915549958510200487936.000000"),
    (U, b"%-+#.12G|%#9.1f|%#5g|%+0f", &[D(0xf3eee87396c523f0), D(0xcbce4c29e5b5851f), D(0x3fb810624dd2f1aa), D(0x6f54a619382a794f)], b"-2.76616136257E+250|-1485785778152192054268779734525225193294301777377909276672.0|0.0940000|+1956644911656736261168460355151450678966614280081461339060895608646139621232708713108904643444472476907920072878458278027141672425802943642392855893662740116349117807669361289541365486992479404176471367226243915549958510200487936.000000"),
    (M, b"%0.13g|%6.9e|%0.0e|%.3E", &[D(0xc965d5009164df8d), D(0xc0b23a1f58000000), D(0xc9e55c1ef9b54cec), D(0xdd99d8c2603f4768)], b"-3.894966074675e+045|-4.666122437e+003|-1e+048|-7.880E+142"),
    (U, b"%0.13g|%6.9e|%0.0e|%.3E", &[D(0xc965d5009164df8d), D(0xc0b23a1f58000000), D(0xc9e55c1ef9b54cec), D(0xdd99d8c2603f4768)], b"-3.894966074675e+45|-4.666122437e+03|-1e+48|-7.880E+142"),
    (M, b"%07.11g|%21.20G|%06.15g|%4.31a", &[D(0x466e5848fcb4e040), D(0xc0b1bb22c0000000), D(0x87b7243b1a53d381), D(0x404d291e00000000)], b"1.9233342339e+031|     -4539.1357421875|-1.71110211979299e-271|0x1.d291e00000000000000000000000000p+5"),
    (U, b"%07.11g|%21.20G|%06.15g|%4.31a", &[D(0x466e5848fcb4e040), D(0xc0b1bb22c0000000), D(0x87b7243b1a53d381), D(0x404d291e00000000)], b"1.9233342339e+31|     -4539.1357421875|-1.71110211979299e-271|0x1.d291e00000000000000000000000000p+5"),
    (M, b"%+ #.18f|%12.30e|% .10e|%-2.10f", &[D(0xc27c1e765e2bf99b), D(0x3fe8000000000000), D(0x4104975e00000000), D(0xc0a1e03400000000)], b"-1932322529983.600341796875000000|7.500000000000000000000000000000e-001| 1.6868375000e+005|-2288.1015625000"),
    (U, b"%+ #.18f|%12.30e|% .10e|%-2.10f", &[D(0xc27c1e765e2bf99b), D(0x3fe8000000000000), D(0x4104975e00000000), D(0xc0a1e03400000000)], b"-1932322529983.600341796875000000|7.500000000000000000000000000000e-01| 1.6868375000e+05|-2288.1015625000"),
    (M, b"%#.13E|% 030.11f|% 0.5G|%.0e", &[D(0x41c9e5986c8e830d), D(0xc0b978e4b5dcc63f), D(0x1ae983dc1daea91d), D(0x76ba3602b6fcbcb2)], b"8.6895432911337E+008|-00000000000006520.89340000000| 4.9191E-179|8e+263"),
    (U, b"%#.13E|% 030.11f|% 0.5G|%.0e", &[D(0x41c9e5986c8e830d), D(0xc0b978e4b5dcc63f), D(0x1ae983dc1daea91d), D(0x76ba3602b6fcbcb2)], b"8.6895432911337E+08|-00000000000006520.89340000000| 4.9191E-179|8e+263"),
    (M, b"%010g|%0.1g|%+#.2f|%0.1e", &[D(0xc835e2df4338d053), D(0x623f89e40be72790), D(0x40b27b4e71f6bd61), D(0x7366b727932f111c)], b"-7.44749e+039|2e+165|+4731.31|7.9e+247"),
    (U, b"%010g|%0.1g|%+#.2f|%0.1e", &[D(0xc835e2df4338d053), D(0x623f89e40be72790), D(0x40b27b4e71f6bd61), D(0x7366b727932f111c)], b"-7.44749e+39|2e+165|+4731.31|7.9e+247"),
    (M, b"%-.18e|%.18g|%+#.11g|%#e", &[D(0xc0bc6e0800000000), D(0x4327bcdd8ef0e29d), D(0x122b8a3667ac38a3), D(0x721404646b3a3eae)], b"-7.278031250000000000e+003|3340792118145358.5|+3.8093900120e-221|3.336867e+241"),
    (U, b"%-.18e|%.18g|%+#.11g|%#e", &[D(0xc0bc6e0800000000), D(0x4327bcdd8ef0e29d), D(0x122b8a3667ac38a3), D(0x721404646b3a3eae)], b"-7.278031250000000000e+03|3340792118145358.5|+3.8093900120e-221|3.336867e+241"),
    (M, b"%0.7E|%+#.11g|%24.10f|%0.24e", &[D(0x4153e46e00000000), D(0xff616cd8028e9144), D(0x2618ed2b819bcea7), D(0x1e8ca5958b658bb1)], b"5.2146480E+006|-3.8238660122e+305|            0.0000000000|1.591873862586845523029266e-161"),
    (U, b"%0.7E|%+#.11g|%24.10f|%0.24e", &[D(0x4153e46e00000000), D(0xff616cd8028e9144), D(0x2618ed2b819bcea7), D(0x1e8ca5958b658bb1)], b"5.2146480E+06|-3.8238660122e+305|            0.0000000000|1.591873862586845523029266e-161"),
    (M, b"%E|%-+#f|%-0.17g|%+0.8e", &[D(0x40b52fbb00000000), D(0x3e695b3de4cd29ab), D(0x9abaa108ec907028), D(0xe682b1e8c35bf512)], b"5.423730E+003|+0.000000|-6.4173858318163595e-180|-6.35494556e+185"),
    (U, b"%E|%-+#f|%-0.17g|%+0.8e", &[D(0x40b52fbb00000000), D(0x3e695b3de4cd29ab), D(0x9abaa108ec907028), D(0xe682b1e8c35bf512)], b"5.423730E+03|+0.000000|-6.4173858318163595e-180|-6.35494556e+185"),
    (M, b"%19.6G|%+26G|%#.1f|%30.0f", &[D(0x405a8c2480000000), D(0x6d9f09723e74d180), D(0x02d16ed4e37b999a), D(0x0135abe76b4e45a4)], b"             106.19|             +1.09561E+220|0.0|                             0"),
    (U, b"%19.6G|%+26G|%#.1f|%30.0f", &[D(0x405a8c2480000000), D(0x6d9f09723e74d180), D(0x02d16ed4e37b999a), D(0x0135abe76b4e45a4)], b"             106.19|             +1.09561E+220|0.0|                             0"),
    (M, b"%.45a|%+25.8e|% #13.16f|%+ e", &[D(0x3e72ca5d05ea7ab3), D(0x123a9e8057ce4ea0), D(0xfa8c4828072b33ae), D(0x3f41616a7ef9db23)], b"0x1.2ca5d05ea7ab300000000000000000000000000000000p-24|         +7.36405981e-221|-2053496346746589094146413088610271477667130206324379531857975472043572215231993231776150897771275670679309613438829609343123758252839754695459818671680198275637153226884101981080166695339450163742955561906231207889081036921023536323757080321576384412087053004001887496819529576611840.0000000000000000|+5.304117e-004"),
    (U, b"%.45a|%+25.8e|% #13.16f|%+ e", &[D(0x3e72ca5d05ea7ab3), D(0x123a9e8057ce4ea0), D(0xfa8c4828072b33ae), D(0x3f41616a7ef9db23)], b"0x1.2ca5d05ea7ab300000000000000000000000000000000p-24|         +7.36405981e-221|-2053496346746589094146413088610271477667130206324379531857975472043572215231993231776150897771275670679309613438829609343123758252839754695459818671680198275637153226884101981080166695339450163742955561906231207889081036921023536323757080321576384412087053004001887496819529576611840.0000000000000000|+5.304117e-04"),
    (M, b"%+.7G|%.19e|% 0.13f|%f", &[D(0x37100230f3a086c1), D(0x6ec98e9905e8ba1c), D(0xfc67fc90204dc621), D(0x0836b427d34c7764)], b"+1.794622E-043|4.7299551646951561240e+225|-1870053580398679701645427584373760114978832509304510024295715104975232978728388289196806334495286585330016976570799240779889302429616635846136143401718618728854962060559238747687316408065004130677211525239177462021445342653903323961192061873661264845830415833128904313157282413402666714529792.0000000000000|0.000000"),
    (U, b"%+.7G|%.19e|% 0.13f|%f", &[D(0x37100230f3a086c1), D(0x6ec98e9905e8ba1c), D(0xfc67fc90204dc621), D(0x0836b427d34c7764)], b"+1.794622E-43|4.7299551646951561240e+225|-1870053580398679701645427584373760114978832509304510024295715104975232978728388289196806334495286585330016976570799240779889302429616635846136143401718618728854962060559238747687316408065004130677211525239177462021445342653903323961192061873661264845830415833128904313157282413402666714529792.0000000000000|0.000000"),
    (M, b"%- 023e|%#8.33A|%-#8.1g|%.18f", &[D(0x7bf7defb768c01fb), D(0xe84ea3932cdb934f), D(0xcd6b7b8fd2f0cdba), D(0xbfd963851eb851ec)], b" 1.453941e+289         |-0X1.EA3932CDB934F00000000000000000000P+645|-9.e+064|-0.396699218750000027"),
    (U, b"%- 023e|%#8.33A|%-#8.1g|%.18f", &[D(0x7bf7defb768c01fb), D(0xe84ea3932cdb934f), D(0xcd6b7b8fd2f0cdba), D(0xbfd963851eb851ec)], b" 1.453941e+289         |-0X1.EA3932CDB934F00000000000000000000P+645|-9.e+64 |-0.396699218750000027"),
    (M, b"%.12f|%-08.0a|%-.6f|%.3e", &[D(0xd2fcd4d1941a01eb), D(0x404c398400000000), D(0xc074c06f609ea1d1), D(0x68e25bbfbd135c59)], b"-58730442022065410336870292235391337217923242481797957571826108384262266109150264836640210944.000000000000|0x2  p+5|-332.027192|1.715e+197"),
    (U, b"%.12f|%-08.0a|%-.6f|%.3e", &[D(0xd2fcd4d1941a01eb), D(0x404c398400000000), D(0xc074c06f609ea1d1), D(0x68e25bbfbd135c59)], b"-58730442022065410336870292235391337217923242481797957571826108384262266109150264836640210944.000000000000|0x2  p+5|-332.027192|1.715e+197"),
    (M, b"%.42g|%+.5e|%+.15E|% .2G", &[D(0x0f0f53615b2a7fad), D(0x4034cc6822ff0889), D(0x48f5703ec81e51b1), D(0x3fe3354000000000)], b"3.84852450602482805066210432975996626179635e-236|+2.07985e+001|+2.988084929395464E+043| 0.6"),
    (U, b"%.42g|%+.5e|%+.15E|% .2G", &[D(0x0f0f53615b2a7fad), D(0x4034cc6822ff0889), D(0x48f5703ec81e51b1), D(0x3fe3354000000000)], b"3.84852450602482805066210432975996626179635e-236|+2.07985e+01|+2.988084929395464E+43| 0.6"),
    (M, b"%0.19f|%#.4A|%f|%#0e", &[D(0x1cd5578c2eda2231), D(0x0f080062ac4ddd5a), D(0x8c1480363b88bbc3), D(0x4a2d3e0d9196a0da)], b"0.0000000000000000000|0X1.8006P-783|-0.000000|2.136890e+049"),
    (U, b"%0.19f|%#.4A|%f|%#0e", &[D(0x1cd5578c2eda2231), D(0x0f080062ac4ddd5a), D(0x8c1480363b88bbc3), D(0x4a2d3e0d9196a0da)], b"0.0000000000000000000|0X1.8006P-783|-0.000000|2.136890e+49"),
    (M, b"%0.15E|%#.13g|% #7.19g|%.4g", &[D(0x02d0838821a80af8), D(0x405d41d800000000), D(0x4349c1986118f564), D(0x1692ca773703541e)], b"4.040091229177578E-295|117.0288085938| 14499469251963592.00|6.137e-200"),
    (U, b"%0.15E|%#.13g|% #7.19g|%.4g", &[D(0x02d0838821a80af8), D(0x405d41d800000000), D(0x4349c1986118f564), D(0x1692ca773703541e)], b"4.040091229177578E-295|117.0288085938| 14499469251963592.00|6.137e-200"),
    (M, b"%+ .12e|%-+.20G|%+.3g|% .8e", &[D(0xc74ec5dd87327ec1), D(0x3ae92f628e678f24), D(0xc1264ba300000000), D(0x02afa466d33f8335)], b"-3.195641834268e+035|+6.5101951435613391075E-025|-7.31e+005| 9.67655701e-296"),
    (U, b"%+ .12e|%-+.20G|%+.3g|% .8e", &[D(0xc74ec5dd87327ec1), D(0x3ae92f628e678f24), D(0xc1264ba300000000), D(0x02afa466d33f8335)], b"-3.195641834268e+35|+6.5101951435613391075E-25|-7.31e+05| 9.67655701e-296"),
    (M, b"% .16a|%-15.4f|%.20E|%0f", &[D(0x9205dcbce9c63b30), D(0x41ee939c8b5e1cac), D(0xbf536d1eb851eb85), D(0xc02387a3d70a3d71)], b"-0x1.5dcbce9c63b30000p-735|4103922778.9410|-1.18568420410156247398E-003|-9.764922"),
    (U, b"% .16a|%-15.4f|%.20E|%0f", &[D(0x9205dcbce9c63b30), D(0x41ee939c8b5e1cac), D(0xbf536d1eb851eb85), D(0xc02387a3d70a3d71)], b"-0x1.5dcbce9c63b30000p-735|4103922778.9410|-1.18568420410156247398E-03|-9.764922"),
    (M, b"% 8.9g|%#f|%4.19g|%-+#0.15G", &[D(0xcc32acf1d2699422), D(0xac4d08a174e0d44e), D(0x3d84d856db46cb6f), D(0x43dc04361941f2de)], b"-1.17228421e+059|-0.000000|2.369810695854510828e-012|+8.07519206030937E+018"),
    (U, b"% 8.9g|%#f|%4.19g|%-+#0.15G", &[D(0xcc32acf1d2699422), D(0xac4d08a174e0d44e), D(0x3d84d856db46cb6f), D(0x43dc04361941f2de)], b"-1.17228421e+59|-0.000000|2.369810695854510828e-12|+8.07519206030937E+18"),
    (M, b"%8.7E|%.20E|%+.56f|%-.18e", &[D(0x06672d27eb0de63e), D(0x6fc83489e37f3ce2), D(0xdd95063fa0149314), D(0x4c7b0b6072f04e8f)], b"8.1714628E-278|2.93586374785056463920E+230|-64094644797869539377411474567334422803308669279977248601119122313791362135089067802673809610292986393539966903543683231652246699588991370395648.00000000000000000000000000000000000000000000000000000000|2.716171264760810232e+060"),
    (U, b"%8.7E|%.20E|%+.56f|%-.18e", &[D(0x06672d27eb0de63e), D(0x6fc83489e37f3ce2), D(0xdd95063fa0149314), D(0x4c7b0b6072f04e8f)], b"8.1714628E-278|2.93586374785056463920E+230|-64094644797869539377411474567334422803308669279977248601119122313791362135089067802673809610292986393539966903543683231652246699588991370395648.00000000000000000000000000000000000000000000000000000000|2.716171264760810232e+60"),
    (M, b"%- .16f|% 26.11e|%+#.9g|%+#.7g", &[D(0xe1944fc0641dd7d0), D(0x6e8f1e91bf5e78f5), D(0xc0b0ad0c00000000), D(0xbf2c531cdd865874)], b"-1142247747850402074066251292116065851146153789634560773042694599443029462152299540467277734445003558175424177808399432522059151686675697279909848398385073799299072.0000000000000000|        3.59963247688e+224|-4269.04688|-0.0002161000"),
    (U, b"%- .16f|% 26.11e|%+#.9g|%+#.7g", &[D(0xe1944fc0641dd7d0), D(0x6e8f1e91bf5e78f5), D(0xc0b0ad0c00000000), D(0xbf2c531cdd865874)], b"-1142247747850402074066251292116065851146153789634560773042694599443029462152299540467277734445003558175424177808399432522059151686675697279909848398385073799299072.0000000000000000|        3.59963247688e+224|-4269.04688|-0.0002161000"),
    (M, b"%+.17g|%.4E|% g|%#17.9g", &[D(0x327346c366d8c086), D(0x3fc77e90ff972474), D(0x5c0862472ee743d9), D(0x7c0c03dde41fed47)], b"+1.1440033962675355e-065|1.8355E-001| 2.2154e+135|  3.41269989e+289"),
    (U, b"%+.17g|%.4E|% g|%#17.9g", &[D(0x327346c366d8c086), D(0x3fc77e90ff972474), D(0x5c0862472ee743d9), D(0x7c0c03dde41fed47)], b"+1.1440033962675355e-65|1.8355E-01| 2.2154e+135|  3.41269989e+289"),
    (M, b"%+.6g|%14g|% 25.20f|%#.1g", &[D(0x416de8d470000000), D(0x4098941200000000), D(0xc09ae1a800000000), D(0xc0205b71758e2196)], b"+1.56812e+007|       1573.02|-1720.41406250000000000000|-8."),
    (U, b"%+.6g|%14g|% 25.20f|%#.1g", &[D(0x416de8d470000000), D(0x4098941200000000), D(0xc09ae1a800000000), D(0xc0205b71758e2196)], b"+1.56812e+07|       1573.02|-1720.41406250000000000000|-8."),
    (M, b"% .10f|%G|%#14.18f|%.8g", &[D(0x78e3a5cdbd73237e), D(0xbff81ad4fdf3b646), D(0xe23c12fd33394ba8), D(0x84c807911219fae4)], b" 21257742180930638460012258562732982639038229327074384963342712500911796252027052767126800415315876650670996370731853657210211611859673685479628640741510329123726452909548323617506032021323787184048988714922266929443821876687663404451155633691918573526522331838122095848456192.0000000000|-1.50655|-1616682211807343954676970506134891501331100306409320737700268799560826243090288837814192620840195035827640122235991064064403400463429807504158151877692526442588405760.000000000000000000|-1.2624666e-285"),
    (U, b"% .10f|%G|%#14.18f|%.8g", &[D(0x78e3a5cdbd73237e), D(0xbff81ad4fdf3b646), D(0xe23c12fd33394ba8), D(0x84c807911219fae4)], b" 21257742180930638460012258562732982639038229327074384963342712500911796252027052767126800415315876650670996370731853657210211611859673685479628640741510329123726452909548323617506032021323787184048988714922266929443821876687663404451155633691918573526522331838122095848456192.0000000000|-1.50655|-1616682211807343954676970506134891501331100306409320737700268799560826243090288837814192620840195035827640122235991064064403400463429807504158151877692526442588405760.000000000000000000|-1.2624666e-285"),
    (M, b"%+ .5E|%-.15E|%-#.31e|% #.1f", &[D(0x3ff32d83126e978d), D(0x69e9089ab2ba58c4), D(0x40bd0e0700000000), D(0x658b1d389fb660b6)], b"+1.19861E+000|1.532959208949179E+202|7.4380273437500000000000000000000e+003| 14063820987586862906889652778127638089985494437592635763507855729458760021531698675044832768308167348903548825543906541937267125266440523211908714466085955989574825028302016350257152.0"),
    (U, b"%+ .5E|%-.15E|%-#.31e|% #.1f", &[D(0x3ff32d83126e978d), D(0x69e9089ab2ba58c4), D(0x40bd0e0700000000), D(0x658b1d389fb660b6)], b"+1.19861E+00|1.532959208949179E+202|7.4380273437500000000000000000000e+03| 14063820987586862906889652778127638089985494437592635763507855729458760021531698675044832768308167348903548825543906541937267125266440523211908714466085955989574825028302016350257152.0"),
    (M, b"% 16.2g|%+014.9g|%-26.9f|%29g", &[D(0x40de952e958f8ea9), D(0x40539c5a1cac0831), D(0x8633a03f182fb718), D(0x26060ba9047b3df7)], b"        3.1e+004|+000000078.443|-0.000000000              |                 1.62837e-125"),
    (U, b"% 16.2g|%+014.9g|%-26.9f|%29g", &[D(0x40de952e958f8ea9), D(0x40539c5a1cac0831), D(0x8633a03f182fb718), D(0x26060ba9047b3df7)], b"         3.1e+04|+000000078.443|-0.000000000              |                 1.62837e-125"),
    (M, b"%+0.3a|%.6E|%.6g|%+.17f", &[D(0x4015e3d8e00ffc76), D(0x3fef2c32feaff3ce), D(0x1847f6738f243657), D(0x40d423b360000000)], b"+0x1.5e4p+2|9.741454E-001|1.05043e-191|+20622.80273437500000000"),
    (U, b"%+0.3a|%.6E|%.6g|%+.17f", &[D(0x4015e3d8e00ffc76), D(0x3fef2c32feaff3ce), D(0x1847f6738f243657), D(0x40d423b360000000)], b"+0x1.5e4p+2|9.741454E-01|1.05043e-191|+20622.80273437500000000"),
    (M, b"% 15.7a|%0.6g|%+.19a|%17.4g", &[D(0x3bf375a25a8d2297), D(0x11b13ac6b1eab9cb), D(0xf4504c1c6df4e3b1), D(0xf7f037034b42d9a2)], b" 0x1.375a25bp-64|1.86191e-223|-0x1.04c1c6df4e3b1000000p+838|      -5.354e+269"),
    (U, b"% 15.7a|%0.6g|%+.19a|%17.4g", &[D(0x3bf375a25a8d2297), D(0x11b13ac6b1eab9cb), D(0xf4504c1c6df4e3b1), D(0xf7f037034b42d9a2)], b" 0x1.375a25bp-64|1.86191e-223|-0x1.04c1c6df4e3b1000000p+838|      -5.354e+269"),
    (M, b"%g|%-.8g|%-25.20e|%f", &[D(0x40939945e0000000), D(0x416b81e500000000), D(0xb36b09c7dcad3ea1), D(0xe5e089b342a4877c)], b"1254.32|14421800|-5.25809901301494290401e-061|-548993907554686467002627929597649379080931359453892635199709345901173914718771870280000424210618083377984798253792126657427154527892193240188473632892890335445341599106317357728923648.000000"),
    (U, b"%g|%-.8g|%-25.20e|%f", &[D(0x40939945e0000000), D(0x416b81e500000000), D(0xb36b09c7dcad3ea1), D(0xe5e089b342a4877c)], b"1254.32|14421800|-5.25809901301494290401e-61|-548993907554686467002627929597649379080931359453892635199709345901173914718771870280000424210618083377984798253792126657427154527892193240188473632892890335445341599106317357728923648.000000"),
    (M, b"%.5E|%.2E|%+0.8a|%0.3G", &[D(0xc26c92bbf6e28ccd), D(0x0ccee1e5a5b90176), D(0x404cfe1333333334), D(0x48a45d6685094414)], b"-9.81767E+011|5.52E-247|+0x1.cfe13333p+5|8.87E+041"),
    (U, b"%.5E|%.2E|%+0.8a|%0.3G", &[D(0xc26c92bbf6e28ccd), D(0x0ccee1e5a5b90176), D(0x404cfe1333333334), D(0x48a45d6685094414)], b"-9.81767E+11|5.52E-247|+0x1.cfe13333p+5|8.87E+41"),
    (M, b"%.13g|%-.13f|%g|%19.13G", &[D(0x41702e1d40000000), D(0x5753dbcd6c1b06e5), D(0x3fdfcea400000000), D(0x0b21641d7918929c)], b"16966100|47758105964667039635163486405942878821937596609632310659465806882441481412650022701676949872242637167562705600512.0000000000000|0.496987|4.632976553856E-255"),
    (U, b"%.13g|%-.13f|%g|%19.13G", &[D(0x41702e1d40000000), D(0x5753dbcd6c1b06e5), D(0x3fdfcea400000000), D(0x0b21641d7918929c)], b"16966100|47758105964667039635163486405942878821937596609632310659465806882441481412650022701676949872242637167562705600512.0000000000000|0.496987|4.632976553856E-255"),
    (M, b"%0.0g|%-#16.12e|%-+30.14e|% .1f", &[D(0xe740bc9295066324), D(0x40d5bcc000000000), D(0xcfe5e9fe3f3693b0), D(0xd40d17bf3a4c682b)], b"-2e+189|2.225900000000e+004|-7.92959994731064e+076        |-7767720216395366737032907246385579683220745819828026106824823102783145812483704365543089523130368.0"),
    (U, b"%0.0g|%-#16.12e|%-+30.14e|% .1f", &[D(0xe740bc9295066324), D(0x40d5bcc000000000), D(0xcfe5e9fe3f3693b0), D(0xd40d17bf3a4c682b)], b"-2e+189|2.225900000000e+04|-7.92959994731064e+76         |-7767720216395366737032907246385579683220745819828026106824823102783145812483704365543089523130368.0"),
    (M, b"%g|%.4g|%-.3g|%-25.1g", &[D(0x3fc1b64ccccccccd), D(0x1c3003e639651c89), D(0x458dc11e27898146), D(0xc08e757d54ec9eab)], b"0.138376|6.475e-173|1.15e+027|-1e+003                  "),
    (U, b"%g|%.4g|%-.3g|%-25.1g", &[D(0x3fc1b64ccccccccd), D(0x1c3003e639651c89), D(0x458dc11e27898146), D(0xc08e757d54ec9eab)], b"0.138376|6.475e-173|1.15e+27|-1e+03                   "),
    (M, b"%.14g|%.2f|%-0.18e|% 0.40a", &[D(0x3f0599c53883d50c), D(0x6cb9d2243f89b712), D(0x40b395966bb55ac0), D(0xac62e6e1b9d46eb5)], b"4.12e-005|556323889849786963350405609925794767523665023788182608073211583812585499480018769860856168732420571636254708651904847961653391581132530085318728580300495135899868405970489776549712067541118052920736703194206885117952.00|5.013587580999999773e+003|-0x1.2e6e1b9d46eb5000000000000000000000000000p-313"),
    (U, b"%.14g|%.2f|%-0.18e|% 0.40a", &[D(0x3f0599c53883d50c), D(0x6cb9d2243f89b712), D(0x40b395966bb55ac0), D(0xac62e6e1b9d46eb5)], b"4.12e-05|556323889849786963350405609925794767523665023788182608073211583812585499480018769860856168732420571636254708651904847961653391581132530085318728580300495135899868405970489776549712067541118052920736703194206885117952.00|5.013587580999999773e+03|-0x1.2e6e1b9d46eb5000000000000000000000000000p-313"),
    (M, b"%#.20e|%.33E|%.36G|% 0.15E", &[D(0x3f9151799999999a), D(0x20ce8a87f1d98431), D(0x7f708392fb37809b), D(0x2587ec181aeca135)], b"1.69123649597167982628e-002|1.166265369393104618615644348429310E-150|7.24781133552724650983345461738432747E+305| 6.902298637728909E-128"),
    (U, b"%#.20e|%.33E|%.36G|% 0.15E", &[D(0x3f9151799999999a), D(0x20ce8a87f1d98431), D(0x7f708392fb37809b), D(0x2587ec181aeca135)], b"1.69123649597167982628e-02|1.166265369393104618615644348429310E-150|7.24781133552724650983345461738432747E+305| 6.902298637728909E-128"),
    (M, b"%#.11a|%.31e|%+ g|%-.4e", &[D(0xde3c2e77d9bdad56), D(0x9ca22503e3aa2854), D(0xc9e42798db52c2f0), D(0x40bdc76e373718b9)], b"-0x1.c2e77d9bdadp+484|-9.3903037495016754176296146056954e-171|-9.20503e+047|7.6234e+003"),
    (U, b"%#.11a|%.31e|%+ g|%-.4e", &[D(0xde3c2e77d9bdad56), D(0x9ca22503e3aa2854), D(0xc9e42798db52c2f0), D(0x40bdc76e373718b9)], b"-0x1.c2e77d9bdadp+484|-9.3903037495016754176296146056954e-171|-9.20503e+47|7.6234e+03"),
    (M, b"%24.2e|% 17.42G|%-#0G|%+0.6f", &[D(0xc241c8d82af24000), D(0xc05286a300000000), D(0xc0b46f1828000000), D(0x63a292a99e23cde2)], b"              -1.53e+011|-74.10369873046875|-5231.09|+8971958939570441960781523207777512104321217221093148388270629699828129195564592685268666284909149218044465132138966584941706766099768037471313323018309925536516981638823936.000000"),
    (U, b"%24.2e|% 17.42G|%-#0G|%+0.6f", &[D(0xc241c8d82af24000), D(0xc05286a300000000), D(0xc0b46f1828000000), D(0x63a292a99e23cde2)], b"               -1.53e+11|-74.10369873046875|-5231.09|+8971958939570441960781523207777512104321217221093148388270629699828129195564592685268666284909149218044465132138966584941706766099768037471313323018309925536516981638823936.000000"),
    (M, b"% g|%#f|%#e|%28.1g", &[D(0xbff3bb4bc6a7ef9e), D(0xf9d7e73043c0e46f), D(0x0888754ca211cd8a), D(0x4007db3333333334)], b"-1.23323|-847441779074978347813209859777822679497019040860286482802856359778983215472871667992008519621705086750967830745751373400974620070715126366829492332650228129521825438461183335906104626750153372161837956218646862428456410102020362010309587146281621938816170787260040239023243919360.000000|1.481489e-267|                           3"),
    (U, b"% g|%#f|%#e|%28.1g", &[D(0xbff3bb4bc6a7ef9e), D(0xf9d7e73043c0e46f), D(0x0888754ca211cd8a), D(0x4007db3333333334)], b"-1.23323|-847441779074978347813209859777822679497019040860286482802856359778983215472871667992008519621705086750967830745751373400974620070715126366829492332650228129521825438461183335906104626750153372161837956218646862428456410102020362010309587146281621938816170787260040239023243919360.000000|1.481489e-267|                           3"),
    (M, b"%+ .6E|%+23.13f|%16.12g|%g", &[D(0xf78e495c0acbc8d6), D(0x3e112e0be826d695), D(0x4156fae857275eea), D(0x3ff4075400000000)], b"-7.812610E+267|       +0.0000000010000|   6024097.36178|1.25179"),
    (U, b"%+ .6E|%+23.13f|%16.12g|%g", &[D(0xf78e495c0acbc8d6), D(0x3e112e0be826d695), D(0x4156fae857275eea), D(0x3ff4075400000000)], b"-7.812610E+267|       +0.0000000010000|   6024097.36178|1.25179"),
    (M, b"%f|%-.9g|%.10e|%-22.5e", &[D(0x778d7813ed8b06cf), D(0x820fe7b448f5b3c7), D(0x413330d460000000), D(0x40c331d4cccccccd)], b"7601728567340705696375182251372678580081889121849005552941298872104578068119456744624670463712205937369413936814285617055633818048714790150801554916984550784733578599978368653385469398927887105737485334407411176403265429431080870633479352554244814070922756392646344704.000000|-9.52827652e-299|1.2576843750e+006|9.82766e+003          "),
    (U, b"%f|%-.9g|%.10e|%-22.5e", &[D(0x778d7813ed8b06cf), D(0x820fe7b448f5b3c7), D(0x413330d460000000), D(0x40c331d4cccccccd)], b"7601728567340705696375182251372678580081889121849005552941298872104578068119456744624670463712205937369413936814285617055633818048714790150801554916984550784733578599978368653385469398927887105737485334407411176403265429431080870633479352554244814070922756392646344704.000000|-9.52827652e-299|1.2576843750e+06|9.82766e+03           "),
    (M, b"%0.17f|%- #.19A|%27.2G|% .15e", &[D(0x91d76f5afb0314fc), D(0xde1fe8e6b6b0571c), D(0x408e95d300000000), D(0x0d786ac4a86ab636)], b"-0.00000000000000000|-0X1.FE8E6B6B0571CP+482      |                   9.8E+002| 8.939988275716126e-244"),
    (U, b"%0.17f|%- #.19A|%27.2G|% .15e", &[D(0x91d76f5afb0314fc), D(0xde1fe8e6b6b0571c), D(0x408e95d300000000), D(0x0d786ac4a86ab636)], b"-0.00000000000000000|-0X1.FE8E6B6B0571CP+482      |                    9.8E+02| 8.939988275716126e-244"),
    (M, b"%021g|%+ .11G|%+.7e|%+.16e", &[D(0x40b71a70a3d70a3e), D(0x540c04b6d9cf972d), D(0xce20a76d38b9fdee), D(0x3e0235ede6b8874c)], b"000000000000005914.44|+7.4808714228E+096|-2.2449562e+068|+5.3000000000000003e-010"),
    (U, b"%021g|%+ .11G|%+.7e|%+.16e", &[D(0x40b71a70a3d70a3e), D(0x540c04b6d9cf972d), D(0xce20a76d38b9fdee), D(0x3e0235ede6b8874c)], b"000000000000005914.44|+7.4808714228E+96|-2.2449562e+68|+5.3000000000000003e-10"),
    (M, b"%+.11A|%.35e|%e|%#06.12f", &[D(0x413c34732c0e8c8b), D(0xbf6c9828f5c28f5c), D(0x4020333333333333), D(0x4152d8fb00000000)], b"+0X1.C34732C0E8DP+20|-3.49052429199218743061106096092771622e-003|8.100000e+000|4940780.000000000000"),
    (U, b"%+.11A|%.35e|%e|%#06.12f", &[D(0x413c34732c0e8c8b), D(0xbf6c9828f5c28f5c), D(0x4020333333333333), D(0x4152d8fb00000000)], b"+0X1.C34732C0E8DP+20|-3.49052429199218743061106096092771622e-03|8.100000e+00|4940780.000000000000"),
    (M, b"% #E|%- 24.13A|% #2g|%.10f", &[D(0x1b84ec835ac5d84b), D(0x9c8540675c4bd25b), D(0x43c7fef5d126ddb0), D(0x3ff0000000000000)], b" 4.130806E-176|-0X1.540675C4BD25B P-567| 3.45818e+018|1.0000000000"),
    (U, b"% #E|%- 24.13A|% #2g|%.10f", &[D(0x1b84ec835ac5d84b), D(0x9c8540675c4bd25b), D(0x43c7fef5d126ddb0), D(0x3ff0000000000000)], b" 4.130806E-176|-0X1.540675C4BD25B P-567| 3.45818e+18|1.0000000000"),
    (M, b"%-+ a|%-e|%0.16f|%-0f", &[D(0xc17acaade0000000), D(0xc04de425d3cf1f8d), D(0x3ff8037b4a2339c1), D(0x071e167f6d1f6218)], b"-0x1.acaade0000000p+24|-5.978240e+001|1.5008500000000000|0.000000"),
    (U, b"%-+ a|%-e|%0.16f|%-0f", &[D(0xc17acaade0000000), D(0xc04de425d3cf1f8d), D(0x3ff8037b4a2339c1), D(0x071e167f6d1f6218)], b"-0x1.acaade0000000p+24|-5.978240e+01|1.5008500000000000|0.000000"),
    (M, b"% 0.1e|%0.30e|%4.0e|%e", &[D(0xa8a9320a0a42b863), D(0x3f3a36e2eb1c432d), D(0x8bc09a455e0a2245), D(0x6f7ce26f5e86fcdd)], b"-8.2e-113|4.000000000000000191686944095437e-004|-5e-252|1.094818e+229"),
    (U, b"% 0.1e|%0.30e|%4.0e|%e", &[D(0xa8a9320a0a42b863), D(0x3f3a36e2eb1c432d), D(0x8bc09a455e0a2245), D(0x6f7ce26f5e86fcdd)], b"-8.2e-113|4.000000000000000191686944095437e-04|-5e-252|1.094818e+229"),
    (M, b"%-E|%-f|% 0a|%#11f", &[D(0x41b1349573f970f8), D(0x40809b94e8fc9946), D(0x432b30deeac38142), D(0xc00f6af061268b85)], b"2.886588E+008|531.447710| 0x1.b30deeac38142p+51|  -3.927216"),
    (U, b"%-E|%-f|% 0a|%#11f", &[D(0x41b1349573f970f8), D(0x40809b94e8fc9946), D(0x432b30deeac38142), D(0xc00f6af061268b85)], b"2.886588E+08|531.447710| 0x1.b30deeac38142p+51|  -3.927216"),
    (M, b"%g|%-+.12e|%5.18e|%+.18E", &[D(0x3f02ecc36c8eba11), D(0xd79e52d0eb874eb1), D(0x68423aafa2e82d86), D(0x405df6b333333334)], b"3.60963e-005|-1.166803466158e+114|1.663396728036003630e+194|+1.198546875000000114E+002"),
    (U, b"%g|%-+.12e|%5.18e|%+.18E", &[D(0x3f02ecc36c8eba11), D(0xd79e52d0eb874eb1), D(0x68423aafa2e82d86), D(0x405df6b333333334)], b"3.60963e-05|-1.166803466158e+114|1.663396728036003630e+194|+1.198546875000000114E+02"),
    (M, b"%7.8e|%#0g|%0g|%0.9f", &[D(0x4162022990000000), D(0xbfd7335c28f5c28f), D(0x3f33249ff2792ec0), D(0x72ca1d4d8928d1cd)], b"9.44161250e+006|-0.362510|0.0002921|89155392105839181462719237338727808502547867189936290726410395040967789808596093831707789670278316819167800309649592758067950537211849923521812432693695115791475513604562956799503355225747522129893553279348400483877926782622548674075525734465536.000000000"),
    (U, b"%7.8e|%#0g|%0g|%0.9f", &[D(0x4162022990000000), D(0xbfd7335c28f5c28f), D(0x3f33249ff2792ec0), D(0x72ca1d4d8928d1cd)], b"9.44161250e+06|-0.362510|0.0002921|89155392105839181462719237338727808502547867189936290726410395040967789808596093831707789670278316819167800309649592758067950537211849923521812432693695115791475513604562956799503355225747522129893553279348400483877926782622548674075525734465536.000000000"),
    (M, b"% #.9G|%0.1g|%.2e|% .2A", &[D(0xc1209d43f0000000), D(0x3f6a67c6a7ef9db2), D(0xa264081f2d549f4a), D(0x36b094aec56473dd)], b"-544417.969|0.003|-5.13e-143| 0X1.09P-148"),
    (U, b"% #.9G|%0.1g|%.2e|% .2A", &[D(0xc1209d43f0000000), D(0x3f6a67c6a7ef9db2), D(0xa264081f2d549f4a), D(0x36b094aec56473dd)], b"-544417.969|0.003|-5.13e-143| 0X1.09P-148"),
    (M, b"%12.19g|% 22.12a|% 15.20G|%0f", &[D(0x909837a7e4c2c73b), D(0x4042aa2640000000), D(0x1526c250b4ad6afa), D(0xc15d7949c0000000)], b"-9.983226387359188572e-229|   0x1.2aa264000000p+5| 8.8610870380037263542E-207|-7726375.000000"),
    (U, b"%12.19g|% 22.12a|% 15.20G|%0f", &[D(0x909837a7e4c2c73b), D(0x4042aa2640000000), D(0x1526c250b4ad6afa), D(0xc15d7949c0000000)], b"-9.983226387359188572e-229|   0x1.2aa264000000p+5| 8.8610870380037263542E-207|-7726375.000000"),
    (M, b"%+20.50A|%#2.12f|%#.16e|%0.7f", &[D(0x2e5dc4886db6c84e), D(0xd37559c3a47b7ced), D(0xc091e2e333333333), D(0x3862849ea1dd5468)], b"+0X1.DC4886DB6C84E0000000000000000000000000000000000000P-282|-11133958371722255653973332553066336223531806386760764420705817751765405803496498391190306029568.000000000000|-1.1447218750000000e+003|0.0000000"),
    (U, b"%+20.50A|%#2.12f|%#.16e|%0.7f", &[D(0x2e5dc4886db6c84e), D(0xd37559c3a47b7ced), D(0xc091e2e333333333), D(0x3862849ea1dd5468)], b"+0X1.DC4886DB6C84E0000000000000000000000000000000000000P-282|-11133958371722255653973332553066336223531806386760764420705817751765405803496498391190306029568.000000000000|-1.1447218750000000e+03|0.0000000"),
    (M, b"%21.21e|%e|%-0g|% 01.18g", &[D(0xc083860200000000), D(0x718e35397d1a3f65), D(0x3fec2b6666666667), D(0xf763fd6be0d3c5ad)], b"-6.247509765625000000000e+002|9.835291e+238|0.880298|-1.28913199366982512e+267"),
    (U, b"%21.21e|%e|%-0g|% 01.18g", &[D(0xc083860200000000), D(0x718e35397d1a3f65), D(0x3fec2b6666666667), D(0xf763fd6be0d3c5ad)], b"-6.247509765625000000000e+02|9.835291e+238|0.880298|-1.28913199366982512e+267"),
    (M, b"%29.15g|%.10e|%+20f|%029.15g", &[D(0x42562677e60c0000), D(0xa541a113138179b8), D(0x86880d2acfdb857f), D(0xdbc6f0b76f1f52d2)], b"                 380538689584|-3.1791016014e-129|           -0.000000|-00000001.30264825366379e+134"),
    (U, b"%29.15g|%.10e|%+20f|%029.15g", &[D(0x42562677e60c0000), D(0xa541a113138179b8), D(0x86880d2acfdb857f), D(0xdbc6f0b76f1f52d2)], b"                 380538689584|-3.1791016014e-129|           -0.000000|-00000001.30264825366379e+134"),
    (M, b"%+#.45f|%.3f|%.5g|% 26.8g", &[D(0xa2dbb02043f2bb16), D(0x40d5479900000000), D(0x59ca3eb8699bf659), D(0x64a9afb40fc98107)], b"-0.000000000000000000000000000000000000000000000|21790.391|3.4699e+124|            8.1318568e+176"),
    (U, b"%+#.45f|%.3f|%.5g|% 26.8g", &[D(0xa2dbb02043f2bb16), D(0x40d5479900000000), D(0x59ca3eb8699bf659), D(0x64a9afb40fc98107)], b"-0.000000000000000000000000000000000000000000000|21790.391|3.4699e+124|            8.1318568e+176"),
    (M, b"% 012.15g|%- .57f|%+#.12g|% .9a", &[D(0xef3484e358ab4ef6), D(0xc25bb5aed7f3585b), D(0x052a098aba00752b), D(0xdf680a485275e17e)], b"-4.86088023674366e+227|-476049006541.380554199218750000000000000000000000000000000000000000000|+8.75486785020e-284|-0x1.80a485276p+503"),
    (U, b"% 012.15g|%- .57f|%+#.12g|% .9a", &[D(0xef3484e358ab4ef6), D(0xc25bb5aed7f3585b), D(0x052a098aba00752b), D(0xdf680a485275e17e)], b"-4.86088023674366e+227|-476049006541.380554199218750000000000000000000000000000000000000000000|+8.75486785020e-284|-0x1.80a485276p+503"),
    (M, b"%#11G|%.14g|%+.7f|%2.17g", &[D(0x1b22c8b84588121a), D(0x108fe7d1a14d8c88), D(0x7e91f882be9489ba), D(0x0000000000000000)], b"5.79431E-178|6.5762670561163e-229|+48139519868101573939796815814885992411093915505223371320156947343522809253016581403163313608739761846581215022084174733688597550364795137283023674216284887406956770883139859640528367332874695326643941817948429120901673069684041351113587953125593163874716883143573473703667759758344310825748105258860544.0000000| 0"),
    (U, b"%#11G|%.14g|%+.7f|%2.17g", &[D(0x1b22c8b84588121a), D(0x108fe7d1a14d8c88), D(0x7e91f882be9489ba), D(0x0000000000000000)], b"5.79431E-178|6.5762670561163e-229|+48139519868101573939796815814885992411093915505223371320156947343522809253016581403163313608739761846581215022084174733688597550364795137283023674216284887406956770883139859640528367332874695326643941817948429120901673069684041351113587953125593163874716883143573473703667759758344310825748105258860544.0000000| 0"),
    (M, b"% #.15a|%.13A|%+1.15f|%a", &[D(0xc0bacb4000000000), D(0xe9f3cbc76ef09c61), D(0x4bdc7c3834c2d600), D(0xb6708afbb7af208e)], b"-0x1.acb400000000000p+12|-0X1.3CBC76EF09C61P+672|+2793823487790013332961256773178580353269928558751584878592.000000000000000|-0x1.08afbb7af208ep-152"),
    (U, b"% #.15a|%.13A|%+1.15f|%a", &[D(0xc0bacb4000000000), D(0xe9f3cbc76ef09c61), D(0x4bdc7c3834c2d600), D(0xb6708afbb7af208e)], b"-0x1.acb400000000000p+12|-0X1.3CBC76EF09C61P+672|+2793823487790013332961256773178580353269928558751584878592.000000000000000|-0x1.08afbb7af208ep-152"),
    (M, b"%#.6e|%.18e|%.11G|%08.14f", &[D(0xbf02aedc0688a8ae), D(0x26f92dc09f94dad2), D(0xc0a21a6e10000000), D(0x3fd49ccccccccccd)], b"-3.563508e-005|6.094181827387294117e-121|-2317.2149658|0.32207031250000"),
    (U, b"%#.6e|%.18e|%.11G|%08.14f", &[D(0xbf02aedc0688a8ae), D(0x26f92dc09f94dad2), D(0xc0a21a6e10000000), D(0x3fd49ccccccccccd)], b"-3.563508e-05|6.094181827387294117e-121|-2317.2149658|0.32207031250000"),
    (M, b"%.16g|%03.14f|%+.38e|%g", &[D(0x71498d9f53c61cff), D(0x408c3a9000000000), D(0x062e657fd3063ec8), D(0xc0860324cccccccd)], b"5.199865387821065e+237|903.32031250000000|+6.69818820807244181324958262116491660789e-279|-704.393"),
    (U, b"%.16g|%03.14f|%+.38e|%g", &[D(0x71498d9f53c61cff), D(0x408c3a9000000000), D(0x062e657fd3063ec8), D(0xc0860324cccccccd)], b"5.199865387821065e+237|903.32031250000000|+6.69818820807244181324958262116491660789e-279|-704.393"),
    (M, b"%#.3g|% 0g|% .2a|%#14.15e", &[D(0xf09eda6b38b8c0fd), D(0x1ed8a67b7112bf98), D(0x3a96c954979b7bf4), D(0x4092e11c40000000)], b"-3.07e+234| 4.38334e-160| 0x1.6dp-86|1.208277587890625e+003"),
    (U, b"%#.3g|% 0g|% .2a|%#14.15e", &[D(0xf09eda6b38b8c0fd), D(0x1ed8a67b7112bf98), D(0x3a96c954979b7bf4), D(0x4092e11c40000000)], b"-3.07e+234| 4.38334e-160| 0x1.6dp-86|1.208277587890625e+03"),
    (M, b"%.9f|%-#3f|% 0.2g|%7f", &[D(0x57d2e6c2970fb9e3), D(0x6985c0912cca0e83), D(0xc2b294f3d044e8ef), D(0x50bc7edec0b05e4c)], b"11636771004221968859614566017587866467569042672806102009149481351084102753610211260702112109497613858587895838801920.000000000|208128054656297574608186493303127208379369497799359667152795208030452953501748662631018999877163062016292023135588825506486357186806542461390656051523956108803059547758053128743921348527562158787002368.000000|-2e+013|844688252801255847763555119685456737016238098460491016104228833480024208330194944.000000"),
    (U, b"%.9f|%-#3f|% 0.2g|%7f", &[D(0x57d2e6c2970fb9e3), D(0x6985c0912cca0e83), D(0xc2b294f3d044e8ef), D(0x50bc7edec0b05e4c)], b"11636771004221968859614566017587866467569042672806102009149481351084102753610211260702112109497613858587895838801920.000000000|208128054656297574608186493303127208379369497799359667152795208030452953501748662631018999877163062016292023135588825506486357186806542461390656051523956108803059547758053128743921348527562158787002368.000000|-2e+13|844688252801255847763555119685456737016238098460491016104228833480024208330194944.000000"),
    (M, b"%-#29.18g|%+.20f|%#15E|%-+#029.60a", &[D(0x9b3632c350ea6663), D(0x95e9cb00b1fa7f9d), D(0x280aec0a5c8ba0d1), D(0xc1392b2e00000000)], b"-1.36950033301283194e-177    |-0.00000000000000000000|  8.540819E-116|-0x1.92b2e00000000p+20                                               "),
    (U, b"%-#29.18g|%+.20f|%#15E|%-+#029.60a", &[D(0x9b3632c350ea6663), D(0x95e9cb00b1fa7f9d), D(0x280aec0a5c8ba0d1), D(0xc1392b2e00000000)], b"-1.36950033301283194e-177    |-0.00000000000000000000|  8.540819E-116|-0x1.92b2e00000000p+20                                               "),
    (M, b"%.37E|%#e|% .18e|%A", &[D(0x167a7c69df1c8cb7), D(0xc089b3ac0ba67615), D(0x03fb03392df47902), D(0x41030d8800000000)], b"2.1626145218617700930149805448015791649E-200|-8.224590e+002| 1.732408981928851467e-289|0X1.30D8800000000P+17"),
    (U, b"%.37E|%#e|% .18e|%A", &[D(0x167a7c69df1c8cb7), D(0xc089b3ac0ba67615), D(0x03fb03392df47902), D(0x41030d8800000000)], b"2.1626145218617700930149805448015791649E-200|-8.224590e+02| 1.732408981928851467e-289|0X1.30D8800000000P+17"),
    (M, b"% #.12g|%+.3E|%+ #g|%e", &[D(0x2c98c5a299f96196), D(0x402c8a3100000000), D(0xbcb868b15a436df1), D(0x40fe579a00000000)], b" 7.42237084696e-094|+1.427E+001|-3.38742e-016|1.242816e+005"),
    (U, b"% #.12g|%+.3E|%+ #g|%e", &[D(0x2c98c5a299f96196), D(0x402c8a3100000000), D(0xbcb868b15a436df1), D(0x40fe579a00000000)], b" 7.42237084696e-94|+1.427E+01|-3.38742e-16|1.242816e+05"),
    (M, b"%+G|%+ #24E|%+21.9e|%#.6e", &[D(0xca13c7dc275fe08b), D(0x654e855327903bee), D(0x4081dfbb80000000), D(0x70ca275daca16bc4)], b"-7.22738E+048|          +9.894261E+179|    +5.719665527e+002|2.078935e+235"),
    (U, b"%+G|%+ #24E|%+21.9e|%#.6e", &[D(0xca13c7dc275fe08b), D(0x654e855327903bee), D(0x4081dfbb80000000), D(0x70ca275daca16bc4)], b"-7.22738E+48|          +9.894261E+179|     +5.719665527e+02|2.078935e+235"),
    (M, b"%0e|%+17.18g|%0.19f|%#12f", &[D(0xc0b0672680000000), D(0x39accdefe5f9304c), D(0x3a46b16e5101815f), D(0x1f4bd89e11f5da3c)], b"-4.199150e+003|+7.10084313721836071e-031|0.0000000000000000000|    0.000000"),
    (U, b"%0e|%+17.18g|%0.19f|%#12f", &[D(0xc0b0672680000000), D(0x39accdefe5f9304c), D(0x3a46b16e5101815f), D(0x1f4bd89e11f5da3c)], b"-4.199150e+03|+7.10084313721836071e-31|0.0000000000000000000|    0.000000"),
    (M, b"%-.16f|%-2.49A|%.49a|%-12.14A", &[D(0xc21ca2eb5d988652), D(0xf32bed5862e17cf0), D(0x40ceef0a4448871e), D(0x57461eda3bfbfba3)], b"-30748104550.1311721801757813|-0X1.BED5862E17CF0P+819                                    |0x1.eef0a4448871e000000000000000000000000000000000000p+13|0X1.61EDA3BFBFBA3P+373 "),
    (U, b"%-.16f|%-2.49A|%.49a|%-12.14A", &[D(0xc21ca2eb5d988652), D(0xf32bed5862e17cf0), D(0x40ceef0a4448871e), D(0x57461eda3bfbfba3)], b"-30748104550.1311721801757813|-0X1.BED5862E17CF0P+819                                    |0x1.eef0a4448871e000000000000000000000000000000000000p+13|0X1.61EDA3BFBFBA3P+373 "),
    (M, b"% .1f|%2f|%02.9a|%#.3g", &[D(0x3fad58f0a3d70a3e), D(0x9e16afdc2752352c), D(0xc026fcaa00000000), D(0xc06730f333333334)], b" 0.1|-0.000000|-0x1.6fcaa0000p+3|-186."),
    (U, b"% .1f|%2f|%02.9a|%#.3g", &[D(0x3fad58f0a3d70a3e), D(0x9e16afdc2752352c), D(0xc026fcaa00000000), D(0xc06730f333333334)], b" 0.1|-0.000000|-0x1.6fcaa0000p+3|-186."),
    (M, b"%-.22e|%#g|%.8g|% 30f", &[D(0xc0f701c800000000), D(0x40c8ae9800000000), D(0x40353a9800000000), D(0x41cd44ddd4000000)], b"-9.4236500000000000000000e+004|12637.2|21.228882|              982105000.000000"),
    (U, b"%-.22e|%#g|%.8g|% 30f", &[D(0xc0f701c800000000), D(0x40c8ae9800000000), D(0x40353a9800000000), D(0x41cd44ddd4000000)], b"-9.4236500000000000000000e+04|12637.2|21.228882|              982105000.000000"),
    (M, b"%+.9e|%0.49G|%#.10e|%-17.8g", &[D(0x403bf10f5c28f5c3), D(0xa0c8957ac1066dd2), D(0x40b4585020000000), D(0x5b3f2a826c788a60)], b"+2.794164063e+001|-9.387782910843697868486067105846403505940906995153E-151|5.2083129883e+003|3.4565268e+131   "),
    (U, b"%+.9e|%0.49G|%#.10e|%-17.8g", &[D(0x403bf10f5c28f5c3), D(0xa0c8957ac1066dd2), D(0x40b4585020000000), D(0x5b3f2a826c788a60)], b"+2.794164063e+01|-9.387782910843697868486067105846403505940906995153E-151|5.2083129883e+03|3.4565268e+131   "),
    (M, b"% 0.14g|%.10A|%17e|%#30.7g", &[D(0xd0608326c9b4d141), D(0x3fb749624dd2f1aa), D(0x40587a147ae147ae), D(0x3f3a36e2eb1c432d)], b"-1.5295959546206e+079|0X1.749624DD2FP-4|    9.790750e+001|                  0.0004000000"),
    (U, b"% 0.14g|%.10A|%17e|%#30.7g", &[D(0xd0608326c9b4d141), D(0x3fb749624dd2f1aa), D(0x40587a147ae147ae), D(0x3f3a36e2eb1c432d)], b"-1.5295959546206e+79|0X1.749624DD2FP-4|     9.790750e+01|                  0.0004000000"),
    (M, b"%#.12f|%+#.6f|%-#.14g|% e", &[D(0x08896698eced03cc), D(0x59835d70aedf681c), D(0xbe8dc9384b2460f0), D(0x3ee4f8b588e368f1)], b"0.000000000000|+1600168658791622720766042539540070515979534805460719077600209598930712945125706318080493965300734017734431821364627930873856.000000|-2.2192310706530e-007| 1.000000e-005"),
    (U, b"%#.12f|%+#.6f|%-#.14g|% e", &[D(0x08896698eced03cc), D(0x59835d70aedf681c), D(0xbe8dc9384b2460f0), D(0x3ee4f8b588e368f1)], b"0.000000000000|+1600168658791622720766042539540070515979534805460719077600209598930712945125706318080493965300734017734431821364627930873856.000000|-2.2192310706530e-07| 1.000000e-05"),
    (M, b"%-0.8e|%029.19e|%11.17a|%+g", &[D(0xcd26a00d836d9ab4), D(0x5f2a704aed606de1), D(0xbf8ada9374bc6a7f), D(0x6f8616d2081c6f14)], b"-4.65373499e+063|0002.7045002081541041241e+150|-0x1.ada9374bc6a7f0000p-7|+1.6745e+229"),
    (U, b"%-0.8e|%029.19e|%11.17a|%+g", &[D(0xcd26a00d836d9ab4), D(0x5f2a704aed606de1), D(0xbf8ada9374bc6a7f), D(0x6f8616d2081c6f14)], b"-4.65373499e+63|0002.7045002081541041241e+150|-0x1.ada9374bc6a7f0000p-7|+1.6745e+229"),
    (M, b"%+0.3G|%0.20f|%+.0f|% 0g", &[D(0x405a9e6666666667), D(0x41448ecd4ccccccd), D(0xb54f4499179e54a2), D(0x3fed1eb851eb851f)], b"+106|2694554.60000000009313225746|-0| 0.91"),
    (U, b"%+0.3G|%0.20f|%+.0f|% 0g", &[D(0x405a9e6666666667), D(0x41448ecd4ccccccd), D(0xb54f4499179e54a2), D(0x3fed1eb851eb851f)], b"+106|2694554.60000000009313225746|-0| 0.91"),
    (M, b"%-0f|%+ 25.4e|%18.11A|%012.6a", &[D(0x03c547e8e2de7d9c), D(0x3fb5017dae81882b), D(0x0004b8763e253555), D(0xb81c9ef7e3bc1cba)], b"0.000000|             +8.2054e-002|0X0.4B8763E2535P-1022|-0x1.c9ef7ep-126"),
    (U, b"%-0f|%+ 25.4e|%18.11A|%012.6a", &[D(0x03c547e8e2de7d9c), D(0x3fb5017dae81882b), D(0x0004b8763e253555), D(0xb81c9ef7e3bc1cba)], b"0.000000|              +8.2054e-02|0X0.4B8763E2535P-1022|-0x1.c9ef7ep-126"),
    (M, b"%-.17g|%+ #6f|%.7A|%- 18E", &[D(0xbc4c270c81b7e9eb), D(0x4143c20b60000000), D(0xe665e05c0b625c77), D(0x4051be4400000000)], b"-3.0523039160511692e-018|+2589718.750000|-0X1.5E05C0BP+615| 7.097290E+001    "),
    (U, b"%-.17g|%+ #6f|%.7A|%- 18E", &[D(0xbc4c270c81b7e9eb), D(0x4143c20b60000000), D(0xe665e05c0b625c77), D(0x4051be4400000000)], b"-3.0523039160511692e-18|+2589718.750000|-0X1.5E05C0BP+615| 7.097290E+01     "),
    (M, b"%-0.18g|%0.6a|%- .8g|%-.4G", &[D(0x4a02a94c9e11321b), D(0xaa0a047c5e47ef8d), D(0xece488bdc1d95381), D(0x4059287440000000)], b"3.4091946923066436e+048|-0x1.a047c6p-351|-3.5393502e+216|100.6"),
    (U, b"%-0.18g|%0.6a|%- .8g|%-.4G", &[D(0x4a02a94c9e11321b), D(0xaa0a047c5e47ef8d), D(0xece488bdc1d95381), D(0x4059287440000000)], b"3.4091946923066436e+48|-0x1.a047c6p-351|-3.5393502e+216|100.6"),
    (M, b"%#029.12f|%f|% 018.8f|%-+10.7f", &[D(0xa56cda9711c41641), D(0xbf844bb1af3a14cf), D(0xfc0822f6a8f69fe1), D(0x409bb5f980000000)], b"-000000000000000.000000000000|-0.009910|-29402314318970646462694313227164593938697569480477327034785603962531300326221890626721667791166193046881030124106784244211830088009488611411187791117523993314522295972182657555994921562029331978408754420518942037089642033525150850915170996600051581057945199543010084959851906708965062344704.00000000|+1773.4936523"),
    (U, b"%#029.12f|%f|% 018.8f|%-+10.7f", &[D(0xa56cda9711c41641), D(0xbf844bb1af3a14cf), D(0xfc0822f6a8f69fe1), D(0x409bb5f980000000)], b"-000000000000000.000000000000|-0.009910|-29402314318970646462694313227164593938697569480477327034785603962531300326221890626721667791166193046881030124106784244211830088009488611411187791117523993314522295972182657555994921562029331978408754420518942037089642033525150850915170996600051581057945199543010084959851906708965062344704.00000000|+1773.4936523"),
    (M, b"%+20.2g|% 0e|% 0.29E|%+ #.14g", &[D(0x4a2887c53e04a74c), D(0x40377dc000000000), D(0x40f79d4600000000), D(0x40e7c58688000000)], b"           +1.8e+049| 2.349121e+001| 9.67243750000000000000000000000E+004|+48684.204101563"),
    (U, b"%+20.2g|% 0e|% 0.29E|%+ #.14g", &[D(0x4a2887c53e04a74c), D(0x40377dc000000000), D(0x40f79d4600000000), D(0x40e7c58688000000)], b"            +1.8e+49| 2.349121e+01| 9.67243750000000000000000000000E+04|+48684.204101563"),
    (M, b"%30.5f|%.11f|%#0.12g|%-20.40e", &[D(0xf4354985ac296ec3), D(0x7bec7199ed760245), D(0xbfd14a4a3b8d74c8), D(0xbfbc9de000000000)], b"-609641958949947051629449320047016390039881383183924827286760479216033357237501481161346617251938677985470774863905721222827819038588900176850636381675991404302668712813320179459633822311607599725031720837120045494782867731787318008781843251396503142400.00000|8662291378867014797035923571421478725199375594273538558659822889840269893297643880208700074863353820525036223674871050596807452024717987758078469024266973339358018129114924538655567469143858742415298855221663637301080585396276939957951381088616478454600343991256840132559292705777878302720.00000000000|-0.270159300000|-1.1178398132324218750000000000000000000000e-001"),
    (U, b"%30.5f|%.11f|%#0.12g|%-20.40e", &[D(0xf4354985ac296ec3), D(0x7bec7199ed760245), D(0xbfd14a4a3b8d74c8), D(0xbfbc9de000000000)], b"-609641958949947051629449320047016390039881383183924827286760479216033357237501481161346617251938677985470774863905721222827819038588900176850636381675991404302668712813320179459633822311607599725031720837120045494782867731787318008781843251396503142400.00000|8662291378867014797035923571421478725199375594273538558659822889840269893297643880208700074863353820525036223674871050596807452024717987758078469024266973339358018129114924538655567469143858742415298855221663637301080585396276939957951381088616478454600343991256840132559292705777878302720.00000000000|-0.270159300000|-1.1178398132324218750000000000000000000000e-01"),
    (M, b"%0.9e|%012.26g|%011.7g|%12.1a", &[D(0x40d2d90666666666), D(0xb4f2a587d819266b), D(0x409298fa00000000), D(0xb6dc5d0a235b3b34)], b"1.930010000e+004|-1.2167476883127981793225628e-053|0001190.244| -0x1.cp-146"),
    (U, b"%0.9e|%012.26g|%011.7g|%12.1a", &[D(0x40d2d90666666666), D(0xb4f2a587d819266b), D(0x409298fa00000000), D(0xb6dc5d0a235b3b34)], b"1.930010000e+04|-1.2167476883127981793225628e-53|0001190.244| -0x1.cp-146"),
    (M, b"%+.6f|%-#a|%-022.18e|%+.10e", &[D(0x407f49eb45c8abbd), D(0x3ee03f297b800be2), D(0x4babe1ab9b3001b8), D(0x9557516fe825168c)], b"+500.619940|0x1.03f297b800be2p-17|3.418264988499950096e+056|-7.2630058207e-206"),
    (U, b"%+.6f|%-#a|%-022.18e|%+.10e", &[D(0x407f49eb45c8abbd), D(0x3ee03f297b800be2), D(0x4babe1ab9b3001b8), D(0x9557516fe825168c)], b"+500.619940|0x1.03f297b800be2p-17|3.418264988499950096e+56|-7.2630058207e-206"),
    (M, b"%#27.2E|%+.15e|%-e|%#.0g", &[D(0x0d73a91c1be361a4), D(0x087467653d6e387a), D(0x3f6d2eba862bdc2f), D(0x7fd7c9d465db3e30)], b"                  7.20E-244|+6.179549428347708e-268|3.562321e-003|7.e+307"),
    (U, b"%#27.2E|%+.15e|%-e|%#.0g", &[D(0x0d73a91c1be361a4), D(0x087467653d6e387a), D(0x3f6d2eba862bdc2f), D(0x7fd7c9d465db3e30)], b"                  7.20E-244|+6.179549428347708e-268|3.562321e-03|7.e+307"),
    (M, b"% 3.3g|%.19f|%.58G|%0.15A", &[D(0x414defbb00000000), D(0x67d327f38a4453c3), D(0x1fdae3f8886b8189), D(0x53cd8f440896b5c5)], b" 3.92e+006|1365599775888228233856838706988528913961340381377337496459204112803787670116262269982378766988611133098584407840910613536131350936250488246200908536697029341106866824314690312138451428541726720.0000000000000000000|3.133728030135502721440242932789128587795482973361480661505E-155|0X1.D8F440896B5C500P+317"),
    (U, b"% 3.3g|%.19f|%.58G|%0.15A", &[D(0x414defbb00000000), D(0x67d327f38a4453c3), D(0x1fdae3f8886b8189), D(0x53cd8f440896b5c5)], b" 3.92e+06|1365599775888228233856838706988528913961340381377337496459204112803787670116262269982378766988611133098584407840910613536131350936250488246200908536697029341106866824314690312138451428541726720.0000000000000000000|3.133728030135502721440242932789128587795482973361480661505E-155|0X1.D8F440896B5C500P+317"),
    (M, b"%-.1G|%+.12f|%+.11e|%-#.2E", &[D(0x4dadb9474c9acaa5), D(0x4c20384885400094), D(0xa2db7714c5178406), D(0x5527b1938bb9a2c6)], b"2E+066|+50906844927741889140187025282796738490818540075812338532352.000000000000|-9.00915755264e-141|1.66E+102"),
    (U, b"%-.1G|%+.12f|%+.11e|%-#.2E", &[D(0x4dadb9474c9acaa5), D(0x4c20384885400094), D(0xa2db7714c5178406), D(0x5527b1938bb9a2c6)], b"2E+66|+50906844927741889140187025282796738490818540075812338532352.000000000000|-9.00915755264e-141|1.66E+102"),
    (M, b"%#0.5g|%.2e|%15G|%+.3a", &[D(0xc0057b5c00000000), D(0x410899fd28000000), D(0xfc83daa544a02f87), D(0x37353dfd342dedd7)], b"-2.6852|2.02e+005|   -6.1915E+291|+0x1.53ep-140"),
    (U, b"%#0.5g|%.2e|%15G|%+.3a", &[D(0xc0057b5c00000000), D(0x410899fd28000000), D(0xfc83daa544a02f87), D(0x37353dfd342dedd7)], b"-2.6852|2.02e+05|   -6.1915E+291|+0x1.53ep-140"),
    (M, b"%.15E|% #.12E|% #.13A|%.11g", &[D(0x41f8eea7c5d5f79b), D(0x40810267fb770443), D(0x66bd69571ec6c8d2), D(0xc14e001c66031ceb)], b"6.692699229372951E+009| 5.443007726000E+002| 0X1.D69571EC6C8D2P+620|-3932216.797"),
    (U, b"%.15E|% #.12E|% #.13A|%.11g", &[D(0x41f8eea7c5d5f79b), D(0x40810267fb770443), D(0x66bd69571ec6c8d2), D(0xc14e001c66031ceb)], b"6.692699229372951E+09| 5.443007726000E+02| 0X1.D69571EC6C8D2P+620|-3932216.797"),
    (M, b"%016a|%#.17g|%7.55G|% 0.8e", &[D(0xd43068fc1129903f), D(0xc14181a0e0000000), D(0xc0e11d2333333333), D(0x401451db17239948)], b"-0x1.068fc1129903fp+324|-2294593.7500000000|-35049.0999999999985448084771633148193359375| 5.07993733e+000"),
    (U, b"%016a|%#.17g|%7.55G|% 0.8e", &[D(0xd43068fc1129903f), D(0xc14181a0e0000000), D(0xc0e11d2333333333), D(0x401451db17239948)], b"-0x1.068fc1129903fp+324|-2294593.7500000000|-35049.0999999999985448084771633148193359375| 5.07993733e+00"),
    (M, b"%-G|%.18f|%e|%+ .18f", &[D(0x3f4e6d577f147385), D(0xf4791986be10c1a7), D(0x4174927ac0000000), D(0x77e73cb2733ffe6d)], b"0.000928562|-11501251963132734507921416427406433319341651759562613644941394697679348048051874946302173356828971578770553872033458510318677239965304947362070176565079066223003738972722124298010867973335452053468204008382921486290194877480846853519384703143958470983680.000000000000000000|2.157150e+007|+383625992435511568756886163704737526252505634339606181428315223366725616551599311933798622680223993138370665378461975912464143604439500457546843059179033309112785078218784660173189857912799283476457513497552899005002256101830791271283105870050519538686130377586445910016.000000000000000000"),
    (U, b"%-G|%.18f|%e|%+ .18f", &[D(0x3f4e6d577f147385), D(0xf4791986be10c1a7), D(0x4174927ac0000000), D(0x77e73cb2733ffe6d)], b"0.000928562|-11501251963132734507921416427406433319341651759562613644941394697679348048051874946302173356828971578770553872033458510318677239965304947362070176565079066223003738972722124298010867973335452053468204008382921486290194877480846853519384703143958470983680.000000000000000000|2.157150e+07|+383625992435511568756886163704737526252505634339606181428315223366725616551599311933798622680223993138370665378461975912464143604439500457546843059179033309112785078218784660173189857912799283476457513497552899005002256101830791271283105870050519538686130377586445910016.000000000000000000"),
    (M, b"%E|%28E|%.6G|%#6a", &[D(0x41059ad200000000), D(0x138cf300ce78f6e7), D(0x412c377200000000), D(0x4dfff50dc2b9bf23)], b"1.769863E+005|               1.679539E-214|924601|0x1.ff50dc2b9bf23p+224"),
    (U, b"%E|%28E|%.6G|%#6a", &[D(0x41059ad200000000), D(0x138cf300ce78f6e7), D(0x412c377200000000), D(0x4dfff50dc2b9bf23)], b"1.769863E+05|               1.679539E-214|924601|0x1.ff50dc2b9bf23p+224"),
    (M, b"%- 21E|%.14f|%- 9.2e|% .9g", &[D(0x28ab77f1ea9f8f70), D(0x1465b37bf71f77ce), D(0x9480cbd50e3b6b93), D(0x46b06dbbb285b3bc)], b" 8.923334E-113       |0.00000000000000|-6.39e-210| 3.33212513e+032"),
    (U, b"%- 21E|%.14f|%- 9.2e|% .9g", &[D(0x28ab77f1ea9f8f70), D(0x1465b37bf71f77ce), D(0x9480cbd50e3b6b93), D(0x46b06dbbb285b3bc)], b" 8.923334E-113       |0.00000000000000|-6.39e-210| 3.33212513e+32"),
    (M, b"%0.6g|%+7.0g|%-#019.12e|%f", &[D(0x4983067fd653873f), D(0x40c166bab0215aef), D(0xc09f23c700000000), D(0x4d99ceb9a8cb5584)], b"1.3577e+046|+9e+003|-1.992944335938e+003|679462279873246880784715231193130593658055047352715266165997305856.000000"),
    (U, b"%0.6g|%+7.0g|%-#019.12e|%f", &[D(0x4983067fd653873f), D(0x40c166bab0215aef), D(0xc09f23c700000000), D(0x4d99ceb9a8cb5584)], b"1.3577e+46| +9e+03|-1.992944335938e+03|679462279873246880784715231193130593658055047352715266165997305856.000000"),
    (M, b"%#9g|%+f|%#.4a|%12g", &[D(0x1c8dc49352a91b6a), D(0x403a9a199999999a), D(0x2e477c271ef44317), D(0xc075206b851eb852)], b"3.85141e-171|+26.601953|0x1.77c2p-283|    -338.026"),
    (U, b"%#9g|%+f|%#.4a|%12g", &[D(0x1c8dc49352a91b6a), D(0x403a9a199999999a), D(0x2e477c271ef44317), D(0xc075206b851eb852)], b"3.85141e-171|+26.601953|0x1.77c2p-283|    -338.026"),
    (M, b"%30.7E|%-#.14a|%06a|% e", &[D(0x3f33a92a30553261), D(0xc26c22cc7d45aee9), D(0xc07c04504816f007), D(0x3bf67ba8556d9d82)], b"                3.0000000E-004|-0x1.c22cc7d45aee9p+39 |-0x1.c04504816f007p+8| 7.617549e-020"),
    (U, b"%30.7E|%-#.14a|%06a|% e", &[D(0x3f33a92a30553261), D(0xc26c22cc7d45aee9), D(0xc07c04504816f007), D(0x3bf67ba8556d9d82)], b"                 3.0000000E-04|-0x1.c22cc7d45aee9p+39 |-0x1.c04504816f007p+8| 7.617549e-20"),
    (M, b"%.4e|% .10E|%12.1g|%.9e", &[D(0x3d719799812dea11), D(0xfce4041d465505df), D(0x22b4c95a1a49af41), D(0xc0e5a67524000000)], b"1.0000e-012|-3.9948882731E+293|      2e-141|-4.433966064e+004"),
    (U, b"%.4e|% .10E|%12.1g|%.9e", &[D(0x3d719799812dea11), D(0xfce4041d465505df), D(0x22b4c95a1a49af41), D(0xc0e5a67524000000)], b"1.0000e-12|-3.9948882731E+293|      2e-141|-4.433966064e+04"),
    (M, b"%+#07.12A|%+29.8E|%.18e|%-f", &[D(0xc0dac67900000000), D(0x55181a877fb3c405), D(0x3f8b52810624dd2f), D(0x3ff5ae2ccccccccd)], b"-0X1.AC6790000000P+14|             +8.43530917E+101|1.334095764160156232e-002|1.355023"),
    (U, b"%+#07.12A|%+29.8E|%.18e|%-f", &[D(0xc0dac67900000000), D(0x55181a877fb3c405), D(0x3f8b52810624dd2f), D(0x3ff5ae2ccccccccd)], b"-0X1.AC6790000000P+14|             +8.43530917E+101|1.334095764160156232e-02|1.355023"),
    (M, b"%-.1e|%.36f|%-#.3g|%+ .15A", &[D(0x4006a5199999999a), D(0x1d337cb61782c228), D(0x412c111ea0000000), D(0x15fd8ca0aa030bc0)], b"2.8e+000|0.000000000000000000000000000000000000|9.20e+005|+0X1.D8CA0AA030BC000P-672"),
    (U, b"%-.1e|%.36f|%-#.3g|%+ .15A", &[D(0x4006a5199999999a), D(0x1d337cb61782c228), D(0x412c111ea0000000), D(0x15fd8ca0aa030bc0)], b"2.8e+00|0.000000000000000000000000000000000000|9.20e+05|+0X1.D8CA0AA030BC000P-672"),
    (M, b"%.16f|% #0.0A|% 1.14E|%+0A", &[D(0x4176f399e4cae317), D(0xbf99b951eb851eb8), D(0x256f1f0a0e5a40c2), D(0x408d222000000000)], b"24066462.2995329760015011|-0X2.P-6| 2.24485788980627E-128|+0X1.D222000000000P+9"),
    (U, b"%.16f|% #0.0A|% 1.14E|%+0A", &[D(0x4176f399e4cae317), D(0xbf99b951eb851eb8), D(0x256f1f0a0e5a40c2), D(0x408d222000000000)], b"24066462.2995329760015011|-0X2.P-6| 2.24485788980627E-128|+0X1.D222000000000P+9"),
    (M, b"%e|%0.20f|%.13g|%#.0a", &[D(0xc0b1620514000000), D(0x4033b1eb851eb852), D(0xbc6d9fbf3984ebb9), D(0xc0b03e9440000000)], b"-4.450020e+003|19.69500000000000028422|-1.284736709687e-017|-0x1.p+12"),
    (U, b"%e|%0.20f|%.13g|%#.0a", &[D(0xc0b1620514000000), D(0x4033b1eb851eb852), D(0xbc6d9fbf3984ebb9), D(0xc0b03e9440000000)], b"-4.450020e+03|19.69500000000000028422|-1.284736709687e-17|-0x1.p+12"),
    (M, b"%.12e|%+14e|%.13e|% 7.4a", &[D(0x159f0d4441ad2868), D(0x402471bd70a3d70a), D(0xbf8beeeb851eb852), D(0x400f6a0ce0bfd286)], b"1.547497855293e-204|+1.022215e+001|-1.3639297485352e-002| 0x1.f6a1p+1"),
    (U, b"%.12e|%+14e|%.13e|% 7.4a", &[D(0x159f0d4441ad2868), D(0x402471bd70a3d70a), D(0xbf8beeeb851eb852), D(0x400f6a0ce0bfd286)], b"1.547497855293e-204| +1.022215e+01|-1.3639297485352e-02| 0x1.f6a1p+1"),
    (M, b"%-.51E|%-.18f|% 12.11f|%-2.14f", &[D(0x6f91b61bc8dc0449), D(0x40db942300000000), D(0x61b8db36bbfe398b), D(0xc0f4ef41f11137d9)], b"2.685274326668903929928250193854042033422968131213185E+229|28240.546875000000000000| 5591318431572355305461945993500364106378361702308458237505019884747544746641395433768883592919690205037710967516871385804530620247551673469245338735774916184899584.00000000000|-85748.12135431113711"),
    (U, b"%-.51E|%-.18f|% 12.11f|%-2.14f", &[D(0x6f91b61bc8dc0449), D(0x40db942300000000), D(0x61b8db36bbfe398b), D(0xc0f4ef41f11137d9)], b"2.685274326668903929928250193854042033422968131213185E+229|28240.546875000000000000| 5591318431572355305461945993500364106378361702308458237505019884747544746641395433768883592919690205037710967516871385804530620247551673469245338735774916184899584.00000000000|-85748.12135431113711"),
    (M, b"%-e|%#030.10G|%22e|%+19.4f", &[D(0xc122dc1880000000), D(0x4b6d6c057da77309), D(0xbf30dd765ce5738c), D(0x5cb6b753842e8dd1)], b"-6.179963e+005|000000000000002.254451032E+055|        -2.573408e-004|+4226804302508051260227374744556708763895713560941350040311760480719062995872848828481211038481910258424917137210690975748043812615682523136.0000"),
    (U, b"%-e|%#030.10G|%22e|%+19.4f", &[D(0xc122dc1880000000), D(0x4b6d6c057da77309), D(0xbf30dd765ce5738c), D(0x5cb6b753842e8dd1)], b"-6.179963e+05|0000000000000002.254451032E+55|         -2.573408e-04|+4226804302508051260227374744556708763895713560941350040311760480719062995872848828481211038481910258424917137210690975748043812615682523136.0000"),
    (M, b"%.58E|%-+ .59f|%.12f|%.17f", &[D(0x6ec5e5314d4dac5f), D(0x40f515f300000000), D(0x7c9b2e6cc5eb02c3), D(0x3e7421f5f40d8376)], b"4.0522603785126961590239741751707418570445099509022891077676E+225|+86367.18750000000000000000000000000000000000000000000000000000000|16953008906603155404915312142979941691657805018579248238187482619228153813952306878946871166222096178942245656542443733886747400358339270900790784962924940661482143921641043069573977827715657921587841732614406054151055669488730920812576171088804735828906966950444177655197127715514601890119680.000000000000|0.00000007500000000"),
    (U, b"%.58E|%-+ .59f|%.12f|%.17f", &[D(0x6ec5e5314d4dac5f), D(0x40f515f300000000), D(0x7c9b2e6cc5eb02c3), D(0x3e7421f5f40d8376)], b"4.0522603785126961590239741751707418570445099509022891077676E+225|+86367.18750000000000000000000000000000000000000000000000000000000|16953008906603155404915312142979941691657805018579248238187482619228153813952306878946871166222096178942245656542443733886747400358339270900790784962924940661482143921641043069573977827715657921587841732614406054151055669488730920812576171088804735828906966950444177655197127715514601890119680.000000000000|0.00000007500000000"),
    (M, b"%+.3e|%0.33f|%#.1A|%g", &[D(0x408c0a16872b020c), D(0x2714564e1c816d15), D(0xc1ffb269b0cac01a), D(0x2c297871f8e82b94)], b"+8.973e+002|0.000000000000000000000000000000000|-0X2.0P+32|5.96223e-096"),
    (U, b"%+.3e|%0.33f|%#.1A|%g", &[D(0x408c0a16872b020c), D(0x2714564e1c816d15), D(0xc1ffb269b0cac01a), D(0x2c297871f8e82b94)], b"+8.973e+02|0.000000000000000000000000000000000|-0X2.0P+32|5.96223e-96"),
    (M, b"%+.0e|%+.15E|%+0.2g|%#011.4g", &[D(0xe0715cc9f6a0944d), D(0xbdb472c2f3a6a15f), D(0x7229701208052e89), D(0xfae67db1af891a0e)], b"-4e+156|-1.859760889401828E-011|+8.5e+241|-1.045e+284"),
    (U, b"%+.0e|%+.15E|%+0.2g|%#011.4g", &[D(0xe0715cc9f6a0944d), D(0xbdb472c2f3a6a15f), D(0x7229701208052e89), D(0xfae67db1af891a0e)], b"-4e+156|-1.859760889401828E-11|+8.5e+241|-1.045e+284"),
    (M, b"%e|%-+0.15f|%12E|%+15.15f", &[D(0xdf80a7d6ed2dd871), D(0x0371a8117296d474), D(0x40c79c8030000000), D(0xc087fae000000000)], b"-1.090407e+152|+0.000000000000000|1.208900E+004|-767.359375000000000"),
    (U, b"%e|%-+0.15f|%12E|%+15.15f", &[D(0xdf80a7d6ed2dd871), D(0x0371a8117296d474), D(0x40c79c8030000000), D(0xc087fae000000000)], b"-1.090407e+152|+0.000000000000000|1.208900E+04|-767.359375000000000"),
    (M, b"%#.14f|% 0f|%#.19g|%-g", &[D(0x3ef7d94857c8eee6), D(0x3f518b4395810625), D(0xd8e9914b407ffda3), D(0x40506b18548a9bd0)], b"0.00002274395000| 0.001071|-2.063181703128145299e+120|65.6734"),
    (U, b"%#.14f|% 0f|%#.19g|%-g", &[D(0x3ef7d94857c8eee6), D(0x3f518b4395810625), D(0xd8e9914b407ffda3), D(0x40506b18548a9bd0)], b"0.00002274395000| 0.001071|-2.063181703128145299e+120|65.6734"),
    (M, b"%-0.56a|%0.18g|%- f|%0.47f", &[D(0xc0c066fa7bb2fec5), D(0x41b15fafa185608d), D(0x407bc80f80000000), D(0xadd588f7fd9a3bc7)], b"-0x1.066fa7bb2fec5p+13                                           |291483553.521004498| 444.503784|-0.00000000000000000000000000000000000000000000000"),
    (U, b"%-0.56a|%0.18g|%- f|%0.47f", &[D(0xc0c066fa7bb2fec5), D(0x41b15fafa185608d), D(0x407bc80f80000000), D(0xadd588f7fd9a3bc7)], b"-0x1.066fa7bb2fec5p+13                                           |291483553.521004498| 444.503784|-0.00000000000000000000000000000000000000000000000"),
    (M, b"%-5f|%26.6A|%#3.33a|%e", &[D(0xd47beb125434b921), D(0x3fd5c28f5c28f5c3), D(0xbfe199999999999a), D(0xc177dd5060000000)], b"-954128267300249723207063889811190236086462608254876406419700311896210119887729309952930711049601024.000000|             0X1.5C28F6P-2|-0x1.199999999999a00000000000000000000p-1|-2.502375e+007"),
    (U, b"%-5f|%26.6A|%#3.33a|%e", &[D(0xd47beb125434b921), D(0x3fd5c28f5c28f5c3), D(0xbfe199999999999a), D(0xc177dd5060000000)], b"-954128267300249723207063889811190236086462608254876406419700311896210119887729309952930711049601024.000000|             0X1.5C28F6P-2|-0x1.199999999999a00000000000000000000p-1|-2.502375e+07"),
    (M, b"%.15a|%8.17A|%015.12a|%.8A", &[D(0x00c56d87bf997685), D(0xbe012e0be826d695), D(0xbf68090b417ca212), D(0xe4add89e0a8e436b)], b"0x1.56d87bf99768500p-1011|-0X1.12E0BE826D6950000P-31|-0x1.8090b417ca21p-9|-0X1.DD89E0A9P+587"),
    (U, b"%.15a|%8.17A|%015.12a|%.8A", &[D(0x00c56d87bf997685), D(0xbe012e0be826d695), D(0xbf68090b417ca212), D(0xe4add89e0a8e436b)], b"0x1.56d87bf99768500p-1011|-0X1.12E0BE826D6950000P-31|-0x1.8090b417ca21p-9|-0X1.DD89E0A9P+587"),
    (M, b"%+ 20.12e|%#16.8G|%#0f|%+ f", &[D(0x1a795848bf705bde), D(0x3f50624dd2f1a9fc), D(0x2fdbc502ee4278a4), D(0xb5c66110e9966242)], b"+3.817442606062e-181|    0.0010000000|0.000000|-0.000000"),
    (U, b"%+ 20.12e|%#16.8G|%#0f|%+ f", &[D(0x1a795848bf705bde), D(0x3f50624dd2f1a9fc), D(0x2fdbc502ee4278a4), D(0xb5c66110e9966242)], b"+3.817442606062e-181|    0.0010000000|0.000000|-0.000000"),
    (M, b"%.1g|%- #0e|% #21.29E|% #.3f", &[D(0xed4522a23d0556c4), D(0x40731a1d70a3d70a), D(0x3e7ad7f29abcaf48), D(0x4179fc9a68000000)], b"-2e+218| 3.056322e+002| 9.99999999999999954748111825886E-008| 27249062.500"),
    (U, b"%.1g|%- #0e|% #21.29E|% #.3f", &[D(0xed4522a23d0556c4), D(0x40731a1d70a3d70a), D(0x3e7ad7f29abcaf48), D(0x4179fc9a68000000)], b"-2e+218| 3.056322e+02| 9.99999999999999954748111825886E-08| 27249062.500"),
    (M, b"%-.9E|% #7e|%0.4e|% #.0e", &[D(0x3f15783749426931), D(0x911f0344089fadaa), D(0x5c2a7d87945df3ce), D(0x698b53285d4be561)], b"8.190000000E-005|-3.272831e-226|9.6271e+135| 3.e+200"),
    (U, b"%-.9E|% #7e|%0.4e|% #.0e", &[D(0x3f15783749426931), D(0x911f0344089fadaa), D(0x5c2a7d87945df3ce), D(0x698b53285d4be561)], b"8.190000000E-05|-3.272831e-226|9.6271e+135| 3.e+200"),
    (M, b"%a|%+#.3f|% .1A|% 4.16e", &[D(0x3e71f35712ae9081), D(0xc0f24b5d0ae35eac), D(0x4076c5e200000000), D(0x3e04c9a2e324c115)], b"0x1.1f35712ae9081p-24|-74933.815| 0X1.7P+8| 6.0499999999999998e-010"),
    (U, b"%a|%+#.3f|% .1A|% 4.16e", &[D(0x3e71f35712ae9081), D(0xc0f24b5d0ae35eac), D(0x4076c5e200000000), D(0x3e04c9a2e324c115)], b"0x1.1f35712ae9081p-24|-74933.815| 0X1.7P+8| 6.0499999999999998e-10"),
    (M, b"%014.2g|%9G|%-0.5A|%.3E", &[D(0x40a4712f00000000), D(0x3eada0e988defb11), D(0x49ac507df15f47cc), D(0x606426d574c215c9)], b"0000002.6e+003|8.83E-007|0X1.C507EP+155|2.162E+156"),
    (U, b"%014.2g|%9G|%-0.5A|%.3E", &[D(0x40a4712f00000000), D(0x3eada0e988defb11), D(0x49ac507df15f47cc), D(0x606426d574c215c9)], b"00000002.6e+03| 8.83E-07|0X1.C507EP+155|2.162E+156"),
    (M, b"%-0.11E|%-.54A|%+.21a|%-.59g", &[D(0x4002980ccccccccd), D(0x42688bde83f28000), D(0x4068511e00000000), D(0xa5085e47b311cf82)], b"2.32424316406E+000|0X1.88BDE83F28000P+39                                         |+0x1.8511e0000000000000000p+7|-2.7464822079997876378109604806424774024699678728917883585496e-130"),
    (U, b"%-0.11E|%-.54A|%+.21a|%-.59g", &[D(0x4002980ccccccccd), D(0x42688bde83f28000), D(0x4068511e00000000), D(0xa5085e47b311cf82)], b"2.32424316406E+00|0X1.88BDE83F28000P+39                                         |+0x1.8511e0000000000000000p+7|-2.7464822079997876378109604806424774024699678728917883585496e-130"),
    (M, b"% 28f|%#0E|%+ 028.6f|%.12A", &[D(0x3c58f913d5d38773), D(0x04cdeecb1b120335), D(0x33a9a2899d94bde4), D(0x3fd915dd2f1a9fbf)], b"                    0.000000|1.572611E-285|+00000000000000000000.000000|0X1.915DD2F1A9FCP-2"),
    (U, b"% 28f|%#0E|%+ 028.6f|%.12A", &[D(0x3c58f913d5d38773), D(0x04cdeecb1b120335), D(0x33a9a2899d94bde4), D(0x3fd915dd2f1a9fbf)], b"                    0.000000|1.572611E-285|+00000000000000000000.000000|0X1.915DD2F1A9FCP-2"),
    (M, b"%-.3e|%07g|%.12e|%-28.45g", &[D(0xf52600ac0090d60b), D(0x091e819dbe3802a9), D(0xc030f30ccccccccd), D(0xc05c0774bc6a7efa)], b"-2.065e+256|9.46092e-265|-1.694941406250e+001|-112.116500000000002046363078989088535308837891"),
    (U, b"%-.3e|%07g|%.12e|%-28.45g", &[D(0xf52600ac0090d60b), D(0x091e819dbe3802a9), D(0xc030f30ccccccccd), D(0xc05c0774bc6a7efa)], b"-2.065e+256|9.46092e-265|-1.694941406250e+01|-112.116500000000002046363078989088535308837891"),
    (M, b"%15.1f|%0.2G|%-3.4g|%0.4f", &[D(0x944bc5a4d30c73d4), D(0x4041a2076cdbcb6d), D(0x4170e5f3c0000000), D(0xb07a40a6f9d2ee7c)], b"           -0.0|35|1.772e+007|-0.0000"),
    (U, b"%15.1f|%0.2G|%-3.4g|%0.4f", &[D(0x944bc5a4d30c73d4), D(0x4041a2076cdbcb6d), D(0x4170e5f3c0000000), D(0xb07a40a6f9d2ee7c)], b"           -0.0|35|1.772e+07|-0.0000"),
    (M, b"%9f|%- f|% 0a|%7f", &[D(0xc02a0189374bc6a8), D(0xdecf69dcce9f8972), D(0x3eb094b7577baf26), D(0x41c0b38dbd6d27e5)], b"-13.003000|-50209345376123216495379111343189020685346594683407281972460353569669282786036261712933166573102878276134066593776745858164753088339153126669926006784.000000| 0x1.094b7577baf26p-20|560405370.852780"),
    (U, b"%9f|%- f|% 0a|%7f", &[D(0xc02a0189374bc6a8), D(0xdecf69dcce9f8972), D(0x3eb094b7577baf26), D(0x41c0b38dbd6d27e5)], b"-13.003000|-50209345376123216495379111343189020685346594683407281972460353569669282786036261712933166573102878276134066593776745858164753088339153126669926006784.000000| 0x1.094b7577baf26p-20|560405370.852780"),
    (M, b"%#.7g|%- 0.13f|%#.55f|%3.27e", &[D(0xbfe76f8000000000), D(0x8000000000000000), D(0x977fb17b64a31570), D(0x406b8f68f5c28f5c)], b"-0.7323608|-0.0000000000000|-0.0000000000000000000000000000000000000000000000000000000|2.204815624999999954525264911e+002"),
    (U, b"%#.7g|%- 0.13f|%#.55f|%3.27e", &[D(0xbfe76f8000000000), D(0x8000000000000000), D(0x977fb17b64a31570), D(0x406b8f68f5c28f5c)], b"-0.7323608|-0.0000000000000|-0.0000000000000000000000000000000000000000000000000000000|2.204815624999999954525264911e+02"),
    (M, b"%.17f|%21G|%-.12E|%19.4f", &[D(0x0a75f77472a19784), D(0xc06ff99240000000), D(0x1a781b3f0eee9893), D(0x663926d03e69ba02)], b"0.00000000000000000|             -255.799|3.630910425501E-181|26717956665633081352217965998592761235593981035081752286888644727432661843109637292814694867282500687339916708781212177189543816266946210317485198694890646251927491584347077566420484096.0000"),
    (U, b"%.17f|%21G|%-.12E|%19.4f", &[D(0x0a75f77472a19784), D(0xc06ff99240000000), D(0x1a781b3f0eee9893), D(0x663926d03e69ba02)], b"0.00000000000000000|             -255.799|3.630910425501E-181|26717956665633081352217965998592761235593981035081752286888644727432661843109637292814694867282500687339916708781212177189543816266946210317485198694890646251927491584347077566420484096.0000"),
    (M, b"%#e|% 29.2e|%29.1e|%e", &[D(0xe01d93827f040ef6), D(0x409ced6b80000000), D(0x7ee216adc69f1000), D(0x3fdb313be22e5de1)], b"-9.913804e+154|                    1.85e+003|                     1.6e+303|4.248800e-001"),
    (U, b"%#e|% 29.2e|%29.1e|%e", &[D(0xe01d93827f040ef6), D(0x409ced6b80000000), D(0x7ee216adc69f1000), D(0x3fdb313be22e5de1)], b"-9.913804e+154|                     1.85e+03|                     1.6e+303|4.248800e-01"),
    (M, b"%-0f|%-03.20A|%4f|% 14.3G", &[D(0x7b500740a200fe22), D(0x1c3cc7ce6cda3d45), D(0x410fdc9000000000), D(0x4192951f70000000)], b"9533759071237467022786535579962986669817013871743519678084070226407779812485183042110427738039013914381544870721725971786949433271986764151353165950825044072245838115312624974001878372138255516593468095294927410689601586480851567007770700397224706670752263506370581181594887654020743168.000000|0X1.CC7CE6CDA3D45P-572       |261010.000000|     7.79E+007"),
    (U, b"%-0f|%-03.20A|%4f|% 14.3G", &[D(0x7b500740a200fe22), D(0x1c3cc7ce6cda3d45), D(0x410fdc9000000000), D(0x4192951f70000000)], b"9533759071237467022786535579962986669817013871743519678084070226407779812485183042110427738039013914381544870721725971786949433271986764151353165950825044072245838115312624974001878372138255516593468095294927410689601586480851567007770700397224706670752263506370581181594887654020743168.000000|0X1.CC7CE6CDA3D45P-572       |261010.000000|      7.79E+07"),
    (M, b"%g|% 21.17f|%+0a|%+.5g", &[D(0xc086745666666667), D(0x947b0c7c80bd4840), D(0x40e57b7fe0000000), D(0xb0351d7e4c81d677)], b"-718.542| -0.00000000000000000|+0x1.57b7fe0000000p+15|-1.8235e-076"),
    (U, b"%g|% 21.17f|%+0a|%+.5g", &[D(0xc086745666666667), D(0x947b0c7c80bd4840), D(0x40e57b7fe0000000), D(0xb0351d7e4c81d677)], b"-718.542| -0.00000000000000000|+0x1.57b7fe0000000p+15|-1.8235e-76"),
    (M, b"%-14g|%+.16g|%f|%+ 030.6g", &[D(0x406cef4400000000), D(0x4018280600000000), D(0xd5c119d22522ddd6), D(0x79f7983f6498d570)], b"231.477       |+6.039085388183594|-1225650162035005968654141991462539451989407209726993568490808175835952880521252728393029401631878593642496.000000|+000000000000000003.34604e+279"),
    (U, b"%-14g|%+.16g|%f|%+ 030.6g", &[D(0x406cef4400000000), D(0x4018280600000000), D(0xd5c119d22522ddd6), D(0x79f7983f6498d570)], b"231.477       |+6.039085388183594|-1225650162035005968654141991462539451989407209726993568490808175835952880521252728393029401631878593642496.000000|+000000000000000003.34604e+279"),
    (M, b"%8.15E|%#.43g|% g|%+0.1G", &[D(0x25b53672d4a19455), D(0x3f9ea3b8d86b06b7), D(0x168ca834acc9f543), D(0x1c443b904c0a1cec)], b"4.896407755050052E-127|0.02992142506514624752944619956451788311824203| 4.67977e-200|+2E-172"),
    (U, b"%8.15E|%#.43g|% g|%+0.1G", &[D(0x25b53672d4a19455), D(0x3f9ea3b8d86b06b7), D(0x168ca834acc9f543), D(0x1c443b904c0a1cec)], b"4.896407755050052E-127|0.02992142506514624752944619956451788311824203| 4.67977e-200|+2E-172"),
    (M, b"%-0.6f|%+.18f|%#0.5g|% .19f", &[D(0xe4ffa2bd99f3a7b7), D(0x5b44ff83abac7eca), D(0xc2109e88c1eb3400), D(0x88becfe8b881b87d)], b"-32049036344566208297585139613354192535607765479719418709984598825125005949751129772736559678456666069711782630531797462095082137523873774917092032686335129773971263835999775490048.000000|+465766428002287425460003200765539813374645039681018393502517770719890151652099380811375044207385847761328418677830005351568621174784.000000000000000000|-1.7845e+010|-0.0000000000000000000"),
    (U, b"%-0.6f|%+.18f|%#0.5g|% .19f", &[D(0xe4ffa2bd99f3a7b7), D(0x5b44ff83abac7eca), D(0xc2109e88c1eb3400), D(0x88becfe8b881b87d)], b"-32049036344566208297585139613354192535607765479719418709984598825125005949751129772736559678456666069711782630531797462095082137523873774917092032686335129773971263835999775490048.000000|+465766428002287425460003200765539813374645039681018393502517770719890151652099380811375044207385847761328418677830005351568621174784.000000000000000000|-1.7845e+10|-0.0000000000000000000"),
    (M, b"%- #.5f|%30f|% #A|%2.10G", &[D(0x968efbc025e514c8), D(0xc0aa6ccc50734c9c), D(0xb19e34cd9f28e53f), D(0x49e31bd90aabd91c)], b"-0.00000|                  -3382.399051|-0X1.E34CD9F28E53FP-230|8.727348141E+047"),
    (U, b"%- #.5f|%30f|% #A|%2.10G", &[D(0x968efbc025e514c8), D(0xc0aa6ccc50734c9c), D(0xb19e34cd9f28e53f), D(0x49e31bd90aabd91c)], b"-0.00000|                  -3382.399051|-0X1.E34CD9F28E53FP-230|8.727348141E+47"),
    (M, b"%#11.6f|%0.53E|%-5a|%- 0.13g", &[D(0xc09d2c7000000000), D(0x4933f0c363b32060), D(0xdf4f58805ee7b447), D(0x402757de66666667)], b"-1867.109375|4.44687594980903245280067526923209005271613440000000000E+044|-0x1.f58805ee7b447p+501| 11.67161865234"),
    (U, b"%#11.6f|%0.53E|%-5a|%- 0.13g", &[D(0xc09d2c7000000000), D(0x4933f0c363b32060), D(0xdf4f58805ee7b447), D(0x402757de66666667)], b"-1867.109375|4.44687594980903245280067526923209005271613440000000000E+44|-0x1.f58805ee7b447p+501| 11.67161865234"),
    (M, b"%.12g|%.19G|%.16E|%#.5e", &[D(0x9b181abbae0ed084), D(0xdceddd283be514b0), D(0x40b19e5a00000000), D(0x40536b11c0000000)], b"-3.71774308484e-178|-4.445437024052074705E+139|4.5103515625000000E+003|7.76730e+001"),
    (U, b"%.12g|%.19G|%.16E|%#.5e", &[D(0x9b181abbae0ed084), D(0xdceddd283be514b0), D(0x40b19e5a00000000), D(0x40536b11c0000000)], b"-3.71774308484e-178|-4.445437024052074705E+139|4.5103515625000000E+03|7.76730e+01"),
    (M, b"% g|%+.7f|%+ 3e|%0.4a", &[D(0x40c58dac98f3de37), D(0xbfb968e560418937), D(0x41169a7340000000), D(0x351698601cbf04a4)], b" 11035.3|-0.0992568|+3.703328e+005|0x1.6986p-174"),
    (U, b"% g|%+.7f|%+ 3e|%0.4a", &[D(0x40c58dac98f3de37), D(0xbfb968e560418937), D(0x41169a7340000000), D(0x351698601cbf04a4)], b" 11035.3|-0.0992568|+3.703328e+05|0x1.6986p-174"),
    (M, b"%.13g|%-#f|%+.13e|%g", &[D(0x3eb0c6f7a0b5ed8d), D(0x9994ac92cb9ac283), D(0xc09af80000000000), D(0x94f3c42491c4f795)], b"1e-006|-0.000000|-1.7260000000000e+003|-9.61979e-208"),
    (U, b"%.13g|%-#f|%+.13e|%g", &[D(0x3eb0c6f7a0b5ed8d), D(0x9994ac92cb9ac283), D(0xc09af80000000000), D(0x94f3c42491c4f795)], b"1e-06|-0.000000|-1.7260000000000e+03|-9.61979e-208"),
    (M, b"%#.10f|%-#0.0A|%G|% f", &[D(0x6b8196f72aad55ea), D(0x9dd5a65fb7529351), D(0x121b2252b75370ab), D(0x3fb643aa79bbadc1)], b"722845778302733418165493801087909241291286041200862758554881480895985807244634587986146712067018989191810393072468853956907683750896202234627909745150407620907238984031748470004545819619244094751316943680045056.0000000000|-0X1.P-546|1.87663E-221| 0.086970"),
    (U, b"%#.10f|%-#0.0A|%G|% f", &[D(0x6b8196f72aad55ea), D(0x9dd5a65fb7529351), D(0x121b2252b75370ab), D(0x3fb643aa79bbadc1)], b"722845778302733418165493801087909241291286041200862758554881480895985807244634587986146712067018989191810393072468853956907683750896202234627909745150407620907238984031748470004545819619244094751316943680045056.0000000000|-0X1.P-546|1.87663E-221| 0.086970"),
    (M, b"%E|% .20f|%+e|%0.18g", &[D(0x4097d81a00000000), D(0xafd6af34d45bafb1), D(0x54bf62c1b37ed67d), D(0xbfb98e8000000000)], b"1.526025E+003|-0.00000000000000000000|+1.716214e+100|-0.09983062744140625"),
    (U, b"%E|% .20f|%+e|%0.18g", &[D(0x4097d81a00000000), D(0xafd6af34d45bafb1), D(0x54bf62c1b37ed67d), D(0xbfb98e8000000000)], b"1.526025E+03|-0.00000000000000000000|+1.716214e+100|-0.09983062744140625"),
    (M, b"%-.9f|%#e|% .0g|% #18.14f", &[D(0xbf847ae147ae147b), D(0x3e0eec7bd512b572), D(0x404bd5374bc6a7f0), D(0xcc7e4c5e69baad9b)], b"-0.010000000|9.000000e-010| 6e+001|-3042969753737445742095311496883875691886597301387513921798144.00000000000000"),
    (U, b"%-.9f|%#e|% .0g|% #18.14f", &[D(0xbf847ae147ae147b), D(0x3e0eec7bd512b572), D(0x404bd5374bc6a7f0), D(0xcc7e4c5e69baad9b)], b"-0.010000000|9.000000e-10| 6e+01|-3042969753737445742095311496883875691886597301387513921798144.00000000000000"),
    (M, b"%-#019g|%30.19g|%#.6f|%#f", &[D(0xb1e37fc22dbbbd1c), D(0xc192aaa020000000), D(0xbff84ca000000000), D(0x0000000000000000)], b"-2.26019e-068      |                     -78293000|-1.518707|0.000000"),
    (U, b"%-#019g|%30.19g|%#.6f|%#f", &[D(0xb1e37fc22dbbbd1c), D(0xc192aaa020000000), D(0xbff84ca000000000), D(0x0000000000000000)], b"-2.26019e-68       |                     -78293000|-1.518707|0.000000"),
    (M, b"% .3g|%8.0g|% 3.0G|%G", &[D(0xbf71800000000000), D(0x4286b3b59a37c800), D(0xc149a2e400000000), D(0x3ff0000000000000)], b"-0.00427|  3e+012|-3E+006|1"),
    (U, b"% .3g|%8.0g|% 3.0G|%G", &[D(0xbf71800000000000), D(0x4286b3b59a37c800), D(0xc149a2e400000000), D(0x3ff0000000000000)], b"-0.00427|   3e+12|-3E+06|1"),
    (M, b"%6.12G|%+0.12e|%+ 013e|%.13f", &[D(0x7dcd127db03997e6), D(0x41000d0240000000), D(0xc059566080000000), D(0xcd4c93c189569e66)], b"9.50657502831E+297|+1.314882812500e+005|-1.013496e+002|-23511933283832192993106342522680483442891020569591675643402125312.0000000000000"),
    (U, b"%6.12G|%+0.12e|%+ 013e|%.13f", &[D(0x7dcd127db03997e6), D(0x41000d0240000000), D(0xc059566080000000), D(0xcd4c93c189569e66)], b"9.50657502831E+297|+1.314882812500e+05|-1.013496e+02|-23511933283832192993106342522680483442891020569591675643402125312.0000000000000"),
    (M, b"%27.3a|%.13a|%f|%+ e", &[D(0xddc43bb69176a8a4), D(0x192d8ecbe8601fb9), D(0x3f99dfc083126e98), D(0xf25f0f8d1ed850af)], b"              -0x1.43cp+477|0x1.d8ecbe8601fb9p-621|0.025268|-8.284540e+242"),
    (U, b"%27.3a|%.13a|%f|%+ e", &[D(0xddc43bb69176a8a4), D(0x192d8ecbe8601fb9), D(0x3f99dfc083126e98), D(0xf25f0f8d1ed850af)], b"              -0x1.43cp+477|0x1.d8ecbe8601fb9p-621|0.025268|-8.284540e+242"),
    (M, b"% #11.18f|%- .8E|%f|%0.47g", &[D(0x40a1998000000000), D(0x0062292af1b63749), D(0xaf7c85e79e02706a), D(0x3fc8429ba5e353f8)], b" 2252.750000000000000000| 8.08182940E-307|-0.000000|0.18953271484375000532907051820075139403343200684"),
    (U, b"% #11.18f|%- .8E|%f|%0.47g", &[D(0x40a1998000000000), D(0x0062292af1b63749), D(0xaf7c85e79e02706a), D(0x3fc8429ba5e353f8)], b" 2252.750000000000000000| 8.08182940E-307|-0.000000|0.18953271484375000532907051820075139403343200684"),
    (M, b"%-f|%- f|%-#.8A|%+.10e", &[D(0x4523b73dde6e6fb3), D(0x05a0b56485c203bc), D(0x186cf7a0ba4144e9), D(0x701f2671e32cca45)], b"11917462459151267062087680.000000| 0.000000|0X1.CF7A0BA4P-633|+1.2090302677e+232"),
    (U, b"%-f|%- f|%-#.8A|%+.10e", &[D(0x4523b73dde6e6fb3), D(0x05a0b56485c203bc), D(0x186cf7a0ba4144e9), D(0x701f2671e32cca45)], b"11917462459151267062087680.000000| 0.000000|0X1.CF7A0BA4P-633|+1.2090302677e+232"),
    (M, b"%#.5f|%+022.16e|%.18a|%#021.17g", &[D(0x515e5ec13a6b932a), D(0x2951b9e66989a4d9), D(0xb926b8d26e7edf1c), D(0x5f7603d6870043ba)], b"921861223762182988968959542844301092758754412941909307449832806471326529807276048384.00000|+1.1793332618305436e-109|-0x1.6b8d26e7edf1c00000p-109|7.2063668626892710e+151"),
    (U, b"%#.5f|%+022.16e|%.18a|%#021.17g", &[D(0x515e5ec13a6b932a), D(0x2951b9e66989a4d9), D(0xb926b8d26e7edf1c), D(0x5f7603d6870043ba)], b"921861223762182988968959542844301092758754412941909307449832806471326529807276048384.00000|+1.1793332618305436e-109|-0x1.6b8d26e7edf1c00000p-109|7.2063668626892710e+151"),
    (M, b"%+.34g|%-+.15e|%-.17G|%-22.4e", &[D(0xc0b001e147ae147b), D(0x40c8b5f280000000), D(0xc079100000000000), D(0x3ef4f8b588e368f1)], b"-4097.880000000000109139364212751389|+1.265189453125000e+004|-401|2.0000e-005           "),
    (U, b"%+.34g|%-+.15e|%-.17G|%-22.4e", &[D(0xc0b001e147ae147b), D(0x40c8b5f280000000), D(0xc079100000000000), D(0x3ef4f8b588e368f1)], b"-4097.880000000000109139364212751389|+1.265189453125000e+04|-401|2.0000e-05            "),
    (M, b"% .11f|% 14.0A|%-#19g|%.4f", &[D(0x4193909a8b1dac5e), D(0xfd10aaa64cb18afa), D(0x730d6ed34964369f), D(0x3e612e0be826d695)], b" 82060962.77897784114|     -0X1P+978|1.60775e+246       |0.0000"),
    (U, b"% .11f|% 14.0A|%-#19g|%.4f", &[D(0x4193909a8b1dac5e), D(0xfd10aaa64cb18afa), D(0x730d6ed34964369f), D(0x3e612e0be826d695)], b" 82060962.77897784114|     -0X1P+978|1.60775e+246       |0.0000"),
    (M, b"%.7f|%-.42A|%026G|%- .8a", &[D(0x3547b44d2c6eed5d), D(0x52f079eaef3d7b45), D(0xc513d5655b78a6a0), D(0x4160c20640000000)], b"0.0000000|0X1.079EAEF3D7B45P+304                             |-00000000000005.99433E+024| 0x1.0c206400p+23"),
    (U, b"%.7f|%-.42A|%026G|%- .8a", &[D(0x3547b44d2c6eed5d), D(0x52f079eaef3d7b45), D(0xc513d5655b78a6a0), D(0x4160c20640000000)], b"0.0000000|0X1.079EAEF3D7B45P+304                             |-000000000000005.99433E+24| 0x1.0c206400p+23"),
    (M, b"% 29.14E|%#29.17a|%-6.4A|%.6A", &[D(0x407971bba0000000), D(0x88ff62935d84f0c5), D(0x6165e27ca7592d54), D(0x40e8eccd0e51d25b)], b"        4.07108306884766E+002|  -0x1.f62935d84f0c50000p-880|0X1.5E28P+535|0X1.8ECCD1P+15"),
    (U, b"% 29.14E|%#29.17a|%-6.4A|%.6A", &[D(0x407971bba0000000), D(0x88ff62935d84f0c5), D(0x6165e27ca7592d54), D(0x40e8eccd0e51d25b)], b"         4.07108306884766E+02|  -0x1.f62935d84f0c50000p-880|0X1.5E28P+535|0X1.8ECCD1P+15"),
    (M, b"%-+14.16e|%.18f|%- 1.16e|%#.3E", &[D(0x3b3e79b4624a7ff5), D(0xc1940fe128000000), D(0xbfede6ed82d86a98), D(0x2592a83b577da1a7)], b"+2.5208667228521074e-023|-84146250.000000000000000000|-9.3443942599999996e-001|1.077E-127"),
    (U, b"%-+14.16e|%.18f|%- 1.16e|%#.3E", &[D(0x3b3e79b4624a7ff5), D(0xc1940fe128000000), D(0xbfede6ed82d86a98), D(0x2592a83b577da1a7)], b"+2.5208667228521074e-23|-84146250.000000000000000000|-9.3443942599999996e-01|1.077E-127"),
    (M, b"% 010.45e|%-.40f|% E|%-11.20f", &[D(0xbe62756048317258), D(0xbea77cf44765195f), D(0x267b1149b6e26364), D(0xf10b885aa0996409)], b"-3.438163622617185190687041744517227215283128317e-008|-0.0000006999999999999999683236782781203811| 2.559119E-123|-350166308038366726038926626435595670501120766773135893885386015245316265411893348436832062684005209310777129482685999372113987936526611331440170179044584160951330567259804122292884259536626836810209443708659811387926628058318672211476480.00000000000000000000"),
    (U, b"% 010.45e|%-.40f|% E|%-11.20f", &[D(0xbe62756048317258), D(0xbea77cf44765195f), D(0x267b1149b6e26364), D(0xf10b885aa0996409)], b"-3.438163622617185190687041744517227215283128317e-08|-0.0000006999999999999999683236782781203811| 2.559119E-123|-350166308038366726038926626435595670501120766773135893885386015245316265411893348436832062684005209310777129482685999372113987936526611331440170179044584160951330567259804122292884259536626836810209443708659811387926628058318672211476480.00000000000000000000"),
    (M, b"%#.7a|%#2.12G|%16e|%+.1e", &[D(0x41171c4b4a4cc36d), D(0x20a2f3553ad9e096), D(0x404506fd00000000), D(0xd8ac7ed64315e345)], b"0x1.71c4b4ap+18|1.80914469934E-151|   4.205460e+001|-1.4e+119"),
    (U, b"%#.7a|%#2.12G|%16e|%+.1e", &[D(0x41171c4b4a4cc36d), D(0x20a2f3553ad9e096), D(0x404506fd00000000), D(0xd8ac7ed64315e345)], b"0x1.71c4b4ap+18|1.80914469934E-151|    4.205460e+01|-1.4e+119"),
    (M, b"%0.20f|% .0A|%#.10f|%+28g", &[D(0x41455e7800000000), D(0x66b99e7fd066e42e), D(0x3fa8104f38884823), D(0xe825ee806ee2795d)], b"2800880.00000000000000000000| 0X2P+620|0.0469994313|               -5.00309e+193"),
    (U, b"%0.20f|% .0A|%#.10f|%+28g", &[D(0x41455e7800000000), D(0x66b99e7fd066e42e), D(0x3fa8104f38884823), D(0xe825ee806ee2795d)], b"2800880.00000000000000000000| 0X2P+620|0.0469994313|               -5.00309e+193"),
    (M, b"% g|%.8f|%0.3e|%-.59a", &[D(0xc1a9d8f6a0333333), D(0xc06e9dfd00000000), D(0x16aba4b0a1b5a2ca), D(0x70576411390707d1)], b"-2.16825e+008|-244.93713379|1.806e-199|0x1.76411390707d1p+774                                              "),
    (U, b"% g|%.8f|%0.3e|%-.59a", &[D(0xc1a9d8f6a0333333), D(0xc06e9dfd00000000), D(0x16aba4b0a1b5a2ca), D(0x70576411390707d1)], b"-2.16825e+08|-244.93713379|1.806e-199|0x1.76411390707d1p+774                                              "),
    (M, b"% g|%+ 1.7a|% .19A|% G", &[D(0x3f78e1a8f5c28f5c), D(0x40c497f900000000), D(0xc26bd9e1fa7f7c35), D(0xee4ef16f8b6c7e00)], b" 0.00607458|+0x1.497f900p+13|-0X1.BD9E1FA7F7C35000000P+39|-2.23702E+223"),
    (U, b"% g|%+ 1.7a|% .19A|% G", &[D(0x3f78e1a8f5c28f5c), D(0x40c497f900000000), D(0xc26bd9e1fa7f7c35), D(0xee4ef16f8b6c7e00)], b" 0.00607458|+0x1.497f900p+13|-0X1.BD9E1FA7F7C35000000P+39|-2.23702E+223"),
    (M, b"%+.0G|%.13E|%.12E|%+.6g", &[D(0x8d9b623416475675), D(0xb5b618845f5bf215), D(0xc1cc23c9ec000000), D(0x414b51cc1c000000)], b"-4E-243|-5.9056793881377E-050|-9.442150000000E+008|+3.58082e+006"),
    (U, b"%+.0G|%.13E|%.12E|%+.6g", &[D(0x8d9b623416475675), D(0xb5b618845f5bf215), D(0xc1cc23c9ec000000), D(0x414b51cc1c000000)], b"-4E-243|-5.9056793881377E-50|-9.442150000000E+08|+3.58082e+06"),
    (M, b"% 29.20g|%.14g|%-.20g|%+.7f", &[D(0x58bb38a69d7b165c), D(0x350026bb42481e2e), D(0xd8d9279f2b3a0286), D(0xfe25f233092b2113)], b"   2.7457882359656905501e+119|2.1078423282232e-053|-1.014936064909461858e+120|-459285657476930974040996264155073855801102264396606302903539772521409798698046994218299145793575263748570039512826543130010739058630082845463701978119356276950693452852452487047814498404100987502355039763802498643993062587510708014810405873695529497298353224397149516129703215244659686675911052099584.0000000"),
    (U, b"% 29.20g|%.14g|%-.20g|%+.7f", &[D(0x58bb38a69d7b165c), D(0x350026bb42481e2e), D(0xd8d9279f2b3a0286), D(0xfe25f233092b2113)], b"   2.7457882359656905501e+119|2.1078423282232e-53|-1.014936064909461858e+120|-459285657476930974040996264155073855801102264396606302903539772521409798698046994218299145793575263748570039512826543130010739058630082845463701978119356276950693452852452487047814498404100987502355039763802498643993062587510708014810405873695529497298353224397149516129703215244659686675911052099584.0000000"),
    (M, b"%0.13g|%.60g|%+.8g|%- #.0e", &[D(0xf0f8a919b578505e), D(0xc1280fd333333333), D(0xc1052c5578000000), D(0x400c832000000000)], b"-1.568192420597e+236|-788457.599999999976716935634613037109375|-173450.68| 4.e+000"),
    (U, b"%0.13g|%.60g|%+.8g|%- #.0e", &[D(0xf0f8a919b578505e), D(0xc1280fd333333333), D(0xc1052c5578000000), D(0x400c832000000000)], b"-1.568192420597e+236|-788457.599999999976716935634613037109375|-173450.68| 4.e+00"),
    (M, b"%.14f|%012.1e|%-.12f|%+.19g", &[D(0x6c6bbe5b09b0c3fb), D(0xb0ed9b86b9896389), D(0x4cf2785ea10a974e), D(0xc073300000000000)], b"18679677882260541300623799135777748149593112951724400994560410109436081596983270392530161374484526456645532243039169371709349750650572037564305453452183935594202940897280691489347756976137995839587101408600136876032.00000000000000|-0005.2e-073|474887316846410322421590762375275541552745132758366733249544192.000000000000|-307"),
    (U, b"%.14f|%012.1e|%-.12f|%+.19g", &[D(0x6c6bbe5b09b0c3fb), D(0xb0ed9b86b9896389), D(0x4cf2785ea10a974e), D(0xc073300000000000)], b"18679677882260541300623799135777748149593112951724400994560410109436081596983270392530161374484526456645532243039169371709349750650572037564305453452183935594202940897280691489347756976137995839587101408600136876032.00000000000000|-00005.2e-73|474887316846410322421590762375275541552745132758366733249544192.000000000000|-307"),
    (M, b"%#011G|%+#24.48e|%#20.18A|%-f", &[D(0x4628ac1e541b5678), D(0xacda07623c8ce177), D(0x4080653c28f5c28f), D(0x5fdb376d55ddf9fc)], b"9.77372E+029|-1.247832243242363296160661437397537541766504241614e-092|0X1.0653C28F5C28F00000P+9|5701777600611223367635662564911724276273221229184123785681657534612372062922241529746980563101861466786834250031381349141484045018992132662051693440008192.000000"),
    (U, b"%#011G|%+#24.48e|%#20.18A|%-f", &[D(0x4628ac1e541b5678), D(0xacda07623c8ce177), D(0x4080653c28f5c28f), D(0x5fdb376d55ddf9fc)], b"9.77372E+29|-1.247832243242363296160661437397537541766504241614e-92|0X1.0653C28F5C28F00000P+9|5701777600611223367635662564911724276273221229184123785681657534612372062922241529746980563101861466786834250031381349141484045018992132662051693440008192.000000"),
    (M, b"% 16.39A|% .4f|%-.19f|%-8f", &[D(0x40c78efc00000000), D(0xc0f7fb7900000000), D(0x3e65cec531ba42a0), D(0xc1b89aaf0d7837b5)], b" 0X1.78EFC0000000000000000000000000000000000P+13|-98231.5625|0.0000000406200000000|-412790541.469600"),
    (U, b"% 16.39A|% .4f|%-.19f|%-8f", &[D(0x40c78efc00000000), D(0xc0f7fb7900000000), D(0x3e65cec531ba42a0), D(0xc1b89aaf0d7837b5)], b" 0X1.78EFC0000000000000000000000000000000000P+13|-98231.5625|0.0000000406200000000|-412790541.469600"),
    (M, b"%-#.2g|%.14g|%03f|% .8e", &[D(0xefaa6ba70ddf62f8), D(0xc0365f699999999a), D(0xcb2566b96de302e8), D(0x40f3aac19999999a)], b"-8.0e+229|-22.372705078125|-1024917066642943115290640772969414188323236958116511744.000000| 8.05561000e+004"),
    (U, b"%-#.2g|%.14g|%03f|% .8e", &[D(0xefaa6ba70ddf62f8), D(0xc0365f699999999a), D(0xcb2566b96de302e8), D(0x40f3aac19999999a)], b"-8.0e+229|-22.372705078125|-1024917066642943115290640772969414188323236958116511744.000000| 8.05561000e+04"),
    (M, b"%30f|%6g|%-#14.16A|%0.11A", &[D(0x792d061cfca71d20), D(0xbf09468e3aba54fe), D(0xbfcc7489374bc6a8), D(0xd94cc05f78436fac)], b"502436887708226831229018908784426211248362950573042865433136026191701209910551063499528174041130982182180590130354604598528434162182439771073836977904920358015963705583352229812067162141322949714260372442042754560133045944849302889252933040325192740701754360424250342945849344.000000|-4.82094e-005|-0X1.C7489374BC6A8P-3   |-0X1.CC05F784370P+405"),
    (U, b"%30f|%6g|%-#14.16A|%0.11A", &[D(0x792d061cfca71d20), D(0xbf09468e3aba54fe), D(0xbfcc7489374bc6a8), D(0xd94cc05f78436fac)], b"502436887708226831229018908784426211248362950573042865433136026191701209910551063499528174041130982182180590130354604598528434162182439771073836977904920358015963705583352229812067162141322949714260372442042754560133045944849302889252933040325192740701754360424250342945849344.000000|-4.82094e-05|-0X1.C7489374BC6A8P-3   |-0X1.CC05F784370P+405"),
    (M, b"%#8.3e|%- #17.15A|%+#21f|% E", &[D(0xeedb0978bab682ef), D(0x416dade680000000), D(0xbf7b363d70a3d70a), D(0x6e533748fd38856d)], b"-1.001e+226| 0X1.DADE680000000P+23  |            -0.006644| 2.778426E+223"),
    (U, b"%#8.3e|%- #17.15A|%+#21f|% E", &[D(0xeedb0978bab682ef), D(0x416dade680000000), D(0xbf7b363d70a3d70a), D(0x6e533748fd38856d)], b"-1.001e+226| 0X1.DADE680000000P+23  |            -0.006644| 2.778426E+223"),
    (M, b"%+0.15f|%#0.13f|%030.20e|%0g", &[D(0xc0c1a6ad40000000), D(0x8bf415564f3eb994), D(0x51c9884797e58c7d), D(0x3fa98f9eaa35da3e)], b"-9037.353515625000000|-0.0000000000000|0009.92017747601709225375e+085|0.0499239"),
    (U, b"%+0.15f|%#0.13f|%030.20e|%0g", &[D(0xc0c1a6ad40000000), D(0x8bf415564f3eb994), D(0x51c9884797e58c7d), D(0x3fa98f9eaa35da3e)], b"-9037.353515625000000|-0.0000000000000|00009.92017747601709225375e+85|0.0499239"),
    (M, b"% #0.12e|%+#.11f|%-#29.47G|% #.7f", &[D(0x400ea497a1b9fcfb), D(0x3455ada2b763583c), D(0x3fb4bfcb33333334), D(0x401cf2a000000000)], b" 3.830367339600e+000|+0.00000000000|0.081051540374755870477230246251565404236316680908| 7.2369385"),
    (U, b"% #0.12e|%+#.11f|%-#29.47G|% #.7f", &[D(0x400ea497a1b9fcfb), D(0x3455ada2b763583c), D(0x3fb4bfcb33333334), D(0x401cf2a000000000)], b" 3.830367339600e+00|+0.00000000000|0.081051540374755870477230246251565404236316680908| 7.2369385"),
    (M, b"%.11f|%- 0.2f|%20.13A|% .12f", &[D(0xc086884800000000), D(0x41b2dad7bf87ef9e), D(0x4334d319e32c270d), D(0x411c941800000000)], b"-721.03515625000| 316331967.53|0X1.4D319E32C270DP+52| 468230.000000000000"),
    (U, b"%.11f|%- 0.2f|%20.13A|% .12f", &[D(0xc086884800000000), D(0x41b2dad7bf87ef9e), D(0x4334d319e32c270d), D(0x411c941800000000)], b"-721.03515625000| 316331967.53|0X1.4D319E32C270DP+52| 468230.000000000000"),
    (M, b"%- .1g|%+ 0g|%f|%24e", &[D(0x4036e10800000000), D(0x40dced7ea4000000), D(0x08de6d8d059d362e), D(0x48cad74e4ffd79c1)], b" 2e+001|+29622|0.000000|           4.676368e+042"),
    (U, b"%- .1g|%+ 0g|%f|%24e", &[D(0x4036e10800000000), D(0x40dced7ea4000000), D(0x08de6d8d059d362e), D(0x48cad74e4ffd79c1)], b" 2e+01|+29622|0.000000|            4.676368e+42"),
    (M, b"%+g|%#27.19e|%- .55f|%#0.19f", &[D(0xc1b00116ccd0bc04), D(0x41f1c36330a0147b), D(0x4182c25e40000000), D(0x407f49e200000000)], b"-2.68507e+008| 4.7682813540050001144e+009| 39341000.0000000000000000000000000000000000000000000000000000000|500.6176757812500000000"),
    (U, b"%+g|%#27.19e|%- .55f|%#0.19f", &[D(0xc1b00116ccd0bc04), D(0x41f1c36330a0147b), D(0x4182c25e40000000), D(0x407f49e200000000)], b"-2.68507e+08|  4.7682813540050001144e+09| 39341000.0000000000000000000000000000000000000000000000000000000|500.6176757812500000000"),
    (M, b"%.8g|%+.46e|% 4e|%#23g", &[D(0x3cb9078dd52575c0), D(0xe14b1fefe21444ad), D(0x424056eeb8de7333), D(0x0cc5916184c07b52)], b"3.473542e-016|-4.7668722767931455559697503161231956923010678451e+160| 1.403559e+011|           3.85586e-247"),
    (U, b"%.8g|%+.46e|% 4e|%#23g", &[D(0x3cb9078dd52575c0), D(0xe14b1fefe21444ad), D(0x424056eeb8de7333), D(0x0cc5916184c07b52)], b"3.473542e-16|-4.7668722767931455559697503161231956923010678451e+160| 1.403559e+11|           3.85586e-247"),
    (M, b"%-13.13a|%+#.20f|%+.17e|% .13G", &[D(0x3f50624dd2f1a9fc), D(0x22c06592c8fceb1d), D(0x40b5170000000000), D(0x810247dbb4caa80b)], b"0x1.0624dd2f1a9fcp-10|+0.00000000000000000000|+5.39900000000000000e+003|-8.330424162666E-304"),
    (U, b"%-13.13a|%+#.20f|%+.17e|% .13G", &[D(0x3f50624dd2f1a9fc), D(0x22c06592c8fceb1d), D(0x40b5170000000000), D(0x810247dbb4caa80b)], b"0x1.0624dd2f1a9fcp-10|+0.00000000000000000000|+5.39900000000000000e+03|-8.330424162666E-304"),
    (M, b"%#20.12G|%.7f|%g|% #.4e", &[D(0x41b31ce08dd9999a), D(0x41f651bcacb686e0), D(0x55b30b44f01be262), D(0x682f2439c9072554)], b"       320659597.850|5991287499.4079285|6.8246e+104| 7.1041e+193"),
    (U, b"%#20.12G|%.7f|%g|% #.4e", &[D(0x41b31ce08dd9999a), D(0x41f651bcacb686e0), D(0x55b30b44f01be262), D(0x682f2439c9072554)], b"       320659597.850|5991287499.4079285|6.8246e+104| 7.1041e+193"),
    (M, b"%.31g|%-.55a|%19.4G|%#.11e", &[D(0x0000000007041f78), D(0x40fd061400000000), D(0x84916b824adfe021), D(0x3fedec2ce4649907)], b"5.81568189467129696825633663255e-316|0x1.d061400000000p+16                                          |        -1.144E-286|9.35080000000e-001"),
    (U, b"%.31g|%-.55a|%19.4G|%#.11e", &[D(0x0000000007041f78), D(0x40fd061400000000), D(0x84916b824adfe021), D(0x3fedec2ce4649907)], b"5.81568189467129696825633663255e-316|0x1.d061400000000p+16                                          |        -1.144E-286|9.35080000000e-01"),
    (M, b"%0.10f|%#.1e|%-0.15a|% #.22f", &[D(0x4b0b0deff45b297b), D(0x5cb9aa52c59da42e), D(0x4229f922a852d1ec), D(0x07cf055066aefeb4)], b"323912599572284516465800902053102481170288366663499776.0000000000|4.8e+138|0x1.9f922a852d1ecp+35  | 0.0000000000000000000000"),
    (U, b"%0.10f|%#.1e|%-0.15a|% #.22f", &[D(0x4b0b0deff45b297b), D(0x5cb9aa52c59da42e), D(0x4229f922a852d1ec), D(0x07cf055066aefeb4)], b"323912599572284516465800902053102481170288366663499776.0000000000|4.8e+138|0x1.9f922a852d1ecp+35  | 0.0000000000000000000000"),
    (M, b"%+#.0e|%#.17g|%+#.4g|%19.1f", &[D(0x8c169923c2158b41), D(0xaa4562e735142b0e), D(0x4066514800000000), D(0x4090a0edc0000000)], b"-2.e-250|-4.6623835512504103e-105|+178.5|             1064.2"),
    (U, b"%+#.0e|%#.17g|%+#.4g|%19.1f", &[D(0x8c169923c2158b41), D(0xaa4562e735142b0e), D(0x4066514800000000), D(0x4090a0edc0000000)], b"-2.e-250|-4.6623835512504103e-105|+178.5|             1064.2"),
    (M, b"%.9e|% .13f|%021.14g|%+#2e", &[D(0x3ee4f8b588e368f1), D(0x408152ddcc63f141), D(0xc07e3a6666666667), D(0x403150a8f5c28f5c)], b"1.000000000e-005| 554.3583000000000|-00000000000000483.65|+1.731508e+001"),
    (U, b"%.9e|% .13f|%021.14g|%+#2e", &[D(0x3ee4f8b588e368f1), D(0x408152ddcc63f141), D(0xc07e3a6666666667), D(0x403150a8f5c28f5c)], b"1.000000000e-05| 554.3583000000000|-00000000000000483.65|+1.731508e+01"),
    (M, b"%f|%14.12f|%#0.14g|%0.19e", &[D(0xa484a2ffdf3244aa), D(0x3f4a315cb438a353), D(0x367cfd21e8c28909), D(0xdac4905cfddcefaa)], b"-0.000000|0.000799341455|3.1735905507765e-046|-1.7817798386663009214e+129"),
    (U, b"%f|%14.12f|%#0.14g|%0.19e", &[D(0xa484a2ffdf3244aa), D(0x3f4a315cb438a353), D(0x367cfd21e8c28909), D(0xdac4905cfddcefaa)], b"-0.000000|0.000799341455|3.1735905507765e-46|-1.7817798386663009214e+129"),
    (M, b"%-#9.25g|% #E|%-27.12e|%0.11e", &[D(0x19caea10847cad08), D(0x4150a7cb40000000), D(0x4021d20300000000), D(0x8a0425dc41a76028)], b"1.979411049178094947767141e-184| 4.366125E+006|8.910179138184e+000        |-2.04749747866e-260"),
    (U, b"%-#9.25g|% #E|%-27.12e|%0.11e", &[D(0x19caea10847cad08), D(0x4150a7cb40000000), D(0x4021d20300000000), D(0x8a0425dc41a76028)], b"1.979411049178094947767141e-184| 4.366125E+06|8.910179138184e+00         |-2.04749747866e-260"),
    (M, b"% 0g|%+#.12a|%+#0.12g|%.4f", &[D(0x6fcbce72e9034d4f), D(0xfbb3c3d42112a7f4), D(0x407ae0e3d70a3d71), D(0xbf3a36e2eb1c432d)], b" 3.37266e+230|-0x1.3c3d42112a7fp+956|+430.055625000|-0.0004"),
    (U, b"% 0g|%+#.12a|%+#0.12g|%.4f", &[D(0x6fcbce72e9034d4f), D(0xfbb3c3d42112a7f4), D(0x407ae0e3d70a3d71), D(0xbf3a36e2eb1c432d)], b" 3.37266e+230|-0x1.3c3d42112a7fp+956|+430.055625000|-0.0004"),
    (M, b"% .28E|%#E|%+0.4E|%+f", &[D(0x165c6be6510313a3), D(0x3ffdbc51eb851eb8), D(0xbcf74630052cd32e), D(0x98a4201d65964866)], b" 5.8016248393479899032564168664E-201|1.858477E+000|-5.1679E-015|-0.000000"),
    (U, b"% .28E|%#E|%+0.4E|%+f", &[D(0x165c6be6510313a3), D(0x3ffdbc51eb851eb8), D(0xbcf74630052cd32e), D(0x98a4201d65964866)], b" 5.8016248393479899032564168664E-201|1.858477E+00|-5.1679E-15|-0.000000"),
    (M, b"%+.10e|%.28f|%-1.20e|%22f", &[D(0x42e3cb888df67020), D(0xb93414a9cd0ed783), D(0x425325e61d3ad6e9), D(0x4719cc11c1b103be)], b"+1.7411912235e+014|-0.0000000000000000000000000000|3.28960865515357971191e+011|33486609961470702886424244824047616.000000"),
    (U, b"%+.10e|%.28f|%-1.20e|%22f", &[D(0x42e3cb888df67020), D(0xb93414a9cd0ed783), D(0x425325e61d3ad6e9), D(0x4719cc11c1b103be)], b"+1.7411912235e+14|-0.0000000000000000000000000000|3.28960865515357971191e+11|33486609961470702886424244824047616.000000"),
    (M, b"%+09.1e|%.1g|%-g|%#25.7e", &[D(0xd2cf5da87a42ff2d), D(0x4031706b851eb852), D(0xc05232d0e5604189), D(0x0d70e06a1651a562)], b"-8.0e+090|2e+001|-72.794|           6.1791532e-244"),
    (U, b"%+09.1e|%.1g|%-g|%#25.7e", &[D(0xd2cf5da87a42ff2d), D(0x4031706b851eb852), D(0xc05232d0e5604189), D(0x0d70e06a1651a562)], b"-08.0e+90|2e+01|-72.794|           6.1791532e-244"),
    (M, b"% #13.2G|%+.5A|% f|%-#a", &[D(0x4152578c40fc5048), D(0xc242a3b3783be666), D(0x32b00f65027b1640), D(0x149c72d3e9a7653b)], b"     4.8E+006|-0X1.2A3B3P+37| 0.000000|0x1.c72d3e9a7653bp-694"),
    (U, b"% #13.2G|%+.5A|% f|%-#a", &[D(0x4152578c40fc5048), D(0xc242a3b3783be666), D(0x32b00f65027b1640), D(0x149c72d3e9a7653b)], b"      4.8E+06|-0X1.2A3B3P+37| 0.000000|0x1.c72d3e9a7653bp-694"),
    (M, b"%0.14hd|%-hx|%-+ Ii|%+d", &[I(0), I(964783958), L(12495), I(1776647053)], b"00000000000000|6f56|+12495|+1776647053"),
    (U, b"%0.14hd|%-hx|%-+ Ii|%+d", &[I(0), I(964783958), L(12495), I(1776647053)], b"00000000000000|6f56|+12495|+1776647053"),
    (M, b"%-.0lli|%-zu|%o|%+0lX", &[L(1), L(0), I(1), I(21950)], b"1|0|1|55BE"),
    (U, b"%-.0lli|%-zu|%o|%+0lX", &[L(1), L(0), I(1), I(21950)], b"1|0|1|55BE"),
    (M, b"%d|%-zd|%zx|%0X", &[I(-1365408896), L(0), L(-1), I(-1)], b"-1365408896|0|ffffffffffffffff|FFFFFFFF"),
    (U, b"%d|%-zd|%zx|%0X", &[I(-1365408896), L(0), L(-1), I(-1)], b"-1365408896|0|ffffffffffffffff|FFFFFFFF"),
    (M, b"%12o|%0u|%+17X|%I64o", &[I(0), I(6052), I(1732777400), L(5610741831812895712)], b"           0|6052|         674815B8|467352677402350351740"),
    (U, b"%12o|%0u|%+17X|%I64o", &[I(0), I(6052), I(1732777400), L(5610741831812895712)], b"           0|6052|         674815B8|467352677402350351740"),
    (M, b"%-+i|%15.2Io|%-0Ii|%16o", &[I(1), L(-1), L(1), I(1456621183)], b"+1|1777777777777777777777|1|     12664443177"),
    (U, b"%-+i|%15.2Io|%-0Ii|%16o", &[I(1), L(-1), L(1), I(1456621183)], b"+1|1777777777777777777777|1|     12664443177"),
    (M, b"%010Ii|%0.5lu|%2zX|%.8Ii", &[L(-1), I(-1), L(-1), L(0)], b"-000000001|4294967295|FFFFFFFFFFFFFFFF|00000000"),
    (U, b"%010Ii|%0.5lu|%2zX|%.8Ii", &[L(-1), I(-1), L(-1), L(0)], b"-000000001|4294967295|FFFFFFFFFFFFFFFF|00000000"),
    (M, b"%-+22zx|%+9.13Id|%+I64i|%18.12llu", &[L(1), L(1), L(3464664771), L(3925412954)], b"1                     |+0000000000001|+3464664771|      003925412954"),
    (U, b"%-+22zx|%+9.13Id|%+I64i|%18.12llu", &[L(1), L(1), L(3464664771), L(3925412954)], b"1                     |+0000000000001|+3464664771|      003925412954"),
    (M, b"%-+18lx|%-llu|%u|%+ zx", &[I(1528078022), L(0), I(-1), L(19881)], b"5b149ec6          |0|4294967295|4da9"),
    (U, b"%-+18lx|%-llu|%u|%+ zx", &[I(1528078022), L(0), I(-1), L(19881)], b"5b149ec6          |0|4294967295|4da9"),
    (M, b"%.6I64x|%.8i|%Id|% #0.16i", &[L(60986), I(14652), L(-1), I(1)], b"00ee3a|00014652|-1| 0000000000000001"),
    (U, b"%.6I64x|%.8i|%Id|% #0.16i", &[L(60986), I(14652), L(-1), I(1)], b"00ee3a|00014652|-1| 0000000000000001"),
    (M, b"%+#11.16x|%- d|%-+ 24d|%i", &[I(60545), I(838551747), I(-1), I(26603)], b"0x000000000000ec81| 838551747|-1                      |26603"),
    (U, b"%+#11.16x|%- d|%-+ 24d|%i", &[I(60545), I(838551747), I(-1), I(26603)], b"0x000000000000ec81| 838551747|-1                      |26603"),
    (M, b"%.2I64i|%.14d|%12ho|%+5.11Ix", &[L(2457107749), I(1636530242), I(1), L(1827117507)], b"2457107749|00001636530242|           1|0006ce799c3"),
    (U, b"%.2I64i|%.14d|%12ho|%+5.11Ix", &[L(2457107749), I(1636530242), I(1), L(1827117507)], b"2457107749|00001636530242|           1|0006ce799c3"),
    (M, b"%-lX|%0x|%+li|%#.12zX", &[I(0), I(-1), I(-1), L(0)], b"0|ffffffff|-1|000000000000"),
    (U, b"%-lX|%0x|%+li|%#.12zX", &[I(0), I(-1), I(-1), L(0)], b"0|ffffffff|-1|000000000000"),
    (M, b"%- #0.2x|%10.2hu|% d|%-hi", &[I(1), I(1136487970), I(1482425238), I(-1)], b"0x01|     28194| 1482425238|-1"),
    (U, b"%- #0.2x|%10.2hu|% d|%-hi", &[I(1), I(1136487970), I(1482425238), I(-1)], b"0x01|     28194| 1482425238|-1"),
    (M, b"%zu|%14lli|%-#.14o|%22.2lu", &[L(-1), L(1), I(0), I(-1)], b"18446744073709551615|             1|00000000000000|            4294967295"),
    (U, b"%zu|%14lli|%-#.14o|%22.2lu", &[L(-1), L(1), I(0), I(-1)], b"18446744073709551615|             1|00000000000000|            4294967295"),
    (M, b"%+16Ii|%#llx|%+7X|%#3llu", &[L(1929099350), L(1), I(0), L(-1)], b"     +1929099350|0x1|      0|18446744073709551615"),
    (U, b"%+16Ii|%#llx|%+7X|%#3llu", &[L(1929099350), L(1), I(0), L(-1)], b"     +1929099350|0x1|      0|18446744073709551615"),
    (M, b"%+X|%18hi|%hd|%hi", &[I(892240879), I(-1), I(1), I(1)], b"352E83EF|                -1|1|1"),
    (U, b"%+X|%18hi|%hd|%hi", &[I(892240879), I(-1), I(1), I(1)], b"352E83EF|                -1|1|1"),
    (M, b"%-I64o|%0Io|%17IX|%016.22x", &[L(23084), L(45456), L(-4615876062406532352), I(1)], b"55054|130620| BFF11D2D5D07A300|0000000000000000000001"),
    (U, b"%-I64o|%0Io|%17IX|%016.22x", &[L(23084), L(45456), L(-4615876062406532352), I(1)], b"55054|130620| BFF11D2D5D07A300|0000000000000000000001"),
    (M, b"%#0.6x|%.20d|%0Io|%-x", &[I(31042), I(1), L(1), I(-982145429)], b"0x007942|00000000000000000001|1|c575a66b"),
    (U, b"%#0.6x|%.20d|%0Io|%-x", &[I(31042), I(1), L(1), I(-982145429)], b"0x007942|00000000000000000001|1|c575a66b"),
    (M, b"%-018hd|%2I64o|%05zi|%llX", &[I(1), L(21333), L(1), L(1)], b"1                 |51525|00001|1"),
    (U, b"%-018hd|%2I64o|%05zi|%llX", &[I(1), L(21333), L(1), L(1)], b"1                 |51525|00001|1"),
    (M, b"% x|%+9.21zx|% 17zi|%+#18i", &[I(920466343), L(2234026284), L(1777664707180258339), I(60227)], b"36dd33a7|00000000000008528892c| 1777664707180258339|            +60227"),
    (U, b"% x|%+9.21zx|% 17zi|%+#18i", &[I(920466343), L(2234026284), L(1777664707180258339), I(60227)], b"36dd33a7|00000000000008528892c| 1777664707180258339|            +60227"),
    (M, b"%.3Iu|% u|%-+0.8lu|%#d", &[L(36055), I(44524), I(37237), I(0)], b"36055|44524|00037237|0"),
    (U, b"%.3Iu|% u|%-+0.8lu|%#d", &[L(36055), I(44524), I(37237), I(0)], b"36055|44524|00037237|0"),
    (M, b"% 0.4zi|%-15.12I64X|%ho|%ld", &[L(1343068657), L(29300), I(41204), I(-899678485)], b" 1343068657|000000007274   |120364|-899678485"),
    (U, b"% 0.4zi|%-15.12I64X|%ho|%ld", &[L(1343068657), L(29300), I(41204), I(-899678485)], b" 1343068657|000000007274   |120364|-899678485"),
    (M, b"%x|%lu|%-+19lo|%-+06li", &[I(-1), I(-749214296), I(1), I(-569695601)], b"ffffffff|3545753000|1                  |-569695601"),
    (U, b"%x|%lu|%-+19lo|%-+06li", &[I(-1), I(-749214296), I(1), I(-569695601)], b"ffffffff|3545753000|1                  |-569695601"),
    (M, b"%24i|%024.16llx|% #19Ii|%-.20llX", &[I(126238938), L(1), L(31240), L(1)], b"               126238938|000000000000000000000001|              31240|00000000000000000001"),
    (U, b"%24i|%024.16llx|% #19Ii|%-.20llX", &[I(126238938), L(1), L(31240), L(1)], b"               126238938|000000000000000000000001|              31240|00000000000000000001"),
    (M, b"%zi|%.22d|%+.3zi|%-12.21lld", &[L(-1), I(-1), L(-1), L(0)], b"-1|-0000000000000000000001|-001|000000000000000000000"),
    (U, b"%zi|%.22d|%+.3zi|%-12.21lld", &[L(-1), I(-1), L(-1), L(0)], b"-1|-0000000000000000000001|-001|000000000000000000000"),
    (M, b"%-.8hx|%#17Id|% 013.12ld|%#8u", &[I(0), L(1), I(-1488555778), I(-1)], b"00000000|                1|-001488555778|4294967295"),
    (U, b"%-.8hx|%#17Id|% 013.12ld|%#8u", &[I(0), L(1), I(-1488555778), I(-1)], b"00000000|                1|-001488555778|4294967295"),
    (M, b"%0I64X|%-+Id|%+I64o|%7Id", &[L(4189754615), L(1), L(-8824806014050427871), L(1023875258)], b"F9BA94F7|+1|1026077732764062616041|1023875258"),
    (U, b"%0I64X|%-+Id|%+I64o|%7Id", &[L(4189754615), L(1), L(-8824806014050427871), L(1023875258)], b"F9BA94F7|+1|1026077732764062616041|1023875258"),
    (M, b"%zo|%12I64x|%- 21.11i|% 11.6u", &[L(-1), L(-1), I(2054762975), I(-1)], b"1777777777777777777777|ffffffffffffffff| 02054762975         | 4294967295"),
    (U, b"%zo|%12I64x|%- 21.11i|% 11.6u", &[L(-1), L(-1), I(2054762975), I(-1)], b"1777777777777777777777|ffffffffffffffff| 02054762975         | 4294967295"),
    (M, b"%0.12d|%.11I64X|%24ho|%+.17lld", &[I(-1), L(-5091562297833106774), I(1151790836), L(15433)], b"-000000000001|B9572310FDE2D2AA|                  167364|+00000000000015433"),
    (U, b"%0.12d|%.11I64X|%24ho|%+.17lld", &[I(-1), L(-5091562297833106774), I(1151790836), L(15433)], b"-000000000001|B9572310FDE2D2AA|                  167364|+00000000000015433"),
    (M, b"%#ld|%7x|%#0x|%1llo", &[I(0), I(1151693639), I(-1), L(0)], b"0|44a57347|0xffffffff|0"),
    (U, b"%#ld|%7x|%#0x|%1llo", &[I(0), I(1151693639), I(-1), L(0)], b"0|44a57347|0xffffffff|0"),
    (M, b"%.1ho|%2u|%+21Id|%-+0o", &[I(427961251), I(-793446434), L(-1), I(-1007577987)], b"25643|3501520862|                   -1|30374312175"),
    (U, b"%.1ho|%2u|%+21Id|%-+0o", &[I(427961251), I(-793446434), L(-1), I(-1007577987)], b"25643|3501520862|                   -1|30374312175"),
    (M, b"%#0o|%0ld|%.20I64o|%-.2x", &[I(-1), I(28578), L(-1), I(0)], b"037777777777|28578|1777777777777777777777|00"),
    (U, b"%#0o|%0ld|%.20I64o|%-.2x", &[I(-1), I(28578), L(-1), I(0)], b"037777777777|28578|1777777777777777777777|00"),
    (M, b"%ho|%04.16li|%-.7x|%.9x", &[I(-67174511), I(16199680), I(-1), I(-1)], b"177621|0000000016199680|ffffffff|0ffffffff"),
    (U, b"%ho|%04.16li|%-.7x|%.9x", &[I(-67174511), I(16199680), I(-1), I(-1)], b"177621|0000000016199680|ffffffff|0ffffffff"),
    (M, b"%#lX|%-+ 6Ix|%-7zo|%ho", &[I(22040), L(6027558552363872524), L(-8526521122251122150), I(1)], b"0X5618|53a630916884310c|1046535543337226655032|1"),
    (U, b"%#lX|%-+ 6Ix|%-7zo|%ho", &[I(22040), L(6027558552363872524), L(-8526521122251122150), I(1)], b"0X5618|53a630916884310c|1046535543337226655032|1"),
    (M, b"%24I64X|%0lo|%010i|%15zo", &[L(4124307345), I(0), I(-69251584), L(3618138348)], b"                F5D3EF91|0|-069251584|    32752064354"),
    (U, b"%24I64X|%0lo|%010i|%15zo", &[L(4124307345), I(0), I(-69251584), L(3618138348)], b"                F5D3EF91|0|-069251584|    32752064354"),
    (M, b"%-+#lx|% 12.2u|%-+llX|% i", &[I(1054260199), I(251890203), L(0), I(1)], b"0x3ed6bbe7|   251890203|0| 1"),
    (U, b"%-+#lx|% 12.2u|%-+llX|% i", &[I(1054260199), I(251890203), L(0), I(1)], b"0x3ed6bbe7|   251890203|0| 1"),
    (M, b"%4hx|%+.13lu|%.20zu|%21li", &[I(0), I(57475), L(-7109410927865612935), I(24529396)], b"   0|0000000057475|11337333145843938681|             24529396"),
    (U, b"%4hx|%+.13lu|%.20zu|%21li", &[I(0), I(57475), L(-7109410927865612935), I(24529396)], b"   0|0000000057475|11337333145843938681|             24529396"),
    (M, b"% 20.21lx|%ld|%+9.8I64u|%x", &[I(1659818229), I(2069511082), L(-1), I(493897170)], b"000000000000062eed0f5|2069511082|18446744073709551615|1d7045d2"),
    (U, b"% 20.21lx|%ld|%+9.8I64u|%x", &[I(1659818229), I(2069511082), L(-1), I(493897170)], b"000000000000062eed0f5|2069511082|18446744073709551615|1d7045d2"),
    (M, b"%+23.5llx|%+I64X|%+0.19Ix|%19.16Iu", &[L(1), L(3893447343), L(0), L(65359442)], b"                  00001|E8114AAF|0000000000000000000|   0000000065359442"),
    (U, b"%+23.5llx|%+I64X|%+0.19Ix|%19.16Iu", &[L(1), L(3893447343), L(0), L(65359442)], b"                  00001|E8114AAF|0000000000000000000|   0000000065359442"),
    (M, b"%X|%.7i|%9IX|%+.22llo", &[I(11040), I(-1), L(3055072454685664317), L(0)], b"2B20|-0000001|2A65CC36089EA43D|0000000000000000000000"),
    (U, b"%X|%.7i|%9IX|%+.22llo", &[I(11040), I(-1), L(3055072454685664317), L(0)], b"2B20|-0000001|2A65CC36089EA43D|0000000000000000000000"),
    (M, b"%-.12zi|%+ #d|%25o|%+0I64d", &[L(0), I(61481), I(0), L(1454528375)], b"000000000000|+61481|                        0|+1454528375"),
    (U, b"%-.12zi|%+ #d|%25o|%+0I64d", &[L(0), I(61481), I(0), L(1454528375)], b"000000000000|+61481|                        0|+1454528375"),
    (M, b"% 7.15Id|%llx|%0.17X|%6Iu", &[L(18728), L(0), I(0), L(-1)], b" 000000000018728|0|00000000000000000|18446744073709551615"),
    (U, b"% 7.15Id|%llx|%0.17X|%6Iu", &[L(18728), L(0), I(0), L(-1)], b" 000000000018728|0|00000000000000000|18446744073709551615"),
    (M, b"%+.7o|%014IX|% #25hd|%+x", &[I(1), L(46942), I(0), I(-194516364)], b"0000001|0000000000B75E|                        0|f467ea74"),
    (U, b"%+.7o|%014IX|% #25hd|%+x", &[I(1), L(46942), I(0), I(-194516364)], b"0000001|0000000000B75E|                        0|f467ea74"),
    (M, b"%-#.3u|%-+0.19IX|%#o|% IX", &[I(2143849820), L(0), I(-1), L(-1)], b"2143849820|0000000000000000000|037777777777|FFFFFFFFFFFFFFFF"),
    (U, b"%-#.3u|%-+0.19IX|%#o|% IX", &[I(2143849820), L(0), I(-1), L(-1)], b"2143849820|0000000000000000000|037777777777|FFFFFFFFFFFFFFFF"),
    (M, b"%+#.3X|% 13.4I64X|%+22.21d|%lX", &[I(-1), L(-4221571253764350674), I(-1), I(-1)], b"0XFFFFFFFF|C569F74FC1601D2E|-000000000000000000001|FFFFFFFF"),
    (U, b"%+#.3X|% 13.4I64X|%+22.21d|%lX", &[I(-1), L(-4221571253764350674), I(-1), I(-1)], b"0XFFFFFFFF|C569F74FC1601D2E|-000000000000000000001|FFFFFFFF"),
    (M, b"%lu|%.0X|%#05I64x|% zd", &[I(-459125609), I(1), L(-1), L(2209593278)], b"3835841687|1|0xffffffffffffffff| 2209593278"),
    (U, b"%lu|%.0X|%#05I64x|% zd", &[I(-459125609), I(1), L(-1), L(2209593278)], b"3835841687|1|0xffffffffffffffff| 2209593278"),
    (M, b"%-#zx|%3u|%x|%-0i", &[L(29588), I(62852), I(42268), I(-1524224678)], b"0x7394|62852|a51c|-1524224678"),
    (U, b"%-#zx|%3u|%x|%-0i", &[L(29588), I(62852), I(42268), I(-1524224678)], b"0x7394|62852|a51c|-1524224678"),
    (M, b"% 10.4I64o|% #.18Ix|%.14i|%015.6lld", &[L(-1), L(-1), I(1623287468), L(1)], b"1777777777777777777777|0x00ffffffffffffffff|00001623287468|000000000000001"),
    (U, b"% 10.4I64o|% #.18Ix|%.14i|%015.6lld", &[L(-1), L(-1), I(1623287468), L(1)], b"1777777777777777777777|0x00ffffffffffffffff|00001623287468|000000000000001"),
    (M, b"%+ 20d|%-+8d|%#9o|%#hd", &[I(1), I(-293867145), I(0), I(-108403862)], b"                  +1|-293867145|        0|-7318"),
    (U, b"%+ 20d|%-+8d|%#9o|%#hd", &[I(1), I(-293867145), I(0), I(-108403862)], b"                  +1|-293867145|        0|-7318"),
    (M, b"%22.13li|% .5I64o|%#zo|%-x", &[I(-1), L(3925), L(-1), I(52)], b"        -0000000000001|07525|01777777777777777777777|34"),
    (U, b"%22.13li|% .5I64o|%#zo|%-x", &[I(-1), L(3925), L(-1), I(52)], b"        -0000000000001|07525|01777777777777777777777|34"),
    (M, b"%0llX|%+.18u|%-+#3zd|%zx", &[L(0), I(-1), L(1), L(5781090321834900629)], b"0|000000004294967295|+1 |503a8f04a76afc95"),
    (U, b"%0llX|%+.18u|%-+#3zd|%zx", &[L(0), I(-1), L(1), L(5781090321834900629)], b"0|000000004294967295|+1 |503a8f04a76afc95"),
    (M, b"%0lld|%.6I64o|%12d|%-llo", &[L(0), L(3250861415), I(-1), L(0)], b"0|30161032547|          -1|0"),
    (U, b"%0lld|%.6I64o|%12d|%-llo", &[L(0), L(3250861415), I(-1), L(0)], b"0|30161032547|          -1|0"),
    (M, b"%hx|%hu|%.22X|%-+16li", &[I(830230418), I(1146529653), I(57328), I(1084567081)], b"4f92|42869|000000000000000000DFF0|+1084567081     "),
    (U, b"%hx|%hu|%.22X|%-+16li", &[I(830230418), I(1146529653), I(57328), I(1084567081)], b"4f92|42869|000000000000000000DFF0|+1084567081     "),
    (M, b"%-24i|%+zi|%024.8zX|% 6zx", &[I(-272105493), L(1735392875077607069), L(0), L(0)], b"-272105493              |+1735392875077607069|000000000000000000000000|     0"),
    (U, b"%-24i|%+zi|%024.8zX|% 6zx", &[I(-272105493), L(1735392875077607069), L(0), L(0)], b"-272105493              |+1735392875077607069|000000000000000000000000|     0"),
    (M, b"%-0.12ho|%zi|%+I64o|% 0.14X", &[I(-132066339), L(241810965615132150), L(-1), I(1)], b"000000151735|241810965615132150|1777777777777777777777|00000000000001"),
    (U, b"%-0.12ho|%zi|%+I64o|% 0.14X", &[I(-132066339), L(241810965615132150), L(-1), I(1)], b"000000151735|241810965615132150|1777777777777777777777|00000000000001"),
    (M, b"%-o|%lx|%lX|%-4I64d", &[I(1), I(-1), I(-1), L(43182)], b"1|ffffffff|FFFFFFFF|43182"),
    (U, b"%-o|%lx|%lX|%-4I64d", &[I(1), I(-1), I(-1), L(43182)], b"1|ffffffff|FFFFFFFF|43182"),
    (M, b"%+15.2x|%+0hi|%#0.15hX|% 6zd", &[I(1), I(1093834791), I(45503), L(1)], b"             01|-26585|0X00000000000B1BF|     1"),
    (U, b"%+15.2x|%+0hi|%#0.15hX|% 6zd", &[I(1), I(1093834791), I(45503), L(1)], b"             01|-26585|0X00000000000B1BF|     1"),
    (M, b"% 0lld|%zo|%#hu|%i", &[L(1), L(1), I(0), I(-1354660080)], b" 1|1|0|-1354660080"),
    (U, b"% 0lld|%zo|%#hu|%i", &[L(1), L(1), I(0), I(-1354660080)], b" 1|1|0|-1354660080"),
    (M, b"%0u|%21Ii|%llX|%+24.6I64d", &[I(-2144992912), L(5809941417541959794), L(4323), L(0)], b"2149974384|  5809941417541959794|10E3|                 +000000"),
    (U, b"%0u|%21Ii|%llX|%+24.6I64d", &[I(-2144992912), L(5809941417541959794), L(4323), L(0)], b"2149974384|  5809941417541959794|10E3|                 +000000"),
    (M, b"%i|%013X|%15.2zi|%#0li", &[I(-547830461), I(1), L(51616), I(1)], b"-547830461|0000000000001|          51616|1"),
    (U, b"%i|%013X|%15.2zi|%#0li", &[I(-547830461), I(1), L(51616), I(1)], b"-547830461|0000000000001|          51616|1"),
];

#[rustfmt::skip]
static WIDE: &[WideRow] = &[
    (M, "", &[], ""),
    (U, "", &[], ""),
    (M, "plain %% text", &[], "plain % text"),
    (U, "plain %% text", &[], "plain % text"),
    (M, "[%s][%S][%ls][%hs][%ws][%hS][%lS]", &[W("wide"), S(b"narrow"), W("ls"), S(b"hs"), W("ws"), S(b"hS"), W("lS")], "[wide][narrow][ls][hs][ws][hS][lS]"),
    (U, "[%s][%S][%ls][%hs][%ws][%hS][%lS]", &[W("wide"), S(b"narrow"), W("ls"), S(b"hs"), W("ws"), S(b"hS"), W("lS")], "[wide][narrow][ls][hs][ws][hS][lS]"),
    (M, "[%c][%C][%lc][%hc][%wc][%hC]", &[I(97), I(98), I(99), I(100), I(101), I(102)], "[a][b][c][d][e][f]"),
    (U, "[%c][%C][%lc][%hc][%wc][%hC]", &[I(97), I(98), I(99), I(100), I(101), I(102)], "[a][b][c][d][e][f]"),
    (M, "[%c][%C]", &[I(9786), I(321)], "[\u{263a}][A]"),
    (U, "[%c][%C]", &[I(9786), I(321)], "[\u{263a}][A]"),
    (M, "[%c]", &[I(0)], "[\u{0}]"),
    (U, "[%c]", &[I(0)], "[\u{0}]"),
    (M, "[%10s][%-10s][%.2s][%5.1S][%-5.3hs]", &[W("wide"), W("wide"), W("wide"), S(b"narrow"), S(b"narrow")], "[      wide][wide      ][wi][    n][nar  ]"),
    (U, "[%10s][%-10s][%.2s][%5.1S][%-5.3hs]", &[W("wide"), W("wide"), W("wide"), S(b"narrow"), S(b"narrow")], "[      wide][wide      ][wi][    n][nar  ]"),
    (M, "[%s][%S][%ls][%hs][%.3s][%8S]", &[N, N, N, N, N, N], "[(null)][(null)][(null)][(null)][(nu][  (null)]"),
    (U, "[%s][%S][%ls][%hs][%.3s][%8S]", &[N, N, N, N, N, N], "[(null)][(null)][(null)][(null)][(nu][  (null)]"),
    (M, "[%d][%5d][%-5i][%05u][%x][%#X][%o][%lld][%I64x][%hd]", &[I(-1), I(42), I(42), I(42), I(255), I(255), I(8), L(-5), L(737894400291), I(70000)], "[-1][   42][42   ][00042][ff][0XFF][10][-5][abcdef0123][4464]"),
    (U, "[%d][%5d][%-5i][%05u][%x][%#X][%o][%lld][%I64x][%hd]", &[I(-1), I(42), I(42), I(42), I(255), I(255), I(8), L(-5), L(737894400291), I(70000)], "[-1][   42][42   ][00042][ff][0XFF][10][-5][abcdef0123][4464]"),
    (M, "[%f][%.0f][%.1f][%e][%E][%g][%G][%a]", &[D(0x3ff8000000000000), D(0x3fe0000000000000), D(0x3fd0000000000000), D(0x4415af1d78b58c40), D(0x3bc79ca10c924223), D(0x3ee4f8b588e368f1), D(0x4415af1d78b58c40), D(0x3ff0000000000000)], "[1.500000][1][0.3][1.000000e+020][1.000000E-020][1e-005][1E+020][0x1.0000000000000p+0]"),
    (U, "[%f][%.0f][%.1f][%e][%E][%g][%G][%a]", &[D(0x3ff8000000000000), D(0x3fe0000000000000), D(0x3fd0000000000000), D(0x4415af1d78b58c40), D(0x3bc79ca10c924223), D(0x3ee4f8b588e368f1), D(0x4415af1d78b58c40), D(0x3ff0000000000000)], "[1.500000][1][0.3][1.000000e+20][1.000000E-20][1e-05][1E+20][0x1.0000000000000p+0]"),
    (M, "[%f][%e][%g][%F][%G]", &[D(0x7ff0000000000000), D(0xfff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000)], "[1.#INF00][-1.#INF00e+000][-1.#IND][][1.#QNAN]"),
    (U, "[%f][%e][%g][%F][%G]", &[D(0x7ff0000000000000), D(0xfff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000)], "[inf][-inf][-nan(ind)][NAN][INF]"),
    (M, "[%.1f][%.2e][%10f]", &[D(0x7ff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000)], "[1.$][-1.#Je+000][  1.#QNAN0]"),
    (U, "[%.1f][%.2e][%10f]", &[D(0x7ff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000)], "[inf][-nan(ind)][       nan]"),
    (M, "[%-12f][%-22a]", &[D(0xfff0000000000000), D(0x3fe0000000000000)], "[-1.#INF     ][0x1.0000000000000  p-1]"),
    (U, "[%-12f][%-22a]", &[D(0xfff0000000000000), D(0x3fe0000000000000)], "[-inf        ][0x1.0000000000000  p-1]"),
    (M, "[%p][%#p][%20p]", &[P(0x12ff40), P(0x12ff40), P(0xdead)], "[000000000012FF40][0X000000000012FF40][    000000000000DEAD]"),
    (U, "[%p][%#p][%20p]", &[P(0x12ff40), P(0x12ff40), P(0xdead)], "[000000000012FF40][0X000000000012FF40][    000000000000DEAD]"),
    (M, "%y|%5k|%", &[], "y|k|"),
    (U, "%y|%5k|%", &[], "y|k|"),
    (M, "[%*d][%.*s]", &[I(-4), I(1), I(2), W("xyz")], "[1   ][xy]"),
    (U, "[%*d][%.*s]", &[I(-4), I(1), I(2), W("xyz")], "[1   ][xy]"),
    (M, "[%Ts][%Tc]", &[W("T"), I(116)], "[Ts][Tc]"),
    (U, "[%Ts][%Tc]", &[W("T"), I(116)], "[T][t]"),
    (M, "%d %s %f %c|", &[I(42), W("str"), D(0x4004000000000000), I(122)], "42 str 2.500000 z|"),
    (U, "%d %s %f %c|", &[I(42), W("str"), D(0x4004000000000000), I(122)], "42 str 2.500000 z|"),
    (M, "[%010s][%+.3e][%#o][%+5c]", &[W("ab"), D(0x40c81cd6c8b43958), I(0), I(113)], "[00000000ab][+1.235e+004][0][    q]"),
    (U, "[%010s][%+.3e][%#o][%+5c]", &[W("ab"), D(0x40c81cd6c8b43958), I(0), I(113)], "[00000000ab][+1.235e+04][0][    q]"),
    (M, "[%lls][%llc][%I64s]", &[W("a"), I(98), W("c")], "[a][b][c]"),
    (U, "[%lls][%llc][%I64s]", &[W("a"), I(98), W("c")], "[a][b][c]"),
];

/// ucrtbase with explicit `_CRT_INTERNAL_PRINTF_*` option bits (`__stdio_common_vsprintf`/
/// `__stdio_common_vswprintf` called directly under Wine 8). 128 rows.
#[rustfmt::skip]
static OPTS_NARROW: &[OptsNarrowRow] = &[
    (0x4, b"%.0f|%.0f|%.0f|%.1f|%.1f|%.2f|%.2f|%.0f|%.0f", &[D(0x3fe0000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3fd0000000000000), D(0x3fd6666666666666), D(0x3fc0000000000000), D(0x3ff0147ae147ae14), D(0xc004000000000000), D(0xc00c000000000000)], b"1|2|3|0.3|0.3|0.13|1.00|-3|-4"),
    (0x4, b"%.0e|%.0e|%.1e|%.2e|%.0g|%.2g|%.3g|%.1g", &[D(0x4004000000000000), D(0x400c000000000000), D(0x3fc0000000000000), D(0x3ff2000000000000), D(0x3fe0000000000000), D(0x3fc0000000000000), D(0x3efa36e2eb1c432d), D(0x4039000000000000)], b"3e+00|4e+00|1.3e-01|1.13e+00|0.5|0.13|2.5e-05|3e+01"),
    (0x4, b"%.1a|%.1a|%.1a|%.0a|%.0a|%.2a|%.12a", &[D(0x3ff0800000000000), D(0x3ff1800000000000), D(0x3ff1000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3ff0030000000000), D(0x3ff0000000000008)], b"0x1.1p+0|0x1.2p+0|0x1.1p+0|0x2p+0|0x1p+1|0x1.00p+0|0x1.000000000001p+0"),
    (0x4, b"%.25f|%.30f|%.22f", &[D(0x3ba8000000000000), D(0x3a74000000000000), D(0x3fe0000000000000)], b"0.0000000000000000000025411|0.000000000000000000000000004039|0.5000000000000000000000"),
    (0x4, b"%e|%g|%E|%G|%e", &[D(0x40f86a0000000000), D(0x2b2bff2ee48e0530), D(0x6974e718d7d7625a), D(0x3ee4f8b588e368f1), D(0x0000000000000000)], b"1.000000e+05|1e-100|1.000000E+200|1E-05|0.000000e+00"),
    (0x4, b"%f|%e|%g|%E|%G|%a|%A|%.2f|%-12f|%010.1e", &[D(0x7ff0000000000000), D(0xfff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0xfff0000000000000)], b"inf|-inf|-nan(ind)|NAN|INF|inf|-NAN(IND)|nan|inf         |      -inf"),
    (0x4, b"[%F][%Ff][%Nd][%Fs]", &[D(0x3ff8000000000000), D(0x4004000000000000), D(0x400c000000000000)], b"[1.500000][2.500000f][Nd][3.500000s]"),
    (0x4, b"[%*5d][%Ts][%Td]", &[I(1), I(7), S(b"t"), I(4)], b"[    7][t][4]"),
    (0x4, b"[%s][%S][%c][%C][%hs][%ls]", &[S(b"n"), W("w"), I(99), I(67), S(b"h"), W("l")], b"[n][w][c][C][h][l]"),
    (0x24, b"%.0f|%.0f|%.0f|%.1f|%.1f|%.2f|%.2f|%.0f|%.0f", &[D(0x3fe0000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3fd0000000000000), D(0x3fd6666666666666), D(0x3fc0000000000000), D(0x3ff0147ae147ae14), D(0xc004000000000000), D(0xc00c000000000000)], b"0|2|2|0.2|0.3|0.12|1.00|-2|-4"),
    (0x24, b"%.0e|%.0e|%.1e|%.2e|%.0g|%.2g|%.3g|%.1g", &[D(0x4004000000000000), D(0x400c000000000000), D(0x3fc0000000000000), D(0x3ff2000000000000), D(0x3fe0000000000000), D(0x3fc0000000000000), D(0x3efa36e2eb1c432d), D(0x4039000000000000)], b"2e+00|4e+00|1.2e-01|1.12e+00|0.5|0.12|2.5e-05|2e+01"),
    (0x24, b"%.1a|%.1a|%.1a|%.0a|%.0a|%.2a|%.12a", &[D(0x3ff0800000000000), D(0x3ff1800000000000), D(0x3ff1000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3ff0030000000000), D(0x3ff0000000000008)], b"0x1.0p+0|0x1.2p+0|0x1.1p+0|0x2p+0|0x1p+1|0x1.00p+0|0x1.000000000000p+0"),
    (0x24, b"%.25f|%.30f|%.22f", &[D(0x3ba8000000000000), D(0x3a74000000000000), D(0x3fe0000000000000)], b"0.0000000000000000000025411|0.000000000000000000000000004039|0.5000000000000000000000"),
    (0x24, b"%e|%g|%E|%G|%e", &[D(0x40f86a0000000000), D(0x2b2bff2ee48e0530), D(0x6974e718d7d7625a), D(0x3ee4f8b588e368f1), D(0x0000000000000000)], b"1.000000e+05|1e-100|1.000000E+200|1E-05|0.000000e+00"),
    (0x24, b"%f|%e|%g|%E|%G|%a|%A|%.2f|%-12f|%010.1e", &[D(0x7ff0000000000000), D(0xfff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0xfff0000000000000)], b"inf|-inf|-nan(ind)|NAN|INF|inf|-NAN(IND)|nan|inf         |      -inf"),
    (0x24, b"[%F][%Ff][%Nd][%Fs]", &[D(0x3ff8000000000000), D(0x4004000000000000), D(0x400c000000000000)], b"[1.500000][2.500000f][Nd][3.500000s]"),
    (0x24, b"[%*5d][%Ts][%Td]", &[I(1), I(7), S(b"t"), I(4)], b"[    7][t][4]"),
    (0x24, b"[%s][%S][%c][%C][%hs][%ls]", &[S(b"n"), W("w"), I(99), I(67), S(b"h"), W("l")], b"[n][w][c][C][h][l]"),
    (0xc, b"%.0f|%.0f|%.0f|%.1f|%.1f|%.2f|%.2f|%.0f|%.0f", &[D(0x3fe0000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3fd0000000000000), D(0x3fd6666666666666), D(0x3fc0000000000000), D(0x3ff0147ae147ae14), D(0xc004000000000000), D(0xc00c000000000000)], b"1|2|3|0.3|0.3|0.13|1.00|-3|-4"),
    (0xc, b"%.0e|%.0e|%.1e|%.2e|%.0g|%.2g|%.3g|%.1g", &[D(0x4004000000000000), D(0x400c000000000000), D(0x3fc0000000000000), D(0x3ff2000000000000), D(0x3fe0000000000000), D(0x3fc0000000000000), D(0x3efa36e2eb1c432d), D(0x4039000000000000)], b"3e+00|4e+00|1.3e-01|1.13e+00|0.5|0.13|2.5e-05|3e+01"),
    (0xc, b"%.1a|%.1a|%.1a|%.0a|%.0a|%.2a|%.12a", &[D(0x3ff0800000000000), D(0x3ff1800000000000), D(0x3ff1000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3ff0030000000000), D(0x3ff0000000000008)], b"0x1.1p+0|0x1.2p+0|0x1.1p+0|0x2p+0|0x1p+1|0x1.00p+0|0x1.000000000001p+0"),
    (0xc, b"%.25f|%.30f|%.22f", &[D(0x3ba8000000000000), D(0x3a74000000000000), D(0x3fe0000000000000)], b"0.0000000000000000000025411|0.000000000000000000000000004039|0.5000000000000000000000"),
    (0xc, b"%e|%g|%E|%G|%e", &[D(0x40f86a0000000000), D(0x2b2bff2ee48e0530), D(0x6974e718d7d7625a), D(0x3ee4f8b588e368f1), D(0x0000000000000000)], b"1.000000e+05|1e-100|1.000000E+200|1E-05|0.000000e+00"),
    (0xc, b"%f|%e|%g|%E|%G|%a|%A|%.2f|%-12f|%010.1e", &[D(0x7ff0000000000000), D(0xfff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0xfff0000000000000)], b"1.#INF00|-1.#INF00e+00|-1.#IND|1.#QNAN0E+00|1.#INF|0x1.#INF000000000p+0|-0X1.#IND000000000P+0|1.#R|1.#INF      |-000001.$e+00"),
    (0xc, b"[%F][%Ff][%Nd][%Fs]", &[D(0x3ff8000000000000), I(3), S(b"x")], b"[][1.500000][3][x]"),
    (0xc, b"[%*5d][%Ts][%Td]", &[I(1), I(7), S(b"t"), I(4)], b"[    7][t][4]"),
    (0xc, b"[%s][%S][%c][%C][%hs][%ls]", &[S(b"n"), W("w"), I(99), I(67), S(b"h"), W("l")], b"[n][w][c][C][h][l]"),
    (0x14, b"%.0f|%.0f|%.0f|%.1f|%.1f|%.2f|%.2f|%.0f|%.0f", &[D(0x3fe0000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3fd0000000000000), D(0x3fd6666666666666), D(0x3fc0000000000000), D(0x3ff0147ae147ae14), D(0xc004000000000000), D(0xc00c000000000000)], b"1|2|3|0.3|0.3|0.13|1.00|-3|-4"),
    (0x14, b"%.0e|%.0e|%.1e|%.2e|%.0g|%.2g|%.3g|%.1g", &[D(0x4004000000000000), D(0x400c000000000000), D(0x3fc0000000000000), D(0x3ff2000000000000), D(0x3fe0000000000000), D(0x3fc0000000000000), D(0x3efa36e2eb1c432d), D(0x4039000000000000)], b"3e+000|4e+000|1.3e-001|1.13e+000|0.5|0.13|2.5e-005|3e+001"),
    (0x14, b"%.1a|%.1a|%.1a|%.0a|%.0a|%.2a|%.12a", &[D(0x3ff0800000000000), D(0x3ff1800000000000), D(0x3ff1000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3ff0030000000000), D(0x3ff0000000000008)], b"0x1.1p+0|0x1.2p+0|0x1.1p+0|0x2p+0|0x1p+1|0x1.00p+0|0x1.000000000001p+0"),
    (0x14, b"%.25f|%.30f|%.22f", &[D(0x3ba8000000000000), D(0x3a74000000000000), D(0x3fe0000000000000)], b"0.0000000000000000000025411|0.000000000000000000000000004039|0.5000000000000000000000"),
    (0x14, b"%e|%g|%E|%G|%e", &[D(0x40f86a0000000000), D(0x2b2bff2ee48e0530), D(0x6974e718d7d7625a), D(0x3ee4f8b588e368f1), D(0x0000000000000000)], b"1.000000e+005|1e-100|1.000000E+200|1E-005|0.000000e+000"),
    (0x14, b"%f|%e|%g|%E|%G|%a|%A|%.2f|%-12f|%010.1e", &[D(0x7ff0000000000000), D(0xfff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0xfff0000000000000)], b"inf|-inf|-nan(ind)|NAN|INF|inf|-NAN(IND)|nan|inf         |      -inf"),
    (0x14, b"[%F][%Ff][%Nd][%Fs]", &[D(0x3ff8000000000000), D(0x4004000000000000), D(0x400c000000000000)], b"[1.500000][2.500000f][Nd][3.500000s]"),
    (0x14, b"[%*5d][%Ts][%Td]", &[I(1), I(7), S(b"t"), I(4)], b"[    7][t][4]"),
    (0x14, b"[%s][%S][%c][%C][%hs][%ls]", &[S(b"n"), W("w"), I(99), I(67), S(b"h"), W("l")], b"[n][w][c][C][h][l]"),
    (0x1c, b"%.0f|%.0f|%.0f|%.1f|%.1f|%.2f|%.2f|%.0f|%.0f", &[D(0x3fe0000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3fd0000000000000), D(0x3fd6666666666666), D(0x3fc0000000000000), D(0x3ff0147ae147ae14), D(0xc004000000000000), D(0xc00c000000000000)], b"1|2|3|0.3|0.3|0.13|1.00|-3|-4"),
    (0x1c, b"%.0e|%.0e|%.1e|%.2e|%.0g|%.2g|%.3g|%.1g", &[D(0x4004000000000000), D(0x400c000000000000), D(0x3fc0000000000000), D(0x3ff2000000000000), D(0x3fe0000000000000), D(0x3fc0000000000000), D(0x3efa36e2eb1c432d), D(0x4039000000000000)], b"3e+000|4e+000|1.3e-001|1.13e+000|0.5|0.13|2.5e-005|3e+001"),
    (0x1c, b"%.1a|%.1a|%.1a|%.0a|%.0a|%.2a|%.12a", &[D(0x3ff0800000000000), D(0x3ff1800000000000), D(0x3ff1000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3ff0030000000000), D(0x3ff0000000000008)], b"0x1.1p+0|0x1.2p+0|0x1.1p+0|0x2p+0|0x1p+1|0x1.00p+0|0x1.000000000001p+0"),
    (0x1c, b"%.25f|%.30f|%.22f", &[D(0x3ba8000000000000), D(0x3a74000000000000), D(0x3fe0000000000000)], b"0.0000000000000000000025411|0.000000000000000000000000004039|0.5000000000000000000000"),
    (0x1c, b"%e|%g|%E|%G|%e", &[D(0x40f86a0000000000), D(0x2b2bff2ee48e0530), D(0x6974e718d7d7625a), D(0x3ee4f8b588e368f1), D(0x0000000000000000)], b"1.000000e+005|1e-100|1.000000E+200|1E-005|0.000000e+000"),
    (0x1c, b"%f|%e|%g|%E|%G|%a|%A|%.2f|%-12f|%010.1e", &[D(0x7ff0000000000000), D(0xfff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0xfff0000000000000)], b"1.#INF00|-1.#INF00e+000|-1.#IND|1.#QNAN0E+000|1.#INF|0x1.#INF000000000p+0|-0X1.#IND000000000P+0|1.#R|1.#INF      |-00001.$e+000"),
    (0x1c, b"[%F][%Ff][%Nd][%Fs]", &[D(0x3ff8000000000000), I(3), S(b"x")], b"[][1.500000][3][x]"),
    (0x1c, b"[%*5d][%Ts][%Td]", &[I(1), I(7), S(b"t"), I(4)], b"[    7][t][4]"),
    (0x1c, b"[%s][%S][%c][%C][%hs][%ls]", &[S(b"n"), W("w"), I(99), I(67), S(b"h"), W("l")], b"[n][w][c][C][h][l]"),
    (0x2c, b"%.0f|%.0f|%.0f|%.1f|%.1f|%.2f|%.2f|%.0f|%.0f", &[D(0x3fe0000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3fd0000000000000), D(0x3fd6666666666666), D(0x3fc0000000000000), D(0x3ff0147ae147ae14), D(0xc004000000000000), D(0xc00c000000000000)], b"0|2|2|0.2|0.3|0.12|1.00|-2|-4"),
    (0x2c, b"%.0e|%.0e|%.1e|%.2e|%.0g|%.2g|%.3g|%.1g", &[D(0x4004000000000000), D(0x400c000000000000), D(0x3fc0000000000000), D(0x3ff2000000000000), D(0x3fe0000000000000), D(0x3fc0000000000000), D(0x3efa36e2eb1c432d), D(0x4039000000000000)], b"2e+00|4e+00|1.2e-01|1.12e+00|0.5|0.12|2.5e-05|2e+01"),
    (0x2c, b"%.1a|%.1a|%.1a|%.0a|%.0a|%.2a|%.12a", &[D(0x3ff0800000000000), D(0x3ff1800000000000), D(0x3ff1000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3ff0030000000000), D(0x3ff0000000000008)], b"0x1.0p+0|0x1.2p+0|0x1.1p+0|0x2p+0|0x1p+1|0x1.00p+0|0x1.000000000000p+0"),
    (0x2c, b"%.25f|%.30f|%.22f", &[D(0x3ba8000000000000), D(0x3a74000000000000), D(0x3fe0000000000000)], b"0.0000000000000000000025411|0.000000000000000000000000004039|0.5000000000000000000000"),
    (0x2c, b"%e|%g|%E|%G|%e", &[D(0x40f86a0000000000), D(0x2b2bff2ee48e0530), D(0x6974e718d7d7625a), D(0x3ee4f8b588e368f1), D(0x0000000000000000)], b"1.000000e+05|1e-100|1.000000E+200|1E-05|0.000000e+00"),
    (0x2c, b"%f|%e|%g|%E|%G|%a|%A|%.2f|%-12f|%010.1e", &[D(0x7ff0000000000000), D(0xfff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0xfff0000000000000)], b"1.#INF00|-1.#INF00e+00|-1.#IND|1.#QNAN0E+00|1.#INF|0x1.#INF000000000p+0|-0X1.#IND000000000P+0|1.#R|1.#INF      |-000001.$e+00"),
    (0x2c, b"[%F][%Ff][%Nd][%Fs]", &[D(0x3ff8000000000000), I(3), S(b"x")], b"[][1.500000][3][x]"),
    (0x2c, b"[%*5d][%Ts][%Td]", &[I(1), I(7), S(b"t"), I(4)], b"[    7][t][4]"),
    (0x2c, b"[%s][%S][%c][%C][%hs][%ls]", &[S(b"n"), W("w"), I(99), I(67), S(b"h"), W("l")], b"[n][w][c][C][h][l]"),
    (0x3c, b"%.0f|%.0f|%.0f|%.1f|%.1f|%.2f|%.2f|%.0f|%.0f", &[D(0x3fe0000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3fd0000000000000), D(0x3fd6666666666666), D(0x3fc0000000000000), D(0x3ff0147ae147ae14), D(0xc004000000000000), D(0xc00c000000000000)], b"0|2|2|0.2|0.3|0.12|1.00|-2|-4"),
    (0x3c, b"%.0e|%.0e|%.1e|%.2e|%.0g|%.2g|%.3g|%.1g", &[D(0x4004000000000000), D(0x400c000000000000), D(0x3fc0000000000000), D(0x3ff2000000000000), D(0x3fe0000000000000), D(0x3fc0000000000000), D(0x3efa36e2eb1c432d), D(0x4039000000000000)], b"2e+000|4e+000|1.2e-001|1.12e+000|0.5|0.12|2.5e-005|2e+001"),
    (0x3c, b"%.1a|%.1a|%.1a|%.0a|%.0a|%.2a|%.12a", &[D(0x3ff0800000000000), D(0x3ff1800000000000), D(0x3ff1000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3ff0030000000000), D(0x3ff0000000000008)], b"0x1.0p+0|0x1.2p+0|0x1.1p+0|0x2p+0|0x1p+1|0x1.00p+0|0x1.000000000000p+0"),
    (0x3c, b"%.25f|%.30f|%.22f", &[D(0x3ba8000000000000), D(0x3a74000000000000), D(0x3fe0000000000000)], b"0.0000000000000000000025411|0.000000000000000000000000004039|0.5000000000000000000000"),
    (0x3c, b"%e|%g|%E|%G|%e", &[D(0x40f86a0000000000), D(0x2b2bff2ee48e0530), D(0x6974e718d7d7625a), D(0x3ee4f8b588e368f1), D(0x0000000000000000)], b"1.000000e+005|1e-100|1.000000E+200|1E-005|0.000000e+000"),
    (0x3c, b"%f|%e|%g|%E|%G|%a|%A|%.2f|%-12f|%010.1e", &[D(0x7ff0000000000000), D(0xfff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0xfff0000000000000)], b"1.#INF00|-1.#INF00e+000|-1.#IND|1.#QNAN0E+000|1.#INF|0x1.#INF000000000p+0|-0X1.#IND000000000P+0|1.#R|1.#INF      |-00001.$e+000"),
    (0x3c, b"[%F][%Ff][%Nd][%Fs]", &[D(0x3ff8000000000000), I(3), S(b"x")], b"[][1.500000][3][x]"),
    (0x3c, b"[%*5d][%Ts][%Td]", &[I(1), I(7), S(b"t"), I(4)], b"[    7][t][4]"),
    (0x3c, b"[%s][%S][%c][%C][%hs][%ls]", &[S(b"n"), W("w"), I(99), I(67), S(b"h"), W("l")], b"[n][w][c][C][h][l]"),
    (0x0, b"%.0f|%.0f|%.0f|%.1f|%.1f|%.2f|%.2f|%.0f|%.0f", &[D(0x3fe0000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3fd0000000000000), D(0x3fd6666666666666), D(0x3fc0000000000000), D(0x3ff0147ae147ae14), D(0xc004000000000000), D(0xc00c000000000000)], b"1|2|3|0.3|0.3|0.13|1.00|-3|-4"),
    (0x0, b"%.0e|%.0e|%.1e|%.2e|%.0g|%.2g|%.3g|%.1g", &[D(0x4004000000000000), D(0x400c000000000000), D(0x3fc0000000000000), D(0x3ff2000000000000), D(0x3fe0000000000000), D(0x3fc0000000000000), D(0x3efa36e2eb1c432d), D(0x4039000000000000)], b"3e+00|4e+00|1.3e-01|1.13e+00|0.5|0.13|2.5e-05|3e+01"),
    (0x0, b"%.1a|%.1a|%.1a|%.0a|%.0a|%.2a|%.12a", &[D(0x3ff0800000000000), D(0x3ff1800000000000), D(0x3ff1000000000000), D(0x3ff8000000000000), D(0x4004000000000000), D(0x3ff0030000000000), D(0x3ff0000000000008)], b"0x1.1p+0|0x1.2p+0|0x1.1p+0|0x2p+0|0x1p+1|0x1.00p+0|0x1.000000000001p+0"),
    (0x0, b"%.25f|%.30f|%.22f", &[D(0x3ba8000000000000), D(0x3a74000000000000), D(0x3fe0000000000000)], b"0.0000000000000000000025411|0.000000000000000000000000004039|0.5000000000000000000000"),
    (0x0, b"%e|%g|%E|%G|%e", &[D(0x40f86a0000000000), D(0x2b2bff2ee48e0530), D(0x6974e718d7d7625a), D(0x3ee4f8b588e368f1), D(0x0000000000000000)], b"1.000000e+05|1e-100|1.000000E+200|1E-05|0.000000e+00"),
    (0x0, b"%f|%e|%g|%E|%G|%a|%A|%.2f|%-12f|%010.1e", &[D(0x7ff0000000000000), D(0xfff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0x7ff0000000000000), D(0xfff8000000000000), D(0x7ff8000000000000), D(0x7ff0000000000000), D(0xfff0000000000000)], b"inf|-inf|-nan(ind)|NAN|INF|inf|-NAN(IND)|nan|inf         |      -inf"),
    (0x0, b"[%F][%Ff][%Nd][%Fs]", &[D(0x3ff8000000000000), D(0x4004000000000000), D(0x400c000000000000)], b"[1.500000][2.500000f][Nd][3.500000s]"),
    (0x0, b"[%*5d][%Ts][%Td]", &[I(1), I(7), S(b"t"), I(4)], b"[    7][t][4]"),
    (0x0, b"[%s][%S][%c][%C][%hs][%ls]", &[S(b"n"), W("w"), I(99), I(67), S(b"h"), W("l")], b"[n][w][c][C][h][l]"),
    (0x24, b"%.7f|%.16g|%.15a|%.25f", &[D(0x40b85e4000000000), D(0x3f810e2000000000), D(0x3fc5e5da00000000), D(0x410f2ab4d4000000)], b"6238.2500000|0.008327722549438477|0x1.5e5da0000000000p-3|255318.6035156250000000000000000"),
    (0x24, b"%.14f|%.22f|%.12e|%.6g", &[D(0x406a507c00000000), D(0x40d5235e00000000), D(0x3fd0eb3e00000000), D(0x4065d66000000000)], b"210.51513671875000|21645.4687500000000000000000|2.643580436707e-01|174.699"),
    (0x24, b"%.6a|%.6f|%.19g|%.1f", &[D(0x401ddc3e00000000), D(0x4043605400000000), D(0x3ebf35851eb851ec), D(0x417ce6c5f0000000)], b"0x1.ddc3e0p+2|38.752563|1.860205084085464579e-06|30305375.0"),
    (0x4, b"%.2g|%.9f|%.16f|%.14f", &[D(0x40f2a47600000000), D(0x405df94c00000000), D(0x4123c1aa00000000), D(0x3fb10031ceaf251c)], b"7.6e+04|119.895263672|647381.0000000000000000|0.06640921875000"),
    (0x24, b"%.1g|%.19f|%.4f|%.6f", &[D(0x4061747e00000000), D(0x4064750b98000000), D(0x405e1e8000000000), D(0x40c2f13c00000000)], b"1e+02|163.6576652526855468750|120.4766|9698.468750"),
    (0x24, b"%.11f|%.0e|%.12f|%.11g", &[D(0x4038a87c00000000), D(0x3ee37f972474538f), D(0x3f82bdfe00000000), D(0x40798adc00000000)], b"24.65814208984|9e-06|0.009151443839|408.67871094"),
    (0x4, b"%.24g|%.20f|%.6e|%.12f", &[D(0x3f47326000000000), D(0x4076bb4000000000), D(0x3fc2df9c0ebedfa5), D(0x40a2a6f538a00000)], b"0.00070790946483612060546875|363.70312500000000000000|1.474490e-01|2387.478947639465"),
    (0x24, b"%.8g|%.25e|%.9g|%.9f", &[D(0x3f9c0a3c00000000), D(0x3fbc8a199999999a), D(0x400e88c400000000), D(0x4043fca748000000)], b"0.027382791|1.1148223876953125555111512e-01|3.81678009|39.973855019"),
    (0x24, b"%.6g|%.21f|%.25f|%.13f", &[D(0x40aa7e6ad4000000), D(0x40784f0800000000), D(0x3fb6bd0c00000000), D(0x40a47b6800000000)], b"3391.21|388.939453125000000000000|0.0888221263885498046875000|2621.7031250000000"),
    (0x24, b"%.17a|%.16f|%.23e|%.16a", &[D(0x4065028200000000), D(0x4109eb7000000000), D(0x3f991daa00000000), D(0x3fbb3f1800000000)], b"0x1.50282000000000000p+7|212334.0000000000000000|2.45272219181060791015625e-02|0x1.b3f1800000000000p-4"),
    (0x24, b"%.2e|%.11e|%.6e|%.8f", &[D(0x3f99a2e800000000), D(0x4112938a00000000), D(0x40b5c447e8000000), D(0x40f8369600000000)], b"2.50e-02|3.04354500000e+05|5.572281e+03|99177.37500000"),
    (0x24, b"%.13g|%.6e|%.5g|%.21g", &[D(0x40d50f4400000000), D(0x3f41faf000000000), D(0x41055f8dc6000000), D(0x3fc4aaa7d0000000)], b"21565.0625|5.487129e-04|1.7509e+05|0.161457993090152740479"),
    (0x4, b"%.0a|%.20e|%.8a|%.8g", &[D(0x3fe3228000000000), D(0x405d67f000000000), D(0x41fca94649000000), D(0x412445b000000000)], b"0x1p-1|1.17624023437500000000e+02|0x1.ca946490p+32|664280"),
    (0x4, b"%.1f|%.5e|%.7g|%.8f", &[D(0x3fe16d7000000000), D(0x3fac0c6b851eb852), D(0x3f4192157689ca19), D(0x40c9c57600000000)], b"0.5|5.47823e-02|0.0005362134|13194.92187500"),
    (0x24, b"%.24f|%.2a|%.4f|%.20a", &[D(0x3fa137f62b6ae7d6), D(0x40d1e35400000000), D(0x3f037d07c84b5dcd), D(0x3ff339a800000000)], b"0.033630078125000004152234|0x1.1ep+14|0.0000|0x1.339a8000000000000000p+0"),
    (0x24, b"%.24a|%.25e|%.23f|%.23a", &[D(0x3feb4a28f5c28f5c), D(0x40d38e0600000000), D(0x4054008200000000), D(0x41263a2300000000)], b"0x1.b4a28f5c28f5c00000000000p-1|2.0024093750000000000000000e+04|80.00793457031250000000000|0x1.63a23000000000000000000p+19"),
    (0x4, b"%.18f|%.5f|%.18e|%.5e", &[D(0x404d947800000000), D(0x3fac680400000000), D(0x4048c4fa00000000), D(0x3fc758e000000000)], b"59.159912109375000000|0.05548|4.953887939453125000e+01|1.82400e-01"),
    (0x4, b"%.9e|%.11f|%.21e|%.19e", &[D(0x40f828419999999a), D(0x400fa49000000000), D(0x3fd4fc7000000000), D(0x3f84ecd400000000)], b"9.894810000e+04|3.95535278320|3.279075622558593750000e-01|1.0217338800430297852e-02"),
    (0x4, b"%.23e|%.5f|%.20f|%.0g", &[D(0x40e1890400000000), D(0x40e8f8b340000000), D(0x4050c59600000000), D(0x40c0a0ac00000000)], b"3.59121250000000000000000e+04|51141.60156|67.08728027343750000000|9e+03"),
    (0x4, b"%.1e|%.4g|%.12a|%.7a", &[D(0x40cace1000000000), D(0x400cd74dd2f1a9fc), D(0x3eda600000000000), D(0x404dfb7200000000)], b"1.4e+04|3.605|0x1.a60000000000p-18|0x1.dfb7200p+5"),
    (0x24, b"%.11f|%.15a|%.6a|%.23g", &[D(0x4145bbb880000000), D(0x40648f7333333333), D(0x3faaacc800000000), D(0x3f9cffd200000000)], b"2848625.00000000000|0x1.48f733333333300p+7|0x1.aacc80p-5|0.028319627046585083007812"),
    (0x4, b"%.20f|%.7f|%.12g|%.10e", &[D(0x3f66108000000000), D(0x40701e9a28000000), D(0x3fa3b3bd70a3d70a), D(0x4010c7a800000000)], b"0.00269341468811035156|257.9126358|0.038480682373|4.1949768066e+00"),
    (0x24, b"%.1f|%.21f|%.0e|%.3e", &[D(0x3fe9fd1eb851eb85), D(0x410bf3d400000000), D(0x408dfcf99999999a), D(0x402278dc00000000)], b"0.8|228986.500000000000000000000|1e+03|9.236e+00"),
    (0x4, b"%.16e|%.11f|%.0g|%.17f", &[D(0x3fb694e560418937), D(0x40b0aa0800000000), D(0x40cda51000000000), D(0x3f36f72c00000000)], b"8.8209472656249996e-02|4266.03125000000|2e+04|0.00035042595118284"),
    (0x4, b"%.6f|%.20f|%.2g|%.17g", &[D(0x4108f41800000000), D(0x406c6e6000000000), D(0x3ee3eab367a0f90a), D(0x3f7623d600000000)], b"204419.000000|227.44921875000000000000|9.5e-06|0.0054052695631980896"),
    (0x24, b"%.22e|%.7a|%.10e|%.19a", &[D(0x401890c800000000), D(0x3f86126000000000), D(0x3f207e1000000000), D(0x40f3de9000000000)], b"6.1413879394531250000000e+00|0x1.6126000p-7|1.2582726777e-04|0x1.3de9000000000000000p+16"),
    (0x4, b"%.0a|%.3g|%.13g|%.19f", &[D(0x402b37f000000000), D(0x3fb342f400000000), D(0x41279b4c00000000), D(0x3f59689a00000000)], b"0x2p+3|0.0752|773542|0.0015508178621530533"),
    (0x4, b"%.18f|%.10g|%.2a|%.21g", &[D(0x409d50fc00000000), D(0x411721cd40000000), D(0x41030d2800000000), D(0x40e44bb400000000)], b"1876.246093750000000000|378995.3125|0x1.31p+17|41565.625"),
    (0x4, b"%.21f|%.5e|%.3g|%.20g", &[D(0x40a40fc000000000), D(0x40f47c3a00000000), D(0x40ead01e00000000), D(0x3f73d32c00000000)], b"2567.875000000000000000000|8.39076e+04|5.49e+04|0.0048400610685348510742"),
    (0x4, b"%.23e|%.1f|%.12g|%.6g", &[D(0x4073e35000000000), D(0x3f5035e666666667), D(0x3ff7f43800000000), D(0x3f0a4d7333333334)], b"3.18207031250000000000000e+02|0.0|1.49712371826|5.01681e-05"),
    (0x24, b"%.20e|%.10f|%.11a|%.13a", &[D(0x4015356800000000), D(0x4027995800000000), D(0x40e0552400000000), D(0x4023428400000000)], b"5.30215454101562500000e+00|11.7994995117|0x1.05524000000p+15|0x1.3428400000000p+3"),
    (0x4, b"%.18g|%.13f|%.2f|%.4f", &[D(0x4122554a00000000), D(0x410963ca00000000), D(0x40ed4e3400000000), D(0x40b8da9800000000)], b"600741|207993.2500000000000|60017.63|6362.5938"),
    (0x24, b"%.2f|%.9f|%.20g|%.6e", &[D(0x3ff733c083126e98), D(0x40f3b9b200000000), D(0x4079e39c00000000), D(0x40bf437aa0000000)], b"1.45|80795.125000000|414.2255859375|8.003479e+03"),
    (0x24, b"%.21a|%.19a|%.11a|%.0e", &[D(0x40f0bb5800000000), D(0x4052b7a28f5c28f6), D(0x3fbb2d8c00000000), D(0x41716b0f88000000)], b"0x1.0bb580000000000000000p+16|0x1.2b7a28f5c28f6000000p+6|0x1.b2d8c000000p-4|2e+07"),
    (0x4, b"%.13f|%.9a|%.22e|%.9a", &[D(0x4003637600000000), D(0x40c7720000000000), D(0x3fdb5426e978d4fe), D(0x3ef44425aee631f9)], b"2.4235649108887|0x1.772000000p+13|4.2701123046875000266454e-01|0x1.44425aee6p-16"),
    (0x4, b"%.20f|%.15f|%.11g|%.6f", &[D(0x3f555fe400000000), D(0x4054a74bc6a7ef9e), D(0x40e8701a80000000), D(0x3fe2f2a000000000)], b"0.00130460038781166077|82.614000000000004|50048.828125|0.592117"),
    (0x24, b"%.0f|%.18f|%.13e|%.9f", &[D(0x40ab91999999999a), D(0x405788d400000000), D(0x3fcfcd3000000000), D(0x404d55083126e979)], b"3529|94.137939453125000000|2.4844932556152e-01|58.664312500"),
    (0x4, b"%.7f|%.9e|%.0e|%.15f", &[D(0x40218a2000000000), D(0x401a52c800000000), D(0x3fabca2000000000), D(0x403cae0c00000000)], b"8.7697754|6.580841064e+00|5e-02|28.679870605468750"),
    (0x24, b"%.14f|%.4a|%.1a|%.14f", &[D(0x3f8eef0800000000), D(0x3f99f57800000000), D(0x3f54933800000000), D(0x40852d851eb851ec)], b"0.01510435342789|0x1.9f58p-6|0x1.5p-10|677.69000000000005"),
    (0x4, b"%.6f|%.20f|%.9g|%.9f", &[D(0x4024955000000000), D(0x41174d6c00000000), D(0x402c46083126e979), D(0x3ef17f43419e3002)], b"10.291626|381787.00000000000000000000|14.1367813|0.000016687"),
];

#[rustfmt::skip]
static OPTS_WIDE: &[OptsWideRow] = &[
    (0x4, "[%s][%S][%c][%C][%hs][%ls][%Ts][%ws]", &[W("w"), S(b"n"), I(99), I(67), S(b"h"), W("l"), W("T"), W("ws")], "[w][n][c][C][h][l][T][ws]"),
    (0x4, "[%.0f][%.1e][%f][%F][%e]", &[D(0x4004000000000000), D(0x3fd0000000000000), D(0x7ff0000000000000), D(0xfff0000000000000), D(0x4202a05f20000000)], "[3][2.5e-01][inf][-INF][1.000000e+10]"),
    (0x24, "[%s][%S][%c][%C][%hs][%ls][%Ts][%ws]", &[W("w"), S(b"n"), I(99), I(67), S(b"h"), W("l"), W("T"), W("ws")], "[w][n][c][C][h][l][T][ws]"),
    (0x24, "[%.0f][%.1e][%f][%F][%e]", &[D(0x4004000000000000), D(0x3fd0000000000000), D(0x7ff0000000000000), D(0xfff0000000000000), D(0x4202a05f20000000)], "[2][2.5e-01][inf][-INF][1.000000e+10]"),
    (0xc, "[%s][%S][%c][%C][%hs][%ls][%Ts][%ws]", &[W("w"), S(b"n"), I(99), I(67), S(b"h"), W("l"), W("T"), W("ws")], "[w][n][c][C][h][l][T][ws]"),
    (0xc, "[%.0f][%.1e][%f][%F][%e]", &[D(0x4004000000000000), D(0x3fd0000000000000), D(0x7ff0000000000000), D(0xfff0000000000000), D(0x4202a05f20000000)], "[3][2.5e-01][1.#INF00][][-1.#INF00e+00]"),
    (0x14, "[%s][%S][%c][%C][%hs][%ls][%Ts][%ws]", &[W("w"), S(b"n"), I(99), I(67), S(b"h"), W("l"), W("T"), W("ws")], "[w][n][c][C][h][l][T][ws]"),
    (0x14, "[%.0f][%.1e][%f][%F][%e]", &[D(0x4004000000000000), D(0x3fd0000000000000), D(0x7ff0000000000000), D(0xfff0000000000000), D(0x4202a05f20000000)], "[3][2.5e-001][inf][-INF][1.000000e+010]"),
    (0x1c, "[%s][%S][%c][%C][%hs][%ls][%Ts][%ws]", &[W("w"), S(b"n"), I(99), I(67), S(b"h"), W("l"), W("T"), W("ws")], "[w][n][c][C][h][l][T][ws]"),
    (0x1c, "[%.0f][%.1e][%f][%F][%e]", &[D(0x4004000000000000), D(0x3fd0000000000000), D(0x7ff0000000000000), D(0xfff0000000000000), D(0x4202a05f20000000)], "[3][2.5e-001][1.#INF00][][-1.#INF00e+000]"),
    (0x2c, "[%s][%S][%c][%C][%hs][%ls][%Ts][%ws]", &[W("w"), S(b"n"), I(99), I(67), S(b"h"), W("l"), W("T"), W("ws")], "[w][n][c][C][h][l][T][ws]"),
    (0x2c, "[%.0f][%.1e][%f][%F][%e]", &[D(0x4004000000000000), D(0x3fd0000000000000), D(0x7ff0000000000000), D(0xfff0000000000000), D(0x4202a05f20000000)], "[2][2.5e-01][1.#INF00][][-1.#INF00e+00]"),
    (0x3c, "[%s][%S][%c][%C][%hs][%ls][%Ts][%ws]", &[W("w"), S(b"n"), I(99), I(67), S(b"h"), W("l"), W("T"), W("ws")], "[w][n][c][C][h][l][T][ws]"),
    (0x3c, "[%.0f][%.1e][%f][%F][%e]", &[D(0x4004000000000000), D(0x3fd0000000000000), D(0x7ff0000000000000), D(0xfff0000000000000), D(0x4202a05f20000000)], "[2][2.5e-001][1.#INF00][][-1.#INF00e+000]"),
    (0x0, "[%s][%S][%c][%C][%hs][%ls][%Ts][%ws]", &[S(b"n"), W("w"), I(99), I(67), S(b"h"), W("l"), W("T"), W("ws")], "[n][w][c][C][h][l][T][ws]"),
    (0x0, "[%.0f][%.1e][%f][%F][%e]", &[D(0x4004000000000000), D(0x3fd0000000000000), D(0x7ff0000000000000), D(0xfff0000000000000), D(0x4202a05f20000000)], "[3][2.5e-01][inf][-INF][1.000000e+10]"),
];

/// Deliberate deviations from Wine 8 (see mod.rs); Wine's output in the comment above each row.
#[rustfmt::skip]
static NARROW_DEVIATIONS: &[NarrowRow] = &[
    // Wine 8: b"[ 0.]"
    (M, b"[%.*f]", &[I(-3), D(0x3ff8000000000000)], b"[1.500000]"),
    // Wine 8: b"[ 0.]"
    (U, b"[%.*f]", &[I(-3), D(0x3ff8000000000000)], b"[1.500000]"),
    // Wine 8: b"[0.e+000]"
    (M, b"[%.*e]", &[I(-2), D(0x3ff8000000000000)], b"[1.500000e+000]"),
    // Wine 8: b"[0.e+00]"
    (U, b"[%.*e]", &[I(-2), D(0x3ff8000000000000)], b"[1.500000e+00]"),
    // Wine 8: b"[   0.]"
    (M, b"[%.*g]", &[I(-5), D(0x3ff8000000000000)], b"[1.5]"),
    // Wine 8: b"[   0.]"
    (U, b"[%.*g]", &[I(-5), D(0x3ff8000000000000)], b"[1.5]"),
];

#[rustfmt::skip]
static WIDE_DEVIATIONS: &[WideRow] = &[
    // Wine 8: "[0.][1.#INFE+000]"
    (M, "[%.*f][%.*E]", &[I(-2), D(0x4004000000000000), I(-7), D(0x7ff0000000000000)], "[2.500000][1.#INF00E+000]"),
    // Wine 8: "[0.][INF]"
    (U, "[%.*f][%.*E]", &[I(-2), D(0x4004000000000000), I(-7), D(0x7ff0000000000000)], "[2.500000][INF]"),
];
