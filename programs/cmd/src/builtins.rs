//! The built-in commands: `echo`, `exit`, `cd`/`chdir`, `set`, `type`, `del`/`erase`,
//! `mkdir`/`md`, `rmdir`/`rd`, `rem`, `pushd`, `popd`, `title`, `verify`, and for batch files `goto`,
//! `shift`, `setlocal`, `endlocal` (`call` is run by [`crate::exec`]).
//!
//! A built-in's name ends at white space or at one of `./(;,=+[]\:` (so `echo.`, `cd..` and
//! `exit/b` work as in cmd.exe). Messages are cmd.exe's (English). As in cmd.exe, `echo`,
//! `rem`, `goto`, `shift`, `title`, a successful `cd` and (in a `.bat` file) a successful `set`
//! leave ERRORLEVEL as it was; in a `.cmd` file a successful `set` sets it to 0. `exit /b`
//! without a code leaves it too. `set /a` evaluates ([`crate::arith`]) and, outside a batch
//! file, prints the result (without a line break). Differences from cmd.exe: a failing `cd`,
//! `type`, `mkdir` or `rmdir` sets ERRORLEVEL 1 (cmd.exe leaves it unchanged for some of them;
//! `||` sees the failure either way); `cd` to another drive changes the current directory
//! without `/d`; a failing `set /a` sets ERRORLEVEL 1. `set /p` reads its line from the
//! input a byte at a time.

use crate::streams::Streams;
use crate::{Flow, Interp, arith, batch};
use syscall_shims::{env, file, path};
use windows_sys::Win32::Foundation::{
    ERROR_ACCESS_DENIED, ERROR_ALREADY_EXISTS, ERROR_DIR_NOT_EMPTY, ERROR_DIRECTORY, ERROR_FILE_EXISTS,
    ERROR_FILE_NOT_FOUND, ERROR_INVALID_NAME, ERROR_PATH_NOT_FOUND, ERROR_SHARING_VIOLATION, GENERIC_READ,
};
use windows_sys::Win32::Storage::FileSystem::{FILE_ATTRIBUTE_DIRECTORY, FILE_ATTRIBUTE_NORMAL, OPEN_EXISTING};

/// cmd.exe's text for a Win32 error.
pub fn message(e: u32) -> &'static str {
    match e {
        ERROR_FILE_NOT_FOUND => "The system cannot find the file specified.",
        ERROR_PATH_NOT_FOUND => "The system cannot find the path specified.",
        ERROR_ACCESS_DENIED => "Access is denied.",
        ERROR_SHARING_VIOLATION => "The process cannot access the file because it is being used by another process.",
        ERROR_DIR_NOT_EMPTY => "The directory is not empty.",
        ERROR_DIRECTORY => "The directory name is invalid.",
        ERROR_INVALID_NAME => "The filename, directory name, or volume label syntax is incorrect.",
        _ => "The system cannot find the file specified.",
    }
}

const NAMES: &[&str] = &[
    "echo", "exit", "cd", "chdir", "set", "type", "del", "erase", "mkdir", "md", "rmdir", "rd", "rem", "call", "goto",
    "shift", "setlocal", "endlocal", "pushd", "popd", "title", "verify",
];

/// If `text` starts with a built-in's name: (the name, lower case; the rest). For `echo` the
/// rest starts with the delimiter (white space, or `.` for `echo.`...); the others lose a
/// white-space delimiter.
pub fn split(text: &str) -> Option<(&'static str, &str)> {
    let end = text.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(text.len());
    let word = text[..end].to_ascii_lowercase();
    let name = NAMES.iter().find(|n| **n == word)?;
    let rest = &text[end..];
    match rest.chars().next() {
        None => Some((name, "")),
        Some(c) if c == ' ' || c == '\t' || "./(;,=+[]\\:".contains(c) => {
            // echo keeps its delimiter (it decides what echo prints); the others drop white
            // space and keep any other delimiter as part of their arguments (`cd..`, `exit/b`).
            if *name == "echo" || (c != ' ' && c != '\t') {
                return Some((name, rest));
            }
            Some((name, &rest[c.len_utf8()..]))
        }
        Some(_) => None,
    }
}

