/* SPDX-License-Identifier: Apache-2.0 */
/* Registry storage and consistency: the string arena, vendor records, the id
 * and PEN indexes, and nv_regstate_finish, which resolves parents, rejects
 * cycles and builds the normalised-name key map. Reading YAML is left to
 * registry_yaml.c and name normalisation to names.c. The confusable
 * skeletons of the keys are built on their first look-up. */
#include "vendors/registry_int.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/diag.h"
#include "vendors/names.h"

/* ---- arena ---------------------------------------------------------- */

char *nv_arena_strndup(nv_arena *a, const char *s, size_t len)
{
    nv_arena_block *b = a->head;
    if (!b || b->cap - b->used < len + 1) {
        size_t cap = len + 1 > 4096 ? len + 1 : 4096;
        b = nv_malloc(sizeof(*b) + cap);
        if (!b)
            return NULL;
        b->next = a->head;
        b->used = 0;
        b->cap = cap;
        a->head = b;
    }
    char *p = b->data + b->used;
    memcpy(p, s, len);
    p[len] = '\0';
    b->used += len + 1;
    return p;
}

nv_arena_mark nv_arena_get_mark(const nv_arena *a)
{
    nv_arena_mark m = {a->head, a->head ? a->head->used : 0};
    return m;
}

void nv_arena_rollback(nv_arena *a, nv_arena_mark m)
{
    while (a->head && a->head != m.head) {
        nv_arena_block *next = a->head->next;
        nv_free(a->head);
        a->head = next;
    }
    if (a->head)
        a->head->used = m.used;
}

/* ---- state ---------------------------------------------------------- */

int nv_regstate_init(nv_regstate *st)
{
    memset(st, 0, sizeof(*st));
    if (nv_strtab_init(&st->ids, 64, 0) < 0 ||
        nv_strtab_init(&st->keys, 256, 0) < 0 ||
        nv_strtab_init(&st->skels, 256, 0) < 0 ||
        nv_strtab_init(&st->pen_index, 128, 0) < 0) {
        nv_regstate_dispose(st);
        return NETVET_ENOMEM;
    }
    return NETVET_OK;
}

void nv_regstate_dispose(nv_regstate *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->n; i++) {
        nv_free(st->v[i].aliases);
        nv_free(st->v[i].listings);
        nv_free(st->v[i].pens);
        nv_free(st->v[i].owners);
        nv_free(st->v[i].owner_lines);
        nv_free(st->v[i].categories);
        nv_free(st->v[i].production);
    }
    nv_free(st->v);
    nv_strtab_dispose(&st->ids);
    nv_strtab_dispose(&st->keys);
    nv_strtab_dispose(&st->skels);
    nv_strtab_dispose(&st->pen_index);
    nv_free(st->key_ref);
    nv_free(st->skel_vendor);
    nv_free(st->pen_owner);
    memset(st, 0, sizeof(*st));
}

/* Copy n elements of `size` bytes; *out stays NULL when n == 0. */
static int dup_array(void **out, const void *src, size_t n, size_t size)
{
    *out = NULL;
    if (n == 0)
        return NETVET_OK;
    *out = nv_reallocarray(NULL, n, size);
    if (!*out)
        return NETVET_ENOMEM;
    memcpy(*out, src, n * size);
    return NETVET_OK;
}

static int clone_vendor(nv_vrec *d, const nv_vrec *s)
{
    *d = *s;
    d->aliases = NULL;
    d->listings = NULL;
    d->pens = NULL;
    d->owners = NULL;
    d->owner_lines = NULL;
    d->categories = d->production = NULL;
    d->aliases_cap = d->listings_cap = d->pens_cap = 0;
    d->line = d->id_line = d->name_line = d->parent_line = 0;
    if (dup_array((void **)&d->owners, s->owners, s->pub.n_owners,
                  sizeof(netvet_owner)) < 0 ||
        (s->pub.n_owners &&
         !(d->owner_lines = nv_calloc(s->pub.n_owners,
                                      sizeof(unsigned long)))) ||
        dup_array((void **)&d->categories, s->categories,
                  s->pub.n_categories, sizeof(char *)) < 0 ||
        dup_array((void **)&d->production, s->production,
                  s->pub.n_production, sizeof(char *)) < 0 ||
        dup_array((void **)&d->aliases, s->aliases, s->n_aliases,
                  sizeof(nv_alias)) < 0 ||
        dup_array((void **)&d->listings, s->listings, s->pub.n_listings,
                  sizeof(netvet_listing)) < 0 ||
        dup_array((void **)&d->pens, s->pens, s->pub.n_pens,
                  sizeof(uint32_t)) < 0)
        return NETVET_ENOMEM;
    d->aliases_cap = s->n_aliases;
    d->listings_cap = s->pub.n_listings;
    d->pens_cap = s->pub.n_pens;
    for (size_t j = 0; j < d->n_aliases; j++)
        d->aliases[j].line = 0;
    d->pub.listings = d->listings;
    d->pub.pens = d->pens;
    d->pub.owners = d->owners;
    d->pub.categories = d->categories;
    d->pub.production = d->production;
    return NETVET_OK;
}

