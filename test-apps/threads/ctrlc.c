/* threads/ctrlc.c - console control events (Ctrl+C, Ctrl+Break) reach the handlers.
 *
 *  - SetConsoleCtrlHandler with several handlers; GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0)
 *    runs them on a new thread (not main), most recently added first, stopping at the first
 *    that returns TRUE;
 *  - removing a handler (and removing one that is not registered: ERROR_INVALID_PARAMETER);
 *  - SetConsoleCtrlHandler(NULL, TRUE) ignores CTRL_C_EVENT but not CTRL_BREAK_EVENT;
 *  - the CRT: signal(SIGINT, h) and signal(SIGBREAK, h) are called for the events, reset to
 *    SIG_DFL first; SIG_IGN takes the event without a call; SIG_DFL passes it on;
 *  - child processes (this exe with the arguments "child MODE") without handlers, with a
 *    handler returning FALSE, or with signal(SIGINT) back at SIG_DFL, die of a CTRL_C_EVENT,
 *    with exit code STATUS_CONTROL_C_EXIT.
 *
 * GenerateConsoleCtrlEvent(..., 0) signals every process of the console: under wine-rs the
 * whole Unix process group, so the test harness (loader/tests/apps.rs) runs each app in a
 * process group of its own.
 *
 * Windows sends the events to the processes that share the caller's console. Wine 8 run with
 * no terminal (output to a file, as run-wine.sh does) has no console, and its
 * GenerateConsoleCtrlEvent fails (ERROR_INVALID_ACCESS): then the checks that need delivered
 * events are skipped, with a note. Under a terminal (`script -qec "wine ctrlc.exe > out"`)
 * Wine delivers Ctrl+C. wine-rs has no console object (the terminal, or none, stands in for
 * it) and always delivers.
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
    /* The handler now in force (read by setting it and setting it back). */
    void (*cur)(int) = signal(sig, SIG_IGN);
    signal(sig, cur);
    crt_handler_during = (INT_PTR)cur;
    crt_sig = sig;
    SetEvent(done);
}

static void on_child_signal(int sig) { (void)sig; }

/* A child: "plain" (no handlers), "false" (a handler that returns FALSE), "crt" (signal()'s
 * handler set, then back to SIG_DFL). Each should die of the parent's CTRL_C_EVENT. */
static int child(const char *mode)
{
    DWORD n;
    if (!strcmp(mode, "false"))
        SetConsoleCtrlHandler(h_b, TRUE);
    if (!strcmp(mode, "crt")) {
        signal(SIGINT, on_child_signal);
        signal(SIGINT, SIG_DFL);
    }
    /* Ready: the parent waits for this byte before it sends the event. */
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), "R", 1, &n, NULL);
    Sleep(10000);
    return 0; /* not reached: the event ends us */
}

/* Start ourselves with "child MODE"; the child's stdout is a pipe whose read end is *rd. */
static BOOL start_child(const char *mode, DWORD flags, PROCESS_INFORMATION *pi, HANDLE *rd)
{
    SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, TRUE};
    HANDLE wr;
    if (!CreatePipe(rd, &wr, &sa, 0))
        return FALSE;
    SetHandleInformation(*rd, HANDLE_FLAG_INHERIT, 0);
    char exe[MAX_PATH], cmd[MAX_PATH + 32];
    GetModuleFileNameA(NULL, exe, sizeof exe);
    snprintf(cmd, sizeof cmd, "\"%s\" child %s", exe, mode);
    STARTUPINFOA si = {sizeof si};
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = wr;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    BOOL ok = CreateProcessA(exe, cmd, NULL, NULL, TRUE, flags, NULL, NULL, &si, pi);
    CloseHandle(wr);
    return ok;
}

/* Wait for a started child's ready byte. */
static BOOL child_ready(HANDLE rd)
{
    char c = 0;
    DWORD n = 0;
    return ReadFile(rd, &c, 1, &n, NULL) && c == 'R';
}

/* The child ended within 5 s of Ctrl+C's default action (STATUS_CONTROL_C_EXIT, see below);
 * closes its handles. */
static void check_child_died(const char *what, PROCESS_INFORMATION *pi, HANDLE rd)
{
    CHECK(WaitForSingleObject(pi->hProcess, 5000) == WAIT_OBJECT_0, "the child (%s) ended", what);
    DWORD code = 0;
    GetExitCodeProcess(pi->hProcess, &code);
    CHECK(code == (DWORD)STATUS_CONTROL_C_EXIT, "child (%s) exit code %#lx, expected STATUS_CONTROL_C_EXIT",
          what, code);
    if (WaitForSingleObject(pi->hProcess, 0) != WAIT_OBJECT_0)
        TerminateProcess(pi->hProcess, 1);
    CloseHandle(pi->hProcess);
    CloseHandle(pi->hThread);
    CloseHandle(rd);
}

