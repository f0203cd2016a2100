/* SPDX-License-Identifier: Apache-2.0 */
/* The share-cap rule kind: the share of the scope held by each risk
 * domain, each vendor, or the selected vendors together ('per') must stay
 * at or under `max`, by each of its measures: element count, weight,
 * customers served (the dominator tree: eval_pass.c) and distinct sites;
 * only groups with a selected vendor in scope are capped. One counting
 * pass (served and sites only for rules that ask), and a second that
 * lists the elements only when a group is over. The planner can target
 * it by count and weight: move elements out of capped groups. */
#include <string.h>

#include "graph/dominators.h"
#include "policy/eval_ctx.h"
#include "policy/rule_kind.h"
#include "util/alloc.h"

#define N_MEASURES 4 /* bit m of NV_MEASURE_*: count, weight, served, sites */

static const char *const measure_name[N_MEASURES] = {
    "count-share", "weight-share", "served-share", "sites-share"};
static const char *const measure_word[N_MEASURES] = {
    "count", "weight", "customers served", "sites"};

typedef struct share_groups {
    size_t n;
    const uint64_t *count;
    const double *weight;
    double *served;      /* per group, when measured (owned) */
    uint64_t *sites;     /* per group, when measured (owned) */
    double served_total; /* weight of every sink served */
    uint64_t sites_total;/* distinct sites in scope */
    int na[N_MEASURES];  /* measure not applicable */
    const char *why[N_MEASURES]; /* and why (static), or NULL */
    int missing[N_MEASURES]; /* the data to measure it is missing */
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

/* Share of measure m held by group g (the measure applies). */
static double share_of(const nv_eval *e, const share_groups *sg, size_t g,
                       unsigned m)
{
    switch (m) {
    case 0: return (double)sg->count[g] / (double)e->total_count;
    case 1: return sg->weight[g] / e->total_weight;
    case 2: return sg->served[g] / sg->served_total;
    default: return (double)sg->sites[g] / (double)sg->sites_total;
    }
}

/* Which measures of group g exceed the cap (bits). */
static unsigned over_cap(const nv_eval *e, const share_groups *sg, size_t g)
{
    unsigned bits = 0;
    for (unsigned m = 0; m < N_MEASURES; m++)
        if ((e->rule->measures & (1u << m)) && !sg->na[m] &&
            share_of(e, sg, g, m) > e->rule->max)
            bits |= 1u << m;
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
                 : v->vendor_dset &&
                       nv_view_in_domain(v, v->vendor_dset[vd], (int32_t)g);
        if (in) {
            nv_text_add(t, "%s%s", first ? " (" : ", ",
                        nv_eval_vendor_id(e, vd));
            first = 0;
        }
    }
    nv_text_add(t, "%s %s", first ? "" : ")",
                per == NV_PER_DOMAIN ? "holds" : "together hold");
}

/* The group's in-scope elements for measure m's finding: a copy while a
 * later measure of the group is over too, else the list itself. */
static int take_list(const share_groups *sg, size_t g, unsigned m,
                     uint32_t **list, uint32_t **els)
{
    size_t n = sg->count[g];
    *els = *list;
    if ((sg->viol[g] >> (m + 1)) && n) {
        if (!(*els = nv_reallocarray(NULL, n, sizeof(**els))))
            return NETVET_ENOMEM;
        memcpy(*els, *list, n * sizeof(**els));
    } else {
        *list = NULL; /* handed over */
    }
    return 0;
}

