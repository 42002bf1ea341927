/* csv_lex.h — an RFC 4180 tokenizer that streams records from a FILE*.
 * It reads the FILE* in big blocks: bytes after the last record asked for
 * may already have been read from it.
 *
 * Quoted fields with "" escapes, embedded delimiters and newlines, CRLF or
 * LF, a UTF-8 BOM at the start, a last record without a newline. Memory is
 * bounded by the longest record (and capped), not the file. Every field
 * knows where it starts: line and byte column, 1-based, of the physical
 * line. The lexer owns the field texts; the caller owns the FILE*. Private
 * to ingest/. */
#ifndef MS_CSV_LEX_H
#define MS_CSV_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/status.h"

/* Default cap on one record's bytes: an unterminated quote in a large file
 * must not swallow the whole file into memory. */
#define MS_CSV_MAX_RECORD ((size_t)16 << 20)

typedef struct ms_csv_field {
    char *text;       /* NUL-terminated, unquoted; owned by the lexer and
                         valid until the next record (readers may trim it
                         in place) */
    size_t len;
    size_t offset;    /* internal: where text starts in the record buffer */
    int64_t line;     /* where the field starts (its opening quote if quoted) */
    int64_t column;
    bool quoted;
} ms_csv_field;

typedef struct ms_csv_lexer {
    /* settings (set by init, may be changed before the first record) */
    char delimiter;     /* ',', '\t', ';'; 0 = the first of those met outside
                           quotes in the first record (',' if none) */
    size_t max_record;  /* bytes of field text per record */
    /* the current record */
    ms_csv_field *fields;
    size_t n_fields;
    int64_t record_line; /* first line of the record */
    int64_t end_line, end_column; /* where the record's line end (or the
                                     end of input) starts */
    const char *raw;      /* the record's bytes exactly as read, without its
                             line end (for --reject); NUL-terminated; at most
                             max_record bytes (raw_cut says if cut) */
    size_t raw_len;
    bool raw_cut;
    /* the first problem of the current record, NULL if none */
    const char *error;  /* static text, lowercase */
    int64_t error_line, error_column;
    /* internal */
    FILE *in;
    int64_t line, column;   /* position of the next unread byte */
    bool started;           /* BOM checked */
    unsigned char *blk;     /* input read ahead in big blocks (fread) */
    size_t blk_pos, blk_len;
    bool blk_eof;           /* the stream has no more bytes (or failed) */
    char table_delim;       /* the delimiter `special` was made for */
    bool table_ready;
    unsigned char special[256]; /* 1: ends an unquoted run, 2: a quoted one */
    char *buf;              /* field texts of the record, NUL-separated */
    char *raw_buf;          /* the record's raw bytes */
    size_t raw_cap;
    bool recording;         /* inside a record: its bytes from rec_start
                               on go to raw_buf when they leave the block */
    size_t rec_start;
    size_t buf_len, buf_cap, fields_cap;
} ms_csv_lexer;

/* Prepares lx to read `in` (not taken over: the caller closes it). */
void ms_csv_lexer_init(ms_csv_lexer *lx, FILE *in, char delimiter);
/* Frees the lexer's buffers; the fields are no longer valid. */
void ms_csv_lexer_free(ms_csv_lexer *lx);

/* Reads the next record into lx->fields / lx->n_fields.
 *   MS_OK, *at_end false: a record was read.
 *   MS_OK, *at_end true:  end of input, no record (n_fields == 0).
 *   MS_ERR_DATA: the record is malformed; lx->error and its position say
 *     why (the first problem only). The record's fields are still given and
 *     the lexer stands at the next record, so reading can go on.
 *   MS_ERR_IO: read error. MS_ERR_NOMEM.
 * A blank line is a record of one empty, unquoted field. */
ms_status ms_csv_next(ms_csv_lexer *lx, bool *at_end);

/* Trims surrounding spaces (isspace) of a field in place: its text is the
 * lexer's until the next record. */
void ms_csv_field_trim(ms_csv_field *f);

#endif
