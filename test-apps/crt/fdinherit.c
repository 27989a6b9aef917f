/* fdinherit.c - the C runtime's file descriptors cross _spawn and CreateProcess.
 *
 * Microsoft's CRT (msvcrt.dll and ucrtbase.dll) passes its fd table to a child through
 * STARTUPINFO cbReserved2/lpReserved2: a 32-bit count N, N flag bytes, N unaligned HANDLEs.
 * The child CRT rebuilds its table from GetStartupInfo's copy: fd 3 of the parent is fd 3 of
 * the child, text and append modes included; _O_NOINHERIT and closed fds are not open there.
 *
 * Covered: _spawnl (positions shared, text and append modes, _O_NOINHERIT and closed fds, a
 * _pipe, a _dup; the block's layout and flag bytes; the process parameters' RuntimeData),
 * _wspawnv with _P_NOWAIT, _P_DETACH (fds 0-2 left out), _execl (the table passed on again),
 * system (through cmd.exe), _popen (no table), CreateProcess with lpReserved2 NULL and with a
 * block made by hand.
 *
 * The program is its own child: "fdinherit.exe child MODE ..." checks things and exits with
 * (failed << 16) | passed, which the parent adds to its own counts. Files go in the current
 * directory (fdi-*.tmp).
 */
/* gcc 12 warns falsely about NtCurrentTeb()'s gs: read (-Warray-bounds). */
#pragma GCC diagnostic ignored "-Warray-bounds"
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <windows.h>
#include <winternl.h>
#include "crt.h"

static char self[MAX_PATH];

/* Running under Wine (ntdll exports wine_get_version)? */
static int is_wine(void)
{
    return GetProcAddress(GetModuleHandleA("ntdll.dll"), "wine_get_version") != NULL;
}

static const char *slurp(const char *name, int *len)
{
    static char buf[256];
    int fd = _open(name, _O_RDONLY | _O_BINARY);
    *len = -1;
    if (fd < 0)
        return "";
    *len = _read(fd, buf, sizeof(buf) - 1);
    buf[*len < 0 ? 0 : *len] = 0;
    _close(fd);
    return buf;
}

/* fd `fd` is not open: _get_osfhandle gives -1 and EBADF (both CRTs call the
 * invalid-parameter handler first; crt.h's handler counts and returns). */
static int not_open(int fd)
{
    errno = 0;
    return _get_osfhandle(fd) == -1 && errno == EBADF;
}

/* ---- child modes ------------------------------------------------------------------------ */

static int child_result(void)
{
    fflush(stdout);
    return (check_failed << 16) | check_passed;
}

