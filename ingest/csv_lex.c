/* csv_lex.c — RFC 4180 tokenizer: a byte-at-a-time state machine over a
 * FILE*, keeping each field's start line and column. A malformed record is
 * reported once and skipped to its end, so one bad row never hides the
 * rows after it. */
#include "ingest/csv_lex.h"
#include "core/grow.h"

#include <stdlib.h>
#include <string.h>

#define NO_PUSHBACK (-2)

void ms_csv_lexer_init(ms_csv_lexer *lx, FILE *in, char delimiter)
{
    memset(lx, 0, sizeof *lx);
    lx->in = in;
    lx->delimiter = delimiter;
    lx->line = 1;
    lx->column = 1;
    lx->at_start = true;
    lx->pushback = NO_PUSHBACK;
}

void ms_csv_lexer_free(ms_csv_lexer *lx)
{
    free(lx->buf);
    free(lx->fields);
    lx->buf = NULL;
    lx->fields = NULL;
}

/* Next byte, keeping line and column of the byte after it. */
static int next_byte(ms_csv_lexer *lx)
{
    int c;
    if (lx->pushback != NO_PUSHBACK) {
        c = lx->pushback;
        lx->pushback = NO_PUSHBACK;
    } else {
        c = getc(lx->in);
    }
    if (c == '\n') {
        lx->line++;
        lx->column = 1;
    } else if (c != EOF) {
        lx->column++;
    }
    return c;
}

static int peek_byte(ms_csv_lexer *lx)
{
    if (lx->pushback == NO_PUSHBACK)
        lx->pushback = getc(lx->in);
    return lx->pushback;
}

static bool put(ms_csv_lexer *lx, char c)
{
    char *buf = ms_grow(lx->buf, &lx->buf_cap, lx->buf_len, 1, 256);
    if (!buf)
        return false;
    lx->buf = buf;
    lx->buf[lx->buf_len++] = c;
    return true;
}

/* Starts a field at the current position; its text offset is kept in
 * `len` until the record is complete (the buffer may move meanwhile). */
static bool begin_field(ms_csv_lexer *lx, int64_t line, int64_t column)
{
    ms_csv_field *fields = ms_grow(lx->fields, &lx->fields_cap, lx->n_fields, sizeof *fields, 16);
    if (!fields)
        return false;
    lx->fields = fields;
    ms_csv_field *f = &lx->fields[lx->n_fields++];
    f->text = NULL;
    f->len = lx->buf_len; /* start offset for now */
    f->line = line;
    f->column = column;
    f->quoted = false;
    return true;
}

static bool end_field(ms_csv_lexer *lx)
{
    ms_csv_field *f = &lx->fields[lx->n_fields - 1];
    size_t start = f->len;
    f->len = lx->buf_len - start;
    return put(lx, '\0');
}

/* Turns the start offsets into pointers once the record is complete. */
static void fix_pointers(ms_csv_lexer *lx)
{
    size_t off = 0;
    for (size_t i = 0; i < lx->n_fields; i++) {
        lx->fields[i].text = lx->buf + off;
        off += lx->fields[i].len + 1;
    }
}

static void set_error(ms_csv_lexer *lx, const char *why, int64_t line, int64_t column)
{
    if (!lx->error) {
        lx->error = why;
        lx->error_line = line;
        lx->error_column = column;
    }
}

/* After an error: consume bytes to the end of the physical line. */
static void skip_line(ms_csv_lexer *lx)
{
    int c;
    while ((c = next_byte(lx)) != EOF && c != '\n')
        ;
}

ms_status ms_csv_next(ms_csv_lexer *lx, bool *at_end)
{
    lx->buf_len = 0;
    lx->n_fields = 0;
    lx->error = NULL;
    *at_end = false;
    if (lx->at_start) {
        lx->at_start = false;
        unsigned char bom[3];
        size_t n = fread(bom, 1, 3, lx->in);
        if (!(n == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)) {
            /* not a BOM: give the bytes back (at most 3, ungetc guarantees 1) */
            for (size_t i = n; i > 0; i--) {
                if (i == 1) {
                    lx->pushback = bom[0];
                } else if (ungetc(bom[i - 1], lx->in) == EOF) {
                    return MS_ERR_IO;
                }
            }
        }
    }
    int c = next_byte(lx);
    if (c == EOF) {
        *at_end = true;
        return ferror(lx->in) ? MS_ERR_IO : MS_OK;
    }
    lx->record_line = lx->line - (c == '\n');
    for (;;) {
        /* start of a field: c is its first byte */
        int64_t fline = c == '\n' ? lx->line - 1 : lx->line;
        int64_t fcol = c == '\n' ? 0 : lx->column - 1;
        if (c == '\n') { /* an empty field ends the record */
            fline = lx->record_line;
        }
        if (!begin_field(lx, fline, fcol < 1 ? 1 : fcol))
            return MS_ERR_NOMEM;
        if (c == '"') {
            lx->fields[lx->n_fields - 1].quoted = true;
            for (;;) {
                c = next_byte(lx);
                if (c == EOF) {
                    set_error(lx, "unterminated quoted field", fline, fcol);
                    break;
                }
                if (c == '\0') {
                    set_error(lx, "NUL byte in field", lx->line, lx->column - 1);
                    continue;
                }
                if (c == '"') {
                    if (peek_byte(lx) == '"') {
                        next_byte(lx);
                        if (!put(lx, '"'))
                            return MS_ERR_NOMEM;
                        continue;
                    }
                    c = next_byte(lx); /* the byte after the closing quote */
                    if (c == '\r' && peek_byte(lx) == '\n')
                        c = next_byte(lx);
                    if (c != lx->delimiter && c != '\n' && c != EOF) {
                        set_error(lx, "unexpected text after a closing quote", lx->line, lx->column - 1);
                        while (c != lx->delimiter && c != '\n' && c != EOF)
                            c = next_byte(lx);
                    }
                    break;
                }
                if (!put(lx, (char)c))
                    return MS_ERR_NOMEM;
            }
        } else {
            while (c != lx->delimiter && c != '\n' && c != EOF) {
                if (c == '\r' && peek_byte(lx) == '\n') {
                    c = next_byte(lx);
                    break;
                }
                if (c == '"')
                    set_error(lx, "quote inside an unquoted field", lx->line, lx->column - 1);
                else if (c == '\0')
                    set_error(lx, "NUL byte in field", lx->line, lx->column - 1);
                if (!put(lx, (char)c))
                    return MS_ERR_NOMEM;
                c = next_byte(lx);
            }
        }
        if (!end_field(lx))
            return MS_ERR_NOMEM;
        if (c == lx->delimiter) {
            c = next_byte(lx);
            if (c == EOF || c == '\n') { /* trailing delimiter: one more empty field */
                if (!begin_field(lx, lx->line, lx->column) || !end_field(lx))
                    return MS_ERR_NOMEM;
                break;
            }
            continue;
        }
        break; /* '\n' or EOF */
    }
    fix_pointers(lx);
    if (ferror(lx->in))
        return MS_ERR_IO;
    if (lx->error) {
        if (c != '\n' && c != EOF)
            skip_line(lx);
        return MS_ERR_DATA;
    }
    return MS_OK;
}
