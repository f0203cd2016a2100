/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of src/graph: CSR, dependent weight, dominators and impact on
 * hand-built networks with known answers; on 200 random networks the masked
 * pass against one plain reachability per group, and the dominators against
 * "remove v, what is cut off". */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <limits.h>
#include <stdint.h>
#include <cmocka.h>

#include "graph/reach.h"
#include "graph_fixture.h"

static netvet_registry *reg;

static int group_setup(void **state)
{
    return netvet_registry_new_builtin(&reg, NULL) < 0 ? -1 : 0;
}

static int group_teardown(void **state)
{
    netvet_registry_free(reg);
    return 0;
}

static void load(net *t, const char *elements, const char *links)
{
    assert_int_equal(net_load(t, reg, elements, links), 0);
}

static size_t el(const net *t, const char *id)
{
    int64_t k = nv_inv_find_id(t->inv, id, strlen(id));
    assert_true(k >= 0);
    return (size_t)k;
}

static int32_t domain_of(const net *t, const char *country)
{
    for (size_t d = 0; d < t->view.n_domains; d++)
        if (strcmp(t->view.domain_country[d], country) == 0)
            return (int32_t)d;
    fail_msg("no domain %s", country);
    return -1;
}

/* The group of a domain (country code) or vendor (registry id); must be
 * present. */
static const nv_exposure_group *dom(const net *t, const char *country)
{
    long i = nv_exposure_find(&t->x, NV_GROUP_DOMAIN, domain_of(t, country));
    assert_true(i >= 0);
    return &t->x.groups[i];
}
static const nv_exposure_group *ven(const net *t, const char *id)
{
    long i = nv_exposure_find(&t->x, NV_GROUP_VENDOR,
                              netvet_registry_find(reg, id));
    assert_true(i >= 0);
    return &t->x.groups[i];
}

static int depends(const net *t, const char *elem, const char *country)
{
    return nv_exposure_depends(&t->x, el(t, elem),
                               (size_t)domain_of(t, country));
}

static double region_lost(const net *t, const nv_exposure_group *gr,
                          const char *region)
{
    for (size_t r = 0; r < t->x.n_regions; r++)
        if (strcmp(nv_inv_str(t->inv, t->x.region_id[r]), region) == 0)
            return gr->region_weight[r];
    fail_msg("no region %s", region);
    return -1;
}

/* by_n_domains: every sink once, each by the domains its depends row
 * names; the same when the rows are not asked for (then depends is NULL,
 * unless there are more than 64 domains or a window was split, `split`). */
static void check_by_n_domains_split(const net *t, int split)
{
    uint64_t want[65] = {0}, sum = 0;
    for (size_t k = 0; k < t->view.n; k++) {
        if (!t->view.counted[k] || !(t->inv->weight[k] > 0))
            continue;
        unsigned c = 0;
        for (size_t d = 0; d < t->view.n_domains; d++)
            c += (unsigned)nv_exposure_depends(&t->x, k, d);
        want[c > 64 ? 64 : c]++;
    }
    for (unsigned c = 0; c <= 64; c++) {
        assert_int_equal(t->x.by_n_domains[c], want[c]);
        sum += t->x.by_n_domains[c];
    }
    assert_int_equal(sum, t->x.n_sinks);
    nv_exposure bare;
    nv_exposure_options o = NV_EXPOSURE_OPTIONS_INIT;
    nv_graph_input in = t->in; /* as the test set it */
    o.want_depends = 0;
    assert_int_equal(nv_exposure_compute(&bare, &t->g, &in, &o), 0);
    if (t->view.n_domains <= 64 && !split)
        assert_null(bare.depends);
    else
        assert_non_null(bare.depends);
    assert_memory_equal(bare.by_n_domains, want, sizeof(want));
    nv_exposure_dispose(&bare);
}

static void check_by_n_domains(const net *t)
{
    check_by_n_domains_split(t, 0);
}

/* Put registry vendor `id` in the domains of `codes` (n of them) and
 * recompute the exposure over the view's new sets. */
static void set_domains(net *t, const char *id, const char *const *codes,
                        size_t n)
{
    int v = netvet_registry_find(reg, id);
    assert_true(v >= 0);
    assert_int_equal(nv_view_set_jurisdictions(&t->view, (size_t)v, codes, n),
                     0);
    nv_exposure_dispose(&t->x);
    assert_int_equal(nv_exposure_compute(&t->x, &t->g, net_in(t), NULL), 0);
}

static double impact(const net *t, const char *elem)
{
    return t->d.impact[el(t, elem)];
}

/* ---- hand-built networks --------------------------------------------- */

static void test_chain(void **state)
{
    net t;
    load(&t,
         "id,vendor,function,weight,region\n"
         "c,Cisco,core,0,north\n"
         "a,Huawei,aggregation,0,north\n"
         "x,Nokia,access,0,north\n"
         "s,Nokia,cpe,10,north\n",
         "a,b\nc,a\na,x\nx,s\n");
    assert_int_equal(t.g.n_arcs, 6);
    assert_int_equal(t.x.n_groups, 6); /* CN FI US, cisco huawei nokia */
    assert_true(dom(&t, "US")->lost_weight == 10);
    assert_true(dom(&t, "CN")->lost_weight == 10);
    assert_true(dom(&t, "FI")->lost_weight == 10);
    assert_int_equal(dom(&t, "FI")->lost_sinks, 1);
    assert_int_equal(dom(&t, "FI")->n_elements, 2);
    assert_true(ven(&t, "huawei")->fn_weight[NETVET_FN_CPE] == 10);
    assert_true(region_lost(&t, ven(&t, "huawei"), "north") == 10);
    assert_true(depends(&t, "s", "US") && depends(&t, "s", "CN") &&
                depends(&t, "s", "FI"));
    assert_int_equal(t.x.by_n_domains[3], 1);
    check_by_n_domains(&t);
    assert_int_equal(t.x.n_disconnected, 0);
    assert_int_equal(t.d.idom[el(&t, "c")], NV_IDOM_ROOT);
    assert_int_equal(t.d.idom[el(&t, "a")], el(&t, "c"));
    assert_int_equal(t.d.idom[el(&t, "s")], el(&t, "x"));
    assert_true(impact(&t, "c") == 10 && impact(&t, "x") == 10 &&
                impact(&t, "s") == 10);
    uint32_t top[3];
    assert_int_equal(nv_dominators_top(top, 3, &t.d), 3);
    assert_int_equal(top[0], 0);
    assert_int_equal(top[1], 1);
    assert_int_equal(top[2], 2);
    double by_dom[64] = {0};
    nv_dominators_by_group(NULL, by_dom, &t.d, net_in(&t));
    assert_true(by_dom[domain_of(&t, "FI")] == 20); /* x and s, nested */
    net_free(&t);
}

