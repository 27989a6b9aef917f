/* bench.h - shared by the benchmarks of tools/bench: a monotonic clock and the result line.
 *
 * A benchmark reports each measurement on stderr as one line
 *     BENCH <metric> <value> <unit>
 * which the runner (tools/bench/src/main.rs) collects; stdout goes to a file. A
 * benchmark that reports nothing is measured by the runner's wall clock (start-up). */
#ifndef BENCH_H
#define BENCH_H
#include <stdio.h>

#ifdef _WIN32
#include <windows.h>
static double bench_now_ns(void)
{
    static LARGE_INTEGER freq;
    LARGE_INTEGER t;
    if (!freq.QuadPart)
        QueryPerformanceFrequency(&freq);
    QueryPerformanceCounter(&t);
    return (double)t.QuadPart * 1e9 / (double)freq.QuadPart;
}
#else
#include <time.h>
static double bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}
#endif

static void bench_report(const char *metric, double value, const char *unit)
{
    fprintf(stderr, "BENCH %s %.4f %s\n", metric, value, unit);
    fflush(stderr);
}

#endif
