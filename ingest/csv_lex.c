/* csv_lex.c — RFC 4180 tokenizer over a FILE* read in big blocks (fread).
 * Runs of ordinary bytes are found with a byte-class table and copied in
 * one go; the bytes that matter (delimiter, quote, CR, LF, NUL) go through
 * one small state machine with up to three bytes of lookahead (the BOM,
 * CR LF, ""), which may reach across blocks. Positions are taken before a
 * byte is consumed, so every field and error points at its own first byte.
 * A malformed record is reported once (its first problem) and read to its
 * end, so one bad row never hides the rows after it. */
#include "ingest/csv_lex.h"
#include "core/grow.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Read size: large enough that a syscall is rare, small enough for cache. */
#define BLOCK ((size_t)256 << 10)

enum { RUN_END_UNQUOTED = 1, RUN_END_QUOTED = 2 };

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
    free(lx->blk);
    lx->blk = NULL;
    lx->blk_pos = lx->blk_len = 0;
    lx->raw_buf = NULL;
    lx->raw = NULL;
    lx->raw_len = lx->raw_cap = 0;
    lx->buf = NULL;
    lx->fields = NULL;
    lx->n_fields = 0;
    lx->buf_len = lx->buf_cap = lx->fields_cap = 0;
}

/* ------------------------------------------------------------ bytes */

/* Keeps n bytes of the record's raw text (cut at max_record). Out of
 * memory only cuts the raw text: the fields are what matters. */
static void record_raw(ms_csv_lexer *lx, const unsigned char *p, size_t n)
{
    if (lx->raw_len + n > lx->max_record) {
        lx->raw_cut = true;
        n = lx->raw_len < lx->max_record ? lx->max_record - lx->raw_len : 0;
    }
    if (n == 0)
        return;
    while (lx->raw_len + n > lx->raw_cap) {
        char *raw = ms_grow(lx->raw_buf, &lx->raw_cap, lx->raw_cap, 1, 256);
        if (!raw) {
            lx->raw_cut = true;
            return;
        }
        lx->raw_buf = raw;
    }
    memcpy(lx->raw_buf + lx->raw_len, p, n);
    lx->raw_len += n;
}

/* Makes at least k+1 bytes available from blk_pos unless the input ends
 * first: keeps the unread tail and reads one more block behind it. */
static void fill(ms_csv_lexer *lx, size_t k)
{
    if (lx->blk_eof)
        return;
    if (!lx->blk) {
        lx->blk = malloc(BLOCK);
        if (!lx->blk) {
            lx->blk_eof = true; /* reported as a read error below */
            return;
        }
    }
    while (lx->blk_len - lx->blk_pos <= k && !lx->blk_eof) {
        if (lx->recording) /* the record's bytes so far leave the block */
            record_raw(lx, lx->blk + lx->rec_start, lx->blk_pos - lx->rec_start);
        lx->rec_start = 0;
        size_t keep = lx->blk_len - lx->blk_pos;
        memmove(lx->blk, lx->blk + lx->blk_pos, keep);
        lx->blk_pos = 0;
        lx->blk_len = keep;
        size_t got = fread(lx->blk + keep, 1, BLOCK - keep, lx->in);
        lx->blk_len += got;
        if (got == 0)
            lx->blk_eof = true;
    }
}

/* The byte k places ahead (0 = next, k <= 2) without consuming it, or EOF. */
static inline int peek_at(ms_csv_lexer *lx, size_t k)
{
    if (lx->blk_len - lx->blk_pos <= k)
        fill(lx, k);
    return lx->blk_len - lx->blk_pos > k ? lx->blk[lx->blk_pos + k] : EOF;
}

static inline int peek(ms_csv_lexer *lx) { return peek_at(lx, 0); }

