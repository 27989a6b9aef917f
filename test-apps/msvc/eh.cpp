// MSVC C++ exception handling, built with clang for x86_64-pc-windows-msvc (the MSVC ABI:
// _CxxThrowException, __CxxFrameHandler3, FuncInfo v3 tables), linked with lld-link against
// either msvcrt.dll (-DEH_MSVCRT) or vcruntime140.dll + the UCRT. No MSVC headers or CRT
// start-up code: everything used is declared here, the entry point is `start`.
//
// Self-checking: prints "N passed, M failed". The last check throws an exception nothing
// catches: the unhandled-exception filter (what the MSVC start-up code installs) calls
// terminate, whose handler prints the result and exits.

typedef unsigned long long size_t;
typedef void *HANDLE;
typedef unsigned long DWORD;

extern "C" {
__declspec(dllimport) HANDLE __stdcall GetStdHandle(DWORD);
__declspec(dllimport) int __stdcall WriteFile(HANDLE, const void *, DWORD, DWORD *, void *);
__declspec(dllimport) void __stdcall ExitProcess(unsigned);
__declspec(dllimport) HANDLE __stdcall CreateThread(void *, size_t, DWORD(__stdcall *)(void *), void *, DWORD, DWORD *);
__declspec(dllimport) DWORD __stdcall WaitForSingleObject(HANDLE, DWORD);
__declspec(dllimport) int __stdcall GetExitCodeThread(HANDLE, DWORD *);
__declspec(dllimport) int __stdcall CloseHandle(HANDLE);
typedef long(__stdcall *TopFilter)(void *);
__declspec(dllimport) TopFilter __stdcall SetUnhandledExceptionFilter(TopFilter);
__declspec(dllimport) void *malloc(size_t);
__declspec(dllimport) void free(void *);
int _fltused = 0;
}

typedef void (*terminate_handler)();
#ifdef EH_MSVCRT
__declspec(dllimport) terminate_handler set_terminate(terminate_handler); // ?set_terminate@@...
__declspec(dllimport) void terminate();                                  // ?terminate@@YAXXZ
#else
extern "C" __declspec(dllimport) terminate_handler set_terminate(terminate_handler);
extern "C" __declspec(dllimport) void terminate();
#endif

// type_info's vtable: only its address is used (in the TypeDescriptors); the runtime's
// export would be a data import, which a TypeDescriptor initializer cannot use.
extern "C" void *type_info_vtable[1] __asm__("??_7type_info@@6B@");
void *type_info_vtable[1] = {0};

void *operator new(size_t n) { return malloc(n); }
void operator delete(void *p) noexcept { free(p); }
void operator delete(void *p, size_t) noexcept { free(p); }

// ---- output ----------------------------------------------------------------------------
static void out(const char *s) {
    DWORD n = 0, w;
    while (s[n]) n++;
    WriteFile(GetStdHandle((DWORD)-11), s, n, &w, 0);
}
static void out_int(long long v) {
    char b[24];
    int i = 23;
    bool neg = v < 0;
    unsigned long long u = neg ? -(unsigned long long)v : v;
    b[i] = 0;
    do b[--i] = '0' + u % 10; while (u /= 10);
    if (neg) b[--i] = '-';
    out(b + i);
}

static int passed, failed;
static void check(bool ok, const char *what) {
    if (ok) {
        passed++;
    } else {
        failed++;
        out("FAIL: ");
        out(what);
        out("\n");
    }
}
static void check_eq(long long got, long long want, const char *what) {
    if (got != want) {
        out("FAIL: ");
        out(what);
        out(": got ");
        out_int(got);
        out(", want ");
        out_int(want);
        out("\n");
        failed++;
    } else {
        passed++;
    }
}

// ---- types -----------------------------------------------------------------------------
static int live;      // objects of Obj alive
static int copies;    // Obj copy constructions
static int log_[16];  // destructor order
static int nlog;

