//! Code pages: MultiByteToWideChar / WideCharToMultiByte semantics.
//!
//! wine-rs runs with the ANSI and OEM code pages set to UTF-8 (65001), the configuration
//! Windows 10 1903+ offers as "Use Unicode UTF-8 for worldwide language support" and that a
//! manifest's activeCodePage selects. So CP_ACP/CP_OEMCP/CP_THREAD_ACP/CP_MACCP mean UTF-8,
//! there are no DBCS lead bytes, and "A" functions speak UTF-8 — which is also what the host
//! uses. Besides UTF-8, the single-byte pages 1252 (Western), 437 (OEM US) and 28591
//! (ISO 8859-1) are available to programs that name them. Best-fit mappings of the single-byte
//! pages (e.g. U+0100 → 'A' in 1252) are not implemented: unmappable characters always take the
//! default character.
//!
//! UTF-8 decoding follows Windows 10: every maximal invalid subsequence becomes one U+FFFD (the
//! Unicode-recommended practice), which is also Rust's lossy decoding. Encoding turns unpaired
//! surrogates into U+FFFD.

use windows_sys::Win32::Foundation::{
    ERROR_INSUFFICIENT_BUFFER, ERROR_INVALID_FLAGS, ERROR_INVALID_PARAMETER, ERROR_NO_UNICODE_TRANSLATION,
};
use windows_sys::Win32::Globalization::{
    CP_ACP, CP_MACCP, CP_OEMCP, CP_THREAD_ACP, CP_UTF8, MB_COMPOSITE, MB_ERR_INVALID_CHARS, MB_PRECOMPOSED,
    MB_USEGLYPHCHARS, WC_COMPOSITECHECK, WC_DEFAULTCHAR, WC_DISCARDNS, WC_ERR_INVALID_CHARS, WC_NO_BEST_FIT_CHARS,
    WC_SEPCHARS,
};

/// The ANSI code page (GetACP).
pub const ANSI_CP: u32 = CP_UTF8;
/// The OEM code page (GetOEMCP), also the console's.
pub const OEM_CP: u32 = CP_UTF8;

/// A single-byte code page: bytes 0x00–0x7F are ASCII, the table gives 0x80–0xFF.
pub struct Sbcs {
    pub id: u32,
    high: &'static [u16; 128],
}

/// A code page wine-rs can convert.
pub enum CodePage {
    Utf8,
    Sbcs(&'static Sbcs),
}

#[rustfmt::skip]
static CP1252_HIGH: [u16; 128] = [
    // Windows maps the five bytes cp1252 leaves undefined (81 8D 8F 90 9D) to the C1 controls.
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
    0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
    0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7,
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
    0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
];

#[rustfmt::skip]
static CP437_HIGH: [u16; 128] = [
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7,
    0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE, 0x00EC, 0x00C4, 0x00C5,
    0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,
    0x00FF, 0x00D6, 0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192,
    0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA,
    0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556,
    0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510,
    0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F,
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567,
    0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B,
    0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
    0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4,
    0x03A6, 0x0398, 0x03A9, 0x03B4, 0x221E, 0x03C6, 0x03B5, 0x2229,
    0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248,
    0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0,
];

static LATIN1_HIGH: [u16; 128] = {
    let mut t = [0u16; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = 0x80 + i as u16;
        i += 1;
    }
    t
};

static CP1252: Sbcs = Sbcs { id: 1252, high: &CP1252_HIGH };
static CP437: Sbcs = Sbcs { id: 437, high: &CP437_HIGH };
static CP28591: Sbcs = Sbcs { id: 28591, high: &LATIN1_HIGH };

impl Sbcs {
    fn decode(&self, b: u8) -> u16 {
        if b < 0x80 { b as u16 } else { self.high[(b - 0x80) as usize] }
    }
    fn encode(&self, c: u16) -> Option<u8> {
        if c < 0x80 {
            return Some(c as u8);
        }
        self.high.iter().position(|&u| u == c).map(|i| 0x80 + i as u8)
    }
}

/// The code page a program's value names: the pseudo values (CP_ACP, CP_OEMCP, CP_MACCP,
/// CP_THREAD_ACP) resolve to UTF-8. None: not available (ERROR_INVALID_PARAMETER).
pub fn lookup(cp: u32) -> Option<CodePage> {
    Some(match cp {
        CP_ACP | CP_OEMCP | CP_MACCP | CP_THREAD_ACP | CP_UTF8 => CodePage::Utf8,
        1252 => CodePage::Sbcs(&CP1252),
        437 => CodePage::Sbcs(&CP437),
        28591 => CodePage::Sbcs(&CP28591),
        _ => return None,
    })
}

/// The numeric id a (possibly pseudo) code page value stands for.
pub fn resolve(cp: u32) -> Option<u32> {
    Some(match lookup(cp)? {
        CodePage::Utf8 => CP_UTF8,
        CodePage::Sbcs(s) => s.id,
    })
}

/// IsValidCodePage: real code page ids only (the pseudo values are not code pages).
pub fn is_valid(cp: u32) -> bool {
    !matches!(cp, CP_ACP | CP_OEMCP | CP_MACCP | CP_THREAD_ACP) && lookup(cp).is_some()
}

/// GetCPInfo: (MaxCharSize, DefaultChar, LeadByte ranges).
pub fn info(cp: u32) -> Option<(u32, [u8; 2], [u8; 12])> {
    Some(match lookup(cp)? {
        CodePage::Utf8 => (4, [b'?', 0], [0; 12]),
        CodePage::Sbcs(_) => (1, [b'?', 0], [0; 12]),
    })
}

/// IsDBCSLeadByteEx: none of wine-rs's code pages has lead bytes.
pub fn is_lead_byte(cp: u32, _byte: u8) -> Option<bool> {
    lookup(cp).map(|_| false)
}

/// Output sink that counts (dst None) or writes, reporting overflow.
struct Out<'a, T> {
    dst: Option<&'a mut [T]>,
    n: usize,
    overflow: bool,
}

