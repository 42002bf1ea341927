/* sentences.c — cutting news text into sentences (see sentences.h). */
#include "ingest/text/sentences.h"

#include "core/swar.h"

#include <stdint.h>
#include <string.h>

static bool is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Length of a Unicode space at text[i] that news text uses between words:
 * U+00A0, U+202F, U+2009, U+2007 (0 if none). */
static size_t unicode_space_len(const unsigned char *s, size_t len, size_t i)
{
    if (i + 1 < len && s[i] == 0xC2 && s[i + 1] == 0xA0)
        return 2;
    if (i + 2 < len && s[i] == 0xE2 && s[i + 1] == 0x80 &&
        (s[i + 2] == 0xAF || s[i + 2] == 0x89 || s[i + 2] == 0x87))
        return 3;
    return 0;
}

/* Upper-case letter (ASCII, Cyrillic А-Я/Ё, Latin-1 Ä Ö Ü) at s[i]. */
static bool starts_upper(const unsigned char *s, size_t len, size_t i)
{
    if (i >= len)
        return false;
    if (s[i] >= 'A' && s[i] <= 'Z')
        return true;
    if (i + 1 < len && s[i] == 0xD0 && ((s[i + 1] >= 0x90 && s[i + 1] <= 0xAF) || s[i + 1] == 0x81))
        return true;
    if (i + 1 < len && s[i] == 0xC3 && (s[i + 1] == 0x84 || s[i + 1] == 0x96 || s[i + 1] == 0x9C))
        return true;
    return false;
}

/* A bullet or list marker at the start of a line: "-", "*", "•" (U+2022),
 * "—", "–", "·", or "1)" / "1." followed by a space. */
static bool starts_bullet(const unsigned char *s, size_t len, size_t i)
{
    if (i >= len)
        return false;
    if ((s[i] == '-' || s[i] == '*') && i + 1 < len && s[i + 1] == ' ')
        return true;
    if (i + 2 < len && s[i] == 0xE2 && s[i + 1] == 0x80 &&
        (s[i + 2] == 0xA2 || s[i + 2] == 0x94 || s[i + 2] == 0x93))
        return true;
    if (i + 1 < len && s[i] == 0xC2 && s[i + 1] == 0xB7)
        return true;
    size_t j = i;
    while (j < len && j - i < 3 && s[j] >= '0' && s[j] <= '9')
        j++;
    return j > i && j + 1 < len && (s[j] == ')' || s[j] == '.') && s[j + 1] == ' ';
}

/* Words whose full stop does not end a sentence (compared case-sensitively
 * with the bytes before the dot). */
typedef struct abbreviation {
    const char *s;
    size_t n; /* its length in bytes */
} abbreviation;

#define AB(x) {x, sizeof x - 1}
static const abbreviation abbreviations[] = {
    AB("тыс"), AB("млн"), AB("млрд"), AB("руб"), AB("г"), AB("гг"), AB("ст"), AB("им"),
    AB("т.е"), AB("т.д"), AB("т.п"), AB("др"), AB("пр"), AB("ул"), AB("обл"), AB("проц"),
    AB("чел"), AB("ч"), AB("стр"), AB("см"), AB("No"), AB("no"), AB("Nr"), AB("nr"), AB("Mr"),
    AB("Mrs"), AB("Ms"), AB("Dr"), AB("St"), AB("vs"), AB("e.g"), AB("i.e"), AB("etc"),
    AB("approx"), AB("Jan"), AB("Feb"), AB("Mar"), AB("Apr"), AB("Jun"), AB("Jul"), AB("Aug"),
    AB("Sep"), AB("Sept"), AB("Oct"), AB("Nov"), AB("Dec"), AB("Mio"), AB("Mrd"), AB("Tsd"),
    AB("bzw"), AB("ca"), AB("z.B"), AB("u.a"), AB("Abs"), AB("Art"), AB("vgl"), AB("U.S"),
    AB("U.K"), AB("Gov"), AB("Sen"), AB("Rep"), AB("Inc"), AB("Corp"), AB("Ltd"), AB("co"),
    AB("Co"),
};
#undef AB

