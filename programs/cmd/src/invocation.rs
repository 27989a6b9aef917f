//! The interpreter's own command line: `cmd.exe [/s] [/d] [/q] [/a|/u] [/e:..] [/v:..]
//! [/c|/k] command`.
//!
//! The command after `/c` keeps its quotes when all of these hold (cmd.exe's documented
//! rule): no `/s`, exactly two quote characters, none of `&<>()@^|` between them, white space
//! between them, and the quoted text names an existing program. Otherwise, when the command
//! starts with a quote, that quote and the last quote of the line are removed.
//! Difference: the switches other than `/c`, `/k` and `/s` are accepted and ignored.

use syscall_shims::{cmdline, process::search};

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub struct Invocation {
    /// The command of `/c` or `/k`; None: read commands from standard input.
    pub command: Option<String>,
    /// `/q`: echo off.
    pub quiet: bool,
    /// `/v:on`: delayed expansion.
    pub delayed: bool,
}

/// Decode the interpreter's command line (program name first).
pub fn parse(line: &str) -> Invocation {
    let line = line.trim_start_matches([' ', '\t']);
    let (token, quoted) = cmdline::program_token(line);
    let skip = token.len() + if quoted { 2 } else { 0 };
    let mut rest = line.get(skip.min(line.len())..).unwrap_or("");
    let mut strip = false;
    let mut quiet = false;
    let mut delayed = false;
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        let Some(sw) = rest.strip_prefix('/') else {
            return Invocation { command: None, quiet, delayed };
        };
        let letter = sw.chars().next().map(|c| c.to_ascii_lowercase());
        match letter {
            Some('c') | Some('k') => {
                let cmd = &sw[1..];
                return Invocation { command: Some(unquote(cmd, strip)), quiet, delayed };
            }
            Some('s') => strip = true,
            Some('q') => quiet = true,
            Some('v') => delayed = sw.get(1..4).is_some_and(|v| v.eq_ignore_ascii_case(":on")),
            None => return Invocation { command: None, quiet, delayed },
            _ => {}
        }
        // Skip the switch (up to white space, or to the next '/').
        let end = sw.find([' ', '\t', '/']).unwrap_or(sw.len());
        rest = &sw[end..];
    }
}

/// cmd.exe's treatment of the quotes around the command (see the module comment).
fn unquote(cmd: &str, strip: bool) -> String {
    let t = cmd.trim_start_matches([' ', '\t']);
    if !strip && cmd.matches('"').count() == 2 {
        let first = cmd.find('"').unwrap_or(0);
        let last = cmd.rfind('"').unwrap_or(0);
        let inner = &cmd[first + 1..last];
        if !inner.contains(['&', '<', '>', '(', ')', '@', '^', '|'])
            && inner.contains([' ', '\t'])
            && search::find_program(inner, true, None).is_some()
        {
            return cmd.to_string();
        }
    }
    if let Some(after) = t.strip_prefix('"') {
        return match after.rfind('"') {
            Some(i) => format!("{}{}", &after[..i], &after[i + 1..]),
            None => after.to_string(),
        };
    }
    cmd.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn command(line: &str) -> Option<String> {
        parse(line).command
    }

    #[test]
    fn switches_and_quotes() {
        assert_eq!(command("cmd /c echo hi").as_deref(), Some(" echo hi"));
        assert_eq!(command("C:\\windows\\system32\\cmd.exe /C exit 3").as_deref(), Some(" exit 3"));
        assert_eq!(command("\"C:\\a b\\cmd.exe\" /d /c\"echo x\"").as_deref(), Some("echo x"));
        assert_eq!(command("cmd /S /C \"\"a b\" c\"").as_deref(), Some("\"a b\" c"));
        // Two quotes with a special character between them: stripped.
        assert_eq!(command("cmd /c \"echo a & echo b\"").as_deref(), Some("echo a & echo b"));
        // More than two quotes: the first and the last go, the text after the last stays.
        assert_eq!(command("cmd /c \"x \"y\" z\" tail").as_deref(), Some("x \"y\" z tail"));
        assert_eq!(command("cmd /q/c echo"), Some(" echo".into()));
        assert_eq!(command("cmd"), None);
        assert_eq!(command("cmd /q"), None);
        assert!(parse("cmd /Q /c x").quiet && !parse("cmd /c x").quiet);
        assert!(parse("cmd /V:ON /c x").delayed && !parse("cmd /v:off /c x").delayed);
    }
}
