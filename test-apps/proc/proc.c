/* proc.c - processes: CreateProcess with redirected standard handles, handle inheritance
 * (bInheritHandles, PROC_THREAD_ATTRIBUTE_HANDLE_LIST), a three-level process chain, the
 * environment block and current directory of a child, CREATE_SUSPENDED, TerminateProcess,
 * OpenProcess, process times, job objects, command-line quoting through CreateProcess,
 * DuplicateHandle into a child, and the exit code and output order of ExitProcess.
 *
 * The same exe is the parent and every child: argv[1] = "child-..." selects a child role.
 * Children report on their standard output, which the parent reads through a pipe. */
#define _WIN32_WINNT 0x0601
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static char self[MAX_PATH];

/* ---- helpers -------------------------------------------------------------------------- */

/* All of a pipe, up to its end (ReadFile fails with ERROR_BROKEN_PIPE once every writer is
 * gone); returns the length, NUL-terminates, and stores the final error. */
static DWORD read_all(HANDLE h, char *buf, DWORD size, DWORD *final_error)
{
    DWORD total = 0, n;
    for (;;) {
        if (total + 1 >= size)
            break;
        if (!ReadFile(h, buf + total, size - 1 - total, &n, NULL)) {
            if (final_error)
                *final_error = GetLastError();
            break;
        }
        if (n == 0) {
            if (final_error)
                *final_error = 0;
            break;
        }
        total += n;
    }
    buf[total] = 0;
    return total;
}

static void make_pipe(HANDLE *r, HANDLE *w, BOOL inherit_r, BOOL inherit_w)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    BOOL ok = CreatePipe(r, w, &sa, 0);
    CHECK(ok, "CreatePipe: %lu", GetLastError());
    if (!inherit_r)
        SetHandleInformation(*r, HANDLE_FLAG_INHERIT, 0);
    if (!inherit_w)
        SetHandleInformation(*w, HANDLE_FLAG_INHERIT, 0);
}

/* Start this exe with `args`, its standard handles (if any non-NULL) and `inherit`. */
static BOOL start(const char *args, HANDLE in, HANDLE out, HANDLE err, BOOL inherit, DWORD flags,
                  PROCESS_INFORMATION *pi)
{
    char cmd[2048];
    STARTUPINFOA si;
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    if (in || out || err) {
        si.dwFlags = STARTF_USESTDHANDLES;
        si.hStdInput = in;
        si.hStdOutput = out;
        si.hStdError = err;
    }
    snprintf(cmd, sizeof(cmd), "\"%s\" %s", self, args);
    return CreateProcessA(NULL, cmd, NULL, NULL, inherit, flags, NULL, NULL, &si, pi);
}

static DWORD wait_code(PROCESS_INFORMATION *pi)
{
    DWORD code = 0xdeadbeef;
    DWORD w = WaitForSingleObject(pi->hProcess, 20000);
    CHECK(w == WAIT_OBJECT_0, "wait for the child: %lu", w);
    CHECK(GetExitCodeProcess(pi->hProcess, &code), "GetExitCodeProcess: %lu", GetLastError());
    return code;
}

static void close_pi(PROCESS_INFORMATION *pi)
{
    CloseHandle(pi->hThread);
    CloseHandle(pi->hProcess);
}

/* ---- children ------------------------------------------------------------------------- */

