/* scanf.c - the scanf families: sscanf (table of cases: %d %i %u %o %x %X %c %s %[ ] %[^ ] %n
 * %p %e %f %g, widths, sizes h hh l ll I64 I32 L w z, '*' suppression, literals, return
 * counts and the EOF rules), swscanf, _snscanf/_snwscanf (length limits), the _s forms
 * (buffer sizes), vsscanf/vswscanf, fscanf/fwscanf on files (text mode, UTF-16 "ccs="
 * streams), scanf/wscanf on a freopen'd stdin, and where scanf leaves the stream. Built for
 * both CRTs; TV(m, u) gives the msvcrt and UCRT expectations where they differ. Every
 * expectation is Wine 8's (WINE: notes where Windows is documented to differ). */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <direct.h>
#include <io.h>
#include "crt.h"

#ifdef _UCRT
#define TV(m, u) (u)
#else
#define TV(m, u) (m)
#endif

#define FILL 0x7f7f7f7f

/* one int: return value and stored value */
#define SI(in, fmt, ret, val)                                                                       \
    do {                                                                                            \
        int v_ = FILL;                                                                              \
        int r_ = sscanf(in, fmt, &v_);                                                              \
        CHECK(r_ == (ret) && v_ == (val), "sscanf(\"%s\", \"%s\") = %d, %d (0x%x); expected %d, %d", \
              in, fmt, r_, v_, v_, (ret), (val));                                                   \
    } while (0)

/* one 64-bit int */
#define SLL(in, fmt, ret, val)                                                                      \
    do {                                                                                            \
        long long v_ = 0x7f7f7f7f7f7f7f7fLL;                                                        \
        int r_ = sscanf(in, fmt, &v_);                                                              \
        CHECK(r_ == (ret) && v_ == (val), "sscanf(\"%s\", \"%s\") = %d, %I64d; expected %d, %I64d", \
              in, fmt, r_, v_, (ret), (long long)(val));                                            \
    } while (0)

/* one short (the bytes around it must stay) */
#define SH(in, fmt, ret, val)                                                                       \
    do {                                                                                            \
        short v_[3] = {0x7f7f, 0x7f7f, 0x7f7f};                                                     \
        int r_ = sscanf(in, fmt, &v_[1]);                                                           \
        CHECK(r_ == (ret) && v_[1] == (short)(val) && v_[0] == 0x7f7f && v_[2] == 0x7f7f,          \
              "sscanf(\"%s\", \"%s\") = %d, %d; expected %d, %d", in, fmt, r_, v_[1], (ret), (val)); \
    } while (0)

/* one double, bit-exact */
#define SD(in, fmt, ret, val)                                                                       \
    do {                                                                                            \
        double v_ = -1234.5;                                                                        \
        int r_ = sscanf(in, fmt, &v_);                                                              \
        CHECK(r_ == (ret) && memcmp(&v_, &(double){val}, 8) == 0,                                   \
              "sscanf(\"%s\", \"%s\") = %d, %.17g; expected %d, %.17g", in, fmt, r_, v_, (ret), (double)(val)); \
    } while (0)

/* one float, bit-exact */
#define SF(in, fmt, ret, val)                                                                       \
    do {                                                                                            \
        float v_ = -1234.5f;                                                                        \
        int r_ = sscanf(in, fmt, &v_);                                                              \
        CHECK(r_ == (ret) && memcmp(&v_, &(float){val}, 4) == 0,                                    \
              "sscanf(\"%s\", \"%s\") = %d, %.9g; expected %d, %.9g", in, fmt, r_, v_, (ret), (double)(val)); \
    } while (0)

/* one string (the buffer starts as "~~~~...") */
#define SS(in, fmt, ret, val)                                                                       \
    do {                                                                                            \
        char v_[32];                                                                                \
        memset(v_, '~', sizeof v_);                                                                 \
        v_[31] = 0;                                                                                 \
        int r_ = sscanf(in, fmt, v_);                                                               \
        CHECK(r_ == (ret) && strcmp(v_, val) == 0, "sscanf(\"%s\", \"%s\") = %d, \"%s\"; expected %d, \"%s\"", \
              in, fmt, r_, v_, (ret), val);                                                         \
    } while (0)

