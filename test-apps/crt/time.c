/* time.c - time.h: _tzset with a Windows TZ string (PST8PDT: offset and the US daylight
 * rules, with both 2023 transitions), localtime/gmtime/mktime/_mkgmtime and their 32/64-bit
 * and _s forms, strftime/wcsftime (the two DLLs' %c and %z, C99 conversions in the UCRT,
 * '#' forms, errors), asctime/ctime, _strdate/_strtime, _ftime, clock, time, difftime.
 * Expectations are Wine 8's. WINE: Wine 8 truncates the zone names (_tzname is "PS"/"PD"
 * for PST8PDT) and sets _daylight to a character code; the app checks neither. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timeb.h>
#include <time.h>
#include <wchar.h>
#include "crt.h"

#define STREQ(a, b) (strcmp((a), (b)) == 0)

static int tm_is(const struct tm *t, int y, int mo, int d, int h, int mi, int s, int dst)
{
    return t && t->tm_year + 1900 == y && t->tm_mon + 1 == mo && t->tm_mday == d && t->tm_hour == h &&
           t->tm_min == mi && t->tm_sec == s && t->tm_isdst == dst;
}

#define TM(p, ...)                                                                                 \
    do {                                                                                           \
        const struct tm *t_ = (p);                                                                 \
        CHECK(tm_is(t_, __VA_ARGS__), "%s: %04d-%02d-%02d %02d:%02d:%02d dst %d", #p,              \
              t_ ? t_->tm_year + 1900 : 0, t_ ? t_->tm_mon + 1 : 0, t_ ? t_->tm_mday : 0,        \
              t_ ? t_->tm_hour : 0, t_ ? t_->tm_min : 0, t_ ? t_->tm_sec : 0, t_ ? t_->tm_isdst : 0); \
    } while (0)

static void zone(void)
{
    CHECK(_putenv("TZ=PST8PDT") == 0, "_putenv(TZ)");
    _tzset();
    CHECK(_timezone == 28800 && _daylight != 0 && _dstbias == -3600, "PST8PDT: %ld %d %ld", _timezone, _daylight, _dstbias);
#ifdef _UCRT
    long tz = 0;
    int dl = 0;
    CHECK(_get_timezone(&tz) == 0 && tz == 28800 && _get_daylight(&dl) == 0 && dl != 0, "_get_timezone/_get_daylight");
#endif

    __time64_t t;
    t = 1700000000; TM(_localtime64(&t), 2023, 11, 14, 14, 13, 20, 0);
    t = 1690000000; TM(_localtime64(&t), 2023, 7, 21, 21, 26, 40, 1);
    t = 0;          TM(_localtime64(&t), 1969, 12, 31, 16, 0, 0, 0);
    /* 2023-03-12 02:00 PST becomes 03:00 PDT; 2023-11-05 02:00 PDT becomes 01:00 PST. */
    t = 1678615199; TM(_localtime64(&t), 2023, 3, 12, 1, 59, 59, 0);
    t = 1678615200; TM(_localtime64(&t), 2023, 3, 12, 3, 0, 0, 1);
    t = 1699174799; TM(_localtime64(&t), 2023, 11, 5, 1, 59, 59, 1);
    t = 1699174800; TM(_localtime64(&t), 2023, 11, 5, 1, 0, 0, 0);
    t = 951782400;  TM(_localtime64(&t), 2000, 2, 28, 16, 0, 0, 0);
    t = -1;
    CHECK(_localtime64(&t) == NULL && _gmtime64(&t) == NULL, "negative times have no broken-down form");

    struct tm *p;
    t = 1690000000;
    p = _gmtime64(&t);
    TM(p, 2023, 7, 22, 4, 26, 40, 0);
    CHECK(p->tm_wday == 6 && p->tm_yday == 202, "gmtime: wday %d yday %d", p->tm_wday, p->tm_yday);
    t = 4102444800LL; TM(_gmtime64(&t), 2100, 1, 1, 0, 0, 0, 0);
    t = 32535215999LL; TM(_gmtime64(&t), 3000, 12, 31, 23, 59, 59, 0);
    __time32_t t32 = 1700000000;
    TM(_gmtime32(&t32), 2023, 11, 14, 22, 13, 20, 0);
    TM(_localtime32(&t32), 2023, 11, 14, 14, 13, 20, 0);
    t = 1700000000;
    TM(localtime(&t), 2023, 11, 14, 14, 13, 20, 0);

    struct tm r;
    t = 1690000000;
    CHECK(_localtime64_s(&r, &t) == 0 && tm_is(&r, 2023, 7, 21, 21, 26, 40, 1), "_localtime64_s");
    CHECK(_gmtime64_s(&r, &t) == 0 && tm_is(&r, 2023, 7, 22, 4, 26, 40, 0), "_gmtime64_s");
    iph_calls = 0;
    CHECK(_localtime64_s(&r, NULL) == EINVAL, "_localtime64_s(NULL)");
    t = -1;
    CHECK(_localtime64_s(&r, &t) == EINVAL && r.tm_year == -1, "_localtime64_s(-1) fills -1");
}

