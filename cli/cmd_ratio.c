/* cmd_ratio.c — `migstat ratio --num A --den B`: A / B for every place,
 * subject, period and source where both are stated. */
#include "cli/cli.h"
#include "core/jsonl.h"
#include "stats/stats.h"

#include <string.h>

int cmd_ratio(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("ratio");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_TABLES | CLI_OPT_OUTPUT | CLI_OPT_RATIO | CLI_OPT_SHARES,
                            &args);
    if (rc >= 0)
        return rc;
    if (args.share_of && args.per_capita) {
        cli_error("ratio: --share-of and --per-capita are separate runs");
        return cli_usage(cmd, true);
    }
    bool by_metric = args.share_of && strcmp(args.share_of, "subject") != 0 &&
                     strcmp(args.share_of, "country") != 0;
    if (by_metric && !args.num) {
        cli_error("ratio: --share-of METRIC needs --num METRIC (the part)");
        return cli_usage(cmd, true);
    }
    if (!args.share_of && !args.per_capita && (!args.num || !args.den)) {
        cli_error("ratio: --num and --den are required (or --share-of, --per-capita)");
        return cli_usage(cmd, true);
    }
    cli_inputs in;
    ms_status st = cli_load_inputs(&in, &args.input, args.paths, args.n_paths);
    if (cli_load_failed(st))
        return ms_status_exit_code(st);
    const char *named[] = {args.num, args.den, by_metric ? args.share_of : NULL, args.per_capita};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        const char *m = named[i];
        if (m && !ms_metric_find(&in.metrics, m))
            cli_error("ratio: warning: '%s' is not in the metric registry", m);
    }
    ms_figure_set out;
    ms_figure_set_init(&out);
    ms_diag diag;
    ms_diag_init(&diag);
    ms_status rst;
    if (args.per_capita)
        rst = ms_stats_per_capita(&in.figures, args.per_capita, args.per, &out, &diag);
    else if (args.share_of)
        rst = ms_stats_shares(&in.figures,
                              by_metric                                 ? MS_SHARE_OF_METRIC
                              : strcmp(args.share_of, "subject") == 0 ? MS_SHARE_OF_SUBJECTS
                                                                        : MS_SHARE_OF_COUNTRY,
                              args.num, args.share_of, &out, &diag);
    else
        rst = ms_stats_ratio(&in.figures, args.num, args.den, &out, &diag);
    cli_print_diag(&diag);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    for (size_t i = 0; i < out.count; i++)
        ms_jsonl_format_figure(&out.items[i], &sb);
    if (rst == MS_OK)
        rst = cli_write_output(args.output, &sb);
    if (!args.input.quiet)
        fprintf(stderr, "migstat: %zu %s\n", out.count,
                args.per_capita ? "rates per capita" : args.share_of ? "shares" : "ratios");
    ms_strbuf_free(&sb);
    ms_diag_free(&diag);
    ms_figure_set_free(&out);
    cli_inputs_free(&in);
    return ms_status_exit_code(rst != MS_OK ? rst : st);
}
