/* SPDX-License-Identifier: Apache-2.0 */
/* Assessment: resolve vendors, group them into risk domains, compute shares
 * and evaluate a policy over an inventory as of a date. */
#ifndef NETVET_ASSESS_H
#define NETVET_ASSESS_H

#include <stddef.h>

#include "attrib.h"
#include "errors.h"
#include "inventory.h"
#include "policy.h"
#include "vendors.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct netvet_assessment netvet_assessment;

typedef struct netvet_assess_options {
    unsigned version;  /**< NETVET_ASSESS_OPTIONS_VERSION */
    const char *as_of; /**< YYYY-MM-DD; NULL = today (UTC) */
    /** Where customers' paths must reach: NULL-terminated selectors, each a
     * function name or alias ("core", "5GC") or "tag:NAME"; an element
     * matching any is a source. NULL = every core element. */
    const char *const *sources;
    size_t top_spof;   /**< single points of failure to report (10) */
    int topology;      /**< analyse links: exposure and dominators (1) */
    /** Attribute each element's vendor from its evidence (MAC, sysObjectID,
     * sysDescr, LLDP, CPE) and the declared name, and assess the attributed
     * vendor; contradictions become attribution-conflict findings. NULL =
     * trust the declared vendor. Borrowed; must outlive the call. */
    netvet_attributor *attributor;
    /** Keep each sink's set of risk domains, which the JSON report lists
     * as "sink_dependencies" (1). 0 saves 8 bytes per element (per 64
     * domains); the JSON report then has no such member. Version >= 2. */
    int sink_dependencies;
    /** Rows skipped while loading do not make the assessment incomplete
     * (0: they do; see netvet_assessment_incomplete). Version >= 3. */
    int allow_skipped;
    /** Largest share of counted elements, and of their weight, whose
     * vendor is unknown before the assessment is incomplete, 0..1
     * (0.01). Version >= 3; older callers get 0.01. */
    double max_unknown;
} netvet_assess_options;
#define NETVET_ASSESS_OPTIONS_VERSION 3
#define NETVET_ASSESS_OPTIONS_INIT \
    {NETVET_ASSESS_OPTIONS_VERSION, NULL, NULL, 10, 1, NULL, 1, 0, 0.01}

/**
 * Assess `inv` against `policy` using `reg`. When the inventory has a links
 * file and opts->topology is set, also compute each risk domain's and
 * vendor's dependent weight (customers cut off from every source without
 * it) and every element's single-point-of-failure impact (weight it
 * dominates): O((n + m) x ceil(groups / 64)) and O(m log n). The inventory, registry and
 * policy are borrowed and must outlive the assessment.
 * @param[out] out free with netvet_assessment_free.
 * @return 0, NETVET_EINVAL (bad as_of; a source selector that is not a
 *         function or tag:NAME, or that matches no element; max_unknown
 *         outside 0..1), NETVET_EPARSE (a scope value of a pack rule that
 *         matches nothing in the inventory), NETVET_ENOMEM.
 */
int netvet_assess(netvet_assessment **out, const netvet_inventory *inv,
                  const netvet_registry *reg, const netvet_policy *policy,
                  const netvet_assess_options *opts, netvet_diag *diag);
void netvet_assessment_free(netvet_assessment *a);

/** Number of findings whose severity is at least `min`. */
size_t netvet_assessment_count(const netvet_assessment *a,
                               netvet_severity min);

#ifdef __cplusplus
}
#endif
#endif
