//! Builds a small but complete PE32+ x86-64 image in memory, with every structure at a
//! known RVA so the tests can check the parsed values and corrupt one field at a time.
//!
//! Layout (FileAlignment 0x200, SectionAlignment 0x1000, SizeOfImage 0x5000):
//!
//! | section | RVA    | VirtualSize | file offset | SizeOfRawData |
//! |---------|--------|-------------|-------------|---------------|
//! | .text   | 0x1000 | 0x10        | 0x400       | 0x200         |
//! | .rdata  | 0x2000 | 0x400       | 0x600       | 0x400         |
//! | .data   | 0x3000 | 0x280       | 0xa00       | 0x200         |
//! | .reloc  | 0x4000 | 0xc         | 0xc00       | 0x200         |
//!
//! .rdata ends exactly where its raw data ends (no zero tail); .data has a 0x80-byte zero
//! tail.

use std::mem::{offset_of, size_of};

use object::LittleEndian as LE;
use object::pe::*;
use object::pod::{self, Pod};

use super::super::reader::pod_at;

pub const IMAGE_BASE: u64 = 0x1_4000_0000;
pub const SIZE_OF_IMAGE: u32 = 0x5000;
pub const SIZE_OF_HEADERS: u32 = 0x400;
pub const FILE_SIZE: usize = 0xe00;

// Header offsets in the file.
pub const E_LFANEW: usize = 0x80;
pub const FILE_HEADER: usize = E_LFANEW + offset_of!(ImageNtHeaders64, file_header);
pub const OPT: usize = E_LFANEW + offset_of!(ImageNtHeaders64, optional_header);
/// The data directory table, right after the fixed part of the optional header.
pub const DIRS: usize = OPT + size_of::<ImageOptionalHeader64>();
/// The optional header with all 16 data directories.
pub const OPT_SIZE: usize =
    size_of::<ImageOptionalHeader64>() + IMAGE_NUMBEROF_DIRECTORY_ENTRIES * DIR_SIZE;
pub const SECTION_TABLE: usize = OPT + OPT_SIZE;
pub const DIR_SIZE: usize = size_of::<ImageDataDirectory>();
pub const SECTION_HEADER_SIZE: usize = size_of::<ImageSectionHeader>();

pub const DIR_EXPORT: usize = IMAGE_DIRECTORY_ENTRY_EXPORT;
pub const DIR_IMPORT: usize = IMAGE_DIRECTORY_ENTRY_IMPORT;
pub const DIR_EXCEPTION: usize = IMAGE_DIRECTORY_ENTRY_EXCEPTION;
pub const DIR_RELOC: usize = IMAGE_DIRECTORY_ENTRY_BASERELOC;
pub const DIR_TLS: usize = IMAGE_DIRECTORY_ENTRY_TLS;
pub const DIR_IAT: usize = IMAGE_DIRECTORY_ENTRY_IAT;
pub const DIR_DELAY: usize = IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT;
pub const DIR_COM: usize = IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR;

pub const IMPORT_DESC_SIZE: u32 = size_of::<ImageImportDescriptor>() as u32;
pub const DELAY_DESC_SIZE: u32 = size_of::<ImageDelayloadDescriptor>() as u32;
pub const TLS_DIR_SIZE: u32 = size_of::<ImageTlsDirectory64>() as u32;
pub const COR20_SIZE: u32 = size_of::<ImageCor20Header>() as u32;
pub const THUNK_SIZE: u32 = size_of::<ImageThunkData64>() as u32;

const CODE: u32 = IMAGE_SCN_CNT_CODE | IMAGE_SCN_MEM_EXECUTE | IMAGE_SCN_MEM_READ;
const RDATA: u32 = IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_MEM_READ;
const DATA: u32 = RDATA | IMAGE_SCN_MEM_WRITE;
const RELOC: u32 = RDATA | IMAGE_SCN_MEM_DISCARDABLE;

/// (name, rva, virtual size, raw offset, raw size, characteristics)
pub const SECTIONS: [(&str, u32, u32, u32, u32, u32); 4] = [
    (".text", 0x1000, 0x10, 0x400, 0x200, CODE),
    (".rdata", 0x2000, 0x400, 0x600, 0x400, RDATA),
    (".data", 0x3000, 0x280, 0xa00, 0x200, DATA),
    (".reloc", 0x4000, 0xc, 0xc00, 0x200, RELOC),
];

