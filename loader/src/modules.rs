//! The module list: loading PE and builtin DLLs, binding imports, exports and forwarders,
//! DllMain and TLS callbacks in Windows order, LoadLibrary/FreeLibrary, and process exit.
//!
//! Locking: `STATE` is held while parsing, mapping and binding (no PE code runs then) and is
//! released before any DllMain or TLS callback is called, so PE code may call back into the
//! loader (GetModuleHandle, LoadLibrary) from DllMain.

use crate::builtin;
use crate::image::{self, Mapped};
use crate::pe::{self, ExportTarget, ImportName, PeInfo};
use dllcore::loader_api::{LoaderApi, ProcName};
use dllcore::{BuiltinDll, ExportKind};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, Mutex, MutexGuard};
use windows_sys::Win32::Foundation::{
    ERROR_BAD_EXE_FORMAT, ERROR_DLL_INIT_FAILED, ERROR_INVALID_HANDLE, ERROR_MOD_NOT_FOUND,
    ERROR_PROC_NOT_FOUND,
};

const DLL_PROCESS_DETACH: u32 = 0;
const DLL_PROCESS_ATTACH: u32 = 1;
const DLL_THREAD_ATTACH: u32 = 2;
const DLL_THREAD_DETACH: u32 = 3;

type DllEntry = extern "win64" fn(usize, u32, usize) -> i32;
type TlsCallback = extern "win64" fn(usize, u32, usize);

