/* SPDX-License-Identifier: Apache-2.0 */
/* Attributed vendors in the assessment view (see attribution.c). */
#ifndef NV_ASSESS_ATTRIBUTION_H
#define NV_ASSESS_ATTRIBUTION_H

#include "netvet/attrib.h"
#include "analysis/view.h"
#include "policy/policy.h"

/* Replace each counted element's vendor and domain by the attributed ones
 * and append attribution-conflict findings; *n_attributed = elements whose
 * vendor changed. With `risky` (per registry vendor: high-risk in a loaded
 * pack), the riskier mode: an element whose declared and evidence readings
 * are two registry vendors is assessed as the risky one of them (the
 * evidence's when both or neither are), the other goes to v->alt_vendor,
 * and its finding names both and the one assessed. NULL: the attributed
 * vendor everywhere. An element left without a vendor whose evidence names
 * an organisation outside the registry (an IEEE or IANA registrant) goes
 * into one unregistered-vendor finding per organisation; it stays unknown
 * in the view. @return 0 or NETVET_ENOMEM. */
int nv_view_attribute(nv_view *v, netvet_attributor *attributor,
                      const uint8_t *risky, nv_findings *out,
                      size_t *n_attributed);

#endif
