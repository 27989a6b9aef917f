/* dirs.c - directory walks with wildcards (FindFirstFile(Ex), FileIdBothDirectoryInfo),
 * attributes and times (Get/SetFileAttributes(Ex), Get/SetFileTime, information by handle),
 * directories (create, remove, errors), volumes and drives, final path names, temporary
 * files. The wildcard cases are those Wine and Windows agree on (see dir.rs for the rest). */
#include "filetest.h"
#include <stdlib.h>

/* The names FindFirstFile returns for a pattern, sorted and joined with spaces. */
static const char *find_all(const char *pattern, DWORD *err)
{
    static char out[2048];
    char names[64][MAX_PATH];
    int n = 0, i, j;
    WIN32_FIND_DATAA fd;
    HANDLE h;
    out[0] = 0;
    SetLastError(0);
    h = FindFirstFileA(pattern, &fd);
    *err = GetLastError();
    if (h == INVALID_HANDLE_VALUE)
        return out;
    do {
        if (n < 64)
            strcpy(names[n++], fd.cFileName);
    } while (FindNextFileA(h, &fd));
    *err = GetLastError();
    FindClose(h);
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
            if (strcmp(names[j], names[i]) < 0) {
                char t[MAX_PATH];
                strcpy(t, names[i]);
                strcpy(names[i], names[j]);
                strcpy(names[j], t);
            }
    for (i = 0; i < n; i++) {
        if (i)
            strcat(out, " ");
        strcat(out, names[i]);
    }
    return out;
}

static void wildcards(void)
{
    static const struct { const char *pat, *want; } cases[] = {
        {"*", ". .. .dot a a.txt ab abc abc.d b.TXT sub1 sub2 x.txt"},
        {"*.*", ". .. .dot a a.txt ab abc abc.d b.TXT sub1 sub2 x.txt"},
        {"*.txt", "a.txt b.TXT x.txt"},
        {"*.TXT", "a.txt b.TXT x.txt"},
        {"a*", "a a.txt ab abc abc.d"},
        {"A*", "a a.txt ab abc abc.d"},
        {"a?c", "abc"},
        {"a?c.*", "abc abc.d"},
        {"*c", "abc"},
        {"a.*", "a a.txt"},
        {"a.txt.", "a.txt"},
        {"A.TXT", "a.txt"},
        {"*.t?t", "a.txt b.TXT x.txt"},
        {"x*", "x.txt"},
        {"sub*", "sub1 sub2"},
        {"SUB1", "sub1"},
        {".d*", ".dot"},
        {"*.d", "abc.d"},
        {"b*.*", "b.TXT"},
    };
    unsigned i;
    DWORD err;
    const char *got;
    WIN32_FIND_DATAA fd;
    HANDLE h;
    static const char *files[] = {"a", "a.txt", "b.TXT", "ab", "abc", "abc.d", "x.txt", ".dot"};
    CreateDirectoryA(P("w"), NULL);
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        char n[MAX_PATH];
        snprintf(n, sizeof n, "w\\%s", files[i]);
        put_file(P(n), files[i]);
    }
    CreateDirectoryA(P("w\\sub1"), NULL);
    CreateDirectoryA(P("w\\sub2"), NULL);
    CreateDirectoryA(P("w\\sub1\\deep"), NULL);
    put_file(P("w\\sub1\\s1.txt"), "s1");
    put_file(P("w\\sub1\\deep\\d.txt"), "deeper");
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char pat[MAX_PATH];
        snprintf(pat, sizeof pat, "w\\%s", cases[i].pat);
        got = find_all(P(pat), &err);
        CHECK(!strcmp(got, cases[i].want) && err == ERROR_NO_MORE_FILES, "FindFirstFile(%s) = [%s] (%lu), want [%s]",
              cases[i].pat, got, err, cases[i].want);
    }
    got = find_all(P("w\\nomatch*"), &err);
    CHECK(!*got && err == ERROR_FILE_NOT_FOUND, "no match: %lu", err);
    got = find_all(P("nodir\\*"), &err);
    CHECK(!*got && err == ERROR_PATH_NOT_FOUND, "no directory: %lu", err);
    got = find_all(P("w\\"), &err);
    CHECK(!*got && err == ERROR_FILE_NOT_FOUND, "trailing backslash: %lu", err);
    got = find_all(P("w"), &err);
    CHECK(!strcmp(got, "w"), "the directory itself: %s", got);
    /* The data of an entry. */
    h = FindFirstFileA(P("w\\abc.d"), &fd);
    CHECK(h != INVALID_HANDLE_VALUE && fd.dwFileAttributes == FILE_ATTRIBUTE_ARCHIVE && fd.nFileSizeLow == 5 &&
              fd.nFileSizeHigh == 0,
          "entry data: %lx %lu", fd.dwFileAttributes, fd.nFileSizeLow);
    FindClose(h);
    h = FindFirstFileA(P("w\\.dot"), &fd);
    CHECK(h != INVALID_HANDLE_VALUE && fd.dwFileAttributes == (FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_HIDDEN),
          "a dot file is hidden: %lx", fd.dwFileAttributes);
    FindClose(h);
    h = FindFirstFileA(P("w\\sub1"), &fd);
    CHECK(h != INVALID_HANDLE_VALUE && fd.dwFileAttributes == FILE_ATTRIBUTE_DIRECTORY, "a directory: %lx",
          fd.dwFileAttributes);
    FindClose(h);
    /* FindFirstFileEx, basic information, limited to directories (a hint Windows may ignore). */
    {
        WIN32_FIND_DATAW fw;
        int dirs = 0;
        HANDLE e = FindFirstFileExW(PW(L"w\\*"), FindExInfoBasic, &fw, FindExSearchLimitToDirectories, NULL, 0);
        CHECK(e != INVALID_HANDLE_VALUE, "FindFirstFileEx: %lu", GetLastError());
        if (e != INVALID_HANDLE_VALUE) {
            do
                dirs += (fw.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
            while (FindNextFileW(e, &fw));
            FindClose(e);
        }
        CHECK(dirs == 4, "directories listed: %d", dirs);
    }
}

