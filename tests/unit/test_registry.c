/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the vendor registry: the built-in file, name normalisation
 * and resolution, parents and jurisdictions, overlays, and every kind of
 * malformed overlay with its exact diagnostic. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "netvet/vendors.h"
#include "vendors/names.h"
#include "vendors/registry_int.h"

#define BUILTIN_VENDORS 204 /* data/registry.yaml 65 + data/registry-world.yaml 139 */

static netvet_registry *builtin(void)
{
    netvet_registry *reg = NULL;
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    int rc = netvet_registry_new_builtin(&reg, diag);
    if (rc != 0)
        fail_msg("builtin registry: %s", netvet_diag_message(diag));
    netvet_diag_free(diag);
    return reg;
}

static int resolve(const netvet_registry *reg, const char *name)
{
    return netvet_registry_resolve(reg, name, strlen(name));
}

static const char *resolve_id(const netvet_registry *reg, const char *name)
{
    int i = resolve(reg, name);
    return i < 0 ? "(none)" : netvet_registry_vendor(reg, (size_t)i)->id;
}

/* Overlay `text` named overlay.yaml; *msg gets the diagnostic. */
static int overlay(netvet_registry *reg, const char *text, char *msg,
                   size_t msg_size)
{
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    int rc = netvet_registry_overlay_buffer(reg, text, strlen(text),
                                            "overlay.yaml", diag);
    snprintf(msg, msg_size, "%s", netvet_diag_message(diag));
    netvet_diag_free(diag);
    return rc;
}

static void test_builtin_loads(void **state)
{
    (void)state;
    netvet_registry *reg = builtin();
    assert_int_equal(netvet_registry_count(reg), BUILTIN_VENDORS);
    int zte = netvet_registry_find(reg, "zte");
    assert_true(zte >= 0);
    const netvet_vendor *v = netvet_registry_vendor(reg, (size_t)zte);
    assert_string_equal(v->name, "ZTE Corporation");
    assert_string_equal(v->country, "CN");
    assert_int_equal(v->n_pens, 2);
    assert_int_equal(v->pens[0], 3902);
    assert_int_equal(nv_registry_find_pen(reg, 2011),
                     netvet_registry_find(reg, "huawei"));
    assert_int_equal(nv_registry_find_pen(reg, 637),
                     netvet_registry_find(reg, "nokia"));
    assert_int_equal(nv_registry_find_pen(reg, 1), -1);
    assert_int_equal(netvet_registry_find(reg, "ZTE"), -1);
    assert_null(netvet_registry_vendor(reg, BUILTIN_VENDORS));
    netvet_registry_free(reg);
}

static void test_resolve_matches(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"ZTE Corp.", "zte"},
        {"ZTE Corporation", "zte"},
        {"zte", "zte"},
        {"Zhongxing Telecommunication Equipment", "zte"},
        {"Zhongxing Telecommunication Equipment Corp", "zte"},
        {"Zhongxing Telecom Co.,ltd.", "zte"},
        {"Huawei Technologies Co.,Ltd", "huawei"},
        {"HUAWEI", "huawei"},
        {"Huawei Technologies Co., Ltd.", "huawei"},
        {"HUAWEI Technology Co.,Ltd", "huawei"},
        {"Alcatel-Lucent", "nokia"},
        {"Nokia Siemens Networks", "nokia"},
        {"Nokia Oyj", "nokia"},
        {"NOKIA", "nokia"},
        {"Telefonaktiebolaget LM Ericsson", "ericsson"},
        {"Ericsson AB", "ericsson"},
        {"Cisco Systems, Inc.", "cisco"},
        {"Juniper Networks, Inc.", "juniper"},
        {"  tp_link  ", "tp-link"},
        {"Sagemcom Broadband S.A.S.", "sagemcom"},
        {"AVM GmbH & Co. KG", "avm"},
        {"Nokia Shanghai Bell Co., Ltd.", "nokia-shanghai-bell"},
    };
    netvet_registry *reg = builtin();
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        assert_string_equal(resolve_id(reg, cases[i][0]), cases[i][1]);
    netvet_registry_free(reg);
}

