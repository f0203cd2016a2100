/* SPDX-License-Identifier: Apache-2.0 */
/* Dependent weight per risk domain and per vendor: masked passes (reach.c)
 * of up to 64 groups each say, per sink, which groups' removal loses it;
 * the losses are summed per group, per sink function and per sink region,
 * always in ascending element order (a run of sinks with the same lost
 * groups, function and region summed first, then charged once). Which
 * sinks are reachable at all comes from the first pass with a bit no
 * vertex blocks (that bit reaches every reachable vertex), or, failing
 * that, from one plain BFS. The passes run
 * on the graph's core, its leaves folded (fold.h): a leaf's mask is its
 * neighbour's without its own groups' bits.
 *
 * An element may be in several risk domains (its domain set, input.h): in a
 * domain pass it blocks every bit of its set, so it is lost with each of
 * its domains and charged to each. The reach kernel takes a one-byte code
 * per vertex and a table of 256 masks (reach.h): codes 0..63 are one
 * domain, 64..254 the distinct multi-domain masks of the pass. A window of
 * 64 domains with more distinct masks than that is split into passes over
 * fewer domains (their lost bits OR-ed into the same word of `depends`). */
#include "graph/exposure.h"

#include <limits.h>
#include <string.h>

#include "graph/fold.h"
#include "graph/reach.h"
#include "netvet/errors.h"
#include "util/alloc.h"
#include "util/bits.h"

typedef struct work {
    const nv_csr *g;       /* the whole graph */
    const nv_fold *fold;   /* its leaves folded: the caller's or own_fold */
    nv_fold own_fold;
    const nv_graph_input *in;
    const uint8_t *src;    /* counted sources: the caller's or src_own */
    uint8_t *src_own;      /* a counted-only copy, when one is needed */
    uint8_t *live;         /* per element: SINK, and REACHED once known */
    int reached_known;     /* live has its REACHED bits */
    uint8_t *bit;          /* group code of each element in this pass */
    uint8_t *bit_core;     /* the same per core vertex */
    nv_reach_codes codes;  /* this pass's code -> groups table */
    uint8_t *set_code;     /* per domain set: its code in this pass */
    int split;             /* a domain window ran as several passes */
    uint64_t *mask;        /* reach masks of this pass, per core vertex */
    size_t region_cap, total_cap; /* capacities */
    int32_t *region_dense; /* per region string id: dense index or -1 */
} work;

/* Core index of element v, or of its neighbour when v is a leaf. */
static inline uint32_t core_of(const work *w, uint32_t v)
{
    uint32_t c = w->fold->index[v];
    return c != NV_FOLD_LEAF ? c : w->fold->index[nv_fold_parent(w->g, v)];
}

/* Element v's reach mask in this pass (a core vertex's own bits are
 * already clear). */
static inline uint64_t mask_of(const work *w, uint32_t v)
{
    return w->mask[core_of(w, v)] & ~w->codes.mask[w->bit[v]];
}

enum { SINK = 1, REACHED = 2 }; /* bits of work.live */

int nv_sources_core(uint8_t **out, const nv_graph_input *in)
{
    uint8_t *src = nv_malloc(in->n ? in->n : 1);
    if (!src)
        return NETVET_ENOMEM;
    for (size_t k = 0; k < in->n; k++)
        src[k] = in->counted[k] && in->function[k] == NETVET_FN_CORE;
    *out = src;
    return 0;
}

/* The caller's sources when all are counted (as the assessment's are),
 * else a filtered copy; counts them. */
