/* cmd_plot.c — `migstat plot -o DIR`: one chart per metric through one
 * gnuplot process. Exit 3 when gnuplot is not installed. */
#include "cli/cli.h"
#include "core/series.h"
#include "plots/metric_charts.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

int cmd_plot(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("plot");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_TABLES | CLI_OPT_OUTPUT | CLI_OPT_CHARTS, &args);
    if (rc >= 0)
        return rc;
    if (!args.output) {
        cli_error("plot: -o DIR is required");
        return cli_usage(cmd, true);
    }
    unsigned formats = args.chart_formats ? args.chart_formats : (MS_PLOT_SVG | MS_PLOT_PNG);
    cli_inputs in;
    ms_status st = cli_load_inputs(&in, &args.input, args.paths, args.n_paths);
    if (cli_load_failed(st))
        return ms_status_exit_code(st);
    if (mkdir(args.output, 0755) != 0 && errno != EEXIST) {
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
        ms_gnuplot *gp = NULL;
        pst = ms_gnuplot_start(&gp, args.gnuplot, 60.0, &err);
        if (pst == MS_OK) {
            pst = ms_plot_metric_charts(gp, &ss, &in.metrics, args.output, formats, &charts, &err);
            ms_status fst = ms_gnuplot_finish(gp, &err);
            if (pst == MS_OK)
                pst = fst;
        }
        ms_series_set_free(&ss);
    }
    if (err.len)
        fprintf(stderr, "%s%s", ms_strbuf_str(&err), err.data[err.len - 1] == '\n' ? "" : "\n");
    if (pst == MS_OK && !args.input.quiet)
        fprintf(stderr, "migstat: %zu charts in %s\n", charts.count, args.output);
    ms_chart_list_free(&charts);
    ms_strbuf_free(&err);
    cli_inputs_free(&in);
    return ms_status_exit_code(pst != MS_OK ? pst : st);
}