static int share_emit(nv_eval *e, nv_findings *out, share_groups *sg,
                      size_t g, uint32_t **list)
{
    int err = 0;
    for (unsigned m = 0; !err && m < N_MEASURES; m++) {
        if (!(sg->viol[g] & (1u << m)))
            continue;
        uint32_t *els;
        if (take_list(sg, g, m, list, &els) < 0)
            return NETVET_ENOMEM;
        double value = share_of(e, sg, g, m);
        const char *subject = "";
        nv_text msg = {0};
        group_name(e, g, &msg, &subject);
        nv_text_add(&msg, " %.2f%% of scope (%s) by %s; cap %.2f%%",
                    value * 100, e->scope.desc, measure_word[m],
                    e->rule->max * 100);
        err = msg.oom ? (nv_free(els), NETVET_ENOMEM)
                      : nv_eval_emit(e, out, subject, measure_name[m], value,
                                     e->rule->max, msg.s, els,
                                     sg->count[g]);
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

static int add_result(nv_eval *e, const share_groups *sg, unsigned m,
                      const char *subject, double value, int status)
{
    if (nv_results_add(e->results, e->rule_index, subject, measure_name[m],
                       value, e->rule->max, status) < 0)
        return NETVET_ENOMEM;
    if (status != NV_RESULT_NOT_APPLICABLE)
        return 0;
    if (!e->total_count)
        nv_results_note(e->results, "nothing in scope");
    else if (sg->missing[m])
        nv_results_note_unmeasured(e->results, sg->why[m]);
    else
        nv_results_note(e->results, sg->why[m]);
    return 0;
}

/* One result per measure: for each active group present in scope, or a
 * single zero when no selected vendor is in scope. */
static int share_results(nv_eval *e, const share_groups *sg)
{
    for (unsigned m = 0; m < N_MEASURES; m++) {
        if (!(e->rule->measures & (1u << m)))
            continue;
        /* nothing in scope, or this measure has nothing to measure (no
         * weight, no links for served, no site column): not applicable */
        int na = !e->total_count || sg->na[m], seen = 0;
        for (size_t g = 0; g < sg->n; g++) {
            if (!group_active(e, g) || !sg->count[g])
                continue;
            const char *subject = "";
            nv_text name = {0};
            group_name(e, g, &name, &subject);
            nv_text_dispose(&name);
            int status = na ? NV_RESULT_NOT_APPLICABLE
                         : (sg->viol[g] & (1u << m)) ? NV_RESULT_FAIL
                                                     : NV_RESULT_PASS;
            seen = 1;
            if (add_result(e, sg, m, subject, na ? 0 : share_of(e, sg, g, m),
                           status) < 0)
                return NETVET_ENOMEM;
        }
        if (!seen && add_result(e, sg, m, "", 0,
                                na ? NV_RESULT_NOT_APPLICABLE
                                   : NV_RESULT_PASS) < 0)
            return NETVET_ENOMEM;
    }
    return 0;
}

static int how_of(const nv_eval *e)
{
    return e->rule->per == NV_PER_DOMAIN   ? NV_EVAL_BY_DOMAIN
           : e->rule->per == NV_PER_VENDOR ? NV_EVAL_BY_VENDOR
                                           : NV_EVAL_ALL_SELECTED;
}

/* Customers served per group, or why not: without the dominator tree
 * (no links) served is not applicable, never a silent pass. */
static int measure_served(nv_eval *e, share_groups *sg)
{
    if (!e->view->dom || e->view->dom->n != e->view->n) {
        sg->na[2] = sg->missing[2] = 1;
        sg->why[2] = "served needs links";
        return 0;
    }
    if (!(sg->served = nv_calloc(sg->n + 1, sizeof(*sg->served))) ||
        nv_eval_served(e, how_of(e), sg->n, sg->served,
                       &sg->served_total) < 0)
        return NETVET_ENOMEM;
    if (!(sg->served_total > 0)) {
        sg->na[2] = 1;
        sg->why[2] = "no customer served through the scope";
    }
    return 0;
}

/* Distinct sites per active group, or why not. */
static int measure_sites(nv_eval *e, share_groups *sg)
{
    if (!e->view->inv->site) {
        sg->na[3] = sg->missing[3] = 1;
        sg->why[3] = "sites needs a site column";
        return 0;
    }
    uint8_t *want = nv_calloc(sg->n + 1, 1);
    if (!want || !(sg->sites = nv_calloc(sg->n + 1, sizeof(*sg->sites)))) {
        nv_free(want);
        return NETVET_ENOMEM;
    }
    for (size_t g = 0; g < sg->n; g++)
        want[g] = group_active(e, g) && sg->count[g];
    int err = nv_eval_sites(e, how_of(e), sg->n, want, sg->sites,
                            &sg->sites_total);
    nv_free(want);
    if (!err && !sg->sites_total) {
        sg->na[3] = 1;
        sg->why[3] = "no site in scope";
    }
    return err;
}

/* Set up the groups' count and weight, then served and sites when the
 * rule measures them, and which measures do not apply. */
static int share_measure(nv_eval *e, share_groups *sg)
{
    share_setup(e, sg);
    sg->na[1] = !(e->total_weight > 0);
    int err = 0;
    if (e->rule->measures & NV_MEASURE_SERVED)
        err = measure_served(e, sg);
    if (!err && (e->rule->measures & NV_MEASURE_SITES))
        err = measure_sites(e, sg);
    if (!err && !(sg->viol = nv_calloc(sg->n + 1, 1)))
        err = NETVET_ENOMEM;
    return err;
}

static void share_dispose(share_groups *sg)
{
    nv_free(sg->served);
    nv_free(sg->sites);
    nv_free(sg->viol);
}

static int emit_all(nv_eval *e, nv_findings *out, share_groups *sg)
{
    int how = how_of(e);
    uint32_t **lists = NULL, *dorder = NULL;
    int err = nv_eval_make_lists(e, how, sg->n, sg->viol, sg->count, &lists);
    size_t n_groups = e->rule->per == NV_PER_VENDOR ? e->n_order : sg->n;
    if (!err && how == NV_EVAL_BY_DOMAIN) {
        if (!(dorder = nv_calloc(sg->n, sizeof(*dorder))))
            err = NETVET_ENOMEM;
        else
            sort_domains(e->view, dorder, sg->n);
    }
    for (size_t i = 0; !err && i < n_groups; i++) {
        size_t g = group_at(e, dorder, i);
        if (sg->viol[g])
            err = share_emit(e, out, sg, g, &lists[g]);
    }
    nv_eval_free_lists(lists, sg->n);
    nv_free(dorder);
    return err;
}

static int evaluate(nv_eval *e, nv_findings *out)
{
    nv_eval_accumulate(e, e->rule->per == NV_PER_DOMAIN);
    share_groups sg = {0};
    int err = share_measure(e, &sg);
    size_t any = 0;
    for (size_t g = 0; !err && e->total_count && g < sg.n; g++)
        if (group_active(e, g) && sg.count[g])
            any += (sg.viol[g] = (uint8_t)over_cap(e, &sg, g)) != 0;
    if (!err)
        err = share_results(e, &sg);
    if (!err && any)
        err = emit_all(e, out, &sg);
    share_dispose(&sg);
    return err;
}

const nv_rule_kind_ops nv_kind_share_cap = {
    "share-cap",
    NV_KIND_TAKES_PER | NV_KIND_TAKES_MEASURE | NV_KIND_TAKES_MAX |
        NV_KIND_MAX_SHARE | NV_KIND_COUNTS,
    NV_PLAN_SHARE, NULL, evaluate,
};
