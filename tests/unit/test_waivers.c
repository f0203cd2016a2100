/* SPDX-License-Identifier: Apache-2.0 */
/* Waivers through the public API (netvet/waivers.h): every parse error
 * with its exact file:line message, and which findings a waiver covers on
 * tests/data/small as of 2026-01-01 (it fails uk-hrv-access-cap for CN by
 * weight, elements olt-1 and gnb-2): rule, subject, element subset,
 * expiry (the expires day still holds), unknown rules and elements. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "netvet/netvet.h"

typedef struct fixture {
    netvet_inventory *inv;
    netvet_registry *reg;
    netvet_policy *pol;
    netvet_diag *diag;
} fixture;

static int setup(void **state)
{
    const char *root = getenv("NETVET_TEST_DATA");
    char path[1024];
    snprintf(path, sizeof(path), "%s/small", root ? root : ".");
    fixture *f = calloc(1, sizeof(*f));
    if (!f || netvet_diag_new(&f->diag, NULL, NULL) < 0 ||
        netvet_inventory_load(&f->inv, path, NULL, f->diag) < 0 ||
        netvet_registry_new_builtin(&f->reg, f->diag) < 0 ||
        netvet_policy_new(&f->pol) < 0 ||
        netvet_policy_add_builtin(f->pol, "uk-ncsc-2020", f->diag) < 0)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    netvet_policy_free(f->pol);
    netvet_registry_free(f->reg);
    netvet_inventory_free(f->inv);
    netvet_diag_free(f->diag);
    free(f);
    return 0;
}

/* ---- parsing ---- */

/* Load `yaml` as w.yaml: the status, and the message in *msg. */
static int load(const char *yaml, char *msg, size_t size, size_t *count)
{
    netvet_diag *d = NULL;
    netvet_waivers *w = NULL;
    assert_int_equal(netvet_diag_new(&d, NULL, NULL), 0);
    assert_int_equal(netvet_waivers_new(&w), 0);
    int rc = netvet_waivers_add_buffer(w, yaml, strlen(yaml), "w.yaml", d);
    snprintf(msg, size, "%s", netvet_diag_message(d));
    *count = netvet_waivers_count(w);
    netvet_waivers_free(w);
    netvet_diag_free(d);
    return rc;
}

#define GOOD_TAIL \
    "    reason: swap in June\n" \
    "    approved_by: J. Smith\n" \
    "    expires: 2026-06-30\n"

static void expect_error(const char *yaml, const char *want)
{
    char msg[512];
    size_t n = 99;
    assert_int_equal(load(yaml, msg, sizeof msg, &n), NETVET_EPARSE);
    assert_string_equal(msg, want);
    assert_int_equal(n, 0); /* a file that fails adds nothing */
}

static void test_parse_ok(void **state)
{
    (void)state;
    char msg[512];
    size_t n = 0;
    assert_int_equal(load("waivers:\n  - rule: uk-hrv-core\n" GOOD_TAIL
                          "  - rule: uk-hrv-single\n    subject: CN\n"
                          "    elements: [a, b]\n" GOOD_TAIL,
                          msg, sizeof msg, &n),
                     0);
    assert_int_equal(n, 2);
    assert_int_equal(load("waivers: []\n", msg, sizeof msg, &n), 0);
    assert_int_equal(n, 0);
}

