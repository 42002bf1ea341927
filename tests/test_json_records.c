/* test_json_records.c — JSON records: an array of flat objects inside a
 * document (value field, numbers as text, null = missing, a record without
 * a value and a bad value rejected), nested objects of numbers (dimension
 * named after the object's key, enclosing scalar fields), JSON Lines (blank
 * lines skipped, a bad line rejected and the rest read, unknown later
 * fields warned about once), a document with no observation, invalid JSON,
 * and the real Eurostat-derived permits file read completely. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diag_text.h"
#include "ingest/ingest.h"
#include "ingest/table_readers.h"

static ms_metric_registry reg;
static ms_figure_set set;
static ms_diag diag;
static ms_ingest_options opt;
static ms_mapping map;

static void setup(void)
{
    static const char text[] = "name\tfamily\tunit\tdescription\n"
                               "entry_denials\tentry_restrictions\tpersons\tturned back at the border\n"
                               "first_residence_permits\tpermits\tpersons\tfirst permits\n";
    ms_metric_registry_init(&reg);
    ms_diag_init(&diag);
    cr_assert_eq(ms_metric_registry_load_text(&reg, "m", text, sizeof text - 1, &diag), MS_OK);
    ms_figure_set_init(&set);
    opt = (ms_ingest_options){.metrics = &reg};
    ms_mapping_init(&map);
}

static void teardown(void)
{
    ms_mapping_free(&map);
    ms_figure_set_free(&set);
    ms_metric_registry_free(&reg);
    ms_diag_free(&diag);
}

TestSuite(json_records, .init = setup, .fini = teardown);




static void set_rule(ms_map_field f, const char *text, bool constant)
{
    cr_assert_eq(ms_mapping_set_rule(&map, f, text, constant), MS_OK);
}

static ms_status read_stream(FILE *in, const char *name)
{
    ms_emitter em;
    cr_assert_eq(ms_emitter_init(&em, name, &opt, &set, &diag), MS_OK);
    ms_json_records_read(&em, &map, in);
    return ms_emitter_finish(&em);
}

#include "reader_expect.h"





/* ------------------------------------------------------------ (a) records */

Test(json_records, an_array_of_records_inside_a_document)
{
    set_rule(MS_MAP_METRIC, "entry_denials", true);
    set_rule(MS_MAP_PLACE, "geo", false);
    set_rule(MS_MAP_FLAGS, "flag", false);
    ms_status st = read_file("fixtures/records_array.json");
    diag_log_all(&diag);
    cr_assert_eq(st, MS_ERR_DATA);
    expect_counts(8, 3, 1, 4);
    const ms_figure *f = find("EU27_2020", 2019, NULL);
    cr_assert_eq(f->value, 670795);
    cr_assert_null(f->flags, "a null field is no value");
    cr_assert_str_eq(f->breakdown, "dataset=migr_eirfs;unit=PER", "the enclosing object's scalar fields");
    cr_assert_eq(f->line, 3);
    cr_assert_eq(f->column, 47);
    cr_assert_str_eq(f->id, "records_array.json:3:47");
    const ms_figure *eu20 = find("EU27_2020", 2020, NULL);
    cr_assert_eq(eu20->value, 137840, "a number written as text with a grouping mark");
    cr_assert_str_eq(eu20->flags, "e");
    cr_assert_eq(find("HU", 2020, NULL)->value, 36500, "a year written as text");
    cr_assert(isnan(find("HU", 2023, NULL)->value), "null is missing, never 0");
    const char *n = "fixtures/records_array.json";
    expect_diag_in(&diag, n, "7:40: value 'abc' is not a number");
    expect_diag_in(&diag, n, "8:3: record has no field 'value'");
    expect_diag_in(&diag, n, "9:40: negative count '-5'");
    expect_diag_in(&diag, n, "10:3: value is an array, not a number");
}

