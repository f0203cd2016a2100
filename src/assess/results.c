/* SPDX-License-Identifier: Apache-2.0 */
/* The public read API of an assessment (netvet/results.h): the verdict,
 * computed here and only here, and borrowed views of the rule results,
 * findings, exposure rows and phase timings the assessment holds. */
#include "netvet/results.h"

#include "assess/assessment.h"

netvet_verdict netvet_assessment_verdict(const netvet_assessment *a,
                                         int fail_on)
{
    if (!a)
        return NETVET_VERDICT_PASS;
    for (size_t i = 0; fail_on >= 0 && i < a->findings.n; i++)
        if (!a->findings.items[i].waived &&
            (int)a->findings.items[i].severity >= fail_on)
            return NETVET_VERDICT_FAIL;
    return a->n_incomplete ? NETVET_VERDICT_INCOMPLETE : NETVET_VERDICT_PASS;
}

const char *netvet_verdict_name(netvet_verdict v)
{
    return v == NETVET_VERDICT_FAIL         ? "fail"
           : v == NETVET_VERDICT_INCOMPLETE ? "incomplete"
                                            : "pass";
}

size_t netvet_assessment_incomplete_count(const netvet_assessment *a)
{
    return a ? a->n_incomplete : 0;
}

const char *netvet_assessment_incomplete(const netvet_assessment *a,
                                         size_t i, const char **message)
{
    if (!a || i >= a->n_incomplete)
        return NULL;
    if (message)
        *message = a->incomplete[i].message;
    return a->incomplete[i].code;
}

const netvet_inventory *netvet_assessment_inventory(
    const netvet_assessment *a)
{
    return a ? a->view.inv : NULL;
}

const char *netvet_result_status_name(netvet_result_status status)
{
    return nv_result_status_name((int)status);
}

size_t netvet_assessment_result_count(const netvet_assessment *a)
{
    return a ? a->results.n : 0;
}

int netvet_assessment_result(const netvet_assessment *a, size_t i,
                             netvet_rule_result *out)
{
    if (!a || !out || i >= a->results.n || out->version < 1 ||
        out->version > NETVET_RULE_RESULT_VERSION)
        return NETVET_EINVAL;
    const nv_rule_result *r = &a->results.items[i];
    netvet_rule_info info = netvet_policy_rule(a->policy, r->rule);
    out->rule = r->rule;
    out->rule_id = info.id;
    out->pack = info.pack;
    out->kind = info.kind;
    out->severity = info.severity;
    out->subject = r->subject;
    out->measure = r->measure;
    out->value = r->value;
    out->limit = r->limit;
    out->status = (netvet_result_status)r->status;
    out->margin = out->status == NETVET_RESULT_PASS ||
                          out->status == NETVET_RESULT_FAIL
                      ? r->limit - r->value
                      : 0;
    out->status_name = netvet_result_status_name(out->status);
    return 0;
}

size_t netvet_assessment_finding_count(const netvet_assessment *a)
{
    return a ? a->findings.n : 0;
}

int netvet_assessment_finding(const netvet_assessment *a, size_t i,
                              netvet_finding *out)
{
    if (!a || !out || i >= a->findings.n || out->version < 1 ||
        out->version > NETVET_FINDING_VERSION)
        return NETVET_EINVAL;
    const nv_finding *f = &a->findings.items[i];
    out->rule_id = f->rule_id;
    out->pack = f->pack;
    out->title = f->title;
    out->severity = f->severity;
    out->subject = f->subject;
    out->measure = f->measure;
    out->value = f->value;
    out->limit = f->limit;
    out->message = f->message;
    out->source = f->source;
    out->elements = f->elements;
    out->n_elements = f->n_elements;
    if (out->version >= 2) {
        out->waived = f->waived;
        out->waiver_reason = f->waiver_reason;
        out->waiver_approved_by = f->waiver_by;
        out->waiver_expires = f->waiver_expires;
        out->waiver_file = f->waiver_file;
        out->waiver_line = f->waiver_line;
    }
    return 0;
}

