/* SPDX-License-Identifier: Apache-2.0 */
/* SARIF 2.1.0 (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/)
 * for code-scanning systems: one run; one reportingDescriptor per policy
 * rule (and per netvet check that found something); one result per
 * finding and element, located at the element's line of the inventory
 * file, with a partial fingerprint of rule, subject, measure and element
 * id (never the line, so moving rows keeps it); waived findings carry an
 * external suppression with the waiver's reason; the input files are the
 * run's artifacts (with SHA-256 where netvet hashed them). Built with
 * jansson; assess, whatif, check and plan (states.c says which states). */
#include <string.h>

#include "netvet/version.h"
#include "policy/policy.h"
#include "report/formats.h"
#include "report/report.h"
#include "report/whatif_report.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "util/sha256.h"
#include "util/text.h"
#include "whatif/timeline.h"

#define SCHEMA_URI "https://json.schemastore.org/sarif-2.1.0.json"
#define FP_KEY "netvetFinding/v1"

static const char *level_of(netvet_severity s)
{
    return s == NETVET_SEV_ERROR     ? "error"
           : s == NETVET_SEV_WARNING ? "warning"
                                     : "note";
}

/* A path as a URI reference: unreserved bytes and '/' kept, the rest
 * percent-encoded (spaces, '<stdin>', non-ASCII); an absolute path (the
 * default attribution data, /usr/share/...) as a file URI (RFC 8089),
 * since a relative reference beginning with a slash does not combine
 * with a base URI (the SARIF validator's rule SARIF1004). */
static json_t *uri_of(const char *path)
{
    size_t n = strlen(path);
    char *buf = nv_malloc(3 * n + 8);
    if (!buf)
        return NULL;
    size_t k = 0;
    if (path[0] == '/') {
        memcpy(buf, "file://", 7);
        k = 7;
    }
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
            buf[k++] = (char)*p;
        else
            k += (size_t)snprintf(buf + k, 4, "%%%02X", *p);
    }
    buf[k] = '\0';
    json_t *s = json_string(buf);
    nv_free(buf);
    return s;
}

static json_t *descriptor(const char *id, const char *title,
                          const char *source, const char *from,
                          const char *until, netvet_severity sev,
                          const char *pack, int *ok)
{
    json_t *d = json_object();
    if (!d)
        return *ok = 0, NULL;
    nv_text help = {0};
    nv_text_add(&help, "Source: %s", source);
    if (from && *from)
        nv_text_add(&help, " In force from %s", from);
    if (until && *until)
        nv_text_add(&help, "%s until %s", from && *from ? "" : " In force",
                    until);
    if ((from && *from) || (until && *until))
        nv_text_add(&help, ".");
    if (!help.s || help.oom)
        *ok = 0;
    nv_json_put(d, "id", json_string(id), ok);
    nv_json_put(d, "shortDescription", json_pack("{s:s}", "text", title), ok);
    nv_json_put(d, "help", json_pack("{s:s}", "text", help.s ? help.s : ""),
                ok);
    nv_json_put(d, "defaultConfiguration",
                json_pack("{s:s}", "level", level_of(sev)), ok);
    nv_json_put(d, "properties",
                json_pack("{s:s, s:s, s:s}", "pack", pack, "effective",
                          from ? from : "", "until", until ? until : ""),
                ok);
    nv_text_dispose(&help);
    return d;
}

/* The id of descriptor j ("" when it has none: out of memory). */
static const char *id_at(json_t *rules, size_t j)
{
    const char *id =
        json_string_value(json_object_get(json_array_get(rules, j), "id"));
    return id ? id : "";
}

/* The rules array: the policy's rules, then netvet's own checks in the
 * order their findings first appear. */
