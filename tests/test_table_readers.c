/* test_table_readers.c — official tables through the readers and the
 * mappings: Eurostat TSV, SDMX-CSV 1.0/2.0, the old Eurostat CSV export in
 * Latin-1, wide tables (periods in columns, periods in rows), tidy tables
 * with templates, and every kind of bad input the issue lists.
 *
 * Fixtures are written by hand in tests/fixtures; the Eurostat figures in
 * them are Eurostat's (migr_eirfs: EU27 2019 670,795, 2020 137,840, 2023
 * 123,260 estimated; Hungary 2020 36,500; Poland 2020 28,130, 2023 14,850). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "table_expect.h"

TestSuite(tables, .init = setup, .fini = teardown);

/* ------------------------------------------------------------ Eurostat TSV */

Test(tables, eurostat_tsv_values_flags_missing_and_the_shipped_mapping)
{
    cr_assert_eq(read_path("fixtures/migr_eirfs.tsv"), MS_ERR_DATA);
    expect_counts(15, 8, 3, 4, 0);
    const ms_figure *f = find("EU27_2020", "foreign_citizens", "2023");
    cr_assert_str_eq(f->metric, "entry_denials", "the dataset in the file name picks data/mappings/migr_eirfs.json");
    cr_assert_eq(f->value, 123260);
    cr_assert_str_eq(f->flags, "e");
    cr_assert_str_eq(f->unit, "persons");
    cr_assert_eq(f->range.lo, 123257.5, "Eurostat rounds to 5");
    cr_assert_eq(f->range.hi, 123262.5);
    cr_assert_str_eq(f->id, "migr_eirfs.tsv:2:39");
    cr_assert_eq(find("EU27_2020", "foreign_citizens", "2019")->value, 670795);
    cr_assert_null(find("EU27_2020", "foreign_citizens", "2019")->flags);
    f = find("HU", "foreign_citizens", "2023");
    cr_assert(ms_figure_is_missing(f), "': c' is missing, never 0");
    cr_assert_str_eq(f->flags, "c", "confidential stays on the figure");
    cr_assert(ms_figure_is_missing(find("HU", "foreign_citizens", "2019")));
    cr_assert_eq(find("HU", "foreign_citizens", "2020")->value, 36500);
    cr_assert_eq(find("PL", "foreign_citizens", "2019")->value, 30);
    cr_assert_str_eq(find("PL", "foreign_citizens", "2019")->flags, "p");
    f = find("GR", "foreign_citizens", "2019");
    cr_assert_eq(f->value, 5, "EL is Greece: GR");
    cr_assert_str_eq(f->flags, "bu");
    expect_error("fixtures/migr_eirfs.tsv:5:24: value '1.2.3' is not a number");
    expect_error("fixtures/migr_eirfs.tsv:6:13: negative count '-5'");
    expect_error("fixtures/migr_eirfs.tsv:6:17: value '1e999' is out of range");
    expect_error("fixtures/migr_eirfs.tsv:6:24: value 'NaN' is not a number");
}

Test(tables, eurostat_tsv_without_a_metric_says_how_to_give_one)
{
    cr_assert_eq(read_path("fixtures/tsv_quarters.tsv"), MS_ERR_DATA);
    expect_error("fixtures/tsv_quarters.tsv:1: no metric: say which column holds it (--map metric=COLUMN)");
    cr_assert_eq(set.count, 0);
}

Test(tables, eurostat_tsv_quarters_grouped_values_and_unknown_codes)
{
    const char *sets[] = {"metric=deportations"};
    opt.set_specs = sets;
    opt.n_set_specs = 1;
    cr_assert_eq(read_path("fixtures/tsv_quarters.tsv"), MS_ERR_DATA);
    expect_counts(4, 2, 0, 2, 0);
    cr_assert_eq(find("DE", NULL, "2024-Q1")->value, 1200, "'1 200' is grouped, not a value and a flag");
    cr_assert_eq(find("DE", NULL, "2024-Q2")->value, 1300);
    expect_error("fixtures/tsv_quarters.tsv:3:8: unknown code 'XX' in geo (code list eurostat_geo)");
}

