//! `%` expansion, done on the whole line (a whole block in a batch file) before it is split
//! into commands (so `set X=1 & echo %X%` shows the value X had before the line, as in
//! cmd.exe).
//!
//! On a command line (`/c`), as in cmd.exe, a variable that is not defined stays as written
//! (`%NOPE%`). In a batch file ([`expand_batch`]): `%%` is `%`, `%0`..`%9` are the arguments,
//! `%*` all of them, `%~1` an argument without its quotes and `%~f1`, `%~d1`, `%~p1`,
//! `%~n1`, `%~x1` (combinable: `%~dp0`, `%~nx1`) parts of its full path; an undefined
//! variable is empty and a lone `%` is dropped. Both: names are case-insensitive,
//! `%X:~start,len%` takes a substring and `%X:old=new%` replaces text (case-insensitively;
//! `*old` replaces up to the first match). With delayed expansion on (`setlocal
//! enabledelayedexpansion`, `cmd /v:on`), `!NAME!` is expanded when each command runs
//! ([`expand_delayed`]): an undefined one is empty, a lone `!` is dropped and `^` takes the
//! next character literally (only in text that holds a `!`). Differences: `%~s`, `%~a`, `%~t`, `%~z` and
//! `%~$PATH:1` are not expanded (left empty).

use syscall_shims::path;

