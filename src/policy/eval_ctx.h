/* SPDX-License-Identifier: Apache-2.0 */
/* The context of one rule's evaluation (evaluate.c prepares it, a kind's
 * evaluate hook reads it) and the passes over the in-scope elements that
 * the kinds share (eval_pass.c). */
#ifndef NV_POLICY_EVAL_CTX_H
#define NV_POLICY_EVAL_CTX_H

#include <stddef.h>
#include <string.h>
#include <stdint.h>

#include "analysis/view.h"
#include "policy/findings.h"
#include "policy/rules.h"
#include "util/text.h"

/* A rule's scope with its strings resolved to the inventory's ids. */
typedef struct nv_scope {
    uint32_t fn_mask;        /* 0 = any function */
    uint32_t *ids;           /* tags, then sites, then regions (owned) */
    size_t n_tags, n_sites, n_regions;
    unsigned tag_mask;       /* the tags' bits in view->tag_bits, 0: none
                              * (then the tag lists are read) */
    int has_tags, has_sites, has_regions;
    int has_dates;           /* installed_after/installed_before given */
    int32_t installed_after, installed_before; /* strict bounds */
    uint8_t status_mask;     /* bit per nv_status; 0 = any */
    int slow;                /* any key beyond functions */
    int empty;               /* matches no element at all */
    char *desc;              /* "functions core, ran; tags sensitive" */
} nv_scope;

/* Everything one rule's evaluation needs; arrays are sized by the registry
 * (n_vendors) and the view (n_domains) and zeroed before each rule. */
typedef struct nv_eval {
    const netvet_policy *policy;
    const nv_view *view;
    const nv_rule *rule;
    nv_scope scope;
    size_t n_vendors;
    uint8_t *selected;      /* per registry vendor: chosen by the rule */
    uint8_t *strict;        /* per registry vendor: chosen other than by a
                             * state that can compel it (a listing, an id):
                             * all of its domains are risky. A vendor chosen
                             * only by `countries` makes only the domains
                             * of those states risky */
    const nv_strlist *countries; /* the pack's high_risk countries when the
                                  * rule selects by them, else NULL */
    const char *sel_word;   /* "high-risk" or "listed" */
    uint64_t *v_count;      /* per vendor: elements in scope */
    double *v_weight;
    uint32_t *by_id;        /* all registry vendors, sorted by id */
    uint32_t *order;        /* vendors in scope, sorted by id */
    size_t n_order;
    uint64_t *d_count;      /* per domain: elements in scope */
    double *d_weight;
    uint8_t *d_selected;    /* per domain: a selected vendor is in scope */
    uint64_t *s_count;      /* the same per domain set (scratch of */
    double *s_weight;       /* nv_eval_accumulate: an element is added */
    uint8_t *s_selected;    /* to its set, the sets to their domains) */
    uint64_t total_count;   /* elements in scope */
    double total_weight;
    nv_results *results;    /* measurements of every rule, or NULL */
    size_t rule_index;      /* index of `rule` in the policy */
    const struct nv_eval_sums *sums; /* this rule's counts, taken in one
                                      * pass with the other rules' (kinds
                                      * with NV_KIND_COUNTS), or NULL */
} nv_eval;

/* One rule's counted in-scope elements per vendor and per domain set
 * (each element in the set of the reading the rule counts it by), and
 * whether a selected vendor's element is in each set (bit 0: strictly
 * selected, bit 1: selected by a state). */
typedef struct nv_eval_sums {
    uint64_t *v_count; /* per registry vendor */
    double *v_weight;
    uint64_t *s_count; /* per domain set of the view */
    double *s_weight;
    uint8_t *s_selected;
    uint64_t total_count;
    double total_weight;
} nv_eval_sums;

/* The counts of every rule rules[i] (each an nv_eval with its view,
 * n_vendors, scope, selected and strict set) in one pass over the
 * elements, into sums[i] (n of them; free with nv_eval_sums_dispose),
 * each summed in ascending element order, as a pass per rule would.
 * @return 0 or NETVET_ENOMEM. */
int nv_eval_sum_rules(const nv_eval *rules, size_t n, nv_eval_sums *sums);
void nv_eval_sums_dispose(nv_eval_sums *sums, size_t n);

/* Is domain d one of the states the rule selects vendors by (always, when
 * it selects by none)? */
static inline int nv_eval_risky_state(const nv_eval *e, int32_t d)
{
    if (!e->countries)
        return 1;
    const char *c = e->view->domain_country[d];
    for (size_t i = 0; i < e->countries->n; i++)
        if (!strcmp(c, e->countries->items[i]))
            return 1;
    return 0;
}

/* Does an element of vendor vd (in domain d) make d a selected domain? */
static inline int nv_eval_domain_selected(const nv_eval *e, int32_t vd,
                                          int32_t d)
{
    return vd >= 0 && e->selected[vd] &&
           (e->strict[vd] || nv_eval_risky_state(e, d));
}

/* Is counted element k inside the scope? (The slow part: every key but
 * functions; only rules that have such keys pay for it.) */