static const char *tilde31 = "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~";

static void integers(void)
{
    SI("42", "%d", 1, 42);
    SI("  -17", "%d", 1, -17);
    SI("+5", "%d", 1, 5);
    SI("\t\n 7", "%d", 1, 7);
    SI("12abc", "%d", 1, 12);
    SI("abc", "%d", 0, FILL);
    SI("", "%d", -1, FILL);
    SI("   ", "%d", 0, FILL); /* WINE: Windows returns EOF (-1) */
    SI("-", "%d", 0, FILL);
    SI("- 5", "%d", 0, FILL);
    SI("2147483647", "%d", 1, 2147483647);
    SI("2147483648", "%d", 1, (int)0x80000000u);
    SI("4294967297", "%d", 1, 1);
    SI("-2147483648", "%d", 1, (int)0x80000000u);
    SI("12345", "%3d", 1, 123);
    SI("-12345", "%3d", 1, -12);
    SI("+-1", "%d", 0, FILL);
    SI("0x1A", "%x", 1, 26);
    SI("0X1a", "%X", 1, 26);
    SI("1A", "%x", 1, 26);
    SI("ffffffff", "%x", 1, -1);
    SI("-ff", "%x", 1, -255);
    SI("0x", "%x", 0, FILL);
    SI("0xg", "%x", 0, FILL);
    SI("0x10", "%3x", 1, 1);
    SI("017", "%o", 1, 15);
    SI("8", "%o", 0, FILL);
    SI("-7", "%o", 1, -7);
    SI("0x1f", "%i", 1, 31);
    SI("017", "%i", 1, 15);
    SI("0", "%i", 1, 0);
    SI("09", "%i", 1, 0);
    SI("-0x10", "%i", 1, -16);
    SI("123", "%i", 1, 123);
    SI("4294967295", "%u", 1, -1);
    SI("-1", "%u", 1, -1);
    SI("00012", "%d", 1, 12);
    SI("000", "%2d", 1, 0);
    SI("5", "%*d", 0, FILL);
    SI("1 2", "%*d %d", 1, 2);
    SI("7", "%1d", 1, 7);
    SI("x7", "x%d", 1, 7);
    SI("y7", "x%d", 0, FILL);
    SI("  x7", " x%d", 1, 7);
    SI("  x7", "x%d", 0, FILL);
    SI("%7", "%%%d", 1, 7);
    SI("  %7", "%%%d", 1, 7); /* %% skips white space first */
    SI("a7", "%q%d", 0, FILL);
    SI("q7", "%q%d", 1, 7); /* an unknown conversion matches itself */
    SI("7", "%ld", 1, 7);
    SI("7", "%I32d", 1, 7);
    SLL("9223372036854775807", "%I64d", 1, 9223372036854775807LL);
    SLL("-9223372036854775808", "%lld", 1, (long long)0x8000000000000000ULL);
    SLL("18446744073709551615", "%I64u", 1, -1LL);
    SLL("18446744073709551617", "%I64u", 1, 1);
    SLL("ffffffffff", "%I64x", 1, 0xffffffffffLL);
    SLL("12", "%zd", 1, 12);
    SLL("12", "%Id", 1, 12);
    SLL("1234567890123", "%lld", 1, 1234567890123LL);
    SH("-2", "%hd", 1, -2);
    SH("65537", "%hd", 1, 1);
    SH("ffff", "%hx", 1, -1);
    SH("32768", "%hu", 1, -32768);
    {
        /* hh: a char in the UCRT; msvcrt has no hh and stores an int */
        int v = 0x11111111;
        int r = sscanf("-5", "%hhd", &v);
        CHECK(r == 1 && v == TV(-5, 0x111111fb), "%%hhd: %d %08x", r, v);
        v = 0x11111111;
        r = sscanf("200", "%hhu", &v);
        CHECK(r == 1 && v == TV(200, 0x111111c8), "%%hhu: %d %08x", r, v);
    }
    {
        void *p = (void *)1;
        int r = sscanf("12ab34cd56", "%p", &p);
        CHECK(r == 1 && p == (void *)0x12ab34cd56ULL, "%%p: %d %p", r, p);
        r = sscanf("0x12", "%p", &p);
        CHECK(r == 1 && p == NULL, "%%p reads no 0x prefix: %d %p", r, p);
        r = sscanf("FFFFFFFFFFFFFFFF", "%p", &p);
        CHECK(r == 1 && p == (void *)~0ULL, "%%p: %d %p", r, p);
    }
    {
        int a = FILL, b = FILL, c = FILL;
        int r = sscanf("1,2,3", "%d,%d,%d", &a, &b, &c);
        CHECK(r == 3 && a == 1 && b == 2 && c == 3, "commas: %d %d %d %d", r, a, b, c);
        a = b = c = FILL;
        r = sscanf("1, 2 ,3", "%d,%d,%d", &a, &b, &c);
        CHECK(r == 2 && a == 1 && b == 2 && c == FILL, "literal after space: %d %d %d %d", r, a, b, c);
        r = sscanf("123456789", "%2d%3d%d", &a, &b, &c);
        CHECK(r == 3 && a == 12 && b == 345 && c == 6789, "widths: %d %d %d %d", r, a, b, c);
        r = sscanf("10 0x10 010", "%i %i %i", &a, &b, &c);
        CHECK(r == 3 && a == 10 && b == 16 && c == 8, "%%i bases: %d %d %d %d", r, a, b, c);
        a = b = FILL;
        r = sscanf("5", "%d %d", &a, &b);
        CHECK(r == 1 && a == 5 && b == FILL, "input ends: %d %d %d", r, a, b);
        r = sscanf("5 x", "%d %d", &a, &b);
        CHECK(r == 1 && b == FILL, "no match: %d %d", r, b);
        r = sscanf("", "%d %d", &a, &b);
        CHECK(r == -1, "empty input: %d", r);
        r = sscanf("abc", "", &a);
        CHECK(r == 0, "empty format: %d", r);
        r = sscanf("", "", &a);
        CHECK(r == 0, "empty format and input: %d", r);
        r = sscanf("", "x", &a);
        CHECK(r == -1, "empty input, literal: %d", r);
    }
}

