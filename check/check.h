/* check.h — front header of check/: consistency rules run over a figure set,
 * producing findings (conflict, possible definition mismatch, revision,
 * weak, ok) and a summary per rule.
 *
 * Findings borrow the figures they name from the set: the set must outlive
 * the findings and must not grow meanwhile. Each finding owns its message
 * and the array of figure pointers. Rules are registered by name in a table
 * (check/rules.c); a new rule is a new file plus one row. Rules from a rules
 * file (check/rules_parse.c, check/rules_eval.c) run after them. Nothing
 * here prints. */
#ifndef MS_CHECK_H
#define MS_CHECK_H

#include <stddef.h>

#include "core/diag.h"
#include "core/figure.h"
#include "core/metric.h"
#include "core/status.h"
#include "core/strbuf.h"

typedef enum ms_finding_severity {
    MS_FINDING_CONFLICT, /* the figures cannot all be right */
    MS_FINDING_MISMATCH, /* metrics of one family: possibly one count under two definitions */
    MS_FINDING_REVISION, /* one source family restated a figure with a new value */
    MS_FINDING_WEAK,     /* holds only toward the edge of the intervals */
    MS_FINDING_OK,       /* the figures allow a common value */
    MS_FINDING_SEVERITY_COUNT_
} ms_finding_severity;

/* A number a rule computed: the value from the stated values and the
 * interval from the figures' intervals (core/interval.c). */
typedef struct ms_computed {
    const char *name; /* static: "implied_base", "implied_multiplier", "sum", ... */
    double value;     /* NaN when there is no point value */
    ms_interval range;
} ms_computed;

#define MS_FINDING_MAX_COMPUTED 4

typedef struct ms_finding {
    const char *rule;              /* a built-in rule's static name, or a rules-file
                                      rule's "FILE:LINE" (owned by the ruleset) */
    ms_finding_severity severity;
    const ms_figure **figures;     /* owned array; the figures are borrowed */
    size_t n_figures;
    ms_computed computed[MS_FINDING_MAX_COMPUTED];
    size_t n_computed;
    double gap;                    /* relative gap of the intervals compared; 0 when
                                      they overlap, NaN when not a comparison */
    char *message;                 /* owned: one sentence with sources, values, intervals */
} ms_finding;

/* What one rule saw: items examined, and how they came out. */
typedef struct ms_rule_summary {
    const char *rule;  /* as in the findings */
    const char *text;  /* a rules-file rule as written; a built-in rule's summary */
    size_t items;      /* passes + fails + notes + na */
    size_t passes;     /* ok */
    size_t fails;      /* conflicts */
    size_t notes;      /* mismatch, revision, weak */
    size_t na;         /* not applicable: nothing to compare with, a missing value */
    bool from_file;    /* a rules-file rule */
} ms_rule_summary;

typedef struct ms_findings {
    ms_finding *items;
    size_t count;
    size_t cap;
    ms_rule_summary *summaries; /* one per rule run, in run order */
    size_t n_summaries;
    size_t summaries_cap;
} ms_findings;

/* "conflict", "mismatch", "revision", "weak", "ok". */
const char *ms_finding_severity_name(ms_finding_severity s);

void ms_findings_init(ms_findings *f);
/* Frees every message, figure array, the arrays; f is empty afterwards. */
void ms_findings_free(ms_findings *f);
size_t ms_findings_count(const ms_findings *f, ms_finding_severity s);

/* A parsed rules file (check/rules_parse.c). */
typedef struct ms_ruleset ms_ruleset;

typedef struct ms_check_options {
    const char *const *rules;           /* built-in rules to run (NULL-terminated;
                                           NULL = all); a name given twice runs once */
    const ms_metric_registry *metrics;  /* metric families; NULL: the definition
                                           rule finds nothing */
    const ms_ruleset *ruleset;          /* rules from a file; NULL = none */
} ms_check_options;

/* Runs the chosen built-in rules, then the ruleset's, over set (opt NULL =
 * every built-in rule, no registry, no ruleset). *out is initialised here
 * and filled in rule order, each rule's findings in its own deterministic
 * order, with one summary per rule. Returns MS_OK even when conflicts were
 * found (count them with ms_findings_count); MS_ERR_USAGE for an unknown
 * rule name (nothing is run), MS_ERR_NOMEM on failure (out is left empty). */
ms_status ms_check_run(const ms_figure_set *set, const ms_check_options *opt,
                       ms_findings *out);

/* One finding as one JSON object and a '\n': rule, severity, message, gap,
 * figures (source, id, metric, kind, value, lo, hi, lo_open, hi_open, hedge,
 * period_start, period_end, base_start, base_end, place, subject, published,
 * quote, offset, length, line, column; null when not given) and computed
 * ({name: {value, lo, hi, lo_open, hi_open}}). Numbers via core/num.h. */
void ms_finding_format_json(const ms_finding *f, ms_strbuf *sb);
/* One summary as a JSON object and '\n': {"summary": true, "rule", "text",
 * "items", "passes", "fails", "notes", "na"}. */
