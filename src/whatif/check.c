/* SPDX-License-Identifier: Apache-2.0 */
/* The procurement check: "may we add N elements of vendor V for function F
 * at site S?" Assess the inventory, then an overlay with the N new
 * elements, and compare: the purchase is allowed when it adds or worsens
 * no finding at or above the gate. New elements have no links, so both
 * sides are assessed without the topology step. */
#include <stdio.h>
#include <string.h>

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

/* Allowed: no finding at or above the gate is new or measured higher. */
static int judge(netvet_check *c)
{
    nv_compare cmp;
    if (nv_compare_build(&cmp, c->before, c->after) < 0)
        return NETVET_ENOMEM;
    c->allowed = 1;
    for (size_t i = 0; i < cmp.n_findings; i++) {
        const nv_finding_pair *p = &cmp.findings[i];
        if (nv_finding_pair_worse(p) && c->fail_on >= 0 &&
            (int)p->after->severity >= c->fail_on)
            c->allowed = 0;
    }
    nv_compare_dispose(&cmp);
    return 0;
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
    ao.topology = 0;
    int rc = set_question(c, reg, opts, diag);
    if (rc == 0)
        rc = check_place(c, inv, diag);
    if (rc == 0)
        rc = netvet_assess(&c->before, inv, reg, policy, &ao, diag);
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
    if (rc == 0)
        rc = netvet_assess(&c->after, netvet_overlay_inventory(c->overlay),
                           reg, policy, &ao, diag);
    if (rc == 0)
        rc = judge(c);
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
