//! The relay trace (`WINEDEBUG=+relay`): one line per call into a builtin DLL and one per
//! return.
//!
//! ```text
//! 0123:Call KERNEL32.VirtualAlloc(00000000,00010000,00003000 MEM_COMMIT|MEM_RESERVE,00000004 PAGE_READWRITE)
//! 0123:Ret  KERNEL32.VirtualAlloc() retval=7f3a12340000 err=0
//! ```
//!
//! The thread id, `DLL.Function`, the arguments (strings shown as text, flag words by name,
//! handles with the kind of object), the return value and the thread's last error.
//! `WINEDEBUG=+timestamp` prefixes seconds since start, `+pid` the process id.
//!
//! **Filters**, like Wine's RelayInclude/RelayExclude registry values:
//! `WINE_RS_RELAY_INCLUDE` and `WINE_RS_RELAY_EXCLUDE` hold `;`-separated items, each
//! `DLL.Function`, `DLL.*` (a whole DLL), `DLL.Prefix*` or `Function` (in any DLL). Names compare
//! without case, a DLL with or without `.dll`. A call is traced when the include list is
//! empty or matches, and the exclude list does not match.
//!
//! **JSON lines**: [`set_trace_file`] (`wine-rs --trace-file FILE`) turns relay on and writes
//! one JSON object per line to FILE instead of text to stderr:
//! `{"ts":0.001234,"pid":10,"tid":11,"ev":"call","dll":"KERNEL32","fn":"GetStdHandle","args":["fffffff5 STD_OUTPUT_HANDLE"]}`
//! and `{"ts":…,"pid":…,"tid":…,"ev":"ret","dll":…,"fn":…,"ret":"00000010","err":0}`.
//!
//! **Cost when off**: the code `#[export]` generates loads one atomic ([`enabled`]) and takes
//! a predicted branch; the formatting code is out of line and never entered. The filter is
//! decided once per export ([`Site`]) the first time it is called with relay on.

use std::fmt::Write as _;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU8, Ordering};

pub use crate::relay_flags as flags;
pub use crate::relay_flags::{Flags, Handle};

static ENABLED: AtomicBool = AtomicBool::new(false);
/// Where JSON lines go (-1: text to stderr).
static JSON_FD: AtomicI32 = AtomicI32::new(-1);

/// One export, as the relay trace and the flight recorder see it. `#[export]` makes one
/// static `Site` per export.
#[derive(Debug)]
pub struct Site {
    pub dll: &'static str,
    pub name: &'static str,
    /// 0: not decided yet, 1: traced, 2: filtered out.
    state: AtomicU8,
}

impl Site {
    pub const fn new(dll: &'static str, name: &'static str) -> Site {
        Site { dll, name, state: AtomicU8::new(0) }
    }

    /// Does the relay filter let this export through? (Only asked when relay is on.)
    #[inline]
    pub fn traced(&self) -> bool {
        match self.state.load(Ordering::Relaxed) {
            1 => true,
            2 => false,
            _ => self.decide(),
        }
    }

    #[cold]
    #[inline(never)]
    fn decide(&self) -> bool {
        let on = filter().allows(self.dll, self.name);
        self.state.store(if on { 1 } else { 2 }, Ordering::Relaxed);
        on
    }
}

/// Read WINEDEBUG and the filters, and switch relay on if asked (or if a trace file was set).
/// Called once by the launcher.
pub fn init() {
    let _ = filter();
    let on = crate::debug::enabled("relay", crate::debug::Class::Trace) || JSON_FD.load(Ordering::Relaxed) >= 0;
    ENABLED.store(on, Ordering::Relaxed);
    crate::channels::start_clock();
}

/// Force relay on or off (tests, tools).
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// Is the relay trace on?
#[inline(always)]
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// `traced`, hidden from the optimiser (an empty asm statement, no instruction). The export
/// hook passes its "was this call traced" flag through this so that LLVM cannot duplicate the
/// export body into a traced copy: in that copy, which it treats as cold, it would not inline
/// the panic guard, and the resulting call to a Rust (System V) function would make every
/// export save XMM6-15, on the fast path too.
#[inline(always)]
pub fn opaque(traced: bool) -> bool {
    let mut b = traced as u8;
    // SAFETY: an empty asm statement that only "modifies" a register it is given.
    unsafe { core::arch::asm!("/* {0} */", inout(reg_byte) b, options(nomem, nostack, preserves_flags)) };
    b != 0
}

