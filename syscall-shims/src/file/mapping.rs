//! Sections (file mapping objects) and their views: CreateFileMapping, OpenFileMapping,
//! MapViewOfFile(Ex), UnmapViewOfFile, FlushViewOfFile.
//!
//! A file-backed section maps the file itself (MAP_SHARED), so every view of it, and ReadFile
//! and WriteFile on the file, see the same data. A pagefile-backed section is a memfd. Views
//! start on 64 KiB boundaries, as Windows places them. A section outlives its handle while a
//! view maps it; a file mapped by a section cannot be cut short (STATUS_USER_MAPPED_FILE).
//! Named sections are shared within the process (other processes: not yet).

use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::sync::{Arc, LazyLock, Mutex};

use super::{Node, READ_ACCESS, WRITE_ACCESS};
use crate::errno::{NtStatus, status};
use crate::handles::{self, Object};
use windows_sys::Win32::Foundation::HANDLE;
use windows_sys::Win32::System::Memory::{
    FILE_MAP_COPY, FILE_MAP_EXECUTE, FILE_MAP_WRITE, PAGE_EXECUTE_READ, PAGE_EXECUTE_READWRITE, PAGE_EXECUTE_WRITECOPY,
    PAGE_READONLY, PAGE_READWRITE, PAGE_WRITECOPY, SEC_IMAGE,
};

const GRANULARITY: usize = 0x10000;
const PAGE: usize = 0x1000;

/// A section: what its views map.
#[derive(Debug)]
pub struct Section {
    fd: i32,
    pub size: u64,
    /// PAGE_* (the base protection).
    pub protect: u32,
    node: Option<Arc<Node>>,
}

impl Drop for Section {
    fn drop(&mut self) {
        if let Some(n) = &self.node {
            n.sections.fetch_sub(1, Ordering::AcqRel);
        }
        // SAFETY: our fd.
        unsafe { libc::close(self.fd) };
    }
}

fn writable(protect: u32) -> bool {
    matches!(protect, PAGE_READWRITE | PAGE_EXECUTE_READWRITE)
}

/// CreateFileMapping: a section over the file `file` (NULL or INVALID_HANDLE_VALUE: memory
/// backed by the page file) of `max_size` bytes (0: the file's size), with a PAGE_* protection
/// (SEC_* flags accepted, SEC_IMAGE not supported), named or not. Returns the handle and
/// whether a section of that name already existed (then it is that one).
pub fn create(
    file: HANDLE,
    protect: u32,
    max_size: u64,
    name: Option<&str>,
    inherit: bool,
) -> Result<(HANDLE, bool), NtStatus> {
    if protect & SEC_IMAGE != 0 {
        return Err(status::NOT_SUPPORTED);
    }
    let prot = protect & 0xff;
    if !matches!(
        prot,
        PAGE_READONLY
            | PAGE_READWRITE
            | PAGE_WRITECOPY
            | PAGE_EXECUTE_READ
            | PAGE_EXECUTE_READWRITE
            | PAGE_EXECUTE_WRITECOPY
    ) {
        return Err(status::INVALID_PAGE_PROTECTION);
    }
    let pagefile = file.is_null() || file as isize == -1;
    let make = || -> Result<Arc<Object>, NtStatus> {
        let s = if pagefile { pagefile_section(prot, max_size)? } else { file_section(file, prot, max_size)? };
        Ok(Arc::new(Object::Section(s)))
    };
    let (obj, existed) = match name {
        Some(n) if !n.is_empty() => {
            let mut err = None;
            let r = handles::create_named(
                n,
                |o| matches!(o, Object::Section(_)),
                || {
                    make().map_err(|e| {
                        err = Some(e);
                        0u32
                    })
                },
            );
            match r {
                Ok(v) => v,
                Err(_) if err.is_some() => return Err(err.unwrap_or(status::UNSUCCESSFUL)),
                Err(e) => return Err(crate::errno::win32_to_status(e)),
            }
        }
        _ => (make()?, false),
    };
    Ok((handles::insert(obj, inherit), existed))
}

fn pagefile_section(prot: u32, size: u64) -> Result<Section, NtStatus> {
    if size == 0 {
        return Err(status::INVALID_PARAMETER);
    }
    // SAFETY: a NUL-terminated name.
    let fd = unsafe { libc::memfd_create(c"wine-rs-section".as_ptr(), libc::MFD_CLOEXEC) };
    if fd < 0 {
        return Err(crate::errno::last_status());
    }
    // SAFETY: ftruncate of our memfd.
    if unsafe { libc::ftruncate(fd, size as libc::off_t) } != 0 {
        let e = crate::errno::last_status();
        // SAFETY: our fd.
        unsafe { libc::close(fd) };
        return Err(e);
    }
    Ok(Section { fd, size, protect: prot, node: None })
}

