/* SPDX-License-Identifier: Apache-2.0 */
/* The what-if JSON report (schema netvet-whatif/1, docs/json-schema.md)
 * and the JSON pieces the check and plan reports reuse. Shares are
 * fractions in [0,1]; numbers print with 10 significant digits. */
#include <stdlib.h>
#include <string.h>

#include "netvet/version.h"
#include "report/formats.h"
#include "report/report.h"
#include "report/whatif_report.h"
#include "util/diag.h"

void nv_json_put(json_t *obj, const char *key, json_t *val, int *ok)
{
    if (!obj) /* jansson frees val on its own failures, not on this one */
        json_decref(val);
    if (!val || !obj || json_object_set_new(obj, key, val) < 0)
        *ok = 0;
}

void nv_json_append(json_t *arr, json_t *val, int *ok)
{
    if (!arr)
        json_decref(val);
    if (!val || !arr || json_array_append_new(arr, val) < 0)
        *ok = 0;
}

static double frac(double part, double whole)
{
    return whole > 0 ? part / whole : 0;
}

json_t *nv_json_verdict(const netvet_assessment *a, int fail_on, int *ok)
{
    nv_verdict v = nv_verdict_of(a, fail_on);
    json_t *o = json_object();
    nv_json_put(o, "verdict", json_string(netvet_verdict_name(v.verdict)),
                ok);
    nv_json_put(o, "incomplete", nv_report_json_incomplete(a), ok);
    nv_json_put(o, "errors", json_integer((json_int_t)v.errors), ok);
    nv_json_put(o, "warnings", json_integer((json_int_t)v.warnings), ok);
    nv_json_put(o, "notes", json_integer((json_int_t)v.notes), ok);
    nv_json_put(o, "waived", json_integer((json_int_t)v.waived), ok);
    return o;
}

static json_t *measurement(const nv_rule_result *r, int *ok)
{
    if (!r)
        return json_null();
    json_t *o = json_object();
    nv_json_put(o, "value", json_real(r->value), ok);
    nv_json_put(o, "status", json_string(nv_result_status_name(r->status)),
                ok);
    return o;
}

json_t *nv_json_rule_pairs(const netvet_assessment *a, const nv_compare *c,
                           int *ok)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < c->n_results && *ok; i++) {
        const nv_result_pair *p = &c->results[i];
        const nv_rule_result *r = p->after ? p->after : p->before;
        json_t *o = json_object();
        nv_json_append(arr, o, ok);
        nv_json_put(o, "rule",
                    json_string(netvet_policy_rule(a->policy, r->rule).id), ok);
        nv_json_put(o, "subject", json_string(r->subject), ok);
        nv_json_put(o, "measure", json_string(r->measure), ok);
        nv_json_put(o, "limit", json_real(r->limit), ok);
        nv_json_put(o, "before", measurement(p->before, ok), ok);
        nv_json_put(o, "after", measurement(p->after, ok), ok);
    }
    return arr;
}

static json_t *finding(const netvet_assessment *a, const nv_finding *f,
                       int *ok)
{
    json_t *o = json_object(), *els = json_array();
    nv_json_put(o, "rule", json_string(f->rule_id), ok);
    nv_json_put(o, "pack", json_string(f->pack), ok);
    nv_json_put(o, "severity", json_string(nv_severity_name(f->severity)),
                ok);
    nv_json_put(o, "title", json_string(f->title), ok);
    nv_json_put(o, "subject", json_string(f->subject), ok);
    nv_json_put(o, "measure", json_string(f->measure), ok);
    nv_json_put(o, "value", json_real(f->value), ok);
    nv_json_put(o, "limit", json_real(f->limit), ok);
    nv_json_put(o, "message", json_string(f->message), ok);
    for (size_t i = 0; i < f->n_elements && *ok; i++)
        nv_json_append(els, json_string(nv_inv_id(a->view.inv,
                                                  f->elements[i])), ok);
    nv_json_put(o, "elements", els, ok);
    nv_json_put_waiver(o, f, ok);
    return o;
}

