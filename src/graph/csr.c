/* CSR construction by counting sort: count degrees, prefix-sum them into
 * offsets, then drop each kept link into both ends' slots. Two passes over
 * the links, one over the vertices; no sorting of neighbour lists. */
#include "graph/csr.h"

#include <string.h>

#include "util/alloc.h"
#include "netvet/errors.h"
#include "util/alloc.h"

static int link_kept(size_t n, uint32_t a, uint32_t b, const uint8_t *keep)
{
    if (a >= n || b >= n || a == b)
        return 0;
    return !keep || (keep[a] && keep[b]);
}

/* offsets[v + 1] = degree of v, then the inclusive prefix sum in place.
 * @return NETVET_ELIMIT when the arcs do not fit uint32_t indexing. */
static int count_degrees(nv_csr *g, const uint32_t *a, const uint32_t *b,
                         size_t m, const uint8_t *keep)
{
    uint64_t arcs = 0;
    for (size_t i = 0; i < m; i++) {
        if (!link_kept(g->n, a[i], b[i], keep))
            continue;
        g->offsets[a[i] + 1]++;
        g->offsets[b[i] + 1]++;
        arcs += 2;
    }
    if (arcs > UINT32_MAX)
        return NETVET_ELIMIT;
    for (size_t v = 0; v < g->n; v++)
        g->offsets[v + 1] += g->offsets[v];
    g->n_arcs = (size_t)arcs;
    return 0;
}

/* Place every kept link using a moving cursor per vertex (pos starts as a
 * copy of offsets[0..n)). */
static void place_arcs(nv_csr *g, uint32_t *pos, const uint32_t *a,
                       const uint32_t *b, size_t m, const uint8_t *keep)
{
    for (size_t i = 0; i < m; i++) {
        if (!link_kept(g->n, a[i], b[i], keep))
            continue;
        g->targets[pos[a[i]]++] = b[i];
        g->targets[pos[b[i]]++] = a[i];
    }
}

int nv_csr_from_links(nv_csr *g, size_t n, const uint32_t *a,
                      const uint32_t *b, size_t m, const uint8_t *keep)
{
    memset(g, 0, sizeof(*g));
    if (n > NV_CSR_MAX_VERTICES)
        return NETVET_ELIMIT;
    g->n = n;
    g->offsets = nv_calloc(n + 1, sizeof(uint32_t));
    if (!g->offsets)
        return NETVET_ENOMEM;
    int rc = count_degrees(g, a, b, m, keep);
    if (rc < 0)
        goto fail;
    rc = NETVET_ENOMEM;
    g->targets = nv_reallocarray(NULL, g->n_arcs ? g->n_arcs : 1, sizeof(uint32_t));
    uint32_t *pos = nv_reallocarray(NULL, n ? n : 1, sizeof(uint32_t));
    if (!g->targets || !pos) {
        nv_free(pos);
        goto fail;
    }
    if (n)
        memcpy(pos, g->offsets, n * sizeof(uint32_t));
    place_arcs(g, pos, a, b, m, keep);
    nv_free(pos);
    return 0;
fail:
    nv_csr_dispose(g);
    return rc;
}

int nv_csr_build(nv_csr *g, const netvet_inventory *inv,
                 const uint8_t *counted)
{
    return nv_csr_from_links(g, inv->n, inv->link_a, inv->link_b,
                             inv->n_links, counted);
}

void nv_csr_dispose(nv_csr *g)
{
    if (!g)
        return;
    nv_free(g->offsets);
    nv_free(g->targets);
    memset(g, 0, sizeof(*g));
}
