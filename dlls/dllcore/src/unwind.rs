//! The x64 unwinder for PE code: one frame at a time, from the image's exception directory
//! (`.pdata`: RUNTIME_FUNCTION entries pointing at UNWIND_INFO), as Windows' RtlVirtualUnwind
//! does it. Used by crash reports (the loader's `crash.rs`) and by exception dispatch (ntdll's
//! RtlVirtualUnwind and the dispatcher), which convert a CONTEXT with [`Regs::from_context`].
//!
//! Handled: UWOP_PUSH_NONVOL, UWOP_ALLOC_LARGE, UWOP_ALLOC_SMALL, UWOP_SET_FPREG,
//! UWOP_SAVE_NONVOL(_FAR), UWOP_SAVE_XMM128(_FAR) (XMM6-15 restored),
//! UWOP_PUSH_MACHFRAME, UWOP_EPILOG (version 2, skipped), chained unwind info
//! (UNW_FLAG_CHAININFO), indirect RUNTIME_FUNCTION entries, partially executed prologs (codes
//! whose prolog offset is past the pc are skipped), epilogs (recognised and emulated from the
//! code bytes, for the faulting frame), and leaf functions without `.pdata` (the return
//! address is at `[rsp]`).
//!
//! Every read goes through [`Memory`], which may refuse: a corrupt stack ends the backtrace
//! instead of faulting in the crash handler.

use std::mem::size_of;

use object::LittleEndian as LE;
use object::pe::ImageRuntimeFunctionEntry;
use windows_sys::Win32::System::Diagnostics::Debug::CONTEXT;

/// Register numbers as UNWIND_CODE and the x64 encoding use them.
pub const RAX: usize = 0;
pub const RCX: usize = 1;
pub const RDX: usize = 2;
pub const RBX: usize = 3;
pub const RSP: usize = 4;
pub const RBP: usize = 5;
pub const RSI: usize = 6;
pub const RDI: usize = 7;

/// Register names, by number.
pub const REG_NAMES: [&str; 16] =
    ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"];

const UWOP_PUSH_NONVOL: u8 = 0;
const UWOP_ALLOC_LARGE: u8 = 1;
const UWOP_ALLOC_SMALL: u8 = 2;
const UWOP_SET_FPREG: u8 = 3;
const UWOP_SAVE_NONVOL: u8 = 4;
const UWOP_SAVE_NONVOL_FAR: u8 = 5;
const UWOP_EPILOG: u8 = 6;
const UWOP_SAVE_XMM128: u8 = 8;
const UWOP_SAVE_XMM128_FAR: u8 = 9;
const UWOP_PUSH_MACHFRAME: u8 = 10;

const UNW_FLAG_CHAININFO: u8 = 4;
/// RUNTIME_FUNCTION.UnwindData with this bit set points at another RUNTIME_FUNCTION.
const RUNTIME_FUNCTION_INDIRECT: u32 = 1;

/// The registers of one frame that unwinding changes: the pc, the integer registers and the
/// XMM registers (only XMM6-15 are ever restored, as UWOP_SAVE_XMM128 describes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Regs {
    pub rip: u64,
    /// By number (see [`REG_NAMES`]); `gpr[RSP]` is the stack pointer.
    pub gpr: [u64; 16],
    /// XMM0-15, as 128-bit values.
    pub xmm: [u128; 16],
}

impl Regs {
    pub fn rsp(&self) -> u64 {
        self.gpr[RSP]
    }

    /// The registers of a Windows CONTEXT (Rax..R15 are in register-number order there).
    pub fn from_context(ctx: &CONTEXT) -> Regs {
        let gpr = [
            ctx.Rax, ctx.Rcx, ctx.Rdx, ctx.Rbx, ctx.Rsp, ctx.Rbp, ctx.Rsi, ctx.Rdi, ctx.R8, ctx.R9, ctx.R10, ctx.R11,
            ctx.R12, ctx.R13, ctx.R14, ctx.R15,
        ];
        let mut xmm = [0u128; 16];
        // SAFETY: the FXSAVE view of the union is always valid (plain bytes).
        let saved = unsafe { &ctx.Anonymous.FltSave.XmmRegisters };
        for (x, m) in xmm.iter_mut().zip(saved.iter()) {
            *x = u128::from(m.Low) | (u128::from(m.High as u64) << 64);
        }
        Regs { rip: ctx.Rip, gpr, xmm }
    }

    /// Store the registers into `ctx` (Rip, Rax..R15 and Xmm0-15; nothing else changes).
    pub fn to_context(&self, ctx: &mut CONTEXT) {
        let g = &self.gpr;
        (ctx.Rax, ctx.Rcx, ctx.Rdx, ctx.Rbx, ctx.Rsp, ctx.Rbp, ctx.Rsi, ctx.Rdi) =
            (g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]);
        (ctx.R8, ctx.R9, ctx.R10, ctx.R11, ctx.R12, ctx.R13, ctx.R14, ctx.R15) =
            (g[8], g[9], g[10], g[11], g[12], g[13], g[14], g[15]);
        ctx.Rip = self.rip;
        // SAFETY: as in from_context.
        let saved = unsafe { &mut ctx.Anonymous.FltSave.XmmRegisters };
        for (x, m) in self.xmm.iter().zip(saved.iter_mut()) {
            m.Low = *x as u64;
            m.High = (*x >> 64) as u64 as i64;
        }
    }
}


/// Memory the unwinder may read. `None` ends the backtrace.
pub trait Memory {
    fn read(&self, addr: u64, buf: &mut [u8]) -> Option<()>;

    fn u8(&self, addr: u64) -> Option<u8> {
        let mut b = [0u8; 1];
        self.read(addr, &mut b)?;
        Some(b[0])
    }
    fn u16(&self, addr: u64) -> Option<u16> {
        let mut b = [0u8; 2];
        self.read(addr, &mut b)?;
        Some(u16::from_le_bytes(b))
    }
    fn u32(&self, addr: u64) -> Option<u32> {
        let mut b = [0u8; 4];
        self.read(addr, &mut b)?;
        Some(u32::from_le_bytes(b))
    }
    fn u64(&self, addr: u64) -> Option<u64> {
        let mut b = [0u8; 8];
        self.read(addr, &mut b)?;
        Some(u64::from_le_bytes(b))
    }
}

