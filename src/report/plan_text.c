/* SPDX-License-Identifier: Apache-2.0 */
/* The plan text report: targets before, how replacements and costs were
 * chosen, each step with its cost and the targets' cumulative state after
 * it, the total, and the re-assessment of the planned network from
 * scratch. (JSON: plan_json.c.) */
#include <string.h>

#include "policy/policy.h"
#include "report/formats.h"
#include "report/report.h"
#include "report/whatif_report.h"
#include "util/diag.h"
#include "whatif/plan.h"

const char *nv_plan_rule_id(const netvet_plan *p, size_t t)
{
    return p->policy->rules[p->targets[t].rule].id;
}

int nv_plan_is_forbid(const netvet_plan *p, size_t t)
{
    return p->targets[t].ban;
}

const char *nv_plan_vendor_id(const netvet_plan *p, int32_t v)
{
    return v < 0 ? "none" : netvet_registry_vendor(p->before->view.reg,
                                                   (size_t)v)->id;
}

static void state_text(FILE *out, const netvet_plan *p, size_t t, double c,
                       double w)
{
    if (nv_plan_is_forbid(p, t))
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
        fprintf(out, "\nReplacement: %s for every element (as asked)\n",
                nv_plan_vendor_id(p, p->fixed_with));
    else {
        fprintf(out, "\nReplacement: per function, the largest vendor no "
                     "target caps:");
        for (int f = 0, first = 1; f < NETVET_FN_COUNT; f++)
            if (p->with_fn[f] >= 0 && p->before->shares.group[f].count) {
                fprintf(out, "%s %s -> %s", first ? "" : ";",
                        netvet_function_name(f),
                        nv_plan_vendor_id(p, p->with_fn[f]));
                first = 0;
            }
        fputc('\n', out);
    }
    if (!p->cost_file)
        fprintf(out, "Cost: 1 per element (no cost file given)\n");
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
    fprintf(out, "  %5zu  ", s + 1);
    nv_text_cell(out, what, 16); /* an inventory string: escaped */
    fprintf(out, " %-11s %-9s -> %-9s %3u %10g %12g ",
            netvet_function_name(inv->function[k]),
            nv_plan_vendor_id(p, p->before->view.vendor[k]),
            nv_plan_vendor_id(p, p->new_vendor[st->first]), st->n, st->cost,
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
        fprintf(out, "  %s", nv_plan_rule_id(p, t));
    fputc('\n', out);
    for (size_t s = 0; s < p->n_steps; s++)
        step_line(out, p, s);
}

/* @return NETVET_ENOMEM when the rules cannot be compared. */
static int outcome(FILE *out, const netvet_plan *p, int fail_on, int details)
{
    fprintf(out, "\nTargets %s by the plan (incremental measurement)\n",
            p->reached ? "reached" : "NOT reached: no replacement left "
                                     "removes more violation");
    fprintf(out, "\nRe-assessment of the planned network from scratch: "
                 "targets %s\n", p->passes ? "PASS" : "FAIL");
    nv_text_verdict(out, "  Verdict: ", nv_verdict_of(p->before, fail_on));
    nv_text_verdict(out, " -> ", nv_verdict_of(p->after, fail_on));
    fputc('\n', out);
    nv_report_text_incomplete(out, p->after, "    ");
    fprintf(out, "  Rules that changed\n");
    nv_compare cmp;
    if (nv_compare_build(&cmp, p->before, p->after) < 0)
        return NETVET_ENOMEM;
    nv_text_rule_pairs(out, p->before, &cmp, 1);
    nv_compare_dispose(&cmp);
    if (details)
        nv_text_exposure(out, p->before, p->after);
    return 0;
}

int nv_plan_text(FILE *out, const nv_report_input *in,
                 const netvet_report_options *opts, netvet_diag *diag)
{
    const netvet_plan *p = in->plan;
    int fail_on = opts->fail_on;
    nv_whatif_text_title(out, p->before, "plan");
    fprintf(out, "Plan: %zu step%s, targets %s; re-assessed from scratch, "
                 "targets %s\n",
            p->n_steps, p->n_steps == 1 ? "" : "s",
            p->reached ? "reached" : "NOT reached",
            p->passes ? "PASS" : "FAIL");
    nv_text_verdict(out, "Verdict: ", nv_verdict_of(p->before, fail_on));
    nv_text_verdict(out, " -> ", nv_verdict_of(p->after, fail_on));
    fputc('\n', out);
    nv_text_failing(out, p->after, "  ");
    nv_report_text_incomplete(out, p->after, "  ");
    nv_report_text_inputs(out, p->before, in);
    nv_whatif_text_header(out, p->before, fail_on);
    targets_before(out, p);
    method(out, p);
    steps(out, p);
    if (outcome(out, p, fail_on, opts->details) < 0)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    nv_report_text_provenance(out, p->before, in);
    nv_text_details_hint(out, opts, "dependent weight before and after");
    return 0;
}