static json_t *rules(const netvet_policy *p, const nv_report_state *st,
                     size_t n, int *ok)
{
    json_t *arr = json_array();
    if (!arr)
        return *ok = 0, NULL;
    for (size_t i = 0; p && i < netvet_policy_rule_count(p); i++) {
        netvet_rule_info r = netvet_policy_rule(p, i);
        nv_json_append(arr, descriptor(r.id, r.title, r.source, r.effective,
                                       r.until, r.severity, r.pack, ok), ok);
    }
    for (size_t s = 0; s < n; s++)
        for (size_t i = 0; i < st[s].a->findings.n; i++) {
            const nv_finding *f = &st[s].a->findings.items[i];
            int known = 0;
            for (size_t j = 0; j < json_array_size(arr) && !known; j++)
                known = !strcmp(f->rule_id, id_at(arr, j));
            if (!known)
                nv_json_append(arr, descriptor(f->rule_id, f->title,
                                               f->source, NULL, NULL,
                                               f->severity, f->pack, ok),
                               ok);
        }
    return arr;
}

static json_int_t rule_index(json_t *rules, const char *id)
{
    for (size_t j = 0; j < json_array_size(rules); j++)
        if (!strcmp(id, id_at(rules, j)))
            return (json_int_t)j;
    return -1;
}

/* sha-256 of label, rule id, subject, measure and element id (NUL
 * separated): stable across runs and row moves. */
static json_t *fingerprint(const char *label, const nv_finding *f,
                           const char *element)
{
    nv_text t = {0};
    nv_text_add(&t, "%s%c%s%c%s%c%s%c%s", label, 0, f->rule_id, 0,
                f->subject, 0, f->measure, 0, element ? element : "");
    if (!t.s || t.oom) {
        nv_text_dispose(&t);
        return NULL;
    }
    char hex[NV_SHA256_HEX];
    int rc = nv_sha256_hex(t.s, t.len, hex);
    nv_text_dispose(&t);
    return rc < 0 ? NULL : json_pack("{s:s}", FP_KEY, hex);
}

/* An element at its line of the elements file; one a scenario, purchase
 * or plan added (line 0: in no file) by its id alone. */
static json_t *location(const netvet_inventory *inv, uint32_t k, int *ok)
{
    if (inv->line[k] == 0) {
        json_t *l = json_pack("{s:[{s:s}], s:{s:s}}", "logicalLocations",
                              "name", nv_inv_id(inv, k), "message", "text",
                              "an element the what-if changes added, in no "
                              "input file");
        if (!l)
            *ok = 0;
        return l;
    }
    json_t *art = json_object(), *reg = json_object();
    if (!art || !reg) {
        json_decref(art);
        json_decref(reg);
        return *ok = 0, NULL;
    }
    nv_json_put(art, "uri", uri_of(netvet_inventory_path(inv, 0)), ok);
    nv_json_put(art, "index", json_integer(0), ok);
    nv_json_put(reg, "startLine", json_integer((json_int_t)inv->line[k]), ok);
    json_t *loc = json_pack("{s:{s:o, s:o}}", "physicalLocation",
                            "artifactLocation", art, "region", reg);
    if (!loc)
        *ok = 0;
    return loc;
}

static json_t *suppression(const nv_finding *f, int *ok)
{
    json_t *s = json_pack("{s:s, s:s, s:s}", "kind", "external", "status",
                          "accepted", "justification",
                          f->waiver_reason ? f->waiver_reason : "");
    json_t *p = json_pack("{s:s, s:s, s:s, s:I}", "approvedBy",
                          f->waiver_by ? f->waiver_by : "", "expires",
                          f->waiver_expires ? f->waiver_expires : "", "file",
                          f->waiver_file ? f->waiver_file : "", "line",
                          (json_int_t)f->waiver_line);
    nv_json_put(s, "properties", p, ok);
    json_t *arr = json_array();
    nv_json_append(arr, s, ok);
    if (!arr)
        *ok = 0;
    return arr;
}

