/* seh/cxx.cpp - C++ exceptions of a mingw-w64 program (g++, libstdc++ and libgcc linked
 * statically): libgcc's SEH unwinder throws with RaiseException, its language handler
 * (_GCC_specific_handler) finds the catch in phase 1 and unwinds to it with RtlUnwindEx, and
 * the landing pads run the destructors (RtlVirtualUnwind/RtlLookupFunctionEntry on the way).
 *
 *  - throw/catch across frames, by type (int, std::runtime_error as std::exception&);
 *  - destructors of the frames the exception leaves run, innermost first, before the catch;
 *  - rethrow (throw;) from a catch block to an outer catch; catch (...);
 *  - nested try in one function, a destructor that itself throws and catches inside;
 *  - the same on a second thread (CreateThread);
 *  - std::uncaught_exceptions during unwinding.
 */
#include <windows.h>
#include <stdexcept>
#include <string>
#include <cstring>
#include <exception>

extern "C" {
#include "check.h"
}

static char trail[64];
static int ntrail;
static void mark(char c)
{
    if (ntrail < (int)sizeof trail - 1)
        trail[ntrail++] = c;
    trail[ntrail] = 0;
}
static void clear() { ntrail = 0; trail[0] = 0; }

struct Guard {
    char c;
    explicit Guard(char c_) : c(c_) {}
    ~Guard() { mark(c); }
};

static int uncaught_in_dtor = -1;
struct Watch {
    ~Watch() { uncaught_in_dtor = std::uncaught_exceptions(); }
};

__attribute__((noinline)) static void thrower(int what)
{
    Guard g('1');
    if (what == 0)
        throw 42;
    if (what == 1)
        throw std::runtime_error("boom");
    if (what == 2)
        throw std::string("str");
}

__attribute__((noinline)) static void middle(int what)
{
    Guard g('2');
    Watch w;
    thrower(what);
    mark('x'); /* not reached */
}

__attribute__((noinline)) static void rethrower()
{
    Guard g('3');
    try {
        middle(0);
    } catch (int v) {
        mark('c');
        throw; /* the same int, to the caller */
    }
}

struct ThrowsInside {
    ~ThrowsInside()
    {
        try {
            throw 7;
        } catch (int) {
            mark('i');
        }
    }
};

__attribute__((noinline)) static void throws_with_guard()
{
    ThrowsInside t;
    throw std::logic_error("logic");
}

static int run_all()
{
    int failures_before = check_failed;

    clear();
    try {
        middle(0);
        CHECK(0, "no exception thrown");
    } catch (int v) {
        CHECK(v == 42, "caught %d", v);
        mark('C');
    }
    CHECK(strcmp(trail, "12C") == 0, "int: trail '%s', expected '12C'", trail);
    CHECK(uncaught_in_dtor == 1, "uncaught_exceptions in a destructor during unwinding: %d", uncaught_in_dtor);

    clear();
    try {
        middle(1);
    } catch (const std::exception &e) {
        CHECK(strcmp(e.what(), "boom") == 0, "what() '%s'", e.what());
        mark('C');
    }
    CHECK(strcmp(trail, "12C") == 0, "runtime_error: trail '%s'", trail);

    clear();
    try {
        middle(2);
    } catch (int) {
        mark('W');
    } catch (...) {
        mark('A');
    }
    CHECK(strcmp(trail, "12A") == 0, "catch (...): trail '%s'", trail);

    clear();
    try {
        rethrower();
    } catch (int v) {
        CHECK(v == 42, "rethrown %d", v);
        mark('R');
    }
    CHECK(strcmp(trail, "12c3R") == 0, "rethrow: trail '%s', expected '12c3R'", trail);

    clear();
    try {
        try {
            middle(1);
        } catch (const std::logic_error &) {
            mark('L');
        }
    } catch (const std::runtime_error &e) {
        mark('O');
    }
    CHECK(strcmp(trail, "12O") == 0, "nested try: trail '%s', expected '12O'", trail);

    clear();
    try {
        throws_with_guard();
    } catch (const std::logic_error &e) {
        mark('G');
    }
    CHECK(strcmp(trail, "iG") == 0, "exception inside a destructor during unwinding: trail '%s'", trail);

    clear();
    middle(3); /* no exception: destructors in order on the normal path */
    CHECK(strcmp(trail, "1x2") == 0, "normal path: trail '%s'", trail);

    return check_failed == failures_before;
}

static DWORD WINAPI thread_main(void *)
{
    return run_all() ? 1 : 2;
}

int main()
{
    run_all();
    HANDLE t = CreateThread(NULL, 0, thread_main, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    DWORD code = 0;
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    CHECK(code == 1, "the same on a second thread: exit code %lu", code);
    return check_report();
}
