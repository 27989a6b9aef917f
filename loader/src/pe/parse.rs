//! The PE32+ parser: headers, sections and data directories, each checked against the file
//! and the image bounds. The import, export and relocation tables live in sibling modules.

use super::exports::parse_exports;
use super::imports::{parse_delay_imports, parse_imports};
use super::reader::{Image, Le, bytes_at, malformed};
use super::relocs::parse_relocs;
use super::*;

const DOS_HEADER_SIZE: usize = 64;
const E_LFANEW_OFFSET: usize = 0x3c;
const FILE_HEADER_SIZE: usize = 20;
/// Signature plus file header: where the optional header starts, from e_lfanew.
const OPTIONAL_HEADER_OFFSET: usize = 4 + FILE_HEADER_SIZE;
/// Fixed part of the PE32+ optional header (everything before the data directories).
const OPT64_FIXED_SIZE: usize = 112;
/// Fixed part of the PE32 optional header, for the best-effort .NET check on 32-bit files.
const OPT32_FIXED_SIZE: usize = 96;
const SECTION_HEADER_SIZE: usize = 40;
const MAX_DIRECTORIES: usize = 16;

const MAGIC_PE32: u16 = 0x10b;
const MAGIC_PE32_PLUS: u16 = 0x20b;
const MACHINE_I386: u16 = 0x14c;
const MACHINE_AMD64: u16 = 0x8664;
const MACHINE_ARM64: u16 = 0xaa64;
const FILE_DLL: u16 = 0x2000;

const PAGE_SIZE: u32 = 0x1000;
const MAX_SIZE_OF_IMAGE: u32 = 3 << 30;
const IMAGE_BASE_ALIGN: u64 = 0x1_0000;

const DIR_EXPORT: usize = 0;
const DIR_IMPORT: usize = 1;
const DIR_EXCEPTION: usize = 3;
const DIR_BASERELOC: usize = 5;
const DIR_TLS: usize = 9;
const DIR_DELAY_IMPORT: usize = 13;
const DIR_COM_DESCRIPTOR: usize = 14;

/// The directories whose ranges are checked against SizeOfImage, with their names.
const CHECKED_DIRECTORIES: [(usize, &str); 7] = [
    (DIR_EXPORT, "export directory"),
    (DIR_IMPORT, "import directory"),
    (DIR_EXCEPTION, "exception directory"),
    (DIR_BASERELOC, "base relocation directory"),
    (DIR_TLS, "TLS directory"),
    (DIR_DELAY_IMPORT, "delay import directory"),
    (DIR_COM_DESCRIPTOR, "COM descriptor directory"),
];

const TLS_DIRECTORY_SIZE: usize = 40;
const COR20_FLAGS_OFFSET: usize = 16;
const COMIMAGE_FLAGS_ILONLY: u32 = 0x1;

const MSG_32BIT: &str = "32-bit programs are not supported yet";
const MSG_DOTNET: &str = ".NET (managed) programs are not supported";

/// The IMAGE_FILE_HEADER fields the parser uses.
struct FileHeader {
    machine: u16,
    number_of_sections: u16,
    size_of_optional_header: u16,
    characteristics: u16,
}

/// An (RVA, size) data directory entry; absent entries are (0, 0).
#[derive(Clone, Copy, Default)]
struct DataDir {
    rva: u32,
    size: u32,
}

impl DataDir {
    fn present(&self) -> bool {
        self.rva != 0
    }
}

/// The IMAGE_OPTIONAL_HEADER64 fields the parser uses.
struct OptionalHeader {
    entry_rva: u32,
    image_base: u64,
    section_alignment: u32,
    file_alignment: u32,
    size_of_image: u32,
    size_of_headers: u32,
    subsystem: u16,
    dll_characteristics: u16,
    stack_reserve: u64,
    stack_commit: u64,
    heap_reserve: u64,
    heap_commit: u64,
    dirs: [DataDir; MAX_DIRECTORIES],
}

