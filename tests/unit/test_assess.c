/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the assessment pipeline: vendor resolution to root vendors
 * and risk domains, as-of counting, share tables and concentration, and
 * unknown-vendor findings, with exact values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "netvet/report.h"
#include "assess/assessment.h"
#include "netvet/attrib.h"

static const char elements[] =
    "id,vendor,function,weight,installed,status\n"
    "c1,Cisco Systems Inc.,core,0,,\n"
    "a1,\"Huawei Technologies Co., Ltd.\",OLT,0,,\n"
    "a2,ZTE Corp.,OLT,0,,\n"
    "a3,NOKIA,OLT,0,,\n"
    "a4,Alcatel-Lucent,OLT,0,,\n"
    "r1,Ericsson AB,gNB,300,,\n"
    "r2,HUAWEI,gNB,100,,\n"
    "r3,Ericsson AB,gNB,600,2030-01-01,planned\n"
    "x1,Acme Broadband,ONT,1,,\n"
    "x2,,ONT,1,,\n"
    "x3,Acme Broadband,ONT,1,,decommissioned\n";

typedef struct fixture {
    netvet_inventory *inv;
    netvet_registry *reg;
    netvet_assessment *a;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof(*f));
    netvet_assess_options o = NETVET_ASSESS_OPTIONS_INIT;
    o.as_of = "2026-01-01";
    if (nv_inventory_load_buffers(&f->inv, elements, strlen(elements), "e",
                                  NULL, 0, NULL, NULL, NULL) < 0 ||
        netvet_registry_new_builtin(&f->reg, NULL) < 0 ||
        netvet_assess(&f->a, f->inv, f->reg, NULL, &o, NULL) < 0)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    netvet_assessment_free(f->a);
    netvet_registry_free(f->reg);
    netvet_inventory_free(f->inv);
    free(f);
    return 0;
}

static const char *vendor_id(const fixture *f, size_t k)
{
    int32_t v = f->a->view.vendor[k];
    return v < 0 ? "?" : netvet_registry_vendor(f->reg, (size_t)v)->id;
}

static void test_resolution_and_domains(void **state)
{
    fixture *f = *state;
    const nv_view *v = &f->a->view;
    assert_string_equal(vendor_id(f, 0), "cisco");
    assert_string_equal(vendor_id(f, 1), "huawei");
    assert_string_equal(vendor_id(f, 2), "zte");
    assert_string_equal(vendor_id(f, 3), "nokia");
    assert_string_equal(vendor_id(f, 4), "nokia");
    assert_string_equal(vendor_id(f, 6), "huawei");
    assert_int_equal(v->vendor[8], -1);
    assert_int_equal(v->vendor[9], -1);
    assert_int_equal(v->dset[1], v->dset[2]);
    assert_string_equal(v->dset_label[v->dset[1]], "CN");
    assert_string_equal(v->dset_label[v->dset[3]], "FI");
    assert_int_equal(v->dset_off[v->dset[1] + 1] - v->dset_off[v->dset[1]], 1);
    assert_string_equal(v->domain_country[v->dset_dom[v->dset_off[v->dset[1]]]],
                        "CN");
    /* r3 planned for 2030, x3 decommissioned */
    assert_int_equal(v->n_counted, 9);
    assert_int_equal(v->counted[7], 0);
    assert_int_equal(v->counted[10], 0);
    assert_true(v->total_weight == 402.0);
}

static void test_access_shares(void **state)
{
    fixture *f = *state;
    const nv_group_shares *g = &f->a->shares.group[NETVET_FN_ACCESS];
    assert_int_equal(g->count, 4);
    assert_int_equal(g->n_vendors, 3);
    assert_string_equal(netvet_registry_vendor(f->reg, (size_t)g->vendors[0].key)->id, "nokia");
    assert_int_equal(g->vendors[0].count, 2);
    /* nokia 1/2, huawei 1/4, zte 1/4 */
    assert_true(g->hhi_count == 0.375);
    assert_true(g->top_count == 0.5);
    assert_int_equal(g->n_domains, 2);
    assert_string_equal(f->a->view.domain_country[g->domains[0].key], "CN");
    assert_int_equal(g->domains[0].count, 2);
}

