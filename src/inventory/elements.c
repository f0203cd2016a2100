/* SPDX-License-Identifier: Apache-2.0 */
/* Load elements.csv rows into the inventory's columns: validate each field,
 * intern strings and keep the id with its hash. Bad numbers, dates,
 * status, function and UTF-8 are bad rows here; duplicate ids are found
 * when the parts are merged. */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "inventory/load.h"
#include "util/alloc.h"
#include "util/diag.h"

#define MAX_COLUMNS 32
#define RECENT 256 /* cached values per string column (a power of two) */
#define RECENT_TEXT 32 /* bytes of a cached value kept beside its id */

/* String columns to fill per row, in interning order (which fixes the
 * string ids): known columns, then attributes by header position. */
typedef struct str_col {
    int pos;        /* header position */
    uint32_t **col; /* the column (it may move when it grows) */
    int distinct;   /* append, do not intern */
    struct recent {       /* values seen lately, by cache_slot: id, */
        uint32_t id, len;   /* length, offset in the table's bytes and */
        uint64_t off;       /* the first bytes (a value's bytes in the */
        char text[RECENT_TEXT]; /* table sit far apart: cache misses) */
    } recent[RECENT];
    struct recent *last; /* the previous row's slot (NULL: none yet) */
} str_col;

typedef struct grow_list {
    void **ptr[MAX_COLUMNS];
    size_t size[MAX_COLUMNS];
    size_t n;
    str_col *str; /* planned once after the header */
    size_t n_str;
    nv_number_memo weight; /* the last weight accepted */
    /* the previous row's tags field and the tag ids it gave */
    char last_tags[64];
    size_t last_tags_len; /* > sizeof(last_tags): nothing cached */
    uint32_t last_ids[8];
    size_t n_last_ids;
} grow_list;

static void track(grow_list *g, void **p, size_t size)
{
    g->ptr[g->n] = p;
    g->size[g->n++] = size;
}

/* Grow every present element column to hold `need` rows. */
static int grow_columns(netvet_inventory *inv, const grow_list *g, size_t need,
                        int shared)
{
    if (need <= inv->cap)
        return 0;
    if (shared) /* sized for every line of the part: cannot happen */
        return NETVET_ERROR;
    size_t cap = inv->cap ? inv->cap * 2 : need;
    while (cap < need)
        cap *= 2;
    for (size_t i = 0; i < g->n; i++) {
        void *p = nv_reallocarray(*g->ptr[i], cap, g->size[i]);
        if (!p)
            return NETVET_ENOMEM;
        *g->ptr[i] = p;
    }
    for (size_t k = 0; k < inv->n_attrs; k++) {
        uint32_t *p = nv_reallocarray(inv->attrs[k].value, cap, 4);
        if (!p)
            return NETVET_ENOMEM;
        inv->attrs[k].value = p;
    }
    /* tag_off has one more slot than rows */
    uint32_t *t = nv_reallocarray(inv->tag_off, cap + 1, sizeof(uint32_t));
    if (!t)
        return NETVET_ENOMEM;
    inv->tag_off = t;
    inv->cap = cap;
    return 0;
}

static void plan_columns(nv_loader *L, grow_list *g)
{
    netvet_inventory *inv = L->inv;
    track(g, (void **)&inv->vendor, 4);
    track(g, (void **)&inv->function, 1);
    track(g, (void **)&inv->status, 1);
    track(g, (void **)&inv->weight, 8);
    track(g, (void **)&inv->line, 4);
    struct { nv_col c; void **p; size_t sz; } opt[] = {
        {NV_COL_SITE, (void **)&inv->site, 4},
        {NV_COL_REGION, (void **)&inv->region, 4},
        {NV_COL_INSTALLED, (void **)&inv->installed, 4},
        {NV_COL_MAC, (void **)&inv->mac, 4},
        {NV_COL_SYS_OBJECT_ID, (void **)&inv->sys_object_id, 4},
        {NV_COL_SYS_DESCR, (void **)&inv->sys_descr, 4},
        {NV_COL_LLDP_DESCR, (void **)&inv->lldp_descr, 4},
        {NV_COL_CPE, (void **)&inv->cpe, 4},
    };
    for (size_t i = 0; i < sizeof(opt) / sizeof(opt[0]); i++)
        if (L->pos[opt[i].c] >= 0)
            track(g, opt[i].p, opt[i].sz);
}

