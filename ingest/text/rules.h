/* rules.h — the extractor's rules (internal to ingest/text/): what a
 * number in a sentence is (classify.c: kind, value, hedge, interval, or why
 * it is no figure) and what it counts (attribute.c: metric, period, base,
 * place, subject). */
#ifndef MS_TEXT_RULES_H
#define MS_TEXT_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include "core/figure.h"
#include "ingest/text/doc.h"

/* A number (or a cue word such as "doubled" or "a third") read as one
 * stated figure. */
typedef struct ms_reading {
    size_t start, end;     /* the words of the figure: hedge .. % or "times" */
    size_t num_start, num_end; /* the number itself (or the cue word) */
    ms_kind kind;
    double value;          /* signed; multipliers new/old */
    double rounding;       /* rounding unit of the stated number */
    ms_hedge hedge;
    int direction;         /* +1 up, -1 down, 0 not said */
    bool vague;            /* "dozens", "сотни": range [value, vague_hi] */
    double vague_hi;
    double divisor;        /* a decrease stated as a divisor ("halved",
                              "в 2,5 раза меньше"): the divisor, whose
                              interval the hedge bounds; else 0 */
    bool base_figure;      /* a count that is the base of a comparison
                              ("up from 3,986 a year earlier", "(870)") */
    bool bracketed_previous; /* "1 233 (870)": the previous period's value */
} ms_reading;

/* Reads number d->numbers[i] in sentence s. False when it is no figure,
 * with *why saying why (a static string). */
bool ms_rules_read_number(const ms_text_doc *d, const ms_sentence *s, size_t i,
                          ms_reading *out, const char **why);

/* Reads a cue word that is a figure without digits: a multiplier word
 * ("doubled", "вдвое", "halbiert") or a fraction ("на треть", "a quarter
 * of"). False if the cue is not used as a figure here (e.g. a number
 * follows: "в два раза" is read from the number). */
bool ms_rules_read_cue(const ms_text_doc *d, const ms_sentence *s, const ms_lex_hit *h,
                       ms_reading *out);

/* The direction of change said near [a, b) in sentence s: +1, -1 or 0. */
int ms_rules_direction(const ms_text_doc *d, const ms_sentence *s, size_t a, size_t b);

/* Fills f->value, f->range, f->hedge, f->kind from a reading. */
void ms_rules_apply_reading(const ms_reading *r, ms_figure *f);


/* What carries from figure to figure and sentence to sentence in one text. */
typedef struct ms_text_context {
    ms_period period;        /* the time stated last: governs the following
                                sentences until another is stated */
    const char *place;       /* the place named last */
    /* the previous figure */
    bool has_prev;
    size_t prev_sentence;    /* index of its sentence */
    size_t prev_end;         /* end of its reading */
    const char *prev_metric, *prev_subject, *prev_place;
    ms_period prev_period;
} ms_text_context;

/* Fills metric (NULL when it cannot be told), period, base, place and
 * subject of figure f read as r in sentence number si. */
void ms_rules_attribute(const ms_text_doc *d, size_t si, const ms_reading *r,
                        const ms_text_context *ctx, ms_figure *f);

/* The first period the text states (not a base, not a report's date) and
 * the sentence it is in: headlines above it speak of it. False if none. */
bool ms_rules_first_period(const ms_text_doc *d, ms_period *out, size_t *sentence);

/* After a sentence: the period and place it states carry on. */
void ms_rules_carry(const ms_text_doc *d, size_t si, ms_text_context *ctx);

#endif
