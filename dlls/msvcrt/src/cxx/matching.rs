//! Which catch clause takes a thrown object, and how the object gets to it: the standard's
//! rules as MSVC encodes them. The thrown type lists every type it can be caught as (itself,
//! each accessible unambiguous base, `void*` for pointers), so a match is a name comparison
//! plus the cv and reference checks.

use super::funcinfo::Handler;
use super::types::*;

/// Does `handler` catch an exception of type `thrown`? Returns the catchable type that matched
/// (the first for `catch(...)`); None for no match. `thrown` None (an SEH exception) is caught
/// only by `catch(...)`.
pub fn find_caught_type(thrown: Option<&Thrown>, handler: &Handler) -> Option<Option<Catchable>> {
    let Some(thrown) = thrown else {
        return handler.type_desc.is_none().then_some(None);
    };
    let Some(td) = handler.type_desc else {
        return Some(thrown.types.first().copied());
    };
    // A TypeDescriptor with an empty name is also catch(...).
    // SAFETY: the handler's type is a TypeDescriptor in the catching image.
    let want = unsafe { type_name(td) };
    if want.is_empty() {
        return Some(thrown.types.first().copied());
    }
    for ct in &thrown.types {
        // SAFETY: the thrown type's descriptors are in the throwing image.
        if ct.type_desc != td && unsafe { type_name(ct.type_desc) } != want {
            continue;
        }
        if ct.properties & CT_BY_REFERENCE_ONLY != 0 && handler.adjectives & HT_IS_REFERENCE == 0 {
            continue;
        }
        // A const (volatile) object binds only to a const (volatile) reference or pointer.
        if thrown.attributes & TI_IS_CONST != 0 && handler.adjectives & HT_IS_CONST == 0 {
            continue;
        }
        if thrown.attributes & TI_IS_VOLATILE != 0 && handler.adjectives & HT_IS_VOLATILE == 0 {
            continue;
        }
        return Some(Some(*ct));
    }
    None
}

/// The address of the base-class subobject described by `pmd` inside the object at `obj`
/// (the documented `__AdjustPointer`): `obj + mdisp`, plus, for a virtual base, the
/// displacement read from the object's virtual base table.
///
/// # Safety
/// `obj` must be an object of the type the displacement was computed for.
pub unsafe fn adjust_pointer(obj: usize, pmd: Pmd) -> usize {
    if obj == 0 {
        return 0;
    }
    let mut p = obj.wrapping_add(pmd.mdisp as isize as usize);
    if pmd.pdisp >= 0 {
        let vbtable: usize = unsafe { read(obj + pmd.pdisp as usize) };
        let disp: i32 = unsafe { read(vbtable.wrapping_add(pmd.vdisp as isize as usize)) };
        p = p.wrapping_add(pmd.pdisp as usize).wrapping_add(disp as isize as usize);
    }
    p
}

type CopyCtor = unsafe extern "win64" fn(usize, usize) -> usize;
type CopyCtorVbase = unsafe extern "win64" fn(usize, usize, i32) -> usize;

