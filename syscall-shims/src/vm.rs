//! Virtual memory as Windows describes it: reservations (64 KiB aligned) whose pages are
//! committed or only reserved, each with a PAGE_* protection.
//!
//! What VirtualAlloc made is kept in a table (reserved pages are PROT_NONE mappings; committing
//! is mprotect; decommitting maps fresh PROT_NONE pages over the range). Everything else (images
//! the loader mapped, host memory, stacks) is described from /proc/self/maps: such memory is
//! committed, with the protection the host gives it.

use std::collections::BTreeMap;
use std::sync::Mutex;
use windows_sys::Win32::Foundation::{ERROR_INVALID_ADDRESS, ERROR_INVALID_PARAMETER, ERROR_NOT_ENOUGH_MEMORY};
use windows_sys::Win32::System::Memory::*;
use windows_sys::Win32::System::SystemServices::{MEM_TOP_DOWN, MEM_WRITE_WATCH};

pub const PAGE_SIZE: usize = 0x1000;
pub const GRANULARITY: usize = 0x10000;
/// Lowest and highest addresses a program can allocate (as x64 Windows reports them).
pub const MIN_ADDRESS: usize = 0x10000;
pub const MAX_ADDRESS: usize = 0x7fff_fffe_ffff;

const PROT_BASE_MASK: u32 = 0xff;
const PROT_MODIFIERS: u32 = PAGE_GUARD | PAGE_NOCACHE | PAGE_WRITECOMBINE;

/// Is `p` one valid PAGE_* value (one base protection plus allowed modifiers)?
pub fn valid_protection(p: u32) -> bool {
    let base = p & PROT_BASE_MASK;
    p & !(PROT_BASE_MASK | PROT_MODIFIERS) == 0
        && base.count_ones() == 1
        && !(base == PAGE_NOACCESS && p & PROT_MODIFIERS != 0)
}

/// PAGE_* → PROT_*. Guard pages are inaccessible until their one-shot fault (see `protect`).
pub fn page_to_prot(p: u32) -> i32 {
    if p & PAGE_GUARD != 0 {
        return libc::PROT_NONE;
    }
    match p & PROT_BASE_MASK {
        PAGE_READONLY => libc::PROT_READ,
        PAGE_READWRITE | PAGE_WRITECOPY => libc::PROT_READ | libc::PROT_WRITE,
        PAGE_EXECUTE => libc::PROT_EXEC,
        PAGE_EXECUTE_READ => libc::PROT_READ | libc::PROT_EXEC,
        PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY => libc::PROT_READ | libc::PROT_WRITE | libc::PROT_EXEC,
        _ => libc::PROT_NONE,
    }
}

/// Host permissions (r, w, x) → PAGE_*.
pub fn perms_to_page(r: bool, w: bool, x: bool) -> u32 {
    match (r, w, x) {
        (false, false, false) => PAGE_NOACCESS,
        (_, true, true) => PAGE_EXECUTE_READWRITE,
        (true, false, true) => PAGE_EXECUTE_READ,
        (false, false, true) => PAGE_EXECUTE,
        (_, true, false) => PAGE_READWRITE,
        (true, false, false) => PAGE_READONLY,
    }
}

/// What VirtualQuery reports for one region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionInfo {
    pub base: usize,
    pub allocation_base: usize,
    pub allocation_protect: u32,
    pub size: usize,
    /// MEM_COMMIT, MEM_RESERVE or MEM_FREE.
    pub state: u32,
    /// PAGE_* (0 for reserved and free pages, as NT reports).
    pub protect: u32,
    /// MEM_PRIVATE, MEM_MAPPED or MEM_IMAGE (0 for free memory).
    pub kind: u32,
}

/// A run of pages inside a reservation: [start, end) offsets with one state and protection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    start: usize,
    end: usize,
    committed: bool,
    protect: u32,
}