static void test_resolve_refuses(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "Aztech", "Ztec", "Acme Broadband", "", "Co. Ltd.", "Huaweii",
        "Huawei Technologies Co Ltd X", "ZTE-ish", ".,;", "Inc",
    };
    netvet_registry *reg = builtin();
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        assert_int_equal(resolve(reg, cases[i]), -1);
    assert_int_equal(netvet_registry_resolve(reg, NULL, 0), -1);
    /* length is honoured: "zte" inside a longer buffer */
    assert_int_equal(netvet_registry_resolve(reg, "zteXYZ", 3),
                     netvet_registry_find(reg, "zte"));
    netvet_registry_free(reg);
}

static void expect_key(const char *name, const char *key)
{
    char out[128];
    size_t n = nv_name_normalise(name, strlen(name), out);
    assert_int_equal(n, strlen(key));
    assert_memory_equal(out, key, n);
}

static void test_normalise(void **state)
{
    (void)state;
    expect_key("ZTE Corp.", "zte");
    expect_key("  Huawei   Technologies Co.,Ltd ", "huawei technologies");
    expect_key("Acme S.p.A.", "acme");
    expect_key("Acme S.A.", "acme");
    expect_key("Acme A.B. Holdings", "acme a b holdings");
    expect_key("Acme Ltd Co", "acme");
    expect_key("Co. Ltd.", "");
    expect_key("Télécom Ltd", "t\xc3\xa9l\xc3\xa9" "com");
    expect_key("X Group", "x group");
    expect_key("Vendor A", "vendor a");
    expect_key("Inc. Acme", "inc acme");
    assert_true(nv_name_is_suffix("gmbh", 4));
    assert_false(nv_name_is_suffix("group", 5));
}

/* id and match kind of a name, as "huawei/confusable". */
static const char *how_id(const netvet_registry *reg, const char *name,
                          char buf[64])
{
    static const char *const kinds[] = {"exact", "folded", "confusable"};
    nv_name_match how;
    int i = nv_registry_resolve_how(reg, name, strlen(name), &how);
    snprintf(buf, 64, "%s/%s",
             i < 0 ? "(none)" : netvet_registry_vendor(reg, (size_t)i)->id,
             i < 0 ? "-" : kinds[how]);
    return buf;
}

static void test_resolve_unicode(void **state)
{
    (void)state;
    netvet_registry *reg = builtin();
    char b[64];
    assert_string_equal(how_id(reg, "Huawei", b), "huawei/exact");
    assert_string_equal(how_id(reg, "\xd0\x9duawei", b), "huawei/confusable");
    assert_string_equal(how_id(reg, "\xce\x96TE", b), "zte/confusable");
    assert_string_equal(how_id(reg, "\xe5\x8d\x8e\xe4\xb8\xba", b),
                        "huawei/exact"); /* 华为, a registered alias */
    assert_string_equal(how_id(reg, "\xe4\xb8\xad\xe5\x85\xb4", b),
                        "zte/exact"); /* 中兴 */
    assert_string_equal(how_id(reg, "Hua\xe2\x80\x8bwei", b), "huawei/folded");
    assert_string_equal(how_id(reg, "\xef\xbb\xbfHuawei", b), "huawei/folded");
    assert_string_equal(how_id(reg, "Huawei\xc2\xa0Technologies", b),
                        "huawei/folded");
    assert_string_equal(how_id(reg, "\xef\xbc\xa8\xef\xbd\x95\xef\xbd\x81"
                                    "\xef\xbd\x97\xef\xbd\x85\xef\xbd\x89", b),
                        "huawei/folded"); /* fullwidth */
    /* skeletons are compared upper-cased too: 'l' for 'I', Cyrillic 'н' */
    assert_string_equal(how_id(reg, "\xd0\x9dUAWEI", b), "huawei/confusable");
    assert_string_equal(how_id(reg, "\xd0\xbduawei", b), "huawei/confusable");
    assert_string_equal(how_id(reg, "HUAWEl", b), "huawei/confusable");
    assert_string_equal(how_id(reg, "Acme", b), "(none)/-");
    assert_string_equal(how_id(reg, "\xff\xfeHuawei", b), "(none)/-");
    netvet_registry_free(reg);
}

/* The skeletons are built on the first look-up that needs them, and again
 * for the vendors an overlay adds; threads resolving at once wait for the
 * first to build them. */
