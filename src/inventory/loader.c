/* SPDX-License-Identifier: Apache-2.0 */
/* Header parsing and error policy common to the element and link loaders. */
#include "inventory/load.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "util/alloc.h"
#include "util/diag.h"
#include "util/pages.h"

static int check_required(nv_loader *L, int links)
{
    static const nv_col el_req[] = {NV_COL_ID, NV_COL_VENDOR, NV_COL_FUNCTION};
    static const nv_col ln_req[] = {NV_COL_A, NV_COL_B};
    const nv_col *req = links ? ln_req : el_req;
    size_t n = links ? 2 : L->evidence_only ? 1 : 3;
    for (size_t i = 0; i < n; i++) {
        if (L->pos[req[i]] < 0)
            return nv_diag_fail(L->diag, NETVET_EPARSE, L->file, L->line,
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
    nv_csv_field f = nv_field_trim(L->fields[i]);
    if (f.len == 0)
        return nv_diag_fail(L->diag, NETVET_EPARSE, L->file, L->line,
                            i + 1, "empty column name in header");
    nv_col c = nv_col_lookup(f.p, f.len, links);
    L->col[i] = c;
    L->attr[i] = -1;
    if (c != NV_COL_ATTR) {
        if (L->pos[c] >= 0)
            return nv_diag_fail(L->diag, NETVET_EPARSE, L->file, L->line,
                                i + 1, "duplicate column '%s'", nv_col_name(c));
        L->pos[c] = (int)i;
        return 0;
    }
    if (links) {
        nv_diag_warn(L->diag, L->file, L->line, i + 1,
                     "column '%.*s' is not used in links and is ignored",
                     (int)f.len, f.p);
        return 0;
    }
    for (size_t k = 0; k < L->inv->n_attrs; k++) {
        uint32_t nm = L->inv->attrs[k].name;
        if (nv_strtab_strlen(&L->inv->strings, nm) == f.len &&
            strncmp(nv_inv_str(L->inv, nm), f.p, f.len) == 0)
            return nv_diag_fail(L->diag, NETVET_EPARSE, L->file, L->line,
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
    L->line = L->csv.line;
    L->fields = L->csv.fields;
    L->n_fields = L->csv.n_fields;
    if (rc == NV_CSV_BAD)
        return nv_diag_fail(L->diag, NETVET_EPARSE, L->file, L->line,
                            L->csv.err_column, "bad header: %s", L->csv.err);
    L->n_cols = L->csv.n_fields;
    L->col = nv_calloc(L->n_cols, sizeof(*L->col));
    L->attr = nv_calloc(L->n_cols, sizeof(*L->attr));
    L->hash_col = nv_calloc(L->n_cols, sizeof(*L->hash_col));
    if (!L->col || !L->attr || !L->hash_col)
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
        return nv_diag_fail(L->diag, NETVET_EPARSE, L->file, L->line,
                            column, "%s", msg);
    nv_diag_warn(L->diag, L->file, L->line, column, "%s; row skipped",
                 msg);
    return 0;
}

/* Count a batch's bytes into the shared total; the reporting part calls
 * the progress callback (every 64 batches). */
static void progress(nv_loader *L, const char *what, const nv_batch *b,
                     const char *from, size_t *batches)
{
    uint64_t add = (uint64_t)(b->rec[b->n - 1].end - from);
    uint64_t done = __atomic_add_fetch(L->bytes_done, add, __ATOMIC_RELAXED);
    if (!L->report_progress || !L->opts->show_progress ||
        !L->opts->progress_fn || (++*batches & 63) != 0)
        return;
    L->opts->progress_fn(what, done, L->total_bytes, L->opts->progress_payload);
}

#define BATCH_ROWS 1024
#define AHEAD 48 /* rows between prefetching a slot and probing it */

/* Links: start loading what row i will need, the id-map slots of its ends
 * and, for row i - AHEAD / 2 whose slots should have arrived by now, the
 * key bytes. */
static void prefetch(const nv_loader *L, const nv_batch *b, size_t i)
{
    const nv_idmap *m = &L->lookup->idmap;
    if (i < b->n && b->rec[i].status == NV_CSV_RECORD &&
        b->rec[i].n_fields == L->keys.n_cols)
        for (int k = 0; k < L->keys.n; k++)
            nv_idmap_prefetch(m, b->rec[i].hash[k]);
    size_t j = i - AHEAD / 2;
    if (i < AHEAD / 2 || j >= b->n || b->rec[j].status != NV_CSV_RECORD ||
        b->rec[j].n_fields != L->keys.n_cols)
        return;
    for (int k = 0; k < L->keys.n; k++)
        nv_idmap_prefetch_key(m, b->rec[j].hash[k], L->lookup->ids.bytes);
}

static int load_batch(nv_loader *L, const nv_batch *b,
                      int (*load_row)(nv_loader *L, void *ctx), void *ctx)
{
    int lookups = L->keys_are_lookups && L->keys.n;
    for (size_t i = 0; lookups && i < AHEAD && i < b->n; i++)
        prefetch(L, b, i);
    for (size_t i = 0; i < b->n; i++) {
        if (lookups)
            prefetch(L, b, i + AHEAD);
        const nv_rec *r = &b->rec[i];
        L->rec = r;
        L->fields = b->fields + r->field0;
        L->hashes = b->hashes ? b->hashes + r->field0 : NULL;
        L->n_fields = r->n_fields;
        L->line = r->line;
        L->stats->rows_read++;
        int rc = r->status == NV_CSV_BAD
                     ? nv_loader_bad_row(L, r->err_column, "%s", r->err)
                     : load_row(L, ctx);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* Links: hash and prefetch the ends of the next batch only when more
 * than 1 in 16 of the last batch's ends needed the id map (a file in
 * element or device order needs it for almost none; then the hashes and
 * prefetches are wasted work and memory traffic). */
static void choose_lookahead(nv_loader *L)
{
    unsigned long tries = L->guess_hit + L->guess_miss;
    if (tries < 256)
        return;
    L->keys.n = L->guess_miss * 16 <= tries ? 0 : 2;
    L->guess_hit = L->guess_miss = 0;
}

#define DROP_CHUNK (32u << 20)

/* Give back the mapped input before `upto` (rows already loaded, and
 * nothing points into them), in chunks of at least 32 MiB. */
static void drop_consumed(nv_loader *L, const char *upto)
{
    uintptr_t end = nv_page_down(upto);
    if (!L->drop_from || end < (uintptr_t)L->drop_from + DROP_CHUNK)
        return;
    madvise(L->drop_from, end - (uintptr_t)L->drop_from, MADV_DONTNEED);
    L->drop_from = (char *)end;
}

int nv_loader_rows(nv_loader *L, const char *what,
                   int (*load_row)(nv_loader *L, void *ctx), void *ctx)
{
    L->keys.n_cols = L->n_cols;
    L->keys.hash_col = L->hash_col;
    nv_batch b = {0};
    size_t batches = 0;
    long n;
    int rc = 0;
    while (rc == 0) {
        const char *from = L->csv.cur;
        if (L->keys_are_lookups)
            choose_lookahead(L);
        if ((n = nv_batch_fill(&b, &L->csv, BATCH_ROWS, &L->keys)) <= 0) {
            rc = (int)n;
            break;
        }
        rc = load_batch(L, &b, load_row, ctx);
        progress(L, what, &b, from, &batches);
        if (rc == 0)
            drop_consumed(L, b.rec[b.n - 1].end);
    }
    nv_batch_dispose(&b);
    return rc;
}

void nv_loader_dispose(nv_loader *L)
{
    nv_csv_dispose(&L->csv);
    nv_free(L->col);
    nv_free(L->attr);
    nv_free(L->hash_col);
}
