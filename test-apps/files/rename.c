/* rename.c - rename, replace, copy, link and delete semantics (deleting and renaming open
 * files included), and "no data lost": every failing call leaves the existing file
 * byte-identical (CREATE_NEW on an existing file, MoveFile onto an existing file without
 * MOVEFILE_REPLACE_EXISTING, writes to read-only files, sharing violations, ...). */
#include "filetest.h"

/* Wine running as root lets root write read-only files (Windows never does). */
static int wine_root(void)
{
    char user[64];
    return is_wine() && GetEnvironmentVariableA("USERNAME", user, sizeof user) && !strcmp(user, "root");
}

static void moves(void)
{
    char buf[64];
    put_file(P("a.txt"), "AAAA");
    CHECK(MoveFileA(P("a.txt"), P("b.txt")), "MoveFile: %lu", GetLastError());
    CHECK(!exists(P("a.txt")) && file_is(P("b.txt"), "AAAA"), "moved");
    put_file(P("c.txt"), "CCCC");
    SetLastError(0);
    CHECK(!MoveFileA(P("c.txt"), P("b.txt")) && GetLastError() == ERROR_ALREADY_EXISTS, "onto an existing file: %lu",
          GetLastError());
    CHECK(file_is(P("b.txt"), "AAAA") && file_is(P("c.txt"), "CCCC"), "no data lost: both as they were");
    SetLastError(0);
    CHECK(!MoveFileExA(P("c.txt"), P("B.TXT"), 0) && GetLastError() == ERROR_ALREADY_EXISTS, "onto another case: %lu",
          GetLastError());
    CHECK(MoveFileExA(P("c.txt"), P("b.txt"), MOVEFILE_REPLACE_EXISTING), "replace: %lu", GetLastError());
    CHECK(!exists(P("c.txt")) && file_is(P("b.txt"), "CCCC"), "replaced");
    /* Only the case changes. */
    CHECK(MoveFileA(P("b.txt"), P("B.TXT")), "case-only rename: %lu", GetLastError());
    {
        WIN32_FIND_DATAA fd;
        HANDLE f = FindFirstFileA(P("b.txt"), &fd);
        /* WINE: keeps the old case ("b.txt"); Windows renames. */
        CHECK(f != INVALID_HANDLE_VALUE && (!strcmp(fd.cFileName, "B.TXT") || is_wine()), "now %s", fd.cFileName);
        FindClose(f);
    }
    /* Errors. */
    SetLastError(0);
    CHECK(!MoveFileA(P("none.txt"), P("x.txt")) && GetLastError() == ERROR_FILE_NOT_FOUND, "missing source: %lu",
          GetLastError());
    SetLastError(0);
    CHECK(!MoveFileA(P("B.TXT"), P("nodir\\x.txt")) && GetLastError() == ERROR_PATH_NOT_FOUND, "missing directory: %lu",
          GetLastError());
    CreateDirectoryA(P("dir"), NULL);
    SetLastError(0);
    CHECK(!MoveFileExA(P("B.TXT"), P("dir"), MOVEFILE_REPLACE_EXISTING) && GetLastError() == ERROR_ACCESS_DENIED,
          "onto a directory: %lu", GetLastError());
    CHECK(file_is(P("B.TXT"), "CCCC"), "still there");
    /* Into a directory, and a directory with its contents. */
    CHECK(MoveFileA(P("B.TXT"), P("dir\\moved.txt")) && file_is(P("dir\\moved.txt"), "CCCC"), "into a directory");
    CHECK(MoveFileA(P("dir"), P("dir2")), "a directory: %lu", GetLastError());
    CHECK(file_is(P("dir2\\moved.txt"), "CCCC") && !exists(P("dir")), "contents moved along");
    (void)buf;
}

