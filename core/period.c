/* period.c — calendar periods as inclusive day-number ranges.
 *
 * Day numbers count from 1970-01-01 in the proleptic Gregorian calendar and
 * are computed with the days-from-civil algorithm (eras of 400 years), never
 * with mktime or TZ. Exports parsing of the ISO-like period forms migstat
 * reads, shortest ISO formatting, and the calendar arithmetic stats need. */
#include "core/period.h"

#include <stdio.h>
#include <string.h>

/* ----------------------------------------------------------- calendar */

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int ms_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

int32_t ms_day_from_civil(int year, int month, int day)
{
    /* 64-bit so that any int year and any int32 day number stay in range */
    int64_t y = (int64_t)year - (month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                              /* [0, 399] */
    int64_t mp = (month + 9) % 12;                            /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5 + day - 1;               /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;      /* [0, 146096] */
    return (int32_t)(era * 146097 + doe - 719468);
}

void ms_civil_from_day(int32_t dayno, int *year, int *month, int *day)
{
    int64_t z = (int64_t)dayno + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    *year = (int)(yoe + era * 400 + (m <= 2));
    *month = (int)m;
    *day = (int)d;
}

ms_period ms_period_none(void) { return (ms_period){MS_DAY_NONE, MS_DAY_NONE}; }

bool ms_period_is_none(ms_period p) { return p.start == MS_DAY_NONE || p.end == MS_DAY_NONE; }

/* ----------------------------------------------------------- parsing */

/* Reads exactly n digits at s; -1 if any is not a digit. */
static int read_digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

ms_status ms_date_parse(const char *s, size_t len, int32_t *out)
{
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return MS_ERR_DATA;
    int y = read_digits(s, 4), m = read_digits(s + 5, 2), d = read_digits(s + 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > ms_days_in_month(y, m))
        return MS_ERR_DATA;
    *out = ms_day_from_civil(y, m, d);
    return MS_OK;
}

/* Writers of fixed-width digits (periods are formatted by the million:
 * no printf). Each returns the position after what it wrote. */
static char *put4(char *p, int v)
{
    p[0] = (char)('0' + v / 1000);
    p[1] = (char)('0' + v / 100 % 10);
    p[2] = (char)('0' + v / 10 % 10);
    p[3] = (char)('0' + v % 10);
    return p + 4;
}

static char *put2(char *p, int v)
{
    p[0] = (char)('0' + v / 10);
    p[1] = (char)('0' + v % 10);
    return p + 2;
}

static char *put_ym(char *p, int y, int m)
{
    p = put4(p, y);
    *p++ = '-';
    return put2(p, m);
}

static char *put_ymd(char *p, int y, int m, int d)
{
    p = put_ym(p, y, m);
    *p++ = '-';
    return put2(p, d);
}

size_t ms_date_format(int32_t dayno, char *buf)
{
    if (dayno == MS_DAY_NONE) {
        buf[0] = '\0';
        return 0;
    }
    int y, m, d;
    ms_civil_from_day(dayno, &y, &m, &d);
    if (y < 0 || y > 9999) {
        buf[0] = '\0';
        return 0;
    }
    *put_ymd(buf, y, m, d) = '\0';
    return 10;
}

/* One single form: YYYY, YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY-Sn, YYYYQn,
 * YYYYMmm, YYYY-MM-DD. */
static ms_status parse_single(const char *s, size_t len, ms_period *out)
{
    if (len < 4)
        return MS_ERR_DATA;
    int y = read_digits(s, 4);
    if (y < 0)
        return MS_ERR_DATA;
    if (len == 4) {
        *out = (ms_period){ms_day_from_civil(y, 1, 1), ms_day_from_civil(y, 12, 31)};
        return MS_OK;
    }
    const char *r = s + 4;
    size_t rl = len - 4;
    if (rl >= 1 && r[0] == '-') {
        r++;
        rl--;
    } else if (!(rl >= 2 && (r[0] == 'Q' || r[0] == 'M' || r[0] == 'S' || r[0] == 'H'))) {
        return MS_ERR_DATA;
    }
    if (rl == 2 && (r[0] == 'Q' || r[0] == 'H' || r[0] == 'S')) {
        int n = read_digits(r + 1, 1);
        int parts = r[0] == 'Q' ? 4 : 2;
        if (n < 1 || n > parts)
            return MS_ERR_DATA;
        int months = 12 / parts;
        int m0 = (n - 1) * months + 1, m1 = n * months;
        *out = (ms_period){ms_day_from_civil(y, m0, 1), ms_day_from_civil(y, m1, ms_days_in_month(y, m1))};
        return MS_OK;
    }
    if (rl == 3 && r[0] == 'M') { /* Eurostat 2024M07 */
        r++;
        rl--;
    }
    if (rl == 2) {
        int m = read_digits(r, 2);
        if (m < 1 || m > 12)
            return MS_ERR_DATA;
        *out = (ms_period){ms_day_from_civil(y, m, 1), ms_day_from_civil(y, m, ms_days_in_month(y, m))};
        return MS_OK;
    }
    int32_t day;
    if (ms_date_parse(s, len, &day) == MS_OK) {
        *out = (ms_period){day, day};
        return MS_OK;
    }
    return MS_ERR_DATA;
}

ms_status ms_period_parse(const char *s, size_t len, ms_period *out)
{
    if (len == 0)
        return MS_ERR_DATA;
    const char *slash = memchr(s, '/', len);
    ms_period a, b;
    if (!slash) {
        if (parse_single(s, len, &a) != MS_OK)
            return MS_ERR_DATA;
        *out = a;
        return MS_OK;
    }
    size_t la = (size_t)(slash - s);
    if (parse_single(s, la, &a) != MS_OK || parse_single(slash + 1, len - la - 1, &b) != MS_OK)
        return MS_ERR_DATA;
    if (b.end < a.start)
        return MS_ERR_DATA;
    *out = (ms_period){a.start, b.end};
    return MS_OK;
}

/* ----------------------------------------------------------- formatting */

/* The grain of [y0-m0-d0, y1-m1-d1] (start != end). */
static ms_period_grain grain_of_civil(int y0, int m0, int d0, int y1, int m1, int d1)
{
    if (y0 != y1 || d0 != 1 || d1 != ms_days_in_month(y1, m1))
        return MS_GRAIN_SPAN;
    int months = m1 - m0 + 1;
    if (months == 12)
        return MS_GRAIN_YEAR;
    if (months == 1)
        return MS_GRAIN_MONTH;
    if (months == 3 && (m0 - 1) % 3 == 0)
        return MS_GRAIN_QUARTER;
    if (months == 6 && (m0 - 1) % 6 == 0)
        return MS_GRAIN_HALF;
    return MS_GRAIN_SPAN;
}

ms_period_grain ms_period_grain_of(ms_period p)
{
    if (ms_period_is_none(p))
        return MS_GRAIN_NONE;
    if (p.start == p.end)
        return MS_GRAIN_DAY;
    int y0, m0, d0, y1, m1, d1;
    ms_civil_from_day(p.start, &y0, &m0, &d0);
    ms_civil_from_day(p.end, &y1, &m1, &d1);
    return grain_of_civil(y0, m0, d0, y1, m1, d1);
}

/* ISO years have four digits; a period outside 0000..9999 (only reachable
 * by arithmetic on day numbers, never by parsing) has no written form. */
static bool year_writable(int y) { return y >= 0 && y <= 9999; }

size_t ms_period_format(ms_period p, char *buf)
{
    buf[0] = '\0';
    if (ms_period_is_none(p) || p.end < p.start)
        return 0;
    int y0, m0, d0, y1, m1, d1;
    ms_civil_from_day(p.start, &y0, &m0, &d0);
    ms_civil_from_day(p.end, &y1, &m1, &d1);
    if (!year_writable(y0) || !year_writable(y1))
        return 0;
    ms_period_grain grain = p.start == p.end ? MS_GRAIN_DAY : grain_of_civil(y0, m0, d0, y1, m1, d1);
    char *e = buf;
    switch (grain) {
    case MS_GRAIN_YEAR: e = put4(e, y0); break;
    case MS_GRAIN_MONTH: e = put_ym(e, y0, m0); break;
    case MS_GRAIN_QUARTER:
        e = put4(e, y0);
        *e++ = '-';
        *e++ = 'Q';
        *e++ = (char)('0' + (m0 - 1) / 3 + 1);
        break;
    case MS_GRAIN_HALF:
        e = put4(e, y0);
        *e++ = '-';
        *e++ = 'H';
        *e++ = (char)('0' + (m0 - 1) / 6 + 1);
        break;
    case MS_GRAIN_DAY: e = put_ymd(e, y0, m0, d0); break;
    default:
        if (m0 == 1 && d0 == 1 && m1 == 12 && d1 == 31) { /* whole years: 2023/2024 */
            e = put4(e, y0);
            *e++ = '/';
            e = put4(e, y1);
        } else if (d0 == 1 && d1 == ms_days_in_month(y1, m1)) {
            e = put_ym(e, y0, m0);
            *e++ = '/';
            e = put_ym(e, y1, m1);
        } else {
            e = put_ymd(e, y0, m0, d0);
            *e++ = '/';
            e = put_ymd(e, y1, m1, d1);
        }
        break;
    }
    *e = '\0';
    return (size_t)(e - buf);
}

/* ----------------------------------------------------------- arithmetic */

/* Shifts one day by whole years; a month end stays a month end. */
static int32_t shift_day(int32_t day, int years)
{
    int y, m, d;
    ms_civil_from_day(day, &y, &m, &d);
    bool month_end = d == ms_days_in_month(y, m);
    y += years;
    int dim = ms_days_in_month(y, m);
    if (month_end || d > dim)
        d = dim;
    return ms_day_from_civil(y, m, d);
}

ms_period ms_period_shift_years(ms_period p, int years)
{
    if (ms_period_is_none(p))
        return p;
    if (p.start == p.end) { /* a single day keeps its date, Feb 29 -> Feb 28 */
        int y, m, d;
        ms_civil_from_day(p.start, &y, &m, &d);
        y += years;
        if (d > ms_days_in_month(y, m))
            d = ms_days_in_month(y, m);
        int32_t day = ms_day_from_civil(y, m, d);
        return (ms_period){day, day};
    }
    int y, m, d;
    ms_civil_from_day(p.start, &y, &m, &d);
    y += years;
    if (d > ms_days_in_month(y, m))
        d = ms_days_in_month(y, m);
    return (ms_period){ms_day_from_civil(y, m, d), shift_day(p.end, years)};
}

static long floor_div(long a, long b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

/* The period `len` calendar months long whose first month is `shift`
 * months after the first month of p (negative = before). */
static ms_period months_from(ms_period p, int shift, int len)
{
    int y, m, d;
    ms_civil_from_day(p.start, &y, &m, &d);
    /* months counted from year 0; floor division keeps year 0 - 1 right */
    long index = (long)y * 12 + (m - 1) + shift; /* first month of the result */
    long index_end = index + len - 1;
    int ys = (int)floor_div(index, 12), ms = (int)(index - floor_div(index, 12) * 12) + 1;
    int ye = (int)floor_div(index_end, 12), me = (int)(index_end - floor_div(index_end, 12) * 12) + 1;
    return (ms_period){ms_day_from_civil(ys, ms, 1), ms_day_from_civil(ye, me, ms_days_in_month(ye, me))};
}

/* The period `months` calendar months long that ends the month before p. */
static ms_period months_before(ms_period p, int months) { return months_from(p, -months, months); }

/* The period `months` calendar months long that starts the month after p. */
static ms_period months_after(ms_period p, int months) { return months_from(p, months, months); }

ms_period ms_period_previous(ms_period p)
{
    switch (ms_period_grain_of(p)) {
    case MS_GRAIN_NONE: return p;
    case MS_GRAIN_DAY: return (ms_period){p.start - 1, p.start - 1};
    case MS_GRAIN_MONTH: return months_before(p, 1);
    case MS_GRAIN_QUARTER: return months_before(p, 3);
    case MS_GRAIN_HALF: return months_before(p, 6);
    case MS_GRAIN_YEAR: return months_before(p, 12);
    case MS_GRAIN_SPAN: break;
    }
    return ms_period_shift_years(p, -1);
}

ms_period ms_period_next(ms_period p)
{
    switch (ms_period_grain_of(p)) {
    case MS_GRAIN_NONE: return p;
    case MS_GRAIN_DAY: return (ms_period){p.end + 1, p.end + 1};
    case MS_GRAIN_MONTH: return months_after(p, 1);
    case MS_GRAIN_QUARTER: return months_after(p, 3);
    case MS_GRAIN_HALF: return months_after(p, 6);
    case MS_GRAIN_YEAR: return months_after(p, 12);
    case MS_GRAIN_SPAN: break;
    }
    return ms_period_shift_years(p, 1);
}

bool ms_period_equal(ms_period a, ms_period b) { return a.start == b.start && a.end == b.end; }

int ms_period_compare(ms_period a, ms_period b)
{
    bool an = ms_period_is_none(a), bn = ms_period_is_none(b);
    if (an || bn)
        return an == bn ? 0 : (an ? -1 : 1);
    if (a.start != b.start)
        return a.start < b.start ? -1 : 1;
    if (a.end != b.end)
        return a.end < b.end ? -1 : 1;
    return 0;
}

bool ms_period_contains(ms_period outer, ms_period inner)
{
    if (ms_period_is_none(outer) || ms_period_is_none(inner))
        return false;
    return outer.start <= inner.start && inner.end <= outer.end;
}

bool ms_period_overlaps(ms_period a, ms_period b)
{
    if (ms_period_is_none(a) || ms_period_is_none(b))
        return false;
    return a.start <= b.end && b.start <= a.end;
}
