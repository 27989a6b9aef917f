//! Stream tests: buffering, flush points and their order, through pipes standing in for the
//! standard handles.

use super::*;
use std::sync::Arc;
use syscall_shims::file::FileObject;
use syscall_shims::handles::{self, Object};

/// A pipe whose write end is fd `wfd` of the CRT (text mode); returns (crt fd, host read fd).
fn pipe_fd() -> (i32, i32) {
    let mut p = [0i32; 2];
    // SAFETY: creating a pipe and making its read end non-blocking.
    unsafe {
        assert_eq!(libc::pipe(p.as_mut_ptr()), 0);
        libc::fcntl(p[0], libc::F_SETFL, libc::O_NONBLOCK);
    }
    let h = handles::insert(Arc::new(Object::File(FileObject::owned(p[1]))), false);
    (lowio::_open_osfhandle(h as isize, lowio::O_TEXT), p[0])
}

/// Everything written so far to a pipe.
fn drain(rfd: i32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        // SAFETY: reading into a local buffer.
        let n = unsafe { libc::read(rfd, buf.as_mut_ptr() as *mut _, buf.len()) };
        if n <= 0 {
            return out;
        }
        out.extend_from_slice(&buf[..n as usize]);
    }
}

/// A stream of `_iob` beyond the standard three, opened for writing on `fd`.
fn stream(index: usize, fd: i32) -> *mut File {
    let f = iob(Flavor::Msvcrt, index);
    // SAFETY: a static FILE the tests own (indexes 10.. are never used otherwise).
    unsafe {
        *f = File {
            ptr: std::ptr::null_mut(),
            cnt: 0,
            base: std::ptr::null_mut(),
            flag: IOWRT,
            file: fd,
            charbuf: 0,
            bufsiz: 0,
            tmpfname: std::ptr::null_mut(),
        };
    }
    f
}

fn close(f: *mut File) {
    unsafe {
        fflush_nolock(f);
        (*f).flag = 0;
    }
}

#[test]
fn buffered_until_newline_from_fputc_or_full_buffer() {
    let _serial = crate::tests::serial();
    let (fd, r) = pipe_fd();
    let f = stream(10, fd);
    unsafe {
        assert_eq!(output::fputc(b'a' as i32, f), b'a' as i32);
        assert_eq!(drain(r), b"", "buffered");
        assert_eq!((*f).bufsiz, INTERNAL_BUFSIZ);
        assert_eq!((*f).cnt, INTERNAL_BUFSIZ - 1, "fields are truthful");
        output::fputc(b'\n' as i32, f);
        assert_eq!(
            drain(r),
            b"a\r\n",
            "fputc of a newline flushes, in text mode"
        );
        output::fputs(c"no flush\n".as_ptr().cast(), f);
        output::fwrite(b"w\n".as_ptr().cast(), 1, 2, f);
        assert_eq!(drain(r), b"");
        output::fflush(f);
        assert_eq!(drain(r), b"no flush\r\nw\r\n");
        // A write larger than the buffer goes out in whole buffers, the rest stays.
        let big = vec![b'x'; 5000];
        output::fwrite(big.as_ptr().cast(), 1, big.len(), f);
        assert_eq!(drain(r).len(), 4096);
        output::fflush(f);
        assert_eq!(drain(r).len(), 5000 - 4096);
    }
    close(f);
}

#[test]
fn binary_mode_and_setvbuf() {
    let _serial = crate::tests::serial();
    let (fd, r) = pipe_fd();
    let f = stream(11, fd);
    unsafe {
        assert_eq!(lowio::_setmode(fd, lowio::O_BINARY), lowio::O_TEXT);
        setvbuf(f, std::ptr::null_mut(), MODE_IONBF, 0);
        output::fputs(c"raw\n".as_ptr().cast(), f);
        assert_eq!(drain(r), b"raw\n", "unbuffered and binary");
        let mut mine = [0u8; 8];
        assert_eq!(setvbuf(f, mine.as_mut_ptr().cast(), MODE_IOFBF, 8), 0);
        output::fwrite(b"12345".as_ptr().cast(), 1, 5, f);
        assert_eq!(&mine[..5], b"12345", "the user's buffer is used");
        output::fwrite(b"6789".as_ptr().cast(), 1, 4, f);
        assert_eq!(drain(r), b"12345678");
        output::fflush(f);
        assert_eq!(drain(r), b"9");
        assert_eq!(setvbuf(f, std::ptr::null_mut(), 99, 8), -1);
    }
    close(f);
}

