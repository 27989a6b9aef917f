//! The per-function EH tables (FuncInfo, found through the frame handler's HandlerData), decoded
//! into one shape for the frame handler: the unwind map (state → what to destroy, next state),
//! the try blocks with their catch handlers, and the IP → state map.
//!
//! Versions 1-3 (`__CxxFrameHandler3`, magic 0x19930520-22) are fixed-size records of RVAs;
//! version 4 (`__CxxFrameHandler4`) is the compressed form decoded in `fh4.rs`.

use super::types::*;

/// What unwinding a state does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Nothing (a try block's own state).
    None,
    /// Call a cleanup funclet with the establisher frame.
    Funclet(usize),
    /// Call a destructor on the object at frame + offset (FH4).
    DtorObject { dtor: usize, offset: i32 },
    /// Call a destructor on the object whose pointer is at frame + offset (FH4).
    DtorPointer { dtor: usize, offset: i32 },
}

/// One unwind-map entry: the action for a state, and the state that encloses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnwindEntry {
    pub to_state: i32,
    pub action: Action,
}

/// One catch clause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handler {
    pub adjectives: u32,
    /// The TypeDescriptor caught, None for `catch(...)`.
    pub type_desc: Option<usize>,
    /// Where the caught object (or reference) goes: establisher frame + this, 0 = nowhere.
    pub catch_obj: i32,
    /// The catch funclet.
    pub handler: usize,
    /// Offset in the funclet's own frame of the saved parent establisher frame (v1-3).
    pub frame_offset: u32,
    /// FH4: where execution continues after the catch (when the funclet returns an index).
    pub continuations: Vec<usize>,
}

/// One try block: the states of the try part and the last state of its catch handlers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TryBlock {
    pub try_low: i32,
    pub try_high: i32,
    pub catch_high: i32,
    pub handlers: Vec<Handler>,
}

/// A function's EH description, decoded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EhFunc {
    /// 1, 2, 3 (the FuncInfo magic) or 4 (FH4).
    pub version: u32,
    pub unwind: Vec<UnwindEntry>,
    pub try_blocks: Vec<TryBlock>,
    /// (RVA of the first instruction, state from there on), sorted.
    pub ip_map: Vec<(u32, i32)>,
    /// Frame offset of the 8-byte UnwindHelp slot (v1-3; the prolog stores -2 there).
    pub unwind_help: Option<i32>,
    /// EHFlags (FI_EHS_FLAG, FI_EHNOEXCEPT_FLAG).
    pub flags: u32,
    /// FH4 tables of a catch funclet: the offset in its frame of the saved parent frame.
    pub catch_frame: Option<u32>,
}

impl EhFunc {
    /// The state at an instruction (RVA): the last map entry at or before it, -1 before all.
    pub fn state_at(&self, ip_rva: u32) -> i32 {
        let i = self.ip_map.partition_point(|&(ip, _)| ip <= ip_rva);
        if i == 0 { -1 } else { self.ip_map[i - 1].1 }
    }

    /// The state enclosing `state` (-1 when it has none or is out of range).
    pub fn parent(&self, state: i32) -> i32 {
        if state < 0 { -1 } else { self.unwind.get(state as usize).map_or(-1, |e| e.to_state) }
    }

    /// The try block and handler whose catch funclet starts at `addr`, if it is one.
    pub fn catch_funclet(&self, addr: usize) -> Option<(&TryBlock, &Handler)> {
        self.try_blocks
            .iter()
            .rev()
            .find_map(|tb| tb.handlers.iter().find(|h| h.handler == addr).map(|h| (tb, h)))
    }
}

/// Why a FuncInfo could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum BadInfo {
    Magic(u32),
}

/// The raw FuncInfo header (x64).
#[repr(C)]
#[derive(Clone, Copy)]
struct FuncInfo {
    magic_and_bbt: u32,
    max_state: i32,
    unwind_map: i32,
    n_try_blocks: u32,
    try_block_map: i32,
    n_ip_map: u32,
    ip_to_state_map: i32,
    unwind_help: i32,
    es_type_list: i32,
    eh_flags: u32,
}

