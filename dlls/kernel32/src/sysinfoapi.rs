//! sysinfoapi.h: system time, tick counts, system information, the Windows version.

use dllcore::{export, teb};
use syscall_shims::{sync, time, vm};
use windows_sys::Win32::Foundation::{ERROR_INSUFFICIENT_BUFFER, ERROR_NOACCESS, FALSE, FILETIME, TRUE};
use windows_sys::Win32::System::Diagnostics::Debug::{IMAGE_NT_HEADERS64, VER_PLATFORM_WIN32_NT};
use windows_sys::Win32::System::SystemInformation::{
    MEMORYSTATUSEX, OSVERSIONINFOA, OSVERSIONINFOEXA, OSVERSIONINFOEXW, OSVERSIONINFOW, PROCESSOR_ARCHITECTURE_AMD64, SYSTEM_INFO,
    SYSTEM_INFO_0, SYSTEM_INFO_0_0,
};
use windows_sys::Win32::System::SystemServices::{
    IMAGE_DOS_HEADER, PROCESSOR_AMD_X8664, VER_NT_WORKSTATION, VER_SUITE_SINGLEUSERTS,
};
use windows_sys::core::BOOL;

fn filetime(t: u64) -> FILETIME {
    FILETIME { dwLowDateTime: t as u32, dwHighDateTime: (t >> 32) as u32 }
}

/// GetSystemTimeAsFileTime: the current UTC time in 100-ns units since 1601.
#[export]
pub unsafe extern "win64" fn GetSystemTimeAsFileTime(out: *mut FILETIME) {
    if !out.is_null() {
        // SAFETY: the program passes a FILETIME to fill.
        unsafe { out.write_unaligned(filetime(time::now_filetime())) };
    }
}

/// GetSystemTimePreciseAsFileTime: as GetSystemTimeAsFileTime, with the highest precision.
#[export]
pub unsafe extern "win64" fn GetSystemTimePreciseAsFileTime(out: *mut FILETIME) {
    if !out.is_null() {
        // SAFETY: the program passes a FILETIME to fill.
        unsafe { out.write_unaligned(filetime(time::now_filetime())) };
    }
}

/// GetTickCount: milliseconds since the system started, wrapping after 49.7 days.
/// Counts from the host's monotonic clock (suspended time excluded).
#[export]
pub extern "win64" fn GetTickCount() -> u32 {
    time::monotonic_coarse_ms() as u32
}

/// GetTickCount64: milliseconds since the system started.
/// Counts from the host's monotonic clock (suspended time excluded).
#[export]
pub extern "win64" fn GetTickCount64() -> u64 {
    time::monotonic_coarse_ms()
}

/// (level, revision) as SYSTEM_INFO has them: the CPU family, and model << 8 | stepping.
fn cpu_level_revision() -> (u16, u16) {
    // CPUID leaf 1 exists on every x86-64 CPU.
    let eax = std::arch::x86_64::__cpuid(1).eax;
    let base_family = (eax >> 8) & 0xf;
    let family = if base_family == 0xf { base_family + ((eax >> 20) & 0xff) } else { base_family };
    let mut model = (eax >> 4) & 0xf;
    if base_family == 6 || base_family == 0xf {
        model |= ((eax >> 16) & 0xf) << 4;
    }
    (family as u16, ((model << 8) | (eax & 0xf)) as u16)
}

fn system_info() -> SYSTEM_INFO {
    let n = sync::processor_count();
    let (level, revision) = cpu_level_revision();
    SYSTEM_INFO {
        Anonymous: SYSTEM_INFO_0 {
            Anonymous: SYSTEM_INFO_0_0 { wProcessorArchitecture: PROCESSOR_ARCHITECTURE_AMD64, wReserved: 0 },
        },
        dwPageSize: vm::PAGE_SIZE as u32,
        lpMinimumApplicationAddress: vm::MIN_ADDRESS as *mut _,
        lpMaximumApplicationAddress: vm::MAX_ADDRESS as *mut _,
        dwActiveProcessorMask: if n >= 64 { usize::MAX } else { (1usize << n) - 1 },
        dwNumberOfProcessors: n,
        dwProcessorType: PROCESSOR_AMD_X8664,
        dwAllocationGranularity: vm::GRANULARITY as u32,
        wProcessorLevel: level,
        wProcessorRevision: revision,
    }
}

