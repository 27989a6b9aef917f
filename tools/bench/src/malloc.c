/* malloc.c - the CRT heap: malloc/free of one small block in a loop, a churn of 4096 live
 * blocks of random sizes (16 B to 4 KiB) replaced in random order, and realloc growth.
 *
 *   pair     malloc(64) then free, 10^7 times (ns per pair)
 *   churn    free a random live block and malloc one of a random size, 10^7 times (ns each)
 *   realloc  grow 1000 blocks by 16 bytes up to 4 KiB each (ns per realloc) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"

#define N_PAIR 10000000
#define LIVE 4096
#define N_CHURN 10000000
#define N_GROW 1000

static unsigned long long state = 0x853C49E6748FEA9Bull;
static unsigned next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return (unsigned)(state >> 16);
}

volatile size_t sink;

int main(void)
{
    static void *live[LIVE];
    static void *grow[N_GROW];
    double t0, t1;
    size_t acc = 0;

    t0 = bench_now_ns();
    for (int i = 0; i < N_PAIR; i++) {
        char *p = malloc(64);
        p[0] = (char)i;
        acc += (size_t)p[0];
        free(p);
    }
    t1 = bench_now_ns();
    bench_report("pair", (t1 - t0) / N_PAIR, "ns/pair");

    for (int i = 0; i < LIVE; i++)
        live[i] = malloc(16 + next() % 4081);
    t0 = bench_now_ns();
    for (int i = 0; i < N_CHURN; i++) {
        unsigned r = next();
        unsigned k = r % LIVE;
        free(live[k]);
        live[k] = malloc(16 + (r >> 12) % 4081);
        if (!live[k])
            return 1;
        *(char *)live[k] = 1;
    }
    t1 = bench_now_ns();
    bench_report("churn", (t1 - t0) / N_CHURN, "ns/op");
    for (int i = 0; i < LIVE; i++)
        free(live[i]);

    t0 = bench_now_ns();
    for (int i = 0; i < N_GROW; i++)
        grow[i] = NULL;
    for (size_t size = 16; size <= 4096; size += 16)
        for (int i = 0; i < N_GROW; i++) {
            grow[i] = realloc(grow[i], size);
            if (!grow[i])
                return 2;
            ((char *)grow[i])[size - 1] = 1;
        }
    t1 = bench_now_ns();
    bench_report("realloc", (t1 - t0) / (N_GROW * 256.0), "ns/call");
    for (int i = 0; i < N_GROW; i++)
        acc += ((char *)grow[i])[4095], free(grow[i]);
    sink = acc;
    return 0;
}
