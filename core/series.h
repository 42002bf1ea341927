/* series.h — figures grouped by key and ordered by period.
 *
 * A series is the figures of one key (metric, kind, place, subject, breakdown, source)
 * ordered by period. Series borrow figures from an ms_figure_set: they hold
 * pointers, so the set must outlive them and must not grow meanwhile.
 * Missing figures (NaN values) are kept in the series; users skip them. */
#ifndef MS_SERIES_H
#define MS_SERIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/figure.h"
#include "core/status.h"
#include "core/strbuf.h"

typedef struct ms_series_key {
    const char *metric;
    ms_kind kind;
    const char *place;   /* may be NULL */
    const char *subject; /* may be NULL */
    const char *breakdown; /* may be NULL */
    const char *source;  /* may be NULL */
} ms_series_key;

/* Key of a figure (borrows its strings). */
ms_series_key ms_series_key_of(const ms_figure *f);
/* Total order over keys (metric, kind, place, subject, breakdown, source;
 * NULL first). */
int ms_series_key_compare(const ms_series_key *a, const ms_series_key *b);
/* Equality of keys, and a hash of a key (FNV-1a over its fields, NULL
 * told apart from ""), for hash tables of series. */
bool ms_series_key_equal(const ms_series_key *a, const ms_series_key *b);
uint64_t ms_series_key_hash(const ms_series_key *key);
/* *dst = src with its strings copied into arena; false when out of memory. */
bool ms_series_key_copy(ms_series_key *dst, const ms_series_key *src, ms_arena *arena);
/* "metric/kind place subject source" for messages (appended to sb); a
 * field not given prints as "-". */
void ms_series_key_format(const ms_series_key *key, ms_strbuf *sb);

typedef struct ms_series {
    ms_series_key key;
    const ms_figure **items; /* ordered by period (ms_period_compare) */
    size_t count;
} ms_series;

typedef struct ms_series_set {
    ms_series *items; /* ordered by key */
    size_t count;
} ms_series_set;

/* Groups every figure of set into series. Figures with an unknown period are
 * left out of series (they cannot be ordered) and counted in
 * *n_without_period if that is not NULL. Owned memory: free with
 * ms_series_set_free. */
ms_status ms_series_group(const ms_figure_set *set, ms_series_set *out,
                          size_t *n_without_period);
void ms_series_set_free(ms_series_set *ss);

/* The figure of series s for exactly period p; NULL if none (binary search).
 * If several figures share the period the first (lowest line, then offset,
 * then position in the set) is returned. */
const ms_figure *ms_series_find_period(const ms_series *s, ms_period p);

#endif
