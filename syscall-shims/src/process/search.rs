//! Finding a program the way CreateProcess does: kernel32's CreateProcess, the C runtime's
//! `_spawn*p` (through CreateProcess) and the built-in command interpreter all come here.
//!
//! A command line's first token gets ".exe" when it has no extension (a name ending in '.'
//! loses the dot instead; a native program's name without ".exe" is found too) and, when it
//! names no directory, is looked for in the application's directory, the current directory,
//! the system directories and PATH, in that order. An application name is used as given.

use crate::{cmdline, env, path};

/// Does this file name carry an extension (a dot in its last component)?
pub fn has_extension(name: &str) -> bool {
    name.rsplit(['\\', '/']).next().is_some_and(|last| last.contains('.'))
}

/// Is this file a batch file (".bat" or ".cmd")? CreateProcess runs those through the
/// command interpreter.
pub fn is_batch(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(".bat") || n.ends_with(".cmd")
}

/// What CreateProcess starts for a batch file: the command interpreter (%COMSPEC% when it
/// names a file, else `C:\windows\system32\cmd.exe`) with the command line
/// `interpreter /c "command line"` (Windows' form: cmd.exe's quote rules then drop the
/// outer quotes). Returns (Unix path, Windows path, command line).
pub fn batch_interpreter(command_line: &str) -> Option<(String, String, String)> {
    let comspec = env::get(&"COMSPEC".encode_utf16().collect::<Vec<u16>>()).map(|v| String::from_utf16_lossy(&v));
    let (unix, image) = comspec
        .and_then(|c| find_program(&c, false, None))
        .or_else(|| find_program("C:\\windows\\system32\\cmd.exe", false, None))?;
    let program = if image.contains([' ', '\t']) { format!("\"{image}\"") } else { image.clone() };
    Some((unix, image, format!("{program} /c \"{command_line}\"")))
}

/// Does this name say where it is (a directory part or a drive)?
pub fn has_path(name: &str) -> bool {
    name.contains(['\\', '/']) || name.as_bytes().get(1) == Some(&b':')
}

/// The Unix file a Windows (or Unix-style) path names, if it exists and is a file.
pub fn existing_file(dos: &str) -> Option<String> {
    let unix = path::dos_to_unix(dos)?;
    std::path::Path::new(&unix).is_file().then_some(unix)
}

/// The directories CreateProcess searches for a bare program name, in order: the
/// application's directory (`app_dir`, the directory of the running program's image), the
/// current directory, the system directories, PATH.
pub fn search_dirs(app_dir: Option<&str>) -> Vec<String> {
    let mut dirs = Vec::new();
    if let Some(d) = app_dir {
        dirs.push(d.to_string());
    }
    dirs.push(path::current_dir());
    dirs.extend(["C:\\windows\\system32", "C:\\windows\\system", "C:\\windows"].map(String::from));
    dirs.extend(path_dirs());
    dirs
}

/// The directories of the Windows PATH variable, in order.
pub fn path_dirs() -> Vec<String> {
    match env::get(&"PATH".encode_utf16().collect::<Vec<u16>>()) {
        Some(p) => String::from_utf16_lossy(&p)
            .split(';')
            .map(|d| d.trim_matches('"'))
            .filter(|d| !d.is_empty())
            .map(String::from)
            .collect(),
        None => Vec::new(),
    }
}

/// The directory part of a Windows image path (`C:\dir\app.exe` → `C:\dir`).
pub fn dir_of(image: &str) -> Option<&str> {
    image.rfind('\\').map(|i| &image[..i])
}

/// Find the program `name` as CreateProcess does. `search` (a command line's first token):
/// ".exe" appended when the name has no extension, the search path used for names without a
/// directory part. Without `search` (lpApplicationName): the name as given. `app_dir` is the
/// running program's directory. Returns (Unix path, Windows path).
pub fn find_program(name: &str, search: bool, app_dir: Option<&str>) -> Option<(String, String)> {
    let mut candidates = Vec::new();
    if !search {
        // An application name is used as given: no extension is added.
        candidates.push(name.to_string());
    } else if let Some(stripped) = name.strip_suffix('.') {
        candidates.push(stripped.to_string());
    } else if has_extension(name) {
        candidates.push(name.to_string());
    } else {
        candidates.push(format!("{name}.exe"));
        candidates.push(name.to_string());
    }
    let found = |c: &str| existing_file(c).map(|u| (u, c.to_string()));
    if !search || has_path(name) {
        return candidates.iter().find_map(|c| found(c)).map(|(u, w)| (u, windows_form(&w)));
    }
    for dir in search_dirs(app_dir) {
        let dir = dir.trim_end_matches('\\');
        for c in &candidates {
            if let Some(r) = found(&format!("{dir}\\{c}")) {
                return Some(r);
            }
        }
    }
    None
}

/// A program path in Windows form: Unix-style names become Z: paths.
pub fn windows_form(name: &str) -> String {
    if name.starts_with('/') {
        path::unix_to_dos(name)
    } else {
        // Relative names are completed against the current directory.
        path::full_path(name).unwrap_or_else(|| name.replace('/', "\\"))
    }
}

/// The program for a command line without an application name: the first token (inside
/// quotes, or up to white space); unquoted, each longer prefix ending at a space is tried in
/// turn (`C:\Program Files\x.exe a` tries `C:\Program`, then `C:\Program Files\x.exe`).
pub fn program_from_command_line(cmd: &str, app_dir: Option<&str>) -> Option<(String, String)> {
    let (token, quoted) = cmdline::program_token(cmd);
    if quoted || token.is_empty() {
        return find_program(token, true, app_dir);
    }
    let line = cmd.trim_start_matches([' ', '\t']);
    let mut ends: Vec<usize> = line.match_indices([' ', '\t']).map(|(i, _)| i).collect();
    ends.push(line.len());
    ends.into_iter().find_map(|end| find_program(&line[..end], true, app_dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn program_names() {
        assert!(has_extension("a\\b.exe") && !has_extension("a.d\\b") && has_extension("x."));
        assert!(has_path("C:x") && has_path("a\\b") && has_path("/bin/sh") && !has_path("sh"));
        assert_eq!(dir_of("C:\\a\\b.exe"), Some("C:\\a"));
        // /bin/sh: no ".exe" there, found as given.
        assert_eq!(find_program("/bin/sh", true, None).map(|r| r.0).as_deref(), Some("/bin/sh"));
        assert_eq!(find_program("Z:\\bin\\sh", false, None).map(|r| r.1).as_deref(), Some("Z:\\bin\\sh"));
        assert_eq!(find_program("/bin/sh", true, None).map(|r| r.1).as_deref(), Some("Z:\\bin\\sh"));
        assert_eq!(find_program("wine-rs-no-such-program", true, None), None);
        // Unquoted prefixes: "/bin/sh -c x" finds /bin/sh.
        assert_eq!(program_from_command_line("/bin/sh -c x", None).map(|r| r.0).as_deref(), Some("/bin/sh"));
        assert_eq!(program_from_command_line("\"/bin/sh\" -c", None).map(|r| r.0).as_deref(), Some("/bin/sh"));
    }
}