void ms_rule_summary_format_json(const ms_rule_summary *s, ms_strbuf *sb);

/* ---- rules files (check/rules_parse.c) ---------------------------------- */

/* Parses a rules file (text of len bytes, named `name` in messages). A bad
 * rule is reported to diag as name:line:column: reason; every line is read
 * and MS_ERR_DATA returned if any was bad (*out NULL). Metric names are
 * checked against metrics when it is not NULL. MS_ERR_NOMEM on failure.
 * The grammar is in rules_parse.c and `migstat check --help`. */
ms_status ms_ruleset_parse(const char *name, const char *text, size_t len,
                           const ms_metric_registry *metrics, ms_ruleset **out, ms_diag *diag);
void ms_ruleset_free(ms_ruleset *rs);
size_t ms_ruleset_count(const ms_ruleset *rs);

/* ---- for rule writers -------------------------------------------------- */

typedef struct ms_check_ctx {
    const ms_figure_set *set;
    const ms_metric_registry *metrics; /* may be NULL */
} ms_check_ctx;

/* A rule appends its findings to out; it returns MS_OK or MS_ERR_NOMEM. */
typedef ms_status (*ms_check_rule_fn)(const ms_check_ctx *ctx, ms_findings *out);

typedef struct ms_check_rule {
    const char *name;
    ms_check_rule_fn run;
    const char *summary; /* one line for --help and reports */
} ms_check_rule;

/* The registry: every rule, in the order ms_check_run(NULL) runs them. */
const ms_check_rule *ms_check_rules(size_t *count);
/* The rule called name; NULL if none. */
const ms_check_rule *ms_check_rule_find(const char *name);

/* Appends a finding like *proto: its figures array is copied, message is
 * taken over (freed here on failure). MS_ERR_NOMEM if message is NULL or an
 * array cannot grow. */
ms_status ms_findings_add(ms_findings *f, const ms_finding *proto, char *message);
/* Appends a summary (strings borrowed). */
ms_status ms_findings_add_summary(ms_findings *f, const ms_rule_summary *s);

/* Shorthand for a finding about figures a..: builds the proto and adds. */
ms_status ms_findings_add_figures(ms_findings *f, const char *rule, ms_finding_severity sev,
                                  const ms_figure *const *figs, size_t n_figs,
                                  const ms_computed *computed, size_t n_computed,
                                  double gap, char *message);

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
/* Appends "'src' says " + the statement. */
void ms_check_format_says(const ms_figure *f, ms_strbuf *sb);
/* Appends a computed number: "60784.3 [54527.4, 60983.6)". */
void ms_check_format_computed(const ms_computed *c, ms_strbuf *sb);
/* A relative gap as a percentage short enough for a sentence (one decimal,
 * or two significant digits when that would show 0). */
double ms_check_gap_percent(double gap);

/* Relative gap between two ranges (ms_interval_relative_gap). For counts
 * the ranges are first narrowed to the whole numbers they contain, so "144"
 * and "145" are 1/145 apart, not touching. */
double ms_check_range_gap(ms_interval a, ms_interval b, bool counts);
double ms_check_relative_gap(const ms_figure *a, const ms_figure *b);
/* The whole numbers r contains, as a closed interval; r itself if none. */
ms_interval ms_check_whole_numbers(ms_interval r);
/* Do two ranges share a value (a whole number when counts)? */
bool ms_check_ranges_agree(ms_interval a, ms_interval b, bool counts);

/* ---- relations (check/relation.c) -------------------------------------- */

typedef enum ms_check_op { MS_OP_LT, MS_OP_LE, MS_OP_EQ, MS_OP_GE, MS_OP_GT } ms_check_op;

/* "<", "<=", "==", ">=", ">". */
const char *ms_check_op_name(ms_check_op op);
/* Can "a op b" hold for some values the intervals allow (whole numbers when
 * counts)? False only when no values allow it. */
bool ms_check_can_hold(ms_interval a, ms_check_op op, ms_interval b, bool counts);

/* ---- figures by key (check/key.c) -------------------------------------- */

/* Fields of the key (metric, kind, period, base, place, subject,
 * breakdown); a mask of these leaves fields out of a comparison. */
enum {
    MS_KEY_METRIC = 1u << 0,
    MS_KEY_KIND = 1u << 1,
    MS_KEY_PERIOD = 1u << 2,
    MS_KEY_BASE = 1u << 3,
    MS_KEY_PLACE = 1u << 4,
    MS_KEY_SUBJECT = 1u << 5,
    MS_KEY_BREAKDOWN = 1u << 6,
};

/* Not missing and with a known period: a figure rules can compare. */
bool ms_check_comparable(const ms_figure *f);
/* Orders figures by the key fields not in `ignore`. */
int ms_check_cmp_key(const ms_figure *a, const ms_figure *b, unsigned ignore);

