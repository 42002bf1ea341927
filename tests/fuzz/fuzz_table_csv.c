/* fuzz_table_csv.c — any CSV through a mapping, from any bytes: the reader returns, rejects what
 * it cannot read and never crashes or leaks. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_ingest(data, size, "fuzz.csv", MS_FORMAT_TABLE, MS_DATA_DIR "/mappings/uk_irregular_migration.json");
    return 0;
}