/// Parse and validate a PE32+ x86-64 image.
///
/// Returns everything the mapper needs, or the first problem found as a one-line
/// [`PeError`]. Never panics and never reads outside `data`.
pub fn parse(data: &[u8]) -> Result<PeInfo, PeError> {
    let nt = nt_headers_offset(data)?;
    let fh = file_header(data, nt)?;
    let opt_off = nt + OPTIONAL_HEADER_OFFSET;
    check_machine(data, &fh, opt_off)?;
    let opt = optional_header(data, &fh, opt_off)?;
    check_layout(&opt)?;
    let table_off = opt_off + usize::from(fh.size_of_optional_header);
    let sections = section_table(data, table_off, fh.number_of_sections)?;
    check_sections(&sections, data.len(), &opt)?;
    let table_end = table_off + usize::from(fh.number_of_sections) * SECTION_HEADER_SIZE;
    check_size_of_headers(&opt, &sections, data.len(), table_end)?;
    let img = Image {
        data,
        size_of_image: opt.size_of_image,
        size_of_headers: opt.size_of_headers,
        sections: &sections,
    };
    check_directories(&img, &opt.dirs)?;
    check_entry_point(&opt)?;
    if is_dotnet_only(&img, opt.dirs[DIR_COM_DESCRIPTOR])? {
        return Err(PeError::Unsupported(MSG_DOTNET.into()));
    }
    read_tables(&img, &fh, &opt, sections.clone())
}

/// Read the data directories' tables and assemble the result.
fn read_tables(
    img: &Image,
    fh: &FileHeader,
    opt: &OptionalHeader,
    sections: Vec<Section>,
) -> Result<PeInfo, PeError> {
    let dirs = &opt.dirs;
    let imports = match dirs[DIR_IMPORT] {
        d if d.present() => parse_imports(img, d.rva)?,
        _ => Vec::new(),
    };
    let delay_imports = match dirs[DIR_DELAY_IMPORT] {
        d if d.present() => parse_delay_imports(img, d.rva)?,
        _ => Vec::new(),
    };
    let exports = match dirs[DIR_EXPORT] {
        d if d.present() => Some(parse_exports(img, d.rva, d.size)?),
        _ => None,
    };
    let reloc = dirs[DIR_BASERELOC];
    let relocs = if reloc.present() {
        parse_relocs(img, reloc.rva, reloc.size)?
    } else {
        Vec::new()
    };
    let tls = match dirs[DIR_TLS] {
        d if d.present() => Some(parse_tls(img, d.rva, opt.image_base)?),
        _ => None,
    };
    let exc = dirs[DIR_EXCEPTION];
    Ok(PeInfo {
        is_dll: fh.characteristics & FILE_DLL != 0,
        characteristics: fh.characteristics,
        image_base: opt.image_base,
        size_of_image: opt.size_of_image,
        size_of_headers: opt.size_of_headers,
        section_alignment: opt.section_alignment,
        file_alignment: opt.file_alignment,
        entry_rva: opt.entry_rva,
        subsystem: opt.subsystem,
        dll_characteristics: opt.dll_characteristics,
        stack_reserve: opt.stack_reserve,
        stack_commit: opt.stack_commit,
        heap_reserve: opt.heap_reserve,
        heap_commit: opt.heap_commit,
        sections,
        imports,
        delay_imports,
        exports,
        relocs,
        has_reloc_dir: reloc.present(),
        tls,
        exception_dir: (exc.present() && exc.size != 0).then_some((exc.rva, exc.size)),
    })
}

/// Check the DOS header and the PE signature; return e_lfanew.
fn nt_headers_offset(data: &[u8]) -> Result<usize, PeError> {
    if data.get(..2) != Some(b"MZ".as_slice()) {
        return Err(PeError::NotPe(
            "no MZ signature at the start of the file".into(),
        ));
    }
    if data.len() < DOS_HEADER_SIZE {
        return Err(PeError::NotPe(format!(
            "file is too short ({:#x} bytes) to hold a DOS header",
            data.len()
        )));
    }
    let e_lfanew = Le(data).u32(E_LFANEW_OFFSET);
    let nt = usize::try_from(e_lfanew)
        .ok()
        .filter(|&nt| nt.saturating_add(4) <= data.len());
    let Some(nt) = nt else {
        return Err(malformed(format!(
            "e_lfanew {e_lfanew:#x} points past the end of the file (size {:#x})",
            data.len()
        )));
    };
    if data.get(nt..nt + 4) != Some(b"PE\0\0".as_slice()) {
        return Err(PeError::NotPe(format!(
            "no PE signature at e_lfanew {e_lfanew:#x}"
        )));
    }
    Ok(nt)
}

