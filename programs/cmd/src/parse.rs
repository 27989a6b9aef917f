//! Splitting a command line into commands: the connectors `&`, `&&`, `||`, pipes `|`, the
//! redirections `<`, `>`, `>>`, `n>`, `n>>`, `n>&m` of each command, command blocks
//! `( ... )` (which may span lines, joined with `\n`), `if` with its condition and its
//! `else`, and the comments `rem` and `:` (a label, or `::`), which run to the end of the line.
//!
//! As in cmd.exe: inside double quotes nothing is special (the quotes stay in the text; a
//! line break ends them); outside, `^` takes the next character literally; a digit right
//! before `<` or `>` is the handle number (`echo a1>f` echoes "a" and redirects handle 1); a
//! leading `@` is dropped; the text of a command keeps its other spaces (`echo hi >f` writes
//! "hi "); `(` opens a block only where a command starts, and `)` closes one only inside a
//! block; the command of an `if` without parentheses runs to the end of the line (`&`
//! included), and `else` is recognised only after a parenthesised block.
//! Differences: handles 3-9 are accepted and ignored; `for` is not parsed.

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

/// One element of a pipeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A simple command (a built-in or a program).
    Cmd(Command),
    /// `( commands )` and the redirections after the `)`.
    Block { body: List, redirects: Vec<Redirect>, raw: String },
    /// `if [/i] [not] condition command [else command]`.
    If { cond: Cond, then: List, otherwise: Option<List>, raw: String },
    /// `for [/d|/r|/l|/f] %X in (set) do command`: the command is kept as text (its
    /// variables are replaced, then it is parsed, for each value).
    For { spec: ForSpec, body: String, raw: String },
}

/// What a `for` loops over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForSpec {
    pub kind: ForKind,
    /// The variable's letter (`%X`; case matters).
    pub var: char,
    /// The text between the parentheses.
    pub set: String,
}

/// The forms of `for`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ForKind {
    /// The words of the set; a word with a wildcard is the files it matches.
    Files,
    /// `/d`: a wildcard matches directories.
    Dirs,
    /// `/r [root]`: the set in the root directory and every directory below it.
    Recursive(String),
    /// `/l`: `(start,step,end)`.
    Range,
    /// `/f ["options"]`: lines of files, a string or a command's output.
    Lines(String),
}

impl Node {
    /// The node as written (to run it in a new interpreter, as a pipe's side).
    pub fn raw(&self) -> &str {
        match self {
            Node::Cmd(c) => &c.raw,
            Node::Block { raw, .. } | Node::If { raw, .. } | Node::For { raw, .. } => raw,
        }
    }
}

/// Commands joined by pipes.
pub type Pipeline = Vec<Node>;

/// Pipelines and the connectors before them.
pub type List = Vec<(Connector, Pipeline)>;

/// An `if` condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cond {
    /// `not`.
    pub negate: bool,
    pub test: Test,
}

/// What an `if` tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Test {
    /// `errorlevel N`: ERRORLEVEL is N or more.
    ErrorLevel(String),
    /// `exist path`.
    Exist(String),
    /// `defined VAR`.
    Defined(String),
    /// `a==b`, `a EQU b`...; `/i`: case-insensitive.
    Compare { a: String, op: Op, b: String, nocase: bool },
}

/// A comparison of `if`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `==`: the strings are the same (quotes included).
    Same,
    Equ,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
}

/// Why a line does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A block is still open at the end: the next line belongs to it.
    Incomplete,
    /// cmd.exe's message.
    Syntax(String),
}

impl Error {
    pub fn message(&self) -> String {
        match self {
            Error::Incomplete => "The syntax of the command is incorrect.".into(),
            Error::Syntax(m) => m.clone(),
        }
    }
}

fn syntax() -> Error {
    Error::Syntax("The syntax of the command is incorrect.".into())
}

/// Parse a command line (or the lines of a block, joined with `\n`) into pipelines and the
/// connectors before them.
pub fn parse(line: &str) -> Result<List, Error> {
    let mut p = Parser { c: line.chars().collect(), i: 0 };
    let list = p.list(0, false)?;
    if p.i < p.c.len() {
        // Only a ')' outside any block stops the top level; it is text there, so this is
        // not reached, but stay safe.
        return Err(Error::Syntax(format!("{} was unexpected at this time.", p.c[p.i])));
    }
    Ok(list)
}

