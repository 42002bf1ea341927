/* lexicon.c — lexicon files read into a phrase index, and the matcher.
 *
 * Words. The tokenizer cuts text into words (runs of letters, marks and
 * digits; an apostrophe between two letters and format characters such as
 * the soft hyphen stay inside a word) and punctuation tokens (one symbol or
 * punctuation character each: '%', '№', '.', '-'). Spaces of every kind
 * (NBSP, U+202F, line breaks), control characters and invalid UTF-8 bytes
 * separate tokens. A token keeps its exact byte span in the text.
 *
 * Folding. A word is case-folded and NFC-composed with utf8proc, ё becomes
 * е and the typographic apostrophe becomes "'". Code points below U+0500
 * (Latin, Greek, Cyrillic) are folded through a table computed with
 * utf8proc when the lexicon is loaded; a word with other letters or with
 * combining marks goes through utf8proc's decomposition and composition on
 * a stack buffer. Nothing is allocated per word.
 *
 * Phrases. Each word of a phrase is one pattern token: a Snowball stem, an
 * exact folded word ("=до"), a folded prefix ("выдвор*"), a literal
 * punctuation token, or a gap ("...", 0-3 words). Stems, exact words and
 * punctuation are interned in one dictionary, so a text token is compared
 * by two integer ids. A phrase whose second token is a stem, an exact word
 * or punctuation is chained under the pair of its first two tokens (one
 * hash look-up per pair of text tokens); the others sit in the list of
 * their first token (a prefix is found by looking up each leading part of
 * the word).
 *
 * Speed. A text word is looked at only if its first two folded letters
 * begin some phrase word (a 64 Ki-bit filter); only then is it stemmed, and
 * stems of recent words are kept in a small direct-mapped cache. Tokens
 * flow through a ring buffer as long as the longest phrase can span, so a
 * whole document is matched in one pass without allocation. */
#include "ingest/text/lexicon.h"
#include "core/arena.h"
#include "core/grow.h"
#include "core/hash.h"
#include "core/hedge.h"
#include "core/metric.h"
#include "core/num.h"
#include "core/read_file.h"
#include "core/strbuf.h"
#include "core/tsv.h"

#include <libstemmer.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define WORD_MAX 64         /* folded bytes of a word; longer words never match */
#define PHRASE_MAX 16       /* pattern tokens of a phrase */
#define GAP_WORDS 3         /* words a gap may skip */
#define GAP_PUNCT 3         /* punctuation tokens a gap may skip as well */
#define RING 128            /* tokens in flight; more than the longest span */
#define TABLE_CPS 0x500     /* code points folded through the table */
#define PAIR_BITS 16        /* first-two-letters filter: 2^16 bits */
#define CACHE_SLOTS 4096    /* stems of recent words */
#define CACHE_WORD 27       /* longest word kept in the stem cache */

enum cp_class { C_SEP = 0, C_WORD, C_IGNORE, C_PUNCT, C_APOS };
enum pat_kind { P_STEM = 0, P_EXACT, P_PUNCT, P_PREFIX, P_GAP };
enum list_kind { L_STEM = 0, L_EXACT, L_PUNCT, L_PREFIX };

static const char *const cat_names[MS_LEX_CAT_COUNT_] = {
    "metric", "place", "subject", "hedge", "change", "percent",
    "times", "mult", "fraction", "share", "skip", "event"};

const char *ms_lex_cat_name(ms_lex_cat cat)
{
    return (unsigned)cat < MS_LEX_CAT_COUNT_ ? cat_names[cat] : "?";
}

bool ms_lex_cat_from_name(const char *name, size_t len, ms_lex_cat *out)
{
    for (int i = 0; i < MS_LEX_CAT_COUNT_; i++) {
        if (strlen(cat_names[i]) == len && memcmp(cat_names[i], name, len) == 0) {
            *out = (ms_lex_cat)i;
            return true;
        }
    }
    return false;
}

typedef struct ptok {
    uint8_t kind;      /* enum pat_kind */
    int32_t id;        /* dictionary id (stem, exact word, punctuation) */
    const char *pre;   /* P_PREFIX: folded prefix (arena) */
    uint32_t pre_len;
} ptok;

typedef struct entry {
    ms_lex_cat cat;
    const char *key;   /* arena */
    double number;
    uint32_t first;    /* index of its first pattern token */
    uint32_t ntok;
    int32_t next;      /* next entry in the same list */
    int64_t line;
} entry;

typedef struct ditem {
    const char *s;     /* arena */
    uint32_t len, hash;
    int32_t head[4];   /* enum list_kind -> first entry, -1 if none */
} ditem;

typedef struct ttok {
    size_t start, end;      /* bytes in the text */
    int32_t stem_id, fold_id;
    uint8_t is_word;
    uint8_t para;           /* a blank line comes before it */
    uint8_t fold_len;       /* 0: not folded (too long, or no phrase starts so) */
    uint8_t slow;           /* scanning: needs full normalisation */
    uint8_t prefix_ok;      /* some prefix phrase starts with its first two letters */
    char fold[WORD_MAX + 8]; /* room for one fixed-size table copy past the end */
} ttok;

typedef struct cslot {
    uint32_t hash;
    int32_t stem_id;
    uint8_t len;
    char w[CACHE_WORD];
} cslot;

typedef struct fold_cell {
    uint8_t cls;       /* enum cp_class */
    uint8_t slow;      /* a combining mark or a long folding: normalise the word */
    uint8_t len;
    char b[5];
} fold_cell;

