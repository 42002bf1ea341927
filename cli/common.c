/* common.c — loading inputs with accounting, printing diagnostics and
 * writing outputs: the parts every command shares. */
#include "cli/cli.h"
#include "core/atomic_file.h"
#include "core/jsonl.h"
#include "ingest/ingest.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("migstat: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_usage(const ms_command *cmd, bool error)
{
    fputs(cmd->usage, error ? stderr : stdout);
    return error ? ms_status_exit_code(MS_ERR_USAGE) : 0;
}

void cli_print_diag(const ms_diag *diag)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    for (size_t i = 0; i < diag->count; i++) {
        ms_strbuf_clear(&sb);
        ms_diag_format_entry(&diag->entries[i], &sb);
        fprintf(stderr, "%s\n", ms_strbuf_str(&sb));
    }
    if (diag->n_dropped)
        fprintf(stderr, "migstat: %zu more problems not shown\n", diag->n_dropped);
    ms_strbuf_free(&sb);
}

/* What one input added to the run's counts. */
static cli_input_counts file_counts(const char *path, const ms_diag *before, const ms_diag *after)
{
    return (cli_input_counts){
        .path = path,
        .read = after->n_read - before->n_read,
        .accepted = after->n_accepted - before->n_accepted,
        .rejected = after->n_rejected - before->n_rejected,
        .missing = after->n_missing - before->n_missing,
        .skipped = after->n_skipped - before->n_skipped,
    };
}

/* "file: read N, accepted N, ..." for one input of several. */
static void print_file_counts(const cli_input_counts *c)
{
    ms_diag d = {0};
    d.n_read = c->read;
    d.n_accepted = c->accepted;
    d.n_rejected = c->rejected;
    d.n_missing = c->missing;
    d.n_skipped = c->skipped;
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_diag_format_counts(&d, &sb);
    fprintf(stderr, "migstat: %s: %s\n", c->path, ms_strbuf_str(&sb));
    ms_strbuf_free(&sb);
}

/* The problems and the accounting as JSON, for scripts (--errors-json). */
static ms_status write_errors_json(const char *path, const ms_diag *diag)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_strbuf_printf(&sb, "{\"read\":%zu,\"accepted\":%zu,\"rejected\":%zu,\"missing\":%zu,"
                          "\"skipped\":%zu,\"not_shown\":%zu,\"problems\":[",
                     diag->n_read, diag->n_accepted, diag->n_rejected, diag->n_missing, diag->n_skipped,
                     diag->n_dropped);
    for (size_t i = 0; i < diag->count; i++) {
        const ms_diag_entry *e = &diag->entries[i];
        ms_strbuf_puts(&sb, i ? ",\n{\"file\":" : "\n{\"file\":");
        ms_json_quote(e->file, &sb);
        ms_strbuf_printf(&sb, ",\"line\":%lld,\"column\":%lld,\"severity\":\"%s\",\"reason\":",
                         (long long)e->line, (long long)e->column,
                         e->severity == MS_SEV_ERROR ? "error" : "warning");
        ms_json_quote(e->reason, &sb);
        ms_strbuf_putc(&sb, '}');
    }
    ms_strbuf_puts(&sb, "]}\n");
    ms_status st = cli_write_output(path, &sb);
    ms_strbuf_free(&sb);
    return st;
}

/* "migstat: FILE: N records read" over itself, for large inputs read
 * with a terminal on stderr. */
static void show_progress(void *ctx, const char *name, size_t n_read)
{
    bool *shown = ctx;
    *shown = true;
    fprintf(stderr, "\rmigstat: %s: %zu records read", name, n_read);
    fflush(stderr);
}

