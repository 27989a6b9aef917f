//! Throwing: `_CxxThrowException` raises the C++ exception (code 0xE06D7363, parameters magic,
//! object, ThrowInfo, image base) with RaiseException; `throw;` passes NULL object and
//! ThrowInfo, which the frame handler replaces by the exception being handled. And the end of
//! the road: terminate.

use super::state;
use super::sys;
use super::types::*;
use std::cell::Cell;
use windows_sys::Win32::System::Diagnostics::Debug::EXCEPTION_RECORD;

/// Is this a C++ exception (thrown by _CxxThrowException, any FuncInfo-era magic)?
pub fn is_cxx(rec: &EXCEPTION_RECORD) -> bool {
    rec.ExceptionCode as u32 == CXX_EXCEPTION
        && rec.NumberParameters >= 3
        && (EH_MAGIC_1..=EH_MAGIC_3).contains(&(rec.ExceptionInformation[0] as u32))
}

thread_local! {
    /// The parameters of the exception being raised (RaiseException copies them at once),
    /// then RaiseException's address.
    static PARAMS: Cell<[usize; 5]> = const { Cell::new([0; 5]) };
}

/// The image base of the module holding `addr` (0 when none does).
fn image_base(addr: usize) -> usize {
    if addr == 0 {
        return 0;
    }
    dllcore::loader_api::try_loader()
        .and_then(|l| l.describe_address(addr))
        .map_or(0, |(_, off)| addr - off)
}

/// The Rust half of `_CxxThrowException`: fill the parameters, count the exception in flight,
/// return where they are (and RaiseException after them).
extern "win64" fn prepare_throw(object: usize, throw_info: usize) -> *const usize {
    let raise = sys::raise_exception_addr();
    if raise == 0 {
        log::error!("C++ exception thrown but RaiseException is not available");
        terminate_now();
    }
    state::processing_throw(1);
    let p = [EH_MAGIC_1 as usize, object, throw_info, image_base(throw_info), raise];
    PARAMS.with(|c| {
        c.set(p);
        c.as_ptr() as *const usize
    })
}

/// _CxxThrowException(object, ThrowInfo): what `throw` compiles to. Raises 0xE06D7363,
/// non-continuable, with 4 parameters (magic 0x19930520, object, ThrowInfo, image base of the
/// ThrowInfo's module), as Windows' vcruntime does.
///
/// Naked so that RaiseException's caller is the program's code (the exception's context is
/// the throw site, and the unwinder needs no unwind data for us): the Rust half runs with the
/// stack aligned and the frame popped again, then we jump to RaiseException.
#[unsafe(naked)]
pub unsafe extern "win64" fn cxx_throw_exception() {
    core::arch::naked_asm!(
        "sub rsp, 40",
        "call {prepare}",
        "add rsp, 40",
        "mov r9, rax",
        "mov rax, [rax + 32]",
        "mov ecx, 0xE06D7363",
        "mov edx, 1",
        "mov r8d, 4",
        "jmp rax",
        prepare = sym prepare_throw,
    )
}

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
