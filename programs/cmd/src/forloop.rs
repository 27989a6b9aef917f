//! `for`: running a command once for each file, directory, number or line.
//!
//! As cmd.exe documents: `for %X in (set) do command` takes each word of the set (split at
//! white space, `,`, `;`, `=` outside quotes; quotes kept), a word with `*` or `?` giving the
//! files it matches (none: nothing); `/d` matches directories instead; `/r [root]` does the
//! set in the root (the current directory when not given) and each directory below it,
//! giving full paths; `/l` counts `(start,step,end)`; `/f ["options"]` splits lines — of the
//! files named in the set, of a `"string"`, or of a `'command'`'s output (with `usebackq`:
//! `` `command` ``, `'string'`, `"file name"`) — into tokens (`tokens=1,3-4*`, `delims=`
//! (space and tab by default), `skip=n`, `eol=c` (`;` by default)), the tokens going to the
//! variable and the letters after it; empty lines are skipped. In the command, `%X` and
//! `%~fX`-style modifiers ([`crate::expand::modify`]) are replaced before it is parsed.
//! Differences: the lines run are not echoed; the files of a wildcard come sorted by name.

use crate::parse::{ForKind, ForSpec, parse};
use crate::streams::write_all;
use crate::{Flow, Interp, batch, builtins, exec, expand};
use syscall_shims::path;

/// Run a `for` loop.
pub fn run(spec: &ForSpec, body: &str, interp: &mut Interp) -> Flow {
    let mut last = Flow::Ok;
    let mut step = |vals: &[(char, String)], interp: &mut Interp| -> Option<Flow> {
        let text = substitute(body, vals);
        match parse(&text) {
            Ok(list) => match exec::run_list(&list, interp) {
                f @ (Flow::Status(_) | Flow::Ok) => {
                    last = f;
                    None
                }
                other => Some(other),
            },
            Err(e) => {
                write_all(interp.std[2], format!("{}\r\n", e.message()).as_bytes());
                Some(Flow::Status(255))
            }
        }
    };
    if spec.kind == ForKind::Range {
        let n: Vec<i64> = spec.set.split([',', ' ', '\t', ';', '=']).filter(|s| !s.is_empty()).map(|s| crate::cond::number(s).unwrap_or(0)).collect();
        let (start, inc, end) = (n.first().copied().unwrap_or(0), n.get(1).copied().unwrap_or(0), n.get(2).copied().unwrap_or(0));
        let mut i = start;
        while (inc > 0 && i <= end) || (inc < 0 && i >= end) {
            if let Some(f) = step(&[(spec.var, i.to_string())], interp) {
                return f;
            }
            i += inc;
        }
        return last;
    }
    for vals in values(spec, interp) {
        if let Some(f) = step(&vals, interp) {
            return f;
        }
    }
    last
}

/// The values of each iteration (all but `/l`).
fn values(spec: &ForSpec, interp: &Interp) -> Vec<Vec<(char, String)>> {
    let one = |v: String| vec![(spec.var, v)];
    let words = batch::split_args(&spec.set);
    match &spec.kind {
        ForKind::Files | ForKind::Dirs => {
            let dirs = spec.kind == ForKind::Dirs;
            let mut out = Vec::new();
            for w in words {
                if w.contains(['*', '?']) {
                    out.extend(matches(w.trim_matches('"'), dirs).into_iter().map(one));
                } else {
                    out.push(one(w));
                }
            }
            out
        }
        ForKind::Recursive(root) => {
            let root = if root.is_empty() { path::current_dir() } else { path::full_path(root).unwrap_or_else(|| root.clone()) };
            let mut out = Vec::new();
            for dir in tree(&root) {
                let dir = dir.trim_end_matches('\\');
                for w in &words {
                    let w = w.trim_matches('"');
                    if w.contains(['*', '?']) {
                        out.extend(matches(&format!("{dir}\\{w}"), false).into_iter().map(one));
                    } else {
                        out.push(one(format!("{dir}\\{w}")));
                    }
                }
            }
            out
        }
        ForKind::Lines(opts) => lines(spec, opts, interp),
        ForKind::Range => Vec::new(),
    }
}

