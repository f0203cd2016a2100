/* SPDX-License-Identifier: Apache-2.0 */
/* The attributor: loads the IEEE and IANA tables and the patterns, gathers
 * an element's evidence, and combines it. Evidence is grouped by the
 * vendor's top-most parent; a group's support is 1 - prod(1 - weight); the
 * best group wins and the runner-up lowers the score. Rules and numbers:
 * docs/attribution.md. */
#include <string.h>

#include "attrib/attrib_int.h"
#include "inventory/inv.h"
#include "util/alloc.h"

const char *netvet_evidence_kind_name(netvet_evidence_kind kind)
{
    static const char *const names[NETVET_EV_COUNT] = {
        "declared", "mac", "sys_object_id", "sys_descr", "lldp_descr", "cpe"};
    return (unsigned)kind < NETVET_EV_COUNT ? names[kind] : "?";
}

const char *netvet_confidence_name(netvet_confidence c)
{
    static const char *const names[] = {"none", "low", "medium", "high"};
    return (unsigned)c < 4 ? names[c] : "?";
}

/* ---- construction --------------------------------------------------- */

static int load_data(netvet_attributor *a, const netvet_attrib_options *o,
                     netvet_diag *diag)
{
    int rc = NETVET_OK;
    for (int i = 0; rc == NETVET_OK && i < 4; i++)
        if (o->ieee[i])
            rc = nv_attrib_read_ieee(a, i, o->ieee[i], diag);
    if (rc == NETVET_OK)
        rc = nv_oui_db_finish(&a->oui);
    if (rc == NETVET_OK && o->enterprises)
        rc = nv_attrib_read_enterprises(a, o->enterprises, diag);
    if (rc == NETVET_OK)
        rc = nv_pen_db_finish(&a->pens);
    if (rc == NETVET_OK && !o->no_builtin_patterns)
        rc = nv_patterns_add_builtin(&a->patterns, diag);
    for (size_t i = 0; rc == NETVET_OK && i < o->n_pattern_files; i++)
        rc = nv_patterns_add_file(&a->patterns, o->pattern_files[i], diag);
    if (rc == NETVET_OK)
        rc = nv_patterns_bind(&a->patterns, a->reg, diag);
    return rc;
}

int netvet_attributor_new(netvet_attributor **out, const netvet_registry *reg,
                          const netvet_attrib_options *opts,
                          netvet_diag *diag)
{
    static const netvet_attrib_options defaults = NETVET_ATTRIB_OPTIONS_INIT;
    if (!out || !reg)
        return NETVET_EINVAL;
    *out = NULL;
    netvet_attributor *a = nv_calloc(1, sizeof(*a));
    if (!a)
        return NETVET_ENOMEM;
    a->reg = reg;
    int rc = nv_oui_db_init(&a->oui);
    if (rc == NETVET_OK)
        rc = nv_pen_db_init(&a->pens);
    if (rc == NETVET_OK)
        rc = nv_patterns_init(&a->patterns);
    if (rc == NETVET_OK)
        rc = nv_strtab_init(&a->details, 1024, 1);
    for (int i = 0; rc == NETVET_OK && i < NV_CACHE_COUNT; i++)
        rc = nv_vcache_init(&a->cache[i]);
    if (rc == NETVET_OK)
        rc = load_data(a, opts ? opts : &defaults, diag);
    if (rc < 0) {
        netvet_attributor_free(a);
        return rc;
    }
    *out = a;
    return NETVET_OK;
}

int netvet_attributor_fork(netvet_attributor **out,
                           const netvet_attributor *parent)
{
    netvet_attributor *a = nv_calloc(1, sizeof(*a));
    if (!a)
        return NETVET_ENOMEM;
    a->reg = parent->reg;
    a->parent = parent;
    a->oui = parent->oui;
    a->pens = parent->pens;
    a->patterns = parent->patterns;
    int rc = nv_patterns_new_match_data(&a->patterns);
    if (rc == NETVET_OK)
        rc = nv_strtab_init(&a->details, 1024, 1);
    for (int i = 0; rc == NETVET_OK && i < NV_CACHE_COUNT; i++)
        rc = nv_vcache_init(&a->cache[i]);
    if (rc < 0) {
        netvet_attributor_free(a);
        return rc;
    }
    *out = a;
    return NETVET_OK;
}

