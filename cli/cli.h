/* cli.h — what the command files share: the command table entry, loading
 * inputs with accounting, printing diagnostics. Only cli/ prints or exits. */
#ifndef MS_CLI_H
#define MS_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "core/atomic_file.h"
#include "core/diag.h"
#include "core/figure.h"
#include "core/metric.h"
#include "core/series.h"
#include "core/status.h"
#include "stats/stats.h"

/* One command: name, one-line summary, handler (argc/argv start at the
 * command name), usage text printed by --help. */
typedef struct ms_command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
    const char *usage;
} ms_command;

#define CLI_MAX_SPECS 32

/* Options every command that reads figures accepts. */
typedef struct cli_input_options {
    const char *metrics_path; /* NULL = data dir's metrics.tsv */
    const char *format;       /* "auto" or a reader's name */
    const char *source;       /* source id override, or NULL */
    bool quiet;               /* no accounting line */
    /* tables */
    const char *mapping_path; /* --mapping FILE */
    const char *map_specs[CLI_MAX_SPECS];   /* --map, repeatable */
    size_t n_map;
    const char *set_specs[CLI_MAX_SPECS];   /* --set */
    size_t n_set;
    const char *where_specs[CLI_MAX_SPECS]; /* --where */
    size_t n_where;
    const char *encoding;     /* --encoding utf-8|latin1 */
    char delimiter;           /* --delimiter */
    /* bad input */
    const char *reject_path;  /* --reject FILE: rejected records verbatim */
    const char *errors_json;  /* --errors-json FILE */
    size_t max_errors;        /* --max-errors N (per input; 0 = no limit) */
    bool lenient;             /* --lenient: rejected records do not make the
                                 exit code 2 */
    /* inputs a command reads itself (report: news articles): when
       claims(ctx, path) holds, read(ctx, path, figures, diag) adds the
       figures and counts them in diag instead of a table reader */
    bool (*claims)(void *ctx, const char *path);
    ms_status (*read)(void *ctx, const char *path, ms_figure_set *figures, ms_diag *diag);
    void *read_ctx;
} cli_input_options;

/* What one input gave (the difference it made to the run's counts). */
typedef struct cli_input_counts {
    const char *path; /* borrowed from the command line */
    size_t read, accepted, rejected, missing, skipped;
} cli_input_counts;

/* Loaded inputs: the figures, the registry and the run's diagnostics. */
typedef struct cli_inputs {
    ms_metric_registry metrics;
    ms_figure_set figures;
    ms_diag diag;
    cli_input_counts *per_input; /* one per path read, in order */
    size_t n_per_input;
} cli_inputs;

/* Reads every path ("-" = stdin; none = stdin) into in->figures, printing
 * each problem as "file:line:column: reason" and, unless quiet, the
 * accounting line on stderr. Returns MS_OK, MS_ERR_DATA (something was
 * rejected; good records are still loaded), or a fatal status, in which
 * case `in` has already been freed (cli_load_failed tells which). */
ms_status cli_load_inputs(cli_inputs *in, const cli_input_options *opt,
                          char **paths, int n_paths);

/* The same, but every accepted figure goes to sink(ctx, figure) as it is
 * read (in->figures stays empty): for commands that stream. */
ms_status cli_stream_inputs(cli_inputs *in, const cli_input_options *opt, char **paths,
                            int n_paths, ms_status (*sink)(void *ctx, const ms_figure *f),
                            void *ctx);
void cli_inputs_free(cli_inputs *in);

/* True for a status of cli_load_inputs after which the command stops. */
static inline bool cli_load_failed(ms_status st) { return st != MS_OK && st != MS_ERR_DATA; }

/* Prints every entry of diag to stderr. */
void cli_print_diag(const ms_diag *diag);

/* "migstat: <message>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes the buffer to path atomically, or to stdout when path is NULL or
 * "-". A buffer whose allocation failed gives MS_ERR_NOMEM. */
ms_status cli_write_output(const char *path, const ms_strbuf *sb);

/* Figures written as they come (figure_writer.c), as JSON Lines or as CSV
 * in the long layout (core/figure_csv.h): to stdout when path is NULL or
 * "-", else atomically to path. put has the ms_figure_sink signature (ctx =
 * the writer). close(keep = false) drops a file output; close(keep = true)
 * flushes and commits, saying so when the output cannot be written. */
typedef struct cli_figure_writer {
    FILE *fp;
    ms_strbuf buf;
    bool csv;
    bool to_file;
    const char *path;
    ms_atomic_file file;
} cli_figure_writer;
ms_status cli_figure_writer_open(cli_figure_writer *w, const char *path, bool csv);
ms_status cli_figure_writer_put(void *ctx, const ms_figure *f);
ms_status cli_figure_writer_close(cli_figure_writer *w, bool keep);

/* Prints usage of cmd on stdout (for --help) or stderr (after a usage
 * error) and returns the exit code to use. */
int cli_usage(const ms_command *cmd, bool error);

