/* SPDX-License-Identifier: Apache-2.0 */
/* The what-if text report: the baseline once, then for each scenario its
 * changes, the verdict before -> after, every rule measurement side by side,
 * findings added / resolved / changed, the share rows and dependent
 * weights that moved, and the top single points of failure of both. */
#include <string.h>

#include "policy/policy.h"
#include "report/formats.h"
#include "report/report.h"
#include "report/whatif_report.h"
#include "util/diag.h"

static double pct(double part, double whole)
{
    return whole > 0 ? 100.0 * part / whole : 0.0;
}

void nv_text_verdict(FILE *out, const char *label, nv_verdict v)
{
    fprintf(out, "%s%s (%zu error%s, %zu warning%s, %zu note%s", label,
            nv_verdict_upper(v.verdict), v.errors, v.errors == 1 ? "" : "s",
            v.warnings, v.warnings == 1 ? "" : "s", v.notes,
            v.notes == 1 ? "" : "s");
    if (v.waived)
        fprintf(out, "; %zu waived", v.waived);
    fputc(')', out);
}

void nv_text_value(FILE *out, const nv_rule_result *r, int width)
{
    if (!r) {
        fprintf(out, "%*s", width, "-");
        return;
    }
    if (r->status == NV_RESULT_NOT_IN_EFFECT ||
        r->status == NV_RESULT_NOT_APPLICABLE)
        fprintf(out, "%*s", width, "n/a");
    else if (strstr(r->measure, "share"))
        fprintf(out, "%*.2f%%", width - 1, 100 * r->value);
    else
        fprintf(out, "%*.0f", width, r->value);
}

static const char *status_of(const nv_rule_result *r)
{
    return r ? nv_result_status_name(r->status) : "-";
}

void nv_text_rule_pairs(FILE *out, const netvet_assessment *a,
                        const nv_compare *c, int only_changed)
{
    int width = nv_text_rule_width(a, 20);
    fprintf(out, "    %-*s %-22s %9s %9s  %-14s %s\n", width, "rule",
            "measure", "before", "after", "limit", "status");
    for (size_t i = 0; i < c->n_results; i++) {
        const nv_result_pair *p = &c->results[i];
        const nv_rule_result *r = p->after ? p->after : p->before;
        if (only_changed && !nv_result_pair_changed(p))
            continue;
        char measure[64], limit[32];
        snprintf(measure, sizeof(measure), "%s%s%s", r->subject,
                 *r->subject ? " " : "", r->measure);
        if (!*r->measure)
            limit[0] = '\0';
        else if (strstr(r->measure, "share"))
            snprintf(limit, sizeof(limit), "cap %.2f%%", 100 * r->limit);
        else
            snprintf(limit, sizeof(limit), "max %.0f", r->limit);
        fputs("    ", out);
        nv_text_cell(out, netvet_policy_rule(a->policy, r->rule).id, width);
        fputc(' ', out);
        nv_text_cell(out, measure, 22);
        fputc(' ', out);
        nv_text_value(out, p->before, 9);
        fputc(' ', out);
        nv_text_value(out, p->after, 9);
        fprintf(out, "  %-14s %s -> %s\n", limit, status_of(p->before),
                status_of(p->after));
    }
}

static void finding_list(FILE *out, const nv_compare *c, int which)
{
    static const char *const titles[] = {"added", "resolved", "changed"};
    size_t n = which == 0 ? c->added : which == 1 ? c->resolved : c->changed;
    fprintf(out, "\n  Findings %s (%zu)\n", titles[which], n);
    if (!n)
        fprintf(out, "    none\n");
    for (size_t i = 0; i < c->n_findings; i++) {
        const nv_finding_pair *p = &c->findings[i];
        int kind = nv_finding_pair_kind(p);
        if (kind != which)
            continue;
        const nv_finding *f = p->after ? p->after : p->before;
        fprintf(out, "    %-7s %s [%s] ", nv_severity_name(f->severity),
                f->rule_id, f->pack);
        nv_text_safe(out, f->title);
        fprintf(out, "%s\n", nv_text_waived_mark(f));
        if (kind == NV_PAIR_CHANGED) {
            fputs("      before: ", out);
            nv_text_safe(out, p->before->message);
            fputs("\n      after:  ", out);
            nv_text_safe(out, p->after->message);
        } else {
            fputs("      ", out);
            nv_text_safe(out, f->message);
        }
        fputc('\n', out);
        nv_text_waiver(out, "      ", f);
    }
}

/* Does any domain row of function group fn differ? */
static int group_changed(const netvet_assessment *b,
                         const netvet_assessment *a, int fn)
{
    const nv_group_shares *gb = &b->shares.group[fn], *ga = &a->shares.group[fn];
    if (gb->count != ga->count || gb->weight != ga->weight)
        return 1;
    for (size_t d = 0; d < b->view.n_domains; d++) {
        const nv_share_row *rb = nv_share_domain(gb, (int32_t)d);
        const nv_share_row *ra = nv_share_domain(ga, (int32_t)d);
        if (!rb != !ra || (rb && (rb->count != ra->count ||
                                  rb->weight != ra->weight)))
            return 1;
    }
    return 0;
}

