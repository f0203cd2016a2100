/* SPDX-License-Identifier: Apache-2.0 */
/* String interning with an open-addressing table of 8-byte slots (a 32-bit
 * hash tag and the id), so most misses never touch the string bytes. */
#include "util/strtab.h"

#include <string.h>

#include "netvet/errors.h"
#include "util/alloc.h"

static inline uint64_t mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

static inline uint64_t load64(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    return w;
}

static inline uint64_t load32(const unsigned char *s)
{
    uint32_t w;
    memcpy(&w, s, 4);
    return w;
}

/* Last 1-8 bytes as one word, with fixed-size loads only. */
static inline uint64_t tail_word(const unsigned char *s, size_t len,
                                 size_t left)
{
    if (len >= 8)
        return load64(s + len - 8); /* overlaps bytes already mixed */
    if (left >= 4)
        return (load32(s) << 32) | load32(s + left - 4);
    if (left > 0)
        return ((uint64_t)s[0] << 16) | ((uint64_t)s[left / 2] << 8) |
               s[left - 1];
    return 0;
}

/* One multiply per 8 bytes, one full avalanche (mix64) at the end. */
uint64_t nv_hash_bytes(const void *p, size_t len)
{
    const unsigned char *s = p;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ (len * 0x100000001b3ULL);
    size_t i = 0;
    for (; i + 8 < len; i += 8) {
        h = (h ^ load64(s + i)) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 29;
    }
    h ^= tail_word(s, len, len - i) * 0x94d049bb133111ebULL;
    return mix64(h);
}

static size_t slots_for(size_t n)
{
    size_t s = 64;
    while (s < n * 2)
        s <<= 1;
    return s;
}

int nv_strtab_init(nv_strtab *t, size_t expect, int reserve_empty)
{
    memset(t, 0, sizeof(*t));
    size_t nslots = slots_for(expect);
    t->slots = nv_calloc(nslots, sizeof(uint64_t));
    t->off = nv_malloc(sizeof(uint64_t) * 16);
    if (!t->slots || !t->off) {
        nv_strtab_dispose(t);
        return NETVET_ENOMEM;
    }
    t->off_cap = 16;
    t->mask = nslots - 1;
    if (reserve_empty) {
        uint32_t id;
        return nv_strtab_intern(t, "", 0, &id, NULL);
    }
    return NETVET_OK;
}

void nv_strtab_dispose(nv_strtab *t)
{
    if (!t)
        return;
    if (!(t->borrowed & NV_STRTAB_BORROWED_BYTES))
        nv_free(t->bytes);
    if (!(t->borrowed & NV_STRTAB_BORROWED_OFF))
        nv_free(t->off);
    nv_free(t->slots);
    memset(t, 0, sizeof(*t));
}

/* dst's bytes: src's, with the gaps between strings left out. */
static void copy_packed(nv_strtab *dst, const nv_strtab *src)
{
    size_t at = 0;
    for (size_t i = 0; i < src->n; i++) {
        size_t len = nv_strtab_strlen(src, (uint32_t)i);
        memcpy(dst->bytes + at, nv_strtab_get(src, (uint32_t)i), len + 1);
        dst->off[i] = (uint64_t)at << 24 | len;
        at += len + 1;
    }
    dst->len = at;
    dst->gaps = 0;
}

int nv_strtab_copy(nv_strtab *dst, const nv_strtab *src)
{
    *dst = *src; /* sizes and counts; the arrays are replaced below */
    dst->limit = 0;
    dst->borrowed = 0;
    dst->cap = src->len ? src->len : 1;
    dst->off_cap = src->n ? src->n : 1;
    dst->bytes = nv_malloc(dst->cap);
    dst->off = nv_malloc(dst->off_cap * sizeof(uint64_t));
    dst->slots = nv_malloc((src->mask + 1) * sizeof(uint64_t));
    if (!dst->bytes || !dst->off || !dst->slots) {
        nv_strtab_dispose(dst);
        return NETVET_ENOMEM;
    }
    if (src->gaps) {
        copy_packed(dst, src);
    } else {
        if (src->len)
            memcpy(dst->bytes, src->bytes, src->len);
        if (src->n)
            memcpy(dst->off, src->off, src->n * sizeof(uint64_t));
    }
    memcpy(dst->slots, src->slots, (src->mask + 1) * sizeof(uint64_t));
    return NETVET_OK;
}

static int same(const nv_strtab *t, uint32_t id, const char *s, size_t len)
{
    return nv_strtab_strlen(t, id) == len &&
           nv_equal_bytes(nv_strtab_get(t, id), s, len);
}

