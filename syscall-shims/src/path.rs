//! DOS ⇄ Unix path translation (the minimal mapping of the foundation: Z: is the Unix root;
//! the full prefix with C: comes with the files issue).

/// A Unix path as Windows sees it: `/home/x/app.exe` → `Z:\home\x\app.exe`.
pub fn unix_to_dos(path: &str) -> String {
    let mut s = String::with_capacity(path.len() + 2);
    s.push_str("Z:");
    if !path.starts_with('/') {
        s.push('\\');
    }
    s.extend(path.chars().map(|c| if c == '/' { '\\' } else { c }));
    s
}

/// A DOS path on the Z: drive (or with forward slashes) as a Unix path. Relative paths stay
/// relative, with `\` turned into `/`. Other drives are not mapped yet: None.
pub fn dos_to_unix(path: &str) -> Option<String> {
    let p = path.strip_prefix("\\\\?\\").unwrap_or(path);
    let b = p.as_bytes();
    if b.len() >= 2 && b[1] == b':' {
        if b[0].eq_ignore_ascii_case(&b'z') {
            let rest = p[2..].replace('\\', "/");
            return Some(if rest.starts_with('/') { rest } else { format!("/{rest}") });
        }
        return None;
    }
    Some(p.replace('\\', "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        assert_eq!(unix_to_dos("/tmp/a b/app.exe"), "Z:\\tmp\\a b\\app.exe");
        assert_eq!(dos_to_unix("Z:\\tmp\\a b\\app.exe").as_deref(), Some("/tmp/a b/app.exe"));
        assert_eq!(dos_to_unix("z:/tmp").as_deref(), Some("/tmp"));
        assert_eq!(dos_to_unix("\\\\?\\Z:\\x").as_deref(), Some("/x"));
        assert_eq!(dos_to_unix("sub\\x.dll").as_deref(), Some("sub/x.dll"));
        assert_eq!(dos_to_unix("C:\\windows"), None);
    }
}