/// Read the COFF file header that follows the PE signature.
fn file_header(data: &[u8], nt: usize) -> Result<FileHeader, PeError> {
    let Some(b) = bytes_at::<FILE_HEADER_SIZE>(data, nt + 4) else {
        return Err(malformed(format!(
            "file is truncated inside the NT headers (file header at offset {:#x}, file size {:#x})",
            nt + 4,
            data.len()
        )));
    };
    let f = Le(&b);
    Ok(FileHeader {
        machine: f.u16(0),
        number_of_sections: f.u16(2),
        size_of_optional_header: f.u16(16),
        characteristics: f.u16(18),
    })
}

/// Refuse anything but an x86-64 PE32+ image, with a message naming what it is instead.
fn check_machine(data: &[u8], fh: &FileHeader, opt_off: usize) -> Result<(), PeError> {
    let magic = bytes_at::<2>(data, opt_off).map(u16::from_le_bytes);
    match fh.machine {
        MACHINE_AMD64 => {}
        MACHINE_I386 => return Err(refuse_32bit(data, fh, opt_off, "machine i386")),
        MACHINE_ARM64 => {
            return Err(PeError::Unsupported(
                "ARM64 programs are not supported (machine 0xaa64); only x86-64 is".into(),
            ));
        }
        m => {
            return Err(PeError::Unsupported(format!(
                "machine type {m:#x} is not supported; only x86-64 (0x8664) is"
            )));
        }
    }
    match magic {
        Some(MAGIC_PE32_PLUS) => Ok(()),
        Some(MAGIC_PE32) => Err(refuse_32bit(data, fh, opt_off, "PE32 optional header")),
        Some(m) => Err(malformed(format!(
            "optional header magic {m:#x} is not PE32+ (0x20b)"
        ))),
        None => Err(malformed(format!(
            "file is truncated inside the NT headers (optional header at offset {opt_off:#x}, file size {:#x})",
            data.len()
        ))),
    }
}

/// The refusal for a 32-bit image: a .NET one (which is usually 32-bit "AnyCPU") gets the
/// .NET message, found on a best-effort basis; everything else the 32-bit one.
fn refuse_32bit(data: &[u8], fh: &FileHeader, opt_off: usize, what: &str) -> PeError {
    if is_dotnet_pe32(data, fh, opt_off) {
        return PeError::Unsupported(MSG_DOTNET.into());
    }
    PeError::Unsupported(format!("{MSG_32BIT} ({what})"))
}

/// Best-effort .NET detection on a PE32 image: any inconsistency simply means "no".
fn is_dotnet_pe32(data: &[u8], fh: &FileHeader, opt_off: usize) -> bool {
    let opt_len = usize::from(fh.size_of_optional_header);
    let Some(opt) = data.get(opt_off..opt_off.saturating_add(opt_len)) else {
        return false;
    };
    let f = Le(opt);
    if f.u16(0) != MAGIC_PE32 {
        return false;
    }
    let dirs = read_directories(opt, OPT32_FIXED_SIZE, f.u32(OPT32_FIXED_SIZE - 4));
    let table_off = opt_off + opt_len;
    let Ok(sections) = section_table(data, table_off, fh.number_of_sections) else {
        return false;
    };
    let img = Image {
        data,
        size_of_image: f.u32(56),
        size_of_headers: f.u32(60),
        sections: &sections,
    };
    matches!(is_dotnet_only(&img, dirs[DIR_COM_DESCRIPTOR]), Ok(true))
}

