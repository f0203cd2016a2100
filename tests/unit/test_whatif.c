/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of what-if, check and plan on examples/uk-operator, as of
 * 2026-11-23 with the uk-ncsc-2020 pack: the example scenarios' exact
 * before/after figures (dependent weights checked independently by
 * tests/data/whatif/check_example.py), the procurement check's shares and
 * verdicts, and plans whose re-assessment from scratch passes. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "assess/assessment.h"
#include "whatif/check.h"
#include "whatif/compare.h"
#include "whatif/plan.h"

typedef struct world {
    char src[1024];
    netvet_inventory *inv;
    netvet_registry *reg;
    netvet_policy *uk, *tight;
    netvet_assessment *before;
    netvet_assess_options ao;
} world;

static void path(world *w, char *buf, size_t size, const char *rel)
{
    snprintf(buf, size, "%s/%s", w->src, rel);
}

static int setup(void **state)
{
    world *w = calloc(1, sizeof(*w));
    const char *src = getenv("NETVET_SOURCE_DIR");
    char p[1200];
    netvet_assess_options ao = NETVET_ASSESS_OPTIONS_INIT;
    if (!w || !src)
        return -1;
    snprintf(w->src, sizeof(w->src), "%s", src);
    w->ao = ao;
    w->ao.as_of = "2026-11-23";
    path(w, p, sizeof(p), "examples/uk-operator");
    if (netvet_inventory_load(&w->inv, p, NULL, NULL) < 0 ||
        netvet_registry_new_builtin(&w->reg, NULL) < 0 ||
        netvet_policy_new(&w->uk) < 0 || netvet_policy_new(&w->tight) < 0 ||
        netvet_policy_add_builtin(w->uk, "uk-ncsc-2020", NULL) < 0)
        return -1;
    path(w, p, sizeof(p), "tests/data/whatif/tight-pack.yaml");
    if (netvet_policy_add_file(w->tight, p, NULL) < 0 ||
        netvet_assess(&w->before, w->inv, w->reg, w->uk, &w->ao, NULL) < 0)
        return -1;
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    world *w = *state;
    netvet_assessment_free(w->before);
    netvet_policy_free(w->uk);
    netvet_policy_free(w->tight);
    netvet_registry_free(w->reg);
    netvet_inventory_free(w->inv);
    free(w);
    return 0;
}

static const nv_rule_result *result(const netvet_assessment *a,
                                    const char *rule, const char *measure)
{
    for (size_t i = 0; i < a->results.n; i++) {
        const nv_rule_result *r = &a->results.items[i];
        if (!strcmp(netvet_policy_rule(a->policy, r->rule).id, rule) &&
            !strcmp(r->measure, measure))
            return r;
    }
    fail_msg("no result %s %s", rule, measure);
    return NULL;
}

static int32_t domain(const netvet_assessment *a, const char *code)
{
    for (size_t d = 0; d < a->view.n_domains; d++)
        if (!strcmp(a->view.domain_country[d], code))
            return (int32_t)d;
    return -1;
}

static double lost(const netvet_assessment *a, const char *code)
{
    double l, t;
    assert_true(nv_domain_lost(a, domain(a, code), &l, &t));
    assert_true(t == 1115000);
    return l;
}

/* Apply an example scenario and assess it. */
static netvet_assessment *scenario(world *w, const char *file,
                                   netvet_overlay **ov)
{
    char p[1200];
    netvet_scenario *s = NULL;
    netvet_assessment *a = NULL;
    path(w, p, sizeof(p), file);
    assert_int_equal(netvet_scenario_load_file(&s, p, NULL), 0);
    assert_int_equal(netvet_overlay_new(ov, w->inv, w->reg), 0);
    assert_int_equal(netvet_overlay_apply(*ov, s, NULL), 0);
    assert_int_equal(netvet_assess(&a, netvet_overlay_inventory(*ov), w->reg,
                                   w->uk, &w->ao, NULL), 0);
    netvet_scenario_free(s);
    return a;
}

static void test_baseline(void **state)
{
    world *w = *state;
    assert_false(netvet_assessment_fails(w->before, NETVET_SEV_NOTE));
    assert_true(lost(w->before, "CN") == 343050);
    assert_true(result(w->before, "uk-hrv-single", "vendors")->value == 1);
}

