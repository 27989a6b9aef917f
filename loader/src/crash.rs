//! Crash reports: what wine-rs prints when PE code dies of an unhandled exception
//! (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP) or calls an unimplemented function
//! (`stub.rs`).
//!
//! ```text
//! wine-rs: unhandled exception 0xc0000005 EXCEPTION_ACCESS_VIOLATION (writing address 0x0000000000000000) at crash.exe+0x1591 (write_null+0x11) in thread 04d2
//! registers:
//!   rip=0000000140001591 rsp=00000000005ffd90 rbp=0000000000000001 eflags=00010246
//!   ...
//! backtrace:
//!   #0 0x0000000140001591 crash.exe+0x1591 (write_null+0x11)
//!   #1 0x00000001400015e5 crash.exe+0x15e5 (main+0x45)
//!   #2 0x00000001400012ee crash.exe+0x12ee (__tmainCRTStartup+0x16e)
//!   #3 0x0000000140001406 crash.exe+0x1406 (mainCRTStartup+0x16)
//!   #4 0x00005577d1c0f2a3 wine-rs+0x10f2a3 (wine-rs: the start of PE code)
//! last API calls of thread 04d2, oldest first (41 in total):
//!   msvcrt.__getmainargs
//!   ...
//! wine-rs: the process ends with exit code 139 (128 + SIGSEGV)
//! ```
//!
//! * The exception code is Windows' (0xC0000005 access violation with read/write/execute and
//!   the address, 0xC000001D illegal instruction, 0xC0000094 integer divide by zero,
//!   0xC00000FD stack overflow, ...), mapped from the signal and its `si_code` as Wine does.
//! * Addresses are shown as `module+offset (symbol+offset)`: the nearest COFF symbol (the
//!   PE's symbol table, which mingw keeps unless the program is stripped) or export at or
//!   below the address, in the same section. Addresses in wine-rs itself are `wine-rs+offset`
//!   (`addr2line -e wine-rs 0xoffset` names the Rust function).
//! * The backtrace is unwound through PE frames with the image's `.pdata` ([`dllcore::unwind`]).
//!   Where a frame returns into wine-rs (host code), the walk continues by scanning the stack
//!   for the next return address into PE code (one that follows a call instruction); such
//!   frames are marked `?`. The walk stops where the main thread entered PE code.
//! * The last API calls come from the thread's flight recorder (`dllcore::flight`).
//!
//! **The process ends** after the report, with exit code 128 + the signal number (139 for an
//! access violation, as a shell reports a SIGSEGV death; 132 SIGILL, 136 SIGFPE, 135 SIGBUS,
//! 133 SIGTRAP), without flushing the CRT's buffers (Windows does not either: the fault may
//! have happened inside them). A call to an unimplemented function ends with 127 after
//! flushing the CRT (`stub.rs`).
//!
//! **Exceptions are dispatched first.** A fault in PE code becomes a Windows exception: the
//! handler fills an EXCEPTION_RECORD and CONTEXT and makes the thread continue in ntdll's
//! dispatcher (`ntdll::seh`), which calls the vectored handlers, the frames' language handlers
//! and the unhandled-exception filter; only when none handles it does this report run (the
//! dispatcher calls [`seh_crash`]), with the API calls as they were at the fault. A raised
//! exception nobody handles gets the same report and ends the process with its exception code.
//! Faults in wine-rs's own code are reported at once; a stack overflow is dispatched in the
//! thread's stack guarantee (`dllcore::teb::release_stack_guarantee`), once per thread.
//!
//! Signals from threads that never ran PE code, and faults that are not PE-related, go to the
//! handler that was installed before (Rust's stack-overflow handler, or the default action).
//!
//! The handler runs on the thread's alternate signal stack (Rust gives every thread one) and
//! moves at once to a fresh 1 MiB stack, so a stack overflow can be reported. It reads memory
//! only inside the thread's stack and the loaded images, so a corrupt stack pointer ends the
//! backtrace instead of faulting again.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};

use object::read::pe::ImageNtHeaders;
use object::{Object, ObjectSection, ObjectSymbol, SymbolKind};

use dllcore::unwind::{self, Image, Memory, REG_NAMES, RSP, Regs};
use windows_sys::Win32::System::Diagnostics::Debug::{CONTEXT, EXCEPTION_RECORD};

/// The signals a crash report is made for.
const SIGNALS: [i32; 5] = [libc::SIGSEGV, libc::SIGBUS, libc::SIGILL, libc::SIGFPE, libc::SIGTRAP];

const ILL_PRVOPC: i32 = 5;
const FPE_INTDIV: i32 = 1;
const FPE_INTOVF: i32 = 2;
const FPE_FLTDIV: i32 = 3;
const FPE_FLTOVF: i32 = 4;
const FPE_FLTUND: i32 = 5;
const FPE_FLTRES: i32 = 6;
const FPE_FLTINV: i32 = 7;
const FPE_FLTSUB: i32 = 8;
const BUS_ADRALN: i32 = 1;
/// x86 trap numbers (mcontext's REG_TRAPNO).
const TRAP_GP: u64 = 13;
/// Page-fault error code bits (REG_ERR).
const PF_WRITE: u64 = 2;
const PF_INSTR: u64 = 16;

