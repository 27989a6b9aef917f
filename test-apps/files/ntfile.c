/* ntfile.c - the NT file API as Go, Zig and Rust's std use it: NtCreateFile (dispositions,
 * directories, names relative to a directory handle, sharing), NtReadFile / NtWriteFile at
 * offsets, NtQueryInformationFile / NtSetInformationFile, NtQueryDirectoryFile,
 * NtQueryAttributesFile, NtQueryFullAttributesFile, NtClose, RtlDosPathNameToNtPathName_U,
 * RtlNtStatusToDosError. */
#include "filetest.h"
#include <winternl.h>

#define STATUS_SUCCESS ((NTSTATUS)0)
#define STATUS_END_OF_FILE ((NTSTATUS)0xC0000011)
#define STATUS_INVALID_HANDLE_ ((NTSTATUS)0xC0000008)
#define STATUS_OBJECT_NAME_NOT_FOUND ((NTSTATUS)0xC0000034)
#define STATUS_OBJECT_NAME_COLLISION ((NTSTATUS)0xC0000035)
#define STATUS_OBJECT_PATH_NOT_FOUND ((NTSTATUS)0xC000003A)
#define STATUS_SHARING_VIOLATION ((NTSTATUS)0xC0000043)
#define STATUS_NOT_A_DIRECTORY ((NTSTATUS)0xC0000103)
#define STATUS_FILE_IS_A_DIRECTORY ((NTSTATUS)0xC00000BA)
#define STATUS_NO_MORE_FILES ((NTSTATUS)0x80000006)
#define STATUS_NO_SUCH_FILE ((NTSTATUS)0xC000000F)

#define FILE_SUPERSEDE_ 0
#define FILE_OPEN_ 1
#define FILE_CREATE_ 2
#define FILE_DIRECTORY_FILE_ 0x1
#define FILE_SYNC 0x20
#define FILE_NON_DIRECTORY_FILE_ 0x40

typedef NTSTATUS(NTAPI *create_t)(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, IO_STATUS_BLOCK *, LARGE_INTEGER *, ULONG,
                                  ULONG, ULONG, ULONG, void *, ULONG);
typedef NTSTATUS(NTAPI *rw_t)(HANDLE, HANDLE, void *, void *, IO_STATUS_BLOCK *, void *, ULONG, LARGE_INTEGER *, ULONG *);
typedef NTSTATUS(NTAPI *qi_t)(HANDLE, IO_STATUS_BLOCK *, void *, ULONG, ULONG);
typedef NTSTATUS(NTAPI *qd_t)(HANDLE, HANDLE, void *, void *, IO_STATUS_BLOCK *, void *, ULONG, ULONG, BOOLEAN,
                              UNICODE_STRING *, BOOLEAN);
typedef NTSTATUS(NTAPI *qa_t)(OBJECT_ATTRIBUTES *, void *);
typedef NTSTATUS(NTAPI *close_t)(HANDLE);
typedef BOOLEAN(NTAPI *d2n_t)(PCWSTR, UNICODE_STRING *, PWSTR *, void *);
typedef ULONG(NTAPI *err_t)(NTSTATUS);
typedef void(NTAPI *init_t)(UNICODE_STRING *, PCWSTR);
typedef void(NTAPI *free_t)(UNICODE_STRING *);

static create_t pNtCreateFile;
static rw_t pNtReadFile, pNtWriteFile;
static qi_t pNtQueryInformationFile, pNtSetInformationFile;
static qd_t pNtQueryDirectoryFile;
static qa_t pNtQueryAttributesFile, pNtQueryFullAttributesFile;
static close_t pNtClose;
static d2n_t pRtlDosPathNameToNtPathName_U;
static err_t pRtlNtStatusToDosError;
static init_t pRtlInitUnicodeString;
static free_t pRtlFreeUnicodeString;

static NTSTATUS create(HANDLE *h, HANDLE root, const WCHAR *name, ACCESS_MASK access, ULONG share, ULONG disp, ULONG opts,
                       ULONG_PTR *info)
{
    UNICODE_STRING us;
    OBJECT_ATTRIBUTES oa;
    IO_STATUS_BLOCK io;
    NTSTATUS st;
    pRtlInitUnicodeString(&us, name);
    InitializeObjectAttributes(&oa, &us, OBJ_CASE_INSENSITIVE, root, NULL);
    io.Information = 0xdead;
    st = pNtCreateFile(h, access, &oa, &io, NULL, FILE_ATTRIBUTE_NORMAL, share, disp, opts, NULL, 0);
    if (info)
        *info = io.Information;
    return st;
}

