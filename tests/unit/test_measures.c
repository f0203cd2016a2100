/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for the share-cap measures that read more than the element
 * columns: customers served (each sink attributed to its nearest in-scope
 * strict dominator, else to itself when in scope) and distinct sites, on a
 * small hand-built full-fibre network loaded through the real loader,
 * view, CSR and dominator tree; and served without links (n/a, with its
 * reason, never a pass). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "analysis/view.h"
#include "graph/csr.h"
#include "graph/dominators.h"
#include "inventory/inv.h"
#include "policy/policy.h"

/* core - agg; agg - olt-h (Huawei), olt-n (Nokia), olt-x (Huawei, a sink
 * itself with no ONT), ran-1 (out of scope); ONTs: ont-1 (Nokia) behind
 * olt-h, ont-2 (Huawei) behind olt-n, ont-3 (Nokia) dual-homed to both
 * OLTs; cust-1 (untagged cpe, out of scope) behind olt-h; biz-1
 * (untagged) dual-homed to both OLTs. */
static const char elements[] =
    "id,vendor,function,site,weight,tags\n"
    "core-1,Cisco Systems Inc.,core,LON,0,\n"          /* 0 */
    "agg-1,Nokia,aggregation,LON,0,\n"                 /* 1 */
    "olt-h,Huawei,access,EX1,0,fttp\n"                 /* 2 */
    "olt-n,Nokia,access,EX2,0,fttp\n"                  /* 3 */
    "olt-x,Huawei,access,EX3,4,fttp\n"                 /* 4 */
    "ont-1,Nokia,cpe,EX1,10,fttp\n"                    /* 5 */
    "ont-2,Huawei,cpe,EX2,20,fttp\n"                   /* 6 */
    "ont-3,Nokia,cpe,EX2,5,fttp\n"                     /* 7 */
    "cust-1,Nokia,cpe,EX1,3,\n"                        /* 8 */
    "biz-1,Nokia,cpe,EX2,7,\n"                         /* 9 */
    "ran-1,Ericsson,ran,LON,100,\n";                   /* 10 */

static const char links[] =
    "a,b\n"
    "core-1,agg-1\n"
    "agg-1,olt-h\n"
    "agg-1,olt-n\n"
    "agg-1,olt-x\n"
    "agg-1,ran-1\n"
    "olt-h,ont-1\n"
    "olt-n,ont-2\n"
    "olt-h,ont-3\n"
    "olt-n,ont-3\n"
    "olt-h,cust-1\n"
    "olt-h,biz-1\n"
    "olt-n,biz-1\n";

typedef struct fx {
    netvet_registry *reg;
    netvet_inventory *inv;
    nv_view view;
    nv_csr g;
    nv_dominators dom;
    netvet_policy *pol;
    netvet_diag *diag;
    nv_findings fs;
    nv_results res;
} fx;

static void setup_csv(fx *f, const char *els, int with_links,
                      const char *pack);

static void setup(fx *f, int with_links, const char *pack)
{
    setup_csv(f, elements, with_links, pack);
}

static void setup_csv(fx *f, const char *els, int with_links,
                      const char *pack)
{
    int32_t as_of = 0;
    nv_graph_input in;
    memset(f, 0, sizeof(*f));
    assert_int_equal(netvet_diag_new(&f->diag, NULL, NULL), 0);
    assert_int_equal(netvet_registry_new_builtin(&f->reg, f->diag), 0);
    assert_int_equal(nv_parse_date("2026-01-01", 10, &as_of), 0);
    assert_int_equal(nv_inventory_load_buffers(
                         &f->inv, els, strlen(els), "e",
                         with_links ? links : NULL,
                         with_links ? strlen(links) : 0, "l", NULL, NULL),
                     0);
    assert_int_equal(nv_view_build(&f->view, f->inv, f->reg, as_of,
                                   NETVET_OWNERSHIP_THRESHOLD), 0);
    if (with_links) {
        assert_int_equal(nv_csr_build(&f->g, f->inv, f->view.counted), 0);
        nv_view_graph_input(&in, &f->view);
        assert_int_equal(nv_dominators_compute_input(&f->dom, &f->g, &in,
                                                     NULL), 0);
        f->view.dom = &f->dom;
    }
    assert_int_equal(netvet_policy_new(&f->pol), 0);
    assert_int_equal(netvet_policy_add_buffer(f->pol, pack, strlen(pack),
                                              "p.yaml", f->diag), 0);
    assert_int_equal(nv_policy_evaluate_results(f->pol, &f->view, &f->fs,
                                                &f->res, f->diag), 0);
}

static void teardown(fx *f)
{
    nv_results_dispose(&f->res);
    nv_findings_dispose(&f->fs);
    netvet_policy_free(f->pol);
    nv_dominators_dispose(&f->dom);
    nv_csr_dispose(&f->g);
    nv_view_dispose(&f->view);
    netvet_inventory_free(f->inv);
    netvet_registry_free(f->reg);
    netvet_diag_free(f->diag);
}

