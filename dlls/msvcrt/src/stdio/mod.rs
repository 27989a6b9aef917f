//! stdio.h: FILE streams over the CRT's file descriptors.
//!
//! The FILE is msvcrt's public 48-byte `struct _iobuf`, and its fields are kept truthful
//! (`_ptr`/`_cnt`/`_base`/`_bufsiz`), because programs built against msvcrt.dll read them
//! through the `putc`/`getc` macros. The buffering rules are msvcrt's, as Wine 8 implements
//! them (and the test oracle records them):
//! - a stream gets a 4096-byte buffer on first use, except stdout and stderr on a terminal;
//!   so redirected stderr is buffered too, and flushed at exit after stdout;
//! - `fputc` of '\n' into a buffer flushes it (Wine's rule; `fwrite`/`fputs`/printf do not);
//! - on an unbuffered terminal stream, one printf/fputs/fwrite call (or one region the program
//!   locked with `_lock_file`) is written at once through a temporary buffer.
//!
//! msvcrt's streams are `_iob` (`__iob_func`); ucrtbase has its own array (`__acrt_iob_func`),
//! whose FILE is opaque to programs and uses the same layout here. Both sit on one fd table.

pub mod inherit;
pub mod input;
pub mod lowio;
pub mod fast;
pub mod open;
pub mod output;
pub mod printf;
pub mod seek;
pub mod sopen;

use crate::lock::{IOB_ENTRIES, RLock, STREAM_LOCKS, crt_lock};
use dllcore::export;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use windows_sys::Win32::System::Threading::CRITICAL_SECTION;

/// msvcrt's `FILE`.
#[repr(C)]
#[derive(Debug)]
pub struct File {
    pub ptr: *mut u8,
    pub cnt: i32,
    pub base: *mut u8,
    pub flag: i32,
    pub file: i32,
    pub charbuf: i32,
    pub bufsiz: i32,
    pub tmpfname: *mut u8,
}

const _: () = assert!(std::mem::size_of::<File>() == 48);

impl File {
    const ZERO: File = File {
        ptr: std::ptr::null_mut(),
        cnt: 0,
        base: std::ptr::null_mut(),
        flag: 0,
        file: 0,
        charbuf: 0,
        bufsiz: 0,
        tmpfname: std::ptr::null_mut(),
    };
}

pub const IOREAD: i32 = 0x0001;
pub const IOWRT: i32 = 0x0002;
pub const IONBF: i32 = 0x0004;
pub const IOMYBUF: i32 = 0x0008;
pub const IOEOF: i32 = 0x0010;
pub const IOERR: i32 = 0x0020;
pub const IOSTRG: i32 = 0x0040;
pub const IORW: i32 = 0x0080;
pub const USERBUF: i32 = 0x0100;
pub const IOCOMMIT: i32 = 0x4000;

/// setvbuf modes.
pub const MODE_IOFBF: i32 = 0x0000;
pub const MODE_IOLBF: i32 = 0x0040;
pub const MODE_IONBF: i32 = 0x0004;

pub const EOF: i32 = -1;
pub const WEOF: u32 = 0xffff;
/// The size of the buffer a stream allocates for itself.
pub const INTERNAL_BUFSIZ: i32 = 4096;
/// `BUFSIZ` of the headers (setbuf).
pub const BUFSIZ: usize = 512;

const fn iob_init() -> [File; IOB_ENTRIES] {
    let mut a = [File::ZERO; IOB_ENTRIES];
    a[0].flag = IOREAD;
    a[0].file = 0;
    a[1].flag = IOWRT;
    a[1].file = 1;
    a[2].flag = IOWRT;
    a[2].file = 2;
    a
}

/// _iob: msvcrt's static streams; stdin, stdout, stderr are the first three.
#[export(only = crate::MSVCRT)]
#[allow(non_upper_case_globals)]
pub static mut _iob: [File; IOB_ENTRIES] = iob_init();

/// ucrtbase's static streams. The UCRT's FILE is opaque to programs (its real layout differs
/// from msvcrt's); ours is msvcrt's, as in Wine's ucrtbase.
static mut UCRT_IOB: [File; IOB_ENTRIES] = iob_init();

