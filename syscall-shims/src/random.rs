//! Cryptographically random bytes, for every Windows API that hands them out (RtlGenRandom,
//! BCryptGenRandom, ProcessPrng, the CRT's rand_s): the host's getrandom(2).

/// Fill `buf` with random bytes from getrandom(2) (which blocks only until the host's pool is
/// first seeded). False only if the host refuses (no getrandom: a kernel older than 3.17).
pub fn fill(buf: &mut [u8]) -> bool {
    let mut done = 0usize;
    while done < buf.len() {
        // SAFETY: writes within `buf`.
        let r = unsafe { libc::getrandom(buf[done..].as_mut_ptr() as *mut libc::c_void, buf.len() - done, 0) };
        if r < 0 {
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return false;
        }
        done += r as usize;
    }
    true
}

#[cfg(test)]
mod tests {
    #[test]
    fn fills_with_varied_bytes() {
        let mut a = [0u8; 4096];
        assert!(super::fill(&mut a));
        let distinct: std::collections::HashSet<u8> = a.iter().copied().collect();
        assert!(distinct.len() > 200, "4096 random bytes take most values: {}", distinct.len());
        assert!(super::fill(&mut []));
    }
}