static void floats(void)
{
    SD("1.5", "%lf", 1, 1.5);
    SD("-0.25", "%lf", 1, -0.25);
    SD("  3", "%lf", 1, 3.0);
    SD("1e3", "%lf", 1, 1000.0);
    SD("1E-2", "%le", 1, 0.01);
    SD("2.5e+2", "%lg", 1, 250.0);
    SD(".5", "%lf", 1, 0.5);
    SD("5.", "%lf", 1, 5.0);
    SD("0.1", "%lf", 1, 0.1);
    SD("123456789012345678901234567890", "%lf", 1, 123456789012345678901234567890.0);
    SD("2.2250738585072014e-308", "%lf", 1, 2.2250738585072014e-308);
    SD("4.9e-324", "%lf", 1, 4.9e-324);
    SD("1.7976931348623157e308", "%lf", 1, 1.7976931348623157e308);
    SD("1e400", "%lf", 1, HUGE_VAL);
    SD("-1e400", "%lf", 1, -HUGE_VAL);
    SD("1e-400", "%lf", 1, 0.0);
    SD("0.30000000000000004", "%lf", 1, 0.30000000000000004);
    SD("9007199254740993", "%lf", 1, 9007199254740992.0);
    SD("1.5x", "%lf", 1, 1.5);
    SD("12345", "%3lf", 1, 123.0);
    SD("1.25", "%3lf", 1, 1.2);
    SD("-1.5", "%2lf", 1, -1.0);
    SD("1.5", "%Lf", 1, 1.5);
    SD("x", "%lf", 0, -1234.5);
    SD(".", "%lf", -1, -1234.5); /* WINE: the reader cannot give back "." and the end */
    SD("-", "%lf", -1, -1234.5);
    SD("", "%lf", -1, -1234.5);
    SD("e5", "%lf", 0, -1234.5);
    SD("1e", "%lf", -1, -1234.5); /* WINE: two characters would have to go back */
    SD("1e+", "%lf", -1, -1234.5);
    SD("1ex", "%lf", -1, -1234.5);
    SD("1e5x", "%lf", 1, 100000.0);
    SD("1d2", "%lf", 1, 100.0);
    SD("0x1.8p1", "%lf", 1, TV(0.0, 3.0));
    SD("0x10", "%lf", 1, TV(0.0, 16.0));
    SD("-0x1p-2", "%lf", 1, TV(-0.0, -0.25));
    SD("inf", "%lf", TV(0, 1), TV(-1234.5, HUGE_VAL));
    SD("-Infinity", "%lf", TV(-1, 1), TV(-1234.5, -HUGE_VAL));
    SF("1.5", "%f", 1, 1.5f);
    SF("0.1", "%f", 1, 0.1f);
    SF("3.4028235e38", "%f", 1, 3.4028235e38f);
    SF("1e39", "%f", 1, HUGE_VALF);
    SF("-2.5", "%e", 1, -2.5f);
    SF("7", "%g", 1, 7.0f);
    SF("7", "%E", 1, 7.0f);
    SF("7", "%G", 1, 7.0f);
    {
        double d = 0;
        int r = sscanf("nan", "%lf", &d);
        CHECK(r == TV(0, 1) && (TV(1, isnan(d))), "nan: %d %g", r, d);
        float a = 0, b = 0;
        int n = 0;
        r = sscanf("1.5 2.5e1%", "%f %f%n", &a, &b, &n);
        CHECK(r == 2 && a == 1.5f && b == 25.0f && n == 9, "two floats: %d %g %g %d", r, a, b, n);
        r = sscanf("3.25;", "%lf;%n", &d, &n);
        CHECK(r == 1 && d == 3.25 && n == 5, "float then literal: %d %g %d", r, d, n);
        r = sscanf("1.5", "%*f%n", &n);
        CHECK(r == 0 && n == 3, "suppressed float: %d %d", r, n);
    }
}