static int child_echo(void)
{
    char line[256];
    int n = 0;
    while (fgets(line, sizeof(line), stdin)) {
        char *p;
        for (p = line; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p -= 32;
        line[strcspn(line, "\r\n")] = 0;
        printf("[%s]\n", line);
        n++;
    }
    fprintf(stderr, "lines=%d\n", n);
    return 0x1234567;
}

static int child_inherit(int argc, char **argv)
{
    /* argv[2..]: handle values to write to, in hex. */
    int i;
    for (i = 2; i < argc; i++) {
        HANDLE h = (HANDLE)(ULONG_PTR)strtoull(argv[i], NULL, 16);
        DWORD n = 0, flags = 0;
        BOOL w = WriteFile(h, argv[i], (DWORD)strlen(argv[i]), &n, NULL);
        BOOL f = GetHandleInformation(h, &flags);
        printf("%s write=%d flags=%lu/%d\n", argv[i], w, flags, f);
    }
    return 0;
}

static int child_chain(int level)
{
    printf("level %d start\n", level);
    fflush(stdout);
    if (level < 2) {
        PROCESS_INFORMATION pi;
        char args[64];
        DWORD code;
        snprintf(args, sizeof(args), "child-chain %d", level + 1);
        /* No STARTF_USESTDHANDLES: the grandchild gets our standard handles, which we
         * inherited (so they are inheritable) from the top parent. */
        if (!start(args, NULL, NULL, NULL, TRUE, 0, &pi)) {
            printf("level %d: CreateProcess failed %lu\n", level, GetLastError());
            return 99;
        }
        WaitForSingleObject(pi.hProcess, 20000);
        GetExitCodeProcess(pi.hProcess, &code);
        close_pi(&pi);
        printf("level %d: child exited %lu\n", level, code);
        return 10 + (int)code;
    }
    printf("level %d end\n", level);
    return 7;
}

static int child_env(void)
{
    char buf[256];
    WCHAR wbuf[64];
    DWORD n;
    HANDLE f;
    n = GetEnvironmentVariableA("winers_proc_var", buf, sizeof(buf));
    printf("var=%s (%lu)\n", n ? buf : "<unset>", n);
    n = GetEnvironmentVariableW(L"WINERS_PROC_UNI", wbuf, 64);
    printf("uni=%lu:%04x,%04x,%04x\n", n, wbuf[0], n > 1 ? wbuf[1] : 0, n > 2 ? wbuf[2] : 0);
    n = GetEnvironmentVariableA("WINERS_PARENT_ONLY", buf, sizeof(buf));
    printf("parentonly=%s\n", n ? "present" : "absent");
    f = CreateFileA("marker.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (f == INVALID_HANDLE_VALUE) {
        printf("marker=<none %lu>\n", GetLastError());
    } else {
        DWORD got = 0;
        ReadFile(f, buf, sizeof(buf) - 1, &got, NULL);
        buf[got] = 0;
        printf("marker=%s\n", buf);
        CloseHandle(f);
    }
    return 0;
}

static int child_args(int argc, char **argv)
{
    int i;
    printf("argc=%d\n", argc - 2);
    for (i = 2; i < argc; i++)
        printf("<%s>\n", argv[i]);
    return 0;
}

static int child_dup(void)
{
    char line[64];
    HANDLE h;
    DWORD n = 0;
    BOOL ok;
    if (!fgets(line, sizeof(line), stdin))
        return 1;
    h = (HANDLE)(ULONG_PTR)strtoull(line, NULL, 16);
    ok = WriteFile(h, "dup!", 4, &n, NULL);
    printf("dup write=%d n=%lu\n", ok, n);
    CloseHandle(h);
    return ok ? 0 : 2;
}

static void print_atexit(void)
{
    printf("atexit\n");
}

static int child_exit(const char *how)
{
    atexit(print_atexit);
    printf("main\n");
    if (!strcmp(how, "exitprocess"))
        ExitProcess(0x10004);
    if (!strcmp(how, "exit"))
        exit(0x10005);
    return 0x10003;
}

static int child_main(int argc, char **argv)
{
    const char *role = argv[1];
    if (!strcmp(role, "child-echo"))
        return child_echo();
    if (!strcmp(role, "child-inherit"))
        return child_inherit(argc, argv);
    if (!strcmp(role, "child-chain"))
        return child_chain(argc > 2 ? atoi(argv[2]) : 1);
    if (!strcmp(role, "child-env"))
        return child_env();
    if (!strcmp(role, "child-args"))
        return child_args(argc, argv);
    if (!strcmp(role, "child-print")) {
        printf("%s\n", argc > 2 ? argv[2] : "");
        return 5;
    }
    if (!strcmp(role, "child-sleep")) {
        Sleep(30000);
        return 1;
    }
    if (!strcmp(role, "child-dup"))
        return child_dup();
    if (!strcmp(role, "child-exit"))
        return child_exit(argc > 2 ? argv[2] : "return");
    return 100;
}

/* ---- tests ---------------------------------------------------------------------------- */

/* A child with all three standard handles redirected to pipes: we write its input, read all
 * its output and error, and get its (32-bit) exit code. */
static void test_redirect(void)
{
    HANDLE in_r, in_w, out_r, out_w, err_r, err_w;
    PROCESS_INFORMATION pi;
    char out[1024], err[256];
    DWORD n, e = 1, code;
    make_pipe(&in_r, &in_w, TRUE, FALSE);
    make_pipe(&out_r, &out_w, FALSE, TRUE);
    make_pipe(&err_r, &err_w, FALSE, TRUE);
    CHECK(GetFileType(out_r) == FILE_TYPE_PIPE, "pipe type %lu", GetFileType(out_r));
    if (!start("child-echo", in_r, out_w, err_w, TRUE, 0, &pi)) {
        CHECK(0, "CreateProcess: %lu", GetLastError());
        return;
    }
    CHECK(pi.dwProcessId != 0 && pi.dwProcessId != GetCurrentProcessId(), "pid %lu", pi.dwProcessId);
    CHECK(GetProcessId(pi.hProcess) == pi.dwProcessId, "GetProcessId");
    CloseHandle(in_r);
    CloseHandle(out_w);
    CloseHandle(err_w);
    CHECK(WriteFile(in_w, "hello\nworld\r\nlast", 17, &n, NULL) && n == 17, "write stdin");
    CloseHandle(in_w);
    n = read_all(out_r, out, sizeof(out), &e);
    CHECK(!strcmp(out, "[HELLO]\r\n[WORLD]\r\n[LAST]\r\n"), "child stdout '%s'", out);
    CHECK(e == ERROR_BROKEN_PIPE, "end of the output pipe: error %lu", e);
    read_all(err_r, err, sizeof(err), &e);
    CHECK(!strcmp(err, "lines=3\r\n"), "child stderr '%s'", err);
    /* Reading again after the end: still ERROR_BROKEN_PIPE. */
    SetLastError(0);
    CHECK(!ReadFile(out_r, out, 10, &n, NULL) && GetLastError() == ERROR_BROKEN_PIPE && n == 0,
          "read after end: %lu", GetLastError());
    code = wait_code(&pi);
    CHECK(code == 0x1234567, "exit code %#lx", code);
    CHECK(WaitForSingleObject(pi.hThread, 5000) == WAIT_OBJECT_0, "the thread handle is signaled too");
    close_pi(&pi);
    CloseHandle(out_r);
    CloseHandle(err_r);
}

/* Only handles marked inheritable reach the child, and only with bInheritHandles. */
static void test_inherit(void)
{
    HANDLE a_r, a_w, b_r, b_w, out_r, out_w;
    PROCESS_INFORMATION pi;
    char args[256], out[1024], got[64];
    DWORD flags = 0;
    int round;
    for (round = 0; round < 2; round++) {
        BOOL inherit = round == 0;
        make_pipe(&a_r, &a_w, FALSE, TRUE);  /* a_w inheritable */
        make_pipe(&b_r, &b_w, FALSE, FALSE); /* b_w not */
        make_pipe(&out_r, &out_w, FALSE, TRUE);
        CHECK(GetHandleInformation(a_w, &flags) && flags == HANDLE_FLAG_INHERIT, "flags %lu", flags);
        CHECK(GetHandleInformation(b_w, &flags) && flags == 0, "flags %lu", flags);
        snprintf(args, sizeof(args), "child-inherit %p %p", a_w, b_w);
        if (!start(args, NULL, out_w, out_w, inherit, 0, &pi)) {
            CHECK(0, "CreateProcess: %lu", GetLastError());
            return;
        }
        CloseHandle(out_w);
        CloseHandle(a_w);
        CloseHandle(b_w);
        read_all(out_r, out, sizeof(out), NULL);
        CHECK(wait_code(&pi) == 0, "child exit code");
        close_pi(&pi);
        read_all(a_r, got, sizeof(got), NULL);
        if (inherit) {
            char want[32];
            snprintf(want, sizeof(want), "%p", a_w);
            CHECK(!strcmp(got, want), "the inheritable handle kept its value in the child: '%s' (child said %s)",
                  got, out);
            CHECK(strstr(out, "flags=1/1") != NULL, "inherited handles keep HANDLE_FLAG_INHERIT: %s", out);
        } else {
            CHECK(got[0] == 0, "bInheritHandles FALSE: nothing inherited, got '%s'", got);
        }
        read_all(b_r, got, sizeof(got), NULL);
        CHECK(got[0] == 0, "the non-inheritable handle did not reach the child: '%s'", got);
        CloseHandle(a_r);
        CloseHandle(b_r);
        CloseHandle(out_r);
    }
}

/* PROC_THREAD_ATTRIBUTE_HANDLE_LIST: of two inheritable handles only the listed one goes. */
static void test_handle_list(void)
{
    HANDLE a_r, a_w, b_r, b_w, out_r, out_w, list[2];
    STARTUPINFOEXA si;
    PROCESS_INFORMATION pi;
    SIZE_T size = 0;
    char cmd[512], out[512], got[64], want[32];
    LPPROC_THREAD_ATTRIBUTE_LIST attrs;
    make_pipe(&a_r, &a_w, FALSE, TRUE);
    make_pipe(&b_r, &b_w, FALSE, TRUE);
    make_pipe(&out_r, &out_w, FALSE, TRUE);
    CHECK(!InitializeProcThreadAttributeList(NULL, 1, 0, &size) && GetLastError() == ERROR_INSUFFICIENT_BUFFER,
          "size query: %lu", GetLastError());
    CHECK(size > 0, "attribute list size %lu", (unsigned long)size);
    attrs = HeapAlloc(GetProcessHeap(), 0, size);
    CHECK(InitializeProcThreadAttributeList(attrs, 1, 0, &size), "init: %lu", GetLastError());
    list[0] = a_w;
    list[1] = out_w;
    CHECK(UpdateProcThreadAttribute(attrs, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, list, sizeof(list), NULL, NULL),
          "update: %lu", GetLastError());
    memset(&si, 0, sizeof(si));
    si.StartupInfo.cb = sizeof(si);
    si.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
    si.StartupInfo.hStdOutput = out_w;
    si.StartupInfo.hStdError = out_w;
    si.lpAttributeList = attrs;
    snprintf(cmd, sizeof(cmd), "\"%s\" child-inherit %p %p", self, a_w, b_w);
    if (!CreateProcessA(NULL, cmd, NULL, NULL, TRUE, EXTENDED_STARTUPINFO_PRESENT, NULL, NULL,
                        &si.StartupInfo, &pi)) {
        CHECK(0, "CreateProcess with a handle list: %lu", GetLastError());
        return;
    }
    DeleteProcThreadAttributeList(attrs);
    HeapFree(GetProcessHeap(), 0, attrs);
    CloseHandle(out_w);
    CloseHandle(a_w);
    CloseHandle(b_w);
    read_all(out_r, out, sizeof(out), NULL);
    CHECK(wait_code(&pi) == 0, "child exit code");
    close_pi(&pi);
    read_all(a_r, got, sizeof(got), NULL);
    snprintf(want, sizeof(want), "%p", a_w);
    CHECK(!strcmp(got, want), "the listed handle was inherited: '%s' (%s)", got, out);
    read_all(b_r, got, sizeof(got), NULL);
    CHECK(got[0] == 0, "the unlisted inheritable handle was not: '%s'", got);
    CloseHandle(a_r);
    CloseHandle(b_r);
    CloseHandle(out_r);
}

/* Parent -> child -> grandchild, output of both through the same inherited pipe. */
static void test_chain(void)
{
    HANDLE out_r, out_w;
    PROCESS_INFORMATION pi;
    char out[1024];
    DWORD code;
    make_pipe(&out_r, &out_w, FALSE, TRUE);
    if (!start("child-chain 1", NULL, out_w, out_w, TRUE, 0, &pi)) {
        CHECK(0, "CreateProcess: %lu", GetLastError());
        return;
    }
    CloseHandle(out_w);
    read_all(out_r, out, sizeof(out), NULL);
    code = wait_code(&pi);
    CHECK(code == 17, "chain exit code %lu", code);
    CHECK(!strcmp(out, "level 1 start\r\nlevel 2 start\r\nlevel 2 end\r\nlevel 1: child exited 7\r\n"),
          "chain output '%s'", out);
    close_pi(&pi);
    CloseHandle(out_r);
}

/* An environment block (ANSI, then UTF-16) and a current directory. */
static void test_env_cwd(void)
{
    HANDLE out_r, out_w, f;
    PROCESS_INFORMATION pi;
    STARTUPINFOW si;
    char out[1024], dir[MAX_PATH], *slash;
    WCHAR wdir[MAX_PATH], cmd[MAX_PATH + 32];
    WCHAR *wenv, *src, *dst, *base;
    char *aenv, *asrc, *adst, *abase;
    DWORD n;
    int round;

    /* The directory: next to the exe, with a marker file. */
    strcpy(dir, self);
    slash = strrchr(dir, '\\');
    strcpy(slash + 1, "proc-cwd-test");
    CreateDirectoryA(dir, NULL);
    strcat(dir, "\\marker.txt");
    f = CreateFileA(dir, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CHECK(f != INVALID_HANDLE_VALUE, "create %s: %lu", dir, GetLastError());
    WriteFile(f, "found", 5, &n, NULL);
    CloseHandle(f);
    *strrchr(dir, '\\') = 0;
    MultiByteToWideChar(CP_ACP, 0, dir, -1, wdir, MAX_PATH);
    SetEnvironmentVariableA("WINERS_PARENT_ONLY", "1");

    for (round = 0; round < 2; round++) {
        make_pipe(&out_r, &out_w, FALSE, TRUE);
        memset(&si, 0, sizeof(si));
        si.cb = sizeof(si);
        si.dwFlags = STARTF_USESTDHANDLES;
        si.hStdOutput = out_w;
        si.hStdError = out_w;
        swprintf(cmd, MAX_PATH + 32, L"\"%hs\" child-env", self);
        if (round == 0) {
            /* UTF-16 block: our environment without WINERS_PARENT_ONLY, plus two variables. */
            base = GetEnvironmentStringsW();
            for (src = base; *src; src += wcslen(src) + 1)
                ;
            wenv = HeapAlloc(GetProcessHeap(), 0, (src - base + 128) * sizeof(WCHAR));
            dst = wenv;
            for (src = base; *src; src += wcslen(src) + 1) {
                if (!_wcsnicmp(src, L"WINERS_PARENT_ONLY=", 19))
                    continue;
                wcscpy(dst, src);
                dst += wcslen(src) + 1;
            }
            wcscpy(dst, L"WINERS_PROC_VAR=hello world");
            dst += wcslen(dst) + 1;
            wcscpy(dst, L"WINERS_PROC_UNI=\x00e9\x65e5\x672c");
            dst += wcslen(dst) + 1;
            *dst = 0;
            FreeEnvironmentStringsW(base);
            if (!CreateProcessW(NULL, cmd, NULL, NULL, TRUE, CREATE_UNICODE_ENVIRONMENT, wenv, wdir, &si, &pi)) {
                CHECK(0, "CreateProcessW: %lu", GetLastError());
                return;
            }
            HeapFree(GetProcessHeap(), 0, wenv);
        } else {
            /* ANSI block, same content but for the UTF-16-only variable. */
            abase = GetEnvironmentStringsA();
            for (asrc = abase; *asrc; asrc += strlen(asrc) + 1)
                ;
            aenv = HeapAlloc(GetProcessHeap(), 0, asrc - abase + 128);
            adst = aenv;
            for (asrc = abase; *asrc; asrc += strlen(asrc) + 1) {
                if (!_strnicmp(asrc, "WINERS_PARENT_ONLY=", 19))
                    continue;
                strcpy(adst, asrc);
                adst += strlen(asrc) + 1;
            }
            strcpy(adst, "WINERS_PROC_VAR=ansi");
            adst += strlen(adst) + 1;
            *adst = 0;
            FreeEnvironmentStringsA(abase);
            if (!CreateProcessW(NULL, cmd, NULL, NULL, TRUE, 0, aenv, wdir, &si, &pi)) {
                CHECK(0, "CreateProcessW (ANSI environment): %lu", GetLastError());
                return;
            }
            HeapFree(GetProcessHeap(), 0, aenv);
        }
        CloseHandle(out_w);
        read_all(out_r, out, sizeof(out), NULL);
        CHECK(wait_code(&pi) == 0, "child exit code");
        close_pi(&pi);
        CloseHandle(out_r);
        if (round == 0) {
            CHECK(strstr(out, "var=hello world (11)\r\n") != NULL, "variable from the block: %s", out);
            CHECK(strstr(out, "uni=3:00e9,65e5,672c\r\n") != NULL, "UTF-16 variable: %s", out);
        } else {
            CHECK(strstr(out, "var=ansi (4)\r\n") != NULL, "variable from the ANSI block: %s", out);
            CHECK(strstr(out, "uni=0:") != NULL, "no UTF-16 variable: %s", out);
        }
        CHECK(strstr(out, "parentonly=absent\r\n") != NULL, "only the block's variables: %s", out);
        CHECK(strstr(out, "marker=found\r\n") != NULL, "the child runs in the given directory: %s", out);
    }
    SetEnvironmentVariableA("WINERS_PARENT_ONLY", NULL);

    /* A directory that does not exist. */
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    wcscat(wdir, L"\\no-such-dir");
    SetLastError(0);
    CHECK(!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, wdir, &si, &pi) &&
              GetLastError() == ERROR_DIRECTORY,
          "missing current directory: %lu", GetLastError());
}

/* CREATE_SUSPENDED: nothing runs until ResumeThread. */
static void test_suspended(void)
{
    HANDLE out_r, out_w;
    PROCESS_INFORMATION pi;
    char out[256];
    DWORD avail = 1, prev, code;
    make_pipe(&out_r, &out_w, FALSE, TRUE);
    if (!start("child-print suspended-ran", NULL, out_w, out_w, TRUE, CREATE_SUSPENDED, &pi)) {
        CHECK(0, "CreateProcess: %lu", GetLastError());
        return;
    }
    CloseHandle(out_w);
    CHECK(WaitForSingleObject(pi.hProcess, 300) == WAIT_TIMEOUT, "suspended child still there");
    CHECK(PeekNamedPipe(out_r, NULL, 0, NULL, &avail, NULL) && avail == 0, "no output yet: %lu", avail);
    GetExitCodeProcess(pi.hProcess, &code);
    CHECK(code == STILL_ACTIVE, "STILL_ACTIVE: %lu", code);
    prev = ResumeThread(pi.hThread);
    CHECK(prev == 1, "ResumeThread returned %lu", prev);
    read_all(out_r, out, sizeof(out), NULL);
    CHECK(!strcmp(out, "suspended-ran\r\n"), "output after resume '%s'", out);
    code = wait_code(&pi);
    CHECK(code == 5, "exit code %lu", code);
    close_pi(&pi);
    CloseHandle(out_r);
}

static ULONGLONG ft(FILETIME f)
{
    return ((ULONGLONG)f.dwHighDateTime << 32) | f.dwLowDateTime;
}

/* TerminateProcess, OpenProcess on a child, process and thread times. */
static void test_terminate_open_times(void)
{
    PROCESS_INFORMATION pi;
    HANDLE h2;
    DWORD code = 0;
    FILETIME c, e, k, u, now;
    if (!start("child-sleep", NULL, NULL, NULL, FALSE, 0, &pi)) {
        CHECK(0, "CreateProcess: %lu", GetLastError());
        return;
    }
    h2 = OpenProcess(PROCESS_QUERY_INFORMATION | SYNCHRONIZE, FALSE, pi.dwProcessId);
    CHECK(h2 != NULL, "OpenProcess on the child: %lu", GetLastError());
    CHECK(GetProcessId(h2) == pi.dwProcessId, "its id");
    CHECK(GetExitCodeProcess(h2, &code) && code == STILL_ACTIVE, "running: %lu", code);
    CHECK(WaitForSingleObject(h2, 100) == WAIT_TIMEOUT, "not signaled while running");
    CHECK(GetProcessTimes(pi.hProcess, &c, &e, &k, &u), "GetProcessTimes: %lu", GetLastError());
    GetSystemTimeAsFileTime(&now);
    CHECK(ft(c) != 0 && ft(c) <= ft(now) && ft(now) - ft(c) < 600000000ULL, "creation time %llu, now %llu",
          ft(c), ft(now));
    CHECK(TerminateProcess(pi.hProcess, 0xC0DE), "TerminateProcess: %lu", GetLastError());
    CHECK(WaitForSingleObject(h2, 10000) == WAIT_OBJECT_0, "the other handle is signaled");
    CHECK(GetExitCodeProcess(h2, &code) && code == 0xC0DE, "exit code %#lx", code);
    CHECK(GetExitCodeProcess(pi.hProcess, &code) && code == 0xC0DE, "exit code %#lx", code);
    /* WINE: Wine 8 succeeds; Windows documents FALSE with ERROR_ACCESS_DENIED for a process
     * that has ended, which is what wine-rs does. */
    SetLastError(0);
    CHECK(TerminateProcess(pi.hProcess, 1) || GetLastError() == ERROR_ACCESS_DENIED,
          "terminating an ended process: %lu", GetLastError());
    CHECK(GetExitCodeProcess(pi.hProcess, &code) && code == 0xC0DE, "exit code unchanged %#lx", code);
    CHECK(GetProcessTimes(pi.hProcess, &c, &e, &k, &u), "GetProcessTimes after exit");
    CHECK(ft(e) >= ft(c) && ft(e) != 0, "exit time %llu after creation %llu", ft(e), ft(c));
    CloseHandle(h2);
    close_pi(&pi);

    CHECK(OpenProcess(PROCESS_QUERY_INFORMATION, FALSE, GetCurrentProcessId()) != NULL, "OpenProcess on self");
    SetLastError(0);
    CHECK(OpenProcess(PROCESS_QUERY_INFORMATION, FALSE, 0) == NULL && GetLastError() == ERROR_INVALID_PARAMETER,
          "OpenProcess(0): %lu", GetLastError());
    CHECK(GetProcessTimes(GetCurrentProcess(), &c, &e, &k, &u), "own times");
    CHECK(ft(c) != 0 && ft(c) <= ft(now) && ft(e) == 0, "own creation %llu exit %llu", ft(c), ft(e));
    CHECK(GetThreadTimes(GetCurrentThread(), &c, &e, &k, &u), "GetThreadTimes: %lu", GetLastError());
    CHECK(ft(c) != 0 && ft(c) <= ft(now) && ft(e) == 0, "thread creation %llu exit %llu", ft(c), ft(e));
}

/* Job objects: kill on close, TerminateJobObject. */
static void test_job(void)
{
    PROCESS_INFORMATION pi;
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits;
    HANDLE job;
    BOOL in = TRUE;
    DWORD code;
    int round;
    for (round = 0; round < 2; round++) {
        job = CreateJobObjectW(NULL, NULL);
        CHECK(job != NULL, "CreateJobObject: %lu", GetLastError());
        if (!start("child-sleep", NULL, NULL, NULL, FALSE, CREATE_SUSPENDED, &pi)) {
            CHECK(0, "CreateProcess: %lu", GetLastError());
            return;
        }
        CHECK(IsProcessInJob(pi.hProcess, job, &in) && !in, "not in the job yet");
        CHECK(AssignProcessToJobObject(job, pi.hProcess), "AssignProcessToJobObject: %lu", GetLastError());
        CHECK(IsProcessInJob(pi.hProcess, job, &in) && in, "in the job");
        ResumeThread(pi.hThread);
        if (round == 0) {
            memset(&limits, 0, sizeof(limits));
            limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
            CHECK(SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof(limits)),
                  "SetInformationJobObject: %lu", GetLastError());
            CHECK(WaitForSingleObject(pi.hProcess, 100) == WAIT_TIMEOUT, "the child runs");
            CloseHandle(job);
            CHECK(WaitForSingleObject(pi.hProcess, 10000) == WAIT_OBJECT_0, "closing the job ended the child");
        } else {
            CHECK(TerminateJobObject(job, 33), "TerminateJobObject: %lu", GetLastError());
            code = wait_code(&pi);
            CHECK(code == 33, "exit code %lu", code);
            CloseHandle(job);
        }
        close_pi(&pi);
    }
}