static void *resolve_lookalike(void *reg)
{
    static const char name[] = "\xd0\x9duawei";
    nv_name_match how;
    int i = nv_registry_resolve_how(reg, name, strlen(name), &how);
    return i >= 0 && how == NV_MATCH_CONFUSABLE ? reg : NULL;
}

static void test_skeletons_built_when_needed(void **state)
{
    (void)state;
    netvet_registry *reg = builtin();
    char b[64], msg[256];
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, resolve_lookalike, reg), 0);
    void *theirs, *mine = resolve_lookalike(reg);
    pthread_join(t, &theirs);
    assert_ptr_equal(mine, reg);
    assert_ptr_equal(theirs, reg);
    assert_string_equal(how_id(reg, "\xd0\x90" "cme Fibre", b), "(none)/-");
    assert_int_equal(overlay(reg, "vendors:\n  - id: acme\n"
                                  "    name: Acme Fibre\n    country: GB\n",
                             msg, sizeof(msg)), 0);
    /* Cyrillic 'A': the overlay's vendor has a skeleton too */
    assert_string_equal(how_id(reg, "\xd0\x90" "cme Fibre", b),
                        "acme/confusable");
    assert_string_equal(how_id(reg, "\xd0\x9duawei", b), "huawei/confusable");
    netvet_registry_free(reg);
}

static void test_parents_and_country(void **state)
{
    (void)state;
    netvet_registry *reg = builtin();
    int nsb = netvet_registry_find(reg, "nokia-shanghai-bell");
    int nokia = netvet_registry_find(reg, "nokia");
    assert_true(nsb >= 0 && nokia >= 0);
    /* the JV is a vendor of its own (owners, no parent) */
    assert_int_equal(netvet_registry_vendor(reg, (size_t)nsb)->parent, -1);
    assert_string_equal(netvet_registry_vendor(reg, (size_t)nsb)->country,
                        "CN");
    assert_int_equal(netvet_registry_root(reg, nsb), nsb);
    assert_string_equal(netvet_registry_country(reg, nsb), "CN");
    int sepura = netvet_registry_find(reg, "sepura");
    assert_int_equal(netvet_registry_root(reg, sepura),
                     netvet_registry_find(reg, "hytera"));
    assert_string_equal(netvet_registry_country(reg, sepura), "CN");
    int fh = netvet_registry_find(reg, "fiberhome");
    assert_int_equal(netvet_registry_root(reg, fh),
                     netvet_registry_find(reg, "cict"));
    assert_int_equal(netvet_registry_root(reg, nokia), nokia);
    assert_int_equal(netvet_registry_root(reg, -1), -1);
    assert_int_equal(netvet_registry_root(reg, BUILTIN_VENDORS), -1);
    assert_null(netvet_registry_country(reg, BUILTIN_VENDORS));
    netvet_registry_free(reg);
}

static void test_huawei_listings(void **state)
{
    (void)state;
    static const char *const want[][2] = {
        {"us-fcc-covered", "2021-03-12"}, {"us-ndaa-889", "2019-08-13"},
        {"us-entity-list", "2019-05-16"}, {"us-1260h", "2021-06-03"},
        {"uk-ncsc-hrv", "2020-01-28"},
        {"uk-designated-vendor", "2022-10-13"},
        {"eu-commission-2023", "2023-06-15"},
    };
    netvet_registry *reg = builtin();
    const netvet_vendor *v = netvet_registry_vendor(
        reg, (size_t)netvet_registry_find(reg, "huawei"));
    assert_int_equal(v->n_listings, 7);
    for (size_t i = 0; i < 7; i++) {
        assert_string_equal(v->listings[i].id, want[i][0]);
        assert_string_equal(v->listings[i].date, want[i][1]);
        assert_true(strlen(v->listings[i].source) > 10);
    }
    assert_int_equal(v->state_control, NETVET_STATE_INFLUENCE);
    const netvet_vendor *z = netvet_registry_vendor(
        reg, (size_t)netvet_registry_find(reg, "zte"));
    assert_string_equal(z->listings[3].id, "us-denied-persons");
    assert_string_equal(z->listings[3].date, "2018-04-15");
    assert_non_null(strstr(z->listings[3].note, "terminated 2018-07-13"));
    assert_string_equal(z->listings[4].id, "uk-ncsc-hrv");
    assert_string_equal(z->listings[4].date, "2018-04-16");
    netvet_registry_free(reg);
}

