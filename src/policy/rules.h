/* SPDX-License-Identifier: Apache-2.0 */
/* A loaded policy: its packs and their rules, as the pack loader
 * (pack.c, rule_parse.c) fills them and the evaluator and the planner read
 * them. The pack format is documented in docs/policy-format.md. */
#ifndef NV_POLICY_RULES_H
#define NV_POLICY_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "netvet/policy.h"
#include "util/yaml.h"

#define NV_MAX_VENDORS_LIMIT 1000000 /* largest count `max` (max-vendors) */
#define NV_ALWAYS INT32_MIN          /* rule without an effective date */
#define NV_NEVER INT32_MAX           /* rule without an until date */

typedef enum nv_per { NV_PER_DOMAIN = 0, NV_PER_VENDOR, NV_PER_ALL } nv_per;

#define NV_MEASURE_COUNT 1u
#define NV_MEASURE_WEIGHT 2u
#define NV_MEASURE_SERVED 4u
#define NV_MEASURE_SITES 8u

typedef struct nv_pack {
    char *id, *title, *source; /* owned; title/source "" when absent */
    char *file;                /* name used in diagnostics (owned) */
    char sha256[65];           /* of the file's bytes (hex) */
    int builtin;               /* a built-in pack: scope values that match
                                * nothing make a rule n/a, not an error */
    nv_strlist assumptions;
    nv_strlist listings;       /* high_risk.listings */
    nv_strlist vendors;        /* high_risk.vendors */
    nv_strlist countries;      /* high_risk.countries, upper case */
    int deadline_months;       /* high_risk.deadline_months: a listed vendor
                                * counts from this many months after its
                                * listing (0: from the listing) */
    double ownership_threshold; /* percent; NETVET_OWNERSHIP_THRESHOLD
                                 * when the pack does not set it */
    int has_threshold;         /* the pack sets ownership_threshold */
} nv_pack;

typedef struct nv_rule {
    char *id, *title, *source; /* owned */
    char *effective_text;      /* "" when the rule always applies */
    int32_t effective;         /* days since 1970-01-01, or NV_ALWAYS */
    char *until_text;          /* "" when the rule never stops applying */
    int32_t until;             /* last day in force, or NV_NEVER */
    netvet_rule_kind kind;
    netvet_severity severity;
    size_t pack;               /* index into netvet_policy.packs */
    unsigned long line;        /* line of the rule in its pack */
    int high_risk;             /* vendors: high-risk */
    nv_strlist vendors;        /* explicit vendor ids otherwise */
    nv_strlist produced_outside; /* vendors: {produced_outside: [...]}: the
                                  * vendors whose registry production is
                                  * unknown or in another country */
    uint32_t fn_mask;          /* bit per netvet_function; 0 = any */
    nv_strlist tags, sites, regions; /* n == 0: key absent */
    int32_t installed_after;   /* scope: installed strictly after, or
                                  NV_ALWAYS when absent */
    int32_t installed_before;  /* scope: installed strictly before, or
                                  NV_NEVER when absent */
    uint8_t status_mask;       /* scope: bit per nv_status; 0 = any */
    nv_per per;                /* kinds that take 'per' */
    unsigned measures;         /* kinds that take 'measure': NV_MEASURE_* */
    double max;                /* kinds that take 'max': a share or count */
} nv_rule;

struct netvet_policy {
    nv_pack *packs;
    size_t n_packs, packs_cap;
    nv_rule *rules;
    size_t n_rules, rules_cap;
    int loading_builtin; /* set while a built-in pack is added: only
                          * those may take a built-in pack's id */
};

void nv_rule_dispose(nv_rule *r);

/* Is rule r in force on day `as_of` (from <= as_of <= until)? */
static inline int nv_rule_in_force(const nv_rule *r, int32_t as_of)
{
    return r->effective <= as_of && as_of <= r->until;
}

#endif
