/* same_key.c — rule "same_key": do different sources agree on the same
 * (metric, kind, period, place, subject)?
 *
 * Exports ms_check_same_key (check.h). Counts agree when their intervals
 * share a whole number ("144" and "145" do not; "more than 140" agrees with
 * both), other kinds when their intervals overlap. One source stating a key
 * twice is a revision, not a finding here. */
#include "check/check.h"

#include <math.h>
#include <stdlib.h>

static const char RULE[] = "same_key";

static bool comparable(const ms_figure *f)
{
    return !ms_figure_is_missing(f) && f->period.start != MS_DAY_NONE &&
           f->period.end != MS_DAY_NONE;
}

/* Order of the key (metric, kind, period, place, subject, breakdown). */
static int cmp_key(const ms_figure *a, const ms_figure *b)
{
    int c = ms_str_cmp(a->metric, b->metric);
    if (c)
        return c;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if ((c = ms_period_compare(a->period, b->period)) != 0)
        return c;
    if ((c = ms_str_cmp(a->place, b->place)) != 0)
        return c;
    if ((c = ms_str_cmp(a->subject, b->subject)) != 0)
        return c;
    return ms_str_cmp(a->breakdown, b->breakdown);
}

static int cmp_i64(int64_t a, int64_t b)
{
    return (a > b) - (a < b);
}

/* Key, then source, then where in the source; position in the set last, so
 * the order is total and the output is the same on every run. */
static int cmp_figure_ptr(const void *pa, const void *pb)
{
    const ms_figure *a = *(const ms_figure *const *)pa;
    const ms_figure *b = *(const ms_figure *const *)pb;
    int c = cmp_key(a, b);
    if (c)
        return c;
    if ((c = ms_str_cmp(a->source, b->source)) != 0)
        return c;
    if ((c = cmp_i64(a->line, b->line)) != 0)
        return c;
    if ((c = cmp_i64(a->offset, b->offset)) != 0)
        return c;
    return (a > b) - (a < b);
}

/* A percentage short enough for a sentence: one decimal, or two significant
 * digits when that would show 0. */
static double round_for_message(double pct)
{
    double r = round(pct * 10) / 10;
    if (r == 0 && pct > 0) {
        double scale = pow(10, 1 - floor(log10(pct)));
        r = round(pct * scale) / scale;
    }
    return r;
}

static char *describe(const ms_figure *a, const ms_figure *b, bool agree, double gap)
{
    bool counts = a->kind == MS_KIND_COUNT && b->kind == MS_KIND_COUNT;
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_check_format_key(a, &sb);
    ms_strbuf_printf(&sb, ": '%s' says ", a->source ? a->source : "-");
    ms_check_format_statement(a, &sb);
    ms_strbuf_printf(&sb, " and '%s' says ", b->source ? b->source : "-");
    ms_check_format_statement(b, &sb);
    if (agree) {
        ms_strbuf_puts(&sb, counts ? "; the intervals share a whole number"
                                   : "; the intervals overlap");
    } else {
        ms_strbuf_puts(&sb, counts ? "; the intervals share no whole number (gap "
                                   : "; the intervals do not overlap (gap ");
        ms_strbuf_num(&sb, round_for_message(gap * 100));
        ms_strbuf_puts(&sb, " %)");
    }
    return ms_strbuf_detach(&sb); /* NULL if it failed */
}

/* Agreement as ms_figure_ranges_agree decides it, with a figure that has
 * no valid range taken as exact. */
static bool agree(const ms_figure *a, const ms_figure *b)
{
    ms_figure ca = *a, cb = *b;
    ca.range = ms_check_range_of(a);
    cb.range = ms_check_range_of(b);
    return ms_figure_ranges_agree(&ca, &cb);
}

static ms_status compare_group(const ms_figure *const *g, size_t n, ms_findings *out)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            const ms_figure *a = g[i], *b = g[j];
            if (ms_str_eq(a->source, b->source))
                continue;
            bool ok = agree(a, b);
            double gap = ok ? 0 : ms_check_relative_gap(a, b);
            ms_status st = ms_findings_add(out, RULE,
                                           ok ? MS_FINDING_AGREEMENT : MS_FINDING_CONFLICT,
                                           a, b, gap, describe(a, b, ok, gap));
            if (st != MS_OK)
                return st;
        }
    }
    return MS_OK;
}

ms_status ms_check_same_key(const ms_figure_set *set, ms_findings *out)
{
    if (set->count == 0)
        return MS_OK;
    const ms_figure **all = malloc(set->count * sizeof *all);
    if (!all)
        return MS_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < set->count; i++)
        if (comparable(&set->items[i]))
            all[n++] = &set->items[i];
    if (n > 1)
        qsort(all, n, sizeof *all, cmp_figure_ptr);

    ms_status st = MS_OK;
    for (size_t i = 0; st == MS_OK && i < n;) {
        size_t j = i + 1;
        while (j < n && cmp_key(all[i], all[j]) == 0)
            j++;
        st = compare_group(all + i, j - i, out);
        i = j;
    }
    free(all);
    return st;
}
