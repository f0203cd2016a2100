/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the NetBox JSON importer on hand-written REST responses
 * (tests/data/netbox: two device pages, sites, NetBox >= 3.3 cables and a
 * legacy bare-array cable list; fictional content): exact CSV, region from
 * the sites file, role mapping, status mapping, tags, cables to circuits;
 * and bad input: broken JSON (line:column), duplicate keys, wrong shapes,
 * duplicate device names, unknown status, strict mode. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "import_fixture.h"

#define NB "tests/data/netbox/"

static const char *const all[] = {NB "devices-1.json", NB "devices-2.json",
                                  NB "sites.json", NB "cables.json",
                                  NB "cables-legacy.json"};

static int setup(void **state)
{
    (void)state;
    imp_finish_fn = nv_import_netbox_finish;
    return 0;
}

static void test_fixtures(void **state)
{
    (void)state;
    static const char *const want_el[] = {
        "id,name,vendor,model,software,function,site,region,lat,lon,status,"
        "tags",
        "lon-cr1,lon-cr1,Cisco,ASR 9906,IOS-XR,core,London Docklands,London,"
        "51.505,-0.023,active,sensitive",
        "lon-cr2,lon-cr2,Juniper Networks,MX10008,,core,London Docklands,"
        "London,51.505,-0.023,active,sensitive",
        "man-agg1,man-agg1,Huawei,NE8000 M14,VRP,aggregation,"
        "\"Manchester, Trafford\",North West,,,active,",
        "man-olt1,man-olt1,Huawei,MA5800-X17,VRP,access,"
        "\"Manchester, Trafford\",North West,,,planned,fttp;wave-2",
        "105,,Nokia,7250 IXR-e,,access,Bristol Temple,South West,,,planned,",
        "bri-pdu1,bri-pdu1,APC,AP8941,,other,Bristol Temple,South West,,,"
        "active,",
        ""};
    static const char *const want_ln[] = {
        "a,b,kind", "lon-cr1,lon-cr2,smf", "lon-cr1,man-agg1,smf-os2",
        "man-agg1,man-olt1,mmf-om4", "105,man-agg1,", ""};
    imp_run r;
    char line[512];
    imp_files(&r, nv_import_netbox, all, 5, 0);
    assert_int_equal(r.rc, 0);
    for (size_t k = 0; k < sizeof want_el / sizeof *want_el; k++)
        assert_string_equal(imp_line(&r.out.elements, k, line, sizeof line),
                            want_el[k]);
    for (size_t k = 0; k < sizeof want_ln / sizeof *want_ln; k++)
        assert_string_equal(imp_line(&r.out.links, k, line, sizeof line),
                            want_ln[k]);
    assert_int_equal(r.out.el.read, 6);
    assert_int_equal(r.out.el.written, 6);
    assert_int_equal(r.out.ln.read, 5);
    assert_int_equal(r.out.ln.written, 4);
    assert_int_equal(r.out.ln.skipped, 1);
    assert_int_equal(r.warnings, 2);
    assert_non_null(strstr(r.diag_text, "devices-2.json:0: device 'bri-pdu1' "
        "(item 2): role 'power' is not mapped to a function; using other\n"));
    assert_non_null(strstr(r.diag_text, "cables.json:0: cable 204 (item 3): "
        "side B has no device (record skipped)\n"));
    netvet_inventory *inv = imp_load(&r, 0);
    assert_non_null(inv);
    assert_int_equal(netvet_inventory_elements(inv), 6);
    assert_int_equal(netvet_inventory_links(inv), 4);
    assert_string_equal(netvet_inventory_element_vendor(inv, 2), "Huawei");
    assert_int_equal(inv->function[3], NETVET_FN_ACCESS);
    assert_int_equal(inv->status[3], NV_STATUS_PLANNED);
    netvet_inventory_free(inv);
    nv_import_out_free(&r.out);
}

/* Files in another order: devices after cables, sites last. */
static void test_order_independent(void **state)
{
    (void)state;
    static const char *const rev[] = {NB "cables.json", NB "devices-2.json",
                                      NB "devices-1.json", NB "sites.json"};
    imp_run r;
    char line[512];
    imp_files(&r, nv_import_netbox, rev, 4, 0);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.out.ln.written, 3);
    assert_string_equal(imp_line(&r.out.elements, 1, line, sizeof line),
        "man-olt1,man-olt1,Huawei,MA5800-X17,VRP,access,"
        "\"Manchester, Trafford\",North West,,,planned,fttp;wave-2");
    nv_import_out_free(&r.out);
}

