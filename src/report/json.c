/* SPDX-License-Identifier: Apache-2.0 */
/* The JSON report (schema netvet-assess/1, docs/json-schema.md), built with
 * jansson. Shares are fractions in [0,1]; numbers print with 10 significant
 * digits so output is stable across runs. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "netvet/version.h"
#include "policy/policy.h"
#include "report/formats.h"
#include "report/report.h"
#include "util/diag.h"

/* Steal-and-check helpers: any failed allocation poisons `ok`. */
static void put(json_t *obj, const char *key, json_t *val, int *ok)
{
    if (!val || json_object_set_new(obj, key, val) < 0)
        *ok = 0;
}

static void append(json_t *arr, json_t *val, int *ok)
{
    if (!val || json_array_append_new(arr, val) < 0)
        *ok = 0;
}

static json_t *load_stats(const netvet_inventory *inv, int which, int *ok)
{
    netvet_load_stats s = netvet_inventory_stats(inv, which);
    json_t *o = json_object();
    if (!o)
        return *ok = 0, NULL;
    put(o, "path", json_string(netvet_inventory_path(inv, which)), ok);
    put(o, "rows_read", json_integer((json_int_t)s.rows_read), ok);
    put(o, "rows_loaded", json_integer((json_int_t)s.rows_loaded), ok);
    put(o, "rows_skipped", json_integer((json_int_t)s.rows_skipped), ok);
    return o;
}

static json_t *inventory(const netvet_assessment *a, int *ok)
{
    const nv_view *v = &a->view;
    json_t *o = json_object();
    if (!o)
        return *ok = 0, NULL;
    put(o, "elements", load_stats(v->inv, 0, ok), ok);
    put(o, "links", load_stats(v->inv, 1, ok), ok);
    put(o, "elements_counted", json_integer((json_int_t)v->n_counted), ok);
    put(o, "total_weight", json_real(v->total_weight), ok);
    put(o, "unknown_vendor_elements",
        json_integer((json_int_t)a->n_unknown_elements), ok);
    put(o, "vendors_from",
        json_string(!a->attributed ? "declared"
                    : a->riskier   ? "riskier"
                                   : "evidence"),
        ok);
    put(o, "attributed_elements", json_integer((json_int_t)a->n_attributed), ok);
    return o;
}

static json_t *rules(const netvet_policy *p, int *ok)
{
    json_t *arr = json_array();
    if (!arr)
        return *ok = 0, NULL;
    size_t n = p ? netvet_policy_rule_count(p) : 0;
    for (size_t i = 0; i < n; i++) {
        netvet_rule_info r = netvet_policy_rule(p, i);
        json_t *o = json_object();
        append(arr, o, ok);
        if (!o)
            break;
        put(o, "id", json_string(r.id), ok);
        put(o, "pack", json_string(r.pack), ok);
        put(o, "kind", json_string(netvet_rule_kind_name(r.kind)), ok);
        put(o, "title", json_string(r.title), ok);
        put(o, "severity", json_string(nv_severity_name(r.severity)), ok);
        put(o, "source", json_string(r.source), ok);
        put(o, "effective", json_string(r.effective), ok);
        put(o, "until", json_string(r.until), ok);
    }
    return arr;
}

static json_t *packs(const netvet_policy *p, int *ok)
{
    json_t *arr = json_array();
    if (!arr)
        return *ok = 0, NULL;
    for (size_t i = 0; p && i < p->n_packs && *ok; i++) {
        const nv_pack *pk = &p->packs[i];
        json_t *o = json_object(), *as = json_array();
        append(arr, o, ok);
        if (!o || !as) {
            json_decref(as);
            return *ok = 0, arr;
        }
        put(o, "id", json_string(pk->id), ok);
        put(o, "title", json_string(pk->title), ok);
        put(o, "source", json_string(pk->source), ok);
        for (size_t k = 0; k < pk->assumptions.n; k++)
            append(as, json_string(pk->assumptions.items[k]), ok);
        put(o, "assumptions", as, ok);
    }
    return arr;
}