static void test_zte_aggregation(void **state)
{
    world *w = *state;
    netvet_overlay *ov = NULL;
    netvet_assessment *a = scenario(
        w, "examples/uk-operator/scenarios/add-zte-aggregation.yaml", &ov);
    netvet_overlay_stats st = netvet_overlay_get_stats(ov);
    assert_int_equal(st.changed, 28);
    assert_int_equal(st.added + st.removed + st.links_added, 0);
    /* compliant -> not: a second high-risk vendor, and China's reach */
    assert_true(netvet_assessment_fails(a, NETVET_SEV_ERROR));
    assert_true(lost(a, "CN") == 500157);
    assert_true(lost(a, "US") == 777163);
    const nv_rule_result *single = result(a, "uk-hrv-single", "vendors");
    assert_true(single->value == 2);
    assert_int_equal(single->status, NV_RESULT_FAIL);
    const nv_rule_result *x = result(a, "uk-hrv-exposure", "exposure-share");
    assert_true(fabs(x->value - 500157.0 / 1115000.0) < 1e-12);
    assert_int_equal(x->status, NV_RESULT_FAIL);
    /* the access cap is unchanged: ZTE went into aggregation */
    assert_true(result(a, "uk-hrv-access-cap", "count-share")->value ==
                368.0 / 1441.0);
    nv_compare c;
    assert_int_equal(nv_compare_build(&c, w->before, a), 0);
    assert_int_equal(c.added, 2);
    assert_int_equal(c.resolved, 0);
    assert_string_equal(c.findings[0].after->rule_id, "uk-hrv-single");
    assert_string_equal(c.findings[1].after->rule_id, "uk-hrv-exposure");
    assert_int_equal(c.findings[1].after->severity, NETVET_SEV_WARNING);
    nv_compare_dispose(&c);
    /* the aggregation domain shares: CN 0 -> 28 of 165 */
    const nv_group_shares *g = &a->shares.group[NETVET_FN_AGGREGATION];
    assert_int_equal(nv_share_domain(g, domain(a, "CN"))->count, 28);
    assert_null(nv_share_domain(&w->before->shares.group[NETVET_FN_AGGREGATION],
                                domain(a, "CN")));
    netvet_assessment_free(a);
    netvet_overlay_free(ov);
}

static void test_ericsson_aggregation(void **state)
{
    world *w = *state;
    netvet_overlay *ov = NULL;
    netvet_assessment *a = scenario(
        w, "examples/uk-operator/scenarios/add-ericsson-aggregation.yaml", &ov);
    assert_int_equal(netvet_overlay_get_stats(ov).changed, 28);
    assert_false(netvet_assessment_fails(a, NETVET_SEV_NOTE));
    assert_true(lost(a, "CN") == 343050);
    assert_true(lost(a, "SE") == 605499);
    assert_true(lost(a, "US") == 777163);
    netvet_assessment_free(a);
    netvet_overlay_free(ov);
}

static netvet_check *check(world *w, const char *vendor, const char *fn,
                           size_t count)
{
    netvet_check_options o = {NETVET_CHECK_OPTIONS_VERSION, vendor, fn,
                              NULL, "London", count, -1,
                              NETVET_SEV_ERROR, w->ao, NULL, NULL};
    netvet_check *c = NULL;
    assert_int_equal(netvet_check_run(&c, w->inv, w->reg, w->uk, &o, NULL),
                     0);
    return c;
}

