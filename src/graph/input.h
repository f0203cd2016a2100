/* SPDX-License-Identifier: Apache-2.0 */
/* What the graph kernels (exposure.h, dominators.h) read about the
 * elements besides the CSR graph: which count, their groups (vendor and
 * risk domains), weights, functions and regions. Plain borrowed columns:
 * the caller (analysis/view.h's nv_view_graph_input) points them at
 * arrays it owns, nothing is copied. */
#ifndef NV_GRAPH_INPUT_H
#define NV_GRAPH_INPUT_H

#include <stddef.h>
#include <stdint.h>

typedef struct nv_graph_input {
    size_t n;               /* elements (= graph vertices) */
    const uint8_t *counted; /* per element: 1 if it takes part */
    const int32_t *vendor;  /* per element: vendor group key in
                             * [0, n_vendors), -1 = none (then the
                             * element is in no group at all) */
    const int32_t *dset;    /* per element: domain-set key in
                             * [0, n_dsets), -1 when vendor is; the
                             * element is in every domain of its set */
    size_t n_vendors;       /* vendor keys */
    size_t n_domains;       /* domain keys */
    size_t n_dsets;         /* domain-set keys */
    const uint32_t *dset_off; /* n_dsets + 1: set s has the domain keys */
    const int32_t *dset_dom;  /* dset_dom[dset_off[s] .. dset_off[s+1]) */
    const double *weight;   /* per element: weight; > 0 makes a sink */
    const uint8_t *function;/* per element: netvet_function */
    const uint32_t *region; /* per element: region id, or NULL (all 0) */
    size_t n_region_ids;    /* region ids are below this (at least 1) */
} nv_graph_input;

/* Domains of set key s: *dom gets them, the result is how many. */
static inline size_t nv_graph_dset(const nv_graph_input *in, int32_t s,
                                   const int32_t **dom)
{
    *dom = in->dset_dom + in->dset_off[s];
    return in->dset_off[s + 1] - in->dset_off[s];
}

#endif
