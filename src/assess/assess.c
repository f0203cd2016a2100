/* SPDX-License-Identifier: Apache-2.0 */
/* The assessment pipeline: view (vendor resolution, domains, as-of) ->
 * the shares, netvet's own checks (unknown vendors) and the policy rules
 * that need no exposure, beside the topology when there is one -> the
 * rules that read the exposure. */
#include "assess/assessment.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "assess/attribution.h"
#include "assess/lookalike.h"
#include "policy/policy.h"
#include "assess/topology.h"
#include "util/alloc.h"
#include "util/clock.h"
#include "util/diag.h"

static int32_t today_utc(void)
{
    return (int32_t)(time(NULL) / 86400);
}

static int fill_unknown(nv_finding *f, const netvet_inventory *inv,
                        uint32_t s, uint32_t n)
{
    const char *name = nv_inv_str(inv, s);
    char msg[512];
    if (s)
        snprintf(msg, sizeof(msg),
                 "declared vendor '%s' is not in the registry (%u element%s); "
                 "add it to a registry overlay or correct the name", name, n,
                 n == 1 ? "" : "s");
    else
        snprintf(msg, sizeof(msg), "%u element%s no declared vendor", n,
                 n == 1 ? " has" : "s have");
    const nv_own_finding own = {
        "unknown-vendor", "Vendor not identified", msg,
        "netvet: a name that does not resolve is never guessed", name,
        "elements", NETVET_SEV_WARNING, n};
    f->elements = nv_malloc(n * sizeof(uint32_t));
    return nv_finding_set_own(f, &own) < 0 || !f->elements ? NETVET_ENOMEM
                                                            : 0;
}

/* Per element: 1 when an unregistered-vendor finding (attribution.c)
 * already names it, or NULL when there is none. */
static uint8_t *unregistered_marks(const netvet_assessment *a, int *rc)
{
    uint8_t *mark = NULL;
    *rc = 0;
    for (size_t i = 0; i < a->findings.n; i++) {
        const nv_finding *f = &a->findings.items[i];
        if (strcmp(f->rule_id, "unregistered-vendor") != 0)
            continue;
        if (!mark && !(mark = nv_calloc(a->view.n, 1))) {
            *rc = NETVET_ENOMEM;
            return NULL;
        }
        for (size_t j = 0; j < f->n_elements; j++)
            mark[f->elements[j]] = 1;
    }
    return mark;
}

/* One finding per declared name that did not resolve, listing its counted
 * elements (those an unregistered-vendor finding names aside: they count
 * as unknown all the same): count per name, make the findings, then one
 * filling pass. */
static int unknown_vendor_findings(netvet_assessment *a)
{
    const nv_view *v = &a->view;
    const netvet_inventory *inv = v->inv;
    int rc = 0;
    uint8_t *named = unregistered_marks(a, &rc);
    uint32_t *slot = rc ? NULL : nv_calloc(inv->strings.n, sizeof(uint32_t));
    if (!slot) {
        nv_free(named);
        return NETVET_ENOMEM;
    }
    for (size_t k = 0; k < v->n; k++)
        if (v->counted[k] && v->vendor[k] < 0) {
            a->n_unknown_elements += named && named[k];
            a->unknown_weight += inv->weight ? inv->weight[k] : 0;
            if (!named || !named[k])
                slot[inv->vendor[k]]++;
        }
    size_t first = a->findings.n;
    for (uint32_t s = 0; s < inv->strings.n && rc == 0; s++) {
        if (!slot[s])
            continue;
        a->n_unknown_elements += slot[s];
        nv_finding *f = nv_findings_push(&a->findings);
        rc = f ? fill_unknown(f, inv, s, slot[s]) : NETVET_ENOMEM;
        slot[s] = (uint32_t)(a->findings.n - 1 - first);
    }
    for (size_t k = 0; k < v->n && rc == 0; k++) {
        if (v->counted[k] && v->vendor[k] < 0 && (!named || !named[k])) {
            nv_finding *f = &a->findings.items[first + slot[inv->vendor[k]]];
            f->elements[f->n_elements++] = (uint32_t)k;
        }
    }
    nv_free(slot);
    nv_free(named);
    return rc;
}

static int parse_as_of(const char *as_of, int32_t *out, netvet_diag *diag)
{
    if (!as_of) {
        *out = today_utc();
        return 0;
    }
    if (nv_parse_date(as_of, strlen(as_of), out) < 0)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "the as-of date '%s' is not a date YYYY-MM-DD",
                            as_of);
    return 0;
}

/* Work that reads only the view and writes only its own part of the
 * assessment, so it can run on a thread beside the topology (whose own
 * second thread often ends early): the shares, then the unknown-vendor
 * findings with the rules that need no exposure (these own a->findings
 * and a->results until joined). Nothing here reports to a diag. */
