//! The process environment as Windows keeps it: `NAME=VALUE` strings in UTF-16, names compared
//! case-insensitively, sorted as RtlSetEnvironmentVariable keeps them. Initialised from the host
//! environment on first use; the host's own environment (libc `environ`) is not changed.

use std::cmp::Ordering;
use std::sync::{LazyLock, Mutex};
use windows_sys::Win32::Foundation::ERROR_INVALID_PARAMETER;

static ENV: LazyLock<Mutex<Vec<Vec<u16>>>> = LazyLock::new(|| {
    let mut v: Vec<Vec<u16>> = std::env::vars_os()
        .map(|(k, val)| {
            let s = format!("{}={}", k.to_string_lossy(), val.to_string_lossy());
            s.encode_utf16().collect()
        })
        .collect();
    v.sort_by(|a, b| compare_names(name_of(a), name_of(b)));
    Mutex::new(v)
});

fn env() -> std::sync::MutexGuard<'static, Vec<Vec<u16>>> {
    ENV.lock().unwrap_or_else(|e| e.into_inner())
}

/// The name part of a `NAME=VALUE` entry. A leading '=' belongs to the name (`=C:=C:\dir`).
fn name_of(entry: &[u16]) -> &[u16] {
    let eq = entry.iter().skip(1).position(|&c| c == b'=' as u16).map(|p| p + 1).unwrap_or(entry.len());
    &entry[..eq]
}

/// Upper-case one UTF-16 unit as RtlUpcaseUnicodeChar does (simple one-to-one mappings).
pub fn upcase_unit(c: u16) -> u16 {
    if c < 0x80 {
        return (c as u8).to_ascii_uppercase() as u16;
    }
    match char::from_u32(c as u32) {
        Some(ch) => {
            let mut up = ch.to_uppercase();
            match (up.next(), up.next()) {
                (Some(u), None) if (u as u32) < 0x10000 => u as u32 as u16,
                _ => c,
            }
        }
        None => c,
    }
}

/// Case-insensitive order of names, as RtlCompareUnicodeString(.., TRUE).
pub fn compare_names(a: &[u16], b: &[u16]) -> Ordering {
    let ai = a.iter().map(|&c| upcase_unit(c));
    let bi = b.iter().map(|&c| upcase_unit(c));
    ai.cmp(bi)
}

/// The value of `name` (without NUL), if set.
pub fn get(name: &[u16]) -> Option<Vec<u16>> {
    let e = env();
    e.iter()
        .find(|entry| compare_names(name_of(entry), name) == Ordering::Equal)
        .map(|entry| entry[name_of(entry).len() + 1..].to_vec())
}

/// Set (`Some`) or delete (`None`) a variable. Deleting a missing one succeeds. The name must be
/// non-empty and hold no '=' after its first character (ERROR_INVALID_PARAMETER otherwise).
pub fn set(name: &[u16], value: Option<&[u16]>) -> Result<(), u32> {
    if name.is_empty() || name.iter().skip(1).any(|&c| c == b'=' as u16) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let mut e = env();
    let pos = e.binary_search_by(|entry| compare_names(name_of(entry), name));
    // The host environment may hold names differing only in case; find any exact match too.
    let pos = match pos {
        Ok(p) => Ok(p),
        Err(p) => e.iter().position(|entry| compare_names(name_of(entry), name) == Ordering::Equal).ok_or(p),
    };
    match (pos, value) {
        (Ok(p), None) => {
            e.remove(p);
        }
        (Err(_), None) => {}
        (pos, Some(v)) => {
            let mut entry = Vec::with_capacity(name.len() + 1 + v.len());
            entry.extend_from_slice(name);
            entry.push(b'=' as u16);
            entry.extend_from_slice(v);
            match pos {
                Ok(p) => e[p] = entry,
                Err(p) => e.insert(p, entry),
            }
        }
    }
    Ok(())
}

/// The environment block: each `NAME=VALUE` NUL-terminated, then one more NUL.
pub fn block() -> Vec<u16> {
    let e = env();
    let mut out = Vec::with_capacity(e.iter().map(|s| s.len() + 1).sum::<usize>() + 2);
    for entry in e.iter() {
        out.extend_from_slice(entry);
        out.push(0);
    }
    if out.is_empty() {
        out.push(0);
    }
    out.push(0);
    out
}

/// Every variable as (name, value) strings (for C runtimes building `environ`).
pub fn vars() -> Vec<(String, String)> {
    env()
        .iter()
        .map(|entry| {
            let n = name_of(entry);
            (String::from_utf16_lossy(n), String::from_utf16_lossy(&entry[n.len() + 1..]))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn set_get_delete_case_insensitive() {
        set(&w("WineRsTestVar"), Some(&w("one"))).unwrap();
        assert_eq!(get(&w("WINERSTESTVAR")), Some(w("one")));
        set(&w("winerstestvar"), Some(&w("two"))).unwrap();
        assert_eq!(get(&w("WineRsTestVar")), Some(w("two")));
        // One entry, keeping the new spelling.
        let b = String::from_utf16_lossy(&block());
        assert_eq!(b.to_uppercase().matches("WINERSTESTVAR=").count(), 1);
        set(&w("WINERSTESTVAR"), None).unwrap();
        assert_eq!(get(&w("WineRsTestVar")), None);
        set(&w("WINERSTESTVAR"), None).unwrap();
    }

    #[test]
    fn empty_value_exists() {
        set(&w("WINERS_EMPTY"), Some(&[])).unwrap();
        assert_eq!(get(&w("winers_empty")), Some(vec![]));
        set(&w("WINERS_EMPTY"), None).unwrap();
    }

    #[test]
    fn invalid_names() {
        assert_eq!(set(&[], Some(&w("x"))), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(set(&w("A=B"), Some(&w("x"))), Err(ERROR_INVALID_PARAMETER));
        // A leading '=' is allowed (per-drive current directories).
        set(&w("=Q:"), Some(&w("Q:\\dir"))).unwrap();
        assert_eq!(get(&w("=q:")), Some(w("Q:\\dir")));
        set(&w("=Q:"), None).unwrap();
    }

    #[test]
    fn block_is_double_nul_terminated_and_sorted() {
        set(&w("WINERS_B"), Some(&w("2"))).unwrap();
        set(&w("winers_a"), Some(&w("1"))).unwrap();
        let b = block();
        assert_eq!(&b[b.len() - 2..], &[0, 0]);
        let s = String::from_utf16_lossy(&b);
        let ia = s.find("winers_a=1").unwrap();
        let ib = s.find("WINERS_B=2").unwrap();
        assert!(ia < ib);
        set(&w("WINERS_B"), None).unwrap();
        set(&w("winers_a"), None).unwrap();
    }

    #[test]
    fn host_environment_is_imported() {
        // PATH is set in any test environment.
        let host = std::env::var("PATH").unwrap();
        assert_eq!(get(&w("path")), Some(w(&host)));
    }
}
