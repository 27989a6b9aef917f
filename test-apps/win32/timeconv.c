/* timeconv.c - FILETIME, SYSTEMTIME, local FILETIMEs and MS-DOS dates. */
#include <windows.h>
#include "../include/check.h"
#include "wine.h"

static ULONGLONG ftval(FILETIME ft) { return ((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime; }
static FILETIME mkft(ULONGLONG v) { FILETIME f; f.dwLowDateTime = (DWORD)v; f.dwHighDateTime = (DWORD)(v >> 32); return f; }

static void test_systemtime(void)
{
    SYSTEMTIME st;
    FILETIME ft = mkft(0);
    CHECK(FileTimeToSystemTime(&ft, &st), "epoch");
    CHECK(st.wYear == 1601 && st.wMonth == 1 && st.wDay == 1 && st.wDayOfWeek == 1 && st.wHour == 0, "1601-01-01 Monday");
    ft = mkft(116444736000000000ULL); /* 1970-01-01 */
    CHECK(FileTimeToSystemTime(&ft, &st) && st.wYear == 1970 && st.wDayOfWeek == 4, "1970 Thursday");
    /* 2000-02-29 12:34:56.789 */
    SYSTEMTIME in = { 2000, 2, 0, 29, 12, 34, 56, 789 };
    CHECK(SystemTimeToFileTime(&in, &ft), "to filetime");
    CHECK(ftval(ft) == 125963012967890000ULL, "value %llu", ftval(ft));
    CHECK(FileTimeToSystemTime(&ft, &st), "back");
    CHECK(st.wYear == 2000 && st.wMonth == 2 && st.wDay == 29 && st.wHour == 12 && st.wMinute == 34 &&
          st.wSecond == 56 && st.wMilliseconds == 789 && st.wDayOfWeek == 2, "round trip (dow %u)", st.wDayOfWeek);
    /* Windows refuses a day past the month's end (1900 was no leap year); Wine 8 does not check
     * the day against the month and converts it as 1900-03-01. */
    SYSTEMTIME bad = { 1900, 2, 0, 29, 0, 0, 0, 0 };
    SetLastError(0);
    if (is_wine())
        CHECK(SystemTimeToFileTime(&bad, &ft), "Wine 8 takes 1900-02-29");
    else
        CHECK(!SystemTimeToFileTime(&bad, &ft) && GetLastError() == ERROR_INVALID_PARAMETER, "1900-02-29 refused (%lu)", GetLastError());
    SYSTEMTIME bad2 = { 2020, 13, 0, 1, 0, 0, 0, 0 };
    CHECK(!SystemTimeToFileTime(&bad2, &ft), "month 13 refused");
    SYSTEMTIME bad3 = { 2020, 1, 0, 1, 24, 0, 0, 0 };
    CHECK(!SystemTimeToFileTime(&bad3, &ft), "hour 24 refused");
    ft = mkft(0x8000000000000000ULL);
    SetLastError(0);
    CHECK(!FileTimeToSystemTime(&ft, &st) && GetLastError() == ERROR_INVALID_PARAMETER, "negative refused");
    ft = mkft(0x7fffffffffffffffULL);
    CHECK(FileTimeToSystemTime(&ft, &st) && st.wYear == 30828, "largest (%u)", st.wYear);
}

static void test_local(void)
{
    FILETIME now, local, back;
    GetSystemTimeAsFileTime(&now);
    CHECK(FileTimeToLocalFileTime(&now, &local), "to local");
    CHECK(LocalFileTimeToFileTime(&local, &back) && ftval(back) == ftval(now), "round trip");
    LONGLONG bias = (LONGLONG)(ftval(local) - ftval(now));
    CHECK(bias % 9000000000LL == 0 && bias >= -14 * 36000000000LL && bias <= 14 * 36000000000LL,
          "offset a multiple of 15 minutes within 14 hours (%lld)", bias);
    /* GetLocalTime and GetSystemTime differ by the same offset. */
    SYSTEMTIME su, sl;
    FILETIME fu, fl;
    GetSystemTime(&su);
    GetLocalTime(&sl);
    CHECK(SystemTimeToFileTime(&su, &fu) && SystemTimeToFileTime(&sl, &fl), "current times valid");
    LONGLONG d = (LONGLONG)(ftval(fl) - ftval(fu)) - bias;
    CHECK(d > -20000000LL && d < 20000000LL, "GetLocalTime - GetSystemTime = bias (off by %lld)", d);
    /* The bias applied is the current one, whatever the date. */
    FILETIME old = mkft(116444736000000000ULL), oldlocal;
    CHECK(FileTimeToLocalFileTime(&old, &oldlocal) && (LONGLONG)(ftval(oldlocal) - ftval(old)) == bias, "current bias for 1970");
}

static void test_dos(void)
{
    SYSTEMTIME st = { 2021, 12, 0, 26, 13, 45, 31, 0 };
    FILETIME ft, back;
    WORD date = 0, time = 0;
    CHECK(SystemTimeToFileTime(&st, &ft), "st");
    CHECK(FileTimeToDosDateTime(&ft, &date, &time), "to dos");
    CHECK(date == ((41 << 9) | (12 << 5) | 26), "date %04x", date);
    CHECK(time == ((13 << 11) | (45 << 5) | 15), "time %04x (seconds halved)", time);
    CHECK(DosDateTimeToFileTime(date, time, &back), "from dos");
    SYSTEMTIME r;
    CHECK(FileTimeToSystemTime(&back, &r) && r.wYear == 2021 && r.wMonth == 12 && r.wDay == 26 && r.wHour == 13 &&
          r.wMinute == 45 && r.wSecond == 30, "dos round trip to even seconds");
    SYSTEMTIME early = { 1979, 12, 0, 31, 0, 0, 0, 0 };
    SystemTimeToFileTime(&early, &ft);
    SetLastError(0);
    CHECK(!FileTimeToDosDateTime(&ft, &date, &time) && GetLastError() == ERROR_INVALID_PARAMETER, "before 1980 refused");
    SYSTEMTIME late = { 2107, 12, 0, 31, 23, 59, 58, 0 };
    SystemTimeToFileTime(&late, &ft);
    CHECK(FileTimeToDosDateTime(&ft, &date, &time) && date == 0xff9f && time == 0xbf7d, "2107 fits (%04x %04x)", date, time);
    CHECK(DosDateTimeToFileTime((1 << 9) | (1 << 5) | 1, 0, &ft), "1981-01-01");
    CHECK(FileTimeToSystemTime(&ft, &r) && r.wYear == 1981 && r.wMonth == 1 && r.wDay == 1, "1981");
    CHECK(!DosDateTimeToFileTime((1 << 9) | (13 << 5) | 1, 0, &ft), "month 13 refused");
    CHECK(!DosDateTimeToFileTime((1 << 9) | (1 << 5) | 1, 24 << 11, &ft), "hour 24 refused");
}

int main(void)
{
    test_systemtime();
    test_local();
    test_dos();
    return check_report();
}