/// A PE image as the unwinder sees it: where it is and its exception directory.
#[derive(Debug, Clone, Copy)]

/// The process's own memory, read directly: for unwinding live frames of the calling thread,
/// whose stack and images are known to be mapped (as on Windows, a bad pointer faults).
pub struct LiveMemory;

impl Memory for LiveMemory {
    fn read(&self, addr: u64, buf: &mut [u8]) -> Option<()> {
        if addr < 0x1000 {
            return None;
        }
        // SAFETY: see the type's comment: the caller unwinds frames of live, mapped code.
        unsafe { std::ptr::copy_nonoverlapping(addr as *const u8, buf.as_mut_ptr(), buf.len()) };
        Some(())
    }
}

/// A PE image as the unwinder sees it: where it is and its exception directory.
#[derive(Debug, Clone, Copy)]
pub struct Image {
    pub base: u64,
    pub size: u64,
    /// RVA and size of the exception directory (.pdata), if any.
    pub pdata: Option<(u32, u32)>,
}

impl Image {
    pub fn contains(&self, addr: u64) -> bool {
        addr >= self.base && addr - self.base < self.size
    }
}

/// Why a frame could not be unwound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A read the unwinder needed failed (bad stack pointer, truncated unwind data).
    BadRead(u64),
    /// UNWIND_INFO of a version this unwinder does not know.
    BadVersion(u8),
    /// A chain of unwind infos that does not end.
    ChainTooLong,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::BadRead(a) => write!(f, "cannot read {a:#x}"),
            Error::BadVersion(v) => write!(f, "unwind info version {v}"),
            Error::ChainTooLong => f.write_str("chained unwind info does not end"),
        }
    }
}

/// A RUNTIME_FUNCTION, in RVAs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Function {
    pub begin: u32,
    pub end: u32,
    pub unwind: u32,
}

/// Read the RUNTIME_FUNCTION at `addr`.
pub fn read_function(mem: &dyn Memory, addr: u64) -> Option<Function> {
    let mut b = [0u8; size_of::<ImageRuntimeFunctionEntry>()];
    mem.read(addr, &mut b)?;
    let e: &ImageRuntimeFunctionEntry = object::pod::from_bytes(&b).ok()?.0;
    Some(Function {
        begin: e.begin_address.get(LE),
        end: e.end_address.get(LE),
        unwind: e.unwind_info_address_or_data.get(LE),
    })
}

/// The RUNTIME_FUNCTION covering `rva` (binary search: the table is sorted), with indirect
/// entries followed.
pub fn lookup(img: &Image, mem: &dyn Memory, rva: u32) -> Option<Function> {
    let (dir, size) = img.pdata?;
    let entry = size_of::<ImageRuntimeFunctionEntry>() as u32;
    lookup_in_table(img.base, img.base + u64::from(dir), size / entry, mem, rva).map(|(_, f)| f)
}

/// The entry of a sorted RUNTIME_FUNCTION table (`count` entries at `table`, RVAs relative to
/// `base`) covering `rva`, with indirect entries followed: (address of the entry, entry).
pub fn lookup_in_table(base: u64, table: u64, count: u32, mem: &dyn Memory, rva: u32) -> Option<(u64, Function)> {
    let entry = size_of::<ImageRuntimeFunctionEntry>() as u32;
    let (mut lo, mut hi) = (0u32, count);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let at = table + u64::from(mid * entry);
        let f = read_function(mem, at)?;
        if rva < f.begin {
            hi = mid;
        } else if rva >= f.end {
            lo = mid + 1;
        } else {
            let (mut at, mut f) = (at, f);
            for _ in 0..8 {
                if f.unwind & RUNTIME_FUNCTION_INDIRECT == 0 {
                    return Some((at, f));
                }
                at = base + u64::from(f.unwind & !RUNTIME_FUNCTION_INDIRECT);
                f = read_function(mem, at)?;
            }
            return None;
        }
    }
    None
}

/// Unwind one frame: turn `regs` (of a frame whose pc is `regs.rip`, inside `img`) into the
/// caller's. `first` is true for the frame that was interrupted (its pc is the faulting
/// instruction) and false for callers (their pc is a return address: the function is looked
/// up at pc-1, and the pc cannot be in an epilog). For crash reports; exception dispatch uses
/// [`virtual_unwind`], which follows Windows exactly.
pub fn unwind_frame(img: &Image, mem: &dyn Memory, regs: &mut Regs, first: bool) -> Result<(), Error> {
    let pc = regs.rip;
    let rva = (pc - img.base) as u32;
    let lookup_rva = if first { rva } else { rva.wrapping_sub(1) };
    let Some(func) = lookup(img, mem, lookup_rva) else {
        // A leaf function without unwind data: the return address is at [rsp].
        let rsp = regs.rsp();
        regs.rip = mem.u64(rsp).ok_or(Error::BadRead(rsp))?;
        regs.gpr[RSP] = rsp + 8;
        return Ok(());
    };
    let check_epilog = first || rva < func.end;
    unwind_with(img.base, mem, &func, regs, check_epilog, 0).map(|_| ())
}

/// UNW_FLAG_EHANDLER: the function has an exception handler (phase 1, dispatch).
pub const UNW_FLAG_EHANDLER: u8 = 1;
/// UNW_FLAG_UHANDLER: the function has a termination handler (phase 2, unwind).
pub const UNW_FLAG_UHANDLER: u8 = 2;

