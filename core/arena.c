/* arena.c — bump allocator: blocks of at least 64 KiB, strings never freed
 * one by one. */
#include "core/arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK_MIN (64u * 1024u)

struct ms_arena_block {
    ms_arena_block *next;
    size_t size;
    alignas(max_align_t) unsigned char data[];
};

void ms_arena_init(ms_arena *arena)
{
    arena->head = NULL;
    arena->used = 0;
    arena->total = 0;
}

void ms_arena_free(ms_arena *arena)
{
    ms_arena_block *b = arena->head;
    while (b) {
        ms_arena_block *next = b->next;
        free(b);
        b = next;
    }
    ms_arena_init(arena);
}

void *ms_arena_alloc(ms_arena *arena, size_t n)
{
    const size_t align = alignof(max_align_t);
    size_t need = (n + align - 1) / align * align;
    if (need < n)
        return NULL; /* overflow */
    if (!arena->head || arena->head->size - arena->used < need) {
        size_t size = need > ARENA_BLOCK_MIN ? need : ARENA_BLOCK_MIN;
        ms_arena_block *b = malloc(sizeof *b + size);
        if (!b)
            return NULL;
        b->next = arena->head;
        b->size = size;
        arena->head = b;
        arena->used = 0;
    }
    void *p = arena->head->data + arena->used;
    arena->used += need;
    arena->total += need;
    return p;
}

char *ms_arena_strndup(ms_arena *arena, const char *s, size_t len)
{
    char *p = ms_arena_alloc(arena, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *ms_arena_strdup(ms_arena *arena, const char *s)
{
    return s ? ms_arena_strndup(arena, s, strlen(s)) : NULL;
}
