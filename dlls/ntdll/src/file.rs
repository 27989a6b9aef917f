//! The NT file API: handles and IO_STATUS_BLOCKs over `syscall_shims::file`.
//!
//! Every call completes before it returns: the IO_STATUS_BLOCK is filled, the event (if any)
//! signaled; APC routines are not called.

use crate::rtl::unicode;
use dllcore::export;
use syscall_shims::errno::{NtStatus, status};
use syscall_shims::file::info;
use syscall_shims::file::{self, At, OpenRequest, dir, lock, ops, volume};
use syscall_shims::handles::{self, Object};
use syscall_shims::path::{self, NtTarget};
use windows_sys::Wdk::Foundation::OBJECT_ATTRIBUTES;
use windows_sys::Wdk::Storage::FileSystem::{FILE_BASIC_INFORMATION, FILE_NETWORK_OPEN_INFORMATION};
use windows_sys::Win32::Foundation::{HANDLE, UNICODE_STRING};
use windows_sys::Win32::System::IO::IO_STATUS_BLOCK;

/// OBJ_INHERIT.
const OBJ_INHERIT: u32 = 0x2;

/// Fill an IO_STATUS_BLOCK (when given) and return the status.
///
/// # Safety
/// `iosb` must be NULL or valid.
unsafe fn done(iosb: *mut IO_STATUS_BLOCK, st: NtStatus, info: usize) -> NtStatus {
    if !iosb.is_null() {
        // SAFETY: per the contract.
        unsafe {
            (*iosb).Anonymous.Status = st;
            (*iosb).Information = info;
        }
    }
    st
}

/// Signal an I/O's event.
fn signal(event: HANDLE) {
    if !event.is_null()
        && let Ok(obj) = handles::get(event)
        && let Object::Event(e) = &*obj
    {
        e.set();
    }
}

/// What OBJECT_ATTRIBUTES name: the root directory handle (may be NULL), the name, inherit.
///
/// # Safety
/// `oa` must be NULL or valid, with a valid ObjectName.
unsafe fn attributes(oa: *const OBJECT_ATTRIBUTES) -> Result<(HANDLE, String, bool), NtStatus> {
    if oa.is_null() {
        return Err(status::INVALID_PARAMETER);
    }
    // SAFETY: per the contract.
    let oa = unsafe { &*oa };
    // SAFETY: as above.
    let name = unsafe { unicode(oa.ObjectName) }.ok_or(status::INVALID_PARAMETER)?;
    Ok((oa.RootDirectory, name, oa.Attributes & OBJ_INHERIT != 0))
}

/// What OBJECT_ATTRIBUTES designate.
///
/// # Safety
/// As [`attributes`].
unsafe fn target(oa: *const OBJECT_ATTRIBUTES) -> Result<NtTarget, NtStatus> {
    // SAFETY: per the contract.
    let (root, name, _) = unsafe { attributes(oa)? };
    if root.is_null() { path::nt_target(&name) } else { path::relative_target(&file::open::dir_path(root)?, &name) }
}

/// NtCreateFile: open or create the file the object attributes name (an NT path such as
/// `\??\C:\dir\x`, or a name relative to the RootDirectory handle): dispositions FILE_SUPERSEDE
/// .. FILE_OVERWRITE_IF, FILE_DIRECTORY_FILE / FILE_NON_DIRECTORY_FILE,
/// FILE_DELETE_ON_CLOSE, share modes. IoStatusBlock.Information is FILE_CREATED, FILE_OPENED,
/// FILE_OVERWRITTEN or FILE_SUPERSEDED. Names are case-insensitive.
/// The allocation size and extended attributes are ignored.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn NtCreateFile(
    out: *mut HANDLE,
    access: u32,
    oa: *const OBJECT_ATTRIBUTES,
    iosb: *mut IO_STATUS_BLOCK,
    _allocation: *const i64,
    attrs: u32,
    share: u32,
    disposition: u32,
    options: u32,
    _ea: *const core::ffi::c_void,
    _ea_len: u32,
) -> NtStatus {
    if out.is_null() {
        return status::ACCESS_VIOLATION;
    }
    // SAFETY: the program passes valid OBJECT_ATTRIBUTES.
    let r = unsafe { attributes(oa) }.and_then(|(root, name, inherit)| {
        let req = OpenRequest { access, attributes: attrs, share, disposition, options, inherit };
        file::open::open_nt(root, &name, &req)
    });
    match r {
        Ok((h, info)) => {
            // SAFETY: the program passes a HANDLE and an IO_STATUS_BLOCK to fill.
            unsafe {
                *out = h;
                done(iosb, status::SUCCESS, info as usize)
            }
        }
        Err(s) => {
            // SAFETY: as above.
            unsafe {
                *out = std::ptr::null_mut();
                done(iosb, s, 0)
            }
        }
    }
}

