/* cmd_plot.c — `migstat plot FIGURES... --kind K -o FILE_OR_DIR`: charts of
 * one kind (plots/kinds.h) through one gnuplot process. -o NAME.svg, .png
 * or .pdf writes that one chart; any other name is a folder (created if
 * needed) that gets one file per chart. --format svg|png|pdf (a list with
 * commas too) picks the chart formats; any other --format value names the
 * input reader, as for every command. Exit 3 when gnuplot is not installed. */
#include "cli/cli.h"
#include "core/series.h"
#include "plots/kinds.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const struct {
    const char *name;
    ms_plot_format bit;
} chart_formats[] = {{"svg", MS_PLOT_SVG}, {"png", MS_PLOT_PNG}, {"pdf", MS_PLOT_PDF}};

static unsigned format_bit(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof chart_formats / sizeof chart_formats[0]; i++)
        if (strlen(chart_formats[i].name) == n && strncmp(chart_formats[i].name, s, n) == 0)
            return chart_formats[i].bit;
    return 0;
}

/* "svg", "png,pdf": the bits, or 0 when any part is no chart format. */
static unsigned format_list(const char *s)
{
    unsigned bits = 0;
    for (const char *p = s;;) {
        size_t n = strcspn(p, ",");
        unsigned b = format_bit(p, n);
        if (!b)
            return 0;
        bits |= b;
        if (!p[n])
            return bits;
        p += n + 1;
    }
}

/* The chart format an output name ends with (".svg"), or 0. */
static unsigned extension_bit(const char *path)
{
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash) || dot == path || dot[-1] == '/')
        return 0;
    return format_bit(dot + 1, strlen(dot + 1));
}

static void list_kinds(void)
{
    size_t n;
    const ms_plot_kind *kinds = ms_plot_kinds(&n);
    fprintf(stderr, "kinds:");
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, " %s", kinds[i].name);
    fputc('\n', stderr);
}

int cmd_plot(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("plot");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv,
                            CLI_OPT_TABLES | CLI_OPT_OUTPUT | CLI_OPT_CHARTS | CLI_OPT_PLOT | CLI_OPT_RATIO, &args);
    if (rc >= 0)
        return rc;
    const ms_plot_kind *kind = ms_plot_kind_find(args.kind ? args.kind : "line");
    if (!kind) {
        cli_error("plot: unknown --kind '%s'", args.kind);
        list_kinds();
        return cli_usage(cmd, true);
    }
    if (!args.output || !*args.output) {
        cli_error("plot: -o FILE or -o DIR is required");
        return cli_usage(cmd, true);
    }
    unsigned formats = args.chart_formats;
    unsigned listed = format_list(args.input.format);
    if (listed) { /* --format svg: the charts', not a reader's */
        formats |= listed;
        args.input.format = "auto";
    }
    if (strcmp(kind->name, "ratio") == 0 && (!args.num || !args.den)) {
        cli_error("plot --kind ratio: --num METRIC and --den METRIC are required");
        return cli_usage(cmd, true);
    }
    if (strcmp(kind->name, "ratio") != 0 && (args.num || args.den)) {
        cli_error("plot: --num and --den go with --kind ratio");
        return cli_usage(cmd, true);
    }
    if (args.by && strcmp(kind->name, "multiples") != 0) {
        cli_error("plot: --by goes with --kind multiples");
        return cli_usage(cmd, true);
    }
    if (args.by && strcmp(args.by, "metric") != 0 && strcmp(args.by, "place") != 0) {
        cli_error("plot: --by is metric or place, not '%s'", args.by);
        return cli_usage(cmd, true);
    }
    /* -o chart.svg: one file, its extension the format unless one is given */
    char *out_base = NULL;
    unsigned ext = extension_bit(args.output);
    if (ext) {
        if (formats && formats != ext) {
            cli_error("plot: -o %s names one %s file; drop --format or give -o a folder", args.output,
                      strrchr(args.output, '.') + 1);
            return cli_usage(cmd, true);
        }
        formats = ext;
        out_base = strdup(args.output);
        if (!out_base)
            return ms_status_exit_code(MS_ERR_NOMEM);
        *strrchr(out_base, '.') = '\0';
    }
    if (!formats)
        formats = MS_PLOT_SVG;
    cli_inputs in;
    ms_status st = cli_load_inputs(&in, &args.input, args.paths, args.n_paths);
    if (cli_load_failed(st)) {
        free(out_base);
        return ms_status_exit_code(st);
    }
    if (!out_base && mkdir(args.output, 0755) != 0 && errno != EEXIST) {
        cli_error("%s: cannot create folder: %s", args.output, strerror(errno));
        cli_inputs_free(&in);
        return ms_status_exit_code(MS_ERR_IO);
    }
    ms_series_set ss;
    ms_status pst = ms_series_group(&in.figures, &ss, NULL);
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_chart_list charts = {NULL, 0, 0};
    if (pst == MS_OK) {
        ms_plot_request req = {
            .figures = &in.figures, .series = &ss, .metrics = &in.metrics,
            .out_dir = out_base ? NULL : args.output, .out_base = out_base, .formats = formats,
            .width = args.width, .height = args.height, .num = args.num, .den = args.den, .by = args.by,
        };
        ms_gnuplot *gp = NULL;
        pst = ms_gnuplot_start(&gp, args.gnuplot, 60.0, &err);
        if (pst == MS_OK) {
            pst = kind->run(gp, &req, &charts, &err);
            ms_status fst = ms_gnuplot_finish(gp, &err);
            if (pst == MS_OK)
                pst = fst;
        }
        ms_series_set_free(&ss);
    }
    if (err.len)
        fprintf(stderr, "%s%s", ms_strbuf_str(&err), err.data[err.len - 1] == '\n' ? "" : "\n");
    if (pst == MS_OK && !args.input.quiet) {
        if (out_base)
            fprintf(stderr, "migstat: %s chart in %s\n", kind->name, args.output);
        else
            fprintf(stderr, "migstat: %zu %s charts in %s\n", charts.count, kind->name, args.output);
    }
    ms_chart_list_free(&charts);
    ms_strbuf_free(&err);
    cli_inputs_free(&in);
    free(out_base);
    return ms_status_exit_code(pst != MS_OK ? pst : st);
}
