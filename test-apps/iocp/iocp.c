/* iocp.c - I/O completion ports and overlapped named-pipe I/O, the way ninja drives its
 * subprocesses: an overlapped inbound pipe associated with a port, ConnectNamedPipe and
 * ReadFile completing to the port, the end of the pipe arriving as ERROR_BROKEN_PIPE.
 * Expectations verified under Wine 8. */
#include <windows.h>
#include <string.h>
#include <stdio.h>
#include "../include/check.h"

static HANDLE port;

/* Take one packet with a time-out; returns the BOOL and fills the rest. */
static BOOL take(DWORD ms, DWORD *bytes, ULONG_PTR *key, OVERLAPPED **ov, DWORD *err)
{
    *bytes = 0xdead; *key = 0xdead; *ov = (OVERLAPPED *)1;
    SetLastError(0xbeef);
    BOOL r = GetQueuedCompletionStatus(port, bytes, key, ov, ms);
    *err = GetLastError();
    return r;
}

/* ninja passes buffer sizes of 0; Windows still buffers a write then, Wine 8 blocks the
 * writer until a read takes the data, so the test asks for 4096 bytes. */
static HANDLE make_server(const char *name, ULONG_PTR key)
{
    HANDLE s = CreateNamedPipeA(name, PIPE_ACCESS_INBOUND | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE,
                                PIPE_UNLIMITED_INSTANCES, 4096, 4096, INFINITE, NULL);
    CHECK(s != INVALID_HANDLE_VALUE, "CreateNamedPipeA %s: %lu", name, GetLastError());
    CHECK(CreateIoCompletionPort(s, port, key, 0) == port, "associate %s: %lu", name, GetLastError());
    return s;
}

static DWORD WINAPI poster(void *arg)
{
    Sleep(50);
    PostQueuedCompletionStatus(port, 9, 99, (OVERLAPPED *)arg);
    return 0;
}

