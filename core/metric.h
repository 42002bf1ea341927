/* metric.h — the metric registry read from data/metrics.tsv.
 *
 * Each metric has a name (entry_denials), a family (entry_restrictions) that
 * groups metrics different outlets use for one official count, a default
 * unit and a description. The file is tab-separated with a header line
 * "name\tfamily\tunit\tdescription"; '#' lines are comments. */
#ifndef MS_METRIC_H
#define MS_METRIC_H

#include <stddef.h>
#include "core/arena.h"
#include "core/diag.h"
#include "core/status.h"

typedef struct ms_metric {
    const char *name;
    const char *family;
    const char *unit;
    const char *description;
} ms_metric;

typedef struct ms_metric_registry {
    ms_metric *items;
    size_t count;
    ms_arena arena; /* owns every string */
} ms_metric_registry;

void ms_metric_registry_init(ms_metric_registry *reg);
void ms_metric_registry_free(ms_metric_registry *reg);
/* Loads a registry file; problems are reported to diag as file:line:column.
 * MS_ERR_IO if the file cannot be read, MS_ERR_DATA if a line is bad. */
ms_status ms_metric_registry_load(ms_metric_registry *reg, const char *path,
                                  ms_diag *diag);
/* Loads from text already in memory (name used in messages). */
ms_status ms_metric_registry_load_text(ms_metric_registry *reg, const char *name,
                                       const char *text, size_t len, ms_diag *diag);
/* Finds a metric by exact name; NULL if unknown. */
const ms_metric *ms_metric_find(const ms_metric_registry *reg, const char *name);

/* Default path of the registry: $MIGSTAT_DATA_DIR/metrics.tsv if that
 * environment variable is set, else the data/ folder the build was
 * configured with. Returns a static or environment string. */
const char *ms_data_dir(void);

#endif
