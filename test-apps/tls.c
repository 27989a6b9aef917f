/* tls.c - thread-local storage.
 *
 *  1. gcc's __thread / _Thread_local (mingw gcc uses emulated TLS:
 *     __emutls_get_address in libgcc, on top of TlsAlloc/TlsGetValue).
 *  2. Native PE static TLS, the way MSVC's __declspec(thread) works:
 *     variables in a ".tls$..." section are part of the image's TLS template
 *     (IMAGE_TLS_DIRECTORY _tls_used, from mingw's tlssup.c); the loader
 *     gives each thread a copy, reachable through
 *     TEB->ThreadLocalStoragePointer[_tls_index]. gcc cannot emit that
 *     access itself, so it is written out by hand below.
 *  3. A TLS callback (a function pointer in section .CRT$XLB, between
 *     mingw's __xl_a and __xl_z): must run with DLL_PROCESS_ATTACH before
 *     main, with DLL_THREAD_ATTACH / DLL_THREAD_DETACH for each new thread,
 *     and see the native TLS block already set up.
 *  4. TlsAlloc/TlsSetValue/TlsGetValue/TlsFree, threads started both with
 *     CreateThread and the CRT's _beginthreadex.
 */
#include <windows.h>
#include <process.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

/* ---- native TLS ---------------------------------------------------------- */
extern const IMAGE_TLS_DIRECTORY _tls_used; /* mingw tlssup.c */
extern ULONG _tls_index;

__attribute__((section(".tls$BBB"))) int native_a = 42;
__attribute__((section(".tls$BBB"))) char native_s[16] = "native tls";
__attribute__((section(".tls$BBB"))) long long native_b = 0x1122334455667788LL;

/* Address of this thread's copy of a variable of the TLS template. */
static void *native_tls_addr(void *template_var)
{
    void **tls_array;
    /* TEB.ThreadLocalStoragePointer (what __readgsqword(0x58) reads; written
     * out because gcc 12 warns about the intrinsic). */
    __asm__ volatile("movq %%gs:0x58, %0" : "=r"(tls_array));
    if (!tls_array)
        return NULL;
    char *block = tls_array[_tls_index];
    if (!block)
        return NULL;
    return block + ((char *)template_var - (char *)_tls_used.StartAddressOfRawData);
}
#define NATIVE(var) (*(__typeof__(var) *)native_tls_addr((void *)&(var)))
#define NATIVE_OK(var) (native_tls_addr((void *)&(var)) != NULL)

/* ---- emulated TLS -------------------------------------------------------- */
__thread int emu_counter = 7;
__thread char emu_name[32] = "initial";
_Thread_local long long emu_big = 0x0123456789abcdefLL;
__thread int emu_zero; /* zero-initialised */

/* ---- TLS callback -------------------------------------------------------- */
#define MAX_EVENTS 64
static volatile LONG n_events;
static struct event {
    DWORD reason;
    DWORD tid;
    int native_a_seen;   /* native_a in that thread, at callback time; -1 if no block */
} events[MAX_EVENTS];
static volatile LONG main_started; /* set first thing in main */
static volatile LONG process_attach_before_main = -1;

static void NTAPI tls_callback(PVOID module, DWORD reason, PVOID reserved)
{
    (void)module;
    (void)reserved;
    LONG i = InterlockedIncrement(&n_events) - 1;
    if (i >= MAX_EVENTS)
        return;
    events[i].reason = reason;
    events[i].tid = GetCurrentThreadId();
    events[i].native_a_seen = NATIVE_OK(native_a) ? NATIVE(native_a) : -1;
    if (reason == DLL_PROCESS_ATTACH)
        process_attach_before_main = !main_started;
}

__attribute__((section(".CRT$XLB"), used)) PIMAGE_TLS_CALLBACK tls_callback_ptr = tls_callback;
/* Keep the TLS directory alive (it references the callback array). */
__attribute__((used)) static const void *keep_tls_used = &_tls_used;

static int count_events(DWORD reason, DWORD tid)
{
    int n = 0, total = n_events < MAX_EVENTS ? n_events : MAX_EVENTS;
    for (int i = 0; i < total; i++)
        if (events[i].reason == reason && (tid == 0 || events[i].tid == tid))
            n++;
    return n;
}

static int event_native_value(DWORD reason, DWORD tid)
{
    int total = n_events < MAX_EVENTS ? n_events : MAX_EVENTS;
    for (int i = 0; i < total; i++)
        if (events[i].reason == reason && events[i].tid == tid)
            return events[i].native_a_seen;
    return -2;
}

/* ---- threads ------------------------------------------------------------- */
struct thread_result {
    int emu_counter_initial;
    char emu_name_initial[32];
    long long emu_big_initial;
    int emu_zero_initial;
    int native_ok;
    int native_a_initial;
    char native_s_initial[16];
    long long native_b_initial;
    void *emu_counter_addr;
    void *native_a_addr;
    int emu_counter_after;
    int native_a_after;
    void *tls_slot_initial;
    void *tls_slot_after;
};

