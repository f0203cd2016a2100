/* SPDX-License-Identifier: Apache-2.0 */
/* Build the analysed view of an inventory: declared vendor -> registry root
 * vendor (resolved once per distinct name), vendor -> the set of risk
 * domains of its jurisdictions (view.h), and which elements exist as of
 * the assessment date. */
#include "analysis/view.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/clock.h"
#include "util/jobs.h"
#include "vendors/names.h"

/* Domain index for a country, adding it if new; -2 when out of memory. */
static int32_t domain_of(nv_view *v, const char *country)
{
    for (size_t d = 0; d < v->n_domains; d++)
        if (strcmp(v->domain_country[d], country) == 0)
            return (int32_t)d;
    char *c = nv_strdup(country);
    char **grown = nv_reallocarray(v->domain_country, v->n_domains + 1,
                                   sizeof(char *));
    if (!c || !grown) {
        nv_free(c);
        if (grown)
            v->domain_country = grown;
        return -2;
    }
    v->domain_country = grown;
    v->domain_country[v->n_domains] = c;
    return (int32_t)v->n_domains++;
}

/* "CN+FI": the countries of domains dom[0..n) in code order (owned). */
static char *set_label(const nv_view *v, const int32_t *dom, size_t n)
{
    const char **c = nv_reallocarray(NULL, n ? n : 1, sizeof(*c));
    size_t len = 1;
    if (!c)
        return NULL;
    for (size_t i = 0; i < n; i++) { /* few: insertion sort by code */
        const char *x = v->domain_country[dom[i]];
        size_t j = i;
        for (; j > 0 && strcmp(c[j - 1], x) > 0; j--)
            c[j] = c[j - 1];
        c[j] = x;
        len += strlen(x) + 1;
    }
    char *s = nv_malloc(len);
    if (s) {
        s[0] = '\0';
        for (size_t i = 0; i < n; i++) {
            if (i)
                strcat(s, "+");
            strcat(s, c[i]);
        }
    }
    nv_free(c);
    return s;
}

/* Key of the domain set dom[0..n) (ascending, distinct), adding it if new;
 * -2 when out of memory. */
static int32_t dset_of(nv_view *v, const int32_t *dom, size_t n)
{
    for (size_t s = 0; s < v->n_dsets; s++) {
        uint32_t a = v->dset_off[s];
        if (v->dset_off[s + 1] - a == n &&
            (n == 0 || memcmp(v->dset_dom + a, dom, n * sizeof(*dom)) == 0))
            return (int32_t)s;
    }
    size_t ns = v->n_dsets, used = ns ? v->dset_off[ns] : 0;
    uint32_t *off = nv_reallocarray(v->dset_off, ns + 2, sizeof(*off));
    if (off)
        v->dset_off = off;
    int32_t *d = nv_reallocarray(v->dset_dom, used + n + 1, sizeof(*d));
    if (d)
        v->dset_dom = d;
    char **lab = nv_reallocarray(v->dset_label, ns + 1, sizeof(*lab));
    if (lab)
        v->dset_label = lab;
    char *label = off && d && lab ? set_label(v, dom, n) : NULL;
    if (!label)
        return -2;
    if (n)
        memcpy(v->dset_dom + used, dom, n * sizeof(*dom));
    v->dset_off[ns] = (uint32_t)used;
    v->dset_off[ns + 1] = (uint32_t)(used + n);
    v->dset_label[ns] = label;
    v->multi_domain |= n > 1;
    return (int32_t)v->n_dsets++;
}

/* Set key of the countries codes[0..n) (any order, repeats allowed). */
static int32_t codes_set(nv_view *v, const char *const *codes, size_t n)
{
    int32_t *dom = nv_reallocarray(NULL, n ? n : 1, sizeof(*dom));
    size_t m = 0;
    if (!dom)
        return -2;
    for (size_t i = 0; i < n; i++) {
        int32_t d = domain_of(v, codes[i]), j = (int32_t)m;
        if (d < 0) {
            nv_free(dom);
            return d;
        }
        for (; j > 0 && dom[j - 1] > d; j--) /* ascending, distinct */
            ;
        if (j > 0 && dom[j - 1] == d)
            continue;
        memmove(dom + j + 1, dom + j, (m - (size_t)j) * sizeof(*dom));
        dom[j] = d;
        m++;
    }
    int32_t s = dset_of(v, dom, m);
    nv_free(dom);
    return s;
}

/* Every registry vendor's domain set, from its jurisdictions. Domains are
 * numbered by the vendors' registry countries first (the order reports
 * break ties in, as before ownership), then any other country an owner
 * brings. */
