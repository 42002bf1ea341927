/* test_csv_lex.c — the RFC 4180 tokenizer: quoting, line endings, BOM,
 * positions of every field, and errors that skip one record only. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "ingest/csv_lex.h"

typedef struct lexed {
    FILE *fp;
    ms_csv_lexer lx;
} lexed;

static void open_text(lexed *t, const char *text, size_t len, char delim)
{
    t->fp = fmemopen((void *)(uintptr_t)text, len, "r");
    cr_assert_not_null(t->fp);
    ms_csv_lexer_init(&t->lx, t->fp, delim);
}

static void close_text(lexed *t)
{
    ms_csv_lexer_free(&t->lx);
    fclose(t->fp);
}

static ms_status next(lexed *t, bool *at_end)
{
    return ms_csv_next(&t->lx, at_end);
}

static void expect_field(const ms_csv_lexer *lx, size_t i, const char *text, int64_t line, int64_t col)
{
    cr_assert_lt(i, lx->n_fields, "field %zu missing", i);
    cr_assert_eq(lx->fields[i].len, strlen(text), "field %zu length", i);
    cr_assert_str_eq(lx->fields[i].text, text);
    cr_assert_eq(lx->fields[i].line, line, "field %zu line %lld, expected %lld", i,
                 (long long)lx->fields[i].line, (long long)line);
    cr_assert_eq(lx->fields[i].column, col, "field %zu column %lld, expected %lld", i,
                 (long long)lx->fields[i].column, (long long)col);
}

Test(csv_lex, quoted_field_keeps_embedded_comma_newline_and_quote)
{
    static const char text[] = "a,\"b, \"\"quoted\"\"\nnext line\",c\nd,e,f\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(next(&t, &end), MS_OK);
    cr_assert_eq(t.lx.n_fields, 3);
    expect_field(&t.lx, 0, "a", 1, 1);
    expect_field(&t.lx, 1, "b, \"quoted\"\nnext line", 1, 3);
    cr_assert(t.lx.fields[1].quoted);
    expect_field(&t.lx, 2, "c", 2, 12);
    cr_assert_eq(next(&t, &end), MS_OK);
    expect_field(&t.lx, 0, "d", 3, 1);
    cr_assert_eq(t.lx.record_line, 3, "the record after a two-line record starts on line 3");
    cr_assert_eq(next(&t, &end), MS_OK);
    cr_assert(end);
    close_text(&t);
}

Test(csv_lex, crlf_bom_and_a_last_record_without_newline)
{
    static const char text[] = "\xEF\xBB\xBFname,value\r\nx,1\r\ny,2";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(next(&t, &end), MS_OK);
    expect_field(&t.lx, 0, "name", 1, 1);
    expect_field(&t.lx, 1, "value", 1, 6);
    cr_assert_eq(next(&t, &end), MS_OK);
    expect_field(&t.lx, 1, "1", 2, 3);
    cr_assert_eq(next(&t, &end), MS_OK);
    cr_assert_not(end);
    expect_field(&t.lx, 0, "y", 3, 1);
    expect_field(&t.lx, 1, "2", 3, 3);
    cr_assert_eq(next(&t, &end), MS_OK);
    cr_assert(end);
    close_text(&t);
}

Test(csv_lex, empty_fields_and_a_trailing_delimiter_count)
{
    static const char text[] = "a,,\"\",\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(next(&t, &end), MS_OK);
    cr_assert_eq(t.lx.n_fields, 4);
    cr_assert_str_eq(t.lx.fields[1].text, "");
    cr_assert(t.lx.fields[2].quoted);
    cr_assert_str_eq(t.lx.fields[3].text, "");
    close_text(&t);
}

Test(csv_lex, tab_delimiter_leaves_commas_in_fields)
{
    static const char text[] = "143,000\tRU\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, '\t');
    bool end;
    cr_assert_eq(next(&t, &end), MS_OK);
    cr_assert_eq(t.lx.n_fields, 2);
    expect_field(&t.lx, 0, "143,000", 1, 1);
    expect_field(&t.lx, 1, "RU", 1, 9);
    close_text(&t);
}

Test(csv_lex, quote_inside_unquoted_field_is_an_error_and_the_next_record_is_read)
{
    static const char text[] = "ab\"c,d\nok,1\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(next(&t, &end), MS_ERR_DATA);
    cr_assert_str_eq(t.lx.error, "quote inside an unquoted field");
    cr_assert_eq(t.lx.error_line, 1);
    cr_assert_eq(t.lx.error_column, 3);
    cr_assert_eq(next(&t, &end), MS_OK);
    expect_field(&t.lx, 0, "ok", 2, 1);
    close_text(&t);
}

Test(csv_lex, text_after_a_closing_quote_is_an_error)
{
    static const char text[] = "\"a\"b,c\nnext,2\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(next(&t, &end), MS_ERR_DATA);
    cr_assert_str_eq(t.lx.error, "unexpected text after a closing quote");
    cr_assert_eq(t.lx.error_column, 4);
    cr_assert_eq(next(&t, &end), MS_OK);
    expect_field(&t.lx, 0, "next", 2, 1);
    close_text(&t);
}

Test(csv_lex, unterminated_quote_is_reported_where_it_opened)
{
    static const char text[] = "x,1\ny,\"never closed\nmore\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(next(&t, &end), MS_OK);
    cr_assert_eq(next(&t, &end), MS_ERR_DATA);
    cr_assert_str_eq(t.lx.error, "unterminated quoted field");
    cr_assert_eq(t.lx.error_line, 2);
    cr_assert_eq(t.lx.error_column, 3);
    close_text(&t);
}

Test(csv_lex, nul_byte_is_an_error)
{
    static const char text[] = "a,b\0c\nd,e\n";
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(next(&t, &end), MS_ERR_DATA);
    cr_assert_str_eq(t.lx.error, "NUL byte in field");
    cr_assert_eq(t.lx.error_column, 4);
    cr_assert_eq(next(&t, &end), MS_OK);
    expect_field(&t.lx, 0, "d", 2, 1);
    close_text(&t);
}

Test(csv_lex, a_long_record_is_read_whole)
{
    static char text[300000];
    memset(text, 'x', sizeof text - 2);
    text[sizeof text - 2] = '\n';
    lexed t;
    open_text(&t, text, sizeof text - 1, ',');
    bool end;
    cr_assert_eq(next(&t, &end), MS_OK);
    cr_assert_eq(t.lx.n_fields, 1);
    cr_assert_eq(t.lx.fields[0].len, sizeof text - 2);
    close_text(&t);
}
