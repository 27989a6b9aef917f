/* batch.c - batch files (.bat, .cmd) run by the command interpreter: through system(),
 * _popen, _spawnl and CreateProcess (which, as Windows does, runs a batch file in
 * "%COMSPEC% /c"). The batch files are written into a scratch directory; what they print is
 * read back through _popen or from a file they redirect to, and exit codes are checked.
 *
 * The program is its own child: "batch.exe child N" exits with code N (a program for the
 * batch files to run, to see ERRORLEVEL change).
 */
#include <direct.h>
#include <errno.h>
#include <process.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#include "check.h"

static char self[MAX_PATH];
static char dir[MAX_PATH];

/* Running under Wine (the oracle), for the places where Wine 8 differs from Windows. */
static int is_wine(void)
{
    return GetProcAddress(GetModuleHandleA("ntdll.dll"), "wine_get_version") != NULL;
}

static void write_file(const char *name, const char *text)
{
    FILE *f = fopen(name, "wb");
    if (!f) {
        CHECK(0, "cannot write %s", name);
        return;
    }
    fputs(text, f);
    fclose(f);
}

/* The whole output of `command` through _popen ("rt": CR LF becomes LF); its exit status. */
static int capture(const char *command, char *out, size_t size)
{
    FILE *p = _popen(command, "rt");
    size_t n = 0;
    out[0] = 0;
    if (!p) {
        CHECK(0, "_popen(%s) failed", command);
        return -1;
    }
    while (n + 1 < size) {
        size_t got = fread(out + n, 1, size - 1 - n, p);
        if (!got)
            break;
        n += got;
    }
    out[n] = 0;
    return _pclose(p);
}

static char *read_file(const char *name, char *out, size_t size)
{
    FILE *f = fopen(name, "rb");
    size_t n = 0;
    out[0] = 0;
    if (!f)
        return out;
    n = fread(out, 1, size - 1, f);
    out[n] = 0;
    fclose(f);
    return out;
}

/* exit /b sets the exit code of "cmd /c x.bat"; the extension may be left out (PATHEXT). */
static void test_exit_codes(void)
{
    write_file("seven.bat", "@echo off\r\nexit /b 7\r\n");
    write_file("last.cmd", "@echo off\r\ntype no-such-file 2>nul\r\n");
    write_file("quit.bat", "@echo off\r\ncall :sub\r\necho not reached\r\n:sub\r\nexit 12\r\n");
    CHECK(system("seven.bat") == 7, "system(seven.bat) = %d", system("seven.bat"));
    CHECK(system("seven") == 7, "system(seven), found through PATHEXT");
    CHECK(system("seven.bat & exit 3") == 3, "a batch file run without call from the command line returns");
    CHECK(system("last") == 1, "the last command's ERRORLEVEL is the exit code: %d", system("last"));
    CHECK(system("quit.bat") == 12, "exit (without /b) ends the interpreter from a called label");
    CHECK(system("no-such-batch") == 9009, "not found: 9009");
}

/* Arguments: %0, %1.., %~1, %*, shift, %~dp0 and friends. */
static void test_arguments(void)
{
    char out[4096], want[4096], cwd[MAX_PATH];
    write_file("args.bat",
               "@echo off\r\n"
               "echo [%0] [%1] [%~1] [%2] [%3] [%*]\r\n"
               "echo %~dp0\r\n"
               "echo %~nx0 %~n0 %~x0\r\n"
               "shift\r\n"
               "echo [%0] [%1] [%*]\r\n"
               "echo %~f1\r\n");
    /* (After shift, %~nx0 differs: Windows documents that %0 is then the shifted argument,
     * a path relative to the current directory; Wine 8 keeps the batch file's name.) */
    CHECK(capture("args.bat \"a b\" c,d", out, sizeof(out)) == 0, "args.bat ran");
    _getcwd(cwd, sizeof(cwd));
    snprintf(want, sizeof(want),
             "[args.bat] [\"a b\"] [a b] [c] [d] [\"a b\" c,d]\n"
             "%s\\\n"
             "args.bat args .bat\n"
             "[\"a b\"] [c] [\"a b\" c,d]\n"
             "%s\\c\n",
             cwd, cwd);
    CHECK(!strcmp(out, want), "arguments: got\n%s\nexpected\n%s", out, want);
}

