//! Capturing and restoring a thread's registers as a CONTEXT: RtlCaptureContext,
//! RtlRestoreContext, and the thunks through which the exports that start a dispatch or an
//! unwind (RtlRaiseException, RaiseException, RtlUnwindEx, RtlUnwind) capture their caller's
//! state before any Rust code runs — so the walk starts in the caller's frame, as Windows'
//! does after unwinding these functions' own frames.

use std::mem::offset_of;

use windows_sys::Win32::System::Diagnostics::Debug::CONTEXT;

// CONTEXT (AMD64) offsets the assembly below uses; checked against windows-sys.
const _: () = {
    assert!(offset_of!(CONTEXT, ContextFlags) == 0x30);
    assert!(offset_of!(CONTEXT, MxCsr) == 0x34);
    assert!(offset_of!(CONTEXT, SegCs) == 0x38);
    assert!(offset_of!(CONTEXT, SegSs) == 0x42);
    assert!(offset_of!(CONTEXT, EFlags) == 0x44);
    assert!(offset_of!(CONTEXT, Rax) == 0x78);
    assert!(offset_of!(CONTEXT, Rsp) == 0x98);
    assert!(offset_of!(CONTEXT, R15) == 0xf0);
    assert!(offset_of!(CONTEXT, Rip) == 0xf8);
    assert!(offset_of!(CONTEXT, Anonymous) == 0x100);
    assert!(std::mem::size_of::<CONTEXT>() == 0x4d0);
};

/// CONTEXT_CONTROL | CONTEXT_INTEGER | CONTEXT_SEGMENTS | CONTEXT_FLOATING_POINT, what
/// RtlCaptureContext fills on Windows.
pub const CAPTURED_FLAGS: u32 = 0x0010_000f;

/// RtlCaptureContext: the caller's registers as they are at the call, with Rip the return
/// address and Rsp the caller's stack pointer after the return.
#[unsafe(naked)]
#[allow(non_snake_case)]
pub extern "win64" fn RtlCaptureContext(_ctx: *mut CONTEXT) {
    core::arch::naked_asm!(
        "mov [rcx+0x78], rax",
        "mov [rcx+0x80], rcx",
        "mov [rcx+0x88], rdx",
        "mov [rcx+0x90], rbx",
        "lea rax, [rsp+8]",
        "mov [rcx+0x98], rax",
        "mov [rcx+0xa0], rbp",
        "mov [rcx+0xa8], rsi",
        "mov [rcx+0xb0], rdi",
        "mov [rcx+0xb8], r8",
        "mov [rcx+0xc0], r9",
        "mov [rcx+0xc8], r10",
        "mov [rcx+0xd0], r11",
        "mov [rcx+0xd8], r12",
        "mov [rcx+0xe0], r13",
        "mov [rcx+0xe8], r14",
        "mov [rcx+0xf0], r15",
        "mov rax, [rsp]",
        "mov [rcx+0xf8], rax",
        "pushfq",
        "pop rax",
        "mov [rcx+0x44], eax",
        "mov word ptr [rcx+0x38], cs",
        "mov word ptr [rcx+0x3a], ds",
        "mov word ptr [rcx+0x3c], es",
        "mov word ptr [rcx+0x3e], fs",
        "mov word ptr [rcx+0x40], gs",
        "mov word ptr [rcx+0x42], ss",
        // The FXSAVE image (x87 state, MXCSR, XMM0-15) needs 16-byte alignment, which
        // CONTEXT has on Windows; for a misaligned one only MXCSR and XMM0-15 are stored.
        "test rcx, 15",
        "jnz 2f",
        "fxsave [rcx+0x100]",
        "2:",
        "stmxcsr [rcx+0x34]",
        "movdqu [rcx+0x1a0], xmm0",
        "movdqu [rcx+0x1b0], xmm1",
        "movdqu [rcx+0x1c0], xmm2",
        "movdqu [rcx+0x1d0], xmm3",
        "movdqu [rcx+0x1e0], xmm4",
        "movdqu [rcx+0x1f0], xmm5",
        "movdqu [rcx+0x200], xmm6",
        "movdqu [rcx+0x210], xmm7",
        "movdqu [rcx+0x220], xmm8",
        "movdqu [rcx+0x230], xmm9",
        "movdqu [rcx+0x240], xmm10",
        "movdqu [rcx+0x250], xmm11",
        "movdqu [rcx+0x260], xmm12",
        "movdqu [rcx+0x270], xmm13",
        "movdqu [rcx+0x280], xmm14",
        "movdqu [rcx+0x290], xmm15",
        "mov dword ptr [rcx+0x30], 0x10000f",
        "mov rax, [rcx+0x78]",
        "ret",
    )
}

