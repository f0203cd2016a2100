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
} nv_finding;

typedef struct nv_findings {
    nv_finding *items;
    size_t n, cap;
} nv_findings;

/* Append a zeroed finding; fill its fields with heap strings (nv_strdup)
 * and a nv_malloc'd element array: nv_findings_dispose frees them all.
 * @return the new slot, or NULL on ENOMEM. */
nv_finding *nv_findings_push(nv_findings *fs);
/* Sort by severity (errors first), then rule id, then subject. */
void nv_findings_sort(nv_findings *fs);
void nv_findings_dispose(nv_findings *fs);

#endif