/// The words of an argument string (quotes removed; a quoted part keeps its spaces).
fn words(args: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in args.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' | '\t' | ',' | ';' | '=' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            _ => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

/// Split switches (`/x`) from the other words.
fn switches(args: &str) -> (Vec<String>, Vec<String>) {
    words(args).into_iter().partition(|w| w.starts_with('/') && w.len() > 1)
}

fn has(sw: &[String], c: char) -> bool {
    sw.iter().any(|s| s[1..].chars().next().is_some_and(|x| x.eq_ignore_ascii_case(&c)))
}

/// Run built-in `name` with `args`.
pub fn run(name: &str, args: &str, io: &Streams, interp: &mut Interp) -> Flow {
    match name {
        "echo" => echo(args, io, interp),
        "rem" | "title" => Flow::Ok,
        // `verify` (the old write-verification switch, always off here): ERRORLEVEL 0 when
        // the arguments are right, which batch files use to reset it.
        "verify" => match args.trim().to_ascii_lowercase().as_str() {
            "" => {
                io.out("VERIFY is off.\r\n");
                Flow::Status(0)
            }
            "on" | "off" => Flow::Status(0),
            _ => {
                io.err("Must specify ON or OFF.\r\n");
                Flow::Status(1)
            }
        },
        "exit" => exit(args),
        "cd" | "chdir" => cd(args, io),
        "set" => set(args, io, interp),
        "goto" => {
            let label = args.trim_start_matches([' ', '\t', ':']).split([' ', '\t']).next().unwrap_or("");
            if label.is_empty() {
                io.err("No batch label specified to GOTO command.\r\n");
                return Flow::Status(1);
            }
            if args.trim_start().starts_with(':') && label.eq_ignore_ascii_case("eof") {
                return Flow::Leave(None);
            }
            Flow::Goto(label.to_string())
        }
        "shift" => {
            batch::shift(interp, args);
            Flow::Ok
        }
        "setlocal" => {
            batch::setlocal(interp, args);
            Flow::Status(0)
        }
        "endlocal" => {
            batch::endlocal(interp);
            Flow::Ok
        }
        "pushd" => {
            let cwd = path::current_dir();
            match cd(args, io) {
                Flow::Ok if !args.trim().is_empty() => {
                    interp.dirs.push(cwd);
                    Flow::Ok
                }
                other => other,
            }
        }
        "popd" => {
            if let Some(d) = interp.dirs.pop() {
                let _ = path::set_current_dir(&d);
            }
            Flow::Ok
        }
        "type" => type_(args, io),
        "del" | "erase" => del(args, io),
        "mkdir" | "md" => mkdir(args, io),
        _ => rmdir(args, io),
    }
}

/// `echo text`, `echo.` (an empty line; also `echo/`, `echo(`...), `echo` alone ("ECHO is
/// on."). `args` starts with the delimiter after the name.
fn echo(args: &str, io: &Streams, interp: &mut Interp) -> Flow {
    let state = if interp.echo { "ECHO is on.\r\n" } else { "ECHO is off.\r\n" };
    let mut chars = args.chars();
    match chars.next() {
        None => io.out(state),
        Some(' ' | '\t') => {
            let text = chars.as_str();
            match text.trim().to_ascii_lowercase().as_str() {
                "" => io.out(state),
                "on" => interp.echo = true,
                "off" => interp.echo = false,
                _ => {
                    io.out(text);
                    io.out("\r\n");
                }
            }
        }
        Some(_) => {
            io.out(chars.as_str());
            io.out("\r\n");
        }
    }
    Flow::Ok
}

/// `exit [/b] [code]`: the code is read as atoi does (0 when absent or not a number);
/// `exit /b` without a code leaves ERRORLEVEL as it is.
fn exit(args: &str) -> Flow {
    let (sw, w) = switches(args);
    if has(&sw, 'b') && w.is_empty() {
        return Flow::Leave(None);
    }
    let code = w.first().map_or(0, |s| {
        let t = s.trim();
        let (neg, digits) = match t.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, t),
        };
        let n: i64 = digits.chars().take_while(|c| c.is_ascii_digit()).collect::<String>().parse().unwrap_or(0);
        (if neg { -n } else { n }) as i32 as u32
    });
    if has(&sw, 'b') { Flow::Leave(Some(code)) } else { Flow::Exit(code) }
}