/// What unwinding a frame found out about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Unwound {
    /// The establisher frame: the frame register minus its offset once the prolog set it,
    /// else the stack pointer of the frame (before unwinding).
    pub establisher: u64,
    /// The language handler (absolute address) and the address of its handler data, when the
    /// unwind info has one of the requested handler flags and the pc is past the prolog and
    /// not in an epilog.
    pub handler: Option<(u64, u64)>,
    /// Where each restored integer / XMM register was read from (0: not restored), for
    /// KNONVOLATILE_CONTEXT_POINTERS.
    pub gpr_at: [u64; 16],
    pub xmm_at: [u64; 16],
}

/// RtlVirtualUnwind: unwind the frame at `regs.rip` (in the function `func` of the image at
/// `base`), as Windows does: the pc is used as is (a return address right after a call that
/// ends a function belongs to the next one; compilers put a nop there), an epilog is
/// recognised from the code and emulated, inside a prolog only the executed codes apply.
/// `handler_type` is a mask of [`UNW_FLAG_EHANDLER`] / [`UNW_FLAG_UHANDLER`].
pub fn virtual_unwind(
    base: u64,
    mem: &dyn Memory,
    func: &Function,
    regs: &mut Regs,
    handler_type: u8,
) -> Result<Unwound, Error> {
    unwind_with(base, mem, func, regs, true, handler_type)
}

fn unwind_with(
    base: u64,
    mem: &dyn Memory,
    func: &Function,
    regs: &mut Regs,
    check_epilog: bool,
    handler_type: u8,
) -> Result<Unwound, Error> {
    let pc = regs.rip;
    let rva = (pc.wrapping_sub(base)) as u32;
    let mut out = Unwound { establisher: regs.rsp(), ..Default::default() };
    let mut func = *func;
    let mut mach_frame = false;
    let mut primary = true;
    for _ in 0..32 {
        let info = base + u64::from(func.unwind);
        let ver_flags = mem.u8(info).ok_or(Error::BadRead(info))?;
        let (version, flags) = (ver_flags & 7, ver_flags >> 3);
        if version != 1 && version != 2 {
            return Err(Error::BadVersion(version));
        }
        let prolog_size = mem.u8(info + 1).ok_or(Error::BadRead(info + 1))?;
        let count = mem.u8(info + 2).ok_or(Error::BadRead(info + 2))? as usize;
        let frame = mem.u8(info + 3).ok_or(Error::BadRead(info + 3))?;
        let (frame_reg, frame_off) = ((frame & 0xf) as usize, u64::from(frame >> 4) * 16);
        let codes_at = info + 4;
        let code = |i: usize| -> Result<(u8, u8, u8), Error> {
            let a = codes_at + 2 * i as u64;
            let b = mem.u16(a).ok_or(Error::BadRead(a))?;
            Ok(((b & 0xff) as u8, ((b >> 8) & 0xf) as u8, (b >> 12) as u8))
        };
        let slot16 = |i: usize| mem.u16(codes_at + 2 * i as u64).ok_or(Error::BadRead(codes_at + 2 * i as u64));
        let slot32 = |i: usize| mem.u32(codes_at + 2 * i as u64).ok_or(Error::BadRead(codes_at + 2 * i as u64));

        // In the prolog of the primary function, only the codes already executed apply.
        let offset = u64::from(rva.wrapping_sub(func.begin));
        let in_prolog = primary && offset < u64::from(prolog_size);
        let prolog_offset = if in_prolog { offset } else { u64::MAX };

        // The frame base: the frame register once SET_FPREG has run, else rsp.
        let mut fp_set = false;
        if frame_reg != 0 {
            let mut i = 0;
            while i < count {
                let (off, op, opinfo) = code(i)?;
                if op == UWOP_SET_FPREG && u64::from(off) <= prolog_offset {
                    fp_set = true;
                }
                i += op_slots(op, opinfo);
            }
        }
        let frame_base = if fp_set { regs.gpr[frame_reg].wrapping_sub(frame_off) } else { regs.rsp() };
        if primary {
            out.establisher = frame_base;
            if check_epilog && !in_prolog && in_epilog(base, mem, pc, &func) {
                emulate_epilog(mem, pc, regs)?;
                return Ok(out);
            }
            if !in_prolog && flags & handler_type & (UNW_FLAG_EHANDLER | UNW_FLAG_UHANDLER) != 0 {
                let at = codes_at + 2 * ((count as u64 + 1) & !1);
                let h = mem.u32(at).ok_or(Error::BadRead(at))?;
                out.handler = Some((base + u64::from(h), at + 4));
            }
        }

        let mut i = 0;
        while i < count {
            let (off, op, opinfo) = code(i)?;
            let n = op_slots(op, opinfo);
            if u64::from(off) > prolog_offset && op != UWOP_EPILOG {
                i += n;
                continue;
            }
            let r = opinfo as usize;
            match op {
                UWOP_PUSH_NONVOL => {
                    let rsp = regs.rsp();
                    regs.gpr[r] = mem.u64(rsp).ok_or(Error::BadRead(rsp))?;
                    out.gpr_at[r] = rsp;
                    regs.gpr[RSP] = rsp + 8;
                }
                UWOP_ALLOC_LARGE => {
                    let size = if opinfo == 0 { u64::from(slot16(i + 1)?) * 8 } else { u64::from(slot32(i + 1)?) };
                    regs.gpr[RSP] += size;
                }
                UWOP_ALLOC_SMALL => regs.gpr[RSP] += u64::from(opinfo) * 8 + 8,
                UWOP_SET_FPREG => regs.gpr[RSP] = frame_base,
                UWOP_SAVE_NONVOL | UWOP_SAVE_NONVOL_FAR => {
                    let at = frame_base
                        + if op == UWOP_SAVE_NONVOL { u64::from(slot16(i + 1)?) * 8 } else { u64::from(slot32(i + 1)?) };
                    regs.gpr[r] = mem.u64(at).ok_or(Error::BadRead(at))?;
                    out.gpr_at[r] = at;
                }
                UWOP_SAVE_XMM128 | UWOP_SAVE_XMM128_FAR => {
                    let at = frame_base
                        + if op == UWOP_SAVE_XMM128 { u64::from(slot16(i + 1)?) * 16 } else { u64::from(slot32(i + 1)?) };
                    let lo = mem.u64(at).ok_or(Error::BadRead(at))?;
                    let hi = mem.u64(at + 8).ok_or(Error::BadRead(at + 8))?;
                    regs.xmm[r] = u128::from(lo) | (u128::from(hi) << 64);
                    out.xmm_at[r] = at;
                }
                UWOP_EPILOG => {}
                UWOP_PUSH_MACHFRAME => {
                    // The CPU pushed SS, RSP, EFLAGS, CS, RIP (and an error code if info is 1).
                    let base = regs.rsp() + if opinfo != 0 { 8 } else { 0 };
                    regs.rip = mem.u64(base).ok_or(Error::BadRead(base))?;
                    regs.gpr[RSP] = mem.u64(base + 24).ok_or(Error::BadRead(base + 24))?;
                    mach_frame = true;
                }
                _ => {}
            }
            i += n;
        }
        if flags & UNW_FLAG_CHAININFO == 0 {
            if !mach_frame {
                let rsp = regs.rsp();
                regs.rip = mem.u64(rsp).ok_or(Error::BadRead(rsp))?;
                regs.gpr[RSP] = rsp + 8;
            }
            return Ok(out);
        }
        // The chained RUNTIME_FUNCTION follows the (even-padded) codes.
        let chained = codes_at + 2 * ((count as u64 + 1) & !1);
        func = read_function(mem, chained).ok_or(Error::BadRead(chained))?;
        primary = false;
    }
    Err(Error::ChainTooLong)
}
/// How many 16-bit slots an unwind code takes.
fn op_slots(op: u8, info: u8) -> usize {
    match op {
        UWOP_ALLOC_LARGE => {
            if info == 0 {
                2
            } else {
                3
            }
        }
        UWOP_SAVE_NONVOL | UWOP_SAVE_XMM128 => 2,
        UWOP_SAVE_NONVOL_FAR | UWOP_SAVE_XMM128_FAR => 3,
        UWOP_EPILOG => 2,
        _ => 1,
    }
}

