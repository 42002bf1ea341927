/* parts.c — parts and wholes: which subject or place is a part of which,
 * the parts of a whole that one source states, and their sum. Shared by the
 * part_whole rule and the sum() of rules files.
 *
 * Exports ms_check_is_part, ms_check_parts_of and ms_check_sum (check.h). */
#include "check/check.h"
#include "core/grow.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static bool is_country_code(const char *s)
{
    return s && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]) && s[2] == '\0';
}

bool ms_check_is_part(ms_part_dim dim, const char *part, const char *whole, const ms_figure *f)
{
    if (!part || !whole)
        return false;
    if (dim == MS_PART_SUBJECT) {
        /* a citizenship, not the country's own (readmitted nationals) */
        bool own = f->place && strncmp(f->place, part, 2) == 0;
        return strcmp(whole, "foreign_citizens") == 0 && is_country_code(part) && !own;
    }
    size_t n = strlen(whole);
    return is_country_code(whole) && strncmp(part, whole, n) == 0 && part[n] == '-' &&
           part[n + 1] != '\0';
}

static const char *dim_value(const ms_figure *f, ms_part_dim dim)
{
    return dim == MS_PART_SUBJECT ? f->subject : f->place;
}

/* Everything but dim, and the source, are the whole's. */
static bool same_but_dim(const ms_figure *f, const ms_figure *whole, ms_part_dim dim)
{
    unsigned ignore = dim == MS_PART_SUBJECT ? MS_KEY_SUBJECT : MS_KEY_PLACE;
    return ms_str_eq(f->source, whole->source) && ms_check_cmp_key(f, whole, ignore) == 0;
}

/* qsort has no context argument: the dimension being sorted by. */
static ms_part_dim sort_dim;

static int cmp_dim(const void *pa, const void *pb)
{
    const ms_figure *a = *(const ms_figure *const *)pa, *b = *(const ms_figure *const *)pb;
    int c = ms_str_cmp(dim_value(a, sort_dim), dim_value(b, sort_dim));
    if (c)
        return c;
    return a->line != b->line ? (a->line < b->line ? -1 : 1) : (a > b) - (a < b);
}

ms_status ms_check_parts_of(const ms_figure *const *cands, size_t n_cands,
                            const ms_figure *whole, ms_part_dim dim,
                            bool (*accept)(const void *ctx, const ms_figure *f),
                            const void *accept_ctx, const ms_figure ***parts, size_t *n)
{
    const ms_figure **items = NULL;
    size_t count = 0, cap = 0;
    for (size_t i = 0; i < n_cands; i++) {
        const ms_figure *f = cands[i];
        if (!ms_check_comparable(f) || !same_but_dim(f, whole, dim) ||
            !ms_check_is_part(dim, dim_value(f, dim), dim_value(whole, dim), f) ||
            (accept && !accept(accept_ctx, f)))
            continue;
        const ms_figure **grown = ms_grow(items, &cap, count, sizeof *items, 8);
        if (!grown) {
            free(items);
            return MS_ERR_NOMEM;
        }
        items = grown;
        items[count++] = f;
    }
    if (count > 1) {
        sort_dim = dim;
        qsort(items, count, sizeof *items, cmp_dim);
    }
    /* each part once: a source stating TJ twice is not two parts */
    size_t k = 0;
    for (size_t i = 0; i < count; i++)
        if (k == 0 || !ms_str_eq(dim_value(items[k - 1], dim), dim_value(items[i], dim)))
            items[k++] = items[i];
    const ms_figure **all = ms_grow(items, &cap, k, sizeof *items, 1); /* room for the whole */
    if (!all) {
        free(items);
        return MS_ERR_NOMEM;
    }
    all[k] = whole;
    *parts = all;
    *n = k;
    return MS_OK;
}

ms_computed ms_check_sum(const char *name, const ms_figure *const *figs, size_t n)
{
    ms_computed c = {name, 0, ms_interval_point(0)};
    for (size_t i = 0; i < n; i++) {
        c.value += figs[i]->value;
        c.range = ms_interval_add(c.range, ms_check_range_of(figs[i]));
    }
    return c;
}
