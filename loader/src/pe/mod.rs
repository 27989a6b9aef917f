//! PE32+ parsing and validation: everything the loader needs to know about an image file,
//! checked before a byte is mapped. Pure: reads a byte slice, maps nothing, never panics.
//!
//! The parser checks each structure against the file and the image bounds and refuses a bad
//! image with a [`PeError`] naming the problem; the mapper (`crate::map`) can then trust the
//! offsets and RVAs it is given.

mod exports;
mod imports;
mod parse;
mod reader;
mod relocs;
#[cfg(test)]
mod tests;

pub use parse::parse;

/// Why an image is refused. `Display` gives the one-line message the launcher prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeError {
    /// Not a PE file at all (no MZ / PE signature, or too short to hold one).
    NotPe(String),
    /// A PE we understand but do not support (32-bit, ARM64, .NET-only, ...).
    Unsupported(String),
    /// A PE whose structures are inconsistent (out of range, overlapping, unterminated, ...).
    Malformed(String),
}

impl std::fmt::Display for PeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PeError::NotPe(m) => write!(f, "not a PE image: {m}"),
            PeError::Unsupported(m) => write!(f, "unsupported image: {m}"),
            PeError::Malformed(m) => write!(f, "malformed PE image: {m}"),
        }
    }
}

impl std::error::Error for PeError {}

/// One section header, validated: raw data lies inside the file, the virtual range inside
/// SizeOfImage, and no two sections overlap in memory.
#[derive(Debug, Clone)]
pub struct Section {
    pub name: String,
    pub rva: u32,
    /// Size in memory (VirtualSize, or SizeOfRawData when VirtualSize is 0).
    pub virtual_size: u32,
    pub raw_offset: u32,
    /// Bytes to copy from the file (min(SizeOfRawData, virtual_size), clipped as Windows does).
    pub raw_size: u32,
    /// IMAGE_SCN_* flags.
    pub characteristics: u32,
}

/// How one IAT slot is to be filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportName {
    ByName { name: String, hint: u16 },
    ByOrdinal(u16),
}

/// One imported symbol and the IAT slot (RVA of an 8-byte slot) that receives its address.
#[derive(Debug, Clone)]
pub struct ImportEntry {
    pub iat_slot_rva: u32,
    pub name: ImportName,
}

/// One import descriptor: a DLL and its symbols.
#[derive(Debug, Clone)]
pub struct ImportDll {
    /// The DLL name exactly as written in the image ("KERNEL32.dll").
    pub dll: String,
    pub entries: Vec<ImportEntry>,
}

/// One delay-load descriptor (IMAGE_DELAYLOAD_DESCRIPTOR, RVA-based form).
#[derive(Debug, Clone)]
pub struct DelayImportDll {
    pub dll: String,
    /// RVA of the HMODULE slot the helper caches the module in.
    pub module_handle_rva: u32,
    /// Entries: iat_slot_rva is the slot in the delay IAT.
    pub entries: Vec<ImportEntry>,
}

/// One export address table entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportTarget {
    /// An unused ordinal (address 0).
    None,
    /// Code or data at this RVA.
    Rva(u32),
    /// Forwarded: the raw forwarder string, "DLL.Name" or "DLL.#12".
    Forward(String),
}

/// The export directory.
#[derive(Debug, Clone, Default)]
pub struct Exports {
    pub dll_name: String,
    pub ordinal_base: u32,
    /// Indexed by (ordinal - ordinal_base).
    pub functions: Vec<ExportTarget>,
    /// (name, index into `functions`), in the image's (sorted) order.
    pub names: Vec<(String, u32)>,
}

/// One base relocation, already split out of its block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reloc {
    pub rva: u32,
    /// IMAGE_REL_BASED_* type (DIR64 = 10, HIGHLOW = 3, ABSOLUTE = 0 are the ones we apply;
    /// others are refused by the parser).
    pub kind: u16,
}

/// IMAGE_TLS_DIRECTORY64, with its VAs as written (relative to the preferred ImageBase:
/// subtract `PeInfo::image_base` to get RVAs; each was checked to lie inside the image).
#[derive(Debug, Clone, Copy)]
pub struct TlsDir {
    pub start_va: u64,
    pub end_va: u64,
    pub index_va: u64,
    /// VA of a null-terminated array of callback VAs (0 when none). The array itself is read
    /// from the mapped, relocated image by the loader.
    pub callbacks_va: u64,
    pub zero_fill: u32,
}

/// Everything the loader needs from a PE32+ x86-64 image.
#[derive(Debug, Clone)]
pub struct PeInfo {
    pub is_dll: bool,
    /// IMAGE_FILE_* characteristics.
    pub characteristics: u16,
    pub image_base: u64,
    pub size_of_image: u32,
    pub size_of_headers: u32,
    pub section_alignment: u32,
    pub file_alignment: u32,
    /// RVA of the entry point, 0 when there is none (a DLL without DllMain).
    pub entry_rva: u32,
    pub subsystem: u16,
    pub dll_characteristics: u16,
    pub stack_reserve: u64,
    pub stack_commit: u64,
    pub heap_reserve: u64,
    pub heap_commit: u64,
    pub sections: Vec<Section>,
    pub imports: Vec<ImportDll>,
    pub delay_imports: Vec<DelayImportDll>,
    pub exports: Option<Exports>,
    /// All base relocations (empty when the image has no .reloc directory).
    pub relocs: Vec<Reloc>,
    /// The image has a base relocation directory (even an empty one).
    pub has_reloc_dir: bool,
    pub tls: Option<TlsDir>,
    /// RVA and size of the exception directory (.pdata), for the unwinder later.
    pub exception_dir: Option<(u32, u32)>,
}

impl PeInfo {
    /// Relocations were stripped at link time: the image can only load at its ImageBase.
    pub fn relocs_stripped(&self) -> bool {
        self.characteristics & object::pe::IMAGE_FILE_RELOCS_STRIPPED != 0
    }
}