static const char ring_elements[] =
    "id,vendor,function,weight,region\n"
    "c,Cisco,core,0,north\n"
    "a1,Huawei,aggregation,0,north\n"
    "a2,ZTE,aggregation,0,south\n"
    "a3,Nokia,aggregation,0,south\n"
    "s1,Ericsson,cpe,1,north\n"
    "s2,Ericsson,cpe,2,south\n"
    "s3,Ericsson,cpe,4,south\n";

static void test_ring(void **state)
{
    net t;
    load(&t, ring_elements,
         "a,b\nc,a1\na1,a2\na2,a3\na3,c\na1,s1\na2,s2\na3,s3\n");
    assert_true(dom(&t, "CN")->lost_weight == 3);
    assert_int_equal(dom(&t, "CN")->lost_sinks, 2);
    assert_true(region_lost(&t, dom(&t, "CN"), "north") == 1);
    assert_true(region_lost(&t, dom(&t, "CN"), "south") == 2);
    assert_true(ven(&t, "huawei")->lost_weight == 1);
    assert_true(ven(&t, "zte")->lost_weight == 2);
    assert_true(dom(&t, "FI")->lost_weight == 4);
    assert_true(dom(&t, "SE")->lost_weight == 7);
    assert_int_equal(dom(&t, "SE")->lost_sinks, 3);
    assert_true(dom(&t, "US")->lost_weight == 7);
    assert_true(depends(&t, "s2", "CN") && !depends(&t, "s2", "FI"));
    for (int i = 1; i <= 3; i++) {
        char a[3] = {'a', (char)('0' + i), 0}, s[3] = {'s', a[1], 0};
        assert_int_equal(t.d.idom[el(&t, a)], el(&t, "c"));
        assert_int_equal(t.d.idom[el(&t, s)], el(&t, a));
    }
    assert_true(impact(&t, "c") == 7 && impact(&t, "a1") == 1 &&
                impact(&t, "a2") == 2 && impact(&t, "a3") == 4);
    uint32_t top[3];
    assert_int_equal(nv_dominators_top(top, 3, &t.d), 3);
    assert_int_equal(top[0], el(&t, "c"));
    assert_int_equal(top[1], el(&t, "a3"));
    assert_int_equal(top[2], el(&t, "s3"));
    double by_dom[64] = {0};
    nv_dominators_by_group(NULL, by_dom, &t.d, net_in(&t));
    assert_true(by_dom[domain_of(&t, "CN")] == 3);
    assert_true(by_dom[domain_of(&t, "SE")] == 7);
    net_free(&t);
}

static void test_dual_homed(void **state)
{
    net t;
    load(&t,
         "id,vendor,function,weight,region\n"
         "c,Cisco,core,0,north\n"
         "a1,Huawei,aggregation,0,north\n"
         "a2,Ericsson,aggregation,0,north\n"
         "x,Nokia,access,0,north\n"
         "s,Nokia,cpe,100,north\n"
         "y,Juniper,access,0,south\n"
         "t,Ericsson,cpe,50,south\n",
         "a,b\nc,a1\nc,a2\nx,a1\nx,a2\nx,s\ny,a1\ny,t\n");
    assert_true(ven(&t, "huawei")->lost_weight == 50);
    assert_true(dom(&t, "CN")->lost_weight == 50);
    assert_true(ven(&t, "ericsson")->lost_weight == 50);
    assert_true(ven(&t, "nokia")->lost_weight == 100);
    assert_true(ven(&t, "juniper")->lost_weight == 50);
    assert_true(ven(&t, "cisco")->lost_weight == 150);
    assert_true(dom(&t, "US")->lost_weight == 150);
    assert_int_equal(dom(&t, "US")->n_elements, 2);
    assert_true(depends(&t, "s", "US") && depends(&t, "s", "FI") &&
                !depends(&t, "s", "CN") && !depends(&t, "s", "SE"));
    assert_true(depends(&t, "t", "CN") && depends(&t, "t", "SE"));
    assert_int_equal(t.d.idom[el(&t, "x")], el(&t, "c"));
    assert_int_equal(t.d.idom[el(&t, "t")], el(&t, "y"));
    assert_int_equal(t.d.idom[el(&t, "y")], el(&t, "a1"));
    assert_true(impact(&t, "c") == 150 && impact(&t, "a1") == 50 &&
                impact(&t, "a2") == 0 && impact(&t, "x") == 100);
    double by_ven[256] = {0};
    assert_true(netvet_registry_count(reg) <= 256);
    nv_dominators_by_group(by_ven, NULL, &t.d, net_in(&t));
    assert_true(by_ven[netvet_registry_find(reg, "ericsson")] == 50);
    net_free(&t);
}

/* A weighted core element (sink and source), an isolated sink, a part
 * with no core, a decommissioned bridge, self-loops and parallel links. */