/// NtOpenFile: NtCreateFile with FILE_OPEN.
#[export]
pub unsafe extern "win64" fn NtOpenFile(
    out: *mut HANDLE,
    access: u32,
    oa: *const OBJECT_ATTRIBUTES,
    iosb: *mut IO_STATUS_BLOCK,
    share: u32,
    options: u32,
) -> NtStatus {
    // SAFETY: as NtCreateFile.
    unsafe { NtCreateFile(out, access, oa, iosb, std::ptr::null(), 0, share, 1, options, std::ptr::null(), 0) }
}

/// Where an NT transfer happens: NULL or FILE_USE_FILE_POINTER_POSITION (-2) the file
/// position, FILE_WRITE_TO_END_OF_FILE (-1) the end, else the offset.
///
/// # Safety
/// `off` must be NULL or valid.
unsafe fn position(off: *const i64) -> At {
    if off.is_null() {
        return At::Current;
    }
    // SAFETY: per the contract.
    match unsafe { *off } {
        -2 => At::Current,
        -1 => At::Offset(u64::MAX),
        v => At::Offset(v as u64),
    }
}

/// NtReadFile: read at the given offset (or the file position); STATUS_END_OF_FILE at the end
/// of a file, STATUS_PIPE_BROKEN on a pipe whose writers are gone, STATUS_FILE_LOCK_CONFLICT
/// on a range locked by another handle. The event is signaled when done.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn NtReadFile(
    h: HANDLE,
    event: HANDLE,
    _apc: *const core::ffi::c_void,
    _apc_ctx: *const core::ffi::c_void,
    iosb: *mut IO_STATUS_BLOCK,
    buf: *mut core::ffi::c_void,
    len: u32,
    off: *const i64,
    _key: *const u32,
) -> NtStatus {
    if buf.is_null() && len != 0 {
        return status::ACCESS_VIOLATION;
    }
    // SAFETY: the program passes `len` writable bytes.
    let data: &mut [u8] =
        if len == 0 { &mut [] } else { unsafe { std::slice::from_raw_parts_mut(buf as *mut u8, len as usize) } };
    let r = match handles::get(h).as_deref() {
        // SAFETY: off is NULL or valid.
        Ok(Object::File(_)) => file::read_at(h, data, unsafe { position(off) }),
        Ok(_) => file::read(h, data).map_err(syscall_shims::errno::win32_to_status),
        Err(_) => Err(status::INVALID_HANDLE),
    };
    let r = match r {
        Ok(0) if len != 0 => {
            Err(if file::file_type(h) == Ok(windows_sys::Win32::Storage::FileSystem::FILE_TYPE_PIPE) {
                status::PIPE_BROKEN
            } else {
                status::END_OF_FILE
            })
        }
        r => r,
    };
    signal(event);
    // SAFETY: the program passes an IO_STATUS_BLOCK.
    unsafe {
        match r {
            Ok(n) => done(iosb, status::SUCCESS, n),
            Err(s) => done(iosb, s, 0),
        }
    }
}

/// NtWriteFile: write at the given offset, the file position or (offset -1) the end.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn NtWriteFile(
    h: HANDLE,
    event: HANDLE,
    _apc: *const core::ffi::c_void,
    _apc_ctx: *const core::ffi::c_void,
    iosb: *mut IO_STATUS_BLOCK,
    buf: *const core::ffi::c_void,
    len: u32,
    off: *const i64,
    _key: *const u32,
) -> NtStatus {
    if buf.is_null() && len != 0 {
        return status::ACCESS_VIOLATION;
    }
    // SAFETY: the program passes `len` readable bytes.
    let data: &[u8] =
        if len == 0 { &[] } else { unsafe { std::slice::from_raw_parts(buf as *const u8, len as usize) } };
    let r = match handles::get(h).as_deref() {
        // SAFETY: off is NULL or valid.
        Ok(Object::File(_)) => file::write_at(h, data, unsafe { position(off) }),
        Ok(_) => file::write(h, data).map_err(syscall_shims::errno::win32_to_status),
        Err(_) => Err(status::INVALID_HANDLE),
    };
    signal(event);
    // SAFETY: the program passes an IO_STATUS_BLOCK.
    unsafe {
        match r {
            Ok(n) => done(iosb, status::SUCCESS, n),
            Err(s) => done(iosb, s, 0),
        }
    }
}

