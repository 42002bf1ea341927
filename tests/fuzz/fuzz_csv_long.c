/* fuzz_csv_long.c — migstat's long-layout figure CSV, from any bytes: the reader returns, rejects what
 * it cannot read and never crashes or leaks. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_ingest(data, size, "fuzz.csv", MS_FORMAT_CSV, NULL);
    return 0;
}
