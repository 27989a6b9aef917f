//! `system` and `_wsystem`: a command through the command interpreter, `%COMSPEC% /c
//! command` (cmd.exe found on the search path when COMSPEC is not set or names no file).
//! wine-rs's prefix has `C:\windows\system32\cmd.exe`: a real cmd.exe if one was put there,
//! else the built-in interpreter (programs/cmd), which the launcher runs for that file. The
//! interpreter gets the fd table and passes fds 3 and up on to the programs it runs, as Wine's
//! cmd.exe does.

use super::spawn::CrtChar;
use super::{Fds, Start, create, find_file, wait_exit_code};
use crate::errno::{ENOENT, set_errno};
use dllcore::export;
use syscall_shims::{env, handles};

/// The command interpreter's full path: %COMSPEC% when it names a file, else cmd.exe on PATH.
pub fn interpreter() -> Option<String> {
    let comspec = env::get(&"COMSPEC".encode_utf16().collect::<Vec<u16>>()).map(|v| String::from_utf16_lossy(&v));
    comspec.and_then(|c| find_file(&c, false)).or_else(|| find_file("cmd.exe", true))
}

/// The command line running `command` through `interpreter`.
pub fn command_line(interpreter: &str, command: &str) -> String {
    let exe = if interpreter.contains([' ', '\t']) { format!("\"{interpreter}\"") } else { interpreter.to_string() };
    format!("{exe} /c {command}")
}

/// system's work.
fn system_impl(command: Option<String>) -> i32 {
    let Some(interp) = interpreter() else {
        set_errno(ENOENT);
        return if command.is_none() { 0 } else { -1 };
    };
    let Some(command) = command else { return 1 };
    let line = command_line(&interp, &command);
    let start = Start { app: Some(&interp), command_line: &line, env: None, std: None, detached: false, fds: Fds::All };
    let Ok(h) = create(&start) else {
        return -1;
    };
    let code = wait_exit_code(h).unwrap_or(0);
    let _ = handles::close(h);
    code as i32
}

/// system: run `command` with the command interpreter and return its exit code (-1 and errno
/// when it cannot be started). system(NULL): nonzero when an interpreter exists, else 0 and
/// ENOENT.
#[export]
pub unsafe extern "win64" fn system(command: *const u8) -> i32 {
    // SAFETY: the program's NUL-terminated string or NULL.
    system_impl(unsafe { u8::string(command) })
}

/// _wsystem: `system` with a wide string.
#[export]
pub unsafe extern "win64" fn _wsystem(command: *const u16) -> i32 {
    // SAFETY: as above.
    system_impl(unsafe { u16::string(command) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpreter_command_lines() {
        assert_eq!(command_line("C:\\windows\\system32\\cmd.exe", "echo hi"), "C:\\windows\\system32\\cmd.exe /c echo hi");
        assert_eq!(command_line("C:\\a b\\cmd.exe", "exit 3"), "\"C:\\a b\\cmd.exe\" /c exit 3");
    }
}
