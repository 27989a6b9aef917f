/* conv.c - number conversions and stdlib helpers: strtol and family (narrow and wide),
 * strtod/wcstod/strtof (hexadecimal, inf/nan, ranges, end pointers), a 10^5-value round trip
 * of random doubles through the CRT's sprintf("%.17g") and strtod (bit-exact), atoi/atof and
 * family, _itoa and family with their _s forms, _ecvt/_fcvt/_gcvt, qsort/qsort_s/bsearch/
 * _lfind/_lsearch, div/ldiv, abs, _rotl/_rotr. Expectations are Wine 8's (WINE: notes where
 * Microsoft documents otherwise). */
#include <errno.h>
#include <math.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "crt.h"

#define STREQ(a, b) (strcmp((a), (b)) == 0)

static unsigned long long bits(double d)
{
    unsigned long long b;
    memcpy(&b, &d, 8);
    return b;
}

/* strtol: value, end offset, errno. */
#define L(s, base, v, used, err)                                                                   \
    do {                                                                                           \
        char *e_;                                                                                  \
        errno = 0;                                                                                 \
        long r_ = strtol(s, &e_, base);                                                            \
        CHECK(r_ == (v) && e_ - (s) == (used) && errno == (err), "strtol(\"%s\", %d) = %ld, end %d, errno %d", \
              s, base, r_, (int)(e_ - (s)), errno);                                                \
    } while (0)

static void integers(void)
{
    L("2147483647", 10, 2147483647L, 10, 0);
    L("2147483648", 10, 2147483647L, 10, ERANGE);
    L("-2147483649", 10, -2147483647L - 1, 11, ERANGE);
    L("  -0x1Fz", 0, -31, 7, 0);
    L("0x", 16, 0, 0, 0);
    L("0x", 0, 0, 0, 0);
    L("0xg", 0, 0, 0, 0);
    L("010", 0, 8, 3, 0);
    L("08", 0, 0, 1, 0);
    L("z", 36, 35, 1, 0);
    L("  -0", 10, 0, 4, 0);
    L("- 1", 10, 0, 0, 0);
    L("+-1", 10, 0, 0, 0);
    L("0b1", 2, 0, 1, 0);
    L("\t\n 42", 10, 42, 5, 0);

    char *e;
    iph_calls = 0;
    errno = 0;
    CHECK(strtol("10", &e, 1) == 0 && errno == EINVAL, "strtol base 1: EINVAL");
    IPH_CHECK(1);
    errno = 0;
    CHECK(strtol("10", &e, 37) == 0 && errno == EINVAL, "strtol base 37: EINVAL");

    errno = 0;
    CHECK(strtoul("4294967295", &e, 10) == 4294967295UL && errno == 0, "strtoul max");
    CHECK(strtoul("4294967296", &e, 10) == 4294967295UL && errno == ERANGE, "strtoul overflow");
    errno = 0;
    CHECK(strtoul("-1", &e, 10) == 4294967295UL && errno == 0 && *e == 0, "strtoul(\"-1\") is ULONG_MAX");
    CHECK(strtoul("-4294967295", &e, 10) == 1 && errno == 0, "strtoul of a negated maximum");
    errno = 0;
    CHECK(strtoll("9223372036854775808", &e, 10) == 9223372036854775807LL && errno == ERANGE, "strtoll overflow");
    errno = 0;
    CHECK(strtoll("-9223372036854775808", &e, 10) == -9223372036854775807LL - 1 && errno == 0, "strtoll min");
    CHECK(strtoull("-1", &e, 10) == 18446744073709551615ULL, "strtoull(\"-1\")");
    CHECK(_strtoi64("-0x7fffffffffffffff", &e, 16) == -0x7fffffffffffffffLL, "_strtoi64");
    CHECK(_strtoui64("ffffffffffffffff", &e, 16) == 18446744073709551615ULL, "_strtoui64");

    const wchar_t *w = L"  0x1Fz";
    wchar_t *we;
    CHECK(wcstol(w, &we, 0) == 31 && we == w + 6, "wcstol");
    const wchar_t *arabic = L"\x0661\x0662x";
    CHECK(wcstol(arabic, &we, 10) == 12 && we == arabic + 2, "wcstol takes Arabic-Indic digits");
    const wchar_t *full = L"\xff11\xff12";
    CHECK(wcstol(full, &we, 10) == 12 && we == full + 2, "wcstol takes full-width digits");
    CHECK(wcstoul(L"-1", &we, 10) == 4294967295UL, "wcstoul");
    CHECK(_wcstoi64(L"-12345678901", &we, 10) == -12345678901LL, "_wcstoi64");
    CHECK(_wcstoui64(L"777", &we, 8) == 511, "_wcstoui64");

    CHECK(atoi(" -12z") == -12 && atol("99") == 99 && _wtoi(L"42") == 42 && _wtol(L"-7") == -7, "atoi/atol/_wtoi/_wtol");
    CHECK(_atoi64("-9223372036854775808") == -9223372036854775807LL - 1, "_atoi64");
    CHECK(_wtoi64(L"123456789012") == 123456789012LL, "_wtoi64");
    /* msvcrt wraps around, the UCRT clamps (it is strtol). */
    CHECK(atoi("4294967297") == (IS_UCRT ? 2147483647 : 1), "atoi overflow: %d", atoi("4294967297"));
}

