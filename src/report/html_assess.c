/* SPDX-License-Identifier: Apache-2.0 */
/* HTML sections of one assessment read through the public results API
 * (netvet/results.h): the verdict with its reasons, each rule's
 * measurement with its margin drawn against the cap, and the findings
 * table; html_charts.c draws shares, exposure and the map, html_inputs.c
 * the inputs and rule sources. */
#include <math.h>
#include <string.h>

#include "report/html.h"
#include "util/alloc.h"

/* Count the unwaived findings of each severity, and the waived ones. */
static void count_findings(const netvet_assessment *a, size_t sev[3],
                           size_t *waived)
{
    size_t n = netvet_assessment_finding_count(a);
    sev[0] = sev[1] = sev[2] = *waived = 0;
    for (size_t i = 0; i < n; i++) {
        netvet_finding f = NETVET_FINDING_INIT;
        if (netvet_assessment_finding(a, i, &f) < 0)
            continue;
        if (f.waived)
            (*waived)++;
        else
            sev[f.severity == NETVET_SEV_ERROR     ? 0
                : f.severity == NETVET_SEV_WARNING ? 1
                                                   : 2]++;
    }
}

static const char *plural(size_t n) { return n == 1 ? "" : "s"; }

/* The findings at the gate: the reasons a FAIL is a FAIL. */
static void failing_reasons(FILE *out, const netvet_assessment *a, int fail_on)
{
    size_t n = netvet_assessment_finding_count(a);
    for (size_t i = 0; fail_on >= 0 && i < n; i++) {
        netvet_finding f = NETVET_FINDING_INIT;
        if (netvet_assessment_finding(a, i, &f) < 0 || f.waived ||
            (int)f.severity < fail_on)
            continue;
        fputs("<li class=\"long\"><b>", out);
        nv_html_text(out, f.rule_id);
        fputs("</b>: ", out);
        nv_html_text(out, f.message);
        fputs("</li>\n", out);
    }
}

/* "14 rule measurements: 13 pass, 0 fail, 1 not in effect". */
static void rule_counts(FILE *out, const netvet_assessment *a)
{
    size_t n = netvet_assessment_result_count(a), st[5] = {0};
    for (size_t i = 0; i < n; i++) {
        netvet_rule_result r = NETVET_RULE_RESULT_INIT;
        if (netvet_assessment_result(a, i, &r) == 0 && (unsigned)r.status < 5)
            st[r.status]++;
    }
    fprintf(out, "<div>%zu rule measurement%s: %zu pass, %zu fail", n,
            plural(n), st[NETVET_RESULT_PASS], st[NETVET_RESULT_FAIL]);
    if (st[NETVET_RESULT_NOT_APPLICABLE])
        fprintf(out, ", %zu not applicable", st[NETVET_RESULT_NOT_APPLICABLE]);
    if (st[NETVET_RESULT_NOT_IN_EFFECT])
        fprintf(out, ", %zu not in effect", st[NETVET_RESULT_NOT_IN_EFFECT]);
    if (st[NETVET_RESULT_UNDETERMINED])
        fprintf(out, ", %zu undetermined", st[NETVET_RESULT_UNDETERMINED]);
    fputs("</div>\n", out);
}

void nv_html_verdict(FILE *out, const netvet_assessment *a, int fail_on,
                     const char *label)
{
    netvet_verdict v = netvet_assessment_verdict(a, fail_on);
    size_t sev[3], waived;
    count_findings(a, sev, &waived);
    fprintf(out, "<section class=\"verdict v-%s\" "
                 "data-verdict=\"%s\">\n<div>%s: <span class=\"word\">%s"
                 "</span></div>\n",
            netvet_verdict_name(v), nv_verdict_upper(v), label,
            nv_verdict_upper(v));
    fprintf(out, "<div>%zu error%s, %zu warning%s, %zu note%s", sev[0],
            plural(sev[0]), sev[1], plural(sev[1]), sev[2], plural(sev[2]));
    if (waived)
        fprintf(out, "; %zu waived", waived);
    fprintf(out, " (fails on: %s)</div>\n",
            fail_on < 0 ? "never" : nv_severity_name(fail_on));
    rule_counts(out, a);
    fputs("<ul>\n", out);
    if (v == NETVET_VERDICT_FAIL)
        failing_reasons(out, a, fail_on);
    for (size_t i = 0; i < netvet_assessment_incomplete_count(a); i++) {
        const char *msg = "";
        const char *code = netvet_assessment_incomplete(a, i, &msg);
        fputs("<li class=\"long\">incomplete: ", out);
        nv_html_text(out, msg);
        fprintf(out, " (%s)</li>\n", code);
    }
    fputs("</ul>\n</section>\n", out);
}

