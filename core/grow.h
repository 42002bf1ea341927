/* grow.h — the one way arrays grow: room for one more element, doubling.
 *
 *   T *items = ms_grow(arr->items, &arr->cap, arr->count, sizeof *items, 16);
 *   if (!items) return MS_ERR_NOMEM;   // arr->items is still valid
 *   arr->items = items;
 */
#ifndef MS_GROW_H
#define MS_GROW_H

#include <stddef.h>

/* Returns items itself when count < *cap; otherwise a reallocated array
 * with *cap doubled (or set to `initial`) and *cap updated. NULL on
 * overflow or allocation failure, leaving items and *cap unchanged. */
void *ms_grow(void *items, size_t *cap, size_t count, size_t elem_size, size_t initial);

#endif
