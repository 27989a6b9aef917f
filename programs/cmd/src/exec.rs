//! Running parsed commands: built-ins in this process, anything else as a program found the
//! way CreateProcess finds it (a PE program in a new wine-rs, a native one executed
//! directly) with the command's text as its command line and its standard handles (and the
//! C runtime fd table cmd was given, fds 3 and up: `fd_table_for_programs`). A
//! pipeline runs all its commands at once, joined by anonymous pipes; as cmd.exe does, a
//! built-in in a pipeline runs in a new interpreter (`cmd.exe /S /D /c" command"`).

use crate::parse::{Command, Connector, Pipeline};
use crate::streams::Streams;
use crate::{Flow, builtins};
use std::sync::Arc;
use syscall_shims::handles::{self, Object};
use syscall_shims::process::{self, Spawn, search};
use syscall_shims::{cmdline, env, pipe, waitable};
use windows_sys::Win32::Foundation::{HANDLE, HANDLE_FLAG_INHERIT};

/// cmd.exe's exit code for a command it cannot find.
pub const NOT_FOUND: u32 = 9009;

/// Run a command line's pipelines; the last command's status, or an `exit`.
pub fn run_list(list: &[(Connector, Pipeline)], errorlevel: &mut u32) -> Option<u32> {
    for (connector, pipeline) in list {
        let run = match connector {
            Connector::Always => true,
            Connector::IfOk => *errorlevel == 0,
            Connector::IfFail => *errorlevel != 0,
        };
        if !run {
            continue;
        }
        match run_pipeline(pipeline, *errorlevel) {
            Flow::Status(s) => *errorlevel = s,
            Flow::Exit(code) => return Some(code),
        }
    }
    None
}

fn run_pipeline(p: &Pipeline, errorlevel: u32) -> Flow {
    if p.len() == 1 {
        return run_command(&p[0], Streams::inherited().std, errorlevel);
    }
    let base = Streams::inherited().std;
    // Each command's process, or the status it failed with.
    let mut started: Vec<Result<Arc<Object>, u32>> = Vec::new();
    let mut input = base[0];
    for (i, cmd) in p.iter().enumerate() {
        let last = i + 1 == p.len();
        let (next_in, out) = if last {
            (std::ptr::null_mut(), base[1])
        } else {
            match pipe::create_anonymous(0, true) {
                Ok(ends) => ends,
                Err(_) => (std::ptr::null_mut(), std::ptr::null_mut()),
            }
        };
        let std = [input, out, base[2]];
        // A built-in's new interpreter applies the command's redirections itself.
        let builtin = builtins::split(cmd.text.trim_start()).is_some();
        let redirects = if builtin { &[][..] } else { &cmd.redirects[..] };
        started.push(match Streams::redirect(std, redirects) {
            Ok(s) if builtin => start_interpreter(&cmd.raw, s.std),
            Ok(s) => start_program(cmd.text.trim(), &s),
            Err(msg) => {
                Streams::inherited().err(&format!("{msg}\r\n"));
                Err(1)
            }
        });
        // Our copies of the pipe ends go: the children have theirs.
        if input != base[0] && !input.is_null() {
            let _ = handles::close(input);
        }
        if !last && !out.is_null() {
            let _ = handles::close(out);
        }
        input = next_in;
    }
    let mut status = 0;
    for r in &started {
        status = match r {
            Ok(obj) => wait(obj),
            Err(s) => *s,
        };
    }
    Flow::Status(status)
}

/// Run one command with `base` handles (before its own redirections).
pub fn run_command(cmd: &Command, base: [HANDLE; 3], errorlevel: u32) -> Flow {
    let streams = match Streams::redirect(base, &cmd.redirects) {
        Ok(s) => s,
        Err(msg) => {
            Streams::inherited().err(&format!("{msg}\r\n"));
            return Flow::Status(1);
        }
    };
    let text = cmd.text.trim_start();
    if text.trim().is_empty() {
        return Flow::Status(errorlevel);
    }
    if let Some((name, args)) = builtins::split(text) {
        return builtins::run(name, args, &streams, errorlevel);
    }
    match start_program(text, &streams) {
        Ok(obj) => Flow::Status(wait(&obj)),
        Err(s) => Flow::Status(s),
    }
}