static bool ends_with_abbreviation(const unsigned char *s, size_t start, size_t dot)
{
    size_t w = dot;
    /* the word before the dot: letters and inner dots */
    while (w > start && !is_space_byte(s[w - 1]) && s[w - 1] != '(' && s[w - 1] != '"')
        w--;
    size_t wl = dot - w;
    if (wl == 0)
        return false;
    for (size_t k = 0; k < sizeof abbreviations / sizeof *abbreviations; k++) {
        const abbreviation *ab = &abbreviations[k];
        if (ab->n == wl && memcmp(s + w, ab->s, wl) == 0)
            return true;
    }
    /* a single capital initial ("A. Smith"), ASCII or Cyrillic */
    if (wl == 1 && s[w] >= 'A' && s[w] <= 'Z')
        return true;
    if (wl == 2 && s[w] == 0xD0 && s[w + 1] >= 0x90 && s[w + 1] <= 0xAF)
        return true;
    return false;
}

/* After position i (just past terminal punctuation and closing quotes),
 * does the next non-space text start a new sentence? */
static bool next_starts_sentence(const unsigned char *s, size_t len, size_t i, size_t *next)
{
    size_t j = i;
    bool spaced = false;
    for (;;) {
        size_t u;
        if (j < len && is_space_byte(s[j]))
            j++, spaced = true;
        else if (j < len && (u = unicode_space_len(s, len, j)) > 0)
            j += u, spaced = true;
        else
            break;
    }
    *next = j;
    if (j >= len)
        return true;
    if (!spaced)
        return false;
    unsigned char c = s[j];
    if (starts_upper(s, len, j) || (c >= '0' && c <= '9') || c == '"' || c == '(' ||
        starts_bullet(s, len, j))
        return true;
    /* opening quotes « “ „ */
    if (j + 1 < len && c == 0xC2 && s[j + 1] == 0xAB)
        return true;
    if (j + 2 < len && c == 0xE2 && s[j + 1] == 0x80 && (s[j + 2] == 0x9C || s[j + 2] == 0x9E))
        return true;
    return false;
}

static bool is_terminal(unsigned char c) { return c == '.' || c == '!' || c == '?'; }

/* Closing quotes and brackets that may follow terminal punctuation. */
static size_t skip_closers(const unsigned char *s, size_t len, size_t i)
{
    for (;;) {
        if (i < len && (s[i] == '"' || s[i] == ')' || s[i] == '\''))
            i++;
        else if (i + 1 < len && s[i] == 0xC2 && s[i + 1] == 0xBB) /* » */
            i += 2;
        else if (i + 2 < len && s[i] == 0xE2 && s[i + 1] == 0x80 &&
                 (s[i + 2] == 0x9D || s[i + 2] == 0x99)) /* ” ’ */
            i += 3;
        else
            return i;
    }
}

typedef struct cutter {
    const unsigned char *s;
    size_t len;
    ms_sentence *out;
    size_t max, n;
    size_t start;          /* start of the current sentence */
    bool paragraph_start, line_start;
} cutter;

static void cut(cutter *c, size_t end, bool terminated)
{
    size_t a = c->start, b = end;
    while (a < b && is_space_byte(c->s[a]))
        a++;
    while (b > a && is_space_byte(c->s[b - 1]))
        b--;
    if (b > a) {
        if (c->n < c->max)
            c->out[c->n] = (ms_sentence){a, b, c->paragraph_start, c->line_start, terminated};
        c->n++;
        c->paragraph_start = false;
    }
}