static int make_sources(nv_exposure *x, work *w, const uint8_t *is_source)
{
    const uint8_t *counted = w->in->counted;
    size_t n = w->in->n, uncounted = 0;
    for (size_t k = 0; is_source && k < n; k++)
        uncounted += is_source[k] && !counted[k];
    if (!is_source) {
        int rc = nv_sources_core(&w->src_own, w->in);
        if (rc < 0)
            return rc;
    } else if (uncounted) {
        if (!(w->src_own = nv_malloc(n ? n : 1)))
            return NETVET_ENOMEM;
        for (size_t k = 0; k < n; k++)
            w->src_own[k] = counted[k] && is_source[k];
    }
    w->src = w->src_own ? w->src_own : is_source;
    for (size_t k = 0; k < n; k++)
        x->n_sources += w->src[k] != 0;
    return 0;
}

/* Dense index of element k's region, adding it when new; -1 on ENOMEM. */
static int32_t region_of(nv_exposure *x, work *w, size_t k)
{
    const nv_graph_input *in = w->in;
    uint32_t s = in->region ? in->region[k] : 0;
    if (w->region_dense[s] >= 0)
        return w->region_dense[s];
    if (NV_GROW(x->region_id, w->region_cap, x->n_regions + 1) < 0 ||
        NV_GROW(x->region_total, w->total_cap, x->n_regions + 1) < 0)
        return -1;
    x->region_id[x->n_regions] = s;
    x->region_total[x->n_regions] = 0;
    w->region_dense[s] = (int32_t)x->n_regions;
    return (int32_t)x->n_regions++;
}

static int add_sink(nv_exposure *x, work *w, size_t k)
{
    const nv_graph_input *in = w->in;
    double wt = in->weight[k];
    int32_t r = region_of(x, w, k);
    if (r < 0)
        return NETVET_ENOMEM;
    x->n_sinks++;
    x->sink_weight += wt;
    x->fn_total[in->function[k]] += wt;
    x->region_total[r] += wt;
    w->live[k] = SINK;
    return 0;
}

/* Sink totals and regions; live[k] = SINK for each sink. */
static int scan_sinks(nv_exposure *x, work *w)
{
    const nv_graph_input *in = w->in;
    size_t n_str = in->n_region_ids ? in->n_region_ids : 1;
    w->region_dense = nv_malloc(n_str * sizeof(int32_t));
    w->live = nv_calloc(in->n ? in->n : 1, 1);
    if (!w->region_dense || !w->live)
        return NETVET_ENOMEM;
    memset(w->region_dense, 0xff, n_str * sizeof(int32_t));
    for (size_t k = 0; k < in->n; k++)
        if (in->counted[k] && in->weight[k] > 0 && add_sink(x, w, k) < 0)
            return NETVET_ENOMEM;
    return 0;
}

/* Mark the reached sinks (reached: per core vertex, non-zero = reachable
 * from a source; NULL: this pass's masks have any_bit where reachable)
 * and count the others once as disconnected. */
static void mark_reached(nv_exposure *x, work *w, uint64_t any_bit,
                         const uint8_t *reached)
{
    const double *weight = w->in->weight;
    for (size_t k = 0; k < w->in->n; k++) {
        if (!(w->live[k] & SINK))
            continue;
        uint32_t c = core_of(w, (uint32_t)k);
        if (reached ? reached[c] != 0 : (w->mask[c] & any_bit) != 0) {
            w->live[k] |= REACHED;
        } else {
            x->n_disconnected++;
            x->disconnected_weight += weight[k];
        }
    }
    w->reached_known = 1;
}

/* Reachability by a plain BFS, when no pass had a free bit. */
static int reach_by_bfs(nv_exposure *x, work *w)
{
    uint8_t *reached = nv_malloc(w->fold->n_core ? w->fold->n_core : 1);
    if (!reached)
        return NETVET_ENOMEM;
    int rc = nv_reach_sources(reached, NULL, &w->fold->g, w->fold->source);
    if (rc == 0)
        mark_reached(x, w, 0, reached);
    nv_free(reached);
    return rc;
}

