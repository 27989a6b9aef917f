//! The flight recorder: each thread's last 32 calls into builtin DLLs, always on, for crash
//! reports (`loader/src/crash.rs`).
//!
//! The code `#[export]` generates calls [`record`] with the export's static [`Site`] on every
//! call: a thread-local ring of 32 pointers and a counter, written with two plain stores
//! (no atomics, no branches, no calls, no allocation). Only the thread itself reads its ring,
//! from its crash handler, so no synchronisation is needed.

use crate::relay::Site;

/// How many calls each thread remembers.
pub const DEPTH: usize = 32;

// The ring: the call count (u64), then DEPTH pointers to `Site`s, zero in every thread, in a
// block reached without a call (see `fast_tls`).
crate::fast_thread_local!(fn ring_block() -> *mut [usize; 33] = "wine_rs_flight_ring";);
const _: () = assert!(DEPTH == 32, "the assembly above assumes 32 slots");

/// Remember a call to `site` on this thread: six instructions, no call, no branch.
#[inline(always)]
pub fn record(site: &'static Site) {
    // SAFETY: writes only this thread's ring (the TLS block exists for every thread).
    unsafe {
        core::arch::asm!(
            "mov {t}, qword ptr [rip + wine_rs_flight_ring@GOTTPOFF]",
            "mov {n}, qword ptr fs:[{t}]",
            "mov {i:e}, {n:e}",
            "and {i:e}, 31",
            "mov qword ptr fs:[{t} + {i}*8 + 8], {s}",
            "inc {n}",
            "mov qword ptr fs:[{t}], {n}",
            s = in(reg) site,
            t = out(reg) _,
            n = out(reg) _,
            i = out(reg) _,
            options(nostack),
        )
    }
}

/// This thread's ring.
fn ring() -> *const usize {
    ring_block() as *const usize
}

/// This thread's recorded calls, oldest first (at most [`DEPTH`]), and how many calls were
/// recorded in total. Allocation-free, so a signal handler may call it.
pub fn recent(out: &mut [Option<&'static Site>; DEPTH]) -> (usize, usize) {
    let r = ring();
    // SAFETY: the ring is this thread's: a count and DEPTH slots holding null or pointers to
    // `&'static Site`s (written only by `record`).
    unsafe {
        let total = r.read_volatile();
        let n = total.min(DEPTH);
        for (i, o) in out.iter_mut().enumerate().take(n) {
            let slot = (total - n + i) % DEPTH;
            *o = (r.add(1 + slot).read_volatile() as *const Site).as_ref();
        }
        (n, total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static A: Site = Site::new("KERNEL32", "A");
    static B: Site = Site::new("msvcrt", "B");

    #[test]
    fn ring_keeps_the_last_32_in_order() {
        std::thread::spawn(|| {
            let mut out = [None; DEPTH];
            assert_eq!(recent(&mut out), (0, 0));
            record(&A);
            record(&B);
            assert_eq!(recent(&mut out), (2, 2));
            assert_eq!(out[0].unwrap().name, "A");
            assert_eq!(out[1].unwrap().name, "B");
            for _ in 0..40 {
                record(&A);
            }
            record(&B);
            let (n, total) = recent(&mut out);
            assert_eq!((n, total), (32, 43));
            assert!(out[..31].iter().all(|s| s.unwrap().name == "A"));
            assert_eq!(out[31].unwrap().name, "B");
        })
        .join()
        .unwrap();
    }
}
