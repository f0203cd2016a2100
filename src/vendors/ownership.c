/* SPDX-License-Identifier: Apache-2.0 */
/* Ownership in the registry (format 2): owner ids resolved and ownership
 * cycles rejected when an overlay is applied; which states can compel an
 * entry on a day (jurisdictions) and which listings apply to it on a day,
 * both walking the owners that hold enough of it then. Loading the owners
 * is left to registry_yaml.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/diag.h"
#include "vendors/registry_int.h"

static const char *const category_names[NETVET_CATEGORY_COUNT] = {
    "router", "switch", "olt", "ont", "ran", "core", "transport",
    "optical", "cpe", "wlan", "firewall", "camera", "module", "server",
    "radio", "inverter", "drone", "other"};

const char *netvet_category_name(size_t i)
{
    return i < NETVET_CATEGORY_COUNT ? category_names[i] : NULL;
}

int netvet_owner_in_force(const netvet_owner *o, int32_t as_of)
{
    return o && o->from_day <= as_of && as_of < o->until_day;
}

int netvet_listing_in_force(const netvet_listing *l, int32_t as_of)
{
    if (!l)
        return 0;
    int32_t from = nv_reg_date_days(l->date, INT32_MIN);
    int32_t until = nv_reg_date_days(l->until, INT32_MAX);
    return from <= as_of && as_of < until;
}

/* ---- edges: the parent (100 %, always) and the owning entries ---- */

/* Do r's owners name its parent? Then they give the parent's stakes and
 * dates, and the parent link only says which family r is attributed to. */
static int parent_is_owner(const nv_vrec *r)
{
    for (size_t j = 0; r->pub.parent >= 0 && j < r->pub.n_owners; j++)
        if (r->owners[j].owner_index == r->pub.parent)
            return 1;
    return 0;
}

/* Number of ownership edges out of entry i (some may lead nowhere). */
static size_t n_edges(const nv_vrec *r)
{
    return 1 + r->pub.n_owners;
}

/* Target of edge e of r (-1 when it is a state or no parent), with its
 * share, whether it counts on `as_of` and its line in this overlay. */
static int edge(const nv_vrec *r, size_t e, int32_t as_of, double *share,
                int *in_force, unsigned long *line)
{
    if (e == 0) {
        *share = 100;
        *in_force = 1;
        *line = r->parent_line;
        return parent_is_owner(r) ? -1 : r->pub.parent;
    }
    const netvet_owner *o = &r->owners[e - 1];
    *share = o->share;
    *in_force = netvet_owner_in_force(o, as_of);
    *line = r->owner_lines ? r->owner_lines[e - 1] : 0;
    return o->owner ? o->owner_index : -1;
}

/* ---- load-time checks ---- */

static int resolve_owners(nv_regstate *st, const char *file,
                          netvet_diag *diag)
{
    for (size_t i = 0; i < st->n; i++) {
        nv_vrec *r = &st->v[i];
        for (size_t j = 0; j < r->pub.n_owners; j++) {
            netvet_owner *o = &r->owners[j];
            o->owner_index = -1;
            if (!o->owner)
                continue;
            int64_t k = nv_strtab_find(&st->ids, o->owner, strlen(o->owner));
            if (k < 0)
                return nv_diag_fail(diag, NETVET_EPARSE, file,
                                    r->owner_lines[j], 0,
                                    "owner '%s' of '%s' names no registry "
                                    "entry", o->owner, r->pub.id);
            if ((size_t)k == i)
                return nv_diag_fail(diag, NETVET_EPARSE, file,
                                    r->owner_lines[j], 0,
                                    "'%s' cannot own itself", r->pub.id);
            o->owner_index = (int)k;
        }
    }
    return NETVET_OK;
}

typedef struct frame {
    int32_t node;
    uint32_t next; /* next edge to follow */
} frame;

