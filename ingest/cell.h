/* cell.h — what every table reader does to a cell's text (private to
 * ingest/): numbers as tables write them, missing markers, flags after a
 * value, the text encoding, and offending text shown in a message. */
#ifndef MS_INGEST_CELL_H
#define MS_INGEST_CELL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/status.h"

/* ---- numbers (cell_number.c) */

/* Writes s[0..len) into out (cap bytes) in the plain form ms_num_parse
 * reads: digit-group marks removed ("143,000", "93 000" with a space, a
 * no-break or a narrow no-break space), a leading U+2212 minus made '-'.
 * One kind of mark per number; the first group has 1-3 digits, every later
 * group exactly 3. Returns the plain length, or (size_t)-1 when the marks
 * are not a grouping (then the text is not a number). */
size_t ms_cell_plain_number(const char *s, size_t len, char *out, size_t cap);

/* ":", "..", "-", empty: the markers tables use for "no value". */
bool ms_cell_is_missing(const char *s, size_t len);

/* A table value: a number with grouping marks, or a missing marker. On
 * MS_OK *missing tells which, *out holds the number and `plain` (if not
 * NULL, cap bytes) its plain form. MS_ERR_DATA with *why set ("not a
 * number", "number out of range", "NaN is not a number") otherwise. */
ms_status ms_cell_number(const char *s, size_t len, double *out, bool *missing, char *plain,
                         size_t cap, const char **why);

/* Eurostat writes flags after the value, separated by a space: "1234 p",
 * ": c", "5 bu", "12 e". Splits s[0..len) into the value part (*value_len)
 * and the flags (*flags_at, *flags_len: lowercase letters); no flags gives
 * *flags_len 0. Grouped numbers ("93 000") are not taken for flags. */
void ms_cell_split_flags(const char *s, size_t len, size_t *value_len, size_t *flags_at,
                         size_t *flags_len);

/* ---- text (cell_text.c) */

typedef enum ms_encoding { MS_ENC_UTF8, MS_ENC_LATIN1 } ms_encoding;

/* Index of the first byte of s[0..len) that is not valid UTF-8 (or a NUL
 * byte), or (size_t)-1 when all is valid. */
size_t ms_utf8_invalid_at(const char *s, size_t len);

/* Latin-1 (ISO 8859-1) s[0..len) as UTF-8 into out (at least 2 * len + 1
 * bytes); returns the length. */
size_t ms_latin1_to_utf8(const char *s, size_t len, char *out);

/* Offending text as shown in a message: at most ~60 bytes, never cut inside
 * a UTF-8 sequence, control characters (a newline in a quoted cell) shown
 * as '?'. Returns out. */
#define MS_SHOWN_MAX 64
const char *ms_cell_shown(const char *s, size_t len, char out[MS_SHOWN_MAX]);

#endif
