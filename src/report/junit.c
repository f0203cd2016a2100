/* SPDX-License-Identifier: Apache-2.0 */
/* JUnit XML for CI systems (the testsuites/testsuite/testcase layout CI
 * servers read): one testsuite per assessed state, one testcase per policy
 * rule (a failure with the failing measurements' margins when a finding
 * of the rule that no waiver covers is at or above the gate; skipped when
 * the rule is not in effect, has nothing in scope or is undetermined),
 * one per netvet check that found something, and one "assessment
 * complete" testcase skipped with the reasons when it is INCOMPLETE.
 * Properties: the as-of date, the verdict and the input files. Built as a
 * libxml2 tree and serialised by it, which escapes markup; characters XML
 * 1.0 cannot carry (C0 controls but tab, LF, CR) are written as \xNN
 * first. (Not xmlTextWriter: out of memory, it leaks a node.) libxml2's
 * messages go to a silent handler while the report is built: the library
 * never prints. */
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

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

/* The writer: a current element the calls below add to, and rc < 0 once
 * anything failed (every later call is then a no-op). */
typedef struct xw {
    xmlNodePtr cur;
    int rc;
} xw;

static void start(xw *w, const char *name)
{
    if (w->rc < 0)
        return;
    xmlNodePtr n = xmlNewChild(w->cur, NULL, BAD_CAST name, NULL);
    if (!n)
        w->rc = -1;
    else
        w->cur = n;
}

static void end(xw *w)
{
    if (w->rc >= 0)
        w->cur = w->cur->parent;
}

static void attr(xw *w, const char *name, const char *value)
{
    if (w->rc < 0)
        return;
    char *v = xml_safe(value);
    if (!v || !xmlNewProp(w->cur, BAD_CAST name, BAD_CAST v))
        w->rc = -1;
    nv_free(v);
}

/* libxml2 reports out of memory through its generic error handler, which
 * prints; the report fails with NETVET_ENOMEM instead. */
static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

/* A document whose root element `name` is w's current element. The
 * caller's libxml2 message handler is kept in w and restored by finish. */
typedef struct xdoc {
    xmlDocPtr doc;
    xmlGenericErrorFunc old;
    void *old_ctx;
} xdoc;

static xdoc new_doc(xw *w, const char *name)
{
    xdoc d = {NULL, xmlGenericError, xmlGenericErrorContext};
    xmlSetGenericErrorFunc(NULL, silent);
    w->rc = 0;
    w->cur = NULL;
    d.doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root =
        d.doc ? xmlNewDocNode(d.doc, NULL, BAD_CAST name, NULL) : NULL;
    if (!root)
        w->rc = -1;
    else
        xmlDocSetRootElement(d.doc, root);
    w->cur = root;
    return d;
}

/* Write the document (UTF-8, indented) and free it.
 * @return 0 or NETVET_ENOMEM. */
static int finish(xw *w, xdoc *d, FILE *out, netvet_diag *diag)
{
    xmlChar *mem = NULL;
    int size = 0;
    if (w->rc >= 0)
        xmlDocDumpFormatMemoryEnc(d->doc, &mem, &size, "UTF-8", 1);
    xmlFreeDoc(d->doc);
    xmlSetGenericErrorFunc(d->old_ctx, d->old);
    if (!mem)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0,
                            "out of memory");
    fwrite(mem, 1, (size_t)size, out);
    xmlFree(mem);
    return 0;
}

static void prop(xw *w, const char *name, const char *value)
{
    start(w, "property");
    attr(w, "name", name);
    attr(w, "value", value);
    end(w);
}

