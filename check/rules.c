/* rules.c — the rule registry (name -> function, one table row per rule)
 * and ms_check_run, which runs the chosen rules and then a rules file's
 * over a figure set, with one summary per rule.
 *
 * Exports ms_check_rules, ms_check_rule_find and ms_check_run (check.h). A
 * new rule is a new file in check/ plus one row here. */
#include "check/check.h"

#include <string.h>

static const ms_check_rule rules[] = {
    {"same_key", ms_check_same_key,
     "sources agree on the same metric, kind, period, place and subject"},
    {"definition", ms_check_definition,
     "metrics of one family (entry_bans, entry_denials) for the same figure: a possible "
     "definition mismatch"},
    {"revision", ms_check_revision,
     "one source family restating a figure later with a new value"},
    {"implied", ms_check_implied,
     "a level and a stated change imply the base level; a source's two levels imply its change"},
    {"cumulative", ms_check_cumulative,
     "year-to-date counts never fall as the period grows; a month never exceeds its year to date"},
    {"part_whole", ms_check_part_whole,
     "a citizenship never exceeds foreign_citizens, a region its country, parts their total"},
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

/* The summary of a built-in rule: its findings from index `from` on. */
static ms_rule_summary summarise(const ms_check_rule *r, const ms_findings *f, size_t from)
{
    ms_rule_summary s = {.rule = r->name, .text = r->summary};
    for (size_t i = from; i < f->count; i++) {
        ms_finding_severity sev = f->items[i].severity;
        s.items++;
        s.passes += sev == MS_FINDING_OK;
        s.fails += sev == MS_FINDING_CONFLICT;
        s.notes += sev != MS_FINDING_OK && sev != MS_FINDING_CONFLICT;
    }
    return s;
}

ms_status ms_check_run(const ms_figure_set *set, const ms_check_options *opt,
                       ms_findings *out)
{
    static const ms_check_options defaults = {0};
    if (!opt)
        opt = &defaults;
    ms_findings_init(out);
    const ms_check_rule *chosen[N_RULES];
    size_t n_chosen = 0;
    if (!opt->rules) {
        for (size_t i = 0; i < N_RULES; i++)
            chosen[n_chosen++] = &rules[i];
    } else {
        /* Every name is checked before anything runs. */
        for (size_t i = 0; opt->rules[i]; i++) {
            const ms_check_rule *r = ms_check_rule_find(opt->rules[i]);
            if (!r)
                return MS_ERR_USAGE;
            bool seen = false;
            for (size_t k = 0; k < n_chosen; k++)
                seen = seen || chosen[k] == r;
            if (!seen)
                chosen[n_chosen++] = r;
        }
    }
    ms_check_ctx ctx = {.set = set, .metrics = opt->metrics};
    ms_status st = MS_OK;
    for (size_t i = 0; i < n_chosen && st == MS_OK; i++) {
        size_t from = out->count;
        st = chosen[i]->run(&ctx, out);
        if (st == MS_OK) {
            ms_rule_summary s = summarise(chosen[i], out, from);
            st = ms_findings_add_summary(out, &s);
        }
    }
    if (st == MS_OK && opt->ruleset)
        st = ms_check_ruleset(&ctx, opt->ruleset, out);
    if (st != MS_OK)
        ms_findings_free(out);
    return st;
}
