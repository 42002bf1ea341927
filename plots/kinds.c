/* kinds.c — the table of chart kinds and the output names they share. */
#include "plots/kinds.h"
#include "plots/chart_common.h"

#include <string.h>

static const ms_plot_kind kinds[] = {
    {"line", ms_plot_kind_line, "time series per metric: lines, whiskers, breaks, hollow provisional values"},
    {"yoy", ms_plot_kind_yoy, "year-on-year change in % per series: bars around 0, whiskers, gaps named"},
    {"sources", ms_plot_kind_sources, "what each source says for the same key, conflicts marked"},
    {"ratio", ms_plot_kind_ratio, "ratio of two metrics (--num, --den) over time"},
    {"multiples", ms_plot_kind_multiples, "small multiples: one panel per metric or place (--by)"},
};

const ms_plot_kind *ms_plot_kinds(size_t *count)
{
    *count = MS_N_OF(kinds);
    return kinds;
}

const ms_plot_kind *ms_plot_kind_find(const char *name)
{
    for (size_t i = 0; name && i < MS_N_OF(kinds); i++)
        if (strcmp(kinds[i].name, name) == 0)
            return &kinds[i];
    return NULL;
}

ms_status ms_plot_out_base(const ms_plot_request *req, const char *kind, const char *stem, size_t n,
                           const char *what, ms_strbuf *base, ms_strbuf *err)
{
    ms_strbuf_clear(base);
    if (req->out_base) {
        if (n > 1) {
            ms_strbuf_printf(err, "plot --kind %s makes %zu charts here (%s): give -o a folder, not a file\n",
                             kind, n, what);
            return MS_ERR_USAGE;
        }
        ms_strbuf_puts(base, req->out_base);
    } else {
        ms_strbuf_printf(base, "%s/%s", req->out_dir ? req->out_dir : ".", stem);
    }
    return ms_strbuf_failed(base) ? MS_ERR_NOMEM : MS_OK;
}