#define PACK_HEAD                                                          \
    "pack: p\nhigh_risk: {countries: [CN]}\nrules:\n"                      \
    "  - id: cap\n    kind: share-cap\n    source: s\n"                   \
    "    scope: {functions: [access, cpe], tags: [fttp]}\n"

static int near(double a, double b)
{
    return fabs(a - b) < 1e-12;
}

/* The dominator tree of the fixture, as the measure reads it. */
static void test_fixture_dominators(void **state)
{
    (void)state;
    fx f;
    setup(&f, 1, PACK_HEAD "    measure: served\n    max: 0.35\n");
    assert_int_equal(f.dom.idom[5], 2);  /* ont-1 behind olt-h */
    assert_int_equal(f.dom.idom[6], 3);  /* ont-2 behind olt-n */
    assert_int_equal(f.dom.idom[7], 1);  /* ont-3: both OLTs, so agg-1 */
    assert_int_equal(f.dom.idom[9], 1);  /* biz-1 likewise */
    assert_int_equal(f.dom.idom[4], 1);
    teardown(&f);
}

/* Served per domain: CN = ont-1 (10, a Nokia ONT behind a Huawei OLT)
 * + cust-1 (3, out of scope, behind olt-h) + olt-x (4, a sink in scope
 * with no in-scope dominator: itself); FI = ont-2 (20, a Huawei ONT
 * behind a Nokia OLT) + ont-3 (5, dual-homed: itself, in scope). biz-1
 * (dual-homed, out of scope) and ran-1 (out of scope, no in-scope
 * dominator) are served by nothing: total 42. */
static void test_served_exact(void **state)
{
    (void)state;
    fx f;
    setup(&f, 1, PACK_HEAD "    measure: [count, served]\n    max: 0.35\n");
    assert_int_equal(f.res.n, 2);
    assert_string_equal(f.res.items[0].measure, "count-share");
    assert_true(near(f.res.items[0].value, 0.5)); /* 3 of 6 */
    assert_string_equal(f.res.items[1].subject, "CN");
    assert_string_equal(f.res.items[1].measure, "served-share");
    assert_true(near(f.res.items[1].value, 17.0 / 42.0));
    assert_int_equal(f.res.items[1].status, NV_RESULT_FAIL);
    assert_null(f.res.items[1].reason);
    assert_int_equal(f.fs.n, 2);
    const nv_finding *fd = &f.fs.items[1];
    assert_string_equal(fd->measure, "served-share");
    assert_string_equal(fd->message,
                        "risk domain CN (huawei) holds 40.48% of scope "
                        "(functions access, cpe; tags fttp) by customers "
                        "served; cap 35.00%");
    assert_int_equal(fd->n_elements, 3);
    assert_int_equal(fd->elements[0], 2);
    assert_int_equal(fd->elements[1], 4);
    assert_int_equal(fd->elements[2], 6);
    teardown(&f);
}

/* Per vendor over listed vendors: nokia serves 25 of 42. */
static void test_served_per_vendor(void **state)
{
    (void)state;
    fx f;
    setup(&f, 1, PACK_HEAD "    measure: served\n    per: vendor\n"
                           "    vendors: [nokia, huawei]\n    max: 0.6\n");
    assert_int_equal(f.res.n, 2);
    assert_string_equal(f.res.items[0].subject, "huawei");
    assert_true(near(f.res.items[0].value, 17.0 / 42.0));
    assert_string_equal(f.res.items[1].subject, "nokia");
    assert_true(near(f.res.items[1].value, 25.0 / 42.0));
    assert_int_equal(f.res.items[1].status, NV_RESULT_PASS);
    assert_int_equal(f.fs.n, 0);
    teardown(&f);
}

/* Without links: not applicable with the reason, no finding, no pass. */
static void test_served_without_links(void **state)
{
    (void)state;
    fx f;
    setup(&f, 0, PACK_HEAD "    measure: [served]\n    max: 0.35\n");
    assert_int_equal(f.res.n, 1);
    assert_string_equal(f.res.items[0].measure, "served-share");
    assert_int_equal(f.res.items[0].status, NV_RESULT_NOT_APPLICABLE);
    assert_string_equal(f.res.items[0].reason, "served needs links");
    assert_int_equal(f.fs.n, 0);
    teardown(&f);
}

/* A scope with no element (so it serves no customer): not applicable,
 * for the first reason. */
static void test_served_nothing_in_scope(void **state)
{
    (void)state;
    fx f;
    setup(&f, 1, "pack: p\nhigh_risk: {countries: [CN]}\nrules:\n"
                 "  - id: cap\n    kind: share-cap\n    source: s\n"
                 "    max: 0.35\n    measure: served\n"
                 "    scope: {functions: [security]}\n");
    assert_int_equal(f.res.n, 1);
    assert_int_equal(f.res.items[0].status, NV_RESULT_NOT_APPLICABLE);
    assert_string_equal(f.res.items[0].reason, "nothing in scope");
    teardown(&f);
}