/* Command lines reach the child's CRT argv exactly (the CRT's rules). */
static void test_cmdline(void)
{
    static const struct {
        const char *line;
        const char *argv; /* each argument as "<arg>\r\n" */
    } cases[] = {
        { "a b", "<a>\r\n<b>\r\n" },
        { "\"a b\" c", "<a b>\r\n<c>\r\n" },
        { "a\\\\b \"c\\\\\" d", "<a\\\\b>\r\n<c\\>\r\n<d>\r\n" },
        { "a\\\"b", "<a\"b>\r\n" },
        { "a\\\\\\\"b c\\\\\"d e\" f", "<a\\\"b>\r\n<c\\d e>\r\n<f>\r\n" },
        { "\"\" x", "<>\r\n<x>\r\n" },
        { "\"a\"\"b c\" d", "<a\"b c>\r\n<d>\r\n" },
        { "\"\"\"\" e", "<\">\r\n<e>\r\n" },
        { "--opt=\"v a\"\ttab", "<--opt=v a>\r\n<tab>\r\n" },
        { "trail\\ x\\", "<trail\\>\r\n<x\\>\r\n" },
    };
    unsigned i;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        HANDLE out_r, out_w;
        PROCESS_INFORMATION pi;
        char args[256], out[512];
        const char *p;
        make_pipe(&out_r, &out_w, FALSE, TRUE);
        snprintf(args, sizeof(args), "child-args %s", cases[i].line);
        if (!start(args, NULL, out_w, out_w, TRUE, 0, &pi)) {
            CHECK(0, "CreateProcess: %lu", GetLastError());
            return;
        }
        CloseHandle(out_w);
        read_all(out_r, out, sizeof(out), NULL);
        wait_code(&pi);
        close_pi(&pi);
        CloseHandle(out_r);
        p = strstr(out, "\r\n");
        CHECK(p && !strcmp(p + 2, cases[i].argv), "command line [%s]: got %s", cases[i].line, out);
    }
}

