/* SPDX-License-Identifier: Apache-2.0 */
/* The replacement planner. Candidates are units (one element, or every
 * candidate element of a site) whose replacement removes violation of some
 * target; each is scored by the violation it removes per unit cost, the
 * list is sorted, and units are taken from the top until the targets
 * pass. A score only changes when some group drops under a cap (at most
 * twice per group and target), and then the rest is re-scored and
 * re-sorted. Finally the chosen replacements are applied to an overlay and
 * the network is re-assessed from scratch. Greedy, not optimal. */
#include <stdlib.h>
#include <string.h>

#include "overlay/overlay.h"
#include "policy/policy.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "whatif/plan_targets.h"

typedef struct unit {
    uint32_t first, n;  /* into the candidate element list */
    double score;
} unit;

typedef struct planner {
    netvet_plan *p;
    const nv_view *v;
    int32_t *vendor;    /* current root vendor per element (owned) */
    uint32_t *cand;     /* candidate elements, grouped by unit */
    size_t n_cand;
    unit *units;
    size_t n_units;
    uint8_t *done;      /* per unit */
} planner;

static double element_rate(const planner *pl, size_t k)
{
    double r = 0;
    for (size_t t = 0; t < pl->p->n_targets; t++) {
        const nv_plan_target *tg = &pl->p->targets[t];
        r += nv_plan_rate(tg, pl->v, k,
                          nv_plan_reading(tg, pl->v, k, pl->vendor[k]));
    }
    return r;
}

static int32_t replacement(const planner *pl, size_t k)
{
    const netvet_plan *p = pl->p;
    return p->fixed_with >= 0 ? p->fixed_with
                              : p->with_fn[pl->v->inv->function[k]];
}

static double element_cost(const planner *pl, size_t k)
{
    return pl->p->costs.fn[pl->v->inv->function[k]];
}

/* ---- candidates and units ---- */

typedef struct keyed {
    uint32_t key, k;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->k > y->k) - (x->k < y->k);
}

static int build_units(planner *pl)
{
    const nv_view *v = pl->v;
    keyed *ks = nv_calloc(v->n + 1, sizeof(*ks));
    if (!ks)
        return NETVET_ENOMEM;
    for (size_t k = 0; k < v->n; k++)
        if (replacement(pl, k) >= 0 && element_rate(pl, k) > 0) {
            ks[pl->n_cand].k = (uint32_t)k;
            ks[pl->n_cand++].key = pl->p->unit == NETVET_PLAN_BY_SITE
                                       ? v->inv->site[k] : (uint32_t)k;
        }
    qsort(ks, pl->n_cand, sizeof(*ks), cmp_keyed);
    pl->cand = nv_calloc(pl->n_cand + 1, sizeof(uint32_t));
    pl->units = nv_calloc(pl->n_cand + 1, sizeof(unit));
    if (!pl->cand || !pl->units) {
        nv_free(ks);
        return NETVET_ENOMEM;
    }
    for (size_t i = 0; i < pl->n_cand; i++) {
        pl->cand[i] = ks[i].k;
        if (!i || ks[i].key != ks[i - 1].key)
            pl->units[pl->n_units++].first = (uint32_t)i;
        pl->units[pl->n_units - 1].n++;
    }
    nv_free(ks);
    pl->done = nv_calloc(pl->n_units + 1, 1);
    return pl->done ? 0 : NETVET_ENOMEM;
}

/* ---- greedy ---- */

static void score(planner *pl, unit *u)
{
    double rate = 0, cost = 0;
    for (uint32_t i = u->first; i < u->first + u->n; i++) {
        rate += element_rate(pl, pl->cand[i]);
        cost += element_cost(pl, pl->cand[i]);
    }
    u->score = cost > 0 ? rate / cost : 0;
}

static int cmp_score(const void *a, const void *b)
{
    const unit *x = *(unit *const *)a, *y = *(unit *const *)b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return (x->first > y->first) - (x->first < y->first);
}

