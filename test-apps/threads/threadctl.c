/* threads/threadctl.c - controlling threads.
 *
 *  - SuspendThread + GetThreadContext + SetThreadContext: a busy thread is stopped
 *    (its counter stops moving), its registers are read (Rip inside the busy loop,
 *    Rcx its argument), and it is redirected to another function, which runs and
 *    ends the thread with its own exit code;
 *  - suspend counts, a thread suspending itself, a thread suspended in a wait;
 *  - QueueUserAPC: APCs run in SleepEx and WaitFor*Ex when alertable (objects
 *    first), not in other waits; an APC queued to a suspended new thread runs
 *    before its start routine;
 *  - TerminateThread: exit code, no DLL_THREAD_DETACH, abandoned mutex;
 *  - the order of a new thread's life as a TLS callback sees it: a thread created
 *    suspended gets DLL_THREAD_ATTACH only after ResumeThread, in the thread,
 *    right before its start routine; at its end, its FLS callbacks run before
 *    DLL_THREAD_DETACH (ExitThread and returning alike);
 *  - FLS: FlsAlloc callbacks with each thread's value, FlsFree callbacks;
 *  - TlsAlloc beyond 64 (TEB->TlsExpansionSlots at gs:0x1780);
 *  - priority, affinity, thread description, SwitchToThread, Sleep(0), OpenThread;
 *  - an ended thread gives its stack back, however it ended (returning, ExitThread,
 *    TerminateThread): 600 threads of 1 MiB leave the address space in use
 *    (GlobalMemoryStatusEx's ullAvailVirtual) within 128 MiB of where it was.
 */
#define _WIN32_WINNT 0x0A00
#include <windows.h>
#include <stdio.h>

#include "check.h"

HRESULT WINAPI SetThreadDescription(HANDLE, PCWSTR);
HRESULT WINAPI GetThreadDescription(HANDLE, PWSTR *);

