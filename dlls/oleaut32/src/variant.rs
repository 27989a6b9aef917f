//! VARIANT: VariantInit, VariantClear, VariantCopy, VariantCopyInd for the plain types, BSTRs
//! and interface pointers. SAFEARRAYs and records (VT_ARRAY, VT_RECORD) are not supported
//! yet: wine-rs has no SafeArray functions, so no program gets one from it; those calls
//! return E_NOTIMPL and leave the variants untouched.

use crate::bstr;
use dllcore::export;
use windows_sys::Win32::Foundation::{DISP_E_BADVARTYPE, E_INVALIDARG, E_NOTIMPL, E_OUTOFMEMORY, S_OK};
use windows_sys::Win32::System::Variant::{
    VARIANT, VARENUM, VT_ARRAY, VT_BSTR, VT_BYREF, VT_CLSID, VT_DISPATCH, VT_EMPTY, VT_NULL, VT_RECORD, VT_RESERVED,
    VT_TYPEMASK, VT_UNKNOWN, VT_VARIANT, VT_VECTOR, VT_VOID,
};
use windows_sys::core::HRESULT;

/// The VARTYPEs a VARIANT may hold, as Windows validates them: the base types below VT_VOID
/// (except the unused 15), VT_RECORD and VT_CLSID; VT_BYREF/VT_ARRAY with a real base type;
/// never VT_VECTOR or VT_RESERVED.
pub fn valid_type(vt: VARENUM) -> bool {
    let base = vt & VT_TYPEMASK;
    if vt & (VT_VECTOR | VT_RESERVED) != 0 {
        return false;
    }
    if vt & (VT_BYREF | VT_ARRAY) != 0 && base <= VT_NULL {
        return false;
    }
    (base < VT_VOID && base != 15) || base == VT_RECORD || base == VT_CLSID
}

type UnknownMethod = unsafe extern "win64" fn(*mut core::ffi::c_void) -> u32;

/// Call IUnknown method `slot` (1 AddRef, 2 Release) of a non-null interface pointer.
///
/// # Safety
/// `p` is a live COM interface pointer.
unsafe fn unknown_call(p: *mut core::ffi::c_void, slot: usize) {
    if p.is_null() {
        return;
    }
    // SAFETY: a COM object starts with its vtable pointer; slots 1 and 2 are AddRef/Release.
    unsafe {
        let vtbl = *(p as *const *const UnknownMethod);
        (*vtbl.add(slot))(p);
    }
}

fn vt_of(v: &VARIANT) -> VARENUM {
    // SAFETY: every VARIANT starts with its vt.
    unsafe { v.Anonymous.Anonymous.vt }
}

/// VariantInit: mark a VARIANT empty (only `vt` is written, as on Windows).
#[export(ordinal = 8)]
pub unsafe extern "win64" fn VariantInit(v: *mut VARIANT) {
    if !v.is_null() {
        // SAFETY: the program passes a VARIANT.
        unsafe { (*v).Anonymous.Anonymous.vt = VT_EMPTY };
    }
}

/// VariantClear: release what a VARIANT owns (a BSTR is freed, an interface released; by
/// reference values own nothing) and make it VT_EMPTY. DISP_E_BADVARTYPE for an invalid type
/// (the variant is left as it was); E_INVALIDARG for null.
#[export(ordinal = 9)]
pub unsafe extern "win64" fn VariantClear(v: *mut VARIANT) -> HRESULT {
    if v.is_null() {
        return E_INVALIDARG;
    }
    // SAFETY: the program passes a VARIANT.
    let var = unsafe { &mut *v };
    let vt = vt_of(var);
    if !valid_type(vt) {
        return DISP_E_BADVARTYPE;
    }
    if vt & VT_BYREF == 0 {
        if vt & VT_ARRAY != 0 || vt == VT_RECORD {
            return E_NOTIMPL;
        }
        // SAFETY: the union member vt names.
        unsafe {
            match vt {
                VT_BSTR => bstr::free(var.Anonymous.Anonymous.Anonymous.bstrVal),
                VT_UNKNOWN | VT_DISPATCH => unknown_call(var.Anonymous.Anonymous.Anonymous.punkVal, 2),
                _ => {}
            }
        }
    }
    var.Anonymous.Anonymous.vt = VT_EMPTY;
    S_OK
}

/// Copy `src` into `dst` (already cleared): a deep copy of a BSTR, an AddRef'd interface.
///
/// # Safety
/// Both point at VARIANTs; `src` holds a valid type.
unsafe fn copy_value(dst: *mut VARIANT, src: *const VARIANT) -> HRESULT {
    // SAFETY: 24-byte plain copy, then fix up what vt owns.
    unsafe {
        std::ptr::copy(src, dst, 1);
        let vt = vt_of(&*dst);
        if vt & VT_BYREF == 0 {
            match vt {
                VT_BSTR => {
                    let s = (*src).Anonymous.Anonymous.Anonymous.bstrVal;
                    if !s.is_null() {
                        let n = bstr::alloc_bytes(s as *const u8, bstr::byte_len(s) as usize);
                        if n.is_null() {
                            (*dst).Anonymous.Anonymous.vt = VT_EMPTY;
                            return E_OUTOFMEMORY;
                        }
                        (*dst).Anonymous.Anonymous.Anonymous.bstrVal = n;
                    }
                }
                VT_UNKNOWN | VT_DISPATCH => unknown_call((*dst).Anonymous.Anonymous.Anonymous.punkVal, 1),
                _ => {}
            }
        }
    }
    S_OK
}

