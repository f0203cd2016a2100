/* SPDX-License-Identifier: Apache-2.0 */
/* Overlay storage: the shadow inventory starts as a shallow copy of the
 * base's fields; each column is copied the first time a change writes it
 * (or extended when elements or links are added). Only owned arrays are
 * freed. Applying scenario changes is in apply.c, filters in match.c. */
#include <stddef.h>
#include <string.h>

#include "overlay/overlay.h"
#include "util/alloc.h"

typedef struct col_desc {
    size_t off;  /* offset of the column pointer in netvet_inventory */
    size_t size; /* bytes per row */
} col_desc;

#define NV_OV_MAX_ELEMENTS (UINT32_MAX - 2u) /* as graph/csr.h */

#define COL(field) {offsetof(netvet_inventory, field), \
                    sizeof(*((netvet_inventory *)0)->field)}

static const col_desc cols[NV_COL_COUNT] = {
    COL(vendor), COL(function), COL(status), COL(weight), COL(line),
    COL(site), COL(region), COL(installed), COL(mac), COL(sys_object_id),
    COL(sys_descr), COL(lldp_descr), COL(cpe), COL(link_a), COL(link_b)};

void **nv_ov_col_ptr(netvet_inventory *inv, enum nv_ov_col c)
{
    return (void **)((char *)inv + cols[c].off);
}

static int is_link_col(enum nv_ov_col c)
{
    return c >= NV_COL_ELEMENT_END;
}

/* Rows a column has in the shadow, and its capacity once owned. */
static size_t col_rows(const netvet_overlay *ov, enum nv_ov_col c)
{
    return is_link_col(c) ? ov->inv.n_links : ov->inv.n;
}

static size_t col_cap(const netvet_overlay *ov, enum nv_ov_col c)
{
    size_t rows = col_rows(ov, c);
    size_t cap = is_link_col(c) ? ov->links_cap : ov->el_cap;
    return cap > rows ? cap : rows;
}

/* Fill rows [from, to) of column c with its empty value. */
static void fill_empty(void *col, enum nv_ov_col c, size_t from, size_t to)
{
    if (c == NV_COL_INSTALLED) {
        for (size_t k = from; k < to; k++)
            ((int32_t *)col)[k] = NV_NO_DATE;
        return;
    }
    memset((char *)col + from * cols[c].size, 0, (to - from) * cols[c].size);
}

static int own_with_cap(netvet_overlay *ov, enum nv_ov_col c, size_t cap)
{
    void **p = nv_ov_col_ptr(&ov->inv, c);
    size_t rows = col_rows(ov, c);
    if (ov->owned & (1u << c)) {
        void *grown = nv_reallocarray(*p, cap ? cap : 1, cols[c].size);
        if (!grown)
            return NETVET_ENOMEM;
        *p = grown;
        return 0;
    }
    void *fresh = nv_reallocarray(NULL, cap ? cap : 1, cols[c].size);
    if (!fresh)
        return NETVET_ENOMEM;
    if (*p && rows)
        memcpy(fresh, *p, rows * cols[c].size);
    else
        fill_empty(fresh, c, 0, rows);
    *p = fresh;
    ov->owned |= 1u << c;
    return 0;
}

int nv_ov_own(netvet_overlay *ov, enum nv_ov_col c)
{
    if (ov->owned & (1u << c))
        return 0;
    return own_with_cap(ov, c, col_cap(ov, c));
}

static int grow_flags(uint8_t **flags, size_t n, size_t cap)
{
    if (!*flags)
        return 0;
    uint8_t *g = nv_reallocarray(*flags, cap, 1);
    if (!g)
        return NETVET_ENOMEM;
    memset(g + n, 0, cap - n);
    *flags = g;
    return 0;
}