/// GetSystemInfo: x64 processor and memory facts: 4 KiB pages, 64 KiB allocation granularity,
/// the online processors, the CPU's family/model/stepping.
#[export]
pub unsafe extern "win64" fn GetSystemInfo(out: *mut SYSTEM_INFO) {
    if !out.is_null() {
        // SAFETY: the program passes a SYSTEM_INFO to fill.
        unsafe { out.write_unaligned(system_info()) };
    }
}

/// GetNativeSystemInfo: as GetSystemInfo (a 64-bit process sees the native system).
#[export]
pub unsafe extern "win64" fn GetNativeSystemInfo(out: *mut SYSTEM_INFO) {
    if !out.is_null() {
        // SAFETY: the program passes a SYSTEM_INFO to fill.
        unsafe { out.write_unaligned(system_info()) };
    }
}

/// The CPU's feature bits: CPUID leaves 1 (ecx, edx), 7 (ebx) and 0x80000001 (edx), and the
/// register state the OS enabled (XCR0, when OSXSAVE is set).
fn cpu_features() -> (u32, u32, u32, u32, u64) {
    use std::arch::x86_64::{__cpuid, __cpuid_count};
    // SAFETY: CPUID exists on every x86-64 CPU; the leaves are checked against the maximum.
    unsafe {
        let max = __cpuid(0).eax;
        let l1 = __cpuid(1);
        let l7 = if max >= 7 { __cpuid_count(7, 0).ebx } else { 0 };
        let ext = if __cpuid(0x8000_0000).eax >= 0x8000_0001 { __cpuid(0x8000_0001).edx } else { 0 };
        let xcr0 = if l1.ecx & (1 << 27) != 0 { std::arch::x86_64::_xgetbv(0) } else { 0 };
        (l1.ecx, l1.edx, l7, ext, xcr0)
    }
}

/// IsProcessorFeaturePresent: whether this x64 CPU (and the OS) offers a PF_* feature, from
/// CPUID: always SSE/SSE2, CMPXCHG8B, MMX, RDTSC, PAE, NX and fast-fail on x64; SSE3, SSSE3,
/// SSE4.1/4.2, CMPXCHG16B, RDRAND, RDTSCP, 3DNow!, XSAVE and AVX/AVX2/AVX-512F when CPUID
/// says so (AVX ones only when the kernel enabled their registers); FSGSBASE when the kernel
/// allows it (AT_HWCAP2). ARM, Alpha and PowerPC features, and ids past the table, are FALSE.
#[export]
pub extern "win64" fn IsProcessorFeaturePresent(feature: u32) -> BOOL {
    use windows_sys::Win32::System::Threading::*;
    let (ecx, _edx, l7, ext, xcr0) = cpu_features();
    let avx_os = xcr0 & 6 == 6;
    let present = match feature {
        PF_COMPARE_EXCHANGE_DOUBLE
        | PF_MMX_INSTRUCTIONS_AVAILABLE
        | PF_XMMI_INSTRUCTIONS_AVAILABLE
        | PF_RDTSC_INSTRUCTION_AVAILABLE
        | PF_PAE_ENABLED
        | PF_XMMI64_INSTRUCTIONS_AVAILABLE
        | PF_NX_ENABLED
        | PF_FASTFAIL_AVAILABLE => true,
        PF_3DNOW_INSTRUCTIONS_AVAILABLE => ext & (1 << 31) != 0,
        PF_SSE3_INSTRUCTIONS_AVAILABLE => ecx & 1 != 0,
        PF_COMPARE_EXCHANGE128 => ecx & (1 << 13) != 0,
        PF_XSAVE_ENABLED => ecx & (1 << 26) != 0 && ecx & (1 << 27) != 0,
        // SAFETY: getauxval has no preconditions.
        PF_RDWRFSGSBASE_AVAILABLE => (unsafe { libc::getauxval(libc::AT_HWCAP2) }) & 2 != 0,
        PF_RDRAND_INSTRUCTION_AVAILABLE => ecx & (1 << 30) != 0,
        PF_RDTSCP_INSTRUCTION_AVAILABLE => ext & (1 << 27) != 0,
        PF_SSSE3_INSTRUCTIONS_AVAILABLE => ecx & (1 << 9) != 0,
        PF_SSE4_1_INSTRUCTIONS_AVAILABLE => ecx & (1 << 19) != 0,
        PF_SSE4_2_INSTRUCTIONS_AVAILABLE => ecx & (1 << 20) != 0,
        PF_AVX_INSTRUCTIONS_AVAILABLE => ecx & (1 << 28) != 0 && avx_os,
        PF_AVX2_INSTRUCTIONS_AVAILABLE => ecx & (1 << 28) != 0 && avx_os && l7 & (1 << 5) != 0,
        PF_AVX512F_INSTRUCTIONS_AVAILABLE => l7 & (1 << 16) != 0 && xcr0 & 0xe6 == 0xe6,
        _ => false,
    };
    present as BOOL
}

