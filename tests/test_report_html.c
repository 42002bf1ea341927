/* test_report_html.c — report.html is one self-contained page: its main
 * sections are balanced, hostile labels arrive as text (never markup),
 * nothing is loaded from the network, each headline number links to an
 * evidence row that exists; report.json parses and holds the headline.
 * Charts are drawn here (gnuplot), so their inline SVG is checked too. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/jsonl.h"
#include "plots/plots.h"
#include "report/report.h"
#include "slurp.h"
#include "tmpdir.h"

typedef struct run {
    char dir[64];
    ms_metric_registry reg;
    ms_figure_set set;
    ms_diag diag;
    char *html;
    char *json;
} run;

/* Writes the report of one fixture (all formats) into a new folder. */
static void make_report(run *r, const char *fixture, bool charts)
{
    snprintf(r->dir, sizeof r->dir, "/tmp/ms_report_html_XXXXXX");
    ms_metric_registry_init(&r->reg);
    ms_diag_init(&r->diag);
    cr_assert_eq(ms_metric_registry_load(&r->reg, MS_DATA_DIR "/metrics.tsv", &r->diag), MS_OK);
    ms_figure_set_init(&r->set);
    char path[512];
    snprintf(path, sizeof path, "%s/%s", MS_TEST_FIXTURES, fixture);
    FILE *in = fopen(path, "r");
    cr_assert_not_null(in, "%s", path);
    cr_assert_eq(ms_jsonl_read(in, fixture, &r->set, &r->diag), MS_OK);
    fclose(in);
    cr_assert_not_null(mkdtemp(r->dir));
    const char *inputs[] = {fixture};
    ms_report_options opt = {
        .out_dir = r->dir, .metrics = &r->reg, .charts = charts,
        .chart_formats = MS_PLOT_SVG, .inputs = inputs, .n_inputs = 1, .accounting = &r->diag,
    };
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(ms_report_write(&r->set, &opt, &err), MS_OK, "%s", ms_strbuf_str(&err));
    ms_strbuf_free(&err);
    snprintf(path, sizeof path, "%s/report.html", r->dir);
    r->html = test_slurp(path);
    snprintf(path, sizeof path, "%s/report.json", r->dir);
    r->json = test_slurp(path);
}

static void run_free(run *r)
{
    free(r->html);
    free(r->json);
    test_rmtree(r->dir);
    ms_figure_set_free(&r->set);
    ms_metric_registry_free(&r->reg);
    ms_diag_free(&r->diag);
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static size_t count_nocase(const char *hay, const char *needle)
{
    size_t n = 0, len = strlen(needle);
    for (const char *p = hay; *p; p++)
        n += strncasecmp(p, needle, len) == 0;
    return n;
}

static void assert_balanced(const char *html)
{
    static const char *const tags[] = {"html", "head", "body", "main", "section", "table", "thead",
                                       "tbody", "tr", "ul", "article", "figure", "svg", "nav", "style"};
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
        char open1[32], open2[32], close[32];
        snprintf(open1, sizeof open1, "<%s>", tags[i]);
        snprintf(open2, sizeof open2, "<%s ", tags[i]);
        snprintf(close, sizeof close, "</%s>", tags[i]);
        size_t opens = count(html, open1) + count(html, open2), closes = count(html, close);
        cr_assert_eq(opens, closes, "<%s>: %zu opened, %zu closed", tags[i], opens, closes);
    }
    static const char *const sections[] = {"summary", "headline", "changes", "findings", "charts",
                                           "sources", "evidence", "accounting"};
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        char id[64];
        snprintf(id, sizeof id, "<section id=\"%s\"", sections[i]);
        cr_assert_eq(count(html, id), 1, "section %s", sections[i]);
    }
}

/* No resource is loaded from anywhere: no script, stylesheet link, image,
 * frame, object or @import, no src= at all, and every href is a fragment,
 * a chart file next to the page or a plain link out from a sources row. */
