/* oleaut.c - oleaut32's BSTRs and VARIANTs, and user32's character functions, as 7-Zip uses
 * them. Imported by ordinal (as MSVC programs import oleaut32) through the import library. */
#include <windows.h>
#include <oleauto.h>
#include <string.h>
#include "../include/check.h"

/* A minimal COM object counting AddRef/Release. */
typedef struct { const void *vtbl; LONG refs; } Obj;
static HRESULT WINAPI obj_qi(void *self, REFIID iid, void **out) { (void)self; (void)iid; *out = NULL; return E_NOINTERFACE; }
static ULONG WINAPI obj_addref(void *self) { return ++((Obj *)self)->refs; }
static ULONG WINAPI obj_release(void *self) { return --((Obj *)self)->refs; }
static const void *obj_vtbl[3] = { (void *)obj_qi, (void *)obj_addref, (void *)obj_release };

static void test_bstr(void)
{
    BSTR s = SysAllocString(L"hello");
    CHECK(s != NULL, "SysAllocString");
    CHECK(SysStringLen(s) == 5, "len %u", SysStringLen(s));
    CHECK(SysStringByteLen(s) == 10, "bytelen %u", SysStringByteLen(s));
    CHECK(((DWORD *)s)[-1] == 10, "prefix %lu", ((DWORD *)s)[-1]);
    CHECK(s[5] == 0, "terminator");
    CHECK(((ULONG_PTR)s & 7) == 0, "aligned %p", s);
    CHECK(SysAllocString(NULL) == NULL, "null in, null out");
    CHECK(SysStringLen(NULL) == 0 && SysStringByteLen(NULL) == 0, "null lengths");

    BSTR e = SysAllocStringLen(L"a\0b", 3);
    CHECK(SysStringLen(e) == 3 && e[1] == 0 && e[2] == 'b' && e[3] == 0, "embedded NUL");
    BSTR z = SysAllocStringLen(NULL, 4);
    CHECK(z && SysStringLen(z) == 4 && z[4] == 0, "uninitialised of length 4");
    BSTR b = SysAllocStringByteLen("abc", 3);
    CHECK(SysStringByteLen(b) == 3 && SysStringLen(b) == 1, "odd byte length %u", SysStringByteLen(b));
    CHECK(memcmp(b, "abc\0\0", 5) == 0, "bytes and NULs");

    CHECK(SysReAllocString(&s, L"a longer string") == TRUE, "realloc");
    CHECK(SysStringLen(s) == 15 && wcscmp(s, L"a longer string") == 0, "realloc content");
    CHECK(SysReAllocStringLen(&s, L"xyz", 2) == TRUE && SysStringLen(s) == 2 && wcscmp(s, L"xy") == 0, "realloclen");
    CHECK(SysReAllocString(NULL, L"x") == FALSE, "realloc of nothing");
    SysFreeString(s);
    SysFreeString(e);
    SysFreeString(z);
    SysFreeString(b);
    SysFreeString(NULL);
}

static void test_variant(void)
{
    VARIANT a, b;
    VariantInit(&a);
    VariantInit(&b);
    CHECK(V_VT(&a) == VT_EMPTY, "init");
    V_VT(&a) = VT_BSTR;
    V_BSTR(&a) = SysAllocString(L"text");
    CHECK(VariantCopy(&b, &a) == S_OK, "copy bstr");
    CHECK(V_VT(&b) == VT_BSTR && V_BSTR(&b) != V_BSTR(&a) && wcscmp(V_BSTR(&b), L"text") == 0, "deep copy");
    CHECK(SysStringLen(V_BSTR(&b)) == 4, "copied length");
    CHECK(VariantCopy(&b, &b) == S_OK, "self copy");
    CHECK(VariantClear(&a) == S_OK && V_VT(&a) == VT_EMPTY, "clear bstr");
    CHECK(VariantClear(&b) == S_OK && V_VT(&b) == VT_EMPTY, "clear copy");

    V_VT(&a) = VT_I4;
    V_I4(&a) = -7;
    CHECK(VariantCopy(&b, &a) == S_OK && V_VT(&b) == VT_I4 && V_I4(&b) == -7, "copy i4");
    V_VT(&a) = VT_R8;
    V_R8(&a) = 2.5;
    CHECK(VariantCopy(&b, &a) == S_OK && V_VT(&b) == VT_R8 && V_R8(&b) == 2.5, "copy r8");

    Obj o = { obj_vtbl, 1 };
    V_VT(&a) = VT_UNKNOWN;
    V_UNKNOWN(&a) = (IUnknown *)&o;
    CHECK(VariantCopy(&b, &a) == S_OK && o.refs == 2, "copy addrefs (%ld)", o.refs);
    CHECK(VariantClear(&b) == S_OK && o.refs == 1, "clear releases (%ld)", o.refs);
    CHECK(VariantClear(&a) == S_OK && o.refs == 0, "clear releases (%ld)", o.refs);

    V_VT(&a) = 15; /* unused VARTYPE */
    CHECK(VariantClear(&a) == DISP_E_BADVARTYPE && V_VT(&a) == 15, "bad type stays");
    V_VT(&a) = VT_I4 | VT_VECTOR;
    CHECK(VariantClear(&a) == DISP_E_BADVARTYPE, "vector");
    V_VT(&b) = VT_I4;
    V_I4(&b) = 1;
    CHECK(VariantCopy(&b, &a) == DISP_E_BADVARTYPE && V_VT(&b) == VT_I4, "bad source leaves dest");

    LONG l = 99;
    V_VT(&a) = VT_I4 | VT_BYREF;
    V_I4REF(&a) = &l;
    CHECK(VariantCopy(&b, &a) == S_OK && V_VT(&b) == (VT_I4 | VT_BYREF) && V_I4REF(&b) == &l, "byref copied as reference");
    CHECK(VariantCopyInd(&b, &a) == S_OK && V_VT(&b) == VT_I4 && V_I4(&b) == 99, "copyind dereferences");
    CHECK(VariantClear(&a) == S_OK && l == 99, "byref owns nothing");
}

