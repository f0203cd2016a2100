/* SPDX-License-Identifier: Apache-2.0 */
/* Applying waivers to an evaluation's findings: check each waiver's rule
 * and elements against the policy and inventory (fatal, file:line), mark
 * the findings each waiver in force covers, and report expired and unused
 * waivers as error findings of netvet's own. */
#include "policy/waivers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inventory/inv.h"
#include "util/alloc.h"
#include "util/diag.h"

/* netvet's own checks a waiver may name beside the policy's rules. */
static const char *const own_checks[] = {
    "unknown-vendor", "lookalike-vendor-name", "attribution-conflict",
    "unregistered-vendor", NULL};

static int known_rule(const netvet_policy *policy, const char *id)
{
    for (const char *const *c = own_checks; *c; c++)
        if (!strcmp(*c, id))
            return 1;
    size_t n = netvet_policy_rule_count(policy);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(netvet_policy_rule(policy, i).id, id))
            return 1;
    return 0;
}

/* Is rule `id` out of force: measured, and only as not in effect? */
static int not_in_force(const netvet_policy *policy, const nv_results *r,
                        const char *id)
{
    size_t n = netvet_policy_rule_count(policy), rule = n, seen = 0;
    for (size_t i = 0; i < n && rule == n; i++)
        if (!strcmp(netvet_policy_rule(policy, i).id, id))
            rule = i;
    for (size_t i = 0; r && rule < n && i < r->n; i++) {
        if (r->items[i].rule != rule)
            continue;
        if (r->items[i].status != NV_RESULT_NOT_IN_EFFECT)
            return 0;
        seen++;
    }
    return seen > 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* A waiver's elements as ascending indexes (idx NULL: it names none,
 * and covers any elements). */
typedef struct nv_wels {
    uint32_t *idx;
    size_t n;
} nv_wels;

/* Resolve the waiver's element ids; an id the inventory lacks is fatal
 * when strict, else left out. */
static int resolve(const nv_waiver *w, const netvet_inventory *inv,
                   int strict, nv_wels *out, netvet_diag *diag)
{
    *out = (nv_wels){NULL, 0};
    if (!w->elements.n)
        return 0;
    uint32_t *idx = nv_malloc(w->elements.n * sizeof(*idx));
    if (!idx)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < w->elements.n; i++) {
        const char *id = w->elements.items[i];
        int64_t k = nv_inv_find_id(inv, id, strlen(id));
        if (k >= 0)
            idx[out->n++] = (uint32_t)k;
        else if (strict) {
            nv_free(idx);
            return nv_diag_fail(diag, NETVET_EPARSE, w->file,
                                w->elements.lines[i], 0,
                                "waiver names element '%s', which is not "
                                "in the inventory", id);
        }
    }
    qsort(idx, out->n, sizeof(*idx), cmp_u32);
    out->idx = idx;
    return 0;
}

/* Does waiver w (its elements resolved to e) cover finding f? */
static int covers(const nv_waiver *w, const nv_wels *e, const nv_finding *f)
{
    if (strcmp(w->rule, f->rule_id ? f->rule_id : ""))
        return 0;
    if (w->subject && strcmp(w->subject, f->subject ? f->subject : ""))
        return 0;
    for (size_t i = 0; e->idx && i < f->n_elements; i++)
        if (!bsearch(&f->elements[i], e->idx, e->n, sizeof(*e->idx),
                     cmp_u32))
            return 0;
    return 1;
}

static int mark(nv_finding *f, const nv_waiver *w)
{
    f->waived = 1;
    f->waiver_reason = nv_strdup(w->reason);
    f->waiver_by = nv_strdup(w->approved_by);
    f->waiver_expires = nv_strdup(w->expires);
    f->waiver_file = nv_strdup(w->file);
    f->waiver_line = w->line;
    return f->waiver_reason && f->waiver_by && f->waiver_expires &&
                   f->waiver_file
               ? 0
               : NETVET_ENOMEM;
}

/* A "waiver-expired" or "waiver-unused" finding about waiver w; it
 * takes the waiver's elements e over. */
static int own_finding(nv_findings *fs, const nv_waiver *w, nv_wels *e,
                       int expired)
{
    nv_finding *f = nv_findings_push(fs);
    if (!f) {
        nv_free(e->idx);
        return NETVET_ENOMEM;
    }
    char msg[1024];
    if (expired)
        snprintf(msg, sizeof(msg), "the waiver of rule '%s' at %s:%lu "
                 "expired on %s (approved by %s); it waives nothing",
                 w->rule, w->file, w->line, w->expires, w->approved_by);
    else
        snprintf(msg, sizeof(msg), "the waiver of rule '%s' at %s:%lu "
                 "matches no finding; remove it or correct its selector",
                 w->rule, w->file, w->line);
    const nv_own_finding own = {
        expired ? "waiver-expired" : "waiver-unused",
        expired ? "Waiver expired" : "Waiver matches nothing", msg,
        "netvet: a waiver holds until its expires date and must cover a "
        "finding", w->subject ? w->subject : "", "waivers", NETVET_SEV_ERROR,
        1};
    f->elements = e->idx;
    f->n_elements = e->n;
    return nv_finding_set_own(f, &own);
}

/* Apply waiver w to the first n findings of fs; strict: an unknown
 * element is fatal; unused: report the waiver when it covers none. */
static int apply_one(const nv_waiver *w, const nv_view *view, int strict,
                     int unused, nv_findings *fs, size_t n,
                     netvet_diag *diag)
{
    nv_wels e;
    int rc = resolve(w, view->inv, strict, &e, diag);
    if (rc < 0)
        return rc;
    if (w->expires_day < view->as_of)
        return own_finding(fs, w, &e, 1);
    size_t matched = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        nv_finding *f = &fs->items[i];
        if (!covers(w, &e, f))
            continue;
        matched++;
        if (!f->waived)
            rc = mark(f, w);
    }
    if (rc == 0 && matched == 0 && unused)
        return own_finding(fs, w, &e, 0);
    nv_free(e.idx);
    return rc;
}

int nv_waivers_apply(const netvet_waivers *w, const netvet_policy *policy,
                     const nv_view *view, const nv_results *results,
                     int strict, nv_findings *fs, netvet_diag *diag)
{
    if (!w)
        return 0;
    for (size_t i = 0; i < w->n; i++)
        if (!known_rule(policy, w->items[i].rule))
            return nv_diag_fail(diag, NETVET_EPARSE, w->items[i].file,
                                w->items[i].rule_line, 0,
                                "waiver names rule '%s', which no loaded "
                                "pack defines",
                                w->items[i].rule);
    size_t n = fs->n;
    int rc = 0;
    for (size_t i = 0; i < w->n && rc == 0; i++)
        rc = apply_one(&w->items[i], view, strict,
                       strict && !not_in_force(policy, results,
                                               w->items[i].rule),
                       fs, n, diag);
    return rc;
}