fn file_section(file: HANDLE, prot: u32, max_size: u64) -> Result<Section, NtStatus> {
    super::with_file(file, |f| {
        let o = f.opened()?;
        let need = if writable(prot) { READ_ACCESS | WRITE_ACCESS } else { READ_ACCESS };
        if o.access & READ_ACCESS == 0 || (writable(prot) && o.access & WRITE_ACCESS == 0) || o.is_dir {
            let _ = need;
            return Err(status::ACCESS_DENIED);
        }
        let cur = super::fstat_fd(f.fd)?.st_size as u64;
        let size = if max_size == 0 { cur } else { max_size };
        if size == 0 {
            return Err(status::MAPPED_FILE_SIZE_ZERO);
        }
        if size > cur {
            if !writable(prot) {
                return Err(status::SECTION_TOO_BIG);
            }
            // SAFETY: ftruncate has no memory preconditions.
            if unsafe { libc::ftruncate(f.fd, size as libc::off_t) } != 0 {
                return Err(crate::errno::last_status());
            }
        }
        // SAFETY: F_DUPFD_CLOEXEC has no memory preconditions.
        let fd = unsafe { libc::fcntl(f.fd, libc::F_DUPFD_CLOEXEC, 0) };
        if fd < 0 {
            return Err(crate::errno::last_status());
        }
        o.node.sections.fetch_add(1, Ordering::AcqRel);
        Ok(Section { fd, size, protect: prot, node: Some(o.node.clone()) })
    })
}

/// OpenFileMapping: the section of that name (STATUS_OBJECT_NAME_NOT_FOUND when none).
pub fn open(name: &str, inherit: bool) -> Result<HANDLE, NtStatus> {
    let o = handles::open_named(name, |o| matches!(o, Object::Section(_))).map_err(crate::errno::win32_to_status)?;
    Ok(handles::insert(o, inherit))
}

struct View {
    len: usize,
    /// Keeps the section alive while the view maps it.
    _section: Arc<Object>,
}

static VIEWS: LazyLock<Mutex<BTreeMap<usize, View>>> = LazyLock::new(|| Mutex::new(BTreeMap::new()));

/// Reserve `len` bytes at a 64 KiB boundary.
fn reserve_aligned(len: usize) -> Result<usize, NtStatus> {
    let total = len + GRANULARITY;
    // SAFETY: an anonymous PROT_NONE reservation.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            total,
            libc::PROT_NONE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        return Err(status::NO_MEMORY);
    }
    let start = p as usize;
    let aligned = start.next_multiple_of(GRANULARITY);
    // SAFETY: giving back the parts of our reservation around the aligned range.
    unsafe {
        if aligned > start {
            libc::munmap(p, aligned - start);
        }
        let end = start + total;
        if end > aligned + len {
            libc::munmap((aligned + len) as *mut _, end - aligned - len);
        }
    }
    Ok(aligned)
}