/* Field of known column c in the current record (empty if absent). */
static nv_csv_field field(const nv_loader *L, nv_col c)
{
    int p = L->pos[c];
    if (p < 0)
        return (nv_csv_field){"", 0};
    return L->fields[p]; /* batched fields are trimmed */
}

/* Slot of a value in a column's cache of recent values (columns have
 * tens to hundreds of values in random order: vendors, models, software). */
static size_t cache_slot(nv_csv_field f)
{
    return (size_t)(nv_field_mix(f) >> 56) & (RECENT - 1);
}

/* Does slot hold the value f? */
static int slot_holds(const struct recent *slot, const nv_strtab *st,
                      nv_csv_field f)
{
    return slot->len == f.len &&
           nv_equal_bytes(f.len <= RECENT_TEXT ? slot->text
                                               : st->bytes + slot->off,
                          f.p, f.len);
}

/* Intern the field at header position pos. A column repeats a few values
 * in runs (vendor spellings, models, the site of a run of rows), so the
 * previous row's value is tried first (sites and regions come in runs of
 * rows: no hash then), then a small cache of recent ids, before hashing
 * into the table. */
static int intern_at(nv_loader *L, str_col *c, uint32_t *out)
{
    nv_csv_field f = L->fields[c->pos];
    const nv_strtab *st = &L->inv->strings;
    if (c->last && slot_holds(c->last, st, f)) {
        *out = c->last->id;
        return 0;
    }
    struct recent *slot = &c->recent[cache_slot(f)];
    c->last = slot;
    if (slot_holds(slot, st, f)) {
        *out = slot->id;
        return 0;
    }
    int rc = nv_strtab_intern(&L->inv->strings, f.p, f.len, out, NULL);
    if (rc < 0 || f.len >= UINT32_MAX)
        return rc; /* the slot keeps its old value: last still valid */
    slot->id = *out;
    slot->len = (uint32_t)f.len;
    slot->off = nv_strtab_offset(st, *out);
    memcpy(slot->text, f.p, f.len < RECENT_TEXT ? f.len : RECENT_TEXT);
    return rc;
}

static int parse_status(nv_csv_field f, uint8_t *out)
{
    static const char *const names[] = {"active", "planned", "decommissioned"};
    if (f.len == 0 || (f.len == 6 && memcmp(f.p, "active", 6) == 0)) {
        *out = NV_STATUS_ACTIVE;
        return 0;
    }
    for (uint8_t i = 0; i < 3; i++) {
        if (strlen(names[i]) == f.len && strncasecmp(names[i], f.p, f.len) == 0) {
            *out = i;
            return 0;
        }
    }
    return -1;
}

/* Lower-case ASCII tags, split on ';', appended to inv->tags. */
static int split_tags(netvet_inventory *inv, nv_csv_field f)
{
    const char *p = f.p, *end = f.p + f.len;
    while (p < end) {
        const char *semi = memchr(p, ';', (size_t)(end - p));
        const char *stop = semi ? semi : end;
        nv_csv_field t = nv_field_trim((nv_csv_field){p, (size_t)(stop - p)});
        if (t.len) {
            char buf[256];
            size_t n = t.len < sizeof(buf) ? t.len : sizeof(buf);
            for (size_t i = 0; i < n; i++)
                buf[i] = (char)((t.p[i] >= 'A' && t.p[i] <= 'Z') ? t.p[i] + 32 : t.p[i]);
            uint32_t id;
            int rc = NV_GROW(inv->tags, inv->tags_cap, inv->n_tags + 1);
            if (rc < 0 ||
                (rc = nv_strtab_intern(&inv->strings, buf, n, &id, NULL)) < 0)
                return rc;
            inv->tags[inv->n_tags++] = id;
        }
        p = stop + 1;
    }
    return 0;
}

