/* SPDX-License-Identifier: Apache-2.0 */
/* The public read API (netvet/results.h) and the format table, through
 * public headers only: the verdict, rule results with their margins,
 * findings with element ids, exposure rows and timings of tests/data/small
 * and of the bundled example, with exact values; an unsupported format is
 * an error naming the ones a report has. */
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
    netvet_assessment *a;
    netvet_diag *diag;
} fixture;

static int assess(void **state, const char *dir_env, const char *rel)
{
    const char *root = getenv(dir_env);
    char path[1024];
    snprintf(path, sizeof(path), "%s/%s", root ? root : ".", rel);
    fixture *f = calloc(1, sizeof(*f));
    netvet_assess_options o = NETVET_ASSESS_OPTIONS_INIT;
    o.as_of = "2026-11-23";
    if (!f || netvet_diag_new(&f->diag, NULL, NULL) < 0 ||
        netvet_inventory_load(&f->inv, path, NULL, f->diag) < 0 ||
        netvet_registry_new_builtin(&f->reg, f->diag) < 0 ||
        netvet_policy_new(&f->pol) < 0 ||
        netvet_policy_add_builtin(f->pol, "uk-ncsc-2020", f->diag) < 0 ||
        netvet_assess(&f->a, f->inv, f->reg, f->pol, &o, f->diag) < 0)
        return -1;
    *state = f;
    return 0;
}

static int setup_small(void **state)
{
    return assess(state, "NETVET_TEST_DATA", "small");
}

static int setup_example(void **state)
{
    return assess(state, "NETVET_SOURCE_DIR", "examples/uk-operator");
}

static int teardown(void **state)
{
    fixture *f = *state;
    netvet_assessment_free(f->a);
    netvet_policy_free(f->pol);
    netvet_registry_free(f->reg);
    netvet_inventory_free(f->inv);
    netvet_diag_free(f->diag);
    free(f);
    return 0;
}

/* ---- tests/data/small: fails the access cap by weight ---- */

static void test_small_verdict(void **state)
{
    fixture *f = *state;
    assert_int_equal(netvet_assessment_verdict(f->a, NETVET_SEV_ERROR),
                     NETVET_VERDICT_FAIL);
    assert_int_equal(netvet_assessment_verdict(f->a, NETVET_SEV_WARNING),
                     NETVET_VERDICT_FAIL);
    /* no gate: 1 of 15 vendors unknown (6.67% > 1%) leaves it incomplete */
    assert_int_equal(netvet_assessment_verdict(f->a, -1),
                     NETVET_VERDICT_INCOMPLETE);
    assert_string_equal(netvet_verdict_name(NETVET_VERDICT_FAIL), "fail");
    assert_string_equal(netvet_verdict_name(NETVET_VERDICT_INCOMPLETE),
                        "incomplete");
    /* the same gate as the what-if API and the severity count */
    assert_true(netvet_assessment_fails(f->a, NETVET_SEV_ERROR));
    assert_int_equal(netvet_assessment_count(f->a, NETVET_SEV_ERROR), 1);
}

static void test_small_results(void **state)
{
    fixture *f = *state;
    assert_int_equal(netvet_assessment_result_count(f->a), 6);
    netvet_rule_result r = NETVET_RULE_RESULT_INIT;
    assert_int_equal(netvet_assessment_result(f->a, 3, &r), 0);
    assert_string_equal(r.rule_id, "uk-hrv-access-cap");
    assert_string_equal(r.pack, "uk-ncsc-2020");
    assert_int_equal(r.kind, NETVET_RULE_SHARE_CAP);
    assert_int_equal(r.severity, NETVET_SEV_ERROR);
    assert_string_equal(r.subject, "CN");
    assert_string_equal(r.measure, "weight-share");
    assert_float_equal(r.value, 0.4, 1e-12);
    assert_float_equal(r.limit, 0.35, 1e-12);
    assert_float_equal(r.margin, -0.05, 1e-12);
    assert_int_equal(r.status, NETVET_RESULT_FAIL);
    assert_string_equal(r.status_name, "fail");
    assert_int_equal(netvet_assessment_result(f->a, 2, &r), 0);
    assert_string_equal(r.measure, "count-share");
    assert_int_equal(r.status, NETVET_RESULT_PASS);
    assert_string_equal(r.status_name, "pass");
    assert_int_equal(netvet_assessment_result(f->a, 4, &r), 0);
    assert_string_equal(r.rule_id, "uk-hrv-single");
    assert_int_equal(r.kind, NETVET_RULE_MAX_VENDORS);
    assert_float_equal(r.margin, 0, 1e-12);
    assert_int_equal(netvet_assessment_result(f->a, 5, &r), 0);
    assert_int_equal(r.kind, NETVET_RULE_EXPOSURE_CAP);
    assert_float_equal(r.value, 401.0 / 1003.0, 1e-12);
    assert_int_equal(netvet_assessment_result(f->a, 6, &r), NETVET_EINVAL);
    r.version = 0;
    assert_int_equal(netvet_assessment_result(f->a, 0, &r), NETVET_EINVAL);
}

