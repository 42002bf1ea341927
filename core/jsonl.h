/* jsonl.h — figures <-> JSON Lines, the interchange format.
 *
 * One flat JSON object per line (docs/figures-format.md lists the fields).
 * Numbers are written with ms_num_format; missing values and unknown
 * periods are null. Reading accepts any field order, ignores unknown fields,
 * and reports a bad line as file:line:column without stopping. */
#ifndef MS_JSONL_H
#define MS_JSONL_H

#include <stdio.h>
#include "core/diag.h"
#include "core/figure.h"
#include "core/strbuf.h"

/* Appends s as a JSON string literal (quotes, escapes for '"', '\\' and
 * control characters; UTF-8 passed through). NULL appends null. */
void ms_json_quote(const char *s, ms_strbuf *sb);

/* Appends a number, or null when it is not finite. */
void ms_json_number(double value, ms_strbuf *sb);

/* Appends one figure as a JSON object and a '\n'. */
void ms_jsonl_format_figure(const ms_figure *f, ms_strbuf *sb);

/* Writes one figure line to out; MS_ERR_IO on a write error. */
ms_status ms_jsonl_write_figure(FILE *out, const ms_figure *f);

/* Parses one JSON object (text[0..len)) into a figure whose strings are
 * copied into set's arena and appended to set. Errors go to diag at
 * file:line (column = byte in the line + 1). Returns MS_OK, MS_ERR_DATA
 * (line rejected) or MS_ERR_NOMEM. */
ms_status ms_jsonl_parse_line(const char *text, size_t len, const char *file,
                              int64_t line, ms_figure_set *set, ms_diag *diag);

/* Reads a whole stream of figure lines. Blank lines are skipped. Counts go
 * to diag (read/accepted/rejected). Returns MS_OK if every line was
 * accepted, MS_ERR_DATA if any was rejected, MS_ERR_IO/MS_ERR_NOMEM on
 * failure. */
ms_status ms_jsonl_read(FILE *in, const char *file, ms_figure_set *set, ms_diag *diag);

#endif