struct ms_lexicon {
    ms_lang lang;
    struct sb_stemmer *stemmer;
    ms_arena arena;
    entry *entries;
    size_t n_entries, cap_entries;
    ptok *toks;
    size_t n_toks, cap_toks;
    ditem *items;
    size_t n_items, cap_items;
    uint64_t *slots;   /* dictionary hash table: slot_of(hash, id), 0 = empty */
    size_t n_slots;
    uint64_t prefix_lens; /* bit n: some phrase starts with a prefix of n bytes */
    uint64_t *pair_keys;  /* phrases by their first two tokens: key -> chain */
    int32_t *pair_heads;
    size_t n_pairs;       /* slots, a power of two (0 = none) */
    size_t span;       /* most tokens a phrase can cover */
    size_t count[MS_LEX_CAT_COUNT_];
    /* the first-two-letters filters, interleaved: for each group of eight
     * pair values, a byte of bits per filter (PAIR_STEM: stemmed phrase
     * words; PAIR_OTHER: exact and prefix words; PAIR_PREFIX: prefixes that
     * start a phrase), so that a word's three tests read one cache line */
    uint8_t pairs[(1u << PAIR_BITS) / 8][4];
    uint8_t punct_byte[256];                    /* first bytes of phrase punctuation */
    fold_cell table[TABLE_CPS];
    bool plain_lower; /* a..z and а..я are words that fold to themselves */
    cslot cache[CACHE_SLOTS];
    ttok ring[RING];
};

/* ---- hashing and the dictionary ---- */

/* A dictionary slot holds the hash beside the id, so that a probe past
 * another word (most look-ups of text words miss) does not read its item:
 * the items are too many to stay in cache. */
static inline uint64_t slot_of(uint32_t hash, size_t id)
{
    return ((uint64_t)hash << 32) | ((uint64_t)id + 1);
}

static int32_t dict_find(const ms_lexicon *lex, const char *s, size_t len, uint32_t h)
{
    if (!lex->n_slots)
        return -1;
    size_t mask = lex->n_slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint64_t v = lex->slots[i];
        if (!v)
            return -1;
        if ((uint32_t)(v >> 32) != h)
            continue;
        uint32_t id = (uint32_t)v - 1;
        const ditem *it = &lex->items[id];
        if (it->len == len && memcmp(it->s, s, len) == 0)
            return (int32_t)id;
    }
}

static ms_status dict_rehash(ms_lexicon *lex, size_t n_slots)
{
    uint64_t *slots = calloc(n_slots, sizeof *slots);
    if (!slots)
        return MS_ERR_NOMEM;
    for (size_t id = 0; id < lex->n_items; id++) {
        size_t i = lex->items[id].hash & (n_slots - 1);
        while (slots[i])
            i = (i + 1) & (n_slots - 1);
        slots[i] = slot_of(lex->items[id].hash, id);
    }
    free(lex->slots);
    lex->slots = slots;
    lex->n_slots = n_slots;
    return MS_OK;
}

/* The id of s, added if new; -1 when out of memory. */
static int32_t dict_intern(ms_lexicon *lex, const char *s, size_t len)
{
    uint32_t h = ms_hash_short(s, len);
    int32_t id = dict_find(lex, s, len, h);
    if (id >= 0)
        return id;
    if ((lex->n_items + 1) * 2 > lex->n_slots &&
        dict_rehash(lex, lex->n_slots ? lex->n_slots * 2 : 1024) != MS_OK)
        return -1;
    ditem *items = ms_grow(lex->items, &lex->cap_items, lex->n_items, sizeof *items, 256);
    if (!items)
        return -1;
    lex->items = items;
    ditem *it = &lex->items[lex->n_items];
    it->s = ms_arena_strndup(&lex->arena, s, len);
    if (!it->s)
        return -1;
    it->len = (uint32_t)len;
    it->hash = h;
    it->head[0] = it->head[1] = it->head[2] = it->head[3] = -1;
    size_t i = h & (lex->n_slots - 1);
    while (lex->slots[i])
        i = (i + 1) & (lex->n_slots - 1);
    lex->slots[i] = slot_of(h, lex->n_items);
    return (int32_t)lex->n_items++;
}

/* ---- characters ---- */

static uint8_t class_of(int32_t cp)
{
    if (cp == '\'' || cp == 0x2019)
        return C_APOS;
    if (cp == 0x200B) /* zero width space: a format character that separates */
        return C_SEP;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return C_WORD;
    case UTF8PROC_CATEGORY_CF:
        return C_IGNORE;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
        return C_PUNCT;
    default:
        return C_SEP;
    }
}

static inline uint8_t cp_class(const ms_lexicon *lex, int32_t cp)
{
    if (cp < 0)
        return C_SEP;
    return cp < TABLE_CPS ? lex->table[cp].cls : class_of(cp);
}

/* The code point at s[pos] and its length; -1 (length 1) for a bad byte. */
static inline int32_t decode(const unsigned char *s, size_t len, size_t pos, size_t *clen)
{
    if (s[pos] < 0x80) {
        *clen = 1;
        return s[pos];
    }
    if ((s[pos] & 0xE0) == 0xC0 && s[pos] >= 0xC2 && pos + 1 < len && (s[pos + 1] & 0xC0) == 0x80) {
        *clen = 2; /* two-byte sequences (Cyrillic, Latin-1) are the common case */
        return ((int32_t)(s[pos] & 0x1F) << 6) | (s[pos + 1] & 0x3F);
    }
    utf8proc_int32_t cp;
    size_t rest = len - pos < 4 ? len - pos : 4;
    utf8proc_ssize_t n = utf8proc_iterate(s + pos, (utf8proc_ssize_t)rest, &cp);
    if (n <= 0) {
        *clen = 1;
        return -1;
    }
    *clen = (size_t)n;
    return cp;
}

/* ё -> е, typographic apostrophe -> ', after case folding. */
static int32_t fold_extra(int32_t cp)
{
    if (cp == 0x0451)
        return 0x0435;
    if (cp == 0x2019)
        return '\'';
    return cp;
}