/// The locks of ucrtbase's streams (msvcrt's are CRT locks 16..36).
static UCRT_LOCKS: [RLock; IOB_ENTRIES] = [const { RLock::new() }; IOB_ENTRIES];
/// The lock of FILEs that are not ours (a program's own FILE structure).
static OTHER_LOCK: RLock = RLock::new();

/// Which C runtime's conventions an export follows.
pub use crate::printf::Flavor;

// ---- the stream table ----------------------------------------------------------------------

/// A stream beyond the static arrays: the FILE followed by the CRITICAL_SECTION that locks it
/// (mingw's own `_lock_file` enters it directly, so it must sit right after the 48 bytes).
#[repr(C)]
pub struct FileCrit {
    pub file: File,
    pub cs: CRITICAL_SECTION,
}

/// Heap streams come in blocks of this many.
const BLOCK: usize = 32;
/// The most streams there can be (`_setmaxstdio`'s ceiling), and so the most blocks.
pub const MAX_STREAMS_LIMIT: usize = 2048;
const MAX_BLOCKS: usize = MAX_STREAMS_LIMIT / BLOCK;

/// The heap blocks; stream `IOB_ENTRIES + k` is entry `k % BLOCK` of block `k / BLOCK`.
static BLOCKS: [AtomicPtr<FileCrit>; MAX_BLOCKS] =
    [const { AtomicPtr::new(std::ptr::null_mut()) }; MAX_BLOCKS];
/// `_getmaxstdio`.
static MAX_STREAMS: AtomicUsize = AtomicUsize::new(512);
/// Serialises opening and closing of streams (the choice of a free FILE).
static FILES: Mutex<()> = Mutex::new(());

pub fn files_lock() -> MutexGuard<'static, ()> {
    FILES.lock().unwrap_or_else(|e| e.into_inner())
}

/// Stream `i` of a flavour's table: the static array, then the heap blocks (shared by both
/// flavours). None past the blocks allocated so far, unless `grow`.
fn stream_at(flavor: Flavor, i: usize, grow: bool) -> Option<*mut File> {
    if i < IOB_ENTRIES {
        return Some(iob(flavor, i));
    }
    let k = i - IOB_ENTRIES;
    let slot = BLOCKS.get(k / BLOCK)?;
    let mut b = slot.load(Ordering::Acquire);
    if b.is_null() {
        if !grow {
            return None;
        }
        let layout = std::alloc::Layout::array::<FileCrit>(BLOCK).ok()?;
        // SAFETY: a zeroed block of FileCrits (all-zero is a valid FILE); each section is
        // initialised before the block is published, and blocks live for the process.
        unsafe {
            b = std::alloc::alloc_zeroed(layout) as *mut FileCrit;
            if b.is_null() {
                return None;
            }
            for j in 0..BLOCK {
                syscall_shims::sync::cs_init(&raw mut (*b.add(j)).cs, 0);
            }
        }
        slot.store(b, Ordering::Release);
    }
    // SAFETY: inside the block.
    Some(unsafe { &raw mut (*b.add(k % BLOCK)).file })
}

/// Is `f` one of the heap streams (then its CRITICAL_SECTION follows it)?
fn heap_stream(f: *mut File) -> bool {
    let a = f as usize;
    let size = std::mem::size_of::<FileCrit>();
    BLOCKS
        .iter()
        .map(|b| b.load(Ordering::Acquire) as usize)
        .take_while(|&b| b != 0)
        .any(|b| a >= b && a < b + size * BLOCK && (a - b).is_multiple_of(size))
}

/// Every stream in use or once used (both flavours' arrays, then the heap streams).
pub fn all_streams() -> Vec<*mut File> {
    let mut v = Vec::with_capacity(2 * IOB_ENTRIES);
    for flavor in [Flavor::Msvcrt, Flavor::Ucrt] {
        v.extend((0..IOB_ENTRIES).map(|i| iob(flavor, i)));
    }
    let mut i = IOB_ENTRIES;
    while let Some(f) = stream_at(Flavor::Msvcrt, i, false) {
        v.push(f);
        i += 1;
    }
    v
}

