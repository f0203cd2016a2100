/* SPDX-License-Identifier: Apache-2.0 */
/* Reading what an assessment computed: the verdict, each rule's
 * measurement against its limit (the margin), the findings with the
 * elements involved, the dependent weight per risk domain and vendor, and
 * the wall time of each phase. Every string and array a getter returns is
 * borrowed from the assessment and lives as long as it does. Structs the
 * library fills carry a version: set it (the *_INIT macros do) so that a
 * later netvet can add members without breaking older callers. */
#ifndef NETVET_RESULTS_H
#define NETVET_RESULTS_H

#include <stddef.h>
#include <stdint.h>

#include "assess.h"
#include "errors.h"
#include "inventory.h"
#include "policy.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- verdict ---- */

typedef enum netvet_verdict {
    NETVET_VERDICT_PASS = 0,
    NETVET_VERDICT_FAIL = 1,
    /** The assessment could not judge what it claims to (see
     * netvet_assessment_incomplete) and no finding fails it. */
    NETVET_VERDICT_INCOMPLETE = 2
} netvet_verdict;

/**
 * The verdict at a gate: FAIL when a finding that is not waived has a
 * severity of at least `fail_on` (a netvet_severity; fail_on < 0 never
 * fails), since such a finding is real whatever else was missed;
 * otherwise INCOMPLETE when the assessment records a reason it is
 * incomplete, else PASS. Every report and the exit status of netvet use
 * this.
 */
netvet_verdict netvet_assessment_verdict(const netvet_assessment *a,
                                         int fail_on);
/** Static name of a verdict: "pass", "fail" or "incomplete". */
const char *netvet_verdict_name(netvet_verdict v);

/** Number of reasons the assessment is incomplete (0: it judged all it
 * claims to). */
size_t netvet_assessment_incomplete_count(const netvet_assessment *a);
/**
 * Reason i (0-based): returns its static code ("nothing-counted",
 * "rows-skipped", "unknown-vendors", "no-rule-applies", "no-sources",
 * "no-sinks"; docs/json-schema.md) and sets *message (may be NULL) to one
 * line saying what was not judged, borrowed from the assessment.
 * @return the code, or NULL when i is out of range.
 */
const char *netvet_assessment_incomplete(const netvet_assessment *a,
                                         size_t i, const char **message);

/** Files the assessment read besides the inventory, each with the
 * SHA-256 of its bytes: registry overlays, the user's packs, pattern files,
 * waiver files, in that order. */
size_t netvet_assessment_input_count(const netvet_assessment *a);
/** Input i (strings borrowed from the registry, policy or assessment);
 * all members NULL when i is out of range. */
netvet_input netvet_assessment_input(const netvet_assessment *a, size_t i);

/** The inventory the assessment read (borrowed, as given to netvet_assess
 * or an overlay's): resolve a finding's element indexes with
 * netvet_inventory_element_id. */
const netvet_inventory *netvet_assessment_inventory(
    const netvet_assessment *a);

/* ---- rule results: every measurement, pass or fail ---- */

typedef enum netvet_result_status {
    NETVET_RESULT_PASS = 0,
    NETVET_RESULT_FAIL = 1,
    NETVET_RESULT_NOT_APPLICABLE = 2, /**< nothing in the rule's scope */
    NETVET_RESULT_NOT_IN_EFFECT = 3,  /**< before the rule's effective date */
    /** a forbid rule found none of its vendors in scope, but some
     *  elements in scope have a vendor that could not be resolved: value
     *  is their count, and the assessment is INCOMPLETE
     *  ("undetermined-rule") */
    NETVET_RESULT_UNDETERMINED = 4
} netvet_result_status;

/** Static name of a status: "pass", "fail", "not-applicable",
 * "not-in-effect" (as in the JSON report). */
const char *netvet_result_status_name(netvet_result_status status);

/** One measurement of a rule. Strings borrowed from the assessment. */
typedef struct netvet_rule_result {
    unsigned version;          /**< NETVET_RULE_RESULT_VERSION */
    size_t rule;               /**< index for netvet_policy_rule */
    const char *rule_id;       /**< "uk-hrv-access-cap" */
    const char *pack;          /**< pack id */
    netvet_rule_kind kind;
    netvet_severity severity;  /**< of a finding when it fails */
    const char *subject;       /**< domain code, vendor id, or "" */
    const char *measure;       /**< "elements", "count-share",
                                    "weight-share", "vendors",
                                    "exposure-share", or "" */
    double value;              /**< measured (shares in 0..1) */
    double limit;              /**< the rule's threshold */
    double margin;             /**< limit - value: > 0 room left, < 0 over
                                    (0 unless status is PASS or FAIL) */
    netvet_result_status status;
    const char *status_name;   /**< netvet_result_status_name(status) */
} netvet_rule_result;
#define NETVET_RULE_RESULT_VERSION 1
#define NETVET_RULE_RESULT_INIT {NETVET_RULE_RESULT_VERSION, 0, NULL, NULL, \
    NETVET_RULE_FORBID, NETVET_SEV_NOTE, NULL, NULL, 0, 0, 0,               \
    NETVET_RESULT_PASS, NULL}

/** Number of measurements, in rule order (a rule may measure several
 * subjects, e.g. one per risk domain). */
size_t netvet_assessment_result_count(const netvet_assessment *a);
/**
 * Measurement i (0-based).
 * @param[in,out] out its version set by the caller.
 * @return 0, NETVET_EINVAL (i out of range, or a version this netvet does
 *         not know).
 */
int netvet_assessment_result(const netvet_assessment *a, size_t i,
                             netvet_rule_result *out);

