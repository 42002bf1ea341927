/* divide.c — one figure divided by the figure that matches it, for shares
 * of a total and rates per capita. Exports ms_stats_divide_matched
 * (internal.h). The rule says which figures are parts and what their
 * divisor is; this file does the interval division, the reporting and the
 * derived figure. */
#include "stats/internal.h"

static const char *or_dash(const char *s) { return s ? s : "-"; }

/* Index of the first divisor of in->items[part_at], or n when none. */
static size_t find_total(const ms_figure_set *in, size_t n, size_t part_at, const ms_divide_rule *rule)
{
    for (size_t j = 0; j < n; j++)
        if (j != part_at && rule->is_total_for(&in->items[part_at], &in->items[j], rule->ctx))
            return j;
    return n;
}

ms_status ms_stats_divide_matched(const ms_figure_set *in, const ms_divide_rule *rule,
                                  ms_figure_set *out, ms_diag *diag)
{
    /* indexes, not pointers: when out is in, adding moves in->items; the
     * count is taken once so the figures appended are not visited */
    ms_status st = MS_OK;
    size_t n = in->count;
    for (size_t i = 0; st == MS_OK && i < n; i++) {
        if (!rule->is_part(&in->items[i], rule->ctx))
            continue;
        size_t j = find_total(in, n, i, rule);
        const ms_figure *part = &in->items[i];
        if (j == n) {
            char period[MS_PERIOD_BUFSZ];
            ms_period_format(part->period, period);
            ms_diag_report(diag, MS_SEV_WARNING, MS_ERR_DATA, part->source, 0, 0,
                           "%s of '%s' (%s) not computed: no figure to divide by", rule->what,
                           or_dash(part->id), period);
            continue;
        }
        const ms_figure *total = &in->items[j];
        ms_interval q;
        if (total->value == 0 ||
            ms_interval_div(ms_stats_range_of(part), ms_stats_range_of(total), &q) != MS_OK) {
            ms_diag_report(diag, MS_SEV_WARNING, MS_ERR_DATA, part->source, 0, 0,
                           "%s of '%s' not computed: the interval of '%s' contains 0",
                           rule->what, or_dash(part->id), or_dash(total->id));
            continue;
        }
        ms_point p = {.current = part, .other = total, .period = part->period,
                      .base = ms_period_none(), .status = MS_POINT_OK,
                      .value = part->value / total->value * rule->scale,
                      .range = ms_interval_scale(q, rule->scale)};
        st = ms_point_to_figure(&p, &rule->form, out);
    }
    return st;
}
