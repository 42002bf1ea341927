/* cmd_trend.c — `migstat trend`: a least-squares line through every
 * series. One row per point (value, fitted value and 95 % confidence
 * band), then one row for the next period (prediction and 95 % prediction
 * interval); the fit's numbers are repeated on each row so that every row
 * reads alone in a spreadsheet. A series of fewer than 3 points gets one
 * row "not_enough_points" and no numbers. */
#include "cli/cli.h"

static const char *const columns[] = {
    "metric", "kind", "place", "subject", "source", "row", "period", "value", "fitted", "lo",
    "hi", "n", "slope", "se_slope", "intercept", "se_intercept", "r2", "input"};

/* The series key, the row kind and period: the first cells of every row. */
static void row_start(cli_table *t, const ms_series *s, const char *row, ms_period p)
{
    cli_table_text(t, s->key.metric);
    cli_table_text(t, ms_kind_name(s->key.kind));
    cli_table_text(t, s->key.place);
    cli_table_text(t, s->key.subject);
    cli_table_text(t, s->key.source);
    cli_table_text(t, row);
    cli_table_period(t, p);
}

static void fit_cells(cli_table *t, const ms_linear_fit *fit)
{
    cli_table_num(t, (double)fit->n);
    cli_table_num(t, fit->slope);
    cli_table_num(t, fit->se_slope);
    cli_table_num(t, fit->intercept);
    cli_table_num(t, fit->se_intercept);
    cli_table_num(t, fit->r2);
}

static ms_status trend_rows(cli_table *t, const ms_series *s)
{
    if (s->key.kind != MS_KIND_COUNT)
        return MS_OK; /* a trend of changes or shares is not asked for */
    ms_trend tr;
    ms_status st = ms_stats_trend(s, &tr);
    if (st != MS_OK)
        return st;
    if (!tr.enough) {
        row_start(t, s, "not_enough_points", ms_period_none());
        for (int i = 0; i < 4; i++)
            cli_table_text(t, NULL);
        cli_table_num(t, (double)tr.fit.n);
        cli_table_end_row(t);
        ms_trend_free(&tr);
        return MS_OK;
    }
    for (size_t i = 0; i < tr.fit.n; i++) {
        const ms_trend_point *p = &tr.points[i];
        row_start(t, s, "point", p->figure->period);
        cli_table_num(t, p->figure->value);
        cli_table_num(t, p->fitted);
        cli_table_num(t, p->band_lo);
        cli_table_num(t, p->band_hi);
        fit_cells(t, &tr.fit);
        cli_table_text(t, p->figure->id);
        cli_table_end_row(t);
    }
    row_start(t, s, "next", tr.next);
    cli_table_text(t, NULL);
    cli_table_num(t, tr.next_value);
    cli_table_num(t, tr.next_lo);
    cli_table_num(t, tr.next_hi);
    fit_cells(t, &tr.fit);
    cli_table_end_row(t);
    ms_trend_free(&tr);
    return MS_OK;
}

int cmd_trend(int argc, char **argv)
{
    return cli_run_series_table("trend", argc, argv, columns, sizeof columns / sizeof columns[0],
                                trend_rows);
}
