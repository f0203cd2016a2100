/* SPDX-License-Identifier: Apache-2.0 */
/* identify's record writer (src/report/identify_*.c): a record replayed
 * from its class's template, with this element's id and MAC text in the
 * holes, must be byte for byte the record rendered whole, in text, CSV and
 * JSON, for ids and MACs that need quoting, escaping, '?' for control bytes
 * or cutting, and for records cut at 16 KB. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report/formats.h"
#include "report/identify_out.h"

typedef struct row {
    const char *id;
    const char *mac;  /* MAC text; NULL: the class has no MAC evidence */
    uint32_t cls;
} row;

static char long_id[20000];
static char long_mac[100];

static const row rows[] = {
    {"r1", "00:e0:fc:00:00:01", 0},
    {"id,with,commas", "00:e0:fc:00:00:02", 0},
    {"id \"quoted\"\nline", "mac,\"odd\"\x02\\", 0},
    {"ctl\x01id", long_mac, 0},
    {"u1", NULL, 1},
    {"u,2", NULL, 1},
    {long_id, "00:e0:fc:00:00:03", 0},
    {"r9", "00:e0:fc:00:00:04", 0},
    {"r10", "00:e0:fc:00:00:05", 2},
    {"r11", "00:e0:fc:00:00:06", 2},
};
#define N_ROWS (sizeof(rows) / sizeof(rows[0]))

static netvet_registry *reg;

/* The attribution of row r: classes 0 and 2 a conflicting Huawei record
 * with four pieces of evidence (2 without the conflict), class 1 nothing. */
static netvet_attribution attribution(const row *r, const char **declared)
{
    netvet_attribution at;
    memset(&at, 0, sizeof(at));
    at.vendor = at.declared = -1;
    *declared = "";
    if (r->cls == 1)
        return at;
    int hw = netvet_registry_resolve(reg, "Huawei", 6);
    assert_true(hw >= 0);
    *declared = "Huawei, \"HQ\"\tCo";
    at.vendor = at.declared = hw;
    at.score = 0.875;
    at.level = NETVET_CONF_HIGH;
    at.conflict = r->cls == 0;
    static const char descr[] = "Huawei VRP\x03 Software, a description "
                                "longer than seventy-two bytes, to be cut "
                                "in text";
    netvet_evidence e[4] = {
        {NETVET_EV_DECLARED, *declared, strlen(*declared), hw, 0.5,
         "declared name resolves to huawei", NULL},
        {NETVET_EV_MAC, r->mac, strlen(r->mac), hw, 0.6,
         "MA-L 00E0FC HUAWEI TECHNOLOGIES CO.,LTD", NULL},
        {NETVET_EV_SYS_OBJECT_ID, "1.3.6.1.4.1.2011", 16, -1, 0,
         "PEN 2011, \"x\"", NULL},
        {NETVET_EV_SYS_DESCR, descr, strlen(descr), hw, 0.9,
         "pattern huawei-vrp (strong)", NULL}};
    memcpy(at.evidence, e, sizeof(e));
    at.n_evidence = 4;
    return at;
}

/* All rows through one writer; with_classes 0: every record rendered
 * whole. @return the bytes (caller frees), *len their length. */
static char *write_rows(const nv_id_format_ops *fmt, int with_classes,
                        size_t *len, nv_id_writer *w)
{
    nv_id_out o = {.f = NULL, .format = fmt, .reg = reg};
    size_t replayed = 0;
    for (size_t i = 0; i < N_ROWS; i++) {
        const char *declared, *mac = rows[i].mac ? rows[i].mac : "";
        if (with_classes && nv_id_record_class(&o, w, rows[i].id,
                                               rows[i].cls, mac, strlen(mac))) {
            replayed++;
            continue;
        }
        netvet_attribution at = attribution(&rows[i], &declared);
        nv_id_record(&o, w, rows[i].id, declared, &at,
                     with_classes ? rows[i].cls : NETVET_NO_CLASS);
    }
    assert_int_equal(replayed, with_classes ? 7 : 0);
    assert_int_equal(o.n.elements, N_ROWS);
    assert_int_equal(o.n.attributed, 8);
    assert_int_equal(o.n.unattributed, 2);
    assert_int_equal(o.n.level[NETVET_CONF_HIGH], 8);
    assert_int_equal(o.n.conflicts, 6);
    assert_false(w->out.failed);
    *len = w->out.n;
    char *b = malloc(w->out.n + 1);
    memcpy(b, w->out.b, w->out.n);
    b[w->out.n] = '\0';
    return b;
}