static void test_small_findings(void **state)
{
    fixture *f = *state;
    assert_int_equal(netvet_assessment_finding_count(f->a), 3);
    netvet_finding x = NETVET_FINDING_INIT;
    assert_int_equal(netvet_assessment_finding(f->a, 0, &x), 0);
    assert_string_equal(x.rule_id, "uk-hrv-access-cap");
    assert_string_equal(x.pack, "uk-ncsc-2020");
    assert_int_equal(x.severity, NETVET_SEV_ERROR);
    assert_string_equal(x.subject, "CN");
    assert_string_equal(x.measure, "weight-share");
    assert_float_equal(x.value, 0.4, 1e-12);
    assert_float_equal(x.limit, 0.35, 1e-12);
    assert_string_equal(x.message, "risk domain CN (huawei) holds 40.00% of "
                                   "scope (functions access, ran) by weight; "
                                   "cap 35.00%");
    assert_non_null(strstr(x.source, "NCSC advice of 28 Jan 2020"));
    assert_int_equal(x.n_elements, 2);
    const netvet_inventory *inv = netvet_assessment_inventory(f->a);
    assert_ptr_equal(inv, f->inv);
    assert_string_equal(netvet_inventory_element_id(inv, x.elements[0]),
                        "olt-1");
    assert_string_equal(netvet_inventory_element_id(inv, x.elements[1]),
                        "gnb-2");
    assert_int_equal(netvet_assessment_finding(f->a, 2, &x), 0);
    assert_string_equal(x.rule_id, "unknown-vendor");
    assert_string_equal(x.pack, "netvet");
    assert_int_equal(x.severity, NETVET_SEV_WARNING);
    assert_int_equal(netvet_assessment_finding(f->a, 3, &x), NETVET_EINVAL);
}

static void test_small_exposure(void **state)
{
    fixture *f = *state;
    netvet_exposure_row row = NETVET_EXPOSURE_ROW_INIT;
    assert_true(netvet_assessment_exposure_count(f->a,
                                                 NETVET_EXPOSURE_DOMAIN) >= 2);
    assert_int_equal(netvet_assessment_exposure(f->a, NETVET_EXPOSURE_DOMAIN,
                                                0, &row), 0);
    assert_string_equal(row.group, "CN");
    assert_int_equal(row.elements, 2);
    assert_float_equal(row.lost_weight, 401, 1e-9);
    assert_float_equal(row.share, 401.0 / 1003.0, 1e-12);
    assert_int_equal(row.lost_sinks, 2);
    assert_int_equal(netvet_assessment_exposure(f->a, NETVET_EXPOSURE_DOMAIN,
                                                1, &row), 0);
    assert_string_equal(row.group, "SE");
    assert_float_equal(row.lost_weight, 600, 1e-9);
}

static void test_small_timings(void **state)
{
    fixture *f = *state;
    netvet_assessment_timings t = NETVET_ASSESSMENT_TIMINGS_INIT;
    assert_int_equal(netvet_assessment_get_timings(f->a, &t), 0);
    assert_int_equal(t.load[0].parts, 1);
    assert_int_equal(t.load[1].parts, 1);
    assert_true(t.view >= 0 && t.topology >= t.graph && t.threads >= 1);
    assert_true(t.core <= t.vertices);
    t.version = 99;
    assert_int_equal(netvet_assessment_get_timings(f->a, &t), NETVET_EINVAL);
}

/* ---- the bundled example: passes, with room under every cap ---- */

