//! The TEB of each thread that runs PE code, the PEB, and the last-error value.
//!
//! PE code reads its TEB through `gs:` (0x30 Self, 0x58 ThreadLocalStoragePointer, 0x60 PEB,
//! 0x68 LastErrorValue), so every such thread gets a TEB of its own and its GS base set to it.
//! The layout is windows-sys's `TEB`/`NT_TIB`; fields that windows-sys keeps in its `Reserved`
//! arrays are reached through the offsets below (x64 values, documented by their users).

use std::cell::Cell;
use std::sync::RwLock;
use std::sync::atomic::{AtomicPtr, AtomicU8, Ordering};
use windows_sys::Win32::System::Kernel::NT_TIB;
use windows_sys::Win32::System::Threading::{PEB, TEB};

/// TEB.ClientId.UniqueProcess.
pub const TEB_CLIENT_ID_PROCESS: usize = 0x40;
/// TEB.ClientId.UniqueThread.
pub const TEB_CLIENT_ID_THREAD: usize = 0x48;
/// TEB.ThreadLocalStoragePointer: array of per-module static TLS blocks, indexed by `_tls_index`.
pub const TEB_TLS_POINTER: usize = 0x58;
/// TEB.LastErrorValue.
pub const TEB_LAST_ERROR: usize = 0x68;
/// TEB.DeallocationStack: the lowest address of the stack reservation.
pub const TEB_DEALLOCATION_STACK: usize = 0x1478;
/// Bytes allocated for a TEB (the x64 TEB is 0x1838 bytes).
pub const TEB_ALLOC: usize = 0x2000;

const _: () = assert!(std::mem::offset_of!(TEB, ProcessEnvironmentBlock) == 0x60);
const _: () = assert!(std::mem::offset_of!(TEB, TlsSlots) == 0x1480);
const _: () = assert!(std::mem::offset_of!(NT_TIB, Self_) == 0x30);
const _: () = assert!(std::mem::size_of::<TEB>() <= TEB_ALLOC);

static PEB_PTR: AtomicPtr<PEB> = AtomicPtr::new(std::ptr::null_mut());

/// Set the process's PEB (once, by the loader, before any thread is attached).
pub fn set_peb(peb: *mut PEB) {
    PEB_PTR.store(peb, Ordering::Release);
}

/// The process's PEB (null before the loader made it).
pub fn peb() -> *mut PEB {
    PEB_PTR.load(Ordering::Acquire)
}

/// One module's static TLS template (IMAGE_TLS_DIRECTORY), registered by the loader.
#[derive(Debug, Clone, Copy)]
pub struct TlsTemplate {
    /// The module's `_tls_index`.
    pub index: u32,
    /// Address and length of the initialised data to copy.
    pub start: usize,
    pub len: usize,
    /// Zero bytes that follow the copied data.
    pub zero_fill: usize,
}

static TLS_TEMPLATES: RwLock<Vec<TlsTemplate>> = RwLock::new(Vec::new());

/// Register a module's static TLS; returns the `_tls_index` it was given.
pub fn register_tls_template(start: usize, len: usize, zero_fill: usize) -> u32 {
    let mut t = TLS_TEMPLATES.write().unwrap_or_else(|e| e.into_inner());
    let index = t.len() as u32;
    t.push(TlsTemplate { index, start, len, zero_fill });
    index
}

/// Slots of a thread's TLS pointer array (modules loaded later add their blocks to it).
const TLS_ARRAY_SLOTS: usize = 64;

/// A zeroed block from the C heap (freed with `libc::free` when the thread ends).
fn tls_alloc(len: usize) -> *mut u8 {
    // SAFETY: calloc has no preconditions; a failure is fatal, as for any allocation.
    let p = unsafe { libc::calloc(1, len.max(1)) } as *mut u8;
    assert!(!p.is_null(), "cannot allocate thread-local storage");
    p
}

/// A copy of one module's TLS template.
fn tls_block(tpl: &TlsTemplate) -> *mut u8 {
    let block = tls_alloc(tpl.len + tpl.zero_fill + 16);
    // SAFETY: the template lies inside a mapped image; the block is larger.
    unsafe { std::ptr::copy_nonoverlapping(tpl.start as *const u8, block, tpl.len) };
    block
}

