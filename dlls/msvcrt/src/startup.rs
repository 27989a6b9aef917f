//! What the CRT start-up code of a program calls: the command line and its parsing into argv,
//! the environment, the `_initterm` tables, the app type, `_fmode`/`_commode`, and the handlers
//! a program installs (math error; the invalid-parameter handler is in `invalid`).
//!
//! msvcrt exports its globals as data (`_acmdln`, `__initenv`, `_fmode`, ...: the import slot
//! receives the variable's address); ucrtbase reaches the same variables through `__p_*`
//! functions. Both DLLs share them here. They are filled when the DLL is bound (`init`),
//! before any PE code runs.

#![allow(non_upper_case_globals)] // the CRT's own names for its data exports

use crate::{MSVCRT, UCRT};
use dllcore::export;
use std::ffi::c_void;
use std::sync::Once;
use std::sync::atomic::{AtomicI32, AtomicUsize, Ordering};

type Argv = *mut *mut u8;
type WArgv = *mut *mut u16;

// The DLL's data. Written once by `init` (and by the program, which owns them afterwards).

/// _acmdln: the command line (ANSI code page).
#[export(only = MSVCRT)]
pub static mut _acmdln: *mut u8 = std::ptr::null_mut();
/// _wcmdln: the command line (UTF-16).
#[export(only = MSVCRT)]
pub static mut _wcmdln: *mut u16 = std::ptr::null_mut();
/// __argc.
#[export(only = MSVCRT)]
pub static mut __argc: i32 = 0;
/// __argv.
#[export(only = MSVCRT)]
pub static mut __argv: Argv = std::ptr::null_mut();
/// __wargv.
#[export(only = MSVCRT)]
pub static mut __wargv: WArgv = std::ptr::null_mut();
/// _environ: the environment as `NAME=VALUE` strings, NULL-terminated.
#[export(only = MSVCRT)]
pub static mut _environ: Argv = std::ptr::null_mut();
/// _wenviron.
#[export(only = MSVCRT)]
pub static mut _wenviron: WArgv = std::ptr::null_mut();
/// __initenv: the environment `main` receives.
#[export(only = MSVCRT)]
pub static mut __initenv: Argv = std::ptr::null_mut();
/// __winitenv.
#[export(only = MSVCRT)]
pub static mut __winitenv: WArgv = std::ptr::null_mut();
/// _fmode: the default mode of files the program opens (0 means `_O_TEXT`).
#[export(only = MSVCRT)]
pub static mut _fmode: i32 = 0;
/// _commode: the default commit mode of streams.
#[export(only = MSVCRT)]
pub static mut _commode: i32 = 0;
/// _pgmptr: the program's path.
#[export(only = MSVCRT)]
pub static mut _pgmptr: *mut u8 = std::ptr::null_mut();
/// _wpgmptr.
#[export(only = MSVCRT)]
pub static mut _wpgmptr: *mut u16 = std::ptr::null_mut();

static APP_TYPE: AtomicI32 = AtomicI32::new(0);
static USER_MATHERR: AtomicUsize = AtomicUsize::new(0);

static INIT: Once = Once::new();

/// ucrtbase.dll's attach hook: as [`init`], and the UCRT's defaults apply (the
/// invalid-parameter handler that ends the process).
pub fn init_ucrt() {
    crate::invalid::note_ucrt_loaded();
    init();
}