static void test_check_margins(void **state)
{
    world *w = *state;
    double mean = 202826.0 / 212.0; /* counted ran in London */
    netvet_check *c = check(w, "Huawei", "gNB", 100);
    assert_true(c->weight == mean);
    assert_int_equal(netvet_check_allowed(c), 1);
    assert_int_equal(c->after->view.n - c->before->view.n, 100);
    const nv_rule_result *r = result(c->after, "uk-hrv-access-cap",
                                     "count-share");
    assert_true(r->value == 468.0 / 1541.0);
    r = result(c->after, "uk-hrv-access-cap", "weight-share");
    assert_true(fabs(r->value - (290778 + 100 * mean) /
                                    (1112010 + 100 * mean)) < 1e-12);
    netvet_check_free(c);

    /* 200 more: count 34.61% still under, weight 36.99% over the cap */
    c = check(w, "Huawei", "ran", 200);
    assert_int_equal(netvet_check_allowed(c), 0);
    assert_true(result(c->after, "uk-hrv-access-cap", "count-share")->value ==
                568.0 / 1641.0);
    assert_int_equal(
        result(c->after, "uk-hrv-access-cap", "count-share")->status,
        NV_RESULT_PASS);
    assert_int_equal(
        result(c->after, "uk-hrv-access-cap", "weight-share")->status,
        NV_RESULT_FAIL);
    netvet_check_free(c);

    /* one ZTE OLT: a second high-risk vendor */
    c = check(w, "ZTE", "OLT", 1);
    assert_int_equal(netvet_check_allowed(c), 0);
    assert_true(result(c->after, "uk-hrv-single", "vendors")->value == 2);
    netvet_check_free(c);

    /* a non-high-risk vendor moves no high-risk measure */
    c = check(w, "Ericsson", "ran", 500);
    assert_int_equal(netvet_check_allowed(c), 1);
    netvet_check_free(c);
}

static void test_check_bad_question(void **state)
{
    world *w = *state;
    netvet_diag *d = NULL;
    netvet_check *c = NULL;
    netvet_check_options o = {NETVET_CHECK_OPTIONS_VERSION, "Huawei", "ran",
                              "LON-NOWHERE", NULL, 1, -1, NETVET_SEV_ERROR,
                              w->ao, NULL, NULL};
    assert_int_equal(netvet_diag_new(&d, NULL, NULL), 0);
    assert_int_equal(netvet_check_run(&c, w->inv, w->reg, w->uk, &o, d),
                     NETVET_EINVAL);
    assert_string_equal(netvet_diag_message(d),
                        "no element is at site 'LON-NOWHERE'");
    o.site = NULL;
    o.vendor = "Huawai";
    assert_int_equal(netvet_check_run(&c, w->inv, w->reg, w->uk, &o, d),
                     NETVET_EINVAL);
    assert_string_equal(netvet_diag_message(d),
                        "vendor 'Huawai' is not in the registry (add it "
                        "in a registry overlay or correct the name)");
    assert_null(c);
    netvet_diag_free(d);
}

/* Every result of the targets in a fresh assessment of the planned
 * network passes (independently of the plan's own flag). */
static void assert_targets_pass(const netvet_plan *p,
                                const char *const *targets)
{
    const netvet_assessment *a = netvet_plan_after(p);
    assert_true(netvet_plan_passes(p));
    for (size_t i = 0; i < a->results.n; i++) {
        const nv_rule_result *r = &a->results.items[i];
        for (const char *const *t = targets; *t; t++)
            if (!strcmp(netvet_policy_rule(a->policy, r->rule).id, *t))
                assert_int_not_equal(r->status, NV_RESULT_FAIL);
    }
}

static netvet_plan *plan(world *w, const char *const *targets,
                         const char *with, const char *cost,
                         netvet_plan_unit unit)
{
    char p[1200];
    netvet_plan_options o = {NETVET_PLAN_OPTIONS_VERSION, targets, with,
                             NULL, unit, w->ao};
    if (cost) {
        path(w, p, sizeof(p), cost);
        o.cost_file = p;
    }
    netvet_plan *pl = NULL;
    assert_int_equal(netvet_plan_run(&pl, w->inv, w->reg, w->tight, &o, NULL),
                     0);
    return pl;
}

