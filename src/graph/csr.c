/* SPDX-License-Identifier: Apache-2.0 */
/* CSR construction by counting sort: count degrees, prefix-sum them into
 * offsets, then drop each kept link into both ends' slots, using the
 * offsets themselves as cursors (shifted back one place after). Counting
 * and placing run in two jobs side by side, each for the ends in its half
 * of the vertices (each reads every link; their writes never meet), so
 * neighbour lists come out in link order as in one pass. */
#include "graph/csr.h"

#include <string.h>

#include "netvet/errors.h"
#include "util/alloc.h"
#include "util/jobs.h"

/* Fewer links than this are placed in one job. */
#define HALVES_FROM 65536

typedef struct csr_job {
    nv_csr *g;
    const uint32_t *a, *b;
    size_t m;
    const uint8_t *keep;
    uint32_t lo, hi;   /* the vertices whose ends this job handles */
    int place;         /* 0: count degrees, 1: place arcs */
    uint64_t arcs;     /* ends handled */
} csr_job;

static int link_kept(size_t n, uint32_t a, uint32_t b, const uint8_t *keep)
{
    if (a >= n || b >= n || a == b)
        return 0;
    return !keep || (keep[a] && keep[b]);
}

/* One end x (of a link to y) if x is the job's (in [lo, lo + span)):
 * count it into offsets[x + 1], or place y at x's cursor offsets[x].
 * @return 1 when it was the job's. */
static inline unsigned end_of(uint32_t *offsets, uint32_t *targets,
                              int place, uint32_t lo, uint32_t span,
                              uint32_t x, uint32_t y)
{
    if (x - lo >= span)
        return 0;
    if (place)
        targets[offsets[x]++] = y;
    else
        offsets[x + 1]++;
    return 1;
}

/* The job's fields are read into locals and its count written once at the
 * end: the two jobs' structs sit side by side, and a per-end write to one
 * would stall the other thread's reads on that cache line. */
static void *run_job(void *arg)
{
    csr_job *j = arg;
    uint32_t *offsets = j->g->offsets, *targets = j->g->targets;
    const uint32_t *a = j->a, *b = j->b;
    const uint8_t *keep = j->keep;
    size_t n = j->g->n, m = j->m;
    uint32_t lo = j->lo, span = j->hi - j->lo;
    int place = j->place;
    uint64_t arcs = 0;
    for (size_t i = 0; i < m; i++) {
        if (!link_kept(n, a[i], b[i], keep))
            continue;
        arcs += end_of(offsets, targets, place, lo, span, a[i], b[i]);
        arcs += end_of(offsets, targets, place, lo, span, b[i], a[i]);
    }
    j->arcs = arcs;
    return NULL;
}

/* Count (place = 0) or place (1) in nj jobs. @return the ends handled. */
static uint64_t run_pass(csr_job *jobs, size_t nj, int place)
{
    uint64_t arcs = 0;
    for (size_t i = 0; i < nj; i++) {
        jobs[i].place = place;
        jobs[i].arcs = 0;
    }
    nv_run_jobs(run_job, jobs, nj, sizeof(*jobs));
    for (size_t i = 0; i < nj; i++)
        arcs += jobs[i].arcs;
    return arcs;
}

int nv_csr_from_links(nv_csr *g, size_t n, const uint32_t *a,
                      const uint32_t *b, size_t m, const uint8_t *keep)
{
    memset(g, 0, sizeof(*g));
    if (n > NV_CSR_MAX_VERTICES)
        return NETVET_ELIMIT;
    g->n = n;
    g->offsets = nv_huge(nv_calloc(n + 1, sizeof(uint32_t)), n + 1,
                         sizeof(uint32_t));
    if (!g->offsets)
        return NETVET_ENOMEM;
    size_t nj = nv_jobs_for(m, HALVES_FROM);
    uint32_t mid = (uint32_t)(nj == 2 ? n / 2 : n);
    csr_job jobs[2] = {{g, a, b, m, keep, 0, mid, 0, 0},
                       {g, a, b, m, keep, mid, (uint32_t)n, 0, 0}};
    uint64_t arcs = run_pass(jobs, nj, 0);
    if (arcs > UINT32_MAX) {
        nv_csr_dispose(g);
        return NETVET_ELIMIT;
    }
    for (size_t v = 0; v < n; v++)
        g->offsets[v + 1] += g->offsets[v];
    g->n_arcs = (size_t)arcs;
    g->targets = nv_huge(nv_reallocarray(NULL, arcs ? arcs : 1, sizeof(uint32_t)),
                         arcs, sizeof(uint32_t));
    if (!g->targets) {
        nv_csr_dispose(g);
        return NETVET_ENOMEM;
    }
    run_pass(jobs, nj, 1);
    /* each cursor ended at the next vertex's start */
    memmove(g->offsets + 1, g->offsets, n * sizeof(uint32_t));
    g->offsets[0] = 0;
    return 0;
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
