//! The PE32+ parser: headers, sections and data directories, each checked against the file
//! and the image bounds. The import, export and relocation tables live in sibling modules.
//!
//! Every structure is one of `object::pe`'s, read by copy through [`pod_at`] /
//! [`Image::read`]; field offsets, when needed, come from `offset_of!` on those types.
//! `object`'s `ImageNtHeaders64::parse` is not used: it checks in a different order than the
//! loader's messages need (machine before magic), refuses a NumberOfRvaAndSizes that Windows
//! clamps to 16, and needs the NT headers 8-aligned in memory.

use std::mem::{offset_of, size_of};

use object::pe::{
    self, ImageCor20Header, ImageDataDirectory, ImageDosHeader, ImageFileHeader, ImageNtHeaders64,
    ImageOptionalHeader32, ImageOptionalHeader64, ImageSectionHeader, ImageTlsDirectory64,
};
use object::pod;
use object::read::pe::{DataDirectories, ImageOptionalHeader};
use object::{LittleEndian as LE, U16Bytes, U32, U32Bytes};

use super::exports::parse_exports;
use super::imports::{parse_delay_imports, parse_imports};
use super::reader::{Image, malformed, pod_at};
use super::relocs::parse_relocs;
use super::*;

const PAGE_SIZE: u32 = 0x1000;
const MAX_SIZE_OF_IMAGE: u32 = 3 << 30;
const IMAGE_BASE_ALIGN: u64 = 0x1_0000;

/// The directories whose ranges are checked against SizeOfImage, with their names.
#[rustfmt::skip]
const CHECKED_DIRECTORIES: [(usize, &str); 7] = [
    (pe::IMAGE_DIRECTORY_ENTRY_EXPORT, "export directory"),
    (pe::IMAGE_DIRECTORY_ENTRY_IMPORT, "import directory"),
    (pe::IMAGE_DIRECTORY_ENTRY_EXCEPTION, "exception directory"),
    (pe::IMAGE_DIRECTORY_ENTRY_BASERELOC, "base relocation directory"),
    (pe::IMAGE_DIRECTORY_ENTRY_TLS, "TLS directory"),
    (pe::IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT, "delay import directory"),
    (pe::IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR, "COM descriptor directory"),
];

const MSG_32BIT: &str = "32-bit programs are not supported yet";
const MSG_DOTNET: &str = ".NET (managed) programs are not supported";

/// Parse and validate a PE32+ x86-64 image.
///
/// Returns everything the mapper needs, or the first problem found as a one-line
/// [`PeError`]. Never panics and never reads outside `data`.
pub fn parse(data: &[u8]) -> Result<PeInfo, PeError> {
    let nt = nt_headers_offset(data)?;
    let fh = file_header(data, nt)?;
    let opt_off = nt + offset_of!(ImageNtHeaders64, optional_header);
    check_machine(data, &fh, opt_off)?;
    let (opt, dir_table) = optional_header(data, &fh, opt_off)?;
    let dirs = data_directories(&dir_table)?;
    check_layout(&opt)?;
    let table_off = opt_off + usize::from(fh.size_of_optional_header.get(LE));
    let n_sections = fh.number_of_sections.get(LE);
    let sections = section_table(data, table_off, n_sections)?;
    check_sections(&sections, data.len(), &opt)?;
    let table_end = table_off + usize::from(n_sections) * size_of::<ImageSectionHeader>();
    check_size_of_headers(&opt, &sections, data.len(), table_end)?;
    let img = Image {
        data,
        size_of_image: opt.size_of_image(),
        size_of_headers: opt.size_of_headers(),
        sections: &sections,
    };
    check_directories(&img, &dirs)?;
    check_entry_point(&opt)?;
    if is_dotnet_only(&img, &dirs)? {
        return Err(PeError::Unsupported(MSG_DOTNET.into()));
    }
    read_tables(&img, &fh, &opt, &dirs, sections.clone())
}

/// Data directory `index` as (RVA, size), when present (inside NumberOfRvaAndSizes, RVA
/// non-zero).
fn dir(dirs: &DataDirectories, index: usize) -> Option<(u32, u32)> {
    dirs.get(index).map(ImageDataDirectory::address_range)
}

