/* SPDX-License-Identifier: Apache-2.0 */
/* The procurement check: "may we add N elements of vendor V for function F
 * at site S?" Assess the inventory, then an overlay with the N new
 * elements, and compare: the purchase is allowed when it adds or worsens
 * no finding at or above the gate. The new elements carry the tags of the
 * site's elements (so a rule scoped on `sensitive` sees them) and an
 * installed date; the comparison is repeated on each later date a rule
 * takes effect, to say until when an allowed purchase stays allowed. New
 * elements have no links, so both sides are assessed without the topology
 * step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "inventory/inv.h"
#include "overlay/overlay.h"
#include "assess/assessment.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "whatif/check.h"
#include "whatif/compare.h"

#define NV_CHECK_MAX_COUNT 1000000

/* String id of value s in a column, when some element carries it. */
static int64_t find_value(const netvet_inventory *inv, const uint32_t *col,
                          const char *s)
{
    int64_t id = col ? nv_strtab_find(&inv->strings, s, strlen(s)) : -1;
    for (size_t k = 0; id >= 0 && k < inv->n; k++)
        if (col[k] == (uint32_t)id)
            return id;
    return -1;
}

static int check_place(netvet_check *c, const netvet_inventory *inv,
                       netvet_diag *diag)
{
    if (c->site && find_value(inv, inv->site, c->site) < 0)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "no element is at site '%s'%s", c->site,
                            inv->site ? "" : " (the inventory has no site "
                                             "column)");
    if (c->region && find_value(inv, inv->region, c->region) < 0)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "no element is in region '%s'%s", c->region,
                            inv->region ? "" : " (the inventory has no "
                                               "region column)");
    if (c->site && !c->region && inv->region) {
        int64_t s = find_value(inv, inv->site, c->site);
        for (size_t k = 0; k < inv->n; k++)
            if (inv->site[k] == (uint32_t)s && inv->region[k]) {
                c->region = nv_strdup(nv_inv_str(inv, inv->region[k]));
                return c->region ? 0 : NETVET_ENOMEM;
            }
    }
    return 0;
}

/* Mean weight of counted elements of the function at the site, else the
 * region, else the whole network. */
static int choose_weight(netvet_check *c, const nv_view *v)
{
    const netvet_inventory *inv = v->inv;
    int64_t site = c->site ? find_value(inv, inv->site, c->site) : -1;
    int64_t region = c->region ? find_value(inv, inv->region, c->region) : -1;
    for (int level = 0; level < 3; level++) {
        int64_t id = level == 0 ? site : level == 1 ? region : 0;
        if (id < 0)
            continue;
        double sum = 0;
        size_t n = 0;
        for (size_t k = 0; k < v->n; k++) {
            if (!v->counted[k] || inv->function[k] != c->function)
                continue;
            if ((level == 0 && inv->site[k] != (uint32_t)id) ||
                (level == 1 && inv->region[k] != (uint32_t)id))
                continue;
            sum += inv->weight[k];
            n++;
        }
        if (!n)
            continue;
        c->weight = sum / (double)n;
        char buf[256];
        snprintf(buf, sizeof(buf), "mean of the %zu counted %s element%s %s%s%s",
                 n, netvet_function_name(c->function), n == 1 ? "" : "s",
                 level == 2 ? "in the network" : level ? "in region '" : "at site '",
                 level == 2 ? "" : level ? c->region : c->site,
                 level == 2 ? "" : "'");
        c->weight_basis = nv_strdup(buf);
        return c->weight_basis ? 0 : NETVET_ENOMEM;
    }
    c->weight = 0;
    c->weight_basis = nv_strdup("no counted element of that function: 0");
    return c->weight_basis ? 0 : NETVET_ENOMEM;
}

/* Ids "<prefix>1".."<prefix>N" none of which exists. */
static int pick_prefix(const netvet_overlay *ov, size_t n, char *prefix,
                       size_t size)
{
    for (unsigned attempt = 1; attempt < 100; attempt++) {
        snprintf(prefix, size, attempt == 1 ? "netvet-check-"
                                            : "netvet-check%u-", attempt);
        size_t i = 1;
        char id[64];
        for (; i <= n; i++) {
            snprintf(id, sizeof(id), "%s%zu", prefix, i);
            if (nv_ov_find(ov, id) >= 0)
                break;
        }
        if (i > n)
            return 0;
    }
    return NETVET_ERROR;
}

