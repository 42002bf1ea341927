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
    const ms_command *cmd = cli_find_command("summary");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_TABLES | CLI_OPT_OUTPUT | CLI_OPT_TO, &args);
    if (rc >= 0)
        return rc;
    cli_table_form to;
    if (!cli_table_form_parse(args.to, CLI_TABLE_MD, &to)) {
        cli_error("summary: unknown output form '%s' (md, csv, jsonl)", args.to);
        return cli_usage(cmd, true);
    }
    cli_inputs in;
    ms_series_set ss;
    ms_status load_st;
    if ((rc = cli_load_series(&args, &in, &ss, &load_st)) >= 0)
        return rc;
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    cli_table t;
    cli_table_begin(&t, to, columns, sizeof columns / sizeof columns[0], &sb);
    ms_status st = MS_OK;
    for (size_t i = 0; i < ss.count && st == MS_OK; i++)
        st = summary_row(&t, &ss.items[i]);
    if (st == MS_OK)
        st = cli_write_output(args.output, &sb);
    ms_strbuf_free(&sb);
    ms_series_set_free(&ss);
    cli_inputs_free(&in);
    return ms_status_exit_code(st != MS_OK ? st : load_st);
}
