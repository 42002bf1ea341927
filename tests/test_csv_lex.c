/* test_csv_lex.c — the RFC 4180 tokenizer: quoting, line endings, BOM,
 * delimiters, the position of every field and error, errors that skip one
 * record only, and memory bounded by the longest record. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "ingest/csv_lex.h"

typedef struct lexed {
    FILE *fp;
    ms_csv_lexer lx;
    bool end;
} lexed;

static void open_text(lexed *t, const char *text, size_t len, char delim)
{
    t->fp = fmemopen((void *)(uintptr_t)text, len, "r");
    cr_assert_not_null(t->fp);
    ms_csv_lexer_init(&t->lx, t->fp, delim);
    t->end = false;
}

/* Opens a string literal (its length without the final NUL). */
#define OPEN(t, lit, delim) open_text((t), (lit), sizeof(lit) - 1, (delim))

static void close_text(lexed *t)
{
    ms_csv_lexer_free(&t->lx);
    fclose(t->fp);
}

static ms_status next(lexed *t)
{
    return ms_csv_next(&t->lx, &t->end);
}

/* Reads a record that must be well formed and not the end. */
static void next_ok(lexed *t, size_t n_fields)
{
    cr_assert_eq(next(t), MS_OK, "error '%s'", t->lx.error ? t->lx.error : "");
    cr_assert_not(t->end);
    cr_assert_eq(t->lx.n_fields, n_fields, "%zu fields, expected %zu", t->lx.n_fields, n_fields);
}

static void expect_end(lexed *t)
{
    cr_assert_eq(next(t), MS_OK);
    cr_assert(t->end);
    cr_assert_eq(t->lx.n_fields, 0);
}

static void expect_field(const ms_csv_lexer *lx, size_t i, const char *text, int64_t line, int64_t col)
{
    cr_assert_lt(i, lx->n_fields, "field %zu missing", i);
    cr_assert_eq(lx->fields[i].len, strlen(text), "field %zu length %zu", i, lx->fields[i].len);
    cr_assert_str_eq(lx->fields[i].text, text);
    cr_assert_eq(lx->fields[i].line, line, "field %zu line %lld, expected %lld", i,
                 (long long)lx->fields[i].line, (long long)line);
    cr_assert_eq(lx->fields[i].column, col, "field %zu column %lld, expected %lld", i,
                 (long long)lx->fields[i].column, (long long)col);
}

static void expect_error(lexed *t, const char *why, int64_t line, int64_t col)
{
    cr_assert_eq(next(t), MS_ERR_DATA);
    cr_assert_not_null(t->lx.error);
    cr_assert_str_eq(t->lx.error, why);
    cr_assert_eq(t->lx.error_line, line, "error line %lld", (long long)t->lx.error_line);
    cr_assert_eq(t->lx.error_column, col, "error column %lld", (long long)t->lx.error_column);
}

Test(csv_lex, quoted_field_keeps_embedded_comma_newline_and_quote)
{
    lexed t;
    OPEN(&t, "a,\"b, \"\"quoted\"\"\nnext line\",c\nd,e,f\n", ',');
    next_ok(&t, 3);
    expect_field(&t.lx, 0, "a", 1, 1);
    expect_field(&t.lx, 1, "b, \"quoted\"\nnext line", 1, 3);
    cr_assert(t.lx.fields[1].quoted);
    cr_assert_not(t.lx.fields[0].quoted);
    expect_field(&t.lx, 2, "c", 2, 12); /* `next line",` is 11 bytes of line 2 */
    cr_assert_eq(t.lx.record_line, 1, "a record that spans lines keeps its first line");
    next_ok(&t, 3);
    expect_field(&t.lx, 0, "d", 3, 1);
    cr_assert_eq(t.lx.record_line, 3);
    expect_end(&t);
    close_text(&t);
}

