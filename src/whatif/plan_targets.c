/* SPDX-License-Identifier: Apache-2.0 */
/* Incremental measurement of the plan's target rules, by their kind's plan
 * model (policy/rule_kind.h). A share-cap (NV_PLAN_SHARE) target keeps,
 * per group (risk domain, vendor, or the selected vendors together), the
 * count and weight of counted in-scope elements and how many of them are
 * of a selected vendor (the group is capped while any are); a forbid
 * (NV_PLAN_BAN) target keeps the count of selected-vendor elements in
 * scope. Moving one element between vendors updates two groups in O(1).
 * The comparisons are the evaluator's (share > cap), so the end state
 * agrees with a full re-assessment. */
#include <stdint.h>
#include <string.h>

#include "policy/policy.h"
#include "util/alloc.h"
#include "whatif/plan_targets.h"

#define WEIGHT_EPS 1e-12 /* weight sums drift; stop safely under the cap */

/* Domain set of element k (SIZE_MAX: none in particular) read as vendor
 * `vendor`: its own (the entry its name resolved to) while that is the
 * view's reading, as the evaluator counts it (nv_eval_dset), else the
 * vendor's. */
static int32_t set_of(const nv_view *v, size_t k, int32_t vendor)
{
    if (k != SIZE_MAX && vendor == v->vendor[k] &&
        (!v->alt_vendor || v->alt_vendor[k] < 0))
        return v->dset[k];
    return v->vendor_dset[vendor];
}

/* The groups element k of `vendor` counts in: *g gets them (per domain,
 * every domain of its set; else one, in *one), the result is how many. */
static size_t groups_of(const nv_plan_target *t, const nv_view *v, size_t k,
                        int32_t vendor, int32_t *one, const int32_t **g)
{
    *one = -1;
    *g = one;
    if (vendor < 0 || (size_t)vendor >= t->probe.n_vendors)
        return 0;
    if (t->ban)
        *one = t->probe.selected[vendor] ? 0 : -1;
    else if (t->probe.rule->per == NV_PER_DOMAIN)
        return nv_view_domains(v, set_of(v, k, vendor), g);
    else if (t->probe.rule->per == NV_PER_VENDOR)
        *one = vendor;
    else
        *one = t->probe.selected[vendor] ? 0 : -1;
    return *one >= 0;
}

static int uses_count(const nv_plan_target *t)
{
    return t->ban || (t->probe.rule->measures & NV_MEASURE_COUNT);
}

static int uses_weight(const nv_plan_target *t)
{
    return !t->ban && (t->probe.rule->measures & NV_MEASURE_WEIGHT) &&
           t->total_weight > 0;
}

unsigned nv_plan_over(const nv_plan_target *t, size_t g)
{
    if (!t->in_effect || !t->active[g])
        return 0;
    if (t->ban)
        return t->count[g] > 0 ? NV_MEASURE_COUNT : 0;
    unsigned bits = 0;
    double max = t->probe.rule->max;
    if (uses_count(t) && t->count[g] / t->total_count > max)
        bits |= NV_MEASURE_COUNT;
    if (uses_weight(t) && t->weight[g] / t->total_weight > max - WEIGHT_EPS)
        bits |= NV_MEASURE_WEIGHT;
    return bits;
}

static double group_violation(const nv_plan_target *t, size_t g)
{
    unsigned bits = nv_plan_over(t, g);
    if (t->ban)
        return bits ? t->count[g] : 0;
    double v = 0, max = t->probe.rule->max;
    if (bits & NV_MEASURE_COUNT)
        v += t->count[g] / t->total_count - max;
    if (bits & NV_MEASURE_WEIGHT)
        v += t->weight[g] / t->total_weight - max + WEIGHT_EPS;
    return v;
}

double nv_plan_violation(const nv_plan_target *t)
{
    double v = 0;
    for (size_t g = 0; g < t->n_groups; g++)
        v += group_violation(t, g);
    return v;
}