#define D(s, want_bits, used, err)                                                                 \
    do {                                                                                           \
        char *e_;                                                                                  \
        errno = 0;                                                                                 \
        double r_ = strtod(s, &e_);                                                                \
        CHECK(bits(r_) == (want_bits) && e_ - (s) == (used) && errno == (err),                     \
              "strtod(\"%s\") = %.17g [%016llx], end %d, errno %d", s, r_, bits(r_), (int)(e_ - (s)), errno); \
    } while (0)

static void doubles(void)
{
    D("1.5", 0x3ff8000000000000ULL, 3, 0);
    D("  -0x1.8p1", 0xc008000000000000ULL, 10, 0);
    D("0x1p-1074", 1ULL, 9, 0);
    D("0x", 0ULL, 1, 0);
    D("0X.8", 0x3fe0000000000000ULL, 4, 0);
    D("0x1P+2", 0x4010000000000000ULL, 6, 0);
    D("inf", 0x7ff0000000000000ULL, 3, 0);
    D("-INFINITY", 0xfff0000000000000ULL, 9, 0);
    D("infinit", 0x7ff0000000000000ULL, 3, 0);
    D("1e400", 0x7ff0000000000000ULL, 5, ERANGE);
    D("-1e400", 0xfff0000000000000ULL, 6, ERANGE);
    D("1e-400", 0ULL, 6, ERANGE);
    D("2e-324", 0ULL, 6, ERANGE);
    D("1e", 0x3ff0000000000000ULL, 1, 0);
    D("1e+", 0x3ff0000000000000ULL, 1, 0);
    D(".5", 0x3fe0000000000000ULL, 2, 0);
    D(".", 0ULL, 0, 0);
    D("+.e1", 0ULL, 0, 0);
    D("  \t\n12abc", 0x4028000000000000ULL, 6, 0);
    D("0x1.fffffffffffff8p1023", 0x7ff0000000000000ULL, 23, ERANGE);
    D("1.7976931348623158e308", 0x7fefffffffffffffULL, 22, 0);
    D("1.7976931348623159e308", 0x7ff0000000000000ULL, 22, ERANGE);
    D("123456789012345678901234567890", 0x45f8ee90ff6c373eULL, 30, 0);
    D("0.000000000000000000000000000001e30", 0x3ff0000000000000ULL, 35, 0);
    D("-0", 0x8000000000000000ULL, 2, 0);
    D("0e99999999999", 0ULL, 13, 0);
    /* Halfway cases round to even. */
    D("9007199254740993", 0x4340000000000000ULL, 16, 0);
    D("9007199254740995", 0x4340000000000002ULL, 16, 0);
    D("2.4703282292062328e-324", 1ULL, 23, IS_UCRT ? 0 : ERANGE);

    char *e;
    const char *n = "-nan";
    double v = strtod(n, &e);
    CHECK(isnan(v) && signbit(v) && e == n + 4, "strtod(\"-nan\")");
    v = strtod("NaN", &e);
    CHECK(isnan(v) && !signbit(v), "strtod(\"NaN\")");

    const wchar_t *w = L" 1.5e3x";
    wchar_t *we;
    CHECK(wcstod(w, &we) == 1500.0 && we == w + 6, "wcstod");

#ifdef _UCRT /* msvcrt.dll has no strtof */
    typedef float(__cdecl * strtof_t)(const char *, char **);
    strtof_t sf = CRT_FN(strtof_t, strtof);
    float f = sf("0x1p-149", &e);
    CHECK(f == 1.40129846e-45f && *e == 0, "strtof subnormal");
    errno = 0;
    f = sf("3.4028236e38", &e);
    CHECK(isinf(f) && errno == ERANGE, "strtof overflow");
    f = sf("1.00000006", &e);
    CHECK(f == 1.00000012f, "strtof rounds once: %.9g", f);
#endif

    CHECK(atof(" 3.25x") == 3.25 && _wtof(L"-2.5") == -2.5, "atof/_wtof");
}

