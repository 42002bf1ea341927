/* read_file.c — whole inputs into memory. Exports ms_read_stream and
 * ms_read_file of read_file.h. */
#include "core/read_file.h"

#include <errno.h>
#include <string.h>

ms_status ms_read_stream(FILE *in, const char *name, size_t max_bytes, ms_strbuf *sb, ms_diag *diag)
{
    char buf[65536];
    size_t n, total = 0;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        total += n;
        if (max_bytes && total > max_bytes) {
            ms_diag_error(diag, name, 0, 0, "larger than %zu bytes", max_bytes);
            return MS_ERR_DATA;
        }
        ms_strbuf_append(sb, buf, n);
        if (ms_strbuf_failed(sb))
            return MS_ERR_NOMEM;
    }
    if (ferror(in)) {
        ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_IO, name, 0, 0, "read error");
        return MS_ERR_IO;
    }
    ms_strbuf_str(sb); /* makes sure the text is NUL-terminated */
    return ms_strbuf_failed(sb) ? MS_ERR_NOMEM : MS_OK;
}

ms_status ms_read_file(const char *path, size_t max_bytes, ms_strbuf *sb, ms_diag *diag)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        ms_diag_report(diag, MS_SEV_ERROR, MS_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
        return MS_ERR_IO;
    }
    ms_status st = ms_read_stream(fp, path, max_bytes, sb, diag);
    fclose(fp); /* read-only: nothing can be lost on close */
    return st;
}
