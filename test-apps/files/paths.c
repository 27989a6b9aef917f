/* paths.c - the path translation table: GetFullPathName on 120 DOS path forms (absolute,
 * drive-relative, rooted, relative, forward slashes, . and .., trailing dots and spaces,
 * \\?\ and \\.\, UNC, device names, Unix paths), the current directory, and opening files
 * by odd names (case-insensitive, trailing dots, devices, \\?\, long paths, invalid names).
 * Every expectation is what Wine 8 prints (and what Windows documents). */
#include "filetest.h"
#include <winternl.h>

static const struct { const WCHAR *in, *out; } table[] = {
    /* cwd C:\windows\system32, =E: set to E:\edir, no =D: */
    {L"foo", L"C:\\windows\\system32\\foo"},
    {L"foo\\bar", L"C:\\windows\\system32\\foo\\bar"},
    {L".\\foo", L"C:\\windows\\system32\\foo"},
    {L"..\\foo", L"C:\\windows\\foo"},
    {L"..\\..\\..\\..\\foo", L"C:\\foo"},
    {L"\\foo", L"C:\\foo"},
    {L"/foo", L"Z:\\foo"},
    {L"/tmp/./x/../y", L"Z:\\tmp\\y"},
    {L"/", L"Z:\\"},
    {L"C:foo", L"C:\\windows\\system32\\foo"},
    {L"C:", L"C:\\windows\\system32\\"},
    {L"c:", L"C:\\windows\\system32\\"},
    {L"C:\\", L"C:\\"},
    {L"C:\\.", L"C:\\"},
    {L"C:\\..", L"C:\\"},
    {L"C:\\a\\..\\..\\b", L"C:\\b"},
    {L"D:foo", L"D:\\foo"},
    {L"d:foo", L"d:\\foo"},
    {L"e:foo", L"E:\\edir\\foo"},
    {L"E:", L"E:\\edir\\"},
    {L"Z:", L"Z:\\"},
    {L"Z:foo", L"Z:\\foo"},
    {L"C:\\a\\b\\.", L"C:\\a\\b"},
    {L"C:\\a\\b\\..", L"C:\\a"},
    {L"C:\\a.\\b", L"C:\\a\\b"},
    {L"C:\\a \\b", L"C:\\a \\b"},
    {L"C:\\a\\b.", L"C:\\a\\b"},
    {L"C:\\a\\b. . .", L"C:\\a\\b"},
    {L"C:\\a\\b  ", L"C:\\a\\b"},
    {L"C:\\a\\b...", L"C:\\a\\b"},
    {L"C:\\a\\.b", L"C:\\a\\.b"},
    {L"C:\\a\\.b.", L"C:\\a\\.b"},
    {L"C:\\a\\...", L"C:\\a\\"},
    {L"C:\\a\\....\\b", L"C:\\a\\...\\b"},
    {L"C:\\a\\...\\b", L"C:\\a\\..\\b"},
    {L"C:\\a\\b\\...\\", L"C:\\a\\b\\..\\"},
    {L"C:\\a\\\\b", L"C:\\a\\b"},
    {L"C:\\a//b", L"C:\\a\\b"},
    {L"C:/a/b/", L"C:\\a\\b\\"},
    {L"C:\\a\\b\\", L"C:\\a\\b\\"},
    {L"C:\\a\\..\\", L"C:\\"},
    {L"C:\\a\\.\\", L"C:\\a\\"},
    {L"C:\\a\\ ", L"C:\\a\\"},
    {L"C:\\a\\ \\b", L"C:\\a\\ \\b"},
    {L"C:\\a\\ .\\b", L"C:\\a\\ \\b"},
    {L"C:\\a\\. \\b", L"C:\\a\\. \\b"},
    {L"C:\\a\\..b", L"C:\\a\\..b"},
    {L"C:\\a\\.\\.\\b", L"C:\\a\\b"},
    {L"C:\\x\\y\\z\\..\\..\\w", L"C:\\x\\w"},
    {L"C:\\a\\b\\c\\d\\..\\..\\..\\..\\..\\..", L"C:\\"},
    {L"C:\\a\\b\\..\\..\\..\\..\\c", L"C:\\c"},
    {L"\\\\?\\C:\\a\\..\\b", L"\\\\?\\C:\\b"},
    {L"\\\\?\\C:\\a\\b.", L"\\\\?\\C:\\a\\b"},
    {L"\\\\?\\C:\\a\\..", L"\\\\?\\C:"},
    {L"\\\\?\\C:\\..\\..", L"\\\\?\\"},
    {L"\\\\?\\C:\\a//b", L"\\\\?\\C:\\a\\b"},
    {L"\\\\?\\C:\\", L"\\\\?\\C:\\"},
    {L"\\\\?\\C:\\a\\ ", L"\\\\?\\C:\\a\\"},
    {L"\\\\.\\C:\\a\\..\\b", L"\\\\.\\C:\\b"},
    {L"\\\\.\\C:\\a\\b.", L"\\\\.\\C:\\a\\b"},
    {L"\\\\.\\C:\\..", L"\\\\.\\"},
    {L"\\\\.\\..\\x", L"\\\\.\\x"},
    {L"\\\\.\\C:\\a\\.", L"\\\\.\\C:\\a"},
    {L"\\\\.\\C:", L"\\\\.\\C:"},
    {L"\\\\.\\C:\\", L"\\\\.\\C:\\"},
    {L"\\\\?\\", L"\\\\?\\"},
    {L"\\\\.\\", L"\\\\.\\"},
    {L"\\\\?", L"\\\\.\\"},
    {L"\\\\.", L"\\\\.\\"},
    {L"\\\\.\\PhysicalDrive0", L"\\\\.\\PhysicalDrive0"},
    {L"\\\\.\\pipe\\x", L"\\\\.\\pipe\\x"},
    {L"\\\\?\\UNC\\server\\share", L"\\\\?\\UNC\\server\\share"},
    {L"\\\\server\\share\\x\\..\\y", L"\\\\server\\share\\y"},
    {L"\\\\server\\share", L"\\\\server\\share"},
    {L"\\\\server", L"\\\\server"},
    {L"\\\\server\\..", L"\\\\server\\.."},
    {L"\\\\server\\share\\..\\..", L"\\\\server\\share\\"},
    {L"\\\\server\\share\\.", L"\\\\server\\share\\"},
    {L"//server/share/x", L"\\\\server\\share\\x"},
    {L"\\\\", L"\\\\"},
    {L"//", L"\\\\"},
    {L"///", L"\\\\\\"},
    {L"nul", L"\\\\.\\nul"},
    {L"NUL", L"\\\\.\\NUL"},
    {L"nul.txt", L"\\\\.\\nul"},
    {L"nul .txt", L"\\\\.\\nul"},
    {L"nul ", L"\\\\.\\nul"},
    {L"nul.", L"\\\\.\\nul"},
    {L"nul:", L"\\\\.\\nul"},
    {L"con", L"\\\\.\\con"},
    {L"CONIN$", L"\\\\.\\CONIN$"},
    {L"conout$.x", L"\\\\.\\conout$"},
    {L"aux", L"\\\\.\\aux"},
    {L"prn", L"\\\\.\\prn"},
    {L"com1", L"\\\\.\\com1"},
    {L"COM9", L"\\\\.\\COM9"},
    {L"lpt9.x", L"\\\\.\\lpt9"},
    {L"C:\\dir\\nul", L"\\\\.\\nul"},
    {L"C:\\dir\\nul.txt", L"\\\\.\\nul"},
    {L"C:\\dir\\NUL.tar.gz", L"\\\\.\\NUL"},
    {L"C:\\dir\\CONIN$.txt", L"\\\\.\\CONIN$"},
    {L"com0", L"C:\\windows\\system32\\com0"},
    {L"com10", L"C:\\windows\\system32\\com10"},
    {L"xnul", L"C:\\windows\\system32\\xnul"},
    {L"nulx", L"C:\\windows\\system32\\nulx"},
    {L"a\\nul\\b", L"C:\\windows\\system32\\a\\nul\\b"},
    {L"C:\\nul\\x", L"C:\\nul\\x"},
    {L"\\\\.\\nul", L"\\\\.\\nul"},
    {L"\\\\?\\nul", L"\\\\?\\nul"},
    {L" foo", L"C:\\windows\\system32\\ foo"},
    {L"foo ", L"C:\\windows\\system32\\foo"},
    {L" \\x", L"C:\\windows\\system32\\ \\x"},
    {L" C:\\foo", L"C:\\windows\\system32\\ C:\\foo"},
    {L"C:\\ foo", L"C:\\ foo"},
    {L".", L"C:\\windows\\system32"},
    {L"..", L"C:\\windows"},
    {L"...", L"C:\\windows\\system32\\"},
    {L"....", L"C:\\windows\\system32\\"},
    {L"\\", L"C:\\"},
    {L"\\.\\x", L"C:\\x"},
    {L"\\..\\x", L"C:\\x"},
    {L"C:..", L"C:\\windows"},
    {L"C:..\\x", L"C:\\windows\\x"},
    {L"C:.", L"C:\\windows\\system32"},
    {L"c:\\WINDOWS\\System32", L"c:\\WINDOWS\\System32"},
    {L"\\??\\C:\\x", L"C:\\??\\C:\\x"},
    {L"foo\\..\\..\\bar", L"C:\\windows\\bar"},
    {L"C:\\a\\b:stream", L"C:\\a\\b:stream"},
    {L"C:\\*.txt", L"C:\\*.txt"},
    {L"C:\\a?b", L"C:\\a?b"},
    {L"foo.", L"C:\\windows\\system32\\foo"},
    {L"foo..", L"C:\\windows\\system32\\foo"},
    {L"foo.bar.", L"C:\\windows\\system32\\foo.bar"},
    {L"=", L"C:\\windows\\system32\\="},
    {L"Z:\\tmp", L"Z:\\tmp"},
    {L"z:/tmp/../etc", L"z:\\etc"},
    {L"C:\\\u00e9t\u00e9\\\u65e5\u672c", L"C:\\\u00e9t\u00e9\\\u65e5\u672c"},
};

