/* read_file.h — a whole file or stream into memory, with a size cap and a
 * clear error. For inputs that cannot be read in one pass (JSON documents,
 * mapping files, code lists); tables are streamed instead. */
#ifndef MS_READ_FILE_H
#define MS_READ_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "core/diag.h"
#include "core/status.h"
#include "core/strbuf.h"

/* Appends everything left in `in` to sb (NUL-terminated). More than
 * max_bytes (0 = no cap) is an error "<name>: larger than N bytes",
 * MS_ERR_DATA; a read error is MS_ERR_IO; both are reported to diag. */
ms_status ms_read_stream(FILE *in, const char *name, size_t max_bytes, ms_strbuf *sb, ms_diag *diag);

/* Opens path and reads it as above ("cannot open: <reason>", MS_ERR_IO). */
ms_status ms_read_file(const char *path, size_t max_bytes, ms_strbuf *sb, ms_diag *diag);

#endif
