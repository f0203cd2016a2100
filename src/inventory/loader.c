/* Header parsing and error policy common to the element and link loaders. */
#include "inventory/load.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/diag.h"

static int check_required(nv_loader *L, int links)
{
    static const nv_col el_req[] = {NV_COL_ID, NV_COL_VENDOR, NV_COL_FUNCTION};
    static const nv_col ln_req[] = {NV_COL_A, NV_COL_B};
    const nv_col *req = links ? ln_req : el_req;
    size_t n = links ? 2 : L->evidence_only ? 1 : 3;
    for (size_t i = 0; i < n; i++) {
        if (L->pos[req[i]] < 0)
            return nv_diag_fail(L->diag, NETVET_EPARSE, L->file, L->csv.line,
                                0, "missing required column '%s'",
                                nv_col_name(req[i]));
    }
    return 0;
}

static int add_attribute(nv_loader *L, size_t pos, nv_csv_field f)
{
    netvet_inventory *inv = L->inv;
    size_t cap = inv->n_attrs;
    nv_attr_column *a = nv_reallocarray(inv->attrs, cap + 1, sizeof(*a));
    if (!a)
        return NETVET_ENOMEM;
    inv->attrs = a;
    a[cap].value = NULL;
    int rc = nv_strtab_intern(&inv->strings, f.p, f.len, &a[cap].name, NULL);
    if (rc < 0)
        return rc;
    L->attr[pos] = (int32_t)cap;
    inv->n_attrs++;
    return 0;
}

static int map_column(nv_loader *L, size_t i, int links)
{
    nv_csv_field f = nv_field_trim(L->csv.fields[i]);
    if (f.len == 0)
        return nv_diag_fail(L->diag, NETVET_EPARSE, L->file, L->csv.line,
                            i + 1, "empty column name in header");
    nv_col c = nv_col_lookup(f.p, f.len, links);
    L->col[i] = c;
    L->attr[i] = -1;
    if (c != NV_COL_ATTR) {
        if (L->pos[c] >= 0)
            return nv_diag_fail(L->diag, NETVET_EPARSE, L->file, L->csv.line,
                                i + 1, "duplicate column '%s'", nv_col_name(c));
        L->pos[c] = (int)i;
        return 0;
    }
    if (links) {
        nv_diag_warn(L->diag, L->file, L->csv.line, i + 1,
                     "column '%.*s' is not used in links and is ignored",
                     (int)f.len, f.p);
        return 0;
    }
    for (size_t k = 0; k < L->inv->n_attrs; k++) {
        uint32_t nm = L->inv->attrs[k].name;
        if (nv_strtab_strlen(&L->inv->strings, nm) == f.len &&
            strncmp(nv_inv_str(L->inv, nm), f.p, f.len) == 0)
            return nv_diag_fail(L->diag, NETVET_EPARSE, L->file, L->csv.line,
                                i + 1, "duplicate column '%.*s'", (int)f.len,
                                f.p);
    }
    return add_attribute(L, i, f);
}

int nv_loader_header(nv_loader *L, int links)
{
    for (int c = 0; c < NV_COL_COUNT; c++)
        L->pos[c] = -1;
    int rc = nv_csv_next(&L->csv);
    if (rc < 0)
        return rc;
    if (rc == NV_CSV_EOF)
        return nv_diag_fail(L->diag, NETVET_EPARSE, L->file, 0, 0,
                            "empty file: no header row");
    if (rc == NV_CSV_BAD)
        return nv_diag_fail(L->diag, NETVET_EPARSE, L->file, L->csv.line,
                            L->csv.err_column, "bad header: %s", L->csv.err);
    L->n_cols = L->csv.n_fields;
    L->col = nv_calloc(L->n_cols, sizeof(*L->col));
    L->attr = nv_calloc(L->n_cols, sizeof(*L->attr));
    if (!L->col || !L->attr)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < L->n_cols; i++) {
        if ((rc = map_column(L, i, links)) < 0)
            return rc;
    }
    return check_required(L, links);
}

int nv_loader_bad_row(nv_loader *L, unsigned long column, const char *fmt,
                      ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    L->stats->rows_skipped++;
    if (L->opts->strict)
        return nv_diag_fail(L->diag, NETVET_EPARSE, L->file, L->csv.line,
                            column, "%s", msg);
    nv_diag_warn(L->diag, L->file, L->csv.line, column, "%s; row skipped",
                 msg);
    return 0;
}

static void progress(nv_loader *L, const char *what)
{
    if (!L->opts->show_progress || !L->opts->progress_fn ||
        (L->stats->rows_read & 0xFFFFF) != 0)
        return;
    uint64_t done = L->total_bytes - (uint64_t)(L->csv.end - L->csv.cur);
    L->opts->progress_fn(what, done, L->total_bytes, L->opts->progress_payload);
}

int nv_loader_rows(nv_loader *L, const char *what,
                   int (*load_row)(nv_loader *L, void *ctx), void *ctx)
{
    for (;;) {
        int rc = nv_csv_next(&L->csv);
        if (rc == NV_CSV_EOF)
            return 0;
        if (rc < 0)
            return rc;
        L->stats->rows_read++;
        progress(L, what);
        if (rc == NV_CSV_BAD)
            rc = nv_loader_bad_row(L, L->csv.err_column, "%s", L->csv.err);
        else
            rc = load_row(L, ctx);
        if (rc < 0)
            return rc;
    }
}

void nv_loader_dispose(nv_loader *L)
{
    nv_csv_dispose(&L->csv);
    nv_free(L->col);
    nv_free(L->attr);
}