static void pen_key(uint32_t pen, char key[4])
{
    for (int b = 0; b < 4; b++)
        key[b] = (char)((pen >> (8 * b)) & 0xff);
}

static int index_vendor(nv_regstate *st, size_t i)
{
    uint32_t sid;
    const char *id = st->v[i].pub.id;
    if (nv_strtab_intern(&st->ids, id, strlen(id), &sid, NULL) < 0)
        return NETVET_ENOMEM;
    for (size_t j = 0; j < st->v[i].pub.n_pens; j++) {
        char key[4];
        pen_key(st->v[i].pens[j], key);
        if (nv_strtab_intern(&st->pen_index, key, 4, &sid, NULL) < 0 ||
            NV_GROW(st->pen_owner, st->pen_owner_cap, (size_t)sid + 1) < 0)
            return NETVET_ENOMEM;
        st->pen_owner[sid] = (int32_t)i;
    }
    return NETVET_OK;
}

int nv_regstate_clone(nv_regstate *dst, const nv_regstate *src)
{
    int rc = nv_regstate_init(dst);
    if (rc < 0)
        return rc;
    if (src->n && !(dst->v = nv_reallocarray(NULL, src->n, sizeof(nv_vrec))))
        goto oom;
    dst->cap = src->n;
    for (size_t i = 0; i < src->n; i++) {
        dst->n = i + 1;
        if (clone_vendor(&dst->v[i], &src->v[i]) < 0 ||
            index_vendor(dst, i) < 0)
            goto oom;
    }
    return NETVET_OK;
oom:
    nv_regstate_dispose(dst);
    return NETVET_ENOMEM;
}

int nv_regstate_add(nv_regstate *st, const char *id)
{
    uint32_t sid;
    if (st->n >= INT32_MAX)
        return NETVET_ELIMIT;
    if (NV_GROW(st->v, st->cap, st->n + 1) < 0 ||
        nv_strtab_intern(&st->ids, id, strlen(id), &sid, NULL) < 0)
        return NETVET_ENOMEM;
    nv_vrec *r = &st->v[st->n];
    memset(r, 0, sizeof(*r));
    r->pub.id = id;
    r->pub.parent = -1;
    r->pub.note = "";
    r->pub.state_control = NETVET_STATE_NONE;
    r->pub.kind = NETVET_ENTRY_VENDOR;
    r->pub.country_source = "";
    r->pub.production_source = "";
    r->parent_id = "";
    r->format = 1;
    return (int)st->n++;
}

int nv_regstate_add_pen(nv_regstate *st, size_t i, uint32_t pen,
                        int32_t *owner_out)
{
    char key[4];
    uint32_t sid;
    int is_new;
    nv_vrec *r = &st->v[i];
    pen_key(pen, key);
    if (nv_strtab_intern(&st->pen_index, key, 4, &sid, &is_new) < 0)
        return NETVET_ENOMEM;
    if (!is_new) {
        *owner_out = st->pen_owner[sid];
        return st->pen_owner[sid] == (int32_t)i ? 0 : 1;
    }
    if (NV_GROW(st->pen_owner, st->pen_owner_cap, (size_t)sid + 1) < 0 ||
        NV_GROW(r->pens, r->pens_cap, r->pub.n_pens + 1) < 0)
        return NETVET_ENOMEM;
    st->pen_owner[sid] = (int32_t)i;
    r->pens[r->pub.n_pens++] = pen;
    r->pub.pens = r->pens;
    return 0;
}

