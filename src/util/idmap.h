/* SPDX-License-Identifier: Apache-2.0 */
/* Key -> dense index map for unique keys whose bytes live elsewhere (element
 * ids in a strtab): 16-byte slots hold a hash tag, the index and the key's
 * offset and length, so a lookup touches one slot line and the key bytes,
 * and callers can prefetch both for a batch of keys before probing. */
#ifndef NV_UTIL_IDMAP_H
#define NV_UTIL_IDMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct nv_idmap_slot {
    uint32_t tag;  /* high half of the key's hash */
    uint32_t id1;  /* index + 1; 0 = empty */
    uint64_t key;  /* (offset in the key bytes << 24) | length */
} nv_idmap_slot;

/* The top bit of a key's hash picks one half of the slots and probes wrap
 * within that half, so the two halves can be filled on two threads. */
typedef struct nv_idmap {
    nv_idmap_slot *slots;
    size_t mask; /* number of slots - 1 (power of two, >= 63) */
    size_t n;    /* keys stored */
    size_t n_half[2]; /* keys stored in each half */
    size_t bytes; /* size of the slot mapping */
} nv_idmap;

#define NV_IDMAP_MAX_KEY ((1u << 24) - 1) /* longest key, bytes */

/* expect: expected number of keys (the table is sized once for it). */
int nv_idmap_init(nv_idmap *m, size_t expect);
void nv_idmap_dispose(nv_idmap *m);

/* Hash to pass to the functions below (same as nv_hash_bytes). */
uint64_t nv_idmap_hash(const char *s, size_t len);

/* First slot probed for hash h: in the half its top bit picks. */
static inline size_t nv_idmap_home(const nv_idmap *m, uint64_t h)
{
    size_t half = m->mask >> 1;
    return ((size_t)(h >> 63) * (half + 1)) | ((size_t)h & half);
}
/* Slot probed after j (wrapping within j's half). */
static inline size_t nv_idmap_next(const nv_idmap *m, size_t j)
{
    size_t half = m->mask >> 1;
    return (j & ~half) | ((j + 1) & half);
}

/* Start loading the home slot of hash h into the cache. */
static inline void nv_idmap_prefetch(const nv_idmap *m, uint64_t h)
{
    __builtin_prefetch(&m->slots[nv_idmap_home(m, h)], 0, 1);
}
/* Start loading the key bytes of the first slot whose tag matches h (call
 * after nv_idmap_prefetch has had time to land). */
void nv_idmap_prefetch_key(const nv_idmap *m, uint64_t h, const char *base);

/* Index of key s[0..len) with hash h, or -1. base = start of key bytes. */
int64_t nv_idmap_find(const nv_idmap *m, const char *base, uint64_t h,
                      const char *s, size_t len);
/* Add key s[0..len) (hash h) as index `id`, unless it is present: then
 * *existing = its index. The caller stores the key at base + off after an
 * add (it is not read before). @return 1 added, 0 present, NETVET_ENOMEM
 * or NETVET_ELIMIT. */
int nv_idmap_insert(nv_idmap *m, const char *base, uint64_t h, const char *s,
                    size_t len, uint64_t off, uint32_t id, uint32_t *existing);
/* The same for a key of half h >> 63, never growing the table, so two
 * threads may fill the two halves at once (each its own half). @return
 * as nv_idmap_insert; NETVET_ELIMIT also when the half is 7/8 full (then
 * build the map again with nv_idmap_insert). m->n is not updated: call
 * nv_idmap_count_halves after both are done. */
int nv_idmap_insert_half(nv_idmap *m, const char *base, uint64_t h,
                         const char *s, size_t len, uint64_t off, uint32_t id,
                         uint32_t *existing);
void nv_idmap_count_halves(nv_idmap *m);

#endif
