/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the nmap XML importer on real scans (python-libnmap's
 * os_scan5.xml, nmap 5.21, and full_sudo6.xml, nmap 6.40) read in place
 * from ../shared/data/nmap, plus hostile input: an external entity, a
 * billion-laughs bomb, undeclared entities, broken XML, a host without an
 * address, and CSV quoting of awkward values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "import_fixture.h"

static const char *const os_scan5[] = {"../shared/data/nmap/os_scan5.xml"};
static const char *const sudo6[] = {"../shared/data/nmap/full_sudo6.xml"};

static void test_os_scan5(void **state)
{
    (void)state;
    imp_run r;
    char line[512];
    imp_files(&r, nv_import_nmap, os_scan5, 1, 0);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.out.el.read, 256);
    assert_int_equal(r.out.el.written, 4);
    assert_int_equal(r.out.el.ignored, 252);
    assert_int_equal(r.out.el.skipped, 0);
    assert_string_equal(imp_line(&r.out.elements, 0, line, sizeof line),
        "id,name,vendor,function,mac,nmap_mac_vendor,sys_descr,cpe");
    assert_string_equal(imp_line(&r.out.elements, 1, line, sizeof line),
        "192.168.1.1,,,other,6C:2E:85:19:AF:00,,"
        "Chumby Internet radio [Chumby embedded],");
    assert_string_equal(imp_line(&r.out.elements, 3, line, sizeof line),
        "192.168.1.4,,,other,,,Linux Linux,");
    assert_string_equal(imp_line(&r.out.elements, 4, line, sizeof line),
        "192.168.1.5,,,other,00:1F:3C:87:66:50,Intel Corporate,"
        "Microsoft Windows Server 2008 Beta 3 [Microsoft Windows],");
    netvet_inventory *inv = imp_load(&r, 1);
    assert_non_null(inv);
    assert_int_equal(netvet_inventory_elements(inv), 4);
    assert_string_equal(nv_inv_str(inv, inv->mac[0]), "6C:2E:85:19:AF:00");
    netvet_inventory_free(inv);
    nv_import_out_free(&r.out);
}

static void test_full_sudo6(void **state)
{
    (void)state;
    imp_run r;
    char line[512];
    imp_files(&r, nv_import_nmap, sudo6, 1, 0);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.out.el.read, 256);
    assert_int_equal(r.out.el.written, 4);
    assert_int_equal(r.out.el.ignored, 252);
    assert_string_equal(imp_line(&r.out.elements, 1, line, sizeof line),
        "192.168.1.1,,,other,6C:2E:85:19:AF:00,Sagemcom,"
        "Linux 2.6.13 (embedded) [Linux Linux],"
        "cpe:/o:linux:linux_kernel:2.6.13");
    assert_string_equal(imp_line(&r.out.elements, 2, line, sizeof line),
        "192.168.1.2,,,other,C0:63:94:05:01:03,Apple,,");
    assert_string_equal(imp_line(&r.out.elements, 4, line, sizeof line),
        "192.168.1.3,,,other,,,Apple Mac OS X 10.8 - 10.8.1 (Mountain Lion)"
        " (Darwin 12.0.0 - 12.1.0) or iOS 5.0.1 [Apple Mac OS X],"
        "cpe:/o:apple:mac_os_x:10.8");
    netvet_inventory *inv = imp_load(&r, 1);
    assert_non_null(inv);
    assert_int_equal(netvet_inventory_elements(inv), 4);
    assert_string_equal(nv_inv_str(inv, inv->cpe[2]),
                        "cpe:/o:microsoft:windows_server_2008::beta3");
    netvet_inventory_free(inv);
    nv_import_out_free(&r.out);
}

/* Both scans into one output: the same addresses appear twice, which the
 * loader then reports as duplicate ids (not the importer's business). */
static void test_two_files(void **state)
{
    (void)state;
    static const char *const both[] = {"../shared/data/nmap/os_scan5.xml",
                                       "../shared/data/nmap/full_sudo6.xml"};
    imp_run r;
    char line[128];
    imp_files(&r, nv_import_nmap, both, 2, 0);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.out.el.read, 512);
    assert_int_equal(r.out.el.written, 8);
    /* one header only */
    assert_string_equal(imp_line(&r.out.elements, 5, line, sizeof line),
        "192.168.1.1,,,other,6C:2E:85:19:AF:00,Sagemcom,"
        "Linux 2.6.13 (embedded) [Linux Linux],"
        "cpe:/o:linux:linux_kernel:2.6.13");
    nv_import_out_free(&r.out);
}

