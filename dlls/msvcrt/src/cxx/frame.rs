//! The C++ frame handler (`__CxxFrameHandler3` and friends): called by the exception
//! dispatcher for every frame of a function with C++ EH tables, first to search for a catch
//! clause, then (EXCEPTION_UNWINDING) to destroy the function's objects as the stack unwinds.
//!
//! Search: the state at the frame's pc selects the try blocks around it (innermost first); a
//! clause that matches gets its copy of the object, then RtlUnwindEx unwinds to this frame
//! with a STATUS_UNWIND_CONSOLIDATE record whose callback ([`call_catch_block`]) runs the catch
//! funclet and returns the address execution continues at.
//!
//! Catch funclets have their own frames and the same tables. A frame whose pc is in a catch
//! funclet belongs to the function whose establisher frame the funclet saved (at
//! `Handler.frame_offset` in the funclet's frame, v1-3); while a catch block runs, the
//! function's UnwindHelp slot holds the state its try block left it in, so an exception thrown
//! from the catch block is looked up from there (enclosing try blocks only), and unwinding does
//! not destroy again what the catch already destroyed.

use super::funcinfo::{Action, EhFunc, Handler, TryBlock};
use super::matching;
use super::state::{self, ActiveCatch};
use super::sys;
use super::throw::{self, is_cxx};
use super::types::*;
use windows_sys::Win32::Foundation::STATUS_UNWIND_CONSOLIDATE;
use windows_sys::Win32::System::Diagnostics::Debug::{CONTEXT, DISPATCHER_CONTEXT, EXCEPTION_RECORD};
use windows_sys::Win32::System::Kernel::{EXCEPTION_DISPOSITION, ExceptionContinueSearch};
use windows_sys::Win32::System::SystemServices::{
    EXCEPTION_EXIT_UNWIND, EXCEPTION_NONCONTINUABLE, EXCEPTION_TARGET_UNWIND, EXCEPTION_UNWINDING,
};

/// The UnwindHelp value meaning "use the pc's state".
const UNWIND_HELP_PC: i32 = -2;

/// Indexes in the consolidate record's ExceptionInformation.
const CR_CALLBACK: usize = 0;
const CR_FRAME: usize = 1;
const CR_FUNCINFO: usize = 2;
const CR_TRY_LOW: usize = 3;
const CR_IMAGE_BASE: usize = 4;
const CR_FUNCLET: usize = 5;
const CR_RECORD: usize = 6;
const CR_CONTEXT: usize = 7;
const CR_TRY_INDEX: usize = 8;
const CR_HANDLER_INDEX: usize = 9;
const CR_VERSION: usize = 10;
const CR_FUNC_RVA: usize = 11;
const CR_COUNT: u32 = 12;

/// The per-frame facts the handler works with.
struct Frame<'a> {
    func: &'a EhFunc,
    /// Establisher frame of the function the tables describe (for a catch funclet, the one
    /// it saved).
    orig: usize,
    base: usize,
    pc: usize,
    /// This frame is the catch funclet starting here.
    funclet: Option<usize>,
    /// v1-3: the try block and clause of that catch funclet (the parent's tables hold them).
    in_catch: Option<(&'a TryBlock, &'a Handler)>,
}

