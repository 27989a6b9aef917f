//! The PEB, its process parameters and the loader's module lists (PEB.Ldr), as programs read
//! them. Layouts are windows-sys's `PEB`, `PEB_LDR_DATA`, `RTL_USER_PROCESS_PARAMETERS` and
//! `LDR_DATA_TABLE_ENTRY`; fields windows-sys keeps in `Reserved` arrays are written at the
//! x64 offsets named below.

use std::sync::atomic::{AtomicUsize, Ordering};
use windows_sys::Win32::Foundation::UNICODE_STRING;
use windows_sys::Win32::System::Kernel::LIST_ENTRY;
use windows_sys::Win32::System::Threading::{PEB, PEB_LDR_DATA, RTL_USER_PROCESS_PARAMETERS};
use windows_sys::Win32::System::WindowsProgramming::LDR_DATA_TABLE_ENTRY;

/// PEB.ImageBaseAddress.
const PEB_IMAGE_BASE: usize = 0x10;
/// PEB.ProcessHeap.
const PEB_PROCESS_HEAP: usize = 0x30;
/// PEB.NumberOfProcessors.
const PEB_NUMBER_OF_PROCESSORS: usize = 0xb8;
/// PEB.OSMajorVersion, OSMinorVersion (u32 each), OSBuildNumber (u16), OSPlatformId (u32 at 0x124).
const PEB_OS_MAJOR: usize = 0x118;
const PEB_OS_MINOR: usize = 0x11c;
const PEB_OS_BUILD: usize = 0x120;
const PEB_OS_PLATFORM: usize = 0x124;
/// Bytes allocated for the PEB (the x64 PEB is 0x7c8 bytes).
const PEB_ALLOC: usize = 0x1000;

/// PEB_LDR_DATA list heads: InLoadOrderModuleList, InMemoryOrderModuleList,
/// InInitializationOrderModuleList.
const LDR_LOAD_ORDER: usize = 0x10;
const LDR_MEMORY_ORDER: usize = 0x20;
const LDR_INIT_ORDER: usize = 0x30;
const LDR_ALLOC: usize = 0x58;

/// LDR_DATA_TABLE_ENTRY: links, and the fields after DllBase.
const LDTE_LOAD_LINKS: usize = 0x00;
const LDTE_MEMORY_LINKS: usize = 0x10;
const LDTE_INIT_LINKS: usize = 0x20;
const LDTE_ENTRY_POINT: usize = 0x38;
const LDTE_SIZE_OF_IMAGE: usize = 0x40;
const LDTE_BASE_DLL_NAME: usize = 0x58;
const LDTE_LOAD_COUNT: usize = 0x6c;
const LDTE_ALLOC: usize = 0x120;

/// RTL_USER_PROCESS_PARAMETERS fields in its Reserved2 array.
const PP_STD_INPUT: usize = 0x20;
const PP_STD_OUTPUT: usize = 0x28;
const PP_STD_ERROR: usize = 0x30;
const PP_CURRENT_DIRECTORY: usize = 0x38;
/// RuntimeData: the STARTUPINFO lpReserved2 bytes the parent passed (GetStartupInfo's copy).
const PP_RUNTIME_DATA: usize = 0xe0;
const PP_ALLOC: usize = 0x400;

const _: () = assert!(std::mem::offset_of!(PEB, Ldr) == 0x18);
const _: () = assert!(std::mem::offset_of!(PEB, ProcessParameters) == 0x20);
const _: () = assert!(std::mem::offset_of!(PEB_LDR_DATA, InMemoryOrderModuleList) == LDR_MEMORY_ORDER);
const _: () = assert!(std::mem::offset_of!(LDR_DATA_TABLE_ENTRY, InMemoryOrderLinks) == LDTE_MEMORY_LINKS);
const _: () = assert!(std::mem::offset_of!(LDR_DATA_TABLE_ENTRY, DllBase) == 0x30);
const _: () = assert!(std::mem::offset_of!(LDR_DATA_TABLE_ENTRY, FullDllName) == 0x48);
const _: () = assert!(std::mem::offset_of!(RTL_USER_PROCESS_PARAMETERS, ImagePathName) == 0x60);
const _: () = assert!(std::mem::offset_of!(RTL_USER_PROCESS_PARAMETERS, CommandLine) == 0x70);