static json_t *results(const netvet_assessment *a, int *ok)
{
    json_t *arr = json_array();
    if (!arr)
        return *ok = 0, NULL;
    for (size_t i = 0; i < a->results.n && *ok; i++) {
        const nv_rule_result *r = &a->results.items[i];
        json_t *o = json_object();
        append(arr, o, ok);
        if (!o)
            break;
        put(o, "rule", json_string(netvet_policy_rule(a->policy, r->rule).id), ok);
        put(o, "status", json_string(nv_result_status_name(r->status)), ok);
        put(o, "subject", json_string(r->subject), ok);
        put(o, "measure", json_string(r->measure), ok);
        put(o, "value", json_real(r->value), ok);
        put(o, "limit", json_real(r->limit), ok);
        if (r->reason)
            put(o, "reason", json_string(r->reason), ok);
    }
    return arr;
}

/* The elements list is a placeholder here, streamed by
 * nv_json_write_with_elements (a finding can name millions). */
static json_t *finding(const netvet_assessment *a, const nv_finding *f,
                       size_t index, size_t max, int *ok)
{
    json_t *o = json_object();
    if (!o)
        return *ok = 0, NULL;
    char mark[96];
    nv_json_placeholder(mark, sizeof(mark), a, index);
    put(o, "rule", json_string(f->rule_id), ok);
    put(o, "pack", json_string(f->pack), ok);
    put(o, "severity", json_string(nv_severity_name(f->severity)), ok);
    put(o, "title", json_string(f->title), ok);
    put(o, "message", json_string(f->message), ok);
    put(o, "source", json_string(f->source), ok);
    put(o, "subject", json_string(f->subject), ok);
    put(o, "measure", json_string(f->measure), ok);
    put(o, "value", json_real(f->value), ok);
    put(o, "limit", json_real(f->limit), ok);
    put(o, "n_elements", json_integer((json_int_t)f->n_elements), ok);
    put(o, "elements", json_string(mark), ok);
    put(o, "elements_omitted",
        json_integer((json_int_t)(f->n_elements > max ? f->n_elements - max
                                                      : 0)),
        ok);
    nv_json_put_waiver(o, f, ok);
    return o;
}

static json_t *share_rows(const netvet_assessment *a, const nv_group_shares *g,
                          int domains, int *ok)
{
    json_t *arr = json_array();
    if (!arr)
        return *ok = 0, NULL;
    const nv_share_row *rows = domains ? g->domains : g->vendors;
    size_t n = domains ? g->n_domains : g->n_vendors;
    for (size_t i = 0; i < n && *ok; i++) {
        json_t *o = json_object();
        append(arr, o, ok);
        if (!o)
            break;
        if (domains) {
            put(o, "domain", json_string(nv_domain_label(a, rows[i].key)), ok);
        } else {
            put(o, "vendor", json_string(nv_vendor_label(a, rows[i].key)), ok);
            put(o, "domain", json_string(rows[i].key < 0 ? "unknown"
                : nv_dset_label(a, a->view.vendor_dset[rows[i].key])), ok);
        }
        put(o, "count", json_integer((json_int_t)rows[i].count), ok);
        put(o, "weight", json_real(rows[i].weight), ok);
        put(o, "count_share", json_real(g->count ? (double)rows[i].count / (double)g->count : 0), ok);
        put(o, "weight_share", json_real(g->weight > 0 ? rows[i].weight / g->weight : 0), ok);
    }
    return arr;
}

