//! fenv.h (ucrtbase): the C99 floating-point environment on the SSE unit, with the UCRT's
//! constants: rounding modes are the `_RC_*` control bits (FE_TONEAREST 0, FE_DOWNWARD 0x100,
//! FE_UPWARD 0x200, FE_TOWARDZERO 0x300) and exceptions the `_SW_*` status bits (FE_INEXACT
//! 0x1, FE_UNDERFLOW 0x2, FE_OVERFLOW 0x4, FE_DIVBYZERO 0x8, FE_INVALID 0x10). `fenv_t` is
//! `{ unsigned long _Fe_ctl, _Fe_stat; }`: the `_controlfp` word and the status flags.
//!
//! (mingw-w64 programs do not reach these: its headers use x87 values and libmingwex has its
//! own fenv functions. MSVC-built programs do.) Also `_statusfp2` and `__fpecode`.

use crate::fpu::{_controlfp, get_mxcsr, set_mxcsr, status_word};
use dllcore::export;
use std::cell::Cell;

pub const FE_TONEAREST: i32 = 0;
pub const FE_DOWNWARD: i32 = 0x100;
pub const FE_UPWARD: i32 = 0x200;
pub const FE_TOWARDZERO: i32 = 0x300;
const ROUND_MASK: i32 = 0x300;
pub const FE_INEXACT: i32 = 0x1;
pub const FE_UNDERFLOW: i32 = 0x2;
pub const FE_OVERFLOW: i32 = 0x4;
pub const FE_DIVBYZERO: i32 = 0x8;
pub const FE_INVALID: i32 = 0x10;
pub const FE_ALL_EXCEPT: i32 = 0x1f;
/// All exceptions masked (`_MCW_EM` without the denormal bit).
const MASK_ALL: u32 = 0x1f;

/// `fenv_t`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FEnv {
    pub ctl: u32,
    pub stat: u32,
}

/// The MXCSR flag bits of `_SW_*` exception bits.
fn mxcsr_flags(except: i32) -> u32 {
    let mut m = 0;
    for (sw, mx) in [
        (FE_INVALID, 1),
        (FE_DIVBYZERO, 4),
        (FE_OVERFLOW, 8),
        (FE_UNDERFLOW, 16),
        (FE_INEXACT, 32),
    ] {
        if except & sw != 0 {
            m |= mx;
        }
    }
    m
}

/// fegetround.
#[export(only = crate::UCRT)]
pub extern "win64" fn fegetround() -> i32 {
    (_controlfp(0, 0) & ROUND_MASK as u32) as i32
}

/// fesetround: 0, or non-zero for a value that is not a rounding mode.
#[export(only = crate::UCRT)]
pub extern "win64" fn fesetround(mode: i32) -> i32 {
    if mode & !ROUND_MASK != 0 {
        return 1;
    }
    _controlfp(mode as u32, ROUND_MASK as u32);
    0
}

/// fetestexcept: which of `except` are raised.
#[export(only = crate::UCRT)]
pub extern "win64" fn fetestexcept(except: i32) -> i32 {
    status_word(get_mxcsr()) as i32 & except & FE_ALL_EXCEPT
}

/// feclearexcept.
#[export(only = crate::UCRT)]
pub extern "win64" fn feclearexcept(except: i32) -> i32 {
    set_mxcsr(get_mxcsr() & !mxcsr_flags(except));
    0
}

/// feraiseexcept: set the flags (the exceptions are masked, so nothing traps).
#[export(only = crate::UCRT)]
pub extern "win64" fn feraiseexcept(except: i32) -> i32 {
    set_mxcsr(get_mxcsr() | mxcsr_flags(except));
    0
}

/// fegetexceptflag: the flags of `except`.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn fegetexceptflag(flags: *mut u32, except: i32) -> i32 {
    if flags.is_null() {
        return 1;
    }
    unsafe { *flags = fetestexcept(except) as u32 };
    0
}

/// fesetexceptflag: set the flags of `except` to those saved in `*flags` (no trap).
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn fesetexceptflag(flags: *const u32, except: i32) -> i32 {
    if flags.is_null() {
        return 1;
    }
    let except = except & FE_ALL_EXCEPT;
    let want = unsafe { *flags } as i32 & except;
    set_mxcsr((get_mxcsr() & !mxcsr_flags(except)) | mxcsr_flags(want));
    0
}