static void make(void)
{
    struct tm t = {0};
    t.tm_year = 123; t.tm_mon = 6; t.tm_mday = 21; t.tm_hour = 21; t.tm_min = 26; t.tm_sec = 40; t.tm_isdst = -1;
    CHECK(_mktime64(&t) == 1690000000 && t.tm_wday == 5 && t.tm_yday == 201 && t.tm_isdst == 1, "_mktime64 in summer");

    struct tm t2 = {0};
    t2.tm_year = 123; t2.tm_mon = 0; t2.tm_mday = 32; t2.tm_hour = -1; t2.tm_isdst = 0;
    CHECK(_mktime64(&t2) == 1675234800 && tm_is(&t2, 2023, 1, 31, 23, 0, 0, 0), "_mktime64 normalises day 32, hour -1");

    struct tm t3 = {0};
    t3.tm_year = 123; t3.tm_mon = 6; t3.tm_mday = 1; t3.tm_isdst = 0;
    CHECK(_mktime64(&t3) == 1688198400 && tm_is(&t3, 2023, 7, 1, 1, 0, 0, 1), "_mktime64: standard time given in summer");

    struct tm t4 = {0};
    t4.tm_year = 69; t4.tm_mon = 11; t4.tm_mday = 31; t4.tm_hour = 23;
    CHECK(_mktime64(&t4) == -1, "_mktime64 before 1970");

    struct tm t5 = {0};
    t5.tm_year = 123; t5.tm_mon = 13; t5.tm_mday = 1; t5.tm_isdst = -1;
    CHECK(mktime(&t5) != -1 && t5.tm_year == 124 && t5.tm_mon == 1, "mktime normalises month 13");

    struct tm g = {0};
    g.tm_year = 70; g.tm_mday = 1;
    CHECK(_mkgmtime64(&g) == 0, "_mkgmtime64 of the epoch");
    struct tm g2 = {0};
    g2.tm_year = 100; g2.tm_mon = 1; g2.tm_mday = 29; g2.tm_hour = 12;
    CHECK(_mkgmtime64(&g2) == 951825600 && g2.tm_wday == 2 && g2.tm_yday == 59, "_mkgmtime64 of 2000-02-29");
    struct tm g3 = {0};
    g3.tm_year = 100; g3.tm_mon = 1; g3.tm_mday = 29; g3.tm_hour = 12;
    CHECK(_mkgmtime32(&g3) == 951825600, "_mkgmtime32");
}

