/* SPDX-License-Identifier: Apache-2.0 */
/* What-if analysis: scenario files (ordered changes to an inventory),
 * overlays that apply them without touching or copying the loaded
 * inventory, the before/after comparison, the procurement check and the
 * replacement plan, and the timeline of a dated plan. Formats:
 * docs/scenario-format.md. */
#ifndef NETVET_WHATIF_H
#define NETVET_WHATIF_H

#include <stddef.h>
#include <stdio.h>

#include "assess.h"
#include "errors.h"
#include "inventory.h"
#include "policy.h"
#include "report.h"
#include "results.h"
#include "vendors.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- scenarios ---- */

typedef struct netvet_scenario netvet_scenario;

/**
 * Parse a scenario YAML file. Syntax, unknown keys and bad values are
 * reported as file:line; vendors and ids are checked when it is applied.
 * @param[out] out free with netvet_scenario_free.
 * @return 0, NETVET_EIO, NETVET_EPARSE, NETVET_ELIMIT, NETVET_ENOMEM.
 */
int netvet_scenario_load_file(netvet_scenario **out, const char *path,
                              netvet_diag *diag);
/** The same from a buffer; `name` is used in diagnostics. */
int netvet_scenario_load_buffer(netvet_scenario **out, const char *buf,
                                size_t len, const char *name,
                                netvet_diag *diag);
void netvet_scenario_free(netvet_scenario *s);
/** The file it was read from with the SHA-256 of its bytes (kind
 * "scenario"), as reports list it; all members NULL for NULL. */
netvet_input netvet_scenario_input(const netvet_scenario *s);
/** Its `scenario:` name (or the file name), borrowed. */
const char *netvet_scenario_name(const netvet_scenario *s);
/** Its `description:`, "" when absent, borrowed. */
const char *netvet_scenario_description(const netvet_scenario *s);
/** The file name it was read from, borrowed. */
const char *netvet_scenario_file(const netvet_scenario *s);
/** Number of changes. */
size_t netvet_scenario_changes(const netvet_scenario *s);

/* ---- overlays ---- */

typedef struct netvet_overlay netvet_overlay;

/**
 * An empty overlay of `base`: reads through to it until changed. A change
 * copies only the columns it writes (4 bytes per element for a vendor
 * change); adding elements extends the element columns. The base is never
 * modified. `base` and `reg` are borrowed and must outlive the overlay.
 * @param[out] out free with netvet_overlay_free.
 * @return 0 or NETVET_ENOMEM.
 */
int netvet_overlay_new(netvet_overlay **out, const netvet_inventory *base,
                       const netvet_registry *reg);
void netvet_overlay_free(netvet_overlay *ov);

/**
 * Apply every change of `s` in order (each sees the ones before it).
 * A filter that matches nothing, an unknown vendor or id, a duplicate new
 * id is an error naming the scenario's file:line; the overlay is then in an
 * unspecified state and should be freed.
 * @return 0, NETVET_EPARSE (bad reference), NETVET_ENOMEM, NETVET_ELIMIT.
 */
int netvet_overlay_apply(netvet_overlay *ov, const netvet_scenario *s,
                         netvet_diag *diag);

/**
 * The inventory as changed: assess it with netvet_assess. Borrowed from
 * the overlay; valid until the overlay is changed or freed.
 */
const netvet_inventory *netvet_overlay_inventory(const netvet_overlay *ov);

/** What an overlay changed, counted over all applied changes. */
typedef struct netvet_overlay_stats {
    size_t changed;     /**< existing elements with an attribute set */
    size_t added;       /**< elements added */
    size_t removed;     /**< elements removed (their links go with them) */
    size_t links_added; /**< links added */
} netvet_overlay_stats;
netvet_overlay_stats netvet_overlay_get_stats(const netvet_overlay *ov);