static void test_parse_errors(void **state)
{
    (void)state;
    expect_error("waivers:\n  - rule: x\n    approved_by: J\n"
                 "    expires: 2026-06-30\n",
                 "w.yaml:2: waiver has no 'reason'");
    expect_error("waivers:\n  - reason: r\n    approved_by: J\n"
                 "    expires: 2026-06-30\n",
                 "w.yaml:2: waiver has no 'rule'");
    expect_error("waivers:\n  - rule: x\n    reason: r\n"
                 "    expires: 2026-06-30\n",
                 "w.yaml:2: waiver has no 'approved_by'");
    expect_error("waivers:\n  - rule: x\n    reason: r\n"
                 "    approved_by: J\n",
                 "w.yaml:2: waiver has no 'expires'");
    expect_error("waivers:\n  - rule: x\n    reason: r\n"
                 "    approved_by: J\n    expires: 2026-13-01\n",
                 "w.yaml:5: bad expires date '2026-13-01' (expected "
                 "YYYY-MM-DD)");
    expect_error("waivers:\n  - rule: x\n    reason: ''\n"
                 "    approved_by: J\n    expires: 2026-06-30\n",
                 "w.yaml:3: 'reason' is empty");
    expect_error("waivers:\n  - rule: x\n    aproved_by: J\n" GOOD_TAIL,
                 "w.yaml:3: unknown key 'aproved_by' in waiver");
    expect_error("waivers:\n  - rule: x\n    elements: []\n" GOOD_TAIL,
                 "w.yaml:3: 'elements' is empty");
    expect_error("waivers: uk-hrv-core\n",
                 "w.yaml:1: 'waivers' must be a list");
    expect_error("waiver:\n  - rule: x\n",
                 "w.yaml:1: unknown key 'waiver' in waiver file");
    expect_error("{}\n", "w.yaml:1: waiver file has no 'waivers' list");
    expect_error("waivers:\n  - rule: x\n" GOOD_TAIL "  - rule: 'a b'\n"
                 GOOD_TAIL,
                 "w.yaml:6: invalid rule 'a b' (use letters, digits, '.', "
                 "'_' or '-', at most 128)");
}

/* ---- applying ---- */

typedef struct run {
    netvet_waivers *w;
    netvet_assessment *a;
    int rc;
} run;

static run assess_on(fixture *f, const char *yaml, int strict,
                     const char *as_of)
{
    run r = {0};
    netvet_assess_options o = NETVET_ASSESS_OPTIONS_INIT;
    o.as_of = as_of;
    o.strict_waivers = strict;
    o.max_unknown = 0.1; /* the fixture has 1 of 15 vendors unknown */
    assert_int_equal(netvet_waivers_new(&r.w), 0);
    assert_int_equal(netvet_waivers_add_buffer(r.w, yaml, strlen(yaml),
                                               "w.yaml", f->diag),
                     0);
    o.waivers = r.w;
    r.rc = netvet_assess(&r.a, f->inv, f->reg, f->pol, &o, f->diag);
    return r;
}

static run assess_strict(fixture *f, const char *yaml, int strict)
{
    return assess_on(f, yaml, strict, "2026-01-01");
}

static run assess(fixture *f, const char *yaml)
{
    return assess_strict(f, yaml, 1);
}

static void done(run *r)
{
    netvet_assessment_free(r->a);
    netvet_waivers_free(r->w);
}

/* The finding of rule `id` (the first), or fail. */
static netvet_finding finding(const netvet_assessment *a, const char *id)
{
    netvet_finding f = NETVET_FINDING_INIT;
    for (size_t i = 0; i < netvet_assessment_finding_count(a); i++) {
        assert_int_equal(netvet_assessment_finding(a, i, &f), 0);
        if (!strcmp(f.rule_id, id))
            return f;
    }
    fail_msg("no finding %s", id);
    return f;
}

static int waived(fixture *f, const char *selector)
{
    char yaml[512];
    snprintf(yaml, sizeof yaml, "waivers:\n  - rule: uk-hrv-access-cap\n"
             "%s" GOOD_TAIL, selector);
    run r = assess(f, yaml);
    assert_int_equal(r.rc, 0);
    int w = finding(r.a, "uk-hrv-access-cap").waived;
    /* waived: PASS (the rest are warnings); else waiver-unused fails */
    assert_int_equal(netvet_assessment_verdict(r.a, NETVET_SEV_ERROR),
                     w ? NETVET_VERDICT_PASS : NETVET_VERDICT_FAIL);
    if (!w)
        assert_int_equal(finding(r.a, "waiver-unused").severity,
                         NETVET_SEV_ERROR);
    done(&r);
    return w;
}