static int is_share(const char *measure)
{
    return strstr(measure, "share") != NULL;
}

/* The measurement drawn against its cap: shares on 0..100 %, counts on
 * 0..max(value, limit) * 1.25. */
static void rule_bar(FILE *out, const netvet_rule_result *r)
{
    const char *cls = r->status == NETVET_RESULT_FAIL ? "bad" : "ok";
    if (r->status != NETVET_RESULT_PASS && r->status != NETVET_RESULT_FAIL)
        return;
    if (is_share(r->measure)) {
        nv_html_bar(out, 100 * r->value, 100 * r->limit, 150, cls);
        return;
    }
    double top = (r->value > r->limit ? r->value : r->limit) * 1.25;
    if (top < 1)
        top = 1;
    nv_html_bar(out, 100 * r->value / top, 100 * r->limit / top, 150, cls);
}

static void rule_numbers(FILE *out, const netvet_rule_result *r)
{
    if (r->status != NETVET_RESULT_PASS && r->status != NETVET_RESULT_FAIL) {
        fputs("<td class=\"n\">&#8211;</td><td class=\"n\">&#8211;</td>"
              "<td class=\"n\">&#8211;</td>", out);
        return;
    }
    if (is_share(r->measure))
        fprintf(out, "<td class=\"n\" data-v=\"%.6f\">%.2f%%</td>"
                     "<td class=\"n\" data-v=\"%.6f\">%.2f%%</td>"
                     "<td class=\"n\" data-v=\"%.6f\">%+.2f pp</td>",
                r->value, 100 * r->value, r->limit, 100 * r->limit,
                r->margin, 100 * r->margin);
    else
        fprintf(out, "<td class=\"n\" data-v=\"%.0f\">%.0f</td>"
                     "<td class=\"n\" data-v=\"%.0f\">%.0f</td>"
                     "<td class=\"n\" data-v=\"%.0f\">%+.0f</td>",
                r->value, r->value, r->limit, r->limit, r->margin, r->margin);
}

static const char *status_class(netvet_result_status s)
{
    return s == NETVET_RESULT_PASS ? "st-pass"
           : s == NETVET_RESULT_FAIL ? "st-fail"
                                     : "st-na";
}