/* The byte before position i that is not a space or tab ('\0' if none). */
static unsigned char last_visible(const unsigned char *s, size_t from, size_t i)
{
    while (i > from && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\r'))
        i--;
    return i > from ? s[i - 1] : '\0';
}

size_t ms_text_sentences(const char *text, size_t len, ms_sentence *out, size_t max)
{
    cutter c = {(const unsigned char *)text, len, out, max, 0, 0, true, true};
    const unsigned char *s = c.s;
    size_t i = 0;
    while (i < len) {
        unsigned char ch = s[i];
        if (ch == '\n') {
            /* blank line: paragraph break */
            size_t j = i + 1;
            while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
                j++;
            if (j < len && s[j] == '\n') {
                cut(&c, i, is_terminal(last_visible(s, c.start, i)));
                while (j < len && is_space_byte(s[j]))
                    j++;
                c.start = j;
                c.paragraph_start = true;
                c.line_start = true;
                i = j;
                continue;
            }
            unsigned char before = last_visible(s, c.start, i);
            bool after_terminal = is_terminal(before) || before == ':' || before == ';';
            /* a headline-like line without punctuation followed by a line
             * starting with a capital also ends (lists of "Label: value") */
            if (after_terminal || starts_bullet(s, len, j) || (before != ',' && before != '\0' &&
                    !after_terminal && starts_upper(s, len, j) && i - c.start < 120 &&
                    !(before >= 'a' && before <= 'z') && before < 0x80)) {
                cut(&c, i, is_terminal(before));
                c.start = j;
                c.line_start = true;
                i = j;
                continue;
            }
            i++;
            continue;
        }
        if (is_terminal(ch)) {
            /* inside a number ("12.5") or an abbreviation: not an end */
            bool in_number = ch == '.' && i > 0 && i + 1 < len && s[i - 1] >= '0' &&
                             s[i - 1] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9';
            size_t k = i;
            while (k < len && is_terminal(s[k]))
                k++;
            size_t after = skip_closers(s, len, k);
            size_t next;
            if (!in_number && !(ch == '.' && k == i + 1 && ends_with_abbreviation(s, c.start, i)) &&
                next_starts_sentence(s, len, after, &next)) {
                cut(&c, after, true);
                c.start = after;
                c.line_start = false;
                i = after;
                continue;
            }
            i = k;
            continue;
        }
        i++;
    }
    cut(&c, len, is_terminal(last_visible(s, c.start, len)));
    return c.n;
}

bool ms_text_is_clause_break(const char *text, size_t len, size_t i)
{
    const unsigned char *s = (const unsigned char *)text;
    if (i >= len)
        return false;
    if (s[i] == ';' || s[i] == '(')
        return true;
    bool spaced_before = i > 0 && (s[i - 1] == ' ' || s[i - 1] == 0xA0);
    if (s[i] == '-' && spaced_before && i + 1 < len && s[i + 1] == ' ')
        return true;
    if (i + 2 < len && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x94 || s[i + 2] == 0x93))
        return spaced_before && i + 3 < len && (s[i + 3] == ' ' || s[i + 3] == 0xC2);
    return false;
}

size_t ms_text_clause_breaks(const char *text, size_t len, size_t *out, size_t max)
{
    size_t n = 0;
    /* a break starts with ';', '(', '-' or the lead byte of a dash (0xE2):
     * only those bytes are worth the full test, and eight bytes without
     * any of them are passed over at once */
    for (size_t i = 0; i < len;) {
        if (i + 8 <= len) {
            uint64_t w = ms_swar_load(text + i);
            if (!ms_swar_has_byte(w, ';') && !ms_swar_has_byte(w, '(') && !ms_swar_has_byte(w, '-') &&
                !ms_swar_has_byte(w, 0xE2)) {
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)text[i];
        if ((c == ';' || c == '(' || c == '-' || c == 0xE2) && ms_text_is_clause_break(text, len, i)) {
            if (n < max)
                out[n] = i;
            n++;
        }
        i++;
    }
    return n;
}
