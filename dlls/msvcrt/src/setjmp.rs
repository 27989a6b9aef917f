//! setjmp.h on x64: `_setjmp`/`_setjmpex` record the caller's non-volatile registers in a
//! _JUMP_BUFFER, `longjmp` returns there. As on Windows, a buffer with a frame (what mingw's
//! `setjmp` macro passes: `__builtin_frame_address(0)`) is reached by unwinding (RtlUnwind
//! with a STATUS_LONGJUMP record), so `__finally` blocks and C++ destructors on the way run;
//! without one, or when that frame is not found by the unwinder, the registers are restored
//! directly.

use windows_sys::Win32::Foundation::STATUS_LONGJUMP;
use windows_sys::Win32::System::Diagnostics::Debug::{CONTEXT, EXCEPTION_RECORD};

/// _setjmp(jmp_buf, frame) / _setjmpex (the UCRT's __intrinsic_setjmp(ex)): fill the _JUMP_BUFFER (Frame, Rbx, Rsp, Rbp, Rsi,
/// Rdi, R12-R15, Rip, MxCsr, FpCsr, Xmm6-15) with the caller's state; returns 0.
#[unsafe(naked)]
pub extern "win64" fn _setjmp() {
    core::arch::naked_asm!(
        "mov [rcx], rdx",
        "mov [rcx+0x08], rbx",
        "lea rax, [rsp+8]",
        "mov [rcx+0x10], rax",
        "mov [rcx+0x18], rbp",
        "mov [rcx+0x20], rsi",
        "mov [rcx+0x28], rdi",
        "mov [rcx+0x30], r12",
        "mov [rcx+0x38], r13",
        "mov [rcx+0x40], r14",
        "mov [rcx+0x48], r15",
        "mov rax, [rsp]",
        "mov [rcx+0x50], rax",
        "stmxcsr [rcx+0x58]",
        "fnstcw [rcx+0x5c]",
        "mov word ptr [rcx+0x5e], 0",
        "movdqu [rcx+0x60], xmm6",
        "movdqu [rcx+0x70], xmm7",
        "movdqu [rcx+0x80], xmm8",
        "movdqu [rcx+0x90], xmm9",
        "movdqu [rcx+0xa0], xmm10",
        "movdqu [rcx+0xb0], xmm11",
        "movdqu [rcx+0xc0], xmm12",
        "movdqu [rcx+0xd0], xmm13",
        "movdqu [rcx+0xe0], xmm14",
        "movdqu [rcx+0xf0], xmm15",
        "xor eax, eax",
        "ret",
    )
}

extern "win64" fn longjmp_imp(ctx: *mut CONTEXT) -> ! {
    // SAFETY: the thunk passes the caller's captured context.
    let ctx = unsafe { &mut *ctx };
    let buf = ntdll::seh::context::arg(ctx, 0);
    let mut value = ntdll::seh::context::arg(ctx, 1) as u32 as u64;
    if value == 0 {
        value = 1;
    }
    // SAFETY: the program's _JUMP_BUFFER (Frame is its first field).
    let frame = unsafe { *(buf as *const u64) };
    if frame != 0 && ntdll::seh::unwind::frame_on_stack(ctx, frame) {
        // SAFETY: an all-zero EXCEPTION_RECORD is valid.
        let mut rec: EXCEPTION_RECORD = unsafe { std::mem::zeroed() };
        rec.ExceptionCode = STATUS_LONGJUMP;
        rec.ExceptionAddress = ctx.Rip as *mut _;
        rec.NumberParameters = 1;
        rec.ExceptionInformation[0] = buf as usize;
        // SAFETY: from the caller to the frame that called setjmp, which is on the stack;
        // the unwinder restores the jump buffer's registers at the end.
        // SAFETY (jump target): the buffer's Rip.
        let ip = unsafe { *((buf + 0x50) as *const u64) };
        unsafe {
            ntdll::seh::unwind::unwind_to(ctx, frame, ip, &mut rec, value, std::ptr::null_mut(), std::ptr::null_mut());
        }
    }
    // SAFETY: the program's jump buffer.
    unsafe { ntdll::seh::context::apply_jump_buffer(ctx, buf) };
    ctx.Rax = value;
    // SAFETY: the state setjmp recorded.
    unsafe { ntdll::seh::context::restore_context(ctx) }
}

ntdll::capture_thunk!(
    /// longjmp(jmp_buf, value): continue after the setjmp that filled the buffer, which then
    /// returns `value` (1 if 0), unwinding the frames in between when the buffer has a frame.
    longjmp => longjmp_imp
);

ntdll::forward!("_setjmp", _setjmp);
ntdll::forward!("__intrinsic_setjmp", _setjmp, crate::UCRT);
ntdll::forward!("__intrinsic_setjmpex", _setjmp, crate::UCRT);
ntdll::forward!("_setjmpex", _setjmp);
ntdll::forward!("longjmp", longjmp);