/* child fds DATA TEXT APPEND NOINHERIT CLOSED PIPE_W DUP */
static int child_fds(char **argv)
{
    int data = atoi(argv[3]), text = atoi(argv[4]), app = atoi(argv[5]), noinh = atoi(argv[6]);
    int closed = atoi(argv[7]), pipe_w = atoi(argv[8]), dup = atoi(argv[9]);
    char buf[32] = "";
    struct _stat st;

    STARTUPINFOA si;
    memset(&si, 0, sizeof(si));
    GetStartupInfoA(&si);
    CHECK(si.cbReserved2 >= 4 && si.lpReserved2 != NULL, "child: lpReserved2 %u %p", si.cbReserved2, si.lpReserved2);
    if (si.lpReserved2) {
        unsigned count;
        memcpy(&count, si.lpReserved2, 4);
        /* The highest open inheritable fd is the last one described. */
        CHECK(count == (unsigned)dup + 1, "child: the block describes %u fds, expected %d", count, dup + 1);
        CHECK(si.cbReserved2 == 4 + count * (1 + sizeof(HANDLE)), "child: cbReserved2 %u for %u fds", si.cbReserved2, count);
        /* The flag bytes: fd DATA is open and binary, TEXT has the text bit (0x80), APPEND the
         * append bit (0x20), the pipe the pipe bit (0x08). */
        unsigned char *flags = si.lpReserved2 + 4;
        CHECK((flags[data] & 0xa1) == 0x01, "child: flags of the binary fd %#x", flags[data]);
        CHECK((flags[text] & 0xa1) == 0x81, "child: flags of the text fd %#x", flags[text]);
        CHECK((flags[app] & 0x21) == 0x21, "child: flags of the append fd %#x", flags[app]);
        CHECK((flags[pipe_w] & 0x09) == 0x09, "child: flags of the pipe %#x", flags[pipe_w]);
        CHECK(flags[noinh] == 0 && flags[closed] == 0, "child: flags of the _O_NOINHERIT and closed fds %#x %#x",
              flags[noinh], flags[closed]);
        HANDLE h;
        memcpy(&h, si.lpReserved2 + 4 + count + noinh * sizeof(HANDLE), sizeof(h));
        CHECK(h == INVALID_HANDLE_VALUE, "child: the _O_NOINHERIT fd's handle %p", h);
        memcpy(&h, si.lpReserved2 + 4 + count + data * sizeof(HANDLE), sizeof(h));
        CHECK(h == (HANDLE)_get_osfhandle(data), "child: fd %d has the handle the block gives", data);
    }
    STARTUPINFOW siw;
    memset(&siw, 0, sizeof(siw));
    GetStartupInfoW(&siw);
    CHECK(siw.cbReserved2 == si.cbReserved2 && siw.lpReserved2 && si.lpReserved2 &&
          !memcmp(siw.lpReserved2, si.lpReserved2, si.cbReserved2), "child: GetStartupInfoW gives the same bytes");
    /* The bytes are the process parameters' RuntimeData (a UNICODE_STRING at 0xe0 on x64). */
    char *params = (char *)NtCurrentTeb()->ProcessEnvironmentBlock->ProcessParameters;
    USHORT rd_len;
    BYTE *rd_buf;
    memcpy(&rd_len, params + 0xe0, sizeof(rd_len));
    memcpy(&rd_buf, params + 0xe8, sizeof(rd_buf));
    CHECK(rd_len == si.cbReserved2 && rd_buf == si.lpReserved2, "child: RuntimeData %u %p", rd_len, rd_buf);

    /* The binary fd: the same file, the same position (one file object). */
    CHECK(_get_osfhandle(data) != -1, "child: fd %d is open", data);
    CHECK(_write(data, " world\n", 7) == 7, "child: _write through the inherited fd: errno %d", errno);
    CHECK(_lseek(data, 0, SEEK_SET) == 0, "child: _lseek");
    CHECK(_read(data, buf, 12) == 12 && !memcmp(buf, "hello world\n", 12), "child: _read back: %.12s", buf);
    CHECK(_setmode(data, _O_BINARY) == _O_BINARY, "child: the fd is binary");
    /* The text fd: "\n" becomes "\r\n". */
    CHECK(_write(text, "x\ny", 3) == 3, "child: _write in text mode");
    CHECK(_setmode(text, _O_TEXT) == _O_TEXT, "child: the fd is in text mode");
    /* The append fd: the parent left the position at 0; the write still goes to the end. */
    CHECK(_write(app, "A2", 2) == 2, "child: _write in append mode");
    /* Not passed. */
    CHECK(not_open(noinh), "child: the _O_NOINHERIT fd %d is not open", noinh);
    CHECK(not_open(closed), "child: the closed fd %d is not open", closed);
    /* The pipe's write end. */
    CHECK(_fstat(pipe_w, &st) == 0 && (st.st_mode & _S_IFMT) == _S_IFIFO, "child: fd %d is a pipe: %#x", pipe_w,
          st.st_mode);
    CHECK(_write(pipe_w, "ping", 4) == 4, "child: _write to the pipe");
    /* A _dup of the binary fd: inheritable like any fd not opened with _O_NOINHERIT. */
    CHECK(_write(dup, "dup\n", 4) == 4, "child: _write through the _dup'ed fd");
    /* The standard fds. */
    CHECK(_get_osfhandle(1) != -1 && _get_osfhandle(2) != -1, "child: fds 1 and 2 are open");
    return child_result();
}

/* child bare FD: started by CreateProcess without lpReserved2 */
static int child_bare(char **argv)
{
    int fd = atoi(argv[3]);
    STARTUPINFOA si;
    memset(&si, 0xcc, sizeof(si));
    GetStartupInfoA(&si);
    CHECK(si.cbReserved2 == 0 && si.lpReserved2 == NULL, "bare child: lpReserved2 %u %p", si.cbReserved2,
          si.lpReserved2);
    CHECK(not_open(fd), "bare child: the parent's fd %d is not open", fd);
    CHECK(_get_osfhandle(1) == (intptr_t)GetStdHandle(STD_OUTPUT_HANDLE), "bare child: fd 1 is standard output");
    CHECK(_get_osfhandle(2) == (intptr_t)GetStdHandle(STD_ERROR_HANDLE), "bare child: fd 2 is standard error");
    /* Only fds 0-2 are open: the next fd is 3. */
    int d = _dup(1);
    CHECK(d == 3, "bare child: _dup gives fd %d", d);
    return child_result();
}

