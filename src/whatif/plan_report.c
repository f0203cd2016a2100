/* The plan report: targets before, how replacements and costs were chosen,
 * each step with its cost and the targets' cumulative state after it, the
 * total, and the re-assessment of the planned network from scratch. Text
 * or JSON (netvet-plan/1). */
#include <string.h>

#include "policy/policy.h"
#include "report/report.h"
#include "util/diag.h"
#include "whatif/plan.h"
#include "whatif/whatif_report.h"

#define NV_PLAN_JSON_SCHEMA "netvet-plan/1"

static const char *rule_id(const netvet_plan *p, size_t t)
{
    return p->policy->rules[p->targets[t].rule].id;
}

static int is_forbid(const netvet_plan *p, size_t t)
{
    return p->targets[t].ban;
}

static const char *vendor_id(const netvet_plan *p, int32_t v)
{
    return v < 0 ? "none" : netvet_registry_vendor(p->before->view.reg,
                                                   (size_t)v)->id;
}

static void state_text(FILE *out, const netvet_plan *p, size_t t, double c,
                       double w)
{
    if (is_forbid(p, t))
        fprintf(out, "%.0f left", c);
    else
        fprintf(out, "%.2f%% / %.2f%%", 100 * c, 100 * w);
}

static void targets_before(FILE *out, const netvet_plan *p)
{
    fprintf(out, "\nTargets (measured on the network as it is)\n");
    for (size_t t = 0; t < p->n_targets; t++) {
        const nv_rule *r = &p->policy->rules[p->targets[t].rule];
        fprintf(out, "  %-20s %s, %s:", r->id,
                netvet_rule_kind_name(r->kind),
                !p->targets[t].in_effect      ? "not in effect yet"
                : p->targets[t].violation0 > 0 ? "failing"
                                               : "passing already");
        for (size_t i = 0; i < p->before->results.n; i++) {
            const nv_rule_result *res = &p->before->results.items[i];
            if (res->rule != p->targets[t].rule ||
                res->status == NV_RESULT_NOT_IN_EFFECT)
                continue;
            fprintf(out, " %s%s%s ", res->subject, *res->subject ? " " : "",
                    res->measure);
            nv_text_value(out, res, 0);
        }
        if (nv_rule_kind(r->kind)->plan == NV_PLAN_SHARE)
            fprintf(out, " (cap %.2f%%)", 100 * r->max);
        fputc('\n', out);
    }
}

static void method(FILE *out, const netvet_plan *p)
{
    if (p->fixed_with >= 0)
        fprintf(out, "\nReplacement: %s for every element (--replace-with)\n",
                vendor_id(p, p->fixed_with));
    else {
        fprintf(out, "\nReplacement: per function, the largest vendor no "
                     "target caps:");
        for (int f = 0, first = 1; f < NETVET_FN_COUNT; f++)
            if (p->with_fn[f] >= 0 && p->before->shares.group[f].count) {
                fprintf(out, "%s %s -> %s", first ? "" : ";",
                        netvet_function_name(f), vendor_id(p, p->with_fn[f]));
                first = 0;
            }
        fputc('\n', out);
    }
    if (!p->cost_file)
        fprintf(out, "Cost: 1 per element (no --cost file)\n");
    else {
        fprintf(out, "Cost (from %s):", p->cost_file);
        for (int f = 0; f < NETVET_FN_COUNT; f++)
            if (p->costs.listed & (1u << f))
                fprintf(out, " %s %g;", netvet_function_name(f), p->costs.fn[f]);
        fprintf(out, " other functions %g\n", p->costs.fallback);
    }
    fprintf(out, "Method: greedy, by violation removed per unit of cost, "
                 "%s at a time; not optimal\n",
            p->unit == NETVET_PLAN_BY_SITE ? "one site" : "one element");
}

static void step_line(FILE *out, const netvet_plan *p, size_t s)
{
    const nv_plan_step *st = &p->steps[s];
    const netvet_inventory *inv = p->before->view.inv;
    uint32_t k = p->elements[st->first];
    const char *what = p->unit == NETVET_PLAN_BY_SITE
                           ? nv_inv_str(inv, inv->site[k])
                           : nv_inv_id(inv, k);
    fprintf(out, "  %5zu  %-16s %-11s %-9s -> %-9s %3u %10g %12g ", s + 1,
            what, netvet_function_name(inv->function[k]),
            vendor_id(p, p->before->view.vendor[k]),
            vendor_id(p, p->new_vendor[st->first]), st->n, st->cost,
            st->cumulative);
    for (size_t t = 0; t < p->n_targets; t++) {
        const double *tr = &p->trail[(s * p->n_targets + t) * 2];
        fprintf(out, "  ");
        state_text(out, p, t, tr[0], tr[1]);
    }
    fputc('\n', out);
}

