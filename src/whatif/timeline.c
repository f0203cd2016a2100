/* SPDX-License-Identifier: Apache-2.0 */
/* netvet_timeline_run: assess the inventory at each date of the timeline
 * (timeline_dates.c) with the scenario changes dated on or before it
 * applied to one overlay (applied incrementally: each change once, when
 * its date is reached), keeping per point the verdict, every rule
 * measurement beside its state at the point before, and the changes
 * applied that day. Each assessment is freed before the next change, so
 * memory stays that of one assessment plus the overlay. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "inventory/inv.h"
#include "overlay/overlay.h"
#include "scenario/scenario.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "whatif/timeline.h"

typedef struct tl_run {
    netvet_timeline *t;
    const netvet_inventory *inv;
    const netvet_registry *reg;
    const netvet_policy *policy;
    const netvet_scenario *const *sc;
    const netvet_timeline_options *opts;
    netvet_overlay *ov;        /* NULL without scenarios */
    nv_tl_event *ev;
    size_t n_ev, next_ev;
    netvet_diag *diag;
} tl_run;

static int oom(netvet_diag *diag)
{
    return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
}

static int copy_str(char **dst, const char *s)
{
    *dst = nv_strdup(s ? s : "");
    return *dst ? 0 : NETVET_ENOMEM;
}

/* Apply event e and record it in point pt. */
static int apply_event(tl_run *r, nv_tl_point *pt, const nv_tl_event *e)
{
    const netvet_scenario *s = r->sc[e->scenario];
    size_t before = netvet_overlay_log_count(r->ov);
    int rc = nv_ov_apply_change(r->ov, s, e->change, r->diag);
    if (rc < 0)
        return rc;
    nv_tl_change *c = &pt->changes[pt->n_changes++];
    const nv_change *ch = &s->changes[e->change];
    c->scenario = e->scenario;
    c->change = e->change;
    c->scenario_name = r->t->names[e->scenario];
    c->file = r->t->files[e->scenario];
    c->line = ch->line;
    c->action = nv_change_kind_name(ch->kind);
    if (ch->has_date)
        nv_format_date(ch->date, c->date);
    size_t after = netvet_overlay_log_count(r->ov);
    netvet_change_info info = {0};
    if (after > before)
        info = netvet_overlay_log(r->ov, after - 1);
    c->elements = info.elements;
    return copy_str(&c->summary, info.summary) < 0 ? oom(r->diag) : 0;
}

/* Apply every change dated on or before pt's day not applied yet. */
static int apply_until(tl_run *r, nv_tl_point *pt)
{
    size_t end = r->next_ev;
    while (end < r->n_ev && r->ev[end].day <= pt->day)
        end++;
    if (end == r->next_ev)
        return 0;
    pt->changes = nv_calloc(end - r->next_ev, sizeof(*pt->changes));
    if (!pt->changes)
        return oom(r->diag);
    int rc = 0;
    for (; rc == 0 && r->next_ev < end; r->next_ev++)
        rc = apply_event(r, pt, &r->ev[r->next_ev]);
    return rc;
}

static int same_measure(const nv_tl_rule *x, const nv_tl_rule *y)
{
    return !strcmp(x->rule_id, y->rule_id) && !strcmp(x->pack, y->pack) &&
           !strcmp(x->measure, y->measure);
}

/* x's measurement at point pt: the same rule, measure and subject, else
 * (the subject changed, e.g. the last vendor measured left the scope) the
 * first of the same rule and measure. */
static const nv_tl_rule *find_rule(const nv_tl_point *pt, const nv_tl_rule *x)
{
    const nv_tl_rule *other = NULL;
    for (size_t i = 0; pt && i < pt->n_rules; i++) {
        const nv_tl_rule *y = &pt->rules[i];
        if (!same_measure(x, y))
            continue;
        if (!strcmp(x->subject, y->subject))
            return y;
        if (!other)
            other = y;
    }
    return other;
}

