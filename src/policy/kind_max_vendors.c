/* SPDX-License-Identifier: Apache-2.0 */
/* The max-vendors rule kind: at most `max` distinct selected vendors in
 * scope. One finding listing them, with all their in-scope elements. */
#include "policy/eval_ctx.h"
#include "policy/rule_kind.h"
#include "util/alloc.h"

static int evaluate(nv_eval *e, nv_findings *out)
{
    nv_eval_accumulate(e, 0);
    size_t m = 0;
    uint64_t total = 0;
    for (size_t i = 0; i < e->n_order; i++)
        if (e->selected[e->order[i]]) {
            m++;
            total += e->v_count[e->order[i]];
        }
    int over = (double)m > e->rule->max;
    if (nv_results_add(e->results, e->rule_index, "", "vendors", (double)m,
                       e->rule->max,
                       !e->total_count ? NV_RESULT_NOT_APPLICABLE
                       : over          ? NV_RESULT_FAIL
                                       : NV_RESULT_PASS) < 0)
        return NETVET_ENOMEM;
    if (!over)
        return 0;
    uint8_t want = 1;
    uint32_t **lists;
    int err = nv_eval_make_lists(e, NV_EVAL_ALL_SELECTED, 1, &want, &total,
                                 &lists);
    nv_text msg = {0};
    nv_text_add(&msg, "%zu %s vendor%s in scope (%s):", m, e->sel_word,
                m == 1 ? "" : "s", e->scope.desc);
    for (size_t i = 0, first = 1; i < e->n_order; i++)
        if (e->selected[e->order[i]]) {
            nv_text_add(&msg, "%s %s", first ? "" : ",",
                        nv_eval_vendor_id(e, e->order[i]));
            first = 0;
        }
    nv_text_add(&msg, "; at most %.0f allowed", e->rule->max);
    if (!err && msg.oom)
        err = NETVET_ENOMEM;
    if (!err) {
        err = nv_eval_emit(e, out, "", "vendors", (double)m, e->rule->max,
                           msg.s, lists[0], total);
        lists[0] = NULL;
    }
    nv_text_dispose(&msg);
    nv_eval_free_lists(lists, 1);
    return err;
}

const nv_rule_kind_ops nv_kind_max_vendors = {
    "max-vendors", NV_KIND_TAKES_MAX | NV_KIND_MAX_COUNT | NV_KIND_COUNTS,
    NV_PLAN_NONE, NULL, evaluate,
};
