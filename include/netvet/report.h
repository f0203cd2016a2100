/* SPDX-License-Identifier: Apache-2.0 */
/* Reports of an assessment: a terminal text report for people and a
 * versioned JSON document for machines (docs/json-schema.md). Every report
 * netvet writes (assess, whatif, check, plan, identify, timeline) comes in some of
 * the formats below; asking one for a format it lacks is NETVET_EINVAL. */
#ifndef NETVET_REPORT_H
#define NETVET_REPORT_H

#include <stdio.h>

#include "assess.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Report formats. Not every report has every format. */
typedef enum netvet_format {
    NETVET_FORMAT_TEXT = 0, /**< for people */
    NETVET_FORMAT_JSON = 1, /**< versioned JSON document */
    NETVET_FORMAT_CSV = 2,  /**< RFC 4180 rows (identify; findings) */
    NETVET_FORMAT_HTML = 3, /**< one self-contained page (fetches nothing) */
    NETVET_FORMAT_SARIF = 4,    /**< SARIF 2.1.0 for code scanning */
    NETVET_FORMAT_JUNIT = 5,    /**< JUnit XML, a test case per rule */
    NETVET_FORMAT_MARKDOWN = 6  /**< a summary for tickets */
} netvet_format;

/**
 * The format named `name` ("text", "json", "csv", "html", "sarif", "junit",
 * "markdown"; exact, lower case).
 * @param[out] out set on success (may be NULL to only check the name).
 * @return 0 or NETVET_ENOTFOUND.
 */
int netvet_format_parse(const char *name, netvet_format *out);
/** Static name of a format ("text", ...), or NULL if it is none. */
const char *netvet_format_name(netvet_format format);

/** The reports netvet writes, one per command. */
typedef enum netvet_report_kind {
    NETVET_REPORT_ASSESS = 0, /**< netvet_report_write */
    NETVET_REPORT_WHATIF,     /**< netvet_whatif_write */
    NETVET_REPORT_CHECK,      /**< netvet_check_write */
    NETVET_REPORT_PLAN,       /**< netvet_plan_write */
    NETVET_REPORT_IDENTIFY,   /**< netvet_identify_report_new */
    NETVET_REPORT_TIMELINE,   /**< netvet_timeline_write */
    NETVET_REPORT_VENDORS,    /**< netvet_vendors_write */
    NETVET_REPORT_PACKS       /**< netvet_packs_write */
} netvet_report_kind;

/**
 * Does report `kind` come in `format`? Lets a caller refuse an option
 * before doing the work the report would show.
 * @return 0, or NETVET_EINVAL with a message naming the formats it has
 *         ("format 'csv' is not available for the whatif report (text,
 *         json)").
 */
int netvet_report_check_format(netvet_report_kind kind, netvet_format format,
                               netvet_diag *diag);

/** Schema id written in every JSON report. */
#define NETVET_JSON_SCHEMA "netvet-assess/2"

typedef struct netvet_report_options {
    unsigned version;        /**< NETVET_REPORT_OPTIONS_VERSION */
    netvet_format format;
    int fail_on;             /**< netvet_severity gate for the verdict; -1 never */
    size_t max_elements;     /**< text: elements listed per finding */
    /* version >= 2 */
    int details;             /**< text: 1 adds the share, exposure and
                                  single-point-of-failure tables and the
                                  packs' assumptions; 0 (default) the
                                  verdict, what to do next, rules and
                                  findings only */
    const char *details_hint; /**< text without details: how the caller
                                   asks for them ("--details"), shown at
                                   the end; NULL shows nothing */
} netvet_report_options;
#define NETVET_REPORT_OPTIONS_VERSION 2
#define NETVET_REPORT_OPTIONS_INIT \
    {NETVET_REPORT_OPTIONS_VERSION, NETVET_FORMAT_TEXT, NETVET_SEV_ERROR, 10, \
     0, NULL}

/** Write the report of `a` to `out` in opts->format (text or json).
 * @return 0, NETVET_EINVAL (a format this report lacks: the message names
 *         the ones it has), NETVET_EIO or NETVET_ENOMEM. */
int netvet_report_write(FILE *out, const netvet_assessment *a,
                        const netvet_report_options *opts, netvet_diag *diag);

/* ---- identify: each element's attribution, streamed ---- */