#[derive(Debug)]
struct Reservation {
    size: usize,
    alloc_protect: u32,
    runs: Vec<Run>,
}

impl Reservation {
    /// Give [start, end) one state; keeps runs sorted, covering, and merged.
    fn set(&mut self, start: usize, end: usize, committed: bool, protect: u32) {
        let mut out = Vec::with_capacity(self.runs.len() + 2);
        for r in &self.runs {
            if r.end <= start || r.start >= end {
                out.push(*r);
                continue;
            }
            if r.start < start {
                out.push(Run { end: start, ..*r });
            }
            if r.end > end {
                out.push(Run { start: end, ..*r });
            }
        }
        out.push(Run { start, end, committed, protect });
        out.sort_by_key(|r| r.start);
        let mut merged: Vec<Run> = Vec::with_capacity(out.len());
        for r in out {
            match merged.last_mut() {
                Some(m) if m.end == r.start && m.committed == r.committed && m.protect == r.protect => m.end = r.end,
                _ => merged.push(r),
            }
        }
        self.runs = merged;
    }

    fn run_at(&self, off: usize) -> Option<&Run> {
        self.runs.iter().find(|r| r.start <= off && off < r.end)
    }

    fn all_committed(&self, start: usize, end: usize) -> bool {
        self.runs.iter().filter(|r| r.end > start && r.start < end).all(|r| r.committed)
    }
}

static TABLE: Mutex<BTreeMap<usize, Reservation>> = Mutex::new(BTreeMap::new());

fn table() -> std::sync::MutexGuard<'static, BTreeMap<usize, Reservation>> {
    TABLE.lock().unwrap_or_else(|e| e.into_inner())
}

/// The reservation containing `addr`: (base, reservation).
fn find(t: &mut BTreeMap<usize, Reservation>, addr: usize) -> Option<(usize, &mut Reservation)> {
    let (&base, r) = t.range_mut(..=addr).next_back()?;
    (addr < base + r.size).then_some((base, r))
}

