/* SPDX-License-Identifier: Apache-2.0 */
/* Passes over the counted in-scope elements that the rule kinds share:
 * one counting pass per vendor and domain, and, only when a kind has a
 * finding, a second pass that fills exactly-sized element lists. */
#include "policy/eval_ctx.h"

#include "util/alloc.h"

void nv_eval_accumulate(nv_eval *e, int domains)
{
    const nv_view *v = e->view;
    for (size_t k = 0; !e->scope.empty && k < v->n; k++) {
        if (!v->counted[k] || !nv_scope_match(&e->scope, v, k))
            continue;
        double w = nv_eval_weight(e, k);
        int32_t vd = nv_eval_vendor(e, k);
        e->total_count++;
        e->total_weight += w;
        if (vd >= 0) {
            e->v_count[vd]++;
            e->v_weight[vd] += w;
        }
        if (domains) {
            int32_t d = nv_eval_domain(e, k);
            if (d >= 0) {
                e->d_count[d]++;
                e->d_weight[d] += w;
                e->d_selected[d] |= vd >= 0 && e->selected[vd];
            }
        }
    }
    e->n_order = 0;
    for (size_t i = 0; i < e->n_vendors; i++)
        if (e->v_count[e->by_id[i]])
            e->order[e->n_order++] = e->by_id[i];
}

/* Append each in-scope element to lists[group] (when not NULL). */
static void fill(nv_eval *e, int how, uint32_t **lists, size_t *pos)
{
    const nv_view *v = e->view;
    for (size_t k = 0; k < v->n; k++) {
        if (!v->counted[k] || !nv_scope_match(&e->scope, v, k))
            continue;
        int32_t vd = nv_eval_vendor(e, k), g;
        if (how == NV_EVAL_BY_DOMAIN)
            g = nv_eval_domain(e, k);
        else if (vd < 0 || !e->selected[vd])
            continue;
        else
            g = how == NV_EVAL_BY_VENDOR ? vd : 0;
        if (g >= 0 && lists[g])
            lists[g][pos[g]++] = (uint32_t)k;
    }
}

int nv_eval_make_lists(nv_eval *e, int how, size_t n, const uint8_t *want,
                       const uint64_t *count, uint32_t ***lists_out)
{
    uint32_t **lists = nv_calloc(n, sizeof(*lists));
    size_t *pos = nv_calloc(n, sizeof(*pos));
    int err = lists && pos ? 0 : NETVET_ENOMEM;
    for (size_t g = 0; !err && g < n; g++)
        if (want[g] && count[g] &&
            !(lists[g] = nv_reallocarray(NULL, count[g], sizeof(uint32_t))))
            err = NETVET_ENOMEM;
    if (!err)
        fill(e, how, lists, pos);
    nv_free(pos);
    *lists_out = lists;
    return lists ? err : NETVET_ENOMEM;
}

void nv_eval_free_lists(uint32_t **lists, size_t n)
{
    for (size_t g = 0; lists && g < n; g++)
        nv_free(lists[g]);
    nv_free(lists);
}

int32_t nv_eval_reading(const nv_eval *e, size_t k, int32_t vd)
{
    int32_t alt = e->view->alt_vendor[k];
    if (alt < 0 || (size_t)alt >= e->n_vendors)
        return vd;
    if (vd >= 0 && (size_t)vd < e->n_vendors && e->selected[vd])
        return vd;
    return e->selected[alt] ? alt : vd;
}

const char *nv_eval_vendor_id(const nv_eval *e, uint32_t v)
{
    return netvet_registry_vendor(e->view->reg, v)->id;
}
