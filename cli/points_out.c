/* points_out.c — the output of the commands that derive one value per
 * period along each series (index, change --log / --decumulate /
 * --cumulate / --cagr): derived figures as JSON Lines or long CSV, or a
 * Markdown table that also lists each point without a value and why. */
#include "cli/cli.h"
#include "core/figure_csv.h"
#include "core/jsonl.h"

#include <string.h>

static const char *const md_columns[] = {"metric", "place", "subject", "source", "period", "base",
                                         "status", "value", "lo", "hi", "inputs"};

/* The key columns of a series. */
static void key_cells(cli_table *t, const ms_series_key *k)
{
    cli_table_text(t, k->metric);
    cli_table_text(t, k->place);
    cli_table_text(t, k->subject);
    cli_table_text(t, k->source);
}

static void md_row(cli_table *t, const ms_series *s, const ms_point *p)
{
    key_cells(t, &s->key);
    cli_table_period(t, p->period);
    cli_table_period(t, p->base);
    cli_table_text(t, ms_point_status_name(p->status));
    cli_table_num(t, p->value);
    cli_table_num(t, p->range.lo);
    cli_table_num(t, p->range.hi);
    ms_strbuf ids;
    ms_strbuf_init(&ids);
    ms_strbuf_puts(&ids, p->current && p->current->id ? p->current->id : "-");
    if (p->other) {
        ms_strbuf_puts(&ids, p->other_is_derived ? " + sum to " : " vs ");
        ms_strbuf_puts(&ids, p->other->id ? p->other->id : "-");
    }
    cli_table_text(t, ms_strbuf_str(&ids));
    ms_strbuf_free(&ids);
    cli_table_end_row(t);
}

ms_status cli_write_points(const ms_series_set *ss, cli_points_fn compute, const ms_point_form *form,
                           const cli_args *args, cli_table_form to, ms_strbuf *sb, size_t *n_not_ok)
{
    ms_figure_set derived;
    ms_figure_set_init(&derived);
    cli_table t;
    if (to == CLI_TABLE_MD)
        cli_table_begin(&t, CLI_TABLE_MD, md_columns, sizeof md_columns / sizeof md_columns[0], sb);
    ms_status st = MS_OK;
    for (size_t i = 0; i < ss->count && st == MS_OK; i++) {
        const ms_series *s = &ss->items[i];
        if (s->key.kind != MS_KIND_COUNT)
            continue;
        ms_point_list list;
        st = compute(s, args, &list);
        for (size_t k = 0; k < list.count && st == MS_OK; k++) {
            const ms_point *p = &list.items[k];
            if (p->status != MS_POINT_OK && p->status != MS_POINT_OTHER_GRAIN)
                (*n_not_ok)++;
            if (to == CLI_TABLE_MD) {
                if (p->status != MS_POINT_OTHER_GRAIN) /* not about this computation */
                    md_row(&t, s, p);
            } else {
                st = ms_point_to_figure(p, form, &derived);
            }
        }
        ms_point_list_free(&list);
    }
    if (to == CLI_TABLE_CSV)
        ms_figure_csv_header(sb);
    for (size_t i = 0; to != CLI_TABLE_MD && i < derived.count; i++) {
        if (to == CLI_TABLE_CSV)
            ms_figure_csv_format(&derived.items[i], sb);
        else
            ms_jsonl_format_figure(&derived.items[i], sb);
    }
    ms_figure_set_free(&derived);
    return st;
}

int cli_load_series(const cli_args *args, cli_inputs *in, ms_series_set *ss, ms_status *load_st)
{
    ms_status st = cli_load_inputs(in, &args->input, args->paths, args->n_paths);
    *load_st = st;
    if (cli_load_failed(st))
        return ms_status_exit_code(st);
    size_t n_undated = 0;
    ms_status gst = ms_series_group(&in->figures, ss, &n_undated);
    if (gst != MS_OK) {
        cli_inputs_free(in);
        return ms_status_exit_code(gst);
    }
    if (n_undated && !args->input.quiet)
        cli_error("%zu figures have no period and are in no series", n_undated);
    return -1;
}

int cli_run_points(const cli_args *args, cli_points_fn compute, const ms_point_form *form,
                   cli_table_form to, const char *why_not)
{
    cli_inputs in;
    ms_series_set ss;
    ms_status load_st;
    int rc = cli_load_series(args, &in, &ss, &load_st);
    if (rc >= 0)
        return rc;
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    size_t n_not_ok = 0;
    ms_status st = cli_write_points(&ss, compute, form, args, to, &sb, &n_not_ok);
    if (st == MS_OK)
        st = cli_write_output(args->output, &sb);
    if (n_not_ok && !args->input.quiet)
        cli_error("%zu: %s (see --to md)", n_not_ok, why_not);
    ms_strbuf_free(&sb);
    ms_series_set_free(&ss);
    cli_inputs_free(&in);
    return ms_status_exit_code(st != MS_OK ? st : load_st);
}

int cli_run_series_table(const char *command, int argc, char **argv, const char *const *columns,
                         size_t n_columns, cli_series_rows_fn rows)
{
    const ms_command *cmd = cli_find_command(command);
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_TABLES | CLI_OPT_OUTPUT | CLI_OPT_TO, &args);
    cli_table_form to;
    if (rc >= 0 || (rc = cli_table_form_arg(cmd, &args, CLI_TABLE_MD, &to)) >= 0)
        return rc;
    cli_inputs in;
    ms_series_set ss;
    ms_status load_st;
    if ((rc = cli_load_series(&args, &in, &ss, &load_st)) >= 0)
        return rc;
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    cli_table t;
    cli_table_begin(&t, to, columns, n_columns, &sb);
    ms_status st = MS_OK;
    for (size_t i = 0; i < ss.count && st == MS_OK; i++)
        st = rows(&t, &ss.items[i]);
    if (st == MS_OK)
        st = cli_write_output(args.output, &sb);
    ms_strbuf_free(&sb);
    ms_series_set_free(&ss);
    cli_inputs_free(&in);
    return ms_status_exit_code(st != MS_OK ? st : load_st);
}