static void test_ran_weight_shares(void **state)
{
    fixture *f = *state;
    const nv_group_shares *g = &f->a->shares.group[NETVET_FN_RAN];
    assert_int_equal(g->count, 2);
    assert_true(g->weight == 400.0);
    assert_true(g->top_weight == 0.75);
    assert_true(g->hhi_weight == 0.625); /* 0.75^2 + 0.25^2 */
    const nv_group_shares *all = &f->a->shares.group[NV_SHARES_ALL];
    assert_int_equal(all->count, 9);
}

static void test_unknown_vendor_findings(void **state)
{
    fixture *f = *state;
    const nv_findings *fs = &f->a->findings;
    assert_int_equal(fs->n, 2);
    assert_int_equal(netvet_assessment_count(f->a, NETVET_SEV_WARNING), 2);
    assert_int_equal(netvet_assessment_count(f->a, NETVET_SEV_ERROR), 0);
    assert_int_equal(f->a->n_unknown_elements, 2);
    assert_string_equal(fs->items[0].subject, "");
    assert_string_equal(fs->items[0].message, "1 element has no declared vendor");
    assert_string_equal(fs->items[1].subject, "Acme Broadband");
    assert_int_equal(fs->items[1].n_elements, 1);
    assert_int_equal(fs->items[1].elements[0], 8);
}

/* The report of `a` in `format`, as a string (caller frees). */
static char *report_text(const netvet_assessment *a, netvet_format format)
{
    netvet_report_options ro = NETVET_REPORT_OPTIONS_INIT;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    ro.format = format;
    ro.details = 1; /* the text's tables */
    assert_int_equal(netvet_report_write(out, a, &ro, NULL), 0);
    fclose(out);
    return text;
}

/* Nokia (a3, and a4 as Alcatel-Lucent) put in CN as well as FI: it counts
 * in both domains' shares, which then add up to more than the group, and
 * the reports say so; a group without Nokia is as before. */
static void test_shares_vendor_in_two_domains(void **state)
{
    fixture *f = *state;
    netvet_assessment *a = NULL;
    netvet_assess_options o = NETVET_ASSESS_OPTIONS_INIT;
    o.as_of = "2026-01-01";
    assert_int_equal(netvet_assess(&a, f->inv, f->reg, NULL, &o, NULL), 0);
    assert_false(a->shares.group[NETVET_FN_ACCESS].domains_overlap);
    char *plain = report_text(a, NETVET_FORMAT_TEXT);
    assert_null(strstr(plain, "more than 100%"));
    static const char *const fi_cn[] = {"FI", "CN"};
    int nokia = netvet_registry_find(f->reg, "nokia");
    assert_int_equal(nv_view_set_jurisdictions(&a->view, (size_t)nokia,
                                               fi_cn, 2), 0);
    nv_shares_dispose(&a->shares);
    assert_int_equal(nv_shares_compute(&a->shares, &a->view), 0);
    const nv_group_shares *g = &a->shares.group[NETVET_FN_ACCESS];
    assert_int_equal(g->count, 4);
    assert_int_equal(g->n_domains, 2);
    assert_string_equal(a->view.domain_country[g->domains[0].key], "CN");
    assert_int_equal(g->domains[0].count, 4); /* huawei, zte, nokia x2 */
    assert_string_equal(a->view.domain_country[g->domains[1].key], "FI");
    assert_int_equal(g->domains[1].count, 2);
    assert_true(g->domains_overlap);
    assert_true(g->hhi_count == 0.375); /* vendors as before */
    const nv_group_shares *all = &a->shares.group[NV_SHARES_ALL];
    assert_int_equal(all->count, 9);
    assert_string_equal(a->view.domain_country[all->domains[0].key], "CN");
    assert_int_equal(all->domains[0].count, 5);
    assert_true(all->domains[0].weight == 100.0);
    assert_int_equal(all->domains[1].key, -1); /* unknown, 2 */
    assert_true(all->domains_overlap);
    const nv_group_shares *ran = &a->shares.group[NETVET_FN_RAN];
    assert_false(ran->domains_overlap);
    assert_true(ran->domains[0].weight == 300.0); /* SE */
    char *text = report_text(a, NETVET_FORMAT_TEXT);
    assert_non_null(strstr(text,
        "    (a vendor in several risk domains counts in each: the domain "
        "shares add up to more than 100%)\n"));
    char *js = report_text(a, NETVET_FORMAT_JSON);
    json_t *doc = json_loads(js, 0, NULL);
    assert_non_null(doc);
    json_t *groups = json_object_get(doc, "shares"); /* one per function */
    size_t i, overlapping = 0, nokia_rows = 0;
    json_t *grp;
    json_array_foreach(groups, i, grp) {
        overlapping += json_is_true(json_object_get(grp, "domains_overlap"));
        size_t j;
        json_t *row;
        json_array_foreach(json_object_get(grp, "vendors"), j, row)
            if (!strcmp(json_string_value(json_object_get(row, "vendor")),
                        "nokia")) {
                assert_string_equal(
                    json_string_value(json_object_get(row, "domain")),
                    "CN+FI");
                nokia_rows++;
            }
    }
    assert_int_equal(overlapping, 2); /* access and the whole network */
    assert_int_equal(nokia_rows, 2);
    json_decref(doc);
    free(js);
    free(text);
    free(plain);
    netvet_assessment_free(a);
}

