/* SPDX-License-Identifier: Apache-2.0 */
/* The procurement check's text answer: the question as understood, ALLOWED
 * or NOT ALLOWED with the rules that decide it, every rule's measurement
 * before -> after with the margin left under its limit, and the findings
 * the purchase would add or worsen. (JSON: check_json.c.) */
#include <string.h>

#include "report/formats.h"
#include "report/report.h"
#include "report/whatif_report.h"
#include "whatif/check.h"

static int is_share(const nv_rule_result *r)
{
    return strstr(r->measure, "share") != NULL;
}

static int measured(const nv_rule_result *r)
{
    return r && (r->status == NV_RESULT_PASS || r->status == NV_RESULT_FAIL);
}

/* "25.54%" or "2" */
static void value_text(char *buf, size_t size, const nv_rule_result *r,
                       double v)
{
    if (is_share(r))
        snprintf(buf, size, "%.2f%%", 100 * v);
    else
        snprintf(buf, size, "%.0f", v);
}

/* "pass", "fail", "n/a", "not yet" (fits the status column). */
static const char *short_status(const nv_rule_result *r)
{
    if (!r)
        return "-";
    switch (r->status) {
    case NV_RESULT_NOT_APPLICABLE: return "n/a";
    case NV_RESULT_NOT_IN_EFFECT: return "not yet";
    case NV_RESULT_UNDETERMINED: return "undet.";
    default: return nv_result_status_name(r->status);
    }
}

/* One rule, its id padded to `width` (the longest id's). */
static void rule_line(FILE *out, const netvet_assessment *a,
                      const nv_result_pair *p, int width)
{
    const nv_rule_result *r = p->after ? p->after : p->before;
    char st[64];
    snprintf(st, sizeof(st), "%s -> %s", short_status(p->before),
             short_status(p->after));
    fprintf(out, "  %-14s ", st);
    nv_text_cell(out, netvet_policy_rule(a->policy, r->rule).id, width);
    fputc(' ', out);
    if (!measured(p->before) && !measured(p->after)) {
        fprintf(out, "%s%s%s not measured\n", r->subject,
                *r->subject ? " " : "", *r->measure ? r->measure : "rule");
        return;
    }
    char b[32] = "-", af[32] = "-", lim[32];
    if (measured(p->before))
        value_text(b, sizeof(b), r, p->before->value);
    if (measured(p->after))
        value_text(af, sizeof(af), r, p->after->value);
    value_text(lim, sizeof(lim), r, r->limit);
    fprintf(out, "%s%s%s %s -> %s, %s %s", r->subject, *r->subject ? " " : "",
            r->measure, b, af, is_share(r) ? "cap" : "max", lim);
    if (measured(p->after)) {
        double left = r->limit - p->after->value;
        if (is_share(r))
            fprintf(out, left >= 0 ? ": %.2f points left" : ": over by %.2f "
                                                            "points",
                    100 * (left >= 0 ? left : -left));
        else
            fprintf(out, left >= 0 ? ": %.0f left" : ": over by %.0f",
                    left >= 0 ? left : -left);
    }
    fputc('\n', out);
}

static void question(FILE *out, const netvet_check *c)
{
    const nv_view *v = &c->before->view;
    const netvet_vendor *vd = netvet_registry_vendor(v->reg, (size_t)c->vendor);
    fprintf(out, "\nQuestion: add %zu x ", c->count);
    nv_text_safe(out, c->vendor_text);
    fprintf(out, " %s", netvet_function_name(c->function));
    if (c->site) {
        fputs(" at site ", out);
        nv_text_safe(out, c->site);
    }
    if (c->region) {
        fprintf(out, "%sregion ", c->site ? " (" : " in ");
        nv_text_safe(out, c->region);
        fputs(c->site ? ")" : "", out);
    }
    fprintf(out, ", weight %.0f each\n", c->weight);
    fprintf(out, "  weight: %s\n", c->weight_basis);
    fputs("  vendor: ", out);
    nv_text_safe(out, c->vendor_text);
    fprintf(out, " resolves to %s (%s), risk domain %s\n", vd->id, vd->name,
            nv_dset_label(c->before, v->vendor_dset[c->vendor]));
    fprintf(out, "  tags:   ");
    for (size_t i = 0; i < c->n_tags; i++) {
        fputs(i ? ", " : "", out);
        nv_text_safe(out, c->tags[i]);
    }
    fprintf(out, "%s", c->n_tags ? "" : "none");
    if (c->site)
        fprintf(out, " (%zu from the site's elements)", c->n_site_tags);
    char day[11], as_of[11];
    nv_format_date(c->installed, day);
    nv_format_date(c->as_of, as_of);
    fprintf(out, "\n  installed: %s", day);
    if (c->installed > c->as_of)
        fprintf(out, " (after the as-of date %s: judged on this date)",
                as_of);
    fputc('\n', out);
}

