//! msvcrt.dll, ucrtbase.dll and the api-ms-win-crt-* sets: one C runtime in Rust.
//!
//! Exports shared by both CRTs use a plain `#[export]`; those that exist in only one, or whose
//! conventions differ, say `#[export(only = MSVCRT)]` or `#[export(only = UCRT)]` (two Rust
//! functions with `name = "..."` where both DLLs have the export but behave differently).
//!
//! Files by area: `startup` (what the CRT start-up code calls), `exit`, `heap`, `errno`,
//! `invalid` (the invalid-parameter handler), `string`/`wstring` (str*, mem*, wcs*), `safe` (their
//! bounds-checked `_s` forms), `mbstring` (`_mbs*`), `ctype`/`wctype`, `conv` (strtol, atoi,
//! _itoa, div), `strtod` (strtod, atof, _ecvt), `sort` (qsort, bsearch, _lfind), `math`, `fpu`
//! (float.h) and `fenv`, `time` (time_t, struct tm, the zone, clock) and `strftime` (its text
//! forms), `env` (getenv, _putenv), `locale` (setlocale, `_locale_t`) and `multibyte` (mbstowcs
//! and friends), `misc` (signals, rand), `lock` (the CRT's numbered locks), `stdio` (FILE streams,
//! fds, the printf exports), `printf` (the format engine) and `printf_s` (msvcrt's remaining
//! `_s` printf exports), `thread` (_beginthreadex over kernel32), `process` (_spawn, _exec, system, _popen over
//! kernel32's CreateProcessW), `cxx` (C++ exception handling,
//! terminate, type_info; shared with the vcruntime140 crate).

use dllcore::{BuiltinDll, Export, distributed_slice};

/// Name shown in relay traces.
pub const DLL_NAME: &str = "msvcrt";

/// Mask bit: exported by msvcrt.dll.
pub const MSVCRT: u32 = 1;
/// Mask bit: exported by ucrtbase.dll (and so by the api-ms-win-crt-* sets).
pub const UCRT: u32 = 2;

/// Every export of this crate, filled by `#[export]`.
#[distributed_slice]
#[linkme(crate = dllcore::linkme)]
pub static EXPORTS: [Export];

pub mod conv;
pub mod ctype;
pub mod cxx;
pub mod dir;
pub mod env;
pub mod except;
pub mod errno;
pub mod exit;
pub mod fenv;
pub mod fpu;
pub mod heap;
pub mod invalid;
pub mod locale;
pub mod lock;
pub mod math;
pub mod mbstring;
pub mod misc;
pub mod multibyte;
pub mod ntdllcrt;
pub mod path;
pub mod printf;
pub mod printf_s;
pub mod process;
pub mod safe;
pub mod scanf;
pub mod setjmp;
pub mod sort;
pub mod stat;
pub mod startup;
pub mod stdio;
pub mod strftime;
pub mod string;
pub mod strtod;
pub mod thread;
pub mod time;
pub mod wctype;
pub mod wstring;
pub mod ctrlsignal;

/// The DLLs this crate serves. Binding fills the CRT's globals (command line, argv,
/// environment); process exit flushes the streams (after the PE DLLs' detach, so output they
/// print then is not lost).
pub static DLLS: [BuiltinDll; 2] = [
    BuiltinDll {
        name: "msvcrt.dll",
        exports: &EXPORTS,
        mask: MSVCRT,
        attach: Some(startup::init),
        detach: Some(stdio::flush_at_exit),
    },
    BuiltinDll {
        name: "ucrtbase.dll",
        exports: &EXPORTS,
        mask: UCRT,
        attach: Some(startup::init_ucrt),
        detach: Some(stdio::flush_at_exit),
    },
];

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::HashSet;
    use std::sync::{Mutex, MutexGuard};

    /// Each DLL has one export per name (two Rust functions may share a name with disjoint
    /// masks), and the exports startup code needs are there.
    #[test]
    fn export_tables() {
        for dll in &super::DLLS {
            let mut seen = HashSet::new();
            for e in dll.iter() {
                assert!(
                    seen.insert(e.name),
                    "{}: {} exported twice",
                    dll.name,
                    e.name
                );
            }
            if std::env::var_os("WINE_RS_DUMP_EXPORTS").is_some() {
                let mut names: Vec<_> = seen.iter().collect();
                names.sort();
                println!(
                    "{}: {}",
                    dll.name,
                    names
                        .iter()
                        .map(|s| s.to_string())
                        .collect::<Vec<_>>()
                        .join(" ")
                );
            }
        }
        let has = |dll: usize, name: &str| super::DLLS[dll].iter().any(|e| e.name == name);
        for name in [
            "__getmainargs",
            "__iob_func",
            "_acmdln",
            "__initenv",
            "_onexit",
            "fputc",
            "printf",
            "exit",
        ] {
            assert!(has(0, name), "msvcrt.dll lacks {name}");
        }
        for name in [
            "_configure_narrow_argv",
            "__acrt_iob_func",
            "__stdio_common_vfprintf",
            "_crt_atexit",
            "exit",
        ] {
            assert!(has(1, name), "ucrtbase.dll lacks {name}");
        }
        assert!(!has(1, "printf"), "ucrtbase.dll has no printf");
    }

    /// Serialise tests that use process-wide state (exit tables, the standard streams).
    pub fn serial() -> MutexGuard<'static, ()> {
        static M: Mutex<()> = Mutex::new(());
        M.lock().unwrap_or_else(|e| e.into_inner())
    }
}
