/* grow.c — doubling growth for the arrays of figure sets, diagnostics,
 * registries, findings and the CSV lexer. */
#include "core/grow.h"

#include <stdint.h>
#include <stdlib.h>

void *ms_grow(void *items, size_t *cap, size_t count, size_t elem_size, size_t initial)
{
    if (count < *cap)
        return items;
    size_t new_cap = *cap ? *cap * 2 : initial;
    if (new_cap < *cap || elem_size == 0 || new_cap > SIZE_MAX / elem_size)
        return NULL;
    void *p = realloc(items, new_cap * elem_size);
    if (p)
        *cap = new_cap;
    return p;
}