/// Load every register from `ctx` and continue there (NtContinue). Restores the integer and
/// control registers, MXCSR and XMM0-15 (and the x87 state when CONTEXT_FLOATING_POINT is set
/// and the CONTEXT is aligned); the flags keep only their arithmetic and direction bits.
/// Uses `iretq`, which switches RIP, RSP and RFLAGS at once.
///
/// # Safety
/// `ctx` must describe a valid state of this thread to continue in.
#[unsafe(naked)]
pub unsafe extern "win64" fn restore_context(_ctx: *const CONTEXT) -> ! {
    core::arch::naked_asm!(
        "test rcx, 15",
        "jnz 2f",
        "test dword ptr [rcx+0x30], 8",
        "jz 2f",
        "fxrstor [rcx+0x100]",
        "2:",
        "ldmxcsr [rcx+0x34]",
        "movdqu xmm0, [rcx+0x1a0]",
        "movdqu xmm1, [rcx+0x1b0]",
        "movdqu xmm2, [rcx+0x1c0]",
        "movdqu xmm3, [rcx+0x1d0]",
        "movdqu xmm4, [rcx+0x1e0]",
        "movdqu xmm5, [rcx+0x1f0]",
        "movdqu xmm6, [rcx+0x200]",
        "movdqu xmm7, [rcx+0x210]",
        "movdqu xmm8, [rcx+0x220]",
        "movdqu xmm9, [rcx+0x230]",
        "movdqu xmm10, [rcx+0x240]",
        "movdqu xmm11, [rcx+0x250]",
        "movdqu xmm12, [rcx+0x260]",
        "movdqu xmm13, [rcx+0x270]",
        "movdqu xmm14, [rcx+0x280]",
        "movdqu xmm15, [rcx+0x290]",
        // The iretq frame: SS, RSP, RFLAGS, CS, RIP.
        "mov r11w, ss",
        "movzx r11d, r11w",
        "push r11",
        "push qword ptr [rcx+0x98]",
        "mov r11d, [rcx+0x44]",
        "and r11d, 0x0cd5",
        "or r11d, 0x0202",
        "push r11",
        "mov r11w, cs",
        "movzx r11d, r11w",
        "push r11",
        "push qword ptr [rcx+0xf8]",
        "mov rax, [rcx+0x78]",
        "mov rdx, [rcx+0x88]",
        "mov rbx, [rcx+0x90]",
        "mov rbp, [rcx+0xa0]",
        "mov rsi, [rcx+0xa8]",
        "mov rdi, [rcx+0xb0]",
        "mov r8, [rcx+0xb8]",
        "mov r9, [rcx+0xc0]",
        "mov r10, [rcx+0xc8]",
        "mov r11, [rcx+0xd0]",
        "mov r12, [rcx+0xd8]",
        "mov r13, [rcx+0xe0]",
        "mov r14, [rcx+0xe8]",
        "mov r15, [rcx+0xf0]",
        "mov rcx, [rcx+0x80]",
        "iretq",
    )
}

