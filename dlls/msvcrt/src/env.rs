//! stdlib.h: the CRT's environment: `getenv`, `_putenv` and their wide and `_s` forms, and the
//! `_environ`/`_wenviron` arrays (data exports in `startup`) they keep up to date.
//!
//! As on Windows the CRT works on its own copy, taken at start-up: `SetEnvironmentVariable`
//! does not change what `getenv` sees, while `_putenv` changes both the CRT's arrays and the
//! process environment. Names are compared case-insensitively. Narrow strings are UTF-8 (the
//! ANSI code page of wine-rs). Each change builds new `_environ`/`_wenviron` arrays; the old
//! arrays and the strings of replaced variables are never freed, so pointers a program holds
//! (from `getenv`, or an `_environ` it is walking) stay readable (Windows frees them).
//! `__initenv` (main's `envp`) keeps the start-up environment.
//!
//! Failure details follow Microsoft's documentation where Wine 8 differs: `getenv_s` and
//! `_dupenv_s` of a missing variable succeed with length 0 (Wine returns EINVAL).

use crate::errno::{EINVAL, ENOMEM, ERANGE};
use crate::invalid::fail;
use crate::startup::{_environ, _wenviron};
use dllcore::export;
use std::sync::Mutex;

/// Serialises changes (readers go through the published arrays, as on Windows).
static LOCK: Mutex<()> = Mutex::new(());

fn up(c: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&c) {
        c - 32
    } else {
        c
    }
}

/// Does the `NAME=VALUE` string `entry` have the name `name`? Returns the value's offset.
unsafe fn matches<T: Copy + Into<u32>>(entry: *const T, name: &[T]) -> Option<usize> {
    for (i, &n) in name.iter().enumerate() {
        let c: u32 = unsafe { *entry.add(i) }.into();
        if c == 0 || up(c) != up(n.into()) {
            return None;
        }
    }
    (unsafe { *entry.add(name.len()) }.into() == b'=' as u32).then_some(name.len() + 1)
}

/// Find `name` in a NULL-terminated `NAME=VALUE` array; a pointer to the value.
unsafe fn find<T: Copy + Into<u32>>(env: *mut *mut T, name: &[T]) -> *mut T {
    if env.is_null() || name.is_empty() {
        return std::ptr::null_mut();
    }
    let mut p = env;
    unsafe {
        while !(*p).is_null() {
            if let Some(off) = matches(*p, name) {
                return (*p).add(off);
            }
            p = p.add(1);
        }
    }
    std::ptr::null_mut()
}

/// The entries of a NULL-terminated array.
unsafe fn entries<T>(env: *mut *mut T) -> Vec<*mut T> {
    let mut v = Vec::new();
    if !env.is_null() {
        let mut p = env;
        unsafe {
            while !(*p).is_null() {
                v.push(*p);
                p = p.add(1);
            }
        }
    }
    v
}

/// A NULL-terminated array that lives for the rest of the process.
fn publish<T>(mut v: Vec<*mut T>) -> *mut *mut T {
    v.push(std::ptr::null_mut());
    v.leak().as_mut_ptr()
}

/// A NUL-terminated copy that lives for the rest of the process.
fn leak<T: Copy + Default>(s: &[T]) -> *mut T {
    let mut v = s.to_vec();
    v.push(T::default());
    v.leak().as_mut_ptr()
}

/// Replace (or with `value` None remove) `name` in one array; returns the new array.
unsafe fn update<T: Copy + Default + Into<u32> + From<u8>>(
    env: *mut *mut T,
    name: &[T],
    value: Option<&[T]>,
) -> *mut *mut T {
    let mut v = unsafe { entries(env) };
    let pos = v
        .iter()
        .position(|&e| unsafe { matches(e, name) }.is_some());
    match (pos, value) {
        (Some(i), None) => {
            v.remove(i);
        }
        (None, None) => return env,
        (pos, Some(val)) => {
            let mut s = name.to_vec();
            s.push(T::from(b'='));
            s.extend_from_slice(val);
            let e = leak(&s);
            match pos {
                Some(i) => v[i] = e,
                None => v.push(e),
            }
        }
    }
    publish(v)
}

/// Set (or, for None or an empty value, remove) a variable everywhere: both CRT arrays and
/// the process environment. `name` must be non-empty and hold no '='.
fn set_var(name: &str, value: Option<&str>) {
    let value = value.filter(|v| !v.is_empty());
    let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    crate::startup::init();
    let wname: Vec<u16> = name.encode_utf16().collect();
    let wvalue: Option<Vec<u16>> = value.map(|v| v.encode_utf16().collect());
    // SAFETY: the CRT's arrays, replaced under the lock.
    unsafe {
        _environ = update(_environ, name.as_bytes(), value.map(str::as_bytes));
        _wenviron = update(_wenviron, &wname, wvalue.as_deref());
    }
    if let Err(e) = syscall_shims::env::set(&wname, wvalue.as_deref()) {
        log::warn!("_putenv({name}): the process environment refused it ({e})");
    }
}

