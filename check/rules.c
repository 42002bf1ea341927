/* rules.c — the rule registry (name -> function, one table row per rule)
 * and ms_check_run, which runs the chosen rules over a figure set.
 *
 * Exports ms_check_rules, ms_check_rule_find and ms_check_run (check.h). A
 * new rule is a new file in check/ plus one row here. */
#include "check/check.h"

#include <string.h>

static const ms_check_rule rules[] = {
    {"same_key", ms_check_same_key,
     "sources agree on the same metric, kind, period, place and subject"},
};

#define N_RULES (sizeof rules / sizeof rules[0])

const ms_check_rule *ms_check_rules(size_t *count)
{
    if (count)
        *count = N_RULES;
    return rules;
}

const ms_check_rule *ms_check_rule_find(const char *name)
{
    for (size_t i = 0; name && i < N_RULES; i++)
        if (strcmp(rules[i].name, name) == 0)
            return &rules[i];
    return NULL;
}

ms_status ms_check_run(const ms_figure_set *set, const char *const *names,
                       ms_findings *out)
{
    ms_findings_init(out);
    const ms_check_rule *chosen[N_RULES];
    size_t n_chosen = 0;
    if (!names) {
        for (size_t i = 0; i < N_RULES; i++)
            chosen[n_chosen++] = &rules[i];
    } else {
        /* Every name is checked before anything runs. */
        for (size_t i = 0; names[i]; i++) {
            const ms_check_rule *r = ms_check_rule_find(names[i]);
            if (!r)
                return MS_ERR_USAGE;
            bool seen = false;
            for (size_t k = 0; k < n_chosen; k++)
                seen = seen || chosen[k] == r;
            if (!seen)
                chosen[n_chosen++] = r;
        }
    }
    for (size_t i = 0; i < n_chosen; i++) {
        ms_status st = chosen[i]->run(set, out);
        if (st != MS_OK) {
            ms_findings_free(out);
            return st;
        }
    }
    return MS_OK;
}