static void strings(void)
{
    SS("hello world", "%s", 1, "hello");
    SS("   lead", "%s", 1, "lead");
    SS("tab\there", "%s", 1, "tab");
    SS("abcdef", "%3s", 1, "abc");
    SS("", "%s", -1, tilde31);
    SS("   ", "%s", -1, tilde31);
    SS("x y", "%*s %s", 1, "y");
    SS("abc123def", "%[a-z]", 1, "abc");
    SS("abc123def", "%[^0-9]", 1, "abc");
    SS("123abc", "%[a-z]", 0, ""); /* an empty %[ match still stores "" */
    SS("a]b", "%[]a]", 1, "a]");
    SS("a-b", "%[a-]", 1, "a-");
    SS("zyx", "%[z-x]", 1, "zyx");
    SS("hello world", "%[^\n]", 1, "hello world");
    SS("  spaces", "%[ ]", 1, "  ");
    SS("aaaa", "%2[a]", 1, "aa");
    SS("key=value", "%*[^=]=%s", 1, "value");
    SS("AbC", "%[a-z]", 0, "");
    SS("ABC", "%[A-Z]", 1, "ABC");
    SS("x", "%[^x]", 0, "");
    SS("42", "%[0-9]", 1, "42");
    {
        char c[8];
        memset(c, '~', sizeof c);
        int r = sscanf(" ab", "%c", c);
        CHECK(r == 1 && c[0] == ' ' && c[1] == '~', "%%c takes white space: %d '%c'", r, c[0]);
        r = sscanf("abcdef", "%3c", c);
        CHECK(r == 1 && memcmp(c, "abc~", 4) == 0, "%%3c stores no NUL: %d %.4s", r, c);
        memset(c, '~', sizeof c);
        r = sscanf("ab", "%5c", c);
        CHECK(r == 1 && memcmp(c, "ab~", 3) == 0, "%%5c at the end: %d %.3s", r, c);
        r = sscanf("", "%c", c);
        CHECK(r == -1, "%%c on empty input: %d", r);
        r = sscanf("xy", " %c%c", c, c + 1);
        CHECK(r == 2 && c[0] == 'x' && c[1] == 'y', "two %%c: %d", r);
        r = sscanf("x", "%*c%c", c);
        CHECK(r == 0, "suppressed %%c then end: %d", r);
    }
    {
        /* wide targets from narrow input: %S, %ls, %ws, %C, %lc */
        wchar_t w[8];
        wmemset(w, L'~', 8);
        int r = sscanf("abc def", "%S", w);
        CHECK(r == 1 && wcscmp(w, L"abc") == 0, "%%S: %d", r);
        r = sscanf("xyz", "%ls", w);
        CHECK(r == 1 && wcscmp(w, L"xyz") == 0, "%%ls: %d", r);
        r = sscanf("uvw", "%ws", w);
        CHECK(r == 1 && wcscmp(w, L"uvw") == 0, "%%ws: %d", r);
        wmemset(w, L'~', 8);
        r = sscanf("q", "%C", w);
        CHECK(r == 1 && w[0] == L'q' && w[1] == L'~', "%%C: %d", r);
        r = sscanf("r", "%lc", w);
        CHECK(r == 1 && w[0] == L'r', "%%lc: %d", r);
        char c[4] = "~~~";
        r = sscanf("s", "%hc", c);
        CHECK(r == 1 && c[0] == 's', "%%hc: %d", r);
        r = sscanf("tt", "%hs", c);
        CHECK(r == 1 && strcmp(c, "tt") == 0, "%%hs: %d", r);
    }
    {
        int n1 = -1, n2 = -1, a = 0;
        int r = sscanf("abc 12", "abc%n %d%n", &n1, &a, &n2);
        CHECK(r == 1 && n1 == 3 && n2 == 6 && a == 12, "%%n does not count: %d %d %d", r, n1, n2);
        r = sscanf("abc", "abc%n", &n1);
        CHECK(r == 0 && n1 == 3, "%%n at the end: %d %d", r, n1);
        n1 = -1;
        r = sscanf("   x", " %n", &n1);
        CHECK(r == 0 && n1 == 3, "%%n after spaces: %d %d", r, n1);
        n1 = -1;
        r = sscanf("", "%n", &n1);
        CHECK(r == -1 && n1 == -1, "%%n on empty input: %d %d", r, n1);
        n1 = 7;
        r = sscanf("ab", "%*s%n", &n1);
        CHECK(r == 0 && n1 == 2, "%%n after %%*s: %d %d", r, n1);
    }
    {
        char a[16], b[16];
        int x = 0;
        int r = sscanf("name: Bob age 42", "name: %15s age %d", a, &x);
        CHECK(r == 2 && strcmp(a, "Bob") == 0 && x == 42, "mixed: %d %s %d", r, a, x);
        r = sscanf("2024-01-15", "%4s-%2s", a, b);
        CHECK(r == 2 && strcmp(a, "2024") == 0 && strcmp(b, "01") == 0, "dates: %d %s %s", r, a, b);
        r = sscanf("a,b", "%[^,],%s", a, b);
        CHECK(r == 2 && strcmp(a, "a") == 0 && strcmp(b, "b") == 0, "csv: %d %s %s", r, a, b);
        r = sscanf("end", "%s %d", a, &x);
        CHECK(r == 1 && strcmp(a, "end") == 0, "%%d after the end: %d", r);
        r = sscanf("end ", "%s %s", a, b);
        CHECK(r == 1, "%%s after the end: %d", r);
    }
}

