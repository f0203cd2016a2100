/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of scenario parsing: a file using every change kind and filter
 * key parsed into exact values, and malformed files each rejected with
 * their exact file:line message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "inventory/inv.h"
#include "scenario/scenario.h"

static const char good[] =
    "scenario: all-kinds\n"                                     /* 1 */
    "description: every change kind\n"                          /* 2 */
    "changes:\n"                                                /* 3 */
    "  - set: {vendor: ZTE, weight: 12.5, status: planned,\n"   /* 4 */
    "          installed: 2027-03-01, function: OLT}\n"         /* 5 */
    "    where:\n"                                              /* 6 */
    "      function: [aggregation, gNB]\n"                      /* 7 */
    "      region: London\n"                                    /* 8 */
    "      sample: 12.5%\n"                                     /* 9 */
    "      seed: 7\n"                                           /* 10 */
    "  - replace: {from: Huawei, to: Nokia}\n"                  /* 11 */
    "  - remove: {id: [a1, a2], tag: sensitive}\n"              /* 12 */
    "  - add:\n"                                                /* 13 */
    "      elements:\n"                                         /* 14 */
    "        - {id: n1, vendor: ZTE, function: ran, site: S9,\n"/* 15 */
    "           weight: 40, tags: [5g, new]}\n"                 /* 16 */
    "      links:\n"                                            /* 17 */
    "        - {a: n1, b: a3, kind: fibre, capacity: 10000}\n"; /* 18 */

static void test_parse_all_kinds(void **state)
{
    (void)state;
    netvet_scenario *s = NULL;
    assert_int_equal(netvet_scenario_load_buffer(&s, good, strlen(good),
                                                 "good.yaml", NULL), 0);
    assert_string_equal(netvet_scenario_name(s), "all-kinds");
    assert_string_equal(netvet_scenario_description(s), "every change kind");
    assert_int_equal(netvet_scenario_changes(s), 4);

    const nv_change *c = &s->changes[0];
    assert_int_equal(c->kind, NV_CHANGE_SET);
    assert_int_equal(c->line, 4);
    assert_int_equal(c->set.has, (1u << NV_ATTR_VENDOR) |
                                     (1u << NV_ATTR_WEIGHT) |
                                     (1u << NV_ATTR_STATUS) |
                                     (1u << NV_ATTR_INSTALLED) |
                                     (1u << NV_ATTR_FUNCTION));
    assert_string_equal(c->set.text[NV_ATTR_VENDOR], "ZTE");
    assert_true(c->set.weight == 12.5);
    assert_int_equal(c->set.status, NV_STATUS_PLANNED);
    int32_t day;
    assert_int_equal(nv_parse_date("2027-03-01", 10, &day), 0);
    assert_int_equal(c->set.installed, day);
    assert_int_equal(c->set.function, NETVET_FN_ACCESS);
    assert_string_equal(c->set.text[NV_ATTR_FUNCTION], "OLT");
    assert_int_equal(c->where.line, 7);
    assert_int_equal(c->where.fn_mask, (1u << NETVET_FN_AGGREGATION) |
                                           (1u << NETVET_FN_RAN));
    assert_int_equal(c->where.regions.n, 1);
    assert_string_equal(c->where.regions.items[0], "London");
    assert_true(c->where.sample == 0.125);
    assert_int_equal(c->where.seed, 7);
    assert_int_equal(c->where.sample_line, 9);

    c = &s->changes[1];
    assert_int_equal(c->kind, NV_CHANGE_REPLACE);
    assert_int_equal(c->has_where, 0);
    assert_string_equal(c->from, "Huawei");
    assert_string_equal(c->to, "Nokia");

    c = &s->changes[2];
    assert_int_equal(c->kind, NV_CHANGE_REMOVE);
    assert_int_equal(c->where.ids.n, 2);
    assert_string_equal(c->where.ids.items[1], "a2");
    assert_string_equal(c->where.tags.items[0], "sensitive");
    assert_true(c->where.sample == 0);

    c = &s->changes[3];
    assert_int_equal(c->kind, NV_CHANGE_ADD);
    assert_int_equal(c->n_elements, 1);
    assert_string_equal(c->elements[0].id, "n1");
    assert_int_equal(c->elements[0].line, 15);
    assert_int_equal(c->elements[0].attrs.function, NETVET_FN_RAN);
    assert_true(c->elements[0].attrs.weight == 40);
    assert_int_equal(c->elements[0].attrs.tags.n, 2);
    assert_string_equal(c->elements[0].attrs.tags.items[1], "new");
    assert_int_equal(c->n_links, 1);
    assert_string_equal(c->links[0].b, "a3");
    assert_int_equal(c->links[0].line, 18);
    netvet_scenario_free(s);
}

static void test_default_name_from_file(void **state)
{
    (void)state;
    static const char y[] = "changes:\n  - remove: {id: x}\n";
    netvet_scenario *s = NULL;
    assert_int_equal(netvet_scenario_load_buffer(&s, y, strlen(y),
                                                 "dir/buy-zte.yaml", NULL), 0);
    assert_string_equal(netvet_scenario_name(s), "buy-zte");
    assert_string_equal(netvet_scenario_description(s), "");
    netvet_scenario_free(s);
}

typedef struct bad_case {
    const char *yaml;
    const char *message;
} bad_case;