static void assert_self_contained(const char *html)
{
    static const char *const never[] = {"<script", "<link", "<img", "<iframe", "<object", "<embed",
                                        "@import", "url(http", "src=", "<base", "href=\"javascript"};
    for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
        cr_assert_eq(count_nocase(html, never[i]), 0, "page holds '%s'", never[i]);
    for (const char *p = html; (p = strstr(p, "href=")); p += 5) {
        char q = p[5];
        const char *v = p + 6;
        bool ok = (q == '"' || q == '\'') &&
                  (v[0] == '#' || strncmp(v, "charts/", 7) == 0 ||
                   ((strncmp(v, "https://", 8) == 0 || strncmp(v, "http://", 7) == 0) &&
                    p - html >= 29 && strncmp(p - 29, "<a rel=\"noopener noreferrer\" ", 29) == 0));
        cr_assert(ok, "unexpected link: %.60s", p);
    }
}

Test(report_html, main_sections_are_balanced_and_the_page_is_self_contained)
{
    run r;
    make_report(&r, "report_tolls_and_series.jsonl", true);
    cr_assert_eq(strncmp(r.html, "<!DOCTYPE html>", 15), 0);
    assert_balanced(r.html);
    assert_self_contained(r.html);
    cr_assert_not_null(strstr(r.html, "<meta name=\"viewport\""), "phones need the viewport");
    cr_assert_not_null(strstr(r.html, "@media print"), "print CSS");
    cr_assert_not_null(strstr(r.html, "overflow-x:auto"), "tables scroll sideways");
    cr_assert_null(strstr(r.html, "<?xml"), "the SVG prolog is left out");
    cr_assert_geq(count(r.html, "<svg "), 2, "charts are inline");
    cr_assert_not_null(strstr(r.html, "id=\"c1-gnuplot_canvas\""), "chart ids are prefixed");
    cr_assert_not_null(strstr(r.html, "id=\"c2-gnuplot_canvas\""));
    run_free(&r);
}

Test(report_html, each_headline_number_links_to_its_evidence_row)
{
    run r;
    make_report(&r, "report_tolls_and_series.jsonl", false);
    size_t links = 0;
    for (const char *p = r.html; (p = strstr(p, "<p class=\"big\"><a href=\"#")); p++) {
        links++;
        const char *id = p + strlen("<p class=\"big\"><a href=\"#");
        size_t n = strcspn(id, "\"");
        char row[64];
        snprintf(row, sizeof row, "<tr id=\"%.*s\">", (int)n, id);
        cr_assert_not_null(strstr(r.html, row), "no evidence row %s", row);
    }
    cr_assert_geq(links, 2, "deaths and deportations have headline numbers");
    /* the deaths headline is the latest word, 144 from paper-b, disputed */
    cr_assert_not_null(strstr(r.html, ">144</a></p>"));
    cr_assert_not_null(strstr(r.html, "Sources disagree"));
    cr_assert_not_null(strstr(r.html, ">1,200</a></p>"));
    run_free(&r);
}

Test(report_html, hostile_labels_arrive_as_text)
{
    run r;
    make_report(&r, "report/hostile.jsonl", true);
    assert_balanced(r.html);
    assert_self_contained(r.html);
    cr_assert_eq(count_nocase(r.html, "<script"), 0);
    cr_assert_eq(count_nocase(r.html, "<b>here"), 0);
    cr_assert_not_null(strstr(r.html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    cr_assert_not_null(strstr(r.html, "wire &quot;quoted&quot; &amp; &#39;single&#39;"));
    cr_assert_not_null(strstr(r.html, "`touch PWNED` and system(&#39;touch PWNED2&#39;)"));
    /* a javascript: address is shown, never linked; a web address is linked, escaped */
    cr_assert_null(strstr(r.html, "href=\"javascript"));
    cr_assert_not_null(strstr(r.html, "href=\"https://example.org/a?b=1&amp;c=&lt;x&gt;&quot;y\""));
    cr_assert_null(strstr(r.html, "\a"), "control characters are dropped");
    cr_assert_not_null(strstr(r.html, "MS_END"), "a datablock end marker is just a name here");
    cJSON *doc = cJSON_Parse(r.json);
    cr_assert_not_null(doc, "report.json with hostile labels does not parse");
    const cJSON *src = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "sources"), 0);
    cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(src, "source")->valuestring, "wire \"quoted\" & 'single'");
    cJSON_Delete(doc);
    run_free(&r);
}