impl Frame<'_> {
    fn pc_state(&self) -> i32 {
        self.func.state_at((self.pc - self.base) as u32)
    }

    fn unwind_help(&self) -> Option<*mut i32> {
        self.func.unwind_help.map(|o| self.orig.wrapping_add(o as isize as usize) as *mut i32)
    }

    /// The function's current state: the one recorded while a catch block runs (UnwindHelp,
    /// or for FH4 the thread's list), otherwise the pc's.
    fn current_state(&self) -> i32 {
        if self.funclet.is_some() {
            return self.pc_state();
        }
        if let Some(p) = self.unwind_help() {
            // SAFETY: the slot is in the function's frame, which is live.
            let s = unsafe { *p };
            if s != UNWIND_HELP_PC {
                return s;
            }
        } else if self.func.version >= 4 {
            if let Some(s) = state::frame_state(self.orig) {
                return s;
            }
        }
        self.pc_state()
    }

    /// Record the function's state (not for funclet frames: theirs is their pc's).
    fn set_state(&self, s: i32) {
        if self.funclet.is_some() {
            return;
        }
        if let Some(p) = self.unwind_help() {
            // SAFETY: as above.
            unsafe { *p = s };
        } else if self.func.version >= 4 {
            state::set_frame_state(self.orig, Some(s));
        }
    }

    /// Destroy the objects of states above `to`, starting at `from`.
    fn local_unwind(&self, from: i32, to: i32) {
        let mut s = from;
        while s > to && s >= 0 {
            let Some(e) = self.func.unwind.get(s as usize).copied() else {
                log::error!("C++ EH: state {s} outside the unwind map");
                throw::terminate_now();
            };
            // Record the progress first: an unwind entered again does not redo this state.
            s = e.to_state;
            self.set_state(s);
            // SAFETY: the actions are the function's cleanup code and its destructors.
            unsafe {
                match e.action {
                    Action::None => {}
                    Action::Funclet(f) => {
                        call_funclet(f, self.orig);
                    }
                    Action::DtorObject { dtor, offset } => {
                        let f: Dtor = std::mem::transmute(dtor);
                        f(self.orig.wrapping_add(offset as isize as usize), self.orig);
                    }
                    Action::DtorPointer { dtor, offset } => {
                        let f: Dtor = std::mem::transmute(dtor);
                        f(*(self.orig.wrapping_add(offset as isize as usize) as *const usize), self.orig);
                    }
                }
            }
        }
    }
}

type Dtor = unsafe extern "win64" fn(usize, usize);
type Funclet = unsafe extern "win64" fn(usize, usize) -> usize;

/// Call a funclet (cleanup or catch) with the establisher frame of its function in RDX (and
/// RCX), as the compilers expect; a catch funclet returns the continuation address.
///
/// # Safety
/// `f` must be a funclet of the function whose frame is `frame`.
pub unsafe fn call_funclet(f: usize, frame: usize) -> usize {
    let f: Funclet = unsafe { std::mem::transmute(f) };
    unsafe { f(frame, frame) }
}

fn our_consolidate(rec: &EXCEPTION_RECORD) -> bool {
    rec.ExceptionCode == STATUS_UNWIND_CONSOLIDATE
        && rec.NumberParameters == CR_COUNT
        && rec.ExceptionInformation[CR_CALLBACK] == call_catch_block as *const () as usize
}

