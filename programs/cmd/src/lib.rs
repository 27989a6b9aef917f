//! The command interpreter wine-rs provides as `C:\windows\system32\cmd.exe` when the prefix
//! has no real one (see `syscall_shims::process::builtin`): what programs pass to
//! `cmd.exe /c` — `system()`, `_popen()`, build tools running a command line — and batch
//! files (`.bat`, `.cmd`).
//!
//! Supported: `/c` and `/k` (both run the command and end), `/s` and cmd.exe's rules for the
//! quotes around the command, `/q` (echo off); `%VAR%` expansion ([`expand`]); `&`, `&&`,
//! `||`, `|`, the redirections `<`, `>`, `>>`, `2>`, `2>&1`, blocks `( )` and `if`
//! ([`parse`], [`cond`]); the built-ins `echo`, `exit`, `cd`, `set` (with `/a`, [`arith`]),
//! `type`, `del`, `mkdir`, `rmdir`, `rem` ([`builtins`]); batch files with `goto`, `call`,
//! `shift`, `setlocal`/`endlocal`, `%0`..`%9`, `%*`, `%~dp0`... ([`batch`]); any other
//! command is a program found through the current directory and PATH with PATHEXT's
//! extensions ([`exec`]). The exit code is the last command's ERRORLEVEL (or `exit`'s).
//!
//! `for` ([`forloop`]); delayed expansion (`!VAR!`, `cmd /v:on`, `setlocal
//! enabledelayedexpansion`).
//!
//! Not supported (where this differs from cmd.exe): the interactive prompt (without
//! `/c`, the commands are read from standard input, one per line, without a prompt or echo),
//! the built-ins `dir`, `copy`, `move`, `ren`, `pause`, `start`, `ver`, `cls`, `color`,
//! `assoc` and the like (each is looked for as a program), the dynamic DATE, TIME and
//! CMDCMDLINE, code pages (text is UTF-8).

pub mod arith;
pub mod batch;
pub mod builtins;
pub mod cond;
pub mod exec;
pub mod expand;
pub mod forloop;
pub mod invocation;
pub mod parse;
pub mod streams;

use syscall_shims::{env, path};
use windows_sys::Win32::Foundation::HANDLE;

/// What a command did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flow {
    /// It ran; its status is the new ERRORLEVEL (and 0 is success for `&&` and `||`).
    Status(u32),
    /// It succeeded and leaves ERRORLEVEL as it was (`echo`, `rem`, a successful `set`...).
    Ok,
    /// `exit`: the interpreter ends with this code.
    Exit(u32),
    /// `exit /b [code]` or `goto :eof`: the batch file (or the `call`ed label) ends; the
    /// code, when given, is the new ERRORLEVEL.
    Leave(Option<u32>),
    /// `goto label`.
    Goto(String),
}

/// The interpreter's state.
pub struct Interp {
    pub errorlevel: u32,
    /// `echo on`: batch lines are shown before they run.
    pub echo: bool,
    /// The batch files (and `call`ed labels) running, innermost last.
    pub frames: Vec<batch::Frame>,
    /// The standard handles commands start from (a block's or a batch's redirections
    /// change them while it runs).
    pub std: [HANDLE; 3],
    /// `pushd`'s directories.
    pub dirs: Vec<String>,
    /// Delayed expansion (`!VAR!`) is on.
    pub delayed: bool,
}

impl Default for Interp {
    fn default() -> Self {
        Interp { errorlevel: 0, echo: true, frames: Vec::new(), std: streams::Streams::inherited().std, dirs: Vec::new(), delayed: false }
    }
}

impl Interp {
    /// Is a batch file running?
    pub fn in_batch(&self) -> bool {
        !self.frames.is_empty()
    }

    /// A command's text after delayed expansion (unchanged when it is off).
    pub fn delayed(&self, text: &str) -> String {
        if !self.delayed {
            return text.to_string();
        }
        let level = self.errorlevel;
        expand::expand_delayed(text, &|n| lookup(n, level))
    }
}

/// A pseudo-random number for %RANDOM% (0..32767 after the caller's modulo).
fn random() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
    h.finish()
}

/// A variable's value for `%NAME%`: the environment, then the dynamic ERRORLEVEL, CD and
/// RANDOM.
pub fn lookup(name: &str, errorlevel: u32) -> Option<String> {
    let w: Vec<u16> = name.encode_utf16().collect();
    if let Some(v) = env::get(&w) {
        return Some(String::from_utf16_lossy(&v));
    }
    match name.to_ascii_uppercase().as_str() {
        "ERRORLEVEL" => Some(errorlevel.to_string()),
        "CD" => Some(path::current_dir()),
        "RANDOM" => Some((random() % 32768).to_string()),
        _ => None,
    }
}

/// Parse and run an expanded command line.
pub fn run_parsed(text: &str, interp: &mut Interp) -> Flow {
    match parse::parse(text) {
        Ok(list) => exec::run_list(&list, interp),
        Err(e) => {
            streams::Streams::inherited().err(&format!("{}\r\n", e.message()));
            interp.errorlevel = 255;
            Flow::Status(255)
        }
    }
}

/// Run one command line of `/c` (or of standard input); `Some(code)` when it ended the
/// interpreter (`exit`, or `exit /b` outside a batch file).
pub fn run_line(line: &str, interp: &mut Interp) -> Option<u32> {
    let level = interp.errorlevel;
    let expanded = expand::expand(line, &|n| lookup(n, level));
    match run_parsed(&expanded, interp) {
        Flow::Exit(code) => Some(code),
        Flow::Leave(code) => Some(code.unwrap_or(interp.errorlevel)),
        _ => None,
    }
}

/// The interpreter's main: run what `command_line` (the process's whole command line, program
/// name first) asks for and return the exit code.
pub fn main(command_line: &str) -> u32 {
    let inv = invocation::parse(command_line);
    let mut interp = Interp { echo: !inv.quiet, delayed: inv.delayed, ..Default::default() };
    match inv.command {
        Some(cmd) => run_line(&cmd, &mut interp).unwrap_or(interp.errorlevel),
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
                if let Some(code) = run_line(line.trim_end_matches('\r'), &mut interp) {
                    return code;
                }
            }
            interp.errorlevel
        }
    }
}
