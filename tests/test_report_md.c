/* test_report_md.c — the Markdown report holds what a reader needs: the
 * conflict and the agreements, latest figures with their sources, computed
 * changes with gaps, ratios, and the accounting; and nothing is left half
 * written. Charts are off here (test_chart_line covers them). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/jsonl.h"
#include "report/report.h"
#include "slurp.h"
#include "tmpdir.h"

static char *make_report(char *dir_template, ms_metric_registry *reg, ms_figure_set *set, ms_diag *diag)
{
    ms_metric_registry_init(reg);
    ms_diag_init(diag);
    cr_assert_eq(ms_metric_registry_load(reg, MS_DATA_DIR "/metrics.tsv", diag), MS_OK);
    ms_figure_set_init(set);
    FILE *in = fopen(MS_TEST_FIXTURES "/report_tolls_and_series.jsonl", "r");
    cr_assert_not_null(in);
    cr_assert_eq(ms_jsonl_read(in, "report_tolls_and_series.jsonl", set, diag), MS_OK);
    fclose(in);
    cr_assert_not_null(mkdtemp(dir_template));
    const char *inputs[] = {"report_tolls_and_series.jsonl"};
    ms_report_options opt = {
        .out_dir = dir_template, .metrics = reg, .charts = false,
        .inputs = inputs, .n_inputs = 1, .accounting = diag,
    };
    ms_strbuf err;
    ms_strbuf_init(&err);
    cr_assert_eq(ms_report_write(set, &opt, &err), MS_OK, "%s", ms_strbuf_str(&err));
    ms_strbuf_free(&err);
    char path[512];
    snprintf(path, sizeof path, "%s/report.md", dir_template);
    return test_slurp(path);
}

Test(report_md, shows_the_conflict_and_the_agreements)
{
    char dir[] = "/tmp/ms_report_XXXXXX";
    ms_metric_registry reg;
    ms_figure_set set;
    ms_diag diag;
    char *md = make_report(dir, &reg, &set, &diag);
    cr_assert_not_null(strstr(md, "**1 conflicts** and 2 agreements"));
    const char *conflict = strstr(md, "1. **conflict** · `same_key`: ");
    cr_assert_not_null(conflict, "conflicts come first");
    /* the conflict names both sources, and the statements behind it follow */
    const char *eol = strchr(conflict, '\n');
    cr_assert_not_null(eol);
    char *row = strndup(conflict, (size_t)(eol - conflict));
    cr_assert_not_null(strstr(row, "wire-a"));
    cr_assert_not_null(strstr(row, "paper-b"));
    free(row);
    cr_assert_not_null(strstr(eol, "\n    - `t:1` wire-a, published 2024-04-01: "));
    cr_assert_not_null(strstr(md, ". ok · `same_key`"));
    free(md);
    test_rmtree(dir);
    ms_figure_set_free(&set);
    ms_metric_registry_free(&reg);
    ms_diag_free(&diag);
}

Test(report_md, lists_latest_figures_changes_gaps_and_ratios)
{
    char dir[] = "/tmp/ms_report_XXXXXX";
    ms_metric_registry reg;
    ms_figure_set set;
    ms_diag diag;
    char *md = make_report(dir, &reg, &set, &diag);
    cr_assert_not_null(strstr(md, "### People deported or removed (`deportations`)"));
    cr_assert_not_null(strstr(md, "| 1,200 |"), "latest deportations figure, grouped");
    cr_assert_not_null(strstr(md, "+50.0 %"), "2020 against 2019");
    cr_assert_not_null(strstr(md, "gap: no figure"), "2022 has no 2021 to compare with");
    cr_assert_null(strstr(md, "-20.0 %"), "2022 must not be compared with 2020");
    cr_assert_not_null(strstr(md, "deportations\\_per\\_entry\\_denials"));
    cr_assert_not_null(strstr(md, "| 0.5 |"));
    /* a '|' in a URL must not break the table */
    cr_assert_null(strstr(md, "a|b"));
    cr_assert_not_null(strstr(md, "read 7, accepted 7, rejected 0, missing 0"));
    free(md);
    test_rmtree(dir);
    ms_figure_set_free(&set);
    ms_metric_registry_free(&reg);
    ms_diag_free(&diag);
}

Test(report_md, writes_figures_jsonl_with_derived_figures_and_no_temp_files)
{
    char dir[] = "/tmp/ms_report_XXXXXX";
    ms_metric_registry reg;
    ms_figure_set set;
    ms_diag diag;
    free(make_report(dir, &reg, &set, &diag));
    char path[512];
    snprintf(path, sizeof path, "%s/figures.jsonl", dir);
    char *jsonl = test_slurp(path);
    cr_assert_not_null(strstr(jsonl, "\"id\":\"t:1\""), "stated figures are kept");
    cr_assert_not_null(strstr(jsonl, "\"kind\":\"pct_change\""), "derived figures are added");
    cr_assert_not_null(strstr(jsonl, "\"inputs\":[\"s:2\",\"s:1\"]"), "a change names its inputs");
    free(jsonl);
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    struct dirent *e;
    while ((e = readdir(d)))
        cr_assert_null(strstr(e->d_name, ".tmp"), "temporary file %s left", e->d_name);
    closedir(d);
    test_rmtree(dir);
    ms_figure_set_free(&set);
    ms_metric_registry_free(&reg);
    ms_diag_free(&diag);
}
