/* rules_file.h — the parsed form of a rules file, shared by its parser
 * (rules_parse.c) and its evaluator (rules_eval.c); private to check/.
 *
 * A rule compares two sides, or one side with a range. A side is a
 * constant, a selection of figures (conditions on metric, subject, place
 * and a kind, count by default), or the sum of the parts of a whole by
 * subject or place. The parser puts a sum on the left and a constant on the
 * right, mirroring the operator, so the evaluator sees one shape. */
#ifndef MS_CHECK_RULES_FILE_H
#define MS_CHECK_RULES_FILE_H

#include "check/check.h"

/* The fields a side can name. */
typedef enum rule_field { FIELD_METRIC, FIELD_SUBJECT, FIELD_PLACE, FIELD_COUNT_ } rule_field;

typedef enum side_type { SIDE_FIGURES, SIDE_SUM, SIDE_NUMBER } side_type;

typedef struct rule_side {
    side_type type;
    double number;                      /* SIDE_NUMBER */
    ms_kind kind;                       /* SIDE_FIGURES, SIDE_SUM: count unless kind(...) */
    const char *field[FIELD_COUNT_];    /* named values; NULL = not named */
    ms_part_dim sum_dim;                /* SIDE_SUM: sum(subject) or sum(place) */
} rule_side;

typedef struct rule {
    const char *id;      /* "FILE:LINE", the findings' rule (in the arena) */
    const char *text;    /* the rule as written, without comment (in the arena) */
    rule_side left, right;
    bool in_range;       /* left in [lo, hi]: right is unused */
    double lo, hi;
    ms_check_op op;
    bool has_tolerance;
    double tolerance;    /* absolute, or percent when relative */
    bool relative;
} rule;

struct ms_ruleset {
    rule *items;
    size_t count;
    ms_arena arena; /* ids, texts, names and values of conditions */
};

#endif