static void test_overlay_adds_and_updates(void **state)
{
    (void)state;
    char msg[2048];
    netvet_registry *reg = builtin();
    int rc = overlay(reg,
                     "vendors:\n"
                     "  - id: acme\n"
                     "    name: Acme Broadband Ltd\n"
                     "    parent: zte\n"
                     "    country: GB\n"
                     "    pens: [99999]\n"
                     "  - id: zte\n"
                     "    aliases: [\"ZTE Deutschland GmbH\"]\n"
                     "    state_control: owned\n"
                     "    listings:\n"
                     "      - {id: de-2024, date: 2024-07-11,\n"
                     "         source: politico.eu}\n",
                     msg, sizeof(msg));
    assert_int_equal(rc, 0);
    assert_string_equal(msg, "");
    assert_int_equal(netvet_registry_count(reg), BUILTIN_VENDORS + 1);
    int acme = netvet_registry_find(reg, "acme");
    int zte = netvet_registry_find(reg, "zte");
    assert_int_equal(acme, BUILTIN_VENDORS);
    assert_int_equal(resolve(reg, "Acme Broadband"), acme);
    assert_int_equal(resolve(reg, "ZTE Deutschland"), zte);
    assert_int_equal(resolve(reg, "ZTE Corp."), zte);
    assert_string_equal(netvet_registry_country(reg, acme), "CN");
    assert_int_equal(nv_registry_find_pen(reg, 99999), acme);
    const netvet_vendor *v = netvet_registry_vendor(reg, (size_t)zte);
    assert_int_equal(v->state_control, NETVET_STATE_OWNED);
    assert_string_equal(v->name, "ZTE Corporation");
    assert_int_equal(v->n_listings, 7);
    assert_string_equal(v->listings[6].id, "de-2024");
    assert_string_equal(v->listings[6].note, "");
    assert_int_equal(nv_registry_alias_count(reg, (size_t)zte), 10);
    assert_string_equal(nv_registry_alias(reg, (size_t)zte, 9),
                        "ZTE Deutschland GmbH");
    /* a second overlay may rename a vendor and re-add its own PEN */
    rc = overlay(reg,
                 "vendors:\n  - id: acme\n    name: Acme Fibre\n"
                 "    pens: [99999]\n",
                 msg, sizeof(msg));
    assert_int_equal(rc, 0);
    assert_int_equal(resolve(reg, "Acme Fibre"), acme);
    assert_int_equal(resolve(reg, "Acme Broadband"), -1);
    assert_int_equal(netvet_registry_vendor(reg, (size_t)acme)->n_pens, 1);
    netvet_registry_free(reg);
}

static void test_empty_registry(void **state)
{
    (void)state;
    char msg[2048];
    netvet_registry *reg = NULL;
    assert_int_equal(netvet_registry_new_empty(&reg), 0);
    assert_int_equal(netvet_registry_count(reg), 0);
    assert_int_equal(resolve(reg, "ZTE"), -1);
    assert_int_equal(overlay(reg, "vendors: []\n", msg, sizeof(msg)), 0);
    assert_int_equal(overlay(reg,
                             "vendors:\n  - id: a\n    name: A\n"
                             "    country: GB\n    parent: b\n"
                             "  - id: b\n    name: B\n    country: FR\n",
                             msg, sizeof(msg)),
                     0);
    assert_int_equal(netvet_registry_root(reg, 0), 1);
    assert_string_equal(netvet_registry_country(reg, 0), "FR");
    netvet_registry_free(reg);
    netvet_registry_free(NULL);
}

typedef struct bad_case {
    const char *text;
    int rc;
    const char *message;
} bad_case;

