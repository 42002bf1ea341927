/* table_expect.h — what the table reader tests share: a registry loaded
 * from data/metrics.tsv, a figure set, diagnostics and ingest options per
 * test (setup/teardown), reading a path, and checks on the accounting, the
 * diagnostics and the figures. Include once per test program. */
#ifndef MS_TEST_TABLE_EXPECT_H
#define MS_TEST_TABLE_EXPECT_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "core/metric.h"
#include "core/period.h"
#include "ingest/ingest.h"

#include "diag_text.h"

static ms_metric_registry reg;
static ms_figure_set set;
static ms_diag diag;
static ms_ingest_options opt;

static void setup(void)
{
    ms_metric_registry_init(&reg);
    ms_diag_init(&diag);
    char path[4096];
    snprintf(path, sizeof path, "%s/metrics.tsv", ms_data_dir());
    cr_assert_eq(ms_metric_registry_load(&reg, path, &diag), MS_OK);
    ms_figure_set_init(&set);
    opt = (ms_ingest_options){.metrics = &reg};
}

static void teardown(void)
{
    ms_figure_set_free(&set);
    ms_metric_registry_free(&reg);
    ms_diag_free(&diag);
}


static ms_status read_path(const char *path)
{
    return ms_ingest_path(path, MS_FORMAT_AUTO, &opt, &set, &diag);
}

static void expect_counts(size_t read, size_t accepted, size_t missing, size_t rejected, size_t skipped)
{
    cr_assert_eq(diag.n_read, read, "read %zu, expected %zu", diag.n_read, read);
    cr_assert_eq(diag.n_accepted, accepted, "accepted %zu, expected %zu", diag.n_accepted, accepted);
    cr_assert_eq(diag.n_missing, missing, "missing %zu, expected %zu", diag.n_missing, missing);
    cr_assert_eq(diag.n_rejected, rejected, "rejected %zu, expected %zu", diag.n_rejected, rejected);
    cr_assert_eq(diag.n_skipped, skipped, "skipped %zu, expected %zu", diag.n_skipped, skipped);
    cr_assert_eq(read, accepted + missing + rejected + skipped, "the accounting must add up");
}

/* Some diagnostic, as "file:line:column: reason", contains `text`. */
static void expect_error(const char *text)
{
    bool found = false;
    for (size_t i = 0; i < diag.count && !found; i++)
        found = strstr(diag_text(&diag, i), text) != NULL;
    if (!found)
        for (size_t i = 0; i < diag.count; i++)
            fprintf(stderr, "  have: %s\n", diag_text(&diag, i));
    cr_assert(found, "no diagnostic containing '%s'", text);
}

/* The figure with this place, subject and period (ISO text); fails if absent. */
__attribute__((unused)) static const ms_figure *find(const char *place, const char *subject,
                                                  const char *period)
{
    ms_period p;
    cr_assert_eq(ms_period_parse(period, strlen(period), &p), MS_OK);
    for (size_t i = 0; i < set.count; i++) {
        const ms_figure *f = &set.items[i];
        if (ms_str_eq(f->place, place) && ms_str_eq(f->subject, subject) && ms_period_equal(f->period, p))
            return f;
    }
    cr_assert_fail("no figure for %s %s %s", place, subject ? subject : "-", period);
    return NULL;
}

#endif
