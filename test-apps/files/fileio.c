/* fileio.c - file I/O round trips: dispositions, reading and writing, extending a file past
 * its end (by seeking and writing, and with SetEndOfFile) and truncating it, OVERLAPPED
 * offsets on synchronous handles, append-only handles, sizes and positions, file types,
 * access rights, delete-on-close, a 4 MiB round trip. Expectations are Wine 8's. */
#include "filetest.h"

static HANDLE open_rw(const char *name, DWORD disp)
{
    return CreateFileA(name, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, disp, 0, NULL);
}

static DWORD pos(HANDLE h)
{
    return SetFilePointer(h, 0, NULL, FILE_CURRENT);
}

static void dispositions(void)
{
    HANDLE h;
    DWORD n;
    const char *f = P("disp.txt");
    SetLastError(0xdead);
    h = open_rw(f, OPEN_EXISTING);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND, "OPEN_EXISTING missing: %lu", GetLastError());
    h = open_rw(f, TRUNCATE_EXISTING);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND, "TRUNCATE_EXISTING missing: %lu",
          GetLastError());
    SetLastError(0xdead);
    h = open_rw(f, CREATE_NEW);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == 0, "CREATE_NEW: %lu", GetLastError());
    CHECK(WriteFile(h, "0123456789", 10, &n, NULL) && n == 10, "write");
    CloseHandle(h);
    h = open_rw(f, CREATE_NEW);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_EXISTS, "CREATE_NEW existing: %lu", GetLastError());
    SetLastError(0xdead);
    h = open_rw(f, OPEN_EXISTING);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == 0, "OPEN_EXISTING: %lu", GetLastError());
    CHECK(GetFileSize(h, NULL) == 10, "size kept");
    CloseHandle(h);
    SetLastError(0xdead);
    h = open_rw(f, OPEN_ALWAYS);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "OPEN_ALWAYS existing: %lu",
          GetLastError());
    CHECK(GetFileSize(h, NULL) == 10, "OPEN_ALWAYS keeps the data");
    CloseHandle(h);
    SetLastError(0xdead);
    h = open_rw(f, CREATE_ALWAYS);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "CREATE_ALWAYS existing: %lu",
          GetLastError());
    CHECK(GetFileSize(h, NULL) == 0, "CREATE_ALWAYS truncates");
    WriteFile(h, "abc", 3, &n, NULL);
    CloseHandle(h);
    SetLastError(0xdead);
    h = open_rw(f, TRUNCATE_EXISTING);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == 0, "TRUNCATE_EXISTING: %lu", GetLastError());
    CHECK(GetFileSize(h, NULL) == 0, "TRUNCATE_EXISTING truncates");
    CloseHandle(h);
    SetLastError(0xdead);
    h = open_rw(P("new-always.txt"), OPEN_ALWAYS);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == 0, "OPEN_ALWAYS new: %lu", GetLastError());
    CloseHandle(h);
    SetLastError(0xdead);
    h = open_rw(P("new-create.txt"), CREATE_ALWAYS);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == 0, "CREATE_ALWAYS new: %lu", GetLastError());
    CloseHandle(h);
    h = CreateFileA(f, GENERIC_READ, 0, NULL, 0, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_PARAMETER, "disposition 0: %lu", GetLastError());
    h = CreateFileA(f, GENERIC_READ, 0, NULL, 6, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_PARAMETER, "disposition 6: %lu", GetLastError());
}

