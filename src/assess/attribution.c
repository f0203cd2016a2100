/* SPDX-License-Identifier: Apache-2.0 */
/* Assess the vendor the evidence shows, not only the declared one: run the
 * attributor over every counted element, rewrite the view's vendor and
 * domain, and report each kind of contradiction (declared name, attributed
 * vendor) once as an attribution-conflict finding with its elements.
 * Riskier mode: where the declared vendor and the evidence's vendor are
 * two different registry vendors, the view's vendor is the reading that is
 * high-risk in a loaded pack (else the evidence's) and the other reading
 * goes to view.alt_vendor, which each rule also considers (eval_ctx.h). */
#include <stdio.h>
#include <string.h>

#include "assess/attribution.h"
#include "util/alloc.h"

typedef struct conflict {
    uint32_t declared; /* inventory string id of the declared name */
    int32_t vendor;    /* attributed root vendor (riskier mode: the
                        * evidence's reading) */
    int32_t droot;     /* riskier mode: the declared reading, else -1 */
    int32_t assessed;  /* riskier mode: the reading assessed, else -1 */
    unsigned kinds;    /* evidence kinds that pointed at it (bits) */
    uint32_t *els;
    size_t n, cap;
} conflict;

typedef struct conflicts {
    conflict *items;
    size_t n, cap;
} conflicts;

/* Elements whose evidence names one organisation outside the registry. */
typedef struct unreg {
    const char *registrant; /* borrowed from the attributor */
    uint32_t *els;
    size_t n, cap;
} unreg;

typedef struct unregs {
    unreg *items;
    size_t n, cap;
} unregs;

static int note_unregistered(unregs *us, size_t k, const char *registrant)
{
    size_t i = 0;
    while (i < us->n && strcmp(us->items[i].registrant, registrant) != 0)
        i++;
    if (i == us->n) {
        if (NV_GROW(us->items, us->cap, us->n + 1) < 0)
            return NETVET_ENOMEM;
        us->items[us->n++] = (unreg){registrant, NULL, 0, 0};
    }
    unreg *u = &us->items[i];
    if (NV_GROW(u->els, u->cap, u->n + 1) < 0)
        return NETVET_ENOMEM;
    u->els[u->n++] = (uint32_t)k;
    return 0;
}

/* One unregistered-vendor finding per organisation (takes u's elements). */
static int emit_unregistered(nv_findings *out, unreg *u)
{
    char msg[1024];
    snprintf(msg, sizeof(msg), "the evidence of %zu element%s names '%s' "
             "(its IEEE or IANA registrant), an organisation the registry "
             "does not know: neither safe nor high-risk until it is added "
             "to a registry overlay", u->n, u->n == 1 ? "" : "s",
             u->registrant);
    nv_finding *f = nv_findings_push(out);
    if (!f)
        return NETVET_ENOMEM;
    const nv_own_finding own = {
        "unregistered-vendor", "Evidence names a vendor outside the registry",
        msg, "netvet: IEEE registration authority and IANA enterprise "
        "number registrants (docs/attribution.md)", u->registrant,
        "elements", NETVET_SEV_WARNING, (double)u->n};
    f->elements = u->els; /* handed over */
    f->n_elements = u->n;
    u->els = NULL;
    return nv_finding_set_own(f, &own);
}

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
                         const netvet_attribution *at, int32_t root,
                         int32_t droot, int32_t assessed)
{
    conflict *c = conflict_for(cs, v->inv->vendor[k], root);
    if (!c || NV_GROW(c->els, c->cap, c->n + 1) < 0)
        return NETVET_ENOMEM;
    c->droot = droot;
    c->assessed = assessed;
    c->els[c->n++] = (uint32_t)k;
    for (size_t e = 0; e < at->n_evidence; e++)
        if (at->evidence[e].kind != NETVET_EV_DECLARED &&
            at->evidence[e].vendor >= 0 &&
            netvet_registry_root(v->reg, at->evidence[e].vendor) == root)
            c->kinds |= 1u << at->evidence[e].kind;
    return 0;
}

static const char *vendor_id(const nv_view *v, int32_t vd)
{
    return netvet_registry_vendor(v->reg, (size_t)vd)->id;
}

/* "; assessed as X, <why>; ..." for a conflict with two readings. */
static void say_reading(char *msg, size_t size, const nv_view *v,
                        const conflict *c, const uint8_t *risky)
{
    size_t used = strlen(msg);
    int32_t other = c->assessed == c->droot ? c->vendor : c->droot;
    const char *as = vendor_id(v, c->assessed), *ot = vendor_id(v, other);
    if (risky[c->assessed] && !risky[other])
        snprintf(msg + used, size - used, "; assessed as %s, the riskier "
                 "reading (%s is high-risk in a loaded pack, %s is not); a "
                 "rule counts it as whichever reading it selects", as, as, ot);
    else
        snprintf(msg + used, size - used, "; assessed as %s, the evidence's "
                 "reading (%s high-risk in a loaded pack); a rule counts it "
                 "as whichever reading it selects", as,
                 risky[other] ? "both are" : "neither is");
}

