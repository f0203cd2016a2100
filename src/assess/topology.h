/* SPDX-License-Identifier: Apache-2.0 */
/* The assessment's topology step (sources, exposure, dominators). */
#ifndef NV_ASSESS_TOPOLOGY_H
#define NV_ASSESS_TOPOLOGY_H

#include "netvet/assess.h"

/* Fill a's topology fields and point a->view.exposure at the result.
 * @return 0, NETVET_EINVAL (bad source selector), NETVET_ENOMEM. */
int nv_topology_run(netvet_assessment *a, const netvet_assess_options *opts,
                    netvet_diag *diag);
/* Free what nv_topology_run made (safe on a zeroed assessment). */
void nv_topology_dispose(netvet_assessment *a);

#endif
