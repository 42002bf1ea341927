/* fuzz_sdmx_csv.c — SDMX-CSV (the shipped migr_eirfs mapping applies), from any bytes: the reader returns, rejects what
 * it cannot read and never crashes or leaks. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_ingest(data, size, "migr_eirfs.csv", MS_FORMAT_SDMX, NULL);
    return 0;
}