impl<T: Copy> Out<'_, T> {
    /// Append `units` whole, or flag overflow and append nothing.
    fn push(&mut self, units: &[T]) {
        if self.overflow {
            return;
        }
        if let Some(d) = self.dst.as_deref_mut() {
            if self.n + units.len() > d.len() {
                self.overflow = true;
                return;
            }
            d[self.n..self.n + units.len()].copy_from_slice(units);
        }
        self.n += units.len();
    }
}

/// The result rule Windows follows: a too-small buffer wins over invalid input; invalid input
/// fails only when the caller asked (MB_ERR_INVALID_CHARS / WC_ERR_INVALID_CHARS).
fn finish<T>(out: Out<T>, invalid: bool, strict: bool) -> Result<usize, u32> {
    if out.overflow {
        Err(ERROR_INSUFFICIENT_BUFFER)
    } else if invalid && strict {
        Err(ERROR_NO_UNICODE_TRANSLATION)
    } else {
        Ok(out.n)
    }
}

/// MultiByteToWideChar on resolved arguments: `src` already has its length (including the NUL
/// when the caller passed -1); `dst` None asks for the size.
pub fn multi_byte_to_wide(cp: u32, flags: u32, src: &[u8], dst: Option<&mut [u16]>) -> Result<usize, u32> {
    let page = lookup(cp).ok_or(ERROR_INVALID_PARAMETER)?;
    let strict = flags & MB_ERR_INVALID_CHARS != 0;
    let mut out = Out { dst, n: 0, overflow: false };
    match page {
        CodePage::Utf8 => {
            // The UTF-8 restriction (0 or MB_ERR_INVALID_CHARS) holds when the caller names
            // CP_UTF8; the ANSI code page that happens to be UTF-8 (CP_ACP, CP_OEMCP, ...) takes
            // every code-page flag, as Windows' and Wine's table path does — C runtimes pass
            // MB_PRECOMPOSED with CP_ACP. Only MB_ERR_INVALID_CHARS has an effect.
            let allowed = if cp == CP_UTF8 {
                MB_ERR_INVALID_CHARS
            } else {
                MB_PRECOMPOSED | MB_COMPOSITE | MB_USEGLYPHCHARS | MB_ERR_INVALID_CHARS
            };
            if flags & !allowed != 0 {
                return Err(ERROR_INVALID_FLAGS);
            }
            let mut invalid = false;
            let mut buf = [0u16; 2];
            for chunk in src.utf8_chunks() {
                let valid = chunk.valid();
                if valid.is_ascii() {
                    for &b in valid.as_bytes() {
                        out.push(&[b as u16]);
                    }
                } else {
                    for c in valid.chars() {
                        out.push(c.encode_utf16(&mut buf));
                    }
                }
                if !chunk.invalid().is_empty() {
                    invalid = true;
                    out.push(&[0xFFFD]);
                }
                if out.overflow {
                    break;
                }
            }
            finish(out, invalid, strict)
        }
        CodePage::Sbcs(t) => {
            const ALLOWED: u32 = MB_PRECOMPOSED | MB_COMPOSITE | MB_USEGLYPHCHARS | MB_ERR_INVALID_CHARS;
            if flags & !ALLOWED != 0 || flags & (MB_PRECOMPOSED | MB_COMPOSITE) == MB_PRECOMPOSED | MB_COMPOSITE {
                return Err(ERROR_INVALID_FLAGS);
            }
            for &b in src {
                out.push(&[t.decode(b)]);
                if out.overflow {
                    break;
                }
            }
            finish(out, false, strict)
        }
    }
}