/* Cables without their devices: every link is skipped, strict is fatal. */
static void test_cables_without_devices(void **state)
{
    (void)state;
    static const char *const f[] = {NB "cables-legacy.json"};
    imp_run r;
    imp_files(&r, nv_import_netbox, f, 1, 0);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.out.ln.read, 1);
    assert_int_equal(r.out.ln.skipped, 1);
    assert_non_null(strstr(r.diag_text, "cables-legacy.json:0: cable 301 "
        "(item 0): side A has no known device (record skipped)"));
    nv_import_out_free(&r.out);
    imp_files(&r, nv_import_netbox, f, 1, 1);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_non_null(strstr(r.message, "cables-legacy.json: cable 301 "
                           "(item 0): side A has no known device"));
    nv_import_out_free(&r.out);
}

static void test_bad_json(void **state)
{
    (void)state;
    imp_run r;
    imp_string(&r, nv_import_netbox, "{\"results\": [\n  {\"id\": 1,}\n]}",
               0);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_string_equal(r.message, "in:2:12: not valid JSON: string or '}' "
                        "expected near '}'");
    imp_string(&r, nv_import_netbox, "{\"results\": [], \"results\": []}", 0);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_non_null(strstr(r.message, "duplicate object key"));
    imp_string(&r, nv_import_netbox, "{\"count\": 0}", 0);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_string_equal(r.message, "in: not a NetBox list response "
        "(expected an object with a `results` array, or an array)");
    nv_import_out_free(&r.out);
    imp_string(&r, nv_import_netbox, "", 0);
    assert_int_equal(r.rc, NETVET_EPARSE);
    nv_import_out_free(&r.out);
}

static const char bad_records[] =
    "[1, {\"foo\": 2},\n"
    " {\"id\": 7, \"name\": \"r1\", \"device_type\": {}, "
    "\"status\": \"active\", \"role\": \"firewall\"},\n"
    " {\"id\": 8, \"name\": \"r1\", \"device_type\": {}},\n"
    " {\"device_type\": null},\n"
    " {\"id\": 9, \"device_type\": {}, \"status\": {\"value\": \"lost\"}},\n"
    " {\"id\": 10, \"device_type\": {}, \"latitude\": 91.5, "
    "\"longitude\": \"2.25\", \"tags\": [{\"slug\": \"a;b\"}, {\"name\": \"c\"}]}]";

static void test_bad_records(void **state)
{
    (void)state;
    imp_run r;
    char line[256];
    imp_string(&r, nv_import_netbox, bad_records, 0);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.out.el.read, 7);
    assert_int_equal(r.out.el.written, 2);
    assert_int_equal(r.out.el.skipped, 5);
    assert_string_equal(r.diag_text,
        "in:0: item 0 is not a NetBox device, cable or site (record "
        "skipped)\n"
        "in:0: item 1 is not a NetBox device, cable or site (record "
        "skipped)\n"
        "in:0: device 'r1' (item 2): no device_type.manufacturer.name (null "
        "or missing); vendor left empty\n"
        "in:0: device 'r1' (item 3): duplicate name (record skipped)\n"
        "in:0: device (item 4) has neither a name nor an id (record "
        "skipped)\n"
        "in:0: device '9' (item 5): unknown status (record skipped)\n"
        "in:0: device '10' (item 6): role '(none)' is not mapped to a "
        "function; using other\n"
        "in:0: device '10' (item 6): no device_type.manufacturer.name (null "
        "or missing); vendor left empty\n");
    assert_string_equal(imp_line(&r.out.elements, 1, line, sizeof line),
                        "r1,r1,,,,security,,,,,active,");
    assert_string_equal(imp_line(&r.out.elements, 2, line, sizeof line),
                        "10,,,,,other,,,,2.25,,a_b;c");
    nv_import_out_free(&r.out);
}

/* Issue 16, item 11: a device whose manufacturer is null is kept with an
 * empty vendor and a warning naming it (it was silent). */
static void test_null_manufacturer(void **state)
{
    (void)state;
    imp_run r;
    imp_string(&r, nv_import_netbox,
        "[{\"id\": 1, \"name\": \"c1\", \"status\": \"active\", "
        "\"role\": {\"slug\": \"core-router\"}, \"device_type\": "
        "{\"model\": \"NE40E\", \"manufacturer\": null}}]", 0);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.out.el.written, 1);
    assert_int_equal(r.warnings, 1);
    assert_string_equal(r.diag_text, "in:0: device 'c1' (item 0): no "
        "device_type.manufacturer.name (null or missing); vendor left "
        "empty\n");
    nv_import_out_free(&r.out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixtures),
        cmocka_unit_test(test_order_independent),
        cmocka_unit_test(test_cables_without_devices),
        cmocka_unit_test(test_bad_json),
        cmocka_unit_test(test_bad_records),
        cmocka_unit_test(test_null_manufacturer),
    };
    return imp_exit(cmocka_run_group_tests(tests, setup, NULL));
}
