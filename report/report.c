/* report.c — the report's entry point: builds the model, draws the charts,
 * and writes figures.jsonl and each format asked for, every file whole
 * under a temporary name and then renamed into place (core/atomic_file). */
#include "report/model.h"
#include "core/atomic_file.h"
#include "core/jsonl.h"
#include "plots/plots.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool ms_report_formats_parse(const char *list, unsigned *out)
{
    static const struct {
        const char *name;
        unsigned bit;
    } names[] = {{"md", MS_REPORT_MD}, {"markdown", MS_REPORT_MD}, {"html", MS_REPORT_HTML},
                 {"json", MS_REPORT_JSON}, {"all", MS_REPORT_ALL}};
    unsigned bits = 0;
    const char *p = list;
    while (p && *p) {
        size_t n = strcspn(p, ",");
        bool found = false;
        for (size_t i = 0; i < sizeof names / sizeof names[0] && !found; i++)
            if (strlen(names[i].name) == n && strncmp(names[i].name, p, n) == 0) {
                bits |= names[i].bit;
                found = true;
            }
        if (!found)
            return false;
        p += n;
        if (*p == ',')
            p++;
    }
    if (!bits)
        return false;
    *out = bits;
    return true;
}

static ms_status make_dir(const char *path, ms_strbuf *err)
{
    if (mkdir(path, 0755) == 0 || errno == EEXIST)
        return MS_OK;
    ms_strbuf_printf(err, "%s: cannot create folder: %s\n", path, strerror(errno));
    return MS_ERR_IO;
}

static void progress(const ms_report_options *opt, const char *step)
{
    if (opt->progress)
        opt->progress(opt->ctx, step);
}

/* out_dir/name <- body, atomically; the caller's hook runs between the
 * last byte and the rename. */
static ms_status write_output(const ms_report_options *opt, const char *name, const ms_strbuf *body,
                              ms_strbuf *err)
{
    progress(opt, name);
    ms_strbuf path;
    ms_strbuf_init(&path);
    ms_strbuf_printf(&path, "%s/%s", opt->out_dir, name);
    ms_status st = ms_strbuf_failed(&path) || ms_strbuf_failed(body) ? MS_ERR_NOMEM : MS_OK;
    ms_atomic_file af = {0};
    if (st == MS_OK)
        st = ms_atomic_open(&af, ms_strbuf_str(&path));
    if (st == MS_OK) {
        if (body->len && fwrite(body->data, 1, body->len, af.fp) != body->len) {
            ms_atomic_abort(&af);
            st = MS_ERR_IO;
        } else {
            if (opt->before_rename) {
                fflush(af.fp);
                opt->before_rename(opt->ctx, ms_strbuf_str(&path));
            }
            st = ms_atomic_commit(&af);
        }
    }
    if (st == MS_ERR_IO)
        ms_strbuf_printf(err, "%s: cannot write\n", ms_strbuf_str(&path));
    ms_strbuf_free(&path);
    return st;
}

static ms_status write_figures_jsonl(const ms_figure_set *figures, const ms_figure_set *derived,
                                     const ms_report_options *opt, ms_strbuf *err)
{
    ms_strbuf body;
    ms_strbuf_init(&body);
    for (size_t i = 0; i < figures->count; i++)
        ms_jsonl_format_figure(&figures->items[i], &body);
    for (size_t i = 0; i < derived->count; i++)
        ms_jsonl_format_figure(&derived->items[i], &body);
    ms_status st = write_output(opt, "figures.jsonl", &body, err);
    ms_strbuf_free(&body);
    return st;
}

ms_status ms_report_write(const ms_figure_set *figures, const ms_report_options *opt, ms_strbuf *err)
{
    unsigned formats = opt->formats ? opt->formats : MS_REPORT_ALL;
    report_model m;
    progress(opt, "computing");
    ms_status st = make_dir(opt->out_dir, err);
    if (st == MS_OK)
        st = report_model_build(&m, figures, opt);
    else
        memset(&m, 0, sizeof m);

    ms_strbuf charts_dir;
    ms_strbuf_init(&charts_dir);
    ms_strbuf_printf(&charts_dir, "%s/charts", opt->out_dir);
    if (st == MS_OK && ms_strbuf_failed(&charts_dir))
        st = MS_ERR_NOMEM;
    if (st == MS_OK && opt->charts) {
        unsigned chart_formats = opt->chart_formats ? opt->chart_formats : (MS_PLOT_SVG | MS_PLOT_PNG);
        if (formats & MS_REPORT_HTML)
            chart_formats |= MS_PLOT_SVG; /* the page embeds the SVG files */
        progress(opt, "charts");
        st = make_dir(ms_strbuf_str(&charts_dir), err);
        if (st == MS_OK)
            st = report_model_charts(&m, ms_strbuf_str(&charts_dir), chart_formats, err);
    }
    if (st == MS_OK)
        st = write_figures_jsonl(figures, &m.derived, opt, err);

    ms_strbuf body;
    ms_strbuf_init(&body);
    if (st == MS_OK && (formats & MS_REPORT_MD)) {
        report_write_md(&m, &body);
        st = write_output(opt, "report.md", &body, err);
    }
    if (st == MS_OK && (formats & MS_REPORT_HTML)) {
        ms_strbuf_clear(&body);
        report_write_html(&m, ms_strbuf_str(&charts_dir), &body);
        st = write_output(opt, "report.html", &body, err);
    }
    if (st == MS_OK && (formats & MS_REPORT_JSON)) {
        ms_strbuf_clear(&body);
        st = report_write_json(&m, &body);
        if (st == MS_OK)
            st = write_output(opt, "report.json", &body, err);
    }
    ms_strbuf_free(&body);
    ms_strbuf_free(&charts_dir);
    report_model_free(&m);
    return st;
}