/* child raw HANDLE: started by CreateProcess with a block made by hand: fd 5 is HANDLE (open,
 * binary), fds 0-4 not given. */
static int child_raw(char **argv)
{
    HANDLE h = (HANDLE)(uintptr_t)strtoull(argv[3], NULL, 16);
    STARTUPINFOA si;
    memset(&si, 0, sizeof(si));
    GetStartupInfoA(&si);
    CHECK(si.cbReserved2 == 4 + 6 * (1 + sizeof(HANDLE)) && si.lpReserved2 != NULL, "raw child: lpReserved2 %u %p",
          si.cbReserved2, si.lpReserved2);
    if (si.lpReserved2 && si.cbReserved2 >= 4 + 6 * (1 + sizeof(HANDLE))) {
        HANDLE got;
        memcpy(&got, si.lpReserved2 + 4 + 6 + 5 * sizeof(HANDLE), sizeof(got));
        CHECK(si.lpReserved2[0] == 6 && si.lpReserved2[4 + 5] == 0x01 && got == h, "raw child: the bytes the parent gave");
    }
    CHECK(_get_osfhandle(5) == (intptr_t)h, "raw child: fd 5 is the handle: %p", (void *)_get_osfhandle(5));
    CHECK(_write(5, "raw\n", 4) == 4, "raw child: _write through fd 5");
    CHECK(_setmode(5, _O_BINARY) == _O_BINARY, "raw child: fd 5 is binary (no text bit given)");
    CHECK(not_open(3) && not_open(4), "raw child: fds 3 and 4 are not open");
    /* fds 0-2 not given: the standard handles. */
    CHECK(_get_osfhandle(1) == (intptr_t)GetStdHandle(STD_OUTPUT_HANDLE), "raw child: fd 1 is standard output");
    return child_result();
}

/* child one FD [say]: fd FD is open (and writable); with "say", print "said" */
static int child_one(int argc, char **argv)
{
    int fd = atoi(argv[3]);
    CHECK(_write(fd, "one\n", 4) == 4, "child: _write through fd %d: errno %d", fd, errno);
    if (argc > 4)
        printf("said\n");
    return child_result();
}

/* child detach FD: started with _P_DETACH; writes "passed failed std-flags" to fd FD. */
static int child_detach(char **argv)
{
    int fd = atoi(argv[3]);
    char out[64];
    STARTUPINFOA si;
    memset(&si, 0, sizeof(si));
    GetStartupInfoA(&si);
    int std_flags = -1;
    CHECK(si.cbReserved2 >= 4 + 3 * (1 + sizeof(HANDLE)) && si.lpReserved2 != NULL, "detached child: lpReserved2 %u",
          si.cbReserved2);
    if (si.lpReserved2 && si.cbReserved2 >= 4 + 3 * (1 + sizeof(HANDLE))) {
        unsigned count;
        memcpy(&count, si.lpReserved2, 4);
        CHECK(count == (unsigned)fd + 1 && (si.lpReserved2[4 + fd] & 0x81) == 0x01, "detached child: fd %d described",
              fd);
        std_flags = si.lpReserved2[4] | si.lpReserved2[5] << 8 | si.lpReserved2[6] << 16;
    }
    sprintf(out, "%d %d %d\n", check_passed, check_failed, std_flags);
    _write(fd, out, (unsigned)strlen(out));
    _close(fd);
    return 0;
}

/* child none FD: fd FD is not open; print "said" */
static int child_none(char **argv)
{
    int fd = atoi(argv[3]);
    CHECK(not_open(fd), "child: fd %d is open", fd);
    CHECK(_get_osfhandle(1) == (intptr_t)GetStdHandle(STD_OUTPUT_HANDLE), "child: fd 1 is standard output");
    printf("said\n");
    return child_result();
}