struct Obj {
    int v;
    Obj(int v) : v(v) { live++; }
    Obj(const Obj &o) : v(o.v) { live++; copies++; }
    ~Obj() { live--; }
};

struct Base {
    int b = 1;
    virtual ~Base() {}
    virtual int id() const { return 1; }
};
struct Derived : Base {
    int d = 2;
    int id() const override { return 2; }
};
struct Other {};

struct Guard {
    int n;
    Guard(int n) : n(n) {}
    ~Guard() { if (nlog < 16) log_[nlog++] = n; }
};

__declspec(noinline) static void thrower_int(int v) { throw v; }
__declspec(noinline) static void deep2(int v) {
    Guard g(2);
    thrower_int(v);
}
__declspec(noinline) static void deep1(int v) {
    Guard g(1);
    Guard h(11);
    deep2(v);
    out("not reached\n");
}

// ---- checks ----------------------------------------------------------------------------
static void test_int() {
    int got = 0;
    try {
        thrower_int(42);
    } catch (int v) {
        got = v;
    }
    check_eq(got, 42, "throw int, catch int");
}

static void test_class_by_value() {
    live = copies = 0;
    int got = 0;
    try {
        throw Obj(7);
    } catch (Obj o) {
        got = o.v;
        check_eq(live, 2, "by value: the thrown object and the catch's copy");
    }
    check_eq(got, 7, "class caught by value");
    check(copies >= 1, "copy constructor called for a by-value catch");
    check_eq(live, 0, "both destroyed after the catch");
}

static void test_class_by_reference() {
    live = copies = 0;
    int got = 0;
    try {
        throw Obj(8);
    } catch (Obj &o) {
        got = o.v;
        check_eq(copies, 0, "no copy for a reference");
    }
    check_eq(got, 8, "class caught by reference");
    check_eq(live, 0, "destroyed after the catch");
}

static void test_derived_as_base() {
    int id = 0;
    try {
        throw Derived();
    } catch (Other &) {
        id = -1;
    } catch (Base &b) {
        id = b.id();
    }
    check_eq(id, 2, "Derived caught as Base& (virtual call reaches Derived)");
}

static void test_pointer() {
    Derived global_derived;
    const Base *got = 0;
    try {
        throw &global_derived;
    } catch (int) {
    } catch (const Base *b) {
        got = b;
    }
    check(got == static_cast<const Base *>(&global_derived), "Derived* caught as const Base*");
    bool caught_void = false;
    try {
        throw &global_derived;
    } catch (void *) {
        caught_void = true;
    }
    check(caught_void, "pointer caught as void*");
}

static void test_catch_all() {
    bool all = false;
    try {
        throw Other();
    } catch (int) {
    } catch (...) {
        all = true;
    }
    check(all, "catch(...) takes what nothing else does");
}

static void test_unwinding() {
    nlog = 0;
    int got = 0, seen_at_catch = -1;
    try {
        Guard g(3);
        deep1(5);
    } catch (int v) {
        got = v;
        seen_at_catch = nlog;
    }
    check_eq(got, 5, "thrown through two frames");
    check_eq(seen_at_catch, 4, "every local destroyed before the catch runs");
    check(nlog == 4 && log_[0] == 2 && log_[1] == 11 && log_[2] == 1 && log_[3] == 3,
          "destructors innermost first, in reverse order of construction");
}

static void test_nested_try() {
    int where = 0;
    try {
        try {
            thrower_int(1);
        } catch (Base &) {
            where = 1;
        }
        where = 2;
    } catch (int) {
        where = 3;
    }
    check_eq(where, 3, "inner try without a match, outer catches");
    where = 0;
    try {
        try {
            thrower_int(1);
        } catch (int) {
            where = 1;
        }
        where += 10;
    } catch (...) {
        where = 100;
    }
    check_eq(where, 11, "inner catches, code after it runs");
}

