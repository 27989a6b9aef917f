//! `type_info`: what `typeid` returns and what catch clauses name. Its layout (x64) is the
//! TypeDescriptor's: vtable pointer, a cached undecorated name (allocated on first `name()`,
//! freed by the destructor), the decorated name (`.H`, `.?AVfoo@@`).
//!
//! Names are undecorated for the common cases (fundamental types, classes/structs/unions/enums
//! in namespaces, pointers and references to them); anything else (templates, function types)
//! keeps its decorated form.

use crate::heap;
use std::ffi::{CStr, c_char, c_void};
use std::sync::Mutex;

/// The decorated name of a type_info at `ti` (after the vtable and the cached name).
///
/// # Safety
/// `ti` must be a type_info.
pub unsafe fn decorated<'a>(ti: usize) -> &'a [u8] {
    unsafe { CStr::from_ptr((ti + 16) as *const c_char) }.to_bytes()
}

fn fundamental(c: u8) -> Option<&'static str> {
    Some(match c {
        b'C' => "signed char",
        b'D' => "char",
        b'E' => "unsigned char",
        b'F' => "short",
        b'G' => "unsigned short",
        b'H' => "int",
        b'I' => "unsigned int",
        b'J' => "long",
        b'K' => "unsigned long",
        b'M' => "float",
        b'N' => "double",
        b'O' => "long double",
        b'X' => "void",
        _ => return None,
    })
}

/// Undecorate a type from its decorated form (without the leading '.'); returns the rest.
fn undecorate_type(s: &[u8]) -> Option<(String, &[u8])> {
    let (&c, rest) = s.split_first()?;
    if let Some(t) = fundamental(c) {
        return Some((t.to_string(), rest));
    }
    match c {
        b'_' => {
            let (&d, rest) = rest.split_first()?;
            let t = match d {
                b'J' => "__int64",
                b'K' => "unsigned __int64",
                b'N' => "bool",
                b'W' => "wchar_t",
                b'S' => "char16_t",
                b'U' => "char32_t",
                _ => return None,
            };
            Some((t.to_string(), rest))
        }
        b'?' => {
            // ?A<type>: a class type as a whole object; the A is a cv qualifier (none).
            let rest = rest.strip_prefix(b"A")?;
            undecorate_type(rest)
        }
        b'V' | b'U' | b'T' => {
            let kw = match c {
                b'V' => "class",
                b'U' => "struct",
                _ => "union",
            };
            let (name, rest) = qualified(rest)?;
            Some((format!("{kw} {name}"), rest))
        }
        b'W' => {
            // W4name@@: an enum (4 = int-sized).
            let rest = rest.get(1..)?;
            let (name, rest) = qualified(rest)?;
            Some((format!("enum {name}"), rest))
        }
        b'P' | b'A' | b'Q' => {
            // P/Q pointer, A reference; E = __ptr64; then A (plain), B (const), C (volatile),
            // D (const volatile) pointee.
            let rest = rest.strip_prefix(b"E")?;
            let (&cv, rest) = rest.split_first()?;
            let cvs = match cv {
                b'A' => "",
                b'B' => " const",
                b'C' => " volatile",
                b'D' => " const volatile",
                _ => return None,
            };
            let (inner, rest) = undecorate_type(rest)?;
            let op = if c == b'A' { "&" } else { "*" };
            Some((format!("{inner}{cvs} {op} __ptr64"), rest))
        }
        _ => None,
    }
}

/// `name@ns1@ns2@@` → `ns2::ns1::name`. Templates (`?$`) and back-references are refused.
fn qualified(s: &[u8]) -> Option<(String, &[u8])> {
    let end = s.windows(2).position(|w| w == b"@@")?;
    let body = &s[..end];
    if body.contains(&b'?') || body.iter().any(|c| c.is_ascii_digit() && body.len() == 1) {
        return None;
    }
    let parts: Vec<&str> = body.split(|&c| c == b'@').map(|p| std::str::from_utf8(p).ok()).collect::<Option<_>>()?;
    if parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let name = parts.iter().rev().copied().collect::<Vec<_>>().join("::");
    Some((name, &s[end + 2..]))
}