Test(json_records, rejected_records_go_to_the_reject_file)
{
    set_rule(MS_MAP_METRIC, "entry_denials", true);
    set_rule(MS_MAP_PLACE, "geo", false);
    char *buf = NULL;
    size_t len = 0;
    FILE *rej = open_memstream(&buf, &len);
    cr_assert_not_null(rej);
    opt.reject = rej;
    cr_assert_eq(read_file("fixtures/records_array.json"), MS_ERR_DATA);
    fclose(rej);
    cr_assert_str_eq(buf, "{\"year\": 2020, \"geo\": \"PL\", \"value\": \"abc\"}\n"
                          "{\"year\": 2023, \"geo\": \"PL\"}\n"
                          "{\"year\": 2021, \"geo\": \"PL\", \"value\": -5}\n"
                          "{\"year\": 2022, \"geo\": \"PL\", \"value\": [1]}\n");
    free(buf);
}

/* ------------------------------------------------------------ (b) nested numbers */

Test(json_records, nested_objects_of_numbers)
{
    set_rule(MS_MAP_METRIC, "first_residence_permits", true);
    set_rule(MS_MAP_PLACE, "geo", false);
    set_rule(MS_MAP_SUBJECT, "groups", false);
    ms_status st = read_file("fixtures/records_nested.json");
    diag_log_all(&diag);
    cr_assert_eq(st, MS_OK);
    expect_counts(6, 5, 1, 0);
    const ms_figure *f = find("DE", 2008, "India");
    cr_assert_eq(f->value, 2716);
    cr_assert_str_eq(f->unit, "persons");
    cr_assert_str_eq(f->breakdown, "source=Eurostat;dataset=migr_resfirst;reason=EMP;iso3=DEU",
                     "top-level and enclosing scalar fields; the array 'order' is no dimension");
    cr_assert_eq(find("DE", 2008, "Other")->value, 11127);
    cr_assert_eq(find("DE", 2009, "India")->value, 2148);
    cr_assert(isnan(find("DE", 2009, "Other")->value));
    cr_assert_eq(find("PL", 2025, "Ukraine")->value, 186943);
    cr_assert_eq(find("PL", 2025, "Belarus")->value, 71541);
    cr_assert_eq(find("PL", 2025, "Belarus")->line, 9);
}

/* ------------------------------------------------------------ JSON Lines */

Test(json_records, json_lines_bad_line_rejected_rest_read)
{
    set_rule(MS_MAP_METRIC, "entry_denials", true);
    set_rule(MS_MAP_PLACE, "geo", false);
    char *buf = NULL;
    size_t len = 0;
    FILE *rej = open_memstream(&buf, &len);
    cr_assert_not_null(rej);
    opt.reject = rej;
    ms_status st = read_file("fixtures/records_lines.jsonl");
    fclose(rej);
    diag_log_all(&diag);
    cr_assert_eq(st, MS_ERR_DATA);
    expect_counts(6, 3, 1, 2);
    cr_assert_eq(find("EU27_2020", 2019, NULL)->value, 670795);
    cr_assert_eq(find("EU27_2020", 2020, NULL)->value, 137840);
    cr_assert_eq(find("PL", 2020, NULL)->value, 28130);
    cr_assert_eq(find("PL", 2020, NULL)->line, 5);
    cr_assert(isnan(find("PL", 2023, NULL)->value));
    const char *n = "fixtures/records_lines.jsonl";
    expect_diag_in(&diag, n, "4:46: not valid JSON");
    expect_diag_in(&diag, n, "7:1: no observation in this record: no field 'OBS_VALUE' and no object of numbers");
    expect_diag_in(&diag, n, "3:49: warning: field 'flag' is not in the first record; it is left out");
    expect_diag_in(&diag, n, "5:42: warning: field 'note' is not in the first record; it is left out");
    cr_assert_eq(diag.n_warnings, 2, "once per field name");
    cr_assert_str_eq(buf, "{\"year\": 2020, \"geo\": \"HU\", \"OBS_VALUE\": 36500\n{\"year\": 2023, \"geo\": \"HU\"}\n");
    free(buf);
}

