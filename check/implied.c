/* implied.c — rule "implied": what a stated change implies, compared with
 * what is stated.
 *
 * A change (pct_change, multiplier, abs_change) for period P against base B
 * (the same dates a year earlier when no base is given), with a level of
 * the same metric, place, subject for P or B:
 *   - a level for P from the change's own source implies the base level
 *     (93,000 / 1.53): compared with the levels for B of other sources;
 *   - with the source's own level for B as well, the two levels imply the
 *     change (5,500 -> 3,802 = x0.69): compared with the change stated;
 *   - without its own level for P, its level for B implies the level for P:
 *     compared with the levels for P of other sources;
 *   - a pct_change and a multiplier of other source families for the same
 *     key are compared as multipliers (+53 % = x1.53).
 * Every computed number carries both intervals (core/interval.c). Verdict:
 * conflict when the computed and the stated interval are disjoint (counts:
 * share no whole number); weak when they overlap but the value computed
 * from the stated values lies outside the stated interval, so the claim
 * holds only toward the edge of the intervals ("more than doubled" beside
 * 44,200 -> more than 80,000 holds only above 88,300: computed "holds_if");
 * ok otherwise. Exports ms_check_implied. */
#include "check/check.h"

#include <math.h>
#include <stdio.h>

static const char RULE[] = "implied";

static bool is_change(const ms_figure *f)
{
    return f->kind == MS_KIND_PCT_CHANGE || f->kind == MS_KIND_MULTIPLIER ||
           f->kind == MS_KIND_ABS_CHANGE;
}

static bool is_level_or_change(const ms_figure *f)
{
    return f->kind == MS_KIND_COUNT || is_change(f);
}

/* The base a change is compared with. */
static ms_period base_of(const ms_figure *c)
{
    return ms_period_is_none(c->base) ? ms_period_shift_years(c->period, -1) : c->base;
}

/* A number with its interval. */
typedef struct num {
    double v;
    ms_interval r;
} num;

static num num_of(const ms_figure *f)
{
    return (num){f->value, ms_check_range_of(f)};
}

/* A pct_change or multiplier as a multiplier: +53 % -> x1.53. */
static num as_multiplier(const ms_figure *c)
{
    num n = num_of(c);
    if (c->kind != MS_KIND_PCT_CHANGE)
        return n;
    ms_interval one = ms_interval_point(1);
    return (num){1 + n.v / 100, ms_interval_add(ms_interval_scale(n.r, 0.01), one)};
}

/* a / b; false when b's interval contains 0. */
static bool num_div(num a, num b, num *out)
{
    if (b.v == 0 || ms_interval_div(a.r, b.r, &out->r) != MS_OK)
        return false;
    out->v = a.v / b.v;
    return true;
}

/* The base level a level for P and change c imply. */
static bool implied_base(const ms_figure *level, const ms_figure *c, num *out)
{
    num l = num_of(level);
    if (c->kind == MS_KIND_ABS_CHANGE) {
        num d = num_of(c);
        *out = (num){l.v - d.v, ms_interval_sub(l.r, d.r)};
        return true;
    }
    return num_div(l, as_multiplier(c), out);
}

/* The level for P that a base level and change c imply. */
static num implied_level(const ms_figure *base, const ms_figure *c)
{
    num b = num_of(base);
    if (c->kind == MS_KIND_ABS_CHANGE) {
        num d = num_of(c);
        return (num){b.v + d.v, ms_interval_add(b.r, d.r)};
    }
    num m = as_multiplier(c);
    return (num){b.v * m.v, ms_interval_mul(b.r, m.r)};
}

/* The change of kind `kind` from level b to level l. */
static bool implied_change(const ms_figure *l, const ms_figure *b, ms_kind kind, num *out)
{
    num nl = num_of(l), nb = num_of(b);
    if (kind == MS_KIND_ABS_CHANGE) {
        *out = (num){nl.v - nb.v, ms_interval_sub(nl.r, nb.r)};
        return true;
    }
    if (!num_div(nl, nb, out))
        return false;
    if (kind == MS_KIND_PCT_CHANGE) {
        out->v = (out->v - 1) * 100;
        out->r = ms_interval_add(ms_interval_scale(out->r, 100), ms_interval_point(-100));
    }
    return true;
}

/* The common part of two overlapping intervals. */
static ms_interval intersect(ms_interval a, ms_interval b)
{
    ms_interval r = a;
    if (b.lo > a.lo || (b.lo == a.lo && b.lo_open)) {
        r.lo = b.lo;
        r.lo_open = b.lo_open;
    }
    if (b.hi < a.hi || (b.hi == a.hi && b.hi_open)) {
        r.hi = b.hi;
        r.hi_open = b.hi_open;
    }
    return r;
}

