//! processthreadsapi.h: IsProcessorFeaturePresent, the processor's features as Windows
//! reports them (KUSER_SHARED_DATA.ProcessorFeatures), read from CPUID.

use dllcore::export;
use std::arch::x86_64::{__cpuid, __cpuid_count};
use windows_sys::Win32::System::Threading::*;
use windows_sys::core::BOOL;

fn bit(v: u32, n: u32) -> bool {
    v >> n & 1 != 0
}

/// Is the OS saving the AVX state (XCR0 bits 1 and 2), as AVX use needs?
fn os_avx() -> bool {
    let c = __cpuid(1).ecx;
    if !bit(c, 27) {
        return false;
    }
    // SAFETY: OSXSAVE is set, so XGETBV is available.
    let xcr0 = unsafe { std::arch::x86_64::_xgetbv(0) };
    xcr0 & 6 == 6
}

/// Is processor feature `f` (PF_*) present on this machine?
pub fn feature_present(f: u32) -> bool {
    let l1 = __cpuid(1);
    let max = __cpuid(0).eax;
    let l7 = if max >= 7 { __cpuid_count(7, 0) } else { __cpuid(0) };
    let has7 = max >= 7;
    let ext_max = __cpuid(0x8000_0000).eax;
    let e1 = if ext_max >= 0x8000_0001 { __cpuid(0x8000_0001) } else { __cpuid(0) };
    let hase = ext_max >= 0x8000_0001;
    match f {
        PF_FLOATING_POINT_PRECISION_ERRATA | PF_FLOATING_POINT_EMULATED => false,
        PF_COMPARE_EXCHANGE_DOUBLE => bit(l1.edx, 8),
        PF_MMX_INSTRUCTIONS_AVAILABLE => bit(l1.edx, 23),
        PF_XMMI_INSTRUCTIONS_AVAILABLE => bit(l1.edx, 25),
        PF_3DNOW_INSTRUCTIONS_AVAILABLE => hase && bit(e1.edx, 31),
        PF_RDTSC_INSTRUCTION_AVAILABLE => bit(l1.edx, 4),
        PF_PAE_ENABLED => bit(l1.edx, 6),
        PF_XMMI64_INSTRUCTIONS_AVAILABLE => bit(l1.edx, 26),
        PF_SSE_DAZ_MODE_AVAILABLE => bit(l1.edx, 25),
        PF_NX_ENABLED => hase && bit(e1.edx, 20),
        PF_SSE3_INSTRUCTIONS_AVAILABLE => bit(l1.ecx, 0),
        PF_COMPARE_EXCHANGE128 => bit(l1.ecx, 13),
        PF_XSAVE_ENABLED => bit(l1.ecx, 27),
        PF_RDWRFSGSBASE_AVAILABLE => has7 && bit(l7.ebx, 0),
        // The int 0x29 fast-fail mechanism exists on every Windows 8+ system.
        PF_FASTFAIL_AVAILABLE => true,
        PF_RDRAND_INSTRUCTION_AVAILABLE => bit(l1.ecx, 30),
        PF_RDTSCP_INSTRUCTION_AVAILABLE => hase && bit(e1.edx, 27),
        PF_RDPID_INSTRUCTION_AVAILABLE => has7 && bit(l7.ecx, 22),
        PF_SSSE3_INSTRUCTIONS_AVAILABLE => bit(l1.ecx, 9),
        PF_SSE4_1_INSTRUCTIONS_AVAILABLE => bit(l1.ecx, 19),
        PF_SSE4_2_INSTRUCTIONS_AVAILABLE => bit(l1.ecx, 20),
        PF_AVX_INSTRUCTIONS_AVAILABLE => bit(l1.ecx, 28) && os_avx(),
        PF_AVX2_INSTRUCTIONS_AVAILABLE => has7 && bit(l7.ebx, 5) && os_avx(),
        PF_AVX512F_INSTRUCTIONS_AVAILABLE => has7 && bit(l7.ebx, 16) && os_avx(),
        PF_ERMS_AVAILABLE => has7 && bit(l7.ebx, 9),
        PF_MONITORX_INSTRUCTION_AVAILABLE => hase && bit(e1.ecx, 29),
        _ => false,
    }
}

/// IsProcessorFeaturePresent: TRUE if the processor (and the system) supports feature `f`
/// (PF_*): CPUID for the instruction-set features, TRUE for PF_FASTFAIL_AVAILABLE; FALSE for
/// unknown values and the features of other architectures.
/// PF_VIRT_FIRMWARE_ENABLED and PF_SECOND_LEVEL_ADDRESS_TRANSLATION are FALSE.
#[export]
pub extern "win64" fn IsProcessorFeaturePresent(f: u32) -> BOOL {
    feature_present(f) as BOOL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x86_64_baseline() {
        // Every x86-64 CPU has SSE2, CMPXCHG8B and RDTSC.
        for f in [PF_XMMI64_INSTRUCTIONS_AVAILABLE, PF_COMPARE_EXCHANGE_DOUBLE, PF_RDTSC_INSTRUCTION_AVAILABLE] {
            assert_eq!(IsProcessorFeaturePresent(f), 1, "{f}");
        }
        assert_eq!(IsProcessorFeaturePresent(PF_FLOATING_POINT_EMULATED), 0);
        assert_eq!(IsProcessorFeaturePresent(1000), 0);
    }
}
