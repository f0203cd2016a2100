/* SPDX-License-Identifier: Apache-2.0 */
/* What the rule kinds share over the counted in-scope elements: their
 * counts per vendor and domain (taken for all rules in one pass,
 * eval_sums.c), and, only when a kind has a finding, a pass that fills
 * exactly-sized element lists; and the share-cap measures that only the
 * rules asking for them pay for: the customers served (a walk up the
 * dominator tree) and distinct sites. */
#include "policy/eval_ctx.h"

#include <string.h>

#include "graph/dominators.h"
#include "util/alloc.h"

/* The per-set counts into each domain of the set (with one domain per
 * set, the very sums of counting per domain), and zero them. */
static void sets_to_domains(nv_eval *e)
{
    const nv_view *v = e->view;
    for (size_t s = 0; s < v->n_dsets; s++) {
        if (!e->s_count[s])
            continue;
        const int32_t *dom;
        size_t m = nv_view_domains(v, (int32_t)s, &dom);
        for (size_t i = 0; i < m; i++) {
            e->d_count[dom[i]] += e->s_count[s];
            e->d_weight[dom[i]] += e->s_weight[s];
            /* bit 0: a strictly selected vendor (every domain of the set);
             * bit 1: one selected by a state (that state's domain only) */
            e->d_selected[dom[i]] |=
                (e->s_selected[s] & 1) ||
                ((e->s_selected[s] & 2) && nv_eval_risky_state(e, dom[i]));
        }
        e->s_count[s] = 0;
        e->s_weight[s] = 0;
        e->s_selected[s] = 0;
    }
}

/* The counts a pass for several rules took (nv_eval_sum_rules). */
static void take_sums(nv_eval *e, int domains)
{
    const nv_eval_sums *s = e->sums;
    size_t ns = e->view->n_dsets;
    e->total_count = s->total_count;
    e->total_weight = s->total_weight;
    memcpy(e->v_count, s->v_count, e->n_vendors * sizeof(*e->v_count));
    memcpy(e->v_weight, s->v_weight, e->n_vendors * sizeof(*e->v_weight));
    if (!domains)
        return;
    memcpy(e->s_count, s->s_count, ns * sizeof(*e->s_count));
    memcpy(e->s_weight, s->s_weight, ns * sizeof(*e->s_weight));
    memcpy(e->s_selected, s->s_selected, ns);
}

void nv_eval_accumulate(nv_eval *e, int domains)
{
    take_sums(e, domains);
    if (domains)
        sets_to_domains(e);
    e->n_order = 0;
    for (size_t i = 0; i < e->n_vendors; i++)
        if (e->v_count[e->by_id[i]])
            e->order[e->n_order++] = e->by_id[i];
}

/* Append each in-scope element to lists[group] (when not NULL). */
static void fill(nv_eval *e, int how, uint32_t **lists, size_t *pos)
{
    const nv_view *v = e->view;
    for (size_t k = 0; k < v->n; k++) {
        if (!v->counted[k] || !nv_scope_match(&e->scope, v, k))
            continue;
        int32_t vd = nv_eval_vendor(e, k), one;
        if (how != NV_EVAL_BY_DOMAIN && (vd < 0 || !e->selected[vd]))
            continue;
        const int32_t *g;
        size_t m = nv_eval_groups(e, how, k, &one, &g);
        for (size_t i = 0; i < m; i++)
            if (lists[g[i]])
                lists[g[i]][pos[g[i]]++] = (uint32_t)k;
    }
}

int nv_eval_make_lists(nv_eval *e, int how, size_t n, const uint8_t *want,
                       const uint64_t *count, uint32_t ***lists_out)
{
    uint32_t **lists = nv_calloc(n, sizeof(*lists));
    size_t *pos = nv_calloc(n, sizeof(*pos));
    int err = lists && pos ? 0 : NETVET_ENOMEM;
    for (size_t g = 0; !err && g < n; g++)
        if (want[g] && count[g] &&
            !(lists[g] = nv_reallocarray(NULL, count[g], sizeof(uint32_t))))
            err = NETVET_ENOMEM;
    if (!err)
        fill(e, how, lists, pos);
    nv_free(pos);
    *lists_out = lists;
    return lists ? err : NETVET_ENOMEM;
}

void nv_eval_free_lists(uint32_t **lists, size_t n)
{
    for (size_t g = 0; lists && g < n; g++)
        nv_free(lists[g]);
    nv_free(lists);
}

int32_t nv_eval_reading(const nv_eval *e, size_t k, int32_t vd)
{
    int32_t alt = e->view->alt_vendor[k];
    if (alt < 0 || (size_t)alt >= e->n_vendors)
        return vd;
    if (vd >= 0 && (size_t)vd < e->n_vendors && e->selected[vd])
        return vd;
    return e->selected[alt] ? alt : vd;
}

const char *nv_eval_vendor_id(const nv_eval *e, uint32_t v)
{
    return netvet_registry_vendor(e->view->reg, v)->id;
}

size_t nv_eval_groups(const nv_eval *e, int how, size_t k, int32_t *one,
                      const int32_t **g)
{
    *one = -1;
    if (how == NV_EVAL_BY_DOMAIN)
        return nv_view_domains(e->view, nv_eval_dset(e, k), g);
    int32_t vd = nv_eval_vendor(e, k);
    *one = how == NV_EVAL_BY_VENDOR ? vd
           : vd >= 0 && e->selected[vd] ? 0
                                        : -1;
    *g = one;
    return *one >= 0;
}

