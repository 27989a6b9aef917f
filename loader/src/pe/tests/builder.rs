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

pub const IMAGE_BASE: u64 = 0x1_4000_0000;
pub const SIZE_OF_IMAGE: u32 = 0x5000;
pub const SIZE_OF_HEADERS: u32 = 0x400;
pub const FILE_SIZE: usize = 0xe00;

// Header offsets in the file.
pub const E_LFANEW: usize = 0x80;
pub const FILE_HEADER: usize = E_LFANEW + 4;
pub const OPT: usize = FILE_HEADER + 20;
pub const OPT_SIZE: usize = 240;
pub const SECTION_TABLE: usize = OPT + OPT_SIZE;

// File header fields.
pub const FH_MACHINE: usize = FILE_HEADER;
pub const FH_NUM_SECTIONS: usize = FILE_HEADER + 2;
pub const FH_SIZE_OF_OPT: usize = FILE_HEADER + 16;
pub const FH_CHARACTERISTICS: usize = FILE_HEADER + 18;

// Optional header fields.
pub const OPT_MAGIC: usize = OPT;
pub const OPT_ENTRY: usize = OPT + 16;
pub const OPT_IMAGE_BASE: usize = OPT + 24;
pub const OPT_SECTION_ALIGN: usize = OPT + 32;
pub const OPT_FILE_ALIGN: usize = OPT + 36;
pub const OPT_SIZE_OF_IMAGE: usize = OPT + 56;
pub const OPT_SIZE_OF_HEADERS: usize = OPT + 60;
pub const OPT_NUM_DIRS: usize = OPT + 108;

/// File offset of data directory `i`'s RVA (its size follows at +4).
pub const fn dir(i: usize) -> usize {
    OPT + 112 + 8 * i
}
pub const DIR_EXPORT: usize = 0;
pub const DIR_IMPORT: usize = 1;
pub const DIR_EXCEPTION: usize = 3;
pub const DIR_RELOC: usize = 5;
pub const DIR_TLS: usize = 9;
pub const DIR_IAT: usize = 12;
pub const DIR_DELAY: usize = 13;
pub const DIR_COM: usize = 14;

/// File offset of field `field` (8 VirtualSize, 12 VirtualAddress, 16 SizeOfRawData,
/// 20 PointerToRawData) of section header `i`.
pub const fn sec(i: usize, field: usize) -> usize {
    SECTION_TABLE + 40 * i + field
}
pub const SEC_VSIZE: usize = 8;
pub const SEC_RVA: usize = 12;
pub const SEC_RAW_SIZE: usize = 16;
pub const SEC_RAW_PTR: usize = 20;

/// (name, rva, virtual size, raw offset, raw size, characteristics)
pub const SECTIONS: [(&str, u32, u32, u32, u32, u32); 4] = [
    (".text", 0x1000, 0x10, 0x400, 0x200, 0x6000_0020),
    (".rdata", 0x2000, 0x400, 0x600, 0x400, 0x4000_0040),
    (".data", 0x3000, 0x280, 0xa00, 0x200, 0xc000_0040),
    (".reloc", 0x4000, 0xc, 0xc00, 0x200, 0x4200_0040),
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
    put32(b, dir(i), rva);
    put32(b, dir(i) + 4, size);
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
    put_bytes(b, 0, b"MZ");
    put32(b, 0x3c, E_LFANEW as u32);
    put_bytes(b, E_LFANEW, b"PE\0\0");
    put16(b, FH_MACHINE, 0x8664);
    put16(b, FH_NUM_SECTIONS, SECTIONS.len() as u16);
    put16(b, FH_SIZE_OF_OPT, OPT_SIZE as u16);
    put16(b, FH_CHARACTERISTICS, 0x0022); // EXECUTABLE_IMAGE | LARGE_ADDRESS_AWARE
    put16(b, OPT_MAGIC, 0x20b);
    put32(b, OPT_ENTRY, ENTRY);
    put64(b, OPT_IMAGE_BASE, IMAGE_BASE);
    put32(b, OPT_SECTION_ALIGN, 0x1000);
    put32(b, OPT_FILE_ALIGN, 0x200);
    put16(b, OPT + 48, 6); // MajorSubsystemVersion
    put32(b, OPT_SIZE_OF_IMAGE, SIZE_OF_IMAGE);
    put32(b, OPT_SIZE_OF_HEADERS, SIZE_OF_HEADERS);
    put16(b, OPT + 68, 3); // IMAGE_SUBSYSTEM_WINDOWS_CUI
    put16(b, OPT + 70, 0x8160); // HIGH_ENTROPY_VA | DYNAMIC_BASE | NX_COMPAT | TS_AWARE
    put64(b, OPT + 72, 0x10_0000);
    put64(b, OPT + 80, 0x1000);
    put64(b, OPT + 88, 0x10_0000);
    put64(b, OPT + 96, 0x1000);
    put32(b, OPT_NUM_DIRS, 16);
    set_dir(b, DIR_EXPORT, EXPORT_DIR, EXPORT_DIR_SIZE);
    set_dir(b, DIR_IMPORT, IMPORT_DESC, 40);
    set_dir(b, DIR_EXCEPTION, PDATA, 12);
    set_dir(b, DIR_RELOC, RELOC_DIR, RELOC_DIR_SIZE);
    set_dir(b, DIR_TLS, TLS_DIR, 40);
    set_dir(b, DIR_IAT, IAT, 24);
    set_dir(b, DIR_DELAY, DELAY_DIR, 64);
    for (i, &(name, rva, vsize, raw, raw_size, chars)) in SECTIONS.iter().enumerate() {
        put_bytes(b, sec(i, 0), name.as_bytes());
        put32(b, sec(i, SEC_VSIZE), vsize);
        put32(b, sec(i, SEC_RVA), rva);
        put32(b, sec(i, SEC_RAW_SIZE), raw_size);
        put32(b, sec(i, SEC_RAW_PTR), raw);
        put32(b, sec(i, 36), chars);
    }
}

