/* test_swar.c — the eight-byte tests the text scanners skip ordinary text
 * with, and the short-string hash of their word tables: a byte is found in
 * every position and never reported when absent (the borrow of the "has
 * zero" trick must not make one up), and the hash depends on every byte
 * and on the length, not on where the string lies in memory. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "core/hash.h"
#include "core/swar.h"

/* The reference: byte by byte. */
static bool has_byte_slow(const unsigned char w[8], unsigned char b)
{
    for (int i = 0; i < 8; i++)
        if (w[i] == b)
            return true;
    return false;
}

Test(swar, a_byte_is_found_in_every_position_and_only_when_there)
{
    /* neighbours of the searched byte (b - 1, b + 1), zeros and 0x80 are
     * the values where a borrow between bytes could give a false answer */
    static const unsigned char probes[] = {0x00, 0x01, 0x0A, 0x0D, ';', '(', '-', 0x7F, 0x80,
                                           0xE2, 0xFE, 0xFF};
    for (size_t p = 0; p < sizeof probes; p++) {
        unsigned char b = probes[p];
        static const unsigned char fills[] = {0x00, 0x01, 0x20, 0x7F, 0x80, 0xFF};
        for (size_t f = 0; f < sizeof fills; f++) {
            for (int pos = -1; pos < 8; pos++) {
                unsigned char w[8];
                for (int i = 0; i < 8; i++)
                    w[i] = (unsigned char)(fills[f] + (i == pos ? 0 : (i & 1)));
                if (pos >= 0)
                    w[pos] = b;
                bool want = has_byte_slow(w, b);
                cr_expect_eq(ms_swar_has_byte(ms_swar_load(w), b), want,
                             "byte 0x%02X, fill 0x%02X, at %d", b, fills[f], pos);
            }
        }
    }
}

Test(swar, zero_and_high_bytes)
{
    unsigned char w[8];
    memset(w, 'a', sizeof w);
    cr_expect(!ms_swar_has_zero(ms_swar_load(w)));
    cr_expect(!ms_swar_has_high(ms_swar_load(w)));
    for (int i = 0; i < 8; i++) {
        memset(w, 'a', sizeof w);
        w[i] = 0;
        cr_expect(ms_swar_has_zero(ms_swar_load(w)), "zero at %d", i);
        w[i] = 0xD0; /* a Cyrillic lead byte */
        cr_expect(ms_swar_has_high(ms_swar_load(w)), "high byte at %d", i);
        cr_expect(!ms_swar_has_zero(ms_swar_load(w)), "no zero with 0xD0 at %d", i);
    }
}

Test(hash, same_bytes_same_hash_wherever_they_lie)
{
    char buf[64];
    const char *word = "выдворение";
    size_t n = strlen(word);
    uint32_t h = ms_hash_short(word, n);
    for (size_t off = 1; off + n < sizeof buf; off += 3) {
        memcpy(buf + off, word, n);
        cr_expect_eq(ms_hash_short(buf + off, n), h, "offset %zu", off);
    }
}

Test(hash, every_byte_and_the_length_count)
{
    /* "ab" and "ab\0": the same eight-byte tail read, told apart by length */
    cr_expect_neq(ms_hash_short("ab", 2), ms_hash_short("ab\0", 3));
    cr_expect_neq(ms_hash_short("", 0), ms_hash_short("\0", 1));
    /* one byte changed anywhere in a 20-byte string changes the hash */
    char a[20];
    memset(a, 'x', sizeof a);
    uint32_t base = ms_hash_short(a, sizeof a);
    for (size_t i = 0; i < sizeof a; i++) {
        a[i] = 'y';
        cr_expect_neq(ms_hash_short(a, sizeof a), base, "byte %zu", i);
        a[i] = 'x';
    }
}

Test(hash, ten_thousand_words_spread_over_a_table)
{
    /* 10 000 distinct words into 16 384 slots by the low bits, as the
     * scanners use it: no slot may hold more than a handful */
    static unsigned char load[16384];
    memset(load, 0, sizeof load);
    unsigned max = 0;
    char w[16];
    for (int i = 0; i < 10000; i++) {
        int len = snprintf(w, sizeof w, "w%d", i);
        unsigned l = ++load[ms_hash_short(w, (size_t)len) & 16383];
        if (l > max)
            max = l;
    }
    cr_expect_leq(max, 8u, "fullest slot holds %u words", max);
}
