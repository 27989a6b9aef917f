//! The interface through which DLLs reach the loader (module list, LoadLibrary, exit).
//! The loader implements [`LoaderApi`] and installs itself with [`set_loader`] at start-up.

use std::sync::OnceLock;

/// A procedure to look up: by name or by ordinal.
#[derive(Debug, Clone, Copy)]
pub enum ProcName<'a> {
    Name(&'a [u8]),
    Ordinal(u16),
}

/// What kernel32 and friends need from the loader. Module handles are base addresses.
pub trait LoaderApi: Sync + Send {
    /// LoadLibraryExW: load (or add a reference to) a DLL; Err is a Win32 error code.
    fn load_library(&self, name: &str, flags: u32) -> Result<usize, u32>;
    /// GetModuleHandleW: None for the main exe when `name` is None.
    fn get_module_handle(&self, name: Option<&str>) -> Option<usize>;
    /// GetProcAddress, following forwarders; Err is a Win32 error code.
    fn get_proc_address(&self, module: usize, proc_name: ProcName) -> Result<usize, u32>;
    /// FreeLibrary: drop a reference, unloading (with DETACH) at zero.
    fn free_library(&self, module: usize) -> bool;
    /// GetModuleFileNameW: the module's Windows path.
    fn module_file_name(&self, module: usize) -> Option<String>;
    /// ExitProcess: DLL and TLS detach, builtin detach (CRT flush), then exit.
    fn exit_process(&self, code: u32) -> !;
    /// A new thread starts running PE code: DLL_THREAD_ATTACH and TLS callbacks.
    fn thread_attach(&self);
    /// A thread ends: DLL_THREAD_DETACH and TLS callbacks.
    fn thread_detach(&self);
    /// The module containing `addr` and the offset in it ("app.exe", 0x1234), for reports.
    fn describe_address(&self, addr: usize) -> Option<(String, usize)>;
}

static LOADER: OnceLock<&'static dyn LoaderApi> = OnceLock::new();

/// Install the loader (once).
pub fn set_loader(l: &'static dyn LoaderApi) {
    let _ = LOADER.set(l);
}

/// The loader. Panics if called before the loader started, which is a wine-rs bug.
pub fn loader() -> &'static dyn LoaderApi {
    *LOADER.get().expect("loader not initialised")
}

/// The loader, if one is installed (unit tests run DLL code without one).
pub fn try_loader() -> Option<&'static dyn LoaderApi> {
    LOADER.get().copied()
}
