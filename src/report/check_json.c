/* SPDX-License-Identifier: Apache-2.0 */
/* The procurement check's answer as JSON (schema netvet-check/1): the
 * question as understood, allowed or not, every rule's measurement before
 * and after, and the findings the purchase adds or changes. */
#include "report/formats.h"
#include "report/report.h"
#include "report/whatif_report.h"
#include "whatif/check.h"

#define NV_CHECK_JSON_SCHEMA "netvet-check/1"

static json_t *question_json(const netvet_check *c, int *ok)
{
    const nv_view *v = &c->before->view;
    json_t *q = json_object();
    nv_json_put(q, "vendor", json_string(c->vendor_text), ok);
    nv_json_put(q, "vendor_id",
                json_string(netvet_registry_vendor(v->reg,
                                                   (size_t)c->vendor)->id), ok);
    nv_json_put(q, "domain",
                json_string(nv_domain_label(c->before,
                                            v->vendor_dset[c->vendor])), ok);
    nv_json_put(q, "function",
                json_string(netvet_function_name(c->function)), ok);
    nv_json_put(q, "site", c->site ? json_string(c->site) : json_null(), ok);
    nv_json_put(q, "region", c->region ? json_string(c->region) : json_null(),
                ok);
    nv_json_put(q, "count", json_integer((json_int_t)c->count), ok);
    nv_json_put(q, "weight_each", json_real(c->weight), ok);
    nv_json_put(q, "weight_basis", json_string(c->weight_basis), ok);
    json_t *tags = json_array();
    for (size_t i = 0; i < c->n_tags; i++)
        if (!tags || json_array_append_new(tags, json_string(c->tags[i])) < 0)
            *ok = 0;
    nv_json_put(q, "tags", tags, ok);
    nv_json_put(q, "tags_from_site", json_integer((json_int_t)c->n_site_tags),
                ok);
    char day[11];
    nv_format_date(c->installed, day);
    nv_json_put(q, "installed", json_string(day), ok);
    return q;
}

/* [{"date", "refused_by": [rule ids]}] per later rule date; *until = the
 * first date with a refusal, or NULL. */
static json_t *later_json(const netvet_check *c, json_t **until, int *ok)
{
    json_t *later = json_array();
    *until = json_null();
    for (size_t i = 0; later && i < c->n_later; i++) {
        const nv_check_later *l = &c->later[i];
        char day[11];
        nv_format_date(l->date, day);
        json_t *o = json_object(), *ids = json_array();
        for (size_t j = 0; ids && j < l->n_refused; j++)
            if (json_array_append_new(ids, json_string(l->refused_by[j])) < 0)
                *ok = 0;
        nv_json_put(o, "date", json_string(day), ok);
        nv_json_put(o, "refused_by", ids, ok);
        if (!o || json_array_append_new(later, o) < 0)
            *ok = 0;
        if (l->n_refused && json_is_null(*until))
            *until = json_string(day);
    }
    if (!later || !*until)
        *ok = 0;
    return later;
}

int nv_check_json(FILE *out, const nv_report_input *in,
                  const netvet_report_options *opts, netvet_diag *diag)
{
    const netvet_check *c = in->check;
    const nv_compare *cmp = in->compare;
    int ok = 1;
    json_t *doc = nv_json_header(c->before, NV_CHECK_JSON_SCHEMA, c->fail_on,
                                 &ok);
    nv_json_put(doc, "question", question_json(c, &ok), &ok);
    nv_json_put(doc, "allowed", json_boolean(c->allowed), &ok);
    json_t *until, *later = later_json(c, &until, &ok);
    nv_json_put(doc, "allowed_until", c->allowed ? until : json_null(), &ok);
    if (!c->allowed)
        json_decref(until);
    nv_json_put(doc, "later", later, &ok);
    nv_json_put(doc, "after", nv_json_verdict(c->after, c->fail_on, &ok), &ok);
    nv_json_put(doc, "results", nv_json_rule_pairs(c->after, cmp, &ok), &ok);
    nv_json_put(doc, "findings_added",
                nv_json_findings(c->after, cmp, 0, &ok), &ok);
    nv_json_put(doc, "findings_changed",
                nv_json_findings(c->after, cmp, 2, &ok), &ok);
    return nv_json_dump(out, doc, ok, diag);
}
