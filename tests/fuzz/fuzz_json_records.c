/* fuzz_json_records.c — JSON records through a mapping, from any bytes: the reader returns, rejects what
 * it cannot read and never crashes or leaks. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_ingest(data, size, "fuzz.json", MS_FORMAT_JSON, MS_DATA_DIR "/mappings/eurostat_derived_permits_by_citizenship.json");
    return 0;
}