/* The same functions imported by ordinal (oleaut-ord.def) and found by ordinal. */
BSTR WINAPI ord_SysAllocString(const OLECHAR *);
BSTR WINAPI ord_SysAllocStringLen(const OLECHAR *, UINT);
void WINAPI ord_SysFreeString(BSTR);
UINT WINAPI ord_SysStringLen(BSTR);
HRESULT WINAPI ord_VariantClear(VARIANT *);
HRESULT WINAPI ord_VariantCopy(VARIANT *, const VARIANT *);
UINT WINAPI ord_SysStringByteLen(BSTR);

static void test_ordinals(void)
{
    BSTR s = ord_SysAllocString(L"ordinal");
    CHECK(s && ord_SysStringLen(s) == 7 && ord_SysStringByteLen(s) == 14 && SysStringLen(s) == 7, "imports by ordinal");
    BSTR t = ord_SysAllocStringLen(L"abcdef", 3);
    CHECK(t && wcscmp(t, L"abc") == 0, "SysAllocStringLen #4");
    VARIANT a, b;
    VariantInit(&a);
    VariantInit(&b);
    V_VT(&a) = VT_BSTR;
    V_BSTR(&a) = t;
    CHECK(ord_VariantCopy(&b, &a) == S_OK && wcscmp(V_BSTR(&b), L"abc") == 0, "VariantCopy #10");
    CHECK(ord_VariantClear(&a) == S_OK && ord_VariantClear(&b) == S_OK && V_VT(&b) == VT_EMPTY, "VariantClear #9");
    ord_SysFreeString(s);

    HMODULE h = GetModuleHandleA("oleaut32.dll");
    CHECK(h != NULL, "oleaut32 loaded");
    static const struct { WORD ord; const char *name; } table[] = {
        { 2, "SysAllocString" }, { 3, "SysReAllocString" }, { 4, "SysAllocStringLen" }, { 5, "SysReAllocStringLen" },
        { 6, "SysFreeString" }, { 7, "SysStringLen" }, { 8, "VariantInit" }, { 9, "VariantClear" },
        { 10, "VariantCopy" }, { 11, "VariantCopyInd" }, { 149, "SysStringByteLen" }, { 150, "SysAllocStringByteLen" },
    };
    for (unsigned i = 0; i < sizeof table / sizeof *table; i++) {
        FARPROC by_ord = GetProcAddress(h, MAKEINTRESOURCEA(table[i].ord));
        CHECK(by_ord && by_ord == GetProcAddress(h, table[i].name), "GetProcAddress #%u is %s", table[i].ord, table[i].name);
    }
}

static void test_chars(void)
{
    WCHAR w[] = L"abc-\x00e9-xyz";
    CHECK(CharUpperW(w) == w && wcscmp(w, L"ABC-\x00c9-XYZ") == 0, "CharUpperW string");
    CHECK(CharLowerW(w) == w && wcscmp(w, L"abc-\x00e9-xyz") == 0, "CharLowerW string");
    CHECK((ULONG_PTR)CharUpperW((LPWSTR)(ULONG_PTR)'q') == 'Q', "CharUpperW char");
    CHECK((ULONG_PTR)CharLowerW((LPWSTR)(ULONG_PTR)0xc9) == 0xe9, "CharLowerW char");
    CHECK((ULONG_PTR)CharUpperW((LPWSTR)(ULONG_PTR)'5') == '5', "digit unchanged");
    char a[] = "Mixed Case 1";
    CHECK(CharUpperA(a) == a && strcmp(a, "MIXED CASE 1") == 0, "CharUpperA");
    CHECK(CharLowerA(a) == a && strcmp(a, "mixed case 1") == 0, "CharLowerA");
    WCHAR buf[] = L"ab\0cd";
    CHECK(CharUpperBuffW(buf, 5) == 5 && buf[0] == 'A' && buf[4] == 'D', "CharUpperBuffW past NUL");

    const char *s = "abc";
    CHECK(CharNextA(s) == s + 1 && CharNextA(s + 3) == s + 3, "CharNextA");
    CHECK(CharPrevA(s, s + 2) == s + 1 && CharPrevA(s, s) == s, "CharPrevA");
    CHECK(CharPrevExA(CP_ACP, s, s + 3, 0) == s + 2, "CharPrevExA");
    CHECK(CharPrevExA(CP_ACP, s, s, 0) == s, "CharPrevExA at start");
    const WCHAR *t = L"xy";
    CHECK(CharNextW(t) == t + 1 && CharNextW(t + 2) == t + 2, "CharNextW");
    CHECK(CharPrevW(t, t + 1) == t && CharPrevW(t, t) == t, "CharPrevW");
}

int main(void)
{
    test_bstr();
    test_variant();
    test_ordinals();
    test_chars();
    return check_report();
}
