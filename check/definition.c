/* definition.c — rule "definition": two metrics of one family
 * (data/metrics.tsv: entry_bans and entry_denials, deportations and
 * expulsions) for the same kind, period, place and subject from different
 * source families. Outlets name one official count with different words, so
 * this is a possible definition mismatch: said as such, never as agreement
 * or conflict.
 *
 * A source that states both metrics for the key shows they are different
 * counts there (deaths and injuries of one attack): then no pair of those
 * metrics is reported for that key. Exports ms_check_definition. */
#include "check/check.h"

static const char RULE[] = "definition";

static const char *family_of(const ms_metric_registry *reg, const char *metric)
{
    const ms_metric *m = ms_metric_find(reg, metric);
    return m ? m->family : NULL;
}

/* Does any one source in g state both metrics? */
static bool told_apart(const ms_figure *const *g, size_t n, const char *m1, const char *m2)
{
    for (size_t i = 0; i < n; i++) {
        if (!ms_str_eq(g[i]->metric, m1))
            continue;
        for (size_t j = 0; j < n; j++)
            if (ms_str_eq(g[j]->metric, m2) && ms_str_eq(g[j]->source, g[i]->source))
                return true;
    }
    return false;
}

static char *describe(const ms_figure *a, const ms_figure *b, const char *family, double gap)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_check_format_key(a, &sb);
    ms_strbuf_puts(&sb, ": ");
    ms_check_format_says(a, &sb);
    ms_strbuf_printf(&sb, " and '%s' says %s ", b->source ? b->source : "-", b->metric);
    ms_check_format_statement(b, &sb);
    ms_strbuf_printf(&sb, "; both are %s: possibly one count under two definitions", family);
    if (gap > 0) {
        ms_strbuf_puts(&sb, " (the intervals are ");
        ms_strbuf_num(&sb, ms_check_gap_percent(gap));
        ms_strbuf_puts(&sb, " % apart)");
    } else {
        ms_strbuf_puts(&sb, " (the intervals overlap)");
    }
    return ms_strbuf_detach(&sb);
}

static ms_status compare_group(const ms_figure *const *g, size_t n, const void *arg,
                               ms_findings *out)
{
    const ms_metric_registry *reg = arg;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            const ms_figure *pair[2] = {g[i], g[j]};
            if (ms_str_eq(pair[0]->metric, pair[1]->metric) ||
                ms_check_same_family(pair[0], pair[1]))
                continue;
            const char *fam = family_of(reg, pair[0]->metric);
            if (!fam || !ms_str_eq(fam, family_of(reg, pair[1]->metric)) ||
                told_apart(g, n, pair[0]->metric, pair[1]->metric))
                continue;
            double gap = ms_check_relative_gap(pair[0], pair[1]);
            ms_status st = ms_findings_add_figures(out, RULE, MS_FINDING_MISMATCH, pair, 2,
                                                   NULL, 0, gap,
                                                   describe(pair[0], pair[1], fam, gap));
            if (st != MS_OK)
                return st;
        }
    }
    return MS_OK;
}

ms_status ms_check_definition(const ms_check_ctx *ctx, ms_findings *out)
{
    if (!ctx->metrics)
        return MS_OK;
    return ms_check_each_group(ctx->set, NULL, MS_KEY_METRIC, compare_group, ctx->metrics, out);
}
