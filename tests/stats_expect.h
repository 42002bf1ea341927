/* stats_expect.h — what the tests of stats/ share: periods from text,
 * figures added with a stated range, the one series of a set, and
 * comparisons with a relative tolerance. Header-only (each test file is
 * its own program). */
#ifndef MS_TEST_STATS_EXPECT_H
#define MS_TEST_STATS_EXPECT_H

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/series.h"
#include "stats/stats.h"

static inline ms_period per(const char *text)
{
    ms_period p;
    cr_assert_eq(ms_period_parse(text, strlen(text), &p), MS_OK, "bad period '%s'", text);
    return p;
}

/* What a test figure says; NULL strings are not given, lo/hi NaN = exact. */
typedef struct test_fig {
    const char *metric, *period;
    double value, lo, hi;
    const char *place, *subject, *source;
} test_fig;

/* Adds f to set with id "<source>#<line>" (line also kept in f.line). */
static inline void add_fig(ms_figure_set *set, test_fig t, int64_t line)
{
    char id[64];
    snprintf(id, sizeof id, "%s#%lld", t.source ? t.source : "mvd", (long long)line);
    ms_figure f;
    ms_figure_init(&f);
    f.id = id;
    f.metric = t.metric ? t.metric : "entry_denials";
    f.unit = "persons";
    f.place = t.place ? t.place : "RU";
    f.subject = t.subject;
    f.source = t.source ? t.source : "mvd";
    f.value = t.value;
    if (!isnan(t.lo))
        f.range = ms_interval_make(t.lo, false, t.hi, false);
    else if (!isnan(t.value))
        f.range = ms_interval_point(t.value);
    f.period = per(t.period);
    f.line = line;
    cr_assert_eq(ms_figure_set_add(set, &f), MS_OK);
}

/* An exact count of entry_denials in RU from source mvd. */
static inline void add_count(ms_figure_set *set, const char *period, double value, int64_t line)
{
    add_fig(set, (test_fig){.period = period, .value = value, .lo = NAN, .hi = NAN}, line);
}

/* The one series of set (asserts there is exactly one). */
static inline ms_series_set group_one(const ms_figure_set *set)
{
    ms_series_set ss;
    cr_assert_eq(ms_series_group(set, &ss, NULL), MS_OK);
    cr_assert_eq(ss.count, 1);
    return ss;
}

/* The point whose current figure covers period text. */
static inline const ms_point *point_at(const ms_point_list *l, const char *text)
{
    ms_period p = per(text);
    for (size_t i = 0; i < l->count; i++)
        if (ms_period_equal(l->items[i].current->period, p))
            return &l->items[i];
    cr_assert_fail("no point for '%s'", text);
    return NULL;
}

#define assert_rel(got, want, tol, what)                                                           \
    cr_assert(fabs((double)(got) - (double)(want)) <= (tol) * fmax(1e-300, fabs((double)(want))),                           \
              "%s: got %.17g, want %.17g", (what), (double)(got), (double)(want))

/* A closed interval [lo, hi], each end within a relative 1e-12. */
static inline void assert_range(ms_interval r, double lo, double hi, const char *what)
{
    assert_rel(r.lo, lo, 1e-12, what);
    assert_rel(r.hi, hi, 1e-12, what);
}

#endif
