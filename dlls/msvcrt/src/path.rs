//! Path names taken apart and put together: `_splitpath`, `_makepath` and their `_s` and
//! wide forms (stdlib.h).
//!
//! `_splitpath` cuts a path into drive (`"C:"`), directory (up to and including the last `\`
//! or `/`), file name, and extension (from the last `.` of the file part, dot included). The
//! plain forms copy each part whole (the caller's buffers are assumed to be `_MAX_DRIVE`,
//! `_MAX_DIR`, `_MAX_FNAME` and `_MAX_EXT` long); the `_s` forms check every buffer: a NULL
//! buffer with a non-zero size or a buffer with size 0 is EINVAL; a part that does not fit
//! empties every buffer and is ERANGE (both through the invalid-parameter handler).
//!
//! `_makepath` joins drive (its letter and `:`), directory (a `\` added unless it ends with
//! one of `\` or `/`), file name and extension (a `.` added unless it starts with one); empty
//! or NULL parts are left out. `_makepath_s` checks the size: ERANGE (and an empty result) if
//! the path does not fit. Bytes are taken one at a time (the "C" locale's single-byte code
//! page).

use crate::errno::{EINVAL, ERANGE};
use crate::invalid::fail;
use crate::safe::Unit;
use dllcore::export;

/// `\`, `/`, `.`, `:` as units of either width.
fn unit<T: Unit>(c: u8) -> T {
    T::from_i32(c as i32)
}

/// NUL-terminated length.
unsafe fn len<T: Unit>(s: *const T) -> usize {
    let mut n = 0;
    while unsafe { *s.add(n) } != T::default() {
        n += 1;
    }
    n
}

/// The four parts of a path, as (start, length) ranges of it.
struct Parts {
    drive: (usize, usize),
    dir: (usize, usize),
    fname: (usize, usize),
    ext: (usize, usize),
}

fn split<T: Unit>(p: &[T]) -> Parts {
    let drive = if p.len() >= 2 && p[1] == unit(b':') { 2 } else { 0 };
    let rest = &p[drive..];
    let dir_len = rest.iter().rposition(|&c| c == unit(b'\\') || c == unit(b'/')).map_or(0, |i| i + 1);
    let file = &rest[dir_len..];
    let dot = file.iter().rposition(|&c| c == unit(b'.'));
    let fname_len = dot.unwrap_or(file.len());
    Parts {
        drive: (0, drive),
        dir: (drive, dir_len),
        fname: (drive + dir_len, fname_len),
        ext: (drive + dir_len + fname_len, file.len() - fname_len),
    }
}

/// Copy `part` of `p` to `out` (NUL-terminated), unless `out` is NULL.
unsafe fn put<T: Unit>(out: *mut T, p: &[T], part: (usize, usize)) {
    if !out.is_null() {
        unsafe {
            std::ptr::copy_nonoverlapping(p.as_ptr().add(part.0), out, part.1);
            *out.add(part.1) = T::default();
        }
    }
}

unsafe fn splitpath<T: Unit>(path: *const T, drive: *mut T, dir: *mut T, fname: *mut T, ext: *mut T) {
    if path.is_null() {
        for out in [drive, dir, fname, ext] {
            if !out.is_null() {
                unsafe { *out = T::default() };
            }
        }
        fail(EINVAL);
        return;
    }
    let p = unsafe { std::slice::from_raw_parts(path, len(path)) };
    let parts = split(p);
    unsafe {
        put(drive, p, parts.drive);
        put(dir, p, parts.dir);
        put(fname, p, parts.fname);
        put(ext, p, parts.ext);
    }
}

#[allow(clippy::too_many_arguments)]
unsafe fn splitpath_s<T: Unit>(
    path: *const T,
    drive: *mut T,
    drive_size: usize,
    dir: *mut T,
    dir_size: usize,
    fname: *mut T,
    fname_size: usize,
    ext: *mut T,
    ext_size: usize,
) -> i32 {
    let outs = [(drive, drive_size), (dir, dir_size), (fname, fname_size), (ext, ext_size)];
    let bad = |(b, n): (*mut T, usize)| (b.is_null() && n != 0) || (!b.is_null() && n == 0);
    let clear = || {
        for (b, n) in outs {
            if !b.is_null() && n > 0 {
                unsafe { *b = T::default() };
            }
        }
    };
    if path.is_null() || outs.iter().any(|&o| bad(o)) {
        clear();
        return fail(EINVAL);
    }
    let p = unsafe { std::slice::from_raw_parts(path, len(path)) };
    let parts = split(p);
    let lens = [parts.drive, parts.dir, parts.fname, parts.ext];
    if outs.iter().zip(lens).any(|(&(b, n), part)| !b.is_null() && part.1 >= n) {
        clear();
        return fail(ERANGE);
    }
    for (&(b, _), part) in outs.iter().zip(lens) {
        unsafe { put(b, p, part) };
    }
    0
}

