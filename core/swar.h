/* swar.h — eight bytes at a time in a 64-bit word ("SIMD within a
 * register"): the text scanners pass over runs of ordinary bytes with
 * these tests instead of looking at each byte. Header-only: they are a
 * few instructions each and called in the innermost loops. */
#ifndef MS_SWAR_H
#define MS_SWAR_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define MS_SWAR_ONES 0x0101010101010101u
#define MS_SWAR_HIGHS 0x8080808080808080u

/* The eight bytes at p (any alignment). */
static inline uint64_t ms_swar_load(const void *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof w);
    return w;
}

/* Whether any of the eight bytes of w is zero (exact: the borrow that can
 * run past a zero byte only marks bytes above one that is already zero). */
static inline bool ms_swar_has_zero(uint64_t w)
{
    return ((w - MS_SWAR_ONES) & ~w & MS_SWAR_HIGHS) != 0;
}

/* Whether any of the eight bytes of w equals b. */
static inline bool ms_swar_has_byte(uint64_t w, unsigned char b)
{
    return ms_swar_has_zero(w ^ (MS_SWAR_ONES * b));
}

/* Whether any of the eight bytes of w is outside ASCII (a UTF-8 lead or
 * continuation byte). */
static inline bool ms_swar_has_high(uint64_t w)
{
    return (w & MS_SWAR_HIGHS) != 0;
}

#endif
