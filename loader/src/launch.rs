//! Starting a program: PEB, the main PE thread with the image's stack size, its TEB, DLL
//! initialization, TLS callbacks, the entry point, and the exit code.

use crate::{cmdline, modules, pe, peb};
use std::path::{Path, PathBuf};

/// Exit code when wine-rs itself cannot start the program.
pub const EXIT_LOAD_FAILED: i32 = 1;

/// Find the program file: as given, else with ".exe" appended; a bare name not found that
/// way is looked for in the prefix's C:\windows\system32 (so `wine-rs cmd /c ...` runs the
/// built-in cmd.exe, as `wine cmd` does).
pub fn find_program(arg: &str) -> Option<PathBuf> {
    let p = PathBuf::from(arg);
    if p.is_file() {
        return Some(p);
    }
    let with_exe = PathBuf::from(format!("{arg}.exe"));
    if with_exe.is_file() {
        return Some(with_exe);
    }
    if arg.is_empty() || arg.contains(['/', '\\', ':']) {
        return None;
    }
    [arg.to_string(), format!("{arg}.exe")]
        .iter()
        .filter_map(|n| syscall_shims::path::dos_to_unix(&format!("C:\\windows\\system32\\{n}")))
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

fn fail(msg: &str) -> ! {
    eprintln!("wine-rs: {msg}");
    std::process::exit(EXIT_LOAD_FAILED)
}

/// Run `program` with `args`; never returns (the process exits with the program's code).
pub fn run(program: &Path, args: &[String]) -> ! {
    // First, while single-threaded and before any handle is used: what a wine-rs parent
    // handed over (inherited handles, standard handles, the exact command line).
    let handoff = syscall_shims::process::adopt_handoff();
    dllcore::channels::install();
    dllcore::relay::init();
    dllcore::relay::flags::set_handle_describer(describe_handle);
    crate::crash::install();
    let shown = program.display().to_string();
    let file = std::fs::File::open(program).unwrap_or_else(|e| fail(&format!("{shown}: {e}")));
    // SAFETY: mapped read-only; the file is not modified while we run.
    let data = unsafe { memmap2::Mmap::map(&file) }.unwrap_or_else(|e| fail(&format!("{shown}: {e}")));
    // A built-in program's placeholder (C:\windows\system32\cmd.exe): run the built-in.
    if let Some(name) = syscall_shims::process::builtin::program_of(&data) {
        let abs = std::fs::canonicalize(program).unwrap_or_else(|_| program.to_path_buf());
        let win_path = syscall_shims::path::unix_to_dos(&abs.to_string_lossy());
        let command_line = handoff.command_line.unwrap_or_else(|| cmdline::build(&win_path, args));
        let code = match name {
            "cmd" => cmd::main(&command_line),
            _ => fail(&format!("{shown}: unknown built-in program '{name}'")),
        };
        syscall_shims::process::report_exit(code);
        std::process::exit(code as i32)
    }
    let info = pe::parse(&data).unwrap_or_else(|e| fail(&format!("{shown}: {e}")));
    if info.is_dll {
        fail(&format!("{shown}: is a DLL, not a program"));
    }
    if info.entry_rva == 0 {
        fail(&format!("{shown}: has no entry point"));
    }
    let abs = std::fs::canonicalize(program).unwrap_or_else(|_| program.to_path_buf());
    let win_path = syscall_shims::path::unix_to_dos(&abs.to_string_lossy());
    // A wine-rs parent gives the Windows command line as is (quoting and all).
    let command_line = handoff.command_line.unwrap_or_else(|| cmdline::build(&win_path, args));
    let cwd = std::env::current_dir().map(|d| syscall_shims::path::unix_to_dos(&d.to_string_lossy())).unwrap_or_default();
    dllcore::process::set_command_line(&command_line);
    dllcore::process::set_image_path(&win_path);
    dllcore::loader_api::set_loader(&modules::LOADER);
    let std_handles = [0, 1, 2].map(|i| syscall_shims::handles::std_handle(i) as usize);
    peb::create(&peb::ProcessInfo {
        image_base: info.image_base as usize,
        image_path: &win_path,
        command_line: &command_line,
        current_dir: &cwd,
        std_handles,
    });

    // The entry point runs on a thread whose stack is the image's SizeOfStackReserve.
    let stack = (info.stack_reserve as usize).clamp(256 * 1024, 1 << 30);
    let path = program.to_path_buf();
    let handle = std::thread::Builder::new()
        .name("pe-main".into())
        .stack_size(stack)
        .spawn(move || main_thread(&path, &data, info))
        .unwrap_or_else(|e| fail(&format!("cannot start the main thread: {e}")));
    let _ = handle.join();
    fail("the main thread ended without ExitProcess")
}

/// What a handle refers to, for the relay trace: the kind of kernel object (`File`, `Event`).
fn describe_handle(h: usize) -> Option<String> {
    let obj = syscall_shims::handles::get(h as windows_sys::Win32::Foundation::HANDLE).ok()?;
    let s = format!("{obj:?}");
    let kind = s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    (!kind.is_empty()).then(|| kind.to_string())
}

fn main_thread(path: &Path, data: &[u8], info: pe::PeInfo) -> ! {
    dllcore::teb::attach_current_thread();
    crate::crash::ensure_altstack();
    let (exe, new) = modules::load_exe(path, data, info).unwrap_or_else(|e| fail(&e.message));
    // The PEB's ImageBaseAddress is where the exe really is (it may have been relocated).
    crate::peb::set_image_base(exe);
    crate::peb::set_process_heap(syscall_shims::heap::process_heap() as usize);
    if let Err(e) = modules::initialize_process(exe, &new) {
        fail(&e);
    }
    let entry = {
        let rva = modules::entry_rva(exe);
        exe + rva
    };
    // SAFETY: the exe's entry point; Windows passes the PEB in the first argument.
    let f: extern "win64" fn(usize) -> u32 = unsafe { std::mem::transmute(entry) };
    crate::crash::mark_pe_stack_top();
    let code = f(dllcore::teb::peb() as usize);
    dllcore::process::exit_process(code)
}
