/* SPDX-License-Identifier: Apache-2.0 */
/* Which elements a scenario filter selects, read through the overlay:
 * values are resolved once (vendor names to registry roots, sites, regions
 * and tags to string ids, ids to element indexes; anything the inventory
 * lacks is an error at its line), then one pass over the elements, then
 * the deterministic sample (the round(p x m) elements of smallest
 * hash(seed, id), picked by quickselect). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "overlay/overlay.h"
#include "util/alloc.h"
#include "util/diag.h"

typedef struct resolved {
    int32_t *roots;     /* vendor roots */
    uint32_t *sites, *regions, *tags;
    uint32_t *ids;      /* element indexes, ascending, unique */
    size_t n_ids;
} resolved;

static void resolved_dispose(resolved *r)
{
    nv_free(r->roots);
    nv_free(r->sites);
    nv_free(r->regions);
    nv_free(r->tags);
    nv_free(r->ids);
}

int nv_ov_resolve_vendor(const netvet_overlay *ov, const char *name,
                         const char *file, unsigned long line,
                         netvet_diag *diag, int32_t *root)
{
    int v = netvet_registry_resolve(ov->reg, name, strlen(name));
    if (v < 0) {
        char q[64];
        nv_yquote(q, sizeof(q), name, strlen(name));
        return nv_diag_fail(diag, NETVET_EPARSE, file, line, 0,
                            "vendor '%s' is not in the registry (add it "
                            "in a registry overlay or correct the name)", q);
    }
    *root = netvet_registry_root(ov->reg, v);
    return 0;
}

/* String ids of l's items; each must occur in the inventory. */
static int resolve_strings(const netvet_overlay *ov, const nv_strlist *l,
                           const char *what, int column_present,
                           const char *file, netvet_diag *diag,
                           uint32_t **out)
{
    if (!l->n)
        return 0;
    if (!(*out = nv_calloc(l->n, sizeof(uint32_t))))
        return NETVET_ENOMEM;
    for (size_t i = 0; i < l->n; i++) {
        const char *s = l->items[i];
        int64_t id = column_present
                         ? nv_strtab_find(&ov->inv.strings, s, strlen(s))
                         : -1;
        if (id < 0) {
            char q[64];
            nv_yquote(q, sizeof(q), s, strlen(s));
            return nv_diag_fail(diag, NETVET_EPARSE, file, l->lines[i], 0,
                                column_present
                                    ? "no element has %s '%s'"
                                    : "the inventory has no %s column "
                                      "(filter on '%s')",
                                what, q);
        }
        (*out)[i] = (uint32_t)id;
    }
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int resolve_ids(const netvet_overlay *ov, const nv_strlist *l,
                       const char *file, netvet_diag *diag, resolved *r)
{
    if (!l->n)
        return 0;
    if (!(r->ids = nv_calloc(l->n, sizeof(uint32_t))))
        return NETVET_ENOMEM;
    for (size_t i = 0; i < l->n; i++) {
        int64_t k = nv_ov_find(ov, l->items[i]);
        if (k < 0 || (ov->removed && ov->removed[k])) {
            char q[64];
            nv_yquote(q, sizeof(q), l->items[i], strlen(l->items[i]));
            return nv_diag_fail(diag, NETVET_EPARSE, file, l->lines[i], 0,
                                k < 0 ? "no element has id '%s'"
                                      : "element '%s' was removed by an "
                                        "earlier change",
                                q);
        }
        r->ids[i] = (uint32_t)k;
    }
    qsort(r->ids, l->n, sizeof(uint32_t), cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < l->n; i++)
        if (!u || r->ids[u - 1] != r->ids[i])
            r->ids[u++] = r->ids[i];
    r->n_ids = u;
    return 0;
}

static int resolve(const netvet_overlay *ov, const nv_filter *f,
                   const char *file, netvet_diag *diag, resolved *r)
{
    const netvet_inventory *inv = &ov->inv;
    int rc = 0;
    if (f->vendors.n && !(r->roots = nv_calloc(f->vendors.n,
                                               sizeof(int32_t))))
        return NETVET_ENOMEM;
    for (size_t i = 0; rc == 0 && i < f->vendors.n; i++)
        rc = nv_ov_resolve_vendor(ov, f->vendors.items[i], file,
                                  f->vendors.lines[i], diag, &r->roots[i]);
    if (rc == 0)
        rc = resolve_strings(ov, &f->sites, "site", inv->site != NULL, file,
                             diag, &r->sites);
    if (rc == 0)
        rc = resolve_strings(ov, &f->regions, "region", inv->region != NULL,
                             file, diag, &r->regions);
    if (rc == 0)
        rc = resolve_strings(ov, &f->tags, "tag", 1, file, diag, &r->tags);
    if (rc == 0)
        rc = resolve_ids(ov, &f->ids, file, diag, r);
    return rc;
}

static int in_u32(const uint32_t *set, size_t n, uint32_t v)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == v)
            return 1;
    return 0;
}