static void extend_and_truncate(void)
{
    HANDLE h = open_rw(P("grow.bin"), CREATE_ALWAYS);
    char buf[6000];
    DWORD n, i;
    LARGE_INTEGER li, np;
    int zeros;
    for (i = 0; i < 1000; i++)
        buf[i] = (char)('a' + i % 26);
    CHECK(WriteFile(h, buf, 1000, &n, NULL) && n == 1000, "write 1000");
    CHECK(pos(h) == 1000, "position after write: %lu", pos(h));
    /* Past the end: the gap reads as zeros. */
    CHECK(SetFilePointer(h, 5000, NULL, FILE_BEGIN) == 5000, "seek past the end");
    CHECK(GetFileSize(h, NULL) == 1000, "seeking does not grow the file");
    CHECK(WriteFile(h, "tail", 4, &n, NULL) && n == 4, "write past the end");
    CHECK(GetFileSize(h, NULL) == 5004, "grown to %lu", GetFileSize(h, NULL));
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    memset(buf, 0x55, sizeof buf);
    CHECK(ReadFile(h, buf, sizeof buf, &n, NULL) && n == 5004, "read back %lu", n);
    zeros = 1;
    for (i = 1000; i < 5000; i++)
        zeros &= buf[i] == 0;
    CHECK(zeros && buf[999] == (char)('a' + 999 % 26) && !memcmp(buf + 5000, "tail", 4), "gap of zeros, data around it");
    /* At the end: TRUE and 0 bytes. */
    CHECK(ReadFile(h, buf, 10, &n, NULL) && n == 0, "read at the end: %lu", n);
    /* SetEndOfFile extends with zeros, and cuts. */
    CHECK(SetFilePointer(h, 10000, NULL, FILE_BEGIN) == 10000 && SetEndOfFile(h), "extend with SetEndOfFile");
    CHECK(GetFileSize(h, NULL) == 10000, "size %lu", GetFileSize(h, NULL));
    SetFilePointer(h, 9990, NULL, FILE_BEGIN);
    CHECK(ReadFile(h, buf, 20, &n, NULL) && n == 10 && !buf[0] && !buf[9], "zeros at the new end");
    CHECK(SetFilePointer(h, 500, NULL, FILE_BEGIN) == 500 && SetEndOfFile(h), "truncate");
    CHECK(GetFileSize(h, NULL) == 500 && pos(h) == 500, "truncated to %lu", GetFileSize(h, NULL));
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    CHECK(ReadFile(h, buf, sizeof buf, &n, NULL) && n == 500 && buf[499] == (char)('a' + 499 % 26), "data kept");
    CHECK(SetFilePointer(h, 0, NULL, FILE_BEGIN) == 0 && SetEndOfFile(h) && GetFileSize(h, NULL) == 0, "truncate to 0");
    /* Positions. */
    WriteFile(h, "0123456789", 10, &n, NULL);
    CHECK(SetFilePointer(h, -3, NULL, FILE_END) == 7, "FILE_END -3");
    CHECK(SetFilePointer(h, 2, NULL, FILE_CURRENT) == 9, "FILE_CURRENT +2");
    SetLastError(0xdead);
    CHECK(SetFilePointer(h, -20, NULL, FILE_CURRENT) == INVALID_SET_FILE_POINTER && GetLastError() == ERROR_NEGATIVE_SEEK,
          "before the start: %lu", GetLastError());
    CHECK(pos(h) == 9, "position unchanged by a failed seek");
    li.QuadPart = 0x100000005LL;
    CHECK(SetFilePointerEx(h, li, &np, FILE_BEGIN) && np.QuadPart == 0x100000005LL, "SetFilePointerEx past 4 GiB");
    {
        LONG high = 0;
        DWORD low = SetFilePointer(h, 0, &high, FILE_CURRENT);
        CHECK(low == 5 && high == 1, "SetFilePointer high part: %lu %ld", low, high);
    }
    CHECK(GetFileSizeEx(h, &li) && li.QuadPart == 10, "GetFileSizeEx %lld", li.QuadPart);
    CloseHandle(h);
}