/* which: 0 added (after's), 1 resolved (before's), 2 changed (after's,
 * with the value before). `a` is the assessment the finding belongs to
 * for added/changed; `b` for resolved is reached through the pair. */
json_t *nv_json_findings(const netvet_assessment *a, const nv_compare *c,
                         int which, int *ok)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < c->n_findings && *ok; i++) {
        const nv_finding_pair *p = &c->findings[i];
        int kind = nv_finding_pair_kind(p);
        if (kind != which)
            continue;
        json_t *o = finding(a, p->after ? p->after : p->before, ok);
        if (kind == NV_PAIR_CHANGED)
            nv_json_put(o, "value_before", json_real(p->before->value), ok);
        nv_json_append(arr, o, ok);
    }
    return arr;
}

static json_t *share_side(const nv_share_row *r, const nv_group_shares *g,
                          int *ok)
{
    json_t *o = json_object();
    uint64_t n = r ? r->count : 0;
    double w = r ? r->weight : 0;
    nv_json_put(o, "count", json_integer((json_int_t)n), ok);
    nv_json_put(o, "weight", json_real(w), ok);
    nv_json_put(o, "count_share", json_real(frac((double)n, (double)g->count)),
                ok);
    nv_json_put(o, "weight_share", json_real(frac(w, g->weight)), ok);
    return o;
}

static json_t *share_group(const netvet_assessment *b,
                           const netvet_assessment *a, int fn, int *ok)
{
    const nv_group_shares *gb = &b->shares.group[fn], *ga = &a->shares.group[fn];
    json_t *o = json_object(), *doms = json_array();
    nv_json_put(o, "function",
                json_string(fn == NETVET_FN_COUNT ? "all"
                                                  : netvet_function_name(fn)),
                ok);
    nv_json_put(o, "count_before", json_integer((json_int_t)gb->count), ok);
    nv_json_put(o, "count_after", json_integer((json_int_t)ga->count), ok);
    nv_json_put(o, "weight_before", json_real(gb->weight), ok);
    nv_json_put(o, "weight_after", json_real(ga->weight), ok);
    for (size_t d = 0; d < b->view.n_domains && *ok; d++) {
        const nv_share_row *rb = nv_share_domain(gb, (int32_t)d);
        const nv_share_row *ra = nv_share_domain(ga, (int32_t)d);
        if (!rb && !ra)
            continue;
        json_t *row = json_object();
        nv_json_append(doms, row, ok);
        nv_json_put(row, "domain", json_string(nv_domain_label(b, (int32_t)d)),
                    ok);
        nv_json_put(row, "before", share_side(rb, gb, ok), ok);
        nv_json_put(row, "after", share_side(ra, ga, ok), ok);
    }
    nv_json_put(o, "domains", doms, ok);
    if (gb->domains_overlap || ga->domains_overlap) /* else unchanged */
        nv_json_put(o, "domains_overlap", json_true(), ok);
    return o;
}

json_t *nv_json_shares(const netvet_assessment *b, const netvet_assessment *a,
                       int *ok)
{
    json_t *arr = json_array();
    for (int fn = 0; fn <= NETVET_FN_COUNT && *ok; fn++)
        if (b->shares.group[fn].count || a->shares.group[fn].count)
            nv_json_append(arr, share_group(b, a, fn, ok), ok);
    return arr;
}

static json_t *lost_side(const netvet_assessment *a, int32_t d, int *ok)
{
    double lost, total;
    nv_domain_lost(a, d, &lost, &total);
    json_t *o = json_object();
    nv_json_put(o, "lost_weight", json_real(lost), ok);
    nv_json_put(o, "share", json_real(frac(lost, total)), ok);
    return o;
}

