/* SPDX-License-Identifier: Apache-2.0 */
/* The public face of the source table (netvet/sources.h): find a source,
 * run it over files or buffers, and load or write what it converted. */
#include <string.h>

#include "import/import.h"
#include "inventory/inv.h"
#include "netvet/sources.h"
#include "util/alloc.h"
#include "util/diag.h"

struct netvet_source {
    nv_import_format row; /* never instantiated: sources are table rows */
};

struct netvet_import {
    const nv_import_format *fmt;
    nv_import_out out;
    char *first;          /* name of the first input, for "no records" */
};

static const nv_import_format *row_of(const netvet_source *src)
{
    return (const nv_import_format *)src;
}

size_t netvet_source_count(void) { return nv_import_table_len; }

const netvet_source *netvet_source_at(size_t i)
{
    return i < nv_import_table_len
               ? (const netvet_source *)&nv_import_table[i] : NULL;
}

const netvet_source *netvet_source_find(const char *name)
{
    return (const netvet_source *)nv_import_find(name);
}

const char *netvet_source_name(const netvet_source *src)
{
    return row_of(src)->name;
}

const char *netvet_source_summary(const netvet_source *src)
{
    return row_of(src)->summary;
}

int netvet_source_evidence_only(const netvet_source *src)
{
    return row_of(src)->evidence_only;
}

int netvet_import_new(netvet_import **out, const netvet_source *src,
                      int strict, size_t n_inputs)
{
    *out = NULL;
    if (!src)
        return NETVET_EINVAL;
    netvet_import *imp = nv_calloc(1, sizeof *imp);
    if (!imp)
        return NETVET_ENOMEM;
    imp->fmt = row_of(src);
    imp->out.strict = strict;
    imp->out.n_inputs = n_inputs;
    *out = imp;
    return NETVET_OK;
}

void netvet_import_free(netvet_import *imp)
{
    if (!imp)
        return;
    nv_import_out_free(&imp->out);
    nv_free(imp->first);
    nv_free(imp);
}

static int remember(netvet_import *imp, const char *name, netvet_diag *diag)
{
    if (imp->first)
        return NETVET_OK;
    imp->first = nv_strdup(name ? name : "");
    return imp->first ? NETVET_OK
                      : nv_diag_fail(diag, NETVET_ENOMEM, name, 0, 0,
                                     "out of memory");
}

int netvet_import_add_file(netvet_import *imp, const char *path,
                           netvet_diag *diag)
{
    int rc = remember(imp, path, diag);
    return rc < 0 ? rc : nv_import_file(&imp->out, imp->fmt->fn, path, diag);
}

int netvet_import_add_buffer(netvet_import *imp, const char *data,
                             size_t len, const char *name, netvet_diag *diag)
{
    int rc = remember(imp, name, diag);
    if (rc < 0)
        return rc;
    if (len > NV_IMPORT_MAX_BYTES)
        return nv_diag_fail(diag, NETVET_ELIMIT, name, 0, 0,
                            "input is over %zu MiB", NV_IMPORT_MAX_BYTES >> 20);
    return imp->fmt->fn(&imp->out, data ? data : "", len, name, diag);
}

int netvet_import_finish(netvet_import *imp, netvet_diag *diag)
{
    int rc = nv_import_finish(&imp->out, imp->fmt, diag);
    if (rc == 0 && imp->out.elements.len == 0)
        rc = nv_import_bad(&imp->out, &imp->out.el, diag,
                           imp->first ? imp->first : "", 0, "no records");
    return rc;
}

netvet_import_counts netvet_import_count(const netvet_import *imp, int which)
{
    const nv_import_count *c = which ? &imp->out.ln : &imp->out.el;
    netvet_import_counts r = {c->read, c->written, c->skipped, c->ignored};
    return r;
}

int netvet_import_inventory(netvet_inventory **out, const netvet_import *imp,
                            const netvet_load_options *opts,
                            netvet_diag *diag)
{
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    if (opts) /* the fields the caller's version has */
        memcpy(&lo, opts,
               opts->version >= 4   ? sizeof lo
               : opts->version >= 3 ? offsetof(netvet_load_options, site_points)
               : opts->version >= 2 ? offsetof(netvet_load_options, sha256)
                                    : offsetof(netvet_load_options, evidence_only));
    lo.version = NETVET_LOAD_OPTIONS_VERSION;
    lo.evidence_only |= imp->fmt->evidence_only;
    const nv_sbuf *el = &imp->out.elements, *ln = &imp->out.links;
    return nv_inventory_load_buffers(out, el->p ? el->p : "", el->len,
                                     "elements.csv", ln->len ? ln->p : NULL,
                                     ln->len, "links.csv", &lo, diag);
}

int netvet_import_write(const netvet_import *imp, const char *dir,
                        netvet_diag *diag)
{
    return nv_import_write(&imp->out, dir, diag);
}