/* Groups are domains (by index), then vendors: the first of a kind. */
static size_t first_of(const nv_exposure *x, netvet_exposure_kind kind,
                       size_t *n)
{
    size_t first = x->n_groups;
    *n = 0;
    for (size_t g = 0; g < x->n_groups; g++)
        if (x->groups[g].kind == (uint8_t)kind) {
            first = *n ? first : g;
            ++*n;
        }
    return first;
}

size_t netvet_assessment_exposure_count(const netvet_assessment *a,
                                        netvet_exposure_kind kind)
{
    size_t n = 0;
    if (a && a->has_topology)
        first_of(&a->exposure, kind, &n);
    return n;
}

int netvet_assessment_exposure(const netvet_assessment *a,
                               netvet_exposure_kind kind, size_t i,
                               netvet_exposure_row *out)
{
    size_t n = 0, first = 0;
    if (a && a->has_topology)
        first = first_of(&a->exposure, kind, &n);
    if (!out || i >= n || out->version < 1 ||
        out->version > NETVET_EXPOSURE_ROW_VERSION)
        return NETVET_EINVAL;
    const nv_exposure *x = &a->exposure;
    const nv_exposure_group *g = &x->groups[first + i];
    out->kind = kind;
    out->group = g->key < 0 ? "unknown"
                 : kind == NETVET_EXPOSURE_DOMAIN
                     ? a->view.domain_country[g->key]
                     : netvet_registry_vendor(a->view.reg, (size_t)g->key)->id;
    out->elements = g->n_elements;
    out->lost_weight = g->lost_weight;
    out->share = x->sink_weight > 0 ? g->lost_weight / x->sink_weight : 0;
    out->lost_sinks = g->lost_sinks;
    return 0;
}

int netvet_assessment_get_timings(const netvet_assessment *a,
                                  netvet_assessment_timings *out)
{
    if (!a || !out || out->version < 1 ||
        out->version > NETVET_ASSESSMENT_TIMINGS_VERSION)
        return NETVET_EINVAL;
    const netvet_inventory *inv = a->view.inv;
    const nv_step_times *t = &a->view.times;
    for (int w = 0; w < 2; w++) {
        out->load[w].parts = inv->times[w].parts;
        out->load[w].parse = inv->times[w].parse;
        out->load[w].merge = inv->times[w].merge;
        out->load[w].index = inv->times[w].index;
    }
    out->ids_sorted = inv->ids_sorted;
    out->view = t->view;
    out->shares = a->shares.seconds;
    out->csr = t->csr;
    out->fold = t->fold;
    out->core = t->core;
    out->vertices = t->vertices;
    out->exposure = t->exposure;
    out->dominators = t->dominators;
    out->spof = t->spof;
    out->graph = t->graph;
    out->threads = t->threads;
    out->topology = t->topology;
    out->rules = t->rules;
    out->exposure_rules = t->exposure_rules;
    return 0;
}

size_t netvet_assessment_input_count(const netvet_assessment *a)
{
    return a ? netvet_registry_input_count(a->view.reg) +
                   netvet_policy_input_count(a->policy) + a->n_file_inputs
             : 0;
}

netvet_input netvet_assessment_input(const netvet_assessment *a, size_t i)
{
    netvet_input in = NETVET_INPUT_NONE;
    if (i >= netvet_assessment_input_count(a))
        return in;
    size_t nr = netvet_registry_input_count(a->view.reg);
    size_t np = netvet_policy_input_count(a->policy);
    if (i < nr)
        return netvet_registry_input(a->view.reg, i);
    if (i < nr + np)
        return netvet_policy_input(a->policy, i - nr);
    const struct nv_input_copy *c = &a->file_inputs[i - nr - np];
    in.kind = c->kind;
    in.path = c->path;
    in.sha256 = c->sha256;
    in.version = c->version[0] ? c->version : NULL;
    in.bytes = c->bytes;
    in.has_bytes = c->has_bytes;
    return in;
}