/// The files (or directories) a wildcard matches, with the directory part as written.
fn matches(pattern: &str, dirs: bool) -> Vec<String> {
    if !dirs {
        return builtins::expand_wildcards(pattern);
    }
    let (dir, mask) = match pattern.rfind(['\\', '/']) {
        Some(i) => (&pattern[..i + 1], &pattern[i + 1..]),
        None => ("", pattern),
    };
    let full = path::full_path(if dir.is_empty() { "." } else { dir }).unwrap_or_default();
    let Some(unix) = path::dos_to_unix(&full) else { return Vec::new() };
    let expr = syscall_shims::file::dir::dos_expression(mask);
    let Ok(rd) = std::fs::read_dir(&unix) else { return Vec::new() };
    let mut out: Vec<String> = rd
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| syscall_shims::file::dir::matches(&expr, &n.to_uppercase().chars().collect::<Vec<_>>()))
        .map(|n| format!("{dir}{n}"))
        .collect();
    out.sort();
    out
}

/// A directory and every directory below it (Windows paths), parents first.
fn tree(root: &str) -> Vec<String> {
    let mut out = vec![root.to_string()];
    let mut i = 0;
    while i < out.len() {
        let dir = out[i].clone();
        i += 1;
        let Some(unix) = path::dos_to_unix(&dir) else { continue };
        let Ok(rd) = std::fs::read_dir(&unix) else { continue };
        let mut subs: Vec<String> = rd
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| format!("{}\\{}", dir.trim_end_matches('\\'), e.file_name().to_string_lossy()))
            .collect();
        subs.sort();
        out.splice(i..i, subs);
    }
    out
}

/// `for /f`'s options.
#[derive(Debug, PartialEq, Eq)]
struct Options {
    /// The token numbers (1-based), and whether `*` (the rest of the line) follows.
    tokens: Vec<usize>,
    rest: bool,
    delims: Vec<char>,
    skip: usize,
    eol: Option<char>,
    backq: bool,
}

fn options(text: &str) -> Options {
    let mut o = Options { tokens: vec![1], rest: false, delims: vec![' ', '\t'], skip: 0, eol: Some(';'), backq: false };
    let keys = ["tokens=", "delims=", "skip=", "eol=", "usebackq"];
    let lower = text.to_ascii_lowercase();
    let mut i = 0;
    while i < text.len() {
        let Some(key) = keys.iter().find(|k| lower[i..].starts_with(**k)) else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        i += key.len();
        // A value runs to white space, except delims's, which runs to the next option.
        let end = if *key == "delims=" {
            keys.iter().filter_map(|k| lower[i..].find(&format!(" {k}"))).min().map_or(text.len(), |e| i + e)
        } else {
            text[i..].find([' ', '\t']).map_or(text.len(), |e| i + e)
        };
        let value = &text[i..end];
        match *key {
            "tokens=" => {
                o.tokens.clear();
                o.rest = value.ends_with('*');
                for part in value.trim_end_matches('*').split(',').filter(|p| !p.is_empty()) {
                    match part.split_once('-') {
                        Some((a, b)) => o.tokens.extend(a.parse().unwrap_or(1)..=b.parse().unwrap_or(1)),
                        None => o.tokens.extend(part.parse::<usize>().ok()),
                    }
                }
            }
            "delims=" => o.delims = value.chars().collect(),
            "skip=" => o.skip = value.parse().unwrap_or(0),
            "eol=" => o.eol = value.chars().next(),
            _ => o.backq = true,
        }
        i = end;
    }
    o
}

