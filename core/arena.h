/* arena.h — a bump allocator for strings that live as long as a figure set.
 *
 * Figures keep their strings (metric, source, quote, ...) in the arena of the
 * set they belong to: no per-field frees, no double frees; ms_arena_free
 * releases everything at once. Allocation failure returns NULL. */
#ifndef MS_ARENA_H
#define MS_ARENA_H

#include <stddef.h>

typedef struct ms_arena_block ms_arena_block;

typedef struct ms_arena {
    ms_arena_block *head; /* newest block first */
    size_t used;          /* bytes used in head */
    size_t total;         /* bytes handed out, for accounting */
} ms_arena;

void ms_arena_init(ms_arena *arena);
void ms_arena_free(ms_arena *arena);
/* n bytes aligned for any type; NULL on failure. */
void *ms_arena_alloc(ms_arena *arena, size_t n);
/* Copies s[0..len) and a NUL; NULL on failure. */
char *ms_arena_strndup(ms_arena *arena, const char *s, size_t len);
/* Copies a NUL-terminated string; NULL input gives NULL. */
char *ms_arena_strdup(ms_arena *arena, const char *s);

#endif