/// A free FILE for fd `fd` with stream flags `flags` (the static array first, from index 3,
/// as msvcrt does); null with EMFILE when `_getmaxstdio` streams are open. The caller holds
/// [`files_lock`].
pub fn alloc_stream(flavor: Flavor, fd: i32, flags: i32) -> *mut File {
    let max = MAX_STREAMS.load(Ordering::Relaxed);
    for i in 3..max {
        let Some(f) = stream_at(flavor, i, true) else {
            break;
        };
        // SAFETY: a FILE of our tables; a free one (flag 0) belongs to nobody.
        unsafe {
            if (*f).flag == 0 {
                *f = File {
                    file: fd,
                    flag: flags,
                    ..File::ZERO
                };
                return f;
            }
        }
    }
    crate::errno::set_errno(crate::errno::EMFILE);
    std::ptr::null_mut()
}

/// _getmaxstdio: how many streams may be open at once.
#[export]
pub extern "win64" fn _getmaxstdio() -> i32 {
    MAX_STREAMS.load(Ordering::Relaxed) as i32
}

/// _setmaxstdio: set that limit (between 20 and 2048); the new limit, or -1.
#[export]
pub extern "win64" fn _setmaxstdio(newmax: i32) -> i32 {
    if newmax < IOB_ENTRIES as i32 || newmax as usize > MAX_STREAMS_LIMIT {
        return -1;
    }
    MAX_STREAMS.store(newmax as usize, Ordering::Relaxed);
    newmax
}

/// Where a FILE lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Msvcrt(usize),
    Ucrt(usize),
    Other,
}

#[inline(always)]
fn slot(f: *mut File) -> Slot {
    let a = f as usize;
    let m = &raw mut _iob as usize;
    let u = &raw mut UCRT_IOB as usize;
    let size = std::mem::size_of::<File>();
    let span = size * IOB_ENTRIES;
    if a >= m && a < m + span && (a - m).is_multiple_of(size) {
        Slot::Msvcrt((a - m) / size)
    } else if a >= u && a < u + span && (a - u).is_multiple_of(size) {
        Slot::Ucrt((a - u) / size)
    } else {
        Slot::Other
    }
}

/// Stream `i` of the array a flavour's programs see.
pub fn iob(flavor: Flavor, i: usize) -> *mut File {
    // SAFETY: only the address is taken.
    unsafe {
        match flavor {
            Flavor::Msvcrt => (&raw mut _iob as *mut File).add(i),
            Flavor::Ucrt => (&raw mut UCRT_IOB as *mut File).add(i),
        }
    }
}

pub fn stdin_of(flavor: Flavor) -> *mut File {
    iob(flavor, 0)
}
pub fn stdout_of(flavor: Flavor) -> *mut File {
    iob(flavor, 1)
}

/// Lock a stream (recursive): a static stream's CRT lock, a heap stream's own section.
pub fn lock_file(f: *mut File) {
    match slot(f) {
        Slot::Msvcrt(i) => crt_lock(STREAM_LOCKS + i).unwrap_or(&OTHER_LOCK).lock(),
        Slot::Ucrt(i) => UCRT_LOCKS[i].lock(),
        // SAFETY: a heap stream is followed by its initialised section.
        Slot::Other if heap_stream(f) => unsafe {
            syscall_shims::sync::cs_enter_private(&raw mut (*(f as *mut FileCrit)).cs)
        },
        Slot::Other => OTHER_LOCK.lock(),
    }
}

/// Unlock a stream.
pub fn unlock_file(f: *mut File) {
    match slot(f) {
        Slot::Msvcrt(i) => crt_lock(STREAM_LOCKS + i).unwrap_or(&OTHER_LOCK).unlock(),
        Slot::Ucrt(i) => UCRT_LOCKS[i].unlock(),
        // SAFETY: as in lock_file.
        Slot::Other if heap_stream(f) => unsafe {
            syscall_shims::sync::cs_leave_private(&raw mut (*(f as *mut FileCrit)).cs)
        },
        Slot::Other => OTHER_LOCK.unlock(),
    }
}

