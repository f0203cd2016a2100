/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the snmpwalk importer on hand-written walks
 * (tests/data/snmpwalk: a Huawei NE8000 with a multi-line sysDescr and
 * Hex-STRING MACs, a Juniper MX960 with x:x:x MACs, an unreachable OLT) and
 * on strings: MIB-name OIDs, iso. prefix, escapes, unterminated strings,
 * invalid UTF-8, strict mode; the output round trip through the loader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "import_fixture.h"
#include "import/snmp_evidence.h"

#define SW "tests/data/snmpwalk/"

static void test_fixtures(void **state)
{
    (void)state;
    static const char *const files[] = {SW "agg-huawei-01.txt",
                                        SW "core-juniper-01.walk",
                                        SW "olt-unreachable.txt"};
    imp_run r;
    imp_files(&r, nv_import_snmpwalk, files, 3, 0);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.out.el.read, 3);
    assert_int_equal(r.out.el.written, 2);
    assert_int_equal(r.out.el.skipped, 1);
    assert_string_equal(r.out.elements.p,
        "id,name,vendor,sys_descr,sys_object_id,mac\n"
        "agg-huawei-01,man-agg1,,\"Huawei Versatile Routing Platform "
        "Software\nVRP (R) software, Version 8.180 (NE8000 V800R012C10SPC300)"
        "\nCopyright (C) 2012-2020 Huawei Technologies Co., Ltd.\n"
        "HUAWEI NE8000 M14\n\",1.3.6.1.4.1.2011.2.224.67,00:e0:fc:12:34:56\n"
        "core-juniper-01,lon-cr2,,\"Juniper Networks, Inc. mx960 internet "
        "router, kernel JUNOS 21.4R3-S5, Build date: 2023-08-01 12:00:00 UTC "
        "Copyright (c) 1996-2023 Juniper Networks, Inc.\","
        "1.3.6.1.4.1.2636.1.1.1.2.21,00:05:85:1a:2b:3c\n");
    assert_non_null(strstr(r.diag_text, "olt-unreachable.txt:1: not 'OID = "
                           "TYPE: value' (line ignored)\n"));
    assert_non_null(strstr(r.diag_text, "olt-unreachable.txt:0: no sysDescr, "
        "sysObjectID, sysName or ifPhysAddress found (record skipped)\n"));
    netvet_inventory *inv = imp_load(&r, 1);
    assert_non_null(inv);
    assert_int_equal(netvet_inventory_elements(inv), 2);
    assert_string_equal(nv_inv_str(inv, inv->mac[1]), "00:05:85:1a:2b:3c");
    netvet_inventory_free(inv);
    nv_import_out_free(&r.out);
}

static void test_forms(void **state)
{
    (void)state;
    imp_run r;
    imp_string(&r, nv_import_snmpwalk,
        "SNMPv2-MIB::sysName.0 = STRING: edge \"7\"\r\n"
        "iso.3.6.1.2.1.1.1.0 = STRING: \"say \\\"hi\\\", C:\\\\\"\r\n"
        "SNMPv2-MIB::sysObjectID.0 = OID: SNMPv2-SMI::enterprises.9.1.1\n"
        ".1.3.6.1.2.1.2.2.1.2.1 = STRING: \"no\n = closing\"\n"
        "IF-MIB::ifPhysAddress.7 = Hex-STRING: 00 00 00 00 00 00\n"
        "IF-MIB::ifPhysAddress.8 = Hex-STRING: 0A 0B 0C 0D 0E 0F 10 11 12 13"
        " 14 15 16 17 18 19\n"
        "1A 1B\n"
        "IF-MIB::ifPhysAddress.9 = Hex-STRING: 28 6E D4 88 C7 0A\n", 0);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.warnings, 0);
    assert_string_equal(r.out.elements.p,
        "id,name,vendor,sys_descr,sys_object_id,mac\n"
        "in,\"edge \"\"7\"\"\",,\"say \"\"hi\"\", C:\\\","
        "SNMPv2-SMI::enterprises.9.1.1,28:6e:d4:88:c7:0a\n");
    nv_import_out_free(&r.out);
}

/* A sysDescr over 64 KiB, quoted (it was written empty) or not (it was cut
 * silently): the first 64 KiB are kept, with a warning at its line; a
 * multi-byte character across the cut is not reported as invalid. */
static void test_long_value(void **state)
{
    (void)state;
    size_t n = NV_SNMP_MAX_VALUE + 100;
    for (int quoted = 0; quoted < 2; quoted++) {
        char *text = malloc(n + 200);
        assert_non_null(text);
        int at = sprintf(text, "SNMPv2-MIB::sysName.0 = STRING: r1\n"
                               ".1.3.6.1.2.1.1.1.0 = STRING: %s",
                         quoted ? "\"" : "");
        memset(text + at, 'x', n);
        memcpy(text + at + NV_SNMP_MAX_VALUE - 1, "\xc3\xa9", 2);
        strcpy(text + at + n, quoted ? "\"\n" : "\n");
        imp_run r;
        imp_string(&r, nv_import_snmpwalk, text, 0);
        assert_int_equal(r.rc, 0);
        assert_int_equal(r.warnings, 1);
        assert_string_equal(r.diag_text, "in:2: value longer than 65536 "
                            "bytes: only its first 65536 bytes are kept\n");
        const char *row = strstr(r.out.elements.p, "\nin,r1,,");
        assert_non_null(row);
        const char *comma = strchr(row + 8, ',');
        assert_non_null(comma);
        assert_int_equal(comma - (row + 8), NV_SNMP_MAX_VALUE - 1);
        nv_import_out_free(&r.out);
        free(text);
    }
}

