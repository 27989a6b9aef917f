//! `__CxxFrameHandler4`'s tables (vcruntime140_1.dll, MSVC 2019+ /d2FH4): a compressed
//! FuncInfo4 decoded into the same [`EhFunc`] as versions 1-3.
//!
//! FuncInfo4: a header byte (flags below), then, as present, the BBT flags (compressed uint),
//! the unwind map RVA, the try block map RVA, the IP-to-state map RVA (for a separated
//! function, a table of (function RVA, map RVA) pairs) and, for a catch funclet, the offset of
//! the saved parent frame. Compressed unsigned ints take 1-4 bytes, the low bits of the first
//! byte saying how many (0 → 1 byte, 01 → 2, 011 → 3, 0111 → 4, else a plain u32 follows).
//! Unwind entries are (type | back-offset to the enclosing entry << 2), then per type the
//! destructor RVA and frame offset. IP map entries are (IP delta from the previous entry,
//! starting at the function, state + 1). Catch handlers carry their continuation addresses.

use super::funcinfo::{Action, EhFunc, Handler, TryBlock, UnwindEntry};
use super::types::*;

const FI4_IS_CATCH: u8 = 0x01;
const FI4_IS_SEPARATED: u8 = 0x02;
const FI4_BBT: u8 = 0x04;
const FI4_UNWIND_MAP: u8 = 0x08;
const FI4_TRYBLOCK_MAP: u8 = 0x10;
const FI4_EHS: u8 = 0x20;
const FI4_NO_EXCEPT: u8 = 0x40;

const HT4_ADJECTIVES: u8 = 0x01;
const HT4_TYPE: u8 = 0x02;
const HT4_CATCH_OBJ: u8 = 0x04;
const HT4_CONT_IS_RVA: u8 = 0x08;
const HT4_CONT_MASK: u8 = 0x30;

/// Why FH4 tables could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum BadInfo4 {
    Header(u8),
    Handler(u8),
    NoIpMap,
}

/// A reader over compressed data.
struct Reader {
    p: usize,
}

impl Reader {
    fn byte(&mut self) -> u8 {
        // SAFETY: callers read inside the tables.
        let b = unsafe { read::<u8>(self.p) };
        self.p += 1;
        b
    }
    fn uint(&mut self) -> u32 {
        let b0 = self.byte() as u32;
        if b0 & 1 == 0 {
            b0 >> 1
        } else if b0 & 3 == 1 {
            (b0 >> 2) | (self.byte() as u32) << 6
        } else if b0 & 7 == 3 {
            (b0 >> 3) | (self.byte() as u32) << 5 | (self.byte() as u32) << 13
        } else if b0 & 15 == 7 {
            (b0 >> 4) | (self.byte() as u32) << 4 | (self.byte() as u32) << 12 | (self.byte() as u32) << 20
        } else {
            self.rva() as u32
        }
    }
    fn rva(&mut self) -> i32 {
        // SAFETY: as above.
        let v = unsafe { read::<i32>(self.p) };
        self.p += 4;
        v
    }
}