static void open_files(void)
{
    HANDLE h, h2;
    char buf[16];
    DWORD n;
    /* Deleting a file that is open. */
    put_file(P("open.txt"), "still readable");
    h = CreateFileA(P("open.txt"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    SetLastError(0);
    CHECK(!DeleteFileA(P("open.txt")) && GetLastError() == ERROR_SHARING_VIOLATION, "open without sharing delete: %lu",
          GetLastError());
    SetLastError(0);
    CHECK(!MoveFileA(P("open.txt"), P("moved.txt")) && GetLastError() == ERROR_SHARING_VIOLATION, "rename it: %lu",
          GetLastError());
    CloseHandle(h);
    CHECK(file_is(P("open.txt"), "still readable"), "no data lost");
    h = CreateFileA(P("open.txt"), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(DeleteFileA(P("open.txt")), "delete it open (shared for delete): %lu", GetLastError());
    memset(buf, 0, sizeof buf);
    CHECK(ReadFile(h, buf, sizeof buf - 1, &n, NULL) && n == 14 && !strcmp(buf, "still readable"), "the handle still reads");
    CloseHandle(h);
    CHECK(!exists(P("open.txt")) && GetLastError() == ERROR_FILE_NOT_FOUND, "gone after the last close");
    /* Renaming a file that is open (shared for delete): the handle follows. */
    put_file(P("ren.txt"), "renamed");
    h = CreateFileA(P("ren.txt"), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(MoveFileA(P("ren.txt"), P("ren2.txt")), "rename it open: %lu", GetLastError());
    {
        WCHAR fp[MAX_PATH * 2], want[MAX_PATH * 2];
        GetFinalPathNameByHandleW(h, fp, MAX_PATH * 2, 0);
        _snwprintf(want, MAX_PATH * 2, L"\\\\?\\%ls\\ren2.txt", wscratch);
        /* WINE: the name the handle was opened with; Windows: the current one. */
        CHECK(!wcscmp(fp, want) || is_wine(), "final path %ls", fp);
    }
    CHECK(ReadFile(h, buf, 7, &n, NULL) && n == 7 && !memcmp(buf, "renamed", 7), "reads on");
    CloseHandle(h);
    /* Rename and delete through the handle. */
    h = CreateFileA(P("ren2.txt"), GENERIC_READ | DELETE, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
    {
        char ri[sizeof(FILE_RENAME_INFO) + 64];
        FILE_RENAME_INFO *r = (FILE_RENAME_INFO *)ri;
        memset(ri, 0, sizeof ri);
        char big[sizeof(FILE_RENAME_INFO) + MAX_PATH * 2];
        FILE_RENAME_INFO *rn = (FILE_RENAME_INFO *)big;
        WCHAR nt[MAX_PATH];
        memset(ri, 0, sizeof ri);
        if (!is_wine()) {
            /* A bare name stays in the directory (WINE: not supported). */
            r->ReplaceIfExists = FALSE;
            r->FileNameLength = 8 * 2;
            memcpy(r->FileName, L"ren9.txt", 8 * 2);
            CHECK(SetFileInformationByHandle(h, FileRenameInfo, r, sizeof ri), "FileRenameInfo: %lu", GetLastError());
            CHECK(exists(P("ren9.txt")) && !exists(P("ren2.txt")), "renamed by handle");
        }
        /* An NT path. */
        _snwprintf(nt, MAX_PATH, L"\\??\\%ls\\ren3.txt", wscratch);
        memset(big, 0, sizeof big);
        rn->ReplaceIfExists = FALSE;
        rn->FileNameLength = (DWORD)wcslen(nt) * 2;
        memcpy(rn->FileName, nt, rn->FileNameLength);
        CHECK(SetFileInformationByHandle(h, FileRenameInfo, rn, sizeof big), "FileRenameInfo, NT path: %lu", GetLastError());
        CHECK(exists(P("ren3.txt")) && !exists(P("ren2.txt")) && !exists(P("ren9.txt")), "renamed by handle");
    }
    {
        FILE_DISPOSITION_INFO d = {TRUE};
        CHECK(SetFileInformationByHandle(h, FileDispositionInfo, &d, sizeof d), "FileDispositionInfo: %lu", GetLastError());
    }
    CloseHandle(h);
    CHECK(!exists(P("ren3.txt")), "deleted on close");
    /* Without DELETE access there is no rename by handle. */
    put_file(P("nodel.txt"), "x");
    h2 = CreateFileA(P("nodel.txt"), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
    {
        FILE_DISPOSITION_INFO d = {TRUE};
        SetLastError(0);
        CHECK(!SetFileInformationByHandle(h2, FileDispositionInfo, &d, sizeof d) && GetLastError() == ERROR_ACCESS_DENIED,
              "disposition without DELETE: %lu", GetLastError());
    }
    CloseHandle(h2);
    CHECK(exists(P("nodel.txt")), "kept");
}

static DWORD CALLBACK cancel_progress(LARGE_INTEGER total, LARGE_INTEGER done, LARGE_INTEGER st, LARGE_INTEGER sd,
                                      DWORD stream, DWORD reason, HANDLE src, HANDLE dst, LPVOID data)
{
    (*(int *)data)++;
    return PROGRESS_CANCEL;
}

static DWORD CALLBACK count_progress(LARGE_INTEGER total, LARGE_INTEGER done, LARGE_INTEGER st, LARGE_INTEGER sd,
                                     DWORD stream, DWORD reason, HANDLE src, HANDLE dst, LPVOID data)
{
    (*(int *)data)++;
    return PROGRESS_CONTINUE;
}

static void copies(void)
{
    WIN32_FILE_ATTRIBUTE_DATA a, b;
    int calls = 0;
    put_file(P("src.txt"), "source");
    CHECK(CopyFileA(P("src.txt"), P("dst.txt"), TRUE), "CopyFile: %lu", GetLastError());
    CHECK(file_is(P("dst.txt"), "source") && file_is(P("src.txt"), "source"), "copied");
    CHECK(GetFileAttributesExA(P("src.txt"), GetFileExInfoStandard, &a) &&
              GetFileAttributesExA(P("dst.txt"), GetFileExInfoStandard, &b) &&
              !CompareFileTime(&a.ftLastWriteTime, &b.ftLastWriteTime),
          "the last write time is copied");
    put_file(P("dst.txt"), "precious");
    SetLastError(0);
    CHECK(!CopyFileA(P("src.txt"), P("dst.txt"), TRUE) && GetLastError() == ERROR_FILE_EXISTS, "fail if exists: %lu",
          GetLastError());
    CHECK(file_is(P("dst.txt"), "precious"), "no data lost");
    CHECK(CopyFileA(P("src.txt"), P("DST.TXT"), FALSE) && file_is(P("dst.txt"), "source"), "overwrite");
    SetLastError(0);
    CHECK(!CopyFileA(P("none.txt"), P("x.txt"), FALSE) && GetLastError() == ERROR_FILE_NOT_FOUND, "missing source: %lu",
          GetLastError());
    /* WINE: never calls the progress routine; Windows does (and honours PROGRESS_CANCEL). */
    CHECK(CopyFileExA(P("src.txt"), P("ex.txt"), count_progress, &calls, NULL, COPY_FILE_FAIL_IF_EXISTS) &&
              (calls > 0 || is_wine()) && file_is(P("ex.txt"), "source"),
          "CopyFileEx with progress (%d calls)", calls);
    if (!is_wine()) {
        calls = 0;
        SetLastError(0);
        CHECK(!CopyFileExA(P("src.txt"), P("cancel.txt"), cancel_progress, &calls, NULL, 0) &&
                  GetLastError() == ERROR_REQUEST_ABORTED && calls == 1,
              "cancelled: %lu", GetLastError());
        CHECK(!exists(P("cancel.txt")), "nothing left by a cancelled copy");
    }
    {
        /* WINE 8: no CopyFile2. */
        typedef HRESULT(WINAPI * copyfile2_t)(PCWSTR, PCWSTR, COPYFILE2_EXTENDED_PARAMETERS *);
        copyfile2_t cf2 = (copyfile2_t)GetProcAddress(GetModuleHandleA("kernel32.dll"), "CopyFile2");
        COPYFILE2_EXTENDED_PARAMETERS p = {sizeof p, COPY_FILE_FAIL_IF_EXISTS};
        if (cf2) {
            CHECK(cf2(PW(L"src.txt"), PW(L"c2.txt"), &p) == S_OK && file_is(P("c2.txt"), "source"), "CopyFile2");
            CHECK(cf2(PW(L"src.txt"), PW(L"c2.txt"), &p) == HRESULT_FROM_WIN32(ERROR_FILE_EXISTS), "CopyFile2 exists");
        } else {
            CHECK(is_wine(), "CopyFile2 exported");
        }
    }
}

static void replaces_and_links(void)
{
    HANDLE h;
    BY_HANDLE_FILE_INFORMATION bi;
    DWORD n;
    put_file(P("doc.txt"), "old version");
    put_file(P("doc.new"), "new version");
    CHECK(ReplaceFileA(P("doc.txt"), P("doc.new"), P("doc.bak"), 0, NULL, NULL), "ReplaceFile: %lu", GetLastError());
    CHECK(file_is(P("doc.txt"), "new version") && file_is(P("doc.bak"), "old version") && !exists(P("doc.new")),
          "replaced, with a backup");
    put_file(P("doc.new"), "newer");
    CHECK(ReplaceFileA(P("doc.txt"), P("doc.new"), NULL, 0, NULL, NULL) && file_is(P("doc.txt"), "newer"), "no backup");
    SetLastError(0);
    CHECK(!ReplaceFileA(P("none.txt"), P("doc.bak"), NULL, 0, NULL, NULL) && GetLastError() == ERROR_FILE_NOT_FOUND,
          "missing replaced: %lu", GetLastError());
    SetLastError(0);
    CHECK(!ReplaceFileA(P("doc.txt"), P("none.txt"), NULL, 0, NULL, NULL) && GetLastError() == ERROR_FILE_NOT_FOUND,
          "missing replacement: %lu", GetLastError());
    CHECK(file_is(P("doc.txt"), "newer") && file_is(P("doc.bak"), "old version"), "no data lost");
    /* Hard links. */
    CHECK(CreateHardLinkA(P("link.txt"), P("doc.txt"), NULL), "CreateHardLink: %lu", GetLastError());
    CHECK(file_is(P("link.txt"), "newer"), "the same data");
    h = CreateFileA(P("link.txt"), GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(WriteFile(h, "NEW", 3, &n, NULL), "write through one name");
    CHECK(GetFileInformationByHandle(h, &bi) && bi.nNumberOfLinks == 2, "two links: %lu", bi.nNumberOfLinks);
    CloseHandle(h);
    CHECK(file_is(P("doc.txt"), "NEWer"), "seen through the other");
    SetLastError(0);
    CHECK(!CreateHardLinkA(P("link.txt"), P("doc.txt"), NULL) && GetLastError() == ERROR_ALREADY_EXISTS, "exists: %lu",
          GetLastError());
    CHECK(DeleteFileA(P("doc.txt")) && file_is(P("link.txt"), "NEWer"), "the other name keeps the data");
}

static void no_data_lost(void)
{
    HANDLE h, h2;
    DWORD n;
    const char *f = P("keep.txt");
    put_file(f, "keep me exactly");
    /* CREATE_NEW on an existing file. */
    h = CreateFileA(f, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_EXISTS, "CREATE_NEW: %lu", GetLastError());
    CHECK(file_is(f, "keep me exactly"), "CREATE_NEW left it");
    /* A sharing violation: truncating or writing while another handle denies writes. */
    h = CreateFileA(f, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    h2 = CreateFileA(f, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, CREATE_ALWAYS, 0, NULL);
    CHECK(h2 == INVALID_HANDLE_VALUE && GetLastError() == ERROR_SHARING_VIOLATION, "CREATE_ALWAYS shared: %lu",
          GetLastError());
    h2 = CreateFileA(f, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, TRUNCATE_EXISTING, 0, NULL);
    CHECK(h2 == INVALID_HANDLE_VALUE && GetLastError() == ERROR_SHARING_VIOLATION, "TRUNCATE_EXISTING shared: %lu",
          GetLastError());
    h2 = CreateFileA(f, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h2 == INVALID_HANDLE_VALUE && GetLastError() == ERROR_SHARING_VIOLATION, "open for writing: %lu", GetLastError());
    h2 = CreateFileA(f, GENERIC_READ, FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h2 == INVALID_HANDLE_VALUE && GetLastError() == ERROR_SHARING_VIOLATION, "not sharing the reader's read: %lu",
          GetLastError());
    /* A write through a read-only handle. */
    SetLastError(0);
    CHECK(!WriteFile(h, "XXXX", 4, &n, NULL) && GetLastError() == ERROR_ACCESS_DENIED, "write on a read handle: %lu",
          GetLastError());
    CHECK(!SetEndOfFile(h), "SetEndOfFile on a read handle");
    CloseHandle(h);
    CHECK(file_is(f, "keep me exactly"), "the sharing violations left it");
    /* MoveFile onto it without MOVEFILE_REPLACE_EXISTING. */
    put_file(P("other.txt"), "other");
    CHECK(!MoveFileExA(P("other.txt"), f, 0) && GetLastError() == ERROR_ALREADY_EXISTS, "MoveFileEx: %lu", GetLastError());
    CHECK(!CopyFileA(P("other.txt"), f, TRUE) && GetLastError() == ERROR_FILE_EXISTS, "CopyFile: %lu", GetLastError());
    CHECK(!CreateDirectoryA(f, NULL) && GetLastError() == ERROR_ALREADY_EXISTS, "CreateDirectory: %lu", GetLastError());
    CHECK(!RemoveDirectoryA(f) && GetLastError() == ERROR_DIRECTORY, "RemoveDirectory: %lu", GetLastError());
    CHECK(file_is(f, "keep me exactly") && file_is(P("other.txt"), "other"), "the refused moves left both");
    /* A read-only file: no writing, truncating, replacing or deleting. */
    CHECK(SetFileAttributesA(f, FILE_ATTRIBUTE_READONLY), "make it read-only");
    if (!wine_root()) {
        /* WINE as root writes, replaces and truncates read-only files (root may, on Unix);
         * Windows never does. */
        SetLastError(0);
        CHECK(!MoveFileExA(P("other.txt"), f, MOVEFILE_REPLACE_EXISTING) && GetLastError() == ERROR_ACCESS_DENIED,
              "replace a read-only file: %lu", GetLastError());
        SetLastError(0);
        CHECK(!CopyFileA(P("other.txt"), f, FALSE) && GetLastError() == ERROR_ACCESS_DENIED, "copy onto it: %lu",
              GetLastError());
        h = CreateFileA(f, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
        CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_ACCESS_DENIED, "open a read-only file for writing: %lu",
              GetLastError());
        h = CreateFileA(f, GENERIC_READ, 0, NULL, CREATE_ALWAYS, 0, NULL);
        CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_ACCESS_DENIED, "CREATE_ALWAYS on it: %lu",
              GetLastError());
        h = CreateFileA(f, GENERIC_WRITE, 0, NULL, TRUNCATE_EXISTING, 0, NULL);
        CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_ACCESS_DENIED, "TRUNCATE_EXISTING on it: %lu",
              GetLastError());
        SetLastError(0);
        CHECK(!DeleteFileA(f) && GetLastError() == ERROR_ACCESS_DENIED, "delete it: %lu", GetLastError());
    }
    CHECK(file_is(f, "keep me exactly") && GetFileAttributesA(f) == (FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_ARCHIVE),
          "the read-only file is intact");
    CHECK(SetFileAttributesA(f, FILE_ATTRIBUTE_NORMAL) && DeleteFileA(f), "writable again, deleted");
}

int main(void)
{
    make_scratch("rename");
    moves();
    open_files();
    copies();
    replaces_and_links();
    no_data_lost();
    remove_tree(scratch);
    return check_report();
}