fn cd(args: &str, io: &Streams) -> Flow {
    let (_sw, w) = switches(args);
    let target = w.join(" ");
    if target.is_empty() {
        io.out(&format!("{}\r\n", path::current_dir()));
        return Flow::Status(0);
    }
    match path::set_current_dir(&target) {
        Ok(()) => Flow::Ok,
        Err(_) => {
            io.err(&format!("{}\r\n", message(ERROR_PATH_NOT_FOUND)));
            Flow::Status(1)
        }
    }
}

fn wide(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

/// `set /a`'s view of the environment.
struct EnvVars;

impl arith::Vars for EnvVars {
    fn get(&self, name: &str) -> Option<String> {
        env::get(&wide(name)).map(|v| String::from_utf16_lossy(&v))
    }
    fn set(&mut self, name: &str, value: &str) {
        let _ = env::set(&wide(name), Some(&wide(value)));
    }
}

fn set(args: &str, io: &Streams, interp: &Interp) -> Flow {
    let a = args.trim_start();
    // A successful set: ERRORLEVEL 0 in a .cmd file, unchanged elsewhere.
    let done = match interp.frames.last() {
        Some(f) if f.path.to_ascii_lowercase().ends_with(".cmd") => Flow::Status(0),
        _ => Flow::Ok,
    };
    if a.len() >= 2 && a.as_bytes()[0] == b'/' && a.as_bytes()[1].eq_ignore_ascii_case(&b'a') {
        return match arith::eval(&a[2..], &mut EnvVars) {
            Ok(v) => {
                if !interp.in_batch() {
                    io.out(&v.to_string());
                }
                done
            }
            Err(msg) => {
                io.err(&format!("{msg}\r\n"));
                Flow::Status(1)
            }
        };
    }
    if a.len() >= 2 && a.as_bytes()[0] == b'/' && a.as_bytes()[1].eq_ignore_ascii_case(&b'p') {
        return set_prompt(a[2..].trim_start(), io, done);
    }
    if a.starts_with('/') {
        io.err("The syntax of the command is incorrect.\r\n");
        return Flow::Status(1);
    }
    // `set "NAME=VALUE"`: the text between the first and the last quote.
    let a = match a.strip_prefix('"') {
        Some(r) => &r[..r.rfind('"').unwrap_or(r.len())],
        None => a,
    };
    match a.split_once('=') {
        Some((name, value)) if !name.is_empty() => {
            let value = (!value.is_empty()).then(|| wide(value));
            match env::set(&wide(name), value.as_deref()) {
                Ok(()) => done,
                Err(_) => {
                    io.err("The syntax of the command is incorrect.\r\n");
                    Flow::Status(1)
                }
            }
        }
        Some(_) => {
            io.err("The syntax of the command is incorrect.\r\n");
            Flow::Status(1)
        }
        None => {
            let prefix = a.trim_end();
            let vars: Vec<_> = env::vars()
                .into_iter()
                .filter(|(k, _)| !k.starts_with('=') && k.to_uppercase().starts_with(&prefix.to_uppercase()))
                .collect();
            if vars.is_empty() {
                io.out(&format!("Environment variable {prefix} not defined\r\n"));
                return Flow::Status(1);
            }
            for (k, v) in vars {
                io.out(&format!("{k}={v}\r\n"));
            }
            done
        }
    }
}

/// `set /p NAME=prompt`: show the prompt, read a line from the input into NAME. An empty
/// line (or the end of the input) leaves NAME as it was and sets ERRORLEVEL 1.
fn set_prompt(a: &str, io: &Streams, done: Flow) -> Flow {
    let a = match a.strip_prefix('"') {
        Some(r) => &r[..r.rfind('"').unwrap_or(r.len())],
        None => a,
    };
    let Some((name, prompt)) = a.split_once('=').filter(|(n, _)| !n.is_empty()) else {
        io.err("The syntax of the command is incorrect.\r\n");
        return Flow::Status(1);
    };
    io.out(prompt);
    // One byte at a time: the rest of the input stays for whoever reads it next.
    let mut line = Vec::new();
    let mut b = [0u8; 1];
    while let Ok(1) = file::read(io.std[0], &mut b) {
        if b[0] == b'\n' {
            break;
        }
        line.push(b[0]);
    }
    let text = String::from_utf8_lossy(&line).trim_end_matches('\r').to_string();
    if text.is_empty() {
        return Flow::Status(1);
    }
    let _ = env::set(&wide(name), Some(&wide(&text)));
    done
}

fn type_(args: &str, io: &Streams) -> Flow {
    let (_sw, names) = switches(args);
    if names.is_empty() {
        io.err("The syntax of the command is incorrect.\r\n");
        return Flow::Status(1);
    }
    let mut status = 0;
    for name in &names {
        let o = file::CreateOptions { access: GENERIC_READ, disposition: OPEN_EXISTING, flags: FILE_ATTRIBUTE_NORMAL, inherit: false };
        match file::create(name, &o) {
            Ok((h, _)) => {
                if names.len() > 1 {
                    io.err(&format!("\r\n{name}\r\n\r\n\r\n"));
                }
                let mut buf = vec![0u8; 64 * 1024];
                while let Ok(n) = file::read(h, &mut buf) {
                    if n == 0 {
                        break;
                    }
                    crate::streams::write_all(io.std[1], &buf[..n]);
                }
                let _ = syscall_shims::handles::close(h);
            }
            Err(e) => {
                io.err(&format!("{}\r\nError occurred while processing: {name}.\r\n", message(e)));
                status = 1;
            }
        }
    }
    Flow::Status(status)
}

/// The files a name or a wildcard pattern (in its last component) designates.
pub fn expand_wildcards(name: &str) -> Vec<String> {
    if !name.contains(['*', '?']) {
        return vec![name.to_string()];
    }
    let (dir, mask) = match name.rfind(['\\', '/']) {
        Some(i) => (&name[..i + 1], &name[i + 1..]),
        None => ("", name),
    };
    let full = path::full_path(if dir.is_empty() { "." } else { dir }).unwrap_or_default();
    let Some(unix) = path::dos_to_unix(&full) else { return Vec::new() };
    let expr = file::dir::dos_expression(mask);
    let Ok(rd) = std::fs::read_dir(&unix) else { return Vec::new() };
    let mut out: Vec<String> = rd
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| file::dir::matches(&expr, &n.to_uppercase().chars().collect::<Vec<_>>()))
        .map(|n| format!("{dir}{n}"))
        .collect();
    out.sort();
    out
}

