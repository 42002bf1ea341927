/* args.c — one option parser for every command (getopt_long); each command
 * says which options beyond the input ones it takes. */
#include "cli/cli.h"
#include "plots/plots.h"

#include "core/num.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_METRICS = 256,
    OPT_SOURCE,
    OPT_YOY,
    OPT_NUM,
    OPT_DEN,
    OPT_SVG,
    OPT_PNG,
    OPT_PDF,
    OPT_GNUPLOT,
    OPT_NO_CHARTS,
    OPT_MAPPING,
    OPT_MAP,
    OPT_SET,
    OPT_WHERE,
    OPT_ENCODING,
    OPT_DELIMITER,
    OPT_REJECT,
    OPT_ERRORS_JSON,
    OPT_MAX_ERRORS,
    OPT_LENIENT,
    OPT_LANG,
    OPT_PUBLISHED,
    OPT_URL,
    OPT_JSONL_IN,
    OPT_ALL,
    OPT_EXPLAIN,
    OPT_BASE,
    OPT_LOG,
    OPT_DECUMULATE,
    OPT_CUMULATE,
    OPT_CAGR,
    OPT_BETWEEN,
    OPT_SHARE_OF,
    OPT_PER_CAPITA,
    OPT_PER,
    OPT_EXPOSURE,
    OPT_KIND,
    OPT_SIZE,
    OPT_BY,
};

static const struct option long_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"metrics", required_argument, NULL, OPT_METRICS},
    {"source", required_argument, NULL, OPT_SOURCE},
    {"quiet", no_argument, NULL, 'q'},
    {"output", required_argument, NULL, 'o'},
    {"to", required_argument, NULL, 't'},
    {"yoy", no_argument, NULL, OPT_YOY},
    {"num", required_argument, NULL, OPT_NUM},
    {"den", required_argument, NULL, OPT_DEN},
    {"svg", no_argument, NULL, OPT_SVG},
    {"png", no_argument, NULL, OPT_PNG},
    {"pdf", no_argument, NULL, OPT_PDF},
    {"gnuplot", required_argument, NULL, OPT_GNUPLOT},
    {"no-charts", no_argument, NULL, OPT_NO_CHARTS},
    {"mapping", required_argument, NULL, OPT_MAPPING},
    {"map", required_argument, NULL, OPT_MAP},
    {"set", required_argument, NULL, OPT_SET},
    {"where", required_argument, NULL, OPT_WHERE},
    {"encoding", required_argument, NULL, OPT_ENCODING},
    {"delimiter", required_argument, NULL, OPT_DELIMITER},
    {"reject", required_argument, NULL, OPT_REJECT},
    {"errors-json", required_argument, NULL, OPT_ERRORS_JSON},
    {"max-errors", required_argument, NULL, OPT_MAX_ERRORS},
    {"lenient", no_argument, NULL, OPT_LENIENT},
    {"lang", required_argument, NULL, OPT_LANG},
    {"published", required_argument, NULL, OPT_PUBLISHED},
    {"url", required_argument, NULL, OPT_URL},
    {"jsonl-in", no_argument, NULL, OPT_JSONL_IN},
    {"all", no_argument, NULL, OPT_ALL},
    {"explain", no_argument, NULL, OPT_EXPLAIN},
    {"base", required_argument, NULL, OPT_BASE},
    {"log", no_argument, NULL, OPT_LOG},
    {"decumulate", no_argument, NULL, OPT_DECUMULATE},
    {"cumulate", no_argument, NULL, OPT_CUMULATE},
    {"cagr", no_argument, NULL, OPT_CAGR},
    {"between", required_argument, NULL, OPT_BETWEEN},
    {"share-of", required_argument, NULL, OPT_SHARE_OF},
    {"per-capita", required_argument, NULL, OPT_PER_CAPITA},
    {"per", required_argument, NULL, OPT_PER},
    {"exposure", required_argument, NULL, OPT_EXPOSURE},
    {"kind", required_argument, NULL, OPT_KIND},
    {"size", required_argument, NULL, OPT_SIZE},
    {"by", required_argument, NULL, OPT_BY},
    {NULL, 0, NULL, 0},
};