/* The cycle is stack[from..top) closed by the last frame's edge. */
static int report_owner_cycle(const nv_regstate *st, const frame *stack,
                              size_t from, size_t top, const char *file,
                              netvet_diag *diag)
{
    char path[512];
    size_t used = 0;
    unsigned long line = 0;
    for (size_t k = from; k < top; k++) {
        const nv_vrec *r = &st->v[stack[k].node];
        double share;
        int inf;
        unsigned long l;
        edge(r, stack[k].next - 1, 0, &share, &inf, &l);
        if (!line)
            line = l;
        int w = snprintf(path + used, sizeof(path) - used, "%s -> ",
                         r->pub.id);
        if (w > 0 && (size_t)w < sizeof(path) - used - 4)
            used += (size_t)w;
    }
    snprintf(path + used, sizeof(path) - used, "%s",
             st->v[stack[from].node].pub.id);
    return nv_diag_fail(diag, NETVET_EPARSE, file, line, 0,
                        "ownership cycle: %s", path);
}

/* Depth-first search from `root` over every edge, whatever its dates. */
static int dfs(const nv_regstate *st, int32_t root, unsigned char *color,
               frame *stack, const char *file, netvet_diag *diag)
{
    size_t top = 0;
    stack[top++] = (frame){root, 0};
    color[root] = 1;
    while (top) {
        frame *f = &stack[top - 1];
        const nv_vrec *r = &st->v[f->node];
        if (f->next >= n_edges(r)) {
            color[f->node] = 2;
            top--;
            continue;
        }
        double share;
        int inf;
        unsigned long line;
        int t = edge(r, f->next++, 0, &share, &inf, &line);
        if (t < 0 || color[t] == 2)
            continue;
        if (color[t] == 1) {
            size_t from = 0;
            while (stack[from].node != t)
                from++;
            return report_owner_cycle(st, stack, from, top, file, diag);
        }
        color[t] = 1;
        stack[top++] = (frame){t, 0};
    }
    return NETVET_OK;
}

int nv_regstate_check_owners(nv_regstate *st, const char *file,
                             netvet_diag *diag)
{
    int rc = resolve_owners(st, file, diag);
    if (rc < 0 || st->n == 0)
        return rc;
    unsigned char *color = nv_calloc(st->n, 1);
    frame *stack = nv_calloc(st->n, sizeof(*stack));
    rc = color && stack ? NETVET_OK : NETVET_ENOMEM;
    for (size_t i = 0; rc == NETVET_OK && i < st->n; i++)
        if (!color[i])
            rc = dfs(st, (int32_t)i, color, stack, file, diag);
    nv_free(color);
    nv_free(stack);
    return rc;
}

/* ---- walks on a day ---- */

/* Visit i and every entry reachable from it through edges in force on
 * `as_of` whose share passes (>= min, or > min when `strict`), each once;
 * stop early when visit returns nonzero (which is returned). */
typedef int (*visit_fn)(const nv_vrec *r, void *ctx);

#define NV_WALK_SMALL 256 /* registries this size walk without malloc */

static int walk(const nv_regstate *st, int i, int32_t as_of, double min,
                int strict, visit_fn visit, void *ctx)
{
    int32_t small_q[NV_WALK_SMALL];
    unsigned char small_seen[NV_WALK_SMALL];
    int small = st->n <= NV_WALK_SMALL;
    int32_t *q = small ? small_q : nv_malloc(st->n * sizeof(*q));
    unsigned char *seen = small ? small_seen : nv_calloc(st->n, 1);
    int hit = 0;
    if (!q || !seen) { /* out of memory: the entry alone */
        hit = visit(&st->v[i], ctx);
        goto done;
    }
    if (small)
        memset(seen, 0, st->n);
    size_t head = 0, tail = 0;
    q[tail++] = i;
    seen[i] = 1;
    while (head < tail && !hit) {
        const nv_vrec *r = &st->v[q[head++]];
        hit = visit(r, ctx);
        for (size_t e = 0; e < n_edges(r); e++) {
            double share;
            int inf;
            unsigned long line;
            int t = edge(r, e, as_of, &share, &inf, &line);
            int enough = strict ? share > min : share >= min;
            if (t >= 0 && inf && enough && !seen[t]) {
                seen[t] = 1;
                q[tail++] = t;
            }
        }
    }
done:
    if (!small) {
        nv_free(q);
        nv_free(seen);
    }
    return hit;
}