/* The comparable figures of set (and, when keep is not NULL, for which
 * keep(f) holds), sorted by key without `ignore`, then source, published,
 * line, offset and position: a total order, the same on every run. *out is
 * malloc'ed (NULL when none); MS_ERR_NOMEM on failure. */
ms_status ms_check_sorted(const ms_figure_set *set, bool (*keep)(const ms_figure *f),
                          unsigned ignore, const ms_figure ***out, size_t *n);
/* The end of the run of figures from `from` with the key of sorted[from]. */
size_t ms_check_group_end(const ms_figure *const *sorted, size_t n, size_t from,
                          unsigned ignore);
/* Calls fn(group, n, arg, out) for every group of figures with one key
 * (without `ignore`), in key order, each group in the order above; stops
 * at the first status that is not MS_OK and returns it. */
typedef ms_status (*ms_check_group_fn)(const ms_figure *const *g, size_t n, const void *arg,
                                       ms_findings *out);
ms_status ms_check_each_group(const ms_figure_set *set, bool (*keep)(const ms_figure *f),
                              unsigned ignore, ms_check_group_fn fn, const void *arg,
                              ms_findings *out);

/* ---- source families (check/source_family.c) ---------------------------- */

/* Writes the family of a source id into buf (cap bytes): the id without
 * trailing date and edition parts ("asiaplus-2024-10-08" -> "asiaplus",
 * "report-2017-02-v2" -> "report"). */
void ms_source_family(const char *source, char *buf, size_t cap);
/* Are two figures from one source family: the same family of source id,
 * or urls with the same host? */
bool ms_check_same_family(const ms_figure *a, const ms_figure *b);
/* When the figure was published: `published`, else the date at the end of
 * its source id ("release-2017-02" -> 2017-02-01), else MS_DAY_NONE. */
int32_t ms_check_published(const ms_figure *f);

/* ---- parts and wholes (check/parts.c) ----------------------------------- */

typedef enum ms_part_dim { MS_PART_SUBJECT, MS_PART_PLACE } ms_part_dim;

/* Is `part` a part of `whole` in figure f's dimension dim? Subject: a
 * citizenship code (two capital letters, not the country of f's place) is a
 * part of foreign_citizens. Place: a subdivision "RU-MOW" is a part of "RU". */
bool ms_check_is_part(ms_part_dim dim, const char *part, const char *whole,
                      const ms_figure *f);
/* The parts of `whole` among the candidates from whole's source: comparable
 * figures with the same metric, kind, period, base, breakdown and other
 * dimension, whose dim is a part of whole's (each part value once, the
 * first by line). If accept is not NULL, only figures for which
 * accept(ctx, f) holds. *parts is malloc'ed: the *n parts, then whole (so
 * a finding can name them all). */
ms_status ms_check_parts_of(const ms_figure *const *cands, size_t n_cands,
                            const ms_figure *whole, ms_part_dim dim,
                            bool (*accept)(const void *ctx, const ms_figure *f),
                            const void *accept_ctx, const ms_figure ***parts, size_t *n);
/* The sum of figures' ranges and of their values. */
ms_computed ms_check_sum(const char *name, const ms_figure *const *figs, size_t n);

/* ---- the rules --------------------------------------------------------- */

/* same_key: figures with the same (metric, kind, period, base, place,
 * subject, breakdown) from different source families: one finding per pair,
 * ok if their intervals agree (a whole number for counts), else conflict.
 * Figures of one family are the revision rule's. */
ms_status ms_check_same_key(const ms_check_ctx *ctx, ms_findings *out);
/* definition: the same key but different metrics of one family
 * (data/metrics.tsv), from different source families: mismatch - unless a
 * source states both metrics for that key (then they are different counts). */
ms_status ms_check_definition(const ms_check_ctx *ctx, ms_findings *out);
/* revision: the same key from one source family with different sources or
 * publication dates: a new value is a revision, the same one ok. */
ms_status ms_check_revision(const ms_check_ctx *ctx, ms_findings *out);
/* implied: a level with a stated change implies the base level (compared
 * with stated base levels of other sources); a source's own two levels imply
 * the change it states. Conflict when disjoint, weak when the value
 * computed from the stated values falls outside the stated interval but the
 * intervals still overlap, ok otherwise. */
ms_status ms_check_implied(const ms_check_ctx *ctx, ms_findings *out);
/* cumulative: counts of one source family for a period from 1 January (year
 * to date) are at least those for any period within it (an earlier YTD, a
 * month, a quarter). */
ms_status ms_check_cumulative(const ms_check_ctx *ctx, ms_findings *out);
/* part_whole: a citizenship <= foreign_citizens, a region <= its country
 * (any sources), and the parts one source gives add up to no more than its
 * total. */
ms_status ms_check_part_whole(const ms_check_ctx *ctx, ms_findings *out);

/* Runs a ruleset (check/rules_eval.c): findings for fails (conflict) and
 * passes (ok), one summary per rule. */
ms_status ms_check_ruleset(const ms_check_ctx *ctx, const ms_ruleset *rs, ms_findings *out);

#endif