/// Read the data directory array that starts at `fixed` in the optional header `opt`.
/// Entries at or beyond NumberOfRvaAndSizes, or beyond the header, are absent.
fn read_directories(opt: &[u8], fixed: usize, count: u32) -> [DataDir; MAX_DIRECTORIES] {
    let mut dirs = [DataDir::default(); MAX_DIRECTORIES];
    let count = usize::try_from(count)
        .unwrap_or(MAX_DIRECTORIES)
        .min(MAX_DIRECTORIES);
    for (i, dir) in dirs.iter_mut().enumerate().take(count) {
        let off = fixed + 8 * i;
        if let Some(b) = bytes_at::<8>(opt, off) {
            *dir = DataDir {
                rva: Le(&b).u32(0),
                size: Le(&b).u32(4),
            };
        }
    }
    dirs
}

/// Read and size-check the PE32+ optional header.
fn optional_header(
    data: &[u8],
    fh: &FileHeader,
    opt_off: usize,
) -> Result<OptionalHeader, PeError> {
    let Some(fixed) = data.get(opt_off..opt_off + OPT64_FIXED_SIZE) else {
        return Err(malformed(format!(
            "file is truncated inside the optional header (needs {:#x} bytes at offset {opt_off:#x}, file size {:#x})",
            OPT64_FIXED_SIZE,
            data.len()
        )));
    };
    let count = Le(fixed).u32(OPT64_FIXED_SIZE - 4);
    let ndirs = usize::try_from(count)
        .unwrap_or(MAX_DIRECTORIES)
        .min(MAX_DIRECTORIES);
    let needed = OPT64_FIXED_SIZE + 8 * ndirs;
    if usize::from(fh.size_of_optional_header) < needed {
        return Err(malformed(format!(
            "SizeOfOptionalHeader {:#x} is too small for the 64-bit optional header with {ndirs} data directories ({needed:#x} bytes)",
            fh.size_of_optional_header
        )));
    }
    let Some(opt) = data.get(opt_off..opt_off + needed) else {
        return Err(malformed(format!(
            "file is truncated inside the optional header's data directories (file size {:#x})",
            data.len()
        )));
    };
    let f = Le(opt);
    Ok(OptionalHeader {
        entry_rva: f.u32(16),
        image_base: f.u64(24),
        section_alignment: f.u32(32),
        file_alignment: f.u32(36),
        size_of_image: f.u32(56),
        size_of_headers: f.u32(60),
        subsystem: f.u16(68),
        dll_characteristics: f.u16(70),
        stack_reserve: f.u64(72),
        stack_commit: f.u64(80),
        heap_reserve: f.u64(88),
        heap_commit: f.u64(96),
        dirs: read_directories(opt, OPT64_FIXED_SIZE, count),
    })
}

/// Alignment, SizeOfImage and ImageBase sanity.
fn check_layout(opt: &OptionalHeader) -> Result<(), PeError> {
    let (sa, fa) = (opt.section_alignment, opt.file_alignment);
    if !sa.is_power_of_two() {
        return Err(malformed(format!(
            "SectionAlignment {sa:#x} is not a non-zero power of two"
        )));
    }
    if !fa.is_power_of_two() {
        return Err(malformed(format!(
            "FileAlignment {fa:#x} is not a non-zero power of two"
        )));
    }
    if sa >= PAGE_SIZE && fa > sa {
        return Err(malformed(format!(
            "FileAlignment {fa:#x} is larger than SectionAlignment {sa:#x}"
        )));
    }
    if sa < PAGE_SIZE && fa != sa {
        return Err(malformed(format!(
            "SectionAlignment {sa:#x} is below the page size, so FileAlignment ({fa:#x}) must equal it"
        )));
    }
    if opt.size_of_image == 0 {
        return Err(malformed("SizeOfImage is 0".into()));
    }
    if opt.size_of_image > MAX_SIZE_OF_IMAGE {
        return Err(malformed(format!(
            "SizeOfImage {:#x} is absurdly large (more than 3 GiB)",
            opt.size_of_image
        )));
    }
    if !opt.image_base.is_multiple_of(IMAGE_BASE_ALIGN) {
        return Err(malformed(format!(
            "ImageBase {:#x} is not 64K-aligned",
            opt.image_base
        )));
    }
    if opt
        .image_base
        .checked_add(u64::from(opt.size_of_image))
        .is_none()
    {
        return Err(malformed(format!(
            "ImageBase {:#x} plus SizeOfImage {:#x} overflows the address space",
            opt.image_base, opt.size_of_image
        )));
    }
    Ok(())
}