Test(json_records, lines_are_recognised_without_the_extension)
{
    set_rule(MS_MAP_METRIC, "entry_denials", true);
    set_rule(MS_MAP_PLACE, "geo", false);
    cr_assert_eq(read_text("{\"year\":2019,\"geo\":\"HU\",\"persons\":5}\n{\"year\":2020,\"geo\":\"HU\",\"persons\":7}\n",
                           "stdin"),
                 MS_OK);
    cr_assert_eq(set.count, 2);
    cr_assert_eq(find("HU", 2020, NULL)->value, 7);
    cr_assert_str_eq(find("HU", 2020, NULL)->id, "stdin:2:35");
}

/* ------------------------------------------------------------ not records */

Test(json_records, a_document_without_observations_says_what_was_looked_for)
{
    set_rule(MS_MAP_METRIC, "entry_denials", true);
    cr_assert_eq(read_file("fixtures/records_garbage.json"), MS_ERR_DATA);
    cr_assert_eq(set.count, 0);
    cr_assert_str_eq(diag_text(&diag, 0),
                     "fixtures/records_garbage.json: no observation found: looked for objects with a field "
                     "'value', 'OBS_VALUE', 'count', 'number' or 'persons', and for objects whose values are "
                     "all numbers");
}

Test(json_records, bad_documents)
{
    static const struct {
        const char *doc;
        const char *message;
    } cases[] = {
        {"[{\"year\": 2020, \"value\": 5},\n {\"year\": 2021, ", "t.json:2:16: not valid JSON"},
        {"", "t.json:1:1: not valid JSON"},
        {"42", "t.json: no observation found: looked for objects with a field 'value', 'OBS_VALUE', 'count', "
               "'number' or 'persons', and for objects whose values are all numbers"},
        {"[{\"year\": 2020, \"value\": 5, \"geo\": \"caf\xC3\"}]",
         "t.json:1:40: invalid UTF-8 (byte 0xC3): JSON text must be UTF-8"},
        {"[{\"year\": 2020, \"value\": 5}]", "t.json:1: no metric: say which column holds it (--map "
                                             "metric=COLUMN) or give it (--set metric=VALUE), or use --mapping "
                                             "FILE; the columns are: year"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ms_diag_free(&diag);
        ms_diag_init(&diag);
        cr_assert_eq(read_text(cases[i].doc, "t.json"), MS_ERR_DATA, "case %zu", i);
        cr_assert_eq(set.count, 0, "case %zu", i);
        cr_assert_str_eq(diag_text(&diag, 0), cases[i].message, "case %zu: %s", i, diag_text(&diag, 0));
    }
}

/* ------------------------------------------------------------ the real file */

#define REAL_PERMITS "/work/shared/data/real/eurostat_derived_json/eurostat-work-permits-citizenship.json"

Test(json_records, real_eurostat_permits_file_is_read_completely)
{
    FILE *probe = fopen(REAL_PERMITS, "rb");
    if (!probe)
        cr_skip_test("the real file is not on this machine");
    fclose(probe);
    set_rule(MS_MAP_METRIC, "first_residence_permits", true);
    set_rule(MS_MAP_PLACE, "geo", false);
    set_rule(MS_MAP_SUBJECT, "groups", false);
    ms_status st = read_file(REAL_PERMITS);
    for (size_t i = 0; i < diag.count && i < 5; i++)
        cr_log_error("%s", diag_text(&diag, i));
    cr_assert_eq(st, MS_OK);
    /* python3: every number in an all-number object: 3987, none null */
    expect_counts(3987, 3987, 0, 0);
    cr_assert_eq(set.count, 3987);
    cr_assert_eq(find("DE", 2008, "India")->value, 2716);
    cr_assert_eq(find("PL", 2025, "Ukraine")->value, 186943);
}
