/* fuzz_check.c — every built-in consistency rule over figures read from
 * any bytes (as migstat's figure CSV): the rules finish on whatever the
 * reader accepted. */
#include "check/check.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    FILE *in = fmemopen(copy, size ? size : 1, "rb");
    if (in) {
        if (!size)
            fgetc(in);
        ms_ingest_options opt = {0};
        opt.metrics = fuzz_metrics();
        ms_figure_set set;
        ms_figure_set_init(&set);
        ms_diag diag;
        ms_diag_init(&diag);
        (void)ms_ingest_stream(in, "fuzz.csv", MS_FORMAT_CSV, &opt, &set, &diag);
        ms_check_options copt = {NULL, fuzz_metrics(), NULL};
        ms_findings out;
        if (ms_check_run(&set, &copt, &out) == MS_OK)
            ms_findings_free(&out);
        ms_diag_free(&diag);
        ms_figure_set_free(&set);
        fclose(in);
    }
    free(copy);
    return 0;
}
