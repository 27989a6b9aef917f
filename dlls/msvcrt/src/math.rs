//! math.h: the libm surface of both DLLs, with IEEE results.
//!
//! Values come from Rust's `f64`/`f32` methods (exact where IEEE requires it: `sqrt`, `fma`,
//! `floor`, `fmod`, ...; glibc's libm otherwise, which std already links: `sin`, `exp`, `pow`,
//! ... are within one ulp, most of them correctly rounded) and, for what std lacks (`erf`,
//! `tgamma`, `lgamma`, Bessel functions, `nextafter`, `remainder`, `logb`, `ldexp`, ...),
//! from glibc's libm directly. No extra crate is needed: the host libm is the one std uses.
//!
//! Errors follow the CRT: the program's `_matherr` (installed with `__setusermatherr`) sees
//! a `struct _exception`; if it returns 0, errno is set (EDOM for _DOMAIN, ERANGE for _SING
//! and _OVERFLOW, nothing for _UNDERFLOW) and the (possibly changed) `retval` is returned.
//! Which inputs are errors is what Wine 8 reports for the same DLL functions (`sqrt(-1)`,
//! `log(0)`, `exp(1000)`, `asin(2)`, `pow(-2, 0.5)`, `sin(inf)`, ...; NaN inputs of `sqrt`
//! and `exp` are domain errors too). The `l` (long double) functions are the double ones,
//! as long double is double on Windows.
//!
//! The classification functions of each DLL are here too: `_fpclass`, `_isnan`, `_finite`,
//! and the UCRT's `_dclass`/`_dsign`/`_dtest` (and `_fd*`, `_ld*`), which msvcrt.dll lacks.

use crate::errno::{EDOM, ERANGE, set_errno};
use dllcore::export;
use std::ffi::CStr;

/// glibc's libm (linked by std).
mod libm {
    unsafe extern "C" {
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn erff(x: f32) -> f32;
        pub fn erfcf(x: f32) -> f32;
        pub fn tgamma(x: f64) -> f64;
        pub fn tgammaf(x: f32) -> f32;
        pub fn lgamma_r(x: f64, sign: *mut i32) -> f64;
        pub fn lgammaf_r(x: f32, sign: *mut i32) -> f32;
        pub fn j0(x: f64) -> f64;
        pub fn j1(x: f64) -> f64;
        pub fn jn(n: i32, x: f64) -> f64;
        pub fn y0(x: f64) -> f64;
        pub fn y1(x: f64) -> f64;
        pub fn yn(n: i32, x: f64) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
        pub fn nextafterf(x: f32, y: f32) -> f32;
        pub fn remainder(x: f64, y: f64) -> f64;
        pub fn remainderf(x: f32, y: f32) -> f32;
        pub fn remquo(x: f64, y: f64, q: *mut i32) -> f64;
        pub fn remquof(x: f32, y: f32, q: *mut i32) -> f32;
        pub fn logb(x: f64) -> f64;
        pub fn logbf(x: f32) -> f32;
        pub fn ilogb(x: f64) -> i32;
        pub fn scalbn(x: f64, n: i32) -> f64;
        pub fn scalbnf(x: f32, n: i32) -> f32;
        pub fn frexp(x: f64, e: *mut i32) -> f64;
        pub fn frexpf(x: f32, e: *mut i32) -> f32;
    }
}

/// `_DOMAIN` ... `_PLOSS`: the `type` of a `struct _exception`.
pub const DOMAIN: i32 = 1;
pub const SING: i32 = 2;
pub const OVERFLOW: i32 = 3;
pub const UNDERFLOW: i32 = 4;

/// `struct _exception`, what `_matherr` receives.
#[repr(C)]
pub struct Exception {
    pub kind: i32,
    pub name: *const u8,
    pub arg1: f64,
    pub arg2: f64,
    pub retval: f64,
}

/// Report a math error (see the module comment); returns the value to return.
pub fn math_error(kind: i32, name: &'static CStr, arg1: f64, arg2: f64, retval: f64) -> f64 {
    let mut e = Exception {
        kind,
        name: name.as_ptr().cast(),
        arg1,
        arg2,
        retval,
    };
    let h = crate::startup::user_matherr();
    if h != 0 {
        // SAFETY: the program's `int _matherr(struct _exception *)`.
        let f: unsafe extern "win64" fn(*mut Exception) -> i32 = unsafe { std::mem::transmute(h) };
        if unsafe { f(&mut e) } != 0 {
            return e.retval;
        }
    }
    match kind {
        DOMAIN => set_errno(EDOM),
        SING | OVERFLOW => set_errno(ERANGE),
        _ => {}
    }
    e.retval
}

/// The "indefinite" NaN SSE produces for invalid operations (prints as "-nan(ind)").
const IND: f64 = f64::from_bits(0xfff8_0000_0000_0000);
const INDF: f32 = f32::from_bits(0xffc0_0000);

// ---- functions with error checks ------------------------------------------------------------

/// sqrt: correctly rounded; x < 0 (or NaN) is a domain error.
#[export]
pub extern "win64" fn sqrt(x: f64) -> f64 {
    if x < 0.0 {
        return math_error(DOMAIN, c"sqrt", x, 0.0, IND);
    }
    if x.is_nan() {
        return math_error(DOMAIN, c"sqrt", x, 0.0, x);
    }
    x.sqrt()
}

