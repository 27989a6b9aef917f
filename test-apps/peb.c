/* peb.c - the TEB and PEB as programs read them through gs:.
 *
 * Checks NT_TIB (Self, stack bounds), ClientId, LastErrorValue, TlsSlots,
 * the PEB's ImageBaseAddress, ProcessHeap, ProcessParameters (command line,
 * image path) and the Ldr module lists in load, memory and initialization
 * order. Offsets are the documented x64 ones (winternl.h names the fields
 * it documents; the others are read at their well-known offsets).
 */
/* gcc 12 warns falsely about NtCurrentTeb()'s gs: read (-Warray-bounds). */
#pragma GCC diagnostic ignored "-Warray-bounds"
#include <windows.h>
#include <winternl.h>
#include <string.h>
#include <wchar.h>
#include "check.h"

static unsigned char *teb(void) { return (unsigned char *)NtCurrentTeb(); }

static void *at(void *base, size_t off) { return *(void **)((unsigned char *)base + off); }

/* Walk a circular list of LDR_DATA_TABLE_ENTRY linked at `link_off`; count
 * entries and look for a BaseDllName (entry + 0x58) equal to `want`. */
static int walk(LIST_ENTRY *head, size_t link_off, const wchar_t *want, int *found, void **first_base)
{
    int n = 0;
    *found = 0;
    for (LIST_ENTRY *e = head->Flink; e != head && n < 1000; e = e->Flink, n++) {
        unsigned char *ent = (unsigned char *)e - link_off;
        UNICODE_STRING *base_name = (UNICODE_STRING *)(ent + 0x58);
        if (n == 0 && first_base) *first_base = *(void **)(ent + 0x30);
        if (base_name->Buffer && _wcsicmp(base_name->Buffer, want) == 0) *found = 1;
    }
    return n;
}