static int all_met(const netvet_plan *p)
{
    for (size_t t = 0; t < p->n_targets; t++)
        if (p->targets[t].violation > 0)
            return 0;
    return 1;
}

/* Total over-cap measures of every target: falls when a group drops under
 * a cap (the moment scores change). */
static size_t over_bits(const netvet_plan *p)
{
    size_t n = 0;
    for (size_t t = 0; t < p->n_targets; t++)
        for (size_t g = 0; g < p->targets[t].n_groups; g++)
            n += (size_t)__builtin_popcount(nv_plan_over(&p->targets[t], g));
    return n;
}

static int record(planner *pl, const unit *u, double cost)
{
    netvet_plan *p = pl->p;
    size_t nt = p->n_targets, s = p->n_steps;
    p->total_cost += cost;
    p->steps[s].first = (uint32_t)p->n_elements - u->n;
    p->steps[s].n = u->n;
    p->steps[s].cost = cost;
    p->steps[s].cumulative = p->total_cost;
    for (size_t t = 0; t < nt; t++)
        nv_plan_target_state(&p->targets[t], &p->trail[(s * nt + t) * 2],
                             &p->trail[(s * nt + t) * 2 + 1]);
    p->n_steps++;
    return 0;
}

static void replace_unit(planner *pl, const unit *u)
{
    netvet_plan *p = pl->p;
    double cost = 0;
    for (uint32_t i = u->first; i < u->first + u->n; i++) {
        uint32_t k = pl->cand[i];
        int32_t to = replacement(pl, k);
        for (size_t t = 0; t < p->n_targets; t++)
            if (nv_rule_probe_in_scope(&p->targets[t].probe, pl->v, k))
                nv_plan_target_move(&p->targets[t], pl->v, k,
                                    nv_plan_reading(&p->targets[t], pl->v, k,
                                                    pl->vendor[k]),
                                    to);
        pl->vendor[k] = to;
        p->elements[p->n_elements] = k;
        p->new_vendor[p->n_elements++] = to;
        cost += element_cost(pl, k);
    }
    for (size_t t = 0; t < p->n_targets; t++)
        p->targets[t].violation = nv_plan_violation(&p->targets[t]);
    record(pl, u, cost);
}

/* Score the units left, sort, take from the top until a group drops under
 * its cap (then return 1 to re-score) or the targets are met. */
static int greedy_round(planner *pl, unit **order)
{
    size_t n = 0;
    for (size_t i = 0; i < pl->n_units; i++) {
        if (pl->done[i])
            continue;
        score(pl, &pl->units[i]);
        if (pl->units[i].score > 0)
            order[n++] = &pl->units[i];
    }
    qsort(order, n, sizeof(*order), cmp_score);
    size_t bits = over_bits(pl->p);
    for (size_t i = 0; i < n; i++) {
        replace_unit(pl, order[i]);
        pl->done[order[i] - pl->units] = 1;
        if (all_met(pl->p))
            return 0;
        size_t now = over_bits(pl->p);
        if (now != bits)
            return 1;
    }
    return 0;
}

static int greedy(planner *pl)
{
    netvet_plan *p = pl->p;
    size_t nt = p->n_targets;
    unit **order = nv_calloc(pl->n_units + 1, sizeof(*order));
    p->elements = nv_calloc(pl->n_cand + 1, sizeof(uint32_t));
    p->new_vendor = nv_calloc(pl->n_cand + 1, sizeof(int32_t));
    p->steps = nv_calloc(pl->n_units + 1, sizeof(nv_plan_step));
    p->trail = nv_calloc((pl->n_units + 1) * nt * 2 + 1, sizeof(double));
    if (!order || !p->elements || !p->new_vendor || !p->steps || !p->trail) {
        nv_free(order);
        return NETVET_ENOMEM;
    }
    while (!all_met(p) && greedy_round(pl, order))
        ;
    p->reached = all_met(p);
    nv_free(order);
    return 0;
}

/* ---- setup ---- */