/* Which option group an option belongs to (0 = always allowed). */
static unsigned group_of(int c)
{
    switch (c) {
    case 'f':
    case OPT_METRICS:
    case OPT_MAPPING:
    case OPT_MAP:
    case OPT_SET:
    case OPT_WHERE:
    case OPT_ENCODING:
    case OPT_DELIMITER:
    case OPT_REJECT:
    case OPT_ERRORS_JSON:
    case OPT_MAX_ERRORS:
    case OPT_LENIENT: return CLI_OPT_TABLES;
    case OPT_LANG:
    case OPT_PUBLISHED:
    case OPT_URL:
    case OPT_JSONL_IN:
    case OPT_ALL:
    case OPT_EXPLAIN: return CLI_OPT_TEXT;
    case 'o': return CLI_OPT_OUTPUT;
    case 't': return CLI_OPT_TO;
    case OPT_YOY: return CLI_OPT_YOY;
    case OPT_NUM:
    case OPT_DEN: return CLI_OPT_RATIO;
    case OPT_SVG:
    case OPT_PNG:
    case OPT_PDF:
    case OPT_GNUPLOT:
    case OPT_NO_CHARTS: return CLI_OPT_CHARTS;
    case OPT_BASE: return CLI_OPT_BASE;
    case OPT_LOG:
    case OPT_DECUMULATE:
    case OPT_CUMULATE:
    case OPT_CAGR:
    case OPT_BETWEEN: return CLI_OPT_CHANGE_FORMS;
    case OPT_SHARE_OF:
    case OPT_PER_CAPITA:
    case OPT_PER: return CLI_OPT_SHARES;
    case OPT_EXPOSURE: return CLI_OPT_EXPOSURE;
    case OPT_KIND:
    case OPT_SIZE:
    case OPT_BY: return CLI_OPT_PLOT;
    default: return 0;
    }
}

/* "A,B" (two periods, or two numbers): the parts split at the comma;
 * false when there is not exactly one comma with text on both sides. */
static bool split_pair(const char *s, char *first, char *second, size_t cap)
{
    const char *comma = strchr(s, ',');
    if (!comma || comma == s || !comma[1] || strchr(comma + 1, ',') ||
        (size_t)(comma - s) >= cap || strlen(comma + 1) >= cap)
        return false;
    memcpy(first, s, (size_t)(comma - s));
    first[comma - s] = '\0';
    strcpy(second, comma + 1);
    return true;
}

static bool parse_period_arg(const char *s, ms_period *out)
{
    return ms_period_parse(s, strlen(s), out) == MS_OK;
}

/* --between P1,P2 */
static bool parse_between(const char *s, ms_period *first, ms_period *last)
{
    char a[64], b[64];
    return split_pair(s, a, b, sizeof a) && parse_period_arg(a, first) && parse_period_arg(b, last);
}

/* --exposure T1,T2: two numbers > 0 */
static bool parse_exposure(const char *s, double *t1, double *t2)
{
    char a[64], b[64];
    return split_pair(s, a, b, sizeof a) && ms_num_parse_cstr(a, t1) == MS_OK &&
           ms_num_parse_cstr(b, t2) == MS_OK && *t1 > 0 && *t2 > 0;
}

/* --size WxH: two whole numbers of pixels, 200..10000 each */
static bool parse_size(const char *s, int *w, int *h)
{
    char *x;
    long a = strtol(s, &x, 10);
    if (x == s || (*x != 'x' && *x != 'X') || s[0] == '-' || s[0] == '+')
        return false;
    const char *rest = x + 1;
    char *end;
    long b = strtol(rest, &end, 10);
    if (end == rest || *end || rest[0] == '-' || rest[0] == '+' || a < 200 || b < 200 || a > 10000 || b > 10000)
        return false;
    *w = (int)a;
    *h = (int)b;
    return true;
}

/* Appends a repeatable option's value; false when there are too many. */
static bool add_spec(const char **specs, size_t *n, const char *value)
{
    if (*n >= CLI_MAX_SPECS)
        return false;
    specs[(*n)++] = value;
    return true;
}

/* --delimiter: one of , ; tab (as "tab" or "\t") |. */
static bool parse_delimiter(const char *s, char *out)
{
    if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0 || strcmp(s, "\t") == 0) {
        *out = '\t';
        return true;
    }
    if (strlen(s) == 1 && strchr(",;|\t", s[0])) {
        *out = s[0];
        return true;
    }
    return false;
}

