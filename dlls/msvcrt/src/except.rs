//! Structured exception handling in the C runtime: `__C_specific_handler`, the language
//! handler compilers name in the unwind info of functions with `__try` (msvcrt.dll, and the
//! UCRT's api-ms-win-crt-private-l1-1-0 / ucrtbase.dll), and `_XcptFilter`, the filter the
//! CRT start-up code wraps `main` in. Dispatch and unwinding are ntdll's (`ntdll::seh`).

use dllcore::export;
use windows_sys::Win32::System::Diagnostics::Debug::{
    CONTEXT, DISPATCHER_CONTEXT, EXCEPTION_POINTERS, EXCEPTION_RECORD,
};
use windows_sys::Win32::System::Kernel::{ExceptionContinueExecution, ExceptionContinueSearch};
use windows_sys::Win32::System::SystemServices::{EXCEPTION_EXIT_UNWIND, EXCEPTION_TARGET_UNWIND, EXCEPTION_UNWINDING};

use crate::misc::{SIG_DFL, SIG_IGN, SIGFPE, SIGILL, SIGSEGV, signal, signal_handler};

/// One SCOPE_TABLE record: the `__try` range, the filter (or 1 for EXCEPTION_EXECUTE_HANDLER;
/// the termination handler of a `__finally`) and the `__except` block (0 for a `__finally`),
/// all RVAs.
#[repr(C)]
#[derive(Clone, Copy)]
struct ScopeRecord {
    begin: u32,
    end: u32,
    handler: u32,
    target: u32,
}

/// An exception filter: `LONG filter(EXCEPTION_POINTERS *, ULONG64 EstablisherFrame)`.
type ScopeFilter = extern "win64" fn(*mut EXCEPTION_POINTERS, u64) -> i32;
/// A termination handler: `void handler(BOOLEAN AbnormalTermination, ULONG64 EstablisherFrame)`.
type Termination = extern "win64" fn(u8, u64);

/// __C_specific_handler: the scope-table language handler. Dispatching, it calls the filters
/// of the `__except` scopes containing the pc, innermost first: EXCEPTION_EXECUTE_HANDLER
/// (1) unwinds to the `__except` block with RtlUnwindEx (the exception code in Rax),
/// EXCEPTION_CONTINUE_EXECUTION (-1) continues at the exception, EXCEPTION_CONTINUE_SEARCH
/// (0) goes on. Unwinding, it runs the termination handlers (`__finally`) of the scopes
/// containing the pc, up to the `__except` block being unwound to.
#[export]
pub extern "win64" fn __C_specific_handler(
    rec: *mut EXCEPTION_RECORD,
    frame: u64,
    ctx: *mut CONTEXT,
    dc: *mut DISPATCHER_CONTEXT,
) -> i32 {
    if rec.is_null() || dc.is_null() {
        return ExceptionContinueSearch;
    }
    // SAFETY: the dispatcher's record and dispatcher context.
    let (r, d) = unsafe { (&mut *rec, &mut *dc) };
    let base = d.ImageBase;
    let pc = (d.ControlPc - base) as u32;
    let table = d.HandlerData as *const u32;
    // SAFETY: the scope table follows the handler's RVA in the unwind info.
    let count = unsafe { *table };
    let scope = |i: u32| -> ScopeRecord {
        // SAFETY: record `i` < count of the table.
        unsafe { *(table.add(1) as *const ScopeRecord).add(i as usize) }
    };
    if r.ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND) == 0 {
        for i in d.ScopeIndex..count {
            let s = scope(i);
            if pc < s.begin || pc >= s.end || s.target == 0 {
                continue;
            }
            let verdict = if s.handler == 1 {
                1
            } else {
                let mut ptrs = EXCEPTION_POINTERS { ExceptionRecord: rec, ContextRecord: ctx };
                // SAFETY: the filter the compiler put in the scope table (win64 ABI).
                let f: ScopeFilter = unsafe { std::mem::transmute::<u64, ScopeFilter>(base + u64::from(s.handler)) };
                f(&mut ptrs, frame)
            };
            if verdict < 0 {
                return ExceptionContinueExecution;
            }
            if verdict > 0 {
                let code = r.ExceptionCode as u32 as u64;
                // SAFETY: unwinding from inside the handler the dispatcher called, to this
                // frame's __except block; does not return.
                unsafe {
                    ntdll::seh::unwind::unwind_from_handler(
                        frame,
                        base + u64::from(s.target),
                        rec,
                        code,
                        d.ContextRecord,
                        d.HistoryTable,
                    );
                }
                return ExceptionContinueSearch;
            }
        }
    } else {
        for i in d.ScopeIndex..count {
            let s = scope(i);
            if pc < s.begin || pc >= s.end {
                continue;
            }
            if s.target != 0 {
                // An __except scope: the unwind's target when it is this block.
                if r.ExceptionFlags & EXCEPTION_TARGET_UNWIND != 0 && d.TargetIp == base + u64::from(s.target) {
                    break;
                }
                continue;
            }
            // A __finally: mark it done before running it (a collided unwind goes on after).
            d.ScopeIndex = i + 1;
            // SAFETY: the termination handler the compiler put in the scope table.
            let f: Termination = unsafe { std::mem::transmute::<u64, Termination>(base + u64::from(s.handler)) };
            f(1, frame);
        }
    }
    ExceptionContinueSearch
}