fn del(args: &str, io: &Streams) -> Flow {
    let (_sw, names) = switches(args);
    if names.is_empty() {
        io.err("The syntax of the command is incorrect.\r\n");
        return Flow::Status(1);
    }
    for name in &names {
        let files = expand_wildcards(name);
        if files.is_empty() || (files.len() == 1 && file::attributes(&files[0]).is_err()) {
            let full = path::full_path(name).unwrap_or_else(|| name.clone());
            io.err(&format!("Could Not Find {full}\r\n"));
            continue;
        }
        for f in files {
            if let Err(e) = file::delete(&f) {
                io.err(&format!("{}\r\n", message(e)));
            }
        }
    }
    // cmd.exe's del leaves ERRORLEVEL 0 even when files were not found.
    Flow::Status(0)
}

fn mkdir(args: &str, io: &Streams) -> Flow {
    let (_sw, names) = switches(args);
    if names.is_empty() {
        io.err("The syntax of the command is incorrect.\r\n");
        return Flow::Status(1);
    }
    let mut status = 0;
    for name in &names {
        if file::attributes(name).is_ok() {
            io.err(&format!("A subdirectory or file {name} already exists.\r\n"));
            status = 1;
            continue;
        }
        // With command extensions (the default), the missing parents are created too.
        let mut made = String::new();
        let mut failed = None;
        for (i, part) in name.split(['\\', '/']).enumerate() {
            if i > 0 {
                made.push('\\');
            }
            made.push_str(part);
            if part.is_empty() || part.ends_with(':') || file::attributes(&made).is_ok() {
                continue;
            }
            if let Err(e) = file::create_dir(&made)
                && e != ERROR_ALREADY_EXISTS
                && e != ERROR_FILE_EXISTS
            {
                failed = Some(e);
                break;
            }
        }
        if let Some(e) = failed {
            io.err(&format!("{}\r\n", message(e)));
            status = 1;
        }
    }
    Flow::Status(status)
}

