/* SPDX-License-Identifier: Apache-2.0 */
/* The counts nv_eval_accumulate takes for each rule, for up to 64 rules in
 * one pass over the elements: each counted element is visited once, and
 * two table look-ups (by function byte, by tag-bit byte) say which
 * rules' fast scope keys it meets; only rules with slow keys
 * (sites, regions, dates, status, tags without a bit) test it further.
 * One pass per rule read the weights eleven times for the UK packs, and
 * stalled on them. Each rule's sums grow in ascending element order, so
 * they are the very numbers of a pass of its own. */
#include "policy/eval_ctx.h"

#include "util/alloc.h"

#define BATCH 64 /* rules per pass: bits of a uint64_t */

/* Which of the batch's rules each function byte and each tag-bit byte
 * lets through (nv_scope_match's fast keys); rules whose scope matches
 * nothing are in neither. */
typedef struct rule_tables {
    uint64_t by_fn[256];
    uint64_t by_tag[256];
    uint64_t slow; /* rules with keys the tables do not test */
} rule_tables;

static void build_tables(rule_tables *t, const nv_eval *rules, size_t n)
{
    memset(t, 0, sizeof(*t));
    for (size_t j = 0; j < n; j++) {
        const nv_scope *s = &rules[j].scope;
        uint64_t bit = (uint64_t)1 << j;
        if (s->empty)
            continue;
        for (unsigned b = 0; b < 256; b++) {
            if (!s->fn_mask || (b <= 31u && (s->fn_mask >> b) & 1u))
                t->by_fn[b] |= bit;
            if (!s->tag_mask || (b & s->tag_mask))
                t->by_tag[b] |= bit;
        }
        if (s->slow)
            t->slow |= bit;
    }
}

/* Element k (weight w) into one rule's sums: its vendor and domain set
 * as the rule reads them (nv_eval_vendor, nv_eval_dset). */
static void add_element(const nv_eval *e, nv_eval_sums *s, size_t k,
                        double w)
{
    int32_t vd = nv_eval_vendor(e, k);
    s->total_count++;
    s->total_weight += w;
    if (vd >= 0) {
        s->v_count[vd]++;
        s->v_weight[vd] += w;
    }
    int32_t set = nv_eval_dset(e, k);
    if (set >= 0) {
        s->s_count[set]++;
        s->s_weight[set] += w;
        if (vd >= 0 && e->selected[vd])
            s->s_selected[set] |= e->strict[vd] ? 1 : 2;
    }
}

static void sum_batch(const nv_eval *rules, size_t n, nv_eval_sums *sums)
{
    const nv_view *v = rules[0].view;
    const uint8_t *fn = v->inv->function, *tags = v->tag_bits;
    rule_tables t;
    build_tables(&t, rules, n);
    for (size_t k = 0; k < v->n; k++) {
        if (!v->counted[k])
            continue;
        uint64_t m = t.by_fn[fn ? fn[k] : 31u] & t.by_tag[tags ? tags[k] : 0];
        if (!m)
            continue;
        double w = nv_eval_weight(&rules[0], k);
        for (; m; m &= m - 1) {
            unsigned j = (unsigned)__builtin_ctzll(m);
            if (((t.slow >> j) & 1) &&
                !nv_scope_match_slow(&rules[j].scope, v, k))
                continue;
            add_element(&rules[j], &sums[j], k, w);
        }
    }
}

static int sums_alloc(nv_eval_sums *s, size_t n_vendors, size_t n_sets)
{
    memset(s, 0, sizeof(*s));
    s->v_count = nv_calloc(n_vendors + 1, sizeof(*s->v_count));
    s->v_weight = nv_calloc(n_vendors + 1, sizeof(*s->v_weight));
    s->s_count = nv_calloc(n_sets + 1, sizeof(*s->s_count));
    s->s_weight = nv_calloc(n_sets + 1, sizeof(*s->s_weight));
    s->s_selected = nv_calloc(n_sets + 1, 1);
    return s->v_count && s->v_weight && s->s_count && s->s_weight &&
                   s->s_selected
               ? 0
               : NETVET_ENOMEM;
}

int nv_eval_sum_rules(const nv_eval *rules, size_t n, nv_eval_sums *sums)
{
    for (size_t i = 0; i < n; i++)
        memset(&sums[i], 0, sizeof(sums[i]));
    for (size_t i = 0; i < n; i++)
        if (sums_alloc(&sums[i], rules[i].n_vendors,
                       rules[i].view->n_dsets) < 0) {
            nv_eval_sums_dispose(sums, n);
            return NETVET_ENOMEM;
        }
    for (size_t i = 0; i < n; i += BATCH)
        sum_batch(rules + i, n - i < BATCH ? n - i : BATCH, sums + i);
    return 0;
}

void nv_eval_sums_dispose(nv_eval_sums *sums, size_t n)
{
    for (size_t i = 0; sums && i < n; i++) {
        nv_free(sums[i].v_count);
        nv_free(sums[i].v_weight);
        nv_free(sums[i].s_count);
        nv_free(sums[i].s_weight);
        nv_free(sums[i].s_selected);
        memset(&sums[i], 0, sizeof(sums[i]));
    }
}