/// Run `body` with the stream locked.
pub fn with_locked<R>(f: *mut File, body: impl FnOnce() -> R) -> R {
    struct Unlock(*mut File);
    impl Drop for Unlock {
        fn drop(&mut self) {
            unlock_file(self.0)
        }
    }
    lock_file(f);
    let _u = Unlock(f);
    body()
}

// ---- buffers -------------------------------------------------------------------------------

/// Give a stream its own buffer; false for stdout/stderr on a terminal (they stay unbuffered).
///
/// # Safety
/// `f` must be a valid FILE, locked by the caller (as for every function taking a FILE below).
pub unsafe fn alloc_buffer(f: *mut File) -> bool {
    unsafe {
        let fd = (*f).file;
        if (fd == 1 || fd == 2) && lowio::isatty(fd) {
            return false;
        }
        let b = crate::heap::alloc(INTERNAL_BUFSIZ as usize) as *mut u8;
        if !b.is_null() {
            std::ptr::write_bytes(b, 0, INTERNAL_BUFSIZ as usize);
            (*f).base = b;
            (*f).bufsiz = INTERNAL_BUFSIZ;
            (*f).flag |= IOMYBUF;
        } else {
            (*f).base = &raw mut (*f).charbuf as *mut u8;
            (*f).bufsiz = 2;
            (*f).flag |= IONBF;
        }
        (*f).ptr = (*f).base;
        (*f).cnt = 0;
        true
    }
}

/// Write out the buffered output (and drop buffered input). 0 or EOF.
///
/// # Safety
/// As [`alloc_buffer`].
pub unsafe fn flush_buffer(f: *mut File) -> i32 {
    let mut ret = 0;
    unsafe {
        let fl = (*f).flag;
        if fl & (IOREAD | IOWRT) == IOWRT && fl & (IOMYBUF | USERBUF) != 0 {
            let n = (*f).ptr.offset_from((*f).base);
            if n > 0 {
                let data = std::slice::from_raw_parts((*f).base, n as usize);
                if lowio::write((*f).file, data) != n as i32 {
                    (*f).flag |= IOERR;
                    ret = EOF;
                }
            }
            if ret == 0 && fl & IORW != 0 {
                (*f).flag &= !IOWRT;
            }
        }
        (*f).ptr = (*f).base;
        (*f).cnt = 0;
    }
    ret
}

/// _flsbuf's work: the buffer is full (or absent); flush it and store `c`.
///
/// # Safety
/// As [`alloc_buffer`].
pub unsafe fn flsbuf(c: i32, f: *mut File) -> i32 {
    unsafe {
        if (*f).flag & (IONBF | IOMYBUF | USERBUF) == 0 {
            alloc_buffer(f);
        }
        if (*f).flag & IOWRT == 0 {
            if (*f).flag & IORW == 0 {
                (*f).flag |= IOERR;
                crate::errno::set_errno(crate::errno::EBADF);
                return EOF;
            }
            (*f).flag |= IOWRT;
        }
        if (*f).flag & IOREAD != 0 {
            if (*f).flag & IOEOF == 0 {
                (*f).flag |= IOERR;
                return EOF;
            }
            (*f).cnt = 0;
            (*f).ptr = (*f).base;
            (*f).flag &= !(IOREAD | IOEOF);
        }
        if (*f).flag & (IOMYBUF | USERBUF) != 0 {
            if (*f).cnt <= 0 {
                let r = flush_buffer(f);
                if r != 0 {
                    return r;
                }
                (*f).flag |= IOWRT;
                (*f).cnt = (*f).bufsiz;
            }
            *(*f).ptr = c as u8;
            (*f).ptr = (*f).ptr.add(1);
            (*f).cnt -= 1;
            c & 0xff
        } else {
            (*f).cnt = 0;
            let b = [c as u8];
            if lowio::write((*f).file, &b) == 1 {
                c & 0xff
            } else {
                (*f).flag |= IOERR;
                EOF
            }
        }
    }
}

