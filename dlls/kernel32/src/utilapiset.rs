//! utilapiset.h: pointer encoding (EncodePointer, DecodePointer), which programs and C
//! runtimes use to keep function pointers in memory in a form an attacker cannot forge.

use dllcore::export;
use std::sync::LazyLock;

/// The process's secret: random per process, as on Windows (which keeps it in the kernel).
static COOKIE: LazyLock<usize> = LazyLock::new(|| {
    let mut c = [0u8; 8];
    let ok = syscall_shims::random::fill(&mut c);
    let v = usize::from_ne_bytes(c);
    if ok && v != 0 { v } else { (syscall_shims::time::monotonic_ns() as usize) ^ 0x9e37_79b9_7f4a_7c15 }
});

fn encode(p: usize) -> usize {
    let c = *COOKIE;
    (p ^ c).rotate_right((c & 63) as u32)
}

fn decode(p: usize) -> usize {
    let c = *COOKIE;
    p.rotate_left((c & 63) as u32) ^ c
}

/// EncodePointer: `p` combined with a per-process secret (XOR, then a rotation by part of the
/// secret); DecodePointer gives it back. NULL does not encode to NULL.
#[export]
pub extern "win64" fn EncodePointer(p: usize) -> usize {
    encode(p)
}

/// DecodePointer: the inverse of EncodePointer.
#[export]
pub extern "win64" fn DecodePointer(p: usize) -> usize {
    decode(p)
}

/// EncodeSystemPointer: as EncodePointer, with the system's secret (here the same one).
#[export]
pub extern "win64" fn EncodeSystemPointer(p: usize) -> usize {
    encode(p)
}

/// DecodeSystemPointer: the inverse of EncodeSystemPointer.
#[export]
pub extern "win64" fn DecodeSystemPointer(p: usize) -> usize {
    decode(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for p in [0usize, 1, 0x1234_5678_9abc, usize::MAX] {
            assert_eq!(DecodePointer(EncodePointer(p)), p);
        }
        assert_ne!(EncodePointer(0x1000), 0x1000);
    }
}
