/* SPDX-License-Identifier: Apache-2.0 */
/* Leaf folding (fold.h): mark the leaves, number the rest in vertex order,
 * then copy the core's arcs among themselves into a CSR of core indexes
 * (count, prefix sum, place: two passes over the core's arcs). */
#include "graph/fold.h"

#include <string.h>

#include "netvet/errors.h"
#include "util/alloc.h"

/* One arc, not from a source: a leaf unless its neighbour is one too
 * (two such vertices joined only to each other both stay). */
static int leaf_candidate(const nv_csr *g, const uint8_t *is_source,
                          uint32_t v)
{
    return nv_csr_degree(g, v) == 1 && !is_source[v];
}

static int is_leaf(const nv_csr *g, const uint8_t *is_source, uint32_t v)
{
    return leaf_candidate(g, is_source, v) &&
           !leaf_candidate(g, is_source, nv_fold_parent(g, v));
}

/* index[], core[] and source[]: leaves get NV_FOLD_LEAF, the rest
 * ascending core indexes. @return 0 or NETVET_ENOMEM. */
static int number_core(nv_fold *f, const nv_csr *g, const uint8_t *is_source)
{
    size_t n_core = 0;
    f->index = nv_huge(nv_malloc((g->n ? g->n : 1) * sizeof(uint32_t)), g->n,
                       sizeof(uint32_t));
    if (!f->index)
        return NETVET_ENOMEM;
    for (uint32_t v = 0; v < g->n; v++)
        f->index[v] = is_leaf(g, is_source, v) ? NV_FOLD_LEAF
                                                : (uint32_t)n_core++;
    f->n_core = n_core;
    f->core = nv_malloc((n_core ? n_core : 1) * sizeof(uint32_t));
    f->source = nv_malloc(n_core ? n_core : 1);
    if (!f->core || !f->source)
        return NETVET_ENOMEM;
    for (uint32_t v = 0; v < g->n; v++) {
        if (f->index[v] != NV_FOLD_LEAF) {
            f->core[f->index[v]] = v;
            f->source[f->index[v]] = is_source[v];
        }
    }
    return 0;
}

/* The core's arcs to core vertices, by core index. */
static int core_arcs(nv_fold *f, const nv_csr *g)
{
    nv_csr *c = &f->g;
    c->n = f->n_core;
    c->offsets = nv_huge(nv_malloc((f->n_core + 1) * sizeof(uint32_t)),
                         f->n_core + 1, sizeof(uint32_t));
    if (!c->offsets)
        return NETVET_ENOMEM;
    size_t arcs = 0;
    for (size_t i = 0; i < f->n_core; i++) {
        uint32_t v = f->core[i];
        c->offsets[i] = (uint32_t)arcs;
        for (uint32_t e = g->offsets[v]; e < g->offsets[v + 1]; e++)
            arcs += f->index[g->targets[e]] != NV_FOLD_LEAF;
    }
    c->offsets[f->n_core] = (uint32_t)arcs;
    c->n_arcs = arcs;
    c->targets = nv_huge(nv_malloc((arcs ? arcs : 1) * sizeof(uint32_t)), arcs,
                         sizeof(uint32_t));
    if (!c->targets)
        return NETVET_ENOMEM;
    uint32_t *out = c->targets;
    for (size_t i = 0; i < f->n_core; i++) {
        uint32_t v = f->core[i];
        for (uint32_t e = g->offsets[v]; e < g->offsets[v + 1]; e++) {
            uint32_t t = f->index[g->targets[e]];
            if (t != NV_FOLD_LEAF)
                *out++ = t;
        }
    }
    return 0;
}

int nv_fold_leaves(nv_fold *f, const nv_csr *g, const uint8_t *is_source)
{
    memset(f, 0, sizeof(*f));
    int rc = number_core(f, g, is_source);
    if (rc == 0)
        rc = core_arcs(f, g);
    if (rc < 0)
        nv_fold_dispose(f);
    return rc;
}

void nv_fold_dispose(nv_fold *f)
{
    if (!f)
        return;
    nv_free(f->core);
    nv_free(f->index);
    nv_free(f->source);
    nv_csr_dispose(&f->g);
    memset(f, 0, sizeof(*f));
}
