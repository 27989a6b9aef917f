//! Mapping a parsed image into memory: reserve at the preferred base (or elsewhere and
//! relocate), copy headers and sections, apply base relocations, and later the section
//! protections.

use crate::pe::{PeInfo, Reloc};

const PAGE: usize = 0x1000;

/// A mapped image: `size` bytes at `base`, read-write until [`protect_sections`].
#[derive(Debug)]
pub struct Mapped {
    pub base: usize,
    pub size: usize,
}

/// Why mapping failed.
#[derive(Debug)]
pub enum MapError {
    /// The preferred base is taken and the image cannot be relocated.
    Fixed(String),
    /// The host refused the memory.
    NoMemory(String),
}

impl std::fmt::Display for MapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MapError::Fixed(m) | MapError::NoMemory(m) => f.write_str(m),
        }
    }
}

fn round_up(v: usize, a: usize) -> usize {
    v.div_ceil(a) * a
}

/// Try to reserve `size` bytes exactly at `addr`. Returns false when the range is taken.
fn reserve_at(addr: usize, size: usize) -> bool {
    // SAFETY: MAP_FIXED_NOREPLACE never replaces an existing mapping.
    let p = unsafe {
        libc::mmap(
            addr as *mut _,
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED_NOREPLACE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        return false;
    }
    if p as usize != addr {
        // Old kernels ignore the flag and return another address: give it back.
        // SAFETY: unmapping what we just mapped.
        unsafe { libc::munmap(p, size) };
        return false;
    }
    true
}

/// Reserve `size` bytes anywhere, 64 KiB aligned (Windows' allocation granularity).
fn reserve_anywhere(size: usize) -> Option<usize> {
    let gran = 0x10000;
    // SAFETY: a fresh anonymous mapping, trimmed to an aligned window below.
    unsafe {
        let p = libc::mmap(
            std::ptr::null_mut(),
            size + gran,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        if p == libc::MAP_FAILED {
            return None;
        }
        let start = p as usize;
        let aligned = round_up(start, gran);
        if aligned > start {
            libc::munmap(p, aligned - start);
        }
        let end = start + size + gran;
        if end > aligned + size {
            libc::munmap((aligned + size) as *mut _, end - aligned - size);
        }
        Some(aligned)
    }
}

/// Map `info`'s image from `file` (the whole file's bytes). Relocates when the preferred base
/// is taken. The result is read-write; call [`protect_sections`] once imports are bound.
pub fn map_image(info: &PeInfo, file: &[u8]) -> Result<Mapped, MapError> {
    let size = round_up(info.size_of_image as usize, PAGE);
    let preferred = info.image_base as usize;
    let base = if reserve_at(preferred, size) {
        preferred
    } else if info.relocs_stripped() {
        return Err(MapError::Fixed(format!(
            "the image must load at {preferred:#x} (relocations stripped) but that address is in use"
        )));
    } else {
        reserve_anywhere(size)
            .ok_or_else(|| MapError::NoMemory(format!("cannot reserve {size:#x} bytes for the image")))?
    };
    // SAFETY: [base, base+size) is our fresh read-write mapping; the parser checked that the
    // headers and every section's raw data lie inside `file` and inside SizeOfImage.
    unsafe {
        let hdr = (info.size_of_headers as usize).min(file.len()).min(size);
        std::ptr::copy_nonoverlapping(file.as_ptr(), base as *mut u8, hdr);
        for s in &info.sections {
            let off = s.raw_offset as usize;
            let len = s.raw_size as usize;
            if len > 0 {
                std::ptr::copy_nonoverlapping(file.as_ptr().add(off), (base + s.rva as usize) as *mut u8, len);
            }
        }
    }
    let mapped = Mapped { base, size };
    if base != preferred {
        // SAFETY: the parser checked each relocation target lies inside the image.
        unsafe { apply_relocations(&mapped, &info.relocs, base.wrapping_sub(preferred) as u64) };
    }
    Ok(mapped)
}

/// Apply base relocations for a load `delta` bytes away from the preferred base.
///
/// # Safety
/// Every relocation target (rva + 8) must lie inside the mapping.
pub unsafe fn apply_relocations(m: &Mapped, relocs: &[Reloc], delta: u64) {
    for r in relocs {
        let p = m.base + r.rva as usize;
        // SAFETY: checked by the parser (see the function contract).
        unsafe {
            match r.kind {
                10 => {
                    let v = (p as *const u64).read_unaligned();
                    (p as *mut u64).write_unaligned(v.wrapping_add(delta));
                }
                3 => {
                    let v = (p as *const u32).read_unaligned();
                    (p as *mut u32).write_unaligned(v.wrapping_add(delta as u32));
                }
                _ => {}
            }
        }
    }
}

/// PROT_* bits for a section's IMAGE_SCN_* characteristics.
pub fn section_prot(characteristics: u32) -> i32 {
    const EXEC: u32 = 0x2000_0000;
    const READ: u32 = 0x4000_0000;
    const WRITE: u32 = 0x8000_0000;
    let mut p = 0;
    if characteristics & READ != 0 {
        p |= libc::PROT_READ;
    }
    if characteristics & WRITE != 0 {
        p |= libc::PROT_WRITE | libc::PROT_READ;
    }
    if characteristics & EXEC != 0 {
        p |= libc::PROT_EXEC | libc::PROT_READ;
    }
    p
}

/// Apply each section's protection (and read-only headers). Pages shared by two sections get
/// the union of both protections.
pub fn protect_sections(info: &PeInfo, m: &Mapped) {
    if (info.section_alignment as usize) < PAGE {
        // Sections share pages: everything stays accessible, as Windows maps such images.
        // SAFETY: our own mapping.
        unsafe {
            libc::mprotect(
                m.base as *mut _,
                m.size,
                libc::PROT_READ | libc::PROT_WRITE | libc::PROT_EXEC,
            )
        };
        return;
    }
    let pages = m.size / PAGE;
    let mut prot = vec![libc::PROT_READ; pages];
    for s in &info.sections {
        let first = s.rva as usize / PAGE;
        let last = round_up(s.rva as usize + s.virtual_size.max(1) as usize, PAGE) / PAGE;
        let p = section_prot(s.characteristics);
        for slot in prot.iter_mut().take(last.min(pages)).skip(first) {
            *slot |= p;
        }
    }
    let mut i = 0;
    while i < pages {
        let mut j = i + 1;
        while j < pages && prot[j] == prot[i] {
            j += 1;
        }
        // SAFETY: our own mapping.
        unsafe { libc::mprotect((m.base + i * PAGE) as *mut _, (j - i) * PAGE, prot[i]) };
        i = j;
    }
}
