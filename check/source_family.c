/* source_family.c — which figures come from one source family (one outlet
 * or statistics series publishing editions over time), and when a figure
 * was published.
 *
 * The rule, documented in check.h and `migstat check --help`:
 *   - the family of a source id is the id without its trailing date and
 *     edition parts: "-2024", "-2024-10", "-2024-10-08", "-20241008", "-v2",
 *     "-ed2", "-rev2", in any order at the end ("asiaplus-2024-10-08" ->
 *     "asiaplus", "release-2017-02-v2" -> "release");
 *   - two figures are of one family when their families are equal, or when
 *     both have a url and the hosts are equal (without "www.");
 *   - a figure without `published` was published on the date its source id
 *     ends with ("release-2017-02" -> 2017-02-01), if any.
 * Exports ms_source_family, ms_check_same_family, ms_check_published. */
#include "check/check.h"

#include <ctype.h>
#include <string.h>

static bool all_digits(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

static int num_of(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* "v2", "ed2", "rev2", "edition2". */
static bool is_edition(const char *s, size_t n)
{
    static const char *const words[] = {"v", "ed", "rev", "edition"};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t k = strlen(words[w]);
        if (n > k && strncmp(s, words[w], k) == 0 && all_digits(s + k, n - k))
            return true;
    }
    return false;
}

/* The parts of an id, split at '-' and '_'. */
typedef struct parts {
    const char *at[16];
    size_t len[16];
    size_t n;
} parts;

static void split(const char *s, parts *p)
{
    p->n = 0;
    const char *start = s;
    for (const char *c = s;; c++) {
        if (*c == '-' || *c == '_' || *c == '\0') {
            if (p->n == sizeof p->at / sizeof p->at[0]) { /* a long id: fold the rest */
                p->len[p->n - 1] = (size_t)(c - p->at[p->n - 1]);
            } else {
                p->at[p->n] = start;
                p->len[p->n++] = (size_t)(c - start);
            }
            if (!*c)
                break;
            start = c + 1;
        }
    }
}

static bool is_year(const char *s, size_t n)
{
    return n == 4 && all_digits(s, n) && num_of(s, n) >= 1900 && num_of(s, n) <= 2099;
}

static bool is_2(const char *s, size_t n, int max)
{
    return n == 2 && all_digits(s, n) && num_of(s, n) >= 1 && num_of(s, n) <= max;
}

/* How many trailing parts of p (ending before `end`) are a date, and that
 * date (day 1 / month 1 when not stated); 0 if none. */
static size_t trailing_date(const parts *p, size_t end, int32_t *day)
{
    const char *const *a = p->at;
    const size_t *l = p->len;
    if (end >= 4 && is_year(a[end - 3], l[end - 3]) && is_2(a[end - 2], l[end - 2], 12) &&
        is_2(a[end - 1], l[end - 1], 31)) {
        int y = num_of(a[end - 3], 4), m = num_of(a[end - 2], 2), d = num_of(a[end - 1], 2);
        if (d <= ms_days_in_month(y, m)) {
            *day = ms_day_from_civil(y, m, d);
            return 3;
        }
    }
    if (end >= 3 && is_year(a[end - 2], l[end - 2]) && is_2(a[end - 1], l[end - 1], 12)) {
        *day = ms_day_from_civil(num_of(a[end - 2], 4), num_of(a[end - 1], 2), 1);
        return 2;
    }
    if (end >= 2 && l[end - 1] == 8 && all_digits(a[end - 1], 8) && is_year(a[end - 1], 4)) {
        const char *s = a[end - 1];
        int y = num_of(s, 4), m = num_of(s + 4, 2), d = num_of(s + 6, 2);
        if (m >= 1 && m <= 12 && d >= 1 && d <= ms_days_in_month(y, m)) {
            *day = ms_day_from_civil(y, m, d);
            return 1;
        }
    }
    if (end >= 2 && is_year(a[end - 1], l[end - 1])) {
        *day = ms_day_from_civil(num_of(a[end - 1], 4), 1, 1);
        return 1;
    }
    return 0;
}

/* The number of parts left once trailing dates and editions are removed
 * (at least one), and the last date removed (MS_DAY_NONE if none). */
static size_t family_parts(const parts *p, int32_t *date)
{
    size_t end = p->n;
    *date = MS_DAY_NONE;
    for (;;) {
        int32_t d;
        size_t k;
        if (end >= 2 && is_edition(p->at[end - 1], p->len[end - 1])) {
            end--;
        } else if ((k = trailing_date(p, end, &d)) > 0) {
            end -= k;
            if (*date == MS_DAY_NONE)
                *date = d;
        } else {
            return end;
        }
    }
}

void ms_source_family(const char *source, char *buf, size_t cap)
{
    if (cap == 0)
        return;
    buf[0] = '\0';
    if (!source || !*source)
        return;
    parts p;
    split(source, &p);
    int32_t date;
    size_t keep = family_parts(&p, &date);
    size_t n = (size_t)(p.at[keep - 1] + p.len[keep - 1] - source);
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, source, n);
    buf[n] = '\0';
}

/* The host of a url ("https://www.gov.uk/x" -> "gov.uk"), into buf; false
 * if there is none. */
static bool url_host(const char *url, char *buf, size_t cap)
{
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p)
        return false;
    p += 3;
    if (strncmp(p, "www.", 4) == 0)
        p += 4;
    size_t n = strcspn(p, "/:?#");
    if (n == 0 || n >= cap)
        return false;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)tolower((unsigned char)p[i]);
    buf[n] = '\0';
    return true;
}

bool ms_check_same_family(const ms_figure *a, const ms_figure *b)
{
    char fa[256], fb[256];
    ms_source_family(a->source, fa, sizeof fa);
    ms_source_family(b->source, fb, sizeof fb);
    if (strcmp(fa, fb) == 0)
        return true;
    char ha[256], hb[256];
    return url_host(a->url, ha, sizeof ha) && url_host(b->url, hb, sizeof hb) &&
           strcmp(ha, hb) == 0;
}

int32_t ms_check_published(const ms_figure *f)
{
    if (f->published != MS_DAY_NONE || !f->source)
        return f->published;
    parts p;
    split(f->source, &p);
    int32_t date;
    family_parts(&p, &date);
    return date;
}