Test(tables, eurostat_tsv_months_short_keys_and_ragged_rows)
{
    const char *sets[] = {"metric=deportations"};
    opt.set_specs = sets;
    opt.n_set_specs = 1;
    cr_assert_eq(read_path("fixtures/tsv_months_bad.tsv"), MS_ERR_DATA);
    expect_counts(6, 2, 0, 4, 0);
    cr_assert_eq(find("DE", "foreign_citizens", "2024-02")->value, 11);
    expect_error("fixtures/tsv_months_bad.tsv:3:1: expected 3 dimension codes before the first tab, found 2");
    expect_error("expected 3 fields, found 2");
}

/* ------------------------------------------------------------ SDMX-CSV */

Test(tables, sdmx_csv_1_with_labels_flags_nan_and_breakdown)
{
    cr_assert_eq(read_path("fixtures/sdmx1_eirfs.csv"), MS_OK);
    expect_counts(6, 5, 1, 0, 0);
    const ms_figure *f = find("EU27_2020", "foreign_citizens", "2023");
    cr_assert_str_eq(f->metric, "entry_denials", "DATAFLOW MIGR_EIRFS picks the shipped mapping");
    cr_assert_eq(f->value, 123260);
    cr_assert_str_eq(f->flags, "e");
    cr_assert_null(f->breakdown, "all-totals dimensions make no breakdown");
    cr_assert_eq(find("HU", "foreign_citizens", "2020")->value, 36500);
    cr_assert(ms_figure_is_missing(find("CZ", "foreign_citizens", "2023")), "NaN is SDMX's missing");
    size_t pl = 0;
    for (size_t i = 0; i < set.count; i++) {
        if (!ms_str_eq(set.items[i].place, "PL"))
            continue;
        pl++;
        if (set.items[i].breakdown) {
            cr_assert_str_eq(set.items[i].breakdown, "reason=Illegal entry");
            cr_assert_eq(set.items[i].value, 4000);
        } else {
            cr_assert_eq(set.items[i].value, 14850);
            cr_assert_str_eq(set.items[i].flags, "bd");
        }
    }
    cr_assert_eq(pl, 2, "a breakdown makes another series, not a duplicate");
}

Test(tables, sdmx_csv_2_semicolons_crlf_and_code_label_cells)
{
    cr_assert_eq(read_path("fixtures/sdmx2_labels.csv"), MS_ERR_DATA);
    expect_counts(3, 1, 1, 1, 0);
    const ms_figure *f = find("AT", "foreign_citizens", "2022");
    cr_assert_str_eq(f->metric, "expulsions", "STRUCTURE_ID MIGR_EIORD picks the shipped mapping");
    cr_assert_eq(f->value, 20240);
    cr_assert_str_eq(f->flags, "p");
    cr_assert(ms_figure_is_missing(find("GR", "UA", "2022")));
    expect_error("fixtures/sdmx2_labels.csv:4:34: unknown code 'ZZ' in geo (code list eurostat_geo)");
}

Test(tables, a_forced_format_that_does_not_fit_is_an_error)
{
    cr_assert_eq(ms_ingest_path("fixtures/wide_years.csv", MS_FORMAT_EUROSTAT_TSV, &opt, &set, &diag), MS_ERR_DATA);
    expect_error("not a Eurostat TSV");
    cr_assert_eq(set.count, 0);
}

/* ------------------------------------------------------------ mapped CSV */

Test(tables, latin1_export_with_a_mapping_file)
{
    opt.mapping_path = "fixtures/appsso_mapping.json";
    cr_assert_eq(read_path("fixtures/appsso_latin1.csv"), MS_OK);
    expect_counts(3, 2, 1, 0, 0);
    const ms_figure *f = find("GB", "foreign_citizens", "2013");
    cr_assert_eq(f->value, 57415, "\"57,415\" is grouped");
    cr_assert_str_eq(f->flags, "p");
    cr_assert_eq(find("FR", "CI", "2013")->value, 1180, "C\\xf4te d'Ivoire read as Latin-1 is CI");
    cr_assert(ms_figure_is_missing(find("FR", "CI", "2014")));
}

