//! Debug channels on the `log` facade: the logger that prints `log::warn!`, `log::trace!`, …
//! of every crate as Wine prints its debug messages, filtered by WINEDEBUG.
//!
//! **Channels.** A record's channels come from its target, which `log` sets to the module
//! path unless the call gives `target:`. The target is split at `::`; every segment is a
//! channel, and the most specific one that WINEDEBUG names decides (the last segment first):
//!
//! | target                    | channels, most specific first | e.g. enabled by              |
//! |---------------------------|-------------------------------|------------------------------|
//! | `msvcrt::stdio::printf`   | `printf`, `stdio`, `msvcrt`   | `warn+printf`, `trace+msvcrt` |
//! | `kernel32::fileapi`       | `fileapi`, `kernel32`         | `warn+kernel32`              |
//! | `loader::modules`         | `modules`, `loader`           | `+loader`                    |
//! | `heap` (`target: "heap"`) | `heap`                        | `trace+heap`                 |
//!
//! So each DLL crate is one channel (its crate name: `kernel32`, `msvcrt`, `loader`,
//! `syscall_shims`) and each of its modules one more (an "area": `fileapi`, `heap`, `printf`);
//! `trace+msvcrt,-printf` traces all of msvcrt except the formatter. A crate that wants a
//! Wine channel name for an area writes `log::warn!(target: "file", ...)` or names its module
//! after it.
//!
//! **Classes.** `log` levels map onto Wine's classes: `error!` → err, `warn!` → warn,
//! `info!` → fixme (something unimplemented that the program may notice), `debug!` and
//! `trace!` → trace. By default err and fixme print and warn and trace do not, as in Wine.
//!
//! **Format**, as Wine's: `[timestamp:][pid:]tid:class:channel:target message`, e.g.
//! `0123:fixme:startup:msvcrt::startup __getmainargs: wildcard expansion is not implemented`,
//! one `write(2)` per line. The logger formats only records that pass the filter, and
//! `log::set_max_level` is set to the highest class any channel has on, so a disabled
//! `trace!` costs one comparison at the call site.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::debug::{Class, DebugSpec};

struct Logger {
    spec: &'static DebugSpec,
}

fn class_of(level: log::Level) -> Class {
    match level {
        log::Level::Error => Class::Err,
        log::Level::Warn => Class::Warn,
        log::Level::Info => Class::Fixme,
        log::Level::Debug | log::Level::Trace => Class::Trace,
    }
}

fn level_filter(c: Option<Class>) -> log::LevelFilter {
    match c {
        None => log::LevelFilter::Off,
        Some(Class::Err) => log::LevelFilter::Error,
        Some(Class::Warn) => log::LevelFilter::Warn,
        Some(Class::Fixme) => log::LevelFilter::Info,
        Some(Class::Trace) => log::LevelFilter::Trace,
    }
}

/// The channels of a target, most specific first.
pub fn channels_of(target: &str) -> impl Iterator<Item = &str> {
    target.rsplit("::").filter(|s| !s.is_empty())
}

/// Is a record of `level` for `target` printed under `spec`?
pub fn record_enabled(spec: &DebugSpec, target: &str, level: log::Level) -> bool {
    spec.enabled_any(channels_of(target), class_of(level))
}

/// Format one record as Wine would (without the trailing newline).
pub fn format_record(out: &mut String, target: &str, level: log::Level, args: std::fmt::Arguments) {
    line_prefix(out);
    let chan = channels_of(target).next().unwrap_or("default");
    let _ = write!(out, "{}:{chan}:{target} {args}", class_of(level).name());
}

impl log::Log for Logger {
    fn enabled(&self, m: &log::Metadata) -> bool {
        record_enabled(self.spec, m.target(), m.level())
    }

    fn log(&self, r: &log::Record) {
        if !self.enabled(r.metadata()) {
            return;
        }
        let mut s = String::with_capacity(128);
        format_record(&mut s, r.target(), r.level(), *r.args());
        if !s.ends_with('\n') {
            s.push('\n');
        }
        // SAFETY: writing a valid buffer to fd 2, in one call so threads do not interleave.
        unsafe { libc::write(2, s.as_ptr() as *const libc::c_void, s.len()) };
    }

    fn flush(&self) {}
}

