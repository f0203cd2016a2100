/* SPDX-License-Identifier: Apache-2.0 */
/* Findings as CSV for spreadsheets: a header, then one row per finding and
 * element (a finding on no element: one row with empty element cells).
 * RFC 4180: CRLF line ends, a field holding a comma, quote, CR or LF is
 * quoted with its quotes doubled. A text cell an input could start with
 * = + - @ TAB or CR gets a leading apostrophe, so a spreadsheet never
 * reads it as a formula (OWASP, "CSV Injection"). */
#include <string.h>

#include "policy/policy.h"
#include "report/formats.h"
#include "report/report.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "whatif/timeline.h"

static void cell(FILE *out, const char *s, int first)
{
    if (!first)
        fputc(',', out);
    s = s ? s : "";
    int guard = strchr("=+-@\t\r", s[0]) && s[0];
    if (!guard && !strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    if (guard)
        fputc('\'', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void number(FILE *out, double v)
{
    fprintf(out, ",%.10g", v);
}

static void row(FILE *out, const nv_report_state *st, const char *verdict,
                const nv_finding *f, long long k)
{
    const nv_view *v = &st->a->view;
    cell(out, st->label, 1);
    cell(out, verdict, 0);
    cell(out, f->rule_id, 0);
    cell(out, f->pack, 0);
    cell(out, nv_severity_name(f->severity), 0);
    cell(out, f->waived ? "yes" : "no", 0);
    cell(out, f->subject, 0);
    cell(out, f->measure, 0);
    number(out, f->value);
    number(out, f->limit);
    if (k >= 0) {
        cell(out, nv_vendor_label(st->a, v->vendor[k]), 0);
        cell(out, nv_inv_id(v->inv, (size_t)k), 0);
        cell(out, netvet_inventory_path(v->inv, 0), 0);
        if (v->inv->line[k])
            fprintf(out, ",%u", v->inv->line[k]);
        else
            fputc(',', out);
    } else {
        fputs(",,,,", out);
    }
    cell(out, f->message, 0);
    cell(out, f->source, 0);
    cell(out, f->waived ? f->waiver_reason : "", 0);
    fputs("\r\n", out);
}

static int write_csv(nv_report_kind kind, FILE *out, const nv_report_input *in,
                     const netvet_report_options *opts, netvet_diag *diag)
{
    nv_report_state *st;
    size_t n;
    int err = nv_report_states(kind, in, &st, &n, diag);
    if (err < 0)
        return err;
    fputs("state,verdict,rule,pack,severity,waived,subject,measure,value,"
          "limit,vendor,element,file,line,message,source,waiver_reason\r\n",
          out);
    for (size_t s = 0; s < n; s++) {
        const netvet_assessment *a = st[s].a;
        const char *verdict =
            netvet_verdict_name(netvet_assessment_verdict(a, opts->fail_on));
        for (size_t i = 0; i < a->findings.n; i++) {
            const nv_finding *f = &a->findings.items[i];
            uint32_t *copy = NULL;
            const uint32_t *el = f->elements;
            if (f->n_elements &&
                nv_report_id_order(a->view.inv, f->elements, f->n_elements,
                                   &copy, &el) < 0) {
                nv_free(st);
                return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0,
                                    "out of memory");
            }
            if (!f->n_elements)
                row(out, &st[s], verdict, f, -1);
            for (size_t e = 0; e < f->n_elements; e++)
                row(out, &st[s], verdict, f, el[e]);
            nv_free(copy);
        }
    }
    nv_free(st);
    return 0;
}

int nv_assess_csv(FILE *out, const nv_report_input *in,
                  const netvet_report_options *opts, netvet_diag *diag)
{
    return write_csv(NETVET_REPORT_ASSESS, out, in, opts, diag);
}

int nv_whatif_csv(FILE *out, const nv_report_input *in,
                  const netvet_report_options *opts, netvet_diag *diag)
{
    return write_csv(NETVET_REPORT_WHATIF, out, in, opts, diag);
}

int nv_check_csv(FILE *out, const nv_report_input *in,
                 const netvet_report_options *opts, netvet_diag *diag)
{
    return write_csv(NETVET_REPORT_CHECK, out, in, opts, diag);
}

int nv_plan_csv(FILE *out, const nv_report_input *in,
                const netvet_report_options *opts, netvet_diag *diag)
{
    return write_csv(NETVET_REPORT_PLAN, out, in, opts, diag);
}

/* The timeline has no findings: one row per date and rule measurement. */
int nv_timeline_csv(FILE *out, const nv_report_input *in,
                    const netvet_report_options *opts, netvet_diag *diag)
{
    (void)opts, (void)diag;
    const netvet_timeline *t = in->timeline;
    fputs("date,verdict,rule,pack,subject,measure,status,previous,value,"
          "limit\r\n", out);
    for (size_t i = 0; i < t->n_points; i++) {
        const nv_tl_point *p = &t->points[i];
        for (size_t r = 0; r < p->n_rules; r++) {
            const nv_tl_rule *x = &p->rules[r];
            cell(out, p->date, 1);
            cell(out, netvet_verdict_name(p->verdict), 0);
            cell(out, x->rule_id, 0);
            cell(out, x->pack, 0);
            cell(out, x->subject, 0);
            cell(out, x->measure, 0);
            cell(out, netvet_result_status_name(x->status), 0);
            cell(out, x->has_previous
                          ? netvet_result_status_name(x->previous) : "", 0);
            number(out, x->value);
            number(out, x->limit);
            fputs("\r\n", out);
        }
    }
    return 0;
}
