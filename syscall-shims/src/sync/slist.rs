//! The interlocked singly linked list (SLIST_HEADER, x64 layout): a 16-byte, 16-byte aligned
//! header changed with one `lock cmpxchg16b`.
//!
//! The first 8 bytes hold the depth (bits 0-15) and a sequence number (bits 16-63) that every
//! change increments, so a pop that raced with a pop and a push of the same entry fails its
//! compare-exchange (the ABA problem); the second 8 bytes hold the first entry's address, whose
//! low four bits are always zero (entries are 16-byte aligned) and hold header flags instead
//! (bit 0: the 16-byte header type, as Windows and Wine set it). Each entry's first 8 bytes
//! point at the next entry.
//! Windows survives a pop that reads an entry another thread has just popped and freed (its
//! fault handler restarts the pop); here that read would crash.

use std::arch::asm;

/// The header's flag bits (kept across every change).
const FLAGS: u64 = 0xf;
/// "16-byte header", set by InitializeSListHead.
const HEADER16: u64 = 1;

/// Compare the 16 bytes at `p` with `old` and, if equal, store `new`; Err(current) otherwise.
///
/// # Safety
/// `p` must be 16-byte aligned and valid for reads and writes of 16 bytes.
#[inline]
unsafe fn cas16(p: *mut u64, old: (u64, u64), new: (u64, u64)) -> Result<(), (u64, u64)> {
    let (mut lo, mut hi) = old;
    let ok: u8;
    // SAFETY: per the contract. RBX cannot be named as an operand (LLVM reserves it, and may
    // still hand it out for a `reg` operand): it is swapped with RSI around the instruction,
    // and the address is pinned to RDI so that it is never RBX.
    unsafe {
        asm!(
            "xchg rsi, rbx",
            "lock cmpxchg16b xmmword ptr [rdi]",
            "mov rbx, rsi",
            "sete {ok}",
            in("rdi") p,
            inout("rsi") new.0 => _,
            ok = out(reg_byte) ok,
            in("rcx") new.1,
            inout("rax") lo,
            inout("rdx") hi,
            options(nostack),
        );
    }
    if ok != 0 { Ok(()) } else { Err((lo, hi)) }
}

/// # Safety
/// `p` must point at a 16-byte aligned SLIST_HEADER.
#[inline]
unsafe fn read(p: *const u64) -> (u64, u64) {
    // SAFETY: per the contract. A torn read only makes the following compare-exchange fail.
    unsafe { (std::ptr::read_volatile(p), std::ptr::read_volatile(p.add(1))) }
}

fn next_lo(lo: u64, depth_delta: i32) -> u64 {
    let depth = ((lo & 0xffff) as i32 + depth_delta) as u64 & 0xffff;
    let seq = (lo >> 16).wrapping_add(1) & ((1 << 48) - 1);
    depth | seq << 16
}

/// InitializeSListHead.
///
/// # Safety
/// `head` must point at a writable, 16-byte aligned SLIST_HEADER.
pub unsafe fn init(head: *mut u64) {
    // SAFETY: per the contract.
    unsafe {
        head.write_volatile(0);
        head.add(1).write_volatile(HEADER16);
    }
}

/// The first entry (RtlFirstEntrySList), or 0.
///
/// # Safety
/// `head` must point at an initialised SLIST_HEADER.
pub unsafe fn first(head: *const u64) -> u64 {
    // SAFETY: per the contract.
    unsafe { read(head).1 & !FLAGS }
}

/// QueryDepthSList: the number of entries (modulo 65536, as on Windows).
///
/// # Safety
/// `head` must point at an initialised SLIST_HEADER.
pub unsafe fn depth(head: *const u64) -> u16 {
    // SAFETY: per the contract.
    unsafe { read(head).0 as u16 }
}

/// InterlockedPushListSListEx: push the chain `first`..`last` (linked through their first 8
/// bytes) of `count` entries; returns the previous first entry. InterlockedPushEntrySList is
/// a chain of one.
///
/// # Safety
/// `head` must point at an initialised SLIST_HEADER, the entries at 16-byte aligned
/// SLIST_ENTRYs the caller owns, linked from `first` to `last`.
pub unsafe fn push_list(head: *mut u64, first: u64, last: u64, count: u32) -> u64 {
    // SAFETY: per the contract.
    let mut cur = unsafe { read(head) };
    loop {
        let old_first = cur.1 & !FLAGS;
        // SAFETY: `last` is the caller's entry.
        unsafe { (last as *mut u64).write_volatile(old_first) };
        let new = (next_lo(cur.0, count as i32), first | (cur.1 & FLAGS));
        // SAFETY: per the contract.
        match unsafe { cas16(head, cur, new) } {
            Ok(()) => return old_first,
            Err(now) => cur = now,
        }
    }
}