typedef struct side_job {
    netvet_assessment *a;
    pthread_t thread;
    int threaded, rc;
} side_job;

static int shares_step(netvet_assessment *a)
{
    return nv_shares_compute(&a->shares, &a->view);
}

static int local_rules_step(netvet_assessment *a)
{
    int rc = unknown_vendor_findings(a);
    if (rc == 0)
        rc = nv_lookalike_findings(&a->view, &a->findings);
    if (rc == 0 && a->policy)
        rc = nv_policy_evaluate_set(a->policy, &a->view, NV_RULES_NO_EXPOSURE,
                                    &a->findings, &a->results);
    return rc;
}

/* One thread for both, not one each: two side threads beside the graph
 * thread made three on two CPUs, and the folding of the leaves, which
 * only the graph thread does, ran alone after them. */
static void *side_run(void *arg)
{
    side_job *j = arg;
    j->rc = shares_step(j->a);
    if (j->rc < 0)
        return NULL;
    double t0 = nv_clock_seconds();
    j->rc = local_rules_step(j->a);
    j->a->view.times.rules = nv_clock_seconds() - t0;
    return NULL;
}

static void side_start(side_job *j, int thread)
{
    j->threaded = thread && pthread_create(&j->thread, NULL, side_run, j) == 0;
    if (!j->threaded)
        side_run(j);
}

static int side_join(side_job *j)
{
    if (j->threaded)
        pthread_join(j->thread, NULL);
    return j->rc;
}

/* The rules of `set` that a graph thread evaluated (b: moved in here),
 * or, without a topology, evaluated now (not applicable). */
static int rules_step(netvet_assessment *a, nv_rule_set set,
                      nv_rules_beside *b)
{
    if (!b->done)
        return nv_policy_evaluate_set(a->policy, &a->view, set, &a->findings,
                                      &a->results);
    int rc = nv_findings_take(&a->findings, &b->findings);
    return rc < 0 ? rc : nv_results_take(&a->results, &b->results);
}

/* A bit per element for the tags the rules scope on (analysis/tagbits.c). */
static int tag_bits(netvet_assessment *a)
{
    uint32_t ids[NV_VIEW_TAG_BITS];
    size_t n = nv_policy_scope_tags(a->policy, a->view.inv, ids,
                                    NV_VIEW_TAG_BITS);
    return n ? nv_view_tag_bits(&a->view, ids, n) : 0;
}

/* The shares and the local rules beside the topology, then the rules
 * that read its exposure. */
static int shares_topology_rules(netvet_assessment *a, int topology,
                                 const netvet_assess_options *opts,
                                 netvet_diag *diag)
{
    side_job side = {.a = a};
    nv_policy_warn(a->policy, &a->view, diag);
    side_start(&side, topology);
    int rc = topology ? nv_topology_run(a, opts, diag) : 0;
    int rc_side = side_join(&side);
    if (rc == 0)
        rc = rc_side;
    if (rc == 0 && a->policy) {
        double t0 = nv_clock_seconds();
        rc = rules_step(a, NV_RULES_SERVED, &a->served);
        if (rc == 0)
            rc = rules_step(a, NV_RULES_EXPOSURE, &a->exposed);
        if (rc == 0)
            rc = nv_results_order_by_rule(&a->results);
        a->view.times.exposure_rules = nv_clock_seconds() - t0;
    }
    return rc;
}

/* Append copies of the inputs get(obj, i) gives, n of them, for the
 * reports. */
static int copy_inputs(netvet_assessment *a, const void *obj, size_t n,
                       netvet_input (*get)(const void *, size_t))
{
    struct nv_input_copy *c = n ? nv_reallocarray(a->file_inputs,
                                                  a->n_file_inputs + n,
                                                  sizeof(*c))
                                : a->file_inputs;
    if (n && !c)
        return NETVET_ENOMEM;
    a->file_inputs = c;
    for (size_t i = 0; i < n; i++, a->n_file_inputs++) {
        netvet_input in = get(obj, i);
        c = &a->file_inputs[a->n_file_inputs];
        c->kind = in.kind;
        memcpy(c->sha256, in.sha256, sizeof(c->sha256));
        snprintf(c->version, sizeof(c->version), "%s",
                 in.version ? in.version : "");
        c->bytes = in.bytes;
        c->has_bytes = in.has_bytes;
        if (!(c->path = nv_strdup(in.path)))
            return NETVET_ENOMEM;
    }
    return 0;
}

static netvet_input waiver_input(const void *w, size_t i)
{
    return netvet_waivers_input(w, i);
}

