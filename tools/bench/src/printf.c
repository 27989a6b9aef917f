/* printf.c - the CRT's formatter: sprintf into a buffer, and printf to stdout (which the
 * runner sends to a file, so it measures formatting and the CRT's buffering). */
#include <stdio.h>
#include "bench.h"

#define N_SPRINTF 1000000
#define N_PRINTF 1000000

volatile int sink;

int main(void)
{
    char buf[128];
    double t0, t1;
    int acc = 0;

    t0 = bench_now_ns();
    for (int i = 0; i < N_SPRINTF; i++)
        acc += sprintf(buf, "%d %s %.3f %x", i, "str", i * 0.5, i);
    t1 = bench_now_ns();
    sink = acc;
    bench_report("sprintf", (t1 - t0) / N_SPRINTF, "ns/call");

    t0 = bench_now_ns();
    for (int i = 0; i < N_PRINTF; i++)
        printf("line %d of %s: %5.2f\n", i, "printf", i / 3.0);
    fflush(stdout);
    t1 = bench_now_ns();
    bench_report("printf", (t1 - t0) / N_PRINTF, "ns/call");
    return 0;
}
