/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of registry format 2: owners with shares and dates, the
 * jurisdictions they give on a day at a threshold (boundaries included),
 * listings with dates and their inheritance, every loader error of the new
 * keys with its exact file:line message, v1 equivalence, name
 * explanations, and the packs' ownership threshold. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "inventory/inv.h"
#include "netvet/policy.h"
#include "netvet/vendors.h"

static int32_t day(const char *iso)
{
    int32_t d;
    assert_int_equal(nv_parse_date(iso, strlen(iso), &d), 0);
    return d;
}

/* Load `text` (named r.yaml) into a new empty registry; *msg gets the
 * diagnostic. *out is NULL when loading failed. */
static int load(const char *text, netvet_registry **out, char *msg,
                size_t msg_size)
{
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    assert_int_equal(netvet_registry_new_empty(out), 0);
    int rc = netvet_registry_overlay_buffer(*out, text, strlen(text),
                                            "r.yaml", diag);
    snprintf(msg, msg_size, "%s", netvet_diag_message(diag));
    netvet_diag_free(diag);
    if (rc < 0) {
        netvet_registry_free(*out);
        *out = NULL;
    }
    return rc;
}

static netvet_registry *must_load(const char *text)
{
    char msg[1024];
    netvet_registry *reg;
    if (load(text, &reg, msg, sizeof msg) < 0)
        fail_msg("load: %s", msg);
    return reg;
}

/* Jurisdictions of `id` on `iso` at threshold t, joined by ",". */
static const char *jur(const netvet_registry *reg, const char *id,
                       const char *iso, double t)
{
    static char buf[256];
    const char *codes[8];
    size_t n = netvet_registry_jurisdictions(
        reg, netvet_registry_find(reg, id), day(iso), t, codes, 8);
    buf[0] = '\0';
    for (size_t k = 0; k < n && k < 8; k++)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s",
                 k ? "," : "", codes[k]);
    return buf;
}

static const char *const chain =
    "format: netvet-registry/2\n"
    "vendors:\n"
    "  - id: huaxin\n"
    "    kind: holder\n"
    "    name: Huaxin\n"
    "    country: CN\n"
    "    owners:\n"
    "      - {state: CN, share: 100, source: s}\n"
    "  - id: nokia\n"
    "    name: Nokia\n"
    "    country: FI\n"
    "  - id: nsb\n"
    "    name: NSB\n"
    "    country: CN\n"
    "    owners:\n"
    "      - {owner: nokia, share: 50, from: 2017-07-01, source: s}\n"
    "      - {owner: huaxin, share: 50, from: 2017-07-01, source: s}\n"
    "  - id: ale\n"
    "    name: ALE\n"
    "    country: FR\n"
    "    owners:\n"
    "      - {owner: huaxin, share: 85, from: 2014-10-01, source: s}\n"
    "  - id: h3c\n"
    "    name: H3C\n"
    "    country: CN\n"
    "    owners:\n"
    "      - {owner: hpe, share: 49, from: 2015-05-01, until: 2024-08-01, "
    "source: s}\n"
    "      - {owner: hpe, share: 19, from: 2024-08-01, until: 2025-11-01, "
    "source: s}\n"
    "      - {owner: hpe, share: 9, from: 2025-11-01, source: s}\n"
    "  - id: hpe\n"
    "    name: HPE\n"
    "    country: US\n"
    "  - id: acme\n"
    "    name: Acme\n"
    "    country: GB\n"
    "    owners:\n"
    "      - {state: CN, share: 12, source: s}\n"
    "      - {state: RU, share: 10, source: s}\n";

static void test_jurisdictions_dates(void **state)
{
    (void)state;
    netvet_registry *reg = must_load(chain);
    /* from is the first day, until the first day without */
    assert_string_equal(jur(reg, "nsb", "2017-06-30", 10), "CN");
    assert_string_equal(jur(reg, "nsb", "2017-07-01", 10), "CN,FI");
    assert_string_equal(jur(reg, "ale", "2014-09-30", 10), "FR");
    assert_string_equal(jur(reg, "ale", "2014-10-01", 10), "CN,FR");
    assert_string_equal(jur(reg, "h3c", "2015-04-30", 10), "CN");
    assert_string_equal(jur(reg, "h3c", "2024-07-31", 10), "CN,US");
    assert_string_equal(jur(reg, "h3c", "2024-08-01", 10), "CN,US");
    assert_string_equal(jur(reg, "h3c", "2024-08-01", 20), "CN");
    assert_string_equal(jur(reg, "h3c", "2025-10-31", 10), "CN,US");
    assert_string_equal(jur(reg, "h3c", "2025-11-01", 10), "CN");
    assert_string_equal(jur(reg, "h3c", "2025-11-01", 9), "CN,US");
    netvet_registry_free(reg);
}

