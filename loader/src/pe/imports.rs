//! Import descriptors (directory 1) and delay-load descriptors (directory 13).

use super::reader::{Image, Le, malformed};
use super::{DelayImportDll, ImportDll, ImportEntry, ImportName, PeError};

const IMPORT_DESCRIPTOR_SIZE: u64 = 20;
const DELAY_DESCRIPTOR_SIZE: u64 = 32;
const THUNK_SIZE: u64 = 8;
const ORDINAL_FLAG: u64 = 1 << 63;
/// IMAGE_DELAYLOAD_DESCRIPTOR.Attributes bit 0: the descriptor holds RVAs, not VAs.
const DELAY_RVA_BASED: u32 = 1;

/// Read the import descriptor table at `dir_rva`.
///
/// Like the Windows loader, the table ends at the first descriptor whose Name or
/// FirstThunk is 0 (the all-zero terminator written by linkers is one).
pub(super) fn parse_imports(img: &Image, dir_rva: u32) -> Result<Vec<ImportDll>, PeError> {
    let mut dlls = Vec::new();
    for i in 0u64.. {
        let at = u64::from(dir_rva) + IMPORT_DESCRIPTOR_SIZE * i;
        let d = read_descriptor::<20>(img, at, i, dir_rva, "import descriptor")?;
        let f = Le(&d);
        let (original_first_thunk, name_rva, first_thunk) = (f.u32(0), f.u32(12), f.u32(16));
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
        let at = u64::from(dir_rva) + DELAY_DESCRIPTOR_SIZE * i;
        let d = read_descriptor::<32>(img, at, i, dir_rva, "delay import descriptor")?;
        let f = Le(&d);
        let (attributes, name_rva, module_handle_rva) = (f.u32(0), f.u32(4), f.u32(8));
        let (iat_rva, int_rva) = (f.u32(12), f.u32(16));
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

/// Descriptor `i` of a table at `dir_rva`. A failure after the first descriptor means the
/// table ran off its section before a terminator.
fn read_descriptor<const N: usize>(
    img: &Image,
    at: u64,
    i: u64,
    dir_rva: u32,
    what: &str,
) -> Result<[u8; N], PeError> {
    img.read::<N>(at, what).map_err(|e| {
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
        let thunk = match img.read::<8>(at, &what) {
            Ok(b) => u64::from_le_bytes(b),
            Err(e) if i == 0 => return Err(e),
            Err(_) => {
                return Err(malformed(format!(
                    "{what} at RVA {lookup_rva:#x} is not terminated by a zero entry"
                )));
            }
        };
        if thunk == 0 {
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
fn import_name(img: &Image, thunk: u64, dll: &str) -> Result<ImportName, PeError> {
    if thunk & ORDINAL_FLAG != 0 {
        return Ok(ImportName::ByOrdinal(thunk as u16));
    }
    if thunk >= u64::from(img.size_of_image) {
        return Err(malformed(format!(
            "import name RVA {thunk:#x} (from {dll}) lies outside the image (SizeOfImage {:#x})",
            img.size_of_image
        )));
    }
    let hint = u16::from_le_bytes(img.read::<2>(thunk, &format!("import hint from {dll}"))?);
    let what = format!("import name from {dll}");
    let name = img.cstr(thunk + 2, &what)?;
    if name.is_empty() {
        return Err(malformed(format!(
            "{what} at RVA {:#x} is empty",
            thunk + 2
        )));
    }
    Ok(ImportName::ByName { name, hint })
}