/* The row's tags; a field equal to the previous row's reuses its ids
 * (most rows repeat a few tag sets). */
static int store_tags(nv_loader *L, grow_list *g, nv_csv_field f, size_t row)
{
    netvet_inventory *inv = L->inv;
    size_t from = inv->n_tags;
    int rc;
    inv->tag_off[row] = (uint32_t)from;
    if (f.len == g->last_tags_len && nv_equal_bytes(f.p, g->last_tags, f.len)) {
        if (NV_GROW(inv->tags, inv->tags_cap, from + g->n_last_ids) < 0)
            return NETVET_ENOMEM;
        if (g->n_last_ids)
            memcpy(inv->tags + from, g->last_ids,
                   g->n_last_ids * sizeof(uint32_t));
        inv->n_tags += g->n_last_ids;
    } else if ((rc = split_tags(inv, f)) < 0) {
        return rc;
    } else {
        size_t n = inv->n_tags - from;
        g->last_tags_len = SIZE_MAX;
        if (f.len <= sizeof(g->last_tags) && n <= 8) {
            memcpy(g->last_tags, f.p, f.len);
            if (n)
                memcpy(g->last_ids, inv->tags + from, n * sizeof(uint32_t));
            g->last_tags_len = f.len;
            g->n_last_ids = n;
        }
    }
    inv->tag_off[row + 1] = (uint32_t)inv->n_tags;
    return 0;
}

/* netvet_function_parse behind a table of the spellings already seen
 * (f is not empty; spellings of up to 22 bytes are kept, until the table
 * is three quarters full). */
static int parse_function(nv_loader *L, nv_csv_field f, netvet_function *fn)
{
    const size_t mask = NV_FN_SEEN_SLOTS - 1;
    size_t j = (size_t)(nv_field_mix(f) >> 58) & mask;
    for (; L->fn_seen[j].len; j = (j + 1) & mask) {
        if (L->fn_seen[j].len == f.len &&
            nv_equal_bytes(L->fn_seen[j].text, f.p, f.len)) {
            *fn = (netvet_function)L->fn_seen[j].value;
            return 0;
        }
    }
    if (netvet_function_parse(fn, f.p, f.len) < 0)
        return -1;
    if (f.len > sizeof(L->fn_seen[j].text) ||
        L->n_fn_seen >= NV_FN_SEEN_SLOTS / 4 * 3)
        return 0;
    L->n_fn_seen++;
    memcpy(L->fn_seen[j].text, f.p, f.len);
    L->fn_seen[j].len = (uint8_t)f.len;
    L->fn_seen[j].value = (uint8_t)*fn;
    return 0;
}

typedef struct row_values {
    netvet_function fn;
    uint8_t status;
    double weight;
    int lat_given, lon_given;
    int32_t installed;
} row_values;

/* Is f (not empty) a number within [-lim, lim]? */
static inline int coordinate_within(nv_csv_field f, double lim)
{
    double v;
    int r = nv_simple_decimal_within(f, (uint64_t)lim); /* f is trimmed */
    return r >= 0 ? r : nv_field_number(f, &v) == 0 && fabs(v) <= lim;
}

/* Latitude or longitude c: *given when not empty. Only checked here: the
 * site map keeps one point per site, so a row's coordinates are computed
 * only when its site differs from the previous row's (store_site_point).
 * @return 0, or 1 after reporting a bad row (rc set to the loader's
 * verdict). */
static inline int check_coordinate(nv_loader *L, nv_col c, double lim,
                                   int *given, int *rc)
{
    nv_csv_field f = field(L, c);
    *given = f.len > 0;
    if (f.len == 0 || coordinate_within(f, lim))
        return 0;
    *rc = nv_loader_bad_row(L, L->pos[c] + 1,
                            "%s '%.*s' is not a number in [-%g, %g]",
                            nv_col_name(c), (int)(f.len > 64 ? 64 : f.len),
                            f.p, lim, lim);
    return 1;
}