static json_t *group(const netvet_assessment *a, int fn, int *ok)
{
    const nv_group_shares *g = &a->shares.group[fn];
    json_t *o = json_object();
    if (!o)
        return *ok = 0, NULL;
    put(o, "function", json_string(fn == NETVET_FN_COUNT ? "all" : netvet_function_name(fn)), ok);
    put(o, "count", json_integer((json_int_t)g->count), ok);
    put(o, "weight", json_real(g->weight), ok);
    put(o, "largest_count_share", json_real(g->top_count), ok);
    put(o, "largest_weight_share", json_real(g->top_weight), ok);
    put(o, "hhi_count", json_real(g->hhi_count), ok);
    put(o, "hhi_weight", json_real(g->hhi_weight), ok);
    put(o, "vendors", share_rows(a, g, 0, ok), ok);
    put(o, "domains", share_rows(a, g, 1, ok), ok);
    if (g->domains_overlap) /* only then: single-domain output unchanged */
        put(o, "domains_overlap", json_true(), ok);
    return o;
}

static json_t *document(const netvet_assessment *a, int fail_on, size_t max,
                        int *ok)
{
    json_t *doc = json_object(), *fs = json_array(), *sh = json_array();
    char date[11];
    nv_report_as_of(a, date);
    if (!doc || !fs || !sh) {
        json_decref(doc);
        json_decref(fs);
        json_decref(sh);
        return *ok = 0, NULL;
    }
    put(doc, "schema", json_string(NETVET_JSON_SCHEMA), ok);
    put(doc, "netvet_version", json_string(netvet_version()), ok);
    put(doc, "as_of", json_string(date), ok);
    put(doc, "detail", json_string(max == SIZE_MAX ? "full" : "summary"), ok);
    put(doc, "inputs", nv_report_json_inputs(a), ok);
    put(doc, "registry_changes",
        nv_report_json_registry_changes(a->view.reg), ok);
    put(doc, "provenance", nv_report_json_provenance(a, NULL, ok), ok);
    put(doc, "verdict",
        json_string(netvet_verdict_name(netvet_assessment_verdict(a, fail_on))),
        ok);
    put(doc, "incomplete", nv_report_json_incomplete(a), ok);
    put(doc, "fail_on", json_string(fail_on < 0 ? "never" : nv_severity_name(fail_on)), ok);
    put(doc, "inventory", inventory(a, ok), ok);
    put(doc, "packs", packs(a->policy, ok), ok);
    put(doc, "rules", rules(a->policy, ok), ok);
    put(doc, "results", results(a, ok), ok);
    for (size_t i = 0; i < a->findings.n && *ok; i++)
        append(fs, finding(a, &a->findings.items[i], i, max, ok), ok);
    put(doc, "findings", fs, ok);
    for (int fn = 0; fn <= NETVET_FN_COUNT && *ok; fn++)
        if (a->shares.group[fn].count)
            append(sh, group(a, fn, ok), ok);
    put(doc, "shares", sh, ok);
    return doc;
}

int nv_assess_json(FILE *out, const nv_report_input *in,
                   const netvet_report_options *opts, netvet_diag *diag)
{
    const netvet_assessment *a = in->assessment;
    int ok = 1;
    size_t max = nv_report_element_limit(opts);
    json_t *doc = document(a, opts->fail_on, max, &ok);
    if (!ok) {
        json_decref(doc);
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (nv_report_json_topology(doc, a) < 0) {
        json_decref(doc);
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    }
    /* Everything but the per-sink list goes through jansson; that list is
     * streamed after it as the document's last member. */
    char *text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                     JSON_REAL_PRECISION(10));
    json_decref(doc);
    if (!text)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    int rc;
    size_t len = strlen(text);
    if (a->has_topology && a->exposure.depends_kept && nv_report_full(opts) &&
        len > 2 && text[len - 1] == '}') {
        /* drop "\n}": the sinks come last */
        rc = nv_json_write_with_elements(out, text, len - 2, a, a, max);
        if (rc == 0)
            rc = nv_report_json_sinks(out, a);
    } else {
        rc = nv_json_write_with_elements(out, text, len, a, a, max);
        fputc('\n', out);
    }
    free(text);
    if (rc == NETVET_ENOMEM)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc < 0 || ferror(out))
        return nv_diag_fail(diag, NETVET_EIO, NULL, 0, 0, "cannot write report");
    return 0;
}