static const bad_case bad_cases[] = {
    {"vendors:\n  - id: acme\n    name: Acme\n    contry: GB\n", NETVET_EPARSE,
     "overlay.yaml:4: unknown key 'contry' in vendor 'acme'"},
    {"vendors:\n  - id: acme\n    name: \"Acme\n", NETVET_EPARSE,
     "overlay.yaml:4: YAML syntax error: found unexpected end of stream "
     "(while scanning a quoted scalar)"},
    {"vendors:\n  - id: acme\n    name: Acme\n    country: GB\n"
     "    aliases: Acme Ltd\n",
     NETVET_EPARSE,
     "overlay.yaml:5: 'aliases' of vendor 'acme' must be a list of strings"},
    {"vendors:\n  - id: acme\n    name: [Acme]\n", NETVET_EPARSE,
     "overlay.yaml:3: 'name' of vendor 'acme' must be a string"},
    {"vendors:\n  - id: acme\n    name: Acme\n", NETVET_EPARSE,
     "overlay.yaml:2: new vendor 'acme' has no 'country'"},
    {"vendors:\n  - id: acme\n    country: GB\n", NETVET_EPARSE,
     "overlay.yaml:2: new vendor 'acme' has no 'name'"},
    {"vendors:\n  - name: Acme\n    country: GB\n", NETVET_EPARSE,
     "overlay.yaml:2: vendor entry has no 'id'"},
    {"vendors:\n  - id: acme\n    name: Acme\n    country: GB\n"
     "  - id: acme\n    note: again\n",
     NETVET_EPARSE, "overlay.yaml:5: duplicate vendor id 'acme' (first at "
                    "line 2)"},
    {"vendors:\n  - id: acme\n    name: Acme\n    country: GB\n"
     "    parent: nobody\n",
     NETVET_EPARSE, "overlay.yaml:5: parent 'nobody' of vendor 'acme' names "
                    "no vendor"},
    {"vendors:\n  - id: acme\n    name: Acme\n    country: GB\n"
     "    parent: beta\n  - id: beta\n    name: Beta\n    country: GB\n"
     "    parent: acme\n",
     NETVET_EPARSE, "overlay.yaml:5: parent cycle: acme -> beta -> acme"},
    {"vendors:\n  - id: zte\n    parent: zte\n", NETVET_EPARSE,
     "overlay.yaml:3: parent cycle: zte -> zte"},
    {"vendors:\n  - id: acme\n    name: Acme\n    country: GBR\n",
     NETVET_EPARSE, "overlay.yaml:4: country 'GBR' of vendor 'acme' must be "
                    "two uppercase letters (ISO 3166-1 alpha-2)"},
    {"vendors:\n  - id: acme\n    name: Acme\n    country: gb\n",
     NETVET_EPARSE, "overlay.yaml:4: country 'gb' of vendor 'acme' must be "
                    "two uppercase letters (ISO 3166-1 alpha-2)"},
    {"vendors:\n  - id: huawei\n    state_control: full\n", NETVET_EPARSE,
     "overlay.yaml:3: state_control 'full' of vendor 'huawei' must be none, "
     "influence or owned"},
    {"vendors:\n  - id: huawei\n    listings:\n      - id: x\n"
     "        date: 2021-02-29\n        source: s\n",
     NETVET_EPARSE, "overlay.yaml:5: date '2021-02-29' of listing 'x' of "
                    "vendor 'huawei' is not a valid YYYY-MM-DD date"},
    {"vendors:\n  - id: huawei\n    listings:\n      - id: x\n"
     "        dat: 2021-02-28\n",
     NETVET_EPARSE, "overlay.yaml:5: unknown key 'dat' in listing 'x' of "
                    "vendor 'huawei'"},
    {"vendors:\n  - id: huawei\n    listings:\n      - id: x\n",
     NETVET_EPARSE, "overlay.yaml:4: listing 'x' of vendor 'huawei' has no "
                    "'source'"},
    {"vendors:\n  - id: acme\n    name: Acme\n    country: GB\n"
     "    aliases:\n      - Acme\n      - ZTE Corp.\n",
     NETVET_EPARSE, "overlay.yaml:7: alias 'ZTE Corp.' of vendor 'acme' "
                    "normalises to 'zte', as does id 'zte' of vendor 'zte'"},
    {"vendors:\n  - id: acme\n    name: Nokia Oy\n    country: GB\n",
     NETVET_EPARSE, "overlay.yaml:3: name 'Nokia Oy' of vendor 'acme' "
                    "normalises to 'nokia', as does id 'nokia' of vendor "
                    "'nokia'"},
    {"vendors:\n  - id: acme\n    name: Co., Ltd.\n    country: GB\n",
     NETVET_EPARSE, "overlay.yaml:3: name 'Co., Ltd.' of vendor 'acme' has no "
                    "words left once case, punctuation and legal-form "
                    "suffixes are removed"},
    {"vendors:\n  - id: acme\n    name: Acme\n    country: GB\n"
     "    pens: [2011]\n",
     NETVET_EPARSE, "overlay.yaml:5: pen 2011 of vendor 'acme' already "
                    "belongs to vendor 'huawei'"},
    {"vendors:\n  - id: acme\n    name: Acme\n    country: GB\n"
     "    pens: [-5]\n",
     NETVET_EPARSE, "overlay.yaml:5: pen '-5' of vendor 'acme' is not an "
                    "enterprise number (1 to 4294967295)"},
    {"vendors:\n  - id: Acme\n", NETVET_EPARSE,
     "overlay.yaml:2: id 'Acme' must be 1 to 64 lowercase letters, digits, "
     "'-' or '_', starting with a letter or digit"},
    {"vendors:\n  - id: huawei\n    note: a\n    note: b\n", NETVET_EPARSE,
     "overlay.yaml:4: duplicate key 'note' in vendor 'huawei'"},
    {"vendors:\n  - &v {id: acme, name: Acme, country: GB}\n  - *v\n",
     NETVET_EPARSE, "overlay.yaml:2: YAML anchors and aliases (*name) are "
                    "not supported"},
    {"", NETVET_EPARSE, "overlay.yaml: empty registry: expected a mapping "
                        "with key 'vendors'"},
    {"- id: acme\n", NETVET_EPARSE, "overlay.yaml:1: top level must be a "
                                    "mapping with key 'vendors'"},
    {"vendor: []\n", NETVET_EPARSE, "overlay.yaml:1: unknown key 'vendor' in "
                                    "the top level"},
    {"vendors: {}\n", NETVET_EPARSE, "overlay.yaml:1: 'vendors' must be a "
                                     "list of vendor entries"},
    {"vendors: [acme]\n", NETVET_EPARSE, "overlay.yaml:1: vendor entry must "
                                         "be a mapping"},
    {"vendors: []\n---\nvendors: []\n", NETVET_EPARSE,
     "overlay.yaml:3: a registry file holds one YAML document; found a second"},
    {"vendors:\n  - id: acme\n    name: \"A\\0B\"\n", NETVET_EPARSE,
     "overlay.yaml:3: 'name' of vendor 'acme' contains a NUL byte"},
    {"vendors: [[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]\n", NETVET_EPARSE,
     "overlay.yaml:1: YAML nested deeper than 16 levels"},
    {"vendors:\n  - id: acme\n    name: \xff\n", NETVET_EPARSE,
     "overlay.yaml:3: invalid text at byte 32: invalid leading UTF-8 octet"},
};