/// Allocate one thread's copy of every registered TLS template, and the pointer array.
fn build_tls_array() -> *mut usize {
    let t = TLS_TEMPLATES.read().unwrap_or_else(|e| e.into_inner());
    let slots = (t.len() + 1).max(TLS_ARRAY_SLOTS);
    let array = tls_alloc(slots * std::mem::size_of::<usize>()) as *mut usize;
    for tpl in t.iter().filter(|tpl| (tpl.index as usize) < slots) {
        // SAFETY: the index is inside the array.
        unsafe { *array.add(tpl.index as usize) = tls_block(tpl) as usize };
    }
    array
}

thread_local! {
    static THREAD_TEB: Cell<*mut TEB> = const { Cell::new(std::ptr::null_mut()) };
    /// The thread's stack guarantee (see [`STACK_GUARANTEE`]): (low, high), or (0, 0).
    static STACK_GUARD: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

/// 0 unknown, 1 wrgsbase usable, 2 use arch_prctl.
static GS_METHOD: AtomicU8 = AtomicU8::new(0);

/// Point GS at `base` for the calling thread.
///
/// # Safety
/// `base` must stay valid while the thread runs PE code.
pub unsafe fn set_gs_base(base: usize) {
    let mut m = GS_METHOD.load(Ordering::Relaxed);
    if m == 0 {
        // SAFETY: getauxval has no preconditions. HWCAP2_FSGSBASE is bit 1.
        let hw2 = unsafe { libc::getauxval(libc::AT_HWCAP2) };
        m = if hw2 & 2 != 0 { 1 } else { 2 };
        GS_METHOD.store(m, Ordering::Relaxed);
    }
    if m == 1 {
        // SAFETY: the kernel enabled FSGSBASE (HWCAP2), so the instruction is allowed.
        unsafe { std::arch::asm!("wrgsbase {}", in(reg) base, options(nostack, preserves_flags)) };
    } else {
        const ARCH_SET_GS: libc::c_int = 0x1001;
        // SAFETY: documented arch_prctl call.
        unsafe { libc::syscall(libc::SYS_arch_prctl, ARCH_SET_GS, base) };
    }
}

/// The real stack of the calling thread: (base = highest address, limit = lowest).
fn current_stack_bounds() -> (usize, usize) {
    // SAFETY: pthread_getattr_np on the current thread with a zeroed attr, destroyed after use.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return (0, 0);
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
        libc::pthread_attr_destroy(&mut attr);
        (addr as usize + size, addr as usize)
    }
}

/// The stack guarantee: the stretch of each PE thread's stack above the guard page that is
/// kept inaccessible, so that a stack overflow faults with room left below it for the
/// exception dispatcher (EXCEPTION_STACK_OVERFLOW can be handled, as on Windows where the
/// guard page moves down). Released by the first overflow (as on Windows, the program must
/// expect no second one).
pub const STACK_GUARANTEE: usize = 64 * 1024;

/// Make the calling thread's stack guarantee usable (the stack overflowed into it), lowering
/// TEB.StackLimit to its bottom: its (low, high), or None if the thread has none (left).
/// Async-signal-safe.
pub fn release_stack_guarantee() -> Option<(usize, usize)> {
    let (low, high) = STACK_GUARD.with(|g| g.replace((0, 0)));
    if low == 0 {
        return None;
    }
    // SAFETY: the stretch attach_current_thread protected, part of this thread's stack.
    unsafe {
        libc::mprotect(low as *mut libc::c_void, high - low, libc::PROT_READ | libc::PROT_WRITE);
        let teb = THREAD_TEB.with(|t| t.get());
        if !teb.is_null() {
            (*(teb as *mut NT_TIB)).StackLimit = low as *mut _;
        }
    }
    Some((low, high))
}

