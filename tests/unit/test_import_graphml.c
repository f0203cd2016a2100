/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the GraphML importer on three real Topology Zoo graphs
 * (Abilene, Aarnet, Geant2009, read in place from ../shared/data), checking
 * node/edge counts against the Zoo's index, exact rows, loader round trip;
 * and on small hand-written graphs: parallel edges, keys declared for
 * "all", bad nodes and edges, bad coordinates, an entity declaration. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "import_fixture.h"

static void check_zoo(const char *name, uint64_t nodes, uint64_t edges,
                      const char *node0, const char *edge_last)
{
    char rel[256], line[512];
    snprintf(rel, sizeof rel, "../shared/data/topologyzoo/%s.graphml", name);
    const char *files[] = {rel};
    imp_run r;
    imp_files(&r, nv_import_graphml, files, 1, 0);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.warnings, 0);
    assert_int_equal(r.out.el.read, nodes);
    assert_int_equal(r.out.el.written, nodes);
    assert_int_equal(r.out.ln.read, edges);
    assert_int_equal(r.out.ln.written, edges);
    assert_string_equal(imp_line(&r.out.elements, 0, line, sizeof line),
                        "id,name,vendor,function,lat,lon,region,tags");
    assert_string_equal(imp_line(&r.out.elements, 1, line, sizeof line),
                        node0);
    assert_string_equal(imp_line(&r.out.links, 0, line, sizeof line),
                        "a,b,kind,capacity");
    assert_string_equal(imp_line(&r.out.links, edges, line, sizeof line),
                        edge_last);
    netvet_inventory *inv = imp_load(&r, 0);
    assert_non_null(inv);
    assert_int_equal(netvet_inventory_elements(inv), nodes);
    assert_int_equal(netvet_inventory_links(inv), edges);
    assert_int_equal(inv->function[0], NETVET_FN_AGGREGATION);
    netvet_inventory_free(inv);
    nv_import_out_free(&r.out);
}

static void test_abilene(void **state)
{
    (void)state;
    check_zoo("Abilene", 11, 14,
              "0,New York,,aggregation,40.71427,-74.00597,United States,",
              "9,10,OC-192c,");
}

static void test_aarnet(void **state)
{
    (void)state;
    check_zoo("Aarnet", 19, 24,
              "0,Sydney1,,aggregation,-33.86785,151.20732,Australia,",
              "17,18,< 155 Mbps,");
}

static void test_geant2009(void **state)
{
    (void)state;
    check_zoo("Geant2009", 34, 52,
              "0,NL,,aggregation,52.37403,4.88969,Netherlands,",
              "32,33,10 Gbps,10000000000.0");
}

static const char multigraph[] =
    "<?xml version=\"1.0\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    " <key attr.name=\"label\" for=\"all\" id=\"l\"/>\n"
    " <key attr.name=\"Latitude\" for=\"node\" id=\"y\"/>\n"
    " <key attr.name=\"Longitude\" for=\"node\" id=\"x\"/>\n"
    " <key attr.name=\"Internal\" for=\"node\" id=\"i\"/>\n"
    " <key attr.name=\"LinkLabel\" for=\"edge\" id=\"k\"/>\n"
    " <graph edgedefault=\"undirected\">\n"
    "  <node id=\"a\"><data key=\"l\">London, \"LON\"</data>"
    "<data key=\"y\">51.5</data><data key=\"x\">-0.12</data></node>\n"
    "  <node id=\"b\"><data key=\"l\">Paris</data><data key=\"y\">91</data>"
    "<data key=\"i\">0</data></node>\n"
    "  <node><data key=\"l\">no id</data></node>\n"
    "  <node id=\"a\"><data key=\"l\">again</data></node>\n"
    "  <edge source=\"a\" target=\"b\"><data key=\"k\">fibre</data></edge>\n"
    "  <edge source=\"a\" target=\"b\"><data key=\"k\">fibre</data></edge>\n"
    "  <edge source=\"a\" target=\"zz\"/>\n"
    "  <edge target=\"a\"/>\n"
    " </graph>\n"
    "</graphml>\n";

