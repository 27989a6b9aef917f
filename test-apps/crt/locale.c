/* locale.c - locale.h and the multibyte conversions: setlocale ("C", the user default "",
 * queries, per category, composite names), localeconv, ___lc_codepage_func and MB_CUR_MAX,
 * _create_locale/_free_locale and _l functions, and in the C locale (each byte is the
 * character of the same value) mbstowcs, wcstombs, mbtowc, wctomb, mblen, btowc, wctob,
 * mbrtowc, wcrtomb, mbsinit, _mbstrlen and their _s forms. ucrtbase also takes UTF-8 locales
 * (msvcrt.dll refuses them, as Windows' and Wine's do).
 * WINE: Wine 8's UTF-8 conversions are incomplete (mbstowcs fails on valid text, mbtowc
 * returns U+FFFD), so only what it gets right is checked in the UTF-8 locale. */
#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include "crt.h"

#define STREQ(a, b) ((a) && strcmp((a), (b)) == 0)

static void names(void)
{
    CHECK(STREQ(setlocale(LC_ALL, NULL), "C"), "the initial locale is C");
    CHECK(___lc_codepage_func() == 0, "C locale code page: %u", ___lc_codepage_func());
    CHECK(MB_CUR_MAX == 1, "MB_CUR_MAX in C: %d", MB_CUR_MAX);
    CHECK(STREQ(setlocale(LC_ALL, "C"), "C"), "setlocale(\"C\")");
    CHECK(setlocale(LC_ALL, "xx_Bogus.1234") == NULL, "an unknown locale");
    CHECK(setlocale(99, "C") == NULL, "an unknown category");
    CHECK(STREQ(setlocale(LC_ALL, NULL), "C"), "still C after failures");
    CHECK(setlocale(LC_ALL, "") != NULL, "the user default locale exists");
    CHECK(STREQ(setlocale(LC_ALL, "C"), "C"), "back to C");

    char *u = setlocale(LC_ALL, ".UTF-8");
#ifdef _UCRT
    CHECK(u != NULL, "ucrtbase has UTF-8 locales");
    CHECK(___lc_codepage_func() == 65001 && MB_CUR_MAX == 4, "UTF-8: code page %u, MB_CUR_MAX %d",
          ___lc_codepage_func(), MB_CUR_MAX);
    CHECK(setlocale(LC_ALL, "en_US.UTF-8") != NULL, "en_US.UTF-8");
    setlocale(LC_ALL, "C");
    char *ct = setlocale(LC_CTYPE, ".UTF-8");
    char *all = setlocale(LC_ALL, NULL);
    CHECK(ct && all && strncmp(all, "LC_COLLATE=C;LC_CTYPE=", 22) == 0 && strstr(all, ";LC_MONETARY=C;LC_NUMERIC=C;LC_TIME=C"),
          "a composite name: %s", all);
    CHECK(STREQ(setlocale(LC_NUMERIC, NULL), "C"), "LC_NUMERIC is still C");
    char saved[256];
    strcpy(saved, all);
    setlocale(LC_ALL, "C");
    CHECK(setlocale(LC_ALL, saved) != NULL && ___lc_codepage_func() == 65001, "a composite name sets the categories");
    setlocale(LC_ALL, "C");
#else
    CHECK(u == NULL, "msvcrt.dll has no UTF-8 locale");
#endif
    CHECK(___lc_codepage_func() == 0 && MB_CUR_MAX == 1, "C again");
}

static void conventions(void)
{
    struct lconv *l = localeconv();
    CHECK(STREQ(l->decimal_point, ".") && STREQ(l->thousands_sep, "") && STREQ(l->grouping, ""), "C numeric conventions");
    CHECK(STREQ(l->currency_symbol, "") && STREQ(l->int_curr_symbol, "") && STREQ(l->negative_sign, ""), "C monetary conventions");
    CHECK(l->frac_digits == CHAR_MAX && l->p_cs_precedes == CHAR_MAX && l->n_sign_posn == CHAR_MAX, "CHAR_MAX fields");
#ifdef _UCRT
    setlocale(LC_ALL, "en_US.UTF-8");
    l = localeconv();
    CHECK(STREQ(l->decimal_point, ".") && STREQ(l->thousands_sep, ",") && l->grouping[0] == 3, "en_US numeric");
    CHECK(STREQ(l->currency_symbol, "$") && STREQ(l->int_curr_symbol, "USD") && STREQ(l->mon_decimal_point, ".") &&
          STREQ(l->negative_sign, "-") && l->frac_digits == 2 && l->p_cs_precedes == 1 && l->n_sign_posn == 0,
          "en_US monetary");
    setlocale(LC_ALL, "C");
#endif
}

