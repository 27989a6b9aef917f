/* mapping.c - file mappings: two views of a file sharing data, views agreeing with ReadFile
 * and WriteFile, sections larger than the file, copy-on-write views, named page-file sections
 * shared through OpenFileMapping, flushing and unmapping, alignment and access errors. */
#include "filetest.h"

int main(void)
{
    HANDLE h, s, s2, r;
    unsigned char *a, *b, *c;
    char buf[16];
    DWORD n, i;
    static char block[65536 * 2];
    make_scratch("mapping");
    for (i = 0; i < sizeof block; i++)
        block[i] = (char)(i % 251);
    h = CreateFileA(P("m.bin"), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, CREATE_ALWAYS, 0, NULL);
    SetLastError(0);
    s = CreateFileMappingA(h, NULL, PAGE_READWRITE, 0, 0, NULL);
    CHECK(s == NULL && GetLastError() == ERROR_FILE_INVALID, "an empty file: %lu", GetLastError());
    WriteFile(h, block, sizeof block, &n, NULL);
    s = CreateFileMappingA(h, NULL, PAGE_READWRITE, 0, 0, NULL);
    CHECK(s != NULL, "CreateFileMapping: %lu", GetLastError());
    a = MapViewOfFile(s, FILE_MAP_WRITE, 0, 0, 0);
    b = MapViewOfFile(s, FILE_MAP_READ, 0, 65536, 100);
    CHECK(a && b, "two views: %lu", GetLastError());
    CHECK(((ULONG_PTR)a & 0xffff) == 0 && ((ULONG_PTR)b & 0xffff) == 0, "at 64 KiB boundaries: %p %p", a, b);
    CHECK(a[65536 + 7] == (unsigned char)((65536 + 7) % 251) && b[7] == a[65536 + 7], "the file's data");
    a[65536 + 5] = 0xAB;
    CHECK(b[5] == 0xAB, "two views share data");
    {
        OVERLAPPED ov;
        memset(&ov, 0, sizeof ov);
        ov.Offset = 65536 + 5;
        CHECK(ReadFile(h, buf, 1, &n, &ov) && (unsigned char)buf[0] == 0xAB, "ReadFile sees the view's write");
        ov.Offset = 3;
        CHECK(WriteFile(h, "\x42", 1, &n, &ov) && a[3] == 0x42, "the view sees WriteFile's");
    }
    CHECK(FlushViewOfFile(a + 65536, 16), "FlushViewOfFile");
    /* A file mapped by a section cannot be cut. */
    SetFilePointer(h, 10, NULL, FILE_BEGIN);
    SetLastError(0);
    CHECK(!SetEndOfFile(h) && GetLastError() == ERROR_USER_MAPPED_FILE, "cut a mapped file: %lu", GetLastError());
    /* Errors. */
    SetLastError(0);
    CHECK(!MapViewOfFile(s, FILE_MAP_READ, 0, 4096, 0) && GetLastError() == ERROR_MAPPED_ALIGNMENT, "unaligned: %lu",
          GetLastError());
    SetLastError(0);
    CHECK(!MapViewOfFile(s, FILE_MAP_READ, 0, 0, sizeof block + 65536) && GetLastError() == ERROR_ACCESS_DENIED,
          "past the section: %lu", GetLastError());
    /* Views outlive the section handle. */
    CHECK(CloseHandle(s), "close the section");
    CHECK(b[5] == 0xAB, "the views stay");
    CHECK(UnmapViewOfFile(a) && UnmapViewOfFile(b), "unmap");
    {
        OVERLAPPED ov;
        memset(&ov, 0, sizeof ov);
        ov.Offset = 65536 + 5;
        CHECK(ReadFile(h, buf, 1, &n, &ov) && (unsigned char)buf[0] == 0xAB, "the data stays in the file");
    }
    /* A section larger than the file grows it. */
    s = CreateFileMappingA(h, NULL, PAGE_READWRITE, 0, 200000, NULL);
    CHECK(s && GetFileSize(h, NULL) == 200000, "the file grew to %lu", GetFileSize(h, NULL));
    c = MapViewOfFile(s, FILE_MAP_ALL_ACCESS, 0, 131072, 0);
    CHECK(c && c[100] == 0, "the new part reads zeros");
    /* A view at a chosen address. */
    UnmapViewOfFile(c);
    c = MapViewOfFileEx(s, FILE_MAP_READ, 0, 0, 4096, c);
    CHECK(c != NULL, "MapViewOfFileEx at a free address: %lu", GetLastError());
    UnmapViewOfFile(c);
    CloseHandle(s);
    /* Copy-on-write. */
    s = CreateFileMappingA(h, NULL, PAGE_WRITECOPY, 0, 0, NULL);
    c = MapViewOfFile(s, FILE_MAP_COPY, 0, 0, 0);
    CHECK(c != NULL, "copy-on-write view: %lu", GetLastError());
    if (c) {
        c[0] = 'X';
        CHECK(c[0] == 'X', "private change");
        UnmapViewOfFile(c);
    }
    CloseHandle(s);
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    CHECK(ReadFile(h, buf, 1, &n, NULL) && buf[0] == block[0], "the file is unchanged");
    CloseHandle(h);
    /* Read-only handles: read-only sections. */
    r = CreateFileA(P("m.bin"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    SetLastError(0);
    CHECK(!CreateFileMappingA(r, NULL, PAGE_READWRITE, 0, 0, NULL) && GetLastError() == ERROR_ACCESS_DENIED,
          "read-write section of a read handle: %lu", GetLastError());
    s = CreateFileMappingA(r, NULL, PAGE_READONLY, 0, 0, NULL);
    CHECK(s != NULL, "read-only section");
    SetLastError(0);
    CHECK(!MapViewOfFile(s, FILE_MAP_WRITE, 0, 0, 0) && GetLastError() == ERROR_ACCESS_DENIED, "writable view: %lu",
          GetLastError());
    a = MapViewOfFile(s, FILE_MAP_READ, 0, 0, 0);
    CHECK(a && a[65536 + 5] == 0xAB, "read-only view");
    UnmapViewOfFile(a);
    CloseHandle(s);
    CloseHandle(r);
    /* Named sections backed by the page file. */
    {
        char name[64];
        snprintf(name, sizeof name, "wrs-mapping-%lu", GetCurrentProcessId());
        s = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 8192, name);
        CHECK(s && GetLastError() == 0, "page-file section: %lu", GetLastError());
        s2 = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 8192, name);
        CHECK(s2 && GetLastError() == ERROR_ALREADY_EXISTS, "the same name: %lu", GetLastError());
        r = OpenFileMappingA(FILE_MAP_ALL_ACCESS, FALSE, name);
        CHECK(r != NULL, "OpenFileMapping: %lu", GetLastError());
        a = MapViewOfFile(s, FILE_MAP_WRITE, 0, 0, 0);
        b = MapViewOfFile(r, FILE_MAP_READ, 0, 0, 0);
        CHECK(a && b && a[100] == 0, "zero-filled");
        strcpy((char *)a + 100, "shared");
        CHECK(!strcmp((char *)b + 100, "shared"), "shared through the name");
        UnmapViewOfFile(a);
        UnmapViewOfFile(b);
        CloseHandle(s);
        CloseHandle(s2);
        CloseHandle(r);
        SetLastError(0);
        CHECK(!OpenFileMappingA(FILE_MAP_READ, FALSE, name) && GetLastError() == ERROR_FILE_NOT_FOUND, "gone with its handles: %lu",
              GetLastError());
        SetLastError(0);
        CHECK(!CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 0, NULL) &&
                  GetLastError() == ERROR_INVALID_PARAMETER,
              "page-file section of size 0: %lu", GetLastError());
    }
    remove_tree(scratch);
    return check_report();
}
