//! winbase.h: FormatMessageA/W — a message from the system's table (the texts of common
//! Win32 error codes, [`system`]) or from a string, with its inserts expanded ([`format`]).
//! Message tables in modules (FORMAT_MESSAGE_FROM_HMODULE) are not read: such a request
//! falls back to the system table when FORMAT_MESSAGE_FROM_SYSTEM is also given, else fails
//! with ERROR_RESOURCE_TYPE_NOT_FOUND. Line wrapping at a width other than 0 and 0xFF is not
//! done.

pub mod format;
pub mod system;

use crate::heapapi::LocalAlloc;
use dllcore::{export, teb};
use format::{Args, Width};
use windows_sys::Win32::Foundation::{
    ERROR_INSUFFICIENT_BUFFER, ERROR_INVALID_PARAMETER, ERROR_MR_MID_NOT_FOUND, ERROR_NOT_ENOUGH_MEMORY,
    ERROR_RESOURCE_TYPE_NOT_FOUND,
};

const ALLOCATE_BUFFER: u32 = 0x100;
const IGNORE_INSERTS: u32 = 0x200;
const FROM_STRING: u32 = 0x400;
const FROM_HMODULE: u32 = 0x800;
const FROM_SYSTEM: u32 = 0x1000;
const ARGUMENT_ARRAY: u32 = 0x2000;
const MAX_WIDTH_MASK: u32 = 0xff;

/// The template and its expansion; Err(error) when there is none.
fn message_text(flags: u32, template: Option<String>, id: u32, args: *const usize, kind: Width) -> Result<String, u32> {
    let template = if flags & FROM_STRING != 0 {
        template.ok_or(ERROR_INVALID_PARAMETER)?
    } else if flags & FROM_SYSTEM != 0 {
        system::message(id).ok_or(ERROR_MR_MID_NOT_FOUND)?.to_string()
    } else if flags & FROM_HMODULE != 0 {
        return Err(ERROR_RESOURCE_TYPE_NOT_FOUND);
    } else {
        return Err(ERROR_INVALID_PARAMETER);
    };
    let ignore = flags & IGNORE_INSERTS != 0;
    let args = if ignore || args.is_null() {
        None
    } else if flags & ARGUMENT_ARRAY != 0 {
        Some(Args(args))
    } else {
        // A pointer to a va_list, which on x64 is a pointer to the 8-byte slots.
        // SAFETY: the program passes a va_list*.
        Some(Args(unsafe { *(args as *const *const usize) }))
    };
    Ok(format::expand(&template, args, ignore, flags & MAX_WIDTH_MASK, kind))
}

/// Deliver `units` (without their NUL) as FormatMessage does: into the caller's buffer of
/// `size` units, or (FORMAT_MESSAGE_ALLOCATE_BUFFER) into a LocalAlloc'ed one of at least
/// `size` units whose address goes to `*buf`. Returns the count without the NUL.
///
/// # Safety
/// `buf` must be a buffer of `size` units of `T`, or with ALLOCATE_BUFFER a pointer's place.
unsafe fn deliver<T: Copy + Default>(flags: u32, units: &[T], buf: *mut T, size: u32) -> u32 {
    if buf.is_null() {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    let n = units.len();
    let dst = if flags & ALLOCATE_BUFFER != 0 {
        let bytes = (n + 1).max(size as usize) * std::mem::size_of::<T>();
        let p = LocalAlloc(0, bytes) as *mut T;
        if p.is_null() {
            return teb::fail(ERROR_NOT_ENOUGH_MEMORY, 0);
        }
        // SAFETY: with ALLOCATE_BUFFER, `buf` is where the buffer's address goes.
        unsafe { *(buf as *mut *mut T) = p };
        p
    } else {
        if n + 1 > size as usize {
            return teb::fail(ERROR_INSUFFICIENT_BUFFER, 0);
        }
        buf
    };
    // SAFETY: `dst` has room for n + 1 units.
    unsafe {
        std::ptr::copy_nonoverlapping(units.as_ptr(), dst, n);
        *dst.add(n) = T::default();
    }
    n as u32
}

/// FormatMessageW: format a message — the system's text for error `id`
/// (FORMAT_MESSAGE_FROM_SYSTEM) or the string `source` (FORMAT_MESSAGE_FROM_STRING) — expanding
/// its inserts (%1 … %99, "%1!d!") from `args` (a va_list*, or with
/// FORMAT_MESSAGE_ARGUMENT_ARRAY an array) unless FORMAT_MESSAGE_IGNORE_INSERTS, and the
/// escapes %n %r %t %0 %%. The text goes into `buf` (`size` characters) or, with
/// FORMAT_MESSAGE_ALLOCATE_BUFFER, into a LocalAlloc'ed buffer stored at `*buf`. Returns the
/// characters stored without the NUL; 0 with ERROR_MR_MID_NOT_FOUND for an unknown message,
/// ERROR_INSUFFICIENT_BUFFER. The language is ignored (English). See the module documentation
/// for what is not done.
#[export]
pub unsafe extern "win64" fn FormatMessageW(
    flags: u32,
    source: *const core::ffi::c_void,
    id: u32,
    _lang: u32,
    buf: *mut u16,
    size: u32,
    args: *const usize,
) -> u32 {
    let template = if flags & FROM_STRING != 0 && !source.is_null() {
        // SAFETY: with FROM_STRING, `source` is a NUL-terminated string.
        unsafe { dllcore::strings::wstr_to_string(source as *const u16) }
    } else {
        None
    };
    match message_text(flags, template, id, args, Width::Wide) {
        Ok(text) => {
            let units: Vec<u16> = text.encode_utf16().collect();
            // SAFETY: as documented.
            unsafe { deliver(flags, &units, buf, size) }
        }
        Err(e) => teb::fail(e, 0),
    }
}

/// FormatMessageA: FormatMessageW with narrow strings (the ANSI code page, UTF-8): the
/// template, %s inserts and the output; `size` counts bytes.
#[export]
pub unsafe extern "win64" fn FormatMessageA(
    flags: u32,
    source: *const core::ffi::c_void,
    id: u32,
    _lang: u32,
    buf: *mut u8,
    size: u32,
    args: *const usize,
) -> u32 {
    let template = if flags & FROM_STRING != 0 && !source.is_null() {
        // SAFETY: with FROM_STRING, `source` is a NUL-terminated string.
        unsafe { dllcore::strings::cstr(source as *const u8) }.map(syscall_shims::codepage::ansi_to_string)
    } else {
        None
    };
    match message_text(flags, template, id, args, Width::Narrow) {
        // SAFETY: as documented.
        Ok(text) => unsafe { deliver(flags, text.as_bytes(), buf, size) },
        Err(e) => teb::fail(e, 0),
    }
}
