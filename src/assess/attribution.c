/* SPDX-License-Identifier: Apache-2.0 */
/* Assess the vendor the evidence shows, not only the declared one: run the
 * attributor over every counted element, rewrite the view's vendor and
 * domain, and report each kind of contradiction (declared name, attributed
 * vendor) once as an attribution-conflict finding with its elements. */
#include <stdio.h>
#include <string.h>

#include "assess/attribution.h"
#include "util/alloc.h"

typedef struct conflict {
    uint32_t declared; /* inventory string id of the declared name */
    int32_t vendor;    /* attributed root vendor */
    unsigned kinds;    /* evidence kinds that pointed at it (bits) */
    uint32_t *els;
    size_t n, cap;
} conflict;

typedef struct conflicts {
    conflict *items;
    size_t n, cap;
} conflicts;

static conflict *conflict_for(conflicts *cs, uint32_t declared, int32_t vendor)
{
    for (size_t i = 0; i < cs->n; i++)
        if (cs->items[i].declared == declared && cs->items[i].vendor == vendor)
            return &cs->items[i];
    if (NV_GROW(cs->items, cs->cap, cs->n + 1) < 0)
        return NULL;
    conflict *c = &cs->items[cs->n++];
    memset(c, 0, sizeof(*c));
    c->declared = declared;
    c->vendor = vendor;
    return c;
}

static int note_conflict(conflicts *cs, const nv_view *v, size_t k,
                         const netvet_attribution *at, int32_t root)
{
    conflict *c = conflict_for(cs, v->inv->vendor[k], root);
    if (!c || NV_GROW(c->els, c->cap, c->n + 1) < 0)
        return NETVET_ENOMEM;
    c->els[c->n++] = (uint32_t)k;
    for (size_t e = 0; e < at->n_evidence; e++)
        if (at->evidence[e].kind != NETVET_EV_DECLARED &&
            at->evidence[e].vendor >= 0 &&
            netvet_registry_root(v->reg, at->evidence[e].vendor) == root)
            c->kinds |= 1u << at->evidence[e].kind;
    return 0;
}

static int emit(nv_findings *out, const nv_view *v, conflict *c)
{
    const char *declared = nv_inv_str(v->inv, c->declared);
    const char *vendor = netvet_registry_vendor(v->reg, (size_t)c->vendor)->id;
    char kinds[128] = "", msg[768];
    for (int k = 0; k < NETVET_EV_COUNT; k++)
        if (c->kinds & (1u << k)) {
            size_t used = strlen(kinds);
            snprintf(kinds + used, sizeof(kinds) - used, "%s%s",
                     used ? ", " : "", netvet_evidence_kind_name(k));
        }
    snprintf(msg, sizeof(msg), "declared vendor '%s' on %zu element%s, but "
             "the evidence (%s) says %s", declared, c->n, c->n == 1 ? "" : "s",
             kinds, vendor);
    nv_finding *f = nv_findings_push(out);
    if (!f)
        return NETVET_ENOMEM;
    f->rule_id = nv_strdup("attribution-conflict");
    f->pack = nv_strdup("netvet");
    f->title = nv_strdup("Evidence contradicts the declared vendor");
    f->message = nv_strdup(msg);
    f->source = nv_strdup("netvet: IEEE OUI registry, IANA enterprise numbers, "
                          "vendor sysDescr patterns (docs/attribution.md)");
    f->subject = nv_strdup(vendor);
    f->measure = nv_strdup("elements");
    f->severity = NETVET_SEV_WARNING;
    f->value = (double)c->n;
    f->elements = c->els; /* handed over */
    f->n_elements = c->n;
    c->els = NULL;
    if (!f->rule_id || !f->pack || !f->title || !f->message || !f->source ||
        !f->subject || !f->measure)
        return NETVET_ENOMEM;
    return 0;
}

int nv_view_attribute(nv_view *v, netvet_attributor *attributor,
                      nv_findings *out, size_t *n_attributed)
{
    conflicts cs = {0};
    int rc = 0;
    *n_attributed = 0;
    for (size_t k = 0; k < v->n && rc == 0; k++) {
        if (!v->counted[k])
            continue;
        netvet_attribution at;
        if ((rc = netvet_attribute_element(&at, attributor, v->inv, k)) < 0)
            break;
        int32_t root = at.vendor < 0 ? -1 : netvet_registry_root(v->reg, at.vendor);
        if (root != v->vendor[k])
            (*n_attributed)++;
        v->vendor[k] = root;
        v->domain[k] = root < 0 ? -1 : v->vendor_domain[root];
        if (at.conflict && root >= 0)
            rc = note_conflict(&cs, v, k, &at, root);
    }
    for (size_t i = 0; i < cs.n; i++) {
        if (rc == 0)
            rc = emit(out, v, &cs.items[i]);
        nv_free(cs.items[i].els);
    }
    nv_free(cs.items);
    return rc;
}
