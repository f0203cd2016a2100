/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the attribution data files as inputs every report lists
 * (issue 18 item 4): each IEEE registry and the enterprises file read, with
 * its kind, path, size, SHA-256 and the date it says it was last updated;
 * the assessment keeps them; identify's provenance names them. Hashes and
 * sizes are those of sha256sum and wc -c on tests/data/attrib-data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "attrib/attrib_int.h"
#include "netvet/assess.h"
#include "netvet/attrib.h"
#include "netvet/report.h"
#include "netvet/results.h"
#include "netvet/version.h"

#define SHA_OUI "5e087c370ff4b8df3c11924e7f70dc5351417c2a7a82183bc987619701f90579"
#define SHA_MAM "b1d5ff375385243fb4767bc8f7615d04d167e00c14c7a8213d50d2fa1fe255b4"
#define SHA_OUI36 "39d25963d0d00e4a9a10b00be07252cfeea02009cc274fd7a13392096002db9f"
#define SHA_IAB "3a14977e36ad46c6346036306c3e7983aa8ed06b967fb14d496a3c6068b48fba"
#define SHA_PEN "cd00f361bc7f3f332aab1bc679d53644c4186c8fef20320a5623f4ff94b6b679"
#define SHA_PEN_UNDATED \
    "98df3badb127f6531a1ccda60a5b066209c3e3b4bc8d342367bce2727820e600"
#define SHA_PATTERNS \
    "457891491e06501237a5b7c921f869c0615775b4396e9913b8d664b292d77c57"

static char data_dir[1024]; /* tests/data/attrib-data */
static char ieee_path[4][2048], pen_path[2048], undated_path[2048],
    patterns_path[2048];

static int setup_paths(void **state)
{
    (void)state;
    static const char *const names[4] = NETVET_IEEE_FILES;
    const char *d = getenv("NETVET_TEST_DATA");
    snprintf(data_dir, sizeof data_dir, "%s/attrib-data", d ? d : "tests/data");
    for (int i = 0; i < 4; i++)
        snprintf(ieee_path[i], sizeof ieee_path[i], "%s/ieee/%s", data_dir,
                 names[i]);
    snprintf(pen_path, sizeof pen_path, "%s/enterprises.tsv", data_dir);
    snprintf(undated_path, sizeof undated_path, "%s/enterprises-undated.tsv",
             data_dir);
    snprintf(patterns_path, sizeof patterns_path, "%s/patterns/one.yaml",
             d ? d : "tests/data");
    return 0;
}

static netvet_attrib_options fixture_options(void)
{
    netvet_attrib_options o = NETVET_ATTRIB_OPTIONS_INIT;
    for (int i = 0; i < 4; i++)
        o.ieee[i] = ieee_path[i];
    o.enterprises = pen_path;
    return o;
}

static void check_input(netvet_input in, const char *kind, const char *path,
                        unsigned long long bytes, const char *sha256,
                        const char *version)
{
    assert_string_equal(in.kind, kind);
    assert_string_equal(in.path, path);
    assert_string_equal(in.sha256, sha256);
    assert_int_equal(in.has_bytes, 1);
    assert_int_equal(in.bytes, bytes);
    if (version)
        assert_string_equal(in.version, version);
    else
        assert_null(in.version);
}

/* Each file read, in the order of the options, the pattern files last;
 * a fork names the same ones. */
static void test_data_inputs(void **state)
{
    (void)state;
    netvet_attrib_options o = fixture_options();
    const char *pats[] = {patterns_path};
    o.pattern_files = pats;
    o.n_pattern_files = 1;
    netvet_registry *reg = NULL;
    netvet_attributor *a = NULL, *fork = NULL;
    assert_int_equal(netvet_registry_new_builtin(&reg, NULL), 0);
    assert_int_equal(netvet_attributor_new(&a, reg, &o, NULL), 0);
    assert_int_equal(netvet_attributor_fork(&fork, a), 0);
    for (int k = 0; k < 2; k++) {
        const netvet_attributor *x = k ? fork : a;
        assert_int_equal(netvet_attributor_input_count(x), 6);
        check_input(netvet_attributor_input(x, 0), "ieee-oui", ieee_path[0],
                    9579, SHA_OUI, "2022-08-27");
        check_input(netvet_attributor_input(x, 1), "ieee-mam", ieee_path[1],
                    147, SHA_MAM, "2022-08-27");
        check_input(netvet_attributor_input(x, 2), "ieee-oui36",
                    ieee_path[2], 154, SHA_OUI36, "2022-08-27");
        check_input(netvet_attributor_input(x, 3), "ieee-iab", ieee_path[3],
                    60, SHA_IAB, "2022-08-27");
        check_input(netvet_attributor_input(x, 4), "enterprises", pen_path,
                    1648, SHA_PEN, "2024-08-23");
        check_input(netvet_attributor_input(x, 5), "patterns", patterns_path,
                    227, SHA_PATTERNS, NULL);
        netvet_input none = netvet_attributor_input(x, 6);
        assert_null(none.path);
        assert_null(none.kind);
        assert_int_equal(none.has_bytes, 0);
    }
    /* and read them: 110 MA-L rows, 1 MA-M, 1 MA-S, no IAB */
    assert_int_equal(netvet_attributor_oui_blocks(a), 110 + 1 + 1);
    netvet_attributor_free(fork);
    netvet_attributor_free(a);
    netvet_registry_free(reg);
}