/* Sites in scope: EX1, EX2, EX3. Huawei is at all three (EX2 by ont-2,
 * beside Nokia's olt-n: a site of two vendors counts for both), Nokia at
 * EX1 and EX2. Per domain: CN 3 of 3. */
static void test_sites(void **state)
{
    (void)state;
    fx f;
    setup(&f, 1, PACK_HEAD "    measure: sites\n    per: vendor\n"
                           "    vendors: [nokia, huawei]\n    max: 0.7\n");
    assert_int_equal(f.res.n, 2);
    assert_string_equal(f.res.items[0].subject, "huawei");
    assert_string_equal(f.res.items[0].measure, "sites-share");
    assert_true(near(f.res.items[0].value, 1.0));
    assert_int_equal(f.res.items[0].status, NV_RESULT_FAIL);
    assert_string_equal(f.res.items[1].subject, "nokia");
    assert_true(near(f.res.items[1].value, 2.0 / 3.0));
    assert_int_equal(f.res.items[1].status, NV_RESULT_PASS);
    assert_int_equal(f.fs.n, 1);
    assert_string_equal(f.fs.items[0].message,
                        "vendor huawei holds 100.00% of scope (functions "
                        "access, cpe; tags fttp) by sites; cap 70.00%");
    teardown(&f);
}

/* Sites need no links. */
static void test_sites_without_links(void **state)
{
    (void)state;
    fx f;
    setup(&f, 0, "pack: p\nhigh_risk: {countries: [CN]}\nrules:\n"
                 "  - id: cap\n    kind: share-cap\n    source: s\n"
                 "    max: 0.35\n    measure: sites\n"
                 "    scope: {functions: [cpe]}\n");
    /* cpe sites: EX1 (ont-1, cust-1), EX2 (ont-2 Huawei, ont-3, biz-1) */
    assert_int_equal(f.res.n, 1);
    assert_string_equal(f.res.items[0].subject, "CN");
    assert_true(near(f.res.items[0].value, 0.5));
    assert_int_equal(f.res.items[0].status, NV_RESULT_FAIL);
    teardown(&f);
}

/* Without a site column, sites is not applicable, with its reason. */
static void test_sites_without_column(void **state)
{
    (void)state;
    fx f;
    setup_csv(&f, "id,vendor,function,weight\ng1,Huawei,ran,1\n"
                  "g2,Nokia,ran,1\n", 0,
              "pack: p\nhigh_risk: {countries: [CN]}\nrules:\n"
              "  - id: cap\n    kind: share-cap\n    source: s\n"
              "    max: 0.35\n    measure: [count, sites]\n");
    assert_int_equal(f.res.n, 2);
    assert_int_equal(f.res.items[0].status, NV_RESULT_FAIL); /* 50% */
    assert_string_equal(f.res.items[1].measure, "sites-share");
    assert_int_equal(f.res.items[1].status, NV_RESULT_NOT_APPLICABLE);
    assert_string_equal(f.res.items[1].reason, "sites needs a site column");
    assert_int_equal(f.fs.n, 1);
    teardown(&f);
}

/* A share-cap measured by served belongs to the served rule set only (it
 * runs on the dominators' thread); the others to the set without
 * exposure. */
static void test_rule_sets(void **state)
{
    (void)state;
    fx f;
    setup(&f, 1, PACK_HEAD "    measure: [count, served]\n    max: 0.35\n"
                           "  - id: plain\n    kind: share-cap\n"
                           "    source: s\n    max: 0.35\n");
    nv_findings fs = {0};
    nv_results res = {0};
    assert_int_equal(nv_policy_evaluate_set(f.pol, &f.view, NV_RULES_SERVED,
                                            &fs, &res), 0);
    assert_int_equal(res.n, 2);
    assert_int_equal(res.items[0].rule, 0);
    assert_int_equal(res.items[1].rule, 0);
    nv_results_dispose(&res);
    nv_findings_dispose(&fs);
    assert_int_equal(nv_policy_evaluate_set(f.pol, &f.view,
                                            NV_RULES_NO_EXPOSURE, &fs, &res),
                     0);
    assert_true(res.n > 0);
    for (size_t i = 0; i < res.n; i++)
        assert_int_equal(res.items[i].rule, 1);
    nv_results_dispose(&res);
    nv_findings_dispose(&fs);
    assert_int_equal(nv_policy_evaluate_set(f.pol, &f.view,
                                            NV_RULES_EXPOSURE, &fs, &res),
                     0);
    assert_int_equal(res.n, 0);
    nv_results_dispose(&res);
    nv_findings_dispose(&fs);
    teardown(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_dominators),
        cmocka_unit_test(test_served_exact),
        cmocka_unit_test(test_served_per_vendor),
        cmocka_unit_test(test_served_without_links),
        cmocka_unit_test(test_served_nothing_in_scope),
        cmocka_unit_test(test_sites),
        cmocka_unit_test(test_sites_without_links),
        cmocka_unit_test(test_sites_without_column),
        cmocka_unit_test(test_rule_sets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