#[test]
fn flush_all_goes_in_stream_order() {
    let _serial = crate::tests::serial();
    let (fd, r) = pipe_fd();
    let fd2 = lowio::alloc_fd(lowio::info(fd).unwrap().handle, lowio::WX_TEXT);
    let a = stream(12, fd);
    let b = stream(13, fd2);
    unsafe {
        output::fputs(c"first ".as_ptr().cast(), b);
        output::fputs(c"second ".as_ptr().cast(), a);
        output::fputs(c"third".as_ptr().cast(), b);
    }
    flush_all(IOWRT);
    assert_eq!(
        drain(r),
        b"second first third",
        "lower index first: stdout before stderr"
    );
    close(a);
    close(b);
}

#[test]
fn printf_family_writes_one_piece() {
    let _serial = crate::tests::serial();
    let (fd, r) = pipe_fd();
    let f = stream(14, fd);
    unsafe {
        let args: [u64; 2] = [42, c"str".as_ptr() as u64];
        let n = printf::vfprintf(
            f,
            c"n=%d s=%s\n".as_ptr().cast(),
            dllcore::VaList::new(args.as_ptr()),
        );
        assert_eq!(n, 11);
        output::fflush(f);
        assert_eq!(drain(r), b"n=42 s=str\r\n");
        let args: [u64; 1] = [7];
        let n = printf::__stdio_common_vfprintf(
            0,
            f,
            c"%03d|".as_ptr().cast(),
            0,
            dllcore::VaList::new(args.as_ptr()),
        );
        assert_eq!(n, 4);
        let w: Vec<u16> = "w\u{e9}\n".encode_utf16().chain([0]).collect();
        let n = printf::vfwprintf(f, w.as_ptr(), dllcore::VaList::new(args.as_ptr()));
        assert_eq!(n, 3);
        output::fflush(f);
        assert_eq!(
            drain(r),
            b"007|w\xe9\r\n",
            "wide text goes out in the C locale's code page (one byte per character)"
        );
    }
    close(f);
}

#[test]
fn sprintf_family() {
    let _serial = crate::tests::serial();
    unsafe {
        let mut buf = [0x7fu8; 32];
        let args: [u64; 1] = [12345];
        let va = || dllcore::VaList::new(args.as_ptr());
        assert_eq!(
            printf::vsprintf(buf.as_mut_ptr().cast(), c"<%d>".as_ptr().cast(), va()),
            7
        );
        assert_eq!(&buf[..8], b"<12345>\0");
        assert_eq!(
            printf::_vsnprintf(buf.as_mut_ptr().cast(), 3, c"%d".as_ptr().cast(), va()),
            -1
        );
        assert_eq!(
            printf::vsnprintf(buf.as_mut_ptr().cast(), 3, c"%d".as_ptr().cast(), va()),
            5
        );
        assert_eq!(&buf[..3], b"12\0");
        assert_eq!(printf::_vscprintf(c"%d".as_ptr().cast(), va()), 5);
        let r = printf::__stdio_common_vsprintf(
            printf::STANDARD_SNPRINTF_BEHAVIOR,
            std::ptr::null_mut(),
            0,
            c"%d".as_ptr().cast(),
            0,
            va(),
        );
        assert_eq!(r, 5, "count only");
        let mut wbuf = [0x7fu16; 16];
        let fmt: Vec<u16> = "[%d]".encode_utf16().chain([0]).collect();
        assert_eq!(
            printf::_vsnwprintf(wbuf.as_mut_ptr().cast(), 16, fmt.as_ptr(), va()),
            7
        );
        assert_eq!(String::from_utf16_lossy(&wbuf[..7]), "[12345]");
        assert_eq!(wbuf[7], 0);
    }
}

#[test]
fn input_reads_text_mode() {
    let _serial = crate::tests::serial();
    let mut p = [0i32; 2];
    unsafe { assert_eq!(libc::pipe(p.as_mut_ptr()), 0) };
    let hr = handles::insert(Arc::new(Object::File(FileObject::owned(p[0]))), false);
    let rfd = lowio::_open_osfhandle(hr as isize, lowio::O_TEXT);
    let data = b"line one\r\nline two\r\nlast";
    unsafe {
        libc::write(p[1], data.as_ptr() as *const _, data.len());
        libc::close(p[1]);
    }
    let f = iob(Flavor::Msvcrt, 15);
    unsafe {
        *f = File {
            ptr: std::ptr::null_mut(),
            cnt: 0,
            base: std::ptr::null_mut(),
            flag: IOREAD,
            file: rfd,
            charbuf: 0,
            bufsiz: 0,
            tmpfname: std::ptr::null_mut(),
        };
        let mut line = [0u8; 64];
        let s = input::fgets(line.as_mut_ptr().cast(), 64, f);
        assert_eq!(dllcore::strings::cstr(s.cast()).unwrap(), b"line one\n");
        assert_eq!(input::fgetc(f), b'l' as i32);
        assert_eq!(input::ungetc(b'L' as i32, f), b'L' as i32);
        let mut rest = [0u8; 64];
        let n = input::fread(rest.as_mut_ptr().cast(), 1, 64, f);
        assert_eq!(&rest[..n], b"Line two\nlast");
        assert_ne!(feof(f), 0);
        assert!(input::fgets(line.as_mut_ptr().cast(), 64, f).is_null());
        (*f).flag = 0;
    }
}