/* DuplicateHandle into a child: it gets a handle value valid in its own table. */
static void test_duplicate_into_child(void)
{
    HANDLE in_r, in_w, out_r, out_w, p_r, p_w, in_child = NULL;
    PROCESS_INFORMATION pi;
    char out[256], got[64], line[64];
    DWORD n;
    make_pipe(&in_r, &in_w, TRUE, FALSE);
    make_pipe(&out_r, &out_w, FALSE, TRUE);
    make_pipe(&p_r, &p_w, FALSE, FALSE);
    if (!start("child-dup", in_r, out_w, out_w, TRUE, CREATE_SUSPENDED, &pi)) {
        CHECK(0, "CreateProcess: %lu", GetLastError());
        return;
    }
    CloseHandle(in_r);
    CloseHandle(out_w);
    CHECK(DuplicateHandle(GetCurrentProcess(), p_w, pi.hProcess, &in_child, 0, FALSE, DUPLICATE_SAME_ACCESS),
          "DuplicateHandle into the child: %lu", GetLastError());
    CloseHandle(p_w);
    snprintf(line, sizeof(line), "%p\n", in_child);
    WriteFile(in_w, line, (DWORD)strlen(line), &n, NULL);
    CloseHandle(in_w);
    ResumeThread(pi.hThread);
    read_all(out_r, out, sizeof(out), NULL);
    CHECK(wait_code(&pi) == 0, "child exit code (it said: %s)", out);
    close_pi(&pi);
    read_all(p_r, got, sizeof(got), NULL);
    CHECK(!strcmp(got, "dup!"), "written through the duplicated handle: '%s' (%s)", got, out);
    CloseHandle(p_r);
    CloseHandle(out_r);
}

