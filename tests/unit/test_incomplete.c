/* SPDX-License-Identifier: Apache-2.0 */
/* The INCOMPLETE verdict through the public API only: each reason an
 * assessment records (code and exact message) on small in-memory
 * inventories, the options that waive them (allow_skipped, max_unknown),
 * FAIL winning over INCOMPLETE, empty scopes as not-applicable, and the
 * errors for a user pack's scope value or a source selector that matches
 * nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "netvet/netvet.h"

typedef struct run {
    netvet_inventory *inv;
    netvet_registry *reg;
    netvet_policy *pol;
    netvet_assessment *a;
    netvet_diag *diag;
    int rc;
} run;

/* Assess `elements` (and `links`, may be NULL) on 2026-01-01 with the
 * uk-ncsc-2020 pack, plus the pack `pack` when not NULL. */
static void assess(run *r, const char *elements, const char *links,
                   const char *pack, netvet_assess_options *o)
{
    netvet_assess_options def = NETVET_ASSESS_OPTIONS_INIT;
    memset(r, 0, sizeof(*r));
    o = o ? o : &def;
    o->as_of = "2026-01-01";
    assert_int_equal(netvet_diag_new(&r->diag, NULL, NULL), 0);
    assert_int_equal(netvet_inventory_load_buffers(
                         &r->inv, elements, strlen(elements), "e.csv", links,
                         links ? strlen(links) : 0, links ? "l.csv" : NULL,
                         NULL, r->diag), 0);
    assert_int_equal(netvet_registry_new_builtin(&r->reg, r->diag), 0);
    assert_int_equal(netvet_policy_new(&r->pol), 0);
    assert_int_equal(netvet_policy_add_builtin(r->pol, "uk-ncsc-2020",
                                               r->diag), 0);
    if (pack)
        assert_int_equal(netvet_policy_add_buffer(r->pol, pack, strlen(pack),
                                                  "p.yaml", r->diag), 0);
    r->rc = netvet_assess(&r->a, r->inv, r->reg, r->pol, o, r->diag);
}

static void done(run *r)
{
    netvet_assessment_free(r->a);
    netvet_policy_free(r->pol);
    netvet_registry_free(r->reg);
    netvet_inventory_free(r->inv);
    netvet_diag_free(r->diag);
}

static void assert_reason(const run *r, size_t i, const char *code,
                          const char *message)
{
    const char *msg = NULL;
    assert_string_equal(netvet_assessment_incomplete(r->a, i, &msg), code);
    assert_string_equal(msg, message);
}

/* core, two OLTs (Nokia carries 75 of 100 weight, Huawei 25), links. */
static const char *const good =
    "id,vendor,function,weight\n"
    "core-1,Cisco,core,0\n"
    "olt-1,Nokia,olt,75\n"
    "olt-2,Nokia,olt,0\n"
    "olt-3,Huawei,olt,25\n";
static const char *const good_links =
    "a,b\ncore-1,olt-1\ncore-1,olt-2\ncore-1,olt-3\n";

static void test_complete(void **state)
{
    (void)state;
    run r;
    assess(&r, good, good_links, NULL, NULL);
    assert_int_equal(r.rc, 0);
    assert_int_equal(netvet_assessment_incomplete_count(r.a), 0);
    assert_null(netvet_assessment_incomplete(r.a, 0, NULL));
    assert_int_equal(netvet_assessment_verdict(r.a, NETVET_SEV_ERROR),
                     NETVET_VERDICT_PASS);
    done(&r);
}