/// The joined path's units (without the NUL).
unsafe fn join<T: Unit>(drive: *const T, dir: *const T, fname: *const T, ext: *const T) -> Vec<T> {
    let s = |p: *const T| -> &[T] {
        if p.is_null() { &[] } else { unsafe { std::slice::from_raw_parts(p, len(p)) } }
    };
    let mut out = Vec::new();
    if let Some(&d) = s(drive).first() {
        out.push(d);
        out.push(unit(b':'));
    }
    let dir = s(dir);
    if !dir.is_empty() {
        out.extend_from_slice(dir);
        let last = dir[dir.len() - 1];
        if last != unit(b'\\') && last != unit(b'/') {
            out.push(unit(b'\\'));
        }
    }
    out.extend_from_slice(s(fname));
    let ext = s(ext);
    if !ext.is_empty() {
        if ext[0] != unit(b'.') {
            out.push(unit(b'.'));
        }
        out.extend_from_slice(ext);
    }
    out
}

unsafe fn makepath<T: Unit>(path: *mut T, drive: *const T, dir: *const T, fname: *const T, ext: *const T) {
    if path.is_null() {
        fail(EINVAL);
        return;
    }
    let v = unsafe { join(drive, dir, fname, ext) };
    unsafe {
        std::ptr::copy_nonoverlapping(v.as_ptr(), path, v.len());
        *path.add(v.len()) = T::default();
    }
}

unsafe fn makepath_s<T: Unit>(
    path: *mut T,
    size: usize,
    drive: *const T,
    dir: *const T,
    fname: *const T,
    ext: *const T,
) -> i32 {
    if path.is_null() || size == 0 {
        return fail(EINVAL);
    }
    let v = unsafe { join(drive, dir, fname, ext) };
    if v.len() >= size {
        unsafe { *path = T::default() };
        return fail(ERANGE);
    }
    unsafe {
        std::ptr::copy_nonoverlapping(v.as_ptr(), path, v.len());
        *path.add(v.len()) = T::default();
    }
    0
}

/// _splitpath: cut `path` into drive, directory, file name and extension (NULL outputs are
/// skipped; a NULL path is EINVAL with every output emptied).
#[export]
pub unsafe extern "win64" fn _splitpath(path: *const u8, drive: *mut u8, dir: *mut u8, fname: *mut u8, ext: *mut u8) {
    unsafe { splitpath(path, drive, dir, fname, ext) }
}

/// _wsplitpath: _splitpath for UTF-16.
#[export]
pub unsafe extern "win64" fn _wsplitpath(
    path: *const u16,
    drive: *mut u16,
    dir: *mut u16,
    fname: *mut u16,
    ext: *mut u16,
) {
    unsafe { splitpath(path, drive, dir, fname, ext) }
}

/// _splitpath_s: _splitpath with a size for each output (see the module comment).
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn _splitpath_s(
    path: *const u8,
    drive: *mut u8,
    drive_size: usize,
    dir: *mut u8,
    dir_size: usize,
    fname: *mut u8,
    fname_size: usize,
    ext: *mut u8,
    ext_size: usize,
) -> i32 {
    unsafe { splitpath_s(path, drive, drive_size, dir, dir_size, fname, fname_size, ext, ext_size) }
}

/// _wsplitpath_s: _splitpath_s for UTF-16.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn _wsplitpath_s(
    path: *const u16,
    drive: *mut u16,
    drive_size: usize,
    dir: *mut u16,
    dir_size: usize,
    fname: *mut u16,
    fname_size: usize,
    ext: *mut u16,
    ext_size: usize,
) -> i32 {
    unsafe { splitpath_s(path, drive, drive_size, dir, dir_size, fname, fname_size, ext, ext_size) }
}

/// _makepath: join drive, directory, file name and extension into `path` (assumed to hold
/// `_MAX_PATH` characters).
#[export]
pub unsafe extern "win64" fn _makepath(path: *mut u8, drive: *const u8, dir: *const u8, fname: *const u8, ext: *const u8) {
    unsafe { makepath(path, drive, dir, fname, ext) }
}

/// _wmakepath: _makepath for UTF-16.
#[export]
pub unsafe extern "win64" fn _wmakepath(
    path: *mut u16,
    drive: *const u16,
    dir: *const u16,
    fname: *const u16,
    ext: *const u16,
) {
    unsafe { makepath(path, drive, dir, fname, ext) }
}

/// _makepath_s: _makepath into a buffer of `size` characters (EINVAL, ERANGE).
#[export]
pub unsafe extern "win64" fn _makepath_s(
    path: *mut u8,
    size: usize,
    drive: *const u8,
    dir: *const u8,
    fname: *const u8,
    ext: *const u8,
) -> i32 {
    unsafe { makepath_s(path, size, drive, dir, fname, ext) }
}

