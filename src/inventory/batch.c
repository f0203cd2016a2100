/* SPDX-License-Identifier: Apache-2.0 */
/* Fill a batch from the tokenizer. Most records take its one-pass fast
 * path, which writes trimmed fields straight into the batch and says
 * whether a byte had its high bit set; the others are read by nv_csv_next
 * and copied. UTF-8 is checked field by field only when a record has a
 * high bit (all ASCII is the common case). */
#include "inventory/batch.h"

#include <string.h>

#include "inventory/columns.h"
#include "netvet/errors.h"
#include "util/alloc.h"
#include "util/strtab.h"

int nv_is_ascii(const char *s, size_t len)
{
    uint64_t acc = 0;
    size_t i = 0;
    for (; i + 32 <= len; i += 32) {
        uint64_t w[4];
        memcpy(w, s + i, 32);
        acc |= w[0] | w[1] | w[2] | w[3];
    }
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        acc |= w;
    }
    for (; i < len; i++)
        acc |= (unsigned char)s[i];
    return (acc & 0x8080808080808080ULL) == 0;
}

/* Trimming only removes ASCII blanks, so a field is valid UTF-8 trimmed
 * exactly when it is untrimmed. */
static long first_bad_field(const nv_csv_field *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (nv_utf8_check(f[i].p, f[i].len) != f[i].len)
            return (long)i;
    return -1;
}

static long first_bad_utf8(const nv_csv_field *f, size_t n, const char *raw,
                           size_t raw_len)
{
    return nv_is_ascii(raw, raw_len) ? -1 : first_bad_field(f, n);
}

/* The columns flagged in k->hash_col as bits, when there are at most 64
 * (else 0 and hash_keys reads the flags). */
static uint64_t flagged_columns(const nv_batch_keys *k)
{
    uint64_t cols = 0;
    for (size_t i = 0; k->hash_col && k->n_cols <= 64 && i < k->n_cols; i++)
        cols |= (uint64_t)(k->hash_col[i] != 0) << i;
    return cols;
}

/* Is there anything for hash_keys to hash? (Not for most element loads:
 * then its callers skip it and no record pays for the call.) */
static int hashes_wanted(const nv_batch_keys *k, uint64_t cols)
{
    return k->n || cols || (k->hash_col && k->n_cols > 64);
}

static void hash_keys(nv_rec *r, const nv_csv_field *f, uint64_t *hashes,
                      const nv_batch_keys *k, uint64_t cols)
{
    if (r->status != NV_CSV_RECORD || r->n_fields != k->n_cols)
        return;
    for (int i = 0; i < k->n; i++)
        r->hash[i] = nv_hash_bytes(f[k->pos[i]].p, f[k->pos[i]].len);
    for (; cols; cols &= cols - 1) {
        int i = __builtin_ctzll(cols);
        hashes[i] = nv_hash_bytes(f[i].p, f[i].len);
    }
    for (size_t i = 0; k->hash_col && k->n_cols > 64 && i < r->n_fields; i++)
        if (k->hash_col[i])
            hashes[i] = nv_hash_bytes(f[i].p, f[i].len);
}

/* Copy the tokenizer's current record into the batch (want: hash its
 * keys, hashes_wanted). */
static int add_record(nv_batch *b, const nv_csv *c, int status,
                      const char *start, const nv_batch_keys *k,
                      uint64_t cols, int want)
{
    if (NV_GROW(b->rec, b->cap, b->n + 1) < 0 ||
        /* + 1: never NULL, even for a record with no fields (NULL + 0 is
         * undefined behaviour; found by fuzz_csv) */
        NV_GROW(b->fields, b->fields_cap, b->n_fields + c->n_fields + 1) < 0 ||
        (k->hash_col &&
         NV_GROW(b->hashes, b->hashes_cap, b->n_fields + c->n_fields) < 0))
        return NETVET_ENOMEM;
    nv_rec *r = &b->rec[b->n++];
    memset(r, 0, sizeof(*r));
    r->end = c->cur;
    r->line = c->line;
    r->field0 = b->n_fields;
    r->n_fields = c->n_fields;
    r->status = status;
    r->err_column = c->err_column;
    r->err = c->err;
    nv_csv_field *f = b->fields + b->n_fields;
    if (c->n_fields)
        memcpy(f, c->fields, c->n_fields * sizeof(*f));
    b->n_fields += c->n_fields;
    r->bad_utf8 = status == NV_CSV_RECORD
                      ? first_bad_utf8(f, r->n_fields, start,
                                       (size_t)(c->cur - start))
                      : -1;
    for (size_t i = 0; i < r->n_fields; i++)
        f[i] = nv_field_trim(f[i]);
    if (want)
        hash_keys(r, f, b->hashes ? b->hashes + r->field0 : NULL, k, cols);
    return 0;
}

/* Try the tokenizer's fast path on the next record, writing its fields
 * in place. @return 1 (added), 0 (nv_csv_next must read it) or
 * NETVET_ENOMEM. */
static int add_simple(nv_batch *b, nv_csv *c, const nv_batch_keys *k,
                      uint64_t cols, int want)
{
    size_t room = b->n_fields + NV_CSV_SIMPLE_ROOM;
    if (NV_GROW(b->rec, b->cap, b->n + 1) < 0 ||
        NV_GROW(b->fields, b->fields_cap, room) < 0 ||
        (k->hash_col && NV_GROW(b->hashes, b->hashes_cap, room) < 0))
        return NETVET_ENOMEM;
    nv_csv_field *f = b->fields + b->n_fields;
    int high = 0;
    size_t n = nv_csv_next_simple(c, f, &high);
    if (!n)
        return 0;
    nv_rec *r = &b->rec[b->n++];
    *r = (nv_rec){.end = c->cur, .line = c->line, .field0 = b->n_fields,
                  .n_fields = n, .status = NV_CSV_RECORD,
                  .bad_utf8 = high ? first_bad_field(f, n) : -1};
    b->n_fields += n;
    if (want)
        hash_keys(r, f, b->hashes ? b->hashes + r->field0 : NULL, k, cols);
    return 1;
}

long nv_batch_fill(nv_batch *b, nv_csv *c, size_t max, const nv_batch_keys *k)
{
    b->n = 0;
    b->n_fields = 0;
    nv_csv_forget_escapes(c); /* the previous batch is done with */
    int fast = !nv_csv_fast_disabled;
    uint64_t cols = flagged_columns(k);
    int want = hashes_wanted(k, cols); /* once a batch, not a record */
    while (b->n < max) {
        int added = fast ? add_simple(b, c, k, cols, want) : 0;
        if (added < 0)
            return added;
        if (added)
            continue;
        const char *start = c->cur;
        int rc = nv_csv_next(c);
        if (rc < 0)
            return rc;
        if (rc == NV_CSV_EOF)
            break;
        if (add_record(b, c, rc, start, k, cols, want) < 0)
            return NETVET_ENOMEM;
    }
    return (long)b->n;
}

void nv_batch_dispose(nv_batch *b)
{
    nv_free(b->rec);
    nv_free(b->fields);
    nv_free(b->hashes);
    memset(b, 0, sizeof(*b));
}