static void test_external_entity_refused(void **state)
{
    (void)state;
    static const char *const f[] = {
        "../shared/data/nmap/defused_et_local_includer.xml"};
    imp_run r;
    imp_files(&r, nv_import_nmap, f, 1, 0);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_non_null(strstr(r.message, "defused_et_local_includer.xml:3: "
                           "XML entity declarations are refused"));
    assert_int_equal(r.out.elements.len, 0);
}

static void test_billion_laughs_refused(void **state)
{
    (void)state;
    static const char bomb[] =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE lolz [\n"
        " <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
        " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
        " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
        " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
        " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
        " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
        " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
        "]>\n"
        "<nmaprun><host><status state=\"up\"/>"
        "<address addr=\"&lol9;\" addrtype=\"ipv4\"/></host></nmaprun>\n";
    imp_run r;
    imp_string(&r, nv_import_nmap, bomb, 0);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_string_equal(r.message, "in:3: XML entity declarations are "
                        "refused (entity expansion and external entities "
                        "are not supported)");
    assert_int_equal(r.out.elements.len, 0);
}

static void test_bad_xml(void **state)
{
    (void)state;
    imp_run r;
    imp_string(&r, nv_import_nmap, "<nmaprun>\n<host>&lol;</host></nmaprun>", 0);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_non_null(strstr(r.message, "in:2:"));
    assert_non_null(strstr(r.message, "Entity 'lol' not defined"));
    imp_string(&r, nv_import_nmap, "<nmaprun><host></nmaprun>", 0);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_non_null(strstr(r.message, "in:1:"));
    imp_string(&r, nv_import_nmap, "<graphml/>", 0);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_string_equal(r.message,
        "in:1: not nmap XML output (root element is not <nmaprun>)");
    imp_string(&r, nv_import_nmap, "", 0);
    assert_int_equal(r.rc, NETVET_EPARSE);
}

static const char no_addr[] =
    "<nmaprun>\n"
    "<host><status state=\"up\"/><address addr=\"10.0.0.1\" "
    "addrtype=\"ipv4\"/><hostnames><hostname name=\"a,b\"/></hostnames>"
    "<os><osmatch name='Say \"hi\"'/></os></host>\n"
    "<host><status state=\"up\"/></host>\n"
    "<host><status state=\"up\"/><address addr=\"fe80::1\" "
    "addrtype=\"ipv6\"/></host>\n"
    "</nmaprun>\n";

static void test_bad_host_skipped_and_quoting(void **state)
{
    (void)state;
    imp_run r;
    char line[256];
    imp_string(&r, nv_import_nmap, no_addr, 0);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.out.el.read, 3);
    assert_int_equal(r.out.el.written, 2);
    assert_int_equal(r.out.el.skipped, 1);
    assert_int_equal(r.warnings, 1);
    assert_string_equal(r.diag_text, "in:3: host has no IP address and no "
                        "hostname (record skipped)\n");
    assert_string_equal(imp_line(&r.out.elements, 1, line, sizeof line),
                        "10.0.0.1,\"a,b\",,other,,,\"Say \"\"hi\"\"\",");
    assert_string_equal(imp_line(&r.out.elements, 2, line, sizeof line),
                        "fe80::1,,,other,,,,");
    netvet_inventory *inv = imp_load(&r, 1);
    assert_non_null(inv);
    assert_string_equal(nv_inv_str(inv, inv->sys_descr[0]), "Say \"hi\"");
    netvet_inventory_free(inv);
    nv_import_out_free(&r.out);

    imp_string(&r, nv_import_nmap, no_addr, 1);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_string_equal(r.message, "in:3: host has no IP address and no "
                        "hostname");
    nv_import_out_free(&r.out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_os_scan5),
        cmocka_unit_test(test_full_sudo6),
        cmocka_unit_test(test_two_files),
        cmocka_unit_test(test_external_entity_refused),
        cmocka_unit_test(test_billion_laughs_refused),
        cmocka_unit_test(test_bad_xml),
        cmocka_unit_test(test_bad_host_skipped_and_quoting),
    };
    return imp_exit(cmocka_run_group_tests(tests, NULL, NULL));
}