static int add_elements(netvet_check *c, netvet_diag *diag)
{
    char prefix[32];
    int rc = pick_prefix(c->overlay, c->count, prefix, sizeof(prefix));
    nv_new_element *els = nv_calloc(c->count, sizeof(*els));
    if (!els)
        rc = NETVET_ENOMEM;
    for (size_t i = 0; rc == 0 && i < c->count; i++) {
        char id[64];
        nv_attrs *a = &els[i].attrs;
        snprintf(id, sizeof(id), "%s%zu", prefix, i + 1);
        els[i].id = nv_strdup(id);
        a->has = (1u << NV_ATTR_VENDOR) | (1u << NV_ATTR_FUNCTION) |
                 (1u << NV_ATTR_WEIGHT);
        a->text[NV_ATTR_VENDOR] = c->vendor_text; /* borrowed */
        a->text[NV_ATTR_FUNCTION] = c->function_text;
        a->function = (uint8_t)c->function;
        a->weight = c->weight;
        if (c->site) {
            a->has |= 1u << NV_ATTR_SITE;
            a->text[NV_ATTR_SITE] = c->site;
        }
        if (c->region) {
            a->has |= 1u << NV_ATTR_REGION;
            a->text[NV_ATTR_REGION] = c->region;
        }
        a->has |= 1u << NV_ATTR_INSTALLED;
        a->installed = c->installed;
        a->tags.items = c->tags; /* borrowed */
        a->tags.n = c->n_tags;
        if (!els[i].id)
            rc = NETVET_ENOMEM;
    }
    if (rc == 0)
        rc = nv_ov_add(c->overlay, els, c->count);
    for (size_t i = 0; els && i < c->count; i++)
        nv_free(els[i].id);
    nv_free(els);
    if (rc < 0)
        return nv_diag_fail(diag, rc, NULL, 0, 0, "cannot add the elements: "
                            "%s", netvet_strerror(rc));
    return 0;
}

/* Add rule id s to the list (*ids, *n) unless it is there. */
static int add_id(char ***ids, size_t *n, const char *s)
{
    for (size_t i = 0; i < *n; i++)
        if (!strcmp((*ids)[i], s))
            return 0;
    char **grown = nv_reallocarray(*ids, *n + 1, sizeof(char *));
    if (!grown)
        return NETVET_ENOMEM;
    *ids = grown;
    if (!(grown[*n] = nv_strdup(s)))
        return NETVET_ENOMEM;
    ++*n;
    return 0;
}

static void free_ids(char **ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        nv_free(ids[i]);
    nv_free(ids);
}

/* The rules of the findings at or above the gate that the purchase adds
 * or makes worse, from before b to after a, in the report's order. */
static int refusing(const netvet_check *c, const netvet_assessment *b,
                    const netvet_assessment *a, char ***ids, size_t *n)
{
    nv_compare cmp;
    int rc = nv_compare_build(&cmp, b, a);
    if (rc < 0)
        return rc;
    for (size_t i = 0; rc == 0 && i < cmp.n_findings; i++) {
        const nv_finding_pair *p = &cmp.findings[i];
        if (nv_finding_pair_worse(p) && c->fail_on >= 0 &&
            (int)p->after->severity >= c->fail_on)
            rc = add_id(ids, n, p->after->rule_id);
    }
    nv_compare_dispose(&cmp);
    return rc;
}

/* Allowed: no finding at or above the gate is new or measured higher. */
static int judge(netvet_check *c)
{
    char **ids = NULL;
    size_t n = 0;
    int rc = refusing(c, c->before, c->after, &ids, &n);
    c->allowed = n == 0;
    free_ids(ids, n);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The network generation a function name states ("gNB" is a 5G radio,
 * "EPC" a 4G core): its tag (docs/policy-format.md), or NULL. */
static const char *generation_tag(const char *function)
{
    static const struct { const char *name, *tag; } names[] = {
        {"gnb", "5g"}, {"5gc", "5g"}, {"enb", "4g"}, {"epc", "4g"},
        {"nodeb", "3g"}};
    for (size_t i = 0; function && i < sizeof names / sizeof names[0]; i++)
        if (!strcasecmp(function, names[i].name))
            return names[i].tag;
    return NULL;
}

/* c->tags = the tags of the site's elements that are not decommissioned
 * (sorted), then each extra tag not among them, in the order given, then
 * the generation the function's name states (gNB: 5g). */
static int set_tags(netvet_check *c, const netvet_inventory *inv,
                    const char *const *extra, netvet_diag *diag)
{
    for (size_t i = 0; extra && extra[i]; i++)
        if (!*extra[i] || strpbrk(extra[i], ",;"))
            return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                                "the tag '%s' is not a tag (empty, or with "
                                "',' or ';')", extra[i]);
    int64_t site = c->site ? find_value(inv, inv->site, c->site) : -1;
    int rc = 0;
    for (size_t k = 0; site >= 0 && inv->tag_off && k < inv->n && rc == 0;
         k++) {
        if (inv->site[k] != (uint32_t)site ||
            inv->status[k] == NV_STATUS_DECOMMISSIONED)
            continue;
        for (uint32_t t = inv->tag_off[k]; t < inv->tag_off[k + 1] && rc == 0;
             t++)
            rc = add_id(&c->tags, &c->n_tags, nv_inv_str(inv, inv->tags[t]));
    }
    if (c->n_tags)
        qsort(c->tags, c->n_tags, sizeof(char *), cmp_str);
    c->n_site_tags = c->n_tags;
    for (size_t i = 0; extra && extra[i] && rc == 0; i++)
        rc = add_id(&c->tags, &c->n_tags, extra[i]);
    const char *gen = generation_tag(c->function_text);
    if (gen && rc == 0)
        rc = add_id(&c->tags, &c->n_tags, gen);
    return rc;
}