/** One applied change, for reports. */
typedef struct netvet_change_info {
    unsigned long line;  /**< line of the change in the scenario */
    const char *action;  /**< "set", "add", "remove", "replace" */
    const char *summary; /**< e.g. "vendor=ZTE; where function aggregation" */
    size_t elements;     /**< elements it touched (or added) */
    size_t links;        /**< links it added */
} netvet_change_info;
size_t netvet_overlay_log_count(const netvet_overlay *ov);
/** Change i (0-based), strings borrowed from the overlay. */
netvet_change_info netvet_overlay_log(const netvet_overlay *ov, size_t i);

/* ---- what-if report ---- */

/** One scenario's outcome for the what-if report. All borrowed. */
typedef struct netvet_whatif_case {
    const netvet_scenario *scenario;
    const netvet_overlay *overlay;
    const netvet_assessment *after;
} netvet_whatif_case;

/** Schema id of the what-if JSON report. */
#define NETVET_WHATIF_JSON_SCHEMA "netvet-whatif/1"

/**
 * Write before and after side by side for each case: verdict, rule
 * measurements, findings added and resolved, shares per function and risk
 * domain, dependent weight per domain, top single points of failure.
 * opts->format picks text or JSON; opts->fail_on sets the verdicts.
 * @return 0, NETVET_EIO, NETVET_ENOMEM.
 */
int netvet_whatif_write(FILE *out, const netvet_assessment *before,
                        const netvet_whatif_case *cases, size_t n_cases,
                        const netvet_report_options *opts, netvet_diag *diag);

/**
 * Does `a` fail the gate: a finding at or above fail_on (-1: never)?
 */
int netvet_assessment_fails(const netvet_assessment *a, int fail_on);

/* ---- procurement check ---- */

typedef struct netvet_check netvet_check;

typedef struct netvet_check_options {
    unsigned version;      /**< NETVET_CHECK_OPTIONS_VERSION */
    const char *vendor;    /**< vendor name or alias (required) */
    const char *function;  /**< function name or alias (required) */
    const char *site;      /**< an existing site, or NULL */
    const char *region;    /**< an existing region, or NULL (taken from the
                                site's elements when only site is given) */
    size_t count;          /**< elements to add (1..1000000) */
    double weight;         /**< weight of each; < 0 = the mean weight of
                                the counted elements of that function at the
                                site (else region, else network) */
    int fail_on;           /**< netvet_severity gate, -1 never */
    netvet_assess_options assess; /**< as_of, attributor, ... (topology is
                                       switched off: new elements have no
                                       links) */
    /** Tags the new elements carry besides those they inherit (the union
     * of the tags of the site's elements that are not decommissioned):
     * NULL-terminated, or NULL. Version >= 2. */
    const char *const *tags;
    /** Their installed date, YYYY-MM-DD; NULL = the as-of date. When it is
     * after the as-of date, the purchase is judged on it instead.
     * Version >= 2. */
    const char *installed;
} netvet_check_options;
#define NETVET_CHECK_OPTIONS_VERSION 2

/**
 * Would adding `count` elements of vendor/function at site/region break a
 * rule? Assesses the inventory and an overlay with the new elements, on
 * the as-of date (or the installed date when later) and again on each
 * later date a rule takes effect, which the answer lists with the rules
 * that would then refuse the purchase.
 * Inputs are borrowed and must outlive the result.
 * @param[out] out free with netvet_check_free.
 * @return 0, NETVET_EINVAL (unknown vendor, function, site or region:
 *         message in diag), NETVET_ENOMEM.
 */
int netvet_check_run(netvet_check **out, const netvet_inventory *inv,
                     const netvet_registry *reg, const netvet_policy *policy,
                     const netvet_check_options *opts, netvet_diag *diag);
void netvet_check_free(netvet_check *c);
/** 1 when the purchase adds or worsens no finding at or above fail_on. */
int netvet_check_allowed(const netvet_check *c);
/** The assessment with the new elements (borrowed): its verdict says
 * whether the answer rests on an INCOMPLETE assessment. */