/// MapViewOfFile(Ex): map `size` bytes (0: to the section's end) of the section `h` from
/// `offset` (a multiple of 64 KiB), with FILE_MAP_* `access`, at `base` (0: anywhere).
pub fn map(h: HANDLE, access: u32, offset: u64, size: usize, base: usize) -> Result<usize, NtStatus> {
    let obj = handles::get(h).map_err(|_| status::INVALID_HANDLE)?;
    let Object::Section(s) = &*obj else { return Err(status::OBJECT_TYPE_MISMATCH) };
    if !offset.is_multiple_of(GRANULARITY as u64) {
        return Err(status::MAPPED_ALIGNMENT);
    }
    if offset >= s.size {
        return Err(status::INVALID_VIEW_SIZE);
    }
    let len = if size == 0 { (s.size - offset) as usize } else { size };
    if offset + len as u64 > s.size {
        return Err(status::INVALID_VIEW_SIZE);
    }
    let copy = access & FILE_MAP_COPY != 0 && access & FILE_MAP_WRITE == 0
        || (access & FILE_MAP_WRITE != 0 && matches!(s.protect, PAGE_WRITECOPY | PAGE_EXECUTE_WRITECOPY));
    if access & FILE_MAP_WRITE != 0 && !copy && !writable(s.protect) {
        return Err(status::ACCESS_DENIED);
    }
    if access & FILE_MAP_EXECUTE != 0
        && !matches!(s.protect, PAGE_EXECUTE_READ | PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY)
    {
        return Err(status::ACCESS_DENIED);
    }
    let mut prot = libc::PROT_READ;
    if access & FILE_MAP_WRITE != 0 || copy {
        prot |= libc::PROT_WRITE;
    }
    if access & FILE_MAP_EXECUTE != 0 {
        prot |= libc::PROT_EXEC;
    }
    let flags = if copy { libc::MAP_PRIVATE } else { libc::MAP_SHARED };
    let addr = if base != 0 {
        if !base.is_multiple_of(GRANULARITY) {
            return Err(status::MAPPED_ALIGNMENT);
        }
        // SAFETY: mapping at a requested address that must be free.
        let p = unsafe {
            libc::mmap(base as *mut _, len, prot, flags | libc::MAP_FIXED_NOREPLACE, s.fd, offset as libc::off_t)
        };
        if p == libc::MAP_FAILED || p as usize != base {
            if p != libc::MAP_FAILED {
                // SAFETY: an unwanted mapping of ours.
                unsafe { libc::munmap(p, len) };
            }
            return Err(status::INVALID_ADDRESS);
        }
        base
    } else {
        let at = reserve_aligned(len)?;
        // SAFETY: mapping over our own reservation.
        let p = unsafe { libc::mmap(at as *mut _, len, prot, flags | libc::MAP_FIXED, s.fd, offset as libc::off_t) };
        if p == libc::MAP_FAILED {
            let e = crate::errno::last_status();
            // SAFETY: our reservation.
            unsafe { libc::munmap(at as *mut _, len) };
            return Err(e);
        }
        at
    };
    VIEWS.lock().unwrap_or_else(|e| e.into_inner()).insert(addr, View { len, _section: obj.clone() });
    Ok(addr)
}

/// The view containing `addr`: (base, length).
fn view_at(views: &BTreeMap<usize, View>, addr: usize) -> Option<(usize, usize)> {
    let (&b, v) = views.range(..=addr).next_back()?;
    (addr < b + v.len.max(1)).then_some((b, v.len))
}

/// UnmapViewOfFile: unmap the view containing `addr` (STATUS_NOT_MAPPED_VIEW when none).
pub fn unmap(addr: usize) -> Result<(), NtStatus> {
    let mut views = VIEWS.lock().unwrap_or_else(|e| e.into_inner());
    let (b, len) = view_at(&views, addr).ok_or(status::NOT_MAPPED_VIEW)?;
    let v = views.remove(&b);
    drop(views);
    // SAFETY: a view we mapped.
    unsafe { libc::munmap(b as *mut _, len) };
    drop(v);
    Ok(())
}

/// FlushViewOfFile: write `len` bytes of a view from `addr` (0: to the view's end) to the file.
pub fn flush(addr: usize, len: usize) -> Result<(), NtStatus> {
    let views = VIEWS.lock().unwrap_or_else(|e| e.into_inner());
    let (b, vlen) = view_at(&views, addr).ok_or(status::NOT_MAPPED_VIEW)?;
    drop(views);
    let start = addr & !(PAGE - 1);
    let end = if len == 0 { b + vlen } else { (addr + len).min(b + vlen) };
    // SAFETY: msync over part of a view we mapped.
    if unsafe { libc::msync(start as *mut _, end - start, libc::MS_SYNC) } != 0 {
        return Err(crate::errno::last_status());
    }
    Ok(())
}