/* Does element k pass every given key of f (except ids and sample)? */
static int matches(netvet_overlay *ov, const nv_filter *f, const resolved *r,
                   int32_t vendor_root, size_t k, int *err)
{
    const netvet_inventory *inv = &ov->inv;
    if (f->fn_mask && !(f->fn_mask & (1u << inv->function[k])))
        return 0;
    if (f->sites.n && !in_u32(r->sites, f->sites.n, inv->site[k]))
        return 0;
    if (f->regions.n && !in_u32(r->regions, f->regions.n, inv->region[k]))
        return 0;
    if (f->tags.n) {
        size_t i = 0;
        while (i < f->tags.n && !nv_inv_has_tag(inv, k, r->tags[i]))
            i++;
        if (i == f->tags.n)
            return 0;
    }
    if (f->vendors.n || vendor_root >= 0) {
        int32_t root;
        if ((*err = nv_ov_vendor_root(ov, inv->vendor[k], &root)) < 0)
            return 0;
        if (vendor_root >= 0 && root != vendor_root)
            return 0;
        if (f->vendors.n) {
            size_t i = 0;
            while (i < f->vendors.n && r->roots[i] != root)
                i++;
            if (i == f->vendors.n)
                return 0;
        }
    }
    return 1;
}

/* ---- deterministic sample ---- */

static uint64_t sample_key(const char *id, uint64_t seed)
{
    uint64_t h = 14695981039346656037ull ^ (seed * 0x9E3779B97F4A7C15ull);
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    h ^= h >> 33; /* final mix so nearby ids spread */
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

typedef struct keyed {
    uint64_t key;
    uint32_t k;
} keyed;

static int keyed_less(const keyed *x, const keyed *y)
{
    return x->key < y->key || (x->key == y->key && x->k < y->k);
}

/* Move the `keep` smallest entries of ks[0..n) to the front (any order):
 * quickselect; keys are hashes, so pivots split evenly. O(n) expected. */
static void select_smallest(keyed *ks, size_t n, size_t keep)
{
    size_t lo = 0, hi = n; /* the boundary lies in [lo, hi) */
    while (hi - lo > 1 && keep > lo && keep < hi) {
        keyed pivot = ks[lo + (hi - lo - 1) / 2]; /* never the last */
        size_t i = lo, j = hi - 1;
        for (;;) { /* Hoare partition */
            while (keyed_less(&ks[i], &pivot))
                i++;
            while (keyed_less(&pivot, &ks[j]))
                j--;
            if (i >= j)
                break;
            keyed t = ks[i];
            ks[i++] = ks[j];
            ks[j--] = t;
        }
        if (keep <= j)
            hi = j + 1;
        else
            lo = j + 1;
    }
}

static int sample(const netvet_overlay *ov, const nv_filter *f,
                  const char *file, netvet_diag *diag, uint32_t *els,
                  size_t *n)
{
    size_t keep = (size_t)floor(f->sample * (double)*n + 0.5);
    if (keep == 0)
        return nv_diag_fail(diag, NETVET_EPARSE, file, f->sample_line, 0,
                            "sample of %g%% of %zu matching element%s "
                            "selects none",
                            f->sample * 100, *n, *n == 1 ? "" : "s");
    keyed *ks = nv_calloc(*n, sizeof(*ks));
    if (!ks)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < *n; i++) {
        ks[i].k = els[i];
        ks[i].key = sample_key(nv_inv_id(&ov->inv, els[i]), f->seed);
    }
    select_smallest(ks, *n, keep);
    for (size_t i = 0; i < keep; i++)
        els[i] = ks[i].k;
    nv_free(ks);
    qsort(els, keep, sizeof(uint32_t), cmp_u32);
    *n = keep;
    return 0;
}

