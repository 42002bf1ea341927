/* tsv.c — fields and names of tab-separated data files (see tsv.h). */
#include "core/tsv.h"

size_t ms_tsv_split(const char *line, size_t len, const char **field, size_t *flen,
                    size_t *fcol, size_t max)
{
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len && n < max; i++) {
        if (i == len || line[i] == '\t') {
            field[n] = line + start;
            flen[n] = i - start;
            fcol[n] = start + 1;
            n++;
            start = i + 1;
        }
    }
    return n;
}

bool ms_tsv_is_name(const char *s, size_t len)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

bool ms_tsv_is_place_code(const char *s, size_t len)
{
    if (len != 2 && !(len >= 4 && len <= 6 && s[2] == '-'))
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        bool upper = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
        if (i < 2 ? !upper : i == 2 ? c != '-' : !(upper || digit))
            return false;
    }
    return true;
}
