/* SPDX-License-Identifier: Apache-2.0 */
/* Attributed vendors in the assessment view (see attribution.c). */
#ifndef NV_ASSESS_ATTRIBUTION_H
#define NV_ASSESS_ATTRIBUTION_H

#include "netvet/attrib.h"
#include "analysis/view.h"
#include "policy/policy.h"

/* Replace each counted element's vendor and domain by the attributed ones
 * and append attribution-conflict findings; *n_attributed = elements whose
 * vendor changed. @return 0 or NETVET_ENOMEM. */
int nv_view_attribute(nv_view *v, netvet_attributor *attributor,
                      nv_findings *out, size_t *n_attributed);

#endif
