/* threads/syncobj.c - synchronization with Windows semantics, checked exactly.
 *
 *  - producer/consumer through a bounded queue with condition variables, over a
 *    critical section and over an SRW lock (and SRW shared mode);
 *  - WaitForMultipleObjects, wait-any (lowest index) and wait-all (nothing
 *    consumed until all are signaled), with timeouts, over mixed kinds of
 *    objects: events, semaphores, mutexes, threads, waitable timers, the process;
 *  - WAIT_ABANDONED from a mutex whose owner ended (single and multiple waits);
 *  - events (auto, manual, PulseEvent), semaphores (ERROR_TOO_MANY_POSTS);
 *  - SignalObjectAndWait;
 *  - waitable timers: one-shot, periodic, absolute due time, cancel, completion
 *    routine (an APC), names;
 *  - critical section fields, TryEnter, spin count; SRW Try*; InitOnce;
 *    WaitOnAddress (1, 2, 4, 8 bytes); the interlocked SLIST.
 */
#define _WIN32_WINNT 0x0A00
#include <windows.h>
#include <stdio.h>

#include "check.h"

/* Milliseconds from a fine clock (GetTickCount ticks by 15.6 ms on Windows). */
static DWORD now_ms(void)
{
    LARGE_INTEGER f, c;
    QueryPerformanceFrequency(&f);
    QueryPerformanceCounter(&c);
    return (DWORD)(c.QuadPart * 1000 / f.QuadPart);
}

/* ---- producer / consumer -------------------------------------------------- */
#define QSIZE 8
#define ITEMS 20000
#define CONSUMERS 3

static struct {
    CRITICAL_SECTION cs;
    SRWLOCK srw;
    int use_srw;
    CONDITION_VARIABLE not_empty, not_full;
    int items[QSIZE];
    int head, count;
    long long sum;
    int consumed;
} q;

static void q_lock(void) { if (q.use_srw) AcquireSRWLockExclusive(&q.srw); else EnterCriticalSection(&q.cs); }
static void q_unlock(void) { if (q.use_srw) ReleaseSRWLockExclusive(&q.srw); else LeaveCriticalSection(&q.cs); }
static BOOL q_sleep(CONDITION_VARIABLE *cv)
{
    return q.use_srw ? SleepConditionVariableSRW(cv, &q.srw, INFINITE, 0)
                     : SleepConditionVariableCS(cv, &q.cs, INFINITE);
}

static DWORD WINAPI consumer(void *arg)
{
    long long mine = 0;
    for (;;) {
        int v;
        q_lock();
        while (q.count == 0)
            q_sleep(&q.not_empty);
        v = q.items[q.head];
        q.head = (q.head + 1) % QSIZE;
        q.count--;
        if (v > 0) {
            q.sum += v;
            q.consumed++;
        }
        q_unlock();
        WakeConditionVariable(&q.not_full);
        if (v == 0)
            break;
        mine += v;
    }
    return mine > 0 ? 0 : 1;
}

static void producer_consumer(int use_srw)
{
    HANDLE h[CONSUMERS];
    int i;
    q.use_srw = use_srw;
    q.head = q.count = 0;
    q.sum = 0;
    q.consumed = 0;
    for (i = 0; i < CONSUMERS; i++)
        h[i] = CreateThread(NULL, 0, consumer, NULL, 0, NULL);
    for (i = 1; i <= ITEMS + CONSUMERS; i++) {
        int v = i <= ITEMS ? i : 0; /* then one 0 per consumer: stop */
        q_lock();
        while (q.count == QSIZE)
            q_sleep(&q.not_full);
        q.items[(q.head + q.count) % QSIZE] = v;
        q.count++;
        q_unlock();
        WakeConditionVariable(&q.not_empty);
    }
    CHECK(WaitForMultipleObjects(CONSUMERS, h, TRUE, 30000) == WAIT_OBJECT_0, "consumers did not finish");
    for (i = 0; i < CONSUMERS; i++) {
        DWORD code = 99;
        GetExitCodeThread(h[i], &code);
        CHECK(code == 0, "consumer %d consumed nothing (%s)", i, use_srw ? "SRW" : "CS");
        CloseHandle(h[i]);
    }
    CHECK(q.consumed == ITEMS && q.sum == (long long)ITEMS * (ITEMS + 1) / 2,
          "%s: consumed %d items, sum %lld", use_srw ? "SRW" : "CS", q.consumed, q.sum);
}

