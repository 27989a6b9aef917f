//! Engine tests (expectations from Wine 8, as the test app checks them end to end).

use super::*;

/// Arguments from a list of pointers (and `_s` sizes).
struct Slots(Vec<u64>, usize);

impl Args for Slots {
    fn ptr(&mut self) -> *mut u8 {
        self.1 += 1;
        self.0[self.1 - 1] as *mut u8
    }
    fn size(&mut self) -> u32 {
        self.1 += 1;
        self.0[self.1 - 1] as u32
    }
}

fn opt(flavor: Flavor) -> Options {
    Options {
        wide: false,
        secure: false,
        flavor,
    }
}

fn sscan(input: &str, fmt: &str, slots: Vec<u64>, flavor: Flavor) -> i32 {
    let mut i = StrInput::new(input.as_bytes(), usize::MAX);
    scan(&mut i, fmt.as_bytes(), &mut Slots(slots, 0), opt(flavor))
}

fn p<T>(x: &mut T) -> u64 {
    x as *mut T as u64
}

#[test]
fn integers() {
    let m = Flavor::Msvcrt;
    let (mut a, mut b) = (0i32, 0i32);
    assert_eq!(sscan("12 -34", "%d %d", vec![p(&mut a), p(&mut b)], m), 2);
    assert_eq!((a, b), (12, -34));
    assert_eq!(
        sscan(
            "0x1f 017 9",
            "%i %i %i",
            vec![p(&mut a), p(&mut b), p(&mut a)],
            m
        ),
        3
    );
    assert_eq!(b, 15);
    assert_eq!(a, 9);
    assert_eq!(sscan("ff", "%x", vec![p(&mut a)], m), 1);
    assert_eq!(a, 255);
    assert_eq!(sscan("123456", "%3d%d", vec![p(&mut a), p(&mut b)], m), 2);
    assert_eq!((a, b), (123, 456));
    let mut big = 0i64;
    assert_eq!(
        sscan("-9223372036854775808", "%I64d", vec![p(&mut big)], m),
        1
    );
    assert_eq!(big, i64::MIN);
    let mut h = 0x1111_1111u32;
    assert_eq!(sscan("-5", "%hhd", vec![p(&mut h)], m), 1);
    assert_eq!(h, 0xffff_fffb, "msvcrt stores an int for hh");
    h = 0x1111_1111;
    assert_eq!(sscan("-5", "%hhd", vec![p(&mut h)], Flavor::Ucrt), 1);
    assert_eq!(h, 0x1111_11fb, "the UCRT stores a char");
    let mut ptr = 0u64;
    assert_eq!(sscan("0x12AB", "%p", vec![p(&mut ptr)], m), 1);
    assert_eq!(ptr, 0, "%p takes no 0x prefix");
    assert_eq!(sscan("12AB", "%p", vec![p(&mut ptr)], m), 1);
    assert_eq!(ptr, 0x12ab);
}

#[test]
fn end_of_input_rules() {
    let m = Flavor::Msvcrt;
    let mut a = 0i32;
    let mut s = [0u8; 8];
    assert_eq!(sscan("", "%d", vec![p(&mut a)], m), EOF);
    assert_eq!(sscan("   ", "%d", vec![p(&mut a)], m), 0);
    assert_eq!(sscan("  ", "%s", vec![s.as_mut_ptr() as u64], m), EOF);
    assert_eq!(sscan("x", "%d", vec![p(&mut a)], m), 0);
    assert_eq!(sscan("1 ", "%d %d", vec![p(&mut a), p(&mut a)], m), 1);
    assert_eq!(sscan("abc", "", vec![], m), 0);
}

#[test]
fn floats_and_strings() {
    let (m, u) = (Flavor::Msvcrt, Flavor::Ucrt);
    let mut d = 0f64;
    let mut f = 0f32;
    assert_eq!(sscan("1.5e3x", "%lf", vec![p(&mut d)], m), 1);
    assert_eq!(d, 1500.0);
    assert_eq!(sscan("0.1", "%f", vec![p(&mut f)], m), 1);
    assert_eq!(f, 0.1f32);
    assert_eq!(sscan("0x1.8p1", "%lf", vec![p(&mut d)], u), 1);
    assert_eq!(d, 3.0);
    assert_eq!(sscan("0x1.8p1", "%lf", vec![p(&mut d)], m), 1);
    assert_eq!(d, 0.0, "msvcrt reads the 0 only");
    assert_eq!(sscan("-inf", "%lf", vec![p(&mut d)], u), 1);
    assert_eq!(d, f64::NEG_INFINITY);
    assert_eq!(sscan("inf", "%lf", vec![p(&mut d)], m), 0);
    assert_eq!(
        sscan("1e", "%lf", vec![p(&mut d)], m),
        EOF,
        "two characters to give back"
    );
    let mut s = [0u8; 16];
    let mut n = 0i32;
    assert_eq!(
        sscan(
            "  hello world",
            "%s%n",
            vec![s.as_mut_ptr() as u64, p(&mut n)],
            m
        ),
        1
    );
    assert_eq!(&s[..6], b"hello\0");
    assert_eq!(n, 7);
    assert_eq!(
        sscan(
            "abc123",
            "%[a-z]%d",
            vec![s.as_mut_ptr() as u64, p(&mut n)],
            m
        ),
        2
    );
    assert_eq!((&s[..4], n), (&b"abc\0"[..], 123));
    assert_eq!(sscan("x]y", "%[]x]", vec![s.as_mut_ptr() as u64], m), 1);
    assert_eq!(&s[..3], b"x]\0");
    let mut c = [0u8; 4];
    assert_eq!(sscan(" ab", "%2c", vec![c.as_mut_ptr() as u64], m), 1);
    assert_eq!(&c[..2], b" a");
}