/// VariantCopy: clear `dst`, then copy `src` into it — BSTRs are duplicated, interfaces
/// AddRef'd, VT_BYREF values copied as the reference. S_OK when both are the same variant.
/// DISP_E_BADVARTYPE when `src`'s type is invalid (`dst` untouched).
#[export(ordinal = 10)]
pub unsafe extern "win64" fn VariantCopy(dst: *mut VARIANT, src: *const VARIANT) -> HRESULT {
    if dst.is_null() || src.is_null() {
        return E_INVALIDARG;
    }
    if std::ptr::eq(dst, src) {
        return S_OK;
    }
    // SAFETY: the program passes two VARIANTs.
    unsafe {
        let vt = vt_of(&*src);
        if !valid_type(vt) {
            return DISP_E_BADVARTYPE;
        }
        if vt & VT_BYREF == 0 && (vt & VT_ARRAY != 0 || vt == VT_RECORD) {
            return E_NOTIMPL;
        }
        let hr = VariantClear(dst);
        if hr != S_OK {
            return hr;
        }
        copy_value(dst, src)
    }
}

/// VariantCopyInd: as VariantCopy, but a VT_BYREF source is dereferenced: `dst` gets the
/// value it points at (a VT_BYREF|VT_VARIANT source, the variant it points at).
#[export(ordinal = 11)]
pub unsafe extern "win64" fn VariantCopyInd(dst: *mut VARIANT, src: *const VARIANT) -> HRESULT {
    if dst.is_null() || src.is_null() {
        return E_INVALIDARG;
    }
    // SAFETY: the program passes two VARIANTs; a VT_BYREF one points at a value of its base type.
    unsafe {
        let vt = vt_of(&*src);
        if vt & VT_BYREF == 0 {
            return VariantCopy(dst, src);
        }
        if !valid_type(vt) {
            return DISP_E_BADVARTYPE;
        }
        let base = vt & !VT_BYREF;
        if base & VT_ARRAY != 0 || base == VT_RECORD {
            return E_NOTIMPL;
        }
        let byref = (*src).Anonymous.Anonymous.Anonymous.byref;
        let mut tmp: VARIANT = std::mem::zeroed();
        if base == VT_VARIANT {
            let inner = byref as *const VARIANT;
            if vt_of(&*inner) & VT_BYREF != 0 {
                return E_INVALIDARG;
            }
            let hr = VariantCopy(&mut tmp, inner);
            if hr != S_OK {
                return hr;
            }
        } else {
            // The value has the size of its type; the union is 16 bytes, DECIMAL the whole
            // variant.
            let size = match base {
                2 | 11 | 18 => 2,
                16 | 17 => 1,
                3 | 4 | 10 | 19 | 22 | 23 => 4,
                14 => 16,
                _ => 8,
            };
            if base == 14 {
                std::ptr::copy_nonoverlapping(byref as *const u8, &mut tmp as *mut VARIANT as *mut u8, 16);
            } else {
                std::ptr::copy_nonoverlapping(
                    byref as *const u8,
                    &mut tmp.Anonymous.Anonymous.Anonymous as *mut _ as *mut u8,
                    size,
                );
            }
            tmp.Anonymous.Anonymous.vt = base;
            let hr = copy_value(&mut tmp, &tmp as *const VARIANT);
            if hr != S_OK {
                return hr;
            }
        }
        if !std::ptr::eq(dst, src) {
            let hr = VariantClear(dst);
            if hr != S_OK {
                VariantClear(&mut tmp);
                return hr;
            }
        }
        std::ptr::write(dst, tmp);
        S_OK
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bstr::{SysAllocString, SysStringLen};

    #[test]
    fn copy_and_clear_bstr() {
        unsafe {
            let text: Vec<u16> = "abc".encode_utf16().chain([0]).collect();
            let mut a: VARIANT = std::mem::zeroed();
            let mut b: VARIANT = std::mem::zeroed();
            VariantInit(&mut a);
            VariantInit(&mut b);
            a.Anonymous.Anonymous.vt = VT_BSTR;
            a.Anonymous.Anonymous.Anonymous.bstrVal = SysAllocString(text.as_ptr());
            assert_eq!(VariantCopy(&mut b, &a), S_OK);
            let (sa, sb) = (a.Anonymous.Anonymous.Anonymous.bstrVal, b.Anonymous.Anonymous.Anonymous.bstrVal);
            assert_ne!(sa, sb);
            assert_eq!(SysStringLen(sb), 3);
            assert_eq!(VariantClear(&mut a), S_OK);
            assert_eq!(vt_of(&a), VT_EMPTY);
            assert_eq!(VariantClear(&mut b), S_OK);
            b.Anonymous.Anonymous.vt = 15;
            assert_eq!(VariantClear(&mut b), DISP_E_BADVARTYPE);
            assert_eq!(vt_of(&b), 15);
            let mut i: i32 = 42;
            a.Anonymous.Anonymous.vt = VT_BYREF | 3;
            a.Anonymous.Anonymous.Anonymous.plVal = &mut i;
            b.Anonymous.Anonymous.vt = VT_EMPTY;
            assert_eq!(VariantCopyInd(&mut b, &a), S_OK);
            assert_eq!((vt_of(&b), b.Anonymous.Anonymous.Anonymous.lVal), (3, 42));
        }
    }
}
