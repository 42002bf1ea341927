/* test_real_slices.c — slices of real published tables (tests/fixtures/real,
 * see its README for publishers and sources) through the readers and the
 * shipped mappings of data/mappings: the figures must be the published
 * ones, and every quirk of the real files (grouped values, Latin-1 names,
 * labels for codes, case-variant categories, duplicate rows, fiscal years,
 * decade rows, no-break-space groups, a garbled value) must be handled as
 * docs/MAPPINGS.md says. */
#include <criterion/criterion.h>
#include <string.h>

#include "table_expect.h"

TestSuite(real, .init = setup, .fini = teardown);

static const ms_figure *find_metric(const char *metric, const char *place, const char *subject,
                                    const char *breakdown, const char *period)
{
    ms_period p;
    cr_assert_eq(ms_period_parse(period, strlen(period), &p), MS_OK);
    for (size_t i = 0; i < set.count; i++) {
        const ms_figure *f = &set.items[i];
        if (ms_str_eq(f->metric, metric) && ms_str_eq(f->place, place) && ms_str_eq(f->subject, subject) &&
            ms_str_eq(f->breakdown, breakdown) && ms_period_equal(f->period, p))
            return f;
    }
    cr_assert_fail("no %s figure for %s %s [%s] %s", metric, place, subject ? subject : "-",
                   breakdown ? breakdown : "", period);
    return NULL;
}

Test(real, eurostat_appsso_export_ordered_to_leave)
{
    opt.mapping_path = "eurostat_appsso_migr_eiord";
    cr_assert_eq(read_path("fixtures/real/migr_eiord_1_Data.csv"), MS_OK);
    expect_counts(3, 3, 0, 0, 0);
    const ms_figure *f = find_metric("expulsions", "EU28", "foreign_citizens", NULL, "2010");
    cr_assert_eq(f->value, 540080);
    cr_assert_str_eq(f->flags, "d");
    cr_assert_eq(f->range.lo, 540077.5, "Eurostat rounds to 5");
    cr_assert_eq(find_metric("expulsions", "EU27_2007", "foreign_citizens", NULL, "2010")->value, 540080);
    cr_assert_eq(find_metric("expulsions", "BE", "foreign_citizens", NULL, "2010")->value, 22865);
}

Test(real, eurostat_appsso_export_in_latin1_refused_entry)
{
    opt.mapping_path = "eurostat_appsso_migr_eirfs";
    cr_assert_eq(read_path("fixtures/real/migr_eirfs_Data_allcitizenships.csv"), MS_OK);
    expect_counts(4, 4, 0, 0, 0);
    cr_assert_eq(find_metric("entry_denials", "EU28", "HR", NULL, "2012")->value, 3675);
    cr_assert_eq(find_metric("entry_denials", "EU28", "CI", NULL, "2012")->value, 395,
                 "'C\\xf4te d'Ivoire' in Latin-1 is CI");
    cr_assert_eq(find_metric("entry_denials", "BE", "CI", NULL, "2012")->value, 40);
    cr_assert_eq(find_metric("entry_denials", "EU28", "foreign_citizens", NULL, "2016")->value, 386805);
}

Test(real, eurostat_sdmx_csv_refused_entry_found_without_options)
{
    cr_assert_eq(read_path("fixtures/real/migrants_refused_entry_at_the_border.csv"), MS_OK);
    expect_counts(4, 4, 0, 0, 0);
    const ms_figure *f = find_metric("entry_denials", "EU27_2020", "foreign_citizens", NULL, "2023");
    cr_assert_eq(f->value, 123260);
    cr_assert_str_eq(f->flags, "e", "the later, estimated vintage");
    cr_assert_eq(find_metric("entry_denials", "HU", "foreign_citizens", NULL, "2020")->value, 36500);
    cr_assert_eq(find_metric("entry_denials", "PL", "foreign_citizens", NULL, "2020")->value, 28130);
    cr_assert_eq(find_metric("entry_denials", "PL", "foreign_citizens", NULL, "2023")->value, 14850);
}

Test(real, uk_returns_case_variants_are_one_category_and_duplicate_rows_are_caught)
{
    opt.mapping_path = "uk_returns_by_destination";
    cr_assert_eq(read_path("fixtures/real/returns_by_destination.csv"), MS_ERR_DATA);
    expect_counts(5, 4, 0, 1, 0);
    cr_assert_eq(find_metric("forced_departures", "GB", NULL,
                             "Return type=Enforced removals;Return destination=Afghanistan;"
                             "Return destination region=Asia Central",
                             "2004-Q1")->value,
                 66);
    const char *nd = "Return type=Non-detained enforced removals;Return destination=Albania;"
                     "Return destination region=Europe Other";
    cr_assert_eq(find_metric("forced_departures", "GB", NULL, nd, "2011-Q4")->value, 2,
                 "'Non-detained Enforced removals' is written the common way");
    cr_assert_eq(find_metric("forced_departures", "GB", NULL, nd, "2010-Q1")->value, 1);
    expect_error("fixtures/real/returns_by_destination.csv:4:125: duplicate key: a figure for port_returns GB");
    cr_assert_eq(find_metric("port_returns", "GB", NULL,
                             "Return type=Departed from Juxtaposed controls;Return destination=Other and "
                             "unknown;Return destination region=Other",
                             "2021-Q4")->value,
                 131, "the first of two rows for one key is kept, the second reported");
}

