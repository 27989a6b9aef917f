//! Parser tests: a hand-built valid image checked field by field, a table of corruptions
//! each refused with the right error, a no-panic sweep over truncations and random byte
//! flips, and (when mingw is installed) real executables from x86_64-w64-mingw32-gcc.

mod builder;

use std::mem::size_of;

use object::LittleEndian as LE;
use object::pe::{
    COMIMAGE_FLAGS_32BITREQUIRED, COMIMAGE_FLAGS_ILONLY, IMAGE_FILE_DLL, IMAGE_FILE_MACHINE_ARM64,
    IMAGE_FILE_MACHINE_I386, IMAGE_NT_OPTIONAL_HDR32_MAGIC, IMAGE_ORDINAL_FLAG64,
    IMAGE_REL_BASED_DIR64, IMAGE_REL_BASED_HIGHLOW, ImageCor20Header, ImageDataDirectory,
    ImageImportDescriptor, ImageOptionalHeader32, ImageOptionalHeader64,
};

use super::*;
use builder::*;

// ---------------------------------------------------------------------------------------
// The valid image

fn parse_ok(b: &[u8]) -> PeInfo {
    match parse(b) {
        Ok(info) => info,
        Err(e) => panic!("expected the image to parse, got: {e}"),
    }
}

#[test]
fn valid_image_headers() {
    let info = parse_ok(&build());
    assert!(!info.is_dll);
    assert_eq!(info.characteristics, 0x22);
    assert!(!info.relocs_stripped());
    assert_eq!(info.image_base, IMAGE_BASE);
    assert_eq!(info.size_of_image, SIZE_OF_IMAGE);
    assert_eq!(info.size_of_headers, SIZE_OF_HEADERS);
    assert_eq!(info.section_alignment, 0x1000);
    assert_eq!(info.file_alignment, 0x200);
    assert_eq!(info.entry_rva, ENTRY);
    assert_eq!(info.subsystem, 3);
    assert_eq!(info.dll_characteristics, 0x8160);
    assert_eq!(info.stack_reserve, 0x10_0000);
    assert_eq!(info.stack_commit, 0x1000);
    assert_eq!(info.heap_reserve, 0x10_0000);
    assert_eq!(info.heap_commit, 0x1000);
    assert_eq!(info.exception_dir, Some((PDATA, 12)));
}

#[test]
fn valid_image_sections() {
    let info = parse_ok(&build());
    assert_eq!(info.sections.len(), SECTIONS.len());
    for (s, &(name, rva, vsize, raw, raw_size, chars)) in info.sections.iter().zip(&SECTIONS) {
        assert_eq!(s.name, name);
        assert_eq!(s.rva, rva, "{name}");
        assert_eq!(s.virtual_size, vsize, "{name}");
        assert_eq!(s.raw_offset, raw, "{name}");
        assert_eq!(
            s.raw_size,
            raw_size.min(vsize),
            "{name}: raw size is clipped to VirtualSize"
        );
        assert_eq!(s.characteristics, chars, "{name}");
    }
}

#[test]
fn valid_image_imports() {
    let info = parse_ok(&build());
    assert_eq!(info.imports.len(), 1);
    let k32 = &info.imports[0];
    assert_eq!(k32.dll, "KERNEL32.dll");
    assert_eq!(k32.entries.len(), 2);
    assert_eq!(k32.entries[0].iat_slot_rva, IAT);
    assert_eq!(
        k32.entries[0].name,
        ImportName::ByName {
            name: "ExitProcess".into(),
            hint: EXIT_PROCESS_HINT
        }
    );
    assert_eq!(k32.entries[1].iat_slot_rva, IAT + THUNK_SIZE);
    assert_eq!(k32.entries[1].name, ImportName::ByOrdinal(IMPORTED_ORDINAL));
}

#[test]
fn valid_image_delay_imports() {
    let info = parse_ok(&build());
    assert_eq!(info.delay_imports.len(), 1);
    let user32 = &info.delay_imports[0];
    assert_eq!(user32.dll, "USER32.dll");
    assert_eq!(user32.module_handle_rva, DELAY_HMODULE);
    assert_eq!(user32.entries.len(), 1);
    assert_eq!(user32.entries[0].iat_slot_rva, DELAY_IAT);
    assert_eq!(
        user32.entries[0].name,
        ImportName::ByName {
            name: "MessageBoxA".into(),
            hint: 0
        }
    );
}

#[test]
fn valid_image_exports() {
    let info = parse_ok(&build());
    let exp = info.exports.expect("export directory");
    assert_eq!(exp.dll_name, "TEST.dll");
    assert_eq!(exp.ordinal_base, ORDINAL_BASE);
    assert_eq!(
        exp.functions,
        vec![
            ExportTarget::Rva(FUNC_ALPHA),
            ExportTarget::Rva(FUNC_BETA),
            ExportTarget::None,
            ExportTarget::Forward(FORWARDER_TEXT.into()),
        ]
    );
    let names: Vec<(&str, u32)> = exp.names.iter().map(|(n, i)| (n.as_str(), *i)).collect();
    assert_eq!(names, [("Alpha", 0), ("Beta", 1), ("Gamma", 3)]);
}

