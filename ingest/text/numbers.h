/* numbers.h — numbers as news text writes them, found in raw UTF-8 text.
 *
 * Finds every number-like span and reads its value the way the language
 * writes it (CONVENTIONS §4): digit groups ("143,000", "93 000" with a
 * space, U+00A0 or U+202F, "93.000" in German), decimal marks ("12.5" in
 * English, "267,2" in Russian and German), scale words and abbreviations
 * (thousand, тыс., тысяч, млн, Mio., Mrd., "12k", "1.6m"), mixed forms
 * ("140 тысяч 317", "62 тыс. 150"), number words in any case ("nine
 * thousand", "Thirty-nine and a half thousand", "троих", "полтора
 * миллиона", "ста"), vague quantities ("dozens", "сотни", "tens of
 * thousands") and a number split by a line break ("18⏎500", "2.3⏎million").
 *
 * This layer only reads numbers; deciding whether a number is a figure (a
 * year, a date, an ordinal, a decree number is not) is the extractor's job,
 * so every digit run is reported, with flags that help it decide.
 * No allocation, no locale, no global state. */
#ifndef MS_TEXT_NUMBERS_H
#define MS_TEXT_NUMBERS_H

#include <stddef.h>
#include <stdint.h>
#include "ingest/text/lang.h"

enum {
    MS_NUM_DIGITS    = 1u << 0, /* written with digits (else number words) */
    MS_NUM_GROUPED   = 1u << 1, /* had group separators ("143,000", "93 000") */
    MS_NUM_DECIMAL   = 1u << 2, /* had a decimal mark ("267,2", "12.5") */
    MS_NUM_SCALED    = 1u << 3, /* a scale word or suffix multiplied it */
    MS_NUM_VAGUE     = 1u << 4, /* "dozens", "сотни": value is nominal,
                                   vague_hi the top of the range */
    MS_NUM_NEGATIVE  = 1u << 5, /* an attached minus/dash sign ("–12,6%", "−5 %") */
    MS_NUM_PLUS      = 1u << 6, /* an attached plus sign ("+9%") */
    MS_NUM_LINEBREAK = 1u << 7, /* the span crosses a line break */
    MS_NUM_ORDINAL   = 1u << 8, /* an ordinal form: "20th", "20-м", "20-й",
                                   "3." in German before a month, "first" */
    MS_NUM_SUFFIXED  = 1u << 9, /* glued to letters or a hyphenated word
                                   ("44-летний", "35-year-old", "18+",
                                   "Нелегал-2024", "Ret_D01"): not a figure
                                   on its own */
    MS_NUM_SMALL_WORD = 1u << 10 /* a lone number word below ten ("one",
                                   "two", "один"): often not a figure */
};

typedef struct ms_text_number {
    size_t start, end;      /* bytes [start, end) of the whole span, sign
                               and scale word included */
    size_t digits_end;      /* end of the numeric part before a scale word */
    double value;           /* scaled value, sign applied ("–12,6" -> -12.6) */
    double rounding;        /* rounding unit r after scaling: the place value
                               of the last stated significant digit
                               ("143,000" -> 1000, "23,6 тыс." -> 100,
                               "1,5 млн" -> 100000, "116" -> 1, "140" -> 10);
                               1 for number words; 0 never */
    double vague_hi;        /* MS_NUM_VAGUE: the top of the range (99, 999,
                               9999, 99999); else equal to value */
    unsigned flags;         /* MS_NUM_* */
} ms_text_number;

/* Scans text[0..len) (UTF-8; invalid bytes are treated as separators) and
 * stores the numbers found, in text order, into out[0..max). Returns how
 * many there are in all, which may exceed max (then only the first max are
 * stored). */
size_t ms_text_find_numbers(const char *text, size_t len, ms_lang lang,
                            ms_text_number *out, size_t max);

#endif
