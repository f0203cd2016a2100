/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of overlays: set, replace, remove and add read through the
 * shadow inventory with exact results, the deterministic sample, the
 * errors for references the inventory lacks (file:line), and the base
 * inventory left byte for byte as it was. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "graph/csr.h"
#include "overlay/overlay.h"
#include "assess/assessment.h"

static const char elements[] =
    "id,vendor,function,site,region,weight,status,tags,mac\n"
    "c1,Cisco,core,DC,London,0,active,,\n"
    "g1,Juniper,aggregation,L1,London,0,active,,\n"
    "g2,Juniper Networks,aggregation,L2,London,0,active,,\n"
    "g3,Nokia,aggregation,M1,Manchester,0,active,,\n"
    "a1,Huawei,access,L1,London,0,active,,00:e0:fc:12:34:56\n"
    "a2,Nokia,access,M1,Manchester,0,active,sensitive,\n"
    "r1,Ericsson,ran,L1,London,10,active,,\n"
    "r2,Ericsson,ran,L1,London,20,active,,\n"
    "r3,Huawei,ran,L2,London,30,active,,\n"
    "r4,Nokia,ran,M1,Manchester,40,active,,\n"
    "r5,Nokia,ran,M1,Manchester,50,planned,,\n";

static const char links[] =
    "a,b\n"
    "c1,g1\nc1,g2\nc1,g3\ng1,g2\ng1,a1\ng2,a1\ng3,a2\n"
    "a1,r1\na1,r2\na1,r3\na2,r4\na2,r5\n";

typedef struct fixture {
    netvet_inventory *inv;
    netvet_registry *reg;
    netvet_overlay *ov;
    netvet_diag *diag;
    /* snapshot of the base, compared after each test */
    uint32_t vendor[16];
    uint8_t status[16];
    double weight[16];
    size_t n, n_links, n_strings, n_ids;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof(*f));
    if (!f ||
        nv_inventory_load_buffers(&f->inv, elements, strlen(elements), "e",
                                  links, strlen(links), "l", NULL, NULL) < 0 ||
        netvet_registry_new_builtin(&f->reg, NULL) < 0 ||
        netvet_overlay_new(&f->ov, f->inv, f->reg) < 0 ||
        netvet_diag_new(&f->diag, NULL, NULL) < 0)
        return -1;
    f->n = f->inv->n;
    f->n_links = f->inv->n_links;
    f->n_strings = f->inv->strings.n;
    f->n_ids = f->inv->ids.n;
    memcpy(f->vendor, f->inv->vendor, f->n * sizeof(uint32_t));
    memcpy(f->status, f->inv->status, f->n);
    memcpy(f->weight, f->inv->weight, f->n * sizeof(double));
    *state = f;
    return 0;
}

/* The base must be exactly as loaded, whatever the overlay did. */
static int teardown(void **state)
{
    fixture *f = *state;
    assert_int_equal(f->inv->n, f->n);
    assert_int_equal(f->inv->n_links, f->n_links);
    assert_int_equal(f->inv->strings.n, f->n_strings);
    assert_int_equal(f->inv->ids.n, f->n_ids);
    assert_memory_equal(f->vendor, f->inv->vendor, f->n * sizeof(uint32_t));
    assert_memory_equal(f->status, f->inv->status, f->n);
    assert_memory_equal(f->weight, f->inv->weight, f->n * sizeof(double));
    assert_string_equal(nv_inv_str(f->inv, f->inv->mac[4]),
                        "00:e0:fc:12:34:56");
    netvet_overlay_free(f->ov);
    netvet_diag_free(f->diag);
    netvet_registry_free(f->reg);
    netvet_inventory_free(f->inv);
    free(f);
    return 0;
}

static int apply(fixture *f, const char *yaml)
{
    netvet_scenario *s = NULL;
    int rc = netvet_scenario_load_buffer(&s, yaml, strlen(yaml), "s.yaml",
                                         f->diag);
    if (rc == 0)
        rc = netvet_overlay_apply(f->ov, s, f->diag);
    netvet_scenario_free(s);
    return rc;
}

static const char *vendor_of(fixture *f, const char *id)
{
    const netvet_inventory *o = netvet_overlay_inventory(f->ov);
    int64_t k = nv_ov_find(f->ov, id);
    assert_true(k >= 0);
    return nv_inv_str(o, o->vendor[k]);
}

static void test_set_reads_through(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "changes:\n"
                              "  - set: {vendor: ZTE, weight: 99}\n"
                              "    where: {function: ran, region: London}\n"),
                     0);
    const netvet_inventory *o = netvet_overlay_inventory(f->ov);
    assert_string_equal(vendor_of(f, "r1"), "ZTE");
    assert_string_equal(vendor_of(f, "r3"), "ZTE");
    assert_string_equal(vendor_of(f, "r4"), "Nokia");
    assert_true(o->weight[6] == 99 && o->weight[9] == 40);
    /* untouched columns are still the base's own arrays */
    assert_ptr_equal(o->function, f->inv->function);
    assert_ptr_equal(o->link_a, f->inv->link_a);
    assert_ptr_not_equal(o->vendor, f->inv->vendor);
    netvet_overlay_stats st = netvet_overlay_get_stats(f->ov);
    assert_int_equal(st.changed, 3);
    assert_int_equal(netvet_overlay_log_count(f->ov), 1);
    netvet_change_info ch = netvet_overlay_log(f->ov, 0);
    assert_int_equal(ch.line, 2);
    assert_int_equal(ch.elements, 3);
    assert_string_equal(ch.summary, "vendor=ZTE, weight=99; where function "
                                    "ran; region London");
}