static int build_domains(nv_view *v)
{
    size_t nv = netvet_registry_count(v->reg);
    v->vendor_dset = nv_calloc(nv ? nv : 1, sizeof(int32_t));
    if (!v->vendor_dset)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < nv; i++) {
        const char *c = netvet_registry_country(v->reg, (int)i);
        if (c && domain_of(v, c) < 0)
            return NETVET_ENOMEM;
    }
    for (size_t i = 0; i < nv; i++) {
        const char *few[8], **codes = few;
        size_t n = netvet_registry_jurisdictions(v->reg, (int)i, v->as_of,
                                                 v->threshold, few, 8);
        if (n > 8) {
            if (!(codes = nv_reallocarray(NULL, n, sizeof(*codes))))
                return NETVET_ENOMEM;
            n = netvet_registry_jurisdictions(v->reg, (int)i, v->as_of,
                                              v->threshold, codes, n);
        }
        int32_t s = codes_set(v, codes, n);
        if (codes != few)
            nv_free(codes);
        if (s < 0)
            return NETVET_ENOMEM;
        v->vendor_dset[i] = s;
    }
    return 0;
}

int nv_view_set_jurisdictions(nv_view *v, size_t vendor,
                              const char *const *codes, size_t n)
{
    if (vendor >= netvet_registry_count(v->reg))
        return NETVET_EINVAL;
    int32_t s = codes_set(v, codes, n);
    if (s < 0)
        return NETVET_ENOMEM;
    v->vendor_dset[vendor] = s;
    for (size_t k = 0; k < v->n; k++)
        if (v->vendor[k] == (int32_t)vendor)
            v->dset[k] = s;
    return 0;
}

/* Registry roots of declared vendor strings, and the domain sets of the
 * entries they name, by string id: a small direct-mapped cache in front of
 * the registry's name resolution (an inventory has tens of vendor
 * spellings, but its string ids run to the number of names, so an array
 * by id would be tens of MB at 10M). */
#define ROOT_CACHE 4096

typedef struct root_cache {
    uint32_t sid[ROOT_CACHE]; /* string id + 1, 0 = empty */
    int32_t root[ROOT_CACHE];
    int32_t set[ROOT_CACHE];  /* domain set of the entry the name names */
} root_cache;

/* String ids that resolved not exactly (a string may recur after it left
 * the cache); oom set when one could not be kept. */
typedef struct sid_list {
    uint32_t *ids;
    size_t n, cap;
    int oom;
} sid_list;

/* Root vendor of string s; *set = the domain set of the entry s names. */
static int32_t root_of(root_cache *c, sid_list *odd, const nv_view *v,
                       uint32_t s, int32_t *set)
{
    const netvet_inventory *inv = v->inv;
    const netvet_registry *reg = v->reg;
    size_t slot = (s * 2654435761u) % ROOT_CACHE;
    if (c->sid[slot] == s + 1) {
        *set = c->set[slot];
        return c->root[slot];
    }
    nv_name_match how;
    int i = nv_registry_resolve_how(reg, nv_inv_str(inv, s),
                                    nv_strtab_strlen(&inv->strings, s), &how);
    if (i >= 0 && how != NV_MATCH_EXACT) {
        if (NV_GROW(odd->ids, odd->cap, odd->n + 1) < 0)
            odd->oom = 1;
        else
            odd->ids[odd->n++] = s;
    }
    c->sid[slot] = s + 1;
    c->root[slot] = i < 0 ? -1 : netvet_registry_root(reg, i);
    c->set[slot] = *set = i < 0 ? -1 : v->vendor_dset[i];
    return c->root[slot];
}

static int exists_on(const netvet_inventory *inv, size_t k, int32_t as_of)
{
    if (inv->status[k] == NV_STATUS_DECOMMISSIONED)
        return 0;
    if (inv->installed && inv->installed[k] != NV_NO_DATE &&
        inv->installed[k] > as_of)
        return 0;
    if (inv->status[k] == NV_STATUS_PLANNED &&
        (!inv->installed || inv->installed[k] == NV_NO_DATE))
        return 0;
    return 1;
}

/* Elements [lo, hi) of a view: vendor roots, domains, counted. */
typedef struct view_job {
    nv_view *v;
    size_t lo, hi;
    root_cache *cache;
    sid_list odd;
} view_job;