fn rmdir(args: &str, io: &Streams) -> Flow {
    let (sw, names) = switches(args);
    if names.is_empty() {
        io.err("The syntax of the command is incorrect.\r\n");
        return Flow::Status(1);
    }
    let tree = has(&sw, 's');
    let mut status = 0;
    for name in &names {
        let r = match file::attributes(name) {
            Err(e) => Err(e),
            Ok(a) if a & FILE_ATTRIBUTE_DIRECTORY == 0 => Err(ERROR_DIRECTORY),
            Ok(_) if tree => {
                let unix = path::full_path(name).and_then(|f| path::dos_to_unix(&f));
                match unix.map(std::fs::remove_dir_all) {
                    Some(Ok(())) => Ok(()),
                    _ => Err(ERROR_ACCESS_DENIED),
                }
            }
            Ok(_) => file::remove_dir(name),
        };
        if let Err(e) = r {
            io.err(&format!("{}\r\n", message(e)));
            status = 1;
        }
    }
    Flow::Status(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_delimiters() {
        assert_eq!(split("echo hi  there "), Some(("echo", " hi  there ")));
        assert_eq!(split("ECHO."), Some(("echo", ".")));
        assert_eq!(split("echo"), Some(("echo", "")));
        assert_eq!(split("cd.."), Some(("cd", "..")));
        assert_eq!(split("exit/b 3"), Some(("exit", "/b 3")));
        assert_eq!(split("echoes x"), None);
        assert_eq!(split("notepad x"), None);
        assert_eq!(split("md \"a b\""), Some(("md", "\"a b\"")));
    }

    #[test]
    fn argument_words() {
        assert_eq!(words("/q \"a b\" c"), ["/q", "a b", "c"]);
        let (sw, w) = switches("/S /q dir");
        assert!(has(&sw, 's') && has(&sw, 'Q') && w == ["dir"]);
        assert_eq!(exit_code("7"), 7);
        assert_eq!(exit_code("/b 3"), 3);
        assert_eq!(exit_code(""), 0);
        assert_eq!(exit_code("-1"), u32::MAX);
        assert_eq!(exit_code("12abc"), 12);
    }

    fn exit_code(args: &str) -> u32 {
        match exit(args) {
            Flow::Exit(c) | Flow::Leave(Some(c)) => c,
            other => panic!("exit must end the interpreter: {other:?}"),
        }
    }
}
