/* SPDX-License-Identifier: Apache-2.0 */
/* The terminal report, verdict first: the verdict with each failing
 * rule's margin and what to do next (verdict_text.c), what was read,
 * every rule's measurement, the findings with the elements involved;
 * with details the packs' assumptions, share tables per function and the
 * topology sections. */
#include <math.h>
#include <string.h>

#include "policy/policy.h"
#include "report/formats.h"
#include "report/report.h"
#include "util/alloc.h"
#include "util/diag.h"

static void load_line(FILE *out, const netvet_inventory *inv, int which)
{
    netvet_load_stats s = netvet_inventory_stats(inv, which);
    const char *path = netvet_inventory_path(inv, which);
    if (!*path) {
        fprintf(out, "  %-9s none\n", which ? "links:" : "elements:");
        return;
    }
    fprintf(out, "  %-9s ", which ? "links:" : "elements:");
    nv_text_safe(out, path);
    fprintf(out, ": %llu rows read, %llu loaded, %llu skipped\n",
            (unsigned long long)s.rows_read, (unsigned long long)s.rows_loaded,
            (unsigned long long)s.rows_skipped);
}

/* Each pack with its rules and the assumptions it states. */
static void policy(FILE *out, const netvet_policy *p, int details)
{
    fprintf(out, "\nPolicy\n");
    if (!p || p->n_packs == 0) {
        fprintf(out, "  none\n");
        return;
    }
    for (size_t i = 0; i < p->n_packs; i++) {
        const nv_pack *pk = &p->packs[i];
        fprintf(out, "  %s: ", pk->id);
        nv_text_safe(out, pk->title);
        fputs("\n    rules:", out);
        for (size_t r = 0; r < p->n_rules; r++)
            if (p->rules[r].pack == i)
                fprintf(out, " %s", p->rules[r].id);
        fputc('\n', out);
        if (!details && pk->assumptions.n)
            fprintf(out, "    assumes: %zu statement%s (in the details)\n",
                    pk->assumptions.n, pk->assumptions.n == 1 ? "" : "s");
        for (size_t k = 0; details && k < pk->assumptions.n; k++) {
            fputs("    assumes: ", out);
            nv_text_safe(out, pk->assumptions.items[k]);
            fputc('\n', out);
        }
    }
}

static void summary(FILE *out, const netvet_assessment *a, int details)
{
    const nv_view *v = &a->view;
    char date[11];
    nv_report_as_of(a, date);
    fprintf(out, "\nInventory\n");
    load_line(out, v->inv, 0);
    load_line(out, v->inv, 1);
    fprintf(out, "  counted:  %zu elements (%zu not in service on %s), "
                 "total weight %.0f\n",
            v->n_counted, v->n - v->n_counted, date, v->total_weight);
    fprintf(out, "  unknown:  %zu element%s whose vendor did not resolve\n",
            a->n_unknown_elements, a->n_unknown_elements == 1 ? "" : "s");
    if (a->attributed)
        fprintf(out, "  vendors:  attributed from evidence and declared names%s; "
                     "%zu element%s differ from the declared name alone\n",
                a->riskier ? ", the riskier reading where they disagree" : "",
                a->n_attributed, a->n_attributed == 1 ? "" : "s");
    else
        fprintf(out, "  vendors:  declared names\n");
    policy(out, a->policy, details);
}

static void result_value(FILE *out, const nv_rule_result *r)
{
    if (strstr(r->measure, "share"))
        fprintf(out, "%.2f%% (cap %.2f%%)", 100 * r->value, 100 * r->limit);
    else
        fprintf(out, "%.0f in scope (max %.0f)", r->value, r->limit);
}

/* Every rule's measurement against its threshold, passing or not. */
static void results(FILE *out, const netvet_assessment *a)
{
    if (!a->policy || a->results.n == 0)
        return;
    fprintf(out, "\nRules\n");
    int width = nv_text_rule_width(a, 20);
    for (size_t i = 0; i < a->results.n; i++) {
        const nv_rule_result *r = &a->results.items[i];
        const char *id = netvet_policy_rule(a->policy, r->rule).id;
        fprintf(out, "  %-14s ", nv_result_status_name(r->status));
        nv_text_cell(out, id, width);
        if (r->status == NV_RESULT_NOT_IN_EFFECT) {
            const nv_rule *ru = &a->policy->rules[r->rule];
            if (a->view.as_of > ru->until) /* no longer in force */
                fprintf(out, " until %s\n", ru->until_text);
            else
                fprintf(out, " from %s\n", ru->effective_text);
            continue;
        }
        fputc(' ', out);
        nv_text_safe(out, r->subject);
        fprintf(out, "%s%s ", *r->subject ? " " : "", r->measure);
        if (r->status == NV_RESULT_NOT_APPLICABLE)
            fprintf(out, "n/a (%s)\n",
                    r->reason ? r->reason
                    : strcmp(r->measure, "weight-share") ? "nothing in scope"
                                                         : "no weight in scope");
        else if (r->status == NV_RESULT_UNDETERMINED)
            fprintf(out, "%.0f of an unknown vendor\n", r->value);
        else {
            result_value(out, r);
            fputc('\n', out);
        }
    }
}

