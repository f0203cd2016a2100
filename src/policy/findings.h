/* SPDX-License-Identifier: Apache-2.0 */
/* Findings: what an assessment reports, each traced to its rule, source,
 * the measured value against the threshold, and the elements involved. */
#ifndef NV_POLICY_FINDINGS_H
#define NV_POLICY_FINDINGS_H

#include <stddef.h>
#include <stdint.h>

#include "netvet/errors.h"

typedef struct nv_finding {
    char *rule_id;   /* "uk-hrv-core", or netvet's own "unknown-vendor" */
    char *pack;      /* pack id, "netvet" for built-in checks */
    char *title;     /* the rule's title */
    char *message;   /* one line: what was measured against what */
    char *source;    /* public source of the rule */
    char *subject;   /* domain country or vendor id the finding is about, "" */
    char *measure;   /* "elements", "count-share", "weight-share", "vendors" */
    netvet_severity severity;
    double value;    /* measured value (share in 0..1, or a count) */
    double limit;    /* threshold it broke */
    uint32_t *elements; /* element indexes involved, ascending (owned) */
    size_t n_elements;
    /* set by nv_waivers_apply: the waiver that covers it (owned copies) */
    int waived;
    char *waiver_reason, *waiver_by, *waiver_expires;
    char *waiver_file;         /* the waiver's file and line */
    unsigned long waiver_line;
} nv_finding;

typedef struct nv_findings {
    nv_finding *items;
    size_t n, cap;
} nv_findings;

/* What each rule measured, pass or fail: the margin auditors ask for. */
enum { NV_RESULT_PASS = 0, NV_RESULT_FAIL, NV_RESULT_NOT_APPLICABLE,
       NV_RESULT_NOT_IN_EFFECT, NV_RESULT_UNDETERMINED };

typedef struct nv_rule_result {
    size_t rule;         /* index into the policy's rules */
    char *subject;       /* owned: domain country, vendor id, or "" */
    const char *measure; /* static: "elements", "count-share", ... or "" */
    double value, limit;
    int status;          /* NV_RESULT_* */
    const char *reason;  /* static: why it is not applicable, or NULL */
    int unmeasured;      /* not applicable because the data to measure it
                          * is missing (no links for served, no site
                          * column for sites): the rule was not judged */
} nv_rule_result;

typedef struct nv_results {
    nv_rule_result *items;
    size_t n, cap;
} nv_results;

/* Record one measurement (subject is copied). r may be NULL (no-op).
 * @return 0 or NETVET_ENOMEM. */
int nv_results_add(nv_results *r, size_t rule, const char *subject,
                   const char *measure, double value, double limit,
                   int status);
/* Record why the last result added is not applicable (a static string,
 * e.g. "served needs links"). No-op when r is NULL or empty. */
void nv_results_note(nv_results *r, const char *reason);
/* The same, and mark the result unmeasured (the assessment is then
 * incomplete: assess/incomplete.c). */
void nv_results_note_unmeasured(nv_results *r, const char *reason);
/* Move every result of src to the end of dst (src left empty).
 * @return 0 or NETVET_ENOMEM (both unchanged). */
int nv_results_take(nv_results *dst, nv_results *src);
/* Put the results in rule order, each rule's in the order they were
 * added. @return 0 or NETVET_ENOMEM (r unchanged). */
int nv_results_order_by_rule(nv_results *r);
void nv_results_dispose(nv_results *r);
const char *nv_result_status_name(int status);

/* Append a zeroed finding; fill its fields with heap strings (nv_strdup)
 * and a nv_malloc'd element array: nv_findings_dispose frees them all.
 * @return the new slot, or NULL on ENOMEM. */
nv_finding *nv_findings_push(nv_findings *fs);

/* What one of netvet's own checks (pack "netvet": unknown-vendor,
 * attribution-conflict, lookalike-vendor-name, waiver-*) says. */
typedef struct nv_own_finding {
    const char *rule_id, *title, *message, *source, *subject, *measure;
    netvet_severity severity;
    double value;
} nv_own_finding;
/* Fill the strings, severity and value of slot f (from nv_findings_push)
 * with copies of o's and pack "netvet"; the elements are the caller's.
 * @return 0 or NETVET_ENOMEM. */
int nv_finding_set_own(nv_finding *f, const nv_own_finding *o);
/* Sort by severity (errors first), then rule id, then subject, then
 * every other field: the result never depends on the input order. */
void nv_findings_sort(nv_findings *fs);
void nv_findings_dispose(nv_findings *fs);
/* Move every finding of src to the end of dst (src left empty).
 * @return 0 or NETVET_ENOMEM (both unchanged). */
int nv_findings_take(nv_findings *dst, nv_findings *src);

#endif