/// Read the data directories' tables and assemble the result.
fn read_tables(
    img: &Image,
    fh: &ImageFileHeader,
    opt: &ImageOptionalHeader64,
    dirs: &DataDirectories,
    sections: Vec<Section>,
) -> Result<PeInfo, PeError> {
    let imports = match dir(dirs, pe::IMAGE_DIRECTORY_ENTRY_IMPORT) {
        Some((rva, _)) => parse_imports(img, rva)?,
        None => Vec::new(),
    };
    let delay_imports = match dir(dirs, pe::IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT) {
        Some((rva, _)) => parse_delay_imports(img, rva)?,
        None => Vec::new(),
    };
    let exports = match dir(dirs, pe::IMAGE_DIRECTORY_ENTRY_EXPORT) {
        Some((rva, size)) => Some(parse_exports(img, rva, size)?),
        None => None,
    };
    let reloc = dir(dirs, pe::IMAGE_DIRECTORY_ENTRY_BASERELOC);
    let relocs = match reloc {
        Some((rva, size)) => parse_relocs(img, rva, size)?,
        None => Vec::new(),
    };
    let tls = match dir(dirs, pe::IMAGE_DIRECTORY_ENTRY_TLS) {
        Some((rva, _)) => Some(parse_tls(img, rva, opt.image_base())?),
        None => None,
    };
    let exception_dir =
        dir(dirs, pe::IMAGE_DIRECTORY_ENTRY_EXCEPTION).filter(|&(_, size)| size != 0);
    let characteristics = fh.characteristics.get(LE);
    Ok(PeInfo {
        is_dll: characteristics & pe::IMAGE_FILE_DLL != 0,
        characteristics,
        image_base: opt.image_base(),
        size_of_image: opt.size_of_image(),
        size_of_headers: opt.size_of_headers(),
        section_alignment: opt.section_alignment(),
        file_alignment: opt.file_alignment(),
        entry_rva: opt.address_of_entry_point(),
        subsystem: opt.subsystem(),
        dll_characteristics: opt.dll_characteristics(),
        stack_reserve: opt.size_of_stack_reserve(),
        stack_commit: opt.size_of_stack_commit(),
        heap_reserve: opt.size_of_heap_reserve(),
        heap_commit: opt.size_of_heap_commit(),
        sections,
        imports,
        delay_imports,
        exports,
        relocs,
        has_reloc_dir: reloc.is_some(),
        tls,
        exception_dir,
    })
}

/// Check the DOS header and the PE signature; return e_lfanew.
fn nt_headers_offset(data: &[u8]) -> Result<usize, PeError> {
    let magic = pod_at::<U16Bytes<LE>>(data, offset_of!(ImageDosHeader, e_magic));
    if magic.map(|m| m.get(LE)) != Some(pe::IMAGE_DOS_SIGNATURE) {
        return Err(PeError::NotPe(
            "no MZ signature at the start of the file".into(),
        ));
    }
    let Some(dos) = pod_at::<ImageDosHeader>(data, 0) else {
        return Err(PeError::NotPe(format!(
            "file is too short ({:#x} bytes) to hold a DOS header",
            data.len()
        )));
    };
    let e_lfanew = dos.nt_headers_offset();
    let nt = usize::try_from(e_lfanew).ok();
    let signature = nt
        .and_then(|nt| nt.checked_add(offset_of!(ImageNtHeaders64, signature)))
        .and_then(|off| pod_at::<U32Bytes<LE>>(data, off));
    let (Some(nt), Some(signature)) = (nt, signature.map(|s| s.get(LE))) else {
        return Err(malformed(format!(
            "e_lfanew {e_lfanew:#x} points past the end of the file (size {:#x})",
            data.len()
        )));
    };
    if signature != pe::IMAGE_NT_SIGNATURE {
        return Err(PeError::NotPe(format!(
            "no PE signature at e_lfanew {e_lfanew:#x}"
        )));
    }
    Ok(nt)
}

/// Read the COFF file header that follows the PE signature.
fn file_header(data: &[u8], nt: usize) -> Result<ImageFileHeader, PeError> {
    let off = nt + offset_of!(ImageNtHeaders64, file_header);
    pod_at(data, off).ok_or_else(|| {
        malformed(format!(
            "file is truncated inside the NT headers (file header at offset {off:#x}, file size {:#x})",
            data.len()
        ))
    })
}

