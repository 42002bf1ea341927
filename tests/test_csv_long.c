/* test_csv_long.c — the long CSV layout: columns found by name in any
 * order, grouped numbers, missing values kept missing, every rejected row
 * reported at its cell while the good rows are kept, intervals from hedges,
 * rounding and lo/hi, ids and sources, and the choice of reader. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "diag_text.h"
#include "ingest/ingest.h"

static ms_metric_registry reg;
static ms_figure_set set;
static ms_diag diag;
static ms_ingest_options opt;

static void setup(void)
{
    static const char text[] = "name\tfamily\tunit\tdescription\n"
                               "entry_denials\tentry_restrictions\tpersons\tturned back at the border\n"
                               "entry_bans\tentry_restrictions\tpersons\tbarred from coming back\n"
                               "deportations\tremovals\tpersons\tremoved by order\n";
    ms_metric_registry_init(&reg);
    ms_diag_init(&diag);
    cr_assert_eq(ms_metric_registry_load_text(&reg, "m", text, sizeof text - 1, &diag), MS_OK);
    ms_figure_set_init(&set);
    opt = (ms_ingest_options){.metrics = &reg};
}

static void teardown(void)
{
    ms_figure_set_free(&set);
    ms_metric_registry_free(&reg);
    ms_diag_free(&diag);
}

TestSuite(csv_long, .init = setup, .fini = teardown);


/* Reads text as a stream with the given name. */
static ms_status ingest_text(const char *text, const char *name, ms_input_format format)
{
    FILE *fp = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
    cr_assert_not_null(fp);
    ms_status st = ms_ingest_stream(fp, name, format, &opt, &set, &diag);
    fclose(fp);
    return st;
}

static void expect_range(const ms_figure *f, double lo, bool lo_open, double hi, bool hi_open)
{
    cr_assert_float_eq(f->range.lo, lo, 1e-9, "%s: lo %.17g, expected %.17g", f->id, f->range.lo, lo);
    cr_assert_float_eq(f->range.hi, hi, 1e-9, "%s: hi %.17g, expected %.17g", f->id, f->range.hi, hi);
    cr_assert_eq(f->range.lo_open, lo_open, "%s: lo_open", f->id);
    cr_assert_eq(f->range.hi_open, hi_open, "%s: hi_open", f->id);
}

/* ------------------------------------------------------------ columns and numbers */

