/* csv_lex.c — RFC 4180 tokenizer: a byte-at-a-time state machine over a
 * FILE* with up to three bytes of lookahead (the BOM, CR LF). Positions are
 * taken before a byte is consumed, so every field and error points at its
 * own first byte. A malformed record is reported once (its first problem)
 * and read to its end, so one bad row never hides the rows after it. */
#include "ingest/csv_lex.h"
#include "core/grow.h"

#include <stdlib.h>
#include <string.h>

void ms_csv_lexer_init(ms_csv_lexer *lx, FILE *in, char delimiter)
{
    memset(lx, 0, sizeof *lx);
    lx->in = in;
    lx->delimiter = delimiter;
    lx->max_record = MS_CSV_MAX_RECORD;
    lx->line = 1;
    lx->column = 1;
}

void ms_csv_lexer_free(ms_csv_lexer *lx)
{
    free(lx->buf);
    free(lx->fields);
    free(lx->raw_buf);
    lx->raw_buf = NULL;
    lx->raw = NULL;
    lx->raw_len = lx->raw_cap = 0;
    lx->buf = NULL;
    lx->fields = NULL;
    lx->n_fields = 0;
    lx->buf_len = lx->buf_cap = lx->fields_cap = 0;
}

/* ------------------------------------------------------------ bytes */

/* The byte k places ahead (0 = next) without consuming it, or EOF. */
static int peek_at(ms_csv_lexer *lx, size_t k)
{
    while (lx->n_ahead <= k) {
        /* after EOF keep answering EOF without asking the stream again */
        int c = lx->n_ahead > 0 && lx->ahead[lx->n_ahead - 1] == EOF ? EOF : getc(lx->in);
        lx->ahead[lx->n_ahead++] = c;
    }
    return lx->ahead[k];
}

static int peek(ms_csv_lexer *lx) { return peek_at(lx, 0); }

/* Keeps byte c of the record's raw text (cut at max_record). Out of
 * memory only cuts the raw text: the fields are what matters. */
static void record_raw(ms_csv_lexer *lx, int c)
{
    if (lx->raw_len >= lx->max_record) {
        lx->raw_cut = true;
        return;
    }
    char *raw = ms_grow(lx->raw_buf, &lx->raw_cap, lx->raw_len, 1, 256);
    if (!raw) {
        lx->raw_cut = true;
        return;
    }
    lx->raw_buf = raw;
    lx->raw_buf[lx->raw_len++] = (char)c;
}

/* Consumes the next byte, moving the position past it. */
static void advance(ms_csv_lexer *lx)
{
    int c = peek(lx);
    if (c == EOF)
        return;
    if (lx->recording)
        record_raw(lx, c);
    memmove(lx->ahead, lx->ahead + 1, (lx->n_ahead - 1) * sizeof lx->ahead[0]);
    lx->n_ahead--;
    if (c == '\n') {
        lx->line++;
        lx->column = 1;
    } else {
        lx->column++;
    }
}

/* A UTF-8 byte order mark at the very start is not data (and not a column). */
static void skip_bom(ms_csv_lexer *lx)
{
    if (peek_at(lx, 0) == 0xEF && peek_at(lx, 1) == 0xBB && peek_at(lx, 2) == 0xBF)
        lx->n_ahead = 0;
}

/* Is c a delimiter? With an automatic delimiter the first of ',', '\t',
 * ';' met outside quotes in the first record becomes the delimiter. */
static bool is_delimiter(ms_csv_lexer *lx, int c)
{
    if (lx->delimiter == 0 && (c == ',' || c == '\t' || c == ';'))
        lx->delimiter = (char)c;
    return c != EOF && c == (unsigned char)lx->delimiter;
}

/* LF, CR LF, a CR at the very end, or the end itself. */
static bool at_record_end(ms_csv_lexer *lx)
{
    int c = peek(lx);
    if (c == '\n' || c == EOF)
        return true;
    if (c == '\r') {
        int d = peek_at(lx, 1);
        return d == '\n' || d == EOF;
    }
    return false;
}

/* ------------------------------------------------------------ record */

static void set_error(ms_csv_lexer *lx, const char *why, int64_t line, int64_t column)
{
    if (!lx->error) {
        lx->error = why;
        lx->error_line = line;
        lx->error_column = column;
    }
}

/* Appends one byte of field text; false only when out of memory. A record
 * past max_record is an error and its extra bytes are dropped. */
static bool put(ms_csv_lexer *lx, char c)
{
    if (lx->buf_len >= lx->max_record) {
        set_error(lx, "record is too long", lx->record_line, 1);
        return true;
    }
    char *buf = ms_grow(lx->buf, &lx->buf_cap, lx->buf_len, 1, 256);
    if (!buf)
        return false;
    lx->buf = buf;
    lx->buf[lx->buf_len++] = c;
    return true;
}

