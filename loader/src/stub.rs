//! Stubs for imports no DLL implements. Each import binds to a small trampoline that knows its
//! `DLL.Function` name; calling it reports the name and the caller, a backtrace and the thread's
//! last API calls (`crash.rs`), and ends the process.
//! An import that is never called costs nothing but the trampoline's 32 bytes.

use std::sync::Mutex;

/// Exit code of a process that called an unimplemented function.
pub const EXIT_UNIMPLEMENTED: i32 = 127;

struct StubInfo {
    dll: String,
    func: String,
}

struct Arena {
    cur: usize,
    left: usize,
}

static ARENA: Mutex<Arena> = Mutex::new(Arena { cur: 0, left: 0 });
const STUB_SIZE: usize = 32;

/// Make a stub for `dll.func` and return its address.
pub fn make_stub(dll: &str, func: &str) -> usize {
    let info = Box::leak(Box::new(StubInfo { dll: dll.to_string(), func: func.to_string() })) as *const StubInfo;
    let mut a = ARENA.lock().unwrap_or_else(|e| e.into_inner());
    if a.left < STUB_SIZE {
        let size = 0x10000;
        // SAFETY: a fresh anonymous mapping for generated code.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                size,
                libc::PROT_READ | libc::PROT_WRITE | libc::PROT_EXEC,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        assert!(p != libc::MAP_FAILED, "cannot allocate stub memory");
        a.cur = p as usize;
        a.left = size;
    }
    let at = a.cur;
    a.cur += STUB_SIZE;
    a.left -= STUB_SIZE;
    let handler = stub_entry as *const () as u64;
    let mut code = Vec::with_capacity(STUB_SIZE);
    code.extend_from_slice(&[0x48, 0xB9]); // mov rcx, imm64
    code.extend_from_slice(&(info as u64).to_le_bytes());
    code.extend_from_slice(&[0x48, 0xB8]); // mov rax, imm64
    code.extend_from_slice(&handler.to_le_bytes());
    code.extend_from_slice(&[0xFF, 0xE0]); // jmp rax
    code.resize(STUB_SIZE, 0xCC);
    // SAFETY: [at, at+32) is ours and writable.
    unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), at as *mut u8, STUB_SIZE) };
    at
}

/// Where a stub jumps, with RCX = its StubInfo and RSP pointing at the caller's return
/// address: save the caller's registers (for the backtrace) and call [`unimplemented_called`]
/// with RCX = info, RDX = the 16 saved registers (by x64 number; RSP as it was at the stub).
#[unsafe(naked)]
unsafe extern "win64" fn stub_entry() {
    core::arch::naked_asm!(
        // At entry rsp = 8 (mod 16). 184 bytes: 32 of shadow space, 16 registers at +48.
        "sub rsp, 184",
        "mov [rsp+48], rax",
        "mov [rsp+56], rcx",
        "mov [rsp+64], rdx",
        "mov [rsp+72], rbx",
        "lea rax, [rsp+184]",
        "mov [rsp+80], rax",
        "mov [rsp+88], rbp",
        "mov [rsp+96], rsi",
        "mov [rsp+104], rdi",
        "mov [rsp+112], r8",
        "mov [rsp+120], r9",
        "mov [rsp+128], r10",
        "mov [rsp+136], r11",
        "mov [rsp+144], r12",
        "mov [rsp+152], r13",
        "mov [rsp+160], r14",
        "mov [rsp+168], r15",
        "lea rdx, [rsp+48]",
        "call {handler}",
        "ud2",
        handler = sym unimplemented_called,
    )
}

/// Where an unimplemented stub lands: report the function, the caller, a backtrace and the
/// thread's last API calls (`crash.rs`), flush the CRT and terminate with 127.
extern "win64" fn unimplemented_called(info: *const StubInfo, gprs: *const [u64; 16]) -> ! {
    // SAFETY: the stub passes the leaked StubInfo it was made with; stub_entry the registers.
    let (info, gprs) = unsafe { (&*info, *gprs) };
    let entry_rsp = gprs[dllcore::unwind::RSP];
    // SAFETY: the stub was called: [rsp] is the return address.
    let ret = unsafe { *(entry_rsp as *const u64) } as usize;
    let from = match dllcore::loader_api::try_loader().and_then(|l| l.describe_address(ret)) {
        Some((m, off)) => format!("{m}+{off:#x}"),
        None => format!("{ret:#x}"),
    };
    let mut msg = format!("wine-rs: unimplemented function {}.{} called from {from}\n", info.dll, info.func);
    let mut regs = dllcore::unwind::Regs { rip: ret as u64, gpr: gprs, ..Default::default() };
    regs.gpr[dllcore::unwind::RSP] = entry_rsp + 8;
    msg.push_str(&crate::crash::unimplemented_report(regs));
    let _ = std::fmt::Write::write_fmt(
        &mut msg,
        format_args!("wine-rs: the process ends with exit code {EXIT_UNIMPLEMENTED}\n"),
    );
    crate::modules::flush_builtins();
    // SAFETY: writing a valid buffer to fd 2, then terminating.
    unsafe {
        libc::write(2, msg.as_ptr() as *const _, msg.len());
        libc::_exit(EXIT_UNIMPLEMENTED)
    }
}
