/* csv_lex.h — an RFC 4180 tokenizer that streams records from a FILE*.
 *
 * Quoted fields with "" escapes, embedded delimiters and newlines, CRLF or
 * LF, a UTF-8 BOM at the start, a last record without a newline. Memory is
 * bounded by the longest record, not the file. Every field knows where it
 * starts (line and byte column, 1-based). Private to ingest/. */
#ifndef MS_CSV_LEX_H
#define MS_CSV_LEX_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/status.h"

typedef struct ms_csv_field {
    char *text;       /* NUL-terminated, unquoted; valid until the next record
                         (readers may trim it in place) */
    size_t len;
    int64_t line;
    int64_t column;
    bool quoted;
} ms_csv_field;

typedef struct ms_csv_lexer {
    FILE *in;
    char delimiter;
    int64_t line;     /* line of the next byte */
    int64_t column;   /* column of the next byte */
    bool at_start;    /* BOM not yet checked */
    int pushback;     /* one byte read ahead, or EOF (-2 = none) */
    char *buf;        /* the record's field texts, NUL-separated */
    size_t buf_len, buf_cap;
    ms_csv_field *fields;
    size_t n_fields, fields_cap;
    int64_t record_line; /* first line of the record */
    /* error of the last record */
    const char *error;
    int64_t error_line, error_column;
} ms_csv_lexer;

void ms_csv_lexer_init(ms_csv_lexer *lx, FILE *in, char delimiter);
void ms_csv_lexer_free(ms_csv_lexer *lx);

/* Reads the next record into lx->fields / lx->n_fields.
 * MS_OK: a record was read. MS_ERR_DATA: the record is malformed (lx->error
 * and its position say why; the lexer has skipped to the end of that
 * record, so reading can go on). MS_ERR_IO: read error. Returns
 * MS_OK with n_fields == 0 at end of input (end is lx->n_fields == 0 and
 * feof). Blank lines give a record of one empty field. */
ms_status ms_csv_next(ms_csv_lexer *lx, bool *at_end);

#endif
