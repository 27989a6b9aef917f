//! A Windows x64 `va_list`: a pointer to consecutive 8-byte argument slots.

/// Windows x64 `va_list`. Every variadic argument takes one 8-byte slot; a `double` is stored
/// as its bits, larger structs by reference. Exports receive it either from the `#[export(variadic)]`
/// thunk or directly (the `v*printf` family).
#[repr(transparent)]
#[derive(Clone, Copy, Debug)]
pub struct VaList {
    pub ptr: *const u64,
}

impl VaList {
    /// # Safety
    /// `ptr` must point at the program's variable arguments.
    pub unsafe fn new(ptr: *const u64) -> Self {
        VaList { ptr }
    }
    /// The next slot as a raw 64-bit value.
    ///
    /// # Safety
    /// The caller must not read more arguments than the program passed.
    pub unsafe fn next_u64(&mut self) -> u64 {
        let v = unsafe { self.ptr.read_unaligned() };
        self.ptr = unsafe { self.ptr.add(1) };
        v
    }
    /// The next slot as a double.
    ///
    /// # Safety
    /// As [`VaList::next_u64`].
    pub unsafe fn next_f64(&mut self) -> f64 {
        f64::from_bits(unsafe { self.next_u64() })
    }
}