/* Control flow: goto, call :label, call other.bat, if/else with blocks, errorlevel. */
static void test_flow(void)
{
    char out[4096], want[4096], line[MAX_PATH + 64];
    write_file("flow.bat",
               "@echo off\r\n"
               "rem a comment & echo not shown\r\n"
               ":: another comment\r\n"
               "goto start\r\n"
               "echo skipped\r\n"
               ":start\r\n"
               "call :sub one \"two 2\"\r\n"
               "echo sub returned %ERRORLEVEL%\r\n"
               "call other.bat x\r\n"
               "echo other returned %errorlevel%\r\n"
               "if errorlevel 4 (\r\n"
               "  echo ge4\r\n"
               ") else (\r\n"
               "  echo lt4\r\n"
               ")\r\n"
               "if not errorlevel 5 echo not ge5\r\n"
               "if \"%~1\"==\"\" (echo no args) else echo args\r\n"
               "if /i AbC==aBc echo nocase\r\n"
               "if AbC==aBc (echo case) else (echo case matters)\r\n"
               "if 10 GTR 9 echo numbers\r\n"
               "if exist flow.bat echo exists\r\n"
               "if not exist no-such-file echo missing\r\n"
               "if defined PATH echo defined\r\n"
               "\"%BATCH_SELF%\" child 6\r\n"
               "echo program gave %ERRORLEVEL%\r\n"
               "goto :eof\r\n"
               "echo never\r\n"
               ":sub\r\n"
               "echo sub [%0] [%1] [%~2]\r\n"
               "exit /b 3\r\n");
    write_file("other.bat", "echo other %1\r\nexit /b 4\r\n");
    snprintf(line, sizeof(line), "BATCH_SELF=%s", self);
    _putenv(line);
    CHECK(capture("flow.bat", out, sizeof(out)) == 6, "flow.bat's exit code is the program's");
    /* WINE: after "call other.bat" whose last line is "exit /b 4", Wine 8 has ERRORLEVEL 1;
     * Windows documents that exit /b sets ERRORLEVEL to its code, in a called batch file too. */
    snprintf(want, sizeof(want),
             "sub [:sub] [one] [two 2]\n"
             "sub returned 3\n"
             "other x\n"
             "%s"
             "not ge5\n"
             "no args\n"
             "nocase\n"
             "case matters\n"
             "numbers\n"
             "exists\n"
             "missing\n"
             "defined\n"
             "program gave 6\n",
             is_wine() ? "other returned 1\nlt4\n" : "other returned 4\nge4\n");
    CHECK(!strcmp(out, want), "flow: got\n%s\nexpected\n%s", out, want);
}

/* Variables: %% in a batch file, expansion of a block when it is read, setlocal/endlocal,
 * set /a, substrings. */
static void test_variables(void)
{
    char out[4096];
    write_file("vars.bat",
               "@echo off\r\n"
               "set BV=1\r\n"
               "setlocal\r\n"
               "set BV=2\r\n"
               "(\r\n"
               "  set BV=3\r\n"
               "  echo in block %BV%\r\n"
               ")\r\n"
               "echo after block %BV%\r\n"
               "endlocal\r\n"
               "echo after endlocal %BV%\r\n"
               "set /a BN=(2+3)*4, BM=BN %% 7\r\n"
               "echo %BN% %BM% 100%%\r\n"
               "set BS=Hello World\r\n"
               "echo %BS:~0,5%-%BS:~-5%-%BS:o=0%\r\n"
               "echo [%UNDEFINED_BATCH_VAR%]\r\n");
    CHECK(capture("vars.bat", out, sizeof(out)) == 0, "vars.bat ran");
    CHECK(!strcmp(out,
                  "in block 2\n"
                  "after block 3\n"
                  "after endlocal 1\n"
                  "20 6 100%\n"
                  "Hello-World-Hell0 W0rld\n"
                  "[]\n"),
          "variables: got\n%s", out);
}

/* for loops (sets, wildcards, /l, /f over strings, files and a program's output) and delayed
 * expansion. */
