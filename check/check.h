/* check.h — front header of check/: consistency rules run over a figure set,
 * producing findings (conflict, agreement, note).
 *
 * Findings borrow the figures they compare from the set: the set must
 * outlive the findings and must not grow meanwhile. Each finding owns its
 * message. Rules are registered by name in a table (check/rules.c); a new
 * rule is a new file plus one row. Nothing here prints. */
#ifndef MS_CHECK_H
#define MS_CHECK_H

#include <stddef.h>

#include "core/figure.h"
#include "core/status.h"
#include "core/strbuf.h"

typedef enum ms_finding_severity {
    MS_FINDING_CONFLICT,  /* the sources cannot both be right */
    MS_FINDING_AGREEMENT, /* the sources allow a common value */
    MS_FINDING_NOTE       /* worth saying, neither of the above */
} ms_finding_severity;

typedef struct ms_finding {
    const char *rule;             /* static rule name ("same_key") */
    ms_finding_severity severity;
    const ms_figure *a, *b;       /* the figures compared (borrowed from the set) */
    double relative_gap;          /* how far apart (see the rule); 0 when they agree */
    char *message;                /* owned: one sentence naming both sources, values
                                     and intervals */
} ms_finding;

typedef struct ms_findings {
    ms_finding *items;
    size_t count;
    size_t cap;
} ms_findings;

/* "conflict", "agreement", "note". */
const char *ms_finding_severity_name(ms_finding_severity s);

void ms_findings_init(ms_findings *f);
/* Frees every message and the array; f is empty afterwards. */
void ms_findings_free(ms_findings *f);
size_t ms_findings_count(const ms_findings *f, ms_finding_severity s);

/* Runs the named rules (NULL-terminated list; NULL = every registered rule,
 * in table order; a name given twice runs once) over set. *out is
 * initialised here and filled in rule order, each rule's findings in its own
 * deterministic order. Returns MS_OK even when conflicts were found (count
 * them with ms_findings_count); MS_ERR_USAGE for an unknown rule name
 * (nothing is run), MS_ERR_NOMEM on failure (out is left empty). */
ms_status ms_check_run(const ms_figure_set *set, const char *const *rules,
                       ms_findings *out);

/* One finding as one JSON object and a '\n': rule, severity, message,
 * relative_gap, metric, kind, period, place, subject, and for a and b: id,
 * source, published, value, lo, hi, lo_open, hi_open, hedge, quote, offset,
 * length, line, column (null when not given). Numbers via core/num.h. */
void ms_finding_format_json(const ms_finding *f, ms_strbuf *sb);

/* ---- for rule writers -------------------------------------------------- */

/* A rule appends its findings to out; it returns MS_OK or MS_ERR_NOMEM. */
typedef ms_status (*ms_check_rule_fn)(const ms_figure_set *set, ms_findings *out);

typedef struct ms_check_rule {
    const char *name;
    ms_check_rule_fn run;
    const char *summary; /* one line for --help and reports */
} ms_check_rule;

/* The registry: every rule, in the order ms_check_run(NULL) runs them. */
const ms_check_rule *ms_check_rules(size_t *count);
/* The rule called name; NULL if none. */
const ms_check_rule *ms_check_rule_find(const char *name);

/* Appends a finding; takes ownership of message (freed here on failure).
 * MS_ERR_NOMEM if message is NULL or the array cannot grow. */
ms_status ms_findings_add(ms_findings *f, const char *rule, ms_finding_severity severity,
                          const ms_figure *a, const ms_figure *b, double relative_gap,
                          char *message);

/* The range a rule compares: the figure's range, or a point at its value
 * when the range is not valid (an exact figure without lo/hi). */
ms_interval ms_check_range_of(const ms_figure *f);

/* Appends "[143.5, 144.5)" (brackets by open ends, numbers via ms_num). */
void ms_check_format_interval(ms_interval r, ms_strbuf *sb);
/* Appends what a figure says and the interval it allows:
 * "more than 140 (140, 150]", "144 [143.5, 144.5)"; missing -> "nothing". */
void ms_check_format_statement(const ms_figure *f, ms_strbuf *sb);
/* Appends the figure's key for messages: "deaths RU 2024-03-22",
 * "deportations pct_change RU TJ 2024" (kind shown unless count, subject
 * when given). */
void ms_check_format_key(const ms_figure *f, ms_strbuf *sb);

/* Relative gap between two figures' ranges (ms_interval_relative_gap). For
 * two counts the ranges are first narrowed to the whole numbers they
 * contain, so "144" and "145" are 1/145 apart, not touching. */
double ms_check_relative_gap(const ms_figure *a, const ms_figure *b);

/* ---- the rules --------------------------------------------------------- */

/* same_key: figures with the same (metric, kind, period, place, subject)
 * from different sources, none missing, period known: one finding per pair,
 * agreement if ms_figure_ranges_agree, else conflict. Two figures of one
 * source are skipped (revisions are another rule). Ordered by key, then the
 * sources of a and b. */
ms_status ms_check_same_key(const ms_figure_set *set, ms_findings *out);

#endif