static int parse_day(const char *s, const char *what, int32_t *out,
                     netvet_diag *diag)
{
    if (nv_parse_date(s, strlen(s), out) < 0)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "the %s date '%s' is not a date YYYY-MM-DD", what,
                            s);
    return 0;
}

/* The installed date (default the as-of date) and the date judged: the
 * later of the two. */
static int set_dates(netvet_check *c, const netvet_check_options *o,
                     netvet_diag *diag)
{
    int32_t as_of = (int32_t)(time(NULL) / 86400);
    int rc = 0;
    if (o->assess.as_of)
        rc = parse_day(o->assess.as_of, "as-of", &as_of, diag);
    c->installed = c->as_of = as_of;
    if (rc == 0 && o->version >= 2 && o->installed)
        rc = parse_day(o->installed, "installed", &c->installed, diag);
    c->when = c->installed > as_of ? c->installed : as_of;
    return rc;
}

static int cmp_day(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* The distinct dates after c->when on which a rule of the policy takes
 * effect, ascending, into c->later. */
static int later_dates(netvet_check *c, const netvet_policy *policy)
{
    size_t n = policy ? policy->n_rules : 0, m = 0;
    int32_t *d = nv_calloc(n + 1, sizeof(int32_t));
    if (!d)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (policy->rules[i].effective > c->when)
            d[m++] = policy->rules[i].effective;
    qsort(d, m, sizeof(int32_t), cmp_day);
    c->later = nv_calloc(m + 1, sizeof(*c->later));
    for (size_t i = 0; c->later && i < m; i++)
        if (!c->n_later || c->later[c->n_later - 1].date != d[i])
            c->later[c->n_later++].date = d[i];
    nv_free(d);
    return c->later ? 0 : NETVET_ENOMEM;
}

/* Judge the purchase again on each later date: the rules that refuse it
 * then and did not on an earlier date go to that date's entry. */
static int judge_later(netvet_check *c, const netvet_inventory *inv,
                       const netvet_registry *reg,
                       const netvet_policy *policy,
                       const netvet_assess_options *ao, netvet_diag *diag)
{
    char **seen = NULL;
    size_t n_seen = 0;
    int rc = refusing(c, c->before, c->after, &seen, &n_seen);
    for (size_t i = 0; rc == 0 && i < c->n_later; i++) {
        nv_check_later *l = &c->later[i];
        netvet_assess_options o = *ao;
        char day[11];
        nv_format_date(l->date, day);
        o.as_of = day;
        netvet_assessment *b = NULL, *a = NULL;
        char **ids = NULL;
        size_t n = 0;
        rc = netvet_assess(&b, inv, reg, policy, &o, diag);
        if (rc == 0)
            rc = netvet_assess(&a, netvet_overlay_inventory(c->overlay), reg,
                               policy, &o, diag);
        if (rc == 0)
            rc = refusing(c, b, a, &ids, &n);
        for (size_t j = 0; rc == 0 && j < n; j++) {
            size_t before = n_seen;
            rc = add_id(&seen, &n_seen, ids[j]);
            if (rc == 0 && n_seen > before)
                rc = add_id(&l->refused_by, &l->n_refused, ids[j]);
        }
        free_ids(ids, n);
        netvet_assessment_free(b);
        netvet_assessment_free(a);
    }
    free_ids(seen, n_seen);
    return rc;
}

static int set_question(netvet_check *c, const netvet_registry *reg,
                        const netvet_check_options *o, netvet_diag *diag)
{
    int v = netvet_registry_resolve(reg, o->vendor, strlen(o->vendor));
    if (v < 0)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "vendor '%s' is not in the registry (add it "
                            "in a registry overlay or correct the name)",
                            o->vendor);
    c->vendor = netvet_registry_root(reg, v);
    if (netvet_function_parse(&c->function, o->function,
                              strlen(o->function)) < 0)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "unknown function '%s' (core, management, "
                            "security, aggregation, access, ran, cpe, other, "
                            "or an alias such as OLT or gNB)", o->function);
    if (o->count < 1 || o->count > NV_CHECK_MAX_COUNT)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "the count of elements to add must be from 1 to "
                            "%d",
                            NV_CHECK_MAX_COUNT);
    c->count = o->count;
    c->fail_on = o->fail_on;
    c->vendor_text = nv_strdup(o->vendor);
    c->function_text = nv_strdup(o->function);
    c->site = o->site ? nv_strdup(o->site) : NULL;
    c->region = o->region ? nv_strdup(o->region) : NULL;
    if (!c->vendor_text || !c->function_text || (o->site && !c->site) ||
        (o->region && !c->region))
        return NETVET_ENOMEM;
    return 0;
}