int cli_parse_args(const ms_command *cmd, int argc, char **argv, unsigned allowed, cli_args *out)
{
    memset(out, 0, sizeof *out);
    out->input.format = "auto";
    out->base = out->between_first = out->between_last = ms_period_none();
    out->per = 100000;
    out->t1 = out->t2 = 1;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "f:qo:t:", long_options, NULL)) != -1) {
        if (c == '?' || c == ':') {
            const char *bad = argv[optind - 1];
            cli_error("%s: unknown option or missing value '%s'", cmd->name, bad ? bad : "");
            return cli_usage(cmd, true);
        }
        unsigned group = group_of(c);
        if (group && !(allowed & group)) {
            cli_error("%s: option '%s' does not apply to this command", cmd->name, argv[optind - 1]);
            return cli_usage(cmd, true);
        }
        switch (c) {
        case 'f': out->input.format = optarg; break;
        case 'q': out->input.quiet = true; break;
        case OPT_METRICS: out->input.metrics_path = optarg; break;
        case OPT_SOURCE: out->input.source = optarg; break;
        case 'o': out->output = optarg; break;
        case 't': out->to = optarg; break;
        case OPT_YOY: out->yoy = true; break;
        case OPT_NUM: out->num = optarg; break;
        case OPT_DEN: out->den = optarg; break;
        case OPT_SVG: out->chart_formats |= MS_PLOT_SVG; break;
        case OPT_PNG: out->chart_formats |= MS_PLOT_PNG; break;
        case OPT_PDF: out->chart_formats |= MS_PLOT_PDF; break;
        case OPT_GNUPLOT: out->gnuplot = optarg; break;
        case OPT_NO_CHARTS: out->no_charts = true; break;
        case OPT_MAPPING: out->input.mapping_path = optarg; break;
        case OPT_ENCODING: out->input.encoding = optarg; break;
        case OPT_REJECT: out->input.reject_path = optarg; break;
        case OPT_ERRORS_JSON: out->input.errors_json = optarg; break;
        case OPT_LENIENT: out->input.lenient = true; break;
        case OPT_LANG: out->lang = optarg; break;
        case OPT_PUBLISHED: out->published = optarg; break;
        case OPT_URL: out->url = optarg; break;
        case OPT_JSONL_IN: out->jsonl_in = true; break;
        case OPT_ALL: out->all = true; break;
        case OPT_EXPLAIN: out->explain = true; break;
        case OPT_LOG: out->log = true; break;
        case OPT_DECUMULATE: out->decumulate = true; break;
        case OPT_CUMULATE: out->cumulate = true; break;
        case OPT_CAGR: out->cagr = true; break;
        case OPT_SHARE_OF: out->share_of = optarg; break;
        case OPT_PER_CAPITA: out->per_capita = optarg; break;
        case OPT_KIND: out->kind = optarg; break;
        case OPT_BY: out->by = optarg; break;
        case OPT_SIZE:
            if (!parse_size(optarg, &out->width, &out->height)) {
                cli_error("%s: --size takes WIDTHxHEIGHT in pixels, 200 to 10000 each (1200x675), not '%s'",
                          cmd->name, optarg);
                return cli_usage(cmd, true);
            }
            break;
        case OPT_BASE:
            if (!parse_period_arg(optarg, &out->base)) {
                cli_error("%s: --base takes a period (2020, 2024-Q1, 2024-01), not '%s'", cmd->name, optarg);
                return cli_usage(cmd, true);
            }
            break;
        case OPT_BETWEEN:
            if (!parse_between(optarg, &out->between_first, &out->between_last)) {
                cli_error("%s: --between takes two periods FIRST,LAST (2019,2023), not '%s'", cmd->name,
                          optarg);
                return cli_usage(cmd, true);
            }
            break;
        case OPT_PER:
            if (ms_num_parse_cstr(optarg, &out->per) != MS_OK || !(out->per > 0)) {
                cli_error("%s: --per takes a number > 0, not '%s'", cmd->name, optarg);
                return cli_usage(cmd, true);
            }
            break;
        case OPT_EXPOSURE:
            if (!parse_exposure(optarg, &out->t1, &out->t2)) {
                cli_error("%s: --exposure takes two numbers > 0 T1,T2, not '%s'", cmd->name, optarg);
                return cli_usage(cmd, true);
            }
            break;
        case OPT_MAP:
        case OPT_SET:
        case OPT_WHERE: {
            bool ok = c == OPT_MAP   ? add_spec(out->input.map_specs, &out->input.n_map, optarg)
                      : c == OPT_SET ? add_spec(out->input.set_specs, &out->input.n_set, optarg)
                                     : add_spec(out->input.where_specs, &out->input.n_where, optarg);
            if (!ok) {
                cli_error("%s: at most %d of '%s'", cmd->name, CLI_MAX_SPECS, argv[optind - 2]);
                return cli_usage(cmd, true);
            }
            break;
        }
        case OPT_DELIMITER:
            if (!parse_delimiter(optarg, &out->input.delimiter)) {
                cli_error("%s: --delimiter is one of ',' ';' '|' 'tab'", cmd->name);
                return cli_usage(cmd, true);
            }
            break;
        case OPT_MAX_ERRORS: {
            char *end;
            unsigned long long n = strtoull(optarg, &end, 10);
            if (!*optarg || *end || optarg[0] == '-' || n == 0) {
                cli_error("%s: --max-errors takes a whole number > 0, not '%s'", cmd->name, optarg);
                return cli_usage(cmd, true);
            }
            out->input.max_errors = (size_t)n;
            break;
        }
        default: return cli_usage(cmd, true);
        }
    }
    out->paths = argv + optind;
    out->n_paths = argc - optind;
    return -1;
}
