//! Building the Windows command line from argv, with the quoting that Microsoft's argv
//! parser (CommandLineToArgvW, the CRT) undoes exactly.

/// Quote one argument as Wine does: wrap it in quotes when it is empty or holds whitespace;
/// escape quotes with a backslash (doubling the backslashes before them); double trailing
/// backslashes before a closing quote.
pub fn quote_arg(arg: &str) -> String {
    let quoted = arg.is_empty() || arg.contains([' ', '\t', '\n', '\x0b']);
    if !quoted && !arg.contains('"') {
        return arg.to_string();
    }
    let mut out = String::with_capacity(arg.len() + 2);
    if quoted {
        out.push('"');
    }
    let mut backslashes = 0;
    for c in arg.chars() {
        match c {
            '\\' => backslashes += 1,
            '"' => {
                out.extend(std::iter::repeat_n('\\', backslashes * 2 + 1));
                out.push('"');
                backslashes = 0;
            }
            _ => {
                out.extend(std::iter::repeat_n('\\', backslashes));
                out.push(c);
                backslashes = 0;
            }
        }
    }
    if quoted {
        out.extend(std::iter::repeat_n('\\', backslashes * 2));
        out.push('"');
    } else {
        out.extend(std::iter::repeat_n('\\', backslashes));
    }
    out
}

/// The command line for `program` (a Windows path, always quoted as Wine does) and `args`.
pub fn build(program: &str, args: &[String]) -> String {
    let mut s = format!("\"{program}\"");
    for a in args {
        s.push(' ');
        s.push_str(&quote_arg(a));
    }
    s
}

/// Split a command line as Microsoft's CRT does (used by tests to check round trips):
/// 2n backslashes + quote → n backslashes and a quote toggle; 2n+1 → n and a literal quote;
/// inside quotes, "" is a literal quote (post-2008 CRT rule).
pub fn split(cmd: &str) -> Vec<String> {
    let chars: Vec<char> = cmd.chars().collect();
    let mut args = Vec::new();
    let mut i = 0;
    // argv[0]: up to the next space, quotes toggle and are dropped, no escapes.
    let mut a0 = String::new();
    let mut inq = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' {
            inq = !inq;
        } else if !inq && (c == ' ' || c == '\t') {
            break;
        } else {
            a0.push(c);
        }
        i += 1;
    }
    args.push(a0);
    loop {
        while i < chars.len() && (chars[i] == ' ' || chars[i] == '\t') {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let mut cur = String::new();
        let mut inq = false;
        while i < chars.len() {
            let c = chars[i];
            if c == '\\' {
                let mut n = 0;
                while i < chars.len() && chars[i] == '\\' {
                    n += 1;
                    i += 1;
                }
                if i < chars.len() && chars[i] == '"' {
                    cur.extend(std::iter::repeat_n('\\', n / 2));
                    if n % 2 == 1 {
                        cur.push('"');
                        i += 1;
                    }
                } else {
                    cur.extend(std::iter::repeat_n('\\', n));
                }
                continue;
            }
            if c == '"' {
                if inq && i + 1 < chars.len() && chars[i + 1] == '"' {
                    cur.push('"');
                    i += 2;
                    continue;
                }
                inq = !inq;
                i += 1;
                continue;
            }
            if !inq && (c == ' ' || c == '\t') {
                break;
            }
            cur.push(c);
            i += 1;
        }
        args.push(cur);
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let cases: Vec<Vec<&str>> = vec![
            vec!["a", "b c", ""],
            vec!["c\"d", "\\", "\\\\", "a\\", "a\\\\", "a\\\"b", "\"", "\"\""],
            vec!["tab\there", "trailing\\ space\\", "héllo", "日本", "x y\\\\"],
            vec!["\\\\server\\share", "C:\\Program Files\\", "--opt=\"v a\""],
        ];
        for args in cases {
            let owned: Vec<String> = args.iter().map(|s| s.to_string()).collect();
            let cmd = build("Z:\\x\\app.exe", &owned);
            let back = split(&cmd);
            assert_eq!(back[0], "Z:\\x\\app.exe");
            assert_eq!(&back[1..], &owned[..], "command line {cmd}");
        }
    }

    #[test]
    fn wine_quoting() {
        // As Wine builds it: "Z:\tmp\cl\cl.exe" "a b" c\"d
        let cmd = build("Z:\\tmp\\cl\\cl.exe", &["a b".into(), "c\"d".into()]);
        assert_eq!(cmd, "\"Z:\\tmp\\cl\\cl.exe\" \"a b\" c\\\"d");
    }
}
