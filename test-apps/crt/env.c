/* env.c - the CRT's environment and signals: getenv/_wgetenv (case-insensitive, stable
 * pointers), _putenv/_wputenv/_putenv_s (set, replace, remove; reflected in _environ and
 * _wenviron and in the process environment), getenv_s/_wgetenv_s/_dupenv_s, the CRT's
 * snapshot semantics (SetEnvironmentVariable is not seen by getenv), and signal/raise
 * (handlers for SIGINT, SIGABRT, SIGFPE with its sub-code, SIGSEGV, SIGTERM; SIG_IGN;
 * errors). Expectations are Wine 8's. */
#include <errno.h>
#include <float.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "crt.h"

#define STREQ(a, b) ((a) && strcmp((a), (b)) == 0)

static int in_environ(const char *entry)
{
    for (char **e = _environ; e && *e; e++)
        if (strcmp(*e, entry) == 0) return 1;
    return 0;
}

static int in_wenviron(const wchar_t *entry)
{
    for (wchar_t **e = _wenviron; e && *e; e++)
        if (wcscmp(*e, entry) == 0) return 1;
    return 0;
}

static void environment(void)
{
    char buf[64];

    CHECK(getenv("WRS_NOT_SET_ANYWHERE") == NULL, "getenv of a missing variable");
    CHECK(_putenv("WRS_A=1") == 0 && STREQ(getenv("WRS_A"), "1"), "_putenv sets");
    CHECK(STREQ(getenv("wrs_a"), "1"), "getenv ignores case");
    /* (A pointer from getenv may be invalidated by _putenv: Wine's ucrtbase frees it. wine-rs
     * keeps it readable, but programs may not rely on that.) */
    CHECK(_putenv("WRS_B=2") == 0 && STREQ(getenv("WRS_A"), "1"), "other variables keep their values");
    CHECK(_putenv("WRS_A=3") == 0 && STREQ(getenv("WRS_A"), "3"), "_putenv replaces");
    CHECK(GetEnvironmentVariableA("WRS_A", buf, sizeof buf) == 1 && STREQ(buf, "3"), "_putenv sets the process environment");
    CHECK(in_environ("WRS_A=3") && !in_environ("WRS_A=1"), "_environ follows _putenv");
    CHECK(_putenv("WRS_A=") == 0 && getenv("WRS_A") == NULL, "\"NAME=\" removes");
    CHECK(GetEnvironmentVariableA("WRS_A", buf, sizeof buf) == 0, "removed from the process environment too");
    CHECK(!in_environ("WRS_A=3"), "and from _environ");
    CHECK(_putenv("WRS_C=a=b") == 0 && STREQ(getenv("WRS_C"), "a=b"), "the value may hold '='");
    CHECK(_putenv("NOEQUALS") == -1, "_putenv without '='");
    CHECK(_putenv("=X") == -1, "_putenv without a name");

    /* The wide side. */
    wchar_t *w = _wgetenv(L"WRS_C");
    CHECK(w && wcscmp(w, L"a=b") == 0, "_wgetenv sees _putenv's variable");
    CHECK(_wenviron && in_wenviron(L"WRS_B=2"), "_wenviron");
    CHECK(_wputenv(L"WRS_D=\x00e9t\x00e9") == 0, "_wputenv");
    w = _wgetenv(L"wrs_d");
    CHECK(w && wcscmp(w, L"\x00e9t\x00e9") == 0, "_wgetenv of _wputenv's variable");
    CHECK(getenv("WRS_D") != NULL, "the narrow environment has it too");
    CHECK(_wputenv(L"WRS_D=") == 0 && _wgetenv(L"WRS_D") == NULL && getenv("WRS_D") == NULL, "_wputenv removes");

    /* The CRT keeps its own copy: SetEnvironmentVariable is not seen by getenv. */
    SetEnvironmentVariableA("WRS_K", "k");
    CHECK(getenv("WRS_K") == NULL, "getenv does not see SetEnvironmentVariable");

    CHECK(_putenv_s("WRS_E", "5") == 0 && STREQ(getenv("WRS_E"), "5"), "_putenv_s");
    CHECK(_putenv_s("WRS_E", "") == 0 && getenv("WRS_E") == NULL, "_putenv_s with an empty value removes");
    iph_calls = 0;
    errno = 0;
    CHECK(_putenv_s(NULL, "x") == EINVAL && errno == EINVAL, "_putenv_s(NULL)");
    IPH_CHECK(1);
    CHECK(_putenv_s("A=B", "x") == EINVAL, "_putenv_s with '=' in the name");
    CHECK(_wputenv_s(L"WRS_F", L"6") == 0 && STREQ(getenv("WRS_F"), "6"), "_wputenv_s");

    size_t len = 0;
    memset(buf, 'x', sizeof buf);
    CHECK(getenv_s(&len, buf, sizeof buf, "WRS_B") == 0 && len == 2 && STREQ(buf, "2"), "getenv_s");
    len = 0;
    getenv_s(&len, NULL, 0, "WRS_C");
    CHECK(len == 4, "getenv_s tells the size needed: %u", (unsigned)len);
    CHECK(getenv_s(&len, buf, 1, "WRS_B") == ERANGE && len == 2, "getenv_s too small");
    len = 99;
    getenv_s(&len, buf, sizeof buf, "WRS_NOPE");
    /* WINE: Wine 8 returns EINVAL for a missing variable; Microsoft documents 0. */
    CHECK(len == 0, "getenv_s of a missing variable: length 0");
    wchar_t wb[16];
    CHECK(_wgetenv_s(&len, wb, 16, L"WRS_B") == 0 && len == 2 && wcscmp(wb, L"2") == 0, "_wgetenv_s");
#ifdef _UCRT
    char *d = NULL;
    CHECK(_dupenv_s(&d, &len, "WRS_C") == 0 && STREQ(d, "a=b") && len == 4, "_dupenv_s");
    free(d);
#endif
}

