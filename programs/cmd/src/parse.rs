//! Splitting a command line into commands: the connectors `&`, `&&`, `||`, pipes `|`, and
//! the redirections `<`, `>`, `>>`, `n>`, `n>>`, `n>&m` of each command.
//!
//! As in cmd.exe: inside double quotes nothing is special (the quotes stay in the text);
//! outside, `^` takes the next character literally; a digit right before `<` or `>` is the
//! handle number (`echo a1>f` echoes "a" and redirects handle 1); a leading `@` is dropped;
//! the text of a command keeps its other spaces (`echo hi >f` writes "hi ").
//! Differences: parentheses (command blocks) are not special; handles 3-9 are accepted and
//! ignored.

/// How a command is joined to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connector {
    /// `&` (and the first command): always run.
    Always,
    /// `&&`: run when the previous command succeeded.
    IfOk,
    /// `||`: run when the previous command failed.
    IfFail,
}

/// Where one handle of a command goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `<file`.
    Read(String),
    /// `>file`.
    Write(String),
    /// `>>file`.
    Append(String),
    /// `>&n`: the same as handle n.
    Dup(u8),
}

/// One redirection: handle `fd` (0 input, 1 output, 2 error) to `target`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    pub fd: u8,
    pub target: Target,
}

/// One command: its text (redirections removed, escapes applied) and redirections.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Command {
    pub text: String,
    pub redirects: Vec<Redirect>,
    /// The command as written (for running it in a new interpreter, as a pipe's side).
    pub raw: String,
}

/// Commands joined by pipes.
pub type Pipeline = Vec<Command>;