/* @return 0 or NETVET_ENOMEM (the id order could not be built: a list in
 * another order would make the report depend on the rows' order). */
static int finding_elements(FILE *out, const netvet_assessment *a,
                            const nv_finding *f, size_t max)
{
    const netvet_inventory *inv = a->view.inv;
    if (f->n_elements == 0)
        return 0;
    uint32_t *copy;
    const uint32_t *el; /* in id order: the ones shown never depend on the
                         * order of the rows */
    if (nv_report_id_order(inv, f->elements, f->n_elements, &copy, &el) < 0)
        return NETVET_ENOMEM;
    fprintf(out, "    elements (%zu):", f->n_elements);
    size_t shown = f->n_elements < max ? f->n_elements : max;
    for (size_t i = 0; i < shown; i++) {
        uint32_t k = el[i];
        fputs(i ? ", " : " ", out);
        nv_text_safe(out, nv_inv_id(inv, k));
        fprintf(out, " (line %u)", inv->line[k]);
    }
    if (shown < f->n_elements)
        fprintf(out, ", ... and %zu more", f->n_elements - shown);
    fputc('\n', out);
    nv_free(copy);
    return 0;
}

static int findings(FILE *out, const netvet_assessment *a, size_t max)
{
    fprintf(out, "\nFindings\n");
    if (a->findings.n == 0)
        fprintf(out, "  none\n");
    for (size_t i = 0; i < a->findings.n; i++) {
        const nv_finding *f = &a->findings.items[i];
        fprintf(out, "  %-7s %s [%s] ", nv_severity_name(f->severity),
                f->rule_id, f->pack);
        nv_text_safe(out, f->title);
        fprintf(out, "%s\n    ", nv_text_waived_mark(f));
        nv_text_safe(out, f->message);
        fputs("\n    source: ", out);
        nv_text_safe(out, f->source);
        fputc('\n', out);
        nv_text_waiver(out, "    ", f);
        if (finding_elements(out, a, f, max) < 0)
            return NETVET_ENOMEM;
    }
    return 0;
}

static double pct(double part, double whole)
{
    return whole > 0 ? 100.0 * part / whole : 0.0;
}

static void share_rows(FILE *out, const netvet_assessment *a,
                       const nv_group_shares *g, int domains)
{
    const nv_share_row *rows = domains ? g->domains : g->vendors;
    size_t n = domains ? g->n_domains : g->n_vendors;
    for (size_t i = 0; i < n; i++) {
        const char *label = domains ? nv_domain_label(a, rows[i].key)
                                    : nv_vendor_label(a, rows[i].key);
        fprintf(out, "    %-3s %-22s %9llu %6.1f%%", domains ? "dom" : "",
                label, (unsigned long long)rows[i].count,
                pct((double)rows[i].count, (double)g->count));
        if (g->weight > 0)
            fprintf(out, " %12.0f %6.1f%%", rows[i].weight,
                    pct(rows[i].weight, g->weight));
        fputc('\n', out);
    }
}

static void shares(FILE *out, const netvet_assessment *a)
{
    fprintf(out, "\nShares by function (vendor, then risk domain by "
                 "jurisdiction)\n");
    fprintf(out, "    %-26s %9s %7s %12s %7s\n", "", "elements", "share",
            "weight", "share");
    for (int fn = 0; fn <= NETVET_FN_COUNT; fn++) {
        const nv_group_shares *g = &a->shares.group[fn];
        if (g->count == 0)
            continue;
        const char *name = fn == NETVET_FN_COUNT ? "whole network"
                                                 : netvet_function_name(fn);
        fprintf(out, "  %s: %llu elements, weight %.0f; largest vendor "
                     "%.1f%%, HHI %.3f (count)",
                name, (unsigned long long)g->count, g->weight,
                100 * g->top_count, g->hhi_count);
        if (g->weight > 0)
            fprintf(out, ", %.1f%%, HHI %.3f (weight)", 100 * g->top_weight,
                    g->hhi_weight);
        fputc('\n', out);
        share_rows(out, a, g, 0);
        share_rows(out, a, g, 1);
        if (g->domains_overlap)
            fprintf(out, "    (%s)\n", nv_domains_overlap_note);
    }
}

int nv_assess_text(FILE *out, const nv_report_input *in,
                   const netvet_report_options *opts, netvet_diag *diag)
{
    const netvet_assessment *a = in->assessment;
    char date[11];
    nv_report_as_of(a, date);
    fprintf(out, "netvet assessment as of %s\n", date);
    nv_text_verdict_block(out, a, opts->fail_on);
    nv_text_next_steps(out, a, opts->fail_on);
    nv_report_text_inputs(out, a, in);
    summary(out, a, opts->details);
    results(out, a);
    if (findings(out, a, opts->max_elements) < 0)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    if (opts->details) {
        shares(out, a);
        nv_report_text_topology(out, a);
    }
    nv_report_text_provenance(out, a, in);
    if (!opts->details) {
        nv_text_details_hint(out, opts, "assumptions, shares by function, "
                                        "exposure and single points of "
                                        "failure");
    }
    return ferror(out) ? NETVET_EIO : 0;
}
