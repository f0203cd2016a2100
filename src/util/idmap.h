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

typedef struct nv_idmap {
    nv_idmap_slot *slots;
    size_t mask; /* number of slots - 1 (power of two) */
    size_t n;    /* keys stored */
    size_t bytes; /* size of the slot mapping */
} nv_idmap;

#define NV_IDMAP_MAX_KEY ((1u << 24) - 1) /* longest key, bytes */

/* expect: expected number of keys (the table is sized once for it). */
int nv_idmap_init(nv_idmap *m, size_t expect);
void nv_idmap_dispose(nv_idmap *m);

/* Hash to pass to the functions below (same as nv_hash_bytes). */
uint64_t nv_idmap_hash(const char *s, size_t len);

/* Start loading the home slot of hash h into the cache. */
static inline void nv_idmap_prefetch(const nv_idmap *m, uint64_t h)
{
    __builtin_prefetch(&m->slots[h & m->mask], 0, 1);
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

#endif
