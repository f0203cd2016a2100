/* SPDX-License-Identifier: Apache-2.0 */
/* The warning every report carries when a --registry overlay changed who
 * can compel a built-in vendor (country, parent, state control,
 * listings; recorded by vendors/registry_changes.c): a text section
 * before the report and a JSON member "registry_changes". */
#include "report/formats.h"
#include "report/report.h"
#include "whatif/check.h"
#include "whatif/plan.h"

const netvet_registry *nv_report_registry(nv_report_kind kind,
                                          const nv_report_input *in)
{
    const netvet_assessment *a = in->assessment;
    if (kind == NETVET_REPORT_CHECK && in->check)
        a = in->check->before;
    if (kind == NETVET_REPORT_PLAN && in->plan)
        a = in->plan->before;
    return a ? a->view.reg : NULL;
}

void nv_report_text_registry_changes(FILE *out, const netvet_registry *reg)
{
    size_t n = netvet_registry_change_count(reg);
    if (!n)
        return;
    fprintf(out, "Registry overlays changed (warning: who can compel these "
                 "built-in vendors is not what netvet ships)\n");
    for (size_t i = 0; i < n; i++) {
        const netvet_registry_change *c = netvet_registry_change_at(reg, i);
        fprintf(out, "  %s:%lu: vendor %s: %s '%s' -> '%s'\n", c->file,
                c->line, c->vendor, c->field, c->before, c->after);
    }
    fputc('\n', out);
}

json_t *nv_report_json_registry_changes(const netvet_registry *reg)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < netvet_registry_change_count(reg); i++) {
        const netvet_registry_change *c = netvet_registry_change_at(reg, i);
        json_t *o = json_pack("{s:s, s:I, s:s, s:s, s:s, s:s}", "file",
                              c->file, "line", (json_int_t)c->line, "vendor",
                              c->vendor, "field", c->field, "before",
                              c->before, "after", c->after);
        if (!o || json_array_append_new(arr, o) < 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}