/* Append the present keys of one kind (count[key] > 0) as groups. */
static void add_groups(nv_exposure *x, nv_group_kind kind,
                       const uint64_t *count, size_t n_keys)
{
    for (size_t key = 0; key < n_keys; key++) {
        if (!count[key])
            continue;
        nv_exposure_group *gr = &x->groups[x->n_groups++];
        gr->kind = (uint8_t)kind;
        gr->key = (int32_t)key;
        gr->n_elements = count[key];
    }
}

/* Is counted element k in a vendor group, and so in its set's domains? */
static inline int grouped(const nv_graph_input *in, size_t k)
{
    return in->counted[k] && in->vendor[k] >= 0 && in->dset[k] >= 0;
}

static int make_groups(nv_exposure *x, const nv_graph_input *in)
{
    size_t nd = in->n_domains, nv = in->n_vendors, ns = in->n_dsets;
    uint64_t *count = nv_calloc(nd + nv + ns + 1, sizeof(uint64_t));
    if (!count)
        return NETVET_ENOMEM;
    uint64_t *per_set = count + nd + nv;
    for (size_t k = 0; k < in->n; k++) {
        if (!grouped(in, k))
            continue;
        per_set[in->dset[k]]++;
        count[nd + (size_t)in->vendor[k]]++;
    }
    for (size_t s = 0; s < ns; s++) { /* an element counts in each domain */
        const int32_t *dom;
        size_t m = nv_graph_dset(in, (int32_t)s, &dom);
        for (size_t i = 0; i < m; i++)
            count[dom[i]] += per_set[s];
    }
    x->groups = nv_calloc(nd + nv + 1, sizeof(nv_exposure_group));
    size_t n_reg_cols = x->n_regions ? x->n_regions : 1;
    x->region_lost = nv_calloc((nd + nv + 1) * n_reg_cols, sizeof(double));
    if (!x->groups || !x->region_lost) {
        nv_free(count);
        return NETVET_ENOMEM;
    }
    add_groups(x, NV_GROUP_DOMAIN, count, nd);
    add_groups(x, NV_GROUP_VENDOR, count + nd, nv);
    for (size_t i = 0; i < x->n_groups; i++)
        x->groups[i].region_weight = x->region_lost + i * x->n_regions;
    nv_free(count);
    return 0;
}

/* Consecutive sinks with the same lost groups, function and region
 * (siblings behind one access element mostly are): charged at once. */
typedef struct sink_run {
    uint64_t lost;
    size_t region;
    uint8_t fn;
    double weight;
    uint64_t sinks;
} sink_run;

static void charge_run(nv_exposure *x, const long *slot, sink_run *r)
{
    for (uint64_t lost = r->lost; lost; lost &= lost - 1) {
        nv_exposure_group *gr = &x->groups[slot[__builtin_ctzll(lost)]];
        gr->lost_weight += r->weight;
        gr->lost_sinks += r->sinks;
        gr->fn_weight[r->fn] += r->weight;
        x->region_lost[(size_t)(gr - x->groups) * x->n_regions + r->region] +=
            r->weight;
    }
    r->weight = 0;
    r->sinks = 0;
}

/* Charge each reached sink's lost groups (bits of the pass not in its
 * mask), in ascending element order; slot[b] = group index of bit b, or -1.
 * depend_word >= 0: domain pass, also store the lost bits as that word of
 * the sink's row, and (the only domain pass) count the sink by them. */
static void charge(nv_exposure *x, const work *w, uint64_t valid,
                   const long *slot, long depend_word)
{
    const nv_graph_input *in = w->in;
    sink_run run = {0, 0, 0, 0, 0};
    int count = depend_word == 0 && in->n_domains <= 64 && !w->split;
    for (size_t v = 0; v < in->n; v++) {
        if (w->live[v] != (SINK | REACHED))
            continue;
        uint64_t lost = ~mask_of(w, (uint32_t)v) & valid;
        if (depend_word >= 0 && x->depends) { /* split: OR the halves */
            uint64_t *row = &x->depends[v * x->n_depend_words +
                                        (size_t)depend_word];
            *row = w->split ? *row | lost : lost; /* no read of fresh pages */
        }
        if (count)
            x->by_n_domains[nv_popcount64(lost)]++;
        size_t region = (size_t)w->region_dense[in->region ? in->region[v]
                                                           : 0];
        if (lost != run.lost || region != run.region ||
            in->function[v] != run.fn) {
            charge_run(x, slot, &run);
            run = (sink_run){lost, region, in->function[v], 0, 0};
        }
        run.weight += in->weight[v];
        run.sinks++;
    }
    charge_run(x, slot, &run);
}

