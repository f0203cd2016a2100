/* SPDX-License-Identifier: Apache-2.0 */
/* The HTML reports that compare two assessments (rows of
 * NV_FORMAT_TABLE): what-if (the baseline, then per scenario the verdict
 * after it, each rule before and after against its cap, the findings
 * after), check (ALLOWED or NOT ALLOWED first, the question, the rules,
 * the findings the purchase adds or worsens) and plan (targets reached
 * or not, the steps, the verdict after). */
#include <string.h>

#include "report/formats.h"
#include "report/html.h"
#include "report/whatif_report.h"
#include "util/diag.h"
#include "whatif/check.h"
#include "whatif/plan.h"

static int measured(const nv_rule_result *r)
{
    return r && (r->status == NV_RESULT_PASS || r->status == NV_RESULT_FAIL);
}

static void value_cell(FILE *out, const nv_rule_result *r, int share)
{
    if (!measured(r))
        fprintf(out, "<td class=\"st-na\">%s</td>",
                r ? nv_result_status_name(r->status) : "&#8211;");
    else if (share)
        fprintf(out, "<td class=\"n\" data-v=\"%.6f\">%.2f%%</td>", r->value,
                100 * r->value);
    else
        fprintf(out, "<td class=\"n\" data-v=\"%.0f\">%.0f</td>", r->value,
                r->value);
}

static void pair_row(FILE *out, const netvet_assessment *a,
                     const nv_result_pair *p)
{
    const nv_rule_result *r = p->after ? p->after : p->before;
    int share = strstr(r->measure, "share") != NULL;
    fputs("<tr data-rule=\"", out);
    nv_html_text(out, netvet_policy_rule(a->policy, r->rule).id);
    fprintf(out, "\"><td class=\"%s\">%s</td><td>",
            p->after && p->after->status == NV_RESULT_FAIL ? "st-fail"
                                                           : "st-pass",
            p->after ? nv_result_status_name(p->after->status) : "gone");
    fputs("<span class=\"nowrap\">", out);
    nv_html_text(out, netvet_policy_rule(a->policy, r->rule).id);
    fputs("</span>", out);
    fputs("</td><td class=\"long\">", out);
    nv_html_text(out, r->subject);
    fputs(" ", out);
    nv_html_text(out, r->measure);
    fputs("</td>", out);
    value_cell(out, p->before, share);
    value_cell(out, p->after, share);
    if (share)
        fprintf(out, "<td class=\"n\">%.2f%%</td><td class=\"bar\">",
                100 * r->limit);
    else
        fprintf(out, "<td class=\"n\">%.0f</td><td class=\"bar\">",
                r->limit);
    if (measured(p->after)) {
        double top = share ? 1 : (r->limit > p->after->value ? r->limit
                                                             : p->after->value) * 1.25;
        if (top <= 0)
            top = 1;
        nv_html_bar(out, 100 * p->after->value / top, 100 * r->limit / top,
                    200, p->after->status == NV_RESULT_FAIL ? "bad" : "ok");
    }
    fputs("</td></tr>\n", out);
}

/* Every measurement before and after (only the changed ones if asked). */
static void rule_pairs(FILE *out, const netvet_assessment *a,
                       const nv_compare *c, int only_changed, const char *id)
{
    fprintf(out, "<table id=\"%s\" class=\"sortable\"><thead><tr>"
                 "<th>after</th><th>rule</th><th>subject, measure</th>"
                 "<th class=\"n\">before</th><th class=\"n\">after</th>"
                 "<th class=\"n\">cap</th><th>after, against the cap</th>"
                 "</tr></thead><tbody>\n", id);
    for (size_t i = 0; i < c->n_results; i++)
        if (!only_changed || nv_result_pair_changed(&c->results[i]))
            pair_row(out, a, &c->results[i]);
    fputs("</tbody></table>\n", out);
}

/* Dependent weight per risk domain before and after; the bar is the
 * share after, the mark the share before. Nothing when either side's
 * topology was not analysed. */
