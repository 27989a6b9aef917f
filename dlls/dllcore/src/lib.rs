//! What every builtin DLL shares: the export record and its macro, relay tracing, the panic
//! guard, TEB/PEB access and the last error, Windows `va_list`s, string helpers, and the
//! interface through which DLLs reach the loader (LoadLibrary, GetProcAddress, ExitProcess).
//!
//! A DLL crate declares `pub const DLL_NAME: &str` (for traces) and
//! `#[distributed_slice] pub static EXPORTS: [Export];`, then writes each export as
//! `#[export] pub extern "win64" fn Name(...)`.

pub mod channels;
pub mod debug;
pub mod exit_point;
pub mod fast_tls;
pub mod flight;
pub mod guard;
pub mod loader_api;
pub mod process;
pub mod relay;
pub mod relay_flags;
pub mod strings;
pub mod teb;
pub mod thread;
pub mod unwind;
pub mod valist;

pub use linkme;
pub use linkme::distributed_slice;
pub use valist::VaList;
pub use wine_rs_macros::export;

/// What an export table entry points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// Code: the IAT slot receives the function's address.
    Func,
    /// A variable: the IAT slot receives the variable's address.
    Data,
}

/// One entry of a builtin DLL's export table, produced by `#[export]`.
#[derive(Debug)]
pub struct Export {
    pub name: &'static str,
    pub addr: *const (),
    pub kind: ExportKind,
    /// For crates serving several DLLs: a mask of the DLLs exporting it (0 = all of them).
    pub mask: u32,
    /// The export's fixed ordinal, for DLLs whose programs import by ordinal (oleaut32's
    /// SysAllocString is #2 on every Windows); 0 = none, reachable by name only.
    pub ordinal: u16,
}

// SAFETY: the pointer is the address of a function or a static; it is never dereferenced
// through this record.
unsafe impl Sync for Export {}

impl Export {
    pub const fn func(name: &'static str, addr: *const (), mask: u32) -> Export {
        Export { name, addr, kind: ExportKind::Func, mask, ordinal: 0 }
    }
    pub const fn data(name: &'static str, addr: *const (), mask: u32) -> Export {
        Export { name, addr, kind: ExportKind::Data, mask, ordinal: 0 }
    }
    /// The same export, also reachable by `ordinal` (`#[export(ordinal = N)]`).
    pub const fn with_ordinal(mut self, ordinal: u16) -> Export {
        self.ordinal = ordinal;
        self
    }
}

/// A builtin DLL as the loader sees it: the names it answers to and its export table.
pub struct BuiltinDll {
    /// Lower-case file name, e.g. "kernel32.dll".
    pub name: &'static str,
    pub exports: &'static linkme::DistributedSlice<[Export]>,
    /// Which entries of `exports` belong to this DLL (see [`Export::mask`]); 0 takes all.
    pub mask: u32,
    /// Called once when the DLL is bound into the process, before any PE code runs.
    pub attach: Option<fn()>,
    /// Called at process exit, after the PE DLLs' detach (CRT buffers are flushed here).
    pub detach: Option<fn()>,
}

impl BuiltinDll {
    /// The exports of this DLL, in declaration order.
    pub fn iter(&self) -> impl Iterator<Item = &'static Export> + '_ {
        let mask = self.mask;
        self.exports.iter().filter(move |e| mask == 0 || e.mask == 0 || e.mask & mask != 0)
    }
}