static int run_pass(nv_exposure *x, work *w, const long *slot,
                    long depend_word)
{
    uint64_t valid = 0;
    for (unsigned b = 0; b < 64; b++)
        if (slot[b] >= 0)
            valid |= (uint64_t)1 << b;
    for (size_t c = 0; c < w->fold->n_core; c++)
        w->bit_core[c] = w->bit[w->fold->core[c]];
    w->codes.code = w->bit_core;
    int rc = nv_reach_masked_codes(w->mask, &w->fold->g, w->fold->source,
                                   &w->codes, UINT_MAX);
    if (rc < 0)
        return rc;
    if (!w->reached_known) {
        if (~valid) /* a bit no vertex blocks: set where reachable */
            mark_reached(x, w, ~valid, NULL);
        else if ((rc = reach_by_bfs(x, w)) < 0)
            return rc;
    }
    charge(x, w, valid, slot, depend_word);
    x->n_passes++;
    return 0;
}

/* Bits of set s's domains in [base, base + 64) (bit = domain - base). */
static uint64_t set_word(const nv_graph_input *in, int32_t s, size_t base)
{
    const int32_t *dom;
    size_t m = nv_graph_dset(in, s, &dom);
    uint64_t word = 0;
    for (size_t i = 0; i < m; i++)
        if ((size_t)dom[i] >= base && (size_t)dom[i] - base < 64)
            word |= (uint64_t)1 << ((size_t)dom[i] - base);
    return word;
}

#define MULTI_CODES (NV_REACH_NO_BIT - 64) /* codes 64..254 */

/* This pass's code of every domain set, and the table: one domain is its
 * bit, several a code of 64 and up. @return 0, or -1 when the window has
 * more distinct multi-domain masks than codes. */
static int set_codes(work *w, size_t base, uint64_t valid)
{
    const nv_graph_input *in = w->in;
    size_t n_multi = 0;
    nv_reach_codes_bits(&w->codes, NULL);
    for (size_t s = 0; s < in->n_dsets; s++) {
        uint64_t m = set_word(in, (int32_t)s, base) & valid;
        size_t c = 0;
        if (!m || !(m & (m - 1))) {
            w->set_code[s] = m ? (uint8_t)__builtin_ctzll(m) : NV_REACH_NO_BIT;
            continue;
        }
        while (c < n_multi && w->codes.mask[64 + c] != m)
            c++;
        if (c == n_multi && n_multi++ == MULTI_CODES)
            return -1;
        w->codes.mask[64 + c] = m;
        w->set_code[s] = (uint8_t)(64 + c);
    }
    return 0;
}

/* The domains of bits `valid` of [base, base + 64), in one pass or, when
 * their masks need more codes than there are, in two halves. */
