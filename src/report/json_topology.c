/* SPDX-License-Identifier: Apache-2.0 */
/* JSON report, topology part: the "exposure" object (dependent weight per
 * domain and vendor with function and region breakdowns, single points of
 * failure) and the streamed "sink_dependencies" array. */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "util/alloc.h"

static void put(json_t *obj, const char *key, json_t *val, int *ok)
{
    if (!val || json_object_set_new(obj, key, val) < 0)
        *ok = 0;
}

static double share(double part, double whole)
{
    return whole > 0 ? part / whole : 0;
}

static const char *region_name(const nv_exposure *x,
                               const netvet_inventory *inv, size_t r)
{
    return x->region_id[r] ? nv_inv_str(inv, x->region_id[r]) : "";
}

typedef struct named_slot {
    const char *name;
    size_t slot;
} named_slot;

static int by_name(const void *pa, const void *pb)
{
    return strcmp(((const named_slot *)pa)->name,
                  ((const named_slot *)pb)->name);
}

/* The exposure's region slots in order of their names (bytewise), so the
 * JSON never depends on which region the inventory mentioned first.
 * @return an array the caller frees, or NULL (out of memory, or none). */
static size_t *region_order(const netvet_assessment *a)
{
    const nv_exposure *x = &a->exposure;
    size_t n = x->n_regions;
    named_slot *tmp = n ? nv_malloc(n * sizeof(*tmp)) : NULL;
    size_t *order = n ? nv_malloc(n * sizeof(*order)) : NULL;
    if (!tmp || !order) {
        nv_free(tmp);
        nv_free(order);
        return NULL;
    }
    for (size_t r = 0; r < n; r++)
        tmp[r] = (named_slot){region_name(x, a->view.inv, r), r};
    qsort(tmp, n, sizeof(*tmp), by_name);
    for (size_t i = 0; i < n; i++)
        order[i] = tmp[i].slot;
    nv_free(tmp);
    return order;
}

static json_t *breakdown(const netvet_assessment *a, const nv_exposure_group *g,
                         size_t gi, const size_t *order, int *ok)
{
    const nv_exposure *x = &a->exposure;
    json_t *fn = json_object(), *rg = json_object(), *o = json_object();
    if (!fn || !rg || !o) {
        json_decref(fn), json_decref(rg), json_decref(o);
        return *ok = 0, NULL;
    }
    for (int f = 0; f < NETVET_FN_COUNT; f++)
        if (g->fn_weight[f] > 0)
            put(fn, netvet_function_name((netvet_function)f),
                json_real(g->fn_weight[f]), ok);
    for (size_t i = 0; i < x->n_regions; i++) {
        size_t r = order[i];
        double w = x->region_lost[gi * x->n_regions + r];
        if (w > 0)
            put(rg, region_name(x, a->view.inv, r), json_real(w), ok);
    }
    put(o, "by_function", fn, ok);
    put(o, "by_region", rg, ok);
    return o;
}

static json_t *groups(const netvet_assessment *a, int kind, int *ok)
{
    const nv_exposure *x = &a->exposure;
    size_t *order = region_order(a);
    if (x->n_regions && !order)
        return *ok = 0, NULL;
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < x->n_groups && *ok; i++) {
        const nv_exposure_group *g = &x->groups[i];
        if (g->kind != kind)
            continue;
        json_t *o = json_object();
        if (!o || json_array_append_new(arr, o) < 0) {
            nv_free(order);
            return *ok = 0, arr;
        }
        put(o, kind == NV_GROUP_DOMAIN ? "domain" : "vendor",
            json_string(kind == NV_GROUP_DOMAIN ? nv_domain_label(a, g->key)
                                                : nv_vendor_label(a, g->key)),
            ok);
        put(o, "elements", json_integer((json_int_t)g->n_elements), ok);
        put(o, "lost_weight", json_real(g->lost_weight), ok);
        put(o, "lost_share", json_real(share(g->lost_weight, x->sink_weight)), ok);
        put(o, "lost_sinks", json_integer((json_int_t)g->lost_sinks), ok);
        json_t *b = breakdown(a, g, i, order, ok);
        if (b) {
            json_object_update(o, b);
            json_decref(b);
        }
    }
    nv_free(order);
    return arr ? arr : (*ok = 0, NULL);
}

static json_t *spof_top(const netvet_assessment *a, int *ok)
{
    const nv_view *v = &a->view;
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < a->n_top && *ok; i++) {
        uint32_t k = a->top[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(arr, o) < 0)
            return *ok = 0, arr;
        put(o, "id", json_string(nv_inv_id(v->inv, k)), ok);
        put(o, "line", json_integer(v->inv->line[k]), ok);
        put(o, "function", json_string(netvet_function_name(v->inv->function[k])), ok);
        put(o, "vendor", json_string(nv_vendor_label(a, v->vendor[k])), ok);
        put(o, "domain", json_string(nv_dset_label(a, v->dset[k])), ok);
        put(o, "impact", json_real(a->dom.impact[k]), ok);
        put(o, "impact_share", json_real(share(a->dom.impact[k], a->exposure.sink_weight)), ok);
    }
    return arr ? arr : (*ok = 0, NULL);
}

