//! Building the Windows command line from argv, with the quoting that Microsoft's argv
//! parser (CommandLineToArgvW, the CRT) undoes exactly.

/// Quote one argument as Wine does: wrap it in quotes when it is empty or holds whitespace;
/// escape quotes with a backslash (doubling the backslashes before them); double trailing
/// backslashes before a closing quote.
pub fn quote_arg(arg: &str) -> String {
    syscall_shims::cmdline::quote_arg(arg)
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

/// Split a command line as Microsoft's CRT does (used by tests to check round trips; the
/// parser is `syscall_shims::cmdline`, shared with the CRT and CommandLineToArgvW).
pub fn split(cmd: &str) -> Vec<String> {
    syscall_shims::cmdline::split_str(cmd, syscall_shims::cmdline::Rules::Crt)
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
