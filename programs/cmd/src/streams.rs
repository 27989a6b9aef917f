//! Where a command's input, output and error go: the interpreter's standard handles with the
//! command's redirections applied. Files are opened inheritable (a program started for the
//! command gets them as its standard handles) and closed when the command ends.

use crate::parse::{Redirect, Target};
use syscall_shims::{file, handles};
use windows_sys::Win32::Foundation::{GENERIC_READ, GENERIC_WRITE, HANDLE};
use windows_sys::Win32::Storage::FileSystem::{CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, FILE_END, OPEN_ALWAYS, OPEN_EXISTING};

/// A command's three standard handles and the files opened for it.
pub struct Streams {
    pub std: [HANDLE; 3],
    opened: Vec<HANDLE>,
}

impl Streams {
    /// The interpreter's own standard handles.
    pub fn inherited() -> Streams {
        Streams { std: [0, 1, 2].map(handles::std_handle), opened: Vec::new() }
    }

    /// These handles with `redirects` applied in order. Errors are cmd.exe's messages.
    pub fn redirect(base: [HANDLE; 3], redirects: &[Redirect]) -> Result<Streams, String> {
        let mut s = Streams { std: base, opened: Vec::new() };
        for r in redirects {
            let fd = r.fd as usize;
            if fd > 2 {
                continue;
            }
            let h = match &r.target {
                Target::Dup(n) if (*n as usize) < 3 => s.std[*n as usize],
                Target::Dup(_) => continue,
                Target::Read(name) => s.open(name, GENERIC_READ, OPEN_EXISTING)?,
                Target::Write(name) => s.open(name, GENERIC_WRITE, CREATE_ALWAYS)?,
                Target::Append(name) => {
                    let h = s.open(name, GENERIC_WRITE | GENERIC_READ, OPEN_ALWAYS)?;
                    let _ = file::seek(h, 0, FILE_END);
                    h
                }
            };
            s.std[fd] = h;
        }
        Ok(s)
    }

    fn open(&mut self, name: &str, access: u32, disposition: u32) -> Result<HANDLE, String> {
        let o = file::CreateOptions { access, disposition, flags: FILE_ATTRIBUTE_NORMAL, inherit: true };
        match file::create(name, &o) {
            Ok((h, _)) => {
                self.opened.push(h);
                Ok(h)
            }
            Err(e) => Err(crate::builtins::message(e).to_string()),
        }
    }

    /// Write text to the output.
    pub fn out(&self, s: &str) {
        write_all(self.std[1], s.as_bytes());
    }

    /// Write text to the error output.
    pub fn err(&self, s: &str) {
        write_all(self.std[2], s.as_bytes());
    }
}

impl Drop for Streams {
    fn drop(&mut self) {
        for h in self.opened.drain(..) {
            let _ = handles::close(h);
        }
    }
}

/// Write all of `buf` to `h` (nothing for a NULL handle or a broken pipe).
pub fn write_all(h: HANDLE, mut buf: &[u8]) {
    if h.is_null() {
        return;
    }
    while !buf.is_empty() {
        match file::write(h, buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf = &buf[n..],
        }
    }
}
