/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for policy packs and their evaluation: hand-built inventories
 * and views over a small registry, exact findings (values, elements,
 * messages), malformed packs with exact file:line diagnostics, and the
 * built-in UK pack. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "inventory/inv.h"
#include "netvet/policy.h"
#include "netvet/vendors.h"
#include "graph/exposure.h"
#include "policy/policy.h"
#include "util/alloc.h"
#include "whatif/plan_targets.h"

static const char registry_yaml[] =
    "vendors:\n"
    "  - id: huawei\n"
    "    name: Huawei\n"
    "    country: CN\n"
    "    listings:\n"
    "      - id: uk-ncsc-hrv\n"
    "        date: 2020-01-28\n"
    "        source: NCSC advice, 28 Jan 2020\n"
    "      - id: uk-designated-vendor\n"
    "        date: 2022-10-13\n"
    "        source: Huawei designation notice, 13 Oct 2022\n"
    "  - id: zte\n"
    "    name: ZTE\n"
    "    country: CN\n"
    "    listings:\n"
    "      - id: uk-ncsc-hrv\n"
    "        date: 2018-04-01\n"
    "        source: NCSC letter on ZTE, April 2018\n"
    "  - id: hisilicon\n"
    "    name: HiSilicon\n"
    "    parent: huawei\n"
    "    country: CN\n"
    "  - id: nokia\n"
    "    name: Nokia\n"
    "    country: FI\n"
    "  - id: ericsson\n"
    "    name: Ericsson\n"
    "    country: SE\n";

/* One hand-made element: vendor is a registry id (NULL = unknown). */
typedef struct el {
    const char *vendor;
    const char *fn;
    double weight;
    const char *tag;  /* one tag or NULL */
    const char *site; /* NULL = none */
    int uncounted;
} el;

typedef struct fx {
    netvet_registry *reg;
    netvet_inventory *inv;
    nv_view view;
    netvet_policy *pol;
    netvet_diag *diag;
    nv_findings fs;
} fx;

static char warnings[8][512];
static size_t n_warnings;

static void on_diag(const netvet_diag_entry *e, void *payload)
{
    (void)payload;
    if (e->severity != NETVET_SEV_WARNING || n_warnings >= 8)
        return;
    snprintf(warnings[n_warnings++], sizeof(warnings[0]), "%s:%lu: %s",
             e->file, e->line, e->message);
}

static uint32_t intern(netvet_inventory *inv, const char *s)
{
    uint32_t id = 0;
    assert_int_equal(nv_strtab_intern(&inv->strings, s, strlen(s), &id, NULL),
                     0);
    return id;
}

static void build_inventory(fx *f, const el *els, size_t n, int with_sites)
{
    netvet_inventory *inv = nv_calloc(1, sizeof(*inv));
    assert_non_null(inv);
    assert_int_equal(nv_strtab_init(&inv->strings, 16, 1), 0);
    inv->n = n;
    inv->function = nv_calloc(n, 1);
    inv->weight = nv_calloc(n, sizeof(double));
    inv->tag_off = nv_calloc(n + 1, sizeof(uint32_t));
    inv->tags = nv_calloc(n, sizeof(uint32_t));
    inv->site = with_sites ? nv_calloc(n, sizeof(uint32_t)) : NULL;
    for (size_t k = 0; k < n; k++) {
        netvet_function fn = NETVET_FN_OTHER;
        assert_int_equal(netvet_function_parse(&fn, els[k].fn,
                                               strlen(els[k].fn)), 0);
        inv->function[k] = (uint8_t)fn;
        inv->weight[k] = els[k].weight;
        inv->tag_off[k] = (uint32_t)inv->n_tags;
        if (els[k].tag)
            inv->tags[inv->n_tags++] = intern(inv, els[k].tag);
        if (with_sites && els[k].site)
            inv->site[k] = intern(inv, els[k].site);
    }
    inv->tag_off[n] = (uint32_t)inv->n_tags;
    f->inv = inv;
}

/* Domains by registry country, as the view builder makes them. */
static int32_t domain_for(nv_view *v, const char *country)
{
    for (size_t d = 0; d < v->n_domains; d++)
        if (!strcmp(v->domain_country[d], country))
            return (int32_t)d;
    v->domain_country[v->n_domains] = nv_strdup(country);
    return (int32_t)v->n_domains++;
}

static void build_view(fx *f, const el *els, size_t n, const char *as_of)
{
    nv_view *v = &f->view;
    size_t nreg = netvet_registry_count(f->reg);
    v->inv = f->inv;
    v->reg = f->reg;
    v->n = n;
    assert_int_equal(nv_parse_date(as_of, strlen(as_of), &v->as_of), 0);
    v->counted = nv_calloc(n, 1);
    v->vendor = nv_calloc(n, sizeof(int32_t));
    v->dset = nv_calloc(n, sizeof(int32_t));
    v->domain_country = nv_calloc(nreg, sizeof(char *));
    v->vendor_dset = nv_calloc(nreg, sizeof(int32_t));
    for (size_t i = 0; i < nreg; i++) /* one domain each: set = domain */
        v->vendor_dset[i] =
            domain_for(v, netvet_registry_country(f->reg, (int)i));
    v->n_dsets = v->n_domains;
    v->dset_off = nv_calloc(v->n_dsets + 1, sizeof(uint32_t));
    v->dset_dom = nv_calloc(v->n_dsets + 1, sizeof(int32_t));
    v->dset_label = nv_calloc(v->n_dsets + 1, sizeof(char *));
    for (size_t d = 0; d < v->n_dsets; d++) {
        v->dset_off[d + 1] = (uint32_t)d + 1;
        v->dset_dom[d] = (int32_t)d;
        v->dset_label[d] = nv_strdup(v->domain_country[d]);
    }
    for (size_t k = 0; k < n; k++) {
        int i = els[k].vendor ? netvet_registry_find(f->reg, els[k].vendor)
                              : -1;
        if (els[k].vendor)
            assert_true(i >= 0);
        v->vendor[k] = i < 0 ? -1 : netvet_registry_root(f->reg, i);
        v->dset[k] = i < 0 ? -1 : v->vendor_dset[v->vendor[k]];
        v->counted[k] = !els[k].uncounted;
        if (v->counted[k]) {
            v->n_counted++;
            v->total_weight += els[k].weight;
        }
    }
}

/* reg_yaml NULL: the built-in registry. */
static void setup_fx(fx *f, const el *els, size_t n, const char *as_of,
                     int with_sites, const char *reg_yaml)
{
    memset(f, 0, sizeof(*f));
    n_warnings = 0;
    assert_int_equal(netvet_diag_new(&f->diag, on_diag, NULL), 0);
    if (!reg_yaml) {
        assert_int_equal(netvet_registry_new_builtin(&f->reg, f->diag), 0);
    } else {
        assert_int_equal(netvet_registry_new_empty(&f->reg), 0);
        assert_int_equal(netvet_registry_overlay_buffer(
                             f->reg, reg_yaml, strlen(reg_yaml), "reg.yaml",
                             f->diag),
                         0);
    }
    build_inventory(f, els, n, with_sites);
    build_view(f, els, n, as_of);
    assert_int_equal(netvet_policy_new(&f->pol), 0);
}

static void teardown_fx(fx *f)
{
    if (!f->inv) /* setup_fx did not get that far */
        return;
    nv_findings_dispose(&f->fs);
    netvet_policy_free(f->pol);
    for (size_t d = 0; d < f->view.n_domains; d++)
        nv_free(f->view.domain_country[d]);
    nv_free(f->view.domain_country);
    nv_free(f->view.vendor_dset);
    for (size_t s = 0; s < f->view.n_dsets; s++)
        nv_free(f->view.dset_label[s]);
    nv_free(f->view.dset_label);
    nv_free(f->view.dset_off);
    nv_free(f->view.dset_dom);
    nv_free(f->view.counted);
    nv_free(f->view.vendor);
    nv_free(f->view.dset);
    netvet_inventory *inv = f->inv;
    nv_strtab_dispose(&inv->strings);
    nv_free(inv->function);
    nv_free(inv->weight);
    nv_free(inv->tag_off);
    nv_free(inv->tags);
    nv_free(inv->site);
    nv_free(inv->installed);
    nv_free(inv->status);
    nv_free(inv);
    netvet_registry_free(f->reg);
    netvet_diag_free(f->diag);
}