static int copy_result(nv_tl_rule *o, const netvet_rule_result *res)
{
    o->status = res->status;
    o->value = res->value;
    o->limit = res->limit;
    if (copy_str(&o->rule_id, res->rule_id) < 0 ||
        copy_str(&o->pack, res->pack) < 0 ||
        copy_str(&o->subject, res->subject) < 0 ||
        copy_str(&o->measure, res->measure) < 0)
        return NETVET_ENOMEM;
    return 0;
}

/* Keep the reasons a's verdict is incomplete in pt. */
static int keep_reasons(tl_run *r, nv_tl_point *pt,
                        const netvet_assessment *a)
{
    size_t n = netvet_assessment_incomplete_count(a);
    if (!(pt->reasons = nv_calloc(n + 1, sizeof(*pt->reasons))))
        return oom(r->diag);
    for (size_t i = 0; i < n; i++) {
        const char *msg = "";
        pt->reasons[i].code = netvet_assessment_incomplete(a, i, &msg);
        if (!(pt->reasons[i].message = nv_strdup(msg)))
            return oom(r->diag);
        pt->n_reasons++;
    }
    return 0;
}

/* Keep a's verdict and measurements in pt, each beside its state at prev. */
static int keep_results(tl_run *r, nv_tl_point *pt, const nv_tl_point *prev,
                        const netvet_assessment *a)
{
    pt->verdict = netvet_assessment_verdict(a, r->opts->fail_on);
    if (keep_reasons(r, pt, a) < 0)
        return NETVET_ENOMEM;
    size_t n = netvet_assessment_result_count(a);
    if (!(pt->rules = nv_calloc(n + 1, sizeof(*pt->rules))))
        return oom(r->diag);
    for (size_t i = 0; i < n; i++) {
        netvet_rule_result res = NETVET_RULE_RESULT_INIT;
        int rc = netvet_assessment_result(a, i, &res);
        if (rc < 0)
            return rc;
        nv_tl_rule *o = &pt->rules[pt->n_rules++];
        if (copy_result(o, &res) < 0)
            return oom(r->diag);
        const nv_tl_rule *p = find_rule(prev, o);
        o->has_previous = p != NULL;
        o->previous = p ? p->status : NETVET_RESULT_PASS;
    }
    return 0;
}

/* Point i: apply what is due, assess at its date, keep the outcome. */
static int run_point(tl_run *r, size_t i)
{
    nv_tl_point *pt = &r->t->points[i];
    int rc = r->ov ? apply_until(r, pt) : 0;
    if (rc < 0)
        return rc;
    netvet_assess_options ao = r->opts->assess;
    ao.as_of = pt->date;
    const netvet_inventory *inv =
        r->ov ? netvet_overlay_inventory(r->ov) : r->inv;
    netvet_assessment *a = NULL;
    rc = netvet_assess(&a, inv, r->reg, r->policy, &ao, r->diag);
    if (rc == 0)
        rc = keep_results(r, pt, i ? &r->t->points[i - 1] : NULL, a);
    if (rc == 0 && i == 0 &&
        nv_tl_keep_inputs(r->t, r->inv, a, r->sc, r->t->n_scenarios) < 0)
        rc = oom(r->diag);
    netvet_assessment_free(a);
    return rc;
}

/* An option date, or NV_TL_UNDATED when not given. */
static int option_date(const char *s, const char *what, int32_t *out,
                       netvet_diag *diag)
{
    *out = NV_TL_UNDATED;
    if (!s)
        return 0;
    if (nv_parse_date(s, strlen(s), out) < 0)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "the timeline's %s date '%s' is not a date "
                            "YYYY-MM-DD", what, s);
    return 0;
}

static int32_t fallback_day(const netvet_timeline_options *o)
{
    int32_t d;
    if (o->assess.as_of &&
        nv_parse_date(o->assess.as_of, strlen(o->assess.as_of), &d) == 0)
        return d;
    return (int32_t)(time(NULL) / 86400);
}