// .text
pub const ENTRY: u32 = 0x1000;
pub const FUNC_ALPHA: u32 = 0x1000;
pub const FUNC_BETA: u32 = 0x1008;

// .rdata: imports
pub const IMPORT_DESC: u32 = 0x2000;
pub const INT: u32 = 0x2100;
pub const IAT: u32 = 0x2140;
pub const K32_NAME: u32 = 0x2180;
pub const EXIT_PROCESS_HINT_NAME: u32 = 0x21a0;
pub const EXIT_PROCESS_HINT: u16 = 0x0123;
pub const IMPORTED_ORDINAL: u16 = 16;

// .rdata: exports
pub const EXPORT_DIR: u32 = 0x2200;
pub const EXPORT_DIR_SIZE: u32 = 0x90;
pub const EAT: u32 = 0x2228;
pub const EXPORT_NAMES: u32 = 0x2238;
pub const EXPORT_ORDINALS: u32 = 0x2244;
pub const EXPORT_DLL_NAME: u32 = 0x2250;
pub const EXPORT_NAME_STRINGS: [(u32, &str); 3] =
    [(0x2260, "Alpha"), (0x2268, "Beta"), (0x2270, "Gamma")];
pub const FORWARDER: u32 = 0x2278;
pub const FORWARDER_TEXT: &str = "KERNEL32.ExitProcess";
pub const ORDINAL_BASE: u32 = 1;

// .rdata: TLS, delay imports, .pdata, spare room
pub const TLS_DIR: u32 = 0x22a0;
pub const DELAY_DIR: u32 = 0x22d0;
pub const USER32_NAME: u32 = 0x2320;
pub const DELAY_INT: u32 = 0x2340;
pub const MESSAGE_BOX_HINT_NAME: u32 = 0x2360;
pub const PDATA: u32 = 0x2380;
pub const UNWIND_INFO: u32 = 0x2390;
/// Unused room in .rdata for tests that plant a structure (0x23a0..0x2400).
pub const SPARE: u32 = 0x23a0;
pub const RDATA_END: u32 = 0x2400;

// .data
pub const TLS_START: u32 = 0x3000;
pub const TLS_END: u32 = 0x3010;
pub const TLS_INDEX: u32 = 0x3010;
pub const TLS_CALLBACKS: u32 = 0x3018;
pub const DELAY_IAT: u32 = 0x3040;
pub const DELAY_HMODULE: u32 = 0x3060;
/// Inside .data's VirtualSize but past its raw data: reads as zeros.
pub const DATA_ZERO_TAIL: u32 = 0x3240;

// .reloc
pub const RELOC_DIR: u32 = 0x4000;
pub const RELOC_DIR_SIZE: u32 = 0xc;

/// The file offset of `rva`, through the section table above (panics on an unmapped RVA:
/// a bug in the test, not in the parser).
pub fn off(rva: u32) -> usize {
    if rva < SIZE_OF_HEADERS {
        return rva as usize;
    }
    for &(_, s_rva, vsize, raw, raw_size, _) in &SECTIONS {
        if rva >= s_rva && rva - s_rva < raw_size.min(vsize) {
            return (raw + (rva - s_rva)) as usize;
        }
    }
    panic!("test bug: RVA {rva:#x} is not file-backed in the test image");
}