static int domain_window(nv_exposure *x, work *w, size_t base,
                         uint64_t valid)
{
    const nv_graph_input *in = w->in;
    if (set_codes(w, base, valid) < 0) {
        uint64_t low = valid;
        for (unsigned i = (unsigned)nv_popcount64(valid) / 2; i; i--)
            low &= low - 1; /* the upper half of valid's bits */
        low = valid & ~low;
        if (!w->split) { /* by_n_domains will come from the rows */
            w->split = 1;
            x->depends_kept = 1;
            x->n_depend_words = (in->n_domains + 63) / 64;
            if (!x->depends && !(x->depends = nv_calloc(
                                     in->n ? in->n : 1,
                                     x->n_depend_words * sizeof(uint64_t))))
                return NETVET_ENOMEM;
        }
        int rc = domain_window(x, w, base, low);
        return rc < 0 ? rc : domain_window(x, w, base, valid & ~low);
    }
    long slot[64];
    for (unsigned b = 0; b < 64; b++)
        slot[b] = (valid >> b) & 1
                      ? nv_exposure_find(x, NV_GROUP_DOMAIN,
                                         (int32_t)(base + b))
                      : -1;
    for (size_t k = 0; k < in->n; k++) /* dset is -1 without a vendor */
        w->bit[k] = in->counted[k] && in->dset[k] >= 0
                        ? w->set_code[in->dset[k]]
                        : NV_REACH_NO_BIT;
    return run_pass(x, w, slot, (long)(base / 64));
}

/* Domains [base, base + 64) that have a group. */
static int domain_pass(nv_exposure *x, work *w, size_t base)
{
    uint64_t valid = 0;
    for (unsigned b = 0; b < 64; b++)
        if (base + b < w->in->n_domains &&
            nv_exposure_find(x, NV_GROUP_DOMAIN, (int32_t)(base + b)) >= 0)
            valid |= (uint64_t)1 << b;
    return valid ? domain_window(x, w, base, valid) : 0;
}

/* Vendor groups first .. first + 63 (indexes into x->groups). */
static int vendor_pass(nv_exposure *x, work *w, uint8_t *vbit, size_t first)
{
    const nv_graph_input *in = w->in;
    size_t n_reg = in->n_vendors;
    long slot[64];
    memset(vbit, NV_REACH_NO_BIT, n_reg ? n_reg : 1);
    for (unsigned b = 0; b < 64; b++) {
        size_t gi = first + b;
        slot[b] = gi < x->n_groups ? (long)gi : -1;
        if (slot[b] >= 0)
            vbit[x->groups[gi].key] = (uint8_t)b;
    }
    for (size_t k = 0; k < in->n; k++)
        w->bit[k] = in->counted[k] && in->vendor[k] >= 0
                        ? vbit[in->vendor[k]]
                        : NV_REACH_NO_BIT;
    nv_reach_codes_bits(&w->codes, NULL);
    return run_pass(x, w, slot, -1);
}

/* by_n_domains, after the passes: the one domain pass counted the reached
 * sinks (it runs when a domain has a group: groups list domains first;
 * with none, no sink depends on any domain); past 64 domains count them
 * from their depends rows. Disconnected sinks depend on none. */
static void count_by_domains(nv_exposure *x, const work *w)
{
    const nv_graph_input *v = w->in;
    int domain_pass_ran = x->n_groups && x->groups[0].kind == NV_GROUP_DOMAIN;
    if (v->n_domains <= 64 && !domain_pass_ran) {
        x->by_n_domains[0] = x->n_sinks;
        return;
    }
    x->by_n_domains[0] += x->n_disconnected;
    if (v->n_domains <= 64 && !w->split)
        return;
    for (size_t k = 0; k < v->n; k++) {
        if (w->live[k] != (SINK | REACHED))
            continue;
        unsigned c = 0;
        for (size_t i = 0; i < x->n_depend_words; i++)
            c += nv_popcount64(x->depends[k * x->n_depend_words + i]);
        x->by_n_domains[c > 64 ? 64 : c]++;
    }
}

