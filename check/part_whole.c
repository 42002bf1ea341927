/* part_whole.c — rule "part_whole": a part never exceeds its whole.
 *
 * For counts of one metric, period and breakdown: a citizenship (TJ) is at
 * most foreign_citizens of the same place, a region (RU-MOW) at most its
 * country (RU) for the same subject, from any sources; and the parts one
 * source states add up to no more than that source's total (check/parts.c;
 * that they add up to the total exactly is for a rules file to declare:
 * sum(subject) == subject:foreign_citizens). Conflict when the part
 * certainly exceeds the whole (whole numbers), ok otherwise.
 * Exports ms_check_part_whole. */
#include "check/check.h"

#include <stdlib.h>

static const char RULE[] = "part_whole";

static bool is_count(const ms_figure *f)
{
    return f->kind == MS_KIND_COUNT;
}

static const char *dim_word(ms_part_dim dim)
{
    return dim == MS_PART_SUBJECT ? "subject" : "place";
}

static ms_status add(ms_findings *out, const ms_figure *const *figs, size_t n,
                     const ms_computed *sum, bool ok, double gap, ms_strbuf *sb)
{
    if (ok) {
        ms_strbuf_puts(sb, "; the part can be within the whole");
    } else {
        ms_strbuf_puts(sb, "; a part cannot exceed its whole (gap ");
        ms_strbuf_num(sb, ms_check_gap_percent(gap));
        ms_strbuf_puts(sb, " %)");
    }
    return ms_findings_add_figures(out, RULE, ok ? MS_FINDING_OK : MS_FINDING_CONFLICT, figs, n,
                                   sum, sum ? 1 : 0, gap, ms_strbuf_detach(sb));
}

static ms_status part_vs_whole(const ms_figure *part, const ms_figure *whole, ms_findings *out)
{
    ms_interval rp = ms_check_range_of(part), rw = ms_check_range_of(whole);
    bool ok = ms_check_can_hold(rp, MS_OP_LE, rw, true);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_check_format_key(part, &sb);
    ms_strbuf_puts(&sb, ": ");
    ms_check_format_says(part, &sb);
    ms_strbuf_puts(&sb, "; for the whole, ");
    ms_check_format_key(whole, &sb);
    ms_strbuf_puts(&sb, ", ");
    ms_check_format_says(whole, &sb);
    const ms_figure *pair[2] = {part, whole};
    return add(out, pair, 2, NULL, ok, ok ? 0 : ms_check_range_gap(rp, rw, true), &sb);
}

/* The parts the whole's source states, added up, against the whole. */
static ms_status sum_vs_whole(const ms_figure *const *g, size_t n_g, const ms_figure *whole,
                              ms_part_dim dim, ms_findings *out)
{
    const ms_figure **parts;
    size_t n;
    ms_status st = ms_check_parts_of(g, n_g, whole, dim, NULL, NULL, &parts, &n);
    if (st != MS_OK || n < 2) { /* one part is the pairwise comparison */
        free(parts);
        return st;
    }
    ms_computed sum = ms_check_sum("sum", parts, n);
    ms_interval rw = ms_check_range_of(whole);
    bool ok = ms_check_can_hold(sum.range, MS_OP_LE, rw, true);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_check_format_key(whole, &sb);
    ms_strbuf_printf(&sb, ": the %zu parts by %s that '%s' gives add up to ", n, dim_word(dim),
                     whole->source ? whole->source : "-");
    ms_check_format_computed(&sum, &sb);
    ms_strbuf_puts(&sb, " and it says the whole is ");
    ms_check_format_statement(whole, &sb);
    st = add(out, parts, n + 1, &sum, ok, ok ? 0 : ms_check_range_gap(sum.range, rw, true), &sb);
    free(parts);
    return st;
}

static ms_status check_group(const ms_figure *const *g, size_t n, const void *arg,
                             ms_findings *out)
{
    const ms_part_dim dim = *(const ms_part_dim *)arg;
    ms_status st = MS_OK;
    for (size_t i = 0; i < n && st == MS_OK; i++) {
        const ms_figure *whole = g[i];
        const char *w = dim == MS_PART_SUBJECT ? whole->subject : whole->place;
        for (size_t j = 0; j < n && st == MS_OK; j++) {
            const char *p = dim == MS_PART_SUBJECT ? g[j]->subject : g[j]->place;
            if (ms_check_is_part(dim, p, w, g[j]))
                st = part_vs_whole(g[j], whole, out);
        }
        if (st == MS_OK)
            st = sum_vs_whole(g, n, whole, dim, out);
    }
    return st;
}

ms_status ms_check_part_whole(const ms_check_ctx *ctx, ms_findings *out)
{
    static const ms_part_dim dims[] = {MS_PART_SUBJECT, MS_PART_PLACE};
    static const unsigned ignore[] = {MS_KEY_SUBJECT, MS_KEY_PLACE};
    ms_status st = MS_OK;
    for (size_t d = 0; d < 2 && st == MS_OK; d++)
        st = ms_check_each_group(ctx->set, is_count, ignore[d], check_group, &dims[d], out);
    return st;
}