/// sqrtf.
#[export]
pub extern "win64" fn sqrtf(x: f32) -> f32 {
    if x < 0.0 {
        return math_error(DOMAIN, c"sqrtf", x as f64, 0.0, IND) as f32;
    }
    x.sqrt()
}

fn log_common(x: f64, name: &'static CStr, f: fn(f64) -> f64) -> f64 {
    if x < 0.0 {
        return math_error(DOMAIN, name, x, 0.0, f64::NAN);
    }
    if x == 0.0 {
        return math_error(SING, name, x, 0.0, f64::NEG_INFINITY);
    }
    f(x)
}

/// log: x < 0 is a domain error, 0 a singularity (-inf, ERANGE).
#[export]
pub extern "win64" fn log(x: f64) -> f64 {
    log_common(x, c"log", f64::ln)
}

/// log10.
#[export]
pub extern "win64" fn log10(x: f64) -> f64 {
    log_common(x, c"log10", f64::log10)
}

/// log2 (no error reports).
#[export]
pub extern "win64" fn log2(x: f64) -> f64 {
    x.log2()
}

/// logf.
#[export]
pub extern "win64" fn logf(x: f32) -> f32 {
    if x < 0.0 {
        return math_error(DOMAIN, c"logf", x as f64, 0.0, f64::NAN) as f32;
    }
    if x == 0.0 {
        return math_error(SING, c"logf", x as f64, 0.0, f64::NEG_INFINITY) as f32;
    }
    x.ln()
}

/// log10f.
#[export]
pub extern "win64" fn log10f(x: f32) -> f32 {
    if x < 0.0 {
        return math_error(DOMAIN, c"log10f", x as f64, 0.0, f64::NAN) as f32;
    }
    if x == 0.0 {
        return math_error(SING, c"log10f", x as f64, 0.0, f64::NEG_INFINITY) as f32;
    }
    x.log10()
}

/// exp: overflow is reported (ERANGE); a NaN argument is a domain error.
#[export]
pub extern "win64" fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return math_error(DOMAIN, c"exp", x, 0.0, x);
    }
    let r = x.exp();
    if r.is_infinite() && x.is_finite() {
        return math_error(OVERFLOW, c"exp", x, 0.0, r);
    }
    r
}

/// expf.
#[export]
pub extern "win64" fn expf(x: f32) -> f32 {
    let r = x.exp();
    if r.is_infinite() && x.is_finite() {
        return math_error(OVERFLOW, c"expf", x as f64, 0.0, r as f64) as f32;
    }
    r
}

/// pow: a negative base with a non-integer exponent is a domain error.
#[export]
pub extern "win64" fn pow(x: f64, y: f64) -> f64 {
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return math_error(DOMAIN, c"pow", x, y, IND);
    }
    x.powf(y)
}

/// powf.
#[export]
pub extern "win64" fn powf(x: f32, y: f32) -> f32 {
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return math_error(DOMAIN, c"powf", x as f64, y as f64, IND) as f32;
    }
    x.powf(y)
}

