/* rules_eval.c — running the rules of a rules file over a figure set.
 *
 * A side selects the figures of its kind (count unless kind(...)) whose
 * metric, subject and place are the ones it names. Two sides are paired
 * figure by figure: the same period, base and breakdown, and the same value
 * of every field that not both sides name (so `deportations <= entry_bans`
 * pairs figures of one place and subject, from any sources). A sum adds up
 * the parts one source gives of each whole the other side selects
 * (check/parts.c). An item passes when the intervals allow the relation
 * (whole numbers for counts; the tolerance widens the right side: "~ 1%" by
 * 1 % of its magnitude, "~ 50" by 50) and fails when no values do. An item
 * with a missing value, a figure with no partner or a whole with no parts is
 * not applicable. Fails are conflicts, passes ok findings.
 * Exports ms_check_ruleset (check.h). */
#include "check/rules_file.h"

#include <math.h>
#include <stdlib.h>

static const char *field_of(const ms_figure *f, rule_field k)
{
    switch (k) {
    case FIELD_METRIC: return f->metric;
    case FIELD_SUBJECT: return f->subject;
    case FIELD_PLACE: return f->place;
    case FIELD_COUNT_: break;
    }
    return NULL;
}

/* Does f have the side's kind and the values it names (a sum's dimension
 * left free)? */
static bool matches(const rule_side *s, const ms_figure *f)
{
    if (f->kind != s->kind)
        return false;
    for (int k = 0; k < FIELD_COUNT_; k++)
        if (s->field[k] && !ms_str_eq(s->field[k], field_of(f, (rule_field)k)))
            return false;
    return true;
}

/* Can figure b be paired with figure a under rule r? */
static bool partners(const rule *r, const ms_figure *a, const ms_figure *b)
{
    if (a == b || !ms_period_equal(a->period, b->period) || !ms_period_equal(a->base, b->base) ||
        !ms_str_eq(a->breakdown, b->breakdown))
        return false;
    for (int k = 0; k < FIELD_COUNT_; k++)
        if (!(r->left.field[k] && r->right.field[k]) &&
            !ms_str_eq(field_of(a, (rule_field)k), field_of(b, (rule_field)k)))
            return false;
    return true;
}

/* The right side's interval widened by the tolerance. */
static ms_interval widen(const rule *r, ms_interval b)
{
    if (!r->has_tolerance)
        return b;
    double t = r->relative ? r->tolerance / 100 * fmax(fabs(b.lo), fabs(b.hi)) : r->tolerance;
    return ms_interval_make(b.lo - t, b.lo_open, b.hi + t, b.hi_open);
}

/* What one rule's run keeps. */
typedef struct run {
    const rule *r;
    const ms_figure_set *set;
    ms_rule_summary sum;
    ms_findings *out;
} run;

/* Counts an item and, for a pass or a fail, adds its finding. figs and the
 * message in sb (consumed) describe it. */
static ms_status item(run *u, bool na, bool pass, const ms_figure *const *figs, size_t n,
                      const ms_computed *c, double gap, ms_strbuf *sb)
{
    u->sum.items++;
    if (na) {
        u->sum.na++;
        ms_strbuf_free(sb);
        return MS_OK;
    }
    if (pass) {
        u->sum.passes++;
        ms_strbuf_puts(sb, ": holds");
    } else {
        u->sum.fails++;
        ms_strbuf_puts(sb, ": fails (gap ");
        ms_strbuf_num(sb, ms_check_gap_percent(gap));
        ms_strbuf_puts(sb, " %)");
    }
    return ms_findings_add_figures(u->out, u->r->id, pass ? MS_FINDING_OK : MS_FINDING_CONFLICT,
                                   figs, n, c, c ? 1 : 0, pass ? 0 : gap, ms_strbuf_detach(sb));
}

/* "RULE: key 'src' says ..." */
static void start_message(const run *u, const ms_figure *f, ms_strbuf *sb)
{
    ms_strbuf_init(sb);
    ms_strbuf_puts(sb, u->r->text);
    ms_strbuf_puts(sb, ": ");
    ms_check_format_key(f, sb);
    ms_strbuf_puts(sb, " ");
    ms_check_format_says(f, sb);
}

/* One figure against a constant or a range. */
static ms_status figure_vs_constant(run *u, const ms_figure *f)
{
    const rule *r = u->r;
    ms_interval a = ms_check_range_of(f);
    ms_interval b = r->in_range ? ms_interval_make(r->lo, false, r->hi, false)
                                : ms_interval_point(r->right.number);
    b = widen(r, b);
    bool counts = !r->in_range && f->kind == MS_KIND_COUNT;
    bool pass = r->in_range ? ms_interval_overlaps(a, b) : ms_check_can_hold(a, r->op, b, counts);
    ms_strbuf sb;
    start_message(u, f, &sb);
    return item(u, ms_figure_is_missing(f), pass, &f, 1, NULL,
                pass ? 0 : ms_check_range_gap(a, b, counts), &sb);
}