/* Validate the typed fields. @return 0, or 1 after reporting a bad row
 * (rc set to the loader's verdict). */
static int check_typed(nv_loader *L, grow_list *g, row_values *v, int *rc)
{
    nv_csv_field f;
    if (field(L, NV_COL_ID).len == 0) {
        *rc = nv_loader_bad_row(L, L->pos[NV_COL_ID] + 1, "empty id");
        return 1;
    }
    f = field(L, NV_COL_FUNCTION);
    if (f.len == 0 && L->evidence_only) {
        v->fn = NETVET_FN_OTHER;
    } else if (f.len == 0) {
        *rc = nv_loader_bad_row(L, L->pos[NV_COL_FUNCTION] + 1, "empty function");
        return 1;
    } else if (parse_function(L, f, &v->fn) < 0) {
        *rc = nv_loader_bad_row(L, L->pos[NV_COL_FUNCTION] + 1,
            "unknown function '%.*s' (expected core, management, security, "
            "aggregation, access, ran, cpe, other or an alias)",
            (int)(f.len > 64 ? 64 : f.len), f.p);
        return 1;
    }
    v->weight = 0;
    f = field(L, NV_COL_WEIGHT);
    if (f.len && nv_field_weight(&g->weight, f, &v->weight) < 0) {
        *rc = nv_loader_bad_row(L, L->pos[NV_COL_WEIGHT] + 1,
            "weight '%.*s' is not a number from 0 to 1e15", (int)(f.len > 64 ? 64 : f.len), f.p);
        return 1;
    }
    if (check_coordinate(L, NV_COL_LAT, 90, &v->lat_given, rc) ||
        check_coordinate(L, NV_COL_LON, 180, &v->lon_given, rc))
        return 1;
    v->installed = NV_NO_DATE;
    f = field(L, NV_COL_INSTALLED);
    if (f.len && nv_parse_date(f.p, f.len, &v->installed) < 0) {
        *rc = nv_loader_bad_row(L, L->pos[NV_COL_INSTALLED] + 1,
            "installed '%.*s' is not a date YYYY-MM-DD", (int)(f.len > 64 ? 64 : f.len), f.p);
        return 1;
    }
    if (f.len && v->installed > L->far_installed) /* kept, with a word */
        nv_diag_warn(L->diag, L->file, L->line, L->pos[NV_COL_INSTALLED] + 1,
                     "installed '%.*s' is more than 5 years in the future "
                     "(a mistyped year?); row kept", (int)f.len, f.p);
    f = field(L, NV_COL_STATUS);
    if (parse_status(f, &v->status) < 0) {
        *rc = nv_loader_bad_row(L, L->pos[NV_COL_STATUS] + 1,
            "status '%.*s' is not active, planned or decommissioned",
            (int)(f.len > 64 ? 64 : f.len), f.p);
        return 1;
    }
    return 0;
}

static int check_utf8(nv_loader *L, int *rc)
{
    if (L->rec->bad_utf8 < 0)
        return 0;
    *rc = nv_loader_bad_row(L, (unsigned long)L->rec->bad_utf8 + 1,
                            "invalid UTF-8");
    return 1;
}

/* Plan the string columns once (it was a 12-entry table built per row). */
static int plan_strings(nv_loader *L, grow_list *g)
{
    netvet_inventory *inv = L->inv;
    /* MACs are nearly all distinct: stored, not interned. */
    struct { nv_col c; uint32_t **col; int distinct; } s[] = {
        {NV_COL_VENDOR, &inv->vendor, 0}, {NV_COL_SITE, &inv->site, 0},
        {NV_COL_REGION, &inv->region, 0}, {NV_COL_MAC, &inv->mac, 1},
        {NV_COL_SYS_OBJECT_ID, &inv->sys_object_id, 0},
        {NV_COL_SYS_DESCR, &inv->sys_descr, 0},
        {NV_COL_LLDP_DESCR, &inv->lldp_descr, 0}, {NV_COL_CPE, &inv->cpe, 0},
    };
    size_t n = sizeof(s) / sizeof(s[0]);
    g->str = nv_calloc(n + inv->n_attrs, sizeof(*g->str));
    if (!g->str)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (L->pos[s[i].c] >= 0)
            g->str[g->n_str++] = (str_col){.pos = L->pos[s[i].c],
                                           .col = s[i].col,
                                           .distinct = s[i].distinct};
    for (size_t p = 0; p < L->n_cols; p++)
        if (L->attr[p] >= 0)
            g->str[g->n_str++] = (str_col){
                .pos = (int)p, .col = &inv->attrs[L->attr[p]].value};
    for (size_t i = 0; i < g->n_str; i++) /* nothing cached yet */
        for (size_t k = 0; k < RECENT; k++)
            g->str[i].recent[k].len = UINT32_MAX;
    return 0;
}

