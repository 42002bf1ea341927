/* json_text.h — a JSON document read whole, and positions in its text
 * (private to ingest/: jsonstat.c and json_records.c). */
#ifndef MS_INGEST_JSON_TEXT_H
#define MS_INGEST_JSON_TEXT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/strbuf.h"
#include "ingest/emit.h"
#include "ingest/table.h"

/* Reads the whole input (at most 256 MiB) into text; *body and *len are the
 * document without a UTF-8 BOM. Errors are reported to em's diag. */
ms_status ms_json_read_text(FILE *in, ms_emitter *em, ms_strbuf *text, const char **body, size_t *len);

/* Offsets where each line starts (malloc'd; *n_lines of them), and an
 * offset as 1-based line and byte column. */
size_t *ms_json_line_index(const char *text, size_t len, size_t *n_lines);
void ms_json_line_col(const size_t *starts, size_t n_lines, size_t offset, int64_t *line, int64_t *col);

/* Is the text UTF-8? If not, reports "line:column: not UTF-8" and says no. */
bool ms_json_utf8_ok(ms_emitter *em, const char *text, size_t len, const size_t *starts, size_t n_lines);

/* Parses the whole text as one document (nothing may follow); NULL with
 * *err_at where parsing stopped. */
cJSON *ms_json_parse_whole(const char *text, size_t len, const char **err_at);

/* Walking valid JSON text: skip spaces; skip one value; the first child of
 * an object or array (at its '{' or '['), the next one, an object member's
 * value (given its key). NULL when there is none. */
const char *ms_json_skip_ws(const char *p);
const char *ms_json_skip_value(const char *p);
const char *ms_json_first_child(const char *open);
const char *ms_json_next_child(const char *child, bool in_object);
const char *ms_json_member_value(const char *key);

/* "an object", "an array", "a boolean", "a string", "null", "a number". */
const char *ms_json_type_name(const cJSON *v);

/* Puts a JSON cell value into o: a number as value_num, a string as text
 * (parsed like a table cell: "1,234"), null as missing (NaN). False for
 * anything else (the caller rejects the cell). */
bool ms_json_obs_value(ms_obs *o, const cJSON *v);

#endif
