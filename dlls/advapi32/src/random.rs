//! SystemFunction036 (RtlGenRandom): random bytes from the host's getrandom(2).

use dllcore::export;

/// SystemFunction036 (RtlGenRandom): fill `len` bytes with cryptographically random data;
/// TRUE (1) on success. Reads getrandom(2), which blocks only before the host's pool is seeded.
#[export]
pub unsafe extern "win64" fn SystemFunction036(buf: *mut u8, len: u32) -> u8 {
    if len == 0 {
        return 1;
    }
    if buf.is_null() {
        return 0;
    }
    let mut done = 0usize;
    while done < len as usize {
        // SAFETY: the program passes `len` writable bytes.
        let r = unsafe { libc::getrandom(buf.add(done) as *mut libc::c_void, len as usize - done, 0) };
        if r < 0 {
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return 0;
        }
        done += r as usize;
    }
    1
}