/// fputc without the lock: a '\n' stored into the buffer flushes it.
///
/// # Safety
/// As [`alloc_buffer`].
pub unsafe fn fputc_nolock(c: i32, f: *mut File) -> i32 {
    unsafe {
        if (*f).cnt > 0 {
            *(*f).ptr = c as u8;
            (*f).ptr = (*f).ptr.add(1);
            (*f).cnt -= 1;
            if c as u8 == b'\n' {
                let r = flush_buffer(f);
                return if r != 0 { r } else { c & 0xff };
            }
            c & 0xff
        } else {
            flsbuf(c, f)
        }
    }
}

/// fwrite without the lock; returns the number of bytes written.
///
/// # Safety
/// As [`alloc_buffer`].
pub unsafe fn fwrite_nolock(data: &[u8], f: *mut File) -> usize {
    let mut done = 0;
    unsafe {
        while done < data.len() {
            let left = data.len() - done;
            let cnt = (*f).cnt;
            if cnt < 0 {
                (*f).flag |= IOERR;
                break;
            } else if cnt > 0 {
                let n = (cnt as usize).min(left);
                std::ptr::copy_nonoverlapping(data.as_ptr().add(done), (*f).ptr, n);
                (*f).cnt -= n as i32;
                (*f).ptr = (*f).ptr.add(n);
                done += n;
            } else {
                let fl = (*f).flag;
                let buffered = fl & (IOMYBUF | USERBUF) != 0;
                if fl & IONBF != 0
                    || (buffered && left >= (*f).bufsiz.max(1) as usize)
                    || (!buffered && left >= INTERNAL_BUFSIZ as usize)
                {
                    let bufsiz = if fl & IONBF != 0 {
                        1
                    } else if !buffered {
                        INTERNAL_BUFSIZ as usize
                    } else {
                        (*f).bufsiz.max(1) as usize
                    };
                    let n = left - left % bufsiz;
                    if flush_buffer(f) == EOF {
                        break;
                    }
                    if lowio::write((*f).file, &data[done..done + n]) <= 0 {
                        (*f).flag |= IOERR;
                        break;
                    }
                    done += n;
                } else {
                    if flsbuf(data[done] as i32, f) == EOF {
                        break;
                    }
                    done += 1;
                }
            }
        }
    }
    done
}

// ---- temporary buffers for terminals -------------------------------------------------------

/// Temporary buffers of stdout/stderr for msvcrt (0, 1) and ucrtbase (2, 3).
static mut TEMP_BUFS: [[u8; INTERNAL_BUFSIZ as usize]; 4] = [[0; INTERNAL_BUFSIZ as usize]; 4];
/// Set while a temporary buffer was installed by the program's own `_lock`.
static LOCK_TEMP: [AtomicBool; 2] = [const { AtomicBool::new(false) }; 2];

fn temp_index(f: *mut File) -> Option<usize> {
    match slot(f) {
        Slot::Msvcrt(i @ 1..=2) => Some(i - 1),
        Slot::Ucrt(i @ 1..=2) => Some(i + 1),
        _ => None,
    }
}

/// Buffer one call's output to an unbuffered terminal stream so it is written at once.
/// Returns whether a buffer was installed (then call [`remove_std_buffer`]).
///
/// # Safety
/// As [`alloc_buffer`].
pub unsafe fn add_std_buffer(f: *mut File) -> bool {
    unsafe {
        let Some(i) = temp_index(f) else { return false };
        if (*f).flag & (IONBF | IOMYBUF | USERBUF) != 0 || !lowio::isatty((*f).file) {
            return false;
        }
        let b = (&raw mut TEMP_BUFS[i]) as *mut u8;
        (*f).base = b;
        (*f).ptr = b;
        (*f).bufsiz = INTERNAL_BUFSIZ;
        (*f).cnt = INTERNAL_BUFSIZ;
        (*f).flag |= USERBUF;
        true
    }
}

/// Flush and take away the temporary buffer of [`add_std_buffer`].
///
/// # Safety
/// As [`alloc_buffer`].
pub unsafe fn remove_std_buffer(f: *mut File) {
    unsafe {
        flush_buffer(f);
        (*f).base = std::ptr::null_mut();
        (*f).ptr = std::ptr::null_mut();
        (*f).bufsiz = 0;
        (*f).cnt = 0;
        (*f).flag &= !USERBUF;
    }
}