Test(csv_lex, crlf_bom_and_a_last_record_without_newline)
{
    lexed t;
    OPEN(&t, "\xEF\xBB\xBFname,value\r\nx,1\r\ny,2", ',');
    next_ok(&t, 2);
    expect_field(&t.lx, 0, "name", 1, 1); /* the BOM is neither text nor a column */
    expect_field(&t.lx, 1, "value", 1, 6);
    next_ok(&t, 2);
    expect_field(&t.lx, 1, "1", 2, 3);
    next_ok(&t, 2);
    expect_field(&t.lx, 0, "y", 3, 1);
    expect_field(&t.lx, 1, "2", 3, 3);
    expect_end(&t);
    close_text(&t);
}

Test(csv_lex, crlf_inside_quotes_is_kept_and_counts_as_a_line)
{
    lexed t;
    OPEN(&t, "\"one\r\ntwo\",x\r\nz,\"q\"\r\n", ',');
    next_ok(&t, 2);
    expect_field(&t.lx, 0, "one\r\ntwo", 1, 1);
    expect_field(&t.lx, 1, "x", 2, 6);
    next_ok(&t, 2);
    expect_field(&t.lx, 0, "z", 3, 1);
    expect_field(&t.lx, 1, "q", 3, 3);
    expect_end(&t);
    close_text(&t);
}

Test(csv_lex, a_bom_is_skipped_only_at_the_start)
{
    lexed t;
    OPEN(&t, "a\n\xEF\xBB\xBF" "b\n", ',');
    next_ok(&t, 1);
    next_ok(&t, 1);
    expect_field(&t.lx, 0, "\xEF\xBB\xBF" "b", 2, 1);
    close_text(&t);
}

Test(csv_lex, bytes_that_only_begin_like_a_bom_are_data)
{
    lexed t;
    OPEN(&t, "\xEF\xBBx,y", ',');
    next_ok(&t, 2);
    expect_field(&t.lx, 0, "\xEF\xBBx", 1, 1);
    expect_field(&t.lx, 1, "y", 1, 5);
    expect_end(&t);
    close_text(&t);
}

Test(csv_lex, empty_fields_and_a_trailing_delimiter_stay_on_their_line)
{
    lexed t;
    OPEN(&t, "a,,\"\",\nb\n", ',');
    next_ok(&t, 4);
    expect_field(&t.lx, 1, "", 1, 3);
    expect_field(&t.lx, 2, "", 1, 4);
    cr_assert(t.lx.fields[2].quoted);
    expect_field(&t.lx, 3, "", 1, 7);
    cr_assert_eq(t.lx.end_line, 1);
    cr_assert_eq(t.lx.end_column, 7);
    next_ok(&t, 1);
    expect_field(&t.lx, 0, "b", 2, 1);
    close_text(&t);
}

Test(csv_lex, a_blank_line_is_one_empty_field)
{
    lexed t;
    OPEN(&t, "a\n\r\nb", ',');
    next_ok(&t, 1);
    next_ok(&t, 1);
    expect_field(&t.lx, 0, "", 2, 1);
    cr_assert_not(t.lx.fields[0].quoted);
    next_ok(&t, 1);
    expect_field(&t.lx, 0, "b", 3, 1);
    expect_end(&t);
    close_text(&t);
}

Test(csv_lex, empty_input_is_the_end_at_once)
{
    lexed t;
    OPEN(&t, "", ',');
    expect_end(&t);
    expect_end(&t);
    close_text(&t);
}

Test(csv_lex, a_final_cr_is_not_part_of_the_last_field)
{
    lexed t;
    OPEN(&t, "a,b\r", ',');
    next_ok(&t, 2);
    expect_field(&t.lx, 1, "b", 1, 3);
    expect_end(&t);
    close_text(&t);
}

Test(csv_lex, a_lone_cr_inside_a_field_is_data)
{
    lexed t;
    OPEN(&t, "a\rb,c\n", ',');
    next_ok(&t, 2);
    expect_field(&t.lx, 0, "a\rb", 1, 1);
    close_text(&t);
}

