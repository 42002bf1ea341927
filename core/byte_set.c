/* byte_set.c — open addressing with linear probing over FNV-1a hashes;
 * equal hashes are confirmed by comparing the bytes. */
#include "core/byte_set.h"

#include <stdlib.h>
#include <string.h>

void ms_byte_set_init(ms_byte_set *set)
{
    set->slots = NULL;
    set->cap = 0;
    set->count = 0;
    ms_arena_init(&set->arena);
}

void ms_byte_set_free(ms_byte_set *set)
{
    free(set->slots);
    ms_arena_free(&set->arena);
    ms_byte_set_init(set);
}

static uint64_t fnv1a(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037ull; /* FNV-1a 64-bit offset basis */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static ms_byte_set_slot *find_slot(ms_byte_set_slot *slots, size_t cap, const char *s, size_t len,
                                   uint64_t hash)
{
    for (size_t i = (size_t)hash & (cap - 1);; i = (i + 1) & (cap - 1)) {
        ms_byte_set_slot *slot = &slots[i];
        if (!slot->s || (slot->hash == hash && slot->len == len && memcmp(slot->s, s, len) == 0))
            return slot;
    }
}

static ms_status grow(ms_byte_set *set)
{
    size_t cap = set->cap ? set->cap * 2 : 1024;
    ms_byte_set_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return MS_ERR_NOMEM;
    for (size_t i = 0; i < set->cap; i++)
        if (set->slots[i].s)
            *find_slot(slots, cap, set->slots[i].s, set->slots[i].len, set->slots[i].hash) = set->slots[i];
    free(set->slots);
    set->slots = slots;
    set->cap = cap;
    return MS_OK;
}

ms_status ms_byte_set_add(ms_byte_set *set, const char *s, size_t len, bool *added)
{
    *added = false;
    /* at most half full, so probes stay short */
    if ((set->count + 1) * 2 > set->cap && grow(set) != MS_OK)
        return MS_ERR_NOMEM;
    uint64_t hash = fnv1a(s, len);
    ms_byte_set_slot *slot = find_slot(set->slots, set->cap, s, len, hash);
    if (slot->s)
        return MS_OK;
    char *copy = ms_arena_alloc(&set->arena, len ? len : 1);
    if (!copy)
        return MS_ERR_NOMEM;
    memcpy(copy, s, len);
    *slot = (ms_byte_set_slot){copy, len, hash};
    set->count++;
    *added = true;
    return MS_OK;
}