/// NtQueryInformationFile: the classes FileBasicInformation, FileStandardInformation,
/// FileInternalInformation, FileEaInformation, FileAccessInformation, FileNameInformation,
/// FilePositionInformation, FileModeInformation, FileAlignmentInformation,
/// FileAllInformation, FileStreamInformation, FileCompressionInformation,
/// FileNetworkOpenInformation, FileAttributeTagInformation, FileIdInformation,
/// FileStatInformation, FileCaseSensitiveInformation. A name that does not fit is
/// STATUS_BUFFER_OVERFLOW (with what fit).
#[export]
pub unsafe extern "win64" fn NtQueryInformationFile(
    h: HANDLE,
    iosb: *mut IO_STATUS_BLOCK,
    buf: *mut core::ffi::c_void,
    len: u32,
    cls: u32,
) -> NtStatus {
    if buf.is_null() && len != 0 {
        return status::ACCESS_VIOLATION;
    }
    // SAFETY: the program passes `len` writable bytes.
    let out: &mut [u8] =
        if len == 0 { &mut [] } else { unsafe { std::slice::from_raw_parts_mut(buf as *mut u8, len as usize) } };
    // SAFETY: the program passes an IO_STATUS_BLOCK.
    unsafe {
        match info::query(h, cls, out) {
            Ok(n) => done(iosb, status::SUCCESS, n),
            Err((s, n)) => done(iosb, s, n),
        }
    }
}

/// NtSetInformationFile: FileBasicInformation, FileRenameInformation(Ex), FileLinkInformation,
/// FileDispositionInformation(Ex), FilePositionInformation, FileAllocationInformation,
/// FileEndOfFileInformation, FileValidDataLengthInformation, FileModeInformation and
/// FileIoPriorityHintInformation (accepted).
#[export]
pub unsafe extern "win64" fn NtSetInformationFile(
    h: HANDLE,
    iosb: *mut IO_STATUS_BLOCK,
    buf: *const core::ffi::c_void,
    len: u32,
    cls: u32,
) -> NtStatus {
    if buf.is_null() && len != 0 {
        return status::ACCESS_VIOLATION;
    }
    // SAFETY: the program passes `len` readable bytes.
    let data: &[u8] =
        if len == 0 { &[] } else { unsafe { std::slice::from_raw_parts(buf as *const u8, len as usize) } };
    // SAFETY: the program passes an IO_STATUS_BLOCK.
    unsafe {
        match info::set(h, cls, data) {
            Ok(()) => done(iosb, status::SUCCESS, 0),
            Err(s) => done(iosb, s, 0),
        }
    }
}

/// NtQueryDirectoryFile: entries of the directory handle `h` in one of the classes
/// FileDirectoryInformation, FileFullDirectoryInformation, FileBothDirectoryInformation,
/// FileNamesInformation, FileIdBothDirectoryInformation, FileIdFullDirectoryInformation,
/// FileIdExtdDirectoryInformation, matching `mask` (NT wildcards; fixed by the first call or a
/// restart). STATUS_NO_SUCH_FILE when nothing matches, STATUS_NO_MORE_FILES at the end.
/// Short names are empty.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn NtQueryDirectoryFile(
    h: HANDLE,
    event: HANDLE,
    _apc: *const core::ffi::c_void,
    _apc_ctx: *const core::ffi::c_void,
    iosb: *mut IO_STATUS_BLOCK,
    buf: *mut core::ffi::c_void,
    len: u32,
    cls: u32,
    single: u8,
    mask: *const UNICODE_STRING,
    restart: u8,
) -> NtStatus {
    if buf.is_null() {
        return status::ACCESS_VIOLATION;
    }
    // SAFETY: the program passes `len` writable bytes and NULL or a UNICODE_STRING.
    let (out, mask) = unsafe { (std::slice::from_raw_parts_mut(buf as *mut u8, len as usize), unicode(mask)) };
    let r = dir::query_directory(h, cls, out, single != 0, mask.as_deref(), restart != 0);
    signal(event);
    // SAFETY: the program passes an IO_STATUS_BLOCK.
    unsafe {
        match r {
            Ok((n, s)) => done(iosb, s, n),
            Err(s) => done(iosb, s, 0),
        }
    }
}

