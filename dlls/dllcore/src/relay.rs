//! The relay trace (`WINEDEBUG=+relay`): one line per call into a builtin DLL and one per
//! return. When off, an export pays one relaxed atomic load and a predicted branch.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Read WINEDEBUG and switch relay on if asked. Called once by the launcher.
pub fn init() {
    ENABLED.store(crate::debug::enabled("relay", crate::debug::Class::Trace), Ordering::Relaxed);
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

fn emit(line: &str) {
    // One write per line so that threads do not interleave inside a line.
    // SAFETY: writing a valid buffer to fd 2.
    unsafe { libc::write(2, line.as_ptr() as *const libc::c_void, line.len()) };
}

fn tid() -> u32 {
    // SAFETY: gettid has no preconditions.
    unsafe { libc::gettid() as u32 }
}

/// Log a call: `0123:Call KERNEL32.GetStdHandle(fffffff5)`.
#[cold]
pub fn log_call(dll: &str, func: &str, args: &[&dyn RelayArg]) {
    let mut s = String::with_capacity(96);
    let _ = write!(s, "{:04x}:Call {dll}.{func}(", tid());
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        a.relay_fmt(&mut s);
    }
    s.push_str(")\n");
    emit(&s);
}

/// Log a return: `0123:Ret  KERNEL32.GetStdHandle() retval=00000010 err=0`.
#[cold]
pub fn log_ret(dll: &str, func: &str, ret: &dyn RelayArg) {
    let mut s = String::with_capacity(64);
    let _ = write!(s, "{:04x}:Ret  {dll}.{func}() retval=", tid());
    ret.relay_fmt(&mut s);
    if let Some(err) = crate::teb::try_last_error() {
        let _ = write!(s, " err={err}");
    }
    s.push('\n');
    emit(&s);
}