static DWORD tls_slot;
static HANDLE go_event; /* threads write, then wait, then re-read */

static void thread_body(struct thread_result *r, int id)
{
    r->emu_counter_initial = emu_counter;
    memcpy(r->emu_name_initial, emu_name, sizeof emu_name);
    r->emu_big_initial = emu_big;
    r->emu_zero_initial = emu_zero;
    r->native_ok = NATIVE_OK(native_a);
    if (r->native_ok) {
        r->native_a_initial = NATIVE(native_a);
        memcpy(r->native_s_initial, NATIVE(native_s), sizeof native_s);
        r->native_b_initial = NATIVE(native_b);
        r->native_a_addr = &NATIVE(native_a);
    }
    r->emu_counter_addr = &emu_counter;
    r->tls_slot_initial = TlsGetValue(tls_slot);

    /* independent writes */
    emu_counter = 1000 + id;
    snprintf(emu_name, sizeof emu_name, "thread %d", id);
    if (r->native_ok)
        NATIVE(native_a) = 2000 + id;
    TlsSetValue(tls_slot, (void *)(INT_PTR)(3000 + id));

    /* let the other threads write too, then read back */
    WaitForSingleObject(go_event, INFINITE);
    r->emu_counter_after = emu_counter;
    r->native_a_after = r->native_ok ? NATIVE(native_a) : -1;
    r->tls_slot_after = TlsGetValue(tls_slot);
}

struct thread_arg {
    int id;
    struct thread_result res;
};

static DWORD WINAPI win32_thread(void *p)
{
    struct thread_arg *a = p;
    thread_body(&a->res, a->id);
    return 100 + a->id;
}

static unsigned __stdcall crt_thread(void *p)
{
    struct thread_arg *a = p;
    thread_body(&a->res, a->id);
    return 100 + a->id;
}

#define NTHREADS 4