/// Change the `T` at file offset `off` in place: read a copy, let `f` change it, write it
/// back (panics when it does not fit: a bug in the test).
pub fn edit<T: Pod>(b: &mut [u8], off: usize, f: impl FnOnce(&mut T)) {
    let mut value: T = pod_at(b, off).expect("test bug: structure outside the buffer");
    f(&mut value);
    b[off..off + size_of::<T>()].copy_from_slice(pod::bytes_of(&value));
}
/// Change the `T` at `rva`.
pub fn edit_rva<T: Pod>(b: &mut [u8], rva: u32, f: impl FnOnce(&mut T)) {
    edit(b, off(rva), f);
}
pub fn edit_dos(b: &mut [u8], f: impl FnOnce(&mut ImageDosHeader)) {
    edit(b, 0, f);
}
pub fn edit_file_header(b: &mut [u8], f: impl FnOnce(&mut ImageFileHeader)) {
    edit(b, FILE_HEADER, f);
}
/// The fixed part of the optional header (the data directories follow at `DIRS`).
pub fn edit_opt(b: &mut [u8], f: impl FnOnce(&mut ImageOptionalHeader64)) {
    edit(b, OPT, f);
}
/// Section header `i`.
pub fn edit_section(b: &mut [u8], i: usize, f: impl FnOnce(&mut ImageSectionHeader)) {
    edit(b, SECTION_TABLE + SECTION_HEADER_SIZE * i, f);
}
/// The (first) import descriptor.
pub fn edit_import_desc(b: &mut [u8], f: impl FnOnce(&mut ImageImportDescriptor)) {
    edit_rva(b, IMPORT_DESC, f);
}
/// The (first) delay-load descriptor.
pub fn edit_delay_desc(b: &mut [u8], f: impl FnOnce(&mut ImageDelayloadDescriptor)) {
    edit_rva(b, DELAY_DIR, f);
}
pub fn edit_export_dir(b: &mut [u8], f: impl FnOnce(&mut ImageExportDirectory)) {
    edit_rva(b, EXPORT_DIR, f);
}
pub fn edit_tls_dir(b: &mut [u8], f: impl FnOnce(&mut ImageTlsDirectory64)) {
    edit_rva(b, TLS_DIR, f);
}
/// The header of the (only) relocation block.
pub fn edit_reloc_block(b: &mut [u8], f: impl FnOnce(&mut ImageBaseRelocation)) {
    edit_rva(b, RELOC_DIR, f);
}
/// File offset of entry `i` of the relocation block (a u16: type << 12 | page offset).
pub fn reloc_entry(i: usize) -> usize {
    off(RELOC_DIR) + size_of::<ImageBaseRelocation>() + 2 * i
}

/// Write a little-endian u16 at file offset `off`.
pub fn put16(b: &mut [u8], off: usize, v: u16) {
    b[off..off + 2].copy_from_slice(&v.to_le_bytes());
}
/// Write a little-endian u32 at file offset `off`.
pub fn put32(b: &mut [u8], off: usize, v: u32) {
    b[off..off + 4].copy_from_slice(&v.to_le_bytes());
}
/// Write a little-endian u64 at file offset `off`.
pub fn put64(b: &mut [u8], off: usize, v: u64) {
    b[off..off + 8].copy_from_slice(&v.to_le_bytes());
}
/// Copy `v` to file offset `off`.
pub fn put_bytes(b: &mut [u8], off: usize, v: &[u8]) {
    b[off..off + v.len()].copy_from_slice(v);
}
/// Write a NUL-terminated string.
pub fn put_str(b: &mut [u8], off: usize, s: &str) {
    put_bytes(b, off, s.as_bytes());
    b[off + s.len()] = 0;
}

/// Set data directory `i` to (rva, size).
pub fn set_dir(b: &mut [u8], i: usize, rva: u32, size: u32) {
    edit(b, DIRS + DIR_SIZE * i, |d: &mut ImageDataDirectory| {
        d.virtual_address.set(LE, rva);
        d.size.set(LE, size);
    });
}

/// The complete valid image.
pub fn build() -> Vec<u8> {
    let mut b = vec![0u8; FILE_SIZE];
    headers(&mut b);
    text(&mut b);
    imports(&mut b);
    exports(&mut b);
    tls(&mut b);
    delay_imports(&mut b);
    pdata(&mut b);
    relocs(&mut b);
    b
}