static int emit(nv_findings *out, const nv_view *v, conflict *c,
                const uint8_t *risky)
{
    const char *declared = nv_inv_str(v->inv, c->declared);
    const char *vendor = vendor_id(v, c->vendor);
    char kinds[128] = "", msg[1024], droot[96] = "";
    for (int k = 0; k < NETVET_EV_COUNT; k++)
        if (c->kinds & (1u << k)) {
            size_t used = strlen(kinds);
            snprintf(kinds + used, sizeof(kinds) - used, "%s%s",
                     used ? ", " : "", netvet_evidence_kind_name(k));
        }
    if (c->assessed >= 0)
        snprintf(droot, sizeof(droot), " (%s)", vendor_id(v, c->droot));
    snprintf(msg, sizeof(msg), "declared vendor '%s'%s on %zu element%s, but "
             "the evidence (%s) says %s", declared, droot, c->n,
             c->n == 1 ? "" : "s", kinds, vendor);
    if (c->assessed >= 0)
        say_reading(msg, sizeof(msg), v, c, risky);
    nv_finding *f = nv_findings_push(out);
    if (!f)
        return NETVET_ENOMEM;
    const nv_own_finding own = {
        "attribution-conflict", "Evidence contradicts the declared vendor",
        msg, "netvet: IEEE OUI registry, IANA enterprise numbers, vendor "
        "sysDescr patterns (docs/attribution.md)", vendor, "elements",
        NETVET_SEV_WARNING, (double)c->n};
    f->elements = c->els; /* handed over */
    f->n_elements = c->n;
    c->els = NULL;
    return nv_finding_set_own(f, &own);
}

/* The strongest vendor group other than `droot` in the evidence other
 * than the declared name (the attributor flagged a conflict: there is
 * one with support >= 0.6), or -1. */
static int32_t contradicting(const nv_view *v, const netvet_attribution *at,
                             int32_t droot)
{
    int32_t root[NETVET_EV_COUNT];
    double miss[NETVET_EV_COUNT];
    size_t n = 0, best = 0;
    for (size_t i = 0; i < at->n_evidence; i++) {
        const netvet_evidence *e = &at->evidence[i];
        if (e->kind == NETVET_EV_DECLARED || e->vendor < 0 || e->weight <= 0)
            continue;
        int32_t r = netvet_registry_root(v->reg, e->vendor);
        size_t g = 0;
        while (g < n && root[g] != r)
            g++;
        if (r == droot)
            continue;
        if (g == n) {
            root[n] = r;
            miss[n++] = 1.0;
        }
        miss[g] *= 1.0 - e->weight;
    }
    for (size_t g = 1; g < n; g++)
        if (miss[g] < miss[best])
            best = g;
    return n ? root[best] : -1;
}

static int alt_column(nv_view *v)
{
    v->alt_vendor = nv_reallocarray(NULL, v->n, sizeof(int32_t));
    if (!v->alt_vendor)
        return NETVET_ENOMEM;
    for (size_t k = 0; k < v->n; k++)
        v->alt_vendor[k] = -1;
    return 0;
}

/* Riskier mode for element k, declared reading d, attributed vendor a
 * (already in the view): with two readings, assess the riskier one and
 * keep the other in the alt column. */
static int riskier(nv_view *v, size_t k, const netvet_attribution *at,
                   int32_t d, int32_t d_set, const uint8_t *risky,
                   conflicts *cs)
{
    int32_t a = v->vendor[k];
    int32_t e = a != d ? a : at->conflict ? contradicting(v, at, d) : -1;
    if (d < 0 || e < 0 || e == d)
        return at->conflict && a >= 0 ? note_conflict(cs, v, k, at, a, -1, -1)
                                      : 0;
    if (!v->alt_vendor && alt_column(v) < 0)
        return NETVET_ENOMEM;
    int32_t use = risky[d] && !risky[e] ? d : e;
    /* the domains of the entry read (the evidence's when e is a) */
    v->dset[k] = use == d ? d_set : e == a ? v->dset[k] : v->vendor_dset[e];
    v->vendor[k] = use;
    v->alt_vendor[k] = use == d ? e : d;
    return note_conflict(cs, v, k, at, e, d, use);
}

int nv_view_attribute(nv_view *v, netvet_attributor *attributor,
                      const uint8_t *risky, nv_findings *out,
                      size_t *n_attributed)
{
    conflicts cs = {0};
    unregs us = {0};
    int rc = 0;
    *n_attributed = 0;
    for (size_t k = 0; k < v->n && rc == 0; k++) {
        if (!v->counted[k])
            continue;
        netvet_attribution at;
        if ((rc = netvet_attribute_element(&at, attributor, v->inv, k)) < 0)
            break;
        int32_t root = at.vendor < 0 ? -1 : netvet_registry_root(v->reg, at.vendor);
        int32_t declared = v->vendor[k], declared_set = v->dset[k];
        v->vendor[k] = root;
        v->dset[k] = root < 0 ? -1 : v->vendor_dset[at.vendor];
        if (risky)
            rc = riskier(v, k, &at, declared, declared_set, risky, &cs);
        else if (at.conflict && root >= 0)
            rc = note_conflict(&cs, v, k, &at, root, -1, -1);
        if (v->vendor[k] != declared)
            (*n_attributed)++;
        if (rc == 0 && v->vendor[k] < 0 && at.unregistered)
            rc = note_unregistered(&us, k, at.unregistered);
    }
    for (size_t i = 0; i < us.n; i++) {
        if (rc == 0)
            rc = emit_unregistered(out, &us.items[i]);
        nv_free(us.items[i].els);
    }
    nv_free(us.items);
    for (size_t i = 0; i < cs.n; i++) {
        if (rc == 0)
            rc = emit(out, v, &cs.items[i], risky);
        nv_free(cs.items[i].els);
    }
    nv_free(cs.items);
    return rc;
}
