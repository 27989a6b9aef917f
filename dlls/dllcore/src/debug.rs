//! Debug channels with Wine's `WINEDEBUG` syntax.
//!
//! The value is a comma-separated list of items `[class][+|-]channel`:
//!
//! | item          | meaning                                                          |
//! |---------------|------------------------------------------------------------------|
//! | `+relay`      | every class on for channel `relay` (the relay trace)             |
//! | `-heap`       | every class off for `heap`                                       |
//! | `warn+file`   | class `warn` on for `file`                                       |
//! | `trace-heap`  | class `trace` off for `heap`                                     |
//! | `relay`       | no sign: the same as `+relay`                                    |
//! | `-all`, `err+all` | `all` changes the default of every channel not named so far  |
//!
//! Classes are `err`, `warn`, `fixme` and `trace`; an item with any other class is ignored,
//! as an empty item is. Items apply left to right. These are Wine's rules exactly
//! (dlls/ntdll/unix/debug.c): a channel named in an item starts from the default of that
//! moment and is afterwards independent of `all`, so `+relay,-all` keeps relay on while
//! `-all,+relay` is the usual way to see relay alone. Without WINEDEBUG, `err` and `fixme`
//! are on and `warn` and `trace` are off for every channel.
//!
//! Two channels change the format of every line rather than select messages, as in Wine:
//! `+timestamp` prefixes seconds since start (`  1.234567:`, microseconds where Wine
//! prints milliseconds) and `+pid` the process id.
//!
//! Channel names for `log` records are derived from their target; see [`crate::channels`].

use std::sync::OnceLock;

/// Message classes, as in Wine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Err = 0,
    Warn = 1,
    Fixme = 2,
    Trace = 3,
}

impl Class {
    /// The class's name as WINEDEBUG spells it.
    pub fn name(self) -> &'static str {
        match self {
            Class::Err => "err",
            Class::Warn => "warn",
            Class::Fixme => "fixme",
            Class::Trace => "trace",
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Every class.
pub const ALL_CLASSES: u8 = 0b1111;
/// Classes on by default for every channel: err and fixme, as in Wine.
pub const DEFAULT_CLASSES: u8 = (1 << Class::Err as u8) | (1 << Class::Fixme as u8);

/// A parsed WINEDEBUG setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebugSpec {
    /// Class mask of every channel not named in `channels`.
    pub default: u8,
    /// (channel, class mask) for each channel named in the setting, in first-named order.
    pub channels: Vec<(String, u8)>,
}

impl Default for DebugSpec {
    fn default() -> Self {
        DebugSpec { default: DEFAULT_CLASSES, channels: Vec::new() }
    }
}

impl DebugSpec {
    /// Parse a WINEDEBUG value (see the module documentation).
    pub fn parse(s: &str) -> DebugSpec {
        let mut spec = DebugSpec::default();
        for item in s.split(',').map(str::trim) {
            let Some((set, clear, chan)) = parse_item(item) else { continue };
            if chan == "all" {
                spec.default = (spec.default & !clear) | set;
                continue;
            }
            match spec.channels.iter_mut().find(|(c, _)| c == chan) {
                Some((_, m)) => *m = (*m & !clear) | set,
                None => spec.channels.push((chan.to_string(), (spec.default & !clear) | set)),
            }
        }
        spec
    }

    /// The class mask for `chan` when the setting names it, else None.
    pub fn named(&self, chan: &str) -> Option<u8> {
        self.channels.iter().find(|(c, _)| c == chan).map(|(_, m)| *m)
    }

    /// The class mask of channel `chan`.
    pub fn mask(&self, chan: &str) -> u8 {
        self.named(chan).unwrap_or(self.default)
    }

    /// Is `class` on for `chan`?
    pub fn enabled(&self, chan: &str, class: Class) -> bool {
        self.mask(chan) & class.bit() != 0
    }

