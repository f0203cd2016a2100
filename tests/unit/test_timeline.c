/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the timeline: a change's `date:` parsed, the changes put in
 * the order the timeline applies them (date, undated first; then scenario;
 * then file order), the dates collected (rule effective dates, dated
 * changes, from/to and their defaults), and a run on a three-element
 * network with exact verdicts, rule states and applied changes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "inventory/inv.h"
#include "netvet/netvet.h"
#include "scenario/scenario.h"
#include "util/alloc.h"
#include "whatif/timeline.h"

static int32_t day(const char *s)
{
    int32_t d = 0;
    assert_int_equal(nv_parse_date(s, strlen(s), &d), 0);
    return d;
}

static netvet_scenario *scenario(const char *y)
{
    netvet_scenario *s = NULL;
    assert_int_equal(netvet_scenario_load_buffer(&s, y, strlen(y), "s.yaml",
                                                 NULL), 0);
    return s;
}

static const char plan_a[] =
    "changes:\n"
    "  - replace: {from: Huawei, to: Nokia}\n"
    "    date: 2024-01-01\n"
    "  - replace: {from: Huawei, to: Nokia}\n"
    "  - replace: {from: Huawei, to: Nokia}\n"
    "    date: 2023-01-01\n";
static const char plan_b[] =
    "changes:\n"
    "  - replace: {from: Huawei, to: Nokia}\n"
    "    date: 2023-01-01\n"
    "  - replace: {from: Huawei, to: Nokia}\n";

static void test_parse_date(void **state)
{
    (void)state;
    netvet_scenario *a = scenario(plan_a);
    assert_int_equal(a->changes[0].has_date, 1);
    assert_int_equal(a->changes[0].date, day("2024-01-01"));
    assert_int_equal(a->changes[0].date_line, 3);
    assert_int_equal(a->changes[1].has_date, 0);
    netvet_scenario_free(a);
    static const char bad[] = "changes:\n"
                              "  - replace: {from: Huawei, to: Nokia}\n"
                              "    date: 2023-02-29\n";
    netvet_scenario *s = NULL;
    netvet_diag *d = NULL;
    assert_int_equal(netvet_diag_new(&d, NULL, NULL), 0);
    assert_int_equal(netvet_scenario_load_buffer(&s, bad, strlen(bad),
                                                 "b.yaml", d), NETVET_EPARSE);
    assert_string_equal(netvet_diag_message(d),
                        "b.yaml:3: 'date' must be a date YYYY-MM-DD");
    netvet_diag_free(d);
}

static void test_event_order(void **state)
{
    (void)state;
    netvet_scenario *sc[2] = {scenario(plan_a), scenario(plan_b)};
    nv_tl_event *ev = NULL;
    size_t n = 0;
    assert_int_equal(nv_tl_events((const netvet_scenario *const *)sc, 2, &ev,
                                  &n), 0);
    assert_int_equal(n, 5);
    const size_t want[5][2] = {{0, 1}, {1, 1}, {0, 2}, {1, 0}, {0, 0}};
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(ev[i].scenario, want[i][0]);
        assert_int_equal(ev[i].change, want[i][1]);
    }
    assert_int_equal(ev[0].day, NV_TL_UNDATED);
    assert_int_equal(ev[1].day, NV_TL_UNDATED);
    assert_int_equal(ev[2].day, day("2023-01-01"));
    assert_int_equal(ev[4].day, day("2024-01-01"));
    nv_free(ev);
    netvet_scenario_free(sc[0]);
    netvet_scenario_free(sc[1]);
}

