/* testdll.c - statically imported by dllapp.exe (exports: testdll.def). */
#include <windows.h>
#include <string.h>

static LONG attach_count, detach_count, thread_attach_count, thread_detach_count;
static char event_log[1024];
static HMODULE self;

int testdll_data[4] = { 10, 20, 30, 40 };

int testdll_add(int a, int b) { return a + b; }
int testdll_ordinal_only(int x) { return x * 42; }
int testdll_internal_name(void) { return 0x600d; }
LONG testdll_attach_count(void) { return attach_count; }
LONG testdll_detach_count(void) { return detach_count; }
LONG testdll_thread_attach_count(void) { return thread_attach_count; }
LONG testdll_thread_detach_count(void) { return thread_detach_count; }
HMODULE testdll_module(void) { return self; }
const char *testdll_get_log(void) { return event_log; }

/* Appends "event;" to the log (used by testdll2's DllMain too). */
void testdll_log_event(const char *event)
{
    size_t used = strlen(event_log), n = strlen(event);
    if (used + n + 2 < sizeof event_log) {
        memcpy(event_log + used, event, n);
        event_log[used + n] = ';';
        event_log[used + n + 1] = 0;
    }
}

/* Written with WriteFile, not the CRT: at process exit the CRT's stdout may
 * already be flushed/closed by the time DLLs are detached. The exe's last
 * stdout line must therefore be this one. */
static void say(const char *s)
{
    DWORD written;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), s, (DWORD)strlen(s), &written, NULL);
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
    switch (reason) {
    case DLL_PROCESS_ATTACH:
        self = inst;
        attach_count++;
        testdll_log_event("testdll:process_attach");
        break;
    case DLL_PROCESS_DETACH:
        detach_count++;
        say(reserved ? "testdll: DLL_PROCESS_DETACH (process exit)\r\n"
                     : "testdll: DLL_PROCESS_DETACH (FreeLibrary)\r\n");
        break;
    case DLL_THREAD_ATTACH:
        InterlockedIncrement(&thread_attach_count);
        break;
    case DLL_THREAD_DETACH:
        InterlockedIncrement(&thread_detach_count);
        break;
    }
    return TRUE;
}