static int store_strings(nv_loader *L, grow_list *g, size_t row)
{
    nv_strtab *st = &L->inv->strings;
    /* the vendor column always exists in memory; an evidence-only file
     * may lack it in the header: then it reads as empty */
    if (L->pos[NV_COL_VENDOR] < 0)
        L->inv->vendor[row] = 0;
    for (size_t i = 0; i < g->n_str; i++) {
        str_col *c = &g->str[i];
        uint32_t *out = &(*c->col)[row];
        nv_csv_field f = L->fields[c->pos];
        int rc = c->distinct ? nv_strtab_append(st, f.p, f.len, out)
                             : intern_at(L, c, out);
        if (rc < 0)
            return rc;
    }
    return store_tags(L, g, field(L, NV_COL_TAGS), row);
}

static void store_typed(netvet_inventory *inv, size_t row, const row_values *v,
                        unsigned long line)
{
    inv->function[row] = (uint8_t)v->fn;
    inv->status[row] = v->status;
    inv->weight[row] = v->weight;
    inv->line[row] = (uint32_t)line;
    if (inv->installed)
        inv->installed[row] = v->installed;
}

/* Keep the id and note whether ids still increase; the id map is built
 * (unless they all do), and duplicates found, when the parts are merged
 * (merge.h). */
static int store_id(nv_loader *L, size_t row)
{
    nv_csv_field f = field(L, NV_COL_ID);
    uint32_t id;
    if (!L->ids_unsorted && row > 0 && nv_inv_id_cmp(L->inv, row - 1, f.p, f.len) >= 0)
        L->ids_unsorted = 1;
    return nv_strtab_append(&L->inv->ids, f.p, f.len, &id);
}

/* The row's coordinates for the site map, unless the previous row was at
 * the same site (nv_inv_add_site_geo would keep nothing): both were
 * checked. @return 0 or NETVET_ENOMEM. */
static int store_site_point(nv_loader *L, uint32_t site)
{
    netvet_inventory *inv = L->inv;
    double lat = 0, lon = 0;
    if (nv_inv_site_geo_is_last(inv, site))
        return 0;
    (void)nv_field_number(field(L, NV_COL_LAT), &lat);
    (void)nv_field_number(field(L, NV_COL_LON), &lon);
    return nv_inv_add_site_geo(inv, site, lat, lon);
}

static int load_row(nv_loader *L, void *ctx)
{
    grow_list *g = ctx;
    netvet_inventory *inv = L->inv;
    row_values v;
    int rc = 0;
    if (L->n_fields != L->n_cols)
        return nv_loader_bad_row(L, 0, "expected %zu fields, found %zu",
                                 L->n_cols, L->n_fields);
    if (check_utf8(L, &rc) || check_typed(L, g, &v, &rc))
        return rc;
    size_t row = inv->n;
    if ((rc = grow_columns(inv, g, row + 1, L->shared_columns)) < 0 ||
        (rc = store_id(L, row)) < 0)
        return rc;
    store_typed(inv, row, &v, L->line);
    if ((rc = store_strings(L, g, row)) < 0)
        return rc;
    if (L->site_points && inv->site && inv->site[row] && v.lat_given &&
        v.lon_given &&
        (rc = store_site_point(L, inv->site[row])) < 0)
        return rc;
    inv->n++;
    L->stats->rows_loaded++;
    return 0;
}