static void share_group(FILE *out, const netvet_assessment *b,
                        const netvet_assessment *a, int fn)
{
    const nv_group_shares *gb = &b->shares.group[fn], *ga = &a->shares.group[fn];
    const char *name = fn == NETVET_FN_COUNT ? "whole network"
                                             : netvet_function_name(fn);
    fprintf(out, "    %s: %llu -> %llu elements, weight %.0f -> %.0f\n", name,
            (unsigned long long)gb->count, (unsigned long long)ga->count,
            gb->weight, ga->weight);
    for (size_t d = 0; d < b->view.n_domains; d++) {
        const nv_share_row *rb = nv_share_domain(gb, (int32_t)d);
        const nv_share_row *ra = nv_share_domain(ga, (int32_t)d);
        if (!rb && !ra)
            continue;
        uint64_t cb = rb ? rb->count : 0, ca = ra ? ra->count : 0;
        double wb = rb ? rb->weight : 0, wa = ra ? ra->weight : 0;
        fprintf(out, "      dom %-4s %7llu %6.1f%% -> %7llu %6.1f%%",
                nv_domain_label(b, (int32_t)d), (unsigned long long)cb,
                pct((double)cb, (double)gb->count), (unsigned long long)ca,
                pct((double)ca, (double)ga->count));
        if (gb->weight > 0 || ga->weight > 0)
            fprintf(out, "   weight %6.1f%% -> %6.1f%%", pct(wb, gb->weight),
                    pct(wa, ga->weight));
        fputc('\n', out);
    }
    if (gb->domains_overlap || ga->domains_overlap)
        fprintf(out, "      (%s)\n", nv_domains_overlap_note);
}

static void shares(FILE *out, const netvet_assessment *b,
                   const netvet_assessment *a)
{
    fprintf(out, "\n  Shares by function and risk domain (elements, count "
                 "share -> after; functions that changed)\n");
    int any = 0;
    for (int fn = 0; fn <= NETVET_FN_COUNT; fn++)
        if (group_changed(b, a, fn)) {
            share_group(out, b, a, fn);
            any = 1;
        }
    if (!any)
        fprintf(out, "    no change\n");
}

void nv_text_exposure(FILE *out, const netvet_assessment *b,
                      const netvet_assessment *a)
{
    double lb, tb, la, ta;
    if (!nv_domain_lost(b, 0, &lb, &tb) || !nv_domain_lost(a, 0, &la, &ta)) {
        fprintf(out, "\n  Dependent weight: not analysed (no links file, or "
                     "the topology was not analysed)\n");
        return;
    }
    fprintf(out, "\n  Dependent weight by risk domain (customer weight cut "
                 "off without the domain's equipment)\n");
    fprintf(out, "    %-6s %12s %8s %12s %8s %12s\n", "domain", "before",
            "share", "after", "share", "change");
    for (size_t d = 0; d < b->view.n_domains; d++) {
        nv_domain_lost(b, (int32_t)d, &lb, &tb);
        nv_domain_lost(a, (int32_t)d, &la, &ta);
        if (nv_exposure_find(&b->exposure, NV_GROUP_DOMAIN, (int32_t)d) < 0 &&
            nv_exposure_find(&a->exposure, NV_GROUP_DOMAIN, (int32_t)d) < 0)
            continue;
        fprintf(out, "    %-6s %12.0f %7.2f%% %12.0f %7.2f%% %+12.0f\n",
                nv_domain_label(b, (int32_t)d), lb, pct(lb, tb), la,
                pct(la, ta), la - lb);
    }
}

static void spof_cell(FILE *out, const netvet_assessment *a, size_t i)
{
    if (i >= a->n_top) {
        fprintf(out, "%-44s", "");
        return;
    }
    uint32_t k = a->top[i];
    const nv_view *v = &a->view;
    char cell[128];
    snprintf(cell, sizeof(cell), "%-14s %-9s %-3s %8.0f %5.2f%%",
             nv_inv_id(v->inv, k), nv_vendor_label(a, v->vendor[k]),
             v->dset[k] < 0 ? "?" : nv_dset_label(a, v->dset[k]),
             a->dom.impact[k], pct(a->dom.impact[k], a->exposure.sink_weight));
    nv_text_cell(out, cell, 44); /* the id is an inventory string */
}

static void spofs(FILE *out, const netvet_assessment *b,
                  const netvet_assessment *a)
{
    if (!b->has_topology || !a->has_topology)
        return;
    size_t n = b->n_top > a->n_top ? b->n_top : a->n_top;
    fprintf(out, "\n  Single points of failure (weight each alone cuts off)\n");
    fprintf(out, "    %-3s %-44s %s\n", "#", "before", "after");
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "    %-3zu ", i + 1);
        spof_cell(out, b, i);
        fputc(' ', out);
        spof_cell(out, a, i);
        fputc('\n', out);
    }
}

