/* SPDX-License-Identifier: Apache-2.0 */
/* Pairing two assessments' rule measurements and findings, and the small
 * lookups the comparison reports share. */
#include "whatif/compare.h"

#include <string.h>

#include "netvet/results.h"
#include "util/alloc.h"

static int same_result(const nv_rule_result *x, const nv_rule_result *y)
{
    return x->rule == y->rule && !strcmp(x->subject, y->subject) &&
           !strcmp(x->measure, y->measure);
}

static int same_finding(const nv_finding *x, const nv_finding *y)
{
    return !strcmp(x->rule_id, y->rule_id) &&
           !strcmp(x->subject, y->subject) && !strcmp(x->measure, y->measure);
}

static int pair_results(nv_compare *c, const nv_results *b,
                        const nv_results *a)
{
    c->results = nv_calloc(b->n + a->n + 1, sizeof(*c->results));
    uint8_t *used = nv_calloc(a->n + 1, 1);
    if (!c->results || !used) {
        nv_free(used);
        return NETVET_ENOMEM;
    }
    /* walk both in rule order; a before-result takes its after twin */
    size_t ia = 0;
    for (size_t ib = 0; ib <= b->n; ib++) {
        size_t rule = ib < b->n ? b->items[ib].rule : (size_t)-1;
        for (; ia < a->n && a->items[ia].rule < rule; ia++)
            if (!used[ia])
                c->results[c->n_results++].after = &a->items[ia];
        if (ib == b->n)
            break;
        nv_result_pair *p = &c->results[c->n_results++];
        p->before = &b->items[ib];
        for (size_t j = ia; j < a->n && a->items[j].rule == rule; j++)
            if (!used[j] && same_result(&b->items[ib], &a->items[j])) {
                p->after = &a->items[j];
                used[j] = 1;
                break;
            }
    }
    nv_free(used);
    return 0;
}

static int pair_findings(nv_compare *c, const nv_findings *b,
                         const nv_findings *a)
{
    c->findings = nv_calloc(b->n + a->n + 1, sizeof(*c->findings));
    uint8_t *used = nv_calloc(b->n + 1, 1);
    if (!c->findings || !used) {
        nv_free(used);
        return NETVET_ENOMEM;
    }
    for (size_t i = 0; i < a->n; i++) {
        nv_finding_pair *p = &c->findings[c->n_findings++];
        p->after = &a->items[i];
        for (size_t j = 0; j < b->n && !p->before; j++)
            if (!used[j] && same_finding(&b->items[j], p->after)) {
                p->before = &b->items[j];
                used[j] = 1;
            }
        int kind = nv_finding_pair_kind(p);
        c->added += kind == NV_PAIR_ADDED;
        c->changed += kind == NV_PAIR_CHANGED;
    }
    for (size_t j = 0; j < b->n; j++)
        if (!used[j]) {
            c->findings[c->n_findings++].before = &b->items[j];
            c->resolved++;
        }
    nv_free(used);
    return 0;
}

int nv_finding_pair_kind(const nv_finding_pair *p)
{
    if (!p->before)
        return NV_PAIR_ADDED;
    if (!p->after)
        return NV_PAIR_RESOLVED;
    return p->before->value != p->after->value ||
                   p->before->n_elements != p->after->n_elements
               ? NV_PAIR_CHANGED
               : NV_PAIR_SAME;
}

int nv_compare_build(nv_compare *c, const netvet_assessment *b,
                     const netvet_assessment *a)
{
    memset(c, 0, sizeof(*c));
    if (pair_results(c, &b->results, &a->results) < 0 ||
        pair_findings(c, &b->findings, &a->findings) < 0) {
        nv_compare_dispose(c);
        return NETVET_ENOMEM;
    }
    return 0;
}

void nv_compare_dispose(nv_compare *c)
{
    nv_free(c->results);
    nv_free(c->findings);
    memset(c, 0, sizeof(*c));
}

int nv_finding_pair_worse(const nv_finding_pair *p)
{
    return p->after && (!p->before || p->after->value > p->before->value);
}

int nv_result_pair_changed(const nv_result_pair *p)
{
    return !p->before || !p->after || p->before->value != p->after->value ||
           p->before->status != p->after->status;
}

const nv_share_row *nv_share_domain(const nv_group_shares *g, int32_t d)
{
    for (size_t i = 0; i < g->n_domains; i++)
        if (g->domains[i].key == d)
            return &g->domains[i];
    return NULL;
}

int nv_domain_lost(const netvet_assessment *a, int32_t d, double *lost,
                   double *total)
{
    *lost = *total = 0;
    if (!a->has_topology)
        return 0;
    long gi = nv_exposure_find(&a->exposure, NV_GROUP_DOMAIN, d);
    *lost = gi >= 0 ? a->exposure.groups[gi].lost_weight : 0;
    *total = a->exposure.sink_weight;
    return 1;
}

nv_verdict nv_verdict_of(const netvet_assessment *a, int fail_on)
{
    nv_verdict v = {NETVET_VERDICT_PASS, 0, 0, 0};
    for (size_t i = 0; i < a->findings.n; i++) {
        netvet_severity s = a->findings.items[i].severity;
        v.errors += s == NETVET_SEV_ERROR;
        v.warnings += s == NETVET_SEV_WARNING;
        v.notes += s == NETVET_SEV_NOTE;
    }
    v.verdict = netvet_assessment_verdict(a, fail_on);
    return v;
}

int netvet_assessment_fails(const netvet_assessment *a, int fail_on)
{
    return netvet_assessment_verdict(a, fail_on) == NETVET_VERDICT_FAIL;
}
