//! The fd table a C runtime parent hands to its child, in STARTUPINFO `lpReserved2`.
//!
//! When `_spawn*`, `_exec*` and `system` start a program, the Microsoft C
//! runtime passes its low-level I/O table through CreateProcess's `cbReserved2`/`lpReserved2`,
//! and a C runtime child rebuilds its table from GetStartupInfo's copy before anything uses an
//! fd: fd 3 opened by the parent is fd 3 in the child, with its text and append modes. The
//! block is
//!
//! | bytes | what |
//! |---|---|
//! | 4 | N, the number of fds described (little-endian) |
//! | N | each fd's flag byte (the `wxflag`/osfile bits: open 0x01, at EOF 0x02, CR-LF 0x04, pipe 0x08, not inherited 0x10, append 0x20, device 0x40, text 0x80) |
//! | 8 × N | each fd's HANDLE, unaligned |
//!
//! The parent describes fds 0 to its highest open fd; a closed fd, or one opened with
//! `_O_NOINHERIT`, is flag 0 and INVALID_HANDLE_VALUE. For `_P_DETACH` fds 0-2 are left out
//! too (the UCRT does so). `_popen` passes no table (as Wine 8: STARTF_USESTDHANDLES only).
//! The handles reach the child because the CRT creates them inheritable (all but
//! `_O_NOINHERIT` ones) and calls CreateProcess with bInheritHandles TRUE.
//!
//! The child takes an fd whose flags say open and whose handle is valid in it (Microsoft's CRT
//! asks GetFileType; here the handle must be in the handle table), with its flags but the
//! transient ones (at EOF, CR-LF). fds 0-2 not given become the standard handles, open in
//! text mode, as at any start. The Unicode text modes (`_O_U16TEXT`, …) are not in the block:
//! an inherited fd is ANSI.

use super::lowio::{FdInfo, MAX_FDS, WX_DONTINHERIT, WX_OPEN};

const HANDLE_SIZE: usize = std::mem::size_of::<usize>();
const INVALID: usize = usize::MAX;

/// The block describing `table` (fd → state, None: closed), for a child; fds 0-2 only when
/// `include_std`.
pub fn encode(table: &[Option<FdInfo>], include_std: bool) -> Vec<u8> {
    let count = table.iter().rposition(Option::is_some).map_or(0, |i| i + 1);
    let mut flags = Vec::with_capacity(count);
    let mut handles = Vec::with_capacity(count * HANDLE_SIZE);
    for (fd, info) in table[..count].iter().enumerate() {
        let passed = info
            .filter(|i| i.wxflag & (WX_OPEN | WX_DONTINHERIT) == WX_OPEN)
            .filter(|_| include_std || fd > 2);
        let (f, h) = passed.map_or((0, INVALID), |i| (i.wxflag, i.handle));
        flags.push(f);
        handles.extend_from_slice(&h.to_le_bytes());
    }
    let mut block = Vec::with_capacity(4 + flags.len() + handles.len());
    block.extend_from_slice(&(count as u32).to_le_bytes());
    block.extend(flags);
    block.extend(handles);
    block
}

/// The fds a block describes as open: (fd, flags, handle), in fd order. The handles start
/// after the N flag bytes the count declares; a block shorter than that is read as far as it
/// holds both an fd's flags and its handle. fds past [`MAX_FDS`] are ignored.
pub fn decode(block: &[u8]) -> Vec<(usize, u8, usize)> {
    let Some(count) = block.get(..4).and_then(|c| c.try_into().ok()).map(u32::from_le_bytes) else {
        return Vec::new();
    };
    let body = &block[4..];
    let count = count as usize;
    (0..count.min(MAX_FDS))
        .map_while(|fd| {
            let flags = *body.get(fd)?;
            let at = count + fd * HANDLE_SIZE;
            let handle = body.get(at..at + HANDLE_SIZE)?;
            Some((fd, flags, usize::from_le_bytes(handle.try_into().ok()?)))
        })
        .filter(|&(_, f, h)| f & WX_OPEN != 0 && h != INVALID)
        .collect()
}