static void same_with_classes(const nv_id_format_ops *fmt)
{
    nv_id_writer whole, classes;
    memset(&whole, 0, sizeof(whole));
    memset(&classes, 0, sizeof(classes));
    size_t n_whole, n_classes;
    char *a = write_rows(fmt, 0, &n_whole, &whole);
    char *b = write_rows(fmt, 1, &n_classes, &classes);
    assert_int_equal(whole.n_tpl, 0);
    assert_true(classes.n_tpl >= 3);
    for (int c = 0; c < 3; c++)
        assert_int_equal(classes.tpl[c].state, 1); /* replayed */
    assert_int_equal(n_whole, n_classes);
    assert_memory_equal(a, b, n_whole);
    nv_id_writer_dispose(&whole);
    nv_id_writer_dispose(&classes);
    free(a);
    free(b);
}

static int setup(void **state)
{
    (void)state;
    memset(long_id, 'i', sizeof(long_id) - 1);
    memset(long_mac, 'm', sizeof(long_mac) - 1);
    long_mac[10] = '\n';
    return netvet_registry_new_builtin(&reg, NULL);
}

static int teardown(void **state)
{
    (void)state;
    netvet_registry_free(reg);
    return 0;
}

static void test_text(void **state)
{
    (void)state;
    same_with_classes(&nv_identify_text);
}

static void test_csv(void **state)
{
    (void)state;
    same_with_classes(&nv_identify_csv);
}

static void test_json(void **state)
{
    (void)state;
    same_with_classes(&nv_identify_json);
}

/* The replayed bytes themselves, for a row of each class. */
static void test_exact_records(void **state)
{
    (void)state;
    nv_id_writer w;
    memset(&w, 0, sizeof(w));
    size_t n;
    char *csv = write_rows(&nv_identify_csv, 1, &n, &w);
    assert_non_null(strstr(csv, "\n\"id,with,commas\",huawei,0.88,high,"
                           "\"Huawei, \"\"HQ\"\"\tCo\",huawei,yes,"
                           "\"declared=huawei (declared name resolves to "
                           "huawei); mac=huawei (MA-L 00E0FC HUAWEI "
                           "TECHNOLOGIES CO.,LTD); sys_object_id=- (PEN "
                           "2011, \"\"x\"\"); sys_descr=huawei (pattern "
                           "huawei-vrp (strong))\"\n"));
    assert_non_null(strstr(csv, "\n\"u,2\",,0.00,none,,,no,\n"));
    free(csv);
    nv_id_writer_dispose(&w);
    char *text = write_rows(&nv_identify_text, 1, &n, &w);
    assert_non_null(strstr(text, "ctl\\x01id: huawei, high 0.88, declared "
                           "\"Huawei, \"HQ\"?Co\"  CONFLICT\n"
                           "    declared      Huawei, \"HQ\"?Co\n"));
    assert_non_null(strstr(text, "    mac           mac,\"odd\"?\\\n"
                           "        -> huawei (MA-L 00E0FC HUAWEI "
                           "TECHNOLOGIES CO.,LTD)\n"));
    assert_non_null(strstr(text, "r10: huawei, high 0.88, declared"));
    free(text);
    nv_id_writer_dispose(&w);
    char *json = write_rows(&nv_identify_json, 1, &n, &w);
    assert_memory_equal(json, "\n    {\"id\": \"r1\", \"vendor\": \"huawei\"",
                        strlen("\n    {\"id\": \"r1\", \"vendor\": \"huawei\""));
    assert_non_null(strstr(json, ",\n    {\"id\": \"id \\\"quoted\\\"\\u000a"
                           "line\", \"vendor\": \"huawei\""));
    assert_non_null(strstr(json, "{\"kind\": \"mac\", \"value\": \"mac,\\\""
                           "odd\\\"\\u0002\\\\\", \"vendor\": \"huawei\", "
                           "\"weight\": 0.60, "));
    free(json);
    nv_id_writer_dispose(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_exact_records),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
