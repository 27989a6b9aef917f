//! Volumes and drives: GetDiskFreeSpace(Ex), GetVolumeInformation(ByHandle), GetDriveType,
//! GetLogicalDrives, GetLogicalDriveStrings (`syscall_shims::file::volume`). Every drive is a
//! fixed NTFS disk without a label.

use super::{fail_status, name_a, name_w, store};
use crate::{OutStr, OutWStr};
use dllcore::{export, teb};
use syscall_shims::codepage;
use syscall_shims::errno::NtStatus;
use syscall_shims::file::volume::{self, VolumeInfo};
use windows_sys::Win32::Foundation::{ERROR_BAD_LENGTH, FALSE, HANDLE, TRUE};
use windows_sys::core::{BOOL, PCSTR, PCWSTR};

/// Copy a string (and its NUL) into a buffer of `size` units; false when it does not fit.
///
/// # Safety
/// `buf` must be NULL or valid for `size` elements.
unsafe fn put<T: Copy + Default>(s: &[T], buf: *mut T, size: u32) -> bool {
    if buf.is_null() {
        return true;
    }
    if s.len() >= size as usize {
        return false;
    }
    // SAFETY: per the contract.
    unsafe {
        std::ptr::copy_nonoverlapping(s.as_ptr(), buf, s.len());
        *buf.add(s.len()) = T::default();
    }
    true
}

#[allow(clippy::too_many_arguments)]
fn volume_out<T: Copy + Default>(
    r: Result<VolumeInfo, NtStatus>,
    conv: impl Fn(&str) -> Vec<T>,
    label: *mut T,
    label_size: u32,
    serial: *mut u32,
    max_comp: *mut u32,
    flags: *mut u32,
    fs: *mut T,
    fs_size: u32,
) -> BOOL {
    match r {
        Ok(v) => {
            // SAFETY: the program passes NULL or buffers of the given sizes and DWORDs.
            unsafe {
                if !put(&conv(&v.label), label, label_size) || !put(&conv(&v.fs_name), fs, fs_size) {
                    return teb::fail(ERROR_BAD_LENGTH, FALSE);
                }
                store(serial, v.serial);
                store(max_comp, v.max_component);
                store(flags, v.flags);
            }
            TRUE
        }
        Err(s) => fail_status(s, FALSE),
    }
}

fn wide(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

fn ansi(s: &str) -> Vec<u8> {
    codepage::wide_to_ansi(&wide(s))
}

/// GetVolumeInformationW: the volume of a root directory (`C:\`; NULL: the current drive):
/// no label, a serial number derived from the host device (the one GetFileInformationByHandle
/// reports for its files), 255-character names, "NTFS". ERROR_DIR_NOT_ROOT for a directory
/// that is not a root.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn GetVolumeInformationW(
    root: PCWSTR,
    label: OutWStr,
    label_size: u32,
    serial: *mut u32,
    max_comp: *mut u32,
    flags: *mut u32,
    fs: OutWStr,
    fs_size: u32,
) -> BOOL {
    // SAFETY: the program passes NULL or a NUL-terminated root.
    let r = volume::volume_info(unsafe { name_w(root) }.as_deref());
    volume_out(r, wide, label, label_size, serial, max_comp, flags, fs, fs_size)
}

/// GetVolumeInformationA: GetVolumeInformationW in the ANSI code page.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn GetVolumeInformationA(
    root: PCSTR,
    label: OutStr,
    label_size: u32,
    serial: *mut u32,
    max_comp: *mut u32,
    flags: *mut u32,
    fs: OutStr,
    fs_size: u32,
) -> BOOL {
    // SAFETY: the program passes NULL or a NUL-terminated root.
    let r = volume::volume_info(unsafe { name_a(root) }.as_deref());
    volume_out(r, ansi, label, label_size, serial, max_comp, flags, fs, fs_size)
}

/// GetVolumeInformationByHandleW: GetVolumeInformationW for the volume of an open file.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn GetVolumeInformationByHandleW(
    h: HANDLE,
    label: OutWStr,
    label_size: u32,
    serial: *mut u32,
    max_comp: *mut u32,
    flags: *mut u32,
    fs: OutWStr,
    fs_size: u32,
) -> BOOL {
    volume_out(volume::volume_info_handle(h), wide, label, label_size, serial, max_comp, flags, fs, fs_size)
}

fn free_space(dir: Option<String>, caller: *mut u64, total: *mut u64, free: *mut u64) -> BOOL {
    match volume::disk_space(dir.as_deref()) {
        Ok(s) => {
            // SAFETY: the program passes NULL or ULARGE_INTEGERs.
            unsafe {
                store(caller, s.caller_free);
                store(total, s.total);
                store(free, s.free);
            }
            TRUE
        }
        Err(e) => fail_status(e, FALSE),
    }
}

