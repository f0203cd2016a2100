/* SPDX-License-Identifier: Apache-2.0 */
/* Undirected CSR adjacency of the inventory's links, restricted to the
 * counted elements. Vertex k is element k; uncounted elements stay in the
 * index space as isolated vertices. Reachability and dominators live in
 * reach.h, exposure.h and dominators.h. */
#ifndef NV_GRAPH_CSR_H
#define NV_GRAPH_CSR_H

#include <stddef.h>
#include <stdint.h>

#include "inventory/inv.h"

/* Largest vertex count: two values above it mark "root" and "none" in
 * uint32_t vertex arrays (dominators.h). */
#define NV_CSR_MAX_VERTICES (UINT32_MAX - 2u)

/* Caller-owned: fill with nv_csr_build / nv_csr_from_links, release with
 * nv_csr_dispose. Each kept link a-b appears as arc a->b and arc b->a.
 * Self-loops are dropped; parallel links are kept as parallel arcs (they
 * change neither reachability nor dominance, and deduplicating would cost
 * a sort). Neighbours of a vertex are in link order. */
typedef struct nv_csr {
    size_t n;          /* vertices (= elements) */
    size_t n_arcs;     /* arcs = 2 x kept links */
    uint32_t *offsets; /* n + 1: v's arcs are targets[offsets[v]..[v+1]) */
    uint32_t *targets; /* n_arcs neighbour vertices (owned) */
} nv_csr;

/* Build from n vertices and m links a[i]-b[i]. A link is kept when both
 * ends are < n, differ, and keep[] is non-zero at both (keep may be NULL:
 * keep all). Counting sort: O(n + m) time, 4(n + 1) + 8m bytes.
 * @return 0, NETVET_ENOMEM, or NETVET_ELIMIT when n or 2m exceeds uint32_t
 * indexing (then *g is empty). */
int nv_csr_from_links(nv_csr *g, size_t n, const uint32_t *a,
                      const uint32_t *b, size_t m, const uint8_t *keep);

/* The inventory's links over the elements with counted[k] != 0 (counted
 * may be NULL: all elements; pass nv_view.counted). Same cost and returns
 * as nv_csr_from_links. */
int nv_csr_build(nv_csr *g, const netvet_inventory *inv,
                 const uint8_t *counted);

/* Free the arrays and zero *g. Accepts a zeroed or NULL g. */
void nv_csr_dispose(nv_csr *g);

static inline uint32_t nv_csr_degree(const nv_csr *g, uint32_t v)
{
    return g->offsets[v + 1] - g->offsets[v];
}

#endif
