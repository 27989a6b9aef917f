/* string.c - the C runtime's byte-string and memory functions: str*, mem*, _str*, the
 * bounds-checked _s forms with their invalid-parameter handling, and the _mbs* functions
 * (single-byte code pages), and _splitpath/_makepath with their _s and wide forms. Every expectation is what Wine 8 gives, and Microsoft's
 * documentation where it says anything; see the WINE: notes where the two differ. */
#include <errno.h>
#include <limits.h>
#include <mbctype.h>
#include <mbstring.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "crt.h"

#define STREQ(a, b) (strcmp((a), (b)) == 0)

static void basics(void)
{
    char buf[32];
    const char *s = "hello";

    CHECK(strlen("") == 0 && strlen(s) == 5, "strlen");
    CHECK(strnlen(s, 3) == 3 && strnlen(s, 10) == 5, "strnlen");
    CHECK(strcmp("a", "z") == -1 && strcmp("z", "a") == 1 && strcmp("x", "x") == 0, "strcmp is -1/0/1");
    CHECK(strcmp("\xe9", "a") == 1, "strcmp compares unsigned bytes");
    CHECK(strncmp("abX", "abY", 2) == 0 && strncmp("ab", "az", 2) == -1, "strncmp");

    memset(buf, 'x', sizeof buf);
    strncpy(buf, "ab", 5);
    CHECK(memcmp(buf, "ab\0\0\0x", 6) == 0, "strncpy pads with NULs");
    strcpy(buf, "foo");
    strcat(buf, "bar");
    strncat(buf, "bazzz", 3);
    CHECK(STREQ(buf, "foobarbaz"), "strcpy/strcat/strncat: %s", buf);

    CHECK(strchr(s, 'l') == s + 2 && strrchr(s, 'l') == s + 3, "strchr/strrchr");
    CHECK(strchr(s, 0) == s + 5, "strchr finds the NUL");
    CHECK(strchr(s, 'z') == NULL, "strchr miss");
    CHECK(strstr(s, "llo") == s + 2 && strstr(s, "") == s && strstr(s, "xyz") == NULL, "strstr");
    CHECK(strspn("  ab", " ") == 2 && strcspn("ab,cd", ",;") == 2, "strspn/strcspn");
    CHECK(strpbrk("ab,cd;", ";,") == NULL ? 0 : *strpbrk("ab,cd;", ";,") == ',', "strpbrk");
    CHECK(strpbrk("abc", "xyz") == NULL, "strpbrk miss");

    char *d = _strdup(s);
    CHECK(d && STREQ(d, s) && d != s, "_strdup");
    free(d);
    CHECK(_strdup(NULL) == NULL, "_strdup(NULL)");
}

static void case_functions(void)
{
    char buf[16];

    CHECK(_stricmp("a", "Z") == -25, "_stricmp: %d", _stricmp("a", "Z"));
    CHECK(_stricmp("_", "A") == -2, "_stricmp folds to lower case: %d", _stricmp("_", "A"));
    CHECK(_stricmp("HeLLo", "hello") == 0, "_stricmp equal");
    CHECK(_strnicmp("abc", "ABZ", 3) == -23, "_strnicmp: %d", _strnicmp("abc", "ABZ", 3));
    CHECK(_strnicmp("Hello", "help", 3) == 0, "_strnicmp prefix");
    CHECK(_strcmpi("ABC", "abc") == 0, "_strcmpi");
    CHECK(_memicmp("abC", "ABd", 3) == -1, "_memicmp: %d", _memicmp("abC", "ABd", 3));

    strcpy(buf, "MiXeD 1\xc9");
    CHECK(STREQ(_strlwr(buf), "mixed 1\xc9"), "_strlwr (C locale: A-Z only)");
    CHECK(STREQ(_strupr(buf), "MIXED 1\xc9"), "_strupr");
    strcpy(buf, "abcd");
    CHECK(STREQ(_strrev(buf), "dcba"), "_strrev");
    CHECK(STREQ(_strset(buf, 'z'), "zzzz"), "_strset");
    strcpy(buf, "abcd");
    /* WINE: Wine 8's _strnset returns the end of the change, not the string: check the buffer. */
    _strnset(buf, '*', 2);
    CHECK(STREQ(buf, "**cd"), "_strnset: %s", buf);
    _strnset(buf, '-', 10);
    CHECK(STREQ(buf, "----"), "_strnset stops at the NUL: %s", buf);

    /* Collation in the C locale is byte order. */
    CHECK(strcoll("a", "c") == -1, "strcoll: %d", strcoll("a", "c"));
    CHECK(_stricoll("a", "C") == -2, "_stricoll: %d", _stricoll("a", "C"));
    CHECK(_strncoll("ab", "ad", 2) == -1, "_strncoll");
    CHECK(_strnicoll("AB", "ad", 2) == -2, "_strnicoll");
    CHECK(strxfrm(buf, "hello", sizeof buf) == 5 && STREQ(buf, "hello"), "strxfrm");
    CHECK(strxfrm(buf, "hello world", 4) == 11, "strxfrm returns the length needed");
    CHECK(strxfrm(NULL, "hello", 0) == 5, "strxfrm(NULL, s, 0)");
}

