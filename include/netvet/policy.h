/* SPDX-License-Identifier: Apache-2.0 */
/* Policy packs: YAML rule sets (built-in UK/US/EU packs and user files),
 * loaded into one policy that an assessment evaluates. */
#ifndef NETVET_POLICY_H
#define NETVET_POLICY_H

#include <stddef.h>

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct netvet_policy netvet_policy;

/** Rule kinds. */
typedef enum netvet_rule_kind {
    NETVET_RULE_FORBID = 0,   /**< selected vendors not allowed in scope */
    NETVET_RULE_SHARE_CAP,    /**< a domain's/vendor's share of scope <= max */
    NETVET_RULE_MAX_VENDORS,  /**< at most N distinct selected vendors */
    NETVET_RULE_EXPOSURE_CAP  /**< weight lost without a domain/vendor <= max */
} netvet_rule_kind;

/** The kind's name as written in packs ("forbid", "share-cap",
 *  "max-vendors", "exposure-cap"), static; NULL if `kind` is not a rule
 *  kind. */
const char *netvet_rule_kind_name(netvet_rule_kind kind);

/** Read-only view of a loaded rule; strings borrowed from the policy. */
typedef struct netvet_rule_info {
    const char *id;        /**< e.g. "uk-hrv-core" */
    const char *pack;      /**< pack id the rule came from */
    const char *title;
    netvet_rule_kind kind;
    netvet_severity severity;
    const char *source;    /**< public source of the rule */
    const char *effective; /**< ISO date the rule applies from (`from`),
                                "" always */
    const char *until;     /**< ISO date of the last day it applies, ""
                                never stops */
} netvet_rule_info;

/** @param[out] out empty policy; free with netvet_policy_free. */
int netvet_policy_new(netvet_policy **out);
void netvet_policy_free(netvet_policy *policy);
/** Add a built-in pack by id ("uk-ncsc-2020"). NETVET_ENOTFOUND if none. */
int netvet_policy_add_builtin(netvet_policy *policy, const char *pack_id,
                              netvet_diag *diag);
/** Add a pack from a YAML file; errors name file:line. */
int netvet_policy_add_file(netvet_policy *policy, const char *path,
                           netvet_diag *diag);
/** Add a pack from a buffer; `name` is used in diagnostics. */
int netvet_policy_add_buffer(netvet_policy *policy, const char *buf,
                             size_t len, const char *name, netvet_diag *diag);
/** The built-in packs in force on `as_of` (YYYY-MM-DD; NULL = today,
 *  UTC), the default policy: uk-ncsc-2020 always, uk-dvd-2022 from
 *  2022-10-13. Fills ids[0..*n) with static pack ids (at most `cap`).
 *  @return 0, NETVET_EINVAL (bad date), NETVET_ELIMIT (cap too small). */
int netvet_policy_default_ids(const char *as_of, const char **ids,
                              size_t cap, size_t *n, netvet_diag *diag);
/** Add the default packs in force on `as_of` (NULL = today, UTC) to
 *  `policy` (netvet_policy_default_ids). */
int netvet_policy_add_defaults(netvet_policy *policy, const char *as_of,
                               netvet_diag *diag);
/** Ids of the built-in packs, NULL-terminated (static). */
const char *const *netvet_policy_builtin_ids(void);

size_t netvet_policy_rule_count(const netvet_policy *policy);
/** Rule i, borrowed. */
netvet_rule_info netvet_policy_rule(const netvet_policy *policy, size_t i);

/** Read-only view of a loaded pack; everything borrowed from the policy,
 * valid until it is freed or a pack is added. */
typedef struct netvet_pack_info {
    const char *id;       /**< e.g. "uk-ncsc-2020" */
    const char *title;    /**< "" when the pack has none */
    const char *source;   /**< its sources joined by "; ", "" none */
    const char *file;     /**< file name as given, or "builtin:ID.yaml" */
    int builtin;          /**< 1 for a pack compiled into the library */
    double ownership_threshold; /**< percent (`ownership_threshold`,
                                     NETVET_OWNERSHIP_THRESHOLD = 10 when the
                                     pack does not set it) */
    size_t n_assumptions;
    const char *const *assumptions;
    size_t n_listings;    /**< high_risk.listings */
    const char *const *listings;
    size_t n_vendors;     /**< high_risk.vendors */
    const char *const *vendors;
    size_t n_countries;   /**< high_risk.countries */
    const char *const *countries;
    int deadline_months;  /**< high_risk.deadline_months: a listed vendor
                               counts from this many months after its
                               listing; 0 = from the listing itself */
} netvet_pack_info;

/** Number of packs in the policy, in load order. */
size_t netvet_policy_pack_count(const netvet_policy *policy);
/** Pack i (all members NULL/0 when i is out of range). */
netvet_pack_info netvet_policy_pack(const netvet_policy *policy, size_t i);

/**
 * The ownership threshold (percent) to compute jurisdictions with for this
 * policy: the smallest `ownership_threshold` among its packs, the riskier
 * reading (a lower threshold puts a vendor in more jurisdictions); 10
 * (NETVET_OWNERSHIP_THRESHOLD, netvet/vendors.h) for a policy without packs
 * or whose packs do not set it. Pass it to netvet_registry_jurisdictions.
 */
double netvet_policy_ownership_threshold(const netvet_policy *policy);

/** Packs of the user's own (not built-in) in the policy, in load order,
 * each with the SHA-256 of its bytes. */
size_t netvet_policy_input_count(const netvet_policy *policy);
/** Input i; all members NULL when i is out of range. */
netvet_input netvet_policy_input(const netvet_policy *policy, size_t i);

#ifdef __cplusplus
}
#endif
#endif
