/* extract.h — figures from news text: the extractor that turns an article
 * into typed figures (CONVENTIONS of the corpus: value, kind, hedge and its
 * interval, metric, period and base, place, subject, quote and byte span).
 *
 * The pieces, one file each: sentences.c cuts the text, numbers.c reads the
 * numbers, periods.c the time expressions, lexicon.c the words (metrics,
 * places, subjects, hedges, change and cue words, from data/lexicon_*.tsv);
 * this file decides, for every number, whether it is a figure and what it
 * is, and carries a stated period from sentence to sentence.
 *
 * An extractor holds the loaded lexicons and scratch space; it is not
 * thread-safe (one per thread). */
#ifndef MS_TEXT_EXTRACT_H
#define MS_TEXT_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/diag.h"
#include "core/figure.h"
#include "core/status.h"
#include "ingest/text/lang.h"

typedef struct ms_extract_options {
    bool lang_auto;       /* guess the language from the text */
    ms_lang lang;         /* used when !lang_auto */
    int32_t published;    /* day number, or MS_DAY_NONE */
    const char *source;   /* source id of the figures */
    const char *url;      /* copied into the figures, may be NULL */
    const char *file;     /* name for diagnostics (file:line:column) */
    bool all;             /* also figures whose metric cannot be told
                             (metric "other") */
} ms_extract_options;

/* Where the extractor's results go. Figures and their strings are valid
 * only during the call. */
typedef struct ms_extract_sink {
    ms_status (*figure)(void *ctx, const ms_figure *f);
    /* optional: every number-like span that produced no figure, and why
       (for --explain); line and column are 1-based, column in bytes */
    void (*skipped)(void *ctx, const char *span, size_t span_len, int64_t line,
                    int64_t column, const char *why);
    void *ctx;
} ms_extract_sink;

/* What one text gave. */
typedef struct ms_extract_counts {
    size_t numbers;   /* number-like spans seen */
    size_t figures;   /* figures emitted */
    size_t skipped;   /* spans that gave no figure */
    size_t warnings;  /* bad bytes and the like */
} ms_extract_counts;

typedef struct ms_extractor ms_extractor;

/* A new extractor; lexicons are loaded on first use of each language.
 * MS_ERR_NOMEM on failure. */
ms_status ms_extractor_new(ms_extractor **out);
void ms_extractor_free(ms_extractor *ex);

/* Extracts the figures of one text (UTF-8; any bytes are accepted: invalid
 * UTF-8 and NUL bytes are warned about in diag with their byte offset and
 * read as spaces, CRLF is read as LF). Figures go to sink->figure in text
 * order. Returns MS_OK, the sink's failure, or MS_ERR_DATA /MS_ERR_IO when a
 * lexicon cannot be loaded (reported in diag). */
ms_status ms_extract_text(ms_extractor *ex, const char *text, size_t len,
                          const ms_extract_options *opt, const ms_extract_sink *sink,
                          ms_diag *diag, ms_extract_counts *counts);

#endif