static void memory(void)
{
    char buf[16] = "abcdef";

    memmove(buf + 1, buf, 4);
    CHECK(memcmp(buf, "aabcdf", 6) == 0, "memmove overlapping");
    memcpy(buf, "123456", 6);
    CHECK(memcmp(buf, "123456", 6) == 0, "memcpy");
    CHECK(memset(buf, 'q', 3) == buf && memcmp(buf, "qqq456", 6) == 0, "memset");
    CHECK(memcmp("\xff", "a", 1) == 1 && memcmp("a", "b", 1) == -1 && memcmp("ab", "ab", 2) == 0, "memcmp is -1/0/1");
    CHECK(memchr("abcabc", 'c', 6) == (void *)0 ? 0 : *(char *)memchr("abcabc", 'c', 6) == 'c', "memchr");
    CHECK(memchr("abc", 'z', 3) == NULL, "memchr miss");
    CHECK(memchr("ab\0cd", 'd', 5) != NULL, "memchr looks past NULs");

    char dst[8];
    memset(dst, 'x', sizeof dst);
    char *r = _memccpy(dst, "ab;cd", ';', 5);
    CHECK(r == dst + 3 && memcmp(dst, "ab;x", 4) == 0, "_memccpy stops after the byte");
    CHECK(_memccpy(dst, "abc", 'z', 3) == NULL, "_memccpy without the byte");
}

static void tokens(void)
{
    char s[] = "  ab, cd;;e ";
    const char *want[] = {"ab", "cd", "e"};
    int n = 0;
    for (char *t = strtok(s, " ,;"); t; t = strtok(NULL, " ,;"), n++)
        CHECK(n < 3 && STREQ(t, want[n]), "strtok token %d: %s", n, t);
    CHECK(n == 3, "strtok: %d tokens", n);
    CHECK(strtok(NULL, " ") == NULL, "strtok after the end");

    char s2[] = "x=1&y=2";
    char *ctx = NULL;
    char *a = strtok_s(s2, "&", &ctx);
    char *b = strtok_s(NULL, "&", &ctx);
    char *c = strtok_s(NULL, "&", &ctx);
    CHECK(a && b && STREQ(a, "x=1") && STREQ(b, "y=2") && c == NULL, "strtok_s");

    iph_calls = 0;
    errno = 0;
    ctx = NULL;
    CHECK(strtok_s(NULL, ",", &ctx) == NULL && errno == EINVAL, "strtok_s(NULL, ..., &NULL): EINVAL");
    IPH_CHECK(1);
    char s3[] = "a,b";
    errno = 0;
    CHECK(strtok_s(s3, ",", NULL) == NULL && errno == EINVAL, "strtok_s without a context: EINVAL");
}

