/* table_out.c — results that are not figures (trends, summaries, count
 * tests, derived points with their status) as CSV, JSON Lines or a
 * Markdown table, one cell at a time. Numbers go through core/num.c, so
 * the output does not depend on the locale. */
#include "cli/cli.h"
#include "core/figure_csv.h"
#include "core/jsonl.h"
#include "core/num.h"
#include "report/report.h"

#include <math.h>
#include <string.h>

static bool form_parse(const char *to, cli_table_form fallback, cli_table_form *out)
{
    if (!to)
        *out = fallback;
    else if (strcmp(to, "jsonl") == 0)
        *out = CLI_TABLE_JSONL;
    else if (strcmp(to, "csv") == 0)
        *out = CLI_TABLE_CSV;
    else if (strcmp(to, "md") == 0)
        *out = CLI_TABLE_MD;
    else
        return false;
    return true;
}

int cli_table_form_arg(const ms_command *cmd, const cli_args *args, cli_table_form fallback,
                       cli_table_form *out)
{
    if (form_parse(args->to, fallback, out))
        return -1;
    cli_error("%s: unknown output form '%s' (jsonl, csv, md)", cmd->name, args->to);
    return cli_usage(cmd, true);
}

void cli_table_begin(cli_table *t, cli_table_form form, const char *const *columns,
                     size_t n_columns, ms_strbuf *sb)
{
    *t = (cli_table){form, columns, n_columns, 0, sb};
    if (form == CLI_TABLE_JSONL)
        return;
    const char *sep = form == CLI_TABLE_CSV ? "," : " | ";
    if (form == CLI_TABLE_MD)
        ms_strbuf_puts(sb, "| ");
    for (size_t i = 0; i < n_columns; i++) {
        if (i)
            ms_strbuf_puts(sb, sep);
        ms_strbuf_puts(sb, columns[i]);
    }
    if (form == CLI_TABLE_MD) {
        ms_strbuf_puts(sb, " |\n|");
        for (size_t i = 0; i < n_columns; i++)
            ms_strbuf_puts(sb, "---|");
    }
    ms_strbuf_putc(sb, '\n');
}

/* What comes before the next cell: the separator, or the row's start. */
static void open_cell(cli_table *t)
{
    bool first = t->at == 0;
    switch (t->form) {
    case CLI_TABLE_CSV:
        if (!first)
            ms_strbuf_putc(t->sb, ',');
        break;
    case CLI_TABLE_MD: ms_strbuf_puts(t->sb, first ? "| " : " | "); break;
    case CLI_TABLE_JSONL:
        ms_strbuf_puts(t->sb, first ? "{" : ",");
        ms_json_quote(t->columns[t->at], t->sb);
        ms_strbuf_putc(t->sb, ':');
        break;
    }
    t->at++;
}

void cli_table_text(cli_table *t, const char *s)
{
    if (t->at >= t->n_columns)
        return;
    open_cell(t);
    switch (t->form) {
    case CLI_TABLE_CSV: ms_figure_csv_cell(s, t->sb); break;
    case CLI_TABLE_MD: ms_md_text(s ? s : "", t->sb); break;
    case CLI_TABLE_JSONL: ms_json_quote(s, t->sb); break;
    }
}

void cli_table_num(cli_table *t, double v)
{
    if (t->at >= t->n_columns)
        return;
    open_cell(t);
    if (t->form == CLI_TABLE_JSONL)
        ms_json_number(v, t->sb); /* null when not finite */
    else if (isfinite(v))
        ms_strbuf_num(t->sb, v);
}

void cli_table_period(cli_table *t, ms_period p)
{
    char buf[MS_PERIOD_BUFSZ];
    size_t n = ms_period_format(p, buf);
    cli_table_text(t, n ? buf : NULL);
}

void cli_table_end_row(cli_table *t)
{
    while (t->at < t->n_columns)
        cli_table_text(t, NULL);
    ms_strbuf_puts(t->sb, t->form == CLI_TABLE_JSONL ? "}\n" : t->form == CLI_TABLE_MD ? " |\n" : "\n");
    t->at = 0;
}