/* Only what was read: no file named, no input; an enterprises file
 * whose header states no date has no version, never an invented one. */
static void test_only_files_read(void **state)
{
    (void)state;
    netvet_attrib_options o = NETVET_ATTRIB_OPTIONS_INIT;
    o.ieee[1] = ieee_path[1];
    o.enterprises = undated_path;
    netvet_registry *reg = NULL;
    netvet_attributor *a = NULL;
    assert_int_equal(netvet_registry_new_builtin(&reg, NULL), 0);
    assert_int_equal(netvet_attributor_new(&a, reg, &o, NULL), 0);
    assert_int_equal(netvet_attributor_input_count(a), 2);
    check_input(netvet_attributor_input(a, 0), "ieee-mam", ieee_path[1], 147,
                SHA_MAM, "2022-08-27");
    check_input(netvet_attributor_input(a, 1), "enterprises", undated_path,
                111, SHA_PEN_UNDATED, NULL);
    assert_int_equal(netvet_attributor_enterprises(a), 2);
    netvet_attributor_free(a);
    o = (netvet_attrib_options)NETVET_ATTRIB_OPTIONS_INIT;
    assert_int_equal(netvet_attributor_new(&a, reg, &o, NULL), 0);
    assert_int_equal(netvet_attributor_input_count(a), 0);
    netvet_attributor_free(a);
    netvet_registry_free(reg);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* .lastupdate: Unix seconds as the UTC date; anything else, or no file,
 * is no date. A path without a directory looks in ".". */
static void test_lastupdate(void **state)
{
    (void)state;
    char dir[] = "/tmp/netvet-lastupdate-XXXXXX", lu[64], csv[64];
    assert_non_null(mkdtemp(dir));
    snprintf(lu, sizeof lu, "%s/.lastupdate", dir);
    snprintf(csv, sizeof csv, "%s/oui.csv", dir);
    char date[11] = "";
    assert_int_equal(nv_ieee_lastupdate(csv, date), 0); /* no file */
    static const struct {
        const char *text, *date;
    } cases[] = {
        {"1661630937\n", "2022-08-27"}, /* Debian ieee-data 20220827.1 */
        {"1661630937", "2022-08-27"},
        {"0\n", "1970-01-01"},
        {"86399\n", "1970-01-01"},
        {"86400\n", "1970-01-02"},
        {"99999999999\n", "5138-11-16"}, /* the most digits read: 11 */
        {"253402300799\n", NULL},         /* 12 digits */
        {"-1\n", NULL},
        {"1661630937 x\n", NULL},
        {"2022-08-27\n", NULL},
        {"\n", NULL},
        {"", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_file(lu, cases[i].text);
        memset(date, 0, sizeof date);
        int got = nv_ieee_lastupdate(csv, date);
        if (cases[i].date) {
            assert_int_equal(got, 1);
            assert_string_equal(date, cases[i].date);
        } else if (got) {
            fail_msg("'%s' gave %s", cases[i].text, date);
        }
    }
    unlink(lu);
    rmdir(dir);
}

/* "last updated YYYY-MM-DD" in the header: IANA's enterprise-numbers and
 * Wireshark's enterprises.tsv; not after the first row; never a
 * malformed date. */
static void test_pen_last_updated(void **state)
{
    (void)state;
    static const struct {
        const char *text, *date;
    } cases[] = {
        {"PRIVATE ENTERPRISE NUMBERS\n\n(last updated 2024-08-23)\n\nSMI "
         "Network Management Private Enterprise Codes:\n\n0\n  Reserved\n",
         "2024-08-23"},
        {"#\n# generated from https://www.iana.org/assignments/"
         "enterprise-numbers/enterprise-numbers\n#\n# (last updated "
         "2024-08-23)\n\n0\tReserved\n", "2024-08-23"},
        {"# Last Updated: 2021-02-03\n9\tciscoSystems\n", "2021-02-03"},
        {"#\n# no date here\n9\tciscoSystems\n", NULL},
        {"9\tciscoSystems\n# (last updated 2024-08-23)\n", NULL},
        {"# (last updated 2024-02-30)\n9\tciscoSystems\n", NULL},
        {"# (last updated 24-08-23)\n", NULL},
        {"# (last updated 2024-08-2", NULL},
        {"", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char date[11] = "";
        int got = nv_pen_last_updated(cases[i].text, strlen(cases[i].text),
                                      date);
        if (cases[i].date) {
            assert_int_equal(got, 1);
            assert_string_equal(date, cases[i].date);
        } else if (got) {
            fail_msg("case %zu gave %s", i, date);
        }
    }
    char date[11] = ""; /* an empty buffer as (NULL, 0): no offset on NULL */
    assert_int_equal(nv_pen_last_updated(NULL, 0, date), 0);
    assert_string_equal(date, "");
}

/* The assessment keeps the attributor's inputs (after the attributor is
 * gone) with sizes and versions. */
static void test_assessment_inputs(void **state)
{
    (void)state;
    static const char el[] = "id,vendor,function,weight,mac\n"
                             "c1,Huawei,core,0,00:e0:fc:00:00:01\n";
    netvet_inventory *inv = NULL;
    netvet_registry *reg = NULL;
    netvet_policy *pol = NULL;
    netvet_attributor *at = NULL;
    netvet_assessment *a = NULL;
    netvet_attrib_options ao = fixture_options();
    netvet_assess_options o = NETVET_ASSESS_OPTIONS_INIT;
    o.as_of = "2026-01-01";
    assert_int_equal(netvet_inventory_load_buffers(&inv, el, strlen(el), "e",
                                                   NULL, 0, NULL, NULL, NULL),
                     0);
    assert_int_equal(netvet_registry_new_builtin(&reg, NULL), 0);
    assert_int_equal(netvet_policy_new(&pol), 0);
    assert_int_equal(netvet_policy_add_builtin(pol, "uk-ncsc-2020", NULL), 0);
    assert_int_equal(netvet_attributor_new(&at, reg, &ao, NULL), 0);
    o.attributor = at;
    assert_int_equal(netvet_assess(&a, inv, reg, pol, &o, NULL), 0);
    netvet_attributor_free(at);
    assert_int_equal(netvet_assessment_input_count(a), 5);
    check_input(netvet_assessment_input(a, 0), "ieee-oui", ieee_path[0], 9579,
                SHA_OUI, "2022-08-27");
    check_input(netvet_assessment_input(a, 4), "enterprises", pen_path, 1648,
                SHA_PEN, "2024-08-23");
    netvet_assessment_free(a);
    netvet_policy_free(pol);
    netvet_registry_free(reg);
    netvet_inventory_free(inv);
}

/* identify's text provenance: the inventory with its size and hash, then
 * every data file, exactly. */
static void test_identify_provenance(void **state)
{
    (void)state;
    static const char el[] = "id,vendor,mac\nc1,Huawei,00:e0:fc:00:00:01\n";
    netvet_inventory *inv = NULL;
    netvet_registry *reg = NULL;
    netvet_attributor *at = NULL;
    netvet_identify_report *r = NULL;
    netvet_attrib_options ao = fixture_options();
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    lo.sha256 = 1;
    lo.evidence_only = 1; /* as identify loads */
    assert_int_equal(netvet_inventory_load_buffers(&inv, el, strlen(el), "ev.csv",
                                                   NULL, 0, NULL, &lo, NULL),
                     0);
    assert_int_equal(netvet_registry_new_builtin(&reg, NULL), 0);
    assert_int_equal(netvet_attributor_new(&at, reg, &ao, NULL), 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(netvet_identify_report_new(&r, f, NETVET_FORMAT_TEXT,
                                                reg, NULL), 0);
    assert_int_equal(netvet_identify_report_add(r, inv, at), 0);
    const char *files[] = {"ev.csv"};
    assert_int_equal(netvet_identify_report_finish(r, files, 1), 0);
    fclose(f);
    const char *p = strstr(buf, "\nProvenance\n");
    assert_non_null(p);
    char want[16384];
    snprintf(want, sizeof want,
             "\nProvenance\n  netvet %s\n"
             "  elements ev.csv: 42 bytes, sha256 "
             "1f19c4dc0ca40a83c92192c94da1e4a404aa8e5e887fdd98569ef229cdcfec4f\n"
             "  ieee-oui %s: 9579 bytes, sha256 " SHA_OUI ", version 2022-08-27\n"
             "  ieee-mam %s: 147 bytes, sha256 " SHA_MAM ", version 2022-08-27\n"
             "  ieee-oui36 %s: 154 bytes, sha256 " SHA_OUI36
             ", version 2022-08-27\n"
             "  ieee-iab %s: 60 bytes, sha256 " SHA_IAB ", version 2022-08-27\n"
             "  enterprises %s: 1648 bytes, sha256 " SHA_PEN
             ", version 2024-08-23\n",
             netvet_version(), ieee_path[0], ieee_path[1], ieee_path[2],
             ieee_path[3], pen_path);
    assert_string_equal(p, want);
    free(buf);
    netvet_identify_report_free(r);
    netvet_attributor_free(at);
    netvet_registry_free(reg);
    netvet_inventory_free(inv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_data_inputs),
        cmocka_unit_test(test_only_files_read),
        cmocka_unit_test(test_lastupdate),
        cmocka_unit_test(test_pen_last_updated),
        cmocka_unit_test(test_assessment_inputs),
        cmocka_unit_test(test_identify_provenance),
    };
    return cmocka_run_group_tests(tests, setup_paths, NULL);
}
