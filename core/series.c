/* series.c — figures grouped by key (metric, kind, place, subject, breakdown,
 * source)
 * and ordered by period.
 *
 * Exports the ms_series_* functions of series.h. Series hold pointers into
 * a figure set; each series owns only its array of pointers. Ordering is
 * total (key, period, line, offset, position in the set), so the same input
 * always gives the same series. */
#include "core/series.h"

#include <stdlib.h>
#include <string.h>

ms_series_key ms_series_key_of(const ms_figure *f)
{
    ms_series_key key = {
        .metric = f->metric,
        .kind = f->kind,
        .place = f->place,
        .subject = f->subject,
        .breakdown = f->breakdown,
        .source = f->source,
    };
    return key;
}

int ms_series_key_compare(const ms_series_key *a, const ms_series_key *b)
{
    int c = ms_str_cmp(a->metric, b->metric);
    if (c)
        return c;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if ((c = ms_str_cmp(a->place, b->place)) != 0)
        return c;
    if ((c = ms_str_cmp(a->subject, b->subject)) != 0)
        return c;
    if ((c = ms_str_cmp(a->breakdown, b->breakdown)) != 0)
        return c;
    return ms_str_cmp(a->source, b->source);
}

bool ms_series_key_equal(const ms_series_key *a, const ms_series_key *b)
{
    return a->kind == b->kind && ms_str_eq(a->metric, b->metric) && ms_str_eq(a->place, b->place) &&
           ms_str_eq(a->subject, b->subject) && ms_str_eq(a->breakdown, b->breakdown) &&
           ms_str_eq(a->source, b->source);
}

static uint64_t hash_str(uint64_t h, const char *s)
{
    if (!s)
        return (h ^ 0xff) * 1099511628211u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (h ^ 0xfe) * 1099511628211u; /* end mark: "a","bc" != "ab","c" */
}

uint64_t ms_series_key_hash(const ms_series_key *k)
{
    uint64_t h = 14695981039346656037u;
    h = hash_str(h, k->metric);
    h = (h ^ (uint64_t)k->kind) * 1099511628211u;
    h = hash_str(h, k->place);
    h = hash_str(h, k->subject);
    h = hash_str(h, k->breakdown);
    return hash_str(h, k->source);
}

static bool copy_str(ms_arena *a, const char **dst, const char *src)
{
    *dst = src ? ms_arena_strdup(a, src) : NULL;
    return !src || *dst;
}

bool ms_series_key_copy(ms_series_key *dst, const ms_series_key *src, ms_arena *arena)
{
    dst->kind = src->kind;
    return copy_str(arena, &dst->metric, src->metric) && copy_str(arena, &dst->place, src->place) &&
           copy_str(arena, &dst->subject, src->subject) &&
           copy_str(arena, &dst->breakdown, src->breakdown) && copy_str(arena, &dst->source, src->source);
}

static void put_field(ms_strbuf *sb, const char *s)
{
    ms_strbuf_puts(sb, s ? s : "-");
}

void ms_series_key_format(const ms_series_key *key, ms_strbuf *sb)
{
    put_field(sb, key->metric);
    ms_strbuf_putc(sb, '/');
    ms_strbuf_puts(sb, ms_kind_name(key->kind));
    ms_strbuf_putc(sb, ' ');
    put_field(sb, key->place);
    ms_strbuf_putc(sb, ' ');
    put_field(sb, key->subject);
    if (key->breakdown) {
        ms_strbuf_putc(sb, ' ');
        ms_strbuf_puts(sb, key->breakdown);
    }
    ms_strbuf_putc(sb, ' ');
    put_field(sb, key->source);
}

/* ---- grouping ---------------------------------------------------------- */

static bool has_period(const ms_figure *f)
{
    return f->period.start != MS_DAY_NONE && f->period.end != MS_DAY_NONE;
}

static int cmp_i64(int64_t a, int64_t b)
{
    return (a > b) - (a < b);
}

/* Order inside one period: lowest line, then offset. Pointers into one
 * array compare by position, which keeps the sort stable. */
static int cmp_within_period(const ms_figure *a, const ms_figure *b)
{
    int c = cmp_i64(a->line, b->line);
    if (c)
        return c;
    if ((c = cmp_i64(a->offset, b->offset)) != 0)
        return c;
    return (a > b) - (a < b);
}

static int cmp_figure_ptr(const void *pa, const void *pb)
{
    const ms_figure *a = *(const ms_figure *const *)pa;
    const ms_figure *b = *(const ms_figure *const *)pb;
    ms_series_key ka = ms_series_key_of(a), kb = ms_series_key_of(b);
    int c = ms_series_key_compare(&ka, &kb);
    if (c)
        return c;
    if ((c = ms_period_compare(a->period, b->period)) != 0)
        return c;
    return cmp_within_period(a, b);
}

ms_status ms_series_group(const ms_figure_set *set, ms_series_set *out,
                          size_t *n_without_period)
{
    out->items = NULL;
    out->count = 0;
    size_t n_skipped = 0;
    const ms_figure **all = set->count ? malloc(set->count * sizeof *all) : NULL;
    if (set->count && !all)
        return MS_ERR_NOMEM;

    size_t n = 0;
    for (size_t i = 0; i < set->count; i++) {
        if (has_period(&set->items[i]))
            all[n++] = &set->items[i];
        else
            n_skipped++;
    }
    if (n > 1)
        qsort(all, n, sizeof *all, cmp_figure_ptr);

    /* First pass counts the series so one array holds them all. */
    size_t n_series = 0;
    for (size_t i = 0; i < n; i++) {
        ms_series_key k = ms_series_key_of(all[i]);
        ms_series_key prev = i ? ms_series_key_of(all[i - 1]) : k;
        if (i == 0 || ms_series_key_compare(&prev, &k) != 0)
            n_series++;
    }
    ms_status st = MS_OK;
    if (n_series) {
        out->items = calloc(n_series, sizeof *out->items);
        if (!out->items)
            st = MS_ERR_NOMEM;
    }
    for (size_t i = 0; st == MS_OK && i < n;) {
        size_t j = i + 1;
        ms_series_key k = ms_series_key_of(all[i]);
        while (j < n) {
            ms_series_key kj = ms_series_key_of(all[j]);
            if (ms_series_key_compare(&k, &kj) != 0)
                break;
            j++;
        }
        ms_series *s = &out->items[out->count];
        s->key = k;
        s->items = malloc((j - i) * sizeof *s->items);
        if (!s->items) {
            st = MS_ERR_NOMEM;
            break;
        }
        memcpy(s->items, all + i, (j - i) * sizeof *s->items);
        s->count = j - i;
        out->count++;
        i = j;
    }
    free(all);
    if (st != MS_OK) {
        ms_series_set_free(out);
        return st;
    }
    if (n_without_period)
        *n_without_period = n_skipped;
    return MS_OK;
}

void ms_series_set_free(ms_series_set *ss)
{
    for (size_t i = 0; i < ss->count; i++)
        free(ss->items[i].items);
    free(ss->items);
    ss->items = NULL;
    ss->count = 0;
}

const ms_figure *ms_series_find_period(const ms_series *s, ms_period p)
{
    /* Lower bound: the first item whose period is not before p. */
    size_t lo = 0, hi = s->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ms_period_compare(s->items[mid]->period, p) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < s->count && ms_period_equal(s->items[lo]->period, p))
        return s->items[lo];
    return NULL;
}