static const char two_sinks[] = "id,vendor,function,weight\n"
                                "c,Cisco,core,0\nh,Huawei,OLT,0\n"
                                "s,Nokia,ONT,5\nt,Nokia,ONT,7\n";
static const char two_sinks_links[] = "a,b\nc,h\nh,s\nc,t\n";

/* The complete (details) JSON report of network el + ln assessed with
 * `o`, parsed; *by (65 counts) = its sinks by number of domains. */
static json_t *json_report_detail(const netvet_assess_options *o,
                                  const char *el, const char *ln,
                                  uint64_t *by, int details)
{
    netvet_inventory *inv = NULL;
    netvet_registry *reg = NULL;
    netvet_assessment *a = NULL;
    netvet_report_options ro = NETVET_REPORT_OPTIONS_INIT;
    ro.details = details;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    ro.format = NETVET_FORMAT_JSON;
    assert_non_null(out);
    assert_int_equal(nv_inventory_load_buffers(&inv, el, strlen(el), "e", ln,
                                               strlen(ln), "l", NULL, NULL), 0);
    assert_int_equal(netvet_registry_new_builtin(&reg, NULL), 0);
    assert_int_equal(netvet_assess(&a, inv, reg, NULL, o, NULL), 0);
    memcpy(by, a->exposure.by_n_domains, 65 * sizeof(uint64_t));
    assert_int_equal(netvet_report_write(out, a, &ro, NULL), 0);
    fclose(out);
    json_t *doc = json_loadb(text, len, 0, NULL);
    assert_non_null(doc);
    free(text);
    netvet_assessment_free(a);
    netvet_registry_free(reg);
    netvet_inventory_free(inv);
    return doc;
}

static json_t *json_report(const netvet_assess_options *o, const char *el,
                           const char *ln, uint64_t *by)
{
    return json_report_detail(o, el, ln, by, 1);
}

/* Each sink's domains are kept, and listed in JSON, unless the options
 * (version 2) say not to; version 1 options always keep them. The
 * default (summary) JSON report leaves the list out, with the counts. */