/* ---- findings ---- */

/** One finding. Strings and the element array are borrowed. */
typedef struct netvet_finding {
    unsigned version;          /**< NETVET_FINDING_VERSION */
    const char *rule_id;       /**< a rule's id, or netvet's own check
                                    ("unknown-vendor", ...) */
    const char *pack;          /**< pack id, "netvet" for built-in checks */
    const char *title;         /**< the rule's title */
    netvet_severity severity;
    const char *subject;       /**< domain code or vendor id, or "" */
    const char *measure;       /**< as in netvet_rule_result */
    double value;              /**< measured */
    double limit;              /**< the threshold it broke */
    const char *message;       /**< one line: what against what */
    const char *source;        /**< public source of the rule */
    const uint32_t *elements;  /**< element indexes involved, ascending */
    size_t n_elements;
    /* version >= 2: the waiver covering it (netvet_assess_options.waivers);
     * the strings are NULL when waived is 0 */
    int waived;                     /**< 1: waived, does not fail */
    const char *waiver_reason;      /**< why it is accepted */
    const char *waiver_approved_by; /**< who approved it */
    const char *waiver_expires;     /**< YYYY-MM-DD, last day it holds */
    const char *waiver_file;        /**< the waiver's file (diag name) */
    unsigned long waiver_line;      /**< and line */
} netvet_finding;
#define NETVET_FINDING_VERSION 2
#define NETVET_FINDING_INIT {NETVET_FINDING_VERSION, NULL, NULL, NULL, \
    NETVET_SEV_NOTE, NULL, NULL, 0, 0, NULL, NULL, NULL, 0, 0, NULL, NULL, \
    NULL, NULL, 0}

/** Number of findings; they are sorted errors first, then by rule id and
 * subject. */
size_t netvet_assessment_finding_count(const netvet_assessment *a);
/**
 * Finding i (0-based).
 * @param[in,out] out its version set by the caller.
 * @return 0 or NETVET_EINVAL (i out of range, or an unknown version).
 */
int netvet_assessment_finding(const netvet_assessment *a, size_t i,
                              netvet_finding *out);

/* ---- exposure: dependent weight per risk domain and per vendor ---- */

typedef enum netvet_exposure_kind {
    NETVET_EXPOSURE_DOMAIN = 0, /**< groups are risk domains (countries) */
    NETVET_EXPOSURE_VENDOR = 1  /**< groups are registry root vendors */
} netvet_exposure_kind;

/** What removing one group's equipment cuts off from every source. */
typedef struct netvet_exposure_row {
    unsigned version;          /**< NETVET_EXPOSURE_ROW_VERSION */
    netvet_exposure_kind kind;
    const char *group;         /**< domain code or vendor id */
    uint64_t elements;         /**< counted elements in the group */
    double lost_weight;        /**< dependent weight: weight of lost sinks */
    double share;              /**< lost_weight / weight of all sinks */
    uint64_t lost_sinks;
} netvet_exposure_row;
#define NETVET_EXPOSURE_ROW_VERSION 1
#define NETVET_EXPOSURE_ROW_INIT {NETVET_EXPOSURE_ROW_VERSION, \
    NETVET_EXPOSURE_DOMAIN, NULL, 0, 0, 0, 0}

/** Rows of a kind, in the reports' order; 0 when the topology was not
 * analysed (no links, or netvet_assess_options.topology = 0). */
size_t netvet_assessment_exposure_count(const netvet_assessment *a,
                                        netvet_exposure_kind kind);
/**
 * Row i (0-based) of a kind.
 * @param[in,out] out its version set by the caller.
 * @return 0 or NETVET_EINVAL (i out of range, or an unknown version).
 */
int netvet_assessment_exposure(const netvet_assessment *a,
                               netvet_exposure_kind kind, size_t i,
                               netvet_exposure_row *out);

/* ---- timings ---- */

/** Wall seconds of the phases (what `netvet assess --timings` prints). */
typedef struct netvet_assessment_timings {
    unsigned version;        /**< NETVET_ASSESSMENT_TIMINGS_VERSION */
    /** Loading the inventory's elements file [0] and links file [1]:
     * parts read in parallel (0: no such file), reading them, merging,
     * and (elements) building the id map beside the merge. */
    struct {
        unsigned parts;
        double parse, merge, index;
    } load[2];
    int ids_sorted;          /**< ids in order: no id map was built */
    double view;             /**< resolving vendors and domains */
    double shares;           /**< shares per function */
    double csr, fold;        /**< building the graph, folding its leaves */
    size_t core, vertices;   /**< the fold left `core` of `vertices` */
    double exposure, dominators, spof; /**< the three graph steps */
    double graph;            /**< their wall time together */
    int threads;             /**< threads they ran on */
    double topology;         /**< the whole topology step */
    double rules;            /**< rules needing no exposure (beside it) */
    double exposure_rules;   /**< rules reading the exposure (after it) */
} netvet_assessment_timings;
#define NETVET_ASSESSMENT_TIMINGS_VERSION 1
#define NETVET_ASSESSMENT_TIMINGS_INIT {NETVET_ASSESSMENT_TIMINGS_VERSION, \
    {{0, 0, 0, 0}, {0, 0, 0, 0}}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,   \
    0, 0}

/**
 * The phases' wall times (0 for steps that did not run).
 * @param[in,out] out its version set by the caller.
 * @return 0 or NETVET_EINVAL (unknown version).
 */
int netvet_assessment_get_timings(const netvet_assessment *a,
                                  netvet_assessment_timings *out);

#ifdef __cplusplus
}
#endif
#endif
