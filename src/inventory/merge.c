/* SPDX-License-Identifier: Apache-2.0 */
/* Merging parts: a part's rows are already in the shared columns (moved
 * down only over a gap) or, for a part with its own columns, appended;
 * string ids go through a map from the part's string ids to the
 * inventory's, built by walking the part's strings in id order
 * (first-appearance order), so ids come out as a one-thread load makes
 * them. Then the id map (two halves on two threads). */
#include "inventory/merge.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "inventory/columns.h"
#include "netvet/errors.h"
#include "util/alloc.h"

enum { PLAIN, STRING, LINE };

typedef struct col_ref {
    void **p;
    size_t size;
    int kind;
} col_ref;

#define MAX_FIXED 13

/* Every element column inv has, attributes last; tag_off and tags aside.
 * out must hold MAX_FIXED + inv->n_attrs entries. */
static size_t element_columns(netvet_inventory *inv, col_ref *out)
{
    col_ref all[MAX_FIXED] = {
        {(void **)&inv->vendor, 4, STRING},
        {(void **)&inv->function, 1, PLAIN},
        {(void **)&inv->status, 1, PLAIN},
        {(void **)&inv->weight, 8, PLAIN},
        {(void **)&inv->line, 4, LINE},
        {(void **)&inv->site, 4, STRING},
        {(void **)&inv->region, 4, STRING},
        {(void **)&inv->installed, 4, PLAIN},
        {(void **)&inv->mac, 4, STRING},
        {(void **)&inv->sys_object_id, 4, STRING},
        {(void **)&inv->sys_descr, 4, STRING},
        {(void **)&inv->lldp_descr, 4, STRING},
        {(void **)&inv->cpe, 4, STRING},
    };
    size_t n = 0;
    for (size_t i = 0; i < MAX_FIXED; i++)
        if (*all[i].p)
            out[n++] = all[i];
    for (size_t k = 0; k < inv->n_attrs; k++)
        out[n++] = (col_ref){(void **)&inv->attrs[k].value, 4, STRING};
    return n;
}

/* map[s] = inv's id for part string s (nv_strtab_merge: strings the part
 * interned are interned, the others appended; a part that wrote into
 * inv's bytes moves none). */
static uint32_t *map_strings(netvet_inventory *inv, const nv_strtab *part)
{
    uint32_t *map = nv_malloc((part->n ? part->n : 1) * sizeof(uint32_t));
    if (map && nv_strtab_merge(&inv->strings, part, map) < 0) {
        nv_free(map);
        map = NULL;
    }
    return map;
}

static int append_tags(netvet_inventory *inv, const netvet_inventory *part,
                       const uint32_t *map)
{
    size_t base = inv->n_tags;
    if (NV_GROW(inv->tags, inv->tags_cap, base + part->n_tags) < 0)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < part->n_tags; i++)
        inv->tags[base + i] = map[part->tags[i]];
    for (size_t r = 1; r <= part->n; r++)
        inv->tag_off[inv->n + r] = (uint32_t)(base + part->tag_off[r]);
    inv->n_tags = base + part->n_tags;
    return 0;
}

void nv_merge_ids(netvet_inventory *inv, const netvet_inventory *part,
                  size_t base)
{
    nv_strtab_merge_rows(&inv->ids, &part->ids, base);
}

/* A part that wrote its rows into inv's columns at row base: move them
 * down to inv->n if earlier parts left a gap, then map its string ids
 * and lines in place. */
