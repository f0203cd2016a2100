/* SPDX-License-Identifier: Apache-2.0 */
/* The policy module's interface: the one policy header the layers above
 * (assess, whatif, report) include. The loaded packs and rules
 * (rules.h), findings and rule results (findings.h), the rule-kind table
 * (rule_kind.h), and evaluation of every rule of a policy over the
 * analysed network (below). The loader's and the evaluator's own headers
 * (pack.h, eval_ctx.h) stay inside src/policy. */
#ifndef NV_POLICY_POLICY_H
#define NV_POLICY_POLICY_H

#include "analysis/view.h"
#include "netvet/policy.h"
#include "policy/findings.h"
#include "policy/rule_kind.h"
#include "policy/rules.h"
#include "policy/waivers.h"

/* Evaluate the rules effective on view->as_of; append one finding per
 * violation to `out`. @return 0 or NETVET_ENOMEM. */
int nv_policy_evaluate(const netvet_policy *policy, const nv_view *view,
                       nv_findings *out, netvet_diag *diag);

/* Same, also recording every rule's measurements (pass or fail) in
 * `results` (may be NULL): nv_policy_warn, then every rule. */
int nv_policy_evaluate_results(const netvet_policy *policy,
                               const nv_view *view, nv_findings *out,
                               nv_results *results, netvet_diag *diag);

/* Which rules an evaluation runs: all, those that read nothing of the
 * topology (they may run while the topology computes it), those that read
 * the view's exposure, or the share-caps measured by customers served,
 * which read only its dominator tree (view->dom; they may run as soon as
 * the tree is built). */
typedef enum nv_rule_set {
    NV_RULES_ALL,
    NV_RULES_NO_EXPOSURE,
    NV_RULES_EXPOSURE,
    NV_RULES_SERVED
} nv_rule_set;

/* Report what the policy names that the registry lacks (pack entries,
 * vendors of rules effective on view->as_of), in pack then rule order. */
void nv_policy_warn(const netvet_policy *policy, const nv_view *view,
                    netvet_diag *diag);

/* Every site, region and tag a rule of a pack that is not built in
 * scopes on must be held by some element of `inv` (in service or not): a
 * value that matches nothing is a typo that would make the rule n/a
 * silently. @return 0 or NETVET_EPARSE naming the pack's file:line. */
int nv_policy_check_scopes(const netvet_policy *policy,
                           const netvet_inventory *inv, netvet_diag *diag);

/* The string ids of the tags the rules' scopes name that some element of
 * `inv` carries, each once, in rule order, at most max of them, into ids
 * (for nv_view_tag_bits). @return how many. */
size_t nv_policy_scope_tags(const netvet_policy *policy,
                            const netvet_inventory *inv, uint32_t *ids,
                            size_t max);

/* Evaluate the rules of `set` without reporting anything to a diag (so
 * it may run on a thread): findings appended to `out`, measurements to
 * `results` (may be NULL), in rule order. @return 0, NETVET_EINVAL or
 * NETVET_ENOMEM. */
int nv_policy_evaluate_set(const netvet_policy *policy, const nv_view *view,
                           nv_rule_set set, nv_findings *out,
                           nv_results *results);

/* risky[v] = 1 for each of the n = netvet_registry_count(reg) registry
 * vendors in the high-risk set of any pack of `policy` (whatever the
 * rules' dates), else 0; all 0 without a policy.
 * @return 0 or NETVET_ENOMEM. */
int nv_policy_high_risk_union(const netvet_policy *policy,
                              const netvet_registry *reg, uint8_t *risky,
                              size_t n);

/* One rule prepared for incremental re-measurement (the replacement
 * planner): the registry vendors it selects and its scope resolved against
 * the view's inventory, exactly as the evaluator uses them. */
typedef struct nv_rule_probe {
    const struct nv_rule *rule;
    size_t n_vendors;
    uint8_t *selected;     /* per registry vendor (owned) */
    struct nv_scope *scope;/* owned */
} nv_rule_probe;

/* @return 0, NETVET_EINVAL (no such rule), NETVET_ENOMEM. */
int nv_rule_probe_init(nv_rule_probe *p, const netvet_policy *policy,
                       size_t rule, const nv_view *view);
/* Is counted element k in the rule's scope? */
int nv_rule_probe_in_scope(const nv_rule_probe *p, const nv_view *view,
                           size_t k);
void nv_rule_probe_dispose(nv_rule_probe *p);

#endif
