/* SPDX-License-Identifier: Apache-2.0 */
/* The public read API over a timeline: its points, each point's rule
 * measurements and applied changes (strings borrowed from the timeline). */
#include "whatif/timeline.h"

size_t netvet_timeline_point_count(const netvet_timeline *t)
{
    return t ? t->n_points : 0;
}

int netvet_timeline_get_point(const netvet_timeline *t, size_t i,
                              netvet_timeline_point *out)
{
    if (!t || !out || i >= t->n_points ||
        out->version != NETVET_TIMELINE_POINT_VERSION)
        return NETVET_EINVAL;
    const nv_tl_point *p = &t->points[i];
    out->date = p->date;
    out->verdict = p->verdict;
    out->rules = p->n_rules;
    out->changes = p->n_changes;
    return 0;
}

int netvet_timeline_get_rule(const netvet_timeline *t, size_t i, size_t j,
                             netvet_timeline_rule *out)
{
    if (!t || !out || i >= t->n_points || j >= t->points[i].n_rules ||
        out->version != NETVET_TIMELINE_RULE_VERSION)
        return NETVET_EINVAL;
    const nv_tl_rule *r = &t->points[i].rules[j];
    out->rule_id = r->rule_id;
    out->pack = r->pack;
    out->subject = r->subject;
    out->measure = r->measure;
    out->status = r->status;
    out->has_previous = r->has_previous;
    out->previous = r->previous;
    out->value = r->value;
    out->limit = r->limit;
    return 0;
}

int netvet_timeline_get_change(const netvet_timeline *t, size_t i, size_t j,
                               netvet_timeline_change *out)
{
    if (!t || !out || i >= t->n_points || j >= t->points[i].n_changes ||
        out->version != NETVET_TIMELINE_CHANGE_VERSION)
        return NETVET_EINVAL;
    const nv_tl_change *c = &t->points[i].changes[j];
    out->scenario = c->scenario_name;
    out->file = c->file;
    out->line = c->line;
    out->date = c->date;
    out->action = c->action;
    out->summary = c->summary;
    out->elements = c->elements;
    return 0;
}
