/* fuzz_jsonstat.c — JSON-stat 2.0 (the shipped migr_eirfs mapping applies), from any bytes: the reader returns, rejects what
 * it cannot read and never crashes or leaks. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_ingest(data, size, "migr_eirfs.json", MS_FORMAT_JSONSTAT, NULL);
    return 0;
}
