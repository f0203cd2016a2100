/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: arbitrary bytes as a scenario file. A scenario that parses
 * is applied to an overlay of a small fixed network; one that applies is
 * assessed (with topology), and the invariants are checked: the base
 * inventory unchanged, the overlay's counts consistent with its stats. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "overlay/overlay.h"
#include "assess/assessment.h"

static const char elements[] =
    "id,vendor,function,site,region,weight,status,tags,mac\n"
    "c1,Cisco,core,DC,London,0,active,,\n"
    "g1,Juniper,aggregation,L1,London,0,active,ring,\n"
    "g2,Nokia,aggregation,M1,Manchester,0,active,ring,\n"
    "a1,Huawei,OLT,L1,London,0,active,,00:e0:fc:12:34:56\n"
    "a2,ZTE,access,M1,Manchester,0,planned,sensitive,\n"
    "r1,Ericsson,gNB,L1,London,10,active,5g,\n"
    "r2,Huawei,ran,M1,Manchester,20,active,5g,\n"
    "x1,Acme,cpe,M1,Manchester,1,decommissioned,,\n";
static const char links[] = "a,b\nc1,g1\nc1,g2\ng1,g2\ng1,a1\ng2,a2\n"
                            "a1,r1\na2,r2\na1,x1\n";

static netvet_inventory *inv;
static netvet_registry *reg;
static netvet_policy *pol;
static size_t n0, links0, strings0;

static void world(void)
{
    if (inv)
        return;
    if (nv_inventory_load_buffers(&inv, elements, strlen(elements), "e",
                                  links, strlen(links), "l", NULL, NULL) < 0 ||
        netvet_registry_new_builtin(&reg, NULL) < 0 ||
        netvet_policy_new(&pol) < 0 ||
        netvet_policy_add_builtin(pol, "uk-ncsc-2020", NULL) < 0)
        abort();
    n0 = inv->n;
    links0 = inv->n_links;
    strings0 = inv->strings.n;
}

static void check(const netvet_overlay *ov)
{
    const netvet_inventory *o = netvet_overlay_inventory(ov);
    netvet_overlay_stats st = netvet_overlay_get_stats(ov);
    if (inv->n != n0 || inv->n_links != links0 || inv->strings.n != strings0)
        abort(); /* the base was written */
    if (o->n != n0 + st.added || o->n_links != links0 + st.links_added ||
        st.removed > o->n || st.changed > n0 ||
        o->tag_off[o->n] != o->n_tags)
        abort();
    for (size_t i = 0; i < o->n_links; i++)
        if (o->link_a[i] >= o->n || o->link_b[i] >= o->n)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    netvet_scenario *s = NULL;
    netvet_overlay *ov = NULL;
    netvet_assessment *a = NULL;
    netvet_assess_options o = NETVET_ASSESS_OPTIONS_INIT;
    o.as_of = "2026-01-01";
    world();
    if (netvet_scenario_load_buffer(&s, (const char *)data, size, "fuzz",
                                    NULL) < 0)
        return 0;
    if (netvet_overlay_new(&ov, inv, reg) < 0)
        abort();
    if (netvet_overlay_apply(ov, s, NULL) == 0) {
        check(ov);
        if (netvet_assess(&a, netvet_overlay_inventory(ov), reg, pol, &o,
                          NULL) < 0)
            abort();
        if (a->view.n != netvet_overlay_inventory(ov)->n)
            abort();
        netvet_assessment_free(a);
    }
    netvet_overlay_free(ov);
    netvet_scenario_free(s);
    return 0;
}
