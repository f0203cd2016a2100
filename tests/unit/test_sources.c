/* SPDX-License-Identifier: Apache-2.0 */
/* The public source table and inventory builder (netvet/sources.h): the
 * table's rows, an import run over buffers, and inventories built one
 * element at a time, checked by the ordinary loader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "netvet/netvet.h"

static void test_table(void **state)
{
    (void)state;
    static const char *const names[] = {"nmap", "graphml", "netbox",
                                        "snmpwalk"};
    assert_int_equal(netvet_source_count(), 4);
    for (size_t i = 0; i < 4; i++) {
        const netvet_source *s = netvet_source_at(i);
        assert_non_null(s);
        assert_string_equal(netvet_source_name(s), names[i]);
        assert_ptr_equal(netvet_source_find(names[i]), s);
        assert_true(strlen(netvet_source_summary(s)) > 10);
    }
    assert_null(netvet_source_at(4));
    assert_null(netvet_source_find("csv"));
    assert_true(netvet_source_evidence_only(netvet_source_find("nmap")));
    assert_false(netvet_source_evidence_only(netvet_source_find("netbox")));
}

static const char walk[] =
    ".1.3.6.1.2.1.1.1.0 = STRING: \"Huawei Versatile Routing Platform\"\n"
    ".1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.2011.2.224.67\n"
    ".1.3.6.1.2.1.1.5.0 = STRING: agg-01\n";

static void test_import_buffers(void **state)
{
    (void)state;
    netvet_diag *diag;
    netvet_import *imp;
    netvet_inventory *inv;
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    assert_int_equal(netvet_import_new(&imp, netvet_source_find("snmpwalk"),
                                       0, 1), 0);
    assert_int_equal(netvet_import_add_buffer(imp, walk, strlen(walk),
                                              "polls/agg-01.walk", diag), 0);
    assert_int_equal(netvet_import_finish(imp, diag), 0);
    netvet_import_counts c = netvet_import_count(imp, 0);
    assert_int_equal(c.read, 1);
    assert_int_equal(c.written, 1);
    assert_int_equal(c.skipped, 0);
    assert_int_equal(netvet_import_inventory(&inv, imp, NULL, diag), 0);
    assert_int_equal(netvet_inventory_elements(inv), 1);
    assert_string_equal(netvet_inventory_element_id(inv, 0), "agg-01");
    assert_true(netvet_inventory_has_evidence(inv));
    netvet_inventory_free(inv);
    netvet_import_free(imp);

    /* nothing converted: strict fails, naming the first input */
    assert_int_equal(netvet_import_new(&imp, netvet_source_find("snmpwalk"),
                                       1, 1), 0);
    assert_int_equal(netvet_import_add_buffer(imp, "", 0, "empty.walk", diag),
                     NETVET_EPARSE);
    netvet_import_free(imp);
    assert_int_equal(netvet_import_new(&imp, NULL, 0, 1), NETVET_EINVAL);
    netvet_diag_free(diag);
}

static void add(netvet_inventory_builder *b, const char *id,
                const char *vendor, const char *fn, const char *weight,
                const char *mac)
{
    netvet_element_fields e = NETVET_ELEMENT_FIELDS_INIT;
    e.id = id;
    e.vendor = vendor;
    e.function = fn;
    e.weight = weight;
    e.mac = mac;
    assert_int_equal(netvet_inventory_builder_add_element(b, &e), 0);
}

static void test_builder(void **state)
{
    (void)state;
    netvet_diag *diag;
    netvet_inventory_builder *b;
    netvet_inventory *inv;
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    assert_int_equal(netvet_inventory_builder_new(&b, "poll"), 0);
    add(b, "c1", "Nokia", "core", NULL, NULL);
    add(b, "a1", "Huawei, Inc.", "OLT", "120", NULL);
    add(b, "a2", "ZTE", "access", "lots", NULL);     /* bad weight */
    assert_int_equal(netvet_inventory_builder_add_link(b, "c1", "a1"), 0);
    assert_int_equal(netvet_inventory_builder_build(&inv, b, NULL, diag), 0);
    assert_int_equal(netvet_inventory_elements(inv), 2);
    assert_int_equal(netvet_inventory_links(inv), 1);
    assert_false(netvet_inventory_has_evidence(inv));
    assert_string_equal(netvet_inventory_element_vendor(inv, 1),
                        "Huawei, Inc.");
    assert_int_equal(netvet_inventory_element_line(inv, 1), 3);
    netvet_load_stats s = netvet_inventory_stats(inv, 0);
    assert_int_equal(s.rows_read, 3);
    assert_int_equal(s.rows_skipped, 1);
    assert_string_equal(netvet_inventory_path(inv, 0), "poll/elements.csv");
    assert_int_equal(netvet_diag_warnings(diag), 1);
    netvet_inventory_free(inv);

    /* evidence columns appear once an element has evidence */
    add(b, "x1", "", "other", NULL, "00:e0:fc:00:00:01");
    assert_int_equal(netvet_inventory_builder_build(&inv, b, NULL, diag), 0);
    assert_true(netvet_inventory_has_evidence(inv));
    assert_int_equal(netvet_inventory_elements(inv), 3);
    netvet_inventory_free(inv);
    netvet_inventory_builder_free(b);
    netvet_diag_free(diag);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_import_buffers),
        cmocka_unit_test(test_builder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