static void test_example(void **state)
{
    fixture *f = *state;
    assert_int_equal(netvet_assessment_verdict(f->a, NETVET_SEV_ERROR),
                     NETVET_VERDICT_PASS);
    assert_int_equal(netvet_assessment_result_count(f->a), 6);
    assert_int_equal(netvet_assessment_finding_count(f->a), 0);
    netvet_rule_result r = NETVET_RULE_RESULT_INIT;
    assert_int_equal(netvet_assessment_result(f->a, 2, &r), 0);
    assert_string_equal(r.rule_id, "uk-hrv-access-cap");
    assert_string_equal(r.measure, "count-share");
    /* 66 access + 302 RAN Huawei of 257 + 1184 elements */
    assert_float_equal(r.value, 368.0 / 1441.0, 1e-12);
    assert_float_equal(r.margin, 0.35 - 368.0 / 1441.0, 1e-12);
    assert_int_equal(netvet_assessment_exposure_count(f->a,
                                                      NETVET_EXPOSURE_DOMAIN),
                     8);
    assert_int_equal(netvet_assessment_exposure_count(f->a,
                                                      NETVET_EXPOSURE_VENDOR),
                     13);
    netvet_exposure_row row = NETVET_EXPOSURE_ROW_INIT;
    assert_int_equal(netvet_assessment_exposure(f->a, NETVET_EXPOSURE_VENDOR,
                                                0, &row), 0);
    assert_string_equal(row.group, "huawei");
    assert_float_equal(row.lost_weight, 343050, 1e-9);
    assert_float_equal(row.share, 343050.0 / 1115000.0, 1e-12);
    assert_int_equal(row.lost_sinks, 900);
    assert_int_equal(row.elements, 855);
    assert_int_equal(netvet_assessment_exposure(f->a, NETVET_EXPOSURE_VENDOR,
                                                13, &row), NETVET_EINVAL);
}

/* ---- formats ---- */

static void test_format_names(void **state)
{
    netvet_format fmt = NETVET_FORMAT_TEXT;
    assert_int_equal(netvet_format_parse("csv", &fmt), 0);
    assert_int_equal(fmt, NETVET_FORMAT_CSV);
    assert_int_equal(netvet_format_parse("json", &fmt), 0);
    assert_int_equal(fmt, NETVET_FORMAT_JSON);
    assert_int_equal(netvet_format_parse("xml", &fmt), NETVET_ENOTFOUND);
    assert_int_equal(netvet_format_parse("JSON", NULL), NETVET_ENOTFOUND);
    assert_string_equal(netvet_format_name(NETVET_FORMAT_TEXT), "text");
    assert_string_equal(netvet_format_name(NETVET_FORMAT_CSV), "csv");
    assert_int_equal(netvet_format_parse("html", &fmt), 0);
    assert_int_equal(fmt, NETVET_FORMAT_HTML);
    assert_string_equal(netvet_format_name(NETVET_FORMAT_HTML), "html");
    assert_null(netvet_format_name((netvet_format)42));
    assert_int_equal(netvet_report_check_format(NETVET_REPORT_IDENTIFY,
                                                NETVET_FORMAT_CSV, NULL), 0);
    assert_int_equal(netvet_report_check_format(NETVET_REPORT_PLAN,
                                                NETVET_FORMAT_JSON, NULL), 0);
    netvet_diag *d = NULL;
    assert_int_equal(netvet_diag_new(&d, NULL, NULL), 0);
    assert_int_equal(netvet_report_check_format(NETVET_REPORT_IDENTIFY,
                                                NETVET_FORMAT_SARIF, d),
                     NETVET_EINVAL);
    assert_string_equal(netvet_diag_message(d),
                        "format 'sarif' is not available for the identify "
                        "report (text, csv, json)");
    assert_string_equal(netvet_format_name(NETVET_FORMAT_SARIF), "sarif");
    assert_int_equal(netvet_format_parse("markdown", &fmt), 0);
    assert_int_equal(fmt, NETVET_FORMAT_MARKDOWN);
    assert_int_equal(netvet_report_check_format(NETVET_REPORT_WHATIF,
                                                NETVET_FORMAT_JUNIT, NULL), 0);
    netvet_diag_free(d);
}

static void test_format_refused(void **state)
{
    fixture *f = *state;
    netvet_report_options o = NETVET_REPORT_OPTIONS_INIT;
    o.format = (netvet_format)42;
    FILE *out = tmpfile();
    assert_non_null(out);
    assert_int_equal(netvet_report_write(out, f->a, &o, f->diag),
                     NETVET_EINVAL);
    assert_string_equal(netvet_diag_message(f->diag),
                        "format 42 is not a netvet format; the assess report "
                        "has text, json, html, sarif, csv, junit, markdown");
    assert_int_equal(ftell(out), 0); /* nothing written, no fallback */
    netvet_identify_report *r = NULL;
    o.format = (netvet_format)7;
    assert_int_equal(netvet_identify_report_new(&r, out, o.format, f->reg,
                                                f->diag), NETVET_EINVAL);
    assert_null(r);
    fclose(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_small_verdict, setup_small,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_small_results, setup_small,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_small_findings, setup_small,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_small_exposure, setup_small,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_small_timings, setup_small,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_example, setup_example, teardown),
        cmocka_unit_test(test_format_names),
        cmocka_unit_test_setup_teardown(test_format_refused, setup_small,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
