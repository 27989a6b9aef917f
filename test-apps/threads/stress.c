/* threads/stress.c - contended counters with exact results.
 *
 * 8 threads each add 1 to a shared (plain, non-atomic) counter N times, under
 *   - a CRITICAL_SECTION (EnterCriticalSection/LeaveCriticalSection),
 *   - an SRWLOCK held exclusively,
 *   - a kernel mutex (WaitForSingleObject/ReleaseMutex),
 *   - no lock, with InterlockedIncrement (the kernel32 export, called through
 *     a pointer from GetProcAddress when it has one, else the intrinsic);
 * and an SRW lock shared by readers that check an invariant the writers keep.
 * Every total must be exact. N is 10^6 for every lock, the kernel mutex
 * included (8 x 10^6 WaitForSingleObject/ReleaseMutex pairs: under a second
 * under wine-rs, where a mutex is an in-process object). Under Wine every
 * mutex operation is a round trip to wineserver (25 us each here: 8 x 10^6 of
 * them would take over three minutes), so when the program finds itself under
 * Wine (ntdll exports wine_get_version) the mutex runs N_MUTEX (2 x 10^4)
 * increments per thread unless "stress.exe full" is asked for; the checks are
 * the same. "stress.exe quick" asks for N_MUTEX anywhere.
 * All threads start together (a manual-reset event) so that they contend.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#define THREADS 8
#define N 1000000
#define N_MUTEX 20000
static int n_mutex = N;

static HANDLE go;
static CRITICAL_SECTION cs;
static SRWLOCK srw = SRWLOCK_INIT;
static HANDLE mutex;
static volatile LONG interlocked_counter;
static volatile long long counter;
static LONG (WINAPI *p_InterlockedIncrement)(LONG volatile *);

enum mode { M_CS, M_SRW, M_MUTEX, M_INTERLOCKED };
static const char *const names[] = { "critical section", "SRW lock", "mutex", "InterlockedIncrement" };

static DWORD WINAPI worker(void *arg)
{
    enum mode m = (enum mode)(INT_PTR)arg;
    int i, n = m == M_MUTEX ? n_mutex : N;
    DWORD r;
    WaitForSingleObject(go, INFINITE);
    for (i = 0; i < n; i++) {
        switch (m) {
        case M_CS:
            EnterCriticalSection(&cs);
            counter = counter + 1;
            LeaveCriticalSection(&cs);
            break;
        case M_SRW:
            AcquireSRWLockExclusive(&srw);
            counter = counter + 1;
            ReleaseSRWLockExclusive(&srw);
            break;
        case M_MUTEX:
            r = WaitForSingleObject(mutex, INFINITE);
            if (r != WAIT_OBJECT_0)
                return 100 + r;
            counter = counter + 1;
            if (!ReleaseMutex(mutex))
                return 2;
            break;
        case M_INTERLOCKED:
            if (p_InterlockedIncrement)
                p_InterlockedIncrement(&interlocked_counter);
            else
                InterlockedIncrement(&interlocked_counter);
            break;
        }
    }
    return 0;
}

/* Run THREADS workers in mode m; returns the elapsed milliseconds. */
static DWORD run(enum mode m)
{
    HANDLE h[THREADS];
    DWORD i, code, t0;
    counter = 0;
    interlocked_counter = 0;
    ResetEvent(go);
    for (i = 0; i < THREADS; i++) {
        h[i] = CreateThread(NULL, 0, worker, (void *)(INT_PTR)m, 0, NULL);
        CHECK(h[i] != NULL, "%s: CreateThread %lu failed (%lu)", names[m], i, GetLastError());
    }
    t0 = GetTickCount();
    SetEvent(go);
    CHECK(WaitForMultipleObjects(THREADS, h, TRUE, 60000) == WAIT_OBJECT_0, "%s: threads did not end", names[m]);
    for (i = 0; i < THREADS; i++) {
        CHECK(GetExitCodeThread(h[i], &code) && code == 0, "%s: thread %lu exit code %lu", names[m], i, code);
        CloseHandle(h[i]);
    }
    return GetTickCount() - t0;
}

