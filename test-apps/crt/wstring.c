/* wstring.c - the C runtime's UTF-16 string functions: wcs*, _wcs*, wmem*, the _s forms
 * and _wcserror. Expectations are Wine 8's (and Microsoft's documentation; WINE: notes
 * where they differ). Case changes are the C locale's: A-Z only. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "crt.h"

#define WEQ(a, b) (wcscmp((a), (b)) == 0)

static void basics(void)
{
    const wchar_t *s = L"hello";
    wchar_t buf[32];

    CHECK(wcslen(L"") == 0 && wcslen(s) == 5, "wcslen");
    CHECK(wcsnlen(s, 3) == 3 && wcsnlen(s, 9) == 5, "wcsnlen");
    CHECK(wcscmp(L"a", L"z") == -1 && wcscmp(L"z", L"a") == 1 && wcscmp(s, s) == 0, "wcscmp is -1/0/1");
    CHECK(wcscmp(L"\x4e2d", L"a") == 1, "wcscmp compares units unsigned");
    CHECK(wcsncmp(L"az", L"aa", 2) == 25, "wcsncmp is a difference: %d", wcsncmp(L"az", L"aa", 2));
    CHECK(wcsncmp(L"abX", L"abY", 2) == 0, "wcsncmp prefix");

    wcscpy(buf, L"ab");
    wcscat(buf, L"cd");
    wcsncat(buf, L"efgh", 1);
    CHECK(WEQ(buf, L"abcde"), "wcscpy/wcscat/wcsncat: %ls", buf);
    wchar_t pad[6] = {9, 9, 9, 9, 9, 9};
    wcsncpy(pad, L"x", 4);
    CHECK(pad[0] == 'x' && pad[1] == 0 && pad[3] == 0 && pad[4] == 9, "wcsncpy pads with NULs");

    CHECK(wcschr(s, 'l') == s + 2 && wcsrchr(s, 'l') == s + 3 && wcschr(s, 0) == s + 5, "wcschr/wcsrchr");
    CHECK(wcschr(s, 'z') == NULL, "wcschr miss");
    CHECK(wcsstr(s, L"lo") == s + 3 && wcsstr(s, L"") == s && wcsstr(s, L"xyz") == NULL, "wcsstr");
    CHECK(wcsspn(L"  ab", L" ") == 2 && wcscspn(L"ab,cd", L",;") == 2, "wcsspn/wcscspn");
    const wchar_t *t = L"ab,cd;";
    CHECK(wcspbrk(t, L";,") == t + 2 && wcspbrk(t, L"xyz") == NULL, "wcspbrk");

    wchar_t *d = _wcsdup(s);
    CHECK(d && WEQ(d, s) && d != s, "_wcsdup");
    free(d);
}

static void case_and_collation(void)
{
    wchar_t buf[16];

    CHECK(_wcsicmp(L"a", L"Z") == -25, "_wcsicmp: %d", _wcsicmp(L"a", L"Z"));
    CHECK(_wcsicmp(L"HeLLo", L"hello") == 0, "_wcsicmp equal");
    CHECK(_wcsicmp(L"\xe9", L"\xc9") == 32, "_wcsicmp folds A-Z only (C locale): %d", _wcsicmp(L"\xe9", L"\xc9"));
    CHECK(_wcsnicmp(L"abc", L"ABD", 3) == -1 && _wcsnicmp(L"ABc", L"abd", 2) == 0, "_wcsnicmp");

    wcscpy(buf, L"\xc9X\x100y");
    _wcslwr(buf);
    CHECK(buf[0] == 0xc9 && buf[1] == 'x' && buf[2] == 0x100 && buf[3] == 'y', "_wcslwr: A-Z only");
    _wcsupr(buf);
    CHECK(buf[0] == 0xc9 && buf[1] == 'X' && buf[3] == 'Y', "_wcsupr");
    wcscpy(buf, L"abcd");
    CHECK(WEQ(_wcsrev(buf), L"dcba"), "_wcsrev");
    CHECK(WEQ(_wcsset(buf, 'z'), L"zzzz"), "_wcsset");
    wcscpy(buf, L"abcd");
    _wcsnset(buf, '*', 2);
    CHECK(WEQ(buf, L"**cd"), "_wcsnset: %ls", buf);

    CHECK(wcscoll(L"a", L"b") == -1, "wcscoll");
    CHECK(_wcsicoll(L"a", L"B") == -1, "_wcsicoll");
    CHECK(wcsxfrm(buf, L"abc", 16) == 3 && WEQ(buf, L"abc"), "wcsxfrm");
}

static void tokens(void)
{
    wchar_t s[] = L"  ab, cd;;e ";
    const wchar_t *want[] = {L"ab", L"cd", L"e"};
    wchar_t *ctx = NULL;
    int n = 0;
    for (wchar_t *t = wcstok_s(s, L" ,;", &ctx); t; t = wcstok_s(NULL, L" ,;", &ctx), n++)
        CHECK(n < 3 && WEQ(t, want[n]), "wcstok_s token %d: %ls", n, t);
    CHECK(n == 3, "wcstok_s: %d tokens", n);
    iph_calls = 0;
    errno = 0;
    ctx = NULL;
    CHECK(wcstok_s(NULL, L",", &ctx) == NULL && errno == EINVAL, "wcstok_s(NULL, ..., &NULL)");
    IPH_CHECK(1);
}

static void secure(void)
{
    wchar_t w[8];

    iph_calls = 0;
    errno = 0;
    CHECK(wcscpy_s(w, 8, L"abc") == 0 && WEQ(w, L"abc"), "wcscpy_s");
    CHECK(wcscpy_s(w, 3, L"abc") == ERANGE && errno == ERANGE && w[0] == 0, "wcscpy_s too small");
    IPH_CHECK(1);
    errno = 0;
    CHECK(wcsncpy_s(w, 3, L"abc", _TRUNCATE) == STRUNCATE && WEQ(w, L"ab") && errno == 0, "wcsncpy_s _TRUNCATE");
    CHECK(wcsncpy_s(w, 8, L"abcdef", 2) == 0 && WEQ(w, L"ab"), "wcsncpy_s count");
    CHECK(wcscat_s(w, 8, L"cd") == 0 && WEQ(w, L"abcd"), "wcscat_s");
    CHECK(wcscat_s(w, 5, L"e") == ERANGE && w[0] == 0, "wcscat_s too small");
    wcscpy(w, L"ab");
    CHECK(wcsncat_s(w, 8, L"cdef", 2) == 0 && WEQ(w, L"abcd"), "wcsncat_s");
    CHECK(wcsncat_s(w, 6, L"xyz", _TRUNCATE) == STRUNCATE && WEQ(w, L"abcdx"), "wcsncat_s _TRUNCATE");
    iph_calls = 0;
    errno = 0;
    CHECK(wcscpy_s(NULL, 8, L"a") == EINVAL && errno == EINVAL, "wcscpy_s(NULL)");
    IPH_CHECK(1);
    wcscpy(w, L"AbC");
    CHECK(_wcslwr_s(w, 8) == 0 && WEQ(w, L"abc"), "_wcslwr_s");
    CHECK(_wcsupr_s(w, 8) == 0 && WEQ(w, L"ABC"), "_wcsupr_s");
    CHECK(_wcsupr_s(w, 3) == EINVAL && w[0] == 0, "_wcsupr_s unterminated within size");
    wcscpy(w, L"abc");
    CHECK(_wcsnset_s(w, 8, 'x', 2) == 0 && WEQ(w, L"xxc"), "_wcsnset_s");
}

static void errors(void)
{
    CHECK(WEQ(_wcserror(ENOENT), L"No such file or directory"), "_wcserror: %ls", _wcserror(ENOENT));
    wchar_t buf[64];
    /* WINE: Wine 8 garbles the truncated text ("No such fie"); check the whole one only. */
    CHECK(_wcserror_s(buf, 64, ENOENT) == 0 && WEQ(buf, L"No such file or directory"), "_wcserror_s: %ls", buf);
    errno = ENOENT;
    CHECK(WEQ(__wcserror(L"x"), L"x: No such file or directory\n"), "__wcserror: %ls", __wcserror(L"x"));
}

static void formatted(void)
{
    wchar_t w[8];

    CHECK(swprintf_s(w, 8, L"%d-%s", 12, L"ab") == 5 && wcscmp(w, L"12-ab") == 0, "swprintf_s");
    CHECK(_snwprintf_s(w, 8, _TRUNCATE, L"%s", L"abcdefghij") == -1 && wcscmp(w, L"abcdefg") == 0, "_snwprintf_s _TRUNCATE");
    CHECK(_snwprintf_s(w, 8, 2, L"%d", 345) == -1 && wcscmp(w, L"34") == 0, "_snwprintf_s count");
}

int main(void)
{
    iph_install();
    basics();
    case_and_collation();
    tokens();
    secure();
    errors();
    formatted();
    return check_report();
}
