/* SPDX-License-Identifier: Apache-2.0 */
/* A Markdown summary for tickets and merge requests (CommonMark, GitHub
 * tables): the verdict per state, every rule measurement with its margin,
 * the top findings with a few elements each, and the input files with
 * their SHA-256. Every input string is written with each ASCII punctuation
 * character backslash-escaped (CommonMark: any ASCII punctuation may be)
 * and control characters as \xNN, so no inventory name can open a link,
 * an HTML tag, a table cell or a new line. */
#include <string.h>

#include "netvet/version.h"
#include "policy/policy.h"
#include "report/formats.h"
#include "report/report.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "whatif/timeline.h"

#define TOP_FINDINGS 20

static void md(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    for (; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            fprintf(out, "\\\\x%02x", *p);
        else if (*p < 0x80 && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
                                     *p))
            fprintf(out, "\\%c", *p);
        else
            fputc(*p, out);
    }
}

static void rules(FILE *out, const netvet_assessment *a)
{
    fputs("\n| status | rule | measure | value | limit | margin |\n"
          "|---|---|---|---|---|---|\n", out);
    for (size_t i = 0; a->policy && i < a->results.n; i++) {
        const nv_rule_result *r = &a->results.items[i];
        int share = strstr(r->measure, "share") != NULL;
        int measured = r->status == NV_RESULT_PASS ||
                       r->status == NV_RESULT_FAIL;
        fprintf(out, "| %s | ", nv_result_status_name(r->status));
        md(out, a->policy->rules[r->rule].id);
        fputs(" | ", out);
        md(out, r->subject);
        fprintf(out, "%s%s | ", *r->subject ? " " : "", r->measure);
        if (!measured)
            fputs("n/a | | |\n", out);
        else if (share)
            fprintf(out, "%.2f%% | %.2f%% | %+.2f points |\n",
                    100 * r->value, 100 * r->limit,
                    100 * (r->limit - r->value));
        else
            fprintf(out, "%.0f | %.0f | %+.0f |\n", r->value, r->limit,
                    r->limit - r->value);
    }
}

static int findings(FILE *out, const netvet_assessment *a, size_t max)
{
    fprintf(out, "\n**Findings** (%zu", a->findings.n);
    if (a->findings.n > TOP_FINDINGS)
        fprintf(out, ", the first %d", TOP_FINDINGS);
    fputs(")\n\n", out);
    for (size_t i = 0; i < a->findings.n && i < TOP_FINDINGS; i++) {
        const nv_finding *f = &a->findings.items[i];
        fprintf(out, "- **%s** ", nv_severity_name(f->severity));
        md(out, f->rule_id);
        fputs(f->waived ? " (waived: " : ": ", out);
        if (f->waived) {
            md(out, f->waiver_reason);
            fputs("): ", out);
        }
        md(out, f->message);
        if (f->n_elements) {
            uint32_t *copy = NULL;
            const uint32_t *el;
            if (nv_report_id_order(a->view.inv, f->elements, f->n_elements,
                                   &copy, &el) < 0)
                return NETVET_ENOMEM;
            fprintf(out, "; elements (%zu):", f->n_elements);
            for (size_t e = 0; e < f->n_elements && e < max; e++) {
                fputs(e ? ", " : " ", out);
                md(out, nv_inv_id(a->view.inv, el[e]));
                fprintf(out, " \\(line %u\\)", a->view.inv->line[el[e]]);
            }
            if (f->n_elements > max)
                fprintf(out, ", … and %zu more", f->n_elements - max);
            nv_free(copy);
        }
        fputc('\n', out);
    }
    return 0;
}

static void inputs(FILE *out, const netvet_assessment *a,
                   const nv_report_input *in)
{
    fprintf(out, "\n**Inputs** (netvet %s)\n\n", netvet_version());
    for (int w = 0; w < 2; w++)
        if (*netvet_inventory_path(a->view.inv, w)) {
            fputs(w ? "- links: " : "- elements: ", out);
            md(out, netvet_inventory_path(a->view.inv, w));
            fprintf(out, " (%llu bytes",
                    (unsigned long long)netvet_inventory_file_size(
                        a->view.inv, w));
            if (*netvet_inventory_sha256(a->view.inv, w))
                fprintf(out, ", sha256 `%s`",
                        netvet_inventory_sha256(a->view.inv, w));
            fputs(")\n", out);
        }
    for (size_t i = 0; i < netvet_assessment_input_count(a); i++) {
        netvet_input x = netvet_assessment_input(a, i);
        fprintf(out, "- %s: ", x.kind);
        md(out, x.path);
        fputs(" (", out);
        if (x.has_bytes)
            fprintf(out, "%llu bytes, ", x.bytes);
        fprintf(out, "sha256 `%s`", x.sha256);
        if (x.version)
            fprintf(out, ", version %s", x.version);
        fputs(")\n", out);
    }
    for (size_t i = 0; in->cases && i < in->n_cases; i++) {
        netvet_input x = netvet_scenario_input(in->cases[i].scenario);
        fputs("- scenario: ", out);
        md(out, x.path);
        fprintf(out, " (sha256 `%s`)\n", x.sha256);
    }
}

