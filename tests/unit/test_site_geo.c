/* SPDX-License-Identifier: Apache-2.0 */
/* Site coordinates kept by the loader for the HTML report's map: one per
 * site (the smallest lat, then lon, when a site's rows disagree), the
 * same whether the file is read in one part or several, and compacted
 * when sites repeat out of order; none unless asked for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "inventory/inv.h"
#include "inventory/parts.h"

/* n rows over `sites` sites, in round-robin order (no two rows in a row
 * at one site), site s at lat 50 + s/100, lon -s/50; site 3 also has a
 * row without coordinates and site 5 one at another point. */
static char *make_csv(size_t n, size_t sites, size_t *len)
{
    size_t cap = 64 + n * 64, at = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    at += (size_t)snprintf(buf, cap, "id,vendor,function,site,lat,lon\n");
    for (size_t i = 0; i < n; i++) {
        size_t s = i % sites;
        at += (size_t)snprintf(buf + at, cap - at,
                               "E%07zu,Nokia,access,S%03zu,%.2f,%.2f\n", i, s,
                               50 + (double)s / 100, -(double)s / 50);
    }
    at += (size_t)snprintf(buf + at, cap - at,
                           "X1,Nokia,access,S003,,\nX2,Nokia,access,S005,"
                           "49.00,1.00\nX3,Nokia,access,,10,10\n");
    *len = at;
    return buf;
}

static netvet_inventory *load_with(const char *csv, size_t len, size_t parts,
                                   const netvet_load_options *o)
{
    netvet_inventory *inv = NULL;
    size_t saved = nv_parts_forced;
    nv_parts_forced = parts;
    assert_int_equal(nv_inventory_load_buffers(&inv, csv, len, "e.csv", NULL,
                                               0, NULL, o, NULL),
                     0);
    nv_parts_forced = saved;
    return inv;
}

static netvet_inventory *load(const char *csv, size_t len, size_t parts)
{
    netvet_load_options o = NETVET_LOAD_OPTIONS_INIT;
    return load_with(csv, len, parts, &o);
}

static void check_sites(const netvet_inventory *inv, size_t sites)
{
    assert_int_equal(inv->n_site_geo, sites);
    for (size_t i = 0; i < inv->n_site_geo; i++) {
        const nv_site_geo *g = &inv->site_geo[i];
        const char *name = nv_inv_str(inv, g->site);
        size_t s = (size_t)strtoul(name + 1, NULL, 10);
        if (i)
            assert_true(inv->site_geo[i - 1].site < g->site);
        if (s == 5) { /* the smaller latitude of its two points */
            assert_float_equal(g->lat, 49.0, 1e-5);
            assert_float_equal(g->lon, 1.0, 1e-5);
            continue;
        }
        assert_float_equal(g->lat, 50 + (double)s / 100, 1e-4);
        assert_float_equal(g->lon, -(double)s / 50, 1e-4);
    }
}

static void test_one_and_many_parts(void **state)
{
    (void)state;
    size_t len;
    char *csv = make_csv(20000, 300, &len);
    for (size_t parts = 1; parts <= 4; parts++) {
        netvet_inventory *inv = load(csv, len, parts);
        assert_int_equal(netvet_inventory_elements(inv), 20003);
        assert_int_equal(inv->times[0].parts, parts);
        check_sites(inv, 300);
        netvet_inventory_free(inv);
    }
    free(csv);
}

/* Without site_points no point is kept, in one part or several, while
 * a row with a latitude out of range is still skipped; options of
 * version 3, which lack the field, keep them. */
