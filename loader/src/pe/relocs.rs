//! Base relocations (directory 5): blocks of (page RVA, SizeOfBlock, u16 entries).

use super::reader::{Image, Le, malformed};
use super::{PeError, Reloc};

const BLOCK_HEADER_SIZE: usize = 8;
const REL_ABSOLUTE: u16 = 0;
const REL_HIGHLOW: u16 = 3;
const REL_DIR64: u16 = 10;

/// Flatten the relocation directory at `dir_rva` (`dir_size` bytes) into one list,
/// dropping ABSOLUTE padding entries.
pub(super) fn parse_relocs(
    img: &Image,
    dir_rva: u32,
    dir_size: u32,
) -> Result<Vec<Reloc>, PeError> {
    let dir = img.slice(
        u64::from(dir_rva),
        u64::from(dir_size),
        "base relocation directory",
    )?;
    let mut relocs = Vec::new();
    let mut off = 0usize;
    while let Some(rest) = dir.get(off..).filter(|r| !r.is_empty()) {
        let block_rva = u64::from(dir_rva) + off as u64;
        let len = parse_block(img, rest, block_rva, &mut relocs)?;
        off += len;
    }
    Ok(relocs)
}

/// Parse the block at the start of `rest` (the directory from this block on), appending
/// its relocations; return its SizeOfBlock.
fn parse_block(
    img: &Image,
    rest: &[u8],
    block_rva: u64,
    out: &mut Vec<Reloc>,
) -> Result<usize, PeError> {
    if rest.len() < BLOCK_HEADER_SIZE {
        return Err(malformed(format!(
            "relocation block at RVA {block_rva:#x} is truncated ({} bytes left in the directory)",
            rest.len()
        )));
    }
    let f = Le(rest);
    let (page, size) = (f.u32(0), f.u32(4));
    let size = size as usize;
    if size < BLOCK_HEADER_SIZE || !size.is_multiple_of(2) {
        return Err(malformed(format!(
            "relocation block at RVA {block_rva:#x} has a bad SizeOfBlock {size:#x}"
        )));
    }
    let Some(entries) = rest.get(BLOCK_HEADER_SIZE..size) else {
        return Err(malformed(format!(
            "relocation block at RVA {block_rva:#x} (SizeOfBlock {size:#x}) runs past the end of the relocation directory"
        )));
    };
    if page >= img.size_of_image {
        return Err(malformed(format!(
            "relocation block at RVA {block_rva:#x} covers page RVA {page:#x}, outside the image (SizeOfImage {:#x})",
            img.size_of_image
        )));
    }
    for e in entries.chunks_exact(2) {
        let e = Le(e).u16(0);
        if let Some(r) = reloc_entry(img, page, e)? {
            out.push(r);
        }
    }
    Ok(size)
}

/// Decode one entry of the block for `page`: None for ABSOLUTE padding.
fn reloc_entry(img: &Image, page: u32, entry: u16) -> Result<Option<Reloc>, PeError> {
    let kind = entry >> 12;
    let rva = u64::from(page) + u64::from(entry & 0xfff);
    let (width, name) = match kind {
        REL_ABSOLUTE => return Ok(None),
        REL_HIGHLOW => (4, "HIGHLOW"),
        REL_DIR64 => (8, "DIR64"),
        _ => {
            return Err(malformed(format!(
                "relocation type {kind} at RVA {rva:#x} is not supported (only ABSOLUTE, HIGHLOW and DIR64)"
            )));
        }
    };
    if rva + width > u64::from(img.size_of_image) {
        return Err(malformed(format!(
            "relocation ({name}) at RVA {rva:#x} reaches past the end of the image (SizeOfImage {:#x})",
            img.size_of_image
        )));
    }
    // In range: bounded by SizeOfImage, a u32.
    Ok(Some(Reloc {
        rva: rva as u32,
        kind,
    }))
}
