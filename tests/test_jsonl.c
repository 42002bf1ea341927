/* test_jsonl.c — figures survive a JSON Lines round trip; bad lines are
 * reported with their line and column and do not stop the reading. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/jsonl.h"

static FILE *from_text(const char *text)
{
    FILE *fp = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
    cr_assert_not_null(fp);
    return fp;
}

Test(jsonl, figure_round_trips_every_field)
{
    ms_figure f;
    ms_figure_init(&f);
    f.id = "press.csv:4";
    f.metric = "deportations";
    f.kind = MS_KIND_COUNT;
    f.value = 93000;
    f.hedge = MS_HEDGE_NEARLY;
    ms_figure_set_range_from_hedge(&f, 1000);
    f.unit = "persons";
    cr_assert_eq(ms_period_parse("2024-01/2024-07", 15, &f.period), MS_OK);
    cr_assert_eq(ms_period_parse("2023-01/2023-07", 15, &f.base), MS_OK);
    f.place = "RU";
    f.subject = "foreign_citizens";
    f.source = "outlet \"A\"\\B";
    cr_assert_eq(ms_date_parse("2024-10-08", 10, &f.published), MS_OK);
    f.quote = "line one\nline two\ttab";
    f.line = 4;
    f.column = 17;
    f.flags = "p";
    f.n_inputs = 2;
    f.inputs[0] = "a#1";
    f.inputs[1] = "b#2";

    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_jsonl_format_figure(&f, &sb);
    cr_assert_not(ms_strbuf_failed(&sb));
    cr_assert_eq(sb.data[sb.len - 1], '\n');
    cr_assert_null(memchr(sb.data, '\n', sb.len - 1), "one figure is one line");

    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_diag diag;
    ms_diag_init(&diag);
    cr_assert_eq(ms_jsonl_parse_line(sb.data, sb.len - 1, "t", 1, &set, &diag), MS_OK);
    cr_assert_eq(set.count, 1);
    const ms_figure *g = &set.items[0];
    cr_assert_str_eq(g->id, f.id);
    cr_assert_str_eq(g->metric, "deportations");
    cr_assert_eq(g->value, 93000);
    cr_assert_eq(g->hedge, MS_HEDGE_NEARLY);
    cr_assert_eq(g->range.lo, f.range.lo);
    cr_assert_eq(g->range.hi, f.range.hi);
    cr_assert_eq(g->range.hi_open, f.range.hi_open);
    cr_assert(ms_period_equal(g->period, f.period));
    cr_assert(ms_period_equal(g->base, f.base));
    cr_assert_str_eq(g->source, f.source);
    cr_assert_str_eq(g->quote, f.quote);
    cr_assert_eq(g->published, f.published);
    cr_assert_eq(g->line, 4);
    cr_assert_eq(g->column, 17);
    cr_assert_null(g->lang);
    cr_assert_eq(g->n_inputs, 2);
    cr_assert_str_eq(g->inputs[1], "b#2");

    /* and writing it again gives the same bytes */
    ms_strbuf again;
    ms_strbuf_init(&again);
    ms_jsonl_format_figure(g, &again);
    cr_assert_str_eq(ms_strbuf_str(&again), ms_strbuf_str(&sb));
    ms_strbuf_free(&again);
    ms_strbuf_free(&sb);
    ms_diag_free(&diag);
    ms_figure_set_free(&set);
}

Test(jsonl, missing_value_is_written_as_null_and_read_back_as_missing)
{
    ms_figure f;
    ms_figure_init(&f);
    f.metric = "entry_denials";
    f.source = "s";
    f.line = 3;
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_jsonl_format_figure(&f, &sb);
    cr_assert_not_null(strstr(ms_strbuf_str(&sb), "\"value\":null"));
    cr_assert_null(strstr(ms_strbuf_str(&sb), "\"value\":0"));

    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_diag diag;
    ms_diag_init(&diag);
    FILE *in = from_text(ms_strbuf_str(&sb));
    cr_assert_eq(ms_jsonl_read(in, "t.jsonl", &set, &diag), MS_OK);
    fclose(in);
    cr_assert_eq(set.count, 1);
    cr_assert(ms_figure_is_missing(&set.items[0]));
    cr_assert_eq(diag.n_missing, 1);
    ms_strbuf_free(&sb);
    ms_diag_free(&diag);
    ms_figure_set_free(&set);
}

Test(jsonl, interval_is_derived_from_hedge_when_lo_and_hi_are_absent)
{
    const char *text = "{\"metric\":\"entry_denials\",\"value\":143000,\"hedge\":\"more_than\",\"period\":\"2024-01/2024-07\"}\n";
    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_diag diag;
    ms_diag_init(&diag);
    FILE *in = from_text(text);
    cr_assert_eq(ms_jsonl_read(in, "t.jsonl", &set, &diag), MS_OK);
    fclose(in);
    const ms_figure *g = &set.items[0];
    cr_assert_eq(g->range.lo, 143000);
    cr_assert(g->range.lo_open);
    cr_assert_eq(g->range.hi, 144000);
    cr_assert_not(g->range.hi_open);
    char buf[MS_PERIOD_BUFSZ];
    ms_period_format(g->period, buf);
    cr_assert_str_eq(buf, "2024-01/2024-07");
    ms_diag_free(&diag);
    ms_figure_set_free(&set);
}

Test(jsonl, bad_lines_are_reported_with_position_and_good_lines_kept)
{
    const char *text =
        "{\"metric\":\"deaths\",\"value\":144}\n"
        "{\"metric\":\"deaths\",\"value\":\"many\"}\n"
        "\n"
        "{\"metric\":\"deaths\",\"value\":145\n"
        "[1,2]\n"
        "{\"metric\":\"deaths\",\"value\":145,\"kind\":\"lots\"}\n"
        "{\"value\":1}\n"
        "{\"metric\":\"deaths\",\"value\":140,\"hedge\":\"more_than\"}\n";
    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_diag diag;
    ms_diag_init(&diag);
    FILE *in = from_text(text);
    cr_assert_eq(ms_jsonl_read(in, "d.jsonl", &set, &diag), MS_ERR_DATA);
    fclose(in);
    cr_assert_eq(set.count, 2);
    cr_assert_eq(set.items[1].value, 140);
    cr_assert_eq(diag.n_read, 7, "blank line is not a record");
    cr_assert_eq(diag.n_accepted, 2);
    cr_assert_eq(diag.n_rejected, 5);
    cr_assert_eq(diag.count, 5);
    cr_assert_eq(diag.entries[0].line, 2);
    cr_assert_not_null(strstr(diag.entries[0].reason, "'value'"));
    cr_assert_eq(diag.entries[1].line, 4);
    cr_assert_str_eq(diag.entries[1].reason, "invalid JSON");
    cr_assert_gt(diag.entries[1].column, 1);
    cr_assert_eq(diag.entries[2].line, 5);
    cr_assert_not_null(strstr(diag.entries[3].reason, "unknown kind 'lots'"));
    cr_assert_not_null(strstr(diag.entries[4].reason, "'metric' is required"));
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_diag_format_entry(&diag.entries[3], &sb);
    cr_assert_str_eq(ms_strbuf_str(&sb), "d.jsonl:6: unknown kind 'lots'");
    ms_strbuf_free(&sb);
    ms_diag_free(&diag);
    ms_figure_set_free(&set);
}

Test(jsonl, control_characters_are_escaped)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_json_quote("a\x01" "b\"c\\", &sb);
    cr_assert_str_eq(ms_strbuf_str(&sb), "\"a\\u0001b\\\"c\\\\\"");
    ms_strbuf_free(&sb);
}
