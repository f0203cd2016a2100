/* SPDX-License-Identifier: Apache-2.0 */
/* Differential test against the igraph C library, 300 seeded random
 * networks: dependent weight by deleting each group's vertices and taking
 * the root's subcomponent, with one risk domain per vendor and again with
 * two vendors in several; idom and dominator-subtree weights from
 * igraph_dominator_tree. Integer weights, so sums compare exactly. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <igraph.h>

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

/* Vertices 0..n-1 are the elements, n the virtual root joined to every
 * source. Links between counted elements go in as they are (self-loops and
 * parallel links included); directed: both arcs, root -> sources. */
static void to_igraph(igraph_t *g, const net *t, igraph_bool_t directed)
{
    const netvet_inventory *inv = t->inv;
    igraph_vector_int_t edges;
    igraph_vector_int_init(&edges, 0);
    for (size_t i = 0; i < inv->n_links; i++) {
        uint32_t a = inv->link_a[i], b = inv->link_b[i];
        if (!t->view.counted[a] || !t->view.counted[b])
            continue;
        igraph_vector_int_push_back(&edges, a);
        igraph_vector_int_push_back(&edges, b);
        if (directed) {
            igraph_vector_int_push_back(&edges, b);
            igraph_vector_int_push_back(&edges, a);
        }
    }
    for (size_t k = 0; k < inv->n; k++)
        if (net_is_source(t, k)) {
            igraph_vector_int_push_back(&edges, (igraph_integer_t)inv->n);
            igraph_vector_int_push_back(&edges, (igraph_integer_t)k);
        }
    assert_int_equal(igraph_create(g, &edges, (igraph_integer_t)inv->n + 1,
                                   directed),
                     IGRAPH_SUCCESS);
    igraph_vector_int_destroy(&edges);
}

/* seen[k] = k is in the root's component once `removed` elements are
 * deleted from g (a copy); removed may be NULL. */
static void component(uint8_t *seen, const igraph_t *g0, size_t n,
                      const uint8_t *removed)
{
    igraph_t g;
    igraph_vector_int_t del, invidx, res;
    igraph_copy(&g, g0);
    igraph_vector_int_init(&del, 0);
    igraph_vector_int_init(&invidx, 0);
    igraph_vector_int_init(&res, 0);
    for (size_t k = 0; removed && k < n; k++)
        if (removed[k])
            igraph_vector_int_push_back(&del, (igraph_integer_t)k);
    assert_int_equal(igraph_delete_vertices_idx(&g, igraph_vss_vector(&del),
                                                NULL, &invidx),
                     IGRAPH_SUCCESS);
    /* deletion keeps the order, so the root is still the last vertex */
    assert_int_equal(igraph_subcomponent(&g, &res, igraph_vcount(&g) - 1,
                                         IGRAPH_ALL),
                     IGRAPH_SUCCESS);
    memset(seen, 0, n);
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&res); i++) {
        igraph_integer_t old = VECTOR(invidx)[VECTOR(res)[i]];
        if (old < (igraph_integer_t)n)
            seen[old] = 1;
    }
    igraph_vector_int_destroy(&res);
    igraph_vector_int_destroy(&invidx);
    igraph_vector_int_destroy(&del);
    igraph_destroy(&g);
}

static void check_group(const net *t, const igraph_t *g,
                        const nv_exposure_group *gr, const uint8_t *intact,
                        uint8_t *removed, uint8_t *seen)
{
    size_t n = t->inv->n;
    for (size_t k = 0; k < n; k++)
        removed[k] = (uint8_t)net_in_group(t, gr, k);
    component(seen, g, n, removed);
    net_check_group(t, gr, intact, removed, seen);
}

