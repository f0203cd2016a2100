/* SPDX-License-Identifier: Apache-2.0 */
/* Leaves folded into their neighbour: the smaller graph the exposure and
 * dominator kernels run on. A leaf is a vertex that is not a source and
 * has exactly one arc, to a vertex that is not itself a leaf. Every path
 * from a source to a leaf ends with that arc, and no path needs a leaf to
 * get anywhere else, so:
 * - a leaf is reachable without a group exactly when its neighbour is and
 *   it is not in the group;
 * - a leaf's immediate dominator is its neighbour, and it dominates only
 *   itself.
 * The kernels therefore run on the other vertices (the core) alone and the
 * leaves are filled in after, in one pass. CPE, ONTs and radios hang off
 * one access element each: 88% of a national synth network's elements
 * are leaves. */
#ifndef NV_GRAPH_FOLD_H
#define NV_GRAPH_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "graph/csr.h"

#define NV_FOLD_LEAF UINT32_MAX /* nv_fold.index of a leaf */

/* Caller-owned: fill with nv_fold_leaves, release with nv_fold_dispose. */
typedef struct nv_fold {
    size_t n_core;   /* vertices kept */
    uint32_t *core;  /* core index -> vertex, ascending (n_core) */
    uint32_t *index; /* vertex -> core index, or NV_FOLD_LEAF (g->n) */
    uint8_t *source; /* per core index: the vertex's is_source */
    nv_csr g;        /* the core's arcs among themselves, by core index,
                      * in the full graph's order */
} nv_fold;

/* Fold the leaves of g (is_source: per vertex, non-zero = source).
 * O(n + m) time; 4n bytes, plus 5 per core vertex and 4 per its arcs.
 * @return 0 or NETVET_ENOMEM (then *f is zeroed). */
int nv_fold_leaves(nv_fold *f, const nv_csr *g, const uint8_t *is_source);

void nv_fold_dispose(nv_fold *f);

/* The one neighbour of leaf v of g. */
static inline uint32_t nv_fold_parent(const nv_csr *g, uint32_t v)
{
    return g->targets[g->offsets[v]];
}

#endif
