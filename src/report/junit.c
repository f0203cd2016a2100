/* SPDX-License-Identifier: Apache-2.0 */
/* JUnit XML for CI systems (the testsuites/testsuite/testcase layout CI
 * servers read): one testsuite per assessed state, one testcase per policy
 * rule (a failure with the failing measurements' margins when a finding
 * of the rule that no waiver covers is at or above the gate; skipped when
 * the rule is not in effect, has nothing in scope or is undetermined),
 * one per netvet check that found something, and one "assessment
 * complete" testcase skipped with the reasons when it is INCOMPLETE.
 * Properties: the as-of date, the verdict and the input files. Written
 * with libxml2's xmlTextWriter, which escapes markup; characters XML 1.0
 * cannot carry (C0 controls but tab, LF, CR) are written as \xNN first. */
#include <string.h>

#include <libxml/xmlwriter.h>

#include "netvet/version.h"
#include "policy/policy.h"
#include "report/formats.h"
#include "report/report.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "util/text.h"
#include "whatif/timeline.h"

/* s with XML-invalid bytes as \xNN (owned; NULL on ENOMEM). */
static char *xml_safe(const char *s)
{
    nv_text t = {0};
    nv_text_add(&t, "%s", "");
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
        if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
            *p == 0x7f)
            nv_text_add(&t, "\\x%02x", *p);
        else
            nv_text_add(&t, "%c", *p);
    if (t.oom) {
        nv_text_dispose(&t);
        return NULL;
    }
    return t.s;
}

static int attr(xmlTextWriterPtr w, const char *name, const char *value)
{
    char *v = xml_safe(value);
    int rc = v ? xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST v)
               : -1;
    nv_free(v);
    return rc;
}

static int prop(xmlTextWriterPtr w, const char *name, const char *value)
{
    int rc = xmlTextWriterStartElement(w, BAD_CAST "property");
    rc |= attr(w, "name", name);
    rc |= attr(w, "value", value);
    return rc | xmlTextWriterEndElement(w);
}

static int text(xmlTextWriterPtr w, const char *s)
{
    char *v = xml_safe(s);
    int rc = v ? xmlTextWriterWriteString(w, BAD_CAST v) : -1;
    nv_free(v);
    return rc;
}

/* Failing measurements of rule r as "subject measure margin; ..." */
static void margins(nv_text *t, const netvet_assessment *a, size_t r)
{
    for (size_t i = 0; i < a->results.n; i++) {
        const nv_rule_result *x = &a->results.items[i];
        if (x->rule != r || x->status != NV_RESULT_FAIL)
            continue;
        double over = x->value - x->limit;
        int share = strstr(x->measure, "share") != NULL;
        nv_text_add(t, "%s%s%s%s ", t->len ? "; " : "", x->subject,
                    *x->subject ? " " : "", x->measure);
        if (share)
            nv_text_add(t, "%.2f%%, cap %.2f%%: over by %.2f points",
                        100 * x->value, 100 * x->limit, 100 * over);
        else
            nv_text_add(t, "%.0f, max %.0f: over by %.0f", x->value,
                        x->limit, over);
    }
}

/* What rule r's testcase holds: 'f' failure, 's' skipped, 'p' pass. */
static int outcome(const netvet_assessment *a, const char *id, size_t r,
                   int fail_on, const char **why)
{
    for (size_t i = 0; i < a->findings.n; i++) {
        const nv_finding *f = &a->findings.items[i];
        if (!strcmp(f->rule_id, id) && !f->waived && fail_on >= 0 &&
            (int)f->severity >= fail_on)
            return 'f';
    }
    int any = 0, skip = 1;
    *why = "nothing in scope";
    for (size_t i = 0; i < a->results.n; i++) {
        const nv_rule_result *x = &a->results.items[i];
        if (x->rule != r)
            continue;
        any = 1;
        if (x->status == NV_RESULT_UNDETERMINED || x->unmeasured)
            return *why = "undetermined: not judged (assessment incomplete)",
                   's';
        if (x->status == NV_RESULT_NOT_IN_EFFECT)
            *why = "not in effect on the as-of date";
        else if (x->status != NV_RESULT_NOT_APPLICABLE)
            skip = 0;
    }
    if (!any)
        *why = "not in effect on the as-of date";
    return skip ? 's' : 'p';
}

