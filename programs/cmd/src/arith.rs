//! `set /a`: 32-bit integer arithmetic on environment variables.
//!
//! As cmd.exe documents, from the lowest precedence: `,` (expressions in turn), the
//! assignments `= *= /= %= += -= &= ^= |= <<= >>=`, `|`, `^`, `&`, `<< >>`, `+ -`,
//! `* / %`, the unary `! ~ -`, and `( )`. A name is a variable (its value read as a number,
//! 0 when unset or not a number); numbers are decimal, `0x` hex or `0` octal. Quotes are
//! ignored. Arithmetic wraps at 32 bits. Errors are cmd.exe's messages.

/// The variables the expression reads and assigns.
pub trait Vars {
    fn get(&self, name: &str) -> Option<String>;
    fn set(&mut self, name: &str, value: &str);
}

/// Evaluate `expr`; the value of the last expression.
pub fn eval(expr: &str, vars: &mut dyn Vars) -> Result<i32, String> {
    let text: Vec<char> = expr.chars().filter(|&c| c != '"').collect();
    let mut p = P { c: text, i: 0, vars };
    let mut v = p.assign()?;
    loop {
        p.blanks();
        if p.eat(",") {
            v = p.assign()?;
        } else if p.i < p.c.len() {
            return Err("Missing operator.".into());
        } else {
            return Ok(v);
        }
    }
}

struct P<'a> {
    c: Vec<char>,
    i: usize,
    vars: &'a mut dyn Vars,
}

const ASSIGN_OPS: [&str; 11] = ["<<=", ">>=", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "="];

impl P<'_> {
    fn blanks(&mut self) {
        while self.c.get(self.i).is_some_and(|c| c.is_whitespace()) {
            self.i += 1;
        }
    }

    fn looking_at(&self, s: &str) -> bool {
        s.chars().enumerate().all(|(k, ch)| self.c.get(self.i + k) == Some(&ch))
    }

    fn eat(&mut self, s: &str) -> bool {
        self.blanks();
        if self.looking_at(s) {
            self.i += s.chars().count();
            true
        } else {
            false
        }
    }

    fn name_at(&self) -> Option<(String, usize)> {
        let mut k = self.i;
        while self.c.get(k).is_some_and(|c| c.is_whitespace()) {
            k += 1;
        }
        let start = k;
        if !self.c.get(k).is_some_and(|c| c.is_alphabetic() || *c == '_') {
            return None;
        }
        while self.c.get(k).is_some_and(|c| c.is_alphanumeric() || "_.$#@".contains(*c)) {
            k += 1;
        }
        Some((self.c[start..k].iter().collect(), k))
    }

    fn var(&self, name: &str) -> i32 {
        self.vars.get(name).and_then(|v| crate::cond::number(&v)).unwrap_or(0) as i32
    }

    fn assign(&mut self) -> Result<i32, String> {
        if let Some((name, end)) = self.name_at() {
            let save = self.i;
            self.i = end;
            self.blanks();
            if let Some(op) = ASSIGN_OPS.iter().find(|op| self.looking_at(op) && !(**op == "=" && self.looking_at("=="))) {
                self.i += op.len();
                let rhs = self.assign()?;
                let cur = self.var(&name);
                let v = match *op {
                    "=" => rhs,
                    o => binary(&o[..o.len() - 1], cur, rhs)?,
                };
                self.vars.set(&name, &v.to_string());
                return Ok(v);
            }
            self.i = save;
        }
        self.level(0)
    }

    /// Binary operators by precedence level, lowest first.
    fn level(&mut self, n: usize) -> Result<i32, String> {
        const LEVELS: [&[&str]; 6] = [&["|"], &["^"], &["&"], &["<<", ">>"], &["+", "-"], &["*", "/", "%"]];
        if n == LEVELS.len() {
            return self.unary();
        }
        let mut v = self.level(n + 1)?;
        'outer: loop {
            self.blanks();
            for op in LEVELS[n] {
                // Not the start of an assignment operator (`a+=1` is read by `assign`).
                if self.looking_at(op) && self.c.get(self.i + op.len()) != Some(&'=') {
                    self.i += op.len();
                    let r = self.level(n + 1)?;
                    v = binary(op, v, r)?;
                    continue 'outer;
                }
            }
            return Ok(v);
        }
    }

    fn unary(&mut self) -> Result<i32, String> {
        self.blanks();
        if self.eat("!") {
            return Ok((self.unary()? == 0) as i32);
        }
        if self.eat("~") {
            return Ok(!self.unary()?);
        }
        if self.eat("-") {
            return Ok(self.unary()?.wrapping_neg());
        }
        if self.eat("+") {
            return self.unary();
        }
        if self.eat("(") {
            let mut v = self.assign()?;
            while self.eat(",") {
                v = self.assign()?;
            }
            if !self.eat(")") {
                return Err("Unbalanced parenthesis.".into());
            }
            return Ok(v);
        }
        if let Some((name, end)) = self.name_at() {
            self.i = end;
            return Ok(self.var(&name));
        }
        let start = self.i;
        while self.c.get(self.i).is_some_and(|c| c.is_ascii_alphanumeric()) {
            self.i += 1;
        }
        if start == self.i {
            return Err("Missing operand.".into());
        }
        let t: String = self.c[start..self.i].iter().collect();
        crate::cond::number(&t).map(|v| v as i32).ok_or_else(|| "Invalid number.  Numeric constants are either decimal (17),\r\nhexadecimal (0x11), or octal (021).".into())
    }
}

fn binary(op: &str, a: i32, b: i32) -> Result<i32, String> {
    Ok(match op {
        "|" => a | b,
        "^" => a ^ b,
        "&" => a & b,
        "<<" => a.wrapping_shl(b as u32),
        ">>" => a.wrapping_shr(b as u32),
        "+" => a.wrapping_add(b),
        "-" => a.wrapping_sub(b),
        "*" => a.wrapping_mul(b),
        "/" | "%" if b == 0 => return Err("Divide by zero error.".into()),
        "/" => a.wrapping_div(b),
        _ => a.wrapping_rem(b),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    struct M(HashMap<String, String>);
    impl Vars for M {
        fn get(&self, name: &str) -> Option<String> {
            self.0.get(&name.to_uppercase()).cloned()
        }
        fn set(&mut self, name: &str, value: &str) {
            self.0.insert(name.to_uppercase(), value.to_string());
        }
    }

    #[test]
    fn expressions() {
        let mut m = M(HashMap::new());
        let mut e = |s: &str| eval(s, &mut m);
        assert_eq!(e("1+2*3"), Ok(7));
        assert_eq!(e("(1+2)*3"), Ok(9));
        assert_eq!(e("x=5"), Ok(5));
        assert_eq!(e("x+=2, y=x*2"), Ok(14));
        assert_eq!(e("\"z = y % 5\""), Ok(4));
        assert_eq!(e("-x + 0x10 - 010"), Ok(1));
        assert_eq!(e("1<<4 | 1"), Ok(17));
        assert_eq!(e("!0 + ~0"), Ok(0));
        assert_eq!(e("nope + 1"), Ok(1));
        assert_eq!(e("7/0"), Err("Divide by zero error.".into()));
        assert_eq!(e("1 +"), Err("Missing operand.".into()));
        assert_eq!(e("(1"), Err("Unbalanced parenthesis.".into()));
        assert_eq!(m.get("x").as_deref(), Some("7"));
        assert_eq!(m.get("z").as_deref(), Some("4"));
    }
}