static const char pack[] =
    "pack: t\n"
    "title: t\n"
    "source: [s]\n"
    "high_risk: {listings: [uk-designated-vendor]}\n"
    "rules:\n"
    "  - {id: r-core, kind: forbid, title: t, severity: error,\n"
    "     vendors: high-risk, scope: {functions: [core]},\n"
    "     effective: 2023-12-31, source: s}\n"
    "  - {id: r-always, kind: forbid, title: t, severity: warning,\n"
    "     vendors: high-risk, scope: {functions: [ran]}, source: s}\n"
    "  - {id: r-ran, kind: forbid, title: t, severity: error,\n"
    "     vendors: high-risk, scope: {functions: [ran]},\n"
    "     effective: 2022-10-13, source: s}\n"
    "  - {id: r-dup, kind: forbid, title: t, severity: error,\n"
    "     vendors: high-risk, scope: {functions: [ran]},\n"
    "     effective: 2023-12-31, source: s}\n";

static netvet_policy *policy(void)
{
    netvet_policy *p = NULL;
    assert_int_equal(netvet_policy_new(&p), 0);
    assert_int_equal(netvet_policy_add_buffer(p, pack, strlen(pack), "p.yaml",
                                              NULL), 0);
    return p;
}

/* nv_tl_dates into "YYYY-MM-DD ..." */
static int dates_extra(const netvet_policy *p, const nv_tl_event *ev,
                       size_t n, const int32_t *extra, size_t n_extra,
                       const char *from, const char *to, char *out)
{
    int32_t *d = NULL;
    size_t nd = 0;
    int rc = nv_tl_dates(p, ev, n, extra, n_extra,
                         from ? day(from) : NV_TL_UNDATED,
                         to ? day(to) : NV_TL_UNDATED, day("2030-01-01"),
                         &d, &nd, NULL);
    out[0] = '\0';
    for (size_t i = 0; rc == 0 && i < nd; i++) {
        char b[11];
        nv_format_date(d[i], b);
        strcat(out, i ? " " : "");
        strcat(out, b);
    }
    nv_free(d);
    return rc;
}

static int dates(const netvet_policy *p, const nv_tl_event *ev, size_t n,
                 const char *from, const char *to, char *out)
{
    return dates_extra(p, ev, n, NULL, 0, from, to, out);
}

static void test_dates(void **state)
{
    (void)state;
    netvet_policy *p = policy();
    netvet_scenario *sc[1] = {scenario(plan_a)};
    nv_tl_event *ev = NULL;
    size_t n = 0;
    assert_int_equal(nv_tl_events((const netvet_scenario *const *)sc, 1, &ev,
                                  &n), 0);
    char out[256];
    assert_int_equal(dates(p, ev, n, NULL, NULL, out), 0);
    assert_string_equal(out, "2022-10-13 2023-01-01 2023-12-31 2024-01-01");
    assert_int_equal(dates(p, ev, n, "2023-01-02", NULL, out), 0);
    assert_string_equal(out, "2023-01-02 2023-12-31 2024-01-01");
    assert_int_equal(dates(p, ev, n, "2020-01-01", "2023-12-31", out), 0);
    assert_string_equal(out, "2020-01-01 2022-10-13 2023-01-01 2023-12-31");
    assert_int_equal(dates(p, ev, n, "2025-01-01", NULL, out), 0);
    assert_string_equal(out, "2025-01-01");
    assert_int_equal(dates(p, ev, n, "2024-01-01", "2023-01-01", out),
                     NETVET_EINVAL);
    assert_int_equal(dates(NULL, NULL, 0, NULL, NULL, out), 0);
    assert_string_equal(out, "2030-01-01");
    /* listing days add points inside (from, to] but never move from/to */
    int32_t extra[] = {day("2021-03-12"), day("2023-06-15"),
                       day("2023-06-15"), day("2023-12-31"),
                       day("2026-01-01")};
    assert_int_equal(dates_extra(p, ev, n, extra, 5, NULL, NULL, out), 0);
    assert_string_equal(out, "2022-10-13 2023-01-01 2023-06-15 2023-12-31 "
                             "2024-01-01");
    assert_int_equal(dates_extra(p, ev, n, extra, 5, "2021-03-12",
                                 "2021-12-31", out), 0);
    assert_string_equal(out, "2021-03-12");
    nv_free(ev);
    netvet_scenario_free(sc[0]);
    netvet_policy_free(p);
}

