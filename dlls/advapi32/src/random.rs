//! SystemFunction036 (RtlGenRandom): random bytes from the host (`syscall_shims::random`).

use dllcore::export;

/// SystemFunction036 (RtlGenRandom): fill `len` bytes with cryptographically random data;
/// TRUE (1) on success.
#[export]
pub unsafe extern "win64" fn SystemFunction036(buf: *mut u8, len: u32) -> u8 {
    if len == 0 {
        return 1;
    }
    if buf.is_null() {
        return 0;
    }
    // SAFETY: the program passes `len` writable bytes.
    syscall_shims::random::fill(unsafe { std::slice::from_raw_parts_mut(buf, len as usize) }) as u8
}
