/* SPDX-License-Identifier: Apache-2.0 */
/* The packs report (netvet packs): the loaded packs one line each, or one
 * pack with its sources, assumptions, high-risk definition, ownership
 * threshold and every rule with its dates and source; text, or JSON
 * (schema netvet-packs/1, docs/json-schema.md). */
#include <string.h>

#include "netvet/version.h"
#include "report/formats.h"
#include "report/report.h"
#include "report/whatif_report.h"
#include "util/diag.h"

static size_t rule_count(const netvet_policy *pol, const char *pack)
{
    size_t n = 0;
    for (size_t i = 0; i < netvet_policy_rule_count(pol); i++)
        n += !strcmp(netvet_policy_rule(pol, i).pack, pack);
    return n;
}

static int wanted(const nv_report_input *in, const netvet_pack_info *p)
{
    return !in->pack_id || !strcmp(in->pack_id, p->id);
}

/* ---- text ---- */

static void text_list(FILE *out, const char *label,
                      const char *const *items, size_t n)
{
    fprintf(out, "  %s", label);
    if (!n)
        fputs(" -", out);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : " ", out);
        nv_text_safe(out, items[i]);
    }
    fputc('\n', out);
}

static void text_rule(FILE *out, const netvet_rule_info *r)
{
    fprintf(out, "    %s  %s  %s  ", r->id, netvet_rule_kind_name(r->kind),
            nv_severity_name(r->severity));
    if (*r->effective || *r->until)
        fprintf(out, "%s..%s\n      ", r->effective, r->until);
    else
        fputs("always\n      ", out);
    nv_text_safe(out, r->title);
    fputs("\n      source: ", out);
    nv_text_safe(out, r->source);
    fputc('\n', out);
}

static void text_pack(FILE *out, const netvet_policy *pol,
                      const netvet_pack_info *p)
{
    fprintf(out, "%s: ", p->id);
    nv_text_safe(out, p->title);
    fputs("\n  file: ", out);
    nv_text_safe(out, p->file);
    fputs("\n  source: ", out);
    nv_text_safe(out, *p->source ? p->source : "-");
    fprintf(out, "\n  ownership threshold: %g%%\n", p->ownership_threshold);
    text_list(out, "high-risk listings:", p->listings, p->n_listings);
    text_list(out, "high-risk vendors:", p->vendors, p->n_vendors);
    text_list(out, "high-risk countries:", p->countries, p->n_countries);
    fputs("  assumptions:\n", out);
    for (size_t i = 0; i < p->n_assumptions; i++) {
        fputs("    - ", out);
        nv_text_safe(out, p->assumptions[i]);
        fputc('\n', out);
    }
    fputs("  rules (id, kind, severity, in force from..until):\n", out);
    for (size_t i = 0; i < netvet_policy_rule_count(pol); i++) {
        netvet_rule_info r = netvet_policy_rule(pol, i);
        if (!strcmp(r.pack, p->id))
            text_rule(out, &r);
    }
}

int nv_packs_text(FILE *out, const nv_report_input *in,
                  const netvet_report_options *opts, netvet_diag *diag)
{
    (void)opts;
    (void)diag;
    const netvet_policy *pol = in->policy;
    size_t n = netvet_policy_pack_count(pol);
    if (!in->pack_id)
        fprintf(out, "%-18s %-7s %5s %9s  %s\n", "id", "origin", "rules",
                "threshold", "title");
    for (size_t i = 0; i < n; i++) {
        netvet_pack_info p = netvet_policy_pack(pol, i);
        if (!wanted(in, &p))
            continue;
        if (in->pack_id) {
            text_pack(out, pol, &p);
            continue;
        }
        fprintf(out, "%-18s %-7s %5zu %8g%%  ", p.id,
                p.builtin ? "builtin" : "file", rule_count(pol, p.id),
                p.ownership_threshold);
        nv_text_safe(out, p.title);
        fputc('\n', out);
    }
    return 0;
}

/* ---- JSON ---- */