/* Opens a field at the current position. Its text's offset is kept until
 * the record is complete: the buffer may move meanwhile. */
static bool begin_field(ms_csv_lexer *lx)
{
    ms_csv_field *fields = ms_grow(lx->fields, &lx->fields_cap, lx->n_fields, sizeof *fields, 16);
    if (!fields)
        return false;
    lx->fields = fields;
    lx->fields[lx->n_fields++] = (ms_csv_field){
        .offset = lx->buf_len, .line = lx->line, .column = lx->column};
    return true;
}

/* Closes the last field; its NUL is stored even past max_record so that
 * offsets stay within the buffer. */
static bool end_field(ms_csv_lexer *lx)
{
    ms_csv_field *f = &lx->fields[lx->n_fields - 1];
    f->len = lx->buf_len - f->offset;
    char *buf = ms_grow(lx->buf, &lx->buf_cap, lx->buf_len, 1, 256);
    if (!buf)
        return false;
    lx->buf = buf;
    lx->buf[lx->buf_len++] = '\0';
    return true;
}

/* Reads a quoted field's text; the next byte is its opening quote. */
static bool read_quoted(ms_csv_lexer *lx)
{
    const ms_csv_field *f = &lx->fields[lx->n_fields - 1];
    int64_t open_line = f->line, open_column = f->column;
    lx->fields[lx->n_fields - 1].quoted = true;
    advance(lx);
    for (;;) {
        int c = peek(lx);
        if (c == EOF) {
            set_error(lx, "unterminated quoted field", open_line, open_column);
            return true;
        }
        if (c == '"') {
            advance(lx);
            if (peek(lx) != '"')
                break; /* the closing quote */
        } else if (c == '\0') {
            set_error(lx, "NUL byte in field", lx->line, lx->column);
            advance(lx);
            continue;
        }
        if (!put(lx, (char)c))
            return false;
        advance(lx);
    }
    /* after the closing quote only a delimiter or the record's end */
    if (!is_delimiter(lx, peek(lx)) && !at_record_end(lx)) {
        set_error(lx, "unexpected text after a closing quote", lx->line, lx->column);
        while (!is_delimiter(lx, peek(lx)) && !at_record_end(lx))
            advance(lx);
    }
    return true;
}

static bool read_unquoted(ms_csv_lexer *lx)
{
    for (;;) {
        int c = peek(lx);
        if (is_delimiter(lx, c) || at_record_end(lx))
            return true;
        if (c == '"')
            set_error(lx, "quote inside an unquoted field", lx->line, lx->column);
        if (c == '\0') {
            set_error(lx, "NUL byte in field", lx->line, lx->column);
        } else if (!put(lx, (char)c)) {
            return false;
        }
        advance(lx);
    }
}

ms_status ms_csv_next(ms_csv_lexer *lx, bool *at_end)
{
    lx->buf_len = 0;
    lx->n_fields = 0;
    lx->error = NULL;
    lx->error_line = lx->error_column = 0;
    *at_end = false;
    bool first_record = !lx->started;
    if (first_record) {
        lx->started = true;
        skip_bom(lx);
    }
    if (peek(lx) == EOF) {
        *at_end = true;
        return ferror(lx->in) ? MS_ERR_IO : MS_OK;
    }
    lx->record_line = lx->line;
    lx->raw_len = 0;
    lx->raw_cut = false;
    lx->recording = true;
    for (;;) {
        if (!begin_field(lx))
            return MS_ERR_NOMEM;
        bool ok = peek(lx) == '"' ? read_quoted(lx) : read_unquoted(lx);
        if (!ok || !end_field(lx))
            return MS_ERR_NOMEM;
        if (is_delimiter(lx, peek(lx))) {
            advance(lx);
            continue; /* a delimiter before the end opens one more (empty) field */
        }
        break;
    }
    /* consume the record's end: CR LF, LF, or a final CR */
    lx->recording = false;
    char *raw = ms_grow(lx->raw_buf, &lx->raw_cap, lx->raw_len, 1, 256);
    if (raw) {
        lx->raw_buf = raw;
        raw[lx->raw_len] = '\0';
        lx->raw = raw;
    } else {
        lx->raw = "";
        lx->raw_len = 0;
        lx->raw_cut = true;
    }
    lx->end_line = lx->line;
    lx->end_column = lx->column;
    if (peek(lx) == '\r')
        advance(lx);
    if (peek(lx) == '\n')
        advance(lx);
    if (first_record && lx->delimiter == 0)
        lx->delimiter = ',';
    for (size_t i = 0; i < lx->n_fields; i++)
        lx->fields[i].text = lx->buf + lx->fields[i].offset;
    if (ferror(lx->in))
        return MS_ERR_IO;
    return lx->error ? MS_ERR_DATA : MS_OK;
}
