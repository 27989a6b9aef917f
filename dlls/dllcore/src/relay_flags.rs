//! Relay display of flag words, enumerated values and handles: `00003000 MEM_COMMIT|MEM_RESERVE`,
//! `fffffff5 STD_OUTPUT_HANDLE`, `00000010 File`.
//!
//! `#[export]` picks a table from the parameter's type as written (the windows-sys alias:
//! `VIRTUAL_ALLOCATION_TYPE`, `PAGE_PROTECTION_FLAGS`, ...; the list is in dlls/macros), so
//! the choice costs nothing at run time, and the decoding itself runs only with relay on.

use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::relay::RelayArg;

/// How a table's names combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Independent bits: every name whose bits are all set, joined with `|`.
    Bits,
    /// One value among several: the name of the exact value.
    Value,
}

/// Names for the values of one parameter type.
#[derive(Debug)]
pub struct Table {
    pub kind: Kind,
    pub names: &'static [(u64, &'static str)],
}

/// A flag word or enumerated value shown with its names.
pub struct Flags(pub &'static Table, pub u64);

impl Table {
    /// The names of `v`, e.g. "MEM_COMMIT|MEM_RESERVE|0x40"; empty when nothing matches.
    pub fn describe(&self, v: u64, out: &mut String) {
        match self.kind {
            Kind::Value => {
                if let Some((_, n)) = self.names.iter().find(|(x, _)| *x == v) {
                    out.push_str(n);
                }
            }
            Kind::Bits => {
                let mut rest = v;
                let mut first = true;
                for &(bits, name) in self.names {
                    if (bits == 0 && v == 0) || (bits != 0 && v & bits == bits && rest & bits != 0) {
                        if !first {
                            out.push('|');
                        }
                        out.push_str(name);
                        first = false;
                        rest &= !bits;
                    }
                }
                if rest != 0 && !first {
                    let _ = write!(out, "|{rest:#x}");
                }
            }
        }
    }
}

impl RelayArg for Flags {
    fn relay_fmt(&self, out: &mut String) {
        let _ = write!(out, "{:08x}", self.1);
        let mut names = String::new();
        self.0.describe(self.1, &mut names);
        if !names.is_empty() {
            out.push(' ');
            out.push_str(&names);
        }
    }
}

/// A handle: its value, and for a pseudo handle its meaning, else the kind of object it
/// refers to when a describer is installed ([`set_handle_describer`]).
pub struct Handle(pub usize);

static DESCRIBER: OnceLock<fn(usize) -> Option<String>> = OnceLock::new();

/// Install the function that names what a handle refers to (the launcher installs one that
/// asks the handle table). It runs only with relay on, before the export's body.
pub fn set_handle_describer(f: fn(usize) -> Option<String>) {
    let _ = DESCRIBER.set(f);
}

impl RelayArg for Handle {
    fn relay_fmt(&self, out: &mut String) {
        let _ = write!(out, "{:08x}", self.0);
        let what = match self.0 as isize {
            0 => return,
            -1 => Some("INVALID_HANDLE_VALUE/GetCurrentProcess()".to_string()),
            -2 => Some("GetCurrentThread()".to_string()),
            _ => DESCRIBER.get().and_then(|f| f(self.0)),
        };
        if let Some(w) = what {
            out.push(' ');
            out.push_str(&w);
        }
    }
}

macro_rules! table {
    ($name:ident, $kind:ident, [$($v:expr => $n:literal),* $(,)?]) => {
        pub static $name: Table = Table { kind: Kind::$kind, names: &[$(($v as u64, $n)),*] };
    };
}

table!(STD_HANDLE, Value, [
    -10i32 as u32 => "STD_INPUT_HANDLE",
    -11i32 as u32 => "STD_OUTPUT_HANDLE",
    -12i32 as u32 => "STD_ERROR_HANDLE",
]);
table!(PAGE_PROTECTION, Bits, [
    0x01 => "PAGE_NOACCESS", 0x02 => "PAGE_READONLY", 0x04 => "PAGE_READWRITE",
    0x08 => "PAGE_WRITECOPY", 0x10 => "PAGE_EXECUTE", 0x20 => "PAGE_EXECUTE_READ",
    0x40 => "PAGE_EXECUTE_READWRITE", 0x80 => "PAGE_EXECUTE_WRITECOPY", 0x100 => "PAGE_GUARD",
    0x200 => "PAGE_NOCACHE", 0x400 => "PAGE_WRITECOMBINE",
]);
table!(MEM_ALLOCATION, Bits, [
    0x1000 => "MEM_COMMIT", 0x2000 => "MEM_RESERVE", 0x80000 => "MEM_RESET",
    0x100000 => "MEM_TOP_DOWN", 0x200000 => "MEM_WRITE_WATCH", 0x400000 => "MEM_PHYSICAL",
    0x1000000 => "MEM_RESET_UNDO", 0x20000000 => "MEM_LARGE_PAGES",
]);
table!(MEM_FREE, Bits, [
    0x1 => "MEM_COALESCE_PLACEHOLDERS", 0x2 => "MEM_PRESERVE_PLACEHOLDER",
    0x4000 => "MEM_DECOMMIT", 0x8000 => "MEM_RELEASE",
]);
table!(HEAP, Bits, [
    0x1 => "HEAP_NO_SERIALIZE", 0x2 => "HEAP_GROWABLE", 0x4 => "HEAP_GENERATE_EXCEPTIONS",
    0x8 => "HEAP_ZERO_MEMORY", 0x10 => "HEAP_REALLOC_IN_PLACE_ONLY",
    0x40000 => "HEAP_CREATE_ENABLE_EXECUTE",
]);
table!(GLOBAL_ALLOC, Bits, [
    0x0 => "GMEM_FIXED", 0x2 => "GMEM_MOVEABLE", 0x40 => "GMEM_ZEROINIT",
]);
table!(FILE_SHARE, Bits, [
    0x1 => "FILE_SHARE_READ", 0x2 => "FILE_SHARE_WRITE", 0x4 => "FILE_SHARE_DELETE",
]);
table!(CREATION_DISPOSITION, Value, [
    1 => "CREATE_NEW", 2 => "CREATE_ALWAYS", 3 => "OPEN_EXISTING", 4 => "OPEN_ALWAYS",
    5 => "TRUNCATE_EXISTING",
]);
table!(FILE_FLAGS_AND_ATTRIBUTES, Bits, [
    0x1 => "FILE_ATTRIBUTE_READONLY", 0x2 => "FILE_ATTRIBUTE_HIDDEN", 0x4 => "FILE_ATTRIBUTE_SYSTEM",
    0x10 => "FILE_ATTRIBUTE_DIRECTORY", 0x20 => "FILE_ATTRIBUTE_ARCHIVE",
    0x80 => "FILE_ATTRIBUTE_NORMAL", 0x100 => "FILE_ATTRIBUTE_TEMPORARY",
    0x00200000 => "FILE_FLAG_OPEN_REPARSE_POINT", 0x01000000 => "FILE_FLAG_POSIX_SEMANTICS",
    0x02000000 => "FILE_FLAG_BACKUP_SEMANTICS", 0x04000000 => "FILE_FLAG_DELETE_ON_CLOSE",
    0x08000000 => "FILE_FLAG_SEQUENTIAL_SCAN", 0x10000000 => "FILE_FLAG_RANDOM_ACCESS",
    0x20000000 => "FILE_FLAG_NO_BUFFERING", 0x40000000 => "FILE_FLAG_OVERLAPPED",
    0x80000000u32 => "FILE_FLAG_WRITE_THROUGH",
]);
table!(ACCESS, Bits, [
    0x80000000u32 => "GENERIC_READ", 0x40000000 => "GENERIC_WRITE", 0x20000000 => "GENERIC_EXECUTE",
    0x10000000 => "GENERIC_ALL", 0x00100000 => "SYNCHRONIZE", 0x00080000 => "WRITE_OWNER",
    0x00040000 => "WRITE_DAC", 0x00020000 => "READ_CONTROL", 0x00010000 => "DELETE",
    0x1 => "FILE_READ_DATA", 0x2 => "FILE_WRITE_DATA", 0x4 => "FILE_APPEND_DATA",
    0x8 => "FILE_READ_EA", 0x10 => "FILE_WRITE_EA", 0x20 => "FILE_EXECUTE",
    0x80 => "FILE_READ_ATTRIBUTES", 0x100 => "FILE_WRITE_ATTRIBUTES",
]);
table!(MOVE_FILE, Bits, [
    0x1 => "MOVEFILE_REPLACE_EXISTING", 0x2 => "MOVEFILE_COPY_ALLOWED",
    0x4 => "MOVEFILE_DELAY_UNTIL_REBOOT", 0x8 => "MOVEFILE_WRITE_THROUGH",
]);
table!(LOAD_LIBRARY, Bits, [
    0x1 => "DONT_RESOLVE_DLL_REFERENCES", 0x2 => "LOAD_LIBRARY_AS_DATAFILE",
    0x8 => "LOAD_WITH_ALTERED_SEARCH_PATH", 0x10 => "LOAD_IGNORE_CODE_AUTHZ_LEVEL",
    0x20 => "LOAD_LIBRARY_AS_IMAGE_RESOURCE", 0x40 => "LOAD_LIBRARY_AS_DATAFILE_EXCLUSIVE",
    0x100 => "LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR", 0x200 => "LOAD_LIBRARY_SEARCH_APPLICATION_DIR",
    0x400 => "LOAD_LIBRARY_SEARCH_USER_DIRS", 0x800 => "LOAD_LIBRARY_SEARCH_SYSTEM32",
    0x1000 => "LOAD_LIBRARY_SEARCH_DEFAULT_DIRS",
]);
table!(THREAD_CREATION, Bits, [
    0x4 => "CREATE_SUSPENDED", 0x10000 => "STACK_SIZE_PARAM_IS_A_RESERVATION",
]);

#[cfg(test)]
mod tests {
    use super::*;

    fn show(a: &dyn RelayArg) -> String {
        let mut s = String::new();
        a.relay_fmt(&mut s);
        s
    }

    #[test]
    fn bits() {
        assert_eq!(show(&Flags(&MEM_ALLOCATION, 0x3000)), "00003000 MEM_COMMIT|MEM_RESERVE");
        assert_eq!(show(&Flags(&MEM_ALLOCATION, 0x1040)), "00001040 MEM_COMMIT|0x40");
        assert_eq!(show(&Flags(&MEM_ALLOCATION, 0x40)), "00000040");
        assert_eq!(show(&Flags(&PAGE_PROTECTION, 0x104)), "00000104 PAGE_READWRITE|PAGE_GUARD");
        assert_eq!(show(&Flags(&ACCESS, 0xC0000000)), "c0000000 GENERIC_READ|GENERIC_WRITE");
        assert_eq!(show(&Flags(&FILE_SHARE, 0)), "00000000");
        assert_eq!(show(&Flags(&GLOBAL_ALLOC, 0)), "00000000 GMEM_FIXED");
        assert_eq!(show(&Flags(&GLOBAL_ALLOC, 0x42)), "00000042 GMEM_MOVEABLE|GMEM_ZEROINIT");
    }

    #[test]
    fn values() {
        assert_eq!(show(&Flags(&STD_HANDLE, 0xfffffff5)), "fffffff5 STD_OUTPUT_HANDLE");
        assert_eq!(show(&Flags(&CREATION_DISPOSITION, 3)), "00000003 OPEN_EXISTING");
        assert_eq!(show(&Flags(&CREATION_DISPOSITION, 9)), "00000009");
    }

    #[test]
    fn handles() {
        assert_eq!(show(&Handle(0)), "00000000");
        assert_eq!(show(&Handle(usize::MAX)), "ffffffffffffffff INVALID_HANDLE_VALUE/GetCurrentProcess()");
    }
}