/// Split "NAME=VALUE" (None when there is no '=' or the name is empty).
fn split(s: &str) -> Option<(&str, &str)> {
    let (n, v) = s.split_once('=')?;
    (!n.is_empty()).then_some((n, v))
}

/// getenv: the value in the CRT's environment, or NULL. The pointer stays valid (see the
/// module comment).
#[export]
pub unsafe extern "win64" fn getenv(name: *const u8) -> *mut u8 {
    let Some(n) = (unsafe { dllcore::strings::cstr(name) }) else {
        fail(EINVAL);
        return std::ptr::null_mut();
    };
    crate::startup::init();
    unsafe { find(_environ, n) }
}

/// _wgetenv.
#[export]
pub unsafe extern "win64" fn _wgetenv(name: *const u16) -> *mut u16 {
    let Some(n) = (unsafe { dllcore::strings::wstr(name) }) else {
        fail(EINVAL);
        return std::ptr::null_mut();
    };
    crate::startup::init();
    unsafe { find(_wenviron, n) }
}

/// _putenv: "NAME=VALUE" sets, "NAME=" removes; -1 for a string without a name or '='.
#[export]
pub unsafe extern "win64" fn _putenv(s: *const u8) -> i32 {
    let Some(s) = (unsafe { dllcore::strings::cstr(s) }) else {
        fail(EINVAL);
        return -1;
    };
    match split(&String::from_utf8_lossy(s)) {
        Some((n, v)) => {
            set_var(n, Some(v));
            0
        }
        None => -1,
    }
}

/// _wputenv.
#[export]
pub unsafe extern "win64" fn _wputenv(s: *const u16) -> i32 {
    let Some(s) = (unsafe { dllcore::strings::wstr(s) }) else {
        fail(EINVAL);
        return -1;
    };
    match split(&String::from_utf16_lossy(s)) {
        Some((n, v)) => {
            set_var(n, Some(v));
            0
        }
        None => -1,
    }
}

fn putenv_s(name: Option<String>, value: Option<String>) -> i32 {
    let (Some(n), Some(v)) = (name, value) else {
        return fail(EINVAL);
    };
    if n.is_empty() || n.contains('=') {
        return crate::errno::ret(EINVAL);
    }
    set_var(&n, Some(&v));
    0
}

/// _putenv_s: set `name` to `value` (an empty value removes it).
#[export]
pub unsafe extern "win64" fn _putenv_s(name: *const u8, value: *const u8) -> i32 {
    let name = unsafe { dllcore::strings::cstr_to_string(name) };
    let value = unsafe { dllcore::strings::cstr_to_string(value) };
    putenv_s(name, value)
}

/// _wputenv_s.
#[export]
pub unsafe extern "win64" fn _wputenv_s(name: *const u16, value: *const u16) -> i32 {
    let name = unsafe { dllcore::strings::wstr_to_string(name) };
    let value = unsafe { dllcore::strings::wstr_to_string(value) };
    putenv_s(name, value)
}

/// getenv_s's work for both widths: the value with its NUL into `buf`; `*len` gets the size
/// needed (0 when the variable is missing).
unsafe fn getenv_s_impl<T: Copy + Default>(
    len: *mut usize,
    buf: *mut T,
    size: usize,
    value: Option<&[T]>,
) -> i32 {
    if len.is_null() || (buf.is_null() && size > 0) {
        return fail(EINVAL);
    }
    unsafe {
        if size > 0 {
            *buf = T::default();
        }
        let Some(v) = value else {
            *len = 0;
            return 0;
        };
        *len = v.len() + 1;
        if size == 0 && buf.is_null() {
            return 0;
        }
        if v.len() + 1 > size {
            return crate::errno::ret(ERANGE);
        }
        std::ptr::copy_nonoverlapping(v.as_ptr(), buf, v.len());
        *buf.add(v.len()) = T::default();
    }
    0
}

/// getenv_s.
#[export]
pub unsafe extern "win64" fn getenv_s(
    len: *mut usize,
    buf: *mut u8,
    size: usize,
    name: *const u8,
) -> i32 {
    if name.is_null() {
        return fail(EINVAL);
    }
    let v = unsafe { getenv(name) };
    let value = unsafe { dllcore::strings::cstr(v) };
    unsafe { getenv_s_impl(len, buf, size, value) }
}

/// _wgetenv_s.
#[export]
pub unsafe extern "win64" fn _wgetenv_s(
    len: *mut usize,
    buf: *mut u16,
    size: usize,
    name: *const u16,
) -> i32 {
    if name.is_null() {
        return fail(EINVAL);
    }
    let v = unsafe { _wgetenv(name) };
    let value = unsafe { dllcore::strings::wstr(v) };
    unsafe { getenv_s_impl(len, buf, size, value) }
}

