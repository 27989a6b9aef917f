//! Batch files (`.bat`, `.cmd`): read whole, run line by line in this interpreter.
//!
//! As cmd.exe does: each line is `%`-expanded when it is read ([`crate::expand`]), a line
//! that opens a block takes the following lines until the block closes (expanded when read,
//! so a variable set inside a block shows its old value there); lines starting with `:` are
//! labels (and `::` comments) and do not run; with `echo on` (the default) each line is shown
//! before it runs, after an empty line and the prompt (`%PROMPT%`, `$P$G` when unset), unless
//! it starts with `@`. `goto label` continues after the label (searched from the current
//! line to the end, then from the start; `goto :eof` ends the file); `call :label args` runs
//! the file from the label, with its own arguments, until its end, `exit /b` or `goto :eof`;
//! `call other.bat args` runs another file and comes back, and naming a batch file without
//! `call` from a batch file runs it instead of the rest of this one. Arguments are split at
//! white space, `,`, `;` and `=` outside quotes (the quotes stay); `shift` moves them down
//! (`shift /n` from the n-th on); `%*` is all of them (not shifted). `setlocal` saves the
//! environment and the current directory, `endlocal` brings them back, and the end of the
//! file (or of a `call`ed label) does what its missing `endlocal`s would. A line ending with
//! an unescaped `^` continues on the next line.
//! Differences: a line is limited only by memory; `call` does not expand its arguments a
//! second time; the shown line is the expanded text as written, not cmd.exe's re-formatted
//! command.

use crate::expand::{self, Args};
use crate::parse::{self, Error};
use crate::streams::{Streams, write_all};
use crate::{Flow, Interp, exec};
use std::sync::Arc;
use syscall_shims::{env, path};

/// One running batch file (or `call`ed label).
pub struct Frame {
    /// The file's full Windows path.
    pub path: String,
    pub lines: Arc<Vec<String>>,
    /// The next line to read.
    pub pos: usize,
    /// `%0`, `%1`...
    pub args: Vec<String>,
    /// How many times `shift` moved them.
    pub shift: usize,
    /// `%*`.
    pub all: String,
    /// What each `setlocal` saved.
    pub locals: Vec<Saved>,
}

/// The environment, current directory and delayed expansion state of a `setlocal`.
pub struct Saved {
    vars: Vec<(String, String)>,
    cwd: String,
    delayed: bool,
}

impl Args for Frame {
    fn arg(&self, n: usize) -> Option<String> {
        self.args.get(self.shift + n).cloned()
    }
    fn all(&self) -> String {
        self.all.clone()
    }
    fn arg_path(&self, n: usize) -> Option<String> {
        // %~dp0 and friends: the batch file itself (until a shift).
        if n == 0 && self.shift == 0 { Some(self.path.clone()) } else { self.arg(n) }
    }
}

/// A batch file's arguments: split at white space, `,`, `;` and `=` outside quotes.
pub fn split_args(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
            cur.push(c);
        } else if !quoted && " \t,;=".contains(c) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Run the batch file `path` (a full Windows path), named `zero` on the command line, with
/// the argument text `args`. `Some(code)` when `exit` ended the interpreter.
pub fn run_file(interp: &mut Interp, path: &str, zero: &str, args: &str) -> Option<u32> {
    let data = path::dos_to_unix(path).and_then(|u| std::fs::read(u).ok());
    let Some(data) = data else {
        write_all(interp.std[2], b"The batch file cannot be found.\r\n");
        interp.errorlevel = 1;
        return None;
    };
    let lines: Vec<String> = String::from_utf8_lossy(&data).split('\n').map(|l| l.trim_end_matches('\r').to_string()).collect();
    let mut argv = vec![zero.trim().to_string()];
    argv.extend(split_args(args));
    let all = args.trim_start_matches([' ', '\t', ',', ';', '=']).trim_end().to_string();
    run_frame(interp, Frame { path: path.to_string(), lines: Arc::new(lines), pos: 0, args: argv, shift: 0, all, locals: Vec::new() })
}