int nv_regstate_add_alias(nv_regstate *st, size_t i, const char *text,
                          unsigned long line)
{
    nv_vrec *r = &st->v[i];
    if (NV_GROW(r->aliases, r->aliases_cap, r->n_aliases + 1) < 0)
        return NETVET_ENOMEM;
    r->aliases[r->n_aliases].text = text;
    r->aliases[r->n_aliases++].line = line;
    return NETVET_OK;
}

int nv_regstate_add_listing(nv_regstate *st, size_t i,
                            const netvet_listing *l)
{
    nv_vrec *r = &st->v[i];
    if (NV_GROW(r->listings, r->listings_cap, r->pub.n_listings + 1) < 0)
        return NETVET_ENOMEM;
    r->listings[r->pub.n_listings++] = *l;
    r->pub.listings = r->listings;
    return NETVET_OK;
}

/* Replace *arr (n_out items of `size`) with a copy of src[0..n). */
static int replace_array(void **arr, size_t *n_out, const void *src,
                         size_t n, size_t size)
{
    void *copy;
    if (dup_array(&copy, src, n, size) < 0)
        return NETVET_ENOMEM;
    nv_free(*arr);
    *arr = copy;
    *n_out = n;
    return NETVET_OK;
}

int nv_regstate_set_owners(nv_regstate *st, size_t i, const netvet_owner *o,
                           const unsigned long *lines, size_t n)
{
    nv_vrec *r = &st->v[i];
    size_t n_lines = 0;
    if (replace_array((void **)&r->owners, &r->pub.n_owners, o, n,
                      sizeof(*o)) < 0 ||
        replace_array((void **)&r->owner_lines, &n_lines, lines, n,
                      sizeof(*lines)) < 0)
        return NETVET_ENOMEM;
    r->pub.owners = r->owners;
    return NETVET_OK;
}

int nv_regstate_set_categories(nv_regstate *st, size_t i,
                               const char *const *s, size_t n)
{
    nv_vrec *r = &st->v[i];
    int rc = replace_array((void **)&r->categories, &r->pub.n_categories, s,
                           n, sizeof(*s));
    r->pub.categories = r->categories;
    return rc;
}

int nv_regstate_set_production(nv_regstate *st, size_t i,
                               const char *const *s, size_t n)
{
    nv_vrec *r = &st->v[i];
    int rc = replace_array((void **)&r->production, &r->pub.n_production, s,
                           n, sizeof(*s));
    r->pub.production = r->production;
    return rc;
}

/* ---- consistency ---------------------------------------------------- */

static int resolve_parents(nv_regstate *st, const char *file,
                           netvet_diag *diag)
{
    for (size_t i = 0; i < st->n; i++) {
        nv_vrec *r = &st->v[i];
        r->pub.parent = -1;
        if (!r->parent_id[0])
            continue;
        int64_t p = nv_strtab_find(&st->ids, r->parent_id,
                                   strlen(r->parent_id));
        if (p < 0)
            return nv_diag_fail(diag, NETVET_EPARSE, file, r->parent_line, 0,
                                "parent '%s' of vendor '%s' names no vendor",
                                r->parent_id, r->pub.id);
        r->pub.parent = (int)p;
    }
    return NETVET_OK;
}

/* Report the cycle through vendor c, from the member whose parent was set
 * earliest in this overlay (a valid registry had no cycle before it). */
static int report_cycle(const nv_regstate *st, int c, const char *file,
                        netvet_diag *diag)
{
    int start = c;
    int j = c;
    do {
        unsigned long lj = st->v[j].parent_line, ls = st->v[start].parent_line;
        if (lj && (!ls || lj < ls))
            start = j;
        j = st->v[j].pub.parent;
    } while (j != c);
    char path[512];
    size_t used = 0;
    j = start;
    do {
        int w = snprintf(path + used, sizeof(path) - used, "%s -> ",
                         st->v[j].pub.id);
        if (w < 0 || (size_t)w >= sizeof(path) - used - 4)
            break;
        used += (size_t)w;
        j = st->v[j].pub.parent;
    } while (j != start);
    snprintf(path + used, sizeof(path) - used, "%s",
             j == start ? st->v[start].pub.id : "...");
    return nv_diag_fail(diag, NETVET_EPARSE, file, st->v[start].parent_line,
                        0, "parent cycle: %s", path);
}

