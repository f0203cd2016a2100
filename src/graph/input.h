/* SPDX-License-Identifier: Apache-2.0 */
/* What the graph kernels (exposure.h, dominators.h) read about the
 * elements besides the CSR graph: which count, their groups (vendor and
 * risk domain), weights, functions and regions. Plain borrowed columns:
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
    const int32_t *domain;  /* per element: domain group key in
                             * [0, n_domains) when vendor >= 0 */
    size_t n_vendors;       /* vendor keys */
    size_t n_domains;       /* domain keys */
    const double *weight;   /* per element: weight; > 0 makes a sink */
    const uint8_t *function;/* per element: netvet_function */
    const uint32_t *region; /* per element: region id, or NULL (all 0) */
    size_t n_region_ids;    /* region ids are below this (at least 1) */
} nv_graph_input;

#endif