static void test_replace_by_registry_vendor(void **state)
{
    fixture *f = *state;
    /* "Juniper" and "Juniper Networks" are one registry vendor */
    assert_int_equal(apply(f, "changes:\n"
                              "  - replace: {from: juniper, to: ZTE Corp.}\n"
                              "  - replace: {from: Huawei, to: Nokia}\n"
                              "    where: {function: access}\n"),
                     0);
    assert_string_equal(vendor_of(f, "g1"), "ZTE Corp.");
    assert_string_equal(vendor_of(f, "g2"), "ZTE Corp.");
    assert_string_equal(vendor_of(f, "a1"), "Nokia");
    assert_string_equal(vendor_of(f, "r3"), "Huawei");
    /* new equipment: the Huawei MAC is gone from a1 */
    assert_int_equal(netvet_overlay_inventory(f->ov)->mac[4], 0);

    netvet_assessment *a = NULL;
    netvet_assess_options o = NETVET_ASSESS_OPTIONS_INIT;
    o.as_of = "2026-01-01";
    assert_int_equal(netvet_assess(&a, netvet_overlay_inventory(f->ov),
                                   f->reg, NULL, &o, NULL), 0);
    assert_string_equal(
        netvet_registry_vendor(f->reg, (size_t)a->view.vendor[1])->id, "zte");
    assert_string_equal(
        netvet_registry_vendor(f->reg, (size_t)a->view.vendor[4])->id,
        "nokia");
    netvet_assessment_free(a);
}

static void test_remove_takes_links(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "changes:\n  - remove: {id: a1}\n"), 0);
    const netvet_inventory *o = netvet_overlay_inventory(f->ov);
    assert_int_equal(o->status[4], NV_STATUS_DECOMMISSIONED);
    assert_int_equal(netvet_overlay_get_stats(f->ov).removed, 1);

    netvet_assessment *a = NULL;
    netvet_assess_options ao = NETVET_ASSESS_OPTIONS_INIT;
    ao.as_of = "2026-01-01";
    assert_int_equal(netvet_assess(&a, o, f->reg, NULL, &ao, NULL), 0);
    assert_int_equal(a->view.counted[4], 0);
    nv_csr g;
    assert_int_equal(nv_csr_build(&g, o, a->view.counted), 0);
    assert_int_equal(nv_csr_degree(&g, 4), 0);
    assert_int_equal(g.n_arcs, 2 * 6); /* 12 links: 5 at a1, r5 planned */
    /* r1..r3 hang off a1 only: cut off from the core */
    assert_int_equal(a->exposure.n_disconnected, 3);
    assert_true(a->exposure.disconnected_weight == 60);
    nv_csr_dispose(&g);
    netvet_assessment_free(a);
}

static void test_add_elements_and_links(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "changes:\n"
                              "  - add:\n"
                              "      elements:\n"
                              "        - {id: z1, vendor: ZTE, function: "
                              "aggregation, site: NEW-SITE, region: London,\n"
                              "           tags: [fresh]}\n"
                              "        - {id: z2, vendor: ZTE, function: gNB, "
                              "weight: 70}\n"
                              "      links: [{a: c1, b: z1}, {a: z1, b: z2, "
                              "kind: fibre}]\n"),
                     0);
    const netvet_inventory *o = netvet_overlay_inventory(f->ov);
    assert_int_equal(o->n, f->n + 2);
    assert_int_equal(o->n_links, f->n_links + 2);
    assert_int_equal(nv_ov_find(f->ov, "z2"), (int64_t)f->n + 1);
    assert_string_equal(nv_inv_id(o, f->n), "z1");
    assert_string_equal(nv_inv_str(o, o->site[f->n]), "NEW-SITE");
    assert_int_equal(o->function[f->n + 1], NETVET_FN_RAN);
    assert_true(o->weight[f->n + 1] == 70);
    assert_int_equal(o->status[f->n + 1], NV_STATUS_ACTIVE);
    int64_t fresh = nv_strtab_find(&o->strings, "fresh", 5);
    assert_true(fresh > 0 && nv_inv_has_tag(o, f->n, (uint32_t)fresh));
    assert_int_equal(o->tag_off[f->n + 2] - o->tag_off[f->n + 1], 0);
    assert_int_equal(o->link_a[f->n_links], 0);
    assert_int_equal(o->link_b[f->n_links], f->n);
    assert_int_equal(o->link_a[f->n_links + 1], f->n);
    assert_int_equal(o->link_b[f->n_links + 1], f->n + 1);
    /* the base's strings were copied, never grown */
    assert_ptr_not_equal(o->strings.bytes, f->inv->strings.bytes);
    assert_true(o->serial != f->inv->serial);

    netvet_assessment *a = NULL;
    netvet_assess_options ao = NETVET_ASSESS_OPTIONS_INIT;
    ao.as_of = "2026-01-01";
    assert_int_equal(netvet_assess(&a, o, f->reg, NULL, &ao, NULL), 0);
    assert_int_equal(a->view.n_counted, 10 + 2);
    assert_true(a->view.total_weight == 100 + 70);
    assert_int_equal(a->exposure.n_disconnected, 0);
    netvet_assessment_free(a);
}

