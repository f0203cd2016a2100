/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: arbitrary bytes as elements.csv (and the same bytes as
 * links.csv), loaded in one part and in three: rows read = loaded +
 * skipped, and both loads agree on the status, every element (id, line,
 * vendor, name), every link, the counts and the diagnostics. The bytes are
 * also tokenized into batches with the tokenizer's fast path on and forced
 * off, which must agree on every record, field and hash. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inventory/batch.h"
#include "inventory/inv.h"
#include "inventory/parts.h"

typedef struct trace {
    uint64_t hash; /* of every diagnostic, in order */
    size_t n;
} trace;

static void record(const netvet_diag_entry *e, void *payload)
{
    trace *t = payload;
    uint64_t h = nv_hash_bytes(e->message, strlen(e->message));
    t->hash = (t->hash ^ h ^ e->line * 31 ^ e->column) * 0x100000001b3ULL;
    t->n++;
}

static int load(netvet_inventory **inv, const uint8_t *data, size_t size,
                size_t parts, trace *t)
{
    netvet_diag *diag = NULL;
    if (netvet_diag_new(&diag, record, t) < 0)
        abort();
    nv_parts_forced = parts;
    int rc = nv_inventory_load_buffers(inv, (const char *)data, size, "fuzz",
                                       (const char *)data, size,
                                       "fuzz-links", NULL, diag);
    nv_parts_forced = 0;
    netvet_diag_free(diag);
    return rc;
}

static int same_str(const netvet_inventory *a, const netvet_inventory *b,
                    uint32_t sa, uint32_t sb)
{
    return strcmp(nv_inv_str(a, sa), nv_inv_str(b, sb)) == 0;
}

static void compare(const netvet_inventory *a, const netvet_inventory *b)
{
    if (a->n != b->n || a->n_links != b->n_links)
        abort();
    for (int w = 0; w < 2; w++) {
        netvet_load_stats s = netvet_inventory_stats(a, w),
                          u = netvet_inventory_stats(b, w);
        if (s.rows_read != s.rows_loaded + s.rows_skipped ||
            memcmp(&s, &u, sizeof(s)) != 0)
            abort();
    }
    for (size_t k = 0; k < a->n; k++)
        if (strcmp(nv_inv_id(a, k), nv_inv_id(b, k)) != 0 ||
            a->line[k] != b->line[k] ||
            !same_str(a, b, a->vendor[k], b->vendor[k]) ||
            (a->site && !same_str(a, b, a->site[k], b->site[k])) ||
            (a->mac && !same_str(a, b, a->mac[k], b->mac[k])))
            abort();
    for (size_t i = 0; i < a->n_links; i++)
        if (a->link_a[i] != b->link_a[i] || a->link_b[i] != b->link_b[i])
            abort();
}

static void same_records(const nv_batch *a, const nv_batch *b,
                         const nv_batch_keys *k, const char *buf, size_t len)
{
    for (size_t i = 0; i < a->n; i++) {
        const nv_rec *x = &a->rec[i], *y = &b->rec[i];
        if (x->end != y->end || x->line != y->line || x->field0 != y->field0 ||
            x->n_fields != y->n_fields || x->status != y->status ||
            x->err_column != y->err_column || x->err != y->err ||
            x->bad_utf8 != y->bad_utf8 || x->hash[0] != y->hash[0] ||
            x->hash[1] != y->hash[1])
            abort();
        int hashed = k->hash_col && x->status == NV_CSV_RECORD &&
                     x->n_fields == k->n_cols;
        for (size_t f = x->field0; f < x->field0 + x->n_fields; f++) {
            const nv_csv_field *u = &a->fields[f], *v = &b->fields[f];
            if (u->len != v->len || memcmp(u->p, v->p, u->len) != 0 ||
                (u->p >= buf && u->p < buf + len && u->p != v->p) ||
                (hashed && k->hash_col[f - x->field0] &&
                 a->hashes[f] != b->hashes[f]))
                abort();
        }
    }
}

/* Batches of 3 records with the fast path (a) and without (b). */
static void compare_tokenizers(const uint8_t *data, size_t size)
{
    static const uint8_t flags[4] = {1, 0, 1, 1};
    char *buf = malloc(size ? size : 1);
    if (!buf)
        abort();
    if (size) /* data may be NULL when empty */
        memcpy(buf, data, size);
    nv_batch_keys k = {1 + size % 4, (int)(size % 3), {0, (int)(size % 2)},
                       size % 5 ? flags : NULL};
    nv_csv ca, cb;
    nv_batch a = {0}, b = {0};
    nv_csv_init(&ca, buf, size);
    nv_csv_init(&cb, buf, size);
    for (long n = 1; n > 0;) {
        n = nv_batch_fill(&a, &ca, 3, &k);
        nv_csv_fast_disabled = 1;
        long m = nv_batch_fill(&b, &cb, 3, &k);
        nv_csv_fast_disabled = 0;
        if (n != m || ca.cur != cb.cur || ca.next_line != cb.next_line ||
            a.n_fields != b.n_fields)
            abort();
        same_records(&a, &b, &k, buf, size);
    }
    nv_batch_dispose(&a);
    nv_batch_dispose(&b);
    nv_csv_dispose(&ca);
    nv_csv_dispose(&cb);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    compare_tokenizers(data, size);
    netvet_inventory *one = NULL, *three = NULL;
    trace t1 = {0, 0}, t3 = {0, 0};
    int rc1 = load(&one, data, size, 1, &t1);
    int rc3 = load(&three, data, size, 3, &t3);
    if (rc1 != rc3 || t1.n != t3.n || t1.hash != t3.hash)
        abort();
    if (rc1 == 0)
        compare(one, three);
    netvet_inventory_free(one);
    netvet_inventory_free(three);
    return 0;
}
