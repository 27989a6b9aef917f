//! MSVC C++ exception handling and the rest of the C++ runtime support the CRT DLLs export
//! (msvcrt.dll here; vcruntime140.dll wraps the same code in its own crate).
//!
//! `types` (ThrowInfo and the catchable types), `funcinfo` (the per-function EH tables, v1-3)
//! and `fh4` (the compressed FH4 tables), `matching` (catch clause selection, copying the
//! object), `frame` (the frame handler and the catch callback), `throw` (_CxxThrowException,
//! terminate), `state` (per-thread: running catch blocks, handlers), `sys` (RtlUnwindEx and
//! RaiseException), `typeinfo` (type_info), `exports` (msvcrt's exports).

pub mod exports;
pub mod fh4;
pub mod frame;
pub mod funcinfo;
pub mod matching;
pub mod state;
pub mod sys;
pub mod throw;
pub mod typeinfo;
pub mod types;

use windows_sys::Win32::System::Diagnostics::Debug::{CONTEXT, DISPATCHER_CONTEXT, EXCEPTION_RECORD};
use windows_sys::Win32::System::Kernel::{EXCEPTION_DISPOSITION, ExceptionContinueSearch};

/// Decode the tables at `addr` (image at `base`) of the given version (3 for v1-3, 4 for FH4)
/// of the function (or funclet) starting at `func_rva`.
///
/// # Safety
/// `addr` must be a FuncInfo (or FH4 FuncInfo4) of that image.
pub unsafe fn tables(addr: usize, base: usize, version: u32, func_rva: u32) -> Result<funcinfo::EhFunc, String> {
    if version >= 4 {
        unsafe { fh4::read_funcinfo4(addr, base, func_rva) }.map_err(|e| format!("{e:?}"))
    } else {
        unsafe { funcinfo::read_funcinfo(addr, base) }.map_err(|e| format!("{e:?}"))
    }
}

/// The frame handlers' common body: decode the tables HandlerData points at (an RVA), handle.
///
/// # Safety
/// The dispatcher's arguments for a frame whose language handler is a C++ frame handler.
pub unsafe fn frame_handler(
    rec: *mut EXCEPTION_RECORD,
    frame: usize,
    context: *mut CONTEXT,
    dc: *mut DISPATCHER_CONTEXT,
    fh4: bool,
) -> EXCEPTION_DISPOSITION {
    if rec.is_null() || dc.is_null() {
        return ExceptionContinueSearch;
    }
    // SAFETY: the dispatcher's context; HandlerData points at the FuncInfo's RVA.
    let dc = unsafe { &*dc };
    let base = dc.ImageBase as usize;
    let addr = base + unsafe { std::ptr::read_unaligned(dc.HandlerData as *const u32) } as usize;
    let version = if fh4 { 4 } else { 3 };
    let func_rva = if dc.FunctionEntry.is_null() { 0 } else { unsafe { (*dc.FunctionEntry).BeginAddress } };
    match unsafe { tables(addr, base, version, func_rva) } {
        Ok(func) => unsafe { frame::handle(rec, frame, context, dc, &func, addr) },
        Err(e) => {
            log::error!("C++ frame handler: bad EH tables at {addr:#x}: {e}");
            ExceptionContinueSearch
        }
    }
}