/// The values of `for /f`'s iterations.
fn lines(spec: &ForSpec, opts: &str, interp: &Interp) -> Vec<Vec<(char, String)>> {
    let o = options(opts);
    let set = spec.set.trim();
    let (command_q, string_q) = if o.backq { ('`', '\'') } else { ('\'', '"') };
    let text = if let Some(c) = set.strip_prefix(command_q).and_then(|s| s.strip_suffix(command_q)) {
        exec::capture(c, interp)
    } else if let Some(s) = set.strip_prefix(string_q).and_then(|s| s.strip_suffix(string_q)) {
        s.to_string()
    } else {
        let mut all = String::new();
        for name in batch::split_args(set) {
            let unix = path::full_path(name.trim_matches('"')).and_then(|f| path::dos_to_unix(&f));
            match unix.and_then(|u| std::fs::read(u).ok()) {
                Some(data) => all.push_str(&String::from_utf8_lossy(&data)),
                None => {
                    write_all(interp.std[2], format!("The system cannot find the file {}.\r\n", name.trim_matches('"')).as_bytes());
                    return Vec::new();
                }
            }
            if !all.ends_with('\n') {
                all.push('\n');
            }
        }
        all
    };
    let mut out = Vec::new();
    for line in text.split('\n').map(|l| l.trim_end_matches('\r')).filter(|l| !l.is_empty()).skip(o.skip) {
        if let Some(vals) = tokens(line, &o, spec.var) {
            out.push(vals);
        }
    }
    out
}

