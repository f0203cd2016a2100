/* SPDX-License-Identifier: Apache-2.0 */
/* Immediate dominators by Semi-NCA (Georgiadis, Tarjan, Werneck): DFS
 * numbering from the virtual root (vertex n, arcs to the sources), then
 * semidominators in reverse preorder by link-eval with path compression
 * (pointer reversal instead of a stack), then idoms as nearest common
 * ancestors; no recursion anywhere. It runs on the graph's core, its
 * leaves folded (fold.h), and the leaves are filled in after. */
#include "graph/dominators.h"

#include <string.h>

#include "graph/fold.h"
#include "netvet/errors.h"
#include "netvet/inventory.h"
#include "util/alloc.h"

#define NONE UINT32_MAX

/* Scratch: three arrays of n + 1 entries of its own; semi lives in the
 * result's idom array and label and anc in its impact array (allocated
 * with n + 1 entries), which results() overwrites last. */
typedef struct sn {
    const nv_csr *g;
    const uint8_t *is_source;
    uint32_t *sources;  /* root's arcs */
    size_t n_sources;
    uint32_t *pre;      /* per vertex (n + 1): preorder number or NONE */
    uint32_t *vert;     /* vertex of each preorder number */
    uint32_t *idom;     /* DFS parent, then immediate dominator */
    uint32_t *semi;     /* semidominator (in nv_dominators.idom) */
    uint32_t *label;    /* eval label; per vertex DFS cursor before that
                         * (first half of nv_dominators.impact) */
    uint32_t *anc;      /* forest ancestor or NONE; DFS stack before that
                         * (second half of nv_dominators.impact) */
    size_t n_pre;       /* vertices numbered (root included) */
} sn;

/* Next arc target of vertex v at cursor c (root: the sources), or NONE. */
static inline uint32_t arc(const sn *s, uint32_t v, uint32_t c)
{
    if (v == s->g->n)
        return c < s->n_sources ? s->sources[c] : NONE;
    uint32_t e = s->g->offsets[v] + c;
    return e < s->g->offsets[v + 1] ? s->g->targets[e] : NONE;
}

static void visit(sn *s, uint32_t v, uint32_t parent_pre)
{
    s->pre[v] = (uint32_t)s->n_pre;
    s->vert[s->n_pre] = v;
    s->idom[s->n_pre++] = parent_pre;
}

static void dfs(sn *s)
{
    uint32_t *cursor = s->label, *stk = s->anc, root = (uint32_t)s->g->n;
    size_t top = 0;
    memset(cursor, 0, (s->g->n + 1) * sizeof(uint32_t));
    visit(s, root, NONE);
    stk[top++] = root;
    while (top) {
        uint32_t v = stk[top - 1], w = arc(s, v, cursor[v]++);
        if (w == NONE)
            top--;
        else if (s->pre[w] == NONE) {
            visit(s, w, s->pre[v]);
            stk[top++] = w;
        }
    }
}

/* Iterative compress(v) then eval: anc[v] != NONE on entry. The path up
 * to the last vertex below the forest root is compressed top down; its
 * anc pointers are reversed on the way up and serve as the way back down,
 * so no stack is needed. */
static uint32_t eval(sn *s, uint32_t v)
{
    uint32_t *anc = s->anc, *label = s->label, *semi = s->semi;
    uint32_t x = v, below = NONE;
    while (anc[anc[x]] != NONE) {
        uint32_t up = anc[x];
        anc[x] = below;
        below = x;
        x = up;
    }
    while (below != NONE) { /* x is below's original ancestor, compressed */
        uint32_t y = below;
        below = anc[y];
        if (semi[label[x]] < semi[label[y]])
            label[y] = label[x];
        anc[y] = anc[x];
        x = y;
    }
    return label[v];
}

static inline uint32_t semi_via(sn *s, uint32_t pred_vertex)
{
    uint32_t p = s->pre[pred_vertex];
    if (p == NONE)
        return NONE;
    return s->semi[s->anc[p] == NONE ? p : eval(s, p)];
}

