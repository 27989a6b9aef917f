//! Debug channels with Wine's `WINEDEBUG` syntax: a comma-separated list of
//! `[class][+|-]channel`, where class is one of err, warn, fixme, trace and channel may be
//! `all`. `+relay` turns on the relay trace; `-all` silences everything.

use std::sync::OnceLock;

/// Message classes, as in Wine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Err = 0,
    Warn = 1,
    Fixme = 2,
    Trace = 3,
}

const ALL_CLASSES: u8 = 0b1111;
/// Classes on by default for every channel (as in Wine: err and fixme; we add warn).
const DEFAULT_CLASSES: u8 = (1 << Class::Err as u8) | (1 << Class::Warn as u8) | (1 << Class::Fixme as u8);

/// A parsed WINEDEBUG setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebugSpec {
    /// Class mask that applies to channels not named below.
    pub default: u8,
    /// (channel, class mask), later items override earlier ones.
    pub channels: Vec<(String, u8)>,
}

impl Default for DebugSpec {
    fn default() -> Self {
        DebugSpec { default: DEFAULT_CLASSES, channels: Vec::new() }
    }
}

impl DebugSpec {
    /// Parse a WINEDEBUG value. Unknown classes make the item ignored, as Wine does.
    pub fn parse(s: &str) -> DebugSpec {
        let mut spec = DebugSpec::default();
        for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let (classes, rest) = match item.find(['+', '-']) {
                Some(pos) => (&item[..pos], &item[pos..]),
                None => ("", item),
            };
            let (on, chan) = match rest.as_bytes().first() {
                Some(b'+') => (true, &rest[1..]),
                Some(b'-') => (false, &rest[1..]),
                _ => (true, rest),
            };
            let mask = if classes.is_empty() {
                ALL_CLASSES
            } else {
                match class_from_name(classes) {
                    Some(c) => 1 << c as u8,
                    None => continue,
                }
            };
            if chan == "all" {
                spec.default = if on { spec.default | mask } else { spec.default & !mask };
                for (_, m) in spec.channels.iter_mut() {
                    *m = if on { *m | mask } else { *m & !mask };
                }
                continue;
            }
            let cur = spec.enabled_mask(chan);
            let new = if on { cur | mask } else { cur & !mask };
            spec.channels.retain(|(c, _)| c != chan);
            spec.channels.push((chan.to_string(), new));
        }
        spec
    }

    fn enabled_mask(&self, chan: &str) -> u8 {
        self.channels.iter().rev().find(|(c, _)| c == chan).map(|(_, m)| *m).unwrap_or_else(|| {
            // Channels that are pure tracing (relay) are off unless named.
            if chan == "relay" { self.default & !ALL_CLASSES } else { self.default }
        })
    }

    /// Is `class` on for `chan`?
    pub fn enabled(&self, chan: &str, class: Class) -> bool {
        self.enabled_mask(chan) & (1 << class as u8) != 0
    }
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
    fn relay_is_off_by_default() {
        let s = DebugSpec::parse("");
        assert!(!s.enabled("relay", Class::Trace));
        assert!(s.enabled("file", Class::Err));
        assert!(!s.enabled("file", Class::Trace));
    }

    #[test]
    fn plus_relay() {
        let s = DebugSpec::parse("+relay");
        assert!(s.enabled("relay", Class::Trace));
    }

    #[test]
    fn minus_all_silences() {
        let s = DebugSpec::parse("-all");
        assert!(!s.enabled("file", Class::Err));
        assert!(!s.enabled("relay", Class::Trace));
    }

    #[test]
    fn class_specific() {
        let s = DebugSpec::parse("warn+file,trace+heap,err-ntdll");
        assert!(s.enabled("file", Class::Warn));
        assert!(!s.enabled("file", Class::Trace));
        assert!(s.enabled("heap", Class::Trace));
        assert!(!s.enabled("ntdll", Class::Err));
        assert!(s.enabled("ntdll", Class::Fixme));
    }

    #[test]
    fn order_matters() {
        let s = DebugSpec::parse("-all,+relay");
        assert!(s.enabled("relay", Class::Trace));
        assert!(!s.enabled("file", Class::Err));
        let s = DebugSpec::parse("+relay,-all");
        assert!(!s.enabled("relay", Class::Trace));
    }

    #[test]
    fn unknown_class_is_ignored() {
        let s = DebugSpec::parse("bogus+relay");
        assert!(!s.enabled("relay", Class::Trace));
    }
}