json_t *nv_json_exposure(const netvet_assessment *b,
                         const netvet_assessment *a, int *ok)
{
    if (!b->has_topology || !a->has_topology)
        return json_null();
    json_t *arr = json_array();
    for (size_t d = 0; d < b->view.n_domains && *ok; d++) {
        if (nv_exposure_find(&b->exposure, NV_GROUP_DOMAIN, (int32_t)d) < 0 &&
            nv_exposure_find(&a->exposure, NV_GROUP_DOMAIN, (int32_t)d) < 0)
            continue;
        json_t *o = json_object();
        nv_json_append(arr, o, ok);
        nv_json_put(o, "domain", json_string(nv_domain_label(b, (int32_t)d)),
                    ok);
        nv_json_put(o, "before", lost_side(b, (int32_t)d, ok), ok);
        nv_json_put(o, "after", lost_side(a, (int32_t)d, ok), ok);
    }
    return arr;
}

static json_t *spof_list(const netvet_assessment *a, int *ok)
{
    if (!a->has_topology)
        return json_null();
    json_t *arr = json_array();
    const nv_view *v = &a->view;
    for (size_t i = 0; i < a->n_top && *ok; i++) {
        uint32_t k = a->top[i];
        json_t *o = json_object();
        nv_json_append(arr, o, ok);
        nv_json_put(o, "id", json_string(nv_inv_id(v->inv, k)), ok);
        nv_json_put(o, "function",
                    json_string(netvet_function_name(v->inv->function[k])), ok);
        nv_json_put(o, "vendor", json_string(nv_vendor_label(a, v->vendor[k])),
                    ok);
        nv_json_put(o, "domain",
                    json_string(v->dset[k] < 0
                                    ? "unknown"
                                    : nv_dset_label(a, v->dset[k])),
                    ok);
        nv_json_put(o, "impact", json_real(a->dom.impact[k]), ok);
        nv_json_put(o, "share",
                    json_real(frac(a->dom.impact[k], a->exposure.sink_weight)),
                    ok);
    }
    return arr;
}

static json_t *changes(const netvet_overlay *ov, int *ok)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < netvet_overlay_log_count(ov) && *ok; i++) {
        netvet_change_info ch = netvet_overlay_log(ov, i);
        json_t *o = json_object();
        nv_json_append(arr, o, ok);
        nv_json_put(o, "line", json_integer((json_int_t)ch.line), ok);
        nv_json_put(o, "action", json_string(ch.action), ok);
        nv_json_put(o, "summary", json_string(ch.summary), ok);
        nv_json_put(o, "elements", json_integer((json_int_t)ch.elements), ok);
        nv_json_put(o, "links", json_integer((json_int_t)ch.links), ok);
    }
    return arr;
}

static json_t *stats(const netvet_overlay *ov, int *ok)
{
    netvet_overlay_stats s = netvet_overlay_get_stats(ov);
    json_t *o = json_object();
    nv_json_put(o, "changed", json_integer((json_int_t)s.changed), ok);
    nv_json_put(o, "added", json_integer((json_int_t)s.added), ok);
    nv_json_put(o, "removed", json_integer((json_int_t)s.removed), ok);
    nv_json_put(o, "links_added", json_integer((json_int_t)s.links_added), ok);
    return o;
}

static json_t *one_case(const netvet_assessment *b,
                        const netvet_whatif_case *c, int fail_on, int *ok)
{
    const netvet_assessment *a = c->after;
    nv_compare cmp;
    if (nv_compare_build(&cmp, b, a) < 0)
        return *ok = 0, NULL;
    json_t *o = json_object(), *spof = json_object();
    nv_json_put(o, "name", json_string(netvet_scenario_name(c->scenario)), ok);
    nv_json_put(o, "file", json_string(netvet_scenario_file(c->scenario)), ok);
    nv_json_put(o, "description",
                json_string(netvet_scenario_description(c->scenario)), ok);
    nv_json_put(o, "changes", changes(c->overlay, ok), ok);
    nv_json_put(o, "stats", stats(c->overlay, ok), ok);
    nv_json_put(o, "before", nv_json_verdict(b, fail_on, ok), ok);
    nv_json_put(o, "after", nv_json_verdict(a, fail_on, ok), ok);
    nv_json_put(o, "results", nv_json_rule_pairs(a, &cmp, ok), ok);
    nv_json_put(o, "findings_added", nv_json_findings(a, &cmp, 0, ok), ok);
    nv_json_put(o, "findings_resolved", nv_json_findings(b, &cmp, 1, ok), ok);
    nv_json_put(o, "findings_changed", nv_json_findings(a, &cmp, 2, ok), ok);
    nv_json_put(o, "shares", nv_json_shares(b, a, ok), ok);
    nv_json_put(o, "dependent_weight", nv_json_exposure(b, a, ok), ok);
    nv_json_put(spof, "before", spof_list(b, ok), ok);
    nv_json_put(spof, "after", spof_list(a, ok), ok);
    nv_json_put(o, "spof", spof, ok);
    nv_compare_dispose(&cmp);
    return o;
}