static int rehash(nv_strtab *t)
{
    size_t nslots = (t->mask + 1) * 2;
    /* written before it is read: no zero-page mapping to copy on write */
    uint64_t *ns = nv_reallocarray(NULL, nslots, sizeof(uint64_t));
    if (!ns)
        return NETVET_ENOMEM;
    memset(ns, 0, nslots * sizeof(uint64_t));
    for (size_t i = 0; i <= t->mask; i++) {
        uint64_t v = t->slots[i];
        if (!v)
            continue;
        size_t j = (size_t)(v >> 32) & (nslots - 1);
        while (ns[j])
            j = (j + 1) & (nslots - 1);
        ns[j] = v;
    }
    nv_free(t->slots);
    t->slots = ns;
    t->mask = nslots - 1;
    return NETVET_OK;
}

int64_t nv_strtab_find(const nv_strtab *t, const char *s, size_t len)
{
    uint32_t tag = (uint32_t)(nv_hash_bytes(s, len) >> 32);
    size_t j = tag & t->mask;
    for (;;) {
        uint64_t v = t->slots[j];
        if (!v)
            return -1;
        uint32_t id = (uint32_t)v - 1;
        if ((uint32_t)(v >> 32) == tag && same(t, id, s, len))
            return id;
        j = (j + 1) & t->mask;
    }
}

/* Room for `need` bytes in all: grown by doubling, unless a limit or
 * borrowed bytes forbid it. */
static int room(nv_strtab *t, size_t need)
{
    if (t->limit && need > t->limit)
        return NETVET_ELIMIT;
    if (need <= t->cap)
        return NETVET_OK;
    if (t->borrowed & NV_STRTAB_BORROWED_BYTES)
        return NETVET_ELIMIT;
    return nv_grow((void **)&t->bytes, &t->cap, need, 1);
}

/* A new id for `entry` (offset << 24 | length). */
static int add_entry(nv_strtab *t, uint64_t entry, uint32_t *id_out)
{
    if (t->n >= UINT32_MAX - 1)
        return NETVET_ELIMIT;
    if (t->n >= t->off_cap) {
        if (t->borrowed & NV_STRTAB_BORROWED_OFF)
            return NETVET_ELIMIT;
        if (NV_GROW(t->off, t->off_cap, t->n + 1) < 0)
            return NETVET_ENOMEM;
    }
    t->off[t->n] = entry;
    *id_out = (uint32_t)t->n++;
    return NETVET_OK;
}

static int append(nv_strtab *t, const char *s, size_t len, uint32_t *id_out)
{
    if (len > NV_STRTAB_MAX_LEN)
        return NETVET_ELIMIT;
    int rc = room(t, t->len + len + 1);
    if (rc < 0 || (rc = add_entry(t, (uint64_t)t->len << 24 | len, id_out)) < 0)
        return rc;
    memcpy(t->bytes + t->len, s, len);
    t->bytes[t->len + len] = '\0';
    t->len += len + 1;
    return NETVET_OK;
}

int nv_strtab_append(nv_strtab *t, const char *s, size_t len,
                     uint32_t *id_out)
{
    if (len == 0 && t->n > 0 && nv_strtab_strlen(t, 0) == 0) {
        *id_out = 0; /* the reserved empty string */
        return NETVET_OK;
    }
    return append(t, s, len, id_out);
}

static int reserve(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    void *q = nv_reallocarray(*p, need, size);
    if (!q)
        return NETVET_ENOMEM;
    *p = q;
    *cap = need;
    return 0;
}

int nv_strtab_reserve(nv_strtab *t, size_t n_strings, size_t n_bytes)
{
    /* a limited table's bytes never move: other parts write into them */
    if ((!(t->borrowed & NV_STRTAB_BORROWED_BYTES) && !t->limit &&
         reserve((void **)&t->bytes, &t->cap, t->len + n_bytes, 1) < 0) ||
        (!(t->borrowed & NV_STRTAB_BORROWED_OFF) &&
         reserve((void **)&t->off, &t->off_cap, t->n + n_strings + 1,
                 sizeof(uint64_t)) < 0))
        return NETVET_ENOMEM;
    return 0;
}

/* flags[id] = 1 for every interned (not appended) string; flags holds
 * t->n entries, zeroed by the caller. */
static void mark_interned(const nv_strtab *t, uint8_t *flags)
{
    for (size_t j = 0; j <= t->mask; j++)
        if (t->slots[j])
            flags[(uint32_t)t->slots[j] - 1] = 1;
}

int nv_strtab_intern(nv_strtab *t, const char *s, size_t len,
                     uint32_t *id_out, int *is_new)
{
    return nv_strtab_intern_hashed(t, s, len, nv_hash_bytes(s, len), id_out,
                                   is_new);
}

/* Probe for s[0..len) with tag: its id, or -1 with *slot the empty slot
 * where it would go. */
static int64_t probe(const nv_strtab *t, uint32_t tag, const char *s,
                     size_t len, size_t *slot)
{
    size_t j = tag & t->mask;
    for (;;) {
        uint64_t v = t->slots[j];
        if (!v)
            break;
        uint32_t id = (uint32_t)v - 1;
        if ((uint32_t)(v >> 32) == tag && same(t, id, s, len))
            return id;
        j = (j + 1) & t->mask;
    }
    *slot = j;
    return -1;
}

