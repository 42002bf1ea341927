/* ratio.c — one metric divided by another, figure by figure, with the
 * interval the two ranges allow.
 *
 * Exports ms_stats_ratio (stats.h). Pairs are matched on exactly the same
 * (place, subject, period, source); nothing is paired across periods. A
 * denominator that may be 0 is reported, never divided. */
#include "stats/stats.h"

#include <string.h>

#include "core/strbuf.h"
#include "stats/internal.h"

/* A stated count of metric m with a known period. */
static bool usable(const ms_figure *f, const char *m)
{
    return f->kind == MS_KIND_COUNT && ms_str_eq(f->metric, m) &&
           !ms_figure_is_missing(f) && !ms_period_is_none(f->period);
}

static bool same_cell(const ms_figure *a, const ms_figure *b)
{
    return ms_period_equal(a->period, b->period) && ms_str_eq(a->place, b->place) &&
           ms_str_eq(a->subject, b->subject) && ms_str_eq(a->breakdown, b->breakdown) &&
           ms_str_eq(a->source, b->source);
}

static const char *or_dash(const char *s)
{
    return s ? s : "-";
}

/* Builds the ratio of num and den and appends it to out (a derived point
 * with id "derived:<num id>:per:<den id>"). */
static ms_status add_ratio(const ms_figure *num, const ms_figure *den, ms_interval range,
                           const char *metric, ms_figure_set *out)
{
    ms_strbuf suffix;
    ms_strbuf_init(&suffix);
    ms_strbuf_puts(&suffix, "per:");
    ms_strbuf_puts(&suffix, or_dash(den->id));
    ms_point p = {.current = num, .other = den, .period = num->period, .base = ms_period_none(),
                  .status = MS_POINT_OK, .value = num->value / den->value, .range = range};
    ms_point_form form = {MS_KIND_RATIO, "ratio", metric, ms_strbuf_str(&suffix)};
    ms_status st = ms_strbuf_failed(&suffix) ? MS_ERR_NOMEM : ms_point_to_figure(&p, &form, out);
    ms_strbuf_free(&suffix);
    return st;
}

ms_status ms_stats_ratio(const ms_figure_set *in, const char *num_metric,
                         const char *den_metric, ms_figure_set *out, ms_diag *diag)
{
    if (!num_metric || !*num_metric || !den_metric || !*den_metric)
        return MS_ERR_USAGE;

    ms_strbuf metric;
    ms_strbuf_init(&metric);
    ms_strbuf_puts(&metric, num_metric);
    ms_strbuf_puts(&metric, "_per_");
    ms_strbuf_puts(&metric, den_metric);
    if (ms_strbuf_failed(&metric)) {
        ms_strbuf_free(&metric);
        return MS_ERR_NOMEM;
    }

    /* Indexes, not pointers: when out is in, adding moves in->items. The
     * count is taken once so the ratios appended are not visited. */
    ms_status st = MS_OK;
    size_t n = in->count;
    for (size_t i = 0; st == MS_OK && i < n; i++) {
        if (!usable(&in->items[i], num_metric))
            continue;
        bool matched = false;
        for (size_t j = 0; st == MS_OK && j < n; j++) {
            const ms_figure *num = &in->items[i], *den = &in->items[j];
            if (j == i || !usable(den, den_metric) || !same_cell(num, den))
                continue;
            matched = true;
            ms_interval q;
            if (den->value == 0 ||
                ms_interval_div(ms_stats_range_of(num), ms_stats_range_of(den), &q) != MS_OK) {
                ms_diag_report(diag, MS_SEV_WARNING, MS_ERR_DATA, num->source, 0, 0,
                               "ratio '%s' / '%s' not computed: the denominator "
                               "interval contains 0",
                               or_dash(num->id), or_dash(den->id));
                continue;
            }
            st = add_ratio(num, den, q, ms_strbuf_str(&metric), out);
        }
        if (st == MS_OK && !matched) {
            const ms_figure *num = &in->items[i];
            char period[MS_PERIOD_BUFSZ];
            ms_period_format(num->period, period);
            ms_diag_report(diag, MS_SEV_WARNING, MS_ERR_DATA, num->source, 0, 0,
                           "no '%s' figure for the same period '%s', place, subject "
                           "and source as '%s': no ratio",
                           den_metric, period, or_dash(num->id));
        }
    }
    ms_strbuf_free(&metric);
    return st;
}