/// Write the relay trace as JSON lines to `path` (created or truncated) and turn relay on.
pub fn set_trace_file(path: &std::path::Path) -> std::io::Result<()> {
    use std::os::fd::IntoRawFd;
    let f = std::fs::OpenOptions::new().write(true).create(true).truncate(true).open(path)?;
    JSON_FD.store(f.into_raw_fd(), Ordering::Relaxed);
    ENABLED.store(true, Ordering::Relaxed);
    Ok(())
}

// ---- filters ---------------------------------------------------------------------------------

/// One filter item.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern {
    /// Lower-case DLL name without ".dll"; None: any DLL.
    dll: Option<String>,
    /// Lower-case function name; "" with `prefix` = every function.
    func: String,
    /// `func` is a prefix (the item ended with `*`).
    prefix: bool,
}

impl Pattern {
    fn parse(item: &str) -> Option<Pattern> {
        let item = item.trim();
        if item.is_empty() {
            return None;
        }
        let (dll, func) = match item.rfind('.') {
            Some(p) if p > 0 => (Some(dll_key(&item[..p])), &item[p + 1..]),
            _ => (None, item),
        };
        let (func, prefix) = match func.strip_suffix('*') {
            Some(f) => (f, true),
            None => (func, false),
        };
        if func.is_empty() && !prefix {
            return None;
        }
        Some(Pattern { dll, func: func.to_ascii_lowercase(), prefix })
    }

    fn matches(&self, dll: &str, func: &str) -> bool {
        if let Some(d) = &self.dll
            && *d != dll_key(dll)
        {
            return false;
        }
        let f = func.to_ascii_lowercase();
        if self.prefix { f.starts_with(&self.func) } else { f == self.func }
    }
}

fn dll_key(dll: &str) -> String {
    let l = dll.to_ascii_lowercase();
    l.strip_suffix(".dll").map(str::to_string).unwrap_or(l)
}

/// The relay include and exclude lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    include: Vec<Pattern>,
    exclude: Vec<Pattern>,
}

impl Filter {
    /// Build from the two lists (`;`-separated, as in the environment variables).
    pub fn new(include: &str, exclude: &str) -> Filter {
        let list = |s: &str| s.split([';', ',']).filter_map(Pattern::parse).collect();
        Filter { include: list(include), exclude: list(exclude) }
    }

    /// Is a call to `dll.func` traced?
    pub fn allows(&self, dll: &str, func: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|p| p.matches(dll, func)))
            && !self.exclude.iter().any(|p| p.matches(dll, func))
    }
}

fn filter() -> &'static Filter {
    static FILTER: OnceLock<Filter> = OnceLock::new();
    FILTER.get_or_init(|| {
        let var = |n| std::env::var(n).unwrap_or_default();
        Filter::new(&var("WINE_RS_RELAY_INCLUDE"), &var("WINE_RS_RELAY_EXCLUDE"))
    })
}

// ---- argument display ------------------------------------------------------------------------

/// How a value is shown in the relay trace.
pub trait RelayArg {
    fn relay_fmt(&self, out: &mut String);
}

macro_rules! hex_int {
    ($($t:ty),*) => {$(
        impl RelayArg for $t {
            fn relay_fmt(&self, out: &mut String) { let _ = write!(out, "{:08x}", *self); }
        }
    )*};
}
hex_int!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl<T: RelayArg + ?Sized> RelayArg for &T {
    fn relay_fmt(&self, out: &mut String) {
        (**self).relay_fmt(out)
    }
}