static json_t *spof_sums(const netvet_assessment *a, int domains, int *ok)
{
    size_t n = domains ? a->view.n_domains : netvet_registry_count(a->view.reg);
    const double *sum = domains ? a->spof_by_domain : a->spof_by_vendor;
    json_t *o = json_object();
    for (size_t i = 0; o && i < n; i++)
        if (sum[i] > 0)
            put(o, domains ? nv_domain_label(a, (int32_t)i)
                           : nv_vendor_label(a, (int32_t)i),
                json_real(sum[i]), ok);
    return o ? o : (*ok = 0, NULL);
}

int nv_report_json_topology(json_t *doc, const netvet_assessment *a)
{
    if (!a->has_topology)
        return 0;
    const nv_exposure *x = &a->exposure;
    int ok = 1;
    json_t *e = json_object(), *sp = json_object();
    if (!e || !sp) {
        json_decref(e), json_decref(sp);
        return NETVET_ENOMEM;
    }
    put(e, "sources", json_integer((json_int_t)x->n_sources), &ok);
    put(e, "sources_are", json_string(a->sources_desc), &ok);
    put(e, "sinks", json_integer((json_int_t)x->n_sinks), &ok);
    put(e, "sink_weight", json_real(x->sink_weight), &ok);
    put(e, "disconnected_sinks", json_integer((json_int_t)x->n_disconnected), &ok);
    put(e, "disconnected_weight", json_real(x->disconnected_weight), &ok);
    put(e, "domains", groups(a, NV_GROUP_DOMAIN, &ok), &ok);
    put(e, "vendors", groups(a, NV_GROUP_VENDOR, &ok), &ok);
    put(sp, "top", spof_top(a, &ok), &ok);
    put(sp, "impact_by_domain", spof_sums(a, 1, &ok), &ok);
    put(sp, "impact_by_vendor", spof_sums(a, 0, &ok), &ok);
    put(e, "single_points_of_failure", sp, &ok);
    put(doc, "exposure", e, &ok);
    return ok ? 0 : NETVET_ENOMEM;
}

/* One "{id, domains}" line into buf (sized by the caller). */
static size_t sink_line(char *buf, const netvet_assessment *a, size_t k)
{
    const nv_exposure *x = &a->exposure;
    const uint64_t *row = x->depends + k * x->n_depend_words;
    size_t n = 0;
    memcpy(buf, "\n    {\"id\": ", 12);
    n = 12 + nv_json_quote(buf + 12, nv_inv_id(a->view.inv, k));
    memcpy(buf + n, ", \"domains\": [", 14);
    n += 14;
    int first = 1;
    for (size_t w = 0; w < x->n_depend_words; w++) {
        for (uint64_t bits = row[w]; bits; bits &= bits - 1) {
            size_t d = w * 64 + (size_t)__builtin_ctzll(bits);
            if (!first)
                buf[n++] = ',', buf[n++] = ' ';
            first = 0;
            n += nv_json_quote(buf + n, a->view.domain_country[d]);
        }
    }
    memcpy(buf + n, "]}", 2);
    return n + 2;
}

static int sink_has_depends(const nv_exposure *x, size_t k)
{
    const uint64_t *row = x->depends + k * x->n_depend_words;
    int any = 0;
    for (size_t w = 0; w < x->n_depend_words; w++)
        any |= row[w] != 0;
    return any;
}

/* The sinks with dependencies, in element id order (bytewise), so the
 * array never depends on the order of the rows (issue 16, item 12); no
 * sort when the ids already arrived sorted. */
static int sink_order(const netvet_assessment *a, uint32_t **out, size_t *n)
{
    const nv_exposure *x = &a->exposure;
    size_t m = 0;
    *out = NULL;
    *n = 0;
    if (!a->has_topology || !x->depends)
        return 0;
    for (size_t k = 0; k < a->view.n; k++)
        m += (size_t)sink_has_depends(x, k);
    if (!(*out = nv_malloc((m ? m : 1) * sizeof(uint32_t))))
        return NETVET_ENOMEM;
    for (size_t k = 0; k < a->view.n; k++)
        if (sink_has_depends(x, k))
            (*out)[(*n)++] = (uint32_t)k;
    nv_report_sort_by_id(a->view.inv, *out, *n);
    return 0;
}

/* Streamed: sinks can be millions, one jansson object each would cost
 * seconds and gigabytes. */
int nv_report_json_sinks(FILE *out, const netvet_assessment *a)
{
    const nv_view *v = &a->view;
    size_t cap = 64 + 16 * v->n_domains, n_sinks;
    for (size_t d = 0; d < v->n_domains; d++)
        cap += 6 * strlen(v->domain_country[d]);
    char *buf = NULL;
    size_t buf_cap = 0;
    uint32_t *order;
    int first = 1, rc = sink_order(a, &order, &n_sinks);
    if (rc < 0)
        return rc;
    fputs(",\n  \"sink_dependencies\": [", out);
    for (size_t i = 0; i < n_sinks; i++) {
        size_t k = order[i];
        size_t need = cap + 6 * strlen(nv_inv_id(v->inv, k));
        if (NV_GROW(buf, buf_cap, need) < 0) {
            rc = NETVET_ENOMEM;
            break;
        }
        if (!first)
            fputc(',', out);
        first = 0;
        fwrite(buf, 1, sink_line(buf, a, k), out);
    }
    nv_free(buf);
    nv_free(order);
    fputs(first ? "]\n}\n" : "\n  ]\n}\n", out);
    return rc < 0 ? rc : ferror(out) ? NETVET_EIO : 0;
}
