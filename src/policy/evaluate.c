/* SPDX-License-Identifier: Apache-2.0 */
/* Policy evaluation: for each rule in force on the view's date, work out
 * which registry vendors it selects (the pack's high-risk set or its own
 * list), resolve its scope to inventory string ids, and run its kind's
 * evaluate hook (rule_kind.h). Registry ids a pack names but the registry
 * lacks are reported as warnings, not failures. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy/policy.h"
#include "policy/eval_ctx.h"
#include "util/alloc.h"
#include "util/diag.h"

/* ---- findings ---- */

int nv_eval_emit(nv_eval *e, nv_findings *out, const char *subject,
                 const char *measure, double value, double limit,
                 const char *message, uint32_t *elements, size_t n)
{
    nv_finding *f = nv_findings_push(out);
    if (!f) {
        nv_free(elements);
        return NETVET_ENOMEM;
    }
    const nv_rule *r = e->rule;
    f->elements = elements;
    f->n_elements = n;
    f->severity = r->severity;
    f->value = value;
    f->limit = limit;
    f->rule_id = nv_strdup(r->id);
    f->pack = nv_strdup(e->policy->packs[r->pack].id);
    f->title = nv_strdup(r->title);
    f->source = nv_strdup(r->source);
    f->subject = nv_strdup(subject);
    f->measure = nv_strdup(measure);
    f->message = nv_strdup(message);
    if (!f->rule_id || !f->pack || !f->title || !f->source || !f->subject ||
        !f->measure || !f->message)
        return NETVET_ENOMEM;
    return 0;
}

/* ---- which vendors a rule selects ---- */

static int has_listing(const netvet_vendor *v, const nv_strlist *ids)
{
    for (size_t j = 0; j < v->n_listings; j++)
        for (size_t i = 0; i < ids->n; i++)
            if (v->listings[j].id && !strcmp(v->listings[j].id, ids->items[i]))
                return 1;
    return 0;
}

static int in_list(const char *s, const nv_strlist *l)
{
    for (size_t i = 0; s && i < l->n; i++)
        if (!strcmp(s, l->items[i]))
            return 1;
    return 0;
}

/* own[v] -> sel[v]: a vendor is selected when it or its root is; and as
 * elements are attributed to root vendors, a root is selected when any
 * vendor of its group is. `own` may alias nothing in `sel`. */
static void propagate(const netvet_registry *reg, const uint8_t *own,
                      uint8_t *sel, size_t n)
{
    memset(sel, 0, n);
    for (size_t v = 0; v < n; v++) {
        int root = netvet_registry_root(reg, (int)v);
        if (root < 0 || (size_t)root >= n)
            root = (int)v;
        if (own[v] || own[root]) {
            sel[v] = 1;
            sel[root] = 1;
        }
    }
}

/* Warn about pack high-risk entries that match nothing in the registry. */
static void warn_pack(const nv_pack *p, const netvet_registry *reg,
                      size_t n, netvet_diag *diag)
{
    for (size_t i = 0; i < p->vendors.n; i++)
        if (netvet_registry_find(reg, p->vendors.items[i]) < 0)
            nv_diag_warn(diag, p->file, p->vendors.lines[i], 0,
                         "pack '%s': high-risk vendor '%s' is not in the "
                         "registry; ignored",
                         p->id, p->vendors.items[i]);
    for (size_t i = 0; i < p->listings.n; i++) {
        nv_strlist one = {&p->listings.items[i], NULL, 1};
        size_t v = 0;
        while (v < n && !has_listing(netvet_registry_vendor(reg, v), &one))
            v++;
        if (v == n)
            nv_diag_warn(diag, p->file, p->listings.lines[i], 0,
                         "pack '%s': no registry vendor has listing '%s'",
                         p->id, p->listings.items[i]);
    }
    for (size_t i = 0; i < p->countries.n; i++) {
        size_t v = 0;
        while (v < n) {
            const char *c = netvet_registry_country(reg, (int)v);
            if (c && !strcmp(c, p->countries.items[i]))
                break;
            v++;
        }
        if (v == n)
            nv_diag_warn(diag, p->file, p->countries.lines[i], 0,
                         "pack '%s': no registry vendor is in country '%s'",
                         p->id, p->countries.items[i]);
    }
}