void netvet_attributor_free(netvet_attributor *a)
{
    if (!a)
        return;
    if (a->parent) {
        nv_patterns_free_match_data(&a->patterns);
    } else {
        nv_oui_db_dispose(&a->oui);
        nv_pen_db_dispose(&a->pens);
        nv_patterns_dispose(&a->patterns);
        nv_file_inputs_dispose(&a->data);
    }
    nv_strtab_dispose(&a->details);
    nv_classes_dispose(&a->classes);
    for (int i = 0; i < NV_CACHE_COUNT; i++)
        nv_vcache_dispose(&a->cache[i]);
    nv_free(a);
}

size_t netvet_attributor_oui_blocks(const netvet_attributor *a)
{
    return a ? nv_oui_db_count(&a->oui) : 0;
}

size_t netvet_attributor_enterprises(const netvet_attributor *a)
{
    return a ? a->pens.n : 0;
}

size_t netvet_attributor_patterns(const netvet_attributor *a)
{
    return a ? a->patterns.n : 0;
}

size_t netvet_attributor_input_count(const netvet_attributor *a)
{
    const netvet_attributor *r = a && a->parent ? a->parent : a;
    return r ? r->data.n + r->patterns.inputs.n : 0;
}

/* The data files (their own kinds), then the pattern files. */
netvet_input netvet_attributor_input(const netvet_attributor *a, size_t i)
{
    const netvet_attributor *r = a && a->parent ? a->parent : a;
    if (r && i < r->data.n)
        return nv_file_inputs_get(&r->data, NULL, i);
    return nv_file_inputs_get(r ? &r->patterns.inputs : NULL, "patterns",
                              r ? i - r->data.n : i);
}

/* ---- combining ------------------------------------------------------ */

typedef struct group {
    int root;
    double miss_all; /* prod(1 - w) over all its evidence */
    double miss_ev;  /* the same without the declared name */
    double best_w;   /* strongest single piece ... */
    int best_v;      /* ... and the vendor it names */
} group;

static size_t gather(const netvet_attributor *a, const netvet_attribution *o,
                     group *g)
{
    size_t n = 0;
    for (size_t i = 0; i < o->n_evidence; i++) {
        const netvet_evidence *e = &o->evidence[i];
        if (e->vendor < 0 || e->weight <= 0)
            continue;
        int root = netvet_registry_root(a->reg, e->vendor);
        size_t k = 0;
        while (k < n && g[k].root != root)
            k++;
        if (k == n)
            g[n++] = (group){root, 1.0, 1.0, 0.0, -1};
        g[k].miss_all *= 1.0 - e->weight;
        if (e->kind != NETVET_EV_DECLARED)
            g[k].miss_ev *= 1.0 - e->weight;
        if (e->weight > g[k].best_w) {
            g[k].best_w = e->weight;
            g[k].best_v = e->vendor;
        }
    }
    return n;
}

/* Is group x better than y? Support, then the declared root, then the
 * strongest single piece of evidence. */
static int better(const group *x, const group *y, int declared_root)
{
    double sx = 1.0 - x->miss_all, sy = 1.0 - y->miss_all;
    if (sx > sy + 1e-9 || sx < sy - 1e-9)
        return sx > sy;
    if ((x->root == declared_root) != (y->root == declared_root))
        return x->root == declared_root;
    return x->best_w > y->best_w;
}

static netvet_confidence level_of(double score)
{
    return score >= 0.8   ? NETVET_CONF_HIGH
           : score >= 0.5 ? NETVET_CONF_MEDIUM
           : score > 0    ? NETVET_CONF_LOW
                          : NETVET_CONF_NONE;
}

/* The registrant of the strongest registration evidence that names an
 * organisation outside the registry: sys_object_id (IANA), else mac. */
static const char *unregistered_of(const netvet_attribution *out)
{
    static const netvet_evidence_kind order[] = {NETVET_EV_SYS_OBJECT_ID,
                                                 NETVET_EV_MAC};
    for (size_t o = 0; o < 2; o++)
        for (size_t i = 0; i < out->n_evidence; i++)
            if (out->evidence[i].kind == order[o] &&
                out->evidence[i].registrant)
                return out->evidence[i].registrant;
    return NULL;
}

