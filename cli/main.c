/* main.c — migstat's entry point: the command table, --help, --version,
 * and the one place a status becomes an exit code (documented in
 * docs/CLI.md: 0 ok, 1 usage, 2 bad input, 3 missing dependency,
 * 4 conflicts, 5 system error). */
#include "cli/cli.h"

#include <stdio.h>
#include <locale.h>
#include <string.h>

/* The input options every reading command takes (docs/CLI.md). */
#define INPUT_OPTIONS                                                                              \
    "Input:\n"                                                                                     \
    "  -f, --format FMT     auto (default), csv, table, sdmx, eurostat_tsv, jsonstat, json, jsonl\n" \
    "      --mapping FILE   how a table's columns become figures (JSON; a bare name is a\n"          \
    "                       shipped one from data/mappings, e.g. uk_irregular_migration)\n"         \
    "      --map F=COL,...  fill field F from a column or dimension (a template: {Year}-Q{Quarter})\n" \
    "      --set F=VAL,...  give field F a constant value (metric=entry_denials,place=GB)\n"         \
    "      --where D=V,...  keep only records whose dimension D is V (others are counted as skipped)\n" \
    "      --encoding ENC   utf-8 (default; invalid bytes are rejected) or latin1\n"               \
    "      --delimiter C    , ; | or tab (default: from the header)\n"                             \
    "      --source ID      source id for every figure (default: from the table or the file stem)\n" \
    "      --metrics FILE   metric registry (default: data/metrics.tsv)\n"                         \
    "Bad input:\n"                                                                                 \
    "      --reject FILE    write rejected records there verbatim (after the header)\n"           \
    "      --errors-json FILE  the problems and the accounting as JSON\n"                         \
    "      --max-errors N   stop reading an input after N rejected records\n"                     \
    "      --lenient        rejected records do not make the exit code 2\n"                       \
    "  -q, --quiet          no accounting line on stderr\n"

