/* threads/threadpool.c - the thread pool, new and legacy interfaces.
 *
 *  - QueueUserWorkItem;
 *  - TP_WORK: Submit many times, WaitForThreadpoolWorkCallbacks (and with
 *    cancellation of queued callbacks), Close; callbacks run on other threads;
 *  - TrySubmitThreadpoolCallback, instance actions (SetEventWhenCallbackReturns,
 *    ReleaseSemaphoreWhenCallbackReturns, LeaveCriticalSectionWhenCallbackReturns),
 *    DisassociateCurrentThreadFromCallback, CallbackMayRunLong;
 *  - TP_TIMER: one-shot, periodic, IsThreadpoolTimerSet, stop with NULL;
 *  - TP_WAIT: signaled and timed-out waits, each set once;
 *  - a cleanup group closing its members;
 *  - RegisterWaitForSingleObject (repeating, WT_EXECUTEONLYONCE, timeouts),
 *    UnregisterWaitEx;
 *  - timer queues: CreateTimerQueueTimer (one-shot and periodic),
 *    ChangeTimerQueueTimer, DeleteTimerQueueTimer, DeleteTimerQueueEx with a
 *    completion event.
 */
#define _WIN32_WINNT 0x0A00
#include <windows.h>
#include <stdio.h>

#include "check.h"

static DWORD main_tid;

static DWORD now_ms(void)
{
    LARGE_INTEGER f, c;
    QueryPerformanceFrequency(&f);
    QueryPerformanceCounter(&c);
    return (DWORD)(c.QuadPart * 1000 / f.QuadPart);
}

/* Wait (up to 5 s) for *v to reach at least n. */
static BOOL reach(volatile LONG *v, LONG n)
{
    DWORD t0 = now_ms();
    while (*v < n && now_ms() - t0 < 5000)
        Sleep(1);
    return *v >= n;
}

/* ---- work items --------------------------------------------------------------- */
static volatile LONG items, other_thread;
static DWORD WINAPI user_item(void *arg)
{
    InterlockedExchangeAdd(&items, (LONG)(ULONG_PTR)arg);
    if (GetCurrentThreadId() != main_tid)
        InterlockedIncrement(&other_thread);
    return 0;
}

static volatile LONG work_runs;
static void CALLBACK work_cb(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_WORK work)
{
    Sleep(2);
    InterlockedExchangeAdd(&work_runs, (LONG)(ULONG_PTR)ctx);
}

static HANDLE gate;
static volatile LONG slow_runs;
static void CALLBACK slow_cb(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_WORK work)
{
    WaitForSingleObject(gate, INFINITE);
    InterlockedIncrement(&slow_runs);
}

static HANDLE gate_opened;
static DWORD WINAPI open_gate_later(void *arg)
{
    Sleep(50);
    SetEvent(gate);
    SetEvent(gate_opened);
    return 0;
}

static CRITICAL_SECTION cb_cs;
static volatile LONG simple_runs;
static void CALLBACK simple_cb(PTP_CALLBACK_INSTANCE inst, void *ctx)
{
    HANDLE *h = ctx;
    CallbackMayRunLong(inst);
    EnterCriticalSection(&cb_cs);
    SetEventWhenCallbackReturns(inst, h[0]);
    ReleaseSemaphoreWhenCallbackReturns(inst, h[1], 2);
    LeaveCriticalSectionWhenCallbackReturns(inst, &cb_cs);
    InterlockedIncrement(&simple_runs);
}

static void CALLBACK disassociating_cb(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_WORK work)
{
    DisassociateCurrentThreadFromCallback(inst);
    WaitForSingleObject(gate, INFINITE);
    InterlockedIncrement(&slow_runs);
}

