/* BFS and the 64-group masked worklist over a CSR graph. Both use a FIFO
 * of vertex indexes; the masked pass wraps it round, since a vertex is in
 * the queue at most once at a time (in_queue flag). */
#include "graph/reach.h"

#include <string.h>

#include "netvet/errors.h"
#include "util/alloc.h"

int nv_reach_sources(uint8_t *reached, size_t *n_reached_out,
                     const nv_csr *g, const uint8_t *is_source)
{
    size_t n = g->n, head = 0, tail = 0;
    uint32_t *queue = nv_malloc((n ? n : 1) * sizeof(uint32_t));
    if (!queue)
        return NETVET_ENOMEM;
    memset(reached, 0, n);
    for (size_t v = 0; v < n; v++)
        if (is_source[v]) {
            reached[v] = 1;
            queue[tail++] = (uint32_t)v;
        }
    while (head < tail) {
        uint32_t u = queue[head++];
        for (uint32_t e = g->offsets[u]; e < g->offsets[u + 1]; e++) {
            uint32_t w = g->targets[e];
            if (!reached[w]) {
                reached[w] = 1;
                queue[tail++] = w;
            }
        }
    }
    nv_free(queue);
    if (n_reached_out)
        *n_reached_out = tail;
    return 0;
}

static inline uint64_t own_bit(const uint8_t *group_bit, uint32_t v)
{
    uint8_t b = group_bit[v];
    return b == NV_REACH_NO_BIT ? 0 : (uint64_t)1 << (b & 63u);
}

typedef struct ring {
    uint32_t *slot;
    uint8_t *in_queue;
    size_t cap, head, count;
} ring;

static inline void ring_push(ring *q, uint32_t v)
{
    size_t at = q->head + q->count;
    q->slot[at >= q->cap ? at - q->cap : at] = v;
    q->count++;
    q->in_queue[v] = 1;
}

static inline uint32_t ring_pop(ring *q)
{
    uint32_t v = q->slot[q->head];
    q->head = q->head + 1 == q->cap ? 0 : q->head + 1;
    q->count--;
    q->in_queue[v] = 0;
    return v;
}

static void propagate(uint64_t *mask, const nv_csr *g,
                      const uint8_t *group_bit, ring *q)
{
    while (q->count) {
        uint32_t u = ring_pop(q);
        uint64_t mu = mask[u];
        for (uint32_t e = g->offsets[u]; e < g->offsets[u + 1]; e++) {
            uint32_t w = g->targets[e];
            uint64_t gain = mu & ~own_bit(group_bit, w) & ~mask[w];
            if (!gain)
                continue;
            mask[w] |= gain;
            if (!q->in_queue[w])
                ring_push(q, w);
        }
    }
}

int nv_reach_masked(uint64_t *mask, const nv_csr *g,
                    const uint8_t *is_source, const uint8_t *group_bit)
{
    size_t n = g->n;
    ring q = {nv_malloc((n ? n : 1) * sizeof(uint32_t)),
              nv_calloc(n ? n : 1, 1), n, 0, 0};
    if (!q.slot || !q.in_queue) {
        nv_free(q.slot);
        nv_free(q.in_queue);
        return NETVET_ENOMEM;
    }
    memset(mask, 0, n * sizeof(uint64_t));
    for (size_t v = 0; v < n; v++)
        if (is_source[v]) {
            mask[v] = ~own_bit(group_bit, (uint32_t)v);
            ring_push(&q, (uint32_t)v);
        }
    propagate(mask, g, group_bit, &q);
    nv_free(q.slot);
    nv_free(q.in_queue);
    return 0;
}