/* A recursive walk: files, directories and bytes below `dir`. */
static void walk(const char *dir, int *files, int *dirs, DWORD *bytes)
{
    char pat[MAX_PATH], sub[MAX_PATH];
    WIN32_FIND_DATAA fd;
    HANDLE h;
    snprintf(pat, sizeof pat, "%s\\*.*", dir);
    h = FindFirstFileA(pat, &fd);
    if (h == INVALID_HANDLE_VALUE)
        return;
    do {
        if (!strcmp(fd.cFileName, ".") || !strcmp(fd.cFileName, ".."))
            continue;
        snprintf(sub, sizeof sub, "%s\\%s", dir, fd.cFileName);
        if (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) {
            (*dirs)++;
            walk(sub, files, dirs, bytes);
        } else {
            (*files)++;
            *bytes += fd.nFileSizeLow;
        }
    } while (FindNextFileA(h, &fd));
    FindClose(h);
}

static void walks(void)
{
    int files = 0, dirs = 0;
    DWORD bytes = 0;
    walk(P("w"), &files, &dirs, &bytes);
    CHECK(files == 10 && dirs == 3 && bytes == 1 + 5 + 5 + 2 + 3 + 5 + 5 + 4 + 2 + 6, "walk: %d files, %d dirs, %lu bytes",
          files, dirs, bytes);
    /* The same directory through a handle: FileIdBothDirectoryInfo. */
    {
        HANDLE d = CreateFileA(P("w"), FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
                               FILE_FLAG_BACKUP_SEMANTICS, NULL);
        static LONGLONG buf[1024];
        int n = 0, sawsub = 0;
        CHECK(d != INVALID_HANDLE_VALUE, "directory handle: %lu", GetLastError());
        while (GetFileInformationByHandleEx(d, FileIdBothDirectoryInfo, buf, sizeof buf)) {
            FILE_ID_BOTH_DIR_INFO *e = (FILE_ID_BOTH_DIR_INFO *)buf;
            for (;;) {
                n++;
                if (e->FileNameLength == 8 && !wcsncmp(e->FileName, L"sub1", 4))
                    sawsub = (e->FileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
                if (!e->NextEntryOffset)
                    break;
                e = (FILE_ID_BOTH_DIR_INFO *)((char *)e + e->NextEntryOffset);
            }
        }
        CHECK(GetLastError() == ERROR_NO_MORE_FILES, "end of listing: %lu", GetLastError());
        CHECK(n == 12 && sawsub, "listed %d entries", n);
        n = 0;
        CHECK(GetFileInformationByHandleEx(d, FileIdBothDirectoryRestartInfo, buf, sizeof buf), "restart");
        CloseHandle(d);
    }
}

static LONGLONG ft64(FILETIME f)
{
    return (LONGLONG)f.dwHighDateTime << 32 | f.dwLowDateTime;
}

static void attributes_and_times(void)
{
    const char *f = P("attr.txt");
    WIN32_FILE_ATTRIBUTE_DATA ad;
    FILETIME wt, at, ct, w2, a2;
    HANDLE h;
    FILE_BASIC_INFO basic;
    FILE_STANDARD_INFO std;
    put_file(f, "twelve bytes");
    CHECK(GetFileAttributesA(f) == FILE_ATTRIBUTE_ARCHIVE, "file: %lx", GetFileAttributesA(f));
    CHECK(GetFileAttributesA(scratch) == FILE_ATTRIBUTE_DIRECTORY, "directory: %lx", GetFileAttributesA(scratch));
    CHECK(SetFileAttributesA(f, FILE_ATTRIBUTE_READONLY), "set read-only");
    CHECK(GetFileAttributesA(f) == (FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_ARCHIVE), "read-only: %lx", GetFileAttributesA(f));
    CHECK(SetFileAttributesA(f, FILE_ATTRIBUTE_NORMAL), "set normal");
    CHECK(GetFileAttributesA(f) == FILE_ATTRIBUTE_ARCHIVE, "normal: %lx", GetFileAttributesA(f));
    SetLastError(0);
    CHECK(GetFileAttributesA(P("none")) == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_FILE_NOT_FOUND, "missing");
    SetLastError(0);
    CHECK(GetFileAttributesA(P("none\\x")) == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_PATH_NOT_FOUND,
          "missing directory");
    SetLastError(0);
    CHECK(GetFileAttributesA(P("attr.txt\\x")) == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_PATH_NOT_FOUND,
          "file as a directory: %lu", GetLastError());
    SetLastError(0);
    CHECK(GetFileAttributesA(P("w\\*")) == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_INVALID_NAME, "wildcard: %lu",
          GetLastError());
    CHECK(GetFileAttributesA(P("w\\")) == FILE_ATTRIBUTE_DIRECTORY, "directory with a backslash");
    CHECK(GetFileAttributesA(P("ATTR.TXT")) == FILE_ATTRIBUTE_ARCHIVE, "by another case");
    CHECK(GetFileAttributesExA(f, GetFileExInfoStandard, &ad) && ad.nFileSizeLow == 12 &&
              ad.dwFileAttributes == FILE_ATTRIBUTE_ARCHIVE,
          "GetFileAttributesEx");
    /* Times: set, read back by handle, by name, by listing. */
    wt.dwHighDateTime = 0x01c08d6e; /* early 2001 */
    wt.dwLowDateTime = 0x12345670;
    at.dwHighDateTime = 0x01c1a000;
    at.dwLowDateTime = 0x00000010;
    h = CreateFileA(f, FILE_WRITE_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "open for attributes: %lu", GetLastError());
    CHECK(SetFileTime(h, NULL, &at, &wt), "SetFileTime: %lu", GetLastError());
    CloseHandle(h);
    h = CreateFileA(f, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(GetFileTime(h, &ct, &a2, &w2) && ft64(w2) == ft64(wt) && ft64(a2) == ft64(at), "times read back: %llx %llx",
          ft64(w2), ft64(a2));
    SetLastError(0);
    /* WINE: allowed; Windows: ERROR_ACCESS_DENIED (it needs FILE_WRITE_ATTRIBUTES). */
    CHECK(is_wine() || (!SetFileTime(h, NULL, NULL, &wt) && GetLastError() == ERROR_ACCESS_DENIED),
          "SetFileTime on a read handle: %lu", GetLastError());
    CHECK(GetFileInformationByHandleEx(h, FileBasicInfo, &basic, sizeof basic) && basic.LastWriteTime.QuadPart == ft64(wt) &&
              basic.FileAttributes == FILE_ATTRIBUTE_ARCHIVE,
          "FileBasicInfo");
    CHECK(GetFileInformationByHandleEx(h, FileStandardInfo, &std, sizeof std) && std.EndOfFile.QuadPart == 12 &&
              std.NumberOfLinks == 1 && !std.Directory && !std.DeletePending,
          "FileStandardInfo");
    SetLastError(0);
    CHECK(!GetFileInformationByHandleEx(h, FileBasicInfo, &basic, 8) && GetLastError() == ERROR_BAD_LENGTH,
          "short buffer: %lu", GetLastError());
    {
        char nb[sizeof(FILE_NAME_INFO) + MAX_PATH * 2];
        FILE_NAME_INFO *ni = (FILE_NAME_INFO *)nb;
        WCHAR tail[MAX_PATH];
        int len;
        CHECK(GetFileInformationByHandleEx(h, FileNameInfo, ni, sizeof nb), "FileNameInfo: %lu", GetLastError());
        len = ni->FileNameLength / 2;
        _snwprintf(tail, MAX_PATH, L"%ls\\attr.txt", wscratch + 2);
        CHECK(len == (int)wcslen(tail) && !wcsncmp(ni->FileName, tail, len), "name: %.*ls", len, ni->FileName);
        SetLastError(0);
        CHECK(!GetFileInformationByHandleEx(h, FileNameInfo, ni, sizeof(FILE_NAME_INFO) + 4) && GetLastError() == ERROR_MORE_DATA,
              "short name buffer: %lu", GetLastError());
    }
    CloseHandle(h);
    CHECK(GetFileAttributesExA(f, GetFileExInfoStandard, &ad) && ft64(ad.ftLastWriteTime) == ft64(wt), "by name");
    {
        WIN32_FIND_DATAA fd;
        HANDLE fh = FindFirstFileA(f, &fd);
        CHECK(fh != INVALID_HANDLE_VALUE && ft64(fd.ftLastWriteTime) == ft64(wt), "by listing");
        FindClose(fh);
    }
    /* SetFileInformationByHandle: times and size. */
    h = CreateFileA(f, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    {
        FILE_END_OF_FILE_INFO eof;
        eof.EndOfFile.QuadPart = 4;
        CHECK(SetFileInformationByHandle(h, FileEndOfFileInfo, &eof, sizeof eof) && GetFileSize(h, NULL) == 4,
              "set FileEndOfFileInfo");
    }
    memset(&basic, 0, sizeof basic);
    basic.LastWriteTime.QuadPart = ft64(wt) + 10000000;
    CHECK(SetFileInformationByHandle(h, FileBasicInfo, &basic, sizeof basic), "set FileBasicInfo: %lu", GetLastError());
    CHECK(GetFileTime(h, NULL, NULL, &w2) && ft64(w2) == ft64(wt) + 10000000, "write time set by handle");
    CloseHandle(h);
    CHECK(file_is(f, "twel"), "cut to 4 bytes");
    /* Hidden: a dot file. */
    put_file(P(".hidden"), "h");
    CHECK(GetFileAttributesA(P(".hidden")) == (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_ARCHIVE), "hidden: %lx",
          GetFileAttributesA(P(".hidden")));
}

static void directories(void)
{
    SetLastError(0);
    CHECK(CreateDirectoryA(P("d1"), NULL), "create");
    CHECK(!CreateDirectoryA(P("d1"), NULL) && GetLastError() == ERROR_ALREADY_EXISTS, "exists: %lu", GetLastError());
    CHECK(!CreateDirectoryA(P("D1"), NULL) && GetLastError() == ERROR_ALREADY_EXISTS, "exists in another case");
    CHECK(!CreateDirectoryA(P("nodir\\d"), NULL) && GetLastError() == ERROR_PATH_NOT_FOUND, "no parent: %lu",
          GetLastError());
    CHECK(!CreateDirectoryA(P("attr.txt"), NULL) && GetLastError() == ERROR_ALREADY_EXISTS, "a file there");
    CHECK(CreateDirectoryExA(P("d1"), P("d2"), NULL), "CreateDirectoryEx");
    put_file(P("d1\\f"), "f");
    CHECK(!RemoveDirectoryA(P("d1")) && GetLastError() == ERROR_DIR_NOT_EMPTY, "not empty: %lu", GetLastError());
    CHECK(!RemoveDirectoryA(P("d1\\f")) && GetLastError() == ERROR_DIRECTORY, "a file: %lu", GetLastError());
    CHECK(!DeleteFileA(P("d2")) && GetLastError() == ERROR_ACCESS_DENIED, "DeleteFile on a directory: %lu",
          GetLastError());
    CHECK(!SetCurrentDirectoryA(P("d1\\f")) && GetLastError() == ERROR_DIRECTORY, "cd to a file: %lu", GetLastError());
    CHECK(DeleteFileA(P("d1\\F")) && RemoveDirectoryA(P("D1")), "empty it and remove it");
    CHECK(!RemoveDirectoryA(P("d1")) && GetLastError() == ERROR_FILE_NOT_FOUND, "gone: %lu", GetLastError());
    CHECK(RemoveDirectoryA(P("d2")), "remove d2");
}

static void volumes(void)
{
    char label[64], fs[64], buf[256];
    DWORD serial, maxc, flags, drives, n;
    ULARGE_INTEGER caller, total, free_;
    BY_HANDLE_FILE_INFORMATION bi;
    HANDLE h;
    int letter;
    CHECK(GetVolumeInformationA("C:\\", label, sizeof label, &serial, &maxc, &flags, fs, sizeof fs), "volume C: %lu",
          GetLastError());
    CHECK(maxc == 255 && fs[0], "max component %lu, file system %s", maxc, fs);
    SetLastError(0);
    CHECK(!GetVolumeInformationA("C:\\windows\\", NULL, 0, NULL, NULL, NULL, NULL, 0) && GetLastError() == ERROR_DIR_NOT_ROOT,
          "not a root: %lu", GetLastError());
    h = CreateFileA(P("attr.txt"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(GetFileInformationByHandle(h, &bi) && bi.dwVolumeSerialNumber == serial, "the same serial number: %lx %lx",
          bi.dwVolumeSerialNumber, serial);
    {
        DWORD s2 = 0;
        CHECK(GetVolumeInformationByHandleW(h, NULL, 0, &s2, NULL, NULL, NULL, 0) && s2 == serial, "by handle: %lx", s2);
    }
    CloseHandle(h);
    CHECK(GetDriveTypeA("C:\\") == DRIVE_FIXED && GetDriveTypeA("Z:\\") == DRIVE_FIXED, "fixed drives");
    drives = GetLogicalDrives();
    CHECK((drives & (1 << 2)) && (drives & (1 << 25)), "C: and Z:: %lx", drives);
    for (letter = 'D'; letter < 'Y' && (drives & (1 << (letter - 'A'))); letter++)
        ;
    {
        char root[] = "?:\\";
        root[0] = (char)letter;
        CHECK(GetDriveTypeA(root) == DRIVE_NO_ROOT_DIR, "no drive %s", root);
    }
    n = GetLogicalDriveStringsA(sizeof buf, buf);
    CHECK(n > 0 && n < sizeof buf && !strcmp(buf, "C:\\"), "drive strings %lu: %s", n, buf);
    {
        char *p = buf;
        int found = 0;
        while (*p) {
            found |= !strcmp(p, "Z:\\");
            p += strlen(p) + 1;
        }
        CHECK(found && (DWORD)(p - buf) == n, "Z:\\ listed");
    }
    CHECK(GetDiskFreeSpaceExA(scratch, &caller, &total, &free_) && total.QuadPart >= free_.QuadPart &&
              free_.QuadPart >= caller.QuadPart && total.QuadPart > 0,
          "free space");
    {
        DWORD spc, bps, fc, tc;
        CHECK(GetDiskFreeSpaceA("C:\\", &spc, &bps, &fc, &tc) && bps >= 512 && tc >= fc, "clusters");
    }
}

static void final_paths_and_temp(void)
{
    WCHAR buf[MAX_PATH * 2], want[MAX_PATH * 2];
    char tmp[MAX_PATH], name[MAX_PATH];
    HANDLE h = CreateFileW(PW(L"ATTR.TXT"), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
    DWORD n = GetFinalPathNameByHandleW(h, buf, MAX_PATH * 2, 0);
    UINT u;
    _snwprintf(want, MAX_PATH * 2, L"\\\\?\\%ls\\attr.txt", wscratch);
    CHECK(n == wcslen(want) && !wcscmp(buf, want), "final path %ls", buf);
    n = GetFinalPathNameByHandleW(h, buf, MAX_PATH * 2, VOLUME_NAME_NONE);
    CHECK(!wcscmp(buf, want + 6), "without the volume: %ls", buf);
    CHECK(GetFinalPathNameByHandleW(h, buf, 3, 0) == wcslen(want) + 1, "size query");
    CloseHandle(h);
    n = GetTempPathA(sizeof tmp, tmp);
    CHECK(n > 3 && tmp[n - 1] == '\\' && (GetFileAttributesA(tmp) & FILE_ATTRIBUTE_DIRECTORY), "temp path %s", tmp);
    u = GetTempFileNameA(scratch, "wrstemp", 0, name);
    CHECK(u != 0 && exists(name), "temp file %s", name);
    {
        char want8[MAX_PATH];
        snprintf(want8, sizeof want8, "%s\\wrs%x.tmp", scratch, u);
        CHECK(!_stricmp(name, want8), "temp name %s, want %s", name, want8);
    }
    u = GetTempFileNameA(scratch, "ab", 0x1234f, name);
    CHECK(u == 0x234f && !exists(name), "named, not made: %u %s", u, name);
    n = GetWindowsDirectoryA(tmp, sizeof tmp);
    CHECK(n == 10 && !_stricmp(tmp, "C:\\windows"), "windows %s", tmp);
    n = GetSystemDirectoryA(tmp, sizeof tmp);
    CHECK(!_stricmp(tmp, "C:\\windows\\system32"), "system %s", tmp);
    CHECK(GetSystemDirectoryA(tmp, 3) == 20, "size query");
    {
        DWORD hi = 0, sz = GetCompressedFileSizeA(P("attr.txt"), &hi);
        /* WINE: the allocated size (0 for a small file); Windows: the size (4). */
        CHECK(sz != INVALID_FILE_SIZE && hi == 0 && (sz == 4 || is_wine()), "compressed size %lu", sz);
    }
}

int main(void)
{
    make_scratch("dirs");
    wildcards();
    walks();
    attributes_and_times();
    directories();
    volumes();
    final_paths_and_temp();
    SetCurrentDirectoryA("C:\\");
    remove_tree(scratch);
    return check_report();
}
