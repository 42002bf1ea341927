/* log_change.c — ln(current / previous) along a series, on the changes
 * ms_stats_changes matches by calendar period (so gaps and first periods
 * are the same as for percent changes). Exports ms_stats_log_changes and
 * ms_log_change_form (stats.h). Log changes add up over periods and are
 * symmetric (a halving is -ln 2, a doubling +ln 2), which percent changes
 * are not. */
#include "stats/stats.h"

#include <math.h>
#include <stdlib.h>

#include "stats/internal.h"

const ms_point_form ms_log_change_form = {MS_KIND_LOG_CHANGE, "log", NULL, "log"};

static ms_point_status status_of_change(ms_change_status s)
{
    switch (s) {
    case MS_CHANGE_OK: return MS_POINT_OK;
    case MS_CHANGE_FIRST: return MS_POINT_FIRST;
    case MS_CHANGE_GAP: return MS_POINT_GAP;
    case MS_CHANGE_MISSING: return MS_POINT_MISSING;
    case MS_CHANGE_ZERO_BASE: break;
    }
    return MS_POINT_ZERO_BASE;
}

static void log_of_change(const ms_change *c, ms_point *p)
{
    p->current = c->current;
    p->other = c->previous;
    p->period = c->current->period;
    p->base = c->base;
    p->status = status_of_change(c->status);
    p->value = NAN;
    p->range = ms_stats_nan_interval();
    if (p->status != MS_POINT_OK)
        return;
    /* the quotient's interval is the percent change's, before "- 1, x 100" */
    ms_interval q, ln_q;
    double ratio = c->current->value / c->previous->value;
    if (ms_interval_div(ms_stats_range_of(c->current), ms_stats_range_of(c->previous), &q) != MS_OK) {
        p->status = MS_POINT_ZERO_BASE;
        return;
    }
    if (!(ratio > 0) || ms_interval_log(q, &ln_q) != MS_OK) {
        p->status = MS_POINT_NOT_POSITIVE; /* a count of 0, or a sign change */
        return;
    }
    p->value = log(ratio);
    p->range = ln_q;
}

ms_status ms_stats_log_changes(const ms_series *s, ms_change_mode mode, ms_point_list *out)
{
    out->items = NULL;
    out->count = 0;
    ms_change_list changes;
    ms_status st = ms_stats_changes(s, mode, &changes);
    if (st != MS_OK || changes.count == 0)
        return st;
    out->items = calloc(changes.count, sizeof *out->items);
    if (!out->items) {
        ms_change_list_free(&changes);
        return MS_ERR_NOMEM;
    }
    for (size_t i = 0; i < changes.count; i++)
        log_of_change(&changes.items[i], &out->items[i]);
    out->count = changes.count;
    ms_change_list_free(&changes);
    return MS_OK;
}