/// Wait for a process and give its exit code.
fn wait(obj: &Arc<Object>) -> u32 {
    waitable::wait(std::slice::from_ref(obj), false, None);
    match &**obj {
        Object::Process(p) => p.exit_code().unwrap_or(0),
        _ => 0,
    }
}

/// The environment passed to children: ours.
fn environment() -> Vec<String> {
    env::vars().into_iter().map(|(k, v)| format!("{k}={v}")).collect()
}

/// Start `command_line`'s program with `streams` as its standard handles; its process object,
/// or the status to report (9009 and cmd.exe's message when there is no such program).
fn start_program(command_line: &str, streams: &Streams) -> Result<Arc<Object>, u32> {
    let (token, _) = cmdline::program_token(command_line);
    let found = search::find_program(token, true, None).and_then(|(u, w)| Some((process::program_kind(&u).ok()?, u, w)));
    let Some((kind, unix, image)) = found else {
        streams.err(&format!(
            "'{token}' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n"
        ));
        return Err(NOT_FOUND);
    };
    spawn(&unix, &image, kind, command_line.trim(), streams.std)
}

/// Start a new interpreter for a built-in that is part of a pipeline.
fn start_interpreter(raw: &str, std: [HANDLE; 3]) -> Result<Arc<Object>, u32> {
    let Some((unix, image)) = search::find_program("cmd.exe", true, None) else {
        return Err(NOT_FOUND);
    };
    let line = format!("cmd.exe /S /D /c\" {raw}\"");
    let kind = process::program_kind(&unix).map_err(|_| NOT_FOUND)?;
    spawn(&unix, &image, kind, &line, std)
}

fn spawn(unix: &str, image: &str, kind: process::ProgramKind, line: &str, std: [HANDLE; 3]) -> Result<Arc<Object>, u32> {
    // As cmd.exe does: the child inherits every inheritable handle, its std handles included.
    let mut inherit: Vec<HANDLE> = handles::inheritable().into_iter().map(|(h, _, _)| h).collect();
    for h in std {
        if !h.is_null() && handles::flags(h).is_ok_and(|f| f & HANDLE_FLAG_INHERIT != 0) && !inherit.contains(&h) {
            inherit.push(h);
        }
    }
    let env = environment();
    let fds = fd_table_for_programs(process::startup_reserved2().unwrap_or(&[]));
    let req = Spawn {
        program: unix,
        image,
        kind,
        command_line: line,
        cwd: None,
        env: &env,
        inherit: &inherit,
        std,
        suspended: false,
        new_group: false,
        reserved2: &fds,
    };
    match process::spawn(&req) {
        Ok(s) => Ok(s.process),
        Err(e) => {
            Streams::inherited().err(&format!("{}\r\n", builtins::message(e)));
            Err(1)
        }
    }
}