/* Collect the dates and make the (empty) points. */
static int make_points(tl_run *r)
{
    int32_t from, to, *days = NULL, *extra = NULL;
    size_t n = 0, n_extra = 0;
    int rc = option_date(r->opts->from, "first", &from, r->diag);
    if (rc == 0)
        rc = option_date(r->opts->to, "last", &to, r->diag);
    if (rc == 0 && nv_tl_listing_days(r->policy, r->reg, &extra,
                                      &n_extra) < 0)
        rc = oom(r->diag);
    if (rc == 0)
        rc = nv_tl_dates(r->policy, r->ev, r->n_ev, extra, n_extra, from, to,
                         fallback_day(r->opts), &days, &n, r->diag);
    nv_free(extra);
    if (rc < 0)
        return rc;
    r->t->points = nv_calloc(n, sizeof(*r->t->points));
    if (!r->t->points) {
        nv_free(days);
        return oom(r->diag);
    }
    r->t->n_points = n;
    for (size_t i = 0; i < n; i++) {
        r->t->points[i].day = days[i];
        nv_format_date(days[i], r->t->points[i].date);
    }
    nv_free(days);
    return 0;
}

/* Copy the scenarios' names and files (the result outlives them). */
static int copy_names(tl_run *r, size_t n)
{
    netvet_timeline *t = r->t;
    t->names = nv_calloc(n + 1, sizeof(*t->names));
    t->files = nv_calloc(n + 1, sizeof(*t->files));
    if (!t->names || !t->files)
        return oom(r->diag);
    t->n_scenarios = n;
    for (size_t i = 0; i < n; i++)
        if (copy_str(&t->names[i], netvet_scenario_name(r->sc[i])) < 0 ||
            copy_str(&t->files[i], netvet_scenario_file(r->sc[i])) < 0)
            return oom(r->diag);
    return 0;
}

static int setup(tl_run *r, size_t n)
{
    int rc = copy_names(r, n);
    if (rc == 0 && nv_tl_events(r->sc, n, &r->ev, &r->n_ev) < 0)
        rc = oom(r->diag);
    if (rc == 0 && n && netvet_overlay_new(&r->ov, r->inv, r->reg) < 0)
        rc = oom(r->diag);
    return rc ? rc : make_points(r);
}

int netvet_timeline_run(netvet_timeline **out, const netvet_inventory *inv,
                        const netvet_registry *reg,
                        const netvet_policy *policy,
                        const netvet_scenario *const *scenarios, size_t n,
                        const netvet_timeline_options *opts,
                        netvet_diag *diag)
{
    if (!out || !inv || !reg || !policy || (n && !scenarios) || !opts ||
        opts->version != NETVET_TIMELINE_OPTIONS_VERSION)
        return NETVET_EINVAL;
    *out = NULL;
    tl_run r = {.inv = inv, .reg = reg, .policy = policy, .sc = scenarios,
                .opts = opts, .diag = diag};
    if (!(r.t = nv_calloc(1, sizeof(*r.t))))
        return oom(diag);
    r.t->fail_on = opts->fail_on;
    int rc = setup(&r, n);
    for (size_t i = 0; rc == 0 && i < r.t->n_points; i++)
        rc = run_point(&r, i);
    netvet_overlay_free(r.ov);
    nv_free(r.ev);
    if (rc < 0)
        netvet_timeline_free(r.t);
    else
        *out = r.t;
    return rc;
}

static void point_dispose(nv_tl_point *pt)
{
    for (size_t j = 0; j < pt->n_rules; j++) {
        nv_tl_rule *x = &pt->rules[j];
        nv_free(x->rule_id);
        nv_free(x->pack);
        nv_free(x->subject);
        nv_free(x->measure);
    }
    nv_free(pt->rules);
    for (size_t j = 0; j < pt->n_reasons; j++)
        nv_free(pt->reasons[j].message);
    nv_free(pt->reasons);
    for (size_t j = 0; j < pt->n_changes; j++)
        nv_free(pt->changes[j].summary);
    nv_free(pt->changes);
}

void netvet_timeline_free(netvet_timeline *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_points; i++)
        point_dispose(&t->points[i]);
    nv_free(t->points);
    for (size_t i = 0; i < t->n_scenarios; i++) {
        nv_free(t->names[i]);
        nv_free(t->files[i]);
    }
    nv_free(t->names);
    nv_free(t->files);
    nv_tl_inputs_dispose(t);
    nv_free(t);
}