static void test_edge_cases(void **state)
{
    net t;
    load(&t,
         "id,vendor,function,weight,region,status\n"
         "c1,Cisco,core,3,north,active\n"
         "c2,Nokia,core,0,north,active\n"
         "a,Huawei,aggregation,0,north,active\n"
         "s,Ericsson,cpe,5,north,active\n"
         "i,Ericsson,cpe,9,south,active\n"
         "p,ZTE,access,0,west,active\n"
         "q,Ericsson,cpe,11,west,active\n"
         "d,Huawei,aggregation,0,north,decommissioned\n",
         "a,b\nc1,c1\nc1,a\nc1,a\na,a\na,s\nc2,a\np,q\np,q\nd,c2\nd,p\n");
    assert_int_equal(t.g.n_arcs, 12);
    assert_int_equal(nv_csr_degree(&t.g, (uint32_t)el(&t, "a")), 4);
    assert_int_equal(nv_csr_degree(&t.g, (uint32_t)el(&t, "d")), 0);
    assert_int_equal(t.x.n_sinks, 4);
    assert_true(t.x.sink_weight == 28);
    assert_int_equal(t.x.n_disconnected, 2);
    assert_true(t.x.disconnected_weight == 20);
    assert_int_equal(t.x.n_sources, 2);
    assert_true(dom(&t, "US")->lost_weight == 3);
    assert_true(dom(&t, "FI")->lost_weight == 0);
    assert_true(dom(&t, "CN")->lost_weight == 5);
    assert_int_equal(dom(&t, "CN")->n_elements, 2);
    assert_true(dom(&t, "SE")->lost_weight == 5);
    assert_true(ven(&t, "zte")->lost_weight == 0);
    assert_true(depends(&t, "c1", "US") && !depends(&t, "c1", "CN"));
    assert_true(!depends(&t, "i", "SE") && !depends(&t, "q", "SE"));
    /* i and q disconnected; c1 on US alone; s on CN and SE (c2 is FI) */
    assert_int_equal(t.x.by_n_domains[0], 2);
    assert_int_equal(t.x.by_n_domains[1], 1);
    assert_int_equal(t.x.by_n_domains[2], 1);
    check_by_n_domains(&t);
    assert_int_equal(t.d.n_reached, 4);
    assert_int_equal(t.d.idom[el(&t, "a")], NV_IDOM_ROOT);
    assert_int_equal(t.d.idom[el(&t, "s")], el(&t, "a"));
    assert_int_equal(t.d.idom[el(&t, "q")], NV_IDOM_NONE);
    assert_int_equal(t.d.idom[el(&t, "d")], NV_IDOM_NONE);
    assert_true(impact(&t, "c1") == 3 && impact(&t, "c2") == 0 &&
                impact(&t, "a") == 5 && impact(&t, "q") == 0);
    net_free(&t);
}

static void test_custom_sources_and_empty(void **state)
{
    net t;
    load(&t, ring_elements,
         "a,b\nc,a1\na1,a2\na2,a3\na3,c\na1,s1\na2,s2\na3,s3\n");
    uint8_t src[7] = {0, 0, 0, 1, 0, 0, 0}; /* a3 only */
    nv_exposure x;
    nv_exposure_options o = NV_EXPOSURE_OPTIONS_INIT;
    o.is_source = src;
    assert_int_equal(nv_exposure_compute(&x, &t.g, net_in(&t), &o), 0);
    assert_true(x.groups[nv_exposure_find(&x, NV_GROUP_DOMAIN,
                                          domain_of(&t, "FI"))]
                    .lost_weight == 7);
    /* without ZTE (a2): s1 stays via a3-c-a1, s2 is lost */
    assert_true(x.groups[nv_exposure_find(&x, NV_GROUP_VENDOR,
                                          netvet_registry_find(reg, "zte"))]
                    .lost_weight == 2);
    nv_exposure_dispose(&x);
    net_free(&t);

    load(&t, "id,vendor,function,weight\nz,Nokia,cpe,4\n", NULL);
    assert_int_equal(t.x.n_disconnected, 1);
    assert_true(dom(&t, "FI")->lost_weight == 0);
    assert_int_equal(t.d.n_reached, 0);
    uint32_t top[1];
    assert_int_equal(nv_dominators_top(top, 1, &t.d), 0);
    net_free(&t);
}

/* ---- references on random networks ------------------------------------ */

/* seen[k] = k is reachable from a source avoiding removed elements (NULL:
 * none), by relaxing every kept link of the inventory until nothing
 * changes: no CSR, no worklist. */
static void ref_reach(uint8_t *seen, const net *t, const uint8_t *removed)
{
    const netvet_inventory *inv = t->inv;
    for (size_t k = 0; k < inv->n; k++)
        seen[k] = net_is_source(t, k) && !(removed && removed[k]);
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < inv->n_links; i++) {
            uint32_t a = inv->link_a[i], b = inv->link_b[i];
            if (!t->view.counted[a] || !t->view.counted[b] ||
                (removed && (removed[a] || removed[b])) || seen[a] == seen[b])
                continue;
            seen[a] = seen[b] = 1;
            changed = 1;
        }
    }
}

static void check_totals(const net *t, const uint8_t *intact)
{
    uint64_t n_sinks = 0, n_disc = 0;
    double w = 0, w_disc = 0;
    for (size_t k = 0; k < t->inv->n; k++) {
        if (!net_is_sink(t, k))
            continue;
        n_sinks++;
        w += t->inv->weight[k];
        if (!intact[k]) {
            n_disc++;
            w_disc += t->inv->weight[k];
        }
    }
    assert_int_equal(t->x.n_sinks, n_sinks);
    assert_true(t->x.sink_weight == w);
    assert_int_equal(t->x.n_disconnected, n_disc);
    assert_true(t->x.disconnected_weight == w_disc);
}