Test(tables, latin1_bytes_read_as_utf8_are_rejected_with_a_hint)
{
    opt.mapping_path = "fixtures/appsso_mapping.json";
    opt.encoding = "utf-8";
    cr_assert_eq(read_path("fixtures/appsso_latin1.csv"), MS_ERR_DATA);
    expect_counts(3, 1, 0, 2, 0);
    expect_error("fixtures/appsso_latin1.csv:3:19: invalid UTF-8 (byte 0xF4); if the file is Latin-1, use --encoding latin1");
}

Test(tables, periods_in_columns_with_groups_and_missing_markers)
{
    const char *maps[] = {"place=Country"};
    const char *sets[] = {"metric=deportations"};
    opt.map_specs = maps;
    opt.n_map_specs = 1;
    opt.set_specs = sets;
    opt.n_set_specs = 1;
    cr_assert_eq(read_path("fixtures/wide_years.csv"), MS_ERR_DATA);
    expect_counts(9, 4, 2, 3, 0);
    cr_assert_eq(find("Germany", NULL, "2021")->value, 540080);
    cr_assert(ms_figure_is_missing(find("Germany", NULL, "2022")), "'..' is missing");
    cr_assert_eq(find("Germany", NULL, "2023")->value, 493785);
    cr_assert_eq(find("France", NULL, "2021")->value, 1200, "no-break space groups digits");
    cr_assert(ms_figure_is_missing(find("France", NULL, "2022")), "'-' is missing");
    cr_assert_null(find("France", NULL, "2023")->breakdown, "Reason=Total is a total");
    cr_assert_str_eq(find("France", NULL, "2023")->id, "wide_years.csv:3:23", "one id per cell");
    expect_error("fixtures/wide_years.csv:4:");
    expect_error("expected 5 fields, found 4");
}

Test(tables, periods_in_rows_fiscal_years_and_decades)
{
    opt.mapping_path = "fixtures/wide_rows_mapping.json";
    cr_assert_eq(read_path("fixtures/wide_rows.csv"), MS_OK);
    expect_counts(6, 5, 1, 0, 0);
    const ms_figure *f = NULL;
    for (size_t i = 0; i < set.count; i++)
        if (set.items[i].value == 438421)
            f = &set.items[i];
    cr_assert_not_null(f);
    cr_assert_str_eq(f->metric, "deportations");
    char buf[MS_PERIOD_BUFSZ];
    ms_period_format(f->period, buf);
    cr_assert_str_eq(buf, "2012-10/2013-09", "fiscal 2013 runs October 2012 to September 2013");
    f = find("US", NULL, "1976");
    cr_assert_eq(f->value, 29226, "1976 is before the fiscal years start: a calendar year");
    f = find("US", NULL, "1901/1910");
    cr_assert(f->value == 11 || f->value == 12, "'1901-10' is a decade");
}

Test(tables, templates_breakdown_duplicates_and_where)
{
    const char *maps[] = {"period={Year}-Q{Quarter},subject=Nationality", "value=Number"};
    const char *sets[] = {"metric=detentions,place=GB"};
    opt.map_specs = maps;
    opt.n_map_specs = 2;
    opt.set_specs = sets;
    opt.n_set_specs = 1;
    cr_assert_eq(read_path("fixtures/tidy_quarters.csv"), MS_ERR_DATA);
    expect_counts(6, 4, 0, 2, 0);
    bool male = false;
    for (size_t i = 0; i < set.count; i++) {
        if (ms_str_eq(set.items[i].breakdown, "Sex=Male")) {
            cr_assert_eq(set.items[i].value, 10, "the first of a duplicate key is kept");
            male = true;
        }
    }
    cr_assert(male);
    expect_error("fixtures/tidy_quarters.csv:4:21: duplicate key: a figure for detentions GB Albania Sex=Male, period 2023-Q1 was already read");
    expect_error("fixtures/tidy_quarters.csv:7:22: value 'abc' is not a number");
}