/* Readers hold the lock shared and check a == b; writers change both. */
static volatile LONG shared_a, shared_b, readers_in, reader_errors, max_readers;
static DWORD WINAPI rw_worker(void *arg)
{
    int writer = (int)(INT_PTR)arg, i;
    WaitForSingleObject(go, INFINITE);
    for (i = 0; i < 100000; i++) {
        if (writer && i % 4 == 0) {
            AcquireSRWLockExclusive(&srw);
            if (readers_in != 0)
                InterlockedIncrement(&reader_errors);
            shared_a++;
            shared_b++;
            ReleaseSRWLockExclusive(&srw);
        } else {
            LONG in;
            AcquireSRWLockShared(&srw);
            in = InterlockedIncrement(&readers_in);
            if (in > max_readers)
                max_readers = in;
            if (shared_a != shared_b)
                InterlockedIncrement(&reader_errors);
            InterlockedDecrement(&readers_in);
            ReleaseSRWLockShared(&srw);
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    HMODULE k32 = GetModuleHandleA("kernel32.dll");
    DWORD ms, i;
    HANDLE h[THREADS];

    if (GetProcAddress(GetModuleHandleA("ntdll.dll"), "wine_get_version"))
        n_mutex = N_MUTEX;
    if (argc > 1 && !strcmp(argv[1], "full"))
        n_mutex = N;
    if (argc > 1 && !strcmp(argv[1], "quick"))
        n_mutex = N_MUTEX;
    go = CreateEventW(NULL, TRUE, FALSE, NULL);
    InitializeCriticalSectionAndSpinCount(&cs, 4000);
    mutex = CreateMutexW(NULL, FALSE, NULL);
    /* x64 Windows kernel32 has no InterlockedIncrement export; wine-rs's has. */
    p_InterlockedIncrement = (void *)GetProcAddress(k32, "InterlockedIncrement");

    ms = run(M_CS);
    CHECK(counter == (long long)THREADS * N, "critical section: counter %lld, expected %d", counter, THREADS * N);
    CHECK(cs.LockCount == -1 && cs.RecursionCount == 0 && cs.OwningThread == NULL,
          "critical section left as LockCount %ld RecursionCount %ld OwningThread %p", cs.LockCount,
          cs.RecursionCount, cs.OwningThread);
    printf("critical section: %d x %d in %lu ms\n", THREADS, N, ms);

    ms = run(M_SRW);
    CHECK(counter == (long long)THREADS * N, "SRW lock: counter %lld, expected %d", counter, THREADS * N);
    CHECK(srw.Ptr == NULL, "SRW lock left as %p", srw.Ptr);
    printf("SRW lock: %d x %d in %lu ms\n", THREADS, N, ms);

    ms = run(M_MUTEX);
    CHECK(counter == (long long)THREADS * n_mutex, "mutex: counter %lld, expected %d", counter, THREADS * n_mutex);
    CHECK(WaitForSingleObject(mutex, 0) == WAIT_OBJECT_0 && ReleaseMutex(mutex), "mutex left owned");
    printf("mutex: %d x %d in %lu ms\n", THREADS, n_mutex, ms);

    ms = run(M_INTERLOCKED);
    CHECK(interlocked_counter == THREADS * N, "InterlockedIncrement: counter %ld, expected %d",
          interlocked_counter, THREADS * N);
    printf("InterlockedIncrement%s: %d x %d in %lu ms\n", p_InterlockedIncrement ? " (export)" : "", THREADS, N,
           ms);

    /* Shared holders: 6 readers, 2 writers. */
    ResetEvent(go);
    for (i = 0; i < THREADS; i++)
        h[i] = CreateThread(NULL, 0, rw_worker, (void *)(INT_PTR)(i < 2), 0, NULL);
    SetEvent(go);
    CHECK(WaitForMultipleObjects(THREADS, h, TRUE, 60000) == WAIT_OBJECT_0, "readers/writers did not end");
    for (i = 0; i < THREADS; i++)
        CloseHandle(h[i]);
    CHECK(reader_errors == 0, "%ld readers saw a writer, or a writer saw readers", reader_errors);
    CHECK(shared_a == 2 * 25000 && shared_b == shared_a, "writes: %ld %ld", shared_a, shared_b);
    CHECK(srw.Ptr == NULL, "SRW lock left as %p", srw.Ptr);

    DeleteCriticalSection(&cs);
    CloseHandle(mutex);
    CloseHandle(go);
    return check_report();
}
