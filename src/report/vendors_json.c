/* SPDX-License-Identifier: Apache-2.0 */
/* The vendors report as JSON (schema netvet-vendors/1,
 * docs/json-schema.md): every entry with all its facts and what holds on
 * the as-of day (list, show), or a name's resolution with the owner chain
 * flattened into stakes (why). */
#include "netvet/version.h"
#include "inventory/inv.h"
#include "report/formats.h"
#include "report/report.h"
#include "report/vendors_report.h"
#include "report/whatif_report.h"
#include "util/alloc.h"

#define MAX_REFS 64

static const char *const kinds[] = {"vendor", "holder"};
static const char *const states[] = {"none", "influence", "owned"};

static json_t *strings(const char *const *s, size_t n, int *ok)
{
    json_t *a = json_array();
    for (size_t k = 0; k < n; k++)
        nv_json_append(a, json_string(s[k]), ok);
    return a;
}

static json_t *or_null(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

static json_t *stake_json(const nv_stake *s, int *ok)
{
    json_t *o = json_object();
    nv_json_put(o, "owner", s->owner ? json_string(s->owner) : json_null(),
                ok);
    nv_json_put(o, "state", s->state ? json_string(s->state) : json_null(),
                ok);
    nv_json_put(o, "share", json_real(s->share), ok);
    nv_json_put(o, "from", or_null(s->from), ok);
    nv_json_put(o, "until", or_null(s->until), ok);
    nv_json_put(o, "source", or_null(s->source), ok);
    nv_json_put(o, "parent", json_boolean(s->parent), ok);
    nv_json_put(o, "in_force", json_boolean(s->in_force), ok);
    nv_json_put(o, "counts", json_boolean(s->counts), ok);
    return o;
}

static json_t *juris_json(const nv_report_input *in, int v, int *ok)
{
    const char *c[32];
    return strings(c, nv_vendor_juris(in, v, c), ok);
}

static json_t *listings_json(const nv_report_input *in,
                             const netvet_vendor *vd, int *ok)
{
    json_t *a = json_array();
    for (size_t k = 0; k < vd->n_listings; k++) {
        const netvet_listing *l = &vd->listings[k];
        json_t *o = json_object();
        nv_json_put(o, "id", json_string(l->id), ok);
        nv_json_put(o, "date", or_null(l->date), ok);
        nv_json_put(o, "until", or_null(l->until), ok);
        nv_json_put(o, "source", json_string(l->source), ok);
        nv_json_put(o, "note", or_null(l->note), ok);
        nv_json_put(o, "in_force",
                    json_boolean(netvet_listing_in_force(l, in->as_of)), ok);
        nv_json_append(a, o, ok);
    }
    return a;
}

static json_t *in_force_json(const nv_report_input *in, int v, int *ok)
{
    netvet_listing_ref r[MAX_REFS];
    size_t n = netvet_registry_listings_in_force(in->registry, v, in->as_of,
                                                 r, MAX_REFS);
    json_t *a = json_array();
    for (size_t k = 0; k < n && k < MAX_REFS; k++)
        nv_json_append(a, json_pack("{s:s, s:s}", "id", r[k].listing->id,
                                    "via", netvet_registry_vendor(
                                        in->registry,
                                        (size_t)r[k].holder)->id), ok);
    return a;
}

static json_t *owners_json(const nv_report_input *in, int v, int *ok)
{
    nv_stake st[NV_MAX_STAKES];
    size_t n = nv_vendor_stakes(in->registry, v, in->as_of,
                                in->vendors->threshold, st);
    json_t *a = json_array();
    for (size_t k = 0; k < n; k++)
        nv_json_append(a, stake_json(&st[k], ok), ok);
    return a;
}

static json_t *vendor_json(const nv_report_input *in, int v, int *ok)
{
    const netvet_registry *reg = in->registry;
    const netvet_vendor *vd = netvet_registry_vendor(reg, (size_t)v);
    json_t *o = json_object(), *al = json_array(), *pens = json_array();
    for (size_t k = 0; k < netvet_registry_alias_count(reg, (size_t)v); k++)
        nv_json_append(al, json_string(netvet_registry_alias(reg, (size_t)v,
                                                             k)), ok);
    for (size_t k = 0; k < vd->n_pens; k++)
        nv_json_append(pens, json_integer((json_int_t)vd->pens[k]), ok);
    nv_json_put(o, "id", json_string(vd->id), ok);
    nv_json_put(o, "kind", json_string(kinds[vd->kind & 1]), ok);
    nv_json_put(o, "name", json_string(vd->name), ok);
    nv_json_put(o, "aliases", al, ok);
    nv_json_put(o, "country", json_string(vd->country), ok);
    nv_json_put(o, "country_source", or_null(vd->country_source), ok);
    nv_json_put(o, "state_control",
                json_string(states[vd->state_control % 3]), ok);
    nv_json_put(o, "owners", owners_json(in, v, ok), ok);
    nv_json_put(o, "categories", strings(vd->categories, vd->n_categories,
                                         ok), ok);
    nv_json_put(o, "production", strings(vd->production, vd->n_production,
                                         ok), ok);
    nv_json_put(o, "production_source", or_null(vd->production_source), ok);
    nv_json_put(o, "note", or_null(vd->note), ok);
    nv_json_put(o, "listings", listings_json(in, vd, ok), ok);
    nv_json_put(o, "pens", pens, ok);
    nv_json_put(o, "jurisdictions", juris_json(in, v, ok), ok);
    nv_json_put(o, "listings_in_force", in_force_json(in, v, ok), ok);
    return o;
}

/* The stakes of every entry reachable from v through stakes that count,
 * each entry once: {"entry", ...stake, "adds"}. */
static void chain_json(const nv_report_input *in, int v, json_t *arr,
                       unsigned char *seen, int *ok)
{
    nv_stake st[NV_MAX_STAKES];
    seen[v] = 1;
    size_t n = nv_vendor_stakes(in->registry, v, in->as_of,
                                in->vendors->threshold, st);
    const char *id = netvet_registry_vendor(in->registry, (size_t)v)->id;
    for (size_t k = 0; k < n && *ok; k++) {
        json_t *o = stake_json(&st[k], ok);
        nv_json_put(o, "entry", json_string(id), ok);
        const char *c[32];
        size_t nc = 0;
        if (st[k].counts && st[k].state)
            c[nc++] = st[k].state;
        else if (st[k].counts)
            nc = nv_vendor_juris(in, st[k].index, c);
        nv_json_put(o, "adds", strings(c, nc, ok), ok);
        nv_json_append(arr, o, ok);
    }
    for (size_t k = 0; k < n && *ok; k++)
        if (st[k].counts && st[k].index >= 0 && !seen[st[k].index])
            chain_json(in, st[k].index, arr, seen, ok);
}

static json_t *why_json(const nv_report_input *in, int *ok)
{
    netvet_name_resolution r;
    int v = nv_vendors_subject(in, &r);
    json_t *o = json_object();
    nv_json_put(o, "name", json_string(in->vendors->subject), ok);
    nv_json_put(o, "how", json_string(netvet_name_how_name(r.how)), ok);
    nv_json_put(o, "matched", r.matched ? json_string(r.matched)
                                        : json_null(), ok);
    nv_json_put(o, "vendor", v < 0 ? json_null() : vendor_json(in, v, ok),
                ok);
    json_t *ch = json_array();
    unsigned char *seen = nv_calloc(netvet_registry_count(in->registry) + 1,
                                    1);
    if (!seen)
        *ok = 0;
    else if (v >= 0)
        chain_json(in, v, ch, seen, ok);
    nv_free(seen);
    nv_json_put(o, "chain", ch, ok);
    return o;
}

int nv_vendors_json(FILE *out, const nv_report_input *in,
                    const netvet_report_options *opts, netvet_diag *diag)
{
    (void)opts;
    static const char *const views[] = {"list", "show", "why"};
    const netvet_vendors_options *vo = in->vendors;
    char day[16];
    int ok = 1;
    json_t *doc = json_object();
    nv_format_date(in->as_of, day);
    nv_json_put(doc, "schema", json_string(NETVET_VENDORS_JSON_SCHEMA), &ok);
    nv_json_put(doc, "netvet_version", json_string(netvet_version()), &ok);
    nv_json_put(doc, "view", json_string(views[vo->view % 3]), &ok);
    nv_json_put(doc, "as_of", json_string(day), &ok);
    nv_json_put(doc, "ownership_threshold", json_real(vo->threshold), &ok);
    nv_json_put(doc, "registry_changes",
                nv_report_json_registry_changes(in->registry), &ok);
    if (vo->view == NETVET_VENDORS_LIST) {
        json_t *a = json_array();
        for (size_t i = 0; i < netvet_registry_count(in->registry) && ok; i++)
            nv_json_append(a, vendor_json(in, (int)i, &ok), &ok);
        nv_json_put(doc, "vendors", a, &ok);
    } else if (vo->view == NETVET_VENDORS_SHOW) {
        nv_json_put(doc, "vendor",
                    vendor_json(in, netvet_registry_find(in->registry,
                                                         vo->subject), &ok),
                    &ok);
    } else {
        nv_json_put(doc, "why", why_json(in, &ok), &ok);
    }
    return nv_json_dump(out, doc, ok, diag);
}
