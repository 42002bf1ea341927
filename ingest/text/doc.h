/* doc.h — one text prepared for extraction (internal to ingest/text/): the
 * cleaned bytes and everything found in them, in text order, so the rules
 * (classify.c, attribute.c) can look around a number cheaply.
 * Arrays are owned by the extractor and reused from text to text. */
#ifndef MS_TEXT_DOC_H
#define MS_TEXT_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/figure.h"
#include "core/metric.h"
#include "ingest/text/events.h"
#include "ingest/text/lang.h"
#include "ingest/text/lexicon.h"
#include "ingest/text/numbers.h"
#include "ingest/text/periods.h"
#include "ingest/text/sentences.h"

typedef struct ms_text_doc {
    const char *text;  /* cleaned copy: bad bytes and CR read as spaces */
    size_t len;
    ms_lang lang;
    int32_t published;
    ms_text_number *numbers;
    size_t n_numbers;
    ms_lex_hit *hits;
    size_t n_hits;
    ms_period_hit *periods;
    size_t n_periods;
    ms_sentence *sentences;
    size_t n_sentences;
    size_t *breaks;     /* offsets of the clause breaks, ascending */
    size_t n_breaks;
    const ms_metric_registry *metrics; /* data/metrics.tsv */
    const ms_event_table *events;      /* data/events.tsv */
} ms_text_doc;

/* --- looking around (doc.c) --- */

/* Index just past spaces (ASCII, NBSP, U+202F, U+2009) from i. */
size_t ms_doc_skip_space(const ms_text_doc *d, size_t i);
/* Index of the first space-free byte going back from i (exclusive end). */
size_t ms_doc_skip_space_back(const ms_text_doc *d, size_t i);
/* The word ending at `end` (after skipping spaces back): [*ws, *we).
 * False if none (punctuation or the start). */
bool ms_doc_word_before(const ms_text_doc *d, size_t end, size_t *ws, size_t *we);
/* The word starting at or after `i` (after spaces): [*ws, *we). */
bool ms_doc_word_after(const ms_text_doc *d, size_t i, size_t *ws, size_t *we);
/* Is text[ws, we) one of the '|'-separated lower-case words in `list`
 * (ASCII letters compared without case; a Cyrillic capital first letter
 * folded)? `list` must be a string literal (or other text that never
 * changes while the program runs): it is summarised once, by address. */
bool ms_doc_word_is(const ms_text_doc *d, size_t ws, size_t we, const char *list);
/* First hit of category `cat` that starts at `pos` after spaces; NULL if
 * none. */
const ms_lex_hit *ms_doc_hit_starting(const ms_text_doc *d, ms_lex_cat cat, size_t pos);
/* A hit of category `cat` that ends right before `pos` (only spaces
 * between); NULL if none. */
const ms_lex_hit *ms_doc_hit_ending(const ms_text_doc *d, ms_lex_cat cat, size_t pos);
/* Number of clause breaks (ms_text_is_clause_break) in [a, b). */
size_t ms_doc_clause_breaks(const ms_text_doc *d, size_t a, size_t b);
/* Index of the first number / time expression whose start is >= pos
 * (binary search: the rules look around a position without scanning the
 * whole text, so a 100 MB article stays linear). */
size_t ms_doc_first_number_from(const ms_text_doc *d, size_t pos);
size_t ms_doc_first_period_from(const ms_text_doc *d, size_t pos);
/* Index of the first hit whose start is >= pos (binary search). */
size_t ms_doc_first_hit_from(const ms_text_doc *d, size_t pos);

#endif