/* Each row: the call's result, errno after it, and the destination. */
static void secure_copies(void)
{
    char d[8];
#define RESET() (memset(d, 'x', 8), d[7] = 0, errno = 0, iph_calls = 0)
#define RESET_AB() (memcpy(d, "ab\0xxxxx", 8), errno = 0, iph_calls = 0)

    RESET();
    CHECK(strcpy_s(d, 8, "hello") == 0 && STREQ(d, "hello") && errno == 0, "strcpy_s");
    RESET();
    CHECK(strcpy_s(d, 5, "hello") == ERANGE && errno == ERANGE && d[0] == 0, "strcpy_s too small");
    IPH_CHECK(1);
    RESET();
    CHECK(strcpy_s(d, 0, "hello") == EINVAL && errno == EINVAL && d[0] == 'x', "strcpy_s size 0");
    RESET();
    CHECK(strcpy_s(NULL, 8, "hello") == EINVAL && errno == EINVAL, "strcpy_s to NULL");
    RESET();
    CHECK(strcpy_s(d, 8, NULL) == EINVAL && d[0] == 0, "strcpy_s from NULL empties the destination");
    IPH_CHECK(1);

    RESET_AB();
    CHECK(strcat_s(d, 8, "cde") == 0 && STREQ(d, "abcde"), "strcat_s");
    RESET_AB();
    CHECK(strcat_s(d, 5, "cde") == ERANGE && errno == ERANGE && d[0] == 0, "strcat_s too small");
    RESET_AB();
    /* WINE: ERANGE under Wine 8; Microsoft documents EINVAL for an unterminated destination. */
    CHECK(strcat_s(d, 2, "c") != 0 && d[0] == 0, "strcat_s: destination unterminated within its size");
    RESET_AB();
    CHECK(strcat_s(d, 8, NULL) == EINVAL && d[0] == 0, "strcat_s from NULL");

    RESET();
    CHECK(strncpy_s(d, 8, "hello", 3) == 0 && STREQ(d, "hel"), "strncpy_s");
    RESET();
    /* WINE: errno stays 0 here under Wine 8; Windows sets ERANGE. */
    CHECK(strncpy_s(d, 5, "hello", 5) == ERANGE && d[0] == 0, "strncpy_s count >= size");
    RESET();
    CHECK(strncpy_s(d, 5, "hello", 4) == 0 && STREQ(d, "hell"), "strncpy_s exact fit");
    RESET();
    CHECK(strncpy_s(d, 5, "hello", _TRUNCATE) == STRUNCATE && STREQ(d, "hell") && errno == 0, "strncpy_s _TRUNCATE");
    RESET();
    CHECK(strncpy_s(d, 8, "hello", _TRUNCATE) == 0 && STREQ(d, "hello"), "strncpy_s _TRUNCATE, fits");
    RESET();
    CHECK(strncpy_s(d, 8, "hello", 0) == 0 && d[0] == 0, "strncpy_s count 0");
    RESET();
    CHECK(strncpy_s(NULL, 0, NULL, 0) == 0 && errno == 0, "strncpy_s(NULL, 0, NULL, 0)");
    RESET();
    CHECK(strncpy_s(d, 8, NULL, 1) == EINVAL && errno == EINVAL && d[0] == 0, "strncpy_s from NULL");
    IPH_CHECK(1);
    RESET();
    CHECK(strncpy_s(d, 0, "a", 1) == EINVAL && d[0] == 'x', "strncpy_s size 0");

    RESET_AB();
    CHECK(strncat_s(d, 8, "cdefgh", 3) == 0 && STREQ(d, "abcde"), "strncat_s");
    RESET_AB();
    CHECK(strncat_s(d, 5, "cdefgh", 3) == ERANGE && errno == ERANGE && d[0] == 0, "strncat_s too small");
    RESET_AB();
    CHECK(strncat_s(d, 5, "cdefgh", _TRUNCATE) == STRUNCATE && STREQ(d, "abcd"), "strncat_s _TRUNCATE");
    RESET_AB();
    CHECK(strncat_s(d, 8, "cdefgh", _TRUNCATE) == STRUNCATE && STREQ(d, "abcdefg"), "strncat_s _TRUNCATE 8");
    RESET_AB();
    CHECK(strncat_s(d, 8, NULL, 0) == 0 && STREQ(d, "ab"), "strncat_s count 0");
    RESET_AB();
    CHECK(strncat_s(d, 2, "c", 1) == EINVAL && errno == EINVAL && d[0] == 0, "strncat_s unterminated destination");

    RESET_AB();
    CHECK(_strnset_s(d, 8, 'z', 1) == 0 && STREQ(d, "zb"), "_strnset_s");
    RESET_AB();
    CHECK(_strnset_s(d, 8, 'z', 5) == 0 && STREQ(d, "zz"), "_strnset_s stops at the NUL");
    RESET_AB();
    CHECK(_strlwr_s(d, 8) == 0 && STREQ(d, "ab"), "_strlwr_s");
    RESET_AB();
    CHECK(_strlwr_s(d, 2) == EINVAL && errno == EINVAL && d[0] == 0, "_strlwr_s unterminated");
    RESET_AB();
    CHECK(_strupr_s(d, 3) == 0 && STREQ(d, "AB"), "_strupr_s");
    RESET_AB();
    CHECK(_strupr_s(NULL, 3) == EINVAL && errno == EINVAL, "_strupr_s(NULL)");

    RESET();
    CHECK(memcpy_s(d, 8, "abc", 3) == 0 && memcmp(d, "abcx", 4) == 0, "memcpy_s");
    RESET();
    CHECK(memcpy_s(d, 2, "abc", 3) == ERANGE && errno == ERANGE && d[0] == 0 && d[1] == 0 && d[2] == 'x',
          "memcpy_s too small zeroes the destination");
    IPH_CHECK(1);
    RESET();
    CHECK(memcpy_s(d, 8, NULL, 3) == EINVAL && errno == EINVAL && d[0] == 0 && d[7] == 0, "memcpy_s from NULL zeroes it");
    RESET();
    CHECK(memcpy_s(NULL, 8, "abc", 3) == EINVAL, "memcpy_s to NULL");
    RESET();
    CHECK(memcpy_s(NULL, 0, NULL, 0) == 0 && errno == 0, "memcpy_s of nothing");
    RESET();
    CHECK(memmove_s(d, 2, "abc", 3) == ERANGE && errno == ERANGE && d[0] == 'x', "memmove_s too small leaves it");
    RESET();
    CHECK(memmove_s(d, 8, NULL, 3) == EINVAL && d[0] == 'x', "memmove_s from NULL");
    RESET();
    char ov[8] = "abcdef";
    CHECK(memmove_s(ov + 2, 6, ov, 4) == 0 && memcmp(ov, "ababcd", 6) == 0, "memmove_s overlapping");
#undef RESET
#undef RESET_AB
}

