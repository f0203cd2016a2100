/* SPDX-License-Identifier: Apache-2.0 */
/* lookalike-vendor-name findings (see lookalike.c). */
#ifndef NV_ASSESS_LOOKALIKE_H
#define NV_ASSESS_LOOKALIKE_H

#include "analysis/view.h"
#include "policy/policy.h"

/* One warning per declared name in view->lookalike that names a counted
 * element, listing those elements. @return 0 or NETVET_ENOMEM. */
int nv_lookalike_findings(const nv_view *v, nv_findings *out);

#endif
