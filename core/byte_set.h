/* byte_set.h — a set of byte strings compared exactly (not by hash alone,
 * so two different strings are never taken for one): what `migstat merge`
 * uses to drop figures that are identical. Strings are copied into the
 * set's arena; memory is their total size plus 16 bytes a string. */
#ifndef MS_BYTE_SET_H
#define MS_BYTE_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/status.h"

typedef struct ms_byte_set_slot {
    const char *s; /* NULL: empty slot */
    size_t len;
    uint64_t hash;
} ms_byte_set_slot;

typedef struct ms_byte_set {
    ms_byte_set_slot *slots;
    size_t cap; /* power of two, or 0 */
    size_t count;
    ms_arena arena;
} ms_byte_set;

void ms_byte_set_init(ms_byte_set *set);
void ms_byte_set_free(ms_byte_set *set);
/* Adds s[0..len); *added tells whether it was new. MS_ERR_NOMEM on
 * failure (nothing added). */
ms_status ms_byte_set_add(ms_byte_set *set, const char *s, size_t len, bool *added);

#endif