Test(csv_long, columns_in_any_order_and_grouped_numbers)
{
    cr_assert_eq(ms_ingest_path("fixtures/csv_groups.csv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_OK);
    cr_assert_eq(set.count, 6);
    cr_assert_eq(diag.count, 0, "no diagnostics for a clean file");
    const ms_figure *f = &set.items[0];
    cr_assert_str_eq(f->metric, "entry_denials");
    cr_assert_eq(f->kind, MS_KIND_COUNT, "kind defaults to count");
    cr_assert_eq(f->value, 143000, "comma groups");
    cr_assert_str_eq(f->source, "csv_groups", "an empty source cell falls back to the file stem");
    cr_assert_str_eq(f->id, "csv_groups.csv:2");
    cr_assert_eq(f->line, 2);
    cr_assert_eq(f->column, 1, "the value cell's column");
    cr_assert_str_eq(f->unit, "persons", "the registry's unit");
    cr_assert_str_eq(f->place, "RU");
    char buf[MS_PERIOD_BUFSZ];
    ms_period_format(f->period, buf);
    cr_assert_str_eq(buf, "2024-01/2024-07");
    cr_assert_eq(set.items[1].value, 93000, "no-break space groups");
    cr_assert_str_eq(set.items[1].source, "wire");
    cr_assert_str_eq(set.items[1].id, "csv_groups.csv:3");
    cr_assert_eq(set.items[1].column, 1);
    cr_assert_eq(set.items[2].value, 12345, "narrow no-break space groups");
    cr_assert_eq(set.items[2].hedge, MS_HEDGE_NONE, "hedge defaults to none");
}

Test(csv_long, hedge_and_rounding_give_the_interval)
{
    cr_assert_eq(ms_ingest_path("fixtures/csv_groups.csv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_OK);
    /* "more than 143,000": rounded to thousands -> (143000, 144000] */
    expect_range(&set.items[0], 143000, true, 144000, false);
    /* "nearly 93 000" -> [0.9 X, X) */
    expect_range(&set.items[1], 83700, false, 93000, true);
    /* a bare "12 345" rounded to units -> [X - 0.5, X + 0.5) */
    expect_range(&set.items[2], 12344.5, false, 12345.5, true);
}

Test(csv_long, every_hedge_of_the_conventions_table)
{
    cr_assert_eq(ms_ingest_path("fixtures/csv_hedges.csv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_OK);
    cr_assert_eq(set.count, 9);
    const ms_figure *f = set.items;
    expect_range(&f[0], 1500, false, 2500, false);   /* about 2,000: r/2 = 500 beats 5 % */
    expect_range(&f[1], 15000, false, 25000, false); /* about 20,000: r = 10,000 */
    expect_range(&f[2], 150, false, 160, false);     /* at least 150 */
    expect_range(&f[3], 1100, false, 1200, true);    /* less than 1,200 */
    expect_range(&f[4], 200, false, 300, false);     /* up to 300 */
    expect_range(&f[5], 11500, false, 12500, true);  /* 12,000 */
    cr_assert_eq(f[6].kind, MS_KIND_PCT_CHANGE);
    cr_assert_eq(f[6].value, -40);
    expect_range(&f[6], -50, false, -40, true);      /* fell by more than 40 % */
    cr_assert_str_eq(f[6].unit, "percent");
    cr_assert_eq(f[7].value, -300, "a U+2212 minus sign");
    cr_assert_eq(f[7].kind, MS_KIND_ABS_CHANGE);
    cr_assert_str_eq(f[7].unit, "persons", "an absolute change keeps the metric's unit");
    expect_range(&f[7], -350, true, -250, false); /* a fall mirrors [250, 350) */
    cr_assert_eq(f[8].value, 12.5);
    cr_assert_str_eq(f[8].unit, "events", "a unit cell wins over the registry");
    expect_range(&f[8], 12.45, false, 12.55, true);
}

Test(csv_long, rounding_lo_hi_and_base_columns_in_a_tsv)
{
    cr_assert_eq(ms_ingest_path("fixtures/csv_options.tsv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_OK);
    cr_assert_eq(set.count, 4);
    expect_range(&set.items[0], 123257.5, false, 123262.5, true); /* rounded to the nearest 5 */
    expect_range(&set.items[1], 1000, false, 1000, false);        /* exact */
    expect_range(&set.items[2], 900, false, 1100, false);         /* lo and hi, closed */
    cr_assert_eq(set.items[3].kind, MS_KIND_PCT_CHANGE);
    cr_assert_str_eq(set.items[3].unit, "percent");
    char buf[MS_PERIOD_BUFSZ];
    ms_period_format(set.items[3].base, buf);
    cr_assert_str_eq(buf, "2023-Q2");
}

Test(csv_long, missing_markers_stay_missing_and_are_counted)
{
    cr_assert_eq(ms_ingest_path("fixtures/csv_groups.csv", MS_FORMAT_CSV, &opt, &set, &diag), MS_OK);
    for (size_t i = 3; i < 6; i++) {
        cr_assert(ms_figure_is_missing(&set.items[i]), "row %zu must be missing, not 0", i + 2);
        cr_assert(isnan(set.items[i].range.lo) && isnan(set.items[i].range.hi), "no interval for a missing value");
    }
    cr_assert_eq(diag.n_read, 6);
    cr_assert_eq(diag.n_accepted, 3, "a missing value is counted as missing, not as accepted");
    cr_assert_eq(diag.n_rejected, 0);
    cr_assert_eq(diag.n_missing, 3);
}

Test(csv_long, a_dash_alone_is_missing_but_a_negative_change_is_a_number)
{
    const char *text = "metric,kind,period,value\n"
                       "entry_bans,pct_change,2024,-\n"
                       "entry_bans,pct_change,2023,-44\n"
                       "entry_bans,pct_change,2022,+53\n";
    cr_assert_eq(ingest_text(text, "t.csv", MS_FORMAT_AUTO), MS_OK);
    cr_assert_eq(set.count, 3);
    cr_assert(ms_figure_is_missing(&set.items[0]));
    cr_assert_eq(set.items[1].value, -44);
    cr_assert_eq(set.items[2].value, 53);
    cr_assert_eq(diag.n_missing, 1);
}

/* ------------------------------------------------------------ rejected rows */

Test(csv_long, each_bad_row_is_reported_at_its_cell_and_good_rows_are_kept)
{
    cr_assert_eq(ms_ingest_path("fixtures/csv_rejects.csv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_ERR_DATA);
    cr_assert_eq(set.count, 3);
    cr_assert_eq(set.items[0].value, 100);
    cr_assert_eq(set.items[1].value, -44, "a fall is a negative pct_change, not a negative count");
    cr_assert_eq(set.items[2].value, 7000, "trimmed cells and a space group");
    cr_assert_eq(set.items[2].line, 17);
    cr_assert_eq(set.items[2].column, 19, "the value cell starts at its opening quote");
    cr_assert_eq(diag.n_read, 17);
    cr_assert_eq(diag.n_accepted, 3);
    cr_assert_eq(diag.n_rejected, 14);
    cr_assert_eq(diag.count, 14, "one message per rejected row");
    static const char *const expected[] = {
        "fixtures/csv_rejects.csv:3:17: value '1,23' is not a number",
        "fixtures/csv_rejects.csv:4:30: expected 5 fields, found 6",
        "fixtures/csv_rejects.csv:5:17: value '1e999' is out of range",
        "fixtures/csv_rejects.csv:6:1: unknown metric 'bogus_metric' (see data/metrics.tsv)",
        "fixtures/csv_rejects.csv:7:19: unknown kind 'countish'",
        "fixtures/csv_rejects.csv:8:25: unknown hedge 'roughly'",
        "fixtures/csv_rejects.csv:9:17: negative count '-5'",
        "fixtures/csv_rejects.csv:10:12: period '2024-13' is not a period",
        "fixtures/csv_rejects.csv:12:17: value 'abc' is not a number",
        "fixtures/csv_rejects.csv:13:17: value '1.2.3' is not a number",
        "fixtures/csv_rejects.csv:14:17: value 'NaN' is not a number",
        "fixtures/csv_rejects.csv:15:17: value '1,234 567' is not a number",
        "fixtures/csv_rejects.csv:16:24: expected 5 fields, found 4",
        "fixtures/csv_rejects.csv:18:30: expected 5 fields, found 6",
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        const char *got = diag_text(&diag, i);
        cr_assert(strncmp(got, expected[i], strlen(expected[i])) == 0, "entry %zu: got '%s', expected '%s'", i,
                  got, expected[i]);
        cr_assert_eq(diag.entries[i].severity, MS_SEV_ERROR);
    }
}

Test(csv_long, quoted_cells_with_newline_and_comma_crlf_and_bom)
{
    cr_assert_eq(ms_ingest_path("fixtures/csv_quoted_crlf_bom.csv", MS_FORMAT_AUTO, &opt, &set, &diag),
                 MS_ERR_DATA);
    cr_assert_eq(set.count, 3);
    const ms_figure *f = &set.items[0];
    cr_assert_str_eq(f->source, "ministry", "the BOM does not hide the first column's name");
    cr_assert_eq(f->value, 143000);
    cr_assert_eq(f->line, 2);
    cr_assert_eq(f->column, 40);
    cr_assert_str_eq(f->id, "csv_quoted_crlf_bom.csv:2");
    cr_assert_str_eq(f->quote, "more than 143,000 foreigners\r\nwere refused entry, the ministry said",
                     "the quote is kept as written, line end included");
    cr_assert_str_eq(f->note, "first", "no CR left at the end of a CRLF record");
    cr_assert_eq(set.items[1].line, 4, "the record after a two-line record");
    cr_assert_eq(set.items[1].column, 28);
    cr_assert_eq(set.items[1].value, 93000);
    cr_assert_str_eq(set.items[1].note, "a note, with comma");
    cr_assert_eq(set.items[2].line, 6);
    cr_assert_eq(set.items[2].column, 34);
    cr_assert_eq(set.items[2].value, 5);
    cr_assert_str_eq(set.items[2].note, "last line, no newline");
    cr_assert_eq(diag.count, 1);
    cr_assert_str_eq(diag_text(&diag, 0), "fixtures/csv_quoted_crlf_bom.csv:5:28: value 'oops' is not a number");
    cr_assert_eq(diag.n_read, 4);
    cr_assert_eq(diag.n_rejected, 1);
}

Test(csv_long, a_malformed_record_is_rejected_at_the_lexer_position)
{
    const char *text = "metric,period,value\n"
                       "entry_bans,2024,1\"2\n"
                       "entry_bans,2023,3\n";
    cr_assert_eq(ingest_text(text, "lex.csv", MS_FORMAT_CSV), MS_ERR_DATA);
    cr_assert_eq(set.count, 1);
    cr_assert_eq(set.items[0].value, 3);
    cr_assert_str_eq(diag_text(&diag, 0), "lex.csv:2:18: quote inside an unquoted field");
    cr_assert_eq(diag.n_read, 2);
    cr_assert_eq(diag.n_rejected, 1);
}

Test(csv_long, a_value_outside_its_lo_hi_and_a_lone_lo_are_rejected)
{
    const char *text = "metric,period,value,lo,hi\n"
                       "entry_bans,2024,50,60,70\n"
                       "entry_bans,2024,65,60,\n"
                       "entry_bans,2024,65,70,60\n"
                       "entry_bans,2024,65,60,70\n";
    cr_assert_eq(ingest_text(text, "lohi.csv", MS_FORMAT_CSV), MS_ERR_DATA);
    cr_assert_eq(set.count, 1);
    expect_range(&set.items[0], 60, false, 70, false);
    cr_assert_str_eq(diag_text(&diag, 0), "lohi.csv:2:17: value '50' is outside lo..hi");
    cr_assert_str_eq(diag_text(&diag, 1), "lohi.csv:3:23: lo and hi must be given together");
    cr_assert_str_eq(diag_text(&diag, 2), "lohi.csv:4:20: lo is greater than hi");
}

Test(csv_long, bad_published_base_and_rounding_cells_are_rejected_at_their_column)
{
    const char *text = "metric,period,value,published,base,rounding\n"
                       "entry_bans,2024,5,2024-02-30,,\n"
                       "entry_bans,2024,5,,last year,\n"
                       "entry_bans,2024,5,,,-10\n"
                       "entry_bans,2024,5,2024-02-29,2023,EXACT\n";
    cr_assert_eq(ingest_text(text, "cells.csv", MS_FORMAT_CSV), MS_ERR_DATA);
    cr_assert_eq(set.count, 1);
    expect_range(&set.items[0], 5, false, 5, false);
    cr_assert_neq(set.items[0].published, MS_DAY_NONE);
    cr_assert_str_eq(diag_text(&diag, 0), "cells.csv:2:19: published '2024-02-30' is not a date (YYYY-MM-DD)");
    cr_assert_str_eq(diag_text(&diag, 1), "cells.csv:3:20: base 'last year' is not a period");
    cr_assert_str_eq(diag_text(&diag, 2), "cells.csv:4:21: rounding '-10' must be a number >= 0 or 'exact'");
}

Test(csv_long, a_long_or_multiline_bad_value_is_shown_short_on_one_line)
{
    const char *text = "metric,period,value\n"
                       "entry_bans,2024,\"12\nthirty-four ...........................................................\"\n";
    cr_assert_eq(ingest_text(text, "long.csv", MS_FORMAT_CSV), MS_ERR_DATA);
    const char *msg = diag_text(&diag, 0);
    cr_assert_null(strchr(msg, '\n'), "one line: %s", msg);
    cr_assert(strstr(msg, "long.csv:2:17: value '12?thirty-four") == msg, "%s", msg);
    cr_assert(strstr(msg, "...' is not a number") != NULL, "%s", msg);
    cr_assert_lt(strlen(msg), 120);
}

/* ------------------------------------------------------------ header */

Test(csv_long, a_missing_required_column_reads_nothing)
{
    cr_assert_eq(ingest_text("metric,value\nentry_bans,5\n", "t.csv", MS_FORMAT_AUTO), MS_ERR_DATA);
    cr_assert_eq(set.count, 0);
    cr_assert_eq(diag.count, 1);
    cr_assert_str_eq(diag_text(&diag, 0), "t.csv:1: missing required column 'period' (need metric, period, value)");
    cr_assert_eq(diag.n_read, 0);
}

Test(csv_long, a_column_named_twice_reads_nothing)
{
    cr_assert_eq(ingest_text("metric,period,value,Value\nentry_bans,2024,5,6\n", "t.csv", MS_FORMAT_AUTO),
                 MS_ERR_DATA);
    cr_assert_eq(set.count, 0);
    cr_assert_str_eq(diag_text(&diag, 0), "t.csv:1:21: column 'value' appears twice");
}

Test(csv_long, an_empty_input_has_no_header)
{
    cr_assert_eq(ingest_text("", "empty.csv", MS_FORMAT_CSV), MS_ERR_DATA);
    cr_assert_str_eq(diag_text(&diag, 0), "empty.csv: empty input: no header row");
}

Test(csv_long, semicolons_unknown_columns_and_empty_rows)
{
    cr_assert_eq(ms_ingest_path("fixtures/csv_semicolon.csv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_OK);
    cr_assert_eq(set.count, 2);
    cr_assert_eq(set.items[0].value, 143000, "a comma is a group mark when ';' separates");
    cr_assert(ms_figure_is_missing(&set.items[1]));
    cr_assert_eq(set.items[1].line, 5);
    cr_assert_eq(diag.n_read, 2, "a blank line and ';;;' are not records");
    cr_assert_eq(diag.n_missing, 1);
    cr_assert_eq(diag.count, 1);
    cr_assert_eq(diag.entries[0].severity, MS_SEV_WARNING);
    cr_assert_str_eq(diag_text(&diag, 0), "fixtures/csv_semicolon.csv:1:26: warning: unknown column 'Comment' is ignored");
}

Test(csv_long, the_delimiter_option_wins_over_sniffing)
{
    opt.delimiter = ';';
    cr_assert_eq(ingest_text("metric,period,value\n", "t.csv", MS_FORMAT_CSV), MS_ERR_DATA,
                 "one column named 'metric,period,value'");
    opt.delimiter = '\t';
    ms_diag_free(&diag);
    ms_diag_init(&diag);
    cr_assert_eq(ingest_text("metric\tperiod\tvalue\nentry_bans\t2024\t1,500\n", "t.csv", MS_FORMAT_CSV), MS_OK);
    cr_assert_eq(set.count, 1);
    cr_assert_eq(set.items[0].value, 1500);
}

/* ------------------------------------------------------------ sources and ids */

Test(csv_long, source_option_overrides_every_row)
{
    opt.source = "ministry";
    cr_assert_eq(ms_ingest_path("fixtures/csv_groups.csv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_OK);
    for (size_t i = 0; i < set.count; i++)
        cr_assert_str_eq(set.items[i].source, "ministry");
    cr_assert_str_eq(set.items[1].id, "csv_groups.csv:3");
}

Test(csv_long, standard_input_is_named_stdin)
{
    cr_assert_eq(ingest_text("metric,period,value\nentry_bans,2024,5\n", "-", MS_FORMAT_AUTO), MS_OK);
    cr_assert_eq(set.count, 1);
    cr_assert_str_eq(set.items[0].source, "stdin");
    cr_assert_str_eq(set.items[0].id, "stdin:2");
}

Test(csv_long, the_stem_drops_folders_and_the_last_extension)
{
    cr_assert_eq(ingest_text("metric,period,value\nentry_bans,2024,5\n", "data/mvd.2024.csv", MS_FORMAT_AUTO),
                 MS_OK);
    cr_assert_str_eq(set.items[0].source, "mvd.2024");
}

Test(csv_long, strings_outlive_the_reader)
{
    char text[] = "metric,period,value,place\nentry_bans,2024,5,TJ\n";
    cr_assert_eq(ingest_text(text, "t.csv", MS_FORMAT_AUTO), MS_OK);
    memset(text, 'z', sizeof text - 1);
    cr_assert_str_eq(set.items[0].place, "TJ");
    cr_assert_str_eq(set.items[0].metric, "entry_bans");
}

/* ------------------------------------------------------------ readers */

Test(csv_long, format_names)
{
    ms_input_format f = MS_FORMAT_CSV;
    cr_assert(ms_input_format_from_name("auto", &f));
    cr_assert_eq(f, MS_FORMAT_AUTO);
    cr_assert(ms_input_format_from_name("csv", &f));
    cr_assert_eq(f, MS_FORMAT_CSV);
    cr_assert(ms_input_format_from_name("jsonl", &f));
    cr_assert_eq(f, MS_FORMAT_JSONL);
    cr_assert_not(ms_input_format_from_name("xml", &f));
    cr_assert_not(ms_input_format_from_name("", &f));
}

Test(csv_long, a_stream_starting_with_a_brace_is_read_as_json_lines)
{
    cr_assert_eq(ingest_text("{\"metric\":\"entry_bans\",\"value\":7,\"period\":\"2024\"}\n", "-", MS_FORMAT_AUTO),
                 MS_OK);
    cr_assert_eq(set.count, 1);
    cr_assert_eq(set.items[0].value, 7);
}

Test(csv_long, an_unknown_extension_is_sniffed_and_keeps_line_numbers)
{
    cr_assert_eq(ingest_text("metric,period,value\nentry_bans,2024,x\n", "table.txt", MS_FORMAT_AUTO), MS_ERR_DATA);
    cr_assert_str_eq(diag_text(&diag, 0), "table.txt:2:17: value 'x' is not a number");
}

Test(csv_long, an_ndjson_file_is_read_as_json_lines_with_the_source_option)
{
    opt.source = "desk";
    cr_assert_eq(ms_ingest_path("fixtures/csv_sniff.ndjson", MS_FORMAT_AUTO, &opt, &set, &diag), MS_OK);
    cr_assert_eq(set.count, 1);
    cr_assert_eq(set.items[0].value, 11);
    cr_assert_str_eq(set.items[0].source, "desk");
}

Test(csv_long, an_explicit_format_wins_over_the_extension)
{
    cr_assert_eq(ingest_text("metric,period,value\nentry_bans,2024,5\n", "odd.jsonl", MS_FORMAT_CSV), MS_OK);
    cr_assert_eq(set.count, 1);
}

Test(csv_long, an_unreadable_file_is_an_io_error_with_the_reason)
{
    cr_assert_eq(ms_ingest_path("fixtures/no_such_file.csv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_ERR_IO);
    cr_assert_str_eq(diag_text(&diag, 0), "fixtures/no_such_file.csv: cannot open: No such file or directory");
}

Test(csv_long, no_registry_is_a_usage_error)
{
    opt.metrics = NULL;
    cr_assert_eq(ingest_text("metric,period,value\nentry_bans,2024,5\n", "t.csv", MS_FORMAT_CSV), MS_ERR_USAGE);
    cr_assert_eq(set.count, 0);
    cr_assert_eq(diag.n_errors, 1);
}

/* ------------------------------------------------------------ rows, cells and counts
 * A suite of its own (own registry and buffers): in-memory tables and
 * files in a temporary folder. */

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tmpdir.h"

static ms_metric_registry rows_reg;
static ms_figure_set rows_set;
static ms_diag rows_diag;
static ms_ingest_options rows_opt;
static char rows_dir[] = "/tmp/ms_csvlong_XXXXXX";

static void rows_setup(void)
{
    static const char text[] = "name\tfamily\tunit\tdescription\n"
                               "# a comment line\n"
                               "entry_denials\tentry_restrictions\tpersons\trefusals at the border\n"
                               "deportations\tremovals\tpersons\tforced removals\n";
    ms_metric_registry_init(&rows_reg);
    ms_diag_init(&rows_diag);
    cr_assert_eq(ms_metric_registry_load_text(&rows_reg, "metrics.tsv", text, sizeof text - 1, &rows_diag), MS_OK);
    ms_diag_free(&rows_diag);
    ms_diag_init(&rows_diag);
    ms_figure_set_init(&rows_set);
    rows_opt = (ms_ingest_options){.metrics = &rows_reg};
    cr_assert_not_null(mkdtemp(rows_dir));
}

static void rows_teardown(void)
{
    ms_figure_set_free(&rows_set);
    ms_metric_registry_free(&rows_reg);
    ms_diag_free(&rows_diag);
    test_rmtree(rows_dir);
}

TestSuite(csv_long_rows, .init = rows_setup, .fini = rows_teardown);

/* Reads text as a stream called name (CSV by its name or first byte). */
static ms_status rows_read(const char *name, const char *text)
{
    FILE *fp = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
    cr_assert_not_null(fp);
    ms_status st = ms_ingest_stream(fp, name, MS_FORMAT_AUTO, &rows_opt, &rows_set, &rows_diag);
    fclose(fp);
    return st;
}

/* Writes text to rows_dir/name and returns the path (static buffer). */
static const char *rows_file(const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", rows_dir, name);
    FILE *fp = fopen(path, "wb");
    cr_assert_not_null(fp);
    cr_assert_eq(fwrite(text, 1, strlen(text), fp), strlen(text));
    cr_assert_eq(fclose(fp), 0);
    return path;
}


/* The only error entry whose reason contains `what`, at line:column. */
static void rows_expect_error_at(const char *what, int64_t line, int64_t column)
{
    for (size_t i = 0; i < rows_diag.count; i++) {
        const ms_diag_entry *e = &rows_diag.entries[i];
        if (e->severity == MS_SEV_ERROR && strstr(e->reason, what)) {
            cr_assert_eq(e->line, line, "'%s' at line %lld, expected %lld", e->reason, (long long)e->line,
                         (long long)line);
            cr_assert_eq(e->column, column, "'%s' at column %lld, expected %lld", e->reason,
                         (long long)e->column, (long long)column);
            return;
        }
    }
    cr_assert_fail("no error mentioning '%s'", what);
}

static void rows_expect_counts(size_t read, size_t accepted, size_t rejected, size_t missing)
{
    cr_assert_eq(rows_diag.n_read, read, "read %zu", rows_diag.n_read);
    cr_assert_eq(rows_diag.n_accepted, accepted, "accepted %zu", rows_diag.n_accepted);
    cr_assert_eq(rows_diag.n_rejected, rejected, "rejected %zu", rows_diag.n_rejected);
    cr_assert_eq(rows_diag.n_missing, missing, "missing %zu", rows_diag.n_missing);
}

Test(csv_long_rows, header_names_are_matched_in_any_order_and_case)
{
    cr_assert_eq(rows_read("outlet.csv", "Place,VALUE,Subject,pEriod,Url,Lang,Flags,Metric,Note,Quote\n"
                                         "RU,250,UA,2024-Q3,https://example.org/a,ru,p,deportations,n1,\"said \"\"250\"\"\"\n"),
                 MS_OK);
    cr_assert_eq(rows_set.count, 1);
    const ms_figure *f = &rows_set.items[0];
    cr_assert_str_eq(f->metric, "deportations");
    cr_assert_eq(f->value, 250);
    cr_assert_str_eq(f->place, "RU");
    cr_assert_str_eq(f->subject, "UA");
    cr_assert_str_eq(f->url, "https://example.org/a");
    cr_assert_str_eq(f->lang, "ru");
    cr_assert_str_eq(f->flags, "p");
    cr_assert_str_eq(f->note, "n1");
    cr_assert_str_eq(f->quote, "said \"250\"");
    char buf[MS_PERIOD_BUFSZ];
    ms_period_format(f->period, buf);
    cr_assert_str_eq(buf, "2024-Q3");
    cr_assert_eq(f->line, 2);
    cr_assert_eq(f->column, 4, "the value cell's byte column");
}

Test(csv_long_rows, each_missing_required_column_is_an_error_at_line_1_and_nothing_is_read)
{
    const char *tables[] = {
        "period,value\n2024,5\n",
        "metric,value\ndeportations,5\n",
        "metric,period,count\ndeportations,2024,5\n",
    };
    const char *names[] = {"metric", "period", "value"};
    for (int k = 0; k < 3; k++) {
        ms_diag_free(&rows_diag);
        ms_diag_init(&rows_diag);
        cr_assert_eq(rows_read("t.csv", tables[k]), MS_ERR_DATA);
        cr_assert_eq(rows_set.count, 0);
        cr_assert_eq(rows_diag.n_read, 0, "no row is read without a usable header");
        cr_assert_eq(rows_diag.n_accepted, 0);
        char want[128];
        snprintf(want, sizeof want, "missing required column '%s'", names[k]);
        rows_expect_error_at(want, 1, 0);
        cr_assert_eq(rows_diag.entries[rows_diag.count - 1].code, MS_ERR_DATA);
    }
}

Test(csv_long_rows, a_ragged_row_is_reported_where_the_missing_field_would_start)
{
    /* the short row ends in a quoted cell with escaped quotes: the report
     * points at the line end, after the closing quote */
    cr_assert_eq(rows_read("r.csv", "metric,period,value,note,place\n"
                                    "deportations,2024,5,\"say \"\"hi\"\"\"\n"
                                    "deportations,2023,6,n,RU,extra\n"
                                    "deportations,2022,7,n,RU\n"),
                 MS_ERR_DATA);
    rows_expect_error_at("expected 5 fields, found 4", 2, 33);
    rows_expect_error_at("expected 5 fields, found 6", 3, 26);
    rows_expect_counts(3, 1, 2, 0);
    cr_assert_eq(rows_set.count, 1);
    cr_assert_eq(rows_set.items[0].value, 7);
    cr_assert_eq(rows_set.items[0].line, 4);
}

Test(csv_long_rows, a_value_that_is_not_a_number_is_reported_at_its_cell)
{
    cr_assert_eq(rows_read("v.csv", "metric,period,value\n"
                                    "deportations,2024,12\n"
                                    "deportations,2023,twelve\n"
                                    "deportations,2022,  9x\n"
                                    "deportations,2021,3\n"),
                 MS_ERR_DATA);
    cr_assert_str_eq(diag_text(&rows_diag, 0), "v.csv:3:19: value 'twelve' is not a number");
    rows_expect_error_at("'9x' is not a number", 4, 19);
    rows_expect_counts(4, 2, 2, 0);
    cr_assert_eq(rows_set.count, 2);
    cr_assert_eq(rows_set.items[0].value, 12);
    cr_assert_eq(rows_set.items[1].value, 3);
    cr_assert_eq(rows_set.items[1].line, 5);
}

Test(csv_long_rows, grouped_numbers_with_commas_and_three_kinds_of_space)
{
    cr_assert_eq(rows_read("g.csv", "metric,period,value,kind\n"
                                    "deportations,2024,\"143,000\",count\n"
                                    "deportations,2023,93 000,count\n"
                                    "deportations,2022,93\xC2\xA0" "001,count\n"
                                    "deportations,2021,1\xE2\x80\xAF" "234\xE2\x80\xAF" "567,count\n"
                                    "deportations,2020,\"12,345,678\",count\n"
                                    "deportations,2019,-44,pct_change\n"
                                    "deportations,2018,\"1,500.5\",count\n"),
                 MS_OK);
    cr_assert_eq(rows_set.count, 7);
    double want[] = {143000, 93000, 93001, 1234567, 12345678, -44, 1500.5};
    for (size_t i = 0; i < 7; i++)
        cr_assert_eq(rows_set.items[i].value, want[i], "row %zu: %.17g", i + 2, rows_set.items[i].value);
    cr_assert_eq(rows_set.items[5].kind, MS_KIND_PCT_CHANGE);
    cr_assert_str_eq(rows_set.items[5].unit, "percent");
    rows_expect_counts(7, 7, 0, 0);
}

Test(csv_long_rows, bad_digit_groupings_are_not_numbers)
{
    cr_assert_eq(rows_read("b.csv", "metric,period,value\n"
                                    "deportations,2024,\"1,23\"\n"
                                    "deportations,2024,\"1,2345\"\n"
                                    "deportations,2024,\"1234,567\"\n"
                                    "deportations,2024,\",123\"\n"
                                    "deportations,2024,\"123,\"\n"
                                    "deportations,2024,1 23\n"
                                    "deportations,2024,1  234\n"),
                 MS_ERR_DATA);
    cr_assert_eq(rows_set.count, 0, "no bad grouping may be read as a number");
    rows_expect_counts(7, 0, 7, 0);
    rows_expect_error_at("'1,23' is not", 2, 19);
    rows_expect_error_at("'1,2345' is not", 3, 19);
    rows_expect_error_at("'1234,567' is not", 4, 19);
}

Test(csv_long_rows, missing_markers_stay_nan_and_are_counted_never_zero)
{
    cr_assert_eq(rows_read("m.csv", "metric,period,value,hedge\n"
                                    "deportations,2024,:,\n"
                                    "deportations,2023,..,\n"
                                    "deportations,2022,-,more_than\n"
                                    "deportations,2021,,\n"
                                    "deportations,2020,\"\",\n"
                                    "deportations,2019, : ,\n"
                                    "deportations,2018,0,\n"),
                 MS_OK);
    cr_assert_eq(rows_set.count, 7);
    for (size_t i = 0; i < 6; i++) {
        const ms_figure *f = &rows_set.items[i];
        cr_assert(ms_figure_is_missing(f), "row %zu must be missing", i + 2);
        cr_assert(isnan(f->value), "row %zu: %g instead of NaN", i + 2, f->value);
        cr_assert_not(ms_interval_is_valid(f->range), "a missing value has no interval");
    }
    cr_assert_not(ms_figure_is_missing(&rows_set.items[6]), "a real 0 is not missing");
    cr_assert_eq(rows_set.items[6].value, 0);
    rows_expect_counts(7, 1, 0, 6); /* read = accepted + rejected + missing */
}

Test(csv_long_rows, unknown_metric_kind_and_hedge_are_rejected_at_their_cell)
{
    cr_assert_eq(rows_read("u.csv", "hedge,kind,metric,period,value\n"
                                    ",count,deportation,2024,1\n"
                                    ",counts,deportations,2024,1\n"
                                    "circa,count,deportations,2024,1\n"
                                    "about,,deportations,2024,1000\n"),
                 MS_ERR_DATA);
    cr_assert_str_eq(diag_text(&rows_diag, 0), "u.csv:2:8: unknown metric 'deportation' (see data/metrics.tsv)");
    cr_assert_str_eq(diag_text(&rows_diag, 1), "u.csv:3:2: unknown kind 'counts'");
    cr_assert_str_eq(diag_text(&rows_diag, 2), "u.csv:4:1: unknown hedge 'circa'");
    rows_expect_counts(4, 1, 3, 0);
    cr_assert_eq(rows_set.items[0].hedge, MS_HEDGE_ABOUT);
    cr_assert_eq(rows_set.items[0].kind, MS_KIND_COUNT, "an empty kind is a count");
}

Test(csv_long_rows, a_negative_count_is_rejected_but_a_negative_change_is_kept)
{
    cr_assert_eq(rows_read("n.csv", "metric,period,value,kind\n"
                                    "deportations,2024,-5,count\n"
                                    "deportations,2024,-5,\n"
                                    "deportations,2024,-5,abs_change\n"
                                    "deportations,2024,-12.5,pct_change\n"),
                 MS_ERR_DATA);
    rows_expect_error_at("negative count", 2, 19);
    cr_assert_str_eq(diag_text(&rows_diag, 1), "n.csv:3:19: negative count '-5'");
    rows_expect_counts(4, 2, 2, 0);
    cr_assert_eq(rows_set.items[0].value, -5);
    cr_assert_eq(rows_set.items[0].kind, MS_KIND_ABS_CHANGE);
    cr_assert_eq(rows_set.items[1].value, -12.5);
}

Test(csv_long_rows, hedges_give_intervals_from_the_written_digits)
{
    cr_assert_eq(rows_read("h.csv", "metric,period,value,hedge\n"
                                    "deportations,2024,\"143,000\",more_than\n"
                                    "deportations,2023,140,\n"),
                 MS_OK);
    const ms_figure *f = &rows_set.items[0];
    cr_assert_eq(f->range.lo, 143000);
    cr_assert(f->range.lo_open, "more than 143,000 excludes 143,000");
    cr_assert_eq(f->range.hi, 144000);
    cr_assert_not(f->range.hi_open);
    f = &rows_set.items[1];
    cr_assert_eq(f->range.lo, 135, "'140' is rounded to tens");
    cr_assert_eq(f->range.hi, 145);
    cr_assert_not(f->range.lo_open);
    cr_assert(f->range.hi_open);
}

Test(csv_long_rows, the_rounding_column_sets_the_interval_width)
{
    cr_assert_eq(rows_read("r.csv", "metric,period,value,rounding\n"
                                    "deportations,2020,143000,exact\n"
                                    "deportations,2021,120,5\n"
                                    "deportations,2022,120,\n"
                                    "deportations,2023,120,-1\n"
                                    "deportations,2024,120,five\n"),
                 MS_ERR_DATA);
    cr_assert_eq(rows_set.count, 3);
    const ms_figure *f = &rows_set.items[0];
    cr_assert_eq(f->range.lo, 143000, "exact: a point");
    cr_assert_eq(f->range.hi, 143000);
    cr_assert_not(f->range.lo_open);
    cr_assert_not(f->range.hi_open);
    f = &rows_set.items[1];
    cr_assert_eq(f->range.lo, 117.5);
    cr_assert_eq(f->range.hi, 122.5);
    cr_assert_not(f->range.lo_open);
    cr_assert(f->range.hi_open, "[x-2.5, x+2.5)");
    f = &rows_set.items[2];
    cr_assert_eq(f->range.lo, 115, "an empty rounding cell falls back to the digits");
    rows_expect_error_at("rounding", 5, 23);
    rows_expect_counts(5, 3, 2, 0);
}

Test(csv_long_rows, lo_and_hi_columns_give_a_closed_interval)
{
    cr_assert_eq(rows_read("l.csv", "metric,period,value,lo,hi\n"
                                    "deportations,2022,1000,900,\"1,100\"\n"
                                    "deportations,2023,1000,1100,900\n"
                                    "deportations,2024,1000,,\n"),
                 MS_ERR_DATA);
    cr_assert_eq(rows_set.count, 2);
    const ms_figure *f = &rows_set.items[0];
    cr_assert_eq(f->range.lo, 900);
    cr_assert_eq(f->range.hi, 1100);
    cr_assert_not(f->range.lo_open);
    cr_assert_not(f->range.hi_open);
    rows_expect_error_at("lo is greater than hi", 3, 24);
    f = &rows_set.items[1];
    cr_assert_eq(f->range.lo, 500, "no lo/hi: the hedge rule ('1000' is rounded to thousands)");
    cr_assert_eq(f->range.hi, 1500);
}

Test(csv_long_rows, source_defaults_to_the_stem_and_the_option_overrides_it)
{
    static const char table[] = "metric,period,value,source\n"
                                "deportations,2023,1,\n"
                                "deportations,2024,2,wire\n";
    cr_assert_eq(rows_read("data/press.2024.csv", table), MS_OK);
    cr_assert_str_eq(rows_set.items[0].source, "press.2024", "folders and the last extension dropped");
    cr_assert_str_eq(rows_set.items[1].source, "wire");
    rows_opt.source = "ministry";
    cr_assert_eq(rows_read("data/press.2024.csv", table), MS_OK);
    cr_assert_eq(rows_set.count, 4);
    cr_assert_str_eq(rows_set.items[2].source, "ministry");
    cr_assert_str_eq(rows_set.items[3].source, "ministry", "the option wins over the column");
}

Test(csv_long_rows, ids_name_the_source_and_the_row_line)
{
    /* core/figure.h: a table figure's id is "file:line" */
    cr_assert_eq(rows_read("folder/press.csv", "metric,period,value\n"
                                               "deportations,2024,1\n"
                                               "\n"
                                               "deportations,\"2023\n\",2\n"
                                               "deportations,2022,3\n"),
                 MS_OK);
    cr_assert_eq(rows_set.count, 3);
    cr_assert_str_eq(rows_set.items[0].id, "press.csv:2");
    cr_assert_str_eq(rows_set.items[1].id, "press.csv:4", "a two-line record has its first line");
    cr_assert_str_eq(rows_set.items[2].id, "press.csv:6", "a row after a two-line record keeps its own line");
    cr_assert_eq(rows_set.items[2].line, 6);
    rows_expect_counts(3, 3, 0, 0);
}

Test(csv_long_rows, the_base_column_is_a_period)
{
    cr_assert_eq(rows_read("b.csv", "metric,period,value,kind,base\n"
                                    "deportations,2024-H1,12,pct_change,2023-H1\n"
                                    "deportations,2024-H1,12,pct_change,last year\n"
                                    "deportations,2024,12,count,\n"),
                 MS_ERR_DATA);
    cr_assert_eq(rows_set.count, 2);
    char buf[MS_PERIOD_BUFSZ];
    ms_period_format(rows_set.items[0].base, buf);
    cr_assert_str_eq(buf, "2023-H1");
    cr_assert(ms_period_is_none(rows_set.items[1].base), "an empty base is none");
    rows_expect_error_at("base 'last year' is not a period", 3, 36);
}

Test(csv_long_rows, a_tsv_file_is_split_on_tabs_so_commas_group_digits)
{
    const char *path = rows_file("table.tsv", "metric\tperiod\tvalue\tnote\n"
                                              "deportations\t2024\t143,000\ta, b\n");
    cr_assert_eq(ms_ingest_path(path, MS_FORMAT_AUTO, &rows_opt, &rows_set, &rows_diag), MS_OK);
    cr_assert_eq(rows_set.count, 1);
    cr_assert_eq(rows_set.items[0].value, 143000);
    cr_assert_str_eq(rows_set.items[0].note, "a, b");
    cr_assert_str_eq(rows_set.items[0].source, "table");
}

Test(csv_long_rows, the_format_is_chosen_by_extension_for_files)
{
    /* a .jsonl file is JSON Lines, a .csv file CSV, whatever the content
     * looks like */
    const char *path = rows_file("figs.jsonl", "{\"metric\":\"deportations\",\"value\":5,\"period\":\"2024\"}\n");
    cr_assert_eq(ms_ingest_path(path, MS_FORMAT_AUTO, &rows_opt, &rows_set, &rows_diag), MS_OK);
    cr_assert_eq(rows_set.count, 1);
    cr_assert_eq(rows_set.items[0].value, 5);
    path = rows_file("odd.csv", "{\"metric\":\"deportations\",\"value\":6,\"period\":\"2024\"}\n");
    cr_assert_neq(ms_ingest_path(path, MS_FORMAT_AUTO, &rows_opt, &rows_set, &rows_diag), MS_OK,
                  "a .csv file is read as CSV");
    cr_assert_eq(rows_set.count, 1);
}

Test(csv_long_rows, a_stream_is_csv_unless_its_first_byte_is_a_brace)
{
    cr_assert_eq(rows_read("-", "metric,period,value\ndeportations,2024,8\n"), MS_OK);
    cr_assert_eq(rows_read("-", "{\"metric\":\"deportations\",\"value\":9,\"period\":\"2024\"}\n"), MS_OK);
    cr_assert_eq(rows_set.count, 2);
    cr_assert_eq(rows_set.items[0].value, 8);
    cr_assert_eq(rows_set.items[1].value, 9);
}

Test(csv_long_rows, an_input_that_cannot_be_read_is_an_io_error)
{
    /* a folder opens but every read fails */
    char path[512];
    snprintf(path, sizeof path, "%s/folder.csv", rows_dir);
    cr_assert_eq(mkdir(path, 0700), 0);
    cr_assert_eq(ms_ingest_path(path, MS_FORMAT_AUTO, &rows_opt, &rows_set, &rows_diag), MS_ERR_IO);
    cr_assert_eq(rows_set.count, 0);
    cr_assert_geq(rows_diag.count, 1);
    cr_assert_eq(rows_diag.entries[0].code, MS_ERR_IO);
}

Test(csv_long_rows, a_second_figure_for_the_same_series_and_period_is_rejected)
{
    cr_assert_eq(rows_read("d.csv", "metric,period,value,place,source\n"
                                    "deportations,2024,10,RU,a\n"
                                    "deportations,2024,11,RU,b\n"   /* another source: fine */
                                    "deportations,2023,12,RU,a\n"
                                    "deportations,2024,13,RU,a\n"   /* duplicate of line 2 */
                                    "deportations,2024-01/2024-12,14,RU,a\n"), /* same span */
                 MS_ERR_DATA);
    rows_expect_counts(5, 3, 2, 0);
    rows_expect_error_at("duplicate key: a figure for deportations RU -, period 2024 was already read", 5, 19);
    cr_assert_eq(rows_set.count, 3);
    cr_assert_eq(rows_set.items[2].value, 12, "the first figure of a key is kept");
}

Test(csv_long_rows, rejected_rows_are_written_verbatim_after_the_header)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *rf = open_memstream(&buf, &len);
    cr_assert_not_null(rf);
    rows_opt.reject = rf;
    cr_assert_eq(rows_read("j.csv", "metric,period,value\r\n"
                                    "deportations,2024,1\r\n"
                                    "deportations,2023,\"1,2,3\"\r\n"
                                    "nonsense\r\n"
                                    "deportations,2022,\"multi\nline\"\r\n"),
                 MS_ERR_DATA);
    fclose(rf);
    cr_assert_str_eq(buf, "metric,period,value\n"
                          "deportations,2023,\"1,2,3\"\n"
                          "nonsense\n"
                          "deportations,2022,\"multi\nline\"\n");
    free(buf);
    rows_expect_counts(4, 1, 3, 0);
}

Test(csv_long_rows, max_errors_stops_the_file_and_says_so)
{
    rows_opt.max_errors = 2;
    cr_assert_eq(rows_read("e.csv", "metric,period,value\n"
                                    "deportations,2024,x\n"
                                    "deportations,2023,y\n"
                                    "deportations,2022,3\n"),
                 MS_ERR_DATA);
    rows_expect_counts(2, 0, 2, 0);
    cr_assert_eq(rows_set.count, 0);
    bool said = false;
    for (size_t i = 0; i < rows_diag.count; i++)
        said |= strstr(rows_diag.entries[i].reason, "stopped after 2 rejected records") != NULL;
    cr_assert(said, "the stop is reported");
}