static netvet_input pattern_input(const void *at, size_t i)
{
    return netvet_attributor_input(at, i);
}

/* Waivers come last: they see every finding, netvet's own included. */
static int apply_waivers(netvet_assessment *a,
                         const netvet_assess_options *opts, netvet_diag *diag)
{
    if (!opts || opts->version < 3 || !opts->waivers)
        return 0;
    int rc = copy_inputs(a, opts->waivers,
                         netvet_waivers_input_count(opts->waivers),
                         waiver_input);
    if (rc < 0)
        return rc;
    return nv_waivers_apply(opts->waivers, a->policy, &a->view, &a->results,
                            opts->strict_waivers, &a->findings, diag);
}

/* Vendors from the evidence; in the riskier mode (the default from options
 * version 3) judged against the union of the packs' high-risk sets. */
static int attribute(netvet_assessment *a, const netvet_assess_options *opts)
{
    a->riskier = opts->version >= 3 && opts->trust == NETVET_TRUST_RISKIER;
    size_t n = netvet_registry_count(a->view.reg);
    uint8_t *risky = a->riskier ? nv_calloc(n + 1, 1) : NULL;
    if (a->riskier && !risky)
        return NETVET_ENOMEM;
    int rc = copy_inputs(a, opts->attributor,
                         netvet_attributor_input_count(opts->attributor),
                         pattern_input);
    if (rc == 0 && risky)
        rc = nv_policy_high_risk_union(a->policy, a->view.reg, risky, n);
    if (rc == 0)
        rc = nv_view_attribute(&a->view, opts->attributor, risky,
                               &a->findings, &a->n_attributed);
    nv_free(risky);
    return rc;
}

/* THE place the ownership threshold (percent) of the assessment's risk
 * domains is chosen: an owner holding at least this much of a vendor puts
 * it in the owner's jurisdictions too (nv_view_build, view.h): the
 * policy's (the smallest pack `ownership_threshold`), else
 * NETVET_OWNERSHIP_THRESHOLD (FCC 26-2: 10 %). */
static double ownership_threshold(const netvet_policy *policy)
{
    return netvet_policy_ownership_threshold(policy);
}

int netvet_assess(netvet_assessment **out, const netvet_inventory *inv,
                  const netvet_registry *reg, const netvet_policy *policy,
                  const netvet_assess_options *opts, netvet_diag *diag)
{
    int32_t as_of;
    int rc = parse_as_of(opts ? opts->as_of : NULL, &as_of, diag);
    if (rc < 0)
        return rc;
    if (opts && opts->version >= 3 &&
        !(opts->max_unknown >= 0 && opts->max_unknown <= 1))
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "the largest share of unknown vendors (%g) is "
                            "not between 0 and 1", opts->max_unknown);
    if ((rc = nv_policy_check_scopes(policy, inv, diag)) < 0)
        return rc;
    netvet_assessment *a = nv_calloc(1, sizeof(*a));
    if (!a)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    a->policy = policy;
    a->attributed = opts && opts->attributor;
    int topology = (!opts || opts->topology) && *netvet_inventory_path(inv, 1);
    if ((rc = nv_view_build(&a->view, inv, reg, as_of,
                            ownership_threshold(policy))) < 0 ||
        (opts && opts->attributor && (rc = attribute(a, opts)) < 0) ||
        (rc = tag_bits(a)) < 0 ||
        (rc = shares_topology_rules(a, topology, opts, diag)) < 0 ||
        (rc = apply_waivers(a, opts, diag)) < 0) {
        netvet_assessment_free(a);
        if (rc == NETVET_EINVAL || rc == NETVET_EPARSE)
            return rc; /* the message names the bad option or waiver */
        return nv_diag_fail(diag, rc, NULL, 0, 0, "assessment failed: %s",
                            netvet_strerror(rc));
    }
    nv_findings_sort(&a->findings);
    if (nv_incomplete_compute(a, opts) < 0) {
        netvet_assessment_free(a);
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    }
    *out = a;
    return 0;
}

void netvet_assessment_free(netvet_assessment *a)
{
    if (!a)
        return;
    nv_incomplete_dispose(a);
    for (size_t i = 0; i < a->n_file_inputs; i++)
        nv_free(a->file_inputs[i].path);
    nv_free(a->file_inputs);
    nv_findings_dispose(&a->findings);
    nv_results_dispose(&a->results);
    nv_topology_dispose(a);
    nv_shares_dispose(&a->shares);
    nv_view_dispose(&a->view);
    nv_free(a);
}

size_t netvet_assessment_count(const netvet_assessment *a, netvet_severity min)
{
    size_t n = 0;
    for (size_t i = 0; i < a->findings.n; i++)
        n += a->findings.items[i].severity >= min;
    return n;
}
