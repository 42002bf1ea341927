/* dupkeys.c — duplicate (series, period) detection for one input.
 *
 * Exports the ms_dupkeys_* functions of dupkeys.h. A period is packed in
 * 64 bits (start day in the high half, end day in the low half, both
 * offset so that unsigned order is period order). */
#include "ingest/dupkeys.h"
#include "core/series.h"
#include "core/grow.h"

#include <stdlib.h>
#include <string.h>

struct ms_dup_series {
    uint64_t hash;
    ms_series_key key;    /* strings in the arena */
    uint64_t *sorted;     /* periods that arrived in increasing order */
    size_t n_sorted, cap_sorted;
    uint64_t *others;     /* open-addressing set of the rest; 0 = empty slot */
    size_t n_others, cap_others;
};

static uint64_t pack_period(ms_period p)
{
    uint32_t start = (uint32_t)p.start ^ 0x80000000u;
    uint32_t end = (uint32_t)p.end ^ 0x80000000u;
    return ((uint64_t)start << 32) | end; /* never 0: days are far from INT32_MIN */
}

void ms_dupkeys_init(ms_dupkeys *d)
{
    memset(d, 0, sizeof *d);
    ms_arena_init(&d->arena);
}

void ms_dupkeys_free(ms_dupkeys *d)
{
    for (size_t i = 0; i < d->table_cap; i++) {
        if (d->table[i]) {
            free(d->table[i]->sorted);
            free(d->table[i]->others);
            free(d->table[i]);
        }
    }
    free(d->table);
    ms_arena_free(&d->arena);
    memset(d, 0, sizeof *d);
}

/* Doubles the series table (kept at most half full). */
static ms_status grow_table(ms_dupkeys *d)
{
    size_t cap = d->table_cap ? d->table_cap * 2 : 64;
    ms_dup_series **table = calloc(cap, sizeof *table);
    if (!table)
        return MS_ERR_NOMEM;
    for (size_t i = 0; i < d->table_cap; i++) {
        ms_dup_series *s = d->table[i];
        if (!s)
            continue;
        size_t k = (size_t)s->hash & (cap - 1);
        while (table[k])
            k = (k + 1) & (cap - 1);
        table[k] = s;
    }
    free(d->table);
    d->table = table;
    d->table_cap = cap;
    return MS_OK;
}

/* The series of f, created if new; NULL when out of memory. */
static ms_dup_series *series_of(ms_dupkeys *d, const ms_figure *f)
{
    ms_series_key key = ms_series_key_of(f);
    if (d->last && ms_series_key_equal(&d->last->key, &key))
        return d->last; /* rows of one series usually come together */
    uint64_t h = ms_series_key_hash(&key);
    if (d->table_cap) {
        for (size_t k = (size_t)h & (d->table_cap - 1); d->table[k]; k = (k + 1) & (d->table_cap - 1))
            if (d->table[k]->hash == h && ms_series_key_equal(&d->table[k]->key, &key))
                return d->last = d->table[k];
    }
    if ((d->count + 1) * 2 > d->table_cap && grow_table(d) != MS_OK)
        return NULL;
    ms_dup_series *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->hash = h;
    if (!ms_series_key_copy(&s->key, &key, &d->arena)) {
        free(s);
        return NULL;
    }
    size_t k = (size_t)h & (d->table_cap - 1);
    while (d->table[k])
        k = (k + 1) & (d->table_cap - 1);
    d->table[k] = s;
    d->count++;
    return d->last = s;
}

static bool sorted_has(const ms_dup_series *s, uint64_t p)
{
    size_t lo = 0, hi = s->n_sorted;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->sorted[mid] < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->n_sorted && s->sorted[lo] == p;
}

static size_t slot_of(uint64_t p, size_t cap)
{
    return (size_t)((p * 0x9E3779B97F4A7C15u) >> 17) & (cap - 1);
}

/* Inserts p into the out-of-order set; *dup if present. */
static ms_status others_add(ms_dup_series *s, uint64_t p, bool *dup)
{
    if ((s->n_others + 1) * 2 > s->cap_others) {
        size_t cap = s->cap_others ? s->cap_others * 2 : 16;
        uint64_t *set = calloc(cap, sizeof *set);
        if (!set)
            return MS_ERR_NOMEM;
        for (size_t i = 0; i < s->cap_others; i++) {
            if (!s->others[i])
                continue;
            size_t k = slot_of(s->others[i], cap);
            while (set[k])
                k = (k + 1) & (cap - 1);
            set[k] = s->others[i];
        }
        free(s->others);
        s->others = set;
        s->cap_others = cap;
    }
    size_t k = slot_of(p, s->cap_others);
    for (; s->others[k]; k = (k + 1) & (s->cap_others - 1)) {
        if (s->others[k] == p) {
            *dup = true;
            return MS_OK;
        }
    }
    s->others[k] = p;
    s->n_others++;
    return MS_OK;
}

ms_status ms_dupkeys_add(ms_dupkeys *d, const ms_figure *f, bool *dup)
{
    *dup = false;
    if (ms_period_is_none(f->period))
        return MS_OK;
    ms_dup_series *s = series_of(d, f);
    if (!s)
        return MS_ERR_NOMEM;
    uint64_t p = pack_period(f->period);
    /* Periods in the out-of-order set are all below the sorted array's
     * last element (they were when inserted, and it only grows): a period
     * above it is new. */
    if (s->n_sorted == 0 || p > s->sorted[s->n_sorted - 1]) {
        uint64_t *sorted = ms_grow(s->sorted, &s->cap_sorted, s->n_sorted, sizeof *sorted, 8);
        if (!sorted)
            return MS_ERR_NOMEM;
        s->sorted = sorted;
        s->sorted[s->n_sorted++] = p;
        return MS_OK;
    }
    if (sorted_has(s, p)) {
        *dup = true;
        return MS_OK;
    }
    return others_add(s, p, dup);
}
