//! stdlib.h and signal.h odds and ends: signals, `_getpid`, rand.

use crate::errno::EINVAL;
use dllcore::export;
use std::cell::Cell;
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

/// signal: install a handler; returns the previous one. An unknown signal (or SIG_ERR as the
/// handler) goes to the invalid-parameter handler, then gives SIG_ERR and EINVAL, as
/// Microsoft documents (Wine 8 only returns SIG_ERR). Handlers are called by `raise`, for
/// hardware exceptions by `_XcptFilter` (mingw programs: their own top-level filter), and for
/// SIGINT and SIGBREAK by Ctrl+C and Ctrl+Break (the CRT's console control handler, which
/// the first such call registers: `ctrlsignal`).
#[export]
pub extern "win64" fn signal(sig: i32, handler: usize) -> usize {
    match handler_slot(sig) {
        Some(s) if handler != SIG_ERR => {
            let old = s.swap(handler, Ordering::AcqRel);
            crate::ctrlsignal::signal_set(sig);
            old
        }
        _ => {
            crate::invalid::fail(EINVAL);
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

/// raise: deliver `sig` in this process (see `raise_signal`). An unknown signal goes to the
/// invalid-parameter handler, then gives -1 and EINVAL, as Microsoft documents.
#[export]
pub extern "win64" fn raise(sig: i32) -> i32 {
    if handler_slot(sig).is_none() {
        crate::invalid::fail(EINVAL);
        return -1;
    }
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

/// rand_s: a cryptographically random unsigned int from the system generator (Windows uses
/// RtlGenRandom; here `syscall_shims::random`), independent of srand. A null pointer goes to
/// the invalid-parameter handler and gives EINVAL.
#[export]
pub unsafe extern "win64" fn rand_s(out: *mut u32) -> i32 {
    if out.is_null() {
        return crate::invalid::fail(EINVAL);
    }
    let mut v = [0u8; 4];
    if !syscall_shims::random::fill(&mut v) {
        return crate::invalid::fail(EINVAL);
    }
    let v = u32::from_ne_bytes(v);
    // SAFETY: checked non-null; the program passes an unsigned int to fill.
    unsafe { out.write_unaligned(v) };
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rand_s_fills_and_refuses_null() {
        let (mut a, mut b) = (0u32, 0u32);
        assert_eq!(unsafe { rand_s(&mut a) }, 0);
        assert_eq!(unsafe { rand_s(&mut b) }, 0);
        // Two 32-bit draws agree with probability 2^-32.
        assert_ne!(a, b);
        assert_eq!(unsafe { rand_s(std::ptr::null_mut()) }, EINVAL);
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
}