int main(int argc, char **argv)
{
    unsigned char *t = teb();
    int local;

    /* NT_TIB */
    CHECK(at(t, 0x30) == t, "TEB.Self %p != TEB %p", at(t, 0x30), t);
    unsigned char *base = at(t, 0x08), *limit = at(t, 0x10);
    CHECK(base > (unsigned char *)&local && limit < (unsigned char *)&local,
          "stack bounds %p..%p do not contain a local at %p", limit, base, &local);
    CHECK(base - limit >= 64 * 1024, "stack is only %ld bytes", (long)(base - limit));

    /* ClientId */
    CHECK((DWORD)(ULONG_PTR)at(t, 0x40) == GetCurrentProcessId(), "ClientId.UniqueProcess");
    CHECK((DWORD)(ULONG_PTR)at(t, 0x48) == GetCurrentThreadId(), "ClientId.UniqueThread");

    /* LastErrorValue */
    SetLastError(0x1234);
    CHECK(*(DWORD *)(t + 0x68) == 0x1234, "TEB.LastErrorValue %lx", *(DWORD *)(t + 0x68));
    *(DWORD *)(t + 0x68) = 0x4321;
    CHECK(GetLastError() == 0x4321, "GetLastError after writing the TEB: %lx", GetLastError());

    /* TlsSlots */
    DWORD idx = TlsAlloc();
    CHECK(idx != TLS_OUT_OF_INDEXES && idx < 64, "TlsAlloc %lu", idx);
    if (idx < 64) {
        TlsSetValue(idx, (void *)0xfeed);
        CHECK(((void **)(t + 0x1480))[idx] == (void *)0xfeed, "TlsSlots[%lu]", idx);
        TlsFree(idx);
    }

    /* PEB */
    unsigned char *peb = at(t, 0x60);
    CHECK(peb != NULL, "TEB.ProcessEnvironmentBlock");
    CHECK((void *)peb == (void *)NtCurrentTeb()->ProcessEnvironmentBlock, "winternl PEB");
    CHECK(at(peb, 0x10) == (void *)GetModuleHandleW(NULL), "PEB.ImageBaseAddress %p vs %p",
          at(peb, 0x10), (void *)GetModuleHandleW(NULL));
    CHECK(at(peb, 0x30) == (void *)GetProcessHeap(), "PEB.ProcessHeap %p vs GetProcessHeap %p",
          at(peb, 0x30), (void *)GetProcessHeap());

    /* ProcessParameters */
    RTL_USER_PROCESS_PARAMETERS *pp = ((PEB *)peb)->ProcessParameters;
    CHECK(pp != NULL, "ProcessParameters");
    if (pp) {
        CHECK(pp->CommandLine.Buffer && wcscmp(pp->CommandLine.Buffer, GetCommandLineW()) == 0,
              "ProcessParameters.CommandLine differs from GetCommandLineW");
        CHECK(pp->CommandLine.Length == wcslen(GetCommandLineW()) * 2, "CommandLine.Length");
        size_t n = pp->ImagePathName.Length / 2;
        CHECK(n > 7 && _wcsnicmp(pp->ImagePathName.Buffer + n - 7, L"peb.exe", 7) == 0,
              "ImagePathName ends with peb.exe");
        wchar_t mod[MAX_PATH];
        GetModuleFileNameW(NULL, mod, MAX_PATH);
        CHECK(pp->ImagePathName.Buffer && _wcsicmp(pp->ImagePathName.Buffer, mod) == 0,
              "ImagePathName vs GetModuleFileNameW");
        CHECK(at(pp, 0x28) == GetStdHandle(STD_OUTPUT_HANDLE), "ProcessParameters.StandardOutput");
    }

    /* Ldr lists: 0x10 load order, 0x20 memory order, 0x30 initialization order */
    unsigned char *ldr = at(peb, 0x18);
    CHECK(ldr != NULL, "PEB.Ldr");
    if (ldr) {
        int found;
        void *first = NULL;
        int n = walk((LIST_ENTRY *)(ldr + 0x10), 0x00, L"kernel32.dll", &found, &first);
        CHECK(n >= 2, "load-order list has %d entries", n);
        CHECK(found, "kernel32.dll in the load-order list");
        CHECK(first == (void *)GetModuleHandleW(NULL), "first in load order is the exe (%p)", first);
        n = walk((LIST_ENTRY *)(ldr + 0x10), 0x00, L"peb.exe", &found, NULL);
        CHECK(found, "peb.exe in the load-order list");
        int m = walk((LIST_ENTRY *)(ldr + 0x20), 0x10, L"kernel32.dll", &found, NULL);
        CHECK(m == n, "memory-order list has %d entries, load-order %d", m, n);
        CHECK(found, "kernel32.dll in the memory-order list");
        int k = walk((LIST_ENTRY *)(ldr + 0x30), 0x20, L"kernel32.dll", &found, NULL);
        CHECK(k >= 1 && k < n, "init-order list has %d entries (load order %d; the exe is not in it)", k, n);
        walk((LIST_ENTRY *)(ldr + 0x30), 0x20, L"peb.exe", &found, NULL);
        CHECK(!found, "the exe is not in the init-order list");
        /* ntdll.dll is in every process, second in load order after the exe, although this
         * program does not import it (Go, Zig and Rust's std find it with GetModuleHandle). */
        {
            LIST_ENTRY *second = ((LIST_ENTRY *)(ldr + 0x10))->Flink->Flink;
            UNICODE_STRING *bn = (UNICODE_STRING *)((unsigned char *)second + 0x58);
            HMODULE nt = GetModuleHandleW(L"ntdll.dll");
            CHECK(nt != NULL, "GetModuleHandle(ntdll.dll) without importing it (%lu)", GetLastError());
            CHECK(GetModuleHandleA("NTDLL") == nt, "GetModuleHandleA(NTDLL) %p vs %p", (void *)GetModuleHandleA("NTDLL"), (void *)nt);
            CHECK(bn->Buffer && _wcsicmp(bn->Buffer, L"ntdll.dll") == 0, "second in load order: %.*ls",
                  bn->Buffer ? bn->Length / 2 : 0, bn->Buffer ? bn->Buffer : L"");
            CHECK(*(void **)((unsigned char *)second + 0x30) == (void *)nt, "ntdll DllBase vs GetModuleHandle");
            CHECK(nt && GetProcAddress(nt, "NtClose") != NULL && GetProcAddress(nt, "RtlNtStatusToDosError") != NULL,
                  "GetProcAddress on ntdll");
        }
        /* DllBase of kernel32 in the list == GetModuleHandle */
        for (LIST_ENTRY *e = ((LIST_ENTRY *)(ldr + 0x10))->Flink; e != (LIST_ENTRY *)(ldr + 0x10); e = e->Flink) {
            UNICODE_STRING *bn = (UNICODE_STRING *)((unsigned char *)e + 0x58);
            if (bn->Buffer && _wcsicmp(bn->Buffer, L"kernel32.dll") == 0)
                CHECK(*(void **)((unsigned char *)e + 0x30) == (void *)GetModuleHandleW(L"kernel32.dll"),
                      "kernel32 DllBase vs GetModuleHandle");
        }
    }
    return check_report();
}