/// Define a naked export thunk that captures its caller's CONTEXT (Rip = the return address,
/// Rsp = the caller's stack pointer after the return, every other register as it was at the
/// call) on its own stack and calls `$imp(ctx)` (an `extern "win64" fn(*mut CONTEXT) -> !`),
/// which never returns: it continues somewhere with [`restore_context`] or ends the thread
/// or process. The arguments are read from the captured registers with [`arg`].
///
/// Any export that raises an exception on its caller's behalf (RaiseException,
/// _CxxThrowException) must be such a thunk: the dispatcher walks from the captured state,
/// and wine-rs's own frames cannot be unwound. Register it with `ntdll::forward!`.
#[macro_export]
macro_rules! capture_thunk {
    ($(#[$m:meta])* $name:ident => $imp:path) => {
        $(#[$m])*
        #[unsafe(naked)]
        #[allow(non_snake_case)]
        pub extern "win64" fn $name() {
            core::arch::naked_asm!(
                // The caller's home slot for RCX keeps RCX (RtlCaptureContext records the
                // CONTEXT's address there).
                "mov [rsp+8], rcx",
                "sub rsp, 0x4d8",
                "mov rcx, rsp",
                "call {capture}",
                "mov rax, [rsp+0x4e0]",
                "mov [rsp+0x80], rax",
                "mov rax, [rsp+0x4d8]",
                "mov [rsp+0xf8], rax",
                "lea rax, [rsp+0x4e0]",
                "mov [rsp+0x98], rax",
                "mov rcx, rsp",
                "sub rsp, 0x20",
                "call {imp}",
                "ud2",
                capture = sym $crate::seh::context::RtlCaptureContext,
                imp = sym $imp,
            )
        }
    };
}
pub use capture_thunk;

/// The `n`th (0-based) argument of a call whose captured CONTEXT is `ctx`: the first four are
/// registers, the rest are on the caller's stack above the home area.
pub fn arg(ctx: &CONTEXT, n: usize) -> u64 {
    match n {
        0 => ctx.Rcx,
        1 => ctx.Rdx,
        2 => ctx.R8,
        3 => ctx.R9,
        // At the call, [rsp] was the return address and the home area followed; Rsp here
        // is the value after the return.
        // SAFETY: the caller's argument area, per the x64 calling convention.
        _ => unsafe { *((ctx.Rsp + 8 * n as u64) as *const u64) },
    }
}

/// Load the registers a msvcrt _JUMP_BUFFER at `buf` holds into `ctx` (Rbx, Rsp, Rbp, Rsi,
/// Rdi, R12-R15, Rip, MxCsr, the x87 control word, Xmm6-15): what RtlRestoreContext does with
/// a STATUS_LONGJUMP record.
///
/// # Safety
/// `buf` must point at a _JUMP_BUFFER (0x100 bytes).
pub unsafe fn apply_jump_buffer(ctx: &mut CONTEXT, buf: u64) {
    // SAFETY: per the contract.
    unsafe {
        let q = |off: u64| *((buf + off) as *const u64);
        ctx.Rbx = q(0x08);
        ctx.Rsp = q(0x10);
        ctx.Rbp = q(0x18);
        ctx.Rsi = q(0x20);
        ctx.Rdi = q(0x28);
        ctx.R12 = q(0x30);
        ctx.R13 = q(0x38);
        ctx.R14 = q(0x40);
        ctx.R15 = q(0x48);
        ctx.Rip = q(0x50);
        ctx.MxCsr = *((buf + 0x58) as *const u32);
        ctx.Anonymous.FltSave.MxCsr = ctx.MxCsr;
        ctx.Anonymous.FltSave.ControlWord = *((buf + 0x5c) as *const u16);
        for i in 0..10 {
            let x = &mut ctx.Anonymous.FltSave.XmmRegisters[6 + i];
            x.Low = q(0x60 + 16 * i as u64);
            x.High = q(0x68 + 16 * i as u64) as i64;
        }
    }
}