static int same(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

/* ---- an event log, written by the TLS callback and the threads ------------ */
#define MAX_LOG 256
static volatile LONG n_log;
static struct { DWORD tid; char what; ULONG_PTR data; } log_[MAX_LOG];

static void note(char what, ULONG_PTR data)
{
    LONG i = InterlockedIncrement(&n_log) - 1;
    if (i < MAX_LOG) {
        log_[i].tid = GetCurrentThreadId();
        log_[i].what = what;
        log_[i].data = data;
    }
}

/* Index of the first entry (tid, what), or -1. */
static int find(DWORD tid, char what)
{
    int i;
    for (i = 0; i < n_log && i < MAX_LOG; i++)
        if (log_[i].tid == tid && log_[i].what == what)
            return i;
    return -1;
}

static void NTAPI tls_callback(PVOID h, DWORD reason, PVOID reserved)
{
    if (reason == DLL_THREAD_ATTACH)
        note('A', 0);
    else if (reason == DLL_THREAD_DETACH)
        note('D', 0);
}
__attribute__((section(".CRT$XLB"))) PIMAGE_TLS_CALLBACK p_tls_callback = tls_callback;

/* ---- suspend, context, redirect --------------------------------------------- */
static volatile LONGLONG spins;
static volatile LONG redirected_arg;

/* A busy loop the compiler keeps as it is: it never calls anything, so the
 * thread is always in the program's code when it is stopped. */
__attribute__((noinline)) static DWORD WINAPI busy(void *arg)
{
    for (;;)
        spins++;
    return 0;
}
__attribute__((noinline)) static void busy_end(void) { __asm__ volatile(""); }

static void WINAPI redirected(ULONG_PTR arg)
{
    redirected_arg = (LONG)arg;
    ExitThread(1000 + (DWORD)arg);
}

static void suspend_and_redirect(void)
{
    HANDLE th = CreateThread(NULL, 0, busy, (void *)0x5150, 0, NULL);
    CONTEXT ctx;
    LONGLONG before, after;
    DWORD code, r;
    int i;

    while (spins < 1000)
        Sleep(1);
    r = SuspendThread(th);
    CHECK(r == 0, "SuspendThread returned %lu", r);
    /* GetThreadContext makes sure it has stopped. */
    memset(&ctx, 0, sizeof(ctx));
    ctx.ContextFlags = CONTEXT_FULL;
    CHECK(GetThreadContext(th, &ctx), "GetThreadContext: %lu", GetLastError());
    before = spins;
    Sleep(50);
    after = spins;
    CHECK(before == after, "the suspended thread ran on: %lld -> %lld", before, after);
    CHECK(ctx.Rip >= (DWORD64)busy && ctx.Rip < (DWORD64)busy_end + 16, "Rip %p outside busy() (%p)", (void *)ctx.Rip,
          (void *)busy);
    CHECK(ctx.SegCs == 0x33 && ctx.SegSs == 0x2b, "segments cs %x ss %x", ctx.SegCs, ctx.SegSs);
    CHECK((ctx.ContextFlags & CONTEXT_FULL) == CONTEXT_FULL, "ContextFlags %lx", ctx.ContextFlags);
    CHECK(ctx.Rsp != 0 && (ctx.Rsp & 7) == 0, "Rsp %p", (void *)ctx.Rsp);
    CHECK(ctx.MxCsr == ctx.FltSave.MxCsr, "MxCsr %lx / %lx", ctx.MxCsr, ctx.FltSave.MxCsr);

    /* Suspend counts while stopped. */
    CHECK(SuspendThread(th) == 1 && SuspendThread(th) == 2, "nested SuspendThread counts");
    CHECK(ResumeThread(th) == 3 && ResumeThread(th) == 2, "ResumeThread counts");

    /* Redirect: call redirected(77) on its own stack, as if called. */
    ctx.Rip = (DWORD64)redirected;
    ctx.Rcx = 77;
    ctx.Rsp = ((ctx.Rsp - 512) & ~(DWORD64)15) - 8;
    CHECK(SetThreadContext(th, &ctx), "SetThreadContext: %lu", GetLastError());
    memset(&ctx, 0, sizeof(ctx));
    ctx.ContextFlags = CONTEXT_CONTROL | CONTEXT_INTEGER;
    CHECK(GetThreadContext(th, &ctx) && ctx.Rip == (DWORD64)redirected && ctx.Rcx == 77,
          "the context reads back as set: Rip %p Rcx %llx", (void *)ctx.Rip, ctx.Rcx);
    CHECK(redirected_arg == 0, "redirected before ResumeThread");
    CHECK(ResumeThread(th) == 1, "last ResumeThread");
    r = WaitForSingleObject(th, 5000);
    CHECK(r == WAIT_OBJECT_0, "the redirected thread did not end: %lu", r);
    CHECK(redirected_arg == 77, "redirected() got %ld", redirected_arg);
    CHECK(GetExitCodeThread(th, &code) && code == 1077, "exit code %lu", code);
    SetLastError(0);
    CHECK(SuspendThread(th) == (DWORD)-1 && GetLastError() == ERROR_ACCESS_DENIED,
          "SuspendThread of an ended thread: %lu", GetLastError());
    CHECK(ResumeThread(th) == 0, "ResumeThread of an ended thread");
    CloseHandle(th);

    /* Suspend/resume many times while it runs: it keeps its count and goes on. */
    spins = 0;
    th = CreateThread(NULL, 0, busy, NULL, 0, NULL);
    for (i = 0; i < 50; i++) {
        CHECK(SuspendThread(th) == 0, "suspend %d", i);
        CHECK(ResumeThread(th) == 1, "resume %d", i);
    }
    before = spins;
    Sleep(20);
    CHECK(spins > before, "the thread did not run on after 50 suspensions");
    CHECK(TerminateThread(th, 3), "TerminateThread: %lu", GetLastError());
    CHECK(WaitForSingleObject(th, 5000) == WAIT_OBJECT_0, "terminated thread did not end");
    CHECK(GetExitCodeThread(th, &code) && code == 3, "terminated exit code %lu", code);
    CloseHandle(th);
}

/* A thread suspending itself; another resumes it. */
static volatile LONG self_stage;
static DWORD WINAPI suspends_itself(void *arg)
{
    self_stage = 1;
    SuspendThread(GetCurrentThread());
    self_stage = 2;
    return 0;
}

static DWORD WINAPI waits_long(void *arg) { return WaitForSingleObject((HANDLE)arg, INFINITE); }

static void self_and_waiting(void)
{
    HANDLE th = CreateThread(NULL, 0, suspends_itself, NULL, 0, NULL), ev;
    DWORD r, code;
    while (self_stage == 0)
        Sleep(1);
    Sleep(30);
    CHECK(self_stage == 1, "a thread suspending itself went on");
    CHECK(ResumeThread(th) == 1, "resuming a self-suspended thread");
    CHECK(WaitForSingleObject(th, 5000) == WAIT_OBJECT_0 && self_stage == 2, "self-suspended thread did not end");
    CloseHandle(th);

    /* Suspended while blocked in a wait: the event it waits for is set meanwhile,
     * it takes it only once resumed. */
    ev = CreateEventW(NULL, FALSE, FALSE, NULL);
    th = CreateThread(NULL, 0, waits_long, ev, 0, NULL);
    Sleep(30);
    CHECK(SuspendThread(th) == 0, "suspend a waiting thread");
    SetEvent(ev);
    r = WaitForSingleObject(th, 50);
    CHECK(r == WAIT_TIMEOUT, "a suspended thread finished its wait: %lu", r);
    CHECK(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "a suspended thread consumed the event");
    SetEvent(ev);
    ResumeThread(th);
    CHECK(WaitForSingleObject(th, 5000) == WAIT_OBJECT_0, "the waiting thread did not end after resume");
    CHECK(GetExitCodeThread(th, &code) && code == WAIT_OBJECT_0, "its wait returned %lu", code);
    CloseHandle(th);
    CloseHandle(ev);
}

/* ---- APCs ------------------------------------------------------------------ */
static int apc_sum, apc_order[8], n_apc;
static void WINAPI apc(ULONG_PTR v)
{
    apc_sum += (int)v;
    if (n_apc < 8)
        apc_order[n_apc++] = (int)v;
}

static DWORD WINAPI apc_sleeper(void *arg)
{
    DWORD r = SleepEx(10000, TRUE);
    note('S', r);
    return r;
}

static void WINAPI apc_first(ULONG_PTR v) { note('P', v); }
static DWORD WINAPI start_after_apc(void *arg) { note('R', 0); return 0; }

static void apcs(void)
{
    HANDLE me = GetCurrentThread(), ev = CreateEventW(NULL, TRUE, TRUE, NULL), th, hs[2];
    DWORD r, tid, code;

    CHECK(QueueUserAPC(apc, me, 1), "QueueUserAPC: %lu", GetLastError());
    r = WaitForSingleObjectEx(ev, 0, TRUE);
    CHECK(r == WAIT_OBJECT_0 && apc_sum == 0, "alertable wait on a signaled object: %lu, APCs ran: %d", r, apc_sum);
    r = WaitForSingleObject(ev, 0);
    CHECK(r == WAIT_OBJECT_0 && apc_sum == 0, "non-alertable wait ran an APC");
    Sleep(1);
    CHECK(apc_sum == 0, "Sleep ran an APC");
    ResetEvent(ev);
    QueueUserAPC(apc, me, 2);
    QueueUserAPC(apc, me, 4);
    r = SleepEx(5000, TRUE);
    CHECK(r == WAIT_IO_COMPLETION, "SleepEx returned %lu", r);
    CHECK(apc_sum == 7 && n_apc == 3 && apc_order[0] == 1 && apc_order[1] == 2 && apc_order[2] == 4,
          "APCs in order: sum %d (%d %d %d)", apc_sum, apc_order[0], apc_order[1], apc_order[2]);
    CHECK(SleepEx(0, TRUE) == 0, "SleepEx(0) with no APC");
    QueueUserAPC(apc, me, 8);
    hs[0] = ev; hs[1] = ev;
    r = WaitForMultipleObjectsEx(2, hs, FALSE, 5000, TRUE);
    CHECK(r == WAIT_IO_COMPLETION && apc_sum == 15, "WaitForMultipleObjectsEx: %lu, sum %d", r, apc_sum);
    QueueUserAPC(apc, me, 16);
    r = SignalObjectAndWait(ev, ev, 0, TRUE);
    CHECK(r == WAIT_OBJECT_0 && apc_sum == 15, "SignalObjectAndWait on a signaled object: %lu", r);
    ResetEvent(ev);
    r = WaitForSingleObjectEx(ev, 5000, TRUE);
    CHECK(r == WAIT_IO_COMPLETION && apc_sum == 31, "the pending APC: %lu, sum %d", r, apc_sum);

    /* Another thread sleeping alertably. */
    th = CreateThread(NULL, 0, apc_sleeper, NULL, 0, &tid);
    Sleep(30);
    CHECK(QueueUserAPC(apc_first, th, 5), "QueueUserAPC to another thread");
    CHECK(WaitForSingleObject(th, 5000) == WAIT_OBJECT_0, "the sleeper was not woken");
    CHECK(GetExitCodeThread(th, &code) && code == WAIT_IO_COMPLETION, "its SleepEx returned %lu", code);
    CHECK(find(tid, 'P') >= 0 && find(tid, 'P') < find(tid, 'S'), "the APC ran in the sleeping thread");
    SetLastError(0);
    CHECK(!QueueUserAPC(apc, th, 1) && GetLastError() == ERROR_GEN_FAILURE, "APC to an ended thread: %lu",
          GetLastError());
    CloseHandle(th);
    SetLastError(0);
    CHECK(!QueueUserAPC(apc, (HANDLE)0x1234, 1) && GetLastError() == ERROR_INVALID_HANDLE, "APC to a bad handle");

    /* Queued to a new suspended thread: runs after DLL_THREAD_ATTACH, before the start routine. */
    th = CreateThread(NULL, 0, start_after_apc, NULL, CREATE_SUSPENDED, &tid);
    QueueUserAPC(apc_first, th, 9);
    ResumeThread(th);
    CHECK(WaitForSingleObject(th, 5000) == WAIT_OBJECT_0, "the suspended thread did not run");
    CHECK(find(tid, 'A') >= 0 && find(tid, 'A') < find(tid, 'P') && find(tid, 'P') < find(tid, 'R'),
          "order attach %d, APC %d, start %d", find(tid, 'A'), find(tid, 'P'), find(tid, 'R'));
    CloseHandle(th);
    CloseHandle(ev);
}

/* ---- thread life: attach after resume, FLS before detach, terminate ---------- */
static DWORD fls_index;
static void WINAPI fls_callback(void *v) { note('F', (ULONG_PTR)v); }

static DWORD WINAPI life_returns(void *arg)
{
    note('R', 0);
    FlsSetValue(fls_index, (void *)0x1111);
    return 5;
}

static DWORD WINAPI life_exits(void *arg)
{
    note('R', 0);
    FlsSetValue(fls_index, (void *)0x2222);
    ExitThread(6);
}

static HANDLE terminate_mutex;
static DWORD WINAPI life_terminated(void *arg)
{
    note('R', 0);
    FlsSetValue(fls_index, (void *)0x3333);
    WaitForSingleObject(terminate_mutex, INFINITE);
    for (;;)
        Sleep(1000);
    return 0;
}

static void thread_life(void)
{
    HANDLE th;
    DWORD tid, code, r;
    int resumed;

    fls_index = FlsAlloc(fls_callback);
    CHECK(fls_index != FLS_OUT_OF_INDEXES, "FlsAlloc: %lu", GetLastError());

    /* Created suspended: nothing of it runs before ResumeThread. */
    th = CreateThread(NULL, 0, life_returns, NULL, CREATE_SUSPENDED, &tid);
    Sleep(50);
    CHECK(find(tid, 'A') < 0, "DLL_THREAD_ATTACH before ResumeThread");
    note('M', tid); /* resuming now */
    resumed = n_log - 1;
    CHECK(ResumeThread(th) == 1, "ResumeThread of a new thread");
    CHECK(WaitForSingleObject(th, 5000) == WAIT_OBJECT_0, "thread did not end");
    CHECK(find(tid, 'A') > resumed, "attach at %d, resume at %d", find(tid, 'A'), resumed);
    CHECK(find(tid, 'A') < find(tid, 'R'), "attach %d before the start routine %d", find(tid, 'A'), find(tid, 'R'));
    CHECK(find(tid, 'F') > find(tid, 'R') && find(tid, 'F') < find(tid, 'D'), "FLS callback %d before detach %d",
          find(tid, 'F'), find(tid, 'D'));
    CHECK(find(tid, 'F') >= 0 && log_[find(tid, 'F')].data == 0x1111, "FLS callback value");
    CHECK(GetExitCodeThread(th, &code) && code == 5, "exit code %lu", code);
    CloseHandle(th);

    th = CreateThread(NULL, 0, life_exits, NULL, 0, &tid);
    CHECK(WaitForSingleObject(th, 5000) == WAIT_OBJECT_0, "ExitThread thread did not end");
    CHECK(find(tid, 'F') > find(tid, 'R') && find(tid, 'F') < find(tid, 'D'), "ExitThread: FLS %d, detach %d",
          find(tid, 'F'), find(tid, 'D'));
    CHECK(find(tid, 'F') >= 0 && log_[find(tid, 'F')].data == 0x2222, "FLS callback value (ExitThread)");
    CHECK(GetExitCodeThread(th, &code) && code == 6, "exit code %lu", code);
    CloseHandle(th);

    /* TerminateThread: no FLS callback, no detach; its mutex is abandoned. */
    terminate_mutex = CreateMutexW(NULL, FALSE, NULL);
    th = CreateThread(NULL, 0, life_terminated, NULL, 0, &tid);
    while (find(tid, 'R') < 0)
        Sleep(1);
    Sleep(30);
    CHECK(TerminateThread(th, 99), "TerminateThread: %lu", GetLastError());
    CHECK(WaitForSingleObject(th, 5000) == WAIT_OBJECT_0, "terminated thread did not end");
    CHECK(GetExitCodeThread(th, &code) && code == 99, "terminated exit code %lu", code);
    Sleep(20);
    CHECK(find(tid, 'F') < 0 && find(tid, 'D') < 0, "a terminated thread ran FLS (%d) or detach (%d)", find(tid, 'F'),
          find(tid, 'D'));
    r = WaitForSingleObject(terminate_mutex, 0);
    CHECK(r == WAIT_ABANDONED_0, "its mutex: %lu", r);
    ReleaseMutex(terminate_mutex);
    CloseHandle(terminate_mutex);
    CloseHandle(th);
}

/* ---- FLS and TLS slots ------------------------------------------------------- */
static int fls_seen;
static void WINAPI fls_count(void *v) { fls_seen += (int)(ULONG_PTR)v; }
static DWORD tls_hi;
static DWORD WINAPI tls_thread(void *arg)
{
    void **exp;
    if (TlsGetValue(tls_hi) != NULL)
        return 1;
    TlsSetValue(tls_hi, (void *)0xbeef);
    __asm__ volatile("movq %%gs:0x1780, %0" : "=r"(exp));
    if (!exp || exp[tls_hi - 64] != (void *)0xbeef)
        return 2;
    return TlsGetValue(tls_hi) == (void *)0xbeef ? 0 : 3;
}

static void slots(void)
{
    DWORD i, idx[1100], n = 0, code;
    void **exp;
    HANDLE th;

    i = FlsAlloc(fls_count);
    CHECK(FlsGetValue(i) == NULL && GetLastError() == 0, "fresh FLS value");
    CHECK(FlsSetValue(i, (void *)3) && FlsGetValue(i) == (void *)3, "FlsSetValue");
    CHECK(FlsFree(i) && fls_seen == 3, "FlsFree ran the callback: %d", fls_seen);
    SetLastError(0);
    CHECK(!FlsFree(i) && GetLastError() == ERROR_INVALID_PARAMETER, "FlsFree twice: %lu", GetLastError());
    SetLastError(0);
    CHECK(FlsGetValue(0) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "FLS index 0: %lu", GetLastError());

    for (;;) {
        i = TlsAlloc();
        if (i == TLS_OUT_OF_INDEXES)
            break;
        if (n < 1100)
            idx[n++] = i;
    }
    CHECK(GetLastError() == ERROR_NO_MORE_ITEMS, "TlsAlloc exhausted: %lu", GetLastError());
    CHECK(n > 1000 && idx[n - 1] == 1087, "TlsAlloc gave %lu indices, the last %lu", n, n ? idx[n - 1] : 0);
    tls_hi = idx[n - 1];
    CHECK(TlsGetValue(tls_hi) == NULL && GetLastError() == 0, "an expansion slot reads NULL");
    CHECK(TlsSetValue(tls_hi, (void *)0xcafe) && TlsGetValue(tls_hi) == (void *)0xcafe, "expansion slot value");
    __asm__ volatile("movq %%gs:0x1780, %0" : "=r"(exp));
    CHECK(exp && exp[tls_hi - 64] == (void *)0xcafe, "TEB->TlsExpansionSlots[%lu]", tls_hi - 64);
    th = CreateThread(NULL, 0, tls_thread, NULL, 0, NULL);
    WaitForSingleObject(th, INFINITE);
    CHECK(GetExitCodeThread(th, &code) && code == 0, "expansion slots in another thread: %lu", code);
    CloseHandle(th);
    CHECK(TlsGetValue(tls_hi) == (void *)0xcafe, "another thread's value leaked here");
    for (i = 0; i < n; i++)
        TlsFree(idx[i]);
    SetLastError(0);
    CHECK(TlsGetValue(1088) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "TLS index 1088: %lu",
          GetLastError());
    i = TlsAlloc();
    CHECK(i < 64, "after freeing, TlsAlloc gives %lu", i);
    TlsFree(i);
}

/* ---- attributes -------------------------------------------------------------- */
static DWORD WINAPI sleeps_briefly(void *arg) { Sleep(50); return 0; }

static void attributes(void)
{
    HANDLE me = GetCurrentThread(), th, o;
    DWORD_PTR pm = 0, sm = 0, low, prev;
    PWSTR desc = NULL;
    DWORD tid;

    CHECK(GetThreadPriority(me) == THREAD_PRIORITY_NORMAL, "default priority %d", GetThreadPriority(me));
    CHECK(SetThreadPriority(me, THREAD_PRIORITY_ABOVE_NORMAL) && GetThreadPriority(me) == THREAD_PRIORITY_ABOVE_NORMAL,
          "priority");
    SetLastError(0);
    CHECK(!SetThreadPriority(me, 99) && GetLastError() == ERROR_INVALID_PARAMETER, "priority 99: %lu",
          GetLastError());
    SetThreadPriority(me, THREAD_PRIORITY_NORMAL);
    CHECK(GetProcessAffinityMask(GetCurrentProcess(), &pm, &sm) && pm && (pm & ~sm) == 0, "affinity masks %llx %llx",
          (unsigned long long)pm, (unsigned long long)sm);
    low = pm & (~pm + 1);
    prev = SetThreadAffinityMask(me, low);
    CHECK(prev == pm, "SetThreadAffinityMask returned %llx", (unsigned long long)prev);
    prev = SetThreadAffinityMask(me, pm);
    CHECK(prev == low, "the previous mask %llx", (unsigned long long)prev);
    SetLastError(0);
    CHECK(SetThreadAffinityMask(me, 0) == 0 && GetLastError() == ERROR_INVALID_PARAMETER, "empty mask: %lu",
          GetLastError());
    CHECK(SetProcessAffinityMask(GetCurrentProcess(), pm), "SetProcessAffinityMask: %lu", GetLastError());

    CHECK(SUCCEEDED(GetThreadDescription(me, &desc)) && desc && desc[0] == 0, "no description yet");
    LocalFree(desc);
    CHECK(SUCCEEDED(SetThreadDescription(me, L"main thread")), "SetThreadDescription");
    CHECK(SUCCEEDED(GetThreadDescription(me, &desc)) && desc && same(desc, L"main thread"), "description");
    LocalFree(desc);

    CHECK(SwitchToThread() || TRUE, "");
    Sleep(0);
    th = CreateThread(NULL, 0, sleeps_briefly, NULL, 0, &tid);
    CHECK(GetThreadId(th) == tid, "GetThreadId");
    o = OpenThread(THREAD_ALL_ACCESS, FALSE, tid);
    CHECK(o != NULL && GetThreadId(o) == tid, "OpenThread: %lu", GetLastError());
    CHECK(SUCCEEDED(SetThreadDescription(o, L"worker")), "describe another thread");
    CHECK(SUCCEEDED(GetThreadDescription(th, &desc)) && same(desc, L"worker"), "read through another handle");
    LocalFree(desc);
    CHECK(WaitForSingleObject(o, 5000) == WAIT_OBJECT_0, "wait through OpenThread's handle");
    CloseHandle(o);
    CloseHandle(th);
}

/* ---- ended threads give their stacks back --------------------------------- */
static DWORD WINAPI returns(void *arg)
{
    return (DWORD)(ULONG_PTR)arg;
}

static DWORD WINAPI exits(void *arg)
{
    ExitThread((DWORD)(ULONG_PTR)arg);
}

static DWORD WINAPI waits_forever(void *arg)
{
    WaitForSingleObject((HANDLE)arg, INFINITE);
    return 1;
}

static ULONGLONG address_space_used(void)
{
    MEMORYSTATUSEX m = { sizeof m };
    GlobalMemoryStatusEx(&m);
    return m.ullTotalVirtual - m.ullAvailVirtual;
}

static void stacks_come_back(void)
{
    HANDLE never = CreateEventA(NULL, TRUE, FALSE, NULL);
    ULONGLONG before, after;
    int i, bad = 0;
    /* Warm up (first threads set up caches that stay). */
    for (i = 0; i < 20; i++) {
        HANDLE th = CreateThread(NULL, 1 << 20, i & 1 ? exits : returns, (void *)7, 0, NULL);
        WaitForSingleObject(th, 5000);
        CloseHandle(th);
    }
    before = address_space_used();
    for (i = 0; i < 600; i++) {
        int how = i % 3;
        DWORD code = 0;
        HANDLE th = CreateThread(NULL, 1 << 20, how == 0 ? returns : how == 1 ? exits : waits_forever,
                                 how == 2 ? (void *)never : (void *)(ULONG_PTR)(100 + i), 0, NULL);
        if (how == 2)
            TerminateThread(th, 100 + i);
        if (WaitForSingleObject(th, 5000) != WAIT_OBJECT_0 || !GetExitCodeThread(th, &code) ||
            code != (DWORD)(100 + i))
            bad++;
        CloseHandle(th);
    }
    after = address_space_used();
    CHECK(bad == 0, "%d of 600 threads did not end with their code", bad);
    CHECK(after < before + (128u << 20), "600 ended threads keep %llu MiB of address space",
          (after - before) >> 20);
    CloseHandle(never);
}

int main(void)
{
    suspend_and_redirect();
    self_and_waiting();
    apcs();
    thread_life();
    slots();
    attributes();
    stacks_come_back(); /* last: its threads fill the event log */
    return check_report();
}
