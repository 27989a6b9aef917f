//! The process handle table. A HANDLE is an index into it (multiples of 4, as on Windows);
//! each entry holds a reference-counted kernel object.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use windows_sys::Win32::Foundation::{ERROR_INVALID_HANDLE, HANDLE};

use crate::file::FileObject;

/// A kernel object a handle can refer to. Waitable objects, processes and the rest join here.
#[derive(Debug)]
pub enum Object {
    File(FileObject),
}

struct Entry {
    obj: Arc<Object>,
    inherit: bool,
}

struct Table {
    entries: Vec<Option<Entry>>,
}

/// The first handle value handed out (small values are reserved, as on Windows).
const FIRST: usize = 4;

static TABLE: LazyLock<Mutex<Table>> = LazyLock::new(|| Mutex::new(Table { entries: Vec::new() }));

fn index_of(h: HANDLE) -> Option<usize> {
    let v = h as usize;
    if v < FIRST * 4 || !v.is_multiple_of(4) { None } else { Some(v / 4 - FIRST) }
}

/// Put an object in the table and return its new handle.
pub fn insert(obj: Arc<Object>, inherit: bool) -> HANDLE {
    let mut t = TABLE.lock().unwrap_or_else(|e| e.into_inner());
    let slot = match t.entries.iter().position(|e| e.is_none()) {
        Some(i) => i,
        None => {
            t.entries.push(None);
            t.entries.len() - 1
        }
    };
    t.entries[slot] = Some(Entry { obj, inherit });
    ((slot + FIRST) * 4) as HANDLE
}

/// The object behind a handle.
pub fn get(h: HANDLE) -> Result<Arc<Object>, u32> {
    let idx = index_of(h).ok_or(ERROR_INVALID_HANDLE)?;
    let t = TABLE.lock().unwrap_or_else(|e| e.into_inner());
    match t.entries.get(idx) {
        Some(Some(e)) => Ok(e.obj.clone()),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// CloseHandle: drop the table's reference.
pub fn close(h: HANDLE) -> Result<(), u32> {
    let idx = index_of(h).ok_or(ERROR_INVALID_HANDLE)?;
    let mut t = TABLE.lock().unwrap_or_else(|e| e.into_inner());
    match t.entries.get_mut(idx) {
        Some(e @ Some(_)) => {
            *e = None;
            Ok(())
        }
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// Is the handle marked inheritable?
pub fn is_inheritable(h: HANDLE) -> Result<bool, u32> {
    let idx = index_of(h).ok_or(ERROR_INVALID_HANDLE)?;
    let t = TABLE.lock().unwrap_or_else(|e| e.into_inner());
    match t.entries.get(idx) {
        Some(Some(e)) => Ok(e.inherit),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// The three standard handles (stdin, stdout, stderr), created on first use over fds 0, 1, 2;
/// SetStdHandle replaces them.
static STD: LazyLock<[AtomicUsize; 3]> = LazyLock::new(|| {
    [0, 1, 2].map(|fd| AtomicUsize::new(insert(Arc::new(Object::File(FileObject::from_std_fd(fd))), true) as usize))
});

/// The handle of standard input (0), output (1) or error (2).
pub fn std_handle(which: usize) -> HANDLE {
    STD[which].load(Ordering::Acquire) as HANDLE
}

/// Replace a standard handle.
pub fn set_std_handle(which: usize, h: HANDLE) {
    STD[which].store(h as usize, Ordering::Release)
}