static void full_path_table(void)
{
    WCHAR buf[600], *part;
    DWORD n;
    unsigned i;
    CHECK(SetCurrentDirectoryW(L"C:\\windows\\system32"), "cd system32: %lu", GetLastError());
    SetEnvironmentVariableW(L"=E:", L"E:\\edir");
    SetEnvironmentVariableW(L"=D:", NULL);
    for (i = 0; i < sizeof table / sizeof table[0]; i++) {
        n = GetFullPathNameW(table[i].in, 600, buf, &part);
        CHECK(n == wcslen(table[i].out) && !wcscmp(buf, table[i].out), "GetFullPathName(\"%ls\") = %lu \"%ls\", want \"%ls\"",
              table[i].in, n, n ? buf : L"", table[i].out);
    }
    /* Only spaces: no path. */
    CHECK(GetFullPathNameW(L"  ", 600, buf, NULL) == 0, "spaces");
    /* The file part. */
    n = GetFullPathNameW(L"dir\\file.txt", 600, buf, &part);
    CHECK(part && !wcscmp(part, L"file.txt"), "file part of dir\\file.txt: %ls", part ? part : L"(null)");
    part = (WCHAR *)1;
    GetFullPathNameW(L"C:\\dir\\", 600, buf, &part);
    CHECK(part == NULL, "no file part after a backslash");
    /* Buffer sizes: the size needed with the NUL when too small, the length when it fits. */
    CHECK(GetFullPathNameW(L"foo", 3, buf, NULL) == 24, "too small: %lu", GetFullPathNameW(L"foo", 3, buf, NULL));
    CHECK(GetFullPathNameW(L"foo", 23, buf, NULL) == 24, "one short");
    CHECK(GetFullPathNameW(L"foo", 24, buf, NULL) == 23, "exact fit");
    CHECK(GetFullPathNameW(L"foo", 0, NULL, NULL) == 24, "size query");
    {
        char a[300], *ap;
        n = GetFullPathNameA("..\\x.txt", 300, a, &ap);
        CHECK(n == 16 && !strcmp(a, "C:\\windows\\x.txt") && ap == a + 11, "GetFullPathNameA: %lu %s", n, a);
        CHECK(GetFullPathNameA("x", 5, a, NULL) == 22, "A size query: %lu", GetFullPathNameA("x", 5, a, NULL));
    }
    /* The current directory keeps the case it was given, without a trailing backslash. */
    CHECK(SetCurrentDirectoryW(L"c:\\WINDOWS\\"), "cd c:\\WINDOWS\\");
    n = GetCurrentDirectoryW(600, buf);
    CHECK(n == 10 && !wcscmp(buf, L"c:\\WINDOWS"), "cwd %lu %ls", n, buf);
    CHECK(GetCurrentDirectoryW(3, buf) == 11, "cwd size query");
    CHECK(SetCurrentDirectoryW(L"C:\\"), "cd C:\\");
    n = GetCurrentDirectoryW(600, buf);
    CHECK(n == 3 && !wcscmp(buf, L"C:\\"), "cwd root %ls", buf);
    SetLastError(0);
    CHECK(!SetCurrentDirectoryW(L"C:\\no-such-dir-here") && GetLastError() == ERROR_FILE_NOT_FOUND, "cd missing: %lu",
          GetLastError());
    SetLastError(0);
    CHECK(!SetCurrentDirectoryW(L"C:\\no-such-dir-here\\x") && GetLastError() == ERROR_PATH_NOT_FOUND,
          "cd missing parent: %lu", GetLastError());
    CHECK(SetCurrentDirectoryW(L"Z:\\tmp"), "cd Z:\\tmp");
    n = GetFullPathNameW(L"\\x", 600, buf, NULL);
    CHECK(!wcscmp(buf, L"Z:\\x"), "rooted on Z: %ls", buf);
    n = GetFullPathNameW(L"c:x", 600, buf, NULL);
    CHECK(!wcscmp(buf, L"c:\\x"), "C: from Z: %ls", buf);
}