/* "  allowed until D: r1, r2" for the first later date that refuses an
 * allowed purchase. */
static void until_line(FILE *out, const netvet_check *c)
{
    for (size_t i = 0; i < c->n_later; i++) {
        const nv_check_later *l = &c->later[i];
        if (!l->n_refused)
            continue;
        char day[11];
        nv_format_date(l->date, day);
        fprintf(out, "  %s %s: ",
                c->allowed ? "allowed until" : "also refused from", day);
        for (size_t j = 0; j < l->n_refused; j++)
            fprintf(out, "%s%s", j ? ", " : "", l->refused_by[j]);
        fprintf(out, " (in force from that date)\n");
        return;
    }
}

/* Every later rule date and what it says, when there is any. */
static void later(FILE *out, const netvet_check *c)
{
    if (!c->n_later)
        return;
    char day[11];
    nv_format_date(c->before->view.as_of, day);
    fprintf(out, "\nRules taking effect after %s (the purchase judged again "
                 "on each date)\n", day);
    for (size_t i = 0; i < c->n_later; i++) {
        const nv_check_later *l = &c->later[i];
        nv_format_date(l->date, day);
        fprintf(out, "  %s  %s", day, l->n_refused ? "would refuse it: "
                                                   : "no new refusal");
        for (size_t j = 0; j < l->n_refused; j++)
            fprintf(out, "%s%s", j ? ", " : "", l->refused_by[j]);
        fputc('\n', out);
    }
}

/* Under the answer: the verdict after the purchase when it is
 * INCOMPLETE, with its reasons (an answer on what was not judged). */
static void incomplete(FILE *out, const netvet_check *c)
{
    if (netvet_assessment_verdict(c->after, c->fail_on) !=
        NETVET_VERDICT_INCOMPLETE)
        return;
    fprintf(out, "  Verdict after the purchase: INCOMPLETE\n");
    nv_report_text_incomplete(out, c->after, "    ");
}

static void answer(FILE *out, const netvet_check *c, const nv_compare *cmp)
{
    if (c->allowed) {
        fprintf(out, "Answer: ALLOWED: no finding at or above %s is added "
                     "or made worse\n",
                c->fail_on < 0 ? "any severity (no severity fails the gate)"
                               : nv_severity_name(c->fail_on));
        incomplete(out, c);
        until_line(out, c);
        return;
    }
    fprintf(out, "Answer: NOT ALLOWED:");
    for (size_t i = 0, first = 1; i < cmp->n_findings; i++) {
        const nv_finding_pair *p = &cmp->findings[i];
        if (!nv_finding_pair_worse(p) || (int)p->after->severity < c->fail_on)
            continue;
        fprintf(out, "%s %s (%s%s%s) %s", first ? "" : ";", p->after->rule_id,
                p->after->subject, *p->after->subject ? " " : "",
                p->after->measure, p->before ? "gets worse" : "would fail");
        first = 0;
    }
    fputc('\n', out);
    until_line(out, c);
}

static void worse_findings(FILE *out, const nv_compare *cmp)
{
    size_t n = 0;
    for (size_t i = 0; i < cmp->n_findings; i++)
        n += nv_finding_pair_worse(&cmp->findings[i]);
    fprintf(out, "\nFindings the purchase adds or makes worse (%zu)\n", n);
    if (!n)
        fprintf(out, "  none\n");
    for (size_t i = 0; i < cmp->n_findings; i++) {
        const nv_finding_pair *p = &cmp->findings[i];
        if (!nv_finding_pair_worse(p))
            continue;
        fprintf(out, "  %-7s %s [%s] ", nv_severity_name(p->after->severity),
                p->after->rule_id, p->after->pack);
        nv_text_safe(out, p->after->title);
        fputs("\n    ", out);
        nv_text_safe(out, p->after->message);
        fputc('\n', out);
    }
}

int nv_check_text(FILE *out, const nv_report_input *in,
                  const netvet_report_options *opts, netvet_diag *diag)
{
    const netvet_check *c = in->check;
    const nv_compare *cmp = in->compare;
    nv_whatif_text_title(out, c->before, "check");
    answer(out, c, cmp);
    nv_report_text_inputs(out, c->before, in);
    nv_whatif_text_header(out, c->before, c->fail_on);
    question(out, c);
    fprintf(out, "\nRules (before -> after; margin left under each limit)\n");
    int width = nv_text_rule_width(c->before, 20);
    for (size_t i = 0; i < cmp->n_results; i++)
        rule_line(out, c->before, &cmp->results[i], width);
    fprintf(out, "  (exposure rules are not measured here: the new elements "
                 "have no links; use whatif\n   with an 'add' change and "
                 "its links for that)\n");
    worse_findings(out, cmp);
    later(out, c);
    nv_report_text_provenance(out, c->before, in);
    return 0;
}
