/* SPDX-License-Identifier: Apache-2.0 */
/* The share-cap rule kind: the share of the scope (by element count and
 * by weight) held by each risk domain, each vendor, or the selected
 * vendors together ('per') must stay at or under `max`; only groups with
 * a selected vendor in scope are capped. One counting pass, and a second
 * that lists the elements only when a group is over. The planner can
 * target it: move elements out of capped groups. */
#include <string.h>

#include "policy/eval_ctx.h"
#include "policy/rule_kind.h"
#include "util/alloc.h"

typedef struct share_groups {
    size_t n;
    const uint64_t *count;
    const double *weight;
    uint8_t *viol;       /* per group: NV_MEASURE_* bits over the cap */
    uint64_t all_count;  /* per: all */
    double all_weight;
} share_groups;

static int group_active(const nv_eval *e, size_t g)
{
    switch (e->rule->per) {
    case NV_PER_DOMAIN: return e->d_selected[g];
    case NV_PER_VENDOR: return e->selected[g] && e->v_count[g];
    default: return 1;
    }
}

/* Which measures of group g exceed the cap (bits). */
static unsigned over_cap(const nv_eval *e, const share_groups *sg, size_t g)
{
    const nv_rule *r = e->rule;
    unsigned bits = 0;
    if ((r->measures & NV_MEASURE_COUNT) &&
        (double)sg->count[g] / (double)e->total_count > r->max)
        bits |= NV_MEASURE_COUNT;
    if ((r->measures & NV_MEASURE_WEIGHT) && e->total_weight > 0 &&
        sg->weight[g] / e->total_weight > r->max)
        bits |= NV_MEASURE_WEIGHT;
    return bits;
}

/* "risk domain CN (huawei, zte) holds", "vendor huawei holds", ... */
static void group_name(nv_eval *e, size_t g, nv_text *t, const char **subj)
{
    const nv_view *v = e->view;
    int per = e->rule->per, first = 1;
    if (per == NV_PER_VENDOR) {
        *subj = nv_eval_vendor_id(e, (uint32_t)g);
        nv_text_add(t, "vendor %s holds", *subj);
        return;
    }
    const char *c = v->domain_country && v->domain_country[g]
                        ? v->domain_country[g] : "";
    *subj = per == NV_PER_DOMAIN ? c : "";
    if (per == NV_PER_DOMAIN)
        nv_text_add(t, "risk domain %s", c);
    else
        nv_text_add(t, "%s vendors", e->sel_word);
    for (size_t i = 0; i < e->n_order; i++) {
        uint32_t vd = e->order[i];
        int in = per == NV_PER_ALL ? e->selected[vd]
                 : v->vendor_domain && v->vendor_domain[vd] == (int32_t)g;
        if (in) {
            nv_text_add(t, "%s%s", first ? " (" : ", ",
                        nv_eval_vendor_id(e, vd));
            first = 0;
        }
    }
    nv_text_add(t, "%s %s", first ? "" : ")",
                per == NV_PER_DOMAIN ? "holds" : "together hold");
}

static int share_emit(nv_eval *e, nv_findings *out, share_groups *sg,
                      size_t g, uint32_t **list)
{
    static const char *const measure[2] = {"count-share", "weight-share"};
    int err = 0;
    for (unsigned m = 0; !err && m < 2; m++) {
        if (!(sg->viol[g] & (1u << m)))
            continue;
        size_t n = sg->count[g];
        uint32_t *els = *list;
        if (m == 0 && (sg->viol[g] & NV_MEASURE_WEIGHT) && n) {
            if (!(els = nv_reallocarray(NULL, n, sizeof(*els))))
                return NETVET_ENOMEM;
            memcpy(els, *list, n * sizeof(*els));
        } else {
            *list = NULL; /* handed over */
        }
        double value = m == 0 ? (double)n / (double)e->total_count
                              : sg->weight[g] / e->total_weight;
        const char *subject = "";
        nv_text msg = {0};
        group_name(e, g, &msg, &subject);
        nv_text_add(&msg, " %.2f%% of scope (%s) by %s; cap %.2f%%",
                    value * 100, e->scope.desc, m ? "weight" : "count",
                    e->rule->max * 100);
        err = msg.oom ? (nv_free(els), NETVET_ENOMEM)
                      : nv_eval_emit(e, out, subject, measure[m], value,
                                     e->rule->max, msg.s, els, n);
        nv_text_dispose(&msg);
    }
    return err;
}

/* Groups in report order: domains by country code, vendors by id. */
static size_t group_at(const nv_eval *e, const uint32_t *dorder, size_t i)
{
    if (e->rule->per == NV_PER_VENDOR)
        return e->order[i];
    return e->rule->per == NV_PER_DOMAIN ? dorder[i] : 0;
}

