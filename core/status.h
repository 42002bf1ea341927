/* status.h — the one list of result codes every migstat function returns.
 *
 * The first five values are also the CLI's exit codes (DESIGN: 0 ok, 1 usage,
 * 2 bad input data, 3 missing dependency, 4 conflicts found); the rest map to
 * exit code 5 (system error: I/O, memory). ms_status_exit_code() is the map. */
#ifndef MS_STATUS_H
#define MS_STATUS_H

typedef enum ms_status {
    MS_OK = 0,            /* success */
    MS_ERR_USAGE = 1,     /* bad command line or bad API argument */
    MS_ERR_DATA = 2,      /* input data rejected (bad number, ragged row, ...) */
    MS_ERR_DEPENDENCY = 3,/* a required external program is missing (gnuplot) */
    MS_CONFLICTS = 4,     /* consistency check found conflicts */
    MS_ERR_IO = 5,        /* cannot open, read or write a file */
    MS_ERR_NOMEM = 6,     /* out of memory */
    MS_ERR_EXTERNAL = 7   /* an external program failed (gnuplot error) */
} ms_status;

/* One-line lowercase description of a status, never NULL. */
const char *ms_strerror(ms_status status);

/* Process exit code for a status: 0..4 as above, 5 for I/O, memory and
 * external-program failures. */
int ms_status_exit_code(ms_status status);

#endif
