/* cumulative.c — rule "cumulative": a year-to-date count (a period from
 * 1 January to a day of the same year) of one source family is at least the
 * count for any period within it: an earlier year to date (so the figures
 * never fall as the end grows), a month, a quarter.
 *
 * Counts only; single days are left out (a day is often a stock, "as of
 * 1 July", which a longer period does not contain). Conflict when the part
 * certainly exceeds the year to date (whole numbers), ok otherwise.
 * Exports ms_check_cumulative. */
#include "check/check.h"

static const char RULE[] = "cumulative";

static bool is_count(const ms_figure *f)
{
    return f->kind == MS_KIND_COUNT;
}

static bool is_year_to_date(ms_period p)
{
    int y1, m1, d1, y2, m2, d2;
    ms_civil_from_day(p.start, &y1, &m1, &d1);
    ms_civil_from_day(p.end, &y2, &m2, &d2);
    return m1 == 1 && d1 == 1 && y1 == y2;
}

static char *describe(const ms_figure *part, const ms_figure *ytd, bool ok, double gap)
{
    char pp[MS_PERIOD_BUFSZ], py[MS_PERIOD_BUFSZ];
    ms_period_format(part->period, pp);
    ms_period_format(ytd->period, py);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_check_format_key(ytd, &sb);
    ms_strbuf_puts(&sb, ": ");
    ms_check_format_says(part, &sb);
    ms_strbuf_printf(&sb, " for %s and ", pp);
    ms_check_format_says(ytd, &sb);
    ms_strbuf_printf(&sb, " for the year to date %s", py);
    if (ok) {
        ms_strbuf_puts(&sb, "; the part can be within the whole");
    } else {
        ms_strbuf_puts(&sb, is_year_to_date(part->period)
                                ? "; a year-to-date count cannot fall as the period grows (gap "
                                : "; a part of the year cannot exceed its year to date (gap ");
        ms_strbuf_num(&sb, ms_check_gap_percent(gap));
        ms_strbuf_puts(&sb, " %)");
    }
    return ms_strbuf_detach(&sb);
}

static ms_status check_group(const ms_figure *const *g, size_t n, const void *arg,
                             ms_findings *out)
{
    (void)arg;
    for (size_t i = 0; i < n; i++) {
        const ms_figure *ytd = g[i];
        if (!is_year_to_date(ytd->period))
            continue;
        for (size_t j = 0; j < n; j++) {
            const ms_figure *part = g[j];
            if (part->period.start == part->period.end ||
                ms_period_equal(part->period, ytd->period) ||
                !ms_period_contains(ytd->period, part->period) ||
                !ms_check_same_family(part, ytd))
                continue;
            ms_interval rp = ms_check_range_of(part), ry = ms_check_range_of(ytd);
            bool ok = ms_check_can_hold(rp, MS_OP_LE, ry, true);
            double gap = ok ? 0 : ms_check_range_gap(rp, ry, true);
            const ms_figure *pair[2] = {part, ytd};
            ms_status st = ms_findings_add_figures(out, RULE,
                                                   ok ? MS_FINDING_OK : MS_FINDING_CONFLICT,
                                                   pair, 2, NULL, 0, gap,
                                                   describe(part, ytd, ok, gap));
            if (st != MS_OK)
                return st;
        }
    }
    return MS_OK;
}

ms_status ms_check_cumulative(const ms_check_ctx *ctx, ms_findings *out)
{
    return ms_check_each_group(ctx->set, is_count, MS_KEY_PERIOD | MS_KEY_BASE, check_group, NULL,
                               out);
}
