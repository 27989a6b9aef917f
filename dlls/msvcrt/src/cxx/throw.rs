//! Throwing: `_CxxThrowException` raises the C++ exception (code 0xE06D7363, parameters magic,
//! object, ThrowInfo, image base) with RaiseException; `throw;` passes NULL object and
//! ThrowInfo, which the frame handler replaces by the exception being handled. And the end of
//! the road: terminate.

use super::state;
use super::types::*;
use ntdll::seh::context::arg;
use windows_sys::Win32::System::Diagnostics::Debug::{CONTEXT, EXCEPTION_RECORD};
use windows_sys::Win32::System::SystemServices::EXCEPTION_NONCONTINUABLE;

/// Is this a C++ exception (thrown by _CxxThrowException, any FuncInfo-era magic)?
pub fn is_cxx(rec: &EXCEPTION_RECORD) -> bool {
    rec.ExceptionCode as u32 == CXX_EXCEPTION
        && rec.NumberParameters >= 3
        && (EH_MAGIC_1..=EH_MAGIC_3).contains(&(rec.ExceptionInformation[0] as u32))
}

/// The image base of the module holding `addr` (0 when none does).
fn image_base(addr: usize) -> usize {
    if addr == 0 {
        return 0;
    }
    ntdll::seh::lookup::module_at(addr as u64).map_or(0, |m| m.base as usize)
}

/// The body of `_CxxThrowException`, with the thrower's captured context.
extern "win64" fn throw_imp(ctx: *mut CONTEXT) -> ! {
    // SAFETY: the thunk passes the caller's captured context.
    let ctx = unsafe { &mut *ctx };
    let (object, throw_info) = (arg(ctx, 0) as usize, arg(ctx, 1) as usize);
    // SAFETY: an all-zero EXCEPTION_RECORD is valid.
    let mut rec: EXCEPTION_RECORD = unsafe { std::mem::zeroed() };
    rec.ExceptionCode = CXX_EXCEPTION as i32;
    rec.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
    rec.ExceptionAddress = ctx.Rip as *mut _;
    rec.NumberParameters = 4;
    rec.ExceptionInformation[0] = EH_MAGIC_1 as usize;
    rec.ExceptionInformation[1] = object;
    rec.ExceptionInformation[2] = throw_info;
    rec.ExceptionInformation[3] = image_base(throw_info);
    state::processing_throw(1);
    ntdll::seh::dispatch::raise(&mut rec, ctx, 0)
}

ntdll::capture_thunk!(
    /// _CxxThrowException(object, ThrowInfo): what `throw` compiles to. Raises 0xE06D7363,
    /// non-continuable, with 4 parameters (magic 0x19930520, object, ThrowInfo, image base of
    /// the ThrowInfo's module) from the thrower's state, as Windows' vcruntime does; `throw;`
    /// passes NULL and NULL. Not caught anywhere: the unhandled-exception filter decides (the
    /// MSVC start-up code's filter calls terminate).
    cxx_throw_exception => throw_imp
);

/// Run the thrown object's destructor (ThrowInfo.pmfnUnwind), if it has one.
pub fn destroy_object(rec: &EXCEPTION_RECORD) {
    let (object, ti, base) = (rec.ExceptionInformation[1], rec.ExceptionInformation[2], rec.ExceptionInformation[3]);
    if object == 0 || ti == 0 {
        return;
    }
    // SAFETY: a C++ exception's ThrowInfo in its image.
    let info: ThrowInfo = unsafe { read(ti) };
    if let Some(dtor) = rva(base, info.unwind) {
        let f: unsafe extern "win64" fn(usize) = unsafe { std::mem::transmute(dtor) };
        unsafe { f(object) };
    }
}

/// std::terminate: the thread's terminate handler (set_terminate), then abort (exit code 3).
pub fn terminate_now() -> ! {
    let h = state::TERMINATE.with(|t| t.get());
    if h != 0 {
        let f: unsafe extern "win64" fn() = unsafe { std::mem::transmute(h) };
        unsafe { f() };
    }
    crate::exit::abort()
}
