/* SPDX-License-Identifier: Apache-2.0 */
/* The assessment's contents, read by the report writers. */
#ifndef NV_ASSESS_ASSESSMENT_H
#define NV_ASSESS_ASSESSMENT_H

#include "analysis/shares.h"
#include "analysis/view.h"
#include "graph/dominators.h"
#include "graph/exposure.h"
#include "netvet/assess.h"
#include "policy/policy.h"

struct netvet_assessment {
    const netvet_policy *policy; /* borrowed */
    nv_view view;
    nv_shares shares;
    nv_findings findings; /* sorted: errors first */
    nv_results results;   /* every rule's measurements, in rule order */
    size_t n_unknown_elements; /* counted elements with an unknown vendor */
    int attributed;            /* vendors come from evidence (attributor) */
    int riskier;               /* ... and the riskier of two readings */
    size_t n_attributed;       /* elements whose vendor the evidence changed */
    /* topology (has_topology = 0: no links file, or not asked) */
    int has_topology;
    char *sources_desc;        /* "functions core", "tags gateway" (owned) */
    nv_exposure exposure;
    nv_dominators dom;
    uint32_t *top;             /* top single points of failure (owned) */
    size_t n_top;
    double *spof_by_vendor;    /* per registry vendor (owned) */
    double *spof_by_domain;    /* per domain (owned) */
};

#endif