static void errors(void)
{
    char buf[64];

    CHECK(STREQ(strerror(0), "Success") || STREQ(strerror(0), "No error"), "strerror(0): %s", strerror(0));
    CHECK(STREQ(strerror(ENOENT), "No such file or directory"), "strerror(ENOENT): %s", strerror(ENOENT));
    CHECK(strerror_s(buf, 10, ENOENT) == 0 && STREQ(buf, "No such f"), "strerror_s truncates: %s", buf);
    errno = ENOENT;
    CHECK(STREQ(_strerror(NULL), "No such file or directory\n"), "_strerror(NULL)");
    errno = ENOENT;
    CHECK(STREQ(_strerror("open"), "open: No such file or directory\n"), "_strerror(msg): %s", _strerror("open"));
    iph_calls = 0;
    CHECK(_memicmp(NULL, "a", 1) == _NLSCMPERROR, "_memicmp(NULL) is _NLSCMPERROR");
    IPH_CHECK(1);
    iph_calls = 0;
    CHECK(strxfrm(buf, NULL, 8) == INT_MAX, "strxfrm(NULL source)");
}

static void multibyte_strings(void)
{
    const unsigned char *s = (const unsigned char *)"h\xc3\xa9llo";
    unsigned char buf[16];

    /* Single-byte code page: every byte is a character. */
    CHECK(_getmbcp() == (int)GetACP(), "_getmbcp %d is the ANSI code page %u", _getmbcp(), GetACP());
    CHECK(_ismbblead(0xc3) == 0, "no lead bytes");
    CHECK(_mbslen(s) == 6, "_mbslen counts bytes: %u", (unsigned)_mbslen(s));
    CHECK(_mbsinc(s) == s + 1 && _mbsnextc(s + 1) == 0xc3, "_mbsinc/_mbsnextc");
    CHECK(_mbsdec(s, s + 3) == s + 2 && _mbsdec(s, s) == NULL, "_mbsdec");
    CHECK(_mbschr(s, 'l') == s + 3 && _mbsrchr(s, 'l') == s + 4, "_mbschr/_mbsrchr");
    CHECK(_mbsstr(s, (const unsigned char *)"llo") == s + 3, "_mbsstr");
    CHECK(_mbscmp((const unsigned char *)"abc", (const unsigned char *)"abd") < 0, "_mbscmp");
    CHECK(_mbsicmp((const unsigned char *)"ABC", (const unsigned char *)"abc") == 0, "_mbsicmp equal");
    CHECK(_mbsicmp((const unsigned char *)"ABC", (const unsigned char *)"abd") < 0, "_mbsicmp less");
    CHECK(_mbsnbcmp((const unsigned char *)"abc", (const unsigned char *)"abd", 2) == 0, "_mbsnbcmp");
    CHECK(_mbsncmp((const unsigned char *)"abc", (const unsigned char *)"abd", 3) < 0, "_mbsncmp");
    CHECK(_mbsspn((const unsigned char *)"aab", (const unsigned char *)"a") == 2, "_mbsspn");
    CHECK(_mbscspn((const unsigned char *)"aab", (const unsigned char *)"b") == 2, "_mbscspn");
    strcpy((char *)buf, "Mixed");
    CHECK(strcmp((char *)_mbsupr(buf), "MIXED") == 0 && strcmp((char *)_mbslwr(buf), "mixed") == 0, "_mbsupr/_mbslwr");
    CHECK(strcmp((char *)_mbsrev(buf), "dexim") == 0, "_mbsrev");
    unsigned char *d = _mbsdup(s);
    CHECK(d && strcmp((char *)d, (const char *)s) == 0, "_mbsdup");
    free(d);
    CHECK(_mbsnbcnt(s, 3) == 3 && _mbsnccnt(s, 3) == 3, "_mbsnbcnt/_mbsnccnt");
    CHECK(_mbclen(s) == 1, "_mbclen");
    CHECK(_ismbcalpha('a') && !_ismbcdigit('a') && _ismbcdigit('7'), "_ismbc*");
    CHECK(_mbctoupper('q') == 'Q' && _mbctolower('Q') == 'q', "_mbctoupper/_mbctolower");
}

