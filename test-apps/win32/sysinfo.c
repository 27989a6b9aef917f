/* sysinfo.c - FormatMessage, IsProcessorFeaturePresent, GlobalMemoryStatusEx, DeviceIoControl
 * on a file, SetFileApisToOEM. */
#include <windows.h>
#include <winioctl.h>
#include <string.h>
#include "../include/check.h"
#include "wine.h"

static DWORD fmt(DWORD flags, const WCHAR *src, WCHAR *out, DWORD size, ...)
{
    va_list ap;
    va_start(ap, size);
    DWORD r = FormatMessageW(flags, src, 0, 0, out, size, &ap);
    va_end(ap);
    return r;
}

static void test_format_message(void)
{
    WCHAR buf[256];
    /* The system messages: Windows' English text under wine-rs; Wine 8 has shorter texts of
     * its own ("File not found.", "Access denied.", "Success."), checked as Wine's. */
    int wine = is_wine();
    DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_FILE_NOT_FOUND, 0, buf, 256, NULL);
    if (wine)
        CHECK(n == 17 && wcscmp(buf, L"File not found.\r\n") == 0, "Wine: ERROR_FILE_NOT_FOUND (%lu)", n);
    else
        CHECK(n == 44 && wcscmp(buf, L"The system cannot find the file specified.\r\n") == 0, "ERROR_FILE_NOT_FOUND (%lu)", n);
    n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_ACCESS_DENIED, MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), buf, 256, NULL);
    CHECK(wcscmp(buf, wine ? L"Access denied.\r\n" : L"Access is denied.\r\n") == 0, "ERROR_ACCESS_DENIED, user default language");
    n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS | FORMAT_MESSAGE_MAX_WIDTH_MASK, NULL,
                       ERROR_INVALID_PARAMETER, 0, buf, 256, NULL);
    CHECK(wcscmp(buf, wine ? L"Invalid parameter. " : L"The parameter is incorrect. ") == 0, "max width: line end becomes a space");
    n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, ERROR_BAD_EXE_FORMAT, 0, buf, 256, NULL);
    CHECK(wcscmp(buf, wine ? L"Bad EXE format for %1.\r\n" : L"%1 is not a valid Win32 application.\r\n") == 0, "inserts ignored");
    SetLastError(0);
    n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM, NULL, 0x2badbeef, 0, buf, 256, NULL);
    CHECK(n == 0 && GetLastError() == ERROR_MR_MID_NOT_FOUND, "unknown id (%lu)", GetLastError());
    SetLastError(0);
    n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_FILE_NOT_FOUND, 0, buf, 10, NULL);
    CHECK(n == 0 && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "small buffer (%lu)", GetLastError());

    WCHAR *alloc = NULL;
    n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_ALLOCATE_BUFFER, NULL, ERROR_SUCCESS, 0, (WCHAR *)&alloc, 0, NULL);
    const WCHAR *success = wine ? L"Success.\r\n" : L"The operation completed successfully.\r\n";
    CHECK(n == wcslen(success) && alloc && wcscmp(alloc, success) == 0, "allocated (%lu)", n);
    CHECK(LocalFree(alloc) == NULL, "LocalFree");

    n = fmt(FORMAT_MESSAGE_FROM_STRING, L"%1 has %2!d! items%n", buf, 256, L"list", 42);
    CHECK(n == 19 && wcscmp(buf, L"list has 42 items\r\n") == 0, "inserts (%lu)", n);
    fmt(FORMAT_MESSAGE_FROM_STRING, L"[%1!5d!][%2!-6x!][%2!#X!][%1!04u!]", buf, 256, 7, 0xbeef);
    CHECK(wcscmp(buf, L"[    7][beef  ][0XBEEF][0007]") == 0, "printf specs");
    fmt(FORMAT_MESSAGE_FROM_STRING, L"%2 %1 %2", buf, 256, L"a", L"b");
    CHECK(wcscmp(buf, L"b a b") == 0, "reordered and repeated");
    fmt(FORMAT_MESSAGE_FROM_STRING, L"100%% sure%0 not this", buf, 256);
    CHECK(wcscmp(buf, L"100% sure") == 0, "%% and %0");
    fmt(FORMAT_MESSAGE_FROM_STRING, L"%1!S! and %2!c!", buf, 256, "ansi", (int)L'W');
    CHECK(wcscmp(buf, L"ansi and W") == 0, "%%S is ANSI in the W function");
    DWORD_PTR arr[] = { (DWORD_PTR)L"x", 5 };
    FormatMessageW(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, L"%1=%2!u!", 0, 0, buf, 256, (va_list *)arr);
    CHECK(wcscmp(buf, L"x=5") == 0, "argument array");
    fmt(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_IGNORE_INSERTS, L"keep %1 and %2!d!", buf, 256);
    CHECK(wcscmp(buf, L"keep %1 and %2!d!") == 0, "ignore inserts");

    char abuf[128];
    DWORD_PTR aarr[] = { (DWORD_PTR)"name" };
    n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, "open %1", 0, 0, abuf, 128, (va_list *)aarr);
    CHECK(n == 9 && strcmp(abuf, "open name") == 0, "FormatMessageA (%lu)", n);
    n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_PATH_NOT_FOUND, 0, abuf, 128, NULL);
    CHECK(strcmp(abuf, wine ? "Path not found.\r\n" : "The system cannot find the path specified.\r\n") == 0, "FormatMessageA system");
}