/* xorshift64*: the same sequence everywhere. */
static unsigned long long rng_state = 0x9e3779b97f4a7c15ULL;
static unsigned long long rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

static void round_trip(void)
{
    char buf[64];
    int bad = 0, n = 0;
    for (int i = 0; i < 100000; i++) {
        unsigned long long b = rng();
        double d;
        if (i % 4 == 3) b &= 0x800fffffffffffffULL | (rng() % 2047) << 52; /* spread exponents */
        memcpy(&d, &b, 8);
        if (!isfinite(d)) continue;
        n++;
        sprintf(buf, "%.17g", d);
        double back = strtod(buf, NULL);
        if (bits(back) != b) {
            if (bad++ < 5) CHECK(0, "round trip of %016llx: \"%s\" read back as %016llx", b, buf, bits(back));
        }
    }
    CHECK(bad == 0, "%d of %d doubles did not survive %%.17g and strtod", bad, n);
    CHECK(n > 99000, "only %d finite values", n);
}

static void integer_text(void)
{
    char b[72];
    wchar_t w[72];

    CHECK(STREQ(_itoa(-255, b, 16), "ffffff01"), "_itoa(-255, 16): %s", b);
    CHECK(STREQ(_itoa(-255, b, 10), "-255"), "_itoa(-255, 10)");
    CHECK(STREQ(_ltoa(-255, b, 16), "ffffff01"), "_ltoa");
    CHECK(STREQ(_i64toa(-255, b, 16), "ffffffffffffff01"), "_i64toa");
    CHECK(STREQ(_ultoa(-255, b, 10), "4294967041"), "_ultoa");
    CHECK(STREQ(_itoa(-8, b, 2), "11111111111111111111111111111000"), "_itoa base 2");
    CHECK(STREQ(_ui64toa(18446744073709551615ULL, b, 36), "3w5e11264sgsf"), "_ui64toa base 36");
    CHECK(wcscmp(_itow(-42, w, 10), L"-42") == 0, "_itow");
    CHECK(wcscmp(_ui64tow(18446744073709551615ULL, w, 36), L"3w5e11264sgsf") == 0, "_ui64tow");
    CHECK(wcscmp(_ltow(255, w, 2), L"11111111") == 0, "_ltow");

    iph_calls = 0;
    errno = 0;
    CHECK(_itoa_s(12345, b, 5, 10) == ERANGE && errno == ERANGE && b[0] == 0, "_itoa_s too small");
    IPH_CHECK(1);
    CHECK(_itoa_s(-1234, b, 6, 10) == 0 && STREQ(b, "-1234"), "_itoa_s exact fit");
    errno = 0;
    CHECK(_itoa_s(1, b, 8, 1) == EINVAL && errno == EINVAL && b[0] == 0, "_itoa_s radix 1");
    CHECK(_ui64toa_s(18446744073709551615ULL, b, 40, 16) == 0 && STREQ(b, "ffffffffffffffff"), "_ui64toa_s");
    CHECK(_i64tow_s(-5, w, 8, 10) == 0 && wcscmp(w, L"-5") == 0, "_i64tow_s");
}

