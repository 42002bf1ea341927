/* sentences.h — a news text cut into sentences, by byte spans.
 *
 * News text is not tidy prose: headlines without a full stop, datelines,
 * bullet lists, table-like lines ("Выдворено: 1 233 (870)"), hard-wrapped
 * paragraphs and abbreviations with dots ("тыс.", "млн.", "U.S.", "No.").
 * A sentence ends at a full stop, '!' or '?' followed by a space and a
 * capital letter, digit, quote or bullet (except after a known
 * abbreviation, an initial or inside a number); at a blank line; and at a
 * single line break that follows terminal punctuation or precedes a bullet
 * or a line that starts like a list item. A line break inside a paragraph
 * does not end a sentence (hard-wrapped text). */
#ifndef MS_TEXT_SENTENCES_H
#define MS_TEXT_SENTENCES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ms_sentence {
    size_t start, end;   /* bytes [start, end), surrounding space trimmed */
    bool paragraph_start; /* first sentence after a blank line (or the text
                             start): headlines and list items start here */
    bool line_start;      /* starts at the beginning of a line */
    bool terminated;      /* ends with . ! ? or a closing quote after them
                             (a headline or list item usually does not) */
} ms_sentence;

/* Cuts text[0..len) into sentences, stored in text order into
 * out[0..max). Returns how many there are in all (may exceed max). Empty
 * stretches (only spaces) give no sentence. */
size_t ms_text_sentences(const char *text, size_t len, ms_sentence *out, size_t max);

/* True if text[i] (a byte inside the text) is at a clause boundary that
 * separates two figures' wording: ';', a spaced dash (" — ", " – ", " - "),
 * or an opening bracket. Used to keep a number's metric in its clause. */
bool ms_text_is_clause_break(const char *text, size_t len, size_t i);

/* The offsets of every clause break of text[0..len), ascending, into
 * out[0..max). Returns how many there are in all (may exceed max). */
size_t ms_text_clause_breaks(const char *text, size_t len, size_t *out, size_t max);

#endif
