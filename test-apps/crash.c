/* crash.c - a program that dies on purpose, for wine-rs's crash report.
 *
 * argv[1] picks the death:
 *   write   main -> write_null: a store through a NULL pointer (access violation,
 *           0xC0000005, writing address 0)
 *   read    main -> read_bad: a load from address 0x10 (access violation, reading)
 *   ud2     main -> illegal: the ud2 instruction (0xC000001D, illegal instruction)
 *   div     main -> divide: an integer division by zero (0xC0000094)
 *   deep    main -> recurse (5 levels, frames with saved registers) -> write_null
 *   thread  a CreateThread thread -> write_null
 *   stack   main -> overflow: unbounded recursion (0xC00000FD, stack overflow)
 *   crt     main -> strlen(NULL): the fault is inside the CRT DLL (in wine-rs, that
 *           is host code: the report names the API call it happened in)
 *   none    no crash: prints a line and returns 0
 *
 * Before dying, main makes a few API calls (GetTickCount, GetCurrentProcessId,
 * GetLastError, printf + fflush) so that the report's list of the thread's
 * last API calls has something known in it.
 *
 * Each function is noinline, and main does something after each call, so no
 * call is a tail call: the backtrace must show write_null (or its siblings),
 * then main. The NULL pointer and the zero divisor come from volatile
 * globals, so gcc cannot see the fault coming and turn it into a trap.
 *
 * NOT RUN UNDER WINE by run-wine.sh: Wine prints its own crash report
 * (winedbg), which looks nothing like wine-rs's; loader/tests/crash.rs checks
 * wine-rs's report.
 */
#include <stdio.h>
#include <string.h>
#include <windows.h>

int *volatile null_pointer = 0;
int *volatile bad_pointer = (int *)0x10;
volatile int zero = 0;
volatile int sink;

__attribute__((noinline)) void write_null(int v)
{
    *null_pointer = v;
    sink = v;
}

__attribute__((noinline)) int read_bad(void)
{
    return *bad_pointer + 1;
}

__attribute__((noinline)) void illegal(void)
{
    __asm__ volatile("ud2");
    sink = 1;
}

__attribute__((noinline)) int divide(int a)
{
    return a / zero;
}

__attribute__((noinline)) int recurse(int n)
{
    char buf[64];
    int r;
    memset(buf, n, sizeof buf);
    if (n == 0) {
        write_null(buf[3]);
        return buf[4];
    }
    r = recurse(n - 1) + buf[n];
    sink = r;
    return r;
}

volatile int overflow_stop = -1;

__attribute__((noinline)) int overflow(int n)
{
    volatile char buf[512];
    buf[n & 511] = (char)n;
    if (n == overflow_stop)
        return 0;
    return overflow(n + 1) + buf[(n * 7) & 511];
}

static DWORD WINAPI thread_main(void *arg)
{
    GetCurrentThreadId();
    write_null((int)(INT_PTR)arg);
    return 7;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "none";
    DWORD t = GetTickCount();
    DWORD pid = GetCurrentProcessId();
    SetLastError(0);
    sink = (int)GetLastError() + (int)(t & 0) + (int)(pid & 0);
    printf("crash: mode %s\n", mode);
    fflush(stdout);

    if (strcmp(mode, "write") == 0) {
        write_null(42);
    } else if (strcmp(mode, "read") == 0) {
        sink = read_bad();
    } else if (strcmp(mode, "ud2") == 0) {
        illegal();
    } else if (strcmp(mode, "div") == 0) {
        sink = divide(argc);
    } else if (strcmp(mode, "deep") == 0) {
        sink = recurse(5);
    } else if (strcmp(mode, "thread") == 0) {
        HANDLE h = CreateThread(NULL, 0, thread_main, (void *)42, 0, NULL);
        WaitForSingleObject(h, INFINITE);
    } else if (strcmp(mode, "stack") == 0) {
        sink = overflow(0);
    } else if (strcmp(mode, "crt") == 0) {
        sink = (int)strlen((const char *)null_pointer);
    } else if (strcmp(mode, "none") == 0) {
        printf("crash: no crash\n");
        return 0;
    } else {
        fprintf(stderr, "usage: crash write|read|ud2|div|deep|thread|stack|crt|none\n");
        return 2;
    }
    printf("crash: survived mode %s\n", mode);
    return 1;
}
