/* test_jsonstat.c — JSON-stat 2.0: dense and sparse values in row-major
 * order (a size-1 dimension included), index given as an array or an
 * object, status as an object, an array or one string, null values counted
 * as missing (never 0), the time dimension found by role or by name, the
 * Eurostat defaults (place, subject, unit through code lists written here,
 * so the test does not depend on data/codelists), a collection of two
 * datasets, and every bad input reported as file:line:column without a
 * crash. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diag_text.h"
#include "ingest/ingest.h"
#include "ingest/table_readers.h"
#include "tmpdir.h"

static ms_metric_registry reg;
static ms_figure_set set;
static ms_diag diag;
static ms_ingest_options opt;
static ms_mapping map;
static char datadir[64];

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    cr_assert_not_null(fp, "cannot write %s", path);
    fputs(text, fp);
    cr_assert_eq(fclose(fp), 0);
}

static void setup(void)
{
    static const char text[] = "name\tfamily\tunit\tdescription\n"
                               "entry_denials\tentry_restrictions\tpersons\tturned back at the border\n";
    ms_metric_registry_init(&reg);
    ms_diag_init(&diag);
    cr_assert_eq(ms_metric_registry_load_text(&reg, "m", text, sizeof text - 1, &diag), MS_OK);
    ms_figure_set_init(&set);
    opt = (ms_ingest_options){.metrics = &reg};
    ms_mapping_init(&map);
    cr_assert_eq(ms_mapping_set_rule(&map, MS_MAP_METRIC, "entry_denials", true), MS_OK);
    /* the Eurostat code lists the defaults load, in a data folder of our own */
    snprintf(datadir, sizeof datadir, "/tmp/ms_jsonstat_XXXXXX");
    cr_assert_not_null(mkdtemp(datadir));
    char sub[128];
    snprintf(sub, sizeof sub, "%s/codelists", datadir);
    cr_assert_eq(mkdir(sub, 0700), 0);
    write_file(sub, "eurostat_geo.tsv", "EU27_2020\tEU27_2020\nHU\tHU\nPL\tPL\nEL\tGR\n");
    write_file(sub, "eurostat_citizen.tsv", "EXT_EU27_2020\tforeign_citizens\nUA\tUA\n");
    write_file(sub, "eurostat_unit.tsv", "PER\tpersons\n");
    cr_assert_eq(setenv("MIGSTAT_DATA_DIR", datadir, 1), 0);
}

static void teardown(void)
{
    ms_mapping_free(&map);
    ms_figure_set_free(&set);
    ms_metric_registry_free(&reg);
    ms_diag_free(&diag);
    test_rmtree(datadir);
}

TestSuite(jsonstat, .init = setup, .fini = teardown);




static ms_status read_stream(FILE *in, const char *name)
{
    ms_emitter em;
    cr_assert_eq(ms_emitter_init(&em, name, &opt, &set, &diag), MS_OK);
    ms_jsonstat_read(&em, &map, in);
    return ms_emitter_finish(&em);
}

#include "reader_expect.h"

static ms_status read_fixture(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "fixtures/%s", name);
    return read_file(path);
}




/* ------------------------------------------------------------ dense cubes */

Test(jsonstat, dense_cube_row_major_with_a_size_one_dimension)
{
    ms_status st = read_fixture("jsonstat_eirfs.json");
    diag_log_all(&diag);
    cr_assert_eq(st, MS_OK);
    cr_assert_eq(diag.count, 0);
    cr_assert_eq(set.count, 9, "one figure per cell, missing ones included");
    expect_counts(9, 5, 4, 0);
    /* cell k = geo * 3 + time: the last dimension varies fastest */
    const ms_figure *f = find("EU27_2020", 2019, NULL);
    cr_assert_eq(f->value, 670795);
    cr_assert_str_eq(f->metric, "entry_denials");
    cr_assert_str_eq(f->unit, "persons", "unit PER through the Eurostat unit list");
    cr_assert_null(f->breakdown, "unit is mapped, time is the period: nothing left over (%s)", f->breakdown);
    cr_assert_null(f->flags);
    cr_assert_eq(find("EU27_2020", 2020, NULL)->value, 137840);
    cr_assert_str_eq(find("EU27_2020", 2020, NULL)->flags, "e", "sparse status object, cell 1");
    cr_assert_eq(find("HU", 2020, NULL)->value, 36500);
    cr_assert_eq(find("PL", 2020, NULL)->value, 28130);
    const ms_figure *pl23 = find("PL", 2023, NULL);
    cr_assert_eq(pl23->value, 14850);
    cr_assert_str_eq(pl23->flags, "p");
    const ms_figure *eu23 = find("EU27_2020", 2023, NULL);
    cr_assert(isnan(eu23->value), "null is missing, never 0");
    cr_assert_null(eu23->flags, "':' is no flag");
    cr_assert(isnan(find("HU", 2019, NULL)->value));
}