/* cmocka setup and teardown of a test that takes its fx from *state: the
 * test builds it (SETUP or setup_fx), and it is freed even when an
 * assertion fails. */
static int fx_new(void **state)
{
    *state = nv_calloc(1, sizeof(fx));
    return *state ? 0 : -1;
}

static int fx_free(void **state)
{
    fx *f = *state;
    if (f)
        teardown_fx(f);
    nv_free(f);
    return 0;
}

#define FX_TEST(t) cmocka_unit_test_setup_teardown(t, fx_new, fx_free)

/* A pack "t" with one high-risk definition and the given rules text. */
static void add_pack(fx *f, const char *rules)
{
    char buf[4096];
    snprintf(buf, sizeof(buf),
             "pack: t\n"
             "high_risk:\n"
             "  listings: [uk-ncsc-hrv, uk-designated-vendor]\n"
             "rules:\n%s",
             rules);
    int rc = netvet_policy_add_buffer(f->pol, buf, strlen(buf), "t.yaml",
                                      f->diag);
    if (rc != 0)
        fail_msg("pack rejected: %s", netvet_diag_message(f->diag));
}

/* A second pack "t2" (rule ids must differ from the first's). */
static void add_pack2(fx *f, const char *rules)
{
    char buf[4096];
    snprintf(buf, sizeof(buf),
             "pack: t2\nhigh_risk: {listings: [uk-ncsc-hrv]}\nrules:\n%s",
             rules);
    if (netvet_policy_add_buffer(f->pol, buf, strlen(buf), "t2.yaml",
                                 f->diag) != 0)
        fail_msg("pack rejected: %s", netvet_diag_message(f->diag));
}

static void evaluate(fx *f)
{
    assert_int_equal(nv_policy_evaluate(f->pol, &f->view, &f->fs, f->diag),
                     0);
}

/* Pack "t" with `rules` (add_pack), evaluated into f->fs. */
static void run_pack(fx *f, const char *rules)
{
    add_pack(f, rules);
    evaluate(f);
}

static void assert_elements(const nv_finding *fd, const uint32_t *want,
                            size_t n)
{
    assert_int_equal(fd->n_elements, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(fd->elements[i], want[i]);
}

#define E(vendor, fn, weight) {vendor, fn, weight, NULL, NULL, 0}
#define ELS(...) ((const el[]){__VA_ARGS__})
#define N_ELS(...) (sizeof((const el[]){__VA_ARGS__}) / sizeof(el))
#define SETUP(f, as_of, ...)                                                \
    setup_fx(f, ELS(__VA_ARGS__), N_ELS(__VA_ARGS__), as_of, 0, registry_yaml)

static const char core_rule[] =
    "  - id: core\n"
    "    kind: forbid\n"
    "    title: No HRV in core\n"
    "    scope: {functions: [core, management, security]}\n"
    "    effective: 2020-01-28\n"
    "    source: NCSC 2020\n";

/* ---- forbid ---- */

static void test_forbid_hit(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01",
          E("huawei", "core", 1), E("nokia", "5GC", 1),
          E("huawei", "access", 1), E("huawei", "OSS", 1),
          {"huawei", "core", 1, NULL, NULL, 1}, /* not counted */
          E(NULL, "core", 1),     /* unknown vendor */
          E("hisilicon", "firewall", 1));
    run_pack(f, core_rule);
    assert_int_equal(f->fs.n, 1);
    const nv_finding *fd = &f->fs.items[0];
    assert_string_equal(fd->rule_id, "core");
    assert_string_equal(fd->pack, "t");
    assert_string_equal(fd->title, "No HRV in core");
    assert_string_equal(fd->source, "NCSC 2020");
    assert_string_equal(fd->subject, "huawei");
    assert_string_equal(fd->measure, "elements");
    assert_int_equal(fd->severity, NETVET_SEV_ERROR);
    assert_true(fd->value == 3.0);
    assert_true(fd->limit == 0.0);
    assert_elements(fd, (const uint32_t[]){0, 3, 6}, 3);
    assert_string_equal(fd->message,
                        "huawei has 3 elements in scope (functions core, "
                        "management, security); none allowed");
}

static void test_forbid_miss(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01",
          E("nokia", "core", 1), E("huawei", "access", 1),
          E("zte", "ran", 1));
    run_pack(f, core_rule);
    assert_int_equal(f->fs.n, 0);
    assert_int_equal(netvet_diag_warnings(f->diag), 0);
}

static void test_forbid_two_vendors_sorted(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01",
          E("zte", "core", 1),
          E("huawei", "core", 1));
    run_pack(f, core_rule);
    assert_int_equal(f->fs.n, 2);
    assert_string_equal(f->fs.items[0].subject, "huawei");
    assert_string_equal(f->fs.items[0].message,
                        "huawei has 1 element in scope (functions core, "
                        "management, security); none allowed");
    assert_elements(&f->fs.items[0], (const uint32_t[]){1}, 1);
    assert_string_equal(f->fs.items[1].subject, "zte");
    assert_elements(&f->fs.items[1], (const uint32_t[]){0}, 1);
}

static void test_forbid_sensitive_tag(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01",
          {"huawei", "access", 1, "sensitive", NULL, 0},
          {"huawei", "access", 1, "5g", NULL, 0},
          {"nokia", "access", 1, "sensitive", NULL, 0},
          {"zte", "cpe", 1, "sensitive", NULL, 0});
    run_pack(f, "  - id: sens\n"
                "    kind: forbid\n"
                "    scope: {tags: [sensitive]}\n"
                "    source: NCSC 2020\n"
                "  - id: nuclear\n"
                "    kind: forbid\n"
                "    scope: {tags: [nuclear]}\n"
                "    source: nowhere\n");
    assert_int_equal(f->fs.n, 2); /* no tag 'nuclear' in the inventory */
    assert_string_equal(f->fs.items[0].rule_id, "sens");
    assert_string_equal(f->fs.items[0].title, "sens"); /* defaults to id */
    assert_string_equal(f->fs.items[0].message,
                        "huawei has 1 element in scope (tags sensitive); "
                        "none allowed");
    assert_elements(&f->fs.items[0], (const uint32_t[]){0}, 1);
    assert_string_equal(f->fs.items[1].subject, "zte");
    assert_elements(&f->fs.items[1], (const uint32_t[]){3}, 1);
}

static void test_forbid_sites_and_missing_column(void **state)
{
    fx *f = *state;
    setup_fx(f,
             ELS({"huawei", "access", 1, NULL, "sellafield", 0},
                 {"huawei", "access", 1, NULL, "leeds", 0}),
             2, "2024-01-01", 1, registry_yaml);
    run_pack(f, "  - id: site\n"
                "    kind: forbid\n"
                "    scope: {sites: [sellafield, faslane]}\n"
                "    source: s\n"
                "  - id: region\n"
                "    kind: forbid\n"
                "    scope: {regions: [north]}\n"
                "    source: s\n");
    assert_int_equal(f->fs.n, 1); /* no region column: never matches */
    assert_string_equal(f->fs.items[0].message,
                        "huawei has 1 element in scope (sites sellafield, "
                        "faslane); none allowed");
    assert_elements(&f->fs.items[0], (const uint32_t[]){0}, 1);
}

static void test_forbid_vendor_list_and_unknown_id(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01",
          E("nokia", "core", 1), E("huawei", "core", 1),
          E("hisilicon", "core", 1));
    run_pack(f, "  - id: list\n"
                "    kind: forbid\n"
                "    vendors: [nokia, acme, hisilicon]\n"
                "    source: s\n");
    assert_int_equal(f->fs.n, 2);
    /* hisilicon selects its group: elements are attributed to huawei */
    assert_string_equal(f->fs.items[0].subject, "huawei");
    assert_elements(&f->fs.items[0], (const uint32_t[]){1, 2}, 2);
    assert_string_equal(f->fs.items[1].subject, "nokia");
    assert_string_equal(f->fs.items[1].message,
                        "nokia has 1 element in scope (whole network); none "
                        "allowed");
    assert_int_equal(netvet_diag_warnings(f->diag), 1);
    assert_string_equal(warnings[0], "t.yaml:7: rule 'list': vendor 'acme' "
                                     "is not in the registry; ignored");
}