static void test_cpu(void)
{
    /* Every x64 CPU has these. */
    CHECK(IsProcessorFeaturePresent(PF_XMMI_INSTRUCTIONS_AVAILABLE), "SSE");
    CHECK(IsProcessorFeaturePresent(PF_XMMI64_INSTRUCTIONS_AVAILABLE), "SSE2");
    CHECK(IsProcessorFeaturePresent(PF_COMPARE_EXCHANGE_DOUBLE), "CMPXCHG8B");
    CHECK(IsProcessorFeaturePresent(PF_RDTSC_INSTRUCTION_AVAILABLE), "RDTSC");
    CHECK(IsProcessorFeaturePresent(PF_NX_ENABLED), "NX");
    CHECK(!IsProcessorFeaturePresent(PF_FLOATING_POINT_EMULATED), "no FP emulation");
    CHECK(!IsProcessorFeaturePresent(PF_ARM_NEON_INSTRUCTIONS_AVAILABLE), "not ARM");
    CHECK(!IsProcessorFeaturePresent(500), "out of range");
    /* SSE3 from CPUID, compared with the instruction's own bit. */
    int sse3;
    __asm__("cpuid" : "=c"(sse3) : "a"(1) : "ebx", "edx");
    CHECK(!!IsProcessorFeaturePresent(PF_SSE3_INSTRUCTIONS_AVAILABLE) == (sse3 & 1), "SSE3 as CPUID says");
}

static void test_memory(void)
{
    MEMORYSTATUSEX m;
    memset(&m, 0, sizeof m);
    m.dwLength = sizeof m;
    CHECK(GlobalMemoryStatusEx(&m), "status");
    CHECK(m.ullTotalPhys > 64 * 1024 * 1024 && m.ullAvailPhys <= m.ullTotalPhys, "physical");
    CHECK(m.dwMemoryLoad <= 100, "load %lu", m.dwMemoryLoad);
    CHECK(m.ullTotalPageFile >= m.ullTotalPhys && m.ullAvailPageFile <= m.ullTotalPageFile, "page file");
    CHECK(m.ullTotalVirtual >= (1ULL << 40) && m.ullAvailVirtual < m.ullTotalVirtual, "virtual");
    m.dwLength = 8;
    SetLastError(0);
    CHECK(!GlobalMemoryStatusEx(&m) && GetLastError() == ERROR_INVALID_PARAMETER, "bad length (%lu)", GetLastError());
}

static void test_ioctl(void)
{
    HANDLE h = CreateFileW(L"sysinfo-ioctl.tmp", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "create");
    DWORD got = 123;
    char out[64];
    /* NTFS answers a control code it does not handle on a file with STATUS_INVALID_DEVICE_REQUEST,
     * ERROR_INVALID_FUNCTION; Wine 8's server answers STATUS_NOT_SUPPORTED (ERROR_NOT_SUPPORTED). */
    DWORD want = is_wine() ? ERROR_NOT_SUPPORTED : ERROR_INVALID_FUNCTION;
    SetLastError(0);
    CHECK(!DeviceIoControl(h, IOCTL_DISK_GET_DRIVE_GEOMETRY, NULL, 0, out, sizeof out, &got, NULL) &&
          GetLastError() == want, "disk ioctl on a file (%lu)", GetLastError());
    SetLastError(0);
    CHECK(!DeviceIoControl(h, 0x00123457, NULL, 0, out, sizeof out, &got, NULL) && GetLastError() == want,
          "unknown code (%lu)", GetLastError());
    CloseHandle(h);
    DeleteFileW(L"sysinfo-ioctl.tmp");
    SetLastError(0);
    CHECK(!DeviceIoControl((HANDLE)(ULONG_PTR)0x1234, 0x00123457, NULL, 0, NULL, 0, &got, NULL) &&
          GetLastError() == ERROR_INVALID_HANDLE, "bad handle (%lu)", GetLastError());
}

int main(void)
{
    test_format_message();
    test_cpu();
    test_memory();
    test_ioctl();
    CHECK(AreFileApisANSI(), "ANSI by default");
    SetFileApisToOEM();
    CHECK(!AreFileApisANSI(), "OEM after SetFileApisToOEM");
    SetFileApisToANSI();
    CHECK(AreFileApisANSI(), "back to ANSI");
    return check_report();
}
