/* dupkeys.h — finds a second figure for the same series and period in one
 * input (private to ingest/).
 *
 * A series is (metric, kind, place, subject, breakdown, source). Series
 * keys are kept once each in a hash table; per series the periods seen are
 * kept as a sorted array while they arrive in increasing order (the usual
 * case: 8 bytes per figure, no search) and in a hash set for those that
 * arrive out of order. So memory is ~8 bytes per figure plus the series
 * keys, and time is O(1) per figure for sorted and unsorted input alike. */
#ifndef MS_INGEST_DUPKEYS_H
#define MS_INGEST_DUPKEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/figure.h"
#include "core/status.h"

typedef struct ms_dup_series ms_dup_series;

typedef struct ms_dupkeys {
    ms_dup_series **table;  /* open addressing by key hash */
    size_t table_cap;       /* power of two */
    size_t count;
    ms_dup_series *last;    /* the series of the previous figure */
    ms_arena arena;         /* series keys */
} ms_dupkeys;

void ms_dupkeys_init(ms_dupkeys *d);
void ms_dupkeys_free(ms_dupkeys *d);

/* Records f's series and period; *dup is set (and nothing recorded) when
 * the pair was seen before. Figures without a period are never
 * duplicates. MS_ERR_NOMEM on failure. Where the first one was is not
 * kept: it would double the memory. */
ms_status ms_dupkeys_add(ms_dupkeys *d, const ms_figure *f, bool *dup);

#endif
