/* doc.c — looking around a position in a prepared text (see doc.h). */
#include "ingest/text/doc.h"

#include <stdint.h>
#include <string.h>

static inline size_t space_len(const unsigned char *s, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
        return 1;
    if (i + 1 < len && s[i] == 0xC2 && s[i + 1] == 0xA0)
        return 2;
    if (i + 2 < len && s[i] == 0xE2 && s[i + 1] == 0x80 &&
        (s[i + 2] == 0xAF || s[i + 2] == 0x89 || s[i + 2] == 0x87))
        return 3;
    return 0;
}

size_t ms_doc_skip_space(const ms_text_doc *d, size_t i)
{
    const unsigned char *s = (const unsigned char *)d->text;
    size_t n;
    while ((n = space_len(s, d->len, i)) > 0)
        i += n;
    return i;
}

size_t ms_doc_skip_space_back(const ms_text_doc *d, size_t i)
{
    const unsigned char *s = (const unsigned char *)d->text;
    for (;;) {
        if (i >= 1 && space_len(s, d->len, i - 1) == 1)
            i -= 1;
        else if (i >= 2 && space_len(s, d->len, i - 2) == 2)
            i -= 2;
        else if (i >= 3 && space_len(s, d->len, i - 3) == 3)
            i -= 3;
        else
            return i;
    }
}

/* A byte that belongs to a word: ASCII letters, UTF-8 lead and
 * continuation bytes (letters of other scripts), apostrophes inside. */
static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* UTF-8 spaces are >= 0x80 too, so a word stops at them explicitly. They
 * start with 0xC2 or 0xE2 and end with 0xA0, 0xAF, 0x89 or 0x87 (and
 * hold 0x80): any other byte >= 0x80 is part of a word without a test. */
static inline bool maybe_in_space(unsigned char c)
{
    return c == 0xC2 || c == 0xE2 || c == 0x80 || c == 0xA0 || c == 0xAF || c == 0x89 || c == 0x87;
}

bool ms_doc_word_before(const ms_text_doc *d, size_t end, size_t *ws, size_t *we)
{
    const unsigned char *s = (const unsigned char *)d->text;
    size_t e = ms_doc_skip_space_back(d, end);
    size_t b = e;
    /* an ASCII letter cannot be (part of) a space: only some bytes >= 0x80
     * need the space tests */
    while (b > 0 && word_byte(s[b - 1]) &&
           (s[b - 1] < 0x80 || !maybe_in_space(s[b - 1]) ||
            (space_len(s, d->len, b - 1) == 0 && !(b >= 2 && space_len(s, d->len, b - 2) == 2) &&
             !(b >= 3 && space_len(s, d->len, b - 3) == 3))))
        b--;
    if (b == e)
        return false;
    *ws = b;
    *we = e;
    return true;
}

bool ms_doc_word_after(const ms_text_doc *d, size_t i, size_t *ws, size_t *we)
{
    const unsigned char *s = (const unsigned char *)d->text;
    size_t b = ms_doc_skip_space(d, i), e = b;
    for (; e < d->len; e++) {
        unsigned char c = s[e];
        if (c < 0x80 ? !word_byte(c) : (c == 0xC2 || c == 0xE2) && space_len(s, d->len, e) != 0)
            break;
    }
    if (e == b)
        return false;
    *ws = b;
    *we = e;
    return true;
}

/* Lower-cases one letter for comparison: ASCII, and the Cyrillic capitals
 * А-П (D0 90-9F -> D0 B0-BF) and Р-Я (D0 A0-AF -> D1 80-8F). Writes to out
 * as many bytes as it reads (1 or 2) and returns that. */
static size_t fold_letter(const unsigned char *s, size_t n, unsigned char *out)
{
    if (s[0] >= 'A' && s[0] <= 'Z') {
        out[0] = (unsigned char)(s[0] + 32);
        return 1;
    }
    if (n >= 2 && s[0] == 0xD0 && s[1] >= 0x90 && s[1] <= 0x9F) {
        out[0] = 0xD0, out[1] = (unsigned char)(s[1] + 0x20);
        return 2;
    }
    if (n >= 2 && s[0] == 0xD0 && s[1] >= 0xA0 && s[1] <= 0xAF) {
        out[0] = 0xD1, out[1] = (unsigned char)(s[1] - 0x20);
        return 2;
    }
    out[0] = s[0];
    return 1;
}

/* The rules ask about most words near a number, some lists are long and
 * nearly every answer is no. Each list is read once into a filter: the
 * lengths and first bytes of its items. Lists are string literals (doc.h),
 * so a filter is found again by the list's address alone. Per thread, like
 * the callers' data. */
enum { FILTER_SLOTS = 64, FILTER_ITEMS = 64 };

