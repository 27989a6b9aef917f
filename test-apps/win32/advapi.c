/* advapi.c - tokens and privileges, RtlGenRandom, the registry's root keys, file security. */
#include <windows.h>
#include <ntsecapi.h>
#include <string.h>
#include "../include/check.h"
#include "wine.h"

static void test_tokens(void)
{
    HANDLE tok = NULL;
    LUID luid;
    CHECK(OpenProcessToken(GetCurrentProcess(), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, &tok) && tok, "open");
    CHECK(LookupPrivilegeValueW(NULL, L"SeChangeNotifyPrivilege", &luid) && luid.LowPart == 23 && luid.HighPart == 0,
          "SeChangeNotify is 23 (%lu)", luid.LowPart);
    CHECK(LookupPrivilegeValueW(NULL, L"sesecurityprivilege", &luid) && luid.LowPart == 8, "case-insensitive, SeSecurity 8");
    /* SE_CREATE_SYMBOLIC_LINK_PRIVILEGE is 35 in winnt.h (Vista and later); Wine 8 knows the
     * privileges up to SeCreateGlobalPrivilege (30) only. */
    if (is_wine())
        CHECK(!LookupPrivilegeValueW(NULL, L"SeCreateSymbolicLinkPrivilege", &luid), "Wine 8 lacks SeCreateSymbolicLink");
    else
        CHECK(LookupPrivilegeValueW(NULL, L"SeCreateSymbolicLinkPrivilege", &luid) && luid.LowPart == 35, "SeCreateSymbolicLink 35");
    CHECK(LookupPrivilegeValueA(NULL, "SeLockMemoryPrivilege", &luid) && luid.LowPart == 4, "A form");
    SetLastError(0);
    CHECK(!LookupPrivilegeValueW(NULL, L"SeNoSuchPrivilege", &luid) && GetLastError() == ERROR_NO_SUCH_PRIVILEGE, "unknown (%lu)", GetLastError());

    /* A privilege every user holds: enabled, ERROR_SUCCESS. */
    TOKEN_PRIVILEGES tp = { 1, { { { 23, 0 }, SE_PRIVILEGE_ENABLED } } };
    SetLastError(0xdead);
    CHECK(AdjustTokenPrivileges(tok, FALSE, &tp, 0, NULL, NULL), "adjust held");
    CHECK(GetLastError() == ERROR_SUCCESS, "all assigned (%lu)", GetLastError());
    /* SeCreateTokenPrivilege: held by no user token (not even an administrator's, nor Wine's):
     * the call succeeds, ERROR_NOT_ALL_ASSIGNED. */
    tp.Privileges[0].Luid.LowPart = 2;
    SetLastError(0xdead);
    CHECK(AdjustTokenPrivileges(tok, FALSE, &tp, 0, NULL, NULL), "adjust not held succeeds");
    CHECK(GetLastError() == ERROR_NOT_ALL_ASSIGNED, "not all assigned (%lu)", GetLastError());
    CHECK(CloseHandle(tok), "close");

    HANDLE ro = NULL;
    CHECK(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &ro), "open for query");
    tp.Privileges[0].Luid.LowPart = 23;
    SetLastError(0);
    CHECK(!AdjustTokenPrivileges(ro, FALSE, &tp, 0, NULL, NULL) && GetLastError() == ERROR_ACCESS_DENIED,
          "needs TOKEN_ADJUST_PRIVILEGES (%lu)", GetLastError());
    CloseHandle(ro);
    SetLastError(0);
    CHECK(!OpenProcessToken(NULL, TOKEN_QUERY, &ro) && GetLastError() == ERROR_INVALID_HANDLE, "bad process (%lu)", GetLastError());
}

static void test_random(void)
{
    unsigned char a[64], b[64];
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    CHECK(RtlGenRandom(a, sizeof a) && RtlGenRandom(b, sizeof b), "RtlGenRandom");
    CHECK(memcmp(a, b, sizeof a) != 0, "two draws differ");
    int zeros = 0;
    for (int i = 0; i < 64; i++) zeros += a[i] == 0;
    CHECK(zeros < 8, "not zeros (%d)", zeros);
}

static void test_registry(void)
{
    HKEY k = NULL;
    CHECK(RegOpenKeyExW(HKEY_CURRENT_USER, L"Software\\wine-rs-test\\no such key", 0, KEY_READ, &k) == ERROR_FILE_NOT_FOUND,
          "missing key");
    CHECK(RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\wine-rs-test-nothing", 0, KEY_READ, &k) == ERROR_FILE_NOT_FOUND,
          "missing HKLM key");
    DWORD type, size = 0;
    CHECK(RegQueryValueExW(HKEY_CURRENT_USER, L"wine-rs-test-no-value", NULL, &type, NULL, &size) == ERROR_FILE_NOT_FOUND,
          "missing value");
    CHECK(RegCloseKey(HKEY_CURRENT_USER) == ERROR_SUCCESS, "closing a root key");
}

static void test_file_security(void)
{
    HANDLE h = CreateFileW(L"advapi-sec.tmp", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "create");
    CloseHandle(h);
    DWORD need = 0;
    SetLastError(0);
    CHECK(!GetFileSecurityW(L"advapi-sec.tmp", OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, NULL, 0, &need) &&
          GetLastError() == ERROR_INSUFFICIENT_BUFFER && need > 20, "size query (%lu, need %lu)", GetLastError(), need);
    char buf[1024];
    CHECK(need <= sizeof buf && GetFileSecurityW(L"advapi-sec.tmp", OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION,
                                                 buf, sizeof buf, &need), "read");
    /* A self-relative SECURITY_DESCRIPTOR: revision 1, SE_SELF_RELATIVE | SE_DACL_PRESENT, the
     * owner SID (revision 1) and the ACL (revision 2) at their offsets. */
    PSECURITY_DESCRIPTOR sd = buf;
    SECURITY_DESCRIPTOR_RELATIVE *rel = (SECURITY_DESCRIPTOR_RELATIVE *)buf;
    CHECK(rel->Revision == 1, "revision %u", rel->Revision);
    CHECK((rel->Control & (SE_SELF_RELATIVE | SE_DACL_PRESENT)) == (SE_SELF_RELATIVE | SE_DACL_PRESENT), "control %04x", rel->Control);
    CHECK(rel->Owner >= 20 && rel->Owner < need && (unsigned char)buf[rel->Owner] == 1, "owner SID at %lu", rel->Owner);
    CHECK(rel->Dacl >= 20 && rel->Dacl < need && buf[rel->Dacl] == 2, "DACL at %lu", rel->Dacl);
    CHECK(rel->Group == 0 && rel->Sacl == 0, "only what was asked");
    CHECK(SetFileSecurityW(L"advapi-sec.tmp", DACL_SECURITY_INFORMATION, sd), "set");
    SetLastError(0);
    CHECK(!GetFileSecurityW(L"advapi-no-such.tmp", OWNER_SECURITY_INFORMATION, buf, sizeof buf, &need) &&
          GetLastError() == ERROR_FILE_NOT_FOUND, "missing file (%lu)", GetLastError());
    DeleteFileW(L"advapi-sec.tmp");
}

int main(void)
{
    test_tokens();
    test_random();
    test_registry();
    test_file_security();
    return check_report();
}
