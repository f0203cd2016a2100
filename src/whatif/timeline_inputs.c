/* SPDX-License-Identifier: Apache-2.0 */
/* The files a timeline read, as one list that serves both the reports'
 * provenance and their inputs (timeline.h, nv_tl_file): the inventory's
 * files with their size, the registry overlays, packs, attribution data,
 * pattern and waiver files and the scenarios, each with its SHA-256 and,
 * where known, its size and version; and what the registry
 * overlays changed in built-in vendors. Copied from the first point's
 * assessment, because the timeline keeps none of its assessments. */
#include <string.h>

#include "assess/assessment.h"
#include "util/alloc.h"
#include "whatif/timeline.h"

static char *dup_or_empty(const char *s)
{
    return nv_strdup(s ? s : "");
}

/* Append a copy of a file; one without a path is not listed. */
static int add_file(netvet_timeline *t, const char *role, const char *path,
                    long long bytes, const char *sha256, const char *version,
                    unsigned views)
{
    if (!path)
        return 0;
    nv_tl_file *f = &t->files_read[t->n_files_read];
    f->role = role;
    f->bytes = bytes;
    f->views = views;
    snprintf(f->sha256, sizeof(f->sha256), "%s", sha256 ? sha256 : "");
    t->n_files_read++; /* counted now: dispose frees what was copied */
    if (!(f->path = nv_strdup(path)) ||
        (version && !(f->version = nv_strdup(version))))
        return NETVET_ENOMEM;
    return 0;
}

/* The inventory's files (provenance only: reports list them apart). */
static int add_inventory(netvet_timeline *t, const netvet_inventory *inv)
{
    int rc = 0;
    for (int w = 0; rc == 0 && w < 2; w++)
        if (*netvet_inventory_path(inv, w))
            rc = add_file(t, w ? "links" : "elements",
                          netvet_inventory_path(inv, w),
                          (long long)netvet_inventory_file_size(inv, w),
                          netvet_inventory_sha256(inv, w), NULL,
                          NV_TL_PROVENANCE);
    return rc;
}

/* a's inputs (registry overlays, packs, attribution data, pattern and
 * waiver files; both views), in netvet_assessment_input's order. */
static int add_assessment(netvet_timeline *t, const netvet_assessment *a)
{
    size_t na = netvet_assessment_input_count(a);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < na; i++) {
        netvet_input in = netvet_assessment_input(a, i);
        rc = add_file(t, in.kind ? in.kind : "", in.path,
                      in.has_bytes ? (long long)in.bytes : -1, in.sha256,
                      in.version, NV_TL_PROVENANCE | NV_TL_INPUT);
    }
    return rc;
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

int nv_tl_keep_inputs(netvet_timeline *t, const netvet_inventory *inv,
                      const netvet_assessment *a,
                      const netvet_scenario *const *sc, size_t n)
{
    size_t na = netvet_assessment_input_count(a);
    size_t nc = netvet_registry_change_count(a->view.reg);
    t->files_read = nv_calloc(2 + na + n, sizeof(*t->files_read));
    t->reg_changes = nv_calloc(nc + 1, sizeof(*t->reg_changes));
    if (!t->files_read || !t->reg_changes)
        return NETVET_ENOMEM;
    int rc = add_inventory(t, inv);
    if (rc == 0)
        rc = add_assessment(t, a);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        netvet_input in = netvet_scenario_input(sc[i]);
        rc = add_file(t, "scenario", in.path, -1, in.sha256, NULL,
                      NV_TL_PROVENANCE | NV_TL_INPUT);
    }
    for (size_t i = 0; rc == 0 && i < nc; i++)
        rc = add_change(t, netvet_registry_change_at(a->view.reg, i));
    return rc;
}

void nv_tl_inputs_dispose(netvet_timeline *t)
{
    for (size_t i = 0; i < t->n_files_read; i++) {
        nv_free(t->files_read[i].path);
        nv_free(t->files_read[i].version);
    }
    nv_free(t->files_read);
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

size_t nv_tl_file_count(const netvet_timeline *t, unsigned view)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n_files_read; i++)
        n += (t->files_read[i].views & view) != 0;
    return n;
}

netvet_input nv_tl_file_input(const nv_tl_file *f)
{
    netvet_input in = NETVET_INPUT_NONE;
    in.kind = f->role;
    in.path = f->path;
    in.sha256 = f->sha256;
    in.version = f->version;
    in.has_bytes = f->bytes >= 0;
    in.bytes = f->bytes >= 0 ? (unsigned long long)f->bytes : 0;
    return in;
}

netvet_registry_change nv_tl_regchange_at(const netvet_timeline *t, size_t i)
{
    const nv_tl_regchange *x = &t->reg_changes[i];
    netvet_registry_change c = {x->file, x->line, x->vendor, x->field,
                                x->before, x->after};
    return c;
}