fn headers(b: &mut [u8]) {
    edit_dos(b, |h| {
        h.e_magic.set(LE, IMAGE_DOS_SIGNATURE);
        h.e_lfanew.set(LE, E_LFANEW as u32);
    });
    edit(b, E_LFANEW, |nt: &mut ImageNtHeaders64| {
        nt.signature.set(LE, IMAGE_NT_SIGNATURE);
        let f = &mut nt.file_header;
        f.machine.set(LE, IMAGE_FILE_MACHINE_AMD64);
        f.number_of_sections.set(LE, SECTIONS.len() as u16);
        f.size_of_optional_header.set(LE, OPT_SIZE as u16);
        f.characteristics.set(
            LE,
            IMAGE_FILE_EXECUTABLE_IMAGE | IMAGE_FILE_LARGE_ADDRESS_AWARE,
        );
        let o = &mut nt.optional_header;
        o.magic.set(LE, IMAGE_NT_OPTIONAL_HDR64_MAGIC);
        o.address_of_entry_point.set(LE, ENTRY);
        o.image_base.set(LE, IMAGE_BASE);
        o.section_alignment.set(LE, 0x1000);
        o.file_alignment.set(LE, 0x200);
        o.major_subsystem_version.set(LE, 6);
        o.size_of_image.set(LE, SIZE_OF_IMAGE);
        o.size_of_headers.set(LE, SIZE_OF_HEADERS);
        o.subsystem.set(LE, IMAGE_SUBSYSTEM_WINDOWS_CUI);
        o.dll_characteristics.set(
            LE,
            IMAGE_DLLCHARACTERISTICS_HIGH_ENTROPY_VA
                | IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE
                | IMAGE_DLLCHARACTERISTICS_NX_COMPAT
                | IMAGE_DLLCHARACTERISTICS_TERMINAL_SERVER_AWARE,
        );
        o.size_of_stack_reserve.set(LE, 0x10_0000);
        o.size_of_stack_commit.set(LE, 0x1000);
        o.size_of_heap_reserve.set(LE, 0x10_0000);
        o.size_of_heap_commit.set(LE, 0x1000);
        o.number_of_rva_and_sizes
            .set(LE, IMAGE_NUMBEROF_DIRECTORY_ENTRIES as u32);
    });
    set_dir(b, DIR_EXPORT, EXPORT_DIR, EXPORT_DIR_SIZE);
    set_dir(b, DIR_IMPORT, IMPORT_DESC, 2 * IMPORT_DESC_SIZE);
    set_dir(
        b,
        DIR_EXCEPTION,
        PDATA,
        size_of::<ImageRuntimeFunctionEntry>() as u32,
    );
    set_dir(b, DIR_RELOC, RELOC_DIR, RELOC_DIR_SIZE);
    set_dir(b, DIR_TLS, TLS_DIR, TLS_DIR_SIZE);
    set_dir(b, DIR_IAT, IAT, 3 * THUNK_SIZE);
    set_dir(b, DIR_DELAY, DELAY_DIR, 2 * DELAY_DESC_SIZE);
    for (i, &(name, rva, vsize, raw, raw_size, chars)) in SECTIONS.iter().enumerate() {
        edit_section(b, i, |s| {
            s.name[..name.len()].copy_from_slice(name.as_bytes());
            s.virtual_size.set(LE, vsize);
            s.virtual_address.set(LE, rva);
            s.size_of_raw_data.set(LE, raw_size);
            s.pointer_to_raw_data.set(LE, raw);
            s.characteristics.set(LE, chars);
        });
    }
}

fn text(b: &mut [u8]) {
    // Alpha: xor eax, eax; ret.  Beta: mov eax, 1; ret.
    put_bytes(b, off(FUNC_ALPHA), &[0x31, 0xc0, 0xc3]);
    put_bytes(b, off(FUNC_BETA), &[0xb8, 1, 0, 0, 0, 0xc3]);
}

fn imports(b: &mut [u8]) {
    // The next descriptor stays zero: the terminator.
    edit_import_desc(b, |d| {
        d.original_first_thunk.set(LE, INT);
        d.name.set(LE, K32_NAME);
        d.first_thunk.set(LE, IAT);
    });
    for table in [INT, IAT] {
        put64(b, off(table), u64::from(EXIT_PROCESS_HINT_NAME));
        put64(
            b,
            off(table + THUNK_SIZE),
            IMAGE_ORDINAL_FLAG64 | u64::from(IMPORTED_ORDINAL),
        );
    }
    put_str(b, off(K32_NAME), "KERNEL32.dll");
    edit_rva(b, EXIT_PROCESS_HINT_NAME, |h: &mut ImageImportByName| {
        h.hint.set(LE, EXIT_PROCESS_HINT)
    });
    put_str(
        b,
        off(import_by_name_string(EXIT_PROCESS_HINT_NAME)),
        "ExitProcess",
    );
}