/// A line's tokens as the options pick them; None when the line is skipped.
fn tokens(line: &str, o: &Options, var: char) -> Option<Vec<(char, String)>> {
    // Each token with where the text after it starts.
    let mut toks: Vec<(String, usize)> = Vec::new();
    let mut cur = String::new();
    for (i, c) in line.char_indices() {
        if o.delims.contains(&c) {
            if !cur.is_empty() {
                toks.push((std::mem::take(&mut cur), i));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        toks.push((cur, line.len()));
    }
    let first = toks.first()?;
    if o.eol.is_some_and(|e| first.0.starts_with(e)) {
        return None;
    }
    let mut vals = Vec::new();
    let mut letter = var;
    let mut after = 0;
    for &t in &o.tokens {
        let v = match toks.get(t.wrapping_sub(1)) {
            Some((s, end)) => {
                after = *end;
                s.clone()
            }
            None => String::new(),
        };
        vals.push((letter, v));
        letter = next_letter(letter);
    }
    if o.rest {
        let start = if o.tokens.is_empty() { 0 } else { after };
        let rest = line[start.min(line.len())..].trim_start_matches(|c| o.delims.contains(&c));
        vals.push((letter, rest.to_string()));
    }
    Some(vals)
}

fn next_letter(c: char) -> char {
    char::from_u32(c as u32 + 1).unwrap_or(c)
}

/// Replace the loop variables (`%X`, `%~mods X`) in the command's text.
pub fn substitute(body: &str, vals: &[(char, String)]) -> String {
    let c: Vec<char> = body.chars().collect();
    let value = |v: char| vals.iter().find(|(n, _)| *n == v).map(|(_, s)| s.as_str());
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    while i < c.len() {
        if c[i] == '%' {
            if let Some(v) = c.get(i + 1).and_then(|&n| value(n)) {
                out.push_str(v);
                i += 2;
                continue;
            }
            if c.get(i + 1) == Some(&'~') {
                let mut k = i + 2;
                while c.get(k).is_some_and(|m| "fdpnxsatz".contains(m.to_ascii_lowercase())) {
                    k += 1;
                }
                // The variable follows the modifiers, or is the last of the letters.
                let (mods_end, var_at) = match c.get(k).and_then(|&n| value(n)) {
                    Some(_) => (k, k),
                    None if k > i + 2 && value(c[k - 1]).is_some() => (k - 1, k - 1),
                    None => (0, 0),
                };
                if var_at > 0 {
                    let mods: String = c[i + 2..mods_end].iter().collect::<String>().to_ascii_lowercase();
                    out.push_str(&expand::modify(value(c[var_at]).unwrap_or(""), &mods));
                    i = var_at + 1;
                    continue;
                }
            }
        }
        out.push(c[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitution() {
        let v = [('i', "\"C:\\d\\f.txt\"".to_string()), ('j', "x".to_string())];
        assert_eq!(substitute("echo %i %~i %~nxi %j %k 100%", &v), "echo \"C:\\d\\f.txt\" C:\\d\\f.txt f.txt x %k 100%");
        let n = [('n', "C:\\a\\b.c".to_string())];
        assert_eq!(substitute("%~nn|%~xn|%~dpn", &n), "b|.c|C:\\a\\");
    }

    #[test]
    fn line_options() {
        let o = options("tokens=1,3-4* delims=,; skip=1 eol=# usebackq");
        assert_eq!(o, Options { tokens: vec![1, 3, 4], rest: true, delims: vec![',', ';'], skip: 1, eol: Some('#'), backq: true });
        let o = options("delims= tokens=2");
        assert_eq!((o.delims.len(), o.tokens.clone()), (0, vec![2]));
        let o = options("tokens=2* delims=:");
        let t = tokens("a:b:c d:e", &o, 'a').unwrap();
        assert_eq!(t, [('a', "b".to_string()), ('b', "c d:e".to_string())]);
        let o = options("");
        assert_eq!(tokens("  one two", &o, 'x').unwrap(), [('x', "one".to_string())]);
        assert_eq!(tokens("; comment", &o, 'x'), None);
        assert_eq!(tokens("   ", &o, 'x'), None);
        let o = options("tokens=*");
        assert_eq!(tokens("  all of it ", &o, 'x').unwrap(), [('x', "all of it ".to_string())]);
    }

    /// Loops through the whole interpreter (built-ins only).
    #[test]
    fn loops() {
        let dir = std::env::temp_dir().join(format!("wine-rs-for-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.txt"), "x").unwrap();
        std::fs::write(dir.join("a.txt"), "line one\r\n;comment\r\n\r\nk=v w\r\n").unwrap();
        std::fs::write(dir.join("sub/c.txt"), "x").unwrap();
        let dos = path::unix_to_dos(&dir.to_string_lossy());
        let out = format!("{dos}\\out.log");
        let mut i = Interp::default();
        let run = |line: &str, i: &mut Interp| {
            assert_eq!(crate::run_line(&format!("({line}) >\"{out}\""), i), None);
            std::fs::read_to_string(dir.join("out.log")).unwrap()
        };
        assert_eq!(run("for %i in (a \"b c\",d) do echo [%i] [%~i]", &mut i), "[a] [a]\r\n[\"b c\"] [b c]\r\n[d] [d]\r\n");
        assert_eq!(run(&format!("for %f in (\"{dos}\\*.txt\") do echo %~nxf"), &mut i), "a.txt\r\nb.txt\r\n");
        assert_eq!(run(&format!("for /d %f in (\"{dos}\\*\") do echo %~nxf"), &mut i), "sub\r\n");
        assert_eq!(run(&format!("for /r \"{dos}\" %f in (c.txt) do echo %~nxf"), &mut i), "c.txt\r\nc.txt\r\n");
        assert_eq!(run("for /l %n in (5,-2,1) do echo %n", &mut i), "5\r\n3\r\n1\r\n");
        assert_eq!(run(&format!("for /f \"tokens=1,2 delims== \" %a in ({dos}\\a.txt) do echo %a-%b"), &mut i), "line-one\r\nk-v\r\n");
        assert_eq!(run("for /f \"tokens=2\" %a in (\"x y z\") do echo %a", &mut i), "y\r\n");
        assert_eq!(run("for /f \"usebackq delims=\" %a in ('a b') do echo [%a]", &mut i), "[a b]\r\n");
        // A goto or exit in the command ends the loop.
        assert_eq!(crate::run_line("for %i in (1 2 3) do exit %i", &mut i), Some(1));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
