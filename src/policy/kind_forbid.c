/* SPDX-License-Identifier: Apache-2.0 */
/* The forbid rule kind: no element of a selected (e.g. high-risk) vendor
 * may be in scope. One finding per selected vendor present, with its
 * elements. The planner can target it: replace those elements. When no
 * selected vendor is in scope but some element in scope has a vendor that
 * could not be resolved, the rule is undetermined (value: their count):
 * that element could be of a forbidden vendor (assess/incomplete.c). */
#include "policy/eval_ctx.h"
#include "policy/rule_kind.h"
#include "util/alloc.h"

static int evaluate(nv_eval *e, nv_findings *out)
{
    nv_eval_accumulate(e, 0);
    size_t nv = e->n_vendors, any = 0;
    uint64_t hits = 0, known = 0;
    for (size_t i = 0; i < e->n_order; i++) {
        any += e->selected[e->order[i]];
        hits += e->selected[e->order[i]] ? e->v_count[e->order[i]] : 0;
        known += e->v_count[e->order[i]];
    }
    uint64_t unknown = e->total_count - known;
    int status = !e->total_count ? NV_RESULT_NOT_APPLICABLE
                 : hits          ? NV_RESULT_FAIL
                 : unknown       ? NV_RESULT_UNDETERMINED
                                 : NV_RESULT_PASS;
    if (nv_results_add(e->results, e->rule_index, "", "elements",
                       (double)(status == NV_RESULT_UNDETERMINED ? unknown
                                                                 : hits),
                       0, status) < 0)
        return NETVET_ENOMEM;
    if (!any)
        return 0;
    uint32_t **lists;
    int err = nv_eval_make_lists(e, NV_EVAL_BY_VENDOR, nv, e->selected,
                                 e->v_count, &lists);
    for (size_t i = 0; !err && i < e->n_order; i++) {
        uint32_t v = e->order[i];
        if (!e->selected[v])
            continue;
        unsigned long long n = e->v_count[v];
        nv_text msg = {0};
        nv_text_add(&msg, "%s has %llu element%s in scope (%s); none allowed",
                    nv_eval_vendor_id(e, v), n, n == 1 ? "" : "s",
                    e->scope.desc);
        err = NETVET_ENOMEM;
        if (!msg.oom) { /* the finding owns the list, even on failure */
            err = nv_eval_emit(e, out, nv_eval_vendor_id(e, v), "elements",
                               (double)n, 0, msg.s, lists[v], n);
            lists[v] = NULL;
        }
        nv_text_dispose(&msg);
    }
    nv_eval_free_lists(lists, nv);
    return err;
}

const nv_rule_kind_ops nv_kind_forbid = {
    "forbid", NV_KIND_COUNTS, NV_PLAN_BAN, NULL, evaluate,
};
