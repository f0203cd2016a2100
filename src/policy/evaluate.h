/* Policy evaluation: every rule of a policy over the analysed network. */
#ifndef NV_POLICY_EVALUATE_H
#define NV_POLICY_EVALUATE_H

#include "netvet/policy.h"
#include "policy/findings.h"
#include "policy/view.h"

/* Evaluate the rules effective on view->as_of; append one finding per
 * violation to `out`. @return 0 or NETVET_ENOMEM. */
int nv_policy_evaluate(const netvet_policy *policy, const nv_view *view,
                       nv_findings *out, netvet_diag *diag);

/* Same, also recording every rule's measurements (pass or fail) in
 * `results` (may be NULL). */
int nv_policy_evaluate_results(const netvet_policy *policy,
                               const nv_view *view, nv_findings *out,
                               nv_results *results, netvet_diag *diag);

#endif