/// Parse a command line into pipelines and the connectors before them.
pub fn parse(line: &str) -> Result<Vec<(Connector, Pipeline)>, String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out: Vec<(Connector, Pipeline)> = Vec::new();
    let mut connector = Connector::Always;
    let mut pipeline: Pipeline = Vec::new();
    let mut cmd = Command::default();
    let mut raw_start = 0;
    let mut quoted = false;
    let mut i = 0;
    let finish = |cmd: &mut Command, raw: String| {
        let mut c = std::mem::take(cmd);
        c.raw = raw.trim().to_string();
        let t = c.text.trim_start();
        c.text = t.strip_prefix('@').unwrap_or(t).to_string();
        c
    };
    while i < chars.len() {
        let c = chars[i];
        if quoted {
            if c == '"' {
                quoted = false;
            }
            cmd.text.push(c);
            i += 1;
            continue;
        }
        match c {
            '"' => {
                quoted = true;
                cmd.text.push(c);
                i += 1;
            }
            '^' => {
                if let Some(&n) = chars.get(i + 1) {
                    cmd.text.push(n);
                }
                i += 2;
            }
            '&' | '|' => {
                let double = chars.get(i + 1) == Some(&c);
                let raw: String = chars[raw_start..i].iter().collect();
                let done = finish(&mut cmd, raw);
                if done.text.trim().is_empty() && done.redirects.is_empty() {
                    return Err(format!("{c} was unexpected at this time."));
                }
                pipeline.push(done);
                i += if double { 2 } else { 1 };
                raw_start = i;
                if c == '|' && !double {
                    continue;
                }
                out.push((connector, std::mem::take(&mut pipeline)));
                connector = match (c, double) {
                    ('&', false) => Connector::Always,
                    ('&', true) => Connector::IfOk,
                    _ => Connector::IfFail,
                };
            }
            '<' | '>' => {
                // A digit just before is the handle number.
                let mut fd = if c == '<' { 0 } else { 1 };
                if let Some(d) = cmd.text.chars().last().and_then(|d| d.to_digit(10))
                    && i > 0
                    && chars[i - 1] == cmd.text.chars().last().unwrap_or(' ')
                    && (i < 2 || chars[i - 2] != '^')
                {
                    fd = d as u8;
                    cmd.text.pop();
                }
                i += 1;
                let append = c == '>' && chars.get(i) == Some(&'>');
                if append {
                    i += 1;
                }
                if chars.get(i) == Some(&'&') && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                    let n = chars[i + 1].to_digit(10).unwrap_or(1) as u8;
                    i += 2;
                    cmd.redirects.push(Redirect { fd, target: Target::Dup(n) });
                    continue;
                }
                while chars.get(i).is_some_and(|c| *c == ' ' || *c == '\t') {
                    i += 1;
                }
                let mut name = String::new();
                let mut q = false;
                while let Some(&n) = chars.get(i) {
                    if n == '"' {
                        q = !q;
                    } else if !q && (n == ' ' || n == '\t' || "&|<>".contains(n)) {
                        break;
                    } else if !q && n == '^' {
                        i += 1;
                        if let Some(&e) = chars.get(i) {
                            name.push(e);
                        }
                    } else {
                        name.push(n);
                    }
                    i += 1;
                }
                if name.is_empty() {
                    return Err("The syntax of the command is incorrect.".into());
                }
                let target = match (c, append) {
                    ('<', _) => Target::Read(name),
                    (_, true) => Target::Append(name),
                    _ => Target::Write(name),
                };
                cmd.redirects.push(Redirect { fd, target });
            }
            _ => {
                cmd.text.push(c);
                i += 1;
            }
        }
    }
    let raw: String = chars[raw_start..].iter().collect();
    let done = finish(&mut cmd, raw);
    if done.text.trim().is_empty() && done.redirects.is_empty() {
        if pipeline.is_empty() && out.is_empty() {
            return Ok(out);
        }
        return Err("The syntax of the command is incorrect.".into());
    }
    pipeline.push(done);
    out.push((connector, pipeline));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<(Connector, Vec<String>)> {
        parse(line).unwrap().into_iter().map(|(c, p)| (c, p.into_iter().map(|c| c.text).collect())).collect()
    }

    #[test]
    fn connectors_and_pipes() {
        use Connector::*;
        assert_eq!(texts("a & b && c || d"), [
            (Always, vec!["a ".to_string()]),
            (Always, vec!["b ".to_string()]),
            (IfOk, vec!["c ".to_string()]),
            (IfFail, vec!["d".to_string()]),
        ]);
        assert_eq!(texts("a | b|c"), [(Always, vec!["a ".to_string(), "b".into(), "c".into()])]);
        assert_eq!(texts("echo \"a & b\" ^& c"), [(Always, vec!["echo \"a & b\" & c".to_string()])]);
        assert_eq!(texts("@echo hi"), [(Always, vec!["echo hi".to_string()])]);
        assert!(parse("& a").is_err());
        assert!(parse("").unwrap().is_empty());
    }

    #[test]
    fn redirections() {
        let p = parse("echo hi>out.txt 2>&1 <in >>\"log file\"").unwrap();
        let c = &p[0].1[0];
        assert_eq!(c.text, "echo hi   ");
        assert_eq!(c.redirects, [
            Redirect { fd: 1, target: Target::Write("out.txt".into()) },
            Redirect { fd: 2, target: Target::Dup(1) },
            Redirect { fd: 0, target: Target::Read("in".into()) },
            Redirect { fd: 1, target: Target::Append("log file".into()) },
        ]);
        // The digit before '>' is the handle, as in cmd.exe.
        let p = parse("echo a2>err").unwrap();
        assert_eq!(p[0].1[0].text, "echo a");
        assert_eq!(p[0].1[0].redirects[0].fd, 2);
        // An escaped digit stays text.
        let p = parse("echo a^2>x").unwrap();
        assert_eq!((p[0].1[0].text.as_str(), p[0].1[0].redirects[0].fd), ("echo a2", 1));
        assert!(parse("echo >").is_err());
        assert_eq!(parse("a|b").unwrap()[0].1[1].raw, "b");
    }
}