static int check_cycles(const nv_regstate *st, const char *file,
                        netvet_diag *diag)
{
    unsigned char *color = nv_calloc(st->n, 1); /* 0 new, 1 on path, 2 ok */
    if (!color)
        return NETVET_ENOMEM;
    int rc = NETVET_OK;
    for (size_t i = 0; i < st->n && rc == NETVET_OK; i++) {
        int j = (int)i;
        while (j >= 0 && color[j] == 0) {
            color[j] = 1;
            j = st->v[j].pub.parent;
        }
        if (j >= 0 && color[j] == 1) {
            rc = report_cycle(st, j, file, diag);
            break;
        }
        for (j = (int)i; j >= 0 && color[j] == 1; j = st->v[j].pub.parent)
            color[j] = 2;
    }
    nv_free(color);
    return rc;
}

/* Cache every vendor's top-most parent (parents are acyclic by now). */
static void compute_roots(nv_regstate *st)
{
    for (size_t i = 0; i < st->n; i++)
        st->v[i].root = -1;
    for (size_t i = 0; i < st->n; i++) {
        int j = (int)i;
        while (st->v[j].root < 0 && st->v[j].pub.parent >= 0)
            j = st->v[j].pub.parent;
        int root = st->v[j].root >= 0 ? st->v[j].root : j;
        for (j = (int)i; st->v[j].root < 0; j = st->v[j].pub.parent) {
            st->v[j].root = root;
            if (st->v[j].pub.parent < 0)
                break;
        }
    }
}

static const char *const kind_names[] = {"id", "name", "alias"};

static const char *key_text(const nv_regstate *st, const nv_keyref *k)
{
    const nv_vrec *r = &st->v[k->vendor];
    if (k->kind == NV_KEY_ID)
        return r->pub.id;
    return k->kind == NV_KEY_NAME ? r->pub.name : r->aliases[k->alias].text;
}

/* Vendor i's keys, in the order they are indexed: its id, its name, then
 * its aliases. */
static size_t key_count(const nv_regstate *st, size_t i)
{
    return 2 + st->v[i].n_aliases;
}

static nv_keyref key_ref_at(size_t i, size_t j)
{
    nv_keyref k = {(int32_t)i, NV_KEY_ALIAS, j < 2 ? 0 : (uint32_t)(j - 2)};
    if (j < 2)
        k.kind = j == 0 ? NV_KEY_ID : NV_KEY_NAME;
    return k;
}

static unsigned long key_line(const nv_regstate *st, const nv_keyref *k)
{
    const nv_vrec *r = &st->v[k->vendor];
    if (k->kind == NV_KEY_ID)
        return r->id_line;
    return k->kind == NV_KEY_NAME ? r->name_line : r->aliases[k->alias].line;
}

static int key_clash(const nv_regstate *st, const nv_keyref *a,
                     const nv_keyref *b, const char *key, size_t n,
                     const char *file, netvet_diag *diag)
{
    if (key_line(st, b) > key_line(st, a)) {
        const nv_keyref *t = a;
        a = b;
        b = t;
    }
    return nv_diag_fail(diag, NETVET_EPARSE, file, key_line(st, a), 0,
                        "%s '%s' of vendor '%s' normalises to '%.*s', as does "
                        "%s '%s' of vendor '%s'",
                        kind_names[a->kind], key_text(st, a),
                        st->v[a->vendor].pub.id, (int)n, key,
                        kind_names[b->kind], key_text(st, b),
                        st->v[b->vendor].pub.id);
}

enum { SKELS_NONE, SKELS_BUILT, SKELS_FAILED };

/* Index the confusable skeleton of a key's text for vendor v; a skeleton
 * two vendors share matches neither. */
