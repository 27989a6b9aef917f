/* locks.c - user-mode locks, uncontended and contended: a critical section and an SRW lock
 * against the pthread lock of the same kind.
 *
 *   critical section:  EnterCriticalSection/LeaveCriticalSection  |  pthread_mutex_lock/unlock
 *   SRW exclusive:     Acquire/ReleaseSRWLockExclusive           |  pthread_rwlock_wrlock/unlock
 *   SRW shared:        Acquire/ReleaseSRWLockShared              |  pthread_rwlock_rdlock/unlock
 *
 * Uncontended: 10^7 lock/unlock pairs on one thread (ns per pair). Contended: 4 threads each
 * add 1 to a shared counter 10^6 times under the lock (ns per increment, wall clock over all
 * of them; the counter is checked). */
#include "bench.h"

#define N_UNCONTENDED 10000000
#define THREADS 4
#define N_CONTENDED 1000000

#ifdef _WIN32
static CRITICAL_SECTION cs;
static SRWLOCK srw = SRWLOCK_INIT;
#define CS_INIT() InitializeCriticalSection(&cs)
#define CS_LOCK() EnterCriticalSection(&cs)
#define CS_UNLOCK() LeaveCriticalSection(&cs)
#define WR_LOCK() AcquireSRWLockExclusive(&srw)
#define WR_UNLOCK() ReleaseSRWLockExclusive(&srw)
#define RD_LOCK() AcquireSRWLockShared(&srw)
#define RD_UNLOCK() ReleaseSRWLockShared(&srw)
typedef HANDLE thread_t;
#define THREAD_FN(name) static DWORD WINAPI name(void *arg)
static thread_t start(DWORD (WINAPI *f)(void *)) { return CreateThread(NULL, 0, f, NULL, 0, NULL); }
static void join(thread_t t) { WaitForSingleObject(t, INFINITE); CloseHandle(t); }
#else
#include <pthread.h>
static pthread_mutex_t cs;
static pthread_rwlock_t srw = PTHREAD_RWLOCK_INITIALIZER;
#define CS_INIT() pthread_mutex_init(&cs, NULL)
#define CS_LOCK() pthread_mutex_lock(&cs)
#define CS_UNLOCK() pthread_mutex_unlock(&cs)
#define WR_LOCK() pthread_rwlock_wrlock(&srw)
#define WR_UNLOCK() pthread_rwlock_unlock(&srw)
#define RD_LOCK() pthread_rwlock_rdlock(&srw)
#define RD_UNLOCK() pthread_rwlock_unlock(&srw)
typedef pthread_t thread_t;
#define THREAD_FN(name) static void *name(void *arg)
static thread_t start(void *(*f)(void *)) { pthread_t t; pthread_create(&t, NULL, f, NULL); return t; }
static void join(thread_t t) { pthread_join(t, NULL); }
#endif

static volatile long long counter;
static volatile int go;

THREAD_FN(cs_worker)
{
    int i;
    while (!go)
        ;
    for (i = 0; i < N_CONTENDED; i++) {
        CS_LOCK();
        counter = counter + 1;
        CS_UNLOCK();
    }
    return 0;
}

THREAD_FN(srw_worker)
{
    int i;
    while (!go)
        ;
    for (i = 0; i < N_CONTENDED; i++) {
        WR_LOCK();
        counter = counter + 1;
        WR_UNLOCK();
    }
    return 0;
}

static int contended(const char *metric, int srw_lock)
{
    thread_t t[THREADS];
    double t0, t1;
    int i;
    counter = 0;
    go = 0;
    for (i = 0; i < THREADS; i++)
        t[i] = srw_lock ? start(srw_worker) : start(cs_worker);
    t0 = bench_now_ns();
    go = 1;
    for (i = 0; i < THREADS; i++)
        join(t[i]);
    t1 = bench_now_ns();
    if (counter != (long long)THREADS * N_CONTENDED) {
        fprintf(stderr, "locks: %s counted %lld\n", metric, counter);
        return 1;
    }
    bench_report(metric, (t1 - t0) / ((double)THREADS * N_CONTENDED), "ns/increment");
    return 0;
}

int main(void)
{
    double t0, t1;
    int i;
    CS_INIT();

    for (i = 0; i < 100000; i++) {
        CS_LOCK();
        CS_UNLOCK();
    }
    t0 = bench_now_ns();
    for (i = 0; i < N_UNCONTENDED; i++) {
        CS_LOCK();
        CS_UNLOCK();
    }
    t1 = bench_now_ns();
    bench_report("cs", (t1 - t0) / N_UNCONTENDED, "ns/pair");

    t0 = bench_now_ns();
    for (i = 0; i < N_UNCONTENDED; i++) {
        WR_LOCK();
        WR_UNLOCK();
    }
    t1 = bench_now_ns();
    bench_report("srw-exclusive", (t1 - t0) / N_UNCONTENDED, "ns/pair");

    t0 = bench_now_ns();
    for (i = 0; i < N_UNCONTENDED; i++) {
        RD_LOCK();
        RD_UNLOCK();
    }
    t1 = bench_now_ns();
    bench_report("srw-shared", (t1 - t0) / N_UNCONTENDED, "ns/pair");

    if (contended("cs-4-threads", 0) || contended("srw-exclusive-4-threads", 1))
        return 1;
    return 0;
}
