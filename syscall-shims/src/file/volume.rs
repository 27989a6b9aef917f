//! Volumes and drives: GetVolumeInformation, GetDiskFreeSpace(Ex), GetDriveType,
//! GetLogicalDrives, GetLogicalDriveStrings, and GetFinalPathNameByHandle.
//!
//! Every mapped drive is a fixed disk formatted NTFS (case-preserving, Unicode, hard links,
//! reparse points) with no label; its serial number derives from the host device, so it is
//! the same for GetVolumeInformation and GetFileInformationByHandle on a file of that volume.

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use super::info::{stat_path, volume_serial};
use super::with_file;
use crate::errno::{NtStatus, status};
use crate::path::{self, NtTarget};
use windows_sys::Win32::Foundation::{ERROR_DIR_NOT_ROOT, HANDLE};

pub const DRIVE_NO_ROOT_DIR: u32 = 1;
pub const DRIVE_FIXED: u32 = 3;

/// FILE_CASE_PRESERVED_NAMES | FILE_UNICODE_ON_DISK | FILE_PERSISTENT_ACLS |
/// FILE_SUPPORTS_REPARSE_POINTS | FILE_SUPPORTS_HARD_LINKS.
pub const FS_FLAGS: u32 = 0x2 | 0x4 | 0x8 | 0x80 | 0x40_0000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumeInfo {
    pub label: String,
    pub serial: u32,
    pub max_component: u32,
    pub flags: u32,
    pub fs_name: String,
}

fn info_for(dir: &Path) -> Result<VolumeInfo, NtStatus> {
    let st = stat_path(dir, true).map_err(crate::errno::to_status)?;
    Ok(VolumeInfo {
        label: String::new(),
        serial: volume_serial(st.dev),
        max_component: 255,
        flags: FS_FLAGS,
        fs_name: "NTFS".into(),
    })
}

/// The drive letter of a root name: `C:\`, `\\?\C:\`, `\\.\C:\` (None: the current drive).
/// Anything else is not a root (ERROR_DIR_NOT_ROOT).
fn root_letter(root: Option<&str>) -> Result<u8, NtStatus> {
    let r = match root {
        None => return Ok(path::current_dir().as_bytes().first().copied().unwrap_or(b'C').to_ascii_uppercase()),
        Some(r) => r,
    };
    let r = r.strip_prefix("\\\\?\\").or_else(|| r.strip_prefix("\\\\.\\")).unwrap_or(r);
    let b = r.as_bytes();
    if b.len() == 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && (b[2] == b'\\' || b[2] == b'/') {
        return Ok(b[0].to_ascii_uppercase());
    }
    if b.len() >= 2 && b[1] == b':' {
        return Err(super::ops::win32_status(ERROR_DIR_NOT_ROOT));
    }
    Err(status::OBJECT_NAME_INVALID)
}

/// GetVolumeInformation of a root directory (`C:\`; None: the current drive's).
pub fn volume_info(root: Option<&str>) -> Result<VolumeInfo, NtStatus> {
    let l = root_letter(root)?;
    let dir = path::drive_root(l).ok_or(status::OBJECT_PATH_NOT_FOUND)?;
    info_for(dir)
}

/// GetVolumeInformationByHandle.
pub fn volume_info_handle(h: HANDLE) -> Result<VolumeInfo, NtStatus> {
    with_file(h, |f| {
        let st = super::info::stat_fd(f)?;
        Ok(VolumeInfo {
            label: String::new(),
            serial: volume_serial(st.dev),
            max_component: 255,
            flags: FS_FLAGS,
            fs_name: "NTFS".into(),
        })
    })
}

/// The Unix directory a DOS directory name designates (must exist).
fn existing_dir(name: &str) -> Result<PathBuf, NtStatus> {
    match path::dos_target(name)? {
        NtTarget::Volume(l) => Ok(path::drive_root(l).ok_or(status::OBJECT_PATH_NOT_FOUND)?.to_path_buf()),
        NtTarget::File(f) => {
            let (p, st) = super::ops::existing(&f, true)?;
            if !st.is_dir() {
                return Err(status::NOT_A_DIRECTORY);
            }
            Ok(p)
        }
        NtTarget::Device(_) => Err(status::INVALID_PARAMETER),
    }
}

/// Free space: (bytes free to the caller, total bytes, bytes free), with the block size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Space {
    pub caller_free: u64,
    pub total: u64,
    pub free: u64,
    pub block: u64,
}

