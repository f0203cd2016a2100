/* SPDX-License-Identifier: Apache-2.0 */
/* What a text report opens with, before any table: the verdict, each
 * failing measurement with its margin, the reasons the assessment is
 * incomplete, and what to do next. Shared by the assess, what-if, check,
 * plan and timeline text reports (report.h). */
#include <string.h>

#include "policy/policy.h"
#include "report/report.h"

static int is_share(const nv_rule_result *r)
{
    return strstr(r->measure, "share") != NULL;
}

void nv_text_margin(FILE *out, const nv_rule_result *r)
{
    double over = r->value - r->limit;
    if (is_share(r))
        fprintf(out, "%.2f%%, cap %.2f%%: %s %.2f points", 100 * r->value,
                100 * r->limit, over > 0 ? "over by" : "left",
                100 * (over > 0 ? over : -over));
    else
        fprintf(out, "%.0f in scope, max %.0f: %s %.0f", r->value, r->limit,
                over > 0 ? "over by" : "left", over > 0 ? over : -over);
}

/* Is every finding of r's rule and subject waived (and is there one)? */
static int result_waived(const netvet_assessment *a, const nv_rule_result *r)
{
    const char *id = a->policy->rules[r->rule].id;
    int any = 0;
    for (size_t i = 0; i < a->findings.n; i++) {
        const nv_finding *f = &a->findings.items[i];
        if (strcmp(f->rule_id, id) || strcmp(f->subject, r->subject) ||
            strcmp(f->measure, r->measure))
            continue;
        if (!f->waived)
            return 0;
        any = 1;
    }
    return any;
}

size_t nv_text_failing(FILE *out, const netvet_assessment *a,
                       const char *indent)
{
    size_t n = 0;
    int width = nv_text_rule_width(a, 20);
    for (size_t i = 0; a->policy && i < a->results.n; i++) {
        const nv_rule_result *r = &a->results.items[i];
        if (r->status != NV_RESULT_FAIL)
            continue;
        const nv_rule *ru = &a->policy->rules[r->rule];
        fprintf(out, "%sfails: %-7s ", indent, nv_severity_name(ru->severity));
        nv_text_cell(out, ru->id, width);
        fputc(' ', out);
        nv_text_safe(out, r->subject);
        fprintf(out, "%s%s ", *r->subject ? " " : "", r->measure);
        nv_text_margin(out, r);
        fputs(result_waived(a, r) ? " [WAIVED]\n" : "\n", out);
        n++;
    }
    return n;
}

void nv_text_verdict_block(FILE *out, const netvet_assessment *a,
                           int fail_on)
{
    size_t e = 0, w = 0, n = 0, waived = 0;
    for (size_t i = 0; i < a->findings.n; i++) {
        netvet_severity s = a->findings.items[i].severity;
        if (a->findings.items[i].waived) {
            waived++;
            continue;
        }
        e += s == NETVET_SEV_ERROR;
        w += s == NETVET_SEV_WARNING;
        n += s == NETVET_SEV_NOTE;
    }
    fprintf(out, "Verdict: %s (%zu error%s, %zu warning%s, %zu note%s",
            nv_verdict_upper(netvet_assessment_verdict(a, fail_on)),
            e, e == 1 ? "" : "s",
            w, w == 1 ? "" : "s", n, n == 1 ? "" : "s");
    if (waived)
        fprintf(out, "; %zu waived", waived);
    fprintf(out, ")\n");
    nv_text_failing(out, a, "  ");
    nv_report_text_incomplete(out, a, "  ");
}

/* One next step per failing rule (its worst measurement). */
static void rule_step(FILE *out, const netvet_assessment *a,
                      const nv_rule_result *r)
{
    const char *id = a->policy->rules[r->rule].id;
    fprintf(out, "  %s: ", id);
    if (!strcmp(r->measure, "exposure-share")) {
        fputs("give customers paths that avoid ", out);
        nv_text_safe(out, r->subject);
        fprintf(out, "'s equipment until at most %.2f%% of their weight "
                     "depends on it (now %.2f%%)",
                100 * r->limit, 100 * r->value);
    } else if (is_share(r)) {
        fputs("bring ", out);
        nv_text_safe(out, r->subject);
        fprintf(out, " to at most %.2f%% of the rule's scope by %s (now "
                     "%.2f%%)",
                100 * r->limit, r->measure, 100 * r->value);
    } else if (!strcmp(r->measure, "vendors")) {
        fprintf(out, "keep at most %.0f of the rule's vendors in its scope "
                     "(now %.0f)", r->limit, r->value);
    } else {
        fprintf(out, "replace or remove %.0f element%s in the rule's scope "
                     "(the finding lists them)",
                r->value - r->limit, r->value - r->limit == 1 ? "" : "s");
    }
    fputc('\n', out);
}

