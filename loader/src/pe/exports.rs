//! The export directory (directory 0): address table, name table, ordinal table, forwarders.

use super::reader::{Image, Le, malformed};
use super::{ExportTarget, Exports, PeError};

const EXPORT_DIRECTORY_SIZE: usize = 40;
/// Ordinal table entries are u16, so no name can reach a function beyond this count.
const MAX_EXPORT_FUNCTIONS: u32 = 0x1_0000;

/// Read the export directory at `dir_rva` (`dir_size` bytes: exports whose RVA falls in
/// that range are forwarder strings).
pub(super) fn parse_exports(img: &Image, dir_rva: u32, dir_size: u32) -> Result<Exports, PeError> {
    let d = img.read::<EXPORT_DIRECTORY_SIZE>(u64::from(dir_rva), "export directory")?;
    let f = Le(&d);
    let (name_rva, ordinal_base) = (f.u32(12), f.u32(16));
    let (n_functions, n_names) = (f.u32(20), f.u32(24));
    let (functions_rva, names_rva, ordinals_rva) = (f.u32(28), f.u32(32), f.u32(36));
    if n_functions > MAX_EXPORT_FUNCTIONS {
        return Err(malformed(format!(
            "export directory claims {n_functions:#x} functions (NumberOfFunctions is at most 0x10000)"
        )));
    }
    if n_functions != 0 && ordinal_base.checked_add(n_functions - 1).is_none() {
        return Err(malformed(format!(
            "export ordinal base {ordinal_base:#x} plus {n_functions:#x} functions overflows"
        )));
    }
    let dll_name = match name_rva {
        0 => String::new(),
        rva => img.cstr(u64::from(rva), "export DLL name")?,
    };
    let eat = table(img, functions_rva, n_functions, 4, "export address table")?;
    let range = (dir_rva, dir_size);
    let functions = eat
        .chunks_exact(4)
        .zip(0u32..)
        .map(|(e, i)| export_target(img, Le(e).u32(0), ordinal_base.wrapping_add(i), range))
        .collect::<Result<Vec<_>, _>>()?;
    let name_ptrs = table(img, names_rva, n_names, 4, "export name pointer table")?;
    let ordinals = table(img, ordinals_rva, n_names, 2, "export ordinal table")?;
    let names = name_ptrs
        .chunks_exact(4)
        .zip(ordinals.chunks_exact(2))
        .zip(0u32..)
        .map(|((p, o), i)| export_name(img, Le(p).u32(0), Le(o).u16(0), i, n_functions))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Exports {
        dll_name,
        ordinal_base,
        functions,
        names,
    })
}

/// `count` entries of `size` bytes at `rva`, in the image and file-backed (so a huge count
/// is refused before anything is allocated). An empty table may have RVA 0.
fn table<'a>(
    img: &Image<'a>,
    rva: u32,
    count: u32,
    size: u64,
    what: &str,
) -> Result<&'a [u8], PeError> {
    if count == 0 {
        return Ok(&[]);
    }
    let len = u64::from(count) * size;
    img.check_in_image(u64::from(rva), len, what)?;
    img.slice(u64::from(rva), len, what)
}

/// Decode one export address table entry; `dir` is the export directory's (RVA, size).
fn export_target(
    img: &Image,
    rva: u32,
    ordinal: u32,
    dir: (u32, u32),
) -> Result<ExportTarget, PeError> {
    if rva == 0 {
        return Ok(ExportTarget::None);
    }
    if rva >= img.size_of_image {
        return Err(malformed(format!(
            "export ordinal {ordinal} address RVA {rva:#x} lies outside the image (SizeOfImage {:#x})",
            img.size_of_image
        )));
    }
    let (dir_rva, dir_size) = dir;
    if u64::from(rva) < u64::from(dir_rva)
        || u64::from(rva) >= u64::from(dir_rva) + u64::from(dir_size)
    {
        return Ok(ExportTarget::Rva(rva));
    }
    let fwd = img.cstr(
        u64::from(rva),
        &format!("export ordinal {ordinal} forwarder"),
    )?;
    if !is_forwarder(&fwd) {
        return Err(malformed(format!(
            "export ordinal {ordinal} forwarder {fwd:?} at RVA {rva:#x} is not of the form DLL.Name or DLL.#ordinal"
        )));
    }
    Ok(ExportTarget::Forward(fwd))
}

/// "DLL.Name" or "DLL.#123": a dot with something on both sides.
fn is_forwarder(s: &str) -> bool {
    match s.rsplit_once('.') {
        Some((dll, name)) => !dll.is_empty() && !name.is_empty() && name != "#",
        None => false,
    }
}

/// Decode name `i`: its string and the index into the address table it names.
fn export_name(
    img: &Image,
    name_rva: u32,
    index: u16,
    i: u32,
    n_functions: u32,
) -> Result<(String, u32), PeError> {
    if name_rva >= img.size_of_image {
        return Err(malformed(format!(
            "export name RVA {name_rva:#x} (name #{i}) lies outside the image (SizeOfImage {:#x})",
            img.size_of_image
        )));
    }
    let name = img.cstr(u64::from(name_rva), &format!("export name #{i}"))?;
    if u32::from(index) >= n_functions {
        return Err(malformed(format!(
            "export ordinal out of range: name {name:?} has index {index} but NumberOfFunctions is {n_functions}"
        )));
    }
    Ok((name, u32::from(index)))
}
