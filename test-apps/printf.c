/* printf.c - the C runtime's printf family, compared in-process.
 *
 * Built with -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin so that the CRT's own
 * sprintf/_snprintf/_vsnprintf/_vscprintf/printf are called (msvcrt.dll), or
 * __stdio_common_vsprintf & co. (UCRT), not mingw's formatter or gcc's
 * compile-time folding.
 *
 * msvcrt.dll and UCRT differ in places (3- vs 2-digit exponents, inf/nan
 * spellings, rounding, digits beyond 17 significant ones...): TV(msvcrt,
 * ucrt, fmt, args...) gives both expectations. Every expectation is what
 * Wine 8's msvcrt.dll / ucrtbase.dll print; where that differs from (our
 * understanding of) native Windows, a comment says so.
 */
#include <windows.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <stdint.h>
#include <stddef.h>
#include <wchar.h>

#include "check.h"

static char buf[1024];

static const char *esc(const char *s, size_t n)
{
    static char out[4][2048];
    static int which;
    char *b = out[which++ & 3], *p = b;
    *p++ = '"';
    for (size_t i = 0; i < n && p < b + 2000; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            *p++ = (char)c;
        else
            p += sprintf(p, "\\x%02x", c);
    }
    *p++ = '"';
    *p = 0;
    return b;
}

/* buf must hold exactly exp followed by NUL, and ret must be strlen(exp). */
static int case_ok(const char *exp, int ret)
{
    size_t n = strlen(exp);
    return ret == (int)n && memcmp(buf, exp, n + 1) == 0;
}

static const char *got(int ret)
{
    size_t n = strnlen(buf, sizeof buf);
    static char m[2300];
    sprintf(m, "got %s (ret %d)", esc(buf, n), ret);
    return m;
}

