/* fuzz_extract.c — the news-text extractor on any bytes. The first byte
 * picks the language ('0' auto, '1' en, '2' ru, '3' de, by its value mod
 * 4), the rest is the text. Every figure's span lies inside the text and
 * its interval holds its value. */
#include <math.h>
#include <string.h>

#include "fuzz_common.h"
#include "ingest/text/extract.h"

static ms_status check_figure(void *ctx, const ms_figure *f)
{
    size_t len = *(const size_t *)ctx;
    if (f->offset < 0 || f->length < 0 || (size_t)(f->offset + f->length) > len)
        abort();
    if (ms_interval_is_valid(f->range) && isfinite(f->value) &&
        !(f->range.lo <= f->value && f->value <= f->range.hi))
        abort();
    return MS_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static ms_extractor *ex;
    if (!ex && ms_extractor_new(&ex) != MS_OK)
        abort();
    if (size == 0)
        return 0;
    static const ms_lang langs[] = {MS_LANG_EN, MS_LANG_EN, MS_LANG_RU, MS_LANG_DE};
    ms_extract_options opt = {0};
    opt.lang_auto = data[0] % 4 == 0;
    opt.lang = langs[data[0] % 4];
    opt.published = ms_day_from_civil(2024, 8, 20);
    opt.source = "fuzz";
    opt.file = "fuzz.txt";
    size_t len = size - 1;
    ms_extract_sink sink = {check_figure, NULL, &len};
    ms_diag diag;
    ms_diag_init(&diag);
    (void)ms_extract_text(ex, (const char *)data + 1, len, &opt, &sink, &diag, NULL);
    ms_diag_free(&diag);
    return 0;
}