static void selected(fixture *f, const char *yaml, char *out)
{
    netvet_overlay *saved = f->ov;
    assert_int_equal(netvet_overlay_new(&f->ov, f->inv, f->reg), 0);
    assert_int_equal(apply(f, yaml), 0);
    const netvet_inventory *o = netvet_overlay_inventory(f->ov);
    for (size_t k = 0; k < f->n; k++)
        if (!strcmp(nv_inv_str(o, o->vendor[k]), "ZTE"))
            *out++ = nv_inv_id(o, k)[1];
    *out = '\0';
    netvet_overlay_free(f->ov);
    f->ov = saved;
}

static void test_sample_is_deterministic(void **state)
{
    fixture *f = *state;
    char a[16], b[16], c[16];
    static const char *const y7 =
        "changes:\n  - set: {vendor: ZTE}\n"
        "    where: {function: ran, sample: 60%, seed: 7}\n";
    static const char *const y8 =
        "changes:\n  - set: {vendor: ZTE}\n"
        "    where: {function: ran, sample: 60%, seed: 8}\n";
    selected(f, y7, a);
    selected(f, y7, b);
    selected(f, y8, c);
    /* round(0.6 x 5) = 3 of r1..r5: the smallest hash(seed, id), as
     * computed independently in Python (FNV-1a with the seed, then the
     * final mix of docs/scenario-format.md) */
    assert_string_equal(a, "145");
    assert_string_equal(b, "145");
    assert_string_equal(c, "134");
}

typedef struct bad_case {
    const char *yaml;
    const char *message;
} bad_case;

static const bad_case bad[] = {
    {"changes:\n  - set: {vendor: ZTE}\n    where: {function: cpe}\n",
     "s.yaml:3: no element matches (function cpe)"},
    {"changes:\n  - set: {vendor: Zzyzx Telecom}\n    where: {id: r1}\n",
     "s.yaml:2: vendor 'Zzyzx Telecom' is not in the registry (add it in "
     "a registry overlay or correct the name)"},
    {"changes:\n  - set: {vendor: ZTE}\n    where:\n      id: [r1,\n"
     "           r99]\n",
     "s.yaml:5: no element has id 'r99'"},
    {"changes:\n  - set: {vendor: ZTE}\n    where: {site: Leeds}\n",
     "s.yaml:3: no element has site 'Leeds'"},
    {"changes:\n  - replace: {from: Samsung, to: ZTE}\n",
     "s.yaml:2: no element matches (vendor samsung)"},
    {"changes:\n  - replace: {from: Huawei, to: HUAWEI TECHNOLOGIES}\n",
     "s.yaml:2: 'Huawei' and 'HUAWEI TECHNOLOGIES' are the same vendor"},
    {"changes:\n  - add: {elements: [{id: r1, vendor: ZTE, function: ran}]}\n",
     "s.yaml:2: id 'r1' already exists"},
    {"changes:\n  - add:\n      elements:\n        - {id: n, vendor: ZTE, "
     "function: ran}\n        - {id: n, vendor: ZTE, function: ran}\n",
     "s.yaml:5: id 'n' is added twice (first at line 4)"},
    {"changes:\n  - add:\n      links:\n        - {a: c1,\n           b: "
     "nowhere}\n",
     "s.yaml:5: link end 'nowhere' is not an element"},
    {"changes:\n  - remove: {id: r1}\n  - set: {weight: 1}\n"
     "    where: {id: r1}\n",
     "s.yaml:4: element 'r1' was removed by an earlier change"},
    {"changes:\n  - set: {vendor: ZTE}\n    where: {function: ran, "
     "sample: 1%}\n",
     "s.yaml:3: sample of 1% of 5 matching elements selects none"},
};

static void test_bad_references(void **state)
{
    fixture *f = *state;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        netvet_overlay_free(f->ov);
        assert_int_equal(netvet_overlay_new(&f->ov, f->inv, f->reg), 0);
        int rc = apply(f, bad[i].yaml);
        if (rc != NETVET_EPARSE ||
            strcmp(netvet_diag_message(f->diag), bad[i].message) != 0)
            fail_msg("case %zu: rc %d, message '%s', expected '%s'", i, rc,
                     netvet_diag_message(f->diag), bad[i].message);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_set_reads_through, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_replace_by_registry_vendor,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_remove_takes_links, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_add_elements_and_links, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_sample_is_deterministic, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_bad_references, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
