//! The host side shared by all DLLs: the handle table, files on file descriptors, time, and
//! the errno → Win32 error mapping. It knows nothing of DLLs: callers pass plain values and
//! get `Result<_, u32>` with a Win32 error code.

pub mod errno;
pub mod file;
pub mod handles;
pub mod time;

/// A Win32 error code (ERROR_*).
pub type Win32Error = u32;