static void test_jurisdictions_threshold(void **state)
{
    (void)state;
    netvet_registry *reg = must_load(chain);
    /* share >= threshold: 10 % counts at exactly 10 */
    assert_string_equal(jur(reg, "acme", "2026-01-01", 10), "CN,GB,RU");
    assert_string_equal(jur(reg, "acme", "2026-01-01", 10.5), "CN,GB");
    assert_string_equal(jur(reg, "acme", "2026-01-01", 12), "CN,GB");
    assert_string_equal(jur(reg, "acme", "2026-01-01", 25), "GB");
    assert_string_equal(jur(reg, "acme", "2026-01-01",
                            NETVET_OWNERSHIP_THRESHOLD), "CN,GB,RU");
    /* cap too small: the count, and only cap codes written */
    const char *one[1] = {NULL};
    assert_int_equal(netvet_registry_jurisdictions(
                         reg, netvet_registry_find(reg, "acme"),
                         day("2026-01-01"), 10, one, 1), 3);
    assert_string_equal(one[0], "CN");
    assert_int_equal(netvet_registry_jurisdictions(reg, 99, 0, 10, one, 1),
                     0);
    assert_int_equal(netvet_registry_jurisdictions(reg, -1, 0, 10, one, 1),
                     0);
    netvet_registry_free(reg);
}

static void test_owner_fields(void **state)
{
    (void)state;
    netvet_registry *reg = must_load(chain);
    const netvet_vendor *h =
        netvet_registry_vendor(reg, (size_t)netvet_registry_find(reg, "h3c"));
    assert_int_equal(h->n_owners, 3);
    assert_string_equal(h->owners[1].owner, "hpe");
    assert_int_equal(h->owners[1].owner_index, netvet_registry_find(reg, "hpe"));
    assert_null(h->owners[1].state);
    assert_true(h->owners[1].share == 19.0);
    assert_string_equal(h->owners[1].from, "2024-08-01");
    assert_int_equal(h->owners[1].from_day, day("2024-08-01"));
    assert_int_equal(h->owners[2].until_day, INT32_MAX);
    assert_string_equal(h->owners[2].until, "");
    assert_int_equal(netvet_owner_in_force(&h->owners[1], day("2025-10-31")),
                     1);
    assert_int_equal(netvet_owner_in_force(&h->owners[1], day("2025-11-01")),
                     0);
    const netvet_vendor *x = netvet_registry_vendor(
        reg, (size_t)netvet_registry_find(reg, "huaxin"));
    assert_int_equal(x->kind, NETVET_ENTRY_HOLDER);
    assert_int_equal(h->kind, NETVET_ENTRY_VENDOR);
    assert_int_equal(x->owners[0].owner_index, -1);
    assert_string_equal(x->owners[0].state, "CN");
    assert_int_equal(netvet_registry_entry_format(reg, 0), 2);
    netvet_registry_free(reg);
}

static const char *const listed_text =
    "format: netvet-registry/2\n"
    "vendors:\n"
    "  - id: big\n"
    "    name: Big\n"
    "    country: CN\n"
    "    listings:\n"
    "      - {id: us-fcc-covered, date: 2021-03-12, source: s}\n"
    "      - {id: old-list, date: 2019-01-01, until: 2020-01-01, source: s}\n"
    "  - id: sub\n"
    "    name: Sub\n"
    "    country: GB\n"
    "    owners:\n"
    "      - {owner: big, share: 51, from: 2022-01-01, source: s}\n"
    "  - id: half\n"
    "    name: Half\n"
    "    country: FI\n"
    "    owners:\n"
    "      - {owner: big, share: 50, source: s}\n"
    "  - id: subsub\n"
    "    name: Subsub\n"
    "    country: DE\n"
    "    owners:\n"
    "      - {owner: sub, share: 100, source: s}\n";