/* Put new string id in slot j (from probe). */
static int slot_in(nv_strtab *t, size_t j, uint32_t tag, uint32_t id)
{
    t->slots[j] = ((uint64_t)tag << 32) | ((uint64_t)id + 1);
    if (++t->n_slotted * 2 > t->mask + 1)
        return rehash(t);
    return NETVET_OK;
}

int nv_strtab_intern_hashed(nv_strtab *t, const char *s, size_t len,
                            uint64_t hash, uint32_t *id_out, int *is_new)
{
    uint32_t tag = (uint32_t)(hash >> 32);
    size_t j;
    int64_t found = probe(t, tag, s, len, &j);
    if (is_new)
        *is_new = found < 0;
    if (found >= 0) {
        *id_out = (uint32_t)found;
        return NETVET_OK;
    }
    int rc = append(t, s, len, id_out);
    return rc < 0 ? rc : slot_in(t, j, tag, *id_out);
}

int nv_strtab_limit(nv_strtab *t, size_t end)
{
    if (end && (end < t->len || end > t->cap))
        return NETVET_ELIMIT;
    t->limit = end;
    return NETVET_OK;
}

int nv_strtab_share_bytes(nv_strtab *part, nv_strtab *t, size_t from,
                          size_t to)
{
    size_t at = from;
    if (from > to || to > t->cap || (part->borrowed & NV_STRTAB_BORROWED_BYTES))
        return NETVET_ELIMIT;
    for (size_t i = 0; i < part->n; i++) { /* what it holds already */
        size_t len = nv_strtab_strlen(part, (uint32_t)i);
        if (at + len + 1 > to)
            return NETVET_ELIMIT;
        memcpy(t->bytes + at, nv_strtab_get(part, (uint32_t)i), len + 1);
        part->off[i] = (uint64_t)at << 24 | len;
        at += len + 1;
    }
    nv_free(part->bytes);
    part->bytes = t->bytes;
    part->len = at;
    part->cap = part->limit = to;
    part->borrowed |= NV_STRTAB_BORROWED_BYTES;
    return NETVET_OK;
}

int nv_strtab_share_rows(nv_strtab *part, nv_strtab *t, size_t first,
                         size_t n, size_t from, size_t to)
{
    if (part->n || first + n > t->off_cap ||
        (part->borrowed & NV_STRTAB_BORROWED_OFF))
        return NETVET_ELIMIT;
    int rc = nv_strtab_share_bytes(part, t, from, to);
    if (rc < 0)
        return rc;
    nv_free(part->off);
    part->off = t->off + first;
    part->off_cap = n;
    part->borrowed |= NV_STRTAB_BORROWED_OFF;
    return NETVET_OK;
}

/* part's string s (its bytes are in t's buffer) under an id of t: found,
 * or added where its bytes already are. */
static int merge_in_place(nv_strtab *t, const nv_strtab *part, uint32_t s,
                          int interned, uint32_t *id)
{
    if (!interned)
        return add_entry(t, part->off[s], id);
    const char *p = nv_strtab_get(part, s);
    size_t len = nv_strtab_strlen(part, s), j;
    uint32_t tag = (uint32_t)(nv_hash_bytes(p, len) >> 32);
    int64_t found = probe(t, tag, p, len, &j);
    if (found >= 0) {
        *id = (uint32_t)found;
        return NETVET_OK;
    }
    int rc = add_entry(t, part->off[s], id);
    return rc < 0 ? rc : slot_in(t, j, tag, *id);
}

/* The same for a part with bytes of its own: copied in. */
static int merge_copy(nv_strtab *t, const nv_strtab *part, uint32_t s,
                      int interned, uint32_t *id)
{
    const char *p = nv_strtab_get(part, s);
    size_t len = nv_strtab_strlen(part, s);
    return interned ? nv_strtab_intern(t, p, len, id, NULL)
                    : append(t, p, len, id);
}

int nv_strtab_merge(nv_strtab *t, const nv_strtab *part, uint32_t *map)
{
    uint8_t *interned = nv_calloc(part->n ? part->n : 1, 1);
    if (!interned)
        return NETVET_ENOMEM;
    mark_interned(part, interned);
    int shared = part->bytes == t->bytes, rc = 0;
    for (size_t s = 0; s < part->n && rc == 0; s++)
        rc = (shared ? merge_in_place : merge_copy)(t, part, (uint32_t)s,
                                                   interned[s], &map[s]);
    nv_free(interned);
    if (shared && part->len > t->len) {
        t->len = part->len;
        t->gaps = 1;
    }
    return rc;
}

void nv_strtab_merge_rows(nv_strtab *t, const nv_strtab *part, size_t first)
{
    if (first != t->n && part->n)
        memmove(t->off + t->n, t->off + first, part->n * sizeof(uint64_t));
    t->n += part->n;
    if (part->len > t->len) {
        t->len = part->len;
        t->gaps = 1;
    }
}
