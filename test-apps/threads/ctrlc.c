/* threads/ctrlc.c - console control events (Ctrl+C, Ctrl+Break) reach the handlers.
 *
 *  - SetConsoleCtrlHandler with several handlers; GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0)
 *    runs them on a new thread (not main), most recently added first, stopping at the first
 *    that returns TRUE;
 *  - removing a handler (and removing one that is not registered: ERROR_INVALID_PARAMETER);
 *  - SetConsoleCtrlHandler(NULL, TRUE) ignores CTRL_C_EVENT but not CTRL_BREAK_EVENT;
 *  - the CRT: signal(SIGINT, h) and signal(SIGBREAK, h) are called for the events, reset to
 *    SIG_DFL first; SIG_IGN takes the event without a call; SIG_DFL passes it on;
 *  - a child process (this exe with the argument "child") without handlers dies of a
 *    CTRL_C_EVENT, with exit code STATUS_CONTROL_C_EXIT.
 *
 * GenerateConsoleCtrlEvent(..., 0) signals every process of the console: under wine-rs the
 * whole Unix process group, so the test harness (loader/tests/apps.rs) runs each app in a
 * process group of its own.
 *
 * Windows needs a console for this: a process without one (detached, or a Wine process whose
 * output goes to a file with no console behind it) gets FALSE from GenerateConsoleCtrlEvent
 * ("the process must be attached to a console", as Microsoft documents for
 * GenerateConsoleCtrlEvent). Then the checks that need delivered events are skipped, with a
 * note; wine-rs has no console object, the terminal (or none) stands in for it, and always
 * delivers.
 */
#define _WIN32_WINNT 0x0A00
#include <windows.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#ifndef STATUS_CONTROL_C_EXIT
#define STATUS_CONTROL_C_EXIT 0xC000013AL
#endif

static DWORD main_tid;
static volatile LONG ncalls;
static char calls[64];           /* which handlers ran, in order */
static DWORD call_event[64];     /* with which event */
static DWORD call_tid[64];       /* on which thread */
static HANDLE done;              /* set by the handler that returns TRUE */

static void record(char who, DWORD event)
{
    LONG i = InterlockedIncrement(&ncalls) - 1;
    if (i < 64) {
        calls[i] = who;
        call_event[i] = event;
        call_tid[i] = GetCurrentThreadId();
    }
}

static BOOL WINAPI h_old(DWORD e) { record('o', e); SetEvent(done); return TRUE; }
static BOOL WINAPI h_a(DWORD e) { record('a', e); SetEvent(done); return TRUE; }
static BOOL WINAPI h_b(DWORD e) { record('b', e); return FALSE; }

static void reset(void)
{
    ncalls = 0;
    memset(calls, 0, sizeof calls);
    ResetEvent(done);
}

/* The calls so far as a string. */
static const char *seen(void)
{
    static char s[65];
    LONG n = ncalls < 64 ? ncalls : 64;
    memcpy(s, calls, n);
    s[n] = 0;
    return s;
}

/* Send `event` to our group and wait (up to 5 s) for `done`; FALSE when none came. */
static BOOL send_and_wait(DWORD event)
{
    reset();
    if (!GenerateConsoleCtrlEvent(event, 0))
        return FALSE;
    BOOL ok = WaitForSingleObject(done, 5000) == WAIT_OBJECT_0;
    Sleep(50); /* let a wrongly-run older handler show itself */
    return ok;
}

static volatile LONG crt_sig;
static volatile DWORD crt_tid;
static volatile INT_PTR crt_handler_during;

static void on_signal(int sig)
{
    crt_tid = GetCurrentThreadId();
    /* Reset to SIG_DFL before the call, as the Microsoft CRT does. */
    void (*cur)(int) = signal(sig, SIG_DFL);
    crt_handler_during = (INT_PTR)cur;
    crt_sig = sig;
    SetEvent(done);
}

static int child(const char *arg)
{
    (void)arg;
    DWORD n;
    /* Ready: the parent waits for this byte before it sends the event. */
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), "R", 1, &n, NULL);
    Sleep(10000);
    return 0; /* not reached: the event ends us */
}