int nv_merge_shared(netvet_inventory *inv, netvet_inventory *part, size_t base,
                    unsigned long line_offset)
{
    col_ref cols[MAX_FIXED + 64];
    if (inv->n_attrs > 64)
        return NETVET_ELIMIT;
    size_t nc = element_columns(inv, cols), at = inv->n, n = part->n;
    uint32_t *map = map_strings(inv, &part->strings);
    if (!map)
        return NETVET_ENOMEM;
    int rc = append_tags(inv, part, map);
    for (size_t i = 0; i < part->n_site_geo && rc == 0; i++) {
        const nv_site_geo *g = &part->site_geo[i];
        rc = nv_inv_add_site_geo(inv, map[g->site], g->lat, g->lon);
    }
    for (size_t i = 0; i < nc && rc == 0; i++) {
        char *c = *cols[i].p;
        if (base != at && n)
            memmove(c + at * cols[i].size, c + base * cols[i].size,
                    n * cols[i].size);
        uint32_t *d = (uint32_t *)(void *)(c + at * cols[i].size);
        if (cols[i].kind == STRING)
            for (size_t r = 0; r < n; r++)
                d[r] = map[d[r]];
        else if (cols[i].kind == LINE)
            for (size_t r = 0; r < n; r++)
                d[r] += (uint32_t)line_offset;
    }
    if (rc == 0)
        inv->n = at + n;
    nv_free(map);
    return rc;
}

void nv_merge_links_shared(netvet_inventory *inv, const netvet_inventory *part,
                           size_t base)
{
    size_t at = inv->n_links, n = part->n_links;
    if (base != at && n) {
        memmove(inv->link_a + at, inv->link_a + base, n * sizeof(uint32_t));
        memmove(inv->link_b + at, inv->link_b + base, n * sizeof(uint32_t));
    }
    inv->n_links = at + n;
}

/* Remove the rows flagged in drop from every element column, the tags,
 * the ids and their hashes. @return 0 or NETVET_ENOMEM. */
static int drop_rows(netvet_inventory *inv, uint64_t *hash,
                     const uint8_t *drop)
{
    col_ref cols[MAX_FIXED + 64];
    size_t nc = element_columns(inv, cols), kept = 0, kept_tags = 0;
    nv_strtab ids;
    if (nv_strtab_init(&ids, 16, 0) < 0)
        return NETVET_ENOMEM;
    for (size_t r = 0; r < inv->n; r++) {
        if (drop[r])
            continue;
        uint32_t id;
        if (nv_strtab_append(&ids, nv_inv_id(inv, r),
                             nv_strtab_strlen(&inv->ids, (uint32_t)r), &id) < 0) {
            nv_strtab_dispose(&ids);
            return NETVET_ENOMEM;
        }
        for (size_t i = 0; i < nc; i++) {
            char *c = *cols[i].p;
            memmove(c + kept * cols[i].size, c + r * cols[i].size,
                    cols[i].size);
        }
        hash[kept] = hash[r];
        uint32_t t0 = inv->tag_off[r], t1 = inv->tag_off[r + 1];
        inv->tag_off[kept] = (uint32_t)kept_tags;
        if (t1 > t0)
            memmove(inv->tags + kept_tags, inv->tags + t0,
                    (t1 - t0) * sizeof(uint32_t));
        kept_tags += t1 - t0;
        kept++;
    }
    inv->tag_off[kept] = (uint32_t)kept_tags;
    inv->n_tags = kept_tags;
    inv->n = kept;
    nv_strtab_dispose(&inv->ids);
    inv->ids = ids;
    return 0;
}

/* One half's (or, half < 0, the whole map's) inserts: ids [0, b->n) in
 * order, duplicates recorded (strict: the first only). */
typedef struct half_build {
    nv_id_build *b;
    int half;
    nv_dup *dups;
    size_t n_dups, cap;
    int rc;
} half_build;