Test(csv_lex, the_end_of_a_record_is_where_its_line_end_starts)
{
    lexed t;
    OPEN(&t, "abc,\"d\ne\"\r\nx", ',');
    next_ok(&t, 2);
    cr_assert_eq(t.lx.end_line, 2);
    cr_assert_eq(t.lx.end_column, 3, "after `e\"` on line 2");
    next_ok(&t, 1);
    cr_assert_eq(t.lx.end_line, 3);
    cr_assert_eq(t.lx.end_column, 2, "end of input after `x`");
    close_text(&t);
}

Test(csv_lex, tab_delimiter_leaves_commas_in_fields)
{
    lexed t;
    OPEN(&t, "143,000\tRU\n", '\t');
    next_ok(&t, 2);
    expect_field(&t.lx, 0, "143,000", 1, 1);
    expect_field(&t.lx, 1, "RU", 1, 9);
    close_text(&t);
}

Test(csv_lex, semicolon_delimiter_leaves_commas_in_fields)
{
    lexed t;
    OPEN(&t, "1,5;\"a;b\";c\n", ';');
    next_ok(&t, 3);
    expect_field(&t.lx, 0, "1,5", 1, 1);
    expect_field(&t.lx, 1, "a;b", 1, 5);
    expect_field(&t.lx, 2, "c", 1, 11);
    close_text(&t);
}

Test(csv_lex, automatic_delimiter_is_the_first_one_in_the_first_record)
{
    lexed t;
    OPEN(&t, "\"x,y\";b\tc\n1,5;2\n", 0);
    next_ok(&t, 2);
    cr_assert_eq(t.lx.delimiter, ';', "a comma inside quotes does not count");
    expect_field(&t.lx, 0, "x,y", 1, 1);
    expect_field(&t.lx, 1, "b\tc", 1, 7);
    next_ok(&t, 2);
    expect_field(&t.lx, 0, "1,5", 2, 1);
    close_text(&t);
}

Test(csv_lex, automatic_delimiter_falls_back_to_comma)
{
    lexed t;
    OPEN(&t, "value\n1,2\n", 0);
    next_ok(&t, 1);
    cr_assert_eq(t.lx.delimiter, ',');
    next_ok(&t, 2);
    close_text(&t);
}

Test(csv_lex, quote_inside_unquoted_field_is_an_error_and_the_next_record_is_read)
{
    lexed t;
    OPEN(&t, "ab\"c,d\nok,1\n", ',');
    expect_error(&t, "quote inside an unquoted field", 1, 3);
    cr_assert_eq(t.lx.n_fields, 2, "the malformed record's fields are still split");
    next_ok(&t, 2);
    expect_field(&t.lx, 0, "ok", 2, 1);
    close_text(&t);
}

Test(csv_lex, text_after_a_closing_quote_is_an_error)
{
    lexed t;
    OPEN(&t, "x,\"a\"b c,d\nnext,2\n", ',');
    expect_error(&t, "unexpected text after a closing quote", 1, 6);
    cr_assert_eq(t.lx.n_fields, 3);
    expect_field(&t.lx, 2, "d", 1, 10);
    next_ok(&t, 2);
    expect_field(&t.lx, 0, "next", 2, 1);
    close_text(&t);
}

Test(csv_lex, unterminated_quote_is_reported_where_it_opened)
{
    lexed t;
    OPEN(&t, "x,1\ny,\"never closed\nmore\n", ',');
    next_ok(&t, 2);
    expect_error(&t, "unterminated quoted field", 2, 3);
    expect_end(&t);
    close_text(&t);
}

Test(csv_lex, nul_byte_is_an_error_in_plain_and_quoted_fields)
{
    lexed t;
    OPEN(&t, "a,b\0c\nd,\"e\0\"\nf\n", ',');
    expect_error(&t, "NUL byte in field", 1, 4);
    expect_error(&t, "NUL byte in field", 2, 5);
    next_ok(&t, 1);
    expect_field(&t.lx, 0, "f", 3, 1);
    close_text(&t);
}