/// Fill the CRT's globals from the process (the DLLs' `attach` hook; idempotent).
pub fn init() {
    INIT.call_once(|| {
        crate::time::note_start();
        crate::stdio::lowio::init();
        let cmd_a = dllcore::process::command_line_a();
        let cmd_w = dllcore::process::command_line_w();
        let cmd_a = &cmd_a[..cmd_a.len().saturating_sub(1)];
        let cmd_w = &cmd_w[..cmd_w.len().saturating_sub(1)];
        let image = dllcore::process::image_path();
        let args_a: Vec<Vec<u8>> = if cmd_a.is_empty() {
            vec![image.as_bytes().to_vec()]
        } else {
            parse_command_line(cmd_a)
        };
        let args_w: Vec<Vec<u16>> = if cmd_w.is_empty() {
            vec![image.encode_utf16().collect()]
        } else {
            parse_command_line(cmd_w)
        };
        let env = environment();
        let env_a: Vec<Vec<u8>> = env.iter().map(|s| s.as_bytes().to_vec()).collect();
        let env_w: Vec<Vec<u16>> = env.iter().map(|s| s.encode_utf16().collect()).collect();
        // SAFETY: runs once, before PE code can read these.
        unsafe {
            _acmdln = leak_str(cmd_a);
            _wcmdln = leak_str(cmd_w);
            __argc = args_a.len() as i32;
            __argv = leak_vec(&args_a);
            __wargv = leak_vec(&args_w);
            __initenv = leak_vec(&env_a);
            _environ = __initenv;
            __winitenv = leak_vec(&env_w);
            _wenviron = __winitenv;
            _pgmptr = leak_str(image.as_bytes());
            _wpgmptr = leak_str(&image.encode_utf16().collect::<Vec<u16>>());
        }
    });
}

/// The environment as `NAME=VALUE` strings: a snapshot of the process environment (the one
/// GetEnvironmentStringsW gives), taken when the CRT starts, as Windows' CRT does.
fn environment() -> Vec<String> {
    syscall_shims::env::vars()
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect()
}

/// A NUL-terminated copy that lives for the rest of the process.
fn leak_str<T: Copy + Default>(s: &[T]) -> *mut T {
    let mut v = s.to_vec();
    v.push(T::default());
    v.leak().as_mut_ptr()
}

/// A NULL-terminated array of NUL-terminated copies that lives for the rest of the process.
fn leak_vec<T: Copy + Default>(items: &[Vec<T>]) -> *mut *mut T {
    let mut ptrs: Vec<*mut T> = items.iter().map(|s| leak_str(s)).collect();
    ptrs.push(std::ptr::null_mut());
    ptrs.leak().as_mut_ptr()
}

/// The environment snapshot as (pointer to its `NAME=VALUE` string) entries; for getenv.
pub fn environ_narrow() -> Argv {
    init();
    // SAFETY: read of a pointer written once by init (the program may replace it).
    unsafe { _environ }
}

/// Split a command line into arguments by the Microsoft C runtime's rules (the one parser,
/// shared with CommandLineToArgvW, is `syscall_shims::cmdline`):
/// - argv[0] runs to the first space or tab outside quotes; quotes toggle and are dropped,
///   backslashes are literal (a line starting with a space gives an empty argv[0]);
/// - then arguments are separated by spaces/tabs outside quotes; 2n backslashes before a quote
///   give n backslashes and the quote toggles quoting; 2n+1 give n backslashes and a literal
///   quote; backslashes before anything else are literal;
/// - inside quotes, `""` is a literal quote and quoting continues (the rule since VS2008, which
///   ucrtbase and Wine's msvcrt follow).
pub fn parse_command_line<T: Copy + Eq + From<u8>>(cmd: &[T]) -> Vec<Vec<T>> {
    syscall_shims::cmdline::split(cmd, syscall_shims::cmdline::Rules::Crt)
}

/// `_startupinfo`: what `__getmainargs` receives last.
#[repr(C)]
pub struct StartupInfo {
    pub newmode: i32,
}

fn warn_wildcards(expand: i32) {
    if expand != 0 {
        static ONCE: Once = Once::new();
        ONCE.call_once(|| log::warn!("__getmainargs: wildcard expansion is not implemented"));
    }
}

/// __getmainargs: argc, argv and the environment for `main`.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn __getmainargs(
    argc: *mut i32,
    argv: *mut Argv,
    envp: *mut Argv,
    expand_wildcards: i32,
    startinfo: *mut StartupInfo,
) -> i32 {
    init();
    warn_wildcards(expand_wildcards);
    unsafe {
        *argc = __argc;
        *argv = __argv;
        *envp = __initenv;
        if !startinfo.is_null() {
            crate::heap::set_new_mode((*startinfo).newmode);
        }
    }
    0
}