/// Refuse anything but an x86-64 PE32+ image, with a message naming what it is instead.
fn check_machine(data: &[u8], fh: &ImageFileHeader, opt_off: usize) -> Result<(), PeError> {
    let magic = pod_at::<U16Bytes<LE>>(data, opt_off + offset_of!(ImageOptionalHeader64, magic))
        .map(|m| m.get(LE));
    match fh.machine.get(LE) {
        pe::IMAGE_FILE_MACHINE_AMD64 => {}
        pe::IMAGE_FILE_MACHINE_I386 => {
            return Err(refuse_32bit(data, fh, opt_off, "machine i386"));
        }
        pe::IMAGE_FILE_MACHINE_ARM64 => {
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
        Some(pe::IMAGE_NT_OPTIONAL_HDR64_MAGIC) => Ok(()),
        Some(pe::IMAGE_NT_OPTIONAL_HDR32_MAGIC) => {
            Err(refuse_32bit(data, fh, opt_off, "PE32 optional header"))
        }
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
fn refuse_32bit(data: &[u8], fh: &ImageFileHeader, opt_off: usize, what: &str) -> PeError {
    if is_dotnet_pe32(data, fh, opt_off) {
        return PeError::Unsupported(MSG_DOTNET.into());
    }
    PeError::Unsupported(format!("{MSG_32BIT} ({what})"))
}

/// Best-effort .NET detection on a PE32 image: any inconsistency simply means "no".
fn is_dotnet_pe32(data: &[u8], fh: &ImageFileHeader, opt_off: usize) -> bool {
    let opt_len = usize::from(fh.size_of_optional_header.get(LE));
    let Some(opt_bytes) = data.get(opt_off..opt_off.saturating_add(opt_len)) else {
        return false;
    };
    let Some(opt) = pod_at::<ImageOptionalHeader32>(opt_bytes, 0) else {
        return false;
    };
    if opt.magic() != pe::IMAGE_NT_OPTIONAL_HDR32_MAGIC {
        return false;
    }
    let dir_table = read_directories(
        opt_bytes,
        size_of::<ImageOptionalHeader32>(),
        opt.number_of_rva_and_sizes(),
    );
    let Ok(dirs) = data_directories(&dir_table) else {
        return false;
    };
    let table_off = opt_off + opt_len;
    let Ok(sections) = section_table(data, table_off, fh.number_of_sections.get(LE)) else {
        return false;
    };
    let img = Image {
        data,
        size_of_image: opt.size_of_image(),
        size_of_headers: opt.size_of_headers(),
        sections: &sections,
    };
    matches!(is_dotnet_only(&img, &dirs), Ok(true))
}

/// Copy the data directory array that starts at `fixed` in the optional header `opt`.
/// Entries at or beyond NumberOfRvaAndSizes (clamped to 16, as Windows does), or beyond the
/// header, are left out.
fn read_directories(opt: &[u8], fixed: usize, count: u32) -> Vec<ImageDataDirectory> {
    let count = usize::try_from(count)
        .unwrap_or(pe::IMAGE_NUMBEROF_DIRECTORY_ENTRIES)
        .min(pe::IMAGE_NUMBEROF_DIRECTORY_ENTRIES);
    (0..count)
        .map_while(|i| pod_at(opt, fixed + i * size_of::<ImageDataDirectory>()))
        .collect()
}

/// `object`'s view of a data directory table copied by [`read_directories`].
fn data_directories(table: &[ImageDataDirectory]) -> Result<DataDirectories<'_>, PeError> {
    // An aligned table of exactly `len` entries: DataDirectories::parse cannot refuse it.
    let count = u32::try_from(table.len()).unwrap_or(u32::MAX);
    DataDirectories::parse(pod::bytes_of_slice(table), count)
        .map_err(|e| malformed(format!("data directory table: {e}")))
}

/// Read and size-check the PE32+ optional header; return it with its data directories.
fn optional_header(
    data: &[u8],
    fh: &ImageFileHeader,
    opt_off: usize,
) -> Result<(ImageOptionalHeader64, Vec<ImageDataDirectory>), PeError> {
    let fixed = size_of::<ImageOptionalHeader64>();
    let Some(opt) = pod_at::<ImageOptionalHeader64>(data, opt_off) else {
        return Err(malformed(format!(
            "file is truncated inside the optional header (needs {fixed:#x} bytes at offset {opt_off:#x}, file size {:#x})",
            data.len()
        )));
    };
    let count = opt.number_of_rva_and_sizes();
    let ndirs = usize::try_from(count)
        .unwrap_or(pe::IMAGE_NUMBEROF_DIRECTORY_ENTRIES)
        .min(pe::IMAGE_NUMBEROF_DIRECTORY_ENTRIES);
    let needed = fixed + size_of::<ImageDataDirectory>() * ndirs;
    let size_of_opt = fh.size_of_optional_header.get(LE);
    if usize::from(size_of_opt) < needed {
        return Err(malformed(format!(
            "SizeOfOptionalHeader {size_of_opt:#x} is too small for the 64-bit optional header with {ndirs} data directories ({needed:#x} bytes)"
        )));
    }
    let Some(opt_bytes) = data.get(opt_off..opt_off + needed) else {
        return Err(malformed(format!(
            "file is truncated inside the optional header's data directories (file size {:#x})",
            data.len()
        )));
    };
    Ok((opt, read_directories(opt_bytes, fixed, count)))
}

/// Alignment, SizeOfImage and ImageBase sanity.
fn check_layout(opt: &ImageOptionalHeader64) -> Result<(), PeError> {
    let (sa, fa) = (opt.section_alignment(), opt.file_alignment());
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
    let (size_of_image, image_base) = (opt.size_of_image(), opt.image_base());
    if size_of_image == 0 {
        return Err(malformed("SizeOfImage is 0".into()));
    }
    if size_of_image > MAX_SIZE_OF_IMAGE {
        return Err(malformed(format!(
            "SizeOfImage {size_of_image:#x} is absurdly large (more than 3 GiB)"
        )));
    }
    if !image_base.is_multiple_of(IMAGE_BASE_ALIGN) {
        return Err(malformed(format!(
            "ImageBase {image_base:#x} is not 64K-aligned"
        )));
    }
    if image_base.checked_add(u64::from(size_of_image)).is_none() {
        return Err(malformed(format!(
            "ImageBase {image_base:#x} plus SizeOfImage {size_of_image:#x} overflows the address space"
        )));
    }
    Ok(())
}

/// Read the section table (unvalidated beyond its own bounds in the file).
fn section_table(data: &[u8], table_off: usize, count: u16) -> Result<Vec<Section>, PeError> {
    let headers: Option<Vec<ImageSectionHeader>> = (0..usize::from(count))
        .map(|i| pod_at(data, table_off + i * size_of::<ImageSectionHeader>()))
        .collect();
    let Some(headers) = headers else {
        return Err(malformed(format!(
            "section table ({count} entries at offset {table_off:#x}) lies outside the file (size {:#x})",
            data.len()
        )));
    };
    Ok(headers.iter().map(section).collect())
}

/// Decode one IMAGE_SECTION_HEADER.
fn section(h: &ImageSectionHeader) -> Section {
    let name = String::from_utf8_lossy(h.raw_name()).into_owned();
    let raw_len = h.size_of_raw_data.get(LE);
    let virtual_size = match h.virtual_size.get(LE) {
        0 => raw_len,
        vsize => vsize,
    };
    Section {
        name,
        rva: h.virtual_address.get(LE),
        virtual_size,
        raw_offset: h.pointer_to_raw_data.get(LE),
        raw_size: raw_len.min(virtual_size),
        characteristics: h.characteristics.get(LE),
    }
}

/// Each section's raw data lies in the file, its virtual range in the image, its RVA is
/// aligned, and no two sections overlap in memory.
fn check_sections(
    sections: &[Section],
    file_len: usize,
    opt: &ImageOptionalHeader64,
) -> Result<(), PeError> {
    let (size_of_image, align) = (opt.size_of_image(), opt.section_alignment());
    for s in sections {
        let raw_end = u64::from(s.raw_offset) + u64::from(s.raw_size);
        if s.raw_size != 0 && raw_end > file_len as u64 {
            return Err(malformed(format!(
                "section {} raw data (offset {:#x}, size {:#x}) lies outside the file (size {file_len:#x})",
                s.name, s.raw_offset, s.raw_size
            )));
        }
        if u64::from(s.rva) + u64::from(s.virtual_size) > u64::from(size_of_image) {
            return Err(malformed(format!(
                "section {} virtual range (RVA {:#x}, size {:#x}) lies outside SizeOfImage {size_of_image:#x}",
                s.name, s.rva, s.virtual_size
            )));
        }
        if !s.rva.is_multiple_of(align) {
            return Err(malformed(format!(
                "section {} RVA {:#x} is not a multiple of SectionAlignment {align:#x}",
                s.name, s.rva
            )));
        }
    }
    check_overlaps(sections, align)
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
    opt: &ImageOptionalHeader64,
    sections: &[Section],
    file_len: usize,
    table_end: usize,
) -> Result<(), PeError> {
    let soh = opt.size_of_headers();
    if u64::from(soh) > file_len as u64 {
        return Err(malformed(format!(
            "SizeOfHeaders {soh:#x} lies beyond the end of the file (size {file_len:#x})"
        )));
    }
    if soh > opt.size_of_image() {
        return Err(malformed(format!(
            "SizeOfHeaders {soh:#x} is larger than SizeOfImage {:#x}",
            opt.size_of_image()
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
fn check_directories(img: &Image, dirs: &DataDirectories) -> Result<(), PeError> {
    for (index, what) in CHECKED_DIRECTORIES {
        if let Some((rva, size)) = dir(dirs, index) {
            img.check_in_image(u64::from(rva), u64::from(size), what)?;
        }
    }
    Ok(())
}

/// A non-zero entry point lies inside the image.
fn check_entry_point(opt: &ImageOptionalHeader64) -> Result<(), PeError> {
    let (entry, size_of_image) = (opt.address_of_entry_point(), opt.size_of_image());
    if entry != 0 && entry >= size_of_image {
        return Err(malformed(format!(
            "entry point RVA {entry:#x} lies outside the image (SizeOfImage {size_of_image:#x})"
        )));
    }
    Ok(())
}

/// The image has a COM descriptor (IMAGE_COR20_HEADER) flagged IL-only.
fn is_dotnet_only(img: &Image, dirs: &DataDirectories) -> Result<bool, PeError> {
    let com = dir(dirs, pe::IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR);
    let Some((rva, _)) = com.filter(|&(_, size)| size != 0) else {
        return Ok(false);
    };
    // Only the header up to Flags has to be there.
    let needed = offset_of!(ImageCor20Header, flags) + size_of::<U32<LE>>();
    let hdr: ImageCor20Header =
        img.read_prefix(u64::from(rva), needed, "COM descriptor (CLR header)")?;
    Ok(hdr.flags.get(LE) & pe::COMIMAGE_FLAGS_ILONLY != 0)
}

/// Read IMAGE_TLS_DIRECTORY64 and check its VAs against the image.
fn parse_tls(img: &Image, rva: u32, image_base: u64) -> Result<TlsDir, PeError> {
    let d: ImageTlsDirectory64 = img.read(u64::from(rva), "TLS directory")?;
    let tls = TlsDir {
        start_va: d.start_address_of_raw_data.get(LE),
        end_va: d.end_address_of_raw_data.get(LE),
        index_va: d.address_of_index.get(LE),
        callbacks_va: d.address_of_call_backs.get(LE),
        zero_fill: d.size_of_zero_fill.get(LE),
    };
    let end = image_base + u64::from(img.size_of_image);
    let inside =
        |va: u64, len: u64| va >= image_base && va.checked_add(len).is_some_and(|e| e <= end);
    let fields = [
        ("StartAddressOfRawData", tls.start_va, 1, false),
        ("EndAddressOfRawData", tls.end_va, 0, false),
        // The index is a DWORD; the callbacks an array of (at least a null) pointer.
        (
            "AddressOfIndex",
            tls.index_va,
            size_of::<u32>() as u64,
            true,
        ),
        (
            "AddressOfCallBacks",
            tls.callbacks_va,
            size_of::<u64>() as u64,
            true,
        ),
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