/// Windows exception codes.
pub const EXCEPTION_ACCESS_VIOLATION: u32 = 0xC000_0005;
pub const EXCEPTION_IN_PAGE_ERROR: u32 = 0xC000_0006;
pub const EXCEPTION_ILLEGAL_INSTRUCTION: u32 = 0xC000_001D;
pub const EXCEPTION_ARRAY_BOUNDS_EXCEEDED: u32 = 0xC000_008C;
pub const EXCEPTION_FLT_DENORMAL_OPERAND: u32 = 0xC000_008D;
pub const EXCEPTION_FLT_DIVIDE_BY_ZERO: u32 = 0xC000_008E;
pub const EXCEPTION_FLT_INEXACT_RESULT: u32 = 0xC000_008F;
pub const EXCEPTION_FLT_INVALID_OPERATION: u32 = 0xC000_0090;
pub const EXCEPTION_FLT_OVERFLOW: u32 = 0xC000_0091;
pub const EXCEPTION_FLT_UNDERFLOW: u32 = 0xC000_0093;
pub const EXCEPTION_INT_DIVIDE_BY_ZERO: u32 = 0xC000_0094;
pub const EXCEPTION_INT_OVERFLOW: u32 = 0xC000_0095;
pub const EXCEPTION_PRIV_INSTRUCTION: u32 = 0xC000_0096;
pub const EXCEPTION_STACK_OVERFLOW: u32 = 0xC000_00FD;
pub const EXCEPTION_DATATYPE_MISALIGNMENT: u32 = 0x8000_0002;
pub const EXCEPTION_BREAKPOINT: u32 = 0x8000_0003;
/// What Wine raises when a program calls a function it does not implement.
pub const EXCEPTION_WINE_STUB: u32 = 0x8000_0100;

/// The name of a Windows exception code.
pub fn exception_name(code: u32) -> &'static str {
    match code {
        EXCEPTION_ACCESS_VIOLATION => "EXCEPTION_ACCESS_VIOLATION",
        EXCEPTION_IN_PAGE_ERROR => "EXCEPTION_IN_PAGE_ERROR",
        EXCEPTION_ILLEGAL_INSTRUCTION => "EXCEPTION_ILLEGAL_INSTRUCTION",
        EXCEPTION_ARRAY_BOUNDS_EXCEEDED => "EXCEPTION_ARRAY_BOUNDS_EXCEEDED",
        EXCEPTION_FLT_DENORMAL_OPERAND => "EXCEPTION_FLT_DENORMAL_OPERAND",
        EXCEPTION_FLT_DIVIDE_BY_ZERO => "EXCEPTION_FLT_DIVIDE_BY_ZERO",
        EXCEPTION_FLT_INEXACT_RESULT => "EXCEPTION_FLT_INEXACT_RESULT",
        EXCEPTION_FLT_INVALID_OPERATION => "EXCEPTION_FLT_INVALID_OPERATION",
        EXCEPTION_FLT_OVERFLOW => "EXCEPTION_FLT_OVERFLOW",
        EXCEPTION_FLT_UNDERFLOW => "EXCEPTION_FLT_UNDERFLOW",
        EXCEPTION_INT_DIVIDE_BY_ZERO => "EXCEPTION_INT_DIVIDE_BY_ZERO",
        EXCEPTION_INT_OVERFLOW => "EXCEPTION_INT_OVERFLOW",
        EXCEPTION_PRIV_INSTRUCTION => "EXCEPTION_PRIV_INSTRUCTION",
        EXCEPTION_STACK_OVERFLOW => "EXCEPTION_STACK_OVERFLOW",
        EXCEPTION_DATATYPE_MISALIGNMENT => "EXCEPTION_DATATYPE_MISALIGNMENT",
        EXCEPTION_BREAKPOINT => "EXCEPTION_BREAKPOINT",
        EXCEPTION_WINE_STUB => "EXCEPTION_WINE_STUB",
        _ => "exception",
    }
}

/// The Windows view of a fault: code, the address the exception is reported at, and for an
/// access violation what was accessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception {
    pub code: u32,
    /// The faulting instruction (for int3, the int3 itself, as Windows reports it).
    pub pc: u64,
    /// For access violations: "reading address 0x…" and the like.
    pub detail: Option<String>,
}

/// Map a signal to a Windows exception, as Wine does.
/// `addr` is si_addr, `err`/`trapno` the page-fault error code and trap number of the
/// context, `stack` the thread's stack reservation (lowest address, usable limit).
pub fn classify(
    sig: i32,
    si_code: i32,
    addr: u64,
    pc: u64,
    err: u64,
    trapno: u64,
    stack: Option<(u64, u64)>,
) -> Exception {
    let access =
        |code: u32, what: &str, a: u64| Exception { code, pc, detail: Some(format!("{what} address {a:#018x}")) };
    match sig {
        libc::SIGSEGV => {
            if trapno == TRAP_GP || si_code == libc::SI_KERNEL {
                // A general protection fault (non-canonical address): Windows reports a read
                // of 0xffffffffffffffff.
                return access(EXCEPTION_ACCESS_VIOLATION, "reading", u64::MAX);
            }
            if let Some((low, limit)) = stack
                && addr >= low.saturating_sub(0x10000)
                && addr < limit
            {
                return Exception {
                    code: EXCEPTION_STACK_OVERFLOW,
                    pc,
                    detail: Some(format!("at address {addr:#018x}")),
                };
            }
            let what = if err & PF_INSTR != 0 {
                "executing"
            } else if err & PF_WRITE != 0 {
                "writing"
            } else {
                "reading"
            };
            access(EXCEPTION_ACCESS_VIOLATION, what, addr)
        }
        libc::SIGBUS if si_code == BUS_ADRALN => access(EXCEPTION_DATATYPE_MISALIGNMENT, "at", addr),
        libc::SIGBUS => access(EXCEPTION_IN_PAGE_ERROR, "reading", addr),
        libc::SIGILL if si_code == ILL_PRVOPC => Exception { code: EXCEPTION_PRIV_INSTRUCTION, pc, detail: None },
        libc::SIGILL => Exception { code: EXCEPTION_ILLEGAL_INSTRUCTION, pc, detail: None },
        libc::SIGFPE => {
            let code = match si_code {
                FPE_INTDIV => EXCEPTION_INT_DIVIDE_BY_ZERO,
                FPE_INTOVF => EXCEPTION_INT_OVERFLOW,
                FPE_FLTDIV => EXCEPTION_FLT_DIVIDE_BY_ZERO,
                FPE_FLTOVF => EXCEPTION_FLT_OVERFLOW,
                FPE_FLTUND => EXCEPTION_FLT_UNDERFLOW,
                FPE_FLTRES => EXCEPTION_FLT_INEXACT_RESULT,
                FPE_FLTINV => EXCEPTION_FLT_INVALID_OPERATION,
                FPE_FLTSUB => EXCEPTION_ARRAY_BOUNDS_EXCEEDED,
                _ => EXCEPTION_FLT_INVALID_OPERATION,
            };
            Exception { code, pc, detail: None }
        }
        // int3 leaves the pc after itself; Windows reports the int3's address.
        libc::SIGTRAP => Exception { code: EXCEPTION_BREAKPOINT, pc: pc.wrapping_sub(1), detail: None },
        _ => Exception { code: 0, pc, detail: None },
    }
}

