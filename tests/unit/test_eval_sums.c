/* SPDX-License-Identifier: Apache-2.0 */
/* The rules' counts taken in one pass (policy/eval_sums.c) against a
 * plain pass per rule written here: the same counts and bit for bit the
 * same weight sums, for every kind of scope key (functions, tag bits,
 * tags without a bit, sites, regions, dates, status, an empty scope, the
 * whole network), with second readings and more than 64 rules. */
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
#include "policy/eval_ctx.h"
#include "util/alloc.h"

static const char *const vendors[] = {"Huawei", "ZTE", "Nokia", "Ericsson",
                                      "Nobody Ltd"};
static const char *const functions[] = {"core", "access", "ran", "cpe",
                                        "aggregation"};
static const char *const tag_sets[] = {"", "fttp", "5g;sensitive", "5g",
                                       "fttp;business"};
static const char *const statuses[] = {"active", "planned", "decommissioned"};

/* n rows with every column a scope reads varied, and weights with
 * fractions, so a sum taken in another order would differ. */
static netvet_inventory *load(size_t n)
{
    size_t cap = 128 + n * 128, at = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    at += (size_t)snprintf(buf, cap, "id,vendor,function,site,region,"
                                     "installed,status,weight,tags\n");
    for (size_t i = 0; i < n; i++)
        at += (size_t)snprintf(
            buf + at, cap - at, "E%06zu,%s,%s,S%zu,R%zu,20%02zu-0%zu-1%zu,%s,"
                                "%zu.%03zu,%s\n",
            i, vendors[i % 5], functions[(i / 5) % 5], i % 7, i % 3,
            10 + i % 15, 1 + i % 9, i % 10, statuses[i % 11 % 3],
            i % 97, (i * 7919) % 1000, tag_sets[(i / 3) % 5]);
    netvet_inventory *inv = NULL;
    netvet_load_options o = NETVET_LOAD_OPTIONS_INIT;
    assert_int_equal(nv_inventory_load_buffers(&inv, buf, at, "e.csv", NULL,
                                               0, NULL, &o, NULL),
                     0);
    free(buf);
    assert_int_equal(inv->n, n); /* no row skipped */
    return inv;
}

static uint32_t str_id(const netvet_inventory *inv, const char *s)
{
    int64_t id = nv_strtab_find(&inv->strings, s, strlen(s));
    assert_true(id >= 0);
    return (uint32_t)id;
}

/* The states a rule selecting by state names: not ZTE's, so ZTE's
 * elements must not make its domain a selected one. */
static char *other_state[] = {"RU"};
static const nv_strlist other_states = {other_state, NULL, 1};

/* A rule's context over view v: its own arrays, Huawei selected strictly
 * or, when `by_state`, ZTE by state (the two share a domain set). */
static void eval_init(nv_eval *e, const nv_view *v, int by_state)
{
    memset(e, 0, sizeof(*e));
    e->view = v;
    e->n_vendors = netvet_registry_count(v->reg);
    size_t nv = e->n_vendors + 1, ns = v->n_dsets + 1, nd = v->n_domains + 1;
    e->selected = test_calloc(nv, 1);
    e->strict = test_calloc(nv, 1);
    e->v_count = test_calloc(nv, sizeof(*e->v_count));
    e->v_weight = test_calloc(nv, sizeof(*e->v_weight));
    e->order = test_calloc(nv, sizeof(*e->order));
    e->by_id = test_calloc(nv, sizeof(*e->by_id));
    e->d_count = test_calloc(nd, sizeof(*e->d_count));
    e->d_weight = test_calloc(nd, sizeof(*e->d_weight));
    e->d_selected = test_calloc(nd, 1);
    e->s_count = test_calloc(ns, sizeof(*e->s_count));
    e->s_weight = test_calloc(ns, sizeof(*e->s_weight));
    e->s_selected = test_calloc(ns, 1);
    int hw = netvet_registry_find(v->reg, "huawei");
    int zte = netvet_registry_find(v->reg, "zte");
    assert_true(hw >= 0 && zte >= 0);
    if (by_state)
        e->selected[zte] = 1;
    else
        e->selected[hw] = e->strict[hw] = 1;
    e->countries = by_state ? &other_states : NULL;
}