static ms_status build_table(ms_lexicon *lex)
{
    const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    for (int32_t cp = 0; cp < TABLE_CPS; cp++) {
        fold_cell *c = &lex->table[cp];
        memset(c, 0, sizeof *c);
        c->cls = class_of(cp);
        if (c->cls == C_APOS) {
            c->b[0] = '\'';
            c->len = 1;
        }
        if (c->cls != C_WORD)
            continue;
        if (utf8proc_get_property(cp)->combining_class != 0) {
            c->slow = 1;
            continue;
        }
        utf8proc_uint8_t src[4];
        utf8proc_ssize_t n = utf8proc_encode_char(cp, src);
        utf8proc_uint8_t *dst = NULL;
        utf8proc_ssize_t m = utf8proc_map(src, n, &dst, opts);
        if (m < 0)
            return MS_ERR_NOMEM;
        /* Re-encode with the extra folds; keep it only if it fits. */
        size_t len = 0;
        bool fits = true;
        for (utf8proc_ssize_t i = 0; i < m;) {
            utf8proc_int32_t f;
            utf8proc_ssize_t k = utf8proc_iterate(dst + i, m - i, &f);
            if (k <= 0)
                break;
            i += k;
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t e = utf8proc_encode_char(fold_extra(f), enc);
            if (len + (size_t)e > sizeof c->b) {
                fits = false;
                break;
            }
            memcpy(c->b + len, enc, (size_t)e);
            len += (size_t)e;
        }
        free(dst);
        if (fits)
            c->len = (uint8_t)len;
        else
            c->slow = 1;
    }
    /* the fast path of scan_token holds only if these letters are words
     * that fold to their own bytes */
    lex->plain_lower = true;
    for (int32_t cp = 'a'; cp <= 0x44F && lex->plain_lower; cp = cp == 'z' ? 0x430 : cp + 1) {
        const fold_cell *c = &lex->table[cp];
        utf8proc_uint8_t own[4];
        utf8proc_ssize_t n = utf8proc_encode_char(cp, own);
        lex->plain_lower = c->cls == C_WORD && !c->slow && c->len == n && memcmp(c->b, own, (size_t)n) == 0;
    }
    return MS_OK;
}

/* Full normalisation of a word given as raw UTF-8 (format characters
 * removed): casefold + NFC + extra folds into t->fold. */
static void fold_slow(const unsigned char *raw, size_t rlen, ttok *t)
{
    const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    utf8proc_int32_t buf[WORD_MAX * 2];
    t->fold_len = 0;
    utf8proc_ssize_t n = utf8proc_decompose(raw, (utf8proc_ssize_t)rlen, buf,
                                            (utf8proc_ssize_t)(sizeof buf / sizeof *buf), opts);
    if (n < 0 || n > (utf8proc_ssize_t)(sizeof buf / sizeof *buf))
        return;
    n = utf8proc_normalize_utf32(buf, n, opts);
    if (n < 0)
        return;
    size_t len = 0;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t e = utf8proc_encode_char(fold_extra(buf[i]), enc);
        if (len + (size_t)e > WORD_MAX)
            return;
        memcpy(t->fold + len, enc, (size_t)e);
        len += (size_t)e;
    }
    t->fold_len = (uint8_t)len;
}

/* Filter index of a folded word's first two code points (at most eight
 * bytes, read as one number and hashed by a multiply). */
static uint32_t pair_index(const char *w, size_t len)
{
    size_t n = 0, cps = 0;
    while (n < len && cps < 2) {
        unsigned char b = (unsigned char)w[n];
        n += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        cps++;
    }
    if (n > len)
        n = len;
    uint64_t v = n;
    for (size_t i = 0; i < n; i++)
        v = (v << 8) | (unsigned char)w[i];
    return (uint32_t)((v * 0x9e3779b97f4a7c15u) >> (64 - PAIR_BITS));
}

enum { PAIR_STEM, PAIR_OTHER, PAIR_PREFIX };

static inline bool pair_get(const ms_lexicon *lex, int filter, uint32_t i)
{
    return lex->pairs[i >> 3][filter] & (1u << (i & 7));
}

static inline void pair_set(ms_lexicon *lex, int filter, uint32_t i)
{
    lex->pairs[i >> 3][filter] |= (uint8_t)(1u << (i & 7));
}

/* ---- the tokenizer ---- */

/* Whether bytes b0 b1 are one of а..я (U+0430..U+044F), which fold to
 * themselves. */
static inline bool is_cyrillic_lower(unsigned char b0, unsigned char b1)
{
    return (b0 == 0xD0 && b1 >= 0xB0 && b1 <= 0xBF) || (b0 == 0xD1 && b1 >= 0x80 && b1 <= 0x8F);
}

typedef struct scanner {
    const unsigned char *s;
    size_t len, pos;
} scanner;

