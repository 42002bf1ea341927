/* revision.c — rule "revision": one source family (check/source_family.c)
 * stating the same key again, in another edition or later. A new value is
 * a revision (DESIGN: revisions are not conflicts), the same value ok.
 *
 * The earlier statement comes first, by `published` or the date in the
 * source id; when either date is unknown the order is said to be unknown.
 * One source stating a key twice on one date is left to the readers'
 * duplicate detection. Exports ms_check_revision. */
#include "check/check.h"

#include <math.h>
#include <stdlib.h>

static const char RULE[] = "revision";

static void put_when(const ms_figure *f, ms_strbuf *sb)
{
    char date[16];
    int32_t day = ms_check_published(f);
    if (day != MS_DAY_NONE && ms_date_format(day, date) > 0)
        ms_strbuf_printf(sb, " (published %s)", date);
}

static char *describe(const ms_figure *old, const ms_figure *later, bool same, bool ordered)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_check_format_key(old, &sb);
    ms_strbuf_puts(&sb, ": ");
    ms_check_format_says(old, &sb);
    put_when(old, &sb);
    ms_strbuf_puts(&sb, ordered ? "; later " : "; ");
    ms_check_format_says(later, &sb);
    put_when(later, &sb);
    if (same) {
        ms_strbuf_puts(&sb, "; restated with an agreeing value");
    } else {
        ms_strbuf_puts(&sb, ordered ? "; revised" : "; a new value (which came first is unknown)");
        if (old->value != 0) {
            double change = later->value / old->value - 1;
            double pct = ms_check_gap_percent(fabs(change));
            ms_strbuf_puts(&sb, change < 0 ? " by -" : " by +");
            ms_strbuf_num(&sb, pct);
            ms_strbuf_puts(&sb, " %");
        }
    }
    return ms_strbuf_detach(&sb);
}

static ms_status compare_group(const ms_figure *const *g, size_t n, const void *arg,
                               ms_findings *out)
{
    (void)arg;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            const ms_figure *a = g[i], *b = g[j];
            int32_t pa = ms_check_published(a), pb = ms_check_published(b);
            if (!ms_check_same_family(a, b) || (ms_str_eq(a->source, b->source) && pa == pb))
                continue;
            bool ordered = pa != MS_DAY_NONE && pb != MS_DAY_NONE && pa != pb;
            const ms_figure *pair[2] = {a, b};
            if (ordered && pb < pa) {
                pair[0] = b;
                pair[1] = a;
            }
            bool same = ms_check_ranges_agree(ms_check_range_of(a), ms_check_range_of(b),
                                              a->kind == MS_KIND_COUNT);
            double gap = ms_check_relative_gap(a, b);
            ms_status st = ms_findings_add_figures(
                out, RULE, same ? MS_FINDING_OK : MS_FINDING_REVISION, pair, 2, NULL, 0, gap,
                describe(pair[0], pair[1], same, ordered));
            if (st != MS_OK)
                return st;
        }
    }
    return MS_OK;
}

ms_status ms_check_revision(const ms_check_ctx *ctx, ms_findings *out)
{
    return ms_check_each_group(ctx->set, NULL, 0, compare_group, NULL, out);
}
