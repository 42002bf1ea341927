/* tsv.h — the pieces shared by the project's tab-separated data files
 * (data/metrics.tsv, data/events.tsv): fields of a line and names. */
#ifndef MS_CORE_TSV_H
#define MS_CORE_TSV_H

#include <stdbool.h>
#include <stddef.h>

/* Splits line[0..len) at tabs into at most `max` fields: field[i] points
 * into the line, flen[i] is its length and fcol[i] its 1-based column (for
 * file:line:column errors). Returns the number of fields found. */
size_t ms_tsv_split(const char *line, size_t len, const char **field, size_t *flen,
                    size_t *fcol, size_t max);

/* A name of the data files: one or more of a-z, 0-9 and '_'. */
bool ms_tsv_is_name(const char *s, size_t len);

/* An ISO 3166 code: XX (3166-1 alpha-2, capitals) or XX-YYY (a 3166-2
 * region: 1 to 3 capitals or digits after the dash). */
bool ms_tsv_is_place_code(const char *s, size_t len);

#endif
