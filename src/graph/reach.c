/* SPDX-License-Identifier: Apache-2.0 */
/* BFS and the 64-group masked worklist over a CSR graph. The BFS uses a
 * FIFO of vertex indexes; the masked pass a bitmap of dirty vertices worked
 * off in ascending sweeps (see `dirty`). A vertex's groups are a one-byte
 * code looked up in a 256-word table (nv_reach_codes), so a vertex in
 * several groups costs what a vertex in one does. */
#include "graph/reach.h"

#include <limits.h>
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

/* The bits vertex v blocks: those of its code. */
static inline uint64_t own_bit(const nv_reach_codes *c, uint32_t v)
{
    return c->mask[c->code[v]];
}

/* The masked pass's worklist: a bitmap of vertices whose mask gained bits
 * since they were last handled (dirty), worked off in sweeps of ascending
 * vertex index. A gain of a vertex above the one being handled is taken in
 * the same sweep, one below waits for the next sweep (next). Vertex order
 * follows the input, which keeps neighbours close in memory, so a sweep
 * reads the graph and the masks nearly sequentially; a network whose links
 * mostly go up in index order needs one or two sweeps. When a sweep finds
 * fewer dirty vertices than a quarter of the bitmap words it scanned, or
 * after max_sweeps, the rest runs as a FIFO of dirty words, whose cost is
 * bounded by the gains alone. */
typedef struct dirty {
    uint64_t *cur, *next; /* n_words each */
    size_t n_words;
    size_t lo, hi, next_lo, next_hi; /* word ranges holding dirty bits */
    uint32_t *fifo;       /* word indexes (FIFO mode), capacity n_words */
    size_t head, count;
} dirty;

static inline void mark_next(dirty *d, uint32_t w)
{
    size_t i = w / 64;
    d->next[i] |= (uint64_t)1 << (w % 64);
    if (i < d->next_lo)
        d->next_lo = i;
    if (i >= d->next_hi)
        d->next_hi = i + 1;
}

static inline void fifo_mark(dirty *d, uint32_t w)
{
    size_t i = w / 64;
    if (!d->cur[i]) {
        size_t at = d->head + d->count++;
        d->fifo[at >= d->n_words ? at - d->n_words : at] = (uint32_t)i;
    }
    d->cur[i] |= (uint64_t)1 << (w % 64);
}

/* A gain of neighbour w while handling u: in a sweep (fifo = 0) w joins
 * this sweep when above u, else the next one; in FIFO mode its word is
 * queued when it turns dirty. */
static inline void mark_gain(dirty *d, uint32_t u, uint32_t w, int fifo)
{
    if (fifo) {
        fifo_mark(d, w);
    } else if (w > u) {
        d->cur[w / 64] |= (uint64_t)1 << (w % 64);
        if (w / 64 >= d->hi)
            d->hi = w / 64 + 1;
    } else {
        mark_next(d, w);
    }
}

/* Handle dirty vertex u: push its mask to its neighbours, marking each
 * that gains bits. */
static inline void handle(uint64_t *mask, const nv_csr *g,
                          const nv_reach_codes *codes, dirty *d, uint32_t u,
                          int fifo)
{
    uint64_t mu = mask[u];
    for (uint32_t e = g->offsets[u]; e < g->offsets[u + 1]; e++) {
        uint32_t w = g->targets[e];
        uint64_t gain = mu & ~mask[w];
        if (!gain || !(gain &= ~own_bit(codes, w)))
            continue;
        mask[w] |= gain;
        mark_gain(d, u, w, fifo);
    }
}

/* One sweep over d->cur from word d->lo; returns the vertices handled. */
static size_t sweep(uint64_t *mask, const nv_csr *g,
                    const nv_reach_codes *codes, dirty *d)
{
    size_t handled = 0;
    for (size_t i = d->lo; i < d->hi; i++) {
        while (d->cur[i]) { /* gains above u in word i join this loop */
            uint64_t bits = d->cur[i];
            d->cur[i] = bits & (bits - 1);
            handle(mask, g, codes, d,
                   (uint32_t)(i * 64 + (size_t)__builtin_ctzll(bits)), 0);
            handled++;
        }
    }
    return handled;
}

