/* SPDX-License-Identifier: Apache-2.0 */
/* Open addressing with linear probing over 16-byte slots, at most 5/8 full
 * (and no half more than 7/8 full).
 * The slots are one anonymous mapping with transparent huge pages asked
 * for: random probes into hundreds of MB otherwise miss the TLB too. */
#include "util/idmap.h"

#include <string.h>
#include <sys/mman.h>

#include "netvet/errors.h"
#include "util/strtab.h"

uint64_t nv_idmap_hash(const char *s, size_t len)
{
    return nv_hash_bytes(s, len);
}

static size_t slots_for(size_t n)
{
    size_t s = 64;
    while (s / 8 * 5 < n)
        s <<= 1;
    return s;
}

static nv_idmap_slot *map_slots(size_t nslots, size_t *bytes)
{
    *bytes = nslots * sizeof(nv_idmap_slot);
    void *p = mmap(NULL, *bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
#ifdef MADV_HUGEPAGE
    if (*bytes >= (4u << 20))
        madvise(p, *bytes, MADV_HUGEPAGE);
#endif
    return p;
}

int nv_idmap_init(nv_idmap *m, size_t expect)
{
    memset(m, 0, sizeof(*m));
    size_t nslots = slots_for(expect);
    m->slots = map_slots(nslots, &m->bytes);
    if (!m->slots)
        return NETVET_ENOMEM;
    m->mask = nslots - 1;
    return NETVET_OK;
}

void nv_idmap_dispose(nv_idmap *m)
{
    if (m && m->slots)
        munmap(m->slots, m->bytes);
    if (m)
        memset(m, 0, sizeof(*m));
}

static int matches(const nv_idmap_slot *sl, uint32_t tag, const char *base,
                   const char *s, size_t len)
{
    return sl->tag == tag && (sl->key & NV_IDMAP_MAX_KEY) == len &&
           nv_equal_bytes(base + (sl->key >> 24), s, len);
}

void nv_idmap_prefetch_key(const nv_idmap *m, uint64_t h, const char *base)
{
    uint32_t tag = (uint32_t)(h >> 32);
    for (size_t j = nv_idmap_home(m, h);; j = nv_idmap_next(m, j)) {
        const nv_idmap_slot *sl = &m->slots[j];
        if (!sl->id1)
            return;
        if (sl->tag == tag) {
            __builtin_prefetch(base + (sl->key >> 24), 0, 1);
            return;
        }
    }
}

int64_t nv_idmap_find(const nv_idmap *m, const char *base, uint64_t h,
                      const char *s, size_t len)
{
    uint32_t tag = (uint32_t)(h >> 32);
    for (size_t j = nv_idmap_home(m, h);; j = nv_idmap_next(m, j)) {
        const nv_idmap_slot *sl = &m->slots[j];
        if (!sl->id1)
            return -1;
        if (matches(sl, tag, base, s, len))
            return (int64_t)sl->id1 - 1;
    }
}

/* Double the table; positions come from rehashing the stored keys. */
static int grow(nv_idmap *m, const char *base)
{
    nv_idmap n = {0};
    n.slots = map_slots((m->mask + 1) * 2, &n.bytes);
    if (!n.slots)
        return NETVET_ENOMEM;
    n.mask = (m->mask + 1) * 2 - 1;
    n.n = m->n;
    n.n_half[0] = m->n_half[0];
    n.n_half[1] = m->n_half[1];
    for (size_t i = 0; i <= m->mask; i++) {
        nv_idmap_slot sl = m->slots[i];
        if (!sl.id1)
            continue;
        uint64_t h = nv_hash_bytes(base + (sl.key >> 24), sl.key & NV_IDMAP_MAX_KEY);
        size_t j = nv_idmap_home(&n, h);
        while (n.slots[j].id1)
            j = nv_idmap_next(&n, j);
        n.slots[j] = sl;
    }
    nv_idmap_dispose(m);
    *m = n;
    return NETVET_OK;
}

static int half_full(const nv_idmap *m, int half, size_t add)
{
    return m->n_half[half] + add > (m->mask + 1) / 16 * 7;
}

/* Probe for the key; add it unless present. The table has room. */
static int probe_insert(nv_idmap *m, const char *base, uint64_t h,
                        const char *s, size_t len, uint64_t off, uint32_t id,
                        uint32_t *existing)
{
    uint32_t tag = (uint32_t)(h >> 32);
    size_t j = nv_idmap_home(m, h);
    for (;; j = nv_idmap_next(m, j)) {
        const nv_idmap_slot *sl = &m->slots[j];
        if (!sl->id1)
            break;
        if (matches(sl, tag, base, s, len)) {
            *existing = sl->id1 - 1;
            return 0;
        }
    }
    m->slots[j] = (nv_idmap_slot){tag, id + 1, (off << 24) | len};
    m->n_half[h >> 63]++;
    return 1;
}

static int key_fits(size_t len, uint64_t off, uint32_t id)
{
    return len <= NV_IDMAP_MAX_KEY && off < (1ULL << 40) && id != UINT32_MAX;
}

int nv_idmap_insert(nv_idmap *m, const char *base, uint64_t h, const char *s,
                    size_t len, uint64_t off, uint32_t id, uint32_t *existing)
{
    if (!key_fits(len, off, id))
        return NETVET_ELIMIT;
    while (m->n + 1 > (m->mask + 1) / 8 * 5 || half_full(m, (int)(h >> 63), 1)) {
        int rc = grow(m, base); /* reads stored keys only, not this one */
        if (rc < 0)
            return rc;
    }
    int rc = probe_insert(m, base, h, s, len, off, id, existing);
    m->n += (size_t)rc;
    return rc;
}

int nv_idmap_insert_half(nv_idmap *m, const char *base, uint64_t h,
                         const char *s, size_t len, uint64_t off, uint32_t id,
                         uint32_t *existing)
{
    if (!key_fits(len, off, id) || half_full(m, (int)(h >> 63), 1))
        return NETVET_ELIMIT;
    return probe_insert(m, base, h, s, len, off, id, existing);
}

void nv_idmap_count_halves(nv_idmap *m)
{
    m->n = m->n_half[0] + m->n_half[1];
}