/** Counts of the records an identify report has written. */
typedef struct netvet_identify_counts {
    size_t elements, attributed, conflicts, unattributed;
    size_t level[4]; /**< per netvet_confidence */
    size_t unregistered; /**< of the unattributed: evidence names an
                              organisation not in the registry */
} netvet_identify_counts;

/** An identify report being written (netvet identify): text, csv or json
 * (schema netvet-identify/1). */
typedef struct netvet_identify_report netvet_identify_report;

/**
 * Start an identify report on `f` in `format`: writes its header. `f` and
 * `reg` (vendor ids) are borrowed and must outlive the report.
 * @param[out] out free with netvet_identify_report_free.
 * @return 0, NETVET_EINVAL (a format identify lacks: the message names the
 *         ones it has), NETVET_ENOMEM.
 */
int netvet_identify_report_new(netvet_identify_report **out, FILE *f,
                               netvet_format format,
                               const netvet_registry *reg, netvet_diag *diag);
/**
 * Attribute every element of `inv` with `at` (and forks of it, one per
 * extra thread) and write one record each, in element order.
 * @return 0, NETVET_ENOMEM or NETVET_EINVAL.
 */
int netvet_identify_report_add(netvet_identify_report *r,
                               const netvet_inventory *inv,
                               netvet_attributor *at);
/** Write the closing part (text, json): the `files` read, the input files
 * (registry overlays, the attributor's data and pattern files), the
 * provenance (the netvet version and every file read with its size and
 * SHA-256: each inventory's files as netvet_inventory_path and
 * netvet_inventory_sha256 give them, so load with opts.sha256 to have
 * them hashed; then the input files) and the counts.
 * @return 0 or NETVET_EIO when the stream has failed. */
int netvet_identify_report_finish(netvet_identify_report *r,
                                  const char *const *files, size_t n_files);
/** Records written so far, by outcome. */
netvet_identify_counts netvet_identify_report_counts(
    const netvet_identify_report *r);
/** Free the report (the stream is not closed). NULL is a no-op. */
void netvet_identify_report_free(netvet_identify_report *r);

/* ---- the registry and the packs (netvet vendors, netvet packs) ---- */

/** What a vendors report shows. */
typedef enum netvet_vendors_view {
    NETVET_VENDORS_LIST = 0, /**< every entry, one line each */
    NETVET_VENDORS_SHOW,     /**< one entry (subject: its id), every fact */
    NETVET_VENDORS_WHY       /**< how a declared name (subject) resolves,
                                  the owner chain and the listings in
                                  force */
} netvet_vendors_view;

typedef struct netvet_vendors_options {
    unsigned version;         /**< NETVET_VENDORS_OPTIONS_VERSION */
    netvet_vendors_view view;
    const char *subject;      /**< show: an entry id; why: a name */
    const char *as_of;        /**< YYYY-MM-DD; NULL: today (UTC) */
    double threshold;         /**< ownership threshold, percent (e.g.
                                   netvet_policy_ownership_threshold) */
} netvet_vendors_options;
#define NETVET_VENDORS_OPTIONS_VERSION 1
#define NETVET_VENDORS_OPTIONS_INIT \
    {NETVET_VENDORS_OPTIONS_VERSION, NETVET_VENDORS_LIST, NULL, NULL, 10.0}

/** Schema ids of the JSON documents below. */
#define NETVET_VENDORS_JSON_SCHEMA "netvet-vendors/1"
#define NETVET_PACKS_JSON_SCHEMA "netvet-packs/1"

/**
 * Write what the registry says (vo->view) as of vo->as_of, text or json
 * (opts->format). A name that does not resolve is reported, not an error.
 * @return 0, NETVET_ENOTFOUND (show: no entry has that id; the message
 *         says so), NETVET_EINVAL (a bad date or format), NETVET_EIO or
 *         NETVET_ENOMEM.
 */
int netvet_vendors_write(FILE *out, const netvet_registry *reg,
                         const netvet_vendors_options *vo,
                         const netvet_report_options *opts,
                         netvet_diag *diag);

/**
 * Write the packs of `policy` (pack_id NULL: all, one line each in text),
 * or the pack `pack_id` with its rules, their dates and sources.
 * @return 0, NETVET_ENOTFOUND (no such pack), NETVET_EINVAL (a format the
 *         report lacks), NETVET_EIO or NETVET_ENOMEM.
 */
int netvet_packs_write(FILE *out, const netvet_policy *policy,
                       const char *pack_id,
                       const netvet_report_options *opts, netvet_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