static void test_bad_overlays(void **state)
{
    (void)state;
    char msg[2048];
    netvet_registry *reg = builtin();
    for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
        int rc = overlay(reg, bad_cases[i].text, msg, sizeof(msg));
        if (rc != bad_cases[i].rc || strcmp(msg, bad_cases[i].message) != 0)
            fail_msg("case %zu: rc %d, message \"%s\"", i, rc, msg);
        /* a failed overlay leaves the registry as it was */
        assert_int_equal(netvet_registry_count(reg), BUILTIN_VENDORS);
        assert_int_equal(resolve(reg, "Acme"), -1);
    }
    const netvet_vendor *h = netvet_registry_vendor(
        reg, (size_t)netvet_registry_find(reg, "huawei"));
    assert_int_equal(h->n_listings, 7);
    assert_int_equal(h->state_control, NETVET_STATE_INFLUENCE);
    assert_int_equal(netvet_registry_vendor(
                         reg, (size_t)netvet_registry_find(reg, "zte"))->parent,
                     -1);
    netvet_registry_free(reg);
}

static void test_value_too_long(void **state)
{
    (void)state;
    static char text[NV_REG_MAX_VALUE + 100];
    char msg[2048];
    int n = snprintf(text, sizeof(text), "vendors:\n  - id: acme\n    note: ");
    memset(text + n, 'x', NV_REG_MAX_VALUE + 1);
    text[n + NV_REG_MAX_VALUE + 1] = '\0';
    netvet_registry *reg = NULL;
    assert_int_equal(netvet_registry_new_empty(&reg), 0);
    assert_int_equal(overlay(reg, text, msg, sizeof(msg)), NETVET_ELIMIT);
    assert_string_equal(msg, "overlay.yaml:3: 'note' of vendor 'acme' is "
                             "longer than 4096 bytes");
    netvet_registry_free(reg);
}