static void test_multigraph_and_bad_records(void **state)
{
    (void)state;
    imp_run r;
    char line[256];
    imp_string(&r, nv_import_graphml, multigraph, 0);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.out.el.read, 4);
    assert_int_equal(r.out.el.written, 2);
    assert_int_equal(r.out.el.skipped, 2);
    assert_int_equal(r.out.ln.read, 4);
    assert_int_equal(r.out.ln.written, 2);
    assert_int_equal(r.out.ln.skipped, 2);
    assert_string_equal(r.diag_text,
        "in:10: node 'b': Latitude '91' is not a number within +-90 "
        "(left empty)\n"
        "in:11: node without an id (record skipped)\n"
        "in:12: duplicate node id 'a' (record skipped)\n"
        "in:15: edge target 'zz' is not a node (record skipped)\n"
        "in:16: edge source '(missing)' is not a node (record skipped)\n");
    assert_string_equal(imp_line(&r.out.elements, 1, line, sizeof line),
        "a,\"London, \"\"LON\"\"\",,aggregation,51.5,-0.12,,");
    assert_string_equal(imp_line(&r.out.elements, 2, line, sizeof line),
                        "b,Paris,,aggregation,,,,external");
    assert_string_equal(imp_line(&r.out.links, 1, line, sizeof line),
                        "a,b,fibre,");
    assert_string_equal(imp_line(&r.out.links, 2, line, sizeof line),
                        "a,b,fibre,");
    netvet_inventory *inv = imp_load(&r, 0);
    assert_non_null(inv);
    assert_int_equal(netvet_inventory_links(inv), 2); /* parallel, kept */
    netvet_inventory_free(inv);
    nv_import_out_free(&r.out);

    imp_string(&r, nv_import_graphml, multigraph, 1);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_string_equal(r.message, "in:11: node without an id");
    nv_import_out_free(&r.out);
}

/* Issue 16, item 11: nothing dropped without a word. A LinkSpeedRaw that
 * is negative, not a number or above 1e15 is left empty with a warning; a
 * duplicate <key> id is warned and ignored (the first declaration wins: the
 * 'LinkSpeedRaw' that reused id 'l' does not turn labels into speeds); a
 * second <graph> is warned and ignored. */
static const char dropped[] =
    "<graphml>\n"
    " <key attr.name=\"label\" for=\"node\" id=\"l\"/>\n"
    " <key attr.name=\"LinkSpeedRaw\" for=\"edge\" id=\"s\"/>\n"
    " <key attr.name=\"LinkSpeedRaw\" for=\"edge\" id=\"l\"/>\n"
    " <graph>\n"
    "  <node id=\"a\"><data key=\"l\">A</data></node>\n"
    "  <node id=\"b\"/>\n"
    "  <edge source=\"a\" target=\"b\"><data key=\"s\">-10</data></edge>\n"
    "  <edge source=\"a\" target=\"b\"><data key=\"s\">fast</data></edge>\n"
    "  <edge source=\"a\" target=\"b\"><data key=\"s\">1e308</data></edge>\n"
    "  <edge source=\"a\" target=\"b\"><data key=\"s\">1e10</data>"
    "<data key=\"l\">7</data></edge>\n"
    " </graph>\n"
    " <graph><node id=\"c\"/></graph>\n"
    "</graphml>\n";

static void test_dropped_with_a_word(void **state)
{
    (void)state;
    imp_run r;
    char line[256];
    imp_string(&r, nv_import_graphml, dropped, 0);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.out.el.written, 2);
    assert_int_equal(r.out.ln.written, 4);
    assert_string_equal(r.diag_text,
        "in:13: a second <graph> is ignored (only the first is imported: "
        "give each graph its own file)\n"
        "in:4: duplicate <key> id 'l' (this declaration is ignored; the "
        "first, line 2, is used)\n"
        "in:8: edge 'a'-'b': LinkSpeedRaw '-10' is not a number from 0 to "
        "1e15 (capacity left empty)\n"
        "in:9: edge 'a'-'b': LinkSpeedRaw 'fast' is not a number from 0 to "
        "1e15 (capacity left empty)\n"
        "in:10: edge 'a'-'b': LinkSpeedRaw '1e308' is not a number from 0 "
        "to 1e15 (capacity left empty)\n");
    assert_string_equal(imp_line(&r.out.elements, 1, line, sizeof line),
                        "a,A,,aggregation,,,,");
    assert_string_equal(imp_line(&r.out.links, 1, line, sizeof line),
                        "a,b,,");
    assert_string_equal(imp_line(&r.out.links, 4, line, sizeof line),
                        "a,b,,1e10");
    nv_import_out_free(&r.out);
}

static void test_refused(void **state)
{
    (void)state;
    imp_run r;
    imp_string(&r, nv_import_graphml,
               "<?xml version=\"1.0\"?>\n<!DOCTYPE g [\n"
               "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
               "<graphml><graph><node id=\"&x;\"/></graph></graphml>", 0);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_string_equal(r.message, "in:3: XML entity declarations are "
                        "refused (entity expansion and external entities "
                        "are not supported)");
    imp_string(&r, nv_import_graphml, "<nmaprun/>", 0);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_string_equal(r.message,
                        "in:1: not GraphML (expected <graphml> with a <graph>)");
    imp_string(&r, nv_import_graphml, "<graphml><graph>", 0);
    assert_int_equal(r.rc, NETVET_EPARSE);
    assert_int_equal(r.out.elements.len, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_abilene),
        cmocka_unit_test(test_aarnet),
        cmocka_unit_test(test_geant2009),
        cmocka_unit_test(test_multigraph_and_bad_records),
        cmocka_unit_test(test_refused),
        cmocka_unit_test(test_dropped_with_a_word),
    };
    return imp_exit(cmocka_run_group_tests(tests, NULL, NULL));
}