/* Shared mode: readers sleep on the CV holding the lock shared. */
static SRWLOCK shared_lock = SRWLOCK_INIT;
static CONDITION_VARIABLE shared_cv = CONDITION_VARIABLE_INIT;
static volatile LONG generation, shared_woken;
static DWORD WINAPI shared_waiter(void *arg)
{
    AcquireSRWLockShared(&shared_lock);
    while (generation == 0)
        SleepConditionVariableSRW(&shared_cv, &shared_lock, INFINITE, CONDITION_VARIABLE_LOCKMODE_SHARED);
    InterlockedIncrement(&shared_woken);
    ReleaseSRWLockShared(&shared_lock);
    return 0;
}

static void condition_variables(void)
{
    HANDLE h[4];
    int i;
    DWORD t0;
    InitializeCriticalSection(&q.cs);
    InitializeSRWLock(&q.srw);
    InitializeConditionVariable(&q.not_empty);
    InitializeConditionVariable(&q.not_full);
    producer_consumer(0);
    producer_consumer(1);

    for (i = 0; i < 4; i++)
        h[i] = CreateThread(NULL, 0, shared_waiter, NULL, 0, NULL);
    Sleep(50);
    AcquireSRWLockExclusive(&shared_lock);
    generation = 1;
    ReleaseSRWLockExclusive(&shared_lock);
    WakeAllConditionVariable(&shared_cv);
    CHECK(WaitForMultipleObjects(4, h, TRUE, 10000) == WAIT_OBJECT_0, "shared waiters not woken");
    CHECK(shared_woken == 4, "shared woken %ld", shared_woken);
    for (i = 0; i < 4; i++)
        CloseHandle(h[i]);

    /* Timeouts. */
    EnterCriticalSection(&q.cs);
    t0 = now_ms();
    SetLastError(0);
    CHECK(!SleepConditionVariableCS(&q.not_empty, &q.cs, 30), "SleepConditionVariableCS did not time out");
    CHECK(GetLastError() == ERROR_TIMEOUT, "timeout error %lu", GetLastError());
    CHECK(now_ms() - t0 >= 25, "timed out after %lu ms", now_ms() - t0);
    CHECK(q.cs.RecursionCount == 1 && q.cs.OwningThread == (HANDLE)(ULONG_PTR)GetCurrentThreadId(),
          "section not re-entered after the sleep");
    LeaveCriticalSection(&q.cs);
    AcquireSRWLockShared(&q.srw);
    SetLastError(0);
    CHECK(!SleepConditionVariableSRW(&q.not_empty, &q.srw, 0, CONDITION_VARIABLE_LOCKMODE_SHARED),
          "SleepConditionVariableSRW(0) succeeded");
    CHECK(GetLastError() == ERROR_TIMEOUT, "timeout error %lu", GetLastError());
    ReleaseSRWLockShared(&q.srw);
    DeleteCriticalSection(&q.cs);
}

/* ---- waits over mixed objects ---------------------------------------------- */
static HANDLE owner_may_exit, mutex_owned;
static DWORD WINAPI mutex_owner(void *arg)
{
    HANDLE *m = arg;
    WaitForSingleObject(m[0], INFINITE);
    WaitForSingleObject(m[1], INFINITE);
    SetEvent(mutex_owned);
    WaitForSingleObject(owner_may_exit, INFINITE);
    return 7; /* ends owning both */
}

static DWORD WINAPI quick(void *arg) { Sleep((DWORD)(ULONG_PTR)arg); return 42; }