/// Install the channel logger (once, by the launcher), configured from WINEDEBUG.
pub fn install() {
    start_clock();
    let spec = crate::debug::spec();
    static LOGGER: std::sync::OnceLock<Logger> = std::sync::OnceLock::new();
    let logger = LOGGER.get_or_init(|| Logger { spec });
    if log::set_logger(logger).is_ok() {
        log::set_max_level(level_filter(spec.max_class()));
    }
}

// ---- line prefixes shared with the relay trace ----------------------------------------------

static START_NS: AtomicU64 = AtomicU64::new(0);

fn monotonic_ns() -> u64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes the timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// Start the clock that `+timestamp` and the JSON trace count from (idempotent).
pub fn start_clock() {
    let _ = START_NS.compare_exchange(0, monotonic_ns(), Ordering::Relaxed, Ordering::Relaxed);
}

/// Seconds since [`start_clock`].
pub fn seconds_since_start() -> f64 {
    let start = START_NS.load(Ordering::Relaxed);
    monotonic_ns().saturating_sub(start) as f64 / 1e9
}

/// `[timestamp:][pid:]tid:`, as Wine starts each debug line (`+timestamp`, `+pid`).
pub fn line_prefix(out: &mut String) {
    let spec = crate::debug::spec();
    if spec.enabled("timestamp", Class::Trace) {
        let t = seconds_since_start();
        let _ = write!(out, "{:3}.{:06}:", t as u64, ((t.fract()) * 1e6) as u64);
    }
    if spec.enabled("pid", Class::Trace) {
        let _ = write!(out, "{:04x}:", std::process::id());
    }
    // SAFETY: gettid has no preconditions.
    let _ = write!(out, "{:04x}:", unsafe { libc::gettid() } as u32);
}

#[cfg(test)]
mod tests {
    use super::*;
    use log::Level;

    #[test]
    fn channels_from_targets() {
        assert_eq!(channels_of("msvcrt::stdio::printf").collect::<Vec<_>>(), ["printf", "stdio", "msvcrt"]);
        assert_eq!(channels_of("heap").collect::<Vec<_>>(), ["heap"]);
    }

    #[test]
    fn default_classes() {
        let s = DebugSpec::parse("");
        assert!(record_enabled(&s, "msvcrt::heap", Level::Error));
        assert!(record_enabled(&s, "msvcrt::heap", Level::Info)); // fixme
        assert!(!record_enabled(&s, "msvcrt::heap", Level::Warn));
        assert!(!record_enabled(&s, "msvcrt::heap", Level::Trace));
    }

    #[test]
    fn dll_and_area_channels() {
        let s = DebugSpec::parse("warn+msvcrt,trace+fileapi,-printf");
        assert!(record_enabled(&s, "msvcrt::heap", Level::Warn));
        assert!(!record_enabled(&s, "msvcrt::heap", Level::Trace));
        assert!(!record_enabled(&s, "msvcrt::stdio::printf", Level::Error));
        assert!(record_enabled(&s, "kernel32::fileapi", Level::Trace));
        assert!(record_enabled(&s, "kernel32::fileapi", Level::Debug));
        assert!(!record_enabled(&s, "kernel32::heapapi", Level::Warn));
        assert!(record_enabled(&s, "kernel32::heapapi", Level::Error));
    }

    #[test]
    fn minus_all_then_one_area() {
        let s = DebugSpec::parse("-all,warn+locale");
        assert!(record_enabled(&s, "msvcrt::locale", Level::Warn));
        assert!(!record_enabled(&s, "msvcrt::locale", Level::Error)); // named after -all
        assert!(!record_enabled(&s, "msvcrt::heap", Level::Error));
        assert_eq!(level_filter(s.max_class()), log::LevelFilter::Warn);
    }

    #[test]
    fn wine_format() {
        let mut s = String::new();
        format_record(&mut s, "msvcrt::stdio::printf", Level::Warn, format_args!("%n is not supported"));
        let (tid, rest) = s.split_once(':').unwrap();
        assert!(tid.len() >= 4 && tid.chars().all(|c| c.is_ascii_hexdigit()), "{s}");
        assert_eq!(rest, "warn:printf:msvcrt::stdio::printf %n is not supported");
    }
}