/* One group by plain reachability without it. */
static void check_group(const net *t, const nv_exposure_group *gr,
                        const uint8_t *intact, uint8_t *removed,
                        uint8_t *seen)
{
    uint64_t members = 0;
    for (size_t k = 0; k < t->inv->n; k++)
        members += removed[k] = (uint8_t)net_in_group(t, gr, k);
    assert_int_equal(gr->n_elements, members);
    ref_reach(seen, t, removed);
    net_check_group(t, gr, intact, removed, seen);
}

static void check_exposure(const net *t)
{
    size_t n = t->inv->n;
    uint8_t *intact = calloc(n, 1), *removed = calloc(n, 1),
            *seen = calloc(n, 1);
    ref_reach(intact, t, NULL);
    check_totals(t, intact);
    size_t present = 0;
    for (size_t key = 0; key < t->view.n_domains; key++)
        for (size_t k = 0; k < n; k++)
            if (net_in_domain(t, k, (int32_t)key)) {
                present++;
                break;
            }
    for (size_t i = 0; i < t->x.n_groups; i++) {
        check_group(t, &t->x.groups[i], intact, removed, seen);
        present -= t->x.groups[i].kind == NV_GROUP_DOMAIN;
    }
    assert_int_equal(present, 0);
    free(intact);
    free(removed);
    free(seen);
}

/* dominated[v * n + w]: every path from the sources to w meets v. */
static uint8_t *ref_dominance(const net *t, const uint8_t *intact)
{
    size_t n = t->inv->n;
    uint8_t *dm = calloc(n * n, 1), *removed = calloc(n, 1),
            *seen = calloc(n, 1);
    for (size_t v = 0; v < n; v++) {
        if (!intact[v])
            continue;
        removed[v] = 1;
        ref_reach(seen, t, removed);
        removed[v] = 0;
        for (size_t w = 0; w < n; w++)
            dm[v * n + w] = intact[w] && (w == v || !seen[w]);
    }
    free(removed);
    free(seen);
    return dm;
}

static void check_idom_impact(const net *t, const uint8_t *intact,
                              const uint8_t *dm, const size_t *ndom)
{
    size_t n = t->inv->n;
    for (size_t w = 0; w < n; w++) {
        uint32_t best = intact[w] ? NV_IDOM_ROOT : NV_IDOM_NONE;
        double impact = 0;
        for (size_t v = 0; v < n; v++) {
            if (v != w && dm[v * n + w] &&
                (best == NV_IDOM_ROOT || ndom[v] > ndom[best]))
                best = (uint32_t)v;
            if (dm[w * n + v] && net_is_sink(t, v))
                impact += t->inv->weight[v];
        }
        assert_int_equal(t->d.idom[w], best);
        assert_true(t->d.impact[w] == impact);
    }
}

static void check_top(const net *t)
{
    uint32_t top[5];
    size_t got = nv_dominators_top(top, 5, &t->d), above = 0;
    const double *im = t->d.impact;
    for (size_t i = 1; i < got; i++)
        assert_true(im[top[i - 1]] > im[top[i]] ||
                    (im[top[i - 1]] == im[top[i]] && top[i - 1] < top[i]));
    for (size_t k = 0; k < t->d.n; k++)
        above += im[k] > 0 && (got == 0 || im[k] > im[top[got - 1]] ||
                               (im[k] == im[top[got - 1]] &&
                                k <= top[got - 1]));
    assert_int_equal(above, got);
}

static void check_dominators(const net *t)
{
    size_t n = t->inv->n, reached = 0;
    uint8_t *intact = calloc(n, 1);
    size_t *ndom = calloc(n, sizeof(size_t));
    ref_reach(intact, t, NULL);
    uint8_t *dm = ref_dominance(t, intact);
    for (size_t w = 0; w < n; w++) {
        reached += intact[w];
        for (size_t v = 0; v < n; v++)
            ndom[w] += v != w && dm[v * n + w];
    }
    assert_int_equal(t->d.n_reached, reached);
    check_idom_impact(t, intact, dm, ndom);
    check_top(t);
    free(dm);
    free(ndom);
    free(intact);
}

static void test_random_against_reference(void **state)
{
    uint64_t rng = 0x9e3779b97f4a7c15u;
    for (int i = 0; i < 200; i++) {
        char *elements, *links;
        net t;
        rand_network(&elements, &links, &rng, 60);
        load(&t, elements, links);
        check_exposure(&t);
        check_by_n_domains(&t);
        check_dominators(&t);
        net_free(&t);
        free(elements);
        free(links);
    }
}

/* A pass of 64 domains has no free bit to tell reachability, so exposure
 * falls back to a BFS; past 64 domains there are two domain passes and
 * sinks are counted by domains from their rows: spread the counted
 * elements with a vendor over 64, then 70, made-up domains and check
 * against the reference. */
static void test_full_pass_of_64(void **state)
{
    static const size_t spread[] = {64, 70};
    uint64_t rng = 0x853c49e6748fea9bu;
    int checked = 0;
    uint32_t id_off[71];
    int32_t id_dom[70];
    for (int d = 0; d <= 70; d++) {
        id_off[d] = (uint32_t)d;
        if (d < 70)
            id_dom[d] = d;
    }
    for (int i = 0; i < 40; i++) {
        char *elements, *links;
        net t;
        rand_network(&elements, &links, &rng, 400);
        load(&t, elements, links);
        size_t n_domains = t.view.n_domains;
        for (size_t s = 0; s < 2; s++) {
            size_t with_vendor = 0;
            for (size_t k = 0; k < t.view.n; k++)
                if (t.view.counted[k] && t.view.vendor[k] >= 0)
                    t.view.dset[k] = (int32_t)(with_vendor++ % spread[s]);
            if (with_vendor < spread[s])
                continue;
            t.view.n_domains = spread[s];
            nv_exposure_dispose(&t.x);
            net_in(&t); /* set = domain, spread[s] of them */
            t.in.n_dsets = spread[s];
            t.in.dset_off = id_off;
            t.in.dset_dom = id_dom;
            assert_int_equal(nv_exposure_compute(&t.x, &t.g, &t.in, NULL), 0);
            check_exposure(&t);
            check_by_n_domains(&t);
            checked++;
            t.view.n_domains = n_domains;
        }
        net_free(&t);
        free(elements);
        free(links);
    }
    assert_true(checked > 20);
}