/* What settles incomplete reason `code`. */
static const char *reason_step(const char *code)
{
    static const char *const steps[][2] = {
        {"unknown-vendors", "name the vendor of each element the "
                            "unknown-vendor finding lists, or add the names "
                            "to a registry overlay"},
        {"rows-skipped", "correct the rows the warnings name, or accept "
                         "that they are left out"},
        {"no-rule-applies", "check the as-of date and the packs: no rule "
                            "in force has anything in scope"},
        {"undetermined-rule", "identify the vendors of the elements in the "
                              "rule's scope"},
        {"unmeasured", "add the data the rule measures (links, site "
                       "column)"},
        {"no-sources", "mark the elements customers must reach (core "
                       "function, or other sources)"},
        {"no-sinks", "give customer elements a weight > 0"},
        {"nothing-counted", "check the inventory's statuses and installed "
                            "dates against the as-of date"},
    };
    for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
        if (!strcmp(code, steps[i][0]))
            return steps[i][1];
    return "see the reason above";
}

/* netvet's own findings (not a policy rule) that fail the gate. */
static size_t own_findings(FILE *out, const netvet_assessment *a,
                           int fail_on)
{
    size_t n = 0;
    for (size_t i = 0; fail_on >= 0 && i < a->findings.n; i++) {
        const nv_finding *f = &a->findings.items[i];
        if (f->waived || strcmp(f->pack, "netvet") ||
            (int)f->severity < fail_on)
            continue;
        fprintf(out, "  %s: ", f->rule_id);
        nv_text_safe(out, f->message);
        fputc('\n', out);
        n++;
    }
    return n;
}

/* Rules in the policy that start after the as-of date. */
static void later_rules(FILE *out, const netvet_assessment *a)
{
    for (size_t i = 0; a->policy && i < a->policy->n_rules; i++) {
        const nv_rule *ru = &a->policy->rules[i];
        if (ru->effective > a->view.as_of && *ru->effective_text)
            fprintf(out, "  later: %s takes effect on %s\n", ru->id,
                    ru->effective_text);
    }
}

void nv_text_next_steps(FILE *out, const netvet_assessment *a, int fail_on)
{
    fprintf(out, "\nNext steps\n");
    size_t n = 0;
    for (size_t i = 0; a->policy && i < a->results.n; i++) {
        const nv_rule_result *r = &a->results.items[i];
        if (r->status != NV_RESULT_FAIL || result_waived(a, r))
            continue;
        /* the worst measurement of this rule, once */
        const nv_rule_result *worst = r;
        size_t j = i + 1;
        for (; j < a->results.n && a->results.items[j].rule == r->rule; j++) {
            const nv_rule_result *q = &a->results.items[j];
            if (q->status == NV_RESULT_FAIL && !result_waived(a, q) &&
                q->value - q->limit > worst->value - worst->limit)
                worst = q;
        }
        rule_step(out, a, worst);
        i = j - 1;
        n++;
    }
    if (n)
        fprintf(out, "  (netvet plan lists the elements to replace first)\n");
    n += own_findings(out, a, fail_on);
    for (size_t i = 0; i < netvet_assessment_incomplete_count(a); i++) {
        const char *code = netvet_assessment_incomplete(a, i, NULL);
        fprintf(out, "  %s: %s\n", code, reason_step(code));
        n++;
    }
    if (!n)
        fprintf(out, "  none: %s\n",
                netvet_assessment_verdict(a, fail_on) == NETVET_VERDICT_PASS
                    ? "every rule in force passes"
                    : "fix the findings at or above the gate");
    later_rules(out, a);
}

void nv_text_details_hint(FILE *out, const netvet_report_options *opts,
                          const char *what)
{
    if (!opts->details && opts->details_hint && *opts->details_hint) {
        fprintf(out, "\n(%s: ", what);
        nv_text_safe(out, opts->details_hint);
        fputs(")\n", out);
    }
}
