/* wine.h - is this Wine? Where Wine 8 differs from Windows, the win32 tests expect
 * Windows' answer under wine-rs and Wine's under Wine (each place says what Windows does),
 * so both runs count the same checks. */
#ifndef WIN32_TEST_WINE_H
#define WIN32_TEST_WINE_H
#include <windows.h>

static int is_wine(void)
{
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    return ntdll && GetProcAddress(ntdll, "wine_get_version") != NULL;
}
#endif
