/* dllapp.c - DLL loading.
 *
 * testdll.dll is imported statically (by name, by ordinal for the NONAME
 * export, a DATA export and two forwarders to KERNEL32); testdll2.dll is
 * loaded with LoadLibraryW and freed. Checks DllMain notifications, module
 * handles and file names, GetProcAddress by name / ordinal / forwarder, and
 * error codes. testdll's DllMain prints "testdll: DLL_PROCESS_DETACH (process
 * exit)" at exit: it must be the last line of stdout, after "N passed, ...".
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "check.h"

__declspec(dllimport) int testdll_add(int a, int b);
__declspec(dllimport) int testdll_ordinal_only(int x); /* imported by ordinal 42 */
__declspec(dllimport) int testdll_alias(void);
__declspec(dllimport) LONG testdll_attach_count(void);
__declspec(dllimport) LONG testdll_detach_count(void);
__declspec(dllimport) LONG testdll_thread_attach_count(void);
__declspec(dllimport) LONG testdll_thread_detach_count(void);
__declspec(dllimport) const char *testdll_get_log(void);
__declspec(dllimport) HMODULE testdll_module(void);
__declspec(dllimport) extern int testdll_data[4];
__declspec(dllimport) DWORD WINAPI fwd_GetTickCount(void);
__declspec(dllimport) DWORD WINAPI fwd_GetCurrentProcessId(void);

static int wends_with_i(const wchar_t *s, const wchar_t *suffix)
{
    size_t n = wcslen(s), m = wcslen(suffix);
    return n >= m && _wcsicmp(s + n - m, suffix) == 0;
}

static DWORD WINAPI thread_proc(void *p)
{
    (void)p;
    return 7;
}

typedef int (*add_fn)(int, int);
typedef int (*int_fn)(int);
typedef int (*void_int_fn)(void);
typedef DWORD (WINAPI *dword_fn)(void);
typedef void *(*ptr_fn)(void);