json_t *nv_json_header(const netvet_assessment *b, const char *schema,
                       int fail_on, int *ok)
{
    json_t *doc = json_object(), *inv = json_object();
    char date[11];
    nv_report_as_of(b, date);
    nv_json_put(doc, "schema", json_string(schema), ok);
    nv_json_put(doc, "netvet_version", json_string(netvet_version()), ok);
    nv_json_put(doc, "as_of", json_string(date), ok);
    nv_json_put(doc, "inputs", nv_report_json_inputs(b), ok);
    nv_json_put(doc, "registry_changes",
                nv_report_json_registry_changes(b->view.reg), ok);
    nv_json_put(doc, "provenance", nv_report_json_provenance(b, NULL, ok),
                ok);
    nv_json_put(doc, "fail_on",
                json_string(fail_on < 0 ? "never" : nv_severity_name(fail_on)),
                ok);
    nv_json_put(inv, "path", json_string(netvet_inventory_path(b->view.inv, 0)),
                ok);
    nv_json_put(inv, "elements",
                json_integer((json_int_t)netvet_inventory_elements(b->view.inv)),
                ok);
    nv_json_put(inv, "links",
                json_integer((json_int_t)netvet_inventory_links(b->view.inv)),
                ok);
    nv_json_put(inv, "vendors_from",
                json_string(!b->attributed ? "declared"
                            : b->riskier   ? "riskier"
                                           : "evidence"),
                ok);
    nv_json_put(doc, "inventory", inv, ok);
    nv_json_put(doc, "baseline", nv_json_verdict(b, fail_on, ok), ok);
    return doc;
}

int nv_json_dump(FILE *out, json_t *doc, int ok, netvet_diag *diag)
{
    char *text = ok && doc ? json_dumps(doc, JSON_INDENT(2) |
                                                 JSON_PRESERVE_ORDER |
                                                 JSON_REAL_PRECISION(10))
                           : NULL;
    json_decref(doc);
    if (!text)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    fputs(text, out);
    fputc('\n', out);
    free(text);
    if (ferror(out))
        return nv_diag_fail(diag, NETVET_EIO, NULL, 0, 0,
                            "cannot write the report");
    return 0;
}

int nv_whatif_json(FILE *out, const nv_report_input *in,
                   const netvet_report_options *opts, netvet_diag *diag)
{
    const netvet_assessment *before = in->assessment;
    const netvet_whatif_case *cases = in->cases;
    size_t n_cases = in->n_cases;
    int ok = 1;
    json_t *doc = nv_json_header(before, NETVET_WHATIF_JSON_SCHEMA,
                                 opts->fail_on, &ok);
    if (ok && nv_report_json_scenario_inputs(doc, in) < 0)
        ok = 0;
    if (ok) /* with the scenario files, in its place */
        nv_json_put(doc, "provenance",
                    nv_report_json_provenance(before, in, &ok), &ok);
    json_t *arr = json_array();
    for (size_t i = 0; i < n_cases && ok; i++)
        nv_json_append(arr, one_case(before, &cases[i], opts->fail_on, &ok),
                       &ok);
    nv_json_put(doc, "scenarios", arr, &ok);
    return nv_json_dump(out, doc, ok, diag);
}