/// The view containing `addr`, if any: (base, length).
pub fn view(addr: usize) -> Option<(usize, usize)> {
    view_at(&VIEWS.lock().unwrap_or_else(|e| e.into_inner()), addr)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::open::tests::scratch;
    use crate::file::{At, CreateOptions, create, read_at, set_size, write_at};
    use windows_sys::Win32::Foundation::{GENERIC_READ, GENERIC_WRITE};
    use windows_sys::Win32::Storage::FileSystem::{CREATE_ALWAYS, OPEN_EXISTING};
    use windows_sys::Win32::System::Memory::FILE_MAP_READ;

    #[test]
    fn file_views_share_data() {
        let (dos, dir) = scratch("map");
        let f = format!("{dos}\\m.bin");
        let o = CreateOptions {
            access: GENERIC_READ | GENERIC_WRITE,
            disposition: CREATE_ALWAYS,
            flags: 0,
            inherit: false,
        };
        let (h, _) = create(&f, &o).unwrap();
        assert_eq!(create_section(h, PAGE_READWRITE, 0), Err(status::MAPPED_FILE_SIZE_ZERO));
        let (s, existed) = super::create(h, PAGE_READWRITE, 0x20000, None, false).unwrap();
        assert!(!existed);
        assert_eq!(std::fs::metadata(dir.join("m.bin")).unwrap().len(), 0x20000, "the file grows");
        let a = map(s, FILE_MAP_WRITE, 0, 0, 0).unwrap();
        let b = map(s, FILE_MAP_READ, 0x10000, 0x100, 0).unwrap();
        assert_eq!(a % GRANULARITY, 0);
        // SAFETY: views we mapped.
        unsafe {
            *(a as *mut u8).add(0x10005) = 42;
            assert_eq!(*(b as *const u8).add(5), 42, "two views share data");
        }
        let mut buf = [0u8; 1];
        read_at(h, &mut buf, At::Offset(0x10005)).unwrap();
        assert_eq!(buf[0], 42, "a view agrees with ReadFile");
        write_at(h, &[7], At::Offset(3)).unwrap();
        // SAFETY: as above.
        assert_eq!(unsafe { *(a as *const u8).add(3) }, 7);
        flush(a + 3, 1).unwrap();
        assert_eq!(set_size(h, 10), Err(status::USER_MAPPED_FILE));
        assert_eq!(map(s, FILE_MAP_READ, 0x1000, 0, 0), Err(status::MAPPED_ALIGNMENT));
        assert_eq!(map(s, FILE_MAP_READ, 0, 0x30000, 0), Err(status::INVALID_VIEW_SIZE));
        handles::close(s).unwrap();
        // The views keep the section.
        // SAFETY: as above.
        assert_eq!(unsafe { *(b as *const u8).add(5) }, 42);
        unmap(a).unwrap();
        unmap(b + 10).unwrap();
        assert_eq!(unmap(b), Err(status::NOT_MAPPED_VIEW));
        set_size(h, 10).unwrap();
        handles::close(h).unwrap();
        // A read-only handle: no read-write section.
        let (r, _) = create(&f, &CreateOptions { access: GENERIC_READ, disposition: OPEN_EXISTING, ..o }).unwrap();
        assert_eq!(create_section(r, PAGE_READWRITE, 0), Err(status::ACCESS_DENIED));
        assert_eq!(create_section(r, PAGE_READONLY, 100), Err(status::SECTION_TOO_BIG));
        let (s, _) = super::create(r, PAGE_READONLY, 0, None, false).unwrap();
        assert_eq!(map(s, FILE_MAP_WRITE, 0, 0, 0), Err(status::ACCESS_DENIED));
        handles::close(s).unwrap();
        handles::close(r).unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }

    fn create_section(h: HANDLE, p: u32, size: u64) -> Result<HANDLE, NtStatus> {
        super::create(h, p, size, None, false).map(|r| r.0)
    }

    #[test]
    fn named_pagefile_sections() {
        let (s, existed) =
            super::create(std::ptr::null_mut(), PAGE_READWRITE, 4096, Some("wine-rs-test-sec"), false).unwrap();
        assert!(!existed);
        let (s2, existed) =
            super::create(-1isize as HANDLE, PAGE_READWRITE, 4096, Some("wine-rs-test-sec"), false).unwrap();
        assert!(existed);
        let o = open("wine-rs-test-sec", false).unwrap();
        let a = map(s, FILE_MAP_WRITE, 0, 0, 0).unwrap();
        let b = map(o, FILE_MAP_READ, 0, 0, 0).unwrap();
        // SAFETY: views we mapped.
        unsafe {
            *(a as *mut u32) = 0xfeed;
            assert_eq!(*(b as *const u32), 0xfeed);
        }
        let c = map(s2, FILE_MAP_COPY, 0, 0, 0).unwrap();
        // SAFETY: as above.
        unsafe {
            *(c as *mut u32) = 1;
            assert_eq!(*(a as *const u32), 0xfeed, "a copy-on-write view keeps its changes");
        }
        for v in [a, b, c] {
            unmap(v).unwrap();
        }
        for h in [s, s2, o] {
            handles::close(h).unwrap();
        }
        assert_eq!(open("wine-rs-test-sec", false), Err(status::OBJECT_NAME_NOT_FOUND));
        assert_eq!(super::create(std::ptr::null_mut(), PAGE_READWRITE, 0, None, false), Err(status::INVALID_PARAMETER));
    }
}
