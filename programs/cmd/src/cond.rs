//! Evaluating an `if` condition.
//!
//! `errorlevel N`: ERRORLEVEL (as a signed number) is N or more. `exist path`: a file or
//! directory of that name exists (a wildcard: some file matches). `defined VAR`: the
//! variable is set. `a==b`: the strings are the same, quotes included (`/i`: ignoring case).
//! `EQU NEQ LSS LEQ GTR GEQ`: numbers compared as numbers when both sides are numbers
//! (decimal, `0x` hex or `0` octal), else strings compared.

use crate::Interp;
use crate::parse::{Cond, Op, Test};
use syscall_shims::{env, file};

/// Is the condition true? (Its words get delayed expansion first, when that is on.)
pub fn eval(c: &Cond, interp: &Interp) -> bool {
    let r = match &c.test {
        Test::ErrorLevel(n) => (interp.errorlevel as i32) >= number(&interp.delayed(n)).unwrap_or(0) as i32,
        Test::Exist(p) => {
            let p = interp.delayed(p);
            let p = p.trim_matches('"');
            if p.contains(['*', '?']) {
                !crate::builtins::expand_wildcards(p).is_empty()
            } else {
                file::attributes(p).is_ok()
            }
        }
        Test::Defined(v) => env::get(&interp.delayed(v).encode_utf16().collect::<Vec<u16>>()).is_some(),
        Test::Compare { a, op, b, nocase } => compare(&interp.delayed(a), *op, &interp.delayed(b), *nocase),
    };
    r != c.negate
}

/// A number as `if` and `set /a` read it: decimal, `0x` hex, `0` octal, with a sign.
pub fn number(s: &str) -> Option<i64> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let v = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        i64::from_str_radix(h, 16).ok()?
    } else if t.len() > 1 && t.starts_with('0') {
        i64::from_str_radix(&t[1..], 8).ok()?
    } else if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok()?
    } else {
        return None;
    };
    Some(if neg { -v } else { v })
}

fn compare(a: &str, op: Op, b: &str, nocase: bool) -> bool {
    let (a, b) = if nocase { (a.to_lowercase(), b.to_lowercase()) } else { (a.to_string(), b.to_string()) };
    if op == Op::Same {
        return a == b;
    }
    let ord = match (number(&a), number(&b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => a.cmp(&b),
    };
    use std::cmp::Ordering::*;
    match op {
        Op::Same | Op::Equ => ord == Equal,
        Op::Neq => ord != Equal,
        Op::Lss => ord == Less,
        Op::Leq => ord != Greater,
        Op::Gtr => ord == Greater,
        Op::Geq => ord != Less,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp(a: &str, op: Op, b: &str) -> bool {
        compare(a, op, b, false)
    }

    #[test]
    fn comparisons() {
        assert!(cmp("\"a\"", Op::Same, "\"a\"") && !cmp("a", Op::Same, "A") && compare("a", Op::Same, "A", true));
        assert!(cmp("10", Op::Gtr, "9"), "numbers compare as numbers");
        assert!(cmp("10", Op::Lss, "9x"), "else as strings");
        assert!(cmp("0x10", Op::Equ, "16") && cmp("010", Op::Equ, "8") && cmp("-1", Op::Lss, "0"));
        assert!(cmp("a", Op::Neq, "b") && cmp("5", Op::Leq, "5") && cmp("5", Op::Geq, "5"));
        let i = Interp { errorlevel: 2, ..Default::default() };
        let el = |n: &str, negate| eval(&Cond { negate, test: Test::ErrorLevel(n.into()) }, &i);
        assert!(el("2", false) && el("1", false) && !el("3", false) && el("3", true));
        assert!(eval(&Cond { negate: false, test: Test::Exist("/bin".into()) }, &i));
        assert!(!eval(&Cond { negate: false, test: Test::Exist("\"/no/such\"".into()) }, &i));
    }
}