static void nt_paths(void)
{
    typedef BOOLEAN(WINAPI * dos2nt_t)(PCWSTR, UNICODE_STRING *, PWSTR *, void *);
    typedef VOID(WINAPI * free_t)(UNICODE_STRING *);
    HMODULE nt = LoadLibraryA("ntdll.dll");
    dos2nt_t d2n = (dos2nt_t)GetProcAddress(nt, "RtlDosPathNameToNtPathName_U");
    free_t fr = (free_t)GetProcAddress(nt, "RtlFreeUnicodeString");
    static const struct { const WCHAR *in, *out, *part; } cases[] = {
        {L"C:\\x\\y.txt", L"\\??\\C:\\x\\y.txt", L"y.txt"},
        {L"foo", L"\\??\\C:\\windows\\system32\\foo", L"foo"},
        {L"\\\\?\\C:\\a\\..\\b", L"\\??\\C:\\a\\..\\b", L"b"},
        {L"\\\\.\\C:\\a\\..\\b", L"\\??\\C:\\b", L"b"},
        {L"\\\\server\\share\\x", L"\\??\\UNC\\server\\share\\x", L"x"},
        {L"nul", L"\\??\\nul", NULL},
        {L"C:\\dir\\", L"\\??\\C:\\dir\\", NULL},
    };
    unsigned i;
    CHECK(d2n && fr, "ntdll exports");
    if (!d2n || !fr)
        return;
    SetCurrentDirectoryW(L"C:\\windows\\system32");
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        UNICODE_STRING us;
        PWSTR part = NULL;
        BOOLEAN ok = d2n(cases[i].in, &us, &part, NULL);
        CHECK(ok && us.Length == wcslen(cases[i].out) * 2 && !wcsncmp(us.Buffer, cases[i].out, us.Length / 2),
              "NT path of %ls: %.*ls", cases[i].in, ok ? us.Length / 2 : 0, ok ? us.Buffer : L"");
        CHECK(cases[i].part ? part && !wcscmp(part, cases[i].part) : part == NULL, "part of %ls: %ls", cases[i].in,
              part ? part : L"(null)");
        if (ok)
            fr(&us);
    }
}