/* ---- vendors in several risk domains ----------------------------------- */

/* Nokia put in CN as well as FI: b is lost with either, so its customer s2
 * counts in CN's dependent weight and in FI's, and b in both domains'
 * elements; the SPOF impact sums count b in each. */
static void test_multi_domain_chain(void **state)
{
    (void)state;
    net t;
    load(&t,
         "id,vendor,function,weight,region\n"
         "c,Cisco,core,0,north\n"
         "a,Huawei,aggregation,0,north\n"
         "b,Nokia,aggregation,0,south\n"
         "e,Ericsson,aggregation,0,south\n"
         "s1,,cpe,10,north\n"
         "s2,,cpe,20,south\n"
         "s3,,cpe,40,south\n",
         "a,b\nc,a\nc,b\nc,e\na,s1\nb,s2\ne,s3\n");
    assert_true(dom(&t, "CN")->lost_weight == 10);
    assert_true(dom(&t, "FI")->lost_weight == 20);
    size_t n_domains = t.view.n_domains;
    static const char *const fi_cn[] = {"FI", "CN", "FI"};
    set_domains(&t, "nokia", fi_cn, 3);
    assert_int_equal(t.view.n_domains, n_domains); /* no new country */
    assert_true(t.view.multi_domain);
    int32_t s = t.view.dset[el(&t, "b")];
    assert_string_equal(t.view.dset_label[s], "CN+FI");
    const int32_t *d;
    assert_int_equal(nv_view_domains(&t.view, s, &d), 2);
    assert_true(d[0] < d[1]);
    assert_true(nv_view_in_domain(&t.view, s, domain_of(&t, "CN")) &&
                nv_view_in_domain(&t.view, s, domain_of(&t, "FI")));
    assert_int_equal(t.view.dset[el(&t, "a")],
                     t.view.vendor_dset[t.view.vendor[el(&t, "a")]]);
    assert_int_equal(nv_view_domains(&t.view, t.view.dset[el(&t, "a")], &d), 1);
    /* exposure: CN = s1 + s2, FI = s2, elements a, b and b */
    assert_true(dom(&t, "CN")->lost_weight == 30);
    assert_int_equal(dom(&t, "CN")->lost_sinks, 2);
    assert_int_equal(dom(&t, "CN")->n_elements, 2);
    assert_true(dom(&t, "CN")->fn_weight[NETVET_FN_CPE] == 30);
    assert_true(region_lost(&t, dom(&t, "CN"), "south") == 20);
    assert_true(region_lost(&t, dom(&t, "CN"), "north") == 10);
    assert_true(dom(&t, "FI")->lost_weight == 20);
    assert_int_equal(dom(&t, "FI")->n_elements, 1);
    assert_true(dom(&t, "SE")->lost_weight == 40);
    assert_true(dom(&t, "US")->lost_weight == 70);
    assert_true(ven(&t, "nokia")->lost_weight == 20); /* vendors as before */
    assert_true(ven(&t, "huawei")->lost_weight == 10);
    assert_true(depends(&t, "s2", "CN") && depends(&t, "s2", "FI") &&
                depends(&t, "s2", "US") && !depends(&t, "s2", "SE"));
    assert_true(depends(&t, "s1", "CN") && !depends(&t, "s1", "FI"));
    /* s1: US CN; s2: US CN FI; s3: US SE */
    assert_int_equal(t.x.by_n_domains[2], 2);
    assert_int_equal(t.x.by_n_domains[3], 1);
    check_by_n_domains(&t);
    double by_dom[64] = {0};
    nv_dominators_by_group(NULL, by_dom, &t.d, net_in(&t));
    assert_true(by_dom[domain_of(&t, "CN")] == 30); /* a 10 + b 20 */
    assert_true(by_dom[domain_of(&t, "FI")] == 20);
    assert_true(by_dom[domain_of(&t, "US")] == 70);
    /* a country no vendor had becomes a new domain */
    static const char *const aq[] = {"SE", "AQ"};
    set_domains(&t, "ericsson", aq, 2);
    assert_int_equal(t.view.n_domains, n_domains + 1);
    assert_true(dom(&t, "AQ")->lost_weight == 40);
    assert_true(dom(&t, "SE")->lost_weight == 40);
    assert_string_equal(t.view.dset_label[t.view.dset[el(&t, "e")]], "AQ+SE");
    net_free(&t);
}

/* A leaf in two domains (folded into its neighbour): lost with each, as is
 * everything behind a multi-domain access element. */
static void test_multi_domain_leaf(void **state)
{
    (void)state;
    net t;
    load(&t,
         "id,vendor,function,weight\n"
         "c,Cisco,core,0\n"
         "x,Huawei,access,0\n"
         "s,Nokia,cpe,5\n"
         "u,,cpe,7\n",
         "a,b\nc,x\nx,s\nx,u\n");
    static const char *const fi_se[] = {"SE", "FI"};
    set_domains(&t, "nokia", fi_se, 2);
    assert_true(dom(&t, "FI")->lost_weight == 5);
    assert_true(dom(&t, "SE")->lost_weight == 5);
    assert_true(dom(&t, "CN")->lost_weight == 12);
    assert_true(depends(&t, "s", "SE") && depends(&t, "s", "FI") &&
                !depends(&t, "u", "FI"));
    assert_int_equal(t.x.by_n_domains[4], 1); /* s: US CN FI SE */
    assert_int_equal(t.x.by_n_domains[2], 1); /* u: US CN */
    check_by_n_domains(&t);
    check_exposure(&t);
    net_free(&t);
}