static int add_skeleton(nv_regstate *st, int32_t v, const char *text,
                        size_t len, int upper)
{
    char *skel;
    size_t n;
    int rc = nv_name_skeleton_key(text, len, upper, &skel, &n);
    if (rc == NETVET_ENOMEM)
        return rc;
    if (rc < 0 || n == 0) {
        nv_free(skel);
        return NETVET_OK; /* no skeleton: only exact matches */
    }
    uint32_t sid;
    int is_new;
    rc = nv_strtab_intern(&st->skels, skel, n, &sid, &is_new);
    nv_free(skel);
    if (rc < 0)
        return NETVET_ENOMEM;
    if (!is_new) {
        if (st->skel_vendor[sid] != v)
            st->skel_vendor[sid] = -1;
        return NETVET_OK;
    }
    if (NV_GROW(st->skel_vendor, st->skel_vendor_cap, (size_t)sid + 1) < 0)
        return NETVET_ENOMEM;
    st->skel_vendor[sid] = v;
    return NETVET_OK;
}

static int add_key(nv_regstate *st, const nv_keyref *k, const char *file,
                   netvet_diag *diag)
{
    char key[NV_REG_MAX_VALUE];
    const char *text = key_text(st, k);
    size_t len = strlen(text);
    if (len > sizeof(key))
        return NETVET_ELIMIT; /* the loader caps values first */
    size_t n = nv_name_key(text, len, key);
    if (n == 0)
        return nv_diag_fail(diag, NETVET_EPARSE, file, key_line(st, k), 0,
                            "%s '%s' of vendor '%s' has no words left once "
                            "case, punctuation and legal-form suffixes are "
                            "removed",
                            kind_names[k->kind], text, st->v[k->vendor].pub.id);
    uint32_t kid;
    int is_new;
    if (nv_strtab_intern(&st->keys, key, n, &kid, &is_new) < 0)
        return NETVET_ENOMEM;
    if (!is_new)
        return st->key_ref[kid].vendor == k->vendor
                   ? NETVET_OK
                   : key_clash(st, k, &st->key_ref[kid], key, n, file, diag);
    if (NV_GROW(st->key_ref, st->key_ref_cap, (size_t)kid + 1) < 0)
        return NETVET_ENOMEM;
    st->key_ref[kid] = *k;
    return NETVET_OK;
}

/* The skeletons of every key's text, lower and upper case. */
static int build_skeletons(nv_regstate *st)
{
    nv_strtab_dispose(&st->skels);
    if (nv_strtab_init(&st->skels, st->n * 4, 0) < 0)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < st->n; i++)
        for (size_t j = 0; j < key_count(st, i); j++) {
            nv_keyref k = key_ref_at(i, j);
            const char *text = key_text(st, &k);
            for (int upper = 0; upper < 2; upper++) {
                int rc = add_skeleton(st, k.vendor, text, strlen(text), upper);
                if (rc < 0)
                    return rc;
            }
        }
    return NETVET_OK;
}

static int build_keys(nv_regstate *st, const char *file, netvet_diag *diag)
{
    nv_strtab_dispose(&st->keys);
    if (nv_strtab_init(&st->keys, st->n * 4, 0) < 0)
        return NETVET_ENOMEM;
    st->skels_state = SKELS_NONE; /* the keys changed */
    for (size_t i = 0; i < st->n; i++)
        for (size_t j = 0; j < key_count(st, i); j++) {
            nv_keyref k = key_ref_at(i, j);
            int rc = add_key(st, &k, file, diag);
            if (rc < 0)
                return rc;
        }
    return NETVET_OK;
}

int nv_regstate_finish(nv_regstate *st, const char *file, netvet_diag *diag)
{
    int rc = resolve_parents(st, file, diag);
    if (rc == NETVET_OK)
        rc = check_cycles(st, file, diag);
    if (rc == NETVET_OK)
        compute_roots(st);
    if (rc == NETVET_OK)
        rc = nv_regstate_check_owners(st, file, diag);
    if (rc == NETVET_OK)
        rc = build_keys(st, file, diag);
    return rc;
}

/* ---- public: lifetime and getters ----------------------------------- */

int netvet_registry_new_empty(netvet_registry **out)
{
    if (!out)
        return NETVET_EINVAL;
    *out = NULL;
    netvet_registry *reg = nv_calloc(1, sizeof(*reg));
    if (!reg)
        return NETVET_ENOMEM;
    if (nv_regstate_init(&reg->st) < 0) {
        nv_free(reg);
        return NETVET_ENOMEM;
    }
    *out = reg;
    return NETVET_OK;
}

