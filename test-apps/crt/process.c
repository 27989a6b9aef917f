/* process.c - the C runtime's process functions: system, _spawn*, _exec*, _cwait, _popen,
 * _pclose, signal/raise, atexit, at_quick_exit/quick_exit, _beginthreadex/_endthreadex.
 *
 * The program is its own child: "process.exe child MODE ..." does one small thing and exits
 * with a code the parent checks (see child_main).
 */
#include <errno.h>
#include <process.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>
#include "crt.h"

static char self[MAX_PATH];

/* ---- child modes ------------------------------------------------------------------------ */

static jmp_buf jump;
static volatile int zero, hundred = 100;

static void segv_handler(int sig) { longjmp(jump, sig); }
static void fpe_handler(int sig) { longjmp(jump, sig); }
static void abort_handler(int sig) { _exit(sig == SIGABRT ? 44 : 45); }
static void at1(void) { printf("1\n"); }
static void at2(void) { printf("2\n"); }
static void at3(void) { printf("3\n"); }
#ifdef _UCRT
static void q1(void) { printf("q1\n"); fflush(stdout); }
static void q2(void) { printf("q2\n"); fflush(stdout); }
static void never(void) { printf("atexit ran\n"); }
#endif

static int child_main(int argc, char **argv)
{
    const char *mode = argv[2];
    if (!strcmp(mode, "exit"))
        return atoi(argv[3]);
    if (!strcmp(mode, "count"))
        return argc;
    if (!strcmp(mode, "argv"))
        /* process.exe child argv "a b" "c\"d" e */
        return argc == 6 && !strcmp(argv[3], "a b") && !strcmp(argv[4], "c\"d") && !strcmp(argv[5], "e") ? 42 : 1;
    if (!strcmp(mode, "env")) {
        const char *v = getenv("WINE_RS_SPAWN_TEST");
        return v && !strcmp(v, "hello world") && !getenv("WINE_RS_NOT_PASSED") ? 7 : 1;
    }
    if (!strcmp(mode, "print")) {
        printf("child output %s\n", argv[3]);
        return 4;
    }
    if (!strcmp(mode, "err")) {
        fputs("err-out\n", stderr);
        return 0;
    }
    if (!strcmp(mode, "read")) {
        /* lines read, plus 10 when the first line is argv[3] */
        char line[256], first[256] = "";
        int lines = 0;
        while (fgets(line, sizeof line, stdin)) {
            if (!lines)
                strcpy(first, line);
            lines++;
        }
        first[strcspn(first, "\r\n")] = 0;
        return lines + (argc > 3 && !strcmp(first, argv[3]) ? 10 : 0);
    }
    if (!strcmp(mode, "mark")) {
        FILE *f = fopen(argv[3], "w");
        if (f) {
            fputs("exec'd\n", f);
            fclose(f);
        }
        return 0;
    }
    if (!strcmp(mode, "exec")) {
        _execl(self, "process.exe", "child", "mark", argv[3], NULL);
        return 99; /* not reached */
    }
    if (!strcmp(mode, "atexit")) {
        atexit(at1);
        atexit(at2);
        atexit(at3);
        return 0;
    }
#ifdef _UCRT
    if (!strcmp(mode, "quick")) {
        atexit(never);
        at_quick_exit(q1);
        at_quick_exit(q2);
        quick_exit(5);
    }
#endif
    if (!strcmp(mode, "segv")) {
        int sig;
        signal(SIGSEGV, segv_handler);
        if (!(sig = setjmp(jump))) {
            *(volatile int *)16 = 1;
            return 1;
        }
        return sig == SIGSEGV ? 33 : 2;
    }
    if (!strcmp(mode, "fpe")) {
        int sig;
        signal(SIGFPE, fpe_handler);
        if (!(sig = setjmp(jump))) {
            /* not 1 / zero: gcc turns a division of 1 into a comparison */
            volatile int x = hundred / zero;
            (void)x;
            return 1;
        }
        return sig == SIGFPE ? 34 : 2;
    }
    if (!strcmp(mode, "abort")) {
        signal(SIGABRT, abort_handler);
        abort();
    }
    return 100;
}

/* ---- helpers ---------------------------------------------------------------------------- */