static int finding_messages(xmlTextWriterPtr w, const netvet_assessment *a,
                            const char *id)
{
    int rc = 0;
    for (size_t i = 0; i < a->findings.n; i++) {
        const nv_finding *f = &a->findings.items[i];
        if (strcmp(f->rule_id, id))
            continue;
        rc |= text(w, f->waived ? "[waived] " : "");
        rc |= text(w, f->message);
        rc |= text(w, "\n");
    }
    return rc;
}

static int testcase(xmlTextWriterPtr w, const netvet_assessment *a,
                    const char *id, const char *pack, long rule, int fail_on)
{
    const char *why = "";
    int o = rule >= 0 ? outcome(a, id, (size_t)rule, fail_on, &why) : 'f';
    int rc = xmlTextWriterStartElement(w, BAD_CAST "testcase");
    rc |= attr(w, "classname", pack);
    rc |= attr(w, "name", id);
    if (o == 'f') {
        nv_text m = {0};
        if (rule >= 0)
            margins(&m, a, (size_t)rule);
        rc |= xmlTextWriterStartElement(w, BAD_CAST "failure");
        rc |= attr(w, "message", m.len ? m.s : id);
        rc |= attr(w, "type", "netvet-finding");
        rc |= finding_messages(w, a, id);
        rc |= xmlTextWriterEndElement(w);
        rc |= m.oom ? -1 : 0;
        nv_text_dispose(&m);
    } else if (o == 's') {
        rc |= xmlTextWriterStartElement(w, BAD_CAST "skipped");
        rc |= attr(w, "message", why);
        rc |= xmlTextWriterEndElement(w);
    }
    return rc | xmlTextWriterEndElement(w);
}

/* A suite's counts, as its attributes: tests, failures, skipped. */
typedef struct counts {
    size_t tests, failures, skipped;
} counts;

static int own_case(const netvet_assessment *a, size_t i, int fail_on)
{
    const nv_finding *f = &a->findings.items[i];
    int first = !strcmp(f->pack, "netvet");
    for (size_t j = 0; first && j < i; j++)
        first = strcmp(a->findings.items[j].rule_id, f->rule_id) != 0;
    return first && !f->waived && fail_on >= 0 &&
           (int)f->severity >= fail_on;
}

static counts suite_counts(const netvet_assessment *a, int fail_on)
{
    counts c = {0, 0, 0};
    const netvet_policy *p = a->policy;
    for (size_t r = 0; p && r < p->n_rules; r++) {
        const char *why;
        int o = outcome(a, p->rules[r].id, r, fail_on, &why);
        c.tests++;
        c.failures += o == 'f';
        c.skipped += o == 's';
    }
    for (size_t i = 0; i < a->findings.n; i++)
        if (own_case(a, i, fail_on))
            c.tests++, c.failures++;
    if (netvet_assessment_incomplete_count(a))
        c.tests++, c.skipped++;
    return c;
}

static int count_attrs(xmlTextWriterPtr w, counts c)
{
    char n[3][32];
    snprintf(n[0], sizeof n[0], "%zu", c.tests);
    snprintf(n[1], sizeof n[1], "%zu", c.failures);
    snprintf(n[2], sizeof n[2], "%zu", c.skipped);
    return attr(w, "tests", n[0]) | attr(w, "failures", n[1]) |
           attr(w, "errors", "0") | attr(w, "skipped", n[2]);
}