static int own_attrs(netvet_overlay *ov, size_t cap)
{
    netvet_inventory *inv = &ov->inv;
    if (!inv->n_attrs)
        return 0;
    if (!ov->owned_attrs) {
        nv_attr_column *a = nv_calloc(inv->n_attrs, sizeof(*a));
        if (!a)
            return NETVET_ENOMEM;
        for (size_t i = 0; i < inv->n_attrs; i++)
            a[i].name = inv->attrs[i].name;
        inv->attrs = a;
        ov->owned_attrs = 1;
        for (size_t i = 0; i < inv->n_attrs; i++) {
            uint32_t *v = nv_reallocarray(NULL, cap, sizeof(uint32_t));
            if (!v)
                return NETVET_ENOMEM;
            memcpy(v, ov->base->attrs[i].value, inv->n * sizeof(uint32_t));
            a[i].value = v;
        }
        return 0;
    }
    for (size_t i = 0; i < inv->n_attrs; i++) {
        uint32_t *v = nv_reallocarray(inv->attrs[i].value, cap,
                                      sizeof(uint32_t));
        if (!v)
            return NETVET_ENOMEM;
        inv->attrs[i].value = v;
    }
    return 0;
}

int nv_ov_own_tags(netvet_overlay *ov, size_t extra_tags)
{
    netvet_inventory *inv = &ov->inv;
    size_t need = inv->n_tags + extra_tags, cap = ov->tags_cap;
    if (ov->owned_tags && need <= cap)
        return 0;
    if (cap < need)
        cap = need > 2 * cap ? need : 2 * cap;
    uint32_t *tags = ov->owned_tags ? inv->tags : NULL;
    uint32_t *grown = nv_reallocarray(tags, cap ? cap : 1, sizeof(uint32_t));
    if (!grown)
        return NETVET_ENOMEM;
    if (!ov->owned_tags) {
        uint32_t *off = nv_reallocarray(NULL, ov->el_cap + 1,
                                        sizeof(uint32_t));
        if (!off) {
            nv_free(grown);
            return NETVET_ENOMEM;
        }
        memcpy(off, inv->tag_off, (inv->n + 1) * sizeof(uint32_t));
        if (inv->n_tags)
            memcpy(grown, inv->tags, inv->n_tags * sizeof(uint32_t));
        inv->tag_off = off;
        ov->owned_tags = 1;
    }
    inv->tags = grown;
    ov->tags_cap = cap;
    return 0;
}

/* Does the overlay own every column the shadow has (first `from` .. `to`)? */
static int owns_present(const netvet_overlay *ov, int from, int to)
{
    for (int c = from; c < to; c++)
        if (*nv_ov_col_ptr((netvet_inventory *)&ov->inv, (enum nv_ov_col)c) &&
            !(ov->owned & (1u << c)))
            return 0;
    return 1;
}

static int grow_elements(netvet_overlay *ov, size_t cap)
{
    netvet_inventory *inv = &ov->inv;
    for (int c = 0; c < NV_COL_ELEMENT_END; c++)
        if (*nv_ov_col_ptr(inv, (enum nv_ov_col)c) &&
            own_with_cap(ov, (enum nv_ov_col)c, cap) < 0)
            return NETVET_ENOMEM;
    if (grow_flags(&ov->removed, inv->n, cap) < 0 ||
        grow_flags(&ov->touched, inv->n, cap) < 0 || own_attrs(ov, cap) < 0)
        return NETVET_ENOMEM;
    if (ov->owned_tags) {
        uint32_t *off = nv_reallocarray(inv->tag_off, cap + 1,
                                        sizeof(uint32_t));
        if (!off)
            return NETVET_ENOMEM;
        inv->tag_off = off;
    }
    ov->el_cap = cap;
    inv->cap = cap;
    return 0;
}

int nv_ov_reserve_elements(netvet_overlay *ov, size_t extra)
{
    netvet_inventory *inv = &ov->inv;
    size_t need = inv->n + extra;
    if (need < inv->n || need > NV_OV_MAX_ELEMENTS)
        return NETVET_ELIMIT;
    if (need > ov->el_cap || !owns_present(ov, 0, NV_COL_ELEMENT_END) ||
        (inv->n_attrs && !ov->owned_attrs)) {
        size_t cap = ov->el_cap;
        if (cap < need)
            cap = need > 2 * cap ? need : 2 * cap;
        if (grow_elements(ov, cap) < 0)
            return NETVET_ENOMEM;
    }
    return nv_ov_own_tags(ov, 0);
}