static void wide(void)
{
    int a = FILL, r;
    wchar_t w[16];
    char c[16];
    double d = 0;
    r = swscanf(L"42", L"%d", &a);
    CHECK(r == 1 && a == 42, "swscanf %%d: %d %d", r, a);
    r = swscanf(L"  -0x1F", L"%i", &a);
    CHECK(r == 1 && a == -31, "swscanf %%i: %d %d", r, a);
    r = swscanf(L"2.5", L"%lf", &d);
    CHECK(r == 1 && d == 2.5, "swscanf %%lf: %d %g", r, d);
    r = swscanf(L"\x3042\x3044 x", L"%s", w);
    CHECK(r == 1 && wcscmp(w, L"\x3042\x3044") == 0, "swscanf %%s keeps UTF-16: %d", r);
    r = swscanf(L"\x3000" L"7", L"%d", &a);
    CHECK(r == 1 && a == 7, "swscanf: U+3000 is white space: %d %d", r, a);
    r = swscanf(L"abc", L"%S", c);
    CHECK(r == 1 && strcmp(c, "abc") == 0, "swscanf %%S is narrow: %d", r);
    r = swscanf(L"abc", L"%hs", c);
    CHECK(r == 1 && strcmp(c, "abc") == 0, "swscanf %%hs: %d", r);
    r = swscanf(L"abc", L"%ls", w);
    CHECK(r == 1 && wcscmp(w, L"abc") == 0, "swscanf %%ls: %d", r);
    r = swscanf(L"ab1", L"%[a-z]", w);
    CHECK(r == 1 && wcscmp(w, L"ab") == 0, "swscanf %%[: %d", r);
    r = swscanf(L"\x3042\x3043z", L"%[\x3041-\x3045]", w);
    CHECK(r == 1 && wcscmp(w, L"\x3042\x3043") == 0, "swscanf %%[ range beyond ASCII: %d", r);
    wmemset(w, L'~', 16);
    r = swscanf(L"xy", L"%c", w);
    CHECK(r == 1 && w[0] == L'x' && w[1] == L'~', "swscanf %%c: %d", r);
    r = swscanf(L"", L"%d", &a);
    CHECK(r == -1, "swscanf empty: %d", r);
    r = swscanf(L"  ", L"%s", w);
    CHECK(r == TV(0, -1), "swscanf %%s of white space: %d", r); /* WINE: msvcrt gives 0 for wide strings */
    int n = -1;
    r = swscanf(L"12 ab", L"%d %n", &a, &n);
    CHECK(r == 1 && n == 3, "swscanf %%n: %d %d", r, n);
}

