/* figure_csv.h — figures as CSV rows in migstat's long layout
 * (docs/CLI.md, "The long CSV layout"), so that `--to csv` output reads
 * back with `migstat ingest` and opens in a spreadsheet, Miller or pandas.
 * Compact: about a fifth of the JSON Lines bytes for derived figures. */
#ifndef MS_FIGURE_CSV_H
#define MS_FIGURE_CSV_H

#include "core/figure.h"
#include "core/strbuf.h"

/* Appends the header line (with its newline). */
void ms_figure_csv_header(ms_strbuf *sb);

/* Appends one figure as a CSV row (with its newline): strings quoted when
 * they hold a comma, quote or line break; a missing value as an empty
 * cell; periods in their shortest ISO form; inputs joined by ';'. */
void ms_figure_csv_format(const ms_figure *f, ms_strbuf *sb);

/* Appends one text cell quoted as the rows quote it (NULL = empty), for
 * other CSV tables (cli/ tables of trends and summaries). */
void ms_figure_csv_cell(const char *s, ms_strbuf *sb);

#endif