static int collect(netvet_overlay *ov, const nv_filter *f, const resolved *r,
                   int32_t vendor_root, uint32_t **out, size_t *n_out)
{
    const netvet_inventory *inv = &ov->inv;
    size_t cand = r->ids ? r->n_ids : inv->n, n = 0;
    uint32_t *els = nv_calloc(cand ? cand : 1, sizeof(uint32_t));
    int err = els ? 0 : NETVET_ENOMEM;
    for (size_t i = 0; !err && i < cand; i++) {
        size_t k = r->ids ? r->ids[i] : i;
        if (ov->removed && ov->removed[k])
            continue;
        if (matches(ov, f, r, vendor_root, k, &err))
            els[n++] = (uint32_t)k;
    }
    *out = els;
    *n_out = n;
    return err;
}

int nv_ov_match(netvet_overlay *ov, const nv_filter *f, int32_t vendor_root,
                const char *file, netvet_diag *diag, uint32_t **out,
                size_t *n_out)
{
    resolved r = {0};
    uint32_t *els = NULL;
    size_t n = 0;
    int err = resolve(ov, f, file, diag, &r);
    if (!err)
        err = collect(ov, f, &r, vendor_root, &els, &n);
    if (!err && n == 0) {
        nv_text t = {0};
        nv_ov_describe_filter(&t, f);
        if (vendor_root >= 0)
            nv_text_add(&t, "%svendor %s", t.len ? "; " : "",
                        netvet_registry_vendor(ov->reg,
                                               (size_t)vendor_root)->id);
        err = t.oom ? NETVET_ENOMEM
                    : nv_diag_fail(diag, NETVET_EPARSE, file, f->line, 0,
                                   "no element matches (%s)",
                                   t.s ? t.s : "");
        nv_text_dispose(&t);
    }
    if (!err && f->sample > 0 && f->sample < 1)
        err = sample(ov, f, file, diag, els, &n);
    resolved_dispose(&r);
    if (err < 0) {
        nv_free(els);
        if (err == NETVET_ENOMEM)
            nv_diag_fail(diag, err, file, 0, 0, "out of memory");
        return err;
    }
    *out = els;
    *n_out = n;
    return 0;
}

/* ---- description for the change log ---- */

static void describe_list(nv_text *t, const char *key, const nv_strlist *l)
{
    if (!l->n)
        return;
    nv_text_add(t, "%s%s ", t->len ? "; " : "", key);
    for (size_t i = 0; i < l->n; i++)
        nv_text_add(t, "%s%s", i ? ", " : "", l->items[i]);
}

void nv_ov_describe_filter(nv_text *t, const nv_filter *f)
{
    if (f->fn_mask) {
        nv_text_add(t, "%sfunction ", t->len ? "; " : "");
        for (unsigned fn = 0, first = 1; fn < NETVET_FN_COUNT; fn++)
            if (f->fn_mask & (1u << fn)) {
                nv_text_add(t, "%s%s", first ? "" : ", ",
                            netvet_function_name((netvet_function)fn));
                first = 0;
            }
    }
    describe_list(t, "vendor", &f->vendors);
    describe_list(t, "site", &f->sites);
    describe_list(t, "region", &f->regions);
    describe_list(t, "tag", &f->tags);
    describe_list(t, "id", &f->ids);
    if (f->sample > 0)
        nv_text_add(t, "%ssample %g%% (seed %llu)", t->len ? "; " : "",
                    f->sample * 100, (unsigned long long)f->seed);
}
