//! vcruntime140.dll and vcruntime140_1.dll: the part of the Visual C++ runtime that MSVC
//! programs import besides ucrtbase — C++ exception handling, type_info, the std::exception
//! helpers, pure virtual calls, and the memory/string functions the compiler calls directly.
//!
//! Everything is the msvcrt crate's code: these exports are thin calls into it (`string`
//! for mem*/str*/wcs*, `cxx` for exceptions), so both DLL families behave the same.
//! vcruntime140_1.dll holds only `__CxxFrameHandler4`.
//!
//! Files: `eh` (frame handlers, throw, current exception, SE translator, terminate),
//! `typeinfo` (type_info and `__std_type_info_*`), `exception` (`__std_exception_*`),
//! `string` (mem*, str*, wcs*), `purecall`.

use dllcore::{BuiltinDll, Export, distributed_slice};

/// Name shown in relay traces.
pub const DLL_NAME: &str = "vcruntime140";

/// Mask bit: exported by vcruntime140.dll.
pub const VCRUNTIME140: u32 = 1;
/// Mask bit: exported by vcruntime140_1.dll.
pub const VCRUNTIME140_1: u32 = 2;

/// Every export of this crate, filled by `#[export]`.
#[distributed_slice]
#[linkme(crate = dllcore::linkme)]
pub static VCRUNTIME140_EXPORTS: [Export];
/// The name `#[export]` registers into.
pub use self::VCRUNTIME140_EXPORTS as EXPORTS;

pub mod eh;
pub mod exception;
pub mod purecall;
pub mod string;
pub mod typeinfo;

/// The DLLs this crate serves.
pub static DLLS: [BuiltinDll; 2] = [
    BuiltinDll { name: "vcruntime140.dll", exports: &EXPORTS, mask: VCRUNTIME140, attach: None, detach: None },
    BuiltinDll { name: "vcruntime140_1.dll", exports: &EXPORTS, mask: VCRUNTIME140_1, attach: None, detach: None },
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    /// One export per name in each DLL, and the ones MSVC programs import are there.
    #[test]
    fn export_tables() {
        for dll in &super::DLLS {
            let mut seen = HashSet::new();
            for e in dll.iter() {
                assert!(seen.insert(e.name), "{}: {} exported twice", dll.name, e.name);
            }
        }
        let has = |dll: usize, name: &str| super::DLLS[dll].iter().any(|e| e.name == name);
        for name in [
            "memcpy", "memmove", "memset", "memcmp", "memchr", "strchr", "strrchr", "strstr", "wcschr",
            "wcsrchr", "wcsstr", "__std_exception_copy", "__std_exception_destroy", "__std_type_info_name",
            "__std_type_info_compare", "__std_type_info_hash", "__std_type_info_destroy_list", "_purecall",
            "__CxxFrameHandler3", "_CxxThrowException", "__C_specific_handler", "__current_exception",
            "__current_exception_context", "__uncaught_exceptions", "__processing_throw", "_set_se_translator",
            "??_7type_info@@6B@", "__std_terminate", "__intrinsic_setjmp", "longjmp",
        ] {
            assert!(has(0, name), "vcruntime140.dll lacks {name}");
        }
        assert!(has(1, "__CxxFrameHandler4"));
        assert!(!has(0, "__CxxFrameHandler4"));
        assert!(!has(1, "memcpy"));
    }
}