/* Consumes the next byte, moving the position past it. */
static void advance(ms_csv_lexer *lx)
{
    int c = peek(lx);
    if (c == EOF)
        return;
    lx->blk_pos++;
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
        lx->blk_pos += 3;
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

/* The byte classes for the current delimiter (all three candidates while
 * it is still unknown, so that the first one met is seen). */
static void make_table(ms_csv_lexer *lx)
{
    memset(lx->special, 0, sizeof lx->special);
    const unsigned char ends[] = {'\n', '\r', '"', '\0'};
    for (size_t i = 0; i < sizeof ends; i++)
        lx->special[ends[i]] = RUN_END_UNQUOTED;
    if (lx->delimiter) {
        lx->special[(unsigned char)lx->delimiter] = RUN_END_UNQUOTED;
    } else {
        lx->special[','] = lx->special['\t'] = lx->special[';'] = RUN_END_UNQUOTED;
    }
    lx->special['"'] |= RUN_END_QUOTED;
    lx->special['\0'] |= RUN_END_QUOTED;
    lx->special['\n'] |= RUN_END_QUOTED;
    lx->table_delim = lx->delimiter;
    lx->table_ready = true;
}

/* Length of the run of bytes at blk_pos that are not of class `cls`
 * (within the bytes already read). */
static size_t run_length(const ms_csv_lexer *lx, unsigned char cls)
{
    const unsigned char *p = lx->blk + lx->blk_pos, *e = lx->blk + lx->blk_len;
    const unsigned char *q = p;
    while (q < e && !(lx->special[*q] & cls))
        q++;
    return (size_t)(q - p);
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

/* Makes room for n more bytes of field text (plus a NUL). */
static bool reserve(ms_csv_lexer *lx, size_t n)
{
    while (lx->buf_len + n + 1 > lx->buf_cap) {
        char *buf = ms_grow(lx->buf, &lx->buf_cap, lx->buf_cap, 1, 256);
        if (!buf)
            return false;
        lx->buf = buf;
    }
    return true;
}

/* Appends n bytes of field text; false only when out of memory. A record
 * past max_record is an error and its extra bytes are dropped. */
static bool put_run(ms_csv_lexer *lx, const unsigned char *p, size_t n)
{
    if (lx->buf_len + n > lx->max_record) {
        set_error(lx, "record is too long", lx->record_line, 1);
        n = lx->buf_len < lx->max_record ? lx->max_record - lx->buf_len : 0;
    }
    if (n == 0)
        return true;
    if (!reserve(lx, n))
        return false;
    memcpy(lx->buf + lx->buf_len, p, n);
    lx->buf_len += n;
    return true;
}

static bool put(ms_csv_lexer *lx, char c)
{
    unsigned char b = (unsigned char)c;
    return put_run(lx, &b, 1);
}

/* Takes the next n bytes (no LF among them) as field text. */
static bool take_run(ms_csv_lexer *lx, size_t n)
{
    if (!put_run(lx, lx->blk + lx->blk_pos, n))
        return false;
    lx->blk_pos += n;
    lx->column += (int64_t)n;
    return true;
}

/* Opens a field at the current position. Its text's offset is kept until
 * the record is complete: the buffer may move meanwhile. */
static bool begin_field(ms_csv_lexer *lx)
{
    if (lx->n_fields == lx->fields_cap) {
        ms_csv_field *fields = ms_grow(lx->fields, &lx->fields_cap, lx->n_fields, sizeof *fields, 16);
        if (!fields)
            return false;
        lx->fields = fields;
    }
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
    if (!reserve(lx, 0))
        return false;
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
        size_t n = run_length(lx, RUN_END_QUOTED);
        if (n) {
            if (!take_run(lx, n))
                return false;
            continue;
        }
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
        size_t n = run_length(lx, RUN_END_UNQUOTED);
        if (n && !take_run(lx, n))
            return false;
        if (lx->blk_pos < lx->blk_len) {
            /* the usual ends, without the general checks */
            unsigned char b = lx->blk[lx->blk_pos];
            if (b == '\n' || (lx->delimiter && b == (unsigned char)lx->delimiter))
                return true;
        }
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
        return ferror(lx->in) || !lx->blk ? MS_ERR_IO : MS_OK;
    }
    if (!lx->table_ready || lx->table_delim != lx->delimiter)
        make_table(lx);
    lx->record_line = lx->line;
    lx->raw_len = 0;
    lx->raw_cut = false;
    lx->recording = true;
    lx->rec_start = lx->blk_pos;
    for (;;) {
        if (!begin_field(lx))
            return MS_ERR_NOMEM;
        bool ok = peek(lx) == '"' ? read_quoted(lx) : read_unquoted(lx);
        if (!ok || !end_field(lx))
            return MS_ERR_NOMEM;
        if (lx->delimiter && lx->blk_pos < lx->blk_len &&
            lx->blk[lx->blk_pos] == (unsigned char)lx->delimiter) {
            lx->blk_pos++; /* advance() for the usual case */
            lx->column++;
            continue;
        }
        if (is_delimiter(lx, peek(lx))) {
            advance(lx);
            continue; /* a delimiter before the end opens one more (empty) field */
        }
        break;
    }
    /* consume the record's end: CR LF, LF, or a final CR */
    record_raw(lx, lx->blk + lx->rec_start, lx->blk_pos - lx->rec_start);
    lx->recording = false;
    char *raw = lx->raw_len < lx->raw_cap ? lx->raw_buf
                                          : ms_grow(lx->raw_buf, &lx->raw_cap, lx->raw_len, 1, 256);
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
    /* a read error ends the reading like the end of input does */
    if (!lx->blk || (lx->blk_eof && ferror(lx->in)))
        return MS_ERR_IO;
    return lx->error ? MS_ERR_DATA : MS_OK;
}

void ms_csv_field_trim(ms_csv_field *f)
{
    size_t start = 0, n = f->len;
    while (start < n && isspace((unsigned char)f->text[start]))
        start++;
    while (n > start && isspace((unsigned char)f->text[n - 1]))
        n--;
    f->text += start;
    f->len = n - start;
    f->text[f->len] = '\0';
}