typedef struct list_filter {
    const char *list; /* NULL: a free slot */
    uint64_t lens;    /* bit n: some item has n bytes */
    uint64_t first[4]; /* bit b: some item starts with byte b */
    /* the items as offsets into list and lengths, when there are at most
     * FILTER_ITEMS of at most 255 bytes (else n_items is 0: the list is
     * read again on each question) */
    size_t n_items;
    uint16_t off[FILTER_ITEMS];
    uint8_t len[FILTER_ITEMS];
} list_filter;

static _Thread_local list_filter filters[FILTER_SLOTS];

/* The filter of list, made if new; NULL when the table is full (then
 * every word is compared). */
static const list_filter *list_filter_of(const char *list)
{
    size_t h = (size_t)(((uintptr_t)list >> 3) * 0x9E3779B97F4A7C15u >> 58);
    for (size_t k = 0; k < FILTER_SLOTS; k++) {
        list_filter *f = &filters[(h + k) % FILTER_SLOTS];
        if (f->list == list)
            return f;
        if (f->list)
            continue;
        f->list = list;
        f->lens = 0;
        memset(f->first, 0, sizeof f->first);
        size_t items = 0;
        bool listed = true;
        for (const char *p = list, *e;; p = e + 1) {
            e = strchr(p, '|');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            f->lens |= n < 64 ? (uint64_t)1 << n : 0;
            unsigned char b = (unsigned char)p[0];
            f->first[b >> 6] |= (uint64_t)1 << (b & 63);
            size_t off = (size_t)(p - list);
            if (items < FILTER_ITEMS && n <= UINT8_MAX && off <= UINT16_MAX) {
                f->off[items] = (uint16_t)off;
                f->len[items] = (uint8_t)n;
                items++;
            } else {
                listed = false;
            }
            if (!e)
                break;
        }
        f->n_items = listed && *list ? items : 0;
        return f;
    }
    return NULL;
}

bool ms_doc_word_is(const ms_text_doc *d, size_t ws, size_t we, const char *list)
{
    unsigned char word[64];
    const unsigned char *s = (const unsigned char *)d->text;
    /* folding keeps the length in bytes, so the filter can say no before
     * the word is folded */
    size_t wl = we > ws ? we - ws : 0;
    if (wl > sizeof word)
        return false;
    const list_filter *lf = list_filter_of(list);
    if (lf && wl > 0 && wl < 64) {
        fold_letter(s + ws, wl, word);
        if (!((lf->lens >> wl) & 1) || !((lf->first[word[0] >> 6] >> (word[0] & 63)) & 1))
            return false;
    }
    for (size_t i = ws; i < we;)
        i += fold_letter(s + i, we - i, word + (i - ws));
    if (lf && lf->n_items) {
        for (size_t k = 0; k < lf->n_items; k++)
            if (lf->len[k] == wl && memcmp(list + lf->off[k], word, wl) == 0)
                return true;
        return false;
    }
    const char *p = list;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n == wl && memcmp(p, word, n) == 0)
            return true;
        if (!bar)
            break;
        p = bar + 1;
    }
    return false;
}

size_t ms_doc_first_number_from(const ms_text_doc *d, size_t pos)
{
    size_t lo = 0, hi = d->n_numbers;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->numbers[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t ms_doc_first_period_from(const ms_text_doc *d, size_t pos)
{
    size_t lo = 0, hi = d->n_periods;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->periods[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t ms_doc_first_hit_from(const ms_text_doc *d, size_t pos)
{
    size_t lo = 0, hi = d->n_hits;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->hits[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const ms_lex_hit *ms_doc_hit_starting(const ms_text_doc *d, ms_lex_cat cat, size_t pos)
{
    size_t at = ms_doc_skip_space(d, pos);
    for (size_t i = ms_doc_first_hit_from(d, at); i < d->n_hits && d->hits[i].start == at; i++)
        if (d->hits[i].cat == cat)
            return &d->hits[i];
    return NULL;
}

const ms_lex_hit *ms_doc_hit_ending(const ms_text_doc *d, ms_lex_cat cat, size_t pos)
{
    size_t end = ms_doc_skip_space_back(d, pos);
    /* hits are sorted by start; one ending at `end` starts within 200 bytes */
    size_t from = ms_doc_first_hit_from(d, end > 200 ? end - 200 : 0);
    const ms_lex_hit *best = NULL;
    for (size_t i = from; i < d->n_hits && d->hits[i].start < end; i++)
        if (d->hits[i].cat == cat && d->hits[i].end == end)
            best = &d->hits[i];
    return best;
}

/* Index of the first clause break at or after pos (binary search). */
static size_t first_break_from(const ms_text_doc *d, size_t pos)
{
    size_t lo = 0, hi = d->n_breaks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->breaks[mid] < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t ms_doc_clause_breaks(const ms_text_doc *d, size_t a, size_t b)
{
    if (b > d->len)
        b = d->len;
    if (a >= b)
        return 0;
    return first_break_from(d, b) - first_break_from(d, a);
}
