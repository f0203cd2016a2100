/* SPDX-License-Identifier: Apache-2.0 */
/* A batch of tokenized CSV records: fields (trimmed of blanks, the only
 * form the loaders use), line numbers, verdicts, the first field with
 * invalid UTF-8 and the hashes of up to two key fields, so the loader can
 * prefetch id-map slots several rows ahead of probing them (link ends). */
#ifndef NV_INVENTORY_BATCH_H
#define NV_INVENTORY_BATCH_H

#include <stdint.h>

#include "inventory/csv.h"

typedef struct nv_rec {
    const char *end;          /* buffer position after the record */
    unsigned long line;       /* first line of the record */
    size_t field0, n_fields;  /* fields[field0 .. field0 + n_fields) */
    int status;               /* NV_CSV_RECORD or NV_CSV_BAD */
    unsigned long err_column; /* NV_CSV_BAD: as nv_csv */
    const char *err;
    long bad_utf8;            /* 0-based field with invalid UTF-8, or -1 */
    uint64_t hash[2];         /* nv_hash_bytes of the key fields */
} nv_rec;

/* Which fields to hash, only in records of exactly n_cols fields: up to
 * two keys (into nv_rec.hash) and the columns flagged in hash_col (into
 * nv_batch.hashes, beside each field). */
typedef struct nv_batch_keys {
    size_t n_cols;
    int n;                  /* 0, 1 or 2 */
    int pos[2];             /* header positions */
    const uint8_t *hash_col; /* n_cols flags, or NULL */
} nv_batch_keys;

typedef struct nv_batch {
    nv_rec *rec;
    size_t n, cap;
    nv_csv_field *fields;
    size_t n_fields, fields_cap;
    uint64_t *hashes; /* nv_hash_bytes of the field, where flagged */
    size_t hashes_cap;
} nv_batch;

/* Tokenize up to max records from c into b (replacing its contents).
 * @return the number of records (0 at end of input) or NETVET_ENOMEM. */
long nv_batch_fill(nv_batch *b, nv_csv *c, size_t max, const nv_batch_keys *k);
void nv_batch_dispose(nv_batch *b);

/* Is s[0..len) all ASCII? (8 bytes at a time) */
int nv_is_ascii(const char *s, size_t len);

#endif
