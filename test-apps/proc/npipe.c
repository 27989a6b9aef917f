/* npipe.c - pipes: anonymous pipes (CreatePipe, PeekNamedPipe, the end of a pipe), and named
 * pipes on this machine: CreateNamedPipe, ConnectNamedPipe (before and after the client,
 * overlapped), CreateFile on \\.\pipe\name from this process and from a child process,
 * WaitNamedPipe, busy and missing pipes, message pipes, DisconnectNamedPipe, GetNamedPipeInfo.
 *
 * argv[1] = "client NAME" makes this exe the child client of the cross-process test. */
#define _WIN32_WINNT 0x0601
#include <windows.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

static char self[MAX_PATH];
static char pipe_name[128];

static void name_pipe(const char *tag)
{
    snprintf(pipe_name, sizeof(pipe_name), "\\\\.\\pipe\\wine-rs-npipe-%s-%lu", tag, GetCurrentProcessId());
}

static HANDLE open_client(const char *name)
{
    return CreateFileA(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
}

/* ---- anonymous pipes ------------------------------------------------------------------ */

static void test_anonymous(void)
{
    HANDLE r, w;
    char buf[64];
    DWORD n = 0, avail = 0, left = 7;
    CHECK(CreatePipe(&r, &w, NULL, 65536), "CreatePipe: %lu", GetLastError());
    CHECK(GetFileType(r) == FILE_TYPE_PIPE && GetFileType(w) == FILE_TYPE_PIPE, "FILE_TYPE_PIPE");
    CHECK(PeekNamedPipe(r, buf, sizeof(buf), &n, &avail, &left) && n == 0 && avail == 0, "empty: %lu %lu", n, avail);
    CHECK(WriteFile(w, "0123456789", 10, &n, NULL) && n == 10, "write");
    CHECK(PeekNamedPipe(r, buf, 4, &n, &avail, NULL) && n == 4 && avail == 10 && !memcmp(buf, "0123", 4),
          "peek: read %lu avail %lu", n, avail);
    CHECK(PeekNamedPipe(r, NULL, 0, NULL, &avail, NULL) && avail == 10, "peek without a buffer: %lu", avail);
    CHECK(ReadFile(r, buf, 3, &n, NULL) && n == 3 && !memcmp(buf, "012", 3), "partial read");
    CHECK(ReadFile(r, buf, sizeof(buf), &n, NULL) && n == 7 && !memcmp(buf, "3456789", 7), "the rest: %lu", n);
    CloseHandle(w);
    SetLastError(0);
    CHECK(!ReadFile(r, buf, sizeof(buf), &n, NULL) && GetLastError() == ERROR_BROKEN_PIPE && n == 0,
          "all writers gone: %lu", GetLastError());
    SetLastError(0);
    CHECK(!PeekNamedPipe(r, NULL, 0, NULL, &avail, NULL) && GetLastError() == ERROR_BROKEN_PIPE,
          "peek at the end: %lu", GetLastError());
    CloseHandle(r);

    /* Writing when the reader is gone. */
    CHECK(CreatePipe(&r, &w, NULL, 0), "CreatePipe");
    CloseHandle(r);
    SetLastError(0);
    CHECK(!WriteFile(w, "x", 1, &n, NULL), "write without a reader fails");
    CHECK(GetLastError() == ERROR_NO_DATA || GetLastError() == ERROR_BROKEN_PIPE,
          "write without a reader: %lu", GetLastError());
    CloseHandle(w);
}

/* ---- named pipes in this process ------------------------------------------------------ */

static DWORD WINAPI client_thread(void *arg)
{
    HANDLE c;
    DWORD n, mode = PIPE_READMODE_MESSAGE;
    Sleep(100);
    c = open_client(pipe_name);
    if (c == INVALID_HANDLE_VALUE)
        return 1;
    if (arg) {
        SetNamedPipeHandleState(c, &mode, NULL, NULL);
        WriteFile(c, "one", 3, &n, NULL);
        WriteFile(c, "three", 5, &n, NULL);
        /* Wait for the server to have read both, then close. */
        ReadFile(c, &mode, 1, &n, NULL);
    } else {
        WriteFile(c, "late client", 11, &n, NULL);
    }
    CloseHandle(c);
    return 0;
}

static void test_named_local(void)
{
    HANDLE s, c, c2, t;
    char buf[64];
    DWORD n, flags = 0, outsz = 0, insz = 0, maxi = 0, avail = 0, left = 0, pid = 0;
    BOOL ok;

    name_pipe("local");
    SetLastError(0);
    CHECK(open_client(pipe_name) == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND,
          "no such pipe: %lu", GetLastError());
    CHECK(!WaitNamedPipeA(pipe_name, 10), "WaitNamedPipe on a missing pipe fails");
    SetLastError(0);
    s = CreateNamedPipeA("\\\\.\\notapipe\\x", PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0, NULL);
    CHECK(s == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PATH_NOT_FOUND, "not under \\\\.\\pipe\\: %lu",
          GetLastError());

    s = CreateNamedPipeA(pipe_name, PIPE_ACCESS_DUPLEX | FILE_FLAG_FIRST_PIPE_INSTANCE,
                         PIPE_TYPE_BYTE | PIPE_WAIT, 1, 1024, 2048, 0, NULL);
    CHECK(s != INVALID_HANDLE_VALUE, "CreateNamedPipe: %lu", GetLastError());
    CHECK(GetFileType(s) == FILE_TYPE_PIPE, "server FILE_TYPE_PIPE");
    CHECK(GetNamedPipeInfo(s, &flags, &outsz, &insz, &maxi) && flags == PIPE_SERVER_END && maxi == 1,
          "GetNamedPipeInfo: flags %lu max %lu", flags, maxi);
    SetLastError(0);
    CHECK(CreateNamedPipeA(pipe_name, PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0, NULL) == INVALID_HANDLE_VALUE &&
              GetLastError() == ERROR_PIPE_BUSY,
          "past nMaxInstances: %lu", GetLastError());
    {
        HANDLE first, second;
        char other[160];
        snprintf(other, sizeof(other), "%s-first", pipe_name);
        first = CreateNamedPipeA(other, PIPE_ACCESS_DUPLEX | FILE_FLAG_FIRST_PIPE_INSTANCE, 0,
                                 PIPE_UNLIMITED_INSTANCES, 0, 0, 0, NULL);
        CHECK(first != INVALID_HANDLE_VALUE, "first instance: %lu", GetLastError());
        /* WINE: Wine 8 creates the instance; Windows documents ERROR_ACCESS_DENIED (what
         * wine-rs does). */
        SetLastError(0);
        second = CreateNamedPipeA(other, PIPE_ACCESS_DUPLEX | FILE_FLAG_FIRST_PIPE_INSTANCE, 0,
                                  PIPE_UNLIMITED_INSTANCES, 0, 0, 0, NULL);
        CHECK(second != INVALID_HANDLE_VALUE || GetLastError() == ERROR_ACCESS_DENIED,
              "FILE_FLAG_FIRST_PIPE_INSTANCE on an existing pipe: %lu", GetLastError());
        if (second != INVALID_HANDLE_VALUE)
            CloseHandle(second);
        CloseHandle(first);
    }
    CHECK(WaitNamedPipeA(pipe_name, 1000), "WaitNamedPipe: an instance is listening (%lu)", GetLastError());

    /* A client connecting before ConnectNamedPipe. */
    c = open_client(pipe_name);
    CHECK(c != INVALID_HANDLE_VALUE, "CreateFile on the pipe: %lu", GetLastError());
    SetLastError(0);
    ok = ConnectNamedPipe(s, NULL);
    CHECK(!ok && GetLastError() == ERROR_PIPE_CONNECTED, "already connected: %d %lu", ok, GetLastError());
    SetLastError(0);
    c2 = open_client(pipe_name);
    CHECK(c2 == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PIPE_BUSY, "busy: %lu", GetLastError());
    CHECK(GetNamedPipeInfo(c, &flags, NULL, NULL, NULL) && flags == PIPE_CLIENT_END, "client end: %lu", flags);
    CHECK(GetNamedPipeClientProcessId(s, &pid) && pid == GetCurrentProcessId(), "client pid %lu", pid);

    CHECK(WriteFile(c, "request", 7, &n, NULL) && n == 7, "client write");
    CHECK(PeekNamedPipe(s, buf, 3, &n, &avail, &left) && n == 3 && avail == 7, "peek %lu %lu", n, avail);
    CHECK(ReadFile(s, buf, sizeof(buf), &n, NULL) && n == 7 && !memcmp(buf, "request", 7), "server read");
    CHECK(WriteFile(s, "reply", 5, &n, NULL), "server write");
    CHECK(ReadFile(c, buf, sizeof(buf), &n, NULL) && n == 5 && !memcmp(buf, "reply", 5), "client read");

    /* The client goes: the server reads the end of the pipe. */
    CloseHandle(c);
    SetLastError(0);
    CHECK(!ReadFile(s, buf, sizeof(buf), &n, NULL) && GetLastError() == ERROR_BROKEN_PIPE,
          "server read after the client closed: %lu", GetLastError());
    SetLastError(0);
    CHECK(!ConnectNamedPipe(s, NULL) && GetLastError() == ERROR_NO_DATA, "connect after the client closed: %lu",
          GetLastError());
    CHECK(DisconnectNamedPipe(s), "DisconnectNamedPipe: %lu", GetLastError());

    /* Listen again, the client coming after ConnectNamedPipe. */
    t = CreateThread(NULL, 0, client_thread, NULL, 0, NULL);
    CHECK(ConnectNamedPipe(s, NULL), "ConnectNamedPipe waits for the client: %lu", GetLastError());
    CHECK(ReadFile(s, buf, sizeof(buf), &n, NULL) && n == 11 && !memcmp(buf, "late client", 11), "read %lu", n);
    WaitForSingleObject(t, 10000);
    CloseHandle(t);
    CloseHandle(s);
    SetLastError(0);
    CHECK(open_client(pipe_name) == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND,
          "the pipe went with its last instance: %lu", GetLastError());
}

static void test_message_mode(void)
{
    HANDLE s, t;
    char buf[64];
    DWORD n, avail = 0, left = 0, flags = 0;
    name_pipe("msg");
    s = CreateNamedPipeA(pipe_name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                         PIPE_UNLIMITED_INSTANCES, 1024, 1024, 0, NULL);
    CHECK(s != INVALID_HANDLE_VALUE, "CreateNamedPipe (message): %lu", GetLastError());
    CHECK(GetNamedPipeInfo(s, &flags, NULL, NULL, NULL) && flags == (PIPE_SERVER_END | PIPE_TYPE_MESSAGE),
          "flags %lu", flags);
    t = CreateThread(NULL, 0, client_thread, (void *)1, 0, NULL);
    CHECK(ConnectNamedPipe(s, NULL) || GetLastError() == ERROR_PIPE_CONNECTED, "connect: %lu", GetLastError());
    /* Wait until both messages are there. */
    for (n = 0; n < 500 && PeekNamedPipe(s, NULL, 0, NULL, &avail, NULL) && avail < 8; n++)
        Sleep(10);
    CHECK(PeekNamedPipe(s, buf, 2, &n, &avail, &left) && n == 2 && avail == 8 && left == 1,
          "peek a message: read %lu avail %lu left %lu", n, avail, left);
    CHECK(ReadFile(s, buf, sizeof(buf), &n, NULL) && n == 3 && !memcmp(buf, "one", 3), "first message: %lu", n);
    CHECK(ReadFile(s, buf, sizeof(buf), &n, NULL) && n == 5 && !memcmp(buf, "three", 5), "second message: %lu", n);
    WriteFile(s, "k", 1, &n, NULL);
    WaitForSingleObject(t, 10000);
    CloseHandle(t);
    CloseHandle(s);
}

static void test_overlapped_connect(void)
{
    HANDLE s, t;
    OVERLAPPED ov;
    BOOL ok;
    name_pipe("ov");
    s = CreateNamedPipeA(pipe_name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 0, 0, 0, NULL);
    CHECK(s != INVALID_HANDLE_VALUE, "CreateNamedPipe (overlapped): %lu", GetLastError());
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = CreateEventA(NULL, TRUE, TRUE, NULL);
    SetLastError(0);
    ok = ConnectNamedPipe(s, &ov);
    CHECK(!ok && GetLastError() == ERROR_IO_PENDING, "pending: %d %lu", ok, GetLastError());
    CHECK(WaitForSingleObject(ov.hEvent, 0) == WAIT_TIMEOUT, "the event was reset");
    t = CreateThread(NULL, 0, client_thread, NULL, 0, NULL);
    CHECK(WaitForSingleObject(ov.hEvent, 10000) == WAIT_OBJECT_0, "the event is set when the client connects");
    CHECK(ov.Internal == 0, "completed: %#lx", (unsigned long)ov.Internal);
    WaitForSingleObject(t, 10000);
    CloseHandle(t);
    CloseHandle(ov.hEvent);
    CloseHandle(s);
}

/* ---- across processes ----------------------------------------------------------------- */

static int client_main(const char *name)
{
    HANDLE c;
    char buf[64];
    DWORD n;
    if (!WaitNamedPipeA(name, 10000)) {
        printf("WaitNamedPipe failed %lu\n", GetLastError());
        return 1;
    }
    c = open_client(name);
    if (c == INVALID_HANDLE_VALUE) {
        printf("CreateFile failed %lu\n", GetLastError());
        return 2;
    }
    WriteFile(c, "from the child", 14, &n, NULL);
    if (!ReadFile(c, buf, sizeof(buf) - 1, &n, NULL)) {
        printf("ReadFile failed %lu\n", GetLastError());
        return 3;
    }
    buf[n] = 0;
    printf("child got: %s\n", buf);
    CloseHandle(c);
    return 0;
}

static void test_named_across_processes(void)
{
    HANDLE s, out_r, out_w;
    PROCESS_INFORMATION pi;
    STARTUPINFOA si;
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    char cmd[512], buf[256];
    DWORD n, total = 0, code = 99;
    name_pipe("xproc");
    s = CreateNamedPipeA(pipe_name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE | PIPE_WAIT, 1, 0, 0, 0, NULL);
    CHECK(s != INVALID_HANDLE_VALUE, "CreateNamedPipe: %lu", GetLastError());
    CreatePipe(&out_r, &out_w, &sa, 0);
    SetHandleInformation(out_r, HANDLE_FLAG_INHERIT, 0);
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdOutput = out_w;
    si.hStdError = out_w;
    snprintf(cmd, sizeof(cmd), "\"%s\" client %s", self, pipe_name);
    if (!CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        CHECK(0, "CreateProcess: %lu", GetLastError());
        return;
    }
    CloseHandle(out_w);
    CHECK(ConnectNamedPipe(s, NULL) || GetLastError() == ERROR_PIPE_CONNECTED, "connect: %lu", GetLastError());
    CHECK(ReadFile(s, buf, sizeof(buf), &n, NULL) && n == 14 && !memcmp(buf, "from the child", 14),
          "read from the child: %lu", n);
    CHECK(WriteFile(s, "hello child", 11, &n, NULL), "write to the child");
    while (ReadFile(out_r, buf + total, sizeof(buf) - 1 - total, &n, NULL) && n)
        total += n;
    buf[total] = 0;
    WaitForSingleObject(pi.hProcess, 10000);
    GetExitCodeProcess(pi.hProcess, &code);
    CHECK(code == 0, "child exit code %lu (%s)", code, buf);
    CHECK(!strcmp(buf, "child got: hello child\r\n"), "child output '%s'", buf);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    CloseHandle(out_r);
    DisconnectNamedPipe(s);
    CloseHandle(s);
}

int main(int argc, char **argv)
{
    GetModuleFileNameA(NULL, self, sizeof(self));
    if (argc > 2 && !strcmp(argv[1], "client"))
        return client_main(argv[2]);
    /* A child that did not get its role must not run the tests again (and start children of
     * its own): the parent marks its environment, which children inherit. */
    if (GetEnvironmentVariableA("WINERS_PROC_TEST_PARENT", NULL, 0)) {
        printf("started without a child role: refusing to run the tests again\n");
        return 99;
    }
    SetEnvironmentVariableA("WINERS_PROC_TEST_PARENT", "1");
    test_anonymous();
    test_named_local();
    test_message_mode();
    test_overlapped_connect();
    test_named_across_processes();
    return check_report();
}
