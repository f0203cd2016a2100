/* SPDX-License-Identifier: Apache-2.0 */
/* Before/after comparison of two assessments of the same registry and
 * policy: rule measurements paired by (rule, subject, measure), findings
 * paired by (rule id, subject, measure), and lookups of share rows and
 * dependent weights by risk domain. Read by the what-if, check and plan
 * reports. */
#ifndef NV_WHATIF_COMPARE_H
#define NV_WHATIF_COMPARE_H

#include <stddef.h>

#include "assess/assessment.h"
#include "netvet/results.h"

typedef struct nv_result_pair {
    const nv_rule_result *before, *after; /* either may be NULL */
} nv_result_pair;

typedef struct nv_finding_pair {
    const nv_finding *before, *after;     /* either may be NULL */
} nv_finding_pair;

typedef struct nv_compare {
    nv_result_pair *results;   /* in rule order, then subject */
    size_t n_results;
    nv_finding_pair *findings; /* after's order, then resolved ones */
    size_t n_findings;
    size_t added, resolved, changed; /* finding pairs of each kind */
} nv_compare;

/* Pair up b (before) and a (after). @return 0 or NETVET_ENOMEM. */
int nv_compare_build(nv_compare *c, const netvet_assessment *b,
                     const netvet_assessment *a);
void nv_compare_dispose(nv_compare *c);

/* What a finding pair is: added (no before), resolved (no after), changed
 * (value or element count differ), or the same finding unchanged. */
enum { NV_PAIR_SAME = -1, NV_PAIR_ADDED = 0, NV_PAIR_RESOLVED = 1,
       NV_PAIR_CHANGED = 2 };
int nv_finding_pair_kind(const nv_finding_pair *p);

/* Is this finding pair new, or the same finding measured higher? */
int nv_finding_pair_worse(const nv_finding_pair *p);
/* Has the measurement changed (value or status, or one side missing)? */
int nv_result_pair_changed(const nv_result_pair *p);

/* Share row of domain d in a function group, or NULL. */
const nv_share_row *nv_share_domain(const nv_group_shares *g, int32_t d);
/* Dependent weight of domain d (0 when absent) and the sink weight it is a
 * share of; returns 0 when the topology was not analysed. */
int nv_domain_lost(const netvet_assessment *a, int32_t d, double *lost,
                   double *total);

/* The verdict (netvet_assessment_verdict) and severity counts of an
 * assessment at a gate. */
typedef struct nv_verdict {
    netvet_verdict verdict;
    size_t errors, warnings, notes;
} nv_verdict;
nv_verdict nv_verdict_of(const netvet_assessment *a, int fail_on);

#endif