static void semidominators(sn *s)
{
    for (uint32_t i = 0; i < s->n_pre; i++) {
        s->semi[i] = s->label[i] = i;
        s->anc[i] = NONE;
    }
    for (uint32_t i = (uint32_t)s->n_pre - 1; i >= 1; i--) {
        uint32_t w = s->vert[i], best = s->semi[i];
        if (s->is_source[w])
            best = 0; /* the root is a predecessor */
        for (uint32_t e = s->g->offsets[w]; e < s->g->offsets[w + 1]; e++) {
            uint32_t c = semi_via(s, s->g->targets[e]);
            if (c < best)
                best = c;
        }
        s->semi[i] = best;
        s->anc[i] = s->idom[i]; /* link to the DFS parent */
    }
}

static void nearest_common(sn *s)
{
    for (uint32_t i = 1; i < s->n_pre; i++) {
        uint32_t j = s->idom[i];
        while (j > s->semi[i])
            j = s->idom[j];
        s->idom[i] = j;
    }
}

/* Per-element idom and dominator-subtree weights (reverse preorder). */
static void results(nv_dominators *d, const sn *s, const double *weight)
{
    memset(d->impact, 0, d->n * sizeof(double));
    for (size_t k = 0; k < d->n; k++)
        d->idom[k] = NV_IDOM_NONE;
    for (size_t i = s->n_pre - 1; i >= 1; i--) {
        uint32_t v = s->vert[i], p = s->idom[i];
        if (weight[v] > 0)
            d->impact[v] += weight[v];
        d->idom[v] = p == 0 ? NV_IDOM_ROOT : s->vert[p];
        if (p != 0)
            d->impact[s->vert[p]] += d->impact[v];
    }
    d->n_reached = s->n_pre - 1;
}

static int alloc_work(sn *s, const nv_dominators *d, size_t n)
{
    uint32_t **arrays[] = {&s->pre, &s->vert, &s->idom};
    for (size_t i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++)
        if (!(*arrays[i] = nv_huge(nv_reallocarray(NULL, n + 1, sizeof(uint32_t)),
                                   n + 1, sizeof(uint32_t))))
            return NETVET_ENOMEM;
    s->semi = d->idom;
    s->label = (uint32_t *)(void *)d->impact;
    s->anc = s->label + n + 1;
    for (size_t k = 0; k < n; k++)
        s->n_sources += s->is_source[k] != 0;
    if (!(s->sources = nv_malloc((s->n_sources ? s->n_sources : 1) *
                                 sizeof(uint32_t))))
        return NETVET_ENOMEM;
    s->n_sources = 0;
    for (size_t k = 0; k < n; k++)
        if (s->is_source[k])
            s->sources[s->n_sources++] = (uint32_t)k;
    memset(s->pre, 0xff, (n + 1) * sizeof(uint32_t));
    return 0;
}

static void free_work(sn *s)
{
    nv_free(s->pre);
    nv_free(s->vert);
    nv_free(s->idom);
    nv_free(s->sources);
}

/* Semi-NCA on g itself (no folding). */
static int compute(nv_dominators *d, const nv_csr *g, const uint8_t *is_source,
                   const double *weight)
{
    sn s = {0};
    s.g = g;
    s.is_source = is_source;
    memset(d, 0, sizeof(*d));
    d->n = g->n;
    d->idom = nv_huge(nv_reallocarray(NULL, g->n + 1, sizeof(uint32_t)),
                      g->n + 1, sizeof(uint32_t));
    d->impact = nv_huge(nv_reallocarray(NULL, g->n + 1, sizeof(double)),
                        g->n + 1, sizeof(double));
    int rc = !d->idom || !d->impact ? NETVET_ENOMEM : alloc_work(&s, d, g->n);
    if (rc == 0) {
        dfs(&s);
        semidominators(&s);
        nearest_common(&s);
        results(d, &s, weight);
    }
    free_work(&s);
    if (rc < 0)
        nv_dominators_dispose(d);
    return rc;
}