/* Does one of the listings `ids` apply to vendor v on day as_of (its own,
 * or a > 50 % owner's: netvet_registry_listed)? */
static int listed_on(const netvet_registry *reg, size_t v,
                     const nv_strlist *ids, int32_t as_of)
{
    for (size_t i = 0; i < ids->n; i++)
        if (netvet_registry_listed(reg, (int)v, ids->items[i], as_of))
            return 1;
    return 0;
}

/* sel (n bytes) = the pack's high-risk vendors on day as_of (NV_ALWAYS:
 * whatever the listings' dates); own is scratch. */
/* Can a state in `countries` compel vendor v on day as_of (any state of
 * its jurisdiction set under the pack's ownership threshold; NV_ALWAYS:
 * the stakes in force with no end)? */
static int in_countries(const nv_pack *p, const netvet_registry *reg,
                        size_t v, int32_t as_of)
{
    const char *codes[16];
    if (!p->countries.n)
        return 0;
    int32_t day = as_of == NV_ALWAYS ? NV_NEVER - 1 : as_of;
    size_t n = netvet_registry_jurisdictions(reg, (int)v, day,
                                             p->ownership_threshold, codes,
                                             16);
    for (size_t i = 0; i < n && i < 16; i++)
        if (in_list(codes[i], &p->countries))
            return 1;
    return n > 16; /* more states than we looked at: the riskier reading */
}

static void pack_high_risk_by(const nv_pack *p, const netvet_registry *reg,
                              size_t n, uint8_t *own, uint8_t *sel,
                              int32_t as_of, int use_countries)
{
    for (size_t v = 0; v < n; v++) {
        const netvet_vendor *vd = netvet_registry_vendor(reg, v);
        /* a removal deadline N months after listing: listed N months
         * before the day assessed */
        int32_t day = as_of == NV_ALWAYS || !p->deadline_months
                          ? as_of
                          : nv_add_months(as_of, -p->deadline_months);
        int listed = as_of == NV_ALWAYS ? has_listing(vd, &p->listings)
                                        : listed_on(reg, v, &p->listings,
                                                    day);
        own[v] = listed || in_list(vd->id, &p->vendors) ||
                 (use_countries && in_countries(p, reg, v, as_of));
    }
    propagate(reg, own, sel, n);
}

static void pack_high_risk(const nv_pack *p, const netvet_registry *reg,
                           size_t n, uint8_t *own, uint8_t *sel,
                           int32_t as_of)
{
    pack_high_risk_by(p, reg, n, own, sel, as_of, 1);
}

int nv_policy_high_risk_union(const netvet_policy *policy,
                              const netvet_registry *reg, uint8_t *risky,
                              size_t n)
{
    memset(risky, 0, n);
    if (!policy || !reg)
        return 0;
    uint8_t *own = nv_calloc(2 * n + 1, 1);
    if (!own)
        return NETVET_ENOMEM;
    for (size_t p = 0; p < policy->n_packs; p++) {
        pack_high_risk(&policy->packs[p], reg, n, own, own + n, NV_ALWAYS);
        for (size_t v = 0; v < n; v++)
            risky[v] |= own[n + v];
    }
    nv_free(own);
    return 0;
}

/* Warn about a rule's vendor ids that are not in the registry. */
static void warn_rule_vendors(const netvet_policy *policy, const nv_rule *r,
                              const netvet_registry *reg, size_t n,
                              netvet_diag *diag)
{
    for (size_t i = 0; i < r->vendors.n; i++) {
        int v = reg ? netvet_registry_find(reg, r->vendors.items[i]) : -1;
        if (v < 0 || (size_t)v >= n)
            nv_diag_warn(diag, policy->packs[r->pack].file,
                         r->vendors.lines[i], 0,
                         "rule '%s': vendor '%s' is not in the registry; "
                         "ignored",
                         r->id, r->vendors.items[i]);
    }
}

/* e->selected = the rule's explicit vendor list (ids the registry lacks
 * are left out; nv_policy_warn reports them). */
/* Is vendor v's production unknown, or in a country outside `ok`? */
static int produced_outside(const netvet_vendor *vd, const nv_strlist *ok)
{
    if (vd->n_production == 0)
        return 1; /* unknown: presumed foreign-produced (fail closed) */
    for (size_t i = 0; i < vd->n_production; i++)
        if (!in_list(vd->production[i], ok))
            return 1;
    return 0;
}