/* How a process ends: returning from main and exit() run the atexit handlers and flush the
 * CRT's buffers; ExitProcess flushes them without running them. 32-bit exit codes. */
static void test_exit(void)
{
    static const struct {
        const char *how, *out;
        DWORD code;
    } cases[] = {
        { "return", "main\r\natexit\r\n", 0x10003 },
        { "exit", "main\r\natexit\r\n", 0x10005 },
        { "exitprocess", "main\r\n", 0x10004 },
    };
    unsigned i;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        HANDLE out_r, out_w;
        PROCESS_INFORMATION pi;
        char args[64], out[256];
        DWORD code;
        make_pipe(&out_r, &out_w, FALSE, TRUE);
        snprintf(args, sizeof(args), "child-exit %s", cases[i].how);
        if (!start(args, NULL, out_w, out_w, TRUE, 0, &pi)) {
            CHECK(0, "CreateProcess: %lu", GetLastError());
            return;
        }
        CloseHandle(out_w);
        read_all(out_r, out, sizeof(out), NULL);
        code = wait_code(&pi);
        close_pi(&pi);
        CloseHandle(out_r);
        CHECK(code == cases[i].code, "%s: exit code %#lx", cases[i].how, code);
        CHECK(!strcmp(out, cases[i].out), "%s: output '%s'", cases[i].how, out);
    }
}