/// GlobalMemoryStatusEx: physical memory and swap from /proc/meminfo (available = the
/// kernel's MemAvailable); the page file is memory plus swap, as Windows counts its commit
/// limit; the virtual space is the 128 TiB user half, less what this process has mapped.
/// ERROR_INVALID_PARAMETER unless dwLength is the structure's size.
#[export]
pub unsafe extern "win64" fn GlobalMemoryStatusEx(out: *mut MEMORYSTATUSEX) -> BOOL {
    if out.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes a MEMORYSTATUSEX starting with its length.
    if unsafe { (*out).dwLength } as usize != std::mem::size_of::<MEMORYSTATUSEX>() {
        return teb::fail(windows_sys::Win32::Foundation::ERROR_INVALID_PARAMETER, FALSE);
    }
    let m = syscall_shims::meminfo::read().unwrap_or_default();
    let total_virtual = (vm::MAX_ADDRESS - vm::MIN_ADDRESS + 1) as u64;
    let used = syscall_shims::meminfo::process_virtual_size();
    let load = ((m.total - m.available.min(m.total)) * 100).checked_div(m.total).unwrap_or(0);
    // SAFETY: checked above.
    unsafe {
        out.write_unaligned(MEMORYSTATUSEX {
            dwLength: std::mem::size_of::<MEMORYSTATUSEX>() as u32,
            dwMemoryLoad: load as u32,
            ullTotalPhys: m.total,
            ullAvailPhys: m.available,
            ullTotalPageFile: m.total + m.swap_total,
            ullAvailPageFile: m.available + m.swap_free,
            ullTotalVirtual: total_virtual,
            ullAvailVirtual: total_virtual.saturating_sub(used),
            ullAvailExtendedVirtual: 0,
        })
    };
    TRUE
}

/// The system wine-rs presents: Windows 10 22H2 (10.0.19045), as the PEB says.
const TRUE_VERSION: (u32, u32, u32) = (10, 0, 19045);

/// The version GetVersion(Ex) report to this program. Like Windows 8.1+, they report 6.2.9200
/// unless the program declares it knows newer systems: an OS version ≥ 10 in its PE header gets
/// the true version, 6.3 gets 6.3.9600. (Windows also reads compatibility GUIDs from the
/// manifest; wine-rs does not parse manifests yet.)
pub fn reported_version() -> (u32, u32, u32) {
    let os = exe_os_version();
    match os {
        Some((major, _)) if major >= 10 => TRUE_VERSION,
        Some((6, minor)) if minor >= 3 => (6, 3, 9600),
        Some((major, _)) if major > 6 => (6, 3, 9600),
        _ => (6, 2, 9200),
    }
}

/// MajorOperatingSystemVersion / Minor… from the main exe's optional header.
fn exe_os_version() -> Option<(u32, u32)> {
    let base = dllcore::loader_api::try_loader()?.get_module_handle(None)?;
    // SAFETY: the main exe is mapped with its headers at `base`.
    unsafe {
        let dos = &*(base as *const IMAGE_DOS_HEADER);
        let nt = &*((base + dos.e_lfanew as usize) as *const IMAGE_NT_HEADERS64);
        Some((
            nt.OptionalHeader.MajorOperatingSystemVersion as u32,
            nt.OptionalHeader.MinorOperatingSystemVersion as u32,
        ))
    }
}