/// GetDiskFreeSpaceExW: free space for the caller, total size and free space of the volume
/// holding `dir` (NULL: the current directory's); any output may be NULL.
#[export]
pub unsafe extern "win64" fn GetDiskFreeSpaceExW(
    dir: PCWSTR,
    caller: *mut u64,
    total: *mut u64,
    free: *mut u64,
) -> BOOL {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    free_space(unsafe { name_w(dir) }, caller, total, free)
}

/// GetDiskFreeSpaceExA: GetDiskFreeSpaceExW with an ANSI name.
#[export]
pub unsafe extern "win64" fn GetDiskFreeSpaceExA(
    dir: PCSTR,
    caller: *mut u64,
    total: *mut u64,
    free: *mut u64,
) -> BOOL {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    free_space(unsafe { name_a(dir) }, caller, total, free)
}

fn clusters(dir: Option<String>, spc: *mut u32, bps: *mut u32, free: *mut u32, total: *mut u32) -> BOOL {
    match volume::disk_space(dir.as_deref()) {
        Ok(s) => {
            let cluster = s.block.max(512);
            let clamp = |v: u64| (v / cluster).min(u32::MAX as u64) as u32;
            // SAFETY: the program passes NULL or DWORDs.
            unsafe {
                store(spc, (cluster / 512) as u32);
                store(bps, 512);
                store(free, clamp(s.caller_free));
                store(total, clamp(s.total));
            }
            TRUE
        }
        Err(e) => fail_status(e, FALSE),
    }
}

/// GetDiskFreeSpaceW: the volume's geometry as clusters: sectors per cluster, 512-byte
/// sectors, free and total clusters (at most 0xFFFFFFFF each).
#[export]
pub unsafe extern "win64" fn GetDiskFreeSpaceW(
    root: PCWSTR,
    spc: *mut u32,
    bps: *mut u32,
    free: *mut u32,
    total: *mut u32,
) -> BOOL {
    // SAFETY: the program passes NULL or a NUL-terminated root.
    clusters(unsafe { name_w(root) }, spc, bps, free, total)
}

/// GetDiskFreeSpaceA: GetDiskFreeSpaceW with an ANSI name.
#[export]
pub unsafe extern "win64" fn GetDiskFreeSpaceA(
    root: PCSTR,
    spc: *mut u32,
    bps: *mut u32,
    free: *mut u32,
    total: *mut u32,
) -> BOOL {
    // SAFETY: the program passes NULL or a NUL-terminated root.
    clusters(unsafe { name_a(root) }, spc, bps, free, total)
}

/// GetDriveTypeW: DRIVE_FIXED for the root of a mapped drive (NULL: the current one),
/// DRIVE_NO_ROOT_DIR otherwise.
#[export]
pub unsafe extern "win64" fn GetDriveTypeW(root: PCWSTR) -> u32 {
    // SAFETY: the program passes NULL or a NUL-terminated root.
    volume::drive_type(unsafe { name_w(root) }.as_deref())
}

/// GetDriveTypeA: GetDriveTypeW with an ANSI name.
#[export]
pub unsafe extern "win64" fn GetDriveTypeA(root: PCSTR) -> u32 {
    // SAFETY: the program passes NULL or a NUL-terminated root.
    volume::drive_type(unsafe { name_a(root) }.as_deref())
}

/// GetLogicalDrives: a bit per mapped drive (bit 2 C:, bit 25 Z:, ...).
#[export]
pub extern "win64" fn GetLogicalDrives() -> u32 {
    volume::logical_drives()
}

/// Copy the drive strings; the length without the final NUL, or the size needed.
///
/// # Safety
/// `buf` must be valid for `size` elements.
unsafe fn drive_strings<T: Copy>(s: &[T], buf: *mut T, size: u32) -> u32 {
    let len = s.len() - 1;
    if buf.is_null() || (size as usize) < s.len() {
        return s.len() as u32;
    }
    // SAFETY: per the contract.
    unsafe { std::ptr::copy_nonoverlapping(s.as_ptr(), buf, s.len()) };
    len as u32
}

/// GetLogicalDriveStringsW: `C:\`, `Z:\`, ... each NUL-terminated, then a NUL; returns the
/// length without the last NUL, or the size needed.
#[export]
pub unsafe extern "win64" fn GetLogicalDriveStringsW(size: u32, buf: OutWStr) -> u32 {
    // SAFETY: the program passes `size` writable units.
    unsafe { drive_strings(&wide(&volume::logical_drive_strings()), buf, size) }
}

/// GetLogicalDriveStringsA: GetLogicalDriveStringsW in ANSI.
#[export]
pub unsafe extern "win64" fn GetLogicalDriveStringsA(size: u32, buf: OutStr) -> u32 {
    // SAFETY: the program passes `size` writable bytes.
    unsafe { drive_strings(volume::logical_drive_strings().as_bytes(), buf, size) }
}
