//! Running parsed commands: blocks and `if` in this process, built-ins in this process,
//! batch files in this process ([`crate::batch`]), anything else as a program (a PE program
//! in a new wine-rs, a native one executed directly) with the command's text as its command
//! line and its standard handles (and the C runtime fd table cmd was given, fds 3 and up:
//! `fd_table_for_programs`). A pipeline runs all its commands at once, joined by
//! anonymous pipes; as cmd.exe does, a built-in, a block or a batch file in a pipeline runs
//! in a new interpreter (`cmd.exe /S /D /c" command"`).
//!
//! Programs are found as cmd.exe finds them ([`find_command`]): a name with a directory part
//! where it says, else in the current directory and then each PATH directory; in each place
//! the name as given (when it has an extension) and then with each PATHEXT extension
//! appended (".COM;.EXE;.BAT;.CMD;..." when PATHEXT is not set). Difference: when that finds
//! nothing, CreateProcess's search (the system directories, native programs without ".exe")
//! is tried too.

use crate::parse::{Command, Connector, List, Node, Pipeline, Target};
use crate::streams::Streams;
use crate::{Flow, Interp, batch, builtins, cond};
use std::sync::Arc;
use syscall_shims::handles::{self, Object};
use syscall_shims::process::{self, Spawn, search};
use syscall_shims::{env, path, pipe, waitable};
use windows_sys::Win32::Foundation::{HANDLE, HANDLE_FLAG_INHERIT};

/// cmd.exe's exit code for a command it cannot find.
pub const NOT_FOUND: u32 = 9009;

/// Run a list's pipelines. The result is the last pipeline's (Status or Ok), or the first
/// Exit, Leave or Goto, which ends the list.
pub fn run_list(list: &List, interp: &mut Interp) -> Flow {
    let mut ok = true;
    let mut last = Flow::Ok;
    for (connector, pipeline) in list {
        let run = match connector {
            Connector::Always => true,
            Connector::IfOk => ok,
            Connector::IfFail => !ok,
        };
        if !run {
            continue;
        }
        match run_pipeline(pipeline, interp) {
            Flow::Status(s) => {
                interp.errorlevel = s;
                ok = s == 0;
                last = Flow::Status(s);
            }
            Flow::Ok => {
                ok = true;
                last = Flow::Ok;
            }
            other => return other,
        }
    }
    last
}

/// Run one element of a pipeline with `base` handles.
fn run_node(node: &Node, base: [HANDLE; 3], interp: &mut Interp) -> Flow {
    match node {
        Node::Cmd(c) => run_command(c, base, interp, false),
        Node::Block { body, redirects, .. } => {
            let streams = match Streams::redirect(base, redirects) {
                Ok(s) => s,
                Err(msg) => {
                    Streams::inherited().err(&format!("{msg}\r\n"));
                    return Flow::Status(1);
                }
            };
            with_std(interp, streams.std, |i| run_list(body, i))
        }
        Node::For { spec, body, .. } => crate::forloop::run(spec, body, interp),
        Node::If { cond: c, then, otherwise, .. } => {
            if cond::eval(c, interp) {
                run_list(then, interp)
            } else if let Some(o) = otherwise {
                run_list(o, interp)
            } else {
                Flow::Ok
            }
        }
    }
}

/// Run `f` with `std` as the handles commands start from.
fn with_std<T>(interp: &mut Interp, std: [HANDLE; 3], f: impl FnOnce(&mut Interp) -> T) -> T {
    let saved = std::mem::replace(&mut interp.std, std);
    let r = f(interp);
    interp.std = saved;
    r
}