Test(csv_lex, only_the_first_problem_of_a_record_is_kept)
{
    lexed t;
    OPEN(&t, "a\"b,\"c\"d\n", ',');
    expect_error(&t, "quote inside an unquoted field", 1, 2);
    close_text(&t);
}

Test(csv_lex, a_long_record_is_read_whole)
{
    static char text[300000];
    memset(text, 'x', sizeof text - 2);
    text[sizeof text - 2] = '\n';
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    next_ok(&t, 1);
    cr_assert_eq(t.lx.fields[0].len, sizeof text - 2);
    cr_assert_eq(t.lx.fields[0].text[12345], 'x');
    close_text(&t);
}

Test(csv_lex, a_record_over_the_cap_is_an_error_and_reading_goes_on)
{
    static char text[6000];
    memset(text, 'y', sizeof text);
    memcpy(text, "short\n\"", 7); /* line 2: a quoted field of ~6000 bytes */
    memcpy(text + sizeof text - 6, "\",x\nok", 6);
    lexed t;
    open_text(&t, text, sizeof text, ',');
    t.lx.max_record = 100;
    next_ok(&t, 1);
    expect_error(&t, "record is too long", 2, 1);
    cr_assert_eq(t.lx.n_fields, 2);
    cr_assert_leq(t.lx.buf_cap, 256, "the dropped bytes are not kept (%zu)", t.lx.buf_cap);
    next_ok(&t, 1);
    expect_field(&t.lx, 0, "ok", 3, 1);
    expect_end(&t);
    close_text(&t);
}

Test(csv_lex, memory_is_bounded_by_the_longest_record_not_the_file)
{
    FILE *fp = tmpfile();
    cr_assert_not_null(fp);
    for (int i = 0; i < 20000; i++)
        fprintf(fp, "row%d,\"text, %d\"\n", i, i);
    rewind(fp);
    ms_csv_lexer lx;
    ms_csv_lexer_init(&lx, fp, ',');
    bool end = false;
    size_t records = 0;
    while (ms_csv_next(&lx, &end) == MS_OK && !end) {
        records++;
        cr_assert_eq(lx.n_fields, 2);
    }
    cr_assert(end);
    cr_assert_eq(records, 20000);
    cr_assert_leq(lx.buf_cap, 256, "buffer of %zu bytes for records of about 25", lx.buf_cap);
    cr_assert_leq(lx.fields_cap, 16);
    ms_csv_lexer_free(&lx);
    fclose(fp);
}

/* ------------------------------------------------------------ more cases */

Test(csv_lex, crlf_and_lf_records_give_the_same_fields_and_lines)
{
    static const char crlf[] = "a,b\r\nc,d\r\n";
    static const char lf[] = "a,b\nc,d\n";
    const char *texts[] = {crlf, lf};
    size_t lens[] = {sizeof crlf - 1, sizeof lf - 1};
    for (int k = 0; k < 2; k++) {
        lexed t;
        open_text(&t, texts[k], lens[k], ',');
        bool end;
        cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
        cr_assert_eq(t.lx.n_fields, 2);
        expect_field(&t.lx, 1, "b", 1, 3);
        cr_assert_eq(t.lx.end_column, 4, "the line end starts after 'b'");
        cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
        expect_field(&t.lx, 0, "c", 2, 1);
        expect_field(&t.lx, 1, "d", 2, 3);
        cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
        cr_assert(end, "text %d: no record after the last line end", k);
        cr_assert_eq(t.lx.n_fields, 0);
        close_text(&t);
    }
}

Test(csv_lex, a_utf8_bom_is_skipped_and_not_counted_as_columns)
{
    static const char text[] = "\xEF\xBB\xBF\"metric\",period\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    expect_field(&t.lx, 0, "metric", 1, 1);
    cr_assert(t.lx.fields[0].quoted, "the BOM does not hide the opening quote");
    expect_field(&t.lx, 1, "period", 1, 10);
    close_text(&t);
}

Test(csv_lex, a_bom_later_in_the_input_is_data)
{
    static const char text[] = "a\n\xEF\xBB\xBF" "b\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    expect_field(&t.lx, 0, "\xEF\xBB\xBF" "b", 2, 1);
    close_text(&t);
}