static void test_high_risk_by_country_and_warnings(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01",
          E("zte", "core", 1),
          E("ericsson", "core", 1));
    const char *pack = "pack: c\n"
                       "high_risk:\n"
                       "  countries: [cn, KP]\n"
                       "  vendors: [acme]\n"
                       "  listings: [nowhere]\n"
                       "rules:\n"
                       "  - {id: c1, kind: forbid, source: s}\n";
    assert_int_equal(netvet_policy_add_buffer(f->pol, pack, strlen(pack),
                                              "c.yaml", f->diag),
                     0);
    evaluate(f);
    assert_int_equal(f->fs.n, 1);
    assert_string_equal(f->fs.items[0].subject, "zte");
    assert_int_equal(n_warnings, 3);
    assert_string_equal(warnings[0], "c.yaml:4: pack 'c': high-risk vendor "
                                     "'acme' is not in the registry; "
                                     "ignored");
    assert_string_equal(warnings[1], "c.yaml:5: pack 'c': no registry "
                                     "vendor has listing 'nowhere'");
    assert_string_equal(warnings[2], "c.yaml:3: pack 'c': no registry "
                                     "vendor is in country 'KP'");
}

/* ---- share-cap ---- */

/* 10 access elements: huawei 2, zte 2, nokia 3, ericsson 3. */
#define TEN_ACCESS                                                          \
    E("huawei", "OLT", 10),                                   \
        E("nokia", "olt", 10),                                \
        E("zte", "gNB", 10),                                  \
        E("ericsson", "ran", 10),                             \
        E("huawei", "access", 10),                            \
        E("nokia", "access", 10),                             \
        E("zte", "access", 10),                               \
        E("ericsson", "ran", 10),                             \
        E("nokia", "access", 10),                             \
        E("ericsson", "ran", 10),                             \
        E("huawei", "core", 10)

/* A per-domain cap of 35% by count on access and ran. */
#define DOMAIN_CAP                                                          \
    "  - id: cap\n"                                                         \
    "    kind: share-cap\n"                                                 \
    "    per: domain\n"                                                     \
    "    measure: count\n"                                                  \
    "    max: 0.35\n"                                                       \
    "    scope: {functions: [access, ran]}\n"                               \
    "    source: s\n"

static void test_share_cap_domain_adds_vendors(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01", TEN_ACCESS);
    run_pack(f, DOMAIN_CAP
                "  - id: cap-vendor\n"
                "    kind: share-cap\n"
                "    per: vendor\n"
                "    measure: [count, weight]\n"
                "    max: 0.35\n"
                "    scope: {functions: [access, ran]}\n"
                "    source: s\n");
    /* Huawei 20% and ZTE 20% each pass per vendor; CN together is 40%. */
    assert_int_equal(f->fs.n, 1);
    const nv_finding *fd = &f->fs.items[0];
    assert_string_equal(fd->rule_id, "cap");
    assert_string_equal(fd->subject, "CN");
    assert_string_equal(fd->measure, "count-share");
    assert_true(fd->value == 0.4);
    assert_true(fd->limit == 0.35);
    assert_elements(fd, (const uint32_t[]){0, 2, 4, 6}, 4);
    assert_string_equal(fd->message,
                        "risk domain CN (huawei, zte) holds 40.00% of scope "
                        "(functions access, ran) by count; cap 35.00%");
}

/* Put registry vendor `id` in the domains of `codes` in f's view. */
static void set_domains(fx *f, const char *id, const char *const *codes,
                        size_t n)
{
    int v = netvet_registry_find(f->reg, id);
    assert_true(v >= 0);
    assert_int_equal(nv_view_set_jurisdictions(&f->view, (size_t)v, codes, n),
                     0);
}

/* TEN_ACCESS with Nokia in FI as well as CN, and pack "t" with
 * DOMAIN_CAP (not evaluated yet). */
static void setup_nokia_in_fi_and_cn(fx *f)
{
    static const char *const fi_cn[] = {"FI", "CN"};
    SETUP(f, "2024-01-01", TEN_ACCESS);
    set_domains(f, "nokia", fi_cn, 2);
    add_pack(f, DOMAIN_CAP);
}

/* Nokia in CN as well as FI: its 3 elements count in CN's share with
 * Huawei's and ZTE's (70%), and are named among CN's vendors; FI holds no
 * high-risk vendor, so it is not capped. */
static void test_share_cap_vendor_in_two_domains(void **state)
{
    fx *f = *state;
    setup_nokia_in_fi_and_cn(f);
    nv_results res = {0};
    assert_int_equal(nv_policy_evaluate_results(f->pol, &f->view, &f->fs, &res,
                                                f->diag), 0);
    assert_int_equal(f->fs.n, 1);
    const nv_finding *fd = &f->fs.items[0];
    assert_string_equal(fd->subject, "CN");
    assert_true(fd->value == 0.7);
    assert_elements(fd, (const uint32_t[]){0, 1, 2, 4, 5, 6, 8}, 7);
    assert_string_equal(fd->message,
                        "risk domain CN (huawei, nokia, zte) holds 70.00% of "
                        "scope (functions access, ran) by count; cap 35.00%");
    assert_int_equal(res.n, 1); /* CN only: FI has no high-risk vendor */
    assert_string_equal(res.items[0].subject, "CN");
    nv_results_dispose(&res);
}

/* Huawei in FI as well as CN: FI now holds a high-risk vendor, so its
 * dependent weight is capped, and its elements are Nokia's and Huawei's. */
static void test_exposure_cap_vendor_in_two_domains(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01", TEN_ACCESS);
    add_pack(f, "  - id: x\n"
                "    kind: exposure-cap\n"
                "    per: domain\n"
                "    max: 0.35\n"
                "    scope: {functions: [access]}\n"
                "    source: s\n");
    static const char *const fi[] = {"FI"};
    nv_exposure_group g = {0};
    g.kind = NV_GROUP_DOMAIN;
    g.key = f->view.dset_dom[f->view.dset_off[f->view.vendor_dset[
        netvet_registry_find(f->reg, "nokia")]]];
    g.fn_weight[NETVET_FN_ACCESS] = 40;
    nv_exposure x = {0};
    x.n_groups = 1;
    x.n_sources = 1;
    x.groups = &g;
    x.fn_total[NETVET_FN_ACCESS] = 100;
    f->view.exposure = &x;
    evaluate(f);
    assert_int_equal(f->fs.n, 0); /* FI: Nokia only, not high-risk */
    static const char *const cn_fi[] = {"CN", "FI"};
    set_domains(f, "huawei", cn_fi, 2);
    evaluate(f);
    assert_int_equal(f->fs.n, 1);
    assert_string_equal(f->fs.items[0].subject, "FI");
    assert_true(f->fs.items[0].value == 0.4);
    assert_elements(&f->fs.items[0], (const uint32_t[]){0, 1, 4, 5, 8, 10}, 6);
    set_domains(f, "huawei", fi + 0, 0); /* in no domain at all */
    nv_findings_dispose(&f->fs);
    evaluate(f);
    assert_int_equal(f->fs.n, 0);
}

/* Domain index of a country in f's view. */
static int32_t domain_index(const fx *f, const char *country)
{
    for (size_t d = 0; d < f->view.n_domains; d++)
        if (!strcmp(f->view.domain_country[d], country))
            return (int32_t)d;
    fail_msg("no domain %s", country);
    return -1;
}

/* The planner's incremental share-cap per domain counts a Nokia element in
 * CN and FI: replacing it relieves CN, and Nokia is no replacement while
 * CN is capped. */