/// _wmakepath_s: _makepath_s for UTF-16.
#[export]
pub unsafe extern "win64" fn _wmakepath_s(
    path: *mut u16,
    size: usize,
    drive: *const u16,
    dir: *const u16,
    fname: *const u16,
    ext: *const u16,
) -> i32 {
    unsafe { makepath_s(path, size, drive, dir, fname, ext) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cstr(b: &[u8]) -> String {
        String::from_utf8(b[..b.iter().position(|&c| c == 0).unwrap()].to_vec()).unwrap()
    }

    fn sp(path: &str) -> [String; 4] {
        let p = format!("{path}\0");
        let (mut a, mut b, mut c, mut d) = ([0u8; 8], [0u8; 256], [0u8; 256], [0u8; 256]);
        unsafe {
            _splitpath(p.as_ptr(), a.as_mut_ptr(), b.as_mut_ptr(), c.as_mut_ptr(), d.as_mut_ptr());
        }
        [cstr(&a), cstr(&b), cstr(&c), cstr(&d)]
    }

    #[test]
    fn splits() {
        assert_eq!(sp(r"C:\dir\sub\name.tar.gz"), ["C:", r"\dir\sub\", "name.tar", ".gz"]);
        assert_eq!(sp("name"), ["", "", "name", ""]);
        assert_eq!(sp("a/b.c/d"), ["", "a/b.c/", "d", ""]);
        assert_eq!(sp(r"\\server\share\f."), ["", r"\\server\share\", "f", "."]);
        assert_eq!(sp("x:"), ["x:", "", "", ""]);
        assert_eq!(sp(".profile"), ["", "", "", ".profile"]);
        assert_eq!(sp(""), ["", "", "", ""]);
    }

    #[test]
    fn split_s_checks_sizes() {
        let p = b"C:\\dir\\name.ext\0";
        let (mut a, mut b, mut c, mut d) = ([b'?'; 3], [b'?'; 8], [b'?'; 5], [b'?'; 5]);
        let r = unsafe {
            _splitpath_s(p.as_ptr(), a.as_mut_ptr(), 3, b.as_mut_ptr(), 8, c.as_mut_ptr(), 5, d.as_mut_ptr(), 5)
        };
        assert_eq!(r, 0);
        assert_eq!((cstr(&a), cstr(&b), cstr(&c), cstr(&d)), ("C:".into(), r"\dir\".into(), "name".into(), ".ext".into()));
        // "name" needs 5 units: 4 is ERANGE and empties every buffer.
        let r = unsafe {
            _splitpath_s(p.as_ptr(), a.as_mut_ptr(), 3, b.as_mut_ptr(), 8, c.as_mut_ptr(), 4, d.as_mut_ptr(), 5)
        };
        assert_eq!(r, ERANGE);
        assert!(a[0] == 0 && b[0] == 0 && c[0] == 0 && d[0] == 0);
        let r = unsafe {
            _splitpath_s(p.as_ptr(), std::ptr::null_mut(), 3, b.as_mut_ptr(), 8, c.as_mut_ptr(), 5, d.as_mut_ptr(), 5)
        };
        assert_eq!(r, EINVAL, "NULL buffer with a size");
        let r = unsafe {
            _splitpath_s(p.as_ptr(), std::ptr::null_mut(), 0, std::ptr::null_mut(), 0, c.as_mut_ptr(), 5, std::ptr::null_mut(), 0)
        };
        assert_eq!((r, cstr(&c)), (0, "name".into()), "only the file name asked for");
    }

    #[test]
    fn makes() {
        let mut out = [0u8; 64];
        let mk = |out: &mut [u8; 64], d: &[u8], di: &[u8], f: &[u8], e: &[u8]| {
            unsafe { _makepath(out.as_mut_ptr(), d.as_ptr(), di.as_ptr(), f.as_ptr(), e.as_ptr()) };
            cstr(out)
        };
        assert_eq!(mk(&mut out, b"c\0", b"\\dir\0", b"name\0", b"txt\0"), r"c:\dir\name.txt");
        assert_eq!(mk(&mut out, b"C:\0", b"dir/\0", b"name\0", b".txt\0"), "C:dir/name.txt");
        assert_eq!(mk(&mut out, b"\0", b"\0", b"name\0", b"\0"), "name");
        unsafe { _makepath(out.as_mut_ptr(), std::ptr::null(), std::ptr::null(), b"f\0".as_ptr(), std::ptr::null()) };
        assert_eq!(cstr(&out), "f");
        let mut small = [b'?'; 6];
        let r = unsafe { _makepath_s(small.as_mut_ptr(), 6, b"c\0".as_ptr(), std::ptr::null(), b"abc\0".as_ptr(), std::ptr::null()) };
        assert_eq!((r, cstr(&small)), (0, "c:abc".into()));
        let r = unsafe { _makepath_s(small.as_mut_ptr(), 5, b"c\0".as_ptr(), std::ptr::null(), b"abc\0".as_ptr(), std::ptr::null()) };
        assert_eq!((r, small[0]), (ERANGE, 0));
        let mut w = [0u16; 32];
        let wd: Vec<u16> = "d\0".encode_utf16().collect();
        let wf: Vec<u16> = "f\0".encode_utf16().collect();
        let r = unsafe { _wmakepath_s(w.as_mut_ptr(), 32, wd.as_ptr(), wd.as_ptr(), wf.as_ptr(), wf.as_ptr()) };
        assert_eq!(r, 0);
        assert_eq!(String::from_utf16_lossy(&w[..w.iter().position(|&c| c == 0).unwrap()]), r"d:d\f.f");
    }
}