static int insert_one(half_build *w, size_t k)
{
    nv_idmap *m = &w->b->inv->idmap;
    const nv_strtab *ids = &w->b->inv->ids;
    uint64_t h = w->b->hash[k];
    const char *s = nv_strtab_get(ids, (uint32_t)k);
    size_t len = nv_strtab_strlen(ids, (uint32_t)k);
    uint64_t off = nv_strtab_offset(ids, (uint32_t)k);
    uint32_t first;
    int r = w->half < 0
                ? nv_idmap_insert(m, ids->bytes, h, s, len, off, (uint32_t)k,
                                  &first)
                : nv_idmap_insert_half(m, ids->bytes, h, s, len, off,
                                       (uint32_t)k, &first);
    if (r != 0)
        return r < 0 ? r : 0;
    if (NV_GROW(w->dups, w->cap, w->n_dups + 1) < 0)
        return NETVET_ENOMEM;
    w->dups[w->n_dups++] = (nv_dup){(uint32_t)k, first};
    return 1;
}

static void *insert_ids(void *arg)
{
    enum { AHEAD = 16 };
    half_build *w = arg;
    const nv_idmap *m = &w->b->inv->idmap;
    const uint64_t *hash = w->b->hash;
    size_t n = w->b->n;
    uint64_t want = (uint64_t)(w->half < 0 ? 0 : w->half);
    uint64_t sel = w->half < 0 ? 0 : 1; /* compare the top bit or not */
    for (size_t k = 0; k < n && k < AHEAD; k++)
        nv_idmap_prefetch(m, hash[k]);
    for (size_t k = 0; k < n && w->rc == 0; k++) {
        if (k + AHEAD < n && ((hash[k + AHEAD] >> 63) & sel) == (want & sel))
            nv_idmap_prefetch(m, hash[k + AHEAD]);
        if (((hash[k] >> 63) & sel) != (want & sel))
            continue;
        int r = insert_one(w, k);
        if (r < 0)
            w->rc = r;
        else if (r == 1 && w->b->strict)
            break;
    }
    return NULL;
}

/* Both halves' duplicates in row order into b (strict: the first only). */
static int join_dups(nv_id_build *b, half_build *w)
{
    size_t n = w[0].n_dups + w[1].n_dups, i = 0, j = 0;
    if (b->strict && n > 1)
        n = 1;
    b->dups = nv_malloc((n ? n : 1) * sizeof(nv_dup));
    if (!b->dups)
        return NETVET_ENOMEM;
    while (b->n_dups < n) {
        int left = j >= w[1].n_dups ||
                   (i < w[0].n_dups && w[0].dups[i].row < w[1].dups[j].row);
        b->dups[b->n_dups++] = left ? w[0].dups[i++] : w[1].dups[j++];
    }
    b->cap = n;
    return 0;
}

/* The two halves on two threads; ELIMIT when a half filled up. */
static int build_halves(nv_id_build *b)
{
    half_build w[2] = {{b, 0, NULL, 0, 0, 0}, {b, 1, NULL, 0, 0, 0}};
    pthread_t thread;
    int threaded = pthread_create(&thread, NULL, insert_ids, &w[1]) == 0;
    insert_ids(&w[0]);
    if (threaded)
        pthread_join(thread, NULL);
    else
        insert_ids(&w[1]);
    nv_idmap_count_halves(&b->inv->idmap);
    int rc = w[0].rc < 0 ? w[0].rc : w[1].rc;
    if (rc == 0)
        rc = join_dups(b, w);
    nv_free(w[0].dups);
    nv_free(w[1].dups);
    return rc;
}

/* Maps this small are built on one thread. */
#define HALVES_FROM 65536

void *nv_id_map_run(void *build)
{
    nv_id_build *b = build;
    nv_idmap_dispose(&b->inv->idmap);
    b->rc = nv_idmap_init(&b->inv->idmap, b->n);
    if (b->rc == 0 && b->n >= HALVES_FROM) {
        b->rc = build_halves(b);
        if (b->rc != NETVET_ELIMIT)
            return NULL;
        nv_free(b->dups); /* a half filled up (skewed hashes): again */
        b->dups = NULL;
        b->n_dups = b->cap = 0;
        nv_idmap_dispose(&b->inv->idmap);
        b->rc = nv_idmap_init(&b->inv->idmap, b->n);
    }
    if (b->rc == 0) {
        half_build w = {b, -1, NULL, 0, 0, 0};
        insert_ids(&w);
        b->rc = w.rc;
        b->dups = w.dups;
        b->n_dups = w.n_dups;
        b->cap = w.cap;
    }
    return NULL;
}

