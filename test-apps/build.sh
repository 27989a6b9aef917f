#!/usr/bin/env bash
# Builds the wine-rs test apps, twice: against msvcrt.dll and against the UCRT.
#
#   test-apps/build/msvcrt/*.exe|*.dll   default mingw-w64 runtime (msvcrt.dll)
#   test-apps/build/ucrt/*.exe|*.dll     UCRT (api-ms-win-crt-*.dll / ucrtbase)
#   test-apps/build/gen/                 generated files (args_list.h, args.nul)
#
# Usage: test-apps/build.sh [--install] [--force] [--clean] [--verbose]
#   --install   if x86_64-w64-mingw32-gcc is missing, apt-get install it
#   --force     rebuild everything
#   --clean     delete test-apps/build and exit
#   --verbose   print the compiler command lines
#
# Idempotent: a target is rebuilt only when one of its inputs (sources,
# headers, this script) is newer. Environment: MINGW_CC (default
# x86_64-w64-mingw32-gcc), MINGW_CXX (default x86_64-w64-mingw32-g++; the C++ apps
# are skipped without it), MINGW_OBJDUMP (default x86_64-w64-mingw32-objdump),
# MINGW_DLLTOOL (default x86_64-w64-mingw32-dlltool). The MSVC-ABI apps (test-apps/msvc/)
# need clang, lld-link and llvm-dlltool (apt-get install clang lld llvm; skipped without).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD="$HERE/build"
GEN="$BUILD/gen"
SELF="$HERE/build.sh"
CC="${MINGW_CC:-x86_64-w64-mingw32-gcc}"
CXX="${MINGW_CXX:-x86_64-w64-mingw32-g++}"
OBJDUMP="${MINGW_OBJDUMP:-x86_64-w64-mingw32-objdump}"
DLLTOOL="${MINGW_DLLTOOL:-x86_64-w64-mingw32-dlltool}"
MINGW_PKG=gcc-mingw-w64-x86-64

install=0 force=0 verbose=0
for arg in "$@"; do
    case "$arg" in
        --install) install=1 ;;
        --force|-f) force=1 ;;
        --verbose|-v) verbose=1 ;;
        --clean) rm -rf "$BUILD"; echo "build.sh: removed $BUILD"; exit 0 ;;
        -h|--help) awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; exit 0 ;;
        *) echo "build.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
    esac
done

die() { echo "build.sh: error: $*" >&2; exit 1; }

# ---- toolchain ---------------------------------------------------------------
if ! command -v "$CC" >/dev/null 2>&1; then
    if [ "$install" = 1 ]; then
        echo "build.sh: $CC not found, installing $MINGW_PKG"
        SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
        $SUDO apt-get install -y "$MINGW_PKG" || die "apt-get install -y $MINGW_PKG failed"
        command -v "$CC" >/dev/null 2>&1 || die "$CC still not found after installing $MINGW_PKG"
    else
        die "$CC not found. Install the mingw-w64 cross compiler, e.g.
    sudo apt-get install $MINGW_PKG
or run: $SELF --install"
    fi
fi
command -v "$OBJDUMP" >/dev/null 2>&1 || die "$OBJDUMP not found (it comes with binutils-mingw-w64-x86-64)"
command -v "$DLLTOOL" >/dev/null 2>&1 || die "$DLLTOOL not found (it comes with binutils-mingw-w64-x86-64)"

# ---- flags -------------------------------------------------------------------
# -D__USE_MINGW_ANSI_STDIO=0: use the CRT's printf family, not mingw's own.
COMMON_CFLAGS=(-O2 -Wall -Wno-format -I"$HERE/include" -I"$GEN" -D__USE_MINGW_ANSI_STDIO=0)
# gcc 12 has no -mcrtdll: select the UCRT by hand.
UCRT_CFLAGS=(-D_UCRT -D__MSVCRT_VERSION__=0xE00)
# (a group: libgcc_eh's emutls needs libmingw32 again, as in gcc's own
# "%G %L %G" link sequence.)
UCRT_LIBS=(-nodefaultlibs -Wl,--start-group -lmingw32 -lgcc -lgcc_eh -lmoldname -lmingwex -lucrt -lkernel32
           -Wl,--end-group)
RELOC_BASE=0x10000000

# ---- helpers -----------------------------------------------------------------
# up_to_date TARGET DEPS... : true if TARGET exists and is newer than all DEPS.
up_to_date() {
    local target="$1"; shift
    [ "$force" = 0 ] || return 1
    [ -e "$target" ] || return 1
    local dep
    for dep in "$@" "$SELF"; do
        [ "$dep" -nt "$target" ] && return 1
    done
    return 0
}