static void rule_vendors(nv_eval *e, uint8_t *own)
{
    const nv_rule *r = e->rule;
    const netvet_registry *reg = e->view->reg;
    memset(own, 0, e->n_vendors);
    if (r->produced_outside.n) { /* elements carry their root vendor */
        for (size_t v = 0; v < e->n_vendors; v++)
            e->selected[v] = produced_outside(netvet_registry_vendor(reg, v),
                                              &r->produced_outside);
        return;
    }
    for (size_t i = 0; i < r->vendors.n; i++) {
        int v = reg ? netvet_registry_find(reg, r->vendors.items[i]) : -1;
        if (v >= 0 && (size_t)v < e->n_vendors)
            own[v] = 1;
    }
    propagate(reg, own, e->selected, e->n_vendors);
}

/* ---- scope ---- */

int nv_scope_match_slow(const nv_scope *s, const nv_view *v, size_t k)
{
    const netvet_inventory *inv = v->inv;
    const uint32_t *id = s->ids;
    /* the integer tests first: they reject most elements cheaply */
    if ((s->has_dates || s->status_mask) && !nv_scope_match_dates(s, inv, k))
        return 0;
    if (s->has_tags && !s->tag_mask) { /* else nv_scope_match tested it */
        size_t i = 0;
        while (i < s->n_tags && !nv_inv_has_tag(inv, k, id[i]))
            i++;
        if (i == s->n_tags)
            return 0;
    }
    id += s->n_tags;
    if (s->has_sites) {
        size_t i = 0;
        while (i < s->n_sites && inv->site[k] != id[i])
            i++;
        if (i == s->n_sites)
            return 0;
    }
    id += s->n_sites;
    if (s->has_regions) {
        size_t i = 0;
        while (i < s->n_regions && inv->region[k] != id[i])
            i++;
        if (i == s->n_regions)
            return 0;
    }
    return 1;
}

/* The installed-date and status keys: an element without an installed
 * date matches neither installed_after nor installed_before. */
int nv_scope_match_dates(const nv_scope *s, const netvet_inventory *inv,
                         size_t k)
{
    if (s->has_dates) {
        int32_t d = inv->installed ? inv->installed[k] : NV_NO_DATE;
        if (d == NV_NO_DATE || d <= s->installed_after ||
            d >= s->installed_before)
            return 0;
    }
    if (s->status_mask) {
        unsigned st = inv->status ? inv->status[k] : NV_STATUS_ACTIVE;
        if (st > 7u || !(s->status_mask & (1u << st)))
            return 0;
    }
    return 1;
}

/* Append the ids of the strings of l present in the inventory to s->ids;
 * a key whose strings are all absent (or whose column is missing) makes
 * the scope empty. Describe the key in `desc`. */
static size_t resolve_key(nv_scope *s, const netvet_inventory *inv,
                          const nv_strlist *l, int column_present,
                          const char *key, nv_text *desc)
{
    size_t found = 0;
    if (!l->n)
        return 0;
    nv_text_add(desc, "%s%s ", desc->len ? "; " : "", key);
    for (size_t i = 0; i < l->n; i++) {
        nv_text_add(desc, "%s%s", i ? ", " : "", l->items[i]);
        int64_t id = column_present ? nv_strtab_find(&inv->strings,
                                                     l->items[i],
                                                     strlen(l->items[i]))
                                    : -1;
        if (id >= 0)
            s->ids[s->n_tags + s->n_sites + s->n_regions + found++] =
                (uint32_t)id;
    }
    if (!found)
        s->empty = 1;
    return found;
}

size_t nv_policy_scope_tags(const netvet_policy *policy,
                            const netvet_inventory *inv, uint32_t *ids,
                            size_t max)
{
    size_t n = 0;
    for (size_t r = 0; policy && inv->tag_off && r < policy->n_rules; r++) {
        const nv_strlist *l = &policy->rules[r].tags;
        for (size_t i = 0; i < l->n && n < max; i++) {
            int64_t id = nv_strtab_find(&inv->strings, l->items[i],
                                        strlen(l->items[i]));
            size_t j = 0;
            while (id >= 0 && j < n && ids[j] != (uint32_t)id)
                j++;
            if (id >= 0 && j == n)
                ids[n++] = (uint32_t)id;
        }
    }
    return n;
}

