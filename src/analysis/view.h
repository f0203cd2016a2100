/* SPDX-License-Identifier: Apache-2.0 */
/* The analysed network: each element's resolved vendor and risk domain, and
 * whether it counts as of the assessment date. Built by assess.c from an
 * inventory and a registry; read by shares, policy evaluation and reports. */
#ifndef NV_ANALYSIS_VIEW_H
#define NV_ANALYSIS_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "graph/input.h"
#include "inventory/inv.h"
#include "netvet/vendors.h"

struct nv_exposure;   /* graph/exposure.h */
struct nv_dominators; /* graph/dominators.h */

/* Wall seconds of the analysis steps, for `netvet assess --timings`:
 * view by nv_view_build, the rest by the topology step (0 when skipped).
 * exposure runs beside dominators + spof when threads = 2; graph is the
 * wall time of the three together, topology that of the whole step.
 * rules: unknown vendors and the rules that need no exposure (beside the
 * topology); exposure_rules: those that read it (after). fold: folding
 * the graph's leaves (graph/fold.h), which leaves `core` of `vertices`. */
typedef struct nv_step_times {
    double view, csr, fold, exposure, dominators, graph, spof, topology;
    double rules, exposure_rules;
    int threads;
    size_t core, vertices;
} nv_step_times;

typedef struct nv_view {
    const netvet_inventory *inv;
    const netvet_registry *reg;
    int32_t as_of;         /* days since 1970-01-01 */
    size_t n;              /* = inv->n */
    uint8_t *counted;      /* per element: 1 if it exists as of as_of */
    int32_t *vendor;       /* per element: registry root vendor, -1 unknown */
    int32_t *domain;       /* per element: risk domain, -1 unknown vendor */
    int32_t *alt_vendor;   /* per element: the other reading (registry root)
                            * when the declared and the evidence vendor
                            * disagree, -1 when there is none; NULL when no
                            * element has one (set by attribution) */
    uint32_t *lookalike;   /* declared-name string ids that resolved only by
                            * Unicode folding or a confusable skeleton
                            * (vendors/names.h), ascending; NULL if none */
    size_t n_lookalike;
    size_t n_domains;
    char **domain_country; /* per domain: ISO country code (owned) */
    int32_t *vendor_domain;/* per registry vendor: its domain */
    size_t n_counted;      /* elements with counted = 1 */
    double total_weight;   /* weight of counted elements */
    const struct nv_exposure *exposure; /* dependent weights, or NULL when
                                         * the topology was not analysed */
    const struct nv_dominators *dom;    /* dominator tree from the sources
                                         * (share-cap served), or NULL */
    nv_step_times times;
} nv_view;

/* Build the view: resolve each element's declared vendor (once per distinct
 * name) to its root vendor, group vendors into domains by jurisdiction, and
 * mark elements that exist as of `as_of` (not decommissioned; planned ones
 * only once their installed date has come). @return 0 or NETVET_ENOMEM. */
int nv_view_build(nv_view *view, const netvet_inventory *inv,
                  const netvet_registry *reg, int32_t as_of);
void nv_view_dispose(nv_view *view);

/* Point *in at the view's columns (no copy) for the graph kernels:
 * vendor keys are registry root vendors, domain keys the view's domains. */
void nv_view_graph_input(nv_graph_input *in, const nv_view *view);

#endif