/* A comparison of a computed number with a stated figure. */
typedef struct verdict {
    ms_finding_severity sev;
    double gap;
    ms_interval holds_if; /* weak: the stated values the claim needs */
} verdict;

static verdict judge(num computed, const ms_figure *stated)
{
    ms_interval s = ms_check_range_of(stated);
    bool counts = stated->kind == MS_KIND_COUNT;
    verdict v = {MS_FINDING_OK, 0, s};
    if (!ms_check_ranges_agree(computed.r, s, counts)) {
        v.sev = MS_FINDING_CONFLICT;
        v.gap = ms_check_range_gap(computed.r, s, counts);
    } else if (!ms_interval_contains(s, computed.v)) {
        v.sev = MS_FINDING_WEAK;
        v.holds_if = intersect(computed.r, s);
    }
    return v;
}

/* `what` names the number holds_if bounds ("the base"). */
static void put_verdict(const verdict *v, const char *what, ms_strbuf *sb)
{
    switch (v->sev) {
    case MS_FINDING_CONFLICT:
        ms_strbuf_puts(sb, ": the intervals are disjoint (gap ");
        ms_strbuf_num(sb, ms_check_gap_percent(v->gap));
        ms_strbuf_puts(sb, " %)");
        break;
    case MS_FINDING_WEAK:
        ms_strbuf_printf(sb, ": consistent only toward the edge of the intervals (holds only "
                             "if %s is in ", what);
        ms_check_format_interval(v->holds_if, sb);
        ms_strbuf_putc(sb, ')');
        break;
    default: ms_strbuf_puts(sb, ": consistent"); break;
    }
}

static void put_period(ms_period p, ms_strbuf *sb)
{
    char buf[MS_PERIOD_BUFSZ];
    ms_period_format(p, buf);
    ms_strbuf_puts(sb, buf);
}

/* Adds the finding for figures figs (the stated one last), computed number
 * `name` and the message in sb (consumed). */
static ms_status add(ms_findings *out, const ms_figure *const *figs, size_t n, const char *name,
                     num computed, const verdict *v, const char *what, ms_strbuf *sb)
{
    put_verdict(v, what, sb);
    ms_computed c[2] = {{name, computed.v, computed.r}, {"holds_if", (double)NAN, v->holds_if}};
    return ms_findings_add_figures(out, RULE, v->sev, figs, n, c,
                                   v->sev == MS_FINDING_WEAK ? 2 : 1, v->gap,
                                   ms_strbuf_detach(sb));
}

/* "'src' says 93000 ... for P and 53 % ... against B" */
static void put_level_and_change(const ms_figure *level, const ms_figure *c, ms_strbuf *sb)
{
    ms_check_format_says(level, sb);
    ms_strbuf_puts(sb, " for ");
    put_period(level->period, sb);
    ms_strbuf_puts(sb, " and ");
    ms_check_format_statement(c, sb);
    ms_strbuf_puts(sb, " for ");
    put_period(c->period, sb);
    ms_strbuf_puts(sb, " against ");
    put_period(base_of(c), sb);
}

/* A source's level `own` with its change c implies another level (the base
 * when own is for P, the level for P when own is for the base), compared
 * with `other`, another source's level for that period. */
static ms_status level_vs_level(const ms_figure *own, const ms_figure *c, const ms_figure *other,
                                ms_findings *out)
{
    bool own_is_current = ms_period_equal(own->period, c->period);
    num x;
    if (!own_is_current)
        x = implied_level(own, c);
    else if (!implied_base(own, c, &x))
        return MS_OK; /* a -100 % change: no base to speak of */
    verdict v = judge(x, other);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_check_format_key(other, &sb);
    ms_strbuf_puts(&sb, ": ");
    put_level_and_change(own, c, &sb);
    ms_strbuf_puts(&sb, own_is_current ? ", which implies a base of " : ", which implies ");
    ms_check_format_computed(&(ms_computed){"", x.v, x.r}, &sb);
    ms_strbuf_puts(&sb, "; ");
    ms_check_format_says(other, &sb);
    const ms_figure *figs[3] = {own, c, other};
    return add(out, figs, 3, own_is_current ? "implied_base" : "implied_level", x, &v,
               own_is_current ? "the base" : "the level", &sb);
}

