//! A thread's exit point: where ExitThread (and TerminateThread) take a thread that runs PE
//! code, so that its host thread ends the ordinary way.
//!
//! Windows ends a thread in ExitThread without unwinding its frames. Leaving the host thread
//! with the exit system call does the same, but skips what glibc and Rust do when a thread
//! returns: the thread's stack mapping, its pthread structure and its thread-locals' values
//! are never freed (about 16 KiB of touched memory, and a 1 MiB reservation, per thread).
//! Instead, the thread's base frame records an exit point (the callee-saved registers, the
//! stack pointer and the return address of a call, as `setjmp` would), and ExitThread, once
//! the thread has ended for Windows, resumes there: every frame above it, PE or builtin, is
//! abandoned without running anything, as on Windows, and the base frame goes on to return
//! from the host thread.

use std::cell::Cell;
use std::ffi::c_void;

/// The host context of the exit point (System V callee-saved registers, then where `call`
/// returns to).
#[repr(C)]
#[derive(Default)]
struct Saved {
    rbx: usize,
    rbp: usize,
    r12: usize,
    r13: usize,
    r14: usize,
    r15: usize,
    rsp: usize,
    rip: usize,
}

thread_local! {
    /// The calling thread's exit point, while its base frame runs.
    static POINT: Cell<*const Saved> = const { Cell::new(std::ptr::null()) };
}

/// What `wine_rs_exit_point_call` returns when it is resumed by [`leave`]: the bit above
/// the 32-bit exit code.
const LEFT: u64 = 1 << 32;

unsafe extern "sysv64" {
    /// Save the context into `saved`, call `f(ctx)`; 0 when `f` returns.
    fn wine_rs_exit_point_call(saved: *mut Saved, f: extern "sysv64" fn(*mut c_void), ctx: *mut c_void) -> u64;
    /// Resume the context in `saved`, making its `wine_rs_exit_point_call` return `value`.
    fn wine_rs_exit_point_resume(saved: *const Saved, value: u64) -> !;
}

core::arch::global_asm!(
    ".text",
    ".globl wine_rs_exit_point_call",
    ".type wine_rs_exit_point_call,@function",
    "wine_rs_exit_point_call:",
    ".cfi_startproc",
    "mov [rdi], rbx",
    "mov [rdi + 8], rbp",
    "mov [rdi + 16], r12",
    "mov [rdi + 24], r13",
    "mov [rdi + 32], r14",
    "mov [rdi + 40], r15",
    "lea rax, [rsp + 8]",
    "mov [rdi + 48], rax",
    "mov rax, [rsp]",
    "mov [rdi + 56], rax",
    "sub rsp, 8",
    ".cfi_adjust_cfa_offset 8",
    "mov rdi, rdx",
    "call rsi",
    "add rsp, 8",
    ".cfi_adjust_cfa_offset -8",
    "xor eax, eax",
    "ret",
    ".cfi_endproc",
    ".size wine_rs_exit_point_call, . - wine_rs_exit_point_call",
    "",
    ".globl wine_rs_exit_point_resume",
    ".type wine_rs_exit_point_resume,@function",
    "wine_rs_exit_point_resume:",
    "mov rbx, [rdi]",
    "mov rbp, [rdi + 8]",
    "mov r12, [rdi + 16]",
    "mov r13, [rdi + 24]",
    "mov r14, [rdi + 32]",
    "mov r15, [rdi + 40]",
    "mov rsp, [rdi + 48]",
    "mov rax, rsi",
    "jmp qword ptr [rdi + 56]",
    ".size wine_rs_exit_point_resume, . - wine_rs_exit_point_resume",
);

