/* SPDX-License-Identifier: Apache-2.0 */
/* Why an assessment could not judge what it claims to: nothing counted,
 * input rows skipped, too many elements (or too much weight) of an
 * unknown vendor, no rule that applies, a rule measure without its data
 * (served without links, sites without sites), a forbid rule undetermined
 * by elements of an unknown vendor in its scope, an exposure without
 * sources or sinks. Each reason is a static code and a message; any reason makes the
 * verdict INCOMPLETE unless a finding already fails it (results.c). */
#include <stdarg.h>
#include <stdio.h>

#include "assess/assessment.h"
#include "inventory/inv.h"
#include "util/alloc.h"
#include "util/text.h"

#define NV_DEFAULT_MAX_UNKNOWN 0.01

/* Append reason `code` with the message fmt makes (any length). */
static int add(netvet_assessment *a, const char *code, const char *fmt, ...)
{
    nv_text msg = {0};
    va_list ap;
    va_start(ap, fmt);
    nv_text_vadd(&msg, fmt, ap);
    va_end(ap);
    nv_incomplete *n = msg.oom ? NULL
                               : nv_reallocarray(a->incomplete,
                                                 a->n_incomplete + 1,
                                                 sizeof(*n));
    if (!n) {
        nv_text_dispose(&msg);
        return NETVET_ENOMEM;
    }
    a->incomplete = n;
    n[a->n_incomplete].code = code;
    n[a->n_incomplete].message = msg.s ? msg.s : nv_strdup("");
    if (!n[a->n_incomplete].message)
        return NETVET_ENOMEM;
    a->n_incomplete++;
    return 0;
}

/* "; rules it could affect: a, b" (every rule in force: a skipped row's
 * function, vendor and links are unknown, so any rule's scope could have
 * held it), or "" when no rule is in force. Owned by the caller. */
static char *affected_rules(const netvet_assessment *a)
{
    nv_text t = {0};
    size_t prev = (size_t)-1, n = 0;
    nv_text_add(&t, "%s", "");
    for (size_t i = 0; i < a->results.n; i++) {
        const nv_rule_result *r = &a->results.items[i];
        if (r->status == NV_RESULT_NOT_IN_EFFECT || r->rule == prev)
            continue;
        prev = r->rule;
        nv_text_add(&t, "%s%s", n++ ? ", " : "; rules they could affect: ",
                    netvet_policy_rule(a->policy, r->rule).id);
    }
    if (t.oom) {
        nv_text_dispose(&t);
        return NULL;
    }
    return t.s;
}

/* "3 of 17 element rows and 1 of 19 link rows" into buf. */
static int skipped(netvet_assessment *a)
{
    const netvet_inventory *inv = a->view.inv;
    netvet_load_stats e = netvet_inventory_stats(inv, 0);
    netvet_load_stats l = netvet_inventory_stats(inv, 1);
    char el[96] = "", ln[96] = "";
    if (!e.rows_skipped && !l.rows_skipped)
        return 0;
    if (e.rows_skipped)
        snprintf(el, sizeof(el), "%llu of %llu element rows",
                 (unsigned long long)e.rows_skipped,
                 (unsigned long long)e.rows_read);
    if (l.rows_skipped)
        snprintf(ln, sizeof(ln), "%s%llu of %llu link rows",
                 *el ? " and " : "", (unsigned long long)l.rows_skipped,
                 (unsigned long long)l.rows_read);
    char *rules = affected_rules(a);
    if (!rules)
        return NETVET_ENOMEM;
    int rc = add(a, "rows-skipped", "%s%s skipped while loading: what they "
                 "hold was not assessed%s", el, ln, rules);
    nv_free(rules);
    return rc;
}

static int unknown(netvet_assessment *a, double max)
{
    const nv_view *v = &a->view;
    double cs = (double)a->n_unknown_elements / (double)v->n_counted;
    double ws = v->total_weight > 0 ? a->unknown_weight / v->total_weight : 0;
    char weight[64] = "";
    if (!(cs > max) && !(ws > max))
        return 0;
    if (v->total_weight > 0)
        snprintf(weight, sizeof(weight), ", %.2f%% of their weight",
                 100 * ws);
    return add(a, "unknown-vendors",
               "vendor not identified for %zu of %zu counted elements "
               "(%.2f%%%s); at most %.2f%% allowed",
               a->n_unknown_elements, v->n_counted, 100 * cs, weight,
               100 * max);
}