/// The name of a signal (for the exit line).
fn signal_name(sig: i32) -> &'static str {
    match sig {
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGBUS => "SIGBUS",
        libc::SIGILL => "SIGILL",
        libc::SIGFPE => "SIGFPE",
        libc::SIGTRAP => "SIGTRAP",
        _ => "signal",
    }
}

// ---- modules and symbols ----------------------------------------------------------------------

/// One loaded module, read from PEB.Ldr.
#[derive(Debug, Clone)]
pub struct Module {
    pub name: String,
    /// The Unix path of the file (PE modules).
    pub path: Option<String>,
    pub image: Image,
    /// RVA ranges of executable sections (empty for builtins).
    pub code: Vec<(u32, u32)>,
}

/// LDR_DATA_TABLE_ENTRY fields (x64 offsets, as loader/src/peb.rs writes them).
const LDTE_DLL_BASE: usize = 0x30;
const LDTE_SIZE_OF_IMAGE: usize = 0x40;
const LDTE_FULL_DLL_NAME: usize = 0x48;
const LDTE_BASE_DLL_NAME: usize = 0x58;
const PEB_LDR: usize = 0x18;
const LDR_LOAD_ORDER: usize = 0x10;

/// Read a UNICODE_STRING at `at`.
unsafe fn unicode_string(at: usize) -> String {
    // SAFETY: the caller passes a UNICODE_STRING the loader wrote.
    unsafe {
        let len = *(at as *const u16) as usize / 2;
        let buf = *((at + 8) as *const *const u16);
        if buf.is_null() {
            return String::new();
        }
        String::from_utf16_lossy(std::slice::from_raw_parts(buf, len))
    }
}

/// The modules in PEB.Ldr's load order. Lock-free: it reads the lists the loader keeps for
/// the program (modules.rs's lock may be held by the faulting thread).
pub fn modules() -> Vec<Module> {
    let peb = dllcore::teb::peb() as usize;
    let mut out = Vec::new();
    if peb == 0 {
        return out;
    }
    // SAFETY: the PEB and its Ldr lists are the loader's (peb.rs); entries stay allocated.
    unsafe {
        let ldr = *((peb + PEB_LDR) as *const usize);
        if ldr == 0 {
            return out;
        }
        let head = ldr + LDR_LOAD_ORDER;
        let mut e = *(head as *const usize);
        while e != head && e != 0 && out.len() < 4096 {
            let base = *((e + LDTE_DLL_BASE) as *const usize) as u64;
            let size = u64::from(*((e + LDTE_SIZE_OF_IMAGE) as *const u32));
            let full = unicode_string(e + LDTE_FULL_DLL_NAME);
            let name = unicode_string(e + LDTE_BASE_DLL_NAME);
            out.push(module_at(base, size, name, &full));
            e = *(e as *const usize);
        }
    }
    out
}

/// Describe the image at `base` from its mapped headers.
fn module_at(base: u64, size: u64, name: String, full_path: &str) -> Module {
    let mut m = Module { name, path: None, image: Image { base, size, pdata: None }, code: Vec::new() };
    let hdr_len = size.min(0x1000) as usize;
    // SAFETY: the headers of a mapped module are readable (image.rs maps them read-only,
    // builtins' header page is a leaked buffer).
    let hdr = unsafe { std::slice::from_raw_parts(base as *const u8, hdr_len) };
    let Ok(dos) = object::pe::ImageDosHeader::parse(hdr) else { return m };
    let mut off = u64::from(dos.nt_headers_offset());
    let Ok((nt, dirs)) = object::pe::ImageNtHeaders64::parse(hdr, &mut off) else { return m };
    let Ok(sections) = nt.sections(hdr, off) else { return m };
    if sections.is_empty() {
        return m; // a builtin's header page
    }
    m.image.pdata = dirs
        .get(object::pe::IMAGE_DIRECTORY_ENTRY_EXCEPTION)
        .map(|d| d.address_range())
        .filter(|&(rva, len)| rva != 0 && len != 0 && u64::from(rva) + u64::from(len) <= size);
    for s in sections.iter() {
        if s.characteristics.get(object::LittleEndian) & object::pe::IMAGE_SCN_MEM_EXECUTE != 0 {
            let rva = s.virtual_address.get(object::LittleEndian);
            let len = s.virtual_size.get(object::LittleEndian).max(s.size_of_raw_data.get(object::LittleEndian));
            m.code.push((rva, rva.saturating_add(len)));
        }
    }
    m.path = syscall_shims::path::dos_to_unix(full_path);
    m
}

fn find(modules: &[Module], addr: u64) -> Option<&Module> {
    modules.iter().find(|m| m.image.contains(addr))
}

/// Is `addr` inside an executable section of a PE module?
fn in_pe_code(modules: &[Module], addr: u64) -> Option<&Module> {
    let m = find(modules, addr)?;
    let rva = addr - m.image.base;
    m.code.iter().any(|&(b, e)| rva >= u64::from(b) && rva < u64::from(e)).then_some(m)
}

/// A module's symbols: (rva, name), sorted, with the executable sections' ranges.
#[derive(Debug, Default)]
pub struct Symbols {
    syms: Vec<(u32, String)>,
    sections: Vec<(u32, u32)>,
}

