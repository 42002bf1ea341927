/* fuzz_common.h — what every fuzz target shares: the metric registry
 * loaded once, and a reader run over the input bytes as a stream. Each
 * target defines LLVMFuzzerTestOneInput; built with -fsanitize=fuzzer it is
 * a libFuzzer binary (make fuzz), built with replay_main.c it runs saved
 * inputs as a regression test (ctest). */
#ifndef MS_FUZZ_COMMON_H
#define MS_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/figure.h"
#include "core/metric.h"
#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline const ms_metric_registry *fuzz_metrics(void)
{
    static ms_metric_registry reg;
    static int loaded;
    if (!loaded) {
        char path[4096];
        snprintf(path, sizeof path, "%s/metrics.tsv", ms_data_dir());
        ms_diag d;
        ms_diag_init(&d);
        ms_metric_registry_init(&reg);
        if (ms_metric_registry_load(&reg, path, &d) != MS_OK) {
            fprintf(stderr, "fuzz: cannot load %s\n", path);
            abort();
        }
        ms_diag_free(&d);
        loaded = 1;
    }
    return &reg;
}

/* Reads the bytes as the file `name` in `format` (mapping_path may be
 * NULL); the reader must return, whatever the bytes. */
static inline void fuzz_ingest(const uint8_t *data, size_t size, const char *name,
                        ms_input_format format, const char *mapping_path)
{
    /* a copy, so the stream owns writable bytes; fmemopen of 0 bytes fails
     * on some libcs: an empty input is one byte read past */
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy)
        return;
    if (size)
        memcpy(copy, data, size);
    FILE *in = fmemopen(copy, size ? size : 1, "rb");
    if (!in) {
        free(copy);
        return;
    }
    if (!size)
        fgetc(in);
    ms_ingest_options opt = {0};
    opt.metrics = fuzz_metrics();
    opt.mapping_path = mapping_path;
    ms_figure_set set;
    ms_figure_set_init(&set);
    ms_diag diag;
    ms_diag_init(&diag);
    (void)ms_ingest_stream(in, name, format, &opt, &set, &diag);
    /* what was accepted is a figure set the rest of migstat can use */
    for (size_t i = 0; i < set.count; i++)
        if (!set.items[i].metric)
            abort();
    ms_diag_free(&diag);
    ms_figure_set_free(&set);
    fclose(in);
    free(copy);
}

#endif