/// _XcptFilter(code, pointers): the filter around `main`. An exception with a C signal
/// equivalent (access violation: SIGSEGV; illegal or privileged instruction: SIGILL;
/// floating-point and integer arithmetic: SIGFPE) whose signal has a handler calls it (reset
/// to SIG_DFL first) and continues execution; SIG_IGN continues; anything else goes to
/// UnhandledExceptionFilter.
#[export]
pub extern "win64" fn _XcptFilter(code: u32, ptrs: *mut EXCEPTION_POINTERS) -> i32 {
    let (sig, fpe) = match code {
        0xC000_0005 => (SIGSEGV, 0),
        0xC000_001D | 0xC000_0096 => (SIGILL, 0),
        0xC000_008D => (SIGFPE, 0x82), // _FPE_DENORMAL
        0xC000_008E => (SIGFPE, 0x83), // _FPE_ZERODIVIDE
        0xC000_008F => (SIGFPE, 0x86), // _FPE_INEXACT
        0xC000_0090 => (SIGFPE, 0x81), // _FPE_INVALID
        0xC000_0091 => (SIGFPE, 0x84), // _FPE_OVERFLOW
        0xC000_0092 => (SIGFPE, 0x87), // _FPE_STACKCHECK
        0xC000_0093 => (SIGFPE, 0x85), // _FPE_UNDERFLOW
        0xC000_0094 | 0xC000_0095 => (SIGFPE, 0),
        _ => (0, 0),
    };
    let h = if sig != 0 { signal_handler(sig) } else { SIG_DFL };
    match h {
        SIG_DFL => {
            if ptrs.is_null() {
                return ExceptionContinueSearch;
            }
            // SAFETY: the caller's EXCEPTION_POINTERS.
            let p = unsafe { &*ptrs };
            ntdll::seh::dispatch::call_top_filter(p.ExceptionRecord, p.ContextRecord)
        }
        SIG_IGN => -1,
        h => {
            if sig != SIGFPE {
                signal(sig, SIG_DFL);
            }
            if sig == SIGFPE {
                // SAFETY: the program's handler, void (*)(int, int) for SIGFPE.
                let f: extern "win64" fn(i32, i32) = unsafe { std::mem::transmute(h) };
                f(sig, fpe);
            } else {
                // SAFETY: the program's handler, void (*)(int).
                let f: extern "win64" fn(i32) = unsafe { std::mem::transmute(h) };
                f(sig);
            }
            -1
        }
    }
}