impl Symbols {
    /// Read the COFF symbol table and the exports of the PE file `data`.
    pub fn from_file(data: &[u8]) -> Symbols {
        let Ok(file) = object::read::pe::PeFile64::parse(data) else { return Symbols::default() };
        let image_base = file.relative_address_base();
        let mut syms = Vec::new();
        for s in file.symbols() {
            if s.kind() != SymbolKind::Text || !s.is_definition() {
                continue;
            }
            let Ok(name) = s.name() else { continue };
            if name.is_empty() || name.starts_with('.') {
                continue;
            }
            syms.push(((s.address().wrapping_sub(image_base)) as u32, name.to_string()));
        }
        if let Ok(exports) = file.exports() {
            for e in exports {
                let name = String::from_utf8_lossy(e.name()).into_owned();
                syms.push(((e.address().wrapping_sub(image_base)) as u32, name));
            }
        }
        syms.sort();
        syms.dedup_by(|a, b| a.0 == b.0);
        let sections = file
            .sections()
            .map(|s| ((s.address() - image_base) as u32, (s.address() - image_base + s.size()) as u32))
            .collect();
        Symbols { syms, sections }
    }

    /// The nearest symbol at or below `rva`, in the same section: (name, offset).
    pub fn lookup(&self, rva: u32) -> Option<(&str, u32)> {
        let i = self.syms.partition_point(|(a, _)| *a <= rva).checked_sub(1)?;
        let (at, name) = &self.syms[i];
        let section = |r: u32| self.sections.iter().position(|&(b, e)| r >= b && r < e);
        if section(*at) != section(rva) {
            return None;
        }
        Some((name, rva - at))
    }
}

/// Symbols per module, read from the files on first use.
struct SymbolCache(Vec<(u64, Symbols)>);

impl SymbolCache {
    fn get(&mut self, m: &Module) -> &Symbols {
        if let Some(i) = self.0.iter().position(|(b, _)| *b == m.image.base) {
            return &self.0[i].1;
        }
        let syms = m
            .path
            .as_ref()
            .and_then(|p| std::fs::File::open(p).ok())
            // SAFETY: read-only mapping of the module's file, dropped before we return.
            .and_then(|f| unsafe { memmap2::Mmap::map(&f) }.ok())
            .map(|data| Symbols::from_file(&data))
            .unwrap_or_default();
        self.0.push((m.image.base, syms));
        &self.0.last().expect("just pushed").1
    }
}

/// `crash.exe+0x1591 (write_null+0x11)` or `wine-rs+0x1234`. `lookup` is the address used to
/// find the symbol (a return address minus one, so that a call at the very end of a function
/// is attributed to it).
fn describe(modules: &[Module], cache: &mut SymbolCache, addr: u64, lookup: u64) -> String {
    if let Some(m) = find(modules, lookup) {
        let rva = addr.wrapping_sub(m.image.base) as u32;
        let lookup_rva = (lookup - m.image.base) as u32;
        let mut s = format!("{}+{rva:#x}", m.name);
        if let Some((name, off)) = cache.get(m).lookup(lookup_rva) {
            let _ = write!(s, " ({name}+{:#x})", rva.wrapping_sub(lookup_rva - off));
        }
        return s;
    }
    host_describe(addr)
}

/// An address outside PE modules: the host object containing it (wine-rs itself, libc, ...).
fn host_describe(addr: u64) -> String {
    // SAFETY: dladdr only reads the dynamic linker's tables.
    unsafe {
        let mut info: libc::Dl_info = std::mem::zeroed();
        if addr != 0 && libc::dladdr(addr as *const libc::c_void, &mut info) != 0 && !info.dli_fname.is_null() {
            let file = std::ffi::CStr::from_ptr(info.dli_fname).to_string_lossy();
            let exe = std::env::current_exe().ok();
            let name = if exe.as_ref().is_some_and(|e| e.to_string_lossy() == file) || file.is_empty() {
                "wine-rs".to_string()
            } else {
                file.rsplit('/').next().unwrap_or(&file).to_string()
            };
            return format!("{name}+{:#x}", addr - info.dli_fbase as u64);
        }
    }
    "?".to_string()
}

// ---- memory the report may read -------------------------------------------------------------

/// The thread's stack and the loaded images: everything else is refused.
struct SafeMem {
    ranges: Vec<(u64, u64)>,
}

impl SafeMem {
    fn new(modules: &[Module], stack: Option<(u64, u64)>) -> SafeMem {
        let mut ranges: Vec<(u64, u64)> = modules.iter().map(|m| (m.image.base, m.image.base + m.image.size)).collect();
        if let Some((low, high)) = stack {
            ranges.push((low, high));
        }
        SafeMem { ranges }
    }
}

impl Memory for SafeMem {
    fn read(&self, addr: u64, buf: &mut [u8]) -> Option<()> {
        let end = addr.checked_add(buf.len() as u64)?;
        self.ranges.iter().find(|&&(b, e)| addr >= b && end <= e)?;
        // SAFETY: inside a mapped image or the thread's own stack (checked just above).
        unsafe { std::ptr::copy_nonoverlapping(addr as *const u8, buf.as_mut_ptr(), buf.len()) };
        Some(())
    }
}

/// The calling thread's stack reservation (lowest address, highest address), from its TEB.
fn thread_stack() -> Option<(u64, u64)> {
    if !dllcore::teb::is_attached() {
        return None;
    }
    let teb = dllcore::teb::current_teb() as usize;
    // SAFETY: the thread's own TEB (NT_TIB.StackBase at 0x8, DeallocationStack).
    unsafe {
        let high = *((teb + 0x8) as *const usize) as u64;
        let low = *((teb + dllcore::teb::TEB_DEALLOCATION_STACK) as *const usize) as u64;
        (high > low).then_some((low, high))
    }
}

/// The usable stack limit (NT_TIB.StackLimit), above the guard page.
fn thread_stack_limit() -> Option<u64> {
    if !dllcore::teb::is_attached() {
        return None;
    }
    let teb = dllcore::teb::current_teb() as usize;
    // SAFETY: the thread's own TEB (NT_TIB.StackLimit at 0x10).
    Some(unsafe { *((teb + 0x10) as *const usize) } as u64)
}

