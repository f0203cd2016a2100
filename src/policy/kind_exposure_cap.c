/* SPDX-License-Identifier: Apache-2.0 */
/* The exposure-cap rule kind: the share of customer weight a risk domain (or a
 * vendor) could cut off — its dependent weight from graph/exposure.h — must
 * stay at or under `max`. Only groups holding a selected (e.g. high-risk)
 * vendor anywhere in the network are measured; a `functions` scope limits
 * which customers (sinks) count, so it takes no tags, sites or regions,
 * and 'per' is a domain or a vendor, never all. It reads the topology. */
#include <string.h>

#include "graph/exposure.h"
#include "policy/eval_ctx.h"
#include "policy/rule_kind.h"
#include "util/alloc.h"
#include "util/diag.h"

/* Groups of the rule's kind that hold a selected vendor (counted element). */
static uint8_t *selected_groups(const nv_eval *e, size_t n_groups, int domains)
{
    const nv_view *v = e->view;
    uint8_t *sel = nv_calloc(n_groups ? n_groups : 1, 1);
    for (size_t k = 0; sel && k < v->n; k++) {
        int32_t vd = v->vendor[k];
        if (!v->counted[k] || vd < 0 || !e->selected[vd])
            continue;
        if (!domains) {
            if ((size_t)vd < n_groups)
                sel[vd] = 1;
            continue;
        }
        const int32_t *dom; /* every domain of its set */
        size_t m = nv_view_domains(v, v->dset[k], &dom);
        for (size_t i = 0; i < m; i++)
            if ((size_t)dom[i] < n_groups &&
                nv_eval_domain_selected(e, vd, dom[i]))
                sel[dom[i]] = 1;
    }
    return sel;
}

/* Lost and total sink weight of group row gi within the rule's functions. */
static void measure(const nv_eval *e, const nv_exposure *x, long gi,
                    double *lost, double *total)
{
    uint32_t mask = e->rule->fn_mask;
    *lost = *total = 0;
    for (int f = 0; f < NETVET_FN_COUNT; f++) {
        if (mask && !(mask & (1u << f)))
            continue;
        *total += x->fn_total[f];
        *lost += gi >= 0 ? x->groups[gi].fn_weight[f] : 0;
    }
}

/* Is counted element k in group g: vendor g, or (hit: by domain-set key
 * + 1, whether the set holds domain g) a domain of its set? */
static inline int in_group(const nv_view *v, const uint8_t *hit, int32_t g,
                           size_t k)
{
    return v->counted[k] && (hit ? hit[v->dset[k] + 1] : v->vendor[k] == g);
}

/* Counted elements of the group, ascending. */
static uint32_t *group_elements(const nv_view *v, int domains, int32_t g,
                                size_t *n_out)
{
    uint8_t *hit = domains ? nv_calloc(v->n_dsets + 1, 1) : NULL;
    if (domains && !hit)
        return NULL;
    for (size_t s = 0; hit && s < v->n_dsets; s++)
        hit[s + 1] = (uint8_t)nv_view_in_domain(v, (int32_t)s, g);
    size_t n = 0;
    for (size_t k = 0; k < v->n; k++)
        n += in_group(v, hit, g, k);
    uint32_t *els = nv_malloc((n ? n : 1) * sizeof(*els));
    *n_out = 0;
    for (size_t k = 0; els && k < v->n; k++)
        if (in_group(v, hit, g, k))
            els[(*n_out)++] = (uint32_t)k;
    nv_free(hit);
    return els;
}

static const char *group_label(const nv_eval *e, int domains, int32_t g)
{
    if (domains)
        return e->view->domain_country[g];
    return netvet_registry_vendor(e->view->reg, (size_t)g)->id;
}