static const char elements[] =
    "id,vendor,function,weight\n"
    "c1,Huawei,core,0\n"
    "c2,Nokia,core,0\n"
    "r1,Ericsson,ran,10\n";
static const char swap[] =
    "scenario: swap\n"
    "changes:\n"
    "  - replace: {from: Huawei, to: Nokia}\n"
    "    where: {function: core}\n"
    "    date: 2024-03-31\n";

static void test_run(void **state)
{
    (void)state;
    netvet_registry *reg = NULL;
    netvet_inventory *inv = NULL;
    netvet_policy *p = policy();
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    assert_int_equal(netvet_registry_new_builtin(&reg, NULL), 0);
    assert_int_equal(netvet_inventory_load_buffers(&inv, elements,
                                                   strlen(elements), "e.csv",
                                                   NULL, 0, NULL, &lo, NULL),
                     0);
    netvet_scenario *sc[1] = {scenario(swap)};
    netvet_timeline_options o = {NETVET_TIMELINE_OPTIONS_VERSION, NULL, NULL,
                                 NETVET_SEV_ERROR,
                                 NETVET_ASSESS_OPTIONS_INIT};
    netvet_timeline *t = NULL;
    assert_int_equal(netvet_timeline_run(&t, inv, reg, p,
                                         (const netvet_scenario *const *)sc,
                                         1, &o, NULL), 0);
    assert_int_equal(netvet_timeline_point_count(t), 3);
    const char *want_date[3] = {"2022-10-13", "2023-12-31", "2024-03-31"};
    const netvet_verdict want_v[3] = {NETVET_VERDICT_PASS, NETVET_VERDICT_FAIL,
                                      NETVET_VERDICT_PASS};
    const size_t want_changes[3] = {0, 0, 1};
    for (size_t i = 0; i < 3; i++) {
        netvet_timeline_point pt = NETVET_TIMELINE_POINT_INIT;
        assert_int_equal(netvet_timeline_get_point(t, i, &pt), 0);
        assert_string_equal(pt.date, want_date[i]);
        assert_int_equal(pt.verdict, want_v[i]);
        assert_int_equal(pt.changes, want_changes[i]);
        assert_int_equal(pt.rules, 4);
    }
    netvet_timeline_rule r = NETVET_TIMELINE_RULE_INIT;
    assert_int_equal(netvet_timeline_get_rule(t, 2, 0, &r), 0);
    assert_string_equal(r.rule_id, "r-core");
    assert_int_equal(r.status, NETVET_RESULT_PASS);
    assert_int_equal(r.has_previous, 1);
    assert_int_equal(r.previous, NETVET_RESULT_FAIL);
    assert_int_equal(netvet_timeline_get_rule(t, 0, 0, &r), 0);
    assert_int_equal(r.status, NETVET_RESULT_NOT_IN_EFFECT);
    assert_int_equal(r.has_previous, 0);
    netvet_timeline_change c = NETVET_TIMELINE_CHANGE_INIT;
    assert_int_equal(netvet_timeline_get_change(t, 2, 0, &c), 0);
    assert_string_equal(c.scenario, "swap");
    assert_string_equal(c.date, "2024-03-31");
    assert_string_equal(c.action, "replace");
    assert_int_equal(c.line, 3);
    assert_int_equal(c.elements, 1);
    assert_int_equal(netvet_timeline_get_change(t, 1, 0, &c), NETVET_EINVAL);
    netvet_timeline_free(t);
    netvet_scenario_free(sc[0]);
    netvet_inventory_free(inv);
    netvet_policy_free(p);
    netvet_registry_free(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_date),
        cmocka_unit_test(test_event_order),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