thread_local! {
    static PE_STACK_TOP: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Record that PE code runs below the current stack position on this thread (the launcher
/// calls this before the entry point): backtraces stop here.
#[inline(never)]
pub fn mark_pe_stack_top() {
    let here = 0u8;
    PE_STACK_TOP.with(|t| t.set(&here as *const u8 as u64));
}

// ---- the backtrace ---------------------------------------------------------------------------

/// How a frame was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The interrupted frame or a caller found by unwinding.
    Unwound,
    /// A return address found by scanning the stack (after host frames).
    Scanned,
}

/// How deep a backtrace goes (a stack overflow has thousands of frames; they are cheap to
/// walk and shown compressed).
const MAX_FRAMES: usize = 100_000;

/// One frame of a backtrace.
#[derive(Debug, Clone)]
pub struct Frame {
    pub pc: u64,
    pub how: How,
    /// The frame's code is in a PE module.
    pub pe: bool,
}

/// The first return address into PE code at or above `from`, below `top`: (slot address, value).
fn scan_for_pe(modules: &[Module], mem: &dyn Memory, from: u64, top: u64) -> Option<(u64, u64)> {
    let mut at = (from + 7) & !7;
    while at + 8 <= top {
        let v = mem.u64(at)?;
        if in_pe_code(modules, v).is_some() && unwind::follows_call(mem, v) {
            return Some((at, v));
        }
        at += 8;
    }
    None
}

/// Walk the stack from `regs` (the frame at `regs.rip`; `first`: it is the interrupted
/// instruction, not a return address).
/// `top` is where the launcher entered PE code on this thread (0: unknown), `stack_high` the
/// top of the thread's stack (the stack scan stops at the lower of the two).
pub fn backtrace(
    modules: &[Module],
    mem: &dyn Memory,
    start: Regs,
    first: bool,
    top: u64,
    stack_high: u64,
) -> (Vec<Frame>, Option<String>) {
    let mut frames = Vec::new();
    let mut regs = start;
    let mut first = first;
    let mut how = How::Unwound;
    for _ in 0..MAX_FRAMES {
        let pe = find(modules, regs.rip).filter(|m| !m.code.is_empty());
        frames.push(Frame { pc: regs.rip, how, pe: pe.is_some() });
        let before = regs.rsp();
        match pe {
            Some(m) => {
                if let Err(e) = unwind::unwind_frame(&m.image, mem, &mut regs, first) {
                    return (frames, Some(format!("cannot unwind further: {e}")));
                }
                if regs.rip == 0 {
                    return (frames, None);
                }
                if regs.rsp() <= before {
                    return (frames, Some("the stack pointer did not move up: stopping".into()));
                }
                how = How::Unwound;
            }
            None => {
                // Host code: look for the next PE return address above.
                if top != 0 && regs.rsp() >= top {
                    return (frames, None);
                }
                let limit = if top != 0 { top.min(stack_high) } else { stack_high };
                let found = scan_for_pe(modules, mem, regs.rsp(), limit);
                let Some((slot, ret)) = found else { return (frames, None) };
                regs.rip = ret;
                regs.gpr[RSP] = slot + 8;
                how = How::Scanned;
            }
        }
        if top != 0 && regs.rsp() > top && find(modules, regs.rip).is_none() {
            // Back where the launcher entered PE code.
            frames.push(Frame { pc: regs.rip, how, pe: false });
            return (frames, None);
        }
        first = false;
    }
    (frames, Some(format!("(stopped after {MAX_FRAMES} frames)")))
}

/// The lines of a report after its first line: backtrace and the last API calls.
pub fn report_body(out: &mut String, start: Regs, first: bool) {
    let modules = modules();
    let stack = thread_stack();
    let mem = SafeMem::new(&modules, stack);
    let mut cache = SymbolCache(Vec::new());
    let top = PE_STACK_TOP.with(|t| t.get());
    let stack_high = stack.map(|(_, high)| high).unwrap_or(0);
    let (frames, note) = backtrace(&modules, &mem, start, first, top, stack_high);
    out.push_str("backtrace:\n");
    // Consecutive identical frames (deep recursion) are shown once with a count; of very long
    // backtraces the first and last frames.
    let mut groups: Vec<(usize, usize)> = Vec::new(); // (first index, count)
    for (i, f) in frames.iter().enumerate() {
        match groups.last_mut() {
            Some((g, n)) if frames[*g].pc == f.pc && i > 0 && *g > 0 => *n += 1,
            _ => groups.push((i, 1)),
        }
    }
    const SHOWN: usize = 48;
    for (k, &(i, n)) in groups.iter().enumerate() {
        if groups.len() > SHOWN && k == SHOWN / 2 {
            let hidden: usize = groups[SHOWN / 2..groups.len() - SHOWN / 2].iter().map(|g| g.1).sum();
            let _ = writeln!(out, "  ... {hidden} frames not shown");
        }
        if groups.len() > SHOWN && k >= SHOWN / 2 && k < groups.len() - SHOWN / 2 {
            continue;
        }
        let f = &frames[i];
        let lookup = if i == 0 && first { f.pc } else { f.pc.wrapping_sub(1) };
        let mark = if f.how == How::Scanned { "?" } else { " " };
        let _ = write!(out, "  #{i:<2}{mark}{:#018x} {}", f.pc, describe(&modules, &mut cache, f.pc, lookup));
        if !f.pe {
            out.push_str(if top != 0 && i + 1 == frames.len() && note.is_none() {
                " (wine-rs: where PE code was entered)"
            } else {
                " (host code)"
            });
        }
        if n > 1 {
            let _ = write!(out, " (and the same frame {} more times: #{}..#{})", n - 1, i + 1, i + n - 1);
        }
        out.push('\n');
    }
    if let Some(n) = note {
        let _ = writeln!(out, "  {n}");
    }
    last_calls(out, first.then_some(start.rip));
}

/// The flight recorder as it was when PE code faulted on this thread: (pc, recent, count,
/// total). The report of a fault nothing handled shows these calls, not the ones the
/// handlers and filters made since.
type Snapshot = (u64, [Option<&'static dllcore::relay::Site>; dllcore::flight::DEPTH], usize, usize);

thread_local! {
    static FAULT_CALLS: std::cell::Cell<Option<Snapshot>> = const { std::cell::Cell::new(None) };
}

/// The thread's last API calls, from the flight recorder (as of the fault at `pc`, when
/// there was one).
fn last_calls(out: &mut String, pc: Option<u64>) {
    let mut recent = [None; dllcore::flight::DEPTH];
    let (mut n, mut total) = dllcore::flight::recent(&mut recent);
    if let Some(pc) = pc
        && let Some((at, r, sn, st)) = FAULT_CALLS.with(|f| f.get())
        && at == pc
    {
        (recent, n, total) = (r, sn, st);
    }
    // SAFETY: gettid has no preconditions.
    let tid = unsafe { libc::gettid() } as u32;
    if n == 0 {
        let _ = writeln!(out, "last API calls of thread {tid:04x}: none");
        return;
    }
    let _ = writeln!(out, "last API calls of thread {tid:04x}, oldest first ({total} in total):");
    for s in recent.iter().take(n).flatten() {
        let _ = writeln!(out, "  {}.{}", s.dll, s.name);
    }
}

fn registers(out: &mut String, r: &Regs, eflags: u64) {
    let g = |i: usize| format!("{}={:016x}", REG_NAMES[i], r.gpr[i]);
    let _ = writeln!(out, "registers:");
    let _ = writeln!(out, "  rip={:016x} {} {} eflags={eflags:08x}", r.rip, g(RSP), g(5));
    for row in [[0, 3, 1, 2], [6, 7, 8, 9], [10, 11, 12, 13]] {
        let _ = writeln!(out, "  {} {} {} {}", g(row[0]), g(row[1]), g(row[2]), g(row[3]));
    }
    let _ = writeln!(out, "  {} {}", g(14), g(15));
}

fn write_stderr(s: &str) {
    let mut b = s.as_bytes();
    while !b.is_empty() {
        // SAFETY: writing a valid buffer to fd 2.
        let n = unsafe { libc::write(2, b.as_ptr() as *const libc::c_void, b.len()) };
        if n <= 0 {
            return;
        }
        b = &b[n as usize..];
    }
}

/// The report for a call to an unimplemented function, after the stub's first line: `regs`
/// is the caller's state right after the call returned (rip = the return address).
pub fn unimplemented_report(regs: Regs) -> String {
    let modules = modules();
    let mut cache = SymbolCache(Vec::new());
    let at = describe(&modules, &mut cache, regs.rip, regs.rip.wrapping_sub(1));
    // Wine raises EXCEPTION_WINE_STUB here; the report gives the same code.
    let mut out = format!("  exception {EXCEPTION_WINE_STUB:#010x} {} at {at}\n", exception_name(EXCEPTION_WINE_STUB));
    report_body(&mut out, regs, false);
    out
}

// ---- the signal handler ----------------------------------------------------------------------

static mut OLD: [std::mem::MaybeUninit<libc::sigaction>; 32] = [const { std::mem::MaybeUninit::uninit() }; 32];
static INSTALLED: AtomicBool = AtomicBool::new(false);
static REPORTING: AtomicBool = AtomicBool::new(false);

/// Install the crash handlers (once, by the launcher, before PE code runs).
pub fn install() {
    if INSTALLED.swap(true, Ordering::AcqRel) {
        return;
    }
    ntdll::seh::dispatch::set_crash_hook(seh_crash);
    ensure_altstack();
    // SAFETY: sigaction with a valid handler; OLD is written here, before any handler runs.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_signal as *const () as usize;
        sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
        libc::sigemptyset(&mut sa.sa_mask);
        for s in SIGNALS {
            libc::sigaddset(&mut sa.sa_mask, s);
        }
        for s in SIGNALS {
            let old = &raw mut OLD[s as usize];
            libc::sigaction(s, &sa, (*old).as_mut_ptr());
        }
    }
}

/// Give the calling thread an alternate signal stack if it has none (Rust's threads have
/// one; this covers any other).
pub fn ensure_altstack() {
    // SAFETY: querying and setting this thread's alternate stack with valid structures.
    unsafe {
        let mut cur: libc::stack_t = std::mem::zeroed();
        if libc::sigaltstack(std::ptr::null(), &mut cur) != 0 || cur.ss_flags & libc::SS_DISABLE == 0 {
            return;
        }
        let size = 64 * 1024;
        let p = libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        if p == libc::MAP_FAILED {
            return;
        }
        let st = libc::stack_t { ss_sp: p, ss_flags: 0, ss_size: size };
        libc::sigaltstack(&st, std::ptr::null_mut());
    }
}

/// What the handler passes to the report, on the new stack.
struct Crash {
    sig: i32,
    exception: Exception,
    regs: Regs,
    eflags: u64,
}

extern "C" fn on_signal(sig: i32, info: *mut libc::siginfo_t, uctx: *mut libc::c_void) {
    // SAFETY: the kernel passes valid siginfo and ucontext pointers to an SA_SIGINFO handler.
    let (si_code, addr, regs, eflags, err, trapno) = unsafe {
        let uc = &*(uctx as *const libc::ucontext_t);
        let g = &uc.uc_mcontext.gregs;
        let reg = |i: i32| g[i as usize] as u64;
        let mut r = Regs { rip: reg(libc::REG_RIP), ..Default::default() };
        for (n, i) in [
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
        ]
        .into_iter()
        .enumerate()
        {
            r.gpr[n] = reg(i);
        }
        ((*info).si_code, (*info).si_addr() as u64, r, reg(libc::REG_EFL), reg(libc::REG_ERR), reg(libc::REG_TRAPNO))
    };
    // Sent by kill(2), or on a thread that never ran PE code: not ours.
    if si_code <= 0 || !dllcore::teb::is_attached() {
        chain(sig);
        return;
    }
    let stack = thread_stack().map(|(low, _)| (low, thread_stack_limit().unwrap_or(low)));
    // A fault in PE code is dispatched as a Windows exception, on the thread's own stack.
    // SAFETY: the handler's ucontext, for a fault on this thread.
    if unsafe { dispatch_fault(sig, si_code, addr, &regs, err, trapno, stack, uctx as *mut libc::ucontext_t) } {
        return;
    }
    if REPORTING.swap(true, Ordering::AcqRel) {
        // Another thread is reporting; it ends the process.
        loop {
            // SAFETY: pause has no preconditions.
            unsafe { libc::pause() };
        }
    }
    let exception = classify(sig, si_code, addr, regs.rip, err, trapno, stack);
    let mut crash = Crash { sig, exception, regs, eflags };
    // A watchdog: should the report hang (the fault may have happened inside malloc, which
    // the report uses), SIGALRM ends the process after 10 s.
    // SAFETY: resetting SIGALRM to its default action and arming the alarm.
    unsafe {
        libc::signal(libc::SIGALRM, libc::SIG_DFL);
        libc::alarm(10);
    }
    // SAFETY: the report runs to the end of the process on a fresh stack.
    unsafe { on_new_stack(report_and_exit, &mut crash as *mut Crash as *mut libc::c_void) };
}

/// Turn a fault of PE code into an EXCEPTION_RECORD and CONTEXT and make the thread continue
/// in ntdll's exception dispatcher (`ntdll::seh::dispatch::redirect`). False when the fault
/// is not in PE code (wine-rs's own code: reported at once) or the stack has no room for the
/// dispatcher (a stack overflow).
///
/// # Safety
/// `uc` must be the signal handler's ucontext.
#[allow(clippy::too_many_arguments)]
unsafe fn dispatch_fault(
    sig: i32,
    si_code: i32,
    addr: u64,
    regs: &Regs,
    err: u64,
    trapno: u64,
    stack: Option<(u64, u64)>,
    uc: *mut libc::ucontext_t,
) -> bool {
    if ntdll::seh::lookup::module_at(regs.rip).is_none() {
        return false;
    }
    let e = classify(sig, si_code, addr, regs.rip, err, trapno, stack);
    if e.code == 0 {
        return false;
    }
    let mut low = stack.map_or(0, |(_, limit)| limit);
    if e.code == EXCEPTION_STACK_OVERFLOW {
        // The dispatcher runs in the stack guarantee, which the overflow releases.
        match dllcore::teb::release_stack_guarantee() {
            Some((g_low, _)) => low = g_low as u64 + 0x1000,
            None => return false,
        }
    }
    // SAFETY: all-zero CONTEXT and EXCEPTION_RECORD are valid.
    let mut ctx: CONTEXT = unsafe { std::mem::zeroed() };
    ctx.ContextFlags = windows_sys::Win32::System::Diagnostics::Debug::CONTEXT_ALL_AMD64;
    // SAFETY: per the contract.
    unsafe { syscall_shims::context::from_ucontext(uc, &mut ctx) };
    // int3: Windows reports the breakpoint with Rip at the int3 itself.
    ctx.Rip = e.pc;
    let mut rec: EXCEPTION_RECORD = unsafe { std::mem::zeroed() };
    rec.ExceptionCode = e.code as i32;
    rec.ExceptionAddress = e.pc as *mut _;
    if e.code == EXCEPTION_ACCESS_VIOLATION || e.code == EXCEPTION_IN_PAGE_ERROR || e.code == EXCEPTION_STACK_OVERFLOW {
        let gp = trapno == TRAP_GP || si_code == libc::SI_KERNEL;
        let kind = if gp {
            0
        } else if err & PF_INSTR != 0 {
            8
        } else if err & PF_WRITE != 0 {
            1
        } else {
            0
        };
        rec.NumberParameters = 2;
        rec.ExceptionInformation[0] = kind;
        rec.ExceptionInformation[1] = if gp { usize::MAX } else { addr as usize };
    }
    let mut recent = [None; dllcore::flight::DEPTH];
    let (n, total) = dllcore::flight::recent(&mut recent);
    FAULT_CALLS.with(|f| f.set(Some((e.pc, recent, n, total))));
    // SAFETY: per the contract; the fault is in PE code on this thread.
    unsafe { ntdll::seh::dispatch::redirect(uc, &ctx, &rec, sig, low) }
}

/// Give the signal back to the handler that was installed before ours (Rust's, or the default
/// action), which runs when the faulting instruction runs again.
fn chain(sig: i32) {
    // SAFETY: restoring the action saved by install().
    unsafe {
        let old = &raw const OLD[sig as usize];
        libc::sigaction(sig, (*old).as_ptr(), std::ptr::null_mut());
        if sig == libc::SIGTRAP {
            // int3 does not run again: raise it.
            libc::raise(sig);
        }
    }
}

/// Call `f(arg)` on a freshly mapped 1 MiB stack.
unsafe fn on_new_stack(f: extern "C" fn(*mut libc::c_void), arg: *mut libc::c_void) {
    const SIZE: usize = 1 << 20;
    // SAFETY: a fresh anonymous mapping used only as a stack for `f`.
    unsafe {
        let p = libc::mmap(
            std::ptr::null_mut(),
            SIZE,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        );
        if p == libc::MAP_FAILED {
            f(arg);
            return;
        }
        let top = (p as usize + SIZE) & !15;
        std::arch::asm!(
            // r12 is callee-saved: it keeps the old rsp across the call.
            "mov r12, rsp",
            "mov rsp, {top}",
            "call {f}",
            "mov rsp, r12",
            top = in(reg) top,
            f = in(reg) f,
            out("r12") _,
            in("rdi") arg,
            clobber_abi("C"),
        );
    }
}

extern "C" fn report_and_exit(arg: *mut libc::c_void) {
    // SAFETY: on_signal passes its Crash.
    let c = unsafe { &*(arg as *const Crash) };
    let e = &c.exception;
    let modules = modules();
    let mut cache = SymbolCache(Vec::new());
    // SAFETY: gettid has no preconditions.
    let tid = unsafe { libc::gettid() } as u32;
    let mut out = format!("wine-rs: unhandled exception {:#010x} {}", e.code, exception_name(e.code));
    if let Some(d) = &e.detail {
        let _ = write!(out, " ({d})");
    }
    let _ = writeln!(out, " at {} in thread {tid:04x}", describe(&modules, &mut cache, e.pc, e.pc));
    if find(&modules, e.pc).is_none_or(|m| m.code.is_empty()) {
        let mut recent = [None; dllcore::flight::DEPTH];
        let (n, _) = dllcore::flight::recent(&mut recent);
        if let Some(Some(last)) = recent.get(n.wrapping_sub(1)) {
            let _ =
                writeln!(out, "  (in wine-rs code, most likely inside {}.{}, the last API call)", last.dll, last.name);
        }
    }
    registers(&mut out, &c.regs, c.eflags);
    drop(modules);
    report_body(&mut out, c.regs, true);
    if c.sig == 0 {
        // A raised exception: the process ends with the exception code, as on Windows.
        let _ = writeln!(out, "wine-rs: the process ends with exit code {:#010x} (the exception code)", e.code);
        write_stderr(&out);
        syscall_shims::process::terminate_self(e.code)
    }
    let code = 128 + c.sig;
    let _ = writeln!(out, "wine-rs: the process ends with exit code {code} (128 + {})", signal_name(c.sig));
    write_stderr(&out);
    // SAFETY: terminating the process.
    unsafe { libc::_exit(code) }
}

/// The report for an exception that SEH dispatch found no handler for (ntdll's crash hook):
/// `sig` is the host signal of a hardware exception, 0 for a raised one.
pub fn seh_crash(rec: &EXCEPTION_RECORD, ctx: &CONTEXT, sig: i32) -> ! {
    if REPORTING.swap(true, Ordering::AcqRel) {
        loop {
            // SAFETY: pause has no preconditions.
            unsafe { libc::pause() };
        }
    }
    let code = rec.ExceptionCode as u32;
    let info = |i: usize| rec.ExceptionInformation[i] as u64;
    let detail = match code {
        EXCEPTION_ACCESS_VIOLATION | EXCEPTION_IN_PAGE_ERROR if rec.NumberParameters >= 2 => {
            let what = match info(0) {
                1 => "writing",
                8 => "executing",
                _ => "reading",
            };
            Some(format!("{what} address {:#018x}", info(1)))
        }
        EXCEPTION_DATATYPE_MISALIGNMENT if rec.NumberParameters >= 2 => Some(format!("at address {:#018x}", info(1))),
        EXCEPTION_STACK_OVERFLOW if rec.NumberParameters >= 2 => Some(format!("at address {:#018x}", info(1))),
        _ => None,
    };
    let exception = Exception { code, pc: rec.ExceptionAddress as u64, detail };
    let mut crash = Crash { sig, exception, regs: Regs::from_context(ctx), eflags: u64::from(ctx.EFlags) };
    // SAFETY: the report runs to the end of the process on a fresh stack.
    unsafe { on_new_stack(report_and_exit, &mut crash as *mut Crash as *mut libc::c_void) };
    unreachable!("the crash report ends the process")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_signals() {
        let stack = Some((0x10_0000, 0x11_0000));
        let c = classify(libc::SIGSEGV, 1, 0, 0x1000, PF_WRITE | 4, 14, stack);
        assert_eq!(c.code, EXCEPTION_ACCESS_VIOLATION);
        assert_eq!(c.detail.as_deref(), Some("writing address 0x0000000000000000"));
        let c = classify(libc::SIGSEGV, 1, 0x1234, 0x1000, 4, 14, stack);
        assert_eq!(c.detail.as_deref(), Some("reading address 0x0000000000001234"));
        let c = classify(libc::SIGSEGV, 2, 0x5000, 0x5000, PF_INSTR | 4, 14, stack);
        assert_eq!(c.detail.as_deref(), Some("executing address 0x0000000000005000"));
        let c = classify(libc::SIGSEGV, libc::SI_KERNEL, 0, 0x1000, 0, TRAP_GP, stack);
        assert_eq!(c.detail.as_deref(), Some("reading address 0xffffffffffffffff"));
        let c = classify(libc::SIGSEGV, 1, 0x10_f000, 0x1000, PF_WRITE, 14, stack);
        assert_eq!(c.code, EXCEPTION_STACK_OVERFLOW);
        assert_eq!(classify(libc::SIGILL, 2, 0, 0x1000, 0, 6, None).code, EXCEPTION_ILLEGAL_INSTRUCTION);
        assert_eq!(classify(libc::SIGILL, ILL_PRVOPC, 0, 0x1000, 0, 13, None).code, EXCEPTION_PRIV_INSTRUCTION);
        assert_eq!(classify(libc::SIGFPE, FPE_INTDIV, 0, 0x1000, 0, 0, None).code, EXCEPTION_INT_DIVIDE_BY_ZERO);
        assert_eq!(classify(libc::SIGFPE, FPE_FLTINV, 0, 0x1000, 0, 19, None).code, EXCEPTION_FLT_INVALID_OPERATION);
        assert_eq!(classify(libc::SIGBUS, BUS_ADRALN, 0x3, 0x1000, 0, 17, None).code, EXCEPTION_DATATYPE_MISALIGNMENT);
        assert_eq!(classify(libc::SIGBUS, 2, 0x3, 0x1000, 0, 14, None).code, EXCEPTION_IN_PAGE_ERROR);
        let c = classify(libc::SIGTRAP, libc::SI_KERNEL, 0, 0x1001, 0, 3, None);
        assert_eq!((c.code, c.pc), (EXCEPTION_BREAKPOINT, 0x1000));
    }

    #[test]
    fn symbols_nearest_in_section() {
        let s = Symbols {
            syms: vec![(0x1000, "a".into()), (0x1010, "b".into()), (0x3000, "data".into())],
            sections: vec![(0x1000, 0x2000), (0x3000, 0x4000)],
        };
        assert_eq!(s.lookup(0x1000), Some(("a", 0)));
        assert_eq!(s.lookup(0x100f), Some(("a", 0xf)));
        assert_eq!(s.lookup(0x1fff), Some(("b", 0xfef)));
        assert_eq!(s.lookup(0xfff), None);
        assert_eq!(s.lookup(0x2500), None); // outside every section: no guess
        assert_eq!(s.lookup(0x3008), Some(("data", 8)));
    }
}