Test(csv_lex, a_last_record_without_newline_keeps_its_last_field)
{
    static const char text[] = "x,\"q\"";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_not(end);
    cr_assert_eq(t.lx.n_fields, 2);
    expect_field(&t.lx, 1, "q", 1, 3);
    cr_assert(t.lx.fields[1].quoted);
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert(end);
    close_text(&t);
}

Test(csv_lex, a_trailing_delimiter_gives_an_empty_last_field_at_its_column)
{
    static const char text[] = "a,b,\nc,d,\r\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_eq(t.lx.n_fields, 3);
    expect_field(&t.lx, 2, "", 1, 5);
    cr_assert_not(t.lx.fields[2].quoted);
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_eq(t.lx.n_fields, 3);
    expect_field(&t.lx, 2, "", 2, 5);
    close_text(&t);
}

Test(csv_lex, an_empty_quoted_field_is_empty_and_marked_quoted)
{
    static const char text[] = "\"\",x,\"\"\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_eq(t.lx.n_fields, 3);
    expect_field(&t.lx, 0, "", 1, 1);
    cr_assert(t.lx.fields[0].quoted);
    expect_field(&t.lx, 1, "x", 1, 4);
    cr_assert_not(t.lx.fields[1].quoted);
    expect_field(&t.lx, 2, "", 1, 6);
    cr_assert(t.lx.fields[2].quoted);
    close_text(&t);
}

Test(csv_lex, a_blank_line_is_one_empty_unquoted_field)
{
    static const char text[] = "a\n\nb\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_not(end);
    cr_assert_eq(t.lx.n_fields, 1);
    expect_field(&t.lx, 0, "", 2, 1);
    cr_assert_not(t.lx.fields[0].quoted);
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    expect_field(&t.lx, 0, "b", 3, 1);
    close_text(&t);
}

Test(csv_lex, a_record_spanning_lines_keeps_its_first_line)
{
    /* the second field opens on line 2 and closes on line 4 */
    static const char text[] = "h1,h2,h3\n" "r,\"one\r\ntwo\nthree\",z\n" "last,1,2\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_eq(t.lx.record_line, 2);
    expect_field(&t.lx, 0, "r", 2, 1);
    expect_field(&t.lx, 1, "one\r\ntwo\nthree", 2, 3);
    expect_field(&t.lx, 2, "z", 4, 8);
    cr_assert_eq(t.lx.end_line, 4);
    cr_assert_eq(t.lx.end_column, 9);
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_eq(t.lx.record_line, 5);
    expect_field(&t.lx, 2, "2", 5, 8);
    close_text(&t);
}

Test(csv_lex, columns_are_byte_columns)
{
    /* "é" is two bytes, "Москва" twelve */
    static const char text[] = "\xC3\xA9,\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0,x\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    expect_field(&t.lx, 0, "\xC3\xA9", 1, 1);
    expect_field(&t.lx, 1, "Москва", 1, 4);
    expect_field(&t.lx, 2, "x", 1, 17);
    close_text(&t);
}

Test(csv_lex, tab_delimiter_with_quoted_tabs_and_empty_cells)
{
    static const char text[] = "a\t\"b\tc\"\t\td\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, '\t');
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_eq(t.lx.n_fields, 4);
    expect_field(&t.lx, 0, "a", 1, 1);
    expect_field(&t.lx, 1, "b\tc", 1, 3);
    expect_field(&t.lx, 2, "", 1, 9);
    expect_field(&t.lx, 3, "d", 1, 10);
    close_text(&t);
}

Test(csv_lex, an_automatic_delimiter_is_the_first_one_met_outside_quotes)
{
    static const char text[] = "\"a,b\";c,d\nx;y\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, 0);
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_eq(t.lx.delimiter, ';');
    cr_assert_eq(t.lx.n_fields, 2);
    expect_field(&t.lx, 0, "a,b", 1, 1);
    expect_field(&t.lx, 1, "c,d", 1, 7);
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_eq(t.lx.n_fields, 2);
    expect_field(&t.lx, 1, "y", 2, 3);
    close_text(&t);
}