static void test_overlay_file(void **state)
{
    (void)state;
    char path[] = "/tmp/netvet_registry_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *text = "vendors:\n  - id: acme\n    name: Acme\n"
                       "    country: GB\n";
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    netvet_registry *reg = builtin();
    assert_int_equal(netvet_registry_overlay_file(reg, path, diag), 0);
    assert_int_equal(resolve_id(reg, "ACME LIMITED")[0], 'a');
    unlink(path);
    assert_int_equal(netvet_registry_overlay_file(reg, path, diag),
                     NETVET_EIO);
    char want[128];
    snprintf(want, sizeof(want), "%s: cannot open: No such file or directory",
             path);
    assert_string_equal(netvet_diag_message(diag), want);
    netvet_registry_free(reg);
    netvet_diag_free(diag);
}

/* An overlay that moves a built-in vendor to another state, or gives it a
 * parent, is recorded; a new vendor, a name change, a failed overlay and
 * an empty registry's overlays are not (issue 16 item 5). */
static void test_overlay_changes_recorded(void **state)
{
    (void)state;
    char msg[512];
    netvet_registry *reg = builtin();
    assert_int_equal(netvet_registry_change_count(reg), 0);
    assert_int_equal(netvet_registry_input_count(reg), 0);
    assert_int_equal(overlay(reg, "vendors:\n"
                                  "  - id: huawei\n"
                                  "    country: GB\n"
                                  "    name: Huawei UK\n"
                                  "  - id: newco\n"
                                  "    name: NewCo\n"
                                  "    country: FR\n"
                                  "  - id: zte\n"
                                  "    parent: newco\n",
                         msg, sizeof msg), 0);
    assert_int_equal(netvet_registry_change_count(reg), 2);
    const netvet_registry_change *c = netvet_registry_change_at(reg, 0);
    assert_string_equal(c->file, "overlay.yaml");
    assert_int_equal(c->line, 2);
    assert_string_equal(c->vendor, "huawei");
    assert_string_equal(c->field, "country");
    assert_string_equal(c->before, "CN");
    assert_string_equal(c->after, "GB");
    c = netvet_registry_change_at(reg, 1);
    assert_string_equal(c->vendor, "zte");
    assert_string_equal(c->field, "parent");
    assert_string_equal(c->before, "");
    assert_string_equal(c->after, "newco");
    assert_null(netvet_registry_change_at(reg, 2));
    assert_int_equal(netvet_registry_input_count(reg), 1);
    netvet_input in = netvet_registry_input(reg, 0);
    assert_string_equal(in.kind, "registry");
    assert_string_equal(in.path, "overlay.yaml");
    assert_string_equal(in.sha256, "62a9d397448fc7c2a5480217cab06561d9ae622a415ae298aeaa9e785a017769");
    assert_null(netvet_registry_input(reg, 1).path);
    assert_int_not_equal(overlay(reg, "vendors:\n  - id: zte\n"
                                      "    country: gb\n", msg, sizeof msg),
                         0);
    assert_int_equal(netvet_registry_change_count(reg), 2);
    assert_int_equal(netvet_registry_input_count(reg), 1);
    netvet_registry_free(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_loads),
        cmocka_unit_test(test_overlay_changes_recorded),
        cmocka_unit_test(test_resolve_matches),
        cmocka_unit_test(test_resolve_refuses),
        cmocka_unit_test(test_normalise),
        cmocka_unit_test(test_resolve_unicode),
        cmocka_unit_test(test_skeletons_built_when_needed),
        cmocka_unit_test(test_parents_and_country),
        cmocka_unit_test(test_huawei_listings),
        cmocka_unit_test(test_overlay_adds_and_updates),
        cmocka_unit_test(test_empty_registry),
        cmocka_unit_test(test_bad_overlays),
        cmocka_unit_test(test_value_too_long),
        cmocka_unit_test(test_overlay_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