static void exposure_pairs(FILE *out, const netvet_assessment *b,
                           const netvet_assessment *a)
{
    double lb, tb, la, ta;
    if (!nv_domain_lost(b, 0, &lb, &tb) || !nv_domain_lost(a, 0, &la, &ta))
        return;
    fputs("<h3>Exposure per risk domain, before and after</h3>\n"
          "<table class=\"sortable\"><thead><tr><th>risk domain</th>"
          "<th class=\"n\">before</th><th class=\"n\">share</th>"
          "<th class=\"n\">after</th><th class=\"n\">share</th>"
          "<th class=\"n\">change</th><th>after (mark: before)</th>"
          "</tr></thead><tbody>\n", out);
    for (size_t d = 0; d < b->view.n_domains; d++) {
        nv_domain_lost(b, (int32_t)d, &lb, &tb);
        nv_domain_lost(a, (int32_t)d, &la, &ta);
        if (nv_exposure_find(&b->exposure, NV_GROUP_DOMAIN, (int32_t)d) < 0 &&
            nv_exposure_find(&a->exposure, NV_GROUP_DOMAIN, (int32_t)d) < 0)
            continue;
        double sb = nv_html_pct(lb, tb), sa = nv_html_pct(la, ta);
        fputs("<tr><td>", out);
        nv_html_text(out, nv_domain_label(b, (int32_t)d));
        fprintf(out, "</td><td class=\"n\" data-v=\"%.0f\">%.0f</td>"
                     "<td class=\"n\" data-v=\"%.4f\">%.2f%%</td>"
                     "<td class=\"n\" data-v=\"%.0f\">%.0f</td>"
                     "<td class=\"n\" data-v=\"%.4f\">%.2f%%</td>"
                     "<td class=\"n\" data-v=\"%.0f\">%+.0f</td>"
                     "<td class=\"bar\">",
                lb, lb, sb, sb, la, la, sa, sa, la - lb, la - lb);
        nv_html_bar(out, sa, sb, 150, sa > sb ? "bad" : "ok");
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n", out);
}

static int whatif_case(FILE *out, const netvet_assessment *b,
                       const netvet_whatif_case *wc,
                       const netvet_report_options *opts, size_t i)
{
    nv_compare cmp;
    if (nv_compare_build(&cmp, b, wc->after) < 0)
        return NETVET_ENOMEM;
    fprintf(out, "<h2 id=\"case-%zu\">Scenario ", i + 1);
    nv_html_text(out, netvet_scenario_name(wc->scenario));
    fputs("</h2>\n<p class=\"long\">", out);
    nv_html_text(out, netvet_scenario_description(wc->scenario));
    fputs("</p>\n", out);
    nv_html_verdict(out, wc->after, opts->fail_on, "After");
    fputs("<h3>Rules before and after</h3>\n", out);
    char id[32];
    snprintf(id, sizeof id, "rules-%zu", i + 1);
    rule_pairs(out, b, &cmp, 0, id);
    nv_compare_dispose(&cmp);
    exposure_pairs(out, b, wc->after);
    snprintf(id, sizeof id, "findings-%zu", i + 1);
    return nv_html_findings(out, wc->after, opts->max_elements, id);
}

int nv_whatif_html(FILE *out, const nv_report_input *in,
                   const netvet_report_options *opts, netvet_diag *diag)
{
    const netvet_assessment *b = in->assessment;
    char date[11];
    nv_report_as_of(b, date);
    nv_html_begin(out, "netvet what-if", date);
    nv_html_verdict(out, b, opts->fail_on, "Baseline");
    for (size_t i = 0; i < in->n_cases; i++)
        if (whatif_case(out, b, &in->cases[i], opts, i) < 0)
            return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0,
                                "out of memory");
    nv_html_inputs(out, b);
    nv_html_end(out);
    return 0;
}