/* Reads every input; see cli_stream_inputs. */
static ms_status read_inputs(cli_inputs *in, const cli_input_options *opt, char **paths, int n_paths,
                             ms_figure_sink sink, void *ctx)
{
    ms_input_format format = MS_FORMAT_AUTO;
    if (opt->format && !ms_input_format_from_name(opt->format, &format)) {
        cli_error("unknown input format '%s' (auto, csv, table, sdmx, eurostat_tsv, jsonstat, "
                  "json, jsonl)",
                  opt->format);
        return MS_ERR_USAGE;
    }
    in->per_input = calloc(n_paths > 0 ? (size_t)n_paths : 1, sizeof *in->per_input);
    if (!in->per_input)
        return MS_ERR_NOMEM;
    ms_atomic_file reject = {0};
    if (opt->reject_path && ms_atomic_open(&reject, opt->reject_path) != MS_OK) {
        cli_error("cannot write '%s'", opt->reject_path);
        return MS_ERR_IO;
    }
    ms_ingest_options io = {
        .metrics = &in->metrics,
        .source = opt->source,
        .delimiter = opt->delimiter,
        .sink = sink,
        .sink_ctx = ctx,
        .reject = opt->reject_path ? reject.fp : NULL,
        .max_errors = opt->max_errors,
        .mapping_path = opt->mapping_path,
        .map_specs = opt->map_specs,
        .n_map_specs = opt->n_map,
        .set_specs = opt->set_specs,
        .n_set_specs = opt->n_set,
        .where_specs = opt->where_specs,
        .n_where_specs = opt->n_where,
        .encoding = opt->encoding,
    };
    bool progress_shown = false;
    if (!opt->quiet && isatty(STDERR_FILENO)) {
        io.progress = show_progress;
        io.progress_ctx = &progress_shown;
    }
    static char *stdin_only[] = {"-"};
    if (n_paths == 0) {
        paths = stdin_only;
        n_paths = 1;
    }
    ms_status result = MS_OK;
    bool unreadable = false;
    for (int i = 0; i < n_paths; i++) {
        ms_diag before = in->diag;
        ms_status st = opt->claims && opt->claims(opt->read_ctx, paths[i])
                           ? opt->read(opt->read_ctx, paths[i], &in->figures, &in->diag)
                           : ms_ingest_path(paths[i], format, &io, &in->figures, &in->diag);
        if (progress_shown) { /* end the progress line */
            fputc('\n', stderr);
            progress_shown = false;
        }
        cli_input_counts *counts = &in->per_input[in->n_per_input++];
        *counts = file_counts(paths[i], &before, &in->diag);
        if (n_paths > 1 && !opt->quiet)
            print_file_counts(counts);
        if (st == MS_ERR_DATA) {
            result = MS_ERR_DATA;
        } else if (st == MS_ERR_IO) {
            /* an unreadable input is bad input: said, counted, and the
             * other inputs are still read */
            result = MS_ERR_DATA;
            unreadable = true;
        } else if (st != MS_OK) {
            cli_print_diag(&in->diag);
            cli_error("%s: %s", paths[i], ms_strerror(st));
            if (opt->reject_path)
                ms_atomic_abort(&reject);
            return st;
        }
    }
    if (opt->reject_path && ms_atomic_commit(&reject) != MS_OK) {
        cli_error("cannot write '%s'", opt->reject_path);
        return MS_ERR_IO;
    }
    if (opt->errors_json && write_errors_json(opt->errors_json, &in->diag) != MS_OK)
        return MS_ERR_IO;
    if (result == MS_ERR_DATA && opt->lenient && !unreadable)
        result = MS_OK;
    return result;
}

ms_status cli_stream_inputs(cli_inputs *in, const cli_input_options *opt, char **paths, int n_paths,
                            ms_figure_sink sink, void *ctx)
{
    ms_metric_registry_init(&in->metrics);
    ms_figure_set_init(&in->figures);
    ms_diag_init(&in->diag);
    in->per_input = NULL;
    in->n_per_input = 0;

    char default_metrics[4096];
    const char *metrics_path = opt->metrics_path;
    if (!metrics_path) {
        snprintf(default_metrics, sizeof default_metrics, "%s/metrics.tsv", ms_data_dir());
        metrics_path = default_metrics;
    }
    ms_status st = ms_metric_registry_load(&in->metrics, metrics_path, &in->diag);
    if (st != MS_OK) {
        cli_print_diag(&in->diag);
        cli_error("cannot load the metric registry '%s'", metrics_path);
        cli_inputs_free(in);
        return st == MS_ERR_DATA ? MS_ERR_USAGE : st;
    }
    st = read_inputs(in, opt, paths, n_paths, sink, ctx);
    if (cli_load_failed(st)) {
        cli_inputs_free(in);
        return st;
    }
    cli_print_diag(&in->diag);
    if (!opt->quiet) {
        ms_strbuf sb;
        ms_strbuf_init(&sb);
        ms_diag_format_counts(&in->diag, &sb);
        fprintf(stderr, "migstat: %s\n", ms_strbuf_str(&sb));
        ms_strbuf_free(&sb);
    }
    return st;
}

ms_status cli_load_inputs(cli_inputs *in, const cli_input_options *opt, char **paths, int n_paths)
{
    return cli_stream_inputs(in, opt, paths, n_paths, NULL, NULL);
}

void cli_inputs_free(cli_inputs *in)
{
    ms_figure_set_free(&in->figures);
    ms_metric_registry_free(&in->metrics);
    ms_diag_free(&in->diag);
    free(in->per_input);
    in->per_input = NULL;
    in->n_per_input = 0;
}

ms_status cli_write_output(const char *path, const ms_strbuf *sb)
{
    if (ms_strbuf_failed(sb))
        return MS_ERR_NOMEM;
    const char *data = ms_strbuf_str(sb);
    size_t len = sb->len;
    if (!path || strcmp(path, "-") == 0) {
        if (len && fwrite(data, 1, len, stdout) != len)
            return MS_ERR_IO;
        return fflush(stdout) == 0 ? MS_OK : MS_ERR_IO;
    }
    ms_status st = ms_atomic_write(path, data, len);
    if (st != MS_OK)
        cli_error("cannot write '%s'", path);
    return st;
}
