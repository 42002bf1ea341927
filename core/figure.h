/* figure.h — the figure: one stated or published number, typed, with where
 * it came from. The one record type that travels through every stage
 * (docs/figures-format.md describes its JSON Lines form).
 *
 * Ownership: a figure's strings are borrowed. Figures stored in an
 * ms_figure_set point into the set's arena and live as long as the set;
 * a figure on the stack may point anywhere until it is added to a set
 * (ms_figure_set_add copies every string). NULL means "not given". */
#ifndef MS_FIGURE_H
#define MS_FIGURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/hedge.h"
#include "core/interval.h"
#include "core/period.h"
#include "core/status.h"

typedef enum ms_kind {
    MS_KIND_COUNT = 0,   /* a level */
    MS_KIND_PCT_CHANGE,  /* percent change, decreases negative */
    MS_KIND_ABS_CHANGE,  /* absolute change */
    MS_KIND_MULTIPLIER,  /* new / old */
    MS_KIND_SHARE,       /* percent of a whole */
    MS_KIND_RATIO,       /* one quantity per another */
    MS_KIND_LOG_CHANGE,  /* ln(new / old), derived */
    MS_KIND_INDEX,       /* value / base period's value x 100, derived */
    MS_KIND_CAGR,        /* compound annual growth in percent a year, derived */
    MS_KIND_COUNT_       /* number of kinds, not a kind */
} ms_kind;

const char *ms_kind_name(ms_kind kind);            /* "count", "pct_change", ... */
bool ms_kind_from_name(const char *name, ms_kind *out);

/* Most derived figures name at most this many inputs. */
#define MS_FIGURE_MAX_INPUTS 4

typedef struct ms_figure {
    const char *id;       /* stable reference: "file.csv:LINE" for a table row,
                             "source@offset" for a text span, "derived:..." */
    const char *metric;   /* registry name (data/metrics.tsv) */
    ms_kind kind;
    double value;         /* as stated, scaled; NaN = missing (never 0) */
    ms_interval range;    /* lo/hi the statement allows */
    ms_hedge hedge;
    const char *unit;     /* persons, events, percent, ... */
    ms_period period;     /* what the figure covers */
    ms_period base;       /* for changes: compared against; else none */
    const char *place;    /* ISO 3166 code or code-region */
    const char *subject;  /* citizenship code or foreign_citizens; NULL = none */
    const char *breakdown; /* further dimensions of a table that tell series
                              apart, "name=code;name=code" (sex=F;age=Y14-17);
                              NULL = none */
    const char *source;   /* source id */
    int32_t published;    /* day number, or MS_DAY_NONE */
    const char *lang;     /* en, ru, ... */
    const char *url;
    const char *quote;    /* evidence text */
    int64_t offset, length; /* byte span in a text; -1 if none */
    int64_t line, column;   /* cell in a table; 0 if none */
    const char *flags;    /* observation flags ("p", "e", "b", "bd"); NULL none */
    const char *note;
    size_t n_inputs;      /* derived figures: ids of the figures used */
    const char *inputs[MS_FIGURE_MAX_INPUTS];
} ms_figure;

/* A figure with every field "not given": value NaN, range NaN..NaN,
 * periods none, offsets -1, lines 0, strings NULL. */
void ms_figure_init(ms_figure *f);

/* True when the value is missing (":" in a table). */
bool ms_figure_is_missing(const ms_figure *f);

/* Fills f->range from value, hedge and a rounding unit (0 = exact). */
void ms_figure_set_range_from_hedge(ms_figure *f, double rounding_unit);

/* Do two figures' intervals agree? Counts (kind count) agree when they share
 * a whole number, other kinds when they overlap. */
bool ms_figure_ranges_agree(const ms_figure *a, const ms_figure *b);

/* Copies f into *dst with every string duplicated into arena. MS_ERR_NOMEM
 * on failure. */
ms_status ms_figure_copy(ms_figure *dst, const ms_figure *f, ms_arena *arena);

/* A set of figures and the arena that owns their strings. */
typedef struct ms_figure_set {
    ms_figure *items;
    size_t count;
    size_t cap;
    ms_arena arena;
} ms_figure_set;

void ms_figure_set_init(ms_figure_set *set);
void ms_figure_set_free(ms_figure_set *set);
/* Appends a copy of f (strings copied into the set's arena). If f->id is
 * NULL an id is made from source and line/offset (readers give their own:
 * "file:LINE"). */
ms_status ms_figure_set_add(ms_figure_set *set, const ms_figure *f);
/* Finds a figure by id; NULL if absent (linear: for reports, not hot loops). */
const ms_figure *ms_figure_set_find(const ms_figure_set *set, const char *id);

/* Null-safe string equality for optional fields (NULL == NULL). */
bool ms_str_eq(const char *a, const char *b);
/* Null-safe ordering (NULL first). */
int ms_str_cmp(const char *a, const char *b);

#endif