/// Read the section table (unvalidated beyond its own bounds in the file).
fn section_table(data: &[u8], table_off: usize, count: u16) -> Result<Vec<Section>, PeError> {
    let len = usize::from(count) * SECTION_HEADER_SIZE;
    let Some(table) = data.get(table_off..table_off + len) else {
        return Err(malformed(format!(
            "section table ({count} entries at offset {table_off:#x}) lies outside the file (size {:#x})",
            data.len()
        )));
    };
    Ok(table
        .chunks_exact(SECTION_HEADER_SIZE)
        .map(section_header)
        .collect())
}

/// Decode one 40-byte IMAGE_SECTION_HEADER.
fn section_header(h: &[u8]) -> Section {
    let f = Le(h);
    let raw_name = h.get(..8).unwrap_or_default();
    let name_len = raw_name
        .iter()
        .position(|&b| b == 0)
        .unwrap_or(raw_name.len());
    let name = String::from_utf8_lossy(raw_name.get(..name_len).unwrap_or_default()).into_owned();
    let (vsize, rva, raw_len, raw_offset) = (f.u32(8), f.u32(12), f.u32(16), f.u32(20));
    let virtual_size = if vsize == 0 { raw_len } else { vsize };
    Section {
        name,
        rva,
        virtual_size,
        raw_offset,
        raw_size: raw_len.min(virtual_size),
        characteristics: f.u32(36),
    }
}

/// Each section's raw data lies in the file, its virtual range in the image, its RVA is
/// aligned, and no two sections overlap in memory.
fn check_sections(
    sections: &[Section],
    file_len: usize,
    opt: &OptionalHeader,
) -> Result<(), PeError> {
    for s in sections {
        let raw_end = u64::from(s.raw_offset) + u64::from(s.raw_size);
        if s.raw_size != 0 && raw_end > file_len as u64 {
            return Err(malformed(format!(
                "section {} raw data (offset {:#x}, size {:#x}) lies outside the file (size {file_len:#x})",
                s.name, s.raw_offset, s.raw_size
            )));
        }
        if u64::from(s.rva) + u64::from(s.virtual_size) > u64::from(opt.size_of_image) {
            return Err(malformed(format!(
                "section {} virtual range (RVA {:#x}, size {:#x}) lies outside SizeOfImage {:#x}",
                s.name, s.rva, s.virtual_size, opt.size_of_image
            )));
        }
        if !s.rva.is_multiple_of(opt.section_alignment) {
            return Err(malformed(format!(
                "section {} RVA {:#x} is not a multiple of SectionAlignment {:#x}",
                s.name, s.rva, opt.section_alignment
            )));
        }
    }
    check_overlaps(sections, opt.section_alignment)
}

/// No two sections' memory ranges (sizes rounded up to SectionAlignment) overlap.
fn check_overlaps(sections: &[Section], align: u32) -> Result<(), PeError> {
    let mut sorted: Vec<&Section> = sections.iter().filter(|s| s.virtual_size != 0).collect();
    sorted.sort_by_key(|s| s.rva);
    for pair in sorted.windows(2) {
        let [a, b] = pair else { continue };
        let a_end = u64::from(a.rva) + u64::from(a.virtual_size).next_multiple_of(u64::from(align));
        if a_end > u64::from(b.rva) {
            return Err(malformed(format!(
                "sections {} (RVA {:#x}, size {:#x}) and {} (RVA {:#x}) overlap in memory",
                a.name, a.rva, a.virtual_size, b.name, b.rva
            )));
        }
    }
    Ok(())
}