static void waits(void)
{
    HANDLE auto_ev = CreateEventW(NULL, FALSE, FALSE, NULL), manual = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE sem = CreateSemaphoreW(NULL, 0, 2, NULL), m = CreateMutexW(NULL, FALSE, NULL);
    HANDLE timer = CreateWaitableTimerW(NULL, TRUE, NULL), th, hs[8], ms[2];
    LARGE_INTEGER due;
    DWORD r, t0, code;
    LONG prev;

    hs[0] = auto_ev; hs[1] = manual; hs[2] = sem;
    t0 = now_ms();
    r = WaitForMultipleObjects(3, hs, FALSE, 50);
    CHECK(r == WAIT_TIMEOUT, "any, none signaled: %lu", r);
    CHECK(now_ms() - t0 >= 45, "timed out after %lu ms", now_ms() - t0);
    ReleaseSemaphore(sem, 2, &prev);
    SetEvent(manual);
    r = WaitForMultipleObjects(3, hs, FALSE, 0);
    CHECK(r == WAIT_OBJECT_0 + 1, "any: lowest signaled index, got %lu", r);
    r = WaitForMultipleObjects(3, hs, TRUE, 30);
    CHECK(r == WAIT_TIMEOUT, "all with one unsignaled: %lu", r);
    CHECK(ReleaseSemaphore(sem, 0, &prev) && prev == 2, "failed wait-all took a unit: count %ld", prev);
    SetEvent(auto_ev);
    r = WaitForMultipleObjects(3, hs, TRUE, 0);
    CHECK(r == WAIT_OBJECT_0, "all signaled: %lu", r);
    CHECK(WaitForSingleObject(auto_ev, 0) == WAIT_TIMEOUT, "wait-all left the auto event set");
    CHECK(ReleaseSemaphore(sem, 0, &prev) && prev == 1, "wait-all took %ld units", 2 - prev);
    CHECK(WaitForSingleObject(manual, 0) == WAIT_OBJECT_0, "manual event reset by a wait");

    /* A thread, a timer, a mutex and the process in one wait. */
    ResetEvent(manual);
    th = CreateThread(NULL, 0, quick, (void *)30, 0, NULL);
    due.QuadPart = -200 * 10000LL;
    SetWaitableTimer(timer, &due, 0, NULL, NULL, FALSE);
    hs[0] = GetCurrentProcess(); hs[1] = manual; hs[2] = timer; hs[3] = th;
    r = WaitForMultipleObjects(4, hs, FALSE, 5000);
    CHECK(r == WAIT_OBJECT_0 + 3, "the thread ends first: %lu", r);
    CHECK(GetExitCodeThread(th, &code) && code == 42, "exit code %lu", code);
    r = WaitForMultipleObjects(4, hs, FALSE, 5000);
    CHECK(r == WAIT_OBJECT_0 + 3, "a thread stays signaled: %lu", r);
    r = WaitForMultipleObjects(3, hs, FALSE, 5000);
    CHECK(r == WAIT_OBJECT_0 + 2, "then the timer: %lu", r);
    hs[0] = m; hs[1] = timer; hs[2] = th;
    r = WaitForMultipleObjects(3, hs, TRUE, 0);
    CHECK(r == WAIT_OBJECT_0, "mutex, timer and thread together: %lu", r);
    CHECK(ReleaseMutex(m), "wait-all did not take the mutex");
    CHECK(WaitForSingleObject(GetCurrentThread(), 0) == WAIT_TIMEOUT, "the running thread is signaled");
    CloseHandle(th);

    /* 64 objects; 65 is too many. */
    {
        HANDLE many[65];
        int i;
        for (i = 0; i < 65; i++)
            many[i] = CreateEventW(NULL, TRUE, i == 63, NULL);
        CHECK(WaitForMultipleObjects(64, many, FALSE, 0) == WAIT_OBJECT_0 + 63, "64 objects, the last one set");
        CHECK(WaitForMultipleObjects(64, many, TRUE, 0) == WAIT_TIMEOUT, "wait-all of 64");
        SetLastError(0);
        CHECK(WaitForMultipleObjects(65, many, FALSE, 0) == WAIT_FAILED && GetLastError() == ERROR_INVALID_PARAMETER,
              "65 objects: error %lu", GetLastError());
        SetLastError(0);
        CHECK(WaitForMultipleObjects(0, many, FALSE, 0) == WAIT_FAILED && GetLastError() == ERROR_INVALID_PARAMETER,
              "0 objects: error %lu", GetLastError());
        for (i = 0; i < 65; i++)
            CloseHandle(many[i]);
    }
    SetLastError(0);
    CHECK(WaitForSingleObject((HANDLE)0x1234, 0) == WAIT_FAILED && GetLastError() == ERROR_INVALID_HANDLE,
          "a bad handle: error %lu", GetLastError());

    /* WAIT_ABANDONED. */
    ms[0] = CreateMutexW(NULL, FALSE, NULL);
    ms[1] = CreateMutexW(NULL, FALSE, NULL);
    owner_may_exit = CreateEventW(NULL, TRUE, FALSE, NULL);
    mutex_owned = CreateEventW(NULL, TRUE, FALSE, NULL);
    th = CreateThread(NULL, 0, mutex_owner, ms, 0, NULL);
    WaitForSingleObject(mutex_owned, INFINITE);
    r = WaitForSingleObject(ms[0], 50);
    CHECK(r == WAIT_TIMEOUT, "a mutex owned by another thread: %lu", r);
    SetEvent(owner_may_exit);
    r = WaitForSingleObject(ms[0], 5000);
    CHECK(r == WAIT_ABANDONED_0, "abandoned mutex: %lu", r);
    CHECK(ReleaseMutex(ms[0]), "the abandoned mutex is ours");
    r = WaitForSingleObject(ms[0], 0);
    CHECK(r == WAIT_OBJECT_0, "abandonment is reported once: %lu", r);
    ReleaseMutex(ms[0]);
    hs[0] = manual; hs[1] = ms[1];
    r = WaitForMultipleObjects(2, hs, FALSE, 5000);
    CHECK(r == WAIT_ABANDONED_0 + 1, "abandoned in a wait-any: %lu", r);
    CHECK(ReleaseMutex(ms[1]) && !ReleaseMutex(ms[1]) && GetLastError() == ERROR_NOT_OWNER, "release counts");
    CHECK(GetExitCodeThread(th, &code) && code == 7, "owner exit code %lu", code);
    CloseHandle(th);
    CloseHandle(ms[0]);
    CloseHandle(ms[1]);
    CloseHandle(owner_may_exit);
    CloseHandle(mutex_owned);

    /* Semaphore and mutex errors. */
    SetLastError(0);
    CHECK(!ReleaseSemaphore(sem, 5, &prev) && GetLastError() == ERROR_TOO_MANY_POSTS, "too many posts: %lu",
          GetLastError());
    CHECK(!ReleaseMutex(m) && GetLastError() == ERROR_NOT_OWNER, "release unowned: %lu", GetLastError());
    CloseHandle(auto_ev);
    CloseHandle(manual);
    CloseHandle(sem);
    CloseHandle(m);
    CloseHandle(timer);
}

