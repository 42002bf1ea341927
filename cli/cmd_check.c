/* cmd_check.c — `migstat check`: consistency findings across sources, with
 * the built-in rules and, with --rules FILE, the rules of a file.
 * Text for people (findings, the figures each names, a summary per rule) or
 * JSON Lines (one finding per line, then one summary record per rule). Ok
 * findings are listed only with --all.
 * Exit 4 when any conflict is found; bad input (or a bad rules file) wins
 * with 2. */
#include "cli/cli.h"
#include "check/check.h"
#include "core/read_file.h"

#include <stdlib.h>
#include <string.h>

/* The options only check takes (--rules FILE, --all), taken out of argv
 * before the shared parser sees it; argv is rewritten in place. Returns
 * the new argc, or -1 after a usage error (printed). */
static int take_check_options(const ms_command *cmd, int argc, char **argv,
                              const char **rules, bool *all)
{
    int out = 1;
    bool operands = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!operands && strcmp(a, "--") == 0)
            operands = true;
        if (operands) {
            argv[out++] = argv[i];
        } else if (strcmp(a, "--all") == 0) {
            *all = true;
        } else if (strncmp(a, "--rules=", 8) == 0) {
            *rules = a + 8;
        } else if (strcmp(a, "--rules") == 0) {
            if (i + 1 == argc) {
                cli_error("%s: --rules takes a file", cmd->name);
                return -1;
            }
            *rules = argv[++i];
        } else {
            argv[out++] = argv[i];
        }
    }
    return out;
}

/* Reads and parses the rules file; problems are printed. */
static ms_status load_rules(const char *path, const ms_metric_registry *metrics,
                            ms_ruleset **out)
{
    ms_strbuf text;
    ms_strbuf_init(&text);
    ms_diag diag;
    ms_diag_init(&diag);
    ms_status st = ms_read_file(path, 16u << 20, &text, &diag);
    if (st == MS_OK)
        st = ms_ruleset_parse(path, ms_strbuf_str(&text), text.len, metrics, out, &diag);
    cli_print_diag(&diag);
    ms_diag_free(&diag);
    ms_strbuf_free(&text);
    return st;
}

/* The figure a finding names, for people: id, source, date, quote. */
static void put_figure_ref(const ms_figure *f, ms_strbuf *sb)
{
    ms_strbuf_printf(sb, "    - %s", f->id ? f->id : "-");
    if (f->source)
        ms_strbuf_printf(sb, " (%s", f->source);
    char date[16];
    if (f->published != MS_DAY_NONE && ms_date_format(f->published, date) > 0)
        ms_strbuf_printf(sb, ", published %s", date);
    if (f->source)
        ms_strbuf_putc(sb, ')');
    if (f->quote)
        ms_strbuf_printf(sb, ": \"%s\"", f->quote);
    ms_strbuf_putc(sb, '\n');
}

static void put_text(const ms_findings *fs, bool all, ms_strbuf *sb)
{
    for (size_t i = 0; i < fs->count; i++) {
        const ms_finding *f = &fs->items[i];
        if (f->severity == MS_FINDING_OK && !all)
            continue;
        ms_strbuf_printf(sb, "%s: %s: %s\n", ms_finding_severity_name(f->severity), f->rule,
                         f->message);
        for (size_t k = 0; k < f->n_figures; k++)
            put_figure_ref(f->figures[k], sb);
    }
    ms_strbuf_printf(sb, "\n%-28s %7s %7s %7s %7s %7s\n", "rule", "items", "passes", "fails",
                     "notes", "n/a");
    for (size_t i = 0; i < fs->n_summaries; i++) {
        const ms_rule_summary *s = &fs->summaries[i];
        ms_strbuf_printf(sb, "%-28s %7zu %7zu %7zu %7zu %7zu", s->rule, s->items, s->passes,
                         s->fails, s->notes, s->na);
        if (s->from_file)
            ms_strbuf_printf(sb, "  %s", s->text);
        ms_strbuf_putc(sb, '\n');
    }
}

static void put_jsonl(const ms_findings *fs, bool all, ms_strbuf *sb)
{
    for (size_t i = 0; i < fs->count; i++)
        if (fs->items[i].severity != MS_FINDING_OK || all)
            ms_finding_format_json(&fs->items[i], sb);
    for (size_t i = 0; i < fs->n_summaries; i++)
        ms_rule_summary_format_json(&fs->summaries[i], sb);
}

int cmd_check(int argc, char **argv)
{
    const ms_command *cmd = cli_find_command("check");
    const char *rules_path = NULL;
    bool all = false;
    argc = take_check_options(cmd, argc, argv, &rules_path, &all);
    if (argc < 0)
        return cli_usage(cmd, true);
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
    ms_ruleset *ruleset = NULL;
    if (rules_path) {
        ms_status rst = load_rules(rules_path, &in.metrics, &ruleset);
        if (rst != MS_OK) {
            cli_inputs_free(&in);
            return ms_status_exit_code(rst);
        }
    }
    ms_findings findings;
    ms_check_options opt = {.metrics = &in.metrics, .ruleset = ruleset};
    ms_status cst = ms_check_run(&in.figures, &opt, &findings);
    if (cst != MS_OK) {
        ms_ruleset_free(ruleset);
        cli_inputs_free(&in);
        return ms_status_exit_code(cst);
    }
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    if (as_json)
        put_jsonl(&findings, all, &sb);
    else
        put_text(&findings, all, &sb);
    size_t n_conflicts = ms_findings_count(&findings, MS_FINDING_CONFLICT);
    ms_status wst = cli_write_output(args.output, &sb);
    if (!args.input.quiet)
        fprintf(stderr, "migstat: %zu conflicts, %zu mismatches, %zu revisions, %zu weak, %zu ok\n",
                n_conflicts, ms_findings_count(&findings, MS_FINDING_MISMATCH),
                ms_findings_count(&findings, MS_FINDING_REVISION),
                ms_findings_count(&findings, MS_FINDING_WEAK),
                ms_findings_count(&findings, MS_FINDING_OK));
    ms_strbuf_free(&sb);
    ms_findings_free(&findings);
    ms_ruleset_free(ruleset);
    cli_inputs_free(&in);
    if (wst != MS_OK)
        return ms_status_exit_code(wst);
    if (st != MS_OK)
        return ms_status_exit_code(st);
    return ms_status_exit_code(n_conflicts ? MS_CONFLICTS : MS_OK);
}
