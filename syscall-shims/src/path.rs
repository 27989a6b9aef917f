//! DOS ⇄ Unix path translation. For now Z: is the Unix root and the only drive; relative and
//! drive-less rooted paths resolve against the host's current directory and root. Case-insensitive
//! lookup and the full prefix with C: come with the files issue, here.

use windows_sys::Win32::Foundation::ERROR_PATH_NOT_FOUND;

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

fn is_sep(b: u8) -> bool {
    b == b'\\' || b == b'/'
}

/// A DOS path on the Z: drive (or with forward slashes) as a Unix path. Relative paths stay
/// relative, with `\` turned into `/`. Other drives, UNC (`\\server\share`) and device
/// (`\\.\name`) paths are not mapped yet: None.
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
    if b.len() >= 2 && is_sep(b[0]) && is_sep(b[1]) {
        return None;
    }
    Some(p.replace('\\', "/"))
}

/// A device a DOS file name may designate instead of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Device {
    /// NUL: /dev/null.
    Null,
    /// CONIN$: the console's input.
    ConsoleIn,
    /// CONOUT$: the console's output.
    ConsoleOut,
}

/// What a file name given to CreateFile and friends designates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    File(String),
    Device(Device),
}

/// The device a name designates: `NUL` (also as the last component of a path, as Windows
/// reads it), `CONIN$`, `CONOUT$`, with or without the `\\.\` prefix; case-insensitive.
pub fn device(dos: &str) -> Option<Device> {
    let name = dos.strip_prefix("\\\\.\\").unwrap_or(dos);
    if name.eq_ignore_ascii_case("CONIN$") {
        return Some(Device::ConsoleIn);
    }
    if name.eq_ignore_ascii_case("CONOUT$") {
        return Some(Device::ConsoleOut);
    }
    let last = name.rsplit(['\\', '/']).next().unwrap_or(name);
    let last = last.strip_suffix(':').unwrap_or(last);
    last.eq_ignore_ascii_case("NUL").then_some(Device::Null)
}

/// The Unix file or the device behind a DOS file name. ERROR_PATH_NOT_FOUND for an empty name
/// and for names on drives (or UNC shares) that are not mapped.
pub fn resolve(dos: &str) -> Result<Target, u32> {
    if dos.is_empty() {
        return Err(ERROR_PATH_NOT_FOUND);
    }
    if let Some(d) = device(dos) {
        return Ok(Target::Device(d));
    }
    dos_to_unix(dos).map(Target::File).ok_or(ERROR_PATH_NOT_FOUND)
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
        assert_eq!(dos_to_unix("\\rooted\\x").as_deref(), Some("/rooted/x"));
        assert_eq!(dos_to_unix("C:\\windows"), None);
        assert_eq!(dos_to_unix("\\\\server\\share\\x"), None);
        assert_eq!(dos_to_unix("\\\\.\\PhysicalDrive0"), None);
    }

    #[test]
    fn devices_and_targets() {
        assert_eq!(resolve("NUL"), Ok(Target::Device(Device::Null)));
        assert_eq!(resolve("nul"), Ok(Target::Device(Device::Null)));
        assert_eq!(resolve("\\\\.\\NUL"), Ok(Target::Device(Device::Null)));
        assert_eq!(resolve("Z:\\tmp\\nul"), Ok(Target::Device(Device::Null)));
        assert_eq!(resolve("conout$"), Ok(Target::Device(Device::ConsoleOut)));
        assert_eq!(resolve("\\\\.\\CONIN$"), Ok(Target::Device(Device::ConsoleIn)));
        assert_eq!(resolve("null.txt"), Ok(Target::File("null.txt".into())));
        assert_eq!(resolve("dir/f.txt"), Ok(Target::File("dir/f.txt".into())));
        assert_eq!(resolve(""), Err(ERROR_PATH_NOT_FOUND));
        assert_eq!(resolve("D:\\x"), Err(ERROR_PATH_NOT_FOUND));
    }
}