struct Parser {
    c: Vec<char>,
    i: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.c.get(self.i).copied()
    }

    fn at(&self, k: usize) -> Option<char> {
        self.c.get(self.i + k).copied()
    }

    fn text(&self, from: usize) -> String {
        self.c[from..self.i].iter().collect()
    }

    fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.i += 1;
        }
    }

    /// The word (letters) at the current position, lower case, if a delimiter follows it.
    fn word(&self) -> Option<(String, Option<char>)> {
        let mut k = 0;
        while self.at(k).is_some_and(|c| c.is_ascii_alphabetic()) {
            k += 1;
        }
        if k == 0 {
            return None;
        }
        let w: String = self.c[self.i..self.i + k].iter().collect::<String>().to_ascii_lowercase();
        Some((w, self.at(k)))
    }

    /// Pipelines up to the end, a `)` closing the block (`depth` > 0) or, with `line_only`,
    /// a line break.
    fn list(&mut self, depth: usize, line_only: bool) -> Result<List, Error> {
        let mut out: List = Vec::new();
        let mut connector = Connector::Always;
        let mut pipeline: Pipeline = Vec::new();
        // The connector that came before the (possibly empty) current command.
        let mut after_connector = false;
        loop {
            let node = self.node(depth)?;
            let empty = matches!(&node, Node::Cmd(c) if c.text.trim().is_empty() && c.redirects.is_empty());
            match self.peek() {
                Some(c @ ('&' | '|')) => {
                    if empty {
                        return Err(Error::Syntax(format!("{c} was unexpected at this time.")));
                    }
                    pipeline.push(node);
                    let double = self.at(1) == Some(c);
                    self.i += if double { 2 } else { 1 };
                    if c == '|' && !double {
                        after_connector = true;
                        continue;
                    }
                    out.push((connector, std::mem::take(&mut pipeline)));
                    connector = match (c, double) {
                        ('&', false) => Connector::Always,
                        ('&', true) => Connector::IfOk,
                        _ => Connector::IfFail,
                    };
                    after_connector = true;
                }
                Some('\n') if !line_only => {
                    self.i += 1;
                    if !empty {
                        pipeline.push(node);
                    } else if after_connector {
                        return Err(syntax());
                    }
                    if !pipeline.is_empty() {
                        out.push((connector, std::mem::take(&mut pipeline)));
                    }
                    connector = Connector::Always;
                    after_connector = false;
                }
                _ => {
                    // The end, a ')' closing a block, or a line break ending an if/else body.
                    if !empty {
                        pipeline.push(node);
                    } else if after_connector {
                        return Err(syntax());
                    }
                    if !pipeline.is_empty() {
                        out.push((connector, pipeline));
                    }
                    return Ok(out);
                }
            }
        }
    }

    /// One element of a pipeline.
    fn node(&mut self, depth: usize) -> Result<Node, Error> {
        self.skip_blanks();
        let start = self.i;
        while self.peek() == Some('@') {
            self.i += 1;
            self.skip_blanks();
        }
        match self.peek() {
            Some('(') => return self.block(depth, start),
            Some(':') => {
                // A label or a `::` comment: nothing runs.
                while self.peek().is_some_and(|c| c != '\n') {
                    self.i += 1;
                }
                return Ok(Node::Cmd(Command { raw: self.text(start), ..Default::default() }));
            }
            _ => {}
        }
        match self.word() {
            Some((w, next)) if w == "rem" && next.is_none_or(|c| " \t\n/".contains(c)) => {
                // A comment: everything to the end of the line, `&` and `)` included.
                let from = self.i;
                while self.peek().is_some_and(|c| c != '\n') {
                    self.i += 1;
                }
                let text = self.text(from);
                return Ok(Node::Cmd(Command { text, redirects: Vec::new(), raw: self.text(start) }));
            }
            Some((w, Some(' ' | '\t'))) if w == "if" => {
                self.i += 2;
                return self.if_(depth, start);
            }
            Some((w, Some(' ' | '\t'))) if w == "for" => {
                self.i += 3;
                return self.for_(depth, start);
            }
            _ => {}
        }
        self.command(depth, start)
    }

    /// `( list )` and its redirections; `start` is where the node began.
    fn block(&mut self, depth: usize, start: usize) -> Result<Node, Error> {
        self.i += 1;
        let body = self.list(depth + 1, false)?;
        if self.peek() != Some(')') {
            return Err(Error::Incomplete);
        }
        self.i += 1;
        let mut redirects = Vec::new();
        loop {
            self.skip_blanks();
            let fd_digit = self.peek().is_some_and(|c| c.is_ascii_digit()) && matches!(self.at(1), Some('<' | '>'));
            if !(fd_digit || matches!(self.peek(), Some('<' | '>'))) {
                break;
            }
            let fd = if fd_digit {
                let d = self.peek().and_then(|c| c.to_digit(10)).unwrap_or(1) as u8;
                self.i += 1;
                Some(d)
            } else {
                None
            };
            redirects.push(self.redirect(fd)?);
        }
        Ok(Node::Block { body, redirects, raw: self.text(start) })
    }

    /// A word of an `if` condition: up to white space (or, for the left side of a
    /// comparison, `==`); quotes kept, `^` escapes applied.
    fn cond_word(&mut self, stop_at_eq: bool) -> String {
        self.skip_blanks();
        let mut out = String::new();
        let mut quoted = false;
        while let Some(c) = self.peek() {
            if c == '\n' {
                break;
            }
            if quoted {
                quoted = c != '"';
                out.push(c);
                self.i += 1;
                continue;
            }
            match c {
                ' ' | '\t' => break,
                '=' if stop_at_eq && self.at(1) == Some('=') => break,
                '"' => {
                    quoted = true;
                    out.push(c);
                }
                '^' => {
                    self.i += 1;
                    if let Some(n) = self.peek() {
                        out.push(n);
                    }
                }
                _ => out.push(c),
            }
            self.i += 1;
        }
        out
    }

    /// After `if `: the condition, the command, and `else` and its command.
    fn if_(&mut self, depth: usize, start: usize) -> Result<Node, Error> {
        let mut negate = false;
        let mut nocase = false;
        loop {
            self.skip_blanks();
            match self.word() {
                Some((w, Some(' ' | '\t'))) if w == "not" && !negate => {
                    negate = true;
                    self.i += 3;
                }
                _ if self.peek() == Some('/')
                    && self.at(1).is_some_and(|c| c.eq_ignore_ascii_case(&'i'))
                    && matches!(self.at(2), Some(' ' | '\t')) =>
                {
                    nocase = true;
                    self.i += 2;
                }
                _ => break,
            }
        }
        let keyword = match self.word() {
            Some((w, Some(' ' | '\t'))) if ["errorlevel", "exist", "defined"].contains(&w.as_str()) => Some(w),
            _ => None,
        };
        let test = if let Some(k) = keyword {
            self.i += k.len();
            let arg = self.cond_word(false);
            if arg.is_empty() {
                return Err(syntax());
            }
            match k.as_str() {
                "errorlevel" => Test::ErrorLevel(arg),
                "exist" => Test::Exist(arg),
                _ => Test::Defined(arg),
            }
        } else {
            let a = self.cond_word(true);
            self.skip_blanks();
            let op = if self.peek() == Some('=') && self.at(1) == Some('=') {
                self.i += 2;
                while self.peek() == Some('=') {
                    self.i += 1;
                }
                Op::Same
            } else {
                let op = match self.word() {
                    Some((w, Some(' ' | '\t'))) => match w.as_str() {
                        "equ" => Op::Equ,
                        "neq" => Op::Neq,
                        "lss" => Op::Lss,
                        "leq" => Op::Leq,
                        "gtr" => Op::Gtr,
                        "geq" => Op::Geq,
                        _ => return Err(Error::Syntax(format!("{w} was unexpected at this time."))),
                    },
                    _ => return Err(syntax()),
                };
                self.i += 3;
                op
            };
            let b = self.cond_word(false);
            if a.is_empty() || b.is_empty() {
                return Err(syntax());
            }
            Test::Compare { a, op, b, nocase }
        };
        let cond = Cond { negate, test };
        self.skip_blanks();
        if self.peek() != Some('(') {
            // The command runs to the end of the line.
            let then = self.list(depth, true)?;
            if then.is_empty() {
                return Err(syntax());
            }
            return Ok(Node::If { cond, then, otherwise: None, raw: self.text(start) });
        }
        let b = self.i;
        let then = vec![(Connector::Always, vec![self.block(depth, b)?])];
        let save = self.i;
        self.skip_blanks();
        let otherwise = match self.word() {
            Some((w, next)) if w == "else" && matches!(next, Some(' ' | '\t' | '(')) => {
                self.i += 4;
                self.skip_blanks();
                if self.peek() == Some('(') {
                    let b = self.i;
                    Some(vec![(Connector::Always, vec![self.block(depth, b)?])])
                } else {
                    Some(self.list(depth, true)?)
                }
            }
            _ => {
                self.i = save;
                None
            }
        };
        Ok(Node::If { cond, then, otherwise, raw: self.text(start) })
    }

    /// After `for `: the switches, the variable, the set, `do` and the command.
    fn for_(&mut self, depth: usize, start: usize) -> Result<Node, Error> {
        let bad = |what: &str| Error::Syntax(format!("{what} was unexpected at this time."));
        let mut kind = ForKind::Files;
        self.skip_blanks();
        if self.peek() == Some('/') {
            let sw = self.at(1).map(|c| c.to_ascii_lowercase());
            self.i += 2;
            self.skip_blanks();
            kind = match sw {
                Some('d') => ForKind::Dirs,
                Some('l') => ForKind::Range,
                Some('r') => {
                    let root = if self.peek() != Some('%') { self.cond_word(false) } else { String::new() };
                    ForKind::Recursive(root.trim_matches('"').to_string())
                }
                Some('f') => {
                    let opts = if self.peek() == Some('"') { self.cond_word(false) } else { String::new() };
                    ForKind::Lines(opts.trim_matches('"').to_string())
                }
                _ => return Err(syntax()),
            };
            self.skip_blanks();
        }
        if self.peek() != Some('%') || !self.at(1).is_some_and(|c| c.is_alphabetic()) {
            return Err(bad(&self.cond_word(false)));
        }
        let var = self.at(1).unwrap_or('i');
        self.i += 2;
        self.skip_blanks();
        match self.word() {
            Some((w, Some(' ' | '\t' | '('))) if w == "in" => self.i += 2,
            _ => return Err(bad(&self.cond_word(false))),
        }
        self.skip_blanks();
        if self.peek() != Some('(') {
            return Err(bad(&self.cond_word(false)));
        }
        self.i += 1;
        let set_start = self.i;
        let mut quote = None;
        loop {
            match (self.peek(), quote) {
                (None, _) => return Err(Error::Incomplete),
                (Some(')'), None) => break,
                (Some(q @ ('"' | '\'' | '`')), None) => quote = Some(q),
                (Some(q), Some(open)) if q == open => quote = None,
                _ => {}
            }
            self.i += 1;
        }
        let set = self.text(set_start).replace('\n', " ");
        self.i += 1;
        self.skip_blanks();
        match self.word() {
            Some((w, Some(' ' | '\t' | '('))) if w == "do" => self.i += 2,
            _ => return Err(bad(&self.cond_word(false))),
        }
        self.skip_blanks();
        let body_start = self.i;
        if self.peek() == Some('(') {
            self.block(depth, body_start)?;
        } else if self.list(depth, true)?.is_empty() {
            return Err(syntax());
        }
        let body = self.text(body_start);
        Ok(Node::For { spec: ForSpec { kind, var, set }, body, raw: self.text(start) })
    }

    /// A redirection at `<` or `>`; `fd` the handle number written before it.
    fn redirect(&mut self, fd: Option<u8>) -> Result<Redirect, Error> {
        let c = self.peek().unwrap_or('>');
        let fd = fd.unwrap_or(if c == '<' { 0 } else { 1 });
        self.i += 1;
        let append = c == '>' && self.peek() == Some('>');
        if append {
            self.i += 1;
        }
        if self.peek() == Some('&') && self.at(1).is_some_and(|d| d.is_ascii_digit()) {
            let n = self.at(1).and_then(|d| d.to_digit(10)).unwrap_or(1) as u8;
            self.i += 2;
            return Ok(Redirect { fd, target: Target::Dup(n) });
        }
        self.skip_blanks();
        let mut name = String::new();
        let mut q = false;
        while let Some(n) = self.peek() {
            if n == '\n' {
                break;
            } else if n == '"' {
                q = !q;
            } else if !q && (n == ' ' || n == '\t' || "&|<>)".contains(n)) {
                break;
            } else if !q && n == '^' {
                self.i += 1;
                if let Some(e) = self.peek() {
                    name.push(e);
                }
            } else {
                name.push(n);
            }
            self.i += 1;
        }
        if name.is_empty() {
            return Err(syntax());
        }
        let target = match (c, append) {
            ('<', _) => Target::Read(name),
            (_, true) => Target::Append(name),
            _ => Target::Write(name),
        };
        Ok(Redirect { fd, target })
    }

    /// A simple command: up to `&`, `|`, a line break or, in a block, `)`.
    fn command(&mut self, depth: usize, start: usize) -> Result<Node, Error> {
        let mut cmd = Command::default();
        let mut quoted = false;
        while let Some(c) = self.peek() {
            if c == '\n' {
                break;
            }
            if quoted {
                if c == '"' {
                    quoted = false;
                }
                cmd.text.push(c);
                self.i += 1;
                continue;
            }
            match c {
                '"' => {
                    quoted = true;
                    cmd.text.push(c);
                    self.i += 1;
                }
                '^' => {
                    if let Some(n) = self.at(1).filter(|n| *n != '\n') {
                        cmd.text.push(n);
                    }
                    self.i += 2;
                }
                '&' | '|' => break,
                ')' if depth > 0 => break,
                '<' | '>' => {
                    // A digit just before is the handle number (unless escaped).
                    let mut fd = None;
                    if let Some(d) = cmd.text.chars().last().and_then(|d| d.to_digit(10))
                        && self.i > 0
                        && self.c[self.i - 1] == cmd.text.chars().last().unwrap_or(' ')
                        && (self.i < 2 || self.c[self.i - 2] != '^')
                    {
                        fd = Some(d as u8);
                        cmd.text.pop();
                    }
                    let r = self.redirect(fd)?;
                    cmd.redirects.push(r);
                }
                _ => {
                    cmd.text.push(c);
                    self.i += 1;
                }
            }
        }
        // The trailing spaces stay: `echo one | x` sends "one " through the pipe, as in cmd.exe.
        cmd.raw = self.text(start);
        let t = cmd.text.trim_start();
        cmd.text = t.strip_prefix('@').unwrap_or(t).to_string();
        Ok(Node::Cmd(cmd))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<(Connector, Vec<String>)> {
        parse(line).unwrap().into_iter().map(|(c, p)| (c, p.into_iter().map(|n| cmd(&n).text.clone()).collect())).collect()
    }

    fn cmd(n: &Node) -> &Command {
        match n {
            Node::Cmd(c) => c,
            other => panic!("not a simple command: {other:?}"),
        }
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
        let c = cmd(&p[0].1[0]);
        assert_eq!(c.text, "echo hi   ");
        assert_eq!(c.redirects, [
            Redirect { fd: 1, target: Target::Write("out.txt".into()) },
            Redirect { fd: 2, target: Target::Dup(1) },
            Redirect { fd: 0, target: Target::Read("in".into()) },
            Redirect { fd: 1, target: Target::Append("log file".into()) },
        ]);
        // The digit before '>' is the handle, as in cmd.exe.
        let p = parse("echo a2>err").unwrap();
        assert_eq!(cmd(&p[0].1[0]).text, "echo a");
        assert_eq!(cmd(&p[0].1[0]).redirects[0].fd, 2);
        // An escaped digit stays text.
        let p = parse("echo a^2>x").unwrap();
        let c = cmd(&p[0].1[0]);
        assert_eq!((c.text.as_str(), c.redirects[0].fd), ("echo a2", 1));
        assert!(parse("echo >").is_err());
        assert_eq!(parse("a|b").unwrap()[0].1[1].raw(), "b");
    }

    #[test]
    fn blocks_and_comments() {
        use Connector::*;
        // A block spanning lines; ')' is text outside a block.
        let p = parse("(echo a\n  echo b)\necho c)").unwrap();
        assert_eq!(p.len(), 2);
        match &p[0].1[0] {
            Node::Block { body, .. } => {
                assert_eq!(body.len(), 2);
                assert_eq!(cmd(&body[1].1[0]).text, "echo b");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(cmd(&p[1].1[0]).text, "echo c)");
        assert_eq!(parse("(echo a\n echo b"), Err(Error::Incomplete));
        assert_eq!(parse("if 1==1 (\n"), Err(Error::Incomplete));
        // Redirections after a block.
        match &parse("(echo a) >out 2>&1").unwrap()[0].1[0] {
            Node::Block { redirects, .. } => assert_eq!(redirects.len(), 2),
            other => panic!("{other:?}"),
        }
        // rem and labels run to the end of the line.
        assert_eq!(texts("rem a & b"), [(Always, vec!["rem a & b".to_string()])]);
        // The block is still open after "rem x)": the next line's ')' closes it.
        assert!(matches!(&parse("(rem x)\n)").unwrap()[..], [(_, p)] if matches!(p[0], Node::Block { .. })));
        assert!(parse(":: x & y").unwrap().is_empty());
        // '^' escapes a parenthesis inside a block.
        match &parse("(echo ^)x)").unwrap()[0].1[0] {
            Node::Block { body, .. } => assert_eq!(cmd(&body[0].1[0]).text, "echo )x"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn for_loops() {
        let node = |l: &str| parse(l).unwrap().remove(0).1.remove(0);
        match node("for %i in (a \"b c\" *.txt) do echo %i & echo x") {
            Node::For { spec, body, .. } => {
                assert_eq!(spec, ForSpec { kind: ForKind::Files, var: 'i', set: "a \"b c\" *.txt".into() });
                assert_eq!(body, "echo %i & echo x");
            }
            other => panic!("{other:?}"),
        }
        match node("for /f \"tokens=1,2 delims=,\" %A in ('cmd /c \"echo a)\"') do (\n echo %A\n)") {
            Node::For { spec, body, .. } => {
                assert_eq!(spec.kind, ForKind::Lines("tokens=1,2 delims=,".into()));
                assert_eq!(spec.set, "'cmd /c \"echo a)\"'");
                assert_eq!(body, "(\n echo %A\n)");
            }
            other => panic!("{other:?}"),
        }
        match node("for /L %n in (1,1,3) do echo %n") {
            Node::For { spec, .. } => assert_eq!((spec.kind, spec.var), (ForKind::Range, 'n')),
            other => panic!("{other:?}"),
        }
        assert_eq!(parse("for %i in (a) do (\n echo"), Err(Error::Incomplete));
        assert!(parse("for i in (a) do echo").is_err());
        assert!(parse("for %i in (a) echo").is_err());
    }

    #[test]
    fn if_conditions() {
        let node = |l: &str| parse(l).unwrap().remove(0).1.remove(0);
        match node("if /i not \"%x%\"==\"a b\" echo x & echo y") {
            Node::If { cond, then, otherwise, .. } => {
                assert!(cond.negate);
                assert_eq!(cond.test, Test::Compare { a: "\"%x%\"".into(), op: Op::Same, b: "\"a b\"".into(), nocase: true });
                assert_eq!(then.len(), 2, "the command runs to the end of the line");
                assert!(otherwise.is_none());
            }
            other => panic!("{other:?}"),
        }
        match node("if errorlevel 2 (echo a) else (echo b)") {
            Node::If { cond, otherwise, .. } => {
                assert_eq!(cond.test, Test::ErrorLevel("2".into()));
                assert!(otherwise.is_some());
            }
            other => panic!("{other:?}"),
        }
        match node("if exist \"C:\\a b\" (echo a\n) else echo b & echo c") {
            Node::If { cond, otherwise, .. } => {
                assert_eq!(cond.test, Test::Exist("\"C:\\a b\"".into()));
                assert_eq!(otherwise.map(|o| o.len()), Some(2));
            }
            other => panic!("{other:?}"),
        }
        match node("if 10 GEQ 9 echo y") {
            Node::If { cond, .. } => {
                assert_eq!(cond.test, Test::Compare { a: "10".into(), op: Op::Geq, b: "9".into(), nocase: false })
            }
            other => panic!("{other:?}"),
        }
        match node("if defined PATH echo y") {
            Node::If { cond, .. } => assert_eq!(cond.test, Test::Defined("PATH".into())),
            other => panic!("{other:?}"),
        }
        // Without parentheses, "else" is part of the command.
        match node("if a==a echo x else echo y") {
            Node::If { then, otherwise, .. } => {
                assert_eq!(cmd(&then[0].1[0]).text, "echo x else echo y");
                assert!(otherwise.is_none());
            }
            other => panic!("{other:?}"),
        }
        assert!(parse("if a== echo").is_err());
        assert!(parse("for %i in (a b) (echo").is_err());
        assert!(parse("if a xyz b echo").is_err());
    }
}