Test(jsonstat, each_figure_stands_where_its_value_is)
{
    cr_assert_eq(read_fixture("jsonstat_eirfs.json"), MS_OK);
    /* "value": [ is on line 14; cell k on line 15 + k, column 5 */
    const ms_figure *f = find("EU27_2020", 2019, NULL);
    cr_assert_eq(f->line, 15);
    cr_assert_eq(f->column, 5);
    cr_assert_str_eq(f->id, "jsonstat_eirfs.json:15:5");
    f = find("PL", 2023, NULL);
    cr_assert_eq(f->line, 23);
    cr_assert_str_eq(f->id, "jsonstat_eirfs.json:23:5");
    /* ids are unique */
    for (size_t i = 0; i < set.count; i++)
        for (size_t k = i + 1; k < set.count; k++)
            cr_assert_str_neq(set.items[i].id, set.items[k].id);
}

Test(jsonstat, a_period_rule_of_the_mapping_wins_over_the_time_role)
{
    /* a mapping that names the time dimension keeps it as a dimension */
    cr_assert_eq(ms_mapping_set_rule(&map, MS_MAP_PERIOD, "time", false), MS_OK);
    cr_assert_eq(read_fixture("jsonstat_eirfs.json"), MS_OK);
    cr_assert_eq(set.count, 9);
    cr_assert_eq(find("HU", 2020, NULL)->value, 36500);
    cr_assert_null(find("HU", 2020, NULL)->breakdown);
}

/* ------------------------------------------------------------ sparse cubes */

Test(jsonstat, sparse_values_and_status_array_object_index_and_label_only_dimension)
{
    ms_status st = read_fixture("jsonstat_sparse.json");
    diag_log_all(&diag);
    cr_assert_eq(st, MS_OK);
    /* only the cells the object lists; cell = time * 3 + geo (unit has size 1) */
    cr_assert_eq(set.count, 6);
    expect_counts(6, 5, 1, 0);
    cr_assert_eq(find("EU27_2020", 2019, NULL)->value, 670795);
    const ms_figure *eu20 = find("EU27_2020", 2020, NULL);
    cr_assert_eq(eu20->value, 137840);
    cr_assert_str_eq(eu20->flags, "b", "status array, cell 3");
    cr_assert_eq(find("HU", 2020, NULL)->value, 36500);
    cr_assert_str_eq(find("PL", 2020, NULL)->flags, "p");
    cr_assert_eq(find("PL", 2020, NULL)->value, 28130);
    cr_assert_eq(find("PL", 2023, NULL)->value, 14850);
    cr_assert(isnan(find("EU27_2020", 2023, NULL)->value), "a sparse null is missing");
    cr_assert_str_eq(find("PL", 2023, NULL)->unit, "persons", "the label-only category PER");
}

/* ------------------------------------------------------------ collections */