/// `call :label args` (`text` starts at the ':').
pub fn call_label(interp: &mut Interp, text: &str, io: &Streams) -> Flow {
    let Some(cur) = interp.frames.last() else {
        io.err("Invalid attempt to call batch label outside of batch script.\r\n");
        return Flow::Status(1);
    };
    let end = text.find([' ', '\t', ',', ';', '=']).unwrap_or(text.len());
    let (label, args) = text.split_at(end);
    let Some(pos) = find_label(&cur.lines, label, 0) else {
        io.err(&format!("The system cannot find the batch label specified - {}\r\n", label.trim_start_matches(':')));
        return Flow::Status(1);
    };
    let mut argv = vec![label.to_string()];
    argv.extend(split_args(args));
    let all = args.trim_start_matches([' ', '\t', ',', ';', '=']).to_string();
    let frame = Frame { path: cur.path.clone(), lines: cur.lines.clone(), pos, args: argv, shift: 0, all, locals: Vec::new() };
    match run_frame(interp, frame) {
        Some(code) => Flow::Exit(code),
        None => Flow::Status(interp.errorlevel),
    }
}

/// The line after label `label` (with or without its ':'), searched from line `from` to the
/// end, then from the start.
pub fn find_label(lines: &[String], label: &str, from: usize) -> Option<usize> {
    let want = label.trim().trim_start_matches(':');
    let want = want.split([' ', '\t']).next().unwrap_or("");
    let is_it = |l: &String| {
        let t = l.trim_start_matches([' ', '\t', '@']);
        let Some(name) = t.strip_prefix(':') else { return false };
        let name = name.split([' ', '\t', '+', ':', ',', ';', '=']).next().unwrap_or("");
        !name.is_empty() && name.eq_ignore_ascii_case(want)
    };
    let from = from.min(lines.len());
    (from..lines.len()).chain(0..from).find(|&i| is_it(&lines[i])).map(|i| i + 1)
}

/// The prompt `%PROMPT%` gives (`$P$G` when unset): `$P` the current directory, `$G` `>`,
/// `$L` `<`, `$Q` `=`, `$S` a space, `$$` `$`, `$_` a line break, `$N` the drive.
pub fn prompt() -> String {
    let spec = env::get(&"PROMPT".encode_utf16().collect::<Vec<u16>>())
        .map(|v| String::from_utf16_lossy(&v))
        .unwrap_or_else(|| "$P$G".into());
    let cwd = path::current_dir();
    let mut out = String::new();
    let mut it = spec.chars();
    while let Some(c) = it.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        match it.next().map(|c| c.to_ascii_uppercase()) {
            Some('P') => out.push_str(&cwd),
            Some('G') => out.push('>'),
            Some('L') => out.push('<'),
            Some('Q') => out.push('='),
            Some('S') => out.push(' '),
            Some('$') => out.push('$'),
            Some('_') => out.push_str("\r\n"),
            Some('N') => out.push_str(cwd.get(..1).unwrap_or("")),
            _ => {}
        }
    }
    out
}

/// Expand one line of the innermost frame.
fn expand_line(interp: &Interp, line: &str) -> String {
    let level = interp.errorlevel;
    let Some(frame) = interp.frames.last() else { return line.to_string() };
    expand::expand_batch(line, &|n| crate::lookup(n, level), frame)
}

