//! search.h / stdlib.h: sorting and searching with the program's comparators: `qsort`,
//! `qsort_s`, `bsearch`, `bsearch_s`, `_lfind`, `_lsearch` (and their `_s` forms).
//!
//! `qsort` is a merge sort: stable, n log n comparisons, and safe with an inconsistent
//! comparator (the result is then some permutation). Windows' is an introsort; programs may
//! only rely on the order the comparator defines, which both give.

use crate::errno::EINVAL;
use dllcore::export;
use std::ffi::c_void;

/// A qsort/bsearch comparator (a PE function).
pub type Compare = unsafe extern "win64" fn(*const c_void, *const c_void) -> i32;

/// Copy one element: pointer- and int-sized ones without a call to memcpy.
///
/// # Safety
/// Both ranges valid for `width` bytes and not overlapping.
#[inline(always)]
unsafe fn copy_elem(src: *const u8, dst: *mut u8, width: usize) {
    // SAFETY: per the contract.
    unsafe {
        match width {
            4 => (dst as *mut u32).write_unaligned((src as *const u32).read_unaligned()),
            8 => (dst as *mut u64).write_unaligned((src as *const u64).read_unaligned()),
            16 => (dst as *mut u128).write_unaligned((src as *const u128).read_unaligned()),
            _ => std::ptr::copy_nonoverlapping(src, dst, width),
        }
    }
}

/// Sort `n` elements of `width` bytes: a merge sort (stable, n log n comparisons, and no
/// assumption that the comparator is consistent).
unsafe fn merge_sort(
    base: *mut u8,
    n: usize,
    width: usize,
    cmp: &mut impl FnMut(*const u8, *const u8) -> i32,
) {
    if n < 2 || width == 0 {
        return;
    }
    let total = n * width;
    let mut tmp = vec![0u8; total];
    // Insertion-sort runs of 8, then merge runs pairwise, ping-ponging between the buffers.
    const RUN: usize = 8;
    let mut swap = vec![0u8; width];
    unsafe {
        let mut start = 0;
        while start < n {
            let end = (start + RUN).min(n);
            for i in start + 1..end {
                let mut j = i;
                while j > start && cmp(base.add((j - 1) * width), base.add(j * width)) > 0 {
                    copy_elem(base.add(j * width), swap.as_mut_ptr(), width);
                    copy_elem(base.add((j - 1) * width), base.add(j * width), width);
                    copy_elem(swap.as_ptr(), base.add((j - 1) * width), width);
                    j -= 1;
                }
            }
            start = end;
        }
        let (mut src, mut dst) = (base, tmp.as_mut_ptr());
        let mut size = RUN;
        while size < n {
            let mut lo = 0;
            while lo < n {
                let mid = (lo + size).min(n);
                let hi = (lo + 2 * size).min(n);
                let (mut a, mut b, mut o) = (lo, mid, lo);
                while a < mid && b < hi {
                    let take_b = cmp(src.add(a * width), src.add(b * width)) > 0;
                    let from = if take_b { &mut b } else { &mut a };
                    copy_elem(src.add(*from * width), dst.add(o * width), width);
                    *from += 1;
                    o += 1;
                }
                std::ptr::copy_nonoverlapping(
                    src.add(a * width),
                    dst.add(o * width),
                    (mid - a) * width,
                );
                o += mid - a;
                std::ptr::copy_nonoverlapping(
                    src.add(b * width),
                    dst.add(o * width),
                    (hi - b) * width,
                );
                lo = hi;
            }
            std::mem::swap(&mut src, &mut dst);
            size *= 2;
        }
        if src != base {
            std::ptr::copy_nonoverlapping(src, base, total);
        }
    }
}

/// qsort: sort with the program's comparator.
#[export]
pub unsafe extern "win64" fn qsort(
    base: *mut c_void,
    n: usize,
    width: usize,
    cmp: Option<Compare>,
) {
    let Some(cmp) = cmp else {
        crate::invalid::fail(EINVAL);
        return;
    };
    if base.is_null() && n != 0 {
        crate::invalid::fail(EINVAL);
        return;
    }
    // SAFETY: the comparator is the program's; the elements are where it said.
    unsafe {
        merge_sort(base as *mut u8, n, width, &mut |a, b| {
            cmp(a as *const c_void, b as *const c_void)
        })
    }
}