static void formatted(void)
{
    char b[8];

    memset(b, 'x', sizeof b);
    CHECK(_snprintf_s(b, 8, _TRUNCATE, "%s", "abcdefghij") == -1 && STREQ(b, "abcdefg"), "_snprintf_s _TRUNCATE cuts");
    CHECK(_snprintf_s(b, 8, 3, "%d", 12345) == -1 && STREQ(b, "123"), "_snprintf_s count cuts: %s", b);
    CHECK(_snprintf_s(b, 8, 5, "%d", 42) == 2 && STREQ(b, "42"), "_snprintf_s fits");
    CHECK(sprintf_s(b, 8, "%03d|", 7) == 4 && STREQ(b, "007|"), "sprintf_s");
}

/* _splitpath/_makepath and their _s and wide forms (stdlib.h).
 * WINE: Wine 8's _splitpath_s and _makepath_s (msvcrt and ucrtbase) never call the invalid
 * parameter handler; Microsoft documents that they do, for EINVAL and ERANGE alike (as for
 * strcpy_s), and wine-rs does. So 0 calls is accepted for both CRTs here. */
#define IPH_CHECK_PATH(n) CHECK(iph_calls == (n) || iph_calls == 0, "invalid parameter handler ran %d times, expected %d (or 0: Wine)", iph_calls, (n))
static void path_names(void)
{
    char d[_MAX_DRIVE], di[_MAX_DIR], f[_MAX_FNAME], e[_MAX_EXT], p[_MAX_PATH], small[5];
    wchar_t wd[_MAX_DRIVE], wdi[_MAX_DIR], wf[_MAX_FNAME], we[_MAX_EXT], wp[_MAX_PATH];
    errno_t r;

    _splitpath("C:\\dir\\sub\\name.tar.gz", d, di, f, e);
    CHECK(STREQ(d, "C:") && STREQ(di, "\\dir\\sub\\") && STREQ(f, "name.tar") && STREQ(e, ".gz"),
          "_splitpath: [%s][%s][%s][%s]", d, di, f, e);
    _splitpath("a/b.c/d", d, di, f, e);
    CHECK(STREQ(d, "") && STREQ(di, "a/b.c/") && STREQ(f, "d") && STREQ(e, ""), "_splitpath: dots in the dir");
    _splitpath(".profile", NULL, NULL, f, e);
    CHECK(STREQ(f, "") && STREQ(e, ".profile"), "_splitpath: a leading dot is the extension");
    _splitpath("\\\\srv\\share\\f.", d, di, f, e);
    CHECK(STREQ(d, "") && STREQ(di, "\\\\srv\\share\\") && STREQ(f, "f") && STREQ(e, "."), "_splitpath: UNC, bare dot");
    _wsplitpath(L"x:name.txt", wd, wdi, wf, we);
    CHECK(!wcscmp(wd, L"x:") && !wcscmp(wdi, L"") && !wcscmp(wf, L"name") && !wcscmp(we, L".txt"), "_wsplitpath");

    r = _splitpath_s("C:\\dir\\name.ext", d, sizeof d, di, sizeof di, f, sizeof f, e, sizeof e);
    CHECK(r == 0 && STREQ(f, "name") && STREQ(e, ".ext"), "_splitpath_s: %d", r);
    r = _splitpath_s("C:\\dir\\name.ext", NULL, 0, NULL, 0, f, sizeof f, NULL, 0);
    CHECK(r == 0 && STREQ(f, "name"), "_splitpath_s: only the name");
    iph_calls = 0;
    errno = 0;
    r = _splitpath_s("C:\\dir\\name.ext", d, sizeof d, di, sizeof di, small, 4, e, sizeof e);
    CHECK(r == ERANGE && errno == ERANGE && d[0] == 0 && di[0] == 0 && small[0] == 0 && e[0] == 0,
          "_splitpath_s: too small is ERANGE and empties every buffer: %d [%s][%s]", r, d, di);
    IPH_CHECK_PATH(1);
    iph_calls = 0;
    r = _splitpath_s("a", NULL, 3, di, sizeof di, f, sizeof f, e, sizeof e);
    CHECK(r == EINVAL, "_splitpath_s: NULL buffer with a size: %d", r);
    r = _splitpath_s(NULL, d, sizeof d, di, sizeof di, f, sizeof f, e, sizeof e);
    CHECK(r == EINVAL, "_splitpath_s: NULL path: %d", r);
    IPH_CHECK_PATH(2);
    r = _wsplitpath_s(L"c:\\a.b", wd, _MAX_DRIVE, wdi, _MAX_DIR, wf, _MAX_FNAME, we, _MAX_EXT);
    CHECK(r == 0 && !wcscmp(wd, L"c:") && !wcscmp(wdi, L"\\") && !wcscmp(wf, L"a") && !wcscmp(we, L".b"), "_wsplitpath_s");

    _makepath(p, "c", "\\dir", "name", "txt");
    CHECK(STREQ(p, "c:\\dir\\name.txt"), "_makepath adds : \\ and .: %s", p);
    _makepath(p, "C:", "dir/", "name", ".txt");
    CHECK(STREQ(p, "C:dir/name.txt"), "_makepath keeps what is there: %s", p);
    _makepath(p, NULL, "", "name", NULL);
    CHECK(STREQ(p, "name"), "_makepath: NULL and empty parts: %s", p);
    _wmakepath(wp, L"d", L"x", L"f", L"e");
    CHECK(!wcscmp(wp, L"d:x\\f.e"), "_wmakepath");
    r = _makepath_s(small, sizeof small, "c", NULL, "ab", NULL);
    CHECK(r == 0 && STREQ(small, "c:ab"), "_makepath_s fits: %d %s", r, small);
    iph_calls = 0;
    r = _makepath_s(small, sizeof small, "c", NULL, "abc", NULL);
    CHECK(r == ERANGE && small[0] == 0, "_makepath_s too long: %d", r);
    r = _makepath_s(NULL, 10, "c", NULL, "abc", NULL);
    CHECK(r == EINVAL, "_makepath_s NULL: %d", r);
    IPH_CHECK_PATH(2);
    r = _wmakepath_s(wp, _MAX_PATH, NULL, L"dir\\", L"f", L".e");
    CHECK(r == 0 && !wcscmp(wp, L"dir\\f.e"), "_wmakepath_s");
}

int main(void)
{
    iph_install();
    path_names();
    basics();
    case_functions();
    memory();
    tokens();
    secure_copies();
    errors();
    multibyte_strings();
    formatted();
    return check_report();
}