/// Run a frame until its end; `Some(code)` when `exit` ended the interpreter.
fn run_frame(interp: &mut Interp, frame: Frame) -> Option<u32> {
    interp.frames.push(frame);
    let result = loop {
        let Some(f) = interp.frames.last_mut() else { break None };
        let Some(raw) = f.lines.get(f.pos).cloned() else { break None };
        f.pos += 1;
        let t = raw.trim_start_matches([' ', '\t']);
        if t.starts_with(':') || t.trim().is_empty() {
            continue;
        }
        let quiet = t.starts_with('@');
        let mut raw = raw;
        // A '^' at the end of a line joins the next line to it.
        while raw.ends_with('^') && (raw.len() - raw.trim_end_matches('^').len()) % 2 == 1 {
            raw.pop();
            let Some(f) = interp.frames.last_mut() else { break };
            let Some(next) = f.lines.get(f.pos).cloned() else { break };
            f.pos += 1;
            raw.push_str(&next);
        }
        let mut text = expand_line(interp, &raw);
        let parsed = loop {
            match parse::parse(&text) {
                Err(Error::Incomplete) => {
                    let Some(f) = interp.frames.last_mut() else { break Err(Error::Incomplete) };
                    let Some(next) = f.lines.get(f.pos).cloned() else { break Err(Error::Incomplete) };
                    f.pos += 1;
                    text.push('\n');
                    text.push_str(&expand_line(interp, &next));
                }
                other => break other,
            }
        };
        if interp.echo && !quiet {
            let shown = text.trim().replace('\n', "\r\n");
            write_all(interp.std[1], format!("\r\n{}{shown}\r\n", prompt()).as_bytes());
        }
        let flow = match parsed {
            Ok(list) => exec::run_list(&list, interp),
            Err(e) => {
                // A line that does not parse ends the batch file.
                write_all(interp.std[2], format!("{}\r\n", e.message()).as_bytes());
                interp.errorlevel = 255;
                break None;
            }
        };
        match flow {
            Flow::Exit(code) => break Some(code),
            Flow::Leave(code) => {
                if let Some(c) = code {
                    interp.errorlevel = c;
                }
                break None;
            }
            Flow::Goto(label) => {
                let target = label.trim().trim_start_matches(':');
                if target.eq_ignore_ascii_case("eof") {
                    break None;
                }
                let Some(f) = interp.frames.last_mut() else { break None };
                match find_label(&f.lines, target, f.pos) {
                    Some(p) => f.pos = p,
                    None => {
                        let msg = format!("The system cannot find the batch label specified - {target}\r\n");
                        write_all(interp.std[2], msg.as_bytes());
                        interp.errorlevel = 1;
                        break None;
                    }
                }
            }
            Flow::Status(_) | Flow::Ok => {}
        }
    };
    if let Some(mut f) = interp.frames.pop()
        && !f.locals.is_empty()
    {
        // The missing endlocals: back to what the first setlocal saved.
        restore(interp, f.locals.swap_remove(0));
    }
    result
}

/// `setlocal [enabledelayedexpansion|disabledelayedexpansion] [enableextensions|...]`: save
/// the environment, the current directory and the delayed expansion state (outside a batch
/// file it does nothing, as in cmd.exe).
pub fn setlocal(interp: &mut Interp, args: &str) {
    let delayed = interp.delayed;
    let Some(f) = interp.frames.last_mut() else { return };
    f.locals.push(Saved { vars: env::vars(), cwd: path::current_dir(), delayed });
    for w in split_args(args) {
        match w.to_ascii_lowercase().as_str() {
            "enabledelayedexpansion" => interp.delayed = true,
            "disabledelayedexpansion" => interp.delayed = false,
            _ => {}
        }
    }
}

/// `endlocal`: back to what the last `setlocal` of this batch file saved.
pub fn endlocal(interp: &mut Interp) {
    if let Some(saved) = interp.frames.last_mut().and_then(|f| f.locals.pop()) {
        restore(interp, saved);
    }
}

fn restore(interp: &mut Interp, saved: Saved) {
    interp.delayed = saved.delayed;
    let w = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
    for (k, _) in env::vars() {
        if !saved.vars.iter().any(|(n, _)| n.eq_ignore_ascii_case(&k)) {
            let _ = env::set(&w(&k), None);
        }
    }
    for (k, v) in &saved.vars {
        let _ = env::set(&w(k), Some(&w(v)));
    }
    let _ = path::set_current_dir(&saved.cwd);
}

