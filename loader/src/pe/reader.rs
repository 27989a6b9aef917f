//! Bounds-checked reads: `object`'s PE structures out of a byte buffer, and structures and
//! C strings out of the image by RVA (through the headers or a section's file data).
//!
//! Every Windows structure is one of `object::pe`'s types; this module only adds what
//! `object` does not give: the loader's RVA → file mapping (with a section's zero-filled
//! tail), reads that tolerate any alignment, and string termination checks.
//!
//! Everything here is total: a read that does not fit returns `None` or a
//! [`PeError::Malformed`] naming what was being read, never a panic.

use std::mem::{align_of, size_of};

use object::pod::{self, Pod};

use super::{PeError, Section};

/// Shorthand for a [`PeError::Malformed`] with the given message.
pub(super) fn malformed(msg: String) -> PeError {
    PeError::Malformed(msg)
}

/// A copy of the `T` at `off` in `buf`, or `None` when it does not lie entirely inside it.
///
/// `object::pod::from_bytes` wants `T`'s natural alignment (the workspace builds `object`
/// without its `unaligned` feature), which a file offset need not have; a misaligned `T`
/// is copied into an aligned buffer first.
pub(super) fn pod_at<T: Pod>(buf: &[u8], off: usize) -> Option<T> {
    let bytes = buf.get(off..off.checked_add(size_of::<T>())?)?;
    match pod::from_bytes::<T>(bytes) {
        Ok((value, _)) => Some(*value),
        Err(()) => pod_padded(bytes),
    }
}

/// A `T` made of `src` (at most `size_of::<T>()` bytes) followed by zeros, whatever the
/// alignment of `src`.
fn pod_padded<T: Pod>(src: &[u8]) -> Option<T> {
    const { assert!(align_of::<T>() <= align_of::<u64>()) };
    let mut buf = vec![0u64; size_of::<T>().div_ceil(size_of::<u64>())];
    pod::bytes_of_slice_mut(&mut buf)
        .get_mut(..src.len())?
        .copy_from_slice(src);
    pod::from_bytes::<T>(pod::bytes_of_slice(&buf))
        .ok()
        .map(|(value, _)| *value)
}

/// Where an RVA lands in the file.
struct Span {
    /// File offset of the RVA.
    file_off: usize,
    /// File-backed bytes from the RVA to the end of its region's raw data.
    file_len: usize,
    /// Zero bytes that follow the raw data in memory (VirtualSize beyond SizeOfRawData).
    zero_len: usize,
}

/// Read access to an image by RVA, before it is mapped.
///
/// An RVA is readable when it falls in the headers `[0, SizeOfHeaders)` or in a section's
/// file-backed data `[rva, rva + raw_size)`. A read that starts there may run on into the
/// section's zero-filled tail (`raw_size..virtual_size`), which reads as zeros, as it would
/// in memory. Sections are not assumed valid: every file access is checked again.
///
/// (`object`'s `SectionTable` maps RVAs too, but without the headers, the zero-filled tail
/// or a VirtualSize of 0 meaning SizeOfRawData, so the loader keeps its own mapping.)
pub(super) struct Image<'a> {
    pub data: &'a [u8],
    pub size_of_image: u32,
    pub size_of_headers: u32,
    pub sections: &'a [Section],
}

impl<'a> Image<'a> {
    /// Locate `rva` in the headers or a section's raw data.
    fn span(&self, rva: u64) -> Option<Span> {
        if rva < u64::from(self.size_of_headers) {
            let file_off = usize::try_from(rva).ok()?;
            let end = usize::try_from(self.size_of_headers)
                .ok()?
                .min(self.data.len());
            return Some(Span {
                file_off,
                file_len: end.checked_sub(file_off)?,
                zero_len: 0,
            });
        }
        self.sections.iter().find_map(|s| {
            let delta = rva.checked_sub(u64::from(s.rva))?;
            if delta >= u64::from(s.raw_size) {
                return None;
            }
            let file_off = u64::from(s.raw_offset).checked_add(delta)?;
            let file_end =
                (u64::from(s.raw_offset) + u64::from(s.raw_size)).min(self.data.len() as u64);
            Some(Span {
                file_off: usize::try_from(file_off).ok()?,
                file_len: usize::try_from(file_end.checked_sub(file_off)?).ok()?,
                zero_len: usize::try_from(s.virtual_size.saturating_sub(s.raw_size)).ok()?,
            })
        })
    }

