//! Windows command lines: splitting one into arguments, by the two sets of rules Windows has,
//! and quoting arguments so that both give them back.
//!
//! A Windows program receives one string; every program splits it itself. Two splitters
//! matter, and they agree except in two places:
//!
//! - **The C runtime** (msvcrt, ucrtbase: what `main`'s argv holds), [`Rules::Crt`].
//! - **CommandLineToArgvW** (shell32), [`Rules::Shell`].
//!
//! Common rules: arguments are separated by spaces and tabs outside quotes; `"` toggles quoting
//! and is dropped; 2n backslashes followed by `"` give n backslashes and the quote acts as
//! above; 2n+1 backslashes followed by `"` give n backslashes and a literal `"`; backslashes
//! not followed by `"` are literal; an unterminated quote runs to the end of the line.
//!
//! The documented differences:
//!
//! 1. **argv[0].** The CRT reads the program name with quotes toggling (and dropped) and no
//!    escapes, up to the first space or tab outside quotes: `"a b"c d` gives `a bc`, `d`.
//!    CommandLineToArgvW ends a quoted program name at the next quote, whatever follows:
//!    `"a b"c d` gives `a b`, `c`, `d`. Neither treats backslashes in argv[0] as escapes.
//! 2. **`""` inside quotes.** Both read it as a literal `"`. The CRT (since Visual C++ 2008,
//!    and so msvcrt and ucrtbase as Wine and Windows 10 ship them) stays inside the quotes:
//!    `"a""b c"` gives `a"b c`. CommandLineToArgvW (and the pre-2008 CRT) leaves them:
//!    `"a""b c"` gives `a"b`, `c"`... more exactly `a"b` then `c` (the last quote opens an
//!    empty quoted run).
//!
//! An empty command line gives one empty argument here; CommandLineToArgvW and the CRT then
//! use the program's path (their callers do that).

/// Which program's rules to split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    /// The C runtime's argv (msvcrt, ucrtbase; Visual C++ 2008 and later).
    Crt,
    /// shell32's CommandLineToArgvW.
    Shell,
}

/// Split `cmd` (UTF-16 units or bytes) into arguments by `rules`. The result has at least one
/// element (argv[0], possibly empty).
pub fn split<T: Copy + Eq + From<u8>>(cmd: &[T], rules: Rules) -> Vec<Vec<T>> {
    let (quote, backslash) = (T::from(b'"'), T::from(b'\\'));
    let blank = |c: T| c == T::from(b' ') || c == T::from(b'\t');
    let n = cmd.len();
    let mut i = 0;
    let mut args = Vec::new();

    // argv[0]: no escapes.
    let mut arg0 = Vec::new();
    if rules == Rules::Shell && n > 0 && cmd[0] == quote {
        i = 1;
        while i < n && cmd[i] != quote {
            arg0.push(cmd[i]);
            i += 1;
        }
        i += 1; // the closing quote, if any
    } else if rules == Rules::Shell {
        // Unquoted: up to the first blank, quotes and all.
        while i < n && !blank(cmd[i]) {
            arg0.push(cmd[i]);
            i += 1;
        }
    } else {
        let mut quoted = false;
        while i < n {
            let c = cmd[i];
            if c == quote {
                quoted = !quoted;
            } else if !quoted && blank(c) {
                break;
            } else {
                arg0.push(c);
            }
            i += 1;
        }
    }
    args.push(arg0);

    loop {
        while i < n && blank(cmd[i]) {
            i += 1;
        }
        if i >= n {
            break;
        }
        let mut arg = Vec::new();
        let mut quoted = false;
        while i < n {
            let c = cmd[i];
            if c == backslash {
                let start = i;
                while i < n && cmd[i] == backslash {
                    i += 1;
                }
                let count = i - start;
                if i < n && cmd[i] == quote {
                    arg.extend(std::iter::repeat_n(backslash, count / 2));
                    if count % 2 == 1 {
                        arg.push(quote);
                        i += 1;
                    }
                    // An even count leaves the quote to the code below.
                } else {
                    arg.extend(std::iter::repeat_n(backslash, count));
                }
                continue;
            }
            if c == quote {
                if quoted && i + 1 < n && cmd[i + 1] == quote {
                    // `""` inside quotes: a literal quote; the CRT stays quoted, the shell not.
                    arg.push(quote);
                    i += 2;
                    if rules == Rules::Shell {
                        quoted = false;
                    }
                    continue;
                }
                quoted = !quoted;
                i += 1;
                continue;
            }
            if !quoted && blank(c) {
                break;
            }
            arg.push(c);
            i += 1;
        }
        args.push(arg);
    }
    args
}