static void work(void)
{
    PTP_WORK w;
    HANDLE hs[2];
    LONG prev, n;
    int i;
    DWORD t0;

    for (i = 1; i <= 20; i++)
        CHECK(QueueUserWorkItem(user_item, (void *)(ULONG_PTR)i, WT_EXECUTEDEFAULT), "QueueUserWorkItem %d", i);
    CHECK(reach(&items, 210), "QueueUserWorkItem items: %ld", items);
    CHECK(other_thread == 20, "work items ran on the main thread");

    w = CreateThreadpoolWork(work_cb, (void *)3, NULL);
    CHECK(w != NULL, "CreateThreadpoolWork: %lu", GetLastError());
    for (i = 0; i < 50; i++)
        SubmitThreadpoolWork(w);
    WaitForThreadpoolWorkCallbacks(w, FALSE);
    CHECK(work_runs == 150, "after WaitForThreadpoolWorkCallbacks: %ld", work_runs);
    CloseThreadpoolWork(w);

    /* With cancellation: whatever had not started never runs afterwards. */
    gate = CreateEventW(NULL, TRUE, FALSE, NULL);
    gate_opened = CreateEventW(NULL, TRUE, FALSE, NULL);
    w = CreateThreadpoolWork(slow_cb, NULL, NULL);
    for (i = 0; i < 6; i++)
        SubmitThreadpoolWork(w);
    CHECK(QueueUserWorkItem(open_gate_later, NULL, 0), "QueueUserWorkItem");
    WaitForThreadpoolWorkCallbacks(w, TRUE);
    n = slow_runs;
    Sleep(50);
    CHECK(n <= 6 && slow_runs == n, "callbacks ran after a cancelling wait: %ld then %ld", n, slow_runs);
    CHECK(WaitForSingleObject(gate_opened, 5000) == WAIT_OBJECT_0, "the gate was not opened");
    CloseThreadpoolWork(w);

    /* Disassociated: waiting for callbacks does not wait for it. */
    ResetEvent(gate);
    slow_runs = 0;
    w = CreateThreadpoolWork(disassociating_cb, NULL, NULL);
    SubmitThreadpoolWork(w);
    Sleep(30);
    t0 = now_ms();
    WaitForThreadpoolWorkCallbacks(w, FALSE);
    CHECK(now_ms() - t0 < 1000 && slow_runs == 0, "waited for a disassociated callback");
    SetEvent(gate);
    CHECK(reach(&slow_runs, 1), "the disassociated callback did not finish");
    CloseThreadpoolWork(w);

    /* Instance actions. */
    InitializeCriticalSection(&cb_cs);
    hs[0] = CreateEventW(NULL, TRUE, FALSE, NULL);
    hs[1] = CreateSemaphoreW(NULL, 0, 10, NULL);
    CHECK(TrySubmitThreadpoolCallback(simple_cb, hs, NULL), "TrySubmitThreadpoolCallback: %lu", GetLastError());
    CHECK(WaitForSingleObject(hs[0], 5000) == WAIT_OBJECT_0, "SetEventWhenCallbackReturns");
    CHECK(ReleaseSemaphore(hs[1], 0, &prev) && prev == 2, "ReleaseSemaphoreWhenCallbackReturns: %ld", prev);
    CHECK(TryEnterCriticalSection(&cb_cs), "LeaveCriticalSectionWhenCallbackReturns");
    LeaveCriticalSection(&cb_cs);
    CHECK(simple_runs == 1, "simple callback ran %ld times", simple_runs);
    CloseHandle(hs[0]);
    CloseHandle(hs[1]);
    DeleteCriticalSection(&cb_cs);
}

/* ---- timers and waits ----------------------------------------------------------- */
static volatile LONG timer_fires;
static void CALLBACK timer_cb(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_TIMER t)
{
    InterlockedIncrement(&timer_fires);
}

static volatile LONG wait_calls;
static TP_WAIT_RESULT wait_results[8];
static void CALLBACK wait_cb(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_WAIT w, TP_WAIT_RESULT r)
{
    LONG i = InterlockedIncrement(&wait_calls) - 1;
    if (i < 8)
        wait_results[i] = r;
}

static void set_due(FILETIME *ft, LONGLONG v)
{
    ft->dwLowDateTime = (DWORD)v;
    ft->dwHighDateTime = (DWORD)(v >> 32);
}