/* _snwscanf: the UCRT has only __stdio_common_vswscanf (with a length) */
#ifdef _UCRT
static int snwscanf(const wchar_t *s, size_t len, const wchar_t *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __stdio_common_vswscanf(_CRT_INTERNAL_LOCAL_SCANF_OPTIONS, s, len, fmt, NULL, ap);
    va_end(ap);
    return r;
}
#else
#define snwscanf _snwscanf
#endif

static void limits_and_secure(void)
{
    int a = FILL, b = FILL, r;
    char s[8];
    r = _snscanf("12345", 3, "%d", &a);
    CHECK(r == 1 && a == 123, "_snscanf length: %d %d", r, a);
    r = _snscanf("12 34", 2, "%d %d", &a, &b);
    CHECK(r == 1 && a == 12, "_snscanf stops at the length: %d %d", r, a);
    r = _snscanf("12", 0, "%d", &a);
    CHECK(r == -1, "_snscanf with no length: %d", r);
    r = _snscanf("abcdef", 4, "%s", s);
    CHECK(r == 1 && strcmp(s, "abcd") == 0, "_snscanf %%s: %d %s", r, s);
    wchar_t w[8];
    r = snwscanf(L"98765", 2, L"%d", &a);
    CHECK(r == 1 && a == 98, "_snwscanf: %d %d", r, a);
    r = snwscanf(L"abcdef", 3, L"%s", w);
    CHECK(r == 1 && wcscmp(w, L"abc") == 0, "_snwscanf %%s: %d", r);

    /* the _s forms: a size after each %s %c %[ */
    memset(s, '~', sizeof s);
    r = sscanf_s("abc def", "%s", s, (unsigned)sizeof s);
    CHECK(r == 1 && strcmp(s, "abc") == 0, "sscanf_s %%s: %d %s", r, s);
    memset(s, '~', sizeof s);
    r = sscanf_s("abcdefgh", "%s", s, 4u);
    CHECK(r == 0 && s[0] == 0, "sscanf_s %%s too long: %d", r);
    r = sscanf_s("abc", "%s", s, 4u);
    CHECK(r == 1 && strcmp(s, "abc") == 0, "sscanf_s exact fit: %d %s", r, s);
    r = sscanf_s("5 abcd", "%d %s", &a, s, 2u);
    CHECK(r == 1 && a == 5 && s[0] == 0, "sscanf_s stops at the first overflow: %d", r);
    memset(s, '~', sizeof s);
    r = sscanf_s("xyz", "%c", s, 1u);
    CHECK(r == 1 && s[0] == 'x' && s[1] == '~', "sscanf_s %%c: %d", r);
    r = sscanf_s("xyz", "%3c", s, 2u);
    CHECK(r == 0 && s[0] == 0, "sscanf_s %%3c in 2: %d", r);
    r = sscanf_s("aaab", "%[a]", s, 8u);
    CHECK(r == 1 && strcmp(s, "aaa") == 0, "sscanf_s %%[: %d %s", r, s);
    r = sscanf_s("7 8", "%*s %d", &a);
    CHECK(r == 1 && a == 8, "sscanf_s with %%*s takes no size: %d %d", r, a);
    r = swscanf_s(L"wide text", L"%s", w, 8u);
    CHECK(r == 1 && wcscmp(w, L"wide") == 0, "swscanf_s: %d", r);
}

