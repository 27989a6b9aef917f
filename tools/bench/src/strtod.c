/* strtod.c - the CRT's number parsers: strtod on 17-digit doubles (every digit counts) and on
 * short decimals ("-123.456"), and atoi.
 *
 * The strings are made once with sprintf from a fixed pseudo-random sequence (not rand(),
 * whose sequence differs between the CRTs); only the parsing is timed. The parsed values are
 * checked against the values they were printed from.
 *
 * mingw-w64's <stdlib.h> sends strtod to its own parser (libmingwex's __strtod) when the
 * program links msvcrt.dll; the #undef below calls msvcrt's, the CRT's own, as the UCRT
 * build does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"

#if defined(_WIN32) && !defined(_UCRT)
#undef strtod
#endif

#define N 4096
#define ROUNDS_LONG 100
#define ROUNDS_SHORT 300

static char longs[N][32], shorts[N][24], ints[N][16];
static double want_long[N];
volatile double sink;

static unsigned long long state = 0x9E3779B97F4A7C15ull;
static unsigned long long next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

int main(void)
{
    double t0, t1, acc = 0;
    long iacc = 0;
    for (int i = 0; i < N; i++) {
        unsigned long long r = next();
        double d;
        /* a finite double with a spread of exponents: 1e-30 .. 1e30 */
        d = (double)(r >> 11) / 9007199254740992.0 * 10.0;
        int e = (int)(next() % 61) - 30;
        while (e > 0) { d *= 10; e--; }
        while (e < 0) { d /= 10; e++; }
        if (r & 1) d = -d;
        sprintf(longs[i], "%.17g", d);
        want_long[i] = d;
        sprintf(shorts[i], "%s%u.%03u", (r & 2) ? "-" : "", (unsigned)(next() % 1000), (unsigned)(next() % 1000));
        sprintf(ints[i], "%d", (int)(next() % 2000000) - 1000000);
    }
    for (int i = 0; i < N; i++)
        if (strtod(longs[i], NULL) != want_long[i]) {
            fprintf(stderr, "strtod(%s) is not exact\n", longs[i]);
            return 1;
        }

    t0 = bench_now_ns();
    for (int r = 0; r < ROUNDS_LONG; r++)
        for (int i = 0; i < N; i++)
            acc += strtod(longs[i], NULL);
    t1 = bench_now_ns();
    bench_report("strtod-17-digits", (t1 - t0) / ((double)ROUNDS_LONG * N), "ns/call");

    t0 = bench_now_ns();
    for (int r = 0; r < ROUNDS_SHORT; r++)
        for (int i = 0; i < N; i++)
            acc += strtod(shorts[i], NULL);
    t1 = bench_now_ns();
    bench_report("strtod-short", (t1 - t0) / ((double)ROUNDS_SHORT * N), "ns/call");

    t0 = bench_now_ns();
    for (int r = 0; r < ROUNDS_SHORT; r++)
        for (int i = 0; i < N; i++)
            iacc += atoi(ints[i]);
    t1 = bench_now_ns();
    bench_report("atoi", (t1 - t0) / ((double)ROUNDS_SHORT * N), "ns/call");
    sink = acc + (double)iacc;
    return 0;
}
