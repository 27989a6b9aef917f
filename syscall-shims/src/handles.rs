//! The process handle table. A HANDLE is an index into it (multiples of 4, as on Windows);
//! each entry holds a reference-counted kernel object and the handle's flags. Named objects
//! (events, mutexes, semaphores; file mappings later) share one namespace.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex, Weak};
use windows_sys::Win32::Foundation::{
    ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_PATH_NOT_FOUND, HANDLE,
    HANDLE_FLAG_INHERIT, HANDLE_FLAG_PROTECT_FROM_CLOSE,
};

use crate::file::FileObject;
use crate::waitable::{self, Waitable};

/// A kernel object a handle can refer to.
#[derive(Debug)]
pub enum Object {
    File(FileObject),
    Thread(waitable::Thread),
    Process(waitable::Process),
    Event(waitable::Event),
    Mutex(waitable::Mutex),
    Semaphore(waitable::Semaphore),
    /// A waitable timer (waitable::timer).
    Timer(waitable::Timer),
    /// A job object (crate::process): never signaled.
    Job(crate::process::Job),
    /// The server end of a named pipe (crate::pipe); I/O goes to its fd, as for files.
    Pipe(crate::pipe::PipeServer),
    /// A section (file mapping object, crate::file::mapping): not waitable.
    Section(crate::file::mapping::Section),
    /// An I/O completion port (waitable::port).
    Port(waitable::Port),
    /// An access token (crate::token): not waitable.
    Token(crate::token::Token),
}

impl Object {
    /// The object's wait state (files are always signaled, as a synchronous file handle is;
    /// console input is signaled while input waits).
    pub fn waitable(&self) -> &Waitable {
        match self {
            Object::File(f) => waitable::console::waitable_of(f),
            Object::Thread(t) => &t.waitable,
            Object::Process(p) => &p.waitable,
            Object::Event(e) => &e.0,
            Object::Mutex(m) => &m.0,
            Object::Semaphore(s) => &s.0,
            Object::Timer(t) => &t.waitable,
            Object::Job(j) => &j.waitable,
            Object::Pipe(_) => &waitable::ALWAYS_SIGNALED,
            Object::Section(_) => &waitable::ALWAYS_SIGNALED,
            Object::Port(p) => &p.waitable,
            Object::Token(_) => &waitable::ALWAYS_SIGNALED,
        }
    }
}

/// The pseudo handle GetCurrentProcess returns.
pub const CURRENT_PROCESS: HANDLE = -1isize as HANDLE;
/// The pseudo handle GetCurrentThread returns.
pub const CURRENT_THREAD: HANDLE = -2isize as HANDLE;

struct Entry {
    obj: Arc<Object>,
    /// HANDLE_FLAG_INHERIT | HANDLE_FLAG_PROTECT_FROM_CLOSE.
    flags: u32,
}

struct Table {
    entries: Vec<Option<Entry>>,
}

/// The first handle value handed out (small values are reserved, as on Windows).
const FIRST: usize = 4;

static TABLE: LazyLock<Mutex<Table>> = LazyLock::new(|| Mutex::new(Table { entries: Vec::new() }));

fn table() -> std::sync::MutexGuard<'static, Table> {
    TABLE.lock().unwrap_or_else(|e| e.into_inner())
}

fn index_of(h: HANDLE) -> Option<usize> {
    let v = h as usize;
    if v < FIRST * 4 || !v.is_multiple_of(4) { None } else { Some(v / 4 - FIRST) }
}

fn insert_flags(obj: Arc<Object>, flags: u32) -> HANDLE {
    let mut t = table();
    let slot = match t.entries.iter().position(|e| e.is_none()) {
        Some(i) => i,
        None => {
            t.entries.push(None);
            t.entries.len() - 1
        }
    };
    t.entries[slot] = Some(Entry { obj, flags });
    ((slot + FIRST) * 4) as HANDLE
}

/// Put an object in the table and return its new handle.
pub fn insert(obj: Arc<Object>, inherit: bool) -> HANDLE {
    insert_flags(obj, if inherit { HANDLE_FLAG_INHERIT } else { 0 })
}