fn run_pipeline(p: &Pipeline, interp: &mut Interp) -> Flow {
    if p.len() == 1 {
        return run_node(&p[0], interp.std, interp);
    }
    let base = interp.std;
    // Each command's process, or the status it failed with.
    let mut started: Vec<Result<Arc<Object>, u32>> = Vec::new();
    let mut input = base[0];
    for (i, node) in p.iter().enumerate() {
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
        // What runs in a new interpreter applies the command's redirections itself.
        started.push(match node {
            Node::Cmd(cmd) if builtins::split(cmd.text.trim_start()).is_none() => {
                let (token, _) = command_token(cmd.text.trim_start());
                match find_command(&token) {
                    Some((_, w)) if search::is_batch(&w) => start_interpreter(node.raw(), std),
                    found => match Streams::redirect(std, &cmd.redirects) {
                        Ok(s) => match found {
                            Some(f) => start_found(f, cmd.text.trim(), &s),
                            // Not found: the message and 9009.
                            None => start_program(cmd.text.trim(), &s),
                        },
                        Err(msg) => {
                            Streams::inherited().err(&format!("{msg}\r\n"));
                            Err(1)
                        }
                    },
                }
            }
            _ => start_interpreter(node.raw(), std),
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

/// Run one command with `base` handles (before its own redirections). `called`: through
/// `call` (a batch file returns to the caller).
pub fn run_command(cmd: &Command, base: [HANDLE; 3], interp: &mut Interp, called: bool) -> Flow {
    // Delayed expansion: of the text and the redirections' file names, now.
    let expanded;
    let cmd = if interp.delayed && (cmd.text.contains('!') || cmd.redirects.iter().any(|r| matches!(&r.target, Target::Read(n) | Target::Write(n) | Target::Append(n) if n.contains('!')))) {
        let mut c = cmd.clone();
        c.text = interp.delayed(&c.text);
        for r in &mut c.redirects {
            if let Target::Read(n) | Target::Write(n) | Target::Append(n) = &mut r.target {
                *n = interp.delayed(n);
            }
        }
        expanded = c;
        &expanded
    } else {
        cmd
    };
    let streams = match Streams::redirect(base, &cmd.redirects) {
        Ok(s) => s,
        Err(msg) => {
            Streams::inherited().err(&format!("{msg}\r\n"));
            return Flow::Status(1);
        }
    };
    let text = cmd.text.trim_start();
    if text.trim().is_empty() {
        return Flow::Ok;
    }
    if let Some((name, args)) = builtins::split(text) {
        if name == "call" {
            return call(args, &streams, interp);
        }
        return builtins::run(name, args, &streams, interp);
    }
    let (token, skip) = command_token(text);
    if let Some((_, image)) = find_command(&token).filter(|(_, w)| search::is_batch(w)) {
        let in_batch = interp.in_batch();
        let (zero, args) = text.split_at(skip);
        let r = with_std(interp, streams.std, |i| batch::run_file(i, &image, zero, args));
        return match r {
            Some(code) => Flow::Exit(code),
            // Without call, a batch file run from a batch file does not return to it.
            None if in_batch && !called => Flow::Leave(None),
            None => Flow::Status(interp.errorlevel),
        };
    }
    match start_program(text, &streams) {
        Ok(obj) => Flow::Status(wait(&obj)),
        Err(s) => Flow::Status(s),
    }
}

/// `call :label args` or `call command`.
fn call(args: &str, io: &Streams, interp: &mut Interp) -> Flow {
    // call expands its text a second time (`call echo %%X%%` in a batch file shows X).
    let level = interp.errorlevel;
    let again = match interp.frames.last() {
        Some(f) => crate::expand::expand_batch(args, &|n| crate::lookup(n, level), f),
        None => crate::expand::expand(args, &|n| crate::lookup(n, level)),
    };
    let a = again.trim_start();
    if a.starts_with(':') {
        return with_std(interp, io.std, |i| batch::call_label(i, a, io));
    }
    if a.trim().is_empty() {
        return Flow::Ok;
    }
    let cmd = Command { text: a.to_string(), redirects: Vec::new(), raw: a.to_string() };
    run_command(&cmd, io.std, interp, true)
}

/// A command's name, as cmd.exe reads it: up to white space outside quotes, the quotes
/// removed (`"a b\\x" y` and `a" "b\\x y` both name `a b\\x`); and where it ends in `text`.
pub fn command_token(text: &str) -> (String, usize) {
    let mut name = String::new();
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ' ' | '\t' if !quoted => return (name, i),
            _ => name.push(c),
        }
    }
    (name, text.len())
}

/// The extensions PATHEXT lists (cmd.exe's default when it is not set).
pub fn pathext() -> Vec<String> {
    let v = env::get(&"PATHEXT".encode_utf16().collect::<Vec<u16>>())
        .map(|v| String::from_utf16_lossy(&v))
        .unwrap_or_else(|| ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC".into());
    v.split(';').map(str::trim).filter(|e| !e.is_empty()).map(String::from).collect()
}

/// Find a command's program as cmd.exe does (see the module comment): (Unix path, Windows
/// path).
pub fn find_command(token: &str) -> Option<(String, String)> {
    if token.is_empty() {
        return None;
    }
    let mut candidates = Vec::new();
    if search::has_extension(token) {
        candidates.push(token.to_string());
    }
    candidates.extend(pathext().iter().map(|e| format!("{token}{e}")));
    let dirs: Vec<String> = if search::has_path(token) {
        vec![String::new()]
    } else {
        std::iter::once(path::current_dir()).chain(search::path_dirs()).collect()
    };
    for dir in &dirs {
        for c in &candidates {
            let full = if dir.is_empty() { c.clone() } else { format!("{}\\{c}", dir.trim_end_matches('\\')) };
            if let Some(unix) = search::existing_file(&full) {
                // The file's name as it is on disk (PATHEXT's extensions are upper case).
                let win = search::windows_form(&full);
                let on_disk = unix.rsplit('/').next().unwrap_or("");
                let win = match win.rfind('\\') {
                    Some(i) if on_disk.eq_ignore_ascii_case(&win[i + 1..]) => format!("{}{on_disk}", &win[..i + 1]),
                    _ => win,
                };
                return Some((unix, win));
            }
        }
    }
    search::find_program(token, true, None)
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
    let (token, _) = command_token(command_line);
    let Some(found) = find_command(&token) else {
        streams.err(&format!(
            "'{token}' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n"
        ));
        return Err(NOT_FOUND);
    };
    start_found(found, command_line, streams)
}

/// Start the program `found` for `command_line`.
fn start_found((unix, image): (String, String), command_line: &str, streams: &Streams) -> Result<Arc<Object>, u32> {
    let kind = match process::program_kind(&unix) {
        Ok(k) => k,
        Err(e) => {
            streams.err(&format!("{}\r\n", builtins::message(e)));
            return Err(NOT_FOUND);
        }
    };
    spawn(&unix, &image, kind, command_line.trim(), streams.std)
}

/// The output of `command` run in a new interpreter (`for /f`'s `('command')`), with our
/// standard input and error.
pub fn capture(command: &str, interp: &Interp) -> String {
    let Ok((read, write)) = pipe::create_anonymous(0, true) else { return String::new() };
    let _ = handles::set_flags(read, HANDLE_FLAG_INHERIT, 0);
    let child = start_interpreter(command, [interp.std[0], write, interp.std[2]]);
    let _ = handles::close(write);
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n) = syscall_shims::file::read(read, &mut buf) {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    let _ = handles::close(read);
    if let Ok(obj) = child {
        wait(&obj);
    }
    String::from_utf8_lossy(&out).into_owned()
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

    #[test]
    fn command_names() {
        use super::command_token;
        assert_eq!(command_token("\"a b\\x\" y"), ("a b\\x".to_string(), 7));
        assert_eq!(command_token("a\" \"b\\x y"), ("a b\\x".to_string(), 7));
        assert_eq!(command_token("prog"), ("prog".to_string(), 4));
    }

    /// Connectors, built-ins, redirections and %VAR% through the whole interpreter (no child
    /// processes: every command here is a built-in).
    #[test]
    fn lines_of_builtins() {
        let mut i = crate::Interp::default();
        assert_eq!(run_line("exit 3", &mut i), Some(3));
        assert_eq!(run_line("exit /b 4 & exit 5", &mut i), Some(4));
        assert_eq!(run_line("set WRS_CMD_T=12", &mut i), None);
        assert_eq!(i.errorlevel, 0);
        assert_eq!(run_line("exit %WRS_CMD_T%", &mut i), Some(12));
        // `type` of a missing file fails: || runs, && does not.
        assert_eq!(run_line("type wine-rs-no-such-file 2>nul || exit 7", &mut i), Some(7));
        assert_eq!(run_line("type wine-rs-no-such-file 2>nul && exit 7", &mut i), None);
        assert_eq!(i.errorlevel, 1);
        assert_eq!(run_line("exit %ERRORLEVEL%", &mut i), Some(1));

        let dir = std::env::temp_dir().join(format!("wine-rs-cmd-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let dos = syscall_shims::path::unix_to_dos(&dir.to_string_lossy());
        let f = format!("{dos}\\out.txt");
        assert_eq!(run_line(&format!("echo one>\"{f}\"& echo two>>\"{f}\"& echo.>>\"{f}\""), &mut i), None);
        assert_eq!(std::fs::read(dir.join("out.txt")).unwrap(), b"one\r\ntwo\r\n\r\n");
        assert_eq!(run_line(&format!("md \"{dos}\\a\\b\" && rd \"{dos}\\a\\b\" && del \"{f}\""), &mut i), None);
        assert_eq!(i.errorlevel, 0);
        assert!(!dir.join("out.txt").exists() && dir.join("a").is_dir() && !dir.join("a/b").exists());
        // set /p reads a line of the input; call expands its text again.
        std::fs::write(dir.join("in.txt"), "typed text\r\nnext\r\n").unwrap();
        let inp = format!("{dos}\\in.txt");
        assert_eq!(run_line(&format!("set /p WRS_CMD_P=ask: <\"{inp}\" >\"{f}\""), &mut i), None);
        assert_eq!(std::fs::read(dir.join("out.txt")).unwrap(), b"ask:  ", "the spaces before the redirections stay");
        assert_eq!(run_line(&format!("set WRS_CMD_Q=WRS_CMD_P& call echo %%WRS_CMD_Q%%>\"{f}\""), &mut i), None);
        assert_eq!(std::fs::read(dir.join("out.txt")).unwrap(), b"%WRS_CMD_P%\r\n", "not a batch file: %% stays");
        assert_eq!(run_line(&format!("call echo %WRS_CMD_Q%:%%WRS_CMD_P%%>\"{f}\""), &mut i), None);
        assert_eq!(std::fs::read(dir.join("out.txt")).unwrap(), b"WRS_CMD_P:%typed text%\r\n");
        assert_eq!(run_line(&format!("del \"{f}\" \"{inp}\""), &mut i), None);
        assert_eq!(run_line(&format!("rd /s /q \"{dos}\""), &mut i), None);
        assert!(!dir.exists());
        assert_eq!(run_line("set WRS_CMD_T=", &mut i), None);
        assert_eq!(run_line("set WRS_CMD_T >nul", &mut i), None);
        assert_eq!(i.errorlevel, 1, "no longer defined");
    }
}
