/* cmd_change.c — `migstat change`: period-over-period (or year-on-year)
 * changes of every count series, as derived figures (JSON Lines) or as a
 * Markdown table that also shows first periods and gaps.
 *
 * JSON Lines are made while the inputs are read (stats/change_stream.h):
 * figures go from the reader's sink to the stream and derived figures out
 * in 1 MB blocks, so memory stays at one series for input grouped by
 * series. The Markdown table is built from all figures in memory. */
#include "cli/cli.h"
#include "core/atomic_file.h"
#include "core/jsonl.h"
#include "core/series.h"
#include "ingest/ingest.h"
#include "report/report.h"
#include "stats/change_stream.h"
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

/* ---- streaming JSON Lines ------------------------------------------------ */

#define OUT_BLOCK ((size_t)1 << 20)

/* Derived figures formatted into sb and written to fp a block at a time. */
typedef struct jsonl_out {
    ms_strbuf sb;
    FILE *fp;
    bool failed;
} jsonl_out;

static bool out_flush(jsonl_out *o)
{
    if (ms_strbuf_failed(&o->sb))
        return false;
    if (o->sb.len && fwrite(o->sb.data, 1, o->sb.len, o->fp) != o->sb.len)
        o->failed = true;
    ms_strbuf_clear(&o->sb);
    return !o->failed;
}

static ms_status out_figure(void *ctx, const ms_figure *f)
{
    jsonl_out *o = ctx;
    ms_jsonl_format_figure(f, &o->sb);
    if (o->sb.len >= OUT_BLOCK && !out_flush(o))
        return ms_strbuf_failed(&o->sb) ? MS_ERR_NOMEM : MS_ERR_IO;
    return MS_OK;
}

/* The ingest sink: keeps the stream's status, so that a failure of the
 * stream or of the output is not taken for bad input. */
typedef struct stream_sink {
    ms_change_stream *cs;
    ms_status st;
} stream_sink;

static ms_status to_stream(void *ctx, const ms_figure *f)
{
    stream_sink *s = ctx;
    s->st = ms_change_stream_add(s->cs, f);
    return s->st;
}

/* Reads every input through the stream (as cli_load_inputs does, with a
 * sink): problems and the accounting line on stderr. Returns the load
 * status (MS_OK, MS_ERR_DATA, or fatal); *stream_st the stream's. */
static ms_status stream_inputs(const cli_args *args, ms_change_stream *cs, ms_status *stream_st)
{
    ms_metric_registry metrics;
    ms_diag diag;
    ms_figure_set rest; /* readers that do not use the sink fill this */
    ms_metric_registry_init(&metrics);
    ms_diag_init(&diag);
    ms_figure_set_init(&rest);
    *stream_st = MS_OK;

    const cli_input_options *opt = &args->input;
    char default_metrics[4096];
    const char *metrics_path = opt->metrics_path;
    if (!metrics_path) {
        snprintf(default_metrics, sizeof default_metrics, "%s/metrics.tsv", ms_data_dir());
        metrics_path = default_metrics;
    }
    stream_sink sink = {.cs = cs, .st = MS_OK};
    ms_status result = ms_metric_registry_load(&metrics, metrics_path, &diag);
    if (result != MS_OK) {
        cli_print_diag(&diag);
        cli_error("cannot load the metric registry '%s'", metrics_path);
        result = result == MS_ERR_DATA ? MS_ERR_USAGE : result;
        goto done;
    }
    ms_input_format format = MS_FORMAT_AUTO;
    if (opt->format && !ms_input_format_from_name(opt->format, &format)) {
        cli_error("unknown input format '%s' (auto, csv, jsonl)", opt->format);
        result = MS_ERR_USAGE;
        goto done;
    }
    ms_ingest_options io = {.metrics = &metrics, .source = opt->source,
                            .sink = to_stream, .sink_ctx = &sink};
    static char *stdin_only[] = {"-"};
    char **paths = args->paths;
    int n_paths = args->n_paths;
    if (n_paths == 0) {
        paths = stdin_only;
        n_paths = 1;
    }
    for (int i = 0; i < n_paths; i++) {
        ms_status st = ms_ingest_path(paths[i], format, &io, &rest, &diag);
        for (size_t k = 0; k < rest.count && sink.st == MS_OK; k++)
            to_stream(&sink, &rest.items[k]);
        ms_figure_set_free(&rest);
        if (sink.st != MS_OK) {
            /* the stream or the output failed: not a problem of the input */
            *stream_st = sink.st;
            break;
        }
        if (st == MS_ERR_DATA || st == MS_ERR_IO) {
            result = MS_ERR_DATA; /* said, counted; the other inputs are still read */
        } else if (st != MS_OK) {
            cli_print_diag(&diag);
            cli_error("%s: %s", paths[i], ms_strerror(st));
            result = st;
            goto done;
        }
    }
    cli_print_diag(&diag);
    if (!opt->quiet) {
        ms_strbuf sb;
        ms_strbuf_init(&sb);
        ms_diag_format_counts(&diag, &sb);
        fprintf(stderr, "migstat: %s\n", ms_strbuf_str(&sb));
        ms_strbuf_free(&sb);
    }
done:
    ms_figure_set_free(&rest);
    ms_metric_registry_free(&metrics);
    ms_diag_free(&diag);
    return result;
}

static int change_streaming(const cli_args *args)
{
    jsonl_out o = {.fp = stdout};
    ms_strbuf_init(&o.sb);
    ms_atomic_file af = {0};
    bool to_file = args->output && strcmp(args->output, "-") != 0;
    if (to_file) {
        if (ms_atomic_open(&af, args->output) != MS_OK) {
            cli_error("cannot write '%s'", args->output);
            return ms_status_exit_code(MS_ERR_IO);
        }
        o.fp = af.fp;
    }
    ms_change_stream *cs = NULL;
    ms_status cst = ms_change_stream_open(&cs, args->yoy ? MS_CHANGE_YOY : MS_CHANGE_PREVIOUS,
                                          out_figure, &o);
    ms_status st = MS_OK;
    if (cst == MS_OK) {
        st = stream_inputs(args, cs, &cst);
        if (cli_load_failed(st)) {
            if (to_file)
                ms_atomic_abort(&af);
            ms_change_stream_free(cs);
            ms_strbuf_free(&o.sb);
            return ms_status_exit_code(st);
        }
    }
    if (cst == MS_OK)
        cst = ms_change_stream_finish(cs);
    ms_change_stream_stats stats = ms_change_stream_get_stats(cs);
    ms_change_stream_free(cs);
    if (stats.n_undated && !args->input.quiet)
        cli_error("%zu figures have no period and are in no series", stats.n_undated);
    if (cst == MS_OK && !out_flush(&o))
        cst = ms_strbuf_failed(&o.sb) ? MS_ERR_NOMEM : MS_ERR_IO;
    if (cst == MS_OK && !to_file && fflush(stdout) != 0)
        cst = MS_ERR_IO;
    if (to_file) {
        if (cst == MS_OK) {
            cst = ms_atomic_commit(&af);
            if (cst != MS_OK)
                cli_error("cannot write '%s'", args->output);
        } else {
            ms_atomic_abort(&af);
        }
    }
    if (stats.n_gaps && !args->input.quiet)
        cli_error("%zu periods have no preceding period in their series (gaps; see --to md)",
                  stats.n_gaps);
    ms_strbuf_free(&o.sb);
    return ms_status_exit_code(cst != MS_OK ? cst : st);
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
    if (!markdown)
        return change_streaming(&args);

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
