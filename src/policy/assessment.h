/* The assessment's contents, read by the report writers. */
#ifndef NV_POLICY_ASSESSMENT_H
#define NV_POLICY_ASSESSMENT_H

#include "netvet/assess.h"
#include "policy/findings.h"
#include "policy/shares.h"
#include "policy/view.h"

struct netvet_assessment {
    const netvet_policy *policy; /* borrowed */
    nv_view view;
    nv_shares shares;
    nv_findings findings; /* sorted: errors first */
    nv_results results;   /* every rule's measurements, in rule order */
    size_t n_unknown_elements; /* counted elements with an unknown vendor */
};

#endif