Test(jsonstat, a_collection_gives_each_dataset_in_turn)
{
    ms_status st = read_fixture("jsonstat_collection.json");
    diag_log_all(&diag);
    cr_assert_eq(st, MS_OK, "a link without values is a warning only");
    cr_assert_eq(set.count, 4);
    expect_counts(4, 4, 0, 0);
    const ms_figure *eu19 = find("EU27_2020", 2019, NULL);
    cr_assert_eq(eu19->value, 670795);
    cr_assert_null(eu19->subject, "the first dataset has no citizen");
    cr_assert_null(eu19->flags);
    /* the second has citizen and TIME_PERIOD (no role): the defaults of
     * the first (no citizen) do not stop it */
    const ms_figure *hu = find("HU", 2020, "foreign_citizens");
    cr_assert_eq(hu->value, 36500);
    cr_assert_str_eq(hu->flags, "e", "one status string for every cell");
    cr_assert_eq(find("PL", 2020, "foreign_citizens")->value, 28130);
    cr_assert_eq(diag.n_warnings, 1);
    cr_assert(strstr(diag_text(&diag, 0), "item 2 of the collection has no values (a link to 'https://"),
              "%s", diag_text(&diag, 0));
}

/* ------------------------------------------------------------ bad input */

Test(jsonstat, bad_cells_are_rejected_one_by_one)
{
    ms_status st = read_fixture("jsonstat_bad_cells.json");
    diag_log_all(&diag);
    cr_assert_eq(st, MS_ERR_DATA);
    expect_counts(8, 2, 0, 6);
    cr_assert_eq(find("EU27_2020", 2019, NULL)->value, 670795);
    cr_assert_eq(find("HU", 2023, NULL)->value, 1234, "a number as text with a grouping mark");
    const char *f = "fixtures/jsonstat_bad_cells.json";
    expect_diag_in(&diag, f, "4:30: value 'abc' is not a number");
    expect_diag_in(&diag, f, "4:42: negative count '-5'");
    expect_diag_in(&diag, f, "4:51: value 'NaN' is not a number");
    expect_diag_in(&diag, f, "5:17: value is a boolean, not a number");
    expect_diag_in(&diag, f, "5:23: cell index 99 is out of range (the cube has 6 cells)");
    expect_diag_in(&diag, f, "5:32: cell index 'x1' is not a whole number");
}

Test(jsonstat, size_that_does_not_match_the_values)
{
    cr_assert_eq(read_fixture("jsonstat_bad_size.json"), MS_ERR_DATA);
    cr_assert_eq(set.count, 0);
    cr_assert_eq(diag.n_read, 0, "nothing is read from a cube that does not add up");
    cr_assert_str_eq(diag_text(&diag, 0), "fixtures/jsonstat_bad_size.json:4:11: dataset '1': value has 5 entries, size says 6");
}

Test(jsonstat, truncated_document)
{
    cr_assert_eq(read_fixture("jsonstat_truncated.json"), MS_ERR_DATA);
    cr_assert_eq(set.count, 0);
    cr_assert_eq(diag.count, 1);
    cr_assert_str_eq(diag_text(&diag, 0), "fixtures/jsonstat_truncated.json:10:39: not valid JSON");
}