static int all_passes(nv_exposure *x, work *w)
{
    size_t n_reg = w->in->n_vendors, first = 0;
    int rc = 0;
    for (size_t base = 0; base < w->in->n_domains && rc == 0; base += 64)
        rc = domain_pass(x, w, base);
    while (first < x->n_groups && x->groups[first].kind == NV_GROUP_DOMAIN)
        first++;
    uint8_t *vbit = nv_malloc(n_reg ? n_reg : 1);
    if (!vbit)
        return NETVET_ENOMEM;
    for (; first < x->n_groups && rc == 0; first += 64)
        rc = vendor_pass(x, w, vbit, first);
    nv_free(vbit);
    if (rc == 0 && !w->reached_known) /* no pass ran: count disconnected */
        rc = reach_by_bfs(x, w);
    if (rc == 0)
        count_by_domains(x, w);
    return rc;
}

/* The caller's folding, or one made here; the core's scratch. */
static int fold(work *w, const nv_fold *given)
{
    int rc = 0;
    if (!given && (rc = nv_fold_leaves(&w->own_fold, w->g, w->src)) < 0)
        return rc;
    w->fold = given ? given : &w->own_fold;
    size_t nc = w->fold->n_core ? w->fold->n_core : 1;
    w->bit_core = nv_malloc(nc);
    w->mask = nv_huge(nv_reallocarray(NULL, nc, sizeof(uint64_t)), nc,
                      sizeof(uint64_t));
    if (!w->bit_core || !w->mask)
        return NETVET_ENOMEM;
    return 0;
}

static int prepare(nv_exposure *x, work *w, const nv_exposure_options *o)
{
    size_t n = w->in->n ? w->in->n : 1;
    int rc = make_sources(x, w, o->is_source);
    if (rc < 0 || (rc = fold(w, o->fold)) < 0)
        return rc;
    w->bit = nv_reallocarray(NULL, n, 1);
    w->set_code = nv_malloc(w->in->n_dsets ? w->in->n_dsets : 1);
    if (!w->bit || !w->set_code)
        return NETVET_ENOMEM;
    if ((rc = scan_sinks(x, w)) < 0 || (rc = make_groups(x, w->in)) < 0)
        return rc;
    size_t n_domains = w->in->n_domains;
    x->depends_kept = o->want_depends || n_domains > 64;
    x->n_depend_words = x->depends_kept ? (n_domains + 63) / 64 : 0;
    if (x->n_depend_words) {
        x->depends = nv_calloc(n, x->n_depend_words * sizeof(uint64_t));
        if (!x->depends)
            return NETVET_ENOMEM;
    }
    return 0;
}

int nv_exposure_compute(nv_exposure *x, const nv_csr *g,
                        const nv_graph_input *in,
                        const nv_exposure_options *opts)
{
    static const nv_exposure_options defaults = NV_EXPOSURE_OPTIONS_INIT;
    work w = {0};
    w.g = g;
    w.in = in;
    memset(x, 0, sizeof(*x));
    if (g->n != in->n)
        return NETVET_EINVAL;
    int rc = prepare(x, &w, opts ? opts : &defaults);
    if (rc == 0)
        rc = all_passes(x, &w);
    nv_free(w.src_own);
    nv_free(w.live);
    nv_free(w.bit);
    nv_free(w.set_code);
    nv_free(w.bit_core);
    nv_free(w.mask);
    nv_fold_dispose(&w.own_fold);
    nv_free(w.region_dense);
    if (rc < 0)
        nv_exposure_dispose(x);
    return rc;
}

void nv_exposure_dispose(nv_exposure *x)
{
    if (!x)
        return;
    nv_free(x->groups);
    nv_free(x->region_id);
    nv_free(x->region_total);
    nv_free(x->region_lost);
    nv_free(x->depends);
    memset(x, 0, sizeof(*x));
}

long nv_exposure_find(const nv_exposure *x, nv_group_kind kind, int32_t key)
{
    size_t lo = 0, hi = x->n_groups; /* groups sorted by (kind, key) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const nv_exposure_group *gr = &x->groups[mid];
        if (gr->kind < kind || (gr->kind == kind && gr->key < key))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < x->n_groups && x->groups[lo].kind == kind &&
        x->groups[lo].key == key)
        return (long)lo;
    return -1;
}
