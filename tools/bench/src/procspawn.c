/* procspawn.c - starting a process: 100 times, start this program again as a child that
 * returns at once (argv[1] = "child") and wait for it to end.
 *
 *   Windows (wine-rs, Wine): CreateProcessA + WaitForSingleObject + GetExitCodeProcess
 *   native:                  fork + execv("/proc/self/exe") + waitpid
 *
 * Under wine-rs each child is a whole new wine-rs process (loader, DLL initialisation, CRT
 * start-up), as under Wine; natively it is a bare exec of a small C program. */
#include <stdio.h>
#include <string.h>
#include "bench.h"

#define N 100

#ifdef _WIN32
static char self[MAX_PATH];

static int spawn_and_wait(void)
{
    char cmd[MAX_PATH + 16];
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    DWORD code = 1;
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    snprintf(cmd, sizeof(cmd), "\"%s\" child", self);
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        return -1;
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return (int)code;
}
#else
#include <sys/wait.h>
#include <unistd.h>

static int spawn_and_wait(void)
{
    int status = 0;
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        char *const args[] = { "procspawn", "child", NULL };
        execv("/proc/self/exe", args);
        _exit(127);
    }
    if (waitpid(pid, &status, 0) != pid)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
#endif

int main(int argc, char **argv)
{
    double t0, t1;
    int i, failed = 0;
    if (argc > 1 && !strcmp(argv[1], "child"))
        return 0;
#ifdef _WIN32
    GetModuleFileNameA(NULL, self, sizeof(self));
#endif
    /* warm up (page cache, the runtime's first-use costs) */
    for (i = 0; i < 3; i++)
        failed += spawn_and_wait() != 0;
    t0 = bench_now_ns();
    for (i = 0; i < N; i++)
        failed += spawn_and_wait() != 0;
    t1 = bench_now_ns();
    if (failed) {
        fprintf(stderr, "procspawn: %d children failed\n", failed);
        return 1;
    }
    bench_report("CreateProcess+wait", (t1 - t0) / N / 1000.0, "us/process");
    return 0;
}