/// WideCharToMultiByte on resolved arguments. `default_char` / `used_default` are the
/// lpDefaultChar / lpUsedDefaultChar parameters (both must be None for UTF-8).
pub fn wide_to_multi_byte(
    cp: u32,
    flags: u32,
    src: &[u16],
    dst: Option<&mut [u8]>,
    default_char: Option<u8>,
    used_default: Option<&mut bool>,
) -> Result<usize, u32> {
    let page = lookup(cp).ok_or(ERROR_INVALID_PARAMETER)?;
    let mut out = Out { dst, n: 0, overflow: false };
    match page {
        CodePage::Utf8 => {
            // As in multi_byte_to_wide: CP_UTF8 by name takes no default character and only
            // WC_ERR_INVALID_CHARS; the ANSI code page being UTF-8 takes the code-page flags and
            // a default character (never used: *used_default tells whether an unpaired surrogate was
            // replaced).
            if cp == CP_UTF8 {
                if default_char.is_some() || used_default.is_some() {
                    return Err(ERROR_INVALID_PARAMETER);
                }
                if flags & !WC_ERR_INVALID_CHARS != 0 {
                    return Err(ERROR_INVALID_FLAGS);
                }
            } else {
                const ALLOWED: u32 = WC_COMPOSITECHECK
                    | WC_DISCARDNS
                    | WC_SEPCHARS
                    | WC_DEFAULTCHAR
                    | WC_NO_BEST_FIT_CHARS
                    | WC_ERR_INVALID_CHARS;
                if flags & !ALLOWED != 0 {
                    return Err(ERROR_INVALID_FLAGS);
                }
            }
            let mut invalid = false;
            let mut buf = [0u8; 4];
            for r in char::decode_utf16(src.iter().copied()) {
                let c = r.unwrap_or_else(|_| {
                    invalid = true;
                    '\u{FFFD}'
                });
                out.push(c.encode_utf8(&mut buf).as_bytes());
                if out.overflow {
                    break;
                }
            }
            if let Some(u) = used_default {
                *u = invalid;
            }
            finish(out, invalid, flags & WC_ERR_INVALID_CHARS != 0)
        }
        CodePage::Sbcs(t) => {
            const ALLOWED: u32 = WC_COMPOSITECHECK | WC_DISCARDNS | WC_SEPCHARS | WC_DEFAULTCHAR | WC_NO_BEST_FIT_CHARS;
            if flags & !ALLOWED != 0 {
                return Err(ERROR_INVALID_FLAGS);
            }
            let def = default_char.unwrap_or(b'?');
            let mut used = false;
            for &c in src {
                let b = t.encode(c).unwrap_or_else(|| {
                    used = true;
                    def
                });
                out.push(&[b]);
                if out.overflow {
                    break;
                }
            }
            if let Some(u) = used_default {
                *u = used;
            }
            finish(out, false, false)
        }
    }
}

/// Decode text in the ANSI code page (lossy), for "A" functions.
pub fn ansi_to_string(s: &[u8]) -> String {
    String::from_utf8_lossy(s).into_owned()
}

/// Decode text in the ANSI code page to UTF-16 (lossy), for "A" functions.
pub fn ansi_to_wide(s: &[u8]) -> Vec<u16> {
    String::from_utf8_lossy(s).encode_utf16().collect()
}