/* Does any rule measure something (pass or fail)? */
static int no_rule_applies(netvet_assessment *a)
{
    char date[11];
    for (size_t i = 0; i < a->results.n; i++)
        if (a->results.items[i].status == NV_RESULT_PASS ||
            a->results.items[i].status == NV_RESULT_FAIL ||
            a->results.items[i].status == NV_RESULT_UNDETERMINED)
            return 0;
    nv_format_date(a->view.as_of, date);
    if (!a->policy || a->policy->n_rules == 0)
        return add(a, "no-rule-applies", "no rule applies: the policy has "
                                         "no rules");
    return add(a, "no-rule-applies",
               "no rule applies on %s: every rule is not in effect or has "
               "nothing in scope", date);
}

/* A rule result that could not be measured (served without links, sites
 * without a site column): one reason per rule and measure. */
static int unmeasured(netvet_assessment *a)
{
    const nv_rule_result *prev = NULL;
    for (size_t i = 0; i < a->results.n; i++) {
        const nv_rule_result *r = &a->results.items[i];
        if (!r->unmeasured)
            continue;
        if (prev && prev->rule == r->rule && prev->measure == r->measure)
            continue;
        prev = r;
        int rc = add(a, "unmeasured", "rule %s: %s not measured: %s",
                     netvet_policy_rule(a->policy, r->rule).id, r->measure,
                     r->reason ? r->reason : "no data");
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* A forbid rule that found none of its vendors in scope but elements of
 * an unknown vendor there (kind_forbid.c): one reason per rule. */
static int undetermined(netvet_assessment *a)
{
    for (size_t i = 0; i < a->results.n; i++) {
        const nv_rule_result *r = &a->results.items[i];
        if (r->status != NV_RESULT_UNDETERMINED)
            continue;
        unsigned long long n = (unsigned long long)r->value;
        int rc = add(a, "undetermined-rule",
                     "rule %s: undetermined: %llu element%s in its scope "
                     "%s of an unknown vendor, which it may forbid",
                     netvet_policy_rule(a->policy, r->rule).id, n,
                     n == 1 ? "" : "s", n == 1 ? "is" : "are");
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int exposure(netvet_assessment *a)
{
    int rc = 0;
    if (!a->has_topology)
        return 0;
    if (!a->exposure.n_sources)
        rc = add(a, "no-sources", "exposure has no sources: no counted "
                                  "element matches %s", a->sources_desc);
    if (rc == 0 && !a->exposure.n_sinks)
        rc = add(a, "no-sinks", "exposure has no sinks: no counted element "
                                "carries customer weight");
    return rc;
}

int nv_incomplete_compute(netvet_assessment *a,
                          const netvet_assess_options *opts)
{
    int v3 = opts && opts->version >= 3;
    int allow_skipped = v3 && opts->allow_skipped;
    double max = v3 ? opts->max_unknown : NV_DEFAULT_MAX_UNKNOWN;
    char date[11];
    int rc = 0;
    if (!a->view.n_counted) {
        nv_format_date(a->view.as_of, date);
        rc = add(a, "nothing-counted",
                 "nothing counted: no element is in service on %s", date);
    }
    if (rc == 0 && !allow_skipped)
        rc = skipped(a);
    if (rc < 0 || !a->view.n_counted) /* the rest follows from nothing */
        return rc;
    if ((rc = unknown(a, max)) == 0 && (rc = no_rule_applies(a)) == 0 &&
        (rc = unmeasured(a)) == 0 && (rc = undetermined(a)) == 0)
        rc = exposure(a);
    return rc;
}

void nv_incomplete_dispose(netvet_assessment *a)
{
    for (size_t i = 0; i < a->n_incomplete; i++)
        nv_free(a->incomplete[i].message);
    nv_free(a->incomplete);
    a->incomplete = NULL;
    a->n_incomplete = 0;
}