static void digits(void)
{
    int dec, sign;
    char *r;
    char b[64];

    r = _ecvt(3.14159, 4, &dec, &sign);
    CHECK(STREQ(r, "3142") && dec == 1 && sign == 0, "_ecvt(3.14159, 4): %s %d", r, dec);
    r = _ecvt(-0.000123456, 3, &dec, &sign);
    CHECK(STREQ(r, "123") && dec == -3 && sign != 0, "_ecvt negative: %s %d %d", r, dec, sign);
    r = _ecvt(0.0, 3, &dec, &sign);
    CHECK(STREQ(r, "000") && dec == 0, "_ecvt(0): %s %d", r, dec);
    r = _ecvt(9.99, 2, &dec, &sign);
    CHECK(STREQ(r, "10") && dec == 2, "_ecvt carries: %s %d", r, dec);
    r = _ecvt(2.5, 1, &dec, &sign);
    CHECK(STREQ(r, "3") && dec == 1, "_ecvt rounds halves away from zero: %s", r);
    r = _fcvt(3.14159, 2, &dec, &sign);
    CHECK(STREQ(r, "314") && dec == 1, "_fcvt: %s %d", r, dec);
    r = _fcvt(0.0012, 2, &dec, &sign);
    CHECK(STREQ(r, "") && dec == -2, "_fcvt below the precision: [%s] %d", r, dec);
    r = _fcvt(0.0062, 2, &dec, &sign);
    CHECK(STREQ(r, "1") && dec == -1, "_fcvt rounds up into view: [%s] %d", r, dec);
    r = _fcvt(1234.5, 0, &dec, &sign);
    CHECK(STREQ(r, "1235") && dec == 4, "_fcvt(1234.5, 0): %s", r);
    r = _fcvt(-12.5, 3, &dec, &sign);
    CHECK(STREQ(r, "12500") && dec == 2 && sign, "_fcvt(-12.5, 3): %s", r);
    r = _fcvt(1e20, 2, &dec, &sign);
    CHECK(STREQ(r, "10000000000000000000000") && dec == 21, "_fcvt(1e20, 2): %s", r);
    CHECK(_ecvt_s(b, 64, 3.14159, 4, &dec, &sign) == 0 && STREQ(b, "3142") && dec == 1, "_ecvt_s");
    CHECK(_fcvt_s(b, 64, 3.14159, 4, &dec, &sign) == 0 && STREQ(b, "31416"), "_fcvt_s");

    CHECK(STREQ(_gcvt(3.14159, 3, b), "3.14"), "_gcvt: %s", b);
    CHECK(STREQ(_gcvt(1234567.0, 3, b), IS_UCRT ? "1.23e+06" : "1.23e+006"), "_gcvt exponent: %s", b);
    CHECK(STREQ(_gcvt(0.0001234, 3, b), "0.000123"), "_gcvt small: %s", b);
    CHECK(STREQ(_gcvt(-0.5, 5, b), "-0.5"), "_gcvt negative: %s", b);
    CHECK(_gcvt_s(b, 64, 3.14159, 4) == 0 && STREQ(b, "3.142"), "_gcvt_s");
    errno = 0;
    CHECK(_gcvt_s(b, 3, 3.14159, 4) == ERANGE && errno == ERANGE && b[0] == 0, "_gcvt_s too small");
}