/* The next token into t (ids not set); false at the end of the text. */
static bool scan_token(const ms_lexicon *lex, scanner *sc, ttok *t)
{
    const unsigned char *s = sc->s;
    size_t len = sc->len, newlines = 0;
    while (sc->pos < len) {
        size_t clen;
        int32_t cp = decode(s, len, sc->pos, &clen);
        uint8_t cls = cp_class(lex, cp);
        if (cls == C_SEP || cls == C_IGNORE) {
            newlines += cp == '\n';
            sc->pos += clen;
            continue;
        }
        t->start = sc->pos;
        t->para = newlines >= 2;
        t->stem_id = t->fold_id = -1;
        t->prefix_ok = 0;
        t->slow = 0;
        if (cls != C_WORD) { /* punctuation, or an apostrophe outside a word */
            sc->pos += clen;
            t->end = sc->pos;
            t->is_word = 0;
            int32_t f = cp == 0x2010 || cp == 0x2011 ? '-' : fold_extra(cp);
            t->fold_len = (uint8_t)utf8proc_encode_char(f, (utf8proc_uint8_t *)t->fold);
            return true;
        }
        /* A word: fold through the table while it can; remember whether
         * the word needs the full normalisation. */
        t->is_word = 1;
        size_t flen = 0;
        bool too_long = false;
        for (;;) {
            if (cls == C_WORD || cls == C_APOS) {
                if (cp < TABLE_CPS && !lex->table[cp].slow) {
                    const fold_cell *c = &lex->table[cp];
                    if (flen + c->len > WORD_MAX)
                        too_long = true;
                    else {
                        memcpy(t->fold + flen, c->b, sizeof c->b);
                        flen += c->len;
                    }
                } else {
                    t->slow = 1;
                }
                t->end = sc->pos + clen;
            }
            sc->pos += clen;
            /* lower-case a..z and а..я fold to themselves (lex->plain_lower):
             * runs of them are copied byte by byte without decoding */
            if (lex->plain_lower) {
                size_t p = sc->pos;
                for (;;) {
                    unsigned char c0 = s[p < len ? p : 0];
                    if (p < len && (unsigned)(c0 - 'a') < 26u) {
                        if (flen < WORD_MAX)
                            t->fold[flen++] = (char)c0;
                        else
                            too_long = true;
                        p++;
                    } else if (p + 1 < len && is_cyrillic_lower(c0, s[p + 1])) {
                        if (flen + 2 <= WORD_MAX) {
                            t->fold[flen] = (char)c0;
                            t->fold[flen + 1] = (char)s[p + 1];
                            flen += 2;
                        } else {
                            too_long = true;
                        }
                        p += 2;
                    } else {
                        break;
                    }
                }
                if (p != sc->pos)
                    sc->pos = t->end = p;
            }
            if (sc->pos >= len)
                break;
            cp = decode(s, len, sc->pos, &clen);
            cls = cp_class(lex, cp);
            if (cls == C_WORD || cls == C_IGNORE)
                continue;
            if (cls == C_APOS && sc->pos + clen < len) {
                size_t nlen;
                int32_t next = decode(s, len, sc->pos + clen, &nlen);
                if (cp_class(lex, next) == C_WORD)
                    continue;
            }
            break;
        }
        /* A word ending in format characters: they are not part of it. */
        sc->pos = t->end;
        if (too_long) {
            t->fold_len = 0;
            return true;
        }
        if (t->slow) {
            unsigned char raw[WORD_MAX * 4];
            size_t rlen = 0;
            for (size_t p = t->start; p < t->end;) {
                size_t k;
                int32_t c = decode(s, len, p, &k);
                if (cp_class(lex, c) != C_IGNORE) {
                    if (rlen + k > sizeof raw) {
                        t->fold_len = 0;
                        return true;
                    }
                    if (c == 0x2019) /* the apostrophe is the only C_APOS inside */
                        raw[rlen++] = '\'';
                    else {
                        memcpy(raw + rlen, s + p, k);
                        rlen += k;
                    }
                }
                p += k;
            }
            fold_slow(raw, rlen, t);
            return true;
        }
        t->fold_len = (uint8_t)flen;
        return true;
    }
    return false;
}

static const char *stem_word(ms_lexicon *lex, const char *w, size_t len, size_t *slen)
{
    const sb_symbol *r = sb_stemmer_stem(lex->stemmer, (const sb_symbol *)w, (int)len);
    if (!r) {
        *slen = len;
        return w;
    }
    *slen = (size_t)sb_stemmer_length(lex->stemmer);
    return (const char *)r;
}

/* Sets the ids of a scanned text token (or marks it as irrelevant). */
static void identify(ms_lexicon *lex, ttok *t)
{
    if (!t->fold_len)
        return;
    if (!t->is_word) {
        if (lex->punct_byte[(unsigned char)t->fold[0]])
            t->fold_id = dict_find(lex, t->fold, t->fold_len, ms_hash_short(t->fold, t->fold_len));
        return;
    }
    uint32_t pair = pair_index(t->fold, t->fold_len);
    t->prefix_ok = pair_get(lex, PAIR_PREFIX, pair) != 0;
    bool need_stem = pair_get(lex, PAIR_STEM, pair);
    if (!need_stem && !pair_get(lex, PAIR_OTHER, pair)) {
        t->fold_len = 0;
        return;
    }
    uint32_t h = ms_hash_short(t->fold, t->fold_len);
    t->fold_id = dict_find(lex, t->fold, t->fold_len, h);
    if (!need_stem)
        return;
    cslot *slot = t->fold_len <= CACHE_WORD ? &lex->cache[h & (CACHE_SLOTS - 1)] : NULL;
    if (slot && slot->len == t->fold_len && slot->hash == h &&
        memcmp(slot->w, t->fold, t->fold_len) == 0) {
        t->stem_id = slot->stem_id;
        return;
    }
    size_t slen;
    const char *st = stem_word(lex, t->fold, t->fold_len, &slen);
    t->stem_id = dict_find(lex, st, slen, ms_hash_short(st, slen));
    if (slot) {
        slot->hash = h;
        slot->len = t->fold_len;
        memcpy(slot->w, t->fold, t->fold_len);
        slot->stem_id = t->stem_id;
    }
}

/* ---- loading ---- */

typedef struct loader {
    ms_lexicon *lex;
    const char *file;
    int64_t line;
    ms_diag *diag;
    ms_metric_registry metrics;
} loader;

static bool valid_ident(const char *s, size_t len)
{
    if (!len)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
            return false;
    return true;
}