#[test]
fn valid_image_relocs_and_tls() {
    let info = parse_ok(&build());
    assert!(info.has_reloc_dir);
    assert_eq!(
        info.relocs,
        [Reloc {
            rva: TLS_CALLBACKS,
            kind: 10
        }],
        "ABSOLUTE padding skipped"
    );
    let tls = info.tls.expect("TLS directory");
    assert_eq!(tls.start_va, IMAGE_BASE + u64::from(TLS_START));
    assert_eq!(tls.end_va, IMAGE_BASE + u64::from(TLS_END));
    assert_eq!(tls.index_va, IMAGE_BASE + u64::from(TLS_INDEX));
    assert_eq!(tls.callbacks_va, IMAGE_BASE + u64::from(TLS_CALLBACKS));
    assert_eq!(tls.zero_fill, 0x10);
}

// ---------------------------------------------------------------------------------------
// Valid variations

#[test]
fn dll_flag_sets_is_dll() {
    let mut b = build();
    edit_file_header(&mut b, |h| {
        let c = h.characteristics.get(LE);
        h.characteristics.set(LE, c | IMAGE_FILE_DLL);
    });
    assert!(parse_ok(&b).is_dll);
}

#[test]
fn fewer_data_directories_hide_the_rest() {
    let mut b = build();
    edit_opt(&mut b, |o| o.number_of_rva_and_sizes.set(LE, 2)); // only export and import
    let info = parse_ok(&b);
    assert!(info.exports.is_some());
    assert_eq!(info.imports.len(), 1);
    assert!(info.delay_imports.is_empty());
    assert!(info.relocs.is_empty() && !info.has_reloc_dir);
    assert!(info.tls.is_none());
    assert!(info.exception_dir.is_none());
}

#[test]
fn zero_data_directories() {
    let mut b = build();
    edit_opt(&mut b, |o| o.number_of_rva_and_sizes.set(LE, 0));
    // SizeOfOptionalHeader still OPT_SIZE: the section table has not moved.
    edit_file_header(&mut b, |h| {
        assert_eq!(usize::from(h.size_of_optional_header.get(LE)), OPT_SIZE)
    });
    let info = parse_ok(&b);
    assert!(info.imports.is_empty() && info.exports.is_none() && info.tls.is_none());
}

#[test]
fn huge_number_of_rva_and_sizes_is_clamped_to_16() {
    let mut b = build();
    edit_opt(&mut b, |o| o.number_of_rva_and_sizes.set(LE, u32::MAX));
    let info = parse_ok(&b);
    assert_eq!(info.imports.len(), 1);
    assert!(info.tls.is_some());
}

#[test]
fn no_reloc_directory() {
    let mut b = build();
    set_dir(&mut b, DIR_RELOC, 0, 0);
    let info = parse_ok(&b);
    assert!(!info.has_reloc_dir);
    assert!(info.relocs.is_empty());
}

#[test]
fn empty_reloc_directory_is_present() {
    let mut b = build();
    set_dir(&mut b, DIR_RELOC, RELOC_DIR, 0);
    let info = parse_ok(&b);
    assert!(info.has_reloc_dir);
    assert!(info.relocs.is_empty());
}

#[test]
fn highlow_relocation_is_kept() {
    let mut b = build();
    put16(
        &mut b,
        reloc_entry(1),
        (IMAGE_REL_BASED_HIGHLOW << 12) | 0x20,
    );
    let info = parse_ok(&b);
    assert_eq!(
        info.relocs,
        [
            Reloc {
                rva: TLS_CALLBACKS,
                kind: 10
            },
            Reloc {
                rva: 0x3020,
                kind: 3
            }
        ]
    );
}

#[test]
fn first_thunk_is_used_without_original_first_thunk() {
    let mut b = build();
    edit_import_desc(&mut b, |d| d.original_first_thunk.set(LE, 0));
    let info = parse_ok(&b);
    assert_eq!(info.imports[0].entries.len(), 2);
    assert_eq!(
        info.imports[0].entries[1].name,
        ImportName::ByOrdinal(IMPORTED_ORDINAL)
    );
}

#[test]
fn zero_filled_tail_reads_as_zeros() {
    // The descriptor is the last 20 file-backed bytes of .data; its terminator and the end
    // of the DLL name's NUL come from the zero-filled tail (VirtualSize > SizeOfRawData).
    let mut b = build();
    // Descriptor 1 (the terminator) starts at 0x31f4 and crosses into the tail at 0x3200,
    // where its Name and FirstThunk read as 0; the name "ABCD" ends right at 0x3200.
    let desc_rva = 0x31e0;
    let name_rva = 0x3200 - 4;
    put_bytes(&mut b, off(name_rva), b"ABCD");
    edit_rva(&mut b, desc_rva, |d: &mut ImageImportDescriptor| {
        d.original_first_thunk.set(LE, INT);
        d.name.set(LE, name_rva);
        d.first_thunk.set(LE, IAT);
    });
    set_dir(&mut b, DIR_IMPORT, desc_rva, IMPORT_DESC_SIZE);
    let info = parse_ok(&b);
    assert_eq!(info.imports.len(), 1);
    assert_eq!(info.imports[0].dll, "ABCD");
}

