/* SPDX-License-Identifier: Apache-2.0 */
/* Load links.csv: undirected a-b pairs of known element ids. A link to an
 * unknown id, an empty end or a bad capacity is a bad row. Ends are found
 * by guesses from the file's order first, then the id map (or, for
 * elements whose ids are in order and have none, a search). */
#include <string.h>

#include "inventory/load.h"
#include "util/alloc.h"

static nv_csv_field field(const nv_loader *L, nv_col c)
{
    int p = L->pos[c];
    return p < 0 ? (nv_csv_field){"", 0} : L->fields[p]; /* trimmed */
}

/* The link columns: a and b. (A link's line, kind and capacity are not
 * kept: nothing after the load reads them.) */
#define LINK_COLUMNS 2
static void link_columns(nv_loader *L, uint32_t **col[LINK_COLUMNS])
{
    col[0] = &L->inv->link_a;
    col[1] = &L->inv->link_b;
}

static int resize_links(nv_loader *L, size_t cap)
{
    uint32_t **col[LINK_COLUMNS];
    link_columns(L, col);
    for (size_t i = 0; i < LINK_COLUMNS; i++) {
        uint32_t *p = nv_reallocarray(*col[i], cap, sizeof(uint32_t));
        if (!p)
            return NETVET_ENOMEM;
        *col[i] = p;
    }
    L->inv->links_cap = cap;
    return 0;
}

static int grow_links(nv_loader *L)
{
    netvet_inventory *inv = L->inv;
    if (inv->n_links < inv->links_cap)
        return 0;
    if (L->shared_columns) /* sized for every line of the part */
        return NETVET_ERROR;
    return resize_links(L, inv->links_cap ? inv->links_cap * 2
                           : (L->expect_rows > 16 ? L->expect_rows : 16));
}

int nv_links_alloc(nv_loader *L, size_t rows)
{
    L->expect_rows = rows;
    return resize_links(L, rows ? rows : 1);
}

int nv_links_share(nv_loader *L, nv_loader *from, size_t base, size_t rows)
{
    uint32_t **mine[LINK_COLUMNS], **theirs[LINK_COLUMNS];
    link_columns(L, mine);
    link_columns(from, theirs);
    for (size_t i = 0; i < LINK_COLUMNS; i++)
        *mine[i] = *theirs[i] + base;
    L->inv->links_cap = rows;
    L->expect_rows = rows;
    L->shared_columns = 1;
    return 0;
}

void nv_links_unshare(nv_loader *L)
{
    uint32_t **col[LINK_COLUMNS];
    if (!L->shared_columns)
        return;
    link_columns(L, col);
    for (size_t i = 0; i < LINK_COLUMNS; i++)
        *col[i] = NULL;
    L->shared_columns = 0;
}

/* Link files list links grouped by device (an end repeats the previous
 * link's) or in element order (the element after it): the end's last row
 * (`last`, -1 at first) and the row after it are tried by comparing id
 * bytes before anything else (the id map's slots are random accesses over
 * hundreds of MB). */
static int64_t guess_row(const netvet_inventory *el, int64_t last,
                         nv_csv_field f)
{
    for (int64_t r = last; last >= 0 && r <= last + 1; r++) {
        if ((size_t)r >= el->n)
            break;
        if (nv_strtab_strlen(&el->ids, (uint32_t)r) == f.len &&
            nv_equal_bytes(nv_strtab_get(&el->ids, (uint32_t)r), f.p, f.len))
            return r;
    }
    return -1;
}

/* Elements whose ids are in order have no id map: an end the guesses
 * miss is searched for outwards from the end's last row (a file grouped
 * by device steps back a few rows at a time), unless the searches have
 * cost more than 65536 compares and 8 per row: then -2 with *rc =
 * NV_ENEEDMAP (a file in random order gets there within a few thousand
 * rows). */
static int64_t search(nv_loader *L, int64_t from, nv_csv_field f, int *rc)
{
    if (L->searches > 65536 && L->searches > 8 * L->stats->rows_read) {
        *rc = NV_ENEEDMAP;
        return -2;
    }
    return nv_inv_search_near(L->lookup, from < 0 ? SIZE_MAX : (size_t)from,
                              f.p, f.len, &L->searches);
}