/// The frame handler proper, for decoded tables.
///
/// # Safety
/// The arguments are the dispatcher's, `func` the tables of the function owning the frame.
pub unsafe fn handle(
    rec: *mut EXCEPTION_RECORD,
    frame: usize,
    context: *mut CONTEXT,
    dc: &DISPATCHER_CONTEXT,
    func: &EhFunc,
    funcinfo_addr: usize,
) -> EXCEPTION_DISPOSITION {
    // SAFETY: the dispatcher passes a valid record.
    let rec = unsafe { &mut *rec };
    let base = dc.ImageBase as usize;
    let pc = dc.ControlPc as usize;
    // Is this frame a catch funclet? Then the function's frame is the one it saved.
    let start = if dc.FunctionEntry.is_null() {
        0
    } else {
        // SAFETY: the dispatcher's function entry for this frame.
        base + unsafe { (*dc.FunctionEntry).BeginAddress } as usize
    };
    let (funclet, in_catch, orig) = if let Some(off) = func.catch_frame {
        // FH4: a catch funclet has its own tables, which say where it saved the parent frame.
        // SAFETY: the funclet stored its parent's frame there in its prolog.
        (Some(start), None, unsafe { *((frame + off as usize) as *const usize) })
    } else if let Some((tb, h)) = func.catch_funclet(start) {
        // v1-3: the parent's tables; the clause says where the funclet saved the frame.
        (Some(start), Some((tb, h)), unsafe { *((frame + h.frame_offset as usize) as *const usize) })
    } else {
        (None, None, frame)
    };
    let f = Frame { func, orig, base, pc, funclet, in_catch };

    if rec.ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND) != 0 {
        unwind_frame(&f, rec, dc);
        return ExceptionContinueSearch;
    }

    if func.version >= 3
        && func.flags & FI_EHS_FLAG != 0
        && rec.ExceptionCode as u32 != CXX_EXCEPTION
        && !our_consolidate(rec)
    {
        return ExceptionContinueSearch; // /EHs: catch clauses see only C++ exceptions
    }
    let mut caught: EXCEPTION_RECORD = *rec;
    if is_cxx(rec) && rec.ExceptionInformation[1] == 0 && rec.ExceptionInformation[2] == 0 {
        // `throw;`: the exception of the innermost running catch block.
        match state::current() {
            Some(r) => caught = r,
            None => {
                log::error!("C++ EH: throw; with no exception being handled");
                throw::terminate_now();
            }
        }
    }
    // SAFETY: a C++ exception's record points at its ThrowInfo in the throwing image.
    let thrown = is_cxx(&caught).then(|| unsafe {
        read_throw_info(caught.ExceptionInformation[2], caught.ExceptionInformation[3])
    });
    let object = caught.ExceptionInformation[1];

    let search_state = f.current_state();
    for (ti, tb) in func.try_blocks.iter().enumerate() {
        if search_state < tb.try_low || search_state > tb.try_high {
            continue;
        }
        if let Some((ctb, _)) = in_catch {
            // From a catch block only the try blocks inside it.
            if tb.try_low <= ctb.try_high || tb.catch_high > ctb.catch_high {
                continue;
            }
        }
        for (hi, h) in tb.handlers.iter().enumerate() {
            let Some(ct) = matching::find_caught_type(thrown.as_ref(), h) else { continue };
            if let Some(ct) = ct {
                // SAFETY: the object is live (its frame is below us) and the slot is the
                // catching function's.
                unsafe { matching::copy_exception(object, orig, h, &ct) };
            }
            let mut cr: EXCEPTION_RECORD = unsafe { std::mem::zeroed() };
            cr.ExceptionCode = STATUS_UNWIND_CONSOLIDATE;
            cr.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
            cr.NumberParameters = CR_COUNT;
            let info = &mut cr.ExceptionInformation;
            info[CR_CALLBACK] = call_catch_block as *const () as usize;
            info[CR_FRAME] = orig;
            info[CR_FUNCINFO] = funcinfo_addr;
            info[CR_TRY_LOW] = tb.try_low as usize;
            info[CR_IMAGE_BASE] = base;
            info[CR_FUNCLET] = h.handler;
            info[CR_RECORD] = &mut caught as *mut EXCEPTION_RECORD as usize;
            info[CR_CONTEXT] = context as usize;
            info[CR_TRY_INDEX] = ti;
            info[CR_HANDLER_INDEX] = hi;
            info[CR_VERSION] = func.version as usize;
            info[CR_FUNC_RVA] = start.wrapping_sub(base);
            // SAFETY: unwinding to this frame; returns only on failure (or in tests).
            unsafe { sys::unwind_ex(frame, pc, &mut cr, dc.HistoryTable) };
            return ExceptionContinueSearch;
        }
    }
    if thrown.is_some() && func.version >= 3 && func.flags & FI_EHNOEXCEPT_FLAG != 0 && funclet.is_none() {
        log::error!("C++ EH: an exception leaves a noexcept function");
        throw::terminate_now();
    }
    ExceptionContinueSearch
}