/* Assess the inventory, add the new elements in an overlay, assess that,
 * judge; then the later dates. */
static int assess_both(netvet_check *c, const netvet_inventory *inv,
                       const netvet_registry *reg, const netvet_policy *policy,
                       const netvet_check_options *opts,
                       netvet_assess_options *ao, netvet_diag *diag)
{
    int rc = netvet_assess(&c->before, inv, reg, policy, ao, diag);
    if (rc == 0 && opts->weight >= 0) {
        c->weight = opts->weight;
        c->weight_basis = nv_strdup("as given");
        rc = c->weight_basis ? 0 : NETVET_ENOMEM;
    } else if (rc == 0) {
        rc = choose_weight(c, &c->before->view);
    }
    if (rc == 0)
        rc = netvet_overlay_new(&c->overlay, inv, reg);
    if (rc == 0)
        rc = add_elements(c, diag);
    netvet_assess_options after = *ao;
    after.strict_waivers = 0; /* the purchase may leave a waiver nothing */
    if (rc == 0)
        rc = netvet_assess(&c->after, netvet_overlay_inventory(c->overlay),
                           reg, policy, &after, diag);
    if (rc == 0)
        rc = judge(c);
    if (rc == 0)
        rc = later_dates(c, policy);
    if (rc == 0)
        rc = judge_later(c, inv, reg, policy, ao, diag);
    return rc;
}

int netvet_check_run(netvet_check **out, const netvet_inventory *inv,
                     const netvet_registry *reg, const netvet_policy *policy,
                     const netvet_check_options *opts, netvet_diag *diag)
{
    if (!out || !inv || !reg || !opts || !opts->vendor || !opts->function)
        return NETVET_EINVAL;
    netvet_check *c = nv_calloc(1, sizeof(*c));
    if (!c)
        return NETVET_ENOMEM;
    netvet_assess_options ao = opts->assess;
    char day[11];
    ao.topology = 0;
    int rc = set_question(c, reg, opts, diag);
    if (rc == 0)
        rc = check_place(c, inv, diag);
    if (rc == 0)
        rc = set_dates(c, opts, diag);
    if (rc == 0)
        rc = set_tags(c, inv, opts->version >= 2 ? opts->tags : NULL, diag);
    nv_format_date(c->when, day);
    ao.as_of = day;
    if (rc == 0)
        rc = assess_both(c, inv, reg, policy, opts, &ao, diag);
    if (rc < 0) {
        netvet_check_free(c);
        if (rc == NETVET_ENOMEM)
            nv_diag_fail(diag, rc, NULL, 0, 0, "out of memory");
        return rc;
    }
    *out = c;
    return 0;
}

void netvet_check_free(netvet_check *c)
{
    if (!c)
        return;
    netvet_assessment_free(c->after);
    netvet_assessment_free(c->before);
    netvet_overlay_free(c->overlay);
    nv_free(c->vendor_text);
    nv_free(c->function_text);
    nv_free(c->site);
    nv_free(c->region);
    nv_free(c->weight_basis);
    free_ids(c->tags, c->n_tags);
    for (size_t i = 0; i < c->n_later; i++)
        free_ids(c->later[i].refused_by, c->later[i].n_refused);
    nv_free(c->later);
    nv_free(c);
}

int netvet_check_allowed(const netvet_check *c)
{
    return c && c->allowed;
}

const netvet_assessment *netvet_check_after(const netvet_check *c)
{
    return c ? c->after : NULL;
}
