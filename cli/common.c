/* common.c — loading inputs with accounting, printing diagnostics and
 * writing outputs: the parts every command shares. */
#include "cli/cli.h"
#include "core/atomic_file.h"
#include "ingest/ingest.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

ms_status cli_load_inputs(cli_inputs *in, const cli_input_options *opt, char **paths, int n_paths)
{
    ms_metric_registry_init(&in->metrics);
    ms_figure_set_init(&in->figures);
    ms_diag_init(&in->diag);

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

    ms_input_format format = MS_FORMAT_AUTO;
    if (opt->format && !ms_input_format_from_name(opt->format, &format)) {
        cli_error("unknown input format '%s' (auto, csv, jsonl)", opt->format);
        cli_inputs_free(in);
        return MS_ERR_USAGE;
    }
    ms_ingest_options io = {.metrics = &in->metrics, .source = opt->source};
    static char *stdin_only[] = {"-"};
    if (n_paths == 0) {
        paths = stdin_only;
        n_paths = 1;
    }
    ms_status result = MS_OK;
    for (int i = 0; i < n_paths; i++) {
        st = ms_ingest_path(paths[i], format, &io, &in->figures, &in->diag);
        if (st == MS_ERR_DATA || st == MS_ERR_IO) {
            /* an unreadable input is bad input: said, counted, and the
             * other inputs are still read */
            result = MS_ERR_DATA;
        } else if (st != MS_OK) {
            cli_print_diag(&in->diag);
            cli_error("%s: %s", paths[i], ms_strerror(st));
            cli_inputs_free(in);
            return st;
        }
    }
    cli_print_diag(&in->diag);
    if (!opt->quiet) {
        ms_strbuf sb;
        ms_strbuf_init(&sb);
        ms_diag_format_counts(&in->diag, &sb);
        fprintf(stderr, "migstat: %s\n", ms_strbuf_str(&sb));
        ms_strbuf_free(&sb);
    }
    return result;
}

void cli_inputs_free(cli_inputs *in)
{
    ms_figure_set_free(&in->figures);
    ms_metric_registry_free(&in->metrics);
    ms_diag_free(&in->diag);
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