/* A figure of the left side against each partner of the right. */
static ms_status figure_vs_figures(run *u, const ms_figure *l)
{
    const rule *r = u->r;
    ms_status st = MS_OK;
    bool paired = false;
    for (size_t i = 0; i < u->set->count && st == MS_OK; i++) {
        const ms_figure *rt = &u->set->items[i];
        if (!matches(&r->right, rt) || !partners(r, l, rt))
            continue;
        paired = true;
        ms_interval a = ms_check_range_of(l), b = widen(r, ms_check_range_of(rt));
        bool counts = l->kind == MS_KIND_COUNT && rt->kind == MS_KIND_COUNT;
        bool pass = ms_check_can_hold(a, r->op, b, counts);
        ms_strbuf sb;
        start_message(u, l, &sb);
        ms_strbuf_puts(&sb, " and ");
        ms_check_format_key(rt, &sb);
        ms_strbuf_puts(&sb, " ");
        ms_check_format_says(rt, &sb);
        const ms_figure *pair[2] = {l, rt};
        st = item(u, ms_figure_is_missing(l) || ms_figure_is_missing(rt), pass, pair, 2, NULL,
                  pass ? 0 : ms_check_range_gap(a, b, counts), &sb);
    }
    if (!paired && st == MS_OK) { /* nothing to compare with */
        u->sum.items++;
        u->sum.na++;
    }
    return st;
}

/* A whole for the sum: the right side's, with the values the left side
 * alone names (a field one side names is the same on the other). */
static bool is_whole(const rule *r, const ms_figure *f)
{
    rule_field dim = r->left.sum_dim == MS_PART_SUBJECT ? FIELD_SUBJECT : FIELD_PLACE;
    if (!matches(&r->right, f))
        return false;
    for (int k = 0; k < FIELD_COUNT_; k++)
        if (k != (int)dim && r->left.field[k] && !r->right.field[k] &&
            !ms_str_eq(r->left.field[k], field_of(f, (rule_field)k)))
            return false;
    return true;
}

static bool accept_part(const void *ctx, const ms_figure *f)
{
    return matches(&((const rule *)ctx)->left, f);
}

/* The sums of the parts of every whole in a group (one key without the
 * sum's dimension). */
static ms_status sums_in_group(const ms_figure *const *g, size_t n, const void *arg,
                               ms_findings *out)
{
    run *u = (run *)(uintptr_t)arg;
    const rule *r = u->r;
    (void)out;
    ms_status st = MS_OK;
    for (size_t i = 0; i < n && st == MS_OK; i++) {
        const ms_figure *whole = g[i];
        if (!is_whole(r, whole))
            continue;
        const ms_figure **parts;
        size_t np;
        st = ms_check_parts_of(g, n, whole, r->left.sum_dim, accept_part, r, &parts, &np);
        if (st != MS_OK)
            break;
        ms_computed sum = ms_check_sum("sum", parts, np);
        ms_interval b = widen(r, ms_check_range_of(whole));
        bool counts = whole->kind == MS_KIND_COUNT;
        bool pass = ms_check_can_hold(sum.range, r->op, b, counts);
        ms_strbuf sb;
        start_message(u, whole, &sb);
        ms_strbuf_printf(&sb, "; its %zu parts add up to ", np);
        ms_check_format_computed(&sum, &sb);
        st = item(u, np == 0, pass, parts, np + 1, &sum,
                  pass ? 0 : ms_check_range_gap(sum.range, b, counts), &sb);
        free(parts);
    }
    return st;
}

static ms_status run_rule(const ms_check_ctx *ctx, const rule *r, ms_findings *out)
{
    run u = {.r = r, .set = ctx->set, .sum = {.rule = r->id, .text = r->text, .from_file = true}, .out = out};
    ms_status st = MS_OK;
    if (r->left.type == SIDE_SUM) {
        unsigned ignore = r->left.sum_dim == MS_PART_SUBJECT ? MS_KEY_SUBJECT : MS_KEY_PLACE;
        st = ms_check_each_group(ctx->set, NULL, ignore, sums_in_group, &u, out);
    } else {
        bool constant = r->in_range || r->right.type == SIDE_NUMBER;
        for (size_t i = 0; i < ctx->set->count && st == MS_OK; i++) {
            const ms_figure *f = &ctx->set->items[i];
            if (matches(&r->left, f))
                st = constant ? figure_vs_constant(&u, f) : figure_vs_figures(&u, f);
        }
    }
    return st == MS_OK ? ms_findings_add_summary(out, &u.sum) : st;
}

ms_status ms_check_ruleset(const ms_check_ctx *ctx, const ms_ruleset *rs, ms_findings *out)
{
    ms_status st = MS_OK;
    for (size_t i = 0; i < rs->count && st == MS_OK; i++)
        st = run_rule(ctx, &rs->items[i], out);
    return st;
}