/// qsort_s: with a context pointer passed first to the comparator.
#[export]
pub unsafe extern "win64" fn qsort_s(
    base: *mut c_void,
    n: usize,
    width: usize,
    cmp: Option<unsafe extern "win64" fn(*mut c_void, *const c_void, *const c_void) -> i32>,
    ctx: *mut c_void,
) {
    let Some(cmp) = cmp else {
        crate::invalid::fail(EINVAL);
        return;
    };
    unsafe {
        merge_sort(base as *mut u8, n, width, &mut |a, b| {
            cmp(ctx, a as *const c_void, b as *const c_void)
        })
    }
}

/// bsearch: a binary search for `key` with the program's comparator.
#[export]
pub unsafe extern "win64" fn bsearch(
    key: *const c_void,
    base: *const c_void,
    n: usize,
    width: usize,
    cmp: Option<Compare>,
) -> *mut c_void {
    let Some(cmp) = cmp else {
        return std::ptr::null_mut();
    };
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let p = unsafe { (base as *const u8).add(mid * width) } as *const c_void;
        match unsafe { cmp(key, p) } {
            0 => return p as *mut c_void,
            r if r < 0 => hi = mid,
            _ => lo = mid + 1,
        }
    }
    std::ptr::null_mut()
}

/// A comparator with a context pointer (the `_s` functions).
pub type CompareS = unsafe extern "win64" fn(*mut c_void, *const c_void, *const c_void) -> i32;

/// bsearch_s: `bsearch` with a context pointer passed first to the comparator.
#[export]
pub unsafe extern "win64" fn bsearch_s(
    key: *const c_void,
    base: *const c_void,
    n: usize,
    width: usize,
    cmp: Option<CompareS>,
    ctx: *mut c_void,
) -> *mut c_void {
    let Some(cmp) = cmp else {
        crate::invalid::fail(EINVAL);
        return std::ptr::null_mut();
    };
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let p = unsafe { (base as *const u8).add(mid * width) } as *const c_void;
        match unsafe { cmp(ctx, key, p) } {
            0 => return p as *mut c_void,
            r if r < 0 => hi = mid,
            _ => lo = mid + 1,
        }
    }
    std::ptr::null_mut()
}

/// Linear search of `*n` elements; the index of the first equal one.
unsafe fn linear(
    key: *const c_void,
    base: *const c_void,
    n: u32,
    width: usize,
    cmp: &mut dyn FnMut(*const c_void, *const c_void) -> i32,
) -> Option<*mut c_void> {
    (0..n as usize)
        .map(|i| unsafe { (base as *const u8).add(i * width) } as *const c_void)
        .find(|&p| cmp(key, p) == 0)
        .map(|p| p as *mut c_void)
}

/// _lfind: linear search; NULL when not found.
#[export]
pub unsafe extern "win64" fn _lfind(
    key: *const c_void,
    base: *const c_void,
    n: *mut u32,
    width: u32,
    cmp: Option<Compare>,
) -> *mut c_void {
    let Some(cmp) = cmp.filter(|_| !n.is_null()) else {
        crate::invalid::fail(EINVAL);
        return std::ptr::null_mut();
    };
    unsafe { linear(key, base, *n, width as usize, &mut |a, b| cmp(a, b)) }
        .unwrap_or(std::ptr::null_mut())
}

/// _lfind_s.
#[export]
pub unsafe extern "win64" fn _lfind_s(
    key: *const c_void,
    base: *const c_void,
    n: *mut u32,
    width: usize,
    cmp: Option<CompareS>,
    ctx: *mut c_void,
) -> *mut c_void {
    let Some(cmp) = cmp.filter(|_| !n.is_null()) else {
        crate::invalid::fail(EINVAL);
        return std::ptr::null_mut();
    };
    unsafe { linear(key, base, *n, width, &mut |a, b| cmp(ctx, a, b)) }
        .unwrap_or(std::ptr::null_mut())
}

/// _lsearch's work: find, or append the key and count it.
unsafe fn lsearch(
    key: *const c_void,
    base: *mut c_void,
    n: *mut u32,
    width: usize,
    cmp: &mut dyn FnMut(*const c_void, *const c_void) -> i32,
) -> *mut c_void {
    if let Some(p) = unsafe { linear(key, base, *n, width, cmp) } {
        return p;
    }
    unsafe {
        let p = (base as *mut u8).add(*n as usize * width);
        std::ptr::copy(key as *const u8, p, width);
        *n += 1;
        p as *mut c_void
    }
}