/* Random networks with Nokia in FI and CN and Ericsson in SE, US and FI,
 * against one plain reachability per domain with all its elements out. */
static void test_multi_domain_random(void **state)
{
    (void)state;
    static const char *const nokia[] = {"FI", "CN"};
    static const char *const ericsson[] = {"SE", "US", "FI"};
    uint64_t rng = 0x6a09e667f3bcc909u;
    for (int i = 0; i < 200; i++) {
        char *elements, *links;
        net t;
        rand_network(&elements, &links, &rng, i < 150 ? 60 : 300);
        load(&t, elements, links);
        set_domains(&t, "nokia", nokia, 2);
        set_domains(&t, "ericsson", ericsson, 3);
        check_exposure(&t);
        check_by_n_domains(&t);
        net_free(&t);
        free(elements);
        free(links);
    }
}

/* 24 domains and every pair of them as a set: 276 distinct two-domain
 * masks, more than the 191 codes of one pass, so the window is split
 * (more passes, depends kept); the result is the reference's. */
static void test_multi_domain_split(void **state)
{
    (void)state;
    enum { ND = 24, NS = ND * (ND - 1) / 2 };
    uint32_t off[NS + 1];
    int32_t doms[2 * NS];
    size_t ns = 0;
    off[0] = 0;
    for (int a = 0; a < ND; a++)
        for (int b = a + 1; b < ND; b++) {
            doms[2 * ns] = a;
            doms[2 * ns + 1] = b;
            ns++;
            off[ns] = (uint32_t)(2 * ns);
        }
    uint64_t rng = 0xbb67ae8584caa73bu;
    int checked = 0;
    for (int i = 0; i < 30; i++) {
        char *elements, *links;
        net t;
        rand_network(&elements, &links, &rng, 400);
        load(&t, elements, links);
        size_t n_domains = t.view.n_domains, with_vendor = 0;
        for (size_t k = 0; k < t.view.n; k++)
            if (t.view.counted[k] && t.view.vendor[k] >= 0)
                t.view.dset[k] = (int32_t)(with_vendor++ * 7 % NS);
        if (with_vendor < 100) { /* too few sets present to need a split */
            net_free(&t);
            free(elements);
            free(links);
            continue;
        }
        t.view.n_domains = ND;
        nv_exposure_dispose(&t.x);
        net_in(&t);
        t.in.n_dsets = NS;
        t.in.dset_off = off;
        t.in.dset_dom = doms;
        assert_int_equal(nv_exposure_compute(&t.x, &t.g, &t.in, NULL), 0);
        size_t vendor_groups = 0;
        for (size_t g = 0; g < t.x.n_groups; g++)
            vendor_groups += t.x.groups[g].kind == NV_GROUP_VENDOR;
        /* the domains' window ran as two passes or more */
        assert_true(t.x.n_passes >= 2 + (vendor_groups + 63) / 64);
        assert_true(t.x.depends_kept);
        checked++;
        check_exposure(&t);
        check_by_n_domains_split(&t, 1);
        t.view.n_domains = n_domains;
        net_free(&t);
        free(elements);
        free(links);
    }
    assert_true(checked > 10);
}

/* The reach kernel's codes: a vertex in groups 0 and 1 (one code) blocks
 * both bits; the code table stays the caller's. */
static void test_reach_codes(void **state)
{
    (void)state;
    static const uint32_t a[] = {0, 1, 2, 0};
    static const uint32_t b[] = {1, 2, 3, 4};
    static const uint8_t src[5] = {[0] = 1};
    uint8_t code[5] = {NV_REACH_NO_BIT, 64, NV_REACH_NO_BIT, 2, 0};
    nv_reach_codes c;
    nv_reach_codes_bits(&c, code);
    c.mask[64] = 3; /* groups 0 and 1 */
    nv_csr g;
    assert_int_equal(nv_csr_from_links(&g, 5, a, b, 4, NULL), 0);
    uint64_t mask[5];
    for (unsigned sweeps = 0; sweeps < 3; sweeps++) {
        assert_int_equal(nv_reach_masked_codes(mask, &g, src, &c,
                                               sweeps ? UINT_MAX : 0), 0);
        assert_true(mask[0] == ~(uint64_t)0);
        assert_true(mask[1] == ~(uint64_t)3);
        assert_true(mask[2] == ~(uint64_t)3);
        assert_true(mask[3] == ~(uint64_t)7); /* its own group 2 too */
        assert_true(mask[4] == ~(uint64_t)1);
    }
    nv_csr_dispose(&g);
}

/* No group at all (every vendor unknown): no pass runs, and disconnected
 * sinks are still counted. */
static void test_no_groups(void **state)
{
    net t;
    load(&t, "id,vendor,function,weight\nc,,core,0\ns,,cpe,5\nu,,cpe,3\n",
         "a,b\nc,s\n");
    assert_int_equal(t.x.n_groups, 0);
    assert_int_equal(t.x.n_passes, 0);
    assert_int_equal(t.x.n_sinks, 2);
    assert_int_equal(t.x.n_disconnected, 1);
    assert_true(t.x.disconnected_weight == 3);
    assert_int_equal(t.x.by_n_domains[0], 2);
    check_by_n_domains(&t);
    net_free(&t);
}

/* ---- the masked kernel on bare graphs ---------------------------------- */

/* Bit b of ref[v]: v reachable from a source avoiding group b (v itself not
 * in b), by relaxing all arcs until nothing changes; bits of groups that
 * have no vertex mean "reachable at all". Rounds alternate between
 * ascending and descending vertex order. */
