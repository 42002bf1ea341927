/* test_dupkeys.c — a second figure for the same series and period, in
 * sorted and unsorted input, and what does not count as the same. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "core/period.h"
#include "ingest/dupkeys.h"

static ms_figure fig(const char *place, const char *breakdown, const char *period)
{
    ms_figure f;
    ms_figure_init(&f);
    f.metric = "deportations";
    f.place = place;
    f.breakdown = breakdown;
    f.source = "s";
    cr_assert_eq(ms_period_parse(period, strlen(period), &f.period), MS_OK);
    return f;
}

static bool add(ms_dupkeys *d, ms_figure f)
{
    bool dup;
    cr_assert_eq(ms_dupkeys_add(d, &f, &dup), MS_OK);
    return dup;
}

Test(dupkeys, sorted_unsorted_and_different_keys)
{
    ms_dupkeys d;
    ms_dupkeys_init(&d);
    cr_assert_not(add(&d, fig("DE", NULL, "2020")));
    cr_assert_not(add(&d, fig("DE", NULL, "2021")));
    cr_assert_not(add(&d, fig("DE", NULL, "2019")), "out of order, new");
    cr_assert(add(&d, fig("DE", NULL, "2021")), "seen, in the sorted part");
    cr_assert(add(&d, fig("DE", NULL, "2019")), "seen, in the out-of-order part");
    cr_assert(add(&d, fig("DE", NULL, "2020-01/2020-12")), "the same span written otherwise");
    cr_assert_not(add(&d, fig("DE", NULL, "2020-Q1")), "another period");
    cr_assert_not(add(&d, fig("FR", NULL, "2020")), "another place");
    cr_assert_not(add(&d, fig("DE", "sex=F", "2020")), "another breakdown");
    cr_assert(add(&d, fig("DE", "sex=F", "2020")));
    ms_figure none = fig("DE", NULL, "2020");
    none.period = ms_period_none();
    cr_assert_not(add(&d, none));
    cr_assert_not(add(&d, none), "no period: never a duplicate");
    ms_dupkeys_free(&d);
}

Test(dupkeys, many_series_and_periods_in_reverse_order)
{
    ms_dupkeys d;
    ms_dupkeys_init(&d);
    char place[16];
    for (int y = 2000; y >= 1801; y--) {
        for (int p = 0; p < 300; p++) {
            snprintf(place, sizeof place, "P%d", p);
            char period[8];
            snprintf(period, sizeof period, "%d", y);
            cr_assert_not(add(&d, fig(place, NULL, period)));
        }
    }
    cr_assert(add(&d, fig("P7", NULL, "1900")));
    cr_assert(add(&d, fig("P299", NULL, "2000")));
    cr_assert_not(add(&d, fig("P300", NULL, "2000")));
    ms_dupkeys_free(&d);
}