static json_t *str_array(const char *const *s, size_t n, int *ok)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        nv_json_append(a, json_string(s[i]), ok);
    return a;
}

static json_t *or_null(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

static json_t *rule_json(const netvet_rule_info *r, int *ok)
{
    json_t *o = json_object();
    nv_json_put(o, "id", json_string(r->id), ok);
    nv_json_put(o, "kind", json_string(netvet_rule_kind_name(r->kind)), ok);
    nv_json_put(o, "severity", json_string(nv_severity_name(r->severity)),
                ok);
    nv_json_put(o, "from", or_null(r->effective), ok);
    nv_json_put(o, "until", or_null(r->until), ok);
    nv_json_put(o, "title", json_string(r->title), ok);
    nv_json_put(o, "source", json_string(r->source), ok);
    return o;
}

static json_t *pack_json(const netvet_policy *pol, const netvet_pack_info *p,
                         int *ok)
{
    json_t *o = json_object(), *hr = json_object(), *rules = json_array();
    nv_json_put(o, "id", json_string(p->id), ok);
    nv_json_put(o, "title", json_string(p->title), ok);
    nv_json_put(o, "file", json_string(p->file), ok);
    nv_json_put(o, "builtin", json_boolean(p->builtin), ok);
    nv_json_put(o, "source", json_string(p->source), ok);
    nv_json_put(o, "ownership_threshold", json_real(p->ownership_threshold),
                ok);
    nv_json_put(o, "assumptions", str_array(p->assumptions,
                                            p->n_assumptions, ok), ok);
    nv_json_put(hr, "listings", str_array(p->listings, p->n_listings, ok),
                ok);
    nv_json_put(hr, "vendors", str_array(p->vendors, p->n_vendors, ok), ok);
    nv_json_put(hr, "countries", str_array(p->countries, p->n_countries, ok),
                ok);
    nv_json_put(o, "high_risk", hr, ok);
    for (size_t i = 0; i < netvet_policy_rule_count(pol); i++) {
        netvet_rule_info r = netvet_policy_rule(pol, i);
        if (!strcmp(r.pack, p->id))
            nv_json_append(rules, rule_json(&r, ok), ok);
    }
    nv_json_put(o, "rules", rules, ok);
    return o;
}

int nv_packs_json(FILE *out, const nv_report_input *in,
                  const netvet_report_options *opts, netvet_diag *diag)
{
    (void)opts;
    int ok = 1;
    json_t *doc = json_object(), *packs = json_array();
    nv_json_put(doc, "schema", json_string(NETVET_PACKS_JSON_SCHEMA), &ok);
    nv_json_put(doc, "netvet_version", json_string(netvet_version()), &ok);
    nv_json_put(doc, "ownership_threshold",
                json_real(netvet_policy_ownership_threshold(in->policy)),
                &ok);
    for (size_t i = 0; i < netvet_policy_pack_count(in->policy); i++) {
        netvet_pack_info p = netvet_policy_pack(in->policy, i);
        if (wanted(in, &p))
            nv_json_append(packs, pack_json(in->policy, &p, &ok), &ok);
    }
    nv_json_put(doc, "packs", packs, &ok);
    return nv_json_dump(out, doc, ok, diag);
}

int netvet_packs_write(FILE *out, const netvet_policy *policy,
                       const char *pack_id,
                       const netvet_report_options *opts, netvet_diag *diag)
{
    if (!out || !policy || !opts)
        return NETVET_EINVAL;
    int found = !pack_id;
    for (size_t i = 0; !found && i < netvet_policy_pack_count(policy); i++)
        found = !strcmp(netvet_policy_pack(policy, i).id, pack_id);
    if (!found)
        return nv_diag_fail(diag, NETVET_ENOTFOUND, NULL, 0, 0,
                            "no pack has the id '%s'", pack_id);
    nv_report_input in = {0};
    in.policy = policy;
    in.pack_id = pack_id;
    return nv_report_dispatch(NETVET_REPORT_PACKS, out, &in, opts, diag);
}
