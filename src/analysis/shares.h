/* SPDX-License-Identifier: Apache-2.0 */
/* Shares of each function (and of the whole network) held by each vendor
 * and each risk domain, by element count and by weight, with concentration
 * (largest share, Herfindahl-Hirschman index). */
#ifndef NV_ANALYSIS_SHARES_H
#define NV_ANALYSIS_SHARES_H

#include <stdint.h>

#include "analysis/view.h"

typedef struct nv_share_row {
    int32_t key;    /* vendor or domain index; -1 = unknown vendor */
    uint64_t count; /* elements */
    double weight;
} nv_share_row;

typedef struct nv_group_shares {
    uint64_t count; /* elements in the group */
    double weight;
    nv_share_row *vendors; /* by count desc, then weight desc, then key */
    size_t n_vendors;
    nv_share_row *domains; /* an element counts in each domain of its
                            * set: see domains_overlap */
    size_t n_domains;
    int domains_overlap;   /* some element counts in two domains or more,
                            * so the domain rows add up to more than the
                            * group */
    double hhi_count, hhi_weight;   /* over vendors, shares in 0..1 */
    double top_count, top_weight;   /* largest vendor share */
} nv_group_shares;

#define NV_SHARES_ALL NETVET_FN_COUNT /* index of the whole-network group */

typedef struct nv_shares {
    nv_group_shares group[NETVET_FN_COUNT + 1]; /* per function, then all */
    double seconds; /* wall time of nv_shares_compute (--timings) */
} nv_shares;

/* One pass over the counted elements. @return 0 or NETVET_ENOMEM. */
int nv_shares_compute(nv_shares *out, const nv_view *view);
void nv_shares_dispose(nv_shares *s);

#endif