void netvet_registry_free(netvet_registry *reg)
{
    if (!reg)
        return;
    nv_regstate_dispose(&reg->st);
    nv_free(reg->changes);
    nv_file_inputs_dispose(&reg->inputs);
    nv_arena_mark empty = {NULL, 0};
    nv_arena_rollback(&reg->arena, empty);
    nv_free(reg);
}

size_t netvet_registry_count(const netvet_registry *reg)
{
    return reg ? reg->st.n : 0;
}

const netvet_vendor *netvet_registry_vendor(const netvet_registry *reg,
                                            size_t i)
{
    return reg && i < reg->st.n ? &reg->st.v[i].pub : NULL;
}

int netvet_registry_find(const netvet_registry *reg, const char *id)
{
    if (!reg || !id)
        return -1;
    return (int)nv_strtab_find(&reg->st.ids, id, strlen(id));
}

int netvet_registry_root(const netvet_registry *reg, int i)
{
    if (!reg || i < 0 || (size_t)i >= reg->st.n)
        return -1;
    return reg->st.v[i].root;
}

const char *netvet_registry_country(const netvet_registry *reg, int i)
{
    int r = netvet_registry_root(reg, i);
    return r < 0 ? NULL : reg->st.v[r].pub.country;
}

int netvet_registry_entry_format(const netvet_registry *reg, int i)
{
    if (!reg || i < 0 || (size_t)i >= reg->st.n)
        return 0;
    return reg->st.v[i].format;
}

int nv_registry_key_vendor(const netvet_registry *reg, const char *key,
                           size_t len)
{
    int64_t kid = nv_strtab_find(&reg->st.keys, key, len);
    return kid < 0 ? -1 : reg->st.key_ref[kid].vendor;
}

const nv_keyref *nv_registry_key_ref(const netvet_registry *reg,
                                     const char *key, size_t len)
{
    int64_t kid = nv_strtab_find(&reg->st.keys, key, len);
    return kid < 0 ? NULL : &reg->st.key_ref[kid];
}

const char *nv_registry_key_text(const netvet_registry *reg,
                                 const nv_keyref *k)
{
    return key_text(&reg->st, k);
}

/* Build the skeletons once; threads resolving names at once (the view's
 * halves) wait for the first. The registry is const to its readers: the
 * skeletons are a cache of what its keys already determine. */
static int skeletons_ready(const netvet_registry *reg)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    nv_regstate *st = (nv_regstate *)&reg->st;
    int state = __atomic_load_n(&st->skels_state, __ATOMIC_ACQUIRE);
    if (state == SKELS_NONE) {
        pthread_mutex_lock(&lock);
        state = __atomic_load_n(&st->skels_state, __ATOMIC_ACQUIRE);
        if (state == SKELS_NONE) {
            state = build_skeletons(st) < 0 ? SKELS_FAILED : SKELS_BUILT;
            __atomic_store_n(&st->skels_state, state, __ATOMIC_RELEASE);
        }
        pthread_mutex_unlock(&lock);
    }
    return state == SKELS_BUILT;
}

int nv_registry_skel_vendor(const netvet_registry *reg, const char *key,
                            size_t len)
{
    if (!skeletons_ready(reg))
        return -1; /* out of memory: no look-alike is matched */
    int64_t sid = nv_strtab_find(&reg->st.skels, key, len);
    return sid < 0 ? -1 : reg->st.skel_vendor[sid];
}

size_t nv_registry_alias_count(const netvet_registry *reg, size_t i)
{
    return reg && i < reg->st.n ? reg->st.v[i].n_aliases : 0;
}

const char *nv_registry_alias(const netvet_registry *reg, size_t i, size_t j)
{
    if (!reg || i >= reg->st.n || j >= reg->st.v[i].n_aliases)
        return NULL;
    return reg->st.v[i].aliases[j].text;
}

int nv_registry_find_pen(const netvet_registry *reg, uint32_t pen)
{
    char key[4];
    if (!reg)
        return -1;
    pen_key(pen, key);
    int64_t sid = nv_strtab_find(&reg->st.pen_index, key, 4);
    return sid < 0 ? -1 : reg->st.pen_owner[sid];
}