/// Run an output operation with a temporary buffer on an unbuffered terminal stream.
///
/// # Safety
/// As [`alloc_buffer`].
pub unsafe fn with_std_buffer<R>(f: *mut File, body: impl FnOnce() -> R) -> R {
    let tmp = unsafe { add_std_buffer(f) };
    let r = body();
    if tmp {
        unsafe { remove_std_buffer(f) };
    }
    r
}

fn program_lock_stream(locknum: usize) -> Option<usize> {
    match locknum.checked_sub(STREAM_LOCKS) {
        Some(i @ 1..=2) => Some(i),
        _ => None,
    }
}

/// The program took CRT lock `locknum` (mingw's `_lock_file` does, around a whole printf):
/// give stdout/stderr on a terminal a temporary buffer for the locked region.
pub fn after_program_lock(locknum: usize) {
    let Some(i) = program_lock_stream(locknum) else {
        return;
    };
    let Some(l) = crt_lock(locknum) else { return };
    if l.held_depth() != 1 {
        return;
    }
    let f = iob(Flavor::Msvcrt, i);
    // SAFETY: the stream is locked by this thread.
    if unsafe { add_std_buffer(f) } {
        LOCK_TEMP[i - 1].store(true, Ordering::Relaxed);
    }
}

/// The program is about to release CRT lock `locknum`: write out its temporary buffer.
pub fn before_program_unlock(locknum: usize) {
    let Some(i) = program_lock_stream(locknum) else {
        return;
    };
    let Some(l) = crt_lock(locknum) else { return };
    if l.held_depth() == 1 && LOCK_TEMP[i - 1].swap(false, Ordering::Relaxed) {
        // SAFETY: the stream is still locked by this thread.
        unsafe { remove_std_buffer(iob(Flavor::Msvcrt, i)) };
    }
}

// ---- flushing ------------------------------------------------------------------------------

/// fflush without the lock; a stream opened with "c" (commit) also commits its fd.
///
/// # Safety
/// As [`alloc_buffer`].
pub unsafe fn fflush_nolock(f: *mut File) -> i32 {
    unsafe {
        let r = flush_buffer(f);
        if r == 0 && (*f).flag & IOCOMMIT != 0 && sopen::_commit((*f).file) != 0 {
            return EOF;
        }
        r
    }
}

/// Flush every stream whose flags match `mask`, msvcrt's streams first, in index order (so
/// stdout before stderr). Returns how many were flushed.
pub fn flush_all(mask: i32) -> i32 {
    let mut n = 0;
    for f in all_streams() {
        // Look before locking: a thread blocked reading stdin holds its lock.
        // SAFETY: a racy read of one of our FILEs' flags, rechecked under the lock.
        if unsafe { std::ptr::read_volatile(&raw const (*f).flag) } & mask == 0 {
            continue;
        }
        with_locked(f, || {
            // SAFETY: locked, and one of our FILEs.
            unsafe {
                if (*f).flag != 0 && (*f).flag & mask != 0 {
                    fflush_nolock(f);
                    n += 1;
                }
            }
        });
    }
    n
}

/// The process exits: write out every stream (the DLLs' `detach` hook, and `exit`), then
/// close the `tmpfile` streams, which deletes their files (`_rmtmp`, as the CRT's exit does).
pub fn flush_at_exit() {
    flush_all(IOWRT);
    open::_rmtmp();
}

// ---- FILE-level exports --------------------------------------------------------------------

/// __iob_func: msvcrt's stream array.
#[export(only = crate::MSVCRT)]
pub extern "win64" fn __iob_func() -> *mut File {
    iob(Flavor::Msvcrt, 0)
}

/// __acrt_iob_func: ucrtbase's stream `index` (0 stdin, 1 stdout, 2 stderr).
#[export(only = crate::UCRT)]
pub extern "win64" fn __acrt_iob_func(index: u32) -> *mut File {
    iob(Flavor::Ucrt, (index as usize).min(IOB_ENTRIES - 1))
}