static int find_rule(const netvet_policy *pol, const char *id, size_t *out)
{
    for (size_t i = 0; i < pol->n_rules; i++)
        if (!strcmp(pol->rules[i].id, id))
            return *out = i, 0;
    return -1;
}

/* Target rule `id` is of a kind the planner cannot target. */
static int unsupported(const char *id, const nv_rule_kind_ops *kind,
                       netvet_diag *diag)
{
    char names[128];
    nv_rule_kind_plan_names(names, sizeof(names));
    return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                        "target rule '%s' is of kind %s; plan handles %s "
                        "rules",
                        id, kind->name, names);
}

static int add_targets(netvet_plan *p, const netvet_plan_options *o,
                       const int32_t *vendor, netvet_diag *diag)
{
    size_t n = 0;
    while (o->targets && o->targets[n])
        n++;
    if (!n || n > NV_PLAN_MAX_TARGETS)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "give 1 to %d target rules", NV_PLAN_MAX_TARGETS);
    if (!(p->targets = nv_calloc(n, sizeof(*p->targets))))
        return NETVET_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        size_t r;
        if (find_rule(p->policy, o->targets[i], &r) < 0)
            return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                                "target rule '%s' is not a rule of the "
                                "loaded packs", o->targets[i]);
        const nv_rule_kind_ops *kind = nv_rule_kind(p->policy->rules[r].kind);
        if (kind->plan == NV_PLAN_NONE)
            return unsupported(o->targets[i], kind, diag);
        if (kind->plan == NV_PLAN_SHARE &&
            !(p->policy->rules[r].measures &
              (NV_MEASURE_COUNT | NV_MEASURE_WEIGHT)))
            return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                                "target rule '%s' is measured only by "
                                "customers served or sites; plan moves "
                                "count and weight shares",
                                o->targets[i]);
        p->n_targets = i + 1;
        int rc = nv_plan_target_init(&p->targets[i], p->policy, r,
                                     &p->before->view, vendor);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int usable_with(const netvet_plan *p, int32_t v)
{
    for (size_t t = 0; t < p->n_targets; t++)
        if (nv_plan_capped_vendor(&p->targets[t], &p->before->view, v))
            return 0;
    return 1;
}

/* --replace-with, or per function the largest vendor no target caps. */
static int choose_replacements(netvet_plan *p, const netvet_registry *reg,
                               const char *with, netvet_diag *diag)
{
    p->fixed_with = -1;
    if (with) {
        int v = netvet_registry_resolve(reg, with, strlen(with));
        if (v < 0)
            return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                                "replacement vendor '%s' is not in the "
                                "registry",
                                with);
        p->fixed_with = netvet_registry_root(reg, v);
        if (!usable_with(p, p->fixed_with))
            return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                                "replacement vendor '%s' is itself capped by a "
                                "target rule (selected, or in a capped risk "
                                "domain)", with);
        return 0;
    }
    for (int f = 0; f < NETVET_FN_COUNT; f++) {
        const nv_group_shares *g = &p->before->shares.group[f];
        p->with_fn[f] = -1;
        for (size_t i = 0; i < g->n_vendors && p->with_fn[f] < 0; i++)
            if (g->vendors[i].key >= 0 && usable_with(p, g->vendors[i].key))
                p->with_fn[f] = g->vendors[i].key;
    }
    return 0;
}

/* Apply the plan to an overlay and re-assess; passes = every target's
 * measurements pass (or do not apply). */
