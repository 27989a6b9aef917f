//! A thread's register context: the Windows CONTEXT (AMD64) read from and written to the
//! `ucontext_t` of a signal frame, for Get/SetThreadContext (see [`crate::suspend`]).
//!
//! `ContextFlags` selects the parts, as on Windows: CONTEXT_CONTROL (Rip, Rsp, EFlags, SegCs,
//! SegSs), CONTEXT_INTEGER (Rax-R15 but Rsp, Rbp included), CONTEXT_SEGMENTS (Ds, Es, Fs, Gs),
//! CONTEXT_FLOATING_POINT (the 512-byte FXSAVE image FltSave, which holds Xmm0-15, and MxCsr),
//! CONTEXT_DEBUG_REGISTERS (always zero here). The FXSAVE image has the same layout in both
//! worlds, so it is copied as is. Segment registers read as Windows x64 has them (the
//! selectors differ from Linux's and are never written back).

use windows_sys::Win32::System::Diagnostics::Debug::{
    CONTEXT, CONTEXT_AMD64, CONTEXT_CONTROL_AMD64, CONTEXT_DEBUG_REGISTERS_AMD64, CONTEXT_FLOATING_POINT_AMD64,
    CONTEXT_INTEGER_AMD64, CONTEXT_SEGMENTS_AMD64,
};

/// The selectors Windows x64 user code runs with.
pub const SEG_CS: u16 = 0x33;
pub const SEG_DS: u16 = 0x2b;
pub const SEG_FS: u16 = 0x53;

/// The EFLAGS bits user code may change (CF PF AF ZF SF TF DF OF, and AC).
const USER_EFLAGS: u64 = 0x0004_0dd5;

/// Bytes of the FXSAVE image.
const FXSAVE_LEN: usize = 512;
/// `sw_reserved.magic1` (bytes 464..468 of the FXSAVE image) when an XSAVE area follows.
const FP_XSTATE_MAGIC1: u32 = 0x4650_5853;

fn has(flags: u32, part: u32) -> bool {
    flags & part & !CONTEXT_AMD64 != 0
}

/// The general registers in CONTEXT order (Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, R8-R15)
/// as `gregs` indices.
const GPR_ORDER: [i32; 16] = [
    libc::REG_RAX,
    libc::REG_RCX,
    libc::REG_RDX,
    libc::REG_RBX,
    libc::REG_RSP,
    libc::REG_RBP,
    libc::REG_RSI,
    libc::REG_RDI,
    libc::REG_R8,
    libc::REG_R9,
    libc::REG_R10,
    libc::REG_R11,
    libc::REG_R12,
    libc::REG_R13,
    libc::REG_R14,
    libc::REG_R15,
];

fn gpr_fields(ctx: &mut CONTEXT) -> [&mut u64; 16] {
    [
        &mut ctx.Rax,
        &mut ctx.Rcx,
        &mut ctx.Rdx,
        &mut ctx.Rbx,
        &mut ctx.Rsp,
        &mut ctx.Rbp,
        &mut ctx.Rsi,
        &mut ctx.Rdi,
        &mut ctx.R8,
        &mut ctx.R9,
        &mut ctx.R10,
        &mut ctx.R11,
        &mut ctx.R12,
        &mut ctx.R13,
        &mut ctx.R14,
        &mut ctx.R15,
    ]
}

/// Is GPR_ORDER[i] part of `flags`? Rsp belongs to CONTROL, the others to INTEGER.
fn gpr_selected(flags: u32, i: usize) -> bool {
    if GPR_ORDER[i] == libc::REG_RSP { has(flags, CONTEXT_CONTROL_AMD64) } else { has(flags, CONTEXT_INTEGER_AMD64) }
}

