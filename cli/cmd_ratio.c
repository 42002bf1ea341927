/* cmd_ratio.c — `migstat ratio --num A --den B`: A / B for every place,
 * subject, period and source where both are stated. */
#include "cli/cli.h"
#include "core/jsonl.h"
#include "stats/stats.h"

int cmd_ratio(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("ratio");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_TABLES | CLI_OPT_OUTPUT | CLI_OPT_RATIO, &args);
    if (rc >= 0)
        return rc;
    if (!args.num || !args.den) {
        cli_error("ratio: --num and --den are required");
        return cli_usage(cmd, true);
    }
    cli_inputs in;
    ms_status st = cli_load_inputs(&in, &args.input, args.paths, args.n_paths);
    if (cli_load_failed(st))
        return ms_status_exit_code(st);
    for (int i = 0; i < 2; i++) {
        const char *m = i ? args.den : args.num;
        if (!ms_metric_find(&in.metrics, m))
            cli_error("ratio: warning: '%s' is not in the metric registry", m);
    }
    ms_figure_set out;
    ms_figure_set_init(&out);
    ms_diag diag;
    ms_diag_init(&diag);
    ms_status rst = ms_stats_ratio(&in.figures, args.num, args.den, &out, &diag);
    cli_print_diag(&diag);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    for (size_t i = 0; i < out.count; i++)
        ms_jsonl_format_figure(&out.items[i], &sb);
    if (rst == MS_OK)
        rst = cli_write_output(args.output, &sb);
    if (!args.input.quiet)
        fprintf(stderr, "migstat: %zu ratios\n", out.count);
    ms_strbuf_free(&sb);
    ms_diag_free(&diag);
    ms_figure_set_free(&out);
    cli_inputs_free(&in);
    return ms_status_exit_code(rst != MS_OK ? rst : st);
}