/* FIFO of dirty words: a word is in the queue exactly while it has dirty
 * bits (queued when it turns dirty, its bits taken all at once when it is
 * dequeued), so the queue never holds more than n_words. d->cur holds
 * every dirty vertex on entry. */
static int fifo_rest(uint64_t *mask, const nv_csr *g,
                     const nv_reach_codes *codes, dirty *d)
{
    d->fifo = nv_malloc((d->n_words ? d->n_words : 1) * sizeof(uint32_t));
    if (!d->fifo)
        return NETVET_ENOMEM;
    d->head = d->count = 0;
    for (size_t i = 0; i < d->n_words; i++)
        if (d->cur[i])
            d->fifo[d->count++] = (uint32_t)i;
    while (d->count) {
        size_t i = d->fifo[d->head];
        d->head = d->head + 1 == d->n_words ? 0 : d->head + 1;
        d->count--;
        uint64_t bits = d->cur[i];
        d->cur[i] = 0;
        for (; bits; bits &= bits - 1)
            handle(mask, g, codes, d,
                   (uint32_t)(i * 64 + (size_t)__builtin_ctzll(bits)), 1);
    }
    return 0;
}

static int propagate(uint64_t *mask, const nv_csr *g,
                     const nv_reach_codes *codes, dirty *d,
                     unsigned max_sweeps)
{
    for (unsigned s = 0; d->lo < d->hi; s++) {
        if (s >= max_sweeps)
            return fifo_rest(mask, g, codes, d);
        size_t lo = d->lo, handled = sweep(mask, g, codes, d);
        size_t scanned = d->hi - lo;
        uint64_t *t = d->cur;
        d->cur = d->next;
        d->next = t;
        d->lo = d->next_lo;
        d->hi = d->next_hi;
        d->next_lo = d->n_words;
        d->next_hi = 0;
        if (handled < scanned / 4)
            max_sweeps = s + 1; /* sparse: finish as a FIFO */
    }
    return 0;
}

int nv_reach_masked_codes(uint64_t *mask, const nv_csr *g,
                          const uint8_t *is_source,
                          const nv_reach_codes *codes,
                          unsigned max_sweeps)
{
    size_t n = g->n;
    dirty d = {0};
    d.n_words = (n + 63) / 64;
    d.cur = nv_calloc(d.n_words ? d.n_words : 1, sizeof(uint64_t));
    d.next = nv_calloc(d.n_words ? d.n_words : 1, sizeof(uint64_t));
    int rc = NETVET_ENOMEM;
    if (d.cur && d.next) {
        d.lo = d.next_lo = d.n_words;
        memset(mask, 0, n * sizeof(uint64_t));
        for (size_t v = 0; v < n; v++)
            if (is_source[v]) {
                mask[v] = ~own_bit(codes, (uint32_t)v);
                mark_next(&d, (uint32_t)v);
            }
        uint64_t *t = d.cur; /* the sources are the first sweep */
        d.cur = d.next;
        d.next = t;
        d.lo = d.next_lo;
        d.hi = d.next_hi;
        d.next_lo = d.n_words;
        d.next_hi = 0;
        rc = propagate(mask, g, codes, &d, max_sweeps);
    }
    nv_free(d.cur);
    nv_free(d.next);
    nv_free(d.fifo);
    return rc;
}

void nv_reach_codes_bits(nv_reach_codes *c, const uint8_t *group_bit)
{
    for (unsigned b = 0; b < 256; b++)
        c->mask[b] = b < 64 ? (uint64_t)1 << b : 0;
    c->code = group_bit;
}

int nv_reach_masked_sweeps(uint64_t *mask, const nv_csr *g,
                           const uint8_t *is_source, const uint8_t *group_bit,
                           unsigned max_sweeps)
{
    nv_reach_codes c;
    nv_reach_codes_bits(&c, group_bit);
    return nv_reach_masked_codes(mask, g, is_source, &c, max_sweeps);
}

int nv_reach_masked(uint64_t *mask, const nv_csr *g,
                    const uint8_t *is_source, const uint8_t *group_bit)
{
    return nv_reach_masked_sweeps(mask, g, is_source, group_bit, UINT_MAX);
}
