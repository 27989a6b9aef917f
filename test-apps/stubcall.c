/* stubcall.c - imports that nothing implements, and what calling them does.
 *
 * The program imports two functions that do not exist anywhere:
 *   - WineRsNoSuchExport from KERNEL32.dll (import library built by build.sh
 *     from stubcall-k32.def): a real DLL, a missing export;
 *   - NoSuchFunction from nosuchdll.dll (from stubcall-nosuch.def): a DLL that
 *     does not exist at all.
 *
 * wine-rs binds every import it cannot resolve to a stub that, when called,
 * prints "wine-rs: unimplemented function DLL.Function called from
 * MODULE+0xOFFSET" and ends the process with exit code 127. A missing DLL is
 * loaded as an empty builtin (with a warning on stderr), so all its imports
 * are stubs too. An import that is never called has no effect.
 *
 * argv[1]:
 *   none      calls neither; a trivial self-check, "N passed, 0 failed", exit 0
 *   call-k32  prints a line (no fflush: the stub must flush the CRT's buffers
 *             before it exits), then calls WineRsNoSuchExport
 *   call-dll  the same with nosuchdll.dll's NoSuchFunction
 * In both call-* modes nothing after the call may run.
 *
 * NOT RUN UNDER WINE: Wine refuses to start a program whose DLL is missing
 * ("err:module:import_dll Library nosuchdll.dll (which is needed by ...) not
 * found", exit code 53 with Wine 8), whatever argv[1] says. That is an
 * expected difference, by design: wine-rs starts the program and only stops
 * it when a missing function is actually called. run-wine.sh does not list
 * this app; loader/tests/cli.rs checks it under wine-rs.
 */
#include <stdio.h>
#include <string.h>
#include <windows.h>
#include "check.h"

__declspec(dllimport) int WINAPI WineRsNoSuchExport(int arg);
__declspec(dllimport) int WINAPI NoSuchFunction(int arg);

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    int r;

    if (strcmp(mode, "none") == 0) {
        /* The imports are bound (to something) but never called. */
        CHECK(strlen("stubcall") == 8, "strlen");
        CHECK((void *)&WineRsNoSuchExport != NULL, "WineRsNoSuchExport's IAT slot is NULL");
        CHECK((void *)&NoSuchFunction != NULL, "NoSuchFunction's IAT slot is NULL");
        return check_report();
    }
    if (strcmp(mode, "call-k32") == 0) {
        printf("stubcall: calling KERNEL32.dll.WineRsNoSuchExport\n");
        r = WineRsNoSuchExport(7);
        printf("stubcall: WineRsNoSuchExport returned %d, it must not return\n", r);
        fflush(stdout);
        return 1;
    }
    if (strcmp(mode, "call-dll") == 0) {
        printf("stubcall: calling nosuchdll.dll.NoSuchFunction\n");
        r = NoSuchFunction(7);
        printf("stubcall: NoSuchFunction returned %d, it must not return\n", r);
        fflush(stdout);
        return 1;
    }
    fprintf(stderr, "usage: stubcall none|call-k32|call-dll\n");
    return 2;
}
