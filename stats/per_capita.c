/* per_capita.c — counts per N inhabitants, from a population figure of the
 * same place and period (or a period containing it). Exports
 * ms_stats_per_capita (stats.h); the division is divide.c's. */
#include "stats/stats.h"

#include "core/num.h"
#include "core/strbuf.h"
#include "stats/internal.h"

static bool usable(const ms_figure *f)
{
    return f->kind == MS_KIND_COUNT && !ms_figure_is_missing(f) && !ms_period_is_none(f->period);
}

static bool is_part(const ms_figure *f, const void *population_metric)
{
    return usable(f) && !ms_str_eq(f->metric, population_metric);
}

/* Population of the same place, for the figure's subject or everyone,
 * stated for its period or a longer one around it (a year's population
 * for a month's count). */
static bool is_population_for(const ms_figure *f, const ms_figure *pop, const void *population_metric)
{
    return usable(pop) && ms_str_eq(pop->metric, population_metric) && ms_str_eq(f->place, pop->place) &&
           (!pop->subject || ms_str_eq(f->subject, pop->subject)) &&
           ms_period_contains(pop->period, f->period);
}

ms_status ms_stats_per_capita(const ms_figure_set *in, const char *population_metric, double per,
                              ms_figure_set *out, ms_diag *diag)
{
    if (!population_metric || !*population_metric || !(per > 0))
        return MS_ERR_USAGE;
    ms_strbuf unit;
    ms_strbuf_init(&unit);
    ms_strbuf_puts(&unit, "per_");
    ms_strbuf_num(&unit, per);
    ms_strbuf_putc(&unit, '_');
    ms_strbuf_puts(&unit, population_metric);
    ms_divide_rule rule = {
        .is_part = is_part,
        .is_total_for = is_population_for,
        .ctx = population_metric,
        .scale = per,
        .form = {MS_KIND_RATIO, ms_strbuf_str(&unit), NULL, "per_capita"},
        .what = "per capita rate",
    };
    ms_status st = ms_strbuf_failed(&unit) ? MS_ERR_NOMEM
                                           : ms_stats_divide_matched(in, &rule, out, diag);
    ms_strbuf_free(&unit);
    return st;
}