/* The last rows' ends, and the rows of ends seen lately (an aggregation
 * node's links come back to it after its children's), by nv_field_mix:
 * row + 1, 0 = none. */
typedef struct link_ctx {
    int64_t last[2];
    uint32_t seen[256];
    nv_number_memo capacity; /* the last capacity accepted */
} link_ctx;

/* Row of end f, which its guesses missed: the ends seen lately, then the
 * id map or a search. @return the row, -1 when absent, or -2 with *rc =
 * NV_ENEEDMAP. */
static int64_t find_end(nv_loader *L, link_ctx *c, int end, nv_csv_field f,
                        int *rc)
{
    const netvet_inventory *el = L->lookup;
    uint32_t *seen = &c->seen[nv_field_mix(f) >> 56];
    int64_t k = (int64_t)*seen - 1;
    if (k >= 0 && (size_t)k < el->n && nv_inv_id_cmp(el, (size_t)k, f.p, f.len) == 0)
        return k;
    if (!el->idmap.slots)
        k = search(L, c->last[end], f, rc);
    else /* the batch hashed the ends unless guesses did well */
        k = nv_idmap_find(&el->idmap, el->ids.bytes,
                          L->keys.n ? L->rec->hash[end]
                                    : nv_hash_bytes(f.p, f.len),
                          f.p, f.len);
    if (k >= 0)
        *seen = (uint32_t)k + 1;
    return k;
}

/* Resolve one end. @return 0, or 1 after reporting a bad row (or with
 * *rc = NV_ENEEDMAP). */
static int link_end(nv_loader *L, link_ctx *c, int end, uint32_t *out,
                    int *rc)
{
    nv_col col = end ? NV_COL_B : NV_COL_A;
    nv_csv_field f = field(L, col);
    if (f.len == 0) {
        *rc = nv_loader_bad_row(L, L->pos[col] + 1, "empty link end '%s'",
                                nv_col_name(col));
        return 1;
    }
    int64_t k = guess_row(L->lookup, c->last[end], f);
    L->guess_hit += k >= 0;
    L->guess_miss += k < 0;
    if (k < 0 && (k = find_end(L, c, end, f, rc)) == -2)
        return 1;
    if (k < 0) {
        *rc = nv_loader_bad_row(L, L->pos[col] + 1,
                                "link end '%.*s' is not a known element id",
                                (int)(f.len > 128 ? 128 : f.len), f.p);
        return 1;
    }
    *out = (uint32_t)k;
    c->last[end] = k;
    return 0;
}

static int load_link(nv_loader *L, void *ctx)
{
    link_ctx *c = ctx;
    netvet_inventory *inv = L->inv;
    uint32_t a, b;
    double cap = 0;
    int rc = 0;
    if (L->n_fields != L->n_cols)
        return nv_loader_bad_row(L, 0, "expected %zu fields, found %zu",
                                 L->n_cols, L->n_fields);
    if (L->rec->bad_utf8 >= 0)
        return nv_loader_bad_row(L, (unsigned long)L->rec->bad_utf8 + 1,
                                 "invalid UTF-8");
    if (link_end(L, c, 0, &a, &rc) || link_end(L, c, 1, &b, &rc))
        return rc;
    nv_csv_field fc = field(L, NV_COL_CAPACITY);
    if (fc.len && nv_field_weight(&c->capacity, fc, &cap) < 0)
        return nv_loader_bad_row(L, L->pos[NV_COL_CAPACITY] + 1,
                                 "capacity '%.*s' is not a number from 0 to 1e15",
                                 (int)(fc.len > 64 ? 64 : fc.len), fc.p);
    if ((rc = grow_links(L)) < 0)
        return rc;
    size_t i = inv->n_links;
    inv->link_a[i] = a;
    inv->link_b[i] = b;
    inv->n_links++;
    L->stats->rows_loaded++;
    return 0;
}

int nv_load_links(nv_loader *L)
{
    int map = L->lookup->idmap.slots != NULL; /* else binary search */
    L->keys.n = map ? 2 : 0;
    L->keys.pos[0] = L->pos[NV_COL_A];
    L->keys.pos[1] = L->pos[NV_COL_B];
    L->keys_are_lookups = map;
    link_ctx c = {{-1, -1}, {0}, NV_NUMBER_MEMO_INIT};
    return nv_loader_rows(L, "links", load_link, &c);
}