static volatile int last_sig, last_sub, hits;

static void __cdecl on_signal(int sig)
{
    last_sig = sig;
    hits++;
}

static void __cdecl on_fpe(int sig, int sub)
{
    last_sig = sig;
    last_sub = sub;
    hits++;
}

static void signals(void)
{
    CHECK(signal(SIGINT, on_signal) == SIG_DFL, "signal returns the previous handler (SIG_DFL)");
    CHECK(raise(SIGINT) == 0 && last_sig == SIGINT && hits == 1, "raise(SIGINT) ran the handler");
    /* The handler is reset to SIG_DFL before it runs. */
    CHECK(signal(SIGINT, SIG_IGN) == SIG_DFL, "the handler was reset to SIG_DFL");
    CHECK(raise(SIGINT) == 0 && hits == 1, "SIG_IGN ignores");
    CHECK(signal(SIGINT, SIG_DFL) == SIG_IGN, "SIG_IGN stays until changed");

    signal(SIGABRT, on_signal);
    CHECK(raise(SIGABRT) == 0 && last_sig == SIGABRT, "raise(SIGABRT)");
    signal(SIGSEGV, on_signal);
    CHECK(raise(SIGSEGV) == 0 && last_sig == SIGSEGV, "raise(SIGSEGV)");
    signal(SIGTERM, on_signal);
    CHECK(raise(SIGTERM) == 0 && last_sig == SIGTERM, "raise(SIGTERM)");
    signal(SIGFPE, (void (*)(int))on_fpe);
    CHECK(raise(SIGFPE) == 0 && last_sig == SIGFPE && last_sub == _FPE_EXPLICITGEN,
          "raise(SIGFPE) passes _FPE_EXPLICITGEN: %#x", last_sub);

    errno = 0;
    iph_calls = 0;
    void (*prev)(int) = signal(12345, on_signal);
    CHECK(prev == SIG_ERR, "signal of an unknown signal: %p errno %d", prev, errno);
    CHECK(raise(12345) != 0, "raise of an unknown signal");
}

int main(void)
{
    iph_install();
    environment();
    signals();
    return check_report();
}