static void test_plan_target_vendor_in_two_domains(void **state)
{
    fx *f = *state;
    setup_nokia_in_fi_and_cn(f);
    nv_plan_target t;
    assert_int_equal(nv_plan_target_init(&t, f->pol, 0, &f->view,
                                         f->view.vendor), 0);
    int32_t cn = domain_index(f, "CN"), fi = domain_index(f, "FI");
    int32_t nokia = netvet_registry_find(f->reg, "nokia");
    int32_t ericsson = netvet_registry_find(f->reg, "ericsson");
    assert_true(t.total_count == 10);
    assert_true(t.count[cn] == 7 && t.count[fi] == 3);
    assert_true(t.active[cn] && !t.active[fi]);
    assert_int_equal(nv_plan_over(&t, (size_t)cn), NV_MEASURE_COUNT);
    assert_true(fabs(t.violation0 - 0.35) < 1e-12);
    assert_true(fabs(nv_plan_rate(&t, &f->view, 1, nokia) - 0.1 / t.violation0)
                < 1e-12);
    assert_true(nv_plan_capped_vendor(&t, &f->view, nokia));
    assert_false(nv_plan_capped_vendor(&t, &f->view, ericsson));
    nv_plan_target_move(&t, &f->view, 1, nokia, ericsson);
    assert_true(t.count[cn] == 6 && t.count[fi] == 2);
    nv_plan_target_dispose(&t);
}

static void test_share_cap_per_vendor_and_all(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01", TEN_ACCESS);
    run_pack(f, "  - id: v\n"
                "    kind: share-cap\n"
                "    per: vendor\n"
                "    measure: [count]\n"
                "    max: 0.15\n"
                "    scope: {functions: [access, ran]}\n"
                "    source: s\n"
                "  - id: all\n"
                "    kind: share-cap\n"
                "    per: all\n"
                "    measure: [count]\n"
                "    max: 0.35\n"
                "    scope: {functions: [access, ran]}\n"
                "    source: s\n");
    assert_int_equal(f->fs.n, 3);
    assert_string_equal(f->fs.items[0].rule_id, "v");
    assert_string_equal(f->fs.items[0].subject, "huawei");
    assert_true(f->fs.items[0].value == 0.2);
    assert_string_equal(f->fs.items[0].message,
                        "vendor huawei holds 20.00% of scope (functions "
                        "access, ran) by count; cap 15.00%");
    assert_elements(&f->fs.items[0], (const uint32_t[]){0, 4}, 2);
    assert_string_equal(f->fs.items[1].subject, "zte");
    assert_elements(&f->fs.items[1], (const uint32_t[]){2, 6}, 2);
    assert_string_equal(f->fs.items[2].rule_id, "all");
    assert_string_equal(f->fs.items[2].subject, "");
    assert_string_equal(f->fs.items[2].message,
                        "high-risk vendors (huawei, zte) together hold "
                        "40.00% of scope (functions access, ran) by count; "
                        "cap 35.00%");
    assert_elements(&f->fs.items[2], (const uint32_t[]){0, 2, 4, 6}, 4);
}

static const char weight_cap[] = "  - id: w\n"
                                 "    kind: share-cap\n"
                                 "    max: 0.35\n"
                                 "    scope: {functions: [access]}\n"
                                 "    source: s\n";

static void test_share_cap_weight_not_count(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01",
          E("nokia", "access", 100), E("huawei", "access", 600),
          E("nokia", "access", 100), E("nokia", "access", 100),
          E("nokia", "access", 100));
    run_pack(f, weight_cap); /* measure defaults to count and weight */
    assert_int_equal(f->fs.n, 1);
    assert_string_equal(f->fs.items[0].measure, "weight-share");
    assert_true(f->fs.items[0].value == 0.6);
    assert_string_equal(f->fs.items[0].message,
                        "risk domain CN (huawei) holds 60.00% of scope "
                        "(functions access) by weight; cap 35.00%");
    assert_elements(&f->fs.items[0], (const uint32_t[]){1}, 1);
}

static void test_share_cap_both_measures(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01",
          E("huawei", "access", 5),
          E("nokia", "access", 5));
    run_pack(f, weight_cap);
    assert_int_equal(f->fs.n, 2);
    assert_string_equal(f->fs.items[0].measure, "count-share");
    assert_string_equal(f->fs.items[1].measure, "weight-share");
    assert_true(f->fs.items[0].value == 0.5);
    assert_true(f->fs.items[1].value == 0.5);
    assert_elements(&f->fs.items[0], (const uint32_t[]){0}, 1);
    assert_elements(&f->fs.items[1], (const uint32_t[]){0}, 1);
}

static void test_share_cap_zero_weight_scope(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01",
          E("huawei", "access", 0), E("nokia", "access", 0),
          E("nokia", "core", 50));
    run_pack(f, weight_cap);
    assert_int_equal(f->fs.n, 1); /* weight share not applicable */
    assert_string_equal(f->fs.items[0].measure, "count-share");
}

static void test_share_cap_at_cap_passes(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01",
          E("huawei", "access", 1), E("nokia", "access", 1),
          E("nokia", "access", 1),
          E("nokia", "access", 1));
    run_pack(f, "  - {id: q, kind: share-cap, max: 0.25, source: s}\n");
    assert_int_equal(f->fs.n, 0); /* exactly 25% is not over a 25% cap */
}

/* ---- max-vendors ---- */

static const char single_rule[] = "  - id: single\n"
                                  "    kind: max-vendors\n"
                                  "    max: 1\n"
                                  "    source: ZTE letter\n";

static void test_max_vendors(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01",
          E("nokia", "access", 1), E("zte", "access", 1),
          E("huawei", "ran", 1),
          E("zte", "cpe", 1));
    add_pack(f, "  - {id: none, kind: max-vendors, max: -0, "
                "vendors: [nokia], source: s}\n");
    add_pack2(f, single_rule);
    evaluate(f);
    assert_int_equal(f->fs.n, 2);
    assert_string_equal(f->fs.items[0].message,
                        "1 listed vendor in scope (whole network): nokia; at "
                        "most 0 allowed");
    assert_elements(&f->fs.items[0], (const uint32_t[]){0}, 1);
    const nv_finding *fd = &f->fs.items[1];
    assert_string_equal(fd->subject, "");
    assert_string_equal(fd->measure, "vendors");
    assert_true(fd->value == 2.0);
    assert_true(fd->limit == 1.0);
    assert_elements(fd, (const uint32_t[]){1, 2, 3}, 3);
    assert_string_equal(fd->message,
                        "2 high-risk vendors in scope (whole network): "
                        "huawei, zte; at most 1 allowed");
}

static void test_max_vendors_one_passes(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01",
          E("nokia", "access", 1), E("huawei", "ran", 1),
          {"zte", "cpe", 1, NULL, NULL, 1}); /* not counted */
    run_pack(f, single_rule);
    assert_int_equal(f->fs.n, 0);
}

/* ---- dates ---- */

static void test_effective_date(void **state)
{
    fx *f = *state;
    SETUP(f, "2020-01-27", E("huawei", "core", 1));
    run_pack(f, core_rule);
    assert_int_equal(f->fs.n, 0); /* the day before: not yet in force */
    assert_string_equal(netvet_policy_rule(f->pol, 0).effective,
                        "2020-01-28");
    assert_int_equal(nv_parse_date("2020-01-28", 10, &f->view.as_of), 0);
    evaluate(f);
    assert_int_equal(f->fs.n, 1);
}

/* from/until: in force from `from` to `until` inclusive; `effective` is
 * the same key as `from`; past `until` the result is not-in-effect. */
static void test_from_until(void **state)
{
    static const char rule[] = "  - id: r\n    kind: forbid\n"
                               "    from: 2022-10-13\n    until: 2027-12-31\n"
                               "    source: s\n";
    static const struct { const char *day; size_t findings; } days[] = {
        {"2022-10-12", 0}, {"2022-10-13", 1}, {"2027-12-31", 1},
        {"2028-01-01", 0}};
    fx *f = *state;
    SETUP(f, "2022-10-12", E("huawei", "ran", 1));
    add_pack(f, rule);
    assert_string_equal(netvet_policy_rule(f->pol, 0).effective,
                        "2022-10-13");
    assert_string_equal(netvet_policy_rule(f->pol, 0).until, "2027-12-31");
    for (size_t i = 0; i < 4; i++) {
        nv_findings_dispose(&f->fs);
        nv_results res = {0};
        assert_int_equal(nv_parse_date(days[i].day, 10, &f->view.as_of), 0);
        assert_int_equal(nv_policy_evaluate_results(f->pol, &f->view, &f->fs,
                                                    &res, f->diag), 0);
        assert_int_equal(f->fs.n, days[i].findings);
        assert_int_equal(res.n, 1);
        assert_int_equal(res.items[0].status,
                         days[i].findings ? NV_RESULT_FAIL
                                          : NV_RESULT_NOT_IN_EFFECT);
        nv_results_dispose(&res);
    }
}

