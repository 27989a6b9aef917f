//! The MSVC x64 C++ exception data, as the compiler lays it out in the image (`ehdata.h`
//! names). Every pointer inside is a 32-bit RVA from the image base of the module that owns
//! the data; the readers here resolve them to addresses and return plain Rust values.

/// The exception code of a C++ exception ('msc' | 0xE0000000).
pub const CXX_EXCEPTION: u32 = 0xE06D_7363;
/// ExceptionInformation[0] of a C++ exception, and the FuncInfo magic of version 1.
pub const EH_MAGIC_1: u32 = 0x1993_0520;
/// FuncInfo version 2 (adds the exception-specification list).
pub const EH_MAGIC_2: u32 = 0x1993_0521;
/// FuncInfo version 3 (adds EHFlags).
pub const EH_MAGIC_3: u32 = 0x1993_0522;

/// ThrowInfo.attributes: the thrown object is const / volatile.
pub const TI_IS_CONST: u32 = 1;
pub const TI_IS_VOLATILE: u32 = 2;

/// CatchableType.properties: a scalar (memcpy'd, pointers adjusted), only catchable by
/// reference, has a virtual base (the copy constructor takes a third "most derived" flag).
pub const CT_IS_SIMPLE_TYPE: u32 = 1;
pub const CT_BY_REFERENCE_ONLY: u32 = 2;
pub const CT_HAS_VIRTUAL_BASE: u32 = 4;

/// HandlerType.adjectives: the catch parameter is const / volatile / a reference;
/// `catch(...)` marked as such by newer compilers.
pub const HT_IS_CONST: u32 = 1;
pub const HT_IS_VOLATILE: u32 = 2;
pub const HT_IS_REFERENCE: u32 = 8;
pub const HT_IS_STD_DOT_DOT: u32 = 0x40;

/// FuncInfo.EHFlags (version 3): compiled with /EHs (only C++ exceptions reach the catch
/// blocks); the function is noexcept (an exception leaving it calls terminate).
pub const FI_EHS_FLAG: u32 = 1;
pub const FI_EHNOEXCEPT_FLAG: u32 = 4;

/// Read a value of type `T` at `addr` (the data is not always aligned).
///
/// # Safety
/// `addr` must point at readable memory holding a `T`.
pub unsafe fn read<T: Copy>(addr: usize) -> T {
    unsafe { std::ptr::read_unaligned(addr as *const T) }
}

/// Resolve an RVA; 0 stays "none".
pub fn rva(base: usize, r: i32) -> Option<usize> {
    (r != 0).then(|| base.wrapping_add(r as u32 as usize))
}

/// ThrowInfo: what `throw` passes to _CxxThrowException.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ThrowInfo {
    pub attributes: u32,
    /// The destructor of the thrown object (RVA), or 0.
    pub unwind: i32,
    /// A custom frame handler (RVA), or 0. Not used by x64 compilers.
    pub forward_compat: i32,
    /// The CatchableTypeArray (RVA).
    pub catchable_types: i32,
}

/// The "pointer to member displacement" that finds a base class inside the thrown object.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pmd {
    /// Offset of the base in the object (non-virtual part).
    pub mdisp: i32,
    /// Offset of the virtual base table pointer, or -1 when the base is not virtual.
    pub pdisp: i32,
    /// Offset in the virtual base table of this base's displacement.
    pub vdisp: i32,
}

/// CatchableType: one type a thrown object can be caught as (itself, its bases, void*).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct CatchableType {
    pub properties: u32,
    /// TypeDescriptor (RVA).
    pub type_desc: i32,
    pub this_disp: Pmd,
    pub size: i32,
    /// Copy constructor (RVA), or 0 for a bitwise copy.
    pub copy_fn: i32,
}

/// One catchable type resolved to addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Catchable {
    pub properties: u32,
    /// Address of the TypeDescriptor.
    pub type_desc: usize,
    pub this_disp: Pmd,
    pub size: usize,
    pub copy_fn: Option<usize>,
}

/// The thrown type, resolved: its attributes, destructor and the types it can be caught as.
#[derive(Clone, Debug)]
pub struct Thrown {
    pub attributes: u32,
    pub destructor: Option<usize>,
    pub types: Vec<Catchable>,
}

/// Read a ThrowInfo at `addr`, whose RVAs are relative to `base`.
///
/// # Safety
/// `addr` must be a ThrowInfo of the image at `base`.
pub unsafe fn read_throw_info(addr: usize, base: usize) -> Thrown {
    let ti: ThrowInfo = unsafe { read(addr) };
    let mut types = Vec::new();
    if let Some(arr) = rva(base, ti.catchable_types) {
        let n: i32 = unsafe { read(arr) };
        for i in 0..n.max(0) as usize {
            let r: i32 = unsafe { read(arr + 4 + 4 * i) };
            let Some(ct_addr) = rva(base, r) else { continue };
            let ct: CatchableType = unsafe { read(ct_addr) };
            types.push(Catchable {
                properties: ct.properties,
                type_desc: rva(base, ct.type_desc).unwrap_or(0),
                this_disp: ct.this_disp,
                size: ct.size.max(0) as usize,
                copy_fn: rva(base, ct.copy_fn),
            });
        }
    }
    Thrown { attributes: ti.attributes, destructor: rva(base, ti.unwind), types }
}

/// The decorated name of a TypeDescriptor (after the vtable pointer and the spare pointer),
/// e.g. `.H` for int, `.?AVfoo@@` for class foo.
///
/// # Safety
/// `td` must point at a TypeDescriptor.
pub unsafe fn type_name<'a>(td: usize) -> &'a [u8] {
    unsafe { std::ffi::CStr::from_ptr((td + 16) as *const std::ffi::c_char) }.to_bytes()
}