/// [`split`] of a `&str`, for Rust callers (native children's argv).
pub fn split_str(cmd: &str, rules: Rules) -> Vec<String> {
    let w: Vec<u16> = cmd.encode_utf16().collect();
    split(&w, rules).into_iter().map(|a| String::from_utf16_lossy(&a)).collect()
}

/// Quote one argument so that both splitters give it back (not for argv[0]): wrapped in quotes
/// when it is empty or holds a space or tab (or a newline, which some programs treat as a
/// separator); quotes escaped with a backslash, doubling the backslashes before them; trailing
/// backslashes doubled before a closing quote. An argument needing none of that is unchanged.
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

/// The first token of a command line as CreateProcess reads it to find the program when no
/// application name is given: the text inside leading quotes, else everything up to the first
/// space or tab. Returns (token, was quoted).
pub fn program_token(cmd: &str) -> (&str, bool) {
    let cmd = cmd.trim_start_matches([' ', '\t']);
    if let Some(rest) = cmd.strip_prefix('"') {
        let end = rest.find('"').unwrap_or(rest.len());
        (&rest[..end], true)
    } else {
        let end = cmd.find([' ', '\t']).unwrap_or(cmd.len());
        (&cmd[..end], false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(line: &str, rules: Rules) -> Vec<String> {
        let a: Vec<String> = split(line.as_bytes(), rules).into_iter().map(|v| String::from_utf8(v).unwrap()).collect();
        assert_eq!(a, split_str(line, rules), "narrow and wide agree on {line:?}");
        a
    }

    /// (command line, CRT argv, CommandLineToArgvW argv). Where the two columns differ it is
    /// one of the two documented differences (argv[0], `""` inside quotes). The CRT column is
    /// what msvcrt and ucrtbase give under Wine 8; the shell column is CommandLineToArgvW's
    /// documented behaviour (Wine 8 gives the same).
    const CASES: &[(&str, &[&str], &[&str])] = &[
        ("prog", &["prog"], &["prog"]),
        ("prog ", &["prog"], &["prog"]),
        ("", &[""], &[""]),
        ("   lead x", &["", "lead", "x"], &["", "lead", "x"]),
        ("prog\t a\tb   c  ", &["prog", "a", "b", "c"], &["prog", "a", "b", "c"]),
        (r#"prog "a b" c"#, &["prog", "a b", "c"], &["prog", "a b", "c"]),
        (r#"prog a""b"#, &["prog", "ab"], &["prog", "ab"]),
        (r#"prog """#, &["prog", ""], &["prog", ""]),
        (r#"prog "" """#, &["prog", "", ""], &["prog", "", ""]),
        (r#"prog "abc"#, &["prog", "abc"], &["prog", "abc"]),
        (r#"prog a\b\\c\"#, &["prog", r"a\b\\c\"], &["prog", r"a\b\\c\"]),
        (r#"prog a\\b "c\\" d"#, &["prog", r"a\\b", r"c\", "d"], &["prog", r"a\\b", r"c\", "d"]),
        (r#"prog a\"b"#, &["prog", r#"a"b"#], &["prog", r#"a"b"#]),
        (r#"prog a\\\"b"#, &["prog", r#"a\"b"#], &["prog", r#"a\"b"#]),
        (r#"prog a\\\\"b c" d"#, &["prog", r"a\\b c", "d"], &["prog", r"a\\b c", "d"]),
        (r#"prog "ab\""c"#, &["prog", r#"ab"c"#], &["prog", r#"ab"c"#]),
        (r#"prog a\\\"b c\\"d e" f"#, &["prog", r#"a\"b"#, r"c\d e", "f"], &["prog", r#"a\"b"#, r"c\d e", "f"]),
        (r#"prog "\"" x"#, &["prog", "\"", "x"], &["prog", "\"", "x"]),
        (r#"prog --x="a b" y"#, &["prog", "--x=a b", "y"], &["prog", "--x=a b", "y"]),
        // `""` inside quotes: the CRT stays quoted, the shell does not.
        (r#"prog "a""b""#, &["prog", r#"a"b"#], &["prog", r#"a"b"#]),
        (r#"prog "a""b c" d"#, &["prog", r#"a"b c"#, "d"], &["prog", r#"a"b"#, "c d"]),
        (r#"prog "a""b c""#, &["prog", r#"a"b c"#], &["prog", r#"a"b"#, "c"]),
        (r#"prog """a""" x"#, &["prog", r#""a""#, "x"], &["prog", r#""a""#, "x"]),
        (r#"prog "a"""b" c"#, &["prog", r#"a"b c"#], &["prog", r#"a"b"#, "c"]),
        (r#"prog """" e"#, &["prog", "\"", "e"], &["prog", "\" e"]),
        (r#"prog """"" e"#, &["prog", "\"\" e"], &["prog", "\"", "e"]),
        (r#"prog """""" e"#, &["prog", "\"\"", "e"], &["prog", "\"\"", "e"]),
        // argv[0]: no escapes in either; quotes differ.
        (r#""C:\a b\prog.exe" x"#, &[r"C:\a b\prog.exe", "x"], &[r"C:\a b\prog.exe", "x"]),
        (r#""C:\a b\prog.exe"x y"#, &[r"C:\a b\prog.exex", "y"], &[r"C:\a b\prog.exe", "x", "y"]),
        (r#"C:\dir\prog.exe "x""#, &[r"C:\dir\prog.exe", "x"], &[r"C:\dir\prog.exe", "x"]),
        (r#""prog a\" b"#, &[r"prog a\", "b"], &[r"prog a\", "b"]),
        (r#"pro"g a" b"#, &["prog a", "b"], &[r#"pro"g"#, r#"a b"#]),
        (r#""" x"#, &["", "x"], &["", "x"]),
        // Non-ASCII passes through.
        (
            "prog \u{e9}t\u{e9} \"\u{4e2d} \u{6587}\"",
            &["prog", "\u{e9}t\u{e9}", "\u{4e2d} \u{6587}"],
            &["prog", "\u{e9}t\u{e9}", "\u{4e2d} \u{6587}"],
        ),
    ];

    #[test]
    fn table() {
        for (line, crt, shell) in CASES {
            assert_eq!(both(line, Rules::Crt), *crt, "CRT rules, command line {line:?}");
            assert_eq!(both(line, Rules::Shell), *shell, "shell rules, command line {line:?}");
        }
    }

    #[test]
    fn quoting_round_trips_under_both_rules() {
        let cases: &[&[&str]] = &[
            &["a", "b c", ""],
            &["c\"d", "\\", "\\\\", "a\\", "a\\\\", "a\\\"b", "\"", "\"\""],
            &["tab\there", "trailing\\ space\\", "h\u{e9}llo", "\u{65e5}\u{672c}", "x y\\\\"],
            &["\\\\server\\share", "C:\\Program Files\\", "--opt=\"v a\"", "a\"\"b", "\" \""],
        ];
        for args in cases {
            let mut line = String::from("\"Z:\\x y\\app.exe\"");
            for a in *args {
                line.push(' ');
                line.push_str(&quote_arg(a));
            }
            for rules in [Rules::Crt, Rules::Shell] {
                let back = split_str(&line, rules);
                assert_eq!(back[0], "Z:\\x y\\app.exe");
                assert_eq!(&back[1..], *args, "{rules:?}, command line {line}");
            }
        }
    }

    #[test]
    fn program_tokens() {
        assert_eq!(program_token(r#""C:\a b\x.exe" y"#), (r"C:\a b\x.exe", true));
        assert_eq!(program_token(r"C:\a\x.exe y"), (r"C:\a\x.exe", false));
        assert_eq!(program_token("  x\ty"), ("x", false));
        assert_eq!(program_token("\"unterminated"), ("unterminated", true));
        assert_eq!(program_token(""), ("", false));
    }
}