/// Put an object in the table under a given handle value with HANDLE_FLAG_* `flags` (a child
/// process rebuilding the handles it inherited, which keep their values). ERROR_INVALID_HANDLE
/// for a value that is not a handle value or is taken.
pub fn insert_at(h: HANDLE, obj: Arc<Object>, flags: u32) -> Result<(), u32> {
    let idx = index_of(h).ok_or(ERROR_INVALID_HANDLE)?;
    let mut t = table();
    if t.entries.len() <= idx {
        t.entries.resize_with(idx + 1, || None);
    }
    if t.entries[idx].is_some() {
        return Err(ERROR_INVALID_HANDLE);
    }
    t.entries[idx] = Some(Entry { obj, flags });
    Ok(())
}

/// Every handle marked HANDLE_FLAG_INHERIT, with its object and flags (what CreateProcess
/// passes to a child when it inherits handles).
pub fn inheritable() -> Vec<(HANDLE, Arc<Object>, u32)> {
    let t = table();
    t.entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.as_ref().map(|e| (i, e)))
        .filter(|(_, e)| e.flags & HANDLE_FLAG_INHERIT != 0)
        .map(|(i, e)| (((i + FIRST) * 4) as HANDLE, e.obj.clone(), e.flags))
        .collect()
}

fn with_entry<T>(h: HANDLE, f: impl FnOnce(&mut Entry) -> T) -> Result<T, u32> {
    let idx = index_of(h).ok_or(ERROR_INVALID_HANDLE)?;
    // One lock for a handle that is there (the common case: waits and ReleaseMutex look
    // handles up on every call).
    let mut f = Some(f);
    if let Some(Some(e)) = table().entries.get_mut(idx) {
        return Ok((f.take().expect("unused"))(e));
    }
    // A miss may be a handle another process has just sent us (DuplicateHandle from a parent).
    if MISS_HOOK.get().is_none_or(|hook| !hook()) {
        return Err(ERROR_INVALID_HANDLE);
    }
    let f = f.expect("unused");
    match table().entries.get_mut(idx) {
        Some(Some(e)) => Ok(f(e)),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// Called when a handle lookup misses; returns true if it added handles (then the lookup is
/// retried once). The process module sets it in a child that can receive handles.
static MISS_HOOK: std::sync::OnceLock<fn() -> bool> = std::sync::OnceLock::new();

/// Set the hook called on a handle lookup miss (once).
pub fn set_miss_hook(f: fn() -> bool) {
    let _ = MISS_HOOK.set(f);
}

/// The object behind a handle (pseudo handles excluded: see [`resolve`]).
pub fn get(h: HANDLE) -> Result<Arc<Object>, u32> {
    with_entry(h, |e| e.obj.clone())
}

/// The object behind a handle, the pseudo handles of the current process and thread included.
pub fn resolve(h: HANDLE) -> Result<Arc<Object>, u32> {
    if h == CURRENT_PROCESS {
        Ok(waitable::current_process())
    } else if h == CURRENT_THREAD {
        Ok(waitable::current_thread())
    } else {
        get(h)
    }
}

/// CloseHandle: drop the table's reference. A handle protected from close stays open
/// (ERROR_INVALID_HANDLE, as Wine reports STATUS_HANDLE_NOT_CLOSABLE).
pub fn close(h: HANDLE) -> Result<(), u32> {
    let idx = index_of(h).ok_or(ERROR_INVALID_HANDLE)?;
    let mut t = table();
    let removed = match t.entries.get_mut(idx) {
        Some(Some(e)) if e.flags & HANDLE_FLAG_PROTECT_FROM_CLOSE != 0 => return Err(ERROR_INVALID_HANDLE),
        Some(e @ Some(_)) => e.take(),
        _ => return Err(ERROR_INVALID_HANDLE),
    };
    drop(t);
    // The object (and, for the last reference, its fd) goes outside the table lock.
    drop(removed);
    Ok(())
}

/// Is the handle marked inheritable?
pub fn is_inheritable(h: HANDLE) -> Result<bool, u32> {
    Ok(flags(h)? & HANDLE_FLAG_INHERIT != 0)
}

/// GetHandleInformation: the handle's HANDLE_FLAG_* bits. Pseudo handles have none.
pub fn flags(h: HANDLE) -> Result<u32, u32> {
    if h == CURRENT_PROCESS || h == CURRENT_THREAD {
        return Ok(0);
    }
    with_entry(h, |e| e.flags)
}

/// SetHandleInformation: replace the bits of `mask` with those of `value`.
pub fn set_flags(h: HANDLE, mask: u32, value: u32) -> Result<(), u32> {
    let valid = HANDLE_FLAG_INHERIT | HANDLE_FLAG_PROTECT_FROM_CLOSE;
    with_entry(h, |e| e.flags = (e.flags & !(mask & valid)) | (value & mask & valid))
}

/// DuplicateHandle within the process: a new handle to the same object (pseudo handles become
/// real ones); `close_source` closes `h` whether or not the duplication succeeded.
pub fn duplicate(h: HANDLE, inherit: bool, close_source: bool) -> Result<HANDLE, u32> {
    let obj = resolve(h);
    if close_source && h != CURRENT_PROCESS && h != CURRENT_THREAD {
        // Before the duplicate is made, so that it may take the source's value, as in Wine. A
        // protected source stays open.
        let _ = close(h);
    }
    Ok(insert(obj?, inherit))
}

// ---------------------------------------------------------------------------------------------
// Named objects. Names are case-sensitive, as on Windows. "Local\" is the session namespace
// that unprefixed names live in; "Global\" is a namespace of its own; any other backslash names
// a directory that does not exist.

static NAMES: LazyLock<Mutex<HashMap<String, Weak<Object>>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

fn name_key(name: &str) -> Result<String, u32> {
    let rest = name.strip_prefix("Local\\").unwrap_or(name);
    let leaf = rest.strip_prefix("Global\\").unwrap_or(rest);
    if leaf.contains('\\') {
        return Err(ERROR_PATH_NOT_FOUND);
    }
    Ok(rest.to_string())
}

/// The object of the kind `is_kind` accepts under `name`, or one made by `make` (and named so).
/// Returns the object and whether it existed. An object of another kind under the name:
/// ERROR_INVALID_HANDLE.
pub fn create_named(
    name: &str,
    is_kind: fn(&Object) -> bool,
    make: impl FnOnce() -> Result<Arc<Object>, u32>,
) -> Result<(Arc<Object>, bool), u32> {
    let key = name_key(name)?;
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(o) = names.get(&key).and_then(Weak::upgrade) {
        return if is_kind(&o) { Ok((o, true)) } else { Err(ERROR_INVALID_HANDLE) };
    }
    let o = make()?;
    names.retain(|_, w| w.strong_count() > 0);
    names.insert(key, Arc::downgrade(&o));
    Ok((o, false))
}

/// Open*W: the object named `name`; ERROR_FILE_NOT_FOUND when there is none,
/// ERROR_INVALID_HANDLE when it is of another kind.
pub fn open_named(name: &str, is_kind: fn(&Object) -> bool) -> Result<Arc<Object>, u32> {
    if name.is_empty() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let key = name_key(name)?;
    let names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    match names.get(&key).and_then(Weak::upgrade) {
        Some(o) if is_kind(&o) => Ok(o),
        Some(_) => Err(ERROR_INVALID_HANDLE),
        None => Err(ERROR_FILE_NOT_FOUND),
    }
}

/// The three standard handles (stdin, stdout, stderr), created on first use over fds 0, 1, 2
/// (or given by [`init_std`]); SetStdHandle replaces them.
static STD: LazyLock<[AtomicUsize; 3]> = LazyLock::new(|| {
    STD_STARTED.store(true, Ordering::Release);
    let given = STD_GIVEN.get().copied().unwrap_or([None; 3]);
    [0, 1, 2].map(|fd| {
        AtomicUsize::new(
            given[fd]
                .unwrap_or_else(|| insert(Arc::new(Object::File(FileObject::from_std_fd(fd as i32))), true) as usize),
        )
    })
});

/// Standard handle values set before first use (a child process's, from its parent).
static STD_GIVEN: std::sync::OnceLock<[Option<usize>; 3]> = std::sync::OnceLock::new();
static STD_STARTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Set the standard handles before anything uses them: `Some(value)` is used as is (NULL
/// included), `None` gets the usual new handle over fd 0, 1 or 2. False if too late.
pub fn init_std(values: [Option<HANDLE>; 3]) -> bool {
    !STD_STARTED.load(Ordering::Acquire) && STD_GIVEN.set(values.map(|v| v.map(|h| h as usize))).is_ok()
}

/// The handle of standard input (0), output (1) or error (2).
pub fn std_handle(which: usize) -> HANDLE {
    STD[which].load(Ordering::Acquire) as HANDLE
}

/// Replace a standard handle.
pub fn set_std_handle(which: usize, h: HANDLE) {
    STD[which].store(h as usize, Ordering::Release)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> Arc<Object> {
        Arc::new(Object::Event(waitable::Event::new(true, false)))
    }

    #[test]
    fn flags_protect_and_duplicate() {
        let h = insert(event(), false);
        assert_eq!(flags(h), Ok(0));
        set_flags(h, HANDLE_FLAG_PROTECT_FROM_CLOSE, HANDLE_FLAG_PROTECT_FROM_CLOSE).unwrap();
        assert_eq!(close(h), Err(ERROR_INVALID_HANDLE));
        set_flags(h, 0xff, HANDLE_FLAG_INHERIT).unwrap();
        assert_eq!(flags(h), Ok(HANDLE_FLAG_INHERIT));
        assert_eq!(is_inheritable(h), Ok(true));
        let obj = event();
        let other = insert(obj.clone(), false);
        let d = duplicate(other, false, true).unwrap();
        // The source is closed first; its value is free for the duplicate (as in Wine) unless
        // a concurrent test took it.
        assert!(d == other || get(other).is_err());
        assert!(Arc::ptr_eq(&get(d).unwrap(), &obj));
        close(d).unwrap();
        let d = duplicate(h, false, false).unwrap();
        assert_ne!(d, h);
        close(d).unwrap();
        close(h).unwrap();
        assert_eq!(flags(CURRENT_PROCESS), Ok(0));
        let p = duplicate(CURRENT_PROCESS, false, true).unwrap();
        assert!(matches!(*get(p).unwrap(), Object::Process(_)));
        close(p).unwrap();
    }

    #[test]
    fn names() {
        let is_event: fn(&Object) -> bool = |o| matches!(o, Object::Event(_));
        let is_mutex: fn(&Object) -> bool = |o| matches!(o, Object::Mutex(_));
        let (a, existed) = create_named("handles-test-ev", is_event, || Ok(event())).unwrap();
        assert!(!existed);
        let (b, existed) = create_named("Local\\handles-test-ev", is_event, || unreachable!()).unwrap();
        assert!(existed && Arc::ptr_eq(&a, &b));
        let (c, existed) = create_named("Global\\handles-test-ev", is_event, || Ok(event())).unwrap();
        assert!(!existed && !Arc::ptr_eq(&a, &c));
        let (d, existed) = create_named("HANDLES-TEST-EV", is_event, || Ok(event())).unwrap();
        assert!(!existed && !Arc::ptr_eq(&a, &d), "names are case-sensitive");
        assert_eq!(create_named("handles-test-ev", is_mutex, || unreachable!()).unwrap_err(), ERROR_INVALID_HANDLE);
        assert_eq!(create_named("a\\b", is_event, || Ok(event())).unwrap_err(), ERROR_PATH_NOT_FOUND);
        assert!(Arc::ptr_eq(&open_named("handles-test-ev", is_event).unwrap(), &a));
        assert_eq!(open_named("handles-test-ev", is_mutex).unwrap_err(), ERROR_INVALID_HANDLE);
        assert_eq!(open_named("handles-test-none", is_event).unwrap_err(), ERROR_FILE_NOT_FOUND);
        assert_eq!(open_named("", is_event).unwrap_err(), ERROR_INVALID_PARAMETER);
        drop((a, b));
        assert_eq!(
            open_named("handles-test-ev", is_event).unwrap_err(),
            ERROR_FILE_NOT_FOUND,
            "the name dies with the object"
        );
    }
}