static void text(void)
{
    __time64_t x = 1700000000;
    struct tm *p = _gmtime64(&x);
    struct tm tm = *p;
    char b[256];
    size_t n;

#define FMT(f, want)                                                                               \
    do {                                                                                           \
        n = strftime(b, sizeof b, f, &tm);                                                         \
        CHECK(n == strlen(want) && STREQ(b, want), "strftime(\"%s\") = %d \"%s\"", f, (int)n, b);  \
    } while (0)

    FMT("%a %A %b %B", "Tue Tuesday Nov November");
    FMT("%d %H %I %j %m %M %p %S", "14 22 10 318 11 13 PM 20");
    FMT("%U %w %W", "46 2 46");
    FMT("%x %X", "11/14/23 22:13:20");
    FMT("%y %Y %%", "23 2023 %");
    FMT("%#c", "Tuesday, November 14, 2023 22:13:20");
    FMT("%#x", "Tuesday, November 14, 2023");
    FMT("%#d %#H %#j %#m", "14 22 318 11");
    FMT("", "");
#ifdef _UCRT
    FMT("%c", "Tue Nov 14 22:13:20 2023");
    FMT("%e|%D|%T|%F|%R|%h|%C|%g|%G|%V|%u|%r", "14|11/14/23|22:13:20|2023-11-14|22:13|Nov|20|23|2023|46|2|10:13:20 PM");
    FMT("%n%t", "\n\t");
    FMT("%z", "-0800");
#else
    FMT("%c", "11/14/23 22:13:20");
#endif
    iph_calls = 0;
    errno = 0;
    CHECK(strftime(b, sizeof b, "%k", &tm) == 0 && errno == EINVAL, "strftime: unknown conversion");
    IPH_CHECK(1);
    errno = 0;
    CHECK(strftime(b, sizeof b, "%", &tm) == 0 && errno == EINVAL, "strftime: lone %%");
    errno = 0;
    CHECK(strftime(b, 5, "%Y-%m", &tm) == 0 && b[0] == 0 && errno == ERANGE, "strftime: too small");

    wchar_t w[128];
    n = wcsftime(w, 128, L"%A %d %B", &tm);
    CHECK(n == 19 && wcscmp(w, L"Tuesday 14 November") == 0, "wcsftime: %d %ls", (int)n, w);

    CHECK(STREQ(asctime(&tm), "Tue Nov 14 22:13:20 2023\n"), "asctime: %s", asctime(&tm));
    CHECK(STREQ(_ctime64(&x), "Tue Nov 14 14:13:20 2023\n"), "_ctime64 (local): %s", _ctime64(&x));
    CHECK(STREQ(ctime(&x), "Tue Nov 14 14:13:20 2023\n"), "ctime");
    CHECK(wcscmp(_wctime64(&x), L"Tue Nov 14 14:13:20 2023\n") == 0, "_wctime64");
    CHECK(asctime_s(b, sizeof b, &tm) == 0 && STREQ(b, "Tue Nov 14 22:13:20 2023\n"), "asctime_s");
    CHECK(_ctime64_s(b, sizeof b, &x) == 0 && STREQ(b, "Tue Nov 14 14:13:20 2023\n"), "_ctime64_s");
    __time64_t neg = -1;
    CHECK(_ctime64(&neg) == NULL, "_ctime64(-1)");

    char d[16], t[16];
    _strdate(d);
    _strtime(t);
    CHECK(strlen(d) == 8 && d[2] == '/' && d[5] == '/', "_strdate: %s", d);
    CHECK(strlen(t) == 8 && t[2] == ':' && t[5] == ':', "_strtime: %s", t);
    CHECK(_strdate_s(d, sizeof d) == 0 && strlen(d) == 8, "_strdate_s");
    CHECK(_strtime_s(t, sizeof t) == 0 && strlen(t) == 8, "_strtime_s");
}

static void now(void)
{
    __time64_t a = _time64(NULL), b = 0;
    _time64(&b);
    CHECK(a > 1600000000 && b >= a && b - a < 5, "_time64: %lld", a);
    time_t c = time(NULL);
    CHECK(c >= a && c - a < 5, "time");
#ifdef _UCRT
    __time32_t d = _time32(NULL);
    CHECK(d >= (__time32_t)a && d - (__time32_t)a < 5, "_time32");
#endif

    struct __timeb64 tb;
    _ftime64(&tb);
    CHECK(tb.time >= a && tb.time - a < 5 && tb.millitm < 1000 && tb.timezone == 480, "_ftime64: %lld %d %d",
          tb.time, tb.millitm, tb.timezone);
    struct _timeb tb2;
    _ftime(&tb2);
    CHECK(tb2.timezone == 480 && (tb2.dstflag == 0 || tb2.dstflag == 1), "_ftime");

    clock_t c0 = clock();
    CHECK(c0 >= 0 && c0 < 60 * CLOCKS_PER_SEC, "clock counts from the start: %ld", (long)c0);
    CHECK(CLOCKS_PER_SEC == 1000, "CLOCKS_PER_SEC");
    Sleep(50);
    CHECK(clock() - c0 >= 40, "clock advanced by %ld", (long)(clock() - c0));
    CHECK(difftime(10, 4) == 6.0 && _difftime64(4, 10) == -6.0, "difftime");
}

static void other_zones(void)
{
    __time64_t t = 1700000000;
    _putenv("TZ=EST5");
    _tzset();
    CHECK(_timezone == 18000 && _daylight == 0, "EST5: %ld %d", _timezone, _daylight);
    TM(_localtime64(&t), 2023, 11, 14, 17, 13, 20, 0);
    _putenv("TZ=IST-5:30");
    _tzset();
    CHECK(_timezone == -19800 && _daylight == 0, "IST-5:30: %ld", _timezone);
    TM(_localtime64(&t), 2023, 11, 15, 3, 43, 20, 0);
    _putenv("TZ=CET-1CEST");
    _tzset();
    CHECK(_timezone == -3600 && _daylight != 0, "CET-1CEST");
    t = 1690000000;
    TM(_localtime64(&t), 2023, 7, 22, 6, 26, 40, 1);
    _putenv("TZ=UTC0");
    _tzset();
    TM(_localtime64(&t), 2023, 7, 22, 4, 26, 40, 0);
}

int main(void)
{
    iph_install();
    zone();
    make();
    text();
    now();
    other_zones();
    return check_report();
}
