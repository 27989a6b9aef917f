//! The C runtime functions ntdll.dll exports as well (Windows keeps its own copy there, for
//! programs and drivers that link no CRT). wine-rs serves them from this crate's msvcrt.dll
//! code: the loader adds each name below to ntdll.dll's exports, bound to msvcrt.dll's export
//! of the same name.
//!
//! Where they differ from Windows' ntdll copies: those always work in the "C" locale, these
//! follow the CRT's (the "C" locale unless the program calls setlocale); `_errno` is the
//! CRT's errno. Names msvcrt.dll does not export stay unimplemented in ntdll.dll too.
//!
//! The list is the one of mingw-w64's `libntdllcrt.a` (the import library of ntdll's CRT part).

/// ntdll.dll's C runtime exports.
pub const NTDLL_CRT: &[&str] = &[
    "__C_specific_handler", "__isascii", "__iscsym", "__iscsymf", "__misaligned_access",
    "__toascii", "_atoi64", "_errno", "_fltused", "_i64toa", "_i64toa_s", "_i64tow",
    "_i64tow_s", "_itoa", "_itoa_s", "_itow", "_itow_s", "_lfind", "_local_unwind", "_ltoa",
    "_ltoa_s", "_ltow", "_ltow_s", "_makepath_s", "_memccpy", "_memicmp", "_setjmp",
    "_setjmpex", "_snprintf", "_snprintf_s", "_snscanf_s", "_snwprintf", "_snwprintf_s",
    "_snwscanf_s", "_splitpath", "_splitpath_s", "_strcmpi", "_stricmp", "_strlwr", "_strlwr_s",
    "_strnicmp", "_strnset_s", "_strset_s", "_strupr", "_strupr_s", "_swprintf", "_tolower",
    "_toupper", "_ui64toa", "_ui64toa_s", "_ui64tow", "_ui64tow_s", "_ultoa", "_ultoa_s",
    "_ultow", "_ultow_s", "_vscprintf", "_vscwprintf", "_vsnprintf", "_vsnprintf_s",
    "_vsnwprintf", "_vsnwprintf_s", "_vswprintf", "_wcsicmp", "_wcslwr", "_wcslwr_s",
    "_wcsnicmp", "_wcsnset_s", "_wcsset_s", "_wcstoi64", "_wcstoui64", "_wcsupr", "_wcsupr_s",
    "_wmakepath_s", "_wsplitpath_s", "_wtoi", "_wtoi64", "_wtol", "abs", "atan", "atan2",
    "atoi", "atol", "bsearch", "bsearch_s", "ceil", "cos", "fabs", "floor", "isalnum",
    "isalpha", "iscntrl", "isdigit", "isgraph", "islower", "isprint", "ispunct", "isspace",
    "isupper", "iswalnum", "iswalpha", "iswascii", "iswctype", "iswdigit", "iswgraph",
    "iswlower", "iswprint", "iswspace", "iswxdigit", "isxdigit", "labs", "log", "longjmp",
    "mbstowcs", "memchr", "memcmp", "memcpy", "memcpy_s", "memmove", "memmove_s", "memset",
    "pow", "qsort", "qsort_s", "sin", "sprintf", "sprintf_s", "sqrt", "sscanf", "sscanf_s",
    "strcat", "strcat_s", "strchr", "strcmp", "strcpy", "strcpy_s", "strcspn", "strlen",
    "strlwr", "strncat", "strncat_s", "strncmp", "strncpy", "strncpy_s", "strnlen", "strpbrk",
    "strrchr", "strspn", "strstr", "strtok_s", "strtol", "strtoul", "swprintf", "swprintf_s",
    "swscanf_s", "tan", "tolower", "toupper", "towlower", "towupper", "vsprintf", "vsprintf_s",
    "vswprintf_s", "wcscat", "wcscat_s", "wcschr", "wcscmp", "wcscpy", "wcscpy_s", "wcscspn",
    "wcslen", "wcslwr", "wcsncat", "wcsncat_s", "wcsncmp", "wcsncpy", "wcsncpy_s", "wcsnlen",
    "wcspbrk", "wcsrchr", "wcsspn", "wcsstr", "wcstok_s", "wcstol", "wcstombs", "wcstoul",
];
