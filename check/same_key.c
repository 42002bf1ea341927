/* same_key.c — rule "same_key": do different sources agree on the same
 * (metric, kind, period, base, place, subject, breakdown)?
 *
 * Exports ms_check_same_key (check.h). Counts agree when their intervals
 * share a whole number ("144" and "145" do not; "more than 140" agrees with
 * both), other kinds when their intervals overlap. Figures of one source
 * family are the revision rule's, not compared here. */
#include "check/check.h"

static const char RULE[] = "same_key";

static char *describe(const ms_figure *a, const ms_figure *b, bool agree, double gap)
{
    bool counts = a->kind == MS_KIND_COUNT && b->kind == MS_KIND_COUNT;
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_check_format_key(a, &sb);
    ms_strbuf_puts(&sb, ": ");
    ms_check_format_says(a, &sb);
    ms_strbuf_puts(&sb, " and ");
    ms_check_format_says(b, &sb);
    if (agree) {
        ms_strbuf_puts(&sb, counts ? "; the intervals share a whole number"
                                   : "; the intervals overlap");
    } else {
        ms_strbuf_puts(&sb, counts ? "; the intervals share no whole number (gap "
                                   : "; the intervals do not overlap (gap ");
        ms_strbuf_num(&sb, ms_check_gap_percent(gap));
        ms_strbuf_puts(&sb, " %)");
    }
    return ms_strbuf_detach(&sb); /* NULL if it failed */
}

static ms_status compare_group(const ms_figure *const *g, size_t n, const void *arg,
                               ms_findings *out)
{
    (void)arg;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            const ms_figure *pair[2] = {g[i], g[j]};
            if (ms_check_same_family(pair[0], pair[1]))
                continue;
            bool counts = pair[0]->kind == MS_KIND_COUNT;
            bool ok = ms_check_ranges_agree(ms_check_range_of(pair[0]),
                                            ms_check_range_of(pair[1]), counts);
            double gap = ok ? 0 : ms_check_relative_gap(pair[0], pair[1]);
            ms_status st = ms_findings_add_figures(
                out, RULE, ok ? MS_FINDING_OK : MS_FINDING_CONFLICT, pair, 2, NULL, 0, gap,
                describe(pair[0], pair[1], ok, gap));
            if (st != MS_OK)
                return st;
        }
    }
    return MS_OK;
}

ms_status ms_check_same_key(const ms_check_ctx *ctx, ms_findings *out)
{
    return ms_check_each_group(ctx->set, NULL, 0, compare_group, NULL, out);
}