fn page_down(a: usize) -> usize {
    a & !(PAGE_SIZE - 1)
}
fn page_up(a: usize) -> Option<usize> {
    a.checked_add(PAGE_SIZE - 1).map(|v| v & !(PAGE_SIZE - 1))
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// mmap fresh inaccessible pages: at `fixed` (must be free) or anywhere, `align`-aligned.
fn map_reserved(fixed: Option<usize>, size: usize, align: usize) -> Result<usize, u32> {
    let flags = libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE;
    if let Some(addr) = fixed {
        // SAFETY: MAP_FIXED_NOREPLACE never replaces an existing mapping.
        let p = unsafe { libc::mmap(addr as *mut _, size, libc::PROT_NONE, flags | libc::MAP_FIXED_NOREPLACE, -1, 0) };
        if p == libc::MAP_FAILED {
            return Err(if errno() == libc::EEXIST { ERROR_INVALID_ADDRESS } else { ERROR_NOT_ENOUGH_MEMORY });
        }
        if p as usize != addr {
            // Kernels before 4.17 ignore MAP_FIXED_NOREPLACE and treat it as a hint.
            // SAFETY: we just mapped it.
            unsafe { libc::munmap(p, size) };
            return Err(ERROR_INVALID_ADDRESS);
        }
        return Ok(addr);
    }
    let len = size.checked_add(align - PAGE_SIZE).ok_or(ERROR_NOT_ENOUGH_MEMORY)?;
    // SAFETY: an anonymous mapping anywhere.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), len, libc::PROT_NONE, flags, -1, 0) };
    if p == libc::MAP_FAILED {
        return Err(ERROR_NOT_ENOUGH_MEMORY);
    }
    let start = p as usize;
    let aligned = (start + align - 1) & !(align - 1);
    // SAFETY: trimming the parts of our own mapping outside [aligned, aligned+size).
    unsafe {
        if aligned > start {
            libc::munmap(start as *mut _, aligned - start);
        }
        let tail = start + len - (aligned + size);
        if tail > 0 {
            libc::munmap((aligned + size) as *mut _, tail);
        }
    }
    Ok(aligned)
}

/// Replace [addr, addr+len) of our mapping with fresh inaccessible pages (contents dropped).
fn drop_pages(addr: usize, len: usize) {
    let flags = libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_FIXED;
    // SAFETY: the range lies in one of our reservations.
    unsafe { libc::mmap(addr as *mut _, len, libc::PROT_NONE, flags, -1, 0) };
}

fn mprotect(addr: usize, len: usize, prot: i32) -> Result<(), u32> {
    // SAFETY: changing protection of pages the caller named; the kernel checks the range.
    if unsafe { libc::mprotect(addr as *mut _, len, prot) } != 0 {
        return Err(if errno() == libc::ENOMEM { ERROR_INVALID_ADDRESS } else { crate::errno::last() });
    }
    Ok(())
}

/// VirtualAlloc. `alloc_type` holds MEM_RESERVE and/or MEM_COMMIT (or MEM_RESET); returns the
/// base of the affected range.
pub fn alloc(addr: usize, size: usize, alloc_type: u32, protect: u32) -> Result<usize, u32> {
    const ALLOWED: u32 =
        MEM_COMMIT | MEM_RESERVE | MEM_RESET | MEM_RESET_UNDO | MEM_TOP_DOWN | MEM_WRITE_WATCH | MEM_LARGE_PAGES;
    if size == 0 || alloc_type & !ALLOWED != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if alloc_type & (MEM_RESET | MEM_RESET_UNDO) != 0 {
        return reset(addr, size, alloc_type);
    }
    if alloc_type & (MEM_COMMIT | MEM_RESERVE) == 0 || !valid_protection(protect) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // Copy-on-write makes sense only for mapped views.
    if matches!(protect & PROT_BASE_MASK, PAGE_WRITECOPY | PAGE_EXECUTE_WRITECOPY) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if addr != 0 && !(MIN_ADDRESS..=MAX_ADDRESS).contains(&addr) {
        return Err(ERROR_INVALID_ADDRESS);
    }
    let mut t = table();
    let reserve = alloc_type & MEM_RESERVE != 0 || addr == 0 || find(&mut t, addr).is_none();
    if reserve {
        // A new reservation: its base rounds down to 64 KiB, its end up to a page.
        let base = addr & !(GRANULARITY - 1);
        let end = page_up(addr.checked_add(size).ok_or(ERROR_INVALID_PARAMETER)?).ok_or(ERROR_INVALID_PARAMETER)?;
        let len = end - base;
        if alloc_type & MEM_RESERVE == 0 && addr != 0 {
            // MEM_COMMIT alone at an address must name reserved memory.
            return Err(ERROR_INVALID_ADDRESS);
        }
        let base = map_reserved((addr != 0).then_some(base), len, GRANULARITY)?;
        let mut r = Reservation {
            size: len,
            alloc_protect: protect,
            runs: vec![Run { start: 0, end: len, committed: false, protect: 0 }],
        };
        if alloc_type & MEM_COMMIT != 0 {
            if let Err(e) = mprotect(base, len, page_to_prot(protect)) {
                // SAFETY: our fresh mapping.
                unsafe { libc::munmap(base as *mut _, len) };
                return Err(e);
            }
            r.set(0, len, true, protect);
        }
        t.insert(base, r);
        return Ok(base);
    }
    // Commit inside an existing reservation.
    let start = page_down(addr);
    let end = page_up(addr.checked_add(size).ok_or(ERROR_INVALID_PARAMETER)?).ok_or(ERROR_INVALID_PARAMETER)?;
    let (base, r) = find(&mut t, start).ok_or(ERROR_INVALID_ADDRESS)?;
    if end > base + r.size {
        return Err(ERROR_INVALID_ADDRESS);
    }
    mprotect(start, end - start, page_to_prot(protect))?;
    r.set(start - base, end - base, true, protect);
    Ok(start)
}

/// MEM_RESET: the contents of committed pages may be discarded (MADV_FREE); MEM_RESET_UNDO
/// cannot bring discarded contents back and only succeeds.
fn reset(addr: usize, size: usize, alloc_type: u32) -> Result<usize, u32> {
    let start = page_down(addr);
    let end = page_up(addr.checked_add(size).ok_or(ERROR_INVALID_PARAMETER)?).ok_or(ERROR_INVALID_PARAMETER)?;
    let mut t = table();
    let (base, r) = find(&mut t, start).ok_or(ERROR_INVALID_ADDRESS)?;
    if end > base + r.size || !r.all_committed(start - base, end - base) {
        return Err(ERROR_INVALID_ADDRESS);
    }
    if alloc_type & MEM_RESET != 0 {
        // SAFETY: committed pages of our reservation.
        unsafe { libc::madvise(start as *mut _, end - start, libc::MADV_FREE) };
    }
    Ok(start)
}

/// VirtualFree: MEM_RELEASE (whole reservation: `addr` its base, `size` 0) or MEM_DECOMMIT.
/// ERROR_INVALID_ADDRESS inside a reservation but not at its base, or in free memory;
/// ERROR_INVALID_PARAMETER for memory VirtualAlloc did not make (images, host memory), as Wine.
pub fn free(addr: usize, size: usize, free_type: u32) -> Result<(), u32> {
    let mut t = table();
    if !matches!(free_type, MEM_RELEASE | MEM_DECOMMIT) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if find(&mut t, addr).is_none() {
        drop(t);
        return Err(match query_host(page_down(addr)) {
            Some(i) if i.state != MEM_FREE => ERROR_INVALID_PARAMETER,
            _ => ERROR_INVALID_ADDRESS,
        });
    }
    match free_type {
        MEM_RELEASE => {
            if size != 0 {
                return Err(ERROR_INVALID_PARAMETER);
            }
            let len = match t.get(&addr) {
                Some(r) => r.size,
                None => return Err(ERROR_INVALID_ADDRESS),
            };
            // SAFETY: our reservation, released whole.
            unsafe { libc::munmap(addr as *mut _, len) };
            t.remove(&addr);
            Ok(())
        }
        MEM_DECOMMIT => {
            let (base, r) = find(&mut t, addr).ok_or(ERROR_INVALID_ADDRESS)?;
            let (start, end) = if size == 0 {
                if addr != base {
                    return Err(ERROR_INVALID_ADDRESS);
                }
                (base, base + r.size)
            } else {
                (
                    page_down(addr),
                    page_up(addr.checked_add(size).ok_or(ERROR_INVALID_PARAMETER)?).ok_or(ERROR_INVALID_PARAMETER)?,
                )
            };
            if end > base + r.size {
                return Err(ERROR_INVALID_ADDRESS);
            }
            drop_pages(start, end - start);
            r.set(start - base, end - base, false, 0);
            Ok(())
        }
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

/// VirtualProtect: every page of the range must be committed; returns the old protection of the
/// first page. Guard pages become inaccessible; their one-shot STATUS_GUARD_PAGE_VIOLATION is
/// not raised yet.
pub fn protect(addr: usize, size: usize, new: u32) -> Result<u32, u32> {
    if !valid_protection(new) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let start = page_down(addr);
    let end = page_up(addr.checked_add(size.max(1)).ok_or(ERROR_INVALID_PARAMETER)?).ok_or(ERROR_INVALID_PARAMETER)?;
    let mut t = table();
    if let Some((base, r)) = find(&mut t, start) {
        if end > base + r.size || !r.all_committed(start - base, end - base) {
            return Err(ERROR_INVALID_ADDRESS);
        }
        let old = r.run_at(start - base).map(|x| x.protect).unwrap_or(0);
        mprotect(start, end - start, page_to_prot(new))?;
        r.set(start - base, end - base, true, new);
        return Ok(old);
    }
    drop(t);
    // Memory we did not allocate (images, host memory): the host's view decides.
    let info = query_host(start).ok_or(ERROR_INVALID_ADDRESS)?;
    if info.state != MEM_COMMIT {
        return Err(ERROR_INVALID_ADDRESS);
    }
    mprotect(start, end - start, page_to_prot(new))?;
    Ok(info.protect)
}

/// VirtualQuery. None above the highest user address.
pub fn query(addr: usize) -> Option<RegionInfo> {
    if addr > MAX_ADDRESS {
        return None;
    }
    let page = page_down(addr);
    {
        let mut t = table();
        if let Some((base, r)) = find(&mut t, page) {
            let run = r.run_at(page - base)?;
            return Some(RegionInfo {
                base: page,
                allocation_base: base,
                allocation_protect: r.alloc_protect,
                size: base + run.end - page,
                state: if run.committed { MEM_COMMIT } else { MEM_RESERVE },
                protect: if run.committed { run.protect } else { 0 },
                kind: MEM_PRIVATE,
            });
        }
    }
    query_host(page)
}

/// One line of /proc/self/maps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostMapping {
    pub start: usize,
    pub end: usize,
    pub read: bool,
    pub write: bool,
    pub exec: bool,
    /// Backed by a file (not anonymous, heap or stack).
    pub file_backed: bool,
}

/// Parse /proc/self/maps text.
pub fn parse_maps(text: &str) -> Vec<HostMapping> {
    text.lines()
        .filter_map(|line| {
            let mut f = line.split_whitespace();
            let range = f.next()?;
            let perms = f.next()?.as_bytes();
            let _offset = f.next()?;
            let _dev = f.next()?;
            let inode = f.next()?;
            let path = f.next().unwrap_or("");
            let (s, e) = range.split_once('-')?;
            Some(HostMapping {
                start: usize::from_str_radix(s, 16).ok()?,
                end: usize::from_str_radix(e, 16).ok()?,
                read: perms.first() == Some(&b'r'),
                write: perms.get(1) == Some(&b'w'),
                exec: perms.get(2) == Some(&b'x'),
                file_backed: inode != "0" && path.starts_with('/'),
            })
        })
        .collect()
}

fn host_maps() -> Vec<HostMapping> {
    parse_maps(&std::fs::read_to_string("/proc/self/maps").unwrap_or_default())
}

/// Describe `page` from the host's mappings (memory not in our table).
pub fn query_host(page: usize) -> Option<RegionInfo> {
    describe_host(&host_maps(), page)
}

/// The RegionInfo for `page` given the host's mappings (pure, for tests).
pub fn describe_host(maps: &[HostMapping], page: usize) -> Option<RegionInfo> {
    if page > MAX_ADDRESS {
        return None;
    }
    if let Some(m) = maps.iter().find(|m| m.start <= page && page < m.end) {
        let protect = perms_to_page(m.read, m.write, m.exec);
        return Some(RegionInfo {
            base: page,
            allocation_base: m.start,
            allocation_protect: protect,
            size: m.end - page,
            state: MEM_COMMIT,
            protect,
            kind: if m.file_backed { MEM_MAPPED } else { MEM_PRIVATE },
        });
    }
    let next = maps.iter().filter(|m| m.start > page).map(|m| m.start).min().unwrap_or(MAX_ADDRESS + 1);
    Some(RegionInfo {
        base: page,
        allocation_base: 0,
        allocation_protect: 0,
        size: next.min(MAX_ADDRESS + 1) - page,
        state: MEM_FREE,
        protect: PAGE_NOACCESS,
        kind: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protection_validity() {
        assert!(valid_protection(PAGE_READWRITE));
        assert!(valid_protection(PAGE_READWRITE | PAGE_GUARD));
        assert!(!valid_protection(0));
        assert!(!valid_protection(PAGE_READWRITE | PAGE_READONLY));
        assert!(!valid_protection(PAGE_NOACCESS | PAGE_GUARD));
        assert!(!valid_protection(0x1000_0004));
    }

    #[test]
    fn prot_round_trip() {
        for p in [PAGE_NOACCESS, PAGE_READONLY, PAGE_READWRITE, PAGE_EXECUTE, PAGE_EXECUTE_READ, PAGE_EXECUTE_READWRITE]
        {
            let prot = page_to_prot(p);
            let back =
                perms_to_page(prot & libc::PROT_READ != 0, prot & libc::PROT_WRITE != 0, prot & libc::PROT_EXEC != 0);
            assert_eq!(back, p);
        }
    }

    #[test]
    fn reserve_commit_query_like_windows() {
        // The sequence of Wine's test_VirtualAlloc, which records Windows' answers.
        assert_eq!(alloc(0, 0, MEM_RESERVE, PAGE_NOACCESS), Err(ERROR_INVALID_PARAMETER));
        // At an address of its own, so that no other test's mapping lands there once freed.
        const AT: usize = 0x2346_0000_0000;
        let a = alloc(AT, 0xFFFC, MEM_RESERVE, PAGE_NOACCESS).unwrap();
        assert_eq!(a, AT);
        let i = query(a).unwrap();
        assert_eq!((i.base, i.allocation_base, i.allocation_protect), (a, a, PAGE_NOACCESS));
        assert_eq!((i.size, i.state, i.protect, i.kind), (0x10000, MEM_RESERVE, 0, MEM_PRIVATE));
        assert_eq!(protect(a, 0xFFFC, PAGE_READONLY), Err(ERROR_INVALID_ADDRESS));
        assert_eq!(alloc(a, 0x1000, MEM_COMMIT, PAGE_NOACCESS), Ok(a));
        let i = query(a).unwrap();
        assert_eq!((i.size, i.state, i.protect), (0x1000, MEM_COMMIT, PAGE_NOACCESS));
        assert_eq!(protect(a, 0xFFFC, PAGE_READONLY), Err(ERROR_INVALID_ADDRESS));
        assert_eq!(protect(a, 0x1000, PAGE_READONLY), Ok(PAGE_NOACCESS));
        assert_eq!(protect(a, 0x1000, PAGE_READWRITE), Ok(PAGE_READONLY));
        unsafe { *(a as *mut u32) = 0x1234 };
        assert_eq!(free(a, 0x10000, 0), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(free(a, 0x10000, MEM_DECOMMIT), Ok(()));
        assert_eq!(query(a).unwrap().state, MEM_RESERVE);
        assert_eq!(free(a, 1, MEM_RELEASE), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(free(a + 0x1000, 0, MEM_RELEASE), Err(ERROR_INVALID_ADDRESS));
        assert_eq!(free(a, 0, MEM_RELEASE), Ok(()));
        assert_eq!(query(a).unwrap().state, MEM_FREE);
        assert_eq!(free(a, 0, MEM_RELEASE), Err(ERROR_INVALID_ADDRESS));
        // Memory VirtualAlloc did not make (here: this function's code).
        let code = reserve_commit_query_like_windows as *const () as usize;
        assert_eq!(free(code, 0, MEM_RELEASE), Err(ERROR_INVALID_PARAMETER));
    }

    #[test]
    fn commit_without_reserve_and_zeroing() {
        let a = alloc(0, 3 * PAGE_SIZE + 5, MEM_COMMIT, PAGE_READWRITE).unwrap();
        let i = query(a + 10).unwrap();
        assert_eq!((i.base, i.size, i.state, i.protect), (a, 4 * PAGE_SIZE, MEM_COMMIT, PAGE_READWRITE));
        unsafe { *((a + PAGE_SIZE) as *mut u8) = 7 };
        free(a + PAGE_SIZE, 1, MEM_DECOMMIT).unwrap();
        let i = query(a).unwrap();
        assert_eq!(i.size, PAGE_SIZE);
        let i = query(a + PAGE_SIZE).unwrap();
        assert_eq!((i.size, i.state), (PAGE_SIZE, MEM_RESERVE));
        alloc(a + PAGE_SIZE, 1, MEM_COMMIT, PAGE_READWRITE).unwrap();
        assert_eq!(unsafe { *((a + PAGE_SIZE) as *const u8) }, 0, "recommitted pages are zero");
        let i = query(a).unwrap();
        assert_eq!(i.size, 4 * PAGE_SIZE, "runs merge again");
        free(a, 0, MEM_RELEASE).unwrap();
    }

    #[test]
    fn reserve_at_address() {
        // An address nothing else in the test process uses.
        const AT: usize = 0x2345_0000_0000;
        let b = alloc(AT + 0x1234, 0x100, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE).unwrap();
        assert_eq!(b, AT);
        let i = query(AT + 0x1234).unwrap();
        assert_eq!((i.base, i.allocation_base, i.size), (AT + 0x1000, AT, PAGE_SIZE));
        assert_eq!(alloc(AT, 0x100, MEM_RESERVE, PAGE_READWRITE), Err(ERROR_INVALID_ADDRESS));
        free(b, 0, MEM_RELEASE).unwrap();
        assert_eq!(alloc(AT, 0x100, MEM_COMMIT, PAGE_READWRITE), Err(ERROR_INVALID_ADDRESS));
        assert_eq!(alloc(0x1000, 0x100, MEM_RESERVE, PAGE_READWRITE), Err(ERROR_INVALID_ADDRESS));
    }

    #[test]
    fn host_memory_from_maps() {
        let x = Box::new(5u64);
        let i = query(&*x as *const u64 as usize).unwrap();
        assert_eq!(i.state, MEM_COMMIT);
        assert_eq!(i.protect, PAGE_READWRITE);
        let f = host_memory_from_maps as *const () as usize;
        let i = query(f).unwrap();
        assert_eq!(i.protect, PAGE_EXECUTE_READ);
        assert_eq!(i.kind, MEM_MAPPED);
        assert!(query(MAX_ADDRESS + 1).is_none());
    }

    #[test]
    fn protect_host_pages() {
        // A mapping we did not make through `alloc` (as the loader maps images).
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                2 * PAGE_SIZE,
                libc::PROT_READ | libc::PROT_EXEC,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        } as usize;
        assert_eq!(protect(p, PAGE_SIZE, PAGE_EXECUTE_READWRITE), Ok(PAGE_EXECUTE_READ));
        let i = query(p).unwrap();
        assert_eq!((i.protect, i.size), (PAGE_EXECUTE_READWRITE, PAGE_SIZE));
        assert_eq!(protect(p, PAGE_SIZE, PAGE_EXECUTE_READ), Ok(PAGE_EXECUTE_READWRITE));
        unsafe { libc::munmap(p as *mut _, 2 * PAGE_SIZE) };
    }

    #[test]
    fn parse_maps_lines() {
        let text = "00400000-00452000 r-xp 00000000 08:02 173521 /usr/bin/dbus-daemon\n\
                    00e03000-00e24000 rw-p 00000000 00:00 0 [heap]\n\
                    7ffd1000-7ffd2000 ---p 00000000 00:00 0\n";
        let m = parse_maps(text);
        assert_eq!(m.len(), 3);
        assert!(m[0].file_backed && m[0].exec && !m[0].write);
        assert!(!m[1].file_backed && m[1].write);
        let free = describe_host(&m, 0x00500000).unwrap();
        assert_eq!((free.state, free.size), (MEM_FREE, 0x00e03000 - 0x00500000));
        let none = describe_host(&m, 0x7ffd1000).unwrap();
        assert_eq!((none.state, none.protect), (MEM_COMMIT, PAGE_NOACCESS));
    }
}