/* Checks a key for its category; sets *number for mult and fraction. */
static bool check_key(loader *ld, ms_lex_cat cat, const char *k, size_t kl, size_t col,
                      double *number)
{
    char key[128];
    *number = 0;
    if (kl == 0 || kl >= sizeof key) {
        ms_diag_error(ld->diag, ld->file, ld->line, (int64_t)col, "key '%.*s' is empty or too long",
                      (int)kl, k);
        return false;
    }
    memcpy(key, k, kl);
    key[kl] = '\0';
    const char *why = NULL;
    switch (cat) {
    case MS_LEX_METRIC:
        if (!ms_metric_find(&ld->metrics, key))
            why = "is not a metric of metrics.tsv";
        break;
    case MS_LEX_PLACE:
        if (!ms_tsv_is_place_code(k, kl))
            why = "is not an ISO 3166 code (XX or XX-YYY)";
        break;
    case MS_LEX_SUBJECT:
        if (!ms_tsv_is_place_code(k, kl) && strcmp(key, "foreign_citizens") != 0 &&
            strcmp(key, "people") != 0)
            why = "is not a citizenship code (XX), foreign_citizens or people";
        break;
    case MS_LEX_HEDGE: {
        ms_hedge h;
        if (!ms_hedge_from_name(key, &h) || h == MS_HEDGE_RANGE)
            why = "is not a hedge (more_than, less_than, nearly, about, at_least, up_to, none)";
        break;
    }
    case MS_LEX_CHANGE:
        if (strcmp(key, "up") != 0 && strcmp(key, "down") != 0)
            why = "is not 'up' or 'down'";
        break;
    case MS_LEX_PERCENT:
    case MS_LEX_TIMES:
    case MS_LEX_SHARE:
        if (strcmp(key, "-") != 0)
            why = "should be '-'";
        break;
    case MS_LEX_MULT:
    case MS_LEX_FRACTION: {
        double v;
        if (ms_num_parse(k, kl, &v, NULL, NULL) != MS_OK || !(v > 0) ||
            (cat == MS_LEX_FRACTION && v > 100))
            why = cat == MS_LEX_MULT ? "is not a factor (a positive number)"
                                     : "is not a percentage (0 < x <= 100)";
        else
            *number = v;
        break;
    }
    case MS_LEX_SKIP:
        if (!valid_ident(k, kl))
            why = "is not a reason name (lowercase letters and '_')";
        break;
    case MS_LEX_EVENT:
        if (!valid_ident(k, kl))
            why = "is not an event or event kind of events.tsv (lowercase letters and '_')";
        break;
    default:
        why = "has no category";
    }
    if (why) {
        ms_diag_error(ld->diag, ld->file, ld->line, (int64_t)col, "key '%s' %s", key, why);
        return false;
    }
    return true;
}

static bool add_ptok(loader *ld, uint8_t kind, int32_t id, const char *pre, size_t pre_len)
{
    ms_lexicon *lex = ld->lex;
    ptok *toks = ms_grow(lex->toks, &lex->cap_toks, lex->n_toks, sizeof *toks, 1024);
    if (!toks)
        return false;
    lex->toks = toks;
    toks[lex->n_toks++] = (ptok){kind, id, pre, (uint32_t)pre_len};
    return true;
}