/* T(expected, format, args...): sprintf into buf and compare. */
#define T(exp, ...)                                                          \
    do {                                                                     \
        memset(buf, 0x7f, sizeof buf);                                       \
        int r_ = sprintf(buf, __VA_ARGS__);                                  \
        CHECK(case_ok(exp, r_), "sprintf(%s): expected %s, %s",              \
              #__VA_ARGS__, esc(exp, strlen(exp)), got(r_));                 \
    } while (0)

/* TV(msvcrt_expected, ucrt_expected, format, args...) */
#ifdef _UCRT
#define TV(m, u, ...) T(u, __VA_ARGS__)
#else
#define TV(m, u, ...) T(m, __VA_ARGS__)
#endif

static double dbits(uint64_t u)
{
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

static int vsc(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vscprintf(fmt, ap);
    va_end(ap);
    return r;
}

static int vsn(char *b, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vsnprintf(b, n, fmt, ap);
    va_end(ap);
    return r;
}

static void test_integers(void)
{
    T("0", "%d", 0);
    T("42", "%d", 42);
    T("-42", "%d", -42);
    T("2147483647", "%d", INT_MAX);
    T("-2147483648", "%d", INT_MIN);
    T("123", "%i", 123);
    T("-7", "%i", -7);
    T("   42", "%5d", 42);
    T("42   |", "%-5d|", 42);
    T("00042", "%05d", 42);
    T("-0042", "%05d", -42);
    T("+42", "%+d", 42);
    T("-42", "%+d", -42);
    T("+0", "%+d", 0);
    T(" 42", "% d", 42);
    T("-42", "% d", -42);
    T("+42", "%+ d", 42);
    T("42   |", "%-05d|", 42);
    T("  +42", "%+5d", 42);
    T("+0042", "%+05d", 42);
    T("007", "%.3d", 7);
    T("-007", "%.3d", -7);
    T("", "%.0d", 0);
    T("     ", "%5.0d", 0);
    T("     007", "%8.3d", 7);
    T("007     |", "%-8.3d|", 7);
    /* WINE: Wine 8 keeps the 0 flag when a precision is given. C, the
     * Microsoft docs ("if 0 is specified for an integer format and a
     * precision specification is also present, the 0 is ignored") and the
     * UCRT sources (type_case_integer clears FL_LEADZERO) say "     007". */
    T("00000007", "%08.3d", 7);
    T("12345", "%2d", 12345);
    T("12345", "%.2d", 12345);
    T("   42", "%*d", 5, 42);
    T("42   |", "%-*d|", 5, 42);
    T("42   |", "%*d|", -5, 42);
    T("0042", "%.*d", 4, 42);
    T("42", "%.*d", -1, 42);
    T("   042", "%*.*d", 6, 3, 42);
    T("1 2 3", "%d %d %d", 1, 2, 3);

    /* unsigned */
    T("0", "%u", 0u);
    T("4294967295", "%u", UINT_MAX);
    T("4294967295", "%u", -1);
    T("5", "%+u", 5u);
    T("5", "% u", 5u);
    T("  123", "%5u", 123u);
    T("00123", "%05u", 123u);

    /* octal */
    T("10", "%o", 8);
    T("010", "%#o", 8);
    T("0", "%#o", 0);
    T("010", "%#.3o", 8);
    T("0777", "%#o", 0777);
    T("37777777777", "%o", -1);
    T("  017", "%#5o", 15);

    /* hex */
    T("ff", "%x", 255);
    T("FF", "%X", 255);
    T("0xff", "%#x", 255);
    T("0XFF", "%#X", 255);
    T("0", "%#x", 0);
    T("000000ff", "%08x", 255);
    T("0x0000ff", "%#08x", 255);
    T("0xff    |", "%-#8x|", 255);
    T("00ff", "%.4x", 255);
    T("0x00ff", "%#.4x", 255);
    T("ffffffff", "%x", -1);
    T("deadbeef", "%x", 0xdeadbeefu);
    T("  abc", "%5x", 0xabc);
    T("abc  |", "%-5x|", 0xabc);

    /* h, hh */
    T("4464", "%hd", 70000);
    T("-1", "%hd", 65535);
    T("1", "%hu", 65537);
    T("2345", "%hx", 0x12345);
    T("177777", "%ho", -1);
    /* WINE: Wine 8 reads "hh" as "h" (short) in both CRTs. The UCRT docs
     * list hh (char) since VS2015, so Windows' ucrtbase prints "44" and
     * "ff"; msvcrt.dll has no hh. */
    T("300", "%hhd", 300);
    T("ffff", "%hhx", -1);

    /* l (32-bit on Windows), ll */
    T("2147483647", "%ld", LONG_MAX);
    T("-1", "%ld", -1L);
    T("4294967295", "%lu", ULONG_MAX);
    T("ffffffff", "%lx", 0xffffffffUL);
    T("9223372036854775807", "%lld", LLONG_MAX);
    T("-9223372036854775808", "%lld", LLONG_MIN);
    T("18446744073709551615", "%llu", ULLONG_MAX);
    T("deadbeefcafebabe", "%llx", 0xdeadbeefcafebabeULL);
    T("DEADBEEFCAFEBABE", "%llX", 0xdeadbeefcafebabeULL);
    T("1777777777777777777777", "%llo", ULLONG_MAX);
    T("  -1234567890123", "%16lld", -1234567890123LL);
    T("+000001234567890123", "%+019lld", 1234567890123LL);

    /* I64, I32, I (pointer-sized) */
    T("-1", "%I64d", -1LL);
    T("18446744073709551615", "%I64u", ULLONG_MAX);
    T("123456789abcdef0", "%I64x", 0x123456789abcdef0ULL);
    T("0X123456789ABCDEF0", "%#I64X", 0x123456789abcdef0ULL);
    T("-5", "%I32d", -5);
    T("4294967295", "%I32u", 0xffffffffu);
    T("-5", "%Id", (ptrdiff_t)-5);
    T("10000000000", "%Iu", (size_t)10000000000ULL);
    T("ffffffffffffffff", "%Ix", (size_t)-1);

    /* z, j, t: Wine's msvcrt.dll accepts them like the UCRT does; very old
     * Windows msvcrt.dll versions printed "%z" as "z". */
    T("12345678901", "%zu", (size_t)12345678901ULL);
    T("-3", "%zd", (ptrdiff_t)-3);
    T("2540be3ff", "%zx", (size_t)9999999999ULL);
    T("-9223372036854775808", "%jd", (intmax_t)LLONG_MIN);
    T("-1", "%td", (ptrdiff_t)-1);
}

static void test_chars_strings(void)
{
    T("A", "%c", 'A');
    T("    A", "%5c", 'A');
    T("A    |", "%-5c|", 'A');
    T("A", "%c", 0x141); /* converted to unsigned char */
    T("x", "%lc", (wint_t)L'x');
    T("y", "%C", (wint_t)L'y');
    T("z", "%wc", (wint_t)L'z');
    T("q", "%hc", 'q');
    T("[%]", "[%%]");
    T("100%", "100%%");
    T("abc", "%s", "abc");
    T("", "%s", "");
    T("       abc", "%10s", "abc");
    T("abc       |", "%-10s|", "abc");
    T("ab", "%.2s", "abc");
    T("abc", "%.5s", "abc");
    T("        ab", "%10.2s", "abc");
    T("a", "%.*s", 1, "abc");
    T("   ab", "%*.*s", 5, 2, "abc");
    T("abc", "%.*s", -1, "abc");
    T("(null)", "%s", (char *)NULL);
    T("wide", "%ls", L"wide");
    T("wide", "%S", L"wide");
    T("wide", "%ws", L"wide");
    T("narrow", "%hs", "narrow");
    T("  wide", "%6ls", L"wide");
    T("wi", "%.2ls", L"wide");
    T("wi  |", "%-4.2S|", L"wide");
    T("(null)", "%ls", (wchar_t *)NULL);
    T("a b c", "%s %s %s", "a", "b", "c");
    T("x=1, y=two, z=3.50", "x=%d, y=%s, z=%.2f", 1, "two", 3.5);
}

static void test_pointers(void)
{
    T("0000000000001234", "%p", (void *)0x1234);
    T("0000000000000000", "%p", (void *)NULL);
    T("FFFFFFFFFFFFFFFF", "%p", (void *)(intptr_t)-1);
    T("00007FFE12345678", "%p", (void *)0x7ffe12345678ULL);
    T("    0000000000001234", "%20p", (void *)0x1234);
    T("0000000000001234    |", "%-20p|", (void *)0x1234);
}

static void test_floats(void)
{
    /* %f */
    T("1.500000", "%f", 1.5);
    T("0.000000", "%f", 0.0);
    T("-0.000000", "%f", -0.0);
    T("3.14", "%.2f", 3.14159);
    T("3.142", "%.3f", 3.14159);
    T("3", "%.0f", 3.14159);
    T("3.", "%#.0f", 3.0);
    T("+1.000000", "%+f", 1.0);
    T(" 1.000000", "% f", 1.0);
    T("-00003.142", "%010.3f", -3.14159);
    T("3.142     |", "%-10.3f|", 3.14159);
    T("    3.1416", "%10.4f", 3.14159265);
    T("  3.14", "%*.*f", 6, 2, 3.14159);
    T("123456789.125000", "%f", 123456789.125);
    T("100000000000000000000.000000", "%f", 1e20);
    T("0.000", "%.3f", 1e-5);
    T("0.000010", "%f", 1e-5);
    T("1000000.000000", "%f", 1e6);
    T("-1234.567800", "%f", -1234.5678);
    T("0.100000", "%f", 0.1);
    T("2.000000", "%f", 1.9999999);
    T("1.000", "%.3f", 0.9999);
    T("9.9", "%.1f", 9.94);
    T("10.0", "%.1f", 9.96);
    /* Exact decimal ties round half away from zero in both. (UCRT rounds
     * ties to even only when the caller passes
     * _CRT_INTERNAL_PRINTF_STANDARD_ROUNDING, which MSVC's headers do since
     * Windows 10 2004 but mingw's do not; so Windows agrees with Wine
     * here for these binaries.) */
    T("3", "%.0f", 2.5);
    T("1", "%.0f", 0.5);
    T("2", "%.0f", 1.5);
    T("0.3", "%.1f", 0.25);
    T("0.4", "%.1f", 0.375); /* 0.375 is exact: not a tie at 1 digit */
    T("0.3", "%.1f", 0.35);  /* 0.35 is really 0.34999999999999997... */
    T("1.13", "%.2f", 1.125);
    /* Digits beyond 17 significant ones: the exact binary value, in both.
     * WINE: Windows' msvcrt.dll is believed to stop after 17 significant
     * digits and pad with zeros ("0.10000000000000001000",
     * "99999999999999992000000"); Wine's msvcrt prints exact digits. */
    T("0.10000000000000000555", "%.20f", 0.1);
    T("99999999999999991611392", "%.0f", 1e23);
    T("0.30000000000000004", "%.17f", 0.1 + 0.2);
    T("340282346638528859811704183484516925440.000000", "%f", 3.4028234663852886e38);

    /* %e %E */
    TV("1.000000e+000", "1.000000e+00", "%e", 1.0);
    TV("0.000000e+000", "0.000000e+00", "%e", 0.0);
    TV("-0.000000e+000", "-0.000000e+00", "%e", -0.0);
    TV("1.234568e+005", "1.234568e+05", "%e", 123456.789);
    TV("-1.23e-004", "-1.23e-04", "%.2e", -0.000123);
    TV("1.000000E+020", "1.000000E+20", "%E", 1e20);
    TV("5e+000", "5e+00", "%.0e", 5.0);
    TV("5.e+000", "5.e+00", "%#.0e", 5.0);
    TV("  3.142e+000", "   3.142e+00", "%12.3e", 3.14159);
    TV("3.142e+000  |", "3.142e+00   |", "%-12.3e|", 3.14159);
    TV("+3.142e+000", "+3.142e+00", "%+.3e", 3.14159);
    TV("00003.142e+000", "000003.142e+00", "%014.3e", 3.14159);
    T("1.000000e+300", "%e", 1e300);
    T("1.000000e-300", "%e", 1e-300);
    T("1.797693e+308", "%e", 1.7976931348623157e308);
    T("4.940656e-324", "%e", 4.9406564584124654e-324);
    T("2.225074e-308", "%e", 2.2250738585072014e-308);
    TV("1.0000000000e+001", "1.0000000000e+01", "%.10e", 10.0);
    TV("1.0000000000000001e-001", "1.0000000000000001e-01", "%.16e", 0.1);
    TV("1.2345678901234568e+018", "1.2345678901234568e+18", "%.16e", 1234567890123456789.0);

    /* %g %G */
    T("0.0001", "%g", 0.0001);
    TV("1e-005", "1e-05", "%g", 0.00001);
    T("123456", "%g", 123456.0);
    TV("1.23457e+006", "1.23457e+06", "%g", 1234567.0);
    TV("1E-010", "1E-10", "%G", 1e-10);
    T("1.00000", "%#g", 1.0);
    T("100", "%g", 100.0);
    T("3.14", "%.3g", 3.14159);
    TV("1e+002", "1e+02", "%.0g", 123.0);
    T("1", "%.0g", 1.0);
    T("     3.142|", "%10.4g|", 3.14159);
    T("3.142     |", "%-10.4g|", 3.14159);
    T("0", "%g", 0.0);
    T("-0", "%g", -0.0);
    T("0.1", "%g", 0.1);
    T("1e+100", "%g", 1e100);
    T("2.5", "%G", 2.5);
    T("+2.5", "%+g", 2.5);
    TV("1.5e+010", "1.5e+10", "%g", 1.5e10);
    T("0.000123457", "%g", 0.0001234567);
    T("100000", "%g", 100000.0);
    TV("1e+006", "1e+06", "%g", 1000000.0);
    TV("1.0000e+010", "1.0000e+10", "%#.5g", 1e10);

    /* %a %A */
    T("0x1.0000000000000p+0", "%a", 1.0);
    T("-0X1.4000000000000P+1", "%A", -2.5);
    T("0x1.00p+0", "%.2a", 1.0);
    T("0x1.8p+1", "%.1a", 3.0);
    T("0x0.0000000000000p+0", "%a", 0.0);
    T("0x1.999999999999ap-4", "%a", 0.1);
    T("0x1.fffffffffffffp+1023", "%a", 1.7976931348623157e308);
}

static void test_special_floats(void)
{
    double inf = dbits(0x7ff0000000000000ULL);
    double ninf = dbits(0xfff0000000000000ULL);
    double qnan = dbits(0x7ff8000000000000ULL);
    double nqnan = dbits(0xfff8000000000001ULL);
    double ind = dbits(0xfff8000000000000ULL); /* x86 "default NaN", 0.0/0.0 */
    double snan = dbits(0x7ff0000000000001ULL);

    TV("1.#INF00", "inf", "%f", inf);
    TV("-1.#INF00", "-inf", "%f", ninf);
    TV("1.#QNAN0", "nan", "%f", qnan);
    /* WINE: Wine prints every negative NaN as IND / nan(ind) and every NaN
     * with a positive sign as QNAN / nan. Windows reserves IND / nan(ind)
     * for the "indefinite" pattern 0xfff8000000000000 and spells other
     * negative NaNs "-1.#QNAN0" / "-nan", signalling ones "1.#SNAN0" /
     * "nan(snan)". */
    TV("-1.#IND00", "-nan(ind)", "%f", nqnan);
    TV("-1.#IND00", "-nan(ind)", "%f", ind);
    TV("1.#QNAN0", "nan", "%f", snan);
    TV("1.#INF00e+000", "inf", "%e", inf);
    TV("1.#INF00E+000", "INF", "%E", inf);
    TV("1.#INF", "inf", "%g", inf);
    TV("-1.#INF", "-INF", "%G", ninf);
    TV("  1.#INF00", "       inf", "%10f", inf);
    /* WINE: Wine drops the "00" when left-justifying (it pads the missing
     * digits with spaces); Windows' msvcrt prints "1.#INF00  |". */
    TV("1.#INF    |", "inf       |", "%-10f|", inf);
    TV("+1.#INF00", "+inf", "%+f", inf);
    TV("1.#QNAN", "nan", "%g", qnan);
    TV("-1.#IND", "-nan(ind)", "%g", ind);
}

static void test_snprintf_family(void)
{
    char b[32];
    int r;

    /* _snprintf: truncation returns -1 and does not write a NUL. */
    memset(b, 'X', sizeof b);
    r = _snprintf(b, 5, "%s", "hello world");
    CHECK(r == -1, "_snprintf truncated: ret %d, expected -1", r);
    CHECK(memcmp(b, "helloX", 6) == 0, "_snprintf truncated: buffer %s", esc(b, 8));

    /* exactly fitting: all characters, no NUL, returns the length */
    memset(b, 'X', sizeof b);
    r = _snprintf(b, 11, "hello %s", "world");
    CHECK(r == 11, "_snprintf exact fit: ret %d, expected 11", r);
    CHECK(memcmp(b, "hello worldX", 12) == 0, "_snprintf exact fit: buffer %s", esc(b, 13));

    /* room for the NUL */
    memset(b, 'X', sizeof b);
    r = _snprintf(b, 12, "hello %s", "world");
    CHECK(r == 11 && memcmp(b, "hello world\0X", 13) == 0, "_snprintf fits: ret %d buffer %s",
          r, esc(b, 13));

    memset(b, 'X', sizeof b);
    r = _snprintf(b, 0, "%d", 12345);
    CHECK(r == -1 && b[0] == 'X', "_snprintf count 0: ret %d, b[0]=%02x", r, (unsigned char)b[0]);

    memset(b, 'X', sizeof b);
    r = _snprintf(b, 3, "%d", 12345);
    CHECK(r == -1 && memcmp(b, "123X", 4) == 0, "_snprintf digits: ret %d buffer %s", r, esc(b, 5));

    memset(b, 'X', sizeof b);
    r = vsn(b, 4, "%s-%d", "ab", 42);
    CHECK(r == -1 && memcmp(b, "ab-4X", 5) == 0, "_vsnprintf truncated: ret %d buffer %s",
          r, esc(b, 6));

    memset(b, 'X', sizeof b);
    r = vsn(b, sizeof b, "%s-%d", "ab", 42);
    CHECK(r == 5 && strcmp(b, "ab-42") == 0, "_vsnprintf: ret %d buffer %s", r, esc(b, 7));

    /* _vscprintf / _scprintf: length without writing */
    r = vsc("%d-%s", 123, "ab");
    CHECK(r == 6, "_vscprintf: %d, expected 6", r);
    r = vsc("");
    CHECK(r == 0, "_vscprintf empty: %d", r);
    r = vsc("%10.3f|%-5s|%x", 3.14159, "a", 255);
    CHECK(r == 19, "_vscprintf mixed: %d, expected 19", r);
    r = _scprintf("%s %s", "hello", "world");
    CHECK(r == 11, "_scprintf: %d, expected 11", r);

    /* C99 snprintf (UCRT: __stdio_common_vsprintf with the standard
     * behaviour; msvcrt: mingw's __ms_vsnprintf over _vsnprintf/_vscprintf). */
    memset(b, 'X', sizeof b);
    r = snprintf(b, 5, "%s", "hello world");
    CHECK(r == 11 && memcmp(b, "hell\0X", 6) == 0, "snprintf truncated: ret %d buffer %s",
          r, esc(b, 6));
    r = snprintf(NULL, 0, "%d", 123456);
    CHECK(r == 6, "snprintf(NULL, 0): %d, expected 6", r);

    /* sprintf with a NUL character in the output */
    memset(b, 'X', sizeof b);
    r = sprintf(b, "a%cb", 0);
    CHECK(r == 3 && memcmp(b, "a\0b\0X", 5) == 0, "sprintf %%c NUL: ret %d buffer %s", r, esc(b, 5));

    /* long output */
    char big[600];
    r = sprintf(big, "%500d|", 1);
    CHECK(r == 501 && big[498] == ' ' && big[499] == '1' && big[500] == '|' && big[501] == 0,
          "sprintf %%500d: ret %d", r);

    /* wide: _snwprintf (legacy wide specifiers: %s is wide, %S narrow) */
    wchar_t wb[64];
    r = _snwprintf(wb, 64, L"%s|%S|%d|%c", L"wide", "narrow", 5, L'w');
    CHECK(r == 15 && wcscmp(wb, L"wide|narrow|5|w") == 0, "_snwprintf: ret %d", r);
    r = _snwprintf(wb, 64, L"%hs|%ls|%5.1f", "n", L"w", 2.25);
    CHECK(r == 9 && wcscmp(wb, L"n|w|  2.3") == 0, "_snwprintf h/l: ret %d", r);
}

static void test_stdout(void)
{
    /* the return value counts "\n" as one character (before CRLF translation) */
    int r = printf("printf to stdout: %d %s %.1f\n", 7, "seven", 7.0);
    CHECK(r == 30, "printf returned %d, expected 30", r);
    r = printf("%s", "");
    CHECK(r == 0, "printf(\"\") returned %d", r);
    r = fprintf(stdout, "fprintf(stdout): %05d\n", 42);
    CHECK(r == 23, "fprintf returned %d, expected 23", r);
    r = puts("puts to stdout");
    CHECK(r >= 0, "puts returned %d", r);
    fflush(stdout);
}

int main(void)
{
    test_integers();
    test_chars_strings();
    test_pointers();
    test_floats();
    test_special_floats();
    test_snprintf_family();
    test_stdout();
    return check_report();
}
