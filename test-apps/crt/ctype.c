/* ctype.c - character classes and case: the C locale's table (_pctype, all 257 entries
 * against the rules of the C standard), the is*() functions and _isctype, tolower/toupper
 * and the unconditional _tolower/_toupper, __isascii/__toascii/__iscsym, and the wide
 * functions (iswalpha..., towupper in the C locale: A-Z only). Expectations are Wine 8's. */
#include <ctype.h>
#include <stdio.h>
#include <wctype.h>
#include "crt.h"

/* The C locale's class bits of a byte, by the standard's rules. Windows' table also has
 * C1_ALPHA (0x100) on letters and _BLANK (0x40) on space and tab; WINE: Wine 8's has neither,
 * so the table is compared under COMMON_BITS only, and the functions by truth value. */
#define COMMON_BITS (_UPPER | _LOWER | _DIGIT | _SPACE | _PUNCT | _CONTROL | _HEX)
#define ALPHA_BITS (_UPPER | _LOWER)

static int want_bits(int c)
{
    int m = 0;
    if (c >= 'A' && c <= 'Z') m |= _UPPER;
    if (c >= 'a' && c <= 'z') m |= _LOWER;
    if (c >= '0' && c <= '9') m |= _DIGIT;
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) m |= _HEX;
    if (c == ' ' || (c >= 9 && c <= 13)) m |= _SPACE;
    if (c < 32 || c == 127) m |= _CONTROL;
    if (c > 32 && c < 127 && !(m & (ALPHA_BITS | _DIGIT))) m |= _PUNCT;
    return m;
}

static void table(void)
{
    const unsigned short *t = __pctype_func();
    int bad = 0;
    for (int c = 0; c < 256; c++) {
        int want = c < 128 ? want_bits(c) : 0;
        if (c == ' ' || c == '\t') want &= COMMON_BITS;
        if ((t[c] & COMMON_BITS) != want) {
            if (bad++ < 5) CHECK(0, "_pctype[%#x] = %#x, expected %#x", c, t[c], want);
        }
    }
    CHECK(bad == 0, "%d wrong _pctype entries", bad);
    CHECK(t[-1] == 0, "_pctype[EOF] = %#x", t[-1]);
    CHECK((t['\t'] & COMMON_BITS) == (_SPACE | _CONTROL), "tab is %#x", t['\t']);
    CHECK((t['A'] & COMMON_BITS) == (_UPPER | _HEX), "A is %#x", t['A']);
}

static void functions(void)
{
    int bad = 0;
    for (int c = -1; c < 256; c++) {
        int m = c >= 0 && c < 128 ? want_bits(c) : 0;
        int ok = !!isalpha(c) == !!(m & ALPHA_BITS) && !!isupper(c) == !!(m & _UPPER) &&
                 !!islower(c) == !!(m & _LOWER) && !!isdigit(c) == !!(m & _DIGIT) &&
                 !!isxdigit(c) == !!(m & _HEX) && !!isspace(c) == !!(m & _SPACE) &&
                 !!ispunct(c) == !!(m & _PUNCT) && !!iscntrl(c) == !!(m & _CONTROL) &&
                 !!isalnum(c) == !!(m & (ALPHA_BITS | _DIGIT)) &&
                 !!isgraph(c) == !!(m & (_PUNCT | ALPHA_BITS | _DIGIT)) &&
                 !!isprint(c) == (!!(m & (_PUNCT | ALPHA_BITS | _DIGIT)) || c == ' ') &&
                 !!_isctype(c, _UPPER | _LOWER | _DIGIT) == !!(m & (ALPHA_BITS | _DIGIT));
        if (!ok && bad++ < 5) CHECK(0, "classes of %#x", c);
    }
    CHECK(bad == 0, "%d characters misclassified", bad);
    CHECK(isalpha('q') & _LOWER, "isalpha returns the class bits: %#x", isalpha('q'));
    CHECK(isprint(' ') && !isgraph(' ') && !isprint('\t'), "space is printable, not graphic");
    CHECK(isblank(' ') && isblank('\t') && !isblank('\n'), "isblank");
    CHECK(isdigit(1000) == 0, "isdigit out of range");

    CHECK(toupper('a') == 'A' && toupper('A') == 'A' && toupper(0xe9) == 0xe9 && toupper(-1) == -1, "toupper");
    CHECK(tolower('Q') == 'q' && tolower(0xc9) == 0xc9, "tolower");
    CHECK(_tolower('a') == 129 && _toupper('A') == 33, "_tolower/_toupper are unconditional");
    CHECK(_toupper('b') == 'B' && _tolower('B') == 'b', "_toupper/_tolower");
    CHECK(__isascii(0x7f) && !__isascii(0x80), "__isascii");
    CHECK(__toascii(0x1c1) == 0x41, "__toascii");
    CHECK(__iscsym('_') && __iscsym('1') && !__iscsymf('1') && __iscsymf('a') && !__iscsym('-'), "__iscsym/__iscsymf");
    CHECK(isleadbyte(0x81) == 0, "isleadbyte in the C locale");
    CHECK(_isctype('x', _HEX) == 0 && _isctype('f', _HEX) != 0, "_isctype");
}

static void wide(void)
{
    CHECK(iswalpha('a') && !iswalpha('1') && iswdigit('7') && iswspace(' ') && iswpunct('!'), "ASCII");
    CHECK(iswalpha(0xe9) && iswlower(0xe9) && !iswupper(0xe9), "iswalpha/iswlower of e-acute");
    CHECK(iswupper(0xc9) && !iswlower(0xc9), "iswupper of E-acute");
    CHECK(iswalpha(0x4e2d), "iswalpha of a CJK ideograph");
    CHECK(iswspace(0x3000) && iswspace(0xa0), "iswspace of ideographic and no-break spaces");
    CHECK(iswpunct(0xbf) && !iswalpha(0xbf), "iswpunct of the inverted question mark");
    CHECK(iswdigit(0x660) && !iswalpha(0x660), "iswdigit of Arabic-Indic zero");
    CHECK(iswxdigit(0xff21) && iswxdigit('F') && !iswxdigit('g'), "iswxdigit");
    CHECK(iswcntrl(0x85) && iswcntrl(0x7f), "iswcntrl");
    CHECK(iswblank('\t') && iswblank(0x3000), "iswblank");
    CHECK(iswctype(0xe9, _ALPHA) && !iswctype(0xe9, _DIGIT), "iswctype");
    CHECK(iswascii(0x7f) && !iswascii(0x80), "iswascii");
    /* The C locale maps a-z only. */
    CHECK(towupper('a') == 'A' && towupper(0xe9) == 0xe9 && towupper(0xff) == 0xff, "towupper");
    CHECK(towlower('A') == 'a' && towlower(0xc9) == 0xc9 && towlower(0x130) == 0x130, "towlower");
}

int main(void)
{
    iph_install();
    table();
    functions();
    wide();
    return check_report();
}