/// GetVersion: build << 16 | minor << 8 | major (high bit clear: an NT system).
/// See [`reported_version`] for which version a program sees.
#[export]
pub extern "win64" fn GetVersion() -> u32 {
    let (major, minor, build) = reported_version();
    build << 16 | minor << 8 | major
}

/// The common part of OSVERSIONINFO(EX)A/W, filled in place.
struct VersionFields {
    major: u32,
    minor: u32,
    build: u32,
}

fn version_fields() -> VersionFields {
    let (major, minor, build) = reported_version();
    VersionFields { major, minor, build }
}

/// GetVersionExW: fill an OSVERSIONINFOW or OSVERSIONINFOEXW (by dwOSVersionInfoSize; another
/// size fails with ERROR_INSUFFICIENT_BUFFER). Workstation, no service pack.
/// See [`reported_version`] for which version a program sees.
#[export]
pub unsafe extern "win64" fn GetVersionExW(info: *mut OSVERSIONINFOW) -> BOOL {
    if info.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes a structure starting with its size.
    let size = unsafe { (*info).dwOSVersionInfoSize } as usize;
    let ex = size == std::mem::size_of::<OSVERSIONINFOEXW>();
    if !ex && size != std::mem::size_of::<OSVERSIONINFOW>() {
        return teb::fail(ERROR_INSUFFICIENT_BUFFER, FALSE);
    }
    let v = version_fields();
    // SAFETY: the structure is `size` bytes, as checked.
    unsafe {
        (*info).dwMajorVersion = v.major;
        (*info).dwMinorVersion = v.minor;
        (*info).dwBuildNumber = v.build;
        (*info).dwPlatformId = VER_PLATFORM_WIN32_NT;
        (*info).szCSDVersion = [0; 128];
        if ex {
            let e = info as *mut OSVERSIONINFOEXW;
            (*e).wServicePackMajor = 0;
            (*e).wServicePackMinor = 0;
            (*e).wSuiteMask = VER_SUITE_SINGLEUSERTS as u16;
            (*e).wProductType = VER_NT_WORKSTATION as u8;
            (*e).wReserved = 0;
        }
    }
    TRUE
}

/// GetVersionExA: as GetVersionExW, with OSVERSIONINFOA / OSVERSIONINFOEXA.
/// See [`reported_version`] for which version a program sees.
#[export]
pub unsafe extern "win64" fn GetVersionExA(info: *mut OSVERSIONINFOA) -> BOOL {
    if info.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes a structure starting with its size.
    let size = unsafe { (*info).dwOSVersionInfoSize } as usize;
    let ex = size == std::mem::size_of::<OSVERSIONINFOEXA>();
    if !ex && size != std::mem::size_of::<OSVERSIONINFOA>() {
        return teb::fail(ERROR_INSUFFICIENT_BUFFER, FALSE);
    }
    let v = version_fields();
    // SAFETY: the structure is `size` bytes, as checked.
    unsafe {
        (*info).dwMajorVersion = v.major;
        (*info).dwMinorVersion = v.minor;
        (*info).dwBuildNumber = v.build;
        (*info).dwPlatformId = VER_PLATFORM_WIN32_NT;
        (*info).szCSDVersion = [0; 128];
        if ex {
            let e = info as *mut OSVERSIONINFOEXA;
            (*e).wServicePackMajor = 0;
            (*e).wServicePackMinor = 0;
            (*e).wSuiteMask = VER_SUITE_SINGLEUSERTS as u16;
            (*e).wProductType = VER_NT_WORKSTATION as u8;
            (*e).wReserved = 0;
        }
    }
    TRUE
}

/// ALL_PROCESSOR_GROUPS.
const ALL_PROCESSOR_GROUPS: u16 = 0xffff;

/// The processors of group `group` (all of them are in group 0), or None for another group.
fn group_processors(group: u16) -> Option<u32> {
    match group {
        0 | ALL_PROCESSOR_GROUPS => Some(sync::processor_count()),
        _ => None,
    }
}

/// GetActiveProcessorCount: the active processors in a processor group, or in all of them
/// (ALL_PROCESSOR_GROUPS). One group holds every processor; another group number gives 0
/// with ERROR_INVALID_PARAMETER.
#[export]
pub extern "win64" fn GetActiveProcessorCount(group: u16) -> u32 {
    group_processors(group).unwrap_or_else(|| teb::fail(windows_sys::Win32::Foundation::ERROR_INVALID_PARAMETER, 0))
}