int nv_elements_alloc(nv_loader *L, size_t rows, size_t bytes)
{
    grow_list g = {0};
    netvet_inventory *inv = L->inv;
    plan_columns(L, &g);
    L->expect_rows = rows;
    if (grow_columns(inv, &g, rows, 0) < 0 ||
        /* a MAC per row and the distinct values of other columns */
        nv_strtab_reserve(&inv->strings, rows + rows / 8 + 1024, bytes) < 0 ||
        nv_strtab_reserve(&inv->ids, rows, bytes) < 0)
        return NETVET_ENOMEM;
    return 0;
}

int nv_elements_limit(nv_loader *L, const nv_part_span *span)
{
    int rc = nv_strtab_limit(&L->inv->strings, span->str_to);
    return rc < 0 ? rc : nv_strtab_limit(&L->inv->ids, span->id_to);
}

int nv_elements_share(nv_loader *L, nv_loader *from, size_t base, size_t rows,
                      const nv_part_span *span)
{
    grow_list mine = {0}, theirs = {0};
    netvet_inventory *inv = L->inv, *to = from->inv;
    plan_columns(L, &mine);
    plan_columns(from, &theirs);
    for (size_t i = 0; i < mine.n; i++)
        *mine.ptr[i] = (char *)*theirs.ptr[i] + base * mine.size[i];
    for (size_t k = 0; k < inv->n_attrs; k++)
        inv->attrs[k].value = to->attrs[k].value + base;
    /* the columns point into part 0's now: cleanup must not free them,
     * whatever fails next */
    L->shared_columns = 1;
    inv->tag_off = nv_reallocarray(NULL, rows + 1, sizeof(uint32_t));
    if (!inv->tag_off)
        return NETVET_ENOMEM;
    inv->cap = rows;
    L->expect_rows = rows;
    int rc = nv_strtab_share_bytes(&inv->strings, &to->strings,
                                   span->str_from, span->str_to);
    return rc < 0 ? rc
                  : nv_strtab_share_rows(&inv->ids, &to->ids, base, rows,
                                         span->id_from, span->id_to);
}

void nv_elements_unshare(nv_loader *L)
{
    grow_list g = {0};
    if (!L->shared_columns)
        return;
    plan_columns(L, &g);
    for (size_t i = 0; i < g.n; i++)
        *g.ptr[i] = NULL;
    for (size_t k = 0; k < L->inv->n_attrs; k++)
        L->inv->attrs[k].value = NULL;
    L->shared_columns = 0;
}

/* Room for two tags a row (the first part's, sized for every part's rows,
 * takes the others' at the merge): grown by doubling, the tags array was
 * copied a dozen times at 1M rows, and once more by the merge. Pages not
 * written cost address space only. */
static int reserve_tags(nv_loader *L)
{
    if (L->pos[NV_COL_TAGS] < 0)
        return 0;
    return NV_GROW(L->inv->tags, L->inv->tags_cap, L->expect_rows * 2);
}

int nv_load_elements(nv_loader *L)
{
    grow_list g = {0};
    g.last_tags_len = SIZE_MAX;
    g.weight = (nv_number_memo)NV_NUMBER_MEMO_INIT;
    plan_columns(L, &g);
    /* MACs and ids are stored once per row: room for them up front */
    if (grow_columns(L->inv, &g, L->expect_rows, L->shared_columns) < 0 ||
        plan_strings(L, &g) < 0 ||
        nv_strtab_reserve(&L->inv->strings, L->expect_rows, L->expect_bytes) < 0 ||
        nv_strtab_reserve(&L->inv->ids, L->expect_rows, L->expect_bytes / 4) < 0 ||
        reserve_tags(L) < 0) {
        nv_free(g.str);
        return NETVET_ENOMEM;
    }
    L->inv->tag_off[0] = 0;
    L->keys.n = 0; /* ids are hashed only if the id map is needed */
    int rc = nv_loader_rows(L, "elements", load_row, &g);
    nv_free(g.str);
    return rc;
}