const netvet_assessment *netvet_check_after(const netvet_check *c);
/** Write the answer: allowed or not, each rule before -> after, margins.
 * @return 0, NETVET_EIO, NETVET_ENOMEM. */
int netvet_check_write(FILE *out, const netvet_check *c,
                       const netvet_report_options *opts, netvet_diag *diag);

/* ---- replacement plan ---- */

typedef struct netvet_plan netvet_plan;

typedef enum netvet_plan_unit {
    NETVET_PLAN_BY_ELEMENT = 0, /**< replace single elements */
    NETVET_PLAN_BY_SITE         /**< replace every candidate of a site */
} netvet_plan_unit;

typedef struct netvet_plan_options {
    unsigned version;             /**< NETVET_PLAN_OPTIONS_VERSION */
    const char *const *targets;   /**< rule ids, NULL-terminated */
    const char *replace_with;     /**< vendor name; NULL = per function, the
                                       largest vendor no target selects */
    const char *cost_file;        /**< YAML costs per function; NULL = 1 */
    netvet_plan_unit unit;
    netvet_assess_options assess; /**< for the final re-assessment */
} netvet_plan_options;
#define NETVET_PLAN_OPTIONS_VERSION 1

/**
 * Choose, greedily, elements (or sites) whose vendor to replace until the
 * target rules (forbid or share-cap) pass: at each step the candidate that
 * removes the most violation per unit cost. Then apply the plan to an
 * overlay and re-assess it from scratch. Greedy is not optimal.
 * @param[out] out free with netvet_plan_free.
 * @return 0, NETVET_EINVAL (unknown rule, unsupported rule kind, bad
 *         replacement vendor), NETVET_EPARSE (cost file), NETVET_ENOMEM.
 */
int netvet_plan_run(netvet_plan **out, const netvet_inventory *inv,
                    const netvet_registry *reg, const netvet_policy *policy,
                    const netvet_plan_options *opts, netvet_diag *diag);
void netvet_plan_free(netvet_plan *p);
/** Steps in the plan. */
size_t netvet_plan_steps(const netvet_plan *p);
/** 1 when the re-assessment of the planned network passes every target. */
int netvet_plan_passes(const netvet_plan *p);
/** The re-assessed network after the plan (borrowed). */
const netvet_assessment *netvet_plan_after(const netvet_plan *p);
/** Write the plan: each step with its cost and the cumulative effect on
 * the targets, the total, and the re-assessment. */
int netvet_plan_write(FILE *out, const netvet_plan *p,
                      const netvet_report_options *opts, netvet_diag *diag);

/* ---- timeline: the verdict at every date where something changes ---- */

typedef struct netvet_timeline netvet_timeline;

typedef struct netvet_timeline_options {
    unsigned version;     /**< NETVET_TIMELINE_OPTIONS_VERSION */
    const char *from;     /**< first point YYYY-MM-DD; NULL = the earliest
                               date collected (else assess.as_of, else
                               today) */
    const char *to;       /**< last date YYYY-MM-DD; NULL = the latest date
                               collected (at least `from`) */
    int fail_on;          /**< netvet_severity gate of each verdict, -1 never */
    netvet_assess_options assess; /**< as_of is replaced by each point's
                                       date */
} netvet_timeline_options;
#define NETVET_TIMELINE_OPTIONS_VERSION 1

/** Schema id of the timeline JSON report. */
#define NETVET_TIMELINE_JSON_SCHEMA "netvet-timeline/1"

/**
 * Assess `inv` under `policy` at every date in [from, to] where something
 * changes: `from` itself, each rule's effective date (and the day after
 * its end date), and each dated change of the scenarios. At each point the
 * scenarios' changes dated on or before it (undated ones: always) are
 * applied to one overlay, in date order, then option order, then file
 * order (docs/scenario-format.md). Inputs are borrowed; the result does
 * not keep them.
 * @param[out] out free with netvet_timeline_free.
 * @return 0, NETVET_EINVAL (bad or inverted from/to, unknown version),
 *         NETVET_EPARSE (a change that matches nothing at its date: the
 *         scenario's file:line), NETVET_ENOMEM, NETVET_ELIMIT.
 */
