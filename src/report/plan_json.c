/* SPDX-License-Identifier: Apache-2.0 */
/* The plan as JSON (schema netvet-plan/1): targets, each step with the
 * elements it replaces and the targets' state after it, the total, and
 * the re-assessment of the planned network. */
#include "report/formats.h"
#include "report/report.h"
#include "report/whatif_report.h"
#include "whatif/plan.h"

#define NV_PLAN_JSON_SCHEMA "netvet-plan/1"

static json_t *steps_json(const netvet_plan *p, int *ok)
{
    const netvet_inventory *inv = p->before->view.inv;
    json_t *arr = json_array();
    for (size_t s = 0; s < p->n_steps && *ok; s++) {
        const nv_plan_step *st = &p->steps[s];
        json_t *o = json_object(), *els = json_array(), *tg = json_object();
        nv_json_append(arr, o, ok);
        for (uint32_t i = st->first; i < st->first + st->n; i++) {
            uint32_t k = p->elements[i];
            json_t *e = json_object();
            nv_json_append(els, e, ok);
            nv_json_put(e, "id", json_string(nv_inv_id(inv, k)), ok);
            nv_json_put(e, "function",
                        json_string(netvet_function_name(inv->function[k])), ok);
            nv_json_put(e, "site", json_string(inv->site ? nv_inv_str(inv,
                                                   inv->site[k]) : ""), ok);
            nv_json_put(e, "vendor",
                        json_string(nv_plan_vendor_id(p, p->before->view.vendor[k])),
                        ok);
            nv_json_put(e, "replace_with",
                        json_string(nv_plan_vendor_id(p, p->new_vendor[i])), ok);
        }
        for (size_t t = 0; t < p->n_targets; t++) {
            const double *tr = &p->trail[(s * p->n_targets + t) * 2];
            json_t *v = json_object();
            if (nv_plan_is_forbid(p, t))
                nv_json_put(v, "elements_left", json_real(tr[0]), ok);
            else {
                nv_json_put(v, "count_share", json_real(tr[0]), ok);
                nv_json_put(v, "weight_share", json_real(tr[1]), ok);
            }
            nv_json_put(tg, nv_plan_rule_id(p, t), v, ok);
        }
        nv_json_put(o, "step", json_integer((json_int_t)(s + 1)), ok);
        nv_json_put(o, "elements", els, ok);
        nv_json_put(o, "cost", json_real(st->cost), ok);
        nv_json_put(o, "cumulative_cost", json_real(st->cumulative), ok);
        nv_json_put(o, "targets", tg, ok);
    }
    return arr;
}

int nv_plan_json(FILE *out, const nv_report_input *in,
                 const netvet_report_options *opts, netvet_diag *diag)
{
    const netvet_plan *p = in->plan;
    int fail_on = opts->fail_on;
    int ok = 1;
    json_t *doc = nv_json_header(p->before, NV_PLAN_JSON_SCHEMA, fail_on, &ok);
    json_t *tg = json_array();
    for (size_t t = 0; t < p->n_targets; t++)
        nv_json_append(tg, json_string(nv_plan_rule_id(p, t)), &ok);
    nv_json_put(doc, "targets", tg, &ok);
    nv_json_put(doc, "unit", json_string(p->unit == NETVET_PLAN_BY_SITE
                                             ? "site" : "element"), &ok);
    nv_json_put(doc, "steps", steps_json(p, &ok), &ok);
    nv_json_put(doc, "elements_replaced",
                json_integer((json_int_t)p->n_elements), &ok);
    nv_json_put(doc, "total_cost", json_real(p->total_cost), &ok);
    nv_json_put(doc, "reached", json_boolean(p->reached), &ok);
    nv_json_put(doc, "targets_pass_after", json_boolean(p->passes), &ok);
    nv_json_put(doc, "after", nv_json_verdict(p->after, fail_on, &ok), &ok);
    nv_compare cmp;
    if (nv_compare_build(&cmp, p->before, p->after) < 0)
        ok = 0;
    else {
        nv_json_put(doc, "results", nv_json_rule_pairs(p->after, &cmp, &ok),
                    &ok);
        nv_json_put(doc, "dependent_weight",
                    nv_json_exposure(p->before, p->after, &ok), &ok);
        nv_compare_dispose(&cmp);
    }
    return nv_json_dump(out, doc, ok, diag);
}