/// _dupenv_s: a copy of the value on the CRT heap (free it with `free`); NULL and length 0
/// when the variable is missing.
#[export]
pub unsafe extern "win64" fn _dupenv_s(buf: *mut *mut u8, len: *mut usize, name: *const u8) -> i32 {
    if buf.is_null() || name.is_null() {
        return fail(EINVAL);
    }
    let v = unsafe { dllcore::strings::cstr(getenv(name)) };
    unsafe {
        *buf = std::ptr::null_mut();
        if !len.is_null() {
            *len = 0;
        }
        if let Some(v) = v {
            let p = crate::heap::dup_bytes(v);
            if p.is_null() {
                return crate::errno::ret(ENOMEM);
            }
            *buf = p;
            if !len.is_null() {
                *len = v.len() + 1;
            }
        }
    }
    0
}

/// _wdupenv_s.
#[export]
pub unsafe extern "win64" fn _wdupenv_s(
    buf: *mut *mut u16,
    len: *mut usize,
    name: *const u16,
) -> i32 {
    if buf.is_null() || name.is_null() {
        return fail(EINVAL);
    }
    let v = unsafe { dllcore::strings::wstr(_wgetenv(name)) };
    unsafe {
        *buf = std::ptr::null_mut();
        if !len.is_null() {
            *len = 0;
        }
        if let Some(v) = v {
            let p = crate::heap::dup_units(v);
            if p.is_null() {
                return crate::errno::ret(ENOMEM);
            }
            *buf = p;
            if !len.is_null() {
                *len = v.len() + 1;
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<u8> {
        let mut v = s.as_bytes().to_vec();
        v.push(0);
        v
    }

    #[test]
    fn getenv_is_case_insensitive_and_stable() {
        crate::startup::init();
        let Some((k, v)) =
            std::env::vars().find(|(k, _)| k.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
        else {
            return;
        };
        let lower = c(&k.to_ascii_lowercase());
        let p1 = unsafe { getenv(c(&k).as_ptr()) };
        let p2 = unsafe { getenv(lower.as_ptr()) };
        assert!(!p1.is_null());
        assert_eq!(p1, p2);
        assert_eq!(unsafe { dllcore::strings::cstr_to_string(p1) }.unwrap(), v);
        assert!(unsafe { getenv(c("WINE_RS_SURELY_NOT_SET_42").as_ptr()) }.is_null());
        let w = dllcore::strings::to_wide_nul(&k.to_ascii_lowercase());
        let pw = unsafe { _wgetenv(w.as_ptr()) };
        assert_eq!(unsafe { dllcore::strings::wstr_to_string(pw) }.unwrap(), v);
    }

    #[test]
    fn putenv_updates_both_arrays_and_the_process() {
        unsafe {
            assert_eq!(_putenv(c("WRS_TEST_A=1").as_ptr()), 0);
            let p = getenv(c("wrs_test_a").as_ptr());
            assert_eq!(dllcore::strings::cstr(p).unwrap(), b"1");
            assert_eq!(_putenv(c("WRS_TEST_B=x=y").as_ptr()), 0);
            assert_eq!(dllcore::strings::cstr(p).unwrap(), b"1", "still readable");
            let w = dllcore::strings::to_wide_nul("WRS_TEST_B");
            assert_eq!(
                dllcore::strings::wstr_to_string(_wgetenv(w.as_ptr())).unwrap(),
                "x=y"
            );
            assert_eq!(
                syscall_shims::env::get(&w[..w.len() - 1]),
                Some("x=y".encode_utf16().collect())
            );
            assert_eq!(_putenv(c("WRS_TEST_B=").as_ptr()), 0);
            assert!(getenv(c("WRS_TEST_B").as_ptr()).is_null());
            assert!(_wgetenv(w.as_ptr()).is_null());
            assert_eq!(syscall_shims::env::get(&w[..w.len() - 1]), None);
            assert_eq!(_putenv(c("NOEQUALS").as_ptr()), -1);
            assert_eq!(_putenv(c("=X").as_ptr()), -1);
            assert_eq!(_putenv_s(c("A=B").as_ptr(), c("x").as_ptr()), EINVAL);

            let mut len = 0;
            let mut buf = [0u8; 8];
            assert_eq!(
                getenv_s(&mut len, buf.as_mut_ptr(), 8, c("WRS_TEST_A").as_ptr()),
                0
            );
            assert_eq!((len, &buf[..2]), (2, &b"1\0"[..]));
            assert_eq!(
                getenv_s(&mut len, buf.as_mut_ptr(), 1, c("WRS_TEST_A").as_ptr()),
                ERANGE
            );
            assert_eq!(
                getenv_s(&mut len, buf.as_mut_ptr(), 8, c("WRS_NOPE").as_ptr()),
                0
            );
            assert_eq!(len, 0);
            let mut d = std::ptr::null_mut();
            assert_eq!(_dupenv_s(&mut d, &mut len, c("WRS_TEST_A").as_ptr()), 0);
            assert_eq!((dllcore::strings::cstr(d).unwrap(), len), (&b"1"[..], 2));
            crate::heap::dealloc(d.cast());
            assert_eq!(_putenv_s(c("WRS_TEST_A").as_ptr(), c("").as_ptr()), 0);
            assert!(getenv(c("WRS_TEST_A").as_ptr()).is_null());
        }
    }
}