static const ms_command commands[] = {
    {"ingest", "read tables and figure files into figures (JSON Lines)", cmd_ingest,
     "usage: migstat ingest [options] FILE... | -\n"
     "Reads tables (migstat CSV, Eurostat TSV, SDMX-CSV, JSON-stat, JSON, any CSV through a\n"
     "mapping) and figure JSON Lines, and writes figures as JSON Lines as it reads.\n"
     "  -o, --output FILE    write here (atomically) instead of stdout\n"
     "  -t, --to FMT         jsonl (default) or csv (the long CSV layout; reads back)\n"
     INPUT_OPTIONS
     "Exit: 0 all accepted, 2 something rejected (good rows are still written).\n"},
    {"merge", "figure files (shards, several machines) into one, identical figures once", cmd_merge,
     "usage: migstat merge [options] FIGURES... | -\n"
     "Reads figure files (any format ingest reads) and writes their figures as JSON Lines in\n"
     "input order, each identical figure once (the first): identical means the same JSON\n"
     "text, id, quote and offsets included, so two outlets stating one number stay two.\n"
     "Streams: memory holds the distinct figures' text. Used to combine the outputs of\n"
     "sharded `migstat extract --jsonl-in` or `migstat ingest` runs (docs/SCALING.md).\n"
     "  -o, --output FILE    write here (atomically) instead of stdout\n"
     INPUT_OPTIONS
     "Exit: 0 all accepted, 2 something rejected (good figures are still written).\n"},
    {"extract", "figures from news text (English, Russian, German) as JSON Lines", cmd_extract,
     "usage: migstat extract [options] FILE... | -\n"
     "Reads news articles (UTF-8 text, one per file) and writes the figures they state:\n"
     "value, kind (count, pct_change, abs_change, multiplier, share), hedge and interval,\n"
     "metric, period and base, place, subject, quote and byte span.\n"
     "      --lang L         auto (default), en, ru or de\n"
     "      --published DATE publication date YYYY-MM-DD: anchors 'last year', 'since the\n"
     "                       beginning of the year', weekdays, year-less months\n"
     "      --source ID      source id (default: the file stem)\n"
     "      --url URL        where the article can be read\n"
     "      --jsonl-in       inputs are JSON Lines of articles {id, text, published, url,\n"
     "                       lang}; figures stream out article by article\n"
     "      --all            also figures whose metric cannot be told (metric 'other')\n"
     "      --explain        say on stderr why each other number gave no figure\n"
     "  -t, --to FMT         jsonl (default) or csv\n"
     "  -o, --output FILE    write here (atomically) instead of stdout\n"
     "  -q, --quiet          no summary line on stderr\n"
     "Bad bytes (invalid UTF-8, NUL) are read as spaces with a warning giving the byte\n"
     "offset. Exit: 0 ok, 2 an input could not be read or a --jsonl-in line was no article.\n"},
    {"change", "period-over-period changes of every count series", cmd_change,
     "usage: migstat change [options] FILE... | -\n"
     "Computes absolute and percent changes along each series (metric, place, subject,\n"
     "source), matched by calendar period: gaps are reported, never shifted.\n"
     "      --yoy            compare with the same period a year earlier\n"
     "Other forms (one at a time; derived figures name the figures they come from):\n"
     "      --log            ln(current / previous) (kind log_change; with --yoy too)\n"
     "      --decumulate     year-to-date figures (Jan-May, Jan-Jun ...) to months:\n"
     "                       month m = YTD(m) - YTD(m-1); a missing YTD is a gap\n"
     "      --cumulate       monthly figures to year-to-date sums within each year\n"
     "      --cagr           compound annual growth, first to last period of each\n"
     "                       series (kind cagr, percent a year)\n"
     "      --between P1,P2  with --cagr: from period P1 to P2 (e.g. 2019,2023)\n"
     "  -t, --to FMT         jsonl (derived figures, default), csv (the same in the long CSV\n"
     "                       layout, a fifth of the bytes) or md (a table with gaps)\n"
     "  -o, --output FILE    write here (atomically) instead of stdout\n"
     INPUT_OPTIONS},
    {"ratio", "ratio of two metrics, shares of a total, rates per capita", cmd_ratio,
     "usage: migstat ratio --num METRIC --den METRIC [options] FILE... | -\n"
     "       migstat ratio --share-of subject|country|METRIC [--num METRIC] FILE...\n"
     "       migstat ratio --per-capita POPULATION_METRIC [--per N] FILE...\n"
     "Writes derived figures (JSON Lines) with intervals carried through, for the same\n"
     "place, subject, period and source:\n"
     "      --num, --den     kind ratio: num / den\n"
     "      --share-of WHAT  kind share, part / total x 100: subject (the total is\n"
     "                       subject foreign_citizens), country (RU for RU-MOW) or a\n"
     "                       metric (the total; the part is --num)\n"
     "      --per-capita M   value / population x N (kind ratio, unit per_N_M), the\n"
     "                       population of metric M for the same place and period or\n"
     "                       one containing it, from any source\n"
     "      --per N          rate per N inhabitants (default 100000)\n"
     "  -o, --output FILE    write here (atomically) instead of stdout\n"
     INPUT_OPTIONS},
    {"index", "every count series as an index, base period = 100", cmd_index,
     "usage: migstat index --base PERIOD [options] FILE... | -\n"
     "Divides each figure by the figure of the base period of its series (x 100),\n"
     "intervals carried. Only periods of the base's grain are indexed. A series\n"
     "without the base, or whose base interval contains 0, is reported (see --to md).\n"
     "      --base PERIOD    2020, 2024-Q1, 2024-01, 2024-01/2024-07 (required)\n"
     "  -t, --to FMT         jsonl (kind index figures, default), csv or md\n"
     "  -o, --output FILE    write here (atomically) instead of stdout\n"
     INPUT_OPTIONS},
    {"trend", "least-squares trend of every count series, with a prediction", cmd_trend,
     "usage: migstat trend [options] FILE... | -\n"
     "Fits value = intercept + slope x year (x = the period's midpoint in decimal\n"
     "years) by ordinary least squares over the periods of the series' last grain.\n"
     "Rows: 'point' (value, fitted, lo/hi = 95 % confidence band of the line) and\n"
     "'next' (the period after the last: prediction, lo/hi = 95 % prediction\n"
     "interval); each row repeats n, slope, intercept, their standard errors and R2.\n"
     "Fewer than 3 points: one row 'not_enough_points', no numbers.\n"
     "  -t, --to FMT         md (default), csv or jsonl\n"
     "  -o, --output FILE    write here (atomically) instead of stdout\n"
     INPUT_OPTIONS},
    {"summary", "n, first/last, min/max, mean, median, sd of every series", cmd_summary,
     "usage: migstat summary [options] FILE... | -\n"
     "One row per series over the periods of its last figure's grain; missing values\n"
     "and other grains are left out and counted (n_missing, n_other_grain).\n"
     "sd is the sample standard deviation (n - 1).\n"
     "  -t, --to FMT         md (default), csv or jsonl\n"
     "  -o, --output FILE    write here (atomically) instead of stdout\n"
     INPUT_OPTIONS},
    {"test-counts", "is a change from one count to another more than chance?", cmd_test_counts,
     "usage: migstat test-counts [options] K1 K2\n"
     "Exact conditional test of two Poisson counts: with equal rates, K1 of the K1 + K2\n"
     "events fall in the first period with probability T1 / (T1 + T2). p_value is\n"
     "two-sided: the probability of every split no more likely than the one observed\n"
     "(as R's poisson.test). rate_ratio = (K1/T1) / (K2/T2) with its exact 95 %\n"
     "interval rr_lo, rr_hi (empty when unbounded). 'test-counts 15 8' gives p = 0.21.\n"
     "      --exposure T1,T2 lengths of the two periods (default 1,1; e.g. 7,12 months)\n"
     "  -t, --to FMT         md (default), csv or jsonl\n"
     "  -o, --output FILE    write here (atomically) instead of stdout\n"},
    {"check", "consistency of figures across sources", cmd_check,
     "usage: migstat check [options] FILE... | -\n"
     "Checks figures against each other and reports findings: conflict (they cannot all be\n"
     "right), mismatch (possible definition mismatch), revision, weak (holds only toward the\n"
     "edge of the intervals) and ok. Intervals come from lo/hi, or from hedge and the digits\n"
     "stated (\"143000\" is rounded to thousands); counts agree when they share a whole number.\n"
     "Rules:\n"
     "  same_key     same metric, kind, period, base, place, subject across source families\n"
     "  definition   metrics of one family (data/metrics.tsv) for the same figure: mismatch\n"
     "  revision     one source family restating a figure with a new value\n"
     "  implied      level and change imply the base (93000 / 1.53); a source's two levels\n"
     "               imply the change it states\n"
     "  cumulative   year-to-date counts never fall; a month never exceeds its year to date\n"
     "  part_whole   citizenship <= foreign_citizens, region <= country, parts <= total\n"
     "A source family is the source id without a trailing date or edition (asiaplus-2024-10-08\n"
     "-> asiaplus; -v2, -ed2, -rev2), or the same url host; a missing 'published' is read from\n"
     "the date in the id.\n"
     "      --rules FILE     also check the rules of FILE, one a line ('#' comments):\n"
     "                         deportations <= entry_bans\n"
     "                         pct_change(deportations) in [-90, 500]\n"
     "                         sum(subject) == subject:foreign_citizens ~ 1%\n"
     "                         place:RU-MOW & deportations <= place:RU ~ 50\n"
     "                       rule = side OP side [~ N[%]] | side in [N, N] [~ N[%]]\n"
     "                       OP = <= < == >= >; side = number | sum(subject|place [, conds])\n"
     "                       | KIND(conds) | conds; conds = cond & cond ...; cond = METRIC |\n"
     "                       metric:M | subject:S | place:P. Sides pair figures of the same\n"
     "                       period and of every field not both name; a rule fails only when\n"
     "                       no values the intervals allow satisfy it.\n"
     "      --all            also list the ok findings\n"
     "  -t, --to FMT         text (default) or jsonl (one finding per line, then one\n"
     "                       {\"summary\": true, ...} record per rule)\n"
     "  -o, --output FILE    write here (atomically) instead of stdout\n"
     INPUT_OPTIONS
     "Exit: 0 no conflict, 4 conflicts found, 2 bad input or a bad rules file\n"
     "(FILE:LINE:COLUMN: reason).\n"},
    {"plot", "charts through gnuplot: line, yoy, sources, ratio, multiples", cmd_plot,
     "usage: migstat plot [options] --kind K -o FILE_OR_DIR FILE... | -\n"
     "Draws charts of one kind (default line):\n"
     "  line       one time series chart per metric (one line per place, subject, source)\n"
     "  yoy        year-on-year change in % per series, bars around 0, gaps named\n"
     "  sources    per metric, what each source says for the same period, place and\n"
     "             subject; rows whose intervals share no value are marked conflict\n"
     "  ratio      --num M1 --den M2: the ratio of two metrics over time\n"
     "  multiples  --by metric|place: one panel per metric or place, shared years\n"
     "  -o, --output PATH    NAME.svg|.png|.pdf writes that one chart; any other name\n"
     "                       is a folder (created if needed) with one file per chart\n"
     "  -f, --format FMT     svg (default), png or pdf, or a list (svg,png); any other\n"
     "                       value names the input reader\n"
     "      --svg, --png, --pdf  formats, as --format\n"
     "      --size WxH       size in pixels (default 800x450; PNG without --size 1000x560)\n"
     "      --num M, --den M numerator and denominator metrics (--kind ratio)\n"
     "      --by metric|place  panels of --kind multiples (default metric)\n"
     "      --gnuplot PATH   gnuplot program (default: gnuplot on PATH)\n"
     INPUT_OPTIONS
     "Exit: 2 nothing to draw, 3 when gnuplot is not installed (Debian package gnuplot-nox).\n"},
    {"report", "the whole pipeline: figures, changes, checks, charts, report.md/.html/.json", cmd_report,
     "usage: migstat report [options] -o DIR INPUT...\n"
     "Reads every input (tables, and news articles: *.txt and *.md through the text\n"
     "extractor, dated by the sources.tsv next to them), computes changes and ratios,\n"
     "checks consistency, draws the charts and writes DIR/report.md, DIR/report.html\n"
     "(one self-contained page) and DIR/report.json (and DIR/figures.jsonl, DIR/charts/).\n"
     "  -o, --output DIR     output folder (required)\n"
     "  -f, --format LIST    report formats, comma-separated: md, html, json (default: all);\n"
     "                       here it replaces the input -f below (inputs are sniffed)\n"
     "      --no-charts      skip the charts (no gnuplot needed)\n"
     "      --gnuplot PATH   gnuplot program (default: gnuplot on PATH)\n"
     "      --lang L         language of articles not in a sources.tsv (auto, en, ru, de)\n"
     "      --published DATE publication date of articles a sources.tsv does not date\n"
     "      --jsonl-in       *.jsonl inputs are JSON Lines of articles {id, text, published, url, lang}\n"
     "      --explain        say on stderr why each number-like span of an article gave no figure\n"
     INPUT_OPTIONS
     "Exit: 0 ok (conflicts are reported in the report, not in the exit code),\n"
"2 some input rejected (the report is still written), 3 gnuplot missing.\n"},
};