static void check_question(FILE *out, const netvet_check *c)
{
    const nv_view *v = &c->before->view;
    const netvet_vendor *vd = netvet_registry_vendor(v->reg, (size_t)c->vendor);
    fprintf(out, "<h2>Question</h2>\n<p class=\"long\">Add %zu &#215; ",
            c->count);
    nv_html_text(out, c->vendor_text);
    fprintf(out, " %s", netvet_function_name(c->function));
    if (c->site) {
        fputs(" at site ", out);
        nv_html_text(out, c->site);
    }
    if (c->region) {
        fputs(" in region ", out);
        nv_html_text(out, c->region);
    }
    fprintf(out, ", weight %.0f each (", c->weight);
    nv_html_text(out, c->weight_basis);
    fputs(").<br/>The vendor resolves to ", out);
    nv_html_text(out, vd->id);
    fputs(" (", out);
    nv_html_text(out, vd->name);
    fputs("), risk domain ", out);
    nv_html_text(out, nv_dset_label(c->before, v->vendor_dset[c->vendor]));
    fputs(".</p>\n", out);
}

static void check_answer(FILE *out, const netvet_check *c,
                         const nv_compare *cmp)
{
    fprintf(out, "<section class=\"verdict v-%s\" id=\"verdict\" "
                 "data-verdict=\"%s\"><div>Answer: <span class=\"word\">%s"
                 "</span></div><ul>\n",
            c->allowed ? "pass" : "fail",
            c->allowed ? "ALLOWED" : "NOT ALLOWED",
            c->allowed ? "ALLOWED" : "NOT ALLOWED");
    for (size_t i = 0; i < cmp->n_findings; i++) {
        const nv_finding_pair *p = &cmp->findings[i];
        if (!nv_finding_pair_worse(p) || (int)p->after->severity < c->fail_on)
            continue;
        fputs("<li class=\"long\"><b>", out);
        nv_html_text(out, p->after->rule_id);
        fprintf(out, "</b> %s: ", p->before ? "gets worse" : "would fail");
        nv_html_text(out, p->after->message);
        fputs("</li>\n", out);
    }
    if (c->allowed)
        fprintf(out, "<li>no finding at or above %s is added or made "
                     "worse</li>\n",
                c->fail_on < 0 ? "any severity" : nv_severity_name(c->fail_on));
    for (size_t i = 0; i < c->n_later; i++) { /* the first later refusal */
        const nv_check_later *l = &c->later[i];
        if (!l->n_refused)
            continue;
        char day[11];
        nv_format_date(l->date, day);
        fprintf(out, "<li>%s %s: ",
                c->allowed ? "allowed until" : "also refused from", day);
        for (size_t j = 0; j < l->n_refused; j++) {
            fputs(j ? ", " : "", out);
            nv_html_text(out, l->refused_by[j]);
        }
        fputs(" (in force from that date)</li>\n", out);
        break;
    }
    fputs("</ul></section>\n", out);
}

