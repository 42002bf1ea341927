/* cmd_change.c — `migstat change`: period-over-period (or year-on-year)
 * changes of every count series, as derived figures (JSON Lines) or as a
 * Markdown table that also shows first periods and gaps.
 *
 * For one table input, JSON Lines are made while it is read
 * (stats/change_stream.h): figures go from the reader's sink to the stream
 * and derived figures out in 1 MB blocks, so memory stays at a few series
 * for input grouped by series. The Markdown table, several inputs and
 * JSON input are computed from all figures in memory. */
#include "cli/cli.h"
#include "core/figure_csv.h"
#include "core/jsonl.h"
#include "core/series.h"
#include "report/report.h"
#include "stats/change_stream.h"
#include "stats/stats.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Appends the changes of every count series to sb in the chosen form. */
static ms_status write_changes(const ms_series_set *ss, ms_change_mode mode, bool markdown,
                               bool csv, ms_strbuf *sb, size_t *n_gaps)
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
    if (csv)
        ms_figure_csv_header(sb);
    for (size_t i = 0; i < derived.count; i++) {
        if (csv)
            ms_figure_csv_format(&derived.items[i], sb);
        else
            ms_jsonl_format_figure(&derived.items[i], sb);
    }
    ms_figure_set_free(&derived);
    return st;
}

/* ---- streaming JSON Lines ------------------------------------------------ */

/* Can the stream be used? It is exact when no (series, period) pair comes
 * twice, which the table readers guarantee within one input (they reject
 * duplicate keys). Several inputs may share series and periods, and JSON
 * Lines are not checked for duplicates: those go the in-memory way. For
 * standard input one byte is looked at and put back. */
static bool can_stream(const cli_args *args)
{
    if (args->n_paths > 1)
        return false;
    const char *fmt = args->input.format;
    if (fmt && strcmp(fmt, "auto") != 0 && strcmp(fmt, "csv") != 0 && strcmp(fmt, "table") != 0 &&
        strcmp(fmt, "sdmx") != 0 && strcmp(fmt, "eurostat_tsv") != 0)
        return false;
    const char *path = args->n_paths ? args->paths[0] : "-";
    int c;
    if (strcmp(path, "-") == 0) {
        c = getc(stdin);
        if (c != EOF)
            ungetc(c, stdin);
    } else {
        const char *dot = strrchr(path, '.');
        if (dot && !strchr(dot, '/') && strncasecmp(dot, ".json", 5) == 0)
            return false; /* .json, .jsonl, .jsonstat */
        if (dot && !strchr(dot, '/') && strcasecmp(dot, ".ndjson") == 0)
            return false;
        FILE *f = fopen(path, "rb");
        if (!f)
            return true; /* the reader reports it */
        c = getc(f);
        fclose(f);
    }
    /* JSON starts with { or [ (or space); a table with its header */
    return c != '{' && c != '[' && c != ' ' && c != '\t' && c != '\n' && c != '\r';
}

static int change_streaming(const cli_args *args, bool csv)
{
    cli_figure_writer out;
    if (cli_figure_writer_open(&out, args->output, csv) != MS_OK)
        return ms_status_exit_code(MS_ERR_IO);
    ms_change_stream *cs = NULL;
    ms_status cst = ms_change_stream_open(&cs, args->yoy ? MS_CHANGE_YOY : MS_CHANGE_PREVIOUS,
                                          cli_figure_writer_put, &out);
    ms_status st = MS_OK;
    cli_inputs in;
    if (cst == MS_OK) {
        /* figures go from the reader to the stream, derived ones to out */
        st = cli_stream_inputs(&in, &args->input, args->paths, args->n_paths, ms_change_stream_add, cs);
        if (cli_load_failed(st)) {
            ms_change_stream_free(cs);
            cli_figure_writer_close(&out, false);
            return ms_status_exit_code(st);
        }
        cli_inputs_free(&in);
        cst = ms_change_stream_finish(cs);
    }
    ms_change_stream_stats stats = ms_change_stream_get_stats(cs);
    ms_change_stream_free(cs);
    if (stats.n_undated && !args->input.quiet)
        cli_error("%zu figures have no period and are in no series", stats.n_undated);
    ms_status wst = cli_figure_writer_close(&out, cst == MS_OK);
    if (stats.n_gaps && !args->input.quiet)
        cli_error("%zu periods have no preceding period in their series (gaps; see --to md)",
                  stats.n_gaps);
    return ms_status_exit_code(cst != MS_OK ? cst : wst != MS_OK ? wst : st);
}