static void test_listed(void **state)
{
    (void)state;
    netvet_registry *reg = must_load(listed_text);
    int big = netvet_registry_find(reg, "big"),
        sub = netvet_registry_find(reg, "sub"),
        half = netvet_registry_find(reg, "half"),
        subsub = netvet_registry_find(reg, "subsub");
    const char *f = "us-fcc-covered";
    assert_int_equal(netvet_registry_listed(reg, big, f, day("2021-03-11")), 0);
    assert_int_equal(netvet_registry_listed(reg, big, f, day("2021-03-12")), 1);
    assert_int_equal(netvet_registry_listed(reg, big, "old-list",
                                            day("2019-12-31")), 1);
    assert_int_equal(netvet_registry_listed(reg, big, "old-list",
                                            day("2020-01-01")), 0);
    /* > 50 % owners pass their listings down, from the stake's date */
    assert_int_equal(netvet_registry_listed(reg, sub, f, day("2021-12-31")), 0);
    assert_int_equal(netvet_registry_listed(reg, sub, f, day("2022-01-01")), 1);
    assert_int_equal(netvet_registry_listed(reg, subsub, f,
                                            day("2022-01-01")), 1);
    assert_int_equal(netvet_registry_listed(reg, half, f, day("2025-01-01")),
                     0);
    assert_int_equal(netvet_registry_listed(reg, big, "nope", 20000), 0);
    assert_int_equal(netvet_registry_listed(reg, 99, f, 20000), 0);
    const netvet_vendor *b = netvet_registry_vendor(reg, (size_t)big);
    assert_string_equal(b->listings[1].until, "2020-01-01");
    assert_string_equal(b->listings[0].until, "");
    netvet_registry_free(reg);
}

/* A v1 file and the same facts in format 2 give the same answers. */
static void test_v1_equivalence(void **state)
{
    (void)state;
    static const char *const v1 =
        "vendors:\n"
        "  - id: group\n    name: Group\n    country: CN\n"
        "    listings: [{id: l1, date: 2020-01-01, source: s}]\n"
        "  - id: daughter\n    name: Daughter\n    country: GB\n"
        "    parent: group\n";
    static const char *const v2 =
        "format: netvet-registry/2\n"
        "vendors:\n"
        "  - id: group\n    name: Group\n    country: CN\n"
        "    listings: [{id: l1, date: 2020-01-01, source: s}]\n"
        "  - id: daughter\n    name: Daughter\n    country: GB\n"
        "    parent: group\n";
    netvet_registry *a = must_load(v1), *b = must_load(v2);
    for (int k = 0; k < 2; k++) {
        netvet_registry *r = k ? b : a;
        int d = netvet_registry_find(r, "daughter");
        assert_int_equal(netvet_registry_root(r, d),
                         netvet_registry_find(r, "group"));
        assert_string_equal(netvet_registry_country(r, d), "CN");
        assert_string_equal(jur(r, "daughter", "2000-01-01", 10), "CN,GB");
        assert_string_equal(jur(r, "daughter", "2000-01-01", 100), "CN,GB");
        assert_int_equal(netvet_registry_listed(r, d, "l1", day("2019-12-31")),
                         0);
        assert_int_equal(netvet_registry_listed(r, d, "l1", day("2020-01-01")),
                         1);
        assert_int_equal(netvet_registry_vendor(r, (size_t)d)->n_owners, 0);
    }
    assert_int_equal(netvet_registry_entry_format(a, 0), 1);
    assert_int_equal(netvet_registry_entry_format(b, 0), 2);
    netvet_registry_free(a);
    netvet_registry_free(b);
}

typedef struct bad_case {
    const char *text;
    const char *message;
} bad_case;

#define V2 "format: netvet-registry/2\nvendors:\n"
#define ACME "  - id: acme\n    name: Acme\n    country: GB\n"