impl RelayArg for () {
    fn relay_fmt(&self, _out: &mut String) {}
}
impl RelayArg for bool {
    fn relay_fmt(&self, out: &mut String) {
        out.push_str(if *self { "TRUE" } else { "FALSE" });
    }
}
impl RelayArg for f64 {
    fn relay_fmt(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}
impl RelayArg for f32 {
    fn relay_fmt(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}
impl<T> RelayArg for *const T {
    fn relay_fmt(&self, out: &mut String) {
        let _ = write!(out, "{:08x}", *self as *const () as usize);
    }
}
impl<T> RelayArg for *mut T {
    fn relay_fmt(&self, out: &mut String) {
        let _ = write!(out, "{:08x}", *self as *const () as usize);
    }
}
impl RelayArg for crate::VaList {
    fn relay_fmt(&self, out: &mut String) {
        let _ = write!(out, "va_list {:08x}", self.ptr as usize);
    }
}
impl<T> RelayArg for Option<T> {
    fn relay_fmt(&self, out: &mut String) {
        out.push_str(if self.is_some() { "<fn>" } else { "NULL" });
    }
}

/// A narrow string argument, shown as text.
pub struct CStr(pub *const u8);
/// A wide string argument, shown as text.
pub struct WStr(pub *const u16);

const MAX_SHOWN: usize = 200;

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        c if (c as u32) < 0x20 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c => out.push(c),
    }
}

impl RelayArg for CStr {
    fn relay_fmt(&self, out: &mut String) {
        // Small integers are atoms/ordinals (GetProcAddress, resources), not pointers.
        if (self.0 as usize) < 0x10000 {
            let _ = write!(out, "{:08x}", self.0 as usize);
            return;
        }
        // SAFETY: the program passed it as a NUL-terminated string.
        let bytes = unsafe { crate::strings::cstr(self.0) }.unwrap_or(&[]);
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(MAX_SHOWN)]);
        let _ = write!(out, "{:08x} \"", self.0 as usize);
        text.chars().for_each(|c| push_escaped(out, c));
        out.push('"');
    }
}

impl RelayArg for WStr {
    fn relay_fmt(&self, out: &mut String) {
        if (self.0 as usize) < 0x10000 {
            let _ = write!(out, "{:08x}", self.0 as usize);
            return;
        }
        // SAFETY: the program passed it as a NUL-terminated string.
        let units = unsafe { crate::strings::wstr(self.0) }.unwrap_or(&[]);
        let text = String::from_utf16_lossy(&units[..units.len().min(MAX_SHOWN)]);
        let _ = write!(out, "{:08x} L\"", self.0 as usize);
        text.chars().for_each(|c| push_escaped(out, c));
        out.push('"');
    }
}

// ---- output ----------------------------------------------------------------------------------

fn write_all(fd: i32, mut b: &[u8]) {
    while !b.is_empty() {
        // SAFETY: writing a valid buffer.
        let n = unsafe { libc::write(fd, b.as_ptr() as *const libc::c_void, b.len()) };
        if n <= 0 {
            return;
        }
        b = &b[n as usize..];
    }
}

fn tid() -> u32 {
    // SAFETY: gettid has no preconditions.
    unsafe { libc::gettid() as u32 }
}

/// A JSON string literal of `s`.
pub fn push_json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_head(s: &mut String, ev: &str, site: &Site) {
    let _ = write!(
        s,
        "{{\"ts\":{:.6},\"pid\":{},\"tid\":{},\"ev\":\"{ev}\",\"dll\":",
        crate::channels::seconds_since_start(),
        std::process::id(),
        tid()
    );
    push_json_str(s, site.dll);
    s.push_str(",\"fn\":");
    push_json_str(s, site.name);
}

/// Log a call: `0123:Call KERNEL32.GetStdHandle(fffffff5 STD_OUTPUT_HANDLE)`.
#[cold]
#[inline(never)]
pub fn log_call(site: &Site, args: &[&dyn RelayArg]) {
    let fd = JSON_FD.load(Ordering::Relaxed);
    let mut s = String::with_capacity(128);
    if fd >= 0 {
        json_head(&mut s, "call", site);
        s.push_str(",\"args\":[");
        let mut a = String::new();
        for (i, arg) in args.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            a.clear();
            arg.relay_fmt(&mut a);
            push_json_str(&mut s, &a);
        }
        s.push_str("]}\n");
        write_all(fd, s.as_bytes());
        return;
    }
    crate::channels::line_prefix(&mut s);
    let _ = write!(s, "Call {}.{}(", site.dll, site.name);
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        a.relay_fmt(&mut s);
    }
    s.push_str(")\n");
    write_all(2, s.as_bytes());
}