/// What a program cmd starts gets in STARTUPINFO lpReserved2: the C runtime fd table cmd was
/// given (a count N, N flag bytes, N 8-byte handles), as Wine's cmd.exe passes its own C
/// runtime's table on, so `system("prog")` gives prog the caller's fds 3 and up. Fds 0-2 are
/// left out (flag 0, INVALID_HANDLE_VALUE): the program's are the command's standard handles,
/// redirections and pipes included. Empty when cmd was given none.
pub fn fd_table_for_programs(given: &[u8]) -> Vec<u8> {
    let mut t = given.to_vec();
    let Some(n) = t.get(..4).and_then(|c| c.try_into().ok()).map(u32::from_le_bytes) else {
        return Vec::new();
    };
    let n = n as usize;
    for k in 0..n.min(3) {
        if let Some(f) = t.get_mut(4 + k) {
            *f = 0;
        }
        let at = 4 + n + 8 * k;
        if let Some(h) = t.get_mut(at..at + 8) {
            h.fill(0xff);
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::fd_table_for_programs;
    use crate::run_line;

    #[test]
    fn fd_table_passed_on() {
        assert!(fd_table_for_programs(&[]).is_empty());
        assert!(fd_table_for_programs(&[1, 0]).is_empty());
        // fds 0-3: the standard ones are left out, fd 3 passes.
        let mut t = 4u32.to_le_bytes().to_vec();
        t.extend([0xc1, 0x81, 0x81, 0x01]);
        for h in [0x8u64, 0x5c, 0x10, 0x30] {
            t.extend(h.to_le_bytes());
        }
        let mut want = 4u32.to_le_bytes().to_vec();
        want.extend([0, 0, 0, 0x01]);
        for h in [u64::MAX, u64::MAX, u64::MAX, 0x30] {
            want.extend(h.to_le_bytes());
        }
        assert_eq!(fd_table_for_programs(&t), want);
        // A table of one fd, and one cut short, are cleared as far as they go.
        let mut one = 1u32.to_le_bytes().to_vec();
        one.push(0x81);
        one.extend(0x8u64.to_le_bytes());
        let mut cleared = 1u32.to_le_bytes().to_vec();
        cleared.push(0);
        cleared.extend(u64::MAX.to_le_bytes());
        assert_eq!(fd_table_for_programs(&one), cleared);
        assert_eq!(fd_table_for_programs(&[2, 0, 0, 0, 0x81, 0x81, 1, 2]), [2, 0, 0, 0, 0, 0, 1, 2]);
    }

    /// Connectors, built-ins, redirections and %VAR% through the whole interpreter (no child
    /// processes: every command here is a built-in).
    #[test]
    fn lines_of_builtins() {
        let mut level = 0;
        assert_eq!(run_line("exit 3", &mut level), Some(3));
        assert_eq!(run_line("exit /b 4 & exit 5", &mut level), Some(4));
        assert_eq!(run_line("set WRS_CMD_T=12", &mut level), None);
        assert_eq!(level, 0);
        assert_eq!(run_line("exit %WRS_CMD_T%", &mut level), Some(12));
        // `type` of a missing file fails: || runs, && does not.
        assert_eq!(run_line("type wine-rs-no-such-file 2>nul || exit 7", &mut level), Some(7));
        assert_eq!(run_line("type wine-rs-no-such-file 2>nul && exit 7", &mut level), None);
        assert_eq!(level, 1);
        assert_eq!(run_line("exit %ERRORLEVEL%", &mut level), Some(1));

        let dir = std::env::temp_dir().join(format!("wine-rs-cmd-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let dos = syscall_shims::path::unix_to_dos(&dir.to_string_lossy());
        let f = format!("{dos}\\out.txt");
        assert_eq!(run_line(&format!("echo one>\"{f}\"& echo two>>\"{f}\"& echo.>>\"{f}\""), &mut level), None);
        assert_eq!(std::fs::read(dir.join("out.txt")).unwrap(), b"one\r\ntwo\r\n\r\n");
        assert_eq!(run_line(&format!("md \"{dos}\\a\\b\" && rd \"{dos}\\a\\b\" && del \"{f}\""), &mut level), None);
        assert_eq!(level, 0);
        assert!(!dir.join("out.txt").exists() && dir.join("a").is_dir() && !dir.join("a/b").exists());
        assert_eq!(run_line(&format!("rd /s /q \"{dos}\""), &mut level), None);
        assert!(!dir.exists());
        assert_eq!(run_line("set WRS_CMD_T=", &mut level), None);
        assert_eq!(run_line("set WRS_CMD_T >nul", &mut level), None);
        assert_eq!(level, 1, "no longer defined");
    }
}