static void timers_and_waits(void)
{
    PTP_TIMER t = CreateThreadpoolTimer(timer_cb, NULL, NULL);
    PTP_WAIT w = CreateThreadpoolWait(wait_cb, NULL, NULL);
    HANDLE ev = CreateEventW(NULL, FALSE, FALSE, NULL);
    FILETIME due;
    DWORD t0;
    LONG n;

    CHECK(t && !IsThreadpoolTimerSet(t), "a new timer is not set");
    set_due(&due, -20 * 10000LL);
    t0 = now_ms();
    SetThreadpoolTimer(t, &due, 0, 0);
    CHECK(IsThreadpoolTimerSet(t), "a set timer");
    CHECK(reach(&timer_fires, 1), "the one-shot timer did not fire");
    CHECK(now_ms() - t0 >= 15, "fired after %lu ms", now_ms() - t0);
    Sleep(50);
    CHECK(timer_fires == 1, "a one-shot timer fired %ld times", timer_fires);
    set_due(&due, -5 * 10000LL);
    SetThreadpoolTimer(t, &due, 10, 0);
    CHECK(reach(&timer_fires, 6), "the periodic timer fired %ld times", timer_fires);
    SetThreadpoolTimer(t, NULL, 0, 0);
    WaitForThreadpoolTimerCallbacks(t, TRUE);
    CHECK(!IsThreadpoolTimerSet(t), "stopped timer still set");
    n = timer_fires;
    Sleep(50);
    CHECK(timer_fires == n, "a stopped timer fired");
    CloseThreadpoolTimer(t);

    SetThreadpoolWait(w, ev, NULL);
    Sleep(20);
    CHECK(wait_calls == 0, "wait callback without a signal");
    SetEvent(ev);
    CHECK(reach(&wait_calls, 1), "the wait callback did not run");
    CHECK(wait_results[0] == WAIT_OBJECT_0, "wait result %lu", wait_results[0]);
    CHECK(WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "the pool's wait did not consume the auto event");
    SetEvent(ev);
    Sleep(30);
    CHECK(wait_calls == 1, "a wait is set once: %ld calls", wait_calls);
    CHECK(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "nobody should have consumed the event");
    set_due(&due, -20 * 10000LL);
    SetThreadpoolWait(w, ev, &due);
    CHECK(reach(&wait_calls, 2), "the timed wait did not end");
    CHECK(wait_results[1] == WAIT_TIMEOUT, "timed wait result %lu", wait_results[1]);
    SetThreadpoolWait(w, ev, NULL);
    SetThreadpoolWait(w, NULL, NULL); /* cancelled */
    SetEvent(ev);
    Sleep(30);
    CHECK(wait_calls == 2, "a cancelled wait ran its callback");
    WaitForThreadpoolWaitCallbacks(w, FALSE);
    CloseThreadpoolWait(w);
    CloseHandle(ev);
}

/* ---- cleanup groups --------------------------------------------------------------- */
static volatile LONG group_runs, group_cancelled;
static void CALLBACK group_work(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_WORK work)
{
    Sleep(5);
    InterlockedIncrement(&group_runs);
}
static void CALLBACK group_cancel(void *obj_ctx, void *cleanup_ctx)
{
    if (obj_ctx == (void *)0x77 && cleanup_ctx == (void *)0x99)
        InterlockedIncrement(&group_cancelled);
}

static void cleanup_group(void)
{
    TP_CALLBACK_ENVIRON env;
    PTP_CLEANUP_GROUP g = CreateThreadpoolCleanupGroup();
    PTP_POOL pool = CreateThreadpool(NULL);
    PTP_WORK w1, w2;
    int i;

    CHECK(g && pool, "CreateThreadpoolCleanupGroup / CreateThreadpool");
    SetThreadpoolThreadMaximum(pool, 4);
    CHECK(SetThreadpoolThreadMinimum(pool, 1), "SetThreadpoolThreadMinimum");
    InitializeThreadpoolEnvironment(&env);
    SetThreadpoolCallbackPool(&env, pool);
    SetThreadpoolCallbackCleanupGroup(&env, g, group_cancel);
    w1 = CreateThreadpoolWork(group_work, (void *)0x77, &env);
    w2 = CreateThreadpoolWork(group_work, (void *)0x77, &env);
    for (i = 0; i < 4; i++) {
        SubmitThreadpoolWork(w1);
        SubmitThreadpoolWork(w2);
    }
    CloseThreadpoolCleanupGroupMembers(g, FALSE, (void *)0x99);
    CHECK(group_runs == 8, "group members' callbacks: %ld", group_runs);
    CHECK(group_cancelled == 0, "cancel callback without cancellation");
    w1 = CreateThreadpoolWork(group_work, (void *)0x77, &env);
    CloseThreadpoolCleanupGroupMembers(g, TRUE, (void *)0x99);
    CHECK(group_cancelled == 1, "the cancel callback ran %ld times", group_cancelled);
    CloseThreadpoolCleanupGroup(g);
    DestroyThreadpoolEnvironment(&env);
    CloseThreadpool(pool);
}

