/* point.c — values derived along a series (ms_point): status names, the
 * list, and the one way a point becomes a derived figure that names its
 * inputs. Exports ms_point_status_name, ms_point_list_free and
 * ms_point_to_figure (stats.h). */
#include "stats/stats.h"

#include <stdlib.h>

#include "core/strbuf.h"

static const char *const status_names[] = {
    [MS_POINT_OK] = "ok",
    [MS_POINT_FIRST] = "first",
    [MS_POINT_GAP] = "gap",
    [MS_POINT_MISSING] = "missing",
    [MS_POINT_ZERO_BASE] = "zero_base",
    [MS_POINT_NOT_POSITIVE] = "not_positive",
    [MS_POINT_NO_BASE] = "no_base",
    [MS_POINT_OTHER_GRAIN] = "other_grain",
};

const char *ms_point_status_name(ms_point_status s)
{
    return (unsigned)s <= MS_POINT_OTHER_GRAIN ? status_names[s] : "unknown";
}

void ms_point_list_free(ms_point_list *l)
{
    free(l->items);
    l->items = NULL;
    l->count = 0;
}

/* "derived:<id>:<suffix>" into sb. */
static void derived_id(ms_strbuf *sb, const ms_figure *f, const char *suffix)
{
    ms_strbuf_puts(sb, "derived:");
    ms_strbuf_puts(sb, f->id ? f->id : "-");
    ms_strbuf_putc(sb, ':');
    ms_strbuf_puts(sb, suffix);
}

ms_status ms_point_to_figure(const ms_point *p, const ms_point_form *form, ms_figure_set *out)
{
    if (p->status != MS_POINT_OK)
        return MS_OK;
    const ms_figure *cur = p->current;
    ms_strbuf id, other_id;
    ms_strbuf_init(&id);
    ms_strbuf_init(&other_id);
    derived_id(&id, cur, form->id_suffix);

    ms_figure f;
    ms_figure_init(&f);
    f.id = ms_strbuf_str(&id);
    f.metric = form->metric ? form->metric : cur->metric;
    f.kind = form->kind;
    f.unit = form->unit ? form->unit : cur->unit;
    f.value = p->value;
    f.range = p->range;
    f.hedge = MS_HEDGE_NONE;
    f.period = p->period;
    f.base = p->base;
    f.place = cur->place;
    f.subject = cur->subject;
    f.breakdown = cur->breakdown;
    f.source = cur->source;
    f.published = cur->published;
    f.lang = cur->lang;
    f.inputs[f.n_inputs++] = cur->id;
    if (p->other && p->other_is_derived) {
        derived_id(&other_id, p->other, form->id_suffix);
        f.inputs[f.n_inputs++] = ms_strbuf_str(&other_id);
    } else if (p->other) {
        f.inputs[f.n_inputs++] = p->other->id;
    }

    ms_status st = ms_strbuf_failed(&id) || ms_strbuf_failed(&other_id) ? MS_ERR_NOMEM
                                                                         : ms_figure_set_add(out, &f);
    ms_strbuf_free(&id);
    ms_strbuf_free(&other_id);
    return st;
}
