/* change.c — absolute and percent changes along a series, matched by
 * calendar period (never by position), with intervals carried through.
 *
 * Exports ms_stats_changes, ms_change_list_free, ms_change_to_figures and
 * ms_change_status_name (stats.h). A missing base period is a GAP or FIRST,
 * never a shift to the nearest row; a base containing 0 is reported, never
 * printed as inf. */
#include "stats/stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

static const char *const status_names[] = {
    [MS_CHANGE_OK] = "ok",
    [MS_CHANGE_FIRST] = "first",
    [MS_CHANGE_GAP] = "gap",
    [MS_CHANGE_MISSING] = "missing",
    [MS_CHANGE_ZERO_BASE] = "zero_base",
};

const char *ms_change_status_name(ms_change_status s)
{
    return (unsigned)s <= MS_CHANGE_ZERO_BASE ? status_names[s] : "unknown";
}

/* A figure without a usable range is taken as exact. */
static ms_interval range_of(const ms_figure *f)
{
    return ms_interval_is_valid(f->range) ? f->range : ms_interval_point(f->value);
}

static ms_interval nan_interval(void)
{
    return ms_interval_make(NAN, false, NAN, false);
}

/* Earliest figure of series s whose period has grain g; NULL if none. The
 * series is ordered by period, so the first match is the earliest. */
static const ms_figure *earliest_of_grain(const ms_series *s, ms_period_grain g)
{
    for (size_t i = 0; i < s->count; i++)
        if (ms_period_grain_of(s->items[i]->period) == g)
            return s->items[i];
    return NULL;
}

static void compute(ms_change *c, const ms_series *s, ms_change_mode mode)
{
    const ms_figure *cur = c->current;
    c->base = mode == MS_CHANGE_YOY ? ms_period_shift_years(cur->period, -1)
                                    : ms_period_previous(cur->period);
    c->previous = NULL;
    c->abs_value = c->pct_value = NAN;
    c->abs_range = c->pct_range = nan_interval();

    const ms_figure *prev = ms_period_is_none(c->base) ? NULL
                                                       : ms_series_find_period(s, c->base);
    if (!prev) {
        const ms_figure *first = earliest_of_grain(s, ms_period_grain_of(cur->period));
        bool before_start = ms_period_is_none(c->base) || !first ||
                            ms_period_compare(c->base, first->period) < 0;
        c->status = before_start ? MS_CHANGE_FIRST : MS_CHANGE_GAP;
        return;
    }
    c->previous = prev;
    if (ms_figure_is_missing(cur) || ms_figure_is_missing(prev)) {
        c->status = MS_CHANGE_MISSING;
        return;
    }
    ms_interval rc = range_of(cur), rp = range_of(prev);
    c->abs_value = cur->value - prev->value;
    c->abs_range = ms_interval_sub(rc, rp);

    ms_interval q;
    if (prev->value == 0 || ms_interval_div(rc, rp, &q) != MS_OK) {
        c->status = MS_CHANGE_ZERO_BASE;
        return;
    }
    c->pct_value = (cur->value / prev->value - 1) * 100;
    c->pct_range = ms_interval_scale(ms_interval_sub(q, ms_interval_point(1)), 100);
    c->status = MS_CHANGE_OK;
}

ms_status ms_stats_changes(const ms_series *s, ms_change_mode mode, ms_change_list *out)
{
    out->items = NULL;
    out->count = 0;
    if (mode != MS_CHANGE_PREVIOUS && mode != MS_CHANGE_YOY)
        return MS_ERR_USAGE;
    ms_kind k = s->key.kind;
    if (k != MS_KIND_COUNT && k != MS_KIND_SHARE && k != MS_KIND_RATIO)
        return MS_ERR_USAGE; /* a change of a change is not a change */
    if (s->count == 0)
        return MS_OK;
    out->items = calloc(s->count, sizeof *out->items);
    if (!out->items)
        return MS_ERR_NOMEM;
    for (size_t i = 0; i < s->count; i++) {
        out->items[i].current = s->items[i];
        compute(&out->items[i], s, mode);
    }
    out->count = s->count;
    return MS_OK;
}

void ms_change_list_free(ms_change_list *l)
{
    free(l->items);
    l->items = NULL;
    l->count = 0;
}

/* "derived:<current id>:<suffix>" into sb. */
static void make_id(ms_strbuf *sb, const ms_figure *cur, const char *suffix)
{
    ms_strbuf_puts(sb, "derived:");
    ms_strbuf_puts(sb, cur->id ? cur->id : "-");
    ms_strbuf_putc(sb, ':');
    ms_strbuf_puts(sb, suffix);
}

/* The fields both derived figures share. */
static void derived_base(ms_figure *f, const ms_change *c)
{
    const ms_figure *cur = c->current, *prev = c->previous;
    ms_figure_init(f);
    f->metric = cur->metric;
    f->place = cur->place;
    f->subject = cur->subject;
    f->breakdown = cur->breakdown;
    f->source = cur->source;
    f->published = cur->published;
    f->lang = cur->lang;
    f->period = cur->period;
    f->base = prev->period;
    f->hedge = MS_HEDGE_NONE;
    f->n_inputs = 2;
    f->inputs[0] = cur->id;
    f->inputs[1] = prev->id;
}

ms_status ms_change_to_figures(const ms_change *c, ms_figure_set *out)
{
    if (c->status != MS_CHANGE_OK && c->status != MS_CHANGE_ZERO_BASE)
        return MS_OK;
    if (!c->current || !c->previous)
        return MS_ERR_USAGE;

    /* Both figures are built before either is added: c->current may point
     * into out, whose items move when it grows. */
    ms_strbuf abs_id, pct_id;
    ms_strbuf_init(&abs_id);
    ms_strbuf_init(&pct_id);
    make_id(&abs_id, c->current, "abs");
    make_id(&pct_id, c->current, "pct");

    ms_figure fa, fp;
    derived_base(&fa, c);
    fa.id = ms_strbuf_str(&abs_id);
    fa.kind = MS_KIND_ABS_CHANGE;
    fa.unit = c->current->unit;
    fa.value = c->abs_value;
    fa.range = c->abs_range;

    derived_base(&fp, c);
    fp.id = ms_strbuf_str(&pct_id);
    fp.kind = MS_KIND_PCT_CHANGE;
    fp.unit = "percent";
    fp.value = c->pct_value;
    fp.range = c->pct_range;

    ms_status st = MS_OK;
    if (ms_strbuf_failed(&abs_id) || ms_strbuf_failed(&pct_id))
        st = MS_ERR_NOMEM;
    if (st == MS_OK)
        st = ms_figure_set_add(out, &fa);
    if (st == MS_OK && c->status == MS_CHANGE_OK)
        st = ms_figure_set_add(out, &fp);
    ms_strbuf_free(&abs_id);
    ms_strbuf_free(&pct_id);
    return st;
}