    /// The span at `rva`, or an error naming `what` when the RVA is not file-backed.
    fn span_or_err(&self, rva: u64, what: &str) -> Result<Span, PeError> {
        self.span(rva).ok_or_else(|| {
            malformed(format!(
                "{what} at RVA {rva:#x} is not in the headers or in any section's file data"
            ))
        })
    }

    /// `len` contiguous file-backed bytes at `rva` (no zero-filled tail allowed), for tables
    /// whose size comes from the image: their size is then bounded by the file size.
    pub fn slice(&self, rva: u64, len: u64, what: &str) -> Result<&'a [u8], PeError> {
        let span = self.span_or_err(rva, what)?;
        let past = || {
            malformed(format!(
                "{what} at RVA {rva:#x} (size {len:#x}) runs past the end of its section's file data"
            ))
        };
        let len = usize::try_from(len).map_err(|_| past())?;
        if len > span.file_len {
            return Err(past());
        }
        let end = span.file_off.checked_add(len).ok_or_else(past)?;
        self.data.get(span.file_off..end).ok_or_else(past)
    }

    /// `count` entries of `T` at `rva`, file-backed (see [`Image::slice`]). `T` must be one of
    /// `object`'s byte-aligned types (`U16Bytes`, `U32Bytes`, ...), which any offset fits.
    pub fn table<T: Pod>(&self, rva: u64, count: usize, what: &str) -> Result<&'a [T], PeError> {
        let len = (count as u64).saturating_mul(size_of::<T>() as u64);
        let bytes = self.slice(rva, len, what)?;
        pod::slice_from_bytes::<T>(bytes, count)
            .map(|(table, _)| table)
            .map_err(|()| malformed(format!("{what} at RVA {rva:#x} is misaligned")))
    }

    /// The structure `T` at `rva`; bytes in the section's zero-filled tail read as 0.
    pub fn read<T: Pod>(&self, rva: u64, what: &str) -> Result<T, PeError> {
        self.read_prefix(rva, size_of::<T>(), what)
    }

    /// The structure `T` at `rva`, of which only the first `needed` bytes must lie in the
    /// section (for a structure whose later fields are not used): fields past the end of the
    /// section read as 0, like the zero-filled tail.
    pub fn read_prefix<T: Pod>(&self, rva: u64, needed: usize, what: &str) -> Result<T, PeError> {
        let span = self.span_or_err(rva, what)?;
        if needed > span.file_len.saturating_add(span.zero_len) {
            return Err(malformed(format!(
                "{what} at RVA {rva:#x} ({needed:#x} bytes) runs past the end of its section"
            )));
        }
        let n = size_of::<T>().min(span.file_len);
        let src = self
            .data
            .get(span.file_off..span.file_off.saturating_add(n))
            .unwrap_or_default();
        pod_padded(src).ok_or_else(|| malformed(format!("{what} at RVA {rva:#x} is unreadable")))
    }

    /// The NUL-terminated string at `rva`. It may end in the section's zero-filled tail;
    /// running to the end of the section or file without a NUL is an error.
    pub fn cstr(&self, rva: u64, what: &str) -> Result<String, PeError> {
        let span = self.span_or_err(rva, what)?;
        let end = span
            .file_off
            .saturating_add(span.file_len)
            .min(self.data.len());
        let bytes = self.data.get(span.file_off..end).unwrap_or_default();
        let text = match bytes.iter().position(|&b| b == 0) {
            Some(nul) => bytes.get(..nul).unwrap_or_default(),
            None if span.zero_len > 0 => bytes,
            None => {
                return Err(malformed(format!(
                    "{what} at RVA {rva:#x} is not terminated"
                )));
            }
        };
        Ok(String::from_utf8_lossy(text).into_owned())
    }

    /// Check that `[rva, rva + len)` lies inside the image (`SizeOfImage`).
    pub fn check_in_image(&self, rva: u64, len: u64, what: &str) -> Result<(), PeError> {
        match rva.checked_add(len) {
            Some(end) if end <= u64::from(self.size_of_image) => Ok(()),
            _ => Err(malformed(format!(
                "{what} (RVA {rva:#x}, size {len:#x}) lies outside the image (SizeOfImage {:#x})",
                self.size_of_image
            ))),
        }
    }
}