/// InterlockedPopEntrySList: take the first entry (0 when empty).
///
/// # Safety
/// `head` must point at an initialised SLIST_HEADER whose entries stay readable while listed.
pub unsafe fn pop(head: *mut u64) -> u64 {
    // SAFETY: per the contract.
    let mut cur = unsafe { read(head) };
    loop {
        let first = cur.1 & !FLAGS;
        if first == 0 {
            return 0;
        }
        // SAFETY: a listed entry (see the module note on entries freed meanwhile).
        let next = unsafe { (first as *const u64).read_volatile() };
        let new = (next_lo(cur.0, -1), next | (cur.1 & FLAGS));
        // SAFETY: per the contract.
        match unsafe { cas16(head, cur, new) } {
            Ok(()) => return first,
            Err(now) => cur = now,
        }
    }
}

/// InterlockedFlushSList: empty the list; returns its first entry (the chain is intact).
///
/// # Safety
/// `head` must point at an initialised SLIST_HEADER.
pub unsafe fn flush(head: *mut u64) -> u64 {
    // SAFETY: per the contract.
    let mut cur = unsafe { read(head) };
    loop {
        let first = cur.1 & !FLAGS;
        if first == 0 {
            return 0;
        }
        let new = ((cur.0 & !0xffff).wrapping_add(1 << 16), cur.1 & FLAGS);
        // SAFETY: per the contract.
        match unsafe { cas16(head, cur, new) } {
            Ok(()) => return first,
            Err(now) => cur = now,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[repr(C, align(16))]
    struct Head([u64; 2]);
    #[repr(C, align(16))]
    struct Entry {
        next: u64,
        value: u64,
    }

    #[test]
    fn push_pop_flush() {
        let mut h = Head([7, 7]);
        let hp = h.0.as_mut_ptr();
        unsafe { init(hp) };
        assert_eq!(h.0, [0, 1]);
        let mut es: Vec<Box<Entry>> = (0..3).map(|i| Box::new(Entry { next: 0, value: i })).collect();
        for e in &mut es {
            unsafe { push_list(hp, &mut **e as *mut Entry as u64, &mut **e as *mut Entry as u64, 1) };
        }
        assert_eq!(unsafe { depth(hp) }, 3);
        let top = unsafe { pop(hp) } as *const Entry;
        assert_eq!(unsafe { (*top).value }, 2, "last in, first out");
        assert_eq!(unsafe { depth(hp) }, 2);
        let chain = unsafe { flush(hp) } as *const Entry;
        assert_eq!(unsafe { ((*chain).value, (*((*chain).next as *const Entry)).value) }, (1, 0));
        assert_eq!(unsafe { (depth(hp), first(hp), pop(hp)) }, (0, 0, 0));
        assert_eq!(h.0[1] & FLAGS, HEADER16, "flags survive");
    }

    #[test]
    fn concurrent_push_pop_keeps_every_entry() {
        const PER: usize = 20_000;
        struct SharedHead(std::cell::UnsafeCell<Head>);
        unsafe impl Sync for SharedHead {}
        unsafe impl Send for SharedHead {}
        let head = Arc::new(SharedHead(std::cell::UnsafeCell::new(Head([0, 0]))));
        let hp = unsafe { (*head.0.get()).0.as_mut_ptr() } as usize;
        unsafe { init(hp as *mut u64) };
        // Entries live for the whole test (popped entries are pushed back, never freed).
        let entries: Vec<Entry> = (0..64).map(|i| Entry { next: 0, value: i }).collect();
        let entries = Arc::new(entries);
        for e in entries.iter() {
            let p = e as *const Entry as u64;
            unsafe { push_list(hp as *mut u64, p, p, 1) };
        }
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let (_h, _e) = (head.clone(), entries.clone());
                std::thread::spawn(move || {
                    for _ in 0..PER {
                        let p = unsafe { pop(hp as *mut u64) };
                        if p != 0 {
                            unsafe { push_list(hp as *mut u64, p, p, 1) };
                        }
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let mut seen = 0u64;
        let mut n = 0;
        loop {
            let p = unsafe { pop(hp as *mut u64) } as *const Entry;
            if p.is_null() {
                break;
            }
            seen |= 1 << unsafe { (*p).value };
            n += 1;
        }
        assert_eq!((n, seen), (64, u64::MAX));
    }
}