/// Fill the parts of `ctx` its ContextFlags ask for from a signal frame.
///
/// # Safety
/// `uc` must be a valid ucontext (its `fpregs` valid or null).
pub unsafe fn from_ucontext(uc: *const libc::ucontext_t, ctx: &mut CONTEXT) {
    // SAFETY: per the contract.
    let uc = unsafe { &*uc };
    let g = &uc.uc_mcontext.gregs;
    let flags = ctx.ContextFlags;
    for (i, field) in gpr_fields(ctx).into_iter().enumerate() {
        if gpr_selected(flags, i) {
            *field = g[GPR_ORDER[i] as usize] as u64;
        }
    }
    if has(flags, CONTEXT_CONTROL_AMD64) {
        ctx.Rip = g[libc::REG_RIP as usize] as u64;
        ctx.EFlags = g[libc::REG_EFL as usize] as u32;
        ctx.SegCs = SEG_CS;
        ctx.SegSs = SEG_DS;
    }
    if has(flags, CONTEXT_SEGMENTS_AMD64) {
        (ctx.SegDs, ctx.SegEs, ctx.SegFs, ctx.SegGs) = (SEG_DS, SEG_DS, SEG_FS, SEG_DS);
    }
    if has(flags, CONTEXT_FLOATING_POINT_AMD64) {
        let fp = uc.uc_mcontext.fpregs as *const u8;
        if !fp.is_null() {
            // SAFETY: FltSave is the 512-byte FXSAVE image; fpregs points at the frame's.
            unsafe {
                std::ptr::copy_nonoverlapping(fp, (&raw mut ctx.Anonymous.FltSave) as *mut u8, FXSAVE_LEN);
                ctx.MxCsr = ctx.Anonymous.FltSave.MxCsr;
            }
        }
    }
    if has(flags, CONTEXT_DEBUG_REGISTERS_AMD64) {
        (ctx.Dr0, ctx.Dr1, ctx.Dr2, ctx.Dr3, ctx.Dr6, ctx.Dr7) = (0, 0, 0, 0, 0, 0);
    }
}