/// Decode a FuncInfo4 at `addr` for the function (or funclet) starting at `func_rva` of the
/// image at `base`. `EhFunc::catch_frame` is set for a catch funclet's own tables.
///
/// # Safety
/// `addr` must be FH4 tables of that image.
pub unsafe fn read_funcinfo4(addr: usize, base: usize, func_rva: u32) -> Result<EhFunc, BadInfo4> {
    let mut r = Reader { p: addr };
    let header = r.byte();
    if header & 0x80 != 0 {
        return Err(BadInfo4::Header(header));
    }
    let mut out = EhFunc { version: 4, ..EhFunc::default() };
    if header & FI4_EHS != 0 {
        out.flags |= FI_EHS_FLAG;
    }
    if header & FI4_NO_EXCEPT != 0 {
        out.flags |= FI_EHNOEXCEPT_FLAG;
    }
    if header & FI4_BBT != 0 {
        r.uint();
    }
    let unwind_map = if header & FI4_UNWIND_MAP != 0 { rva(base, r.rva()) } else { None };
    let try_map = if header & FI4_TRYBLOCK_MAP != 0 { rva(base, r.rva()) } else { None };
    let mut ip_map = rva(base, r.rva());
    if header & FI4_IS_SEPARATED != 0 {
        let Some(t) = ip_map else { return Err(BadInfo4::NoIpMap) };
        let mut m = Reader { p: t };
        let n = m.uint();
        ip_map = None;
        for _ in 0..n {
            let (f, map) = (m.rva(), m.rva());
            if f as u32 == func_rva {
                ip_map = rva(base, map);
                break;
            }
        }
        if ip_map.is_none() {
            return Err(BadInfo4::NoIpMap);
        }
    }
    if header & FI4_IS_CATCH != 0 {
        out.catch_frame = Some(r.uint());
    }

    if let Some(m) = unwind_map {
        let mut u = Reader { p: m };
        let n = u.uint();
        let first = u.p;
        let mut starts = Vec::new();
        let mut prevs = Vec::new();
        for _ in 0..n {
            let at = u.p;
            let v = u.uint();
            let back = (v >> 2) as usize;
            let action = match v & 3 {
                1 | 2 => {
                    let dtor = rva(base, u.rva());
                    let offset = u.uint() as i32;
                    match (dtor, v & 3) {
                        (Some(dtor), 1) => Action::DtorObject { dtor, offset },
                        (Some(dtor), _) => Action::DtorPointer { dtor, offset },
                        (None, _) => Action::None,
                    }
                }
                3 => rva(base, u.rva()).map_or(Action::None, Action::Funclet),
                _ => Action::None,
            };
            starts.push(at);
            prevs.push(if back == 0 || at < first + back { None } else { Some(at - back) });
            out.unwind.push(UnwindEntry { to_state: -1, action });
        }
        for (i, p) in prevs.iter().enumerate() {
            out.unwind[i].to_state = p.and_then(|p| starts.iter().position(|&s| s == p)).map_or(-1, |j| j as i32);
        }
    }

    if let Some(m) = try_map {
        let mut t = Reader { p: m };
        for _ in 0..t.uint() {
            let try_low = t.uint() as i32;
            let try_high = t.uint() as i32;
            let catch_high = t.uint() as i32;
            let mut handlers = Vec::new();
            if let Some(h) = rva(base, t.rva()) {
                let mut hr = Reader { p: h };
                for _ in 0..hr.uint() {
                    let hh = hr.byte();
                    if hh & !(HT4_ADJECTIVES | HT4_TYPE | HT4_CATCH_OBJ | HT4_CONT_IS_RVA | HT4_CONT_MASK) != 0
                        || hh & HT4_CONT_MASK == HT4_CONT_MASK
                    {
                        return Err(BadInfo4::Handler(hh));
                    }
                    let adjectives = if hh & HT4_ADJECTIVES != 0 { hr.uint() } else { 0 };
                    let type_desc = if hh & HT4_TYPE != 0 { rva(base, hr.rva()) } else { None };
                    let catch_obj = if hh & HT4_CATCH_OBJ != 0 { hr.uint() as i32 } else { 0 };
                    let handler = rva(base, hr.rva()).unwrap_or(0);
                    let n = (hh & HT4_CONT_MASK) >> 4; // 1 or 2 continuations
                    let mut continuations = Vec::new();
                    for _ in 0..n {
                        let c = if hh & HT4_CONT_IS_RVA != 0 {
                            rva(base, hr.rva()).unwrap_or(0)
                        } else {
                            base + func_rva as usize + hr.uint() as usize
                        };
                        continuations.push(c);
                    }
                    handlers.push(Handler { adjectives, type_desc, catch_obj, handler, frame_offset: 0, continuations });
                }
            }
            out.try_blocks.push(TryBlock { try_low, try_high, catch_high, handlers });
        }
    }

    if let Some(m) = ip_map {
        let mut ir = Reader { p: m };
        let mut ip = func_rva;
        for _ in 0..ir.uint() {
            ip = ip.wrapping_add(ir.uint());
            let state = ir.uint() as i32 - 1;
            out.ip_map.push((ip, state));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::funcinfo::tests::Image;
    use super::*;

    /// Compress an unsigned int the way the compiler does.
    fn enc(v: u32) -> Vec<u8> {
        if v < 0x80 {
            vec![(v << 1) as u8]
        } else if v < 0x4000 {
            vec![((v << 2) | 1) as u8, (v >> 6) as u8]
        } else if v < 0x20_0000 {
            vec![((v << 3) | 3) as u8, (v >> 5) as u8, (v >> 13) as u8]
        } else if v < 0x1000_0000 {
            vec![((v << 4) | 7) as u8, (v >> 4) as u8, (v >> 12) as u8, (v >> 20) as u8]
        } else {
            let mut b = vec![0x0F];
            b.extend_from_slice(&v.to_le_bytes());
            b
        }
    }

    #[test]
    fn compressed_uints() {
        for v in [0, 1, 0x7f, 0x80, 0x3fff, 0x4000, 0x1f_ffff, 0x20_0000, 0xfff_ffff, 0x1000_0000, u32::MAX] {
            let mut img = Image::new(16);
            img.put_bytes(0, &enc(v));
            let mut r = Reader { p: img.base() };
            assert_eq!(r.uint(), v);
            assert_eq!(r.p - img.base(), enc(v).len());
        }
    }

    #[test]
    fn decodes_funcinfo4() {
        let mut img = Image::new(0x400);
        let func = 0x1000u32;
        // Header: unwind map, try map, EHS, noexcept.
        let mut fi = vec![FI4_UNWIND_MAP | FI4_TRYBLOCK_MAP | FI4_EHS];
        fi.extend_from_slice(&0x40i32.to_le_bytes());
        fi.extend_from_slice(&0x80i32.to_le_bytes());
        fi.extend_from_slice(&0xc0i32.to_le_bytes());
        img.put_bytes(0x10, &fi);
        // Unwind map: 3 entries: [0] no handler (try state), [1] dtor object at +0x20 back to
        // [0], [2] frame funclet, no previous.
        let mut um = enc(3);
        let e0 = um.len();
        um.extend(enc(0));
        let e1 = um.len();
        um.extend(enc((((e1 - e0) as u32) << 2) | 1));
        um.extend_from_slice(&0x200i32.to_le_bytes());
        um.extend(enc(0x20));
        um.extend(enc(3));
        um.extend_from_slice(&0x240i32.to_le_bytes());
        img.put_bytes(0x40, &um);
        // Try map: 1 block 0..1, catch 2, handlers at 0x100.
        let mut tm = enc(1);
        tm.extend(enc(0));
        tm.extend(enc(1));
        tm.extend(enc(2));
        tm.extend_from_slice(&0x100i32.to_le_bytes());
        img.put_bytes(0x80, &tm);
        // Handlers: 1: int& (adjectives 8), object at 0x28, funclet 0x300, one continuation
        // at function + 0x44.
        let mut hm = enc(1);
        hm.push(HT4_ADJECTIVES | HT4_TYPE | HT4_CATCH_OBJ | 0x10);
        hm.extend(enc(HT_IS_REFERENCE));
        hm.extend_from_slice(&0x180i32.to_le_bytes());
        hm.extend(enc(0x28));
        hm.extend_from_slice(&0x300i32.to_le_bytes());
        hm.extend(enc(0x44));
        img.put_bytes(0x100, &hm);
        // IP map: 3 entries: +0 → -1, +0x10 → 0, +0x20 → 1.
        let mut ipm = enc(3);
        for (d, s) in [(0, 0), (0x10, 1), (0x10, 2)] {
            ipm.extend(enc(d));
            ipm.extend(enc(s));
        }
        img.put_bytes(0xc0, &ipm);
        let b = img.base();
        let f = unsafe { read_funcinfo4(b + 0x10, b, func) }.unwrap();
        assert_eq!(f.version, 4);
        assert_eq!(f.flags, FI_EHS_FLAG);
        assert_eq!(f.catch_frame, None);
        assert_eq!(f.unwind.len(), 3);
        assert_eq!(f.unwind[0], UnwindEntry { to_state: -1, action: Action::None });
        assert_eq!(f.unwind[1], UnwindEntry { to_state: 0, action: Action::DtorObject { dtor: b + 0x200, offset: 0x20 } });
        assert_eq!(f.unwind[2], UnwindEntry { to_state: -1, action: Action::Funclet(b + 0x240) });
        let tb = &f.try_blocks[0];
        assert_eq!((tb.try_low, tb.try_high, tb.catch_high), (0, 1, 2));
        let h = &tb.handlers[0];
        assert_eq!(h.adjectives, HT_IS_REFERENCE);
        assert_eq!(h.type_desc, Some(b + 0x180));
        assert_eq!(h.catch_obj, 0x28);
        assert_eq!(h.handler, b + 0x300);
        assert_eq!(h.continuations, vec![b + 0x1044]);
        assert_eq!(f.ip_map, vec![(0x1000, -1), (0x1010, 0), (0x1020, 1)]);
        assert_eq!(f.state_at(0x1015), 0);
    }

    #[test]
    fn catch_funclet_and_separated() {
        let mut img = Image::new(0x100);
        let mut fi = vec![FI4_IS_CATCH | FI4_IS_SEPARATED];
        fi.extend_from_slice(&0x40i32.to_le_bytes());
        fi.extend(enc(0x58));
        img.put_bytes(0x10, &fi);
        // Separated table: 2 functions; ours (0x2000) has its map at 0x80.
        let mut t = enc(2);
        for (f, m) in [(0x1000i32, 0x70i32), (0x2000, 0x80)] {
            t.extend_from_slice(&f.to_le_bytes());
            t.extend_from_slice(&m.to_le_bytes());
        }
        img.put_bytes(0x40, &t);
        let mut ipm = enc(1);
        ipm.extend(enc(4));
        ipm.extend(enc(3));
        img.put_bytes(0x80, &ipm);
        let f = unsafe { read_funcinfo4(img.base() + 0x10, img.base(), 0x2000) }.unwrap();
        assert_eq!(f.catch_frame, Some(0x58));
        assert_eq!(f.ip_map, vec![(0x2004, 2)]);
        assert_eq!(unsafe { read_funcinfo4(img.base() + 0x10, img.base(), 0x3000) }, Err(BadInfo4::NoIpMap));
    }
}
