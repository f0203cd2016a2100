/* SPDX-License-Identifier: Apache-2.0 */
/* Reachability kernels over an nv_csr: plain multi-source BFS, and the
 * masked pass that answers "reachable without group g?" for up to 64
 * vertex groups at once. Grouping and weights are exposure.c's job. */
#ifndef NV_GRAPH_REACH_H
#define NV_GRAPH_REACH_H

#include <stddef.h>
#include <stdint.h>

#include "graph/csr.h"

#define NV_REACH_NO_BIT 0xFFu /* vertex in none of the 64 groups */

/* reached[v] = 1 when v is reachable from a vertex with is_source != 0,
 * else 0. reached: caller-owned, g->n bytes. *n_reached_out (may be NULL)
 * = number of reached vertices. O(n + m) time, 4n bytes scratch.
 * @return 0 or NETVET_ENOMEM. */
int nv_reach_sources(uint8_t *reached, size_t *n_reached_out,
                     const nv_csr *g, const uint8_t *is_source);

/* Masked reachability for up to 64 groups: group_bit[v] in 0..63 puts v
 * in that group, NV_REACH_NO_BIT in none. On return bit b of mask[v] is
 * set iff v is reachable from a source along a path with no vertex of
 * group b (a vertex of group b never has bit b; a source starts with every
 * bit but its own). Worklist to fixpoint: a vertex is queued again only
 * when its mask gains bits, so at most 64 times; typically about once.
 * The worklist is worked off in sweeps of ascending vertex index, then,
 * if the sweeps turn sparse, as a FIFO (reach.c). mask: caller-owned, g->n
 * words. Scratch n/4 bytes (two bitmaps) and, for the FIFO, n/16.
 * @return 0 or NETVET_ENOMEM. */
int nv_reach_masked(uint64_t *mask, const nv_csr *g,
                    const uint8_t *is_source, const uint8_t *group_bit);

/* nv_reach_masked switching to the FIFO after at most max_sweeps sweeps
 * (0: FIFO only); the same result for every max_sweeps. For tests. */
int nv_reach_masked_sweeps(uint64_t *mask, const nv_csr *g,
                           const uint8_t *is_source, const uint8_t *group_bit,
                           unsigned max_sweeps);

/* Vertices in several of the 64 groups: code[v] names the set of groups
 * vertex v is in, mask[code] is that set (bit b = group b; a vertex with
 * mask 0 is in none). nv_reach_codes_bits fills the table of
 * nv_reach_masked: code b < 64 = group b alone, other codes none. */
typedef struct nv_reach_codes {
    uint64_t mask[256];
    const uint8_t *code; /* per vertex */
} nv_reach_codes;

void nv_reach_codes_bits(nv_reach_codes *c, const uint8_t *group_bit);

/* nv_reach_masked_sweeps where a vertex blocks every bit of
 * codes->mask[codes->code[v]] (never has them; a source starts with every
 * other bit). The same cost as one group per vertex. */
int nv_reach_masked_codes(uint64_t *mask, const nv_csr *g,
                          const uint8_t *is_source,
                          const nv_reach_codes *codes, unsigned max_sweeps);

#endif