static void test_rethrow() {
    live = copies = 0;
    const void *inner = 0, *outer = 0;
    int v = 0;
    try {
        try {
            throw Obj(9);
        } catch (Obj &o) {
            inner = &o;
            o.v = 10;
            throw;
        }
    } catch (Obj &o) {
        outer = &o;
        v = o.v;
        check_eq(live, 1, "rethrow: still one object, alive");
    }
    check(inner == outer, "rethrow: the same object");
    check_eq(v, 10, "rethrow: the change made in the first catch is seen");
    check_eq(live, 0, "rethrown object destroyed once, at the end");
    int n = 0;
    try {
        try {
            thrower_int(4);
        } catch (...) {
            n++;
            throw;
        }
    } catch (int x) {
        n += x;
    }
    check_eq(n, 5, "catch(...) { throw; } rethrows the int");
}

static void test_throw_in_catch() {
    live = 0;
    int got = 0;
    try {
        try {
            throw Obj(1);
        } catch (Obj &) {
            Guard g(7);
            throw 21;
        }
    } catch (int v) {
        got = v;
        check_eq(live, 0, "the first exception's object is destroyed when a new one leaves its catch");
    }
    check_eq(got, 21, "a new exception from a catch block reaches the outer try");
}

static void test_try_in_catch() {
    int got = 0;
    try {
        thrower_int(1);
    } catch (int a) {
        try {
            thrower_int(2);
        } catch (int b) {
            got = a * 10 + b;
        }
        got += 100;
    }
    check_eq(got, 112, "try/catch inside a catch block");
    int rethrown = 0;
    live = 0;
    try {
        throw Obj(3);
    } catch (Obj &o) {
        try {
            throw;
        } catch (Obj &p) {
            rethrown = (&o == &p) ? p.v : -1;
        }
        check_eq(live, 1, "object kept alive by the outer catch after the inner one ends");
    }
    check_eq(rethrown, 3, "rethrow inside a nested try of the catch block");
    check_eq(live, 0, "and destroyed when the outer catch ends");
}

static DWORD __stdcall thread_main(void *arg) {
    int sum = 0;
    for (int i = 0; i < 50; i++) {
        try {
            deep1(i);
        } catch (int v) {
            sum += v;
        }
    }
    return sum;
}

static void test_thread() {
    HANDLE h[2];
    for (int i = 0; i < 2; i++) h[i] = CreateThread(0, 0, thread_main, 0, 0, 0);
    int sum = 0;
    for (int i = 0; i < 50; i++) {
        try {
            thrower_int(i);
        } catch (int v) {
            sum += v;
        }
    }
    for (int i = 0; i < 2; i++) {
        DWORD code = 0;
        WaitForSingleObject(h[i], 0xFFFFFFFF);
        GetExitCodeThread(h[i], &code);
        CloseHandle(h[i]);
        check_eq(code, 1225, "exceptions thrown and caught in a second thread");
    }
    check_eq(sum, 1225, "and in the main thread meanwhile");
}

// ---- the uncaught exception --------------------------------------------------------------
static void on_terminate() {
    check_eq(nlog, 0, "uncaught: frames are not unwound before terminate");
    out_int(passed + 1);
    out(" passed, ");
    out_int(failed);
    out(" failed\n");
    ExitProcess(failed ? 1 : 0);
}

// What the MSVC start-up code installs: a C++ exception nothing caught ends in terminate.
static long __stdcall top_filter(void *ep) {
    unsigned code = **(unsigned **)ep;
    if (code == 0xE06D7363) terminate();
    return 0;
}

extern "C" int start() {
    test_int();
    test_class_by_value();
    test_class_by_reference();
    test_derived_as_base();
    test_pointer();
    test_catch_all();
    test_unwinding();
    test_nested_try();
    test_rethrow();
    test_throw_in_catch();
    test_try_in_catch();
    test_thread();
    set_terminate(on_terminate);
    SetUnhandledExceptionFilter(top_filter);
    nlog = 0;
    {
        Guard g(9);
        thrower_int(99);
    }
    out("FAIL: returned from an uncaught throw\n");
    ExitProcess(2);
    return 0;
}