/* The core's weights, each leaf's (when positive) added to its
 * neighbour's. */
static int core_weights(const nv_csr *g, const nv_fold *f,
                        const double *weight, double **wt_out)
{
    double *wt = nv_malloc((f->n_core ? f->n_core : 1) * sizeof(double));
    *wt_out = wt;
    if (!wt)
        return NETVET_ENOMEM;
    for (size_t c = 0; c < f->n_core; c++) {
        uint32_t v = f->core[c];
        wt[c] = weight[v] > 0 ? weight[v] : 0;
    }
    for (uint32_t v = 0; v < g->n; v++)
        if (f->index[v] == NV_FOLD_LEAF && weight[v] > 0)
            wt[f->index[nv_fold_parent(g, v)]] += weight[v];
    return 0;
}

/* The core's result spread over every vertex: a leaf is reached when its
 * neighbour is; then that neighbour is its idom and it dominates itself. */
static void expand(nv_dominators *d, const nv_dominators *dc,
                   const nv_csr *g, const nv_fold *f, const double *weight)
{
    d->n_reached = dc->n_reached;
    for (uint32_t v = 0; v < g->n; v++) {
        uint32_t c = f->index[v];
        if (c != NV_FOLD_LEAF) {
            uint32_t i = dc->idom[c];
            d->idom[v] = i >= NV_IDOM_ROOT ? i : f->core[i];
            d->impact[v] = dc->impact[c];
            continue;
        }
        uint32_t p = nv_fold_parent(g, v);
        int reached = dc->idom[f->index[p]] != NV_IDOM_NONE;
        d->idom[v] = reached ? p : NV_IDOM_NONE;
        d->impact[v] = reached && weight[v] > 0 ? weight[v] : 0;
        d->n_reached += (size_t)reached;
    }
}

int nv_dominators_compute_folded(nv_dominators *d, const nv_csr *g,
                                 const nv_fold *f, const double *weight)
{
    nv_dominators dc = {0};
    double *wt = NULL;
    memset(d, 0, sizeof(*d));
    d->n = g->n;
    d->idom = nv_huge(nv_reallocarray(NULL, g->n + 1, sizeof(uint32_t)),
                      g->n + 1, sizeof(uint32_t));
    d->impact = nv_huge(nv_reallocarray(NULL, g->n + 1, sizeof(double)),
                        g->n + 1, sizeof(double));
    int rc = !d->idom || !d->impact
                 ? NETVET_ENOMEM
                 : core_weights(g, f, weight, &wt);
    if (rc == 0)
        rc = compute(&dc, &f->g, f->source, wt);
    if (rc == 0)
        expand(d, &dc, g, f, weight);
    nv_dominators_dispose(&dc);
    nv_free(wt);
    if (rc < 0)
        nv_dominators_dispose(d);
    return rc;
}

int nv_dominators_compute(nv_dominators *d, const nv_csr *g,
                          const uint8_t *is_source, const double *weight)
{
    nv_fold f;
    int rc = nv_fold_leaves(&f, g, is_source);
    if (rc == 0)
        rc = nv_dominators_compute_folded(d, g, &f, weight);
    else
        memset(d, 0, sizeof(*d));
    nv_fold_dispose(&f);
    return rc;
}

int nv_dominators_compute_input(nv_dominators *d, const nv_csr *g,
                                const nv_graph_input *in,
                                const uint8_t *is_source)
{
    memset(d, 0, sizeof(*d));
    if (g->n != in->n)
        return NETVET_EINVAL;
    uint8_t *src = nv_malloc(in->n ? in->n : 1);
    if (!src)
        return NETVET_ENOMEM;
    for (size_t k = 0; k < in->n; k++)
        src[k] = in->counted[k] &&
                 (is_source ? is_source[k] != 0
                            : in->function[k] == NETVET_FN_CORE);
    int rc = nv_dominators_compute(d, g, src, in->weight);
    nv_free(src);
    return rc;
}