/// Encode UTF-16 in the ANSI code page (unpaired surrogates become U+FFFD), for "A" functions.
pub fn wide_to_ansi(s: &[u16]) -> Vec<u8> {
    String::from_utf16_lossy(s).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Run MultiByteToWideChar into a buffer of `cap` units pre-filled with 0x7F7F.
    fn mb(cp: u32, flags: u32, src: &[u8], cap: usize) -> (Result<usize, u32>, Vec<u16>) {
        let mut buf = vec![0x7F7Fu16; cap];
        let r = multi_byte_to_wide(cp, flags, src, if cap == 0 { None } else { Some(&mut buf) });
        (r, buf)
    }

    // Cases from ReactOS' MultiByteToWideChar apitest, which records Windows 10's results.
    #[test]
    fn utf8_invalid_sequences_like_windows_10() {
        let cases: &[(&[u8], &[u16])] = &[
            (b"\xC0\0", &[0xFFFD, 0]),
            (b"\xC0\xC0\x80\0", &[0xFFFD, 0xFFFD, 0xFFFD, 0]),
            (b"\xE0\xC0\0", &[0xFFFD, 0xFFFD, 0]),
            (b"\xE0\x20\xC0\0", &[0xFFFD, 0x20, 0xFFFD, 0]),
            (b"\x82\xA0\x82\xA2\0", &[0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0]),
            (b"\x82\xA0\x82\xA2\x82\0", &[0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0]),
            (b"\xE6", &[0xFFFD]),
            (b"\xF8\xA3\xA3\xA3\xA3", &[0xFFFD; 5]),
            (b"\xFC\xA3\xA3\xA3\xA3\xA3", &[0xFFFD; 6]),
            (b"\xFF\xA3\xA3\xA3\xA3\xA3\xA3\xA3", &[0xFFFD; 8]),
        ];
        for (src, want) in cases {
            assert_eq!(mb(CP_UTF8, 0, src, 0).0, Ok(want.len()), "size of {src:x?}");
            let (r, buf) = mb(CP_UTF8, 0, src, 10);
            assert_eq!(r, Ok(want.len()), "{src:x?}");
            assert_eq!(&buf[..want.len()], *want, "{src:x?}");
            assert_eq!(buf[want.len()], 0x7F7F);
            assert_eq!(mb(CP_UTF8, MB_ERR_INVALID_CHARS, src, 0).0, Err(ERROR_NO_UNICODE_TRANSLATION));
            let (r, buf) = mb(CP_UTF8, MB_ERR_INVALID_CHARS, src, 10);
            assert_eq!(r, Err(ERROR_NO_UNICODE_TRANSLATION));
            assert_eq!(&buf[..want.len()], *want, "Windows writes the output before failing");
            // A short buffer: insufficient buffer wins, the units that fit are written.
            if want.len() > 1 {
                let (r, buf) = mb(CP_UTF8, MB_ERR_INVALID_CHARS, src, 1);
                assert_eq!(r, Err(ERROR_INSUFFICIENT_BUFFER));
                assert_eq!(buf[0], 0xFFFD);
            }
        }
    }

    #[test]
    fn utf8_valid() {
        let jp = "日本語\0".as_bytes();
        let (r, buf) = mb(CP_UTF8, MB_ERR_INVALID_CHARS, jp, 4);
        assert_eq!(r, Ok(4));
        assert_eq!(buf, [0x65E5, 0x672C, 0x8A9E, 0]);
        let (r, buf) = mb(CP_UTF8, 0, jp, 1);
        assert_eq!(r, Err(ERROR_INSUFFICIENT_BUFFER));
        assert_eq!(buf, [0x65E5]);
        // A supplementary character needs two units and is not split.
        let (r, buf) = mb(CP_UTF8, 0, "a😀".as_bytes(), 2);
        assert_eq!(r, Err(ERROR_INSUFFICIENT_BUFFER));
        assert_eq!(buf, [b'a' as u16, 0x7F7F]);
        let (r, buf) = mb(CP_UTF8, 0, "a😀".as_bytes(), 3);
        assert_eq!(r, Ok(3));
        assert_eq!(buf, [b'a' as u16, 0xD83D, 0xDE00]);
        // Encoded surrogates are invalid UTF-8: each byte of the maximal subpart rule.
        assert_eq!(mb(CP_UTF8, 0, b"\xED\xA0\x80", 0).0, Ok(3));
    }

    #[test]
    fn utf8_flags() {
        assert_eq!(mb(CP_UTF8, MB_PRECOMPOSED, b"a", 0).0, Err(ERROR_INVALID_FLAGS));
        assert_eq!(mb(CP_ACP, 0, b"a", 0).0, Ok(1));
        assert_eq!(mb(12345, 0, b"a", 0).0, Err(ERROR_INVALID_PARAMETER));
    }

    #[test]
    fn cp1252_both_ways() {
        let (r, buf) = mb(1252, MB_ERR_INVALID_CHARS, b"\x80\x90\xE4\0", 4);
        assert_eq!(r, Ok(4), "0x90 is not an error in 1252 (Windows maps it to U+0090)");
        assert_eq!(buf, [0x20AC, 0x0090, 0x00E4, 0]);
        // Wine's test_string_conversion: 'Th' U+0440 'i' in 1252.
        let src = [b'T' as u16, b'h' as u16, 1088, b'i' as u16, 0];
        let mut used = false;
        let mut out = [0u8; 5];
        assert_eq!(wide_to_multi_byte(1252, 0, &src, Some(&mut out), None, Some(&mut used)), Ok(5));
        assert_eq!(&out, b"Th?i\0");
        assert!(used);
        let mut one = [0u8; 1];
        assert_eq!(
            wide_to_multi_byte(1252, 0, &src, Some(&mut one), None, Some(&mut used)),
            Err(ERROR_INSUFFICIENT_BUFFER)
        );
        assert_eq!(one[0], b'T');
        assert_eq!(wide_to_multi_byte(1252, 0, &[228], Some(&mut one), None, Some(&mut used)), Ok(1));
        assert_eq!((one[0], used), (0xE4, false));
        assert_eq!(wide_to_multi_byte(1252, 0, &[1088], None, Some(b'#'), None), Ok(1));
        assert_eq!(wide_to_multi_byte(1252, WC_ERR_INVALID_CHARS, &[1088], None, None, None), Err(ERROR_INVALID_FLAGS));
    }

    #[test]
    fn utf8_encode() {
        let src: Vec<u16> = "héllo😀\0".encode_utf16().collect();
        assert_eq!(wide_to_multi_byte(CP_UTF8, 0, &src, None, None, None), Ok("héllo😀\0".len()));
        let mut buf = [0u8; 16];
        let n = wide_to_multi_byte(CP_UTF8, 0, &src, Some(&mut buf), None, None).unwrap();
        assert_eq!(&buf[..n], "héllo😀\0".as_bytes());
        // Lone surrogates become U+FFFD, or fail with WC_ERR_INVALID_CHARS.
        let bad = [b'a' as u16, 0xD800, b'b' as u16];
        let n = wide_to_multi_byte(CP_UTF8, 0, &bad, Some(&mut buf), None, None).unwrap();
        assert_eq!(&buf[..n], "a\u{FFFD}b".as_bytes());
        assert_eq!(
            wide_to_multi_byte(CP_UTF8, WC_ERR_INVALID_CHARS, &bad, None, None, None),
            Err(ERROR_NO_UNICODE_TRANSLATION)
        );
        // A character that does not fit whole is not split.
        let mut small = [0u8; 2];
        assert_eq!(
            wide_to_multi_byte(CP_UTF8, 0, &[0x20AC], Some(&mut small), None, None),
            Err(ERROR_INSUFFICIENT_BUFFER)
        );
        assert_eq!(small, [0, 0]);
        let mut used = false;
        assert_eq!(wide_to_multi_byte(CP_UTF8, 0, &src, None, None, Some(&mut used)), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(wide_to_multi_byte(CP_UTF8, 0, &src, None, Some(b'?'), None), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(wide_to_multi_byte(CP_UTF8, WC_NO_BEST_FIT_CHARS, &src, None, None, None), Err(ERROR_INVALID_FLAGS));
    }

    #[test]
    fn validity_and_info() {
        assert!(is_valid(65001) && is_valid(1252) && is_valid(437));
        assert!(!is_valid(CP_ACP) && !is_valid(CP_OEMCP) && !is_valid(65000));
        assert_eq!(resolve(CP_ACP), Some(65001));
        assert_eq!(info(65001).unwrap().0, 4);
        assert_eq!(info(1252).unwrap().0, 1);
        assert_eq!(is_lead_byte(CP_ACP, 0x81), Some(false));
        assert_eq!(is_lead_byte(932, 0x81), None);
    }

    #[test]
    fn cp437_round_trip() {
        for b in 0u8..=255 {
            let mut w = [0u16; 1];
            multi_byte_to_wide(437, 0, &[b], Some(&mut w)).unwrap();
            let mut back = [0u8; 1];
            wide_to_multi_byte(437, 0, &w, Some(&mut back), None, None).unwrap();
            assert_eq!(back[0], b);
        }
    }
}