/* Start ourselves with "child"; the child's stdout is a pipe whose read end is *rd. */
static BOOL start_child(PROCESS_INFORMATION *pi, HANDLE *rd)
{
    SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, TRUE};
    HANDLE wr;
    if (!CreatePipe(rd, &wr, &sa, 0))
        return FALSE;
    SetHandleInformation(*rd, HANDLE_FLAG_INHERIT, 0);
    char exe[MAX_PATH], cmd[MAX_PATH + 32];
    GetModuleFileNameA(NULL, exe, sizeof exe);
    snprintf(cmd, sizeof cmd, "\"%s\" child", exe);
    STARTUPINFOA si = {sizeof si};
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = wr;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    BOOL ok = CreateProcessA(exe, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, pi);
    CloseHandle(wr);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child"))
        return child(argv[1]);
    main_tid = GetCurrentThreadId();
    done = CreateEventA(NULL, TRUE, FALSE, NULL);

    CHECK(!SetConsoleCtrlHandler(h_b, FALSE) && GetLastError() == ERROR_INVALID_PARAMETER,
          "removing an unregistered handler: error %lu", GetLastError());
    CHECK(SetConsoleCtrlHandler(h_old, TRUE), "add h_old");
    CHECK(SetConsoleCtrlHandler(h_a, TRUE), "add h_a");
    CHECK(SetConsoleCtrlHandler(h_b, TRUE), "add h_b");

    if (!GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0)) {
        /* No console (see the top of the file): nothing can be delivered. */
        DWORD err = GetLastError();
        printf("note: GenerateConsoleCtrlEvent failed (error %lu): no console; event checks skipped\n", err);
        CHECK(SetConsoleCtrlHandler(h_b, FALSE), "remove h_b");
        CHECK(SetConsoleCtrlHandler(NULL, TRUE), "ignore Ctrl+C");
        CHECK(SetConsoleCtrlHandler(NULL, FALSE), "stop ignoring Ctrl+C");
        return check_report();
    }
    /* Most recent first (b returns FALSE), stopping at a's TRUE: h_old never runs. */
    CHECK(WaitForSingleObject(done, 5000) == WAIT_OBJECT_0, "the handlers ran");
    Sleep(50);
    CHECK(!strcmp(seen(), "ba"), "order: \"%s\", expected \"ba\"", seen());
    CHECK(call_event[0] == CTRL_C_EVENT && call_event[1] == CTRL_C_EVENT, "events %lu %lu",
          call_event[0], call_event[1]);
    CHECK(call_tid[0] != main_tid && call_tid[0] != 0, "handler thread %lu, main %lu", call_tid[0], main_tid);
    CHECK(call_tid[0] == call_tid[1], "one thread for the event's handlers: %lu %lu", call_tid[0], call_tid[1]);

    /* Removal. */
    CHECK(SetConsoleCtrlHandler(h_b, FALSE), "remove h_b");
    CHECK(send_and_wait(CTRL_C_EVENT), "the handlers ran after removal");
    CHECK(!strcmp(seen(), "a"), "after removing b: \"%s\", expected \"a\"", seen());

    /* Ctrl+Break reaches the same handlers, with its own event code. */
    CHECK(send_and_wait(CTRL_BREAK_EVENT), "CTRL_BREAK_EVENT delivered");
    CHECK(!strcmp(seen(), "a") && call_event[0] == CTRL_BREAK_EVENT, "break: \"%s\" event %lu", seen(),
          call_event[0]);

    /* Ignoring Ctrl+C: CTRL_C_EVENT runs nothing, CTRL_BREAK_EVENT still does. */
    CHECK(SetConsoleCtrlHandler(NULL, TRUE), "ignore Ctrl+C");
    reset();
    CHECK(GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0), "send while ignoring");
    CHECK(WaitForSingleObject(done, 500) == WAIT_TIMEOUT && ncalls == 0, "ignored Ctrl+C ran \"%s\"", seen());
    CHECK(send_and_wait(CTRL_BREAK_EVENT), "Ctrl+Break is not ignored");
    CHECK(!strcmp(seen(), "a"), "break while ignoring Ctrl+C: \"%s\"", seen());
    CHECK(SetConsoleCtrlHandler(NULL, FALSE), "stop ignoring Ctrl+C");
    CHECK(send_and_wait(CTRL_C_EVENT), "Ctrl+C handled again");
    CHECK(!strcmp(seen(), "a"), "after the ignore flag is cleared: \"%s\"", seen());

    /* The CRT: signal(SIGINT) registers its handler (now the most recent). */
    crt_sig = 0;
    CHECK(signal(SIGINT, on_signal) == SIG_DFL, "SIGINT's handler was SIG_DFL");
    CHECK(send_and_wait(CTRL_C_EVENT), "signal(SIGINT) handler called");
    CHECK(crt_sig == SIGINT, "the handler got %ld, expected SIGINT", crt_sig);
    CHECK(crt_tid != main_tid, "the signal handler ran on the event's thread");
    CHECK(crt_handler_during == (INT_PTR)SIG_DFL, "reset to SIG_DFL before the call: %p", (void *)crt_handler_during);
    CHECK(ncalls == 0, "the CRT's handler returned TRUE: \"%s\" ran too", seen());
    CHECK(signal(SIGINT, SIG_IGN) == SIG_DFL, "SIGINT is SIG_DFL after the call");
    /* SIG_IGN: taken without a call; nothing older runs. */
    reset();
    crt_sig = 0;
    CHECK(GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0), "send with SIG_IGN");
    CHECK(WaitForSingleObject(done, 500) == WAIT_TIMEOUT && ncalls == 0 && crt_sig == 0,
          "SIG_IGN: \"%s\" ran, sig %ld", seen(), crt_sig);
    /* SIG_DFL: the CRT passes the event on, to h_a. */
    CHECK(signal(SIGINT, SIG_DFL) == SIG_IGN, "SIGINT was SIG_IGN");
    CHECK(send_and_wait(CTRL_C_EVENT), "SIG_DFL passes the event on");
    CHECK(!strcmp(seen(), "a"), "SIG_DFL: \"%s\", expected \"a\"", seen());
    /* SIGBREAK for CTRL_BREAK_EVENT. */
    crt_sig = 0;
    CHECK(signal(SIGBREAK, on_signal) == SIG_DFL, "SIGBREAK's handler was SIG_DFL");
    CHECK(send_and_wait(CTRL_BREAK_EVENT), "signal(SIGBREAK) handler called");
    CHECK(crt_sig == SIGBREAK, "the handler got %ld, expected SIGBREAK", crt_sig);
    CHECK(signal(SIGBREAK, SIG_DFL) == SIG_DFL, "SIGBREAK is SIG_DFL after the call");

    /* A child without handlers dies of Ctrl+C; we (h_a returns TRUE) live on. */
    PROCESS_INFORMATION pi;
    HANDLE rd;
    if (start_child(&pi, &rd)) {
        char c = 0;
        DWORD n = 0;
        CHECK(ReadFile(rd, &c, 1, &n, NULL) && c == 'R', "the child is ready");
        CHECK(send_and_wait(CTRL_C_EVENT), "our handler ran");
        CHECK(WaitForSingleObject(pi.hProcess, 5000) == WAIT_OBJECT_0, "the child ended");
        DWORD code = 0;
        GetExitCodeProcess(pi.hProcess, &code);
        CHECK(code == (DWORD)STATUS_CONTROL_C_EXIT, "child exit code %#lx, expected STATUS_CONTROL_C_EXIT", code);
        if (WaitForSingleObject(pi.hProcess, 0) != WAIT_OBJECT_0)
            TerminateProcess(pi.hProcess, 1);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
        CloseHandle(rd);
    } else {
        CHECK(0, "CreateProcess: %lu", GetLastError());
    }
    return check_report();
}
