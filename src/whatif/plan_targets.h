/* SPDX-License-Identifier: Apache-2.0 */
/* Incremental measurement of one target rule for the planner: per-group
 * counts and weights, the violation (how far over the cap, summed over
 * groups and measures), and how much replacing one element removes. */
#ifndef NV_WHATIF_PLAN_TARGETS_H
#define NV_WHATIF_PLAN_TARGETS_H

#include "whatif/plan.h"

/* Measure rule `rule` over the counted elements, with vendor[k] as each
 * element's current root vendor. @return 0, NETVET_EINVAL, NETVET_ENOMEM
 * (dispose t either way). */
int nv_plan_target_init(nv_plan_target *t, const netvet_policy *policy,
                        size_t rule, const nv_view *v, const int32_t *vendor);
void nv_plan_target_dispose(nv_plan_target *t);
/* Counted element k changes vendor from -> to (-1: no vendor); a no-op
 * unless k is in the rule's scope (the caller checks). */
void nv_plan_target_move(nv_plan_target *t, const nv_view *v, size_t k,
                         int32_t from, int32_t to);
/* Current violation (0 when the rule passes). */
double nv_plan_violation(const nv_plan_target *t);
/* Measures (NV_MEASURE_* bits) of group g over the cap now. */
unsigned nv_plan_over(const nv_plan_target *t, size_t g);
/* Violation removed per element if k (now of `vendor`) is replaced,
 * relative to the starting violation, while the group stays over. */
double nv_plan_rate(const nv_plan_target *t, const nv_view *v, size_t k,
                    int32_t vendor);
/* Element k's vendor as target t counts it, `vendor` being its current
 * one: while that is still the view's vendor and the element has a second
 * reading (view.alt_vendor), the reading the rule selects, as the
 * evaluator counts it (eval_ctx.h); else `vendor`. */
int32_t nv_plan_reading(const nv_plan_target *t, const nv_view *v, size_t k,
                        int32_t vendor);
/* Would vendor `to` count against the rule (selected, or in a capped
 * group)? Such a vendor cannot be the replacement. */
int nv_plan_capped_vendor(const nv_plan_target *t, const nv_view *v,
                          int32_t to);

#endif