/// The fds this process inherits from a C runtime parent: the entries of GetStartupInfo's
/// `lpReserved2` whose handles are valid here.
pub fn inherited() -> Vec<(usize, u8, usize)> {
    let Some(block) = syscall_shims::process::startup_reserved2() else { return Vec::new() };
    decode(block)
        .into_iter()
        .filter(|&(_, _, h)| syscall_shims::handles::get(h as windows_sys::Win32::Foundation::HANDLE).is_ok())
        .collect()
}

/// The block for a child started now: the current fd table (see the module comment).
pub fn block_for_child(include_std: bool) -> Vec<u8> {
    let open = super::lowio::open_fds();
    let len = open.last().map_or(0, |&(fd, _)| fd as usize + 1);
    let mut table = vec![None; len];
    for (fd, info) in open {
        table[fd as usize] = Some(info);
    }
    encode(&table, include_std)
}

#[cfg(test)]
mod tests {
    use super::super::lowio::{WX_APPEND, WX_PIPE, WX_TEXT, WX_TTY};
    use super::*;

    fn fd(handle: usize, wxflag: u8) -> Option<FdInfo> {
        let mut i = FdInfo::CLOSED;
        i.handle = handle;
        i.wxflag = wxflag;
        Some(i)
    }

    #[test]
    fn block_layout() {
        let table = [
            fd(0x10, WX_OPEN | WX_TEXT | WX_TTY),
            fd(0x14, WX_OPEN | WX_TEXT | WX_PIPE),
            None,
            fd(0x20, WX_OPEN | WX_TEXT | WX_APPEND),
            fd(0x24, WX_OPEN | WX_DONTINHERIT),
            fd(0x28, WX_OPEN),
            None,
            None,
        ];
        let b = encode(&table, true);
        // Trailing closed fds are not described.
        assert_eq!(b.len(), 4 + 6 * 9);
        assert_eq!(&b[..4], &6u32.to_le_bytes());
        assert_eq!(&b[4..10], &[0xc1, 0x89, 0, 0xa1, 0, 0x01]);
        let h = |k: usize| u64::from_le_bytes(b[10 + 8 * k..18 + 8 * k].try_into().unwrap());
        assert_eq!([h(0), h(1), h(2), h(3), h(4), h(5)], [0x10, 0x14, u64::MAX, 0x20, u64::MAX, 0x28]);
        assert_eq!(
            decode(&b),
            [(0, 0xc1, 0x10), (1, 0x89, 0x14), (3, 0xa1, 0x20), (5, 0x01, 0x28)],
            "closed and _O_NOINHERIT fds are not open in the child"
        );
        // Without the standard fds (_P_DETACH).
        let b = encode(&table, false);
        assert_eq!(&b[4..10], &[0, 0, 0, 0xa1, 0, 0x01]);
        assert_eq!(decode(&b), [(3, 0xa1, 0x20), (5, 0x01, 0x28)]);
        // Nothing open: a count of 0.
        assert_eq!(encode(&[None, None], true), 0u32.to_le_bytes());
    }

    #[test]
    fn odd_blocks() {
        assert!(decode(&[]).is_empty());
        assert!(decode(&[1, 0]).is_empty());
        // A count larger than the block: read what is there.
        let mut b = 3u32.to_le_bytes().to_vec();
        b.extend([0x01, 0x81, 0x01]);
        b.extend(0x40usize.to_le_bytes());
        b.extend(0x44usize.to_le_bytes());
        assert_eq!(decode(&b), [(0, 0x01, 0x40), (1, 0x81, 0x44)]);
        // Flags without the open bit, or an invalid handle, describe no fd.
        let mut b = 2u32.to_le_bytes().to_vec();
        b.extend([0x80, 0x01]);
        b.extend(0x40usize.to_le_bytes());
        b.extend(usize::MAX.to_le_bytes());
        assert!(decode(&b).is_empty());
    }
}