static int my_vsscanf(const char *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsscanf(s, fmt, ap);
    va_end(ap);
    return r;
}

static int my_vswscanf(const wchar_t *s, const wchar_t *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vswscanf(s, fmt, ap);
    va_end(ap);
    return r;
}

static void varargs(void)
{
    int a = 0, b = 0;
    char s[8];
    double d = 0;
    int r = my_vsscanf("3 4 x 2.5", "%d %d %s %lf", &a, &b, s, &d);
    CHECK(r == 4 && a == 3 && b == 4 && strcmp(s, "x") == 0 && d == 2.5, "vsscanf: %d", r);
    wchar_t w[8];
    r = my_vswscanf(L"9 zz", L"%d %s", &a, w);
    CHECK(r == 2 && a == 9 && wcscmp(w, L"zz") == 0, "vswscanf: %d", r);
    /* many arguments: the va_list goes past the register slots */
    int v[8] = {0};
    r = sscanf("1 2 3 4 5 6 7 8", "%d %d %d %d %d %d %d %d", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]);
    CHECK(r == 8 && v[0] == 1 && v[7] == 8, "eight arguments: %d %d %d", r, v[0], v[7]);
}

static void write_file(const char *name, const char *mode, const void *data, size_t len)
{
    FILE *f = fopen(name, mode);
    CHECK(f != NULL, "fopen(%s, %s)", name, mode);
    if (!f) return;
    fwrite(data, 1, len, f);
    fclose(f);
}