static const bad_case bad[] = {
    {"format: netvet-registry/3\nvendors: []\n",
     "r.yaml:1: unknown registry format 'netvet-registry/3' (expected "
     "netvet-registry/1 or netvet-registry/2)"},
    {"vendors:\n" ACME "    owners: []\n",
     "r.yaml:5: 'owners' of vendor 'acme' needs 'format: netvet-registry/2' "
     "at the top of the file"},
    {"vendors:\n" ACME "    listings: [{id: l, until: 2020-01-01, "
     "source: s}]\n",
     "r.yaml:5: 'until' of listing 'l' of vendor 'acme' needs 'format: "
     "netvet-registry/2' at the top of the file"},
    {V2 ACME "    categories: [router, toaster]\n",
     "r.yaml:6: unknown category 'toaster' in 'categories' of vendor 'acme' "
     "(docs/registry-format.md lists them)"},
    {V2 ACME "    categories: [router, router]\n",
     "r.yaml:6: 'router' appears twice in 'categories' of vendor 'acme'"},
    {V2 ACME "    production: [CN]\n",
     "r.yaml:3: vendor 'acme' gives 'production' without "
     "'production_source'"},
    {V2 ACME "    production: [cn]\n    production_source: s\n",
     "r.yaml:6: 'cn' in 'production' of vendor 'acme' must be two uppercase "
     "letters (ISO 3166-1 alpha-2)"},
    {V2 ACME "    kind: maker\n",
     "r.yaml:6: 'kind' of vendor 'acme' must be vendor or holder, not "
     "'maker'"},
    {V2 ACME "    owners:\n      - {state: CN, share: 0, source: s}\n",
     "r.yaml:7: 'share' of an owner of 'acme': '0' must be a percentage "
     "above 0 and at most 100"},
    {V2 ACME "    owners:\n      - {state: CN, share: 100.5, source: s}\n",
     "r.yaml:7: 'share' of an owner of 'acme': '100.5' must be a percentage "
     "above 0 and at most 100"},
    {V2 ACME "    owners:\n      - {state: CN, share: ten, source: s}\n",
     "r.yaml:7: 'share' of an owner of 'acme': 'ten' must be a percentage "
     "above 0 and at most 100"},
    {V2 ACME "    owners:\n      - {state: CN, share: 10}\n",
     "r.yaml:7: an owner of 'acme' has no 'source'"},
    {V2 ACME "    owners:\n      - {state: CN, source: s}\n",
     "r.yaml:7: an owner of 'acme' has no 'share'"},
    {V2 ACME "    owners:\n      - {state: CN, owner: x, share: 5, "
     "source: s}\n",
     "r.yaml:7: an owner of 'acme' needs exactly one of 'owner' (a registry "
     "id) or 'state' (a country code)"},
    {V2 ACME "    owners:\n      - {share: 5, source: s}\n",
     "r.yaml:7: an owner of 'acme' needs exactly one of 'owner' (a registry "
     "id) or 'state' (a country code)"},
    {V2 ACME "    owners:\n      - {state: CN, share: 5, from: 2021-02-30, "
     "source: s}\n",
     "r.yaml:7: 'from' of an owner of 'acme': '2021-02-30' is not a valid "
     "YYYY-MM-DD date"},
    {V2 ACME "    owners:\n      - {state: CN, share: 5, from: 2021-02-01, "
     "until: 2021-02-01, source: s}\n",
     "r.yaml:7: an owner of 'acme' holds it until 2021-02-01, not after it "
     "starts (2021-02-01)"},
    {V2 ACME "    owners:\n      - {state: CN, share: 5, source: \"\"}\n",
     "r.yaml:7: 'source' of an owner of 'acme' must not be empty"},
    {V2 ACME "    owners:\n      - {state: cn, share: 5, source: s}\n",
     "r.yaml:7: 'state' of an owner of 'acme': 'cn' must be two uppercase "
     "letters (ISO 3166-1 alpha-2)"},
    {V2 ACME "    owners:\n      - {stake: CN, share: 5, source: s}\n",
     "r.yaml:7: unknown key 'stake' in an owner"},
    {V2 ACME "    owners:\n      - {owner: ghost, share: 5, source: s}\n",
     "r.yaml:7: owner 'ghost' of 'acme' names no registry entry"},
    {V2 ACME "    owners:\n      - {owner: acme, share: 5, source: s}\n",
     "r.yaml:7: 'acme' cannot own itself"},
    {V2 ACME "    owners:\n      - {owner: beta, share: 5, source: s}\n"
     "  - id: beta\n    name: Beta\n    country: FR\n    owners:\n"
     "      - {owner: acme, share: 60, from: 2030-01-01, source: s}\n",
     "r.yaml:7: ownership cycle: acme -> beta -> acme"},
    {V2 ACME "    parent: beta\n"
     "  - id: beta\n    name: Beta\n    country: FR\n    owners:\n"
     "      - {owner: acme, share: 60, source: s}\n",
     "r.yaml:6: ownership cycle: acme -> beta -> acme"},
    {V2 ACME "    listings: [{id: l, date: 2020-01-02, until: 2020-01-01, "
     "source: s}]\n",
     "r.yaml:6: listing 'l' of vendor 'acme' ends (2020-01-01) before it "
     "starts (2020-01-02)"},
    {V2 ACME "    listings: [{id: l, until: 2020-13-01, source: s}]\n",
     "r.yaml:6: until '2020-13-01' of listing 'l' of vendor 'acme' is not a "
     "valid YYYY-MM-DD date"},
    {V2 ACME "    country_source: \"\"\n",
     "r.yaml:6: 'country_source' of vendor 'acme' must not be empty"},
};