/* Errors of CreateProcess itself. */
static void test_errors(void)
{
    PROCESS_INFORMATION pi;
    STARTUPINFOA si;
    char cmd[MAX_PATH + 64];
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    strcpy(cmd, "wine-rs-no-such-program-xyz arg");
    SetLastError(0);
    CHECK(!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, CREATE_SUSPENDED, NULL, NULL, &si, &pi) &&
              GetLastError() == ERROR_FILE_NOT_FOUND,
          "missing program: %lu", GetLastError());
    /* The application name is used as is: ".exe" is not added. (Suspended, so that a child
     * started by mistake is ended before it runs this test suite again.) */
    strcpy(cmd, self);
    *strrchr(cmd, '.') = 0;
    SetLastError(0);
    if (CreateProcessA(cmd, NULL, NULL, NULL, FALSE, CREATE_SUSPENDED, NULL, NULL, &si, &pi)) {
        CHECK(0, "application name without .exe: started");
        TerminateProcess(pi.hProcess, 1);
        close_pi(&pi);
    } else {
        CHECK(GetLastError() == ERROR_FILE_NOT_FOUND, "application name without .exe: %lu", GetLastError());
    }
    /* The command line's program gets ".exe" appended. */
    strcat(cmd, " child-print x");
    si.dwFlags = STARTF_USESTDHANDLES;
    CHECK(CreateProcessA(NULL, cmd, NULL, NULL, FALSE, CREATE_NO_WINDOW | CREATE_NEW_PROCESS_GROUP, NULL, NULL,
                         &si, &pi),
          "command line without .exe: %lu", GetLastError());
    if (pi.hProcess) {
        CHECK(wait_code(&pi) == 5, "its exit code");
        close_pi(&pi);
    }
}

int main(int argc, char **argv)
{
    GetModuleFileNameA(NULL, self, sizeof(self));
    if (argc > 1 && !strncmp(argv[1], "child-", 6))
        return child_main(argc, argv);
    /* A child that did not get its role must not run the tests again (and start children of
     * its own): the parent marks its environment, which children inherit. */
    if (GetEnvironmentVariableA("WINERS_PROC_TEST_PARENT", NULL, 0)) {
        printf("started without a child role: refusing to run the tests again\n");
        return 99;
    }
    SetEnvironmentVariableA("WINERS_PROC_TEST_PARENT", "1");
    test_redirect();
    test_inherit();
    test_handle_list();
    test_chain();
    test_env_cwd();
    test_suspended();
    test_terminate_open_times();
    test_job();
    test_cmdline();
    test_duplicate_into_child();
    test_exit();
    test_errors();
    return check_report();
}