static void test_for(void)
{
    char out[4096], want[4096];
    write_file("data.txt", "header line\r\na b c d\r\n; comment\r\n1 2 3\r\n");
    write_file("one.dat", "x");
    /* (Not "for.bat": cmd.exe could read it as the "for" command.) */
    write_file("loops.bat",
               "@echo off\r\n"
               "setlocal enabledelayedexpansion\r\n"
               "set n=0\r\n"
               "for %%i in (a \"b c\" d) do (\r\n"
               "  set /a n+=1\r\n"
               "  echo !n! %n% %%i %%~i\r\n"
               ")\r\n"
               "for /l %%k in (1,2,5) do echo k%%k\r\n"
               "for /f \"tokens=1,2 delims=,\" %%a in (\"x,y,z\") do echo %%b-%%a\r\n"
               "for /f \"skip=1 tokens=2*\" %%a in (data.txt) do echo [%%a][%%b]\r\n"
               "for /f \"skip=3 delims=\" %%l in ('type data.txt') do echo got %%l\r\n"
               "for /f \"delims=\" %%l in ('\"%BATCH_SELF%\" print') do echo got %%l\r\n"
               "for %%f in (*.dat) do echo file %%~nf %%~xf\r\n"
               "endlocal\r\n"
               "echo n=%n%\r\n");
    CHECK(capture("loops.bat", out, sizeof(out)) == 0, "loops.bat ran");
    /* WINE: Wine 8 does not skip the line starting with ";" (eol=; is the documented
     * default: Windows skips it). */
    snprintf(want, sizeof(want),
             "1 0 a a\n"
             "2 0 \"b c\" b c\n"
             "3 0 d d\n"
             "k1\n"
             "k3\n"
             "k5\n"
             "y-x\n"
             "[b][c d]\n"
             "%s"
             "[2][3]\n"
             "got 1 2 3\n"
             "got child says hi\n"
             "file one .dat\n"
             "n=\n",
             is_wine() ? "[comment][]\n" : "");
    CHECK(!strcmp(out, want), "for: got\n%s\nexpected\n%s", out, want);
}

/* echo on (the default): each line is shown after an empty line and the prompt. */
static void test_echo(void)
{
    char out[4096], want[MAX_PATH * 2], want_wine[MAX_PATH * 2], cwd[MAX_PATH];
    /* (Not "echo.bat": cmd.exe reads "echo.bat" as "echo." and prints "bat".) */
    write_file("echoon.bat", "echo hi\r\n@echo quiet\r\n@echo off\r\necho shown\r\n");
    CHECK(capture("echoon.bat", out, sizeof(out)) == 0, "echoon.bat ran");
    _getcwd(cwd, sizeof(cwd));
    snprintf(want, sizeof(want), "\n%s>echo hi\nhi\nquiet\nshown\n", cwd);
    /* WINE: Wine 8 shows the line with a space after it ("echo hi "); Windows shows the
     * command it parsed ("echo hi"). */
    snprintf(want_wine, sizeof(want_wine), "\n%s>echo hi \nhi\nquiet\nshown\n", cwd);
    CHECK(!strcmp(out, want) || !strcmp(out, want_wine), "echo on: got\n%s", out);
}

/* The output of a whole block, or of a called batch file, redirected to a file. */
static void test_redirection(void)
{
    char buf[1024];
    write_file("redir.bat",
               "@echo off\r\n"
               "(\r\n"
               "  echo one\r\n"
               "  echo two\r\n"
               ") > block.txt\r\n"
               "call other.bat y > call.txt\r\n");
    /* WINE: Wine 8 has ERRORLEVEL 1 after a called batch file's "exit /b 4" (see test_flow),
     * and does not redirect a block whose "(" is alone on its line (the lines go to the
     * console); Windows redirects the whole block, as it documents for any command. */
    CHECK(system("redir.bat") == (is_wine() ? 1 : 4), "redir.bat: other.bat's exit /b 4");
    CHECK(!strcmp(read_file("block.txt", buf, sizeof(buf)), "one\r\ntwo\r\n") || is_wine(), "block output: %s", buf);
    CHECK(!strcmp(read_file("call.txt", buf, sizeof(buf)), "other y\r\n"), "call output: %s", buf);
}