static void changes(FILE *out, const netvet_whatif_case *c)
{
    const netvet_overlay *ov = c->overlay;
    netvet_overlay_stats st = netvet_overlay_get_stats(ov);
    fprintf(out, "  changes:\n");
    for (size_t i = 0; i < netvet_overlay_log_count(ov); i++) {
        netvet_change_info ch = netvet_overlay_log(ov, i);
        fprintf(out, "    line %-4lu %-8s ", ch.line, ch.action);
        nv_text_safe(out, ch.summary);
        fprintf(out, " (%zu element%s", ch.elements,
                ch.elements == 1 ? "" : "s");
        if (ch.links)
            fprintf(out, ", %zu link%s", ch.links, ch.links == 1 ? "" : "s");
        fprintf(out, ")\n");
    }
    fprintf(out, "  elements changed %zu, added %zu, removed %zu; links "
                 "added %zu\n",
            st.changed, st.added, st.removed, st.links_added);
}

int nv_whatif_text_case(FILE *out, const netvet_assessment *b,
                        const netvet_whatif_case *c,
                        const netvet_report_options *opts)
{
    const netvet_assessment *a = c->after;
    nv_compare cmp;
    if (nv_compare_build(&cmp, b, a) < 0)
        return NETVET_ENOMEM;
    fputs("\nScenario ", out);
    nv_text_safe(out, netvet_scenario_name(c->scenario));
    fputs(" (", out);
    nv_text_safe(out, netvet_scenario_file(c->scenario));
    fputs(")\n", out);
    if (*netvet_scenario_description(c->scenario)) {
        fputs("  ", out);
        nv_text_safe(out, netvet_scenario_description(c->scenario));
        fputc('\n', out);
    }
    changes(out, c);
    fputc('\n', out);
    nv_text_verdict(out, "  Verdict: ", nv_verdict_of(b, opts->fail_on));
    nv_text_verdict(out, " -> ", nv_verdict_of(a, opts->fail_on));
    fputc('\n', out);
    nv_report_text_incomplete(out, a, "    ");
    fprintf(out, "\n  Rules\n");
    nv_text_rule_pairs(out, b, &cmp, 0);
    for (int which = 0; which < 3; which++)
        finding_list(out, &cmp, which);
    if (opts->details) {
        shares(out, b, a);
        nv_text_exposure(out, b, a);
        spofs(out, b, a);
    }
    nv_compare_dispose(&cmp);
    return 0;
}

void nv_whatif_text_title(FILE *out, const netvet_assessment *b,
                          const char *title)
{
    char date[11];
    nv_report_as_of(b, date);
    fprintf(out, "netvet %s as of %s\n", title, date);
}

void nv_whatif_text_header(FILE *out, const netvet_assessment *b, int fail_on)
{
    const netvet_inventory *inv = b->view.inv;
    fputs("\n  inventory: ", out);
    nv_text_safe(out, netvet_inventory_path(inv, 0));
    fprintf(out, " (%zu elements, %zu links; %zu counted, weight %.0f)\n",
            netvet_inventory_elements(inv),
            netvet_inventory_links(inv), b->view.n_counted,
            b->view.total_weight);
    fprintf(out, "  policy:   ");
    for (size_t i = 0; b->policy && i < b->policy->n_packs; i++)
        fprintf(out, "%s%s", i ? ", " : "", b->policy->packs[i].id);
    fprintf(out, "; vendors %s%s\n",
            b->attributed ? "attributed from evidence and declared names"
                          : "from declared names",
            b->attributed && b->riskier
                ? ", the riskier reading where they disagree"
                : "");
    nv_text_verdict(out, "  baseline: ", nv_verdict_of(b, fail_on));
    fputc('\n', out);
    nv_report_text_incomplete(out, b, "    ");
}

int nv_whatif_text(FILE *out, const nv_report_input *in,
                   const netvet_report_options *opts, netvet_diag *diag)
{
    const netvet_assessment *b = in->assessment;
    nv_whatif_text_title(out, b, "what-if");
    for (size_t i = 0; i < in->n_cases; i++) {
        const netvet_whatif_case *c = &in->cases[i];
        fputs("Verdict after ", out);
        nv_text_safe(out, netvet_scenario_name(c->scenario));
        nv_text_verdict(out, ": ", nv_verdict_of(c->after, opts->fail_on));
        nv_text_verdict(out, ", baseline ", nv_verdict_of(b, opts->fail_on));
        fputc('\n', out);
        nv_text_failing(out, c->after, "  ");
        nv_report_text_incomplete(out, c->after, "  ");
    }
    nv_report_text_inputs(out, b, in);
    nv_whatif_text_header(out, b, opts->fail_on);
    for (size_t i = 0; i < in->n_cases; i++)
        if (nv_whatif_text_case(out, b, &in->cases[i], opts) < 0)
            return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0,
                                "out of memory");
    nv_report_text_provenance(out, b, in);
    nv_text_details_hint(out, opts, "shares, dependent weight and single "
                                    "points of failure before and after");
    return 0;
}
