/* fuzz_period.c — the period parser (ISO and Eurostat forms) and the
 * time-expression finder of news text on any bytes. A parsed period
 * formats and parses back to itself; found expressions lie inside the text
 * in order. The first byte picks the finder's language. */
#include <string.h>

#include "core/period.h"
#include "fuzz_common.h"
#include "ingest/text/periods.h"

#define MAX_HITS 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ms_period p;
    if (ms_period_parse((const char *)data, size, &p) == MS_OK) {
        if (p.end < p.start)
            abort();
        char buf[64];
        size_t n = ms_period_format(p, buf);
        ms_period back;
        if (n && (ms_period_parse(buf, n, &back) != MS_OK || !ms_period_equal(p, back)))
            abort();
    }
    int32_t day;
    (void)ms_date_parse((const char *)data, size, &day);
    if (size == 0)
        return 0;
    static const ms_lang langs[] = {MS_LANG_EN, MS_LANG_RU, MS_LANG_DE};
    static ms_period_hit hits[MAX_HITS];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    size_t n = ms_text_find_periods(text, len, langs[data[0] % 3], ms_day_from_civil(2024, 8, 20),
                                    hits, MAX_HITS);
    size_t prev_end = 0;
    for (size_t i = 0; i < n && i < MAX_HITS; i++) {
        if (hits[i].start < prev_end || hits[i].end < hits[i].start || hits[i].end > len)
            abort();
        prev_end = hits[i].end;
    }
    return 0;
}