int main(void)
{
    InterlockedExchange(&main_started, 1);
    DWORD main_tid = GetCurrentThreadId();

    /* TLS directory and callback before main */
    CHECK(_tls_used.AddressOfCallBacks != 0, "_tls_used has no callbacks");
    CHECK(process_attach_before_main == 1, "TLS callback DLL_PROCESS_ATTACH before main: %ld",
          process_attach_before_main);
    CHECK(count_events(DLL_PROCESS_ATTACH, 0) == 1, "%d DLL_PROCESS_ATTACH callbacks, expected 1",
          count_events(DLL_PROCESS_ATTACH, 0));
    CHECK(count_events(DLL_PROCESS_ATTACH, main_tid) == 1, "DLL_PROCESS_ATTACH not on the main thread");
    CHECK(event_native_value(DLL_PROCESS_ATTACH, main_tid) == 42,
          "native TLS at DLL_PROCESS_ATTACH callback: %d, expected 42",
          event_native_value(DLL_PROCESS_ATTACH, main_tid));
    CHECK(count_events(DLL_THREAD_ATTACH, main_tid) == 0, "DLL_THREAD_ATTACH for the main thread");

    /* main thread's view */
    CHECK(emu_counter == 7, "emu_counter = %d, expected 7", emu_counter);
    CHECK(strcmp(emu_name, "initial") == 0, "emu_name = '%s'", emu_name);
    CHECK(emu_big == 0x0123456789abcdefLL, "emu_big = %llx", emu_big);
    CHECK(emu_zero == 0, "emu_zero = %d", emu_zero);
    CHECK(NATIVE_OK(native_a), "no native TLS block for the main thread (_tls_index %lu)", _tls_index);
    if (!NATIVE_OK(native_a))
        return check_report();
    CHECK(NATIVE(native_a) == 42, "native_a = %d, expected 42", NATIVE(native_a));
    CHECK(strcmp(NATIVE(native_s), "native tls") == 0, "native_s = '%s'", NATIVE(native_s));
    CHECK(NATIVE(native_b) == 0x1122334455667788LL, "native_b = %llx", NATIVE(native_b));
    CHECK(&NATIVE(native_a) != &native_a, "main thread's native TLS is the template itself");

    tls_slot = TlsAlloc();
    CHECK(tls_slot != TLS_OUT_OF_INDEXES, "TlsAlloc failed");
    CHECK(TlsGetValue(tls_slot) == NULL, "new TLS slot is not NULL");
    CHECK(TlsSetValue(tls_slot, (void *)(INT_PTR)0x55), "TlsSetValue failed");

    emu_counter = 100;
    strcpy(emu_name, "main");
    NATIVE(native_a) = 200;

    go_event = CreateEventW(NULL, TRUE, FALSE, NULL);
    struct thread_arg args[NTHREADS];
    HANDLE h[NTHREADS];
    DWORD tids[NTHREADS];
    memset(args, 0, sizeof args);
    for (int i = 0; i < NTHREADS; i++) {
        args[i].id = i;
        if (i % 2 == 0) {
            h[i] = CreateThread(NULL, 0, win32_thread, &args[i], 0, &tids[i]);
        } else {
            unsigned tid = 0;
            h[i] = (HANDLE)_beginthreadex(NULL, 0, crt_thread, &args[i], 0, &tid);
            tids[i] = tid;
        }
        CHECK(h[i] != NULL, "thread %d creation failed", i);
    }
    Sleep(50);
    SetEvent(go_event);
    for (int i = 0; i < NTHREADS; i++) {
        DWORD w = WaitForSingleObject(h[i], 10000);
        CHECK(w == WAIT_OBJECT_0, "thread %d did not finish (%lu)", i, w);
        DWORD code = 0;
        GetExitCodeThread(h[i], &code);
        CHECK(code == (DWORD)(100 + i), "thread %d exit code %lu", i, code);
        CloseHandle(h[i]);
    }

    for (int i = 0; i < NTHREADS; i++) {
        struct thread_result *r = &args[i].res;
        CHECK(r->emu_counter_initial == 7, "thread %d: __thread initial %d, expected 7", i,
              r->emu_counter_initial);
        CHECK(strcmp(r->emu_name_initial, "initial") == 0, "thread %d: __thread char[] '%s'", i,
              r->emu_name_initial);
        CHECK(r->emu_big_initial == 0x0123456789abcdefLL, "thread %d: _Thread_local %llx", i,
              r->emu_big_initial);
        CHECK(r->emu_zero_initial == 0, "thread %d: zero __thread %d", i, r->emu_zero_initial);
        CHECK(r->emu_counter_addr != &emu_counter, "thread %d shares __thread storage with main", i);
        CHECK(r->emu_counter_after == 1000 + i, "thread %d: __thread after writes %d", i,
              r->emu_counter_after);
        CHECK(r->native_ok, "thread %d: no native TLS block", i);
        if (r->native_ok) {
            CHECK(r->native_a_initial == 42, "thread %d: native initial %d, expected 42", i,
                  r->native_a_initial);
            CHECK(strcmp(r->native_s_initial, "native tls") == 0, "thread %d: native_s '%s'", i,
                  r->native_s_initial);
            CHECK(r->native_b_initial == 0x1122334455667788LL, "thread %d: native_b %llx", i,
                  r->native_b_initial);
            CHECK(r->native_a_addr != &NATIVE(native_a), "thread %d shares native TLS with main", i);
            CHECK(r->native_a_after == 2000 + i, "thread %d: native after writes %d", i,
                  r->native_a_after);
        }
        CHECK(r->tls_slot_initial == NULL, "thread %d: TlsGetValue initial %p", i, r->tls_slot_initial);
        CHECK(r->tls_slot_after == (void *)(INT_PTR)(3000 + i), "thread %d: TlsGetValue after %p", i,
              r->tls_slot_after);
        for (int j = 0; j < i; j++)
            CHECK(r->emu_counter_addr != args[j].res.emu_counter_addr &&
                      r->native_a_addr != args[j].res.native_a_addr,
                  "threads %d and %d share TLS", i, j);

        /* callbacks for this thread */
        CHECK(count_events(DLL_THREAD_ATTACH, tids[i]) == 1, "thread %d: %d DLL_THREAD_ATTACH callbacks",
              i, count_events(DLL_THREAD_ATTACH, tids[i]));
        CHECK(count_events(DLL_THREAD_DETACH, tids[i]) == 1, "thread %d: %d DLL_THREAD_DETACH callbacks",
              i, count_events(DLL_THREAD_DETACH, tids[i]));
        CHECK(event_native_value(DLL_THREAD_ATTACH, tids[i]) == 42,
              "thread %d: native TLS at DLL_THREAD_ATTACH: %d, expected 42", i,
              event_native_value(DLL_THREAD_ATTACH, tids[i]));
        CHECK(event_native_value(DLL_THREAD_DETACH, tids[i]) == 2000 + i,
              "thread %d: native TLS at DLL_THREAD_DETACH: %d, expected %d", i,
              event_native_value(DLL_THREAD_DETACH, tids[i]), 2000 + i);
    }

    /* main thread unaffected */
    CHECK(emu_counter == 100, "main emu_counter = %d after threads", emu_counter);
    CHECK(strcmp(emu_name, "main") == 0, "main emu_name = '%s' after threads", emu_name);
    CHECK(NATIVE(native_a) == 200, "main native_a = %d after threads", NATIVE(native_a));
    CHECK(native_a == 42, "TLS template modified: %d", native_a);
    CHECK(TlsGetValue(tls_slot) == (void *)(INT_PTR)0x55, "main TLS slot changed");
    CHECK(TlsFree(tls_slot), "TlsFree failed");
    CHECK(count_events(DLL_PROCESS_DETACH, 0) == 0, "DLL_PROCESS_DETACH already seen");

    printf("tls: %ld callback events, _tls_index %lu\n", n_events, _tls_index);
    return check_report();
}
