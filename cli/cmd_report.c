/* cmd_report.c — `migstat report -o DIR INPUT...`: the whole pipeline on
 * the given inputs (what `make run` calls). Conflicts are content of the
 * report, not an error; rejected input rows are (exit 2, report written). */
#include "cli/cli.h"
#include "plots/plots.h"
#include "report/report.h"

int cmd_report(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("report");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_TABLES | CLI_OPT_OUTPUT | CLI_OPT_CHARTS, &args);
    if (rc >= 0)
        return rc;
    if (!args.output) {
        cli_error("report: -o DIR is required");
        return cli_usage(cmd, true);
    }
    if (args.n_paths == 0) {
        cli_error("report: give at least one input (a file or '-')");
        return cli_usage(cmd, true);
    }
    cli_inputs in;
    ms_status st = cli_load_inputs(&in, &args.input, args.paths, args.n_paths);
    if (cli_load_failed(st))
        return ms_status_exit_code(st);
    ms_report_options opt = {
        .out_dir = args.output,
        .metrics = &in.metrics,
        .charts = !args.no_charts,
        .chart_formats = args.chart_formats ? args.chart_formats : (MS_PLOT_SVG | MS_PLOT_PNG),
        .gnuplot = args.gnuplot,
        .inputs = (const char *const *)args.paths,
        .n_inputs = (size_t)args.n_paths,
        .accounting = &in.diag,
    };
    ms_strbuf err;
    ms_strbuf_init(&err);
    ms_status rst = ms_report_write(&in.figures, &opt, &err);
    if (err.len)
        fprintf(stderr, "%s%s", ms_strbuf_str(&err), err.data[err.len - 1] == '\n' ? "" : "\n");
    if (rst == MS_OK && !args.input.quiet)
        fprintf(stderr, "migstat: wrote %s/report.md\n", args.output);
    else if (rst != MS_OK)
        cli_error("report: %s", ms_strerror(rst));
    ms_strbuf_free(&err);
    cli_inputs_free(&in);
    return ms_status_exit_code(rst != MS_OK ? rst : st);
}