/// _lock_file.
#[export]
pub extern "win64" fn _lock_file(f: *mut File) {
    lock_file(f)
}

/// _unlock_file.
#[export]
pub extern "win64" fn _unlock_file(f: *mut File) {
    unlock_file(f)
}

/// _fileno: the stream's file descriptor.
#[export]
pub unsafe extern "win64" fn _fileno(f: *mut File) -> i32 {
    if f.is_null() {
        crate::errno::set_errno(crate::errno::EINVAL);
        return -1;
    }
    unsafe { (*f).file }
}

/// feof.
#[export]
pub unsafe extern "win64" fn feof(f: *mut File) -> i32 {
    unsafe { (*f).flag & IOEOF }
}

/// ferror.
#[export]
pub unsafe extern "win64" fn ferror(f: *mut File) -> i32 {
    unsafe { (*f).flag & IOERR }
}

/// clearerr.
#[export]
pub unsafe extern "win64" fn clearerr(f: *mut File) {
    with_locked(f, || unsafe { (*f).flag &= !(IOERR | IOEOF) })
}

/// clearerr_s: clearerr with a check of its argument (EINVAL for NULL).
#[export]
pub unsafe extern "win64" fn clearerr_s(f: *mut File) -> i32 {
    if f.is_null() {
        return crate::invalid::fail(crate::errno::EINVAL);
    }
    unsafe { clearerr(f) };
    0
}

/// _get_stream_buffer_pointers (UCRT): where the stream keeps its buffer base, position and
/// count.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn _get_stream_buffer_pointers(
    f: *mut File,
    base: *mut *mut *mut u8,
    ptr: *mut *mut *mut u8,
    count: *mut *mut i32,
) -> i32 {
    if f.is_null() {
        return crate::invalid::fail(crate::errno::EINVAL);
    }
    unsafe {
        if !base.is_null() {
            *base = &raw mut (*f).base;
        }
        if !ptr.is_null() {
            *ptr = &raw mut (*f).ptr;
        }
        if !count.is_null() {
            *count = &raw mut (*f).cnt;
        }
    }
    0
}

/// setvbuf: `_IONBF`, `_IOFBF` or `_IOLBF` (which msvcrt treats as full buffering).
#[export]
pub unsafe extern "win64" fn setvbuf(
    f: *mut File,
    buf: *mut std::ffi::c_void,
    mode: i32,
    size: usize,
) -> i32 {
    let buf = buf as *mut u8;
    if f.is_null()
        || !matches!(mode, MODE_IONBF | MODE_IOFBF | MODE_IOLBF)
        || (mode != MODE_IONBF && !(2..=i32::MAX as usize).contains(&size))
    {
        crate::invalid::fail(crate::errno::EINVAL);
        return -1;
    }
    with_locked(f, || unsafe {
        flush_buffer(f);
        if (*f).flag & IOMYBUF != 0 {
            crate::heap::dealloc((*f).base as *mut _);
        }
        (*f).flag &= !(IONBF | IOMYBUF | USERBUF);
        (*f).cnt = 0;
        if mode == MODE_IONBF {
            (*f).flag |= IONBF;
            (*f).base = &raw mut (*f).charbuf as *mut u8;
            (*f).ptr = (*f).base;
            (*f).bufsiz = 2;
        } else if !buf.is_null() {
            (*f).base = buf;
            (*f).ptr = buf;
            (*f).flag |= USERBUF;
            (*f).bufsiz = size as i32;
        } else {
            let b = crate::heap::alloc(size) as *mut u8;
            (*f).base = b;
            (*f).ptr = b;
            if b.is_null() {
                (*f).bufsiz = 0;
                return -1;
            }
            (*f).flag |= IOMYBUF;
            (*f).bufsiz = size as i32;
        }
        0
    })
}

/// setbuf: `setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ)`.
#[export]
pub unsafe extern "win64" fn setbuf(f: *mut File, buf: *mut std::ffi::c_void) {
    let mode = if buf.is_null() {
        MODE_IONBF
    } else {
        MODE_IOFBF
    };
    unsafe { setvbuf(f, buf, mode, BUFSIZ) };
}

#[cfg(test)]
mod tests;
