//! The host side shared by all DLLs: the handle table, waitable objects (threads, events,
//! mutexes, semaphores), files on file descriptors, DOS paths, the console, time, threads and
//! locks, virtual memory, heaps, the environment, code pages, and the errno → Win32 error
//! mapping. It knows nothing of DLLs: callers pass plain values and get `Result<_, u32>` with a
//! Win32 error code.

pub mod cmdline;
pub mod codepage;
pub mod context;
pub mod ctrl;
pub mod console;
pub mod env;
pub mod errno;
pub mod file;
pub mod handles;
pub mod heap;
pub mod meminfo;
pub mod overlapped;
pub mod path;
pub mod pipe;
pub mod process;
pub mod random;
pub mod screen;
pub mod suspend;
pub mod sync;
pub mod time;
pub mod timer;
pub mod token;
pub mod vm;
pub mod waitable;

/// A Win32 error code (ERROR_*).
pub type Win32Error = u32;