/* child exec FD: _execl a grandchild "one FD" (fd FD came from our parent: it passes on). */
static int child_exec(char **argv)
{
    _execl(self, "fdinherit.exe", "child", "one", argv[3], NULL);
    return 0x7ffe0000; /* _execl failed */
}

static int child_main(int argc, char **argv)
{
    iph_install();
    const char *mode = argv[2];
    if (!strcmp(mode, "fds"))
        return child_fds(argv);
    if (!strcmp(mode, "bare"))
        return child_bare(argv);
    if (!strcmp(mode, "raw"))
        return child_raw(argv);
    if (!strcmp(mode, "one"))
        return child_one(argc, argv);
    if (!strcmp(mode, "exec"))
        return child_exec(argv);
    if (!strcmp(mode, "none"))
        return child_none(argv);
    if (!strcmp(mode, "detach"))
        return child_detach(argv);
    return 0x7fff0000;
}

/* ---- the parent ------------------------------------------------------------------------- */

/* Add a child's counts to ours. */
static void add_child(const char *what, intptr_t r)
{
    int ok = r != -1 && (r & 0xffff) > 0 && (r & 0xffff) < 100 && (r >> 16) < 100;
    CHECK(ok, "%s: not a child's counts: %d (errno %d)", what, (int)r, errno);
    if (!ok)
        return;
    check_passed += (int)(r & 0xffff);
    check_failed += (int)((r >> 16) & 0x7fff);
}

static int open_new(const char *name, int mode)
{
    return _open(name, _O_CREAT | _O_TRUNC | mode, _S_IREAD | _S_IWRITE);
}

static void test_spawn(void)
{
    char a[7][16];
    int p[2];
    int len;
    int data = open_new("fdi-data.tmp", _O_RDWR | _O_BINARY);
    int closed = open_new("fdi-closed.tmp", _O_RDWR | _O_BINARY);
    int text = open_new("fdi-text.tmp", _O_WRONLY | _O_TEXT);
    int app = open_new("fdi-app.tmp", _O_WRONLY | _O_BINARY | _O_APPEND);
    int noinh = open_new("fdi-noinh.tmp", _O_WRONLY | _O_BINARY | _O_NOINHERIT);
    CHECK(data >= 3 && closed > data && text > closed && app > text && noinh > app, "fds %d %d %d %d %d", data, closed,
          text, app, noinh);
    CHECK(_pipe(p, 256, _O_BINARY) == 0, "_pipe");
    int dup = _dup(data);
    CHECK(dup > p[1], "_dup: %d", dup);
    /* A hole below the highest fd: described as not open. */
    CHECK(_close(closed) == 0, "_close");
    CHECK(_write(data, "hello", 5) == 5, "_write");
    CHECK(_write(app, "A1", 2) == 2 && _lseek(app, 0, SEEK_SET) == 0, "_write and _lseek on the append fd");

    int v[7] = { data, text, app, noinh, closed, p[1], dup };
    for (int i = 0; i < 7; i++)
        sprintf(a[i], "%d", v[i]);
    intptr_t r = _spawnl(_P_WAIT, self, "fdinherit.exe", "child", "fds", a[0], a[1], a[2], a[3], a[4], a[5], a[6], NULL);
    add_child("_spawnl", r);

    /* One file object (the _dup'ed fd's too): the child's reads and writes moved our position. */
    CHECK(_lseek(data, 0, SEEK_CUR) == 16, "the position the child left: %ld", _lseek(data, 0, SEEK_CUR));
    CHECK(_close(p[1]) == 0, "close the write end");
    char buf[16] = "";
    CHECK(_read(p[0], buf, sizeof(buf)) == 4 && !memcmp(buf, "ping", 4), "the child wrote to the pipe: %.4s", buf);
    /* The child has exited: its copy of the write end is closed with it. */
    CHECK(_read(p[0], buf, sizeof(buf)) == 0, "end of the pipe");
    _close(p[0]);
    _close(data);
    _close(dup);
    _close(text);
    _close(app);
    _close(noinh);
    const char *s = slurp("fdi-data.tmp", &len);
    CHECK(len == 16 && !memcmp(s, "hello world\ndup\n", 16), "the binary file: %d %s", len, s);
    s = slurp("fdi-text.tmp", &len);
    CHECK(len == 4 && !memcmp(s, "x\r\ny", 4), "the text file: %d %s", len, s);
    s = slurp("fdi-app.tmp", &len);
    CHECK(len == 4 && !memcmp(s, "A1A2", 4), "the append file: %d %s", len, s);
    remove("fdi-data.tmp");
    remove("fdi-closed.tmp");
    remove("fdi-text.tmp");
    remove("fdi-app.tmp");
    remove("fdi-noinh.tmp");
}