/* One result of finding f (on element k, or none when k < 0). */
static json_t *result(const nv_report_state *st, const nv_finding *f,
                      long long k, size_t omitted, json_t *rules, int *ok)
{
    const netvet_inventory *inv = st->a->view.inv;
    const char *el = k >= 0 ? nv_inv_id(inv, (size_t)k) : NULL;
    json_t *r = json_object();
    if (!r)
        return *ok = 0, NULL;
    nv_json_put(r, "ruleId", json_string(f->rule_id), ok);
    nv_json_put(r, "ruleIndex", json_integer(rule_index(rules, f->rule_id)),
                ok);
    nv_json_put(r, "level", json_string(level_of(f->severity)), ok);
    nv_json_put(r, "message", json_pack("{s:s}", "text", f->message), ok);
    if (k >= 0) {
        json_t *locs = json_array();
        nv_json_append(locs, location(inv, (uint32_t)k, ok), ok);
        nv_json_put(r, "locations", locs, ok);
    }
    nv_json_put(r, "partialFingerprints", fingerprint(st->label, f, el), ok);
    if (f->waived)
        nv_json_put(r, "suppressions", suppression(f, ok), ok);
    json_t *p = json_pack("{s:s, s:s, s:s, s:f, s:f}", "pack", f->pack,
                          "subject", f->subject, "measure", f->measure,
                          "value", f->value, "limit", f->limit);
    if (p && el)
        nv_json_put(p, "element", json_string(el), ok);
    if (p && omitted) { /* the summary names the first elements only */
        nv_json_put(p, "elementsTotal",
                    json_integer((json_int_t)f->n_elements), ok);
        nv_json_put(p, "elementsOmitted", json_integer((json_int_t)omitted),
                    ok);
    }
    if (p && *st->label)
        nv_json_put(p, "scenario", json_string(st->label), ok);
    nv_json_put(r, "properties", p, ok);
    return r;
}

/* A result per finding and element, at most `max` elements per finding
 * (the first in id order; the rest counted in each result's properties). */
static json_t *results(const nv_report_state *st, size_t n, json_t *rules,
                       size_t max, int *ok)
{
    json_t *arr = json_array();
    if (!arr)
        return *ok = 0, NULL;
    for (size_t s = 0; s < n && *ok; s++) {
        const netvet_assessment *a = st[s].a;
        for (size_t i = 0; i < a->findings.n && *ok; i++) {
            const nv_finding *f = &a->findings.items[i];
            uint32_t *copy = NULL;
            const uint32_t *el = f->elements;
            if (f->n_elements &&
                nv_report_id_order(a->view.inv, f->elements, f->n_elements,
                                   &copy, &el) < 0)
                return *ok = 0, arr;
            size_t shown = f->n_elements < max ? f->n_elements : max;
            if (!f->n_elements)
                nv_json_append(arr, result(&st[s], f, -1, 0, rules, ok), ok);
            for (size_t e = 0; e < shown && *ok; e++)
                nv_json_append(arr,
                               result(&st[s], f, el[e], f->n_elements - shown,
                                      rules, ok),
                               ok);
            nv_free(copy);
        }
    }
    return arr;
}

static json_t *artifact_n(const char *path, const char *sha256,
                          const char *role, json_int_t json_length, int *ok)
{
    json_t *o = json_object();
    json_t *loc = json_object();
    nv_json_put(loc, "uri", uri_of(path), ok);
    nv_json_put(o, "location", loc, ok);
    if (o && json_length >= 0)
        nv_json_put(o, "length", json_integer(json_length), ok);
    nv_json_put(o, "roles", json_pack("[s]", role), ok);
    if (sha256 && *sha256)
        nv_json_put(o, "hashes", json_pack("{s:s}", "sha-256", sha256), ok);
    if (!o)
        *ok = 0;
    return o;
}

static json_t *artifact(const char *path, const char *sha256,
                        const char *role, int *ok)
{
    return artifact_n(path, sha256, role, -1, ok);
}

/* An input file: its size when known and, for attribution data that
 * states it, the date it was last updated (property "version"). */
static json_t *input_artifact(netvet_input x, int *ok)
{
    json_t *o = artifact_n(x.path, x.sha256, "referencedOnCommandLine",
                           x.has_bytes ? (json_int_t)x.bytes : -1, ok);
    if (o && x.version)
        nv_json_put(o, "properties", json_pack("{s:s}", "version", x.version),
                    ok);
    return o;
}

/* The inventory's elements file first (results point at index 0), its
 * links file, then the registry, pack, pattern, waiver and scenario
 * files with their SHA-256. */
