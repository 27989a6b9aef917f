/* crt.h - shared helpers of the C runtime test apps (test-apps/crt/).
 *
 *   iph_install()        installs an invalid-parameter handler that counts its calls
 *                        (iph_calls); a CRT function given a bad argument then returns
 *                        its error instead of ending the process (the UCRT default).
 *   IPH_CHECK(n)         the handler ran n times since iph_calls was last reset. Under
 *                        Wine 8 msvcrt.dll never calls the handler (WINE: Windows' msvcrt
 *                        does), so for msvcrt builds 0 is accepted too.
 *   crt_module()         the CRT DLL the app is linked to (msvcrt.dll or ucrtbase.dll).
 *   CRT_FN(type, name)   the DLL's own export `name`, as a function pointer: mingw-w64
 *                        links its own versions of many math and C99 functions statically,
 *                        and the apps are here to test the DLL.
 */
#ifndef WINE_RS_CRT_H
#define WINE_RS_CRT_H

#include <stdint.h>
#include <windows.h>
#include "check.h"

static int iph_calls;

static void __cdecl iph_count(const wchar_t *expr, const wchar_t *func, const wchar_t *file,
                              unsigned line, uintptr_t reserved)
{
    (void)expr; (void)func; (void)file; (void)line; (void)reserved;
    iph_calls++;
}

static void iph_install(void)
{
    _set_invalid_parameter_handler(iph_count);
}

#ifdef _UCRT
#define IS_UCRT 1
#define IPH_CHECK(n) CHECK(iph_calls == (n), "invalid parameter handler ran %d times, expected %d", iph_calls, (n))
#else
#define IS_UCRT 0
#define IPH_CHECK(n) CHECK(iph_calls == (n) || iph_calls == 0, "invalid parameter handler ran %d times, expected %d (or 0)", iph_calls, (n))
#endif

static HMODULE crt_module(void)
{
    return GetModuleHandleA(IS_UCRT ? "ucrtbase.dll" : "msvcrt.dll");
}

static void *crt_proc(const char *name)
{
    void *p = (void *)GetProcAddress(crt_module(), name);
    if (!p) {
        printf("FAIL: %s is not exported by the C runtime\n", name);
        fflush(stdout);
        exit(2);
    }
    return p;
}

#define CRT_FN(type, name) ((type)crt_proc(#name))

#endif
