/* qsort.c - qsort with the program's comparator: 10^6 random ints, 2*10^5 strings (pointers
 * compared with strcmp), and 10^5 48-byte records; each sort is checked.
 *
 * Every comparison is a call from the CRT into the program, so this measures the sort's
 * comparison count and the cost of calling back into PE code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"

#define N_INT 1000000
#define N_STR 200000
#define N_REC 100000

struct rec { int key; char pad[44]; };

static unsigned long long state = 0x2545F4914F6CDD1Dull;
static unsigned next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return (unsigned)(state >> 16);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}
static int cmp_rec(const void *a, const void *b)
{
    int x = ((const struct rec *)a)->key, y = ((const struct rec *)b)->key;
    return (x > y) - (x < y);
}

int main(void)
{
    static int ints[N_INT];
    static char *strs[N_STR];
    static struct rec recs[N_REC];
    static char pool[N_STR * 12];
    double t0, t1;

    for (int i = 0; i < N_INT; i++)
        ints[i] = (int)next();
    for (int i = 0; i < N_STR; i++) {
        strs[i] = pool + i * 12;
        sprintf(strs[i], "k%08x", next());
    }
    for (int i = 0; i < N_REC; i++) {
        recs[i].key = (int)(next() % 50000);
        memset(recs[i].pad, i, sizeof recs[i].pad);
    }

    t0 = bench_now_ns();
    qsort(ints, N_INT, sizeof ints[0], cmp_int);
    t1 = bench_now_ns();
    for (int i = 1; i < N_INT; i++)
        if (ints[i - 1] > ints[i])
            return 1;
    bench_report("ints", (t1 - t0) / 1e6, "ms");

    t0 = bench_now_ns();
    qsort(strs, N_STR, sizeof strs[0], cmp_str);
    t1 = bench_now_ns();
    for (int i = 1; i < N_STR; i++)
        if (strcmp(strs[i - 1], strs[i]) > 0)
            return 2;
    bench_report("strings", (t1 - t0) / 1e6, "ms");

    t0 = bench_now_ns();
    qsort(recs, N_REC, sizeof recs[0], cmp_rec);
    t1 = bench_now_ns();
    for (int i = 1; i < N_REC; i++)
        if (recs[i - 1].key > recs[i].key)
            return 3;
    bench_report("records", (t1 - t0) / 1e6, "ms");
    return 0;
}