static void objects(void)
{
    _locale_t c = _create_locale(LC_ALL, "C");
    CHECK(c != NULL, "_create_locale(\"C\")");
    CHECK(_tolower_l('A', c) == 'a' && _toupper_l('b', c) == 'B' && _isalpha_l('x', c), "_tolower_l/_toupper_l/_isalpha_l");
    CHECK(_stricmp_l("ABC", "abc", c) == 0 && _strnicmp_l("abX", "ABY", 2, c) == 0, "_stricmp_l/_strnicmp_l");
    char *e;
    CHECK(_strtod_l("2.5x", &e, c) == 2.5 && *e == 'x', "_strtod_l");
    CHECK(_strtol_l("-42", &e, 10, c) == -42, "_strtol_l");
    CHECK(_towupper_l('q', c) == 'Q' && _towupper_l(0xe9, c) == 0xe9, "_towupper_l in C");
    _free_locale(c);
    CHECK(_create_locale(LC_ALL, "xx_Bogus") == NULL, "_create_locale of an unknown locale");
#ifdef _UCRT
    _locale_t u = _create_locale(LC_ALL, ".UTF-8");
    CHECK(u != NULL, "_create_locale(\".UTF-8\")");
    CHECK(___mb_cur_max_l_func(u) == 4, "MB_CUR_MAX of the object");
    CHECK(_towupper_l(0xe9, u) == 0xc9, "_towupper_l in UTF-8: %#x", _towupper_l(0xe9, u));
    _free_locale(u);
    CHECK(___lc_codepage_func() == 0, "creating a locale object leaves the global one");
#endif
}