static const bad_case bad[] = {
    {"changes: []\n", "b.yaml:1: 'changes' must be a non-empty list"},
    {"scenario: x\n", "b.yaml:1: scenario has no 'changes'"},
    {"chnages: []\n", "b.yaml:1: unknown key 'chnages' in scenario file"},
    {"changes:\n  - set: {vendor: ZTE}\n",
     "b.yaml:2: 'set' needs a 'where' filter"},
    {"changes:\n  - set: {vendor: ZTE}\n    where: {funtion: ran}\n",
     "b.yaml:3: unknown key 'funtion' in where"},
    {"changes:\n  - set: {colour: red}\n    where: {function: ran}\n",
     "b.yaml:2: unknown key 'colour' in set"},
    {"changes:\n  - set: {vendor: ZTE}\n    where: {function: router}\n",
     "b.yaml:3: unknown function 'router' (core, management, security, "
     "aggregation, access, ran, cpe, other, or an alias such as OLT or gNB)"},
    {"changes:\n  - set: {weight: -1}\n    where: {id: a}\n",
     "b.yaml:2: 'weight' must be a number from 0 to 1e15"},
    {"changes:\n  - set: {status: retired}\n    where: {id: a}\n",
     "b.yaml:2: 'status' must be active, planned or decommissioned"},
    {"changes:\n  - set: {installed: 2027-02-30}\n    where: {id: a}\n",
     "b.yaml:2: 'installed' must be a date YYYY-MM-DD"},
    {"changes:\n  - set: {vendor: ZTE}\n    where: {function: ran,\n"
     "      sample: 20}\n",
     "b.yaml:4: 'sample' must be a percentage above 0% and at most 100%, "
     "such as 20%"},
    {"changes:\n  - set: {vendor: ZTE}\n    where: {id: a, seed: 3}\n",
     "b.yaml:3: 'seed' is only used with 'sample'"},
    {"changes:\n  - set: {vendor: ZTE}\n    where: {}\n",
     "b.yaml:3: where selects nothing: give function, vendor, site, region, "
     "tag or id"},
    {"changes:\n  - set: {vendor: ZTE}\n    remove: {id: a}\n",
     "b.yaml:3: a change has one action; found both 'set' and 'remove'"},
    {"changes:\n  - note: nothing\n",
     "b.yaml:2: a change needs one action: set, add, remove or replace"},
    {"changes:\n  - remove: {id: a}\n    where: {id: b}\n",
     "b.yaml:3: 'remove' takes no 'where' (its value is the filter)"},
    {"changes:\n  - replace: {from: Huawei}\n",
     "b.yaml:2: 'replace' needs 'from' and 'to' vendors"},
    {"changes:\n  - add: {elements: [{id: n1, function: ran}]}\n",
     "b.yaml:2: new element 'n1' needs a 'vendor'"},
    {"changes:\n  - add: {elements: [{vendor: ZTE, function: ran}]}\n",
     "b.yaml:2: a new element needs an 'id'"},
    {"changes:\n  - add: {links: [{a: x}]}\n",
     "b.yaml:2: a new link needs both ends, 'a' and 'b'"},
    {"changes:\n  - add: {links: [{a: x, b: y, capacity: fast}]}\n",
     "b.yaml:2: 'capacity' must be a number from 0 to 1e15"},
    {"changes:\n  - add: {links: [{a: x, b: y, kind: [fibre]}]}\n",
     "b.yaml:2: 'kind' must be a string"},
    {"changes:\n  - add: {}\n", "b.yaml:2: 'add' needs 'elements' or 'links'"},
    {"changes:\n  - set: {vendor: ZTE}\n    where: {id: a}\n  - [x]\n",
     "b.yaml:4: expected a mapping for a change"},
    {"changes:\n  - set: {vendor: ZTE\n", "b.yaml:3: YAML syntax error: did "
     "not find expected ',' or '}' (while parsing a flow mapping)"},
    {"changes:\n  - remove: {id: a}\n---\nchanges: []\n",
     "b.yaml:4: a scenario holds one YAML document; found a second"},
    {"", "b.yaml:1: empty scenario"},
    {"changes: [[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]\n",
     "b.yaml:1: YAML nested deeper than 16 levels"},    {"changes:\n  - remove: &r {id: a}\n  - remove: *r\n",
     "b.yaml:2: YAML anchors and aliases (*name) are not supported"},
};

static void test_malformed(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        netvet_diag *d = NULL;
        netvet_scenario *s = NULL;
        assert_int_equal(netvet_diag_new(&d, NULL, NULL), 0);
        int rc = netvet_scenario_load_buffer(&s, bad[i].yaml,
                                             strlen(bad[i].yaml), "b.yaml", d);
        if (rc != NETVET_EPARSE ||
            strcmp(netvet_diag_message(d), bad[i].message) != 0)
            fail_msg("case %zu: rc %d, message '%s', expected '%s'", i, rc,
                     netvet_diag_message(d), bad[i].message);
        assert_null(s);
        netvet_diag_free(d);
    }
}

static void test_size_limit(void **state)
{
    (void)state;
    size_t len = NV_SCENARIO_MAX_BYTES + 1;
    char *big = calloc(len, 1);
    netvet_scenario *s = NULL;
    assert_non_null(big);
    memset(big, '#', len);
    assert_int_equal(netvet_scenario_load_buffer(&s, big, len, "big", NULL),
                     NETVET_ELIMIT);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_all_kinds),
        cmocka_unit_test(test_default_name_from_file),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_size_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