static void test_plan_passes_after(void **state)
{
    world *w = *state;
    static const char *const both[] = {"tight-access-cap",
                                       "tight-london-access", NULL};
    netvet_plan *p = plan(w, both, NULL, NULL, NETVET_PLAN_BY_ELEMENT);
    assert_targets_pass(p, both);
    assert_int_equal(netvet_plan_steps(p), 80);
    assert_true(p->total_cost == 80);
    /* the whole network passes the tight pack afterwards */
    assert_false(netvet_assessment_fails(netvet_plan_after(p),
                                         NETVET_SEV_NOTE));
    /* every step lowered a target: the trail of the cap never rises */
    for (size_t s = 1; s < p->n_steps; s++)
        assert_true(p->trail[s * 4] <= p->trail[(s - 1) * 4]);
    /* 80 replaced of 368 Huawei in access + ran: 288 / 1441 < 20% */
    assert_true(result(netvet_plan_after(p), "tight-access-cap",
                       "count-share")->value == 288.0 / 1441.0);
    netvet_plan_free(p);

    static const char *const cap[] = {"tight-access-cap", NULL};
    p = plan(w, cap, "Ericsson", NULL, NETVET_PLAN_BY_SITE);
    assert_targets_pass(p, cap);
    assert_int_equal(p->fixed_with, netvet_registry_find(w->reg, "ericsson"));
    for (size_t i = 1; i < p->n_steps; i++) /* whole sites per step */
        assert_true(p->steps[i].n >= 1);
    netvet_plan_free(p);
}

static void test_plan_costs_and_errors(void **state)
{
    world *w = *state;
    static const char cost[] = "access: 50\nran: 2\ndefault: 7\n";
    nv_costs c;
    assert_int_equal(nv_costs_load_buffer(&c, cost, strlen(cost), "c", NULL),
                     0);
    assert_true(c.fn[NETVET_FN_ACCESS] == 50 && c.fn[NETVET_FN_RAN] == 2 &&
                c.fn[NETVET_FN_CORE] == 7);
    netvet_diag *d = NULL;
    assert_int_equal(netvet_diag_new(&d, NULL, NULL), 0);
    static const char bad[] = "ran: 0\n";
    assert_int_equal(nv_costs_load_buffer(&c, bad, strlen(bad), "c", d),
                     NETVET_EPARSE);
    assert_string_equal(netvet_diag_message(d),
                        "c:1: a cost must be a number above 0 (at most 1e15)");
    static const char two[] = "ran: 2\n---\nran: 3\n";
    assert_int_equal(nv_costs_load_buffer(&c, two, strlen(two), "c", d),
                     NETVET_EPARSE);
    assert_string_equal(netvet_diag_message(d),
                        "c:3: a cost file holds one YAML document; found a "
                        "second");

    static const char *const cap[] = {"tight-access-cap", NULL};
    static const char *const x[] = {"uk-hrv-exposure", NULL};
    netvet_plan *p = NULL;
    netvet_plan_options o = {NETVET_PLAN_OPTIONS_VERSION, cap, "ZTE", NULL,
                             NETVET_PLAN_BY_ELEMENT, w->ao};
    assert_int_equal(netvet_plan_run(&p, w->inv, w->reg, w->tight, &o, d),
                     NETVET_EINVAL);
    assert_string_equal(netvet_diag_message(d),
                        "replacement vendor 'ZTE' is itself capped by a "
                        "target "
                        "rule (selected, or in a capped risk domain)");
    o.targets = x;
    o.replace_with = NULL;
    assert_int_equal(netvet_plan_run(&p, w->inv, w->reg, w->uk, &o, d),
                     NETVET_EINVAL);
    assert_string_equal(netvet_diag_message(d),
                        "target rule 'uk-hrv-exposure' is of kind "
                        "exposure-cap; "
                        "plan handles forbid and share-cap rules");
    assert_null(p);
    netvet_diag_free(d);

    /* with costs (ran cheap) the cap is met with ran elements only */
    p = plan(w, cap, NULL, "tests/data/whatif/costs-ok.yaml",
             NETVET_PLAN_BY_ELEMENT);
    assert_targets_pass(p, cap);
    for (size_t i = 0; i < p->n_elements; i++)
        assert_int_equal(w->inv->function[p->elements[i]], NETVET_FN_RAN);
    netvet_plan_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_baseline),
        cmocka_unit_test(test_zte_aggregation),
        cmocka_unit_test(test_ericsson_aggregation),
        cmocka_unit_test(test_check_margins),
        cmocka_unit_test(test_check_bad_question),
        cmocka_unit_test(test_plan_passes_after),
        cmocka_unit_test(test_plan_costs_and_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