/* A source's own levels lb -> lp against the change c it states. */
static ms_status change_vs_levels(const ms_figure *lb, const ms_figure *lp, const ms_figure *c,
                                  ms_findings *out)
{
    num x;
    if (!implied_change(lp, lb, c->kind, &x))
        return MS_OK;
    verdict v = judge(x, c);
    if (v.sev == MS_FINDING_WEAK) /* say it of the level, as a reader would */
        v.holds_if = intersect(implied_level(lb, c).r, ms_check_range_of(lp));
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_check_format_key(c, &sb);
    ms_strbuf_puts(&sb, ": ");
    ms_check_format_says(c, &sb);
    ms_strbuf_puts(&sb, ", but its levels ");
    ms_check_format_statement(lb, &sb);
    ms_strbuf_puts(&sb, " -> ");
    ms_check_format_statement(lp, &sb);
    ms_strbuf_puts(&sb, " give ");
    if (c->kind == MS_KIND_MULTIPLIER)
        ms_strbuf_putc(&sb, 'x');
    ms_check_format_computed(&(ms_computed){"", x.v, x.r}, &sb);
    const ms_figure *figs[3] = {lb, lp, c};
    static const char *const names[MS_KIND_COUNT_] = {
        [MS_KIND_PCT_CHANGE] = "implied_pct_change", [MS_KIND_MULTIPLIER] = "implied_multiplier",
        [MS_KIND_ABS_CHANGE] = "implied_abs_change"};
    char period[MS_PERIOD_BUFSZ], what[64];
    ms_period_format(lp->period, period);
    snprintf(what, sizeof what, "the level for %s", period);
    return add(out, figs, 3, names[c->kind], x, &v, what, &sb);
}

/* A pct_change and a multiplier for the same key, as multipliers. */
static ms_status change_vs_change(const ms_figure *a, const ms_figure *b, ms_findings *out)
{
    num x = as_multiplier(a);
    ms_figure mb = *b; /* b as a multiplier figure, for judging */
    num nb = as_multiplier(b);
    mb.kind = MS_KIND_MULTIPLIER;
    mb.value = nb.v;
    mb.range = nb.r;
    verdict v = judge(x, &mb);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_check_format_key(a, &sb);
    ms_strbuf_puts(&sb, ": ");
    ms_check_format_says(a, &sb);
    ms_strbuf_puts(&sb, " = x");
    ms_check_format_computed(&(ms_computed){"", x.v, x.r}, &sb);
    ms_strbuf_puts(&sb, " and ");
    ms_check_format_says(b, &sb);
    ms_strbuf_puts(&sb, " = x");
    ms_check_format_computed(&(ms_computed){"", nb.v, nb.r}, &sb);
    const ms_figure *figs[2] = {a, b};
    return add(out, figs, 2, "multiplier", x, &v, "the multiplier", &sb);
}

static ms_status check_change(const ms_figure *const *g, size_t n, const ms_figure *c,
                              ms_findings *out)
{
    ms_period base = base_of(c);
    bool own_p = false;
    ms_status st = MS_OK;
    for (size_t i = 0; i < n && st == MS_OK; i++) {
        const ms_figure *lp = g[i];
        if (lp->kind != MS_KIND_COUNT || !ms_period_equal(lp->period, c->period) ||
            !ms_str_eq(lp->source, c->source))
            continue;
        own_p = true;
        for (size_t j = 0; j < n && st == MS_OK; j++) {
            const ms_figure *lb = g[j];
            if (lb->kind != MS_KIND_COUNT || !ms_period_equal(lb->period, base))
                continue;
            st = ms_str_eq(lb->source, c->source) ? change_vs_levels(lb, lp, c, out)
                                                  : level_vs_level(lp, c, lb, out);
        }
    }
    for (size_t i = 0; i < n && st == MS_OK && !own_p; i++) {
        const ms_figure *lb = g[i];
        if (lb->kind != MS_KIND_COUNT || !ms_period_equal(lb->period, base) ||
            !ms_str_eq(lb->source, c->source))
            continue;
        for (size_t j = 0; j < n && st == MS_OK; j++) {
            const ms_figure *lp = g[j];
            if (lp->kind == MS_KIND_COUNT && ms_period_equal(lp->period, c->period) &&
                !ms_str_eq(lp->source, c->source))
                st = level_vs_level(lb, c, lp, out);
        }
    }
    /* a pct_change against a multiplier (same kinds are same_key's) */
    for (size_t i = 0; i < n && st == MS_OK && c->kind == MS_KIND_PCT_CHANGE; i++) {
        const ms_figure *m = g[i];
        if (m->kind == MS_KIND_MULTIPLIER && ms_period_equal(m->period, c->period) &&
            ms_period_equal(base_of(m), base) && !ms_check_same_family(c, m))
            st = change_vs_change(c, m, out);
    }
    return st;
}

/* One group: the figures of one metric, place, subject and breakdown. */
static ms_status check_group(const ms_figure *const *g, size_t n, const void *arg,
                             ms_findings *out)
{
    (void)arg;
    ms_status st = MS_OK;
    for (size_t i = 0; i < n && st == MS_OK; i++)
        if (is_change(g[i]))
            st = check_change(g, n, g[i], out);
    return st;
}

ms_status ms_check_implied(const ms_check_ctx *ctx, ms_findings *out)
{
    return ms_check_each_group(ctx->set, is_level_or_change,
                               MS_KEY_KIND | MS_KEY_PERIOD | MS_KEY_BASE, check_group, NULL, out);
}