#define NV_MAX_CODES 256

typedef struct codes {
    const char *c[NV_MAX_CODES];
    size_t n;
    int32_t as_of;
    double threshold;
} codes;

static void add_code(codes *s, const char *c)
{
    if (!c || !*c)
        return;
    for (size_t k = 0; k < s->n; k++)
        if (!strcmp(s->c[k], c))
            return;
    if (s->n < NV_MAX_CODES)
        s->c[s->n++] = c;
}

static int collect(const nv_vrec *r, void *ctx)
{
    codes *s = ctx;
    add_code(s, r->pub.country);
    for (size_t j = 0; j < r->pub.n_owners; j++) {
        const netvet_owner *o = &r->owners[j];
        if (o->state && o->share >= s->threshold &&
            netvet_owner_in_force(o, s->as_of))
            add_code(s, o->state);
    }
    return 0;
}

static int cmp_code(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t netvet_registry_jurisdictions(const netvet_registry *reg, int i,
                                     int32_t as_of, double threshold,
                                     const char **out, size_t cap)
{
    if (!reg || i < 0 || (size_t)i >= reg->st.n)
        return 0;
    codes s = {.n = 0, .as_of = as_of, .threshold = threshold};
    walk(&reg->st, i, as_of, threshold, 0, collect, &s);
    qsort(s.c, s.n, sizeof(s.c[0]), cmp_code);
    for (size_t k = 0; k < s.n && k < cap; k++)
        out[k] = s.c[k];
    return s.n;
}

typedef struct listed_ctx {
    const char *id;
    int32_t as_of;
} listed_ctx;

static int has_listing(const nv_vrec *r, void *ctx)
{
    const listed_ctx *c = ctx;
    for (size_t j = 0; j < r->pub.n_listings; j++)
        if (r->listings[j].id && !strcmp(r->listings[j].id, c->id) &&
            netvet_listing_in_force(&r->listings[j], c->as_of))
            return 1;
    return 0;
}

int netvet_registry_listed(const netvet_registry *reg, int i,
                           const char *listing_id, int32_t as_of)
{
    if (!reg || !listing_id || i < 0 || (size_t)i >= reg->st.n)
        return 0;
    listed_ctx c = {listing_id, as_of};
    return walk(&reg->st, i, as_of, 50.0, 1, has_listing, &c);
}

typedef struct in_force_ctx {
    const nv_regstate *st;
    int32_t as_of;
    netvet_listing_ref *out;
    size_t cap, n;
} in_force_ctx;

static int collect_listings(const nv_vrec *r, void *ctx)
{
    in_force_ctx *c = ctx;
    for (size_t j = 0; j < r->pub.n_listings; j++) {
        if (!netvet_listing_in_force(&r->listings[j], c->as_of))
            continue;
        if (c->n < c->cap) {
            c->out[c->n].holder = (int)(r - c->st->v);
            c->out[c->n].listing = &r->listings[j];
        }
        c->n++;
    }
    return 0;
}

size_t netvet_registry_listings_in_force(const netvet_registry *reg, int i,
                                         int32_t as_of,
                                         netvet_listing_ref *out, size_t cap)
{
    if (!reg || i < 0 || (size_t)i >= reg->st.n)
        return 0;
    in_force_ctx c = {&reg->st, as_of, out, out ? cap : 0, 0};
    walk(&reg->st, i, as_of, 50.0, 1, collect_listings, &c);
    return c.n;
}

size_t netvet_registry_alias_count(const netvet_registry *reg, size_t i)
{
    return nv_registry_alias_count(reg, i);
}

const char *netvet_registry_alias(const netvet_registry *reg, size_t i,
                                  size_t j)
{
    return nv_registry_alias(reg, i, j);
}