/* Every later rule date and what it says of the purchase. */
static void check_later(FILE *out, const netvet_check *c)
{
    if (!c->n_later)
        return;
    fputs("<h2>Rules taking effect later</h2>\n<p>The purchase judged "
          "again on each date a rule starts.</p>\n<table><thead><tr>"
          "<th>date</th><th>refused by</th></tr></thead><tbody>\n", out);
    for (size_t i = 0; i < c->n_later; i++) {
        const nv_check_later *l = &c->later[i];
        char day[11];
        nv_format_date(l->date, day);
        fprintf(out, "<tr><td class=\"nowrap\">%s</td><td>%s", day,
                l->n_refused ? "" : "no new refusal");
        for (size_t j = 0; j < l->n_refused; j++) {
            fputs(j ? ", " : "", out);
            nv_html_text(out, l->refused_by[j]);
        }
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n", out);
}

int nv_check_html(FILE *out, const nv_report_input *in,
                  const netvet_report_options *opts, netvet_diag *diag)
{
    (void)diag;
    const netvet_check *c = in->check;
    char date[11];
    nv_report_as_of(c->before, date);
    nv_html_begin(out, "netvet procurement check", date);
    check_answer(out, c, in->compare);
    check_question(out, c);
    nv_html_verdict(out, c->after, opts->fail_on, "Verdict after the purchase");
    fputs("<h2>Rules before and after the purchase</h2>\n<p>Exposure rules "
          "are not measured here: the new elements have no links.</p>\n",
          out);
    rule_pairs(out, c->before, in->compare, 0, "rules");
    check_later(out, c);
    nv_html_inputs(out, c->before);
    nv_html_end(out);
    return 0;
}

static void plan_steps(FILE *out, const netvet_plan *p)
{
    const netvet_inventory *inv = p->before->view.inv;
    fprintf(out, "<h2>Plan: %zu step%s, %zu element%s, total cost %g</h2>\n",
            p->n_steps, p->n_steps == 1 ? "" : "s", p->n_elements,
            p->n_elements == 1 ? "" : "s", p->total_cost);
    if (!p->n_steps)
        return;
    fprintf(out, "<table id=\"steps\" class=\"sortable\"><thead><tr>"
                 "<th class=\"n\">step</th><th>%s</th><th>function</th>"
                 "<th>vendor</th><th>new vendor</th><th class=\"n\">elements"
                 "</th><th class=\"n\">cost</th><th class=\"n\">cumulative</th>"
                 "</tr></thead><tbody>\n",
            p->unit == NETVET_PLAN_BY_SITE ? "site" : "element");
    for (size_t s = 0; s < p->n_steps; s++) {
        const nv_plan_step *st = &p->steps[s];
        uint32_t k = p->elements[st->first];
        fprintf(out, "<tr><td class=\"n\" data-v=\"%zu\">%zu</td><td "
                     "class=\"long\">", s + 1, s + 1);
        nv_html_text(out, p->unit == NETVET_PLAN_BY_SITE
                              ? nv_inv_str(inv, inv->site[k])
                              : nv_inv_id(inv, k));
        fprintf(out, "</td><td>%s</td><td>",
                netvet_function_name(inv->function[k]));
        nv_html_text(out, nv_plan_vendor_id(p, p->before->view.vendor[k]));
        fputs("</td><td>", out);
        nv_html_text(out, nv_plan_vendor_id(p, p->new_vendor[st->first]));
        fprintf(out, "</td><td class=\"n\">%u</td><td class=\"n\" "
                     "data-v=\"%g\">%g</td><td class=\"n\" data-v=\"%g\">%g"
                     "</td></tr>\n",
                st->n, st->cost, st->cost, st->cumulative, st->cumulative);
    }
    fputs("</tbody></table>\n", out);
}

int nv_plan_html(FILE *out, const nv_report_input *in,
                 const netvet_report_options *opts, netvet_diag *diag)
{
    const netvet_plan *p = in->plan;
    char date[11];
    nv_report_as_of(p->before, date);
    nv_html_begin(out, "netvet replacement plan", date);
    fprintf(out, "<section class=\"verdict v-%s\" id=\"plan-verdict\" "
                 "data-verdict=\"%s\"><div>Targets after the plan: "
                 "<span class=\"word\">%s</span></div><div>%s; "
                 "re-assessed from scratch.</div></section>\n",
            p->passes ? "pass" : "fail", p->passes ? "PASS" : "FAIL",
            p->passes ? "PASS" : "FAIL",
            p->reached ? "the incremental model reached every target"
                       : "no replacement left removes more violation");
    nv_html_verdict(out, p->after, opts->fail_on, "Verdict after the plan");
    nv_html_verdict(out, p->before, opts->fail_on, "Verdict before");
    plan_steps(out, p);
    nv_compare cmp;
    if (nv_compare_build(&cmp, p->before, p->after) < 0)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    fputs("<h2>Rules that changed</h2>\n", out);
    rule_pairs(out, p->before, &cmp, 1, "rules");
    nv_compare_dispose(&cmp);
    exposure_pairs(out, p->before, p->after);
    nv_html_inputs(out, p->before);
    nv_html_end(out);
    return 0;
}