static void test_nothing_counted(void **state)
{
    (void)state;
    run r;
    assess(&r, "id,vendor,function\n", NULL, NULL, NULL);
    assert_int_equal(r.rc, 0);
    assert_int_equal(netvet_assessment_incomplete_count(r.a), 1);
    assert_reason(&r, 0, "nothing-counted",
                  "nothing counted: no element is in service on 2026-01-01");
    assert_int_equal(netvet_assessment_verdict(r.a, NETVET_SEV_ERROR),
                     NETVET_VERDICT_INCOMPLETE);
    assert_string_equal(netvet_verdict_name(NETVET_VERDICT_INCOMPLETE),
                        "incomplete");
    /* every rule has an empty scope: not-applicable, never pass */
    netvet_rule_result res = NETVET_RULE_RESULT_INIT;
    for (size_t i = 0; i < netvet_assessment_result_count(r.a); i++) {
        assert_int_equal(netvet_assessment_result(r.a, i, &res), 0);
        assert_int_equal(res.status, NETVET_RESULT_NOT_APPLICABLE);
        assert_float_equal(res.margin, 0, 0);
    }
    done(&r);
}

static const char *const skipped =
    "id,vendor,function,weight\n"
    "core-1,Cisco,core,0\n"
    "olt-1,Nokia,olt,75\n"
    "olt-2,Nokia,olt,x\n"
    "olt-3,Huawei,olt,25\n"
    "olt-4,Nokia,olt,0\n";

static void test_rows_skipped(void **state)
{
    (void)state;
    run r;
    assess(&r, skipped, good_links, NULL, NULL);
    assert_int_equal(r.rc, 0);
    assert_int_equal(netvet_assessment_incomplete_count(r.a), 1);
    assert_reason(&r, 0, "rows-skipped",
                  "1 of 5 element rows and 1 of 3 link rows skipped while "
                  "loading: what they hold was not assessed; rules they "
                  "could affect: uk-hrv-core, uk-hrv-sensitive, "
                  "uk-hrv-access-cap, uk-hrv-single, uk-hrv-exposure");
    assert_int_equal(netvet_assessment_verdict(r.a, NETVET_SEV_ERROR),
                     NETVET_VERDICT_INCOMPLETE);
    done(&r);
    netvet_assess_options o = NETVET_ASSESS_OPTIONS_INIT;
    o.allow_skipped = 1;
    assess(&r, skipped, good_links, NULL, &o);
    assert_int_equal(netvet_assessment_incomplete_count(r.a), 0);
    assert_int_equal(netvet_assessment_verdict(r.a, NETVET_SEV_ERROR),
                     NETVET_VERDICT_PASS);
    done(&r);
}

static const char *const unknown =
    "id,vendor,function,weight\n"
    "core-1,Cisco,core,0\n"
    "olt-1,Nokia,olt,90\n"
    "olt-2,Nokia,olt,0\n"
    "olt-3,Acme,olt,10\n";

static void test_unknown_vendors(void **state)
{
    (void)state;
    run r;
    assess(&r, unknown, good_links, NULL, NULL);
    assert_int_equal(netvet_assessment_incomplete_count(r.a), 1);
    assert_reason(&r, 0, "unknown-vendors",
                  "vendor not identified for 1 of 4 counted elements "
                  "(25.00%, 10.00% of their weight); at most 1.00% allowed");
    /* a finding at the gate is real: FAIL wins over INCOMPLETE */
    assert_int_equal(netvet_assessment_verdict(r.a, NETVET_SEV_WARNING),
                     NETVET_VERDICT_FAIL);
    assert_int_equal(netvet_assessment_verdict(r.a, NETVET_SEV_ERROR),
                     NETVET_VERDICT_INCOMPLETE);
    assert_int_equal(netvet_assessment_verdict(r.a, -1),
                     NETVET_VERDICT_INCOMPLETE);
    done(&r);
    netvet_assess_options o = NETVET_ASSESS_OPTIONS_INIT;
    o.max_unknown = 0.25; /* 25% of elements, 10% of weight: at the limit */
    assess(&r, unknown, good_links, NULL, &o);
    assert_int_equal(netvet_assessment_incomplete_count(r.a), 0);
    done(&r);
    o.max_unknown = 1.5;
    assess(&r, unknown, good_links, NULL, &o);
    assert_int_equal(r.rc, NETVET_EINVAL);
    done(&r);
}