static void test_sink_dependencies_option(void **state)
{
    (void)state;
    netvet_assess_options o = NETVET_ASSESS_OPTIONS_INIT;
    uint64_t by[65];
    json_t *doc = json_report(&o, two_sinks, two_sinks_links, by);
    assert_int_equal(by[3], 1); /* s: US, CN, FI */
    assert_int_equal(by[2], 1); /* t: US, FI */
    json_t *deps = json_object_get(doc, "sink_dependencies");
    assert_int_equal(json_array_size(deps), 2);
    json_t *s = json_array_get(deps, 0);
    assert_string_equal(json_string_value(json_object_get(s, "id")), "s");
    assert_int_equal(json_array_size(json_object_get(s, "domains")), 3);
    assert_string_equal(json_string_value(json_object_get(doc, "detail")),
                        "full");
    json_decref(doc);
    doc = json_report_detail(&o, two_sinks, two_sinks_links, by, 0);
    assert_null(json_object_get(doc, "sink_dependencies"));
    assert_string_equal(json_string_value(json_object_get(doc, "detail")),
                        "summary");
    assert_int_equal(by[3], 1); /* computed all the same */
    json_decref(doc);
    o.sink_dependencies = 0;
    doc = json_report(&o, two_sinks, two_sinks_links, by);
    assert_null(json_object_get(doc, "sink_dependencies"));
    assert_non_null(json_object_get(doc, "exposure"));
    assert_int_equal(by[3], 1);
    assert_int_equal(by[2], 1);
    json_decref(doc);
    o.version = 1;
    doc = json_report(&o, two_sinks, two_sinks_links, by);
    assert_int_equal(json_array_size(json_object_get(doc, "sink_dependencies")), 2);
    json_decref(doc);
    /* no vendor known, so no group: the list is there, empty */
    o.version = NETVET_ASSESS_OPTIONS_VERSION;
    o.sink_dependencies = 1;
    doc = json_report(&o, "id,vendor,function,weight\nc,,core,0\ns,,cpe,5\n",
                      "a,b\nc,s\n", by);
    deps = json_object_get(doc, "sink_dependencies");
    assert_true(json_is_array(deps) && json_array_size(deps) == 0);
    assert_int_equal(by[0], 1);
    json_decref(doc);
}

/* An element declared `declared` in the core whose sysDescr (a strong
 * Junos or VRP pattern, weight 0.9) says otherwise, assessed with the
 * built-in patterns and uk-ncsc-2020 under options `version` / `trust`:
 * the rule uk-hrv-core's result status, the element's view vendor and
 * alternative reading (ids, "-" for none), and the conflict's message. */
typedef struct reading {
    int core_status;
    char vendor[32], alt[32], message[512];
} reading;

static void assess_reading(reading *r, const char *declared,
                           const char *descr, unsigned version,
                           netvet_trust trust)
{
    char el[512];
    snprintf(el, sizeof(el), "id,vendor,function,weight,sys_descr\n"
             "c1,Nokia,core,0,\nc2,%s,core,0,\"%s\"\n", declared, descr);
    netvet_inventory *inv = NULL;
    netvet_registry *reg = NULL;
    netvet_policy *pol = NULL;
    netvet_attributor *at = NULL;
    netvet_assessment *a = NULL;
    netvet_attrib_options ao = NETVET_ATTRIB_OPTIONS_INIT;
    netvet_assess_options o = NETVET_ASSESS_OPTIONS_INIT;
    assert_int_equal(nv_inventory_load_buffers(&inv, el, strlen(el), "e", NULL,
                                               0, NULL, NULL, NULL), 0);
    assert_int_equal(netvet_registry_new_builtin(&reg, NULL), 0);
    assert_int_equal(netvet_policy_new(&pol), 0);
    assert_int_equal(netvet_policy_add_builtin(pol, "uk-ncsc-2020", NULL), 0);
    assert_int_equal(netvet_attributor_new(&at, reg, &ao, NULL), 0);
    o.version = version;
    o.trust = trust;
    o.attributor = at;
    assert_int_equal(netvet_assess(&a, inv, reg, pol, &o, NULL), 0);
    memset(r, 0, sizeof(*r));
    for (size_t i = 0; i < a->results.n; i++)
        if (!strcmp(netvet_policy_rule(pol, a->results.items[i].rule).id,
                    "uk-hrv-core"))
            r->core_status = a->results.items[i].status;
    int32_t v = a->view.vendor[1];
    int32_t alt = a->view.alt_vendor ? a->view.alt_vendor[1] : -1;
    snprintf(r->vendor, sizeof(r->vendor), "%s",
             v < 0 ? "-" : netvet_registry_vendor(reg, (size_t)v)->id);
    snprintf(r->alt, sizeof(r->alt), "%s",
             alt < 0 ? "-" : netvet_registry_vendor(reg, (size_t)alt)->id);
    for (size_t i = 0; i < a->findings.n; i++)
        if (!strcmp(a->findings.items[i].rule_id, "attribution-conflict"))
            snprintf(r->message, sizeof(r->message), "%s",
                     a->findings.items[i].message);
    netvet_assessment_free(a);
    netvet_attributor_free(at);
    netvet_policy_free(pol);
    netvet_registry_free(reg);
    netvet_inventory_free(inv);
}

