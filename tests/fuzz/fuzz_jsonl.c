/* fuzz_jsonl.c — figure JSON Lines, from any bytes: the reader returns, rejects what
 * it cannot read and never crashes or leaks. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_ingest(data, size, "fuzz.jsonl", MS_FORMAT_JSONL, NULL);
    return 0;
}