run() {
    [ "$verbose" = 1 ] && echo "  $*"
    "$@"
}

built=0 skipped=0

# link VARIANT OUTPUT DEPS... -- GCC-ARGUMENTS...
# Compiles and links in one step into build/VARIANT/OUTPUT, unless it is newer
# than all DEPS.
link() {
    local variant="$1" out="$2"; shift 2
    local deps=()
    while [ "$1" != "--" ]; do deps+=("$1"); shift; done
    shift
    local dir="$BUILD/$variant"
    local target="$dir/$out"
    if up_to_date "$target" "${deps[@]}"; then
        skipped=$((skipped + 1))
        return
    fi
    local vflags=() vlibs=()
    if [ "$variant" = ucrt ]; then
        vflags=("${UCRT_CFLAGS[@]}")
        vlibs=("${UCRT_LIBS[@]}")
    fi
    echo "  CC  $variant/$out"
    # Link under the final file name (ld records a DLL's file name as its
    # export name), in a scratch directory so that a failed build leaves no
    # half-written target behind.
    local tmp="$dir/.tmp"
    mkdir -p "$tmp"
    rm -f "$tmp/$out"
    run "$CC" "${COMMON_CFLAGS[@]}" "${vflags[@]}" "$@" -o "$tmp/$out" -L"$dir/lib" "${vlibs[@]}" \
        || die "building $variant/$out failed"
    mv -f "$tmp/$out" "$target"
    built=$((built + 1))
}

# implib VARIANT DEF LIBNAME : an import library build/VARIANT/lib/LIBNAME made
# by dlltool from the .def file DEF (LIBRARY names the DLL), unless up to date.
implib() {
    local variant="$1" def="$2" out="$3"
    local dir="$BUILD/$variant"
    local target="$dir/lib/$out"
    if up_to_date "$target" "$def"; then
        skipped=$((skipped + 1))
        return
    fi
    echo "  LIB $variant/lib/$out"
    # dlltool writes its temporary files into the current directory.
    local tmp="$dir/.tmp"
    mkdir -p "$tmp"
    rm -f "$tmp/$out"
    (cd "$tmp" && run "$DLLTOOL" -d "$def" -l "$tmp/$out") || die "building $variant/lib/$out failed"
    mv -f "$tmp/$out" "$target"
    built=$((built + 1))
}

# imports FILE : the DLL names FILE imports, lower-case, one per line.
imports() {
    "$OBJDUMP" -p "$1" | sed -n 's/^[[:space:]]*DLL Name: //p' | tr 'A-Z' 'a-z'
}

# verify VARIANT FILE : the file imports the right C runtime and nothing odd.
verify() {
    local variant="$1" file="$2" imp
    imp="$(imports "$file")"
    case "$variant" in
        msvcrt)
            grep -qx 'msvcrt.dll' <<<"$imp" || die "$file does not import msvcrt.dll"
            if grep -q '^api-ms-win-crt-\|^ucrtbase' <<<"$imp"; then die "$file (msvcrt) imports the UCRT"; fi ;;
        ucrt)
            grep -q '^api-ms-win-crt-\|^ucrtbase' <<<"$imp" || die "$file does not import the UCRT"
            if grep -qx 'msvcrt.dll' <<<"$imp"; then die "$file (ucrt) imports msvcrt.dll"; fi ;;
    esac
    if grep -q 'libgcc\|libwinpthread\|libstdc' <<<"$imp"; then
        die "$file depends on a mingw runtime DLL: $(tr '\n' ' ' <<<"$imp")"
    fi
}

# msvc_link VARIANT OUTPUT SOURCE DEFS... : an MSVC-ABI program (C++ exceptions through
# _CxxThrowException and __CxxFrameHandler3) compiled by clang for x86_64-pc-windows-msvc and
# linked by lld-link, without a CRT, against import libraries made from test-apps/msvc/*.def:
# msvcrt.dll for the msvcrt variant, vcruntime140.dll and the UCRT for the ucrt variant.
MSVC_TOOLS=0
if command -v clang >/dev/null 2>&1 && command -v lld-link >/dev/null 2>&1 \
    && command -v llvm-dlltool >/dev/null 2>&1; then
    MSVC_TOOLS=1
