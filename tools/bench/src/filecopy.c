/* filecopy.c - copying a 256 MiB file in 64 KiB chunks: ReadFile/WriteFile (read(2)/write(2) natively).
 *
 *   copy   the copy, from opening the source to closing the target (the source was just
 *          written, so it is in the page cache: this measures the I/O path, not the disk)
 *
 * The files live in the current directory (the runner's build directory) and are deleted. */
#include <stdlib.h>
#include <string.h>
#include "bench.h"

#define SIZE (256u << 20)
#define CHUNK (64u << 10)
#define SRC "bench-filecopy.src"
#define DST "bench-filecopy.dst"

static char buf[CHUNK];

#ifdef _WIN32
static void make_source(void)
{
    DWORD n;
    unsigned i;
    HANDLE h = CreateFileA(SRC, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    for (i = 0; i < SIZE / CHUNK; i++) {
        memset(buf, (int)i, CHUNK);
        WriteFile(h, buf, CHUNK, &n, NULL);
    }
    CloseHandle(h);
}

static unsigned long long copy(void)
{
    DWORD n, w;
    unsigned long long total = 0;
    HANDLE in = CreateFileA(SRC, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    HANDLE out = CreateFileA(DST, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (in == INVALID_HANDLE_VALUE || out == INVALID_HANDLE_VALUE)
        exit(2);
    while (ReadFile(in, buf, CHUNK, &n, NULL) && n) {
        if (!WriteFile(out, buf, n, &w, NULL) || w != n)
            exit(3);
        total += n;
    }
    CloseHandle(in);
    CloseHandle(out);
    return total;
}

static void cleanup(void)
{
    DeleteFileA(SRC);
    DeleteFileA(DST);
}
#else
#include <fcntl.h>
#include <unistd.h>

static void make_source(void)
{
    unsigned i;
    int fd = open(SRC, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    for (i = 0; i < SIZE / CHUNK; i++) {
        memset(buf, (int)i, CHUNK);
        if (write(fd, buf, CHUNK) != CHUNK)
            exit(1);
    }
    close(fd);
}

static unsigned long long copy(void)
{
    ssize_t n;
    unsigned long long total = 0;
    int in = open(SRC, O_RDONLY), out = open(DST, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0)
        exit(2);
    while ((n = read(in, buf, CHUNK)) > 0) {
        if (write(out, buf, (size_t)n) != n)
            exit(3);
        total += (unsigned long long)n;
    }
    close(in);
    close(out);
    return total;
}

static void cleanup(void)
{
    unlink(SRC);
    unlink(DST);
}
#endif

int main(void)
{
    double t0, t1;
    make_source();
    copy(); /* warm up: the target's pages exist, as they will in the measured copy */
    t0 = bench_now_ns();
    if (copy() != SIZE)
        return 4;
    t1 = bench_now_ns();
    bench_report("copy", (t1 - t0) / 1e6, "ms");
    cleanup();
    return 0;
}