#[test]
fn com_descriptor_without_ilonly_is_native() {
    let mut b = build();
    set_dir(&mut b, DIR_COM, SPARE, COR20_SIZE);
    plant_cor20(&mut b, COMIMAGE_FLAGS_32BITREQUIRED); // not ILONLY: mixed-mode
    parse_ok(&b);
}

#[test]
fn zero_tls_index_and_callbacks_are_allowed() {
    let mut b = build();
    edit_tls_dir(&mut b, |d| {
        d.address_of_index.set(LE, 0);
        d.address_of_call_backs.set(LE, 0);
    });
    let tls = parse_ok(&b).tls.expect("TLS directory");
    assert_eq!((tls.index_va, tls.callbacks_va), (0, 0));
}

#[test]
fn errors_display_as_one_line() {
    let e = parse(b"MZ").unwrap_err();
    let text = e.to_string();
    assert!(text.starts_with("not a PE image: "), "{text}");
    assert!(!text.contains('\n'));
}

// ---------------------------------------------------------------------------------------
// Refusals

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    NotPe,
    Unsupported,
    Malformed,
}

fn kind_and_message(e: &PeError) -> (Kind, &str) {
    match e {
        PeError::NotPe(m) => (Kind::NotPe, m),
        PeError::Unsupported(m) => (Kind::Unsupported, m),
        PeError::Malformed(m) => (Kind::Malformed, m),
    }
}

struct Case {
    name: &'static str,
    mutate: fn(&mut Vec<u8>),
    kind: Kind,
    message: &'static str,
}

const fn case(
    name: &'static str,
    mutate: fn(&mut Vec<u8>),
    kind: Kind,
    message: &'static str,
) -> Case {
    Case {
        name,
        mutate,
        kind,
        message,
    }
}

/// Fill the last `n` bytes of .rdata with 'A' (no NUL before the section ends).
fn fill_rdata_tail(b: &mut [u8], n: u32) {
    let start = off(RDATA_END - n);
    b[start..start + n as usize].fill(b'A');
}

/// Plant an IMAGE_COR20_HEADER with these flags at SPARE.
fn plant_cor20(b: &mut [u8], flags: u32) {
    edit_rva(b, SPARE, |h: &mut ImageCor20Header| {
        h.cb.set(LE, COR20_SIZE);
        h.flags.set(LE, flags);
    });
}

use Kind::{Malformed as M, NotPe as N, Unsupported as U};

