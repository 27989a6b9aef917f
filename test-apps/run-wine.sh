#!/usr/bin/env bash
# Runs every built test app under Wine (the reference oracle) and reports
# PASS/FAIL per app and CRT variant. Same checks as loader/tests/apps.rs:
#   hello       stdout and stderr equal expected/hello.{stdout,stderr}, exit 3
#   args        run with the arguments of args.list; exit 0, "N passed, 0 failed"
#   dllapp      exit 0, "N passed, 0 failed", and the very last stdout line is
#               "testdll: DLL_PROCESS_DETACH (process exit)"
#   others      exit 0 and the last stdout line is "N passed, 0 failed"
#
# Usage: test-apps/run-wine.sh [--build] [-v|--verbose] [APP...]
#   --build     run build.sh first
#   --verbose   show the output of every app, not only of failing ones
#   APP         only these apps (hello args printf tls dllapp reloc, and the C runtime
#               areas of crt/: string wstring ctype conv math time env locale stdio scanf
#               lowio process fdinherit, the processes of proc/: proc npipe procenv batch, the threads of
#               threads/: stress syncobj threadctl threadpool ctrlc, and the files of
#               files/: file-paths file-fileio file-dirs file-rename file-locks
#               file-mapping file-notify file-ntfile iocp nls sysmisc, and the Win32 DLLs of win32/:
#               oleaut timeconv advapi sysinfo)
#
# Environment: WINE (default wine, else wine64), WINEPREFIX (default /tmp/oracle; created
# on first use, ~20 s), OUT (default test-apps/build/wine-out: output files).
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD="$HERE/build"
if [ -z "${WINE:-}" ]; then
    WINE=wine
    command -v wine >/dev/null 2>&1 || ! command -v wine64 >/dev/null 2>&1 || WINE=wine64
fi
export WINEPREFIX="${WINEPREFIX:-/tmp/oracle}"
export WINEDEBUG=-all
# Wine decodes the Unix argv with the locale's charset: without a UTF-8 locale
# the non-ASCII arguments of args.list arrive mangled. C.UTF-8 always exists
# (Wine then uses ANSI code page 1252).
export LC_ALL=C.UTF-8
OUT="${OUT:-$BUILD/wine-out}"

ALL_APPS=(hello args printf tls peb dllapp reloc string wstring ctype conv math time env locale stdio scanf lowio process fdinherit proc npipe procenv batch stress syncobj threadctl threadpool ctrlc file-paths file-fileio file-dirs file-rename file-locks file-mapping file-notify file-ntfile iocp nls oleaut timeconv advapi sysinfo sysmisc)
DETACH_LINE="testdll: DLL_PROCESS_DETACH (process exit)"

build=0 verbose=0 apps=()
for arg in "$@"; do
    case "$arg" in
        --build) build=1 ;;
        -v|--verbose) verbose=1 ;;
        -h|--help) awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; exit 0 ;;
        -*) echo "run-wine.sh: unknown option '$arg'" >&2; exit 2 ;;
        *) apps+=("$arg") ;;
    esac
done
[ ${#apps[@]} -gt 0 ] || apps=("${ALL_APPS[@]}")

if [ "$build" = 1 ]; then
    "$HERE/build.sh" || exit 1
fi
command -v "$WINE" >/dev/null 2>&1 || { echo "run-wine.sh: '$WINE' not found" >&2; exit 1; }
[ -f "$BUILD/gen/args.nul" ] || { echo "run-wine.sh: nothing built; run test-apps/build.sh" >&2; exit 1; }

mapfile -d '' ARGS <"$BUILD/gen/args.nul"
mkdir -p "$OUT"
WINEDEBUG=-all wineserver -p60 >/dev/null 2>&1 || true # keep the server up between apps (exits 60 s after the last)

# last_line FILE: the last line of FILE, without CR/LF.
last_line() { tail -n 1 "$1" | tr -d '\r\n'; }
# result_line FILE: the last "N passed, N failed" line.
result_line() { grep -a -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1 | tr -d '\r\n'; }

pass=0 fail=0 failed=()
for variant in msvcrt ucrt; do
    for app in "${apps[@]}"; do
        exe="$BUILD/$variant/$app.exe"
        name="$variant/$app"
        if [ ! -f "$exe" ]; then
            echo "FAIL  $name: $exe not built"
            fail=$((fail + 1)); failed+=("$name"); continue
        fi
        stdout="$OUT/$variant-$app.stdout" stderr="$OUT/$variant-$app.stderr"
        app_args=()
        [ "$app" = args ] && app_args=("${ARGS[@]}")
        # Output to files, not pipes: wineserver helpers inherit stdout.
        (cd "$BUILD/$variant" && "$WINE" "$app.exe" "${app_args[@]}" >"$stdout" 2>"$stderr")
        rc=$?
        why=""
        case "$app" in
            hello)
                [ "$rc" = 3 ] || why="exit code $rc, expected 3"
                cmp -s "$stdout" "$HERE/expected/hello.stdout" || why="${why:+$why; }stdout differs from expected/hello.stdout"
                cmp -s "$stderr" "$HERE/expected/hello.stderr" || why="${why:+$why; }stderr differs from expected/hello.stderr"
                summary="exit 3, output as expected" ;;
            *)
                res="$(result_line "$stdout")"
                summary="$res"
                [ "$rc" = 0 ] || why="exit code $rc"
                [[ "$res" =~ ^[0-9]+\ passed,\ 0\ failed$ ]] || why="${why:+$why; }result line '${res:-<none>}'"
                if [ "$app" = dllapp ]; then
                    [ "$(last_line "$stdout")" = "$DETACH_LINE" ] \
                        || why="${why:+$why; }last line '$(last_line "$stdout")', expected '$DETACH_LINE'"
                else
                    [ "$(last_line "$stdout")" = "$res" ] || why="${why:+$why; }result is not the last line"
                fi ;;
        esac
        if [ -z "$why" ]; then
            echo "PASS  $name: $summary"
            pass=$((pass + 1))
        else
            echo "FAIL  $name: $why"
            fail=$((fail + 1)); failed+=("$name")
        fi
        if [ -n "$why" ] || [ "$verbose" = 1 ]; then
            sed 's/^/      | /' "$stdout"
            [ -s "$stderr" ] && sed 's/^/      ! /' "$stderr"
        fi
    done
done

echo "run-wine.sh: $pass passed, $fail failed${failed[*]:+ (${failed[*]})}"
[ "$fail" = 0 ]