Test(jsonstat, structural_errors_name_the_member)
{
    static const struct {
        const char *doc;
        const char *message;
    } cases[] = {
        {"{\"class\":\"dataset\",\"id\":[\"geo\"],\"size\":[2],\n"
         "\"dimension\":{\"geo\":{\"category\":{\"index\":{\"HU\":0,\"PL\":2}}}},\"value\":[1,2]}",
         "t.json:2:54: dataset '1': category 'PL' of dimension 'geo' has position 2, out of range (size says 2)"},
        {"{\"class\":\"dataset\",\"id\":[\"geo\"],\"size\":[3],\n"
         "\"dimension\":{\"geo\":{\"category\":{\"index\":[\"HU\",\"PL\"]}}},\"value\":[1,2,3]}",
         "t.json:2:41: dataset '1': dimension 'geo' has 2 categories, size says 3"},
        {"{\"class\":\"dataset\",\"id\":[\"geo\"],\"size\":[2],\n"
         "\"dimension\":{\"geo\":{\"category\":{\"index\":{\"HU\":0,\"PL\":0}}}},\"value\":[1,2]}",
         "t.json:2:54: dataset '1': categories 'HU' and 'PL' of dimension 'geo' have the same position 0"},
        {"{\"class\":\"dataset\",\"id\":[\"geo\",\"time\"],\"size\":[2],\"dimension\":{},\"value\":[]}",
         "t.json:1:47: dataset '1': 'size' has 1 entries, 'id' has 2 dimensions"},
        {"{\"class\":\"dataset\",\"id\":[\"geo\"],\"size\":[1.5],\"dimension\":{},\"value\":[]}",
         "t.json:1:41: dataset '1': size of 'geo' must be a whole number >= 0"},
        {"{\"class\":\"dataset\",\"id\":[\"geo\"],\"size\":[1],\"dimension\":{},\"value\":[1]}",
         "t.json:1:56: dataset '1': dimension 'geo' is not described in 'dimension'"},
        {"{\"class\":\"dataset\",\"id\":[\"geo\"],\"size\":[1],\"dimension\":{\"geo\":{\"category\":{\"index\":[\"HU\"]}}},"
         "\"value\":\"7\"}",
         "t.json:1:102: dataset '1': 'value' must be an array or an object, not a string"},
        {"{\"class\":\"dimension\"}", "t.json:1:1: not a JSON-stat 2.0 dataset or collection (class 'dimension'; "
                                      "expected 'dataset' or 'collection')"},
        {"[1, 2]", "t.json:1:1: not a JSON-stat 2.0 dataset or collection (class 'none'; expected 'dataset' or "
                   "'collection')"},
        {"", "t.json:1:1: not valid JSON"},
        {"{\"class\":\"dataset\"} x", "t.json:1:21: not valid JSON"},
        {"{\"class\":\"dataset\",\"label\":\"caf\xC3\"}", "t.json:1:32: invalid UTF-8 (byte 0xC3): JSON text must be UTF-8"},
        {"{\"class\":\"collection\",\"link\":{\"item\":[]}}", "t.json:1:38: collection holds no dataset with values"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ms_diag_free(&diag);
        ms_diag_init(&diag);
        cr_assert_eq(read_text(cases[i].doc, "t.json"), MS_ERR_DATA, "case %zu", i);
        cr_assert_eq(set.count, 0, "case %zu", i);
        cr_assert_geq(diag.count, 1, "case %zu", i);
        cr_assert_str_eq(diag_text(&diag, 0), cases[i].message, "case %zu: %s", i, diag_text(&diag, 0));
    }
}

Test(jsonstat, no_time_dimension_needs_a_period_from_the_mapping)
{
    static const char doc[] = "{\"class\":\"dataset\",\"id\":[\"geo\"],\"size\":[1],"
                              "\"dimension\":{\"geo\":{\"category\":{\"index\":[\"HU\"]}}},\"value\":[36500]}";
    cr_assert_eq(read_text(doc, "t.json"), MS_ERR_DATA);
    cr_assert_eq(set.count, 0);
    cr_assert(strstr(diag_text(&diag, 0), "no period"), "%s", diag_text(&diag, 0));
    ms_diag_free(&diag);
    ms_diag_init(&diag);
    cr_assert_eq(ms_mapping_set_rule(&map, MS_MAP_PERIOD, "2020", true), MS_OK);
    cr_assert_eq(read_text(doc, "t.json"), MS_OK);
    cr_assert_eq(find("HU", 2020, NULL)->value, 36500);
}

Test(jsonstat, documents_over_256_mb_are_refused)
{
    /* a stream that says more than it holds would need 256 MB: use a
     * sparse temporary file instead */
    char path[128];
    snprintf(path, sizeof path, "%s/big.json", datadir);
    FILE *fp = fopen(path, "w+b");
    cr_assert_not_null(fp);
    cr_assert_eq(fseek(fp, (256L << 20) + 10, SEEK_SET), 0);
    cr_assert_neq(fputc(' ', fp), EOF);
    rewind(fp);
    cr_assert_eq(read_stream(fp, "big.json"), MS_ERR_DATA);
    fclose(fp);
    cr_assert_eq(set.count, 0);
    cr_assert(strstr(diag_text(&diag, 0), "big.json: larger than 268435456 bytes"), "%s", diag_text(&diag, 0));
}
