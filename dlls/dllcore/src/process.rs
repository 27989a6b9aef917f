//! Process-wide facts the loader sets once and every DLL reads: the command line, the exe path.

use std::sync::OnceLock;

struct CmdLine {
    wide: Vec<u16>,
    narrow: Vec<u8>,
}

static CMDLINE: OnceLock<CmdLine> = OnceLock::new();
static IMAGE_PATH: OnceLock<String> = OnceLock::new();

/// Set the Windows command line (by the launcher, once).
pub fn set_command_line(s: &str) {
    let mut wide: Vec<u16> = s.encode_utf16().collect();
    wide.push(0);
    let mut narrow = s.as_bytes().to_vec();
    narrow.push(0);
    let _ = CMDLINE.set(CmdLine { wide, narrow });
}

/// The command line as UTF-16, NUL-terminated (a stable address for GetCommandLineW).
pub fn command_line_w() -> &'static [u16] {
    CMDLINE.get().map(|c| c.wide.as_slice()).unwrap_or(&[0])
}

/// The command line in the ANSI code page (UTF-8 in wine-rs), NUL-terminated.
pub fn command_line_a() -> &'static [u8] {
    CMDLINE.get().map(|c| c.narrow.as_slice()).unwrap_or(&[0])
}

/// Set the Windows path of the main executable.
pub fn set_image_path(s: &str) {
    let _ = IMAGE_PATH.set(s.to_string());
}

/// The Windows path of the main executable.
pub fn image_path() -> &'static str {
    IMAGE_PATH.get().map(|s| s.as_str()).unwrap_or("")
}

static EXIT_HOOKS: std::sync::Mutex<Vec<fn()>> = std::sync::Mutex::new(Vec::new());

/// Exit the process: through the loader when one is installed (DLL detach, CRT flush),
/// else directly.
pub fn exit_process(code: u32) -> ! {
    // The exiting thread's FLS callbacks, before any DLL is detached.
    crate::thread::process_exiting();
    match crate::loader_api::try_loader() {
        Some(l) => l.exit_process(code),
        None => {
            run_exit_hooks();
            // SAFETY: terminating the process.
            unsafe { libc::_exit(code as i32) }
        }
    }
}

/// Register a host-side hook run at process exit (after DLL detach).
pub fn on_exit(f: fn()) {
    EXIT_HOOKS.lock().unwrap_or_else(|e| e.into_inner()).push(f);
}

/// Run the exit hooks, most recent first (the loader calls this during ExitProcess).
pub fn run_exit_hooks() {
    let hooks = std::mem::take(&mut *EXIT_HOOKS.lock().unwrap_or_else(|e| e.into_inner()));
    for h in hooks.into_iter().rev() {
        h();
    }
}