/// Run `f` as the thread's base frame with an exit point. Returns `None` when `f` returned,
/// `Some(code)` when the thread left through [`leave`] with `code` (whatever `f` had not
/// finished is abandoned: its values are neither dropped nor freed). A panic in `f` goes on
/// to the caller.
pub fn run<F: FnOnce()>(f: F) -> Option<u32> {
    struct Ctx<F> {
        f: Option<F>,
        panic: Option<Box<dyn std::any::Any + Send>>,
    }
    extern "sysv64" fn call<F: FnOnce()>(ctx: *mut c_void) {
        // SAFETY: `run` passes its own Ctx<F>, alive for the whole call.
        let ctx = unsafe { &mut *(ctx as *mut Ctx<F>) };
        if let Some(f) = ctx.f.take()
            && let Err(p) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        {
            ctx.panic = Some(p);
        }
    }
    let mut ctx = Ctx { f: Some(f), panic: None };
    let mut saved = Saved::default();
    // The signal mask to restore when a thread leaves from inside a signal handler
    // (TerminateThread ends the thread from one).
    // SAFETY: sigset_t is plain data; pthread_sigmask only reads the current mask here.
    let mut mask: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, std::ptr::null(), &mut mask) };
    let outer = POINT.with(|p| p.replace(&saved));
    // SAFETY: `saved` and `ctx` outlive the call; `call::<F>` matches `ctx`'s type. When the
    // call is resumed by `leave`, the frames between are abandoned, which is the contract.
    let r = unsafe {
        wine_rs_exit_point_call(&mut saved, call::<F>, &mut ctx as *mut Ctx<F> as *mut c_void)
    };
    POINT.with(|p| p.set(outer));
    if r & LEFT != 0 {
        // SAFETY: restores the mask read above.
        unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, &mask, std::ptr::null_mut()) };
        return Some(r as u32);
    }
    if let Some(p) = ctx.panic {
        std::panic::resume_unwind(p);
    }
    None
}

/// Does the calling thread have an exit point (is it running inside [`run`])?
pub fn available() -> bool {
    POINT.with(|p| !p.get().is_null())
}

/// Leave the calling thread's frames for its exit point with `code`: returns only when the
/// thread has none. Nothing of the abandoned frames runs (no destructors, no unwinding).
pub fn leave(code: u32) {
    let p = POINT.with(|p| p.replace(std::ptr::null()));
    if !p.is_null() {
        // SAFETY: `p` is the live `Saved` of this thread's `run` frame, below every frame
        // of the caller on this stack.
        unsafe { wine_rs_exit_point_resume(p, LEFT | code as u64) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[inline(never)]
    fn deep(n: u32, code: u32) -> u32 {
        let v = vec![n; 4];
        if n == 0 {
            leave(code);
            unreachable!("leave returns only without an exit point");
        }
        deep(n - 1, code) + v[0]
    }

    #[test]
    fn returning_and_leaving() {
        std::thread::spawn(|| {
            assert!(!available());
            let mut ran = false;
            assert_eq!(run(|| ran = true), None);
            assert!(ran);
            // Leaving from deep frames resumes the base frame, which goes on as usual.
            for code in [0u32, 7, 0xC000_0005, u32::MAX] {
                assert_eq!(run(|| { deep(50, code); }), Some(code));
                assert!(!available());
            }
            // Without an exit point, leave returns.
            leave(3);
        })
        .join()
        .unwrap();
    }

    #[test]
    fn nested_points_and_panics() {
        let outer = run(|| {
            assert_eq!(run(|| leave(1)), Some(1));
            assert!(available(), "the outer point is back");
            leave(2);
        });
        assert_eq!(outer, Some(2));
        let r = std::panic::catch_unwind(|| run(|| panic!("boom")));
        assert!(r.is_err(), "a panic goes on to the caller");
        assert!(!available());
    }

    #[test]
    fn leaving_restores_the_signal_mask() {
        std::thread::spawn(|| {
            let r = run(|| {
                // SAFETY: blocks SIGUSR2 on this thread only.
                unsafe {
                    let mut s: libc::sigset_t = std::mem::zeroed();
                    libc::sigemptyset(&mut s);
                    libc::sigaddset(&mut s, libc::SIGUSR2);
                    libc::pthread_sigmask(libc::SIG_BLOCK, &s, std::ptr::null_mut());
                }
                leave(5);
            });
            assert_eq!(r, Some(5));
            // SAFETY: reads this thread's mask.
            unsafe {
                let mut m: libc::sigset_t = std::mem::zeroed();
                libc::pthread_sigmask(libc::SIG_SETMASK, std::ptr::null(), &mut m);
                assert_eq!(libc::sigismember(&m, libc::SIGUSR2), 0);
            }
        })
        .join()
        .unwrap();
    }
}