Test(csv_lex, unterminated_quote_at_eof_gives_its_fields_then_the_end)
{
    static const char text[] = "a,\"open\nstill open";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_ERR_DATA);
    cr_assert_not(end);
    cr_assert_str_eq(t.lx.error, "unterminated quoted field");
    cr_assert_eq(t.lx.error_line, 1);
    cr_assert_eq(t.lx.error_column, 3);
    cr_assert_eq(t.lx.n_fields, 2);
    cr_assert_str_eq(t.lx.fields[1].text, "open\nstill open");
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert(end);
    close_text(&t);
}

Test(csv_lex, quote_inside_an_unquoted_field_on_a_later_line_points_at_the_quote)
{
    static const char text[] = "\"x\ny\",ab\"c\nok\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_ERR_DATA);
    cr_assert_str_eq(t.lx.error, "quote inside an unquoted field");
    cr_assert_eq(t.lx.error_line, 2);
    cr_assert_eq(t.lx.error_column, 6);
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    expect_field(&t.lx, 0, "ok", 3, 1);
    cr_assert_eq(t.lx.n_fields, 1);
    close_text(&t);
}

Test(csv_lex, text_after_a_closing_quote_reports_only_the_first_problem)
{
    static const char text[] = "ok,\"a\"xyz,\"b\"q\nnext,\"2\"\r\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_ERR_DATA);
    cr_assert_str_eq(t.lx.error, "unexpected text after a closing quote");
    cr_assert_eq(t.lx.error_line, 1);
    cr_assert_eq(t.lx.error_column, 7);
    cr_assert_eq(t.lx.n_fields, 3, "the delimiter after the junk still separates fields");
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_eq(t.lx.n_fields, 2);
    expect_field(&t.lx, 0, "next", 2, 1);
    expect_field(&t.lx, 1, "2", 2, 6);
    close_text(&t);
}

Test(csv_lex, nul_byte_in_a_quoted_field_is_an_error_at_its_position)
{
    static const char text[] = "\"ab\0c\",d\ne,f\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_ERR_DATA);
    cr_assert_str_eq(t.lx.error, "NUL byte in field");
    cr_assert_eq(t.lx.error_line, 1);
    cr_assert_eq(t.lx.error_column, 4);
    cr_assert_eq(t.lx.n_fields, 2);
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    expect_field(&t.lx, 0, "e", 2, 1);
    expect_field(&t.lx, 1, "f", 2, 3);
    close_text(&t);
}

Test(csv_lex, a_record_past_the_cap_is_an_error_and_the_next_record_is_read)
{
    static const char text[] = "0123456789abcdef,x\nok,1\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    t.lx.max_record = 8;
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_ERR_DATA);
    cr_assert_str_eq(t.lx.error, "record is too long");
    cr_assert_eq(t.lx.error_line, 1);
    cr_assert_lt(t.lx.fields[0].len, 9, "memory stays bounded by the cap");
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    expect_field(&t.lx, 0, "ok", 2, 1);
    expect_field(&t.lx, 1, "1", 2, 4);
    close_text(&t);
}

Test(csv_lex, a_lone_cr_inside_a_line_is_data_and_a_final_cr_ends_the_record)
{
    static const char text[] = "a\rb,c\r";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert_eq(t.lx.n_fields, 2);
    expect_field(&t.lx, 0, "a\rb", 1, 1);
    expect_field(&t.lx, 1, "c", 1, 5);
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert(end);
    close_text(&t);
}

Test(csv_lex, an_empty_input_has_no_record)
{
    static const char text[] = "\xEF\xBB\xBF";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end = false;
    cr_assert_eq(ms_csv_next(&t.lx, &end), MS_OK);
    cr_assert(end);
    cr_assert_eq(t.lx.n_fields, 0);
    close_text(&t);
}