static void eval_free(nv_eval *e)
{
    test_free(e->selected);
    test_free(e->strict);
    test_free(e->v_count);
    test_free(e->v_weight);
    test_free(e->order);
    test_free(e->by_id);
    test_free(e->d_count);
    test_free(e->d_weight);
    test_free(e->d_selected);
    test_free(e->s_count);
    test_free(e->s_weight);
    test_free(e->s_selected);
}

/* Scope number k of the kinds tested (ids: room for two string ids). */
static void make_scope(nv_scope *s, size_t k, const nv_view *v, uint32_t *ids)
{
    const netvet_inventory *inv = v->inv;
    memset(s, 0, sizeof(*s));
    s->ids = ids;
    switch (k % 10) {
    case 0: /* the whole network */
        break;
    case 1:
        s->fn_mask = 1u << NETVET_FN_CORE | 1u << NETVET_FN_ACCESS;
        break;
    case 2: /* a tag with a bit */
        s->has_tags = 1;
        ids[0] = str_id(inv, "5g");
        s->n_tags = 1;
        s->tag_mask = nv_view_tag_mask(v, ids, 1);
        assert_int_not_equal(s->tag_mask, 0);
        break;
    case 3: /* a tag without one: the lists are read */
        s->has_tags = s->slow = 1;
        ids[0] = str_id(inv, "business");
        s->n_tags = 1;
        break;
    case 4:
        s->has_sites = s->slow = 1;
        ids[0] = str_id(inv, "S2");
        ids[1] = str_id(inv, "S5");
        s->n_sites = 2;
        s->fn_mask = 1u << NETVET_FN_RAN;
        break;
    case 5:
        s->has_regions = s->slow = 1;
        ids[0] = str_id(inv, "R1");
        s->n_regions = 1;
        break;
    case 6:
        s->has_dates = s->slow = 1;
        s->installed_after = 15000;  /* 2011-01-25 */
        s->installed_before = 18000; /* 2019-04-14 */
        break;
    case 7:
        s->status_mask = 1u << NV_STATUS_ACTIVE | 1u << NV_STATUS_PLANNED;
        s->slow = 1;
        break;
    case 8:
        s->empty = 1;
        break;
    default: /* a tag with a bit and functions */
        s->has_tags = 1;
        ids[0] = str_id(inv, "fttp");
        s->n_tags = 1;
        s->tag_mask = nv_view_tag_mask(v, ids, 1);
        s->fn_mask = 1u << NETVET_FN_ACCESS | 1u << NETVET_FN_CPE;
        break;
    }
}

/* One rule's counts the plain way: every element tested against the
 * whole scope, added in ascending order. */
static void count_alone(const nv_eval *e, nv_eval_sums *s)
{
    const nv_view *v = e->view;
    for (size_t k = 0; !e->scope.empty && k < v->n; k++) {
        if (!v->counted[k] || !nv_scope_match(&e->scope, v, k))
            continue;
        double w = v->inv->weight[k];
        int32_t vd = nv_eval_vendor(e, k), set = nv_eval_dset(e, k);
        s->total_count++;
        s->total_weight += w;
        if (vd >= 0) {
            s->v_count[vd]++;
            s->v_weight[vd] += w;
        }
        if (set >= 0) {
            s->s_count[set]++;
            s->s_weight[set] += w;
            if (vd >= 0 && e->selected[vd])
                s->s_selected[set] |= e->strict[vd] ? 1 : 2;
        }
    }
}

static void assert_same_sums(const nv_eval_sums *a, const nv_eval_sums *b,
                             size_t n_vendors, size_t n_sets)
{
    assert_int_equal(a->total_count, b->total_count);
    assert_memory_equal(&a->total_weight, &b->total_weight, sizeof(double));
    assert_memory_equal(a->v_count, b->v_count, n_vendors * sizeof(uint64_t));
    assert_memory_equal(a->v_weight, b->v_weight, n_vendors * sizeof(double));
    assert_memory_equal(a->s_count, b->s_count, n_sets * sizeof(uint64_t));
    assert_memory_equal(a->s_weight, b->s_weight, n_sets * sizeof(double));
    assert_memory_equal(a->s_selected, b->s_selected, n_sets);
}

