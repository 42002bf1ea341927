/* test_figure_csv.c — figures as CSV rows in the long layout, and back:
 * quoting, open interval ends, a missing value, periods, inputs. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/figure_csv.h"
#include "core/metric.h"
#include "ingest/ingest.h"

Test(figure_csv, a_row_reads_back_as_the_same_figure)
{
    ms_figure f;
    ms_figure_init(&f);
    f.id = "derived:a.csv:3:pct";
    f.metric = "deportations";
    f.kind = MS_KIND_PCT_CHANGE;
    f.value = 52.5;
    f.range = ms_interval_make(40.25, true, 61, false);
    f.hedge = MS_HEDGE_ABOUT;
    f.unit = "percent";
    cr_assert_eq(ms_period_parse("2024-01/2024-07", 15, &f.period), MS_OK);
    cr_assert_eq(ms_period_parse("2023-01/2023-07", 15, &f.base), MS_OK);
    f.place = "RU";
    f.subject = "foreign_citizens";
    f.breakdown = "sex=F;age=Y14-17";
    f.source = "wire, evening";
    f.quote = "nearly 93,000 \"deported\"\nline two";
    f.n_inputs = 2;
    f.inputs[0] = "a.csv:3";
    f.inputs[1] = "a.csv:2";
    ms_figure missing;
    ms_figure_init(&missing);
    missing.id = "m1";
    missing.metric = "deportations";
    missing.unit = "persons";
    missing.period = f.base;
    missing.source = "s";

    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_figure_csv_header(&sb);
    ms_figure_csv_format(&f, &sb);
    ms_figure_csv_format(&missing, &sb);
    cr_assert(strstr(ms_strbuf_str(&sb), ",\"wire, evening\",") != NULL, "a comma is quoted");
    cr_assert(strstr(ms_strbuf_str(&sb), "\"nearly 93,000 \"\"deported\"\"\nline two\"") != NULL);
    cr_assert(strstr(ms_strbuf_str(&sb), "deportations,count,,,,,,none,") != NULL,
              "a missing value is an empty cell, never 0");

    ms_metric_registry reg;
    ms_diag diag;
    ms_figure_set set;
    ms_metric_registry_init(&reg);
    ms_diag_init(&diag);
    ms_figure_set_init(&set);
    static const char metrics[] = "name\tfamily\tunit\tdescription\ndeportations\tremovals\tpersons\tx\n";
    cr_assert_eq(ms_metric_registry_load_text(&reg, "m", metrics, sizeof metrics - 1, &diag), MS_OK);
    ms_ingest_options opt = {.metrics = &reg};
    FILE *fp = fmemopen(sb.data, sb.len, "r");
    cr_assert_eq(ms_ingest_stream(fp, "back.csv", MS_FORMAT_AUTO, &opt, &set, &diag), MS_OK);
    fclose(fp);
    cr_assert_eq(set.count, 2);
    const ms_figure *g = &set.items[0];
    cr_assert_str_eq(g->id, f.id, "the id is kept");
    cr_assert_eq(g->kind, MS_KIND_PCT_CHANGE);
    cr_assert_eq(g->value, 52.5);
    cr_assert_eq(g->range.lo, 40.25);
    cr_assert(g->range.lo_open);
    cr_assert_not(g->range.hi_open);
    cr_assert_eq(g->hedge, MS_HEDGE_ABOUT);
    cr_assert(ms_period_equal(g->period, f.period));
    cr_assert(ms_period_equal(g->base, f.base));
    cr_assert_str_eq(g->breakdown, f.breakdown);
    cr_assert_str_eq(g->source, f.source);
    cr_assert_str_eq(g->quote, f.quote);
    cr_assert_eq(g->n_inputs, 2);
    cr_assert_str_eq(g->inputs[1], "a.csv:2");
    cr_assert(ms_figure_is_missing(&set.items[1]));
    cr_assert_eq(diag.n_missing, 1);

    ms_strbuf again;
    ms_strbuf_init(&again);
    ms_figure_csv_header(&again);
    for (size_t i = 0; i < set.count; i++)
        ms_figure_csv_format(&set.items[i], &again);
    cr_assert_str_eq(ms_strbuf_str(&again), ms_strbuf_str(&sb), "written, read and written again: the same bytes");
    ms_strbuf_free(&again);
    ms_strbuf_free(&sb);
    ms_figure_set_free(&set);
    ms_metric_registry_free(&reg);
    ms_diag_free(&diag);
}