/* Open `name` with backup semantics; its handle or INVALID_HANDLE_VALUE (error in *err). */
static HANDLE open_any(const char *name, DWORD access, DWORD disp, DWORD *err)
{
    HANDLE h;
    SetLastError(0xdeadbeef);
    h = CreateFileA(name, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, disp,
                    FILE_FLAG_BACKUP_SEMANTICS, NULL);
    *err = GetLastError();
    return h;
}

/* Opening `name` reads "hello" (the file readme.md). */
static void opens_readme(const char *name, int line)
{
    DWORD err, n = 0;
    char buf[16] = "";
    HANDLE h = open_any(name, GENERIC_READ, OPEN_EXISTING, &err);
    if (h == INVALID_HANDLE_VALUE) {
        CHECK(0, "line %d: open \"%s\": error %lu", line, name, err);
        return;
    }
    ReadFile(h, buf, sizeof buf - 1, &n, NULL);
    CHECK(n == 5 && !memcmp(buf, "hello", 5), "line %d: \"%s\" read %lu bytes", line, name, n);
    CloseHandle(h);
}

/* Opening `name` fails with one of two errors. */
static void open_fails(const char *name, DWORD disp, DWORD e1, DWORD e2, int line)
{
    DWORD err;
    HANDLE h = open_any(name, GENERIC_READ, disp, &err);
    CHECK(h == INVALID_HANDLE_VALUE && (err == e1 || err == e2), "line %d: open \"%s\": %p error %lu, want %lu", line, name,
          h, err, e1);
    if (h != INVALID_HANDLE_VALUE)
        CloseHandle(h);
}