/* installed_after/installed_before are strict; an element without an
 * installed date matches neither; status matches the element's status. */
static void test_scope_installed_and_status(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01", E("huawei", "ran", 1), E("huawei", "ran", 1),
          E("huawei", "ran", 1), E("huawei", "ran", 1),
          E("huawei", "ran", 1));
    static const char *const inst[] = {"2022-10-13", "2022-10-14",
                                       NULL, "2023-06-30", "2021-01-01"};
    static const uint8_t st[] = {NV_STATUS_ACTIVE, NV_STATUS_PLANNED,
                                 NV_STATUS_ACTIVE, NV_STATUS_ACTIVE,
                                 NV_STATUS_DECOMMISSIONED};
    f->inv->installed = nv_calloc(5, sizeof(int32_t));
    f->inv->status = nv_calloc(5, 1);
    for (size_t k = 0; k < 5; k++) {
        f->inv->installed[k] = NV_NO_DATE;
        if (inst[k])
            assert_int_equal(nv_parse_date(inst[k], 10,
                                           &f->inv->installed[k]), 0);
        f->inv->status[k] = st[k];
    }
    run_pack(f, "  - id: new\n    kind: forbid\n"
                "    scope: {functions: [ran], installed_after: 2022-10-13}\n"
                "    source: s\n"
                "  - id: window\n    kind: forbid\n"
                "    scope: {installed_after: 2022-10-13,"
                " installed_before: 2023-06-30}\n"
                "    source: s\n"
                "  - id: old\n    kind: forbid\n"
                "    scope: {installed_before: 2022-10-14}\n"
                "    source: s\n"
                "  - id: st\n    kind: forbid\n"
                "    scope: {status: [planned, decommissioned]}\n"
                "    source: s\n");
    assert_int_equal(f->fs.n, 4);
    assert_string_equal(f->fs.items[0].rule_id, "new");
    assert_elements(&f->fs.items[0], (const uint32_t[]){1, 3}, 2);
    assert_string_equal(f->fs.items[0].message,
                        "huawei has 2 elements in scope (functions ran; "
                        "installed after 2022-10-13); none allowed");
    assert_elements(&f->fs.items[1], (const uint32_t[]){1}, 1);
    assert_elements(&f->fs.items[2], (const uint32_t[]){0, 4}, 2);
    assert_elements(&f->fs.items[3], (const uint32_t[]){1, 4}, 2);
    assert_string_equal(f->fs.items[3].message,
                        "huawei has 2 elements in scope (status planned, "
                        "decommissioned); none allowed");
}

/* measure names served and sites parse into their bits. */
static void test_measure_bits(void **state)
{
    (void)state;
    netvet_policy *pol;
    netvet_diag *diag;
    assert_int_equal(netvet_policy_new(&pol), 0);
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    const char *t = "pack: p\nrules:\n  - {id: r, kind: share-cap, "
                    "vendors: [zte], max: 0.35, measure: [sites, served], "
                    "source: s}\n";
    assert_int_equal(netvet_policy_add_buffer(pol, t, strlen(t), "p.yaml",
                                              diag), 0);
    assert_int_equal(pol->rules[0].measures,
                     NV_MEASURE_SITES | NV_MEASURE_SERVED);
    assert_int_equal(NV_MEASURE_SERVED, 4u);
    assert_int_equal(NV_MEASURE_SITES, 8u);
    netvet_policy_free(pol);
    netvet_diag_free(diag);
}

/* ---- malformed packs ---- */

typedef struct bad_case {
    const char *text;
    int status;
    const char *message;
} bad_case;

/* Most cases start with a pack `p` and a rule `r` (line 3). */
#define R "pack: p\nrules:\n  - id: r\n"
#define RF R "    kind: forbid\n    source: s\n"
#define RS R "    kind: share-cap\n    source: s\n"
#define EP NETVET_EPARSE

static const bad_case bad_cases[] = {
    {RF "   title: x\n", EP,
     "bad.yaml:6: YAML syntax error: did not find expected '-' indicator "
     "(while parsing a block collection)"},
    {RF "    scpoe: {}\n", EP, "bad.yaml:6: unknown key 'scpoe' in rule"},
    {"pack: p\nrules:\n  - kind: forbid\n    source: s\n", EP,
     "bad.yaml:3: rule has no 'id'"},
    {R "    source: s\n", EP, "bad.yaml:3: rule 'r' has no 'kind'"},
    {R "    kind: forbid\n", EP, "bad.yaml:3: rule 'r' has no 'source'"},
    {"pack: p\nhigh_risk: {listings: [x]}\nrules:\n  - id: r\n"
     "    source: s\n    title: t\n    kind: forbidd\n",
     EP, "bad.yaml:7: unknown rule kind 'forbidd'"},
    {RF "    severity: fatal\n", EP,
     "bad.yaml:6: unknown severity 'fatal' (expected error, warning or "
     "note)"},
    {RF "    scope:\n      functions: [core, coer]\n", EP,
     "bad.yaml:7: unknown function 'coer'"},
    {RS "    max: 1.5\n", EP,
     "bad.yaml:6: share-cap max 1.5 is outside [0, 1]"},
    {RS "    max: 35%\n", EP,
     "bad.yaml:6: 'max' must be a number, not '35%'"},
    {RS, EP, "bad.yaml:3: rule 'r' has no 'max'"},
    {R "    kind: max-vendors\n    source: s\n    max: 1.5\n", EP,
     "bad.yaml:6: max-vendors max 1.5 must be a whole number from 0 to "
     "1000000"},
    {RF "    max: 0\n", EP,
     "bad.yaml:6: 'max' does not apply to a forbid rule"},
    {RS "    max: 0.3\n    per: site\n", EP,
     "bad.yaml:7: unknown per 'site' (expected domain, vendor or all)"},
    {RS "    max: 0.3\n    measure: [count, traffic]\n", EP,
     "bad.yaml:7: unknown measure 'traffic' (expected count, weight, "
     "served or sites)"},
    {RF "    from: 2020-01-01\n    effective: 2020-01-01\n", EP,
     "bad.yaml:6: rule 'r' has both 'from' and 'effective' (the same key; "
     "give one)"},
    {RF "    from: 2020-13-01\n", EP,
     "bad.yaml:6: bad from date '2020-13-01' (expected YYYY-MM-DD)"},
    {RF "    until: 2020\n", EP,
     "bad.yaml:6: bad until date '2020' (expected YYYY-MM-DD)"},
    {RF "    from: 2023-01-01\n    until: 2022-12-31\n", EP,
     "bad.yaml:7: rule 'r' is in force until 2022-12-31, before it starts "
     "(2023-01-01)"},
    {RF "    scope: {status: [active, retired]}\n", EP,
     "bad.yaml:6: unknown status 'retired' (expected active, planned or "
     "decommissioned)"},
    {RF "    scope: {installed_after: yesterday}\n", EP,
     "bad.yaml:6: bad installed_after date 'yesterday' (expected "
     "YYYY-MM-DD)"},
    {RF "    scope:\n      installed_after: 2022-10-13\n"
        "      installed_before: 2022-10-14\n", EP,
     "bad.yaml:8: installed_before must be later than installed_after (no "
     "day is strictly between)"},
    {RF "    scope: {instaled_after: 2022-10-13}\n", EP,
     "bad.yaml:6: unknown key 'instaled_after' in scope"},
    {R "    kind: exposure-cap\n    source: s\n    max: 0.3\n"
       "    scope: {status: [planned]}\n", EP,
     "bad.yaml:7: an exposure-cap rule's scope takes only functions (of the "
     "customers counted)"},
    {RF "  - id: r\n    kind: forbid\n    source: s\n", EP,
     "bad.yaml:6: duplicate rule id 'r' (first at line 3)"},
    {RF "    effective: 2020-02-30\n", EP,
     "bad.yaml:6: bad effective date '2020-02-30' (expected YYYY-MM-DD)"},
    {RF "    vendors: high-risk\n", EP,
     "bad.yaml:3: rule 'r' selects high-risk vendors but the pack has no "
     "'high_risk' vendors"},
    {"pack: p\nhigh_risk: {countries: [China]}\nrules: []\n", EP,
     "bad.yaml:2: invalid country 'China' (expected an ISO 3166-1 alpha-2 "
     "code)"},
    {R "    kind: forbid\n    source: \"\"\n", EP,
     "bad.yaml:5: rule 'r' has an empty 'source'"},
    {"pack: p\nrules:\n  - id: r r\n", EP,
     "bad.yaml:3: invalid rule id 'r r' (use letters, digits, '.', '_' or "
     "'-', at most 128)"},
    {R "    kind: \"\\e[31m\"\n    source: s\n", EP,
     "bad.yaml:4: unknown rule kind '?[31m'"},
    {"pack: p\nrules: {}\n", EP, "bad.yaml:2: 'rules' must be a list"},
    {"rules: []\n", EP, "bad.yaml:1: pack has no 'pack' id"},
    {"pack: p\npack: q\nrules: []\n", EP,
     "bad.yaml:2: duplicate key 'pack' in pack"},
    {"- a\n- b\n", EP, "bad.yaml:1: expected a mapping for pack"},
    {"", EP, "bad.yaml:1: empty pack"},
    {"pack: p\nrules: []\n---\npack: q\nrules: []\n", EP,
     "bad.yaml:4: a pack holds one YAML document; found a second"},
    {RF "    scope: {functions: []}\n", EP,
     "bad.yaml:6: 'functions' is empty"},
    {"pack: p\ntitle: \"a\\0b\"\nrules: []\n", EP,
     "bad.yaml:2: 'title' contains a control character"},
    {"pack: p\nrules: [\xff]\n", EP,
     "bad.yaml:2: invalid text at byte 16: invalid leading UTF-8 octet"},
    {"pack: p\nrules: [[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]\n", EP,
     "bad.yaml:2: YAML nested deeper than 16 levels"},    /* anchors were accepted in packs while the registry refused them */
    {"pack: p\nhigh_risk: &h {listings: [x]}\nextra: *h\nrules: []\n", EP,
     "bad.yaml:2: YAML anchors and aliases (*name) are not supported"},
};