static void sort_domains(const nv_view *v, uint32_t *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = (uint32_t)i;
    for (size_t i = 1; v->domain_country && i < n; i++) { /* few domains: insertion sort */
        uint32_t x = d[i];
        const char *cx = v->domain_country[x] ? v->domain_country[x] : "";
        size_t j = i;
        while (j > 0 && strcmp(v->domain_country[d[j - 1]]
                                   ? v->domain_country[d[j - 1]] : "",
                               cx) > 0) {
            d[j] = d[j - 1];
            j--;
        }
        d[j] = x;
    }
}

static void share_setup(nv_eval *e, share_groups *sg)
{
    if (e->rule->per == NV_PER_DOMAIN) {
        sg->n = e->view->n_domains;
        sg->count = e->d_count;
        sg->weight = e->d_weight;
        return;
    }
    if (e->rule->per == NV_PER_VENDOR) {
        sg->n = e->n_vendors;
        sg->count = e->v_count;
        sg->weight = e->v_weight;
        return;
    }
    for (size_t i = 0; i < e->n_order; i++) {
        uint32_t v = e->order[i];
        if (e->selected[v]) {
            sg->all_count += e->v_count[v];
            sg->all_weight += e->v_weight[v];
        }
    }
    sg->n = 1;
    sg->count = &sg->all_count;
    sg->weight = &sg->all_weight;
}

/* One result per measure: for each active group present in scope, or a
 * single zero when no selected vendor is in scope. */
static int share_results(nv_eval *e, const share_groups *sg)
{
    static const char *const measure[2] = {"count-share", "weight-share"};
    for (unsigned m = 0; m < 2; m++) {
        if (!(e->rule->measures & (1u << m)))
            continue;
        /* nothing in scope (or no weight, by weight): not applicable */
        int na = !e->total_count || (m == 1 && !(e->total_weight > 0));
        int seen = 0;
        for (size_t g = 0; g < sg->n; g++) {
            if (!group_active(e, g) || !sg->count[g])
                continue;
            const char *subject = "";
            nv_text name = {0};
            group_name(e, g, &name, &subject);
            nv_text_dispose(&name);
            double value = na ? 0
                           : m == 0 ? (double)sg->count[g] / (double)e->total_count
                                    : sg->weight[g] / e->total_weight;
            int status = na ? NV_RESULT_NOT_APPLICABLE
                         : (sg->viol[g] & (1u << m)) ? NV_RESULT_FAIL
                                                     : NV_RESULT_PASS;
            seen = 1;
            if (nv_results_add(e->results, e->rule_index, subject, measure[m],
                               value, e->rule->max, status) < 0)
                return NETVET_ENOMEM;
        }
        if (!seen && nv_results_add(e->results, e->rule_index, "", measure[m],
                                    0, e->rule->max,
                                    na ? NV_RESULT_NOT_APPLICABLE
                                       : NV_RESULT_PASS) < 0)
            return NETVET_ENOMEM;
    }
    return 0;
}

static int evaluate(nv_eval *e, nv_findings *out)
{
    nv_eval_accumulate(e, e->rule->per == NV_PER_DOMAIN);
    if (!e->total_count) {
        share_groups none = {0};
        return share_results(e, &none);
    }
    share_groups sg = {0};
    share_setup(e, &sg);
    if (!(sg.viol = nv_calloc(sg.n, 1)))
        return NETVET_ENOMEM;
    size_t any = 0;
    for (size_t g = 0; g < sg.n; g++)
        if (group_active(e, g) && sg.count[g])
            any += (sg.viol[g] = (uint8_t)over_cap(e, &sg, g)) != 0;
    if (share_results(e, &sg) < 0) {
        nv_free(sg.viol);
        return NETVET_ENOMEM;
    }
    int how = e->rule->per == NV_PER_DOMAIN   ? NV_EVAL_BY_DOMAIN
              : e->rule->per == NV_PER_VENDOR ? NV_EVAL_BY_VENDOR
                                              : NV_EVAL_ALL_SELECTED;
    uint32_t **lists = NULL, *dorder = NULL;
    int err = any ? nv_eval_make_lists(e, how, sg.n, sg.viol, sg.count,
                                       &lists)
                  : 0;
    size_t n_groups = e->rule->per == NV_PER_VENDOR ? e->n_order : sg.n;
    if (!err && any && how == NV_EVAL_BY_DOMAIN) {
        if (!(dorder = nv_calloc(sg.n, sizeof(*dorder))))
            err = NETVET_ENOMEM;
        else
            sort_domains(e->view, dorder, sg.n);
    }
    for (size_t i = 0; !err && any && i < n_groups; i++) {
        size_t g = group_at(e, dorder, i);
        if (sg.viol[g])
            err = share_emit(e, out, &sg, g, &lists[g]);
    }
    nv_eval_free_lists(lists, sg.n);
    nv_free(dorder);
    nv_free(sg.viol);
    return err;
}

const nv_rule_kind_ops nv_kind_share_cap = {
    "share-cap",
    NV_KIND_TAKES_PER | NV_KIND_TAKES_MEASURE | NV_KIND_TAKES_MAX |
        NV_KIND_MAX_SHARE,
    NV_PLAN_SHARE, NULL, evaluate,
};