/// __wgetmainargs: argc, argv and the environment for `wmain`.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn __wgetmainargs(
    argc: *mut i32,
    wargv: *mut WArgv,
    wenvp: *mut WArgv,
    expand_wildcards: i32,
    startinfo: *mut StartupInfo,
) -> i32 {
    init();
    warn_wildcards(expand_wildcards);
    unsafe {
        *argc = __argc;
        *wargv = __wargv;
        *wenvp = __winitenv;
        if !startinfo.is_null() {
            crate::heap::set_new_mode((*startinfo).newmode);
        }
    }
    0
}

/// _configure_narrow_argv (UCRT): set up `__argc`/`__argv` (mode 2 would expand wildcards).
#[export(only = UCRT)]
pub extern "win64" fn _configure_narrow_argv(mode: i32) -> i32 {
    init();
    warn_wildcards((mode == 2) as i32);
    0
}

/// _configure_wide_argv (UCRT).
#[export(only = UCRT)]
pub extern "win64" fn _configure_wide_argv(mode: i32) -> i32 {
    init();
    warn_wildcards((mode == 2) as i32);
    0
}

/// _initialize_narrow_environment (UCRT).
#[export(only = UCRT)]
pub extern "win64" fn _initialize_narrow_environment() -> i32 {
    init();
    0
}

/// _initialize_wide_environment (UCRT).
#[export(only = UCRT)]
pub extern "win64" fn _initialize_wide_environment() -> i32 {
    init();
    0
}

/// _get_initial_narrow_environment (UCRT): the environment for `main`.
#[export(only = UCRT)]
pub extern "win64" fn _get_initial_narrow_environment() -> Argv {
    init();
    unsafe { __initenv }
}

/// _get_initial_wide_environment (UCRT).
#[export(only = UCRT)]
pub extern "win64" fn _get_initial_wide_environment() -> WArgv {
    init();
    unsafe { __winitenv }
}