/* Programs starting batch files: _spawnl and CreateProcess run them in cmd.exe. */
static void test_spawn_and_createprocess(void)
{
    char cmdline[256], full[MAX_PATH], buf[1024];
    STARTUPINFOA si = {sizeof(si)};
    PROCESS_INFORMATION pi;
    SECURITY_ATTRIBUTES sa = {sizeof(sa), NULL, TRUE};
    DWORD code = 0;
    HANDLE out;
    intptr_t r;

    r = _spawnl(_P_WAIT, "seven.bat", "seven.bat", NULL);
    CHECK(r == 7, "_spawnl(seven.bat) = %d (errno %d)", (int)r, errno);
    r = _spawnl(_P_WAIT, "args.bat", "args.bat", "x", NULL);
    CHECK(r == 0, "_spawnl(args.bat x) = %d", (int)r);

    /* CreateProcess with the batch file as the command line's program. */
    strcpy(cmdline, "seven.bat");
    CHECK(CreateProcessA(NULL, cmdline, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi), "CreateProcess(seven.bat): %lu",
          GetLastError());
    WaitForSingleObject(pi.hProcess, 20000);
    GetExitCodeProcess(pi.hProcess, &code);
    CHECK(code == 7, "CreateProcess(seven.bat) exit code %lu", code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);

    /* ... as the application name, with arguments and redirected output. */
    GetFullPathNameA("other.bat", sizeof(full), full, NULL);
    strcpy(cmdline, "other.bat \"q r\"");
    out = CreateFileA("cp.txt", GENERIC_WRITE, FILE_SHARE_READ, &sa, CREATE_ALWAYS, 0, NULL);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = out;
    si.hStdError = out;
    CHECK(CreateProcessA(full, cmdline, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi), "CreateProcess(app other.bat): %lu",
          GetLastError());
    CloseHandle(out);
    WaitForSingleObject(pi.hProcess, 20000);
    GetExitCodeProcess(pi.hProcess, &code);
    CHECK(code == 4, "CreateProcess(other.bat) exit code %lu", code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    /* echo is on: the line is shown before it runs. */
    read_file("cp.txt", buf, sizeof(buf));
    CHECK(strstr(buf, ">echo other \"q r\"") && strstr(buf, "\r\nother \"q r\"\r\n"), "CreateProcess output: %s", buf);

    /* A batch file that is not there: ERROR_FILE_NOT_FOUND, as for any program. */
    strcpy(cmdline, "no-such-batch.bat");
    si.dwFlags = 0;
    CHECK(!CreateProcessA(NULL, cmdline, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)
              && GetLastError() == ERROR_FILE_NOT_FOUND,
          "CreateProcess(missing .bat): %lu", GetLastError());
}

static void cleanup(void)
{
    static const char *const files[] = {"seven.bat", "last.cmd", "quit.bat", "args.bat", "flow.bat", "other.bat",
                                        "vars.bat", "echoon.bat", "redir.bat", "block.txt", "call.txt", "cp.txt", "data.txt", "one.dat", "loops.bat"};
    unsigned i;
    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
        remove(files[i]);
}

int main(int argc, char **argv)
{
    if (argc >= 3 && !strcmp(argv[1], "child"))
        return atoi(argv[2]);
    if (argc >= 2 && !strcmp(argv[1], "print")) {
        printf("child says hi\n");
        return 0;
    }
    GetModuleFileNameA(NULL, self, sizeof(self));
    /* A scratch directory of our own, beside the program. */
    GetTempPathA(sizeof(dir), dir);
    snprintf(dir + strlen(dir), sizeof(dir) - strlen(dir), "wine-rs-batch-%lu", GetCurrentProcessId());
    _mkdir(dir);
    CHECK(!_chdir(dir), "chdir %s", dir);

    test_exit_codes();
    test_arguments();
    test_flow();
    test_variables();
    test_for();
    test_echo();
    test_redirection();
    test_spawn_and_createprocess();

    cleanup();
    _chdir("..");
    _rmdir(dir);
    return check_report();
}