/// Write the parts of `ctx` its ContextFlags name into a signal frame (the thread continues
/// with them when the handler returns). EFlags keeps its system bits; MxCsr is masked to the
/// bits the processor accepts; segment and debug registers are not written.
///
/// # Safety
/// `uc` must be a valid, writable ucontext (its `fpregs` valid or null).
pub unsafe fn to_ucontext(ctx: &CONTEXT, uc: *mut libc::ucontext_t) {
    // SAFETY: per the contract.
    let uc = unsafe { &mut *uc };
    let flags = ctx.ContextFlags;
    // (No allocation: this runs in a signal handler for the calling thread's own context.)
    let mut c = *ctx;
    let fields = gpr_fields(&mut c);
    let values: [u64; 16] = std::array::from_fn(|i| *fields[i]);
    let g = &mut uc.uc_mcontext.gregs;
    for (i, v) in values.into_iter().enumerate() {
        if gpr_selected(flags, i) {
            g[GPR_ORDER[i] as usize] = v as i64;
        }
    }
    if has(flags, CONTEXT_CONTROL_AMD64) {
        g[libc::REG_RIP as usize] = ctx.Rip as i64;
        let old = g[libc::REG_EFL as usize] as u64;
        g[libc::REG_EFL as usize] = ((old & !USER_EFLAGS) | (ctx.EFlags as u64 & USER_EFLAGS)) as i64;
    }
    if has(flags, CONTEXT_FLOATING_POINT_AMD64) {
        let fp = uc.uc_mcontext.fpregs as *mut u8;
        if !fp.is_null() {
            // SAFETY: fpregs points at the frame's FXSAVE image (512 bytes, followed by an
            // XSAVE area when magic1 says so); FltSave is 512 bytes.
            unsafe {
                let mask = match (fp.add(28) as *const u32).read_unaligned() {
                    0 => 0xffbf,
                    m => m,
                };
                let mut img = ctx.Anonymous.FltSave;
                // MxCsr (the field outside FltSave is what Windows programs set).
                img.MxCsr = ctx.MxCsr & mask;
                img.MxCsr_Mask = mask;
                // Keep the frame's software-reserved bytes (464..512: the XSAVE magic).
                std::ptr::copy_nonoverlapping((&raw const img) as *const u8, fp, 464);
                if (fp.add(464) as *const u32).read_unaligned() == FP_XSTATE_MAGIC1 {
                    // The XSAVE header's XSTATE_BV: mark x87 and SSE as present, or XRSTOR
                    // would reset them to their initial state and drop what we wrote.
                    let bv = fp.add(FXSAVE_LEN) as *mut u64;
                    bv.write_unaligned(bv.read_unaligned() | 3);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use windows_sys::Win32::System::Diagnostics::Debug::{CONTEXT_ALL_AMD64, CONTEXT_FULL_AMD64};

    #[repr(C, align(64))]
    struct Fp([u8; 1024]);

    fn frame(fp: &mut Fp) -> libc::ucontext_t {
        // SAFETY: a zeroed ucontext is a valid plain-data value.
        let mut uc: libc::ucontext_t = unsafe { std::mem::zeroed() };
        for (i, r) in uc.uc_mcontext.gregs.iter_mut().enumerate() {
            *r = 0x1000 + i as i64;
        }
        uc.uc_mcontext.gregs[libc::REG_EFL as usize] = 0x246;
        fp.0[24..28].copy_from_slice(&0x1f80u32.to_le_bytes());
        fp.0[28..32].copy_from_slice(&0xffffu32.to_le_bytes());
        fp.0[160] = 0xab; // xmm0 low byte
        uc.uc_mcontext.fpregs = fp.0.as_mut_ptr() as *mut _;
        uc
    }

    #[test]
    fn read_selected_parts() {
        let mut fp = Fp([0; 1024]);
        let uc = frame(&mut fp);
        let mut ctx = CONTEXT { ContextFlags: CONTEXT_CONTROL_AMD64, Rax: 7, ..Default::default() };
        unsafe { from_ucontext(&uc, &mut ctx) };
        assert_eq!(ctx.Rip, 0x1000 + libc::REG_RIP as u64);
        assert_eq!(ctx.Rsp, 0x1000 + libc::REG_RSP as u64);
        assert_eq!((ctx.EFlags, ctx.SegCs, ctx.SegSs), (0x246, 0x33, 0x2b));
        assert_eq!(ctx.Rax, 7, "INTEGER not asked for");
        let mut ctx = CONTEXT { ContextFlags: CONTEXT_ALL_AMD64, ..Default::default() };
        unsafe { from_ucontext(&uc, &mut ctx) };
        assert_eq!(ctx.Rax, 0x1000 + libc::REG_RAX as u64);
        assert_eq!(ctx.R15, 0x1000 + libc::REG_R15 as u64);
        assert_eq!(ctx.Rbp, 0x1000 + libc::REG_RBP as u64);
        assert_eq!(ctx.MxCsr, 0x1f80);
        assert_eq!(unsafe { ctx.Anonymous.Anonymous.Xmm0.Low } & 0xff, 0xab);
        assert_eq!((ctx.SegDs, ctx.SegFs, ctx.SegGs), (0x2b, 0x53, 0x2b));
    }

    #[test]
    fn write_back() {
        let mut fp = Fp([0; 1024]);
        fp.0[464..468].copy_from_slice(&FP_XSTATE_MAGIC1.to_le_bytes());
        let mut uc = frame(&mut fp);
        let mut ctx = CONTEXT { ContextFlags: CONTEXT_FULL_AMD64, ..Default::default() };
        unsafe { from_ucontext(&uc, &mut ctx) };
        ctx.Rip = 0x4000;
        ctx.Rcx = 0x55;
        ctx.EFlags = 0xffff_ffff;
        ctx.MxCsr = 0xffff_ffff;
        unsafe { ctx.Anonymous.FltSave.XmmRegisters[1].High = 9 };
        ctx.ContextFlags = CONTEXT_CONTROL_AMD64 | CONTEXT_INTEGER_AMD64 | CONTEXT_FLOATING_POINT_AMD64;
        unsafe { to_ucontext(&ctx, &mut uc) };
        let g = &uc.uc_mcontext.gregs;
        assert_eq!((g[libc::REG_RIP as usize], g[libc::REG_RCX as usize]), (0x4000, 0x55));
        assert_eq!(g[libc::REG_EFL as usize] as u64, 0x246 & !USER_EFLAGS | USER_EFLAGS, "system bits kept");
        assert_eq!(u32::from_le_bytes(fp.0[24..28].try_into().unwrap()), 0xffff, "MXCSR masked");
        assert_eq!(u64::from_le_bytes(fp.0[160 + 16 + 8..160 + 32].try_into().unwrap()), 9);
        assert_eq!(u32::from_le_bytes(fp.0[464..468].try_into().unwrap()), FP_XSTATE_MAGIC1, "magic kept");
        assert_eq!(fp.0[512] & 3, 3, "XSTATE_BV marks x87 and SSE");
    }
}
