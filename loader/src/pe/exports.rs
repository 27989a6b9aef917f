//! The export directory (directory 0): address table, name table, ordinal table, forwarders.

use std::mem::size_of;

use object::LittleEndian as LE;
use object::pe::ImageExportDirectory;
use object::pod::Pod;
use object::{U16Bytes, U32Bytes};

use super::reader::{Image, malformed};
use super::{ExportTarget, Exports, PeError};

/// Ordinal table entries are u16, so no name can reach a function beyond this count.
const MAX_EXPORT_FUNCTIONS: u32 = 0x1_0000;

/// Read the export directory at `dir_rva` (`dir_size` bytes: exports whose RVA falls in
/// that range are forwarder strings).
///
/// (`object::read::pe::ExportTable` wants every table inside the directory's own data, which
/// the format does not require, and leaves the checks below to its caller; so the tables
/// are read here through [`Image`].)
pub(super) fn parse_exports(img: &Image, dir_rva: u32, dir_size: u32) -> Result<Exports, PeError> {
    let d: ImageExportDirectory = img.read(u64::from(dir_rva), "export directory")?;
    let (name_rva, ordinal_base) = (d.name.get(LE), d.base.get(LE));
    let (n_functions, n_names) = (d.number_of_functions.get(LE), d.number_of_names.get(LE));
    let functions_rva = d.address_of_functions.get(LE);
    let (names_rva, ordinals_rva) = (
        d.address_of_names.get(LE),
        d.address_of_name_ordinals.get(LE),
    );
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
    let eat = table::<U32Bytes<LE>>(img, functions_rva, n_functions, "export address table")?;
    let range = (dir_rva, dir_size);
    let functions = eat
        .iter()
        .zip(0u32..)
        .map(|(e, i)| export_target(img, e.get(LE), ordinal_base.wrapping_add(i), range))
        .collect::<Result<Vec<_>, _>>()?;
    let name_ptrs = table::<U32Bytes<LE>>(img, names_rva, n_names, "export name pointer table")?;
    let ordinals = table::<U16Bytes<LE>>(img, ordinals_rva, n_names, "export ordinal table")?;
    let names = name_ptrs
        .iter()
        .zip(ordinals)
        .zip(0u32..)
        .map(|((p, o), i)| export_name(img, p.get(LE), o.get(LE), i, n_functions))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Exports {
        dll_name,
        ordinal_base,
        functions,
        names,
    })
}

/// `count` entries of `T` (a byte-aligned little-endian integer) at `rva`, in the image and
/// file-backed (so a huge count is refused before anything is allocated). An empty table
/// may have RVA 0.
fn table<'a, T: Pod>(
    img: &Image<'a>,
    rva: u32,
    count: u32,
    what: &str,
) -> Result<&'a [T], PeError> {
    if count == 0 {
        return Ok(&[]);
    }
    let len = u64::from(count) * size_of::<T>() as u64;
    img.check_in_image(u64::from(rva), len, what)?;
    img.table(u64::from(rva), count as usize, what)
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