Test(tables, where_keeps_some_rows_and_counts_the_others)
{
    const char *maps[] = {"period={Year}-Q{Quarter},subject=Nationality,value=Number"};
    const char *sets[] = {"metric=detentions,place=GB"};
    const char *wheres[] = {"Sex=Total"};
    opt.map_specs = maps;
    opt.n_map_specs = 1;
    opt.set_specs = sets;
    opt.n_set_specs = 1;
    opt.where_specs = wheres;
    opt.n_where_specs = 1;
    cr_assert_eq(read_path("fixtures/tidy_quarters.csv"), MS_ERR_DATA);
    expect_counts(6, 2, 0, 1, 3);
    cr_assert_eq(find("GB", "Atlantis", "2023-Q2")->value, 3);
}

Test(tables, rejected_rows_go_verbatim_to_the_reject_file_after_the_header)
{
    const char *maps[] = {"period={Year}-Q{Quarter},subject=Nationality,value=Number"};
    const char *sets[] = {"metric=detentions,place=GB"};
    opt.map_specs = maps;
    opt.n_map_specs = 1;
    opt.set_specs = sets;
    opt.n_set_specs = 1;
    char *buf = NULL;
    size_t len = 0;
    opt.reject = open_memstream(&buf, &len);
    cr_assert_not_null(opt.reject);
    cr_assert_eq(read_path("fixtures/tidy_quarters.csv"), MS_ERR_DATA);
    fclose(opt.reject);
    cr_assert_str_eq(buf, "Year,Quarter,Nationality,Sex,Number\n"
                          "2023,1,Albania,Male,11\n"
                          "2023,3,Albania,Total,abc\n");
    free(buf);
}

Test(tables, a_mapping_naming_a_missing_column_reads_nothing_and_says_what_there_is)
{
    const char *maps[] = {"place=Nope,period=Year,value=Number"};
    const char *sets[] = {"metric=detentions"};
    opt.map_specs = maps;
    opt.n_map_specs = 1;
    opt.set_specs = sets;
    opt.n_set_specs = 1;
    cr_assert_eq(read_path("fixtures/tidy_quarters.csv"), MS_ERR_DATA);
    expect_error("place names 'Nope', which this table does not have (it has: Year, Quarter, Nationality, Sex, Number)");
    cr_assert_eq(set.count, 0);
    cr_assert_eq(diag.n_read, 0);
}

Test(tables, bad_options_and_mapping_files_are_clear_errors)
{
    const char *maps[] = {"colour=Sex"};
    opt.map_specs = maps;
    opt.n_map_specs = 1;
    cr_assert_eq(read_path("fixtures/tidy_quarters.csv"), MS_ERR_USAGE);
    expect_error("--map: unknown field 'colour'");
    opt.n_map_specs = 0;
    char dir[] = "/tmp/ms_map_XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/m.json", dir);
    FILE *fp = fopen(path, "w");
    fputs("{\n  \"set\": {\"metric\": \"detentions\"},\n  \"map\": {\"period\": \"Year\"", fp);
    fclose(fp);
    opt.mapping_path = path;
    cr_assert_eq(read_path("fixtures/tidy_quarters.csv"), MS_ERR_DATA);
    expect_error("m.json:3:");
    expect_error("not valid JSON");
    remove(path);
    rmdir(dir);
}

Test(tables, a_ten_megabyte_cell_and_a_nul_byte_are_rejected_not_crashed_on)
{
    char dir[] = "/tmp/ms_big_XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/big.csv", dir);
    FILE *fp = fopen(path, "wb");
    fputs("Country,2023\nA,", fp);
    for (size_t i = 0; i < ((size_t)10 << 20); i++)
        putc('7', fp);
    static const char rest[] = "\nB,1\nC,2\0" "3\nD,4\n";
    fwrite(rest, 1, sizeof rest - 1, fp); /* fputs would stop at the NUL */
    fclose(fp);
    const char *maps[] = {"place=Country"};
    const char *sets[] = {"metric=deportations"};
    opt.map_specs = maps;
    opt.n_map_specs = 1;
    opt.set_specs = sets;
    opt.n_set_specs = 1;
    cr_assert_eq(read_path(path), MS_ERR_DATA);
    expect_counts(4, 2, 0, 2, 0);
    expect_error("big.csv:2:3: value '7777");
    expect_error("big.csv:4:4: NUL byte in field");
    cr_assert_eq(find("D", NULL, "2023")->value, 4);
    remove(path);
    rmdir(dir);
}