/// GetMaximumProcessorCount: the processors a group can hold; as GetActiveProcessorCount
/// (no hot-added processors).
#[export]
pub extern "win64" fn GetMaximumProcessorCount(group: u16) -> u32 {
    group_processors(group).unwrap_or_else(|| teb::fail(windows_sys::Win32::Foundation::ERROR_INVALID_PARAMETER, 0))
}

/// GetSystemTimes: the time all processors spent idle, in kernel mode (idle included) and in
/// user mode since the system started, in 100-ns units; each pointer may be NULL.
/// From the host's accounting (/proc/stat), at its clock-tick resolution.
#[export]
pub unsafe extern "win64" fn GetSystemTimes(idle: *mut FILETIME, kernel: *mut FILETIME, user: *mut FILETIME) -> BOOL {
    let Some((i, k, u)) = time::system_times() else {
        return teb::fail(windows_sys::Win32::Foundation::ERROR_NOT_SUPPORTED, FALSE);
    };
    for (p, v) in [(idle, i), (kernel, k), (user, u)] {
        if !p.is_null() {
            // SAFETY: the program passes FILETIMEs to fill (or NULL).
            unsafe { p.write_unaligned(filetime(v)) };
        }
    }
    TRUE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::GetLastError;

    #[test]
    fn time_and_ticks() {
        let mut ft = FILETIME { dwLowDateTime: 0, dwHighDateTime: 0 };
        unsafe { GetSystemTimeAsFileTime(&mut ft) };
        let t = (ft.dwHighDateTime as u64) << 32 | ft.dwLowDateTime as u64;
        let unix = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
        assert!((t / 10_000_000).abs_diff(unix + 11_644_473_600) <= 2);
        let a = GetTickCount64();
        std::thread::sleep(std::time::Duration::from_millis(30));
        let b = GetTickCount64();
        assert!((20..1000).contains(&(b - a)), "{a} {b}");
        assert_eq!(GetTickCount(), GetTickCount64() as u32);
    }

    #[test]
    fn system_info_facts() {
        let mut si = SYSTEM_INFO::default();
        unsafe { GetSystemInfo(&mut si) };
        assert_eq!(unsafe { si.Anonymous.Anonymous.wProcessorArchitecture }, PROCESSOR_ARCHITECTURE_AMD64);
        assert_eq!((si.dwPageSize, si.dwAllocationGranularity), (4096, 65536));
        assert_eq!(si.dwNumberOfProcessors, sync::processor_count());
        assert_eq!(si.dwActiveProcessorMask.count_ones(), si.dwNumberOfProcessors.min(64));
        assert!(si.wProcessorLevel >= 6);
    }

    #[test]
    fn version_without_a_manifest_is_windows_8() {
        // No loader in unit tests: no exe header, as an exe declaring an old OS version.
        dllcore::teb::attach_current_thread();
        assert_eq!(GetVersion(), 9200 << 16 | 2 << 8 | 6);
        let mut v = OSVERSIONINFOEXW {
            dwOSVersionInfoSize: std::mem::size_of::<OSVERSIONINFOEXW>() as u32,
            ..Default::default()
        };
        assert_eq!(unsafe { GetVersionExW(&mut v as *mut _ as *mut OSVERSIONINFOW) }, TRUE);
        assert_eq!((v.dwMajorVersion, v.dwMinorVersion, v.dwBuildNumber, v.dwPlatformId), (6, 2, 9200, 2));
        assert_eq!((v.wProductType, v.wSuiteMask), (1, 0x100));
        let mut a =
            OSVERSIONINFOA { dwOSVersionInfoSize: std::mem::size_of::<OSVERSIONINFOA>() as u32, ..Default::default() };
        assert_eq!(unsafe { GetVersionExA(&mut a) }, TRUE);
        assert_eq!(a.dwMajorVersion, 6);
        a.dwOSVersionInfoSize = 3;
        assert_eq!(unsafe { GetVersionExA(&mut a) }, FALSE);
        assert_eq!(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    }
}