/// Give the calling thread a TEB (if it has none) and point GS at it. Returns the TEB.
/// Every thread that will run PE code calls this first.
pub fn attach_current_thread() -> *mut TEB {
    let existing = THREAD_TEB.with(|t| t.get());
    if !existing.is_null() {
        return existing;
    }
    // SAFETY: a fresh anonymous mapping, zero-filled, owned by this thread until it exits.
    let teb = unsafe {
        let p = libc::mmap(
            std::ptr::null_mut(),
            TEB_ALLOC,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        assert!(p != libc::MAP_FAILED, "cannot allocate a TEB");
        p as *mut TEB
    };
    let (base, limit) = current_stack_bounds();
    // SAFETY: teb points at TEB_ALLOC writable bytes; offsets are within it.
    unsafe {
        let tib = teb as *mut NT_TIB;
        (*tib).ExceptionList = usize::MAX as *mut _;
        (*tib).StackBase = base as *mut _;
        // A guard page sits at the bottom of the mapping: report the usable part, above the
        // stack guarantee when the stack is big enough for one.
        let mut usable = limit + 0x1000;
        if base.saturating_sub(usable) >= 16 * STACK_GUARANTEE
            && libc::mprotect(usable as *mut libc::c_void, STACK_GUARANTEE, libc::PROT_NONE) == 0
        {
            STACK_GUARD.with(|g| g.set((usable, usable + STACK_GUARANTEE)));
            usable += STACK_GUARANTEE;
        }
        (*tib).StackLimit = usable as *mut _;
        (*tib).Self_ = tib;
        let b = teb as *mut u8;
        *(b.add(TEB_CLIENT_ID_PROCESS) as *mut usize) = libc::getpid() as usize;
        *(b.add(TEB_CLIENT_ID_THREAD) as *mut usize) = libc::gettid() as usize;
        *(b.add(TEB_TLS_POINTER) as *mut usize) = build_tls_array() as usize;
        *(b.add(TEB_DEALLOCATION_STACK) as *mut usize) = limit;
        (*teb).ProcessEnvironmentBlock = peb();
        set_gs_base(teb as usize);
    }
    THREAD_TEB.with(|t| t.set(teb));
    teb
}

/// Install a module's TLS block (registered after threads started) into the calling thread.
pub fn add_tls_block_current(index: u32) {
    let t = TLS_TEMPLATES.read().unwrap_or_else(|e| e.into_inner());
    let Some(tpl) = t.iter().find(|t| t.index == index) else { return };
    let teb = current_teb();
    // SAFETY: the array has TLS_ARRAY_SLOTS slots (build_tls_array).
    unsafe {
        let arr = *((teb as *mut u8).add(TEB_TLS_POINTER) as *const *mut usize);
        if !arr.is_null() && (index as usize) < TLS_ARRAY_SLOTS {
            *arr.add(index as usize) = tls_block(tpl) as usize;
        }
    }
}

/// The calling thread is done running PE code (the last thing its host thread does): free its
/// TEB and static TLS, and point GS at nothing. Nothing may use the TEB afterwards.
pub fn detach_current_thread() {
    let teb = THREAD_TEB.with(|t| t.replace(std::ptr::null_mut()));
    if teb.is_null() {
        return;
    }
    // The host thread's stack may be reused by the C library for another thread.
    release_stack_guarantee();
    // SAFETY: the thread's own TEB and TLS array, made by attach_current_thread; the blocks
    // and the array come from calloc.
    unsafe {
        let arr = *((teb as *const u8).add(TEB_TLS_POINTER) as *const *mut usize);
        if !arr.is_null() {
            for i in 0..TLS_ARRAY_SLOTS {
                libc::free(*arr.add(i) as *mut libc::c_void);
            }
            libc::free(arr as *mut libc::c_void);
        }
        set_gs_base(0);
        libc::munmap(teb as *mut libc::c_void, TEB_ALLOC);
    }
}

/// The calling thread's TEB (read from gs:0x30). The thread must be attached.
#[inline(always)]
pub fn current_teb() -> *mut TEB {
    let p: usize;
    // SAFETY: attached threads have GS pointing at their TEB.
    unsafe { std::arch::asm!("mov {}, gs:[0x30]", out(reg) p, options(nostack, readonly, preserves_flags)) };
    p as *mut TEB
}

/// Is the calling thread attached (has a TEB)?
pub fn is_attached() -> bool {
    !THREAD_TEB.with(|t| t.get()).is_null()
}

/// SetLastError.
#[inline(always)]
pub fn set_last_error(code: u32) {
    // SAFETY: attached threads have GS pointing at their TEB; 0x68 is LastErrorValue.
    unsafe { std::arch::asm!("mov dword ptr gs:[0x68], {:e}", in(reg) code, options(nostack, preserves_flags)) };
}

/// GetLastError.
#[inline(always)]
pub fn last_error() -> u32 {
    let v: u32;
    // SAFETY: as set_last_error.
    unsafe { std::arch::asm!("mov {:e}, dword ptr gs:[0x68]", out(reg) v, options(nostack, readonly, preserves_flags)) };
    v
}

/// The last error, or None when the calling thread has no TEB (relay from host threads).
pub fn try_last_error() -> Option<u32> {
    if is_attached() { Some(last_error()) } else { None }
}

/// Set the last error and return `ret`: the one way exports fail.
#[inline]
pub fn fail<T>(code: u32, ret: T) -> T {
    set_last_error(code);
    ret
}
