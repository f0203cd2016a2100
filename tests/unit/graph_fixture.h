/* SPDX-License-Identifier: Apache-2.0 */
/* For test_graph.c and test_graph_igraph.c: a network loaded from CSV text
 * through the real loader and view, with its CSR, exposure and dominators;
 * and seeded random networks with sinks that are sources, isolated sinks,
 * uncounted elements, disconnected parts, self-loops and parallel links. */
#ifndef NV_TEST_GRAPH_FIXTURE_H
#define NV_TEST_GRAPH_FIXTURE_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/csr.h"
#include "graph/dominators.h"
#include "graph/exposure.h"
#include "analysis/view.h"

typedef struct net {
    netvet_inventory *inv;
    nv_view view;
    nv_graph_input in; /* the view's columns, filled by net_in */
    nv_csr g;
    nv_exposure x;
    nv_dominators d;
} net;

/* The graph kernels' input over t's view as it is now. */
static const nv_graph_input *net_in(net *t)
{
    nv_view_graph_input(&t->in, &t->view);
    return &t->in;
}

/* Load, build the view as of 2026-01-01, the CSR graph, exposure (default
 * sources) and dominators. @return 0 or -1. */
static int net_load(net *t, const netvet_registry *reg, const char *elements,
                    const char *links)
{
    int32_t as_of = 0;
    memset(t, 0, sizeof(*t));
    if (nv_parse_date("2026-01-01", 10, &as_of) < 0 ||
        nv_inventory_load_buffers(&t->inv, elements, strlen(elements), "e",
                                  links, links ? strlen(links) : 0, "l",
                                  NULL, NULL) < 0 ||
        nv_view_build(&t->view, t->inv, reg, as_of,
                      NETVET_OWNERSHIP_THRESHOLD) < 0 ||
        nv_csr_build(&t->g, t->inv, t->view.counted) < 0 ||
        nv_exposure_compute(&t->x, &t->g, net_in(t), NULL) < 0 ||
        nv_dominators_compute_input(&t->d, &t->g, net_in(t), NULL) < 0)
        return -1;
    return 0;
}

static void net_free(net *t)
{
    nv_dominators_dispose(&t->d);
    nv_exposure_dispose(&t->x);
    nv_csr_dispose(&t->g);
    nv_view_dispose(&t->view);
    netvet_inventory_free(t->inv);
    memset(t, 0, sizeof(*t));
}

/* Is counted element k a source / a sink (default definitions)? */
static int net_is_source(const net *t, size_t k)
{
    return t->view.counted[k] && t->inv->function[k] == NETVET_FN_CORE;
}
static int net_is_sink(const net *t, size_t k)
{
    return t->view.counted[k] && t->inv->weight[k] > 0;
}
/* Is counted element k in domain d (one of its set's, as t->in has the
 * sets)? */
static int net_in_domain(const net *t, size_t k, int32_t d)
{
    if (!t->view.counted[k] || t->view.vendor[k] < 0 || t->view.dset[k] < 0)
        return 0;
    const int32_t *dom;
    size_t m = nv_graph_dset(&t->in, t->view.dset[k], &dom);
    for (size_t i = 0; i < m; i++)
        if (dom[i] == d)
            return 1;
    return 0;
}
/* Is counted element k in exposure group gr? */
static int net_in_group(const net *t, const nv_exposure_group *gr, size_t k)
{
    if (!t->view.counted[k])
        return 0;
    return gr->kind == NV_GROUP_DOMAIN ? net_in_domain(t, k, gr->key)
                                       : t->view.vendor[k] == gr->key;
}
/* Dense region index of element k in the exposure, or -1. */
static long net_region(const net *t, size_t k)
{
    uint32_t s = t->inv->region ? t->inv->region[k] : 0;
    for (size_t r = 0; r < t->x.n_regions; r++)
        if (t->x.region_id[r] == s)
            return (long)r;
    return -1;
}

/* ---- random networks ------------------------------------------------ */

typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void text_add(text *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void text_add(text *b, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        size_t room = b->cap - b->len;
        va_start(ap, fmt);
        int k = vsnprintf(b->s ? b->s + b->len : NULL, room, fmt, ap);
        va_end(ap);
        if (k < 0)
            abort();
        if ((size_t)k < room) {
            b->len += (size_t)k;
            return;
        }
        b->cap = 2 * b->cap + (size_t)k + 64;
        b->s = realloc(b->s, b->cap);
        if (!b->s)
            abort();
    }
}

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}
static unsigned rng_below(uint64_t *s, unsigned n)
{
    return (unsigned)(rng_next(s) % n);
}

static const char *const rand_vendors[] = {
    "Cisco", "Huawei", "ZTE", "Nokia", "Ericsson", "Juniper",
    "Acme Broadband", ""};
static const char *const rand_functions[] = {
    "core", "aggregation", "access", "cpe", "ran", "other"};
static const char *const rand_regions[] = {"north", "south", "west", ""};

/* One element row: ~15 % core (a third of them weighted), 40 % weight 0,
 * 5 % decommissioned. */
static void rand_element(text *e, uint64_t *rng, unsigned k)
{
    unsigned f = rng_below(rng, 100) < 15 ? 0 : 1 + rng_below(rng, 5);
    unsigned w = rng_below(rng, 100) < 40 ? 0 : 1 + rng_below(rng, 100);
    if (f == 0 && rng_below(rng, 3))
        w = 0;
    text_add(e, "e%u,%s,%s,%u,%s,%s\n", k,
             rand_vendors[rng_below(rng, 8)], rand_functions[f], w,
             rand_regions[rng_below(rng, 4)],
             rng_below(rng, 100) < 5 ? "decommissioned" : "active");
}

/* Random network of 1..max_n elements and up to 2n links, a tenth of them
 * self-loops and a tenth repeats of the previous link. Caller frees. */
static void rand_network(char **elements, char **links, uint64_t *rng,
                         unsigned max_n)
{
    text e = {0}, l = {0};
    unsigned n = 1 + rng_below(rng, max_n), m = rng_below(rng, 2 * n + 1);
    unsigned a = 0, b = 0;
    text_add(&e, "id,vendor,function,weight,region,status\n");
    for (unsigned k = 0; k < n; k++)
        rand_element(&e, rng, k);
    text_add(&l, "a,b\n");
    for (unsigned i = 0; i < m; i++) {
        unsigned r = rng_below(rng, 10);
        if (r == 0 || i == 0) {
            a = rng_below(rng, n);
            b = r == 0 ? a : rng_below(rng, n);
        } else if (r != 1) {
            a = rng_below(rng, n);
            b = rng_below(rng, n);
        }
        text_add(&l, "e%u,e%u\n", a, b);
    }
    *elements = e.s;
    *links = l.s;
}

/* Compare group gr's results with `seen` (what a reference found reachable
 * with the group's elements, `removed`, taken out) and `intact`. Needs
 * cmocka's assert macros in the including test. */
static void net_check_group(const net *t, const nv_exposure_group *gr,
                            const uint8_t *intact, const uint8_t *removed,
                            const uint8_t *seen)
{
    double fn[NETVET_FN_COUNT] = {0}, region[8] = {0}, w = 0;
    uint64_t lost_n = 0;
    for (size_t k = 0; k < t->inv->n; k++) {
        int lost = net_is_sink(t, k) && intact[k] && (removed[k] || !seen[k]);
        if (gr->kind == NV_GROUP_DOMAIN)
            assert_int_equal(nv_exposure_depends(&t->x, k, (size_t)gr->key),
                             lost);
        if (!lost)
            continue;
        lost_n++;
        w += t->inv->weight[k];
        fn[t->inv->function[k]] += t->inv->weight[k];
        region[net_region(t, k)] += t->inv->weight[k];
    }
    assert_int_equal(gr->lost_sinks, lost_n);
    assert_true(gr->lost_weight == w);
    for (int f = 0; f < NETVET_FN_COUNT; f++)
        assert_true(gr->fn_weight[f] == fn[f]);
    assert_true(t->x.n_regions <= 8);
    for (size_t r = 0; r < t->x.n_regions; r++)
        assert_true(gr->region_weight[r] == region[r]);
}

#endif