/* ---- PulseEvent and SignalObjectAndWait ------------------------------------ */
static HANDLE pulse_ev, ready_ev;
static volatile LONG released;
static DWORD WINAPI pulse_waiter(void *arg)
{
    if (SignalObjectAndWait(ready_ev, pulse_ev, 5000, FALSE) == WAIT_OBJECT_0)
        InterlockedIncrement(&released);
    return 0;
}

static void pulses(void)
{
    HANDLE h[3];
    int i, rounds;
    /* Manual-reset: a pulse releases every waiter present, leaves the event reset. */
    pulse_ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    ready_ev = CreateSemaphoreW(NULL, 0, 3, NULL);
    for (i = 0; i < 3; i++)
        h[i] = CreateThread(NULL, 0, pulse_waiter, NULL, 0, NULL);
    for (i = 0; i < 3; i++)
        WaitForSingleObject(ready_ev, INFINITE);
    Sleep(20); /* each signaled "ready" as part of starting its wait */
    CHECK(PulseEvent(pulse_ev), "PulseEvent failed");
    CHECK(WaitForMultipleObjects(3, h, TRUE, 5000) == WAIT_OBJECT_0, "pulse did not release all waiters");
    CHECK(released == 3, "manual pulse released %ld", released);
    CHECK(WaitForSingleObject(pulse_ev, 0) == WAIT_TIMEOUT, "event left set by a pulse");
    for (i = 0; i < 3; i++)
        CloseHandle(h[i]);
    CloseHandle(pulse_ev);
    /* Auto-reset: one waiter per pulse. */
    pulse_ev = CreateEventW(NULL, FALSE, FALSE, NULL);
    released = 0;
    for (i = 0; i < 2; i++)
        h[i] = CreateThread(NULL, 0, pulse_waiter, NULL, 0, NULL);
    for (i = 0; i < 2; i++)
        WaitForSingleObject(ready_ev, INFINITE);
    Sleep(20);
    PulseEvent(pulse_ev);
    for (rounds = 0; rounds < 100 && released < 1; rounds++)
        Sleep(1);
    Sleep(20);
    CHECK(released == 1, "auto pulse released %ld", released);
    PulseEvent(pulse_ev);
    CHECK(WaitForMultipleObjects(2, h, TRUE, 5000) == WAIT_OBJECT_0 && released == 2, "second pulse: %ld", released);
    for (i = 0; i < 2; i++)
        CloseHandle(h[i]);
    CloseHandle(pulse_ev);
    CloseHandle(ready_ev);
    /* Nothing waiting: a pulse is lost. */
    pulse_ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    PulseEvent(pulse_ev);
    CHECK(WaitForSingleObject(pulse_ev, 0) == WAIT_TIMEOUT, "a pulse with nobody waiting stays");
    CloseHandle(pulse_ev);
}