#[rustfmt::skip]
const CASES: &[Case] = &[
    // Not a PE at all
    case("empty file", |b| b.clear(), N, "no MZ signature"),
    case("no MZ", |b| b[0] = b'X', N, "no MZ signature"),
    case("shorter than the DOS header", |b| b.truncate(0x20), N, "too short"),
    case("no PE signature", |b| b[E_LFANEW + 1] = b'X', N, "no PE signature"),
    // Truncated headers
    case("e_lfanew past the end", |b| edit_dos(b, |h| h.e_lfanew.set(LE, 0x10_0000)), M, "e_lfanew 0x100000 points past the end"),
    case("e_lfanew at the very end", |b| edit_dos(b, |h| h.e_lfanew.set(LE, FILE_SIZE as u32 - 2)), M, "e_lfanew"),
    case("truncated file header", |b| b.truncate(FILE_HEADER + 10), M, "truncated inside the NT headers"),
    case("truncated before magic", |b| b.truncate(OPT + 1), M, "truncated inside the NT headers"),
    case("truncated optional header", |b| b.truncate(OPT + 50), M, "truncated inside the optional header"),
    case("truncated data directories", |b| b.truncate(DIRS + 38), M, "optional header's data directories"),
    case("truncated section table", |b| b.truncate(SECTION_TABLE + 60), M, "section table (4 entries at offset 0x188) lies outside the file"),
    case("SizeOfOptionalHeader too small", |b| edit_file_header(b, |h| h.size_of_optional_header.set(LE, 0x60)), M, "SizeOfOptionalHeader 0x60 is too small"),
    case("SizeOfOptionalHeader too small for its directories", |b| edit_file_header(b, |h| h.size_of_optional_header.set(LE, (OPT_SIZE - DIR_SIZE) as u16)), M, "with 16 data directories"),
    // Unsupported
    case("i386", |b| edit_file_header(b, |h| h.machine.set(LE, IMAGE_FILE_MACHINE_I386)), U, "32-bit programs are not supported yet"),
    case("PE32 optional header", |b| edit_opt(b, |o| o.magic.set(LE, IMAGE_NT_OPTIONAL_HDR32_MAGIC)), U, "32-bit programs are not supported yet"),
    case("ARM64", |b| edit_file_header(b, |h| h.machine.set(LE, IMAGE_FILE_MACHINE_ARM64)), U, "ARM64"),
    case("other machine", |b| edit_file_header(b, |h| h.machine.set(LE, 0x1c4)), U, "machine type 0x1c4"),
    case("unknown optional header magic", |b| edit_opt(b, |o| o.magic.set(LE, 0x30b)), M, "magic 0x30b"),
    case(".NET IL-only", |b| { set_dir(b, DIR_COM, SPARE, COR20_SIZE); plant_cor20(b, COMIMAGE_FLAGS_ILONLY) }, U, ".NET (managed) programs are not supported"),
    case(".NET IL-only, 32-bit AnyCPU", |b| {
        // Reinterpret the header as PE32, whose data directories start earlier.
        edit_file_header(b, |h| h.machine.set(LE, IMAGE_FILE_MACHINE_I386));
        edit(b, OPT, |o: &mut ImageOptionalHeader32| {
            o.magic.set(LE, IMAGE_NT_OPTIONAL_HDR32_MAGIC);
            o.number_of_rva_and_sizes.set(LE, 16);
        });
        let com = OPT + size_of::<ImageOptionalHeader32>() + DIR_COM * DIR_SIZE;
        edit(b, com, |d: &mut ImageDataDirectory| {
            d.virtual_address.set(LE, SPARE);
            d.size.set(LE, COR20_SIZE);
        });
        plant_cor20(b, COMIMAGE_FLAGS_ILONLY);
    }, U, ".NET (managed) programs are not supported"),
    case("COM descriptor unreadable", |b| set_dir(b, DIR_COM, 0x1800, COR20_SIZE), M, "COM descriptor (CLR header) at RVA 0x1800"),
    // Layout
    case("SectionAlignment not a power of two", |b| edit_opt(b, |o| o.section_alignment.set(LE, 0x1800)), M, "SectionAlignment 0x1800 is not a non-zero power of two"),
    case("FileAlignment zero", |b| edit_opt(b, |o| o.file_alignment.set(LE, 0)), M, "FileAlignment 0x0 is not a non-zero power of two"),
    case("FileAlignment above SectionAlignment", |b| edit_opt(b, |o| o.file_alignment.set(LE, 0x2000)), M, "FileAlignment 0x2000 is larger than SectionAlignment 0x1000"),
    case("small SectionAlignment with a different FileAlignment", |b| edit_opt(b, |o| o.section_alignment.set(LE, 0x800)), M, "must equal it"),
    case("SizeOfImage zero", |b| edit_opt(b, |o| o.size_of_image.set(LE, 0)), M, "SizeOfImage is 0"),
    case("SizeOfImage absurd", |b| edit_opt(b, |o| o.size_of_image.set(LE, 0xf000_0000)), M, "absurdly large"),
    case("ImageBase not 64K-aligned", |b| edit_opt(b, |o| o.image_base.set(LE, IMAGE_BASE + 0x1000)), M, "ImageBase 0x140001000 is not 64K-aligned"),
    case("ImageBase at the top of the address space", |b| edit_opt(b, |o: &mut ImageOptionalHeader64| { o.image_base.set(LE, 0xffff_ffff_ffff_0000); o.size_of_image.set(LE, 0x1_0000) }), M, "overflows"),
    case("entry point outside the image", |b| edit_opt(b, |o| o.address_of_entry_point.set(LE, SIZE_OF_IMAGE)), M, "entry point RVA 0x5000 lies outside the image"),
    // Sections
    case("section raw data outside the file", |b| edit_section(b, 1, |s| s.pointer_to_raw_data.set(LE, 0xd00)), M, "section .rdata raw data (offset 0xd00, size 0x400) lies outside the file (size 0xe00)"),
    case("section virtual range outside SizeOfImage", |b| edit_section(b, 3, |s| s.virtual_size.set(LE, 0x2000)), M, "section .reloc virtual range (RVA 0x4000, size 0x2000) lies outside SizeOfImage 0x5000"),
    case("overlapping sections", |b| edit_section(b, 0, |s| s.virtual_size.set(LE, 0x1800)), M, "overlap in memory"),
    case("duplicate section RVA", |b| edit_section(b, 2, |s| s.virtual_address.set(LE, 0x2000)), M, "overlap in memory"),
    case("misaligned section RVA", |b| edit_section(b, 0, |s| s.virtual_address.set(LE, 0x1100)), M, "section .text RVA 0x1100 is not a multiple of SectionAlignment 0x1000"),
    case("SizeOfHeaders beyond the file", |b| edit_opt(b, |o| o.size_of_headers.set(LE, 0x1_0000)), M, "SizeOfHeaders 0x10000 lies beyond the end of the file"),
    case("SizeOfHeaders past the first section", |b| { b.resize(0x2000, 0); edit_opt(b, |o| o.size_of_headers.set(LE, 0x1800)) }, M, "SizeOfHeaders 0x1800 extends past the first section's RVA (.text at 0x1000)"),
    case("SizeOfHeaders short of the section table", |b| edit_opt(b, |o| o.size_of_headers.set(LE, 0x200)), M, "does not cover the section table"),
    // Data directories outside the image
    case("import directory outside the image", |b| set_dir(b, DIR_IMPORT, 0x4ff0, 0x28), M, "import directory (RVA 0x4ff0, size 0x28) lies outside the image (SizeOfImage 0x5000)"),
    case("export directory outside the image", |b| set_dir(b, DIR_EXPORT, 0x6000, 0x90), M, "export directory (RVA 0x6000"),
    case("reloc directory outside the image", |b| set_dir(b, DIR_RELOC, RELOC_DIR, 0x2000), M, "base relocation directory (RVA 0x4000, size 0x2000) lies outside the image"),
    case("TLS directory outside the image", |b| set_dir(b, DIR_TLS, 0xffff_fff0, 0x28), M, "TLS directory (RVA 0xfffffff0"),
    case("delay import directory outside the image", |b| set_dir(b, DIR_DELAY, 0x4fe0, 0x40), M, "delay import directory (RVA 0x4fe0"),
    case("exception directory outside the image", |b| set_dir(b, DIR_EXCEPTION, PDATA, 0x10_0000), M, "exception directory (RVA 0x2380"),
    // RVAs that are not file-backed
    case("import directory in a gap between sections", |b| set_dir(b, DIR_IMPORT, 0x1800, 0x28), M, "import descriptor at RVA 0x1800 is not in the headers or in any section's file data"),
    case("import directory in a zero-filled tail", |b| set_dir(b, DIR_IMPORT, DATA_ZERO_TAIL, 0x28), M, "import descriptor at RVA 0x3240 is not in the headers"),
    case("export directory runs past its section", |b| set_dir(b, DIR_EXPORT, RDATA_END - 0x10, 0x10), M, "export directory at RVA 0x23f0 (0x28 bytes) runs past the end of its section"),
    // Imports
    case("unterminated import DLL name", |b| { fill_rdata_tail(b, 16); edit_import_desc(b, |d| d.name.set(LE, RDATA_END - 16)) }, M, "import DLL name at RVA 0x23f0 is not terminated"),
    case("empty import DLL name", |b| edit_import_desc(b, |d| d.name.set(LE, IMPORT_DESC + 0x20)), M, "import DLL name at RVA 0x2020 is empty"),
    case("unterminated import name", |b| { fill_rdata_tail(b, 16); put64(b, off(INT), u64::from(RDATA_END - 16)) }, M, "import name from KERNEL32.dll at RVA 0x23f2 is not terminated"),
    case("import hint at the end of the section", |b| { put64(b, off(INT), u64::from(RDATA_END - 1)) }, M, "import hint from KERNEL32.dll at RVA 0x23ff (0x2 bytes) runs past"),
    case("import descriptors without a terminator", |b| {
        let d = off(IMPORT_DESC);
        let size = IMPORT_DESC_SIZE;
        b.copy_within(d..d + size as usize, off(RDATA_END - size));
        set_dir(b, DIR_IMPORT, RDATA_END - size, size);
    }, M, "import descriptor table at RVA 0x23ec is not terminated"),
    case("import lookup table without a terminating zero", |b| {
        put64(b, off(RDATA_END - THUNK_SIZE), IMAGE_ORDINAL_FLAG64 | 5);
        edit_import_desc(b, |d| d.original_first_thunk.set(LE, RDATA_END - THUNK_SIZE));
    }, M, "import lookup table of KERNEL32.dll at RVA 0x23f8 is not terminated"),
    case("import lookup table outside the file data", |b| edit_import_desc(b, |d| d.original_first_thunk.set(LE, 0x1800)), M, "import lookup table of KERNEL32.dll at RVA 0x1800 is not in the headers"),
    case("import name RVA outside the image", |b| put64(b, off(INT), 0x7fff_0000), M, "import name RVA 0x7fff0000 (from KERNEL32.dll) lies outside the image"),
    case("import address table outside the image", |b| edit_import_desc(b, |d| d.first_thunk.set(LE, 0x4ffc)), M, "import address table slot of KERNEL32.dll (RVA 0x4ffc, size 0x8) lies outside the image"),
    // Delay imports
    case("delay import in the old VA form", |b| edit_delay_desc(b, |d| d.attributes.set(LE, 0)), U, "uses the old VA-based form"),
    case("delay import module handle outside the image", |b| edit_delay_desc(b, |d| d.module_handle_rva.set(LE, 0x4ffc)), M, "delay import module handle of USER32.dll (RVA 0x4ffc"),
    case("delay import without a name table", |b| edit_delay_desc(b, |d| d.import_name_table_rva.set(LE, 0)), M, "has no import name table"),
    // Exports
    case("export ordinal out of range", |b| put16(b, off(EXPORT_ORDINALS) + 2, 4), M, "export ordinal out of range: name \"Beta\" has index 4 but NumberOfFunctions is 4"),
    case("export name RVA outside the image", |b| put32(b, off(EXPORT_NAMES), 0x9000), M, "export name RVA 0x9000 (name #0) lies outside the image"),
    case("export name in a gap", |b| put32(b, off(EXPORT_NAMES) + 4, 0x1800), M, "export name #1 at RVA 0x1800 is not in the headers"),
    case("absurd NumberOfFunctions", |b| edit_export_dir(b, |d| d.number_of_functions.set(LE, 0x4000_0000)), M, "export directory claims 0x40000000 functions"),
    case("NumberOfFunctions past the image", |b| edit_export_dir(b, |d| d.number_of_functions.set(LE, 0x1_0000)), M, "export address table (RVA 0x2228, size 0x40000) lies outside the image"),
    case("NumberOfFunctions past the section", |b| edit_export_dir(b, |d| d.number_of_functions.set(LE, 0x400)), M, "export address table at RVA 0x2228 (size 0x1000) runs past the end of its section's file data"),
    case("absurd NumberOfNames", |b| edit_export_dir(b, |d| d.number_of_names.set(LE, 0x7fff_ffff)), M, "export name pointer table (RVA 0x2238, size 0x1fffffffc) lies outside the image"),
    case("ordinal base overflow", |b| edit_export_dir(b, |d| d.base.set(LE, u32::MAX)), M, "export ordinal base 0xffffffff"),
    case("export address outside the image", |b| put32(b, off(EAT), 0x8000), M, "export ordinal 1 address RVA 0x8000 lies outside the image"),
    case("forwarder without a dot", |b| put_str(b, off(FORWARDER), "NoDotHere"), M, "forwarder \"NoDotHere\" at RVA 0x2278 is not of the form DLL.Name"),
    case("unterminated forwarder", |b| {
        fill_rdata_tail(b, 16);
        put32(b, off(EAT) + 12, RDATA_END - 16);
        set_dir(b, DIR_EXPORT, EXPORT_DIR, RDATA_END - EXPORT_DIR);
    }, M, "export ordinal 4 forwarder at RVA 0x23f0 is not terminated"),
    // Relocations
    case("relocation SizeOfBlock below 8", |b| edit_reloc_block(b, |r| r.size_of_block.set(LE, 4)), M, "relocation block at RVA 0x4000 has a bad SizeOfBlock 0x4"),
    case("relocation SizeOfBlock odd", |b| edit_reloc_block(b, |r| r.size_of_block.set(LE, 11)), M, "bad SizeOfBlock 0xb"),
    case("relocation block past the directory", |b| edit_reloc_block(b, |r| r.size_of_block.set(LE, 0x20)), M, "relocation block at RVA 0x4000 (SizeOfBlock 0x20) runs past the end of the relocation directory"),
    case("relocation directory with a truncated block", |b| {
        edit_section(b, 3, |s| s.virtual_size.set(LE, 0x10));
        set_dir(b, DIR_RELOC, RELOC_DIR, 0x10);
    }, M, "relocation block at RVA 0x400c is truncated (4 bytes left"),
    case("relocation directory past the file data", |b| set_dir(b, DIR_RELOC, RELOC_DIR, 0x100), M, "base relocation directory at RVA 0x4000 (size 0x100) runs past"),
    case("relocation block outside the image", |b| edit_reloc_block(b, |r| r.virtual_address.set(LE, 0x9000)), M, "covers page RVA 0x9000, outside the image"),
    case("DIR64 target outside the image", |b| { edit_reloc_block(b, |r| r.virtual_address.set(LE, 0x4000)); put16(b, reloc_entry(0), (IMAGE_REL_BASED_DIR64 << 12) | 0xffc) }, M, "relocation (DIR64) at RVA 0x4ffc reaches past the end of the image"),
    case("HIGHLOW target outside the image", |b| { edit_reloc_block(b, |r| r.virtual_address.set(LE, 0x4000)); put16(b, reloc_entry(0), (IMAGE_REL_BASED_HIGHLOW << 12) | 0xffd) }, M, "relocation (HIGHLOW) at RVA 0x4ffd reaches past"),
    case("unsupported relocation type", |b| put16(b, reloc_entry(1), 5 << 12), M, "relocation type 5 at RVA 0x3000 is not supported"),
    // TLS
    case("TLS start outside the image", |b| edit_tls_dir(b, |d| d.start_address_of_raw_data.set(LE, IMAGE_BASE + 0x6000)), M, "TLS directory StartAddressOfRawData 0x140006000 lies outside the image"),
    case("TLS start zero", |b| edit_tls_dir(b, |d| d.start_address_of_raw_data.set(LE, 0)), M, "StartAddressOfRawData 0x0 lies outside"),
    case("TLS end outside the image", |b| edit_tls_dir(b, |d| d.end_address_of_raw_data.set(LE, IMAGE_BASE + 0x5001)), M, "EndAddressOfRawData 0x140005001"),
    case("TLS end before start", |b| edit_tls_dir(b, |d| d.end_address_of_raw_data.set(LE, IMAGE_BASE + 0x2ff0)), M, "ends before it starts"),
    case("TLS index outside the image", |b| edit_tls_dir(b, |d| d.address_of_index.set(LE, IMAGE_BASE + 0x4ffe)), M, "AddressOfIndex 0x140004ffe"),
    case("TLS callbacks below the image", |b| edit_tls_dir(b, |d| d.address_of_call_backs.set(LE, 0x1000)), M, "AddressOfCallBacks 0x1000 lies outside the image (0x140000000..0x140005000)"),
    case("TLS directory runs past its section", |b| set_dir(b, DIR_TLS, RDATA_END - 8, 8), M, "TLS directory at RVA 0x23f8 (0x28 bytes) runs past"),
];