macro_rules! trig {
    ($($(#[$m:meta])* $name:ident, $fname:ident: $f:ident, $nan:expr, $nanf:expr;)*) => {$(
        $(#[$m])*
        #[export]
        pub extern "win64" fn $name(x: f64) -> f64 {
            if x.is_infinite() {
                return math_error(DOMAIN, CStr::from_bytes_with_nul(concat!(stringify!($name), "\0").as_bytes()).unwrap(), x, 0.0, $nan);
            }
            x.$f()
        }

        /// The float version.
        #[export]
        pub extern "win64" fn $fname(x: f32) -> f32 {
            if x.is_infinite() {
                return math_error(DOMAIN, CStr::from_bytes_with_nul(concat!(stringify!($fname), "\0").as_bytes()).unwrap(), x as f64, 0.0, $nanf as f64) as f32;
            }
            x.$f()
        }
    )*};
}

trig! {
    /// sin: an infinite argument is a domain error.
    sin, sinf: sin, f64::NAN, f32::NAN;
    /// cos.
    cos, cosf: cos, f64::NAN, f32::NAN;
    /// tan.
    tan, tanf: tan, IND, INDF;
}

macro_rules! arc {
    ($($(#[$m:meta])* $name:ident, $fname:ident: $f:ident;)*) => {$(
        $(#[$m])*
        #[export]
        pub extern "win64" fn $name(x: f64) -> f64 {
            if x.abs() > 1.0 {
                return math_error(DOMAIN, CStr::from_bytes_with_nul(concat!(stringify!($name), "\0").as_bytes()).unwrap(), x, 0.0, IND);
            }
            x.$f()
        }

        /// The float version.
        #[export]
        pub extern "win64" fn $fname(x: f32) -> f32 {
            if x.abs() > 1.0 {
                return math_error(DOMAIN, CStr::from_bytes_with_nul(concat!(stringify!($fname), "\0").as_bytes()).unwrap(), x as f64, 0.0, IND) as f32;
            }
            x.$f()
        }
    )*};
}

arc! {
    /// asin: |x| > 1 is a domain error.
    asin, asinf: asin;
    /// acos.
    acos, acosf: acos;
}

/// fmod: exact; fmod(x, 0) is the indefinite NaN (no error report, as Wine 8).
#[export]
pub extern "win64" fn fmod(x: f64, y: f64) -> f64 {
    if y == 0.0 && !x.is_nan() {
        return IND;
    }
    x % y
}

/// fmodf.
#[export]
pub extern "win64" fn fmodf(x: f32, y: f32) -> f32 {
    if y == 0.0 && !x.is_nan() {
        return INDF;
    }
    x % y
}

/// ldexp: x * 2^e exactly (rounded once when subnormal); overflow sets ERANGE.
#[export]
pub extern "win64" fn ldexp(x: f64, e: i32) -> f64 {
    let r = unsafe { libm::scalbn(x, e) };
    if (r.is_infinite() && x.is_finite()) || (r == 0.0 && x != 0.0) {
        set_errno(ERANGE);
    }
    r
}

/// frexp: the mantissa in [0.5, 1) and the exponent (0 for 0, inf and NaN).
#[export]
pub unsafe extern "win64" fn frexp(x: f64, e: *mut i32) -> f64 {
    let mut ex = 0;
    let r = unsafe { libm::frexp(x, &mut ex) };
    if !e.is_null() {
        unsafe { *e = if x.is_finite() { ex } else { 0 } };
    }
    r
}

/// frexpf (UCRT inline in the headers; exported for completeness).
#[export]
pub unsafe extern "win64" fn frexpf(x: f32, e: *mut i32) -> f32 {
    let mut ex = 0;
    let r = unsafe { libm::frexpf(x, &mut ex) };
    if !e.is_null() {
        unsafe { *e = if x.is_finite() { ex } else { 0 } };
    }
    r
}

/// modf: the fraction, with the integer part through `ip` (both with x's sign).
#[export]
pub unsafe extern "win64" fn modf(x: f64, ip: *mut f64) -> f64 {
    let i = x.trunc();
    if !ip.is_null() {
        unsafe { *ip = i };
    }
    if x.is_infinite() {
        0.0f64.copysign(x)
    } else {
        (x - i).copysign(x)
    }
}

/// modff.
#[export]
pub unsafe extern "win64" fn modff(x: f32, ip: *mut f32) -> f32 {
    let i = x.trunc();
    if !ip.is_null() {
        unsafe { *ip = i };
    }
    if x.is_infinite() {
        0.0f32.copysign(x)
    } else {
        (x - i).copysign(x)
    }
}

/// _logb: the unbiased exponent; 0 is a singularity (-inf, ERANGE).
#[export]
pub extern "win64" fn _logb(x: f64) -> f64 {
    if x == 0.0 {
        return math_error(SING, c"_logb", x, 0.0, f64::NEG_INFINITY);
    }
    unsafe { libm::logb(x) }
}

/// _logbf.
#[export]
pub extern "win64" fn _logbf(x: f32) -> f32 {
    if x == 0.0 {
        return math_error(SING, c"_logbf", x as f64, 0.0, f64::NEG_INFINITY) as f32;
    }
    unsafe { libm::logbf(x) }
}

/// _scalb: x * 2^e; overflow is reported as `ldexp`'s (as Wine 8 names it).
#[export]
pub extern "win64" fn _scalb(x: f64, e: i32) -> f64 {
    let r = unsafe { libm::scalbn(x, e) };
    if r.is_infinite() && x.is_finite() {
        return math_error(OVERFLOW, c"ldexp", x, e as f64, r);
    }
    r
}

/// _scalbf.
#[export]
pub extern "win64" fn _scalbf(x: f32, e: i32) -> f32 {
    let r = unsafe { libm::scalbnf(x, e) };
    if r.is_infinite() && x.is_finite() {
        return math_error(OVERFLOW, c"ldexp", x as f64, e as f64, r as f64) as f32;
    }
    r
}

/// _nextafter: the next representable value toward `y`; ERANGE when it overflows.
#[export]
pub extern "win64" fn _nextafter(x: f64, y: f64) -> f64 {
    let r = unsafe { libm::nextafter(x, y) };
    if r.is_infinite() && x.is_finite() {
        set_errno(ERANGE);
    }
    r
}

/// _nextafterf.
#[export]
pub extern "win64" fn _nextafterf(x: f32, y: f32) -> f32 {
    let r = unsafe { libm::nextafterf(x, y) };
    if r.is_infinite() && x.is_finite() {
        set_errno(ERANGE);
    }
    r
}

/// nextafter (UCRT).
#[export]
pub extern "win64" fn nextafter(x: f64, y: f64) -> f64 {
    _nextafter(x, y)
}

/// nextafterf.
#[export]
pub extern "win64" fn nextafterf(x: f32, y: f32) -> f32 {
    _nextafterf(x, y)
}

/// nexttoward (long double is double).
#[export]
pub extern "win64" fn nexttoward(x: f64, y: f64) -> f64 {
    _nextafter(x, y)
}

/// nexttowardf.
#[export]
pub extern "win64" fn nexttowardf(x: f32, y: f64) -> f32 {
    let t = if (x as f64) < y {
        f32::INFINITY
    } else if (x as f64) > y {
        f32::NEG_INFINITY
    } else {
        return y as f32;
    };
    _nextafterf(x, t)
}

fn bessel_y(x: f64, name: &'static CStr, f: impl Fn(f64) -> f64) -> f64 {
    if x < 0.0 {
        return math_error(DOMAIN, name, x, 0.0, IND);
    }
    if x == 0.0 {
        return math_error(OVERFLOW, name, x, 0.0, f64::NEG_INFINITY);
    }
    f(x)
}

/// _j0: Bessel function of the first kind, order 0.
#[export]
pub extern "win64" fn _j0(x: f64) -> f64 {
    unsafe { libm::j0(x) }
}

/// _j1.
#[export]
pub extern "win64" fn _j1(x: f64) -> f64 {
    unsafe { libm::j1(x) }
}

/// _jn.
#[export]
pub extern "win64" fn _jn(n: i32, x: f64) -> f64 {
    unsafe { libm::jn(n, x) }
}

/// _y0: second kind; x < 0 is a domain error, 0 gives -inf (ERANGE).
#[export]
pub extern "win64" fn _y0(x: f64) -> f64 {
    bessel_y(x, c"_y0", |x| unsafe { libm::y0(x) })
}

/// _y1.
#[export]
pub extern "win64" fn _y1(x: f64) -> f64 {
    bessel_y(x, c"_y1", |x| unsafe { libm::y1(x) })
}

/// _yn.
#[export]
pub extern "win64" fn _yn(n: i32, x: f64) -> f64 {
    bessel_y(x, c"_yn", |x| unsafe { libm::yn(n, x) })
}

/// acosh: x < 1 is a domain error.
#[export]
pub extern "win64" fn acosh(x: f64) -> f64 {
    if x < 1.0 {
        return math_error(DOMAIN, c"acosh", x, 0.0, f64::NAN);
    }
    x.acosh()
}

/// acoshf.
#[export]
pub extern "win64" fn acoshf(x: f32) -> f32 {
    if x < 1.0 {
        return math_error(DOMAIN, c"acoshf", x as f64, 0.0, f64::NAN) as f32;
    }
    x.acosh()
}

/// atanh: |x| > 1 is EDOM, ±1 gives ±inf with ERANGE (no `_matherr` call, as Wine 8).
#[export]
pub extern "win64" fn atanh(x: f64) -> f64 {
    if x.abs() > 1.0 {
        set_errno(EDOM);
        return f64::NAN;
    }
    if x.abs() == 1.0 {
        set_errno(ERANGE);
        return f64::INFINITY.copysign(x);
    }
    x.atanh()
}

/// atanhf.
#[export]
pub extern "win64" fn atanhf(x: f32) -> f32 {
    atanh(x as f64) as f32
}

/// tgamma: poles at negative integers are EDOM (NaN); tgamma(±0) is ±inf.
#[export]
pub extern "win64" fn tgamma(x: f64) -> f64 {
    if x < 0.0 && x.fract() == 0.0 || x == f64::NEG_INFINITY {
        set_errno(EDOM);
        return f64::NAN;
    }
    unsafe { libm::tgamma(x) }
}

/// tgammaf.
#[export]
pub extern "win64" fn tgammaf(x: f32) -> f32 {
    if x < 0.0 && x.fract() == 0.0 || x == f32::NEG_INFINITY {
        set_errno(EDOM);
        return f32::NAN;
    }
    unsafe { libm::tgammaf(x) }
}

/// lgamma: log |gamma(x)|; the poles (0 and negative integers) give +inf.
#[export]
pub extern "win64" fn lgamma(x: f64) -> f64 {
    let mut s = 0;
    unsafe { libm::lgamma_r(x, &mut s) }
}

/// lgammaf.
#[export]
pub extern "win64" fn lgammaf(x: f32) -> f32 {
    let mut s = 0;
    unsafe { libm::lgammaf_r(x, &mut s) }
}

/// expm1: overflow is reported as `exp`'s.
#[export]
pub extern "win64" fn expm1(x: f64) -> f64 {
    let r = x.exp_m1();
    if r.is_infinite() && x.is_finite() {
        return math_error(OVERFLOW, c"exp", x, 0.0, r);
    }
    r
}

/// expm1f.
#[export]
pub extern "win64" fn expm1f(x: f32) -> f32 {
    expm1(x as f64) as f32
}

// ---- functions without error checks ---------------------------------------------------------

macro_rules! plain1 {
    ($($(#[$m:meta])* $name:ident: $t:ty => $e:expr;)*) => {$(
        $(#[$m])*
        #[export]
        pub extern "win64" fn $name(x: $t) -> $t {
            let f: fn($t) -> $t = $e;
            f(x)
        }
    )*};
}

plain1! {
    /// atan.
    atan: f64 => f64::atan;
    /// atanf.
    atanf: f32 => f32::atan;
    /// sinh.
    sinh: f64 => f64::sinh;
    /// sinhf.
    sinhf: f32 => f32::sinh;
    /// cosh.
    cosh: f64 => f64::cosh;
    /// coshf.
    coshf: f32 => f32::cosh;
    /// tanh.
    tanh: f64 => f64::tanh;
    /// tanhf.
    tanhf: f32 => f32::tanh;
    /// asinh.
    asinh: f64 => f64::asinh;
    /// asinhf.
    asinhf: f32 => f32::asinh;
    /// fabs.
    fabs: f64 => f64::abs;
    /// fabsf.
    fabsf: f32 => f32::abs;
    /// floor.
    floor: f64 => f64::floor;
    /// floorf.
    floorf: f32 => f32::floor;
    /// ceil.
    ceil: f64 => f64::ceil;
    /// ceilf.
    ceilf: f32 => f32::ceil;
    /// round: halves away from zero.
    round: f64 => f64::round;
    /// roundf.
    roundf: f32 => f32::round;
    /// trunc.
    trunc: f64 => f64::trunc;
    /// truncf.
    truncf: f32 => f32::trunc;
    /// cbrt.
    cbrt: f64 => f64::cbrt;
    /// cbrtf.
    cbrtf: f32 => f32::cbrt;
    /// exp2.
    exp2: f64 => f64::exp2;
    /// exp2f.
    exp2f: f32 => f32::exp2;
    /// log2f.
    log2f: f32 => f32::log2;
    /// log1p.
    log1p: f64 => f64::ln_1p;
    /// log1pf.
    log1pf: f32 => f32::ln_1p;
    /// logb.
    logb: f64 => |x| unsafe { libm::logb(x) };
    /// logbf.
    logbf: f32 => |x| unsafe { libm::logbf(x) };
    /// erf.
    erf: f64 => |x| unsafe { libm::erf(x) };
    /// erff.
    erff: f32 => |x| unsafe { libm::erff(x) };
    /// erfc.
    erfc: f64 => |x| unsafe { libm::erfc(x) };
    /// erfcf.
    erfcf: f32 => |x| unsafe { libm::erfcf(x) };
    /// rint: rounds in the current rounding mode.
    rint: f64 => |x| round_mode(x, current_rounding());
    /// rintf.
    rintf: f32 => |x| round_mode(x as f64, current_rounding()) as f32;
    /// nearbyint: as rint.
    nearbyint: f64 => |x| round_mode(x, current_rounding());
    /// nearbyintf.
    nearbyintf: f32 => |x| round_mode(x as f64, current_rounding()) as f32;
    /// _chgsign: the negation (also of zeros and NaNs).
    _chgsign: f64 => |x| -x;
    /// _chgsignf.
    _chgsignf: f32 => |x| -x;
}

macro_rules! plain2 {
    ($($(#[$m:meta])* $name:ident: $t:ty => $e:expr;)*) => {$(
        $(#[$m])*
        #[export]
        pub extern "win64" fn $name(x: $t, y: $t) -> $t {
            let f: fn($t, $t) -> $t = $e;
            f(x, y)
        }
    )*};
}

plain2! {
    /// atan2.
    atan2: f64 => f64::atan2;
    /// atan2f.
    atan2f: f32 => f32::atan2;
    /// hypot: without undue overflow.
    hypot: f64 => f64::hypot;
    /// _hypot.
    _hypot: f64 => f64::hypot;
    /// _hypotf.
    _hypotf: f32 => f32::hypot;
    /// hypotf.
    hypotf: f32 => f32::hypot;
    /// copysign.
    copysign: f64 => f64::copysign;
    /// copysignf.
    copysignf: f32 => f32::copysign;
    /// _copysign.
    _copysign: f64 => f64::copysign;
    /// _copysignf.
    _copysignf: f32 => f32::copysign;
    /// fmax: the larger, ignoring a NaN.
    fmax: f64 => f64::max;
    /// fmaxf.
    fmaxf: f32 => f32::max;
    /// fmin: the smaller, ignoring a NaN.
    fmin: f64 => f64::min;
    /// fminf.
    fminf: f32 => f32::min;
    /// fdim: x - y when positive, else +0.
    fdim: f64 => |x, y| if x.is_nan() || y.is_nan() { x + y } else if x > y { x - y } else { 0.0 };
    /// fdimf.
    fdimf: f32 => |x, y| if x.is_nan() || y.is_nan() { x + y } else if x > y { x - y } else { 0.0 };
    /// remainder: x - n*y with n the nearest integer (ties to even); exact.
    remainder: f64 => |x, y| unsafe { libm::remainder(x, y) };
    /// remainderf.
    remainderf: f32 => |x, y| unsafe { libm::remainderf(x, y) };
}

/// fma: x*y + z rounded once.
#[export]
pub extern "win64" fn fma(x: f64, y: f64, z: f64) -> f64 {
    x.mul_add(y, z)
}

/// fmaf.
#[export]
pub extern "win64" fn fmaf(x: f32, y: f32, z: f32) -> f32 {
    x.mul_add(y, z)
}

/// remquo: `remainder`, and the low bits (at least 3) of the quotient with its sign.
#[export]
pub unsafe extern "win64" fn remquo(x: f64, y: f64, q: *mut i32) -> f64 {
    let mut n = 0;
    let r = unsafe { libm::remquo(x, y, &mut n) };
    if !q.is_null() {
        unsafe { *q = n };
    }
    r
}

/// remquof.
#[export]
pub unsafe extern "win64" fn remquof(x: f32, y: f32, q: *mut i32) -> f32 {
    let mut n = 0;
    let r = unsafe { libm::remquof(x, y, &mut n) };
    if !q.is_null() {
        unsafe { *q = n };
    }
    r
}

/// scalbn: x * 2^n.
#[export]
pub extern "win64" fn scalbn(x: f64, n: i32) -> f64 {
    unsafe { libm::scalbn(x, n) }
}

/// scalbnf.
#[export]
pub extern "win64" fn scalbnf(x: f32, n: i32) -> f32 {
    unsafe { libm::scalbnf(x, n) }
}

/// scalbln (long is 32-bit).
#[export]
pub extern "win64" fn scalbln(x: f64, n: i32) -> f64 {
    unsafe { libm::scalbn(x, n) }
}

/// scalblnf.
#[export]
pub extern "win64" fn scalblnf(x: f32, n: i32) -> f32 {
    unsafe { libm::scalbnf(x, n) }
}

/// ilogb: the exponent as an int (FP_ILOGB0 = INT_MIN for 0, FP_ILOGBNAN = INT_MAX for NaN).
#[export]
pub extern "win64" fn ilogb(x: f64) -> i32 {
    if x == 0.0 {
        i32::MIN
    } else if x.is_nan() {
        i32::MAX
    } else {
        unsafe { libm::ilogb(x) }
    }
}

/// ilogbf.
#[export]
pub extern "win64" fn ilogbf(x: f32) -> i32 {
    ilogb(x as f64)
}

/// The SSE rounding mode (MXCSR bits 13-14): 0 nearest, 1 down, 2 up, 3 toward zero.
pub fn current_rounding() -> u32 {
    (crate::fpu::get_mxcsr() >> 13) & 3
}

/// Round to an integer in the given SSE rounding mode.
pub fn round_mode(x: f64, mode: u32) -> f64 {
    match mode {
        1 => x.floor(),
        2 => x.ceil(),
        3 => x.trunc(),
        _ => x.round_ties_even(),
    }
}

/// An integer conversion's result: out of range (or NaN) gives the "integer indefinite"
/// value, the smallest integer, as the SSE conversions do.
fn to_int<T: TryFrom<i128> + Copy>(r: f64, min: T) -> T {
    if r.is_nan() || r.abs() >= 9.3e18 * 2.0 {
        return min;
    }
    T::try_from(r as i128).unwrap_or(min)
}

/// lrint.
#[export]
pub extern "win64" fn lrint(x: f64) -> i32 {
    to_int(round_mode(x, current_rounding()), i32::MIN)
}

/// lrintf.
#[export]
pub extern "win64" fn lrintf(x: f32) -> i32 {
    lrint(x as f64)
}

/// llrint.
#[export]
pub extern "win64" fn llrint(x: f64) -> i64 {
    to_int(round_mode(x, current_rounding()), i64::MIN)
}

/// llrintf.
#[export]
pub extern "win64" fn llrintf(x: f32) -> i64 {
    llrint(x as f64)
}

/// lround: halves away from zero.
#[export]
pub extern "win64" fn lround(x: f64) -> i32 {
    to_int(x.round(), i32::MIN)
}

/// lroundf.
#[export]
pub extern "win64" fn lroundf(x: f32) -> i32 {
    lround(x as f64)
}

/// llround.
#[export]
pub extern "win64" fn llround(x: f64) -> i64 {
    to_int(x.round(), i64::MIN)
}

/// llroundf.
#[export]
pub extern "win64" fn llroundf(x: f32) -> i64 {
    llround(x as f64)
}

/// nan: a quiet NaN (the indefinite one, as Wine 8 gives; the text is not used).
#[export]
pub unsafe extern "win64" fn nan(_tag: *const u8) -> f64 {
    IND
}

/// nanf.
#[export]
pub unsafe extern "win64" fn nanf(_tag: *const u8) -> f32 {
    INDF
}

/// `struct _complex`: what `_cabs` takes.
#[repr(C)]
pub struct Complex {
    pub x: f64,
    pub y: f64,
}

/// _cabs: the modulus (the 16-byte struct arrives by reference, as the x64 ABI passes it).
#[export]
pub unsafe extern "win64" fn _cabs(z: *const Complex) -> f64 {
    unsafe { (*z).x.hypot((*z).y) }
}

// ---- long double (= double) ------------------------------------------------------------------

macro_rules! long_aliases {
    ($($lname:ident => $f:ident($($a:ident: $t:ty),*) -> $r:ty;)*) => {$(
        /// The long double version (long double is double).
        #[export(only = crate::UCRT)]
        pub extern "win64" fn $lname($($a: $t),*) -> $r {
            $f($($a),*)
        }
    )*};
}

long_aliases! {
    acoshl => acosh(x: f64) -> f64;
    asinhl => asinh(x: f64) -> f64;
    atanhl => atanh(x: f64) -> f64;
    cbrtl => cbrt(x: f64) -> f64;
    copysignl => copysign(x: f64, y: f64) -> f64;
    erfl => erf(x: f64) -> f64;
    erfcl => erfc(x: f64) -> f64;
    exp2l => exp2(x: f64) -> f64;
    expm1l => expm1(x: f64) -> f64;
    fdiml => fdim(x: f64, y: f64) -> f64;
    fmal => fma(x: f64, y: f64, z: f64) -> f64;
    fmaxl => fmax(x: f64, y: f64) -> f64;
    fminl => fmin(x: f64, y: f64) -> f64;
    ilogbl => ilogb(x: f64) -> i32;
    lgammal => lgamma(x: f64) -> f64;
    llrintl => llrint(x: f64) -> i64;
    llroundl => llround(x: f64) -> i64;
    log1pl => log1p(x: f64) -> f64;
    log2l => log2(x: f64) -> f64;
    logbl => logb(x: f64) -> f64;
    lrintl => lrint(x: f64) -> i32;
    lroundl => lround(x: f64) -> i32;
    nearbyintl => nearbyint(x: f64) -> f64;
    nextafterl => nextafter(x: f64, y: f64) -> f64;
    nexttowardl => nexttoward(x: f64, y: f64) -> f64;
    remainderl => remainder(x: f64, y: f64) -> f64;
    rintl => rint(x: f64) -> f64;
    roundl => round(x: f64) -> f64;
    scalblnl => scalbln(x: f64, n: i32) -> f64;
    scalbnl => scalbn(x: f64, n: i32) -> f64;
    tgammal => tgamma(x: f64) -> f64;
    truncl => trunc(x: f64) -> f64;
}

/// remquol.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn remquol(x: f64, y: f64, q: *mut i32) -> f64 {
    unsafe { remquo(x, y, q) }
}

/// nanl.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn nanl(tag: *const u8) -> f64 {
    unsafe { nan(tag) }
}

// ---- classification ---------------------------------------------------------------------------

pub const FPCLASS_SNAN: i32 = 0x1;
pub const FPCLASS_QNAN: i32 = 0x2;
pub const FPCLASS_NINF: i32 = 0x4;
pub const FPCLASS_NN: i32 = 0x8;
pub const FPCLASS_ND: i32 = 0x10;
pub const FPCLASS_NZ: i32 = 0x20;
pub const FPCLASS_PZ: i32 = 0x40;
pub const FPCLASS_PD: i32 = 0x80;
pub const FPCLASS_PN: i32 = 0x100;
pub const FPCLASS_PINF: i32 = 0x200;

/// _fpclass: the `_FPCLASS_*` bit of x.
#[export]
pub extern "win64" fn _fpclass(x: f64) -> i32 {
    let neg = x.is_sign_negative();
    use std::num::FpCategory::*;
    match x.classify() {
        Nan if x.to_bits() & (1 << 51) == 0 => FPCLASS_SNAN,
        Nan => FPCLASS_QNAN,
        Infinite => {
            if neg {
                FPCLASS_NINF
            } else {
                FPCLASS_PINF
            }
        }
        Normal => {
            if neg {
                FPCLASS_NN
            } else {
                FPCLASS_PN
            }
        }
        Subnormal => {
            if neg {
                FPCLASS_ND
            } else {
                FPCLASS_PD
            }
        }
        Zero => {
            if neg {
                FPCLASS_NZ
            } else {
                FPCLASS_PZ
            }
        }
    }
}

/// _fpclassf.
#[export]
pub extern "win64" fn _fpclassf(x: f32) -> i32 {
    let neg = x.is_sign_negative();
    use std::num::FpCategory::*;
    match x.classify() {
        Nan if x.to_bits() & (1 << 22) == 0 => FPCLASS_SNAN,
        Nan => FPCLASS_QNAN,
        Infinite => {
            if neg {
                FPCLASS_NINF
            } else {
                FPCLASS_PINF
            }
        }
        Normal => {
            if neg {
                FPCLASS_NN
            } else {
                FPCLASS_PN
            }
        }
        Subnormal => {
            if neg {
                FPCLASS_ND
            } else {
                FPCLASS_PD
            }
        }
        Zero => {
            if neg {
                FPCLASS_NZ
            } else {
                FPCLASS_PZ
            }
        }
    }
}

/// _isnan.
#[export]
pub extern "win64" fn _isnan(x: f64) -> i32 {
    x.is_nan() as i32
}

/// _isnanf.
#[export]
pub extern "win64" fn _isnanf(x: f32) -> i32 {
    x.is_nan() as i32
}

/// _finite: neither infinite nor NaN.
#[export]
pub extern "win64" fn _finite(x: f64) -> i32 {
    x.is_finite() as i32
}

/// _finitef.
#[export]
pub extern "win64" fn _finitef(x: f32) -> i32 {
    x.is_finite() as i32
}

/// The UCRT's `FP_*` classes: FP_INFINITE 1, FP_NAN 2, FP_NORMAL -1, FP_SUBNORMAL -2,
/// FP_ZERO 0.
fn dclass(c: std::num::FpCategory) -> i16 {
    use std::num::FpCategory::*;
    match c {
        Infinite => 1,
        Nan => 2,
        Normal => -1,
        Subnormal => -2,
        Zero => 0,
    }
}

/// _dclass (UCRT; what `fpclassify` calls).
#[export(only = crate::UCRT)]
pub extern "win64" fn _dclass(x: f64) -> i16 {
    dclass(x.classify())
}

/// _fdclass.
#[export(only = crate::UCRT)]
pub extern "win64" fn _fdclass(x: f32) -> i16 {
    dclass(x.classify())
}

/// _ldclass.
#[export(only = crate::UCRT)]
pub extern "win64" fn _ldclass(x: f64) -> i16 {
    dclass(x.classify())
}

/// _dsign: non-zero (0x8000, the sign bit of the top 16 bits) for a negative sign.
#[export(only = crate::UCRT)]
pub extern "win64" fn _dsign(x: f64) -> i32 {
    ((x.to_bits() >> 48) & 0x8000) as i32
}

/// _fdsign.
#[export(only = crate::UCRT)]
pub extern "win64" fn _fdsign(x: f32) -> i32 {
    ((x.to_bits() >> 16) & 0x8000) as i32
}

/// _ldsign.
#[export(only = crate::UCRT)]
pub extern "win64" fn _ldsign(x: f64) -> i32 {
    _dsign(x)
}

/// _dtest: `_dclass` through a pointer.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn _dtest(x: *const f64) -> i16 {
    dclass(unsafe { *x }.classify())
}

/// _fdtest.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn _fdtest(x: *const f32) -> i16 {
    dclass(unsafe { *x }.classify())
}

/// _ldtest.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn _ldtest(x: *const f64) -> i16 {
    dclass(unsafe { *x }.classify())
}

/// _d_int: drop the fraction of `*x` below 2^-`exp`... (UCRT internal helper): truncate
/// `*x` to an integer, returning FP_NAN/FP_INFINITE/0 or -1 when bits were dropped.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn _d_int(x: *mut f64, _exp: i16) -> i16 {
    let v = unsafe { *x };
    if !v.is_finite() {
        return dclass(v.classify());
    }
    let t = v.trunc();
    unsafe { *x = t };
    if t == v { 0 } else { -1 }
}

/// _set_SSE2_enable: SSE2 is always used on x64; returns the flag given.
#[export]
pub extern "win64" fn _set_SSE2_enable(flag: i32) -> i32 {
    flag
}

/// _get_FMA3_enable: not used (0).
#[export(only = crate::UCRT)]
pub extern "win64" fn _get_FMA3_enable() -> i32 {
    0
}

/// _set_FMA3_enable: accepted, returns 0 (FMA3 code paths are not used).
#[export(only = crate::UCRT)]
pub extern "win64" fn _set_FMA3_enable(_flag: i32) -> i32 {
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_set_errno() {
        set_errno(0);
        assert_eq!(sqrt(-1.0).to_bits(), 0xfff8000000000000);
        assert_eq!(crate::errno::errno(), EDOM);
        set_errno(0);
        assert_eq!(log(0.0), f64::NEG_INFINITY);
        assert_eq!(crate::errno::errno(), ERANGE);
        set_errno(0);
        assert!(log(-1.0).is_nan());
        assert_eq!(crate::errno::errno(), EDOM);
        set_errno(0);
        assert_eq!(exp(1000.0), f64::INFINITY);
        assert_eq!(crate::errno::errno(), ERANGE);
        set_errno(0);
        assert_eq!(exp(-1000.0), 0.0);
        assert_eq!(crate::errno::errno(), 0, "underflow is silent");
        assert!(pow(-2.0, 0.5).is_nan());
        assert_eq!(crate::errno::errno(), EDOM);
        set_errno(0);
        assert!(sin(f64::INFINITY).is_nan());
        assert_eq!(crate::errno::errno(), EDOM);
        set_errno(0);
        assert!(fmod(1.0, 0.0).is_nan());
        assert_eq!(crate::errno::errno(), 0);
        assert_eq!(ldexp(1.0, 2000), f64::INFINITY);
        assert_eq!(crate::errno::errno(), ERANGE);
    }

    #[test]
    fn exact_results() {
        assert_eq!(sqrt(2.0), std::f64::consts::SQRT_2);
        assert_eq!(fma(0.1, 10.0, -1.0), 5.551115123125783e-17);
        assert_eq!(fmod(5.5, 2.0), 1.5);
        assert_eq!(fmod(-5.5, 2.0), -1.5);
        assert_eq!(remainder(5.0, 2.0), 1.0);
        assert_eq!(remainder(7.0, 2.0), -1.0);
        let mut q = 0;
        assert_eq!(unsafe { remquo(-7.0, 2.0, &mut q) }, 1.0);
        assert_eq!(q, -4);
        let mut e = 0;
        assert_eq!(unsafe { frexp(12.0, &mut e) }, 0.75);
        assert_eq!(e, 4);
        let mut ip = 0.0;
        assert_eq!(unsafe { modf(-3.75, &mut ip) }, -0.75);
        assert_eq!(ip, -3.0);
        assert_eq!(_logb(8.0), 3.0);
        assert_eq!(_scalb(1.0, 3), 8.0);
        assert_eq!(_nextafter(1.0, 0.0), 1.0 - f64::EPSILON / 2.0);
        assert_eq!(tgamma(5.0), 24.0);
        assert_eq!(cbrt(-8.0), -2.0);
        assert_eq!(round(-2.5), -3.0);
        assert_eq!(rint(-2.5), -2.0);
        assert_eq!(lround(2.5), 3);
        assert_eq!(ilogb(0.0), i32::MIN);
        assert_eq!(fmax(f64::NAN, 1.0), 1.0);
        assert_eq!(fdim(1.0, 3.0), 0.0);
        assert_eq!(_chgsign(-0.0).to_bits(), 0);
    }

    #[test]
    fn classes() {
        let snan = f64::from_bits(0x7ff0000000000001);
        let got: Vec<i32> = [
            f64::NAN,
            snan,
            f64::NEG_INFINITY,
            -1.0,
            -1e-310,
            -0.0,
            0.0,
            1e-310,
            1.0,
            f64::INFINITY,
        ]
        .iter()
        .map(|&x| _fpclass(x))
        .collect();
        assert_eq!(got, [2, 1, 4, 8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200]);
        assert_eq!(_dclass(1e-310), -2);
        assert_eq!(_dclass(f64::NAN), 2);
        assert_eq!(_dsign(-0.0), 0x8000);
        assert_eq!(_fdclass(f32::NAN), 2);
        assert_eq!(_fpclassf(1e-40), FPCLASS_PD);
    }

    #[test]
    fn rounding_modes() {
        std::thread::spawn(|| {
            crate::fpu::_controlfp(0x200, 0x300);
            assert_eq!(rint(2.1), 3.0);
            assert_eq!(lrint(-2.9), -2);
            crate::fpu::_controlfp(0x100, 0x300);
            assert_eq!(nearbyint(2.9), 2.0);
            crate::fpu::_controlfp(0, 0x300);
            assert_eq!(rint(2.5), 2.0);
            assert_eq!(llrint(1e300), i64::MIN);
        })
        .join()
        .unwrap();
    }
}
