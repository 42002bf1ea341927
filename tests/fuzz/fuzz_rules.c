/* fuzz_rules.c — the rules-file parser on any bytes; a file that parses is
 * then run over a fixed set of figures (tests/fixtures/check/
 * rules_items.csv), so evaluation sees every rule the parser accepts. */
#include <string.h>

#include "check/check.h"
#include "fuzz_common.h"

static const ms_figure_set *items(void)
{
    static ms_figure_set set;
    static int loaded;
    if (!loaded) {
        ms_ingest_options opt = {0};
        opt.metrics = fuzz_metrics();
        ms_figure_set_init(&set);
        ms_diag d;
        ms_diag_init(&d);
        if (ms_ingest_path(MS_TEST_SOURCE_DIR "/fixtures/check/rules_items.csv", MS_FORMAT_AUTO,
                           &opt, &set, &d) != MS_OK || set.count == 0)
            abort();
        ms_diag_free(&d);
        loaded = 1;
    }
    return &set;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ms_ruleset *rs = NULL;
    ms_diag diag;
    ms_diag_init(&diag);
    ms_status st = ms_ruleset_parse("fuzz.rules", (const char *)data, size, fuzz_metrics(), &rs, &diag);
    if (st == MS_OK && rs) {
        ms_check_options opt = {NULL, fuzz_metrics(), rs};
        ms_findings out;
        if (ms_check_run(items(), &opt, &out) == MS_OK)
            ms_findings_free(&out);
    } else if (st == MS_ERR_DATA && diag.count == 0) {
        abort(); /* a refused file always says where and why */
    }
    ms_ruleset_free(rs);
    ms_diag_free(&diag);
    return 0;
}