static json_t *artifacts(const netvet_assessment *a,
                         const nv_report_input *in, int *ok)
{
    json_t *arr = json_array();
    const netvet_inventory *inv = a->view.inv;
    for (int w = 0; w < 2; w++)
        if (w == 0 || *netvet_inventory_path(inv, w))
            nv_json_append(
                arr,
                artifact_n(netvet_inventory_path(inv, w),
                           netvet_inventory_sha256(inv, w), "analysisTarget",
                           (json_int_t)netvet_inventory_file_size(inv, w), ok),
                ok);
    for (size_t i = 0; i < netvet_assessment_input_count(a); i++)
        nv_json_append(arr, input_artifact(netvet_assessment_input(a, i), ok),
                       ok);
    for (size_t i = 0; in->cases && i < in->n_cases; i++) {
        netvet_input x = netvet_scenario_input(in->cases[i].scenario);
        if (x.path)
            nv_json_append(arr, artifact(x.path, x.sha256,
                                         "referencedOnCommandLine", ok), ok);
    }
    if (!arr)
        *ok = 0;
    return arr;
}

static json_t *run_properties(nv_report_kind kind,
                              const netvet_assessment *base,
                              const nv_report_state *st, size_t n,
                              const netvet_report_options *opts, int *ok)
{
    char date[11];
    nv_report_as_of(base, date);
    json_t *p = json_pack("{s:s, s:s}", "command", nv_report_kind_name(kind),
                          "asOf", date);
    json_t *v = json_array();
    for (size_t s = 0; s < n; s++)
        nv_json_append(v, json_pack("{s:s, s:s}", "state", st[s].label,
                                    "verdict",
                                    netvet_verdict_name(netvet_assessment_verdict(
                                        st[s].a, opts->fail_on))),
                       ok);
    nv_json_put(p, "verdicts", v, ok);
    if (!p)
        *ok = 0;
    return p;
}

static int sarif(nv_report_kind kind, FILE *out, const nv_report_input *in,
                 const netvet_report_options *opts, netvet_diag *diag)
{
    nv_report_state *st;
    size_t n;
    int err = nv_report_states(kind, in, &st, &n, diag);
    if (err < 0)
        return err;
    const netvet_assessment *base = nv_report_assessment(kind, in);
    int ok = 1;
    json_t *run = json_object();
    json_t *rl = rules(base->policy, st, n, &ok);
    json_t *driver = json_pack("{s:s, s:s}", "name", "netvet", "version",
                               NETVET_VERSION);
    if (*NETVET_HOMEPAGE_URL) /* never invented: the build says it */
        nv_json_put(driver, "informationUri",
                    json_string(NETVET_HOMEPAGE_URL), &ok);
    nv_json_put(driver, "rules", rl, &ok);
    nv_json_put(run, "tool", json_pack("{s:o}", "driver", driver), &ok);
    nv_json_put(run, "artifacts", artifacts(base, in, &ok), &ok);
    nv_json_put(run, "results",
                results(st, n, rl, nv_report_element_limit(opts), &ok), &ok);
    nv_json_put(run, "columnKind", json_string("unicodeCodePoints"), &ok);
    nv_json_put(run, "properties",
                run_properties(kind, base, st, n, opts, &ok),
                &ok);
    json_t *doc = json_pack("{s:s, s:s, s:[o]}", "$schema", SCHEMA_URI,
                            "version", "2.1.0", "runs", run);
    nv_free(st);
    return nv_json_dump(out, doc, ok && doc, diag);
}

int nv_assess_sarif(FILE *out, const nv_report_input *in,
                    const netvet_report_options *opts, netvet_diag *diag)
{
    return sarif(NETVET_REPORT_ASSESS, out, in, opts, diag);
}

int nv_whatif_sarif(FILE *out, const nv_report_input *in,
                    const netvet_report_options *opts, netvet_diag *diag)
{
    return sarif(NETVET_REPORT_WHATIF, out, in, opts, diag);
}

int nv_check_sarif(FILE *out, const nv_report_input *in,
                   const netvet_report_options *opts, netvet_diag *diag)
{
    return sarif(NETVET_REPORT_CHECK, out, in, opts, diag);
}

int nv_plan_sarif(FILE *out, const nv_report_input *in,
                  const netvet_report_options *opts, netvet_diag *diag)
{
    return sarif(NETVET_REPORT_PLAN, out, in, opts, diag);
}