static int suite(xmlTextWriterPtr w, nv_report_kind kind,
                 const nv_report_state *st, const nv_report_input *in,
                 int fail_on)
{
    const netvet_assessment *a = st->a;
    const netvet_policy *p = a->policy;
    char date[11];
    nv_report_as_of(a, date);
    nv_text name = {0};
    nv_text_add(&name, "netvet %s%s%s", nv_report_kind_name(kind),
                *st->label ? ": " : "", st->label);
    int rc = xmlTextWriterStartElement(w, BAD_CAST "testsuite");
    rc |= name.oom ? -1 : attr(w, "name", name.s);
    rc |= count_attrs(w, suite_counts(a, fail_on));
    nv_text_dispose(&name);
    rc |= xmlTextWriterStartElement(w, BAD_CAST "properties");
    rc |= prop(w, "netvet-version", netvet_version());
    rc |= prop(w, "as-of", date);
    rc |= prop(w, "verdict", netvet_verdict_name(
                                 netvet_assessment_verdict(a, fail_on)));
    for (int k = 0; k < 2; k++)
        if (*netvet_inventory_path(a->view.inv, k)) {
            nv_text v = {0};
            nv_text_add(&v, "%s", netvet_inventory_path(a->view.inv, k));
            if (*netvet_inventory_sha256(a->view.inv, k))
                nv_text_add(&v, " sha256 %s",
                            netvet_inventory_sha256(a->view.inv, k));
            rc |= v.oom ? -1 : prop(w, k ? "links" : "elements", v.s);
            nv_text_dispose(&v);
        }
    const netvet_assessment *base = nv_report_assessment(kind, in);
    for (size_t i = 0; i < nv_report_input_count(base); i++) {
        netvet_input x = nv_report_input_at(base, i);
        nv_text v = {0};
        nv_text_add(&v, "%s sha256 %s", x.path, x.sha256);
        rc |= v.oom ? -1 : prop(w, x.kind, v.s);
        nv_text_dispose(&v);
    }
    rc |= xmlTextWriterEndElement(w);
    for (size_t r = 0; p && r < p->n_rules; r++)
        rc |= testcase(w, a, p->rules[r].id, p->packs[p->rules[r].pack].id,
                       (long)r, fail_on);
    for (size_t i = 0; i < a->findings.n; i++) /* netvet's own checks */
        if (own_case(a, i, fail_on))
            rc |= testcase(w, a, a->findings.items[i].rule_id, "netvet", -1,
                           fail_on);
    if (netvet_assessment_incomplete_count(a)) {
        rc |= xmlTextWriterStartElement(w, BAD_CAST "testcase");
        rc |= attr(w, "classname", "netvet");
        rc |= attr(w, "name", "assessment-complete");
        rc |= xmlTextWriterStartElement(w, BAD_CAST "skipped");
        const char *msg = "";
        netvet_assessment_incomplete(a, 0, &msg);
        rc |= attr(w, "message", msg);
        rc |= xmlTextWriterEndElement(w);
        rc |= xmlTextWriterEndElement(w);
    }
    return rc | xmlTextWriterEndElement(w);
}

static int junit(nv_report_kind kind, FILE *out, const nv_report_input *in,
                 const netvet_report_options *opts, netvet_diag *diag)
{
    nv_report_state *st;
    size_t n;
    if (nv_report_states(kind, in, &st, &n) < 0)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
    int rc = w ? 0 : -1;
    if (w) {
        rc |= xmlTextWriterSetIndent(w, 1);
        rc |= xmlTextWriterSetIndentString(w, BAD_CAST "  ");
        rc |= xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
        rc |= xmlTextWriterStartElement(w, BAD_CAST "testsuites");
        rc |= attr(w, "name", "netvet");
        counts all = {0, 0, 0};
        for (size_t s = 0; s < n; s++) {
            counts c = suite_counts(st[s].a, opts->fail_on);
            all.tests += c.tests;
            all.failures += c.failures;
            all.skipped += c.skipped;
        }
        rc |= count_attrs(w, all);
        for (size_t s = 0; s < n; s++)
            rc |= suite(w, kind, &st[s], in, opts->fail_on);
        rc |= xmlTextWriterEndDocument(w) < 0 ? -1 : 0;
        xmlFreeTextWriter(w);
    }
    if (rc >= 0 && buf)
        fwrite(xmlBufferContent(buf), 1, (size_t)xmlBufferLength(buf), out);
    xmlBufferFree(buf);
    nv_free(st);
    return rc < 0 ? nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0,
                                 "out of memory")
                  : 0;
}

int nv_assess_junit(FILE *out, const nv_report_input *in,
                    const netvet_report_options *opts, netvet_diag *diag)
{
    return junit(NETVET_REPORT_ASSESS, out, in, opts, diag);
}

int nv_whatif_junit(FILE *out, const nv_report_input *in,
                    const netvet_report_options *opts, netvet_diag *diag)
{
    return junit(NETVET_REPORT_WHATIF, out, in, opts, diag);
}

int nv_check_junit(FILE *out, const nv_report_input *in,
                   const netvet_report_options *opts, netvet_diag *diag)
{
    return junit(NETVET_REPORT_CHECK, out, in, opts, diag);
}