#[test]
fn stdio_arrays() {
    let _serial = crate::tests::serial();
    assert_eq!(__iob_func(), iob(Flavor::Msvcrt, 0));
    assert_eq!(__acrt_iob_func(2), iob(Flavor::Ucrt, 2));
    assert_ne!(
        __acrt_iob_func(1),
        unsafe { __iob_func().add(1) },
        "each CRT has its own streams"
    );
    unsafe {
        assert_eq!(_fileno(__iob_func().add(2)), 2);
        assert_eq!((*__iob_func().add(0)).flag, IOREAD);
        assert_eq!((*__acrt_iob_func(1)).flag & IOWRT, IOWRT);
    }
    assert_eq!(slot(unsafe { __iob_func().add(19) }), Slot::Msvcrt(19));
    assert_eq!(slot(std::ptr::null_mut()), Slot::Other);
}

#[test]
fn heap_streams_follow_the_static_array() {
    let _g = crate::tests::serial();
    let mut got = Vec::new();
    {
        let _f = files_lock();
        // Take every free FILE of the static array, then a few heap ones.
        for _ in 0..IOB_ENTRIES + 3 {
            let f = alloc_stream(Flavor::Msvcrt, 1, IOWRT);
            assert!(!f.is_null());
            got.push(f);
        }
    }
    let heap: Vec<_> = got
        .iter()
        .copied()
        .filter(|&f| slot(f) == Slot::Other)
        .collect();
    assert!(heap.len() >= 3);
    for &f in &heap {
        assert!(heap_stream(f), "a heap FILE is followed by its section");
        lock_file(f);
        lock_file(f);
        // SAFETY: the section right after the FILE (mingw's _lock_file enters it directly).
        let cs = unsafe { &(*(f as *mut FileCrit)).cs };
        assert_eq!(cs.RecursionCount, 2);
        unlock_file(f);
        unlock_file(f);
        assert_eq!(cs.RecursionCount, 0);
    }
    let mut local = File::ZERO;
    assert!(!heap_stream(&mut local), "a program's own FILE is not ours");
    for f in got {
        // SAFETY: ours, unused by anyone else (serialised).
        unsafe { (*f).flag = 0 };
    }
}

#[test]
fn fopen_text_round_trip_and_ftell() {
    let _g = crate::tests::serial();
    let dir = std::env::temp_dir().join(format!("wine-rs-stdio-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = std::ffi::CString::new(syscall_shims::path::unix_to_dos(
        dir.join("t.txt").to_str().unwrap(),
    ))
    .unwrap();
    unsafe {
        let f = open::fopen_msvcrt(name.as_ptr().cast(), c"w+".as_ptr().cast());
        assert!(!f.is_null());
        assert_eq!(output::fputs(c"one\ntwo\n".as_ptr().cast(), f), 0);
        assert_eq!(seek::ftell(f), 10, "pending newlines count as CR LF");
        seek::rewind(f);
        let mut line = [0u8; 16];
        input::fgets(line.as_mut_ptr().cast(), 16, f);
        assert_eq!(&line[..5], b"one\n\0");
        assert_eq!(seek::ftell(f), 5);
        assert_eq!(input::fgetc(f), b't' as i32);
        assert_eq!(input::ungetc(b'T' as i32, f), b'T' as i32);
        assert_eq!(seek::ftell(f), 5);
        let mut rest = [0u8; 16];
        assert_eq!(input::fread(rest.as_mut_ptr().cast(), 1, 16, f), 4);
        assert_eq!(&rest[..4], b"Two\n");
        assert_eq!(open::fclose(f), 0);
    }
    assert_eq!(std::fs::read(dir.join("t.txt")).unwrap(), b"one\r\ntwo\r\n");
    std::fs::remove_dir_all(dir).unwrap();
}