/// NtQueryDirectoryFileEx: NtQueryDirectoryFile with SL_RESTART_SCAN (1) and
/// SL_RETURN_SINGLE_ENTRY (2) as flags.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn NtQueryDirectoryFileEx(
    h: HANDLE,
    event: HANDLE,
    apc: *const core::ffi::c_void,
    apc_ctx: *const core::ffi::c_void,
    iosb: *mut IO_STATUS_BLOCK,
    buf: *mut core::ffi::c_void,
    len: u32,
    cls: u32,
    flags: u32,
    mask: *const UNICODE_STRING,
) -> NtStatus {
    // SAFETY: as NtQueryDirectoryFile.
    unsafe {
        NtQueryDirectoryFile(
            h,
            event,
            apc,
            apc_ctx,
            iosb,
            buf,
            len,
            cls,
            (flags & 2 != 0) as u8,
            mask,
            (flags & 1 != 0) as u8,
        )
    }
}

/// NtQueryAttributesFile: the basic information of what the object attributes name, without
/// opening it.
#[export]
pub unsafe extern "win64" fn NtQueryAttributesFile(
    oa: *const OBJECT_ATTRIBUTES,
    out: *mut FILE_BASIC_INFORMATION,
) -> NtStatus {
    // SAFETY: the program passes valid OBJECT_ATTRIBUTES.
    match unsafe { target(oa) }.and_then(|t| info::stat_target(&t)) {
        Ok(st) => {
            let v = FILE_BASIC_INFORMATION {
                CreationTime: st.creation,
                LastAccessTime: st.access,
                LastWriteTime: st.write,
                ChangeTime: st.change,
                FileAttributes: st.attributes,
            };
            // SAFETY: the program passes a structure to fill.
            unsafe { out.write_unaligned(v) };
            status::SUCCESS
        }
        Err(s) => s,
    }
}

/// NtQueryFullAttributesFile: the network-open information (times, sizes, attributes) of what
/// the object attributes name, without opening it.
#[export]
pub unsafe extern "win64" fn NtQueryFullAttributesFile(
    oa: *const OBJECT_ATTRIBUTES,
    out: *mut FILE_NETWORK_OPEN_INFORMATION,
) -> NtStatus {
    // SAFETY: the program passes valid OBJECT_ATTRIBUTES.
    match unsafe { target(oa) }.and_then(|t| info::stat_target(&t)) {
        Ok(st) => {
            let v = FILE_NETWORK_OPEN_INFORMATION {
                CreationTime: st.creation,
                LastAccessTime: st.access,
                LastWriteTime: st.write,
                ChangeTime: st.change,
                AllocationSize: st.allocation as i64,
                EndOfFile: st.size as i64,
                FileAttributes: st.attributes,
            };
            // SAFETY: the program passes a structure to fill.
            unsafe { out.write_unaligned(v) };
            status::SUCCESS
        }
        Err(s) => s,
    }
}

/// NtDeleteFile: delete what the object attributes name (as DeleteFile; directories too, when
/// empty).
#[export]
pub unsafe extern "win64" fn NtDeleteFile(oa: *const OBJECT_ATTRIBUTES) -> NtStatus {
    // SAFETY: the program passes valid OBJECT_ATTRIBUTES.
    let t = match unsafe { target(oa) } {
        Ok(NtTarget::File(f)) => f,
        Ok(_) => return status::ACCESS_DENIED,
        Err(s) => return s,
    };
    let (p, st) = match ops::existing(&t, false) {
        Ok(v) => v,
        Err(s) => return s,
    };
    let dos = path::unix_to_dos(&p.to_string_lossy());
    let r = if st.is_dir() { ops::remove_dir_nt(&dos) } else { ops::delete_nt(&dos) };
    r.err().unwrap_or(status::SUCCESS)
}