    /// Is `class` on for a message that belongs to several channels, most specific first
    /// (e.g. `printf`, `stdio`, `msvcrt`)? The most specific channel the setting names
    /// decides; when it names none of them, the default does.
    pub fn enabled_any<'a>(&self, chans: impl IntoIterator<Item = &'a str>, class: Class) -> bool {
        let mask = chans.into_iter().find_map(|c| self.named(c)).unwrap_or(self.default);
        mask & class.bit() != 0
    }

    /// The highest class any channel (or the default) has on, for `log::set_max_level`.
    pub fn max_class(&self) -> Option<Class> {
        let all = self.channels.iter().fold(self.default, |acc, (_, m)| acc | m);
        [Class::Trace, Class::Fixme, Class::Warn, Class::Err].into_iter().find(|c| all & c.bit() != 0)
    }
}

/// One item: (classes to set, classes to clear, channel), or None when it is ignored.
fn parse_item(item: &str) -> Option<(u8, u8, &str)> {
    let sign = item.find(['+', '-']);
    let (class, rest) = match sign {
        Some(pos) => (&item[..pos], &item[pos..]),
        None => ("", item),
    };
    let plus = !rest.starts_with('-');
    let chan = rest.strip_prefix(['+', '-']).unwrap_or(rest);
    if chan.is_empty() {
        return None;
    }
    let mask = if class.is_empty() { ALL_CLASSES } else { class_from_name(class)?.bit() };
    Some(if plus { (mask, 0, chan) } else { (0, mask, chan) })
}

fn class_from_name(s: &str) -> Option<Class> {
    Some(match s {
        "err" => Class::Err,
        "warn" => Class::Warn,
        "fixme" => Class::Fixme,
        "trace" => Class::Trace,
        _ => return None,
    })
}

static SPEC: OnceLock<DebugSpec> = OnceLock::new();

/// The process's debug setting, from WINEDEBUG (read once).
pub fn spec() -> &'static DebugSpec {
    SPEC.get_or_init(|| DebugSpec::parse(&std::env::var("WINEDEBUG").unwrap_or_default()))
}