/* A pack whose only rule is scoped on the RAN: nothing in scope here. */
static const char *const ran_pack =
    "pack: ran-only\ntitle: t\nsource: s\nhigh_risk:\n  countries: [CN]\n"
    "rules:\n  - id: no-cn-ran\n    kind: forbid\n    title: t\n"
    "    scope: {functions: [ran]}\n    source: s\n";

static void test_no_rule_applies(void **state)
{
    (void)state;
    run r;
    memset(&r, 0, sizeof(r));
    netvet_assess_options o = NETVET_ASSESS_OPTIONS_INIT;
    o.as_of = "2026-01-01";
    assert_int_equal(netvet_diag_new(&r.diag, NULL, NULL), 0);
    assert_int_equal(netvet_inventory_load_buffers(
                         &r.inv, good, strlen(good), "e.csv", good_links,
                         strlen(good_links), "l.csv", NULL, r.diag), 0);
    assert_int_equal(netvet_registry_new_builtin(&r.reg, r.diag), 0);
    assert_int_equal(netvet_policy_new(&r.pol), 0);
    assert_int_equal(netvet_policy_add_buffer(r.pol, ran_pack,
                                              strlen(ran_pack), "p.yaml",
                                              r.diag), 0);
    assert_int_equal(netvet_assess(&r.a, r.inv, r.reg, r.pol, &o, r.diag), 0);
    assert_int_equal(netvet_assessment_incomplete_count(r.a), 1);
    assert_reason(&r, 0, "no-rule-applies",
                  "no rule applies on 2026-01-01: every rule is not in "
                  "effect or has nothing in scope");
    netvet_rule_result res = NETVET_RULE_RESULT_INIT;
    assert_int_equal(netvet_assessment_result(r.a, 0, &res), 0);
    assert_string_equal(res.status_name, "not-applicable");
    done(&r);
}

static void test_no_sources_no_sinks(void **state)
{
    (void)state;
    run r;
    assess(&r,
           "id,vendor,function,weight\nagg-1,Nokia,aggregation,0\n"
           "agg-2,Nokia,aggregation,0\n",
           "a,b\nagg-1,agg-2\n", NULL, NULL);
    assert_int_equal(netvet_assessment_incomplete_count(r.a), 2);
    assert_reason(&r, 0, "no-sources",
                  "exposure has no sources: no counted element matches "
                  "function core");
    assert_reason(&r, 1, "no-sinks",
                  "exposure has no sinks: no counted element carries "
                  "customer weight");
    done(&r);
}

static void test_unmatched_scope_and_sources(void **state)
{
    (void)state;
    run r;
    const char *pack =
        "pack: typo\ntitle: t\nsource: s\nhigh_risk:\n  countries: [CN]\n"
        "rules:\n  - id: cap\n    kind: forbid\n    title: t\n"
        "    scope: {regions: [Londn]}\n    source: s\n";
    assess(&r, good, good_links, pack, NULL);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_null(r.a);
    assert_string_equal(netvet_diag_message(r.diag),
                        "p.yaml:10: rule 'cap': region value 'Londn' matches "
                        "no element of the inventory (it has no such "
                        "column)");
    done(&r);
    static const char *const ext[] = {"tag:external", NULL};
    netvet_assess_options o = NETVET_ASSESS_OPTIONS_INIT;
    o.sources = ext;
    assess(&r, good, good_links, NULL, &o);
    assert_int_equal(r.rc, NETVET_EINVAL);
    assert_string_equal(netvet_diag_message(r.diag),
                        "source selector 'tag:external' matches no element");
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_complete),
        cmocka_unit_test(test_nothing_counted),
        cmocka_unit_test(test_rows_skipped),
        cmocka_unit_test(test_unknown_vendors),
        cmocka_unit_test(test_no_rule_applies),
        cmocka_unit_test(test_no_sources_no_sinks),
        cmocka_unit_test(test_unmatched_scope_and_sources),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
