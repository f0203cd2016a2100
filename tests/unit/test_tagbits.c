/* SPDX-License-Identifier: Apache-2.0 */
/* The view's tag bits (analysis/tagbits.c): each element's byte has the
 * bit of every tag it carries among those given a bit, in one pass or two
 * halves alike; a mask exists only when every asked tag has a bit; and a
 * tag-scoped rule measures the same with the bits as without them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/view.h"
#include "inventory/inv.h"
#include "netvet/netvet.h"
#include "policy/policy.h"

static const char *const tag_sets[] = {"", "fttp", "5g;sensitive", "FTTP;4g",
                                       "business", "4g;5g;fttp"};
#define N_SETS (sizeof(tag_sets) / sizeof(tag_sets[0]))

/* n rows cycling through tag_sets, Huawei on every third row. */
static netvet_inventory *load(size_t n)
{
    size_t cap = 64 + n * 64, at = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    at += (size_t)snprintf(buf, cap, "id,vendor,function,tags\n");
    for (size_t i = 0; i < n; i++)
        at += (size_t)snprintf(buf + at, cap - at, "E%07zu,%s,access,%s\n", i,
                               i % 3 ? "Nokia" : "Huawei",
                               tag_sets[i % N_SETS]);
    netvet_inventory *inv = NULL;
    netvet_load_options o = NETVET_LOAD_OPTIONS_INIT;
    assert_int_equal(nv_inventory_load_buffers(&inv, buf, at, "e.csv", NULL,
                                               0, NULL, &o, NULL),
                     0);
    free(buf);
    return inv;
}

static uint32_t tag_id(const netvet_inventory *inv, const char *t)
{
    int64_t id = nv_strtab_find(&inv->strings, t, strlen(t));
    assert_true(id >= 0);
    return (uint32_t)id;
}

static void check_bits(size_t n)
{
    netvet_inventory *inv = load(n);
    netvet_registry *reg = NULL;
    assert_int_equal(netvet_registry_new_builtin(&reg, NULL), 0);
    nv_view v;
    assert_int_equal(nv_view_build(&v, inv, reg, 20000, 10), 0);
    uint32_t ids[2] = {tag_id(inv, "5g"), tag_id(inv, "fttp")};
    assert_int_equal(nv_view_tag_bits(&v, ids, 2), 0);
    for (size_t k = 0; k < n; k++) {
        unsigned want = (nv_inv_has_tag(inv, k, ids[0]) ? 1u : 0u) |
                        (nv_inv_has_tag(inv, k, ids[1]) ? 2u : 0u);
        assert_int_equal(v.tag_bits[k], want);
    }
    /* rows 1, 3 (FTTP, lower-cased) and 5 carry fttp; 2 and 5 carry 5g */
    assert_int_equal(v.tag_bits[1], 2);
    assert_int_equal(v.tag_bits[2], 1);
    assert_int_equal(v.tag_bits[3], 2);
    assert_int_equal(v.tag_bits[5], 3);
    assert_int_equal(v.tag_bits[4], 0);
    assert_int_equal(nv_view_tag_mask(&v, ids, 2), 3);
    assert_int_equal(nv_view_tag_mask(&v, ids + 1, 1), 2);
    uint32_t other[2] = {ids[0], tag_id(inv, "sensitive")};
    assert_int_equal(nv_view_tag_mask(&v, other, 2), 0); /* no bit: lists */
    nv_view_dispose(&v);
    netvet_registry_free(reg);
    netvet_inventory_free(inv);
}

static void test_bits_one_pass(void **state)
{
    (void)state;
    check_bits(600); /* under the two-halves threshold */
}

static void test_bits_two_halves(void **state)
{
    (void)state;
    check_bits(200000);
}

static const char pack[] =
    "pack: t\nhigh_risk:\n  listings: [uk-ncsc-hrv, uk-designated-vendor]\n"
    "rules:\n  - {id: r, kind: share-cap, per: vendor, max: 0.1, "
    "measure: [count], scope: {tags: [fttp]}, source: s}\n";

/* The share-cap's measurement of the fttp-scoped elements, with or
 * without the bits. */
static double huawei_share(const netvet_inventory *inv,
                           const netvet_registry *reg,
                           const netvet_policy *pol, int bits)
{
    nv_view v;
    assert_int_equal(nv_view_build(&v, inv, reg, 20000, 10), 0);
    uint32_t ids[NV_VIEW_TAG_BITS];
    size_t n = nv_policy_scope_tags(pol, inv, ids, NV_VIEW_TAG_BITS);
    assert_int_equal(n, 1);
    if (bits) {
        assert_int_equal(nv_view_tag_bits(&v, ids, n), 0);
        assert_non_null(v.tag_bits);
    }
    nv_findings f = {0};
    nv_results r = {0};
    assert_int_equal(nv_policy_evaluate_set(pol, &v, NV_RULES_ALL, &f, &r), 0);
    double share = -1;
    for (size_t i = 0; i < r.n; i++)
        if (!strcmp(r.items[i].subject, "huawei"))
            share = r.items[i].value;
    nv_findings_dispose(&f);
    nv_results_dispose(&r);
    nv_view_dispose(&v);
    return share;
}

static void test_rule_same_with_bits(void **state)
{
    (void)state;
    netvet_inventory *inv = load(6000);
    netvet_registry *reg = NULL;
    netvet_policy *pol = NULL;
    assert_int_equal(netvet_registry_new_builtin(&reg, NULL), 0);
    assert_int_equal(netvet_policy_new(&pol), 0);
    assert_int_equal(netvet_policy_add_buffer(pol, pack, strlen(pack), "p.yaml",
                                              NULL),
                     0);
    double without = huawei_share(inv, reg, pol, 0);
    double with = huawei_share(inv, reg, pol, 1);
    /* fttp on rows i % 6 in {1, 3, 5}: 3000 rows, Huawei on i % 3 == 0,
     * i.e. i % 6 == 3: 1000 of them */
    /* fttp on rows i % 6 in {1, 3, 5} (3000), Huawei on i % 3 == 0 among
     * them, i.e. i % 6 == 3 (1000): 1000 / 3000 */
    assert_true(without == 1000.0 / 3000.0);
    assert_true(with == without);
    netvet_policy_free(pol);
    netvet_registry_free(reg);
    netvet_inventory_free(inv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bits_one_pass),
        cmocka_unit_test(test_bits_two_halves),
        cmocka_unit_test(test_rule_same_with_bits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