static void test_bad_input(void **state)
{
    (void)state;
    imp_run r;
    char line[256];
    imp_string(&r, nv_import_snmpwalk,
        ".1.3.6.1.2.1.1.5.0 = STRING: \"caf\xc3\xa9-\xff\x01\"\n"
        "garbage\n"
        ".1.3.6.1.2.1.1.1.0 = STRING: \"never closed\nstill going\n", 0);
    assert_int_equal(r.rc, 0);
    assert_string_equal(r.diag_text,
        "in:1: invalid UTF-8 or control bytes in a value replaced with '?'\n"
        "in:2: not 'OID = TYPE: value' (line ignored)\n"
        "in:3: unterminated quoted string (value ignored)\n");
    assert_string_equal(imp_line(&r.out.elements, 1, line, sizeof line),
                        "in,caf\xc3\xa9-??,,,,");
    nv_import_out_free(&r.out);

    imp_string(&r, nv_import_snmpwalk,
               ".1.3.6.1.2.1.1.5.0 = STRING: a\ngarbage\n", 1);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_string_equal(r.message, "in:2: not 'OID = TYPE: value'");
    nv_import_out_free(&r.out);

    imp_string(&r, nv_import_snmpwalk, "", 1);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_string_equal(r.message, "in: no sysDescr, sysObjectID, sysName "
                        "or ifPhysAddress found");
    nv_import_out_free(&r.out);

    /* the same for an empty buffer given as (NULL, 0): no offset on NULL
     * (clang UBSan pointer-overflow in nv_import_snmpwalk) */
    imp_string(&r, nv_import_snmpwalk, NULL, 1);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_string_equal(r.message, "in: no sysDescr, sysObjectID, sysName "
                        "or ifPhysAddress found");
    nv_import_out_free(&r.out);
}

/* The varbind mapping a live poller shares with the file importer: OIDs in
 * every spelling, the first value of a field kept, types that do not fit a
 * field ignored, a zero MAC skipped, bad bytes replaced. */
static void test_varbind_mapping(void **state)
{
    (void)state;
    assert_int_equal(nv_snmp_field_of("1.3.6.1.2.1.1.1.0", 17), NV_SNMP_DESCR);
    assert_int_equal(nv_snmp_field_of(".1.3.6.1.2.1.1.2.0", 18),
                     NV_SNMP_OBJECT_ID);
    assert_int_equal(nv_snmp_field_of("SNMPv2-MIB::sysName.0", 21),
                     NV_SNMP_NAME);
    assert_int_equal(nv_snmp_field_of("iso.3.6.1.2.1.2.2.1.6.3", 23),
                     NV_SNMP_MAC);
    assert_int_equal(nv_snmp_field_of("1.3.6.1.2.1.1.3.0", 17), -1);
    assert_int_equal(nv_snmp_type_of("Hex-STRING", 10), NV_SNMP_HEX);
    assert_int_equal(nv_snmp_type_of("Timeticks", 9), NV_SNMP_OTHER);

    nv_snmp_evidence ev = {0};
    assert_false(nv_snmp_any(&ev));
    assert_int_equal(nv_snmp_take(&ev, NV_SNMP_MAC, NV_SNMP_HEX,
                                  "00 00 00 00 00 00", 17), 0);
    assert_int_equal(ev.val[NV_SNMP_MAC].len, 0);
    nv_snmp_take(&ev, NV_SNMP_MAC, NV_SNMP_HEX, "00 E0 FC 12 34 56", 17);
    nv_snmp_take(&ev, NV_SNMP_MAC, NV_SNMP_STRING, "0:1:2:3:4:5", 11);
    assert_memory_equal(ev.val[NV_SNMP_MAC].p, "00:e0:fc:12:34:56", 17);
    nv_snmp_take(&ev, NV_SNMP_OBJECT_ID, NV_SNMP_STRING, "1.3.6.1.4.1.9", 13);
    assert_int_equal(ev.val[NV_SNMP_OBJECT_ID].len, 0);
    nv_snmp_take(&ev, NV_SNMP_OBJECT_ID, NV_SNMP_OID,
                 "SNMPv2-MIB::sysDescr.9", 22);
    assert_int_equal(ev.val[NV_SNMP_OBJECT_ID].len, 17);
    assert_memory_equal(ev.val[NV_SNMP_OBJECT_ID].p, "1.3.6.1.2.1.1.1.9", 17);
    assert_int_equal(nv_snmp_take(&ev, NV_SNMP_DESCR, NV_SNMP_STRING,
                                  "JUNOS\x01 \xff", 8), 1);
    assert_memory_equal(ev.val[NV_SNMP_DESCR].p, "JUNOS? ?", 8);
    assert_int_equal(nv_snmp_take(&ev, NV_SNMP_DESCR, NV_SNMP_STRING,
                                  "IOS", 3), 0);
    assert_int_equal(ev.val[NV_SNMP_DESCR].len, 8);
    assert_int_equal(nv_snmp_take(&ev, -1, NV_SNMP_STRING, "x", 1), 0);
    assert_true(nv_snmp_any(&ev));
    assert_false(nv_snmp_oom(&ev));
    nv_snmp_evidence_dispose(&ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixtures),
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_long_value),
        cmocka_unit_test(test_varbind_mapping),
    };
    return imp_exit(cmocka_run_group_tests(tests, NULL, NULL));
}