fi
msvc_link() {
    local variant="$1" out="$2" src="$3"; shift 3
    local dir="$BUILD/$variant" target="$BUILD/$variant/$out" libs=() def
    for def in "$@"; do libs+=("$dir/msvc/$(basename "$def" .def).lib"); done
    if up_to_date "$target" "$src" "$@"; then
        skipped=$((skipped + 1))
        return
    fi
    echo "  CLANG $variant/$out"
    mkdir -p "$dir/msvc"
    for def in "$@"; do
        run llvm-dlltool -m i386:x86-64 -d "$def" -l "$dir/msvc/$(basename "$def" .def).lib" \
            || die "llvm-dlltool $def failed"
    done
    local flags=(--target=x86_64-pc-windows-msvc -fexceptions -fcxx-exceptions -O1)
    [ "$variant" = msvcrt ] && flags+=(-DEH_MSVCRT)
    run clang "${flags[@]}" -c "$src" -o "$dir/msvc/${out%.exe}.obj" || die "clang $src failed"
    run lld-link /nologo /nodefaultlib /entry:start /subsystem:console /out:"$dir/msvc/$out" \
        "$dir/msvc/${out%.exe}.obj" "${libs[@]}" || die "lld-link $out failed"
    mv -f "$dir/msvc/$out" "$target"
    built=$((built + 1))
}
if [ "$MSVC_TOOLS" = 0 ]; then
    echo "build.sh: SKIPPING the MSVC-ABI apps (test-apps/msvc/): clang, lld-link or llvm-dlltool not found (apt-get install clang lld llvm)"
fi

# ---- generated: the argument list for args.exe -------------------------------
# args.list -> build/gen/args_list.h (C string literals, UTF-8 bytes as \x
# escapes) and build/gen/args.nul (the arguments, NUL-terminated, for
# run-wine.sh and loader/tests/apps.rs).
gen_args() {
    local list="$HERE/args.list" hdr="$GEN/args_list.h" nul="$GEN/args.nul"
    if up_to_date "$hdr" "$list" && up_to_date "$nul" "$list"; then
        return
    fi
    echo "  GEN args_list.h, args.nul"
    local LC_ALL=C line arg i c n=0 lineno=0
    : >"$nul.tmp"
    {
        echo "/* Generated by build.sh from args.list -- do not edit. */"
        echo "static const char *const expected_args_utf8[] = {"
        while IFS= read -r line || [ -n "$line" ]; do
            lineno=$((lineno + 1))
            line="${line%$'\r'}"
            case "$line" in ''|'#'*) continue ;; esac
            if [ "$line" = '\e' ]; then
                arg=""
            else
                arg=""
                for ((i = 0; i < ${#line}; i++)); do
                    c="${line:i:1}"
                    if [ "$c" = '\' ]; then
                        i=$((i + 1))
                        case "${line:i:1}" in
                            '\') arg+='\' ;;
                            t) arg+=$'\t' ;;
                            s) arg+=' ' ;;
                            '#') arg+='#' ;;
                            *) die "args.list:$lineno: bad escape '\\${line:i:1}'" ;;
                        esac
                    else
                        arg+="$c"
                    fi
                done
            fi
            printf '%s\0' "$arg" >>"$nul.tmp"
            printf '    "'
            if [ -n "$arg" ]; then
                printf '%s' "$arg" | od -An -tx1 -v | tr -s ' \n' ' ' | sed 's/^ //; s/ $//; s/ /\\x/g; s/^/\\x/' | tr -d '\n'
            fi
            printf '", /* args.list:%d */\n' "$lineno"
            n=$((n + 1))
        done <"$list"
        echo "};"
    } >"$hdr.tmp" || exit 1
    [ "$n" -gt 0 ] || die "args.list has no arguments"
    mv -f "$hdr.tmp" "$hdr"
    mv -f "$nul.tmp" "$nul"
}

# ---- main --------------------------------------------------------------------
mkdir -p "$GEN"
# One build at a time (cargo runs tests in parallel, run-wine.sh --build...).
if command -v flock >/dev/null 2>&1; then
    exec 9>"$BUILD/.lock"
    flock 9
fi
gen_args