int netvet_timeline_run(netvet_timeline **out, const netvet_inventory *inv,
                        const netvet_registry *reg,
                        const netvet_policy *policy,
                        const netvet_scenario *const *scenarios, size_t n,
                        const netvet_timeline_options *opts,
                        netvet_diag *diag);
void netvet_timeline_free(netvet_timeline *t);

/** One point of a timeline. Strings borrowed from the timeline. */
typedef struct netvet_timeline_point {
    unsigned version;       /**< NETVET_TIMELINE_POINT_VERSION */
    const char *date;       /**< YYYY-MM-DD */
    netvet_verdict verdict; /**< netvet_assessment_verdict at fail_on */
    size_t rules;           /**< rule measurements (netvet_timeline_rule) */
    size_t changes;         /**< changes applied on this date */
} netvet_timeline_point;
#define NETVET_TIMELINE_POINT_VERSION 1
#define NETVET_TIMELINE_POINT_INIT {NETVET_TIMELINE_POINT_VERSION, NULL, \
    NETVET_VERDICT_PASS, 0, 0}

/** One rule measurement at a point, with its state at the point before. */
typedef struct netvet_timeline_rule {
    unsigned version;             /**< NETVET_TIMELINE_RULE_VERSION */
    const char *rule_id, *pack, *subject, *measure; /**< as in
                                                         netvet_rule_result */
    netvet_result_status status;
    int has_previous;             /**< 0 at the first point, or when the
                                       measurement is new at this point */
    netvet_result_status previous;
    double value, limit;
} netvet_timeline_rule;
#define NETVET_TIMELINE_RULE_VERSION 1
#define NETVET_TIMELINE_RULE_INIT {NETVET_TIMELINE_RULE_VERSION, NULL, NULL, \
    NULL, NULL, NETVET_RESULT_PASS, 0, NETVET_RESULT_PASS, 0, 0}

/** One scenario change applied at a point. */
typedef struct netvet_timeline_change {
    unsigned version;        /**< NETVET_TIMELINE_CHANGE_VERSION */
    const char *scenario;    /**< the scenario's name */
    const char *file;        /**< its file */
    unsigned long line;      /**< line of the change */
    const char *date;        /**< its `date:`, "" when undated */
    const char *action;      /**< "set", "add", "remove", "replace" */
    const char *summary;     /**< as in netvet_change_info */
    size_t elements;         /**< elements it touched (or added) */
} netvet_timeline_change;
#define NETVET_TIMELINE_CHANGE_VERSION 1
#define NETVET_TIMELINE_CHANGE_INIT {NETVET_TIMELINE_CHANGE_VERSION, NULL, \
    NULL, 0, NULL, NULL, NULL, 0}

/** Number of points, in date order. */
size_t netvet_timeline_point_count(const netvet_timeline *t);
/** Point i. @return 0 or NETVET_EINVAL (out of range, unknown version). */
int netvet_timeline_get_point(const netvet_timeline *t, size_t i,
                              netvet_timeline_point *out);
/** Rule measurement j of point i. @return 0 or NETVET_EINVAL. */
int netvet_timeline_get_rule(const netvet_timeline *t, size_t i, size_t j,
                             netvet_timeline_rule *out);
/** Change j applied at point i. @return 0 or NETVET_EINVAL. */
int netvet_timeline_get_change(const netvet_timeline *t, size_t i, size_t j,
                               netvet_timeline_change *out);
/** Write the timeline: per point the verdict, the changes applied and the
 * rules that started, stopped or flipped (text), or every measurement
 * (JSON, schema netvet-timeline/1). @return 0, NETVET_EINVAL (format),
 * NETVET_EIO, NETVET_ENOMEM. */
int netvet_timeline_write(FILE *out, const netvet_timeline *t,
                          const netvet_report_options *opts,
                          netvet_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
