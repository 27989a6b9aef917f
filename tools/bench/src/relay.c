/* relay.c - what one call into a builtin DLL costs: 10^7 calls to trivial exports, through
 * a volatile function pointer (as an IAT call is: indirect, never inlined).
 *
 *   abs           msvcrt.abs (native: libc's abs)
 *   GetLastError  kernel32.GetLastError (Windows builds only)
 *   local         a trivial function of the program itself: the loop's own cost
 *
 * Each loop runs 5 times; the fastest is reported (interrupts and migrations only ever add
 * time). With wine-rs, abs and GetLastError run the code #[export] generates around the
 * body: the flight recorder and the relay check. docs/performance.md compares a wine-rs
 * built with and without them (cargo feature dllcore/no-relay-hook). */
#include <stdlib.h>
#include "bench.h"

#define N 10000000

__attribute__((noinline)) static int local(int v)
{
    __asm__ volatile("");
    return v < 0 ? -v : v;
}

static int (*volatile abs_ptr)(int) = abs;
static int (*volatile local_ptr)(int) = local;
#ifdef _WIN32
static DWORD (WINAPI *volatile gle_ptr)(void) = GetLastError;
#endif
volatile int sink;

#define TRIES 5
#define LOOP(name, expr)                                                                  \
    do {                                                                                  \
        double best = 1e30;                                                               \
        for (int t = 0; t < TRIES; t++) {                                                 \
            int acc = 0;                                                                  \
            double t0 = bench_now_ns();                                                   \
            for (int i = 0; i < N; i++)                                                   \
                acc += (expr);                                                            \
            double t1 = bench_now_ns();                                                   \
            sink = acc;                                                                   \
            if (t1 - t0 < best)                                                           \
                best = t1 - t0;                                                           \
        }                                                                                 \
        bench_report(name, best / N, "ns/call");                                          \
    } while (0)

int main(void)
{
    int (*a)(int) = abs_ptr;
    int (*l)(int) = local_ptr;
    /* warm up */
    for (int i = 0; i < 100000; i++)
        sink += a(i) + l(i);
    LOOP("local", l(i - N / 2));
    LOOP("abs", a(i - N / 2));
#ifdef _WIN32
    {
        DWORD (WINAPI *g)(void) = gle_ptr;
        LOOP("GetLastError", (int)g());
    }
#endif
    return 0;
}