/* Options beyond the input ones, allowed per command (bit set). */
enum {
    CLI_OPT_OUTPUT = 1u << 0,  /* -o, --output */
    CLI_OPT_TO = 1u << 1,      /* -t, --to */
    CLI_OPT_YOY = 1u << 2,     /* --yoy */
    CLI_OPT_RATIO = 1u << 3,   /* --num, --den */
    CLI_OPT_CHARTS = 1u << 4,  /* --svg --png --pdf --gnuplot --no-charts */
    CLI_OPT_TABLES = 1u << 5,  /* the table input options: --format, --mapping,
                                  --map/--set/--where, --encoding, --delimiter,
                                  --reject, --errors-json, --max-errors,
                                  --lenient, --metrics */
    CLI_OPT_TEXT = 1u << 6,    /* text input: --lang, --published, --url,
                                  --jsonl-in, --all, --explain */
    CLI_OPT_BASE = 1u << 7,    /* --base PERIOD */
    CLI_OPT_CHANGE_FORMS = 1u << 8, /* --log, --decumulate, --cumulate, --cagr,
                                       --between */
    CLI_OPT_SHARES = 1u << 9,  /* --share-of, --per-capita, --per */
    CLI_OPT_EXPOSURE = 1u << 10, /* --exposure T1,T2 */
    CLI_OPT_PLOT = 1u << 11,   /* --kind, --size, --by */
};

/* Everything a command line can say. */
typedef struct cli_args {
    cli_input_options input;
    const char *output;
    const char *to;
    bool yoy;
    const char *num, *den;
    const char *gnuplot;
    unsigned chart_formats; /* MS_PLOT_* bits; 0 = command default */
    bool no_charts;
    /* text input (extract) */
    const char *lang;       /* auto, en, ru, de */
    const char *published;  /* YYYY-MM-DD */
    const char *url;
    bool jsonl_in, all, explain;
    /* derived series (index, change) */
    ms_period base;          /* --base; none when not given */
    bool log, decumulate, cumulate, cagr;
    ms_period between_first, between_last; /* --between; none when not given */
    const char *share_of;    /* subject, country or a metric */
    const char *per_capita;  /* population metric */
    double per;              /* --per (default 100000) */
    double t1, t2;           /* --exposure (default 1,1) */
    /* plot */
    const char *kind;        /* --kind (NULL = line) */
    const char *by;          /* --by metric|place */
    int width, height;       /* --size WxH; 0 = the chart's default */
    char **paths;           /* the operands */
    int n_paths;
} cli_args;

/* Parses argv (argv[0] = command name) allowing the options in `allowed`.
 * Returns -1 on success, else the exit code to return (usage printed). */
int cli_parse_args(const ms_command *cmd, int argc, char **argv, unsigned allowed, cli_args *out);

/* The command table (main.c) and a lookup by name. */
const ms_command *cli_find_command(const char *name);

/* Command handlers, one file each. */
int cmd_ingest(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_change(int argc, char **argv);
int cmd_ratio(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_index(int argc, char **argv);
int cmd_trend(int argc, char **argv);
int cmd_summary(int argc, char **argv);
int cmd_test_counts(int argc, char **argv);

/* ---- tables of results (table_out.c) ---- */

/* Rows of named cells written as CSV (a header line, then rows), JSON
 * Lines (one object a row) or a Markdown table; numbers through
 * core/num.c only, not finite ones as empty cells (null in JSON). */
typedef enum cli_table_form { CLI_TABLE_JSONL, CLI_TABLE_CSV, CLI_TABLE_MD } cli_table_form;

/* --to of cmd ("jsonl", "csv", "md"; not given = fallback) -> *out. Returns
 * -1, or after a usage error the exit code to return. */
int cli_table_form_arg(const ms_command *cmd, const cli_args *args, cli_table_form fallback,
                       cli_table_form *out);

typedef struct cli_table {
    cli_table_form form;
    const char *const *columns;
    size_t n_columns;
    size_t at;      /* the next cell's column */
    ms_strbuf *sb;  /* borrowed */
} cli_table;

/* Starts a table (writes the CSV or Markdown header). */
void cli_table_begin(cli_table *t, cli_table_form form, const char *const *columns,
                     size_t n_columns, ms_strbuf *sb);
void cli_table_text(cli_table *t, const char *s); /* NULL = empty */
void cli_table_num(cli_table *t, double v);
void cli_table_period(cli_table *t, ms_period p);
/* Ends a row; cells not given are empty. */
void cli_table_end_row(cli_table *t);

/* ---- derived points along series (points_out.c) ---- */

/* Computes the points of one series into *out (a stats/ function). */
typedef ms_status (*cli_points_fn)(const ms_series *s, const cli_args *args, ms_point_list *out);

/* For every count series: the points, written as derived figures (jsonl,
 * csv in the long layout) or as a Markdown table that also shows every
 * point without a value and why. *n_not_ok counts those. */
ms_status cli_write_points(const ms_series_set *ss, cli_points_fn compute, const ms_point_form *form,
                           const cli_args *args, cli_table_form to, ms_strbuf *sb, size_t *n_not_ok);

/* The whole run of a command that derives points: load, group, compute,
 * write (cli_write_points), and say on stderr how many points have no
 * value ("N: <why_not> (see --to md)"). Returns the exit code. */
int cli_run_points(const cli_args *args, cli_points_fn compute, const ms_point_form *form,
                   cli_table_form to, const char *why_not);

/* The whole run of a command that writes one table over every series
 * (trend, summary): parse the options, load, group, then rows(t, series)
 * for each; the table defaults to Markdown. Returns the exit code. */
typedef ms_status (*cli_series_rows_fn)(cli_table *t, const ms_series *s);
int cli_run_series_table(const char *command, int argc, char **argv, const char *const *columns,
                         size_t n_columns, cli_series_rows_fn rows);

/* Loads the inputs and groups them into series (the undated counted on
 * stderr unless quiet); *load_st = what loading returned (MS_ERR_DATA when
 * something was rejected). On failure returns the exit code to use (>= 0),
 * in is then freed; else -1. */
int cli_load_series(const cli_args *args, cli_inputs *in, ms_series_set *ss, ms_status *load_st);

#endif