static void c_locale_conversions(void)
{
    wchar_t w[8];
    char b[8];

    /* Each byte is the character of the same value. */
    CHECK(mbstowcs(w, "\xc3\xa9z", 8) == 3 && w[0] == 0xc3 && w[1] == 0xa9 && w[2] == 'z' && w[3] == 0, "mbstowcs");
    CHECK(mbstowcs(NULL, "abc", 0) == 3, "mbstowcs(NULL) counts");
    wmemset(w, 0x55, 8);
    CHECK(mbstowcs(w, "abc", 2) == 2 && w[2] == 0x55, "mbstowcs stops at the count without a NUL");
    w[0] = 0xe9; w[1] = 'x'; w[2] = 0;
    CHECK(wcstombs(b, w, 8) == 2 && (unsigned char)b[0] == 0xe9 && b[2] == 0, "wcstombs");
    errno = 0;
    w[0] = 0x101;
    CHECK(wcstombs(b, w, 8) == (size_t)-1 && errno == EILSEQ, "wcstombs of a character above 0xff: EILSEQ");
    CHECK(wcstombs(NULL, L"abcd", 0) == 4, "wcstombs(NULL) counts");

    wchar_t wc = 0;
    CHECK(mbtowc(&wc, "\xe6\x97", 2) == 1 && wc == 0xe6, "mbtowc: one byte");
    CHECK(mbtowc(&wc, "", 1) == 0 && wc == 0, "mbtowc of NUL");
    CHECK(mbtowc(NULL, NULL, 0) == 0, "mbtowc(NULL): no shift states");
    CHECK(mblen("ab", 2) == 1 && mblen("", 1) == 0, "mblen");
    CHECK(wctomb(b, 0xe9) == 1 && (unsigned char)b[0] == 0xe9, "wctomb");
    errno = 0;
    CHECK(wctomb(b, 0x100) == -1 && errno == EILSEQ, "wctomb of 0x100: EILSEQ");
#ifdef _UCRT
    /* (msvcrt builds get mingw-w64's own versions of these: not the DLL's.) */
    typedef wint_t(__cdecl * btowc_t)(int);
    typedef int(__cdecl * wctob_t)(wint_t);
    typedef size_t(__cdecl * mbrtowc_t)(wchar_t *, const char *, size_t, mbstate_t *);
    typedef size_t(__cdecl * mbrlen_t)(const char *, size_t, mbstate_t *);
    typedef size_t(__cdecl * wcrtomb_t)(char *, wchar_t, mbstate_t *);
    btowc_t p_btowc = CRT_FN(btowc_t, btowc);
    wctob_t p_wctob = CRT_FN(wctob_t, wctob);
    mbrtowc_t p_mbrtowc = CRT_FN(mbrtowc_t, mbrtowc);
    mbrlen_t p_mbrlen = CRT_FN(mbrlen_t, mbrlen);
    wcrtomb_t p_wcrtomb = CRT_FN(wcrtomb_t, wcrtomb);
    CHECK(p_btowc('A') == 'A' && p_btowc(0xe9) == 0xe9 && p_btowc(EOF) == WEOF, "btowc");
    CHECK(p_wctob('A') == 'A', "wctob");
    mbstate_t st;
    memset(&st, 0, sizeof st);
    CHECK(p_mbrtowc(&wc, "\xe6", 1, &st) == 1 && wc == 0xe6, "mbrtowc");
    CHECK(p_mbrtowc(&wc, "", 1, &st) == 0, "mbrtowc of NUL");
    CHECK(p_mbrlen("x", 1, &st) == 1, "mbrlen");
    errno = 0;
    CHECK(p_wcrtomb(b, 0x100, &st) == (size_t)-1 && errno == EILSEQ, "wcrtomb of 0x100");
    CHECK(p_wcrtomb(b, 'q', &st) == 1 && b[0] == 'q', "wcrtomb");
#endif
    CHECK(_mbstrlen("\xc3\xa9\xe6\x97\xa5x") == 6, "_mbstrlen counts bytes in C");

    size_t n = 0;
    CHECK(mbstowcs_s(&n, w, 8, "abc", _TRUNCATE) == 0 && n == 4 && wcscmp(w, L"abc") == 0, "mbstowcs_s");
    CHECK(mbstowcs_s(&n, NULL, 0, "abcd", 0) == 0 && n == 5, "mbstowcs_s size query: %u", (unsigned)n);
    CHECK(mbstowcs_s(&n, w, 3, "abcd", _TRUNCATE) == STRUNCATE && wcscmp(w, L"ab") == 0, "mbstowcs_s _TRUNCATE");
    CHECK(wcstombs_s(&n, b, 8, L"xyz", _TRUNCATE) == 0 && n == 4 && STREQ(b, "xyz"), "wcstombs_s");
    iph_calls = 0;
    CHECK(wcstombs_s(&n, b, 2, L"xyz", 3) == ERANGE && b[0] == 0, "wcstombs_s too small");
    IPH_CHECK(1);
}

#ifdef _UCRT
static void utf8_conversions(void)
{
    char b[16];
    setlocale(LC_ALL, ".UTF-8");
    CHECK(wctomb(b, 0x65e5) == 3 && (unsigned char)b[0] == 0xe6 && (unsigned char)b[1] == 0x97 && (unsigned char)b[2] == 0xa5,
          "wctomb in UTF-8");
    typedef size_t(__cdecl * wcrtomb_t)(char *, wchar_t, mbstate_t *);
    mbstate_t st;
    memset(&st, 0, sizeof st);
    CHECK(CRT_FN(wcrtomb_t, wcrtomb)(b, 0xe9, &st) == 2 && (unsigned char)b[0] == 0xc3, "wcrtomb in UTF-8");
    wchar_t w[8];
    errno = 0;
    CHECK(mbstowcs(w, "\xc3(", 8) == (size_t)-1 && errno == EILSEQ, "mbstowcs of invalid UTF-8: EILSEQ");
    CHECK(_mbstrlen("\xc3\xa9\xe6\x97\xa5x") == 3, "_mbstrlen counts characters in UTF-8");
    CHECK(towupper(0xe9) == 0xc9 && towlower(0xc9) == 0xe9, "towupper/towlower in UTF-8");
    setlocale(LC_ALL, "C");
    CHECK(towupper(0xe9) == 0xe9, "and A-Z only again in C");
}
#endif

int main(void)
{
    iph_install();
    names();
    conventions();
    objects();
    c_locale_conversions();
#ifdef _UCRT
    utf8_conversions();
#endif
    return check_report();
}