static void test_malformed_packs(void **state)
{
    (void)state;
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
        netvet_policy *pol;
        assert_int_equal(netvet_policy_new(&pol), 0);
        const bad_case *c = &bad_cases[i];
        int rc = netvet_policy_add_buffer(pol, c->text, strlen(c->text),
                                          "bad.yaml", diag);
        if (rc != c->status || strcmp(netvet_diag_message(diag), c->message))
            fail_msg("case %zu: got %d '%s', want '%s'", i, rc,
                     netvet_diag_message(diag), c->message);
        assert_int_equal(netvet_policy_rule_count(pol), 0);
        netvet_policy_free(pol);
    }
    netvet_diag_free(diag);
}

static void test_duplicate_across_packs(void **state)
{
    (void)state;
    netvet_policy *pol;
    netvet_diag *diag;
    assert_int_equal(netvet_policy_new(&pol), 0);
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    const char *a = "pack: a\nrules:\n  - {id: r, kind: forbid, "
                    "vendors: [zte], source: s}\n";
    const char *b = "pack: b\nrules:\n  - {id: q, kind: forbid, "
                    "vendors: [zte], source: s}\n"
                    "  - {id: r, kind: forbid, vendors: [zte], source: s}\n";
    assert_int_equal(netvet_policy_add_buffer(pol, a, strlen(a), "a.yaml",
                                              diag), 0);
    assert_int_equal(netvet_policy_add_buffer(pol, b, strlen(b), "b.yaml",
                                              diag), NETVET_EPARSE);
    assert_string_equal(netvet_diag_message(diag),
                        "b.yaml:4: duplicate rule id 'r' (already in pack "
                        "'a')");
    assert_int_equal(netvet_policy_rule_count(pol), 1); /* b not added */
    assert_int_equal(netvet_policy_add_buffer(pol, a, strlen(a), "a2.yaml",
                                              diag), NETVET_EPARSE);
    assert_string_equal(netvet_diag_message(diag),
                        "a2.yaml:1: pack 'a' is already loaded");
    assert_int_equal(netvet_policy_add_file(pol, "/nonexistent/p.yaml",
                                            diag), NETVET_EIO);
    netvet_policy_free(pol);
    netvet_diag_free(diag);
}

/* ---- the built-in UK pack ---- */

/* exposure-cap reads the dependent weights the topology step left in the
 * view: here made by hand (CN loses 10 access + 30 ran of 40 + 60). */
static void test_exposure_cap(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01", TEN_ACCESS);
    add_pack(f, "  - id: x\n"
                "    kind: exposure-cap\n"
                "    max: 0.35\n"
                "    source: s\n"
                "  - id: x-ran\n"
                "    kind: exposure-cap\n"
                "    per: vendor\n"
                "    max: 0.45\n"
                "    scope: {functions: [ran]}\n"
                "    source: s\n");
    /* without a topology the rule cannot be measured: no finding */
    evaluate(f);
    assert_int_equal(f->fs.n, 0);
    int32_t cn = f->view.dset_dom[f->view.dset[0]], huawei = f->view.vendor[0];
    int32_t zte = f->view.vendor[2];
    nv_exposure_group g[3] = {{0}};
    g[0].kind = NV_GROUP_DOMAIN;
    g[0].key = cn;
    g[0].fn_weight[NETVET_FN_ACCESS] = 10;
    g[0].fn_weight[NETVET_FN_RAN] = 30;
    g[1].kind = NV_GROUP_VENDOR;
    g[1].key = huawei;
    g[1].fn_weight[NETVET_FN_ACCESS] = 10;
    g[2].kind = NV_GROUP_VENDOR;
    g[2].key = zte;
    g[2].fn_weight[NETVET_FN_RAN] = 30;
    nv_exposure x = {0};
    x.n_groups = 3;
    x.n_sources = 1; /* with no source, exposure-cap is n/a */
    x.groups = g;
    x.fn_total[NETVET_FN_ACCESS] = 40;
    x.fn_total[NETVET_FN_RAN] = 60;
    f->view.exposure = &x;
    nv_results res = {0};
    assert_int_equal(nv_policy_evaluate_results(f->pol, &f->view, &f->fs, &res,
                                                f->diag), 0);
    assert_int_equal(f->fs.n, 2);
    assert_string_equal(f->fs.items[0].rule_id, "x");
    assert_string_equal(f->fs.items[0].subject, "CN");
    assert_string_equal(f->fs.items[0].measure, "exposure-share");
    assert_true(f->fs.items[0].value == 0.4);
    assert_string_equal(f->fs.items[0].message,
                        "risk domain CN: without it 40.00% of customer weight "
                        "(whole network) loses every path to the core; cap 35.00%");
    assert_elements(&f->fs.items[0], (const uint32_t[]){0, 2, 4, 6, 10}, 5);
    assert_string_equal(f->fs.items[1].rule_id, "x-ran");
    assert_string_equal(f->fs.items[1].subject, "zte");
    assert_true(f->fs.items[1].value == 0.5);
    /* results: x for CN; x-ran for huawei (0%, pass) then zte (fail) */
    assert_int_equal(res.n, 3);
    assert_string_equal(res.items[1].subject, "huawei");
    assert_int_equal(res.items[1].status, NV_RESULT_PASS);
    assert_true(res.items[1].value == 0);
    assert_int_equal(res.items[2].status, NV_RESULT_FAIL);
    nv_results_dispose(&res);
}