/* The timeline: the rules measured at the last date (its verdict is the
 * exit status), a result per measurement failing then (no location: a
 * timeline keeps no elements), each date's verdict in the run's
 * properties, the scenario files as artifacts. */
static json_t *tl_results(const nv_tl_point *p, json_t *rules, int *ok)
{
    json_t *arr = json_array();
    for (size_t r = 0; r < p->n_rules; r++) {
        const nv_tl_rule *x = &p->rules[r];
        if (x->status != NETVET_RESULT_FAIL)
            continue;
        nv_text m = {0};
        nv_text_add(&m, "%s%s%s on %s: value %.10g, limit %.10g",
                    x->subject, *x->subject ? " " : "", x->measure, p->date,
                    x->value, x->limit);
        nv_finding f = {.rule_id = x->rule_id, .subject = x->subject,
                        .measure = x->measure};
        json_t *o = json_pack("{s:s, s:I, s:s, s:{s:s}}", "ruleId",
                              x->rule_id, "ruleIndex",
                              rule_index(rules, x->rule_id), "level",
                              "error", "message", "text",
                              m.s && !m.oom ? m.s : "");
        nv_json_put(o, "partialFingerprints", fingerprint("", &f, NULL), ok);
        nv_json_put(o, "properties",
                    json_pack("{s:s, s:s}", "pack", x->pack, "date", p->date),
                    ok);
        nv_json_append(arr, o, ok);
        nv_text_dispose(&m);
    }
    if (!arr)
        *ok = 0;
    return arr;
}

int nv_timeline_sarif(FILE *out, const nv_report_input *in,
                      const netvet_report_options *opts, netvet_diag *diag)
{
    (void)opts;
    const netvet_timeline *t = in->timeline;
    const nv_tl_point *last = &t->points[t->n_points - 1];
    int ok = 1;
    json_t *rl = json_array(), *verdicts = json_array(), *arts = json_array();
    for (size_t r = 0; r < last->n_rules; r++)
        if (rule_index(rl, last->rules[r].rule_id) < 0)
            nv_json_append(rl, json_pack("{s:s, s:{s:s}}", "id",
                                         last->rules[r].rule_id,
                                         "properties", "pack",
                                         last->rules[r].pack), &ok);
    for (size_t i = 0; i < t->n_points; i++)
        nv_json_append(verdicts, json_pack("{s:s, s:s}", "date",
                                           t->points[i].date, "verdict",
                                           netvet_verdict_name(
                                               t->points[i].verdict)),
                       &ok);
    for (size_t i = 0; i < t->n_files_read; i++) {
        const nv_tl_file *f = &t->files_read[i];
        if (!(f->views & NV_TL_PROVENANCE))
            continue;
        int inv = f->bytes >= 0; /* the inventory's files */
        nv_json_append(arts,
                       artifact_n(f->path, f->sha256,
                                  inv ? "analysisTarget"
                                      : "referencedOnCommandLine",
                                  (json_int_t)f->bytes, &ok),
                       &ok);
    }
    json_t *driver = json_pack("{s:s, s:s}", "name", "netvet", "version",
                               NETVET_VERSION);
    if (*NETVET_HOMEPAGE_URL)
        nv_json_put(driver, "informationUri",
                    json_string(NETVET_HOMEPAGE_URL), &ok);
    json_t *res = tl_results(last, rl, &ok);
    nv_json_put(driver, "rules", rl, &ok);
    json_t *run = json_object();
    nv_json_put(run, "tool", json_pack("{s:o}", "driver", driver), &ok);
    nv_json_put(run, "artifacts", arts, &ok);
    nv_json_put(run, "results", res, &ok);
    nv_json_put(run, "properties",
                json_pack("{s:s, s:s, s:o}", "command", "timeline", "asOf",
                          last->date, "verdicts", verdicts),
                &ok);
    json_t *doc = json_pack("{s:s, s:s, s:[o]}", "$schema", SCHEMA_URI,
                            "version", "2.1.0", "runs", run);
    return nv_json_dump(out, doc, ok && doc, diag);
}