/// NtFlushBuffersFile: FlushFileBuffers.
#[export]
pub unsafe extern "win64" fn NtFlushBuffersFile(h: HANDLE, iosb: *mut IO_STATUS_BLOCK) -> NtStatus {
    let r = file::flush(h).map_err(syscall_shims::errno::win32_to_status);
    // SAFETY: the program passes an IO_STATUS_BLOCK.
    unsafe { done(iosb, r.err().unwrap_or(status::SUCCESS), 0) }
}

/// NtLockFile: lock a byte range (`exclusive`; `fail_immediately` or wait).
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn NtLockFile(
    h: HANDLE,
    event: HANDLE,
    _apc: *const core::ffi::c_void,
    _apc_ctx: *const core::ffi::c_void,
    iosb: *mut IO_STATUS_BLOCK,
    off: *const i64,
    len: *const i64,
    _key: u32,
    fail_immediately: u8,
    exclusive: u8,
) -> NtStatus {
    if off.is_null() || len.is_null() {
        return status::INVALID_PARAMETER;
    }
    // SAFETY: the program passes the offset and length.
    let (o, l) = unsafe { (*off as u64, *len as u64) };
    let r = lock::lock(h, o, l, exclusive != 0, fail_immediately == 0);
    signal(event);
    // SAFETY: the program passes an IO_STATUS_BLOCK.
    unsafe { done(iosb, r.err().unwrap_or(status::SUCCESS), 0) }
}

/// NtUnlockFile: release a locked byte range.
#[export]
pub unsafe extern "win64" fn NtUnlockFile(
    h: HANDLE,
    iosb: *mut IO_STATUS_BLOCK,
    off: *const i64,
    len: *const i64,
    _key: u32,
) -> NtStatus {
    if off.is_null() || len.is_null() {
        return status::INVALID_PARAMETER;
    }
    // SAFETY: the program passes the offset and length.
    let r = lock::unlock(h, unsafe { *off } as u64, unsafe { *len } as u64);
    // SAFETY: the program passes an IO_STATUS_BLOCK.
    unsafe { done(iosb, r.err().unwrap_or(status::SUCCESS), 0) }
}

/// NtQueryVolumeInformationFile: FileFsVolumeInformation (1), FileFsSizeInformation (3),
/// FileFsDeviceInformation (4: a disk), FileFsAttributeInformation (5: NTFS),
/// FileFsFullSizeInformation (7) of the volume holding an open file.
#[export]
pub unsafe extern "win64" fn NtQueryVolumeInformationFile(
    h: HANDLE,
    iosb: *mut IO_STATUS_BLOCK,
    buf: *mut core::ffi::c_void,
    len: u32,
    cls: u32,
) -> NtStatus {
    if buf.is_null() {
        return status::ACCESS_VIOLATION;
    }
    // SAFETY: the program passes `len` writable bytes.
    let out = unsafe { std::slice::from_raw_parts_mut(buf as *mut u8, len as usize) };
    let r = (|| -> Result<usize, NtStatus> {
        let vi = volume::volume_info_handle(h)?;
        let space = || -> Result<volume::Space, NtStatus> {
            let p = file::with_file(h, |f| info::path_of(f).ok_or(status::OBJECT_NAME_NOT_FOUND))?;
            let d = if p.is_dir() { p } else { p.parent().map(|x| x.to_path_buf()).unwrap_or_default() };
            volume::disk_space(Some(&path::unix_to_dos(&d.to_string_lossy())))
        };
        let put32 = |out: &mut [u8], off: usize, v: u32| out[off..off + 4].copy_from_slice(&v.to_le_bytes());
        let put64 = |out: &mut [u8], off: usize, v: u64| out[off..off + 8].copy_from_slice(&v.to_le_bytes());
        match cls {
            1 => {
                // VolumeCreationTime, VolumeSerialNumber, VolumeLabelLength, SupportsObjects, label.
                if out.len() < 18 {
                    return Err(status::INFO_LENGTH_MISMATCH);
                }
                out[..18].fill(0);
                put32(out, 8, vi.serial);
                Ok(18)
            }
            3 | 7 => {
                let s = space()?;
                let cluster = s.block.max(512);
                let need = if cls == 3 { 24 } else { 32 };
                if out.len() < need {
                    return Err(status::INFO_LENGTH_MISMATCH);
                }
                put64(out, 0, s.total / cluster);
                put64(out, 8, s.caller_free / cluster);
                if cls == 3 {
                    put32(out, 16, (cluster / 512) as u32);
                    put32(out, 20, 512);
                } else {
                    put64(out, 16, s.free / cluster);
                    put32(out, 24, (cluster / 512) as u32);
                    put32(out, 28, 512);
                }
                Ok(need)
            }
            4 => {
                if out.len() < 8 {
                    return Err(status::INFO_LENGTH_MISMATCH);
                }
                put32(out, 0, 7); // FILE_DEVICE_DISK
                put32(out, 4, 0);
                Ok(8)
            }
            5 => {
                let name: Vec<u16> = vi.fs_name.encode_utf16().collect();
                if out.len() < 12 {
                    return Err(status::INFO_LENGTH_MISMATCH);
                }
                put32(out, 0, vi.flags);
                put32(out, 4, vi.max_component);
                put32(out, 8, (name.len() * 2) as u32);
                let (n, all) = info::put_name(out, 12, &name);
                if all { Ok(12 + n) } else { Err(status::BUFFER_OVERFLOW) }
            }
            _ => Err(status::INVALID_INFO_CLASS),
        }
    })();
    // SAFETY: the program passes an IO_STATUS_BLOCK.
    unsafe {
        match r {
            Ok(n) => done(iosb, status::SUCCESS, n),
            Err(s) => done(iosb, s, 0),
        }
    }
}