/// Expand `line` with `lookup` (a variable's value, or None when it is not defined).
pub fn expand(line: &str, lookup: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find('%') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('%') {
            Some(end) if end > 0 => {
                let name = &after[..end];
                match variable(name, lookup) {
                    Some(v) => {
                        out.push_str(&v);
                        rest = &after[end + 1..];
                    }
                    None => {
                        // Left as written; the closing '%' may open the next name.
                        out.push('%');
                        out.push_str(name);
                        rest = &after[end..];
                    }
                }
            }
            _ => {
                out.push('%');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Delayed expansion of a command's text (see the module comment).
pub fn expand_delayed(text: &str, lookup: &dyn Fn(&str) -> Option<String>) -> String {
    if !text.contains('!') {
        return text.to_string();
    }
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            '^' => {
                if let Some(&n) = c.get(i + 1) {
                    out.push(n);
                }
                i += 2;
            }
            '!' => match c[i + 1..].iter().position(|&x| x == '!') {
                Some(len) if len > 0 => {
                    let name: String = c[i + 1..i + 1 + len].iter().collect();
                    out.push_str(&variable(&name, lookup).unwrap_or_default());
                    i += len + 2;
                }
                Some(_) => i += 2,
                None => i += 1,
            },
            ch => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

/// A batch file's arguments as `%` sees them.
pub trait Args {
    /// `%n` (after `shift`), as written (quotes kept); None past the last.
    fn arg(&self, n: usize) -> Option<String>;
    /// `%*`.
    fn all(&self) -> String;
    /// What `%~` modifiers of `%n` work on (for `%0`: the batch file's full path).
    fn arg_path(&self, n: usize) -> Option<String> {
        self.arg(n)
    }
}

/// Expand a batch file's line (see the module comment).
pub fn expand_batch(line: &str, lookup: &dyn Fn(&str) -> Option<String>, args: &dyn Args) -> String {
    let c: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < c.len() {
        if c[i] != '%' {
            out.push(c[i]);
            i += 1;
            continue;
        }
        match c.get(i + 1) {
            Some('%') => {
                out.push('%');
                i += 2;
            }
            Some(d) if d.is_ascii_digit() => {
                out.push_str(&args.arg(d.to_digit(10).unwrap_or(0) as usize).unwrap_or_default());
                i += 2;
            }
            Some('*') => {
                out.push_str(&args.all());
                i += 2;
            }
            Some('~') if tilde(&c[i + 2..]).is_some() => {
                let (mods, n, len) = tilde(&c[i + 2..]).unwrap_or_default();
                let value = if mods.is_empty() { args.arg(n) } else { args.arg_path(n) };
                out.push_str(&modify(&value.unwrap_or_default(), &mods));
                i += 2 + len;
            }
            _ => {
                let rest: String = c[i + 1..].iter().collect();
                match rest.find('%') {
                    Some(end) if end > 0 && !rest[..end].contains('\n') => {
                        out.push_str(&variable(&rest[..end], lookup).unwrap_or_default());
                        i += 1 + rest[..end].chars().count() + 1;
                    }
                    // A lone '%' is dropped.
                    _ => i += 1,
                }
            }
        }
    }
    out
}

/// `%~mods N`: the modifier letters, the argument number and the length after the `~`.
fn tilde(c: &[char]) -> Option<(String, usize, usize)> {
    let mut k = 0;
    while c.get(k).is_some_and(|m| "fdpnxsatz".contains(m.to_ascii_lowercase())) {
        k += 1;
    }
    let d = c.get(k)?.to_digit(10)? as usize;
    Some((c[..k].iter().collect::<String>().to_ascii_lowercase(), d, k + 1))
}

/// Apply `%~` modifiers to an argument.
pub fn modify(value: &str, mods: &str) -> String {
    let v = value.trim_matches('"');
    if mods.is_empty() || v.is_empty() {
        return v.to_string();
    }
    let full = path::full_path(v).unwrap_or_else(|| v.to_string());
    let (want_d, want_p, want_n, want_x) = (mods.contains('d'), mods.contains('p'), mods.contains('n'), mods.contains('x'));
    if !(want_d || want_p || want_n || want_x) {
        return if mods.contains('f') { full } else { String::new() };
    }
    let (drive, rest) = if full.as_bytes().get(1) == Some(&b':') { full.split_at(2) } else { ("", full.as_str()) };
    let (dir, file) = match rest.rfind('\\') {
        Some(i) => rest.split_at(i + 1),
        None => ("", rest),
    };
    let (name, ext) = match file.rfind('.') {
        Some(i) => file.split_at(i),
        None => (file, ""),
    };
    let mut out = String::new();
    for (on, part) in [(want_d, drive), (want_p, dir), (want_n, name), (want_x, ext)] {
        if on {
            out.push_str(part);
        }
    }
    out
}

/// `NAME`, `NAME:~start,len` or `NAME:old=new`; None when the variable is not defined.
fn variable(spec: &str, lookup: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    if let Some(v) = lookup(spec) {
        return Some(v);
    }
    let (name, edit) = spec.split_once(':')?;
    let value = lookup(name)?;
    if let Some(range) = edit.strip_prefix('~') {
        let chars: Vec<char> = value.chars().collect();
        let n = chars.len() as i64;
        let (s, l) = match range.split_once(',') {
            Some((s, l)) => (s.trim().parse::<i64>().ok()?, Some(l.trim().parse::<i64>().ok()?)),
            None => (range.trim().parse::<i64>().ok()?, None),
        };
        let start = if s < 0 { (n + s).max(0) } else { s.min(n) };
        let end = match l {
            None => n,
            Some(l) if l < 0 => (n + l).max(start),
            Some(l) => (start + l).min(n),
        };
        return Some(chars[start as usize..end.max(start) as usize].iter().collect());
    }
    let (old, new) = edit.split_once('=')?;
    if old.is_empty() {
        return Some(value);
    }
    let lower = value.to_lowercase();
    if let Some(o) = old.strip_prefix('*') {
        let at = lower.find(&o.to_lowercase())?;
        return Some(format!("{new}{}", &value[at + o.len()..]));
    }
    let needle = old.to_lowercase();
    let mut out = String::new();
    let mut pos = 0;
    while let Some(at) = lower[pos..].find(&needle) {
        out.push_str(&value[pos..pos + at]);
        out.push_str(new);
        pos += at + needle.len();
    }
    out.push_str(&value[pos..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look(n: &str) -> Option<String> {
        match n.to_ascii_uppercase().as_str() {
            "A" => Some("1".to_string()),
            "PATH" => Some("C:\\x".to_string()),
            "S" => Some("Hello World".to_string()),
            _ => None,
        }
    }

    #[test]
    fn variables() {
        assert_eq!(expand("echo %a%-%PATH%", &look), "echo 1-C:\\x");
        assert_eq!(expand("%NOPE% %A%", &look), "%NOPE% 1");
        assert_eq!(expand("100% sure %A", &look), "100% sure %A");
        assert_eq!(expand("%%A%", &look), "%1");
        assert_eq!(expand("%NOPE%A%", &look), "%NOPE1");
        assert_eq!(expand("%S:~6%|%S:~0,5%|%S:~-5%|%S:~1,-1%", &look), "World|Hello|World|ello Worl");
        assert_eq!(expand("%S:o=0%|%S:*o=%", &look), "Hell0 W0rld| World");
        assert_eq!(expand("%NOPE:~1%", &look), "%NOPE:~1%");
    }

    #[test]
    fn delayed() {
        assert_eq!(expand_delayed("echo !A! !S:~0,5! !NOPE!x ^^ a!b", &look), "echo 1 Hello x ^ ab");
        assert_eq!(expand_delayed("no bang ^ here", &look), "no bang ^ here");
    }

    struct A(Vec<&'static str>);
    impl Args for A {
        fn arg(&self, n: usize) -> Option<String> {
            self.0.get(n).map(|s| s.to_string())
        }
        fn all(&self) -> String {
            self.0[1..].join(" ")
        }
    }

    #[test]
    fn batch_lines() {
        let args = A(vec!["C:\\dir\\x.bat", "\"a b\"", "c"]);
        let e = |l: &str| expand_batch(l, &look, &args);
        assert_eq!(e("%0|%1|%~1|%2|%3|%*"), "C:\\dir\\x.bat|\"a b\"|a b|c||\"a b\" c");
        assert_eq!(e("%~dp0|%~nx0|%~n0|%~x0|%~d0|%~f0"), "C:\\dir\\|x.bat|x|.bat|C:|C:\\dir\\x.bat");
        assert_eq!(e("100%% %A% %NOPE% 5%"), "100% 1  5");
        assert_eq!(e("%~"), "~", "a lone % is dropped");
    }
}