/// EXCEPTION_UNWINDING: destroy what this frame holds.
fn unwind_frame(f: &Frame, rec: &EXCEPTION_RECORD, dc: &DISPATCHER_CONTEXT) {
    let target = rec.ExceptionFlags & EXCEPTION_TARGET_UNWIND != 0;
    if let (Some(_), true) = (f.funclet, target) {
        // A try block inside this catch block catches: its states only; the catch goes on.
        let to = if our_consolidate(rec) {
            rec.ExceptionInformation[CR_TRY_LOW] as i32
        } else {
            f.func.state_at((dc.TargetIp as usize).wrapping_sub(f.base) as u32)
        };
        f.local_unwind(f.pc_state(), to);
        return;
    }
    if let Some(start) = f.funclet {
        // A catch block left by an exception: its locals, then the catch itself.
        let to = f.in_catch.map_or(-1, |(tb, _)| tb.try_high);
        f.local_unwind(f.pc_state(), to);
        let propagating = if our_consolidate(rec) {
            // SAFETY: the record the catching handler keeps alive while it unwinds.
            let r = unsafe { &*(rec.ExceptionInformation[CR_RECORD] as *const EXCEPTION_RECORD) };
            if is_cxx(r) { r.ExceptionInformation[1] } else { 0 }
        } else {
            0
        };
        end_catch(f.orig, start, propagating);
        return;
    }
    if target {
        if our_consolidate(rec) {
            // The frame that catches: unwind its try block, then record the state the
            // catch block runs in (the try block's parent).
            let try_low = rec.ExceptionInformation[CR_TRY_LOW] as i32;
            f.local_unwind(f.current_state(), try_low);
            f.set_state(f.func.parent(try_low));
        } else {
            // A plain unwind to a place in this function (longjmp, RtlUnwind).
            let target = f.func.state_at((dc.TargetIp as usize).wrapping_sub(f.base) as u32);
            f.local_unwind(f.current_state(), target);
        }
    } else {
        f.local_unwind(f.current_state(), -1);
        if f.func.version >= 4 {
            state::set_frame_state(f.orig, None);
        }
    }
}

/// A catch block ended: forget it, and destroy its exception object unless it goes on (a
/// rethrow) or another running catch block holds it.
fn end_catch(frame: usize, funclet: usize, propagating: usize) {
    let Some((record, shared)) = state::end_catch(frame, funclet) else { return };
    if is_cxx(&record) && !shared && record.ExceptionInformation[1] != propagating {
        throw::destroy_object(&record);
    }
}

