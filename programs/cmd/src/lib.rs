//! The command interpreter wine-rs provides as `C:\windows\system32\cmd.exe` when the prefix
//! has no real one (see `syscall_shims::process::builtin`): what programs pass to
//! `cmd.exe /c` — `system()`, `_popen()`, build tools running a command line.
//!
//! Supported: `/c` and `/k` (both run the command and end), `/s` and cmd.exe's rules for the
//! quotes around the command; `%VAR%` expansion ([`expand`]); `&`, `&&`, `||`, `|` and the
//! redirections `<`, `>`, `>>`, `2>`, `2>&1` ([`parse`]); the built-ins `echo`, `exit`, `cd`,
//! `set`, `type`, `del`, `mkdir`, `rmdir`, `rem` ([`builtins`]); any other command is a
//! program found the way CreateProcess finds it ([`exec`]). The exit code is the last
//! command's (or `exit`'s).
//!
//! Not supported (where this differs from cmd.exe): batch files, `if`, `for`, `goto`, `call`,
//! parentheses, delayed expansion (`!VAR!`), `set /a` and `/p`, PATHEXT (programs are found
//! as CreateProcess finds them: ".exe" added), the interactive prompt (without `/c`, the
//! commands are read from standard input, one per line, without a prompt or echo), code
//! pages (text is UTF-8).

pub mod builtins;
pub mod exec;
pub mod expand;
pub mod invocation;
pub mod parse;
pub mod streams;

use syscall_shims::{env, path};

/// What a command did: its status (the new ERRORLEVEL), or `exit` with a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Status(u32),
    Exit(u32),
}

/// A variable's value for `%NAME%`: the environment, then the dynamic ERRORLEVEL and CD.
fn lookup(name: &str, errorlevel: u32) -> Option<String> {
    let w: Vec<u16> = name.encode_utf16().collect();
    if let Some(v) = env::get(&w) {
        return Some(String::from_utf16_lossy(&v));
    }
    match name.to_ascii_uppercase().as_str() {
        "ERRORLEVEL" => Some(errorlevel.to_string()),
        "CD" => Some(path::current_dir()),
        _ => None,
    }
}

/// Run one command line; `Some(code)` when it ran `exit`.
pub fn run_line(line: &str, errorlevel: &mut u32) -> Option<u32> {
    let level = *errorlevel;
    let expanded = expand::expand(line, &|n| lookup(n, level));
    match parse::parse(&expanded) {
        Ok(list) => exec::run_list(&list, errorlevel),
        Err(msg) => {
            streams::Streams::inherited().err(&format!("{msg}\r\n"));
            *errorlevel = 255;
            None
        }
    }
}

/// The interpreter's main: run what `command_line` (the process's whole command line, program
/// name first) asks for and return the exit code.
pub fn main(command_line: &str) -> u32 {
    let inv = invocation::parse(command_line);
    let mut errorlevel = 0;
    match inv.command {
        Some(cmd) => run_line(&cmd, &mut errorlevel).unwrap_or(errorlevel),
        None => {
            // No /c: the commands come from standard input.
            let mut input = Vec::new();
            let h = syscall_shims::handles::std_handle(0);
            let mut buf = [0u8; 4096];
            while let Ok(n) = syscall_shims::file::read(h, &mut buf) {
                if n == 0 {
                    break;
                }
                input.extend_from_slice(&buf[..n]);
            }
            for line in String::from_utf8_lossy(&input).lines() {
                if let Some(code) = run_line(line.trim_end_matches('\r'), &mut errorlevel) {
                    return code;
                }
            }
            errorlevel
        }
    }
}