/// What a module is.
pub enum Kind {
    /// A PE image mapped from a file.
    Pe(Box<PeModule>),
    /// A Rust DLL.
    Builtin(&'static BuiltinDll),
    /// A DLL the program names that neither a file nor a builtin provides: every import from it
    /// is a stub.
    Empty,
}

/// A mapped PE image.
pub struct PeModule {
    pub info: PeInfo,
    pub mapped: Mapped,
    /// Export names → index into `info.exports.functions`.
    pub export_names: HashMap<String, u32>,
    pub tls_index: Option<u32>,
}

/// One loaded module.
pub struct Module {
    /// The HMODULE: the image base (a header page for builtins).
    pub base: usize,
    pub size: usize,
    /// Lower-case file name, the key for lookups ("kernel32.dll").
    pub lname: String,
    /// File name as it is displayed ("testdll.dll").
    pub name: String,
    /// Windows path (GetModuleFileName).
    pub win_path: String,
    pub kind: Kind,
    pub refcount: u32,
    /// Bases of the modules this one imports from (references held).
    pub deps: Vec<usize>,
    pub is_exe: bool,
    /// DllMain(PROCESS_ATTACH) has run.
    pub initialized: bool,
    /// Its PEB.Ldr entry.
    pub ldr_entry: usize,
}

impl Module {
    fn pe(&self) -> Option<&PeModule> {
        match &self.kind {
            Kind::Pe(p) => Some(p),
            _ => None,
        }
    }
}

/// Why a module could not be loaded.
#[derive(Debug)]
pub struct LoadError {
    pub message: String,
    pub code: u32,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

#[derive(Default)]
struct State {
    modules: Vec<Module>,
    /// Bases in initialization order (DllMain PROCESS_ATTACH has run, dependencies first).
    init_order: Vec<usize>,
    /// Directory of the main exe (first in the DLL search order).
    app_dir: Option<PathBuf>,
    exe_base: usize,
}

static STATE: LazyLock<Mutex<State>> = LazyLock::new(|| Mutex::new(State::default()));
static EXITING: AtomicBool = AtomicBool::new(false);

fn state() -> MutexGuard<'static, State> {
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

impl State {
    fn by_base(&self, base: usize) -> Option<&Module> {
        self.modules.iter().find(|m| m.base == base)
    }
    fn by_base_mut(&mut self, base: usize) -> Option<&mut Module> {
        self.modules.iter_mut().find(|m| m.base == base)
    }
    fn by_lname(&self, lname: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.lname == lname)
    }
    fn containing(&self, addr: usize) -> Option<&Module> {
        self.modules.iter().find(|m| addr >= m.base && addr < m.base + m.size)
    }
}

/// A minimal PE header for a builtin's HMODULE, so code that inspects a module's headers
/// finds a valid (empty) x64 image.
fn builtin_header_page() -> usize {
    let page = Box::leak(vec![0u8; 0x1000].into_boxed_slice());
    page[0] = b'M';
    page[1] = b'Z';
    page[0x3c] = 0x40; // e_lfanew
    page[0x40..0x44].copy_from_slice(b"PE\0\0");
    page[0x44..0x46].copy_from_slice(&0x8664u16.to_le_bytes()); // Machine
    page[0x54..0x56].copy_from_slice(&0xf0u16.to_le_bytes()); // SizeOfOptionalHeader
    page[0x56..0x58].copy_from_slice(&0x2022u16.to_le_bytes()); // EXECUTABLE|LARGE_ADDRESS|DLL
    page[0x58..0x5a].copy_from_slice(&0x20bu16.to_le_bytes()); // PE32+
    page[0x58 + 32..0x58 + 36].copy_from_slice(&0x1000u32.to_le_bytes()); // SectionAlignment
    page[0x58 + 36..0x58 + 40].copy_from_slice(&0x200u32.to_le_bytes()); // FileAlignment
    page[0x58 + 56..0x58 + 60].copy_from_slice(&0x1000u32.to_le_bytes()); // SizeOfImage
    page[0x58 + 60..0x58 + 64].copy_from_slice(&0x200u32.to_le_bytes()); // SizeOfHeaders
    page[0x58 + 108..0x58 + 112].copy_from_slice(&16u32.to_le_bytes()); // NumberOfRvaAndSizes
    page.as_ptr() as usize
}

/// Case-insensitive lookup of `name` in `dir`: an exact match first, then a scan.
fn find_in_dir(dir: &Path, name: &str) -> Option<PathBuf> {
    let exact = dir.join(name);
    if exact.is_file() {
        return Some(exact);
    }
    let rd = std::fs::read_dir(dir).ok()?;
    for e in rd.flatten() {
        if e.file_name().to_string_lossy().eq_ignore_ascii_case(name) && e.path().is_file() {
            return Some(e.path());
        }
    }
    None
}

/// The Windows DLL search order: the app's directory, the system directory (builtins, handled
/// before this), the current directory, then PATH.
fn search_dll(st: &State, name: &str) -> Option<PathBuf> {
    if name.contains(['\\', '/']) {
        let unix = syscall_shims::path::dos_to_unix(name)?;
        let p = PathBuf::from(unix);
        let dir = p.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
        let file = p.file_name()?.to_string_lossy().into_owned();
        return find_in_dir(&dir, &file);
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(d) = &st.app_dir {
        dirs.push(d.clone());
    }
    if let Ok(cwd) = std::env::current_dir() {
        dirs.push(cwd);
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    dirs.iter().find_map(|d| find_in_dir(d, name))
}

/// Add a builtin module (or return the loaded one).
fn load_builtin(st: &mut State, dll: &'static BuiltinDll) -> usize {
    if let Some(m) = st.by_lname(dll.name) {
        return m.base;
    }
    let base = builtin_header_page();
    let win_path = format!("C:\\windows\\system32\\{}", dll.name);
    let ldr_entry = crate::peb::add_module(base, 0x1000, 0, &win_path, dll.name);
    st.modules.push(Module {
        base,
        size: 0x1000,
        lname: dll.name.to_string(),
        name: dll.name.to_string(),
        win_path,
        kind: Kind::Builtin(dll),
        refcount: 1,
        deps: Vec::new(),
        is_exe: false,
        initialized: true,
        ldr_entry,
    });
    crate::peb::add_init_order(ldr_entry);
    if let Some(f) = dll.attach {
        f();
    }
    base
}

fn load_empty(st: &mut State, name: &str, lname: &str) -> usize {
    log::warn!("{name} not found: loading it as an empty builtin (every import from it is a stub)");
    eprintln!("wine-rs: warning: {name} not found; its imports will be stubs");
    let base = builtin_header_page();
    let win_path = format!("C:\\windows\\system32\\{lname}");
    let ldr_entry = crate::peb::add_module(base, 0x1000, 0, &win_path, lname);
    st.modules.push(Module {
        base,
        size: 0x1000,
        lname: lname.to_string(),
        name: name.to_string(),
        win_path,
        kind: Kind::Empty,
        refcount: 1,
        deps: Vec::new(),
        is_exe: false,
        initialized: true,
        ldr_entry,
    });
    base
}

/// How to treat a DLL that cannot be found.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Missing {
    /// An import of a module being loaded: bind it as an empty builtin.
    Stub,
    /// LoadLibrary: fail with ERROR_MOD_NOT_FOUND.
    Fail,
}

/// Load (or reference) the DLL `name`, recursively. New PE modules are appended to `new` in
/// initialization order (dependencies first).
fn load_dll(st: &mut State, name: &str, missing: Missing, new: &mut Vec<usize>) -> Result<usize, LoadError> {
    let lname = builtin::normalize(name);
    let key = builtin::apiset_target(&lname).map(str::to_string).unwrap_or_else(|| lname.clone());
    if let Some(m) = st.modules.iter_mut().find(|m| m.lname == key) {
        m.refcount += 1;
        return Ok(m.base);
    }
    if let Some(dll) = builtin::find(&lname) {
        return Ok(load_builtin(st, dll));
    }
    if builtin::is_apiset(&lname) {
        return Ok(load_empty(st, name, &lname));
    }
    let Some(path) = search_dll(st, name) else {
        return match missing {
            Missing::Stub => Ok(load_empty(st, name, &lname)),
            Missing::Fail => Err(LoadError { message: format!("{name}: not found"), code: ERROR_MOD_NOT_FOUND }),
        };
    };
    load_pe_file(st, &path, false, new)
}

/// Read, parse, map and bind a PE file; returns its base.
fn load_pe_file(st: &mut State, path: &Path, is_exe: bool, new: &mut Vec<usize>) -> Result<usize, LoadError> {
    let shown = path.display().to_string();
    let file = std::fs::File::open(path)
        .map_err(|e| LoadError { message: format!("{shown}: {e}"), code: ERROR_MOD_NOT_FOUND })?;
    // SAFETY: the file is mapped read-only and only read while it stays mapped.
    let data = unsafe { memmap2::Mmap::map(&file) }
        .map_err(|e| LoadError { message: format!("{shown}: {e}"), code: ERROR_BAD_EXE_FORMAT })?;
    let info = pe::parse(&data).map_err(|e| LoadError { message: format!("{shown}: {e}"), code: ERROR_BAD_EXE_FORMAT })?;
    load_pe(st, path, &data, info, is_exe, new)
}

/// Map and bind a parsed image.
fn load_pe(
    st: &mut State,
    path: &Path,
    data: &[u8],
    info: PeInfo,
    is_exe: bool,
    new: &mut Vec<usize>,
) -> Result<usize, LoadError> {
    let shown = path.display().to_string();
    if !is_exe && !info.is_dll {
        return Err(LoadError { message: format!("{shown}: is not a DLL"), code: ERROR_BAD_EXE_FORMAT });
    }
    let mapped = image::map_image(&info, data)
        .map_err(|e| LoadError { message: format!("{shown}: {e}"), code: ERROR_BAD_EXE_FORMAT })?;
    let base = mapped.base;
    let size = mapped.size;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let win_path = syscall_shims::path::unix_to_dos(&abs.to_string_lossy());
    let mut export_names = HashMap::new();
    if let Some(ex) = &info.exports {
        for (n, idx) in &ex.names {
            export_names.entry(n.clone()).or_insert(*idx);
        }
    }
    let entry = if info.entry_rva != 0 { base + info.entry_rva as usize } else { 0 };
    let ldr_entry = crate::peb::add_module(base, size, entry, &win_path, &name);
    if is_exe {
        st.exe_base = base;
        st.app_dir = abs.parent().map(Path::to_path_buf);
    }
    let imports = info.imports.clone();
    let tls = info.tls;
    st.modules.push(Module {
        base,
        size,
        lname: name.to_ascii_lowercase(),
        name,
        win_path,
        kind: Kind::Pe(Box::new(PeModule { info, mapped, export_names, tls_index: None })),
        refcount: 1,
        deps: Vec::new(),
        is_exe,
        initialized: false,
        ldr_entry,
    });

    // ntdll.dll is in every process, second in load order, as on Windows: programs that call
    // it without importing it (Go, Rust's std, Zig) find it with GetModuleHandle.
    if is_exe {
        load_dll(st, "ntdll.dll", Missing::Stub, new)?;
    }

    // Imports: load each dependency, then fill the IAT.
    let mut deps = Vec::new();
    for imp in &imports {
        let dep = load_dll(st, &imp.dll, Missing::Stub, new)?;
        deps.push(dep);
        for e in &imp.entries {
            let addr = match &e.name {
                ImportName::ByName { name, hint } => resolve_name(st, dep, name.as_bytes(), Some(*hint), 0),
                ImportName::ByOrdinal(o) => resolve_ordinal(st, dep, *o, 0),
            };
            let addr = addr.unwrap_or_else(|| {
                let func = match &e.name {
                    ImportName::ByName { name, .. } => name.clone(),
                    ImportName::ByOrdinal(o) => format!("#{o}"),
                };
                crate::stub::make_stub(&imp.dll, &func)
            });
            // SAFETY: the parser checked that the IAT slot lies inside the image; the mapping
            // is still read-write.
            unsafe { ((base + e.iat_slot_rva as usize) as *mut u64).write_unaligned(addr as u64) };
        }
    }

    // Static TLS: register the template and write _tls_index.
    if let Some(t) = tls {
        let m = st.by_base(base).and_then(Module::pe).expect("just added");
        let pref = m.info.image_base;
        let start = (t.start_va.wrapping_sub(pref) as usize).wrapping_add(base);
        let len = t.end_va.saturating_sub(t.start_va) as usize;
        let index = dllcore::teb::register_tls_template(start, len, t.zero_fill as usize);
        if t.index_va != 0 {
            let at = (t.index_va - pref) as usize + base;
            // SAFETY: the parser checked index_va lies inside the image.
            unsafe { (at as *mut u32).write_unaligned(index) };
        }
        if dllcore::teb::is_attached() {
            dllcore::teb::add_tls_block_current(index);
        }
        if let Some(Kind::Pe(p)) = st.by_base_mut(base).map(|m| &mut m.kind) {
            p.tls_index = Some(index);
        }
    }

    let m = st.by_base_mut(base).expect("just added");
    m.deps = deps;
    if let Kind::Pe(p) = &m.kind {
        image::protect_sections(&p.info, &p.mapped);
    }
    if !is_exe {
        new.push(base);
    }
    Ok(base)
}

/// Find an export by name in module `base`, following forwarders.
fn resolve_name(st: &mut State, base: usize, name: &[u8], hint: Option<u16>, depth: u32) -> Option<usize> {
    let m = st.by_base(base)?;
    match &m.kind {
        Kind::Builtin(dll) => {
            let s = std::str::from_utf8(name).ok()?;
            builtin::exports(dll).get(s).map(|(a, _)| *a)
        }
        Kind::Empty => None,
        Kind::Pe(p) => {
            let ex = p.info.exports.as_ref()?;
            let s = std::str::from_utf8(name).ok()?;
            // The hint is an index into the name table: try it first.
            let idx = hint
                .and_then(|h| ex.names.get(h as usize))
                .filter(|(n, _)| n == s)
                .map(|(_, i)| *i)
                .or_else(|| p.export_names.get(s).copied())?;
            let target = ex.functions.get(idx as usize)?.clone();
            export_target(st, base, target, depth)
        }
    }
}

/// Find an export by ordinal in module `base`.
fn resolve_ordinal(st: &mut State, base: usize, ordinal: u16, depth: u32) -> Option<usize> {
    let m = st.by_base(base)?;
    if let Kind::Builtin(dll) = &m.kind {
        return builtin::export_by_ordinal(dll, ordinal).map(|(_, a, _)| a);
    }
    let p = m.pe()?;
    let ex = p.info.exports.as_ref()?;
    let idx = (ordinal as u32).checked_sub(ex.ordinal_base)?;
    let target = ex.functions.get(idx as usize)?.clone();
    export_target(st, base, target, depth)
}

fn export_target(st: &mut State, base: usize, t: ExportTarget, depth: u32) -> Option<usize> {
    match t {
        ExportTarget::None => None,
        ExportTarget::Rva(rva) => Some(base + rva as usize),
        ExportTarget::Forward(fwd) => {
            if depth > 16 {
                return None;
            }
            let (dll, func) = fwd.rsplit_once('.')?;
            let mut new = Vec::new();
            let dep = load_dll(st, dll, Missing::Fail, &mut new).ok()?;
            // Modules loaded by a forwarder are initialised by the caller's init pass.
            PENDING_INIT.lock().unwrap_or_else(|e| e.into_inner()).extend(new);
            match func.strip_prefix('#') {
                Some(n) => resolve_ordinal(st, dep, n.parse().ok()?, depth + 1),
                None => resolve_name(st, dep, func.as_bytes(), None, depth + 1),
            }
        }
    }
}

/// Modules loaded while resolving forwarders, waiting for their DllMain.
static PENDING_INIT: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// The TLS callbacks of module `base`, read from its (relocated) image.
fn tls_callbacks(st: &State, base: usize) -> Vec<usize> {
    let Some(p) = st.by_base(base).and_then(Module::pe) else { return Vec::new() };
    let Some(t) = p.info.tls else { return Vec::new() };
    if t.callbacks_va == 0 {
        return Vec::new();
    }
    let mut at = (t.callbacks_va - p.info.image_base) as usize + base;
    let end = base + p.mapped.size;
    let mut v = Vec::new();
    while at + 8 <= end {
        // SAFETY: inside the mapped image (checked against its end).
        let cb = unsafe { (at as *const u64).read_unaligned() } as usize;
        if cb == 0 {
            break;
        }
        v.push(cb);
        at += 8;
    }
    v
}

/// Call a DLL's entry point with the DllMain signature; true when it returned TRUE.
fn call_dll_main(entry: usize, base: usize, reason: u32, reserved: usize) -> bool {
    // SAFETY: `entry` is the entry point of a loaded DLL image.
    let f: DllEntry = unsafe { std::mem::transmute(entry) };
    f(base, reason, reserved) != 0
}

fn run_tls_callbacks(cbs: &[usize], base: usize, reason: u32) {
    for &cb in cbs {
        // SAFETY: a TLS callback of a loaded image, called as Windows does.
        let f: TlsCallback = unsafe { std::mem::transmute(cb) };
        f(base, reason, 0);
    }
}

/// Run TLS callbacks and DllMain(PROCESS_ATTACH) for newly loaded modules, in order. A module
/// whose DllMain fails is reported by base.
fn initialize(new: &[usize]) -> Result<(), usize> {
    let mut all: Vec<usize> = new.to_vec();
    all.extend(std::mem::take(&mut *PENDING_INIT.lock().unwrap_or_else(|e| e.into_inner())));
    for base in all {
        let (cbs, entry, ldr_entry) = {
            let st = state();
            let Some(m) = st.by_base(base) else { continue };
            if m.initialized {
                continue;
            }
            let entry = m.pe().map(|p| p.info.entry_rva).filter(|&r| r != 0).map(|r| base + r as usize);
            (tls_callbacks(&st, base), entry, m.ldr_entry)
        };
        run_tls_callbacks(&cbs, base, DLL_PROCESS_ATTACH);
        let ok = match entry {
            // SAFETY: the DLL's entry point, called with the documented DllMain signature.
            Some(e) => call_dll_main(e, base, DLL_PROCESS_ATTACH, 0),
            None => true,
        };
        let mut st = state();
        if let Some(m) = st.by_base_mut(base) {
            m.initialized = true;
        }
        if !ok {
            return Err(base);
        }
        st.init_order.push(base);
        crate::peb::add_init_order(ldr_entry);
    }
    Ok(())
}

/// Load the main executable and everything it imports. Returns the exe's base; DllMain has
/// not run yet (see [`initialize_process`]).
pub fn load_exe(path: &Path, data: &[u8], info: PeInfo) -> Result<(usize, Vec<usize>), LoadError> {
    let mut st = state();
    let mut new = Vec::new();
    let base = load_pe(&mut st, path, data, info, true, &mut new)?;
    Ok((base, new))
}

/// Process start, on the main PE thread after its TEB exists: DLL initialization in order,
/// then the exe's TLS callbacks.
pub fn initialize_process(exe: usize, new: &[usize]) -> Result<(), String> {
    if let Err(base) = initialize(new) {
        let name = state().by_base(base).map(|m| m.name.clone()).unwrap_or_default();
        return Err(format!("{name}: DllMain(PROCESS_ATTACH) failed"));
    }
    let cbs = tls_callbacks(&state(), exe);
    run_tls_callbacks(&cbs, exe, DLL_PROCESS_ATTACH);
    Ok(())
}

/// Flush what builtin DLLs buffer (the CRT's streams) without running PE code.
pub fn flush_builtins() {
    let hooks: Vec<fn()> = {
        let st = state();
        st.modules
            .iter()
            .rev()
            .filter_map(|m| match m.kind {
                Kind::Builtin(d) => d.detach,
                _ => None,
            })
            .collect()
    };
    hooks.into_iter().for_each(|h| h());
    dllcore::process::run_exit_hooks();
}

/// ExitProcess: TLS callbacks and DllMain(PROCESS_DETACH) in reverse initialization order,
/// then builtin detach (CRT flush), then exit.
fn exit_process(code: u32) -> ! {
    if EXITING.swap(true, Ordering::AcqRel) {
        // Called again from a detach routine: just leave.
        syscall_shims::process::terminate_self(code)
    }
    let (exe, order) = {
        let st = state();
        (st.exe_base, st.init_order.clone())
    };
    let cbs = tls_callbacks(&state(), exe);
    run_tls_callbacks(&cbs, exe, DLL_PROCESS_DETACH);
    for base in order.into_iter().rev() {
        let (cbs, entry) = {
            let st = state();
            let Some(m) = st.by_base(base) else { continue };
            let entry = m.pe().map(|p| p.info.entry_rva).filter(|&r| r != 0).map(|r| base + r as usize);
            (tls_callbacks(&st, base), entry)
        };
        run_tls_callbacks(&cbs, base, DLL_PROCESS_DETACH);
        if let Some(e) = entry {
            // SAFETY: DllMain of a loaded DLL; reserved = 1 means "process is terminating".
            call_dll_main(e, base, DLL_PROCESS_DETACH, 1);
        }
    }
    flush_builtins();
    // A wine-rs parent learns the full 32-bit code (the exit status keeps 8 bits).
    syscall_shims::process::terminate_self(code)
}

fn thread_notify(reason: u32) {
    let order = state().init_order.clone();
    let list: Vec<usize> = if reason == DLL_THREAD_ATTACH { order } else { order.into_iter().rev().collect() };
    let exe = state().exe_base;
    for base in list.into_iter().chain(std::iter::once(exe)) {
        let (cbs, entry) = {
            let st = state();
            let Some(m) = st.by_base(base) else { continue };
            let entry = if m.is_exe {
                None
            } else {
                m.pe().map(|p| p.info.entry_rva).filter(|&r| r != 0).map(|r| base + r as usize)
            };
            (tls_callbacks(&st, base), entry)
        };
        run_tls_callbacks(&cbs, base, reason);
        if let Some(e) = entry {
            // SAFETY: DllMain of a loaded DLL.
            call_dll_main(e, base, reason, 0);
        }
    }
}

/// The loader as DLLs see it.
pub struct Loader;

impl LoaderApi for Loader {
    fn load_library(&self, name: &str, _flags: u32) -> Result<usize, u32> {
        let mut new = Vec::new();
        let base = {
            let mut st = state();
            load_dll(&mut st, name, Missing::Fail, &mut new).map_err(|e| {
                log::warn!("LoadLibrary({name}): {e}");
                e.code
            })?
        };
        if let Err(failed) = initialize(&new) {
            self.free_library(failed);
            return Err(ERROR_DLL_INIT_FAILED);
        }
        Ok(base)
    }

    fn get_module_handle(&self, name: Option<&str>) -> Option<usize> {
        let st = state();
        match name {
            None => Some(st.exe_base),
            Some(n) => {
                let l = builtin::normalize(n);
                let key = builtin::apiset_target(&l).unwrap_or(&l);
                st.by_lname(key).map(|m| m.base)
            }
        }
    }

    fn get_proc_address(&self, module: usize, proc_name: ProcName) -> Result<usize, u32> {
        let mut st = state();
        if st.by_base(module).is_none() {
            return Err(ERROR_INVALID_HANDLE);
        }
        let r = match proc_name {
            ProcName::Name(n) => resolve_name(&mut st, module, n, None, 0),
            ProcName::Ordinal(o) => resolve_ordinal(&mut st, module, o, 0),
        };
        drop(st);
        let pending = std::mem::take(&mut *PENDING_INIT.lock().unwrap_or_else(|e| e.into_inner()));
        let _ = initialize(&pending);
        r.ok_or(ERROR_PROC_NOT_FOUND)
    }

    fn free_library(&self, module: usize) -> bool {
        let (unload, entry, cbs) = {
            let mut st = state();
            let Some(m) = st.by_base_mut(module) else { return false };
            if m.is_exe || !matches!(m.kind, Kind::Pe(_)) {
                return true;
            }
            m.refcount = m.refcount.saturating_sub(1);
            if m.refcount > 0 {
                return true;
            }
            let entry = m.pe().map(|p| p.info.entry_rva).filter(|&r| r != 0).map(|r| module + r as usize);
            let initialized = m.initialized;
            (initialized, entry, tls_callbacks(&st, module))
        };
        if unload {
            run_tls_callbacks(&cbs, module, DLL_PROCESS_DETACH);
            if let Some(e) = entry {
                // SAFETY: DllMain of a loaded DLL; reserved = 0 for FreeLibrary.
                call_dll_main(e, module, DLL_PROCESS_DETACH, 0);
            }
        }
        let deps = {
            let mut st = state();
            let Some(pos) = st.modules.iter().position(|m| m.base == module) else { return true };
            let m = st.modules.remove(pos);
            st.init_order.retain(|&b| b != module);
            crate::peb::remove_module(m.ldr_entry);
            if let Kind::Pe(p) = &m.kind {
                // SAFETY: unmapping the image we mapped; nothing runs in it any more.
                unsafe { libc::munmap(p.mapped.base as *mut _, p.mapped.size) };
            }
            m.deps
        };
        for d in deps {
            self.free_library(d);
        }
        true
    }

    fn module_file_name(&self, module: usize) -> Option<String> {
        let st = state();
        let base = if module == 0 { st.exe_base } else { module };
        st.by_base(base).map(|m| m.win_path.clone())
    }

    fn exit_process(&self, code: u32) -> ! {
        exit_process(code)
    }

    fn thread_attach(&self) {
        thread_notify(DLL_THREAD_ATTACH)
    }

    fn thread_detach(&self) {
        thread_notify(DLL_THREAD_DETACH)
    }

    fn describe_address(&self, addr: usize) -> Option<(String, usize)> {
        let st = state();
        st.containing(addr).map(|m| (m.name.clone(), addr - m.base))
    }
}

/// The loader instance DLLs reach through `dllcore::loader_api`.
pub static LOADER: Loader = Loader;

/// Each module's name, base and kind, in load order (for `check` and diagnostics).
pub fn list() -> Vec<(String, usize, &'static str)> {
    state()
        .modules
        .iter()
        .map(|m| {
            let k = match m.kind {
                Kind::Pe(_) => "pe",
                Kind::Builtin(_) => "builtin",
                Kind::Empty => "empty",
            };
            (m.name.clone(), m.base, k)
        })
        .collect()
}

/// Is `data` exported as data by this builtin? (for tools)
pub fn builtin_export_kind(dll: &'static BuiltinDll, name: &str) -> Option<ExportKind> {
    builtin::exports(dll).get(name).map(|(_, k)| *k)
}

/// The entry point RVA of a loaded PE module (0 if none).
pub fn entry_rva(base: usize) -> usize {
    state().by_base(base).and_then(Module::pe).map(|p| p.info.entry_rva as usize).unwrap_or(0)
}
