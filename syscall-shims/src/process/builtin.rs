//! Programs wine-rs provides itself (today: `cmd.exe`), as Wine does with its builtin
//! programs: a placeholder file in `C:\windows\system32` makes them findable like any
//! program (CreateProcess's search, `%ComSpec%`, GetFileAttributes), and the launcher, seeing
//! the placeholder, runs the built-in code instead of loading an image.
//!
//! The placeholder starts with "MZ" (so CreateProcess sees a PE program and starts a new
//! wine-rs for it, with the usual hand-off of handles and command line) and holds the marker
//! `wine-rs builtin program: NAME` at offset 0x40. Replacing it with a real program (a real
//! cmd.exe copied into the prefix) makes that program run instead.

use std::path::Path;

/// The marker, at [`MARKER_OFFSET`].
const MARKER: &[u8] = b"wine-rs builtin program: ";
const MARKER_OFFSET: usize = 0x40;

/// The built-in programs and their file names in the system directory.
pub const PROGRAMS: &[&str] = &["cmd.exe"];

/// The placeholder file's bytes for program `name` (e.g. "cmd").
pub fn placeholder(name: &str) -> Vec<u8> {
    let mut v = vec![0u8; MARKER_OFFSET];
    v[0] = b'M';
    v[1] = b'Z';
    v.extend_from_slice(MARKER);
    v.extend_from_slice(name.as_bytes());
    v.push(b'\n');
    v
}

/// The built-in program a file's contents stand for, if it is a placeholder.
pub fn program_of(data: &[u8]) -> Option<&str> {
    if !data.starts_with(b"MZ") {
        return None;
    }
    let rest = data.get(MARKER_OFFSET..)?.strip_prefix(MARKER)?;
    let end = rest.iter().position(|&b| b == b'\n')?;
    std::str::from_utf8(&rest[..end]).ok()
}

/// Put the placeholders that are missing into `system_dir` (the Unix directory of
/// C:\windows\system32). A file already there (a placeholder, or a real program) is kept.
pub fn install(system_dir: &Path) {
    for file in PROGRAMS {
        let target = system_dir.join(file);
        if target.exists() {
            continue;
        }
        let name = file.trim_end_matches(".exe");
        // Written aside and renamed, so a concurrent reader never sees half a file.
        let tmp = system_dir.join(format!(".{file}.{}", std::process::id()));
        if std::fs::write(&tmp, placeholder(name)).is_ok() && std::fs::rename(&tmp, &target).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_round_trip() {
        let p = placeholder("cmd");
        assert_eq!(program_of(&p), Some("cmd"));
        assert!(p.starts_with(b"MZ"), "CreateProcess takes it for a PE program");
        assert_eq!(program_of(b"MZ\x90\0real program"), None);
        let dir = std::env::temp_dir().join(format!("wine-rs-builtin-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        install(&dir);
        assert_eq!(program_of(&std::fs::read(dir.join("cmd.exe")).unwrap()), Some("cmd"));
        std::fs::write(dir.join("cmd.exe"), b"MZ real").unwrap();
        install(&dir);
        assert_eq!(std::fs::read(dir.join("cmd.exe")).unwrap(), b"MZ real", "a real program is kept");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
