/* SPDX-License-Identifier: Apache-2.0 */
/* What every report says about the files it was given besides the
 * inventory: the input files with their SHA-256 (registry overlays, the
 * user's packs, pattern files, waiver files) and, as a warning, what a --registry overlay changed in
 * who can compel a built-in vendor (country, parent, state control,
 * listings; recorded by vendors/registry_changes.c): text lines before the
 * report, JSON members "inputs" and "registry_changes". */
#include "report/formats.h"
#include "report/report.h"
#include "whatif/check.h"
#include "whatif/plan.h"

const netvet_assessment *nv_report_assessment(nv_report_kind kind,
                                              const nv_report_input *in)
{
    const netvet_assessment *a = in->assessment;
    if (kind == NETVET_REPORT_CHECK && in->check)
        a = in->check->before;
    if (kind == NETVET_REPORT_PLAN && in->plan)
        a = in->plan->before;
    return a;
}

/* Input i of a (registry overlays, packs, then pattern and waiver files). */
netvet_input nv_report_input_at(const netvet_assessment *a, size_t i)
{
    size_t nr = netvet_registry_input_count(a->view.reg);
    size_t np = netvet_policy_input_count(a->policy);
    netvet_input in = {NULL, NULL, NULL};
    if (i < nr)
        return netvet_registry_input(a->view.reg, i);
    if (i < nr + np)
        return netvet_policy_input(a->policy, i - nr);
    in.kind = a->file_inputs[i - nr - np].kind;
    in.path = a->file_inputs[i - nr - np].path;
    in.sha256 = a->file_inputs[i - nr - np].sha256;
    return in;
}

size_t nv_report_input_count(const netvet_assessment *a)
{
    return netvet_registry_input_count(a->view.reg) +
           netvet_policy_input_count(a->policy) + a->n_file_inputs;
}

static void text_input(FILE *out, netvet_input in)
{
    if (in.path)
        fprintf(out, "inputs: %s %s sha256 %s\n", in.kind, in.path, in.sha256);
}

void nv_report_text_inputs(FILE *out, const netvet_assessment *a,
                           const nv_report_input *ri)
{
    if (!a)
        return;
    size_t n = nv_report_input_count(a), ns = ri && ri->cases ? ri->n_cases : 0;
    if (n || ns)
        fputc('\n', out);
    for (size_t i = 0; i < n; i++)
        text_input(out, nv_report_input_at(a, i));
    for (size_t i = 0; i < ns; i++)
        text_input(out, netvet_scenario_input(ri->cases[i].scenario));
    nv_report_text_registry_changes(out, a->view.reg);
}

json_t *nv_report_json_inputs(const netvet_assessment *a)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < nv_report_input_count(a); i++) {
        netvet_input in = nv_report_input_at(a, i);
        json_t *o = json_pack("{s:s, s:s, s:s}", "kind", in.kind, "path",
                              in.path, "sha256", in.sha256);
        if (!o || json_array_append_new(arr, o) < 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

void nv_report_text_registry_changes(FILE *out, const netvet_registry *reg)
{
    size_t n = netvet_registry_change_count(reg);
    if (!n)
        return;
    fprintf(out, "\nRegistry overlays changed (warning: who can compel these "
                 "built-in vendors is not what netvet ships)\n");
    for (size_t i = 0; i < n; i++) {
        const netvet_registry_change *c = netvet_registry_change_at(reg, i);
        fprintf(out, "  %s:%lu: vendor %s: %s '%s' -> '%s'\n", c->file,
                c->line, c->vendor, c->field, c->before, c->after);
    }
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

int nv_report_json_scenario_inputs(json_t *doc, const nv_report_input *ri)
{
    json_t *arr = json_object_get(doc, "inputs");
    for (size_t i = 0; arr && ri->cases && i < ri->n_cases; i++) {
        netvet_input in = netvet_scenario_input(ri->cases[i].scenario);
        if (!in.path)
            continue;
        json_t *o = json_pack("{s:s, s:s, s:s}", "kind", in.kind, "path",
                              in.path, "sha256", in.sha256);
        if (!o || json_array_append_new(arr, o) < 0)
            return NETVET_ENOMEM;
    }
    return 0;
}