/* The wide forms and _P_NOWAIT pass the table too. */
static void test_wspawn(void)
{
    int fd = open_new("fdi-wide.tmp", _O_WRONLY | _O_BINARY);
    wchar_t wself[MAX_PATH], wfd[16];
    GetModuleFileNameW(NULL, wself, MAX_PATH);
    _itow(fd, wfd, 10);
    const wchar_t *args[] = { L"fdinherit.exe", L"child", L"one", wfd, NULL };
    intptr_t h = _wspawnv(_P_NOWAIT, wself, args);
    CHECK(h != -1, "_wspawnv: errno %d", errno);
    int code = -1;
    if (h != -1)
        CHECK(_cwait(&code, h, 0) == h, "_cwait");
    add_child("_wspawnv", code);
    _close(fd);
    int len;
    const char *s = slurp("fdi-wide.tmp", &len);
    CHECK(len == 4 && !memcmp(s, "one\n", 4), "the child's write: %d %s", len, s);
    remove("fdi-wide.tmp");
}

/* _P_DETACH: the table goes without fds 0-2 (the detached child has no console): Microsoft's
 * UCRT leaves them out (spawnv.cpp, accumulate_inheritable_handles); the same is expected of
 * msvcrt.dll, not verified on Windows. */
static void test_detach(void)
{
    int fd = open_new("fdi-detach.tmp", _O_WRONLY | _O_BINARY);
    char a[16];
    sprintf(a, "%d", fd);
    intptr_t r = _spawnl(_P_DETACH, self, "fdinherit.exe", "child", "detach", a, NULL);
    CHECK(r == 0, "_spawnl(_P_DETACH): %d errno %d", (int)r, errno);
    _close(fd);
    int len = 0, passed = 0, failed = -1, std_flags = -1;
    const char *s = "";
    for (int i = 0; i < 200 && r == 0; i++) {
        s = slurp("fdi-detach.tmp", &len);
        if (len > 0 && s[len - 1] == '\n')
            break;
        Sleep(50);
    }
    CHECK(sscanf(s, "%d %d %d", &passed, &failed, &std_flags) == 3, "the detached child's report: %s", s);
    check_passed += passed;
    check_failed += failed > 0 ? failed : 0;
    if (is_wine())
        /* WINE: Wine's msvcrt and ucrtbase pass fds 0-2 to a detached child too (Wine 8 gives
         * flags 0xc1 0x81 0x81 here). */
        CHECK((std_flags & 0x010101) == 0x010101, "the detached child's fds 0-2: %#x", std_flags);
    else
        CHECK(std_flags == 0, "the detached child gets no fds 0-2: %#x", std_flags);
    Sleep(100); /* the child closes the file and exits */
    remove("fdi-detach.tmp");
}

/* _execl (_P_OVERLAY): the new process gets the table of the one it replaces, whose fds came
 * from us. Windows has no exec: the caller ends with 0 and the new process runs on. */
static void test_exec(void)
{
    int fd = open_new("fdi-exec.tmp", _O_WRONLY | _O_BINARY);
    char a[16];
    sprintf(a, "%d", fd);
    intptr_t r = _spawnl(_P_WAIT, self, "fdinherit.exe", "child", "exec", a, NULL);
    CHECK(r == 0, "the child that called _execl ended with %d", (int)r);
    _close(fd);
    int len = 0;
    const char *s = "";
    for (int i = 0; i < 200; i++) {
        s = slurp("fdi-exec.tmp", &len);
        if (len >= 4)
            break;
        Sleep(50);
    }
    CHECK(len == 4 && !memcmp(s, "one\n", 4), "the new program's write through fd %d: %d %s", fd, len, s);
    Sleep(100); /* it closes the file and exits */
    remove("fdi-exec.tmp");
}

/* system: the command interpreter gets the table and passes it on (Wine's cmd.exe passes its
 * C runtime's table to the programs it starts, its redirections as fds 0-2), so the program
 * finds fd FD, and its standard output is still the redirection. */
