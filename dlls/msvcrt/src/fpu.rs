//! float.h: the floating-point control word, on the SSE unit's MXCSR (x64 code does its
//! floating point there).

use dllcore::export;

pub const EM_INEXACT: u32 = 0x1;
pub const EM_UNDERFLOW: u32 = 0x2;
pub const EM_OVERFLOW: u32 = 0x4;
pub const EM_ZERODIVIDE: u32 = 0x8;
pub const EM_INVALID: u32 = 0x10;
pub const EM_DENORMAL: u32 = 0x80000;
pub const MCW_EM: u32 = 0x8001f;
pub const MCW_IC: u32 = 0x40000;
pub const MCW_RC: u32 = 0x300;
pub const MCW_PC: u32 = 0x30000;
pub const MCW_DN: u32 = 0x0300_0000;
const DN_FLUSH: u32 = 0x0100_0000;
const DN_FLUSH_OPERANDS_SAVE_RESULTS: u32 = 0x0200_0000;
const DN_SAVE_OPERANDS_FLUSH_RESULTS: u32 = 0x0300_0000;

/// MXCSR after reset: every exception masked, round to nearest.
const MXCSR_DEFAULT: u32 = 0x1f80;

pub(crate) fn get_mxcsr() -> u32 {
    let mut v: u32 = 0;
    // SAFETY: stmxcsr stores 4 bytes at the given address.
    unsafe { std::arch::asm!("stmxcsr [{}]", in(reg) &mut v, options(nostack, preserves_flags)) };
    v
}

pub(crate) fn set_mxcsr(v: u32) {
    // SAFETY: ldmxcsr of a value with only architectural bits set.
    unsafe { std::arch::asm!("ldmxcsr [{}]", in(reg) &v, options(nostack, preserves_flags)) };
}

/// (MXCSR mask bit, control-word bit) for the six exceptions.
const EXCEPTIONS: [(u32, u32); 6] = [
    (1 << 7, EM_INVALID),
    (1 << 8, EM_DENORMAL),
    (1 << 9, EM_ZERODIVIDE),
    (1 << 10, EM_OVERFLOW),
    (1 << 11, EM_UNDERFLOW),
    (1 << 12, EM_INEXACT),
];

/// The control word msvcrt reports for an MXCSR value.
pub fn control_word(mxcsr: u32) -> u32 {
    let mut cw = 0;
    for (m, c) in EXCEPTIONS {
        if mxcsr & m != 0 {
            cw |= c;
        }
    }
    cw |= ((mxcsr >> 13) & 3) << 8;
    cw |= match (mxcsr & (1 << 15) != 0, mxcsr & (1 << 6) != 0) {
        (true, true) => DN_FLUSH,
        (false, true) => DN_FLUSH_OPERANDS_SAVE_RESULTS,
        (true, false) => DN_SAVE_OPERANDS_FLUSH_RESULTS,
        (false, false) => 0,
    };
    cw
}

/// The MXCSR for a control word, keeping the status flags of `old`.
pub fn mxcsr_for(cw: u32, old: u32) -> u32 {
    let mut m = old & 0x3f;
    for (mb, c) in EXCEPTIONS {
        if cw & c != 0 {
            m |= mb;
        }
    }
    m |= ((cw >> 8) & 3) << 13;
    m |= match cw & MCW_DN {
        DN_FLUSH => (1 << 15) | (1 << 6),
        DN_FLUSH_OPERANDS_SAVE_RESULTS => 1 << 6,
        DN_SAVE_OPERANDS_FLUSH_RESULTS => 1 << 15,
        _ => 0,
    };
    m
}

/// _control87: change the bits of `mask` to those of `new`; returns the new control word.
#[export]
pub extern "win64" fn _control87(new: u32, mask: u32) -> u32 {
    let old = get_mxcsr();
    let mut cw = control_word(old);
    if mask != 0 {
        cw = (cw & !mask) | (new & mask);
        set_mxcsr(mxcsr_for(cw, old));
    }
    cw
}

/// _controlfp: `_control87` without the denormal exception mask.
#[export]
pub extern "win64" fn _controlfp(new: u32, mask: u32) -> u32 {
    _control87(new, mask & !EM_DENORMAL)
}

/// _controlfp_s: EINVAL for bits outside the control word.
#[export]
pub unsafe extern "win64" fn _controlfp_s(current: *mut u32, new: u32, mask: u32) -> i32 {
    let all = MCW_EM | MCW_IC | MCW_RC | MCW_PC | MCW_DN;
    if new & mask & !all != 0 {
        if !current.is_null() {
            unsafe { *current = _controlfp(0, 0) };
        }
        crate::errno::set_errno(crate::errno::EINVAL);
        return crate::errno::EINVAL;
    }
    let v = _controlfp(new, mask);
    if !current.is_null() {
        unsafe { *current = v };
    }
    0
}

/// Status flags in msvcrt's `_SW_*` bits.
pub(crate) fn status_word(mxcsr: u32) -> u32 {
    const MAP: [(u32, u32); 6] = [
        (1 << 0, 0x10),
        (1 << 1, 0x80000),
        (1 << 2, 0x8),
        (1 << 3, 0x4),
        (1 << 4, 0x2),
        (1 << 5, 0x1),
    ];
    MAP.iter()
        .filter(|(m, _)| mxcsr & m != 0)
        .fold(0, |a, (_, s)| a | s)
}

/// _statusfp: the floating-point status flags.
#[export]
pub extern "win64" fn _statusfp() -> u32 {
    status_word(get_mxcsr())
}

/// _clearfp: clear the status flags, returning the old ones.
#[export]
pub extern "win64" fn _clearfp() -> u32 {
    let m = get_mxcsr();
    set_mxcsr(m & !0x3f);
    status_word(m)
}

/// _fpreset: the default floating-point state (x87 and SSE).
#[export]
pub extern "win64" fn _fpreset() {
    let x87: u16 = 0x27f;
    // SAFETY: fninit/fldcw reset the x87 unit to its default control word.
    unsafe { std::arch::asm!("fninit", "fldcw [{}]", in(reg) &x87, options(nostack)) };
    set_mxcsr(MXCSR_DEFAULT);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping() {
        assert_eq!(
            control_word(MXCSR_DEFAULT),
            0x8001f,
            "what Wine's _controlfp(0, 0) gives"
        );
        for cw in [
            0x8001f,
            0x8001f | 0x300,
            0x10 | 0x100,
            DN_FLUSH | 0x8001f,
            0,
        ] {
            assert_eq!(control_word(mxcsr_for(cw, 0)), cw);
        }
    }

    #[test]
    fn set_and_restore() {
        std::thread::spawn(|| {
            assert_eq!(_controlfp(0, 0), 0x8001f);
            let r = _controlfp(0x300, MCW_RC);
            assert_eq!(r & MCW_RC, 0x300);
            assert_eq!((get_mxcsr() >> 13) & 3, 3, "round toward zero");
            let mut cur = 0;
            assert_eq!(
                unsafe { _controlfp_s(&mut cur, 0x1000_0000, 0xffff_ffff) },
                crate::errno::EINVAL
            );
            assert_eq!(cur & MCW_RC, 0x300);
            _fpreset();
            assert_eq!(_controlfp(0, 0), 0x8001f);
        })
        .join()
        .unwrap();
    }
}