int nv_ov_reserve_links(netvet_overlay *ov, size_t extra)
{
    netvet_inventory *inv = &ov->inv;
    size_t need = inv->n_links + extra;
    if (need < inv->n_links || need > UINT32_MAX / 2)
        return NETVET_ELIMIT;
    size_t cap = ov->links_cap > inv->n_links ? ov->links_cap : inv->n_links;
    if (need <= cap && owns_present(ov, NV_COL_ELEMENT_END, NV_COL_COUNT))
        return 0;
    if (cap < need)
        cap = need > 2 * cap ? need : 2 * cap;
    for (int c = NV_COL_ELEMENT_END; c < NV_COL_COUNT; c++) {
        enum nv_ov_col col = (enum nv_ov_col)c;
        if ((*nv_ov_col_ptr(inv, col) || col == NV_COL_LINK_A ||
             col == NV_COL_LINK_B) &&
            own_with_cap(ov, col, cap) < 0)
            return NETVET_ENOMEM;
    }
    ov->links_cap = cap;
    inv->links_cap = cap;
    return 0;
}

static int own_strings(netvet_overlay *ov)
{
    static uint64_t serial = (uint64_t)1 << 62; /* apart from loaders' */
    if (ov->owned_strings)
        return 0;
    nv_strtab copy;
    if (nv_strtab_copy(&copy, &ov->base->strings) < 0)
        return NETVET_ENOMEM;
    ov->inv.strings = copy;
    ov->owned_strings = 1;
    /* string ids now mean a different table: caches keyed by serial */
    ov->inv.serial = __atomic_add_fetch(&serial, 1, __ATOMIC_RELAXED);
    return 0;
}

int nv_ov_intern(netvet_overlay *ov, const char *s, uint32_t *id)
{
    size_t len = strlen(s);
    int64_t found = nv_strtab_find(&ov->inv.strings, s, len);
    if (found >= 0) {
        *id = (uint32_t)found;
        return 0;
    }
    int rc = own_strings(ov);
    return rc < 0 ? rc : nv_strtab_intern(&ov->inv.strings, s, len, id, NULL);
}

int nv_ov_append_id(netvet_overlay *ov, const char *s)
{
    size_t len = strlen(s);
    uint32_t k, i;
    int is_new = 0;
    if (!ov->owned_ids) {
        nv_strtab copy;
        if (nv_strtab_copy(&copy, &ov->base->ids) < 0)
            return NETVET_ENOMEM;
        ov->inv.ids = copy;
        ov->owned_ids = 1;
    }
    int rc = nv_strtab_append(&ov->inv.ids, s, len, &k);
    if (rc == 0)
        rc = nv_strtab_intern(&ov->new_ids, s, len, &i, &is_new);
    if (rc == 0 && (k != ov->inv.n || !is_new ||
                    (size_t)i != ov->inv.n - ov->base->n))
        rc = NETVET_ERROR; /* ids and elements out of step: a bug */
    return rc;
}

int64_t nv_ov_find(const netvet_overlay *ov, const char *s)
{
    size_t len = strlen(s);
    int64_t k = ov->base->n ? nv_inv_find_id(ov->base, s, len) : -1;
    if (k >= 0)
        return k;
    int64_t i = nv_strtab_find(&ov->new_ids, s, len);
    return i < 0 ? -1 : (int64_t)ov->base->n + i;
}