#define JUNOS "Juniper Networks, Inc. mx480 internet router, kernel JUNOS 21.4R3"
#define VRP "Huawei Versatile Routing Platform Software"

/* The riskier reading wins by default; the evidence's reading with
 * NETVET_TRUST_EVIDENCE and with version 2 options; neither reading
 * high-risk: the evidence's, the declared one kept as the alternative. */
static void test_riskier_reading(void **state)
{
    (void)state;
    reading r;
    assess_reading(&r, "Huawei", JUNOS, NETVET_ASSESS_OPTIONS_VERSION,
                   NETVET_TRUST_RISKIER);
    assert_int_equal(r.core_status, NV_RESULT_FAIL);
    assert_string_equal(r.vendor, "huawei");
    assert_string_equal(r.alt, "juniper");
    assert_string_equal(r.message,
        "declared vendor 'Huawei' (huawei) on 1 element, but the evidence "
        "(sys_descr) says juniper; assessed as huawei, the riskier reading "
        "(huawei is high-risk in a loaded pack, juniper is not); a rule "
        "counts it as whichever reading it selects");
    assess_reading(&r, "Juniper", VRP, NETVET_ASSESS_OPTIONS_VERSION,
                   NETVET_TRUST_RISKIER);
    assert_int_equal(r.core_status, NV_RESULT_FAIL);
    assert_string_equal(r.vendor, "huawei");
    assert_string_equal(r.alt, "juniper");
    assess_reading(&r, "Huawei", JUNOS, NETVET_ASSESS_OPTIONS_VERSION,
                   NETVET_TRUST_EVIDENCE);
    assert_int_equal(r.core_status, NV_RESULT_PASS);
    assert_string_equal(r.vendor, "juniper");
    assert_string_equal(r.alt, "-");
    assert_string_equal(r.message, "declared vendor 'Huawei' on 1 element, "
                        "but the evidence (sys_descr) says juniper");
    assess_reading(&r, "Huawei", JUNOS, 2, NETVET_TRUST_RISKIER);
    assert_int_equal(r.core_status, NV_RESULT_PASS);
    assess_reading(&r, "Cisco", JUNOS, NETVET_ASSESS_OPTIONS_VERSION,
                   NETVET_TRUST_RISKIER);
    assert_int_equal(r.core_status, NV_RESULT_PASS);
    assert_string_equal(r.vendor, "juniper");
    assert_string_equal(r.alt, "cisco");
    assert_string_equal(r.message,
        "declared vendor 'Cisco' (cisco) on 1 element, but the evidence "
        "(sys_descr) says juniper; assessed as juniper, the evidence's "
        "reading (neither is high-risk in a loaded pack); a rule counts it "
        "as whichever reading it selects");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resolution_and_domains),
        cmocka_unit_test(test_access_shares),
        cmocka_unit_test(test_ran_weight_shares),
        cmocka_unit_test(test_unknown_vendor_findings),
        cmocka_unit_test(test_sink_dependencies_option),
        cmocka_unit_test(test_riskier_reading),
        cmocka_unit_test(test_shares_vendor_in_two_domains),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