static size_t count_cps(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Adds one scanned token of a phrase item: a stemmed or exact word, or
 * literal punctuation. */
static ms_status add_item_token(loader *ld, const ttok *t, bool exact, const char *item,
                                int64_t icol)
{
    ms_lexicon *lex = ld->lex;
    if (!t->fold_len) {
        ms_diag_error(ld->diag, ld->file, ld->line, icol + (int64_t)t->start,
                      "word '%.*s' is longer than %d bytes", (int)(t->end - t->start),
                      item + t->start, WORD_MAX);
        return MS_ERR_DATA;
    }
    int32_t id;
    uint8_t kind;
    if (!t->is_word) {
        lex->punct_byte[(unsigned char)t->fold[0]] = 1;
        id = dict_intern(lex, t->fold, t->fold_len);
        kind = P_PUNCT;
    } else if (exact) {
        pair_set(lex, PAIR_OTHER, pair_index(t->fold, t->fold_len));
        id = dict_intern(lex, t->fold, t->fold_len);
        kind = P_EXACT;
    } else {
        size_t slen;
        const char *st = stem_word(lex, t->fold, t->fold_len, &slen);
        pair_set(lex, PAIR_STEM, pair_index(t->fold, t->fold_len));
        pair_set(lex, PAIR_STEM, pair_index(st, slen));
        id = dict_intern(lex, st, slen);
        kind = P_STEM;
    }
    if (id < 0 || !add_ptok(ld, kind, id, NULL, 0))
        return MS_ERR_NOMEM;
    return MS_OK;
}

/* Turns a phrase into pattern tokens appended to lex->toks. Returns
 * MS_OK, MS_ERR_DATA (reported) or MS_ERR_NOMEM. */
static ms_status parse_phrase(loader *ld, const char *ph, size_t plen, size_t col)
{
    ms_lexicon *lex = ld->lex;
    size_t first = lex->n_toks;
    for (size_t i = 0; i < plen;) {
        while (i < plen && ph[i] == ' ')
            i++;
        if (i == plen)
            break;
        size_t b = i;
        while (i < plen && ph[i] != ' ')
            i++;
        const char *item = ph + b;
        size_t il = i - b;
        int64_t icol = (int64_t)(col + b);
        ttok t;
        if (il == 3 && memcmp(item, "...", 3) == 0) {
            if (!add_ptok(ld, P_GAP, -1, NULL, 0))
                return MS_ERR_NOMEM;
        } else if (il > 1 && item[il - 1] == '*') {
            /* A prefix: the last word of the item ("Санкт-Петербург*"). */
            size_t body = il - 1;
            scanner sc = {(const unsigned char *)item, body, 0};
            ttok last = {0};
            bool any = false;
            while (scan_token(lex, &sc, &t)) {
                if (any) {
                    ms_status st = add_item_token(ld, &last, false, item, icol);
                    if (st != MS_OK)
                        return st;
                }
                last = t;
                any = true;
            }
            if (!any || !last.is_word || last.end != body || !last.fold_len ||
                last.fold_len >= WORD_MAX || count_cps(last.fold, last.fold_len) < 2) {
                ms_diag_error(ld->diag, ld->file, ld->line, icol,
                              "prefix '%.*s' must end in a word of 2 letters to 63 bytes before '*'",
                              (int)il, item);
                return MS_ERR_DATA;
            }
            int32_t id = dict_intern(lex, last.fold, last.fold_len);
            if (id < 0 || !add_ptok(ld, P_PREFIX, id, lex->items[id].s, last.fold_len))
                return MS_ERR_NOMEM;
            pair_set(lex, PAIR_OTHER, pair_index(last.fold, last.fold_len));
        } else {
            /* Plain words (stemmed) and punctuation; with a leading '='
             * every word of the item must match exactly. */
            bool exact = il > 1 && item[0] == '=';
            size_t skip = exact ? 1 : 0;
            scanner sc = {(const unsigned char *)item + skip, il - skip, 0};
            while (scan_token(lex, &sc, &t)) {
                ms_status st = add_item_token(ld, &t, exact, item + skip, icol + (int64_t)skip);
                if (st != MS_OK)
                    return st;
            }
        }
    }
    size_t n = lex->n_toks - first;
    const char *why = NULL;
    if (n == 0)
        why = "has no words";
    else if (lex->toks[first].kind == P_GAP || lex->toks[lex->n_toks - 1].kind == P_GAP)
        why = "cannot start or end with a gap '...'";
    else if (n > PHRASE_MAX)
        why = "has too many words (at most 16)";
    if (why) {
        ms_diag_error(ld->diag, ld->file, ld->line, (int64_t)col, "phrase '%.*s' %s", (int)plen, ph, why);
        lex->n_toks = first;
        return MS_ERR_DATA;
    }
    return MS_OK;
}

static bool same_pattern(const ms_lexicon *lex, const entry *a, const entry *b)
{
    if (a->ntok != b->ntok)
        return false;
    for (uint32_t i = 0; i < a->ntok; i++) {
        const ptok *x = &lex->toks[a->first + i], *y = &lex->toks[b->first + i];
        if (x->kind != y->kind || x->id != y->id || x->pre_len != y->pre_len ||
            (x->pre && memcmp(x->pre, y->pre, x->pre_len) != 0))
            return false;
    }
    return true;
}

/* A token of a phrase as a number: its dictionary id and how it matches. */
static inline uint32_t tok_code(int32_t id, enum list_kind kind)
{
    return ((uint32_t)id << 2) | (uint32_t)kind;
}

static inline uint64_t pair_key(uint32_t first, uint32_t second)
{
    return ((uint64_t)first << 32) | second;
}

/* The first token sits in the high half of the key: fold it into the low
 * half before multiplying, and take high bits of the product, so that
 * pairs with one second token do not all land in one run of slots. */
static inline size_t pair_slot(uint64_t key, size_t n)
{
    uint64_t h = (key ^ (key >> 32)) * 0x9E3779B97F4A7C15u;
    return (size_t)(h >> 32) & (n - 1);
}

static int32_t pair_find(const ms_lexicon *lex, uint64_t key)
{
    if (!lex->n_pairs)
        return -1;
    for (size_t i = pair_slot(key, lex->n_pairs);; i = (i + 1) & (lex->n_pairs - 1)) {
        if (lex->pair_heads[i] < 0)
            return -1;
        if (lex->pair_keys[i] == key)
            return lex->pair_heads[i];
    }
}

static enum list_kind list_of(uint8_t kind)
{
    return kind == P_STEM ? L_STEM : kind == P_EXACT ? L_EXACT : kind == P_PUNCT ? L_PUNCT : L_PREFIX;
}

static int32_t *list_head(ms_lexicon *lex, const ptok *p)
{
    switch (p->kind) {
    case P_STEM:
        return &lex->items[p->id].head[L_STEM];
    case P_EXACT:
        return &lex->items[p->id].head[L_EXACT];
    case P_PUNCT:
        return &lex->items[p->id].head[L_PUNCT];
    default:
        return &lex->items[p->id].head[L_PREFIX];
    }
}

static ms_status load_line(loader *ld, const char *line, size_t len)
{
    ms_lexicon *lex = ld->lex;
    const char *f[3];
    size_t fl[3], fc[3], n = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || line[i] == '\t') {
            if (n == 3) { /* points at the first extra field */
                ms_diag_error(ld->diag, ld->file, ld->line, (int64_t)start + 1,
                              "expected 3 tab-separated fields (category, key, phrase), found more");
                return MS_ERR_DATA;
            }
            f[n] = line + start;
            fl[n] = i - start;
            fc[n] = start + 1;
            n++;
            start = i + 1;
        }
    }
    if (n < 3) {
        ms_diag_error(ld->diag, ld->file, ld->line, 1,
                      "expected 3 tab-separated fields (category, key, phrase), found %zu", n);
        return MS_ERR_DATA;
    }
    ms_lex_cat cat;
    if (!ms_lex_cat_from_name(f[0], fl[0], &cat)) {
        ms_diag_error(ld->diag, ld->file, ld->line, 1,
                      "unknown category '%.*s' (metric, place, subject, hedge, change, percent, "
                      "times, mult, fraction, share, skip)", (int)fl[0], f[0]);
        return MS_ERR_DATA;
    }
    double number;
    if (!check_key(ld, cat, f[1], fl[1], fc[1], &number))
        return MS_ERR_DATA;
    size_t first = lex->n_toks;
    ms_status st = parse_phrase(ld, f[2], fl[2], fc[2]);
    if (st != MS_OK) {
        lex->n_toks = first;
        return st;
    }
    entry e = {cat, NULL, number, (uint32_t)first, (uint32_t)(lex->n_toks - first), -1, ld->line};
    int32_t *head = list_head(lex, &lex->toks[first]);
    for (int32_t k = *head; k >= 0; k = lex->entries[k].next) {
        const entry *o = &lex->entries[k];
        if (o->cat != cat || !same_pattern(lex, o, &e))
            continue;
        lex->n_toks = first;
        if (fl[1] == strlen(o->key) && memcmp(o->key, f[1], fl[1]) == 0)
            return MS_OK; /* another spelling of a listed phrase */
        ms_diag_error(ld->diag, ld->file, ld->line, (int64_t)fc[2],
                      "phrase '%.*s' matches like line %lld, which has key '%s'", (int)fl[2], f[2],
                      (long long)o->line, o->key);
        return MS_ERR_DATA;
    }
    e.key = ms_arena_strndup(&lex->arena, f[1], fl[1]);
    entry *entries = ms_grow(lex->entries, &lex->cap_entries, lex->n_entries, sizeof *entries, 256);
    if (!e.key || !entries)
        return MS_ERR_NOMEM;
    lex->entries = entries;
    e.next = *head;
    *head = (int32_t)lex->n_entries;
    if (lex->toks[first].kind == P_PREFIX) {
        lex->prefix_lens |= (uint64_t)1 << lex->toks[first].pre_len;
        pair_set(lex, PAIR_PREFIX, pair_index(lex->toks[first].pre, lex->toks[first].pre_len));
    }
    lex->entries[lex->n_entries++] = e;
    lex->count[cat]++;
    size_t span = 0;
    for (uint32_t i = 0; i < e.ntok; i++)
        span += lex->toks[first + i].kind == P_GAP ? GAP_WORDS + GAP_PUNCT : 1;
    if (span > lex->span)
        lex->span = span;
    return MS_OK;
}