/// Up to 8 code bytes at `pc`; bytes that cannot be read are 0 (which matches no epilog
/// instruction).
fn code_bytes(mem: &dyn Memory, pc: u64) -> [u8; 8] {
    let mut b = [0u8; 8];
    for (i, byte) in b.iter_mut().enumerate() {
        match mem.u8(pc + i as u64) {
            Some(v) => *byte = v,
            None => break,
        }
    }
    b
}

/// Does the code at `pc` look like an epilog: optionally `add rsp, imm` or `lea rsp, [reg+d]`
/// (with REX.W), then `pop`s, then `ret` (or a jump to one, inside the function)?
fn in_epilog(base: u64, mem: &dyn Memory, pc: u64, func: &Function) -> bool {
    let mut pc = pc;
    let b = code_bytes(mem, pc);
    if b[0] & 0xf8 == 0x48 {
        match b[1] {
            0x81 if b[0] == 0x48 && b[2] == 0xc4 => pc += 7,
            0x83 if b[0] == 0x48 && b[2] == 0xc4 => pc += 4,
            0x8d => {
                if b[0] & 0x06 != 0 || (b[2] >> 3) & 7 != 4 || b[2] & 7 == 4 {
                    return false;
                }
                match b[2] >> 6 {
                    1 => pc += 3,
                    2 => pc += 6,
                    _ => return false,
                }
            }
            0x81 | 0x83 => return false,
            _ => {}
        }
    }
    let inside = |a: u64| {
        let r = a.wrapping_sub(base);
        r >= u64::from(func.begin) && r < u64::from(func.end)
    };
    for _ in 0..32 {
        let b = code_bytes(mem, pc);
        let (rex, op) = if b[0] & 0xf0 == 0x40 { (1, b[1]) } else { (0, b[0]) };
        match op {
            0x58..=0x5f => pc += 1 + rex,
            0xc2 | 0xc3 => return true,
            0xf3 if rex == 0 => return b[1] == 0xc3,
            0xe9 if rex == 0 => {
                let d = i32::from_le_bytes([b[1], b[2], b[3], b[4]]);
                pc = (pc + 5).wrapping_add(d as i64 as u64);
                if !inside(pc) {
                    return false;
                }
            }
            0xeb if rex == 0 => {
                pc = (pc + 2).wrapping_add(b[1] as i8 as i64 as u64);
                if !inside(pc) {
                    return false;
                }
            }
            _ => return false,
        }
    }
    false
}

/// Execute the epilog at `pc` on `regs` (after [`in_epilog`] said it is one).
fn emulate_epilog(mem: &dyn Memory, mut pc: u64, regs: &mut Regs) -> Result<(), Error> {
    for _ in 0..64 {
        let b = code_bytes(mem, pc);
        let (rex, at) = if b[0] & 0xf0 == 0x40 { (b[0] & 0xf, 1usize) } else { (0, 0) };
        let c = &b[at..];
        let step = at as u64;
        match c[0] {
            0x58..=0x5f => {
                let r = (c[0] - 0x58) as usize + if rex & 1 != 0 { 8 } else { 0 };
                let rsp = regs.rsp();
                regs.gpr[r] = mem.u64(rsp).ok_or(Error::BadRead(rsp))?;
                regs.gpr[RSP] = rsp + 8;
                pc += step + 1;
            }
            0x81 => {
                regs.gpr[RSP] = regs.rsp().wrapping_add(i32::from_le_bytes([c[2], c[3], c[4], c[5]]) as i64 as u64);
                pc += step + 6;
            }
            0x83 => {
                regs.gpr[RSP] = regs.rsp().wrapping_add(c[2] as i8 as i64 as u64);
                pc += step + 3;
            }
            0x8d => {
                let base = regs.gpr[(c[1] & 7) as usize + if rex & 1 != 0 { 8 } else { 0 }];
                if c[1] >> 6 == 1 {
                    regs.gpr[RSP] = base.wrapping_add(c[2] as i8 as i64 as u64);
                    pc += step + 3;
                } else {
                    regs.gpr[RSP] = base.wrapping_add(i32::from_le_bytes([c[2], c[3], c[4], c[5]]) as i64 as u64);
                    pc += step + 6;
                }
            }
            0xc2 | 0xc3 | 0xf3 => {
                let rsp = regs.rsp();
                regs.rip = mem.u64(rsp).ok_or(Error::BadRead(rsp))?;
                let extra = if c[0] == 0xc2 { u64::from(u16::from_le_bytes([c[1], c[2]])) } else { 0 };
                regs.gpr[RSP] = rsp + 8 + extra;
                return Ok(());
            }
            0xe9 => pc = (pc + step + 5).wrapping_add(i32::from_le_bytes([c[1], c[2], c[3], c[4]]) as i64 as u64),
            0xeb => pc = (pc + step + 2).wrapping_add(c[1] as i8 as i64 as u64),
            _ => return Err(Error::BadRead(pc)),
        }
    }
    Err(Error::BadRead(pc))
}

