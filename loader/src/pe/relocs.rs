//! Base relocations (directory 5): blocks of (page RVA, SizeOfBlock, u16 entries).

use std::mem::size_of;

use object::LittleEndian as LE;
use object::U16Bytes;
use object::pe::{
    IMAGE_REL_BASED_ABSOLUTE, IMAGE_REL_BASED_DIR64, IMAGE_REL_BASED_HIGHLOW, ImageBaseRelocation,
};
use object::pod;

use super::reader::{Image, malformed, pod_at};
use super::{PeError, Reloc};

const BLOCK_HEADER_SIZE: usize = size_of::<ImageBaseRelocation>();
/// A block entry: the type in the top 4 bits, the offset in the page in the low 12.
const TYPE_SHIFT: u16 = 12;
const OFFSET_MASK: u16 = 0xfff;

/// Flatten the relocation directory at `dir_rva` (`dir_size` bytes) into one list,
/// dropping ABSOLUTE padding entries.
///
/// (`object::read::pe::RelocationBlockIterator` refuses blocks the Windows loader accepts,
/// an empty one or a SizeOfBlock that is even but not a multiple of 4, and does not say
/// where a bad block is; so the blocks are walked here.)
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
    let Some(header) = pod_at::<ImageBaseRelocation>(rest, 0) else {
        return Err(malformed(format!(
            "relocation block at RVA {block_rva:#x} is truncated ({} bytes left in the directory)",
            rest.len()
        )));
    };
    let page = header.virtual_address.get(LE);
    let size = header.size_of_block.get(LE) as usize;
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
    let entries = pod::slice_from_all_bytes::<U16Bytes<LE>>(entries).map_err(|()| {
        malformed(format!(
            "relocation block at RVA {block_rva:#x} has a bad SizeOfBlock {size:#x}"
        ))
    })?;
    for e in entries {
        if let Some(r) = reloc_entry(img, page, e.get(LE))? {
            out.push(r);
        }
    }
    Ok(size)
}

/// Decode one entry of the block for `page`: None for ABSOLUTE padding.
fn reloc_entry(img: &Image, page: u32, entry: u16) -> Result<Option<Reloc>, PeError> {
    let kind = entry >> TYPE_SHIFT;
    let rva = u64::from(page) + u64::from(entry & OFFSET_MASK);
    let (width, name) = match kind {
        IMAGE_REL_BASED_ABSOLUTE => return Ok(None),
        IMAGE_REL_BASED_HIGHLOW => (size_of::<u32>() as u64, "HIGHLOW"),
        IMAGE_REL_BASED_DIR64 => (size_of::<u64>() as u64, "DIR64"),
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