/* ---- legacy: registered waits and timer queues ------------------------------------- */
static volatile LONG reg_signaled, reg_timeouts;
static void CALLBACK reg_cb(void *ctx, BOOLEAN timed_out)
{
    if (timed_out)
        InterlockedIncrement(&reg_timeouts);
    else
        InterlockedIncrement(&reg_signaled);
}

static volatile LONG queue_fires, queue_once;
static void CALLBACK queue_cb(void *param, BOOLEAN fired)
{
    if (param == (void *)1 && fired)
        InterlockedIncrement(&queue_fires);
    else if (param == (void *)2 && fired)
        InterlockedIncrement(&queue_once);
}

static void legacy(void)
{
    HANDLE ev = CreateEventW(NULL, FALSE, FALSE, NULL), wh = NULL, wh2 = NULL, q, t1 = NULL, t2 = NULL, done;
    LONG n;

    CHECK(RegisterWaitForSingleObject(&wh, ev, reg_cb, NULL, INFINITE, WT_EXECUTEDEFAULT), "RegisterWait: %lu",
          GetLastError());
    SetEvent(ev);
    CHECK(reach(&reg_signaled, 1), "registered wait not called");
    SetEvent(ev);
    CHECK(reach(&reg_signaled, 2), "registered wait does not repeat");
    CHECK(UnregisterWaitEx(wh, INVALID_HANDLE_VALUE), "UnregisterWaitEx: %lu", GetLastError());
    SetEvent(ev);
    Sleep(30);
    CHECK(reg_signaled == 2 && WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "an unregistered wait still ran");

    CHECK(RegisterWaitForSingleObject(&wh2, ev, reg_cb, NULL, 20, WT_EXECUTEONLYONCE), "RegisterWait (once)");
    CHECK(reach(&reg_timeouts, 1), "no timeout callback");
    Sleep(50);
    CHECK(reg_timeouts == 1, "WT_EXECUTEONLYONCE repeated: %ld", reg_timeouts);
    CHECK(UnregisterWait(wh2), "UnregisterWait: %lu", GetLastError());

    q = CreateTimerQueue();
    CHECK(q != NULL, "CreateTimerQueue: %lu", GetLastError());
    CHECK(CreateTimerQueueTimer(&t1, q, queue_cb, (void *)1, 10, 10, WT_EXECUTEDEFAULT), "CreateTimerQueueTimer");
    CHECK(CreateTimerQueueTimer(&t2, NULL, queue_cb, (void *)2, 5, 0, WT_EXECUTEONLYONCE), "default queue timer");
    CHECK(reach(&queue_fires, 5), "periodic queue timer fired %ld times", queue_fires);
    CHECK(queue_once == 1, "one-shot queue timer fired %ld times", queue_once);
    CHECK(DeleteTimerQueueTimer(NULL, t2, INVALID_HANDLE_VALUE), "DeleteTimerQueueTimer: %lu", GetLastError());
    CHECK(ChangeTimerQueueTimer(q, t1, 1000, 1000), "ChangeTimerQueueTimer: %lu", GetLastError());
    Sleep(30);
    n = queue_fires;
    Sleep(50);
    CHECK(queue_fires == n, "a changed timer fired early");
    done = CreateEventW(NULL, TRUE, FALSE, NULL);
    /* TRUE, or FALSE with ERROR_IO_PENDING while a callback runs. */
    CHECK(DeleteTimerQueueEx(q, done) || GetLastError() == ERROR_IO_PENDING, "DeleteTimerQueueEx: %lu", GetLastError());
    CHECK(WaitForSingleObject(done, 5000) == WAIT_OBJECT_0, "the completion event was not set");
    CloseHandle(done);
    CloseHandle(ev);
}

int main(void)
{
    main_tid = GetCurrentThreadId();
    work();
    timers_and_waits();
    cleanup_group();
    legacy();
    return check_report();
}