H="$HERE/include/check.h"
for variant in msvcrt ucrt; do
    dir="$BUILD/$variant"
    mkdir -p "$dir/lib"

    link "$variant" hello.exe  "$HERE/hello.c" "$H" -- "$HERE/hello.c"
    link "$variant" args.exe   "$HERE/args.c" "$H" "$GEN/args_list.h" -- "$HERE/args.c"
    # -fno-builtin: no compile-time folding of sprintf & co.
    link "$variant" printf.exe "$HERE/printf.c" "$H" -- -fno-builtin "$HERE/printf.c"
    link "$variant" tls.exe    "$HERE/tls.c" "$H" -- "$HERE/tls.c"
    link "$variant" peb.exe    "$HERE/peb.c" "$H" -- "$HERE/peb.c"

    # processes, pipes and the environment (test-apps/proc/); each exe is its own child
    link "$variant" proc.exe    "$HERE/proc/proc.c" "$H" -- "$HERE/proc/proc.c"
    link "$variant" npipe.exe   "$HERE/proc/npipe.c" "$H" -- "$HERE/proc/npipe.c"
    link "$variant" procenv.exe "$HERE/proc/procenv.c" "$H" -- "$HERE/proc/procenv.c" -lshell32
    link "$variant" batch.exe   "$HERE/proc/batch.c" "$H" -- "$HERE/proc/batch.c"

    # threads and synchronization (test-apps/threads/); WaitOnAddress is in libsynchronization
    link "$variant" stress.exe     "$HERE/threads/stress.c" "$H" -- "$HERE/threads/stress.c"
    link "$variant" syncobj.exe    "$HERE/threads/syncobj.c" "$H" -- "$HERE/threads/syncobj.c" -lsynchronization
    link "$variant" threadctl.exe  "$HERE/threads/threadctl.c" "$H" -- "$HERE/threads/threadctl.c"
    link "$variant" threadpool.exe "$HERE/threads/threadpool.c" "$H" -- "$HERE/threads/threadpool.c"
    link "$variant" ctrlc.exe      "$HERE/threads/ctrlc.c" "$H" -- "$HERE/threads/ctrlc.c"

    link "$variant" seh.exe "$HERE/seh/seh.c" "$H" -- "$HERE/seh/seh.c"
    # C++ exceptions through libgcc's SEH unwinder, when the mingw-w64 g++ is installed
    # (g++-mingw-w64-x86-64); libstdc++ and libgcc are linked statically.
    if command -v "$CXX" >/dev/null 2>&1; then
        CC="$CXX" link "$variant" cxx.exe "$HERE/seh/cxx.cpp" "$H" -- "$HERE/seh/cxx.cpp" \
            -static-libgcc -static-libstdc++ -Wl,--start-group -l:libstdc++.a -Wl,--end-group
    fi
    # I/O completion ports, system facts, national language support (test-apps/iocp/, sysinfo/, nls/)
    link "$variant" iocp.exe    "$HERE/iocp/iocp.c" "$H" -- "$HERE/iocp/iocp.c"
    link "$variant" nls.exe     "$HERE/nls/nls.c" "$H" -- "$HERE/nls/nls.c"
    link "$variant" sysmisc.exe "$HERE/sysinfo/sysmisc.c" "$H" -- "$HERE/sysinfo/sysmisc.c"

    # the C runtime by area (test-apps/crt/); -fno-builtin: gcc folds nothing
    for app in string wstring ctype conv math time env locale; do
        link "$variant" "$app.exe" "$HERE/crt/$app.c" "$H" "$HERE/crt/crt.h" -- -fno-builtin "$HERE/crt/$app.c"
    done
    # stdio streams, the scanf families, low-level I/O and file names (test-apps/crt/)
    for app in stdio scanf lowio; do
        link "$variant" "$app.exe" "$HERE/crt/$app.c" "$H" "$HERE/crt/crt.h" -- -fno-builtin "$HERE/crt/$app.c"
    done
    # processes: system, _spawn, _popen, signals, exit handlers, threads (test-apps/crt/process.c)
    link "$variant" process.exe "$HERE/crt/process.c" "$H" "$HERE/crt/crt.h" -- -fno-builtin "$HERE/crt/process.c"
    # the fd table crossing _spawn and CreateProcess in lpReserved2 (test-apps/crt/fdinherit.c)
    link "$variant" fdinherit.exe "$HERE/crt/fdinherit.c" "$H" "$HERE/crt/crt.h" -- -fno-builtin "$HERE/crt/fdinherit.c"

    # files, paths and the prefix (test-apps/files/); names get a file- prefix
    for app in paths fileio dirs rename locks mapping notify ntfile; do
        link "$variant" "file-$app.exe" "$HERE/files/$app.c" "$H" "$HERE/files/filetest.h" -- "$HERE/files/$app.c" -lntdll
    done

    # Win32 DLLs beyond kernel32 (test-apps/win32/): oleaut32, user32, advapi32, kernel32 odds
    implib "$variant" "$HERE/win32/oleaut-ord.def" liboleautord.a
    link "$variant" oleaut.exe   "$HERE/win32/oleaut.c" "$H" "$HERE/win32/wine.h" "$dir/lib/liboleautord.a" -- \
        "$HERE/win32/oleaut.c" -loleautord -loleaut32 -luser32
    link "$variant" timeconv.exe "$HERE/win32/timeconv.c" "$H" "$HERE/win32/wine.h" -- "$HERE/win32/timeconv.c"
    link "$variant" advapi.exe   "$HERE/win32/advapi.c" "$H" "$HERE/win32/wine.h" -- "$HERE/win32/advapi.c" -ladvapi32
    link "$variant" sysinfo.exe  "$HERE/win32/sysinfo.c" "$H" "$HERE/win32/wine.h" -- "$HERE/win32/sysinfo.c"

    # DLLs: testdll (static import of dllapp), testdll2 (LoadLibraryW'd)
    link "$variant" testdll.dll "$HERE/testdll.c" "$HERE/testdll.def" -- \
        -shared "$HERE/testdll.c" "$HERE/testdll.def" -Wl,--out-implib,"$dir/lib/libtestdll.a"
    link "$variant" testdll2.dll "$HERE/testdll2.c" "$dir/testdll.dll" -- \
        -shared "$HERE/testdll2.c" -ltestdll
    link "$variant" dllapp.exe "$HERE/dllapp.c" "$H" "$dir/testdll.dll" -- "$HERE/dllapp.c" -ltestdll

    # relocation: two DLLs wanting the same base
    link "$variant" relocdll.dll "$HERE/relocdll.c" -- \
        -shared -DPFX=r1 -DPFX_ID=1 "$HERE/relocdll.c" \
        -Wl,--image-base,$RELOC_BASE -Wl,--dynamicbase -Wl,--out-implib,"$dir/lib/librelocdll.a"
    link "$variant" reloc2dll.dll "$HERE/relocdll.c" -- \
        -shared -DPFX=r2 -DPFX_ID=2 "$HERE/relocdll.c" \
        -Wl,--image-base,$RELOC_BASE -Wl,--dynamicbase -Wl,--out-implib,"$dir/lib/libreloc2dll.a"
    link "$variant" reloc.exe "$HERE/reloc.c" "$H" "$dir/relocdll.dll" "$dir/reloc2dll.dll" -- \
        -DRELOC_BASE=${RELOC_BASE}ULL "$HERE/reloc.c" -lrelocdll -lreloc2dll

    # deliberate crashes, for wine-rs's crash report (loader/tests/crash.rs; not run
    # under Wine, whose crash output differs: see crash.c)
    link "$variant" crash.exe  "$HERE/crash.c" -- "$HERE/crash.c"

    # unimplemented imports: a missing KERNEL32 export and a missing DLL (not
    # run under Wine, which refuses to start it: see stubcall.c)
    implib "$variant" "$HERE/stubcall-k32.def" libstubcallk32.a
    implib "$variant" "$HERE/stubcall-nosuch.def" libnosuchdll.a
    link "$variant" stubcall.exe "$HERE/stubcall.c" "$H" "$dir/lib/libstubcallk32.a" "$dir/lib/libnosuchdll.a" -- \
        "$HERE/stubcall.c" -lstubcallk32 -lnosuchdll

    if [ "$MSVC_TOOLS" = 1 ]; then
        M="$HERE/msvc"
        if [ "$variant" = msvcrt ]; then
            msvc_link "$variant" msvc-eh.exe "$M/eh.cpp" "$M/kernel32.def" "$M/msvcrt.def"
        else
            msvc_link "$variant" msvc-eh.exe "$M/eh.cpp" "$M/kernel32.def" "$M/vcruntime140.def" \
                "$M/ucrt.def" "$M/ucrt-runtime.def"
        fi
    fi

    for f in "$dir"/*.exe "$dir"/*.dll; do
        verify "$variant" "$f"
    done
    for f in relocdll.dll reloc2dll.dll; do
        "$OBJDUMP" -h "$dir/$f" | grep -q ' \.reloc ' || die "$variant/$f has no .reloc section"
    done
done

rmdir "$BUILD"/*/.tmp 2>/dev/null || true
echo "build.sh: $built built, $skipped up to date, in $BUILD/{msvcrt,ucrt}"