/* One exposure for test_rule_sets_split: domain CN cuts off 40% of the
 * access weight. */
static void fake_exposure(fx *f, nv_exposure *x, nv_exposure_group *g)
{
    memset(x, 0, sizeof(*x));
    memset(g, 0, sizeof(*g));
    g->kind = NV_GROUP_DOMAIN;
    g->key = f->view.dset_dom[f->view.dset[0]];
    g->fn_weight[NETVET_FN_ACCESS] = 40;
    x->n_groups = 1;
    x->n_sources = 1; /* with no source, exposure-cap is n/a */
    x->groups = g;
    x->fn_total[NETVET_FN_ACCESS] = 100;
    f->view.exposure = x;
}

/* The assessment runs the rules that need no exposure beside the topology
 * and the exposure rules after it: put together, findings (once sorted)
 * and results (once ordered by rule) equal one evaluation of every rule,
 * even with an exposure rule between the others. */
static void test_rule_sets_split(void **state)
{
    fx *f = *state;
    SETUP(f, "2024-01-01", TEN_ACCESS);
    add_pack(f, "  - id: a-cap\n"
                "    kind: share-cap\n"
                "    max: 0.1\n"
                "    source: s\n"
                "  - id: b-exposure\n"
                "    kind: exposure-cap\n"
                "    max: 0.35\n"
                "    source: s\n"
                "  - id: c-vendors\n"
                "    kind: max-vendors\n"
                "    max: 1\n"
                "    source: s\n");
    nv_exposure x;
    nv_exposure_group g;
    fake_exposure(f, &x, &g);
    nv_results all = {0}, split = {0};
    nv_findings fs2 = {0};
    assert_int_equal(nv_policy_evaluate_results(f->pol, &f->view, &f->fs, &all,
                                                f->diag), 0);
    assert_int_equal(nv_policy_evaluate_set(f->pol, &f->view,
                                            NV_RULES_NO_EXPOSURE, &fs2,
                                            &split), 0);
    assert_int_equal(split.n, all.n - 1); /* all but b-exposure's one */
    assert_int_equal(nv_policy_evaluate_set(f->pol, &f->view, NV_RULES_EXPOSURE,
                                            &fs2, &split), 0);
    assert_int_equal(split.items[split.n - 1].rule, 1); /* appended last */
    assert_int_equal(nv_results_order_by_rule(&split), 0);
    assert_int_equal(split.n, all.n);
    for (size_t i = 0; i < all.n; i++) {
        assert_int_equal(split.items[i].rule, all.items[i].rule);
        assert_string_equal(split.items[i].subject, all.items[i].subject);
        assert_int_equal(split.items[i].status, all.items[i].status);
        assert_true(split.items[i].value == all.items[i].value);
    }
    assert_int_equal(split.items[0].rule, 0);
    assert_int_equal(split.items[all.n - 1].rule, 2);
    /* a-cap fails for CN by count and by weight, b-exposure for CN,
     * c-vendors for the access network's three vendors */
    assert_int_equal(f->fs.n, 4);
    assert_int_equal(fs2.n, f->fs.n);
    assert_string_equal(fs2.items[fs2.n - 1].rule_id, "b-exposure");
    nv_findings_sort(&f->fs);
    nv_findings_sort(&fs2);
    for (size_t i = 0; i < f->fs.n; i++) {
        assert_string_equal(fs2.items[i].rule_id, f->fs.items[i].rule_id);
        assert_string_equal(fs2.items[i].message, f->fs.items[i].message);
    }
    nv_findings_dispose(&fs2);
    nv_results_dispose(&all);
    nv_results_dispose(&split);
}

/* Findings equal in severity, rule, subject and measure still sort the
 * same from any input order (qsort is not stable). */
static void test_findings_sort_total(void **state)
{
    (void)state;
    const char *msgs[3] = {"b", "a", "c"};
    nv_findings fs[2] = {{0}};
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < 3; i++) {
            int k = pass ? 2 - i : i;
            nv_finding *fd = nv_findings_push(&fs[pass]);
            assert_non_null(fd);
            fd->rule_id = nv_strdup("r");
            fd->subject = nv_strdup("CN");
            fd->measure = nv_strdup("elements");
            fd->message = nv_strdup(msgs[k]);
            fd->elements = nv_malloc(sizeof(uint32_t));
            fd->elements[0] = 7;
            fd->n_elements = k == 2 ? 0 : 1; /* fewer elements first */
        }
        nv_findings_sort(&fs[pass]);
    }
    const char *want[3] = {"c", "a", "b"};
    for (int i = 0; i < 3; i++) {
        assert_string_equal(fs[0].items[i].message, want[i]);
        assert_string_equal(fs[1].items[i].message, want[i]);
    }
    nv_findings_dispose(&fs[0]);
    nv_findings_dispose(&fs[1]);
}

static void test_builtin_uk_pack(void **state)
{
    const char *const *ids = netvet_policy_builtin_ids();
    int found = 0;
    for (size_t i = 0; ids[i]; i++)
        found |= !strcmp(ids[i], "uk-ncsc-2020");
    assert_true(found);
    fx *f = *state;
    SETUP(f, "2024-01-01", TEN_ACCESS, E("huawei", "OSS", 5),
          {"zte", "access", 0, "sensitive", NULL, 1});
    assert_int_equal(netvet_policy_add_builtin(f->pol, "nope", f->diag),
                     NETVET_ENOTFOUND);
    assert_int_equal(netvet_policy_add_builtin(f->pol, "uk-ncsc-2020",
                                               f->diag), 0);
    assert_int_equal(netvet_policy_rule_count(f->pol), 5);
    const char *want[5] = {"uk-hrv-core", "uk-hrv-sensitive",
                           "uk-hrv-access-cap", "uk-hrv-single",
                           "uk-hrv-exposure"};
    for (size_t i = 0; i < 5; i++) {
        netvet_rule_info r = netvet_policy_rule(f->pol, i);
        assert_string_equal(r.id, want[i]);
        assert_string_equal(r.pack, "uk-ncsc-2020");
        assert_int_equal(r.severity,
                         i == 4 ? NETVET_SEV_WARNING : NETVET_SEV_ERROR);
        assert_true(strlen(r.source) > 20);
    }
    assert_int_equal(netvet_policy_rule(f->pol, 2).kind,
                     NETVET_RULE_SHARE_CAP);
    assert_int_equal(netvet_policy_rule(f->pol, 4).kind,
                     NETVET_RULE_EXPOSURE_CAP);
    assert_non_null(strstr(netvet_policy_rule(f->pol, 4).source,
                           "not a legal requirement"));
    evaluate(f);
    nv_findings_sort(&f->fs);
    assert_int_equal(netvet_diag_warnings(f->diag), 0);
    assert_int_equal(f->fs.n, 4);
    assert_string_equal(f->fs.items[0].rule_id, "uk-hrv-access-cap");
    assert_string_equal(f->fs.items[0].measure, "count-share");
    assert_string_equal(f->fs.items[1].measure, "weight-share");
    assert_string_equal(f->fs.items[2].rule_id, "uk-hrv-core");
    assert_elements(&f->fs.items[2], (const uint32_t[]){10, 11}, 2);
    assert_string_equal(f->fs.items[3].rule_id, "uk-hrv-single");
}

/* The UK pack against the built-in registry: every listing it names is
 * there (no warnings), and Huawei plus ZTE in access trip the cap. */
static void test_builtin_uk_pack_builtin_registry(void **state)
{
    fx *f = *state;
    const el els[] = {E("huawei", "ran", 30), E("zte", "OLT", 20),
                      E("nokia", "ran", 25), E("ericsson", "ran", 25),
                      {"fiberhome", "access", 0, NULL, NULL, 1}};
    setup_fx(f, els, 5, "2024-01-01", 0, NULL);
    assert_int_equal(netvet_policy_add_builtin(f->pol, "uk-ncsc-2020",
                                               f->diag), 0);
    evaluate(f);
    assert_int_equal(netvet_diag_warnings(f->diag), 0);
    assert_int_equal(f->fs.n, 3);
    assert_string_equal(f->fs.items[0].rule_id, "uk-hrv-access-cap");
    assert_string_equal(f->fs.items[0].message,
                        "risk domain CN (huawei, zte) holds 50.00% of scope "
                        "(functions access, ran) by count; cap 35.00%");
    assert_elements(&f->fs.items[0], (const uint32_t[]){0, 1}, 2);
    assert_string_equal(f->fs.items[1].measure, "weight-share");
    assert_true(f->fs.items[1].value == 0.5);
    assert_string_equal(f->fs.items[2].rule_id, "uk-hrv-single");
}