static void *resolve_range(void *arg)
{
    view_job *j = arg;
    nv_view *v = j->v;
    const netvet_inventory *inv = v->inv;
    for (size_t k = j->lo; k < j->hi; k++) {
        int32_t set;
        v->vendor[k] = root_of(j->cache, &j->odd, v, inv->vendor[k], &set);
        v->dset[k] = set;
        v->counted[k] = (uint8_t)exists_on(inv, k, v->as_of);
    }
    return NULL;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The jobs' lists, sorted and without repeats, into v->lookalike. */
static int merge_lookalikes(nv_view *v, sid_list *a, sid_list *b)
{
    int oom = a->oom || b->oom;
    if (!oom && b->n && NV_GROW(a->ids, a->cap, a->n + b->n) < 0)
        oom = 1;
    if (!oom && b->n) {
        memcpy(a->ids + a->n, b->ids, b->n * sizeof(uint32_t));
        a->n += b->n;
    }
    nv_free(b->ids);
    if (oom) {
        nv_free(a->ids);
        return NETVET_ENOMEM;
    }
    if (a->n)
        qsort(a->ids, a->n, sizeof(uint32_t), cmp_u32);
    size_t w = 0;
    for (size_t i = 0; i < a->n; i++)
        if (w == 0 || a->ids[w - 1] != a->ids[i])
            a->ids[w++] = a->ids[i];
    v->lookalike = a->ids;
    v->n_lookalike = w;
    return 0;
}

int nv_view_build(nv_view *v, const netvet_inventory *inv,
                  const netvet_registry *reg, int32_t as_of,
                  double threshold)
{
    double t0 = nv_clock_seconds();
    memset(v, 0, sizeof(*v));
    v->inv = inv;
    v->reg = reg;
    v->as_of = as_of;
    v->threshold = threshold;
    v->n = inv->n;
    v->counted = nv_reallocarray(NULL, inv->n ? inv->n : 1, 1);
    v->vendor = nv_reallocarray(NULL, inv->n ? inv->n : 1, sizeof(int32_t));
    v->dset = nv_reallocarray(NULL, inv->n ? inv->n : 1, sizeof(int32_t));
    root_cache *cache = nv_calloc(2, sizeof(*cache));
    if (!v->counted || !v->vendor || !v->dset || !cache ||
        build_domains(v) < 0) {
        nv_free(cache);
        nv_view_dispose(v);
        return NETVET_ENOMEM;
    }
    size_t nj = nv_jobs_for(inv->n, NV_VIEW_HALVES_FROM), mid = nj == 2 ? inv->n / 2 : inv->n;
    view_job jobs[2] = {{v, 0, mid, &cache[0], {0}}, {v, mid, inv->n, &cache[1], {0}}};
    nv_run_jobs(resolve_range, jobs, nj, sizeof(jobs[0]));
    nv_free(cache);
    if (merge_lookalikes(v, &jobs[0].odd, &jobs[1].odd) < 0) {
        nv_view_dispose(v);
        return NETVET_ENOMEM;
    }
    for (size_t k = 0; k < inv->n; k++) { /* in order: the same sum */
        if (v->counted[k]) {
            v->n_counted++;
            v->total_weight += inv->weight[k];
        }
    }
    v->times.view = nv_clock_seconds() - t0;
    return 0;
}

void nv_view_dispose(nv_view *v)
{
    for (size_t d = 0; d < v->n_domains; d++)
        nv_free(v->domain_country[d]);
    nv_free(v->domain_country);
    for (size_t s = 0; s < v->n_dsets; s++)
        nv_free(v->dset_label[s]);
    nv_free(v->dset_label);
    nv_free(v->dset_off);
    nv_free(v->dset_dom);
    nv_free(v->counted);
    nv_free(v->vendor);
    nv_free(v->dset);
    nv_free(v->alt_vendor);
    nv_free(v->lookalike);
    nv_free(v->vendor_dset);
    nv_free(v->tag_bits);
    memset(v, 0, sizeof(*v));
}

void nv_view_graph_input(nv_graph_input *in, const nv_view *v)
{
    const netvet_inventory *inv = v->inv;
    in->n = v->n;
    in->counted = v->counted;
    in->vendor = v->vendor;
    in->dset = v->dset;
    in->n_vendors = netvet_registry_count(v->reg);
    in->n_domains = v->n_domains;
    in->n_dsets = v->n_dsets;
    in->dset_off = v->dset_off;
    in->dset_dom = v->dset_dom;
    in->weight = inv->weight;
    in->function = inv->function;
    in->region = inv->region;
    in->n_region_ids = inv->strings.n;
}