macro_rules! pointer_getters {
    ($($(#[$m:meta])* $name:ident -> $var:ident : $ty:ty;)*) => {$(
        $(#[$m])*
        #[export]
        pub extern "win64" fn $name() -> *mut $ty {
            init();
            &raw mut $var
        }
    )*};
}

pointer_getters! {
    /// __p___argc.
    __p___argc -> __argc: i32;
    /// __p___argv.
    __p___argv -> __argv: Argv;
    /// __p___wargv.
    __p___wargv -> __wargv: WArgv;
    /// __p__acmdln.
    __p__acmdln -> _acmdln: *mut u8;
    /// __p__wcmdln.
    __p__wcmdln -> _wcmdln: *mut u16;
    /// __p__environ.
    __p__environ -> _environ: Argv;
    /// __p__wenviron.
    __p__wenviron -> _wenviron: WArgv;
    /// __p___initenv.
    __p___initenv -> __initenv: Argv;
    /// __p___winitenv.
    __p___winitenv -> __winitenv: WArgv;
    /// __p__fmode.
    __p__fmode -> _fmode: i32;
    /// __p__commode.
    __p__commode -> _commode: i32;
    /// __p__pgmptr.
    __p__pgmptr -> _pgmptr: *mut u8;
    /// __p__wpgmptr.
    __p__wpgmptr -> _wpgmptr: *mut u16;
}

/// _get_pgmptr.
#[export]
pub unsafe extern "win64" fn _get_pgmptr(p: *mut *mut u8) -> i32 {
    if p.is_null() {
        return crate::errno::EINVAL;
    }
    init();
    unsafe { *p = _pgmptr };
    0
}

/// _get_wpgmptr.
#[export]
pub unsafe extern "win64" fn _get_wpgmptr(p: *mut *mut u16) -> i32 {
    if p.is_null() {
        return crate::errno::EINVAL;
    }
    init();
    unsafe { *p = _wpgmptr };
    0
}

/// _set_fmode: `_O_TEXT` or `_O_BINARY`.
#[export]
pub extern "win64" fn _set_fmode(mode: i32) -> i32 {
    use crate::stdio::lowio::{O_BINARY, O_TEXT};
    if mode != O_TEXT && mode != O_BINARY {
        crate::errno::set_errno(crate::errno::EINVAL);
        return crate::errno::EINVAL;
    }
    unsafe { _fmode = mode };
    0
}

/// _get_fmode.
#[export]
pub unsafe extern "win64" fn _get_fmode(mode: *mut i32) -> i32 {
    if mode.is_null() {
        return crate::errno::EINVAL;
    }
    unsafe { *mode = _fmode };
    0
}

/// __set_app_type (msvcrt): 1 console, 2 GUI.
#[export(only = MSVCRT)]
pub extern "win64" fn __set_app_type(app_type: i32) {
    APP_TYPE.store(app_type, Ordering::Relaxed);
}

/// _set_app_type (UCRT).
#[export(only = UCRT)]
pub extern "win64" fn _set_app_type(app_type: i32) {
    APP_TYPE.store(app_type, Ordering::Relaxed);
}

/// _query_app_type (UCRT): the app type given to `_set_app_type`.
#[export(only = UCRT)]
pub extern "win64" fn _query_app_type() -> i32 {
    APP_TYPE.load(Ordering::Relaxed)
}

/// The app type the program declared (1 console, 2 GUI, 0 unknown).
pub fn app_type() -> i32 {
    APP_TYPE.load(Ordering::Relaxed)
}

/// A `_PVFV` of an `_initterm` table.
type Pvfv = Option<unsafe extern "win64" fn()>;
/// A `_PIFV` of an `_initterm_e` table.
type Pifv = Option<unsafe extern "win64" fn() -> i32>;

/// _initterm: call every non-null function of [start, end), in order.
#[export]
pub unsafe extern "win64" fn _initterm(start: *const Pvfv, end: *const Pvfv) {
    let mut p = start;
    while p < end {
        // SAFETY: the table and its functions are the program's.
        unsafe {
            if let Some(f) = *p {
                f();
            }
            p = p.add(1);
        }
    }
}

/// _initterm_e: as `_initterm`, stopping at (and returning) the first non-zero result.
#[export]
pub unsafe extern "win64" fn _initterm_e(start: *const Pifv, end: *const Pifv) -> i32 {
    let mut p = start;
    while p < end {
        // SAFETY: the table and its functions are the program's.
        unsafe {
            if let Some(f) = *p {
                let r = f();
                if r != 0 {
                    return r;
                }
            }
            p = p.add(1);
        }
    }
    0
}

/// __setusermatherr: install the program's `_matherr`.
#[export]
pub extern "win64" fn __setusermatherr(f: *mut c_void) {
    USER_MATHERR.store(f as usize, Ordering::Release);
}

/// _setusermatherr.
#[export]
pub extern "win64" fn _setusermatherr(f: *mut c_void) {
    USER_MATHERR.store(f as usize, Ordering::Release);
}

/// The program's `_matherr` (0 = none), for the math functions.
pub fn user_matherr() -> usize {
    USER_MATHERR.load(Ordering::Acquire)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Vec<String> {
        let a = parse_command_line(s.as_bytes());
        let w = parse_command_line(&s.encode_utf16().collect::<Vec<u16>>());
        let a: Vec<String> = a
            .into_iter()
            .map(|v| String::from_utf8(v).unwrap())
            .collect();
        let w: Vec<String> = w
            .into_iter()
            .map(|v| String::from_utf16(&v).unwrap())
            .collect();
        assert_eq!(a, w, "narrow and wide agree");
        a
    }

    /// Every case here was run under Wine 8 (msvcrt and ucrtbase give the same).
    #[test]
    fn microsoft_rules() {
        let cases: &[(&str, &[&str])] = &[
            (r#"prog a""b"#, &["prog", "ab"]),
            (r#"prog "a""b""#, &["prog", r#"a"b"#]),
            (r#"prog "a""b c" d"#, &["prog", r#"a"b c"#, "d"]),
            (r#"prog """a""" x"#, &["prog", r#""a""#, "x"]),
            (r#"prog """#, &["prog", ""]),
            (
                r#"prog a\\\"b c\\"d e" f"#,
                &["prog", r#"a\"b"#, r"c\d e", "f"],
            ),
            (r#"prog a\\b "c\\" d"#, &["prog", r"a\\b", r"c\", "d"]),
            (r#"prog "ab\""c"#, &["prog", r#"ab"c"#]),
            (r#""C:\a b\prog.exe"x y"#, &[r"C:\a b\prog.exex", "y"]),
            ("prog\t a\tb   c  ", &["prog", "a", "b", "c"]),
            (r#"prog "a"""b" c"#, &["prog", r#"a"b c"#]),
            (r#"prog """" e"#, &["prog", "\"", "e"]),
            (r#"prog "abc"#, &["prog", "abc"]),
            ("   lead x", &["", "lead", "x"]),
            ("prog", &["prog"]),
            ("prog ", &["prog"]),
            (r"prog a\b\\c\", &["prog", r"a\b\\c\"]),
            (
                "prog \u{e9}t\u{e9} \"\u{4e2d} \u{6587}\"",
                &["prog", "\u{e9}t\u{e9}", "\u{4e2d} \u{6587}"],
            ),
        ];
        for (line, want) in cases {
            assert_eq!(parse(line), *want, "command line {line:?}");
        }
    }

    /// argv[0] takes backslashes literally (documented rule; Wine 8 differs here and would
    /// give `prog a" b`).
    #[test]
    fn program_name_has_no_escapes() {
        assert_eq!(parse(r#""prog a\" b"#), ["prog a\\", "b"]);
        assert_eq!(parse(r#"C:\dir\prog.exe "x""#), [r"C:\dir\prog.exe", "x"]);
    }

    #[test]
    fn initterm_calls_in_order_and_initterm_e_stops() {
        use std::sync::Mutex;
        static LOG: Mutex<Vec<i32>> = Mutex::new(Vec::new());
        unsafe extern "win64" fn a() {
            LOG.lock().unwrap().push(1);
        }
        unsafe extern "win64" fn b() {
            LOG.lock().unwrap().push(2);
        }
        unsafe extern "win64" fn ok() -> i32 {
            LOG.lock().unwrap().push(3);
            0
        }
        unsafe extern "win64" fn fail() -> i32 {
            LOG.lock().unwrap().push(4);
            7
        }
        let t: [Pvfv; 4] = [Some(a), None, Some(b), Some(a)];
        unsafe { _initterm(t.as_ptr(), t.as_ptr().add(4)) };
        let e: [Pifv; 4] = [Some(ok), None, Some(fail), Some(ok)];
        let r = unsafe { _initterm_e(e.as_ptr(), e.as_ptr().add(4)) };
        assert_eq!(r, 7);
        assert_eq!(*LOG.lock().unwrap(), [1, 2, 1, 3, 4]);
    }

    #[test]
    fn getmainargs_gives_the_globals() {
        init();
        let (mut argc, mut argv, mut envp) = (0, std::ptr::null_mut(), std::ptr::null_mut());
        let mut si = StartupInfo { newmode: 0 };
        unsafe { __getmainargs(&mut argc, &mut argv, &mut envp, 0, &mut si) };
        assert!(argc >= 1);
        assert_eq!(argv, unsafe { *__p___argv() });
        assert!(unsafe { (*argv.add(argc as usize)).is_null() });
        assert_eq!(envp, _get_initial_narrow_environment());
        // The environment is NULL-terminated NAME=VALUE strings.
        let mut n = 0;
        unsafe {
            while !(*envp.add(n)).is_null() {
                let s = dllcore::strings::cstr(*envp.add(n)).unwrap();
                assert!(s.contains(&b'='));
                n += 1;
            }
        }
        // The Windows environment: the host's plus the variables Windows sets.
        assert_eq!(n, syscall_shims::env::vars().len());
    }
}