/* n_rules rules (scope kinds in turn): the counts of one pass for all
 * against one nv_eval_accumulate pass each. */
static void check(size_t n_rows, size_t n_rules, int readings)
{
    netvet_inventory *inv = load(n_rows);
    netvet_registry *reg = NULL;
    assert_int_equal(netvet_registry_new_builtin(&reg, NULL), 0);
    nv_view v;
    assert_int_equal(nv_view_build(&v, inv, reg, 20000, 10), 0);
    uint32_t bit_tags[2] = {str_id(inv, "5g"), str_id(inv, "fttp")};
    assert_int_equal(nv_view_tag_bits(&v, bit_tags, 2), 0);
    int32_t *alt = NULL;
    if (readings) { /* every fourth element also read as ZTE or Huawei */
        alt = test_malloc(n_rows * sizeof(*alt));
        int hw = netvet_registry_find(reg, "huawei");
        int zte = netvet_registry_find(reg, "zte");
        for (size_t k = 0; k < n_rows; k++)
            alt[k] = k % 4 ? -1 : k % 8 ? zte : hw;
        v.alt_vendor = alt;
    }
    nv_eval *rules = test_calloc(n_rules, sizeof(*rules));
    uint32_t(*ids)[2] = test_calloc(n_rules, sizeof(*ids));
    nv_eval_sums *sums = test_calloc(n_rules, sizeof(*sums));
    for (size_t j = 0; j < n_rules; j++) {
        eval_init(&rules[j], &v, (int)(j % 2));
        make_scope(&rules[j].scope, j, &v, ids[j]);
    }
    assert_int_equal(nv_eval_sum_rules(rules, n_rules, sums), 0);
    uint64_t in_scope = 0;
    for (size_t j = 0; j < n_rules; j++) {
        nv_eval_sums alone = {
            test_calloc(rules[j].n_vendors + 1, sizeof(uint64_t)),
            test_calloc(rules[j].n_vendors + 1, sizeof(double)),
            test_calloc(v.n_dsets + 1, sizeof(uint64_t)),
            test_calloc(v.n_dsets + 1, sizeof(double)),
            test_calloc(v.n_dsets + 1, 1), 0, 0};
        count_alone(&rules[j], &alone);
        assert_same_sums(&alone, &sums[j], rules[j].n_vendors, v.n_dsets);
        if (j % 10 == 8)
            assert_int_equal(sums[j].total_count, 0); /* empty scope */
        in_scope += sums[j].total_count;
        test_free(alone.v_count);
        test_free(alone.v_weight);
        test_free(alone.s_count);
        test_free(alone.s_weight);
        test_free(alone.s_selected);
    }
    assert_true(in_scope > n_rows); /* scopes overlap, few are empty */
    assert_int_equal(sums[0].total_count, v.n_counted);
    for (size_t j = 0; j < n_rules; j++)
        eval_free(&rules[j]);
    nv_eval_sums_dispose(sums, n_rules);
    test_free(sums);
    test_free(ids);
    test_free(rules);
    if (alt)
        test_free(alt);
    v.alt_vendor = NULL;
    nv_view_dispose(&v);
    netvet_registry_free(reg);
    netvet_inventory_free(inv);
}

static void test_every_scope_kind(void **state)
{
    (void)state;
    check(3000, 10, 0);
}

static void test_second_readings(void **state)
{
    (void)state;
    check(3000, 10, 1);
}

static void test_more_rules_than_one_pass_takes(void **state)
{
    (void)state;
    check(500, 70, 1); /* batches of 64 and 6 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_scope_kind),
        cmocka_unit_test(test_second_readings),
        cmocka_unit_test(test_more_rules_than_one_pass_takes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
