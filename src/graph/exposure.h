/* SPDX-License-Identifier: Apache-2.0 */
/* Dependent weight (docs/json-schema.md, "exposure"): for each risk domain and
 * each vendor present, the weight of sinks lost when all its elements are
 * removed, with per-function and per-region breakdowns and each sink's set
 * of domains it depends on. Reports and policy rules read the result. */
#ifndef NV_GRAPH_EXPOSURE_H
#define NV_GRAPH_EXPOSURE_H

#include <stddef.h>
#include <stdint.h>

#include "graph/csr.h"
#include "graph/fold.h"
#include "graph/input.h"
#include "netvet/inventory.h"

typedef enum nv_group_kind {
    NV_GROUP_DOMAIN = 0, /* key = nv_graph_input domain key */
    NV_GROUP_VENDOR = 1  /* key = nv_graph_input vendor key */
} nv_group_kind;

typedef struct nv_exposure_group {
    uint8_t kind;          /* nv_group_kind */
    int32_t key;           /* domain or vendor index */
    uint64_t n_elements;   /* counted elements in the group */
    double lost_weight;    /* dependent weight: lost sinks' weight */
    uint64_t lost_sinks;   /* lost sinks */
    double fn_weight[NETVET_FN_COUNT]; /* lost weight by sink function */
    const double *region_weight; /* lost weight by region: n_regions
                                  * entries, borrowed from the nv_exposure */
} nv_exposure_group;

/* Caller-owned: fill with nv_exposure_compute, release with
 * nv_exposure_dispose. Sinks are counted elements with weight > 0.
 * Sinks no source reaches in the intact graph are counted once in
 * n_disconnected/disconnected_weight and never charged to a group. */
typedef struct nv_exposure {
    size_t n_groups;           /* domains present (by index), then vendors */
    nv_exposure_group *groups; /* owned */
    size_t n_regions;          /* distinct regions among sinks */
    uint32_t *region_id;       /* per region: inventory string id, 0 = none */
    double *region_total;      /* per region: weight of all sinks */
    double *region_lost;       /* n_groups x n_regions, rows of groups */
    uint64_t n_sources;        /* counted sources */
    uint64_t n_sinks;          /* counted sinks */
    double sink_weight;        /* their weight */
    double fn_total[NETVET_FN_COUNT]; /* sink weight by function */
    uint64_t n_disconnected;   /* sinks unreachable even when intact */
    double disconnected_weight;
    uint64_t by_n_domains[65]; /* sinks by how many domains they depend on
                                * (64: 64 or more; disconnected sinks: 0) */
    int depends_kept;          /* depends asked for (or past 64 domains);
                                * NULL all the same when there are none */
    size_t n_depend_words;     /* words per element in `depends` */
    uint64_t *depends;         /* element k: words [k*w, (k+1)*w): bit d of
                                * the whole row = k is lost without domain
                                * d (k in d included); 0 for non-sinks and
                                * disconnected sinks. NULL unless asked. */
    size_t n_passes;           /* masked passes run (64 groups each) */
} nv_exposure;

typedef struct nv_exposure_options {
    const uint8_t *is_source; /* per element; NULL = counted core elements.
                               * Uncounted elements are never sources. */
    int want_depends;         /* fill nv_exposure.depends (8n bytes per 64
                               * domains; filled anyway past 64 domains,
                               * for by_n_domains) */
    const nv_fold *fold;      /* g's leaves folded over these sources
                               * (counted ones), or NULL: folded here */
} nv_exposure_options;
#define NV_EXPOSURE_OPTIONS_INIT {NULL, 1, NULL}

/* Compute every group's dependent weight in ceil(domains/64) +
 * ceil(vendors/64) masked passes over g's core (g built from
 * in->counted; its leaves folded, fold.h), each then spread over every
 * element. opts may be NULL (defaults). Time O(passes x (n + m)) in
 * practice (a vertex is re-queued only when its mask gains bits); memory
 * 3n bytes, 4n for the folding unless given, and 10 bytes per core
 * vertex of scratch, plus the depends rows.
 * @return 0 or NETVET_ENOMEM (then *x is zeroed). */
int nv_exposure_compute(nv_exposure *x, const nv_csr *g,
                        const nv_graph_input *in,
                        const nv_exposure_options *opts);
void nv_exposure_dispose(nv_exposure *x);

/* Index into x->groups of (kind, key), or -1 if that group is absent. */
long nv_exposure_find(const nv_exposure *x, nv_group_kind kind, int32_t key);

/* Does sink k depend on domain d (is it lost without d)? */
static inline int nv_exposure_depends(const nv_exposure *x, size_t k,
                                      size_t d)
{
    return x->depends && d / 64 < x->n_depend_words &&
           (x->depends[k * x->n_depend_words + d / 64] >> (d % 64)) & 1u;
}

/* The default sources: counted elements whose function is core.
 * @param[out] out n bytes, free with nv_free. @return 0 or NETVET_ENOMEM. */
int nv_sources_core(uint8_t **out, const nv_graph_input *in);

#endif