int nv_scope_match_slow(const nv_scope *s, const nv_view *v, size_t k);
int nv_scope_match_dates(const nv_scope *s, const netvet_inventory *inv,
                         size_t k);

static inline int nv_scope_match(const nv_scope *s, const nv_view *v, size_t k)
{
    if (s->fn_mask) {
        unsigned fn = v->inv->function ? v->inv->function[k] : 31u;
        if (fn > 31u || !(s->fn_mask & (1u << fn)))
            return 0;
    }
    if (s->tag_mask && !(v->tag_bits[k] & s->tag_mask))
        return 0;
    if (s->slow)
        return nv_scope_match_slow(s, v, k);
    return 1;
}

/* Element k has a second reading (view.alt_vendor): the one of its two
 * readings the current rule counts it as, vd being the view's vendor; the
 * riskier one for this rule: the view's vendor when the rule selects it,
 * else the other reading when the rule selects that, else vd. */
int32_t nv_eval_reading(const nv_eval *e, size_t k, int32_t vd);

/* Vendor of element k as the current rule counts it (see nv_eval_reading)
 * if it is a registry vendor, else -1. */
static inline int32_t nv_eval_vendor(const nv_eval *e, size_t k)
{
    int32_t vd = e->view->vendor[k];
    if (e->view->alt_vendor)
        vd = nv_eval_reading(e, k, vd);
    return vd >= 0 && (size_t)vd < e->n_vendors ? vd : -1;
}
/* Domain set of element k as the current rule counts it: that of the
 * reading nv_eval_vendor gives (-1: none). The element counts in every
 * domain of the set (nv_view_domains). */
static inline int32_t nv_eval_dset(const nv_eval *e, size_t k)
{
    int32_t s = e->view->dset ? e->view->dset[k] : -1;
    if (e->view->alt_vendor && e->view->alt_vendor[k] >= 0) {
        int32_t vd = nv_eval_vendor(e, k);
        s = vd >= 0 ? e->view->vendor_dset[vd] : -1;
    }
    return s >= 0 && (size_t)s < e->view->n_dsets ? s : -1;
}
static inline double nv_eval_weight(const nv_eval *e, size_t k)
{
    return e->view->inv->weight ? e->view->inv->weight[k] : 0.0;
}

/* Append a finding for the current rule with the given subject, measure,
 * value, limit and message; takes ownership of `elements` (n of them) even
 * on failure. @return 0 or NETVET_ENOMEM. */
int nv_eval_emit(nv_eval *e, nv_findings *out, const char *subject,
                 const char *measure, double value, double limit,
                 const char *message, uint32_t *elements, size_t n);
/* ---- passes over the elements (eval_pass.c) ---- */

/* The counted in-scope elements per vendor (and per domain when
 * `domains`) from e->sums, and the vendors in scope in id order
 * (e->order). Only for kinds with NV_KIND_COUNTS (others have no sums). */
void nv_eval_accumulate(nv_eval *e, int domains);

/* How the in-scope elements are grouped into element lists. */
enum { NV_EVAL_BY_VENDOR, NV_EVAL_BY_DOMAIN, NV_EVAL_ALL_SELECTED };

/* lists[g] sized count[g] for each of the n groups g with want[g], filled
 * with the group's in-scope elements in ascending order; *lists_out gets
 * the array even on failure (free it with nv_eval_free_lists).
 * @return 0 or NETVET_ENOMEM. */
int nv_eval_make_lists(nv_eval *e, int how, size_t n, const uint8_t *want,
                       const uint64_t *count, uint32_t ***lists_out);
void nv_eval_free_lists(uint32_t **lists, size_t n);

/* Groups of in-scope element k as `how` groups them: *g gets them (one
 * vendor or the selected group in *one; by domain, every domain of its
 * set, borrowed from the view), the result is how many (0: none). */
size_t nv_eval_groups(const nv_eval *e, int how, size_t k, int32_t *one,
                      const int32_t **g);

/* Customers served (share-cap measure served; needs e->view->dom): each
 * sink (counted, weight > 0, reached from a source) is served by its
 * nearest in-scope strict dominator, or else by itself when in scope, or
 * else by nothing. by_group[g] (n groups, zeroed here) gets the weight of
 * the sinks whose serving element is in group g, *total that of every
 * sink served. 4 bytes per element of scratch. @return 0 or NETVET_ENOMEM. */
int nv_eval_served(nv_eval *e, int how, size_t n, double *by_group,
                   double *total);

/* Sites (share-cap measure sites; needs the site column): by_group[g]
 * (n groups, zeroed here) = distinct non-empty sites of the in-scope
 * elements of group g, for each g with want[g]; *total = distinct sites
 * of all in-scope elements. 8 bytes per interned string of scratch.
 * @return 0 or NETVET_ENOMEM. */
int nv_eval_sites(nv_eval *e, int how, size_t n, const uint8_t *want,
                  uint64_t *by_group, uint64_t *total);

/* Id of registry vendor v. */
const char *nv_eval_vendor_id(const nv_eval *e, uint32_t v);

#endif