Test(report_html, the_json_report_parses_and_holds_the_headline)
{
    run r;
    make_report(&r, "report_tolls_and_series.jsonl", false);
    cJSON *doc = cJSON_Parse(r.json);
    cr_assert_not_null(doc, "report.json does not parse");
    static const char *const parts[] = {"summary", "headline", "changes", "ratios", "findings",
                                        "charts", "sources", "accounting"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        cr_assert_not_null(cJSON_GetObjectItemCaseSensitive(doc, parts[i]), "no %s", parts[i]);
    const cJSON *headline = cJSON_GetObjectItemCaseSensitive(doc, "headline");
    bool deaths = false, deportations = false;
    const cJSON *h;
    cJSON_ArrayForEach(h, headline) {
        const char *metric = cJSON_GetObjectItemCaseSensitive(h, "metric")->valuestring;
        double value = cJSON_GetObjectItemCaseSensitive(h, "value")->valuedouble;
        if (strcmp(metric, "deaths") == 0) {
            deaths = true;
            cr_assert_eq(value, 144);
            cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(h, "source")->valuestring, "paper-b");
            cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(h, "sources")), 3);
            cr_assert_eq(cJSON_GetObjectItemCaseSensitive(h, "conflicts")->valuedouble, 1);
        } else if (strcmp(metric, "deportations") == 0) {
            deportations = true;
            cr_assert_eq(value, 1200);
            cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(h, "period")->valuestring, "2022");
        }
    }
    cr_assert(deaths && deportations);
    /* findings keep the shape of `migstat check --to jsonl` */
    const cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "findings"), 0);
    cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(first, "severity")->valuestring, "conflict");
    cr_assert(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(first, "figures")));
    const cJSON *total = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(doc, "accounting"), "total");
    cr_assert_eq(cJSON_GetObjectItemCaseSensitive(total, "read")->valuedouble, 7);
    cJSON_Delete(doc);
    run_free(&r);
}

Test(report_html, only_the_formats_asked_for_are_written)
{
    unsigned bits = 0;
    cr_assert(ms_report_formats_parse("md,json", &bits));
    cr_assert_eq(bits, MS_REPORT_MD | MS_REPORT_JSON);
    cr_assert(ms_report_formats_parse("html", &bits));
    cr_assert_eq(bits, MS_REPORT_HTML);
    cr_assert_not(ms_report_formats_parse("md,pdf", &bits));
    cr_assert_not(ms_report_formats_parse("", &bits));
}

static char *escaped(const char *s)
{
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_html_text(s, &sb);
    return ms_strbuf_detach(&sb);
}

Test(html_escape, the_five_characters_become_entities)
{
    char *s = escaped("<a href=\"x\" onclick='y'>&amp;</a>");
    cr_assert_str_eq(s, "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    free(s);
}

Test(html_escape, controls_are_dropped_and_broken_utf8_replaced)
{
    char *s = escaped("a\x01" "b\x7f" "c\xc2\x85" "d\xff" "e\xc3\xa9 \xd0\x96\n\t");
    cr_assert_str_eq(s, "abcd\xef\xbf\xbd" "e\xc3\xa9 \xd0\x96\n\t");
    free(s);
    s = escaped("\xed\xa0\x80"); /* a surrogate is not UTF-8 */
    cr_assert_str_eq(s, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    free(s);
    s = escaped(NULL);
    cr_assert_str_eq(s ? s : "", "");
    free(s);
}
