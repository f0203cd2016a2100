/* SPDX-License-Identifier: Apache-2.0 */
/* What a timeline report says about its inputs besides the inventory: the
 * files (registry overlays, packs, pattern and waiver files, scenarios)
 * with their SHA-256, and what the registry overlays changed in built-in
 * vendors. Copied from the first point's assessment, because the timeline
 * keeps none of its assessments. */
#include <string.h>

#include "assess/assessment.h"
#include "util/alloc.h"
#include "whatif/timeline.h"

static char *dup_or_empty(const char *s)
{
    return nv_strdup(s ? s : "");
}

static int add_input(netvet_timeline *t, netvet_input in)
{
    if (!in.path)
        return 0;
    nv_tl_input *x = &t->inputs[t->n_inputs];
    x->kind = dup_or_empty(in.kind);
    x->path = dup_or_empty(in.path);
    snprintf(x->sha256, sizeof(x->sha256), "%s", in.sha256 ? in.sha256 : "");
    t->n_inputs++; /* counted even when a copy failed: dispose frees it */
    return x->kind && x->path ? 0 : NETVET_ENOMEM;
}

static int add_change(netvet_timeline *t, const netvet_registry_change *c)
{
    nv_tl_regchange *x = &t->reg_changes[t->n_reg_changes++];
    x->line = c->line;
    x->file = dup_or_empty(c->file);
    x->vendor = dup_or_empty(c->vendor);
    x->field = dup_or_empty(c->field);
    x->before = dup_or_empty(c->before);
    x->after = dup_or_empty(c->after);
    return x->file && x->vendor && x->field && x->before && x->after
               ? 0
               : NETVET_ENOMEM;
}

int nv_tl_keep_inputs(netvet_timeline *t, const netvet_assessment *a,
                      const netvet_scenario *const *sc, size_t n)
{
    size_t na = netvet_assessment_input_count(a);
    size_t nc = netvet_registry_change_count(a->view.reg);
    t->inputs = nv_calloc(na + n + 1, sizeof(*t->inputs));
    t->reg_changes = nv_calloc(nc + 1, sizeof(*t->reg_changes));
    if (!t->inputs || !t->reg_changes)
        return NETVET_ENOMEM;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < na; i++)
        rc = add_input(t, netvet_assessment_input(a, i));
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = add_input(t, netvet_scenario_input(sc[i]));
    for (size_t i = 0; rc == 0 && i < nc; i++)
        rc = add_change(t, netvet_registry_change_at(a->view.reg, i));
    return rc;
}

void nv_tl_inputs_dispose(netvet_timeline *t)
{
    for (size_t i = 0; i < t->n_inputs; i++) {
        nv_free(t->inputs[i].kind);
        nv_free(t->inputs[i].path);
    }
    nv_free(t->inputs);
    for (size_t i = 0; i < t->n_reg_changes; i++) {
        nv_tl_regchange *x = &t->reg_changes[i];
        nv_free(x->file);
        nv_free(x->vendor);
        nv_free(x->field);
        nv_free(x->before);
        nv_free(x->after);
    }
    nv_free(t->reg_changes);
}

netvet_input nv_tl_input_at(const netvet_timeline *t, size_t i)
{
    netvet_input in = NETVET_INPUT_NONE;
    if (i < t->n_inputs) {
        in.kind = t->inputs[i].kind;
        in.path = t->inputs[i].path;
        in.sha256 = t->inputs[i].sha256;
    }
    return in;
}

netvet_registry_change nv_tl_regchange_at(const netvet_timeline *t, size_t i)
{
    const nv_tl_regchange *x = &t->reg_changes[i];
    netvet_registry_change c = {x->file, x->line, x->vendor, x->field,
                                x->before, x->after};
    return c;
}