int nv_plan_target_init(nv_plan_target *t, const netvet_policy *policy,
                        size_t rule, const nv_view *v, const int32_t *vendor)
{
    memset(t, 0, sizeof(*t));
    t->rule = rule;
    int rc = nv_rule_probe_init(&t->probe, policy, rule, v);
    if (rc < 0)
        return rc;
    const nv_rule *r = t->probe.rule;
    t->ban = nv_rule_kind(r->kind)->plan == NV_PLAN_BAN;
    t->in_effect = nv_rule_in_force(r, v->as_of);
    t->n_groups = t->ban                        ? 1
                  : r->per == NV_PER_DOMAIN     ? v->n_domains
                  : r->per == NV_PER_VENDOR     ? t->probe.n_vendors
                                                : 1;
    t->count = nv_calloc(t->n_groups + 1, sizeof(double));
    t->weight = nv_calloc(t->n_groups + 1, sizeof(double));
    t->selected = nv_calloc(t->n_groups + 1, sizeof(double));
    t->active = nv_calloc(t->n_groups + 1, 1);
    if (!t->count || !t->weight || !t->selected || !t->active)
        return NETVET_ENOMEM;
    for (size_t k = 0; k < v->n; k++)
        if (v->counted[k] && nv_rule_probe_in_scope(&t->probe, v, k)) {
            t->total_count += 1;
            t->total_weight += v->inv->weight[k];
            nv_plan_target_move(t, v, k, -1,
                                nv_plan_reading(t, v, k, vendor[k]));
        }
    t->violation0 = t->violation = nv_plan_violation(t);
    return 0;
}

int32_t nv_plan_reading(const nv_plan_target *t, const nv_view *v, size_t k,
                        int32_t vendor)
{
    if (!v->alt_vendor || vendor != v->vendor[k])
        return vendor;
    int32_t alt = v->alt_vendor[k];
    const uint8_t *sel = t->probe.selected;
    size_t n = t->probe.n_vendors;
    if (alt < 0 || (size_t)alt >= n ||
        (vendor >= 0 && (size_t)vendor < n && sel[vendor]))
        return vendor;
    return sel[alt] ? alt : vendor;
}

void nv_plan_target_move(nv_plan_target *t, const nv_view *v, size_t k,
                         int32_t from, int32_t to)
{
    double w = v->inv->weight[k];
    int32_t one;
    const int32_t *gs;
    int sel_from = from >= 0 && t->probe.selected[from];
    int sel_to = to >= 0 && t->probe.selected[to];
    size_t n = groups_of(t, v, k, from, &one, &gs);
    for (size_t i = 0; i < n; i++) {
        int32_t g = gs[i];
        t->count[g] -= 1;
        t->weight[g] -= w;
        t->selected[g] -= sel_from;
        t->active[g] = t->selected[g] > 0;
    }
    n = groups_of(t, v, k, to, &one, &gs);
    for (size_t i = 0; i < n; i++) {
        int32_t h = gs[i];
        t->count[h] += 1;
        t->weight[h] += w;
        t->selected[h] += sel_to;
        t->active[h] = t->selected[h] > 0;
    }
}

double nv_plan_rate(const nv_plan_target *t, const nv_view *v, size_t k,
                    int32_t vendor)
{
    if (!t->in_effect || !(t->violation0 > 0) || !v->counted[k] ||
        !nv_rule_probe_in_scope(&t->probe, v, k))
        return 0;
    int32_t one;
    const int32_t *gs;
    size_t n = groups_of(t, v, k, vendor, &one, &gs);
    double r = 0;
    for (size_t i = 0; i < n; i++) { /* each over-cap group it leaves */
        unsigned bits = nv_plan_over(t, (size_t)gs[i]);
        if (t->ban)
            r += bits ? 1 : 0;
        else {
            if (bits & NV_MEASURE_COUNT)
                r += 1 / t->total_count;
            if (bits & NV_MEASURE_WEIGHT)
                r += v->inv->weight[k] / t->total_weight;
        }
    }
    return r / t->violation0;
}

/* Does moving to vendor `to` put an element into a capped group? */
int nv_plan_capped_vendor(const nv_plan_target *t, const nv_view *v,
                          int32_t to)
{
    int32_t one;
    const int32_t *gs;
    size_t n = groups_of(t, v, SIZE_MAX, to, &one, &gs);
    for (size_t i = 0; i < n; i++)
        if (t->probe.selected[to] || t->active[gs[i]])
            return 1;
    return 0;
}

void nv_plan_target_state(const nv_plan_target *t, double *count_share,
                          double *weight_share)
{
    *count_share = *weight_share = 0;
    if (t->ban) {
        *count_share = t->count[0];
        return;
    }
    for (size_t g = 0; g < t->n_groups; g++) {
        if (!t->active[g])
            continue;
        double c = t->total_count > 0 ? t->count[g] / t->total_count : 0;
        double w = t->total_weight > 0 ? t->weight[g] / t->total_weight : 0;
        if (c > *count_share)
            *count_share = c;
        if (w > *weight_share)
            *weight_share = w;
    }
}

void nv_plan_target_dispose(nv_plan_target *t)
{
    nv_rule_probe_dispose(&t->probe);
    nv_free(t->count);
    nv_free(t->weight);
    nv_free(t->selected);
    nv_free(t->active);
    memset(t, 0, sizeof(*t));
}