static void test_bad_files(void **state)
{
    (void)state;
    char msg[1024];
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        netvet_registry *reg;
        int rc = load(bad[i].text, &reg, msg, sizeof msg);
        if (rc != NETVET_EPARSE || strcmp(msg, bad[i].message))
            fail_msg("case %zu: rc %d, message \"%s\"", i, rc, msg);
    }
}

static void test_explain_name(void **state)
{
    (void)state;
    netvet_registry *reg = must_load(
        "format: netvet-registry/2\nvendors:\n"
        "  - id: ale\n    name: Alcatel-Lucent Enterprise\n    country: FR\n"
        "    aliases: [ALE, ALE International]\n"
        "  - id: nokia\n    name: Nokia\n    country: FI\n"
        "    aliases: [Alcatel-Lucent]\n");
    netvet_name_resolution r;
    int ale = netvet_registry_find(reg, "ale"),
        nokia = netvet_registry_find(reg, "nokia");
    assert_int_equal(netvet_registry_explain_name(reg, "ALE", 3, &r), ale);
    assert_int_equal(r.how, NETVET_NAME_ALIAS);
    assert_string_equal(r.matched, "ALE");
    const char *n = "alcatel lucent enterprise sas";
    assert_int_equal(netvet_registry_explain_name(reg, n, strlen(n), &r), ale);
    assert_int_equal(r.how, NETVET_NAME_NORMALISED);
    assert_string_equal(r.matched, "Alcatel-Lucent Enterprise");
    n = "Alcatel-Lucent";
    assert_int_equal(netvet_registry_explain_name(reg, n, strlen(n), &r),
                     nokia);
    assert_int_equal(r.how, NETVET_NAME_ALIAS);
    n = "nokia";
    assert_int_equal(netvet_registry_explain_name(reg, n, strlen(n), &r),
                     nokia);
    assert_int_equal(r.how, NETVET_NAME_EXACT);
    assert_string_equal(r.matched, "nokia");
    n = "Acme";
    assert_int_equal(netvet_registry_explain_name(reg, n, strlen(n), &r), -1);
    assert_int_equal(r.how, NETVET_NAME_NONE);
    assert_null(r.matched);
    assert_string_equal(netvet_name_how_name(NETVET_NAME_LOOKALIKE),
                        "look-alike");
    netvet_registry_free(reg);
}

/* An overlay that changes a built-in vendor's owners is recorded. */
static void test_owner_change_recorded(void **state)
{
    (void)state;
    netvet_registry *reg = NULL;
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    assert_int_equal(netvet_registry_new_builtin(&reg, diag), 0);
    size_t before = netvet_registry_change_count(reg);
    const char *t = "format: netvet-registry/2\nvendors:\n"
                    "  - id: ericsson\n    owners:\n"
                    "      - {state: CN, share: 12.5, from: 2026-01-01, "
                    "source: test}\n";
    assert_int_equal(netvet_registry_overlay_buffer(reg, t, strlen(t),
                                                    "o.yaml", diag), 0);
    assert_int_equal(netvet_registry_change_count(reg), before + 1);
    const netvet_registry_change *c = netvet_registry_change_at(reg, before);
    assert_string_equal(c->field, "owners");
    assert_string_equal(c->vendor, "ericsson");
    assert_int_equal(c->line, 3);
    assert_string_equal(c->after, "state CN 12.5% 2026-01-01..");
    assert_string_equal(jur(reg, "ericsson", "2026-01-01", 10), "CN,SE");
    assert_string_equal(jur(reg, "ericsson", "2025-12-31", 10), "SE");
    netvet_diag_free(diag);
    netvet_registry_free(reg);
}