typedef struct hash_run {
    const nv_strtab *ids;
    uint64_t *hash;
    size_t from, to;
} hash_run;

static void *hash_range(void *arg)
{
    hash_run *r = arg;
    for (size_t k = r->from; k < r->to; k++)
        r->hash[k] = nv_hash_bytes(nv_strtab_get(r->ids, (uint32_t)k),
                                   nv_strtab_strlen(r->ids, (uint32_t)k));
    return NULL;
}

uint64_t *nv_id_hashes(const netvet_inventory *inv, size_t n)
{
    uint64_t *hash = nv_reallocarray(NULL, n ? n : 1, sizeof(uint64_t));
    if (!hash)
        return NULL;
    hash_run r[2] = {{&inv->ids, hash, 0, n / 2}, {&inv->ids, hash, n / 2, n}};
    pthread_t thread;
    int threaded = n >= HALVES_FROM &&
                   pthread_create(&thread, NULL, hash_range, &r[1]) == 0;
    if (!threaded)
        r[0].to = n;
    hash_range(&r[0]);
    if (threaded)
        pthread_join(thread, NULL);
    return hash;
}

int nv_id_map_build(netvet_inventory *inv)
{
    uint64_t *hash = nv_id_hashes(inv, inv->n);
    if (!hash)
        return NETVET_ENOMEM;
    nv_id_build b = {inv, hash, inv->n, 0, NULL, 0, 0, 0};
    nv_id_map_run(&b);
    nv_free(hash);
    nv_free(b.dups); /* none: the ids are in order */
    return b.rc;
}

/* Log the duplicates (their lines are known once the columns are in). */
static int log_dups(const nv_id_build *b, unsigned long id_column,
                    nv_diag_log *log)
{
    const netvet_inventory *inv = b->inv;
    for (size_t i = 0; i < b->n_dups; i++) {
        uint32_t k = b->dups[i].row;
        size_t len = nv_strtab_strlen(&inv->ids, k);
        char msg[256];
        snprintf(msg, sizeof(msg),
                 "duplicate id '%.*s' (first defined at line %u)%s",
                 (int)(len > 128 ? 128 : len), nv_inv_id(inv, k),
                 inv->line[b->dups[i].first], b->strict ? "" : "; row skipped");
        if (nv_diag_log_add(log, b->strict ? NETVET_SEV_ERROR : NETVET_SEV_WARNING,
                            inv->line[k], id_column, msg) < 0)
            return NETVET_ENOMEM;
    }
    return 0;
}

int nv_id_map_finish(nv_id_build *b, uint64_t *hash, unsigned long id_column,
                     nv_diag_log *log)
{
    netvet_inventory *inv = b->inv;
    int rc = b->rc < 0 ? b->rc : log_dups(b, id_column, log);
    if (rc < 0 || b->n_dups == 0)
        return rc;
    if (b->strict)
        return NETVET_EPARSE;
    uint8_t *drop = nv_calloc(inv->n ? inv->n : 1, 1);
    if (!drop)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < b->n_dups; i++)
        drop[b->dups[i].row] = 1;
    inv->stats[0].rows_loaded -= b->n_dups;
    inv->stats[0].rows_skipped += b->n_dups;
    rc = drop_rows(inv, hash, drop);
    nv_free(drop);
    if (rc < 0)
        return rc;
    nv_id_build again = {inv, hash, inv->n, 0, NULL, 0, 0, 0};
    nv_id_map_run(&again); /* no duplicates are left */
    nv_free(again.dups);
    return again.rc;
}