static int write_md(nv_report_kind kind, FILE *out, const nv_report_input *in,
                    const netvet_report_options *opts, netvet_diag *diag)
{
    nv_report_state *st;
    size_t n;
    int err = nv_report_states(kind, in, &st, &n, diag);
    if (err < 0)
        return err;
    const netvet_assessment *base = nv_report_assessment(kind, in);
    char date[11];
    nv_report_as_of(base, date);
    fprintf(out, "## netvet %s as of %s\n", nv_report_kind_name(kind), date);
    int rc = 0;
    for (size_t s = 0; s < n && rc == 0; s++) {
        const netvet_assessment *a = st[s].a;
        size_t c[3], waived;
        nv_report_sev_counts(a, c, &waived);
        fputs("\n### ", out);
        if (*st[s].label) {
            md(out, st[s].label);
            fputs(": ", out);
        }
        fprintf(out, "**%s** (%zu errors, %zu warnings, %zu notes; %zu "
                     "waived)\n",
                nv_verdict_upper(netvet_assessment_verdict(a, opts->fail_on)),
                c[NETVET_SEV_ERROR], c[NETVET_SEV_WARNING], c[NETVET_SEV_NOTE],
                waived);
        for (size_t i = 0; i < netvet_assessment_incomplete_count(a); i++) {
            const char *msg = "";
            const char *code = netvet_assessment_incomplete(a, i, &msg);
            fprintf(out, "%s- incomplete (%s): ", i ? "" : "\n", code);
            md(out, msg);
            fputc('\n', out);
        }
        rules(out, a);
        rc = findings(out, a, opts->max_elements);
    }
    if (rc == 0)
        inputs(out, base, in);
    nv_free(st);
    return rc < 0 ? nv_diag_fail(diag, rc, NULL, 0, 0, "out of memory") : 0;
}

int nv_assess_markdown(FILE *out, const nv_report_input *in,
                       const netvet_report_options *opts, netvet_diag *diag)
{
    return write_md(NETVET_REPORT_ASSESS, out, in, opts, diag);
}

int nv_whatif_markdown(FILE *out, const nv_report_input *in,
                       const netvet_report_options *opts, netvet_diag *diag)
{
    return write_md(NETVET_REPORT_WHATIF, out, in, opts, diag);
}

int nv_check_markdown(FILE *out, const nv_report_input *in,
                      const netvet_report_options *opts, netvet_diag *diag)
{
    return write_md(NETVET_REPORT_CHECK, out, in, opts, diag);
}

int nv_plan_markdown(FILE *out, const nv_report_input *in,
                     const netvet_report_options *opts, netvet_diag *diag)
{
    return write_md(NETVET_REPORT_PLAN, out, in, opts, diag);
}

/* The timeline: a row per date with its verdict, the changes applied and
 * the rule measurements that started, stopped or flipped. */
int nv_timeline_markdown(FILE *out, const nv_report_input *in,
                         const netvet_report_options *opts, netvet_diag *diag)
{
    (void)opts, (void)diag;
    const netvet_timeline *t = in->timeline;
    const nv_tl_point *last = &t->points[t->n_points - 1];
    fprintf(out, "## netvet timeline %s to %s: **%s** at the end\n",
            t->points[0].date, last->date, nv_verdict_upper(last->verdict));
    for (size_t s = 0; s < t->n_scenarios; s++) {
        fputs(s ? ", " : "\nScenarios: ", out);
        md(out, t->names[s]);
        fputs(" \\(", out);
        md(out, t->files[s]);
        fputs("\\)", out);
    }
    fputs("\n\n| date | verdict | changes applied | rules that changed |\n"
          "|---|---|---|---|\n", out);
    for (size_t i = 0; i < t->n_points; i++) {
        const nv_tl_point *p = &t->points[i];
        fprintf(out, "| %s | %s | ", p->date, nv_verdict_upper(p->verdict));
        for (size_t c = 0; c < p->n_changes; c++) {
            fputs(c ? "; " : "", out);
            md(out, p->changes[c].scenario_name);
            fprintf(out, "\\:%lu ", p->changes[c].line);
            md(out, p->changes[c].summary);
        }
        fputs(" | ", out);
        for (size_t r = 0, k = 0; r < p->n_rules; r++) {
            const nv_tl_rule *x = &p->rules[r];
            if (x->has_previous && x->previous == x->status)
                continue;
            if (!x->has_previous && x->status == NETVET_RESULT_NOT_IN_EFFECT)
                continue;
            fputs(k++ ? "; " : "", out);
            md(out, x->rule_id);
            fputc(' ', out);
            md(out, x->subject);
            fprintf(out, "%s%s %s", *x->subject ? " " : "", x->measure,
                    netvet_result_status_name(x->status));
        }
        fputs(" |\n", out);
    }
    fprintf(out, "\n**Inputs** (netvet %s)\n\n", netvet_version());
    for (size_t i = 0; i < t->n_files_read; i++) {
        const nv_tl_file *f = &t->files_read[i];
        if (!(f->views & NV_TL_PROVENANCE))
            continue;
        fprintf(out, "- %s: ", f->role);
        md(out, f->path);
        if (f->bytes >= 0)
            fprintf(out, " (%lld bytes%s", f->bytes, *f->sha256 ? ", " : ")");
        else if (*f->sha256)
            fputs(" (", out);
        if (*f->sha256)
            fprintf(out, "sha256 `%s`)", f->sha256);
        fputc('\n', out);
    }
    return 0;
}