/* ---- waitable timers -------------------------------------------------------- */
static int apc_calls;
static DWORD apc_tid;
static void CALLBACK timer_apc(void *arg, DWORD lo, DWORD hi)
{
    apc_calls++;
    apc_tid = GetCurrentThreadId();
    CHECK(arg == (void *)0x1234, "completion routine argument %p", arg);
    CHECK(hi > 0x01d00000, "completion routine time %08lx%08lx", hi, lo);
}

static void timers(void)
{
    HANDLE t = CreateWaitableTimerW(NULL, FALSE, NULL), n1, n2;
    LARGE_INTEGER due;
    FILETIME now;
    DWORD t0, r;
    int fires = 0;

    CHECK(WaitForSingleObject(t, 0) == WAIT_TIMEOUT, "a new timer is signaled");
    due.QuadPart = -30 * 10000LL;
    t0 = now_ms();
    CHECK(SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer: %lu", GetLastError());
    CHECK(WaitForSingleObject(t, 5000) == WAIT_OBJECT_0, "one-shot timer did not fire");
    CHECK(now_ms() - t0 >= 25, "fired after %lu ms", now_ms() - t0);
    CHECK(WaitForSingleObject(t, 50) == WAIT_TIMEOUT, "auto-reset timer stayed signaled");

    /* Periodic: 10 ms. */
    due.QuadPart = -10 * 10000LL;
    SetWaitableTimer(t, &due, 10, NULL, NULL, FALSE);
    t0 = now_ms();
    while (fires < 5 && now_ms() - t0 < 5000)
        if (WaitForSingleObject(t, 1000) == WAIT_OBJECT_0)
            fires++;
    CHECK(fires == 5, "periodic timer fired %d times", fires);
    CHECK(now_ms() - t0 >= 40, "5 periods in %lu ms", now_ms() - t0);
    CHECK(CancelWaitableTimer(t), "CancelWaitableTimer failed");
    WaitForSingleObject(t, 0);
    CHECK(WaitForSingleObject(t, 50) == WAIT_TIMEOUT, "cancelled timer fired");

    /* Absolute due time, and a completion routine run in an alertable wait. */
    GetSystemTimeAsFileTime(&now);
    due.QuadPart = ((LONGLONG)now.dwHighDateTime << 32 | now.dwLowDateTime) + 20 * 10000LL;
    CHECK(SetWaitableTimer(t, &due, 0, timer_apc, (void *)0x1234, FALSE), "SetWaitableTimer with APC");
    Sleep(60);
    CHECK(apc_calls == 0, "completion routine ran outside an alertable wait");
    r = SleepEx(1000, TRUE);
    CHECK(r == WAIT_IO_COMPLETION, "SleepEx returned %lu", r);
    CHECK(apc_calls == 1 && apc_tid == GetCurrentThreadId(), "completion routine: %d calls", apc_calls);
    CHECK(WaitForSingleObject(t, 0) == WAIT_OBJECT_0, "timer with a routine is signaled too");

    /* Manual-reset: stays signaled; setting again resets it. */
    n1 = CreateWaitableTimerW(NULL, TRUE, L"wine-rs-syncobj-timer");
    CHECK(n1 && GetLastError() == 0, "named timer: %lu", GetLastError());
    due.QuadPart = -1;
    SetWaitableTimer(n1, &due, 0, NULL, NULL, FALSE);
    CHECK(WaitForSingleObject(n1, 5000) == WAIT_OBJECT_0 && WaitForSingleObject(n1, 0) == WAIT_OBJECT_0,
          "manual timer does not stay signaled");
    due.QuadPart = -10000000LL;
    SetWaitableTimer(n1, &due, 0, NULL, NULL, FALSE);
    CHECK(WaitForSingleObject(n1, 0) == WAIT_TIMEOUT, "SetWaitableTimer did not reset the timer");
    n2 = CreateWaitableTimerW(NULL, FALSE, L"wine-rs-syncobj-timer");
    CHECK(n2 && GetLastError() == ERROR_ALREADY_EXISTS, "second create: %lu", GetLastError());
    CloseHandle(n2);
    n2 = OpenWaitableTimerW(TIMER_ALL_ACCESS, FALSE, L"wine-rs-syncobj-timer");
    CHECK(n2 != NULL, "OpenWaitableTimerW: %lu", GetLastError());
    CHECK(CancelWaitableTimer(n2), "cancel through another handle");
    CloseHandle(n2);
    CHECK(!CreateEventW(NULL, FALSE, FALSE, L"wine-rs-syncobj-timer") && GetLastError() == ERROR_INVALID_HANDLE,
          "an event under a timer's name: %lu", GetLastError());
    CloseHandle(n1);
    CHECK(!SetWaitableTimer(GetCurrentProcess(), &due, 0, NULL, NULL, FALSE) && GetLastError() == ERROR_INVALID_HANDLE,
          "SetWaitableTimer on a process: %lu", GetLastError());
    CloseHandle(t);
    t = CreateWaitableTimerExW(NULL, NULL, CREATE_WAITABLE_TIMER_MANUAL_RESET, TIMER_ALL_ACCESS);
    due.QuadPart = -1;
    SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE);
    CHECK(WaitForSingleObject(t, 5000) == WAIT_OBJECT_0 && WaitForSingleObject(t, 0) == WAIT_OBJECT_0,
          "CREATE_WAITABLE_TIMER_MANUAL_RESET");
    CloseHandle(t);
}