int nv_plan_junit(FILE *out, const nv_report_input *in,
                  const netvet_report_options *opts, netvet_diag *diag)
{
    return junit(NETVET_REPORT_PLAN, out, in, opts, diag);
}

/* The timeline: a test suite per date, a test case per rule measurement
 * (failure when it fails, skipped unless it passes). */
static counts tl_counts(const nv_tl_point *p)
{
    counts c = {p->n_rules, 0, 0};
    for (size_t r = 0; r < p->n_rules; r++) {
        c.failures += p->rules[r].status == NETVET_RESULT_FAIL;
        c.skipped += p->rules[r].status != NETVET_RESULT_FAIL &&
                     p->rules[r].status != NETVET_RESULT_PASS;
    }
    return c;
}

static int tl_suite(xmlTextWriterPtr w, const nv_tl_point *p)
{
    nv_text name = {0};
    nv_text_add(&name, "netvet timeline %s", p->date);
    int rc = xmlTextWriterStartElement(w, BAD_CAST "testsuite");
    rc |= name.oom ? -1 : attr(w, "name", name.s);
    rc |= count_attrs(w, tl_counts(p));
    nv_text_dispose(&name);
    rc |= xmlTextWriterStartElement(w, BAD_CAST "properties");
    rc |= prop(w, "as-of", p->date);
    rc |= prop(w, "verdict", netvet_verdict_name(p->verdict));
    for (size_t i = 0; i < p->n_reasons; i++)
        rc |= prop(w, p->reasons[i].code, p->reasons[i].message);
    rc |= xmlTextWriterEndElement(w);
    for (size_t r = 0; r < p->n_rules; r++) {
        const nv_tl_rule *x = &p->rules[r];
        nv_text n = {0}, m = {0};
        nv_text_add(&n, "%s%s%s%s%s", x->rule_id, *x->subject ? " " : "",
                    x->subject, *x->measure ? " " : "", x->measure);
        nv_text_add(&m, "%s: value %.10g, limit %.10g",
                    netvet_result_status_name(x->status), x->value, x->limit);
        rc |= xmlTextWriterStartElement(w, BAD_CAST "testcase");
        rc |= attr(w, "classname", x->pack);
        rc |= n.oom || m.oom ? -1 : attr(w, "name", n.s);
        if (x->status != NETVET_RESULT_PASS) {
            int fail = x->status == NETVET_RESULT_FAIL;
            rc |= xmlTextWriterStartElement(w, BAD_CAST(fail ? "failure"
                                                             : "skipped"));
            rc |= m.oom ? -1 : attr(w, "message", m.s);
            rc |= xmlTextWriterEndElement(w);
        }
        rc |= xmlTextWriterEndElement(w);
        nv_text_dispose(&n);
        nv_text_dispose(&m);
    }
    return rc | xmlTextWriterEndElement(w);
}

int nv_timeline_junit(FILE *out, const nv_report_input *in,
                      const netvet_report_options *opts, netvet_diag *diag)
{
    (void)opts;
    const netvet_timeline *t = in->timeline;
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
    int rc = w ? 0 : -1;
    if (w) {
        rc |= xmlTextWriterSetIndent(w, 1);
        rc |= xmlTextWriterSetIndentString(w, BAD_CAST "  ");
        rc |= xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
        rc |= xmlTextWriterStartElement(w, BAD_CAST "testsuites");
        rc |= attr(w, "name", "netvet timeline");
        counts all = {0, 0, 0};
        for (size_t i = 0; i < t->n_points; i++) {
            counts c = tl_counts(&t->points[i]);
            all.tests += c.tests;
            all.failures += c.failures;
            all.skipped += c.skipped;
        }
        rc |= count_attrs(w, all);
        for (size_t i = 0; i < t->n_points; i++)
            rc |= tl_suite(w, &t->points[i]);
        rc |= xmlTextWriterEndDocument(w) < 0 ? -1 : 0;
        xmlFreeTextWriter(w);
    }
    if (rc >= 0 && buf)
        fwrite(xmlBufferContent(buf), 1, (size_t)xmlBufferLength(buf), out);
    xmlBufferFree(buf);
    return rc < 0 ? nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0,
                                 "out of memory")
                  : 0;
}
