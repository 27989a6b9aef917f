/* threadspawn.c - starting and joining threads: 10^4 times, create a thread that returns at
 * once and wait for it to end.
 *
 *   Windows (wine-rs, Wine): CreateThread + WaitForSingleObject + CloseHandle
 *   native:                  pthread_create + pthread_join
 *
 * Under wine-rs each thread also gets a TEB, DLL_THREAD_ATTACH/DETACH (and the CRT's TLS
 * callbacks) and a kernel object, as under Windows. */
#include "bench.h"

#define N 10000

#ifdef _WIN32
static DWORD WINAPI body(void *arg) { return (DWORD)(ULONG_PTR)arg; }

static int spawn_and_join(int i)
{
    HANDLE h = CreateThread(NULL, 0, body, (void *)(ULONG_PTR)i, 0, NULL);
    DWORD code = 0;
    if (!h)
        return -1;
    WaitForSingleObject(h, INFINITE);
    GetExitCodeThread(h, &code);
    CloseHandle(h);
    return (int)code;
}
#else
#include <pthread.h>
#include <stdint.h>

static void *body(void *arg) { return arg; }

static int spawn_and_join(int i)
{
    pthread_t t;
    void *r = NULL;
    if (pthread_create(&t, NULL, body, (void *)(intptr_t)i))
        return -1;
    pthread_join(t, &r);
    return (int)(intptr_t)r;
}
#endif

int main(void)
{
    double t0, t1;
    int i, bad = 0;
    for (i = 0; i < 100; i++)
        bad += spawn_and_join(i) != i;
    t0 = bench_now_ns();
    for (i = 0; i < N; i++)
        bad += spawn_and_join(i) != i;
    t1 = bench_now_ns();
    if (bad) {
        fprintf(stderr, "threadspawn: %d threads failed\n", bad);
        return 1;
    }
    bench_report("create+join", (t1 - t0) / N / 1000.0, "us/thread");
    return 0;
}