/* The scope's installed dates and status, and their description. */
static void resolve_dates(nv_scope *s, const nv_rule *r, nv_text *desc)
{
    static const char *const st[] = {"active", "planned", "decommissioned"};
    char day[16];
    s->installed_after = r->installed_after;
    s->installed_before = r->installed_before;
    s->has_dates = r->installed_after != NV_ALWAYS ||
                   r->installed_before != NV_NEVER;
    if (r->installed_after != NV_ALWAYS) {
        nv_format_date(r->installed_after, day);
        nv_text_add(desc, "%sinstalled after %s", desc->len ? "; " : "", day);
    }
    if (r->installed_before != NV_NEVER) {
        nv_format_date(r->installed_before, day);
        nv_text_add(desc, "%sinstalled before %s", desc->len ? "; " : "",
                    day);
    }
    s->status_mask = r->status_mask;
    for (unsigned i = 0, first = 1; i < 3; i++)
        if (r->status_mask & (1u << i)) {
            nv_text_add(desc, "%s%s", first ? (desc->len ? "; status " :
                                                           "status ")
                                            : ", ", st[i]);
            first = 0;
        }
}

static int resolve_scope(nv_scope *s, const nv_rule *r, const nv_view *view)
{
    const netvet_inventory *inv = view->inv;
    memset(s, 0, sizeof(*s));
    s->fn_mask = r->fn_mask;
    s->ids = nv_calloc(r->tags.n + r->sites.n + r->regions.n + 1,
                       sizeof(*s->ids));
    nv_text desc = {0};
    if (r->fn_mask) {
        nv_text_add(&desc, "functions ");
        for (unsigned fn = 0, first = 1; fn < NETVET_FN_COUNT; fn++)
            if (r->fn_mask & (1u << fn)) {
                nv_text_add(&desc, "%s%s", first ? "" : ", ",
                            netvet_function_name((netvet_function)fn));
                first = 0;
            }
    }
    if (!s->ids) {
        nv_text_dispose(&desc);
        return NETVET_ENOMEM;
    }
    s->has_tags = r->tags.n > 0;
    s->has_sites = r->sites.n > 0;
    s->has_regions = r->regions.n > 0;
    s->n_tags = resolve_key(s, inv, &r->tags, inv->tag_off != NULL, "tags",
                            &desc);
    s->tag_mask = nv_view_tag_mask(view, s->ids, s->n_tags);
    s->n_sites = resolve_key(s, inv, &r->sites, inv->site != NULL, "sites",
                             &desc);
    s->n_regions = resolve_key(s, inv, &r->regions, inv->region != NULL,
                               "regions", &desc);
    resolve_dates(s, r, &desc);
    s->slow = (s->has_tags && !s->tag_mask) | s->has_sites | s->has_regions |
              s->has_dates | (s->status_mask != 0);
    if (!desc.len)
        nv_text_add(&desc, "whole network");
    s->desc = desc.s;
    return desc.oom ? NETVET_ENOMEM : 0;
}

static void scope_dispose(nv_scope *s)
{
    nv_free(s->ids);
    nv_free(s->desc);
    memset(s, 0, sizeof(*s));
}

/* ---- driver ---- */

typedef struct id_rank {
    const char *id;
    uint32_t v;
} id_rank;

static int cmp_rank(const void *pa, const void *pb)
{
    const id_rank *a = pa, *b = pb;
    int c = strcmp(a->id, b->id);
    return c ? c : (a->v > b->v) - (a->v < b->v);
}

/* e->by_id = registry vendors sorted by id, for stable report order. */
static int sort_vendors(nv_eval *e)
{
    size_t n = e->n_vendors;
    id_rank *r = nv_calloc(n + 1, sizeof(*r));
    if (!r)
        return NETVET_ENOMEM;
    for (size_t v = 0; v < n; v++) {
        const char *id = netvet_registry_vendor(e->view->reg, v)->id;
        r[v].id = id ? id : "";
        r[v].v = (uint32_t)v;
    }
    qsort(r, n, sizeof(*r), cmp_rank);
    for (size_t v = 0; v < n; v++)
        e->by_id[v] = r[v].v;
    nv_free(r);
    return 0;
}