static void steps(FILE *out, const netvet_plan *p)
{
    fprintf(out, "\nPlan: %zu step%s, %zu element%s, total cost %g\n",
            p->n_steps, p->n_steps == 1 ? "" : "s", p->n_elements,
            p->n_elements == 1 ? "" : "s", p->total_cost);
    if (!p->n_steps)
        return;
    fprintf(out, "  %5s  %-16s %-11s %-9s    %-9s %3s %10s %12s ", "step",
            p->unit == NETVET_PLAN_BY_SITE ? "site" : "element", "function",
            "vendor", "new", "n", "cost", "cumulative");
    for (size_t t = 0; t < p->n_targets; t++)
        fprintf(out, "  %s", rule_id(p, t));
    fputc('\n', out);
    for (size_t s = 0; s < p->n_steps; s++)
        step_line(out, p, s);
}

static void outcome(FILE *out, const netvet_plan *p, int fail_on)
{
    fprintf(out, "\nTargets %s by the plan (incremental measurement)\n",
            p->reached ? "reached" : "NOT reached: no replacement left "
                                     "removes more violation");
    fprintf(out, "\nRe-assessment of the planned network from scratch: "
                 "targets %s\n", p->passes ? "PASS" : "FAIL");
    nv_text_verdict(out, "  Verdict: ", nv_verdict_of(p->before, fail_on));
    nv_text_verdict(out, " -> ", nv_verdict_of(p->after, fail_on));
    fprintf(out, "\n  Rules that changed\n");
    nv_compare cmp;
    if (nv_compare_build(&cmp, p->before, p->after) == 0) {
        nv_text_rule_pairs(out, p->before, &cmp, 1);
        nv_compare_dispose(&cmp);
    }
    nv_text_exposure(out, p->before, p->after);
}

static int write_text(FILE *out, const netvet_plan *p, int fail_on)
{
    nv_whatif_text_header(out, p->before, "plan", fail_on);
    targets_before(out, p);
    method(out, p);
    steps(out, p);
    outcome(out, p, fail_on);
    return 0;
}

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
                        json_string(vendor_id(p, p->before->view.vendor[k])),
                        ok);
            nv_json_put(e, "replace_with",
                        json_string(vendor_id(p, p->new_vendor[i])), ok);
        }
        for (size_t t = 0; t < p->n_targets; t++) {
            const double *tr = &p->trail[(s * p->n_targets + t) * 2];
            json_t *v = json_object();
            if (is_forbid(p, t))
                nv_json_put(v, "elements_left", json_real(tr[0]), ok);
            else {
                nv_json_put(v, "count_share", json_real(tr[0]), ok);
                nv_json_put(v, "weight_share", json_real(tr[1]), ok);
            }
            nv_json_put(tg, rule_id(p, t), v, ok);
        }
        nv_json_put(o, "step", json_integer((json_int_t)(s + 1)), ok);
        nv_json_put(o, "elements", els, ok);
        nv_json_put(o, "cost", json_real(st->cost), ok);
        nv_json_put(o, "cumulative_cost", json_real(st->cumulative), ok);
        nv_json_put(o, "targets", tg, ok);
    }
    return arr;
}

static int write_json(FILE *out, const netvet_plan *p, int fail_on,
                      netvet_diag *diag)
{
    int ok = 1;
    json_t *doc = nv_json_header(p->before, NV_PLAN_JSON_SCHEMA, fail_on, &ok);
    json_t *tg = json_array();
    for (size_t t = 0; t < p->n_targets; t++)
        nv_json_append(tg, json_string(rule_id(p, t)), &ok);
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

int netvet_plan_write(FILE *out, const netvet_plan *p,
                      const netvet_report_options *opts, netvet_diag *diag)
{
    static const netvet_report_options defaults = NETVET_REPORT_OPTIONS_INIT;
    if (!out || !p)
        return NETVET_EINVAL;
    if (!opts)
        opts = &defaults;
    int rc = opts->format == NETVET_FORMAT_JSON
                 ? write_json(out, p, opts->fail_on, diag)
                 : write_text(out, p, opts->fail_on);
    if (rc == 0 && ferror(out))
        rc = nv_diag_fail(diag, NETVET_EIO, NULL, 0, 0,
                          "cannot write the report");
    return rc;
}
