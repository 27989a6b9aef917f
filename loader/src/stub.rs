//! Stubs for imports no DLL implements. Each import binds to a small trampoline that knows its
//! `DLL.Function` name; calling it reports the name and the caller and ends the process.
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
    let handler = unimplemented_called as *const () as u64;
    let mut code = Vec::with_capacity(STUB_SIZE);
    code.extend_from_slice(&[0x48, 0xB9]); // mov rcx, imm64
    code.extend_from_slice(&(info as u64).to_le_bytes());
    code.extend_from_slice(&[0x48, 0x8B, 0x14, 0x24]); // mov rdx, [rsp]
    code.extend_from_slice(&[0x48, 0xB8]); // mov rax, imm64
    code.extend_from_slice(&handler.to_le_bytes());
    code.extend_from_slice(&[0xFF, 0xE0]); // jmp rax
    code.resize(STUB_SIZE, 0xCC);
    // SAFETY: [at, at+32) is ours and writable.
    unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), at as *mut u8, STUB_SIZE) };
    at
}

/// Where an unimplemented stub lands: report and terminate.
extern "win64" fn unimplemented_called(info: *const StubInfo, ret: usize) -> ! {
    // SAFETY: the stub passes the leaked StubInfo it was made with.
    let info = unsafe { &*info };
    let from = match dllcore::loader_api::try_loader().and_then(|l| l.describe_address(ret)) {
        Some((m, off)) => format!("{m}+{off:#x}"),
        None => format!("{ret:#x}"),
    };
    let msg = format!("wine-rs: unimplemented function {}.{} called from {from}\n", info.dll, info.func);
    crate::modules::flush_builtins();
    // SAFETY: writing a valid buffer to fd 2, then terminating.
    unsafe {
        libc::write(2, msg.as_ptr() as *const _, msg.len());
        libc::_exit(EXIT_UNIMPLEMENTED)
    }
}