static ms_status load_text(loader *ld, const char *text, size_t len)
{
    ms_status status = MS_OK;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3, len -= 3;
    for (size_t pos = 0; pos < len;) {
        const char *line = text + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t llen = nl ? (size_t)(nl - line) : len - pos;
        pos += llen + (nl ? 1 : 0);
        ld->line++;
        if (llen && line[llen - 1] == '\r')
            llen--;
        size_t lead = 0;
        while (lead < llen && line[lead] == ' ')
            lead++;
        if (lead == llen || line[lead] == '#')
            continue;
        ms_status st = load_line(ld, line, llen);
        if (st == MS_ERR_NOMEM)
            return st;
        if (st != MS_OK)
            status = st;
    }
    return status;
}

/* Rebuilds the phrase lists for matching: a phrase whose second token is
 * a stem, an exact word or punctuation goes into the chain of its first two
 * tokens (found by one hash look-up per pair of text tokens); the others
 * stay in the list of their first token. */
static ms_status finalize(ms_lexicon *lex)
{
    size_t n = 16;
    while (n < lex->n_entries * 2)
        n *= 2;
    lex->pair_keys = malloc(n * sizeof *lex->pair_keys);
    lex->pair_heads = malloc(n * sizeof *lex->pair_heads);
    if (!lex->pair_keys || !lex->pair_heads)
        return MS_ERR_NOMEM;
    lex->n_pairs = n;
    for (size_t i = 0; i < n; i++)
        lex->pair_heads[i] = -1;
    for (size_t i = 0; i < lex->n_items; i++)
        for (int k = 0; k < 4; k++)
            lex->items[i].head[k] = -1;
    for (size_t k = lex->n_entries; k-- > 0;) {
        entry *e = &lex->entries[k];
        const ptok *p = &lex->toks[e->first];
        if (e->ntok > 1 && p[1].kind <= P_PUNCT) {
            uint64_t key = pair_key(tok_code(p[0].id, list_of(p[0].kind)),
                                    tok_code(p[1].id, list_of(p[1].kind)));
            size_t i = pair_slot(key, n);
            while (lex->pair_heads[i] >= 0 && lex->pair_keys[i] != key)
                i = (i + 1) & (n - 1);
            lex->pair_keys[i] = key;
            e->next = lex->pair_heads[i];
            lex->pair_heads[i] = (int32_t)k;
        } else {
            int32_t *head = list_head(lex, p);
            e->next = *head;
            *head = (int32_t)k;
        }
    }
    return MS_OK;
}

size_t ms_lexicon_count(const ms_lexicon *lex, ms_lex_cat cat)
{
    return (unsigned)cat < MS_LEX_CAT_COUNT_ ? lex->count[cat] : 0;
}

ms_lang ms_lexicon_lang(const ms_lexicon *lex)
{
    return lex->lang;
}

void ms_lexicon_free(ms_lexicon *lex)
{
    if (!lex)
        return;
    if (lex->stemmer)
        sb_stemmer_delete(lex->stemmer);
    ms_arena_free(&lex->arena);
    free(lex->entries);
    free(lex->toks);
    free(lex->items);
    free(lex->slots);
    free(lex->pair_keys);
    free(lex->pair_heads);
    free(lex);
}

ms_status ms_lexicon_load(const char *path, ms_lang lang, ms_lexicon **out, ms_diag *diag)
{
    static const char *const algorithms[MS_LANG_COUNT_] = {"english", "russian", "german"};
    *out = NULL;
    if ((unsigned)lang >= MS_LANG_COUNT_)
        return MS_ERR_USAGE;
    ms_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        return MS_ERR_NOMEM;
    lex->lang = lang;
    ms_arena_init(&lex->arena);
    lex->span = 1;
    lex->stemmer = sb_stemmer_new(algorithms[lang], "UTF_8");
    ms_status st = lex->stemmer ? build_table(lex) : MS_ERR_NOMEM;
    if (st != MS_OK) {
        ms_lexicon_free(lex);
        return st;
    }
    loader ld = {lex, path, 0, diag, {0}};
    ms_metric_registry_init(&ld.metrics);
    char mpath[4096];
    snprintf(mpath, sizeof mpath, "%s/metrics.tsv", ms_data_dir());
    st = ms_metric_registry_load(&ld.metrics, mpath, diag);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    if (st == MS_OK)
        st = ms_read_file(path, 0, &sb, diag);
    if (st == MS_OK)
        st = load_text(&ld, ms_strbuf_str(&sb), sb.len);
    if (st == MS_OK)
        st = finalize(lex);
    ms_strbuf_free(&sb);
    ms_metric_registry_free(&ld.metrics);
    if (st != MS_OK) {
        ms_lexicon_free(lex);
        return st;
    }
    *out = lex;
    return MS_OK;
}

ms_status ms_lexicon_load_default(ms_lang lang, ms_lexicon **out, ms_diag *diag)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/lexicon_%s.tsv", ms_data_dir(), ms_lang_name(lang));
    return ms_lexicon_load(path, lang, out, diag);
}

/* ---- matching ---- */

typedef struct matcher {
    ms_lexicon *lex;
    size_t produced; /* tokens scanned so far (absolute count) */
} matcher;

static inline const ttok *tok_at(const matcher *m, size_t j)
{
    return &m->lex->ring[j % RING];
}

static bool tok_matches(const ptok *p, const ttok *t)
{
    switch (p->kind) {
    case P_STEM:
        return t->is_word && t->stem_id == p->id;
    case P_EXACT:
        return t->is_word && t->fold_id == p->id;
    case P_PUNCT:
        return !t->is_word && t->fold_id == p->id;
    case P_PREFIX:
        return t->is_word && t->fold_len >= p->pre_len && memcmp(t->fold, p->pre, p->pre_len) == 0;
    default:
        return false;
    }
}

