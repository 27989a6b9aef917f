/* notify.c - change notifications: FindFirstChangeNotification / FindNextChangeNotification /
 * FindCloseChangeNotification, and ReadDirectoryChangesW, synchronous (a thread makes the
 * changes) and overlapped (an event signals the result). */
#include "filetest.h"

static DWORD WINAPI changer(void *arg)
{
    Sleep(200);
    put_file(P("watched\\new.txt"), "x");
    MoveFileA(P("watched\\new.txt"), P("watched\\renamed.txt"));
    DeleteFileA(P("watched\\renamed.txt"));
    return 0;
}

/* Append the records of a FILE_NOTIFY_INFORMATION buffer to `log` as "action:name;". */
static int records(const void *buf, DWORD n, char *log, size_t size)
{
    const FILE_NOTIFY_INFORMATION *fi = buf;
    int count = 0;
    if (!n)
        return 0;
    for (;;) {
        char name[MAX_PATH];
        int len = WideCharToMultiByte(CP_ACP, 0, fi->FileName, fi->FileNameLength / 2, name, sizeof name - 1, NULL, NULL);
        name[len] = 0;
        snprintf(log + strlen(log), size - strlen(log), "%lu:%s;", fi->Action, name);
        count++;
        if (!fi->NextEntryOffset)
            break;
        fi = (const FILE_NOTIFY_INFORMATION *)((const char *)fi + fi->NextEntryOffset);
    }
    return count;
}

int main(void)
{
    HANDLE h, d, t, ev;
    DWORD n, buf[1024];
    char log[1024] = "";
    int rounds;
    OVERLAPPED ov;
    make_scratch("notify");
    CreateDirectoryA(P("watched"), NULL);

    /* A change notification handle. */
    h = FindFirstChangeNotificationA(P("watched"), FALSE, FILE_NOTIFY_CHANGE_FILE_NAME);
    CHECK(h != INVALID_HANDLE_VALUE, "FindFirstChangeNotification: %lu", GetLastError());
    CHECK(WaitForSingleObject(h, 0) == WAIT_TIMEOUT, "nothing yet");
    put_file(P("watched\\one.txt"), "1");
    CHECK(WaitForSingleObject(h, 5000) == WAIT_OBJECT_0, "signaled by a new file");
    CHECK(FindNextChangeNotification(h), "FindNextChangeNotification");
    Sleep(100);
    DeleteFileA(P("watched\\one.txt"));
    CHECK(WaitForSingleObject(h, 5000) == WAIT_OBJECT_0, "signaled again by a delete");
    CHECK(FindCloseChangeNotification(h), "FindCloseChangeNotification");
    SetLastError(0);
    CHECK(FindFirstChangeNotificationA(P("nodir"), FALSE, FILE_NOTIFY_CHANGE_FILE_NAME) == INVALID_HANDLE_VALUE &&
              (GetLastError() == ERROR_FILE_NOT_FOUND || GetLastError() == ERROR_PATH_NOT_FOUND),
          "a missing directory: %lu", GetLastError());

    /* ReadDirectoryChangesW, waiting for the changes another thread makes. */
    d = CreateFileA(P("watched"), FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                    OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    CHECK(d != INVALID_HANDLE_VALUE, "directory handle: %lu", GetLastError());
    t = CreateThread(NULL, 0, changer, NULL, 0, NULL);
    for (rounds = 0; rounds < 10 && !strstr(log, "2:renamed.txt;"); rounds++) {
        n = 0;
        if (!ReadDirectoryChangesW(d, buf, sizeof buf, FALSE, FILE_NOTIFY_CHANGE_FILE_NAME, &n, NULL, NULL)) {
            CHECK(0, "ReadDirectoryChangesW: %lu", GetLastError());
            break;
        }
        records(buf, n, log, sizeof log);
    }
    WaitForSingleObject(t, 5000);
    CloseHandle(t);
    CHECK(!strcmp(log, "1:new.txt;4:new.txt;5:renamed.txt;2:renamed.txt;"), "changes: %s", log);
    CloseHandle(d);

    /* Overlapped: the event signals the result. */
    d = CreateFileA(P("watched"), FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                    OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OVERLAPPED, NULL);
    ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    memset(&ov, 0, sizeof ov);
    ov.hEvent = ev;
    n = 0;
    CHECK(ReadDirectoryChangesW(d, buf, sizeof buf, FALSE, FILE_NOTIFY_CHANGE_FILE_NAME, NULL, &ov, NULL),
          "overlapped ReadDirectoryChangesW: %lu", GetLastError());
    CHECK(WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "pending");
    put_file(P("watched\\late.txt"), "late");
    CHECK(WaitForSingleObject(ev, 5000) == WAIT_OBJECT_0, "completed");
    CHECK(GetOverlappedResult(d, &ov, &n, TRUE) && n > 0, "GetOverlappedResult: %lu bytes", n);
    log[0] = 0;
    records(buf, n, log, sizeof log);
    CHECK(!strncmp(log, "1:late.txt;", 11), "the change: %s", log);
    CloseHandle(ev);
    CloseHandle(d);
    remove_tree(scratch);
    return check_report();
}