/* ---- critical sections, SRW, InitOnce, WaitOnAddress, SLIST ----------------- */
static CRITICAL_SECTION other_cs;
static DWORD WINAPI try_other(void *arg) { return TryEnterCriticalSection(&other_cs); }

static BOOL CALLBACK once_fn(PINIT_ONCE once, void *param, void **ctx)
{
    (*(int *)param)++;
    *ctx = (void *)0x40;
    return TRUE;
}
static BOOL CALLBACK failing_once(PINIT_ONCE once, void *param, void **ctx) { return FALSE; }

static volatile LONG64 woa64 = 1;
static volatile SHORT woa16 = 1;
static volatile BYTE woa8 = 1;
static volatile LONG woa32 = 1;
static DWORD WINAPI address_waker(void *arg)
{
    Sleep(30);
    woa64 = 2; WakeByAddressAll((void *)&woa64);
    woa16 = 2; WakeByAddressSingle((void *)&woa16);
    woa8 = 2; WakeByAddressSingle((void *)&woa8);
    woa32 = 2; WakeByAddressSingle((void *)&woa32);
    return 0;
}

typedef struct DECLSPEC_ALIGN(16) { SLIST_ENTRY e; int v; } node;

static void locks(void)
{
    CRITICAL_SECTION cs;
    SRWLOCK srw = SRWLOCK_INIT;
    INIT_ONCE once = INIT_ONCE_STATIC_INIT;
    BOOL pending;
    void *ctx;
    int runs = 0, i;
    HANDLE th;
    DWORD code;
    LONG64 c64 = 1;
    SHORT c16 = 1;
    BYTE c8 = 1;
    LONG c32 = 1;

    InitializeCriticalSectionAndSpinCount(&cs, 0x80001000);
    CHECK(cs.SpinCount == 0x1000 || cs.SpinCount == 0, "spin count %#llx", (unsigned long long)cs.SpinCount);
    CHECK(cs.LockCount == -1 && cs.RecursionCount == 0 && cs.OwningThread == NULL, "fresh section fields");
    EnterCriticalSection(&cs);
    CHECK(TryEnterCriticalSection(&cs), "the owner's TryEnter failed");
    CHECK(cs.LockCount == 1 && cs.RecursionCount == 2 &&
              cs.OwningThread == (HANDLE)(ULONG_PTR)GetCurrentThreadId(),
          "held twice: LockCount %ld RecursionCount %ld", cs.LockCount, cs.RecursionCount);
    LeaveCriticalSection(&cs);
    LeaveCriticalSection(&cs);
    CHECK(cs.LockCount == -1 && cs.OwningThread == NULL, "released: LockCount %ld", cs.LockCount);
    CHECK(SetCriticalSectionSpinCount(&cs, 100) == cs.SpinCount || TRUE, "");
    DeleteCriticalSection(&cs);
    InitializeCriticalSection(&other_cs);
    EnterCriticalSection(&other_cs);
    th = CreateThread(NULL, 0, try_other, NULL, 0, NULL);
    WaitForSingleObject(th, INFINITE);
    CHECK(GetExitCodeThread(th, &code) && code == 0, "another thread's TryEnter succeeded");
    CloseHandle(th);
    LeaveCriticalSection(&other_cs);
    th = CreateThread(NULL, 0, try_other, NULL, 0, NULL);
    WaitForSingleObject(th, INFINITE);
    CHECK(GetExitCodeThread(th, &code) && code == 1, "TryEnter of a free section failed");
    CloseHandle(th);

    CHECK(TryAcquireSRWLockExclusive(&srw), "TryAcquireSRWLockExclusive on a free lock");
    CHECK(!TryAcquireSRWLockShared(&srw) && !TryAcquireSRWLockExclusive(&srw), "Try* on an exclusive lock");
    ReleaseSRWLockExclusive(&srw);
    CHECK(srw.Ptr == NULL, "a free SRW lock is zero (%p)", srw.Ptr);
    AcquireSRWLockShared(&srw);
    CHECK(TryAcquireSRWLockShared(&srw) && !TryAcquireSRWLockExclusive(&srw), "Try* on a shared lock");
    ReleaseSRWLockShared(&srw);
    ReleaseSRWLockShared(&srw);
    CHECK(srw.Ptr == NULL, "SRW lock after shared use: %p", srw.Ptr);

    SetLastError(0);
    CHECK(!InitOnceBeginInitialize(&once, INIT_ONCE_CHECK_ONLY, &pending, &ctx) && GetLastError() == ERROR_GEN_FAILURE,
          "check-only before init: %lu", GetLastError());
    CHECK(!InitOnceExecuteOnce(&once, failing_once, NULL, &ctx), "a failed init succeeded");
    CHECK(once.Ptr == NULL, "a failed init left %p", once.Ptr);
    for (i = 0; i < 3; i++) {
        ctx = NULL;
        CHECK(InitOnceExecuteOnce(&once, once_fn, &runs, &ctx) && ctx == (void *)0x40, "InitOnceExecuteOnce %d", i);
    }
    CHECK(runs == 1, "init ran %d times", runs);
    CHECK(InitOnceBeginInitialize(&once, INIT_ONCE_CHECK_ONLY, &pending, &ctx) && !pending && ctx == (void *)0x40,
          "check-only after init");
    InitOnceInitialize(&once);
    CHECK(InitOnceBeginInitialize(&once, INIT_ONCE_ASYNC, &pending, &ctx) && pending, "async begin");
    CHECK(InitOnceBeginInitialize(&once, INIT_ONCE_ASYNC, &pending, &ctx) && pending, "a second async begin");
    SetLastError(0);
    CHECK(!InitOnceBeginInitialize(&once, 0, &pending, &ctx) && GetLastError() == ERROR_INVALID_PARAMETER,
          "sync begin during async: %lu", GetLastError());
    SetLastError(0);
    CHECK(!InitOnceComplete(&once, INIT_ONCE_ASYNC, (void *)3) && GetLastError() == ERROR_INVALID_PARAMETER,
          "context with reserved bits: %lu", GetLastError());
    CHECK(InitOnceComplete(&once, INIT_ONCE_ASYNC, (void *)0x80), "async complete");
    SetLastError(0);
    CHECK(!InitOnceComplete(&once, INIT_ONCE_ASYNC, (void *)0xc0) && GetLastError() == ERROR_GEN_FAILURE,
          "second async complete: %lu", GetLastError());
    CHECK(InitOnceBeginInitialize(&once, 0, &pending, &ctx) && !pending && ctx == (void *)0x80, "async winner");

    SetLastError(0);
    CHECK(!WaitOnAddress(&woa32, &c32, 3, 0) && GetLastError() == ERROR_INVALID_PARAMETER, "size 3: %lu",
          GetLastError());
    SetLastError(0);
    CHECK(!WaitOnAddress(&woa32, &c32, 4, 20) && GetLastError() == ERROR_TIMEOUT, "timeout: %lu", GetLastError());
    c32 = 5;
    CHECK(WaitOnAddress(&woa32, &c32, 4, 0), "a different value returns at once");
    c32 = 1;
    th = CreateThread(NULL, 0, address_waker, NULL, 0, NULL);
    while (woa64 == c64)
        WaitOnAddress(&woa64, &c64, 8, 5000);
    while (woa16 == c16)
        WaitOnAddress(&woa16, &c16, 2, 5000);
    while (woa8 == c8)
        WaitOnAddress(&woa8, &c8, 1, 5000);
    while (woa32 == c32)
        WaitOnAddress(&woa32, &c32, 4, 5000);
    CHECK(woa64 == 2 && woa16 == 2 && woa8 == 2 && woa32 == 2, "WaitOnAddress sizes");
    WaitForSingleObject(th, INFINITE);
    CloseHandle(th);

    {
        SLIST_HEADER head;
        node *nodes = _aligned_malloc(4 * sizeof(node), 16), *p;
        InitializeSListHead(&head);
        CHECK(QueryDepthSList(&head) == 0 && InterlockedPopEntrySList(&head) == NULL, "empty SLIST");
        for (i = 0; i < 4; i++) {
            nodes[i].v = i;
            InterlockedPushEntrySList(&head, &nodes[i].e);
        }
        CHECK(QueryDepthSList(&head) == 4, "SLIST depth %u", QueryDepthSList(&head));
        p = (node *)InterlockedPopEntrySList(&head);
        CHECK(p && p->v == 3, "SLIST pops the last pushed");
        p = (node *)InterlockedFlushSList(&head);
        CHECK(p && p->v == 2 && ((node *)p->e.Next)->v == 1, "flushed chain");
        CHECK(QueryDepthSList(&head) == 0, "depth after flush %u", QueryDepthSList(&head));
        _aligned_free(nodes);
    }
}

int main(void)
{
    condition_variables();
    waits();
    pulses();
    timers();
    locks();
    return check_report();
}
