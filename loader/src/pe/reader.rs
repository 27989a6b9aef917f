//! Bounds-checked reads: little-endian fields out of a byte buffer, and bytes, structures
//! and C strings out of the image by RVA (through the headers or a section's file data).
//!
//! Everything here is total: a read that does not fit returns `None` or a
//! [`PeError::Malformed`] naming what was being read, never a panic.

use super::{PeError, Section};

/// Shorthand for a [`PeError::Malformed`] with the given message.
pub(super) fn malformed(msg: String) -> PeError {
    PeError::Malformed(msg)
}

/// The `N` bytes at `off` in `buf`, or `None` when they do not all lie inside it.
pub(super) fn bytes_at<const N: usize>(buf: &[u8], off: usize) -> Option<[u8; N]> {
    buf.get(off..off.checked_add(N)?)?.try_into().ok()
}

/// Little-endian field reader over a buffer whose size the caller has already checked.
///
/// A field that does not fit reads as 0; callers size the buffer to the structure first,
/// so that only happens through a programming error, and then still without a panic.
#[derive(Clone, Copy)]
pub(super) struct Le<'a>(pub &'a [u8]);

impl Le<'_> {
    /// The little-endian u16 at `off`.
    pub fn u16(&self, off: usize) -> u16 {
        bytes_at(self.0, off).map(u16::from_le_bytes).unwrap_or(0)
    }
    /// The little-endian u32 at `off`.
    pub fn u32(&self, off: usize) -> u32 {
        bytes_at(self.0, off).map(u32::from_le_bytes).unwrap_or(0)
    }
    /// The little-endian u64 at `off`.
    pub fn u64(&self, off: usize) -> u64 {
        bytes_at(self.0, off).map(u64::from_le_bytes).unwrap_or(0)
    }
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

    /// A fixed-size structure at `rva`; bytes in the section's zero-filled tail read as 0.
    pub fn read<const N: usize>(&self, rva: u64, what: &str) -> Result<[u8; N], PeError> {
        let span = self.span_or_err(rva, what)?;
        if N > span.file_len.saturating_add(span.zero_len) {
            return Err(malformed(format!(
                "{what} at RVA {rva:#x} ({N:#x} bytes) runs past the end of its section"
            )));
        }
        let mut out = [0u8; N];
        let n = N.min(span.file_len);
        let src = self
            .data
            .get(span.file_off..span.file_off.saturating_add(n))
            .unwrap_or_default();
        if let Some(dst) = out.get_mut(..src.len()) {
            dst.copy_from_slice(src);
        }
        Ok(out)
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