/// The RVA of the name in the IMAGE_IMPORT_BY_NAME at `rva` (it follows the hint).
pub fn import_by_name_string(rva: u32) -> u32 {
    rva + size_of::<ImageImportByName>() as u32
}

fn exports(b: &mut [u8]) {
    edit_export_dir(b, |d| {
        d.name.set(LE, EXPORT_DLL_NAME);
        d.base.set(LE, ORDINAL_BASE);
        d.number_of_functions.set(LE, 4); // Alpha, Beta, unused, Gamma (forwarded)
        d.number_of_names.set(LE, 3);
        d.address_of_functions.set(LE, EAT);
        d.address_of_names.set(LE, EXPORT_NAMES);
        d.address_of_name_ordinals.set(LE, EXPORT_ORDINALS);
    });
    for (i, rva) in [FUNC_ALPHA, FUNC_BETA, 0, FORWARDER]
        .into_iter()
        .enumerate()
    {
        put32(b, off(EAT) + 4 * i, rva);
    }
    for (i, (&(rva, name), index)) in EXPORT_NAME_STRINGS.iter().zip([0u16, 1, 3]).enumerate() {
        put32(b, off(EXPORT_NAMES) + 4 * i, rva);
        put16(b, off(EXPORT_ORDINALS) + 2 * i, index);
        put_str(b, off(rva), name);
    }
    put_str(b, off(EXPORT_DLL_NAME), "TEST.dll");
    put_str(b, off(FORWARDER), FORWARDER_TEXT);
}

fn tls(b: &mut [u8]) {
    edit_tls_dir(b, |d| {
        d.start_address_of_raw_data
            .set(LE, IMAGE_BASE + u64::from(TLS_START));
        d.end_address_of_raw_data
            .set(LE, IMAGE_BASE + u64::from(TLS_END));
        d.address_of_index
            .set(LE, IMAGE_BASE + u64::from(TLS_INDEX));
        d.address_of_call_backs
            .set(LE, IMAGE_BASE + u64::from(TLS_CALLBACKS));
        d.size_of_zero_fill.set(LE, 0x10);
    });
    put_bytes(b, off(TLS_START), b"tls template....");
    // One callback (Beta), then the terminating null; the slot is relocated (DIR64).
    put64(b, off(TLS_CALLBACKS), IMAGE_BASE + u64::from(FUNC_BETA));
}

fn delay_imports(b: &mut [u8]) {
    // The next descriptor stays zero: the terminator.
    edit_delay_desc(b, |d| {
        d.attributes.set(LE, 1); // RvaBased
        d.dll_name_rva.set(LE, USER32_NAME);
        d.module_handle_rva.set(LE, DELAY_HMODULE);
        d.import_address_table_rva.set(LE, DELAY_IAT);
        d.import_name_table_rva.set(LE, DELAY_INT);
    });
    put_str(b, off(USER32_NAME), "USER32.dll");
    put64(b, off(DELAY_INT), u64::from(MESSAGE_BOX_HINT_NAME));
    put_str(
        b,
        off(import_by_name_string(MESSAGE_BOX_HINT_NAME)),
        "MessageBoxA",
    );
}

fn pdata(b: &mut [u8]) {
    edit_rva(b, PDATA, |f: &mut ImageRuntimeFunctionEntry| {
        f.begin_address.set(LE, FUNC_ALPHA);
        f.end_address.set(LE, FUNC_ALPHA + 3);
        f.unwind_info_address_or_data.set(LE, UNWIND_INFO);
    });
    put_bytes(b, off(UNWIND_INFO), &[1, 0, 0, 0]); // UNWIND_INFO version 1, no codes
}

fn relocs(b: &mut [u8]) {
    edit_reloc_block(b, |r| {
        r.virtual_address.set(LE, 0x3000); // page RVA
        r.size_of_block.set(LE, RELOC_DIR_SIZE); // header + 2 entries
    });
    let callbacks = (TLS_CALLBACKS - 0x3000) as u16;
    put16(b, reloc_entry(0), (IMAGE_REL_BASED_DIR64 << 12) | callbacks);
    put16(b, reloc_entry(1), IMAGE_REL_BASED_ABSOLUTE); // padding
}