/* The default policy by as-of date: uk-ncsc-2020 always, uk-dvd-2022 from
 * 2022-10-13; a bad date is an error naming it. */
static void test_default_packs(void **state)
{
    (void)state;
    const char *ids[4];
    size_t n = 9;
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    assert_int_equal(netvet_policy_default_ids("2022-10-12", ids, 4, &n,
                                               diag), 0);
    assert_int_equal(n, 1);
    assert_string_equal(ids[0], "uk-ncsc-2020");
    assert_int_equal(netvet_policy_default_ids("2022-10-13", ids, 4, &n,
                                               diag), 0);
    assert_int_equal(n, 2);
    assert_string_equal(ids[1], "uk-dvd-2022");
    assert_int_equal(netvet_policy_default_ids(NULL, ids, 4, &n, diag), 0);
    assert_int_equal(n, 2); /* today is after 2022 */
    assert_int_equal(netvet_policy_default_ids("2022-10-13", ids, 1, &n,
                                               diag), NETVET_ELIMIT);
    assert_int_equal(netvet_policy_default_ids("13/10/2022", ids, 4, &n,
                                               diag), NETVET_EINVAL);
    assert_string_equal(netvet_diag_message(diag),
                        "the as-of date '13/10/2022' is not a date "
                        "YYYY-MM-DD");
    netvet_policy *pol;
    assert_int_equal(netvet_policy_new(&pol), 0);
    assert_int_equal(netvet_policy_add_defaults(pol, "2026-11-23", diag), 0);
    assert_int_equal(netvet_policy_rule_count(pol), 12);
    assert_string_equal(netvet_policy_rule(pol, 5).id, "uk-dvd-5g-new");
    assert_string_equal(netvet_policy_rule(pol, 11).id, "uk-dvd-5g-out");
    assert_string_equal(netvet_policy_rule(pol, 11).effective, "2027-12-31");
    netvet_policy_free(pol);
    netvet_diag_free(diag);
}

/* The 2018 ZTE letter: ZTE forbidden everywhere; a second Chinese vendor
 * beside Huawei is one too many (built-in registry). */
static void test_builtin_uk_2018_pack(void **state)
{
    fx *f = *state;
    const el els[] = {E("huawei", "ran", 30), E("zte", "aggregation", 0),
                      E("nokia", "ran", 25)};
    setup_fx(f, els, 3, "2018-04-16", 0, NULL);
    assert_int_equal(netvet_policy_add_builtin(f->pol, "uk-ncsc-2018",
                                               f->diag), 0);
    assert_int_equal(netvet_policy_rule_count(f->pol), 2);
    assert_string_equal(netvet_policy_rule(f->pol, 0).id, "uk-2018-zte");
    assert_string_equal(netvet_policy_rule(f->pol, 1).id,
                        "uk-2018-second-cn");
    evaluate(f);
    nv_findings_sort(&f->fs);
    assert_int_equal(netvet_diag_warnings(f->diag), 0);
    assert_int_equal(f->fs.n, 2);
    assert_string_equal(f->fs.items[0].rule_id, "uk-2018-second-cn");
    assert_string_equal(f->fs.items[0].message,
                        "2 high-risk vendors in scope (whole network): "
                        "huawei, zte; at most 1 allowed");
    assert_string_equal(f->fs.items[1].rule_id, "uk-2018-zte");
    assert_elements(&f->fs.items[1], (const uint32_t[]){1}, 1);
    nv_findings_dispose(&f->fs);
    assert_int_equal(nv_parse_date("2018-04-15", 10, &f->view.as_of), 0);
    evaluate(f);
    assert_int_equal(f->fs.n, 0); /* the day before the letter */
}

/* Every rule of the DVD pack loads with the ids, kinds and dates the
 * shared plan fixes. */
static void test_builtin_dvd_pack(void **state)
{
    (void)state;
    static const struct {
        const char *id, *from;
        netvet_rule_kind kind;
    } want[] = {
        {"uk-dvd-5g-new", "2022-10-13", NETVET_RULE_FORBID},
        {"uk-dvd-sensitive", "2023-01-28", NETVET_RULE_FORBID},
        {"uk-dvd-5g-cap", "2023-07-31", NETVET_RULE_SHARE_CAP},
        {"uk-dvd-fttp-cap", "2023-10-31", NETVET_RULE_SHARE_CAP},
        {"uk-dvd-core", "2023-12-31", NETVET_RULE_FORBID},
        {"uk-dvd-transmission", "2025-12-31", NETVET_RULE_FORBID},
        {"uk-dvd-5g-out", "2027-12-31", NETVET_RULE_FORBID},
    };
    netvet_policy *pol;
    netvet_diag *diag;
    assert_int_equal(netvet_policy_new(&pol), 0);
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    assert_int_equal(netvet_policy_add_builtin(pol, "uk-dvd-2022", diag), 0);
    assert_int_equal(netvet_policy_rule_count(pol), 7);
    for (size_t i = 0; i < 7; i++) {
        netvet_rule_info r = netvet_policy_rule(pol, i);
        assert_string_equal(r.id, want[i].id);
        assert_string_equal(r.effective, want[i].from);
        assert_string_equal(r.until, "");
        assert_int_equal(r.kind, want[i].kind);
        assert_true(strlen(r.source) > 40);
    }
    const nv_rule *r = &pol->rules[0];
    char day[16];
    nv_format_date(r->installed_after, day);
    assert_string_equal(day, "2022-10-13");
    assert_int_equal(pol->rules[2].measures,
                     NV_MEASURE_SITES | NV_MEASURE_WEIGHT);
    assert_int_equal(pol->rules[3].measures, NV_MEASURE_SERVED);
    assert_int_equal(pol->rules[2].per, NV_PER_VENDOR);
    netvet_policy_free(pol);
    netvet_diag_free(diag);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(test_forbid_hit),
        FX_TEST(test_forbid_miss),
        FX_TEST(test_forbid_two_vendors_sorted),
        FX_TEST(test_forbid_sensitive_tag),
        FX_TEST(test_forbid_sites_and_missing_column),
        FX_TEST(test_forbid_vendor_list_and_unknown_id),
        FX_TEST(test_high_risk_by_country_and_warnings),
        FX_TEST(test_share_cap_domain_adds_vendors),
        FX_TEST(test_share_cap_per_vendor_and_all),
        FX_TEST(test_share_cap_weight_not_count),
        FX_TEST(test_share_cap_both_measures),
        FX_TEST(test_share_cap_zero_weight_scope),
        FX_TEST(test_share_cap_at_cap_passes),
        FX_TEST(test_max_vendors),
        FX_TEST(test_max_vendors_one_passes),
        FX_TEST(test_effective_date),
        FX_TEST(test_from_until),
        FX_TEST(test_scope_installed_and_status),
        cmocka_unit_test(test_measure_bits),
        cmocka_unit_test(test_malformed_packs),
        cmocka_unit_test(test_duplicate_across_packs),
        FX_TEST(test_exposure_cap),
        FX_TEST(test_rule_sets_split),
        cmocka_unit_test(test_findings_sort_total),
        FX_TEST(test_builtin_uk_pack),
        FX_TEST(test_builtin_uk_pack_builtin_registry),
        cmocka_unit_test(test_default_packs),
        FX_TEST(test_builtin_uk_2018_pack),
        cmocka_unit_test(test_builtin_dvd_pack),
        FX_TEST(test_share_cap_vendor_in_two_domains),
        FX_TEST(test_exposure_cap_vendor_in_two_domains),
        FX_TEST(test_plan_target_vendor_in_two_domains),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