static int add_pack(netvet_policy *pol, const char *text, char *msg,
                    size_t size)
{
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    int rc = netvet_policy_add_buffer(pol, text, strlen(text), "p.yaml",
                                      diag);
    snprintf(msg, size, "%s", netvet_diag_message(diag));
    netvet_diag_free(diag);
    return rc;
}

#define PACK(id, extra)                                                     \
    "pack: " id "\n" extra "high_risk: {countries: [CN]}\n"                 \
    "rules:\n  - {id: " id "-r, kind: forbid, vendors: high-risk, source: t}\n"

static void test_pack_threshold(void **state)
{
    (void)state;
    char msg[512];
    netvet_policy *pol;
    assert_int_equal(netvet_policy_new(&pol), 0);
    assert_true(netvet_policy_ownership_threshold(pol) == 10.0);
    assert_int_equal(add_pack(pol, PACK("a", "ownership_threshold: 25\n"),
                              msg, sizeof msg), 0);
    assert_true(netvet_policy_ownership_threshold(pol) == 25.0);
    assert_int_equal(add_pack(pol, PACK("b", ""), msg, sizeof msg), 0);
    assert_true(netvet_policy_ownership_threshold(pol) == 10.0);
    assert_int_equal(add_pack(pol, PACK("c", "ownership_threshold: 5.5\n"),
                              msg, sizeof msg), 0);
    assert_true(netvet_policy_ownership_threshold(pol) == 5.5);
    assert_int_equal(netvet_policy_pack_count(pol), 3);
    netvet_pack_info info = netvet_policy_pack(pol, 0);
    assert_string_equal(info.id, "a");
    assert_true(info.ownership_threshold == 25.0);
    assert_int_equal(info.n_countries, 1);
    assert_string_equal(info.countries[0], "CN");
    assert_null(netvet_policy_pack(pol, 3).id);
    assert_int_equal(add_pack(pol, PACK("d", "ownership_threshold: 0\n"),
                              msg, sizeof msg), NETVET_EPARSE);
    assert_string_equal(msg, "p.yaml:2: ownership_threshold '0' must be a "
                             "percentage above 0 and at most 100");
    assert_int_equal(add_pack(pol, PACK("e", "ownership_threshold: 1e1\n"),
                              msg, sizeof msg), NETVET_EPARSE);
    netvet_policy_free(pol);
}

/* The built-in registry's ownership facts (data/registry.yaml). */
static void test_builtin_ownership(void **state)
{
    (void)state;
    netvet_registry *reg = NULL;
    assert_int_equal(netvet_registry_new_builtin(&reg, NULL), 0);
    assert_string_equal(jur(reg, "nokia-shanghai-bell", "2017-06-30", 10),
                        "CN");
    assert_string_equal(jur(reg, "nokia-shanghai-bell", "2017-07-01", 10),
                        "CN,FI");
    /* a vendor of its own (owners, no parent): not filed under Nokia */
    int nsb = netvet_registry_find(reg, "nokia-shanghai-bell");
    assert_int_equal(netvet_registry_root(reg, nsb), nsb);
    assert_string_equal(jur(reg, "ale", "2014-09-30", 10), "FR");
    assert_string_equal(jur(reg, "ale", "2015-01-01", 10), "CN,FR");
    assert_string_equal(jur(reg, "h3c", "2024-07-31", 10), "CN,US");
    assert_string_equal(jur(reg, "h3c", "2025-10-31", 10), "CN,US");
    assert_string_equal(jur(reg, "h3c", "2025-11-01", 10), "CN");
    assert_string_equal(jur(reg, "lenovo", "2026-01-01", 10), "CN,US");
    assert_string_equal(jur(reg, "lenovo", "2026-01-01", 33), "US");
    assert_string_equal(jur(reg, "sepura", "2026-01-01", 10), "CN,GB");
    assert_string_equal(jur(reg, "ericsson", "2026-01-01", 10), "SE");
    netvet_name_resolution r;
    const char *n = "Alcatel-Lucent";
    netvet_registry_explain_name(reg, n, strlen(n), &r);
    assert_int_equal(r.vendor, netvet_registry_find(reg, "nokia"));
    n = "Alcatel-Lucent Enterprise";
    netvet_registry_explain_name(reg, n, strlen(n), &r);
    assert_int_equal(r.vendor, netvet_registry_find(reg, "ale"));
    assert_int_equal(r.how, NETVET_NAME_EXACT);
    n = "ALE";
    netvet_registry_explain_name(reg, n, strlen(n), &r);
    assert_int_equal(r.vendor, netvet_registry_find(reg, "ale"));
    assert_int_equal(r.how, NETVET_NAME_ALIAS);
    /* every owner and listing carries a source */
    for (size_t i = 0; i < netvet_registry_count(reg); i++) {
        const netvet_vendor *v = netvet_registry_vendor(reg, i);
        for (size_t j = 0; j < v->n_owners; j++)
            assert_true(v->owners[j].source && v->owners[j].source[0]);
        for (size_t j = 0; j < v->n_listings; j++)
            assert_true(v->listings[j].source && v->listings[j].source[0]);
    }
    const netvet_vendor *huaxin = netvet_registry_vendor(
        reg, (size_t)netvet_registry_find(reg, "china-huaxin"));
    assert_int_equal(huaxin->kind, NETVET_ENTRY_HOLDER);
    netvet_registry_free(reg);
}