static int __cdecl cmp_int(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

static int __cdecl cmp_pair(const void *a, const void *b)
{
    return ((const int *)a)[0] - ((const int *)b)[0];
}

static int __cdecl cmp_ctx(void *ctx, const void *a, const void *b)
{
    ++*(int *)ctx;
    return *(const int *)b - *(const int *)a;
}

static void sorting(void)
{
    int v[200];
    for (int i = 0; i < 200; i++) v[i] = (int)(rng() % 50);
    qsort(v, 200, sizeof(int), cmp_int);
    int sorted = 1;
    for (int i = 1; i < 200; i++) sorted &= v[i - 1] <= v[i];
    CHECK(sorted, "qsort sorts");

    int key = v[100];
    int *p = bsearch(&key, v, 200, sizeof(int), cmp_int);
    CHECK(p && *p == key, "bsearch finds");
    key = 99;
    CHECK(bsearch(&key, v, 200, sizeof(int), cmp_int) == NULL, "bsearch misses");

    int calls = 0;
    int w[5] = {3, 1, 4, 1, 5};
    qsort_s(w, 5, sizeof(int), cmp_ctx, &calls);
    CHECK(w[0] == 5 && w[1] == 4 && w[4] == 1 && calls > 0, "qsort_s with a context");

    /* Pairs with equal keys: sorted by key (the order among equals is not specified). */
    int pairs[8][2] = {{2, 0}, {1, 1}, {2, 2}, {0, 3}, {1, 4}, {0, 5}, {2, 6}, {1, 7}};
    qsort(pairs, 8, sizeof pairs[0], cmp_pair);
    int ok = 1;
    for (int i = 1; i < 8; i++) ok &= pairs[i - 1][0] <= pairs[i][0];
    CHECK(ok, "qsort of pairs");

    int arr[6] = {7, 3, 9};
    unsigned n = 3;
    int k = 9;
    CHECK(_lfind(&k, arr, &n, sizeof(int), cmp_int) == &arr[2], "_lfind");
    k = 5;
    CHECK(_lfind(&k, arr, &n, sizeof(int), cmp_int) == NULL, "_lfind miss");
    int *q = _lsearch(&k, arr, &n, sizeof(int), cmp_int);
    CHECK(q == &arr[3] && n == 4 && arr[3] == 5, "_lsearch appends");
    q = _lsearch(&k, arr, &n, sizeof(int), cmp_int);
    CHECK(q == &arr[3] && n == 4, "_lsearch finds");
}

static void arithmetic(void)
{
    div_t d = div(-7, 2);
    CHECK(d.quot == -3 && d.rem == -1, "div(-7, 2) = %d, %d", d.quot, d.rem);
    ldiv_t ld = ldiv(7, -2);
    CHECK(ld.quot == -3 && ld.rem == 1, "ldiv(7, -2)");
    lldiv_t lld = lldiv(-9000000000LL, 7);
    CHECK(lld.quot == -1285714285LL && lld.rem == -5, "lldiv");
    CHECK(abs(-5) == 5 && labs(-7) == 7 && llabs(-(1LL << 40)) == (1LL << 40) && _abs64(-3) == 3, "abs family");
    CHECK(abs(-2147483647 - 1) == -2147483647 - 1, "abs(INT_MIN)");
    CHECK(_rotl(0x80000001u, 1) == 3 && _rotr(1, 1) == 0x80000000u, "_rotl/_rotr");
    CHECK(_rotl64(1, 65) == 2 && _rotr64(1, 1) == 0x8000000000000000ULL, "_rotl64/_rotr64");
    CHECK(_lrotl(1, 31) == 0x80000000UL && _lrotr(2, 1) == 1, "_lrotl/_lrotr");
}

int main(void)
{
    iph_install();
    integers();
    doubles();
    round_trip();
    integer_text();
    digits();
    sorting();
    arithmetic();
    return check_report();
}