static int eval_alloc(nv_eval *e, size_t n_packs, uint8_t **pack_sel,
                      uint8_t **own)
{
    e->strict = nv_calloc(e->n_vendors + 1, 1);
    size_t nv = e->n_vendors, nd = e->view->n_domains;
    size_t rows;
    if (__builtin_mul_overflow(n_packs, nv, &rows))
        return NETVET_ENOMEM;
    *pack_sel = nv_calloc(rows + 1, 1);
    *own = nv_calloc(nv + 1, 1);
    e->selected = nv_calloc(nv + 1, 1);
    e->v_count = nv_calloc(nv + 1, sizeof(*e->v_count));
    e->v_weight = nv_calloc(nv + 1, sizeof(*e->v_weight));
    e->order = nv_calloc(nv + 1, sizeof(*e->order));
    e->by_id = nv_calloc(nv + 1, sizeof(*e->by_id));
    e->d_count = nv_calloc(nd + 1, sizeof(*e->d_count));
    e->d_weight = nv_calloc(nd + 1, sizeof(*e->d_weight));
    e->d_selected = nv_calloc(nd + 1, 1);
    size_t ns = e->view->n_dsets;
    e->s_count = nv_calloc(ns + 1, sizeof(*e->s_count));
    e->s_weight = nv_calloc(ns + 1, sizeof(*e->s_weight));
    e->s_selected = nv_calloc(ns + 1, 1);
    if (!*pack_sel || !*own || !e->selected || !e->strict || !e->v_count ||
        !e->v_weight || !e->order || !e->by_id || !e->d_count || !e->d_weight ||
        !e->d_selected || !e->s_count || !e->s_weight || !e->s_selected)
        return NETVET_ENOMEM;
    return sort_vendors(e);
}

static void eval_free(nv_eval *e)
{
    nv_free(e->selected);
    nv_free(e->strict);
    nv_free(e->v_count);
    nv_free(e->v_weight);
    nv_free(e->order);
    nv_free(e->by_id);
    nv_free(e->d_count);
    nv_free(e->d_weight);
    nv_free(e->d_selected);
    nv_free(e->s_count);
    nv_free(e->s_weight);
    nv_free(e->s_selected);
    scope_dispose(&e->scope);
}

static int run_rule(nv_eval *e, nv_findings *out)
{
    size_t nv = e->n_vendors, nd = e->view->n_domains;
    memset(e->v_count, 0, nv * sizeof(*e->v_count));
    memset(e->v_weight, 0, nv * sizeof(*e->v_weight));
    memset(e->d_count, 0, nd * sizeof(*e->d_count));
    memset(e->d_weight, 0, nd * sizeof(*e->d_weight));
    memset(e->d_selected, 0, nd);
    e->total_count = 0;
    e->total_weight = 0;
    e->sel_word = e->rule->high_risk                ? "high-risk"
                  : e->rule->produced_outside.n ? "foreign-produced"
                                                : "listed";
    return nv_rule_kind(e->rule->kind)->evaluate(e, out);
}

int nv_policy_evaluate(const netvet_policy *policy, const nv_view *view,
                       nv_findings *out, netvet_diag *diag)
{
    return nv_policy_evaluate_results(policy, view, out, NULL, diag);
}

int nv_policy_evaluate_results(const netvet_policy *policy,
                               const nv_view *view, nv_findings *out,
                               nv_results *results, netvet_diag *diag)
{
    nv_policy_warn(policy, view, diag);
    return nv_policy_evaluate_set(policy, view, NV_RULES_ALL, out, results);
}

/* Kinds that read the exposure run after the topology; share-caps
 * measured by customers served (they read the dominator tree) once the
 * tree is built; the rest at any time. */
static int rule_in_set(const nv_rule *r, nv_rule_set set)
{
    unsigned flags = nv_rule_kind(r->kind)->flags;
    nv_rule_set own = (flags & NV_KIND_NEEDS_TOPOLOGY) ? NV_RULES_EXPOSURE
                      : ((flags & NV_KIND_TAKES_MEASURE) &&
                         (r->measures & NV_MEASURE_SERVED))
                          ? NV_RULES_SERVED
                          : NV_RULES_NO_EXPOSURE;
    return set == NV_RULES_ALL || set == own;
}