int main(void)
{
    HMODULE nt = LoadLibraryA("ntdll.dll");
    UNICODE_STRING path;
    WCHAR dos[MAX_PATH], ntdir[MAX_PATH], *part = NULL;
    HANDLE h, h2, d;
    IO_STATUS_BLOCK io;
    ULONG_PTR info;
    NTSTATUS st;
    char buf[64];
    LARGE_INTEGER off;
    make_scratch("ntfile");
#define GET(f) p##f = (void *)GetProcAddress(nt, #f)
    GET(NtCreateFile);
    GET(NtReadFile);
    GET(NtWriteFile);
    GET(NtQueryInformationFile);
    GET(NtSetInformationFile);
    GET(NtQueryDirectoryFile);
    GET(NtQueryAttributesFile);
    GET(NtQueryFullAttributesFile);
    GET(NtClose);
    GET(RtlDosPathNameToNtPathName_U);
    GET(RtlNtStatusToDosError);
    GET(RtlInitUnicodeString);
    GET(RtlFreeUnicodeString);
    CHECK(pNtCreateFile && pNtReadFile && pNtWriteFile && pNtQueryInformationFile && pNtSetInformationFile &&
              pNtQueryDirectoryFile && pNtQueryAttributesFile && pNtQueryFullAttributesFile && pNtClose &&
              pRtlDosPathNameToNtPathName_U && pRtlNtStatusToDosError && pRtlInitUnicodeString && pRtlFreeUnicodeString,
          "ntdll exports");
    if (check_failed)
        return check_report();

    /* Called through the import table (this program links ntdll's import library), as Go, Zig
     * and Rust's std call ntdll: the same functions GetProcAddress finds. */
    CHECK(RtlNtStatusToDosError(0xC0000034 /* STATUS_OBJECT_NAME_NOT_FOUND */) == ERROR_FILE_NOT_FOUND &&
              RtlNtStatusToDosError(0xC0000043 /* STATUS_SHARING_VIOLATION */) == ERROR_SHARING_VIOLATION,
          "imported RtlNtStatusToDosError");
    {
        HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
        CHECK(ev && NtClose(ev) == 0, "imported NtClose on an event");
        CHECK(!CloseHandle(ev) && GetLastError() == ERROR_INVALID_HANDLE, "the event is closed");
    }
    CHECK(GetModuleHandleA("ntdll.dll") == nt, "GetModuleHandle(ntdll) vs LoadLibrary");

    _snwprintf(dos, MAX_PATH, L"%ls\\nt.txt", wscratch);
    CHECK(pRtlDosPathNameToNtPathName_U(dos, &path, &part, NULL), "RtlDosPathNameToNtPathName_U");
    CHECK(path.Length >= 8 && !wcsncmp(path.Buffer, L"\\??\\", 4) && !wcsncmp(path.Buffer + 4, dos, wcslen(dos)) && part &&
              !wcscmp(part, L"nt.txt"),
          "NT path %.*ls", path.Length / 2, path.Buffer);
    _snwprintf(ntdir, MAX_PATH, L"\\??\\%ls", wscratch);

    /* Create, write, read at offsets. */
    st = create(&h, NULL, path.Buffer, GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE, FILE_SHARE_READ, FILE_CREATE_,
                FILE_SYNC | FILE_NON_DIRECTORY_FILE_, &info);
    CHECK(st == STATUS_SUCCESS && info == FILE_CREATED, "NtCreateFile: %lx %lu", st, (ULONG)info);
    st = pNtWriteFile(h, NULL, NULL, NULL, &io, "hello nt", 8, NULL, NULL);
    CHECK(st == STATUS_SUCCESS && io.Information == 8, "NtWriteFile: %lx", st);
    off.QuadPart = 6;
    memset(buf, 0, sizeof buf);
    st = pNtReadFile(h, NULL, NULL, NULL, &io, buf, sizeof buf, &off, NULL);
    CHECK(st == STATUS_SUCCESS && io.Information == 2 && !strcmp(buf, "nt"), "NtReadFile at 6: %lx %s", st, buf);
    st = pNtReadFile(h, NULL, NULL, NULL, &io, buf, sizeof buf, NULL, NULL);
    CHECK(st == STATUS_END_OF_FILE && io.Information == 0, "at the end: %lx", st);
    {
        FILE_STANDARD_INFORMATION si;
        FILE_POSITION_INFORMATION pi;
        FILE_BASIC_INFORMATION bi;
        LARGE_INTEGER eof;
        st = pNtQueryInformationFile(h, &io, &si, sizeof si, 5 /* FileStandardInformation */);
        CHECK(st == STATUS_SUCCESS && si.EndOfFile.QuadPart == 8 && !si.Directory && io.Information == sizeof si,
              "FileStandardInformation: %lx", st);
        st = pNtQueryInformationFile(h, &io, &pi, sizeof pi, 14 /* FilePositionInformation */);
        CHECK(st == STATUS_SUCCESS && pi.CurrentByteOffset.QuadPart == 8, "position %lld", pi.CurrentByteOffset.QuadPart);
        st = pNtQueryInformationFile(h, &io, &bi, sizeof bi, 4 /* FileBasicInformation */);
        CHECK(st == STATUS_SUCCESS && bi.FileAttributes == FILE_ATTRIBUTE_ARCHIVE, "FileBasicInformation: %lx %lx", st,
              bi.FileAttributes);
        eof.QuadPart = 5;
        st = pNtSetInformationFile(h, &io, &eof, sizeof eof, 20 /* FileEndOfFileInformation */);
        CHECK(st == STATUS_SUCCESS && GetFileSize(h, NULL) == 5, "FileEndOfFileInformation: %lx", st);
    }
    /* Sharing. */
    st = create(&h2, NULL, path.Buffer, GENERIC_WRITE | SYNCHRONIZE, FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_OPEN_, FILE_SYNC,
                NULL);
    CHECK(st == STATUS_SHARING_VIOLATION, "sharing: %lx", st);
    CHECK(pNtClose(h) == STATUS_SUCCESS, "NtClose");
    CHECK(pNtClose(h) == STATUS_INVALID_HANDLE_, "NtClose twice");
    /* Errors. */
    st = create(&h, NULL, path.Buffer, GENERIC_READ, FILE_SHARE_READ, FILE_CREATE_, FILE_SYNC, NULL);
    CHECK(st == STATUS_OBJECT_NAME_COLLISION, "FILE_CREATE of an existing file: %lx", st);
    st = create(&h, NULL, path.Buffer, GENERIC_READ, FILE_SHARE_READ, FILE_OPEN_, FILE_SYNC | FILE_DIRECTORY_FILE_, NULL);
    CHECK(st == STATUS_NOT_A_DIRECTORY, "a file as a directory: %lx", st);
    st = create(&h, NULL, ntdir, GENERIC_READ, FILE_SHARE_READ, FILE_OPEN_, FILE_SYNC | FILE_NON_DIRECTORY_FILE_, NULL);
    CHECK(st == STATUS_FILE_IS_A_DIRECTORY, "a directory as a file: %lx", st);
    {
        WCHAR n2[MAX_PATH];
        _snwprintf(n2, MAX_PATH, L"%ls\\missing.txt", ntdir);
        st = create(&h, NULL, n2, GENERIC_READ, FILE_SHARE_READ, FILE_OPEN_, FILE_SYNC, NULL);
        CHECK(st == STATUS_OBJECT_NAME_NOT_FOUND, "missing file: %lx", st);
        _snwprintf(n2, MAX_PATH, L"%ls\\nodir\\missing.txt", ntdir);
        st = create(&h, NULL, n2, GENERIC_READ, FILE_SHARE_READ, FILE_OPEN_, FILE_SYNC, NULL);
        CHECK(st == STATUS_OBJECT_PATH_NOT_FOUND, "missing directory: %lx", st);
        /* Creating a directory. */
        _snwprintf(n2, MAX_PATH, L"%ls\\ntdir", ntdir);
        st = create(&h, NULL, n2, GENERIC_READ, FILE_SHARE_READ, FILE_CREATE_, FILE_SYNC | FILE_DIRECTORY_FILE_, &info);
        CHECK(st == STATUS_SUCCESS && info == FILE_CREATED && (GetFileAttributesA(P("ntdir")) & FILE_ATTRIBUTE_DIRECTORY),
              "a new directory: %lx", st);
        pNtClose(h);
    }
    /* The directory: a name relative to it (another case), its listing. */
    st = create(&d, NULL, ntdir, FILE_LIST_DIRECTORY | SYNCHRONIZE, FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_OPEN_,
                FILE_SYNC | FILE_DIRECTORY_FILE_, NULL);
    CHECK(st == STATUS_SUCCESS, "open the directory: %lx", st);
    st = create(&h, d, L"NT.TXT", GENERIC_READ | SYNCHRONIZE, FILE_SHARE_READ, FILE_OPEN_, FILE_SYNC, &info);
    CHECK(st == STATUS_SUCCESS && info == FILE_OPENED, "relative to the directory: %lx", st);
    memset(buf, 0, sizeof buf);
    st = pNtReadFile(h, NULL, NULL, NULL, &io, buf, sizeof buf, NULL, NULL);
    CHECK(st == STATUS_SUCCESS && !strcmp(buf, "hello"), "read it: %s", buf);
    pNtClose(h);
    {
        LONGLONG list[256];
        UNICODE_STRING mask;
        int names = 0, found = 0;
        pRtlInitUnicodeString(&mask, L"*.txt");
        st = pNtQueryDirectoryFile(d, NULL, NULL, NULL, &io, list, sizeof list, 12 /* FileNamesInformation */, FALSE, &mask,
                                   TRUE);
        CHECK(st == STATUS_SUCCESS, "NtQueryDirectoryFile: %lx", st);
        if (st == STATUS_SUCCESS) {
            FILE_NAMES_INFORMATION *e = (FILE_NAMES_INFORMATION *)list;
            for (;;) {
                names++;
                found |= e->FileNameLength == 12 && !wcsncmp(e->FileName, L"nt.txt", 6);
                if (!e->NextEntryOffset)
                    break;
                e = (FILE_NAMES_INFORMATION *)((char *)e + e->NextEntryOffset);
            }
        }
        CHECK(names == 1 && found, "listed %d names", names);
        st = pNtQueryDirectoryFile(d, NULL, NULL, NULL, &io, list, sizeof list, 12, FALSE, NULL, FALSE);
        CHECK(st == STATUS_NO_MORE_FILES, "then no more: %lx", st);
        pNtClose(d);
        create(&d, NULL, ntdir, FILE_LIST_DIRECTORY | SYNCHRONIZE, FILE_SHARE_READ, FILE_OPEN_, FILE_SYNC | FILE_DIRECTORY_FILE_,
               NULL);
        pRtlInitUnicodeString(&mask, L"*.none");
        st = pNtQueryDirectoryFile(d, NULL, NULL, NULL, &io, list, sizeof list, 1 /* FileDirectoryInformation */, FALSE,
                                   &mask, TRUE);
        CHECK(st == STATUS_NO_SUCH_FILE, "nothing matches: %lx", st);
        pNtClose(d);
    }
    /* Attributes by name. */
    {
        UNICODE_STRING us;
        OBJECT_ATTRIBUTES oa;
        FILE_BASIC_INFORMATION bi;
        BYTE full[56];
        WCHAR upper[MAX_PATH];
        _snwprintf(upper, MAX_PATH, L"%ls\\NT.TXT", ntdir);
        pRtlInitUnicodeString(&us, upper);
        InitializeObjectAttributes(&oa, &us, OBJ_CASE_INSENSITIVE, NULL, NULL);
        st = pNtQueryAttributesFile(&oa, &bi);
        CHECK(st == STATUS_SUCCESS && bi.FileAttributes == FILE_ATTRIBUTE_ARCHIVE, "NtQueryAttributesFile: %lx", st);
        st = pNtQueryFullAttributesFile(&oa, full);
        CHECK(st == STATUS_SUCCESS && *(LONGLONG *)(full + 40) == 5, "NtQueryFullAttributesFile: %lx %lld", st,
              *(LONGLONG *)(full + 40));
        pRtlInitUnicodeString(&us, L"\\??\\C:\\no-such-dir-at-all\\x");
        st = pNtQueryAttributesFile(&oa, &bi);
        CHECK(st == STATUS_OBJECT_PATH_NOT_FOUND, "missing: %lx", st);
    }
    /* Deleting through the handle. */
    st = create(&h, NULL, path.Buffer, DELETE | SYNCHRONIZE, FILE_SHARE_READ | FILE_SHARE_DELETE, FILE_OPEN_, FILE_SYNC, NULL);
    {
        BOOLEAN del = TRUE;
        st = pNtSetInformationFile(h, &io, &del, sizeof del, 13 /* FileDispositionInformation */);
        CHECK(st == STATUS_SUCCESS, "FileDispositionInformation: %lx", st);
    }
    pNtClose(h);
    CHECK(!exists(P("nt.txt")), "deleted");
    pRtlFreeUnicodeString(&path);
    CHECK(pRtlNtStatusToDosError(STATUS_OBJECT_PATH_NOT_FOUND) == ERROR_PATH_NOT_FOUND &&
              pRtlNtStatusToDosError(STATUS_SHARING_VIOLATION) == ERROR_SHARING_VIOLATION &&
              pRtlNtStatusToDosError(STATUS_NO_SUCH_FILE) == ERROR_FILE_NOT_FOUND &&
              pRtlNtStatusToDosError(STATUS_END_OF_FILE) == ERROR_HANDLE_EOF &&
              pRtlNtStatusToDosError(STATUS_OBJECT_NAME_COLLISION) == ERROR_ALREADY_EXISTS,
          "RtlNtStatusToDosError");
    remove_tree(scratch);
    return check_report();
}
