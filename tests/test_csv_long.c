/* test_csv_long.c — the long CSV layout: columns found by name, grouped
 * numbers, missing values kept missing, every rejected row reported at its
 * cell while the good rows are kept, intervals from hedges and rounding. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "ingest/ingest.h"

static ms_metric_registry reg;
static ms_figure_set set;
static ms_diag diag;
static ms_ingest_options opt;

static void setup(void)
{
    static const char text[] = "name\tfamily\tunit\tdescription\n"
                               "entry_denials\tentry_restrictions\tpersons\td\n"
                               "entry_bans\tentry_restrictions\tpersons\tb\n"
                               "deportations\tremovals\tpersons\tr\n";
    ms_metric_registry_init(&reg);
    ms_diag_init(&diag);
    cr_assert_eq(ms_metric_registry_load_text(&reg, "m", text, sizeof text - 1, &diag), MS_OK);
    ms_figure_set_init(&set);
    opt = (ms_ingest_options){.metrics = &reg, .source = NULL};
}

static void teardown(void)
{
    ms_figure_set_free(&set);
    ms_metric_registry_free(&reg);
    ms_diag_free(&diag);
}

TestSuite(csv_long, .init = setup, .fini = teardown);

static const char *entry_text(size_t i)
{
    static char buf[256];
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_diag_format_entry(&diag.entries[i], &sb);
    snprintf(buf, sizeof buf, "%s", ms_strbuf_str(&sb));
    ms_strbuf_free(&sb);
    return buf;
}

Test(csv_long, columns_in_any_order_and_grouped_numbers)
{
    cr_assert_eq(ms_ingest_path("fixtures/csv_groups.csv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_OK);
    cr_assert_eq(set.count, 6);
    const ms_figure *f = &set.items[0];
    cr_assert_str_eq(f->metric, "entry_denials");
    cr_assert_eq(f->value, 143000);
    cr_assert_str_eq(f->source, "csv_groups", "an empty source cell falls back to the file stem");
    cr_assert_str_eq(f->id, "csv_groups.csv:2");
    cr_assert_eq(f->line, 2);
    cr_assert_eq(f->column, 1);
    cr_assert_str_eq(f->unit, "persons", "the registry's unit");
    cr_assert_eq(f->range.lo, 143000);
    cr_assert(f->range.lo_open);
    cr_assert_eq(f->range.hi, 144000);
    cr_assert_eq(set.items[1].value, 93000, "no-break space groups");
    cr_assert_str_eq(set.items[1].source, "wire");
    cr_assert_eq(set.items[1].range.lo, 83700);
    cr_assert_eq(set.items[2].value, 12345, "narrow no-break space groups");
}

Test(csv_long, missing_markers_stay_missing_and_are_counted)
{
    cr_assert_eq(ms_ingest_path("fixtures/csv_groups.csv", MS_FORMAT_CSV, &opt, &set, &diag), MS_OK);
    for (size_t i = 3; i < 6; i++)
        cr_assert(ms_figure_is_missing(&set.items[i]), "row %zu must be missing, not 0", i + 2);
    cr_assert_eq(diag.n_read, 6);
    cr_assert_eq(diag.n_accepted, 6);
    cr_assert_eq(diag.n_missing, 3);
}

Test(csv_long, each_bad_row_is_reported_at_its_cell_and_good_rows_are_kept)
{
    cr_assert_eq(ms_ingest_path("fixtures/csv_rejects.csv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_ERR_DATA);
    cr_assert_eq(set.count, 2);
    cr_assert_eq(set.items[0].value, 100);
    cr_assert_eq(set.items[1].value, -44, "a fall is a negative pct_change, not a negative count");
    cr_assert_eq(diag.n_read, 10);
    cr_assert_eq(diag.n_accepted, 2);
    cr_assert_eq(diag.n_rejected, 8);
    cr_assert_eq(diag.count, 8);
    cr_assert_str_eq(entry_text(0), "fixtures/csv_rejects.csv:3:17: value '1,23' is not a number");
    cr_assert_str_eq(entry_text(1), "fixtures/csv_rejects.csv:4:30: expected 5 fields, found 6");
    cr_assert_str_eq(entry_text(2), "fixtures/csv_rejects.csv:5:17: value '1e999' is not a number");
    cr_assert_str_eq(entry_text(3), "fixtures/csv_rejects.csv:6:1: unknown metric 'bogus_metric' (see data/metrics.tsv)");
    cr_assert_str_eq(entry_text(4), "fixtures/csv_rejects.csv:7:19: unknown kind 'countish'");
    cr_assert_str_eq(entry_text(5), "fixtures/csv_rejects.csv:8:25: unknown hedge 'roughly'");
    cr_assert_str_eq(entry_text(6), "fixtures/csv_rejects.csv:9:17: negative count '-5'");
    cr_assert_not_null(strstr(entry_text(7), "csv_rejects.csv:10:12: period '2024-13' is not a period"));
}

Test(csv_long, rounding_lo_hi_and_base_columns_in_a_tsv)
{
    cr_assert_eq(ms_ingest_path("fixtures/csv_options.tsv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_OK);
    cr_assert_eq(set.count, 4);
    cr_assert_eq(set.items[0].range.lo, 123257.5, "rounded to the nearest 5");
    cr_assert_eq(set.items[0].range.hi, 123262.5);
    cr_assert_eq(set.items[1].range.lo, 1000, "exact");
    cr_assert_eq(set.items[1].range.hi, 1000);
    cr_assert_eq(set.items[2].range.lo, 900);
    cr_assert_eq(set.items[2].range.hi, 1100);
    cr_assert_eq(set.items[3].kind, MS_KIND_PCT_CHANGE);
    cr_assert_str_eq(set.items[3].unit, "percent");
    char buf[MS_PERIOD_BUFSZ];
    ms_period_format(set.items[3].base, buf);
    cr_assert_str_eq(buf, "2023-Q2");
}

Test(csv_long, source_option_overrides_every_row)
{
    opt.source = "ministry";
    cr_assert_eq(ms_ingest_path("fixtures/csv_groups.csv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_OK);
    for (size_t i = 0; i < set.count; i++)
        cr_assert_str_eq(set.items[i].source, "ministry");
}

Test(csv_long, a_missing_required_column_reads_nothing)
{
    static const char text[] = "metric,value\nentry_bans,5\n";
    FILE *fp = fmemopen((void *)(uintptr_t)text, sizeof text - 1, "r");
    cr_assert_eq(ms_ingest_stream(fp, "t.csv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_ERR_DATA);
    fclose(fp);
    cr_assert_eq(set.count, 0);
    cr_assert_str_eq(entry_text(0), "t.csv:1: missing required column 'period' (need metric, period, value)");
}

Test(csv_long, a_stream_starting_with_a_brace_is_read_as_json_lines)
{
    static const char text[] = "{\"metric\":\"entry_bans\",\"value\":7,\"period\":\"2024\"}\n";
    FILE *fp = fmemopen((void *)(uintptr_t)text, sizeof text - 1, "r");
    cr_assert_eq(ms_ingest_stream(fp, "-", MS_FORMAT_AUTO, &opt, &set, &diag), MS_OK);
    fclose(fp);
    cr_assert_eq(set.count, 1);
    cr_assert_eq(set.items[0].value, 7);
}

Test(csv_long, an_unreadable_file_is_an_io_error_with_the_reason)
{
    cr_assert_eq(ms_ingest_path("fixtures/no_such_file.csv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_ERR_IO);
    cr_assert_str_eq(entry_text(0), "fixtures/no_such_file.csv: cannot open: No such file or directory");
}