static void text(xw *w, const char *s)
{
    if (w->rc < 0)
        return;
    char *v = xml_safe(s);
    xmlNodePtr t = v ? xmlNewText(BAD_CAST v) : NULL;
    if (!t || !xmlAddChild(w->cur, t)) {
        xmlFreeNode(t);
        w->rc = -1;
    }
    nv_free(v);
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

static void finding_messages(xw *w, const netvet_assessment *a,
                             const char *id)
{
    for (size_t i = 0; i < a->findings.n; i++) {
        const nv_finding *f = &a->findings.items[i];
        if (strcmp(f->rule_id, id))
            continue;
        text(w, f->waived ? "[waived] " : "");
        text(w, f->message);
        text(w, "\n");
    }
}

static int testcase(xw *w, const netvet_assessment *a,
                    const char *id, const char *pack, long rule, int fail_on)
{
    const char *why = "";
    int o = rule >= 0 ? outcome(a, id, (size_t)rule, fail_on, &why) : 'f';
    start(w, "testcase");
    attr(w, "classname", pack);
    attr(w, "name", id);
    if (o == 'f') {
        nv_text m = {0};
        if (rule >= 0)
            margins(&m, a, (size_t)rule);
        start(w, "failure");
        attr(w, "message", m.len ? m.s : id);
        attr(w, "type", "netvet-finding");
        finding_messages(w, a, id);
        end(w);
        if (m.oom)
            w->rc = -1;
        nv_text_dispose(&m);
    } else if (o == 's') {
        start(w, "skipped");
        attr(w, "message", why);
        end(w);
    }
    end(w);
    return w->rc;
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

static void count_attrs(xw *w, counts c)
{
    char n[3][32];
    snprintf(n[0], sizeof n[0], "%zu", c.tests);
    snprintf(n[1], sizeof n[1], "%zu", c.failures);
    snprintf(n[2], sizeof n[2], "%zu", c.skipped);
    attr(w, "tests", n[0]);
    attr(w, "failures", n[1]);
    attr(w, "errors", "0");
    attr(w, "skipped", n[2]);
}

static int suite(xw *w, nv_report_kind kind,
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
    start(w, "testsuite");
    if (name.oom)
        w->rc = -1;
    attr(w, "name", name.oom ? "" : name.s);
    count_attrs(w, suite_counts(a, fail_on));
    nv_text_dispose(&name);
    start(w, "properties");
    prop(w, "netvet-version", netvet_version());
    prop(w, "as-of", date);
    prop(w, "verdict",
         netvet_verdict_name(netvet_assessment_verdict(a, fail_on)));
    for (int k = 0; k < 2; k++)
        if (*netvet_inventory_path(a->view.inv, k)) {
            nv_text v = {0};
            nv_text_add(&v, "%s", netvet_inventory_path(a->view.inv, k));
            if (*netvet_inventory_sha256(a->view.inv, k))
                nv_text_add(&v, " sha256 %s",
                            netvet_inventory_sha256(a->view.inv, k));
            if (v.oom)
                w->rc = -1;
            else
                prop(w, k ? "links" : "elements", v.s);
            nv_text_dispose(&v);
        }
    const netvet_assessment *base = nv_report_assessment(kind, in);
    for (size_t i = 0; i < netvet_assessment_input_count(base); i++) {
        netvet_input x = netvet_assessment_input(base, i);
        nv_text v = {0};
        nv_text_add(&v, "%s sha256 %s", x.path, x.sha256);
        if (x.version)
            nv_text_add(&v, " version %s", x.version);
        if (v.oom)
            w->rc = -1;
        else
            prop(w, x.kind, v.s);
        nv_text_dispose(&v);
    }
    end(w);
    for (size_t r = 0; p && r < p->n_rules; r++)
        testcase(w, a, p->rules[r].id, p->packs[p->rules[r].pack].id,
                 (long)r, fail_on);
    for (size_t i = 0; i < a->findings.n; i++) /* netvet's own checks */
        if (own_case(a, i, fail_on))
            testcase(w, a, a->findings.items[i].rule_id, "netvet", -1,
                     fail_on);
    if (netvet_assessment_incomplete_count(a)) {
        start(w, "testcase");
        attr(w, "classname", "netvet");
        attr(w, "name", "assessment-complete");
        start(w, "skipped");
        const char *msg = "";
        netvet_assessment_incomplete(a, 0, &msg);
        attr(w, "message", msg);
        end(w);
        end(w);
    }
    end(w);
    return w->rc;
}

static int junit(nv_report_kind kind, FILE *out, const nv_report_input *in,
                 const netvet_report_options *opts, netvet_diag *diag)
{
    nv_report_state *st;
    size_t n;
    int err = nv_report_states(kind, in, &st, &n, diag);
    if (err < 0)
        return err;
    xw x, *w = &x;
    xdoc d = new_doc(w, "testsuites");
    attr(w, "name", "netvet");
    counts all = {0, 0, 0};
    for (size_t s = 0; s < n; s++) {
        counts c = suite_counts(st[s].a, opts->fail_on);
        all.tests += c.tests;
        all.failures += c.failures;
        all.skipped += c.skipped;
    }
    count_attrs(w, all);
    for (size_t s = 0; s < n; s++)
        suite(w, kind, &st[s], in, opts->fail_on);
    nv_free(st);
    return finish(w, &d, out, diag);
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

static int tl_suite(xw *w, const nv_tl_point *p)
{
    nv_text name = {0};
    nv_text_add(&name, "netvet timeline %s", p->date);
    start(w, "testsuite");
    if (name.oom)
        w->rc = -1;
    attr(w, "name", name.oom ? "" : name.s);
    count_attrs(w, tl_counts(p));
    nv_text_dispose(&name);
    start(w, "properties");
    prop(w, "as-of", p->date);
    prop(w, "verdict", netvet_verdict_name(p->verdict));
    for (size_t i = 0; i < p->n_reasons; i++)
        prop(w, p->reasons[i].code, p->reasons[i].message);
    end(w);
    for (size_t r = 0; r < p->n_rules; r++) {
        const nv_tl_rule *x = &p->rules[r];
        nv_text n = {0}, m = {0};
        nv_text_add(&n, "%s%s%s%s%s", x->rule_id, *x->subject ? " " : "",
                    x->subject, *x->measure ? " " : "", x->measure);
        nv_text_add(&m, "%s: value %.10g, limit %.10g",
                    netvet_result_status_name(x->status), x->value, x->limit);
        start(w, "testcase");
        attr(w, "classname", x->pack);
        if (n.oom || m.oom)
            w->rc = -1;
        else
            attr(w, "name", n.s);
        if (x->status != NETVET_RESULT_PASS) {
            int fail = x->status == NETVET_RESULT_FAIL;
            start(w, fail ? "failure" : "skipped");
            if (!m.oom)
                attr(w, "message", m.s);
            end(w);
        }
        end(w);
        nv_text_dispose(&n);
        nv_text_dispose(&m);
    }
    end(w);
    return w->rc;
}

int nv_timeline_junit(FILE *out, const nv_report_input *in,
                      const netvet_report_options *opts, netvet_diag *diag)
{
    (void)opts;
    const netvet_timeline *t = in->timeline;
    xw x, *w = &x;
    xdoc d = new_doc(w, "testsuites");
    attr(w, "name", "netvet timeline");
    counts all = {0, 0, 0};
    for (size_t i = 0; i < t->n_points; i++) {
        counts c = tl_counts(&t->points[i]);
        all.tests += c.tests;
        all.failures += c.failures;
        all.skipped += c.skipped;
    }
    count_attrs(w, all);
    for (size_t i = 0; i < t->n_points; i++)
        tl_suite(w, &t->points[i]);
    return finish(w, &d, out, diag);
}