/* ---- other forms of change: log, year-to-date, compound growth ---------- */

static ms_status log_points(const ms_series *s, const cli_args *args, ms_point_list *out)
{
    return ms_stats_log_changes(s, args->yoy ? MS_CHANGE_YOY : MS_CHANGE_PREVIOUS, out);
}

static ms_status decumulate_points(const ms_series *s, const cli_args *args, ms_point_list *out)
{
    (void)args;
    return ms_stats_decumulate(s, out);
}

static ms_status cumulate_points(const ms_series *s, const cli_args *args, ms_point_list *out)
{
    (void)args;
    return ms_stats_cumulate(s, out);
}

/* One point per series: the growth between its ends (or --between). */
static ms_status cagr_points(const ms_series *s, const cli_args *args, ms_point_list *out)
{
    out->items = calloc(1, sizeof *out->items);
    out->count = 0;
    if (!out->items)
        return MS_ERR_NOMEM;
    ms_status st = ms_stats_cagr(s, args->between_first, args->between_last, out->items);
    out->count = st == MS_OK ? 1 : 0;
    return st;
}

typedef struct change_form {
    cli_points_fn compute;
    const ms_point_form *form;
    const char *why_not; /* what a point without a value means, for stderr */
} change_form;

/* The form asked for, or NULL for plain changes; *several when more than one. */
static const change_form *form_asked(const cli_args *args, bool *several)
{
    static const change_form log_form = {log_points, &ms_log_change_form, "no log change"};
    static const change_form dec_form = {decumulate_points, &ms_decumulate_form,
                                         "no monthly value (a year-to-date figure before it is missing)"};
    static const change_form cum_form = {cumulate_points, &ms_cumulate_form,
                                         "no year-to-date sum (a month before it is missing)"};
    static const change_form cagr_form = {cagr_points, &ms_cagr_form, "series have no growth rate"};
    const change_form *asked = NULL;
    int n = 0;
    if (args->log && ++n)
        asked = &log_form;
    if (args->decumulate && ++n)
        asked = &dec_form;
    if (args->cumulate && ++n)
        asked = &cum_form;
    if (args->cagr && ++n)
        asked = &cagr_form;
    *several = n > 1;
    return asked;
}

int cmd_change(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("change");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv,
                            CLI_OPT_TABLES | CLI_OPT_OUTPUT | CLI_OPT_TO | CLI_OPT_YOY | CLI_OPT_CHANGE_FORMS,
                            &args);
    if (rc >= 0)
        return rc;
    bool several;
    const change_form *how = form_asked(&args, &several);
    if (several) {
        cli_error("change: one of --log, --decumulate, --cumulate, --cagr at a time");
        return cli_usage(cmd, true);
    }
    if (!ms_period_is_none(args.between_first) && !args.cagr) {
        cli_error("change: --between goes with --cagr");
        return cli_usage(cmd, true);
    }
    if (args.yoy && how && !args.log) {
        cli_error("change: --yoy goes with plain changes or --log");
        return cli_usage(cmd, true);
    }
    bool markdown = args.to && strcmp(args.to, "md") == 0;
    bool csv = args.to && strcmp(args.to, "csv") == 0;
    if (args.to && !markdown && !csv && strcmp(args.to, "jsonl") != 0) {
        cli_error("change: unknown output form '%s' (jsonl, csv, md)", args.to);
        return cli_usage(cmd, true);
    }
    if (how)
        return cli_run_points(&args, how->compute, how->form,
                              markdown ? CLI_TABLE_MD : csv ? CLI_TABLE_CSV : CLI_TABLE_JSONL, how->why_not);
    if (!markdown && can_stream(&args))
        return change_streaming(&args, csv);

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
    ms_status cst = write_changes(&ss, args.yoy ? MS_CHANGE_YOY : MS_CHANGE_PREVIOUS, markdown, csv, &sb, &n_gaps);
    if (cst == MS_OK)
        cst = cli_write_output(args.output, &sb);
    if (n_gaps && !args.input.quiet)
        cli_error("%zu periods have no preceding period in their series (gaps; see --to md)", n_gaps);
    ms_strbuf_free(&sb);
    ms_series_set_free(&ss);
    cli_inputs_free(&in);
    return ms_status_exit_code(cst != MS_OK ? cst : st);
}
