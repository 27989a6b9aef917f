//! Import descriptors (directory 1) and delay-load descriptors (directory 13).

use std::mem::size_of;

use object::LittleEndian as LE;
use object::pe::{
    ImageDelayloadDescriptor, ImageImportByName, ImageImportDescriptor, ImageThunkData64,
};
use object::pod::Pod;
use object::read::pe::ImageThunkData;

use super::reader::{Image, malformed};
use super::{DelayImportDll, ImportDll, ImportEntry, ImportName, PeError};

const THUNK_SIZE: u64 = size_of::<ImageThunkData64>() as u64;
/// IMAGE_DELAYLOAD_DESCRIPTOR.Attributes.RvaBased (bit 0, delayimp.h's `dlattrRva`): the
/// descriptor holds RVAs, not VAs. (`object::pe::IMAGE_DELAYLOAD_RVA_BASED` is 0x8000_0000,
/// not the bit that linkers set and winnt.h's bitfield declares.)
const DELAY_RVA_BASED: u32 = 1;

/// Read the import descriptor table at `dir_rva`.
///
/// Like the Windows loader, the table ends at the first descriptor whose Name or
/// FirstThunk is 0 (the all-zero terminator written by linkers is one).
pub(super) fn parse_imports(img: &Image, dir_rva: u32) -> Result<Vec<ImportDll>, PeError> {
    let mut dlls = Vec::new();
    for i in 0u64.. {
        let d: ImageImportDescriptor = read_descriptor(img, i, dir_rva, "import descriptor")?;
        let original_first_thunk = d.original_first_thunk.get(LE);
        let (name_rva, first_thunk) = (d.name.get(LE), d.first_thunk.get(LE));
        if name_rva == 0 || first_thunk == 0 {
            break;
        }
        let dll = dll_name(img, name_rva, "import DLL name")?;
        let lookup = if original_first_thunk != 0 {
            original_first_thunk
        } else {
            first_thunk
        };
        let entries = parse_thunks(img, lookup, first_thunk, &dll)?;
        dlls.push(ImportDll { dll, entries });
    }
    Ok(dlls)
}

/// Read the delay-load descriptor table at `dir_rva`; it ends at the first descriptor
/// whose DllNameRVA is 0. Only the RVA-based form (Attributes bit 0 set) is supported.
pub(super) fn parse_delay_imports(
    img: &Image,
    dir_rva: u32,
) -> Result<Vec<DelayImportDll>, PeError> {
    let mut dlls = Vec::new();
    for i in 0u64.. {
        let d: ImageDelayloadDescriptor =
            read_descriptor(img, i, dir_rva, "delay import descriptor")?;
        let (attributes, name_rva) = (d.attributes.get(LE), d.dll_name_rva.get(LE));
        let module_handle_rva = d.module_handle_rva.get(LE);
        let iat_rva = d.import_address_table_rva.get(LE);
        let int_rva = d.import_name_table_rva.get(LE);
        if name_rva == 0 {
            break;
        }
        if attributes & DELAY_RVA_BASED == 0 {
            return Err(PeError::Unsupported(format!(
                "delay import descriptor #{i} uses the old VA-based form (Attributes {attributes:#x})"
            )));
        }
        let dll = dll_name(img, name_rva, "delay import DLL name")?;
        if int_rva == 0 || iat_rva == 0 {
            return Err(malformed(format!(
                "delay import descriptor for {dll} has no import name table or address table"
            )));
        }
        let what = format!("delay import module handle of {dll}");
        if module_handle_rva == 0 {
            return Err(malformed(format!("{what} has RVA 0")));
        }
        img.check_in_image(u64::from(module_handle_rva), THUNK_SIZE, &what)?;
        let entries = parse_thunks(img, int_rva, iat_rva, &dll)?;
        dlls.push(DelayImportDll {
            dll,
            module_handle_rva,
            entries,
        });
    }
    Ok(dlls)
}

/// Descriptor `i` of a table of `T` at `dir_rva`. A failure after the first descriptor
/// means the table ran off its section before a terminator.
fn read_descriptor<T: Pod>(img: &Image, i: u64, dir_rva: u32, what: &str) -> Result<T, PeError> {
    let at = u64::from(dir_rva) + size_of::<T>() as u64 * i;
    img.read::<T>(at, what).map_err(|e| {
        if i == 0 {
            return e;
        }
        malformed(format!(
            "{what} table at RVA {dir_rva:#x} is not terminated (runs past the end of its section after {i} entries)"
        ))
    })
}

/// A DLL name: a non-empty NUL-terminated string.
fn dll_name(img: &Image, rva: u32, what: &str) -> Result<String, PeError> {
    let name = img.cstr(u64::from(rva), what)?;
    if name.is_empty() {
        return Err(malformed(format!("{what} at RVA {rva:#x} is empty")));
    }
    Ok(name)
}

/// Walk a zero-terminated lookup table of 8-byte thunks; slot `i` of the address table at
/// `iat_rva` receives entry `i`.
fn parse_thunks(
    img: &Image,
    lookup_rva: u32,
    iat_rva: u32,
    dll: &str,
) -> Result<Vec<ImportEntry>, PeError> {
    let what = format!("import lookup table of {dll}");
    let mut entries = Vec::new();
    for i in 0u64.. {
        let at = u64::from(lookup_rva) + THUNK_SIZE * i;
        let thunk = match img.read::<ImageThunkData64>(at, &what) {
            Ok(thunk) => thunk,
            Err(e) if i == 0 => return Err(e),
            Err(_) => {
                return Err(malformed(format!(
                    "{what} at RVA {lookup_rva:#x} is not terminated by a zero entry"
                )));
            }
        };
        if thunk.raw() == 0 {
            break;
        }
        let slot = u64::from(iat_rva) + THUNK_SIZE * i;
        img.check_in_image(
            slot,
            THUNK_SIZE,
            &format!("import address table slot of {dll}"),
        )?;
        // In range: check_in_image bounded it by SizeOfImage, a u32.
        let iat_slot_rva = slot as u32;
        entries.push(ImportEntry {
            iat_slot_rva,
            name: import_name(img, thunk, dll)?,
        });
    }
    Ok(entries)
}

/// Decode one non-zero thunk: an ordinal, or the RVA of an IMAGE_IMPORT_BY_NAME.
fn import_name(img: &Image, thunk: ImageThunkData64, dll: &str) -> Result<ImportName, PeError> {
    if thunk.is_ordinal() {
        return Ok(ImportName::ByOrdinal(thunk.ordinal()));
    }
    // All 64 bits: `ImageThunkData::address` would drop the high ones.
    let rva = thunk.raw();
    if rva >= u64::from(img.size_of_image) {
        return Err(malformed(format!(
            "import name RVA {rva:#x} (from {dll}) lies outside the image (SizeOfImage {:#x})",
            img.size_of_image
        )));
    }
    let by_name: ImageImportByName = img.read(rva, &format!("import hint from {dll}"))?;
    // The name follows the hint.
    let name_rva = rva + size_of::<ImageImportByName>() as u64;
    let what = format!("import name from {dll}");
    let name = img.cstr(name_rva, &what)?;
    if name.is_empty() {
        return Err(malformed(format!("{what} at RVA {name_rva:#x} is empty")));
    }
    Ok(ImportName::ByName {
        name,
        hint: by_name.hint.get(LE),
    })
}