void nv_html_rules(FILE *out, const netvet_assessment *a)
{
    size_t n = netvet_assessment_result_count(a);
    fputs("<h2 id=\"rules-h\">Rules and their margins</h2>\n", out);
    if (n == 0) {
        fputs("<p>No rule measured anything.</p>\n", out);
        return;
    }
    fputs("<p>Each rule's measurement against its cap: the bar is the "
          "measured value, the black mark the cap; the margin is cap minus "
          "value (negative: over the cap).</p>\n"
          "<table id=\"rules\" class=\"sortable\"><thead><tr><th>status</th>"
          "<th>rule</th><th>subject</th><th>measure</th>"
          "<th class=\"n\">value</th><th class=\"n\">cap</th>"
          "<th class=\"n\">margin</th><th>value and cap</th></tr></thead>"
          "\n<tbody>\n", out);
    for (size_t i = 0; i < n; i++) {
        netvet_rule_result r = NETVET_RULE_RESULT_INIT;
        if (netvet_assessment_result(a, i, &r) < 0)
            continue;
        fprintf(out, "<tr data-rule=\"");
        nv_html_text(out, r.rule_id);
        fprintf(out, "\"><td class=\"%s\">%s</td><td class=\"nowrap\">",
                status_class(r.status), r.status_name);
        nv_html_text(out, r.rule_id);
        fputs("</td><td class=\"long\">", out);
        nv_html_text(out, r.subject);
        fputs("</td><td class=\"nowrap\">", out);
        nv_html_text(out, r.measure);
        fputs("</td>", out);
        rule_numbers(out, &r);
        fputs("<td class=\"bar\">", out);
        rule_bar(out, &r);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n", out);
}

/* The first `max` element ids (in id order) with their lines. */
static int finding_elements(FILE *out, const netvet_assessment *a,
                            const netvet_finding *f, size_t max)
{
    const netvet_inventory *inv = netvet_assessment_inventory(a);
    uint32_t *copy;
    const uint32_t *el;
    if (f->n_elements == 0)
        return 0;
    if (nv_report_id_order(inv, f->elements, f->n_elements, &copy, &el) < 0)
        return NETVET_ENOMEM;
    size_t shown = f->n_elements < max ? f->n_elements : max;
    for (size_t i = 0; i < shown; i++) {
        fputs(i ? ", " : "", out);
        nv_html_text(out, netvet_inventory_element_id(inv, el[i]));
        fprintf(out, " (line %lu)",
                netvet_inventory_element_line(inv, el[i]));
    }
    if (shown < f->n_elements)
        fprintf(out, ", &#8230; and %zu more", f->n_elements - shown);
    nv_free(copy);
    return 0;
}

static int finding_row(FILE *out, const netvet_assessment *a,
                       const netvet_finding *f, size_t max)
{
    fprintf(out, "<tr><td class=\"sev-%s\" data-v=\"%d\">%s</td>"
                 "<td class=\"nowrap\">",
            nv_severity_name(f->severity), -(int)f->severity,
            nv_severity_name(f->severity));
    nv_html_text(out, f->rule_id);
    fputs("</td><td class=\"long\">", out);
    nv_html_text(out, f->subject);
    fputs("</td><td class=\"long\"><b>", out);
    nv_html_text(out, f->title);
    fputs("</b><br/>", out);
    nv_html_text(out, f->message);
    if (f->waived) {
        fputs("<br/><i>waived: ", out);
        nv_html_text(out, f->waiver_reason);
        fputs(" (approved by ", out);
        nv_html_text(out, f->waiver_approved_by);
        fputs(", expires ", out);
        nv_html_text(out, f->waiver_expires);
        fputs(")</i>", out);
    }
    fprintf(out, "</td><td class=\"n\" data-v=\"%zu\">%zu</td>"
                 "<td class=\"ids long\">", f->n_elements, f->n_elements);
    if (finding_elements(out, a, f, max) < 0)
        return NETVET_ENOMEM;
    fputs("</td></tr>\n", out);
    return 0;
}

int nv_html_findings(FILE *out, const netvet_assessment *a, size_t max,
                     const char *id)
{
    size_t n = netvet_assessment_finding_count(a);
    fprintf(out, "<h2 id=\"%s-h\">Findings (%zu)</h2>\n", id, n);
    if (n == 0) {
        fputs("<p>None.</p>\n", out);
        return 0;
    }
    fprintf(out, "<input type=\"search\" data-for=\"%s\" "
                 "hidden=\"hidden\" placeholder=\"filter findings\" "
                 "aria-label=\"filter findings\"/>\n"
                 "<table id=\"%s\" class=\"sortable findings\">", id, id);
    fputs("<thead><tr>"
          "<th>severity</th><th>rule</th><th>subject</th><th>finding</th>"
          "<th class=\"n\">elements</th><th>first elements (line in the "
          "elements file)</th></tr></thead>\n<tbody>\n", out);
    for (size_t i = 0; i < n; i++) {
        netvet_finding f = NETVET_FINDING_INIT;
        if (netvet_assessment_finding(a, i, &f) == 0 &&
            finding_row(out, a, &f, max) < 0)
            return NETVET_ENOMEM;
    }
    fputs("</tbody></table>\n", out);
    return 0;
}

int nv_html_assessment_body(FILE *out, const netvet_assessment *a,
                            const netvet_report_options *opts)
{
    nv_html_rules(out, a);
    if (nv_html_findings(out, a, opts->max_elements, "findings") < 0)
        return NETVET_ENOMEM;
    nv_html_shares(out, a);
    nv_html_topology(out, a);
    nv_html_map(out, a);
    nv_html_inputs(out, a);
    return 0;
}