void nv_dominators_dispose(nv_dominators *d)
{
    if (!d)
        return;
    nv_free(d->idom);
    nv_free(d->impact);
    memset(d, 0, sizeof(*d));
}

/* The order of the top list: impact descending, ties by tie() (element
 * index when NULL). */
typedef struct top_order {
    const double *impact;
    nv_top_tie tie;
    const void *ctx;
} top_order;

/* Is element a a worse single point of failure than b (lower impact, or
 * equal impact and later in the tie order)? The heap keeps the worst on
 * top. */
static inline int worse(const top_order *o, uint32_t a, uint32_t b)
{
    if (o->impact[a] != o->impact[b])
        return o->impact[a] < o->impact[b];
    return o->tie ? o->tie(o->ctx, a, b) > 0 : a > b;
}

static void sift_down(uint32_t *h, size_t n, size_t i, const top_order *o)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && worse(o, h[l], h[m]))
            m = l;
        if (r < n && worse(o, h[r], h[m]))
            m = r;
        if (m == i)
            return;
        uint32_t t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

static void sift_up(uint32_t *h, size_t i, const top_order *o)
{
    while (i > 0 && worse(o, h[i], h[(i - 1) / 2])) {
        uint32_t t = h[i];
        h[i] = h[(i - 1) / 2];
        h[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
}

size_t nv_dominators_top_by(uint32_t *out, size_t n_top,
                            const nv_dominators *d, nv_top_tie tie,
                            const void *ctx)
{
    top_order o = {d->impact, tie, ctx};
    size_t n = 0;
    if (!n_top)
        return 0;
    for (size_t k = 0; k < d->n; k++) {
        if (!(d->impact[k] > 0))
            continue;
        if (n < n_top) {
            out[n] = (uint32_t)k;
            sift_up(out, n++, &o);
        } else if (worse(&o, out[0], (uint32_t)k)) {
            out[0] = (uint32_t)k;
            sift_down(out, n, 0, &o);
        }
    }
    /* Heap sort in place: repeatedly move the worst to the end. */
    for (size_t end = n; end > 1; end--) {
        uint32_t t = out[0];
        out[0] = out[end - 1];
        out[end - 1] = t;
        sift_down(out, end - 1, 0, &o);
    }
    return n;
}

size_t nv_dominators_top(uint32_t *out, size_t n_top, const nv_dominators *d)
{
    return nv_dominators_top_by(out, n_top, d, NULL, NULL);
}

/* Add w to each domain of set s. */
static void add_to_set(double *by_domain, const nv_graph_input *in,
                       int32_t s, double w)
{
    const int32_t *dom;
    size_t m = nv_graph_dset(in, s, &dom);
    for (size_t i = 0; i < m; i++)
        by_domain[dom[i]] += w;
}

void nv_dominators_by_group(double *by_vendor, double *by_domain,
                            const nv_dominators *d,
                            const nv_graph_input *in)
{
    if (by_vendor)
        memset(by_vendor, 0, in->n_vendors * sizeof(double));
    if (by_domain)
        memset(by_domain, 0, in->n_domains * sizeof(double));
    /* per domain set, then into each domain of the set (with one domain
     * per set, the very sums of summing per domain) */
    double *by_set = by_domain ? nv_calloc(in->n_dsets + 1, sizeof(double))
                               : NULL;
    for (size_t k = 0; k < d->n && k < in->n; k++) {
        if (!in->counted[k] || in->vendor[k] < 0 || !(d->impact[k] > 0))
            continue;
        if (by_vendor)
            by_vendor[in->vendor[k]] += d->impact[k];
        if (by_set && in->dset[k] >= 0)
            by_set[in->dset[k]] += d->impact[k];
        else if (by_domain && in->dset[k] >= 0) /* no memory: one by one */
            add_to_set(by_domain, in, in->dset[k], d->impact[k]);
    }
    for (size_t s = 0; by_set && s < in->n_dsets; s++)
        if (by_set[s] != 0)
            add_to_set(by_domain, in, (int32_t)s, by_set[s]);
    nv_free(by_set);
}