static void overlapped_and_append(void)
{
    HANDLE h = open_rw(P("ov.bin"), CREATE_ALWAYS), a;
    OVERLAPPED ov;
    char buf[32];
    DWORD n;
    WriteFile(h, "0123456789", 10, &n, NULL);
    memset(&ov, 0, sizeof ov);
    ov.Offset = 3;
    CHECK(WriteFile(h, "ab", 2, &n, &ov) && n == 2, "write at offset 3");
    CHECK(ov.InternalHigh == 2 && ov.Internal == 0, "OVERLAPPED filled: %lu %lu", (DWORD)ov.InternalHigh,
          (DWORD)ov.Internal);
    CHECK(pos(h) == 5, "the file pointer follows the transfer: %lu", pos(h));
    ov.Offset = 2;
    memset(buf, 0, sizeof buf);
    CHECK(ReadFile(h, buf, 4, &n, &ov) && n == 4 && !memcmp(buf, "2ab5", 4), "read at offset 2: %.4s", buf);
    ov.Offset = 10;
    SetLastError(0);
    CHECK(!ReadFile(h, buf, 4, &n, &ov) && GetLastError() == ERROR_HANDLE_EOF && n == 0, "read at the end with OVERLAPPED: %lu",
          GetLastError());
    ov.Offset = 20;
    CHECK(WriteFile(h, "Z", 1, &n, &ov) && GetFileSize(h, NULL) == 21, "write past the end at an offset");
    /* Offset 0xFFFFFFFF`FFFFFFFF: at the end. */
    ov.Offset = ov.OffsetHigh = 0xffffffff;
    CHECK(WriteFile(h, "END", 3, &n, &ov) && GetFileSize(h, NULL) == 24, "write at the end: %lu", GetFileSize(h, NULL));
    CloseHandle(h);
    /* FILE_APPEND_DATA alone: every write goes to the end. */
    a = CreateFileA(P("ov.bin"), FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(a != INVALID_HANDLE_VALUE, "append handle: %lu", GetLastError());
    SetFilePointer(a, 0, NULL, FILE_BEGIN);
    CHECK(WriteFile(a, "++", 2, &n, NULL) && n == 2, "append");
    CloseHandle(a);
    CHECK(get_file(P("ov.bin"), buf, sizeof buf) == 26 && !memcmp(buf + 21, "END++", 5), "appended at the end");
}

static void access_rights(void)
{
    HANDLE r, w, h2;
    char buf[8];
    DWORD n;
    put_file(P("acc.txt"), "data");
    r = CreateFileA(P("acc.txt"), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    w = CreateFileA(P("acc.txt"), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    SetLastError(0);
    CHECK(!WriteFile(r, "x", 1, &n, NULL) && GetLastError() == ERROR_ACCESS_DENIED, "write on a read handle: %lu",
          GetLastError());
    SetLastError(0);
    CHECK(!ReadFile(w, buf, 1, &n, NULL) && GetLastError() == ERROR_ACCESS_DENIED, "read on a write handle: %lu",
          GetLastError());
    SetLastError(0);
    /* WINE: ERROR_INVALID_PARAMETER (its ftruncate's EINVAL); Windows: ERROR_ACCESS_DENIED. */
    CHECK(!SetEndOfFile(r) && (GetLastError() == ERROR_ACCESS_DENIED || (is_wine() && GetLastError() == ERROR_INVALID_PARAMETER)),
          "SetEndOfFile on a read handle: %lu", GetLastError());
    CHECK(FlushFileBuffers(w), "flush");
    /* Two handles see each other's writes. */
    CHECK(WriteFile(w, "DA", 2, &n, NULL), "write");
    CHECK(ReadFile(r, buf, 4, &n, NULL) && n == 4 && !memcmp(buf, "DAta", 4), "read through another handle");
    h2 = CreateFileA(P("acc.txt"), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(SetFilePointer(h2, 0, NULL, FILE_CURRENT) == 0, "each handle has its own position");
    CloseHandle(h2);
    CloseHandle(r);
    CloseHandle(w);
    CHECK(file_is(P("acc.txt"), "DAta"), "contents");
    SetLastError(0);
    CHECK(!CloseHandle(r) && GetLastError() == ERROR_INVALID_HANDLE, "closing twice: %lu", GetLastError());
}

static void types_and_misc(void)
{
    HANDLE h, pr, pw;
    DWORD n;
    BY_HANDLE_FILE_INFORMATION bi;
    h = open_rw(P("t.txt"), CREATE_ALWAYS);
    CHECK(GetFileType(h) == FILE_TYPE_DISK, "file type disk");
    CHECK(ReadFile(h, NULL, 0, &n, NULL) && n == 0, "zero-length read");
    CHECK(WriteFile(h, "12345", 5, &n, NULL), "write");
    CHECK(GetFileInformationByHandle(h, &bi) && bi.nFileSizeLow == 5 && bi.nNumberOfLinks == 1 &&
              bi.dwFileAttributes == FILE_ATTRIBUTE_ARCHIVE,
          "information by handle: %lu %lu %lx", bi.nFileSizeLow, bi.nNumberOfLinks, bi.dwFileAttributes);
    CloseHandle(h);
    h = CreateFileA("NUL", GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(GetFileType(h) == FILE_TYPE_CHAR, "NUL is a character device");
    CHECK(WriteFile(h, "gone", 4, &n, NULL) && n == 4, "write to NUL");
    CHECK(ReadFile(h, &n, 4, &n, NULL) && n == 0, "read from NUL");
    CloseHandle(h);
    CHECK(CreatePipe(&pr, &pw, NULL, 0), "pipe");
    CHECK(GetFileType(pr) == FILE_TYPE_PIPE && GetFileType(pw) == FILE_TYPE_PIPE, "pipes");
    CloseHandle(pr);
    CloseHandle(pw);
    SetLastError(0);
    CHECK(GetFileType((HANDLE)0x1234) == FILE_TYPE_UNKNOWN && GetLastError() == ERROR_INVALID_HANDLE, "bad handle");
    /* Delete on close: the file goes with its last handle. */
    h = CreateFileA(P("doc.tmp"), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, CREATE_ALWAYS,
                    FILE_FLAG_DELETE_ON_CLOSE | FILE_ATTRIBUTE_TEMPORARY, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "delete-on-close file");
    WriteFile(h, "tmp", 3, &n, NULL);
    CHECK(exists(P("doc.tmp")), "exists while open");
    CloseHandle(h);
    CHECK(!exists(P("doc.tmp")), "gone after close");
}

static void big_round_trip(void)
{
    static unsigned char chunk[65536], back[65536];
    HANDLE h = open_rw(P("big.bin"), CREATE_ALWAYS);
    DWORD n, i, k, bad = 0;
    for (k = 0; k < 64; k++) {
        for (i = 0; i < sizeof chunk; i++)
            chunk[i] = (unsigned char)(i * 7 + k);
        if (!WriteFile(h, chunk, sizeof chunk, &n, NULL) || n != sizeof chunk)
            bad++;
    }
    CHECK(!bad && GetFileSize(h, NULL) == 64 * 65536, "4 MiB written");
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    for (k = 0; k < 64; k++) {
        if (!ReadFile(h, back, sizeof back, &n, NULL) || n != sizeof back)
            bad++;
        for (i = 0; i < sizeof back; i++)
            if (back[i] != (unsigned char)(i * 7 + k)) {
                bad++;
                break;
            }
    }
    CHECK(!bad, "4 MiB read back, %lu bad chunks", bad);
    CloseHandle(h);
}

int main(void)
{
    make_scratch("fileio");
    dispositions();
    extend_and_truncate();
    overlapped_and_append();
    access_rights();
    types_and_misc();
    big_round_trip();
    remove_tree(scratch);
    return check_report();
}
