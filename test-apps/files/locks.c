/* locks.c - byte-range locks: LockFile, LockFileEx (shared and exclusive, failing at once or
 * waiting), UnlockFile(Ex), ERROR_LOCK_VIOLATION for conflicting locks and for ReadFile and
 * WriteFile on ranges locked by another handle, ERROR_NOT_LOCKED, release on close. */
#include "filetest.h"

static HANDLE h1, h2;

#define NOT_LOCKED(e) ((e) == ERROR_NOT_LOCKED || (is_wine() && (e) == ERROR_LOCK_VIOLATION))
static volatile LONG released;

static BOOL lock_ex(HANDLE h, DWORD flags, DWORD off, DWORD len)
{
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.Offset = off;
    return LockFileEx(h, flags, 0, len, 0, &ov);
}

static BOOL unlock_ex(HANDLE h, DWORD off, DWORD len)
{
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.Offset = off;
    return UnlockFileEx(h, 0, len, 0, &ov);
}

static BOOL read_at(HANDLE h, DWORD off, DWORD len)
{
    char buf[64];
    DWORD n;
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.Offset = off;
    return ReadFile(h, buf, len, &n, &ov);
}

static BOOL write_at(HANDLE h, DWORD off, DWORD len)
{
    char buf[64];
    DWORD n;
    OVERLAPPED ov;
    memset(buf, 'w', sizeof buf);
    memset(&ov, 0, sizeof ov);
    ov.Offset = off;
    return WriteFile(h, buf, len, &n, &ov);
}

static DWORD WINAPI waiter(void *arg)
{
    BOOL ok = lock_ex(h2, LOCKFILE_EXCLUSIVE_LOCK, 200, 1);
    return ok && released ? 1 : 0;
}

int main(void)
{
    char data[512];
    DWORD n, code;
    HANDLE t;
    make_scratch("locks");
    memset(data, 'd', sizeof data);
    h1 = CreateFileA(P("l.bin"), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, CREATE_ALWAYS, 0, NULL);
    h2 = CreateFileA(P("l.bin"), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h1 != INVALID_HANDLE_VALUE && h2 != INVALID_HANDLE_VALUE, "two handles");
    WriteFile(h1, data, sizeof data, &n, NULL);

    /* Exclusive locks. */
    CHECK(LockFile(h1, 10, 0, 10, 0), "lock 10..20: %lu", GetLastError());
    SetLastError(0);
    CHECK(!LockFile(h2, 15, 0, 1, 0) && GetLastError() == ERROR_LOCK_VIOLATION, "another handle: %lu", GetLastError());
    SetLastError(0);
    CHECK(!LockFile(h1, 19, 0, 5, 0) && GetLastError() == ERROR_LOCK_VIOLATION, "the same handle: %lu", GetLastError());
    CHECK(LockFile(h2, 20, 0, 5, 0), "adjacent range");
    CHECK(LockFile(h1, 0, 0, 10, 0), "the other side");
    /* Mandatory for I/O of other handles (WINE: locks are advisory; Windows documents this). */
    SetLastError(0);
    CHECK(is_wine() || (!read_at(h2, 12, 4) && GetLastError() == ERROR_LOCK_VIOLATION), "read a locked range: %lu",
          GetLastError());
    SetLastError(0);
    CHECK(is_wine() || (!write_at(h2, 18, 4) && GetLastError() == ERROR_LOCK_VIOLATION), "write over it: %lu",
          GetLastError());
    CHECK(read_at(h1, 12, 4) && write_at(h1, 12, 4), "the owner reads and writes");
    CHECK(read_at(h2, 30, 4) && write_at(h2, 30, 4), "elsewhere is free");
    /* Unlocking needs the exact range and the owner (ERROR_NOT_LOCKED; WINE says
     * ERROR_LOCK_VIOLATION). */
    SetLastError(0);
    CHECK(!UnlockFile(h2, 10, 0, 10, 0) && NOT_LOCKED(GetLastError()), "not the owner: %lu", GetLastError());
    SetLastError(0);
    CHECK(!UnlockFile(h1, 10, 0, 5, 0) && NOT_LOCKED(GetLastError()), "part of a range: %lu", GetLastError());
    CHECK(UnlockFile(h1, 10, 0, 10, 0), "unlock");
    CHECK(read_at(h2, 12, 4), "readable again");
    SetLastError(0);
    CHECK(!UnlockFile(h1, 10, 0, 10, 0) && NOT_LOCKED(GetLastError()), "twice: %lu", GetLastError());
    CHECK(UnlockFile(h1, 0, 0, 10, 0) && UnlockFile(h2, 20, 0, 5, 0), "unlock the rest");

    /* Shared locks. */
    CHECK(lock_ex(h1, LOCKFILE_FAIL_IMMEDIATELY, 50, 10), "shared 50..60");
    CHECK(lock_ex(h2, LOCKFILE_FAIL_IMMEDIATELY, 55, 10), "an overlapping shared lock");
    SetLastError(0);
    CHECK(!lock_ex(h2, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 58, 1) && GetLastError() == ERROR_LOCK_VIOLATION,
          "exclusive over shared: %lu", GetLastError());
    CHECK(read_at(h2, 52, 4) && read_at(h1, 56, 4), "shared ranges stay readable");
    SetLastError(0);
    CHECK(is_wine() || (!write_at(h2, 51, 1) && GetLastError() == ERROR_LOCK_VIOLATION), "but not writable: %lu",
          GetLastError());
    CHECK(unlock_ex(h1, 50, 10) && unlock_ex(h2, 55, 10), "unlock both");
    CHECK(write_at(h2, 51, 1), "writable again");
    /* Past the end of the file. */
    CHECK(LockFile(h1, 1000000, 0, 10, 0) && UnlockFile(h1, 1000000, 0, 10, 0), "beyond the end");
    /* A waiter gets the range when the holder lets go. */
    CHECK(LockFile(h1, 200, 0, 10, 0), "lock 200..210");
    t = CreateThread(NULL, 0, waiter, NULL, 0, NULL);
    Sleep(150);
    CHECK(WaitForSingleObject(t, 0) == WAIT_TIMEOUT, "the waiter waits");
    InterlockedExchange(&released, 1);
    CHECK(UnlockFile(h1, 200, 0, 10, 0), "release");
    CHECK(WaitForSingleObject(t, 5000) == WAIT_OBJECT_0 && GetExitCodeThread(t, &code) && code == 1, "the waiter got it");
    CloseHandle(t);
    /* Closing a handle releases its locks. */
    CHECK(LockFile(h2, 300, 0, 10, 0), "lock by h2");
    CloseHandle(h2);
    CHECK(LockFile(h1, 300, 0, 10, 0) && LockFile(h1, 200, 0, 1, 0), "free after the close");
    CloseHandle(h1);
    remove_tree(scratch);
    return check_report();
}