int main(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[1], "child"))
        return child(argv[2]);
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

    /* The CRT: its console control handler calls signal()'s handlers. The Microsoft CRT
     * registers it on the first signal(SIGINT or SIGBREAK); Wine 8's msvcrt registers it when
     * it loads (so it is the oldest handler there). With only the CRT's handler left, these
     * checks hold either way; a handler the CRT does not take would end this process. */
    CHECK(SetConsoleCtrlHandler(h_a, FALSE) && SetConsoleCtrlHandler(h_old, FALSE), "remove h_a, h_old");
    crt_sig = 0;
    CHECK(signal(SIGINT, on_signal) == SIG_DFL, "SIGINT's handler was SIG_DFL");
    CHECK(send_and_wait(CTRL_C_EVENT), "signal(SIGINT) handler called");
    CHECK(crt_sig == SIGINT, "the handler got %ld, expected SIGINT", crt_sig);
    CHECK(crt_tid != main_tid && crt_tid != 0, "the signal handler ran on the event's thread");
    /* The Microsoft CRT resets the handler to SIG_DFL before calling it, as raise() does;
     * Wine 8's msvcrt leaves it set for console events. */
    CHECK(crt_handler_during == (INT_PTR)SIG_DFL, "reset to SIG_DFL before the call: %p", (void *)crt_handler_during);
    CHECK(signal(SIGINT, SIG_IGN) == SIG_DFL, "SIGINT is SIG_DFL after the call");
    /* SIG_IGN: the CRT takes the event without a call (else the default action ends us). */
    reset();
    crt_sig = 0;
    CHECK(GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0), "send with SIG_IGN");
    CHECK(WaitForSingleObject(done, 500) == WAIT_TIMEOUT && crt_sig == 0, "SIG_IGN: sig %ld", crt_sig);
    /* SIGBREAK for CTRL_BREAK_EVENT. Wine 8 turns CTRL_BREAK_EVENT into SIGQUIT and ends a
     * thread on it without calling any handler; Windows documents that Ctrl+Break always
     * calls the handlers (GenerateConsoleCtrlEvent, Remarks). */
    crt_sig = 0;
    CHECK(signal(SIGBREAK, on_signal) == SIG_DFL, "SIGBREAK's handler was SIG_DFL");
    CHECK(send_and_wait(CTRL_BREAK_EVENT), "signal(SIGBREAK) handler called");
    CHECK(crt_sig == SIGBREAK, "the handler got %ld, expected SIGBREAK", crt_sig);
    CHECK(signal(SIGBREAK, SIG_IGN) == SIG_DFL, "SIGBREAK is SIG_DFL after the call");

    /* Children that die of Ctrl+C: one without handlers, one whose only handler returns
     * FALSE, one whose CRT handler is back to SIG_DFL. We live on: h_a returns TRUE. Windows
     * ends them with ExitProcess(STATUS_CONTROL_C_EXIT) ("the application terminated as a
     * result of a CTRL+C"); Wine 8's default handler exits with 0. */
    static const char *const modes[3] = {"plain", "false", "crt"};
    PROCESS_INFORMATION pi[3];
    HANDLE rd[3];
    BOOL started[3];
    CHECK(SetConsoleCtrlHandler(h_a, TRUE), "add h_a again");
    for (int i = 0; i < 3; i++) {
        started[i] = start_child(modes[i], 0, &pi[i], &rd[i]);
        CHECK(started[i], "CreateProcess (%s): %lu", modes[i], GetLastError());
    }
    for (int i = 0; i < 3; i++)
        if (started[i])
            CHECK(child_ready(rd[i]), "the child (%s) is ready", modes[i]);
    CHECK(send_and_wait(CTRL_C_EVENT), "our handler ran");
    CHECK(!strcmp(seen(), "a"), "ours: \"%s\"", seen());
    for (int i = 0; i < 3; i++)
        if (started[i])
            check_child_died(modes[i], &pi[i], rd[i]);

    /* The ignore flag is inherited: a child started while we ignore Ctrl+C ignores it too
     * (its only handler returns FALSE, so it would die of it), but not Ctrl+Break. (Children
     * with a handler, so that under wine-rs Ctrl+Break's default action runs there rather
     * than SIGQUIT's, which may leave a core file.) */
    PROCESS_INFORMATION ig;
    HANDLE ig_rd;
    CHECK(SetConsoleCtrlHandler(NULL, TRUE), "ignore Ctrl+C");
    BOOL ok = start_child("false", 0, &ig, &ig_rd);
    CHECK(SetConsoleCtrlHandler(NULL, FALSE), "stop ignoring Ctrl+C");
    CHECK(ok, "CreateProcess (inheriting the ignore flag): %lu", GetLastError());
    if (ok) {
        CHECK(child_ready(ig_rd), "the child (ignoring) is ready");
        CHECK(send_and_wait(CTRL_C_EVENT), "our handler ran");
        CHECK(WaitForSingleObject(ig.hProcess, 500) == WAIT_TIMEOUT, "the child ignores Ctrl+C");
        CHECK(send_and_wait(CTRL_BREAK_EVENT), "our handler ran for Ctrl+Break");
        check_child_died("ignoring Ctrl+C, given Ctrl+Break", &ig, ig_rd);
    }

    /* A new process group: Ctrl+C is disabled in it, and CTRL_C_EVENT to a group is accepted
     * but not delivered (GenerateConsoleCtrlEvent); CTRL_BREAK_EVENT reaches only the group,
     * not us. */
    PROCESS_INFORMATION ng;
    HANDLE ng_rd;
    ok = start_child("false", CREATE_NEW_PROCESS_GROUP, &ng, &ng_rd);
    CHECK(ok, "CreateProcess (CREATE_NEW_PROCESS_GROUP): %lu", GetLastError());
    if (ok) {
        CHECK(child_ready(ng_rd), "the child (new group) is ready");
        reset();
        CHECK(GenerateConsoleCtrlEvent(CTRL_C_EVENT, ng.dwProcessId), "CTRL_C_EVENT to a group: accepted");
        CHECK(WaitForSingleObject(ng.hProcess, 500) == WAIT_TIMEOUT, "the group does not get CTRL_C_EVENT");
        CHECK(GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, ng.dwProcessId), "CTRL_BREAK_EVENT to the group");
        check_child_died("new group, given Ctrl+Break", &ng, ng_rd);
        CHECK(ncalls == 0, "Ctrl+Break to another group ran our handlers: \"%s\"", seen());
    }
    return check_report();
}