static void test_selectors(void **state)
{
    fixture *f = *state;
    assert_true(waived(f, ""));
    assert_true(waived(f, "    subject: CN\n"));
    assert_false(waived(f, "    subject: cn\n")); /* exact */
    assert_false(waived(f, "    subject: RU\n"));
    assert_true(waived(f, "    elements: [gnb-2, olt-1]\n"));
    assert_true(waived(f, "    elements: [olt-1, gnb-2, ont-3]\n"));
    assert_false(waived(f, "    elements: [olt-1]\n")); /* not a subset */
    assert_true(waived(f, "    subject: CN\n    elements: [olt-1, gnb-2]\n"));
}

static void test_waived_finding(void **state)
{
    fixture *f = *state;
    run r = assess(f, "waivers:\n  - rule: uk-hrv-access-cap\n" GOOD_TAIL);
    assert_int_equal(r.rc, 0);
    netvet_finding x = finding(r.a, "uk-hrv-access-cap");
    assert_int_equal(x.severity, NETVET_SEV_ERROR); /* kept as it was */
    assert_int_equal(x.waived, 1);
    assert_string_equal(x.waiver_reason, "swap in June");
    assert_string_equal(x.waiver_approved_by, "J. Smith");
    assert_string_equal(x.waiver_expires, "2026-06-30");
    assert_string_equal(x.waiver_file, "w.yaml");
    assert_int_equal(x.waiver_line, 2);
    assert_int_equal(netvet_assessment_finding_count(r.a), 3);
    netvet_finding y = finding(r.a, "uk-hrv-exposure");
    assert_int_equal(y.waived, 0);
    assert_null(y.waiver_reason);
    /* the warning still fails a warning gate */
    assert_int_equal(netvet_assessment_verdict(r.a, NETVET_SEV_WARNING),
                     NETVET_VERDICT_FAIL);
    done(&r);
}

static void test_expiry(void **state)
{
    fixture *f = *state;
    /* the expires day itself still holds */
    run r = assess(f, "waivers:\n  - rule: uk-hrv-access-cap\n"
                      "    reason: r\n    approved_by: J\n"
                      "    expires: 2026-01-01\n");
    assert_int_equal(r.rc, 0);
    assert_true(finding(r.a, "uk-hrv-access-cap").waived);
    done(&r);
    r = assess(f, "waivers:\n  - rule: uk-hrv-access-cap\n"
                  "    reason: r\n    approved_by: J\n"
                  "    expires: 2025-12-31\n");
    assert_int_equal(r.rc, 0);
    assert_false(finding(r.a, "uk-hrv-access-cap").waived);
    netvet_finding x = finding(r.a, "waiver-expired");
    assert_int_equal(x.severity, NETVET_SEV_ERROR);
    assert_string_equal(x.pack, "netvet");
    assert_string_equal(x.message,
                        "the waiver of rule 'uk-hrv-access-cap' at w.yaml:2 "
                        "expired on 2025-12-31 (approved by J); it waives "
                        "nothing");
    assert_int_equal(netvet_assessment_verdict(r.a, NETVET_SEV_ERROR),
                     NETVET_VERDICT_FAIL);
    /* an expired waiver is not also unused */
    assert_int_equal(netvet_assessment_finding_count(r.a), 4);
    done(&r);
}

static void test_unused_and_own_checks(void **state)
{
    fixture *f = *state;
    run r = assess(f, "waivers:\n  - rule: uk-hrv-access-cap\n" GOOD_TAIL
                      "  - rule: unknown-vendor\n    subject: Acme "
                      "Broadband\n" GOOD_TAIL
                      "  - rule: uk-hrv-core\n" GOOD_TAIL);
    assert_int_equal(r.rc, 0);
    assert_true(finding(r.a, "unknown-vendor").waived);
    netvet_finding x = finding(r.a, "waiver-unused");
    assert_string_equal(x.message,
                        "the waiver of rule 'uk-hrv-core' at w.yaml:11 "
                        "matches no finding; remove it or correct its "
                        "selector");
    assert_int_equal(x.waived, 0);
    done(&r);
}

