/* sysmisc.c - small system facilities a C runtime or a program like ninja asks for:
 * pointer encoding, the debugger flag, processor features and counts, system times, version
 * checks, FormatMessage, and the console functions' answers for handles that are not a
 * console. Expectations verified under Wine 8. */
#include <windows.h>
#include <string.h>
#include <stdio.h>
#include "../include/check.h"

static DWORD fmt_va(char *buf, DWORD size, const char *tmpl, ...)
{
    va_list ap;
    va_start(ap, tmpl);
    DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING, tmpl, 0, 0, buf, size, &ap);
    va_end(ap);
    return n;
}

int main(void)
{
    char buf[256];
    WCHAR wbuf[256];
    DWORD n;

    /* EncodePointer / DecodePointer. */
    void *p = (void *)0x12345678abcdULL;
    CHECK(DecodePointer(EncodePointer(p)) == p, "round trip");
    CHECK(EncodePointer(p) != p, "encoded differs");
    CHECK(DecodePointer(EncodePointer(NULL)) == NULL, "NULL round trip");
    CHECK(DecodeSystemPointer(EncodeSystemPointer(p)) == p, "system round trip");

    CHECK(!IsDebuggerPresent(), "no debugger");

    /* Processor features every x86-64 machine has. */
    CHECK(IsProcessorFeaturePresent(PF_XMMI_INSTRUCTIONS_AVAILABLE), "SSE");
    CHECK(IsProcessorFeaturePresent(PF_XMMI64_INSTRUCTIONS_AVAILABLE), "SSE2");
    CHECK(IsProcessorFeaturePresent(PF_COMPARE_EXCHANGE_DOUBLE), "CMPXCHG8B");
    CHECK(IsProcessorFeaturePresent(PF_RDTSC_INSTRUCTION_AVAILABLE), "RDTSC");
    CHECK(IsProcessorFeaturePresent(PF_MMX_INSTRUCTIONS_AVAILABLE), "MMX");
    CHECK(!IsProcessorFeaturePresent(PF_FLOATING_POINT_EMULATED), "no FP emulation");
    CHECK(!IsProcessorFeaturePresent(PF_FLOATING_POINT_PRECISION_ERRATA), "no FDIV bug");
    CHECK(!IsProcessorFeaturePresent(200), "an unknown feature");

    /* Processor counts. */
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    CHECK(GetActiveProcessorCount(ALL_PROCESSOR_GROUPS) == si.dwNumberOfProcessors, "all groups: %lu",
          GetActiveProcessorCount(ALL_PROCESSOR_GROUPS));
    CHECK(GetActiveProcessorCount(0) == si.dwNumberOfProcessors, "group 0");
    CHECK(GetMaximumProcessorCount(ALL_PROCESSOR_GROUPS) >= si.dwNumberOfProcessors, "maximum");

    /* System times: kernel time includes idle time; they only grow. */
    FILETIME idle, kern, user, idle2, kern2, user2;
    CHECK(GetSystemTimes(&idle, &kern, &user), "GetSystemTimes %lu", GetLastError());
    ULONGLONG i1 = ((ULONGLONG)idle.dwHighDateTime << 32) | idle.dwLowDateTime;
    ULONGLONG k1 = ((ULONGLONG)kern.dwHighDateTime << 32) | kern.dwLowDateTime;
    ULONGLONG u1 = ((ULONGLONG)user.dwHighDateTime << 32) | user.dwLowDateTime;
    CHECK(k1 >= i1 && k1 > 0 && u1 > 0, "kernel %llu idle %llu user %llu", k1, i1, u1);
    CHECK(GetSystemTimes(NULL, NULL, NULL), "all NULL");
    Sleep(30);
    CHECK(GetSystemTimes(&idle2, &kern2, &user2), "again");
    ULONGLONG k2 = ((ULONGLONG)kern2.dwHighDateTime << 32) | kern2.dwLowDateTime;
    CHECK(k2 >= k1, "kernel time grows");

    /* VerSetConditionMask / VerifyVersionInfoA. */
    ULONGLONG m = VerSetConditionMask(0, VER_MAJORVERSION, VER_GREATER_EQUAL);
    CHECK(m == (3ULL << 3), "major mask %#llx", m);
    m = VerSetConditionMask(m, VER_MINORVERSION, VER_GREATER_EQUAL);
    CHECK(m == ((3ULL << 3) | 3), "major+minor mask %#llx", m);
    CHECK(VerSetConditionMask(0, VER_PRODUCT_TYPE, VER_EQUAL) == (1ULL << 21), "product type mask");
    CHECK(VerSetConditionMask(5, 0, VER_EQUAL) == 5, "no type bits");
    OSVERSIONINFOEXA vi;
    memset(&vi, 0, sizeof vi);
    vi.dwOSVersionInfoSize = sizeof vi;
    vi.dwMajorVersion = 5;
    vi.dwMinorVersion = 1;
    CHECK(VerifyVersionInfoA(&vi, VER_MAJORVERSION | VER_MINORVERSION, m), "at least XP: %lu", GetLastError());
    vi.dwMajorVersion = 99;
    SetLastError(0xdead);
    CHECK(!VerifyVersionInfoA(&vi, VER_MAJORVERSION | VER_MINORVERSION, m) && GetLastError() == ERROR_OLD_WIN_VERSION,
          "not 99: %lu", GetLastError());
    SetLastError(0xdead);
    CHECK(!VerifyVersionInfoA(&vi, VER_BUILDNUMBER, m) && GetLastError() == ERROR_OLD_WIN_VERSION,
          "a type without a condition: %lu", GetLastError());
    SetLastError(0xdead);
    CHECK(!VerifyVersionInfoA(&vi, VER_MAJORVERSION, 0) && GetLastError() == ERROR_BAD_ARGUMENTS,
          "no conditions: %lu", GetLastError());
    SetLastError(0xdead);
    CHECK(!VerifyVersionInfoA(&vi, 0, m) && GetLastError() == ERROR_BAD_ARGUMENTS,
          "no types: %lu", GetLastError());
    vi.dwPlatformId = VER_PLATFORM_WIN32_NT;
    CHECK(VerifyVersionInfoA(&vi, VER_PLATFORMID, VerSetConditionMask(0, VER_PLATFORMID, VER_EQUAL)), "NT platform");

    /* FormatMessage from the system table. Windows' texts are those of Microsoft's list of
     * system error codes ("The system cannot find the file specified.\r\n"), which wine-rs
     * has; Wine 8 has shorter texts of its own ("File not found.\r\n"), so only their shape
     * is checked: one line ending in CR LF, the same through the A and W functions. */
    n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, ERROR_FILE_NOT_FOUND, 0,
                       buf, sizeof buf, NULL);
    CHECK(n > 2 && n == strlen(buf) && !strcmp(buf + n - 2, "\r\n") && !strchr(buf, '%'), "error 2: %lu '%s'", n, buf);
    DWORD nw = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_FILE_NOT_FOUND, 0, wbuf, 256, NULL);
    CHECK(nw == n && wbuf[0] == (WCHAR)(unsigned char)buf[0] && wbuf[nw - 1] == '\n', "error 2 (W): %lu", nw);
    n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_ACCESS_DENIED, 0, buf, sizeof buf, NULL);
    CHECK(n > 2 && !strcmp(buf + n - 2, "\r\n"), "error 5: '%s'", buf);
    DWORD n5 = n;
    n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, ERROR_BAD_EXE_FORMAT, 0,
                       buf, sizeof buf, NULL);
    CHECK(strstr(buf, "%1") != NULL, "error 193 keeps its insert: '%s'", buf);
    SetLastError(0xdead);
    n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, 0x2345678, 0, buf, sizeof buf, NULL);
    CHECK(n == 0 && GetLastError() == ERROR_MR_MID_NOT_FOUND, "unknown message: %lu", GetLastError());
    SetLastError(0xdead);
    n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_FILE_NOT_FOUND, 0, buf, 5, NULL);
    CHECK(n == 0 && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "buffer too small: %lu", GetLastError());
    FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_ACCESS_DENIED, 0, buf, sizeof buf, NULL);
    char *alloc = NULL;
    n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_ALLOCATE_BUFFER, NULL, ERROR_ACCESS_DENIED, 0,
                       (char *)&alloc, 0, NULL);
    CHECK(n == n5 && alloc && !strcmp(alloc, buf), "allocated: %lu", n);
    CHECK(LocalFree(alloc) == NULL, "LocalFree");

    /* FormatMessage from a string: inserts and escapes. */
    n = fmt_va(buf, sizeof buf, "%1 has %2!d! items%n", "box", 42);
    CHECK(!strcmp(buf, "box has 42 items\r\n") && n == 18, "va_list inserts: '%s' %lu", buf, n);
    n = fmt_va(buf, sizeof buf, "[%1!04x!|%1!-5d!|%2!s!]", 255, "x");
    CHECK(!strcmp(buf, "[00ff|255  |x]"), "formats: '%s'", buf);
    n = fmt_va(buf, sizeof buf, "100%% done%0 and more", 0);
    CHECK(!strcmp(buf, "100% done"), "%%%% and %%0: '%s'", buf);
    DWORD_PTR arr[] = { (DWORD_PTR)"two", (DWORD_PTR)"one" };
    n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, "%2 %1", 0, 0, buf, sizeof buf,
                       (va_list *)arr);
    CHECK(!strcmp(buf, "one two"), "argument array: '%s'", buf);
    n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_IGNORE_INSERTS, "keep %1 here", 0, 0, buf,
                       sizeof buf, NULL);
    CHECK(!strcmp(buf, "keep %1 here"), "ignore inserts: '%s'", buf);
    n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_MAX_WIDTH_MASK, "a\r\nb%nc", 0, 0, buf,
                       sizeof buf, NULL);
    CHECK(!strcmp(buf, "a b\r\nc"), "max width mask: '%s'", buf);

    /* The console functions on a handle that is not a console (a pipe). */
    HANDLE r, w;
    CHECK(CreatePipe(&r, &w, NULL, 0), "CreatePipe");
    CONSOLE_SCREEN_BUFFER_INFO csbi;
    SetLastError(0xdead);
    CHECK(!GetConsoleScreenBufferInfo(w, &csbi) && GetLastError() == ERROR_INVALID_HANDLE,
          "screen buffer info of a pipe: %lu", GetLastError());
    DWORD got;
    SetLastError(0xdead);
    CHECK(!ReadConsoleW(r, wbuf, 10, &got, NULL) && GetLastError() == ERROR_INVALID_HANDLE,
          "ReadConsoleW on a pipe: %lu", GetLastError());
    CHAR_INFO ci[2];
    memset(ci, 0, sizeof ci);
    SMALL_RECT rect = { 0, 0, 1, 0 };
    COORD sz = { 2, 1 }, at = { 0, 0 };
    SetLastError(0xdead);
    CHECK(!WriteConsoleOutputA(w, ci, sz, at, &rect) && GetLastError() == ERROR_INVALID_HANDLE,
          "WriteConsoleOutputA to a pipe: %lu", GetLastError());
    CloseHandle(r);
    CloseHandle(w);

    return check_report();
}
