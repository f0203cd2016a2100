/* SPDX-License-Identifier: Apache-2.0 */
/* The inventory builder (netvet/sources.h): elements and links handed over
 * one at a time are kept as text, then written as netvet CSV with only the
 * columns some element used, and loaded by the ordinary loader, so a
 * program that polls devices gets every check a file gets. */
#include <stdio.h>
#include <string.h>

#include "import/import.h"
#include "inventory/inv.h"
#include "netvet/sources.h"
#include "util/alloc.h"
#include "util/diag.h"

/* The columns, in the order they are written; the order of the fields of
 * netvet_element_fields after `version`. */
static const char *const columns[] = {
    "id", "vendor", "function", "name", "model", "software", "site",
    "region", "weight", "installed", "status", "tags", "mac",
    "sys_object_id", "sys_descr", "lldp_descr", "cpe"};
#define N_COLUMNS (sizeof columns / sizeof columns[0])

struct netvet_inventory_builder {
    char *name;
    char **cells;          /* N_COLUMNS per element (NULL = empty) */
    size_t n;              /* elements */
    size_t cells_cap;      /* cells allocated */
    int used[N_COLUMNS];   /* some element set the column */
    nv_sbuf links;         /* "a,b\n" rows, header first */
};

int netvet_inventory_builder_new(netvet_inventory_builder **out,
                                 const char *name)
{
    netvet_inventory_builder *b = nv_calloc(1, sizeof *b);
    *out = NULL;
    if (!b || !(b->name = nv_strdup(name && *name ? name : "inventory"))) {
        nv_free(b);
        return NETVET_ENOMEM;
    }
    b->used[0] = b->used[1] = b->used[2] = 1; /* id, vendor, function */
    *out = b;
    return NETVET_OK;
}

void netvet_inventory_builder_free(netvet_inventory_builder *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n * N_COLUMNS; i++)
        nv_free(b->cells[i]);
    nv_free(b->cells);
    nv_sbuf_free(&b->links);
    nv_free(b->name);
    nv_free(b);
}

/* The fields of e as an array in column order. */
static void field_values(const netvet_element_fields *e,
                         const char *v[N_COLUMNS])
{
    const char *const f[N_COLUMNS] = {
        e->id, e->vendor, e->function, e->name, e->model, e->software,
        e->site, e->region, e->weight, e->installed, e->status, e->tags,
        e->mac, e->sys_object_id, e->sys_descr, e->lldp_descr, e->cpe};
    memcpy(v, f, sizeof f);
}

int netvet_inventory_builder_add_element(netvet_inventory_builder *b,
                                         const netvet_element_fields *e)
{
    if (!e || e->version < 1)
        return NETVET_EINVAL;
    if (NV_GROW(b->cells, b->cells_cap, (b->n + 1) * N_COLUMNS) < 0)
        return NETVET_ENOMEM;
    const char *v[N_COLUMNS];
    field_values(e, v);
    char **row = b->cells + b->n * N_COLUMNS;
    int oom = 0;
    for (size_t c = 0; c < N_COLUMNS; c++) {
        row[c] = v[c] && *v[c] ? nv_strdup(v[c]) : NULL;
        oom |= v[c] && *v[c] && !row[c];
        b->used[c] |= row[c] != NULL;
    }
    b->n++;
    return oom ? NETVET_ENOMEM : NETVET_OK;
}

int netvet_inventory_builder_add_link(netvet_inventory_builder *b,
                                      const char *a, const char *z)
{
    nv_csv_row r;
    if (b->links.len == 0)
        nv_sbuf_puts(&b->links, "a,b\n");
    nv_csv_begin(&r, &b->links);
    nv_csv_cstr(&r, a);
    nv_csv_cstr(&r, z);
    nv_csv_end(&r);
    return b->links.oom ? NETVET_ENOMEM : NETVET_OK;
}

/* The elements as CSV: the used columns, a row per element. */
static void write_elements(const netvet_inventory_builder *b, nv_sbuf *out)
{
    nv_csv_row r;
    nv_csv_begin(&r, out);
    for (size_t c = 0; c < N_COLUMNS; c++)
        if (b->used[c])
            nv_csv_cstr(&r, columns[c]);
    nv_csv_end(&r);
    for (size_t k = 0; k < b->n; k++) {
        char *const *row = b->cells + k * N_COLUMNS;
        nv_csv_begin(&r, out);
        for (size_t c = 0; c < N_COLUMNS; c++)
            if (b->used[c])
                nv_csv_cstr(&r, row[c]);
        nv_csv_end(&r);
    }
}

int netvet_inventory_builder_build(netvet_inventory **out,
                                   const netvet_inventory_builder *b,
                                   const netvet_load_options *opts,
                                   netvet_diag *diag)
{
    char el_name[512], ln_name[512];
    snprintf(el_name, sizeof el_name, "%s/elements.csv", b->name);
    snprintf(ln_name, sizeof ln_name, "%s/links.csv", b->name);
    *out = NULL;
    nv_sbuf el = {0};
    write_elements(b, &el);
    int rc = el.oom || b->links.oom
                 ? nv_diag_fail(diag, NETVET_ENOMEM, el_name, 0, 0,
                                "out of memory")
                 : nv_inventory_load_buffers(out, el.p, el.len, el_name,
                                             b->links.len ? b->links.p : NULL,
                                             b->links.len, ln_name, opts,
                                             diag);
    nv_sbuf_free(&el);
    return rc;
}