/// _lsearch: `_lfind`, appending the key when it is not there.
#[export]
pub unsafe extern "win64" fn _lsearch(
    key: *const c_void,
    base: *mut c_void,
    n: *mut u32,
    width: u32,
    cmp: Option<Compare>,
) -> *mut c_void {
    let Some(cmp) = cmp.filter(|_| !n.is_null()) else {
        crate::invalid::fail(EINVAL);
        return std::ptr::null_mut();
    };
    unsafe { lsearch(key, base, n, width as usize, &mut |a, b| cmp(a, b)) }
}

/// _lsearch_s.
#[export]
pub unsafe extern "win64" fn _lsearch_s(
    key: *const c_void,
    base: *mut c_void,
    n: *mut u32,
    width: usize,
    cmp: Option<CompareS>,
    ctx: *mut c_void,
) -> *mut c_void {
    let Some(cmp) = cmp.filter(|_| !n.is_null()) else {
        crate::invalid::fail(EINVAL);
        return std::ptr::null_mut();
    };
    unsafe { lsearch(key, base, n, width, &mut |a, b| cmp(ctx, a, b)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    unsafe extern "win64" fn cmp_i32(a: *const c_void, b: *const c_void) -> i32 {
        unsafe { (*(a as *const i32)).cmp(&*(b as *const i32)) as i32 }
    }

    #[test]
    fn qsort_and_bsearch() {
        let mut seed = 12345u32;
        for n in [0usize, 1, 2, 7, 8, 9, 16, 17, 100, 1000] {
            let mut v: Vec<i32> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
                    (seed >> 16) as i32 % 50
                })
                .collect();
            let mut want = v.clone();
            want.sort();
            unsafe { qsort(v.as_mut_ptr().cast(), n, 4, Some(cmp_i32)) };
            assert_eq!(v, want, "n = {n}");
            if n > 0 {
                let key = want[n / 2];
                let p = unsafe {
                    bsearch(
                        (&key as *const i32).cast(),
                        v.as_ptr().cast(),
                        n,
                        4,
                        Some(cmp_i32),
                    )
                };
                assert_eq!(unsafe { *(p as *const i32) }, key);
            }
            let missing = 1000;
            assert!(
                unsafe {
                    bsearch(
                        (&missing as *const i32).cast(),
                        v.as_ptr().cast(),
                        n,
                        4,
                        Some(cmp_i32),
                    )
                }
                .is_null()
            );
        }
    }

    #[test]
    fn qsort_is_stable_and_survives_bad_comparators() {
        unsafe extern "win64" fn by_key(a: *const c_void, b: *const c_void) -> i32 {
            unsafe { (*(a as *const (i32, i32))).0 - (*(b as *const (i32, i32))).0 }
        }
        let mut v: Vec<(i32, i32)> = (0..40).map(|i| (i % 3, i)).collect();
        unsafe { qsort(v.as_mut_ptr().cast(), v.len(), 8, Some(by_key)) };
        assert!(
            v.windows(2)
                .all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1))
        );
        unsafe extern "win64" fn liar(_: *const c_void, _: *const c_void) -> i32 {
            1
        }
        let mut v: Vec<i32> = (0..100).collect();
        unsafe { qsort(v.as_mut_ptr().cast(), 100, 4, Some(liar)) };
        let mut s = v.clone();
        s.sort();
        assert_eq!(s, (0..100).collect::<Vec<_>>(), "a permutation, no crash");
    }

    #[test]
    fn lfind_and_lsearch() {
        let mut v = [3i32, 1, 4, 0, 0];
        let mut n = 3u32;
        let key = 4i32;
        let p = unsafe {
            _lfind(
                (&key as *const i32).cast(),
                v.as_ptr().cast(),
                &mut n,
                4,
                Some(cmp_i32),
            )
        };
        assert_eq!(p as *const i32, &v[2] as *const i32);
        let key = 9i32;
        let p = unsafe {
            _lfind(
                (&key as *const i32).cast(),
                v.as_ptr().cast(),
                &mut n,
                4,
                Some(cmp_i32),
            )
        };
        assert!(p.is_null());
        let p = unsafe {
            _lsearch(
                (&key as *const i32).cast(),
                v.as_mut_ptr().cast(),
                &mut n,
                4,
                Some(cmp_i32),
            )
        };
        assert_eq!(n, 4);
        assert_eq!(p as *const i32, &v[3] as *const i32);
        assert_eq!(v[3], 9);
    }
}