/* ---- customers served: the dominator tree ---- */

#define UP_UNSET UINT32_MAX       /* not yet worked out */
#define UP_NONE (UINT32_MAX - 1u) /* no in-scope element on the way up */

static int served_in_scope(const nv_eval *e, size_t k)
{
    return !e->scope.empty && e->view->counted[k] &&
           nv_scope_match(&e->scope, e->view, k);
}

/* The nearest in-scope element among v and its dominators, or UP_NONE,
 * memoised in up[] along the path (so all sinks cost O(n) together). */
static uint32_t up_of(const nv_eval *e, const nv_dominators *d, uint32_t *up,
                      uint32_t v)
{
    uint32_t x = v, r;
    for (;;) {
        if (up[x] != UP_UNSET) {
            r = up[x];
            break;
        }
        if (served_in_scope(e, x)) {
            r = x;
            break;
        }
        if (d->idom[x] >= NV_IDOM_ROOT) {
            r = UP_NONE;
            break;
        }
        x = d->idom[x];
    }
    for (x = v; up[x] == UP_UNSET; x = d->idom[x]) {
        up[x] = r;
        if (x == r || d->idom[x] >= NV_IDOM_ROOT)
            break;
    }
    return r;
}

int nv_eval_served(nv_eval *e, int how, size_t n, double *by_group,
                   double *total)
{
    const nv_view *v = e->view;
    const nv_dominators *d = v->dom;
    memset(by_group, 0, n * sizeof(*by_group));
    *total = 0;
    uint32_t *up = nv_reallocarray(NULL, v->n ? v->n : 1, sizeof(*up));
    if (!up)
        return NETVET_ENOMEM;
    memset(up, 0xff, v->n * sizeof(*up)); /* UP_UNSET */
    for (size_t s = 0; s < v->n && s < d->n; s++) {
        double w = nv_eval_weight(e, s);
        uint32_t p = d->idom[s];
        if (!v->counted[s] || !(w > 0) || p == NV_IDOM_NONE)
            continue;
        uint32_t u = p == NV_IDOM_ROOT ? UP_NONE : up_of(e, d, up, p);
        if (u == UP_NONE && served_in_scope(e, s))
            u = (uint32_t)s;
        if (u == UP_NONE)
            continue;
        *total += w;
        int32_t one;
        const int32_t *g;
        size_t m = nv_eval_groups(e, how, u, &one, &g);
        for (size_t i = 0; i < m; i++)
            if ((size_t)g[i] < n)
                by_group[g[i]] += w;
    }
    nv_free(up);
    return 0;
}

/* ---- distinct sites ---- */

#define SITE_ANY (1ull << 63) /* the site hosts an in-scope element */

/* One pass for up to 63 wanted groups from *next on (bit b of a site's
 * mask: group gid[b]); counts the total too when `first`. */
static void sites_pass(nv_eval *e, int how, size_t n, const uint8_t *want,
                       size_t *next, uint64_t *mask, uint64_t *by_group,
                       uint64_t *total, int first)
{
    const nv_view *v = e->view;
    const netvet_inventory *inv = v->inv;
    size_t gid[63];
    int8_t *bit = (int8_t *)(mask + inv->strings.n); /* n entries */
    unsigned nb = 0;
    memset(mask, 0, inv->strings.n * sizeof(*mask));
    memset(bit, -1, n);
    for (; *next < n && nb < 63; (*next)++)
        if (want[*next]) {
            gid[nb] = *next;
            bit[*next] = (int8_t)nb++;
        }
    for (size_t k = 0; k < v->n; k++) {
        uint32_t s = inv->site[k];
        if (!s || !v->counted[k] || !nv_scope_match(&e->scope, v, k))
            continue;
        int32_t one;
        const int32_t *g;
        size_t m = nv_eval_groups(e, how, k, &one, &g);
        mask[s] |= SITE_ANY;
        for (size_t i = 0; i < m; i++)
            if ((size_t)g[i] < n && bit[g[i]] >= 0)
                mask[s] |= 1ull << bit[g[i]];
    }
    for (size_t s = 0; s < inv->strings.n; s++) {
        *total += first && (mask[s] & SITE_ANY);
        for (uint64_t m = mask[s] & ~SITE_ANY; m; m &= m - 1)
            by_group[gid[__builtin_ctzll(m)]]++;
    }
}

int nv_eval_sites(nv_eval *e, int how, size_t n, const uint8_t *want,
                  uint64_t *by_group, uint64_t *total)
{
    const netvet_inventory *inv = e->view->inv;
    memset(by_group, 0, n * sizeof(*by_group));
    *total = 0;
    if (e->scope.empty || !inv->site)
        return 0;
    uint64_t *mask = nv_malloc(inv->strings.n * sizeof(*mask) + n + 1);
    if (!mask)
        return NETVET_ENOMEM;
    size_t next = 0;
    int first = 1;
    do {
        sites_pass(e, how, n, want, &next, mask, by_group, total, first);
        first = 0;
    } while (next < n);
    nv_free(mask);
    return 0;
}
