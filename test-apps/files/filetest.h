/* filetest.h - shared by the file test apps of test-apps/files/: a scratch directory under
 * GetTempPath (the same code runs under Wine and wine-rs, so both work inside their prefix's
 * temporary directory), small file helpers, and is_wine() for the few documented places
 * where Wine (the oracle) and Windows differ. */
#ifndef WINE_RS_FILETEST_H
#define WINE_RS_FILETEST_H

#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include "check.h"

#define FT_UNUSED __attribute__((unused))

static char scratch[MAX_PATH];
static WCHAR wscratch[MAX_PATH];

/* Running under Wine (ntdll exports wine_get_version)? */
FT_UNUSED static int is_wine(void)
{
    return GetProcAddress(GetModuleHandleA("ntdll.dll"), "wine_get_version") != NULL;
}

/* scratch\rel, in one of 8 rotating buffers. */
FT_UNUSED static const char *P(const char *rel)
{
    static char bufs[8][MAX_PATH * 2];
    static int i;
    char *b = bufs[i++ & 7];
    snprintf(b, MAX_PATH * 2, "%s\\%s", scratch, rel);
    return b;
}

/* The same for wide names. */
FT_UNUSED static const WCHAR *PW(const WCHAR *rel)
{
    static WCHAR bufs[8][MAX_PATH * 2];
    static int i;
    WCHAR *b = bufs[i++ & 7];
    _snwprintf(b, MAX_PATH * 2, L"%ls\\%ls", wscratch, rel);
    return b;
}

/* Delete a directory tree (clearing read-only attributes first), long paths included. */
static void remove_tree_w(const WCHAR *dir)
{
    WCHAR pat[1100], sub[1100];
    WIN32_FIND_DATAW fd;
    HANDLE h;
    _snwprintf(pat, 1100, L"%ls\\*", dir);
    h = FindFirstFileW(pat, &fd);
    if (h != INVALID_HANDLE_VALUE) {
        do {
            if (!wcscmp(fd.cFileName, L".") || !wcscmp(fd.cFileName, L".."))
                continue;
            _snwprintf(sub, 1100, L"%ls\\%ls", dir, fd.cFileName);
            SetFileAttributesW(sub, FILE_ATTRIBUTE_NORMAL);
            if (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
                remove_tree_w(sub);
            else
                DeleteFileW(sub);
        } while (FindNextFileW(h, &fd));
        FindClose(h);
    }
    RemoveDirectoryW(dir);
}

FT_UNUSED static void remove_tree(const char *dir)
{
    WCHAR w[1100] = L"\\\\?\\";
    MultiByteToWideChar(CP_ACP, 0, dir, -1, w + 4, 1000);
    remove_tree_w(w);
}

/* A fresh scratch directory: <temp>\wrs-<tag>-<pid>. */
FT_UNUSED static void make_scratch(const char *tag)
{
    char tmp[MAX_PATH];
    GetTempPathA(MAX_PATH, tmp);
    snprintf(scratch, sizeof scratch, "%swrs-%s-%lu", tmp, tag, GetCurrentProcessId());
    remove_tree(scratch);
    CHECK(CreateDirectoryA(scratch, NULL), "scratch %s: %lu", scratch, GetLastError());
    MultiByteToWideChar(CP_ACP, 0, scratch, -1, wscratch, MAX_PATH);
}

/* Create (or replace) a file with these contents. */
FT_UNUSED static BOOL put_file(const char *name, const char *data)
{
    DWORD n;
    BOOL ok;
    HANDLE h = CreateFileA(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return FALSE;
    ok = WriteFile(h, data, (DWORD)strlen(data), &n, NULL);
    CloseHandle(h);
    return ok;
}

/* The contents of a file (NUL-terminated in buf), or -1. */
FT_UNUSED static int get_file(const char *name, char *buf, int size)
{
    DWORD n = 0;
    HANDLE h = CreateFileA(name, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return -1;
    if (!ReadFile(h, buf, size - 1, &n, NULL))
        n = 0;
    buf[n] = 0;
    CloseHandle(h);
    return (int)n;
}

/* Does the file hold exactly `data`? */
FT_UNUSED static int file_is(const char *name, const char *data)
{
    char buf[4096];
    return get_file(name, buf, sizeof buf) == (int)strlen(data) && !strcmp(buf, data);
}

FT_UNUSED static int exists(const char *name)
{
    return GetFileAttributesA(name) != INVALID_FILE_ATTRIBUTES;
}

#endif
