/* SPDX-License-Identifier: Apache-2.0 */
/* The rule-kind table: everything that differs between rule kinds (their
 * name in packs, which keys they take, their own checks of those keys,
 * their evaluation, whether they read the topology, how the planner can
 * target them) in one row per kind. Each kind's row and operations live in
 * its own file (kind_forbid.c, kind_share_cap.c, ...); rule_kind.c lists
 * the rows. Adding a kind: its value in netvet_rule_kind, one kind_*.c
 * file defining its nv_rule_kind_ops, one row in rule_kind.c. */
#ifndef NV_POLICY_RULE_KIND_H
#define NV_POLICY_RULE_KIND_H

#include <stddef.h>

#include "netvet/policy.h"
#include "util/yaml.h"

struct nv_rule;     /* policy/rules.h */
struct nv_eval;     /* policy/eval_ctx.h */
struct nv_findings; /* policy/findings.h */

/* Flags of a kind (nv_rule_kind_ops.flags). */
#define NV_KIND_TAKES_PER 0x01u      /* takes 'per' */
#define NV_KIND_TAKES_MEASURE 0x02u  /* takes 'measure' */
#define NV_KIND_TAKES_MAX 0x04u      /* requires 'max' (else refuses it) */
#define NV_KIND_MAX_SHARE 0x08u      /* 'max' is a share in [0, 1] */
#define NV_KIND_MAX_COUNT 0x10u      /* 'max' is a whole number, 0 to
                                      * NV_MAX_VENDORS_LIMIT */
#define NV_KIND_NEEDS_TOPOLOGY 0x20u /* reads the view's exposure: runs
                                      * after the topology step */
#define NV_KIND_COUNTS 0x40u         /* reads its in-scope counts
                                      * (nv_eval_accumulate): they are
                                      * taken for it in the shared pass */

/* How the replacement planner (whatif/plan*.c) can target a kind. */
typedef enum nv_plan_model {
    NV_PLAN_NONE = 0, /* not a plan target */
    NV_PLAN_BAN,      /* selected vendors' elements in scope must go:
                       * one group, its element count must reach 0 */
    NV_PLAN_SHARE     /* per group ('per'), count/weight shares of the
                       * scope must fall to 'max' ('measure') */
} nv_plan_model;

/* Keys a kind may check in its own way, right after they are parsed. */
typedef enum nv_rule_key { NV_KEY_SCOPE, NV_KEY_PER, NV_KEY_MAX } nv_rule_key;

typedef struct nv_rule_kind_ops {
    const char *name; /* as written in packs: "share-cap" */
    unsigned flags;   /* NV_KIND_* */
    nv_plan_model plan;
    /* The kind's own check of key `key` (node n) of rule r, or NULL.
     * @return 0 or NETVET_EPARSE (diagnostic set, file:line of n). */
    int (*check)(nv_yctx *y, yaml_node_t *n, nv_rule_key key,
                 const struct nv_rule *r);
    /* Measure e->rule (selection and scope prepared, counters zeroed):
     * append its results to e->results and its findings to out.
     * @return 0 or NETVET_ENOMEM. */
    int (*evaluate)(struct nv_eval *e, struct nv_findings *out);
} nv_rule_kind_ops;

/* The row of `kind`, or NULL when it is not a rule kind. */
const nv_rule_kind_ops *nv_rule_kind(netvet_rule_kind kind);
/* The kind named s[0..len), as written in packs. @return 0 or -1. */
int nv_rule_kind_find(const char *s, size_t len, netvet_rule_kind *out);
/* "forbid and share-cap": the names of the kinds the planner can target,
 * into buf (always NUL-terminated). */
void nv_rule_kind_plan_names(char *buf, size_t size);

#endif
