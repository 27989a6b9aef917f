//! The host's memory figures (/proc/meminfo, /proc/self/status) in bytes, for
//! GlobalMemoryStatusEx.

/// Physical memory and swap, in bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct MemInfo {
    pub total: u64,
    /// MemAvailable (what can be allocated without swapping), MemFree on kernels without it.
    pub available: u64,
    pub swap_total: u64,
    pub swap_free: u64,
}

fn field_kb(text: &str, name: &str) -> Option<u64> {
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .map(|kb| kb * 1024)
}

/// Read /proc/meminfo (None when it cannot be read).
pub fn read() -> Option<MemInfo> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let total = field_kb(&text, "MemTotal")?;
    let available = field_kb(&text, "MemAvailable").or_else(|| field_kb(&text, "MemFree"))?;
    Some(MemInfo {
        total,
        available,
        swap_total: field_kb(&text, "SwapTotal").unwrap_or(0),
        swap_free: field_kb(&text, "SwapFree").unwrap_or(0),
    })
}

/// The process's virtual size (VmSize) in bytes.
pub fn process_virtual_size() -> u64 {
    std::fs::read_to_string("/proc/self/status").ok().and_then(|t| field_kb(&t, "VmSize")).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_meminfo() {
        let m = super::read().unwrap();
        assert!(m.total > 0 && m.available <= m.total);
        assert!(super::process_virtual_size() > 0);
    }
}
