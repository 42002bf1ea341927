/* cmd_index.c — `migstat index --base PERIOD`: every count series as an
 * index, the base period = 100, intervals carried. */
#include "cli/cli.h"

static ms_status index_points(const ms_series *s, const cli_args *args, ms_point_list *out)
{
    return ms_stats_index(s, args->base, out);
}

int cmd_index(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("index");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_TABLES | CLI_OPT_OUTPUT | CLI_OPT_TO | CLI_OPT_BASE,
                            &args);
    cli_table_form to;
    if (rc >= 0 || (rc = cli_table_form_arg(cmd, &args, CLI_TABLE_JSONL, &to)) >= 0)
        return rc;
    if (ms_period_is_none(args.base)) {
        cli_error("index: --base PERIOD is required");
        return cli_usage(cmd, true);
    }
    return cli_run_points(&args, index_points, &ms_index_form, to,
                          "periods have no index (no base, a base that may be 0, or missing)");
}