/* The contents of a file ("" when it cannot be read). */
static const char *slurp(const char *name)
{
    static char buf[4096];
    FILE *f = fopen(name, "rb");
    size_t n = 0;
    buf[0] = 0;
    if (f) {
        n = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
    }
    buf[n] = 0;
    return buf;
}

/* "\"self\" child ARGS" */
static const char *cmd(const char *args)
{
    static char buf[2 * MAX_PATH];
    snprintf(buf, sizeof buf, "\"%s\" child %s", self, args);
    return buf;
}

/* ---- system ----------------------------------------------------------------------------- */

static void test_system(void)
{
    char line[3 * MAX_PATH];
    CHECK(system(NULL) != 0, "system(NULL): a command interpreter exists");
    CHECK(system("exit 3") == 3, "system(\"exit 3\")");
    CHECK(system("exit /b 6") == 6, "exit /b");

    remove("sys1.txt");
    CHECK(system("echo hello>sys1.txt") == 0, "echo with redirection");
    CHECK(!strcmp(slurp("sys1.txt"), "hello\r\n"), "sys1.txt holds \"%s\"", slurp("sys1.txt"));
    CHECK(system("echo one>sys1.txt& echo two>>sys1.txt") == 0, "& and >>");
    CHECK(!strcmp(slurp("sys1.txt"), "one\r\ntwo\r\n"), ">> appends: \"%s\"", slurp("sys1.txt"));
    CHECK(system("type sys1.txt>sys2.txt") == 0, "type");
    CHECK(!strcmp(slurp("sys2.txt"), "one\r\ntwo\r\n"), "type copies: \"%s\"", slurp("sys2.txt"));
    CHECK(system("echo.>sys2.txt& echo x y >>sys2.txt") == 0, "echo.");
    CHECK(!strcmp(slurp("sys2.txt"), "\r\nx y \r\n"), "echo. prints an empty line, spaces kept: \"%s\"", slurp("sys2.txt"));
    CHECK(system("del sys1.txt sys2.txt") == 0, "del");
    CHECK(GetFileAttributesA("sys1.txt") == INVALID_FILE_ATTRIBUTES, "del removed sys1.txt");

    /* && and ||: the second runs on success / failure of the first */
    snprintf(line, sizeof line, "%s || exit 5", cmd("exit 2"));
    CHECK(system(line) == 5, "|| after a failure");
    snprintf(line, sizeof line, "%s && exit 6", cmd("exit 0"));
    CHECK(system(line) == 6, "&& after a success");
    /* WINE: Wine 8's cmd runs the command after && although the program before it exited
     * with 2; Microsoft documents that && runs it only when the first succeeds (exit code 0). */
    snprintf(line, sizeof line, "%s && exit 6", cmd("exit 2"));
    CHECK(system(line) == 2, "&& after a failure: %d", system(line));

    /* %VAR% expansion from the environment _putenv changed */
    _putenv("WRS_PROC_CODE=9");
    CHECK(system("exit %WRS_PROC_CODE%") == 9, "%%VAR%% expansion");

    /* a pipe into a program, stderr redirected */
    snprintf(line, sizeof line, "echo piped| %s", cmd("read piped"));
    CHECK(system(line) == 11, "echo | child: %d", system(line));
    snprintf(line, sizeof line, "%s 2>sys3.txt", cmd("err"));
    CHECK(system(line) == 0, "2> redirection");
    CHECK(!strcmp(slurp("sys3.txt"), "err-out\r\n"), "stderr went to the file: \"%s\"", slurp("sys3.txt"));
    snprintf(line, sizeof line, "%s >sys3.txt 2>&1", cmd("err"));
    CHECK(system(line) == 0, "2>&1");
    CHECK(!strcmp(slurp("sys3.txt"), "err-out\r\n"), "2>&1 joined stdout: \"%s\"", slurp("sys3.txt"));
    remove("sys3.txt");

    CHECK(system("mkdir sysdir\\sub && rmdir sysdir\\sub && rmdir sysdir") == 0, "mkdir and rmdir");
    CHECK(GetFileAttributesA("sysdir") == INVALID_FILE_ATTRIBUTES, "sysdir removed");

    /* cmd.exe through CreateProcess, found on the search path like any program */
    {
        STARTUPINFOA si = { sizeof si };
        PROCESS_INFORMATION pi;
        char cl[] = "cmd.exe /c exit 5";
        DWORD code = 0;
        BOOL ok = CreateProcessA(NULL, cl, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
        CHECK(ok, "CreateProcess(cmd.exe /c ...): error %lu", GetLastError());
        if (ok) {
            WaitForSingleObject(pi.hProcess, 20000);
            CHECK(GetExitCodeProcess(pi.hProcess, &code) && code == 5, "cmd.exe exit code %lu", code);
            CloseHandle(pi.hProcess);
            CloseHandle(pi.hThread);
        }
    }

    /* a command that does not exist: cmd.exe's 9009 */
    CHECK(system("wine-rs-no-such-command 2>nul") == 9009, "unknown command: %d", system("wine-rs-no-such-command 2>nul"));
}

/* ---- _popen / _pclose ------------------------------------------------------------------- */

static void test_popen(void)
{
    char buf[256] = "";
    char line[2 * MAX_PATH];
    FILE *p = _popen("echo popen-text", "r");
    CHECK(p != NULL, "_popen echo");
    if (p) {
        CHECK(fgets(buf, sizeof buf, p) && !strcmp(buf, "popen-text\n"), "read \"%s\" (text mode: no CR)", buf);
        CHECK(fgets(buf, sizeof buf, p) == NULL, "then end of file");
        CHECK(_pclose(p) == 0, "_pclose of echo");
    }

    p = _popen("echo popen-bin", "rb");
    if (p) {
        CHECK(fgets(buf, sizeof buf, p) && !strcmp(buf, "popen-bin\r\n"), "binary read \"%s\"", buf);
        CHECK(_pclose(p) == 0, "_pclose rb");
    } else
        CHECK(0, "_popen rb");

    p = _popen(cmd("print xyz"), "r");
    CHECK(p != NULL, "_popen of a child");
    if (p) {
        CHECK(fgets(buf, sizeof buf, p) && !strcmp(buf, "child output xyz\n"), "child wrote \"%s\"", buf);
        CHECK(_pclose(p) == 4, "_pclose gives the child's exit code");
    }

    snprintf(line, sizeof line, "%s", cmd("read hello"));
    p = _popen(line, "w");
    CHECK(p != NULL, "_popen w");
    if (p) {
        fputs("hello\nworld\n", p);
        CHECK(_pclose(p) == 12, "child read two lines starting with hello");
    }

    p = _popen(cmd("atexit"), "r");
    if (p) {
        size_t n = fread(buf, 1, sizeof buf - 1, p);
        buf[n] = 0;
        CHECK(!strcmp(buf, "3\n2\n1\n"), "atexit handlers last first: \"%s\"", buf);
        CHECK(_pclose(p) == 0, "atexit child's code");
    } else
        CHECK(0, "_popen atexit");
#ifdef _UCRT
    p = _popen(cmd("quick"), "r");
    if (p) {
        size_t n = fread(buf, 1, sizeof buf - 1, p);
        buf[n] = 0;
        CHECK(!strcmp(buf, "q2\nq1\n"), "at_quick_exit handlers, no atexit: \"%s\"", buf);
        CHECK(_pclose(p) == 5, "quick_exit code");
    } else
        CHECK(0, "_popen quick");
#endif

    iph_calls = 0;
    errno = 0;
    CHECK(_popen("echo x", "x") == NULL && errno == EINVAL, "bad mode: errno %d", errno);
    IPH_CHECK(1);
}

/* ---- _spawn / _exec / _cwait ------------------------------------------------------------ */

static void test_spawn(void)
{
    const char *args_exit7[] = { "process.exe", "child", "exit", "7", NULL };
    const char *args_exit9[] = { "process.exe", "child", "exit", "9", NULL };
    const char *args_argv[] = { "process.exe", "child", "argv", "\"a b\"", "\"c\\\"d\"", "e", NULL };
    const char *args_count[] = { "process.exe", "child", "count", "x y", NULL };
    const char *args_env[] = { "process.exe", "child", "env", NULL };
    const char *args_cmd[] = { "cmd", "/c", "exit 4", NULL };
    char sysroot[MAX_PATH + 16], marker[MAX_PATH];
    const char *envp[] = { "WINE_RS_SPAWN_TEST=hello world", sysroot, NULL };
    intptr_t r, h;
    int status = -1;
    DWORD t;

    CHECK(_spawnv(_P_WAIT, self, args_exit7) == 7, "_spawnv _P_WAIT exit code");
    CHECK(_spawnl(_P_WAIT, self, "process.exe", "child", "exit", "8", NULL) == 8, "_spawnl");
    CHECK(_spawnvp(_P_WAIT, "cmd", args_cmd) == 4, "_spawnvp finds cmd on PATH");
    CHECK(_spawnlp(_P_WAIT, "cmd", "cmd", "/c", "exit 12", NULL) == 12, "_spawnlp");

    /* arguments are joined with spaces, not quoted (as Microsoft documents) */
    CHECK((r = _spawnv(_P_WAIT, self, args_argv)) == 42, "quoted arguments arrive intact: %d", (int)r);
    CHECK((r = _spawnv(_P_WAIT, self, args_count)) == 5, "\"x y\" becomes two arguments: argc %d", (int)r);
    {
        const wchar_t *wargs[] = { L"process.exe", L"child", L"exit", L"13", NULL };
        wchar_t wself[MAX_PATH];
        GetModuleFileNameW(NULL, wself, MAX_PATH);
        CHECK(_wspawnv(_P_WAIT, wself, wargs) == 13, "_wspawnv");
    }

    h = _spawnv(_P_NOWAIT, self, args_exit9);
    CHECK(h != -1 && h != 0, "_P_NOWAIT gives a handle");
    if (h != -1) {
        CHECK(_cwait(&status, h, _WAIT_CHILD) == h, "_cwait returns the handle");
        CHECK(status == 9, "_cwait status %d", status);
    }
    errno = 0;
    CHECK(_cwait(&status, (intptr_t)INVALID_HANDLE_VALUE - 100, _WAIT_CHILD) == -1 && errno == ECHILD,
          "_cwait of a bad handle: errno %d", errno);

    snprintf(sysroot, sizeof sysroot, "SystemRoot=%s", getenv("SystemRoot") ? getenv("SystemRoot") : "C:\\windows");
    _putenv("WINE_RS_NOT_PASSED=1");
    CHECK((r = _spawnve(_P_WAIT, self, args_env, envp)) == 7, "_spawnve environment: %d", (int)r);
    CHECK((r = _spawnle(_P_WAIT, self, "process.exe", "child", "env", NULL, envp)) == 7, "_spawnle: %d", (int)r);
    _putenv("WINE_RS_NOT_PASSED=");

    errno = 0;
    CHECK(_spawnv(_P_WAIT, "wine-rs-no-such-program", args_exit7) == -1 && errno == ENOENT, "missing: errno %d", errno);
    errno = 0;
    CHECK(_spawnvp(_P_WAIT, "wine-rs-no-such-program", args_exit7) == -1 && errno == ENOENT, "missing on PATH: errno %d", errno);
    iph_calls = 0;
    errno = 0;
    /* a bad mode is EINVAL; only bad names and argument vectors go to the handler (as
     * Microsoft documents) */
    CHECK(_spawnv(99, self, args_exit7) == -1 && errno == EINVAL, "bad mode: errno %d", errno);
    IPH_CHECK(0);
    errno = 0;
    /* (not self: a CRT that ignored the NULL would start this test again, forever)
     * WINE: Wine 8 looks the program up first (ENOENT) and never calls the handler; Microsoft
     * documents the handler and EINVAL for a NULL argv. */
    CHECK(_spawnv(_P_WAIT, "wine-rs-no-such-program", NULL) == -1 && errno == EINVAL, "NULL argv: errno %d", errno);
    IPH_CHECK(1);

    /* _P_OVERLAY / _exec: the child starts the program and ends with code 0 (Windows has no
     * exec; the new program runs on as its own process) */
    GetFullPathNameA("exec-marker.txt", MAX_PATH, marker, NULL);
    remove(marker);
    {
        char quoted[MAX_PATH + 2];
        snprintf(quoted, sizeof quoted, "\"%s\"", marker);
        CHECK(_spawnl(_P_WAIT, self, "process.exe", "child", "exec", quoted, NULL) == 0, "_execl: the caller exits with 0");
    }
    for (t = 0; t < 200 && GetFileAttributesA(marker) == INVALID_FILE_ATTRIBUTES; t++)
        Sleep(50);
    Sleep(100);
    CHECK(!strcmp(slurp(marker), "exec'd\n") || !strcmp(slurp(marker), "exec'd\r\n"), "the exec'd program ran: \"%s\"", slurp(marker));
    remove(marker);

    CHECK((r = _spawnl(_P_WAIT, self, "process.exe", "child", "segv", NULL)) == 33, "SIGSEGV handler (longjmp out): %d", (int)r);
    CHECK((r = _spawnl(_P_WAIT, self, "process.exe", "child", "fpe", NULL)) == 34, "SIGFPE on integer division by zero: %d", (int)r);
    CHECK((r = _spawnl(_P_WAIT, self, "process.exe", "child", "abort", NULL)) == 44, "abort raises SIGABRT: %d", (int)r);
}

/* ---- signal / raise --------------------------------------------------------------------- */

static int last_sig, calls;
static void handler(int sig) { last_sig = sig; calls++; }

static void test_signals(void)
{
    int sigs[] = { SIGINT, SIGABRT, SIGFPE, SIGTERM };
    int i;
    for (i = 0; i < 4; i++) {
        int s = sigs[i];
        last_sig = 0;
        calls = 0;
        CHECK(signal(s, handler) == SIG_DFL, "signal %d: previous SIG_DFL", s);
        CHECK(raise(s) == 0, "raise %d", s);
        CHECK(last_sig == s && calls == 1, "handler called for %d (%d, %d calls)", s, last_sig, calls);
        CHECK(signal(s, SIG_DFL) == SIG_DFL, "%d reset to SIG_DFL before the handler ran", s);
        CHECK(signal(s, SIG_IGN) == SIG_DFL, "SIG_IGN for %d", s);
        CHECK(raise(s) == 0 && calls == 1, "ignored %d", s);
        CHECK(signal(s, SIG_DFL) == SIG_IGN, "SIG_IGN stays after a raise of %d", s);
    }
    /* WINE: Wine 8 returns SIG_ERR without calling the handler or setting errno; Microsoft
     * documents both (the handler, then EINVAL) for signal and raise. */
    iph_calls = 0;
    errno = 0;
    CHECK(signal(99, handler) == SIG_ERR && errno == EINVAL, "unknown signal: SIG_ERR, errno %d", errno);
    IPH_CHECK(1);
    iph_calls = 0;
    errno = 0;
    CHECK(raise(99) != 0 && errno == EINVAL, "raise of an unknown signal: errno %d", errno);
    IPH_CHECK(1);
}

/* ---- threads ---------------------------------------------------------------------------- */

static unsigned __stdcall ends_itself(void *arg)
{
    _endthreadex((unsigned)(uintptr_t)arg);
    return 1;
}

static unsigned __stdcall returns(void *arg) { return (unsigned)(uintptr_t)arg + 1; }

static void test_threads(void)
{
    unsigned id = 0;
    DWORD code = 0;
    HANDLE h = (HANDLE)_beginthreadex(NULL, 0, ends_itself, (void *)77, 0, &id);
    CHECK(h != NULL && id != 0, "_beginthreadex");
    if (h) {
        CHECK(WaitForSingleObject(h, 10000) == WAIT_OBJECT_0, "thread ended");
        CHECK(GetExitCodeThread(h, &code) && code == 77, "_endthreadex code %lu", code);
        CloseHandle(h);
    }
    h = (HANDLE)_beginthreadex(NULL, 0, returns, (void *)54, 0, NULL);
    if (h) {
        WaitForSingleObject(h, 10000);
        CHECK(GetExitCodeThread(h, &code) && code == 55, "returned code %lu", code);
        CloseHandle(h);
    } else
        CHECK(0, "_beginthreadex 2");
}

int main(int argc, char **argv)
{
    GetModuleFileNameA(NULL, self, MAX_PATH);
    if (argc >= 3 && !strcmp(argv[1], "child"))
        return child_main(argc, argv);
    setvbuf(stdout, NULL, _IONBF, 0);
    iph_install();
    test_signals();
    test_threads();
    test_system();
    test_popen();
    test_spawn();
    return check_report();
}
