/* SPDX-License-Identifier: Apache-2.0 */
/* The procurement check's answer as JSON (schema netvet-check/1): the
 * question as understood, allowed or not, every rule's measurement before
 * and after, and the findings the purchase adds or changes. */
#include "report/formats.h"
#include "report/report.h"
#include "report/whatif_report.h"
#include "whatif/check.h"

#define NV_CHECK_JSON_SCHEMA "netvet-check/1"

static json_t *question_json(const netvet_check *c, int *ok)
{
    const nv_view *v = &c->before->view;
    json_t *q = json_object();
    nv_json_put(q, "vendor", json_string(c->vendor_text), ok);
    nv_json_put(q, "vendor_id",
                json_string(netvet_registry_vendor(v->reg,
                                                   (size_t)c->vendor)->id), ok);
    nv_json_put(q, "domain",
                json_string(nv_domain_label(c->before,
                                            v->vendor_domain[c->vendor])), ok);
    nv_json_put(q, "function",
                json_string(netvet_function_name(c->function)), ok);
    nv_json_put(q, "site", c->site ? json_string(c->site) : json_null(), ok);
    nv_json_put(q, "region", c->region ? json_string(c->region) : json_null(),
                ok);
    nv_json_put(q, "count", json_integer((json_int_t)c->count), ok);
    nv_json_put(q, "weight_each", json_real(c->weight), ok);
    nv_json_put(q, "weight_basis", json_string(c->weight_basis), ok);
    return q;
}

int nv_check_json(FILE *out, const nv_report_input *in,
                  const netvet_report_options *opts, netvet_diag *diag)
{
    const netvet_check *c = in->check;
    const nv_compare *cmp = in->compare;
    int ok = 1;
    json_t *doc = nv_json_header(c->before, NV_CHECK_JSON_SCHEMA, c->fail_on,
                                 &ok);
    nv_json_put(doc, "question", question_json(c, &ok), &ok);
    nv_json_put(doc, "allowed", json_boolean(c->allowed), &ok);
    nv_json_put(doc, "after", nv_json_verdict(c->after, c->fail_on, &ok), &ok);
    nv_json_put(doc, "results", nv_json_rule_pairs(c->after, cmp, &ok), &ok);
    nv_json_put(doc, "findings_added",
                nv_json_findings(c->after, cmp, 0, &ok), &ok);
    nv_json_put(doc, "findings_changed",
                nv_json_findings(c->after, cmp, 2, &ok), &ok);
    return nv_json_dump(out, doc, ok, diag);
}