/// Log a return: `0123:Ret  KERNEL32.GetStdHandle() retval=00000010 err=0`.
#[cold]
#[inline(never)]
pub fn log_ret(site: &Site, ret: &dyn RelayArg) {
    let fd = JSON_FD.load(Ordering::Relaxed);
    let err = crate::teb::try_last_error();
    let mut s = String::with_capacity(96);
    if fd >= 0 {
        json_head(&mut s, "ret", site);
        s.push_str(",\"ret\":");
        let mut r = String::new();
        ret.relay_fmt(&mut r);
        if r.is_empty() {
            s.push_str("null"); // a void function
        } else {
            push_json_str(&mut s, &r);
        }
        if let Some(e) = err {
            let _ = write!(s, ",\"err\":{e}");
        }
        s.push_str("}\n");
        write_all(fd, s.as_bytes());
        return;
    }
    crate::channels::line_prefix(&mut s);
    let _ = write!(s, "Ret  {}.{}() retval=", site.dll, site.name);
    ret.relay_fmt(&mut s);
    if let Some(e) = err {
        let _ = write!(s, " err={e}");
    }
    s.push('\n');
    write_all(2, s.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_filter_traces_everything() {
        let f = Filter::new("", "");
        assert!(f.allows("KERNEL32", "GetStdHandle"));
        assert!(f.allows("msvcrt", "printf"));
    }

    #[test]
    fn include_list() {
        let f = Filter::new("KERNEL32.*;msvcrt.printf", "");
        assert!(f.allows("KERNEL32", "GetStdHandle"));
        assert!(f.allows("kernel32", "WriteFile"));
        assert!(f.allows("msvcrt", "printf"));
        assert!(f.allows("msvcrt", "PRINTF"));
        assert!(!f.allows("msvcrt", "puts"));
        assert!(!f.allows("msvcrt", "printf_s"));
    }

    #[test]
    fn exclude_list_and_forms() {
        let f = Filter::new("", "kernel32.dll.HeapAlloc;msvcrt.str*;GetLastError");
        assert!(!f.allows("KERNEL32", "HeapAlloc"));
        assert!(f.allows("KERNEL32", "HeapFree"));
        assert!(!f.allows("msvcrt", "strlen"));
        assert!(!f.allows("msvcrt", "strcmp"));
        assert!(f.allows("msvcrt", "puts"));
        assert!(!f.allows("KERNEL32", "GetLastError"));
        assert!(!f.allows("other", "getlasterror"));
        assert!(f.allows("KERNEL32", "SetLastError"));
    }

    #[test]
    fn include_and_exclude_together() {
        let f = Filter::new("msvcrt.*", "msvcrt._lock;msvcrt._unlock");
        assert!(f.allows("msvcrt", "printf"));
        assert!(!f.allows("msvcrt", "_lock"));
        assert!(!f.allows("KERNEL32", "ExitProcess"));
    }

    #[test]
    fn bad_items_are_ignored() {
        let f = Filter::new(";;  ;msvcrt.", "");
        assert_eq!(f, Filter::default());
        // ".printf": a leading dot is not a DLL separator; the item names a function.
        let f = Filter::new(".printf", "");
        assert!(f.include[0].dll.is_none());
    }

    #[test]
    fn site_decides_once() {
        static S: Site = Site::new("KERNEL32", "GetStdHandle");
        assert!(S.traced()); // empty filter in the test process
        assert_eq!(S.state.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn json_strings() {
        let mut s = String::new();
        push_json_str(&mut s, "a\"b\\c\n\u{1}é");
        assert_eq!(s, r#""a\"b\\c\n\u0001é""#);
    }

    #[test]
    fn string_args() {
        let text = b"say \"hi\"\n\0";
        let mut s = String::new();
        CStr(text.as_ptr()).relay_fmt(&mut s);
        assert!(s.ends_with(r#" "say \"hi\"\n""#), "{s}");
        let mut s = String::new();
        CStr(42 as *const u8).relay_fmt(&mut s);
        assert_eq!(s, "0000002a");
        let w: Vec<u16> = "wide\0".encode_utf16().collect();
        let mut s = String::new();
        WStr(w.as_ptr()).relay_fmt(&mut s);
        assert!(s.ends_with(" L\"wide\""), "{s}");
    }
}
