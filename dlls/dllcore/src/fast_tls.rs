//! Thread-local blocks an export can reach without a call.
//!
//! Rust's `thread_local!` in a library crate compiles to a call to `__tls_get_addr` (the
//! general-dynamic model; the linker relaxes it to a plain `fs:` access only after code
//! generation), and any call to System V code makes an `extern "win64"` export save XMM6-15 in
//! its prolog: twenty 16-byte moves. [`fast_thread_local!`] defines a zero-initialised
//! thread-local block in assembly (`.tbss`) and a getter that reaches it with the
//! initial-exec model (one GOT load and one `fs:` add, no call). Only for the main executable
//! and what is linked into it statically, which is all of wine-rs.

/// `fast_thread_local!(pub fn getter() -> *mut T = "symbol");` defines a thread-local `T`,
/// zero-initialised in every thread (so all-zero bytes must be a valid `T`), and
/// `getter()`, which returns this thread's instance. The symbol must be unique in the binary.
#[macro_export]
macro_rules! fast_thread_local {
    ($(#[$m:meta])* $vis:vis fn $getter:ident() -> *mut $ty:ty = $sym:literal;) => {
        ::core::arch::global_asm!(
            ".pushsection .tbss,\"awT\",@nobits",
            concat!(".globl ", $sym),
            concat!(".hidden ", $sym),
            concat!(".type ", $sym, ",@tls_object"),
            concat!(".size ", $sym, ", {size}"),
            ".p2align 4",
            concat!($sym, ":"),
            ".zero {size}",
            ".popsection",
            size = const ::core::mem::size_of::<$ty>(),
        );
        const _: () = assert!(::core::mem::align_of::<$ty>() <= 16);

        $(#[$m])*
        #[inline(always)]
        $vis fn $getter() -> *mut $ty {
            let p: *mut $ty;
            // SAFETY: fs:0 holds the thread pointer; the GOT entry holds the block's offset
            // from it (the same in every thread).
            unsafe {
                ::core::arch::asm!(
                    concat!("mov {p}, qword ptr [rip + ", $sym, "@GOTTPOFF]"),
                    "add {p}, qword ptr fs:[0]",
                    p = out(reg) p,
                    options(nostack, pure, readonly, preserves_flags),
                )
            };
            p
        }
    };
}
