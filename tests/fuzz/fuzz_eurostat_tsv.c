/* fuzz_eurostat_tsv.c — a Eurostat bulk TSV (the shipped migr_eirfs mapping applies), from any bytes: the reader returns, rejects what
 * it cannot read and never crashes or leaks. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_ingest(data, size, "migr_eirfs.tsv", MS_FORMAT_EUROSTAT_TSV, NULL);
    return 0;
}