static PEB_ADDR: AtomicUsize = AtomicUsize::new(0);

fn zalloc(size: usize) -> *mut u8 {
    Box::leak(vec![0u8; size].into_boxed_slice()).as_mut_ptr()
}

/// A UNICODE_STRING over a leaked, NUL-terminated copy of `s`.
fn unicode_string(s: &str) -> UNICODE_STRING {
    let w = dllcore::strings::to_wide_nul(s).leak();
    let bytes = ((w.len() - 1) * 2) as u16;
    UNICODE_STRING { Length: bytes, MaximumLength: bytes + 2, Buffer: w.as_mut_ptr() }
}

unsafe fn put<T>(base: *mut u8, off: usize, v: T) {
    // SAFETY: callers pass offsets inside their allocation.
    unsafe { (base.add(off) as *mut T).write_unaligned(v) }
}

unsafe fn list_init(head: *mut LIST_ENTRY) {
    // SAFETY: head is a valid LIST_ENTRY.
    unsafe {
        (*head).Flink = head;
        (*head).Blink = head;
    }
}

unsafe fn list_append(head: *mut LIST_ENTRY, e: *mut LIST_ENTRY) {
    // SAFETY: both are valid entries of a well-formed circular list.
    unsafe {
        let last = (*head).Blink;
        (*e).Flink = head;
        (*e).Blink = last;
        (*last).Flink = e;
        (*head).Blink = e;
    }
}

unsafe fn list_remove(e: *mut LIST_ENTRY) {
    // SAFETY: e is linked in a well-formed list (or self-linked).
    unsafe {
        let (f, b) = ((*e).Flink, (*e).Blink);
        if f.is_null() || b.is_null() {
            return;
        }
        (*b).Flink = f;
        (*f).Blink = b;
        (*e).Flink = e;
        (*e).Blink = e;
    }
}

/// What the PEB's process parameters hold.
pub struct ProcessInfo<'a> {
    pub image_base: usize,
    pub image_path: &'a str,
    pub command_line: &'a str,
    pub current_dir: &'a str,
    pub std_handles: [usize; 3],
}

/// Build the PEB and its process parameters; returns the PEB address.
pub fn create(p: &ProcessInfo) -> usize {
    let peb = zalloc(PEB_ALLOC);
    let ldr = zalloc(LDR_ALLOC);
    let pp = zalloc(PP_ALLOC);
    // SAFETY: fresh zeroed allocations of the sizes the offsets assume.
    unsafe {
        put(ldr, 0, LDR_ALLOC as u32); // Length
        put(ldr, 4, 1u8); // Initialized
        for off in [LDR_LOAD_ORDER, LDR_MEMORY_ORDER, LDR_INIT_ORDER] {
            list_init(ldr.add(off) as *mut LIST_ENTRY);
        }
        put(pp, 0, PP_ALLOC as u32); // MaximumLength
        put(pp, 4, PP_ALLOC as u32); // Length
        put(pp, 8, 1u32); // Flags: PROCESS_PARAMETERS_NORMALIZED
        put(pp, PP_STD_INPUT, p.std_handles[0]);
        put(pp, PP_STD_OUTPUT, p.std_handles[1]);
        put(pp, PP_STD_ERROR, p.std_handles[2]);
        put(pp, PP_CURRENT_DIRECTORY, unicode_string(p.current_dir));
        let params = pp as *mut RTL_USER_PROCESS_PARAMETERS;
        (*params).ImagePathName = unicode_string(p.image_path);
        (*params).CommandLine = unicode_string(p.command_line);
        if let Some(b) = syscall_shims::process::startup_reserved2() {
            let len = b.len().min(u16::MAX as usize) as u16;
            let data = UNICODE_STRING { Length: len, MaximumLength: len, Buffer: b.as_ptr() as *mut u16 };
            put(pp, PP_RUNTIME_DATA, data);
        }

        let pe = peb as *mut PEB;
        (*pe).Ldr = ldr as *mut PEB_LDR_DATA;
        (*pe).ProcessParameters = params;
        put(peb, PEB_IMAGE_BASE, p.image_base);
        put(peb, PEB_NUMBER_OF_PROCESSORS, libc::sysconf(libc::_SC_NPROCESSORS_ONLN).max(1) as u32);
        put(peb, PEB_OS_MAJOR, 10u32);
        put(peb, PEB_OS_MINOR, 0u32);
        put(peb, PEB_OS_BUILD, 19045u16);
        put(peb, PEB_OS_PLATFORM, 2u32); // VER_PLATFORM_WIN32_NT
    }
    PEB_ADDR.store(peb as usize, Ordering::Release);
    dllcore::teb::set_peb(peb as *mut PEB);
    peb as usize
}