Test(real, uk_detention_flows_with_missing_splits)
{
    opt.mapping_path = "uk_detention_summary_flow";
    cr_assert_eq(read_path("fixtures/real/detention_summary_flow.csv"), MS_OK);
    expect_counts(18, 16, 2, 0, 0);
    cr_assert_eq(find_metric("detentions", "GB", NULL, "measure=Entering detention", "2021")->value, 24638);
    cr_assert_eq(find_metric("detained_population", "GB", NULL, "measure=In detention (at end of period)", "2022")->value,
                 1159);
    cr_assert(ms_figure_is_missing(find_metric("detained_population", "GB", NULL, "measure=In detention Asylum", "2022")),
              "':' is missing, never 0");
}

Test(real, us_yearbook_decades_fiscal_years_and_an_empty_last_row)
{
    opt.mapping_path = "us_dhs_removed";
    cr_assert_eq(read_path("fixtures/real/removed.csv"), MS_OK);
    expect_counts(16, 5, 11, 0, 0);
    cr_assert_eq(find_metric("deportations", "US", NULL, "measure=Formal removals", "1892/1900")->value, 25642,
                 "'1892-1900 ' is a span of years");
    cr_assert_eq(find_metric("deportations", "US", NULL, "measure=Formal removals", "1901/1910")->value, 119769,
                 "'1901-10' ends in 1910");
    cr_assert_eq(find_metric("deportations", "US", NULL, "measure=Removals", "2012-10/2013-09")->value, 438421,
                 "fiscal 2013");
    cr_assert_eq(find_metric("voluntary_returns", "US", NULL, "measure=Returns", "2012-10/2013-09")->value, 178371);
}

Test(real, us_yearbook_countries_named_twice_are_duplicate_keys)
{
    opt.mapping_path = "us_dhs_removals_by_country_and_status";
    cr_assert_eq(read_path("fixtures/real/removals_reg.csv"), MS_ERR_DATA);
    expect_counts(16, 9, 3, 4, 0);
    cr_assert_eq(find_metric("deportations", "US", "AF", NULL, "1992-10/1993-09")->value, 10,
                 "' Total' and 'Total' are both totals");
    cr_assert_eq(find_metric("deportations", "US", "AF", "column2=Criminal", "1992-10/1993-09")->value, 5);
    cr_assert_eq(find_metric("deportations", "US", "Africa", NULL, "1992-10/1993-09")->value, 701,
                 "a region stays as written");
    cr_assert_eq(find_metric("deportations", "US", "BS", NULL, "1998-10/1999-09")->value, 89);
    expect_error("fixtures/real/removals_reg.csv:2:");
    expect_error("duplicate key: a figure for deportations US BS, period 1992-10/1993-09 was already read");
}

Test(real, migrants_files_no_break_space_groups_and_a_garbled_value)
{
    opt.mapping_path = "migrants_files_deportations";
    cr_assert_eq(read_path("fixtures/real/deportations-year-country.csv"), MS_ERR_DATA);
    expect_counts(10, 5, 4, 1, 0);
    const ms_figure *f = find_metric("deportation_costs", "AT", NULL, "measure=Estimate of costs in 2014 EUR", "2000");
    cr_assert_eq(f->value, 78000000, "'78 000 000' with no-break spaces");
    cr_assert_str_eq(f->unit, "EUR");
    cr_assert_eq(find_metric("deportations", "AT", NULL,
                             "measure=Persons deported or who left following an order to leave (low estimate)",
                             "2000")->value,
                 8935);
    cr_assert_eq(find_metric("deportations", "DE", NULL,
                             "measure=Persons deported or who left following an order to leave (high estimate)",
                             "2006")->value,
                 44709);
    expect_error("fixtures/real/deportations-year-country.csv:3:459: value '1?3060' is not a number");
}

Test(real, derived_json_of_permits_by_citizenship)
{
    opt.mapping_path = "eurostat_derived_permits_by_citizenship";
    cr_assert_eq(read_path("fixtures/real/eurostat-work-permits-citizenship.json"), MS_OK);
    expect_counts(6, 6, 0, 0, 0);
    const ms_figure *f = find_metric("first_residence_permits", "DE", "BA", NULL, "2008");
    cr_assert_eq(f->value, 328);
    cr_assert_eq(find_metric("first_residence_permits", "DE", "RS", NULL, "2009")->value, 401);
    cr_assert_eq(find_metric("first_residence_permits", "DE", "AL", NULL, "2009")->value, 28);
}