static void odd_opens(void)
{
    char name[MAX_PATH * 2], rooted[MAX_PATH * 2], fwd[MAX_PATH * 2], *p;
    DWORD err, n;
    HANDLE h;
    WCHAR wbuf[MAX_PATH];
    CHECK(put_file(P("readme.md"), "hello"), "create readme.md");
    CHECK(CreateDirectoryA(P("sub"), NULL), "create sub");
    CHECK(SetCurrentDirectoryA(scratch), "cd scratch");
    /* The case-insensitive open the issue asks for, and its friends. */
    opens_readme("README.MD", __LINE__);
    opens_readme("ReadMe.Md", __LINE__);
    opens_readme("readme.md.", __LINE__);
    opens_readme("Readme.Md.", __LINE__);
    opens_readme("readme.md ", __LINE__);
    opens_readme("readme.md. . .", __LINE__);
    opens_readme(".\\readme.md", __LINE__);
    opens_readme("sub\\..\\README.md", __LINE__);
    opens_readme("SUB\\..\\.\\readme.md", __LINE__);
    opens_readme("./sub/../readme.md", __LINE__);
    opens_readme("C:readme.md", __LINE__);
    opens_readme(P("README.MD"), __LINE__);
    snprintf(fwd, sizeof fwd, "%s/readme.md", scratch);
    for (p = fwd; *p; p++)
        if (*p == '\\')
            *p = '/';
    opens_readme(fwd, __LINE__);
    snprintf(rooted, sizeof rooted, "%s\\readme.md", scratch + 2);
    opens_readme(rooted, __LINE__);
    snprintf(name, sizeof name, "\\\\?\\%s\\readme.md", scratch);
    opens_readme(name, __LINE__);
    snprintf(name, sizeof name, "\\\\?\\%s\\README.MD", scratch);
    opens_readme(name, __LINE__);
    snprintf(name, sizeof name, "\\\\.\\%s\\sub\\..\\readme.md", scratch);
    opens_readme(name, __LINE__);
    snprintf(name, sizeof name, "%s\\\\readme.md", scratch);
    opens_readme(name, __LINE__);
    /* A created file keeps the case it was given; other cases find it. */
    h = CreateFileA("MixedCase.TXT", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "create MixedCase.TXT: %lu", GetLastError());
    CloseHandle(h);
    {
        WIN32_FIND_DATAA fd;
        HANDLE f = FindFirstFileA("mixedcase.txt", &fd);
        CHECK(f != INVALID_HANDLE_VALUE && !strcmp(fd.cFileName, "MixedCase.TXT"), "found as %s",
              f != INVALID_HANDLE_VALUE ? fd.cFileName : "-");
        if (f != INVALID_HANDLE_VALUE)
            FindClose(f);
    }
    h = CreateFileA("MIXEDCASE.txt", GENERIC_READ, 0, NULL, CREATE_NEW, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_EXISTS, "CREATE_NEW of another case: %lu",
          GetLastError());
    h = CreateFileA("mixedcase.TXT", GENERIC_READ, 0, NULL, OPEN_ALWAYS, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "OPEN_ALWAYS of another case: %lu",
          GetLastError());
    CloseHandle(h);
    n = GetLongPathNameW(L"README.MD", wbuf, MAX_PATH);
    CHECK(n == 9 && !wcscmp(wbuf, L"readme.md"), "GetLongPathName: %ls", wbuf);
    CHECK(GetLongPathNameW(L"nothere.txt", wbuf, MAX_PATH) == 0 && GetLastError() == ERROR_FILE_NOT_FOUND, "missing: %lu",
          GetLastError());

    /* Devices. */
    {
        static const char *nuls[] = {"nul", "NUL", "nul.txt", "NUL.tar.gz", "nul:", "\\\\.\\nul", "C:\\windows\\nul",
                                     "sub\\NUL", "sub\\nul.txt"};
        unsigned i;
        for (i = 0; i < sizeof nuls / sizeof nuls[0]; i++) {
            DWORD w = 0;
            h = open_any(nuls[i], GENERIC_WRITE, OPEN_EXISTING, &err);
            CHECK(h != INVALID_HANDLE_VALUE && GetFileType(h) == FILE_TYPE_CHAR && WriteFile(h, "x", 1, &w, NULL) && w == 1,
                  "device %s: %p %lu", nuls[i], h, err);
            if (h != INVALID_HANDLE_VALUE)
                CloseHandle(h);
        }
        {
            /* (GetFileAttributes would describe the device itself.) */
            WIN32_FIND_DATAA fd;
            HANDLE f = FindFirstFileA(P("nul*"), &fd);
            CHECK(f == INVALID_HANDLE_VALUE, "no file named nul was made: %s", f != INVALID_HANDLE_VALUE ? fd.cFileName : "");
            if (f != INVALID_HANDLE_VALUE)
                FindClose(f);
        }
        open_fails("nosuchdir\\nul", OPEN_EXISTING, ERROR_PATH_NOT_FOUND, ERROR_PATH_NOT_FOUND, __LINE__);
    }
    /* Failures with the right error. */
    open_fails("nothere.txt", OPEN_EXISTING, ERROR_FILE_NOT_FOUND, ERROR_FILE_NOT_FOUND, __LINE__);
    open_fails("nosuchdir\\x.txt", OPEN_EXISTING, ERROR_PATH_NOT_FOUND, ERROR_PATH_NOT_FOUND, __LINE__);
    open_fails("readme.md\\x", OPEN_EXISTING, ERROR_PATH_NOT_FOUND, ERROR_PATH_NOT_FOUND, __LINE__);
    open_fails("readme.md\\", OPEN_EXISTING, ERROR_INVALID_NAME, ERROR_INVALID_NAME, __LINE__);
    open_fails("", OPEN_EXISTING, ERROR_PATH_NOT_FOUND, ERROR_PATH_NOT_FOUND, __LINE__);
    open_fails("a*b", CREATE_NEW, ERROR_INVALID_NAME, ERROR_INVALID_NAME, __LINE__);
    open_fails("a?b", CREATE_NEW, ERROR_INVALID_NAME, ERROR_INVALID_NAME, __LINE__);
    open_fails("a<b", CREATE_NEW, ERROR_INVALID_NAME, ERROR_INVALID_NAME, __LINE__);
    open_fails("a>b", CREATE_NEW, ERROR_INVALID_NAME, ERROR_INVALID_NAME, __LINE__);
    open_fails("a|b", CREATE_NEW, ERROR_INVALID_NAME, ERROR_INVALID_NAME, __LINE__);
    open_fails("a\"b", CREATE_NEW, ERROR_INVALID_NAME, ERROR_INVALID_NAME, __LINE__);
    open_fails("sub\\a*b", OPEN_EXISTING, ERROR_INVALID_NAME, ERROR_INVALID_NAME, __LINE__);
    open_fails("\\\\?\\C:\\windows\\..\\windows", OPEN_EXISTING, ERROR_INVALID_NAME, ERROR_INVALID_NAME, __LINE__);
    open_fails("\\\\?\\C:\\windows\\.\\system32", OPEN_EXISTING, ERROR_INVALID_NAME, ERROR_INVALID_NAME, __LINE__);
    /* UNC shares: not there (wine-rs says ERROR_BAD_NETPATH, Wine ERROR_PATH_NOT_FOUND). */
    open_fails("\\\\server\\share\\x", OPEN_EXISTING, ERROR_BAD_NETPATH, ERROR_PATH_NOT_FOUND, __LINE__);
    open_fails("\\\\?\\UNC\\server\\share\\x", OPEN_EXISTING, ERROR_BAD_NETPATH, ERROR_PATH_NOT_FOUND, __LINE__);
    open_fails("//server/share/x", OPEN_EXISTING, ERROR_BAD_NETPATH, ERROR_PATH_NOT_FOUND, __LINE__);

    /* Directories by odd names. */
    {
        static const char *dirs[] = {".", "..", "C:", "C:\\", "sub", "SUB\\", "sub\\.", ".\\sub\\..", "Z:\\tmp", "/tmp",
                                     "C:\\windows\\system32\\..\\..\\..\\windows", "\\\\.\\C:\\windows\\..\\windows"};
        unsigned i;
        for (i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
            BY_HANDLE_FILE_INFORMATION bi;
            h = open_any(dirs[i], GENERIC_READ, OPEN_EXISTING, &err);
            CHECK(h != INVALID_HANDLE_VALUE && GetFileInformationByHandle(h, &bi) &&
                      (bi.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY),
                  "directory %s: %lu", dirs[i], err);
            if (h != INVALID_HANDLE_VALUE)
                CloseHandle(h);
        }
        h = CreateFileA("sub", GENERIC_READ, 7, NULL, OPEN_EXISTING, 0, NULL);
        CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_ACCESS_DENIED, "directory without backup semantics: %lu",
              GetLastError());
    }
    /* A long path (over MAX_PATH) through \\?\. */
    {
        WCHAR lp[1024];
        const WCHAR *seg = L"\\a-rather-long-directory-name-to-get-past-max-path-quickly-0123456789";
        int depth;
        _snwprintf(lp, 1024, L"\\\\?\\%ls", wscratch);
        for (depth = 0; depth < 4; depth++) {
            wcscat(lp, seg);
            CHECK(CreateDirectoryW(lp, NULL), "long dir %d: %lu", depth, GetLastError());
        }
        wcscat(lp, L"\\file.txt");
        CHECK(wcslen(lp) > MAX_PATH, "long: %u", (unsigned)wcslen(lp));
        h = CreateFileW(lp, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
        CHECK(h != INVALID_HANDLE_VALUE, "long file: %lu", GetLastError());
        if (h != INVALID_HANDLE_VALUE) {
            DWORD w;
            CHECK(WriteFile(h, "deep", 4, &w, NULL) && w == 4, "long write");
            CloseHandle(h);
        }
        CHECK(GetFileAttributesW(lp) == FILE_ATTRIBUTE_ARCHIVE, "long attributes: %lx", GetFileAttributesW(lp));
        CHECK(DeleteFileW(lp), "long delete: %lu", GetLastError());
    }
    SetCurrentDirectoryA("C:\\");
}

int main(void)
{
    make_scratch("paths");
    full_path_table();
    nt_paths();
    odd_opens();
    remove_tree(scratch);
    return check_report();
}