/// Is `class` on for `chan` in this process?
pub fn enabled(chan: &str, class: Class) -> bool {
    spec().enabled(chan, class)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_wines() {
        let s = DebugSpec::parse("");
        assert!(!s.enabled("relay", Class::Trace));
        assert!(s.enabled("file", Class::Err));
        assert!(s.enabled("file", Class::Fixme));
        assert!(!s.enabled("file", Class::Warn));
        assert!(!s.enabled("file", Class::Trace));
        assert_eq!(s, DebugSpec::default());
    }

    #[test]
    fn plus_and_minus_channel() {
        let s = DebugSpec::parse("+relay");
        assert!(s.enabled("relay", Class::Trace));
        assert!(s.enabled("relay", Class::Warn));
        assert!(!s.enabled("file", Class::Trace));
        let s = DebugSpec::parse("-heap");
        assert!(!s.enabled("heap", Class::Err));
        assert!(s.enabled("file", Class::Err));
    }

    #[test]
    fn bare_channel_means_plus() {
        let s = DebugSpec::parse("relay");
        assert!(s.enabled("relay", Class::Trace));
    }

    #[test]
    fn minus_all_silences() {
        let s = DebugSpec::parse("-all");
        assert!(!s.enabled("file", Class::Err));
        assert!(!s.enabled("file", Class::Fixme));
        assert!(!s.enabled("relay", Class::Trace));
        assert_eq!(s.max_class(), None);
    }

    #[test]
    fn plus_all_includes_relay() {
        // As in Wine, +all turns every class of every channel on, relay included.
        let s = DebugSpec::parse("+all");
        assert!(s.enabled("relay", Class::Trace));
        assert!(s.enabled("anything", Class::Warn));
    }

    #[test]
    fn class_plus_channel() {
        let s = DebugSpec::parse("warn+file,trace+heap,err-ntdll");
        assert!(s.enabled("file", Class::Warn));
        assert!(!s.enabled("file", Class::Trace));
        assert!(s.enabled("file", Class::Err)); // from the default
        assert!(s.enabled("heap", Class::Trace));
        assert!(!s.enabled("heap", Class::Warn));
        assert!(!s.enabled("ntdll", Class::Err));
        assert!(s.enabled("ntdll", Class::Fixme));
        assert!(!s.enabled("other", Class::Warn));
    }

    #[test]
    fn class_plus_all_and_class_minus_all() {
        let s = DebugSpec::parse("warn+all");
        assert!(s.enabled("file", Class::Warn));
        assert!(s.enabled("file", Class::Err));
        assert!(!s.enabled("file", Class::Trace));
        let s = DebugSpec::parse("fixme-all");
        assert!(!s.enabled("file", Class::Fixme));
        assert!(s.enabled("file", Class::Err));
        let s = DebugSpec::parse("trace+all,trace-relay");
        assert!(s.enabled("heap", Class::Trace));
        assert!(!s.enabled("relay", Class::Trace));
    }

    #[test]
    fn same_channel_twice_accumulates() {
        let s = DebugSpec::parse("warn+file,trace+file,err-file");
        assert!(s.enabled("file", Class::Warn));
        assert!(s.enabled("file", Class::Trace));
        assert!(!s.enabled("file", Class::Err));
        assert!(s.enabled("file", Class::Fixme));
        assert_eq!(s.channels.len(), 1);
        let s = DebugSpec::parse("+relay,-relay");
        assert!(!s.enabled("relay", Class::Trace));
    }

    #[test]
    fn order_matters_as_in_wine() {
        let s = DebugSpec::parse("-all,+relay");
        assert!(s.enabled("relay", Class::Trace));
        assert!(!s.enabled("file", Class::Err));
        // `all` changes the default only: a channel named before it keeps its classes.
        let s = DebugSpec::parse("+relay,-all");
        assert!(s.enabled("relay", Class::Trace));
        assert!(!s.enabled("file", Class::Err));
        // A channel named after `-all` starts from the new default.
        let s = DebugSpec::parse("-all,warn+file");
        assert!(s.enabled("file", Class::Warn));
        assert!(!s.enabled("file", Class::Err));
    }

    #[test]
    fn bad_items_are_ignored() {
        for bad in ["bogus+relay", "+", "-", "warn+", "", ",,", "Warn+relay", "errr-all"] {
            let s = DebugSpec::parse(bad);
            assert_eq!(s, DebugSpec::default(), "{bad:?}");
        }
        let s = DebugSpec::parse(" +relay , bogus-all ,, warn+file ");
        assert!(s.enabled("relay", Class::Trace));
        assert!(s.enabled("file", Class::Warn));
        assert!(s.enabled("x", Class::Err));
    }

    #[test]
    fn most_specific_named_channel_decides() {
        let s = DebugSpec::parse("trace+msvcrt,-printf");
        assert!(s.enabled_any(["stdio", "msvcrt"], Class::Trace));
        assert!(!s.enabled_any(["printf", "stdio", "msvcrt"], Class::Trace));
        assert!(!s.enabled_any(["printf", "stdio", "msvcrt"], Class::Err));
        assert!(!s.enabled_any(["heap", "kernel32"], Class::Trace));
        assert!(s.enabled_any(["heap", "kernel32"], Class::Err));
        let s = DebugSpec::parse("-msvcrt,warn+heap");
        assert!(s.enabled_any(["heap", "msvcrt"], Class::Warn));
        assert!(!s.enabled_any(["heap", "msvcrt"], Class::Trace));
        assert!(!s.enabled_any(["string", "msvcrt"], Class::Err));
    }

    #[test]
    fn max_class() {
        assert_eq!(DebugSpec::parse("").max_class(), Some(Class::Fixme));
        assert_eq!(DebugSpec::parse("-all,warn+file").max_class(), Some(Class::Warn));
        assert_eq!(DebugSpec::parse("-all,err+file").max_class(), Some(Class::Err));
        assert_eq!(DebugSpec::parse("+relay").max_class(), Some(Class::Trace));
    }
}
