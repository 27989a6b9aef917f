/* procenv.c - the environment a Windows program sees, and command-line splitting:
 *  - the variables Windows sets for every process (SystemRoot, TEMP, USERPROFILE, PATH...);
 *  - Get/SetEnvironmentVariable with case-insensitive names, GetEnvironmentStrings;
 *  - ExpandEnvironmentStrings (A and W, buffer sizes);
 *  - CommandLineToArgvW on the cases where the shell's rules are tricky, or differ from the
 *    C runtime's (a quoted program name ends at the next quote; "" inside quotes ends them). */
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "check.h"

static char value[1024];

static const char *get(const char *name)
{
    DWORD n = GetEnvironmentVariableA(name, value, sizeof(value));
    return n && n < sizeof(value) ? value : NULL;
}

static int ends_with_i(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && !_stricmp(s + a - b, tail);
}

static void test_windows_variables(void)
{
    static const char *const names[] = {
        "SystemRoot", "windir", "TEMP", "TMP", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "ProgramData",
        "COMSPEC", "PATHEXT", "PATH", "COMPUTERNAME", "USERNAME", "NUMBER_OF_PROCESSORS", "OS",
        "PROCESSOR_ARCHITECTURE", "SystemDrive", "ALLUSERSPROFILE", "ProgramFiles", "PUBLIC",
    };
    char root[MAX_PATH], temp[MAX_PATH], profile[MAX_PATH];
    SYSTEM_INFO si;
    unsigned i;
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        CHECK(get(names[i]) && value[0], "%s is set", names[i]);
    CHECK(get("OS") && !strcmp(value, "Windows_NT"), "OS=%s", value);
    CHECK(get("PROCESSOR_ARCHITECTURE") && !strcmp(value, "AMD64"), "PROCESSOR_ARCHITECTURE=%s", value);
    CHECK(get("SystemRoot") && ends_with_i(value, "\\windows") && value[1] == ':', "SystemRoot=%s", value);
    strcpy(root, value);
    CHECK(get("windir") && !_stricmp(value, root), "windir=%s", value);
    CHECK(get("SystemDrive") && !_strnicmp(value, root, 2) && strlen(value) == 2, "SystemDrive=%s", value);
    CHECK(get("COMSPEC") && ends_with_i(value, "\\system32\\cmd.exe") && !_strnicmp(value, root, strlen(root)),
          "COMSPEC=%s", value);
    /* Windows: upper case (.COM;.EXE;...); Wine 8: lower case. */
    CHECK(get("PATHEXT") && (strstr(value, ".EXE") || strstr(value, ".exe")) && (strstr(value, ".BAT") ||
          strstr(value, ".bat")), "PATHEXT=%s", value);
    strcat(root, "\\system32");
    CHECK(get("PATH") && strstr(value, root) != NULL && !strchr(value, '/'),
          "PATH=%s holds %s and no Unix paths", value, root);
    GetSystemInfo(&si);
    CHECK(get("NUMBER_OF_PROCESSORS") && (DWORD)atoi(value) == si.dwNumberOfProcessors, "NUMBER_OF_PROCESSORS=%s",
          value);
    CHECK(get("USERPROFILE") && value[1] == ':' && strstr(value, "\\"), "USERPROFILE=%s", value);
    strcpy(profile, value);
    CHECK(get("APPDATA") && !_strnicmp(value, profile, strlen(profile)), "APPDATA=%s", value);
    CHECK(get("LOCALAPPDATA") && !_strnicmp(value, profile, strlen(profile)), "LOCALAPPDATA=%s", value);
    CHECK(get("TEMP") && value[1] == ':', "TEMP=%s", value);
    strcpy(temp, value);
    CHECK(get("TMP") && !_stricmp(value, temp), "TMP=%s", value);
    CHECK(get("COMPUTERNAME") && strlen(value) <= 15, "COMPUTERNAME=%s", value);
    for (i = 0; value[i]; i++)
        CHECK(!(value[i] >= 'a' && value[i] <= 'z'), "COMPUTERNAME is upper case: %s", value);
    CHECK(get("USERNAME") && !strchr(value, '\\'), "USERNAME=%s", value);
}

static void test_variables(void)
{
    WCHAR w[32], *block, *p;
    int found = 0;
    DWORD n;
    CHECK(SetEnvironmentVariableA("WineRsProcEnv", "v1"), "set");
    CHECK(get("WINERSPROCENV") && !strcmp(value, "v1"), "case-insensitive get: %s", value);
    CHECK(SetEnvironmentVariableA("WINERSPROCENV", "v2"), "set with another case");
    CHECK(get("wineRSprocenv") && !strcmp(value, "v2"), "one variable: %s", value);
    n = GetEnvironmentVariableW(L"WineRsProcEnv", w, 32);
    CHECK(n == 2 && !wcscmp(w, L"v2"), "W: %lu", n);
    n = GetEnvironmentVariableA("WineRsProcEnv", value, 2);
    CHECK(n == 3, "too small: the size needed with the NUL, %lu", n);
    block = GetEnvironmentStringsW();
    for (p = block; *p; p += wcslen(p) + 1)
        if (!_wcsnicmp(p, L"WineRsProcEnv=v2", 16))
            found++;
    FreeEnvironmentStringsW(block);
    CHECK(found == 1, "in the block once: %d", found);
    CHECK(SetEnvironmentVariableA("WineRsProcEnv", NULL), "delete");
    SetLastError(0);
    CHECK(!GetEnvironmentVariableA("WineRsProcEnv", value, sizeof(value)) &&
              GetLastError() == ERROR_ENVVAR_NOT_FOUND,
          "deleted: %lu", GetLastError());
    CHECK(!SetEnvironmentVariableA("A=B", "x") && GetLastError() == ERROR_INVALID_PARAMETER, "'=' in a name");
}

