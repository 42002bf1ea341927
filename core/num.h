/* num.h — THE place where numbers are parsed from and printed to text.
 *
 * Nothing here depends on LC_NUMERIC: the decimal mark is always '.', and
 * printing gives the shortest text that reads back to the same double.
 * Language-specific forms ("143,000", "267,2", "93 000") are turned into
 * this plain form by the callers (ingest/text, the table readers) first. */
#ifndef MS_NUM_H
#define MS_NUM_H

#include <stddef.h>
#include <stdbool.h>
#include "core/status.h"

/* Longest text ms_num_format() writes, including the terminating NUL. */
#define MS_NUM_BUFSZ 32

/* Parses exactly the bytes s[0..len) as a finite decimal number:
 *   [+-]? digits [ '.' digits ]? ( [eE] [+-]? digits )?   (also ".5", "5.")
 * No spaces, no grouping marks, no "nan"/"inf", no hex; the whole span must
 * be consumed. Overflow (1e999) and a non-zero number that would read as 0
 * (1e-999) are rejected. On success stores *out and returns MS_OK;
 * otherwise MS_ERR_DATA and *out is untouched. If `why` is not NULL it
 * receives a static reason ("not a number", "number out of range", ...);
 * if `err_at` is not NULL it receives the byte index of the first offending
 * character (0 when the whole number is out of range). */
ms_status ms_num_parse(const char *s, size_t len, double *out,
                       const char **why, size_t *err_at);

/* Convenience for NUL-terminated strings. */
ms_status ms_num_parse_cstr(const char *s, double *out);

/* Writes the shortest decimal text that reads back to exactly `value`
 * ("0.1", "143000", "1e+21", "-44"), always with '.', into buf (at least
 * MS_NUM_BUFSZ bytes). Integral values up to 2^53 print without exponent or
 * fraction. Minus zero prints "0". NaN prints "nan", infinities "inf"/"-inf"
 * (callers that emit JSON or CSV check isfinite() first). Returns the length
 * written (without the NUL). */
size_t ms_num_format(double value, char *buf);

/* The rounding unit implied by how a number was written: the place value of
 * the last significant digit. "143000" -> 1000, "144" -> 1, "140" -> 10,
 * "267.2" -> 0.1, "0" -> 1, "12.50" -> 0.01. Trailing zeros of an integer are
 * taken as not significant (how news figures are rounded). `text` is in the
 * plain form accepted by ms_num_parse; returns 0 if it is not a number. A
 * `scale` (1000 for "тыс.") multiplies the unit: "23.6" with scale 1000 ->
 * 100. */
double ms_num_rounding_unit(const char *text, size_t len, double scale);

#endif