void nv_attrib_combine(const netvet_attributor *a, netvet_attribution *out)
{
    group g[NETVET_EV_COUNT];
    int has_declared = 0;
    out->declared = -1;
    for (size_t i = 0; i < out->n_evidence; i++) {
        if (out->evidence[i].kind == NETVET_EV_DECLARED) {
            has_declared = 1;
            out->declared = out->evidence[i].vendor;
        }
    }
    int droot = out->declared >= 0 ? netvet_registry_root(a->reg, out->declared)
                                   : -1;
    size_t n = gather(a, out, g), best = 0;
    for (size_t k = 1; k < n; k++)
        if (better(&g[k], &g[best], droot))
            best = k;
    double second = 0;
    out->conflict = 0;
    for (size_t k = 0; k < n; k++) {
        if (k != best && 1.0 - g[k].miss_all > second)
            second = 1.0 - g[k].miss_all;
        if (has_declared && g[k].root != droot &&
            1.0 - g[k].miss_ev >= NV_CONFLICT_SUPPORT - 1e-9)
            out->conflict = 1;
    }
    out->unregistered = NULL;
    if (n == 0) {
        out->vendor = -1;
        out->score = 0;
        out->unregistered = unregistered_of(out);
    } else {
        out->vendor = g[best].root == droot ? out->declared : g[best].best_v;
        out->score = (1.0 - g[best].miss_all) * (1.0 - second / 2.0);
    }
    out->level = level_of(out->score);
}

/* ---- public --------------------------------------------------------- */

/* Append evidence s[0..len) (blanks trimmed; empty = nothing). `owner`
 * and `sid` name it in an inventory (owner 0: no inventory). */
static int add(netvet_attributor *a, netvet_attribution *out,
               netvet_evidence_kind kind, const char *s, size_t len,
               uint64_t owner, uint32_t sid, uint32_t *details)
{
    s = nv_trim(s, &len);
    if (len == 0)
        return NETVET_OK;
    netvet_evidence *e = &out->evidence[out->n_evidence];
    e->kind = kind;
    e->value = s;
    e->value_len = len;
    uint32_t *d = &details[out->n_evidence];
    int rc = owner ? nv_eval_evidence_sid(a, owner, sid, kind, s, len, e, d)
                   : nv_eval_evidence(a, kind, s, len, e, d);
    if (rc == NETVET_OK)
        out->n_evidence++;
    return rc;
}

void nv_attrib_details(const netvet_attributor *a, netvet_attribution *out,
                       const uint32_t *details)
{
    for (size_t i = 0; i < out->n_evidence; i++)
        out->evidence[i].detail = nv_strtab_get(&a->details, details[i]);
}

int netvet_attribute(netvet_attribution *out, netvet_attributor *a,
                     const netvet_evidence_input *in)
{
    if (!out || !a || !in)
        return NETVET_EINVAL;
    const char *v[NETVET_EV_COUNT] = {in->declared, in->mac,
                                      in->sys_object_id, in->sys_descr,
                                      in->lldp_descr, in->cpe};
    uint32_t details[NETVET_EV_COUNT];
    memset(out, 0, sizeof(*out));
    for (int k = 0; k < NETVET_EV_COUNT; k++) {
        int rc = v[k] ? add(a, out, (netvet_evidence_kind)k, v[k],
                            strlen(v[k]), 0, 0, details)
                      : NETVET_OK;
        if (rc < 0)
            return rc;
    }
    nv_attrib_details(a, out, details);
    nv_attrib_combine(a, out);
    return NETVET_OK;
}

int nv_attribute_element_raw(netvet_attribution *out, netvet_attributor *a,
                             const netvet_inventory *inv, size_t k,
                             uint32_t *details)
{
    const uint32_t *col[NETVET_EV_COUNT] = {inv->vendor, inv->mac,
                                            inv->sys_object_id,
                                            inv->sys_descr, inv->lldp_descr,
                                            inv->cpe};
    memset(out, 0, sizeof(*out));
    for (int i = 0; i < NETVET_EV_COUNT; i++) {
        if (!col[i] || col[i][k] == 0)
            continue;
        uint32_t s = col[i][k];
        int rc = add(a, out, (netvet_evidence_kind)i, nv_inv_str(inv, s),
                     nv_strtab_strlen(&inv->strings, s), inv->serial, s,
                     details);
        if (rc < 0)
            return rc;
    }
    nv_attrib_details(a, out, details);
    nv_attrib_combine(a, out);
    return NETVET_OK;
}

int netvet_attribute_element(netvet_attribution *out, netvet_attributor *a,
                             const netvet_inventory *inv, size_t k)
{
    uint32_t cls;
    return netvet_attribute_element_class(out, &cls, a, inv, k);
}