/// Is the instruction before `ret_addr` a call (so `ret_addr` can be a return address)?
/// Recognises `call rel32` (E8), and `call r/m64` (FF /2) in its register, memory and
/// RIP-relative forms, with or without a REX prefix.
pub fn follows_call(mem: &dyn Memory, ret_addr: u64) -> bool {
    let mut b = [0u8; 7];
    if ret_addr < 7 || mem.read(ret_addr - 7, &mut b).is_none() {
        return false;
    }
    // E8 rel32: 5 bytes.
    if b[2] == 0xe8 {
        return true;
    }
    // FF /2 ending right before the return address: try each possible start.
    for start in 0..6usize {
        let mut i = start;
        if b[i] & 0xf0 == 0x40 {
            i += 1;
        }
        if i + 1 >= 7 || b[i] != 0xff {
            continue;
        }
        let modrm = b[i + 1];
        if (modrm >> 3) & 7 != 2 {
            continue;
        }
        let (md, rm) = (modrm >> 6, modrm & 7);
        let mut len = 2; // opcode, ModRM
        if md != 3 && rm == 4 {
            let Some(&sib) = b.get(i + 2) else { continue };
            len += 1;
            if md == 0 && sib & 7 == 5 {
                len += 4; // no base: disp32
            }
        }
        len += match (md, rm) {
            (0, 5) => 4, // RIP-relative
            (1, _) => 1,
            (2, _) => 4,
            _ => 0,
        };
        if i + len == 7 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Sparse test memory: byte ranges at addresses.
    #[derive(Default)]
    struct Mem(BTreeMap<u64, Vec<u8>>);

    impl Mem {
        fn put(&mut self, addr: u64, bytes: &[u8]) {
            self.0.insert(addr, bytes.to_vec());
        }
        fn put_u64s(&mut self, addr: u64, v: &[u64]) {
            let b: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
            self.put(addr, &b);
        }
    }

    impl Memory for Mem {
        fn read(&self, addr: u64, buf: &mut [u8]) -> Option<()> {
            let (start, bytes) = self.0.range(..=addr).next_back()?;
            let off = (addr - start) as usize;
            buf.copy_from_slice(bytes.get(off..off + buf.len())?);
            Some(())
        }
    }

    const BASE: u64 = 0x1_4000_0000;
    const PDATA: u32 = 0x5000;
    const STACK: u64 = 0x7000_0000;

    /// An image with the given functions: (begin, end, unwind info bytes).
    fn image(mem: &mut Mem, funcs: &[(u32, u32, Vec<u8>)]) -> Image {
        let mut pdata = Vec::new();
        let mut info_at = 0x6000u32;
        for (b, e, info) in funcs {
            pdata.extend_from_slice(&b.to_le_bytes());
            pdata.extend_from_slice(&e.to_le_bytes());
            pdata.extend_from_slice(&info_at.to_le_bytes());
            mem.put(BASE + u64::from(info_at), info);
            info_at += 0x100;
        }
        mem.put(BASE + u64::from(PDATA), &pdata);
        Image { base: BASE, size: 0x10000, pdata: Some((PDATA, pdata.len() as u32)) }
    }

    /// UNWIND_INFO bytes: version 1, flags, prolog size, frame reg/offset, codes (u16 each).
    fn info(flags: u8, prolog: u8, frame: u8, codes: &[u16]) -> Vec<u8> {
        let mut v = vec![1 | (flags << 3), prolog, codes.len() as u8, frame];
        for c in codes {
            v.extend_from_slice(&c.to_le_bytes());
        }
        if codes.len() % 2 == 1 {
            v.extend_from_slice(&[0, 0]);
        }
        v
    }

    fn op(offset: u8, op: u8, info: u8) -> u16 {
        u16::from(offset) | (u16::from(op) << 8) | (u16::from(info) << 12)
    }

    fn regs(rip: u64, rsp: u64) -> Regs {
        let mut r = Regs { rip, ..Default::default() };
        r.gpr[RSP] = rsp;
        r
    }

    #[test]
    fn push_and_alloc_small() {
        // push rbx (offset 1); sub rsp, 0x20 (offset 5)
        let mut m = Mem::default();
        let img = image(
            &mut m,
            &[(0x1000, 0x1100, info(0, 5, 0, &[op(5, UWOP_ALLOC_SMALL, 3), op(1, UWOP_PUSH_NONVOL, RBX as u8)]))],
        );
        // body: rsp -> [0x20 alloc][saved rbx][return address]
        m.put_u64s(STACK, &[0, 0, 0, 0, 0xbbbb, BASE + 0x2345]);
        m.put(BASE + 0x1050, &[0x90; 8]); // not an epilog
        let mut r = regs(BASE + 0x1050, STACK);
        unwind_frame(&img, &m, &mut r, true).unwrap();
        assert_eq!(r.rip, BASE + 0x2345);
        assert_eq!(r.rsp(), STACK + 48);
        assert_eq!(r.gpr[RBX], 0xbbbb);
    }

    #[test]
    fn inside_the_prolog_only_executed_codes_apply() {
        let mut m = Mem::default();
        let img = image(
            &mut m,
            &[(0x1000, 0x1100, info(0, 5, 0, &[op(5, UWOP_ALLOC_SMALL, 3), op(1, UWOP_PUSH_NONVOL, RBX as u8)]))],
        );
        // pc at offset 1: push rbx ran, sub rsp did not.
        m.put_u64s(STACK, &[0xbbbb, BASE + 0x2345]);
        m.put(BASE + 0x1001, &[0x48, 0x83, 0xec, 0x20, 0x90, 0x90, 0x90, 0x90]);
        let mut r = regs(BASE + 0x1001, STACK);
        unwind_frame(&img, &m, &mut r, true).unwrap();
        assert_eq!((r.rip, r.rsp(), r.gpr[RBX]), (BASE + 0x2345, STACK + 16, 0xbbbb));
    }

    #[test]
    fn alloc_large_both_forms() {
        let mut m = Mem::default();
        // sub rsp, 0x1000 (info 0: size/8 in one slot); sub rsp, 0x123458 (info 1: 32-bit)
        let img = image(
            &mut m,
            &[
                (0x1000, 0x1100, info(0, 7, 0, &[op(7, UWOP_ALLOC_LARGE, 0), 0x200])),
                (0x1100, 0x1200, info(0, 7, 0, &[op(7, UWOP_ALLOC_LARGE, 1), 0x3458, 0x12])),
            ],
        );
        m.put(BASE + 0x1050, &[0x90; 8]);
        m.put(BASE + 0x1150, &[0x90; 8]);
        m.put_u64s(STACK + 0x1000, &[BASE + 0x3000]);
        let mut r = regs(BASE + 0x1050, STACK);
        unwind_frame(&img, &m, &mut r, true).unwrap();
        assert_eq!((r.rip, r.rsp()), (BASE + 0x3000, STACK + 0x1008));
        m.put_u64s(STACK + 0x123458, &[BASE + 0x3100]);
        let mut r = regs(BASE + 0x1150, STACK);
        unwind_frame(&img, &m, &mut r, true).unwrap();
        assert_eq!((r.rip, r.rsp()), (BASE + 0x3100, STACK + 0x123460));
    }

    #[test]
    fn frame_pointer_and_save_nonvol() {
        // push rbp; sub rsp, 0x40; lea rbp, [rsp+0x20]; mov [rsp+0x38], rsi (SAVE_NONVOL at
        // frame base + 7*8); frame register rbp, offset 2 (*16).
        let mut m = Mem::default();
        let img = image(
            &mut m,
            &[(
                0x1000,
                0x1100,
                info(
                    0,
                    15,
                    RBP as u8 | (2 << 4),
                    &[
                        op(15, UWOP_SAVE_NONVOL, RSI as u8),
                        7,
                        op(10, UWOP_SET_FPREG, 0),
                        op(5, UWOP_ALLOC_SMALL, 7),
                        op(1, UWOP_PUSH_NONVOL, RBP as u8),
                    ],
                ),
            )],
        );
        m.put(BASE + 0x1080, &[0x90; 8]);
        // Frame: rsp = S; body moved rsp further down (a dynamic alloca) to S - 0x100.
        let s = STACK + 0x1000;
        let mut stack = vec![0u64; 8];
        stack[7] = 0x5151; // saved rsi at S+0x38
        m.put_u64s(s, &stack);
        m.put_u64s(s + 0x40, &[0xbbbb_0000, BASE + 0x4444]); // saved rbp, return address
        let mut r = regs(BASE + 0x1080, s - 0x100);
        r.gpr[RBP] = s + 0x20;
        unwind_frame(&img, &m, &mut r, true).unwrap();
        assert_eq!(r.rip, BASE + 0x4444);
        assert_eq!(r.rsp(), s + 0x50);
        assert_eq!(r.gpr[RBP], 0xbbbb_0000);
        assert_eq!(r.gpr[RSI], 0x5151);
    }

    #[test]
    fn save_nonvol_far_and_xmm_are_restored() {
        let mut m = Mem::default();
        let img = image(
            &mut m,
            &[(
                0x1000,
                0x1100,
                info(
                    0,
                    20,
                    0,
                    &[
                        op(20, UWOP_SAVE_XMM128_FAR, 6),
                        0x100,
                        0,
                        op(16, UWOP_SAVE_XMM128, 7),
                        2,
                        op(12, UWOP_SAVE_NONVOL_FAR, RDI as u8),
                        0x18,
                        0,
                        op(4, UWOP_ALLOC_SMALL, 5),
                    ],
                ),
            )],
        );
        m.put(BASE + 0x1080, &[0x90; 8]);
        m.put_u64s(STACK, &[0, 0, 0, 0xd1d1, 0x77, 0x7700, BASE + 0x5555]);
        m.put_u64s(STACK + 0x100, &[0x66, 0x6600]);
        let mut r = regs(BASE + 0x1080, STACK);
        unwind_frame(&img, &m, &mut r, true).unwrap();
        assert_eq!((r.rip, r.rsp(), r.gpr[RDI]), (BASE + 0x5555, STACK + 56, 0xd1d1));
        assert_eq!(r.xmm[6], 0x6600_u128 << 64 | 0x66);
        assert_eq!(r.xmm[7], 0x7700_u128 << 64 | 0x77);
    }

    #[test]
    fn chained_info() {
        // Primary: sub rsp, 0x28 then chain to a function whose codes push rbx and r12.
        let mut m = Mem::default();
        let mut primary = info(UNW_FLAG_CHAININFO, 0, 0, &[op(4, UWOP_ALLOC_SMALL, 4)]);
        let chained_info_rva = 0x6000u32; // where image() puts the first info
        primary.extend_from_slice(&0x1000u32.to_le_bytes());
        primary.extend_from_slice(&0x1010u32.to_le_bytes());
        primary.extend_from_slice(&chained_info_rva.to_le_bytes());
        let img = image(
            &mut m,
            &[
                (0x1000, 0x1010, info(0, 3, 0, &[op(3, UWOP_PUSH_NONVOL, 12), op(1, UWOP_PUSH_NONVOL, RBX as u8)])),
                (0x1020, 0x1100, primary),
            ],
        );
        m.put(BASE + 0x1050, &[0x90; 8]);
        m.put_u64s(STACK, &[0, 0, 0, 0, 0, 0x1212, 0xbbbb, BASE + 0x6666]);
        let mut r = regs(BASE + 0x1050, STACK);
        unwind_frame(&img, &m, &mut r, true).unwrap();
        assert_eq!((r.rip, r.rsp(), r.gpr[12], r.gpr[RBX]), (BASE + 0x6666, STACK + 64, 0x1212, 0xbbbb));
    }

    #[test]
    fn machine_frame() {
        let mut m = Mem::default();
        let img = image(&mut m, &[(0x1000, 0x1100, info(0, 0, 0, &[op(0, UWOP_PUSH_MACHFRAME, 1)]))]);
        m.put(BASE + 0x1050, &[0x90; 8]);
        // error code, RIP, CS, EFLAGS, RSP, SS
        m.put_u64s(STACK, &[0xe, BASE + 0x7777, 0x33, 0x246, 0x7100_0000, 0x2b]);
        let mut r = regs(BASE + 0x1050, STACK);
        unwind_frame(&img, &m, &mut r, true).unwrap();
        assert_eq!((r.rip, r.rsp()), (BASE + 0x7777, 0x7100_0000));
    }

    #[test]
    fn leaf_without_pdata() {
        let mut m = Mem::default();
        let img = image(&mut m, &[(0x1000, 0x1100, info(0, 0, 0, &[]))]);
        m.put_u64s(STACK, &[BASE + 0x1234]);
        let mut r = regs(BASE + 0x2000, STACK);
        unwind_frame(&img, &m, &mut r, true).unwrap();
        assert_eq!((r.rip, r.rsp()), (BASE + 0x1234, STACK + 8));
    }

    #[test]
    fn epilog_is_emulated() {
        // prolog: push rbx; push r12; sub rsp, 0x28. epilog: add rsp, 0x28; pop r12; pop rbx; ret
        let mut m = Mem::default();
        let img = image(
            &mut m,
            &[(
                0x1000,
                0x1100,
                info(
                    0,
                    8,
                    0,
                    &[op(8, UWOP_ALLOC_SMALL, 4), op(3, UWOP_PUSH_NONVOL, 12), op(1, UWOP_PUSH_NONVOL, RBX as u8)],
                ),
            )],
        );
        m.put(BASE + 0x1080, &[0x48, 0x83, 0xc4, 0x28, 0x41, 0x5c, 0x5b, 0xc3]);
        m.put_u64s(STACK, &[0, 0, 0, 0, 0, 0x1212, 0xbbbb, BASE + 0x8888]);
        let mut r = regs(BASE + 0x1080, STACK);
        unwind_frame(&img, &m, &mut r, true).unwrap();
        assert_eq!((r.rip, r.rsp(), r.gpr[RBX], r.gpr[12]), (BASE + 0x8888, STACK + 64, 0xbbbb, 0x1212));
        // Halfway: at "pop rbx" only rbx and the return address are left.
        let mut r = regs(BASE + 0x1086, STACK + 48);
        unwind_frame(&img, &m, &mut r, true).unwrap();
        assert_eq!((r.rip, r.rsp(), r.gpr[RBX]), (BASE + 0x8888, STACK + 64, 0xbbbb));
    }

    #[test]
    fn return_address_after_last_call_uses_pc_minus_one() {
        // A noreturn call at the very end of function A: the return address is the first byte
        // of B, but the caller frame is A's.
        let mut m = Mem::default();
        let img = image(
            &mut m,
            &[
                (0x1000, 0x1010, info(0, 4, 0, &[op(4, UWOP_ALLOC_SMALL, 4)])),
                (0x1010, 0x1100, info(0, 1, 0, &[op(1, UWOP_PUSH_NONVOL, RBX as u8)])),
            ],
        );
        m.put_u64s(STACK, &[0, 0, 0, 0, 0, BASE + 0x9999]);
        let mut r = regs(BASE + 0x1010, STACK);
        unwind_frame(&img, &m, &mut r, false).unwrap();
        assert_eq!((r.rip, r.rsp()), (BASE + 0x9999, STACK + 48));
    }

    #[test]
    fn bad_stack_is_an_error_not_a_fault() {
        let mut m = Mem::default();
        let img = image(&mut m, &[(0x1000, 0x1100, info(0, 1, 0, &[op(1, UWOP_PUSH_NONVOL, RBX as u8)]))]);
        m.put(BASE + 0x1050, &[0x90; 8]);
        let mut r = regs(BASE + 0x1050, 0xdead_0000);
        assert_eq!(unwind_frame(&img, &m, &mut r, true), Err(Error::BadRead(0xdead_0000)));
    }

    /// UNWIND_INFO with a handler: flags, codes, then the handler RVA and handler data.
    fn info_with_handler(flags: u8, prolog: u8, frame: u8, codes: &[u16], handler: u32, data: u32) -> Vec<u8> {
        let mut v = info(flags, prolog, frame, codes);
        v.extend_from_slice(&handler.to_le_bytes());
        v.extend_from_slice(&data.to_le_bytes());
        v
    }

    #[test]
    fn virtual_unwind_reports_handler_and_establisher() {
        // push rbp; sub rsp, 0x20; lea rbp, [rsp+0x10] (frame register rbp, offset 1*16);
        // handler at RVA 0x3000 for both phases.
        let mut m = Mem::default();
        let codes = [op(9, UWOP_SET_FPREG, 0), op(5, UWOP_ALLOC_SMALL, 3), op(1, UWOP_PUSH_NONVOL, RBP as u8)];
        let flags = UNW_FLAG_EHANDLER | UNW_FLAG_UHANDLER;
        let img = image(&mut m, &[(0x1000, 0x1100, info_with_handler(flags, 9, RBP as u8 | (1 << 4), &codes, 0x3000, 0x77))]);
        let f = lookup(&img, &m, 0x1050).unwrap();
        m.put(BASE + 0x1050, &[0x90; 8]);
        let s = STACK + 0x100; // rsp after the prolog
        m.put_u64s(s, &[0, 0, 0, 0, 0xbbbb_0000, BASE + 0x2222]);
        let mut r = regs(BASE + 0x1050, s - 0x40); // the body pushed more since
        r.gpr[RBP] = s + 0x10;
        let u = virtual_unwind(BASE, &m, &f, &mut r, UNW_FLAG_EHANDLER).unwrap();
        assert_eq!(u.establisher, s, "frame register minus its offset");
        let info_at = BASE + 0x6000;
        assert_eq!(u.handler, Some((BASE + 0x3000, info_at + 4 + 4 * 2 + 4)));
        assert_eq!((r.rip, r.rsp(), r.gpr[RBP]), (BASE + 0x2222, s + 0x30, 0xbbbb_0000));
        assert_eq!(u.gpr_at[RBP], s + 0x20);

        // Only the requested handler type is reported.
        let img2 = image(
            &mut m,
            &[(0x1000, 0x1100, info_with_handler(UNW_FLAG_UHANDLER, 9, RBP as u8 | (1 << 4), &codes, 0x3000, 0))],
        );
        let f2 = lookup(&img2, &m, 0x1050).unwrap();
        let mut r = regs(BASE + 0x1050, s - 0x40);
        r.gpr[RBP] = s + 0x10;
        assert_eq!(virtual_unwind(BASE, &m, &f2, &mut r, UNW_FLAG_EHANDLER).unwrap().handler, None);

        // Inside the prolog (after push rbp only): no handler, establisher is rsp.
        m.put(BASE + 0x1001, &[0x48, 0x83, 0xec, 0x20, 0x90, 0x90, 0x90, 0x90]);
        m.put_u64s(STACK, &[0xbbbb_0000, BASE + 0x2222]);
        let mut r = regs(BASE + 0x1001, STACK);
        let u = virtual_unwind(BASE, &m, &f, &mut r, UNW_FLAG_EHANDLER).unwrap();
        assert_eq!((u.handler, u.establisher), (None, STACK));
        assert_eq!((r.rip, r.rsp(), r.gpr[RBP]), (BASE + 0x2222, STACK + 16, 0xbbbb_0000));

        // In the epilog: emulated, no handler.
        m.put(BASE + 0x1080, &[0x48, 0x83, 0xc4, 0x20, 0x5d, 0xc3, 0x90, 0x90]); // add rsp,0x20; pop rbp; ret
        m.put_u64s(STACK + 0x200, &[0, 0, 0, 0, 0xbbbb_0000, BASE + 0x2222]);
        let mut r = regs(BASE + 0x1080, STACK + 0x200);
        r.gpr[RBP] = STACK + 0x210;
        let u = virtual_unwind(BASE, &m, &f, &mut r, UNW_FLAG_EHANDLER).unwrap();
        assert_eq!(u.handler, None);
        assert_eq!((r.rip, r.rsp(), r.gpr[RBP]), (BASE + 0x2222, STACK + 0x230, 0xbbbb_0000));
    }

    #[test]
    fn context_round_trip() {
        // SAFETY: an all-zero CONTEXT is valid.
        let mut ctx: CONTEXT = unsafe { std::mem::zeroed() };
        ctx.Rax = 1;
        ctx.Rsp = 0x1000;
        ctx.R15 = 15;
        ctx.Rip = 0x4000;
        let mut r = Regs::from_context(&ctx);
        assert_eq!((r.gpr[0], r.rsp(), r.gpr[15], r.rip), (1, 0x1000, 15, 0x4000));
        r.xmm[6] = 0x1234_u128 << 64 | 0x5678;
        r.gpr[RBX] = 3;
        r.to_context(&mut ctx);
        // SAFETY: reading the FXSAVE view.
        let x6 = unsafe { ctx.Anonymous.FltSave.XmmRegisters[6] };
        assert_eq!((x6.Low, x6.High), (0x5678, 0x1234));
        assert_eq!(ctx.Rbx, 3);
        assert_eq!(Regs::from_context(&ctx).xmm[6], r.xmm[6]);
    }

    #[test]
    fn call_instructions() {
        let mut m = Mem::default();
        let at = 0x1000u64;
        let check = |m: &mut Mem, bytes: &[u8]| {
            let mut v = vec![0x90u8; 7 - bytes.len()];
            v.extend_from_slice(bytes);
            m.put(at, &v);
            follows_call(m, at + 7)
        };
        assert!(check(&mut m, &[0xe8, 1, 2, 3, 4])); // call rel32
        assert!(check(&mut m, &[0xff, 0x15, 1, 2, 3, 4])); // call [rip+disp32]
        assert!(check(&mut m, &[0xff, 0xd0])); // call rax
        assert!(check(&mut m, &[0x41, 0xff, 0xd3])); // call r11
        assert!(check(&mut m, &[0xff, 0x50, 0x08])); // call [rax+8]
        assert!(check(&mut m, &[0xff, 0x90, 1, 2, 3, 4])); // call [rax+disp32]
        assert!(check(&mut m, &[0xff, 0x54, 0x24, 0x08])); // call [rsp+8]
        assert!(!check(&mut m, &[0x90, 0x90, 0x90])); // nops
        assert!(!check(&mut m, &[0xff, 0xe0])); // jmp rax
    }
}
