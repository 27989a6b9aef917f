//! FormatMessage's template language: inserts (%1 … %99, with an optional printf format
//! between exclamation marks, "%1!04x!"), escapes (%0 %n %r %t %% %space %. %!) and
//! FORMAT_MESSAGE_MAX_WIDTH_MASK's handling of the template's line breaks.

/// Where the inserts' values come from: 8-byte slots, the first for %1 (a va_list on x64, or
/// the DWORD_PTR array of FORMAT_MESSAGE_ARGUMENT_ARRAY).
#[derive(Clone, Copy)]
pub struct Args(pub *const usize);

impl Args {
    fn get(&self, i: usize) -> usize {
        // SAFETY: the program passes as many arguments as its template uses.
        unsafe { *self.0.add(i) }
    }
}

/// Text width: narrow (FormatMessageA: %s is a narrow string) or wide.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Width {
    Narrow,
    Wide,
}

/// Read a string argument.
fn string_arg(p: usize, wide: bool) -> String {
    if p == 0 {
        return "(null)".into();
    }
    // SAFETY: the program passes NUL-terminated strings for %s inserts.
    unsafe {
        if wide {
            dllcore::strings::wstr_to_string(p as *const u16).unwrap_or_default()
        } else {
            dllcore::strings::cstr(p as *const u8).map(syscall_shims::codepage::ansi_to_string).unwrap_or_default()
        }
    }
}

/// One printf conversion (`spec` is what is between the exclamation marks), consuming slots
/// from `next` ('*' widths take their own).
fn printf_one(spec: &str, args: Args, next: &mut usize, width_kind: Width) -> String {
    let b = spec.as_bytes();
    let mut i = 0;
    let (mut left, mut plus, mut space, mut zero, mut alt) = (false, false, false, false, false);
    while i < b.len() {
        match b[i] {
            b'-' => left = true,
            b'+' => plus = true,
            b' ' => space = true,
            b'0' => zero = true,
            b'#' => alt = true,
            _ => break,
        }
        i += 1;
    }
    let mut num = |i: &mut usize| -> Option<usize> {
        if *i < b.len() && b[*i] == b'*' {
            *i += 1;
            let v = args.get(*next) as i32;
            *next += 1;
            return Some(v.max(0) as usize);
        }
        let s = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        spec[s..*i].parse().ok()
    };
    let width = num(&mut i).unwrap_or(0);
    let precision = if i < b.len() && b[i] == b'.' {
        i += 1;
        Some(num(&mut i).unwrap_or(0))
    } else {
        None
    };
    // Length modifiers.
    let mut long64 = false;
    let mut wide_str = width_kind == Width::Wide;
    loop {
        if spec[i..].starts_with("I64") || spec[i..].starts_with("ll") {
            long64 = true;
            i += if spec[i..].starts_with("ll") { 2 } else { 3 };
        } else if spec[i..].starts_with("I32") {
            i += 3;
        } else if i < b.len() && b[i] == b'I' {
            long64 = true;
            i += 1;
        } else if i < b.len() && (b[i] == b'l' || b[i] == b'w') {
            wide_str = true;
            i += 1;
        } else if i < b.len() && b[i] == b'h' {
            wide_str = false;
            i += 1;
        } else {
            break;
        }
    }
    let conv = b.get(i).copied().unwrap_or(b's');
    let raw = args.get(*next);
    *next += 1;
    let int = |signed: bool| -> (bool, u64) {
        if long64 {
            if signed && (raw as i64) < 0 { (true, (raw as i64).unsigned_abs()) } else { (false, raw as u64) }
        } else if signed && (raw as u32 as i32) < 0 {
            (true, (raw as u32 as i32).unsigned_abs() as u64)
        } else {
            (false, raw as u32 as u64)
        }
    };
    let mut prefix = String::new();
    let mut body;
    match conv {
        b'd' | b'i' | b'u' => {
            let (neg, v) = int(conv != b'u');
            body = v.to_string();
            if neg {
                prefix.push('-');
            } else if plus && conv != b'u' {
                prefix.push('+');
            } else if space && conv != b'u' {
                prefix.push(' ');
            }
        }
        b'x' | b'X' | b'o' => {
            let (_, v) = int(false);
            body = match conv {
                b'x' => format!("{v:x}"),
                b'X' => format!("{v:X}"),
                _ => format!("{v:o}"),
            };
            if alt && v != 0 {
                prefix = match conv {
                    b'x' => "0x".into(),
                    b'X' => "0X".into(),
                    _ => "0".into(),
                };
            }
        }
        b'p' => body = format!("{raw:016X}"),
        b'c' | b'C' => {
            let wide_c = if conv == b'C' { !wide_str } else { wide_str };
            let c = if wide_c { char::from_u32(raw as u16 as u32) } else { Some(raw as u8 as char) };
            body = c.unwrap_or('?').to_string();
        }
        _ => {
            let wide_s = if conv == b'S' { !wide_str } else { wide_str };
            body = string_arg(raw, wide_s);
            if let Some(p) = precision {
                body = body.chars().take(p).collect();
            }
        }
    }
    if matches!(conv, b'd' | b'i' | b'u' | b'x' | b'X' | b'o')
        && let Some(p) = precision
        && body.len() < p
    {
        body = "0".repeat(p - body.len()) + &body;
    }
    let len = prefix.chars().count() + body.chars().count();
    if len >= width {
        return prefix + &body;
    }
    let pad = width - len;
    if left {
        prefix + &body + &" ".repeat(pad)
    } else if zero && precision.is_none() && !matches!(conv, b's' | b'S' | b'c' | b'C') {
        prefix + &"0".repeat(pad) + &body
    } else {
        " ".repeat(pad) + &prefix + &body
    }
}

