/* SPDX-License-Identifier: Apache-2.0 */
/* The HTML reports of assess and timeline (rows of NV_FORMAT_TABLE): one
 * self-contained page each, the verdict first. What-if, check and plan
 * are in html_compare.c. */
#include <string.h>

#include "report/formats.h"
#include "report/html.h"
#include "util/diag.h"
#include "whatif/timeline.h"

int nv_assess_html(FILE *out, const nv_report_input *in,
                   const netvet_report_options *opts, netvet_diag *diag)
{
    const netvet_assessment *a = in->assessment;
    char date[11];
    nv_report_as_of(a, date);
    nv_html_begin(out, "netvet assessment", date);
    nv_html_verdict(out, a, opts->fail_on, "Verdict");
    if (nv_html_assessment_body(out, a, opts) < 0)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    nv_html_end(out);
    return 0;
}

static const char *verdict_class(netvet_verdict v)
{
    return v == NETVET_VERDICT_FAIL ? "bad"
           : v == NETVET_VERDICT_INCOMPLETE ? "na"
                                            : "ok";
}

/* One cell per date coloured by its verdict. */
static void timeline_strip(FILE *out, const netvet_timeline *t)
{
    const double w = 640.0 / (double)t->n_points;
    fprintf(out, "<svg width=\"640\" height=\"34\" viewBox=\"0 0 640 34\" "
                 "role=\"img\" aria-label=\"verdict per date\">");
    for (size_t i = 0; i < t->n_points; i++) {
        const nv_tl_point *p = &t->points[i];
        fprintf(out, "<rect class=\"%s\" x=\"%.2f\" y=\"0\" width=\"%.2f\" "
                     "height=\"20\" stroke=\"#fff\"><title>%s %s</title>"
                     "</rect>",
                verdict_class(p->verdict), w * (double)i, w, p->date,
                nv_verdict_upper(p->verdict));
        if (i == 0 || i + 1 == t->n_points)
            fprintf(out, "<text x=\"%.1f\" y=\"32\"%s>%s</text>",
                    i ? 640.0 : 0.0, i ? " text-anchor=\"end\"" : "",
                    p->date);
    }
    fputs("</svg>\n", out);
}

static void tl_rules(FILE *out, const nv_tl_point *p)
{
    for (size_t j = 0; j < p->n_rules; j++) {
        const nv_tl_rule *r = &p->rules[j];
        if (r->status == NETVET_RESULT_NOT_IN_EFFECT)
            continue;
        fprintf(out, "<span class=\"%s\">",
                r->status == NETVET_RESULT_FAIL ? "st-fail"
                : r->status == NETVET_RESULT_PASS ? "st-pass"
                                                  : "st-na");
        nv_html_text(out, r->rule_id);
        if (*r->subject) {
            fputc(' ', out);
            nv_html_text(out, r->subject);
        }
        if (*r->measure) {
            fputc(' ', out);
            nv_html_text(out, r->measure);
        }
        fprintf(out, ": %s", netvet_result_status_name(r->status));
        if (r->status == NETVET_RESULT_PASS || r->status == NETVET_RESULT_FAIL) {
            if (strstr(r->measure, "share"))
                fprintf(out, " %.2f%% (cap %.2f%%)", 100 * r->value,
                        100 * r->limit);
            else
                fprintf(out, " %.0f (max %.0f)", r->value, r->limit);
        }
        fputs("</span><br/>", out);
    }
}

static void tl_row(FILE *out, const nv_tl_point *p)
{
    fprintf(out, "<tr><td class=\"nowrap\">%s</td><td class=\"%s\">%s</td>"
                 "<td class=\"long\">",
            p->date,
            p->verdict == NETVET_VERDICT_FAIL ? "st-fail"
            : p->verdict == NETVET_VERDICT_PASS ? "st-pass"
                                                : "st-na",
            nv_verdict_upper(p->verdict));
    for (size_t j = 0; j < p->n_reasons; j++) {
        fputs("incomplete: ", out);
        nv_html_text(out, p->reasons[j].message);
        fputs("<br/>", out);
    }
    for (size_t j = 0; j < p->n_changes; j++) {
        const nv_tl_change *c = &p->changes[j];
        nv_html_text(out, c->scenario_name);
        fprintf(out, ":%lu %s ", c->line, c->action);
        nv_html_text(out, c->summary);
        fprintf(out, " (%zu element%s)<br/>", c->elements,
                c->elements == 1 ? "" : "s");
    }
    fputs("</td><td class=\"long\">", out);
    tl_rules(out, p);
    fputs("</td></tr>\n", out);
}

int nv_timeline_html(FILE *out, const nv_report_input *in,
                     const netvet_report_options *opts, netvet_diag *diag)
{
    (void)opts;
    (void)diag;
    const netvet_timeline *t = in->timeline;
    const nv_tl_point *last = &t->points[t->n_points - 1];
    nv_html_begin(out, "netvet timeline", t->points[0].date);
    fprintf(out, "<section class=\"verdict v-%s\" id=\"verdict\" "
                 "data-verdict=\"%s\"><div>Verdict at %s: <span class=\"word\">"
                 "%s</span></div><div>%zu dates from %s to %s</div>"
                 "</section>\n",
            netvet_verdict_name(last->verdict),
            nv_verdict_upper(last->verdict), last->date,
            nv_verdict_upper(last->verdict), t->n_points, t->points[0].date,
            last->date);
    timeline_strip(out, t);
    fputs("<h2>Scenarios</h2>\n<ul>\n", out);
    for (size_t s = 0; s < t->n_scenarios; s++) {
        fputs("<li class=\"long\">", out);
        nv_html_text(out, t->names[s]);
        fputs(" (", out);
        nv_html_text(out, t->files[s]);
        fputs(")</li>\n", out);
    }
    fputs("</ul>\n<h2>Dates</h2>\n<table id=\"timeline\"><thead><tr>"
          "<th>date</th><th>verdict</th><th>changes applied</th>"
          "<th>rules in force</th></tr></thead><tbody>\n", out);
    for (size_t i = 0; i < t->n_points; i++)
        tl_row(out, &t->points[i]);
    fputs("</tbody></table>\n", out);
    nv_html_end(out);
    return 0;
}