void nv_policy_warn(const netvet_policy *policy, const nv_view *view,
                    netvet_diag *diag)
{
    const netvet_registry *reg = view ? view->reg : NULL;
    size_t n = reg ? netvet_registry_count(reg) : 0;
    if (!policy || !view)
        return;
    for (size_t p = 0; reg && p < policy->n_packs; p++)
        warn_pack(&policy->packs[p], reg, n, diag);
    for (size_t i = 0; i < policy->n_rules; i++) {
        const nv_rule *r = &policy->rules[i];
        if (nv_rule_in_force(r, view->as_of) && !r->high_risk)
            warn_rule_vendors(policy, r, reg, n, diag);
    }
}

/* e->selected and e->strict (and e->countries) for rule e->rule. */
static void select_vendors(nv_eval *e, const uint8_t *pack_sel, uint8_t *own)
{
    const nv_view *view = e->view;
    e->countries = NULL;
    if (e->rule->high_risk) {
        const nv_pack *pk = &e->policy->packs[e->rule->pack];
        memcpy(e->selected, pack_sel + e->rule->pack * e->n_vendors,
               e->n_vendors);
        if (pk->countries.n) { /* which of their domains are risky */
            pack_high_risk_by(pk, view->reg, e->n_vendors, own, e->strict,
                              view->as_of, 0);
            e->countries = &pk->countries;
        }
    } else {
        rule_vendors(e, own);
    }
    if (!e->countries)
        memcpy(e->strict, e->selected, e->n_vendors);
}

/* The rules of one set that are in force, made ready before their counts
 * are taken in one pass: rule[j] is an evaluation context of its own
 * (selected and strict in sel, 2 * n_vendors bytes each; the scope owned
 * here until run_prepared moves it), sums_of[j] its counts (NULL for a
 * kind that reads none: no pass is made for it). */
typedef struct prepared {
    nv_eval *rule;
    nv_eval_sums *sums; /* n_counting of them */
    nv_eval_sums **sums_of;
    uint8_t *sel;
    size_t n, n_counting;
} prepared;

static void prepared_dispose(prepared *p)
{
    for (size_t j = 0; p->rule && j < p->n; j++)
        scope_dispose(&p->rule[j].scope);
    nv_eval_sums_dispose(p->sums, p->n_counting);
    nv_free(p->rule);
    nv_free(p->sums);
    nv_free(p->sums_of);
    nv_free(p->sel);
}

/* The counts of the prepared rules whose kinds read them, in one pass. */
static int count_prepared(prepared *p)
{
    nv_eval *counting = nv_calloc(p->n + 1, sizeof(*counting));
    if (!counting)
        return NETVET_ENOMEM;
    for (size_t j = 0; j < p->n; j++)
        if (nv_rule_kind(p->rule[j].rule->kind)->flags & NV_KIND_COUNTS) {
            p->sums_of[j] = &p->sums[p->n_counting];
            counting[p->n_counting++] = p->rule[j]; /* scope borrowed */
        }
    int err = nv_eval_sum_rules(counting, p->n_counting, p->sums);
    if (err)
        p->n_counting = 0; /* nv_eval_sum_rules freed them */
    nv_free(counting);
    return err;
}

static int prepare_rules(prepared *p, nv_eval *e, nv_rule_set set,
                         const uint8_t *pack_sel, uint8_t *own)
{
    const netvet_policy *policy = e->policy;
    size_t nv = e->n_vendors, n = policy->n_rules, rows;
    memset(p, 0, sizeof(*p));
    if (__builtin_mul_overflow(n, 2 * (nv + 1), &rows))
        return NETVET_ENOMEM;
    p->rule = nv_calloc(n + 1, sizeof(*p->rule));
    p->sums = nv_calloc(n + 1, sizeof(*p->sums));
    p->sums_of = nv_calloc(n + 1, sizeof(*p->sums_of));
    p->sel = nv_calloc(rows + 1, 1);
    if (!p->rule || !p->sums || !p->sums_of || !p->sel)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        e->rule = &policy->rules[i];
        e->rule_index = i;
        if (!rule_in_set(e->rule, set) ||
            !nv_rule_in_force(e->rule, e->view->as_of))
            continue;
        select_vendors(e, pack_sel, own);
        nv_eval *r = &p->rule[p->n];
        *r = *e;
        r->selected = p->sel + p->n * 2 * (nv + 1);
        r->strict = r->selected + nv + 1;
        memcpy(r->selected, e->selected, nv);
        memcpy(r->strict, e->strict, nv);
        memset(&r->scope, 0, sizeof(r->scope));
        p->n++;
        int err = resolve_scope(&r->scope, r->rule, e->view);
        if (err)
            return err;
    }
    return count_prepared(p);
}