/// GetDiskFreeSpaceEx of any directory (None: the current one).
pub fn disk_space(dir: Option<&str>) -> Result<Space, NtStatus> {
    let p = existing_dir(dir.unwrap_or("."))?;
    let c = std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(|_| status::OBJECT_NAME_INVALID)?;
    // SAFETY: a NUL-terminated path and a zeroed buffer.
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(c.as_ptr(), &mut s) } != 0 {
        return Err(crate::errno::last_status());
    }
    let b = s.f_frsize.max(512);
    Ok(Space { caller_free: s.f_bavail * b, total: s.f_blocks * b, free: s.f_bfree * b, block: b })
}

/// GetDriveType: DRIVE_FIXED for a mapped drive's root, DRIVE_NO_ROOT_DIR otherwise (None:
/// the current drive).
pub fn drive_type(root: Option<&str>) -> u32 {
    let letter = match root {
        None => root_letter(None).ok(),
        Some(r) => {
            let r = r.strip_prefix("\\\\?\\").or_else(|| r.strip_prefix("\\\\.\\")).unwrap_or(r);
            let b = r.as_bytes();
            (b.len() >= 2 && b[1] == b':' && (b.len() == 2 || (b.len() == 3 && (b[2] == b'\\' || b[2] == b'/'))))
                .then(|| b[0].to_ascii_uppercase())
        }
    };
    match letter.and_then(path::drive_root) {
        Some(_) => DRIVE_FIXED,
        None => DRIVE_NO_ROOT_DIR,
    }
}

/// GetLogicalDrives.
pub fn logical_drives() -> u32 {
    path::drive_mask()
}

/// GetLogicalDriveStrings: `C:\`, `Z:\`, ... each NUL-terminated, then a NUL.
pub fn logical_drive_strings() -> String {
    let mut s = String::new();
    let mask = logical_drives();
    for i in 0..26 {
        if mask & (1 << i) != 0 {
            s.push((b'A' + i as u8) as char);
            s.push_str(":\\\0");
        }
    }
    s.push('\0');
    s
}

/// VOLUME_NAME_* and FILE_NAME_* flags of GetFinalPathNameByHandle.
pub const VOLUME_NAME_DOS: u32 = 0;
pub const VOLUME_NAME_GUID: u32 = 1;
pub const VOLUME_NAME_NT: u32 = 2;
pub const VOLUME_NAME_NONE: u32 = 4;

/// GetFinalPathNameByHandle: the path of an open file as the kernel knows it now (renames
/// included): `\\?\C:\dir\file` (VOLUME_NAME_DOS), `\\?\Volume{...}\dir\file`,
/// `\Device\HarddiskVolumeN\dir\file` or `\dir\file`.
pub fn final_path(h: HANDLE, flags: u32) -> Result<String, NtStatus> {
    let unix = with_file(h, |f| super::info::path_of(f).ok_or(status::OBJECT_NAME_NOT_FOUND))?;
    let dos = path::unix_to_dos(&unix.to_string_lossy());
    let b = dos.as_bytes();
    if b.len() < 2 || b[1] != b':' {
        return Err(status::OBJECT_PATH_NOT_FOUND);
    }
    let letter = b[0];
    let rest = &dos[2..];
    let index = path::prefix().drives.iter().position(|d| d.letter == letter).unwrap_or(0) + 1;
    Ok(match flags & 7 {
        VOLUME_NAME_DOS => format!("\\\\?\\{dos}"),
        VOLUME_NAME_GUID => format!("\\\\?\\Volume{{00000000-0000-0000-0000-0000000000{:02x}}}{rest}", letter),
        VOLUME_NAME_NT => format!("\\Device\\HarddiskVolume{index}{rest}"),
        VOLUME_NAME_NONE => rest.to_string(),
        _ => return Err(status::INVALID_PARAMETER),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volumes() {
        crate::path::tests::test_prefix();
        let v = volume_info(Some("C:\\")).unwrap();
        assert_eq!((v.max_component, v.fs_name.as_str()), (255, "NTFS"));
        assert_eq!(volume_info(Some("C:\\windows\\")), Err(super::super::ops::win32_status(ERROR_DIR_NOT_ROOT)));
        assert_eq!(volume_info(Some("Q:\\")), Err(status::OBJECT_PATH_NOT_FOUND));
        assert_eq!(drive_type(Some("C:\\")), DRIVE_FIXED);
        assert_eq!(drive_type(Some("Z:")), DRIVE_FIXED);
        assert_eq!(drive_type(Some("Q:\\")), DRIVE_NO_ROOT_DIR);
        assert_eq!(drive_type(Some("C:\\windows")), DRIVE_NO_ROOT_DIR);
        assert!(logical_drive_strings().starts_with("C:\\\0"));
        assert!(logical_drive_strings().ends_with("Z:\\\0\0"));
        let s = disk_space(Some("C:\\")).unwrap();
        assert!(s.total >= s.free && s.free >= s.caller_free && s.total > 0);
    }
}
