/* stdio.c - buffered FILE streams: fwrite and fread of 64 MiB in 16-byte records and in
 * 64 KiB blocks, fputc/fgetc of 16 MiB, and fprintf/fgets of 10^6 lines, on a file in
 * binary mode (the runner's build directory; deleted at the end).
 *
 * The file was just written, so it is in the page cache: this measures the CRT's buffering
 * and the path below it (FILE, low-level I/O, file handles), not the disk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"

#define NAME "bench-stdio.tmp"
#define SIZE (64u << 20)
#define REC 16
#define BLOCK (64u << 10)
#define NCHAR (16u << 20)
#define NLINE 1000000

static char block[BLOCK];

static FILE *open_or_die(const char *mode)
{
    FILE *f = fopen(NAME, mode);
    if (!f) {
        perror(NAME);
        exit(2);
    }
    return f;
}

int main(void)
{
    char rec[REC], line[64];
    double t0, t1;
    unsigned long long sum = 0;
    FILE *f;

    memset(rec, 'r', REC);
    memset(block, 'b', BLOCK);

    t0 = bench_now_ns();
    f = open_or_die("wb");
    for (unsigned i = 0; i < SIZE / REC; i++)
        if (fwrite(rec, REC, 1, f) != 1)
            return 3;
    fclose(f);
    t1 = bench_now_ns();
    bench_report("fwrite-16B", (t1 - t0) / (SIZE / REC), "ns/call");

    t0 = bench_now_ns();
    f = open_or_die("rb");
    for (unsigned i = 0; i < SIZE / REC; i++) {
        if (fread(rec, REC, 1, f) != 1)
            return 4;
        sum += (unsigned char)rec[i & (REC - 1)];
    }
    fclose(f);
    t1 = bench_now_ns();
    bench_report("fread-16B", (t1 - t0) / (SIZE / REC), "ns/call");

    t0 = bench_now_ns();
    f = open_or_die("wb");
    for (unsigned i = 0; i < SIZE / BLOCK; i++)
        if (fwrite(block, 1, BLOCK, f) != BLOCK)
            return 5;
    fclose(f);
    t1 = bench_now_ns();
    bench_report("fwrite-64KiB", (t1 - t0) / 1e6, "ms/64MiB");

    t0 = bench_now_ns();
    f = open_or_die("rb");
    for (unsigned i = 0; i < SIZE / BLOCK; i++) {
        if (fread(block, 1, BLOCK, f) != BLOCK)
            return 6;
        sum += (unsigned char)block[i];
    }
    fclose(f);
    t1 = bench_now_ns();
    bench_report("fread-64KiB", (t1 - t0) / 1e6, "ms/64MiB");

    t0 = bench_now_ns();
    f = open_or_die("wb");
    for (unsigned i = 0; i < NCHAR; i++)
        if (fputc('a' + (int)(i % 26), f) == EOF)
            return 7;
    fclose(f);
    f = open_or_die("rb");
    for (unsigned i = 0; i < NCHAR; i++) {
        int c = fgetc(f);
        if (c == EOF)
            return 8;
        sum += (unsigned)c;
    }
    fclose(f);
    t1 = bench_now_ns();
    bench_report("fputc+fgetc", (t1 - t0) / NCHAR, "ns/char");

    t0 = bench_now_ns();
    f = open_or_die("wb");
    for (int i = 0; i < NLINE; i++)
        fprintf(f, "line %d: %s\n", i, "some text");
    fclose(f);
    f = open_or_die("rb");
    for (int i = 0; i < NLINE; i++) {
        if (!fgets(line, sizeof line, f))
            return 9;
        sum += (unsigned char)line[5];
    }
    fclose(f);
    t1 = bench_now_ns();
    bench_report("fprintf+fgets", (t1 - t0) / NLINE, "ns/line");

    remove(NAME);
    return sum == 0;
}
