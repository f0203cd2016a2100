/* SPDX-License-Identifier: Apache-2.0 */
/* Single points of failure: immediate dominators of the flow graph made of
 * the CSR graph's edges in both directions plus a virtual root joined to
 * every source, and each element's impact, the weight of the sinks it
 * dominates. Aggregation per vendor and domain uses the nv_graph_input. */
#ifndef NV_GRAPH_DOMINATORS_H
#define NV_GRAPH_DOMINATORS_H

#include <stddef.h>
#include <stdint.h>

#include "graph/csr.h"
#include "graph/fold.h"
#include "graph/input.h"

#define NV_IDOM_ROOT (UINT32_MAX - 1u) /* dominated only by the root */
#define NV_IDOM_NONE UINT32_MAX        /* not reachable from the root */

/* Caller-owned: fill with nv_dominators_compute, release with
 * nv_dominators_dispose. */
typedef struct nv_dominators {
    size_t n;         /* elements (= graph vertices) */
    uint32_t *idom;   /* per element: immediate dominator element,
                       * NV_IDOM_ROOT or NV_IDOM_NONE (owned) */
    double *impact;   /* per element: weight of the sinks it dominates,
                       * itself included when it is a sink; 0 when not
                       * reached (owned) */
    size_t n_reached; /* elements reachable from the root */
} nv_dominators;

/* Semi-NCA over the elements reachable from the root, iterative (explicit
 * DFS stack, iterative path compression), on g with its leaves folded
 * (fold.h): O(m log n) time, 4n bytes for the folding and about 32 bytes
 * per core vertex of scratch besides the result's own 12n. A sink is a
 * reached element with weight[k] > 0. Sources should be counted elements (use the _input variant
 * to get that for free). Reads g, is_source and weight only, so it may
 * run beside other readers of them (exposure, on another thread).
 * @return 0 or NETVET_ENOMEM (then *d is zeroed). */
int nv_dominators_compute(nv_dominators *d, const nv_csr *g,
                          const uint8_t *is_source, const double *weight);

/* The same with g's leaves already folded (f from nv_fold_leaves over g
 * and the sources, which f keeps): Semi-NCA runs on the core only.
 * nv_dominators_compute folds, then calls this. */
int nv_dominators_compute_folded(nv_dominators *d, const nv_csr *g,
                                 const nv_fold *f, const double *weight);

/* Same over the elements of `in`: sources are is_source && counted
 * (is_source NULL: counted core elements), weights in->weight. g must be
 * built from in->counted. @return 0, NETVET_ENOMEM or NETVET_EINVAL (size
 * mismatch). */
int nv_dominators_compute_input(nv_dominators *d, const nv_csr *g,
                                const nv_graph_input *in,
                                const uint8_t *is_source);

void nv_dominators_dispose(nv_dominators *d);

/* The up to n_top elements of largest impact (> 0), impact descending,
 * ties by element index ascending, into out[0..n_top). O(n log n_top).
 * @return how many were written. */
size_t nv_dominators_top(uint32_t *out, size_t n_top,
                         const nv_dominators *d);

/* Order of two elements of equal impact: < 0 when a comes first (element
 * ids bytewise, in the assessment), never 0 for a != b. */
typedef int (*nv_top_tie)(const void *ctx, uint32_t a, uint32_t b);

/* nv_dominators_top with ties broken by tie(ctx, a, b) instead of the
 * element index, so the list does not depend on input order. */
size_t nv_dominators_top_by(uint32_t *out, size_t n_top,
                            const nv_dominators *d, nv_top_tie tie,
                            const void *ctx);

/* Sum of impact per vendor key (by_vendor, in->n_vendors entries) and per
 * domain key (by_domain, in->n_domains entries; an element counts in each
 * domain of its set), over counted elements; either may be NULL. Nested
 * dominators are each counted in full: a vendor's router dominating its
 * own OLT adds the OLT's sinks twice, so a sum can exceed the total
 * weight. It measures how much weight
 * sits behind the group's single points of failure, not a share. */
void nv_dominators_by_group(double *by_vendor, double *by_domain,
                            const nv_dominators *d,
                            const nv_graph_input *in);

#endif
