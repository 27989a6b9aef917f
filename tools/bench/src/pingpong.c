/* pingpong.c - waking another thread: two threads hand a turn back and forth 10^5 times
 * through two auto-reset events (ns per round trip: two wake-ups and two waits).
 *
 *   Windows (wine-rs, Wine): SetEvent + WaitForSingleObject on auto-reset events
 *   native:                  sem_post + sem_wait on POSIX semaphores
 *
 * This is the cost of a kernel object wait and wake: under Wine each is a round trip to
 * wineserver; under wine-rs a futex. */
#include "bench.h"

#define N 100000

#ifdef _WIN32
static HANDLE ping, pong;
#define POST(e) SetEvent(e)
#define WAIT(e) WaitForSingleObject(e, INFINITE)
static DWORD WINAPI partner(void *arg)
#else
#include <pthread.h>
#include <semaphore.h>
static sem_t ping_s, pong_s;
#define ping (&ping_s)
#define pong (&pong_s)
#define POST(e) sem_post(e)
#define WAIT(e) sem_wait(e)
static void *partner(void *arg)
#endif
{
    int i;
    for (i = 0; i < N + 1000; i++) {
        WAIT(ping);
        POST(pong);
    }
    return 0;
}

int main(void)
{
    double t0 = 0, t1;
    int i;
#ifdef _WIN32
    HANDLE t;
    ping = CreateEventW(NULL, FALSE, FALSE, NULL);
    pong = CreateEventW(NULL, FALSE, FALSE, NULL);
    t = CreateThread(NULL, 0, partner, NULL, 0, NULL);
#else
    pthread_t t;
    sem_init(ping, 0, 0);
    sem_init(pong, 0, 0);
    pthread_create(&t, NULL, partner, NULL);
#endif
    for (i = 0; i < N + 1000; i++) {
        if (i == 1000)
            t0 = bench_now_ns();
        POST(ping);
        WAIT(pong);
    }
    t1 = bench_now_ns();
#ifdef _WIN32
    WaitForSingleObject(t, INFINITE);
#else
    pthread_join(t, NULL);
#endif
    bench_report("round-trip", (t1 - t0) / N, "ns/round-trip");
    return 0;
}