/// fegetenv: the control word and the flags.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn fegetenv(env: *mut FEnv) -> i32 {
    if env.is_null() {
        return 1;
    }
    unsafe {
        *env = FEnv {
            ctl: _controlfp(0, 0),
            stat: status_word(get_mxcsr()) & FE_ALL_EXCEPT as u32,
        };
    }
    0
}

/// fesetenv: restore what `fegetenv` saved (NULL, `FE_DFL_ENV` in some headers, is the
/// default environment).
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn fesetenv(env: *const FEnv) -> i32 {
    let e = if env.is_null() {
        FEnv {
            ctl: 0x8001f,
            stat: 0,
        }
    } else {
        unsafe { *env }
    };
    _controlfp(e.ctl, 0xfff7_ffff);
    set_mxcsr((get_mxcsr() & !0x3f) | mxcsr_flags(e.stat as i32));
    0
}

/// feholdexcept: save the environment, clear the flags, mask every exception.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn feholdexcept(env: *mut FEnv) -> i32 {
    if unsafe { fegetenv(env) } != 0 {
        return 1;
    }
    feclearexcept(FE_ALL_EXCEPT);
    _controlfp(MASK_ALL, MASK_ALL);
    0
}

/// feupdateenv: restore `env`, then raise the flags that were set.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn feupdateenv(env: *const FEnv) -> i32 {
    let raised = fetestexcept(FE_ALL_EXCEPT);
    unsafe { fesetenv(env) };
    feraiseexcept(raised);
    0
}

/// _statusfp2: the x87 and SSE status words (the x87 unit is not used: 0).
#[export]
pub unsafe extern "win64" fn _statusfp2(x87: *mut u32, sse: *mut u32) {
    unsafe {
        if !x87.is_null() {
            *x87 = 0;
        }
        if !sse.is_null() {
            *sse = status_word(get_mxcsr());
        }
    }
}

thread_local! {
    static FPECODE: Cell<i32> = const { Cell::new(0) };
}

/// __fpecode: the calling thread's floating-point exception code (for SIGFPE handlers).
#[export]
pub extern "win64" fn __fpecode() -> *mut i32 {
    FPECODE.with(|c| c.as_ptr())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_and_flags() {
        std::thread::spawn(|| {
            assert_eq!(fegetround(), FE_TONEAREST);
            assert_eq!(fesetround(FE_UPWARD), 0);
            assert_eq!(fegetround(), FE_UPWARD);
            assert_eq!(crate::math::rint(2.1), 3.0);
            assert_ne!(fesetround(0x123), 0);
            let mut env = FEnv { ctl: 0, stat: 0 };
            unsafe { fegetenv(&mut env) };
            fesetround(FE_DOWNWARD);
            unsafe { fesetenv(&env) };
            assert_eq!(fegetround(), FE_UPWARD);
            fesetround(FE_TONEAREST);

            feclearexcept(FE_ALL_EXCEPT);
            let z = std::hint::black_box(0.0f64);
            let _ = std::hint::black_box(1.0 / z);
            assert_eq!(fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);
            feclearexcept(FE_DIVBYZERO);
            assert_eq!(fetestexcept(FE_ALL_EXCEPT), 0);
            feraiseexcept(FE_OVERFLOW | FE_INEXACT);
            assert_eq!(fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW | FE_INEXACT);
            let mut f = 0;
            unsafe { fegetexceptflag(&mut f, FE_ALL_EXCEPT) };
            feclearexcept(FE_ALL_EXCEPT);
            unsafe { fesetexceptflag(&f, FE_OVERFLOW) };
            assert_eq!(fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW);
            unsafe { feholdexcept(&mut env) };
            assert_eq!(fetestexcept(FE_ALL_EXCEPT), 0);
            feraiseexcept(FE_INVALID);
            unsafe { feupdateenv(&env) };
            assert_eq!(fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW | FE_INVALID);
            feclearexcept(FE_ALL_EXCEPT);
        })
        .join()
        .unwrap();
    }
}