/* An owner entry naming the parent replaces its "100 % always". */
static void test_parent_named_by_owner(void **state)
{
    (void)state;
    netvet_registry *reg = must_load(
        "format: netvet-registry/2\nvendors:\n"
        "  - id: p\n    name: P\n    country: FI\n"
        "  - id: c\n    name: C\n    country: CN\n    parent: p\n"
        "    owners: [{owner: p, share: 50, from: 2017-07-01, source: s}]\n");
    assert_string_equal(jur(reg, "c", "2017-06-30", 10), "CN");
    assert_string_equal(jur(reg, "c", "2017-07-01", 10), "CN,FI");
    assert_string_equal(jur(reg, "c", "2017-07-01", 51), "CN");
    netvet_registry_free(reg);
}

/* A chain of n entries, each held 60 % by the next, the last by a state
 * (and, with `cycle`, also 1 % by the first). */
static void chain_text(char *text, size_t size, int n, int cycle)
{
    size_t len = (size_t)snprintf(text, size,
                                  "format: netvet-registry/2\nvendors:\n");
    for (int i = 0; i < n; i++) {
        len += (size_t)snprintf(text + len, size - len,
                                "  - id: e%d\n    name: E%d\n    country: %s\n"
                                "    owners:\n",
                                i, i, i == n - 1 ? "FR" : "GB");
        if (i < n - 1)
            len += (size_t)snprintf(text + len, size - len,
                                    "      - {owner: e%d, share: 60, "
                                    "source: s}\n", i + 1);
        else
            len += (size_t)snprintf(text + len, size - len,
                                    "      - {state: CN, share: 60, "
                                    "source: s}\n%s    listings: [{id: l, "
                                    "source: s}]\n",
                                    cycle ? "      - {owner: e0, share: 1, "
                                            "source: s}\n" : "");
    }
}

/* 300 entries: more than the walk's stack buffers. */
static void test_long_chain(void **state)
{
    (void)state;
    static char text[300 * 160];
    chain_text(text, sizeof text, 300, 0);
    netvet_registry *reg = must_load(text);
    assert_string_equal(jur(reg, "e0", "2026-01-01", 10), "CN,FR,GB");
    assert_int_equal(netvet_registry_listed(reg, 0, "l", 20000), 1);
    assert_string_equal(jur(reg, "e0", "2026-01-01", 61), "GB");
    netvet_registry_free(reg);
    chain_text(text, sizeof text, 300, 1);
    char msg[1024];
    assert_int_equal(load(text, &reg, msg, sizeof msg), NETVET_EPARSE);
    if (!strstr(msg, "ownership cycle: e0 -> e1 -> e2 -> "))
        fail_msg("%s", msg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jurisdictions_dates),
        cmocka_unit_test(test_jurisdictions_threshold),
        cmocka_unit_test(test_owner_fields),
        cmocka_unit_test(test_listed),
        cmocka_unit_test(test_v1_equivalence),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_explain_name),
        cmocka_unit_test(test_owner_change_recorded),
        cmocka_unit_test(test_pack_threshold),
        cmocka_unit_test(test_builtin_ownership),
        cmocka_unit_test(test_parent_named_by_owner),
        cmocka_unit_test(test_long_chain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
