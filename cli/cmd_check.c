/* cmd_check.c — `migstat check`: consistency findings across sources.
 * Exit 4 when any conflict is found (after bad input, which wins with 2). */
#include "cli/cli.h"
#include "check/check.h"

#include <string.h>

int cmd_check(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("check");
    cli_args args;
    int rc = cli_parse_args(cmd, argc, argv, CLI_OPT_TABLES | CLI_OPT_OUTPUT | CLI_OPT_TO, &args);
    if (rc >= 0)
        return rc;
    bool as_json = false;
    if (args.to && strcmp(args.to, "jsonl") == 0)
        as_json = true;
    else if (args.to && strcmp(args.to, "text") != 0) {
        cli_error("check: unknown output form '%s' (text, jsonl)", args.to);
        return cli_usage(cmd, true);
    }
    cli_inputs in;
    ms_status st = cli_load_inputs(&in, &args.input, args.paths, args.n_paths);
    if (cli_load_failed(st))
        return ms_status_exit_code(st);
    ms_findings findings;
    ms_status cst = ms_check_run(&in.figures, NULL, &findings);
    if (cst != MS_OK) {
        cli_inputs_free(&in);
        return ms_status_exit_code(cst);
    }
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    for (size_t i = 0; i < findings.count; i++) {
        const ms_finding *f = &findings.items[i];
        if (as_json) {
            ms_finding_format_json(f, &sb);
        } else {
            ms_strbuf_printf(&sb, "%s: %s: %s\n", ms_finding_severity_name(f->severity), f->rule, f->message);
        }
    }
    size_t n_conflicts = ms_findings_count(&findings, MS_FINDING_CONFLICT);
    size_t n_agree = ms_findings_count(&findings, MS_FINDING_AGREEMENT);
    ms_status wst = cli_write_output(args.output, &sb);
    if (!args.input.quiet)
        fprintf(stderr, "migstat: %zu conflicts, %zu agreements, %zu findings\n", n_conflicts, n_agree, findings.count);
    ms_strbuf_free(&sb);
    ms_findings_free(&findings);
    cli_inputs_free(&in);
    if (wst != MS_OK)
        return ms_status_exit_code(wst);
    if (st != MS_OK)
        return ms_status_exit_code(st);
    return ms_status_exit_code(n_conflicts ? MS_CONFLICTS : MS_OK);
}