static void streams(void)
{
    int a = 0, b = 0, r;
    char s[16];
    FILE *f;
    write_file("sc1.txt", "wb", "10 20\r\nword 3.5\r\n  tail", 24);
    f = fopen("sc1.txt", "r");
    r = fscanf(f, "%d %d", &a, &b);
    CHECK(r == 2 && a == 10 && b == 20, "fscanf ints: %d %d %d", r, a, b);
    double d = 0;
    r = fscanf(f, "%s %lf", s, &d);
    CHECK(r == 2 && strcmp(s, "word") == 0 && d == 3.5, "fscanf string, double: %d %s %g", r, s, d);
    r = fgetc(f);
    CHECK(r == '\n', "fscanf leaves the next character (text mode: \\n): %d", r);
    r = fscanf(f, "%s", s);
    CHECK(r == 1 && strcmp(s, "tail") == 0, "fscanf last word: %d %s", r, s);
    r = fscanf(f, "%s", s);
    CHECK(r == -1 && feof(f), "fscanf at the end: %d", r);
    fclose(f);

    /* a failed match leaves the character in the stream */
    write_file("sc2.txt", "wb", "12x34", 5);
    f = fopen("sc2.txt", "rb");
    r = fscanf(f, "%d%d", &a, &b);
    CHECK(r == 1 && a == 12, "fscanf mismatch: %d %d", r, a);
    CHECK(fgetc(f) == 'x', "the mismatched character is still there");
    r = fscanf(f, "%2d", &a);
    CHECK(r == 1 && a == 34, "fscanf width: %d %d", r, a);
    r = fscanf(f, "%d", &a);
    CHECK(r == -1, "fscanf EOF: %d", r);
    fclose(f);

    /* fwscanf on a UTF-16 stream */
    f = fopen("sc3.txt", "w, ccs=UTF-16LE");
    fputws(L"\x3042\x3044 55\n", f);
    fclose(f);
    f = fopen("sc3.txt", "r, ccs=UTF-16LE");
    wchar_t w[8];
    r = fwscanf(f, L"%s %d", w, &a);
    CHECK(r == 2 && wcscmp(w, L"\x3042\x3044") == 0 && a == 55, "fwscanf UTF-16: %d %d", r, a);
    r = fgetwc(f);
    CHECK(r == L'\n', "fwscanf leaves \\n: %04x", r);
    fclose(f);

    /* fwscanf on an ANSI text stream */
    write_file("sc4.txt", "wb", "77 abc", 6);
    f = fopen("sc4.txt", "r");
    r = fwscanf(f, L"%d %s", &a, w);
    CHECK(r == 2 && a == 77 && wcscmp(w, L"abc") == 0, "fwscanf ANSI: %d %d", r, a);
    fclose(f);

    /* scanf and wscanf read stdin: point it at a file */
    write_file("sc5.txt", "wb", "5 six\r\n7 eight", 14);
    f = freopen("sc5.txt", "r", stdin);
    CHECK(f == stdin, "freopen(stdin)");
    r = scanf("%d %s", &a, s);
    CHECK(r == 2 && a == 5 && strcmp(s, "six") == 0, "scanf: %d %d %s", r, a, s);
    r = wscanf(L"%d %s", &b, w);
    CHECK(r == 2 && b == 7 && wcscmp(w, L"eight") == 0, "wscanf: %d %d", r, b);
    r = scanf("%d", &a);
    CHECK(r == -1, "scanf at the end: %d", r);
    r = fscanf(stdin, "%d", &a);
    CHECK(r == -1, "fscanf(stdin) at the end: %d", r);
    fclose(stdin);

    remove("sc1.txt");
    remove("sc2.txt");
    remove("sc3.txt");
    remove("sc4.txt");
    remove("sc5.txt");
}

int main(void)
{
    iph_install();
    _mkdir("scanf-scratch");
    if (_chdir("scanf-scratch") != 0) {
        printf("FAIL: cannot enter scanf-scratch\n");
        return 1;
    }
    integers();
    floats();
    strings();
    wide();
    limits_and_secure();
    varargs();
    streams();
    _chdir("..");
    _rmdir("scanf-scratch");
    return check_report();
}