const ms_command *cli_find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static void print_main_usage(FILE *out)
{
    fprintf(out, "usage: migstat COMMAND [options] [FILE...]\n\nCommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-11s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'migstat COMMAND --help' describes a command. Inputs are files or '-' (stdin);\n"
                 "figures go out as JSON Lines on stdout unless -o is given, so commands chain with\n"
                 "'|'; trend, summary and test-counts print a Markdown table (--to csv|jsonl).\n"
                 "Exit codes: 0 ok, 1 usage, 2 bad input data, 3 missing dependency,\n"
                 "4 conflicts found (check), 5 system error.\n");
}

int main(int argc, char **argv)
{
    /* The user's locale, as any program takes it: numbers never depend on
     * it (core/num.c is locale-free), and tests/locale/run.sh proves the
     * outputs byte-identical under C, ru_RU.UTF-8 and de_DE.UTF-8. */
    setlocale(LC_ALL, "");
    if (argc < 2) {
        print_main_usage(stderr);
        return ms_status_exit_code(MS_ERR_USAGE);
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("migstat %s\n", MS_VERSION);
        return 0;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        print_main_usage(stdout);
        return 0;
    }
    const ms_command *cmd = cli_find_command(argv[1]);
    if (!cmd) {
        cli_error("unknown command '%s' (see 'migstat --help')", argv[1]);
        return ms_status_exit_code(MS_ERR_USAGE);
    }
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return cli_usage(cmd, false);
    }
    return cmd->run(argc - 1, argv + 1);
}