/// Put the caught exception where the catch clause wants it (`frame + catch_obj`): for a
/// reference the (adjusted) address of the object; for a simple type a bitwise copy (a
/// pointer adjusted to the base); for a class its copy constructor (with the "most derived"
/// flag 1 when it has virtual bases), or a bitwise copy when it has none.
///
/// # Safety
/// `object` is the thrown object, `frame` the establisher frame of the catching function, and
/// `ct` the catchable type `find_caught_type` returned for `handler`.
pub unsafe fn copy_exception(object: usize, frame: usize, handler: &Handler, ct: &Catchable) {
    let Some(td) = handler.type_desc else { return };
    // SAFETY: as above.
    if handler.catch_obj == 0 || unsafe { type_name(td) }.is_empty() {
        return;
    }
    let dest = frame.wrapping_add(handler.catch_obj as isize as usize);
    unsafe {
        if handler.adjectives & HT_IS_REFERENCE != 0 {
            *(dest as *mut usize) = adjust_pointer(object, ct.this_disp);
        } else if ct.properties & CT_IS_SIMPLE_TYPE != 0 {
            std::ptr::copy(object as *const u8, dest as *mut u8, ct.size);
            if ct.size == size_of::<usize>() {
                let p = *(dest as *const usize);
                *(dest as *mut usize) = adjust_pointer(p, ct.this_disp);
            }
        } else {
            let src = adjust_pointer(object, ct.this_disp);
            match ct.copy_fn {
                Some(f) if ct.properties & CT_HAS_VIRTUAL_BASE != 0 => {
                    let f: CopyCtorVbase = std::mem::transmute(f);
                    f(dest, src, 1);
                }
                Some(f) => {
                    let f: CopyCtor = std::mem::transmute(f);
                    f(dest, src);
                }
                None => std::ptr::copy(src as *const u8, dest as *mut u8, ct.size),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn td(name: &[u8]) -> Vec<u8> {
        let mut v = vec![0u8; 16];
        v.extend_from_slice(name);
        v.push(0);
        v
    }

    fn ct(desc: &[u8], props: u32, mdisp: i32, size: usize) -> Catchable {
        Catchable {
            properties: props,
            type_desc: desc.as_ptr() as usize,
            this_disp: Pmd { mdisp, pdisp: -1, vdisp: 0 },
            size,
            copy_fn: None,
        }
    }

    fn handler(desc: Option<&[u8]>, adjectives: u32, catch_obj: i32) -> Handler {
        Handler {
            adjectives,
            type_desc: desc.map(|d| d.as_ptr() as usize),
            catch_obj,
            handler: 0x1000,
            frame_offset: 0,
            continuations: vec![],
        }
    }

    #[test]
    fn matches_by_name_base_and_ellipsis() {
        let (d, b, d2, int) = (td(b".?AVD@@"), td(b".?AVB@@"), td(b".?AVD@@"), td(b".H"));
        let thrown = Thrown { attributes: 0, destructor: None, types: vec![ct(&d, 0, 0, 16), ct(&b, 0, 8, 8)] };
        // Same name in another descriptor (another module) matches.
        assert_eq!(find_caught_type(Some(&thrown), &handler(Some(&d2), 0, 0)), Some(Some(thrown.types[0])));
        // Base class.
        assert_eq!(find_caught_type(Some(&thrown), &handler(Some(&b), HT_IS_REFERENCE, 0)), Some(Some(thrown.types[1])));
        assert_eq!(find_caught_type(Some(&thrown), &handler(Some(&int), 0, 0)), None);
        assert_eq!(find_caught_type(Some(&thrown), &handler(None, 0, 0)), Some(Some(thrown.types[0])));
        // An SEH exception: only catch(...).
        assert_eq!(find_caught_type(None, &handler(Some(&int), 0, 0)), None);
        assert_eq!(find_caught_type(None, &handler(None, 0, 0)), Some(None));
    }

    #[test]
    fn const_and_reference_only() {
        let p = td(b".PEAD");
        let thrown = Thrown { attributes: TI_IS_CONST, destructor: None, types: vec![ct(&p, CT_IS_SIMPLE_TYPE, 0, 8)] };
        assert_eq!(find_caught_type(Some(&thrown), &handler(Some(&p), 0, 0)), None, "const D* is not a D*");
        assert!(find_caught_type(Some(&thrown), &handler(Some(&p), HT_IS_CONST, 0)).is_some());
        let r = td(b".?AVR@@");
        let thrown = Thrown { attributes: 0, destructor: None, types: vec![ct(&r, CT_BY_REFERENCE_ONLY, 0, 8)] };
        assert_eq!(find_caught_type(Some(&thrown), &handler(Some(&r), 0, 0)), None);
        assert!(find_caught_type(Some(&thrown), &handler(Some(&r), HT_IS_REFERENCE, 0)).is_some());
    }

    #[test]
    fn copies_reference_simple_and_class() {
        let d = td(b".?AVD@@");
        let mut frame = [0usize; 8];
        let fb = frame.as_mut_ptr() as usize;
        let object: [u64; 3] = [11, 22, 33];
        let obj = object.as_ptr() as usize;
        // Reference to the base at offset 8.
        let c = ct(&d, 0, 8, 8);
        unsafe { copy_exception(obj, fb, &handler(Some(&d), HT_IS_REFERENCE, 8), &c) };
        assert_eq!(frame[1], obj + 8);
        // By value, no copy constructor: the base part is copied.
        let c = ct(&d, 0, 8, 16);
        unsafe { copy_exception(obj, fb, &handler(Some(&d), 0, 16), &c) };
        assert_eq!(&frame[2..4], &[22, 33]);
        // A pointer (simple type) is adjusted to the base.
        let ptr_obj: usize = 0x5000;
        let c = ct(&d, CT_IS_SIMPLE_TYPE, 16, 8);
        unsafe { copy_exception(&ptr_obj as *const usize as usize, fb, &handler(Some(&d), 0, 40), &c) };
        assert_eq!(frame[5], 0x5010);
        // Offset 0: nothing is copied.
        let before = frame;
        unsafe { copy_exception(obj, fb, &handler(Some(&d), 0, 0), &c) };
        assert_eq!(frame, before);
    }

    #[test]
    fn copy_constructor_and_virtual_base() {
        static mut SEEN: (usize, usize, i32) = (0, 0, 0);
        unsafe extern "win64" fn cctor(d: usize, s: usize, most: i32) -> usize {
            unsafe { SEEN = (d, s, most) };
            d
        }
        let d = td(b".?AVV@@");
        let mut frame = [0usize; 4];
        let fb = frame.as_mut_ptr() as usize;
        // Object: [vbtable ptr, pad, base data]; vbtable: [0, 16] (vdisp 4 → 16).
        let vbtable: [i32; 2] = [0, 16];
        let object: [usize; 3] = [vbtable.as_ptr() as usize, 0, 7];
        let obj = object.as_ptr() as usize;
        let pmd = Pmd { mdisp: 0, pdisp: 0, vdisp: 4 };
        assert_eq!(unsafe { adjust_pointer(obj, pmd) }, obj + 16);
        let c = Catchable {
            properties: CT_HAS_VIRTUAL_BASE,
            type_desc: d.as_ptr() as usize,
            this_disp: pmd,
            size: 8,
            copy_fn: Some(cctor as *const () as usize),
        };
        unsafe { copy_exception(obj, fb, &handler(Some(&d), 0, 8), &c) };
        assert_eq!(unsafe { SEEN }, (fb + 8, obj + 16, 1));
        let _ = &mut frame;
    }
}
