/* key.c — figures by key: which figures rules compare, the order of the
 * key (metric, kind, period, base, place, subject, breakdown) with fields
 * left out per rule, and a sorted array to walk group by group.
 *
 * Exports ms_check_comparable, ms_check_cmp_key, ms_check_sorted and
 * ms_check_group_end, ms_check_each_group (check.h). One total order for every rule, so the
 * findings come out the same whatever the input order. */
#include "check/check.h"

#include <stdlib.h>

bool ms_check_comparable(const ms_figure *f)
{
    return !ms_figure_is_missing(f) && f->period.start != MS_DAY_NONE &&
           f->period.end != MS_DAY_NONE;
}

int ms_check_cmp_key(const ms_figure *a, const ms_figure *b, unsigned ignore)
{
    int c;
    if (!(ignore & MS_KEY_METRIC) && (c = ms_str_cmp(a->metric, b->metric)) != 0)
        return c;
    if (!(ignore & MS_KEY_KIND) && a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (!(ignore & MS_KEY_PERIOD) && (c = ms_period_compare(a->period, b->period)) != 0)
        return c;
    if (!(ignore & MS_KEY_BASE) && (c = ms_period_compare(a->base, b->base)) != 0)
        return c;
    if (!(ignore & MS_KEY_PLACE) && (c = ms_str_cmp(a->place, b->place)) != 0)
        return c;
    if (!(ignore & MS_KEY_SUBJECT) && (c = ms_str_cmp(a->subject, b->subject)) != 0)
        return c;
    if (!(ignore & MS_KEY_BREAKDOWN) && (c = ms_str_cmp(a->breakdown, b->breakdown)) != 0)
        return c;
    return 0;
}

static int cmp_i64(int64_t a, int64_t b)
{
    return (a > b) - (a < b);
}

/* qsort has no context argument: the mask of the sort in progress. Rules
 * run one at a time (the library is not re-entrant across threads here). */
static unsigned sort_ignore;

/* Key, then source, when published, where in the source; position in the
 * set last, so the order is total. */
static int cmp_figure_ptr(const void *pa, const void *pb)
{
    const ms_figure *a = *(const ms_figure *const *)pa;
    const ms_figure *b = *(const ms_figure *const *)pb;
    int c = ms_check_cmp_key(a, b, sort_ignore);
    if (c)
        return c;
    if ((c = ms_str_cmp(a->source, b->source)) != 0)
        return c;
    if ((c = cmp_i64(a->published, b->published)) != 0)
        return c;
    if ((c = cmp_i64(a->line, b->line)) != 0)
        return c;
    if ((c = cmp_i64(a->offset, b->offset)) != 0)
        return c;
    return (a > b) - (a < b);
}

ms_status ms_check_sorted(const ms_figure_set *set, bool (*keep)(const ms_figure *f),
                          unsigned ignore, const ms_figure ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (set->count == 0)
        return MS_OK;
    const ms_figure **all = malloc(set->count * sizeof *all);
    if (!all)
        return MS_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < set->count; i++) {
        const ms_figure *f = &set->items[i];
        if (ms_check_comparable(f) && (!keep || keep(f)))
            all[k++] = f;
    }
    if (k > 1) {
        sort_ignore = ignore;
        qsort(all, k, sizeof *all, cmp_figure_ptr);
    }
    if (k == 0) {
        free(all);
        all = NULL;
    }
    *out = all;
    *n = k;
    return MS_OK;
}

size_t ms_check_group_end(const ms_figure *const *sorted, size_t n, size_t from,
                          unsigned ignore)
{
    size_t j = from + 1;
    while (j < n && ms_check_cmp_key(sorted[from], sorted[j], ignore) == 0)
        j++;
    return j;
}

ms_status ms_check_each_group(const ms_figure_set *set, bool (*keep)(const ms_figure *f),
                              unsigned ignore, ms_check_group_fn fn, const void *arg,
                              ms_findings *out)
{
    const ms_figure **all;
    size_t n;
    ms_status st = ms_check_sorted(set, keep, ignore, &all, &n);
    for (size_t i = 0; st == MS_OK && i < n;) {
        size_t j = ms_check_group_end(all, n, i, ignore);
        st = fn(all + i, j - i, arg, out);
        i = j;
    }
    free(all);
    return st;
}
