/* status.c — descriptions and exit codes of ms_status values. */
#include "core/status.h"

const char *ms_strerror(ms_status status)
{
    switch (status) {
    case MS_OK: return "ok";
    case MS_ERR_USAGE: return "usage error";
    case MS_ERR_DATA: return "bad input data";
    case MS_ERR_DEPENDENCY: return "missing dependency";
    case MS_CONFLICTS: return "consistency conflicts found";
    case MS_ERR_IO: return "input/output error";
    case MS_ERR_NOMEM: return "out of memory";
    case MS_ERR_EXTERNAL: return "external program failed";
    }
    return "unknown status";
}

int ms_status_exit_code(ms_status status)
{
    switch (status) {
    case MS_OK: return 0;
    case MS_ERR_USAGE: return 1;
    case MS_ERR_DATA: return 2;
    case MS_ERR_DEPENDENCY: return 3;
    case MS_CONFLICTS: return 4;
    case MS_ERR_IO:
    case MS_ERR_NOMEM:
    case MS_ERR_EXTERNAL: return 5;
    }
    return 5;
}
