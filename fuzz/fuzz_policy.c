/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: arbitrary bytes as a policy pack. A pack that loads is also
 * evaluated over a small fixed network (registry, tags, sites), and every
 * finding is checked: strings set, elements ascending and in range. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inventory/inv.h"
#include "netvet/policy.h"
#include "netvet/vendors.h"
#include "policy/policy.h"
#include "util/alloc.h"

static const char registry_yaml[] =
    "vendors:\n"
    "  - {id: huawei, name: Huawei, country: CN,\n"
    "     listings: [{id: uk-ncsc-hrv, date: 2020-01-28, source: s}]}\n"
    "  - {id: zte, name: ZTE, country: CN,\n"
    "     listings: [{id: uk-ncsc-hrv, date: 2018-04-01, source: s}]}\n"
    "  - {id: nokia, name: Nokia, country: FI}\n";

enum { N = 6 };
static const char *const vendor_of[N] = {"huawei", "zte", "nokia",
                                         "huawei", NULL, "nokia"};
static const uint8_t fn_of[N] = {NETVET_FN_CORE, NETVET_FN_ACCESS,
                                 NETVET_FN_ACCESS, NETVET_FN_RAN,
                                 NETVET_FN_CORE, NETVET_FN_CPE};
static const double weight_of[N] = {0, 10, 20, 30, 5, 0};

static netvet_registry *reg;
static netvet_inventory inv;
static nv_view view;
static uint32_t tag_off[N + 1], tags[N], sites[N];
static uint8_t counted[N] = {1, 1, 1, 1, 1, 0}, fns[N];
static double weights[N];
/* Domain sets: {CN}, {FI}, {CN, FI}; nokia is in both domains. */
static int32_t vendors[N], dsets[N], vendor_dset[3] = {0, 0, 2};
static uint32_t dset_off[4] = {0, 1, 2, 4};
static int32_t dset_dom[4] = {0, 1, 0, 1};
static char cn[] = "CN", fi[] = "FI", cnfi[] = "CN+FI";
static char *countries[2] = {cn, fi}, *labels[3] = {cn, fi, cnfi};

static uint32_t intern(const char *s)
{
    uint32_t id = 0;
    nv_strtab_intern(&inv.strings, s, strlen(s), &id, NULL);
    return id;
}

/* The fixed network; 0 when ready. */
static int world(void)
{
    if (reg)
        return 0;
    if (netvet_registry_new_empty(&reg) < 0 ||
        netvet_registry_overlay_buffer(reg, registry_yaml,
                                       strlen(registry_yaml), "reg", NULL) < 0 ||
        netvet_registry_count(reg) != 3 ||
        nv_strtab_init(&inv.strings, 16, 1) < 0)
        abort();
    for (size_t k = 0; k < N; k++) {
        int v = vendor_of[k] ? netvet_registry_find(reg, vendor_of[k]) : -1;
        vendors[k] = v < 0 ? -1 : netvet_registry_root(reg, v);
        dsets[k] = v < 0 ? -1 : vendor_dset[v];
        fns[k] = fn_of[k];
        weights[k] = weight_of[k];
        tag_off[k] = (uint32_t)k;
        tags[k] = intern(k % 2 ? "sensitive" : "5g");
        sites[k] = intern(k < 3 ? "london" : "leeds");
    }
    tag_off[N] = N;
    inv.n = N;
    inv.function = fns;
    inv.weight = weights;
    inv.tag_off = tag_off;
    inv.tags = tags;
    inv.n_tags = N;
    inv.site = sites;
    view = (nv_view){.inv = &inv, .reg = reg, .as_of = 20000, .n = N,
                     .counted = counted, .vendor = vendors, .dset = dsets,
                     .n_domains = 2, .domain_country = countries,
                     .n_dsets = 3, .dset_off = dset_off, .dset_dom = dset_dom,
                     .dset_label = labels, .multi_domain = 1,
                     .vendor_dset = vendor_dset};
    return 0;
}

static void check(const nv_findings *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        const nv_finding *f = &fs->items[i];
        if (!f->rule_id || !f->pack || !f->title || !f->message ||
            !f->source || !f->subject || !f->measure || !isfinite(f->value))
            abort();
        for (size_t j = 0; j < f->n_elements; j++)
            if (f->elements[j] >= N ||
                (j && f->elements[j] <= f->elements[j - 1]))
                abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    netvet_policy *pol = NULL;
    world();
    if (netvet_policy_new(&pol) < 0)
        return 0;
    if (netvet_policy_add_buffer(pol, (const char *)data, size, "fuzz",
                                 NULL) == 0) {
        for (size_t i = 0; i < netvet_policy_rule_count(pol); i++) {
            netvet_rule_info r = netvet_policy_rule(pol, i);
            if (!r.id || !r.pack || !r.title || !r.source || !r.effective)
                abort();
        }
        nv_findings fs = {0};
        if (nv_policy_evaluate(pol, &view, &fs, NULL) < 0)
            abort();
        check(&fs);
        nv_findings_dispose(&fs);
    }
    netvet_policy_free(pol);
    return 0;
}