/// The consolidate callback: runs once RtlUnwindEx has unwound to the catching frame; calls
/// the catch funclet and returns where execution continues.
///
/// # Safety
/// Called by RtlRestoreContext with the record built by [`handle`].
pub unsafe extern "win64" fn call_catch_block(rec: *mut EXCEPTION_RECORD) -> usize {
    // SAFETY: our record; the caught exception's record lives in the handler's frame below.
    let info = unsafe { (*rec).ExceptionInformation };
    let caught = unsafe { *(info[CR_RECORD] as *const EXCEPTION_RECORD) };
    let frame = info[CR_FRAME];
    let funclet = info[CR_FUNCLET];
    state::begin_catch(ActiveCatch {
        record: Box::new(caught),
        context: info[CR_CONTEXT] as *mut CONTEXT,
        frame,
        funclet,
    });
    state::processing_throw(-1);
    // SAFETY: the catch funclet of the function whose frame is `frame`.
    let ret = unsafe { call_funclet(funclet, frame) };
    end_catch(frame, funclet, 0);
    // The catch block is over: the function's state is its pc's again.
    // SAFETY: as in `handle`.
    let func = unsafe {
        super::tables(info[CR_FUNCINFO], info[CR_IMAGE_BASE], info[CR_VERSION] as u32, info[CR_FUNC_RVA] as u32)
    };
    if let Ok(func) = func {
        if let Some(o) = func.unwind_help {
            unsafe { *(frame.wrapping_add(o as isize as usize) as *mut i64) = UNWIND_HELP_PC as i64 };
        }
        if func.version >= 4 {
            state::set_frame_state(frame, None);
            let h = &func.try_blocks[info[CR_TRY_INDEX]].handlers[info[CR_HANDLER_INDEX]];
            // FH4: with two continuations the funclet returns which one (0 or 1); with one,
            // that is where execution continues; with none, the funclet returns the address.
            match h.continuations.len() {
                2 => return h.continuations[ret.min(1)],
                1 => return h.continuations[0],
                _ => {}
            }
        }
    }
    ret
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use windows_sys::Win32::System::Diagnostics::Debug::IMAGE_RUNTIME_FUNCTION_ENTRY;

    thread_local! {
        static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }
    fn log(s: String) {
        LOG.with(|l| l.borrow_mut().push(s));
    }
    fn take_log() -> Vec<String> {
        LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
    }

    const CONT: usize = 0x1234_5678;
    unsafe extern "win64" fn cleanup_a(_: usize, frame: usize) -> usize {
        log(format!("cleanup A {:#x}", unsafe { *((frame + 0x40) as *const u64) }));
        0
    }
    unsafe extern "win64" fn catch_int(_: usize, frame: usize) -> usize {
        let r = unsafe { *((frame + 0x28) as *const *const i32) };
        log(format!("catch int& {}", unsafe { *r }));
        assert!(state::current().is_some(), "the exception is current in the catch block");
        CONT
    }
    unsafe extern "win64" fn catch_all(_: usize, _frame: usize) -> usize {
        log("catch ...".into());
        CONT + 1
    }
    unsafe extern "win64" fn thrown_dtor(obj: usize) {
        log(format!("dtor {}", unsafe { *(obj as *const i32) }));
    }

    /// Tables in a static of the test binary, so that the funclets above have RVAs from a
    /// common image base (as in a real image).
    static mut TABLES: [u8; 0x400] = [0; 0x400];

    struct Fake {
        base: usize,
        funcinfo_rva: u32,
        throw_info: usize,
        rf: IMAGE_RUNTIME_FUNCTION_ENTRY,
    }

    fn fake(eh_flags: u32) -> Fake {
        let t = &raw mut TABLES as usize;
        let fns = [cleanup_a as *const () as usize, catch_int as *const () as usize, catch_all as *const () as usize, thrown_dtor as *const () as usize];
        let base = (fns.iter().copied().chain([t]).min().unwrap() & !0xfff) - 0x10000;
        let r = |a: usize| (a - base) as i32;
        let put = |at: usize, w: &[i32]| {
            for (i, v) in w.iter().enumerate() {
                unsafe { *((t + at + 4 * i) as *mut i32) = *v };
            }
        };
        let put_bytes = |at: usize, b: &[u8]| unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), (t + at) as *mut u8, b.len()) };
        // FuncInfo v3 at +0x10: 3 states, unwind map +0x40, 1 try block +0x60, 3 ip entries
        // +0x100, UnwindHelp at frame+0x38.
        put(0x10, &[EH_MAGIC_3 as i32, 3, r(t + 0x40), 1, r(t + 0x60), 3, r(t + 0x100), 0x38, 0, eh_flags as i32]);
        put(0x40, &[-1, 0, 0, r(fns[0]), -1, 0]);
        put(0x60, &[0, 1, 2, 2, r(t + 0x80)]);
        put(0x80, &[HT_IS_REFERENCE as i32, r(t + 0x180), 0x28, r(fns[1]), 0x30]);
        put(0x94, &[0, 0, 0, r(fns[2]), 0x30]);
        // The function is at RVA 0x1000: state 0 from 0x1000, 1 from 0x1010, -1 from 0x1030.
        put(0x100, &[0x1000, 0, 0x1010, 1, 0x1030, -1]);
        // The catch clause's TypeDescriptor for int, and the thrower's (another copy).
        put_bytes(0x190, b".H\0");
        put_bytes(0x1d0, b".H\0");
        // ThrowInfo at +0x200: dtor, catchable types at +0x220: 1 type at +0x240.
        put(0x200, &[0, r(fns[3]), 0, r(t + 0x220)]);
        put(0x220, &[1, r(t + 0x240)]);
        put(0x240, &[CT_IS_SIMPLE_TYPE as i32, r(t + 0x1c0), 0, -1, 0, 4, 0]);
        let mut rf: IMAGE_RUNTIME_FUNCTION_ENTRY = unsafe { std::mem::zeroed() };
        rf.BeginAddress = 0x1000;
        rf.EndAddress = 0x1040;
        Fake { base, funcinfo_rva: r(t + 0x10) as u32, throw_info: t + 0x200, rf }
    }

    fn dispatcher(f: &mut Fake, pc_rva: usize, handler_data: &u32) -> DISPATCHER_CONTEXT {
        let mut dc: DISPATCHER_CONTEXT = unsafe { std::mem::zeroed() };
        dc.ControlPc = (f.base + pc_rva) as u64;
        dc.ImageBase = f.base as u64;
        dc.FunctionEntry = &mut f.rf;
        dc.HandlerData = handler_data as *const u32 as *mut std::ffi::c_void;
        dc
    }

    fn cxx_record(obj: &i32, f: &Fake) -> EXCEPTION_RECORD {
        let mut rec: EXCEPTION_RECORD = unsafe { std::mem::zeroed() };
        rec.ExceptionCode = CXX_EXCEPTION as i32;
        rec.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
        rec.NumberParameters = 4;
        rec.ExceptionInformation[0] = EH_MAGIC_1 as usize;
        rec.ExceptionInformation[1] = obj as *const i32 as usize;
        rec.ExceptionInformation[2] = f.throw_info;
        rec.ExceptionInformation[3] = f.base;
        rec
    }

    /// Run the handler's search; `then` runs in place of RtlUnwindEx (while the handler's
    /// frame is live, as with the real one) with the consolidate record. Returns whether the
    /// handler unwound.
    fn search_then(
        rec: &mut EXCEPTION_RECORD,
        frame: usize,
        dc: &mut DISPATCHER_CONTEXT,
        then: impl FnMut(&mut EXCEPTION_RECORD) + 'static,
    ) -> bool {
        let hit = std::rc::Rc::new(std::cell::Cell::new(false));
        let h2 = hit.clone();
        let mut then = then;
        sys::UNWIND_HOOK.with(|h| {
            *h.borrow_mut() = Some(Box::new(move |target, cr: &EXCEPTION_RECORD| {
                assert_eq!(target, frame);
                h2.set(true);
                let mut cr = *cr;
                then(&mut cr);
            }))
        });
        let r = unsafe { super::super::frame_handler(rec, frame, std::ptr::null_mut(), dc, false) };
        assert_eq!(r, ExceptionContinueSearch);
        sys::UNWIND_HOOK.with(|h| *h.borrow_mut() = None);
        hit.get()
    }

    /// The search alone: the consolidate record, if it unwound.
    fn search(rec: &mut EXCEPTION_RECORD, frame: usize, dc: &mut DISPATCHER_CONTEXT) -> Option<EXCEPTION_RECORD> {
        let got = std::rc::Rc::new(RefCell::new(None));
        let g = got.clone();
        search_then(rec, frame, dc, move |cr| *g.borrow_mut() = Some(*cr));
        got.borrow_mut().take()
    }

    #[test]
    fn catches_by_reference_unwinds_and_runs_the_catch_block() {
        let mut f = fake(0);
        let data = f.funcinfo_rva;
        let mut frame = [0u64; 16];
        frame[7] = -2i64 as u64; // UnwindHelp at +0x38
        frame[8] = 0xa; // "object A" at +0x40
        let fp = frame.as_mut_ptr() as usize;
        let obj = 42i32;
        let mut rec = cxx_record(&obj, &f);
        let mut dc = dispatcher(&mut f, 0x1018, &data);
        let dcp = &mut dc as *mut DISPATCHER_CONTEXT;
        let ret = std::rc::Rc::new(std::cell::Cell::new(0));
        let r2 = ret.clone();
        let caught = search_then(&mut rec, fp, &mut dc, move |cr| {
            assert!(our_consolidate(cr));
            assert_eq!(cr.ExceptionInformation[CR_FUNCLET], catch_int as *const () as usize);
            assert_eq!(cr.ExceptionInformation[CR_TRY_LOW], 0);
            // RtlUnwindEx calls the target frame's handler with EXCEPTION_TARGET_UNWIND.
            cr.ExceptionFlags |= EXCEPTION_UNWINDING | EXCEPTION_TARGET_UNWIND;
            unsafe { super::super::frame_handler(cr, fp, std::ptr::null_mut(), dcp, false) };
            assert_eq!(take_log(), ["cleanup A 0xa"]);
            assert_eq!(unsafe { *((fp + 0x38) as *const i32) }, -1, "the catch runs in the try block's parent state");
            // Then the consolidate callback runs the catch funclet.
            r2.set(unsafe { call_catch_block(cr) });
        });
        assert!(caught);
        assert_eq!(frame[5] as usize, &obj as *const i32 as usize, "the reference is in the catch slot");
        assert_eq!(ret.get(), CONT);
        assert_eq!(take_log(), ["catch int& 42", "dtor 42"]);
        assert_eq!(frame[7] as i64, -2, "UnwindHelp reset after the catch");
        assert!(state::current().is_none());
    }

    #[test]
    fn seh_exceptions_reach_only_catch_all_and_not_under_ehs() {
        let mut f = fake(0);
        let data = f.funcinfo_rva;
        let mut frame = [0u64; 16];
        frame[7] = -2i64 as u64;
        let fp = frame.as_mut_ptr() as usize;
        let mut rec: EXCEPTION_RECORD = unsafe { std::mem::zeroed() };
        rec.ExceptionCode = 0xC000_0005u32 as i32;
        let mut dc = dispatcher(&mut f, 0x1004, &data);
        let cr = search(&mut rec, fp, &mut dc).expect("catch(...) takes it");
        assert_eq!(cr.ExceptionInformation[CR_FUNCLET], catch_all as *const () as usize);

        let mut f = fake(FI_EHS_FLAG);
        let mut dc = dispatcher(&mut f, 0x1004, &data);
        assert!(search(&mut rec, fp, &mut dc).is_none(), "/EHs: no SEH exceptions");
        // Outside the try block nothing catches, and unwinding destroys A.
        let obj = 1i32;
        let mut rec = cxx_record(&obj, &f);
        let mut dc = dispatcher(&mut f, 0x1030, &data);
        assert!(search(&mut rec, fp, &mut dc).is_none());
        let mut dc = dispatcher(&mut f, 0x1018, &data);
        rec.ExceptionFlags |= EXCEPTION_UNWINDING;
        unsafe { *((fp + 0x40) as *mut u64) = 0xb };
        unsafe { super::super::frame_handler(&mut rec, fp, std::ptr::null_mut(), &mut dc, false) };
        assert_eq!(take_log(), ["cleanup A 0xb"]);
        take_log();
    }

    #[test]
    fn rethrow_uses_the_exception_being_handled() {
        let mut f = fake(0);
        let data = f.funcinfo_rva;
        let mut frame = [0u64; 16];
        frame[7] = -2i64 as u64;
        let fp = frame.as_mut_ptr() as usize;
        let obj = 7i32;
        let caught = cxx_record(&obj, &f);
        state::begin_catch(ActiveCatch { record: Box::new(caught), context: std::ptr::null_mut(), frame: 1, funclet: 2 });
        let mut rec = cxx_record(&obj, &f);
        rec.ExceptionInformation[1] = 0;
        rec.ExceptionInformation[2] = 0;
        let mut dc = dispatcher(&mut f, 0x1004, &data);
        let cr = search(&mut rec, fp, &mut dc).expect("caught");
        assert_eq!(cr.ExceptionInformation[CR_FUNCLET], catch_int as *const () as usize);
        assert_eq!(frame[5] as usize, &obj as *const i32 as usize);
        // The object stays alive while an enclosing catch block holds it.
        assert!(state::is_caught(&obj as *const i32 as usize));
        let (_, shared) = state::end_catch(1, 2).unwrap();
        assert!(!shared);
    }
}