/// `shift [/n]`.
pub fn shift(interp: &mut Interp, args: &str) {
    let Some(f) = interp.frames.last_mut() else { return };
    let a = args.trim();
    match a.strip_prefix('/').and_then(|n| n.parse::<usize>().ok()) {
        Some(n) if n <= 8 => {
            let at = f.shift + n;
            if at < f.args.len() {
                f.args.remove(at);
            }
        }
        _ => f.shift += 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_and_labels() {
        assert_eq!(split_args(" a,b;c=d  \"e f\"\tg"), ["a", "b", "c", "d", "\"e f\"", "g"]);
        let lines: Vec<String> = ["@echo off", ":one", "x", "  :Two extra", "::comment", ":three"].map(String::from).into();
        assert_eq!(find_label(&lines, "one", 0), Some(2));
        assert_eq!(find_label(&lines, ":two", 0), Some(4));
        assert_eq!(find_label(&lines, "ONE", 3), Some(2), "the search wraps to the start");
        assert_eq!(find_label(&lines, "comment", 0), None);
        assert_eq!(find_label(&lines, "four", 0), None);
    }

    /// Batch files through the whole interpreter (built-ins only: no child processes).
    #[test]
    fn batch_files() {
        let dir = std::env::temp_dir().join(format!("wine-rs-batch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let dos = path::unix_to_dos(&dir.to_string_lossy());
        let main = "@echo off\r\n\
            rem comment & exit 99\r\n\
            echo [%0] [%1] [%~1] [%2] [%*]\r\n\
            echo %~nx0 %~x0\r\n\
            set WRS_B=1\r\n\
            setlocal\r\n\
            set WRS_B=2\r\n\
            if \"%WRS_B%\"==\"2\" (\r\n\
              set WRS_B=3\r\n\
              echo block sees %WRS_B%\r\n\
            ) else (\r\n\
              echo wrong\r\n\
            )\r\n\
            echo now %WRS_B%\r\n\
            endlocal\r\n\
            echo restored %WRS_B%\r\n\
            call :sub x \"y z\"\r\n\
            echo sub gave %ERRORLEVEL%\r\n\
            if errorlevel 5 echo ge5\r\n\
            if not errorlevel 6 echo lt6\r\n\
            if /i abc==ABC echo nocase\r\n\
            if 10 gtr 9 (echo numeric) else echo strings\r\n\
            set /a WRS_N=(2+3)*4\r\n\
            echo n=%WRS_N%\r\n\
            shift\r\n\
            echo shifted [%0] [%1]\r\n\
            call second.bat q\r\n\
            echo back %ERRORLEVEL%\r\n\
            goto skip\r\n\
            echo not shown\r\n\
            :skip\r\n\
            echo 100%% ^\r\n\
            more\r\n\
            setlocal enabledelayedexpansion\r\n\
            set WRS_D=a\r\n\
            (set WRS_D=b\r\n\
             echo %WRS_D% !WRS_D!)\r\n\
            endlocal\r\n\
            echo !WRS_D!\r\n\
            exit /b 3\r\n\
            :sub\r\n\
            echo in sub [%0] [%1] [%~2]\r\n\
            exit /b 5\r\n";
        std::fs::write(dir.join("main.bat"), main).unwrap();
        std::fs::write(dir.join("second.bat"), "echo second %1\r\ngoto :eof\r\necho never\r\n").unwrap();
        let out = format!("{dos}\\out.txt");
        let mut i = Interp::default();
        let saved_cwd = path::current_dir();
        path::set_current_dir(&dos).unwrap();
        let r = crate::run_line(&format!("main \"a b\" c >\"{out}\""), &mut i);
        path::set_current_dir(&saved_cwd).unwrap();
        assert_eq!(r, None);
        assert_eq!(i.errorlevel, 3);
        let text = std::fs::read_to_string(dir.join("out.txt")).unwrap();
        let expected = "[main] [\"a b\"] [a b] [c] [\"a b\" c]\r\n\
            main.bat .bat\r\n\
            block sees 2\r\n\
            now 3\r\n\
            restored 1\r\n\
            in sub [:sub] [x] [y z]\r\n\
            sub gave 5\r\n\
            ge5\r\n\
            lt6\r\n\
            nocase\r\n\
            numeric\r\n\
            n=20\r\n\
            shifted [\"a b\"] [c]\r\n\
            second q\r\n\
            back 5\r\n\
            100% more\r\n\
            a b\r\n\
            !WRS_D!\r\n";
        assert_eq!(text, expected);
        // Echo on: each line shown after an empty line and the prompt; '@' lines are not.
        std::fs::write(dir.join("echo.bat"), "echo one\r\n@echo two\r\n").unwrap();
        assert!(!i.echo, "echo off lasts after the batch file, as in cmd.exe");
        i.echo = true;
        let r = crate::run_line(&format!("\"{dos}\\echo.bat\" >\"{out}\""), &mut i);
        assert_eq!(r, None);
        let text = std::fs::read_to_string(dir.join("out.txt")).unwrap();
        assert_eq!(text, format!("\r\n{}echo one\r\none\r\ntwo\r\n", prompt()));
        let _ = std::fs::remove_dir_all(&dir);
        let _ = env::set(&"WRS_B".encode_utf16().collect::<Vec<u16>>(), None);
    }
}