/* Run prepared rule j with e's arrays (its vendors copied in, its scope
 * moved in, its counts taken). */
static int run_prepared(nv_eval *e, prepared *p, size_t j, nv_findings *out)
{
    nv_eval *r = &p->rule[j];
    e->rule = r->rule;
    e->rule_index = r->rule_index;
    e->countries = r->countries;
    memcpy(e->selected, r->selected, e->n_vendors);
    memcpy(e->strict, r->strict, e->n_vendors);
    scope_dispose(&e->scope);
    e->scope = r->scope;
    memset(&r->scope, 0, sizeof(r->scope));
    e->sums = p->sums_of[j];
    int err = run_rule(e, out);
    e->sums = NULL;
    return err;
}

int nv_policy_evaluate_set(const netvet_policy *policy, const nv_view *view,
                           nv_rule_set set, nv_findings *out,
                           nv_results *results)
{
    if (!policy || !view || !out || !view->inv ||
        (view->n && (!view->counted || !view->vendor)))
        return NETVET_EINVAL;
    nv_eval e = {0};
    e.results = results;
    e.policy = policy;
    e.view = view;
    e.n_vendors = view->reg ? netvet_registry_count(view->reg) : 0;
    uint8_t *pack_sel = NULL, *own = NULL;
    prepared p = {0};
    int err = eval_alloc(&e, policy->n_packs, &pack_sel, &own);
    for (size_t i = 0; !err && view->reg && i < policy->n_packs; i++)
        pack_high_risk(&policy->packs[i], view->reg, e.n_vendors, own,
                       pack_sel + i * e.n_vendors, view->as_of);
    if (!err)
        err = prepare_rules(&p, &e, set, pack_sel, own);
    for (size_t i = 0, j = 0; !err && i < policy->n_rules; i++) {
        const nv_rule *r = &policy->rules[i];
        if (!rule_in_set(r, set))
            continue;
        if (!nv_rule_in_force(r, view->as_of)) /* not (yet) */
            err = nv_results_add(results, i, "", "", 0, 0,
                                 NV_RESULT_NOT_IN_EFFECT);
        else
            err = run_prepared(&e, &p, j++, out);
    }
    prepared_dispose(&p);
    eval_free(&e);
    nv_free(pack_sel);
    nv_free(own);
    return err;
}

/* ---- probes (incremental re-measurement by the planner) ---- */

int nv_rule_probe_init(nv_rule_probe *p, const netvet_policy *policy,
                       size_t rule, const nv_view *view)
{
    memset(p, 0, sizeof(*p));
    if (!policy || rule >= policy->n_rules || !view->reg)
        return NETVET_EINVAL;
    nv_eval e = {0};
    e.policy = policy;
    e.view = view;
    e.rule = &policy->rules[rule];
    e.n_vendors = netvet_registry_count(view->reg);
    p->rule = e.rule;
    p->n_vendors = e.n_vendors;
    p->selected = nv_calloc(e.n_vendors + 1, 1);
    p->scope = nv_calloc(1, sizeof(*p->scope));
    uint8_t *own = nv_calloc(e.n_vendors + 1, 1);
    int err = p->selected && p->scope && own ? 0 : NETVET_ENOMEM;
    if (!err && e.rule->high_risk) {
        pack_high_risk(&policy->packs[e.rule->pack], view->reg, e.n_vendors,
                       own, p->selected, view->as_of);
    } else if (!err) {
        e.selected = p->selected;
        rule_vendors(&e, own);
    }
    if (!err)
        err = resolve_scope(p->scope, e.rule, view);
    nv_free(own);
    if (err)
        nv_rule_probe_dispose(p);
    return err;
}

int nv_rule_probe_in_scope(const nv_rule_probe *p, const nv_view *view,
                           size_t k)
{
    return !p->scope->empty && nv_scope_match(p->scope, view, k);
}

void nv_rule_probe_dispose(nv_rule_probe *p)
{
    if (p->scope)
        scope_dispose(p->scope);
    nv_free(p->scope);
    nv_free(p->selected);
    memset(p, 0, sizeof(*p));
}
