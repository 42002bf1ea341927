/* figure.c — the figure record: kinds, init, copy, interval agreement, and
 * the figure set that owns figures and their strings. */
#include "core/figure.h"
#include "core/grow.h"
#include "core/num.h"
#include "core/strbuf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[MS_KIND_COUNT_] = {
    [MS_KIND_COUNT] = "count",
    [MS_KIND_PCT_CHANGE] = "pct_change",
    [MS_KIND_ABS_CHANGE] = "abs_change",
    [MS_KIND_MULTIPLIER] = "multiplier",
    [MS_KIND_SHARE] = "share",
    [MS_KIND_RATIO] = "ratio",
    [MS_KIND_LOG_CHANGE] = "log_change",
    [MS_KIND_INDEX] = "index",
    [MS_KIND_CAGR] = "cagr",
};

const char *ms_kind_name(ms_kind kind)
{
    return (unsigned)kind < MS_KIND_COUNT_ ? kind_names[kind] : "unknown";
}

bool ms_kind_from_name(const char *name, ms_kind *out)
{
    for (int k = 0; k < MS_KIND_COUNT_; k++) {
        if (strcmp(name, kind_names[k]) == 0) {
            *out = (ms_kind)k;
            return true;
        }
    }
    return false;
}

void ms_figure_init(ms_figure *f)
{
    memset(f, 0, sizeof *f);
    f->kind = MS_KIND_COUNT;
    f->value = NAN;
    f->range = ms_interval_make(NAN, false, NAN, false);
    f->hedge = MS_HEDGE_NONE;
    f->period = ms_period_none();
    f->base = ms_period_none();
    f->published = MS_DAY_NONE;
    f->offset = -1;
    f->length = -1;
}

bool ms_figure_is_missing(const ms_figure *f) { return isnan(f->value); }

void ms_figure_set_range_from_hedge(ms_figure *f, double rounding_unit)
{
    if (ms_figure_is_missing(f))
        f->range = ms_interval_make(NAN, false, NAN, false);
    else
        f->range = ms_hedge_interval(f->value, rounding_unit, f->hedge);
}

bool ms_figure_ranges_agree(const ms_figure *a, const ms_figure *b)
{
    if (!ms_interval_is_valid(a->range) || !ms_interval_is_valid(b->range))
        return false;
    if (a->kind == MS_KIND_COUNT && b->kind == MS_KIND_COUNT)
        return ms_interval_overlaps_integer(a->range, b->range);
    return ms_interval_overlaps(a->range, b->range);
}

/* Duplicates *field into the arena; false on allocation failure. */
static bool copy_str(const char **field, ms_arena *arena)
{
    if (!*field)
        return true;
    *field = ms_arena_strdup(arena, *field);
    return *field != NULL;
}

ms_status ms_figure_copy(ms_figure *dst, const ms_figure *f, ms_arena *arena)
{
    *dst = *f;
    bool ok = copy_str(&dst->id, arena) && copy_str(&dst->metric, arena) &&
              copy_str(&dst->unit, arena) && copy_str(&dst->place, arena) &&
              copy_str(&dst->subject, arena) && copy_str(&dst->breakdown, arena) && copy_str(&dst->source, arena) &&
              copy_str(&dst->lang, arena) && copy_str(&dst->url, arena) &&
              copy_str(&dst->quote, arena) && copy_str(&dst->flags, arena) &&
              copy_str(&dst->note, arena);
    if (dst->n_inputs > MS_FIGURE_MAX_INPUTS)
        dst->n_inputs = MS_FIGURE_MAX_INPUTS;
    for (size_t i = 0; ok && i < dst->n_inputs; i++)
        ok = copy_str(&dst->inputs[i], arena);
    return ok ? MS_OK : MS_ERR_NOMEM;
}

void ms_figure_set_init(ms_figure_set *set)
{
    set->items = NULL;
    set->count = 0;
    set->cap = 0;
    ms_arena_init(&set->arena);
}

void ms_figure_set_free(ms_figure_set *set)
{
    free(set->items);
    ms_arena_free(&set->arena);
    ms_figure_set_init(set);
}

/* "source#line" for table rows, "source@offset" for text spans, else
 * "source#n" with the figure's position in the set. */
static const char *make_id(const ms_figure *f, size_t position, ms_arena *arena)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_strbuf_puts(&sb, f->source ? f->source : "-");
    if (f->line > 0)
        ms_strbuf_printf(&sb, "#%lld", (long long)f->line);
    else if (f->offset >= 0)
        ms_strbuf_printf(&sb, "@%lld", (long long)f->offset);
    else
        ms_strbuf_printf(&sb, "#n%zu", position + 1);
    const char *id = ms_strbuf_failed(&sb) ? NULL : ms_arena_strdup(arena, ms_strbuf_str(&sb));
    ms_strbuf_free(&sb);
    return id;
}

ms_status ms_figure_set_add(ms_figure_set *set, const ms_figure *f)
{
    ms_figure *items = ms_grow(set->items, &set->cap, set->count, sizeof *items, 64);
    if (!items)
        return MS_ERR_NOMEM;
    set->items = items;
    ms_figure *dst = &set->items[set->count];
    ms_status st = ms_figure_copy(dst, f, &set->arena);
    if (st != MS_OK)
        return st;
    if (!dst->id) {
        dst->id = make_id(dst, set->count, &set->arena);
        if (!dst->id)
            return MS_ERR_NOMEM;
    }
    set->count++;
    return MS_OK;
}

const ms_figure *ms_figure_set_find(const ms_figure_set *set, const char *id)
{
    for (size_t i = 0; i < set->count; i++)
        if (set->items[i].id && strcmp(set->items[i].id, id) == 0)
            return &set->items[i];
    return NULL;
}

bool ms_str_eq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

int ms_str_cmp(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}
