/* share.c — parts of a total in percent: a citizenship among all foreign
 * citizens, a region within its country, or one metric within another.
 * Exports ms_stats_shares (stats.h); the division is divide.c's. */
#include "stats/stats.h"

#include <string.h>

#include "core/strbuf.h"
#include "stats/internal.h"

static const char total_subject[] = "foreign_citizens";

typedef struct share_ctx {
    ms_share_total by;
    const char *part_metric, *total_metric;
} share_ctx;

static bool usable(const ms_figure *f)
{
    return f->kind == MS_KIND_COUNT && !ms_figure_is_missing(f) && !ms_period_is_none(f->period);
}

/* The same cell but for the dimension the total sums over. */
static bool same_cell(const ms_figure *a, const ms_figure *b)
{
    return ms_period_equal(a->period, b->period) && ms_str_eq(a->breakdown, b->breakdown) &&
           ms_str_eq(a->source, b->source);
}

/* "RU-MOW" is within "RU": the code before the first '-'. */
static bool region_of(const char *region, const char *country)
{
    if (!region || !country)
        return false;
    const char *dash = strchr(region, '-');
    return dash && (size_t)(dash - region) == strlen(country) &&
           strncmp(region, country, strlen(country)) == 0;
}

static bool is_part(const ms_figure *f, const void *vctx)
{
    const share_ctx *c = vctx;
    if (!usable(f))
        return false;
    switch (c->by) {
    case MS_SHARE_OF_SUBJECTS: return f->subject && !ms_str_eq(f->subject, total_subject);
    case MS_SHARE_OF_COUNTRY: return f->place && strchr(f->place, '-') != NULL;
    case MS_SHARE_OF_METRIC: break;
    }
    return ms_str_eq(f->metric, c->part_metric);
}

static bool is_total_for(const ms_figure *part, const ms_figure *total, const void *vctx)
{
    const share_ctx *c = vctx;
    if (!usable(total) || !same_cell(part, total))
        return false;
    switch (c->by) {
    case MS_SHARE_OF_SUBJECTS:
        return ms_str_eq(part->metric, total->metric) && ms_str_eq(part->place, total->place) &&
               ms_str_eq(total->subject, total_subject);
    case MS_SHARE_OF_COUNTRY:
        return ms_str_eq(part->metric, total->metric) && ms_str_eq(part->subject, total->subject) &&
               region_of(part->place, total->place);
    case MS_SHARE_OF_METRIC: break;
    }
    return ms_str_eq(total->metric, c->total_metric) && ms_str_eq(part->place, total->place) &&
           ms_str_eq(part->subject, total->subject);
}

ms_status ms_stats_shares(const ms_figure_set *in, ms_share_total by, const char *part_metric,
                          const char *total_metric, ms_figure_set *out, ms_diag *diag)
{
    bool by_metric = by == MS_SHARE_OF_METRIC;
    if (by_metric && (!part_metric || !*part_metric || !total_metric || !*total_metric))
        return MS_ERR_USAGE;
    ms_strbuf metric;
    ms_strbuf_init(&metric);
    if (by_metric) {
        ms_strbuf_puts(&metric, part_metric);
        ms_strbuf_puts(&metric, "_of_");
        ms_strbuf_puts(&metric, total_metric);
    }
    share_ctx ctx = {by, part_metric, total_metric};
    ms_divide_rule rule = {
        .is_part = is_part,
        .is_total_for = is_total_for,
        .ctx = &ctx,
        .scale = 100,
        .form = {MS_KIND_SHARE, "percent", by_metric ? ms_strbuf_str(&metric) : NULL, "share"},
        .what = "share",
    };
    ms_status st = ms_strbuf_failed(&metric) ? MS_ERR_NOMEM
                                             : ms_stats_divide_matched(in, &rule, out, diag);
    ms_strbuf_free(&metric);
    return st;
}
