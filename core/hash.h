/* hash.h — a fast hash of short byte strings (words, keys), for the
 * in-memory tables of the text scanners. Not for anything stored: the
 * values may change between versions. Header-only: it is called once a
 * word in the innermost loops. */
#ifndef MS_HASH_H
#define MS_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Reads the string eight bytes at a time (words are short: most fit in
 * one or two reads) and mixes with the multiply-xorshift steps of the
 * 64-bit MurmurHash3 finalizer. */
static inline uint32_t ms_hash_short(const char *s, size_t len)
{
    const uint64_t k = 0xff51afd7ed558ccdu;
    uint64_t h = 0x9e3779b97f4a7c15u ^ len;
    for (; len >= 8; s += 8, len -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * k;
        h ^= h >> 32;
    }
    if (len) {
        uint64_t w = 0;
        for (size_t i = 0; i < len; i++)
            w |= (uint64_t)(unsigned char)s[i] << (8 * i);
        h = (h ^ w) * k;
        h ^= h >> 32;
    }
    h ^= h >> 29;
    h *= 0xc4ceb9fe1a85ec53u;
    h ^= h >> 32;
    return (uint32_t)h;
}

#endif