/// Decode a version 1-3 FuncInfo at `addr` of the image at `base`.
///
/// # Safety
/// `addr` must point at a FuncInfo whose tables lie in the image at `base`.
pub unsafe fn read_funcinfo(addr: usize, base: usize) -> Result<EhFunc, BadInfo> {
    // The header's size depends on the version: read the fields one at a time.
    let magic = unsafe { read::<u32>(addr) } & 0x1FFF_FFFF;
    let version = match magic {
        EH_MAGIC_1 => 1,
        EH_MAGIC_2 => 2,
        EH_MAGIC_3 => 3,
        m => return Err(BadInfo::Magic(m)),
    };
    let f = |off: usize| unsafe { read::<i32>(addr + off) };
    let fi = FuncInfo {
        magic_and_bbt: magic,
        max_state: f(4),
        unwind_map: f(8),
        n_try_blocks: f(12) as u32,
        try_block_map: f(16),
        n_ip_map: f(20) as u32,
        ip_to_state_map: f(24),
        unwind_help: f(28),
        es_type_list: if version >= 2 { f(32) } else { 0 },
        eh_flags: if version >= 3 { f(36) as u32 } else { 0 },
    };
    let _ = (fi.magic_and_bbt, fi.es_type_list);
    let mut out = EhFunc { version, flags: fi.eh_flags, ..EhFunc::default() };
    if let Some(map) = rva(base, fi.unwind_map) {
        for i in 0..fi.max_state.max(0) as usize {
            let to_state: i32 = unsafe { read(map + 8 * i) };
            let action: i32 = unsafe { read(map + 8 * i + 4) };
            let action = rva(base, action).map_or(Action::None, Action::Funclet);
            out.unwind.push(UnwindEntry { to_state, action });
        }
    }
    if let Some(map) = rva(base, fi.try_block_map) {
        for i in 0..fi.n_try_blocks as usize {
            let e = map + 20 * i;
            let g = |off: usize| unsafe { read::<i32>(e + off) };
            let mut handlers = Vec::new();
            if let Some(arr) = rva(base, g(16)) {
                for j in 0..g(12).max(0) as usize {
                    let h = arr + 20 * j;
                    let r = |off: usize| unsafe { read::<i32>(h + off) };
                    handlers.push(Handler {
                        adjectives: r(0) as u32,
                        type_desc: rva(base, r(4)),
                        catch_obj: r(8),
                        handler: rva(base, r(12)).unwrap_or(0),
                        frame_offset: r(16) as u32,
                        continuations: Vec::new(),
                    });
                }
            }
            out.try_blocks.push(TryBlock { try_low: g(0), try_high: g(4), catch_high: g(8), handlers });
        }
    }
    if let Some(map) = rva(base, fi.ip_to_state_map) {
        for i in 0..fi.n_ip_map as usize {
            let ip: u32 = unsafe { read(map + 8 * i) };
            let state: i32 = unsafe { read(map + 8 * i + 4) };
            out.ip_map.push((ip, state));
        }
        out.ip_map.sort_by_key(|e| e.0);
    }
    out.unwind_help = (fi.unwind_help != 0).then_some(fi.unwind_help);
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A fake image: a byte buffer whose address is the image base, filled at RVAs.
    pub struct Image {
        pub bytes: Vec<u8>,
    }

    impl Image {
        pub fn new(size: usize) -> Image {
            Image { bytes: vec![0; size] }
        }
        pub fn base(&self) -> usize {
            self.bytes.as_ptr() as usize
        }
        pub fn put(&mut self, at: usize, words: &[i32]) {
            for (i, w) in words.iter().enumerate() {
                self.bytes[at + 4 * i..at + 4 * i + 4].copy_from_slice(&w.to_le_bytes());
            }
        }
        pub fn put_bytes(&mut self, at: usize, b: &[u8]) {
            self.bytes[at..at + b.len()].copy_from_slice(b);
        }
    }

    /// A version-3 FuncInfo like clang's for `try { A a; f(); } catch (int &) {} catch (...) {}`.
    pub fn sample() -> (Image, usize) {
        let mut img = Image::new(0x400);
        // FuncInfo at 0x10: magic, maxState 2, unwind map 0x40, 1 try block at 0x60,
        // 3 ip entries at 0x100, UnwindHelp 0x38, no ES list, flags FI_EHS_FLAG.
        img.put(0x10, &[EH_MAGIC_3 as i32, 3, 0x40, 1, 0x60, 3, 0x100, 0x38, 0, 1]);
        // Unwind map: state 0 (try) → -1, no action; state 1 (A alive) → 0, cleanup at 0x200;
        // state 2 (in a catch) → -1.
        img.put(0x40, &[-1, 0, 0, 0x200, -1, 0]);
        // Try block: states 0..1, catch state 2, 2 handlers at 0x80.
        img.put(0x60, &[0, 1, 2, 2, 0x80]);
        // Handler 0: int&, object at frame+0x28, funclet 0x300, frame slot 0x38.
        img.put(0x80, &[HT_IS_REFERENCE as i32, 0x180, 0x28, 0x300, 0x38]);
        // Handler 1: catch(...), funclet 0x340.
        img.put(0x94, &[0, 0, 0, 0x340, 0x38]);
        img.put(0x100, &[0x1000, 0, 0x1010, 1, 0x1030, -1]);
        img.put_bytes(0x190, b".H\0");
        (img, 0x10)
    }

    #[test]
    fn decodes_version_3() {
        let (img, at) = sample();
        let b = img.base();
        let f = unsafe { read_funcinfo(b + at, b) }.unwrap();
        assert_eq!(f.version, 3);
        assert_eq!(f.flags, FI_EHS_FLAG);
        assert_eq!(f.unwind_help, Some(0x38));
        assert_eq!(f.unwind.len(), 3);
        assert_eq!(f.unwind[1], UnwindEntry { to_state: 0, action: Action::Funclet(b + 0x200) });
        assert_eq!(f.unwind[0].action, Action::None);
        assert_eq!(f.try_blocks.len(), 1);
        let tb = &f.try_blocks[0];
        assert_eq!((tb.try_low, tb.try_high, tb.catch_high), (0, 1, 2));
        assert_eq!(tb.handlers[0].type_desc, Some(b + 0x180));
        assert_eq!(tb.handlers[0].catch_obj, 0x28);
        assert_eq!(tb.handlers[1].type_desc, None);
        assert_eq!(tb.handlers[1].handler, b + 0x340);
        assert_eq!(f.catch_funclet(b + 0x340).map(|(t, _)| t.try_high), Some(1));
        assert!(f.catch_funclet(b + 0x341).is_none());
    }

    #[test]
    fn ip_to_state() {
        let (img, at) = sample();
        let f = unsafe { read_funcinfo(img.base() + at, img.base()) }.unwrap();
        assert_eq!(f.state_at(0xfff), -1);
        assert_eq!(f.state_at(0x1000), 0);
        assert_eq!(f.state_at(0x100f), 0);
        assert_eq!(f.state_at(0x1010), 1);
        assert_eq!(f.state_at(0x1040), -1);
        assert_eq!(f.parent(1), 0);
        assert_eq!(f.parent(0), -1);
        assert_eq!(f.parent(-1), -1);
    }

    #[test]
    fn rejects_bad_magic() {
        let mut img = Image::new(0x40);
        img.put(0, &[0x1234]);
        assert_eq!(unsafe { read_funcinfo(img.base(), img.base()) }, Err(BadInfo::Magic(0x1234)));
    }
}