/// NtClose: close a handle (STATUS_INVALID_HANDLE when it is not open).
#[export]
pub extern "win64" fn NtClose(h: HANDLE) -> NtStatus {
    if (-6..=-1).contains(&(h as isize)) {
        return status::SUCCESS;
    }
    match handles::close(h) {
        Ok(()) => status::SUCCESS,
        Err(_) => status::INVALID_HANDLE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rtl::*;
    use syscall_shims::file::info::class;
    use windows_sys::Win32::Foundation::GENERIC_READ;

    fn w(s: &str) -> Vec<u16> {
        s.encode_utf16().chain([0]).collect()
    }

    #[test]
    fn nt_round_trip() {
        dllcore::teb::attach_current_thread();
        let dir = std::env::temp_dir().join(format!("wine-rs-ntdll-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let dos = path::unix_to_dos(dir.to_str().unwrap());
        let mut nt = UNICODE_STRING { Length: 0, MaximumLength: 0, Buffer: std::ptr::null_mut() };
        let mut part: *mut u16 = std::ptr::null_mut();
        let name = w(&format!("{dos}\\a.txt"));
        assert_eq!(unsafe { RtlDosPathNameToNtPathName_U(name.as_ptr(), &mut nt, &mut part, std::ptr::null_mut()) }, 1);
        assert_eq!(unsafe { unicode(&nt) }.unwrap(), format!("\\??\\{dos}\\a.txt"));
        assert_eq!(unsafe { *part }, b'a' as u16);
        let oa = OBJECT_ATTRIBUTES {
            Length: size_of::<OBJECT_ATTRIBUTES>() as u32,
            RootDirectory: std::ptr::null_mut(),
            ObjectName: &nt,
            Attributes: 0x40,
            SecurityDescriptor: std::ptr::null(),
            SecurityQualityOfService: std::ptr::null(),
        };
        let mut h: HANDLE = std::ptr::null_mut();
        let mut iosb: IO_STATUS_BLOCK = unsafe { std::mem::zeroed() };
        let rw = GENERIC_READ | 0x4000_0000;
        let st = unsafe {
            NtCreateFile(&mut h, rw, &oa, &mut iosb, std::ptr::null(), 0, 7, 2, 0x20 | 0x40, std::ptr::null(), 0)
        };
        assert_eq!((st, iosb.Information), (status::SUCCESS, 2));
        let st = unsafe {
            NtWriteFile(
                h,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
                &mut iosb,
                b"hello".as_ptr() as _,
                5,
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!((st, iosb.Information), (status::SUCCESS, 5));
        let mut buf = [0u8; 8];
        let off = 1i64;
        let st = unsafe {
            NtReadFile(
                h,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
                &mut iosb,
                buf.as_mut_ptr() as _,
                8,
                &off,
                std::ptr::null(),
            )
        };
        assert_eq!((st, &buf[..iosb.Information]), (status::SUCCESS, &b"ello"[..]));
        let st = unsafe {
            NtReadFile(
                h,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
                &mut iosb,
                buf.as_mut_ptr() as _,
                8,
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(st, status::END_OF_FILE);
        let mut std_info = [0u8; 24];
        let st = unsafe { NtQueryInformationFile(h, &mut iosb, std_info.as_mut_ptr() as _, 24, class::STANDARD) };
        assert_eq!((st, i64::from_le_bytes(std_info[8..16].try_into().unwrap())), (status::SUCCESS, 5));
        assert_eq!(NtClose(h), status::SUCCESS);
        assert_eq!(NtClose(h), status::INVALID_HANDLE);
        // Same name, again with FILE_CREATE: a collision; by another case: found.
        let st =
            unsafe { NtCreateFile(&mut h, rw, &oa, &mut iosb, std::ptr::null(), 0, 7, 2, 0x60, std::ptr::null(), 0) };
        assert_eq!(st, status::OBJECT_NAME_COLLISION);
        let upper = w(&format!("\\??\\{dos}\\A.TXT"));
        let mut us_upper = UNICODE_STRING { Length: 0, MaximumLength: 0, Buffer: std::ptr::null_mut() };
        unsafe { RtlInitUnicodeString(&mut us_upper, upper.as_ptr()) };
        let oa2 = OBJECT_ATTRIBUTES { ObjectName: &us_upper, ..oa };
        let mut us = UNICODE_STRING { Length: 0, MaximumLength: 0, Buffer: std::ptr::null_mut() };
        let mut basic: FILE_BASIC_INFORMATION = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { NtQueryAttributesFile(&oa2, &mut basic) }, status::SUCCESS);
        assert_eq!(basic.FileAttributes, 0x20);
        // The directory, listed through a handle; then a name relative to it.
        let dnt = w(&format!("\\??\\{dos}"));
        unsafe { RtlInitUnicodeString(&mut us, dnt.as_ptr()) };
        let oad = OBJECT_ATTRIBUTES { ObjectName: &us, ..oa };
        let mut d: HANDLE = std::ptr::null_mut();
        let st = unsafe { NtOpenFile(&mut d, GENERIC_READ | 1, &oad, &mut iosb, 7, 0x21) };
        assert_eq!(st, status::SUCCESS);
        let mut list = [0u8; 1024];
        let st = unsafe {
            NtQueryDirectoryFile(
                d,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
                &mut iosb,
                list.as_mut_ptr() as _,
                1024,
                12,
                0,
                std::ptr::null(),
                0,
            )
        };
        assert_eq!(st, status::SUCCESS);
        let names: Vec<String> = {
            let mut v = Vec::new();
            let mut off = 0usize;
            loop {
                let next = u32::from_le_bytes(list[off..off + 4].try_into().unwrap()) as usize;
                let len = u32::from_le_bytes(list[off + 8..off + 12].try_into().unwrap()) as usize;
                let units: Vec<u16> =
                    list[off + 12..off + 12 + len].chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
                v.push(String::from_utf16_lossy(&units));
                if next == 0 {
                    break;
                }
                off += next;
            }
            v
        };
        assert_eq!(names, [".", "..", "a.txt"]);
        let st = unsafe {
            NtQueryDirectoryFile(
                d,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
                &mut iosb,
                list.as_mut_ptr() as _,
                1024,
                12,
                0,
                std::ptr::null(),
                0,
            )
        };
        assert_eq!(st, status::NO_MORE_FILES);
        let rel = w("A.txt");
        unsafe { RtlInitUnicodeString(&mut us, rel.as_ptr()) };
        let oar = OBJECT_ATTRIBUTES { RootDirectory: d, ObjectName: &us, ..oa };
        let st = unsafe { NtOpenFile(&mut h, GENERIC_READ, &oar, &mut iosb, 7, 0x60) };
        assert_eq!(st, status::SUCCESS);
        NtClose(h);
        assert_eq!(unsafe { NtDeleteFile(&oar) }, status::SUCCESS);
        assert_eq!(unsafe { NtQueryAttributesFile(&oa2, &mut basic) }, status::OBJECT_NAME_NOT_FOUND);
        NtClose(d);
        unsafe { RtlFreeUnicodeString(&mut nt) };
        assert_eq!(RtlNtStatusToDosError(status::OBJECT_PATH_NOT_FOUND), 3);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