/// The human-readable name of a decorated type name (`.?AVfoo@ns@@` → `class ns::foo`).
pub fn undecorate(decorated: &[u8]) -> Vec<u8> {
    let body = decorated.strip_prefix(b".").unwrap_or(decorated);
    match undecorate_type(body) {
        Some((s, rest)) if rest.is_empty() => s.into_bytes(),
        _ => decorated.to_vec(),
    }
}

/// type_info::name(): the undecorated name, allocated on first use and kept in the object.
///
/// # Safety
/// `ti` must be a type_info in writable memory.
pub unsafe fn name(ti: usize) -> *const c_char {
    let slot = (ti + 8) as *mut *mut u8;
    unsafe {
        if (*slot).is_null() {
            let p = heap::dup_bytes(&undecorate(decorated(ti)));
            // Another thread may have done it meanwhile: keep the first.
            let a = &*(slot as *const std::sync::atomic::AtomicPtr<u8>);
            if a.compare_exchange(std::ptr::null_mut(), p, std::sync::atomic::Ordering::AcqRel, std::sync::atomic::Ordering::Acquire).is_err() {
                heap::dealloc(p as *mut c_void);
            }
        }
        *slot as *const c_char
    }
}

/// type_info::~type_info: frees the cached undecorated name.
///
/// # Safety
/// `ti` must be a type_info.
pub unsafe fn destroy(ti: usize) {
    let slot = (ti + 8) as *mut *mut u8;
    unsafe {
        if !(*slot).is_null() {
            heap::dealloc(*slot as *mut c_void);
            *slot = std::ptr::null_mut();
        }
    }
}

/// FNV-1a (64-bit) over the decorated name without its '.', as vcruntime's
/// `__std_type_info_hash` computes it.
pub fn hash(decorated: &[u8]) -> u64 {
    let body = decorated.strip_prefix(b".").unwrap_or(decorated);
    body.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// Order two type_infos as `type_info::before` and `__std_type_info_compare` do: by the
/// decorated names without their '.'.
pub fn compare(a: &[u8], b: &[u8]) -> i32 {
    let a = a.strip_prefix(b".").unwrap_or(a);
    let b = b.strip_prefix(b".").unwrap_or(b);
    match a.cmp(b) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }
}

/// The names `__std_type_info_name` allocated, by list (the program's `__type_info_root_node`),
/// for `__std_type_info_destroy_list`.
pub static NAME_LISTS: Mutex<Vec<(usize, usize)>> = Mutex::new(Vec::new());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undecorates_common_types() {
        for (d, u) in [
            (&b".H"[..], "int"),
            (b".N", "double"),
            (b"._J", "__int64"),
            (b".?AVfoo@@", "class foo"),
            (b".?AUbar@ns@@", "struct ns::bar"),
            (b".?AVc@b@a@@", "class a::b::c"),
            (b".?AW4color@@", "enum color"),
            (b".PEAH", "int * __ptr64"),
            (b".PEBD", "char const * __ptr64"),
            (b".PEAVfoo@@", "class foo * __ptr64"),
            (b".?AV?$vector@H@std@@", ".?AV?$vector@H@std@@"),
        ] {
            assert_eq!(String::from_utf8(undecorate(d)).unwrap(), u, "{}", String::from_utf8_lossy(d));
        }
    }

    #[test]
    fn hash_and_compare() {
        // FNV-1a of "H".
        assert_eq!(hash(b".H"), (0xcbf2_9ce4_8422_2325u64 ^ b'H' as u64).wrapping_mul(0x0100_0000_01b3));
        assert_eq!(compare(b".H", b".H"), 0);
        assert_eq!(compare(b".H", b".I"), -1);
        assert_eq!(compare(b".?AVb@@", b".?AVa@@"), 1);
    }

    #[test]
    fn name_is_cached_and_freed() {
        let mut ti = vec![0u8; 16];
        ti.extend_from_slice(b".?AVfoo@@\0");
        let t = ti.as_mut_ptr() as usize;
        let n = unsafe { name(t) };
        assert_eq!(unsafe { CStr::from_ptr(n) }.to_bytes(), b"class foo");
        assert_eq!(unsafe { name(t) }, n, "cached");
        unsafe { destroy(t) };
        assert_eq!(unsafe { *((t + 8) as *const usize) }, 0);
    }
}
