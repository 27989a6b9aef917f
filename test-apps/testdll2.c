/* testdll2.c - loaded dynamically by dllapp.exe with LoadLibraryW.
 * Imports testdll.dll (already loaded by then) and logs its DllMain calls
 * there, so that dllapp can see them even after testdll2 is unloaded. */
#include <windows.h>

__declspec(dllimport) void testdll_log_event(const char *event);

static int value = 1234;
static int *value_ptr = &value; /* needs a base relocation */

__declspec(dllexport) int testdll2_value(void) { return *value_ptr; }
__declspec(dllexport) void *testdll2_static_addr(void) { return &value; }

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
    (void)inst;
    switch (reason) {
    case DLL_PROCESS_ATTACH:
        testdll_log_event("testdll2:process_attach");
        break;
    case DLL_PROCESS_DETACH:
        testdll_log_event(reserved ? "testdll2:process_detach(exit)" : "testdll2:process_detach");
        break;
    }
    return TRUE;
}
