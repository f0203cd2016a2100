/* SPDX-License-Identifier: Apache-2.0 */
/* Share tables: accumulate count and weight per (function, vendor) and per
 * (function, domain set) in dense arrays in one pass, spread each set's
 * sums over its domains (an element counts in every domain of its set, so
 * domain shares may add up to more than the group), then keep non-empty
 * rows sorted largest first. */
#include "analysis/shares.h"

#include <stdlib.h>
#include <string.h>

#include "util/clock.h"
#include "util/alloc.h"

#define NG (NETVET_FN_COUNT + 1)

static int cmp_row(const void *pa, const void *pb)
{
    const nv_share_row *a = pa, *b = pb;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    if (a->weight != b->weight)
        return a->weight > b->weight ? -1 : 1;
    return (a->key > b->key) - (a->key < b->key);
}

/* Rows with count > 0 out of dense arrays whose slot 0 is "unknown". */
static int compact(nv_share_row **out, size_t *n_out, const uint64_t *cnt,
                   const double *wt, size_t slots)
{
    size_t n = 0;
    for (size_t i = 0; i < slots; i++)
        n += cnt[i] > 0;
    nv_share_row *rows = nv_calloc(n ? n : 1, sizeof(*rows));
    if (!rows)
        return NETVET_ENOMEM;
    n = 0;
    for (size_t i = 0; i < slots; i++) {
        if (cnt[i] == 0)
            continue;
        rows[n].key = (int32_t)i - 1;
        rows[n].count = cnt[i];
        rows[n].weight = wt[i];
        n++;
    }
    qsort(rows, n, sizeof(*rows), cmp_row);
    *out = rows;
    *n_out = n;
    return 0;
}

static void concentration(nv_group_shares *g)
{
    for (size_t i = 0; i < g->n_vendors; i++) {
        double c = g->count ? (double)g->vendors[i].count / (double)g->count : 0;
        double w = g->weight > 0 ? g->vendors[i].weight / g->weight : 0;
        g->hhi_count += c * c;
        g->hhi_weight += w * w;
        if (c > g->top_count)
            g->top_count = c;
        if (w > g->top_weight)
            g->top_weight = w;
    }
}

typedef struct dense {
    uint64_t *cnt;
    double *wt;
    size_t slots; /* per group */
} dense;

static int dense_new(dense *d, size_t keys)
{
    d->slots = keys + 1;
    d->cnt = nv_calloc(NG * d->slots, sizeof(uint64_t));
    d->wt = nv_calloc(NG * d->slots, sizeof(double));
    return d->cnt && d->wt ? 0 : NETVET_ENOMEM;
}

static void dense_add(dense *d, size_t fn, int32_t key, double w)
{
    size_t a = fn * d->slots + (size_t)(key + 1);
    size_t b = NETVET_FN_COUNT * d->slots + (size_t)(key + 1);
    d->cnt[a]++;
    d->wt[a] += w;
    d->cnt[b]++;
    d->wt[b] += w;
}

/* Domain sums from set sums: each set's into every domain of it; slot 0
 * (unknown vendor) as it is. With one domain per set (set = domain) the
 * sums are the sets' own, bit for bit. */
static void sets_to_domains(dense *dd, const dense *ds, const nv_view *v)
{
    for (size_t g = 0; g < NG; g++) {
        uint64_t *dc = dd->cnt + g * dd->slots;
        double *dw = dd->wt + g * dd->slots;
        const uint64_t *sc = ds->cnt + g * ds->slots;
        const double *sw = ds->wt + g * ds->slots;
        dc[0] = sc[0];
        dw[0] = sw[0];
        for (size_t s = 0; s < v->n_dsets; s++) {
            const int32_t *dom;
            size_t m = nv_view_domains(v, (int32_t)s, &dom);
            for (size_t i = 0; i < m && sc[s + 1]; i++) {
                dc[dom[i] + 1] += sc[s + 1];
                dw[dom[i] + 1] += sw[s + 1];
            }
        }
    }
}

int nv_shares_compute(nv_shares *out, const nv_view *v)
{
    double t0 = nv_clock_seconds();
    memset(out, 0, sizeof(*out));
    dense dv = {0}, ds = {0}, dd = {0};
    int rc = NETVET_ENOMEM;
    if (dense_new(&dv, netvet_registry_count(v->reg)) < 0 ||
        dense_new(&ds, v->n_dsets) < 0 || dense_new(&dd, v->n_domains) < 0)
        goto done;
    const netvet_inventory *inv = v->inv;
    for (size_t k = 0; k < v->n; k++) {
        if (!v->counted[k])
            continue;
        size_t fn = inv->function[k];
        double w = inv->weight[k];
        dense_add(&dv, fn, v->vendor[k], w);
        dense_add(&ds, fn, v->dset[k], w);
        out->group[fn].count++;
        out->group[fn].weight += w;
    }
    out->group[NV_SHARES_ALL].count = v->n_counted;
    out->group[NV_SHARES_ALL].weight = v->total_weight;
    sets_to_domains(&dd, &ds, v);
    for (size_t g = 0; g < NG; g++) {
        nv_group_shares *gs = &out->group[g];
        if (compact(&gs->vendors, &gs->n_vendors, dv.cnt + g * dv.slots,
                    dv.wt + g * dv.slots, dv.slots) < 0 ||
            compact(&gs->domains, &gs->n_domains, dd.cnt + g * dd.slots,
                    dd.wt + g * dd.slots, dd.slots) < 0)
            goto done;
        concentration(gs);
        uint64_t rows = 0; /* the unknown row too: each element once... */
        for (size_t i = 0; i < gs->n_domains; i++)
            rows += gs->domains[i].count;
        gs->domains_overlap = rows > gs->count; /* ...unless in several */
    }
    rc = 0;
    out->seconds = nv_clock_seconds() - t0;
done:
    nv_free(dv.cnt);
    nv_free(dv.wt);
    nv_free(dd.cnt);
    nv_free(dd.wt);
    nv_free(ds.cnt);
    nv_free(ds.wt);
    if (rc < 0)
        nv_shares_dispose(out);
    return rc;
}

void nv_shares_dispose(nv_shares *s)
{
    for (size_t g = 0; g < NG; g++) {
        nv_free(s->group[g].vendors);
        nv_free(s->group[g].domains);
    }
    memset(s, 0, sizeof(*s));
}