static void ref_masked(uint64_t *ref, const nv_csr *g, const uint8_t *src,
                       const uint8_t *gb)
{
    for (size_t v = 0; v < g->n; v++)
        ref[v] = src[v] ? ~(gb[v] == NV_REACH_NO_BIT ? 0 : 1ull << gb[v]) : 0;
    for (int changed = 1, round = 0; changed; round++) {
        changed = 0;
        for (uint32_t i = 0; i < g->n; i++) {
            uint32_t u = round % 2 ? (uint32_t)g->n - 1 - i : i;
            for (uint32_t e = g->offsets[u]; e < g->offsets[u + 1]; e++) {
                uint32_t w = g->targets[e];
                uint64_t own = gb[w] == NV_REACH_NO_BIT ? 0 : 1ull << gb[w];
                uint64_t add = ref[u] & ~own & ~ref[w];
                if (add) {
                    ref[w] |= add;
                    changed = 1;
                }
            }
        }
    }
}

static void check_masked(const nv_csr *g, const uint8_t *src,
                         const uint8_t *gb)
{
    static const unsigned sweeps[] = {0, 1, 2, UINT_MAX};
    uint64_t *ref = calloc(g->n + 1, 8), *got = calloc(g->n + 1, 8);
    ref_masked(ref, g, src, gb);
    for (size_t i = 0; i < sizeof(sweeps) / sizeof(sweeps[0]); i++) {
        assert_int_equal(nv_reach_masked_sweeps(got, g, src, gb, sweeps[i]),
                         0);
        assert_memory_equal(got, ref, g->n * 8);
    }
    assert_int_equal(nv_reach_masked(got, g, src, gb), 0);
    assert_memory_equal(got, ref, g->n * 8);
    free(ref);
    free(got);
}

/* Random graphs whose links go both up and down in index order, so the
 * sweeps, the FIFO and the switch between them all run. */
static void test_masked_sweeps_random(void **state)
{
    uint64_t rng = 0x2545f4914f6cdd1du;
    for (int i = 0; i < 300; i++) {
        unsigned n = 1 + rng_below(&rng, 400), m = rng_below(&rng, 3 * n);
        uint32_t *a = malloc((m + 1) * 4), *b = malloc((m + 1) * 4);
        uint8_t *src = malloc(n), *gb = malloc(n);
        for (unsigned k = 0; k < m; k++) {
            a[k] = rng_below(&rng, n);
            b[k] = rng_below(&rng, n);
        }
        unsigned groups = 1 + rng_below(&rng, 64);
        for (unsigned v = 0; v < n; v++) {
            src[v] = rng_below(&rng, 100) < 3;
            gb[v] = rng_below(&rng, 4) ? (uint8_t)rng_below(&rng, groups)
                                       : NV_REACH_NO_BIT;
        }
        nv_csr g;
        assert_int_equal(nv_csr_from_links(&g, n, a, b, m, NULL), 0);
        check_masked(&g, src, gb);
        nv_csr_dispose(&g);
        free(a);
        free(b);
        free(src);
        free(gb);
    }
}

/* Leaves folded, by hand: 3 and 4 hang off 2, 8 off the source 0, 12 off
 * 11 (which has two links: core). Not leaves: 5 (two parallel links to
 * 1), the pair 6-7 (each the other's only neighbour), the isolated 9,
 * the source 10 with one link, and 13, whose only link is a self-loop
 * (dropped: no arc at all). */
static void test_fold_leaves(void **state)
{
    (void)state;
    static const uint32_t a[] = {0, 1, 2, 2, 1, 1, 6, 0, 10, 11, 11, 13};
    static const uint32_t b[] = {1, 2, 3, 4, 5, 5, 7, 8, 1, 2, 12, 13};
    static const uint8_t src[14] = {[0] = 1, [10] = 1};
    static const uint32_t core[] = {0, 1, 2, 5, 6, 7, 9, 10, 11, 13};
    nv_csr g;
    nv_fold f;
    assert_int_equal(nv_csr_from_links(&g, 14, a, b, 12, NULL), 0);
    assert_int_equal(nv_fold_leaves(&f, &g, src), 0);
    assert_int_equal(f.n_core, 10);
    for (uint32_t c = 0; c < 10; c++) {
        assert_int_equal(f.core[c], core[c]);
        assert_int_equal(f.index[core[c]], c);
        assert_int_equal(f.source[c], core[c] == 0 || core[c] == 10);
    }
    static const uint32_t leaves[] = {3, 4, 8, 12}, parent[] = {2, 2, 0, 11};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(f.index[leaves[i]], NV_FOLD_LEAF);
        assert_int_equal(nv_fold_parent(&g, leaves[i]), parent[i]);
    }
    /* core arcs: 0-1, 1-2, 1-5 twice, 6-7, 10-1, 11-2, by core index */
    static const uint32_t off[] = {0, 1, 6, 8, 10, 11, 12, 12, 13, 14, 14};
    static const uint32_t tgt[] = {1, 0, 2, 3, 3, 7, 1, 8, 1, 1, 5, 4, 1, 2};
    assert_int_equal(f.g.n, 10);
    assert_int_equal(f.g.n_arcs, 14);
    for (int c = 0; c <= 10; c++)
        assert_int_equal(f.g.offsets[c], off[c]);
    for (int e = 0; e < 14; e++)
        assert_int_equal(f.g.targets[e], tgt[e]);
    nv_fold_dispose(&f);
    nv_csr_dispose(&g);
}

/* Two paths whose links all go down in index order, at both ends of the
 * index space: each sweep finds one vertex of each, far apart, so the pass
 * must turn to the FIFO to stay linear. */
