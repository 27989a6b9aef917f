//! `%NAME%` expansion, done on the whole line before it is split into commands (so
//! `set X=1 & echo %X%` shows the value X had before the line, as in cmd.exe).
//!
//! As in cmd.exe's command-line mode (`/c`), a variable that is not defined stays as written
//! (`%NOPE%`), names are case-insensitive, and ERRORLEVEL and CD are the dynamic variables
//! when no variable of that name is set. Differences: the substring and substitution forms
//! (`%X:~1,2%`, `%X:a=b%`) and the other dynamic variables (DATE, TIME, RANDOM) are not
//! expanded.

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
                match lookup(name) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables() {
        let look = |n: &str| match n.to_ascii_uppercase().as_str() {
            "A" => Some("1".to_string()),
            "PATH" => Some("C:\\x".to_string()),
            _ => None,
        };
        assert_eq!(expand("echo %a%-%PATH%", &look), "echo 1-C:\\x");
        assert_eq!(expand("%NOPE% %A%", &look), "%NOPE% 1");
        assert_eq!(expand("100% sure %A", &look), "100% sure %A");
        assert_eq!(expand("%%A%", &look), "%1");
        assert_eq!(expand("%NOPE%A%", &look), "%NOPE1");
    }
}