/// Expand a template. With `ignore` (FORMAT_MESSAGE_IGNORE_INSERTS) every % sequence stays
/// as written; otherwise escapes are interpreted, and inserts too when there are `args` (without
/// them an insert stays as written, where Windows would read whatever is there). `max_width` is the FORMAT_MESSAGE_MAX_WIDTH_MASK part of the flags: 0xFF turns the
/// template's own line breaks into spaces (%n still breaks lines).
pub fn expand(template: &str, args: Option<Args>, ignore: bool, max_width: u32, kind: Width) -> String {
    let mut out = String::new();
    let mut it = template.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\r' || c == '\n' {
            if max_width == 0xff {
                if c == '\r' && it.peek() == Some(&'\n') {
                    it.next();
                }
                out.push(' ');
            } else {
                out.push(c);
            }
            continue;
        }
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(&d) = it.peek() else {
            break;
        };
        if d.is_ascii_digit() && d != '0' {
            // An insert: one or two digits, then an optional !format!.
            let mut n = String::new();
            while n.len() < 2
                && let Some(&x) = it.peek()
                && x.is_ascii_digit()
            {
                n.push(x);
                it.next();
            }
            let mut spec = None;
            if it.peek() == Some(&'!') {
                it.next();
                let mut s = String::new();
                for x in it.by_ref() {
                    if x == '!' {
                        break;
                    }
                    s.push(x);
                }
                spec = Some(s);
            }
            match args.filter(|_| !ignore) {
                None => {
                    out.push('%');
                    out.push_str(&n);
                    if let Some(s) = spec {
                        out.push('!');
                        out.push_str(&s);
                        out.push('!');
                    }
                }
                Some(a) => {
                    let mut next = n.parse::<usize>().unwrap_or(1) - 1;
                    out.push_str(&printf_one(spec.as_deref().unwrap_or("s"), a, &mut next, kind));
                }
            }
            continue;
        }
        it.next();
        if ignore {
            // Inserts ignored: every % sequence is kept as written.
            out.push('%');
            out.push(d);
            continue;
        }
        match d {
            '0' => return out,
            'n' => out.push_str("\r\n"),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'b' => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_and_escapes() {
        let name: Vec<u16> = "x.exe".encode_utf16().chain([0]).collect();
        let args = [name.as_ptr() as usize, 42, 255];
        let a = Some(Args(args.as_ptr()));
        assert_eq!(expand("%1 is bad%n", a, false, 0, Width::Wide), "x.exe is bad\r\n");
        assert_eq!(expand("[%2!d!|%3!04x!|%2!-4u!]", a, false, 0, Width::Wide), "[42|00ff|42  ]");
        assert_eq!(expand("100%% done%0 ignored", a, false, 0, Width::Wide), "100% done");
        assert_eq!(expand("a\r\nb", a, false, 0xff, Width::Wide), "a b");
        assert_eq!(expand("%1 and %%", None, true, 0, Width::Wide), "%1 and %%");
    }
}