static void test_masked_sparse_sweeps(void **state)
{
    enum { N = 20000, H = N / 2 };
    uint32_t *a = malloc(N * 4), *b = malloc(N * 4);
    uint8_t *src = calloc(N, 1), *gb = malloc(N);
    size_t m = 0;
    for (uint32_t v = 1; v < H; v++, m++) {
        a[m] = v;
        b[m] = v - 1;
        a[m + 1] = H + v;
        b[m + 1] = H + v - 1;
        m++;
    }
    src[H - 1] = src[N - 1] = 1;
    for (uint32_t v = 0; v < N; v++)
        gb[v] = v % 97 == 5 ? (uint8_t)(v % 3) : NV_REACH_NO_BIT;
    nv_csr g;
    assert_int_equal(nv_csr_from_links(&g, N, a, b, m, NULL), 0);
    check_masked(&g, src, gb);
    nv_csr_dispose(&g);
    free(a);
    free(b);
    free(src);
    free(gb);
}

/* 200,000 random links (self-loops, repeats, ends out of range, a keep
 * mask): built in two halves of the vertices, the CSR must equal the
 * plain construction, neighbours in link order. */
static void test_csr_in_halves(void **state)
{
    enum { N = 50000, M = 200000 };
    uint64_t rng = 0x9e3779b97f4a7c15u;
    uint32_t *a = malloc(M * 4), *b = malloc(M * 4);
    uint8_t *keep = malloc(N);
    for (unsigned k = 0; k < M; k++) {
        a[k] = rng_below(&rng, N + 10);
        b[k] = rng_below(&rng, 20) == 0 ? a[k] : rng_below(&rng, N);
    }
    for (unsigned v = 0; v < N; v++)
        keep[v] = rng_below(&rng, 10) != 0;
    nv_csr g;
    assert_int_equal(nv_csr_from_links(&g, N, a, b, M, keep), 0);
    uint32_t *deg = calloc(N + 1, 4), *next = calloc(N, 4);
    size_t arcs = 0;
    for (unsigned k = 0; k < M; k++) {
        if (a[k] >= N || a[k] == b[k] || !keep[a[k]] || !keep[b[k]])
            continue;
        deg[a[k] + 1]++;
        deg[b[k] + 1]++;
        arcs += 2;
    }
    for (unsigned v = 0; v < N; v++)
        deg[v + 1] += deg[v];
    assert_int_equal(g.n_arcs, arcs);
    assert_memory_equal(g.offsets, deg, (N + 1) * 4);
    for (unsigned k = 0; k < M; k++) {
        if (a[k] >= N || a[k] == b[k] || !keep[a[k]] || !keep[b[k]])
            continue;
        assert_int_equal(g.targets[deg[a[k]] + next[a[k]]++], b[k]);
        assert_int_equal(g.targets[deg[b[k]] + next[b[k]]++], a[k]);
    }
    nv_csr_dispose(&g);
    free(a);
    free(b);
    free(keep);
    free(deg);
    free(next);
}

/* 70,000 elements (the view resolves them in two halves): each element's
 * vendor root, domain and "counted" as one element at a time gives them,
 * and the count and weight in element order. */
static void test_view_in_halves(void **state)
{
    enum { N = 70000 };
    static const char *const vendors[] = {"Nokia", "Huawei Technologies",
                                          "Acme Widgets", "ZTE", ""};
    static const char *const states[] = {"active,2020-01-01", "planned,",
                                         "planned,2025-06-01",
                                         "active,2027-01-01",
                                         "decommissioned,2020-01-01"};
    size_t cap = (size_t)N * 64 + 64, used = 0;
    char *csv = malloc(cap);
    used += (size_t)snprintf(csv, cap, "id,vendor,function,weight,status,installed\n");
    for (unsigned k = 0; k < N; k++)
        used += (size_t)snprintf(csv + used, cap - used, "e%u,%s,access,%u.5,%s\n",
                                 k, vendors[k % 5], k % 7, states[k / 5 % 5]);
    net t;
    assert_int_equal(net_load(&t, reg, csv, NULL), 0);
    size_t counted = 0;
    double weight = 0;
    for (unsigned k = 0; k < N; k++) {
        const char *v = vendors[k % 5];
        int i = netvet_registry_resolve(reg, v, strlen(v));
        int32_t root = i < 0 ? -1 : netvet_registry_root(reg, i);
        assert_int_equal(t.view.vendor[k], root);
        assert_int_equal(t.view.dset[k],
                         root < 0 ? -1 : t.view.vendor_dset[root]);
        unsigned st = k / 5 % 5; /* active or planned, installed by then */
        int in = st == 0 || st == 2;
        assert_int_equal(t.view.counted[k], in);
        counted += (size_t)in;
        weight += in ? k % 7 + 0.5 : 0;
    }
    assert_int_equal(t.view.n_counted, counted);
    assert_true(t.view.total_weight == weight);
    net_free(&t);
    free(csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chain),
        cmocka_unit_test(test_ring),
        cmocka_unit_test(test_dual_homed),
        cmocka_unit_test(test_edge_cases),
        cmocka_unit_test(test_custom_sources_and_empty),
        cmocka_unit_test(test_random_against_reference),
        cmocka_unit_test(test_full_pass_of_64),
        cmocka_unit_test(test_multi_domain_chain),
        cmocka_unit_test(test_multi_domain_leaf),
        cmocka_unit_test(test_multi_domain_random),
        cmocka_unit_test(test_multi_domain_split),
        cmocka_unit_test(test_reach_codes),
        cmocka_unit_test(test_no_groups),
        cmocka_unit_test(test_masked_sweeps_random),
        cmocka_unit_test(test_masked_sparse_sweeps),
        cmocka_unit_test(test_fold_leaves),
        cmocka_unit_test(test_csr_in_halves),
        cmocka_unit_test(test_view_in_halves),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