int main(void)
{
    /* static imports */
    CHECK(testdll_add(2, 3) == 5, "testdll_add(2, 3) = %d", testdll_add(2, 3));
    CHECK(testdll_ordinal_only(2) == 84, "testdll_ordinal_only(2) = %d", testdll_ordinal_only(2));
    CHECK(testdll_alias() == 0x600d, "testdll_alias() = %x", testdll_alias());
    CHECK(testdll_data[0] == 10 && testdll_data[3] == 40, "testdll_data = %d %d", testdll_data[0],
          testdll_data[3]);
    CHECK(testdll_attach_count() == 1, "testdll attach count %ld", testdll_attach_count());
    CHECK(testdll_detach_count() == 0, "testdll detach count %ld", testdll_detach_count());
    CHECK(strcmp(testdll_get_log(), "testdll:process_attach;") == 0, "log '%s'", testdll_get_log());

    /* forwarders */
    DWORD t0 = GetTickCount(), t1 = fwd_GetTickCount(), t2 = GetTickCount();
    CHECK(t0 <= t1 && t1 <= t2, "fwd_GetTickCount() = %lu, GetTickCount() %lu..%lu", t1, t0, t2);
    CHECK(fwd_GetCurrentProcessId() == GetCurrentProcessId(), "fwd_GetCurrentProcessId() = %lu",
          fwd_GetCurrentProcessId());

    /* module handles */
    HMODULE exe = GetModuleHandleW(NULL);
    HMODULE h = GetModuleHandleW(L"testdll.dll");
    CHECK(h != NULL, "GetModuleHandleW(testdll.dll) failed, error %lu", GetLastError());
    CHECK(h == testdll_module(), "GetModuleHandleW %p != DllMain's hinstDLL %p", (void *)h,
          (void *)testdll_module());
    CHECK(h != exe, "testdll handle == exe handle");
    CHECK(GetModuleHandleW(L"TESTDLL.DLL") == h, "GetModuleHandleW is case-sensitive");
    CHECK(GetModuleHandleW(L"testdll") == h, "GetModuleHandleW(L\"testdll\") (no extension) failed");
    CHECK(GetModuleHandleA("testdll.dll") == h, "GetModuleHandleA(testdll.dll) failed");
    CHECK(h && ((IMAGE_DOS_HEADER *)h)->e_magic == IMAGE_DOS_SIGNATURE, "no MZ at testdll's handle");

    wchar_t path[MAX_PATH], exepath[MAX_PATH];
    DWORD n = GetModuleFileNameW(h, path, MAX_PATH);
    CHECK(n > 0 && n == wcslen(path), "GetModuleFileNameW(testdll) returned %lu", n);
    CHECK(wends_with_i(path, L"\\testdll.dll"), "GetModuleFileNameW(testdll) = %ls", path);
    n = GetModuleFileNameW(NULL, exepath, MAX_PATH);
    CHECK(n > 0 && wends_with_i(exepath, L"\\dllapp.exe"), "GetModuleFileNameW(NULL) = %ls", exepath);
    /* same directory */
    wchar_t *s1 = wcsrchr(path, L'\\'), *s2 = wcsrchr(exepath, L'\\');
    CHECK(s1 && s2 && s1 - path == s2 - exepath && _wcsnicmp(path, exepath, s1 - path) == 0,
          "testdll.dll is not next to the exe: %ls vs %ls", path, exepath);

    /* GetProcAddress: by name, by ordinal, forwarders, failures */
    FARPROC p_add = GetProcAddress(h, "testdll_add");
    CHECK(p_add == (FARPROC)testdll_add, "GetProcAddress(testdll_add) %p != import %p",
          (void *)p_add, (void *)testdll_add);
    CHECK(p_add && ((add_fn)p_add)(20, 22) == 42, "testdll_add via GetProcAddress");
    CHECK(GetProcAddress(h, MAKEINTRESOURCEA(1)) == p_add, "GetProcAddress(ordinal 1) != testdll_add");
    FARPROC p_ord = GetProcAddress(h, MAKEINTRESOURCEA(42));
    CHECK(p_ord != NULL, "GetProcAddress(ordinal 42) failed, error %lu", GetLastError());
    CHECK(p_ord == (FARPROC)testdll_ordinal_only, "ordinal 42 %p != import %p", (void *)p_ord,
          (void *)testdll_ordinal_only);
    CHECK(p_ord && ((int_fn)p_ord)(3) == 126, "ordinal 42 call");
    SetLastError(0);
    CHECK(GetProcAddress(h, "testdll_ordinal_only") == NULL, "NONAME export found by name");
    CHECK(GetLastError() == ERROR_PROC_NOT_FOUND, "NONAME by name: error %lu, expected 127",
          GetLastError());
    FARPROC p_alias = GetProcAddress(h, "testdll_alias");
    CHECK(p_alias && ((void_int_fn)p_alias)() == 0x600d, "testdll_alias via GetProcAddress");
    CHECK(GetProcAddress(h, "testdll_internal_name") == NULL, "internal name is exported");
    int *p_data = (int *)GetProcAddress(h, "testdll_data");
    CHECK(p_data == testdll_data, "GetProcAddress(testdll_data) %p != %p", (void *)p_data,
          (void *)testdll_data);

    HMODULE k32 = GetModuleHandleW(L"kernel32.dll");
    CHECK(k32 != NULL, "GetModuleHandleW(kernel32.dll) failed");
    FARPROC p_fwd = GetProcAddress(h, "fwd_GetTickCount");
    FARPROC p_real = GetProcAddress(k32, "GetTickCount");
    CHECK(p_fwd != NULL && p_fwd == p_real, "forwarded GetProcAddress %p, kernel32 %p", (void *)p_fwd,
          (void *)p_real);
    CHECK(GetProcAddress(h, MAKEINTRESOURCEA(50)) == p_real, "forwarder by ordinal 50");
    /* a forwarder in the "DLL.#ordinal" form */
    FARPROC p_fwd_ord = GetProcAddress(h, "fwd_ordinal_add");
    CHECK(p_fwd_ord != NULL && p_fwd_ord == p_add, "DLL.#ordinal forwarder %p, testdll_add %p",
          (void *)p_fwd_ord, (void *)p_add);
    CHECK((FARPROC)fwd_GetTickCount == p_real, "forwarded import %p != kernel32 %p",
          (void *)fwd_GetTickCount, (void *)p_real);
    CHECK(p_fwd && ((dword_fn)p_fwd)() >= t0, "forwarded call");
    /* the forwarder's address must not point into testdll's export table */
    IMAGE_NT_HEADERS *nt = (IMAGE_NT_HEADERS *)((char *)h + ((IMAGE_DOS_HEADER *)h)->e_lfanew);
    char *lo = (char *)h, *hi = lo + nt->OptionalHeader.SizeOfImage;
    CHECK(!((char *)p_fwd >= lo && (char *)p_fwd < hi), "forwarder resolved inside testdll");

    SetLastError(0);
    CHECK(GetProcAddress(h, "no_such_export") == NULL, "no_such_export found");
    CHECK(GetLastError() == ERROR_PROC_NOT_FOUND, "missing export: error %lu, expected 127",
          GetLastError());
    SetLastError(0);
    CHECK(GetProcAddress(h, MAKEINTRESOURCEA(999)) == NULL, "ordinal 999 found");
    CHECK(GetLastError() == ERROR_PROC_NOT_FOUND, "missing ordinal: error %lu, expected 127",
          GetLastError());

    /* threads notify testdll */
    LONG ta = testdll_thread_attach_count(), td = testdll_thread_detach_count();
    HANDLE th = CreateThread(NULL, 0, thread_proc, NULL, 0, NULL);
    CHECK(th != NULL, "CreateThread failed");
    WaitForSingleObject(th, 10000);
    CloseHandle(th);
    CHECK(testdll_thread_attach_count() == ta + 1, "DLL_THREAD_ATTACH count %ld -> %ld", ta,
          testdll_thread_attach_count());
    CHECK(testdll_thread_detach_count() == td + 1, "DLL_THREAD_DETACH count %ld -> %ld", td,
          testdll_thread_detach_count());

    /* dynamic loading */
    CHECK(GetModuleHandleW(L"testdll2.dll") == NULL, "testdll2.dll loaded before LoadLibraryW");
    HMODULE h2 = LoadLibraryW(L"testdll2.dll");
    CHECK(h2 != NULL, "LoadLibraryW(testdll2.dll) failed, error %lu", GetLastError());
    if (h2) {
        CHECK(h2 != h && h2 != exe, "testdll2 handle %p", (void *)h2);
        CHECK(GetModuleHandleW(L"testdll2.dll") == h2, "GetModuleHandleW(testdll2.dll) != LoadLibraryW");
        CHECK(strcmp(testdll_get_log(), "testdll:process_attach;testdll2:process_attach;") == 0,
              "log after LoadLibraryW: '%s'", testdll_get_log());
        void_int_fn v = (void_int_fn)GetProcAddress(h2, "testdll2_value");
        CHECK(v && v() == 1234, "testdll2_value()");
        ptr_fn sa = (ptr_fn)GetProcAddress(h2, "testdll2_static_addr");
        IMAGE_NT_HEADERS *nt2 = (IMAGE_NT_HEADERS *)((char *)h2 + ((IMAGE_DOS_HEADER *)h2)->e_lfanew);
        CHECK(sa && (char *)sa() > (char *)h2 &&
                  (char *)sa() < (char *)h2 + nt2->OptionalHeader.SizeOfImage,
              "testdll2 static not inside its image");
        n = GetModuleFileNameW(h2, path, MAX_PATH);
        CHECK(n > 0 && wends_with_i(path, L"\\testdll2.dll"), "GetModuleFileNameW(testdll2) = %ls", path);

        /* reference counting */
        HMODULE h2b = LoadLibraryW(L"testdll2.dll");
        CHECK(h2b == h2, "second LoadLibraryW returned %p, expected %p", (void *)h2b, (void *)h2);
        CHECK(FreeLibrary(h2b), "FreeLibrary (1 of 2) failed");
        CHECK(GetModuleHandleW(L"testdll2.dll") == h2, "testdll2 unloaded while still referenced");
        CHECK(strcmp(testdll_get_log(), "testdll:process_attach;testdll2:process_attach;") == 0,
              "log after first FreeLibrary: '%s'", testdll_get_log());
        CHECK(FreeLibrary(h2), "FreeLibrary (2 of 2) failed");
        CHECK(strcmp(testdll_get_log(),
                     "testdll:process_attach;testdll2:process_attach;testdll2:process_detach;") == 0,
              "log after FreeLibrary: '%s'", testdll_get_log());
        CHECK(GetModuleHandleW(L"testdll2.dll") == NULL, "testdll2.dll still loaded after FreeLibrary");
    }
    /* testdll stays loaded: it is a static import of the exe (and its
     * refcount was only raised by testdll2's import) */
    CHECK(GetModuleHandleW(L"testdll.dll") == h, "testdll.dll unloaded");
    CHECK(testdll_detach_count() == 0, "testdll detached early");

    /* LoadLibrary of an already loaded DLL returns its handle */
    HMODULE h1 = LoadLibraryW(L"testdll.dll");
    CHECK(h1 == h, "LoadLibraryW(testdll.dll) = %p, expected %p", (void *)h1, (void *)h);
    if (h1)
        FreeLibrary(h1);
    CHECK(testdll_attach_count() == 1, "testdll attached again: %ld", testdll_attach_count());

    /* failures */
    SetLastError(0);
    HMODULE bad = LoadLibraryW(L"no_such_dll_here.dll");
    CHECK(bad == NULL, "LoadLibraryW(no_such_dll_here.dll) succeeded");
    CHECK(GetLastError() == ERROR_MOD_NOT_FOUND, "missing DLL: error %lu, expected 126", GetLastError());
    SetLastError(0);
    CHECK(GetModuleHandleW(L"no_such_dll_here.dll") == NULL, "GetModuleHandleW(missing) succeeded");
    CHECK(GetLastError() == ERROR_MOD_NOT_FOUND, "GetModuleHandleW(missing): error %lu, expected 126",
          GetLastError());

    return check_report();
}
