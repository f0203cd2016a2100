/* SPDX-License-Identifier: Apache-2.0 */
/* String interning: each distinct string is stored once in one byte buffer
 * and named by a uint32_t id. Ids are dense and in insertion order, so a
 * table of unique keys (element ids) doubles as the key -> row index map. */
#ifndef NV_UTIL_STRTAB_H
#define NV_UTIL_STRTAB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct nv_strtab {
    char *bytes;     /* strings, each followed by NUL */
    size_t len, cap; /* end of the last string stored / bytes allocated */
    uint64_t *off;   /* off[i] = start of string i << 24 | its length */
    size_t n, off_cap;
    uint64_t *slots; /* open addressing: (hash32 << 32) | (id + 1); 0 empty */
    size_t mask;     /* number of slots - 1 (power of two) */
    size_t n_slotted;/* strings in slots (appended ones are not) */
    size_t limit;    /* bytes may not be used past this (0: no limit) */
    int borrowed;    /* NV_STRTAB_BORROWED_*: arrays another table owns
                      * (a part's slice of a shared table): never grown
                      * or freed */
    int gaps;        /* unused stretches lie between strings (parts' slices
                      * merged): a copy packs them */
} nv_strtab;

#define NV_STRTAB_MAX_LEN ((1u << 24) - 1) /* longest string, bytes */
enum { NV_STRTAB_BORROWED_BYTES = 1, NV_STRTAB_BORROWED_OFF = 2 };

/* expect: expected number of strings (sizing hint). With reserve_empty the
 * empty string gets id 0, so 0 can mean "absent" in columns. */
int nv_strtab_init(nv_strtab *t, size_t expect, int reserve_empty);
void nv_strtab_dispose(nv_strtab *t);
/* Make dst an independent copy of src (same ids, same strings), so dst can
 * grow without touching src. @return 0 or NETVET_ENOMEM (dst zeroed). */
int nv_strtab_copy(nv_strtab *dst, const nv_strtab *src);

/* Intern s[0..len): *id_out = its id, *is_new = 1 when it was added (is_new
 * may be NULL). @return 0, NETVET_ENOMEM or NETVET_ELIMIT (2^32 strings, a
 * string longer than NV_STRTAB_MAX_LEN, or past t's limit). */
int nv_strtab_intern(nv_strtab *t, const char *s, size_t len,
                     uint32_t *id_out, int *is_new);
/* The same, with hash = nv_hash_bytes(s, len) computed by the caller
 * (possibly on another thread). */
int nv_strtab_intern_hashed(nv_strtab *t, const char *s, size_t len,
                            uint64_t hash, uint32_t *id_out, int *is_new);
/* Store s[0..len) under a new id without interning it (for columns whose
 * values are mostly distinct, such as MACs: no hashing, no probing). */
int nv_strtab_append(nv_strtab *t, const char *s, size_t len,
                     uint32_t *id_out);
/* Parts of one file loaded on several threads write their strings into
 * one table's bytes, each part into its own stretch, so merging them moves
 * no bytes:
 * - nv_strtab_limit keeps t (the first part's table) within [0, end),
 *   and its bytes in place (nv_strtab_reserve leaves them) until the
 *   limit is lifted (end 0);
 * - nv_strtab_share_bytes makes `part` (an empty or nearly empty table)
 *   store its strings in t's bytes [from, to); its ids stay its own;
 * - nv_strtab_share_rows also makes part's off entries t's entries
 *   [first, first + n) (tables where id = row: element ids);
 * - nv_strtab_merge gives part's strings ids in t, in part's id order:
 *   interned ones are interned (found, or added by reference to their
 *   bytes where they are), the others appended (map[s] = t's id of part
 *   string s); a part whose bytes are not t's is copied;
 * - nv_strtab_merge_rows appends a nv_strtab_share_rows part's ids, which
 *   were written at t's ids first.. (moved down to t->n when they differ).
 * A table past its limit or its borrowed bytes fails with NETVET_ELIMIT
 * (the caller can load in one part). Disposing a part never frees what it
 * borrowed. @return 0, NETVET_ENOMEM or NETVET_ELIMIT. */
int nv_strtab_limit(nv_strtab *t, size_t end);
int nv_strtab_share_bytes(nv_strtab *part, nv_strtab *t, size_t from,
                          size_t to);
int nv_strtab_share_rows(nv_strtab *part, nv_strtab *t, size_t first,
                         size_t n, size_t from, size_t to);
int nv_strtab_merge(nv_strtab *t, const nv_strtab *part, uint32_t *map);
void nv_strtab_merge_rows(nv_strtab *t, const nv_strtab *part, size_t first);
/* Make room for n_strings more strings of n_bytes bytes in all (NULs
 * included) without growing again: a generous bound costs address space
 * only, while growing a big table copies it. @return 0 or NETVET_ENOMEM. */
int nv_strtab_reserve(nv_strtab *t, size_t n_strings, size_t n_bytes);
/* Id of s[0..len), or -1 if absent. */
int64_t nv_strtab_find(const nv_strtab *t, const char *s, size_t len);

static inline const char *nv_strtab_get(const nv_strtab *t, uint32_t id)
{
    return t->bytes + (t->off[id] >> 24);
}
static inline size_t nv_strtab_strlen(const nv_strtab *t, uint32_t id)
{
    return (size_t)(t->off[id] & NV_STRTAB_MAX_LEN);
}
/* Offset of string id in t->bytes. */
static inline uint64_t nv_strtab_offset(const nv_strtab *t, uint32_t id)
{
    return t->off[id] >> 24;
}

uint64_t nv_hash_bytes(const void *p, size_t len);

/* a[0..len) == b[0..len); inline, with fixed-size loads, up to 32 bytes
 * (ids, vendor names, software versions), memcmp beyond. */
static inline int nv_equal_bytes(const char *a, const char *b, size_t len)
{
    uint64_t x[2] = {0, 0}, y[2] = {0, 0};
    if (len > 32)
        return memcmp(a, b, len) == 0;
    if (len > 16) { /* first 16 and last 16 bytes (they overlap) */
        uint64_t p[4], q[4];
        memcpy(p, a, 16), memcpy(q, b, 16);
        memcpy(p + 2, a + len - 16, 16), memcpy(q + 2, b + len - 16, 16);
        return ((p[0] ^ q[0]) | (p[1] ^ q[1]) | (p[2] ^ q[2]) |
                (p[3] ^ q[3])) == 0;
    }
    if (len >= 8) {
        memcpy(&x[0], a, 8), memcpy(&y[0], b, 8);
        memcpy(&x[1], a + len - 8, 8), memcpy(&y[1], b + len - 8, 8);
    } else if (len >= 4) {
        memcpy(&x[0], a, 4), memcpy(&y[0], b, 4);
        memcpy(&x[1], a + len - 4, 4), memcpy(&y[1], b + len - 4, 4);
    } else {
        for (size_t i = 0; i < len; i++)
            if (a[i] != b[i])
                return 0;
    }
    return x[0] == y[0] && x[1] == y[1];
}

#endif