fn text(b: &mut [u8]) {
    // Alpha: xor eax, eax; ret.  Beta: mov eax, 1; ret.
    put_bytes(b, off(FUNC_ALPHA), &[0x31, 0xc0, 0xc3]);
    put_bytes(b, off(FUNC_BETA), &[0xb8, 1, 0, 0, 0, 0xc3]);
}

fn imports(b: &mut [u8]) {
    let d = off(IMPORT_DESC);
    put32(b, d, INT); // OriginalFirstThunk
    put32(b, d + 12, K32_NAME);
    put32(b, d + 16, IAT); // FirstThunk; the next 20 bytes stay zero: the terminator
    for table in [INT, IAT] {
        put64(b, off(table), u64::from(EXIT_PROCESS_HINT_NAME));
        put64(b, off(table) + 8, (1 << 63) | u64::from(IMPORTED_ORDINAL));
    }
    put_str(b, off(K32_NAME), "KERNEL32.dll");
    put16(b, off(EXIT_PROCESS_HINT_NAME), EXIT_PROCESS_HINT);
    put_str(b, off(EXIT_PROCESS_HINT_NAME) + 2, "ExitProcess");
}

fn exports(b: &mut [u8]) {
    let d = off(EXPORT_DIR);
    put32(b, d + 12, EXPORT_DLL_NAME);
    put32(b, d + 16, ORDINAL_BASE);
    put32(b, d + 20, 4); // NumberOfFunctions: Alpha, Beta, unused, Gamma (forwarded)
    put32(b, d + 24, 3); // NumberOfNames
    put32(b, d + 28, EAT);
    put32(b, d + 32, EXPORT_NAMES);
    put32(b, d + 36, EXPORT_ORDINALS);
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
    let d = off(TLS_DIR);
    put64(b, d, IMAGE_BASE + u64::from(TLS_START));
    put64(b, d + 8, IMAGE_BASE + u64::from(TLS_END));
    put64(b, d + 16, IMAGE_BASE + u64::from(TLS_INDEX));
    put64(b, d + 24, IMAGE_BASE + u64::from(TLS_CALLBACKS));
    put32(b, d + 32, 0x10); // SizeOfZeroFill
    put_bytes(b, off(TLS_START), b"tls template....");
    // One callback (Beta), then the terminating null; the slot is relocated (DIR64).
    put64(b, off(TLS_CALLBACKS), IMAGE_BASE + u64::from(FUNC_BETA));
}

fn delay_imports(b: &mut [u8]) {
    let d = off(DELAY_DIR);
    put32(b, d, 1); // Attributes: RVA-based
    put32(b, d + 4, USER32_NAME);
    put32(b, d + 8, DELAY_HMODULE);
    put32(b, d + 12, DELAY_IAT);
    put32(b, d + 16, DELAY_INT); // the next 32 bytes stay zero: the terminator
    put_str(b, off(USER32_NAME), "USER32.dll");
    put64(b, off(DELAY_INT), u64::from(MESSAGE_BOX_HINT_NAME));
    put_str(b, off(MESSAGE_BOX_HINT_NAME) + 2, "MessageBoxA");
}

fn pdata(b: &mut [u8]) {
    put32(b, off(PDATA), FUNC_ALPHA);
    put32(b, off(PDATA) + 4, FUNC_ALPHA + 3);
    put32(b, off(PDATA) + 8, UNWIND_INFO);
    put_bytes(b, off(UNWIND_INFO), &[1, 0, 0, 0]);
}

fn relocs(b: &mut [u8]) {
    let d = off(RELOC_DIR);
    put32(b, d, 0x3000); // page RVA
    put32(b, d + 4, RELOC_DIR_SIZE); // SizeOfBlock: header + 2 entries
    put16(b, d + 8, (10 << 12) | (TLS_CALLBACKS - 0x3000) as u16); // DIR64
    put16(b, d + 10, 0); // ABSOLUTE padding
}
