/* SPDX-License-Identifier: Apache-2.0 */
/* The replacement plan: internals shared by the planner (plan.c), the cost
 * file reader (cost.c) and the plan report (plan_report.c). */
#ifndef NV_WHATIF_PLAN_H
#define NV_WHATIF_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "netvet/whatif.h"
#include "assess/assessment.h"
#include "policy/policy.h"

#define NV_PLAN_MAX_TARGETS 64

/* Cost of replacing one element, per function. */
typedef struct nv_costs {
    double fn[NETVET_FN_COUNT];
    double fallback;          /* functions not listed */
    int from_file;
    unsigned listed;          /* bit per function given in the file */
} nv_costs;

/* Read a cost file: a YAML mapping of function (or alias) -> cost > 0,
 * and optionally `default: cost`. Unset functions cost `default` (1).
 * @return 0, NETVET_EIO, NETVET_EPARSE (file:line), NETVET_ENOMEM. */
int nv_costs_load(nv_costs *out, const char *path, netvet_diag *diag);
/* The same from a buffer (tests, fuzzing). */
int nv_costs_load_buffer(nv_costs *out, const char *buf, size_t len,
                         const char *name, netvet_diag *diag);
void nv_costs_default(nv_costs *out);

/* One target rule, measured incrementally. */
typedef struct nv_plan_target {
    size_t rule;              /* policy index */
    nv_rule_probe probe;
    int ban;                  /* the kind's plan model is NV_PLAN_BAN
                               * (forbid): one group, count only */
    int in_effect;
    size_t n_groups;          /* domains, vendors, or 1 (per: all) */
    double *count, *weight;   /* per group, in scope */
    double *selected;         /* per group: elements of a selected vendor */
    uint8_t *active;          /* per group: capped (selected > 0) */
    double total_count, total_weight;
    double violation0;        /* at the start (> 0 when failing) */
    double violation;         /* now */
} nv_plan_target;

/* One step: a unit (element or site) replaced, and the state after it. */
typedef struct nv_plan_step {
    uint32_t first, n;        /* elements[first .. first + n) */
    double cost, cumulative;
} nv_plan_step;

struct netvet_plan {
    const netvet_policy *policy;
    netvet_assessment *before;      /* the inventory as it is */
    netvet_overlay *overlay;        /* with the plan applied */
    netvet_assessment *after;       /* re-assessed from scratch */
    netvet_plan_unit unit;
    nv_costs costs;
    char *cost_file;                /* owned, NULL = none */
    int32_t fixed_with;             /* --replace-with root vendor, or -1 */
    int32_t with_fn[NETVET_FN_COUNT];/* replacement per function, -1 none */
    nv_plan_target *targets;
    size_t n_targets;
    uint32_t *elements;             /* replaced, in plan order */
    int32_t *new_vendor;            /* replacement root, per entry */
    size_t n_elements;
    nv_plan_step *steps;
    size_t n_steps;
    double *trail;                  /* per step x target x 2: worst count
                                       and weight share after the step
                                       (forbid: elements left, -) */
    int reached;                    /* the incremental model reached 0 */
    int passes;                     /* the re-assessment passes targets */
    double total_cost;
};

/* Worst active group's count and weight share of target t (share-cap), or
 * the elements left (forbid) in *count_share. */
void nv_plan_target_state(const nv_plan_target *t, double *count_share,
                          double *weight_share);

#endif