static void test_expand(void)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        { "plain", "plain" },
        { "%WINERS_E1%", "one" },
        { "a%winers_e1%b%WINERS_E2%c", "aonebtwoc" },
        { "%WINERS_NOPE%", "%WINERS_NOPE%" },
        { "%WINERS_NOPE%WINERS_E1%", "%WINERS_NOPE%WINERS_E1%" },
        { "100%", "100%" },
        { "%%", "%%" },
        { "%%WINERS_E1%", "%%WINERS_E1%" },
        { "%WINERS_E1", "%WINERS_E1" },
        { "[%WINERS_EMPTY%]", "[]" },
        { "", "" },
    };
    char out[256];
    WCHAR wout[64];
    unsigned i;
    DWORD n;
    SetEnvironmentVariableA("WINERS_E1", "one");
    SetEnvironmentVariableA("WINERS_E2", "two");
    SetEnvironmentVariableA("WINERS_EMPTY", "");
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        memset(out, 'X', sizeof(out));
        n = ExpandEnvironmentStringsA(cases[i].in, out, sizeof(out));
        CHECK(n == strlen(cases[i].out) + 1 && !strcmp(out, cases[i].out), "expand '%s': %lu '%s'", cases[i].in, n,
              out);
    }
    n = ExpandEnvironmentStringsW(L"x%WINERS_E1%y", wout, 64);
    CHECK(n == 6 && !wcscmp(wout, L"xoney"), "W: %lu", n);
    n = ExpandEnvironmentStringsW(L"x%WINERS_E1%y", NULL, 0);
    CHECK(n == 6, "size query: %lu", n);
    n = ExpandEnvironmentStringsW(L"%SystemRoot%\\system32", wout, 64);
    CHECK(n > 10 && !_wcsicmp(wout + n - 10, L"\\system32") && wout[1] == ':', "SystemRoot: %lu", n);
    SetEnvironmentVariableA("WINERS_E1", NULL);
    SetEnvironmentVariableA("WINERS_E2", NULL);
    SetEnvironmentVariableA("WINERS_EMPTY", NULL);
}

static void test_command_line_to_argv(void)
{
    static const struct {
        const WCHAR *line;
        int argc;
        const WCHAR *argv[5];
    } cases[] = {
        { L"prog", 1, { L"prog" } },
        { L"prog a b", 3, { L"prog", L"a", L"b" } },
        { L"\"C:\\a b\\prog.exe\" x", 2, { L"C:\\a b\\prog.exe", L"x" } },
        { L"\"C:\\a b\\prog.exe\"x y", 3, { L"C:\\a b\\prog.exe", L"x", L"y" } },
        { L"C:\\dir\\prog.exe \"x\"", 2, { L"C:\\dir\\prog.exe", L"x" } },
        { L"\"prog a\\\" b", 2, { L"prog a\\", L"b" } },
        { L"pro\"g a\" b", 2, { L"pro\"g", L"a b" } },
        { L"   lead x", 3, { L"", L"lead", L"x" } },
        { L"p a\\\\b \"c\\\\\" d", 4, { L"p", L"a\\\\b", L"c\\", L"d" } },
        { L"p a\\\"b a\\\\\\\"b", 3, { L"p", L"a\"b", L"a\\\"b" } },
        { L"p \"a\"\"b c\" d", 3, { L"p", L"a\"b", L"c d" } },
        { L"p \"a\"\"b\"", 2, { L"p", L"a\"b" } },
        { L"p \"\"\"a\"\"\" x", 3, { L"p", L"\"a\"", L"x" } },
        { L"p \"a\"\"\"b\" c", 3, { L"p", L"a\"b", L"c" } },
        { L"p \"\"\"\" e", 2, { L"p", L"\" e" } },
        { L"p \"\"\"\"\" e", 3, { L"p", L"\"", L"e" } },
        { L"p \"\"\"\"\"\" e", 3, { L"p", L"\"\"", L"e" } },
        { L"p \"\" \"\"", 3, { L"p", L"", L"" } },
        { L"p \"abc", 2, { L"p", L"abc" } },
        { L"p\t a\tb  ", 3, { L"p", L"a", L"b" } },
    };
    unsigned i;
    int j, argc;
    WCHAR **argv;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        argv = CommandLineToArgvW(cases[i].line, &argc);
        CHECK(argv != NULL, "case %u", i);
        if (!argv)
            continue;
        CHECK(argc == cases[i].argc, "case %u [%ls]: argc %d", i, cases[i].line, argc);
        for (j = 0; j < argc && j < cases[i].argc; j++)
            CHECK(!wcscmp(argv[j], cases[i].argv[j]), "case %u [%ls]: argv[%d] = [%ls]", i, cases[i].line, j,
                  argv[j]);
        CHECK(argv[argc] == NULL, "case %u: NULL-terminated", i);
        LocalFree(argv);
    }
    /* An empty line: the program's path. */
    argv = CommandLineToArgvW(L"", &argc);
    CHECK(argv && argc == 1 && wcslen(argv[0]) > 4 && !_wcsicmp(argv[0] + wcslen(argv[0]) - 4, L".exe"),
          "empty line: %d [%ls]", argc, argv ? argv[0] : L"");
    LocalFree(argv);
}

int main(void)
{
    test_windows_variables();
    test_variables();
    test_expand();
    test_command_line_to_argv();
    return check_report();
}