/* Matches pattern tokens p[k..n) from text token j; on success *last is
 * the index of the last text token used. */
static bool match_from(const matcher *m, const ptok *p, uint32_t k, uint32_t n, size_t j,
                       size_t *last)
{
    if (k == n) {
        *last = j - 1;
        return true;
    }
    if (p[k].kind == P_GAP) {
        size_t words = 0, puncts = 0;
        for (size_t g = j;; g++) {
            if (match_from(m, p, k + 1, n, g, last))
                return true;
            if (g >= m->produced)
                return false;
            const ttok *t = tok_at(m, g);
            if (t->para)
                return false;
            if (t->is_word ? ++words > GAP_WORDS
                           : (++puncts > GAP_PUNCT ||
                              (t->fold_len == 1 && memchr("!?;", t->fold[0], 3))))
                return false;
        }
    }
    if (j >= m->produced)
        return false;
    const ttok *t = tok_at(m, j);
    if ((k > 0 && t->para) || !tok_matches(&p[k], t))
        return false;
    return match_from(m, p, k + 1, n, j + 1, last);
}

typedef struct best_hit {
    int32_t entry;
    uint32_t ntok;
    size_t last;
} best_hit;

static void try_list(const matcher *m, int32_t head, size_t i, const size_t *cursor,
                     best_hit *best)
{
    const ms_lexicon *lex = m->lex;
    for (int32_t k = head; k >= 0; k = lex->entries[k].next) {
        const entry *e = &lex->entries[k];
        if (cursor[e->cat] > i)
            continue;
        size_t last;
        if (!match_from(m, &lex->toks[e->first], 0, e->ntok, i, &last))
            continue;
        best_hit *b = &best[e->cat];
        if (b->entry < 0 || e->ntok > b->ntok || (e->ntok == b->ntok && last > b->last))
            *b = (best_hit){k, e->ntok, last};
    }
}

/* Tries the phrases whose first token is `first` (a code) and whose second
 * token matches text token i + 1. */
static void try_pairs(const matcher *m, uint32_t first, size_t i, const size_t *cursor,
                      best_hit *best)
{
    if (i + 1 >= m->produced)
        return;
    const ttok *u = tok_at(m, i + 1);
    if (u->para || !u->fold_len)
        return;
    if (u->is_word) {
        if (u->stem_id >= 0)
            try_list(m, pair_find(m->lex, pair_key(first, tok_code(u->stem_id, L_STEM))), i, cursor, best);
        if (u->fold_id >= 0)
            try_list(m, pair_find(m->lex, pair_key(first, tok_code(u->fold_id, L_EXACT))), i, cursor, best);
    } else if (u->fold_id >= 0) {
        try_list(m, pair_find(m->lex, pair_key(first, tok_code(u->fold_id, L_PUNCT))), i, cursor, best);
    }
}

/* Tries the phrases that start with a prefix of word t: each leading part
 * of the word (at code point boundaries, of a length some prefix has) is
 * looked up in the dictionary. */
static void try_prefixes(const matcher *m, const ttok *t, size_t i, const size_t *cursor,
                         best_hit *best)
{
    const ms_lexicon *lex = m->lex;
    for (size_t n = 0; n < t->fold_len;) {
        unsigned char b = (unsigned char)t->fold[n];
        n += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        if (n > t->fold_len)
            n = t->fold_len;
        if (n < 64 && (lex->prefix_lens >> n) & 1) {
            int32_t id = dict_find(lex, t->fold, n, ms_hash_short(t->fold, n));
            if (id >= 0) {
                try_list(m, lex->items[id].head[L_PREFIX], i, cursor, best);
                try_pairs(m, tok_code(id, L_PREFIX), i, cursor, best);
            }
        }
    }
}

size_t ms_lexicon_match(ms_lexicon *lex, const char *text, size_t len, ms_lex_hit *out,
                        size_t max)
{
    matcher m = {lex, 0};
    scanner sc = {(const unsigned char *)text, text ? len : 0, 0};
    size_t cursor[MS_LEX_CAT_COUNT_] = {0};
    size_t nhits = 0;
    bool eof = false;
    for (size_t i = 0;; i++) {
        while (!eof && m.produced < i + lex->span) {
            ttok *t = &lex->ring[m.produced % RING];
            if (scan_token(lex, &sc, t)) {
                identify(lex, t);
                m.produced++;
            } else {
                eof = true;
            }
        }
        if (i >= m.produced)
            break;
        const ttok *t = tok_at(&m, i);
        if (!t->fold_len)
            continue;
        best_hit best[MS_LEX_CAT_COUNT_];
        for (int c = 0; c < MS_LEX_CAT_COUNT_; c++)
            best[c].entry = -1;
        if (t->is_word) {
            if (t->stem_id >= 0) {
                try_list(&m, lex->items[t->stem_id].head[L_STEM], i, cursor, best);
                try_pairs(&m, tok_code(t->stem_id, L_STEM), i, cursor, best);
            }
            if (t->fold_id >= 0) {
                try_list(&m, lex->items[t->fold_id].head[L_EXACT], i, cursor, best);
                try_pairs(&m, tok_code(t->fold_id, L_EXACT), i, cursor, best);
            }
            /* a prefix has the first two letters of the word (it has at
             * least two), so the filter bit rules out most words */
            if (t->prefix_ok)
                try_prefixes(&m, t, i, cursor, best);
        } else if (t->fold_id >= 0) {
            try_list(&m, lex->items[t->fold_id].head[L_PUNCT], i, cursor, best);
            try_pairs(&m, tok_code(t->fold_id, L_PUNCT), i, cursor, best);
        }
        for (int c = 0; c < MS_LEX_CAT_COUNT_; c++) {
            if (best[c].entry < 0)
                continue;
            const entry *e = &lex->entries[best[c].entry];
            if (nhits < max)
                out[nhits] = (ms_lex_hit){t->start, tok_at(&m, best[c].last)->end, e->cat,
                                          e->key, e->number};
            nhits++;
            cursor[c] = best[c].last + 1;
        }
    }
    return nhits;
}