int main(void)
{
    DWORD bytes, err;
    ULONG_PTR key;
    OVERLAPPED *got;
    char name[64], buf[64];

    /* A port, and the argument checks. */
    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    CHECK(port != NULL, "CreateIoCompletionPort: %lu", GetLastError());
    SetLastError(0xdead);
    CHECK(CreateIoCompletionPort(INVALID_HANDLE_VALUE, port, 0, 1) == NULL
          && GetLastError() == ERROR_INVALID_PARAMETER, "existing port with no file: %lu", GetLastError());
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    SetLastError(0xdead);
    CHECK(!PostQueuedCompletionStatus(ev, 1, 2, NULL) && GetLastError() == ERROR_INVALID_HANDLE,
          "post to an event: %lu", GetLastError());
    SetLastError(0xdead);
    CHECK(!GetQueuedCompletionStatus(ev, &bytes, &key, &got, 0) && GetLastError() == ERROR_INVALID_HANDLE,
          "dequeue from an event: %lu", GetLastError());

    /* Empty: a time-out, *ov NULL. */
    BOOL r = take(0, &bytes, &key, &got, &err);
    CHECK(!r && err == WAIT_TIMEOUT && got == NULL, "empty port: r=%d err=%lu ov=%p", r, err, (void *)got);
    CHECK(WaitForSingleObject(port, 0) == WAIT_TIMEOUT, "an empty port is not signaled");

    /* Posted packets come back in order, with their values. */
    CHECK(PostQueuedCompletionStatus(port, 5, 77, (OVERLAPPED *)0x1234), "post: %lu", GetLastError());
    CHECK(PostQueuedCompletionStatus(port, 6, 78, NULL), "post 2: %lu", GetLastError());
    CHECK(WaitForSingleObject(port, 0) == WAIT_OBJECT_0, "a port with packets is signaled");
    r = take(0, &bytes, &key, &got, &err);
    CHECK(r && bytes == 5 && key == 77 && got == (OVERLAPPED *)0x1234, "first packet: %d %lu %lu %p",
          r, bytes, (unsigned long)key, (void *)got);
    r = take(0, &bytes, &key, &got, &err);
    CHECK(r && bytes == 6 && key == 78 && got == NULL, "second packet: %d %lu %lu", r, bytes, (unsigned long)key);

    /* A thread blocked in GetQueuedCompletionStatus is woken by a post. */
    HANDLE t = CreateThread(NULL, 0, poster, (void *)0x5678, 0, NULL);
    r = take(5000, &bytes, &key, &got, &err);
    CHECK(r && bytes == 9 && key == 99 && got == (OVERLAPPED *)0x5678, "woken by a post: %d %lu", r, err);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);

    /* GetQueuedCompletionStatusEx takes several at once. */
    for (int i = 0; i < 3; i++) PostQueuedCompletionStatus(port, i, 100 + i, NULL);
    OVERLAPPED_ENTRY ent[2];
    ULONG removed = 0;
    r = GetQueuedCompletionStatusEx(port, ent, 2, &removed, 0, FALSE);
    CHECK(r && removed == 2 && ent[0].lpCompletionKey == 100 && ent[1].lpCompletionKey == 101
          && ent[1].dwNumberOfBytesTransferred == 1, "Ex: %d removed=%lu", r, removed);
    r = GetQueuedCompletionStatusEx(port, ent, 2, &removed, 0, FALSE);
    CHECK(r && removed == 1 && ent[0].lpCompletionKey == 102, "Ex rest: %d removed=%lu", r, removed);
    SetLastError(0xdead);
    r = GetQueuedCompletionStatusEx(port, ent, 2, &removed, 10, FALSE);
    CHECK(!r && GetLastError() == WAIT_TIMEOUT, "Ex time-out: %d %lu", r, GetLastError());

    /* ninja's pipe: the server end associated with the port, an overlapped connect. */
    snprintf(name, sizeof name, "\\\\.\\pipe\\wine-rs-iocp-%lu-a", GetCurrentProcessId());
    HANDLE s = make_server(name, 42);
    SetLastError(0xdead);
    CHECK(CreateIoCompletionPort(s, port, 43, 0) == NULL && GetLastError() == ERROR_INVALID_PARAMETER,
          "a second association: %lu", GetLastError());
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    SetLastError(0xdead);
    CHECK(!ConnectNamedPipe(s, &ov) && GetLastError() == ERROR_IO_PENDING, "connect pending: %lu", GetLastError());
    r = take(0, &bytes, &key, &got, &err);
    CHECK(!r && err == WAIT_TIMEOUT, "nothing before the client: %d %lu", r, err);
    HANDLE c = CreateFileA(name, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(c != INVALID_HANDLE_VALUE, "client: %lu", GetLastError());
    r = take(5000, &bytes, &key, &got, &err);
    CHECK(r && key == 42 && got == &ov && bytes == 0, "connect packet: %d %lu key=%lu", r, err, (unsigned long)key);
    DWORD n = 0xdead;
    CHECK(GetOverlappedResult(s, &ov, &n, TRUE) && n == 0, "connect result: %lu", GetLastError());

    /* A read that finds no data is pending; the client's write completes it to the port. */
    memset(&ov, 0, sizeof ov);
    memset(buf, 0, sizeof buf);
    SetLastError(0xdead);
    r = ReadFile(s, buf, sizeof buf, NULL, &ov);
    CHECK(!r && GetLastError() == ERROR_IO_PENDING, "read pending: %d %lu", r, GetLastError());
    n = 0;
    SetLastError(0xdead);
    CHECK(!GetOverlappedResult(s, &ov, &n, FALSE) && GetLastError() == ERROR_IO_INCOMPLETE,
          "still incomplete: %lu", GetLastError());
    CHECK(WriteFile(c, "hello", 5, &n, NULL) && n == 5, "client write: %lu", GetLastError());
    r = take(5000, &bytes, &key, &got, &err);
    CHECK(r && key == 42 && got == &ov && bytes == 5 && !memcmp(buf, "hello", 5), "read packet: %d %lu %lu",
          r, err, bytes);
    CHECK(GetOverlappedResult(s, &ov, &n, TRUE) && n == 5, "read result: %lu", n);

    /* Data already there: the read completes at once, and still queues a packet. */
    CHECK(WriteFile(c, "abc", 3, &n, NULL), "client write 2: %lu", GetLastError());
    Sleep(20);
    memset(&ov, 0, sizeof ov);
    n = 0;
    r = ReadFile(s, buf, sizeof buf, &n, &ov);
    CHECK(r && n == 3, "immediate read: %d %lu n=%lu", r, GetLastError(), n);
    r = take(1000, &bytes, &key, &got, &err);
    CHECK(r && got == &ov && bytes == 3, "immediate read's packet: %d %lu", r, err);

    /* The event's low bit: the event is signaled, no packet is queued. */
    HANDLE ev2 = CreateEventA(NULL, TRUE, FALSE, NULL);
    memset(&ov, 0, sizeof ov);
    ov.hEvent = (HANDLE)((ULONG_PTR)ev2 | 1);
    r = ReadFile(s, buf, sizeof buf, NULL, &ov);
    CHECK(!r && GetLastError() == ERROR_IO_PENDING, "read pending 2: %lu", GetLastError());
    WriteFile(c, "xy", 2, &n, NULL);
    CHECK(WaitForSingleObject(ev2, 5000) == WAIT_OBJECT_0, "event signaled");
    CHECK(GetOverlappedResult(s, &ov, &n, TRUE) && n == 2, "low-bit read result: %lu", n);
    r = take(50, &bytes, &key, &got, &err);
    CHECK(!r && err == WAIT_TIMEOUT, "no packet with the low bit set: %d %lu", r, err);

    /* The client goes: a pending read completes with ERROR_BROKEN_PIPE, to the port. */
    memset(&ov, 0, sizeof ov);
    r = ReadFile(s, buf, sizeof buf, NULL, &ov);
    CHECK(!r && GetLastError() == ERROR_IO_PENDING, "read pending 3: %lu", GetLastError());
    CloseHandle(c);
    r = take(5000, &bytes, &key, &got, &err);
    CHECK(!r && err == ERROR_BROKEN_PIPE && got == &ov && key == 42 && bytes == 0, "broken packet: %d %lu %p",
          r, err, (void *)got);
    SetLastError(0xdead);
    CHECK(!GetOverlappedResult(s, &ov, &n, TRUE) && GetLastError() == ERROR_BROKEN_PIPE,
          "broken result: %lu", GetLastError());
    /* Reading again fails at once, and queues nothing. */
    memset(&ov, 0, sizeof ov);
    SetLastError(0xdead);
    CHECK(!ReadFile(s, buf, sizeof buf, NULL, &ov) && GetLastError() == ERROR_BROKEN_PIPE,
          "read after the end: %lu", GetLastError());
    r = take(50, &bytes, &key, &got, &err);
    CHECK(!r && err == WAIT_TIMEOUT, "nothing queued for it: %d %lu", r, err);
    CloseHandle(s);

    /* CancelIoEx: the pending read completes with ERROR_OPERATION_ABORTED. */
    snprintf(name, sizeof name, "\\\\.\\pipe\\wine-rs-iocp-%lu-b", GetCurrentProcessId());
    s = make_server(name, 7);
    memset(&ov, 0, sizeof ov);
    ConnectNamedPipe(s, &ov);
    c = CreateFileA(name, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    r = take(5000, &bytes, &key, &got, &err);
    CHECK(r && key == 7, "second connect: %d %lu", r, err);
    memset(&ov, 0, sizeof ov);
    r = ReadFile(s, buf, sizeof buf, NULL, &ov);
    CHECK(!r && GetLastError() == ERROR_IO_PENDING, "read to cancel: %lu", GetLastError());
    CHECK(CancelIoEx(s, &ov), "CancelIoEx: %lu", GetLastError());
    r = take(5000, &bytes, &key, &got, &err);
    CHECK(!r && err == ERROR_OPERATION_ABORTED && got == &ov, "cancelled packet: %d %lu", r, err);
    SetLastError(0xdead);
    CHECK(!CancelIoEx(s, &ov) && GetLastError() == ERROR_NOT_FOUND, "nothing left to cancel: %lu", GetLastError());
    CloseHandle(c);
    CloseHandle(s);

    CloseHandle(ev);
    CloseHandle(ev2);
    CHECK(CloseHandle(port), "close the port: %lu", GetLastError());
    return check_report();
}