/// Record the process heap handle in the PEB.
pub fn set_process_heap(heap: usize) {
    let peb = PEB_ADDR.load(Ordering::Acquire);
    if peb != 0 {
        // SAFETY: the PEB allocation covers the field.
        unsafe { put(peb as *mut u8, PEB_PROCESS_HEAP, heap) };
    }
}

fn ldr() -> *mut u8 {
    let peb = PEB_ADDR.load(Ordering::Acquire) as *mut PEB;
    // SAFETY: create() ran before any module is added.
    unsafe { (*peb).Ldr as *mut u8 }
}

/// Add a module to the load-order and memory-order lists; returns its entry.
pub fn add_module(base: usize, size: usize, entry: usize, full_name: &str, base_name: &str) -> usize {
    if PEB_ADDR.load(Ordering::Acquire) == 0 {
        return 0;
    }
    let e = zalloc(LDTE_ALLOC);
    // SAFETY: a fresh entry; the lists are initialised by create().
    unsafe {
        let t = e as *mut LDR_DATA_TABLE_ENTRY;
        (*t).DllBase = base as *mut _;
        (*t).FullDllName = unicode_string(full_name);
        put(e, LDTE_ENTRY_POINT, entry);
        put(e, LDTE_SIZE_OF_IMAGE, size as u32);
        put(e, LDTE_BASE_DLL_NAME, unicode_string(base_name));
        put(e, LDTE_LOAD_COUNT, 1u16);
        list_init(e.add(LDTE_INIT_LINKS) as *mut LIST_ENTRY);
        let l = ldr();
        list_append(l.add(LDR_LOAD_ORDER) as *mut LIST_ENTRY, e.add(LDTE_LOAD_LINKS) as *mut LIST_ENTRY);
        list_append(l.add(LDR_MEMORY_ORDER) as *mut LIST_ENTRY, e.add(LDTE_MEMORY_LINKS) as *mut LIST_ENTRY);
    }
    e as usize
}

/// Append a module to the initialization-order list (after its DllMain ran).
pub fn add_init_order(entry: usize) {
    if entry == 0 {
        return;
    }
    // SAFETY: entry came from add_module.
    unsafe {
        list_append(
            ldr().add(LDR_INIT_ORDER) as *mut LIST_ENTRY,
            (entry as *mut u8).add(LDTE_INIT_LINKS) as *mut LIST_ENTRY,
        )
    };
}

/// Unlink a module from every list (FreeLibrary at refcount zero).
pub fn remove_module(entry: usize) {
    if entry == 0 {
        return;
    }
    let e = entry as *mut u8;
    // SAFETY: entry came from add_module; each link is in a list or self-linked.
    unsafe {
        for off in [LDTE_LOAD_LINKS, LDTE_MEMORY_LINKS, LDTE_INIT_LINKS] {
            list_remove(e.add(off) as *mut LIST_ENTRY);
        }
    }
}

/// Record where the exe was really mapped.
pub fn set_image_base(base: usize) {
    let peb = PEB_ADDR.load(Ordering::Acquire);
    if peb != 0 {
        // SAFETY: the PEB allocation covers the field.
        unsafe { put(peb as *mut u8, PEB_IMAGE_BASE, base) };
    }
}