static int emit(nv_eval *e, nv_findings *out, int domains, int32_t g,
                double share, const char *scope)
{
    size_t n;
    uint32_t *els = group_elements(e->view, domains, g, &n);
    if (!els)
        return NETVET_ENOMEM;
    nv_text msg = {0};
    nv_text_add(&msg, "%s %s: without it %.2f%% of customer weight (%s) "
                      "loses every path to the core; cap %.2f%%",
                domains ? "risk domain" : "vendor", group_label(e, domains, g),
                100 * share, scope, 100 * e->rule->max);
    int err = msg.oom ? (nv_free(els), NETVET_ENOMEM)
                      : nv_eval_emit(e, out, group_label(e, domains, g),
                                     "exposure-share", share, e->rule->max,
                                     msg.s, els, n);
    nv_text_dispose(&msg);
    return err;
}

/* Why an exposure cap has nothing to measure. */
static const char *na_reason(const nv_exposure *x)
{
    return !x->n_sources ? "no source reached" : "no customer weight";
}

static int evaluate(nv_eval *e, nv_findings *out)
{
    const nv_exposure *x = e->view->exposure;
    if (!x) {
        int rc = nv_results_add(e->results, e->rule_index, "",
                                "exposure-share", 0, e->rule->max,
                                NV_RESULT_NOT_APPLICABLE);
        nv_results_note(e->results, "no links analysed");
        return rc;
    }
    int domains = e->rule->per != NV_PER_VENDOR;
    size_t n_groups = domains ? e->view->n_domains : e->n_vendors;
    uint8_t *sel = selected_groups(e, n_groups, domains);
    if (!sel)
        return NETVET_ENOMEM;
    const char *scope = e->scope.desc && *e->scope.desc ? e->scope.desc
                                                        : "whole network";
    int err = 0, seen = 0;
    for (size_t i = 0; !err && i < n_groups; i++) {
        /* report order: domains by code / vendors by id */
        int32_t g = domains ? (int32_t)i : (int32_t)e->by_id[i];
        if (!sel[g])
            continue;
        double lost, total;
        measure(e, x, nv_exposure_find(x, domains ? NV_GROUP_DOMAIN
                                                  : NV_GROUP_VENDOR, g),
                &lost, &total);
        double share = total > 0 ? lost / total : 0;
        /* no source: every sink is cut off already, nothing to measure */
        int status = !(total > 0) || !x->n_sources ? NV_RESULT_NOT_APPLICABLE
                     : share > e->rule->max ? NV_RESULT_FAIL
                                            : NV_RESULT_PASS;
        seen = 1;
        err = nv_results_add(e->results, e->rule_index,
                             group_label(e, domains, g), "exposure-share",
                             share, e->rule->max, status);
        if (status == NV_RESULT_NOT_APPLICABLE)
            nv_results_note(e->results, na_reason(x));
        if (!err && status == NV_RESULT_FAIL)
            err = emit(e, out, domains, g, share, scope);
    }
    if (!err && !seen) {
        int na = !(x->n_sources && x->sink_weight > 0);
        err = nv_results_add(e->results, e->rule_index, "", "exposure-share",
                             0, e->rule->max,
                             na ? NV_RESULT_NOT_APPLICABLE : NV_RESULT_PASS);
        if (na)
            nv_results_note(e->results, na_reason(x));
    }
    nv_free(sel);
    return err;
}

/* Only a `functions` scope (the customers counted); per domain or vendor. */
static int check(nv_yctx *y, yaml_node_t *n, nv_rule_key key,
                 const nv_rule *r)
{
    if (key == NV_KEY_SCOPE &&
        (r->tags.n || r->sites.n || r->regions.n || r->status_mask ||
         r->installed_after != NV_ALWAYS || r->installed_before != NV_NEVER))
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,
                            "an exposure-cap rule's scope takes only "
                            "functions (of the customers counted)");
    if (key == NV_KEY_PER && r->per == NV_PER_ALL)
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,
                            "per 'all' does not apply to an exposure-cap "
                            "rule (expected domain or vendor)");
    return 0;
}

const nv_rule_kind_ops nv_kind_exposure_cap = {
    "exposure-cap",
    NV_KIND_TAKES_PER | NV_KIND_TAKES_MAX | NV_KIND_MAX_SHARE |
        NV_KIND_NEEDS_TOPOLOGY,
    NV_PLAN_NONE, check, evaluate,
};