static void test_fatal(void **state)
{
    fixture *f = *state;
    run r = assess(f, "waivers:\n  - rule: uk-hrv-access-cap\n" GOOD_TAIL
                      "  - rule: uk-hrv-acess-cap\n" GOOD_TAIL);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_null(r.a);
    assert_string_equal(netvet_diag_message(f->diag),
                        "w.yaml:6: waiver names rule 'uk-hrv-acess-cap', "
                        "which no loaded pack defines");
    done(&r);
    r = assess(f, "waivers:\n  - rule: uk-hrv-access-cap\n"
                  "    elements:\n      - olt-1\n      - olt-9\n" GOOD_TAIL);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_string_equal(netvet_diag_message(f->diag),
                        "w.yaml:5: waiver names element 'olt-9', which is "
                        "not in the inventory");
    done(&r);
    /* netvet's waiver checks cannot be waived */
    r = assess(f, "waivers:\n  - rule: waiver-unused\n" GOOD_TAIL);
    assert_int_equal(r.rc, NETVET_EPARSE);
    done(&r);
}

/* strict_waivers = 0 (after states): unused waivers and unknown elements
 * are left quietly unused; expiry and unknown rules still count. */
static void test_not_strict(void **state)
{
    fixture *f = *state;
    run r = assess_strict(f, "waivers:\n  - rule: uk-hrv-core\n" GOOD_TAIL
                             "  - rule: uk-hrv-access-cap\n"
                             "    elements: [olt-1, gnb-2, olt-9]\n"
                             GOOD_TAIL, 0);
    assert_int_equal(r.rc, 0);
    assert_true(finding(r.a, "uk-hrv-access-cap").waived);
    assert_int_equal(netvet_assessment_finding_count(r.a), 3);
    assert_int_equal(netvet_assessment_verdict(r.a, NETVET_SEV_ERROR),
                     NETVET_VERDICT_PASS);
    done(&r);
    r = assess_strict(f, "waivers:\n  - rule: uk-hrv-access-cap\n"
                         "    elements: [olt-9]\n" GOOD_TAIL, 0);
    assert_int_equal(r.rc, 0); /* covers nothing: olt-9 is not there */
    assert_false(finding(r.a, "uk-hrv-access-cap").waived);
    assert_int_equal(netvet_assessment_finding_count(r.a), 3);
    done(&r);
    r = assess_strict(f, "waivers:\n  - rule: uk-hrv-access-cap\n"
                         "    reason: r\n    approved_by: J\n"
                         "    expires: 2025-12-31\n", 0);
    assert_int_equal(finding(r.a, "waiver-expired").severity,
                     NETVET_SEV_ERROR);
    done(&r);
    r = assess_strict(f, "waivers:\n  - rule: nope\n" GOOD_TAIL, 0);
    assert_int_equal(r.rc, NETVET_EPARSE);
    done(&r);
}

/* A waiver of a rule not yet in force is not unused: it may be approved
 * ahead of the rule's date. On 2019-01-01 only uk-hrv-single (from
 * 2018-04-01) is in force, and passes. */
static void test_rule_not_in_force(void **state)
{
    fixture *f = *state;
    run r = assess_on(f, "waivers:\n  - rule: uk-hrv-access-cap\n" GOOD_TAIL
                         "  - rule: uk-hrv-single\n" GOOD_TAIL, 1,
                      "2019-01-01");
    assert_int_equal(r.rc, 0);
    netvet_finding x = finding(r.a, "waiver-unused");
    assert_string_equal(x.message,
                        "the waiver of rule 'uk-hrv-single' at w.yaml:6 "
                        "matches no finding; remove it or correct its "
                        "selector");
    for (size_t i = 0; i < netvet_assessment_finding_count(r.a); i++) {
        netvet_finding y = NETVET_FINDING_INIT;
        assert_int_equal(netvet_assessment_finding(r.a, i, &y), 0);
        assert_false(strstr(y.message, "uk-hrv-access-cap"));
    }
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_ok),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test_setup_teardown(test_selectors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_waived_finding, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_expiry, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unused_and_own_checks, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_fatal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_strict, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rule_not_in_force, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