/// SizeOfHeaders covers the section table and fits in the file, the image and below the
/// first section.
fn check_size_of_headers(
    opt: &OptionalHeader,
    sections: &[Section],
    file_len: usize,
    table_end: usize,
) -> Result<(), PeError> {
    let soh = opt.size_of_headers;
    if u64::from(soh) > file_len as u64 {
        return Err(malformed(format!(
            "SizeOfHeaders {soh:#x} lies beyond the end of the file (size {file_len:#x})"
        )));
    }
    if soh > opt.size_of_image {
        return Err(malformed(format!(
            "SizeOfHeaders {soh:#x} is larger than SizeOfImage {:#x}",
            opt.size_of_image
        )));
    }
    if (soh as usize) < table_end {
        return Err(malformed(format!(
            "SizeOfHeaders {soh:#x} does not cover the section table (which ends at offset {table_end:#x})"
        )));
    }
    let first = sections
        .iter()
        .filter(|s| s.virtual_size != 0)
        .min_by_key(|s| s.rva);
    if let Some(first) = first.filter(|s| soh > s.rva) {
        return Err(malformed(format!(
            "SizeOfHeaders {soh:#x} extends past the first section's RVA ({} at {:#x})",
            first.name, first.rva
        )));
    }
    Ok(())
}

/// Every data directory the loader uses lies inside the image.
fn check_directories(img: &Image, dirs: &[DataDir; MAX_DIRECTORIES]) -> Result<(), PeError> {
    for (index, what) in CHECKED_DIRECTORIES {
        let d = dirs[index];
        if d.present() {
            img.check_in_image(u64::from(d.rva), u64::from(d.size), what)?;
        }
    }
    Ok(())
}

/// A non-zero entry point lies inside the image.
fn check_entry_point(opt: &OptionalHeader) -> Result<(), PeError> {
    if opt.entry_rva != 0 && opt.entry_rva >= opt.size_of_image {
        return Err(malformed(format!(
            "entry point RVA {:#x} lies outside the image (SizeOfImage {:#x})",
            opt.entry_rva, opt.size_of_image
        )));
    }
    Ok(())
}

/// The image has a COM descriptor (IMAGE_COR20_HEADER) flagged IL-only.
fn is_dotnet_only(img: &Image, com: DataDir) -> Result<bool, PeError> {
    if !com.present() || com.size == 0 {
        return Ok(false);
    }
    let hdr =
        img.read::<{ COR20_FLAGS_OFFSET + 4 }>(u64::from(com.rva), "COM descriptor (CLR header)")?;
    Ok(Le(&hdr).u32(COR20_FLAGS_OFFSET) & COMIMAGE_FLAGS_ILONLY != 0)
}

/// Read IMAGE_TLS_DIRECTORY64 and check its VAs against the image.
fn parse_tls(img: &Image, rva: u32, image_base: u64) -> Result<TlsDir, PeError> {
    let b = img.read::<TLS_DIRECTORY_SIZE>(u64::from(rva), "TLS directory")?;
    let f = Le(&b);
    let tls = TlsDir {
        start_va: f.u64(0),
        end_va: f.u64(8),
        index_va: f.u64(16),
        callbacks_va: f.u64(24),
        zero_fill: f.u32(32),
    };
    let end = image_base + u64::from(img.size_of_image);
    let inside =
        |va: u64, len: u64| va >= image_base && va.checked_add(len).is_some_and(|e| e <= end);
    let fields = [
        ("StartAddressOfRawData", tls.start_va, 1, false),
        ("EndAddressOfRawData", tls.end_va, 0, false),
        ("AddressOfIndex", tls.index_va, 4, true),
        ("AddressOfCallBacks", tls.callbacks_va, 8, true),
    ];
    for (name, va, len, zero_ok) in fields {
        if (va != 0 || !zero_ok) && !inside(va, len) {
            return Err(malformed(format!(
                "TLS directory {name} {va:#x} lies outside the image ({image_base:#x}..{end:#x})"
            )));
        }
    }
    if tls.end_va < tls.start_va {
        return Err(malformed(format!(
            "TLS directory raw data range {:#x}..{:#x} ends before it starts",
            tls.start_va, tls.end_va
        )));
    }
    Ok(tls)
}