static int reassess(netvet_plan *p, const netvet_inventory *inv,
                    const netvet_registry *reg, const netvet_plan_options *o,
                    netvet_diag *diag)
{
    int rc = netvet_overlay_new(&p->overlay, inv, reg);
    nv_attrs a = {0};
    a.has = 1u << NV_ATTR_VENDOR;
    for (size_t i = 0; rc == 0 && i < p->n_elements; i++) {
        a.text[NV_ATTR_VENDOR] =
            (char *)netvet_registry_vendor(reg, (size_t)p->new_vendor[i])->name;
        rc = nv_ov_set(p->overlay, p->elements[i], &a);
    }
    netvet_assess_options ao = o->assess;
    ao.strict_waivers = 0; /* the plan may leave a waiver nothing to cover */
    if (rc == 0)
        rc = netvet_assess(&p->after, netvet_overlay_inventory(p->overlay),
                           reg, p->policy, &ao, diag);
    if (rc < 0)
        return rc;
    p->passes = 1;
    for (size_t i = 0; i < p->after->results.n; i++) {
        const nv_rule_result *r = &p->after->results.items[i];
        for (size_t t = 0; t < p->n_targets; t++)
            if (p->targets[t].rule == r->rule && r->status == NV_RESULT_FAIL)
                p->passes = 0;
    }
    return 0;
}

static int plan_run(netvet_plan *p, const netvet_inventory *inv,
                    const netvet_registry *reg, const netvet_plan_options *o,
                    netvet_diag *diag)
{
    planner pl = {0};
    pl.p = p;
    int rc = netvet_assess(&p->before, inv, reg, p->policy, &o->assess, diag);
    if (rc < 0)
        return rc;
    pl.v = &p->before->view;
    if (p->unit == NETVET_PLAN_BY_SITE && !inv->site)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "a plan by site needs a site column in the "
                            "inventory");
    pl.vendor = nv_calloc(pl.v->n + 1, sizeof(int32_t));
    if (!pl.vendor)
        return NETVET_ENOMEM;
    memcpy(pl.vendor, pl.v->vendor, pl.v->n * sizeof(int32_t));
    rc = add_targets(p, o, pl.vendor, diag);
    if (rc == 0)
        rc = choose_replacements(p, reg, o->replace_with, diag);
    if (rc == 0)
        rc = build_units(&pl);
    if (rc == 0)
        rc = greedy(&pl);
    if (rc == 0)
        rc = reassess(p, inv, reg, o, diag);
    nv_free(pl.vendor);
    nv_free(pl.cand);
    nv_free(pl.units);
    nv_free(pl.done);
    return rc;
}

int netvet_plan_run(netvet_plan **out, const netvet_inventory *inv,
                    const netvet_registry *reg, const netvet_policy *policy,
                    const netvet_plan_options *opts, netvet_diag *diag)
{
    if (!out || !inv || !reg || !policy || !opts)
        return NETVET_EINVAL;
    netvet_plan *p = nv_calloc(1, sizeof(*p));
    if (!p)
        return NETVET_ENOMEM;
    p->policy = policy;
    p->unit = opts->unit;
    int rc = 0;
    if (opts->cost_file) {
        rc = nv_costs_load(&p->costs, opts->cost_file, diag);
        if (rc == 0 && !(p->cost_file = nv_strdup(opts->cost_file)))
            rc = NETVET_ENOMEM;
    } else {
        nv_costs_default(&p->costs);
    }
    if (rc == 0)
        rc = plan_run(p, inv, reg, opts, diag);
    if (rc < 0) {
        netvet_plan_free(p);
        if (rc == NETVET_ENOMEM)
            nv_diag_fail(diag, rc, NULL, 0, 0, "out of memory");
        return rc;
    }
    *out = p;
    return 0;
}

void netvet_plan_free(netvet_plan *p)
{
    if (!p)
        return;
    for (size_t t = 0; t < p->n_targets; t++)
        nv_plan_target_dispose(&p->targets[t]);
    nv_free(p->targets);
    netvet_assessment_free(p->after);
    netvet_overlay_free(p->overlay);
    netvet_assessment_free(p->before);
    nv_free(p->elements);
    nv_free(p->new_vendor);
    nv_free(p->steps);
    nv_free(p->trail);
    nv_free(p->cost_file);
    nv_free(p);
}

size_t netvet_plan_steps(const netvet_plan *p)
{
    return p ? p->n_steps : 0;
}

int netvet_plan_passes(const netvet_plan *p)
{
    return p && p->passes;
}

const netvet_assessment *netvet_plan_after(const netvet_plan *p)
{
    return p ? p->after : NULL;
}
