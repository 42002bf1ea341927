/* cmd_summary.c — `migstat summary`: one row per series: how many values,
 * first and last with their periods, min and max, mean, median, standard
 * deviation. */
#include "cli/cli.h"

#include <math.h>
#include <stdlib.h>

static const char *const columns[] = {
    "metric", "kind", "place", "subject", "source", "n", "first_period", "first", "last_period",
    "last", "min_period", "min", "max_period", "max", "mean", "median", "sd", "n_missing",
    "n_other_grain"};

/* A period and its value, or two empty cells. */
static void figure_cells(cli_table *t, const ms_figure *f)
{
    cli_table_period(t, f ? f->period : ms_period_none());
    cli_table_num(t, f ? f->value : (double)NAN);
}

static ms_status summary_row(cli_table *t, const ms_series *s)
{
    double *work = malloc((s->count ? s->count : 1) * sizeof *work);
    if (!work)
        return MS_ERR_NOMEM;
    ms_summary sum;
    ms_status st = ms_stats_summary(s, work, &sum);
    free(work);
    if (st != MS_OK)
        return st;
    cli_table_text(t, s->key.metric);
    cli_table_text(t, ms_kind_name(s->key.kind));
    cli_table_text(t, s->key.place);
    cli_table_text(t, s->key.subject);
    cli_table_text(t, s->key.source);
    cli_table_num(t, (double)sum.n);
    figure_cells(t, sum.first);
    figure_cells(t, sum.last);
    figure_cells(t, sum.min);
    figure_cells(t, sum.max);
    cli_table_num(t, sum.mean);
    cli_table_num(t, sum.median);
    cli_table_num(t, sum.sd);
    cli_table_num(t, (double)sum.n_missing);
    cli_table_num(t, (double)sum.n_other_grain);
    cli_table_end_row(t);
    return MS_OK;
}

int cmd_summary(int argc, char **argv)
{
    return cli_run_series_table("summary", argc, argv, columns, sizeof columns / sizeof columns[0],
                                summary_row);
}