static void check_exposure(const net *t)
{
    size_t n = t->inv->n;
    uint8_t *intact = calloc(n, 1), *removed = calloc(n, 1),
            *seen = calloc(n, 1);
    double disc = 0;
    igraph_t g;
    to_igraph(&g, t, IGRAPH_UNDIRECTED);
    component(intact, &g, n, NULL);
    for (size_t k = 0; k < n; k++)
        if (net_is_sink(t, k) && !intact[k])
            disc += t->inv->weight[k];
    assert_true(t->x.disconnected_weight == disc);
    for (size_t i = 0; i < t->x.n_groups; i++)
        check_group(t, &g, &t->x.groups[i], intact, removed, seen);
    igraph_destroy(&g);
    free(intact);
    free(removed);
    free(seen);
}

/* igraph 0.10 (checked on 0.10.2): dom[root] = -1, dom[k] = -2 when k is
 * unreachable (and k is in leftout). */
static void check_dominators(const net *t)
{
    size_t n = t->inv->n;
    igraph_t g;
    igraph_vector_int_t dom, leftout;
    double *impact = calloc(n, sizeof(double));
    to_igraph(&g, t, IGRAPH_DIRECTED);
    igraph_vector_int_init(&dom, 0);
    igraph_vector_int_init(&leftout, 0);
    assert_int_equal(igraph_dominator_tree(&g, (igraph_integer_t)n, &dom,
                                           NULL, &leftout, IGRAPH_OUT),
                     IGRAPH_SUCCESS);
    assert_int_equal(VECTOR(dom)[n], -1);
    assert_int_equal(t->d.n_reached,
                     n - (size_t)igraph_vector_int_size(&leftout));
    for (size_t k = 0; k < n; k++) {
        igraph_integer_t p = VECTOR(dom)[k];
        assert_true(p >= -2 && p != -1);
        uint32_t want = p == -2 ? NV_IDOM_NONE
                        : p == (igraph_integer_t)n ? NV_IDOM_ROOT
                                                   : (uint32_t)p;
        assert_int_equal(t->d.idom[k], want);
        if (p < 0 || !net_is_sink(t, k))
            continue;
        igraph_integer_t root = (igraph_integer_t)n;
        for (igraph_integer_t x = (igraph_integer_t)k; x != root;
             x = VECTOR(dom)[x])
            impact[x] += t->inv->weight[k];
    }
    for (size_t k = 0; k < n; k++)
        assert_true(t->d.impact[k] == impact[k]);
    igraph_vector_int_destroy(&leftout);
    igraph_vector_int_destroy(&dom);
    igraph_destroy(&g);
    free(impact);
}

/* Vendors in several risk domains: Nokia in FI and CN, Ericsson in SE, US
 * and FI; a domain's group is then every element whose set holds it, and
 * igraph deletes them all. */
static void multi_domain(net *t)
{
    static const char *const nokia[] = {"FI", "CN"};
    static const char *const ericsson[] = {"SE", "US", "FI"};
    int v = netvet_registry_find(reg, "nokia");
    int e = netvet_registry_find(reg, "ericsson");
    assert_true(v >= 0 && e >= 0);
    assert_int_equal(nv_view_set_jurisdictions(&t->view, (size_t)v, nokia, 2),
                     0);
    assert_int_equal(
        nv_view_set_jurisdictions(&t->view, (size_t)e, ericsson, 3), 0);
    nv_exposure_dispose(&t->x);
    assert_int_equal(nv_exposure_compute(&t->x, &t->g, net_in(t), NULL), 0);
}

static void test_against_igraph(void **state)
{
    uint64_t rng = 0x2545f4914f6cdd1du;
    for (int i = 0; i < 300; i++) {
        char *elements, *links;
        net t;
        rand_network(&elements, &links, &rng, i < 200 ? 40 : 150);
        assert_int_equal(net_load(&t, reg, elements, links), 0);
        check_exposure(&t);
        check_dominators(&t);
        multi_domain(&t);
        check_exposure(&t);
        net_free(&t);
        free(elements);
        free(links);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_igraph),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
