/* gsl_bridge.c — the one place GSL's global behaviour is configured: its
 * default error handler aborts the process, so it is switched off once,
 * before the first GSL call of stats/, and callers check sizes and
 * statuses themselves. Exports ms_gsl_init (internal.h). */
#include "stats/internal.h"

#include <gsl/gsl_errno.h>
#include <pthread.h>

static pthread_once_t gsl_once = PTHREAD_ONCE_INIT;

static void handler_off(void) { gsl_set_error_handler_off(); }

void ms_gsl_init(void) { pthread_once(&gsl_once, handler_off); }
