//! Finding unwind data for a pc: the exception directory (.pdata) of the loaded PE images,
//! read from the module list in PEB.Ldr (lock-free: the dispatcher may run while another
//! thread loads a DLL, and the loader never frees an entry a running pc can be in), and the
//! tables programs register for generated code.

use std::sync::RwLock;

use dllcore::export;
use dllcore::unwind::{self, LiveMemory};
use object::read::pe::ImageNtHeaders;
use windows_sys::Win32::System::Diagnostics::Debug::{IMAGE_RUNTIME_FUNCTION_ENTRY, UNWIND_HISTORY_TABLE};

/// LDR_DATA_TABLE_ENTRY and PEB_LDR_DATA offsets (as the loader's peb.rs writes them).
const LDTE_DLL_BASE: usize = 0x30;
const LDTE_SIZE_OF_IMAGE: usize = 0x40;
const PEB_LDR: usize = 0x18;
const LDR_LOAD_ORDER: usize = 0x10;

/// A loaded image: base, size and its exception directory (RVA, size) if it has one.
#[derive(Debug, Clone, Copy)]
pub struct Module {
    pub base: u64,
    pub size: u64,
    pub pdata: Option<(u32, u32)>,
}

/// The loaded module containing `pc` (PE images and builtins alike).
pub fn module_at(pc: u64) -> Option<Module> {
    let peb = dllcore::teb::peb() as usize;
    if peb == 0 {
        return None;
    }
    // SAFETY: the PEB and its Ldr lists are the loader's; entries stay allocated.
    unsafe {
        let ldr = *((peb + PEB_LDR) as *const usize);
        if ldr == 0 {
            return None;
        }
        let head = ldr + LDR_LOAD_ORDER;
        let mut e = *(head as *const usize);
        let mut n = 0;
        while e != head && e != 0 && n < 4096 {
            let base = *((e + LDTE_DLL_BASE) as *const usize) as u64;
            let size = u64::from(*((e + LDTE_SIZE_OF_IMAGE) as *const u32));
            if pc >= base && pc - base < size {
                return Some(Module { base, size, pdata: exception_directory(base, size) });
            }
            e = *(e as *const usize);
            n += 1;
        }
    }
    None
}

/// The exception directory of the image mapped at `base`, from its headers.
fn exception_directory(base: u64, size: u64) -> Option<(u32, u32)> {
    // SAFETY: a mapped module's headers are readable (the loader maps them; builtins have a
    // header page).
    let hdr = unsafe { std::slice::from_raw_parts(base as *const u8, size.min(0x1000) as usize) };
    let dos = object::pe::ImageDosHeader::parse(hdr).ok()?;
    let mut off = u64::from(dos.nt_headers_offset());
    let (_, dirs) = object::pe::ImageNtHeaders64::parse(hdr, &mut off).ok()?;
    dirs.get(object::pe::IMAGE_DIRECTORY_ENTRY_EXCEPTION)
        .map(|d| d.address_range())
        .filter(|&(rva, len)| rva != 0 && len != 0 && u64::from(rva) + u64::from(len) <= size)
}

/// A function table registered with RtlAddFunctionTable.
#[derive(Debug, Clone, Copy)]
struct Table {
    entries: u64,
    count: u32,
    base: u64,
}

static TABLES: RwLock<Vec<Table>> = RwLock::new(Vec::new());

/// The unwind data covering `pc`: (image base, address of the RUNTIME_FUNCTION).
pub fn function_entry(pc: u64) -> Option<(u64, u64)> {
    if let Some(m) = module_at(pc)
        && let Some((dir, len)) = m.pdata
    {
        let count = len / std::mem::size_of::<IMAGE_RUNTIME_FUNCTION_ENTRY>() as u32;
        let rva = (pc - m.base) as u32;
        return unwind::lookup_in_table(m.base, m.base + u64::from(dir), count, &LiveMemory, rva)
            .map(|(at, _)| (m.base, at));
    }
    let tables = TABLES.read().unwrap_or_else(|e| e.into_inner());
    for t in tables.iter() {
        let Some(rva) = pc.checked_sub(t.base).filter(|r| *r <= u64::from(u32::MAX)) else { continue };
        // Registered tables need not be sorted: look at every entry.
        for i in 0..t.count {
            let at = t.entries + u64::from(i) * 12;
            // SAFETY: the table the program registered.
            let (begin, end) = unsafe { (*(at as *const u32), *((at + 4) as *const u32)) };
            if (rva as u32) >= begin && (rva as u32) < end {
                return Some((t.base, at));
            }
        }
    }
    None
}

/// RtlLookupFunctionEntry: the RUNTIME_FUNCTION covering `pc`, in a loaded image or a
/// registered table, and the image base its RVAs are relative to. NULL for leaf functions
/// (no unwind data) and for code that is not in a PE image (wine-rs's own functions).
/// The history table is not used (it is only a cache on Windows).
#[export]
pub extern "win64" fn RtlLookupFunctionEntry(
    pc: u64,
    base: *mut u64,
    _history: *mut UNWIND_HISTORY_TABLE,
) -> *mut IMAGE_RUNTIME_FUNCTION_ENTRY {
    let found = function_entry(pc);
    if !base.is_null() {
        // SAFETY: the caller's output variable.
        unsafe { *base = found.map_or(0, |f| f.0) };
    }
    found.map_or(std::ptr::null_mut(), |f| f.1 as *mut _)
}

/// RtlAddFunctionTable: register unwind data for code generated at run time (`count`
/// RUNTIME_FUNCTION entries whose RVAs are relative to `base`).
#[export]
pub extern "win64" fn RtlAddFunctionTable(table: *mut IMAGE_RUNTIME_FUNCTION_ENTRY, count: u32, base: u64) -> u8 {
    if table.is_null() {
        return 0;
    }
    TABLES.write().unwrap_or_else(|e| e.into_inner()).push(Table { entries: table as u64, count, base });
    1
}

/// RtlDeleteFunctionTable: forget a table RtlAddFunctionTable registered; FALSE if unknown.
#[export]
pub extern "win64" fn RtlDeleteFunctionTable(table: *mut IMAGE_RUNTIME_FUNCTION_ENTRY) -> u8 {
    let mut tables = TABLES.write().unwrap_or_else(|e| e.into_inner());
    match tables.iter().position(|t| t.entries == table as u64) {
        Some(i) => {
            tables.remove(i);
            1
        }
        None => 0,
    }
}

/// RtlPcToFileHeader: the base of the loaded image containing `pc` (also stored in `*base`),
/// or NULL.
#[export]
pub extern "win64" fn RtlPcToFileHeader(pc: u64, base: *mut u64) -> u64 {
    let b = module_at(pc).map_or(0, |m| m.base);
    if !base.is_null() {
        // SAFETY: the caller's output variable.
        unsafe { *base = b };
    }
    b
}

/// Is `pc` inside a loaded PE or builtin image?
pub fn in_image(pc: u64) -> bool {
    module_at(pc).is_some()
}
