/* check_expect.h — what the check tests share: figures read from a
 * fixture through the readers (as `migstat check` reads them), one rule run
 * with the shipped metric registry, and finding lookups. Header-only. */
#ifndef MS_TEST_CHECK_EXPECT_H
#define MS_TEST_CHECK_EXPECT_H

#include <criterion/criterion.h>
#include <string.h>

#include "check/check.h"
#include "ingest/ingest.h"

static ms_metric_registry check_reg;
static ms_figure_set check_set;
static ms_findings check_fs;

static inline void check_setup(void)
{
    ms_diag d;
    ms_diag_init(&d);
    ms_metric_registry_init(&check_reg);
    cr_assert_eq(ms_metric_registry_load(&check_reg, "../data/metrics.tsv", &d), MS_OK,
                 "the shipped registry (tests run from tests/)");
    ms_diag_free(&d);
    ms_figure_set_init(&check_set);
    ms_findings_init(&check_fs);
}

static inline void check_teardown(void)
{
    ms_findings_free(&check_fs);
    ms_figure_set_free(&check_set);
    ms_metric_registry_free(&check_reg);
}

/* Reads fixtures/check/<name> into check_set; every row must be accepted. */
static inline void check_load(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "fixtures/check/%s", name);
    ms_diag d;
    ms_diag_init(&d);
    ms_ingest_options opt = {.metrics = &check_reg};
    ms_status st = ms_ingest_path(path, MS_FORMAT_AUTO, &opt, &check_set, &d);
    if (st != MS_OK && d.count) {
        ms_strbuf sb;
        ms_strbuf_init(&sb);
        ms_diag_format_entry(&d.entries[0], &sb);
        cr_assert_fail("%s: %s", ms_strerror(st), ms_strbuf_str(&sb));
    }
    cr_assert_eq(st, MS_OK, "%s: %s", path, ms_strerror(st));
    ms_diag_free(&d);
}

/* Runs one built-in rule (and the ruleset, if any) over check_set. */
static inline void check_run(const char *rule, const ms_ruleset *rs)
{
    const char *const only[] = {rule, NULL};
    ms_check_options opt = {.rules = only, .metrics = &check_reg, .ruleset = rs};
    ms_findings_free(&check_fs);
    cr_assert_eq(ms_check_run(&check_set, &opt, &check_fs), MS_OK);
}

/* How many findings of severity sev have a message containing text. */
static inline size_t check_count(ms_finding_severity sev, const char *text)
{
    size_t n = 0;
    for (size_t i = 0; i < check_fs.count; i++)
        n += check_fs.items[i].severity == sev && strstr(check_fs.items[i].message, text);
    return n;
}

/* The one finding whose message contains text. */
static inline const ms_finding *check_the(const char *text)
{
    const ms_finding *found = NULL;
    for (size_t i = 0; i < check_fs.count; i++) {
        if (!strstr(check_fs.items[i].message, text))
            continue;
        if (found)
            cr_assert_fail("two findings with '%s':\n%s\n%s", text, found->message,
                           check_fs.items[i].message);
        found = &check_fs.items[i];
    }
    cr_assert_not_null(found, "no finding with '%s' among %zu", text, check_fs.count);
    return found;
}

/* Prints every finding (for a failing test's output). */
static inline void check_dump(void)
{
    for (size_t i = 0; i < check_fs.count; i++)
        fprintf(stderr, "%s: %s\n", ms_finding_severity_name(check_fs.items[i].severity),
                check_fs.items[i].message);
}

/* The computed number called name of f. */
static inline const ms_computed *check_computed(const ms_finding *f, const char *name)
{
    for (size_t i = 0; i < f->n_computed; i++)
        if (strcmp(f->computed[i].name, name) == 0)
            return &f->computed[i];
    cr_assert_fail("no computed '%s' in: %s", name, f->message);
    return NULL;
}

#endif