int nv_ov_vendor_root(netvet_overlay *ov, uint32_t s, int32_t *root)
{
    if (s >= ov->vendor_root_n) {
        size_t n = ov->inv.strings.n;
        int32_t *g = nv_reallocarray(ov->vendor_root, n ? n : 1,
                                     sizeof(int32_t));
        if (!g)
            return NETVET_ENOMEM;
        for (size_t i = ov->vendor_root_n; i < n; i++)
            g[i] = -3;
        ov->vendor_root = g;
        ov->vendor_root_n = n;
    }
    if (ov->vendor_root[s] == -3) {
        const nv_strtab *t = &ov->inv.strings;
        int v = netvet_registry_resolve(ov->reg, nv_strtab_get(t, s),
                                        nv_strtab_strlen(t, s));
        ov->vendor_root[s] = v < 0 ? -1 : netvet_registry_root(ov->reg, v);
    }
    *root = ov->vendor_root[s];
    return 0;
}

int nv_ov_mark(netvet_overlay *ov, size_t k, int removed)
{
    uint8_t **flags = removed ? &ov->removed : &ov->touched;
    if (!*flags) {
        size_t cap = ov->el_cap > ov->inv.n ? ov->el_cap : ov->inv.n;
        if (!(*flags = nv_calloc(cap ? cap : 1, 1)))
            return NETVET_ENOMEM;
    }
    if (!(*flags)[k]) {
        (*flags)[k] = 1;
        if (removed)
            ov->stats.removed++;
        else if (k < ov->base->n)
            ov->stats.changed++;
    }
    return 0;
}

/* ---- public ---- */

int netvet_overlay_new(netvet_overlay **out, const netvet_inventory *base,
                       const netvet_registry *reg)
{
    if (!out || !base || !reg)
        return NETVET_EINVAL;
    netvet_overlay *ov = nv_calloc(1, sizeof(*ov));
    if (!ov)
        return NETVET_ENOMEM;
    ov->base = base;
    ov->reg = reg;
    ov->inv = *base; /* shallow: every array borrowed until written */
    ov->el_cap = base->n;
    ov->links_cap = base->n_links;
    ov->tags_cap = base->n_tags;
    if (nv_strtab_init(&ov->new_ids, 16, 0) < 0) {
        nv_free(ov);
        return NETVET_ENOMEM;
    }
    *out = ov;
    return 0;
}

void netvet_overlay_free(netvet_overlay *ov)
{
    if (!ov)
        return;
    for (int c = 0; c < NV_COL_COUNT; c++)
        if (ov->owned & (1u << c))
            nv_free(*nv_ov_col_ptr(&ov->inv, (enum nv_ov_col)c));
    if (ov->owned_tags) {
        nv_free(ov->inv.tag_off);
        nv_free(ov->inv.tags);
    }
    if (ov->owned_attrs) {
        for (size_t i = 0; i < ov->inv.n_attrs; i++)
            nv_free(ov->inv.attrs[i].value);
        nv_free(ov->inv.attrs);
    }
    if (ov->owned_strings)
        nv_strtab_dispose(&ov->inv.strings);
    if (ov->owned_ids)
        nv_strtab_dispose(&ov->inv.ids);
    nv_strtab_dispose(&ov->new_ids);
    for (size_t i = 0; i < ov->n_log; i++)
        nv_free(ov->log[i].summary);
    nv_free(ov->log);
    nv_free(ov->removed);
    nv_free(ov->touched);
    nv_free(ov->vendor_root);
    nv_free(ov);
}

const netvet_inventory *netvet_overlay_inventory(const netvet_overlay *ov)
{
    return &ov->inv;
}

netvet_overlay_stats netvet_overlay_get_stats(const netvet_overlay *ov)
{
    return ov->stats;
}

size_t netvet_overlay_log_count(const netvet_overlay *ov)
{
    return ov->n_log;
}

netvet_change_info netvet_overlay_log(const netvet_overlay *ov, size_t i)
{
    netvet_change_info info = {0, "", "", 0, 0};
    if (i >= ov->n_log)
        return info;
    const nv_ov_log *l = &ov->log[i];
    info.line = l->line;
    info.action = nv_change_kind_name(l->kind);
    info.summary = l->summary ? l->summary : "";
    info.elements = l->elements;
    info.links = l->links;
    return info;
}
