/* mapping.h — how a table's dimensions become figure fields.
 *
 * A table (Eurostat TSV, SDMX-CSV, JSON-stat, a ministry CSV) names its
 * dimensions its own way: `geo`, `citizen`, `GEO`, `Return destination`.
 * A mapping says, for each figure field, which dimension fills it (or a
 * template over several: "{Year}-Q{Quarter}", or a constant), which code
 * list translates a dimension's codes and labels into the figure codes
 * (data/codelists/), which dimensions to ignore, which rows to keep, and
 * the few facts about the source a reader cannot guess (encoding, rounding,
 * fiscal years). Dimensions that are neither mapped nor ignored become the
 * figure's breakdown, leaving out values that mean "all" (Total, TOTAL, T).
 *
 * Mappings come from --map/--set/--where options and from JSON files
 * (--mapping FILE; docs/MAPPINGS.md describes the format; data/mappings/
 * holds the shipped ones). */
#ifndef MS_MAPPING_H
#define MS_MAPPING_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/status.h"

typedef enum ms_map_field {
    MS_MAP_METRIC,
    MS_MAP_PLACE,
    MS_MAP_SUBJECT,
    MS_MAP_PERIOD,
    MS_MAP_VALUE,
    MS_MAP_FLAGS,
    MS_MAP_UNIT,
    MS_MAP_SOURCE,
    MS_MAP_PUBLISHED,
    MS_MAP_FIELD_COUNT_
} ms_map_field;

/* "metric", "place", ... -> field; false if unknown. */
bool ms_map_field_from_name(const char *name, ms_map_field *out);
const char *ms_map_field_name(ms_map_field field);

/* One field's rule: from a dimension, a template, or a constant. */
typedef struct ms_map_rule {
    const char *dim;       /* dimension name (case-insensitive), or NULL */
    const char *tmpl;      /* "{Year}-Q{Quarter}", or NULL */
    const char *constant;  /* fixed value, or NULL */
} ms_map_rule;

/* A code list: source codes and labels -> figure codes. */
typedef struct ms_code_entry {
    const char *from;      /* compared case-insensitively, spaces trimmed */
    const char *to;
} ms_code_entry;

typedef struct ms_code_list {
    const char *name;
    ms_code_entry *entries;  /* sorted by from (case-insensitive) */
    size_t count;
    bool keep_unknown;       /* unknown codes pass through unchanged
                                instead of rejecting the record */
} ms_code_list;

typedef struct ms_dim_codes {
    const char *dim;
    const ms_code_list *list;
} ms_dim_codes;

typedef struct ms_dim_value {
    const char *dim;
    const char *value;
} ms_dim_value;

typedef struct ms_mapping {
    const char *name;             /* the mapping file's name, for messages */
    const char *format;           /* reader to use ("sdmx_csv", ...), or NULL */
    ms_map_rule rules[MS_MAP_FIELD_COUNT_];
    ms_dim_codes *codes;          /* dimension -> code list */
    size_t n_codes;
    const char **ignore;          /* dimensions left out of the breakdown */
    size_t n_ignore;
    const char **breakdown;       /* dimensions always in the breakdown (as
                                     written, unless a total), even when a
                                     rule uses them (two columns both coded
                                     to one metric) */
    size_t n_breakdown;
    ms_dim_value *where;          /* keep only records with these values */
    size_t n_where;
    const char **totals;          /* values meaning "all", left out of the
                                     breakdown */
    size_t n_totals;
    const char **missing;         /* extra missing markers ("n/a", "x") */
    size_t n_missing;
    bool latin1;                  /* the input is Latin-1, not UTF-8 */
    double rounding;              /* the source rounds to this (Eurostat: 5);
                                     0 = exact */
    int fiscal_start_month;       /* annual periods are fiscal years that
                                     start in this month of the year
                                     before (US: 10); 0 = calendar years */
    int fiscal_from_year;         /* ... from this year on (0 = always) */
    bool wide_periods_in_rows;    /* wide tables: a period per row (its
                                     first column), one column per value of
                                     the `column` dimension */
    const char *column_dim;       /* wide tables: name given to the header
                                     of value columns ("column") */
    ms_code_list **owned_lists;   /* lists this mapping loaded */
    size_t n_owned_lists;
    ms_arena arena;               /* every string above */
} ms_mapping;

void ms_mapping_init(ms_mapping *m);
void ms_mapping_free(ms_mapping *m);

/* Applies one --map option, "field=dimension[,field=dimension...]"
 * ("metric=indic,place=geo"; a value with braces is a template), or one
 * --set option "field=value[,...]" (constants), or one --where option
 * "dimension=value[,...]". Errors (unknown field, no '=') go to diag with
 * the option as file; MS_ERR_USAGE. */
ms_status ms_mapping_add_map(ms_mapping *m, const char *spec, ms_diag *diag);
ms_status ms_mapping_add_set(ms_mapping *m, const char *spec, ms_diag *diag);
ms_status ms_mapping_add_where(ms_mapping *m, const char *spec, ms_diag *diag);

/* Sets field's rule: a dimension name (or a template when it has braces),
 * or a constant. The text is copied. */
ms_status ms_mapping_set_rule(ms_mapping *m, ms_map_field f, const char *text, bool constant);

/* Adds a dimension to leave out of the breakdown / an extra missing marker. */
ms_status ms_mapping_add_ignore(ms_mapping *m, const char *dim);
ms_status ms_mapping_add_missing(ms_mapping *m, const char *marker);

/* Reads a JSON mapping file into m (rules already in m from options win:
 * call this first). Code lists named in it are loaded from
 * <data dir>/codelists/<name>.tsv. Errors go to diag as path:line:column
 * where known; MS_ERR_DATA, MS_ERR_IO, MS_ERR_NOMEM. */
ms_status ms_mapping_load(ms_mapping *m, const char *path, ms_diag *diag);

/* Loads the code list <data dir>/codelists/<name>.tsv for dimension dim. */
ms_status ms_mapping_add_codes(ms_mapping *m, const char *dim, const char *list_name,
                               ms_diag *diag);

/* The shipped mapping for a dataset code ("migr_eirfs", "MIGR_EIRFS",
 * "ESTAT:MIGR_EIRFS$DEFAULTVIEW(1.0)", "tps00170"): the path of
 * <data dir>/mappings/<code>.json if it exists (malloc'd), else NULL. */
char *ms_mapping_find_shipped(const char *dataset);

/* Translates value through list: the figure code, or NULL if unknown. */
const char *ms_code_list_find(const ms_code_list *list, const char *value, size_t len);

/* Is value one of the mapping's "all" values? */
bool ms_mapping_is_total(const ms_mapping *m, const char *value);

#endif