/// One line, not starting like a capitalised sentence: the first word is lower-case, or a
/// field name or acronym ("SizeOfHeaders", "TLS", "ARM64") that keeps its own case.
fn is_message_style(msg: &str) -> bool {
    let first = msg.split(' ').next().unwrap_or_default();
    let mut chars = first.chars();
    let sentence_case = chars.next().is_some_and(char::is_uppercase)
        && !chars.any(|c| c.is_uppercase() || c.is_ascii_digit());
    !msg.is_empty() && !msg.contains('\n') && !sentence_case
}

#[test]
fn malformed_images_are_refused() {
    assert!(CASES.len() >= 20);
    let valid = build();
    let mut failures = Vec::new();
    for c in CASES {
        let mut b = valid.clone();
        (c.mutate)(&mut b);
        let result = std::panic::catch_unwind(|| parse(&b));
        let problem = match &result {
            Err(_) => Some("parser panicked".to_string()),
            Ok(Ok(_)) => Some("parsed successfully".to_string()),
            Ok(Err(e)) => {
                let (kind, msg) = kind_and_message(e);
                if kind != c.kind || !msg.contains(c.message) || !is_message_style(msg) {
                    Some(format!("got {kind:?}: {msg}"))
                } else {
                    None
                }
            }
        };
        if let Some(p) = problem {
            failures.push(format!(
                "{}: expected {:?} containing {:?}; {p}",
                c.name, c.kind, c.message
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// `object`'s structures want their natural alignment in memory; where the caller's buffer
/// lies must not change a result.
#[test]
fn misaligned_buffer_gives_the_same_results() {
    let at_odd_address = |b: &[u8]| {
        let mut shifted = vec![0u8; b.len() + 1];
        shifted[1..].copy_from_slice(b);
        format!("{:?}", parse(&shifted[1..]))
    };
    let valid = build();
    assert_eq!(at_odd_address(&valid), format!("{:?}", parse(&valid)));
    for c in CASES {
        let mut b = valid.clone();
        (c.mutate)(&mut b);
        assert_eq!(at_odd_address(&b), format!("{:?}", parse(&b)), "{}", c.name);
    }
}

#[test]
fn case_names_are_unique() {
    let mut names: Vec<&str> = CASES.iter().map(|c| c.name).collect();
    names.sort();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len());
}

// ---------------------------------------------------------------------------------------
// No panics on arbitrary input

/// Parse, turning a panic into a test failure that names the input.
fn parse_no_panic(b: &[u8], what: &str) {
    if std::panic::catch_unwind(|| parse(b)).is_err() {
        panic!("parser panicked on {what}");
    }
}

#[test]
fn every_truncation_is_refused_without_panic() {
    let valid = build();
    // The last file-backed byte the image needs: the end of .reloc's clipped raw data.
    let needed = off(RELOC_DIR) + RELOC_DIR_SIZE as usize;
    for len in 0..valid.len() {
        let what = format!("the image truncated to {len:#x} bytes");
        parse_no_panic(&valid[..len], &what);
        if len < needed {
            assert!(parse(&valid[..len]).is_err(), "{what} was accepted");
        }
    }
}

/// xorshift64*: a small deterministic PRNG.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Overwrite one to four bytes, three times in four inside one of the `hot` ranges (the
/// structure-dense parts of the file), with random or boundary values.
fn mutate(rng: &mut Rng, b: &mut [u8], hot: &[std::ops::Range<usize>]) {
    for _ in 0..1 + rng.below(4) {
        let pos = match rng.below(4) {
            0 => rng.below(b.len()),
            _ => {
                let r = &hot[rng.below(hot.len())];
                r.start + rng.below(r.len())
            }
        };
        let v = match rng.below(6) {
            0 => 0,
            1 => 0xff,
            2 => 0x80,
            3 => 0x7f,
            _ => rng.next() as u8,
        };
        b[pos] = v;
    }
}

/// Mutation rounds per image: PE_FUZZ_ITERATIONS, default 5000 (raise it for a long run).
fn fuzz_iterations() -> usize {
    std::env::var("PE_FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5000)
}

/// Parse `fuzz_iterations()` mutants of `image`; return how many parsed and how many
/// were refused. Fails the test on a panic.
fn fuzz(image: &[u8], hot: &[std::ops::Range<usize>], seed: u64) -> (usize, usize) {
    let mut rng = Rng(seed);
    let (mut ok, mut err) = (0, 0);
    for i in 0..fuzz_iterations() {
        let mut b = image.to_vec();
        mutate(&mut rng, &mut b, hot);
        match std::panic::catch_unwind(|| parse(&b)) {
            Ok(Ok(_)) => ok += 1,
            Ok(Err(_)) => err += 1,
            Err(_) => panic!("parser panicked on mutation #{i} (seed {seed:#x})"),
        }
    }
    (ok, err)
}

#[test]
fn random_byte_flips_never_panic() {
    let headers = 0..SECTION_TABLE + SECTION_HEADER_SIZE * SECTIONS.len();
    let rdata = off(0x2000)..off(0x2000) + 0x400;
    let reloc = off(RELOC_DIR)..off(RELOC_DIR) + RELOC_DIR_SIZE as usize;
    let (ok, err) = fuzz(
        &build(),
        &[headers, rdata.clone(), rdata, reloc],
        0x9e37_79b9_7f4a_7c15,
    );
    assert!(
        ok > 0 && err > 0,
        "mutations should both pass and fail ({ok} ok, {err} refused)"
    );
}

// ---------------------------------------------------------------------------------------
// Real executables from mingw (skipped when the cross compiler is missing)

const MINGW_GCC: &str = "x86_64-w64-mingw32-gcc";

/// Compile `source` with mingw into `out_name` (extra flags in `flags`); None when the
/// compiler is not installed.
fn mingw_build(source: &str, out_name: &str, flags: &[&str]) -> Option<Vec<u8>> {
    let dir =
        std::env::temp_dir().join(format!("wine-rs-pe-test-{}-{out_name}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let src = dir.join("src.c");
    let out = dir.join(out_name);
    std::fs::write(&src, source).expect("write C source");
    let status = match std::process::Command::new(MINGW_GCC)
        .args(flags)
        .arg("-o")
        .arg(&out)
        .arg(&src)
        .status()
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!("skipping: {MINGW_GCC} is not available ({e})");
            return None;
        }
    };
    assert!(status.success(), "{MINGW_GCC} failed to build {out_name}");
    let bytes = std::fs::read(&out).expect("read compiled image");
    let _ = std::fs::remove_dir_all(&dir);
    Some(bytes)
}

const HELLO_C: &str = r#"
#include <stdio.h>
#include <windows.h>
__thread int counter = 5;
int main(void) {
    counter++;
    printf("hello %d\n", counter);
    return (int)GetTickCount() & 0;
}
"#;

const DLL_C: &str = r#"
__declspec(dllexport) int add(int a, int b) { return a + b; }
__declspec(dllexport) int mul(int a, int b) { return a * b; }
"#;

#[test]
fn mingw_exe_parses() {
    let Some(exe) = mingw_build(HELLO_C, "hello.exe", &["-O1"]) else {
        return;
    };
    let info = parse_ok(&exe);
    assert!(!info.is_dll);
    assert!(info.entry_rva != 0);
    assert!(info.sections.iter().any(|s| s.name == ".text"));
    let dlls: Vec<String> = info
        .imports
        .iter()
        .map(|d| d.dll.to_ascii_lowercase())
        .collect();
    assert!(
        dlls.contains(&"kernel32.dll".to_string()),
        "imports: {dlls:?}"
    );
    let k32 = info
        .imports
        .iter()
        .find(|d| d.dll.eq_ignore_ascii_case("kernel32.dll"))
        .unwrap();
    let by_name = |e: &ImportEntry| matches!(&e.name, ImportName::ByName { name, .. } if name == "GetTickCount");
    assert!(
        k32.entries.iter().any(by_name),
        "GetTickCount is imported by name"
    );
    assert!(
        info.tls.is_some(),
        "__thread and the mingw CRT use a TLS directory"
    );
    assert!(info.exception_dir.is_some());
    if info.has_reloc_dir {
        assert!(
            info.relocs
                .iter()
                .all(|r| r.kind == 10 && r.rva < info.size_of_image)
        );
    }
    // Truncations and byte flips of a real image are handled cleanly too.
    for len in (0..exe.len()).step_by(61) {
        parse_no_panic(
            &exe[..len],
            &format!("hello.exe truncated to {len:#x} bytes"),
        );
    }
    let mut hot = Vec::new();
    hot.push(0..info.size_of_headers as usize);
    for s in &info.sections {
        if [".idata", ".rdata", ".reloc", ".tls", ".edata"].contains(&s.name.as_str())
            && s.raw_size != 0
        {
            hot.push(s.raw_offset as usize..(s.raw_offset + s.raw_size) as usize);
        }
    }
    fuzz(&exe, &hot, 0x1234_5678_9abc_def1);
}

#[test]
fn mingw_dll_parses() {
    let Some(dll) = mingw_build(DLL_C, "test.dll", &["-O1", "-shared"]) else {
        return;
    };
    let info = parse_ok(&dll);
    assert!(info.is_dll);
    let exp = info.exports.expect("export directory");
    assert_eq!(exp.dll_name, "test.dll");
    let names: Vec<&str> = exp.names.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["add", "mul"]);
    for (_, index) in &exp.names {
        assert!(matches!(
            exp.functions[*index as usize],
            ExportTarget::Rva(_)
        ));
    }
    assert!(info.has_reloc_dir, "DLLs are relocatable");
}

/// Parse every file listed in the file PE_TEST_LIST (one path per line) and print one
/// line per file: a survey of real images (`PE_TEST_LIST=list.txt cargo test -p loader
/// --lib pe::tests::survey -- --ignored --nocapture`). Fails only on a panic.
#[test]
#[ignore = "needs PE_TEST_LIST"]
fn survey_files_from_env() {
    let list_path = std::env::var("PE_TEST_LIST").unwrap_or_default();
    let list = std::fs::read_to_string(list_path).unwrap_or_default();
    for path in list.lines().filter(|l| !l.is_empty()) {
        let Ok(data) = std::fs::read(path) else {
            continue;
        };
        match std::panic::catch_unwind(|| parse(&data)) {
            Ok(Ok(info)) => println!("ok\t{path}\t{} imports", info.imports.len()),
            Ok(Err(e)) => println!("refused\t{path}\t{e}"),
            Err(_) => panic!("parser panicked on {path}"),
        }
    }
}