static void test_system(void)
{
    int fd = open_new("fdi-sys.tmp", _O_WRONLY | _O_BINARY);
    char line[128];
    sprintf(line, "fdinherit.exe child one %d say > fdi-sysout.tmp", fd);
    add_child("system", system(line));
    _close(fd);
    int len;
    const char *s = slurp("fdi-sys.tmp", &len);
    CHECK(len == 4 && !memcmp(s, "one\n", 4), "the program's write through fd %d: %d %s", fd, len, s);
    s = slurp("fdi-sysout.tmp", &len);
    CHECK(len == 6 && !memcmp(s, "said\r\n", 6), "the program's redirected standard output: %d %s", len, s);
    remove("fdi-sys.tmp");
    remove("fdi-sysout.tmp");
}

/* _popen: no fd table (Wine 8 starts the command with STARTF_USESTDHANDLES and no
 * lpReserved2), so the command's program has its standard fds only; its standard output is
 * the pipe. */
static void test_popen(void)
{
    int fd = open_new("fdi-popen.tmp", _O_WRONLY | _O_BINARY);
    char line[128], buf[64] = "";
    sprintf(line, "fdinherit.exe child none %d", fd);
    FILE *f = _popen(line, "rb");
    CHECK(f != NULL, "_popen: errno %d", errno);
    size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
    CHECK(n == 6 && !memcmp(buf, "said\r\n", 6), "the program's output through the pipe: %d %s", (int)n, buf);
    add_child("_popen", f ? _pclose(f) : -1);
    _close(fd);
    remove("fdi-popen.tmp");
}

static DWORD run(const char *cmdline, STARTUPINFOA *si)
{
    PROCESS_INFORMATION pi;
    char line[MAX_PATH + 64];
    strcpy(line, cmdline);
    if (!CreateProcessA(self, line, NULL, NULL, TRUE, 0, NULL, NULL, si, &pi)) {
        CHECK(0, "CreateProcessA %s: error %lu", cmdline, GetLastError());
        return (DWORD)-1;
    }
    DWORD code = (DWORD)-1;
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return code;
}

static void test_createprocess(void)
{
    char line[128];
    STARTUPINFOA si;

    /* lpReserved2 NULL (handles inherited, but no fd table): the child has fds 0-2 only. */
    int fd = open_new("fdi-bare.tmp", _O_WRONLY | _O_BINARY);
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    sprintf(line, "fdinherit.exe child bare %d", fd);
    add_child("CreateProcess, no lpReserved2", (int)run(line, &si));
    _close(fd);
    remove("fdi-bare.tmp");

    /* A block made by hand: fd 5 is an inheritable handle from CreateFile. */
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE h = CreateFileA("fdi-raw.tmp", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa, CREATE_ALWAYS, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "CreateFileA: %lu", GetLastError());
    unsigned char block[4 + 6 * (1 + sizeof(HANDLE))];
    unsigned count = 6;
    memset(block, 0, sizeof(block));
    memcpy(block, &count, 4);
    block[4 + 5] = 0x01; /* open, binary */
    for (int i = 0; i < 6; i++) {
        HANDLE v = i == 5 ? h : INVALID_HANDLE_VALUE;
        memcpy(block + 4 + 6 + i * sizeof(HANDLE), &v, sizeof(v));
    }
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    si.cbReserved2 = sizeof(block);
    si.lpReserved2 = block;
    sprintf(line, "fdinherit.exe child raw %llx", (unsigned long long)(uintptr_t)h);
    add_child("CreateProcess with a block", (int)run(line, &si));
    CloseHandle(h);
    int len;
    const char *s = slurp("fdi-raw.tmp", &len);
    CHECK(len == 4 && !memcmp(s, "raw\n", 4), "the raw child's write: %d %s", len, s);
    remove("fdi-raw.tmp");
}

int main(int argc, char **argv)
{
    GetModuleFileNameA(NULL, self, MAX_PATH);
    if (argc >= 3 && !strcmp(argv[1], "child"))
        return child_main(argc, argv);
    setvbuf(stdout, NULL, _IONBF, 0);
    iph_install();
    test_spawn();
    test_wspawn();
    test_detach();
    test_exec();
    test_system();
    test_popen();
    test_createprocess();
    return check_report();
}
