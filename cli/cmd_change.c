/* cmd_change.c — `migstat change`: period-over-period (or year-on-year)
 * changes of every count series, as derived figures (JSON Lines) or as a
 * Markdown table that also shows first periods and gaps. */
#include "cli/cli.h"
#include "core/jsonl.h"
#include "core/series.h"
#include "report/report.h"
#include "stats/stats.h"

#include <string.h>

/* Appends the changes of every count series to sb in the chosen form. */
static ms_status write_changes(const ms_series_set *ss, ms_change_mode mode, bool markdown,
                               ms_strbuf *sb, size_t *n_gaps)
{
    ms_figure_set derived;
    ms_figure_set_init(&derived);
    ms_status st = MS_OK;
    if (markdown)
        ms_report_md_change_header(sb);
    for (size_t i = 0; i < ss->count && st == MS_OK; i++) {
        const ms_series *s = &ss->items[i];
        if (s->key.kind != MS_KIND_COUNT)
            continue;
        ms_change_list list;
        st = ms_stats_changes(s, mode, &list);
        if (st != MS_OK)
            break;
        for (size_t k = 0; k < list.count && st == MS_OK; k++) {
            const ms_change *c = &list.items[k];
            if (c->status == MS_CHANGE_GAP)
                (*n_gaps)++;
            if (markdown)
                ms_report_md_change_row(c, sb);
            else if (c->status == MS_CHANGE_OK)
                st = ms_change_to_figures(c, &derived);
        }
        ms_change_list_free(&list);
    }
    for (size_t i = 0; i < derived.count; i++)
        ms_jsonl_format_figure(&derived.items[i], sb);
    ms_figure_set_free(&derived);
    return st;
}

int cmd_change(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("change");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_OUTPUT | CLI_OPT_TO | CLI_OPT_YOY, &args);
    if (rc >= 0)
        return rc;
    bool markdown = false;
    if (args.to && strcmp(args.to, "md") == 0)
        markdown = true;
    else if (args.to && strcmp(args.to, "jsonl") != 0) {
        cli_error("change: unknown output form '%s' (jsonl, md)", args.to);
        return cli_usage(cmd, true);
    }

    cli_inputs in;
    ms_status st = cli_load_inputs(&in, &args.input, args.paths, args.n_paths);
    if (cli_load_failed(st))
        return ms_status_exit_code(st);
    ms_series_set ss;
    size_t n_undated = 0;
    ms_status gst = ms_series_group(&in.figures, &ss, &n_undated);
    if (gst != MS_OK) {
        cli_inputs_free(&in);
        return ms_status_exit_code(gst);
    }
    if (n_undated && !args.input.quiet)
        cli_error("%zu figures have no period and are in no series", n_undated);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    size_t n_gaps = 0;
    ms_status cst = write_changes(&ss, args.yoy ? MS_CHANGE_YOY : MS_CHANGE_PREVIOUS, markdown, &sb, &n_gaps);
    if (cst == MS_OK)
        cst = cli_write_output(args.output, &sb);
    if (n_gaps && !args.input.quiet)
        cli_error("%zu periods have no preceding period in their series (gaps; see --to md)", n_gaps);
    ms_strbuf_free(&sb);
    ms_series_set_free(&ss);
    cli_inputs_free(&in);
    return ms_status_exit_code(cst != MS_OK ? cst : st);
}