static void test_site_points_off(void **state)
{
    (void)state;
    size_t len;
    char *csv = make_csv(20000, 300, &len);
    static const char bad[] = "B1,Nokia,access,S001,91,0\n";
    char *all = malloc(len + sizeof bad);
    assert_non_null(all);
    memcpy(all, csv, len);
    memcpy(all + len, bad, sizeof bad);
    netvet_load_options o = NETVET_LOAD_OPTIONS_INIT;
    o.site_points = 0;
    for (size_t parts = 1; parts <= 3; parts += 2) {
        netvet_inventory *inv = load_with(all, len + sizeof bad - 1, parts, &o);
        assert_int_equal(netvet_inventory_elements(inv), 20003);
        assert_int_equal(netvet_inventory_stats(inv, 0).rows_skipped, 1);
        assert_int_equal(inv->n_site_geo, 0);
        netvet_inventory_free(inv);
    }
    o.version = 3;
    netvet_inventory *inv = load_with(csv, len, 2, &o);
    check_sites(inv, 300);
    netvet_inventory_free(inv);
    free(all);
    free(csv);
}

static void test_no_coordinates(void **state)
{
    (void)state;
    static const char csv[] = "id,vendor,function,site\nA,Nokia,core,S1\n";
    netvet_inventory *inv = load(csv, sizeof csv - 1, 1);
    assert_int_equal(inv->n_site_geo, 0);
    assert_null(inv->site_geo);
    netvet_inventory_free(inv);
}

/* A site's rows apart, at one latitude and two longitudes: the smaller
 * longitude; the sites in string-id order (S2 was interned first). */
static void test_latitude_tie(void **state)
{
    (void)state;
    static const char csv[] =
        "id,vendor,function,site,lat,lon\n"
        "A,Nokia,core,S2,1,1\nB,Nokia,core,S1,10,5\nC,Nokia,core,S2,0.5,9\n"
        "D,Nokia,core,S1,10,4\nE,Nokia,core,S2,1,0\nF,Nokia,core,S1,11,0\n";
    netvet_inventory *inv = load(csv, sizeof csv - 1, 1);
    assert_int_equal(inv->n_site_geo, 2);
    assert_string_equal(nv_inv_str(inv, inv->site_geo[0].site), "S2");
    assert_float_equal(inv->site_geo[0].lat, 0.5, 1e-6);
    assert_float_equal(inv->site_geo[0].lon, 9, 1e-6);
    assert_string_equal(nv_inv_str(inv, inv->site_geo[1].site), "S1");
    assert_float_equal(inv->site_geo[1].lat, 10, 1e-6);
    assert_float_equal(inv->site_geo[1].lon, 4, 1e-6);
    netvet_inventory_free(inv);
}

/* Sites first seen after 300 distinct MACs have string ids far past the
 * ten entries kept for them: compacted by sorting, with the same result. */
static void test_late_sites(void **state)
{
    (void)state;
    char csv[32768];
    size_t at = (size_t)snprintf(csv, sizeof(csv),
                                 "id,vendor,function,site,lat,lon,mac\n");
    for (int i = 0; i < 300; i++)
        at += (size_t)snprintf(csv + at, sizeof(csv) - at,
                               "M%d,Nokia,access,,,,00:00:00:00:%02x:%02x\n",
                               i, i >> 8, i & 255);
    for (int i = 0; i < 10; i++)
        at += (size_t)snprintf(csv + at, sizeof(csv) - at,
                               "L%d,Nokia,access,S%d,%d,%d,00:00:00:01:00:%02x\n",
                               i, 3 - i % 3, 10 - i, i, i);
    netvet_inventory *inv = load(csv, at, 1);
    assert_int_equal(inv->n_site_geo, 3);
    static const char *const site[] = {"S3", "S2", "S1"};
    static const double lat[] = {1, 3, 2}, lon[] = {9, 7, 8};
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(nv_inv_str(inv, inv->site_geo[i].site), site[i]);
        assert_true(inv->site_geo[i].site > 300);
        assert_float_equal(inv->site_geo[i].lat, lat[i], 1e-6);
        assert_float_equal(inv->site_geo[i].lon, lon[i], 1e-6);
    }
    netvet_inventory_free(inv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_and_many_parts),
        cmocka_unit_test(test_site_points_off),
        cmocka_unit_test(test_no_coordinates),
        cmocka_unit_test(test_latitude_tie),
        cmocka_unit_test(test_late_sites),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
