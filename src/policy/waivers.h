/* SPDX-License-Identifier: Apache-2.0 */
/* Waivers inside the library: what a waiver file holds, and applying the
 * waivers to an assessment's findings (after every rule was evaluated). */
#ifndef NV_POLICY_WAIVERS_H
#define NV_POLICY_WAIVERS_H

#include <stdint.h>

#include "analysis/view.h"
#include "netvet/policy.h"
#include "netvet/waivers.h"
#include "policy/findings.h"
#include "util/sha256.h"
#include "util/yaml.h"

#define NV_WAIVERS_MAX_BYTES (4u << 20) /* largest waiver file */
#define NV_WAIVERS_MAX 4096             /* waivers per file */

typedef struct nv_waiver {
    char *rule;            /* rule id it waives */
    char *subject;         /* domain code or vendor id; NULL: any */
    nv_strlist elements;   /* element ids; empty: any elements */
    char *reason, *approved_by, *expires; /* expires: YYYY-MM-DD */
    int32_t expires_day;   /* days since 1970-01-01: last day it holds */
    char *file;            /* name used in diagnostics */
    unsigned long line;    /* line of the waiver (its list item) */
    unsigned long rule_line; /* line of its 'rule' key's value */
} nv_waiver;

struct netvet_waivers {
    nv_waiver *items;
    size_t n, cap;
    nv_file_inputs inputs; /* the files read, with their SHA-256 */
};

/* Apply `w` (may be NULL: nothing) to the findings of an evaluation of
 * `policy` over `view`, before they are sorted: mark each finding the
 * first waiver in force covers as waived (copying its reason, approver,
 * expiry, file and line); add a "waiver-expired" error finding per waiver
 * that expired before view->as_of (it waives nothing) and, when strict, a
 * "waiver-unused" error finding per waiver in force that covers no
 * finding, unless its rule is not in force (every measurement of it in
 * `results`, which may be NULL, is NV_RESULT_NOT_IN_EFFECT). A waiver naming a rule the policy lacks (and not one of
 * netvet's own checks) is fatal: NETVET_EPARSE with its file:line; so is,
 * when strict, one naming an element the inventory lacks (else that id
 * is left out of its elements). @return 0, NETVET_EPARSE or NETVET_ENOMEM. */
int nv_waivers_apply(const netvet_waivers *w, const netvet_policy *policy,
                     const nv_view *view, const nv_results *results,
                     int strict, nv_findings *fs, netvet_diag *diag);

#endif
