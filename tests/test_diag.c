/* test_diag.c — diagnostics format as file:line:column: reason and keep
 * the accounting; the metric registry loads and reports bad lines. */
#include <criterion/criterion.h>
#include <string.h>

#include "core/diag.h"
#include "core/metric.h"

Test(diag, entry_formats_as_file_line_column_reason)
{
    ms_diag d;
    ms_diag_init(&d);
    ms_diag_error(&d, "bad.csv", 4, 23, "value '%s' is not a number", "abc");
    ms_diag_report(&d, MS_SEV_WARNING, MS_ERR_DATA, "bad.csv", 0, 0, "no url column");
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_diag_format_entry(&d.entries[0], &sb);
    cr_assert_str_eq(ms_strbuf_str(&sb), "bad.csv:4:23: value 'abc' is not a number");
    ms_strbuf_clear(&sb);
    ms_diag_format_entry(&d.entries[1], &sb);
    cr_assert_str_eq(ms_strbuf_str(&sb), "bad.csv: warning: no url column");
    cr_assert_eq(d.n_errors, 1);
    cr_assert_eq(d.n_warnings, 1);
    ms_strbuf_free(&sb);
    ms_diag_free(&d);
}

Test(diag, entries_beyond_the_limit_are_counted_not_lost)
{
    ms_diag d;
    ms_diag_init(&d);
    d.max_entries = 2;
    for (int i = 0; i < 5; i++)
        ms_diag_error(&d, "f", i + 1, 1, "problem %d", i);
    cr_assert_eq(d.count, 2);
    cr_assert_eq(d.n_dropped, 3);
    cr_assert_eq(d.n_errors, 5);
    ms_diag_free(&d);
}

Test(diag, merge_adds_counts_and_entries)
{
    ms_diag a, b;
    ms_diag_init(&a);
    ms_diag_init(&b);
    a.n_read = 3;
    a.n_accepted = 3;
    b.n_read = 2;
    b.n_rejected = 2;
    ms_diag_error(&b, "x", 1, 1, "bad");
    ms_diag_merge(&a, &b);
    ms_strbuf sb;
    ms_strbuf_init(&sb);
    ms_diag_format_counts(&a, &sb);
    cr_assert_str_eq(ms_strbuf_str(&sb), "read 5, accepted 3, rejected 2, missing 0");
    cr_assert_eq(a.count, 1);
    ms_strbuf_free(&sb);
    ms_diag_free(&a);
    ms_diag_free(&b);
}

static const char registry_text[] =
    "# comment\n"
    "name\tfamily\tunit\tdescription\n"
    "entry_bans\tentry_restrictions\tpersons\tentry bans\n"
    "Bad Name\tx\tpersons\n"
    "deportations\tremovals\tpersons\tdeported\n"
    "deportations\tremovals\tpersons\ttwice\n"
    "lonely\n";

Test(metric, registry_loads_good_lines_and_reports_bad_ones)
{
    ms_metric_registry reg;
    ms_metric_registry_init(&reg);
    ms_diag d;
    ms_diag_init(&d);
    cr_assert_eq(ms_metric_registry_load_text(&reg, "m.tsv", registry_text, strlen(registry_text), &d),
                 MS_ERR_DATA);
    cr_assert_eq(reg.count, 2);
    const ms_metric *m = ms_metric_find(&reg, "deportations");
    cr_assert_not_null(m);
    cr_assert_str_eq(m->family, "removals");
    cr_assert_str_eq(m->description, "deported");
    cr_assert_null(ms_metric_find(&reg, "raids"));
    cr_assert_eq(d.count, 3);
    cr_assert_eq(d.entries[0].line, 4);
    cr_assert_eq(d.entries[1].line, 6);
    cr_assert_not_null(strstr(d.entries[1].reason, "defined twice"));
    cr_assert_eq(d.entries[2].line, 7);
    ms_metric_registry_free(&reg);
    ms_diag_free(&d);
}

Test(metric, shipped_registry_has_the_convention_metrics)
{
    ms_metric_registry reg;
    ms_metric_registry_init(&reg);
    ms_diag d;
    ms_diag_init(&d);
    cr_assert_eq(ms_metric_registry_load(&reg, MS_DATA_DIR "/metrics.tsv", &d), MS_OK);
    const char *names[] = {"entry_denials", "entry_bans", "deportations", "expulsions",
                           "forced_departures", "readmissions", "residence_permits_temporary",
                           "residence_permits_permanent", "work_patents", "citizenship_revocations",
                           "detentions", "raids", "migrants_checked", "offenses", "criminal_cases",
                           "deaths", "injuries", "organized_recruitment", "other"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        cr_assert_not_null(ms_metric_find(&reg, names[i]), "metric %s missing", names[i]);
    cr_assert_str_eq(ms_metric_find(&reg, "entry_bans")->family,
                     ms_metric_find(&reg, "entry_denials")->family);
    ms_metric_registry_free(&reg);
    ms_diag_free(&d);
}

Test(metric, missing_registry_file_is_an_io_error)
{
    ms_metric_registry reg;
    ms_metric_registry_init(&reg);
    ms_diag d;
    ms_diag_init(&d);
    cr_assert_eq(ms_metric_registry_load(&reg, "/nonexistent/metrics.tsv", &d), MS_ERR_IO);
    cr_assert_eq(d.count, 1);
    cr_assert_not_null(strstr(d.entries[0].reason, "cannot open"));
    ms_metric_registry_free(&reg);
    ms_diag_free(&d);
}
